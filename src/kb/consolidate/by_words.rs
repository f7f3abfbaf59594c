//! Combining statement and demand reports: grouped by their words (the hash of
//! [`crate::kb::write::text_key`]), occasion (the week) and who made them. Takes new reports'
//! keys and dates and gives where each goes ([`Placement`], decided before it is stored), and
//! regroups the reports of words whose speakers were merged or that lost a report
//! ([`statements`], [`demands`]); the facts are recomputed later, a batch at a time
//! ([`crate::kb::refresh`]).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::{Connection, params};

use super::meeting_fit::date_span;
use super::{Fact, assign};
use crate::kb::KbError;

/// A report as grouping sees it: who it is by (speaker, or the demanding party), its kind and
/// its date.
#[derive(Debug)]
pub(super) struct KeyedReport {
    id: i64,
    kind: String,
    by: Option<i64>,
    /// The fact it belongs to now.
    fact: i64,
    /// The first and last day its date allows.
    days: Option<(NaiveDate, NaiveDate)>,
}

impl KeyedReport {
    /// A row of `id, kind, who, fact, date`.
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<KeyedReport> {
        let date: Option<String> = row.get(4)?;
        Ok(KeyedReport {
            id: row.get(0)?,
            kind: row.get(1)?,
            by: row.get(2)?,
            fact: row.get(3)?,
            days: any_span(date.as_deref()),
        })
    }
}

/// The days a date of any precision allows: a day, a month or a year.
pub(super) fn any_span(date: Option<&str>) -> Option<(NaiveDate, NaiveDate)> {
    let date = date?;
    if let Some((first, last, _)) = date_span(Some(date), None) {
        return Some((first, last));
    }
    let year: i32 = date.parse().ok()?;
    Some((
        NaiveDate::from_ymd_opt(year, 1, 1)?,
        NaiveDate::from_ymd_opt(year, 12, 31)?,
    ))
}

/// The occasion of a report of some words: the week, Monday to Sunday, in which the first day
/// its date allows falls (`None` for undated reports, which are one occasion of their own).
/// Reports of the same words on one occasion are one statement or demand; the same words in
/// another week are said again, not reported again.
///
/// The weeks are fixed, not counted from the first report of a chain: an occasion that began
/// at the earliest report of a neighbourhood would depend on which reports were stored when
/// the neighbourhood was looked at, and so on the order of ingestion (issue #14, item 3: a
/// quote reported every two days grouped differently article by article than all at once).
pub(super) fn occasion(days: Option<(NaiveDate, NaiveDate)>) -> Option<i64> {
    // 1 January of the year 1 (day 1 from the common era) was a Monday.
    days.map(|(first, _)| (i64::from(first.num_days_from_ce()) - 1).div_euclid(7))
}

/// The first and last day of the week of `occasion`.
pub(super) fn occasion_days(occasion: i64) -> Option<(NaiveDate, NaiveDate)> {
    let monday = i32::try_from(occasion * 7 + 1).ok()?;
    let first = NaiveDate::from_num_days_from_ce_opt(monday)?;
    Some((first, first + Duration::days(6)))
}

/// Groups reports of the same words: by kind; then by occasion (the week of their date); then,
/// within an occasion, by who: a report without a "who" joins the only group of the occasion
/// that has one, and otherwise the reports without one form a group. A function of the set of
/// reports alone.
pub(super) fn group_by_who(reports: &[KeyedReport]) -> Vec<Vec<i64>> {
    let mut occasions: BTreeMap<(&str, Option<i64>), Vec<&KeyedReport>> = BTreeMap::new();
    for report in reports {
        occasions
            .entry((report.kind.as_str(), occasion(report.days)))
            .or_default()
            .push(report);
    }
    let mut out = Vec::new();
    {
        for occasion in occasions.into_values() {
            let mut groups: BTreeMap<Option<i64>, Vec<i64>> = BTreeMap::new();
            for report in occasion.iter().filter(|r| r.by.is_some()) {
                groups.entry(report.by).or_default().push(report.id);
            }
            let known: Vec<Option<i64>> = groups.keys().copied().collect();
            for report in occasion.iter().filter(|r| r.by.is_none()) {
                let key = match known.as_slice() {
                    [one] => *one,
                    _ => None,
                };
                groups.entry(key).or_default().push(report.id);
            }
            out.extend(groups.into_values());
        }
    }
    out
}

/// Reports whose folded words hash to `?1`, found through the (text_hash, date) index. (An
/// index of a short prefix of the folded words would be small too, but quotes that begin
/// alike are common: the synthetic corpus of the benchmark has 3,810 distinct quotes and 37
/// distinct 24-character beginnings. The hash, 64 bits of SHA-256, finds the same reports as
/// the words did: two different words hash alike about once in 10^19 pairs.)
pub(super) const SAME_KEY: &str = "text_hash = ?1";

/// The reports that could be the same statement or demand as a report of the words `key`
/// dated `days`: the reports of those words on the same occasion (the same week, or undated
/// too), and every report of the facts those belong to (in a database grouped by older rules
/// a fact may span weeks; regrouping it splits it).
pub(super) fn keyed_neighbourhood(
    conn: &Connection,
    fact: Fact,
    kind: &str,
    who: &str,
    key: i64,
    days: Option<(NaiveDate, NaiveDate)>,
) -> Result<Vec<KeyedReport>, KbError> {
    let reports = fact.reports();
    let column = fact.column();
    let week = occasion(days);
    // The days of the week as a range of the (text_hash, date) index; a month or a year is on
    // the occasion of its first day, so the one month and the one year that begin within the
    // week, if any, are asked for by name.
    let near = match week {
        Some(_) => format!(
            "SELECT {column} FROM {reports} WHERE {SAME_KEY} AND date >= ?2 AND date <= ?3 \
             UNION SELECT {column} FROM {reports} WHERE {SAME_KEY} AND date IN (?4, ?5)"
        ),
        None => format!(
            "SELECT {column} FROM {reports} WHERE {SAME_KEY} AND date IS NULL \
             AND ?2 IS NULL AND ?3 IS NULL AND ?4 IS NULL AND ?5 IS NULL"
        ),
    };
    let sql = format!(
        "SELECT id, {kind}, {who}, {column}, date FROM {reports} WHERE {column} IN ({near}) \
         ORDER BY id"
    );
    let (from, to, month, year) = match week.and_then(occasion_days) {
        Some((monday, sunday)) => {
            let month_start = sunday.with_day(1).filter(|d| *d >= monday);
            let year_start = sunday.with_ordinal(1).filter(|d| *d >= monday);
            (
                Some(monday.format("%Y-%m-%d").to_string()),
                Some(format!("{}~", sunday.format("%Y-%m-%d"))),
                month_start.map(|d| d.format("%Y-%m").to_string()),
                year_start.map(|d| d.format("%Y").to_string()),
            )
        }
        None => (None, None, None, None),
    };
    let mut select = conn.prepare_cached(&sql)?;
    let rows = select
        .query_map(params![key, from, to, month, year], KeyedReport::from_row)?
        .collect::<Result<Vec<KeyedReport>, _>>()?;
    let facts: BTreeSet<i64> = rows
        .iter()
        .filter(|r| occasion(r.days) == week)
        .map(|r| r.fact)
        .collect();
    Ok(rows
        .into_iter()
        .filter(|r| facts.contains(&r.fact))
        .collect())
}

/// Where a new report of some words goes, decided before it is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// It joins this fact, and no stored report moves.
    Join(i64),
    /// It makes a new fact with the other new reports given the same number, and no stored
    /// report moves.
    New(usize),
    /// Adding the new reports changes how stored reports group: the new reports of one number
    /// are stored in a fact of their own, then everything is regrouped.
    Regroup(usize),
}

/// A new report of some words, as placing it sees it.
#[derive(Debug, Clone, Copy)]
pub struct NewKeyed<'a> {
    pub kind: &'a str,
    /// The speaker, or the party (else the person) who made a demand.
    pub who: Option<i64>,
}

/// The occasion (see [`occasion`]) of a report dated `date`.
pub fn occasion_of(date: Option<&str>) -> Option<i64> {
    occasion(any_span(date))
}

/// Where new statement (`fact` [`Fact::Statement`]) or demand reports of the words `key`, all
/// on the occasion of `date`, go: grouping the stored reports of that occasion with and
/// without them, each joins the fact of its group when no stored report changes group. Most
/// reports take this path, which costs one indexed query for all the article's reports of the
/// same words and no writes but the reports' own; an article that repeats one sentence
/// thousands of times, or gives it to thousands of speakers, groups it once (issue #14,
/// item 2).
pub(super) fn place_keyed(
    conn: &Connection,
    fact: Fact,
    key: i64,
    date: Option<&str>,
    new: &[NewKeyed<'_>],
) -> Result<Vec<Placement>, KbError> {
    let (kind_sql, who_sql) = match fact {
        Fact::Statement => ("kind", "speaker_id"),
        _ => ("'demand'", "coalesce(by_party_id, by_actor_id)"),
    };
    let days = any_span(date);
    let mut near = keyed_neighbourhood(conn, fact, kind_sql, who_sql, key, days)?;
    let fact_of: HashMap<i64, i64> = near.iter().map(|r| (r.id, r.fact)).collect();
    let mut before: Vec<Vec<i64>> = group_by_who(&near);
    for group in &mut before {
        group.sort_unstable();
    }
    // Each group must be one fact, and each fact one group, for the answer to be simple.
    let mut simple = true;
    let mut facts_seen = BTreeSet::new();
    for group in &before {
        let facts: BTreeSet<i64> = group.iter().map(|r| fact_of[r]).collect();
        if facts.len() != 1 || !facts_seen.insert(*facts.iter().next().unwrap_or(&0)) {
            simple = false;
        }
    }
    // New reports take negative ids: -1 for the first.
    near.extend(new.iter().enumerate().map(|(i, report)| KeyedReport {
        id: -(i as i64) - 1,
        kind: report.kind.to_string(),
        by: report.who,
        fact: 0,
        days,
    }));
    let mut placements = vec![Placement::New(0); new.len()];
    let mut homes: Vec<(Vec<i64>, Vec<usize>)> = Vec::new();
    let mut rest: Vec<Vec<i64>> = Vec::new();
    for group in group_by_who(&near) {
        let (fresh, mut others): (Vec<i64>, Vec<i64>) = group.into_iter().partition(|&r| r < 0);
        others.sort_unstable();
        if !fresh.is_empty() {
            let fresh = fresh.iter().map(|&r| (-r - 1) as usize).collect();
            homes.push((others.clone(), fresh));
        }
        if !others.is_empty() {
            rest.push(others);
        }
    }
    rest.sort();
    before.sort();
    let regroup = !simple || rest != before;
    for (number, (others, fresh)) in homes.into_iter().enumerate() {
        let placement = match others.first() {
            _ if regroup => Placement::Regroup(number),
            Some(first) => Placement::Join(fact_of[first]),
            None => Placement::New(number),
        };
        for i in fresh {
            placements[i] = placement;
        }
    }
    Ok(placements)
}

/// [`place_keyed`] for statement reports.
pub fn place_statements(
    conn: &Connection,
    key: i64,
    date: Option<&str>,
    new: &[NewKeyed<'_>],
) -> Result<Vec<Placement>, KbError> {
    place_keyed(conn, Fact::Statement, key, date, new)
}

/// [`place_keyed`] for demand reports.
pub fn place_demands(
    conn: &Connection,
    key: i64,
    date: Option<&str>,
    new: &[NewKeyed<'_>],
) -> Result<Vec<Placement>, KbError> {
    place_keyed(conn, Fact::Demand, key, date, new)
}

/// Regroups the neighbourhoods of `fresh` reports, and with `keys` every report of those words.
/// Returns the facts to recompute ([`super::refresh`]): those that gained or lost reports,
/// those that hold a fresh report, and, for `keys`, every fact of them.
pub(super) fn regroup_keyed(
    conn: &Connection,
    fact: Fact,
    fresh: &[i64],
    keys: &BTreeSet<i64>,
) -> Result<BTreeSet<i64>, KbError> {
    let (kind, who) = match fact {
        Fact::Statement => ("kind", "speaker_id"),
        _ => ("'demand'", "coalesce(by_party_id, by_actor_id)"),
    };
    let fresh_set: BTreeSet<i64> = fresh.iter().copied().collect();
    let mut refresh = BTreeSet::new();
    let mut done = BTreeSet::new();
    let regroup = |reports: Vec<KeyedReport>,
                   refresh: &mut BTreeSet<i64>,
                   all: bool|
     -> Result<(), KbError> {
        if reports.is_empty() {
            return Ok(());
        }
        let fact_of: HashMap<i64, i64> = reports.iter().map(|r| (r.id, r.fact)).collect();
        let groups: Vec<Vec<(i64, i64)>> = group_by_who(&reports)
            .into_iter()
            .map(|g| g.into_iter().map(|r| (r, fact_of[&r])).collect())
            .collect();
        let assigned = assign(conn, fact, &groups)?;
        refresh.extend(assigned.changed);
        let mut fact_now = conn.prepare_cached(&format!(
            "SELECT {} FROM {} WHERE id = ?1",
            fact.column(),
            fact.reports()
        ))?;
        for group in &groups {
            if all || group.iter().any(|(r, _)| fresh_set.contains(r)) {
                refresh.insert(fact_now.query_row([group[0].0], |row| row.get(0))?);
            }
        }
        Ok(())
    };
    for &report in fresh {
        if done.contains(&report) {
            continue;
        }
        let (key, date): (i64, Option<String>) = crate::kb::query_one(
            conn,
            &format!(
                "SELECT text_hash, date FROM {} WHERE id = ?1",
                fact.reports()
            ),
            [report],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        let neighbourhood =
            keyed_neighbourhood(conn, fact, kind, who, key, any_span(date.as_deref()))?;
        done.extend(neighbourhood.iter().map(|r| r.id));
        regroup(neighbourhood, &mut refresh, false)?;
    }
    for key in keys {
        let sql = format!(
            "SELECT id, {kind}, {who}, {column}, date FROM {reports} WHERE {SAME_KEY} ORDER BY id",
            column = fact.column(),
            reports = fact.reports()
        );
        let reports: Vec<KeyedReport> = {
            let mut select = conn.prepare_cached(&sql)?;
            select
                .query_map([key], KeyedReport::from_row)?
                .collect::<Result<_, _>>()?
        };
        regroup(reports, &mut refresh, true)?;
    }
    // Every fresh report's fact is recomputed, whatever its neighbourhood held.
    {
        let mut fact_now = conn.prepare_cached(&format!(
            "SELECT {} FROM {} WHERE id = ?1",
            fact.column(),
            fact.reports()
        ))?;
        for &report in fresh {
            refresh.insert(fact_now.query_row([report], |row| row.get(0))?);
        }
    }
    Ok(refresh)
}

/// Regroups new statement reports with the reports of the same words said within a week,
/// and every report of the words in `keys` (their speakers were merged, or they lost a
/// report). Returns the statements to recompute.
pub fn statements(
    conn: &Connection,
    fresh: &[i64],
    keys: &BTreeSet<i64>,
) -> Result<BTreeSet<i64>, KbError> {
    regroup_keyed(conn, Fact::Statement, fresh, keys)
}

/// As [`statements`], for demands: grouped by their words, who made them, and when.
pub fn demands(
    conn: &Connection,
    fresh: &[i64],
    keys: &BTreeSet<i64>,
) -> Result<BTreeSet<i64>, KbError> {
    regroup_keyed(conn, Fact::Demand, fresh, keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn occasions_are_fixed_weeks_from_monday_to_sunday() {
        let week = |date: &str| occasion_of(Some(date));
        // 7 March 2022 was a Monday.
        assert_eq!(week("2022-03-07"), week("2022-03-13"));
        assert_ne!(week("2022-03-13"), week("2022-03-14"));
        assert_ne!(week("2022-03-06"), week("2022-03-07"));
        // A month is on the occasion of its first day.
        assert_eq!(week("2022-03"), week("2022-03-01"));
        assert_eq!(week("2022"), week("2022-01-01"));
        assert_eq!(occasion_of(None), None);
        let (monday, sunday) = week("2022-03-10").and_then(occasion_days).unwrap();
        assert_eq!(monday.to_string(), "2022-03-07");
        assert_eq!(sunday.to_string(), "2022-03-13");
    }

    /// Issue #14, item 3: reports two days apart are grouped by the week they fall in, not in
    /// a chain counted from whichever report came first.

    #[test]
    fn reports_of_the_same_words_group_by_week_whatever_else_is_stored() {
        let report = |id: i64, day: &str| KeyedReport {
            id,
            kind: "indirect".into(),
            by: Some(7),
            fact: id,
            days: any_span(Some(day)),
        };
        let all: Vec<KeyedReport> = [1, 3, 5, 7, 9, 11, 13, 15, 17]
            .iter()
            .map(|d| report(*d, &format!("2022-03-{d:02}")))
            .collect();
        let groups = group_by_who(&all);
        assert_eq!(
            groups,
            vec![vec![1, 3, 5], vec![7, 9, 11, 13], vec![15, 17]]
        );
        // Any part of the chain groups the same way.
        let part: Vec<KeyedReport> = all.into_iter().filter(|r| r.id >= 5).collect();
        assert_eq!(
            group_by_who(&part),
            vec![vec![5], vec![7, 9, 11, 13], vec![15, 17]]
        );
    }

    #[test]
    fn a_speakerless_report_joins_the_only_speaker_of_its_words() {
        let reports = [
            KeyedReport {
                id: 1,
                kind: "direct".into(),
                by: Some(7),
                fact: 1,
                days: None,
            },
            KeyedReport {
                id: 2,
                kind: "direct".into(),
                by: None,
                fact: 3,
                days: None,
            },
        ];
        assert_eq!(group_by_who(&reports), vec![vec![1, 2]]);
        let reports = [
            KeyedReport {
                id: 1,
                kind: "direct".into(),
                by: Some(7),
                fact: 1,
                days: None,
            },
            KeyedReport {
                id: 2,
                kind: "direct".into(),
                by: Some(8),
                fact: 2,
                days: None,
            },
            KeyedReport {
                id: 3,
                kind: "direct".into(),
                by: None,
                fact: 3,
                days: None,
            },
        ];
        assert_eq!(group_by_who(&reports).len(), 3);
    }
}
