//! Writing articles and their facts, and the curations users make of actors.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::refresh::Stale;
use super::resolve::{self, Touched};
use super::write::{ActorCache, ReportWriter, Reuse, Written};
use super::{KbError, consolidate, exec, schema};
use crate::extract::Extraction;
use crate::source::{Article, Warning};

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

/// What a user says about actors; kept in `actor_curations` and replayed after every ingest, so
/// that it survives re-extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Curation {
    /// `alias` is another name of `actor`.
    Alias { actor: String, alias: String },
    /// The actor named `other` is `actor`.
    Merge { actor: String, other: String },
    /// `actor` is to be called `name`.
    Rename { actor: String, name: String },
}

impl Curation {
    /// Refuses words that name nothing: empty, blank or punctuation only, or longer than any
    /// name.
    fn check_words(&self) -> Result<(), CurationError> {
        let (_, actor, argument) = self.parts();
        let argument_is = match self {
            Curation::Alias { .. } => "the alias",
            Curation::Merge { .. } => "the actor to merge",
            Curation::Rename { .. } => "the new name",
        };
        for (what, words) in [("the actor's name", actor), (argument_is, argument)] {
            if !words.chars().any(char::is_alphanumeric) {
                return Err(CurationError::Empty(what));
            }
            let length = words.chars().count();
            if length > super::LONGEST_NAME {
                return Err(CurationError::TooLong(what, length));
            }
        }
        Ok(())
    }

    fn parts(&self) -> (&'static str, &str, &str) {
        match self {
            Curation::Alias { actor, alias } => ("alias", actor, alias),
            Curation::Merge { actor, other } => ("merge", actor, other),
            Curation::Rename { actor, name } => ("rename", actor, name),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CurationError {
    #[error("no actor is called {0:?} (`dipkb sql \"SELECT name FROM actor_list\"` lists them)")]
    Unknown(String),
    #[error("{name:?} could be any of {count} actors; use the name `dipkb actor` shows")]
    Ambiguous { name: String, count: usize },
    #[error("{0:?} and {1:?} are the same actor already")]
    Same(String, String),
    #[error("cannot merge {0:?} into {1:?}: they are of different kinds ({2} and {3})")]
    Kinds(String, String, String, String),
    #[error(
        "cannot merge {0:?} into {1:?}: both have a state code or Wikidata item, and they differ"
    )]
    Codes(String, String),
    #[error("{0} is empty: give a name with a letter or a digit in it")]
    Empty(&'static str),
    #[error("{0} has {1} characters: a name has at most {max}", max = super::LONGEST_NAME)]
    TooLong(&'static str, usize),
    #[error(
        "{name:?} is another actor's name already ({kind} {other}); if they are one actor, \
         say so with `dipkb actor merge {actor:?} {other:?}`"
    )]
    NamesAnother {
        name: String,
        actor: String,
        kind: String,
        other: String,
    },
    #[error(transparent)]
    Kb(#[from] KbError),
}

impl From<rusqlite::Error> for CurationError {
    fn from(err: rusqlite::Error) -> CurationError {
        CurationError::Kb(KbError::Sqlite(err))
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

/// Replaces the facts extracted from a stored article inside the caller's transaction: see
/// [`Store::replace_facts`].
pub(super) fn replace_facts_in(
    conn: &Connection,
    article_id: i64,
    extraction: &Extraction,
    stale: &mut Stale,
) -> Result<FactCounts, KbError> {
    let (published, body): (Option<String>, String) = conn.query_row(
        "SELECT published, body FROM articles WHERE id = ?1",
        [article_id],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    let (removed, reuse) = remove_reports_of(conn, article_id)?;
    let published = published.and_then(|p| NaiveDate::parse_from_str(&p, "%Y-%m-%d").ok());
    let written = ReportWriter::new(conn, article_id, published, &body)
        .reusing(reuse)
        .write(extraction)?;
    combine(conn, written, removed, stale)?;
    exec(
        conn,
        "UPDATE articles SET extractor_version = ?2, \
             extracted_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
        params![article_id, crate::VERSION],
    )?;
    Ok(FactCounts::of(extraction))
}

fn write_source_warnings(
    tx: &Connection,
    article_id: i64,
    warnings: &[Warning],
) -> Result<(), KbError> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO diagnostics (article_id, stage, severity, code, message) \
         VALUES (?1, 'source', 'warning', ?2, ?3)",
    )?;
    for warning in warnings {
        insert.execute(params![article_id, warning.code, warning.message])?;
    }
    Ok(())
}

/// Facts that lost a report when an article's reports were removed.
#[derive(Debug, Default)]
struct Removed {
    meetings: BTreeSet<i64>,
    statements: BTreeSet<i64>,
    demands: BTreeSet<i64>,
    statement_keys: BTreeSet<i64>,
    demand_keys: BTreeSet<i64>,
}

/// Deletes an article's reports, evidence and extraction diagnostics, and the roles only it
/// gave. Returns the facts that lost reports, and which fact each report had.
fn remove_reports_of(tx: &Connection, article_id: i64) -> Result<(Removed, Reuse), KbError> {
    let mut removed = Removed::default();
    let mut reuse = Reuse::default();
    for (table, column, map) in [
        ("meeting_reports", "meeting_id", &mut reuse.meetings),
        ("statement_reports", "statement_id", &mut reuse.statements),
        ("demand_reports", "demand_id", &mut reuse.demands),
    ] {
        let mut select = tx.prepare(&format!(
            "SELECT position, {column} FROM {table} WHERE article_id = ?1"
        ))?;
        for pair in select.query_map([article_id], |row| Ok((row.get(0)?, row.get(1)?)))? {
            let (position, fact) = pair?;
            map.insert(position, fact);
        }
    }
    let ids = |sql: &str| -> Result<BTreeSet<i64>, KbError> {
        let mut select = tx.prepare(sql)?;
        let ids = select
            .query_map([article_id], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    };
    removed.meetings =
        ids("SELECT DISTINCT meeting_id FROM meeting_reports WHERE article_id = ?1")?;
    removed.statements =
        ids("SELECT DISTINCT statement_id FROM statement_reports WHERE article_id = ?1")?;
    removed.demands = ids("SELECT DISTINCT demand_id FROM demand_reports WHERE article_id = ?1")?;
    let roles = ids("SELECT DISTINCT person_role_id FROM evidence_spans \
         WHERE article_id = ?1 AND person_role_id IS NOT NULL")?;
    for (table, keys) in [
        ("statement_reports", &mut removed.statement_keys),
        ("demand_reports", &mut removed.demand_keys),
    ] {
        let mut select = tx.prepare(&format!(
            "SELECT DISTINCT text_hash FROM {table} WHERE article_id = ?1"
        ))?;
        for key in select.query_map([article_id], |row| row.get(0))? {
            keys.insert(key?);
        }
    }
    // Reports cascade to their participants and evidence.
    for table in ["statement_reports", "demand_reports", "meeting_reports"] {
        exec(
            tx,
            &format!("DELETE FROM {table} WHERE article_id = ?1"),
            [article_id],
        )?;
    }
    exec(
        tx,
        "DELETE FROM evidence_spans WHERE article_id = ?1",
        [article_id],
    )?;
    exec(
        tx,
        "DELETE FROM diagnostics WHERE article_id = ?1 AND stage = 'extract'",
        [article_id],
    )?;
    for role in roles {
        exec(
            tx,
            "DELETE FROM person_roles WHERE id = ?1 \
             AND NOT EXISTS (SELECT 1 FROM evidence_spans WHERE person_role_id = ?1)",
            [role],
        )?;
    }
    Ok((removed, reuse))
}

/// Joins new reports to the facts other articles report; recomputes every meeting, and marks
/// stale every statement and demand, that gained or lost a report or whose actors were merged.
fn combine(
    tx: &Connection,
    written: Written,
    removed: Removed,
    stale: &mut Stale,
) -> Result<(), KbError> {
    let Written {
        meeting_reports,
        placed_statements,
        regroup_statements,
        placed_demands,
        regroup_demands,
        touched,
    } = written;
    consolidate::after_removal(tx, &removed.meetings, &removed.statements, &removed.demands)?;
    let mut touched_meetings = touched.meetings;
    touched_meetings.retain(|id| !removed.meetings.contains(id));
    let meetings = consolidate::meetings(tx, &meeting_reports, &touched_meetings)?;
    // Reports placed as they were stored need only their facts recomputed; the others, and
    // words whose speakers were merged or that lost a report, are regrouped.
    let mut keys = touched.statement_keys;
    keys.extend(removed.statement_keys);
    stale
        .statements
        .extend(consolidate::statements(tx, &regroup_statements, &keys)?);
    stale.statements.extend(placed_statements);
    let mut keys = touched.demand_keys;
    keys.extend(removed.demand_keys);
    stale
        .demands
        .extend(consolidate::demands(tx, &regroup_demands, &keys)?);
    stale.demands.extend(placed_demands);
    consolidate::refresh_linked(tx, &meetings.moved, stale)?;
    Ok(())
}

/// Brings the full-text indexes up to date with what the transaction changed: the triggers
/// queue each change in `fts_pending` (schema V3), and one statement per index and kind of
/// change applies them, so that FTS5 writes its new terms out once instead of at every row.
/// Runs before every commit.
///
/// Since schema V6 a row to index is queued by id alone and indexed as it is now, so only the
/// net change of each row is applied: the words it had before the transaction are forgotten
/// when its first queued change is a deletion (a row first queued for indexing was not indexed
/// before), and its words now are indexed when it still exists.
pub(crate) fn apply_fts_pending(tx: &Connection) -> Result<(), KbError> {
    exec(
        tx,
        "INSERT INTO statements_fts (statements_fts, rowid, text) \
         SELECT 'delete', row, body FROM (SELECT op, row, body, min(seq) FROM fts_pending \
             WHERE target = 'statements' GROUP BY row) \
         WHERE op = 'delete' ORDER BY row",
        [],
    )?;
    exec(
        tx,
        "INSERT INTO statements_fts (rowid, text) SELECT id, text FROM statements \
         WHERE id IN (SELECT row FROM fts_pending WHERE target = 'statements' AND op IS NULL) \
         ORDER BY id",
        [],
    )?;
    exec(
        tx,
        "INSERT INTO articles_fts (articles_fts, rowid, title, body) \
         SELECT 'delete', row, title, body FROM (SELECT op, row, title, body, min(seq) \
             FROM fts_pending WHERE target = 'articles' GROUP BY row) \
         WHERE op = 'delete' ORDER BY row",
        [],
    )?;
    exec(
        tx,
        "INSERT INTO articles_fts (rowid, title, body) SELECT id, title, body FROM articles \
         WHERE id IN (SELECT row FROM fts_pending WHERE target = 'articles' AND op IS NULL) \
         ORDER BY id",
        [],
    )?;
    exec(tx, "DELETE FROM fts_pending", [])?;
    Ok(())
}

/// Applies every stored curation again, in the order users made them. One that no longer
/// applies (its actor is gone from the database) is skipped.
fn replay_curations(tx: &Connection) -> Result<(), KbError> {
    let curations: Vec<Curation> = {
        let mut select =
            tx.prepare_cached("SELECT action, actor, argument FROM actor_curations ORDER BY id")?;
        select
            .query_map([], |row| {
                let action: String = row.get(0)?;
                let actor: String = row.get(1)?;
                let argument: String = row.get(2)?;
                Ok(match action.as_str() {
                    "alias" => Curation::Alias {
                        actor,
                        alias: argument,
                    },
                    "merge" => Curation::Merge {
                        actor,
                        other: argument,
                    },
                    _ => Curation::Rename {
                        actor,
                        name: argument,
                    },
                })
            })?
            .collect::<Result<_, _>>()?
    };
    for curation in curations {
        match apply_curation(tx, &curation) {
            Ok(()) | Err(CurationError::Same(..)) | Err(CurationError::Unknown(_)) => {}
            Err(CurationError::Kb(err)) => return Err(err),
            Err(other) => tracing::warn!("curation {curation:?} no longer applies: {other}"),
        }
    }
    Ok(())
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

/// Refuses an alias or a new name that another known actor answers to, other than through a
/// surname it shares: a person of two words or more, or an actor with a state code or a
/// Wikidata item. An alias may still take in an actor of its kind stored under exactly that
/// name that is not known in that sense (a person stored under one word, an organisation named
/// only by articles): that is what an alias recorded for later articles does too.
fn check_new_name(tx: &Connection, curation: &Curation) -> Result<(), CurationError> {
    let (actor, new_name, absorbs) = match curation {
        Curation::Alias { actor, alias } => (actor, alias, true),
        Curation::Rename { actor, name } => (actor, name, false),
        Curation::Merge { .. } => return Ok(()),
    };
    let id = one_actor(tx, actor)?;
    let (kind, actor_name): (String, String) =
        tx.query_row("SELECT kind, name FROM actors WHERE id = ?1", [id], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
    let key = super::alias_key(new_name);
    let others: Vec<(String, String, bool)> = {
        let mut select = tx.prepare_cached(
            "SELECT DISTINCT a.kind, a.name, a.iso3 IS NOT NULL OR a.wikidata_qid IS NOT NULL \
             FROM actor_aliases AS al JOIN actors AS a ON a.id = al.actor_id \
             WHERE al.alias_key = ?1 AND al.kind <> 'surname' AND a.id <> ?2 ORDER BY a.name",
        )?;
        select
            .query_map(params![key, id], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?))
            })?
            .collect::<Result<_, _>>()?
    };
    for (other_kind, other_name, coded) in others {
        let known = coded || (other_kind == "person" && other_name.split_whitespace().count() >= 2);
        let taken_in = absorbs && other_kind == kind && super::alias_key(&other_name) == key;
        if known || !taken_in {
            return Err(CurationError::NamesAnother {
                name: new_name.clone(),
                actor: actor_name,
                kind: other_kind,
                other: other_name,
            });
        }
    }
    Ok(())
}

/// The one actor `name` names, by name or alias.
fn one_actor(conn: &Connection, name: &str) -> Result<i64, CurationError> {
    let ids = resolve::actors_named(conn, name)?;
    match ids.as_slice() {
        [] => Err(CurationError::Unknown(name.to_string())),
        [one] => Ok(*one),
        _ => {
            // The actor whose own name it is wins over those that only have it as an alias.
            let exact: Vec<i64> = {
                let mut select = conn.prepare_cached("SELECT id FROM actors WHERE name = ?1")?;
                select
                    .query_map([name], |row| row.get(0))?
                    .collect::<Result<_, _>>()?
            };
            match exact.as_slice() {
                [one] => Ok(*one),
                _ => Err(CurationError::Ambiguous {
                    name: name.to_string(),
                    count: ids.len(),
                }),
            }
        }
    }
}

fn apply_curation(tx: &Connection, curation: &Curation) -> Result<(), CurationError> {
    let mut touched = Touched::default();
    match curation {
        Curation::Alias { actor, alias } => {
            let id = one_actor(tx, actor)?;
            resolve::add_alias(tx, id, alias, "name", "user")?;
            // Actors of the same kind stored under that name are this one.
            let kind: String =
                tx.query_row("SELECT kind FROM actors WHERE id = ?1", [id], |row| {
                    row.get(0)
                })?;
            let others: Vec<i64> = {
                let mut select = tx.prepare_cached(
                    "SELECT id FROM actors WHERE kind = ?1 AND id <> ?2 AND name = ?3",
                )?;
                select
                    .query_map(params![kind, id, alias], |row| row.get(0))?
                    .collect::<Result<_, _>>()?
            };
            for other in others {
                touched.extend(merge_checked(tx, id, other, actor, alias)?);
            }
        }
        Curation::Merge { actor, other } => {
            let keep = one_actor(tx, actor)?;
            let gone = one_actor(tx, other)?;
            if keep == gone {
                return Err(CurationError::Same(actor.clone(), other.clone()));
            }
            touched.extend(merge_checked(tx, keep, gone, actor, other)?);
        }
        Curation::Rename { actor, name } => {
            let id = one_actor(tx, actor)?;
            let old: String =
                tx.query_row("SELECT name FROM actors WHERE id = ?1", [id], |row| {
                    row.get(0)
                })?;
            exec(
                tx,
                "UPDATE actors SET name = ?2, name_origin = 'user' WHERE id = ?1",
                params![id, name],
            )?;
            resolve::add_alias(tx, id, &old, "name", "user")?;
            resolve::add_alias(tx, id, name, "name", "user")?;
        }
    }
    let meetings = std::mem::take(&mut touched.meetings);
    for &id in &meetings {
        consolidate::refresh_meeting(tx, id)?;
    }
    let mut stale = Stale {
        statements: consolidate::statements(tx, &[], &touched.statement_keys)?,
        demands: consolidate::demands(tx, &[], &touched.demand_keys)?,
    };
    stale.refresh(tx)?;
    Ok(())
}

/// Merges `gone` into `keep` when they can be one actor.
fn merge_checked(
    tx: &Connection,
    keep: i64,
    gone: i64,
    keep_name: &str,
    gone_name: &str,
) -> Result<Touched, CurationError> {
    let describe = |id: i64| -> rusqlite::Result<(String, Option<String>, Option<String>)> {
        tx.query_row(
            "SELECT kind, iso3, wikidata_qid FROM actors WHERE id = ?1",
            [id],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
    };
    let (keep_kind, keep_iso3, keep_qid) = describe(keep)?;
    let (gone_kind, gone_iso3, gone_qid) = describe(gone)?;
    if keep_kind != gone_kind {
        return Err(CurationError::Kinds(
            gone_name.to_string(),
            keep_name.to_string(),
            gone_kind,
            keep_kind,
        ));
    }
    let clash =
        |a: &Option<String>, b: &Option<String>| matches!((a, b), (Some(x), Some(y)) if x != y);
    if clash(&keep_iso3, &gone_iso3) || clash(&keep_qid, &gone_qid) {
        return Err(CurationError::Codes(
            gone_name.to_string(),
            keep_name.to_string(),
        ));
    }
    Ok(resolve::merge_actors(tx, keep, gone)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{
        Actor, ActorKind, ActorRef, Answer, AnswerKind, Aspect, Demand, Evidence, Meeting,
        MeetingMode, MeetingRef, MeetingStatus, Participant, Place, PlaceKind, Role, Span,
        Statement, StatementKind, When,
    };
    use crate::text::PartialDate;

    const BODY: &str = "NATO allies and Russia met in Brussels on Wednesday. \
        “We can discuss many issues,” said Jens Stoltenberg. \
        Russia demands the withdrawal of NATO forces; the West rejected that.";

    /// The character span of `needle` in `BODY`.
    fn span_of(needle: &str) -> Span {
        let byte = BODY.find(needle).unwrap();
        let start = BODY[..byte].chars().count();
        Span {
            start,
            end: start + needle.chars().count(),
        }
    }

    fn evidence(needle: &str) -> Vec<Evidence> {
        vec![Evidence {
            aspect: Aspect::Fact,
            span: span_of(needle),
        }]
    }

    fn article(body: &str) -> Article {
        Article {
            title: "Talks".into(),
            published: NaiveDate::from_ymd_opt(2022, 1, 12),
            source: None,
            url: None,
            body: body.into(),
            origin: "test".into(),
            warnings: vec![],
        }
    }

    fn extraction() -> Extraction {
        let mut russia = Actor::new(ActorKind::State, "Russia");
        russia.iso3 = Some("RUS".into());
        russia.aliases.push("Moscow".into());
        let nato = Actor::new(ActorKind::Organisation, "NATO");
        let mut stoltenberg = Actor::new(ActorKind::Person, "Jens Stoltenberg");
        stoltenberg.roles.push(Role {
            title: Some("Secretary General".into()),
            affiliation: Some(ActorRef(1)),
            span: span_of("Jens Stoltenberg"),
        });
        let day = PartialDate::parse_iso("2022-01-12");
        Extraction {
            actors: vec![russia, nato, stoltenberg],
            meetings: vec![Meeting {
                label: Some("NATO-Russia Council".into()),
                kind: "session".into(),
                mode: MeetingMode::InPerson,
                status: MeetingStatus::Held,
                when: When {
                    date: day,
                    end: None,
                    phrase: Some("on Wednesday".into()),
                },
                place: Some(Place {
                    name: "Brussels".into(),
                    kind: PlaceKind::City,
                    country_iso3: Some("BEL".into()),
                }),
                participants: vec![
                    Participant {
                        actor: ActorRef(0),
                        role: "participant".into(),
                        implied: false,
                    },
                    Participant {
                        actor: ActorRef(1),
                        role: "participant".into(),
                        implied: true,
                    },
                    Participant {
                        actor: ActorRef(1),
                        role: "participant".into(),
                        implied: false,
                    },
                ],
                outcome: None,
                evidence: evidence("NATO allies and Russia met in Brussels on Wednesday."),
            }],
            statements: vec![Statement {
                event: None,
                speaker: Some(ActorRef(2)),
                speaker_party: Some(ActorRef(1)),
                kind: StatementKind::Direct,
                text: "We can discuss many issues,".into(),
                verb: Some("said".into()),
                when: When {
                    date: day,
                    ..When::default()
                },
                meeting: Some(MeetingRef(0)),
                evidence: evidence("We can discuss many issues,"),
            }],
            demands: vec![Demand {
                event: None,
                by: Some(ActorRef(0)),
                by_party: None,
                of: Some(ActorRef(1)),
                of_party: None,
                text: "the withdrawal of NATO forces".into(),
                cue: Some("demands".into()),
                answer: Some(Answer {
                    event: None,
                    kind: AnswerKind::Rejected,
                    by: Some(ActorRef(1)),
                    date: day,
                }),
                when: When::default(),
                meeting: None,
                evidence: evidence("Russia demands the withdrawal of NATO forces"),
            }],
            diagnostics: vec![],
        }
    }

    fn count(store: &Store, table: &str) -> i64 {
        store
            .connection()
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
                row.get(0)
            })
            .unwrap()
    }

    fn open() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("kb.sqlite")).unwrap();
        (dir, store)
    }

    #[test]
    fn facts_are_stored_with_spans_that_sql_tools_can_read() {
        let (_dir, mut store) = open();
        let (id, counts) = store.add_article(&article(BODY), &extraction()).unwrap();
        assert_eq!(
            counts,
            FactCounts {
                meetings: 1,
                statements: 1,
                demands: 1
            }
        );
        let conn = store.connection();
        let quote: String = conn
            .query_row(
                "SELECT substr(a.body, e.span_start + 1, e.span_end - e.span_start) \
                 FROM evidence_spans AS e JOIN articles AS a ON a.id = e.article_id \
                 WHERE e.statement_report_id IS NOT NULL AND a.id = ?1",
                [id],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(quote, "We can discuss many issues,");
        // NATO was listed implied and named: named wins.
        let implied: i64 = conn
            .query_row("SELECT sum(implied) FROM meeting_participants", [], |row| {
                row.get(0)
            })
            .unwrap();
        assert_eq!(implied, 0);
        let timeline: Vec<(String, String, String)> = conn
            .prepare("SELECT event, summary, ifnull(actors, '') FROM timeline")
            .unwrap()
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            timeline[0],
            (
                "meeting".into(),
                "NATO-Russia Council".into(),
                "NATO; Russia".into()
            )
        );
        let rejected: i64 = conn
            .query_row(
                "SELECT events FROM relationships WHERE actor = 'NATO' AND other = 'Russia' \
                 AND relation = 'rejected_demand_of'",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(rejected, 1);
        let role: (String, String, String) = conn
            .query_row(
                "SELECT r.title, a.name, r.first_seen FROM person_roles AS r \
                 JOIN actors AS a ON a.id = r.affiliation_id",
                [],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .unwrap();
        assert_eq!(
            role,
            (
                "Secretary General".into(),
                "NATO".into(),
                "2022-01-12".into()
            )
        );
        let hits: i64 = conn
            .query_row(
                "SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'discuss'",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(hits, 1);
    }

    #[test]
    fn actors_resolve_across_articles_by_code_name_and_alias() {
        let (_dir, mut store) = open();
        store.add_article(&article(BODY), &extraction()).unwrap();
        let mut moscow = Actor::new(ActorKind::State, "Moscow");
        moscow.aliases.push("the Kremlin".into());
        let other = Extraction {
            actors: vec![moscow, Actor::new(ActorKind::Organisation, "NATO")],
            ..Extraction::default()
        };
        store
            .add_article(&article("Moscow and NATO talked."), &other)
            .unwrap();
        assert_eq!(count(&store, "actors"), 3);
        let aliases: i64 = store
            .connection()
            .query_row(
                "SELECT count(*) FROM actor_aliases JOIN actors ON actors.id = actor_id \
                 WHERE actors.name = 'Russia'",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(aliases, 3, "Russia, Moscow, the Kremlin");
    }

    #[test]
    fn replacing_facts_is_idempotent_and_keeps_the_article() {
        let (_dir, mut store) = open();
        let (id, _) = store.add_article(&article(BODY), &extraction()).unwrap();
        let tables = [
            "articles",
            "meetings",
            "meeting_participants",
            "statements",
            "demands",
            "evidence_spans",
            "person_roles",
            "actors",
        ];
        let before: Vec<i64> = tables.iter().map(|t| count(&store, t)).collect();
        store.replace_facts(id, &extraction()).unwrap();
        store.replace_facts(id, &extraction()).unwrap();
        let after: Vec<i64> = tables.iter().map(|t| count(&store, t)).collect();
        assert_eq!(before, after);
        store.replace_facts(id, &Extraction::default()).unwrap();
        for table in [
            "meetings",
            "statements",
            "demands",
            "evidence_spans",
            "person_roles",
        ] {
            assert_eq!(count(&store, table), 0, "{table}");
        }
        assert_eq!(count(&store, "articles"), 1);
    }

    #[test]
    fn a_bad_span_stores_nothing_of_the_article() {
        let (_dir, mut store) = open();
        let mut bad = extraction();
        bad.statements[0].evidence[0].span = Span {
            start: 0,
            end: BODY.chars().count() + 1,
        };
        let err = store.add_article(&article(BODY), &bad).unwrap_err();
        assert!(matches!(err, KbError::SpanOutOfBody { .. }), "{err}");
        for table in ["articles", "meetings", "actors", "evidence_spans"] {
            assert_eq!(count(&store, table), 0, "{table}");
        }
    }

    /// An article published on `published` whose body is `body`.
    fn dated(body: &str, published: &str) -> Article {
        Article {
            published: NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
            ..article(body)
        }
    }

    fn whole(body: &str) -> Vec<Evidence> {
        vec![Evidence {
            aspect: Aspect::Fact,
            span: Span {
                start: 0,
                end: body.chars().count(),
            },
        }]
    }

    fn state(name: &str, iso3: &str) -> Actor {
        let mut actor = Actor::new(ActorKind::State, name);
        actor.iso3 = Some(iso3.into());
        actor
    }

    /// One meeting of `actors` (all named) on `date` in `place`.
    fn meeting_of(
        body: &str,
        actors: Vec<Actor>,
        date: &str,
        place: Option<&str>,
        status: MeetingStatus,
    ) -> Extraction {
        let participants = (0..actors.len())
            .map(|i| Participant {
                actor: ActorRef(i),
                role: "participant".into(),
                implied: false,
            })
            .collect();
        Extraction {
            actors,
            meetings: vec![Meeting {
                label: None,
                kind: "meeting".into(),
                mode: MeetingMode::Unknown,
                status,
                when: When {
                    date: PartialDate::parse_iso(date),
                    end: None,
                    phrase: None,
                },
                place: place.map(|name| Place {
                    name: name.into(),
                    kind: PlaceKind::City,
                    country_iso3: None,
                }),
                participants,
                outcome: None,
                evidence: whole(body),
            }],
            ..Extraction::default()
        }
    }

    fn rows(store: &Store, sql: &str) -> Vec<String> {
        let mut statement = store.connection().prepare(sql).unwrap();
        let columns = statement.column_count();
        statement
            .query_map([], |row| {
                let mut cells = Vec::new();
                for i in 0..columns {
                    let value: rusqlite::types::Value = row.get(i)?;
                    cells.push(match value {
                        rusqlite::types::Value::Null => "-".to_string(),
                        rusqlite::types::Value::Integer(n) => n.to_string(),
                        rusqlite::types::Value::Text(t) => t,
                        other => format!("{other:?}"),
                    });
                }
                Ok(cells.join(" | "))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn a_meeting_announced_then_reported_held_is_one_held_meeting_in_either_order() {
        let announced = "The council will meet in Vienna on Thursday.";
        let held = "The council met in Vienna on Thursday.";
        let inputs = [
            (
                dated(announced, "2022-01-10"),
                meeting_of(
                    announced,
                    vec![state("Russia", "RUS"), state("Austria", "AUT")],
                    "2022-01-13",
                    Some("Vienna"),
                    MeetingStatus::Planned,
                ),
            ),
            (
                dated(held, "2022-01-14"),
                meeting_of(
                    held,
                    vec![state("Russia", "RUS")],
                    "2022-01-13",
                    None,
                    MeetingStatus::Held,
                ),
            ),
        ];
        let mut results = Vec::new();
        for order in [[0, 1], [1, 0]] {
            let (_dir, mut store) = open();
            for i in order {
                store.add_article(&inputs[i].0, &inputs[i].1).unwrap();
            }
            assert_eq!(count(&store, "meetings"), 1);
            assert_eq!(count(&store, "meeting_reports"), 2);
            results.push(rows(
                &store,
                "SELECT date, status, place, participants, sources, cameo_code FROM meeting_list",
            ));
        }
        assert_eq!(
            results[0],
            ["2022-01-13 | held | Vienna | Austria; Russia | 2 | 040"]
        );
        assert_eq!(results[0], results[1]);
    }

    #[test]
    fn two_meetings_of_one_day_in_one_city_stay_two() {
        let council = "NATO and Russia met in Brussels.";
        let quint = "Sherman met her French and German counterparts in Brussels.";
        let (_dir, mut store) = open();
        store
            .add_article(
                &dated(council, "2022-01-12"),
                &meeting_of(
                    council,
                    vec![
                        Actor::new(ActorKind::Organisation, "NATO"),
                        state("Russia", "RUS"),
                    ],
                    "2022-01-12",
                    Some("Brussels"),
                    MeetingStatus::Held,
                ),
            )
            .unwrap();
        store
            .add_article(
                &dated(quint, "2022-01-12"),
                &meeting_of(
                    quint,
                    vec![
                        state("United States", "USA"),
                        state("France", "FRA"),
                        state("Germany", "DEU"),
                    ],
                    "2022-01-12",
                    Some("Brussels"),
                    MeetingStatus::Held,
                ),
            )
            .unwrap();
        assert_eq!(count(&store, "meetings"), 2);
    }

    #[test]
    fn a_quote_two_articles_report_is_one_statement_with_two_sources() {
        let bodies = [
            "“There is a real risk,” Stoltenberg said.",
            "\"There is a real risk\", said NATO's Jens Stoltenberg.",
        ];
        let (_dir, mut store) = open();
        for (body, speaker) in bodies.iter().zip(["Stoltenberg", "Jens Stoltenberg"]) {
            let extraction = Extraction {
                actors: vec![Actor::new(ActorKind::Person, speaker)],
                statements: vec![Statement {
                    speaker: Some(ActorRef(0)),
                    speaker_party: None,
                    kind: StatementKind::Direct,
                    text: body.chars().skip(1).take(20).collect(),
                    verb: Some("said".into()),
                    when: When::default(),
                    meeting: None,
                    evidence: whole(body),
                    event: None,
                }],
                ..Extraction::default()
            };
            store
                .add_article(&dated(body, "2022-01-12"), &extraction)
                .unwrap();
        }
        assert_eq!(
            rows(&store, "SELECT speaker, text, sources FROM statement_list"),
            ["Jens Stoltenberg | There is a real risk | 2"]
        );
        // "Stoltenberg" alone was absorbed by the full name.
        assert_eq!(
            rows(&store, "SELECT name FROM actors WHERE kind = 'person'"),
            ["Jens Stoltenberg"]
        );
    }

    #[test]
    fn a_surname_shared_by_two_known_persons_is_given_to_neither() {
        let (_dir, mut store) = open();
        for (i, name) in ["Joe Biden", "Hunter Biden", "Biden"].iter().enumerate() {
            let body = format!("Article {i} about {name}.");
            let extraction = Extraction {
                actors: vec![Actor::new(ActorKind::Person, *name)],
                ..Extraction::default()
            };
            store.add_article(&article(&body), &extraction).unwrap();
        }
        assert_eq!(count(&store, "actors"), 3);
    }

    #[test]
    fn curations_are_kept_and_survive_reextraction() {
        let body = "Sergei Lavrov, or Sergey Lavrov as others spell him, talked.";
        let extraction = meeting_of(
            body,
            vec![
                Actor::new(ActorKind::Person, "Sergei Lavrov"),
                Actor::new(ActorKind::Person, "Sergey Lavrov"),
            ],
            "2022-01-10",
            None,
            MeetingStatus::Held,
        );
        let (_dir, mut store) = open();
        let (id, _) = store.add_article(&article(body), &extraction).unwrap();
        assert_eq!(count(&store, "actors"), 2);
        store
            .curate(&Curation::Merge {
                actor: "Sergey Lavrov".into(),
                other: "Sergei Lavrov".into(),
            })
            .unwrap();
        store
            .curate(&Curation::Rename {
                actor: "Sergey Lavrov".into(),
                name: "Sergey V. Lavrov".into(),
            })
            .unwrap();
        store.replace_facts(id, &extraction).unwrap();
        assert_eq!(
            rows(&store, "SELECT name, name_origin FROM actors"),
            ["Sergey V. Lavrov | user"]
        );
        assert_eq!(
            rows(&store, "SELECT participants FROM meeting_list"),
            ["Sergey V. Lavrov"]
        );
        let err = store
            .curate(&Curation::Alias {
                actor: "Nobody".into(),
                alias: "X".into(),
            })
            .unwrap_err();
        assert!(matches!(err, CurationError::Unknown(_)), "{err}");
        assert_eq!(count(&store, "actor_curations"), 2);
    }

    /// Issue #14, item 12: naming an actor never makes two known actors one; `merge` does.
    #[test]
    fn an_alias_or_a_new_name_of_another_known_actor_is_refused() {
        let body = "Sergei Lavrov met Sergey Lavrov, NATO and the Alliance.";
        let mut nato = Actor::new(ActorKind::Organisation, "NATO");
        nato.wikidata_qid = Some("Q7184".into());
        let extraction = meeting_of(
            body,
            vec![
                Actor::new(ActorKind::Person, "Sergei Lavrov"),
                Actor::new(ActorKind::Person, "Sergey Lavrov"),
                nato,
                Actor::new(ActorKind::Organisation, "the Alliance"),
            ],
            "2022-01-10",
            None,
            MeetingStatus::Held,
        );
        let (_dir, mut store) = open();
        store.add_article(&article(body), &extraction).unwrap();
        assert_eq!(count(&store, "actors"), 4);
        for curation in [
            Curation::Alias {
                actor: "Sergei Lavrov".into(),
                alias: "sergey  lavrov".into(),
            },
            Curation::Rename {
                actor: "Sergei Lavrov".into(),
                name: "Sergey Lavrov".into(),
            },
            Curation::Alias {
                actor: "the Alliance".into(),
                alias: "NATO".into(),
            },
        ] {
            let err = store.curate(&curation).unwrap_err();
            assert!(
                matches!(err, CurationError::NamesAnother { .. }),
                "{curation:?}: {err}"
            );
            assert!(err.to_string().contains("dipkb actor merge"), "{err}");
        }
        assert_eq!(count(&store, "actors"), 4);
        assert_eq!(count(&store, "actor_curations"), 0);
        // An organisation only articles named is taken in by an alias, as before.
        store
            .curate(&Curation::Alias {
                actor: "NATO".into(),
                alias: "the Alliance".into(),
            })
            .unwrap();
        // Two known persons become one only when a user says so with merge.
        store
            .curate(&Curation::Merge {
                actor: "Sergei Lavrov".into(),
                other: "Sergey Lavrov".into(),
            })
            .unwrap();
        assert_eq!(
            rows(&store, "SELECT kind, name FROM actors ORDER BY id"),
            ["person | Sergei Lavrov", "organisation | NATO"]
        );
    }

    /// Issue #14, item 12: empty and overlong names are refused, and nothing is recorded.
    #[test]
    fn empty_or_overlong_names_are_refused() {
        let body = "Sergei Lavrov met NATO.";
        let extraction = meeting_of(
            body,
            vec![
                Actor::new(ActorKind::Person, "Sergei Lavrov"),
                Actor::new(ActorKind::Organisation, "NATO"),
            ],
            "2022-01-10",
            None,
            MeetingStatus::Held,
        );
        let (_dir, mut store) = open();
        store.add_article(&article(body), &extraction).unwrap();
        let long = "x".repeat(super::super::LONGEST_NAME + 1);
        for (curation, expected) in [
            (
                Curation::Alias {
                    actor: "Sergei Lavrov".into(),
                    alias: String::new(),
                },
                "the alias is empty",
            ),
            (
                Curation::Alias {
                    actor: "Sergei Lavrov".into(),
                    alias: " . ".into(),
                },
                "the alias is empty",
            ),
            (
                Curation::Rename {
                    actor: "Sergei Lavrov".into(),
                    name: "  ".into(),
                },
                "the new name is empty",
            ),
            (
                Curation::Merge {
                    actor: String::new(),
                    other: "NATO".into(),
                },
                "the actor's name is empty",
            ),
            (
                Curation::Alias {
                    actor: "Sergei Lavrov".into(),
                    alias: long,
                },
                "the alias has 201 characters",
            ),
        ] {
            let err = store.curate(&curation).unwrap_err();
            assert!(err.to_string().contains(expected), "{curation:?}: {err}");
        }
        assert_eq!(count(&store, "actor_curations"), 0);
        assert_eq!(
            rows(&store, "SELECT alias FROM actor_aliases ORDER BY alias"),
            ["Lavrov", "NATO", "Sergei Lavrov"]
        );
    }

    /// Issue #12: a database of schema version 5 keeps its facts through migration V6, which
    /// hashes the folded words of every report and drops the words a report's evidence shows.
    #[test]
    fn a_version_5_database_migrates_and_reads_back_the_same_facts() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.sqlite");
        let conn = schema::database_at(&path, 5);
        let quote = BODY.find("We can").unwrap();
        let quote = BODY[..quote].chars().count();
        let (said, demanded) = (
            span_of("We can discuss many issues,"),
            span_of("Russia demands"),
        );
        assert_eq!(said.start, quote);
        conn.execute(
            "INSERT INTO articles (id, title, published, published_precision, body, \
             content_sha256, origin, extractor_version) \
             VALUES (1, 'Talks', '2022-01-12', 'day', ?1, 'h1', 'old.txt', '0.1.0')",
            [BODY],
        )
        .unwrap();
        conn.execute_batch(
            "INSERT INTO actors (id, kind, name) VALUES (1, 'person', 'Jens Stoltenberg'), \
                 (2, 'state', 'Russia');
             INSERT INTO statements (id, speaker_id, kind, text, verb, date, date_precision) \
                 VALUES (1, 1, 'direct', 'We can discuss many issues,', 'said', '2022-01-12', 'day'), \
                 (2, 2, 'indirect', 'NATO forces must withdraw', NULL, NULL, 'unknown');
             INSERT INTO statement_reports (id, statement_id, article_id, position, speaker_id, \
                 kind, text, text_key, verb, date, date_precision) \
                 VALUES (1, 1, 1, 0, 1, 'direct', 'We can discuss many issues,', \
                     'we can discuss many issues', 'said', '2022-01-12', 'day'), \
                 (2, 2, 1, 1, 2, 'indirect', 'NATO forces must withdraw', \
                     'nato forces must withdraw', NULL, NULL, 'unknown');
             INSERT INTO demands (id, by_actor_id, text, date, date_precision) \
                 VALUES (1, 2, 'the withdrawal of NATO forces', '2022-01-12', 'day');
             INSERT INTO demand_reports (id, demand_id, article_id, position, by_actor_id, text, \
                 text_key, date, date_precision) \
                 VALUES (1, 1, 1, 0, 2, 'the withdrawal of NATO forces', \
                     'the withdrawal of nato forces', '2022-01-12', 'day');",
        )
        .unwrap();
        // The first report's words are its span; the second's are not the span it points to.
        for (report, span) in [(1, said), (2, demanded)] {
            conn.execute(
                "INSERT INTO evidence_spans (article_id, statement_report_id, aspect, span_start, \
                 span_end) VALUES (1, ?1, 'fact', ?2, ?3)",
                params![report, span.start as i64, span.end as i64],
            )
            .unwrap();
        }
        apply_fts_pending(&conn).unwrap();
        // The views as version 5 had them: later versions may add columns.
        let views = [
            ("statement_list", "id"),
            ("demand_list", "id"),
            ("evidence", "fact, fact_id, span_start"),
        ];
        let columns_at_5: Vec<String> = views
            .iter()
            .map(|(view, _)| {
                conn.prepare(&format!("SELECT * FROM {view}"))
                    .unwrap()
                    .column_names()
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect();
        let read = |conn: &Connection| -> Vec<String> {
            views
                .iter()
                .zip(&columns_at_5)
                .flat_map(|((view, order), columns)| {
                    let sql = format!("SELECT {columns} FROM {view} ORDER BY {order}");
                    let mut statement = conn.prepare(&sql).unwrap();
                    let columns = statement.column_count();
                    statement
                        .query_map([], |row| {
                            (0..columns)
                                .map(|i| row.get::<_, rusqlite::types::Value>(i))
                                .collect::<Result<Vec<_>, _>>()
                                .map(|cells| format!("{cells:?}"))
                        })
                        .unwrap()
                        .collect::<Result<Vec<_>, _>>()
                        .unwrap()
                })
                .collect()
        };
        let before = read(&conn);
        assert_eq!(before.len(), 5, "{before:#?}");
        drop(conn);

        let store = Store::open(&path).unwrap();
        assert_eq!(read(store.connection()), before);
        // The report tables were made again with foreign keys off: every reference holds, and
        // the keys are on again.
        assert_eq!(
            rows(&store, "SELECT count(*) FROM pragma_foreign_key_check"),
            ["0"]
        );
        assert_eq!(rows(&store, "PRAGMA foreign_keys"), ["1"]);
        assert_eq!(
            rows(
                &store,
                "SELECT id, coalesce(text, '-') FROM statement_reports ORDER BY id"
            ),
            ["1 | -", "2 | NATO forces must withdraw"]
        );
        assert_eq!(
            rows(
                &store,
                "SELECT id, text FROM statement_report_words ORDER BY id"
            ),
            [
                "1 | We can discuss many issues,",
                "2 | NATO forces must withdraw"
            ]
        );
        // The hashes the migration computed are the ones new reports of the words get.
        let hash = |sql: &str| -> i64 {
            store
                .connection()
                .query_row(sql, [], |row| row.get(0))
                .unwrap()
        };
        use super::super::write::{key_hash, text_key};
        assert_eq!(
            hash("SELECT text_hash FROM statement_reports WHERE id = 1"),
            key_hash(&text_key("We can discuss many issues,"))
        );
        assert_eq!(
            hash("SELECT text_hash FROM demand_reports WHERE id = 1"),
            key_hash(&text_key("the withdrawal of NATO forces"))
        );
        assert_eq!(
            hash("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'discuss'"),
            1
        );
        // A later article quoting the same words joins the migrated statement.
        let mut store = store;
        store
            .add_article(&dated(BODY, "2022-01-13"), &extraction())
            .unwrap();
        assert_eq!(
            rows(
                &store,
                "SELECT id, sources FROM statement_list WHERE text LIKE 'We can%'"
            ),
            ["1 | 2"]
        );
    }

    #[test]
    fn a_meeting_reported_by_many_articles_stays_one_and_apart_from_another() {
        let (_dir, mut store) = open();
        for i in 0..60 {
            let body = format!("Report {i}: Russia and NATO met in Brussels.");
            let extraction = meeting_of(
                &body,
                vec![
                    state("Russia", "RUS"),
                    Actor::new(ActorKind::Organisation, "NATO"),
                ],
                "2022-01-12",
                Some("Brussels"),
                MeetingStatus::Held,
            );
            store
                .add_article(&dated(&body, "2022-01-12"), &extraction)
                .unwrap();
            // Every tenth article also reports a meeting of other parties that day.
            if i % 10 == 0 {
                let body = format!("Report {i}b: France and Germany met in Brussels.");
                let extraction = meeting_of(
                    &body,
                    vec![state("France", "FRA"), state("Germany", "DEU")],
                    "2022-01-12",
                    Some("Brussels"),
                    MeetingStatus::Held,
                );
                store
                    .add_article(&dated(&body, "2022-01-12"), &extraction)
                    .unwrap();
            }
        }
        assert_eq!(
            rows(
                &store,
                "SELECT participants, sources FROM meeting_list ORDER BY sources"
            ),
            ["France; Germany | 6", "NATO; Russia | 60"]
        );
    }
}
