//! Writing an article's reports and joining them to other articles' facts: takes an
//! [`Extraction`] of a stored article, removes the reports an earlier extraction gave it, writes
//! the new ones ([`ReportWriter`]) and combines them ([`consolidate`]), marking the statements
//! and demands it touched stale for the batch's refresh.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use super::FactCounts;
use crate::extract::Extraction;
use crate::kb::refresh::Stale;
use crate::kb::write::{ReportWriter, Reuse, Written};
use crate::kb::{KbError, consolidate, exec};
use crate::source::Warning;

/// Replaces the facts extracted from a stored article inside the caller's transaction: see
/// [`Store::replace_facts`].
pub(in crate::kb) fn replace_facts_in(
    conn: &Connection,
    article_id: i64,
    extraction: &Extraction,
    stale: &mut Stale,
) -> Result<FactCounts, KbError> {
    let (published, body): (Option<String>, String) = conn.query_row(
        "SELECT published, body FROM articles WHERE id = ?1",
        [article_id],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    let (removed, reuse) = remove_reports_of(conn, article_id)?;
    let published = published.and_then(|p| NaiveDate::parse_from_str(&p, "%Y-%m-%d").ok());
    let written = ReportWriter::new(conn, article_id, published, &body)
        .reusing(reuse)
        .write(extraction)?;
    combine(conn, written, removed, stale)?;
    exec(
        conn,
        "UPDATE articles SET extractor_version = ?2, \
             extracted_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
        params![article_id, crate::VERSION],
    )?;
    Ok(FactCounts::of(extraction))
}

pub(super) fn write_source_warnings(
    tx: &Connection,
    article_id: i64,
    warnings: &[Warning],
) -> Result<(), KbError> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO diagnostics (article_id, stage, severity, code, message) \
         VALUES (?1, 'source', 'warning', ?2, ?3)",
    )?;
    for warning in warnings {
        insert.execute(params![article_id, warning.code, warning.message])?;
    }
    Ok(())
}

/// Facts that lost a report when an article's reports were removed.
#[derive(Debug, Default)]
pub(super) struct Removed {
    meetings: BTreeSet<i64>,
    statements: BTreeSet<i64>,
    demands: BTreeSet<i64>,
    statement_keys: BTreeSet<i64>,
    demand_keys: BTreeSet<i64>,
}

/// Deletes an article's reports, evidence and extraction diagnostics, and the roles only it
/// gave. Returns the facts that lost reports, and which fact each report had.
pub(super) fn remove_reports_of(
    tx: &Connection,
    article_id: i64,
) -> Result<(Removed, Reuse), KbError> {
    let mut removed = Removed::default();
    let mut reuse = Reuse::default();
    for (table, column, map) in [
        ("meeting_reports", "meeting_id", &mut reuse.meetings),
        ("statement_reports", "statement_id", &mut reuse.statements),
        ("demand_reports", "demand_id", &mut reuse.demands),
    ] {
        let mut select = tx.prepare(&format!(
            "SELECT position, {column} FROM {table} WHERE article_id = ?1"
        ))?;
        for pair in select.query_map([article_id], |row| Ok((row.get(0)?, row.get(1)?)))? {
            let (position, fact) = pair?;
            map.insert(position, fact);
        }
    }
    let ids = |sql: &str| -> Result<BTreeSet<i64>, KbError> {
        let mut select = tx.prepare(sql)?;
        let ids = select
            .query_map([article_id], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    };
    removed.meetings =
        ids("SELECT DISTINCT meeting_id FROM meeting_reports WHERE article_id = ?1")?;
    removed.statements =
        ids("SELECT DISTINCT statement_id FROM statement_reports WHERE article_id = ?1")?;
    removed.demands = ids("SELECT DISTINCT demand_id FROM demand_reports WHERE article_id = ?1")?;
    let roles = ids("SELECT DISTINCT person_role_id FROM evidence_spans \
         WHERE article_id = ?1 AND person_role_id IS NOT NULL")?;
    for (table, keys) in [
        ("statement_reports", &mut removed.statement_keys),
        ("demand_reports", &mut removed.demand_keys),
    ] {
        let mut select = tx.prepare(&format!(
            "SELECT DISTINCT text_hash FROM {table} WHERE article_id = ?1"
        ))?;
        for key in select.query_map([article_id], |row| row.get(0))? {
            keys.insert(key?);
        }
    }
    // Reports cascade to their participants and evidence.
    for table in ["statement_reports", "demand_reports", "meeting_reports"] {
        exec(
            tx,
            &format!("DELETE FROM {table} WHERE article_id = ?1"),
            [article_id],
        )?;
    }
    // What is left are the spans of persons' roles, which the partial index by article finds
    // (schema V14).
    exec(
        tx,
        "DELETE FROM evidence_spans WHERE article_id = ?1 AND person_role_id IS NOT NULL",
        [article_id],
    )?;
    exec(
        tx,
        "DELETE FROM diagnostics WHERE article_id = ?1 AND stage = 'extract'",
        [article_id],
    )?;
    for role in roles {
        exec(
            tx,
            "DELETE FROM person_roles WHERE id = ?1 \
             AND NOT EXISTS (SELECT 1 FROM evidence_spans WHERE person_role_id = ?1)",
            [role],
        )?;
    }
    Ok((removed, reuse))
}

/// Joins new reports to the facts other articles report; recomputes every meeting, and marks
/// stale every statement and demand, that gained or lost a report or whose actors were merged.
pub(super) fn combine(
    tx: &Connection,
    written: Written,
    removed: Removed,
    stale: &mut Stale,
) -> Result<(), KbError> {
    let Written {
        meeting_reports,
        placed_statements,
        regroup_statements,
        placed_demands,
        regroup_demands,
        touched,
    } = written;
    consolidate::after_removal(tx, &removed.meetings, &removed.statements, &removed.demands)?;
    let mut touched_meetings = touched.meetings;
    touched_meetings.retain(|id| !removed.meetings.contains(id));
    let meetings = consolidate::meetings(tx, &meeting_reports, &touched_meetings)?;
    // Reports placed as they were stored need only their facts recomputed; the others, and
    // words whose speakers were merged or that lost a report, are regrouped.
    let mut keys = touched.statement_keys;
    keys.extend(removed.statement_keys);
    stale
        .statements
        .extend(consolidate::statements(tx, &regroup_statements, &keys)?);
    stale.statements.extend(placed_statements);
    let mut keys = touched.demand_keys;
    keys.extend(removed.demand_keys);
    stale
        .demands
        .extend(consolidate::demands(tx, &regroup_demands, &keys)?);
    stale.demands.extend(placed_demands);
    consolidate::refresh_linked(tx, &meetings.moved, stale)?;
    Ok(())
}
