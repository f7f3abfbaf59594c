-- dipkb schema, version 7: every meeting placed in time (issue #11). A date such as "2022-07"
-- or a phrase such as "a few days ago" or "last week" allows a span of days, and a meeting the
-- text does not date at all is still bounded by its article's publication date. Each meeting
-- and each report now carries the first and last day it can have been, and what bounds them:
-- the words of the text, or only the article (held: from the first of the month of publication
-- to the day of publication; planned: the 30 days from publication). Meetings combine when
-- their bounds overlap, whether or not each has an exact day.
--
-- ALTER TABLE keeps a column's text in the table's CREATE statement, where a `--` comment
-- would swallow the closing parenthesis, so these columns are commented with `/* */`. SQLite
-- puts them after the last column, before that column's `--` comment: in `.schema
-- meeting_reports`, "-- as in meetings" after `date_basis` is still the comment of `outcome`.

ALTER TABLE meeting_reports ADD COLUMN date_earliest TEXT /* the first day the meeting can have been, YYYY-MM-DD: the first day of its date, or of the span its phrase allows ("a few days ago": ten days before publication) */;
ALTER TABLE meeting_reports ADD COLUMN date_latest TEXT /* the last day the meeting can have been, YYYY-MM-DD */;
ALTER TABLE meeting_reports ADD COLUMN date_basis TEXT CHECK (date_basis IN ('text', 'article')) /* what bounds the date: a date or phrase of the text, or only the article (the text gives none; `date_phrase` is then NULL) */;
ALTER TABLE meetings ADD COLUMN date_earliest TEXT /* the first day the meeting can have been, YYYY-MM-DD: the latest first day its reports allow */;
ALTER TABLE meetings ADD COLUMN date_latest TEXT /* the last day the meeting can have been, YYYY-MM-DD: the earliest last day its reports allow */;
ALTER TABLE meetings ADD COLUMN date_basis TEXT CHECK (date_basis IN ('text', 'article')) /* `text` when any report's text dates the meeting, `article` when only the articles bound it */;

-- Combining finds the meetings whose bounds could overlap a new report's.
CREATE INDEX idx_meetings_date_earliest ON meetings ( -- Combining looks for meetings whose first possible day lies near a new report's days.
    date_earliest
);

-- Reports stored before this version: bounds from their date, or from their article.
UPDATE meeting_reports SET
    date_earliest = CASE date_precision
        WHEN 'day' THEN date
        WHEN 'month' THEN date || '-01'
        WHEN 'year' THEN date || '-01-01'
    END,
    date_latest = CASE date_precision
        WHEN 'day' THEN max(date, ifnull(end_date, date))
        WHEN 'month' THEN date(date || '-01', '+1 month', '-1 day')
        WHEN 'year' THEN date || '-12-31'
    END,
    date_basis = 'text'
WHERE date IS NOT NULL AND date_precision IN ('day', 'month', 'year');

UPDATE meeting_reports SET
    date_earliest = CASE status
        WHEN 'held' THEN strftime('%Y-%m-01', (SELECT published FROM articles WHERE id = article_id))
        ELSE (SELECT published FROM articles WHERE id = article_id)
    END,
    date_latest = CASE status
        WHEN 'held' THEN (SELECT published FROM articles WHERE id = article_id)
        ELSE date((SELECT published FROM articles WHERE id = article_id), '+30 days')
    END,
    date_basis = 'article'
WHERE date IS NULL AND status IN ('held', 'planned')
    AND (SELECT published FROM articles WHERE id = article_id) IS NOT NULL;

-- The date such a report then has: as precise as its bounds allow.
UPDATE meeting_reports SET
    date = CASE
        WHEN substr(date_earliest, 1, 7) = substr(date_latest, 1, 7) THEN substr(date_earliest, 1, 7)
        WHEN substr(date_earliest, 1, 4) = substr(date_latest, 1, 4) THEN substr(date_earliest, 1, 4)
    END,
    date_precision = CASE
        WHEN substr(date_earliest, 1, 7) = substr(date_latest, 1, 7) THEN 'month'
        WHEN substr(date_earliest, 1, 4) = substr(date_latest, 1, 4) THEN 'year'
        ELSE 'unknown'
    END
WHERE date_basis = 'article';

-- Meetings: the days all reports allow; where they allow none in common, the days all that
-- the text dates allow; failing that, the days from the first to the last those allow.
-- `text` sorts after `article`: a meeting any report of the text dates is dated by the text.
UPDATE meetings SET date_basis = (
    SELECT max(r.date_basis) FROM meeting_reports AS r WHERE r.meeting_id = meetings.id
);
UPDATE meetings SET
    date_earliest = (SELECT max(r.date_earliest) FROM meeting_reports AS r
        WHERE r.meeting_id = meetings.id AND r.date_basis IS NOT NULL),
    date_latest = (SELECT min(r.date_latest) FROM meeting_reports AS r
        WHERE r.meeting_id = meetings.id AND r.date_basis IS NOT NULL)
WHERE date_basis IS NOT NULL;
UPDATE meetings SET
    date_earliest = (SELECT max(r.date_earliest) FROM meeting_reports AS r
        WHERE r.meeting_id = meetings.id AND r.date_basis = meetings.date_basis),
    date_latest = (SELECT min(r.date_latest) FROM meeting_reports AS r
        WHERE r.meeting_id = meetings.id AND r.date_basis = meetings.date_basis)
WHERE date_earliest > date_latest;
UPDATE meetings SET
    date_earliest = (SELECT min(r.date_earliest) FROM meeting_reports AS r
        WHERE r.meeting_id = meetings.id AND r.date_basis = meetings.date_basis),
    date_latest = (SELECT max(r.date_latest) FROM meeting_reports AS r
        WHERE r.meeting_id = meetings.id AND r.date_basis = meetings.date_basis)
WHERE date_earliest > date_latest;
-- A meeting only articles bound takes its reports' date (the first, when they differ).
UPDATE meetings SET
    date = (SELECT r.date FROM meeting_reports AS r WHERE r.meeting_id = meetings.id
        AND r.date IS NOT NULL ORDER BY r.date LIMIT 1),
    date_precision = ifnull((SELECT r.date_precision FROM meeting_reports AS r
        WHERE r.meeting_id = meetings.id AND r.date IS NOT NULL ORDER BY r.date LIMIT 1), 'unknown')
WHERE date IS NULL AND date_basis = 'article';
