-- dipkb schema, version 4: indexes for the report columns that merging two actors re-points.
-- Version 3 scanned `statement_reports` and `demand_reports` in full for each of these columns
-- at every merge, and an ingest merges a person stored under a surname alone into the full
-- name once it is seen: on 2,013 State Department releases a fifth of ingest time. Partial,
-- because most reports name no party that answered or was demanded of.

CREATE INDEX idx_statement_reports_speaker_party_id ON statement_reports ( -- Merging two actors finds the reports of statements made for either.
    speaker_party_id
) WHERE speaker_party_id IS NOT NULL;
CREATE INDEX idx_demand_reports_by_party_id ON demand_reports ( -- Merging two actors finds the demands made on behalf of either.
    by_party_id
) WHERE by_party_id IS NOT NULL;
CREATE INDEX idx_demand_reports_of_party_id ON demand_reports ( -- Merging two actors finds the demands made of either's party.
    of_party_id
) WHERE of_party_id IS NOT NULL;
CREATE INDEX idx_demand_reports_answered_by_id ON demand_reports ( -- Merging two actors finds the answers either gave.
    answered_by_id
) WHERE answered_by_id IS NOT NULL;
