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
    let (id, table, columns): (&str, &str, &[&str]) = match kind {
        EventKind::Meeting => ("meeting_id", "meeting_participants", &["actor_id"]),
        EventKind::Statement => ("id", "statements", STATEMENT_ACTOR_COLUMNS),
        EventKind::Demand => ("id", "demands", DEMAND_ACTOR_COLUMNS),
    };
    columns
        .iter()
        .map(|column| format!("SELECT {id} FROM {table} WHERE {column} IN {ids}"))
        .collect::<Vec<_>>()
        .join(" UNION ")
}

/// The columns of a statement that name an actor: who spoke, and the party spoken for.
pub(super) const STATEMENT_ACTOR_COLUMNS: &[&str] = &["speaker_id", "speaker_party_id"];

/// The columns of a demand that name an actor: who made it, of whom, and who answered it.
pub(super) const DEMAND_ACTOR_COLUMNS: &[&str] = &[
    "by_actor_id",
    "by_party_id",
    "of_actor_id",
    "of_party_id",
    "answered_by_id",
];

/// The events that pass the filter, in date order (undated last; on one day meetings, then
/// statements, then demands).
pub fn timeline(conn: &Connection, filter: &TimelineFilter) -> Result<Rows, QueryError> {
    if filter.place.is_none() && filter.only.is_none() && !filter.actors.is_empty() {
        // An actor's first or last events are found in the indexes on actor columns, which
        // hold the dates, before the list views dress up only those.
        let end = match (filter.last, filter.limit) {
            (Some(last), _) => Some((last, End::Last)),
            (None, Some(limit)) => Some((limit, End::First)),
            (None, None) => None,
        };
        if let Some((n, end)) = end {
            let only = ends_of_actors(conn, filter, n, end)?;
            // The ids passed the actor conditions already.
            let narrowed = TimelineFilter {
                only: Some(only),
                dates: filter.dates,
                kind: filter.kind,
                ..TimelineFilter::default()
            };
            return timeline(conn, &narrowed);
        }
    }
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

/// Which end of the timeline's order a bounded query keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    First,
    Last,
}

impl End {
    /// The direction to walk dates and ids in.
    fn direction(self) -> &'static str {
        match self {
            End::First => "ASC",
            End::Last => "DESC",
        }
    }
}

/// The actor columns of each kind of event, and the index that holds the date with all of them
/// (meetings: their participants, searched by meeting).
fn actor_columns(kind: EventKind) -> (&'static str, &'static [&'static str], &'static str) {
    match kind {
        EventKind::Meeting => ("meetings", &[], "idx_meetings_date"),
        EventKind::Statement => (
            "statement_facts",
            STATEMENT_ACTOR_COLUMNS,
            "idx_statement_facts_date",
        ),
        EventKind::Demand => ("demands", DEMAND_ACTOR_COLUMNS, "idx_demands_date"),
    }
}

/// How much dearer a step of a walk down a date index is than reading one of an actor's
/// entries from an index on an actor column (a search of the participants for a meeting,
/// columns read and tested for a statement or demand).
const WALK_STEP_COST: i64 = 2;

/// The kinds and ids of the first or last `n` events in the timeline's order that pass a
/// filter with actors and without a place. For each kind of event, with `E` events of the
/// actors among `T`, either each actor column gives its first or last `n` from its index
/// (actor, date), reading all `E` entries, or the date index is walked from the wanted end,
/// about `n * T / E` entries until `n` are the actors' (see [`WALK_STEP_COST`]); the union
/// keeps the `n` first or last of them all.
fn ends_of_actors(
    conn: &Connection,
    filter: &TimelineFilter,
    n: usize,
    end: End,
) -> Result<Vec<(EventKind, i64)>, QueryError> {
    let mut params = Params::default();
    let actors = ActorParams::bind(filter, &mut params);
    let limit = params.push(i64::try_from(n).unwrap_or(i64::MAX));
    let offset = params.push(i64::try_from(n.saturating_sub(1)).unwrap_or(i64::MAX));
    let set = actors
        .any
        .iter()
        .map(|n| format!("SELECT value FROM json_each(?{n})"))
        .collect::<Vec<_>>()
        .join(" UNION ");
    let dir = end.direction();
    // Undated events come last in the timeline: last of all going forwards, first going back.
    let (nulls, past_all) = match end {
        End::First => ("ASC", "char(1114111)"),
        End::Last => ("DESC", "''"),
    };
    let beyond = match end {
        End::First => "<=",
        End::Last => ">=",
    };
    let order = format!("ORDER BY date IS NULL {nulls}, date {dir}, id {dir} LIMIT ?{limit}");
    let mut parts = Vec::new();
    for (code, kind) in [EventKind::Meeting, EventKind::Statement, EventKind::Demand]
        .into_iter()
        .enumerate()
    {
        if filter.kind.is_some_and(|wanted| wanted != kind) {
            continue;
        }
        let (table, columns, date_index) = actor_columns(kind);
        let end_date = (kind == EventKind::Meeting).then_some("end_date");
        let mut conditions = vec![filter.dates.sql("date", end_date, &mut params)];
        if filter.dates.since.is_some() || filter.dates.until.is_some() {
            conditions.push("date IS NOT NULL".into());
        }
        if let Some(with) = actors.with {
            conditions.push(format!("id IN ({})", involving(kind, with)));
        }
        let conditions = conditions.join(" AND ");
        if walk(conn, filter, kind, n)? {
            let theirs = if kind == EventKind::Meeting {
                // `+`: the meeting's few participants tested against the set, not the set's
                // actors each searched for in the meeting.
                format!(
                    "EXISTS (SELECT 1 FROM meeting_participants AS p \
                     WHERE p.meeting_id = meetings.id AND +p.actor_id IN ({set}))"
                )
            } else {
                let tests: Vec<String> = columns
                    .iter()
                    .map(|column| format!("{column} IN ({set})"))
                    .collect();
                format!("({})", tests.join(" OR "))
            };
            let wanted = format!("{theirs} AND {conditions}");
            // Undated events of the actors, all of them: the dates decide the order.
            parts.push(format!(
                "SELECT {code} AS kind, id, date FROM {table} INDEXED BY {date_index} \
                 WHERE date IS NULL AND {wanted}"
            ));
            // Dated ones from the wanted end up to the day of the n-th, that day whole: on
            // one day the index is not in id order.
            parts.push(format!(
                "SELECT {code} AS kind, id, date FROM {table} INDEXED BY {date_index} \
                 WHERE date {beyond} coalesce((SELECT date FROM {table} INDEXED BY {date_index} \
                     WHERE date IS NOT NULL AND {wanted} \
                     ORDER BY date {dir} LIMIT 1 OFFSET ?{offset}), {past_all}) \
                 AND date IS NOT NULL AND {wanted}"
            ));
        } else if kind == EventKind::Meeting {
            let ids: Vec<String> = actors.any.iter().map(|&n| involving(kind, n)).collect();
            parts.push(format!(
                "SELECT * FROM (SELECT {code} AS kind, id, date FROM meetings \
                 WHERE id IN ({}) AND {conditions} {order})",
                ids.join(" UNION ")
            ));
        } else {
            for column in columns {
                parts.push(format!(
                    "SELECT * FROM (SELECT {code} AS kind, id, date FROM {table} \
                     WHERE {column} IN ({set}) AND {conditions} {order})"
                ));
            }
        }
    }
    if parts.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT kind, id FROM ({}) \
         ORDER BY date IS NULL {nulls}, date {dir}, kind {dir}, id {dir} LIMIT ?{limit}",
        parts.join(" UNION ")
    );
    let mut statement = conn.prepare(&sql)?;
    // The parts that were not written leave the last parameters unused.
    let count = statement.parameter_count();
    for (i, value) in params.0.iter().enumerate().take(count) {
        statement.raw_bind_parameter(i + 1, value)?;
    }
    let mut rows = statement.raw_query();
    let mut keys = Vec::new();
    while let Some(row) = rows.next()? {
        let kind = match row.get::<_, i64>(0)? {
            0 => EventKind::Meeting,
            1 => EventKind::Statement,
            _ => EventKind::Demand,
        };
        keys.push((kind, row.get::<_, i64>(1)?));
    }
    Ok(keys)
}

/// Whether the `n` first or last events of one kind of the filter's actors are found sooner
/// by walking the date index than by reading all of the actors' events of that kind: when
/// `E * E * WALK_STEP_COST > n * T` for `E` events of the actors (counted per actor column)
/// among `T`.
fn walk(
    conn: &Connection,
    filter: &TimelineFilter,
    kind: EventKind,
    n: usize,
) -> Result<bool, QueryError> {
    let (table, columns, _) = actor_columns(kind);
    let mut params = Params::default();
    let sets: Vec<usize> = filter
        .actors
        .iter()
        .map(|set| set.bind(&mut params))
        .collect();
    let set = sets
        .iter()
        .map(|n| format!("SELECT value FROM json_each(?{n})"))
        .collect::<Vec<_>>()
        .join(" UNION ");
    let counts: Vec<String> = if kind == EventKind::Meeting {
        vec![format!(
            "(SELECT count(*) FROM meeting_participants WHERE actor_id IN ({set}))"
        )]
    } else {
        columns
            .iter()
            .map(|column| format!("(SELECT count(*) FROM {table} WHERE {column} IN ({set}))"))
            .collect()
    };
    let (theirs, all): (i64, i64) = conn.query_row(
        &format!(
            "SELECT {}, (SELECT coalesce(max(id), 0) FROM {table})",
            counts.join(" + ")
        ),
        rusqlite::params_from_iter(params.0),
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    let n = i64::try_from(n).unwrap_or(i64::MAX);
    Ok(theirs.saturating_mul(theirs).saturating_mul(WALK_STEP_COST) > n.saturating_mul(all))
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
