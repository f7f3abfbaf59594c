use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;

use crate::extract::{self, Extraction};
use crate::render::{self, Rows, Value};
use crate::source::{self, Article, Input, ReadOptions};
use crate::text::Lexicon;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExtractFormat {
    /// One line per fact.
    Table,
    /// The shape of gold annotations (docs/gold-format.md), plus evidence spans and the
    /// resolved actors.
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// An article file (.txt, .md, .json, .jsonl) or `-` for stdin.
    file: PathBuf,

    /// Publication date, when the article does not give one.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::parse_date)]
    published: Option<NaiveDate>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Table)]
    format: ExtractFormat,
}

/// Prints what ingest would store for the file's articles, without touching a database.
pub fn run(args: Args, lexicon: &Lexicon) -> anyhow::Result<ExitCode> {
    let input = if args.file.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::File(args.file.clone())
    };
    let options = ReadOptions {
        published: args.published,
    };
    let mut articles = Vec::new();
    for article in source::read_input(&input, &options) {
        articles.push(article?);
    }
    let extractions: Vec<(Article, Extraction)> = articles
        .into_iter()
        .map(|article| {
            let extraction = extract::extract_with(&article.extract_input(), lexicon);
            (article, extraction)
        })
        .collect();
    let mut out = std::io::stdout().lock();
    match args.format {
        ExtractFormat::Json => {
            let mut docs: Vec<serde_json::Value> = extractions
                .iter()
                .map(|(article, extraction)| render::extraction::to_json(article, extraction))
                .collect();
            let value = if docs.len() == 1 {
                docs.remove(0)
            } else {
                serde_json::Value::Array(docs)
            };
            serde_json::to_writer_pretty(&mut out, &value).context("cannot write to stdout")?;
            writeln!(out).context("cannot write to stdout")?;
        }
        ExtractFormat::Table => {
            for (article, extraction) in &extractions {
                render::write(
                    &fact_rows(article, extraction),
                    render::Format::Table,
                    &mut out,
                )
                .context("cannot write to stdout")?;
            }
        }
    }
    out.flush().context("cannot write to stdout")?;
    Ok(ExitCode::SUCCESS)
}

/// One row per fact, for people.
fn fact_rows(article: &Article, extraction: &Extraction) -> Rows {
    let name = |actor: Option<extract::ActorRef>| -> String {
        actor
            .and_then(|a| extraction.actors.get(a.0))
            .map_or_else(|| "-".into(), |a| a.name.clone())
    };
    let date = |when: &extract::When| -> Value { when.date.map(|d| d.to_string()).into() };
    let _ = article;
    let mut rows = Rows::new(&["fact", "date", "status", "who", "what", "where"]);
    for meeting in &extraction.meetings {
        let who: Vec<String> = meeting
            .participants
            .iter()
            .map(|p| {
                let n = name(Some(p.actor));
                if p.implied { format!("({n})") } else { n }
            })
            .collect();
        rows.push(vec![
            "meeting".into(),
            date(&meeting.when),
            meeting.status.as_str().into(),
            who.join(", ").into(),
            meeting
                .label
                .clone()
                .unwrap_or_else(|| meeting.kind.clone())
                .into(),
            meeting.place.as_ref().map(|p| p.name.clone()).into(),
        ]);
    }
    for statement in &extraction.statements {
        rows.push(vec![
            "statement".into(),
            date(&statement.when),
            statement.kind.as_str().into(),
            name(statement.speaker).into(),
            statement.text.clone().into(),
            Value::Null,
        ]);
    }
    for demand in &extraction.demands {
        rows.push(vec![
            "demand".into(),
            date(&demand.when),
            demand
                .answer
                .as_ref()
                .map_or("unknown", |a| a.kind.as_str())
                .into(),
            format!("{} -> {}", name(demand.by), name(demand.of)).into(),
            demand.text.clone().into(),
            Value::Null,
        ]);
    }
    rows
}
