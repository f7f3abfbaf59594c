-- dipkb schema, version 4: full-text indexes that Datasette and sqlite-utils recognise as the
-- indexes of `statements` and `articles` (issue #13).
--
-- Both tools find a table's index by reading the CREATE statements in sqlite_schema for
-- `content="TABLE"` or `content=[TABLE]`, written exactly so, without spaces around `=`.
-- Version 1 wrote `content = 'statements'`, which FTS5 reads the same but neither tool finds,
-- so Datasette showed no search box and `sqlite-utils search` said the table was not
-- configured for full-text search. The indexes are made again with the spelling they look
-- for, and rebuilt from their tables. The triggers of version 3 queue changes in fts_pending
-- and never name the indexes, so they stay as they are.

DROP TABLE statements_fts;
CREATE VIRTUAL TABLE statements_fts USING fts5 ( -- full-text index of statements.text (Datasette offers it as a search box on statements)
    text,
    content="statements",
    content_rowid="id",
    tokenize = 'unicode61 remove_diacritics 2'
);

DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5 ( -- full-text index of article titles and bodies (a search box on articles)
    title,
    body,
    content="articles",
    content_rowid="id",
    tokenize = 'unicode61 remove_diacritics 2'
);

-- The rebuild reads every row as it is now, so whatever the queue still held (rows another
-- program wrote since dipkb last committed) is in the new indexes already; applying it again
-- would index those rows twice.
INSERT INTO statements_fts (statements_fts) VALUES ('rebuild');
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
DELETE FROM fts_pending;
