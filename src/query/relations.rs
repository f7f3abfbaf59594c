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
    match &filter.actor {
        Some(set) => {
            let actor = set.condition("actor_id", &mut params);
            let other = set.condition("other_id", &mut params);
            conditions.push(format!(
                "(CASE WHEN {SYMMETRIC} THEN {actor} ELSE {actor} OR {other} END)"
            ));
        }
        // Without a filter, each meeting pair once.
        None => conditions.push(format!("(NOT ({SYMMETRIC}) OR actor < other)")),
    }
    let sql = format!(
        "SELECT actor, other, relation, count(*) AS events, min(date) AS first_date, \
         max(date) AS last_date, actor_id, other_id \
         FROM relationship_events WHERE {} \
         GROUP BY actor_id, other_id, relation ORDER BY actor, other, relation, actor_id, other_id",
        conditions.join(" AND ")
    );
    select(conn, &sql, rusqlite::params_from_iter(params.0))
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
