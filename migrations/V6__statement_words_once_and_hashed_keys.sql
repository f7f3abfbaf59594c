-- dipkb schema, version 6: a smaller database (issue #12).
--
-- Ingesting 2,013 State Department releases (9.4 MB of text) gave 72.7 MB of database, 7.7
-- bytes per byte of text, and three quarters of it was statement text held four times: in
-- each report (`statement_reports.text`), folded again in each report (`text_key`), in the
-- index of those keys, and in the statement itself, besides the article body it was quoted
-- from. What changes:
--
-- * Reports of the same words are found by a 64-bit hash of the folded words (the first 8
--   bytes of their SHA-256, as a signed integer) instead of the folded words themselves: the
--   same neighbours, from an index a twentieth of the size. `dipkb_key_hash` is a function
--   dipkb registers only while it migrates; no view or trigger uses it.
-- * A statement report keeps its words only when they differ from the span of the article it
--   was found in (one report in eight on real text): otherwise `text` is NULL and
--   `substr(articles.body, span_start + 1, span_end - span_start)` of its evidence shows them,
--   as the `statement_report_words` view does. The statement keeps the words of its earliest
--   source, and its full-text index reads them there.
-- * The full-text queue holds only which rows to index, and the words an index must forget:
--   it held a copy of every new article body and statement until the commit, and the pages
--   it left free were a tenth of the file.
--
-- Columns are added and dropped with ALTER TABLE, not by making the tables again: a table
-- dropped under foreign keys would take its evidence with it.

ALTER TABLE statement_reports ADD COLUMN text_hash INTEGER NOT NULL DEFAULT 0 /* the folded words (as text_key was) hashed: first 8 bytes of their SHA-256, big-endian, signed; finds the same words in other articles */;
ALTER TABLE statement_reports ADD COLUMN own_text TEXT /* the words, when they differ from the span of the report's evidence; NULL when that span shows them */;
UPDATE statement_reports SET
    text_hash = dipkb_key_hash(text_key),
    own_text = CASE WHEN text IS (
        SELECT substr(a.body, e.span_start + 1, e.span_end - e.span_start)
        FROM evidence_spans AS e JOIN articles AS a ON a.id = e.article_id
        WHERE e.statement_report_id = statement_reports.id AND e.aspect = 'fact'
        ORDER BY e.id LIMIT 1) THEN NULL ELSE text END;
DROP INDEX idx_statement_reports_text_key_date;
ALTER TABLE statement_reports DROP COLUMN text_key;
ALTER TABLE statement_reports DROP COLUMN text;
ALTER TABLE statement_reports RENAME COLUMN own_text TO text;
CREATE INDEX idx_statement_reports_text_hash_date ON statement_reports ( -- The same quote reported by another article within days.
    text_hash, date
);

ALTER TABLE demand_reports ADD COLUMN text_hash INTEGER NOT NULL DEFAULT 0 /* the folded words (as text_key was) hashed, as in statement_reports */;
UPDATE demand_reports SET text_hash = dipkb_key_hash(text_key);
DROP INDEX idx_demand_reports_text_key_date;
ALTER TABLE demand_reports DROP COLUMN text_key;
CREATE INDEX idx_demand_reports_text_hash_date ON demand_reports ( -- The same demand reported by another article within days.
    text_hash, date
);

CREATE VIEW statement_report_words AS
-- Each statement report with its words: its own where it keeps them, else the span of the
-- article it was found in.
SELECT
    r.id AS id,
    r.statement_id AS statement_id,
    r.article_id AS article_id,
    coalesce(r.text, (
        SELECT substr(a.body, e.span_start + 1, e.span_end - e.span_start)
        FROM evidence_spans AS e JOIN articles AS a ON a.id = e.article_id
        WHERE e.statement_report_id = r.id AND e.aspect = 'fact'
        ORDER BY e.id LIMIT 1)) AS text
FROM statement_reports AS r;

-- The full-text queue: a row to index is queued by id alone, and indexed as it is when dipkb
-- commits; a row to forget is queued with the words the index holds for it.
DROP TRIGGER statements_fts_after_insert;
CREATE TRIGGER statements_fts_after_insert AFTER INSERT ON statements BEGIN
    INSERT INTO fts_pending (target, op, row) VALUES ('statements', NULL, new.id);
END;

DROP TRIGGER statements_fts_after_update;
CREATE TRIGGER statements_fts_after_update AFTER UPDATE OF text ON statements
WHEN old.text IS NOT new.text BEGIN
    INSERT INTO fts_pending (target, op, row, body) VALUES ('statements', 'delete', old.id, old.text);
    INSERT INTO fts_pending (target, op, row) VALUES ('statements', NULL, new.id);
END;

DROP TRIGGER articles_fts_after_insert;
CREATE TRIGGER articles_fts_after_insert AFTER INSERT ON articles BEGIN
    INSERT INTO fts_pending (target, op, row) VALUES ('articles', NULL, new.id);
END;

DROP TRIGGER articles_fts_after_update;
CREATE TRIGGER articles_fts_after_update AFTER UPDATE OF title, body ON articles
WHEN old.title IS NOT new.title OR old.body IS NOT new.body BEGIN
    INSERT INTO fts_pending (target, op, row, title, body) VALUES ('articles', 'delete', old.id, old.title, old.body);
    INSERT INTO fts_pending (target, op, row) VALUES ('articles', NULL, new.id);
END;
