use predicates::prelude::*;
use serde_json::Value;

use crate::util::{Kb, sample_articles, samples_dir, stderr_of, stdout_of};

/// Row counts of every table that ingest writes, in a fixed order.
fn table_counts(kb: &Kb) -> Vec<(String, i64)> {
    [
        "articles",
        "actors",
        "actor_aliases",
        "person_roles",
        "places",
        "meetings",
        "meeting_participants",
        "statements",
        "demands",
        "evidence_spans",
        "diagnostics",
    ]
    .iter()
    .map(|table| (table.to_string(), kb.count(table)))
    .collect()
}

#[test]
fn the_sample_corpus_ingests_with_titles_dates_and_sources() {
    let kb = Kb::new();
    let output = kb
        .dipkb()
        .arg("ingest")
        .arg(samples_dir())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let samples = sample_articles();
    assert!(
        samples.len() >= 12,
        "the sample corpus has at least 12 articles"
    );
    assert!(
        stdout_of(&output).contains(&format!(
            "articles: {} new, 0 already stored, 0 failed",
            samples.len()
        )),
        "{}",
        stdout_of(&output)
    );
    let conn = kb.conn();
    for (text, gold) in samples {
        let gold: Value = serde_json::from_slice(&std::fs::read(&gold).unwrap()).unwrap();
        let origin = text.to_string_lossy().into_owned();
        let (title, published, source): (String, String, String) = conn
            .query_row(
                "SELECT title, published, source FROM articles WHERE origin = ?1",
                [&origin],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .unwrap_or_else(|err| panic!("{origin} not stored: {err}"));
        assert_eq!(title, gold["article"]["title"].as_str().unwrap());
        assert_eq!(published, gold["article"]["published"].as_str().unwrap());
        assert!(source.starts_with("dipkb sample corpus"), "{source}");
    }
}

/// Issue #12: ingesting texts that are all stored, metadata and all, writes nothing, so it
/// takes no write lock: it finishes while another process holds the lock (with a busy timeout
/// of zero, any wait for the lock would fail), and the database file is left as it was.
#[test]
fn ingesting_stored_texts_again_takes_no_write_lock() {
    let kb = Kb::with_samples();
    let before = std::fs::read(kb.db()).unwrap();
    let writer = kb.conn();
    writer.execute_batch("BEGIN IMMEDIATE").unwrap();
    let output = kb
        .dipkb()
        .args(["--busy-timeout", "0"])
        .arg("ingest")
        .arg(samples_dir())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let n = sample_articles().len();
    assert!(
        stdout_of(&output).contains(&format!("articles: 0 new, {n} already stored, 0 failed")),
        "{}",
        stdout_of(&output)
    );
    writer.execute_batch("ROLLBACK").unwrap();
    drop(writer);
    assert!(
        std::fs::read(kb.db()).unwrap() == before,
        "the database file changed"
    );
    // The same text from another outlet is a new copy: a write, which waits for the lock like
    // any other.
    let writer = kb.conn();
    writer.execute_batch("BEGIN IMMEDIATE").unwrap();
    let (first, _) = sample_articles().into_iter().next().unwrap();
    let text = std::fs::read_to_string(&first).unwrap();
    let copy = kb.dir.path().join("syndicated.txt");
    std::fs::write(
        &copy,
        text.replacen("\nsource: ", "\nsource: The Daily Courier, after ", 1),
    )
    .unwrap();
    let output = kb
        .dipkb()
        .args(["--busy-timeout", "0", "ingest"])
        .arg(&copy)
        .output()
        .unwrap();
    assert!(!output.status.success(), "{}", stdout_of(&output));
    assert!(
        stderr_of(&output).contains("busy"),
        "{}",
        stderr_of(&output)
    );
}

#[test]
fn ingesting_the_same_folder_twice_adds_nothing() {
    let kb = Kb::with_samples();
    let before = table_counts(&kb);
    let output = kb
        .dipkb()
        .arg("ingest")
        .arg(samples_dir())
        .output()
        .unwrap();
    assert!(output.status.success());
    let n = sample_articles().len();
    assert!(
        stdout_of(&output).contains(&format!("articles: 0 new, {n} already stored, 0 failed")),
        "{}",
        stdout_of(&output)
    );
    // The summary counts what the knowledge base holds, facts of several articles once.
    let totals = format!(
        "knowledge base: {} meetings, {} statements, {} demands from {n} articles",
        kb.count("meetings"),
        kb.count("statements"),
        kb.count("demands")
    );
    assert!(
        stdout_of(&output).contains(&totals),
        "{}",
        stdout_of(&output)
    );
    assert!(kb.count("meetings") < kb.count("meeting_reports"));
    assert_eq!(table_counts(&kb), before);
}

#[test]
fn reprocessing_replaces_facts_without_adding_articles() {
    let kb = Kb::with_samples();
    let before = table_counts(&kb);
    let n = sample_articles().len();
    kb.dipkb()
        .args(["ingest", "--reprocess"])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!("{n} re-extracted")));
    kb.dipkb()
        .args(["ingest", "--reprocess"])
        .arg(samples_dir())
        .assert()
        .success()
        .stdout(predicate::str::contains(format!("0 new, {n} re-extracted")));
    assert_eq!(table_counts(&kb), before);
}

#[test]
fn broken_inputs_are_named_and_the_rest_still_ingests() {
    let kb = Kb::new();
    let good = std::fs::read(samples_dir().join("201_geneva_summit.txt")).unwrap();
    kb.write("in/a_good.txt", &good);
    kb.write("in/b_broken.json", "{\"title\": \"x\", \"text\": ");
    kb.write("in/c_binary.txt", b"PK\x03\x04\x00\x00\x01");
    kb.write("in/d_empty.md", "");
    kb.write(
        "in/e_lines.jsonl",
        "{\"title\": \"One\", \"text\": \"NATO allies met in Brussels.\", \"date_publish\": \"2022-01-12 08:00:00\"}\n\
         {\"title\": \"Two\", \"text\": \n\
         {\"title\": \"Three\", \"maintext\": \"Russia and Ukraine met in Istanbul.\"}\n",
    );
    kb.write(
        "in/f_bad_date.md",
        "---\npublished: 2022-02-30\n---\nText.\n",
    );
    kb.write("in/ignored.pdf", "not an article");
    kb.write("in/x.gold.json", "{}");
    let unknown = kb.write("notes.docx", "not an article either");
    let output = kb
        .dipkb()
        .arg("ingest")
        .arg(kb.dir.path().join("in"))
        .arg(&unknown)
        .arg(kb.dir.path().join("missing.txt"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    let error_lines: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error:")).collect();
    for expected in [
        "b_broken.json: invalid JSON at line 1",
        "c_binary.txt: not a text file: it contains NUL bytes",
        "d_empty.md: empty article",
        "e_lines.jsonl:2: invalid JSON at line 2",
        "f_bad_date.md: invalid publication date \"2022-02-30\"",
        "notes.docx: unknown file type",
        "missing.txt: cannot read:",
    ] {
        assert_eq!(
            error_lines.iter().filter(|l| l.contains(expected)).count(),
            1,
            "one error line for {expected:?} in:\n{stderr}"
        );
    }
    assert_eq!(error_lines.len(), 7, "{stderr}");
    assert!(
        stdout_of(&output).contains("articles: 3 new, 0 already stored, 7 failed"),
        "{}",
        stdout_of(&output)
    );
    let titles: Vec<String> = kb
        .conn()
        .prepare("SELECT title FROM articles ORDER BY id")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        titles,
        [
            "Biden and Putin agree to send ambassadors back after Geneva summit",
            "One",
            "Three"
        ]
    );
}

#[test]
fn stdin_takes_one_article_and_a_publication_date() {
    let kb = Kb::new();
    kb.dipkb()
        .args(["ingest", "-", "--published", "2022-01-12"])
        .write_stdin("NATO, Russia in a standoff\n\nNATO allies and Russia met on Wednesday.\n")
        .assert()
        .success();
    let (title, published, body, origin): (String, String, String, String) = kb
        .conn()
        .query_row(
            "SELECT title, published, body, origin FROM articles",
            [],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
        )
        .unwrap();
    assert_eq!(title, "NATO, Russia in a standoff");
    assert_eq!(published, "2022-01-12");
    assert_eq!(body, "NATO allies and Russia met on Wednesday.");
    assert_eq!(origin, "-");
}

#[test]
fn a_missing_date_is_a_warning_not_a_failure() {
    let kb = Kb::new();
    let path = kb.write("seed.txt", "Talks end\n\nNATO allies met on Wednesday.\n");
    kb.dipkb()
        .arg("ingest")
        .arg(&path)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "warning: ".to_string() + &path.display().to_string() + ": no publication date",
        ));
    let (published, precision, code): (Option<String>, String, String) = kb
        .conn()
        .query_row(
            "SELECT published, published_precision, code FROM articles JOIN diagnostics \
             ON diagnostics.article_id = articles.id WHERE diagnostics.stage = 'source'",
            [],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .unwrap();
    assert_eq!(published, None);
    assert_eq!(precision, "unknown");
    assert_eq!(code, "no-publication-date");
}

#[test]
fn byte_order_marks_and_crlf_do_not_change_the_article() {
    let kb = Kb::new();
    let text = "---\ntitle: Talks\npublished: 2022-01-12\n---\nNATO allies met.\nRussia left.\n";
    let windows = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    let unix = kb.write("a_unix.txt", text);
    let crlf = kb.write("b_windows.txt", windows);
    kb.dipkb()
        .arg("ingest")
        .arg(&unix)
        .arg(&crlf)
        .assert()
        .success()
        .stdout(predicate::str::contains("1 new, 1 already stored"));
    let body: String = kb
        .conn()
        .query_row("SELECT body FROM articles", [], |row| row.get(0))
        .unwrap();
    assert_eq!(body, "NATO allies met.\nRussia left.");
}

#[test]
fn the_database_path_comes_from_the_flag_or_the_environment() {
    let kb = Kb::new();
    let article = kb.write("a.txt", "Title\n\nBody text.\n");
    let from_env = kb.dir.path().join("env.sqlite");
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_dipkb"));
    cmd.current_dir(kb.dir.path())
        .env("DIPKB_DB", &from_env)
        .args(["ingest", "--published", "2022-01-01"])
        .arg(&article)
        .assert()
        .success();
    assert!(from_env.exists());
    assert!(!kb.db().exists());
    // --db wins over the environment.
    let mut cmd = kb.dipkb();
    cmd.env("DIPKB_DB", &from_env)
        .args(["ingest", "--published", "2022-01-01"])
        .arg(&article)
        .assert()
        .success()
        .stdout(predicate::str::contains("1 new"));
    assert!(kb.db().exists());
    // Without either, ./dipkb.sqlite.
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_dipkb"));
    cmd.current_dir(kb.dir.path())
        .env_remove("DIPKB_DB")
        .args(["ingest", "--published", "2022-01-01"])
        .arg(&article)
        .assert()
        .success();
    assert!(kb.dir.path().join("dipkb.sqlite").exists());
}

#[test]
fn a_file_that_is_not_a_dipkb_database_is_refused_untouched() {
    let kb = Kb::new();
    std::fs::write(kb.db(), "just some notes, not SQLite").unwrap();
    let article = kb.write("a.txt", "Title\n\nBody.\n");
    kb.dipkb()
        .arg("ingest")
        .arg(&article)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a dipkb database"));
    assert_eq!(
        std::fs::read_to_string(kb.db()).unwrap(),
        "just some notes, not SQLite"
    );
}
