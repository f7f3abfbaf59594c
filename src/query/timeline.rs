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
    /// Only the latest this many events (the last ones of the order), still in date order.
    pub last: Option<usize>,
    /// Only these events (ids of each kind), when given.
    pub only: Option<Vec<(EventKind, i64)>>,
}

/// The three kinds of event as rows of one shape, from the list views.
const EVENTS: [(EventKind, &str); 3] = [
    (
        EventKind::Meeting,
        "SELECT 'meeting' AS event, id, date, date_precision, end_date, status, \
         coalesce(label, kind) AS what, participants AS who, place, sources FROM meeting_list",
    ),
    (
        EventKind::Statement,
        "SELECT 'statement' AS event, id, date, date_precision, NULL AS end_date, \
         kind AS status, text AS what, \
         coalesce(speaker, '?') || coalesce(' (' || party || ')', '') AS who, NULL AS place, \
         sources FROM statement_list",
    ),
    (
        EventKind::Demand,
        "SELECT 'demand' AS event, id, date, date_precision, NULL AS end_date, \
         answer AS status, text AS what, \
         coalesce(by_party, by_actor, '?') || ' -> ' || coalesce(of_party, of_actor, '?') AS who, \
         NULL AS place, sources FROM demand_list",
    ),
];

/// The ids of the events of one kind that involve an actor of the set (bound as parameter
/// `?n`): participants named or implied, speakers and the parties they spoke for, who made a
/// demand, of whom, and who answered it. Each arm is an index lookup.
fn involving(kind: EventKind, n: usize) -> String {
    let ids = format!("(SELECT value FROM json_each(?{n}))");
    let arms: &[(&str, &str)] = match kind {
        EventKind::Meeting => &[("meeting_id", "meeting_participants WHERE actor_id")],
        EventKind::Statement => &[
            ("id", "statements WHERE speaker_id"),
            ("id", "statements WHERE speaker_party_id"),
        ],
        EventKind::Demand => &[
            ("id", "demands WHERE by_actor_id"),
            ("id", "demands WHERE by_party_id"),
            ("id", "demands WHERE of_actor_id"),
            ("id", "demands WHERE of_party_id"),
            ("id", "demands WHERE answered_by_id"),
        ],
    };
    arms.iter()
        .map(|(id, from)| format!("SELECT {id} FROM {from} IN {ids}"))
        .collect::<Vec<_>>()
        .join(" UNION ")
}

/// The events that pass the filter, in date order (undated last; on one day meetings, then
/// statements, then demands).
pub fn timeline(conn: &Connection, filter: &TimelineFilter) -> Result<Rows, QueryError> {
    if let Some(last) = filter.last {
        if filter.place.is_none() && filter.only.is_none() {
            // The latest events are found in the bare tables, in the timeline's order
            // backwards, before the list views dress up only those.
            let only = latest(conn, filter, last)?;
            let narrowed = TimelineFilter {
                only: Some(only),
                last: None,
                limit: None,
                ..filter.clone()
            };
            return timeline(conn, &narrowed);
        }
        let all = timeline(
            conn,
            &TimelineFilter {
                last: None,
                ..filter.clone()
            },
        )?;
        let skip = all.rows.len().saturating_sub(last);
        return Ok(Rows {
            columns: all.columns,
            rows: all.rows.into_iter().skip(skip).collect(),
        });
    }
    let (sql, params) = timeline_sql(filter);
    select(conn, &sql, rusqlite::params_from_iter(params.0))
}

/// The parameter numbers of a filter's actor sets: `any` (events involving one of them) and
/// `with` (events that must also involve it).
struct ActorParams {
    any: Vec<usize>,
    with: Option<usize>,
}

impl ActorParams {
    fn bind(filter: &TimelineFilter, params: &mut Params) -> ActorParams {
        ActorParams {
            any: filter.actors.iter().map(|set| set.bind(params)).collect(),
            with: filter.with.as_ref().map(|set| set.bind(params)),
        }
    }

    /// Conditions on the `id` of events of one kind, each an index lookup.
    fn conditions(&self, kind: EventKind) -> Vec<String> {
        let mut conditions = Vec::new();
        if !self.any.is_empty() {
            let ids: Vec<String> = self.any.iter().map(|&n| involving(kind, n)).collect();
            conditions.push(format!("id IN ({})", ids.join(" UNION ")));
        }
        if let Some(n) = self.with {
            conditions.push(format!("id IN ({})", involving(kind, n)));
        }
        conditions
    }
}

/// The kinds and ids of the `n` latest events that pass a filter without a place: the same
/// conditions as [`timeline_sql`], on the base tables.
fn latest(
    conn: &Connection,
    filter: &TimelineFilter,
    n: usize,
) -> Result<Vec<(EventKind, i64)>, QueryError> {
    let mut params = Params::default();
    let actors = ActorParams::bind(filter, &mut params);
    let mut arms = Vec::new();
    for (order, (kind, table, end_date)) in [
        (EventKind::Meeting, "meetings", Some("end_date")),
        (EventKind::Statement, "statements", None),
        (EventKind::Demand, "demands", None),
    ]
    .into_iter()
    .enumerate()
    {
        if filter.kind.is_some_and(|wanted| wanted != kind) {
            continue;
        }
        let mut conditions = vec![filter.dates.sql("date", end_date, &mut params)];
        if filter.dates.since.is_some() || filter.dates.until.is_some() {
            conditions.push("date IS NOT NULL".into());
        }
        conditions.extend(actors.conditions(kind));
        arms.push(format!(
            "SELECT {order} AS kind, id, date FROM {table} WHERE {}",
            conditions.join(" AND ")
        ));
    }
    if arms.is_empty() {
        return Ok(Vec::new());
    }
    let limit = params.push(i64::try_from(n).unwrap_or(i64::MAX));
    let sql = format!(
        "SELECT kind, id FROM ({}) ORDER BY date IS NULL DESC, date DESC, kind DESC, id DESC \
         LIMIT ?{limit}",
        arms.join(" UNION ALL ")
    );
    let mut statement = conn.prepare(&sql)?;
    let keys = statement
        .query_map(rusqlite::params_from_iter(params.0), |row| {
            let kind = match row.get::<_, i64>(0)? {
                0 => EventKind::Meeting,
                1 => EventKind::Statement,
                _ => EventKind::Demand,
            };
            Ok((kind, row.get::<_, i64>(1)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(keys)
}

/// The query [`timeline`] runs. Actor filters select event ids through the indexes on actor
/// columns first, so that an actor's timeline costs what the actor has, not what the
/// knowledge base holds.
fn timeline_sql(filter: &TimelineFilter) -> (String, Params) {
    let mut params = Params::default();
    let actors = ActorParams::bind(filter, &mut params);
    let mut arms = Vec::new();
    for (kind, events) in EVENTS {
        if filter.kind.is_some_and(|wanted| wanted != kind) {
            continue;
        }
        let mut conditions = actors.conditions(kind);
        if let Some(only) = &filter.only {
            let ids: Vec<String> = only
                .iter()
                .filter(|(k, _)| *k == kind)
                .map(|(_, id)| id.to_string())
                .collect();
            let n = params.push(format!("[{}]", ids.join(",")));
            conditions.push(format!("id IN (SELECT value FROM json_each(?{n}))"));
        }
        if conditions.is_empty() {
            arms.push(events.to_string());
        } else {
            arms.push(format!("{events} WHERE {}", conditions.join(" AND ")));
        }
    }
    let mut conditions = vec![filter.dates.sql("e.date", Some("e.end_date"), &mut params)];
    if filter.dates.since.is_some() || filter.dates.until.is_some() {
        conditions.push("e.date IS NOT NULL".into());
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
        "SELECT e.date AS date, e.date_precision AS precision, e.event AS event, e.id AS id,
    e.status AS status, e.what AS what, e.who AS who, e.place AS place, e.sources AS sources
FROM ({}) AS e
WHERE {}
ORDER BY e.date IS NULL, e.date,
    CASE e.event WHEN 'meeting' THEN 0 WHEN 'statement' THEN 1 ELSE 2 END, e.id{limit}",
        arms.join("\n    UNION ALL\n    "),
        conditions.join(" AND ")
    );
    (sql, params)
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
