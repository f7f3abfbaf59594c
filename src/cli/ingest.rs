use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::extract::{self, Extraction};
use crate::kb::{CopyOutcome, FactCounts, KbError, Store, StoredArticle};
use crate::source::{self, Article, ReadOptions};
use crate::text::Lexicon;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files, folders (read recursively) or `-` for one article on stdin. Formats: .txt and .md
    /// with optional front matter, .json, .jsonl. A text already stored is not stored again:
    /// a copy under another title, outlet or address is kept as another source of it, and the
    /// same copy with a date, title, outlet or address it lacked corrects it.
    #[arg(value_name = "PATH", required_unless_present = "reprocess")]
    paths: Vec<PathBuf>,

    /// Publication date for articles that do not give one; relative dates resolve against it.
    /// Given for an article stored without a date, it dates the article and its facts.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::parse_date)]
    published: Option<NaiveDate>,

    /// Extract facts again from articles already stored (from every stored article when no
    /// PATH is given), replacing what an earlier extraction stored.
    #[arg(long)]
    reprocess: bool,

    /// Articles stored in one transaction at most (for tests: the knowledge base must not
    /// depend on it).
    #[arg(long, hide = true, value_name = "N", default_value_t = BATCH_ARTICLES,
          value_parser = clap::value_parser!(usize))]
    batch_articles: usize,

    /// Articles that take longer than this many seconds to store are named in the summary.
    #[arg(long, hide = true, value_name = "SECONDS", default_value_t = SLOW_SECONDS)]
    slow_seconds: f64,
}

/// What happened to the inputs of one run.
#[derive(Debug, Default)]
struct Tally {
    new: usize,
    skipped: usize,
    reprocessed: usize,
    /// Copies of stored articles that corrected what the copy says of itself (date, title,
    /// outlet, address).
    corrected: usize,
    /// Other copies of stored articles (syndicated under another title, outlet or address).
    copies: usize,
    failed: usize,
    facts: FactCounts,
    /// Articles that took longer than the threshold to store, with the seconds they took.
    slow: Vec<(String, f64)>,
}

/// An article that takes longer than this to store is named in the summary: storing costs
/// O(n log n) in an article's facts, so one that takes seconds is worth a look.
const SLOW_SECONDS: f64 = 2.0;
/// Articles named in the summary as slow, at most.
const SLOW_NAMED: usize = 10;

/// Articles stored in one transaction, at most; a batch is also committed after
/// [`BATCH_SECONDS`], so that readers see progress on a slow run.
const BATCH_ARTICLES: usize = 500;
const BATCH_SECONDS: u64 = 2;
/// Text in one batch at most, since a batch's articles are kept until it commits.
const BATCH_BYTES: usize = 64 * 1024 * 1024;

/// Items between the reader and the writer at most: memory stays flat whatever the input.
const WINDOW: usize = 512;

/// What flows from the reader through the extraction workers to the writer, in input order.
enum Item {
    /// An input file begins.
    File(String),
    /// An input file has been read to its end: the bytes of all inputs read so far.
    FileDone(u64),
    /// An input or an article of it could not be read, and the bytes of all inputs read
    /// through it.
    Failed(String, u64),
    /// An article read from an input, with its extraction unless a worker found it stored
    /// already (and not to be re-extracted), and the bytes of all inputs read through it.
    Article {
        article: Box<Article>,
        extraction: Option<Extraction>,
        read: u64,
        /// The stored article with the same text, when a worker found one: it stays stored
        /// (articles are never deleted), so the writer need not look for it again. `None` is
        /// not "not stored": an earlier article of the same run may have stored it since.
        stored: Option<i64>,
    },
    /// A stored article to extract again (`--reprocess` without paths).
    Stored {
        article: Box<StoredArticle>,
        extraction: Option<Extraction>,
    },
}

/// The dictionaries, built when the first article is extracted: a run that finds every
/// article stored already extracts none, and building them took a sixth of such a run.
#[derive(Clone, Copy)]
struct Dictionaries<'l>(&'l (dyn Fn() -> &'l Lexicon + Sync));

impl<'l> Dictionaries<'l> {
    fn get(self) -> &'l Lexicon {
        (self.0)()
    }
}

pub fn run<'l>(
    db: &Path,
    args: Args,
    lexicon: &'l (dyn Fn() -> &'l Lexicon + Sync),
) -> anyhow::Result<ExitCode> {
    let lexicon = Dictionaries(lexicon);
    if let Some(code) = nothing_to_read(&args) {
        return Ok(code);
    }
    let mut store =
        Store::open(db).with_context(|| format!("cannot open knowledge base {}", db.display()))?;
    let mut tally = Tally::default();
    let slow_seconds = args.slow_seconds;
    let reprocess = args.reprocess;
    let inputs = if args.paths.is_empty() {
        Vec::new()
    } else {
        source::collect_inputs(&args.paths)
    };
    let progress = if args.paths.is_empty() {
        Progress::new(store.article_ids()?.len() as u64, Measure::Articles)
    } else {
        let bytes = inputs.iter().flatten().map(source::input_size).sum::<u64>();
        Progress::new(bytes, Measure::Bytes)
    };
    let inputs_count = inputs.len();
    let options = ReadOptions {
        published: args.published,
    };
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let from_database = args.paths.is_empty();
    let batch_articles = args.batch_articles.max(1);
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let (work_tx, work_rx) = std::sync::mpsc::sync_channel::<(usize, Item)>(WINDOW);
        let (done_tx, done_rx) = std::sync::mpsc::sync_channel::<(usize, Item)>(WINDOW);
        // Tokens bound how far the reader may run ahead of the writer.
        let (token_tx, token_rx) = std::sync::mpsc::sync_channel::<()>(WINDOW);
        for _ in 0..WINDOW {
            let _ = token_tx.send(());
        }
        let reader = scope.spawn(move || {
            let mut seq = 0;
            let mut send = |item: Item| -> bool {
                if token_rx.recv().is_err() {
                    return false;
                }
                let ok = work_tx.send((seq, item)).is_ok();
                seq += 1;
                ok
            };
            if from_database {
                read_stored(db, &mut send);
            } else {
                read_inputs(inputs, &options, &mut send);
            }
        });
        let work_rx = std::sync::Arc::new(std::sync::Mutex::new(work_rx));
        for _ in 0..workers {
            let work_rx = std::sync::Arc::clone(&work_rx);
            let done_tx = done_tx.clone();
            scope.spawn(move || {
                let existing = crate::kb::open_read_only(db).ok();
                loop {
                    let next = match work_rx.lock() {
                        Ok(guard) => guard.recv(),
                        Err(_) => return,
                    };
                    let Ok((seq, item)) = next else { return };
                    let item = extract_item(item, existing.as_ref(), reprocess, lexicon);
                    if done_tx.send((seq, item)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done_tx);
        // The writer: items in input order, articles in batches. The articles of the open
        // batch are kept until it commits, in case it has to be stored again.
        let mut pending = std::collections::BTreeMap::new();
        let mut next = 0;
        let mut batch: Vec<Item> = Vec::new();
        let mut batch_bytes = 0;
        let mut batch_started = std::time::Instant::now();
        store.begin_batch()?;
        loop {
            // A batch is committed after BATCH_SECONDS even while no article comes (a slow
            // pipe or FIFO), so that the write lock is not held while waiting.
            let received = if batch.is_empty() {
                done_rx
                    .recv()
                    .map_err(|_| std::sync::mpsc::RecvTimeoutError::Disconnected)
            } else {
                let limit = std::time::Duration::from_secs(BATCH_SECONDS);
                done_rx.recv_timeout(limit.saturating_sub(batch_started.elapsed()))
            };
            let (seq, item) = match received {
                Ok(received) => received,
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                    store.commit_batch()?;
                    store.begin_batch()?;
                    batch.clear();
                    batch_bytes = 0;
                    continue;
                }
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
            };
            pending.insert(seq, item);
            while let Some(mut item) = pending.remove(&next) {
                next += 1;
                let started = std::time::Instant::now();
                let mut outcome = store_item(
                    &mut store, &mut item, reprocess, &progress, &mut tally, lexicon,
                );
                if outcome == Outcome::BatchLost {
                    // It failed halfway and took its batch with it: store the batch again,
                    // each article on its own, so that only the failing one is lost.
                    store.begin_careful_batch()?;
                    let quiet = progress.quiet();
                    for earlier in &mut batch {
                        let mut again = Tally::default();
                        let again_outcome =
                            store_item(&mut store, earlier, reprocess, &quiet, &mut again, lexicon);
                        if again_outcome == Outcome::Busy {
                            return Err(KbError::Busy {
                                path: db.to_path_buf(),
                            }
                            .into());
                        }
                        // Counted when first stored; only a failure now is news.
                        tally.failed += again.failed;
                        tally.new -= again.failed.min(tally.new);
                    }
                    outcome = store_item(
                        &mut store, &mut item, reprocess, &progress, &mut tally, lexicon,
                    );
                }
                if outcome == Outcome::Busy {
                    return Err(KbError::Busy {
                        path: db.to_path_buf(),
                    }
                    .into());
                }
                let _ = token_tx.send(());
                let took = started.elapsed().as_secs_f64();
                if outcome == Outcome::Stored && took > slow_seconds {
                    tally.slow.push((item.name(), took));
                }
                if outcome == Outcome::Stored {
                    if batch.is_empty() {
                        batch_started = std::time::Instant::now();
                    }
                    batch_bytes += item.size();
                    batch.push(item);
                }
                if batch.len() >= batch_articles
                    || batch_bytes >= BATCH_BYTES
                    || (!batch.is_empty() && batch_started.elapsed().as_secs() >= BATCH_SECONDS)
                {
                    store.commit_batch()?;
                    store.begin_batch()?;
                    batch.clear();
                    batch_bytes = 0;
                    batch_started = std::time::Instant::now();
                }
            }
        }
        store.commit_batch()?;
        drop(token_tx);
        let _ = reader.join();
        Ok(())
    })?;
    progress.finish();
    print_summary(&tally);
    let [articles, meetings, statements, demands] = store.totals()?;
    super::say(format_args!(
        "knowledge base: {meetings} meetings, {statements} statements, {demands} demands \
         from {articles} articles"
    ));
    super::tell(format_args!("{}", progress.summary(inputs_count)));
    Ok(if tally.failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// When no path given exists (a mistyped name), says so and gives the exit code without
/// opening the database, so that a mistake leaves no empty database behind.
fn nothing_to_read(args: &Args) -> Option<ExitCode> {
    let missing = |path: &PathBuf| path.as_os_str() != "-" && !path.exists();
    if args.paths.is_empty() || !args.paths.iter().all(missing) {
        return None;
    }
    let mut tally = Tally::default();
    for path in &args.paths {
        let problem = match std::fs::metadata(path) {
            Err(err) => err.to_string(),
            Ok(_) => "it went away".to_string(),
        };
        super::tell(format_args!(
            "error: {}: cannot read: {problem}",
            source::Input::File(path.clone())
        ));
        tally.failed += 1;
    }
    print_summary(&tally);
    Some(ExitCode::from(2))
}

/// The reader: every article of every input, with a marker where each file begins and ends,
/// and how many bytes of the inputs have been read through each.
fn read_inputs(
    inputs: Vec<Result<source::Input, source::SourceError>>,
    options: &ReadOptions,
    send: &mut dyn FnMut(Item) -> bool,
) {
    // The bytes of the inputs before this one.
    let mut before = 0;
    for input in inputs {
        let input = match input {
            Ok(input) => input,
            Err(err) => {
                if !send(Item::Failed(err.to_string(), before)) {
                    return;
                }
                continue;
            }
        };
        if !send(Item::File(input.to_string())) {
            return;
        }
        let mut more = true;
        source::each_article(&input, options, &mut |article, read| {
            let read = before + read;
            let item = match article {
                Ok(article) => Item::Article {
                    article: Box::new(article),
                    extraction: None,
                    read,
                    stored: None,
                },
                Err(err) => Item::Failed(err.to_string(), read),
            };
            more = send(item);
            more
        });
        if !more {
            return;
        }
        before += source::input_size(&input);
        if !send(Item::FileDone(before)) {
            return;
        }
    }
}

/// The reader for `--reprocess` without paths: every stored article, oldest first.
fn read_stored(db: &Path, send: &mut dyn FnMut(Item) -> bool) {
    let conn = match crate::kb::open_read_only(db) {
        Ok(conn) => conn,
        Err(err) => {
            send(Item::Failed(err.to_string(), 0));
            return;
        }
    };
    let Ok(mut statement) =
        conn.prepare("SELECT id, title, published, body, origin FROM articles ORDER BY id")
    else {
        return;
    };
    let Ok(rows) = statement.query_map([], |row| {
        let published: Option<String> = row.get(2)?;
        Ok(StoredArticle {
            id: row.get(0)?,
            title: row.get(1)?,
            published: published.and_then(|p| NaiveDate::parse_from_str(&p, "%Y-%m-%d").ok()),
            body: row.get(3)?,
            origin: row.get(4)?,
        })
    }) else {
        return;
    };
    for row in rows {
        let item = match row {
            Ok(article) => Item::Stored {
                article: Box::new(article),
                extraction: None,
            },
            Err(err) => Item::Failed(format!("cannot read a stored article: {err}"), 0),
        };
        if !send(item) {
            return;
        }
    }
}

/// A worker's part: extraction, unless the article is already stored and not to be
/// re-extracted.
fn extract_item(
    item: Item,
    existing: Option<&rusqlite::Connection>,
    reprocess: bool,
    lexicon: Dictionaries<'_>,
) -> Item {
    match item {
        Item::Article { article, read, .. } => {
            let stored = existing.and_then(|conn| {
                conn.prepare_cached("SELECT id FROM articles WHERE content_sha256 = ?1")
                    .and_then(|mut select| {
                        select.query_row([article.content_hash()], |row| row.get::<_, i64>(0))
                    })
                    .ok()
            });
            let extraction =
                (stored.is_none() || reprocess).then(|| extract_from(&article, lexicon));
            Item::Article {
                article,
                extraction,
                read,
                stored,
            }
        }
        Item::Stored { article, .. } => {
            let extraction = Some(extract::extract_with(
                &article.extract_input(),
                lexicon.get(),
            ));
            Item::Stored {
                article,
                extraction,
            }
        }
        other => other,
    }
}

/// What storing an item came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// Not an article, or one that failed alone.
    Nothing,
    /// An article went into the open batch (stored, re-extracted, or found stored already).
    Stored,
    /// An article failed and the open batch was rolled back with it.
    BatchLost,
    /// The write lock could not be had within the busy timeout: the run stops, keeping the
    /// batches it committed.
    Busy,
}

impl Item {
    /// The article's name, as messages give it.
    fn name(&self) -> String {
        match self {
            Item::Article { article, .. } => article.origin.clone(),
            Item::Stored { article, .. } => format!("article {} ({})", article.id, article.origin),
            Item::File(name) | Item::Failed(name, _) => name.clone(),
            Item::FileDone(_) => String::new(),
        }
    }

    /// The bytes of text an item holds.
    fn size(&self) -> usize {
        match self {
            Item::Article { article, .. } => article.body.len(),
            Item::Stored { article, .. } => article.body.len(),
            _ => 0,
        }
    }
}

/// The writer's part for one item. An article's extraction is left in the item, so that it
/// can be stored again without extracting it again.
fn store_item(
    store: &mut Store,
    item: &mut Item,
    reprocess: bool,
    progress: &Progress,
    tally: &mut Tally,
    lexicon: Dictionaries<'_>,
) -> Outcome {
    match item {
        Item::File(name) => {
            progress.show(name);
            Outcome::Nothing
        }
        Item::FileDone(read) => {
            progress.read_to(*read);
            Outcome::Nothing
        }
        Item::Failed(message, read) => {
            progress.error(message);
            tally.failed += 1;
            progress.article_done(Some(*read));
            Outcome::Nothing
        }
        Item::Article {
            article,
            extraction,
            read,
            stored,
        } => {
            let outcome = ingest_article(
                store, article, *stored, extraction, reprocess, progress, tally, lexicon,
            );
            if outcome != Outcome::BatchLost {
                progress.article_done(Some(*read));
            }
            outcome
        }
        Item::Stored {
            article,
            extraction,
        } => {
            progress.show(&article.origin);
            let extraction = extraction.get_or_insert_with(|| {
                extract::extract_with(&article.extract_input(), lexicon.get())
            });
            let outcome = match store.replace_facts(article.id, extraction) {
                Ok(counts) => {
                    tally.facts += counts;
                    tally.reprocessed += 1;
                    Outcome::Stored
                }
                Err(KbError::BatchRolledBack(_)) => return Outcome::BatchLost,
                Err(KbError::Busy { .. }) => return Outcome::Busy,
                Err(err) => {
                    progress.error(&format!(
                        "article {} ({}): cannot store: {err}",
                        article.id, article.origin
                    ));
                    tally.failed += 1;
                    Outcome::Nothing
                }
            };
            if outcome != Outcome::BatchLost {
                progress.article_done(None);
            }
            outcome
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn ingest_article(
    store: &mut Store,
    article: &Article,
    stored: Option<i64>,
    extraction: &mut Option<Extraction>,
    reprocess: bool,
    progress: &Progress,
    tally: &mut Tally,
    lexicon: Dictionaries<'_>,
) -> Outcome {
    for warning in &article.warnings {
        progress.warn(&format!("{}: {}", article.origin, warning.message));
    }
    // The worker's extraction, or one made here when the worker skipped it and it is needed
    // after all.
    let result = (|| -> Result<(), KbError> {
        let stored = match stored {
            Some(id) => Some(id),
            None => store.find_article(&article.content_hash())?,
        };
        match stored {
            Some(id) => {
                // The facts are extracted again when the article's title or date changed (or
                // when asked to), from the article as it now stands: the worker's extraction
                // serves when it was made with the same title and date.
                let stored = store.add_copy(id, article, reprocess, move |stored| {
                    if stored.title != article.title || stored.published != article.published {
                        *extraction = None;
                    }
                    &*extraction.get_or_insert_with(|| {
                        extract::extract_with(&stored.extract_input(), lexicon.get())
                    })
                })?;
                match stored.outcome {
                    CopyOutcome::Known if !reprocess => {
                        tracing::info!(
                            "{}: already stored as article {id}, skipped",
                            article.origin
                        );
                        tally.skipped += 1;
                    }
                    CopyOutcome::Known => {}
                    CopyOutcome::Corrected => {
                        tracing::info!(
                            "{}: corrected what article {id} says of itself",
                            article.origin
                        );
                        tally.corrected += 1;
                    }
                    CopyOutcome::Added => {
                        tracing::info!(
                            "{}: another copy of article {id}, kept as its source",
                            article.origin
                        );
                        tally.copies += 1;
                    }
                }
                if let Some(counts) = stored.facts {
                    tally.facts += counts;
                }
                if reprocess {
                    tally.reprocessed += 1;
                }
            }
            None => {
                let (id, counts) = store.add_article(
                    article,
                    extraction.get_or_insert_with(|| extract_from(article, lexicon)),
                )?;
                tracing::info!("{}: stored as article {id}", article.origin);
                tally.facts += counts;
                tally.new += 1;
            }
        }
        Ok(())
    })();
    match result {
        Ok(()) => Outcome::Stored,
        Err(KbError::BatchRolledBack(_)) => Outcome::BatchLost,
        Err(KbError::Busy { .. }) => Outcome::Busy,
        Err(err) => {
            progress.error(&format!("{}: cannot store: {err}", article.origin));
            tally.failed += 1;
            Outcome::Nothing
        }
    }
}

fn extract_from(article: &Article, lexicon: Dictionaries<'_>) -> Extraction {
    extract::extract_with(&article.extract_input(), lexicon.get())
}

fn print_summary(tally: &Tally) {
    let mut parts = vec![format!("{} new", tally.new)];
    if tally.reprocessed > 0 {
        parts.push(format!("{} re-extracted", tally.reprocessed));
    }
    if tally.corrected > 0 {
        parts.push(format!("{} updated", tally.corrected));
    }
    match tally.copies {
        0 => {}
        1 => parts.push("1 copy of a stored article".to_string()),
        copies => parts.push(format!("{copies} copies of stored articles")),
    }
    parts.push(format!("{} already stored", tally.skipped));
    parts.push(format!("{} failed", tally.failed));
    super::say(format_args!("articles: {}", parts.join(", ")));
    let FactCounts {
        meetings,
        statements,
        demands,
    } = tally.facts;
    super::say(format_args!(
        "facts found: {meetings} meetings, {statements} statements, {demands} demands"
    ));
    if !tally.slow.is_empty() {
        let mut slow: Vec<String> = tally
            .slow
            .iter()
            .take(SLOW_NAMED)
            .map(|(name, seconds)| format!("{name} ({seconds:.1} s)"))
            .collect();
        if tally.slow.len() > SLOW_NAMED {
            slow.push(format!("and {} more", tally.slow.len() - SLOW_NAMED));
        }
        super::say(format_args!("took long to store: {}", slow.join(", ")));
    }
}

/// What the progress bar counts: bytes of the inputs (articles are counted beside them, with
/// their rate), or, when stored articles are extracted again, articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Measure {
    Bytes,
    Articles,
}

/// A progress bar on a terminal, nothing otherwise; messages print above it. It moves an
/// article at a time, inside JSON Lines files and JSON arrays too, and shows how many articles
/// a second go in and how long the rest will take.
struct Progress {
    bar: ProgressBar,
    measure: Measure,
    /// Articles done, failures included.
    articles: std::cell::Cell<u64>,
    started: std::time::Instant,
    /// Says errors only: for articles stored again, whose warnings were said the first time.
    quiet: bool,
}

impl Progress {
    fn new(len: u64, measure: Measure) -> Progress {
        let bar = if super::stderr_is_terminal() {
            ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr())
        } else {
            ProgressBar::hidden()
        };
        // Standard input and devices have no length: a count and a rate, no bar.
        let template = if len == 0 {
            "{spinner} {prefix} {wide_msg}"
        } else {
            "{bar:30} {percent:>3}% {prefix}, {eta} left {wide_msg}"
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        let progress = Progress {
            bar,
            measure,
            articles: std::cell::Cell::new(0),
            started: std::time::Instant::now(),
            quiet: false,
        };
        progress.bar.set_prefix(progress.status());
        progress
    }

    fn quiet(&self) -> Progress {
        Progress {
            bar: self.bar.clone(),
            measure: self.measure,
            articles: std::cell::Cell::new(0),
            started: self.started,
            quiet: true,
        }
    }

    fn show(&self, what: &str) {
        if !self.quiet {
            self.bar.set_message(what.to_string());
        }
    }

    /// One more article done (or failed); `read` is how far into the inputs it was, in bytes.
    fn article_done(&self, read: Option<u64>) {
        if self.quiet {
            return;
        }
        self.articles.set(self.articles.get() + 1);
        match (self.measure, read) {
            (Measure::Bytes, Some(read)) => self.bar.set_position(read),
            (Measure::Articles, _) => self.bar.set_position(self.articles.get()),
            (Measure::Bytes, None) => {}
        }
        self.bar.set_prefix(self.status());
    }

    /// An input has been read to its end: `read` bytes of the inputs so far.
    fn read_to(&self, read: u64) {
        if !self.quiet && self.measure == Measure::Bytes {
            self.bar.set_position(read);
        }
    }

    /// "1234 articles, 120/s".
    fn status(&self) -> String {
        status(self.articles.get(), self.started.elapsed().as_secs_f64())
    }

    /// The line said at the end of every ingest, on a terminal or not.
    fn summary(&self, inputs: usize) -> String {
        let from = match (self.measure, inputs) {
            (Measure::Articles, _) => None,
            (Measure::Bytes, inputs) => Some(inputs),
        };
        summary(
            self.articles.get(),
            from,
            self.started.elapsed().as_secs_f64(),
        )
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }

    fn warn(&self, message: &str) {
        if self.quiet {
            return;
        }
        self.bar
            .suspend(|| super::tell(format_args!("warning: {message}")));
    }

    fn error(&self, message: &str) {
        self.bar
            .suspend(|| super::tell(format_args!("error: {message}")));
    }
}

fn articles_noun(count: u64) -> &'static str {
    if count == 1 { "article" } else { "articles" }
}

/// What the bar says beside it: "1234 articles, 120/s" (no rate in the first half second).
fn status(articles: u64, seconds: f64) -> String {
    let noun = articles_noun(articles);
    if seconds < 0.5 || articles == 0 {
        format!("{articles} {noun}")
    } else {
        format!("{articles} {noun}, {:.0}/s", articles as f64 / seconds)
    }
}

/// "done: 3000 articles from 1 input in 25.1 s, 120 a second"; `inputs` is None when stored
/// articles were extracted again.
fn summary(articles: u64, inputs: Option<usize>, seconds: f64) -> String {
    let from = match inputs {
        None => " re-read from the knowledge base".to_string(),
        Some(1) => " from 1 input".to_string(),
        Some(inputs) => format!(" from {inputs} inputs"),
    };
    let rate = if seconds >= 0.05 {
        format!(", {:.0} a second", articles as f64 / seconds)
    } else {
        String::new()
    };
    format!(
        "done: {articles} {}{from} in {seconds:.1} s{rate}",
        articles_noun(articles)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_says_articles_and_their_rate() {
        assert_eq!(status(0, 3.0), "0 articles");
        assert_eq!(status(1, 0.1), "1 article");
        assert_eq!(status(300, 2.5), "300 articles, 120/s");
        assert_eq!(
            summary(3000, Some(1), 25.0),
            "done: 3000 articles from 1 input in 25.0 s, 120 a second"
        );
        assert_eq!(
            summary(1, Some(3), 0.01),
            "done: 1 article from 3 inputs in 0.0 s"
        );
        assert_eq!(
            summary(40, None, 2.0),
            "done: 40 articles re-read from the knowledge base in 2.0 s, 20 a second"
        );
    }
}
