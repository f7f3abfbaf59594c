//! The actor graph: who met whom, who demanded what of whom, who rejected whose demand, counted
//! per pair with the first and last dates; as rows or as Graphviz DOT.

use std::fmt::Write as _;

use rusqlite::Connection;

use super::{ActorSet, DateRange, Params, QueryError, select};
use crate::render::{Rows, Value};

#[derive(Debug, Clone, Default)]
pub struct RelationsFilter {
    /// Links where this actor (or, unless exact, a person affiliated with it) is on either side.
    pub actor: Option<ActorSet>,
    pub dates: DateRange,
}

/// Relations that hold both ways, by the name in `column`; shown once per pair, from the
/// filtered actor's side.
fn symmetric(column: &str) -> String {
    format!("{column} = 'met' OR {column} LIKE 'meeting\\_%' ESCAPE '\\'")
}

/// The links that pass the filter, counted per pair and relation, ordered by actor, other,
/// relation.
///
/// They are read from `relation_links` (schema V13; relations by code of `relation_kinds`
/// since V14), which dipkb keeps equal to the view `relationship_events` at every commit; if something wrote to the tables without dipkb (the
/// queue `relation_pending` is not empty), they are computed from the view's tables instead.
pub fn relations(conn: &Connection, filter: &RelationsFilter) -> Result<Rows, QueryError> {
    let kept: bool = conn
        .prepare_cached("SELECT NOT EXISTS (SELECT 1 FROM relation_pending)")?
        .query_row([], |row| row.get(0))?;
    if kept {
        relations_from_links(conn, filter)
    } else {
        relations_computed(conn, filter)
    }
}

/// The date conditions of a filter on the column `date`.
fn date_conditions(filter: &RelationsFilter, params: &mut Params) -> String {
    let mut conditions = vec![filter.dates.sql("date", None, params)];
    if filter.dates.since.is_some() || filter.dates.until.is_some() {
        conditions.push("date IS NOT NULL".into());
    }
    conditions.join(" AND ")
}

/// [`relations`] from `relation_pairs` and `relation_links`: for an actor set, each actor's
/// pairs are one range of `relation_pairs` (meetings from the set's side, demands and
/// rejections it made; with dates, its links counted from one range of `relation_links`, whose
/// rows are ordered by actor), and the demands of which the set is the other side one range of
/// another index. The pairs come by ids; each actor found is named once and the rows sorted
/// here by the rank of the names, which is cheaper than joining and sorting 14,000 pairs of the
/// busiest states in SQL.
fn relations_from_links(conn: &Connection, filter: &RelationsFilter) -> Result<Rows, QueryError> {
    let mut params = Params::default();
    let dated = filter.dates.since.is_some() || filter.dates.until.is_some();
    let dates = date_conditions(filter, &mut params);
    const COUNTS: &str = "actor_id, other_id, relation, count(*) AS events, \
        min(date) AS first_date, max(date) AS last_date";
    const PAIRS: &str = "actor_id, other_id, relation, events, first_date, last_date";
    // Relations are codes of `relation_kinds` (schema V14), named here: a look-up in SQL for
    // each of the 14,000 rows of the busiest sets cost more than reading them.
    let kinds: Vec<(i64, String)> = conn
        .prepare_cached("SELECT id, name FROM relation_kinds ORDER BY id")?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Result<_, _>>()?;
    // Meetings, which hold both ways.
    let symmetric = |code: i64| {
        kinds
            .iter()
            .any(|(id, name)| *id == code && (name == "met" || name.starts_with("meeting_")))
    };
    let sql = match &filter.actor {
        Some(set) => {
            let n = set.bind(&mut params);
            let set = format!("(SELECT value FROM json_each(?{n}))");
            let own = if dated {
                format!(
                    "SELECT {COUNTS} FROM relation_links \
                     WHERE actor_id IN {set} AND {dates} GROUP BY actor_id, other_id, relation"
                )
            } else {
                format!("SELECT {PAIRS} FROM relation_pairs WHERE actor_id IN {set}")
            };
            format!(
                "{own} UNION ALL \
                 SELECT {COUNTS} FROM relation_links INDEXED BY idx_relation_links_other_id \
                 WHERE event = 1 AND other_id IN {set} AND actor_id NOT IN {set} AND {dates} \
                 GROUP BY actor_id, other_id, relation"
            )
        }
        None if dated => format!(
            "SELECT {COUNTS} FROM relation_links WHERE {dates} \
             GROUP BY actor_id, other_id, relation"
        ),
        None => format!("SELECT {PAIRS} FROM relation_pairs"),
    };
    /// A pair as the tables give it, by ids and code.
    struct Pair {
        actor: i64,
        other: i64,
        relation: i64,
        counts: [Value; 3],
    }
    let mut pairs = Vec::new();
    {
        let mut statement = conn.prepare(&sql)?;
        let mut found = statement.query(rusqlite::params_from_iter(params.0))?;
        while let Some(row) = found.next()? {
            pairs.push(Pair {
                actor: row.get(0)?,
                other: row.get(1)?,
                relation: row.get(2)?,
                counts: [
                    super::value_of(row.get_ref(3)?)?,
                    super::value_of(row.get_ref(4)?)?,
                    super::value_of(row.get_ref(5)?)?,
                ],
            });
        }
    }
    // Each actor found is named once (the busiest sets have 14,000 pairs of a few thousand
    // actors), and ordered by name: rows are then sorted by ranks, not by comparing names.
    let mut ids: Vec<i64> = pairs.iter().flat_map(|p| [p.actor, p.other]).collect();
    ids.sort_unstable();
    ids.dedup();
    let ids_json = format!(
        "[{}]",
        ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
    );
    let mut named: Vec<(String, i64)> = conn
        .prepare_cached(
            "SELECT name, id FROM actors WHERE id IN (SELECT value FROM json_each(?1))",
        )?
        .query_map([ids_json], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Result<_, _>>()?;
    // By name as SQLite's BINARY collation orders text (byte by byte, as `str` compares).
    named.sort_unstable();
    let mut actors: std::collections::HashMap<i64, (usize, &str)> =
        std::collections::HashMap::with_capacity(named.len());
    let mut rank = 0;
    for (i, (name, id)) in named.iter().enumerate() {
        if i > 0 && named[i - 1].0 != *name {
            rank += 1;
        }
        actors.insert(*id, (rank, name.as_str()));
    }
    let mut relation_order: Vec<&(i64, String)> = kinds.iter().collect();
    relation_order.sort_unstable_by(|a, b| a.1.cmp(&b.1));
    let relation = |code: i64| {
        relation_order
            .iter()
            .position(|(id, _)| *id == code)
            .map(|rank| (rank, relation_order[rank].1.as_str()))
    };
    // ORDER BY actor, other, relation, actor_id, other_id; pairs whose actor is not stored are
    // left out, as the join with `actors` did; without a filter, each meeting pair once.
    let mut keyed = Vec::with_capacity(pairs.len());
    for pair in pairs {
        let (Some(&actor), Some(&other)) = (actors.get(&pair.actor), actors.get(&pair.other))
        else {
            continue;
        };
        let Some(kind) = relation(pair.relation) else {
            return Err(QueryError::NotFound("relation kind", pair.relation));
        };
        if filter.actor.is_none() && symmetric(pair.relation) && actor.1 >= other.1 {
            continue;
        }
        keyed.push((
            (actor.0, other.0, kind.0, pair.actor, pair.other),
            actor.1,
            other.1,
            kind.1,
            pair,
        ));
    }
    keyed.sort_unstable_by_key(|row| row.0);
    let mut rows = Rows::new(&[
        "actor",
        "other",
        "relation",
        "events",
        "first_date",
        "last_date",
        "actor_id",
        "other_id",
    ]);
    rows.rows.reserve(keyed.len());
    for (_, actor, other, kind, pair) in keyed {
        let [events, first, last] = pair.counts;
        rows.push(vec![
            actor.into(),
            other.into(),
            kind.into(),
            events,
            first,
            last,
            Value::Int(pair.actor),
            Value::Int(pair.other),
        ]);
    }
    Ok(rows)
}

/// [`relations`] computed from the tables `relationship_events` reads.
pub(super) fn relations_computed(
    conn: &Connection,
    filter: &RelationsFilter,
) -> Result<Rows, QueryError> {
    let mut params = Params::default();
    let mut conditions = vec![date_conditions(filter, &mut params)];
    let links = match &filter.actor {
        Some(set) => {
            let n = set.bind(&mut params);
            links_of(n)
        }
        None => {
            // Without a filter, each meeting pair once.
            conditions.push(format!(
                "(NOT ({}) OR actor < other)",
                symmetric("relation")
            ));
            "relationship_events".to_string()
        }
    };
    let sql = format!(
        "SELECT actor, other, relation, count(*) AS events, min(date) AS first_date, \
         max(date) AS last_date, actor_id, other_id \
         FROM {links} WHERE {} \
         GROUP BY actor_id, other_id, relation ORDER BY actor, other, relation, actor_id, other_id",
        conditions.join(" AND ")
    );
    select(conn, &sql, rusqlite::params_from_iter(params.0))
}

/// The rows of the `relationship_events` view that a filter on the actors bound as `?n` keeps
/// (meetings from the filtered actor's side; demands and rejections on either side), found
/// through the indexes on actor columns instead of by computing the whole view. It follows
/// the view's definition in `migrations/V1__initial_schema.sql`; a test holds them equal.
pub(super) fn links_of(n: usize) -> String {
    let set = format!("(SELECT value FROM json_each(?{n}))");
    let demands: Vec<String> = super::timeline::DEMAND_ACTOR_COLUMNS
        .iter()
        .map(|column| format!("SELECT id FROM demands WHERE {column} IN {set}"))
        .collect();
    let demands = demands.join(" UNION ");
    format!(
        "(SELECT actor.name AS actor, other.name AS other, links.* FROM (
    SELECT a.actor_id AS actor_id, b.actor_id AS other_id,
        CASE m.status WHEN 'held' THEN 'met' ELSE 'meeting_' || m.status END AS relation,
        m.date AS date, 'meeting' AS event, m.id AS event_id
    FROM meeting_participants AS a
    JOIN meeting_participants AS b ON b.meeting_id = a.meeting_id AND b.actor_id <> a.actor_id
    JOIN meetings AS m ON m.id = a.meeting_id
    WHERE a.implied = 0 AND b.implied = 0 AND a.actor_id IN {set}
    UNION
    SELECT by_id, of_id, 'demanded_of', date, 'demand', id FROM (
        SELECT id, by_actor_id AS by_id, coalesce(of_party_id, of_actor_id) AS of_id, date
        FROM demands WHERE id IN ({demands})
        UNION
        SELECT id, by_party_id, coalesce(of_party_id, of_actor_id), date
        FROM demands WHERE id IN ({demands}))
    WHERE by_id IS NOT NULL AND of_id IS NOT NULL AND by_id <> of_id
        AND (by_id IN {set} OR of_id IN {set})
    UNION
    SELECT answered_by_id, coalesce(by_party_id, by_actor_id), 'rejected_demand_of',
        coalesce(answer_date, date), 'demand', id
    FROM demands
    WHERE id IN ({demands}) AND answer = 'rejected' AND answered_by_id IS NOT NULL
        AND coalesce(by_party_id, by_actor_id) IS NOT NULL
        AND answered_by_id <> coalesce(by_party_id, by_actor_id)
        AND (answered_by_id IN {set} OR coalesce(by_party_id, by_actor_id) IN {set})
) AS links
JOIN actors AS actor ON actor.id = links.actor_id
JOIN actors AS other ON other.id = links.other_id)"
    )
}

fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The relations as a Graphviz digraph: one node per actor, one edge per pair and relation,
/// labelled with the relation and its count; meetings undirected, demands and rejections
/// pointing from the actor who made them.
pub fn relations_dot(rows: &Rows) -> String {
    let column = |name: &str| rows.columns.iter().position(|c| c == name);
    let (Some(actor), Some(other), Some(relation), Some(events), Some(actor_id), Some(other_id)) = (
        column("actor"),
        column("other"),
        column("relation"),
        column("events"),
        column("actor_id"),
        column("other_id"),
    ) else {
        return "digraph dipkb {}\n".to_string();
    };
    let text = |v: &Value| v.plain_text();
    let mut nodes = std::collections::BTreeMap::new();
    let mut edges = String::new();
    for row in &rows.rows {
        let from = text(&row[actor_id]);
        let to = text(&row[other_id]);
        nodes.insert(from.clone(), text(&row[actor]));
        nodes.insert(to.clone(), text(&row[other]));
        let kind = text(&row[relation]);
        let style = match kind.as_str() {
            "met" => "dir=none, color=\"#1f77b4\"",
            "demanded_of" => "color=\"#d62728\"",
            "rejected_demand_of" => "color=\"#7f7f7f\", style=dashed",
            _ => "dir=none, color=\"#1f77b4\", style=dotted",
        };
        let _ = writeln!(
            edges,
            "  a{from} -> a{to} [label={}, {style}];",
            quoted(&format!("{kind} ×{}", text(&row[events])))
        );
    }
    let mut out = String::from(
        "digraph dipkb {\n  graph [rankdir=LR, overlap=false];\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n",
    );
    for (id, name) in &nodes {
        let _ = writeln!(out, "  a{id} [label={}];", quoted(name));
    }
    out.push_str(&edges);
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A knowledge base of `n` synthetic articles (meetings, demands and rejections among
    /// states and their people), stored in batches of 40 but for the first ten, each in a
    /// transaction of its own.
    fn synthetic(n: usize, path: &std::path::Path) -> crate::kb::Store {
        use crate::source::{Input, ReadOptions, read_input};
        let corpus = path.with_extension("jsonl");
        let mut out = Vec::new();
        crate::synth::Synth::new(7, n)
            .write_jsonl(n, &mut out)
            .unwrap();
        std::fs::write(&corpus, out).unwrap();
        let mut store = crate::kb::Store::open(path).unwrap();
        for (i, article) in read_input(&Input::File(corpus), &ReadOptions::default())
            .into_iter()
            .enumerate()
        {
            if i >= 10 && i % 40 == 10 {
                store.commit_batch().unwrap();
                store.begin_batch().unwrap();
            }
            let article = article.unwrap();
            let extraction = crate::extract::extract(&article.extract_input());
            store.add_article(&article, &extraction).unwrap();
        }
        store.commit_batch().unwrap();
        store
    }

    /// Every relations query the kept tables answer, answered again from the tables the view
    /// reads: for each actor with links, alone and with its people, with and without dates,
    /// and the whole graph.
    fn assert_kept_relations_are_computed_ones(conn: &Connection) -> usize {
        let mut names: Vec<String> = conn
            .prepare(
                "SELECT DISTINCT a.name FROM relationship_events AS r \
                 JOIN actors AS a ON a.id = r.actor_id ORDER BY a.name",
            )
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        names.truncate(60);
        let years = [
            DateRange::default(),
            DateRange {
                since: chrono::NaiveDate::from_ymd_opt(2012, 1, 1),
                until: chrono::NaiveDate::from_ymd_opt(2019, 6, 30),
            },
        ];
        let mut filters: Vec<RelationsFilter> = years
            .iter()
            .map(|dates| RelationsFilter {
                actor: None,
                dates: *dates,
            })
            .collect();
        for name in &names {
            for exact in [true, false] {
                let Ok(set) = crate::query::actor_set(conn, name, exact) else {
                    continue;
                };
                for dates in &years {
                    filters.push(RelationsFilter {
                        actor: Some(set.clone()),
                        dates: *dates,
                    });
                }
            }
        }
        let mut rows = 0;
        for filter in &filters {
            let kept = relations(conn, filter).unwrap();
            let computed = relations_computed(conn, filter).unwrap();
            assert_eq!(kept.columns, computed.columns);
            assert_eq!(kept.rows, computed.rows, "{filter:?}");
            rows += kept.rows.len();
        }
        rows
    }

    #[test]
    fn kept_links_and_pairs_are_what_the_view_computes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.sqlite");
        let mut store = synthetic(150, &path);
        // The kept tables with the relation and the event by name, as the views give them.
        const LINKS: &str = "SELECT CASE l.event WHEN 0 THEN 'meeting' WHEN 1 THEN 'demand' END, \
             l.event_id, l.actor_id, l.other_id, k.name, l.date \
             FROM relation_links AS l JOIN relation_kinds AS k ON k.id = l.relation";
        const PAIRS: &str = "SELECT p.actor_id, p.other_id, k.name, p.events, p.first_date, \
             p.last_date FROM relation_pairs AS p JOIN relation_kinds AS k ON k.id = p.relation";
        let tables_agree = |conn: &Connection| {
            let differ: i64 = conn
                .query_row(
                    &format!(
                        "SELECT (SELECT count(*) FROM ({LINKS}
                             EXCEPT SELECT event, event_id, actor_id, other_id, relation, date
                             FROM relationship_events))
                         + (SELECT count(*) FROM (
                             SELECT event, event_id, actor_id, other_id, relation, date
                             FROM relationship_events
                             EXCEPT {LINKS}))
                         + (SELECT count(*) FROM ({PAIRS}
                             EXCEPT SELECT actor_id, other_id, relation, events, first_date, last_date
                             FROM relationships))
                         + (SELECT count(*) FROM (
                             SELECT actor_id, other_id, relation, events, first_date, last_date
                             FROM relationships
                             EXCEPT {PAIRS}))
                         + (SELECT count(*) FROM relation_pending)
                         + (SELECT count(*) FROM relation_pairs_pending)"
                    ),
                    [],
                    |row| row.get(0),
                )
                .unwrap();
            assert_eq!(differ, 0);
        };
        let conn = store.connection();
        tables_agree(conn);
        let kinds: Vec<(String, i64)> = conn
            .prepare(
                "SELECT k.name, count(*) FROM relation_links AS l \
                 JOIN relation_kinds AS k ON k.id = l.relation GROUP BY k.name ORDER BY 1",
            )
            .unwrap()
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let relations: Vec<&str> = kinds.iter().map(|(r, _)| r.as_str()).collect();
        // (The synthetic corpus rejects no demand by name; rejections are made below.)
        for relation in ["demanded_of", "met", "meeting_planned"] {
            assert!(relations.contains(&relation), "{kinds:?}");
        }
        assert!(assert_kept_relations_are_computed_ones(conn) > 1000);

        // Merging two actors moves their participations and demands.
        let busiest = |conn: &Connection, kind: &str, skip: i64| -> String {
            conn.query_row(
                "SELECT a.name FROM relation_pairs AS p JOIN actors AS a ON a.id = p.actor_id \
                 WHERE a.kind = ?1 GROUP BY a.id ORDER BY sum(events) DESC, a.id LIMIT 1 OFFSET ?2",
                rusqlite::params![kind, skip],
                |row| row.get(0),
            )
            .unwrap()
        };
        let (actor, other) = (busiest(conn, "person", 0), busiest(conn, "person", 1));
        store
            .curate(&crate::kb::Curation::Merge { actor, other })
            .unwrap();
        let conn = store.connection();
        tables_agree(conn);
        assert_kept_relations_are_computed_ones(conn);

        // Rows changed behind dipkb's back: the queue is not empty, and relations are computed.
        conn.execute_batch(
            "UPDATE meetings SET date = '2001-01-01' WHERE id IN (SELECT id FROM meetings LIMIT 5)",
        )
        .unwrap();
        let queued: i64 = conn
            .query_row("SELECT count(*) FROM relation_pending", [], |row| {
                row.get(0)
            })
            .unwrap();
        assert_eq!(queued, 5);
        assert_kept_relations_are_computed_ones(conn);
        crate::kb::apply_relation_pending(conn).unwrap();
        tables_agree(conn);
        assert_kept_relations_are_computed_ones(conn);
        // Rejections, and a demand that goes.
        conn.execute_batch(
            "UPDATE demands SET answer = 'rejected', answered_by_id = coalesce(of_party_id, of_actor_id), \
                 answer_date = '2020-02-02' \
             WHERE id IN (SELECT id FROM demands WHERE coalesce(of_party_id, of_actor_id) IS NOT NULL \
                 AND coalesce(by_party_id, by_actor_id) IS NOT NULL LIMIT 20);
             DELETE FROM demands WHERE id = (SELECT max(id) FROM demands);",
        )
        .unwrap();
        crate::kb::apply_relation_pending(conn).unwrap();
        tables_agree(conn);
        let rejections: i64 = conn
            .query_row(
                "SELECT count(*) FROM relation_pairs AS p JOIN relation_kinds AS k \
                 ON k.id = p.relation WHERE k.name = 'rejected_demand_of'",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert!(rejections > 0);
        assert_kept_relations_are_computed_ones(conn);
    }

    #[test]
    fn dot_quotes_labels_and_draws_one_edge_per_row() {
        let mut rows = Rows::new(&[
            "actor", "other", "relation", "events", "actor_id", "other_id",
        ]);
        rows.push(vec![
            "Russia".into(),
            "NATO \"the Alliance\"".into(),
            "demanded_of".into(),
            Value::Int(4),
            Value::Int(1),
            Value::Int(2),
        ]);
        let dot = relations_dot(&rows);
        assert!(dot.starts_with("digraph dipkb {"), "{dot}");
        assert!(
            dot.contains(r#"a2 [label="NATO \"the Alliance\""];"#),
            "{dot}"
        );
        assert!(dot.contains("a1 -> a2 [label=\"demanded_of ×4\""), "{dot}");
        assert_eq!(dot.matches("->").count(), 1);
    }
}
