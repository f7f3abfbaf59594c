//! The curations users make of actors (an alias, a merge, a new name): takes a [`Curation`],
//! checks that it names a known actor and says something new, applies it, and replays every
//! stored one, in the order users made them, after each ingest.

use rusqlite::{Connection, params};

use crate::kb::refresh::Stale;
use crate::kb::resolve::{self, Touched};
use crate::kb::{KbError, consolidate, exec};

/// What a user says about actors; kept in `actor_curations` and replayed after every ingest, so
/// that it survives re-extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Curation {
    /// `alias` is another name of `actor`.
    Alias { actor: String, alias: String },
    /// The actor named `other` is `actor`.
    Merge { actor: String, other: String },
    /// `actor` is to be called `name`.
    Rename { actor: String, name: String },
}

impl Curation {
    /// Refuses words that name nothing: empty, blank or punctuation only, or longer than any
    /// name.
    pub(super) fn check_words(&self) -> Result<(), CurationError> {
        let (_, actor, argument) = self.parts();
        let argument_is = match self {
            Curation::Alias { .. } => "the alias",
            Curation::Merge { .. } => "the actor to merge",
            Curation::Rename { .. } => "the new name",
        };
        for (what, words) in [("the actor's name", actor), (argument_is, argument)] {
            if !words.chars().any(char::is_alphanumeric) {
                return Err(CurationError::Empty(what));
            }
            let length = words.chars().count();
            if length > crate::kb::LONGEST_NAME {
                return Err(CurationError::TooLong(what, length));
            }
        }
        Ok(())
    }

    pub(super) fn parts(&self) -> (&'static str, &str, &str) {
        match self {
            Curation::Alias { actor, alias } => ("alias", actor, alias),
            Curation::Merge { actor, other } => ("merge", actor, other),
            Curation::Rename { actor, name } => ("rename", actor, name),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CurationError {
    #[error("no actor is called {0:?} (`dipkb sql \"SELECT name FROM actor_list\"` lists them)")]
    Unknown(String),
    #[error("{name:?} could be any of {count} actors; use the name `dipkb actor` shows")]
    Ambiguous { name: String, count: usize },
    #[error("{0:?} and {1:?} are the same actor already")]
    Same(String, String),
    #[error("cannot merge {0:?} into {1:?}: they are of different kinds ({2} and {3})")]
    Kinds(String, String, String, String),
    #[error(
        "cannot merge {0:?} into {1:?}: both have a state code or Wikidata item, and they differ"
    )]
    Codes(String, String),
    #[error("{0} is empty: give a name with a letter or a digit in it")]
    Empty(&'static str),
    #[error("{0} has {1} characters: a name has at most {max}", max = crate::kb::LONGEST_NAME)]
    TooLong(&'static str, usize),
    #[error(
        "{name:?} is another actor's name already ({kind} {other}); if they are one actor, \
         say so with `dipkb actor merge {actor:?} {other:?}`"
    )]
    NamesAnother {
        name: String,
        actor: String,
        kind: String,
        other: String,
    },
    #[error(transparent)]
    Kb(#[from] KbError),
}

impl From<rusqlite::Error> for CurationError {
    fn from(err: rusqlite::Error) -> CurationError {
        CurationError::Kb(KbError::Sqlite(err))
    }
}

/// Applies every stored curation again, in the order users made them. One that no longer
/// applies (its actor is gone from the database) is skipped.
pub(super) fn replay_curations(tx: &Connection) -> Result<(), KbError> {
    let curations: Vec<Curation> = {
        let mut select =
            tx.prepare_cached("SELECT action, actor, argument FROM actor_curations ORDER BY id")?;
        select
            .query_map([], |row| {
                let action: String = row.get(0)?;
                let actor: String = row.get(1)?;
                let argument: String = row.get(2)?;
                Ok(match action.as_str() {
                    "alias" => Curation::Alias {
                        actor,
                        alias: argument,
                    },
                    "merge" => Curation::Merge {
                        actor,
                        other: argument,
                    },
                    _ => Curation::Rename {
                        actor,
                        name: argument,
                    },
                })
            })?
            .collect::<Result<_, _>>()?
    };
    for curation in curations {
        match apply_curation(tx, &curation) {
            Ok(()) | Err(CurationError::Same(..)) | Err(CurationError::Unknown(_)) => {}
            Err(CurationError::Kb(err)) => return Err(err),
            Err(other) => tracing::warn!("curation {curation:?} no longer applies: {other}"),
        }
    }
    Ok(())
}

/// Refuses an alias or a new name that another known actor answers to, other than through a
/// surname it shares: a person of two words or more, or an actor with a state code or a
/// Wikidata item. An alias may still take in an actor of its kind stored under exactly that
/// name that is not known in that sense (a person stored under one word, an organisation named
/// only by articles): that is what an alias recorded for later articles does too.
pub(super) fn check_new_name(tx: &Connection, curation: &Curation) -> Result<(), CurationError> {
    let (actor, new_name, absorbs) = match curation {
        Curation::Alias { actor, alias } => (actor, alias, true),
        Curation::Rename { actor, name } => (actor, name, false),
        Curation::Merge { .. } => return Ok(()),
    };
    let id = one_actor(tx, actor)?;
    let (kind, actor_name): (String, String) =
        tx.query_row("SELECT kind, name FROM actors WHERE id = ?1", [id], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
    let key = crate::kb::alias_key(new_name);
    let others: Vec<(String, String, bool)> = {
        let mut select = tx.prepare_cached(
            "SELECT DISTINCT a.kind, a.name, a.iso3 IS NOT NULL OR a.wikidata_qid IS NOT NULL \
             FROM actor_aliases AS al JOIN actors AS a ON a.id = al.actor_id \
             WHERE al.alias_key = ?1 AND al.kind <> 'surname' AND a.id <> ?2 ORDER BY a.name",
        )?;
        select
            .query_map(params![key, id], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?))
            })?
            .collect::<Result<_, _>>()?
    };
    for (other_kind, other_name, coded) in others {
        let known = coded || (other_kind == "person" && other_name.split_whitespace().count() >= 2);
        let taken_in = absorbs && other_kind == kind && crate::kb::alias_key(&other_name) == key;
        if known || !taken_in {
            return Err(CurationError::NamesAnother {
                name: new_name.clone(),
                actor: actor_name,
                kind: other_kind,
                other: other_name,
            });
        }
    }
    Ok(())
}

/// The one actor `name` names, by name or alias.
pub(super) fn one_actor(conn: &Connection, name: &str) -> Result<i64, CurationError> {
    let ids = resolve::actors_named(conn, name)?;
    match ids.as_slice() {
        [] => Err(CurationError::Unknown(name.to_string())),
        [one] => Ok(*one),
        _ => {
            // The actor whose own name it is wins over those that only have it as an alias.
            let exact: Vec<i64> = {
                let mut select = conn.prepare_cached("SELECT id FROM actors WHERE name = ?1")?;
                select
                    .query_map([name], |row| row.get(0))?
                    .collect::<Result<_, _>>()?
            };
            match exact.as_slice() {
                [one] => Ok(*one),
                _ => Err(CurationError::Ambiguous {
                    name: name.to_string(),
                    count: ids.len(),
                }),
            }
        }
    }
}

pub(super) fn apply_curation(tx: &Connection, curation: &Curation) -> Result<(), CurationError> {
    let mut touched = Touched::default();
    match curation {
        Curation::Alias { actor, alias } => {
            let id = one_actor(tx, actor)?;
            resolve::add_alias(tx, id, alias, "name", "user")?;
            // Actors of the same kind stored under that name are this one.
            let kind: String =
                tx.query_row("SELECT kind FROM actors WHERE id = ?1", [id], |row| {
                    row.get(0)
                })?;
            let others: Vec<i64> = {
                let mut select = tx.prepare_cached(
                    "SELECT id FROM actors WHERE kind = ?1 AND id <> ?2 AND name = ?3",
                )?;
                select
                    .query_map(params![kind, id, alias], |row| row.get(0))?
                    .collect::<Result<_, _>>()?
            };
            for other in others {
                touched.extend(merge_checked(tx, id, other, actor, alias)?);
            }
        }
        Curation::Merge { actor, other } => {
            let keep = one_actor(tx, actor)?;
            let gone = one_actor(tx, other)?;
            if keep == gone {
                return Err(CurationError::Same(actor.clone(), other.clone()));
            }
            touched.extend(merge_checked(tx, keep, gone, actor, other)?);
        }
        Curation::Rename { actor, name } => {
            let id = one_actor(tx, actor)?;
            let old: String =
                tx.query_row("SELECT name FROM actors WHERE id = ?1", [id], |row| {
                    row.get(0)
                })?;
            exec(
                tx,
                "UPDATE actors SET name = ?2, name_origin = 'user' WHERE id = ?1",
                params![id, name],
            )?;
            resolve::add_alias(tx, id, &old, "name", "user")?;
            resolve::add_alias(tx, id, name, "name", "user")?;
        }
    }
    let meetings = std::mem::take(&mut touched.meetings);
    for &id in &meetings {
        consolidate::refresh_meeting(tx, id)?;
    }
    let mut stale = Stale {
        statements: consolidate::statements(tx, &[], &touched.statement_keys)?,
        demands: consolidate::demands(tx, &[], &touched.demand_keys)?,
    };
    stale.refresh(tx)?;
    Ok(())
}

/// Merges `gone` into `keep` when they can be one actor.
pub(super) fn merge_checked(
    tx: &Connection,
    keep: i64,
    gone: i64,
    keep_name: &str,
    gone_name: &str,
) -> Result<Touched, CurationError> {
    let describe = |id: i64| -> rusqlite::Result<(String, Option<String>, Option<String>)> {
        tx.query_row(
            "SELECT kind, iso3, wikidata_qid FROM actors WHERE id = ?1",
            [id],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
    };
    let (keep_kind, keep_iso3, keep_qid) = describe(keep)?;
    let (gone_kind, gone_iso3, gone_qid) = describe(gone)?;
    if keep_kind != gone_kind {
        return Err(CurationError::Kinds(
            gone_name.to_string(),
            keep_name.to_string(),
            gone_kind,
            keep_kind,
        ));
    }
    let clash =
        |a: &Option<String>, b: &Option<String>| matches!((a, b), (Some(x), Some(y)) if x != y);
    if clash(&keep_iso3, &gone_iso3) || clash(&keep_qid, &gone_qid) {
        return Err(CurationError::Codes(
            gone_name.to_string(),
            keep_name.to_string(),
        ));
    }
    Ok(resolve::merge_actors(tx, keep, gone)?)
}
