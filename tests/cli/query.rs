use predicates::prelude::*;
use serde_json::Value;

use crate::util::{Kb, sample_articles, stdout_of};

#[test]
fn stats_counts_what_was_ingested() {
    let kb = Kb::with_samples();
    let output = kb
        .dipkb()
        .args(["stats", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let rows: Value = serde_json::from_slice(&output.stdout).unwrap();
    let value = |measure: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|row| row["measure"] == measure)
            .unwrap_or_else(|| panic!("no {measure} in {rows}"))["value"]
            .clone()
    };
    assert_eq!(value("articles"), sample_articles().len() as i64);
    assert_eq!(value("articles without a date"), 0);
    assert_eq!(value("first article date"), "2015-07-14");
    assert_eq!(value("last article date"), "2023-07-17");
    assert_eq!(value("schema version"), dipkb::kb::SCHEMA_VERSION);
}

#[test]
fn sql_answers_in_every_format() {
    let kb = Kb::with_samples();
    let query =
        "SELECT published, title FROM articles WHERE published < '2019-01-01' ORDER BY published";
    let table = kb.dipkb().args(["sql", query]).output().unwrap();
    assert!(table.status.success());
    assert_eq!(
        stdout_of(&table),
        "published   title\n\
         ----------  ------------------------------------------------\n\
         2015-07-14  Iran and six powers reach nuclear deal in Vienna\n\
         2018-05-24  Trump calls off June summit with Kim Jong Un\n"
    );
    kb.dipkb()
        .args(["sql", query, "--format", "csv"])
        .assert()
        .success()
        .stdout(
            "published,title\n\
             2015-07-14,Iran and six powers reach nuclear deal in Vienna\n\
             2018-05-24,Trump calls off June summit with Kim Jong Un\n",
        );
    let json = kb
        .dipkb()
        .args(["sql", query, "--format", "json"])
        .output()
        .unwrap();
    let rows: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        rows[1]["title"],
        "Trump calls off June summit with Kim Jong Un"
    );
}

#[test]
fn sql_exits_1_when_nothing_matches() {
    let kb = Kb::with_samples();
    kb.dipkb()
        .args([
            "sql",
            "SELECT title FROM articles WHERE title = 'no such title'",
        ])
        .assert()
        .code(1)
        .stdout("title\n-----\n");
}

#[test]
fn sql_refuses_to_write() {
    let kb = Kb::with_samples();
    let before = kb.count("articles");
    for (query, message) in [
        ("DELETE FROM articles", "read-only"),
        ("UPDATE actors SET name = 'x'", "read-only"),
        ("DROP VIEW timeline", "read-only"),
        ("CREATE TABLE t (x)", "read-only"),
        ("ATTACH DATABASE 'other.sqlite' AS other", "refuses ATTACH"),
        ("SELECT 1; DELETE FROM articles", "one statement at a time"),
    ] {
        kb.dipkb()
            .args(["sql", query])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message));
    }
    assert_eq!(kb.count("articles"), before);
    assert!(!kb.dir.path().join("other.sqlite").exists());
}

#[test]
fn reading_a_missing_database_says_how_to_make_one() {
    let kb = Kb::new();
    kb.dipkb().arg("stats").assert().code(2).stderr(
        predicate::str::contains("no database at").and(predicate::str::contains("dipkb ingest")),
    );
    assert!(
        !kb.db().exists(),
        "a read command must not create the database"
    );
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let kb = Kb::with_samples();
    let db = kb.db();
    let exe = env!("CARGO_BIN_EXE_dipkb");
    let output = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "set -o pipefail; '{exe}' --db '{}' sql --max-rows 0 \"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT 200000) SELECT i FROM n\" | head -n 1",
            db.display()
        ))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
