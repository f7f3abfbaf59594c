//! Combining reports into facts: the same meeting, quote or demand reported by several articles
//! is one fact with one report per article.
//!
//! When reports are added or removed, the reports that could be affected (the neighbourhood) are
//! grouped again from scratch by rules that look only at what the reports say, never at the
//! order in which they were stored, and each group's fact is then recomputed from its reports.
//! Ties are broken by content (publication date, then the article's hash), so articles ingested
//! in any order give the same facts.
//!
//! Meetings are grouped when their dates overlap at their precision, their places, modes and
//! names do not conflict, and their participants overlap or their names agree. Reports of one
//! article are never one meeting: the extractor already decided they are different. A group
//! only takes in a report that agrees with every report already in it (a report without a
//! day of its own need only not conflict with them: another day, place or article), so two
//! meetings are not chained together through a vague third report.
//!
//! Statements are grouped by their words (folded by [`super::write::text_key`], hashed by
//! [`super::write::key_hash`]) and speaker; demands by their words and by who made them. A
//! report without a speaker joins the one group of its words that has one, and stays apart
//! when several have.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::{Connection, OptionalExtension, params};

use super::codes;
use super::refresh::{Stale, refresh_demand, refresh_statement};
use super::{KbError, exec};

/// The order of reports by their article: publication date (unknown first), then the article's
/// hash, then the report's position in the article. Content only, so it does not depend on
/// which article was stored first.
type ReportOrder = (String, String, i64);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fact {
    Meeting,
    Statement,
    Demand,
}

impl Fact {
    fn table(self) -> &'static str {
        match self {
            Fact::Meeting => "meetings",
            Fact::Statement => "statement_facts",
            Fact::Demand => "demands",
        }
    }

    fn reports(self) -> &'static str {
        match self {
            Fact::Meeting => "meeting_reports",
            Fact::Statement => "statement_reports",
            Fact::Demand => "demand_reports",
        }
    }

    fn column(self) -> &'static str {
        match self {
            Fact::Meeting => "meeting_id",
            Fact::Statement => "statement_id",
            Fact::Demand => "demand_id",
        }
    }

    /// Creates a fact for a group, with the NOT NULL columns taken from one of its reports;
    /// the refresh that follows fills in the rest.
    fn insert_sql(self) -> &'static str {
        match self {
            Fact::Meeting => {
                "INSERT INTO meetings (status) SELECT status FROM meeting_reports WHERE id = ?1"
            }
            Fact::Statement => {
                "INSERT INTO statement_facts (kind, text) SELECT kind, '' FROM statement_reports WHERE id = ?1"
            }
            Fact::Demand => {
                "INSERT INTO demands (text) SELECT text FROM demand_reports WHERE id = ?1"
            }
        }
    }
}

/// What [`assign`] changed.
#[derive(Debug, Default)]
struct Assigned {
    /// Facts that gained or lost a report, or were made: each must be recomputed.
    changed: BTreeSet<i64>,
    /// Reports that now belong to another fact than before.
    moved: Vec<i64>,
}

/// Gives each group of reports (each report with the fact it had) a fact: the lowest-numbered
/// fact its reports had that no earlier group took, or a new one. Facts left without reports
/// are deleted.
fn assign(conn: &Connection, fact: Fact, groups: &[Vec<(i64, i64)>]) -> Result<Assigned, KbError> {
    let mut assigned = Assigned::default();
    let old_facts: BTreeSet<i64> = groups.iter().flatten().map(|&(_, f)| f).collect();
    // Groups keep facts in order of the lowest fact they held.
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by_key(|&g| groups[g].iter().map(|&(_, f)| f).min());
    let mut taken = BTreeSet::new();
    let mut update = conn.prepare_cached(&format!(
        "UPDATE {} SET {} = ?1 WHERE id = ?2",
        fact.reports(),
        fact.column()
    ))?;
    for g in order {
        let mut candidates: Vec<i64> = groups[g].iter().map(|&(_, f)| f).collect();
        candidates.sort_unstable();
        let id = match candidates.into_iter().find(|id| !taken.contains(id)) {
            Some(id) => id,
            None => {
                exec(conn, fact.insert_sql(), [groups[g][0].0])?;
                conn.last_insert_rowid()
            }
        };
        taken.insert(id);
        for &(report, previous) in &groups[g] {
            if previous != id {
                update.execute(params![id, report])?;
                assigned.moved.push(report);
                assigned.changed.insert(id);
                assigned.changed.insert(previous);
            }
        }
    }
    for id in old_facts.difference(&taken) {
        delete_if_unreported(conn, fact, *id)?;
        assigned.changed.remove(id);
    }
    Ok(assigned)
}

fn delete_if_unreported(conn: &Connection, fact: Fact, id: i64) -> Result<bool, KbError> {
    let deleted = exec(
        conn,
        &format!(
            "DELETE FROM {table} WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM {reports} WHERE {column} = ?1)",
            table = fact.table(),
            reports = fact.reports(),
            column = fact.column()
        ),
        [id],
    )?;
    Ok(deleted > 0)
}

/// Facts that lost reports: deleted when none is left, recomputed otherwise.
pub fn after_removal(
    conn: &Connection,
    meetings: &BTreeSet<i64>,
    statements: &BTreeSet<i64>,
    demands: &BTreeSet<i64>,
) -> Result<(), KbError> {
    for &id in meetings {
        if !delete_if_unreported(conn, Fact::Meeting, id)? {
            refresh_meeting(conn, id)?;
        }
    }
    for &id in statements {
        if !delete_if_unreported(conn, Fact::Statement, id)? {
            refresh_statement(conn, id)?;
        }
    }
    for &id in demands {
        if !delete_if_unreported(conn, Fact::Demand, id)? {
            refresh_demand(conn, id)?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Meetings

#[derive(Debug, Clone)]
struct MeetingReport {
    id: i64,
    meeting_id: i64,
    article_id: i64,
    order: ReportOrder,
    label_words: BTreeSet<String>,
    mode: String,
    /// First and last day the report's date bounds allow; `None` when nothing bounds it, or
    /// they span more than [`MAX_COMBINED_SPAN`].
    days: Option<(NaiveDate, NaiveDate)>,
    day_precise: bool,
    /// What the report says of the meeting: `held`, `planned`, ...
    status: String,
    place: Option<PlaceInfo>,
    participants: BTreeSet<i64>,
    /// The persons named as taking part (not implied): those that tell two meetings of one
    /// busy person apart.
    persons: BTreeSet<i64>,
}

#[derive(Debug, Clone, PartialEq)]
struct PlaceInfo {
    id: i64,
    name: String,
    kind: String,
    country: Option<String>,
}

/// The places of reports, each read once per use: a neighbourhood's reports name few places.
struct Places<'conn> {
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

/// Words of a meeting's label that name it: the capitalised ones ("NATO-Russia Council
/// meeting": nato, russia, council), so that "the talks" or "a working dinner" name nothing.
fn label_words(label: &str) -> BTreeSet<String> {
    label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1 && w.chars().next().is_some_and(char::is_uppercase))
        .map(str::to_lowercase)
        .collect()
}

fn month_end(date: NaiveDate) -> NaiveDate {
    let (year, month) = if date.month() == 12 {
        (date.year() + 1, 1)
    } else {
        (date.year(), date.month() + 1)
    };
    NaiveDate::from_ymd_opt(year, month, 1).map_or(date, |d| d - Duration::days(1))
}

/// The widest bounds (in days, first and last included) a report or meeting may have and still
/// combine: six weeks, those of "recently" or "in recent weeks" (see `vague_dates.csv`). Such
/// a report joins the meeting of the same parties it fits best, as a month's does. A year, or
/// "a few months ago", says too little to tell two meetings of the same parties apart.
const MAX_COMBINED_SPAN: i64 = 43;

/// A day written `YYYY-MM-DD`, as `NaiveDate::parse_from_str(day, "%Y-%m-%d")` reads it. The
/// stored bounds are always written so, and are read for every candidate of every new report:
/// those are read digit by digit; anything else goes to chrono's parser.
fn parse_day(day: &str) -> Option<NaiveDate> {
    let b = day.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        if let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) {
            return NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day);
        }
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

/// Stored bounds (`date_earliest`, `date_latest`), when they are no wider than
/// [`MAX_COMBINED_SPAN`].
fn bounds(earliest: Option<&str>, latest: Option<&str>) -> Option<(NaiveDate, NaiveDate)> {
    let first = parse_day(earliest?)?;
    let last = parse_day(latest?)?;
    (first <= last && (last - first).num_days() < MAX_COMBINED_SPAN).then_some((first, last))
}

/// The days a stored date allows: a day (to its end date), or a whole month.
fn date_span(date: Option<&str>, end: Option<&str>) -> Option<(NaiveDate, NaiveDate, bool)> {
    let date = date?;
    if let Ok(day) = NaiveDate::parse_from_str(date, "%Y-%m-%d") {
        let last = end
            .and_then(|e| NaiveDate::parse_from_str(e, "%Y-%m-%d").ok())
            .filter(|e| *e >= day)
            .unwrap_or(day);
        return Some((day, last, true));
    }
    let first = NaiveDate::parse_from_str(&format!("{date}-01"), "%Y-%m-%d").ok()?;
    Some((first, month_end(first), false))
}

/// Loads reports by id, in the order given, with their participants.
fn load_meeting_reports(conn: &Connection, ids: &[i64]) -> Result<Vec<MeetingReport>, KbError> {
    let mut reports = load_report_rows(conn, ids)?;
    load_report_parties(conn, &mut reports)?;
    Ok(reports)
}

/// The columns [`report_from_row`] reads, from `meeting_reports AS r` and [`REPORT_JOINS`].
const REPORT_COLUMNS: &str = "r.id, r.meeting_id, r.article_id, ifnull(a.published, ''), \
     a.content_sha256, r.position, r.label, r.mode, r.date_precision, r.date_earliest, \
     r.date_latest, p.id, p.name, p.kind, p.country_iso3, r.status";

const REPORT_JOINS: &str = "JOIN articles AS a ON a.id = r.article_id \
     LEFT JOIN places AS p ON p.id = r.place_id";

/// A report without its participants, from a row of [`REPORT_COLUMNS`].
fn report_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<MeetingReport> {
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
        persons: BTreeSet::new(),
    })
}

/// Loads reports by id, in the order given (each once), without their participants. One
/// statement, looked up by id, serves every call: a statement of its own for each list of ids
/// would be prepared anew each time and push the statements ingest reuses out of the cache.
fn load_report_rows(conn: &Connection, ids: &[i64]) -> Result<Vec<MeetingReport>, KbError> {
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
fn load_report_parties(conn: &Connection, reports: &mut [MeetingReport]) -> Result<(), KbError> {
    let index: HashMap<i64, usize> = reports.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let mut select = conn.prepare_cached(
        "SELECT p.actor_id, p.implied = 0 AND a.kind = 'person' \
         FROM meeting_report_participants AS p JOIN actors AS a ON a.id = p.actor_id \
         WHERE p.meeting_report_id = ?1",
    )?;
    for (&id, &i) in &index {
        let rows = select.query_map([id], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, bool>(1)?))
        })?;
        for row in rows {
            let (actor, person) = row?;
            reports[i].participants.insert(actor);
            if person {
                reports[i].persons.insert(actor);
            }
        }
    }
    Ok(())
}

/// Whether two reports say something that cannot be true of one meeting: they come from one
/// article, allow no day in common, were held in person and by phone, took place in places
/// that differ, carry different names, or are one busy person's meetings with two different
/// counterparts. Reports that do not conflict need not be one meeting: see [`meeting_fit`].
fn meetings_conflict(a: &MeetingReport, b: &MeetingReport) -> bool {
    if a.article_id == b.article_id {
        return true;
    }
    if let (Some((a_first, a_last)), Some((b_first, b_last))) = (a.days, b.days)
        && (a_last < b_first || b_last < a_first)
    {
        // A plan of a day held a day off it ("will travel to Kuwait on 28 July", then "met
        // today", 29 July: the day of the journey, or another calendar's) is the same meeting
        // of the same persons; another day, or other parties, is another meeting.
        let a_day_off =
            a_last + Duration::days(1) >= b_first && b_last + Duration::days(1) >= a_first;
        let planned_then_held =
            (a.planned_day() && b.status == "held") || (b.planned_day() && a.status == "held");
        if !(a_day_off && planned_then_held && a.persons.intersection(&b.persons).count() >= 2) {
            return true;
        }
    }
    let remote = |mode: &str| mode == "phone" || mode == "video";
    if (remote(&a.mode) && b.mode == "in_person") || (remote(&b.mode) && a.mode == "in_person") {
        return true;
    }
    if let (Some(x), Some(y)) = (&a.place, &b.place)
        && !places_agree(x, y)
    {
        return true;
    }
    let names_agree = names_agree(a, b);
    if names_agree == Some(false) {
        return true;
    }
    // "Blinken spoke today with Abbas" and "... with Lapid": one busy person's two meetings.
    // Each names a person the other lacks, and they share no more than that one person. A
    // session of many (the NATO-Russia Council, with Sherman in one report and the European
    // delegates in another) is not told apart this way: only meetings of two persons are.
    names_agree != Some(true)
        && a.persons.len() <= 2
        && b.persons.len() <= 2
        && a.persons.intersection(&b.persons).count() < 2
        && !a.persons.is_subset(&b.persons)
        && !b.persons.is_subset(&a.persons)
}

impl MeetingReport {
    /// Whether the report announces the meeting for a day: a plan that may be held a day off.
    fn planned_day(&self) -> bool {
        self.day_precise && self.status == "planned"
    }
}

/// Whether both reports name the meeting (`None` when one does not), and if so whether the
/// names agree (the words of one are among the other's).
fn names_agree(a: &MeetingReport, b: &MeetingReport) -> Option<bool> {
    (!a.label_words.is_empty() && !b.label_words.is_empty())
        .then(|| a.label_words.is_subset(&b.label_words) || b.label_words.is_subset(&a.label_words))
}

/// How well two reports fit one meeting: `None` when they cannot be one ([`meetings_conflict`]),
/// or when nothing says they are: bounds of their dates that overlap, and a shared name or
/// enough shared parties.
fn meeting_fit(a: &MeetingReport, b: &MeetingReport) -> Option<f64> {
    if a.days.is_none() || b.days.is_none() || meetings_conflict(a, b) {
        return None;
    }
    let same_place = matches!((&a.place, &b.place), (Some(x), Some(y)) if x.id == y.id);
    let names_agree = names_agree(a, b) == Some(true);
    let shared = a.participants.intersection(&b.participants).count();
    let smaller = a.participants.len().min(b.participants.len());
    let overlap = if smaller == 0 {
        0.0
    } else {
        shared as f64 / smaller as f64
    };
    // A month is a long time: without a day ("in July", "a few days ago", or only the
    // article's date), only a shared name, the very same parties, or two persons named in
    // both do. ("Blinken met Kuleba in March" and "Blinken spoke today with Kuleba", 4
    // March: of the meetings of the two that month, the report joins the one it fits best.)
    let enough = if a.day_precise && b.day_precise {
        names_agree || overlap >= 0.5
    } else {
        names_agree
            || (overlap >= 1.0 && smaller >= 2)
            || a.persons.intersection(&b.persons).count() >= 2
    };
    if !enough {
        return None;
    }
    let same_days = a.days == b.days && a.day_precise && b.day_precise;
    // Between reports that fit as well otherwise, those that name the same persons fit best:
    // "Blinken met Macron" joins "Blinken met Macron", not "the United States and France met"
    // of the same day (a tie-break only: it outweighs nothing else).
    let fewer_persons = a.persons.len().min(b.persons.len());
    let persons_overlap = if fewer_persons == 0 {
        0.0
    } else {
        a.persons.intersection(&b.persons).count() as f64 / fewer_persons as f64
    };
    Some(
        3.0 * f64::from(u8::from(names_agree))
            + 2.0 * overlap
            + 0.01 * persons_overlap
            + f64::from(u8::from(same_days))
            + f64::from(u8::from(same_place)),
    )
}

/// Places conflict when they are two different places of the same kind, or lie in different
/// countries.
fn places_agree(a: &PlaceInfo, b: &PlaceInfo) -> bool {
    if a.id == b.id || a.name == b.name {
        return true;
    }
    if let (Some(x), Some(y)) = (&a.country, &b.country)
        && x != y
    {
        return false;
    }
    a.kind != b.kind
}

/// Groups reports: best-fitting pairs first, a group taking in another only when every pair
/// across them fits, or, where one of the two has no day of its own (a month, "last week"),
/// does not conflict ([`meetings_conflict`]: no article appears twice, no two reports allow
/// different days or places). Such a report joins a meeting through the report it fits
/// best, whatever the others name; two reports of a day must fit each other.
fn group_meetings(reports: &[MeetingReport]) -> Vec<Vec<usize>> {
    let n = reports.len();
    let mut fits: HashMap<(usize, usize), f64> = HashMap::new();
    let mut pairs = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            if let Some(score) = meeting_fit(&reports[i], &reports[j]) {
                fits.insert((i, j), score);
                pairs.push((score, i, j));
            }
        }
    }
    pairs.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then_with(|| reports[x.1].order.cmp(&reports[y.1].order))
            .then_with(|| reports[x.2].order.cmp(&reports[y.2].order))
    });
    let mut group_of: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    for (_, i, j) in pairs {
        let (gi, gj) = (group_of[i], group_of[j]);
        if gi == gj {
            continue;
        }
        let agree = members[gi].iter().all(|&x| {
            members[gj].iter().all(|&y| {
                let (x_report, y_report) = (&reports[x], &reports[y]);
                let one_without_day = !x_report.day_precise || !y_report.day_precise;
                fits.contains_key(&(x.min(y), x.max(y)))
                    || (one_without_day && !meetings_conflict(x_report, y_report))
            })
        });
        if !agree {
            continue;
        }
        let moved = std::mem::take(&mut members[gj]);
        for &m in &moved {
            group_of[m] = gi;
        }
        members[gi].extend(moved);
    }
    let mut groups: Vec<Vec<usize>> = members.into_iter().filter(|g| !g.is_empty()).collect();
    for group in &mut groups {
        group.sort_by(|&x, &y| reports[x].order.cmp(&reports[y].order));
    }
    groups
}

/// Neighbourhoods of up to this many reports are regrouped from scratch, which does not depend
/// on the order reports arrived in. Beyond it (a meeting dozens of articles report) a new report
/// joins the meeting it fits best, one comparison per report instead of one per pair.
const REGROUP_LIMIT: usize = 64;

/// What consolidating meetings changed.
#[derive(Debug, Default)]
pub struct MeetingChanges {
    /// Meetings recomputed.
    pub meetings: BTreeSet<i64>,
    /// Reports (other than the new ones) that moved to another meeting: what was said at them
    /// may now belong to another meeting.
    pub moved: Vec<i64>,
}

/// The meetings whose combined record could be the meeting `report` describes: dates that
/// could overlap, and a fit with the record (names, places, modes, parties). The combined
/// record stands in for its reports here, so that finding candidates reads one row per meeting,
/// not one per article that reported it.
fn meetings_near(conn: &Connection, report: &MeetingReport) -> Result<Vec<(i64, f64)>, KbError> {
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
            "SELECT p.meeting_id, p.actor_id, p.implied = 0 AND a.kind = 'person' \
             FROM meeting_participants AS p JOIN actors AS a ON a.id = p.actor_id \
             WHERE p.meeting_id IN ({})",
            chunk.join(", ")
        ))?;
        let rows = select.query_map([], |row| {
            Ok((row.get::<_, i64>(0)?, row.get(1)?, row.get::<_, bool>(2)?))
        })?;
        for row in rows {
            let (meeting, actor, person) = row?;
            if let Some(&i) = index.get(&meeting) {
                records[i].participants.insert(actor);
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
fn neighbourhood(
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
                persons: BTreeSet::new(),
            };
            // Only those that would fit with the report's very parties need theirs read: lend
            // the candidate (whose parties are not read yet) the report's for the test.
            let mut candidate = candidate;
            candidate.participants.clone_from(&report.participants);
            candidate.persons.clone_from(&report.persons);
            let fits = meeting_fit(report, &candidate).is_some();
            candidate.participants.clear();
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

/// Existing meetings stay as they are; each new report, in the order of its content, joins the
/// meeting whose record fits it best, unless that meeting already has a report from the same
/// article; otherwise it stays in a meeting of its own.
fn join_best(
    conn: &Connection,
    new_reports: &[MeetingReport],
    near_of: &[Vec<(i64, f64)>],
) -> Result<Assigned, KbError> {
    let mut assigned = Assigned::default();
    let mut order: Vec<usize> = (0..new_reports.len()).collect();
    order.sort_by(|&x, &y| new_reports[x].order.cmp(&new_reports[y].order));
    let mut same_article = conn.prepare_cached(
        "SELECT 1 FROM meeting_reports WHERE meeting_id = ?1 AND article_id = ?2 AND id <> ?3",
    )?;
    let mut update =
        conn.prepare_cached("UPDATE meeting_reports SET meeting_id = ?1 WHERE id = ?2")?;
    for i in order {
        let report = &new_reports[i];
        let mut candidates = near_of[i].clone();
        candidates.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        for (meeting, _) in candidates {
            if !same_article.exists(params![meeting, report.article_id, report.id])? {
                update.execute(params![meeting, report.id])?;
                assigned.moved.push(report.id);
                assigned.changed.insert(meeting);
                if !delete_if_unreported(conn, Fact::Meeting, report.meeting_id)? {
                    assigned.changed.insert(report.meeting_id);
                }
                break;
            }
        }
    }
    Ok(assigned)
}

/// Regroups the meeting reports `new` and every report that could be of the same meeting, then
/// recomputes the meetings that changed (and those in `touched`).
pub fn meetings(
    conn: &Connection,
    new: &[i64],
    touched: &BTreeSet<i64>,
) -> Result<MeetingChanges, KbError> {
    let fresh: BTreeSet<i64> = new.iter().copied().collect();
    let assigned = match neighbourhood(conn, new, touched)? {
        Some(mut reports) => {
            // In the order of their content, so that ties between pairs break the same way
            // whatever order the reports were stored in.
            reports.sort_by(|x, y| x.order.cmp(&y.order));
            let groups: Vec<Vec<(i64, i64)>> = group_meetings(&reports)
                .into_iter()
                .map(|g| {
                    g.into_iter()
                        .map(|i| (reports[i].id, reports[i].meeting_id))
                        .collect()
                })
                .collect();
            assign(conn, Fact::Meeting, &groups)?
        }
        None => {
            let new_reports = load_meeting_reports(conn, new)?;
            let mut near_of: Vec<Vec<(i64, f64)>> = Vec::with_capacity(new_reports.len());
            for report in &new_reports {
                near_of.push(meetings_near(conn, report)?);
            }
            join_best(conn, &new_reports, &near_of)?
        }
    };
    // Recompute what changed, and the meetings the new reports are in.
    let mut changes = MeetingChanges {
        meetings: assigned.changed,
        moved: assigned
            .moved
            .into_iter()
            .filter(|r| !fresh.contains(r))
            .collect(),
    };
    changes.meetings.extend(touched.iter().copied());
    {
        let mut meeting_of =
            conn.prepare_cached("SELECT meeting_id FROM meeting_reports WHERE id = ?1")?;
        for &report in new {
            changes
                .meetings
                .insert(meeting_of.query_row([report], |row| row.get(0))?);
        }
    }
    let mut kept = BTreeSet::new();
    for &id in &changes.meetings {
        if !delete_if_unreported(conn, Fact::Meeting, id)? {
            refresh_meeting(conn, id)?;
            kept.insert(id);
        }
    }
    changes.meetings = kept;
    Ok(changes)
}

/// The value most reports give; ties go to the first in `candidates`' order.
fn most_common<T: Clone + Eq + std::hash::Hash>(candidates: &[T]) -> Option<T> {
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

fn precision_rank(precision: &str) -> u8 {
    match precision {
        "day" => 3,
        "month" => 2,
        "year" => 1,
        _ => 0,
    }
}

/// The date of a fact: from the most precise reports, the date most of them give (the earliest
/// of a tie), with the words of the first report that gives it.
pub(super) fn pick_date(
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
fn meeting_bounds<'a>(
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

// ---------------------------------------------------------------------------------------------
// Statements and demands

/// A report as grouping sees it: who it is by (speaker, or the demanding party), its kind and
/// its date.
#[derive(Debug)]
struct KeyedReport {
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
fn any_span(date: Option<&str>) -> Option<(NaiveDate, NaiveDate)> {
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
fn occasion(days: Option<(NaiveDate, NaiveDate)>) -> Option<i64> {
    // 1 January of the year 1 (day 1 from the common era) was a Monday.
    days.map(|(first, _)| (i64::from(first.num_days_from_ce()) - 1).div_euclid(7))
}

/// The first and last day of the week of `occasion`.
fn occasion_days(occasion: i64) -> Option<(NaiveDate, NaiveDate)> {
    let monday = i32::try_from(occasion * 7 + 1).ok()?;
    let first = NaiveDate::from_num_days_from_ce_opt(monday)?;
    Some((first, first + Duration::days(6)))
}

/// Groups reports of the same words: by kind; then by occasion (the week of their date); then,
/// within an occasion, by who: a report without a "who" joins the only group of the occasion
/// that has one, and otherwise the reports without one form a group. A function of the set of
/// reports alone.
fn group_by_who(reports: &[KeyedReport]) -> Vec<Vec<i64>> {
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
const SAME_KEY: &str = "text_hash = ?1";

/// The reports that could be the same statement or demand as a report of the words `key`
/// dated `days`: the reports of those words on the same occasion (the same week, or undated
/// too), and every report of the facts those belong to (in a database grouped by older rules
/// a fact may span weeks; regrouping it splits it).
fn keyed_neighbourhood(
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
fn place_keyed(
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
fn regroup_keyed(
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

/// Statements and demands made at meetings whose reports moved to another meeting: the meeting
/// they were made at may have changed.
pub fn refresh_linked(conn: &Connection, moved: &[i64], stale: &mut Stale) -> Result<(), KbError> {
    let mut select_statements = conn.prepare_cached(
        "SELECT DISTINCT statement_id FROM statement_reports WHERE meeting_report_id = ?1",
    )?;
    let mut select_demands = conn.prepare_cached(
        "SELECT DISTINCT demand_id FROM demand_reports WHERE meeting_report_id = ?1",
    )?;
    for &report in moved {
        for id in select_statements.query_map([report], |row| row.get::<_, i64>(0))? {
            stale.statements.insert(id?);
        }
        for id in select_demands.query_map([report], |row| row.get::<_, i64>(0))? {
            stale.demands.insert(id?);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(
        id: i64,
        article: i64,
        days: &str,
        participants: &[i64],
        label: &str,
    ) -> MeetingReport {
        let span = date_span(Some(days), None);
        MeetingReport {
            id,
            meeting_id: id,
            article_id: article,
            order: (String::new(), format!("{article:03}"), 0),
            label_words: label_words(label),
            mode: "unknown".into(),
            days: span.map(|(a, b, _)| (a, b)),
            day_precise: span.is_some_and(|(_, _, d)| d),
            status: "held".into(),
            place: None,
            participants: participants.iter().copied().collect(),
            persons: BTreeSet::new(),
        }
    }

    #[test]
    fn one_persons_meetings_with_different_counterparts_stay_apart() {
        // 1 and 2 are persons, 3 and 4 their states; 5 another person of state 4.
        let with = |id: i64, persons: &[i64], others: &[i64], label: &str| MeetingReport {
            persons: persons.iter().copied().collect(),
            ..report(id, id, "2022-02-24", &[persons, others].concat(), label)
        };
        let abbas = with(1, &[1, 2], &[3, 4], "");
        let lapid = with(2, &[1, 5], &[3, 4], "");
        assert!(meeting_fit(&abbas, &lapid).is_none());
        // A report naming fewer of the persons is the same meeting.
        let fewer = with(3, &[1], &[3, 4], "");
        assert!(meeting_fit(&abbas, &fewer).is_some());
        // Reports sharing two persons may each name one more.
        let more = with(4, &[1, 2, 6], &[3, 4], "");
        let others = with(5, &[1, 2, 7], &[3, 4], "");
        assert!(meeting_fit(&more, &others).is_some());
        // A meeting named alike in both is one, whoever each names.
        let summit = with(6, &[1, 2], &[3, 4], "NATO Summit");
        let summit_too = with(7, &[1, 5], &[3, 4], "NATO Summit");
        assert!(meeting_fit(&summit, &summit_too).is_some());
    }

    /// Issue #11: a report without a day of its own ("earlier this month") combines with the
    /// meeting of the same two persons on a day of its bounds, though each names someone the
    /// other does not; two held meetings of theirs on different days stay apart.
    #[test]
    fn a_month_mention_joins_a_day_it_bounds_and_two_days_stay_apart() {
        // 1 and 2 are persons, 3 and 4 their states; 5 and 6 others each report names.
        let with = |id: i64, days: &str, persons: &[i64], others: &[i64]| MeetingReport {
            persons: persons.iter().copied().collect(),
            ..report(id, id, days, &[persons, others].concat(), "")
        };
        let month = with(1, "2022-03", &[1, 2, 5], &[3, 4]);
        let fifth = with(2, "2022-03-05", &[1, 2, 6], &[3, 4]);
        assert!(meeting_fit(&month, &fifth).is_some());
        // One person in common is not enough in a month.
        let other = with(3, "2022-03-09", &[1, 6], &[3, 4]);
        assert!(meeting_fit(&month, &other).is_none());
        // Two days are two meetings, whatever joins them.
        let tenth = with(4, "2022-03-10", &[1, 2], &[3, 4]);
        assert!(meetings_conflict(&fifth, &tenth));
        let groups = group_meetings(&[month, fifth, tenth]);
        assert_eq!(groups.len(), 2, "{groups:?}");
        assert!(groups.iter().all(|g| !(g.contains(&1) && g.contains(&2))));
        // Reports of a month in another month do not fit.
        let april = with(5, "2022-04", &[1, 2], &[3, 4]);
        assert!(meeting_fit(&april, &with(6, "2022-03-05", &[1, 2], &[3, 4])).is_none());
    }

    /// A report that fits one report of a meeting joins it when it conflicts with none of
    /// the others, though it would not fit them all.
    #[test]
    fn a_group_takes_in_a_report_that_conflicts_with_none_of_its_reports() {
        let with = |id: i64, days: &str, persons: &[i64], others: &[i64]| MeetingReport {
            persons: persons.iter().copied().collect(),
            ..report(id, id, days, &[persons, others].concat(), "")
        };
        // Two day reports of one meeting; the second names 7 and its state 8 too.
        let a = with(1, "2022-03-05", &[1, 2], &[3, 4]);
        let b = with(2, "2022-03-05", &[1, 2, 7], &[3, 4, 8]);
        // A month report naming 9 and 10: it fits a (the same two persons) but not b.
        let c = with(3, "2022-03", &[1, 2, 9], &[3, 4, 10]);
        assert!(meeting_fit(&a, &b).is_some());
        assert!(meeting_fit(&c, &a).is_some());
        assert!(!meetings_conflict(&c, &b));
        assert_eq!(group_meetings(&[a, b, c]), vec![vec![0, 1, 2]]);
    }

    #[test]
    fn labels_name_a_meeting_by_their_capitalised_words() {
        let words = label_words("U.S.-Russia Strategic Stability Dialogue");
        assert!(label_words("Strategic Stability Dialogue").is_subset(&words));
        assert!(label_words("hour bilateral talks").is_empty());
        assert_eq!(
            label_words("NATO-Russia Council meeting"),
            ["council", "nato", "russia"].map(String::from).into()
        );
    }

    #[test]
    fn reports_of_one_day_and_parties_are_one_meeting() {
        let a = report(1, 1, "2022-01-12", &[1, 2, 3], "");
        let b = report(2, 2, "2022-01-12", &[1, 2], "NATO-Russia Council meeting");
        assert!(meeting_fit(&a, &b).is_some());
        // Another day, another meeting.
        let c = report(3, 3, "2022-01-13", &[1, 2], "");
        assert!(meeting_fit(&a, &c).is_none());
        // The same article's two meetings stay two.
        let d = report(4, 1, "2022-01-12", &[1, 2], "");
        assert!(meeting_fit(&a, &d).is_none());
        // Different names, different meetings.
        let e = report(5, 5, "2022-01-12", &[1, 2], "Strategic Stability Dialogue");
        assert!(meeting_fit(&b, &e).is_none());
        // A month is not enough on its own.
        let f = report(6, 6, "2022-01", &[1, 2, 3], "");
        assert!(meeting_fit(&a, &f).is_some());
        let g = report(7, 7, "2022-01", &[1, 9], "");
        assert!(meeting_fit(&a, &g).is_none());
    }

    #[test]
    fn reports_combine_when_their_bounds_overlap_and_not_weeks_apart() {
        let bounded = |id: i64, first: &str, last: &str, day_precise: bool| MeetingReport {
            days: bounds(Some(first), Some(last)),
            day_precise,
            ..report(id, id, "2022-07", &[1, 2], "")
        };
        // 9 July; "a few days ago" on 18 July; undated, held, reported on 10 July.
        let exact = bounded(1, "2022-07-09", "2022-07-09", true);
        let vague = bounded(2, "2022-07-08", "2022-07-17", false);
        let undated = bounded(3, "2022-07-01", "2022-07-10", false);
        // The same two people on 1 August, and "a few days ago" on 10 August.
        let later = bounded(4, "2022-08-01", "2022-08-01", true);
        let later_vague = bounded(5, "2022-07-31", "2022-08-09", false);
        let groups = group_meetings(&[exact, vague, undated, later, later_vague]);
        assert_eq!(groups, vec![vec![0, 1, 2], vec![3, 4]]);
        // Bounds wider than a month ("a few months ago") combine with nothing.
        assert_eq!(bounds(Some("2022-03-01"), Some("2022-07-01")), None);
        assert!(bounds(Some("2022-07-01"), Some("2022-07-31")).is_some());
    }

    /// Issue #11: "recently" (six weeks up to the article) joins the one meeting of the same two
    /// persons its bounds hold; "a few months ago" says too little and joins nothing.
    #[test]
    fn a_recent_mention_joins_the_meeting_its_six_weeks_hold() {
        let bounded = |id: i64, first: &str, last: &str, day_precise: bool| MeetingReport {
            days: bounds(Some(first), Some(last)),
            day_precise,
            persons: [1, 2].into(),
            ..report(id, id, "2022-07", &[1, 2, 3, 4], "")
        };
        // A call on 11 June; "recently" in an article of 21 July (9 June to 21 July).
        let call = bounded(1, "2022-06-11", "2022-06-11", true);
        let recent = bounded(2, "2022-06-09", "2022-07-21", false);
        assert!(recent.days.is_some());
        assert!(meeting_fit(&call, &recent).is_some());
        assert_eq!(
            group_meetings(&[call.clone(), recent.clone()]),
            vec![vec![0, 1]]
        );
        // A call in May lies outside the six weeks: two meetings.
        let may = bounded(3, "2022-05-20", "2022-05-20", true);
        assert!(meeting_fit(&may, &recent).is_none());
        assert_eq!(group_meetings(&[may, recent]).len(), 2);
        // "A few months ago" (150 to 45 days before) combines with nothing.
        let months = bounded(4, "2022-02-21", "2022-06-06", false);
        assert!(months.days.is_none());
        assert!(meeting_fit(&call, &months).is_none());
    }

    /// Issue #11: a plan of a day and the report that it was held the next day, of the same
    /// two persons, are one meeting; a day further, two held days, or a plan of other persons
    /// are two.
    #[test]
    fn a_plan_of_a_day_joins_the_meeting_held_a_day_off_it() {
        let with = |id: i64, day: &str, status: &str, persons: &[i64]| MeetingReport {
            status: status.into(),
            persons: persons.iter().copied().collect(),
            ..report(id, id, day, &[persons, &[3, 4]].concat(), "")
        };
        let plan = with(1, "2022-03-06", "planned", &[1, 2]);
        let held = with(2, "2022-03-07", "held", &[1, 2]);
        assert!(!meetings_conflict(&plan, &held));
        assert!(meeting_fit(&plan, &held).is_some());
        assert_eq!(
            group_meetings(&[plan.clone(), held.clone()]),
            vec![vec![0, 1]]
        );
        // Two days off the plan: another meeting.
        let later = with(3, "2022-03-08", "held", &[1, 2]);
        assert!(meetings_conflict(&plan, &later));
        // Two reports that it was held, a day apart: two meetings.
        assert!(meetings_conflict(&held, &later));
        // A plan of the next day, with one of the persons only: two meetings.
        let other = with(4, "2022-03-07", "held", &[1, 5]);
        assert!(meetings_conflict(&plan, &other));
        // A plan without a day of its own ("in the first week of March") holds the days it
        // holds, and is not widened.
        let week = MeetingReport {
            days: bounds(Some("2022-03-01"), Some("2022-03-06")),
            day_precise: false,
            ..with(5, "2022-03", "planned", &[1, 2])
        };
        assert!(meetings_conflict(&week, &held));
    }

    /// Issue #11: of two reports of one article, one naming only the states and one the
    /// persons, a third report naming the same persons joins the one that names them.
    #[test]
    fn a_report_joins_the_report_of_the_same_persons_before_one_of_states_only() {
        let with = |id: i64, article: i64, persons: &[i64]| MeetingReport {
            persons: persons.iter().copied().collect(),
            ..report(id, article, "2022-06-25", &[persons, &[3, 4]].concat(), "")
        };
        let states = with(1, 1, &[]);
        let persons = with(2, 1, &[1, 2]);
        let other_article = with(3, 2, &[1, 2]);
        let fit = |a: &MeetingReport, b: &MeetingReport| meeting_fit(a, b).unwrap_or(0.0);
        assert!(fit(&persons, &other_article) > fit(&states, &other_article));
        let groups = group_meetings(&[states, persons, other_article]);
        assert_eq!(groups, vec![vec![0], vec![1, 2]]);
    }

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

    #[test]
    fn grouping_never_chains_reports_that_disagree() {
        // b fits a and c, but a and c are two meetings of one article.
        let a = report(1, 1, "2022-01-12", &[1, 2], "");
        let b = report(2, 2, "2022-01-12", &[1, 2, 3, 4], "");
        let c = report(3, 1, "2022-01-12", &[3, 4], "");
        let groups = group_meetings(&[a, b, c]);
        assert_eq!(groups.len(), 2, "{groups:?}");
    }

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
