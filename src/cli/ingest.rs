use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::extract::{self, Extraction};
use crate::kb::{FactCounts, KbError, Store};
use crate::source::{self, Article, ReadOptions};
use crate::text::Lexicon;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files, folders (read recursively) or `-` for one article on stdin. Formats: .txt and .md
    /// with optional front matter, .json, .jsonl.
    #[arg(value_name = "PATH", required_unless_present = "reprocess")]
    paths: Vec<PathBuf>,

    /// Publication date for articles that do not give one; relative dates resolve against it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::parse_date)]
    published: Option<NaiveDate>,

    /// Extract facts again from articles already stored (from every stored article when no
    /// PATH is given), replacing what an earlier extraction stored.
    #[arg(long)]
    reprocess: bool,
}

/// What happened to the inputs of one run.
#[derive(Debug, Default)]
struct Tally {
    new: usize,
    skipped: usize,
    reprocessed: usize,
    failed: usize,
    facts: FactCounts,
}

pub fn run(db: &Path, args: Args, lexicon: &Lexicon) -> anyhow::Result<ExitCode> {
    let mut store =
        Store::open(db).with_context(|| format!("cannot open knowledge base {}", db.display()))?;
    let mut tally = Tally::default();
    if args.paths.is_empty() {
        reprocess_all(&mut store, &mut tally, lexicon)?;
    } else {
        let options = ReadOptions {
            published: args.published,
        };
        let inputs = source::collect_inputs(&args.paths);
        let progress = Progress::new(inputs.len() as u64, "files");
        for input in inputs {
            let input = match input {
                Ok(input) => input,
                Err(err) => {
                    progress.error(&err.to_string());
                    tally.failed += 1;
                    continue;
                }
            };
            progress.show(&input.to_string());
            for article in source::read_input(&input, &options) {
                match article {
                    Ok(article) => ingest_article(
                        &mut store,
                        &article,
                        args.reprocess,
                        &progress,
                        &mut tally,
                        lexicon,
                    ),
                    Err(err) => {
                        progress.error(&err.to_string());
                        tally.failed += 1;
                    }
                }
            }
            progress.advance();
        }
        progress.finish();
    }
    print_summary(&tally);
    let [articles, meetings, statements, demands] = store.totals()?;
    println!(
        "knowledge base: {meetings} meetings, {statements} statements, {demands} demands \
         from {articles} articles"
    );
    Ok(if tally.failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn ingest_article(
    store: &mut Store,
    article: &Article,
    reprocess: bool,
    progress: &Progress,
    tally: &mut Tally,
    lexicon: &Lexicon,
) {
    for warning in &article.warnings {
        progress.warn(&format!("{}: {}", article.origin, warning.message));
    }
    let result = (|| -> Result<(), KbError> {
        match store.find_article(&article.content_hash())? {
            Some(id) if reprocess => {
                tally.facts += store.replace_facts(id, &extract_from(article, lexicon))?;
                tally.reprocessed += 1;
            }
            Some(id) => {
                tracing::info!(
                    "{}: already stored as article {id}, skipped",
                    article.origin
                );
                tally.skipped += 1;
            }
            None => {
                let (id, counts) = store.add_article(article, &extract_from(article, lexicon))?;
                tracing::info!("{}: stored as article {id}", article.origin);
                tally.facts += counts;
                tally.new += 1;
            }
        }
        Ok(())
    })();
    if let Err(err) = result {
        progress.error(&format!("{}: cannot store: {err}", article.origin));
        tally.failed += 1;
    }
}

fn extract_from(article: &Article, lexicon: &Lexicon) -> Extraction {
    extract::extract_with(&article.extract_input(), lexicon)
}

fn reprocess_all(store: &mut Store, tally: &mut Tally, lexicon: &Lexicon) -> anyhow::Result<()> {
    let ids = store.article_ids()?;
    let progress = Progress::new(ids.len() as u64, "articles");
    for id in ids {
        let article = store.article(id)?;
        progress.show(&article.origin);
        let extraction = extract::extract_with(&article.extract_input(), lexicon);
        match store.replace_facts(id, &extraction) {
            Ok(counts) => {
                tally.facts += counts;
                tally.reprocessed += 1;
            }
            Err(err) => {
                progress.error(&format!(
                    "article {id} ({}): cannot store: {err}",
                    article.origin
                ));
                tally.failed += 1;
            }
        }
        progress.advance();
    }
    progress.finish();
    Ok(())
}

fn print_summary(tally: &Tally) {
    let mut parts = vec![format!("{} new", tally.new)];
    if tally.reprocessed > 0 {
        parts.push(format!("{} re-extracted", tally.reprocessed));
    }
    parts.push(format!("{} already stored", tally.skipped));
    parts.push(format!("{} failed", tally.failed));
    println!("articles: {}", parts.join(", "));
    let FactCounts {
        meetings,
        statements,
        demands,
    } = tally.facts;
    println!("facts found: {meetings} meetings, {statements} statements, {demands} demands");
}

/// A progress bar on a terminal, nothing otherwise; messages print above it.
struct Progress {
    bar: ProgressBar,
}

impl Progress {
    fn new(len: u64, unit: &str) -> Progress {
        let bar = if super::stderr_is_terminal() {
            ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr())
        } else {
            ProgressBar::hidden()
        };
        let template = format!("{{bar:30}} {{pos}}/{{len}} {unit} {{wide_msg}}");
        if let Ok(style) = ProgressStyle::with_template(&template) {
            bar.set_style(style);
        }
        Progress { bar }
    }

    fn show(&self, what: &str) {
        self.bar.set_message(what.to_string());
    }

    fn advance(&self) {
        self.bar.inc(1);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }

    fn warn(&self, message: &str) {
        self.bar.suspend(|| eprintln!("warning: {message}"));
    }

    fn error(&self, message: &str) {
        self.bar.suspend(|| eprintln!("error: {message}"));
    }
}
