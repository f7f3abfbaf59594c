//! The copies of an article: every input that carried its text, with what each says of itself
//! (title, date, outlet, address), and the article's own metadata, taken from its copies.
//!
//! An article is its text, so the same text syndicated under another title or address is the
//! same article; each copy is a row of `article_sources`. A copy ingested again with a date,
//! title, outlet or address it did not give before corrects that copy. When the article's
//! title or date changes with it, its facts are extracted again, so that their dates resolve
//! against the new one.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::store::{FactCounts, Store, StoredArticle, replace_facts_in};
use super::{KbError, exec, query_one};
use crate::extract::Extraction;
use crate::source::Article;

/// What ingesting a copy of a stored text did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyOutcome {
    /// A copy already stored, which says nothing new of itself.
    Known,
    /// A copy already stored, and what it says of itself (its date, title, outlet or address)
    /// has changed.
    Corrected,
    /// Another copy of the text: kept as another source of the article.
    Added,
}

/// What [`Store::add_copy`] did: to the copy, and to the article's facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CopyStored {
    pub outcome: CopyOutcome,
    /// The facts extracted again, when they were: the article's title or date changed, or
    /// re-extraction was asked for.
    pub facts: Option<FactCounts>,
}

/// The order in which an article's copies give it their metadata: the earliest published
/// first, undated ones last, then by what they say, so that the article does not depend on
/// the order its copies were ingested in.
const COPY_ORDER: &str = "published IS NULL, published, url IS NULL, url, source IS NULL, \
                          source, title, origin, id";

pub(super) fn day(date: Option<NaiveDate>) -> Option<String> {
    date.map(|date| date.format("%Y-%m-%d").to_string())
}

/// How much of a publication date is known: the day, or nothing.
pub(super) fn day_precision(date: Option<NaiveDate>) -> &'static str {
    if date.is_some() { "day" } else { "unknown" }
}

/// Records the copy an article was first stored from.
pub(super) fn insert_first_copy(
    conn: &Connection,
    article_id: i64,
    article: &Article,
) -> Result<(), KbError> {
    insert_copy(conn, article_id, article)
}

fn insert_copy(conn: &Connection, article_id: i64, article: &Article) -> Result<(), KbError> {
    exec(
        conn,
        "INSERT INTO article_sources (article_id, title, published, published_precision, \
         source, url, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            article_id,
            article.title,
            day(article.published),
            day_precision(article.published),
            article.source,
            article.url,
            article.origin,
        ],
    )?;
    Ok(())
}

/// The stored copy that `article` is another reading of, if any: the copy at the same address;
/// else one read from the same place, or under the same title, whose address and outlet do
/// not contradict it (a copy that gives none is not contradicted).
fn find_copy(
    conn: &Connection,
    article_id: i64,
    article: &Article,
) -> Result<Option<i64>, KbError> {
    Ok(conn
        .prepare_cached(
            "SELECT id FROM article_sources \
             WHERE article_id = ?1 AND (url = ?2 \
                 OR ((origin = ?4 OR title = ?5) \
                     AND (url IS NULL OR ?2 IS NULL OR url = ?2) \
                     AND (source IS NULL OR ?3 IS NULL OR source = ?3))) \
             ORDER BY coalesce(url = ?2, 0) DESC, origin = ?4 DESC, id LIMIT 1",
        )?
        .query_row(
            params![
                article_id,
                article.url,
                article.source,
                article.origin,
                article.title
            ],
            |row| row.get(0),
        )
        .optional()?)
}

/// Whether the copy `?1` says something else than the article `?2..?5` gives (its title, and
/// its date, outlet or address where the article gives one): what [`record_copy`] corrects.
const COPY_DIFFERS: &str = "(title IS NOT ?2 \
     OR (?3 IS NOT NULL AND published IS NOT ?3) \
     OR (?4 IS NOT NULL AND source IS NOT ?4) \
     OR (?5 IS NOT NULL AND url IS NOT ?5))";

fn copy_params(copy_id: i64, article: &Article) -> impl rusqlite::Params + '_ {
    (
        copy_id,
        &article.title,
        day(article.published),
        &article.source,
        &article.url,
    )
}

/// Whether `article` is a copy of the stored article `article_id` that is stored already just
/// as it reads, so that recording it would change nothing. Asked before a write transaction
/// is opened: an ingest of texts that are all stored, metadata and all, then takes no write
/// lock, waits for no other writer and leaves the database file untouched.
fn copy_is_known(conn: &Connection, article_id: i64, article: &Article) -> Result<bool, KbError> {
    let Some(copy_id) = find_copy(conn, article_id, article)? else {
        return Ok(false);
    };
    let differs: bool = conn
        .prepare_cached(&format!(
            "SELECT {COPY_DIFFERS} FROM article_sources WHERE id = ?1"
        ))?
        .query_row(copy_params(copy_id, article), |row| row.get(0))?;
    Ok(!differs)
}

/// Records a copy of the stored article `article_id`: corrects the copy it matches with what
/// this one gives (what it leaves out is kept), or adds it as another source; then takes the
/// article's metadata from its copies again. Returns what it did, and whether the article's
/// title or date changed (its facts then need extracting again).
fn record_copy(
    conn: &Connection,
    article_id: i64,
    article: &Article,
) -> Result<(CopyOutcome, bool), KbError> {
    let outcome = match find_copy(conn, article_id, article)? {
        Some(copy_id) => {
            let changed = exec(
                conn,
                &format!(
                    "UPDATE article_sources SET title = ?2, \
                     published = coalesce(?3, published), \
                     published_precision = CASE WHEN ?3 IS NULL THEN published_precision \
                         ELSE 'day' END, \
                     source = coalesce(?4, source), url = coalesce(?5, url), \
                     corrected_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') \
                     WHERE id = ?1 AND {COPY_DIFFERS}"
                ),
                copy_params(copy_id, article),
            )?;
            if changed == 0 {
                return Ok((CopyOutcome::Known, false));
            }
            CopyOutcome::Corrected
        }
        None => {
            insert_copy(conn, article_id, article)?;
            CopyOutcome::Added
        }
    };
    let dating = |conn: &Connection| {
        query_one(
            conn,
            "SELECT title, published FROM articles WHERE id = ?1",
            [article_id],
            |row| Ok((row.get::<_, String>(0)?, row.get::<_, Option<String>>(1)?)),
        )
    };
    let before = dating(conn)?;
    exec(
        conn,
        &format!(
            "UPDATE articles SET \
             title = (SELECT title FROM article_sources WHERE article_id = ?1 \
                 ORDER BY {COPY_ORDER} LIMIT 1), \
             published = (SELECT published FROM article_sources WHERE article_id = ?1 \
                 ORDER BY {COPY_ORDER} LIMIT 1), \
             published_precision = (SELECT published_precision FROM article_sources \
                 WHERE article_id = ?1 ORDER BY {COPY_ORDER} LIMIT 1), \
             source = (SELECT source FROM article_sources \
                 WHERE article_id = ?1 AND source IS NOT NULL ORDER BY {COPY_ORDER} LIMIT 1), \
             url = (SELECT url FROM article_sources \
                 WHERE article_id = ?1 AND url IS NOT NULL ORDER BY {COPY_ORDER} LIMIT 1) \
             WHERE id = ?1"
        ),
        [article_id],
    )?;
    // A date found at last settles the reader's warning that there was none.
    exec(
        conn,
        "DELETE FROM diagnostics WHERE article_id = ?1 AND stage = 'source' \
         AND code = 'no-publication-date' \
         AND (SELECT published FROM articles WHERE id = ?1) IS NOT NULL",
        [article_id],
    )?;
    let after = dating(conn)?;
    Ok((outcome, before != after))
}

fn stored_article(conn: &Connection, article_id: i64) -> Result<StoredArticle, KbError> {
    Ok(query_one(
        conn,
        "SELECT id, title, published, body, origin FROM articles WHERE id = ?1",
        [article_id],
        |row| {
            let published: Option<String> = row.get(2)?;
            Ok(StoredArticle {
                id: row.get(0)?,
                title: row.get(1)?,
                published: published.and_then(|p| NaiveDate::parse_from_str(&p, "%Y-%m-%d").ok()),
                body: row.get(3)?,
                origin: row.get(4)?,
            })
        },
    )?)
}

impl Store {
    /// Stores a copy of the text of the stored article `article_id`, all or nothing: corrects
    /// the copy it is another reading of, or keeps it as another source. When the article's
    /// title or date changed with it, or `reextract` says so, its facts are replaced by
    /// `extract`'s extraction of the article as it now stands (title, date, body), so that
    /// their dates resolve against the corrected date.
    pub fn add_copy<'e>(
        &mut self,
        article_id: i64,
        article: &Article,
        reextract: bool,
        extract: impl FnOnce(&StoredArticle) -> &'e Extraction,
    ) -> Result<CopyStored, KbError> {
        if !reextract && copy_is_known(self.connection(), article_id, article)? {
            return Ok(CopyStored {
                outcome: CopyOutcome::Known,
                facts: None,
            });
        }
        self.unit(|conn, stale| {
            let (outcome, changed) = record_copy(conn, article_id, article)?;
            let facts = if changed || reextract {
                let stored = stored_article(conn, article_id)?;
                Some(replace_facts_in(conn, article_id, extract(&stored), stale)?)
            } else {
                None
            };
            Ok(CopyStored { outcome, facts })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy(title: &str, published: Option<&str>, url: Option<&str>, origin: &str) -> Article {
        Article {
            title: title.into(),
            published: published.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()),
            source: None,
            url: url.map(str::to_string),
            body: "NATO allies and Russia met in Brussels on Wednesday.".into(),
            origin: origin.into(),
            warnings: Vec::new(),
        }
    }

    fn sources(store: &Store) -> Vec<(String, Option<String>, Option<String>)> {
        store
            .connection()
            .prepare("SELECT title, published, url FROM article_sources ORDER BY id")
            .unwrap()
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    fn article_row(store: &Store) -> (String, Option<String>, Option<String>) {
        store
            .connection()
            .query_row("SELECT title, published, url FROM articles", [], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?))
            })
            .unwrap()
    }

    #[test]
    fn copies_are_corrected_or_added_and_the_article_follows_its_earliest_copy() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("kb.sqlite")).unwrap();
        let first = copy("Talks", None, None, "a.txt");
        let empty = Extraction::default();
        let (id, _) = store.add_article(&first, &empty).unwrap();
        let mut extracted = Vec::new();
        let mut add = |store: &mut Store, article: &Article| {
            store
                .add_copy(id, article, false, |stored| {
                    extracted.push(stored.published);
                    &empty
                })
                .unwrap()
        };

        // The same file again says nothing new.
        let again = add(&mut store, &first);
        assert_eq!(again.outcome, CopyOutcome::Known);
        assert_eq!(again.facts, None);

        // The same file with a date: the copy is corrected, the facts re-dated.
        let dated = copy("Talks", Some("2022-01-12"), None, "a.txt");
        let corrected = add(&mut store, &dated);
        assert_eq!(corrected.outcome, CopyOutcome::Corrected);
        assert!(corrected.facts.is_some());
        assert_eq!(
            article_row(&store),
            ("Talks".into(), Some("2022-01-12".into()), None)
        );

        // Another outlet's copy, published a day later under another title and address.
        let later = copy(
            "Standoff",
            Some("2022-01-13"),
            Some("https://b.example/x"),
            "b.txt",
        );
        let added = add(&mut store, &later);
        assert_eq!(added.outcome, CopyOutcome::Added);
        assert_eq!(added.facts, None, "the article's title and date stay");
        assert_eq!(
            article_row(&store),
            (
                "Talks".into(),
                Some("2022-01-12".into()),
                Some("https://b.example/x".into())
            )
        );

        // A copy at the same address is that copy again: an earlier date corrects it, and
        // being now the earliest copy it gives the article its title and date.
        let earlier = copy(
            "Standoff",
            Some("2022-01-11"),
            Some("https://b.example/x"),
            "c.jsonl:3",
        );
        assert_eq!(add(&mut store, &earlier).outcome, CopyOutcome::Corrected);
        assert_eq!(
            article_row(&store),
            (
                "Standoff".into(),
                Some("2022-01-11".into()),
                Some("https://b.example/x".into())
            )
        );
        assert_eq!(
            sources(&store),
            [
                ("Talks".into(), Some("2022-01-12".into()), None),
                (
                    "Standoff".into(),
                    Some("2022-01-11".into()),
                    Some("https://b.example/x".into())
                )
            ]
        );
        // Re-extracted twice, each time against the article's date as it then was.
        assert_eq!(
            extracted,
            [
                NaiveDate::from_ymd_opt(2022, 1, 12),
                NaiveDate::from_ymd_opt(2022, 1, 11)
            ]
        );
    }

    #[test]
    fn a_copy_at_another_address_is_another_source_even_from_the_same_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("kb.sqlite")).unwrap();
        let empty = Extraction::default();
        let one = copy("Talks", None, Some("https://a.example/1"), "feed.json");
        let (id, _) = store.add_article(&one, &empty).unwrap();
        let two = copy("Talks", None, Some("https://b.example/2"), "feed.json");
        let stored = store.add_copy(id, &two, false, |_| &empty).unwrap();
        assert_eq!(stored.outcome, CopyOutcome::Added);
        assert_eq!(sources(&store).len(), 2);
    }
}
