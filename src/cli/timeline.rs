use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::kb;
use crate::query::{self, EventKind, TimelineFilter};
use crate::render::Format;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Events involving this actor, by any name or alias ("Moscow" finds Russia); also the
    /// persons affiliated with it unless --exact. Repeat for events involving any of several.
    #[arg(long, value_name = "NAME")]
    actor: Vec<String>,

    /// Only events that also involve this actor.
    #[arg(long, value_name = "NAME")]
    with: Option<String>,

    /// Actor filters match the named actors only, not the persons affiliated with them.
    #[arg(long)]
    exact: bool,

    /// Events on or after this day (an event dated to a month counts if the month reaches it);
    /// a month (YYYY-MM) or a year (YYYY) means its first day.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::parse_since)]
    since: Option<NaiveDate>,

    /// Events on or before this day; a month (YYYY-MM) or a year (YYYY) means its last day.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::parse_until)]
    until: Option<NaiveDate>,

    /// Only events of this kind.
    #[arg(long, value_enum)]
    kind: Option<EventKind>,

    /// Only meetings at this place (case-insensitive).
    #[arg(long, value_name = "PLACE")]
    place: Option<String>,

    /// At most this many events (the earliest).
    #[arg(long, value_name = "N", conflicts_with = "last")]
    limit: Option<usize>,

    /// Only the latest N events, still in date order; fast however many the actor has.
    #[arg(long, value_name = "N")]
    last: Option<usize>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

/// Exit code 1 when no event passes the filter.
pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let conn = kb::open_read_only(db)?;
    let mut filter = TimelineFilter {
        dates: super::date_range(args.since, args.until)?,
        kind: args.kind,
        place: args.place,
        limit: args.limit,
        last: args.last,
        ..TimelineFilter::default()
    };
    for name in &args.actor {
        filter
            .actors
            .push(query::actor_set(&conn, name, args.exact)?);
    }
    if let Some(name) = &args.with {
        filter.with = Some(query::actor_set(&conn, name, args.exact)?);
    }
    let rows = query::timeline(&conn, &filter)?;
    super::print_rows(&rows, args.format)?;
    Ok(super::found(!rows.is_empty()))
}
