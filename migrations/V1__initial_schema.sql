-- dipkb schema, version 1.
--
-- Rules this file follows (see DESIGN.md): readable by SQLite 3.40, so no STRICT tables and no
-- functions newer than 3.40; plural snake_case tables with `id INTEGER PRIMARY KEY`; foreign keys
-- named `<thing>_id`; dates as ISO-8601 text with a `*_precision` column and the raw phrase;
-- every column commented inside its CREATE statement so that `.schema` documents the data.
-- Closed vocabularies (status, precision, statement kind) carry CHECK constraints; open ones
-- (meeting kind, participant role) do not, so a later version can add values without rebuilding
-- a table.

CREATE TABLE articles ( -- one row per ingested article; every fact points back here
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL, -- headline, or the first non-blank line of a text without front matter
    published TEXT, -- publication date YYYY-MM-DD; relative dates in the body resolve against it
    published_precision TEXT NOT NULL DEFAULT 'unknown'
        CHECK (published_precision IN ('day', 'month', 'year', 'unknown')), -- how much of `published` is known
    source TEXT, -- publisher or outlet, as the input named it
    url TEXT, -- address of the original, when the input gave one
    body TEXT NOT NULL, -- article text verbatim (byte-order mark removed, line ends as LF); evidence spans index into it
    content_sha256 TEXT NOT NULL UNIQUE, -- hex SHA-256 of `body`; an article whose body is already stored is skipped
    origin TEXT NOT NULL, -- where it was read from: a path, `path:line` for JSONL, or `-` for stdin
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), -- when it was first stored (UTC)
    extracted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), -- when its facts were last extracted (UTC)
    extractor_version TEXT NOT NULL -- dipkb version whose extractor produced the stored facts
);

CREATE INDEX idx_articles_url ON articles ( -- Looking an article up by its address is how users cross-check a source.
    url
);
CREATE INDEX idx_articles_published ON articles ( -- Timelines of sources and `--since`/`--until` on articles filter by date.
    published
);

CREATE TABLE actors ( -- one row per real actor: a person, a state, an organisation or a group
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'state', 'organisation', 'group')), -- what sort of actor
    name TEXT NOT NULL, -- canonical name: a person's full name as first introduced, a state's short English name
    iso3 TEXT, -- ISO 3166-1 alpha-3 code, states only
    wikidata_qid TEXT, -- Wikidata item, e.g. Q159 for Russia, where known
    cameo_code TEXT, -- CAMEO actor code, e.g. RUS or IGOWSTNAT, where one fits
    name_origin TEXT NOT NULL DEFAULT 'article'
        CHECK (name_origin IN ('dictionary', 'article', 'user')), -- who chose `name`: a user's choice (`dipkb actor rename`) is never replaced
    note TEXT -- free text for curators; never written by extraction
);

CREATE INDEX idx_actors_kind_name ON actors ( -- Resolution looks actors up by kind and name on every ingested article.
    kind, name
);
CREATE UNIQUE INDEX idx_actors_iso3 ON actors ( -- A state code names one actor; the partial index leaves actors without one free.
    iso3
) WHERE iso3 IS NOT NULL;
CREATE UNIQUE INDEX idx_actors_wikidata_qid ON actors ( -- A Wikidata item names one actor.
    wikidata_qid
) WHERE wikidata_qid IS NOT NULL;

CREATE TABLE actor_aliases ( -- every name an actor has been called: short names, acronyms, metonyms, surnames
    id INTEGER PRIMARY KEY,
    actor_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE, -- the actor so named
    alias TEXT NOT NULL, -- the name as written ("Moscow", "Stoltenberg", "U.S.")
    alias_key TEXT NOT NULL, -- `alias` folded for lookup: lower case, dots dropped, white space folded
    kind TEXT NOT NULL DEFAULT 'name', -- name, acronym, demonym, metonym, surname, spelling
    origin TEXT NOT NULL DEFAULT 'article' CHECK (origin IN ('dictionary', 'article', 'user')), -- who added it
    UNIQUE (actor_id, alias_key)
);

CREATE INDEX idx_actor_aliases_alias_key ON actor_aliases ( -- `--actor Moscow` and cross-article resolution look aliases up by their folded form.
    alias_key
);

CREATE TABLE person_roles ( -- titles and affiliations of persons over time, as articles gave them
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE, -- the person
    title TEXT, -- office as written ("Deputy Secretary of State", "Secretary General")
    affiliation_id INTEGER REFERENCES actors (id) ON DELETE SET NULL, -- state or organisation the office belongs to
    first_seen TEXT, -- earliest article date with this role (YYYY-MM-DD)
    last_seen TEXT, -- latest article date with this role (YYYY-MM-DD)
    CHECK (title IS NOT NULL OR affiliation_id IS NOT NULL)
);

CREATE INDEX idx_person_roles_person_id ON person_roles ( -- An actor profile lists a person's roles.
    person_id
);
CREATE INDEX idx_person_roles_affiliation_id ON person_roles ( -- Actor filters reach the persons affiliated with a state or organisation.
    affiliation_id
);

CREATE TABLE places ( -- cities, countries and venues where meetings happen
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL, -- common English name ("Brussels", "NATO headquarters")
    kind TEXT NOT NULL DEFAULT 'city', -- city, country, venue, region
    country_iso3 TEXT, -- ISO 3166-1 alpha-3 code of the country it lies in, where known
    parent_id INTEGER REFERENCES places (id) ON DELETE SET NULL, -- the city a venue lies in
    wikidata_qid TEXT, -- Wikidata item, where known
    latitude REAL, -- WGS 84, where known
    longitude REAL -- WGS 84, where known
);

CREATE UNIQUE INDEX idx_places_name_kind_country ON places ( -- One row per place: resolution finds a place by name, kind and country.
    name, kind, ifnull(country_iso3, '')
);

CREATE TABLE actor_curations ( -- what users said about actors (`dipkb actor alias|merge|rename`), replayed after every ingest
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL CHECK (action IN ('alias', 'merge', 'rename')), -- alias: `argument` is another name of `actor`; merge: the actor named `argument` is `actor`; rename: `argument` is `actor`'s name
    actor TEXT NOT NULL, -- the actor acted on, by any of its names at the time
    argument TEXT NOT NULL, -- the alias, the actor merged in, or the new name
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) -- when the user said it (UTC)
);

-- Facts come in two layers. A *report* is what one article says about a fact (its date, place,
-- participants, speaker); the fact itself (`meetings`, `statements`, `demands`) is what all its
-- reports say together, recomputed whenever a report is added or removed. Several articles that
-- report the same meeting or quote give one fact with several reports, one per article.

CREATE TABLE meetings ( -- encounters of two or more parties: talks, summits, sessions, calls, visits; combined from their reports
    id INTEGER PRIMARY KEY,
    label TEXT, -- short description for people ("NATO-Russia Council meeting")
    kind TEXT NOT NULL DEFAULT 'meeting', -- meeting, talks, summit, session, dialogue, call, visit, meal, conference
    mode TEXT NOT NULL DEFAULT 'unknown' CHECK (mode IN ('in_person', 'phone', 'video', 'unknown')), -- how the parties met
    scope TEXT NOT NULL DEFAULT 'unknown' CHECK (scope IN ('bilateral', 'multilateral', 'unknown')), -- two named parties or more
    status TEXT NOT NULL CHECK (status IN ('held', 'planned', 'proposed', 'cancelled', 'postponed')), -- as the most recently published report gives it
    date TEXT, -- first day: YYYY-MM-DD, YYYY-MM or YYYY, as precise as the most precise report
    date_precision TEXT NOT NULL DEFAULT 'unknown' CHECK (date_precision IN ('day', 'month', 'year', 'unknown')), -- how much of `date` is known
    date_phrase TEXT, -- the words the date came from ("on Wednesday", "Dec. 12")
    end_date TEXT, -- last day of a meeting over several days, same forms as `date`
    place_id INTEGER REFERENCES places (id) ON DELETE SET NULL, -- where it took place; NULL for calls or when not said
    outcome TEXT, -- result in the sources' words ("ended in a stalemate")
    cameo_code TEXT, -- CAMEO event code: 040 consult, 041 by telephone, 042 visit, 044 third location, 046 negotiation; 036 intent to meet for meetings not (yet) held
    plover_category TEXT, -- PLOVER event category: CONSULT
    plover_mode TEXT -- PLOVER mode of CONSULT: visit, phone, multilateral, third-party (NULL when none fits)
);

CREATE INDEX idx_meetings_date ON meetings ( -- Timelines order and filter meetings by date.
    date
);
CREATE INDEX idx_meetings_place_id ON meetings ( -- `--place` filters and de-duplication compare places.
    place_id
);

CREATE TABLE meeting_reports ( -- one article's account of a meeting, before it is combined with other articles' accounts
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE, -- the meeting this account was found to describe
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE, -- the article
    position INTEGER NOT NULL, -- order of the meeting within the article's extraction (0, 1, ...)
    label TEXT, -- as in meetings, as this article gives it
    kind TEXT NOT NULL DEFAULT 'meeting', -- as in meetings
    mode TEXT NOT NULL DEFAULT 'unknown' CHECK (mode IN ('in_person', 'phone', 'video', 'unknown')), -- as in meetings
    status TEXT NOT NULL CHECK (status IN ('held', 'planned', 'proposed', 'cancelled', 'postponed')), -- as this article gives it
    date TEXT, -- as in meetings
    date_precision TEXT NOT NULL DEFAULT 'unknown' CHECK (date_precision IN ('day', 'month', 'year', 'unknown')), -- how much of `date` is known
    date_phrase TEXT, -- the words the date came from
    end_date TEXT, -- as in meetings
    place_id INTEGER REFERENCES places (id) ON DELETE SET NULL, -- as in meetings
    outcome TEXT, -- as in meetings
    UNIQUE (article_id, position)
);

CREATE INDEX idx_meeting_reports_meeting_id ON meeting_reports ( -- A meeting's sources.
    meeting_id
);
CREATE INDEX idx_meeting_reports_date ON meeting_reports ( -- De-duplication looks for reports of the same days.
    date
);

CREATE TABLE meeting_report_participants ( -- who took part in a meeting, as one article gives it
    id INTEGER PRIMARY KEY,
    meeting_report_id INTEGER NOT NULL REFERENCES meeting_reports (id) ON DELETE CASCADE, -- the report
    actor_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE, -- the participant
    role TEXT NOT NULL DEFAULT 'participant', -- participant, host, guest, chair, delegation_head, delegation_member
    implied INTEGER NOT NULL DEFAULT 0 CHECK (implied IN (0, 1)), -- 1 when only implied by a person's office or nationality
    UNIQUE (meeting_report_id, actor_id)
);

CREATE INDEX idx_meeting_report_participants_actor_id ON meeting_report_participants ( -- Merging actors re-points their participations.
    actor_id
);

CREATE TABLE meeting_participants ( -- who took part in each meeting, over all its reports
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE, -- the meeting
    actor_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE, -- the participant
    role TEXT NOT NULL DEFAULT 'participant', -- participant, host, guest, chair, delegation_head, delegation_member
    implied INTEGER NOT NULL DEFAULT 0 CHECK (implied IN (0, 1)), -- 1 when no report names it as a party, only implied by a person's office or nationality
    UNIQUE (meeting_id, actor_id)
);

CREATE INDEX idx_meeting_participants_actor_id ON meeting_participants ( -- "Who did Wendy Sherman meet?" starts from the actor.
    actor_id
);

CREATE TABLE statements ( -- what a speaker said: quotes and reported speech; combined from their reports
    id INTEGER PRIMARY KEY,
    speaker_id INTEGER REFERENCES actors (id) ON DELETE SET NULL, -- person, or state or organisation when no person is named; NULL when unnamed
    speaker_party_id INTEGER REFERENCES actors (id) ON DELETE SET NULL, -- state or organisation the speaker spoke for, where known
    kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect')), -- direct: words in quotation marks; indirect: reported speech
    text TEXT NOT NULL, -- the quoted words, or the reported clause without "X said that"
    verb TEXT, -- the reporting verb as written ("said", "warned")
    date TEXT, -- when it was said, same forms as meetings.date
    date_precision TEXT NOT NULL DEFAULT 'unknown' CHECK (date_precision IN ('day', 'month', 'year', 'unknown')), -- how much of `date` is known
    date_phrase TEXT, -- the words the date came from
    meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL, -- the meeting it was made at or about, where one applies
    cameo_code TEXT, -- CAMEO event code: 010 statement, 012 pessimistic comment, 111 criticise or denounce, ...
    plover_category TEXT, -- PLOVER event category where the verb makes it one (ACCUSE for "condemned"); NULL for a plain statement, which PLOVER does not code
    plover_mode TEXT -- PLOVER mode, where one applies
);

CREATE INDEX idx_statements_speaker_id ON statements ( -- Actor profiles and `--actor` filters list a speaker's statements.
    speaker_id
);
CREATE INDEX idx_statements_date ON statements ( -- Timelines order and filter statements by date.
    date
);
CREATE INDEX idx_statements_meeting_id ON statements ( -- A meeting's record lists the statements made at it.
    meeting_id
);

CREATE TABLE statement_reports ( -- one article's account of a statement
    id INTEGER PRIMARY KEY,
    statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE, -- the statement this account was found to report
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE, -- the article
    position INTEGER NOT NULL, -- order within the article's extraction
    speaker_id INTEGER REFERENCES actors (id) ON DELETE SET NULL, -- as in statements, as this article gives it
    speaker_party_id INTEGER REFERENCES actors (id) ON DELETE SET NULL, -- as in statements
    kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect')), -- as in statements
    text TEXT NOT NULL, -- as in statements
    text_key TEXT NOT NULL, -- `text` folded (lower case, letters and digits only) to find the same words in other articles
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

CREATE INDEX idx_statement_reports_statement_id ON statement_reports ( -- A statement's sources.
    statement_id
);
CREATE INDEX idx_statement_reports_text_key_date ON statement_reports ( -- The same quote reported by another article within days.
    text_key, date
);

CREATE TABLE demands ( -- who demands what of whom, and how the other side answered; combined from their reports
    id INTEGER PRIMARY KEY,
    by_actor_id INTEGER REFERENCES actors (id) ON DELETE SET NULL, -- who made the demand (a person, or a party)
    by_party_id INTEGER REFERENCES actors (id) ON DELETE SET NULL, -- state or organisation on whose behalf, where a person made it
    of_actor_id INTEGER REFERENCES actors (id) ON DELETE SET NULL, -- of whom it was demanded; NULL when the text does not say
    of_party_id INTEGER REFERENCES actors (id) ON DELETE SET NULL, -- state or organisation of the addressee, where a person was addressed
    text TEXT NOT NULL, -- what is demanded ("withdrawal of NATO forces from Eastern Europe")
    cue TEXT, -- the words that make it a demand ("calls for", "urged")
    answer TEXT NOT NULL DEFAULT 'unknown'
        CHECK (answer IN ('unknown', 'accepted', 'rejected', 'partly_accepted', 'refused_comment')), -- the addressee's answer, as the most recently published report that gives one says
    answered_by_id INTEGER REFERENCES actors (id) ON DELETE SET NULL, -- who answered
    answer_date TEXT, -- when it was answered, same forms as meetings.date
    date TEXT, -- when it was made, same forms as meetings.date
    date_precision TEXT NOT NULL DEFAULT 'unknown' CHECK (date_precision IN ('day', 'month', 'year', 'unknown')), -- how much of `date` is known
    date_phrase TEXT, -- the words the date came from
    meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL, -- the meeting it was raised at, where one applies
    cameo_code TEXT, -- CAMEO event code: 100 demand, 106 withdrawal, 107 ceasefire, 108 meeting or negotiation, ...
    plover_category TEXT, -- PLOVER event category: REQUEST
    plover_mode TEXT, -- PLOVER mode, where one applies
    answer_cameo_code TEXT, -- CAMEO code of the answer: 12x for a rejection (125 proposal to meet, 1246 refuse to de-escalate, ...), 080 for yielding; NULL while unanswered
    answer_plover_category TEXT -- PLOVER category of the answer: REJECT or CONCEDE; NULL while unanswered
);

CREATE INDEX idx_demands_by_actor_id ON demands ( -- Relations and actor profiles go from an actor to the demands it made.
    by_actor_id
);
CREATE INDEX idx_demands_by_party_id ON demands ( -- Relations and actor profiles go from a state to the demands made on its behalf.
    by_party_id
);
CREATE INDEX idx_demands_of_actor_id ON demands ( -- Relations and actor profiles go from an actor to the demands it received.
    of_actor_id
);
CREATE INDEX idx_demands_of_party_id ON demands ( -- Relations and actor profiles go from a state to the demands its people received.
    of_party_id
);
CREATE INDEX idx_demands_date ON demands ( -- Timelines order and filter demands by date.
    date
);
CREATE INDEX idx_demands_meeting_id ON demands ( -- A meeting's record lists the demands raised at it.
    meeting_id
);

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
    text_key TEXT NOT NULL, -- `text` folded (lower case, letters and digits only) to find the same demand in other articles
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

CREATE INDEX idx_demand_reports_demand_id ON demand_reports ( -- A demand's sources.
    demand_id
);
CREATE INDEX idx_demand_reports_text_key_date ON demand_reports ( -- The same demand reported by another article within days.
    text_key, date
);

CREATE TABLE evidence_spans ( -- provenance: each character span of an article that a report (or a person's role) was found in
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE, -- the article
    meeting_report_id INTEGER REFERENCES meeting_reports (id) ON DELETE CASCADE, -- the evidence, when it is of a meeting
    statement_report_id INTEGER REFERENCES statement_reports (id) ON DELETE CASCADE, -- the evidence, when it is of a statement
    demand_report_id INTEGER REFERENCES demand_reports (id) ON DELETE CASCADE, -- the evidence, when it is of a demand
    person_role_id INTEGER REFERENCES person_roles (id) ON DELETE CASCADE, -- the evidence, when it is of a person's role
    aspect TEXT NOT NULL DEFAULT 'fact', -- what the span shows: fact, date, place, participant, speaker, answer
    span_start INTEGER NOT NULL, -- first character, counted from 0 in articles.body
    span_end INTEGER NOT NULL, -- one past the last character; substr(body, span_start + 1, span_end - span_start) shows it
    CHECK ((meeting_report_id IS NOT NULL) + (statement_report_id IS NOT NULL)
        + (demand_report_id IS NOT NULL) + (person_role_id IS NOT NULL) = 1),
    CHECK (0 <= span_start AND span_start <= span_end)
);

CREATE INDEX idx_evidence_spans_article_id ON evidence_spans ( -- Re-extracting an article finds and removes its spans.
    article_id
);
CREATE INDEX idx_evidence_spans_meeting_report_id ON evidence_spans ( -- A meeting report's evidence.
    meeting_report_id
);
CREATE INDEX idx_evidence_spans_statement_report_id ON evidence_spans ( -- A statement report's evidence.
    statement_report_id
);
CREATE INDEX idx_evidence_spans_demand_report_id ON evidence_spans ( -- A demand report's evidence.
    demand_report_id
);
CREATE INDEX idx_evidence_spans_person_role_id ON evidence_spans ( -- A role's sources; also the check that a role still has any source.
    person_role_id
);

CREATE TABLE diagnostics ( -- what ingest and extraction noticed about an article but could not settle
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE, -- the article
    stage TEXT NOT NULL CHECK (stage IN ('source', 'extract')), -- reading the input, or extracting facts (redone by --reprocess)
    severity TEXT NOT NULL CHECK (severity IN ('info', 'warning')), -- warning: a fact may be missing or wrong
    code TEXT NOT NULL, -- stable identifier ("no-publication-date", "invalid-utf8")
    message TEXT NOT NULL, -- for people
    span_start INTEGER, -- where in the body, when it concerns one place (characters from 0)
    span_end INTEGER -- one past the last character
);

CREATE INDEX idx_diagnostics_article_id ON diagnostics ( -- `stats` and the article view read an article's diagnostics.
    article_id
);

-- Full-text search. External content keeps one copy of the text; the triggers below keep the
-- index in step. unicode61 with remove_diacritics 2 lets "Alvarez" find "Álvarez".
CREATE VIRTUAL TABLE statements_fts USING fts5 ( -- full-text index of statements.text (Datasette offers it as a search box)
    text,
    content = 'statements',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER statements_fts_after_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER statements_fts_after_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TRIGGER statements_fts_after_update AFTER UPDATE OF text ON statements
WHEN old.text IS NOT new.text BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO statements_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE VIRTUAL TABLE articles_fts USING fts5 ( -- full-text index of article titles and bodies
    title,
    body,
    content = 'articles',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_after_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TRIGGER articles_fts_after_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;

CREATE TRIGGER articles_fts_after_update AFTER UPDATE OF title, body ON articles
WHEN old.title IS NOT new.title OR old.body IS NOT new.body BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

-- Views: readable, joined columns for people who never read the base tables. Every one of them
-- runs on SQLite 3.40 and uses no function that SQLite does not ship.

CREATE VIEW meeting_list AS
-- One row per meeting with names instead of ids. `participants` lists the parties and people
-- the reports name; `implied_participants` those only implied by an office or nationality.
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
    (SELECT count(DISTINCT r.article_id) FROM meeting_reports AS r WHERE r.meeting_id = m.id) AS sources
FROM meetings AS m
LEFT JOIN places AS p ON p.id = m.place_id;

CREATE VIEW statement_list AS
-- One row per statement with the speaker's and party's names.
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
    (SELECT count(DISTINCT r.article_id) FROM statement_reports AS r WHERE r.statement_id = s.id) AS sources
FROM statements AS s
LEFT JOIN actors AS speaker ON speaker.id = s.speaker_id
LEFT JOIN actors AS party ON party.id = s.speaker_party_id;

CREATE VIEW demand_list AS
-- One row per demand: who demanded what of whom, and the answer, with names.
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
    (SELECT count(DISTINCT r.article_id) FROM demand_reports AS r WHERE r.demand_id = d.id) AS sources
FROM demands AS d
LEFT JOIN actors AS by_actor ON by_actor.id = d.by_actor_id
LEFT JOIN actors AS by_party ON by_party.id = d.by_party_id
LEFT JOIN actors AS of_actor ON of_actor.id = d.of_actor_id
LEFT JOIN actors AS of_party ON of_party.id = d.of_party_id
LEFT JOIN actors AS answered_by ON answered_by.id = d.answered_by_id;

CREATE VIEW actor_list AS
-- One row per actor with its codes, every alias, its latest office, and how often it appears.
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
    (SELECT count(*) FROM statements WHERE speaker_id = a.id) AS statements,
    (SELECT count(*) FROM demands WHERE a.id IN (by_actor_id, by_party_id)) AS demands_made,
    (SELECT count(*) FROM demands WHERE a.id IN (of_actor_id, of_party_id)) AS demands_received
FROM actors AS a;

CREATE VIEW evidence AS
-- Every piece of evidence with the words it points at: which fact, which article, which span.
SELECT
    CASE
        WHEN e.meeting_report_id IS NOT NULL THEN 'meeting'
        WHEN e.statement_report_id IS NOT NULL THEN 'statement'
        WHEN e.demand_report_id IS NOT NULL THEN 'demand'
        ELSE 'person_role'
    END AS fact,
    coalesce(mr.meeting_id, sr.statement_id, dr.demand_id, e.person_role_id) AS fact_id,
    e.aspect AS aspect,
    e.article_id AS article_id,
    art.title AS article_title,
    art.published AS published,
    art.url AS url,
    e.span_start AS span_start,
    e.span_end AS span_end,
    substr(art.body, e.span_start + 1, e.span_end - e.span_start) AS text
FROM evidence_spans AS e
JOIN articles AS art ON art.id = e.article_id
LEFT JOIN meeting_reports AS mr ON mr.id = e.meeting_report_id
LEFT JOIN statement_reports AS sr ON sr.id = e.statement_report_id
LEFT JOIN demand_reports AS dr ON dr.id = e.demand_report_id;

CREATE VIEW timeline AS
-- One line per event, in date order, with names instead of ids: what an analyst reads first.
-- Undated events sort last. `sources` counts the distinct articles that report the event.
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
    event.sources AS sources
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
        m.sources AS sources
    FROM meeting_list AS m
    UNION ALL
    SELECT s.date, s.date_precision, 'statement', s.id, s.kind, s.text, s.speaker, NULL, s.cameo_code, s.sources
    FROM statement_list AS s
    UNION ALL
    SELECT d.date, d.date_precision, 'demand', d.id, d.answer, d.text,
        coalesce(d.by_party, d.by_actor, '?') || ' -> ' || coalesce(d.of_party, d.of_actor, '?'),
        NULL, d.cameo_code, d.sources
    FROM demand_list AS d
) AS event
ORDER BY event.date IS NULL, event.date, event.event, event.event_id;

CREATE VIEW relationship_events AS
-- The actor graph one event at a time: who met whom, who demanded something of whom, who
-- rejected whose demand. Meetings appear in both directions so that filtering on `actor_id`
-- finds every partner; demands and rejections point from the one who acted. `event` and
-- `event_id` name the meeting or demand the link comes from.
SELECT
    actor.name AS actor,
    other.name AS other,
    links.relation AS relation,
    links.date AS date,
    links.event AS event,
    links.event_id AS event_id,
    links.actor_id AS actor_id,
    links.other_id AS other_id
FROM (
    SELECT a.actor_id AS actor_id, b.actor_id AS other_id,
        CASE m.status WHEN 'held' THEN 'met' ELSE 'meeting_' || m.status END AS relation,
        m.date AS date, 'meeting' AS event, m.id AS event_id
    FROM meeting_participants AS a
    JOIN meeting_participants AS b ON b.meeting_id = a.meeting_id AND b.actor_id <> a.actor_id
    JOIN meetings AS m ON m.id = a.meeting_id
    -- Parties only implied by a person's office are not said to have met anyone.
    WHERE a.implied = 0 AND b.implied = 0
    UNION
    -- A demand links whoever made it (the person and the party they spoke for) to whoever it
    -- was made of (the party, or the person where no party is known).
    SELECT by_id, coalesce(d.of_party_id, d.of_actor_id), 'demanded_of', d.date, 'demand', d.id
    FROM demands AS d
    JOIN (SELECT id, by_actor_id AS by_id FROM demands UNION SELECT id, by_party_id FROM demands) AS makers
        ON makers.id = d.id
    WHERE by_id IS NOT NULL AND coalesce(d.of_party_id, d.of_actor_id) IS NOT NULL
        AND by_id <> coalesce(d.of_party_id, d.of_actor_id)
    UNION
    SELECT d.answered_by_id, coalesce(d.by_party_id, d.by_actor_id), 'rejected_demand_of',
        coalesce(d.answer_date, d.date), 'demand', d.id
    FROM demands AS d
    WHERE d.answer = 'rejected' AND d.answered_by_id IS NOT NULL
        AND coalesce(d.by_party_id, d.by_actor_id) IS NOT NULL
        AND d.answered_by_id <> coalesce(d.by_party_id, d.by_actor_id)
) AS links
JOIN actors AS actor ON actor.id = links.actor_id
JOIN actors AS other ON other.id = links.other_id;

CREATE VIEW relationships AS
-- The actor graph: relationship_events counted per pair of actors and relation, with the first
-- and last dates.
SELECT
    actor,
    other,
    relation,
    count(*) AS events,
    min(date) AS first_date,
    max(date) AS last_date,
    actor_id,
    other_id
FROM relationship_events
GROUP BY actor_id, other_id, relation
ORDER BY actor, other, relation;
