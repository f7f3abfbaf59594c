//! Two ingests into one database take turns a batch at a time (issue #14, item 7): each takes
//! the write lock for a batch, not for its whole run, so neither waits out its busy timeout.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::util::Kb;

/// `n` one-sentence articles in `folder`, each its own.
fn small_articles(kb: &Kb, folder: &str, n: usize) -> PathBuf {
    for i in 0..n {
        kb.write(
            &format!("{folder}/a{i:05}.txt"),
            format!(
                "---\ntitle: {folder} {i}\npublished: 2022-03-{:02}\n---\nUkrainian Foreign \
                 Minister Dmytro Kuleba said the talks in round {i} of {folder} were useful.\n",
                1 + i % 28
            ),
        );
    }
    kb.dir.path().join(folder)
}

fn spawn(db: &Path, folder: &Path, busy_timeout: &str) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_dipkb"))
        .env_remove("RUST_LOG")
        .env_remove("DIPKB_DB")
        .arg("--busy-timeout")
        .arg(busy_timeout)
        .arg("--db")
        .arg(db)
        .arg("ingest")
        // Small batches, so that each run has many turns to take.
        .args(["--batch-articles", "200"])
        .arg(folder)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dipkb")
}

#[test]
fn two_large_ingests_at_once_take_turns_and_both_complete() {
    let kb = Kb::new();
    let left = small_articles(&kb, "left", 2_000);
    let right = small_articles(&kb, "right", 2_000);
    // The database exists before both start, so that they contend only for writing.
    kb.dipkb()
        .arg("ingest")
        .arg(kb.write(
            "first.txt",
            "---\ntitle: First\npublished: 2022-03-01\n---\nKuleba spoke.\n",
        ))
        .assert()
        .success();
    // Half the default busy timeout: more than a batch holds the lock (at most 2 s and an
    // article), far less than a run of 2,000 articles.
    let a = spawn(&kb.db(), &left, "5");
    let b = spawn(&kb.db(), &right, "5");
    for child in [a, b] {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    assert_eq!(kb.count("articles"), 4_001);
    assert_eq!(kb.count("statement_reports"), 4_000);
}
