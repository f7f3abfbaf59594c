//! Reliability: bad input, killed processes, concurrent use and untrusted SQL never cost data.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use predicates::prelude::*;
use rusqlite::Connection;

use crate::util::{Kb, sample_articles};

/// Writes `n` distinct articles into `dir`: the sample articles, each copy with a paragraph of
/// its own so that no two bodies are the same.
fn corpus(dir: &Path, n: usize) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    let samples: Vec<String> = sample_articles()
        .into_iter()
        .map(|(text, _)| std::fs::read_to_string(text).unwrap())
        .collect();
    (0..n)
        .map(|i| {
            let path = dir.join(format!("copy_{i:04}.txt"));
            let text = format!(
                "{}\n\nThis is copy {i} of the report.\n",
                samples[i % samples.len()].trim_end()
            );
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

fn dipkb_command(db: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dipkb"));
    cmd.env_remove("RUST_LOG")
        .env_remove("DIPKB_DB")
        .arg("--db")
        .arg(db);
    cmd
}

fn spawn_ingest(db: &Path, paths: &[PathBuf]) -> Child {
    dipkb_command(db)
        .arg("ingest")
        .args(paths)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start dipkb ingest")
}

/// The facts extraction gives each article body, to check that stored articles have all
/// their reports.
fn expected_reports(paths: &[PathBuf]) -> HashMap<String, [i64; 3]> {
    let mut expected = HashMap::new();
    for path in paths {
        for article in dipkb::source::read_input(
            &dipkb::source::Input::File(path.clone()),
            &dipkb::source::ReadOptions::default(),
        ) {
            let article = article.unwrap();
            let extraction = dipkb::extract::extract(&article.extract_input());
            expected.insert(
                article.content_hash(),
                [
                    extraction.meetings.len() as i64,
                    extraction.statements.len() as i64,
                    extraction.demands.len() as i64,
                ],
            );
        }
    }
    expected
}

/// What must hold after any interruption: a sound file, and every stored article with all of
/// its reports, every fact with a report.
fn check_consistent(db: &Path, expected: &HashMap<String, [i64; 3]>) -> i64 {
    let conn = Connection::open(db).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let broken: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
            row.get(0)
        })
        .unwrap();
    assert_eq!(broken, 0, "dangling references");
    // Killed after the file was claimed and before the schema was written: nothing stored.
    let has_schema: bool = conn
        .query_row(
            "SELECT count(*) > 0 FROM sqlite_master WHERE name = 'statements_fts'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    if !has_schema {
        return 0;
    }
    // The full-text indexes hold exactly the words of the rows, and no change waits.
    conn.execute_batch(
        "INSERT INTO statements_fts (statements_fts, rank) VALUES ('integrity-check', 1); \
         INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1);",
    )
    .unwrap();
    let pending: i64 = conn
        .query_row("SELECT count(*) FROM fts_pending", [], |row| row.get(0))
        .unwrap();
    assert_eq!(pending, 0, "full-text changes left unapplied");
    let mut statement = conn
        .prepare(
            "SELECT a.content_sha256, \
             (SELECT count(*) FROM meeting_reports WHERE article_id = a.id), \
             (SELECT count(*) FROM statement_reports WHERE article_id = a.id), \
             (SELECT count(*) FROM demand_reports WHERE article_id = a.id) FROM articles AS a",
        )
        .unwrap();
    let rows: Vec<(String, [i64; 3])> = statement
        .query_map([], |row| {
            Ok((row.get(0)?, [row.get(1)?, row.get(2)?, row.get(3)?]))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (hash, counts) in &rows {
        assert_eq!(
            Some(counts),
            expected.get(hash),
            "article {hash} half stored"
        );
    }
    for (fact, reports, column) in [
        ("meetings", "meeting_reports", "meeting_id"),
        ("statements", "statement_reports", "statement_id"),
        ("demands", "demand_reports", "demand_id"),
    ] {
        let orphans: i64 = conn
            .query_row(
                &format!(
                    "SELECT count(*) FROM {fact} AS f \
                     WHERE NOT EXISTS (SELECT 1 FROM {reports} AS r WHERE r.{column} = f.id)"
                ),
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(orphans, 0, "{fact} without a report");
    }
    rows.len() as i64
}

/// A deterministic sequence of pauses (a linear congruential generator; no dependency).
fn pauses(seed: u64, count: usize, max_ms: u64) -> Vec<u64> {
    let mut state = seed;
    (0..count)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % max_ms
        })
        .collect()
}

#[test]
fn an_ingest_killed_at_any_moment_loses_nothing_and_completes_when_rerun() {
    let kb = Kb::new();
    let paths = corpus(&kb.dir.path().join("in"), 120);
    let expected = expected_reports(&paths);
    let db = kb.db();
    let mut stored = 0;
    for pause in pauses(20_221_012, 12, 1_500) {
        let mut child = spawn_ingest(&db, &paths);
        std::thread::sleep(Duration::from_millis(50 + pause));
        // SIGKILL: no chance to clean up.
        let _ = child.kill();
        let _ = child.wait();
        if db.exists() {
            let now = check_consistent(&db, &expected);
            assert!(now >= stored, "articles were lost: {now} < {stored}");
            stored = now;
        }
    }
    let status = spawn_ingest(&db, &paths).wait().unwrap();
    assert!(status.success());
    assert_eq!(check_consistent(&db, &expected), paths.len() as i64);
}

#[test]
fn readers_work_while_an_ingest_writes() {
    let kb = Kb::new();
    let paths = corpus(&kb.dir.path().join("in"), 60);
    let db = kb.db();
    // The database exists before the readers start.
    let first = dipkb_command(&db)
        .arg("ingest")
        .arg(&paths[0])
        .output()
        .unwrap();
    assert!(first.status.success());
    let mut ingest = spawn_ingest(&db, &paths[1..]);
    let mut counts = Vec::new();
    let started = Instant::now();
    while ingest.try_wait().unwrap().is_none() && started.elapsed() < Duration::from_secs(300) {
        let output = dipkb_command(&db)
            .args([
                "sql",
                "--format",
                "csv",
                "SELECT count(*) AS n FROM articles",
            ])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let n: i64 = String::from_utf8_lossy(&output.stdout)
            .lines()
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        counts.push(n);
        let timeline = dipkb_command(&db)
            .args(["timeline", "--limit", "3"])
            .output()
            .unwrap();
        assert!(
            timeline.status.code() == Some(0) || timeline.status.code() == Some(1),
            "{}",
            String::from_utf8_lossy(&timeline.stderr)
        );
        // The system's sqlite3, when there is one, reads too. Like any client it may find the
        // database locked for a moment when the ingest opens or closes it (WAL recovery,
        // the final checkpoint), so it waits as README tells users to.
        if let Ok(output) = Command::new("sqlite3")
            .args(["-cmd", ".timeout 5000"])
            .arg(&db)
            .arg("SELECT count(*) FROM timeline;")
            .output()
        {
            assert!(
                output.status.success(),
                "{}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
    }
    assert!(ingest.wait().unwrap().success());
    assert!(counts.len() >= 2, "the readers ran during the ingest");
    assert!(counts.is_sorted(), "{counts:?}");
    assert_eq!(kb.count("articles"), paths.len() as i64);
}

#[test]
fn two_ingests_at_once_both_complete() {
    let kb = Kb::new();
    let paths = corpus(&kb.dir.path().join("in"), 60);
    let expected = expected_reports(&paths);
    let db = kb.db();
    let (left, right) = paths.split_at(30);
    let a = spawn_ingest(&db, left);
    let b = spawn_ingest(&db, right);
    for child in [a, b] {
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        // Either both go through, one article at a time each, or one says the database is
        // busy; nothing else.
        assert!(
            output.status.success() || stderr.contains("busy"),
            "{stderr}"
        );
    }
    let stored = check_consistent(&db, &expected);
    // Whatever was refused as busy is stored by running again.
    let again = spawn_ingest(&db, &paths).wait().unwrap();
    assert!(again.success());
    assert!(check_consistent(&db, &expected) >= stored);
    assert_eq!(kb.count("articles"), paths.len() as i64);
}

/// Each process checks that the new file is an empty or a dipkb database while the others claim
/// it and migrate it; those checks once read the file at two moments and could find tables
/// without the dipkb mark ("an SQLite database of another application") or without their
/// migrations' record. Nothing but success is acceptable here: a process that waits for
/// another within the busy timeout must not fail.
#[test]
fn processes_that_create_the_database_together_all_succeed() {
    let kb = Kb::new();
    let paths = corpus(&kb.dir.path().join("in"), 4);
    for round in 0..8 {
        let db = kb.dir.path().join(format!("kb{round}.sqlite"));
        let children: Vec<Child> = paths
            .iter()
            .map(|p| spawn_ingest(&db, std::slice::from_ref(p)))
            .collect();
        for child in children {
            let output = child.wait_with_output().unwrap();
            assert!(
                output.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        let conn = Connection::open(&db).unwrap();
        let articles: i64 = conn
            .query_row("SELECT count(*) FROM articles", [], |row| row.get(0))
            .unwrap();
        assert_eq!(articles, 4);
    }
}

/// Issue 14, item 7: "One ingest holds the write lock for its whole run, also while it waits
/// on stdin". An ingest that has stored its files and waits for standard input has committed
/// them and holds no lock: another ingest that cannot wait goes through meanwhile.
#[test]
fn an_ingest_waiting_on_standard_input_holds_no_lock() {
    let kb = Kb::new();
    let paths = corpus(&kb.dir.path().join("in"), 3);
    let db = kb.db();
    let mut waiting = dipkb_command(&db)
        .arg("ingest")
        .arg(&paths[0])
        .arg("-")
        .arg("--published")
        .arg("2022-03-01")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start dipkb ingest");
    // Its first file becomes visible to readers while it still waits for standard input (a
    // batch is committed after two seconds without a new article). The bound only keeps a
    // failing run from hanging.
    let deadline = Instant::now() + Duration::from_secs(120);
    let stored = |db: &Path| -> i64 {
        Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .and_then(|conn| conn.query_row("SELECT count(*) FROM articles", [], |row| row.get(0)))
            .unwrap_or(0)
    };
    while stored(&db) < 1 {
        assert!(
            Instant::now() < deadline,
            "the waiting ingest committed nothing"
        );
        assert!(waiting.try_wait().unwrap().is_none(), "the ingest ended");
        std::thread::sleep(Duration::from_millis(50));
    }
    let other = dipkb_command(&db)
        .args(["--busy-timeout", "0.5", "ingest"])
        .arg(&paths[1])
        .output()
        .unwrap();
    assert!(
        other.status.success(),
        "{}",
        String::from_utf8_lossy(&other.stderr)
    );
    assert!(waiting.try_wait().unwrap().is_none(), "the ingest ended");
    {
        use std::io::Write;
        let mut stdin = waiting.stdin.take().unwrap();
        stdin
            .write_all(std::fs::read_to_string(&paths[2]).unwrap().as_bytes())
            .unwrap();
    }
    let output = waiting.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(kb.count("articles"), 3);
}

#[test]
fn a_writer_that_cannot_wait_says_the_database_is_busy_and_harms_nothing() {
    let kb = Kb::with_samples();
    let before = kb.count("articles");
    let paths = corpus(&kb.dir.path().join("in"), 3);
    // Another process holds the write lock.
    let holder = Connection::open(kb.db()).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let output = kb
        .dipkb()
        .args(["--busy-timeout", "0.2", "ingest"])
        .args(&paths)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("is busy: another process is writing to it"),
        "{stderr}"
    );
    // Readers are not held up by a writer.
    kb.dipkb()
        .args([
            "--busy-timeout",
            "0.2",
            "sql",
            "SELECT count(*) FROM articles",
        ])
        .assert()
        .success();
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    assert_eq!(kb.count("articles"), before);
    kb.dipkb().arg("ingest").args(&paths).assert().success();
    assert_eq!(kb.count("articles"), before + 3);
}

#[test]
fn more_bad_inputs_are_named_and_the_rest_still_ingests() {
    let kb = Kb::new();
    let good = std::fs::read(crate::util::samples_dir().join("201_geneva_summit.txt")).unwrap();
    kb.write("in/a_good.txt", &good);
    let mut latin1 = b"---\ntitle: Caf\xe9 talks\npublished: 2022-01-12\n---\nThe ministers met at a caf\xe9 in Geneva.\n".to_vec();
    latin1.extend_from_slice(b"They agreed to meet again.\n");
    kb.write("in/b_latin1.txt", &latin1);
    // 50 MB on one line.
    let huge = "NATO and Russia met in Brussels on Wednesday. ".repeat(1_100_000);
    kb.write("in/c_huge.txt", huge.as_bytes());
    // A link to nowhere: there is nothing to read.
    std::os::unix::fs::symlink(
        kb.dir.path().join("nowhere.txt"),
        kb.dir.path().join("in/d_link.txt"),
    )
    .unwrap();
    // A file that exists and cannot be read, whoever runs the test (permissions do not stop
    // root): the memory of the reading process, which refuses reads at offset 0.
    std::os::unix::fs::symlink("/proc/self/mem", kb.dir.path().join("in/e_unreadable.txt"))
        .unwrap();
    let output = kb
        .dipkb()
        .arg("ingest")
        .arg(kb.dir.path().join("in"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    for (file, problem) in [
        ("b_latin1.txt", "warning:"),
        ("c_huge.txt", "error:"),
        ("d_link.txt", "error:"),
        ("e_unreadable.txt", "error:"),
    ] {
        assert_eq!(
            lines
                .iter()
                .filter(|l| l.contains(file) && l.starts_with(problem))
                .count(),
            1,
            "one {problem} line for {file} in:\n{stderr}"
        );
    }
    assert!(stderr.contains("not valid UTF-8"), "{stderr}");
    assert!(stderr.contains("too large"), "{stderr}");
    assert!(stderr.contains("cannot read"), "{stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("articles: 2 new, 0 already stored, 3 failed"),
        "{stdout}"
    );
    // The undecodable bytes are marked, and the rest of the text is kept.
    let body: String = kb
        .conn()
        .query_row(
            "SELECT body FROM articles WHERE title LIKE 'Caf%'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert!(body.contains("caf\u{fffd} in Geneva"), "{body}");
}

#[test]
fn untrusted_sql_cannot_write_attach_or_load_code() {
    let kb = Kb::with_samples();
    let before = kb.count("articles");
    for (sql, says) in [
        ("DELETE FROM articles", "read-only"),
        ("UPDATE actors SET name = 'x'", "read-only"),
        ("CREATE TEMP TABLE t (x)", "read-only"),
        ("PRAGMA user_version = 7", "read-only"),
        ("PRAGMA journal_mode = DELETE", "read-only"),
        ("VACUUM INTO 'copy.sqlite'", "read-only"),
        ("ATTACH 'other.sqlite' AS other", "ATTACH"),
        ("SELECT 1; DELETE FROM articles", "one statement"),
        ("SELECT load_extension('libevil.so')", "not authorized"),
    ] {
        kb.dipkb()
            .args(["sql", "--", sql])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(says));
    }
    assert_eq!(kb.count("articles"), before);
    assert!(!kb.dir.path().join("copy.sqlite").exists());
    assert!(!kb.dir.path().join("other.sqlite").exists());
    let version: i64 = kb.query_one("PRAGMA user_version");
    assert_eq!(version, 0);
    // Names and words from users are data, never SQL.
    for hostile in [
        "x') OR 1=1 --",
        "Russia\"; DROP TABLE articles; --",
        "%' OR name LIKE '%",
    ] {
        kb.dipkb()
            .args(["timeline", "--actor", hostile])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("no actor is called"));
        kb.dipkb()
            .args(["timeline", "--place", hostile])
            .assert()
            .code(1);
        kb.dipkb().args(["search", hostile]).assert().code(1);
    }
    assert_eq!(kb.count("articles"), before);
}

/// Makes the database refuse the statements of copy `copy` of the corpus, after the article's
/// row and some of its reports have been written.
fn poison(db: &Path, copy: usize, message: &str) {
    Connection::open(db)
        .unwrap()
        .execute_batch(&format!(
            "CREATE TRIGGER poison BEFORE INSERT ON statement_reports \
             WHEN (SELECT body FROM articles WHERE id = new.article_id) \
             LIKE '%This is copy {copy} of the report.%' \
             BEGIN SELECT RAISE(ABORT, '{message}'); END;"
        ))
        .unwrap();
}

/// Articles are stored in batches without a savepoint each; one that fails halfway rolls its
/// batch back, and the batch is stored again article by article, so that only the failing
/// article is lost and every message is said once.
#[test]
fn an_article_failing_halfway_through_a_batch_costs_only_itself() {
    let kb = Kb::new();
    let paths = corpus(&kb.dir.path().join("in"), 12);
    let expected = expected_reports(&paths);
    let db = kb.db();
    assert!(
        dipkb_command(&db)
            .arg("migrate")
            .output()
            .unwrap()
            .status
            .success()
    );
    poison(&db, 5, "poisoned for the test");
    let output = dipkb_command(&db)
        .arg("ingest")
        .args(&paths)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(
        errors[0].contains("copy_0005.txt") && errors[0].contains("poisoned for the test"),
        "{stderr}"
    );
    let mut lines: Vec<&str> = stderr.lines().collect();
    let said = lines.len();
    lines.sort();
    lines.dedup();
    assert_eq!(lines.len(), said, "a message was said twice:\n{stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("articles: 11 new, 0 already stored, 1 failed"),
        "{stdout}"
    );
    assert_eq!(check_consistent(&db, &expected), 11);
    assert_eq!(
        kb.query_one("SELECT count(*) FROM articles WHERE body LIKE '%This is copy 5 of%'"),
        0
    );
    // Without the poison the rest goes in.
    Connection::open(&db)
        .unwrap()
        .execute_batch("DROP TRIGGER poison")
        .unwrap();
    let again = dipkb_command(&db)
        .arg("ingest")
        .args(&paths)
        .output()
        .unwrap();
    assert!(again.status.success());
    assert_eq!(check_consistent(&db, &expected), 12);
    // Re-extracting every stored article goes the same way: the one that fails keeps what it
    // had, the others of its batch are re-extracted.
    poison(&db, 7, "poisoned again");
    let before: i64 = kb.query_one("SELECT max(id) FROM statement_reports");
    let output = dipkb_command(&db)
        .args(["ingest", "--reprocess"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(errors[0].contains("poisoned again"), "{stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("11 re-extracted"), "{stdout}");
    assert_eq!(check_consistent(&db, &expected), 12);
    // The failing article kept its reports; the others' were written anew.
    let renewed = |condition: &str| {
        kb.query_one(&format!(
            "SELECT count(*) FROM statement_reports AS r JOIN articles AS a ON a.id = r.article_id \
             WHERE r.id > {before} AND {condition}"
        ))
    };
    assert_eq!(renewed("a.body LIKE '%This is copy 7 of the report.%'"), 0);
    assert!(renewed("1") > 0);
}

/// Issue 14, item 1: table and view names come from the database, which anyone may have
/// crafted; export writes only files directly inside `--out`, and never through a link.
#[test]
fn export_writes_nothing_outside_its_folder_whatever_the_database_names() {
    let kb = Kb::new();
    kb.dipkb().arg("migrate").assert().success();
    let outside = kb.dir.path().join("victim");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("PWNED.csv"), "precious").unwrap();
    std::fs::write(outside.join("linked.csv"), "precious").unwrap();
    let absolute = outside.join("ABS");
    kb.conn()
        .execute_batch(&format!(
            r#"CREATE VIEW "../victim/PWNED" AS SELECT 1 AS x;
               CREATE VIEW "{}" AS SELECT 2 AS x;
               CREATE VIEW "quote""d" AS SELECT 3 AS x;
               CREATE VIEW ".." AS SELECT 4 AS x;"#,
            absolute.display()
        ))
        .unwrap();
    let out = kb.dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    // Links planted where export writes a file and where it writes its partial file.
    std::os::unix::fs::symlink(outside.join("linked.csv"), out.join("meetings.csv")).unwrap();
    std::os::unix::fs::symlink(outside.join("made.csv"), out.join(".timeline.csv.partial"))
        .unwrap();
    kb.dipkb()
        .args(["export", "--format", "csv", "--out"])
        .arg(&out)
        .assert()
        .success();
    let mut left: Vec<String> = std::fs::read_dir(&outside)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["PWNED.csv", "linked.csv"]);
    for file in ["PWNED.csv", "linked.csv"] {
        assert_eq!(
            std::fs::read_to_string(outside.join(file)).unwrap(),
            "precious"
        );
    }
    assert!(!kb.dir.path().join("PWNED.csv").exists());
    // Every crafted name became a file of its own, directly in `--out`.
    let escaped = out.join("%2E%2E%2Fvictim%2FPWNED.csv");
    assert_eq!(std::fs::read_to_string(escaped).unwrap(), "x\n1\n");
    assert_eq!(
        std::fs::read_to_string(out.join("quote%22d.csv")).unwrap(),
        "x\n3\n"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("%2E%2E.csv")).unwrap(),
        "x\n4\n"
    );
    for entry in std::fs::read_dir(&out).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        assert!(entry.file_type().unwrap().is_file(), "{name} is not a file");
        assert!(!name.ends_with(".partial"), "{name}");
        assert_ne!(name, "fts_pending.csv", "an internal table was exported");
    }
}

/// The write end of a pipe nobody reads: every write to it fails with "broken pipe", as when
/// `dipkb ... | head -1` has stopped reading.
fn closed_pipe() -> Stdio {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    Stdio::from(writer)
}

/// `dipkb` against the knowledge base of `kb`, as a plain command whose stdio can be set.
fn raw(kb: &Kb) -> Command {
    let mut cmd = dipkb_command(&kb.db());
    cmd.current_dir(kb.dir.path());
    cmd
}

fn assert_no_panic(output: &std::process::Output, what: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_ne!(output.status.code(), Some(101), "{what} panicked: {stderr}");
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    assert!(
        !stderr.to_lowercase().contains("broken pipe"),
        "{what}: {stderr}"
    );
}

/// Issue 14, item 4: a closed stdout or stderr stops neither an ingest nor a read command, and
/// nothing panics or says "Broken pipe".
#[test]
fn closed_stdout_or_stderr_never_panics_nor_stops_an_ingest() {
    let folder = |kb: &Kb| {
        let dir = kb.dir.path().join("in");
        // A warning first, then three articles and a file that fails.
        kb.write(
            "in/a_latin1.txt",
            b"---\ntitle: Caf\xe9 talks\npublished: 2022-01-12\n---\nThe ministers met.\n",
        );
        corpus(&dir, 3);
        kb.write("in/z_binary.txt", b"PK\x03\x04\x00\x00");
        dir
    };
    let kb = Kb::new();
    let dir = folder(&kb);
    let output = raw(&kb)
        .arg("ingest")
        .arg(&dir)
        .stdout(closed_pipe())
        .output()
        .unwrap();
    assert_no_panic(&output, "ingest with stdout closed");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("z_binary.txt"));
    assert_eq!(kb.count("articles"), 4);

    let kb = Kb::new();
    let dir = folder(&kb);
    let output = raw(&kb)
        .arg("ingest")
        .arg(&dir)
        .stderr(closed_pipe())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(kb.count("articles"), 4);
    assert!(
        String::from_utf8_lossy(&output.stdout)
            .contains("articles: 4 new, 0 already stored, 1 failed"),
        "{output:?}"
    );

    // Read commands stop quietly, with success, whatever they were printing.
    for args in [
        &["timeline"][..],
        &["stats"],
        &["sql", "SELECT * FROM articles"],
        &["sql", "--format", "csv", "SELECT * FROM articles"],
        &["relations", "--format", "dot"],
        &["meeting", "1", "--format", "json"],
        &["search", "report"],
        &["migrate"],
    ] {
        let output = raw(&kb).args(args).stdout(closed_pipe()).output().unwrap();
        assert_no_panic(&output, &format!("{args:?}"));
        assert_eq!(output.status.code(), Some(0), "{args:?}: {output:?}");
        assert!(output.stderr.is_empty(), "{args:?}: {output:?}");
    }
    // Export reports on stderr; it writes its files all the same.
    let out = kb.dir.path().join("out");
    let output = raw(&kb)
        .args(["export", "--out"])
        .arg(&out)
        .stderr(closed_pipe())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(out.join("articles.jsonl").exists());
    // An error with stderr closed is still an error.
    let output = raw(&kb)
        .args(["meeting", "999"])
        .stderr(closed_pipe())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let output = raw(&kb)
        .args(["sql", "DELETE FROM articles"])
        .stderr(closed_pipe())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

/// Issue 14, item 8: a busy timeout SQLite cannot take is refused before any file is touched;
/// a mistyped path leaves no empty database behind; a folder named as the database is called
/// a folder.
#[test]
fn bad_arguments_and_mistyped_paths_leave_no_database_behind() {
    let kb = Kb::new();
    let article = kb.write(
        "a.txt",
        std::fs::read(crate::util::samples_dir().join("201_geneva_summit.txt")).unwrap(),
    );
    for (flag, env) in [
        (Some("--busy-timeout=2147484"), None),
        (None, Some("2147484")),
        (Some("--busy-timeout=1e300"), None),
        (Some("--busy-timeout=-1"), None),
        (None, Some("NaN")),
        (None, Some("ten")),
    ] {
        let mut cmd = kb.dipkb();
        cmd.args(flag);
        if let Some(env) = env {
            cmd.env("DIPKB_BUSY_TIMEOUT", env);
        }
        let output = cmd.arg("ingest").arg(&article).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{flag:?} {env:?}: {stderr}");
        assert!(stderr.contains("--busy-timeout"), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(!kb.db().exists(), "{flag:?} {env:?} left a database");
    }
    // A mistyped path, with the default database.
    let output = Command::new(env!("CARGO_BIN_EXE_dipkb"))
        .current_dir(kb.dir.path())
        .env_remove("DIPKB_DB")
        .args(["ingest", "no_such_file.txt", "no_such_folder"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for name in ["no_such_file.txt", "no_such_folder"] {
        assert!(
            stderr
                .lines()
                .any(|l| l.starts_with("error:") && l.contains(name) && l.contains("cannot read")),
            "{stderr}"
        );
    }
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("2 failed"),
        "{output:?}"
    );
    assert!(!kb.dir.path().join("dipkb.sqlite").exists());
    // A folder named as the database.
    let folder = kb.dir.path().join("a_folder");
    std::fs::create_dir(&folder).unwrap();
    for args in [
        &["ingest", "a.txt"][..],
        &["timeline"],
        &["stats"],
        &["migrate"],
    ] {
        let output = dipkb_command(&folder)
            .current_dir(kb.dir.path())
            .args(args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("is a folder"), "{args:?}: {stderr}");
    }
    // The longest wait SQLite can take is taken.
    kb.dipkb()
        .args(["--busy-timeout", "2147483", "ingest"])
        .arg(&article)
        .assert()
        .success();
    assert_eq!(kb.count("articles"), 1);
}

/// Issue 14, item 9: a NUL written as a JSON escape or in UTF-16 is refused by name, as a raw
/// NUL byte is, instead of being stored for SQLite to cut the text at.
#[test]
fn escaped_and_utf16_nul_characters_are_refused_like_raw_ones() {
    let kb = Kb::new();
    kb.write(
        "in/a_escaped.json",
        r#"{"title": "Talks", "published": "2022-01-12", "text": "Lavrov met Blinken in Geneva.\u0000 Hidden words."}"#,
    );
    kb.write(
        "in/b_feed.jsonl",
        concat!(
            r#"{"title": "Bad\u0000title", "published": "2022-01-12", "text": "NATO and Russia met in Brussels."}"#,
            "\n",
            r#"{"title": "Good", "published": "2022-01-12", "text": "NATO and Russia met again in Brussels."}"#,
            "\n",
        ),
    );
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in
        "---\npublished: 2022-01-12\n---\nKuleba met Lavrov in Antalya.\0 Hidden.\n".encode_utf16()
    {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    kb.write("in/c_utf16.txt", utf16);
    let output = kb
        .dipkb()
        .arg("ingest")
        .arg(kb.dir.path().join("in"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 3, "{stderr}");
    for (name, says) in [
        ("a_escaped.json:", "NUL character"),
        ("b_feed.jsonl:1:", "NUL character"),
        ("c_utf16.txt:", "NUL"),
    ] {
        assert!(
            errors.iter().any(|l| l.contains(name) && l.contains(says)),
            "{name}: {stderr}"
        );
    }
    assert_eq!(kb.count("articles"), 1);
    assert_eq!(
        kb.query_one("SELECT count(*) FROM articles WHERE instr(body, char(0)) > 0 OR instr(title, char(0)) > 0"),
        0
    );
}

/// Issue 14, item 13: the ATTACH guard of `dipkb sql` reads the statement as SQLite does, past
/// comments and white space, instead of peeking at its first word.
#[test]
fn attach_hidden_behind_comments_is_refused() {
    let kb = Kb::new();
    kb.dipkb().arg("migrate").assert().success();
    for sql in [
        "/**/ATTACH 'other.sqlite' AS v",
        "-- x\nATTACH 'other.sqlite' AS v",
        " /* a */ -- b\n\t/* c */attach database 'other.sqlite' AS v",
        "EXPLAIN /**/ ATTACH 'other.sqlite' AS v",
    ] {
        kb.dipkb()
            .args(["sql", "--", sql])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("refuses ATTACH"));
    }
    assert!(!kb.dir.path().join("other.sqlite").exists());
    // Comments before an ordinary query are fine.
    let out = kb.stdout(&[
        "sql",
        "--format",
        "csv",
        "/* ATTACH */ -- ATTACH\nSELECT 'ATTACH' AS x",
    ]);
    assert_eq!(out, "x\nATTACH\n");
}

/// Issue 14, item 6: `dipkb sql` stops a runaway query at its time limit and a huge result at
/// its row limit, each with a message that names the flag to raise it, and exit code 2; rows
/// print as they come.
#[test]
fn sql_is_bounded_in_time_and_rows() {
    const COUNT_FOREVER: &str =
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";
    const ROWS_FOREVER: &str =
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c";
    let kb = Kb::new();
    kb.dipkb().arg("migrate").assert().success();
    let run = |args: &[&str]| kb.dipkb().arg("sql").args(args).output().unwrap();
    let output = run(&["--timeout", "0.3", COUNT_FOREVER]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("was stopped") && stderr.contains("--timeout"),
        "{stderr}"
    );
    // Rows printed before the time ran out form a whole JSON array.
    let output = run(&[
        "--format",
        "json",
        "--max-rows",
        "0",
        "--timeout",
        "0.3",
        ROWS_FOREVER,
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--timeout"));
    let printed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(printed.is_array());
    // The default row limit: 10,000 rows, then a message.
    let output = run(&[ROWS_FOREVER]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("more than 10000 rows") && stderr.contains("--max-rows"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(stdout.lines().count(), 2 + 10_000);
    assert_eq!(stdout.lines().last().unwrap().trim(), "10000");
    let output = run(&["--format", "csv", "--max-rows", "5", ROWS_FOREVER]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "x\n1\n2\n3\n4\n5\n"
    );
    // A result within the limits is not stopped; --max-rows 0 lifts the limit.
    let output = run(&["--format", "csv", &format!("{ROWS_FOREVER} LIMIT 10000")]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).lines().count(),
        10_001
    );
    let output = run(&[
        "--format",
        "csv",
        "--max-rows",
        "0",
        &format!("{ROWS_FOREVER} LIMIT 25000"),
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).lines().count(),
        25_001
    );
}

/// Issue 14, item 6: "5 million rows take 1.2 GB and print nothing until the end". Rows are
/// printed as they come in CSV and JSON (a table needs every width first, and is bounded by the
/// row limit): the first line of an endless result arrives while the query runs.
#[test]
fn sql_prints_rows_while_the_query_runs() {
    use std::io::BufRead;
    let kb = Kb::new();
    kb.dipkb().arg("migrate").assert().success();
    for format in ["csv", "json"] {
        let mut child = raw(&kb)
            .args([
                "sql",
                "--format",
                format,
                "--max-rows",
                "0",
                "--timeout",
                "600",
            ])
            .arg("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
        let first = lines.next().expect("a first line").unwrap();
        assert!(!first.is_empty(), "{format}");
        assert!(
            child.try_wait().unwrap().is_none(),
            "{format}: rows came only when the query ended"
        );
        child.kill().unwrap();
        child.wait().unwrap();
    }
}

/// Issue 14, item 11: a file in a folder whose name is not UTF-8 is read like any other, and
/// names are printed escaped, so that a line break in one cannot forge a line of output.
#[test]
fn file_names_not_utf8_or_with_line_breaks_are_read_and_printed_escaped() {
    use std::os::unix::ffi::OsStrExt;
    let kb = Kb::new();
    let dir = kb.dir.path().join("in");
    std::fs::create_dir_all(&dir).unwrap();
    let text =
        std::fs::read_to_string(crate::util::samples_dir().join("201_geneva_summit.txt")).unwrap();
    let named = |bytes: &[u8]| dir.join(std::ffi::OsStr::from_bytes(bytes));
    std::fs::write(named(b"caf\xe9.txt"), format!("{text}\nCopy one.\n")).unwrap();
    std::fs::write(
        named(b"evil\nerror: forged.txt"),
        format!("{text}\nCopy two.\n"),
    )
    .unwrap();
    std::fs::write(
        named(b"bad\xff\nerror: forged too.txt"),
        b"PK\x03\x04\x00\x00",
    )
    .unwrap();
    let output = kb
        .dipkb()
        .args(["-v", "ingest"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("articles: 2 new, 0 already stored, 1 failed"),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !stderr
            .lines()
            .chain(stdout.lines())
            .any(|l| l.contains("forged") && !l.contains("\\nerror: forged")),
        "a forged line:\n{stderr}"
    );
    assert!(
        stderr.lines().any(|l| l.starts_with("error:")
            && l.contains("bad\\xFF\\nerror: forged too.txt: not a text file")),
        "{stderr}"
    );
    let conn = kb.conn();
    let mut statement = conn
        .prepare("SELECT origin FROM articles ORDER BY origin")
        .unwrap();
    let origins: Vec<String> = statement
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(origins.len(), 2);
    assert!(origins[0].ends_with("in/caf\\xE9.txt"), "{origins:?}");
    assert!(
        origins[1].ends_with("in/evil\\nerror: forged.txt"),
        "{origins:?}"
    );
}

/// Issue 14, item 14: an ingest into `--db :memory:` is refused instead of reporting articles it
/// keeps nowhere.
#[test]
fn an_ingest_into_memory_is_refused() {
    let kb = Kb::new();
    let article = kb.write(
        "a.txt",
        std::fs::read(crate::util::samples_dir().join("201_geneva_summit.txt")).unwrap(),
    );
    let output = dipkb_command(Path::new(":memory:"))
        .current_dir(kb.dir.path())
        .arg("ingest")
        .arg(&article)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("names no file"), "{stderr}");
    assert!(!String::from_utf8_lossy(&output.stdout).contains("1 new"));
    let left: Vec<_> = std::fs::read_dir(kb.dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "only a.txt: {left:?}");
}

/// Issue 14, item 14: `--since` and `--until` take a month (its first and its last day) and
/// refuse a range in which no day lies.
#[test]
fn since_and_until_take_months_and_refuse_an_empty_range() {
    let kb = Kb::with_samples();
    for command in ["timeline", "relations"] {
        let by_days = kb.stdout(&[
            command,
            "--since",
            "2021-06-01",
            "--until",
            "2021-06-30",
            "--format",
            "csv",
        ]);
        assert!(by_days.contains("2021-06-16"), "{by_days}");
        let by_month = kb.stdout(&[
            command, "--since", "2021-06", "--until", "2021-06", "--format", "csv",
        ]);
        assert_eq!(by_month, by_days, "{command}");
        let by_year = kb.stdout(&[
            command, "--since", "2021", "--until", "2021", "--format", "csv",
        ]);
        let whole_year = kb.stdout(&[
            command,
            "--since",
            "2021-01-01",
            "--until",
            "2021-12-31",
            "--format",
            "csv",
        ]);
        assert_eq!(by_year, whole_year, "{command}");
        kb.dipkb()
            .args([command, "--since", "2021-07", "--until", "2021-06"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "--since 2021-07-01 is later than --until 2021-06-30",
            ));
        kb.dipkb()
            .args([command, "--since", "2021-13"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("YYYY-MM"));
    }
    // A month with fewer days ends on its last one.
    kb.dipkb()
        .args(["timeline", "--since", "2024-03-01", "--until", "2024-02"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--until 2024-02-29"));
}
