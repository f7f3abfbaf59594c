//! Whole records: an actor's profile, and a meeting, statement or demand with everything that
//! hangs on it, down to the words of each source.

use rusqlite::Connection;

use super::{ActorSet, QueryError, TimelineFilter, select, timeline};
use crate::render::{Document, Rows, Value};

/// A record's fields, in the order of the query's columns.
fn fields(
    conn: &Connection,
    sql: &str,
    id: i64,
    what: &'static str,
) -> Result<Vec<(String, Value)>, QueryError> {
    let rows = select(conn, sql, [id])?;
    let Some(row) = rows.rows.into_iter().next() else {
        return Err(QueryError::NotFound(what, id));
    };
    Ok(rows.columns.into_iter().zip(row).collect())
}

/// The sources of a fact: each article, and each span of it, with the words the span covers.
/// `fact` is "meeting", "statement" or "demand". Spans are found through the fact's reports
/// (the `evidence` view gives the same rows, but its computed columns cannot use an index).
fn sources(conn: &Connection, fact: &str, id: i64) -> Result<Rows, QueryError> {
    let sql = format!(
        "SELECT e.article_id, art.published, e.aspect, \
         substr(art.body, e.span_start + 1, e.span_end - e.span_start) AS text, \
         art.title AS article_title, art.url, e.span_start, e.span_end \
         FROM {fact}_reports AS r \
         JOIN evidence_spans AS e ON e.{fact}_report_id = r.id \
         JOIN articles AS art ON art.id = e.article_id \
         WHERE r.{fact}_id = ?1 \
         ORDER BY art.published IS NULL, art.published, e.article_id, e.span_start, e.span_end, \
         e.aspect"
    );
    select(conn, &sql, [id])
}

/// The copies of the articles that report a fact: each outlet, address and date the same text
/// was ingested under, one row per row of `article_sources`, so that a record lists as many
/// copies as its `sources` count (and the timeline's) says. `fact` as for [`sources`].
fn copies(conn: &Connection, fact: &str, id: i64) -> Result<Rows, QueryError> {
    let sql = format!(
        "SELECT c.article_id, c.published, c.source AS outlet, c.url, c.title \
         FROM article_sources AS c \
         WHERE c.article_id IN (SELECT r.article_id FROM {fact}_reports AS r WHERE r.{fact}_id = ?1) \
         ORDER BY c.published IS NULL, c.published, c.article_id, c.id"
    );
    select(conn, &sql, [id])
}

/// An actor's profile: who it is, its names, its offices over time, the actors it deals with,
/// and its latest events.
pub fn actor_profile(conn: &Connection, id: i64, recent: usize) -> Result<Document, QueryError> {
    let mut doc = Document::default();
    doc.push_record(
        "actor",
        fields(
            conn,
            "SELECT id, kind, name, iso3, wikidata_qid, cameo_code, latest_role, meetings, \
             statements, demands_made, demands_received FROM actor_list WHERE id = ?1",
            id,
            "actor",
        )?,
    );
    doc.push(
        "aliases",
        select(
            conn,
            "SELECT alias, kind, origin FROM actor_aliases WHERE actor_id = ?1 \
             AND alias <> (SELECT name FROM actors WHERE id = ?1) ORDER BY alias_key, alias",
            [id],
        )?,
    );
    doc.push(
        "roles",
        select(
            conn,
            "SELECT r.title, aff.name AS affiliation, r.first_seen, r.last_seen, \
             (SELECT count(DISTINCT e.article_id) FROM evidence_spans AS e WHERE e.person_role_id = r.id) AS sources \
             FROM person_roles AS r LEFT JOIN actors AS aff ON aff.id = r.affiliation_id \
             WHERE r.person_id = ?1 \
             ORDER BY r.first_seen IS NULL, r.first_seen, r.last_seen, r.title, aff.name",
            [id],
        )?,
    );
    doc.push(
        "members",
        select(
            conn,
            "SELECT DISTINCT p.name AS person, r.title, r.first_seen, r.last_seen \
             FROM person_roles AS r JOIN actors AS p ON p.id = r.person_id \
             WHERE r.affiliation_id = ?1 ORDER BY p.name, r.first_seen, r.title",
            [id],
        )?,
    );
    doc.push(
        "relations",
        select(
            conn,
            &format!(
                "SELECT CASE WHEN actor_id = ?1 THEN other ELSE actor END AS with_actor, \
                 CASE WHEN actor_id = ?1 THEN relation ELSE relation || ' (by them)' END AS relation, \
                 count(*) AS events, min(date) AS first_date, max(date) AS last_date \
                 FROM {} \
                 WHERE actor_id = ?1 OR (other_id = ?1 AND relation NOT IN ('met') AND relation NOT LIKE 'meeting\\_%' ESCAPE '\\') \
                 GROUP BY 1, 2 ORDER BY events DESC, 1, 2",
                super::relations::links_of(2)
            ),
            rusqlite::params![id, format!("[{id}]")],
        )?,
    );
    let set = ActorSet {
        name: String::new(),
        ids: [id].into(),
    };
    // The latest events, still shown oldest first.
    let recent_events = timeline(
        conn,
        &TimelineFilter {
            actors: vec![set],
            last: Some(recent),
            ..TimelineFilter::default()
        },
    )?;
    doc.push("recent events", recent_events);
    Ok(doc)
}

pub fn meeting_record(conn: &Connection, id: i64) -> Result<Document, QueryError> {
    let mut doc = Document::default();
    doc.push_record(
        "meeting",
        fields(
            conn,
            "SELECT id, label, kind, status, date, date_precision, end_date, \
             (SELECT date_phrase FROM meetings WHERE id = ?1) AS date_phrase, place, place_country, \
             mode, scope, outcome, cameo_code, plover_category, plover_mode, sources \
             FROM meeting_list WHERE id = ?1",
            id,
            "meeting",
        )?,
    );
    doc.push(
        "participants",
        select(
            conn,
            "SELECT a.name, a.kind, mp.role, mp.implied, \
             (SELECT count(DISTINCT r.article_id) FROM meeting_report_participants AS rp \
              JOIN meeting_reports AS r ON r.id = rp.meeting_report_id \
              WHERE r.meeting_id = mp.meeting_id AND rp.actor_id = mp.actor_id) AS sources \
             FROM meeting_participants AS mp JOIN actors AS a ON a.id = mp.actor_id \
             WHERE mp.meeting_id = ?1 ORDER BY mp.implied, a.kind, a.name",
            [id],
        )?,
    );
    doc.push(
        "statements",
        select(
            conn,
            "SELECT id, date, speaker, kind, text FROM statement_list WHERE meeting_id = ?1 \
             ORDER BY date IS NULL, date, id",
            [id],
        )?,
    );
    doc.push(
        "demands",
        select(
            conn,
            "SELECT id, date, coalesce(by_party, by_actor) AS by_actor, \
             coalesce(of_party, of_actor) AS of_actor, text, answer FROM demand_list \
             WHERE meeting_id = ?1 ORDER BY date IS NULL, date, id",
            [id],
        )?,
    );
    doc.push("copies", copies(conn, "meeting", id)?);
    doc.push("sources", sources(conn, "meeting", id)?);
    Ok(doc)
}

pub fn statement_record(conn: &Connection, id: i64) -> Result<Document, QueryError> {
    let mut doc = Document::default();
    doc.push_record(
        "statement",
        fields(
            conn,
            "SELECT s.id, s.speaker, s.party, s.kind, s.text, s.verb, s.date, s.date_precision, \
             (SELECT date_phrase FROM statements WHERE id = ?1) AS date_phrase, s.meeting_id, \
             (SELECT coalesce(label, kind) || coalesce(' (' || date || ')', '') FROM meetings \
              WHERE id = s.meeting_id) AS meeting, s.cameo_code, s.plover_category, s.sources \
             FROM statement_list AS s WHERE s.id = ?1",
            id,
            "statement",
        )?,
    );
    doc.push("copies", copies(conn, "statement", id)?);
    doc.push("sources", sources(conn, "statement", id)?);
    Ok(doc)
}

pub fn demand_record(conn: &Connection, id: i64) -> Result<Document, QueryError> {
    let mut doc = Document::default();
    doc.push_record(
        "demand",
        fields(
            conn,
            "SELECT d.id, d.by_actor, d.by_party, d.of_actor, d.of_party, d.text, d.cue, d.answer, \
             d.answered_by, d.answer_date, d.date, d.date_precision, \
             (SELECT date_phrase FROM demands WHERE id = ?1) AS date_phrase, d.meeting_id, \
             (SELECT coalesce(label, kind) || coalesce(' (' || date || ')', '') FROM meetings \
              WHERE id = d.meeting_id) AS meeting, d.cameo_code, d.plover_category, \
             d.answer_cameo_code, d.answer_plover_category, d.sources \
             FROM demand_list AS d WHERE d.id = ?1",
            id,
            "demand",
        )?,
    );
    doc.push("copies", copies(conn, "demand", id)?);
    doc.push("sources", sources(conn, "demand", id)?);
    Ok(doc)
}
