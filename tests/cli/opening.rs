//! Opening the database and the inputs: read-only media, named pipes, a database that lost
//! the record of its migrations (issue #14, item 14).

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;

use crate::util::{Kb, stderr_of};

const ARTICLE: &str = "---\ntitle: Talks\npublished: 2022-01-12\n---\n\
    NATO allies and Russia met in Brussels on Wednesday. \
    \"The talks were useful,\" Russian Foreign Minister Sergei Lavrov said.\n";

/// `dipkb --db DB ARGS...`, run from `dir`.
fn dipkb_at(dir: &Path, db: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dipkb"));
    cmd.current_dir(dir)
        .env_remove("RUST_LOG")
        .env_remove("DIPKB_DB")
        .arg("--db")
        .arg(db)
        .timeout(Duration::from_secs(60));
    cmd
}

fn listing(dir: &Path) -> Vec<PathBuf> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    names.sort();
    names
}

/// Gives write permission back when dropped, so that the temporary folder can be removed
/// whatever the test came to.
struct Writable<'a>(&'a Path, &'a Path);

impl Drop for Writable<'_> {
    fn drop(&mut self) {
        let _ = std::fs::set_permissions(self.0, std::fs::Permissions::from_mode(0o755));
        let _ = std::fs::set_permissions(self.1, std::fs::Permissions::from_mode(0o644));
    }
}

/// Issue #14, item 14: "A checkpointed database on read-only media cannot be read by any
/// command ("attempt to write a readonly database")". The folder and the file are made
/// read-only by their permissions; root, who may write anyway, must see the same: dipkb reads
/// the file without creating the shared-memory and log files beside it.
#[test]
fn a_database_on_read_only_media_is_read_by_every_read_command() {
    let kb = Kb::new();
    let media = kb.dir.path().join("media");
    std::fs::create_dir(&media).unwrap();
    let db = media.join("kb.sqlite");
    let article = kb.write("talks.md", ARTICLE);
    dipkb_at(kb.dir.path(), &db)
        .arg("ingest")
        .arg(&article)
        .assert()
        .success();
    let before = listing(&media);
    assert_eq!(
        before,
        std::slice::from_ref(&db),
        "the ingest checkpointed its log"
    );
    let _restore = Writable(&media, &db);
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(&media, std::fs::Permissions::from_mode(0o555)).unwrap();
    let out = kb.dir.path().join("exported");
    let out = out.to_str().unwrap();
    for (args, expected) in [
        (vec!["stats"], "articles"),
        (vec!["timeline"], "Brussels"),
        (vec!["relations"], "NATO"),
        (vec!["actor", "Sergei Lavrov"], "Sergei Lavrov"),
        (vec!["meeting", "1"], "Brussels"),
        (vec!["statement", "1"], "useful"),
        (vec!["search", "useful"], "useful"),
        (vec!["sql", "SELECT title FROM articles"], "Talks"),
        (vec!["export", "--out", out], "articles"),
    ] {
        let output = dipkb_at(kb.dir.path(), &db).args(&args).output().unwrap();
        assert!(output.status.success(), "{args:?}: {}", stderr_of(&output));
        let said = String::from_utf8_lossy(&output.stdout).to_string() + &stderr_of(&output);
        assert!(said.contains(expected), "{args:?}: {said}");
        assert_eq!(
            listing(&media),
            before,
            "{args:?} wrote beside the database"
        );
    }
    // Writing is refused, and says why.
    let output = dipkb_at(kb.dir.path(), &db)
        .arg("ingest")
        .arg(&article)
        .output()
        .unwrap();
    if output.status.success() {
        // Root may write to a read-only file; nothing may have changed but the log.
        assert!(
            String::from_utf8_lossy(&output.stdout).contains("1 already stored"),
            "{}",
            String::from_utf8_lossy(&output.stdout)
        );
    } else {
        assert!(
            stderr_of(&output).contains("readonly"),
            "{}",
            stderr_of(&output)
        );
    }
}

fn make_fifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo");
    assert!(status.success());
}

/// Issue #14, item 14: "a FIFO named as input or as `--db` hangs".
#[test]
fn a_named_pipe_as_input_or_database_is_refused_at_once() {
    let kb = Kb::new();
    let pipe = kb.dir.path().join("news.txt");
    make_fifo(&pipe);
    let good = kb.write("good.md", ARTICLE);
    let output = kb
        .dipkb()
        .timeout(Duration::from_secs(30))
        .arg("ingest")
        .arg(&pipe)
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    assert!(
        stderr_of(&output).contains("news.txt: not a file: it is a named pipe (FIFO)"),
        "{}",
        stderr_of(&output)
    );
    assert_eq!(kb.count("articles"), 1, "the other input is stored");

    let pipe_db = kb.dir.path().join("kb-pipe.sqlite");
    make_fifo(&pipe_db);
    for args in [vec!["stats"], vec!["timeline"], vec!["ingest", "good.md"]] {
        dipkb_at(kb.dir.path(), &pipe_db)
            .timeout(Duration::from_secs(30))
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "kb-pipe.sqlite is a named pipe (FIFO), not a database file",
            ));
    }
}

/// Issue #14, item 14: "a database missing its migrations table is reported as "no
/// database"".
#[test]
fn a_database_without_its_migrations_table_is_reported_as_such_and_left_alone() {
    let kb = Kb::new();
    let article = kb.write("talks.md", ARTICLE);
    kb.dipkb().arg("ingest").arg(&article).assert().success();
    for (damage, state) in [
        ("DELETE FROM schema_migrations", "is empty"),
        ("DROP TABLE schema_migrations", "is missing"),
    ] {
        kb.conn().execute_batch(damage).unwrap();
        let before = std::fs::read(kb.db()).unwrap();
        for args in [vec!["stats"], vec!["ingest", "talks.md"]] {
            let output = kb.dipkb().args(&args).output().unwrap();
            assert_eq!(output.status.code(), Some(2), "{args:?}");
            let stderr = stderr_of(&output);
            assert!(
                stderr.contains("is a dipkb database without a record of its migrations")
                    && stderr.contains(&format!("its table schema_migrations {state}")),
                "{args:?}: {stderr}"
            );
            assert!(!stderr.contains("no database"), "{stderr}");
        }
        assert_eq!(std::fs::read(kb.db()).unwrap(), before, "left as it was");
        assert_eq!(kb.count("articles"), 1);
    }
}
