-- dipkb schema, version 3: lookups by actor that version 2 answered by reading whole tables,
-- and smaller indexes of evidence.

CREATE INDEX idx_actors_name ON actors ( -- `--actor NAME` and curations find an actor by its own name first.
    name
);

DROP VIEW actor_list;
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
    (SELECT count(*) FROM statements WHERE speaker_id = a.id) AS statements,
    (SELECT count(*) FROM demands WHERE by_actor_id = a.id)
        + (SELECT count(*) FROM demands WHERE by_party_id = a.id AND by_actor_id IS NOT a.id) AS demands_made,
    (SELECT count(*) FROM demands WHERE of_actor_id = a.id)
        + (SELECT count(*) FROM demands WHERE of_party_id = a.id AND of_actor_id IS NOT a.id) AS demands_received
FROM actors AS a;

-- A span is evidence of one kind of thing, so each of these columns is empty in most rows;
-- the indexes hold only the rows that have a value.
DROP INDEX idx_evidence_spans_meeting_report_id;
CREATE INDEX idx_evidence_spans_meeting_report_id ON evidence_spans ( -- A meeting report's evidence.
    meeting_report_id
) WHERE meeting_report_id IS NOT NULL;
DROP INDEX idx_evidence_spans_statement_report_id;
CREATE INDEX idx_evidence_spans_statement_report_id ON evidence_spans ( -- A statement report's evidence.
    statement_report_id
) WHERE statement_report_id IS NOT NULL;
DROP INDEX idx_evidence_spans_demand_report_id;
CREATE INDEX idx_evidence_spans_demand_report_id ON evidence_spans ( -- A demand report's evidence.
    demand_report_id
) WHERE demand_report_id IS NOT NULL;
DROP INDEX idx_evidence_spans_person_role_id;
CREATE INDEX idx_evidence_spans_person_role_id ON evidence_spans ( -- A role's sources; also the check that a role still has any source.
    person_role_id
) WHERE person_role_id IS NOT NULL;

-- Full-text indexes are brought up to date once per transaction instead of once per row.
-- FTS5 writes its pending terms out at every savepoint, and SQLite opens one for each
-- statement that fires a trigger inside a transaction: maintaining the indexes row by row
-- took 30% of ingest time. The triggers now queue what changed; dipkb applies the queue, in
-- order, just before each commit, so readers never see the indexes out of step.
CREATE TABLE fts_pending ( -- changes to statements and articles not yet applied to their full-text indexes; empty between transactions
    seq INTEGER PRIMARY KEY, -- order of the changes
    target TEXT NOT NULL CHECK (target IN ('statements', 'articles')), -- which index
    op TEXT CHECK (op IS NULL OR op = 'delete'), -- NULL adds the row's words, 'delete' removes them
    row INTEGER NOT NULL, -- statements.id or articles.id
    title TEXT, -- articles.title (for articles)
    body TEXT -- statements.text or articles.body
);

DROP TRIGGER statements_fts_after_insert;
CREATE TRIGGER statements_fts_after_insert AFTER INSERT ON statements BEGIN
    INSERT INTO fts_pending (target, op, row, body) VALUES ('statements', NULL, new.id, new.text);
END;

DROP TRIGGER statements_fts_after_delete;
CREATE TRIGGER statements_fts_after_delete AFTER DELETE ON statements BEGIN
    INSERT INTO fts_pending (target, op, row, body) VALUES ('statements', 'delete', old.id, old.text);
END;

DROP TRIGGER statements_fts_after_update;
CREATE TRIGGER statements_fts_after_update AFTER UPDATE OF text ON statements
WHEN old.text IS NOT new.text BEGIN
    INSERT INTO fts_pending (target, op, row, body) VALUES ('statements', 'delete', old.id, old.text);
    INSERT INTO fts_pending (target, op, row, body) VALUES ('statements', NULL, new.id, new.text);
END;

DROP TRIGGER articles_fts_after_insert;
CREATE TRIGGER articles_fts_after_insert AFTER INSERT ON articles BEGIN
    INSERT INTO fts_pending (target, op, row, title, body) VALUES ('articles', NULL, new.id, new.title, new.body);
END;

DROP TRIGGER articles_fts_after_delete;
CREATE TRIGGER articles_fts_after_delete AFTER DELETE ON articles BEGIN
    INSERT INTO fts_pending (target, op, row, title, body) VALUES ('articles', 'delete', old.id, old.title, old.body);
END;

DROP TRIGGER articles_fts_after_update;
CREATE TRIGGER articles_fts_after_update AFTER UPDATE OF title, body ON articles
WHEN old.title IS NOT new.title OR old.body IS NOT new.body BEGIN
    INSERT INTO fts_pending (target, op, row, title, body) VALUES ('articles', 'delete', old.id, old.title, old.body);
    INSERT INTO fts_pending (target, op, row, title, body) VALUES ('articles', NULL, new.id, new.title, new.body);
END;
