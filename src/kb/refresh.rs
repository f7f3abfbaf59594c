//! Refreshing derived tables: each statement and demand is recomputed from its reports, once
//! per batch for every fact the batch touched (issue #12).
//!
//! Combining ([`super::consolidate`]) decides which reports belong to which fact; the columns
//! of the fact itself (words, speaker, date, codes, meeting) are a function of its reports
//! alone, so they are computed once, when the batch commits, from the reports as they then
//! stand: a statement reported by ten articles of a batch is recomputed once, not ten times.
//! Nothing that stores or combines reports reads those columns, so when they are computed
//! does not change what is stored.

use std::collections::BTreeSet;

use rusqlite::{Connection, params};

use super::consolidate::pick_date;
use super::{KbError, exec};

/// Facts recomputed with one read of their reports, at most: enough that the reads cost little
/// per fact, few enough that their reports fit in memory whatever a batch holds.
const CHUNK: usize = 1000;

/// Ids as a JSON array, for `json_each`: one prepared statement reads the reports of any
/// number of facts.
fn id_list(ids: &[i64]) -> String {
    let mut list = String::with_capacity(ids.len() * 8 + 2);
    list.push('[');
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            list.push(',');
        }
        list.push_str(&id.to_string());
    }
    list.push(']');
    list
}

/// Splits rows ordered by their fact into each fact's rows.
fn by_fact<T>(rows: &[(i64, T)]) -> impl Iterator<Item = (i64, &[(i64, T)])> {
    rows.chunk_by(|a, b| a.0 == b.0)
        .map(|group| (group[0].0, group))
}

/// The statements and demands a batch touched, stale until recomputed before it commits.
#[derive(Debug, Default)]
pub struct Stale {
    pub statements: BTreeSet<i64>,
    pub demands: BTreeSet<i64>,
}

impl Stale {
    /// Recomputes every fact touched, and forgets them. A fact deleted since it was touched
    /// has no reports and is left as it is (gone).
    pub fn refresh(&mut self, conn: &Connection) -> Result<(), KbError> {
        let statements: Vec<i64> = std::mem::take(&mut self.statements).into_iter().collect();
        for chunk in statements.chunks(CHUNK) {
            refresh_statements(conn, chunk)?;
        }
        let demands: Vec<i64> = std::mem::take(&mut self.demands).into_iter().collect();
        for chunk in demands.chunks(CHUNK) {
            refresh_demands(conn, chunk)?;
        }
        Ok(())
    }

    pub fn clear(&mut self) {
        self.statements.clear();
        self.demands.clear();
    }
}

/// A statement report as recomputing its statement reads it.
struct StatementRow {
    report: i64,
    speaker: Option<i64>,
    party: Option<i64>,
    kind: String,
    verb: Option<String>,
    date: (Option<String>, String, Option<String>),
    meeting: Option<i64>,
    code: (Option<String>, Option<String>, Option<String>),
}

/// Recomputes a statement from its reports (see [`refresh_statements`]).
pub fn refresh_statement(conn: &Connection, id: i64) -> Result<(), KbError> {
    refresh_statements(conn, &[id])
}

/// Recomputes statements from their reports: the first source's words, the first speaker any
/// source names, the most precise date. The reports of all of them are read with one query,
/// and the words of their first sources with another.
fn refresh_statements(conn: &Connection, ids: &[i64]) -> Result<(), KbError> {
    type Row = StatementRow;
    let list = id_list(ids);
    let rows: Vec<(i64, Row)> = {
        let mut select = conn.prepare_cached(
            "SELECT r.statement_id, r.id, r.speaker_id, r.speaker_party_id, r.kind, r.verb, r.date, \
             r.date_precision, r.date_phrase, mr.meeting_id, r.cameo_code, r.plover_category, \
             r.plover_mode \
             FROM statement_reports AS r JOIN articles AS a ON a.id = r.article_id \
             LEFT JOIN meeting_reports AS mr ON mr.id = r.meeting_report_id \
             WHERE r.statement_id IN (SELECT value FROM json_each(?1)) \
             ORDER BY r.statement_id, ifnull(a.published, ''), a.content_sha256, r.position",
        )?;
        select
            .query_map([&list], |row| {
                Ok((
                    row.get(0)?,
                    Row {
                        report: row.get(1)?,
                        speaker: row.get(2)?,
                        party: row.get(3)?,
                        kind: row.get(4)?,
                        verb: row.get(5)?,
                        date: (row.get(6)?, row.get(7)?, row.get(8)?),
                        meeting: row.get(9)?,
                        code: (row.get(10)?, row.get(11)?, row.get(12)?),
                    },
                ))
            })?
            .collect::<Result<_, _>>()?
    };
    // Only the first source's words are read: a report keeps them only where its evidence span
    // does not show them (schema V6), and reading every source's article would be wasted.
    let firsts = id_list(
        &by_fact(&rows)
            .map(|(_, g)| g[0].1.report)
            .collect::<Vec<_>>(),
    );
    // The statement holds its words as a span of the body (schema V10): where the report
    // points in its body, else its span of evidence; its own copy only where the report holds
    // one, the body not holding the words.
    let words: std::collections::HashMap<i64, Words> = {
        let mut select = conn.prepare_cached(
            "SELECT r.id, CASE WHEN r.text IS NOT NULL THEN r.text \
             WHEN r.text_start IS NULL AND e.span_start IS NULL THEN '' END, r.article_id, \
             coalesce(r.text_start, e.span_start), coalesce(r.text_end, e.span_end) \
             FROM statement_reports AS r \
             LEFT JOIN evidence_spans AS e ON r.text_start IS NULL AND e.id = ( \
                 SELECT min(id) FROM evidence_spans \
                 WHERE statement_report_id = r.id AND aspect = 'fact') \
             WHERE r.id IN (SELECT value FROM json_each(?1))",
        )?;
        select
            .query_map([&firsts], |row| {
                let own: Option<String> = row.get(1)?;
                let span = match own {
                    Some(_) => None,
                    None => Some((row.get(2)?, row.get(3)?, row.get(4)?)),
                };
                Ok((row.get(0)?, (own, span)))
            })?
            .collect::<Result<_, _>>()?
    };
    for (id, group) in by_fact(&rows) {
        let rows: Vec<&Row> = group.iter().map(|(_, row)| row).collect();
        let first = rows[0];
        let text = words
            .get(&first.report)
            .cloned()
            .unwrap_or((Some(String::new()), None));
        update_statement(conn, id, &rows, text)?;
    }
    Ok(())
}

/// A statement's words: its own copy, or the article, first and end character of a span of that
/// article's body.
type Words = (Option<String>, Option<(i64, i64, i64)>);

fn update_statement(
    conn: &Connection,
    id: i64,
    rows: &[&StatementRow],
    (text, span): Words,
) -> Result<(), KbError> {
    let first = rows[0];
    let dates: Vec<_> = rows.iter().map(|r| r.date.clone()).collect();
    let (date, precision, phrase) = pick_date(&dates);
    // The most specific code any source's verb gives: "condemned" over "said".
    let code = rows
        .iter()
        .map(|r| &r.code)
        .find(|c| c.0.as_deref().is_some_and(|c| c != "010"))
        .unwrap_or(&first.code);
    exec(
        conn,
        "UPDATE statement_facts SET speaker_id = ?2, speaker_party_id = ?3, kind = ?4, text = ?5, \
         text_article_id = ?14, text_start = ?15, text_end = ?16, verb = ?6, \
         date = ?7, date_precision = ?8, date_phrase = ?9, meeting_id = ?10, cameo_code = ?11, \
         plover_category = ?12, plover_mode = ?13 WHERE id = ?1 \
         AND (speaker_id, speaker_party_id, kind, text, text_article_id, text_start, text_end, \
         verb, date, date_precision, date_phrase, meeting_id, cameo_code, plover_category, \
         plover_mode) \
         IS NOT (?2, ?3, ?4, ?5, ?14, ?15, ?16, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            id,
            rows.iter().find_map(|r| r.speaker),
            rows.iter().find_map(|r| r.party),
            first.kind,
            text,
            rows.iter().find_map(|r| r.verb.clone()),
            date,
            precision,
            phrase,
            rows.iter().find_map(|r| r.meeting),
            code.0,
            code.1,
            code.2,
            span.map(|s| s.0),
            span.map(|s| s.1),
            span.map(|s| s.2),
        ],
    )?;
    Ok(())
}

/// Recomputes a demand from its reports (see [`refresh_demands`]).
pub fn refresh_demand(conn: &Connection, id: i64) -> Result<(), KbError> {
    refresh_demands(conn, &[id])
}

/// A demand report as recomputing its demand reads it.
struct DemandRow {
    by_actor: Option<i64>,
    by_party: Option<i64>,
    of_actor: Option<i64>,
    of_party: Option<i64>,
    text: String,
    cue: Option<String>,
    answer: String,
    answered_by: Option<i64>,
    answer_date: Option<String>,
    date: (Option<String>, String, Option<String>),
    meeting: Option<i64>,
    code: (Option<String>, Option<String>, Option<String>),
    answer_code: (Option<String>, Option<String>),
}

/// Recomputes demands from their reports, with one query: the first source's words, the first
/// party any source names on either side, and the answer of the latest source that reports one.
fn refresh_demands(conn: &Connection, ids: &[i64]) -> Result<(), KbError> {
    type Row = DemandRow;
    let list = id_list(ids);
    let rows: Vec<(i64, Row)> = {
        let mut select = conn.prepare_cached(
            "SELECT r.demand_id, r.by_actor_id, r.by_party_id, r.of_actor_id, r.of_party_id, r.text, r.cue, r.answer, \
             r.answered_by_id, r.answer_date, r.date, r.date_precision, r.date_phrase, mr.meeting_id, \
             r.cameo_code, r.plover_category, r.plover_mode, r.answer_cameo_code, r.answer_plover_category \
             FROM demand_reports AS r JOIN articles AS a ON a.id = r.article_id \
             LEFT JOIN meeting_reports AS mr ON mr.id = r.meeting_report_id \
             WHERE r.demand_id IN (SELECT value FROM json_each(?1)) \
             ORDER BY r.demand_id, ifnull(a.published, ''), a.content_sha256, r.position",
        )?;
        select
            .query_map([&list], |row| {
                Ok((
                    row.get(0)?,
                    Row {
                        by_actor: row.get(1)?,
                        by_party: row.get(2)?,
                        of_actor: row.get(3)?,
                        of_party: row.get(4)?,
                        text: row.get(5)?,
                        cue: row.get(6)?,
                        answer: row.get(7)?,
                        answered_by: row.get(8)?,
                        answer_date: row.get(9)?,
                        date: (row.get(10)?, row.get(11)?, row.get(12)?),
                        meeting: row.get(13)?,
                        code: (row.get(14)?, row.get(15)?, row.get(16)?),
                        answer_code: (row.get(17)?, row.get(18)?),
                    },
                ))
            })?
            .collect::<Result<_, _>>()?
    };
    for (id, group) in by_fact(&rows) {
        let rows: Vec<&Row> = group.iter().map(|(_, row)| row).collect();
        update_demand(conn, id, &rows)?;
    }
    Ok(())
}

fn update_demand(conn: &Connection, id: i64, rows: &[&DemandRow]) -> Result<(), KbError> {
    let first = rows[0];
    let dates: Vec<_> = rows.iter().map(|r| r.date.clone()).collect();
    let (date, precision, phrase) = pick_date(&dates);
    let answered = rows.iter().rev().find(|r| r.answer != "unknown");
    let code = rows
        .iter()
        .map(|r| &r.code)
        .find(|c| c.0.as_deref().is_some_and(|c| c != "100"))
        .unwrap_or(&first.code);
    exec(
        conn,
        "UPDATE demands SET by_actor_id = ?2, by_party_id = ?3, of_actor_id = ?4, of_party_id = ?5, \
         text = ?6, cue = ?7, answer = ?8, answered_by_id = ?9, answer_date = ?10, date = ?11, \
         date_precision = ?12, date_phrase = ?13, meeting_id = ?14, cameo_code = ?15, \
         plover_category = ?16, plover_mode = ?17, answer_cameo_code = ?18, \
         answer_plover_category = ?19 WHERE id = ?1 \
         AND (by_actor_id, by_party_id, of_actor_id, of_party_id, text, cue, answer, answered_by_id, \
         answer_date, date, date_precision, date_phrase, meeting_id, cameo_code, plover_category, \
         plover_mode, answer_cameo_code, answer_plover_category) \
         IS NOT (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
        params![
            id,
            rows.iter().find_map(|r| r.by_actor),
            rows.iter().find_map(|r| r.by_party),
            rows.iter().find_map(|r| r.of_actor),
            rows.iter().find_map(|r| r.of_party),
            first.text,
            first.cue,
            answered.map_or("unknown", |r| r.answer.as_str()),
            answered.and_then(|r| r.answered_by),
            answered.and_then(|r| r.answer_date.clone()),
            date,
            precision,
            phrase,
            rows.iter().find_map(|r| r.meeting),
            code.0,
            code.1,
            code.2,
            answered.and_then(|r| r.answer_code.0.clone()),
            answered.and_then(|r| r.answer_code.1.clone()),
        ],
    )?;
    Ok(())
}
