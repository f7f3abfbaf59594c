//! CAMEO and PLOVER codes of meetings, from what the combined record of a meeting says: its
//! status, mode, kind, place and parties. (Statements and demands are coded by extraction, from
//! their words; see `data/dictionaries/event_codes.csv`.)
//!
//! CAMEO: 040 consult; 041 discuss by telephone; 042 make a visit; 044 meet at a "third"
//! location; 046 engage in negotiation; and 036, "express intent to meet or negotiate", for a
//! meeting that is planned, proposed, postponed or cancelled rather than held. PLOVER: every
//! meeting is CONSULT, with the mode phone, visit, third-party or multilateral where one fits.

use rusqlite::{Connection, params};

use super::KbError;

/// What a meeting's codes depend on.
#[derive(Debug, Default)]
pub struct MeetingFacts {
    pub status: String,
    pub mode: String,
    pub kind: String,
    /// Country of the meeting's place.
    pub place_country: Option<String>,
    /// The parties: states, organisations and groups taking part, named or implied.
    pub parties: usize,
    /// ISO codes of the states among the parties.
    pub state_codes: Vec<String>,
}

impl MeetingFacts {
    pub fn load(
        conn: &Connection,
        meeting_id: i64,
        status: &str,
        mode: &str,
        kind: &str,
        place_id: Option<i64>,
    ) -> Result<MeetingFacts, KbError> {
        let place_country: Option<String> = match place_id {
            Some(id) => crate::kb::query_one(
                conn,
                "SELECT country_iso3 FROM places WHERE id = ?1",
                [id],
                |row| row.get(0),
            )?,
            None => None,
        };
        let mut select = conn.prepare_cached(
            "SELECT a.kind, a.iso3 FROM meeting_participants AS mp JOIN actors AS a ON a.id = mp.actor_id \
             WHERE mp.meeting_id = ?1 AND a.kind <> 'person'",
        )?;
        let mut parties = 0;
        let mut state_codes = Vec::new();
        for row in select.query_map(params![meeting_id], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, Option<String>>(1)?))
        })? {
            let (kind, iso3) = row?;
            parties += 1;
            if kind == "state" {
                state_codes.extend(iso3);
            }
        }
        Ok(MeetingFacts {
            status: status.to_string(),
            mode: mode.to_string(),
            kind: kind.to_string(),
            place_country,
            parties,
            state_codes,
        })
    }

    /// Two parties make a bilateral meeting, more a multilateral one. Persons count through
    /// the parties they are implied to represent.
    pub fn scope(&self) -> &'static str {
        match self.parties {
            0 | 1 => "unknown",
            2 => "bilateral",
            _ => "multilateral",
        }
    }
}

/// A meeting's codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingCode {
    pub cameo: &'static str,
    pub plover: &'static str,
    pub plover_mode: Option<&'static str>,
}

pub fn meeting(facts: &MeetingFacts) -> MeetingCode {
    let remote = matches!(facts.mode.as_str(), "phone" | "video") || facts.kind == "call";
    let plover_mode = if remote {
        Some("phone")
    } else if facts.parties > 2 {
        Some("multilateral")
    } else if facts.kind == "visit" {
        Some("visit")
    } else {
        match &facts.place_country {
            Some(country) if facts.state_codes.len() >= 2 => {
                if facts.state_codes.contains(country) {
                    Some("visit")
                } else {
                    Some("third-party")
                }
            }
            _ => None,
        }
    };
    let cameo = if facts.status != "held" {
        "036"
    } else if remote {
        "041"
    } else if matches!(
        facts.kind.as_str(),
        "talks" | "negotiations" | "negotiation" | "dialogue"
    ) {
        "046"
    } else {
        match plover_mode {
            Some("visit") => "042",
            Some("third-party") => "044",
            _ => "040",
        }
    };
    MeetingCode {
        cameo,
        plover: "CONSULT",
        plover_mode,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(
        status: &str,
        mode: &str,
        kind: &str,
        place: Option<&str>,
        states: &[&str],
    ) -> MeetingFacts {
        MeetingFacts {
            status: status.into(),
            mode: mode.into(),
            kind: kind.into(),
            place_country: place.map(String::from),
            parties: states.len(),
            state_codes: states.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn meetings_are_coded_by_mode_kind_and_place() {
        let code = |f: MeetingFacts| {
            let c = meeting(&f);
            (c.cameo, c.plover_mode)
        };
        assert_eq!(
            code(facts("held", "phone", "call", None, &["USA", "UKR"])),
            ("041", Some("phone"))
        );
        assert_eq!(
            code(facts(
                "held",
                "in_person",
                "talks",
                Some("CHE"),
                &["USA", "RUS"]
            )),
            ("046", Some("third-party"))
        );
        assert_eq!(
            code(facts(
                "held",
                "in_person",
                "meeting",
                Some("CHE"),
                &["USA", "RUS"]
            )),
            ("044", Some("third-party"))
        );
        assert_eq!(
            code(facts(
                "held",
                "unknown",
                "meeting",
                Some("UKR"),
                &["USA", "UKR"]
            )),
            ("042", Some("visit"))
        );
        assert_eq!(
            code(facts(
                "held",
                "unknown",
                "summit",
                Some("BEL"),
                &["USA", "FRA", "DEU"]
            )),
            ("040", Some("multilateral"))
        );
        assert_eq!(
            code(facts(
                "planned",
                "unknown",
                "meeting",
                Some("AUT"),
                &["USA", "RUS"]
            ))
            .0,
            "036"
        );
        assert_eq!(
            meeting(&facts("held", "unknown", "meeting", None, &[])).plover,
            "CONSULT"
        );
    }
}
