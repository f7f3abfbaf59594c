use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Duration;

use anyhow::Context;
use rusqlite::ErrorCode;

use crate::kb;
use crate::query;
use crate::render::{Format, RowStream};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// One SQL statement; the connection is read-only, so writes are refused.
    query: String,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,

    /// Seconds the query may run before it is stopped (0: no limit).
    #[arg(long, value_name = "SECONDS", default_value = "10", value_parser = super::parse_seconds)]
    timeout: Duration,

    /// Rows the query may return; one that returns more is stopped after them (0: no limit).
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    max_rows: u64,
}

/// Exit code 1 when the query returns no rows, as grep does when nothing matches; 2 when it
/// was stopped at its time or row limit, after printing the rows it had returned. CSV and
/// JSON rows are printed as they come, so memory does not grow with the result.
pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let conn = kb::open_read_only(db)?;
    let mut statement = query::prepare_sql(&conn, &args.query)?;
    let columns: Vec<String> = statement.column_names().map(String::from).collect();
    let width = columns.len();
    let _deadline = (!args.timeout.is_zero()).then(|| Deadline::start(&conn, args.timeout));
    let mut stdout = std::io::stdout().lock();
    let mut stream =
        RowStream::new(args.format, columns, &mut stdout).context("cannot write to stdout")?;
    let mut rows = statement.query([])?;
    let mut count = 0;
    let stopped = loop {
        let row = match rows.next() {
            Ok(Some(row)) => row,
            Ok(None) => break None,
            Err(err) if err.sqlite_error_code() == Some(ErrorCode::OperationInterrupted) => {
                break Some(format!(
                    "the query ran longer than {} and was stopped; --timeout SECONDS gives it \
                     longer (0: no limit)",
                    seconds(args.timeout)
                ));
            }
            Err(err) => return Err(err.into()),
        };
        if args.max_rows > 0 && count == args.max_rows {
            break Some(format!(
                "the query returns more than {} rows and was stopped after them; --max-rows N \
                 shows more (0: no limit)",
                args.max_rows
            ));
        }
        let mut cells = Vec::with_capacity(width);
        for index in 0..width {
            cells.push(query::value_of(row.get_ref(index)?)?);
        }
        stream.push(cells).context("cannot write to stdout")?;
        count += 1;
    };
    stream.finish().context("cannot write to stdout")?;
    stdout.flush().context("cannot write to stdout")?;
    if let Some(message) = stopped {
        anyhow::bail!(message);
    }
    Ok(super::found(count > 0))
}

/// "10 s", "0.5 s".
fn seconds(duration: Duration) -> String {
    format!("{} s", duration.as_secs_f64())
}

/// Interrupts the statement running on a connection when its time is up, unless dropped first.
struct Deadline {
    cancel: Option<mpsc::Sender<()>>,
    watcher: Option<std::thread::JoinHandle<()>>,
}

impl Deadline {
    fn start(conn: &rusqlite::Connection, after: Duration) -> Deadline {
        let handle = conn.get_interrupt_handle();
        let (cancel, cancelled) = mpsc::channel::<()>();
        let watcher = std::thread::spawn(move || {
            if cancelled.recv_timeout(after) == Err(mpsc::RecvTimeoutError::Timeout) {
                handle.interrupt();
            }
        });
        Deadline {
            cancel: Some(cancel),
            watcher: Some(watcher),
        }
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        // Dropping the sender wakes the watcher, which then ends without interrupting.
        drop(self.cancel.take());
        if let Some(watcher) = self.watcher.take() {
            let _ = watcher.join();
        }
    }
}
