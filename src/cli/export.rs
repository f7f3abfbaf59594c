use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::kb;
use crate::query::{self, ExportFormat};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// File format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
    format: ExportFormat,

    /// Folder to write to (created if missing); files in it with the same names are replaced.
    #[arg(long, value_name = "DIR", default_value = "dipkb-export")]
    out: PathBuf,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let conn = kb::open_read_only(db)?;
    let written = query::export(&conn, &args.out, args.format)?;
    for file in &written {
        super::tell(format_args!(
            "{:>8} rows  {}",
            file.rows,
            file.path.display()
        ));
    }
    Ok(ExitCode::SUCCESS)
}
