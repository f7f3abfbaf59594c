-- dipkb schema, version 10: statement words held once (issue #12).
--
-- Ingesting 2,013 State Department releases (9.2 MB of text) gave 34.6 MB of database, 3.7
-- bytes per byte of text; `statements` was 8.0 MB of it, 6.4 MB of which were the words, each
-- a copy of a span of the body of the article the statement was first reported in (whole
-- transcript turns and speeches, up to 42 KB). What changes:
--
-- * The rows move to `statement_facts`, which holds a statement's words as a span of an article
--   body (`text_article_id`, `text_start`, `text_end`, in characters like evidence_spans), and
--   in `text` only the words no body holds.
-- * `statements` is a view with the same columns as the table it replaces, its `text` read from
--   the body, so that `SELECT id, text FROM statements`, the views built on it and the
--   full-text index (`content="statements"`) go on working. INSTEAD OF triggers let the view be
--   written as the table was; words written through it are held as they are given.
-- * The full-text queue is filled by triggers on `statement_facts`; a row to forget is queued
--   with the words it had, read from the body its span pointed into.
-- * A statement report whose words its span of evidence does not show, but its article's body
--   does elsewhere (on synthetic transcripts, nine reports in ten: the span is the whole turn),
--   holds where they are (`text_start`, `text_end`) instead of a copy; `text` keeps only words
--   no body holds. The view `statement_report_words` reads all three ways.
-- * The indexes of a statement's or report's speaker and meeting leave out rows without one
--   (most: nine reports in ten name no meeting); a lookup by a value needs none of those.
-- * `idx_articles_url` goes: every article's address is also its first source's, and
--   `idx_article_sources_url` finds any copy by its address (dipkb looks no article up by it).
--
-- statement_reports refers to the statements it reports by id; renaming the table first makes
-- that reference follow it to `statement_facts`. dipkb runs migrations with foreign keys off.

-- Views built on the table are made again on the view (timeline reads statement_list).
DROP VIEW timeline;
DROP VIEW actor_list;
DROP VIEW statement_list;
DROP TRIGGER statements_fts_after_insert;
DROP TRIGGER statements_fts_after_update;
DROP TRIGGER statements_fts_after_delete;
ALTER TABLE statements RENAME TO statement_facts;

-- Where each statement's words are: the first span of evidence of the fact that shows them, or
-- else their first place in the body of an article that reports the statement.
CREATE TEMP TABLE statement_spans_v9 AS
SELECT
    s.id AS id,
    (SELECT e.id
        FROM statement_reports AS r
        JOIN evidence_spans AS e ON e.statement_report_id = r.id AND e.aspect = 'fact'
        JOIN articles AS a ON a.id = e.article_id
        WHERE r.statement_id = s.id
            AND substr(a.body, e.span_start + 1, e.span_end - e.span_start) = s.text
        ORDER BY e.id LIMIT 1) AS evidence_id,
    (SELECT r.article_id
        FROM statement_reports AS r JOIN articles AS a ON a.id = r.article_id
        WHERE r.statement_id = s.id AND instr(a.body, s.text) > 0
        ORDER BY r.id LIMIT 1) AS article_id
FROM statement_facts AS s;

CREATE TABLE statement_facts_v10 ( -- what a speaker said: quotes and reported speech, combined from their reports; its words are a span of an article body (the view `statements` shows them)
    id INTEGER PRIMARY KEY,
    speaker_id INTEGER REFERENCES actors (id) ON DELETE SET NULL, -- person, or state or organisation when no person is named; NULL when unnamed
    speaker_party_id INTEGER REFERENCES actors (id) ON DELETE SET NULL, -- state or organisation the speaker spoke for, where known
    kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect')), -- direct: words in quotation marks; indirect: reported speech
    text_article_id INTEGER, -- the article whose body holds the words (of the statement's first source, or the one it was first written from); NULL when `text` holds them
    text_start INTEGER, -- first character of the words, counted from 0 in that body
    text_end INTEGER, -- one past the last character; substr(body, text_start + 1, text_end - text_start) shows them
    text TEXT, -- the words, only where no article body holds them (NULL otherwise): the quoted words, or the reported clause without "X said that"
    verb TEXT, -- the reporting verb as written ("said", "warned")
    date TEXT, -- when it was said, same forms as meetings.date
    date_precision TEXT NOT NULL DEFAULT 'unknown' CHECK (date_precision IN ('day', 'month', 'year', 'unknown')), -- how much of `date` is known
    date_phrase TEXT, -- the words the date came from
    meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL, -- the meeting it was made at or about, where one applies
    cameo_code TEXT, -- CAMEO event code: 010 statement, 012 pessimistic comment, 111 criticise or denounce, ...
    plover_category TEXT, -- PLOVER event category where the verb makes it one (ACCUSE for "condemned"); NULL for a plain statement, which PLOVER does not code
    plover_mode TEXT, -- PLOVER mode, where one applies
    CHECK ((text IS NULL) = (text_article_id IS NOT NULL)),
    CHECK (text IS NOT NULL OR 0 <= text_start AND text_start <= text_end)
);
INSERT INTO statement_facts_v10
SELECT
    s.id, s.speaker_id, s.speaker_party_id, s.kind,
    coalesce(e.article_id, w.article_id),
    coalesce(e.span_start, instr(a.body, s.text) - 1),
    coalesce(e.span_end, instr(a.body, s.text) - 1 + length(s.text)),
    CASE WHEN coalesce(e.article_id, w.article_id) IS NULL THEN s.text END,
    s.verb, s.date, s.date_precision, s.date_phrase, s.meeting_id, s.cameo_code,
    s.plover_category, s.plover_mode
FROM statement_facts AS s
JOIN temp.statement_spans_v9 AS w ON w.id = s.id
LEFT JOIN evidence_spans AS e ON e.id = w.evidence_id
LEFT JOIN articles AS a ON a.id = w.article_id AND e.id IS NULL
ORDER BY s.id;
DROP TABLE temp.statement_spans_v9;
DROP TABLE statement_facts;
ALTER TABLE statement_facts_v10 RENAME TO statement_facts;

CREATE INDEX idx_statement_facts_speaker_id ON statement_facts ( -- Actor profiles and `--actor` filters list a speaker's statements.
    speaker_id
) WHERE speaker_id IS NOT NULL;
CREATE INDEX idx_statement_facts_date ON statement_facts ( -- Timelines order and filter statements by date.
    date
);
CREATE INDEX idx_statement_facts_meeting_id ON statement_facts ( -- A meeting's record lists the statements made at it.
    meeting_id
) WHERE meeting_id IS NOT NULL;
CREATE INDEX idx_statement_facts_speaker_party_id ON statement_facts ( -- Actor filters and merges find statements by the party a speaker spoke for.
    speaker_party_id
) WHERE speaker_party_id IS NOT NULL;

CREATE VIEW statements AS
-- One row per statement, as the table of that name held them before version 10: its words read
-- from the article body its span points into, or held in `text` where no body holds them.
SELECT
    f.id AS id,
    f.speaker_id AS speaker_id,
    f.speaker_party_id AS speaker_party_id,
    f.kind AS kind,
    coalesce(f.text, substr(a.body, f.text_start + 1, f.text_end - f.text_start)) AS text,
    f.verb AS verb,
    f.date AS date,
    f.date_precision AS date_precision,
    f.date_phrase AS date_phrase,
    f.meeting_id AS meeting_id,
    f.cameo_code AS cameo_code,
    f.plover_category AS plover_category,
    f.plover_mode AS plover_mode
FROM statement_facts AS f
LEFT JOIN articles AS a ON a.id = f.text_article_id;

ALTER TABLE statement_reports ADD COLUMN text_start INTEGER /* where the words are in the article body when its span of evidence does not show them: first character, from 0; NULL when `text` holds them or the span shows them */;
ALTER TABLE statement_reports ADD COLUMN text_end INTEGER /* one past the last character of the words in the body, with `text_start` */;
UPDATE statement_reports SET
    text_start = (SELECT instr(body, statement_reports.text) - 1 FROM articles WHERE id = article_id),
    text_end = (SELECT instr(body, statement_reports.text) - 1 FROM articles WHERE id = article_id)
        + length(text),
    text = NULL
WHERE text IS NOT NULL
    AND (SELECT instr(body, statement_reports.text) FROM articles WHERE id = article_id) > 0;

DROP VIEW statement_report_words;
CREATE VIEW statement_report_words AS
-- Each statement report with its words: its own where it keeps them, else the span of the
-- article body it points at, else the span of the article it was found in.
SELECT
    r.id AS id,
    r.statement_id AS statement_id,
    r.article_id AS article_id,
    CASE
        WHEN r.text IS NOT NULL THEN r.text
        WHEN r.text_start IS NOT NULL THEN (
            SELECT substr(a.body, r.text_start + 1, r.text_end - r.text_start)
            FROM articles AS a WHERE a.id = r.article_id)
        ELSE (
            SELECT substr(a.body, e.span_start + 1, e.span_end - e.span_start)
            FROM evidence_spans AS e JOIN articles AS a ON a.id = e.article_id
            WHERE e.statement_report_id = r.id AND e.aspect = 'fact'
            ORDER BY e.id LIMIT 1)
    END AS text
FROM statement_reports AS r;

-- The view is written as the table was; words given through it are held in `text`.
CREATE TRIGGER statements_insert INSTEAD OF INSERT ON statements BEGIN
    INSERT INTO statement_facts (id, speaker_id, speaker_party_id, kind, text, verb, date,
        date_precision, date_phrase, meeting_id, cameo_code, plover_category, plover_mode)
    VALUES (new.id, new.speaker_id, new.speaker_party_id, new.kind, new.text, new.verb, new.date,
        coalesce(new.date_precision, 'unknown'), new.date_phrase, new.meeting_id, new.cameo_code,
        new.plover_category, new.plover_mode);
END;

CREATE TRIGGER statements_update INSTEAD OF UPDATE ON statements BEGIN
    UPDATE statement_facts SET id = new.id, speaker_id = new.speaker_id,
        speaker_party_id = new.speaker_party_id, kind = new.kind, verb = new.verb,
        date = new.date, date_precision = new.date_precision, date_phrase = new.date_phrase,
        meeting_id = new.meeting_id, cameo_code = new.cameo_code,
        plover_category = new.plover_category, plover_mode = new.plover_mode
    WHERE id = old.id;
    UPDATE statement_facts SET text = new.text, text_article_id = NULL, text_start = NULL,
        text_end = NULL
    WHERE id = new.id AND new.text IS NOT old.text;
END;

CREATE TRIGGER statements_delete INSTEAD OF DELETE ON statements BEGIN
    DELETE FROM statement_facts WHERE id = old.id;
END;

-- The full-text queue, as in version 6: a row to forget is queued with the words the index
-- holds for it, read where its span pointed.
CREATE TRIGGER statements_fts_after_insert AFTER INSERT ON statement_facts BEGIN
    INSERT INTO fts_pending (target, op, row) VALUES ('statements', NULL, new.id);
END;

CREATE TRIGGER statements_fts_after_update
AFTER UPDATE OF text, text_article_id, text_start, text_end ON statement_facts
WHEN (old.text, old.text_article_id, old.text_start, old.text_end)
    IS NOT (new.text, new.text_article_id, new.text_start, new.text_end)
    -- The same words found in another article's body leave the index as it is.
    AND coalesce(old.text, (SELECT substr(body, old.text_start + 1, old.text_end - old.text_start)
            FROM articles WHERE id = old.text_article_id))
        IS NOT coalesce(new.text, (SELECT substr(body, new.text_start + 1, new.text_end - new.text_start)
            FROM articles WHERE id = new.text_article_id)) BEGIN
    INSERT INTO fts_pending (target, op, row, body) VALUES ('statements', 'delete', old.id,
        coalesce(old.text, (SELECT substr(body, old.text_start + 1, old.text_end - old.text_start)
            FROM articles WHERE id = old.text_article_id)));
    INSERT INTO fts_pending (target, op, row) VALUES ('statements', NULL, new.id);
END;

CREATE TRIGGER statements_fts_after_delete AFTER DELETE ON statement_facts BEGIN
    INSERT INTO fts_pending (target, op, row, body) VALUES ('statements', 'delete', old.id,
        coalesce(old.text, (SELECT substr(body, old.text_start + 1, old.text_end - old.text_start)
            FROM articles WHERE id = old.text_article_id)));
END;

CREATE VIEW actor_list AS
-- One row per actor with its codes, every alias, its latest office, and how often it appears.
-- Each count is a search of an index on the actor column it counts by.
SELECT
    a.id AS id,
    a.kind AS kind,
    a.name AS name,
    a.iso3 AS iso3,
    a.wikidata_qid AS wikidata_qid,
    a.cameo_code AS cameo_code,
    (SELECT group_concat(alias, '; ') FROM (
        SELECT alias FROM actor_aliases WHERE actor_id = a.id AND alias <> a.name ORDER BY alias_key)) AS aliases,
    (SELECT trim(coalesce(r.title, '') || coalesce(' (' || aff.name || ')', ''))
        FROM person_roles AS r LEFT JOIN actors AS aff ON aff.id = r.affiliation_id
        WHERE r.person_id = a.id
        ORDER BY r.last_seen IS NULL, r.last_seen DESC, r.affiliation_id IS NULL, r.title IS NULL,
            length(r.title) DESC, r.title, aff.name LIMIT 1) AS latest_role,
    (SELECT count(*) FROM meeting_participants WHERE actor_id = a.id) AS meetings,
    (SELECT count(*) FROM statement_facts WHERE speaker_id = a.id) AS statements,
    (SELECT count(*) FROM demands WHERE by_actor_id = a.id)
        + (SELECT count(*) FROM demands WHERE by_party_id = a.id AND by_actor_id IS NOT a.id) AS demands_made,
    (SELECT count(*) FROM demands WHERE of_actor_id = a.id)
        + (SELECT count(*) FROM demands WHERE of_party_id = a.id AND of_actor_id IS NOT a.id) AS demands_received
FROM actors AS a;
CREATE VIEW statement_list AS
-- One row per statement with the speaker's and party's names; `sources` and `articles` as in
-- meeting_list.
SELECT
    s.id AS id,
    s.date AS date,
    s.date_precision AS date_precision,
    speaker.name AS speaker,
    party.name AS party,
    s.kind AS kind,
    s.text AS text,
    s.verb AS verb,
    s.meeting_id AS meeting_id,
    s.cameo_code AS cameo_code,
    s.plover_category AS plover_category,
    (SELECT count(*) FROM article_sources AS c WHERE c.article_id IN (
        SELECT r.article_id FROM statement_reports AS r WHERE r.statement_id = s.id)) AS sources,
    (SELECT count(DISTINCT r.article_id) FROM statement_reports AS r WHERE r.statement_id = s.id) AS articles
FROM statements AS s
LEFT JOIN actors AS speaker ON speaker.id = s.speaker_id
LEFT JOIN actors AS party ON party.id = s.speaker_party_id;
CREATE VIEW timeline AS
-- One line per event, in date order, with names instead of ids: what an analyst reads first.
-- Undated events sort last. `sources` counts the copies of the articles that report the event
-- (syndicated copies each count), `articles` the distinct texts.
SELECT
    event.date AS date,
    event.date_precision AS date_precision,
    event.event AS event,
    event.event_id AS event_id,
    event.status AS status,
    event.summary AS summary,
    event.actors AS actors,
    event.place AS place,
    event.cameo_code AS cameo_code,
    event.sources AS sources,
    event.articles AS articles
FROM (
    SELECT
        m.date AS date,
        m.date_precision AS date_precision,
        'meeting' AS event,
        m.id AS event_id,
        m.status AS status,
        coalesce(m.label, m.kind) AS summary,
        m.participants AS actors,
        m.place AS place,
        m.cameo_code AS cameo_code,
        m.sources AS sources,
        m.articles AS articles
    FROM meeting_list AS m
    UNION ALL
    SELECT s.date, s.date_precision, 'statement', s.id, s.kind, s.text, s.speaker, NULL, s.cameo_code,
        s.sources, s.articles
    FROM statement_list AS s
    UNION ALL
    SELECT d.date, d.date_precision, 'demand', d.id, d.answer, d.text,
        coalesce(d.by_party, d.by_actor, '?') || ' -> ' || coalesce(d.of_party, d.of_actor, '?'),
        NULL, d.cameo_code, d.sources, d.articles
    FROM demand_list AS d
) AS event
ORDER BY event.date IS NULL, event.date, event.event, event.event_id;

DROP INDEX idx_articles_url;

DROP INDEX idx_statement_reports_speaker_id;
CREATE INDEX idx_statement_reports_speaker_id ON statement_reports ( -- Merging two actors finds the reports of their statements.
    speaker_id
) WHERE speaker_id IS NOT NULL;
DROP INDEX idx_statement_reports_meeting_report_id;
CREATE INDEX idx_statement_reports_meeting_report_id ON statement_reports ( -- When a meeting report moves to another meeting, what was said at it follows.
    meeting_report_id
) WHERE meeting_report_id IS NOT NULL;
