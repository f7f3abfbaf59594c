//! Opening a database: checking that it is ours, setting the connection up, and migrating it.

use std::path::Path;
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::KbError;

mod embedded {
    refinery::embed_migrations!("migrations");
}

/// Stored in the SQLite header (`PRAGMA application_id`) so that dipkb, and `file(1)`, can tell
/// a dipkb database from any other SQLite file. The bytes spell "DIPK".
pub const APPLICATION_ID: i32 = 0x4449_504B;

/// The schema version this dipkb writes: the highest migration it embeds.
pub const SCHEMA_VERSION: i64 = 14;

/// The function migration V6 hashes stored folded words with ([`super::write::key_hash`]).
const KEY_HASH_FUNCTION: &str = "dipkb_key_hash";

/// refinery's bookkeeping table, named by our plural snake_case rule.
const MIGRATIONS_TABLE: &str = "schema_migrations";

/// How long a connection waits for another writer before it reports the database busy.
/// Ten seconds unless [`set_busy_timeout`] says otherwise.
static BUSY_TIMEOUT_MS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(10_000);

/// The longest SQLite's busy handler can wait: its timeout is an `int` of milliseconds (about
/// 24.8 days).
pub const MAX_BUSY_TIMEOUT: Duration = Duration::from_millis(i32::MAX as u64);

/// How long connections opened from now on wait for another process's write to finish before
/// they report the database busy (`--busy-timeout`); at most [`MAX_BUSY_TIMEOUT`].
pub fn set_busy_timeout(timeout: Duration) {
    BUSY_TIMEOUT_MS.store(
        u64::try_from(timeout.min(MAX_BUSY_TIMEOUT).as_millis()).unwrap_or(u64::MAX),
        std::sync::atomic::Ordering::Relaxed,
    );
}

pub(crate) fn busy_timeout() -> Duration {
    Duration::from_millis(BUSY_TIMEOUT_MS.load(std::sync::atomic::Ordering::Relaxed))
}

/// Opens (creating if needed) a database for writing, and migrates it to [`SCHEMA_VERSION`].
///
/// Processes that open one new file at the same moment contend for locks in ways SQLite's
/// busy handler does not wait out (switching to WAL needs the file to itself; a reader that
/// turns writer gives way at once), so the whole opening is tried again until the busy
/// timeout has passed.
pub fn open_for_write(path: &Path) -> Result<Connection, KbError> {
    let started = std::time::Instant::now();
    let mut pause = Duration::from_millis(10);
    loop {
        match try_open_for_write(path) {
            Err(KbError::Busy { .. }) if started.elapsed() + pause < busy_timeout() => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(200));
            }
            result => return result,
        }
    }
}

fn try_open_for_write(path: &Path) -> Result<Connection, KbError> {
    check_is_file(path)?;
    // SQLite's names for a database that lives only as long as its connection.
    if path.as_os_str().is_empty() || path.as_os_str() == ":memory:" {
        return Err(KbError::NoFile(path.to_path_buf()));
    }
    let mut conn = Connection::open(path).map_err(|source| open_error(path, source))?;
    conn.busy_timeout(busy_timeout())
        .map_err(|source| open_error(path, source))?;
    let found = check_identity(&conn, path)?;
    if found > SCHEMA_VERSION {
        return Err(KbError::Newer {
            path: path.to_path_buf(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    if found == 0 {
        // A new database returns the pages its batches freed to the file system when a store
        // is done with it (`Store`'s drop); SQLite takes this only before the file's first
        // page is written, which switching to WAL does.
        conn.pragma_update(None, "auto_vacuum", "INCREMENTAL")
            .map_err(|source| open_error(path, source))?;
    }
    // WAL lets readers (timeline, sql, an external sqlite3) work while an ingest writes.
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(|source| open_error(path, source))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // A batch of articles touches pages all over the indexes; with SQLite's default 2 MB page
    // cache it writes pages out to the log and reads them back within one batch. 64 MB keeps
    // a batch's pages in memory until it commits.
    conn.pragma_update(None, "cache_size", -65_536)?;
    // Without the query planner stability guarantee, SQLite (built with STAT4) re-plans a
    // prepared statement each time some parameters are bound anew: a third of ingest time
    // went to re-preparing the same statements (perf, `sqlite3Reprepare` under
    // `sqlite3_step`). Plans here never depend on the values.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    // Storing an article runs about a hundred distinct statements; keep them all prepared.
    conn.set_prepared_statement_cache_capacity(512);
    if found < SCHEMA_VERSION {
        if found == 0 {
            // Claim the new file as ours first, so that another dipkb creating it at the same
            // moment sees a dipkb database being made, not a stranger's.
            conn.pragma_update(None, "application_id", APPLICATION_ID)
                .map_err(|source| open_error(path, source))?;
        }
        if let Err(err) = migrate(&mut conn, path) {
            // Another process may have migrated it while this one waited for the lock: what
            // counts is that the schema is now the newest.
            if check_identity(&conn, path)? != SCHEMA_VERSION {
                return Err(err);
            }
        }
    }
    Ok(conn)
}

/// Opens an existing database for reading only: writes through this connection fail.
///
/// A database in a folder or file that cannot be written (read-only media, an archive, a
/// shared copy) is opened immutable: SQLite then reads the file alone, and creates no
/// shared-memory or log file beside it, which it otherwise needs even to read a database in
/// WAL mode. Whether it can be written is judged first by the permissions the file system
/// gives (so that the answer does not depend on who runs dipkb: root may write anywhere), and
/// second by SQLite failing to create those files (a read-only mount shows writable
/// permissions).
pub fn open_read_only(path: &Path) -> Result<Connection, KbError> {
    if !path.exists() {
        return Err(KbError::Missing(path.to_path_buf()));
    }
    check_is_file(path)?;
    // A log with changes in it is read through SQLite's locks whenever that can be done.
    let conn = if cannot_be_written(path) && !has_log(path) {
        open_immutable(path)?
    } else {
        match open_reading(path) {
            Err(err) if needs_writing(&err) => open_immutable(path)?,
            other => other?,
        }
    };
    conn.pragma_update(None, "query_only", "ON")?;
    // The default 2 MB page cache holds a few thousand pages: a query of a busy actor reads
    // more than that (the links of Romania and its people alone are 15,000 index entries),
    // and every next query read them from the file again. Pages are cached as they are read,
    // so a small query takes no more memory than before.
    conn.pragma_update(None, "cache_size", -65_536)?;
    // Pages not in that cache are read from the file mapped in memory, not copied in by a
    // system call each: the busiest actor's `timeline --limit 100` took 10 ms at the median
    // with reads, 5.6 with the map (100,000-article database; BENCHMARKS.md). Address space
    // only: what is not read is not loaded.
    conn.pragma_update(None, "mmap_size", 1_i64 << 30)?;
    Ok(conn)
}

/// A connection that reads through SQLite's locks and log, as every reader does while a
/// writer may be at work.
fn open_reading(path: &Path) -> Result<Connection, KbError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn =
        Connection::open_with_flags(path, flags).map_err(|source| open_error(path, source))?;
    conn.busy_timeout(busy_timeout())
        .map_err(|source| open_error(path, source))?;
    check_readable_version(&conn, path)?;
    Ok(conn)
}

/// A connection to a database nobody can be writing: no locks, no log, no shared memory.
/// Refused when a log beside it holds changes the file lacks, which it would not see.
fn open_immutable(path: &Path) -> Result<Connection, KbError> {
    if has_log(path) {
        return Err(KbError::UncheckpointedReadOnly(path.to_path_buf()));
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let conn = Connection::open_with_flags(immutable_uri(path), flags)
        .map_err(|source| open_error(path, source))?;
    check_readable_version(&conn, path)?;
    Ok(conn)
}

/// Whether the database's write-ahead log holds changes not yet checkpointed into it.
fn has_log(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(&wal).is_ok_and(|wal| wal.len() > 0)
}

/// `file:` URI of a path with `immutable=1`; characters that a URI gives a meaning to are
/// escaped, so any file name works.
fn immutable_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for &byte in path.as_os_str().as_encoded_bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// Whether the file system's permissions forbid writing the database or creating files
/// beside it, for anyone.
fn cannot_be_written(path: &Path) -> bool {
    let read_only = |path: &Path| {
        std::fs::metadata(path).is_ok_and(|metadata| metadata.permissions().readonly())
    };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    read_only(path) || read_only(folder)
}

/// Whether opening failed for want of writing: SQLite could not create the shared memory or
/// the log that reading a WAL database needs.
fn needs_writing(err: &KbError) -> bool {
    let KbError::Open { source, .. } = err else {
        return false;
    };
    matches!(
        source.sqlite_error_code(),
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen)
    )
}

/// Refuses what is not a regular file (a FIFO, a socket, a device) before SQLite opens it:
/// SQLite would wait for ever on a FIFO.
fn check_is_file(path: &Path) -> Result<(), KbError> {
    use std::os::unix::fs::FileTypeExt;
    let Ok(metadata) = std::fs::metadata(path) else {
        return Ok(());
    };
    let kind = metadata.file_type();
    let what = if kind.is_dir() {
        return Err(KbError::Folder(path.to_path_buf()));
    } else if kind.is_fifo() {
        "a named pipe (FIFO)"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else {
        return Ok(());
    };
    Err(KbError::NotAFile {
        path: path.to_path_buf(),
        what,
    })
}

/// The schema version must be this dipkb's own to read the database.
fn check_readable_version(conn: &Connection, path: &Path) -> Result<(), KbError> {
    let found = check_identity(conn, path)?;
    let known = SCHEMA_VERSION;
    match found {
        0 => Err(KbError::Missing(path.to_path_buf())),
        found if found > known => Err(KbError::Newer {
            path: path.to_path_buf(),
            found,
            known,
        }),
        found if found < known => Err(KbError::Older {
            path: path.to_path_buf(),
            found,
            known,
        }),
        _ => Ok(()),
    }
}

/// Makes sure the file is an SQLite database that is empty or dipkb's, and returns its schema
/// version (0 for an empty database).
///
/// Its reads are one read transaction: another process creating the same database at this
/// moment claims the file, makes the migrations' record and migrates, each committed apart, and
/// reads of two of those moments would see a stranger's database (tables but no dipkb mark) or
/// one that lost its record (tables but no migration).
fn check_identity(conn: &Connection, path: &Path) -> Result<i64, KbError> {
    if !conn.is_autocommit() {
        return read_identity(conn, path);
    }
    conn.execute_batch("BEGIN")
        .map_err(|source| open_error(path, source))?;
    let found = read_identity(conn, path);
    // Only read: ending it cannot lose anything.
    let _ = conn.execute_batch("ROLLBACK");
    found
}

fn read_identity(conn: &Connection, path: &Path) -> Result<i64, KbError> {
    let not_dipkb = |reason: String| KbError::NotDipkb {
        path: path.to_path_buf(),
        reason,
    };
    let application_id: i32 =
        match conn.pragma_query_value(None, "application_id", |row| row.get(0)) {
            Ok(id) => id,
            Err(err) if err.sqlite_error_code() == Some(ErrorCode::NotADatabase) => {
                return Err(not_dipkb("it is not an SQLite database".into()));
            }
            Err(source) => return Err(open_error(path, source)),
        };
    let objects: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))
        .map_err(|source| open_error(path, source))?;
    match application_id {
        0 if objects == 0 => Ok(0),
        0 => Err(not_dipkb(
            "it is an SQLite database of another application".into(),
        )),
        APPLICATION_ID => {
            let version = schema_version(conn).map_err(|source| open_error(path, source))?;
            // Marked as ours and holding our tables, yet no record of their migrations: its
            // schema version cannot be known, and migrating it from nothing would fail
            // halfway. (A database being made holds the empty record alone until its
            // migrations commit, all in one transaction.)
            let tables: i64 = conn
                .query_row(
                    "SELECT count(*) FROM sqlite_schema WHERE tbl_name <> ?1",
                    [MIGRATIONS_TABLE],
                    |row| row.get(0),
                )
                .map_err(|source| open_error(path, source))?;
            if version == 0 && tables > 0 {
                return Err(KbError::NoMigrations {
                    path: path.to_path_buf(),
                    table: MIGRATIONS_TABLE,
                    missing: !has_table(conn, MIGRATIONS_TABLE)
                        .map_err(|source| open_error(path, source))?,
                });
            }
            Ok(version)
        }
        other => Err(not_dipkb(format!(
            "it belongs to another application (application_id {other:#010x})"
        ))),
    }
}

fn has_table(conn: &Connection, name: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
        [name],
        |row| row.get(0),
    )
}

/// The highest migration applied to the database.
pub fn schema_version(conn: &Connection) -> rusqlite::Result<i64> {
    if !has_table(conn, MIGRATIONS_TABLE)? {
        return Ok(0);
    }
    conn.query_row(
        &format!("SELECT ifnull(max(version), 0) FROM {MIGRATIONS_TABLE}"),
        [],
        |row| row.get(0),
    )
}

/// Version 6 hashes the stored folded words of every report; SQL has no SHA-256, so dipkb lends
/// the migration its own, only while it runs: no view or trigger may need it.
fn lend_key_hash(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        KEY_HASH_FUNCTION,
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            Ok(super::write::key_hash(
                ctx.get_raw(0).as_str().unwrap_or(""),
            ))
        },
    )
}

fn migrate(conn: &mut Connection, path: &Path) -> Result<(), KbError> {
    let migration_error = |message: String| KbError::Migration {
        path: path.to_path_buf(),
        message,
    };
    lend_key_hash(conn)?;
    // Migrations that make a table again drop the old one first (version 6): with foreign
    // keys on, dropping it would delete or empty every row that refers to it. They copy ids,
    // so the references hold again when the keys are turned back on. (SQLite ignores this
    // pragma inside a transaction, so it is set here, around refinery's.)
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let mut runner = embedded::migrations::runner().set_grouped(true);
    runner.set_migration_table_name(MIGRATIONS_TABLE);
    let result = runner.run(conn);
    conn.remove_function(KEY_HASH_FUNCTION, 1)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    result.map_err(|err| {
        // Another process holding the file is a busy database, to be waited for.
        if let refinery::error::Kind::Connection(_, source) = err.kind()
            && let Some(source) = source.downcast_ref::<rusqlite::Error>()
            && matches!(
                source.sqlite_error_code(),
                Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
            )
        {
            return KbError::Busy {
                path: path.to_path_buf(),
            };
        }
        migration_error(err.to_string())
    })?;
    conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    Ok(())
}

fn open_error(path: &Path, source: rusqlite::Error) -> KbError {
    match source.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => KbError::Busy {
            path: path.to_path_buf(),
        },
        _ => KbError::Open {
            path: path.to_path_buf(),
            source,
        },
    }
}

/// A database as a dipkb of schema `version` left it, for tests of migrations.
#[cfg(test)]
pub(crate) fn database_at(path: &Path, version: i64) -> Connection {
    let mut conn = Connection::open(path).unwrap();
    if version > 0 {
        let mut runner = embedded::migrations::runner()
            .set_grouped(true)
            .set_target(refinery::Target::Version(version as i32));
        runner.set_migration_table_name(MIGRATIONS_TABLE);
        lend_key_hash(&conn).unwrap();
        runner.run(&mut conn).unwrap();
        conn.remove_function(KEY_HASH_FUNCTION, 1).unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
    }
    conn
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_migration_is_the_schema_version() {
        let newest = embedded::migrations::runner()
            .get_migrations()
            .iter()
            .map(|m| i64::from(m.version()))
            .max();
        assert_eq!(newest, Some(SCHEMA_VERSION));
    }

    /// The whole schema after migrations, as SQLite stores it: any change to a table, index,
    /// view or trigger shows up here and must be a new migration.
    #[test]
    fn schema_after_migrations() {
        let dir = tempfile::tempdir().unwrap();
        let conn = open_for_write(&dir.path().join("kb.sqlite")).unwrap();
        let mut statement = conn
            .prepare(
                "SELECT type, name, sql FROM sqlite_schema \
                 WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' \
                 ORDER BY type, name",
            )
            .unwrap();
        let schema: Vec<String> = statement
            .query_map([], |row| {
                let (kind, name, sql): (String, String, String) =
                    (row.get(0)?, row.get(1)?, row.get(2)?);
                Ok(format!("-- {kind} {name}\n{sql};\n"))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        insta::assert_snapshot!(schema.join("\n"));
    }

    #[test]
    fn a_new_database_is_marked_as_dipkb_and_reopens() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.sqlite");
        drop(open_for_write(&path).unwrap());
        let conn = open_for_write(&path).unwrap();
        let id: i32 = conn
            .pragma_query_value(None, "application_id", |row| row.get(0))
            .unwrap();
        assert_eq!(id, APPLICATION_ID);
        assert_eq!(schema_version(&conn).unwrap(), SCHEMA_VERSION);
        let journal: String = conn
            .pragma_query_value(None, "journal_mode", |row| row.get(0))
            .unwrap();
        assert_eq!(journal, "wal");
        // Free pages can go back to the file system (schema V14; see `Store`'s drop).
        let vacuum: i64 = conn
            .pragma_query_value(None, "auto_vacuum", |row| row.get(0))
            .unwrap();
        assert_eq!(vacuum, 2, "incremental");
    }

    #[test]
    fn foreign_databases_are_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("notes.sqlite");
        std::fs::write(
            &text,
            "this is not a database, just text long enough to look at",
        )
        .unwrap();
        let before = std::fs::read(&text).unwrap();
        let err = open_for_write(&text).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("is not a dipkb database: it is not an SQLite database"),
            "{err}"
        );
        assert_eq!(std::fs::read(&text).unwrap(), before);

        let other = dir.path().join("other.sqlite");
        Connection::open(&other)
            .unwrap()
            .execute_batch("CREATE TABLE birds (name TEXT)")
            .unwrap();
        let err = open_for_write(&other).unwrap_err();
        assert!(err.to_string().contains("another application"), "{err}");
    }

    /// Makes the database look written by a newer dipkb.
    fn record_future_migration(conn: &Connection) {
        conn.execute(
            &format!(
                "INSERT INTO {MIGRATIONS_TABLE} (version, name, applied_on, checksum) \
                 VALUES (?1, 'future', '2030-01-01T00:00:00Z', '0')"
            ),
            [SCHEMA_VERSION + 1],
        )
        .unwrap();
    }

    #[test]
    fn newer_schemas_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.sqlite");
        let conn = open_for_write(&path).unwrap();
        record_future_migration(&conn);
        drop(conn);
        let err = open_for_write(&path).unwrap_err();
        assert!(matches!(err, KbError::Newer { .. }), "{err}");
        let err = open_read_only(&path).unwrap_err();
        assert!(err.to_string().contains("newer dipkb"), "{err}");
    }

    #[test]
    fn read_only_connections_refuse_writes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.sqlite");
        drop(open_for_write(&path).unwrap());
        let conn = open_read_only(&path).unwrap();
        assert!(conn.execute("DELETE FROM articles", []).is_err());
        let missing = open_read_only(&dir.path().join("absent.sqlite")).unwrap_err();
        assert!(matches!(missing, KbError::Missing(_)));
    }

    #[test]
    fn databases_of_every_earlier_version_upgrade_and_keep_their_data() {
        // Each version a migration makes (the numbers need not be consecutive).
        let versions: Vec<i64> = embedded::migrations::runner()
            .get_migrations()
            .iter()
            .map(|m| i64::from(m.version()))
            .filter(|&v| v < SCHEMA_VERSION)
            .collect();
        for version in versions {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("kb.sqlite");
            let conn = database_at(&path, version);
            assert_eq!(schema_version(&conn).unwrap(), version);
            conn.execute(
                "INSERT INTO articles (title, body, content_sha256, origin, extractor_version) \
                 VALUES ('Old', 'An article stored by an older dipkb.', 'x', 'old.txt', '0.1.0')",
                [],
            )
            .unwrap();
            if version >= 3 {
                // From version 3 the triggers queue full-text changes, and dipkb applies the
                // queue before every commit.
                crate::kb::apply_fts_pending(&conn).unwrap();
            }
            drop(conn);
            // Reading needs the new schema: say so rather than guess.
            let err = open_read_only(&path).unwrap_err();
            assert!(matches!(err, KbError::Older { .. }), "{err}");
            let conn = open_for_write(&path).unwrap();
            assert_eq!(
                schema_version(&conn).unwrap(),
                SCHEMA_VERSION,
                "from {version}"
            );
            let title: String = conn
                .query_row("SELECT title FROM articles", [], |row| row.get(0))
                .unwrap();
            assert_eq!(title, "Old");
            let copies: i64 = conn
                .query_row(
                    "SELECT count(*) FROM article_sources AS c JOIN articles AS a \
                     ON a.id = c.article_id WHERE c.title = 'Old' AND c.origin = 'old.txt'",
                    [],
                    |row| row.get(0),
                )
                .unwrap();
            // Version 8 made each stored article its first source; from version 8 on, dipkb
            // writes the source with the article, which the raw insert above does not.
            let expected = i64::from(version < 8);
            assert_eq!(
                copies, expected,
                "the copy it was stored from is its source"
            );
            let hits: i64 = conn
                .query_row(
                    "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'older'",
                    [],
                    |row| row.get(0),
                )
                .unwrap();
            assert_eq!(hits, 1, "the full-text index came along");
            let queued: i64 = conn
                .query_row("SELECT count(*) FROM fts_pending", [], |row| row.get(0))
                .unwrap();
            assert_eq!(
                queued, 0,
                "the rebuilt indexes leave nothing queued (from {version})"
            );
            // Against the content tables: a row indexed twice or not at all fails here.
            conn.execute_batch(
                "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1);
                 INSERT INTO statements_fts (statements_fts, rank) VALUES ('integrity-check', 1);",
            )
            .unwrap();
            drop(conn);
            assert!(open_read_only(&path).is_ok());
        }
    }

    /// Version 14 keeps the actor graph by codes, ordered by actor: a database of version 13
    /// (with its links as that version kept them, and a meeting changed behind dipkb's back
    /// still queued) has, after the upgrade, the links and pairs the views compute, and no queue;
    /// the evidence index by article keeps only the spans of roles.
    #[test]
    fn version_14_keeps_the_links_the_views_compute() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.sqlite");
        let conn = database_at(&path, 13);
        conn.execute_batch(
            "INSERT INTO actors (id, kind, name) VALUES (1, 'state', 'Russia'),
                 (2, 'organisation', 'NATO'), (3, 'person', 'Anna Kalomira'),
                 (4, 'state', 'Norway');
             INSERT INTO meetings (id, status, date) VALUES (1, 'held', '2022-01-12'),
                 (2, 'planned', '2022-02'), (3, 'cancelled', NULL);
             INSERT INTO meeting_participants (meeting_id, actor_id, implied) VALUES
                 (1, 1, 0), (1, 2, 0), (1, 3, 0), (1, 4, 1), (2, 1, 0), (2, 2, 0),
                 (3, 3, 0), (3, 4, 0);
             INSERT INTO demands (id, by_actor_id, by_party_id, of_actor_id, text, date, answer,
                 answered_by_id, answer_date) VALUES
                 (1, 3, 1, 2, 'withdrawal', '2022-01-12', 'rejected', 2, '2022-01-26'),
                 (2, 1, 1, 4, 'talks', NULL, 'unknown', NULL, NULL);
             INSERT INTO relation_links (event, event_id, actor_id, other_id, relation, date)
             SELECT event, event_id, actor_id, other_id, relation, date FROM relationship_events;
             INSERT INTO relation_pairs (actor_id, other_id, relation, events, first_date, last_date)
             SELECT actor_id, other_id, relation, count(*), min(date), max(date)
             FROM relation_links GROUP BY actor_id, other_id, relation;
             DELETE FROM relation_pending;
             UPDATE meetings SET status = 'held', date = '2022-02-03' WHERE id = 2;",
        )
        .unwrap();
        let queued: i64 = conn
            .query_row("SELECT count(*) FROM relation_pending", [], |row| {
                row.get(0)
            })
            .unwrap();
        assert_eq!(queued, 1);
        type Link = (String, i64, i64, i64, String, Option<String>);
        let links = |conn: &Connection, sql: &str| -> Vec<Link> {
            conn.prepare(sql)
                .unwrap()
                .query_map([], |row| {
                    Ok((
                        row.get(0)?,
                        row.get(1)?,
                        row.get(2)?,
                        row.get(3)?,
                        row.get(4)?,
                        row.get(5)?,
                    ))
                })
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap()
        };
        let events = |conn: &Connection| {
            links(
                conn,
                "SELECT event, event_id, actor_id, other_id, relation, date \
                 FROM relationship_events ORDER BY 1, 2, 3, 4, 5",
            )
        };
        let before = events(&conn);
        drop(conn);
        let conn = open_for_write(&path).unwrap();
        assert_eq!(events(&conn), before);
        let kept = links(
            &conn,
            "SELECT CASE l.event WHEN 0 THEN 'meeting' WHEN 1 THEN 'demand' END, l.event_id, \
                 l.actor_id, l.other_id, k.name, l.date \
             FROM relation_links AS l JOIN relation_kinds AS k ON k.id = l.relation \
             ORDER BY 1, 2, 3, 4, 5",
        );
        assert_eq!(kept, before);
        // Meeting 2 as it is now (held), the rejection dated by its answer, the implied party
        // left out, and the person and the party that made demand 1 both linked.
        assert!(kept.contains(&(
            "meeting".into(),
            2,
            1,
            2,
            "met".into(),
            Some("2022-02-03".into())
        )));
        assert!(kept.contains(&("meeting".into(), 3, 3, 4, "meeting_cancelled".into(), None)));
        assert!(kept.contains(&(
            "demand".into(),
            1,
            2,
            1,
            "rejected_demand_of".into(),
            Some("2022-01-26".into())
        )));
        assert!(kept.contains(&(
            "demand".into(),
            1,
            3,
            2,
            "demanded_of".into(),
            Some("2022-01-12".into())
        )));
        assert!(!kept.iter().any(|link| link.2 == 4 && link.1 == 1));
        let differ: i64 = conn
            .query_row(
                "SELECT (SELECT count(*) FROM (
                     SELECT p.actor_id, p.other_id, k.name, p.events, p.first_date, p.last_date
                     FROM relation_pairs AS p JOIN relation_kinds AS k ON k.id = p.relation
                     EXCEPT SELECT actor_id, other_id, relation, events, first_date, last_date
                     FROM relationships))
                 + (SELECT count(*) FROM relationships) - (SELECT count(*) FROM relation_pairs)
                 + (SELECT count(*) FROM relation_pending)",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(differ, 0);
        let index: String = conn
            .query_row(
                "SELECT sql FROM sqlite_master WHERE name = 'idx_evidence_spans_article_id'",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert!(
            index.ends_with("WHERE person_role_id IS NOT NULL"),
            "{index}"
        );
    }

    /// Version 10 holds a statement's words as a span of an article body: a database of
    /// version 9 keeps every statement, word for word, and its full-text index.
    #[test]
    fn version_10_keeps_every_statement_and_holds_words_as_spans() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.sqlite");
        let conn = database_at(&path, 9);
        conn.execute_batch(
            "INSERT INTO articles (id, title, body, content_sha256, origin, extractor_version) \
             VALUES (1, 'T', '“Peace is near,” said Ms. Çelik. Talks went on; peace is near.', \
                 'x', 'a.txt', '0.1.0');
             INSERT INTO statements (id, kind, text) VALUES
                 (1, 'direct', 'Peace is near,'), (2, 'indirect', 'Talks went on'),
                 (3, 'indirect', 'words no article holds'), (4, 'direct', 'Çelik');
             INSERT INTO statement_reports (id, statement_id, article_id, position, kind, text,
                 text_hash) VALUES
                 (1, 1, 1, 0, 'direct', NULL, 1), (2, 2, 1, 1, 'indirect', 'Talks went on', 2),
                 (3, 3, 1, 2, 'indirect', 'words no article holds', 3),
                 (4, 4, 1, 3, 'direct', NULL, 4);
             INSERT INTO evidence_spans (article_id, statement_report_id, aspect, span_start,
                 span_end) VALUES (1, 1, 'fact', 1, 15), (1, 2, 'fact', 0, 40),
                 (1, 4, 'fact', 26, 31);",
        )
        .unwrap();
        crate::kb::apply_fts_pending(&conn).unwrap();
        let words = |conn: &Connection| -> Vec<(i64, String)> {
            conn.prepare(
                "SELECT id, text FROM statements UNION ALL \
                 SELECT -id, text FROM statement_report_words ORDER BY 1",
            )
            .unwrap()
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
        };
        let before = words(&conn);
        drop(conn);
        let conn = open_for_write(&path).unwrap();
        assert_eq!(words(&conn), before);
        // Each statement's id, the article and first character of its words, and its own copy.
        type Held = (i64, Option<i64>, Option<i64>, Option<String>);
        let held: Vec<Held> = conn
            .prepare(
                "SELECT id, text_article_id, text_start, text FROM statement_facts ORDER BY id",
            )
            .unwrap()
            .query_map([], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            held,
            [
                (1, Some(1), Some(1), None),
                (2, Some(1), Some(33), None),
                (3, None, None, Some("words no article holds".into())),
                (4, Some(1), Some(26), None),
            ]
        );
        // A report keeps its own words only where no body holds them.
        let reports: Vec<(i64, Option<String>, Option<i64>)> = conn
            .prepare("SELECT id, text, text_start FROM statement_reports ORDER BY id")
            .unwrap()
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            reports,
            [
                (1, None, None),
                (2, None, Some(33)),
                (3, Some("words no article holds".into()), None),
                (4, None, None),
            ]
        );
        let search = |conn: &Connection, words: &str| -> Vec<String> {
            conn.prepare(
                "SELECT highlight(statements_fts, 0, '[', ']') FROM statements_fts \
                 WHERE statements_fts MATCH ?1 ORDER BY rowid",
            )
            .unwrap()
            .query_map([words], |row| row.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
        };
        assert_eq!(search(&conn, "peace"), ["[Peace] is near,"]);
        assert_eq!(search(&conn, "celik"), ["[Çelik]"]);
        // Words written through the view are held as given; the index follows every change.
        conn.execute_batch(
            "UPDATE statements SET text = 'Talks resumed', speaker_id = NULL WHERE id = 2;
             DELETE FROM statements WHERE id = 4;
             INSERT INTO statements (kind, text) VALUES ('direct', 'Peace at last');",
        )
        .unwrap();
        crate::kb::apply_fts_pending(&conn).unwrap();
        assert_eq!(search(&conn, "talks"), ["[Talks] resumed"]);
        assert!(search(&conn, "celik").is_empty());
        assert_eq!(search(&conn, "peace").len(), 2);
        for check in [
            "INSERT INTO statements_fts (statements_fts, rank) VALUES ('integrity-check', 1)",
            "INSERT INTO statements_fts (statements_fts) VALUES ('rebuild')",
            "INSERT INTO statements_fts (statements_fts, rank) VALUES ('integrity-check', 1)",
        ] {
            conn.execute(check, []).unwrap();
        }
        assert_eq!(search(&conn, "peace").len(), 2);
    }

    /// Issue #13: Datasette and sqlite-utils find a table's full-text index by this query
    /// (sqlite-utils' `Table.detect_fts`, which Datasette's `detect_fts` matches), so each
    /// indexed table must answer it with its index.
    #[test]
    fn datasette_and_sqlite_utils_find_the_full_text_indexes() {
        let dir = tempfile::tempdir().unwrap();
        let conn = open_for_write(&dir.path().join("kb.sqlite")).unwrap();
        for (table, index) in [
            ("statements", "statements_fts"),
            ("articles", "articles_fts"),
        ] {
            let found: Vec<String> = conn
                .prepare(
                    "SELECT name FROM sqlite_master
                        WHERE rootpage = 0
                        AND (
                            sql LIKE :like
                            OR sql LIKE :like2
                            OR (
                                tbl_name = :table
                                AND sql LIKE '%VIRTUAL TABLE%USING FTS%'
                            )
                        )",
                )
                .unwrap()
                .query_map(
                    rusqlite::named_params! {
                        ":like": format!("%VIRTUAL TABLE%USING FTS%content=[{table}]%"),
                        ":like2": format!("%VIRTUAL TABLE%USING FTS%content=\"{table}\"%"),
                        ":table": table,
                    },
                    |row| row.get(0),
                )
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            assert_eq!(found, [index], "{table}");
        }
    }

    /// Issue #14, item 14: a database that cannot be written is read immutable, whatever its
    /// name holds; but not past a log with changes the file lacks, which it would not see.
    #[test]
    fn immutable_reading_takes_any_name_and_refuses_a_full_log() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb #1?%.sqlite");
        let conn = open_for_write(&path).unwrap();
        conn.execute(
            "INSERT INTO articles (title, body, content_sha256, origin, extractor_version) \
             VALUES ('T', 'B', 'x', 'o', '0')",
            [],
        )
        .unwrap();
        drop(conn);
        assert!(immutable_uri(&path).ends_with("kb%20%231%3F%25.sqlite?immutable=1"));
        let conn = open_immutable(&path).unwrap();
        let count: i64 = conn
            .query_row("SELECT count(*) FROM articles", [], |row| row.get(0))
            .unwrap();
        assert_eq!(count, 1);
        drop(conn);
        let mut wal = path.as_os_str().to_owned();
        wal.push("-wal");
        std::fs::write(&wal, b"changes").unwrap();
        let err = open_immutable(&path).unwrap_err();
        assert!(matches!(err, KbError::UncheckpointedReadOnly(_)), "{err}");
        assert!(err.to_string().contains("write-ahead log"), "{err}");
    }

    #[test]
    fn a_newer_database_is_left_byte_for_byte_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.sqlite");
        let conn = open_for_write(&path).unwrap();
        record_future_migration(&conn);
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        drop(conn);
        let before = std::fs::read(&path).unwrap();
        assert!(open_for_write(&path).is_err());
        assert!(open_read_only(&path).is_err());
        assert_eq!(std::fs::read(&path).unwrap(), before);
        let wal = dir.path().join("kb.sqlite-wal");
        assert!(!wal.exists() || std::fs::metadata(&wal).unwrap().len() == 0);
    }
}
