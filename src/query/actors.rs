//! Naming actors on the command line: any name or alias ("Moscow", "the Kremlin", "Sherman")
//! finds the actor, and an actor filter also reaches the persons affiliated with it.

use std::collections::BTreeSet;

use rusqlite::{Connection, params};

use super::QueryError;
use crate::kb;

/// Values bound to the numbered parameters of a query under construction.
#[derive(Debug, Default)]
pub struct Params(pub Vec<rusqlite::types::Value>);

impl Params {
    /// Adds a value and returns its parameter number (`?n`).
    pub fn push(&mut self, value: impl Into<rusqlite::types::Value>) -> usize {
        self.0.push(value.into());
        self.0.len()
    }
}

/// The actors a name on the command line stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorSet {
    /// The name as given.
    pub name: String,
    /// The actors it names, and unless exact, the persons affiliated with them.
    pub ids: BTreeSet<i64>,
}

impl ActorSet {
    /// An SQL condition that `column` is one of these actors, with the ids bound as one
    /// parameter (a JSON array read by `json_each`).
    pub fn condition(&self, column: &str, params: &mut Params) -> String {
        let n = self.bind(params);
        format!("{column} IN (SELECT value FROM json_each(?{n}))")
    }

    /// Binds the ids as one parameter, a JSON array, and returns its number.
    pub fn bind(&self, params: &mut Params) -> usize {
        let ids: Vec<String> = self.ids.iter().map(i64::to_string).collect();
        params.push(format!("[{}]", ids.join(",")))
    }
}

/// Names similar to `name`, for an error message.
fn similar(conn: &Connection, name: &str) -> Result<Vec<String>, QueryError> {
    let pattern = format!("%{}%", name.trim().to_lowercase());
    let mut statement = conn.prepare(
        "SELECT DISTINCT a.name FROM actor_aliases AS al JOIN actors AS a ON a.id = al.actor_id \
         WHERE al.alias_key LIKE ?1 ORDER BY a.name LIMIT 5",
    )?;
    let names = statement
        .query_map([pattern], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(names)
}

/// Every actor that answers to `name`; an error naming similar actors when none does.
fn named(conn: &Connection, name: &str) -> Result<Vec<i64>, QueryError> {
    let ids = kb::actors_named(conn, name).map_err(|err| match err {
        kb::KbError::Sqlite(err) => QueryError::Sqlite(err),
        other => QueryError::BadSearch(other.to_string()),
    })?;
    if ids.is_empty() {
        return Err(QueryError::UnknownActor {
            name: name.to_string(),
            suggestions: similar(conn, name)?,
        });
    }
    Ok(ids)
}

/// The actors `name` stands for in a filter: every actor that answers to it and, unless
/// `exact`, every person who has held an office of one of them.
pub fn actor_set(conn: &Connection, name: &str, exact: bool) -> Result<ActorSet, QueryError> {
    let mut ids: BTreeSet<i64> = named(conn, name)?.into_iter().collect();
    if !exact {
        let mut statement = conn.prepare_cached(
            "SELECT DISTINCT person_id FROM person_roles WHERE affiliation_id = ?1",
        )?;
        for actor in ids.clone() {
            for id in statement.query_map([actor], |row| row.get(0))? {
                ids.insert(id?);
            }
        }
    }
    Ok(ActorSet {
        name: name.to_string(),
        ids,
    })
}

/// The one actor `name` names, for a profile: its own name before aliases; an error listing
/// the candidates when several answer to it.
pub fn one_actor(conn: &Connection, name: &str) -> Result<i64, QueryError> {
    let ids = named(conn, name)?;
    if let [one] = ids.as_slice() {
        return Ok(*one);
    }
    let exact: Vec<i64> = {
        let mut statement = conn.prepare("SELECT id FROM actors WHERE name = ?1 ORDER BY id")?;
        statement
            .query_map(params![name], |row| row.get(0))?
            .collect::<Result<_, _>>()?
    };
    if let [one] = exact.as_slice() {
        return Ok(*one);
    }
    let mut names = Vec::new();
    let mut statement = conn.prepare("SELECT kind || ' ' || name FROM actors WHERE id = ?1")?;
    for id in &ids {
        names.push(statement.query_row([id], |row| row.get(0))?);
    }
    Err(QueryError::AmbiguousActor {
        name: name.to_string(),
        count: ids.len(),
        names,
    })
}
