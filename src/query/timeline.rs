//! The timeline: one line per meeting, statement and demand, in date order, filtered by actors,
//! dates, kind and place.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{ActorSet, Params, QueryError, select};
use crate::render::Rows;

/// A closed range of days. An event is in it when any day its date allows is: "2022-01" is in
/// a range from 2022-01-15.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

impl DateRange {
    /// SQL conditions on a `date` column (and an optional end date column), the bounds bound
    /// as parameters.
    pub fn sql(&self, date: &str, end_date: Option<&str>, params: &mut Params) -> String {
        let first = format!(
            "(CASE length({date}) WHEN 10 THEN {date} WHEN 7 THEN {date} || '-01' \
             WHEN 4 THEN {date} || '-01-01' END)"
        );
        let last_day = match end_date {
            Some(end) => format!("coalesce({end}, {date})"),
            None => date.to_string(),
        };
        let last = format!(
            "(CASE length({date}) WHEN 10 THEN {last_day} WHEN 7 THEN {date} || '-31' \
             WHEN 4 THEN {date} || '-12-31' END)"
        );
        let mut conditions = Vec::new();
        if let Some(since) = self.since {
            let n = params.push(since.format("%Y-%m-%d").to_string());
            conditions.push(format!("{last} >= ?{n}"));
        }
        if let Some(until) = self.until {
            let n = params.push(until.format("%Y-%m-%d").to_string());
            conditions.push(format!("{first} <= ?{n}"));
        }
        if conditions.is_empty() {
            "1".to_string()
        } else {
            conditions.join(" AND ")
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EventKind {
    Meeting,
    Statement,
    Demand,
}

impl EventKind {
    fn as_str(self) -> &'static str {
        match self {
            EventKind::Meeting => "meeting",
            EventKind::Statement => "statement",
            EventKind::Demand => "demand",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct TimelineFilter {
    /// Events involving any of these.
    pub actors: Vec<ActorSet>,
    /// Events that also involve this one.
    pub with: Option<ActorSet>,
    pub dates: DateRange,
    pub kind: Option<EventKind>,
    /// Meetings at a place of this name (case-insensitive).
    pub place: Option<String>,
    pub limit: Option<usize>,
}

/// Every event with the actors it involves: participants named or implied, speakers and the
/// parties they spoke for, who made a demand, of whom, and who answered it.
const EVENTS: &str = "
WITH events (event, id, date, date_precision, end_date, status, what, who, place, sources) AS (
    SELECT 'meeting', id, date, date_precision, end_date, status, coalesce(label, kind),
        participants, place, sources
    FROM meeting_list
    UNION ALL
    SELECT 'statement', id, date, date_precision, NULL, kind, text,
        coalesce(speaker, '?') || coalesce(' (' || party || ')', ''), NULL, sources
    FROM statement_list
    UNION ALL
    SELECT 'demand', id, date, date_precision, NULL, answer, text,
        coalesce(by_party, by_actor, '?') || ' -> ' || coalesce(of_party, of_actor, '?'), NULL, sources
    FROM demand_list
),
event_actors (event, id, actor_id) AS (
    SELECT 'meeting', meeting_id, actor_id FROM meeting_participants
    UNION ALL SELECT 'statement', id, speaker_id FROM statements
    UNION ALL SELECT 'statement', id, speaker_party_id FROM statements
    UNION ALL SELECT 'demand', id, by_actor_id FROM demands
    UNION ALL SELECT 'demand', id, by_party_id FROM demands
    UNION ALL SELECT 'demand', id, of_actor_id FROM demands
    UNION ALL SELECT 'demand', id, of_party_id FROM demands
    UNION ALL SELECT 'demand', id, answered_by_id FROM demands
)";

fn involves(set: &ActorSet, params: &mut Params) -> String {
    format!(
        "EXISTS (SELECT 1 FROM event_actors AS ea WHERE ea.event = e.event AND ea.id = e.id \
         AND {})",
        set.condition("ea.actor_id", params)
    )
}

/// The events that pass the filter, in date order (undated last; on one day meetings, then
/// statements, then demands).
pub fn timeline(conn: &Connection, filter: &TimelineFilter) -> Result<Rows, QueryError> {
    let mut params = Params::default();
    let mut conditions = vec![filter.dates.sql("e.date", Some("e.end_date"), &mut params)];
    if filter.dates.since.is_some() || filter.dates.until.is_some() {
        conditions.push("e.date IS NOT NULL".into());
    }
    if !filter.actors.is_empty() {
        let any: Vec<String> = filter
            .actors
            .iter()
            .map(|set| involves(set, &mut params))
            .collect();
        conditions.push(format!("({})", any.join(" OR ")));
    }
    if let Some(with) = &filter.with {
        conditions.push(involves(with, &mut params));
    }
    if let Some(kind) = filter.kind {
        let n = params.push(kind.as_str().to_string());
        conditions.push(format!("e.event = ?{n}"));
    }
    if let Some(place) = &filter.place {
        let n = params.push(place.clone());
        conditions.push(format!("e.place = ?{n} COLLATE NOCASE"));
    }
    let limit = match filter.limit {
        Some(limit) => {
            let n = params.push(i64::try_from(limit).unwrap_or(i64::MAX));
            format!(" LIMIT ?{n}")
        }
        None => String::new(),
    };
    let sql = format!(
        "{EVENTS}
SELECT e.date AS date, e.date_precision AS precision, e.event AS event, e.id AS id,
    e.status AS status, e.what AS what, e.who AS who, e.place AS place, e.sources AS sources
FROM events AS e
WHERE {}
ORDER BY e.date IS NULL, e.date,
    CASE e.event WHEN 'meeting' THEN 0 WHEN 'statement' THEN 1 ELSE 2 END, e.id{limit}",
        conditions.join(" AND ")
    );
    select(conn, &sql, rusqlite::params_from_iter(params.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_ranges_keep_events_whose_days_overlap() {
        let conn = Connection::open_in_memory().unwrap();
        let range = DateRange {
            since: NaiveDate::from_ymd_opt(2022, 1, 15),
            until: NaiveDate::from_ymd_opt(2022, 1, 31),
        };
        let inside = |date: &str| -> bool {
            let mut params = Params::default();
            let n = params.push(date.to_string());
            let sql = format!("SELECT {}", range.sql(&format!("?{n}"), None, &mut params));
            conn.query_row(&sql, rusqlite::params_from_iter(params.0), |row| row.get(0))
                .unwrap()
        };
        assert!(inside("2022-01-20"));
        assert!(!inside("2022-01-14"));
        assert!(inside("2022-01"), "a month overlapping the range");
        assert!(inside("2022"));
        assert!(!inside("2022-02"));
        assert!(!inside("2021"));
    }
}
