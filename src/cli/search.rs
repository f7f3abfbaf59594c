use std::path::Path;
use std::process::ExitCode;

use crate::kb;
use crate::query::{self, SearchIn};
use crate::render::Format;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Words that must all occur; "quoted words" together; word* as a prefix.
    text: String,

    /// Where to search.
    #[arg(long = "in", value_enum, default_value_t = SearchIn::All)]
    within: SearchIn,

    /// At most this many statements and this many articles, the most relevant first. Words that
    /// match more than 5,000 statements (or articles) are ranked among the 5,000 stored last;
    /// add words to reach further back.
    #[arg(long, value_name = "N", default_value_t = 20)]
    limit: usize,

    /// Output format. Matching words are marked [like this] in the snippet.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

/// Exit code 1 when nothing matches.
pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let conn = kb::open_read_only(db)?;
    let rows = query::search(&conn, &args.text, args.within, args.limit)?;
    super::print_rows(&rows, args.format)?;
    Ok(super::found(!rows.is_empty()))
}
