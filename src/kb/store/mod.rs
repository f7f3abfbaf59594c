//! Writing articles and their facts, and the curations users make of actors: [`Store`] opens
//! a database for writing and runs batches and transactions. What it writes is laid out by job:
//! [`reports`] writes an article's reports and combines them with other articles', [`fts`]
//! keeps the full-text indexes up to date, [`links`] the links of the actor graph, [`curation`]
//! checks, applies and replays users' curations.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::refresh::Stale;
use super::write::{ActorCache, ReportWriter};
use super::{KbError, exec, schema};
use crate::extract::Extraction;
use crate::source::Article;

mod curation;
mod fts;
mod links;
mod reports;

pub use curation::{Curation, CurationError};
use curation::{apply_curation, check_new_name, replay_curations};
pub(crate) use fts::apply_fts_pending;
pub(crate) use links::apply_relation_pending;
pub(super) use reports::replace_facts_in;
use reports::{Removed, combine, write_source_warnings};

/// A writable knowledge base.
pub struct Store {
    conn: Connection,
    path: std::path::PathBuf,
    /// A batch transaction is open ([`Store::begin_batch`]).
    in_batch: bool,
    /// Each article of the open batch is stored in a savepoint of its own.
    careful: bool,
    /// A batch has been begun but writes nothing yet: its transaction, and the write lock,
    /// are taken at its first write.
    wanted: bool,
    /// When this store last committed a batch: the next one waits a moment, so that another
    /// process waiting for the lock gets its turn.
    committed: Option<std::time::Instant>,
    /// States and organisations resolved in the open batch.
    actors: ActorCache,
    /// Statements and demands the open batch touched, recomputed once before it commits.
    stale: Stale,
}

/// How long a writer that has just committed a batch leaves the write lock free before it takes
/// it again, and how often a writer waiting for the lock tries again: so that two ingests take
/// turns a batch at a time instead of one waiting out its busy timeout (issue #14, item 7).
const TURN: std::time::Duration = std::time::Duration::from_millis(5);

const RETRY: std::time::Duration = std::time::Duration::from_millis(1);

/// How many facts of each kind one article gave.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FactCounts {
    pub meetings: usize,
    pub statements: usize,
    pub demands: usize,
}

impl std::ops::AddAssign for FactCounts {
    fn add_assign(&mut self, other: FactCounts) {
        self.meetings += other.meetings;
        self.statements += other.statements;
        self.demands += other.demands;
    }
}

impl FactCounts {
    fn of(extraction: &Extraction) -> FactCounts {
        FactCounts {
            meetings: extraction.meetings.len(),
            statements: extraction.statements.len(),
            demands: extraction.demands.len(),
        }
    }
}

/// An article as stored, for re-extraction.
#[derive(Debug, Clone)]
pub struct StoredArticle {
    pub id: i64,
    pub title: String,
    pub published: Option<NaiveDate>,
    pub body: String,
    pub origin: String,
}

impl StoredArticle {
    /// What extraction reads of this article.
    pub fn extract_input(&self) -> crate::extract::Input<'_> {
        crate::extract::Input {
            title: &self.title,
            body: &self.body,
            published: self.published,
        }
    }
}

impl Store {
    /// Opens or creates the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store, KbError> {
        Ok(Store {
            conn: schema::open_for_write(path)?,
            path: path.to_path_buf(),
            in_batch: false,
            careful: false,
            wanted: false,
            committed: None,
            actors: ActorCache::new(),
            stale: Stale::default(),
        })
    }

    /// Another process holding the database past the busy timeout is said as such.
    fn busy(&self, err: KbError) -> KbError {
        busy_error(&self.path, err)
    }

    /// The id of the stored article with this body hash, if there is one.
    pub fn find_article(&self, content_hash: &str) -> Result<Option<i64>, KbError> {
        Ok(super::query_one(
            &self.conn,
            "SELECT id FROM articles WHERE content_sha256 = ?1",
            [content_hash],
            |row| row.get(0),
        )
        .optional()?)
    }

    /// Starts a batch: the articles stored until [`Store::commit_batch`] are written in one
    /// transaction, which is far faster than one transaction each. A process killed before
    /// the commit leaves none of them stored. An article that fails halfway rolls the whole
    /// batch back ([`KbError::BatchRolledBack`]); the caller then stores the batch again in a
    /// careful one, where each article is all or nothing on its own.
    ///
    /// (A savepoint per article would isolate failures at once, but full-text indexes write
    /// their pending terms out at every savepoint: a sixth of ingest time.)
    pub fn begin_batch(&mut self) -> Result<(), KbError> {
        self.begin(false)
    }

    /// Starts a batch in which each article is stored in a savepoint of its own, so that one
    /// that fails leaves the others of the batch stored.
    pub fn begin_careful_batch(&mut self) -> Result<(), KbError> {
        self.begin(true)
    }

    fn begin(&mut self, careful: bool) -> Result<(), KbError> {
        if !self.in_batch {
            self.wanted = true;
        }
        self.careful = careful;
        Ok(())
    }

    /// Opens the transaction of a batch begun with [`Store::begin_batch`], taking the write
    /// lock: at the batch's first write, so that an ingest holds the lock only while it writes,
    /// not while it reads or extracts. A writer waiting for another tries again every
    /// millisecond (SQLite's own busy handler backs off to 100 ms, and would miss the moment
    /// between two batches of the other writer) until the busy timeout has passed.
    fn open_batch(&mut self) -> Result<(), KbError> {
        if self.in_batch || !self.wanted {
            return Ok(());
        }
        if let Some(committed) = self.committed
            && let Some(rest) = TURN.checked_sub(committed.elapsed())
        {
            std::thread::sleep(rest);
        }
        let timeout = super::schema::busy_timeout();
        let started = std::time::Instant::now();
        self.conn.busy_timeout(std::time::Duration::ZERO)?;
        let result = loop {
            match self.conn.execute_batch("BEGIN IMMEDIATE") {
                Err(rusqlite::Error::SqliteFailure(err, _))
                    if err.code == rusqlite::ErrorCode::DatabaseBusy
                        && started.elapsed() < timeout =>
                {
                    std::thread::sleep(RETRY);
                }
                other => break other,
            }
        };
        self.conn.busy_timeout(timeout)?;
        result.map_err(|err| self.busy(err.into()))?;
        self.in_batch = true;
        self.wanted = false;
        Ok(())
    }

    /// Applies the users' curations to what the batch stored, and commits it.
    pub fn commit_batch(&mut self) -> Result<(), KbError> {
        self.wanted = false;
        self.actors.clear();
        if self.in_batch {
            let result = self
                .stale
                .refresh(&self.conn)
                .and_then(|()| replay_curations(&self.conn))
                .and_then(|()| apply_fts_pending(&self.conn))
                .and_then(|()| apply_relation_pending(&self.conn))
                .and_then(|()| Ok(self.conn.execute_batch("COMMIT")?));
            if result.is_err() {
                let _ = self.conn.execute_batch("ROLLBACK");
            }
            self.stale.clear();
            self.in_batch = false;
            self.committed = Some(std::time::Instant::now());
            result.map_err(|err| self.busy(err))?;
        }
        Ok(())
    }

    /// Runs `work` all or nothing: inside an open batch as part of it (in a savepoint when the
    /// batch is careful; otherwise a failure rolls the batch back), else in a transaction of
    /// its own (which also replays the curations). `work` marks the statements and demands it
    /// touched stale: they are recomputed when the batch commits (a fact a failed article of a
    /// careful batch touched is recomputed too, which changes nothing).
    pub(super) fn unit<T>(
        &mut self,
        work: impl FnOnce(&Connection, &mut Stale) -> Result<T, KbError>,
    ) -> Result<T, KbError> {
        self.open_batch()?;
        if self.in_batch && !self.careful {
            return work(&self.conn, &mut self.stale).map_err(|err| {
                let _ = self.conn.execute_batch("ROLLBACK");
                self.stale.clear();
                self.in_batch = false;
                KbError::BatchRolledBack(Box::new(err))
            });
        }
        if self.in_batch {
            self.conn.execute_batch("SAVEPOINT article")?;
            match work(&self.conn, &mut self.stale) {
                Ok(value) => {
                    self.conn.execute_batch("RELEASE article")?;
                    Ok(value)
                }
                Err(err) => {
                    self.conn
                        .execute_batch("ROLLBACK TO article; RELEASE article")?;
                    Err(err)
                }
            }
        } else {
            let result = (|| {
                let tx = self
                    .conn
                    .transaction_with_behavior(TransactionBehavior::Immediate)?;
                let mut stale = Stale::default();
                let value = work(&tx, &mut stale)?;
                stale.refresh(&tx)?;
                replay_curations(&tx)?;
                apply_fts_pending(&tx)?;
                apply_relation_pending(&tx)?;
                tx.commit()?;
                Ok(value)
            })();
            result.map_err(|err| self.busy(err))
        }
    }

    /// Stores a new article with its facts, all or nothing, joining them to what other articles
    /// reported. Returns the article's id.
    pub fn add_article(
        &mut self,
        article: &Article,
        extraction: &Extraction,
    ) -> Result<(i64, FactCounts), KbError> {
        // The cache is kept only while the batch's transaction holds what it points to.
        let actors = std::cell::RefCell::new(std::mem::take(&mut self.actors));
        let result = self.unit(|conn, stale| {
            exec(
                conn,
                "INSERT INTO articles (title, published, published_precision, source, url, body, \
                 content_sha256, origin, extractor_version) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    article.title,
                    super::articles::day(article.published),
                    super::articles::day_precision(article.published),
                    article.source,
                    article.url,
                    article.body,
                    article.content_hash(),
                    article.origin,
                    crate::VERSION,
                ],
            )?;
            let article_id = conn.last_insert_rowid();
            write_source_warnings(conn, article_id, &article.warnings)?;
            super::articles::insert_first_copy(conn, article_id, article)?;
            let written = ReportWriter::new(conn, article_id, article.published, &article.body)
                .with_actor_cache(&actors)
                .write(extraction)?;
            combine(conn, written, Removed::default(), stale)?;
            Ok((article_id, FactCounts::of(extraction)))
        });
        if result.is_ok() && self.in_batch {
            self.actors = actors.into_inner();
        }
        result
    }

    /// Replaces the facts extracted from a stored article, all or nothing. Facts that other
    /// articles also report keep those sources; facts only this article reported go.
    pub fn replace_facts(
        &mut self,
        article_id: i64,
        extraction: &Extraction,
    ) -> Result<FactCounts, KbError> {
        self.unit(|conn, stale| replace_facts_in(conn, article_id, extraction, stale))
    }

    /// Records what a user says about actors and applies it at once; it is applied again after
    /// every later ingest. Fails, storing nothing, when it names no actor or cannot be done.
    ///
    /// An alias or a new name that another known actor already answers to is refused: saying
    /// that two known actors are one is `merge`'s to do, not a side effect of naming one.
    /// While another process writes, it waits up to the busy timeout and then fails
    /// [`KbError::Busy`].
    pub fn curate(&mut self, curation: &Curation) -> Result<(), CurationError> {
        curation.check_words()?;
        let path = self.path.clone();
        let busy = |err: CurationError| match err {
            CurationError::Kb(err) => CurationError::Kb(busy_error(&path, err)),
            other => other,
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|err| busy(err.into()))?;
        (|| {
            check_new_name(&tx, curation)?;
            apply_curation(&tx, curation)?;
            let (action, actor, argument) = curation.parts();
            exec(
                &tx,
                "INSERT INTO actor_curations (action, actor, argument) VALUES (?1, ?2, ?3)",
                params![action, actor, argument],
            )?;
            apply_fts_pending(&tx)?;
            apply_relation_pending(&tx)?;
            tx.commit()?;
            Ok(())
        })()
        .map_err(busy)
    }

    /// How many articles, meetings, statements and demands the knowledge base holds: facts
    /// several articles report count once.
    pub fn totals(&self) -> Result<[i64; 4], KbError> {
        let mut totals = [0; 4];
        for (total, table) in
            totals
                .iter_mut()
                .zip(["articles", "meetings", "statements", "demands"])
        {
            *total = self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
                    row.get(0)
                })?;
        }
        Ok(totals)
    }

    /// Every stored article's id, oldest first.
    pub fn article_ids(&self) -> Result<Vec<i64>, KbError> {
        let mut statement = self.conn.prepare("SELECT id FROM articles ORDER BY id")?;
        let ids = statement
            .query_map([], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    }

    pub fn article(&self, id: i64) -> Result<StoredArticle, KbError> {
        Ok(self.conn.query_row(
            "SELECT id, title, published, body, origin FROM articles WHERE id = ?1",
            [id],
            |row| {
                let published: Option<String> = row.get(2)?;
                Ok(StoredArticle {
                    id: row.get(0)?,
                    title: row.get(1)?,
                    published: published
                        .and_then(|p| NaiveDate::parse_from_str(&p, "%Y-%m-%d").ok()),
                    body: row.get(3)?,
                    origin: row.get(4)?,
                })
            },
        )?)
    }

    /// The connection, for tests and read queries run while writing.
    #[cfg(test)]
    pub(crate) fn connection_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// When a store is done, the pages its batches freed go back to the file system: a database
/// dipkb created (schema V14 on) keeps SQLite's `auto_vacuum = INCREMENTAL`, and the free
/// pages (what full-text merges and rewritten rows left, up to a fifteenth of the file after
/// an ingest of state-pr) are cut from the end of the file. Freed pages are reused by the next
/// batch, so this is done once, not at every commit. A database made before keeps its free
/// pages for reuse (`PRAGMA incremental_vacuum` does nothing there). Best effort: another
/// process holding the database is not waited for.
impl Drop for Store {
    fn drop(&mut self) {
        if self.in_batch {
            return;
        }
        let free: rusqlite::Result<i64> = self
            .conn
            .query_row("PRAGMA freelist_count", [], |row| row.get(0));
        if matches!(free, Ok(n) if n > 0) {
            let _ = self.conn.busy_timeout(std::time::Duration::ZERO);
            // The pragma frees one page at each step, returning a row for it.
            let vacuum = |conn: &Connection| -> rusqlite::Result<()> {
                let mut statement = conn.prepare("PRAGMA incremental_vacuum")?;
                let mut rows = statement.query([])?;
                while rows.next()?.is_some() {}
                Ok(())
            };
            if let Err(err) = vacuum(&self.conn) {
                tracing::debug!("free pages kept: {err}");
            }
        }
    }
}

/// Another process holding the database past the busy timeout is said as such.
fn busy_error(path: &Path, err: KbError) -> KbError {
    match &err {
        KbError::Sqlite(e)
            if matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
            ) =>
        {
            KbError::Busy {
                path: path.to_path_buf(),
            }
        }
        _ => err,
    }
}

#[cfg(test)]
mod tests;
