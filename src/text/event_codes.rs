//! CAMEO and PLOVER event codes for statements, demands and the answers to demands, from
//! `event_codes.csv`: a reporting verb's base form codes a statement ("condemn": 111), words in
//! what is demanded code a demand ("withdrawal": 1056), and a demand's code codes the rejection
//! or acceptance of it (1056 rejected: 1246, "refuse to de-escalate").

use std::collections::HashMap;

use serde::Serialize;

/// An event's codes in the two schemes that event datasets (GDELT, ICEWS, POLECAT) use.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct EventCode {
    /// CAMEO event code, as text because leading zeros matter ("010").
    pub cameo: String,
    /// PLOVER event category ("REQUEST"); `None` where PLOVER codes no event (a plain statement).
    pub plover: Option<String>,
    /// PLOVER mode within the category, where one applies.
    pub plover_mode: Option<String>,
}

/// The four lookups of `event_codes.csv`.
#[derive(Debug, Default)]
pub struct EventCodes {
    statement: HashMap<String, EventCode>,
    /// Words of a demanded thing, matched at the start of a word ("withdraw" finds "withdrawal").
    demand_cues: Vec<(String, EventCode)>,
    demand_default: Option<EventCode>,
    rejection: HashMap<String, EventCode>,
    acceptance: HashMap<String, EventCode>,
}

/// Which lookup a row of `event_codes.csv` belongs to (its `fact` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventFact {
    Statement,
    Demand,
    Rejection,
    Acceptance,
}

impl EventFact {
    pub fn parse(fact: &str) -> Result<EventFact, String> {
        match fact {
            "statement" => Ok(EventFact::Statement),
            "demand" => Ok(EventFact::Demand),
            "rejection" => Ok(EventFact::Rejection),
            "acceptance" => Ok(EventFact::Acceptance),
            other => Err(format!(
                "fact must be statement, demand, rejection or acceptance, not {other:?}"
            )),
        }
    }
}

/// What the answer to a demand was, as far as codes care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Rejected,
    Accepted,
}

const STATEMENT: &str = "010";

impl EventCodes {
    /// Adds one row; a later row for the same fact and cue replaces an earlier one, so that a
    /// user's dictionary can recode a verb.
    pub fn add(&mut self, fact: EventFact, cue: &str, code: EventCode) {
        let cue = cue.trim().to_lowercase();
        match fact {
            EventFact::Statement => {
                self.statement.insert(cue, code);
            }
            EventFact::Demand if cue.is_empty() => self.demand_default = Some(code),
            EventFact::Demand => {
                self.demand_cues.retain(|(c, _)| *c != cue);
                self.demand_cues.push((cue, code));
            }
            EventFact::Rejection => {
                self.rejection.insert(cue, code);
            }
            EventFact::Acceptance => {
                self.acceptance.insert(cue, code);
            }
        }
    }

    /// The code of a statement made with a reporting verb of this base form ("say", "warn");
    /// 010, "make statement", when the verb is unknown or there is none.
    pub fn statement(&self, lemma: Option<&str>) -> EventCode {
        lemma
            .and_then(|l| self.statement.get(&l.to_lowercase()))
            .cloned()
            .unwrap_or_else(|| EventCode {
                cameo: STATEMENT.to_string(),
                plover: None,
                plover_mode: None,
            })
    }

    /// The code of a demand for `text`: the cue word found earliest in it, the longer cue where
    /// two start together; the general demand code when none is found.
    pub fn demand(&self, text: &str) -> EventCode {
        let lower = text.to_lowercase();
        let mut best: Option<(usize, usize, &EventCode)> = None;
        for (cue, code) in &self.demand_cues {
            let Some(at) = find_word_start(&lower, cue) else {
                continue;
            };
            let better = match best {
                None => true,
                Some((b_at, b_len, _)) => at < b_at || (at == b_at && cue.len() > b_len),
            };
            if better {
                best = Some((at, cue.len(), code));
            }
        }
        match best {
            Some((_, _, code)) => code.clone(),
            None => self.demand_default.clone().unwrap_or_else(|| EventCode {
                cameo: "100".to_string(),
                plover: Some("REQUEST".to_string()),
                plover_mode: None,
            }),
        }
    }

    /// The code of answering a demand coded `demand`: the most specific row for the demand's
    /// code or its parent codes (1056, then 105, then 10), else the row with no cue.
    pub fn answer(&self, demand: &str, answer: Answer) -> Option<EventCode> {
        let table = match answer {
            Answer::Rejected => &self.rejection,
            Answer::Accepted => &self.acceptance,
        };
        let mut code = demand;
        loop {
            if let Some(found) = table.get(code) {
                return Some(found.clone());
            }
            if code.is_empty() {
                return None;
            }
            code = &code[..code.len() - 1];
        }
    }
}

/// Where `needle` occurs in `haystack` starting a word.
fn find_word_start(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .match_indices(needle)
        .map(|(at, _)| at)
        .find(|&at| {
            !haystack[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        })
}

#[cfg(test)]
mod tests {
    use crate::text::Lexicon;

    use super::*;

    fn cameo(code: Option<EventCode>) -> Option<String> {
        code.map(|c| c.cameo)
    }

    #[test]
    fn statements_are_coded_by_their_verb() {
        let codes = &Lexicon::builtin().event_codes;
        assert_eq!(codes.statement(Some("say")).cameo, "010");
        assert_eq!(codes.statement(Some("warn")).cameo, "012");
        let condemn = codes.statement(Some("condemn"));
        assert_eq!(condemn.cameo, "111");
        assert_eq!(condemn.plover.as_deref(), Some("ACCUSE"));
        assert_eq!(codes.statement(None).cameo, "010");
        assert_eq!(codes.statement(None).plover, None);
    }

    #[test]
    fn demands_are_coded_by_what_is_demanded() {
        let codes = &Lexicon::builtin().event_codes;
        let code = |text: &str| codes.demand(text).cameo;
        assert_eq!(
            code("the withdrawal of NATO forces from Eastern Europe"),
            "1056"
        );
        assert_eq!(code("a return to talks"), "106");
        assert_eq!(code("the release of the detained journalists"), "1053");
        assert_eq!(code("a guarantee that Ukraine would never join"), "100");
        // The earliest cue wins: what is demanded first is what the demand is.
        assert_eq!(code("de-escalate by withdrawing its forces"), "1056");
        assert_eq!(code("talks on the withdrawal"), "106");
        // Cues start words: "said" does not hold "aid".
        assert_eq!(code("what was said"), "100");
        assert_eq!(codes.demand("x").plover.as_deref(), Some("REQUEST"));
    }

    #[test]
    fn answers_take_the_most_specific_code_of_the_demand() {
        let codes = &Lexicon::builtin().event_codes;
        assert_eq!(
            cameo(codes.answer("1056", Answer::Rejected)).unwrap(),
            "1246"
        );
        assert_eq!(cameo(codes.answer("106", Answer::Rejected)).unwrap(), "125");
        // 1031 has no row of its own: its parent 103 has.
        assert_eq!(
            cameo(codes.answer("1031", Answer::Rejected)).unwrap(),
            "122"
        );
        assert_eq!(cameo(codes.answer("100", Answer::Rejected)).unwrap(), "120");
        let accepted = codes.answer("1056", Answer::Accepted).unwrap();
        assert_eq!(
            (accepted.cameo.as_str(), accepted.plover.as_deref()),
            ("087", Some("CONCEDE"))
        );
    }
}
