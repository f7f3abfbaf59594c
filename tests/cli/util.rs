use std::path::{Path, PathBuf};

use assert_cmd::Command;
use rusqlite::Connection;
use tempfile::TempDir;

/// A temporary folder holding a knowledge base, with helpers to run `dipkb` against it.
pub struct Kb {
    pub dir: TempDir,
}

impl Kb {
    pub fn new() -> Kb {
        Kb {
            dir: tempfile::tempdir().expect("temporary folder"),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("kb.sqlite")
    }

    /// `dipkb` with `--db` pointing at this knowledge base, run from the temporary folder.
    pub fn dipkb(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_dipkb"));
        cmd.current_dir(self.dir.path())
            .env_remove("RUST_LOG")
            .env_remove("DIPKB_DB")
            .arg("--db")
            .arg(self.db());
        cmd
    }

    /// Writes a file under the temporary folder and returns its path.
    pub fn write(&self, relative: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folder");
        }
        std::fs::write(&path, contents).expect("write file");
        path
    }

    pub fn conn(&self) -> Connection {
        Connection::open(self.db()).expect("open knowledge base")
    }

    pub fn count(&self, table: &str) -> i64 {
        self.query_one(&format!("SELECT count(*) FROM {table}"))
    }

    /// The one integer a query returns.
    pub fn query_one(&self, sql: &str) -> i64 {
        self.conn()
            .query_row(sql, [], |row| row.get(0))
            .unwrap_or_else(|err| panic!("{sql}: {err}"))
    }

    /// Runs `dipkb ARGS...`, expects success, and returns its standard output.
    pub fn stdout(&self, args: &[&str]) -> String {
        let output = self.dipkb().args(args).output().expect("run dipkb");
        assert!(
            output.status.success(),
            "dipkb {args:?} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("UTF-8 output")
    }

    /// Runs `dipkb ARGS...` with `--format json` and parses what it prints.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = args.to_vec();
        all.extend(["--format", "json"]);
        serde_json::from_str(&self.stdout(&all)).expect("JSON output")
    }

    /// Ingests the sample corpus and checks that it went through.
    pub fn with_samples() -> Kb {
        let kb = Kb::new();
        kb.dipkb()
            .arg("ingest")
            .arg(samples_dir())
            .assert()
            .success();
        kb
    }
}

pub fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples")
}

/// The sample articles, as (text path, gold path) pairs.
pub fn sample_articles() -> Vec<(PathBuf, PathBuf)> {
    let mut pairs: Vec<(PathBuf, PathBuf)> = std::fs::read_dir(samples_dir())
        .expect("read samples")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .map(|text| {
            let gold = text.with_extension("gold.json");
            (text, gold)
        })
        .collect();
    pairs.sort();
    pairs
}

pub fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
