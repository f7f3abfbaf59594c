-- dipkb schema, version 12: the indexes on actor columns hold the date, and a participant's
-- meetings (issue #12). `timeline --actor A --limit N` and `--last N` keep the first or last N
-- events of each actor column; with the date beside the actor in the index, that is a walk of
-- the index alone, where it was a read of every event of the actor from its table (15,000 rows
-- for the busiest states and their people). Each index still serves every lookup by its actor
-- column alone.

DROP INDEX idx_statement_facts_speaker_id;
CREATE INDEX idx_statement_facts_speaker_id ON statement_facts ( -- Actor profiles and `--actor` filters list a speaker's statements, by date.
    speaker_id,
    date
) WHERE speaker_id IS NOT NULL;
DROP INDEX idx_statement_facts_speaker_party_id;
CREATE INDEX idx_statement_facts_speaker_party_id ON statement_facts ( -- Actor filters and merges find statements by the party a speaker spoke for, by date.
    speaker_party_id,
    date
) WHERE speaker_party_id IS NOT NULL;

DROP INDEX idx_demands_by_actor_id;
CREATE INDEX idx_demands_by_actor_id ON demands ( -- Relations and actor profiles go from an actor to the demands it made, by date.
    by_actor_id,
    date
);
DROP INDEX idx_demands_by_party_id;
CREATE INDEX idx_demands_by_party_id ON demands ( -- Relations and actor profiles go from a state to the demands made on its behalf, by date.
    by_party_id,
    date
);
DROP INDEX idx_demands_of_actor_id;
CREATE INDEX idx_demands_of_actor_id ON demands ( -- Relations and actor profiles go from an actor to the demands it received, by date.
    of_actor_id,
    date
);
DROP INDEX idx_demands_of_party_id;
CREATE INDEX idx_demands_of_party_id ON demands ( -- Relations and actor profiles go from a state to the demands its people received, by date.
    of_party_id,
    date
);
DROP INDEX idx_demands_answered_by_id;
CREATE INDEX idx_demands_answered_by_id ON demands ( -- Rejections by an actor, and merges, find demands by who answered them, by date.
    answered_by_id,
    date
);

DROP INDEX idx_meeting_participants_actor_id;
CREATE INDEX idx_meeting_participants_actor_id ON meeting_participants ( -- "Who did Wendy Sherman meet?" starts from the actor: its meetings without reading the table.
    actor_id,
    meeting_id,
    implied
);

-- For the busiest actors the date indexes are walked from one end instead, testing the actors
-- of each entry without reading the table.
DROP INDEX idx_statement_facts_date;
CREATE INDEX idx_statement_facts_date ON statement_facts ( -- Timelines order and filter statements by date, and find a busy actor's first or last ones.
    date,
    speaker_id,
    speaker_party_id
);
DROP INDEX idx_demands_date;
CREATE INDEX idx_demands_date ON demands ( -- Timelines order and filter demands by date, and find a busy actor's first or last ones.
    date,
    by_actor_id,
    by_party_id,
    of_actor_id,
    of_party_id,
    answered_by_id
);
