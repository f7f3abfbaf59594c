use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;

use crate::kb;
use crate::query::{self, RelationsFilter};
use crate::render::Format;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RelationsFormat {
    Table,
    Json,
    Csv,
    /// Graphviz: `dipkb relations --format dot | dot -Tsvg > graph.svg`.
    Dot,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Links of this actor (by any name or alias), and unless --exact of the persons
    /// affiliated with it.
    #[arg(long, value_name = "NAME")]
    actor: Option<String>,

    /// The actor filter matches the named actor only.
    #[arg(long)]
    exact: bool,

    /// Links from events on or after this day; a month or a year means its first day.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::parse_since)]
    since: Option<NaiveDate>,

    /// Links from events on or before this day; a month or a year means its last day.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::parse_until)]
    until: Option<NaiveDate>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = RelationsFormat::Table)]
    format: RelationsFormat,
}

/// Exit code 1 when there is no link to show.
pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let conn = kb::open_read_only(db)?;
    let filter = RelationsFilter {
        actor: match &args.actor {
            Some(name) => Some(query::actor_set(&conn, name, args.exact)?),
            None => None,
        },
        dates: super::date_range(args.since, args.until)?,
    };
    let rows = query::relations(&conn, &filter)?;
    let format = match args.format {
        RelationsFormat::Table => Format::Table,
        RelationsFormat::Json => Format::Json,
        RelationsFormat::Csv => Format::Csv,
        RelationsFormat::Dot => {
            let mut out = std::io::stdout().lock();
            out.write_all(query::relations_dot(&rows).as_bytes())
                .and_then(|()| out.flush())
                .context("cannot write to stdout")?;
            return Ok(super::found(!rows.is_empty()));
        }
    };
    super::print_rows(&rows, format)?;
    Ok(super::found(!rows.is_empty()))
}
