//! The command line: one file per subcommand. Everything here may use `anyhow`; the library
//! modules below return typed errors.

mod actor;
mod completions;
mod eval;
mod export;
mod extract;
mod ingest;
mod man;
mod migrate;
mod record;
mod relations;
mod search;
mod sql;
mod stats;
mod synth;
mod timeline;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use clap::{ArgAction, Parser, Subcommand};

use crate::render::{self, Format, Rows};
use crate::text::Lexicon;

/// Diplomatic events from news reports and readouts, as an SQLite knowledge base.
#[derive(Debug, Parser)]
#[command(
    name = "dipkb",
    version,
    propagate_version = true,
    after_help = examples::DIPKB
)]
pub struct Cli {
    /// The knowledge base file.
    #[arg(
        long,
        global = true,
        env = "DIPKB_DB",
        default_value = "dipkb.sqlite",
        value_name = "PATH"
    )]
    pub db: PathBuf,

    /// More detail: logs on stderr (-v: each file, -vv: debugging; RUST_LOG overrides), and
    /// each missed and spurious fact for `eval`.
    #[arg(short, long, global = true, action = ArgAction::Count)]
    pub verbose: u8,

    /// A folder of CSV files that extend the built-in dictionaries (states.csv,
    /// organisations.csv, places.csv, titles.csv, speech_verbs.csv, demand_cues.csv,
    /// meeting_cues.csv, action_verbs.csv, status_cues.csv, event_codes.csv,
    /// officeholders.csv; same columns as data/dictionaries).
    #[arg(long, global = true, env = "DIPKB_DICTIONARIES", value_name = "DIR")]
    pub dictionaries: Option<PathBuf>,

    /// Seconds to wait for another dipkb (or any writer) to finish with the database before
    /// giving up with "busy".
    #[arg(
        long,
        global = true,
        env = "DIPKB_BUSY_TIMEOUT",
        default_value_t = 10.0,
        value_name = "SECONDS",
        value_parser = parse_busy_timeout
    )]
    pub busy_timeout: f64,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles from files, folders or stdin (`-`), extract their facts and store them.
    #[command(after_help = examples::INGEST)]
    Ingest(ingest::Args),
    /// Show what would be extracted from an article, without storing anything.
    #[command(after_help = examples::EXTRACT)]
    Extract(extract::Args),
    /// Score extraction against the gold annotations (*.gold.json) in a folder.
    #[command(after_help = examples::EVAL)]
    Eval(eval::Args),
    /// Events in date order: meetings, statements and demands, with who, where and how many
    /// sources.
    #[command(after_help = examples::TIMELINE)]
    Timeline(timeline::Args),
    /// Who met whom, who demanded what of whom, who rejected whose demand.
    #[command(after_help = examples::RELATIONS)]
    Relations(relations::Args),
    /// An actor's profile; or, with alias, merge, rename or unjoin, a correction kept across ingests.
    #[command(after_help = examples::ACTOR)]
    Actor(actor::Args),
    /// A meeting with its participants, statements, demands, the copies of the articles that
    /// report it (outlet, address, date) and the words of each source.
    #[command(after_help = examples::MEETING)]
    Meeting(record::Args),
    /// A statement with the copies of the articles that report it and the words of each.
    #[command(after_help = examples::STATEMENT)]
    Statement(record::Args),
    /// A demand with its answer, the copies of the articles that report it and the words of
    /// each.
    #[command(after_help = examples::DEMAND)]
    Demand(record::Args),
    /// Full-text search of statements and articles.
    #[command(after_help = examples::SEARCH)]
    Search(search::Args),
    /// Write every table and view to files for pandas, R or a spreadsheet.
    #[command(after_help = examples::EXPORT)]
    Export(export::Args),
    /// Count what the knowledge base holds.
    #[command(after_help = examples::STATS)]
    Stats(stats::Args),
    /// Run one read-only SQL query against the knowledge base.
    #[command(after_help = examples::SQL)]
    Sql(sql::Args),
    /// Bring a database made by an older dipkb up to this version's schema.
    #[command(after_help = examples::MIGRATE)]
    Migrate,
    /// Print a shell's completion script for dipkb on stdout.
    #[command(after_help = examples::COMPLETIONS)]
    Completions(completions::Args),
    /// Print dipkb's manual page (roff) on stdout.
    #[command(after_help = examples::MAN)]
    Man,
    /// Write a synthetic corpus as JSON Lines, for benchmarks.
    #[command(hide = true, after_help = examples::SYNTH)]
    Synth(synth::Args),
}

/// The examples that end each subcommand's help: one command line a user can copy for each
/// common use.
mod examples {
    pub const DIPKB: &str = "\
Examples:
  dipkb ingest data/samples && dipkb timeline --actor Moscow
  dipkb --db archive.sqlite search ransomware
  dipkb help timeline                            # each command's options and examples";

    pub const INGEST: &str = "\
Examples:
  dipkb ingest data/samples                      # a folder, recursively
  dipkb ingest feed.jsonl report.txt             # files: .txt, .md, .json, .jsonl
  dipkb ingest --published 2022-03-10 antalya.txt
  curl -s https://example.org/a.txt | dipkb ingest -
  dipkb ingest --reprocess                       # extract every stored article again";

    pub const EXTRACT: &str = "\
Examples:
  dipkb extract antalya.txt
  dipkb extract --published 2022-03-10 --format json antalya.txt";

    pub const EVAL: &str = "\
Examples:
  dipkb eval data/samples
  dipkb -v eval data/samples                     # every miss and spurious fact
  dipkb eval data/samples --min statements=0.9 --min demands=0.8";

    pub const TIMELINE: &str = "\
Examples:
  dipkb timeline --actor Moscow --until 2021-12-31
  dipkb timeline --actor \"Kim Jong Un\" --with \"Donald Trump\" --kind meeting
  dipkb timeline --since 2021-06 --until 2021-06 --place Geneva
  dipkb timeline --actor Russia --last 20 --format csv";

    pub const RELATIONS: &str = "\
Examples:
  dipkb relations --actor \"Kim Jong Un\"
  dipkb relations --since 2022 --format csv
  dipkb relations --format dot | dot -Tsvg > relations.svg";

    pub const ACTOR: &str = "\
Examples:
  dipkb actor Erdogan                            # a profile, by any name, code or alias
  dipkb actor alias \"Vladimir Putin\" VVP
  dipkb actor rename \"Joe Biden\" \"Joseph R. Biden\"
  dipkb actor merge \"Edgars Rinkēvičs\" \"Edgars Rinkevics\"";

    pub const MEETING: &str = "\
Examples:
  dipkb meeting 1
  dipkb meeting 1 --format json";

    pub const STATEMENT: &str = "\
Examples:
  dipkb statement 4
  dipkb statement 4 --format json";

    pub const DEMAND: &str = "\
Examples:
  dipkb demand 2
  dipkb demand 2 --format json";

    pub const SEARCH: &str = "\
Examples:
  dipkb search ransomware
  dipkb search --in statements '\"new cold war\"'
  dipkb search 'ceasefire negot*' --limit 5 --format json";

    pub const EXPORT: &str = "\
Examples:
  dipkb export --out export/                     # JSON Lines
  dipkb export --format csv --out export/";

    pub const STATS: &str = "\
Examples:
  dipkb stats
  dipkb --db archive.sqlite stats --format json";

    pub const SQL: &str = "\
Examples:
  dipkb sql \"SELECT date, event, summary FROM timeline WHERE actors LIKE '%Putin%' ORDER BY date\"
  dipkb sql --format csv --max-rows 0 \"SELECT * FROM statement_list ORDER BY id\" > statements.csv";

    pub const MIGRATE: &str = "\
Examples:
  dipkb migrate
  dipkb --db old.sqlite migrate";

    pub const COMPLETIONS: &str = "\
Examples:
  dipkb completions bash > ~/.local/share/bash-completion/completions/dipkb
  dipkb completions zsh > ~/.zfunc/_dipkb
  dipkb completions fish > ~/.config/fish/completions/dipkb.fish";

    pub const MAN: &str = "\
Examples:
  dipkb man > ~/.local/share/man/man1/dipkb.1 && man dipkb
  dipkb man | man -l -";

    pub const SYNTH: &str = "\
Examples:
  dipkb synth --articles 10000 --seed 7 > synthetic.jsonl";
}

/// Runs a parsed command line. Exit codes: 0 success, 1 a query matched nothing, 2 an error
/// (returned as `Err`, or as code 2 when some inputs failed and the rest went through).
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let wait = std::time::Duration::try_from_secs_f64(cli.busy_timeout).map_err(|_| {
        anyhow::anyhow!(
            "--busy-timeout must be a number of seconds, not {}",
            cli.busy_timeout
        )
    })?;
    crate::kb::set_busy_timeout(wait);
    // The dictionaries are compiled into matchers (tens of milliseconds) only for the
    // commands that read text.
    let reads_text = matches!(
        cli.command,
        Command::Ingest(_) | Command::Extract(_) | Command::Eval(_)
    );
    let extended = match &cli.dictionaries {
        Some(dir) if reads_text => Some(
            Lexicon::with_extra(dir)
                .with_context(|| format!("cannot load dictionaries from {}", dir.display()))?,
        ),
        _ => None,
    };
    let lexicon = || -> &Lexicon { extended.as_ref().unwrap_or_else(|| Lexicon::builtin()) };
    match cli.command {
        Command::Ingest(args) => ingest::run(&cli.db, args, &lexicon),
        Command::Extract(args) => extract::run(args, lexicon()),
        Command::Eval(args) => eval::run(args, cli.verbose > 0, lexicon()),
        Command::Timeline(args) => timeline::run(&cli.db, args),
        Command::Relations(args) => relations::run(&cli.db, args),
        Command::Actor(args) => actor::run(&cli.db, args),
        Command::Meeting(args) => record::run(&cli.db, record::Record::Meeting, args),
        Command::Statement(args) => record::run(&cli.db, record::Record::Statement, args),
        Command::Demand(args) => record::run(&cli.db, record::Record::Demand, args),
        Command::Search(args) => search::run(&cli.db, args),
        Command::Export(args) => export::run(&cli.db, args),
        Command::Stats(args) => stats::run(&cli.db, args),
        Command::Sql(args) => sql::run(&cli.db, args),
        Command::Migrate => migrate::run(&cli.db),
        Command::Completions(args) => completions::run(args),
        Command::Man => man::run(),
        Command::Synth(args) => synth::run(args),
    }
}

/// `--busy-timeout`: checked while the command line is parsed, before any file is touched.
fn parse_busy_timeout(text: &str) -> Result<f64, String> {
    let most = crate::kb::MAX_BUSY_TIMEOUT.as_secs();
    match text.trim().parse::<f64>() {
        Ok(seconds) if seconds.is_finite() && seconds >= 0.0 => {
            if seconds > most as f64 {
                Err(format!(
                    "{text} seconds is longer than SQLite can wait (at most {most} seconds, \
                     about 24 days)"
                ))
            } else {
                Ok(seconds)
            }
        }
        _ => Err(format!("{text:?} is not a number of seconds")),
    }
}

/// A number of seconds on the command line, fractions allowed.
fn parse_seconds(text: &str) -> Result<std::time::Duration, String> {
    text.trim()
        .parse::<f64>()
        .ok()
        .and_then(|seconds| std::time::Duration::try_from_secs_f64(seconds).ok())
        .ok_or_else(|| format!("{text:?} is not a number of seconds"))
}

/// `--since`: a day, or a month or year standing for its first day.
fn parse_since(text: &str) -> Result<NaiveDate, String> {
    parse_period(text).map(|(first, _)| first)
}

/// `--until`: a day, or a month or year standing for its last day.
fn parse_until(text: &str) -> Result<NaiveDate, String> {
    parse_period(text).map(|(_, last)| last)
}

/// The first and last day of `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
fn parse_period(text: &str) -> Result<(NaiveDate, NaiveDate), String> {
    let bad = || format!("{text:?} is not a date of the form YYYY-MM-DD, YYYY-MM or YYYY");
    let text = text.trim();
    let number = |digits: &str| -> Option<u32> {
        digits
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| digits.parse().ok())
            .flatten()
    };
    let parts: Vec<&str> = text.split('-').collect();
    match parts.as_slice() {
        [_, _, _] => parse_date(text).map(|day| (day, day)),
        [year, month] if year.len() == 4 && month.len() == 2 => {
            let (Some(year), Some(month)) = (number(year), number(month)) else {
                return Err(bad());
            };
            let first = NaiveDate::from_ymd_opt(year as i32, month, 1).ok_or_else(bad)?;
            let next = if month == 12 {
                NaiveDate::from_ymd_opt(year as i32 + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(year as i32, month + 1, 1)
            };
            let last = next.and_then(|next| next.pred_opt()).ok_or_else(bad)?;
            Ok((first, last))
        }
        [year] if year.len() == 4 => {
            let year = number(year).ok_or_else(bad)? as i32;
            let first = NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(bad)?;
            let last = NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(bad)?;
            Ok((first, last))
        }
        _ => Err(bad()),
    }
}

/// The dates of `--since` and `--until`, refused when no day lies between them.
fn date_range(
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> anyhow::Result<crate::query::DateRange> {
    if let (Some(since), Some(until)) = (since, until)
        && since > until
    {
        anyhow::bail!("--since {since} is later than --until {until}: no day lies between them");
    }
    Ok(crate::query::DateRange { since, until })
}

/// `YYYY-MM-DD` on the command line.
fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("{text:?} is not a date of the form YYYY-MM-DD"))
}

/// Prints rows to stdout in the chosen format.
/// Buffered: stdout is line-buffered, and a table of thousands of rows would otherwise be
/// thousands of writes.
fn print_rows(rows: &Rows, format: Format) -> anyhow::Result<()> {
    let mut out = io::BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    render::write(rows, format, &mut out).context("cannot write to stdout")?;
    out.flush().context("cannot write to stdout")
}

/// Prints a document of several tables to stdout.
fn print_document(doc: &render::Document, format: Format) -> anyhow::Result<()> {
    let mut out = io::BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    render::write_document(doc, format, &mut out).context("cannot write to stdout")?;
    out.flush().context("cannot write to stdout")
}

/// Exit code 0 when something was found, 1 when nothing was (as grep does).
fn found(anything: bool) -> ExitCode {
    if anything {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Whether stderr is a terminal a person watches: progress bars only go there.
fn stderr_is_terminal() -> bool {
    io::stderr().is_terminal()
}

/// Writes one line of a report to stdout. A closed stdout (`dipkb ingest ... | true`) is no
/// reason to stop the work the report is about, nor to panic as `println!` does: the line is
/// dropped.
pub fn say(line: std::fmt::Arguments<'_>) {
    let _ = writeln!(io::stdout().lock(), "{line}");
}

/// Writes one line to stderr; when stderr is closed the line is dropped, and the work goes on.
pub fn tell(line: std::fmt::Arguments<'_>) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}

/// An error and its causes on one line, as `{:#}` writes them but saying each thing once: a
/// cause whose words are already in the line is left out (rusqlite's errors print SQLite's
/// message and hold it again as their source, and our errors that wrap one often print it
/// too), and so is SQLite's generic name for an error code after a message ("SQL logic
/// error" after "no such table: x").
pub fn error_message(err: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in err.chain() {
        if !line.is_empty() && cause.downcast_ref::<rusqlite::ffi::Error>().is_some() {
            continue;
        }
        let text = cause.to_string();
        if text.is_empty() || line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}

/// True when an error chain ends in a closed pipe (`dipkb sql ... | head`), which is not a
/// failure of ours.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}
