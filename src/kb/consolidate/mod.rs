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
//!
//! The work is laid out by job: [`meeting_fit`] says whether meeting reports can be one
//! meeting and groups them, [`meeting_candidates`] finds the stored reports a new one could
//! join, [`meetings`] combines them, [`meeting_refresh`] recomputes a meeting from its reports,
//! and [`by_words`] places and regroups statement and demand reports. This file holds what
//! they share: giving groups their facts ([`assign`]) and what follows removals.

mod by_words;
mod meeting_candidates;
mod meeting_fit;
mod meeting_refresh;
mod meetings;

use std::collections::BTreeSet;

use rusqlite::{Connection, params};

pub use by_words::{
    NewKeyed, Placement, demands, occasion_of, place_demands, place_statements, statements,
};
pub(super) use meeting_refresh::pick_date;
pub use meeting_refresh::refresh_meeting;
pub use meetings::meetings;

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
