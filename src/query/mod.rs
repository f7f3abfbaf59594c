//! Reading the knowledge base back: summaries and ad-hoc SQL.
//!
//! Architecture invariant: queries read only the database, through a read-only connection, and
//! every query has an explicit ORDER BY so that output is stable.

mod actors;
mod dictionary;
mod export;
mod fold;
mod profile;
mod relations;
mod search;
mod timeline;

pub use actors::{ActorSet, LONGEST_NAME, Params, actor_set, one_actor};
pub use dictionary::{DictionaryEntry, dictionary_entries};
pub use export::{ExportError, Exported};
pub use export::{ExportFormat, export};
pub use fold::fold;
pub use profile::{actor_profile, demand_record, meeting_record, statement_record};
pub use relations::{RelationsFilter, relations, relations_dot};
pub use search::{SearchIn, search};
pub use timeline::{DateRange, EventKind, TimelineFilter, timeline};

use rusqlite::Connection;
use rusqlite::types::ValueRef;

use crate::render::{Rows, Value};

#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error(
        "dipkb sql is read-only: this statement would change the database; \
         use the sqlite3 shell on a copy to experiment with writes"
    )]
    WouldWrite,
    #[error("dipkb sql runs one statement at a time: remove what follows the first `;`")]
    MultipleStatements,
    #[error("dipkb sql refuses {0}: it reaches beyond the knowledge base")]
    Refused(&'static str),
    #[error("no actor is called {name:?}{}", suggest(.suggestions))]
    UnknownActor {
        name: String,
        suggestions: Vec<String>,
    },
    #[error(
        "{name:?} is {} in the dictionaries, but no stored article mentions it",
        .entries.join(" or ")
    )]
    NotStored { name: String, entries: Vec<String> },
    #[error("{0}")]
    BadActor(String),
    #[error("{name:?} names {count} actors ({}); give the full name", .names.join("; "))]
    AmbiguousActor {
        name: String,
        count: usize,
        names: Vec<String>,
    },
    #[error("no {0} has id {1}")]
    NotFound(&'static str, i64),
    #[error("{0}")]
    BadSearch(String),
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
}

fn suggest(names: &[String]) -> String {
    if names.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", names.join(", "))
    }
}

/// What the knowledge base holds, one line per measure.
pub fn stats(conn: &Connection) -> Result<Rows, QueryError> {
    const MEASURES: &[(&str, &str)] = &[
        ("articles", "SELECT count(*) FROM articles"),
        (
            "articles without a date",
            "SELECT count(*) FROM articles WHERE published IS NULL",
        ),
        ("first article date", "SELECT min(published) FROM articles"),
        ("last article date", "SELECT max(published) FROM articles"),
        ("actors", "SELECT count(*) FROM actors"),
        (
            "  persons",
            "SELECT count(*) FROM actors WHERE kind = 'person'",
        ),
        (
            "  states",
            "SELECT count(*) FROM actors WHERE kind = 'state'",
        ),
        (
            "  organisations",
            "SELECT count(*) FROM actors WHERE kind = 'organisation'",
        ),
        (
            "  groups",
            "SELECT count(*) FROM actors WHERE kind = 'group'",
        ),
        ("meetings", "SELECT count(*) FROM meetings"),
        (
            "  held",
            "SELECT count(*) FROM meetings WHERE status = 'held'",
        ),
        (
            "  planned or proposed",
            "SELECT count(*) FROM meetings WHERE status IN ('planned', 'proposed')",
        ),
        (
            "  cancelled or postponed",
            "SELECT count(*) FROM meetings WHERE status IN ('cancelled', 'postponed')",
        ),
        (
            "  reported by several articles",
            "SELECT count(*) FROM (SELECT meeting_id FROM meeting_reports \
             GROUP BY meeting_id HAVING count(DISTINCT article_id) > 1)",
        ),
        ("meeting reports", "SELECT count(*) FROM meeting_reports"),
        ("statements", "SELECT count(*) FROM statements"),
        (
            "  direct",
            "SELECT count(*) FROM statements WHERE kind = 'direct'",
        ),
        (
            "  indirect",
            "SELECT count(*) FROM statements WHERE kind = 'indirect'",
        ),
        (
            "  reported by several articles",
            "SELECT count(*) FROM (SELECT statement_id FROM statement_reports \
             GROUP BY statement_id HAVING count(DISTINCT article_id) > 1)",
        ),
        ("demands", "SELECT count(*) FROM demands"),
        (
            "  answered",
            "SELECT count(*) FROM demands WHERE answer <> 'unknown'",
        ),
        ("evidence spans", "SELECT count(*) FROM evidence_spans"),
        ("actor curations", "SELECT count(*) FROM actor_curations"),
        (
            "warnings",
            "SELECT count(*) FROM diagnostics WHERE severity = 'warning'",
        ),
        (
            "schema version",
            "SELECT ifnull(max(version), 0) FROM schema_migrations",
        ),
    ];
    let mut rows = Rows::new(&["measure", "value"]);
    for (label, sql) in MEASURES {
        let value = conn.query_row(sql, [], |row| value_of(row.get_ref(0)?))?;
        rows.push(vec![Value::from(*label), value]);
    }
    Ok(rows)
}

/// Runs one read-only SQL statement and returns its rows.
pub fn sql(conn: &Connection, query: &str) -> Result<Rows, QueryError> {
    let mut statement = prepare_sql(conn, query)?;
    Ok(collect(&mut statement, [])?)
}

/// Prepares one SQL statement from a user, refused if it would write, is more than one
/// statement, or attaches another file; its rows are the caller's to read (as they come).
pub fn prepare_sql<'c>(
    conn: &'c Connection,
    query: &str,
) -> Result<rusqlite::Statement<'c>, QueryError> {
    let statement = match conn.prepare(query) {
        Ok(statement) => statement,
        Err(rusqlite::Error::MultipleStatement) => return Err(QueryError::MultipleStatements),
        Err(err) => return Err(err.into()),
    };
    if !statement.readonly() {
        return Err(QueryError::WouldWrite);
    }
    // ATTACH counts as read-only to SQLite, but it opens other files.
    if is_attach(query) {
        return Err(QueryError::Refused("ATTACH"));
    }
    Ok(statement)
}

/// Whether a statement is an ATTACH, as SQLite reads it: past white space and comments (`--` to
/// the end of the line, `/* */`), and past `EXPLAIN` or `EXPLAIN QUERY PLAN`.
fn is_attach(query: &str) -> bool {
    let mut rest = query;
    loop {
        let word = next_word(&mut rest);
        if word.eq_ignore_ascii_case("explain")
            || word.eq_ignore_ascii_case("query")
            || word.eq_ignore_ascii_case("plan")
        {
            continue;
        }
        return word.eq_ignore_ascii_case("attach");
    }
}

/// The next word of SQL (letters, digits and `_`) after white space and comments, taken off
/// `rest`; empty when something else comes next.
fn next_word<'a>(rest: &mut &'a str) -> &'a str {
    loop {
        let text = rest.trim_start();
        if let Some(comment) = text.strip_prefix("--") {
            *rest = comment.split_once('\n').map_or("", |(_, after)| after);
        } else if let Some(comment) = text.strip_prefix("/*") {
            // An unclosed comment runs to the end, as in SQLite.
            *rest = comment.split_once("*/").map_or("", |(_, after)| after);
        } else {
            let end = text
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(text.len());
            let (word, after) = text.split_at(end);
            *rest = after;
            return word;
        }
    }
}

/// Runs a prepared statement and gathers its rows, columns named as the statement names them.
fn collect(
    statement: &mut rusqlite::Statement<'_>,
    params: impl rusqlite::Params,
) -> rusqlite::Result<Rows> {
    let columns: Vec<String> = statement.column_names().map(|c| c.to_string()).collect();
    let mut rows = Rows {
        columns,
        rows: Vec::new(),
    };
    let width = rows.columns.len();
    let mut result = statement.query(params)?;
    while let Some(row) = result.next()? {
        let mut cells = Vec::with_capacity(width);
        for index in 0..width {
            cells.push(value_of(row.get_ref(index)?)?);
        }
        rows.rows.push(cells);
    }
    Ok(rows)
}

/// Prepares and runs one of our own queries.
fn select(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> Result<Rows, QueryError> {
    let mut statement = conn.prepare(sql)?;
    Ok(collect(&mut statement, params)?)
}

pub fn value_of(value: ValueRef<'_>) -> rusqlite::Result<Value> {
    Ok(match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(n) => Value::Int(n),
        ValueRef::Real(x) => Value::Real(x),
        ValueRef::Text(bytes) => Value::Text(String::from_utf8_lossy(bytes).into_owned()),
        ValueRef::Blob(bytes) => Value::Text(format!(
            "x'{}'",
            bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
        )),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attach_is_found_past_comments_and_explain() {
        for attach in [
            "ATTACH 'x' AS y",
            "  attach database 'x' AS y",
            "/**/ATTACH 'x' AS y",
            "-- note\nATTACH 'x' AS y",
            "/* a */ -- b\n\t/* c\n */attach 'x' AS y",
            "EXPLAIN ATTACH 'x' AS y",
            "explain query plan /**/ attach 'x' AS y",
        ] {
            assert!(is_attach(attach), "{attach}");
        }
        for other in [
            "SELECT 'ATTACH'",
            "/* ATTACH */ SELECT 1",
            "-- ATTACH\nSELECT 1",
            "SELECT attach FROM t",
            "/* unclosed ATTACH",
            "",
        ] {
            assert!(!is_attach(other), "{other}");
        }
    }
}
