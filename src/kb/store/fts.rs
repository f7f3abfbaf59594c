//! Keeping the full-text indexes up to date: takes what a transaction queued in
//! `fts_pending` and applies it with one statement per index and kind of change.

use rusqlite::Connection;

use crate::kb::{KbError, exec};

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
