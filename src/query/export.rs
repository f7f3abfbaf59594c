//! Every table and view as one file each, for pandas, R or a spreadsheet.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::QueryError;
use crate::render::{self, Value};

/// Where rows go.
enum Sink {
    Csv(Box<csv::Writer<BufWriter<File>>>),
    Jsonl(BufWriter<File>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ExportFormat {
    /// One JSON object per line, keys in column order; codes and dates are JSON strings.
    #[default]
    Jsonl,
    /// RFC 4180 CSV with a header row; NULL is an empty field. Codes such as CAMEO "046" are
    /// written as they are stored, but CSV has no types: tell pandas or R to read code and date
    /// columns as text (docs/schema.md has the hint).
    Csv,
}

impl ExportFormat {
    fn extension(self) -> &'static str {
        match self {
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Csv => "csv",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write {path}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Query(#[from] QueryError),
}

impl From<rusqlite::Error> for ExportError {
    fn from(err: rusqlite::Error) -> ExportError {
        ExportError::Query(QueryError::Sqlite(err))
    }
}

/// What was written: each file with its row count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    pub name: String,
    pub path: PathBuf,
    pub rows: u64,
}

/// The tables and views worth exporting: ours, not SQLite's, refinery's or FTS5's internals,
/// nor the queues of full-text and relation changes (empty between transactions), nor
/// `relation_links` and `relation_pairs`, which hold what the views `relationship_events` and
/// `relationships` give, by ids (and `relation_kinds`, the names of their codes).
fn relations(conn: &Connection) -> Result<Vec<(String, bool)>, QueryError> {
    let mut statement = conn.prepare(
        "SELECT name, type = 'table' FROM sqlite_schema \
         WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' \
         AND name NOT LIKE '%\\_fts%' ESCAPE '\\' \
         AND name NOT IN ('schema_migrations', 'fts_pending', 'relation_pending', \
             'relation_pairs_pending', 'relation_links', 'relation_pairs', 'relation_kinds') \
         ORDER BY type, name",
    )?;
    let names = statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Result<_, _>>()?;
    Ok(names)
}

/// The file name a table or view is written to: its name with every byte other than an ASCII
/// letter, digit, `_` or `-` written as `%XX`. A name comes from the database, which anyone may
/// have crafted, so it must not be able to name a path: the result is one path component, never
/// `.` or `..` and never hidden, and different names give different files.
fn file_stem(name: &str) -> String {
    let mut stem = String::with_capacity(name.len());
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'-' {
            stem.push(char::from(byte));
        } else {
            stem.push_str(&format!("%{byte:02X}"));
        }
    }
    stem
}

/// A name quoted as an SQL identifier, whatever it holds.
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Opens a new file for writing, never through a link or over a file already there, so that
/// nothing outside the export folder is written whatever the folder holds.
fn create_fresh(path: &Path) -> std::io::Result<File> {
    match std::fs::remove_file(path) {
        Ok(()) => {}
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
        Err(err) => return Err(err),
    }
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
}

/// Writes every table and view to `dir` (created if missing), one file each, in a stable
/// order: tables by id, views by all their columns. Each file is written beside its final name
/// and renamed into place, so a failed export leaves no half-written file. File names are made
/// from table names by [`file_stem`], so every file written lies directly in `dir`.
pub fn export(
    conn: &Connection,
    dir: &Path,
    format: ExportFormat,
) -> Result<Vec<Exported>, ExportError> {
    std::fs::create_dir_all(dir).map_err(|source| ExportError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut done = Vec::new();
    for (name, is_table) in relations(conn)? {
        let stem = file_stem(&name);
        let path = dir.join(format!("{stem}.{}", format.extension()));
        let partial = dir.join(format!(".{stem}.{}.partial", format.extension()));
        let io_error = |source| ExportError::Write {
            path: path.clone(),
            source,
        };
        let statement = conn.prepare(&format!("SELECT * FROM {} LIMIT 0", quoted(&name)))?;
        let width = statement.column_count();
        drop(statement);
        let order: Vec<String> = (1..=width).map(|i| i.to_string()).collect();
        let sql = if is_table {
            format!("SELECT * FROM {} ORDER BY rowid", quoted(&name))
        } else {
            format!(
                "SELECT * FROM {} ORDER BY {}",
                quoted(&name),
                order.join(", ")
            )
        };
        let mut statement = conn.prepare(&sql)?;
        let columns: Vec<String> = statement.column_names().map(String::from).collect();
        let file = BufWriter::new(create_fresh(&partial).map_err(io_error)?);
        let mut sink = match format {
            ExportFormat::Csv => {
                let mut writer = csv::Writer::from_writer(file);
                writer
                    .write_record(&columns)
                    .map_err(|e| io_error(e.into()))?;
                Sink::Csv(Box::new(writer))
            }
            ExportFormat::Jsonl => Sink::Jsonl(file),
        };
        let mut rows = statement.query([])?;
        let mut count = 0;
        let mut cells = Vec::with_capacity(width);
        while let Some(row) = rows.next()? {
            count += 1;
            cells.clear();
            for i in 0..width {
                cells.push(super::value_of(row.get_ref(i)?)?);
            }
            match &mut sink {
                Sink::Csv(writer) => writer
                    .write_record(cells.iter().map(Value::plain_text))
                    .map_err(|e| io_error(e.into()))?,
                Sink::Jsonl(out) => {
                    render::write_json_row(&columns, &cells, out).map_err(io_error)?
                }
            }
        }
        let file = match sink {
            Sink::Csv(writer) => writer.into_inner().map_err(|e| io_error(e.into_error()))?,
            Sink::Jsonl(file) => file,
        };
        file.into_inner()
            .map_err(|e| io_error(e.into_error()))?
            .sync_all()
            .map_err(io_error)?;
        std::fs::rename(&partial, &path).map_err(io_error)?;
        done.push(Exported {
            name,
            path,
            rows: count,
        });
    }
    Ok(done)
}
