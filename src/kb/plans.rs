//! Every statement dipkb runs, checked with `EXPLAIN QUERY PLAN`: ingesting, re-extracting and
//! curating the sample corpus and running every query command records the SQL the connection
//! executes; no statement may scan a table in full unless it is listed here with the reason.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use rusqlite::Connection;
use rusqlite::trace::{TraceEvent, TraceEventCodes};

use super::{Curation, Store};
use crate::extract::extract;
use crate::query::{self, DateRange, EventKind, RelationsFilter, SearchIn, TimelineFilter};
use crate::source::{Input, ReadOptions, read_input};

/// Full scans that are the point of the statement: (words of the statement, table scanned).
const INTENDED: &[(&str, &str)] = &[
    // Totals at the end of an ingest and in `stats` count whole tables.
    ("SELECT count(*) FROM", ""),
    // Curations are few and all replayed after every batch.
    ("FROM actor_curations", "actor_curations"),
    // `--reprocess` re-extracts every article.
    ("SELECT id FROM articles ORDER BY id", "articles"),
    // The queue of full-text changes is applied whole before each commit.
    ("FROM fts_pending", "fts_pending"),
    // So are the queues of meetings and demands whose links changed, and of their pairs.
    ("FROM relation_pending AS p", "SCAN p"),
    ("FROM relation_pairs_pending AS t", "SCAN t"),
    // Whether the first of them is empty: its first row, if any.
    (
        "EXISTS (SELECT 1 FROM relation_pending)",
        "relation_pending",
    ),
    // `relations` names the codes of relations (schema V14): seven rows, read whole.
    ("SELECT id, name FROM relation_kinds", "relation_kinds"),
    // A name that answers to no actor is compared with every alias to suggest near ones.
    (
        "SELECT DISTINCT al.alias_key, a.name FROM actor_aliases",
        "actor_aliases",
    ),
    // A new article's id could be what spans stored without their article point to: SQLite
    // compiles a scan of them for the foreign key, run only while a violation of it is
    // outstanding (none is: keys are checked at once). Since schema V14 the spans' index by
    // article holds only those of roles (the others are found through their reports).
    ("INSERT INTO articles", "evidence_spans"),
    // FTS5 reads its one-row configuration table.
    ("_fts_config", "_fts_config"),
];

/// Records the text of every statement `conn` runs into `seen`.
fn record(conn: &mut Connection, seen: &Arc<Mutex<BTreeSet<String>>>) {
    let seen = Arc::clone(seen);
    conn.trace_v2(
        TraceEventCodes::SQLITE_TRACE_STMT,
        Some(move |event: TraceEvent<'_>| {
            if let TraceEvent::Stmt(statement, _) = event {
                seen.lock().unwrap().insert(statement.sql().to_string());
            }
        }),
    )
    .unwrap();
}

/// The lines of a plan that scan a table in full (not a temporary result, a table-valued
/// function or an index searched by key).
fn scans(conn: &Connection, sql: &str) -> Vec<String> {
    let mut statement = conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .unwrap_or_else(|err| panic!("{err}: {sql}"));
    // Parameters stay unbound: the plan does not depend on their values.
    let mut rows = statement.raw_query();
    let mut details = Vec::new();
    while let Some(row) = rows.next().unwrap() {
        details.push(row.get::<_, String>(3).unwrap());
    }
    // Results of subqueries, which the plan names where it makes them.
    let made: Vec<String> = details
        .iter()
        .filter_map(|line| {
            let rest = line
                .strip_prefix("MATERIALIZE ")
                .or_else(|| line.strip_prefix("CO-ROUTINE "))?;
            Some(rest.split_whitespace().next()?.to_string())
        })
        .collect();
    details
        .into_iter()
        .filter(|line| {
            let Some(rest) = line.strip_prefix("SCAN ") else {
                return false;
            };
            let name = rest.split_whitespace().next().unwrap_or("");
            !(name == "json_each"
                || made.iter().any(|m| m == name)
                || name.starts_with("(subquery")
                || name.starts_with("CONSTANT")
                || rest.contains("VIRTUAL TABLE"))
        })
        .collect()
}

#[test]
fn no_statement_scans_a_table_it_should_search() {
    let seen = Arc::new(Mutex::new(BTreeSet::new()));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kb.sqlite");
    let mut store = Store::open(&path).unwrap();
    record(store.connection_mut(), &seen);
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples");
    let mut files: Vec<_> = std::fs::read_dir(&samples)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    // The first half one article per transaction, the rest in a batch.
    let half = files.len() / 2;
    for (i, file) in files.iter().enumerate() {
        if i == half {
            store.begin_batch().unwrap();
        }
        for article in read_input(&Input::File(file.clone()), &ReadOptions::default()) {
            let article = article.unwrap();
            store
                .add_article(&article, &extract(&article.extract_input()))
                .unwrap();
        }
    }
    store.commit_batch().unwrap();
    for id in store.article_ids().unwrap().into_iter().take(3) {
        let stored = store.article(id).unwrap();
        let extraction = extract(&stored.extract_input());
        store.replace_facts(id, &extraction).unwrap();
    }
    store
        .curate(&Curation::Alias {
            actor: "Russia".into(),
            alias: "the Russian side".into(),
        })
        .unwrap();
    store
        .curate(&Curation::Rename {
            actor: "Turkey".into(),
            name: "Türkiye".into(),
        })
        .unwrap();
    store.totals().unwrap();

    let mut conn = super::open_read_only(&path).unwrap();
    record(&mut conn, &seen);
    let russia = query::actor_set(&conn, "Russia", false).unwrap();
    let nato = query::actor_set(&conn, "NATO", true).unwrap();
    let year = DateRange {
        since: chrono::NaiveDate::from_ymd_opt(2022, 1, 1),
        until: chrono::NaiveDate::from_ymd_opt(2022, 12, 31),
    };
    for filter in [
        TimelineFilter {
            actors: vec![russia.clone()],
            ..TimelineFilter::default()
        },
        TimelineFilter {
            actors: vec![russia.clone(), nato.clone()],
            with: Some(nato.clone()),
            dates: year,
            kind: Some(EventKind::Meeting),
            place: Some("Brussels".into()),
            limit: Some(5),
            last: None,
            only: Some(vec![(EventKind::Meeting, 1), (EventKind::Statement, 2)]),
        },
        TimelineFilter {
            actors: vec![nato.clone()],
            kind: Some(EventKind::Statement),
            ..TimelineFilter::default()
        },
        TimelineFilter {
            actors: vec![russia.clone()],
            with: Some(nato.clone()),
            dates: year,
            last: Some(3),
            ..TimelineFilter::default()
        },
        TimelineFilter {
            actors: vec![nato.clone()],
            kind: Some(EventKind::Demand),
            ..TimelineFilter::default()
        },
    ] {
        query::timeline(&conn, &filter).unwrap();
    }
    for dates in [year, DateRange::default()] {
        query::relations(
            &conn,
            &RelationsFilter {
                actor: Some(russia.clone()),
                dates,
            },
        )
        .unwrap();
    }
    // Names found folded for diacritics, by code, through the dictionaries; a name the
    // dictionaries know that no article mentions; a miss, with its suggestions.
    for name in ["Erdogan", "rus", "Q159", "USA", "IGOWSTNAT", "Turkiye"] {
        query::actor_set(&conn, name, false).unwrap();
    }
    for name in ["Fiji", "Stoltenburg"] {
        query::actor_set(&conn, name, false).unwrap_err();
    }
    let id = query::one_actor(&conn, "Russia").unwrap();
    query::actor_profile(&conn, id, 10).unwrap();
    let first = |table: &str| -> i64 {
        conn.query_row(&format!("SELECT min(id) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    query::meeting_record(&conn, first("meetings")).unwrap();
    query::statement_record(&conn, first("statements")).unwrap();
    query::demand_record(&conn, first("demands")).unwrap();
    for within in [SearchIn::All, SearchIn::Statements, SearchIn::Articles] {
        query::search(&conn, "sanctions", within, 20).unwrap();
    }
    drop(conn);
    drop(store);

    let conn = Connection::open(&path).unwrap();
    let seen = seen.lock().unwrap();
    assert!(seen.len() > 60, "only {} statements recorded", seen.len());
    let mut found = Vec::new();
    for sql in seen.iter() {
        let first_word = sql.split_whitespace().next().unwrap_or("").to_uppercase();
        if !matches!(
            first_word.as_str(),
            "SELECT" | "WITH" | "INSERT" | "UPDATE" | "DELETE"
        ) {
            continue;
        }
        for line in scans(&conn, sql) {
            let intended = INTENDED.iter().any(|(words, table)| {
                sql.contains(words) && (table.is_empty() || line.contains(table))
            });
            if !intended {
                found.push(format!("{line}\n    in: {sql}"));
            }
        }
    }
    assert!(found.is_empty(), "full scans:\n{}", found.join("\n"));
}
