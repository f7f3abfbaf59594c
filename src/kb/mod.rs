//! The knowledge base: the SQLite schema, opening and migrating a database, and storing
//! articles with their facts.
//!
//! Architecture invariant: this module knows nothing about text analysis. It stores
//! [`crate::extract::Extraction`]s it is given and never looks inside an article's body.
//!
//! Architecture invariant: an article and its facts are written in one transaction, so a
//! database never holds an article without its facts or facts without their article.

mod articles;
mod codes;
mod consolidate;
pub(crate) mod join;
#[cfg(test)]
mod plans;
mod refresh;
mod resolve;
pub mod schema;
mod store;
mod write;

use std::path::PathBuf;

pub use articles::{CopyOutcome, CopyStored};
pub use resolve::actors_named;
pub use schema::{MAX_BUSY_TIMEOUT, SCHEMA_VERSION, open_read_only, set_busy_timeout};
pub use store::{Curation, CurationError, FactCounts, Store, StoredArticle};
#[cfg(test)]
pub(crate) use store::{apply_fts_pending, apply_relation_pending};

#[derive(Debug, thiserror::Error)]
pub enum KbError {
    #[error("no database at {0} (run `dipkb ingest` first, or point --db or DIPKB_DB at one)")]
    Missing(PathBuf),
    #[error("{0} is a folder, not a database file (point --db or DIPKB_DB at a file)")]
    Folder(PathBuf),
    #[error(
        "{0:?} names no file: SQLite would keep the database in memory (or in a temporary \
         file) and lose it on exit; point --db or DIPKB_DB at a file"
    )]
    NoFile(PathBuf),
    #[error("{path} is {what}, not a database file (point --db or DIPKB_DB at a file)")]
    NotAFile { path: PathBuf, what: &'static str },
    #[error(
        "{path} is a dipkb database without a record of its migrations (its table {table} is \
         {}): its schema version cannot be told, so it is left as it is; restore the table \
         from a backup, or ingest the articles again into a new database",
        if *missing { "missing" } else { "empty" }
    )]
    NoMigrations {
        path: PathBuf,
        table: &'static str,
        missing: bool,
    },
    #[error(
        "{0} cannot be written, and its write-ahead log ({0}-wal) holds changes the database \
         file lacks: copy both files to a folder that can be written and read the copy, or \
         checkpoint the database where it can be written (`sqlite3 FILE 'PRAGMA \
         wal_checkpoint'`)"
    )]
    UncheckpointedReadOnly(PathBuf),
    #[error("{path} is not a dipkb database: {reason}")]
    NotDipkb { path: PathBuf, reason: String },
    #[error(
        "{path} was written by a newer dipkb (schema version {found}, this dipkb knows up to \
         {known}); upgrade dipkb to use it"
    )]
    Newer {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error(
        "{path} has schema version {found}, older than this dipkb's {known}; run `dipkb migrate` \
         to upgrade it"
    )]
    Older {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("cannot migrate {path}: {message}")]
    Migration { path: PathBuf, message: String },
    #[error("{path} is busy: another process is writing to it; try again when it has finished")]
    Busy { path: PathBuf },
    /// An article failed halfway through a batch stored without savepoints, and the batch's
    /// transaction was rolled back: the batch has to be stored again with
    /// [`Store::begin_careful_batch`].
    #[error("{0} (the batch it was in was rolled back)")]
    BatchRolledBack(Box<KbError>),
    #[error("cannot open database {path}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("evidence span {start}..{end} lies outside the article body ({len} characters)")]
    SpanOutOfBody {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}

/// The longest name dipkb takes from a user (an actor filter, an alias, a new name): longer
/// than any actor's name, short enough that comparing it with every alias stays quick.
pub const LONGEST_NAME: usize = 200;

/// Runs one statement through the connection's cache of prepared statements: storing an
/// article runs the same few dozen statements every time, and parsing them again each time
/// costs more than running them.
fn exec(
    conn: &rusqlite::Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> rusqlite::Result<usize> {
    conn.prepare_cached(sql)?.execute(params)
}

/// Folds a name for alias lookup: lower case, dots dropped ("U.S." is "us"), typographic
/// apostrophes made plain, runs of white space made one space.
pub fn alias_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        for c in word.chars() {
            match c {
                '.' => {}
                '\u{2019}' | '\u{2018}' | '`' => key.push('\''),
                _ => key.extend(c.to_lowercase()),
            }
        }
    }
    key
}

/// Runs a query that returns one row, on a cached prepared statement.
fn query_one<T>(
    conn: &rusqlite::Connection,
    sql: &str,
    params: impl rusqlite::Params,
    f: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    conn.prepare_cached(sql)?.query_row(params, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alias_keys_fold_case_dots_and_spaces() {
        assert_eq!(alias_key("U.S."), "us");
        assert_eq!(alias_key("  Wendy  R. Sherman "), "wendy r sherman");
        assert_eq!(alias_key("Côte d’Ivoire"), "côte d'ivoire");
    }
}
