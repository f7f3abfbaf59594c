use std::path::Path;
use std::process::ExitCode;

use crate::kb;
use crate::query;
use crate::render::Format;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let conn = kb::open_read_only(db)?;
    let rows = query::stats(&conn)?;
    super::print_rows(&rows, args.format)?;
    Ok(ExitCode::SUCCESS)
}
