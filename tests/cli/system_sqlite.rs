//! The database is a product: other tools must open it. This test uses the `sqlite3` shell on
//! the machine (Debian ships 3.40), which is older than the SQLite that dipkb bundles.
//!
//! Without a `sqlite3` on PATH the test says so and passes, so that `cargo test` works on a
//! machine with only Rust; `.ci/run` installs the shell and sets `DIPKB_REQUIRE_SQLITE3=1`,
//! which turns a missing shell into a failure. Likewise `sqlite-utils` (Python, from pip), whose
//! full-text search finds our indexes as Datasette's does, with `DIPKB_REQUIRE_SQLITE_UTILS=1`.

use std::process::Command;

use crate::util::Kb;

fn sqlite3_shell() -> Option<String> {
    let output = Command::new("sqlite3").arg("--version").output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

fn run_sqlite3(db: &std::path::Path, sql: &str) -> String {
    let output = Command::new("sqlite3")
        .arg("-bail")
        .arg(db)
        .arg(sql)
        .output()
        .expect("run sqlite3");
    assert!(
        output.status.success(),
        "sqlite3 failed on {sql:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn the_system_sqlite3_shell_reads_the_database() {
    let Some(version) = sqlite3_shell() else {
        assert!(
            std::env::var_os("DIPKB_REQUIRE_SQLITE3").is_none(),
            "DIPKB_REQUIRE_SQLITE3 is set but there is no sqlite3 shell on PATH"
        );
        eprintln!("no sqlite3 shell on PATH: skipping the check with the system SQLite");
        return;
    };
    eprintln!("system sqlite3: {}", version.trim());
    let kb = Kb::with_samples();
    let db = kb.db();
    assert_eq!(run_sqlite3(&db, "PRAGMA integrity_check;").trim(), "ok");
    assert_eq!(run_sqlite3(&db, "PRAGMA foreign_key_check;").trim(), "");
    // Every view, whatever later versions add.
    let views = run_sqlite3(
        &db,
        "SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name;",
    );
    let views: Vec<&str> = views.lines().collect();
    for expected in [
        "timeline",
        "relationships",
        "relationship_events",
        "meeting_list",
        "statement_list",
        "demand_list",
        "actor_list",
        "evidence",
    ] {
        assert!(
            views.contains(&expected),
            "{expected} missing from {views:?}"
        );
    }
    for view in &views {
        let rows = run_sqlite3(&db, &format!("SELECT count(*) FROM {view};"));
        let ours: i64 = kb.query_one(&format!("SELECT count(*) FROM {view}"));
        assert_eq!(rows.trim(), ours.to_string(), "{view}");
        assert!(ours > 0, "{view} is empty on the sample corpus");
    }
    let count = run_sqlite3(&db, "SELECT count(*) FROM articles;");
    assert_eq!(count.trim(), kb.count("articles").to_string());
    let hits = run_sqlite3(
        &db,
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Guterres';",
    );
    assert_eq!(hits.trim(), "2", "FTS5 index readable by the system SQLite");
    let schema = run_sqlite3(&db, ".schema meetings");
    assert!(
        schema.contains("-- encounters of two or more parties"),
        "comments survive in the schema: {schema}"
    );
}

/// Issue #13: sqlite-utils (and Datasette, whose detection is the same query) find the
/// full-text index of `statements` and `articles` on their own, by the declaration
/// `content="statements"`; `sqlite-utils search` used to say "not configured for full-text
/// search".
#[test]
fn sqlite_utils_finds_the_full_text_indexes() {
    let version = Command::new("sqlite-utils")
        .arg("--version")
        .output()
        .ok()
        .filter(|output| output.status.success());
    let Some(version) = version else {
        assert!(
            std::env::var_os("DIPKB_REQUIRE_SQLITE_UTILS").is_none(),
            "DIPKB_REQUIRE_SQLITE_UTILS is set but there is no sqlite-utils on PATH"
        );
        eprintln!(
            "no sqlite-utils on PATH: skipping the check that it finds the full-text indexes \
             (python3 -m pip install sqlite-utils)"
        );
        return;
    };
    eprintln!("{}", String::from_utf8_lossy(&version.stdout).trim());
    let kb = Kb::with_samples();
    let search = |table: &str, word: &str| -> Vec<i64> {
        let output = Command::new("sqlite-utils")
            .arg("search")
            .arg(kb.db())
            .args([table, word, "--limit", "1000"])
            .output()
            .expect("run sqlite-utils");
        assert!(
            output.status.success(),
            "sqlite-utils search {table} {word}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let rows: Vec<serde_json::Value> =
            serde_json::from_slice(&output.stdout).expect("sqlite-utils prints JSON rows");
        let mut ids: Vec<i64> = rows
            .iter()
            .map(|row| row["id"].as_i64().expect("an id"))
            .collect();
        ids.sort_unstable();
        ids
    };
    let ours = |index: &str, word: &str| -> Vec<i64> {
        let conn = kb.conn();
        let mut statement = conn
            .prepare(&format!(
                "SELECT rowid FROM {index} WHERE {index} MATCH ?1 ORDER BY rowid"
            ))
            .expect("prepare");
        statement
            .query_map([word], |row| row.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows")
    };
    // `statements` is a view (schema V10), which `sqlite-utils search` refuses: its index is
    // searched by a query, reading the words from the article bodies.
    let output = Command::new("sqlite-utils")
        .arg("query")
        .arg(kb.db())
        .arg(
            "SELECT id, text FROM statements WHERE id IN (SELECT rowid FROM statements_fts \
             WHERE statements_fts MATCH 'ukraine') ORDER BY id",
        )
        .output()
        .expect("run sqlite-utils");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let rows: Vec<serde_json::Value> =
        serde_json::from_slice(&output.stdout).expect("sqlite-utils prints JSON rows");
    let statements: Vec<i64> = rows
        .iter()
        .map(|row| row["id"].as_i64().expect("an id"))
        .collect();
    assert!(!statements.is_empty(), "statements about Ukraine");
    assert!(
        rows.iter().all(|row| row["text"]
            .as_str()
            .is_some_and(|t| t.to_lowercase().contains("ukrain"))),
        "{rows:?}"
    );
    assert_eq!(statements, ours("statements_fts", "ukraine"));
    let articles = search("articles", "Guterres");
    assert_eq!(articles.len(), 2, "{articles:?}");
    assert_eq!(articles, ours("articles_fts", "Guterres"));
}
