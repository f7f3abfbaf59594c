-- dipkb schema, version 11: a meeting's reports indexed with their date bounds (issue #11).
-- Combining a new meeting report reads, for each meeting whose first day lies within a month of
-- its days, the reports whose own days overlap the new report's. Indexed by meeting alone, each
-- report of those meetings was read from the table to test its days (on 2,013 State Department
-- releases four reports in five did not overlap); with its bounds in the index, only those
-- that overlap are.

DROP INDEX idx_meeting_reports_meeting_id;
CREATE INDEX idx_meeting_reports_meeting_id ON meeting_reports ( -- A meeting's sources, and those of them whose days overlap a report's.
    meeting_id,
    date_earliest,
    date_latest
);
