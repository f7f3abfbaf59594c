//! Refreshing a meeting from its reports: takes a meeting id and writes the row of
//! `meetings` (label, kind, mode, status, date and bounds, place, outcome, codes) and its
//! `meeting_participants` as functions of its reports alone.

use std::collections::HashMap;

use rusqlite::{Connection, params};

use super::meeting_fit::label_words;
use crate::kb::codes;
use crate::kb::{KbError, exec};

/// The value most reports give; ties go to the first in `candidates`' order.
pub(super) fn most_common<T: Clone + Eq + std::hash::Hash>(candidates: &[T]) -> Option<T> {
    let mut counts: HashMap<&T, usize> = HashMap::with_capacity(candidates.len());
    for c in candidates {
        *counts.entry(c).or_default() += 1;
    }
    let mut best: Option<(&T, usize)> = None;
    for c in candidates {
        let count = counts[c];
        if best.is_none_or(|(_, n)| count > n) {
            best = Some((c, count));
        }
    }
    best.map(|(c, _)| c.clone())
}

pub(super) fn precision_rank(precision: &str) -> u8 {
    match precision {
        "day" => 3,
        "month" => 2,
        "year" => 1,
        _ => 0,
    }
}

/// The date of a fact: from the most precise reports, the date most of them give (the earliest
/// of a tie), with the words of the first report that gives it.
pub(in crate::kb) fn pick_date(
    dates: &[(Option<String>, String, Option<String>)],
) -> (Option<String>, String, Option<String>) {
    let best = dates
        .iter()
        .map(|(_, p, _)| precision_rank(p))
        .max()
        .unwrap_or(0);
    let mut candidates: Vec<&String> = dates
        .iter()
        .filter(|(d, p, _)| d.is_some() && precision_rank(p) == best)
        .filter_map(|(d, _, _)| d.as_ref())
        .collect();
    candidates.sort();
    let Some(date) = most_common(&candidates) else {
        let phrase = dates.iter().find_map(|(_, _, phrase)| phrase.clone());
        return (None, "unknown".to_string(), phrase);
    };
    let (_, precision, phrase) = dates
        .iter()
        .find(|(d, _, _)| d.as_ref() == Some(date))
        .cloned()
        .unwrap_or_default();
    (Some(date.clone()), precision, phrase)
}

/// Recomputes a meeting from its reports.
pub fn refresh_meeting(conn: &Connection, id: i64) -> Result<(), KbError> {
    struct Row {
        label: Option<String>,
        kind: String,
        mode: String,
        status: String,
        date: Option<String>,
        precision: String,
        phrase: Option<String>,
        end_date: Option<String>,
        place: Option<(i64, String, String)>,
        outcome: Option<String>,
        bounds: Option<(String, String)>,
        basis: Option<String>,
    }
    let rows: Vec<Row> = {
        let mut select = conn.prepare_cached(
            "SELECT r.id, r.label, r.kind, r.mode, r.status, r.date, r.date_precision, r.date_phrase, \
             r.end_date, r.place_id, p.kind, p.name, r.outcome, r.date_earliest, r.date_latest, \
             r.date_basis \
             FROM meeting_reports AS r JOIN articles AS a ON a.id = r.article_id \
             LEFT JOIN places AS p ON p.id = r.place_id \
             WHERE r.meeting_id = ?1 ORDER BY ifnull(a.published, ''), a.content_sha256, r.position",
        )?;
        select
            .query_map([id], |row| {
                let place = match row.get::<_, Option<i64>>(9)? {
                    Some(p) => Some((p, row.get(10)?, row.get(11)?)),
                    None => None,
                };
                Ok(Row {
                    label: row.get(1)?,
                    kind: row.get(2)?,
                    mode: row.get(3)?,
                    status: row.get(4)?,
                    date: row.get(5)?,
                    precision: row.get(6)?,
                    phrase: row.get(7)?,
                    end_date: row.get(8)?,
                    place,
                    outcome: row.get(12)?,
                    bounds: row
                        .get::<_, Option<String>>(13)?
                        .zip(row.get::<_, Option<String>>(14)?),
                    basis: row.get(15)?,
                })
            })?
            .collect::<Result<_, _>>()?
    };
    if rows.is_empty() {
        return Ok(());
    }
    // A meeting any source reports held was held; otherwise the latest source says what it is.
    let status = if rows.iter().any(|r| r.status == "held") {
        "held".to_string()
    } else {
        rows[rows.len() - 1].status.clone()
    };
    // Dates: those the text gives; only when none does, those the articles bound.
    let basis = if rows.iter().any(|r| r.basis.as_deref() == Some("text")) {
        Some("text")
    } else if rows.iter().any(|r| r.basis.as_deref() == Some("article")) {
        Some("article")
    } else {
        None
    };
    let of_basis = |r: &&Row| basis.is_none() || r.basis.as_deref() == basis;
    // A meeting held on another day than planned (see [`meetings_conflict`]) is dated by the
    // reports that it was held, when they date it as precisely as the plans.
    let best = |rows: &mut dyn Iterator<Item = &Row>| {
        rows.filter(|r| r.date.is_some())
            .map(|r| precision_rank(&r.precision))
            .max()
    };
    let held_dates = status == "held"
        && best(&mut rows.iter().filter(of_basis).filter(|r| r.status == "held"))
            .is_some_and(|held| Some(held) == best(&mut rows.iter().filter(of_basis)));
    let dates: Vec<(Option<String>, String, Option<String>)> = rows
        .iter()
        .filter(of_basis)
        .filter(|r| !held_dates || r.status == "held")
        .map(|r| (r.date.clone(), r.precision.clone(), r.phrase.clone()))
        .collect();
    let (date, precision, phrase) = pick_date(&dates);
    let (date_earliest, date_latest) = meeting_bounds(
        rows.iter().filter_map(|r| r.bounds.as_ref()),
        rows.iter()
            .filter(of_basis)
            .filter_map(|r| r.bounds.as_ref()),
    );
    let end_date = rows
        .iter()
        .filter(|r| r.date == date)
        .find_map(|r| r.end_date.clone());
    // Names: the capitalised ones most reports give, the longest of a tie.
    let mut labels: Vec<&String> = rows
        .iter()
        .filter_map(|r| r.label.as_ref())
        .filter(|l| !label_words(l).is_empty())
        .collect();
    labels.sort_by_key(|l| std::cmp::Reverse(l.len()));
    let label = most_common(&labels)
        .cloned()
        .or_else(|| rows.iter().find_map(|r| r.label.clone()));
    let kinds: Vec<&String> = rows
        .iter()
        .map(|r| &r.kind)
        .filter(|k| k.as_str() != "meeting")
        .collect();
    let kind = most_common(&kinds)
        .cloned()
        .unwrap_or_else(|| "meeting".to_string());
    let modes: Vec<&String> = rows
        .iter()
        .map(|r| &r.mode)
        .filter(|m| m.as_str() != "unknown")
        .collect();
    let mode = most_common(&modes)
        .cloned()
        .unwrap_or_else(|| "unknown".to_string());
    // Places: the one most reports give; between as many, a city before a venue or country.
    let mut places: Vec<&(i64, String, String)> =
        rows.iter().filter_map(|r| r.place.as_ref()).collect();
    let kind_rank = |k: &str| match k {
        "city" => 0,
        "venue" => 1,
        "region" => 2,
        _ => 3,
    };
    places.sort_by(|x, y| {
        kind_rank(&x.1)
            .cmp(&kind_rank(&y.1))
            .then_with(|| x.2.cmp(&y.2))
    });
    let place_id = most_common(&places).map(|p| p.0);
    let outcome = rows.iter().find_map(|r| r.outcome.clone());
    // Participants: everyone any report names; implied only if no report names them.
    exec(
        conn,
        "DELETE FROM meeting_participants WHERE meeting_id = ?1",
        [id],
    )?;
    {
        let mut insert = conn.prepare_cached(
            "INSERT INTO meeting_participants (meeting_id, actor_id, role, implied) \
             VALUES (?1, ?2, ?3, ?4) \
             ON CONFLICT (meeting_id, actor_id) DO UPDATE SET implied = min(implied, excluded.implied), \
             role = CASE WHEN role = 'participant' THEN excluded.role ELSE role END",
        )?;
        // In the order of the sources, so that a role the first source gives wins.
        let mut select = conn.prepare_cached(
            "SELECT rp.actor_id, rp.role, rp.implied FROM meeting_report_participants AS rp \
             JOIN meeting_reports AS r ON r.id = rp.meeting_report_id \
             JOIN articles AS a ON a.id = r.article_id \
             WHERE r.meeting_id = ?1 \
             ORDER BY ifnull(a.published, ''), a.content_sha256, r.position, rp.id",
        )?;
        let mut merged: Vec<(i64, String, bool)> = Vec::new();
        let rows = select.query_map([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, bool>(2)?,
            ))
        })?;
        for row in rows {
            let (actor, role, implied) = row?;
            match merged.iter_mut().find(|(a, _, _)| *a == actor) {
                Some(entry) => {
                    entry.2 &= implied;
                    if entry.1 == "participant" {
                        entry.1 = role;
                    }
                }
                None => merged.push((actor, role, implied)),
            }
        }
        for (actor, role, implied) in merged {
            insert.execute(params![id, actor, role, implied])?;
        }
    }
    let facts = codes::MeetingFacts::load(conn, id, &status, &mode, &kind, place_id)?;
    let code = codes::meeting(&facts);
    exec(
        conn,
        "UPDATE meetings SET label = ?2, kind = ?3, mode = ?4, scope = ?5, status = ?6, date = ?7, \
         date_precision = ?8, date_phrase = ?9, end_date = ?10, place_id = ?11, outcome = ?12, \
         cameo_code = ?13, plover_category = ?14, plover_mode = ?15, date_earliest = ?16, \
         date_latest = ?17, date_basis = ?18 WHERE id = ?1",
        params![
            id,
            label,
            kind,
            mode,
            facts.scope(),
            status,
            date,
            precision,
            phrase,
            end_date,
            place_id,
            outcome,
            code.cameo,
            code.plover,
            code.plover_mode,
            date_earliest,
            date_latest,
            basis,
        ],
    )?;
    Ok(())
}

/// A meeting's bounds from its reports': the days all of them allow (an undated report of an
/// article published on the 10th says it was held by then); else the days all that date it
/// from the text (`dated`) allow; where those allow none in common (a report joined the
/// meeting it fitted best, see [`join_best`]), the days from the first to the last they allow.
/// ISO days compare as text.
pub(super) fn meeting_bounds<'a>(
    all: impl Iterator<Item = &'a (String, String)> + Clone,
    dated: impl Iterator<Item = &'a (String, String)> + Clone,
) -> (Option<String>, Option<String>) {
    let common = |reports: &mut dyn Iterator<Item = &'a (String, String)>| {
        let (mut first, mut last): (Option<&String>, Option<&String>) = (None, None);
        for (a, b) in reports {
            first = first.max(Some(a));
            last = Some(last.map_or(b, |l| l.min(b)));
        }
        first.zip(last).filter(|(a, b)| a <= b)
    };
    if let Some((first, last)) = common(&mut all.clone()).or_else(|| common(&mut dated.clone())) {
        return (Some(first.clone()), Some(last.clone()));
    }
    (
        dated.clone().map(|(first, _)| first).min().cloned(),
        dated.map(|(_, last)| last).max().cloned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meetings_bounds_are_the_days_all_its_reports_allow() {
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        let text = [pair("2022-07-08", "2022-07-17")];
        let all = [
            pair("2022-07-08", "2022-07-17"),
            pair("2022-07-01", "2022-07-10"),
        ];
        assert_eq!(
            meeting_bounds(all.iter(), text.iter()),
            (Some("2022-07-08".into()), Some("2022-07-10".into()))
        );
        // Reports that allow no day in common: the text's days, first to last.
        let apart = [
            pair("2022-07-08", "2022-07-09"),
            pair("2022-07-20", "2022-07-20"),
        ];
        assert_eq!(
            meeting_bounds(apart.iter(), apart.iter()),
            (Some("2022-07-08".into()), Some("2022-07-20".into()))
        );
    }
}
