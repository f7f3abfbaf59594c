//! Finding the stored meeting reports a new report could be one meeting with: takes new
//! report ids and reads their neighbourhood (reports whose days overlap and that fit,
//! [`neighbourhood`]) or, for a meeting many articles report, the meetings whose combined
//! record fits ([`meetings_near`]); gives [`MeetingReport`]s with their participants.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::{Duration, NaiveDate};
use rusqlite::{Connection, OptionalExtension, params};

use super::meeting_fit::{
    MAX_COMBINED_SPAN, MeetingReport, PlaceInfo, bounds, label_words, meeting_fit,
};
use crate::kb::KbError;

/// Neighbourhoods of up to this many reports are regrouped from scratch, which does not depend
/// on the order reports arrived in. Beyond it (a meeting dozens of articles report) a new report
/// joins the meeting it fits best, one comparison per report instead of one per pair.
pub(super) const REGROUP_LIMIT: usize = 64;

/// The places of reports, each read once per use: a neighbourhood's reports name few places.
pub(super) struct Places<'conn> {
    select: rusqlite::CachedStatement<'conn>,
    known: HashMap<i64, PlaceInfo>,
}

impl<'conn> Places<'conn> {
    fn new(conn: &'conn Connection) -> Result<Places<'conn>, KbError> {
        Ok(Places {
            select: conn
                .prepare_cached("SELECT id, name, kind, country_iso3 FROM places WHERE id = ?1")?,
            known: HashMap::new(),
        })
    }

    /// The place `id` names (`None` for none, as a `LEFT JOIN` would give).
    fn get(&mut self, id: Option<i64>) -> Result<Option<PlaceInfo>, KbError> {
        let Some(id) = id else { return Ok(None) };
        if let Some(place) = self.known.get(&id) {
            return Ok(Some(place.clone()));
        }
        let place = self
            .select
            .query_row([id], |row| {
                Ok(PlaceInfo {
                    id: row.get(0)?,
                    name: row.get(1)?,
                    kind: row.get(2)?,
                    country: row.get(3)?,
                })
            })
            .optional()?;
        if let Some(place) = &place {
            self.known.insert(id, place.clone());
        }
        Ok(place)
    }
}

/// Loads reports by id, in the order given, with their participants.
pub(super) fn load_meeting_reports(
    conn: &Connection,
    ids: &[i64],
) -> Result<Vec<MeetingReport>, KbError> {
    let mut reports = load_report_rows(conn, ids)?;
    load_report_parties(conn, &mut reports)?;
    Ok(reports)
}

/// The columns [`report_from_row`] reads, from `meeting_reports AS r` and [`REPORT_JOINS`].
pub(super) const REPORT_COLUMNS: &str = "r.id, r.meeting_id, r.article_id, ifnull(a.published, ''), \
     a.content_sha256, r.position, r.label, r.mode, r.date_precision, r.date_earliest, \
     r.date_latest, p.id, p.name, p.kind, p.country_iso3, r.status";

pub(super) const REPORT_JOINS: &str = "JOIN articles AS a ON a.id = r.article_id \
     LEFT JOIN places AS p ON p.id = r.place_id";

/// A report without its participants, from a row of [`REPORT_COLUMNS`].
pub(super) fn report_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<MeetingReport> {
    let label: Option<String> = row.get(6)?;
    let precision: String = row.get(8)?;
    let earliest: Option<String> = row.get(9)?;
    let latest: Option<String> = row.get(10)?;
    let place = match row.get::<_, Option<i64>>(11)? {
        Some(place_id) => Some(PlaceInfo {
            id: place_id,
            name: row.get(12)?,
            kind: row.get(13)?,
            country: row.get(14)?,
        }),
        None => None,
    };
    Ok(MeetingReport {
        id: row.get(0)?,
        meeting_id: row.get(1)?,
        article_id: row.get(2)?,
        order: (row.get(3)?, row.get(4)?, row.get(5)?),
        label_words: label.as_deref().map(label_words).unwrap_or_default(),
        mode: row.get(7)?,
        days: bounds(earliest.as_deref(), latest.as_deref()),
        day_precise: precision == "day",
        status: row.get(15)?,
        place,
        participants: BTreeSet::new(),
        named: BTreeSet::new(),
        persons: BTreeSet::new(),
    })
}

/// Loads reports by id, in the order given (each once), without their participants. One
/// statement, looked up by id, serves every call: a statement of its own for each list of ids
/// would be prepared anew each time and push the statements ingest reuses out of the cache.
pub(super) fn load_report_rows(
    conn: &Connection,
    ids: &[i64],
) -> Result<Vec<MeetingReport>, KbError> {
    let mut select = conn.prepare_cached(&format!(
        "SELECT {REPORT_COLUMNS} FROM meeting_reports AS r {REPORT_JOINS} WHERE r.id = ?1"
    ))?;
    let mut seen: HashSet<i64> = HashSet::with_capacity(ids.len());
    let mut reports = Vec::with_capacity(ids.len());
    for &id in ids {
        if !seen.insert(id) {
            continue;
        }
        if let Some(report) = select.query_row([id], report_from_row).optional()? {
            reports.push(report);
        }
    }
    Ok(reports)
}

/// Reads the participants of `reports`.
pub(super) fn load_report_parties(
    conn: &Connection,
    reports: &mut [MeetingReport],
) -> Result<(), KbError> {
    let index: HashMap<i64, usize> = reports.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let mut select = conn.prepare_cached(
        "SELECT p.actor_id, p.implied = 0 AND a.kind = 'person', p.implied = 0 \
         FROM meeting_report_participants AS p JOIN actors AS a ON a.id = p.actor_id \
         WHERE p.meeting_report_id = ?1",
    )?;
    for (&id, &i) in &index {
        let rows = select.query_map([id], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, bool>(1)?,
                row.get::<_, bool>(2)?,
            ))
        })?;
        for row in rows {
            let (actor, person, named) = row?;
            reports[i].participants.insert(actor);
            if named {
                reports[i].named.insert(actor);
            }
            if person {
                reports[i].persons.insert(actor);
            }
        }
    }
    Ok(())
}

/// The meetings whose combined record could be the meeting `report` describes: dates that
/// could overlap, and a fit with the record (names, places, modes, parties). The combined
/// record stands in for its reports here, so that finding candidates reads one row per meeting,
/// not one per article that reported it.
pub(super) fn meetings_near(
    conn: &Connection,
    report: &MeetingReport,
) -> Result<Vec<(i64, f64)>, KbError> {
    let Some((first, last)) = report.days else {
        return Ok(Vec::new());
    };
    let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    // Bounds that overlap the report's begin at most the widest span that combines before it.
    let mut select = conn.prepare_cached(
        "SELECT m.id, m.label, m.mode, m.date_precision, m.date_earliest, m.date_latest, \
         p.id, p.name, p.kind, p.country_iso3, m.status \
         FROM meetings AS m LEFT JOIN places AS p ON p.id = m.place_id \
         WHERE m.date_earliest >= ?1 AND m.date_earliest <= ?2 AND m.date_latest >= ?3 \
         AND m.id <> ?4 ORDER BY m.id",
    )?;
    let records: Vec<MeetingReport> = select
        .query_map(
            params![
                day(first - Duration::days(MAX_COMBINED_SPAN)),
                day(last + Duration::days(1)),
                day(first - Duration::days(1)),
                report.meeting_id
            ],
            |row| {
                let id: i64 = row.get(0)?;
                let label: Option<String> = row.get(1)?;
                let precision: String = row.get(3)?;
                let earliest: Option<String> = row.get(4)?;
                let latest: Option<String> = row.get(5)?;
                let place = match row.get::<_, Option<i64>>(6)? {
                    Some(place_id) => Some(PlaceInfo {
                        id: place_id,
                        name: row.get(7)?,
                        kind: row.get(8)?,
                        country: row.get(9)?,
                    }),
                    None => None,
                };
                Ok(MeetingReport {
                    id: -id,
                    meeting_id: id,
                    // No article: the record is compared as if from another one.
                    article_id: -1,
                    order: Default::default(),
                    label_words: label.as_deref().map(label_words).unwrap_or_default(),
                    mode: row.get(2)?,
                    days: bounds(earliest.as_deref(), latest.as_deref()),
                    day_precise: precision == "day",
                    status: row.get(10)?,
                    place,
                    participants: BTreeSet::new(),
                    named: BTreeSet::new(),
                    persons: BTreeSet::new(),
                })
            },
        )?
        .collect::<Result<_, _>>()?;
    // A month of meetings lies in the window; only those that would fit if they had the
    // report's very parties (dates, places, modes and names agree) need their parties read,
    // and those are read in one query.
    let mut records: Vec<MeetingReport> = records
        .into_iter()
        .filter(|record| {
            let mut best_case = record.clone();
            best_case.participants.clone_from(&report.participants);
            best_case.named.clone_from(&report.named);
            best_case.persons.clone_from(&report.persons);
            meeting_fit(report, &best_case).is_some()
        })
        .collect();
    if records.is_empty() {
        return Ok(Vec::new());
    }
    let index: HashMap<i64, usize> = records
        .iter()
        .enumerate()
        .map(|(i, r)| (r.meeting_id, i))
        .collect();
    for chunk in records
        .iter()
        .map(|r| r.meeting_id.to_string())
        .collect::<Vec<_>>()
        .chunks(500)
    {
        let mut select = conn.prepare_cached(&format!(
            "SELECT p.meeting_id, p.actor_id, p.implied = 0 AND a.kind = 'person', p.implied = 0 \
             FROM meeting_participants AS p JOIN actors AS a ON a.id = p.actor_id \
             WHERE p.meeting_id IN ({})",
            chunk.join(", ")
        ))?;
        let rows = select.query_map([], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get(1)?,
                row.get::<_, bool>(2)?,
                row.get::<_, bool>(3)?,
            ))
        })?;
        for row in rows {
            let (meeting, actor, person, named) = row?;
            if let Some(&i) = index.get(&meeting) {
                records[i].participants.insert(actor);
                if named {
                    records[i].named.insert(actor);
                }
                if person {
                    records[i].persons.insert(actor);
                }
            }
        }
    }
    Ok(records
        .iter()
        .filter_map(|record| Some((record.meeting_id, meeting_fit(report, record)?)))
        .collect())
}

/// The reports to group again when `new` reports are stored: those reports, the reports that
/// fit any of them ([`meeting_fit`]), each compared by its own dates rather than by those of
/// the meeting it is in, and every report of each meeting these are in, or of the `touched`
/// meetings (whose parties changed). A meeting's bounds narrow as reports join it, so looking for
/// candidates by a meeting's bounds made what a new report could reach depend on which reports
/// had joined first. `None` when more than [`REGROUP_LIMIT`] reports are reached.
pub(super) fn neighbourhood(
    conn: &Connection,
    new: &[i64],
    touched: &BTreeSet<i64>,
) -> Result<Option<Vec<MeetingReport>>, KbError> {
    let mut by_meeting =
        conn.prepare_cached("SELECT id FROM meeting_reports WHERE meeting_id = ?1")?;
    let seeds = load_meeting_reports(conn, new)?;
    let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    // A report's own bounds hold its meeting's (the days all its reports allow), so the
    // meetings whose first day lies within a month of a report's days hold every report whose
    // days overlap it.
    // Most rows it reads fit no new report: they are read without their article (whose date
    // and hash sit after the body) and place, which are read for those that fit.
    let mut near = conn.prepare_cached(
        "SELECT r.id, r.meeting_id, r.article_id, r.position, r.label, r.mode, \
         r.date_precision, r.date_earliest, r.date_latest, r.place_id, r.status \
         FROM meetings AS m JOIN meeting_reports AS r ON r.meeting_id = m.id \
         WHERE m.date_earliest >= ?1 AND m.date_earliest <= ?2 \
         AND r.date_earliest <= ?3 AND r.date_latest >= ?4",
    )?;
    let mut places = Places::new(conn)?;
    let mut order_of = conn.prepare_cached(
        "SELECT ifnull(published, ''), content_sha256 FROM articles WHERE id = ?1",
    )?;
    let mut reached: BTreeMap<i64, MeetingReport> = BTreeMap::new();
    let mut meetings: BTreeSet<i64> = seeds.iter().map(|r| r.meeting_id).collect();
    meetings.extend(touched.iter().copied());
    for report in &seeds {
        let Some((first, last)) = report.days else {
            continue;
        };
        let span = Duration::days(MAX_COMBINED_SPAN);
        let mut rows = near.query(
            // A day either side: a plan of a day may be held a day off it.
            params![
                day(first - span),
                day(last + span),
                day(last + Duration::days(1)),
                day(first - Duration::days(1))
            ],
        )?;
        let mut candidates = Vec::new();
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            if id == report.id || reached.contains_key(&id) {
                continue;
            }
            let label: Option<String> = row.get(4)?;
            let precision: String = row.get(6)?;
            let earliest: Option<String> = row.get(7)?;
            let latest: Option<String> = row.get(8)?;
            let candidate = MeetingReport {
                id,
                meeting_id: row.get(1)?,
                article_id: row.get(2)?,
                // The article's date and hash are read below, for the candidates that fit.
                order: (String::new(), String::new(), row.get(3)?),
                label_words: label.as_deref().map(label_words).unwrap_or_default(),
                mode: row.get(5)?,
                days: bounds(earliest.as_deref(), latest.as_deref()),
                day_precise: precision == "day",
                status: row.get(10)?,
                place: places.get(row.get(9)?)?,
                participants: BTreeSet::new(),
                named: BTreeSet::new(),
                persons: BTreeSet::new(),
            };
            // Only those that would fit with the report's very parties need theirs read: lend
            // the candidate (whose parties are not read yet) the report's for the test.
            let mut candidate = candidate;
            candidate.participants.clone_from(&report.participants);
            candidate.named.clone_from(&report.named);
            candidate.persons.clone_from(&report.persons);
            let fits = meeting_fit(report, &candidate).is_some();
            candidate.participants.clear();
            candidate.named.clear();
            candidate.persons.clear();
            if fits {
                candidates.push(candidate);
            }
        }
        drop(rows);
        load_report_parties(conn, &mut candidates)?;
        for mut candidate in candidates {
            if meeting_fit(report, &candidate).is_some() {
                let (published, hash) = order_of
                    .query_row([candidate.article_id], |row| Ok((row.get(0)?, row.get(1)?)))?;
                candidate.order.0 = published;
                candidate.order.1 = hash;
                meetings.insert(candidate.meeting_id);
                reached.insert(candidate.id, candidate);
            }
        }
    }
    for report in seeds {
        reached.insert(report.id, report);
    }
    let mut rest = Vec::new();
    for &meeting in &meetings {
        for id in by_meeting.query_map([meeting], |row| row.get::<_, i64>(0))? {
            let id = id?;
            if !reached.contains_key(&id) {
                rest.push(id);
            }
        }
    }
    if reached.len() + rest.len() > REGROUP_LIMIT {
        return Ok(None);
    }
    for report in load_meeting_reports(conn, &rest)? {
        reached.insert(report.id, report);
    }
    Ok(Some(reached.into_values().collect()))
}
