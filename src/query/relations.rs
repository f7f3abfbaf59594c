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

/// Relations that hold both ways; shown once per pair, from the filtered actor's side.
const SYMMETRIC: &str = "relation = 'met' OR relation LIKE 'meeting\\_%' ESCAPE '\\'";

/// The links that pass the filter, counted per pair and relation, ordered by actor, other,
/// relation.
pub fn relations(conn: &Connection, filter: &RelationsFilter) -> Result<Rows, QueryError> {
    let mut params = Params::default();
    let mut conditions = vec![filter.dates.sql("date", None, &mut params)];
    if filter.dates.since.is_some() || filter.dates.until.is_some() {
        conditions.push("date IS NOT NULL".into());
    }
    let links = match &filter.actor {
        Some(set) => {
            let n = set.bind(&mut params);
            links_of(n)
        }
        None => {
            // Without a filter, each meeting pair once.
            conditions.push(format!("(NOT ({SYMMETRIC}) OR actor < other)"));
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
