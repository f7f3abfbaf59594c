-- dipkb schema, version 8: every copy of an article is kept as a source of it (issue #13).
--
-- An article is its text: two inputs with the same body are one article (`content_sha256`).
-- Before this version the second copy of a text, syndicated by another outlet under another
-- title, address or date, was skipped, and what it said of itself was lost. Each copy is now a
-- row of `article_sources`; the article's own title, date, outlet and address are taken from
-- its sources (the earliest published first), and ingesting a copy again with a date, title,
-- outlet or address it lacked corrects that copy. Counting sources in the list views and the
-- timeline counts copies: a report syndicated by three outlets has three sources and one
-- article.

CREATE TABLE article_sources ( -- every copy of an article's text that was ingested: the same text published under another title, outlet, address or date is one article with several sources
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE, -- the article whose text this copy carries
    title TEXT NOT NULL, -- headline as this copy gives it
    published TEXT, -- publication date YYYY-MM-DD as this copy gives it
    published_precision TEXT NOT NULL DEFAULT 'unknown'
        CHECK (published_precision IN ('day', 'month', 'year', 'unknown')), -- how much of `published` is known
    source TEXT, -- publisher or outlet of this copy, as the input named it
    url TEXT, -- address of this copy, when the input gave one
    origin TEXT NOT NULL, -- where this copy was first read from: a path, `path:line` for JSONL, or `-` for stdin
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), -- when this copy was first stored (UTC)
    corrected_at TEXT -- when ingesting this copy again last changed what it says of itself (UTC); NULL if never
);

CREATE INDEX idx_article_sources_article_id ON article_sources ( -- An article's copies: matching a copy ingested again, and counting the sources of a fact.
    article_id
);
CREATE INDEX idx_article_sources_url ON article_sources ( -- Looking a copy up by its address; partial, as many inputs give none.
    url
) WHERE url IS NOT NULL;

-- Every article stored so far was stored from one copy: its own metadata is that copy's.
INSERT INTO article_sources (article_id, title, published, published_precision, source, url, origin,
    ingested_at)
SELECT id, title, published, published_precision, source, url, origin, ingested_at
FROM articles
ORDER BY id;

-- The list views count sources as copies, and give the number of distinct articles beside it.
-- Each is made again as version 1 made it, but for those two columns; `timeline` reads them.

DROP VIEW timeline;
DROP VIEW meeting_list;
DROP VIEW statement_list;
DROP VIEW demand_list;

CREATE VIEW meeting_list AS
-- One row per meeting with names instead of ids. `participants` lists the parties and people
-- the reports name; `implied_participants` those only implied by an office or nationality.
-- `sources` counts the copies of the articles that report it (a text syndicated by three
-- outlets is three sources); `articles` the distinct texts.
SELECT
    m.id AS id,
    m.date AS date,
    m.date_precision AS date_precision,
    m.end_date AS end_date,
    m.status AS status,
    m.kind AS kind,
    m.mode AS mode,
    m.scope AS scope,
    m.label AS label,
    p.name AS place,
    p.country_iso3 AS place_country,
    (SELECT group_concat(name, '; ') FROM (
        SELECT a.name AS name FROM meeting_participants AS mp JOIN actors AS a ON a.id = mp.actor_id
        WHERE mp.meeting_id = m.id AND mp.implied = 0 ORDER BY a.name)) AS participants,
    (SELECT group_concat(name, '; ') FROM (
        SELECT a.name AS name FROM meeting_participants AS mp JOIN actors AS a ON a.id = mp.actor_id
        WHERE mp.meeting_id = m.id AND mp.implied = 1 ORDER BY a.name)) AS implied_participants,
    m.outcome AS outcome,
    m.cameo_code AS cameo_code,
    m.plover_category AS plover_category,
    m.plover_mode AS plover_mode,
    (SELECT count(*) FROM article_sources AS c WHERE c.article_id IN (
        SELECT r.article_id FROM meeting_reports AS r WHERE r.meeting_id = m.id)) AS sources,
    (SELECT count(DISTINCT r.article_id) FROM meeting_reports AS r WHERE r.meeting_id = m.id) AS articles
FROM meetings AS m
LEFT JOIN places AS p ON p.id = m.place_id;

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

CREATE VIEW demand_list AS
-- One row per demand: who demanded what of whom, and the answer, with names; `sources` and
-- `articles` as in meeting_list.
SELECT
    d.id AS id,
    d.date AS date,
    d.date_precision AS date_precision,
    by_actor.name AS by_actor,
    by_party.name AS by_party,
    of_actor.name AS of_actor,
    of_party.name AS of_party,
    d.text AS text,
    d.cue AS cue,
    d.answer AS answer,
    answered_by.name AS answered_by,
    d.answer_date AS answer_date,
    d.meeting_id AS meeting_id,
    d.cameo_code AS cameo_code,
    d.plover_category AS plover_category,
    d.answer_cameo_code AS answer_cameo_code,
    d.answer_plover_category AS answer_plover_category,
    (SELECT count(*) FROM article_sources AS c WHERE c.article_id IN (
        SELECT r.article_id FROM demand_reports AS r WHERE r.demand_id = d.id)) AS sources,
    (SELECT count(DISTINCT r.article_id) FROM demand_reports AS r WHERE r.demand_id = d.id) AS articles
FROM demands AS d
LEFT JOIN actors AS by_actor ON by_actor.id = d.by_actor_id
LEFT JOIN actors AS by_party ON by_party.id = d.by_party_id
LEFT JOIN actors AS of_actor ON of_actor.id = d.of_actor_id
LEFT JOIN actors AS of_party ON of_party.id = d.of_party_id
LEFT JOIN actors AS answered_by ON answered_by.id = d.answered_by_id;

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
