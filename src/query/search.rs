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

/// Turns what a user typed into an FTS5 query: every word must occur; "quoted words" must occur
/// together; a word ending in `*` matches as a prefix. Punctuation is never FTS5 syntax, so
/// "U.S.-Russia" or "NATO's" search as words instead of failing.
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
        return Err(QueryError::BadSearch(format!(
            "{text:?} has no words to search for"
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

/// Statements first, then articles; each by relevance (FTS5's bm25), then id.
pub fn search(
    conn: &Connection,
    text: &str,
    within: SearchIn,
    limit: usize,
) -> Result<Rows, QueryError> {
    let query = fts_query(text)?;
    // FTS5 orders by its `rank` column (bm25) itself and stops at the limit, so snippets are
    // made for the rows shown only; ties are then put in id order.
    let statements = "SELECT 'statement' AS kind, s.id AS id, s.date AS date, \
        coalesce(speaker.name, '?') AS who, hit.snippet AS snippet, hit.rank AS rank \
        FROM (SELECT rowid, snippet(statements_fts, 0, '[', ']', '…', 24) AS snippet, rank \
            FROM statements_fts WHERE statements_fts MATCH ?1 ORDER BY rank LIMIT ?2) AS hit \
        JOIN statements AS s ON s.id = hit.rowid \
        LEFT JOIN actors AS speaker ON speaker.id = s.speaker_id";
    let articles = "SELECT 'article' AS kind, a.id AS id, a.published AS date, a.title AS who, \
        hit.snippet AS snippet, hit.rank AS rank \
        FROM (SELECT rowid, snippet(articles_fts, 1, '[', ']', '…', 24) AS snippet, rank \
            FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rank LIMIT ?2) AS hit \
        JOIN articles AS a ON a.id = hit.rowid";
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
}
