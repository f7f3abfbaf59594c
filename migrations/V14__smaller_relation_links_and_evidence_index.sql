-- dipkb schema, version 14: the kept actor graph and the evidence index take less room (issue
-- #12: at most 3 bytes of database per byte of article text). Nothing a view, a query or an
-- export returns changes.
--
-- `relation_links` (version 13) held each link twice: in its table, ordered by event, and in
-- an index by actor that repeated every column, with the event and the relation as words
-- ('meeting', 'meeting_planned'). Its rows are now ordered by actor, so that the table itself
-- is what `relations --actor A` reads (with `--since`/`--until` too: the date is in the row),
-- and a narrow index of ids finds the links of an event when dipkb writes them again. The
-- relation is a code of `relation_kinds`, the event 0 (meeting) or 1 (demand); both take one
-- byte or none. `relation_pairs` stores the relation as a code as well.
--
-- Indexes on columns of demands and demand reports that are mostly empty leave out the rows
-- without a value, as those of statements do since version 10: every look-up by them is by a
-- value (`=`, `IN`), which a partial index answers. (On the synthetic corpus no demand has a
-- party of its addressee or an answerer, and nine reports in ten no meeting.)
--
-- The index of evidence spans by article served one statement: re-extracting an article
-- deletes its spans. The spans of its reports go with the reports (ON DELETE CASCADE, through
-- the indexes by report), so only the spans of persons' roles are found by article; the index
-- keeps those alone (a tenth of the rows on the synthetic corpus, 0.06 bytes per byte of text).

CREATE TABLE relation_kinds ( -- the relations of the actor graph, by the code relation_links and relation_pairs store
    id INTEGER PRIMARY KEY, -- the code
    name TEXT NOT NULL UNIQUE -- the relation as relationship_events and relationships give it
);
INSERT INTO relation_kinds (id, name) VALUES
    (0, 'met'),
    (1, 'demanded_of'),
    (2, 'rejected_demand_of'),
    (3, 'meeting_planned'),
    (4, 'meeting_proposed'),
    (5, 'meeting_cancelled'),
    (6, 'meeting_postponed');

DROP TABLE relation_links;
CREATE TABLE relation_links ( -- relationship_events by actor ids: one row per link of one event; kept by dipkb from meetings, meeting_participants and demands
    actor_id INTEGER NOT NULL, -- who met, demanded, or rejected a demand
    other_id INTEGER NOT NULL, -- whom they met, of whom they demanded, whose demand they rejected
    relation INTEGER NOT NULL REFERENCES relation_kinds (id), -- met, meeting_planned (and the other statuses), demanded_of, rejected_demand_of, by code
    event INTEGER NOT NULL CHECK (event IN (0, 1)), -- the kind of event the link comes from: 0 a meeting, 1 a demand
    event_id INTEGER NOT NULL, -- meetings.id or demands.id
    date TEXT, -- the event's date (a rejection: when it was answered), as in relationship_events
    PRIMARY KEY (actor_id, other_id, relation, event, event_id)
) WITHOUT ROWID;

CREATE INDEX idx_relation_links_event ON relation_links ( -- dipkb writes the links of a changed meeting or demand again: it finds them by event.
    event,
    event_id
);
CREATE INDEX idx_relation_links_other_id ON relation_links ( -- `relations --actor A` reads the demands made of the actor and rejections of its demands.
    other_id,
    actor_id,
    relation,
    date
) WHERE event = 1;

DROP TABLE relation_pairs;
CREATE TABLE relation_pairs ( -- relation_links counted per pair and relation, as `relations` shows them without a date filter; kept by dipkb with relation_links
    actor_id INTEGER NOT NULL, -- as in relation_links
    other_id INTEGER NOT NULL, -- as in relation_links
    relation INTEGER NOT NULL REFERENCES relation_kinds (id), -- as in relation_links
    events INTEGER NOT NULL, -- how many events link them so
    first_date TEXT, -- the earliest date of those events (NULL when none is dated)
    last_date TEXT, -- the latest
    PRIMARY KEY (actor_id, other_id, relation)
) WITHOUT ROWID;

DROP TABLE relation_pairs_pending;
CREATE TABLE relation_pairs_pending ( -- pairs whose relation_pairs row is to be counted again before the transaction commits; empty between transactions
    actor_id INTEGER NOT NULL,
    other_id INTEGER NOT NULL,
    relation INTEGER NOT NULL,
    PRIMARY KEY (actor_id, other_id, relation)
) WITHOUT ROWID;

-- The links of what is stored now, as relationship_events gives them (which also settles any
-- queued event: the queue is emptied).
INSERT INTO relation_links (actor_id, other_id, relation, event, event_id, date)
SELECT e.actor_id, e.other_id, k.id, CASE e.event WHEN 'meeting' THEN 0 ELSE 1 END, e.event_id,
    e.date
FROM relationship_events AS e JOIN relation_kinds AS k ON k.name = e.relation;
INSERT INTO relation_pairs (actor_id, other_id, relation, events, first_date, last_date)
SELECT actor_id, other_id, relation, count(*), min(date), max(date) FROM relation_links
GROUP BY actor_id, other_id, relation;
DELETE FROM relation_pending;

DROP INDEX idx_evidence_spans_article_id;
CREATE INDEX idx_evidence_spans_article_id ON evidence_spans ( -- Re-extracting an article removes the spans of its persons' roles (its reports' spans go with the reports).
    article_id
) WHERE person_role_id IS NOT NULL;

DROP INDEX idx_demands_by_party_id;
CREATE INDEX idx_demands_by_party_id ON demands ( -- Relations and actor profiles go from a state to the demands made on its behalf, by date.
    by_party_id,
    date
) WHERE by_party_id IS NOT NULL;
DROP INDEX idx_demands_of_actor_id;
CREATE INDEX idx_demands_of_actor_id ON demands ( -- Relations and actor profiles go from an actor to the demands it received, by date.
    of_actor_id,
    date
) WHERE of_actor_id IS NOT NULL;
DROP INDEX idx_demands_of_party_id;
CREATE INDEX idx_demands_of_party_id ON demands ( -- Relations and actor profiles go from a state to the demands its people received, by date.
    of_party_id,
    date
) WHERE of_party_id IS NOT NULL;
DROP INDEX idx_demands_answered_by_id;
CREATE INDEX idx_demands_answered_by_id ON demands ( -- Rejections by an actor, and merges, find demands by who answered them, by date.
    answered_by_id,
    date
) WHERE answered_by_id IS NOT NULL;
DROP INDEX idx_demands_meeting_id;
CREATE INDEX idx_demands_meeting_id ON demands ( -- A meeting's record lists the demands raised at it.
    meeting_id
) WHERE meeting_id IS NOT NULL;
DROP INDEX idx_demand_reports_by_actor_id;
CREATE INDEX idx_demand_reports_by_actor_id ON demand_reports ( -- Merging two actors finds the demands they made.
    by_actor_id
) WHERE by_actor_id IS NOT NULL;
DROP INDEX idx_demand_reports_of_actor_id;
CREATE INDEX idx_demand_reports_of_actor_id ON demand_reports ( -- Merging two actors finds the demands made of them.
    of_actor_id
) WHERE of_actor_id IS NOT NULL;
DROP INDEX idx_demand_reports_meeting_report_id;
CREATE INDEX idx_demand_reports_meeting_report_id ON demand_reports ( -- When a meeting report moves to another meeting, the demands raised at it follow.
    meeting_report_id
) WHERE meeting_report_id IS NOT NULL;
