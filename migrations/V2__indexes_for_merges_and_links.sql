-- dipkb schema, version 2: indexes for the lookups that merging actors and linking what was
-- said to meetings make on every ingest. Version 1 scanned these tables in full each time.

CREATE INDEX idx_statements_speaker_party_id ON statements ( -- Actor filters and merges find statements by the party a speaker spoke for.
    speaker_party_id
);
CREATE INDEX idx_demands_answered_by_id ON demands ( -- Rejections by an actor, and merges, find demands by who answered them.
    answered_by_id
);
CREATE INDEX idx_statement_reports_speaker_id ON statement_reports ( -- Merging two actors finds the reports of their statements.
    speaker_id
);
CREATE INDEX idx_statement_reports_meeting_report_id ON statement_reports ( -- When a meeting report moves to another meeting, what was said at it follows.
    meeting_report_id
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
CREATE INDEX idx_meeting_reports_place_id ON meeting_reports ( -- Places are compared when reports are combined.
    place_id
);
