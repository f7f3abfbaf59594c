use std::path::Path;
use std::process::ExitCode;

use crate::kb;
use crate::query::{self, QueryError};
use crate::render::Format;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The id, as `timeline` and the views show it.
    id: i64,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

#[derive(Debug, Clone, Copy)]
pub enum Record {
    Meeting,
    Statement,
    Demand,
}

/// Exit code 1 when there is no record with that id.
pub fn run(db: &Path, record: Record, args: Args) -> anyhow::Result<ExitCode> {
    let conn = kb::open_read_only(db)?;
    let doc = match record {
        Record::Meeting => query::meeting_record(&conn, args.id),
        Record::Statement => query::statement_record(&conn, args.id),
        Record::Demand => query::demand_record(&conn, args.id),
    };
    match doc {
        Ok(doc) => {
            super::print_document(&doc, args.format)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(err @ QueryError::NotFound(..)) => {
            super::tell(format_args!("error: {err}"));
            Ok(ExitCode::from(1))
        }
        Err(err) => Err(err.into()),
    }
}
