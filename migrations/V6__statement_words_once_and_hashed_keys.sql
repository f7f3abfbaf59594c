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
-- The two report tables are made again with their new columns, commented like every other
-- (ALTER TABLE ADD COLUMN keeps no comment). dipkb runs migrations with foreign keys off, so
-- dropping the old tables takes nothing else with it; ids are copied, so every reference
-- still holds.

CREATE TEMP TABLE statement_reports_v5 AS
SELECT
    r.id, r.statement_id, r.article_id, r.position, r.speaker_id, r.speaker_party_id, r.kind,
    CASE WHEN r.text IS (
        SELECT substr(a.body, e.span_start + 1, e.span_end - e.span_start)
        FROM evidence_spans AS e JOIN articles AS a ON a.id = e.article_id
        WHERE e.statement_report_id = r.id AND e.aspect = 'fact'
        ORDER BY e.id LIMIT 1) THEN NULL ELSE r.text END AS text,
    dipkb_key_hash(r.text_key) AS text_hash,
    r.verb, r.date, r.date_precision, r.date_phrase, r.meeting_report_id, r.cameo_code,
    r.plover_category, r.plover_mode
FROM statement_reports AS r;
DROP TABLE statement_reports;

CREATE TABLE statement_reports ( -- one article's account of a statement
    id INTEGER PRIMARY KEY,
    statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE, -- the statement this account was found to report
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE, -- the article
    position INTEGER NOT NULL, -- order within the article's extraction
    speaker_id INTEGER REFERENCES actors (id) ON DELETE SET NULL, -- as in statements, as this article gives it
    speaker_party_id INTEGER REFERENCES actors (id) ON DELETE SET NULL, -- as in statements
    kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect')), -- as in statements
    text TEXT, -- the words as this article gives them, where its evidence span does not show them; NULL where it does (the view `statement_report_words` gives both)
    text_hash INTEGER NOT NULL, -- the words folded (lower case, letters and digits only) and hashed, to find the same words in other articles: the first 8 bytes of their SHA-256, big-endian, signed
    verb TEXT, -- as in statements
    date TEXT, -- as in statements
    date_precision TEXT NOT NULL DEFAULT 'unknown' CHECK (date_precision IN ('day', 'month', 'year', 'unknown')), -- how much of `date` is known
    date_phrase TEXT, -- the words the date came from
    meeting_report_id INTEGER REFERENCES meeting_reports (id) ON DELETE SET NULL, -- the meeting it was made at, as this article gives it
    cameo_code TEXT, -- as in statements
    plover_category TEXT, -- as in statements
    plover_mode TEXT, -- as in statements
    UNIQUE (article_id, position)
);
INSERT INTO statement_reports SELECT * FROM temp.statement_reports_v5 ORDER BY id;
DROP TABLE temp.statement_reports_v5;

CREATE INDEX idx_statement_reports_statement_id ON statement_reports ( -- A statement's sources.
    statement_id
);
CREATE INDEX idx_statement_reports_text_hash_date ON statement_reports ( -- The same quote reported by another article within days.
    text_hash, date
);
CREATE INDEX idx_statement_reports_speaker_id ON statement_reports ( -- Merging two actors finds the reports of their statements.
    speaker_id
);
CREATE INDEX idx_statement_reports_meeting_report_id ON statement_reports ( -- When a meeting report moves to another meeting, what was said at it follows.
    meeting_report_id
);
CREATE INDEX idx_statement_reports_speaker_party_id ON statement_reports ( -- Merging two actors finds the reports of statements made for either.
    speaker_party_id
) WHERE speaker_party_id IS NOT NULL;

CREATE TEMP TABLE demand_reports_v5 AS
SELECT
    id, demand_id, article_id, position, by_actor_id, by_party_id, of_actor_id, of_party_id,
    text, dipkb_key_hash(text_key) AS text_hash, cue, answer, answered_by_id, answer_date, date,
    date_precision, date_phrase, meeting_report_id, cameo_code, plover_category, plover_mode,
    answer_cameo_code, answer_plover_category
FROM demand_reports;
DROP TABLE demand_reports;

CREATE TABLE demand_reports ( -- one article's account of a demand
    id INTEGER PRIMARY KEY,
    demand_id INTEGER NOT NULL REFERENCES demands (id) ON DELETE CASCADE, -- the demand this account was found to report
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE, -- the article
    position INTEGER NOT NULL, -- order within the article's extraction
    by_actor_id INTEGER REFERENCES actors (id) ON DELETE SET NULL, -- as in demands, as this article gives it
    by_party_id INTEGER REFERENCES actors (id) ON DELETE SET NULL, -- as in demands
    of_actor_id INTEGER REFERENCES actors (id) ON DELETE SET NULL, -- as in demands
    of_party_id INTEGER REFERENCES actors (id) ON DELETE SET NULL, -- as in demands
    text TEXT NOT NULL, -- as in demands
    text_hash INTEGER NOT NULL, -- `text` folded and hashed, as in statement_reports, to find the same demand in other articles
    cue TEXT, -- as in demands
    answer TEXT NOT NULL DEFAULT 'unknown'
        CHECK (answer IN ('unknown', 'accepted', 'rejected', 'partly_accepted', 'refused_comment')), -- as this article gives it
    answered_by_id INTEGER REFERENCES actors (id) ON DELETE SET NULL, -- as in demands
    answer_date TEXT, -- as in demands
    date TEXT, -- as in demands
    date_precision TEXT NOT NULL DEFAULT 'unknown' CHECK (date_precision IN ('day', 'month', 'year', 'unknown')), -- how much of `date` is known
    date_phrase TEXT, -- the words the date came from
    meeting_report_id INTEGER REFERENCES meeting_reports (id) ON DELETE SET NULL, -- the meeting it was raised at, as this article gives it
    cameo_code TEXT, -- as in demands
    plover_category TEXT, -- as in demands
    plover_mode TEXT, -- as in demands
    answer_cameo_code TEXT, -- as in demands
    answer_plover_category TEXT, -- as in demands
    UNIQUE (article_id, position)
);
INSERT INTO demand_reports SELECT * FROM temp.demand_reports_v5 ORDER BY id;
DROP TABLE temp.demand_reports_v5;

CREATE INDEX idx_demand_reports_demand_id ON demand_reports ( -- A demand's sources.
    demand_id
);
CREATE INDEX idx_demand_reports_text_hash_date ON demand_reports ( -- The same demand reported by another article within days.
    text_hash, date
);
CREATE INDEX idx_demand_reports_by_actor_id ON demand_reports ( -- Merging two actors finds the demands they made.
    by_actor_id
);
CREATE INDEX idx_demand_reports_of_actor_id ON demand_reports ( -- Merging two actors finds the demands made of them.
    of_actor_id
);
CREATE INDEX idx_demand_reports_meeting_report_id ON demand_reports ( -- When a meeting report moves to another meeting, the demands raised at it follow.
    meeting_report_id
);
CREATE INDEX idx_demand_reports_by_party_id ON demand_reports ( -- Merging two actors finds the demands made on behalf of either.
    by_party_id
) WHERE by_party_id IS NOT NULL;
CREATE INDEX idx_demand_reports_of_party_id ON demand_reports ( -- Merging two actors finds the demands made of either's party.
    of_party_id
) WHERE of_party_id IS NOT NULL;
CREATE INDEX idx_demand_reports_answered_by_id ON demand_reports ( -- Merging two actors finds the answers either gave.
    answered_by_id
) WHERE answered_by_id IS NOT NULL;

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
