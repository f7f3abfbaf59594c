//! Naming actors on the command line: any name or alias ("Moscow", "the Kremlin", "Sherman")
//! finds the actor, and so do the names and codes the dictionaries give it ("USA", "Q30",
//! "IGOWSTNAT"), folded for case and diacritics; an actor filter also reaches the persons
//! affiliated with it.

use std::collections::{BTreeSet, HashMap};

use rusqlite::{Connection, OptionalExtension, params};

use super::QueryError;
use super::dictionary::{DictionaryEntry, dictionary_entries, dictionary_keys, entry_alias_key};
use super::fold::{edit_distance, fold};
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

pub use crate::kb::LONGEST_NAME;

/// Every actor that answers to `name`, trying in turn: its name or an alias folded for case
/// (`actor_aliases.alias_key`); the same folded for diacritics as well ("Rinkevics" finds
/// "Rinkēvičs"); a state code or Wikidata item of a stored actor; and the built-in
/// dictionaries' names, other names, ISO, CAMEO and Wikidata codes, mapped to the stored actor
/// of their entry ("USA", "United States of America", "EU"). When none answers, an error that
/// suggests near names.
fn named(conn: &Connection, name: &str) -> Result<Vec<i64>, QueryError> {
    let wanted = name.trim();
    if kb::alias_key(wanted).is_empty() {
        return Err(QueryError::BadActor(format!(
            "{name:?} is no name: give an actor's name, alias or code"
        )));
    }
    let length = wanted.chars().count();
    if length > LONGEST_NAME {
        return Err(QueryError::BadActor(format!(
            "an actor's name is at most {LONGEST_NAME} characters; this one has {length}"
        )));
    }
    let ids = kb::actors_named(conn, wanted).map_err(|err| match err {
        kb::KbError::Sqlite(err) => QueryError::Sqlite(err),
        other => QueryError::BadSearch(other.to_string()),
    })?;
    if !ids.is_empty() {
        return Ok(ids);
    }
    let ids = by_folded_alias(conn, wanted)?;
    if !ids.is_empty() {
        return Ok(ids.into_iter().collect());
    }
    let entries = dictionary_entries(wanted);
    let mut ids = by_code(conn, wanted)?;
    for entry in &entries {
        ids.extend(stored_entry(conn, entry)?);
    }
    if !ids.is_empty() {
        return Ok(ids.into_iter().collect());
    }
    if !entries.is_empty() {
        return Err(QueryError::NotStored {
            name: name.to_string(),
            entries: entries
                .iter()
                .map(|e| format!("{} {}", e.kind, e.name))
                .collect(),
        });
    }
    Err(QueryError::UnknownActor {
        name: name.to_string(),
        suggestions: similar(conn, wanted)?,
    })
}

/// Actors with an alias that is `name` once both are folded for diacritics.
///
/// An alias key that folds to `name`'s folded form either is that form or has a first
/// non-ASCII character, before which it agrees with it (folding changes only non-ASCII
/// characters of an alias key). So each prefix of the folded form is looked up followed by a
/// non-ASCII character: a range of the alias index each, never the whole table.
fn by_folded_alias(conn: &Connection, name: &str) -> Result<BTreeSet<i64>, QueryError> {
    let target = fold(name);
    let mut ids = BTreeSet::new();
    let mut exact = conn.prepare_cached(
        "SELECT actor_id FROM actor_aliases WHERE alias_key = ?1 ORDER BY actor_id",
    )?;
    for id in exact.query_map([&target], |row| row.get(0))? {
        ids.insert(id?);
    }
    let mut range = conn.prepare_cached(
        "SELECT actor_id, alias_key FROM actor_aliases \
         WHERE alias_key >= ?1 AND alias_key < ?2 ORDER BY alias_key",
    )?;
    let ends = target
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(target.len()));
    for end in ends {
        let prefix = &target[..end];
        let low = format!("{prefix}\u{80}");
        let high = format!("{prefix}\u{10FFFF}");
        let mut rows = range.query(params![low, high])?;
        while let Some(row) = rows.next()? {
            let key: String = row.get(1)?;
            if fold(&key) == target {
                ids.insert(row.get(0)?);
            }
        }
    }
    Ok(ids)
}

/// Stored actors whose state code or Wikidata item this is ("RUS", "q159").
fn by_code(conn: &Connection, name: &str) -> Result<BTreeSet<i64>, QueryError> {
    let code = name.to_uppercase();
    let mut statement = conn.prepare_cached(
        "SELECT id FROM actors WHERE iso3 = ?1 \
         UNION SELECT id FROM actors WHERE wikidata_qid = ?1 ORDER BY 1",
    )?;
    let ids = statement
        .query_map([code], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(ids)
}

/// The stored actor of a dictionary entry: by its state code, else its Wikidata item, else its
/// canonical name among actors of its kind (as resolution stores it).
fn stored_entry(conn: &Connection, entry: &DictionaryEntry) -> Result<Vec<i64>, QueryError> {
    for (code, sql) in [
        (&entry.iso3, "SELECT id FROM actors WHERE iso3 = ?1"),
        (
            &entry.wikidata,
            "SELECT id FROM actors WHERE wikidata_qid = ?1",
        ),
    ] {
        if let Some(code) = code {
            let mut statement = conn.prepare_cached(sql)?;
            if let Some(id) = statement.query_row([code], |row| row.get(0)).optional()? {
                return Ok(vec![id]);
            }
        }
    }
    let mut statement = conn.prepare_cached(
        "SELECT DISTINCT a.id FROM actor_aliases AS al JOIN actors AS a ON a.id = al.actor_id \
         WHERE al.alias_key = ?1 AND a.kind = ?2 ORDER BY a.id",
    )?;
    let mut ids = BTreeSet::new();
    // A person is stored under the spelling its articles gave, which may be any of them.
    let keys = std::iter::once(entry_alias_key(entry))
        .chain(entry.spellings.iter().map(|name| kb::alias_key(name)));
    for key in keys {
        for id in statement.query_map(params![key, entry.kind], |row| row.get(0))? {
            ids.insert(id?);
        }
    }
    Ok(ids.into_iter().collect())
}

/// How near a folded name is to what the user typed: within a few edits (fewer for short
/// names), else the start of it or of one of its words. `None` when neither.
fn nearness(typed: &str, candidate: &str) -> Option<(u8, usize)> {
    let limit = match typed.chars().count() {
        0..=2 => 0,
        3..=5 => 1,
        6..=10 => 2,
        _ => 3,
    };
    if let Some(distance) = edit_distance(typed, candidate, limit) {
        return Some((0, distance));
    }
    let word_start = candidate.starts_with(typed)
        || candidate
            .match_indices(typed)
            .any(|(i, _)| candidate[..i].ends_with([' ', '-']));
    (typed.chars().count() >= 3 && word_start).then(|| (1, candidate.len() - typed.len()))
}

/// Up to five names of stored actors near `name`, nearest first, for an error message: the
/// actors' aliases and the dictionaries' names, compared in Rust (no LIKE pattern, so `%` and
/// `_` are letters like any other).
fn similar(conn: &Connection, name: &str) -> Result<Vec<String>, QueryError> {
    let typed = fold(name);
    let mut best: HashMap<String, (u8, usize)> = HashMap::new();
    let mut offer = |actor: String, rank: (u8, usize)| {
        let slot = best.entry(actor).or_insert(rank);
        *slot = (*slot).min(rank);
    };
    // Only on a miss: every alias is compared with the name typed.
    let mut statement = conn.prepare(
        "SELECT DISTINCT al.alias_key, a.name FROM actor_aliases AS al \
         JOIN actors AS a ON a.id = al.actor_id",
    )?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let key: String = row.get(0)?;
        if let Some(rank) = nearness(&typed, &fold(&key)) {
            offer(row.get(1)?, rank);
        }
    }
    let mut near_entries: Vec<(&DictionaryEntry, (u8, usize))> = dictionary_keys()
        .filter_map(|(key, entry)| Some((entry, nearness(&typed, key)?)))
        .collect();
    near_entries.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.name.cmp(&b.0.name)));
    let mut seen = std::collections::HashSet::new();
    near_entries.retain(|(entry, _)| seen.insert((entry.kind, entry.name.as_str())));
    let mut names = conn.prepare_cached("SELECT name FROM actors WHERE id = ?1")?;
    for (entry, rank) in near_entries.into_iter().take(20) {
        for id in stored_entry(conn, entry)? {
            offer(names.query_row([id], |row| row.get(0))?, rank);
        }
    }
    let mut ranked: Vec<(String, (u8, usize))> = best.into_iter().collect();
    ranked.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    Ok(ranked.into_iter().take(5).map(|(name, _)| name).collect())
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
