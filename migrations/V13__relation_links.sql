-- dipkb schema, version 13: the links of the actor graph kept in a table (issue #12).
-- `relations --actor A` counted the links of `relationship_events` for the actor and its people
-- by joining each of their meetings' participants and each of their demands: for the busiest
-- states 15,000 pairs of participants, 100 ms and more. `relation_links` holds the same rows,
-- by actor ids, without names, and `relation_pairs` their counts per pair, so that the query
-- reads one index range per actor of the set. dipkb keeps both: triggers queue each meeting
-- and demand whose links may have changed in `relation_pending`, and before every commit
-- dipkb writes the links of the queued events again from their tables (as it does for the
-- full-text indexes) and counts again the pairs whose links it removed or added. Both are
-- functions of meetings, their participants and demands, so they do not depend on the order
-- articles came in. `relationship_events` stays the definition; while the queue
-- is not empty (someone wrote to the tables without dipkb), dipkb reads relations from it.

CREATE TABLE relation_links ( -- relationship_events by actor ids: one row per link of one event; kept by dipkb from meetings, meeting_participants and demands
    event TEXT NOT NULL CHECK (event IN ('meeting', 'demand')), -- the kind of event the link comes from
    event_id INTEGER NOT NULL, -- meetings.id or demands.id
    actor_id INTEGER NOT NULL, -- who met, demanded, or rejected a demand
    other_id INTEGER NOT NULL, -- whom they met, of whom they demanded, whose demand they rejected
    relation TEXT NOT NULL, -- met, meeting_planned (and the other statuses), demanded_of, rejected_demand_of
    date TEXT, -- the event's date (a rejection: when it was answered), as in relationship_events
    PRIMARY KEY (event, event_id, actor_id, other_id, relation)
) WITHOUT ROWID;

CREATE INDEX idx_relation_links_actor_id ON relation_links ( -- `relations --actor A` reads each actor's links, grouped by partner and relation.
    actor_id,
    other_id,
    relation,
    date
);
CREATE INDEX idx_relation_links_other_id ON relation_links ( -- ... and the demands made of the actor and rejections of its demands.
    other_id,
    actor_id,
    relation,
    date
) WHERE event = 'demand';

CREATE TABLE relation_pairs ( -- relation_links counted per pair and relation, as `relations` shows them without a date filter; kept by dipkb with relation_links
    actor_id INTEGER NOT NULL, -- as in relation_links
    other_id INTEGER NOT NULL, -- as in relation_links
    relation TEXT NOT NULL, -- as in relation_links
    events INTEGER NOT NULL, -- how many events link them so
    first_date TEXT, -- the earliest date of those events (NULL when none is dated)
    last_date TEXT, -- the latest
    PRIMARY KEY (actor_id, other_id, relation)
) WITHOUT ROWID;

CREATE TABLE relation_pending ( -- meetings and demands whose relation_links are to be written again before the transaction commits; empty between transactions
    event TEXT NOT NULL, -- meeting or demand
    event_id INTEGER NOT NULL, -- its id
    PRIMARY KEY (event, event_id)
) WITHOUT ROWID;

CREATE TABLE relation_pairs_pending ( -- pairs whose relation_pairs row is to be counted again before the transaction commits; empty between transactions
    actor_id INTEGER NOT NULL,
    other_id INTEGER NOT NULL,
    relation TEXT NOT NULL,
    PRIMARY KEY (actor_id, other_id, relation)
) WITHOUT ROWID;

CREATE TRIGGER meeting_participants_relation_insert AFTER INSERT ON meeting_participants BEGIN
    INSERT OR IGNORE INTO relation_pending (event, event_id) VALUES ('meeting', new.meeting_id);
END;
CREATE TRIGGER meeting_participants_relation_delete AFTER DELETE ON meeting_participants BEGIN
    INSERT OR IGNORE INTO relation_pending (event, event_id) VALUES ('meeting', old.meeting_id);
END;
CREATE TRIGGER meeting_participants_relation_update AFTER UPDATE OF meeting_id, actor_id, implied
ON meeting_participants
WHEN old.meeting_id IS NOT new.meeting_id OR old.actor_id IS NOT new.actor_id
    OR old.implied IS NOT new.implied
BEGIN
    INSERT OR IGNORE INTO relation_pending (event, event_id) VALUES ('meeting', old.meeting_id);
    INSERT OR IGNORE INTO relation_pending (event, event_id) VALUES ('meeting', new.meeting_id);
END;
CREATE TRIGGER meetings_relation_update AFTER UPDATE OF id, status, date ON meetings
WHEN old.id IS NOT new.id OR old.status IS NOT new.status OR old.date IS NOT new.date
BEGIN
    INSERT OR IGNORE INTO relation_pending (event, event_id) VALUES ('meeting', old.id);
    INSERT OR IGNORE INTO relation_pending (event, event_id) VALUES ('meeting', new.id);
END;
CREATE TRIGGER meetings_relation_delete AFTER DELETE ON meetings BEGIN
    INSERT OR IGNORE INTO relation_pending (event, event_id) VALUES ('meeting', old.id);
END;
CREATE TRIGGER demands_relation_insert AFTER INSERT ON demands BEGIN
    INSERT OR IGNORE INTO relation_pending (event, event_id) VALUES ('demand', new.id);
END;
CREATE TRIGGER demands_relation_delete AFTER DELETE ON demands BEGIN
    INSERT OR IGNORE INTO relation_pending (event, event_id) VALUES ('demand', old.id);
END;
CREATE TRIGGER demands_relation_update AFTER UPDATE OF id, by_actor_id, by_party_id, of_actor_id,
    of_party_id, answer, answered_by_id, answer_date, date ON demands
WHEN old.id IS NOT new.id OR old.by_actor_id IS NOT new.by_actor_id
    OR old.by_party_id IS NOT new.by_party_id OR old.of_actor_id IS NOT new.of_actor_id
    OR old.of_party_id IS NOT new.of_party_id OR old.answer IS NOT new.answer
    OR old.answered_by_id IS NOT new.answered_by_id OR old.answer_date IS NOT new.answer_date
    OR old.date IS NOT new.date
BEGIN
    INSERT OR IGNORE INTO relation_pending (event, event_id) VALUES ('demand', old.id);
    INSERT OR IGNORE INTO relation_pending (event, event_id) VALUES ('demand', new.id);
END;

-- The links of what is stored now, as relationship_events gives them.
INSERT INTO relation_links (event, event_id, actor_id, other_id, relation, date)
SELECT event, event_id, actor_id, other_id, relation, date FROM relationship_events;
INSERT INTO relation_pairs (actor_id, other_id, relation, events, first_date, last_date)
SELECT actor_id, other_id, relation, count(*), min(date), max(date) FROM relation_links
GROUP BY actor_id, other_id, relation;
