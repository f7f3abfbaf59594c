use std::path::Path;
use std::process::ExitCode;

use crate::kb;
use crate::query;
use crate::render::Format;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// One SQL statement; the connection is read-only, so writes are refused.
    query: String,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

/// Exit code 1 when the query returns no rows, as grep does when nothing matches.
pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let conn = kb::open_read_only(db)?;
    let rows = query::sql(&conn, &args.query)?;
    super::print_rows(&rows, args.format)?;
    Ok(if rows.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
