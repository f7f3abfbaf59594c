use std::io::Write;
use std::path::{Path, PathBuf};

use std::process::ExitCode;

use anyhow::{Context, bail};

use crate::eval::{self, Counts, Report, Scores};
use crate::extract;
use crate::render::{self, Rows, Value};
use crate::source::{self, Input, ReadOptions};
use crate::text::Lexicon;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EvalFormat {
    Table,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A folder of articles, each with a NAME.gold.json beside it.
    dir: PathBuf,

    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
    format: EvalFormat,

    /// Fail (exit 2) when an F1 falls below a floor, e.g. `--min statements=0.9`. Kinds:
    /// meetings, participants, statements, direct, demands.
    #[arg(long, value_name = "KIND=F1", value_parser = parse_floor)]
    min: Vec<(String, f64)>,
}

fn parse_floor(text: &str) -> Result<(String, f64), String> {
    let (kind, value) = text
        .split_once('=')
        .ok_or_else(|| format!("{text:?}: expected KIND=F1, e.g. statements=0.9"))?;
    if !KINDS.contains(&kind) {
        return Err(format!("{kind:?}: expected one of {}", KINDS.join(", ")));
    }
    let value: f64 = value
        .parse()
        .map_err(|_| format!("{value:?} is not a number"))?;
    Ok((kind.to_string(), value))
}

const KINDS: [&str; 5] = [
    "meetings",
    "participants",
    "statements",
    "direct",
    "demands",
];

fn counts_of<'a>(scores: &'a Scores, kind: &str) -> &'a Counts {
    match kind {
        "meetings" => &scores.meetings,
        "participants" => &scores.participants,
        "statements" => &scores.statements,
        "direct" => &scores.direct_statements,
        _ => &scores.demands,
    }
}

/// `verbose` (the global `-v`/`--verbose`) lists each missed and each spurious fact, and the
/// differences in matched meetings.
pub fn run(args: Args, verbose: bool, lexicon: &Lexicon) -> anyhow::Result<ExitCode> {
    let report = evaluate(&args.dir, lexicon)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        EvalFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &report).context("cannot write to stdout")?;
            writeln!(out).context("cannot write to stdout")?;
        }
        EvalFormat::Table => {
            if verbose {
                write_findings(&report, &mut out).context("cannot write to stdout")?;
            }
            writeln!(
                out,
                "{}: {} articles",
                args.dir.display(),
                report.files.len()
            )
            .context("cannot write to stdout")?;
            render::write(&score_rows(&report.total), render::Format::Table, &mut out)
                .context("cannot write to stdout")?;
            let accuracy = |a: eval::Accuracy| format!("{}/{}", a.correct, a.total);
            writeln!(
                out,
                "matched meetings: place right {}, status right {}",
                accuracy(report.total.place),
                accuracy(report.total.status)
            )
            .context("cannot write to stdout")?;
        }
    }
    out.flush().context("cannot write to stdout")?;
    for (kind, floor) in &args.min {
        let f1 = counts_of(&report.total, kind).f1();
        if f1 < *floor {
            bail!("{kind} F1 {f1:.3} is below the floor {floor:.3}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Extracts and scores every article of the folder that has a gold file.
pub fn evaluate(dir: &Path, lexicon: &Lexicon) -> anyhow::Result<Report> {
    let mut files = Vec::new();
    let mut total = Scores::default();
    for (article_path, gold_path) in eval::gold_pairs(dir)? {
        let gold = eval::read_gold(&gold_path)?;
        let gold_date = gold
            .article
            .published
            .as_deref()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let options = ReadOptions {
            published: gold_date,
        };
        let article = source::read_input(&Input::File(article_path.clone()), &options)
            .into_iter()
            .next()
            .with_context(|| format!("{}: no article", article_path.display()))??;
        let extraction = extract::extract_with(&article.extract_input(), lexicon);
        let report = eval::score(&article_path, &gold, &extraction);
        total += &report.scores;
        files.push(report);
    }
    Ok(Report { files, total })
}

fn score_rows(scores: &Scores) -> Rows {
    let mut rows = Rows::new(&[
        "fact",
        "gold",
        "extracted",
        "matched",
        "precision",
        "recall",
        "f1",
    ]);
    let rounded = |x: f64| Value::Text(format!("{x:.3}"));
    for (label, counts) in [
        ("meetings", scores.meetings),
        ("participants", scores.participants),
        ("statements", scores.statements),
        ("  direct", scores.direct_statements),
        ("demands", scores.demands),
    ] {
        rows.push(vec![
            label.into(),
            Value::Int(counts.gold as i64),
            Value::Int(counts.extracted as i64),
            Value::Int(counts.matched as i64),
            rounded(counts.precision()),
            rounded(counts.recall()),
            rounded(counts.f1()),
        ]);
    }
    rows
}

fn write_findings(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    for file in &report.files {
        if file.missed.is_empty() && file.spurious.is_empty() && file.differences.is_empty() {
            continue;
        }
        writeln!(out, "== {}", file.article.display())?;
        for finding in &file.missed {
            writeln!(out, "  missed   {:9} {}", finding.kind, finding.description)?;
        }
        for finding in &file.spurious {
            writeln!(out, "  spurious {:9} {}", finding.kind, finding.description)?;
        }
        for finding in &file.differences {
            writeln!(out, "  differs  {:9} {}", finding.kind, finding.description)?;
        }
    }
    Ok(())
}
