//! Full-text search over statements and article texts (SQLite FTS5), with the matching words
//! marked in a snippet.

use rusqlite::Connection;

use super::{QueryError, select};
use crate::render::Rows;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum SearchIn {
    /// Statements and articles.
    #[default]
    All,
    Statements,
    Articles,
}

/// The most distinct terms (words, prefixes and "phrases") a search may have. FTS5 looks every
/// term up and intersects the lists, and the cost grows faster than the number of terms: 4,000
/// repeated words took 38 s (issue #14, item 10). No question a person asks needs more than a
/// few dozen words.
pub const MAX_TERMS: usize = 64;

/// Turns what a user typed into an FTS5 query: every word must occur; "quoted words" must occur
/// together; a word ending in `*` matches as a prefix. Punctuation is never FTS5 syntax, so
/// "U.S.-Russia" or "NATO's" search as words instead of failing. A term given twice counts once
/// (FTS5 folds case, so "Talks talks" is one term); more than [`MAX_TERMS`] distinct terms are
/// refused.
pub fn fts_query(text: &str) -> Result<String, QueryError> {
    let mut terms = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('"') {
        words(&rest[..start], &mut terms);
        let after = &rest[start + 1..];
        let end = after.find('"').unwrap_or(after.len());
        let phrase: Vec<String> = tokens(&after[..end]).collect();
        if !phrase.is_empty() {
            terms.push(format!("\"{}\"", phrase.join(" ")));
        }
        rest = after.get(end + 1..).unwrap_or("");
    }
    words(rest, &mut terms);
    if terms.is_empty() {
        let shown: String = text.chars().take(80).collect();
        return Err(QueryError::BadSearch(format!(
            "{shown:?} has no words to search for"
        )));
    }
    let mut seen = std::collections::HashSet::new();
    terms.retain(|term| seen.insert(term.to_lowercase()));
    if terms.len() > MAX_TERMS {
        return Err(QueryError::BadSearch(format!(
            "the search has {} different words or phrases, more than the {MAX_TERMS} a search \
             may have: leave out the words that say least",
            terms.len()
        )));
    }
    Ok(terms.join(" "))
}

fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
}

fn words(text: &str, terms: &mut Vec<String>) {
    for word in text.split_whitespace() {
        let prefix = word.ends_with('*');
        let parts: Vec<String> = tokens(word).collect();
        match (parts.len(), prefix) {
            (0, _) => {}
            (1, true) => terms.push(format!("\"{}\"*", parts[0])),
            (1, false) => terms.push(format!("\"{}\"", parts[0])),
            _ => terms.push(format!("\"{}\"", parts.join(" "))),
        }
    }
}

/// Matches ranked of each kind, at most: the ones stored last when there are more.
pub const RANKED: usize = 5_000;

/// Statements first, then articles; each by relevance (FTS5's bm25), then id. A word that
/// matches more than [`RANKED`] statements (or articles) is ranked among the [`RANKED`] stored
/// last, so that a search costs milliseconds however common its words are.
pub fn search(
    conn: &Connection,
    text: &str,
    within: SearchIn,
    limit: usize,
) -> Result<Rows, QueryError> {
    let query = fts_query(text)?;
    // FTS5 orders by its `rank` column (bm25) itself and stops at the limit, so snippets are
    // made for the rows shown only; ties are then put in id order. Ranking costs about a
    // microsecond per matching row, so only the RANKED rows stored last are ranked: every
    // match when there are fewer (walking the index backwards to the RANKED-th is cheap).
    let newest = |fts: &str| {
        format!(
            "rowid >= coalesce((SELECT rowid FROM {fts} WHERE {fts} MATCH ?1 \
             ORDER BY rowid DESC LIMIT 1 OFFSET {}), 0)",
            RANKED - 1
        )
    };
    let statements = format!(
        "SELECT 'statement' AS kind, s.id AS id, s.date AS date, \
        coalesce(speaker.name, '?') AS who, hit.snippet AS snippet, hit.rank AS rank \
        FROM (SELECT rowid, snippet(statements_fts, 0, '[', ']', '…', 24) AS snippet, rank \
            FROM statements_fts WHERE statements_fts MATCH ?1 AND {} \
            ORDER BY rank LIMIT ?2) AS hit \
        JOIN statements AS s ON s.id = hit.rowid \
        LEFT JOIN actors AS speaker ON speaker.id = s.speaker_id",
        newest("statements_fts")
    );
    let articles = format!(
        "SELECT 'article' AS kind, a.id AS id, a.published AS date, a.title AS who, \
        hit.snippet AS snippet, hit.rank AS rank \
        FROM (SELECT rowid, snippet(articles_fts, 1, '[', ']', '…', 24) AS snippet, rank \
            FROM articles_fts WHERE articles_fts MATCH ?1 AND {} \
            ORDER BY rank LIMIT ?2) AS hit \
        JOIN articles AS a ON a.id = hit.rowid",
        newest("articles_fts")
    );
    let (statements, articles) = (statements.as_str(), articles.as_str());
    let top = |sql: &str| format!("SELECT * FROM ({sql}) ORDER BY rank, id");
    let sql = match within {
        SearchIn::All => format!(
            "SELECT kind, id, date, who, snippet FROM ( \
             SELECT * FROM ({}) UNION ALL SELECT * FROM ({})) \
             ORDER BY kind = 'article', rank, id",
            top(statements),
            top(articles)
        ),
        SearchIn::Statements => format!(
            "SELECT kind, id, date, who, snippet FROM ({})",
            top(statements)
        ),
        SearchIn::Articles => format!(
            "SELECT kind, id, date, who, snippet FROM ({})",
            top(articles)
        ),
    };
    select(conn, &sql, rusqlite::params![query, limit as i64])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_are_ranked_among_the_matches_stored_last() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.sqlite");
        let store = crate::kb::Store::open(&path).unwrap();
        let conn = store.connection();
        let add = |text: &str, times: usize| {
            let mut insert = conn
                .prepare("INSERT INTO statements (kind, text) VALUES ('direct', ?1)")
                .unwrap();
            for _ in 0..times {
                insert.execute([text]).unwrap();
            }
            // What dipkb does before every commit of its own.
            crate::kb::apply_fts_pending(conn).unwrap();
        };
        let long = "the talks on a ceasefire went on for many hours in the old city hall";
        add("ceasefire now", 1);
        add(long, 200);
        let first = |conn: &Connection| -> Vec<i64> {
            search(conn, "ceasefire", SearchIn::Statements, 3)
                .unwrap()
                .rows
                .iter()
                .map(|row| match row[1] {
                    crate::render::Value::Int(id) => id,
                    _ => panic!("statement id"),
                })
                .collect()
        };
        assert_eq!(first(conn)[0], 1, "the best match, found among all");
        add(long, RANKED);
        let ids = first(conn);
        assert_eq!(ids.len(), 3);
        assert!(!ids.contains(&1), "beyond the newest {RANKED}: {ids:?}");
        assert!(ids.iter().all(|&id| id > 201), "{ids:?}");
    }

    #[test]
    fn user_text_becomes_a_safe_fts_query() {
        assert_eq!(fts_query("Ukraine").unwrap(), "\"Ukraine\"");
        assert_eq!(
            fts_query("U.S.-Russia talks").unwrap(),
            "\"U S Russia\" \"talks\""
        );
        assert_eq!(
            fts_query("\"real risk\" NATO's").unwrap(),
            "\"real risk\" \"NATO s\""
        );
        assert_eq!(fts_query("escalat*").unwrap(), "\"escalat\"*");
        assert_eq!(fts_query("OR AND (").unwrap(), "\"OR\" \"AND\"");
        assert!(fts_query(" -- ").is_err());
        assert!(fts_query("\"unclosed phrase").is_ok());
    }

    #[test]
    fn repeated_terms_count_once_and_too_many_are_refused() {
        // Issue #14, item 10: 4,000 repeated words took 38 s.
        let repeated = "ceasefire Ceasefire ".repeat(10_000);
        assert_eq!(fts_query(&repeated).unwrap(), "\"ceasefire\"");
        assert_eq!(
            fts_query("talks talks* \"peace talks\" talks").unwrap(),
            "\"talks\" \"talks\"* \"peace talks\""
        );
        let many: Vec<String> = (0..=MAX_TERMS).map(|i| format!("w{i}")).collect();
        let err = fts_query(&many.join(" ")).unwrap_err().to_string();
        assert!(err.contains("65 different words"), "{err}");
        assert!(fts_query(&many[..MAX_TERMS].join(" ")).is_ok());
    }
}
