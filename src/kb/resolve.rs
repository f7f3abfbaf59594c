//! Actors across articles: finding the stored actor an article's actor is, and merging two
//! stored actors that turn out to be one.
//!
//! A state or organisation is found by its code, its name or an alias. A person is found by
//! the name, the name without middle initials ("Wendy R. Sherman" is "Wendy Sherman"), or, for a
//! surname alone ("Stoltenberg"), by the one known person of that surname; when several known
//! persons share it the surname stays an actor of its own rather than be given to the wrong one.
//! A person stored under a surname alone is absorbed by the full name once one is seen, so the
//! order in which articles arrive does not decide how many actors there are.

use std::collections::BTreeSet;

use rusqlite::{Connection, OptionalExtension, params};

use super::{KbError, alias_key, exec};
use crate::extract::{Actor, ActorKind};

/// Facts whose combined record may change because actors were merged.
#[derive(Debug, Default)]
pub struct Touched {
    pub meetings: BTreeSet<i64>,
    pub statement_keys: BTreeSet<i64>,
    pub demand_keys: BTreeSet<i64>,
    /// Actors merged away, each with the actor it became, in the order of the merges.
    pub merged: Vec<(i64, i64)>,
}

impl Touched {
    pub fn extend(&mut self, other: Touched) {
        self.meetings.extend(other.meetings);
        self.statement_keys.extend(other.statement_keys);
        self.demand_keys.extend(other.demand_keys);
        self.merged.extend(other.merged);
    }

    /// The actor `id` is now, after the merges so far.
    pub fn current(&self, mut id: i64) -> i64 {
        for &(gone, keep) in &self.merged {
            if id == gone {
                id = keep;
            }
        }
        id
    }
}

/// Words after a surname that are not the surname ("Jr.", "III").
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// The names a person's name gives: the name itself, the name without middle initials, and the
/// surname, each with the alias kind it is stored under.
fn person_names(name: &str) -> Vec<(String, &'static str)> {
    let mut names = vec![(name.to_string(), "name")];
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() >= 3 {
        let is_initial = |w: &str| alias_key(w).chars().count() <= 1;
        let trimmed: Vec<&str> = words
            .iter()
            .enumerate()
            .filter(|(i, w)| *i == 0 || *i == words.len() - 1 || !is_initial(w))
            .map(|(_, w)| *w)
            .collect();
        if trimmed.len() < words.len() {
            names.push((trimmed.join(" "), "spelling"));
        }
    }
    // "Edgars Rinkēvičs" is also written "Edgars Rinkevics".
    let plain = without_diacritics(name);
    if plain != name {
        names.push((plain.clone(), "spelling"));
    }
    if let Some(surname) = surname(name) {
        names.push((surname, "surname"));
    }
    if plain != name
        && let Some(surname) = surname(&plain)
    {
        names.push((surname, "surname"));
    }
    // "Rashad al-Alimi" is also "President Alimi".
    for surname in [surname(name), surname(&plain)].into_iter().flatten() {
        if let Some(bare) = without_article(&surname)
            && !names.iter().any(|(n, _)| n == bare)
        {
            names.push((bare.to_string(), "surname"));
        }
    }
    names
}

/// An Arabic surname without its article ("al-Alimi", "Al-Burhan", "el-Sisi": "Alimi",
/// "Burhan", "Sisi"), which English text often leaves out after a title.
pub fn without_article(surname: &str) -> Option<&str> {
    let lower = surname.to_lowercase();
    ["al-", "el-"]
        .iter()
        .find(|article| lower.starts_with(*article))
        .and_then(|article| surname.get(article.len()..))
        .filter(|bare| {
            bare.chars().count() >= 3 && bare.chars().next().is_some_and(char::is_uppercase)
        })
}

/// A name with its letters' diacritics dropped and its case kept ("Rinkēvičs": "Rinkevics").
fn without_diacritics(name: &str) -> String {
    if name.is_ascii() {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii() || !c.is_alphabetic() {
            out.push(c);
            continue;
        }
        let plain = crate::query::fold(&c.to_lowercase().to_string());
        if plain.is_empty() || !plain.is_ascii() {
            out.push(c);
        } else if c.is_uppercase() {
            out.push_str(&plain.to_uppercase());
        } else {
            out.push_str(&plain);
        }
    }
    out
}

/// Short and other forms of given names, each with the form it is one of ("Joe": "Joseph").
/// Read at resolution, like `vague_dates.csv`: a change takes a rebuild.
fn given_name_forms() -> &'static std::collections::HashMap<String, String> {
    static FORMS: std::sync::OnceLock<std::collections::HashMap<String, String>> =
        std::sync::OnceLock::new();
    FORMS.get_or_init(|| {
        include_str!("../../data/dictionaries/given_name_forms.csv")
            .lines()
            .skip(1)
            .filter_map(|line| line.split_once(','))
            .map(|(form, given)| {
                (
                    crate::query::fold(form.trim()),
                    crate::query::fold(given.trim()),
                )
            })
            .collect()
    })
}

/// What two spellings of one person's name share: the words folded for case and diacritics,
/// initials and suffixes dropped, each given name in its full form, in any order ("Joe Biden"
/// and "Joseph R. Biden"; "Hayashi Yoshimasa" and "Yoshimasa Hayashi"). `None` for fewer
/// than two words.
fn name_form_key(name: &str) -> Option<Vec<String>> {
    let forms = given_name_forms();
    let mut words: Vec<String> = name
        .split_whitespace()
        .map(|w| crate::query::fold(w.trim_end_matches(',')))
        .filter(|w| w.chars().count() >= 2 && !SUFFIXES.contains(&w.as_str()))
        .map(|w| forms.get(&w).cloned().unwrap_or(w))
        .collect();
    if words.len() < 2 {
        return None;
    }
    words.sort_unstable();
    Some(words)
}

/// The one stored person of several words whose name is another spelling of `name` (see
/// [`name_form_key`]), looked for among the persons that answer to one of its words.
fn person_by_name_form(conn: &Connection, name: &str) -> Result<Option<i64>, KbError> {
    let Some(key) = name_form_key(name) else {
        return Ok(None);
    };
    let mut found = BTreeSet::new();
    let words: Vec<&str> = name.split_whitespace().collect();
    let ends = [words.first(), words.last()];
    for word in ends.into_iter().flatten() {
        for plain in [alias_key(word), crate::query::fold(word)] {
            for id in actors_with_alias(conn, "person", &plain)? {
                let other = actor_name(conn, id)?;
                if name_form_key(&other).as_ref() == Some(&key) {
                    found.insert(id);
                }
            }
        }
    }
    Ok(match found.len() {
        1 => found.into_iter().next(),
        _ => None,
    })
}

/// The last word of a name of two words or more, skipping suffixes ("Jr.").
fn surname(name: &str) -> Option<String> {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !SUFFIXES.contains(&alias_key(w).trim_end_matches(',')))
        .collect();
    (words.len() >= 2)
        .then(|| words[words.len() - 1].trim_end_matches(',').to_string())
        .filter(|s| alias_key(s).chars().count() >= 2)
}

/// The name of the stored actor `id`.
pub(super) fn actor_name(conn: &Connection, id: i64) -> Result<String, KbError> {
    Ok(crate::kb::query_one(
        conn,
        "SELECT name FROM actors WHERE id = ?1",
        [id],
        |row| row.get(0),
    )?)
}

/// Whether the stored actor `id` has a one-word name.
fn is_one_word(conn: &Connection, id: i64) -> Result<bool, KbError> {
    let name: String = actor_name(conn, id)?;
    Ok(word_count(&name) < 2)
}

fn word_count(name: &str) -> usize {
    name.split_whitespace().count()
}

/// The distinct actors of `kind` that have an alias with this key. CROSS JOIN keeps SQLite to
/// the alias index; left to itself the bundled SQLite went through every actor of the kind,
/// once per name resolved (issue #14, item 2).
fn actors_with_alias(conn: &Connection, kind: &str, key: &str) -> Result<Vec<i64>, KbError> {
    let mut statement = conn.prepare_cached(
        "SELECT DISTINCT actors.id FROM actor_aliases CROSS JOIN actors \
         ON actors.id = actor_aliases.actor_id \
         WHERE actor_aliases.alias_key = ?1 AND actors.kind = ?2 ORDER BY actors.id",
    )?;
    let ids = statement
        .query_map(params![key, kind], |row| row.get(0))?
        .collect::<Result<Vec<i64>, _>>()?;
    Ok(ids)
}

fn by_code(conn: &Connection, column: &str, code: Option<&str>) -> Result<Option<i64>, KbError> {
    let Some(code) = code else { return Ok(None) };
    Ok(crate::kb::query_one(
        conn,
        &format!("SELECT id FROM actors WHERE {column} = ?1"),
        [code],
        |row| row.get(0),
    )
    .optional()?)
}

/// Finds the stored actor `actor` is, or stores it; adds its names as aliases; and merges into
/// it any actor stored under its surname alone that can only be this person. Returns the
/// actor's id and what the merges touched.
pub fn resolve_actor(conn: &Connection, actor: &Actor) -> Result<(i64, Touched), KbError> {
    let kind = actor.kind.as_str();
    let mut found = by_code(conn, "iso3", actor.iso3.as_deref())?;
    if found.is_none() {
        found = by_code(conn, "wikidata_qid", actor.wikidata_qid.as_deref())?;
    }
    // A surname alone that the article gives a title is the one full-named person of that
    // surname the title fits, if any (issue #11); a user's refusal keeps it apart.
    let one_word_person = actor.kind == ActorKind::Person && word_count(&actor.name) == 1;
    let titles: Vec<String> = actor
        .roles
        .iter()
        .filter_map(|role| role.title.clone())
        .collect();
    if found.is_none() && one_word_person {
        found = super::join::join_mention(conn, &actor.name, &titles)?;
    }
    if found.is_none() {
        found = find_by_name(conn, actor.kind, &actor.name)?;
        // Not a full-named person whose titles the article's contradict, nor one a user
        // refused to join it to.
        if one_word_person
            && let Some(id) = found
            && (super::join::refused(conn, &actor.name, id)?
                || (!is_one_word(conn, id)?
                    && super::join::titles_contradict(conn, &titles, id, &[])?))
        {
            found = None;
        }
    }
    let id = match found {
        Some(id) => {
            // Codes fill in where the stored actor lacked them; they never overwrite.
            exec(
                conn,
                "UPDATE actors SET iso3 = coalesce(iso3, ?2), \
                 wikidata_qid = coalesce(wikidata_qid, ?3), cameo_code = coalesce(cameo_code, ?4) \
                 WHERE id = ?1",
                params![id, actor.iso3, actor.wikidata_qid, actor.cameo_code],
            )?;
            if actor.kind == ActorKind::Person {
                prefer_fuller_name(conn, id, &actor.name)?;
            }
            id
        }
        None => {
            let origin = if actor.iso3.is_some() || actor.wikidata_qid.is_some() {
                "dictionary"
            } else {
                "article"
            };
            exec(
                conn,
                "INSERT INTO actors (kind, name, iso3, wikidata_qid, cameo_code, name_origin) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    kind,
                    actor.name,
                    actor.iso3,
                    actor.wikidata_qid,
                    actor.cameo_code,
                    origin
                ],
            )?;
            conn.last_insert_rowid()
        }
    };
    add_alias(conn, id, &actor.name, "name", "article")?;
    for alias in &actor.aliases {
        add_alias(conn, id, alias, "name", "article")?;
    }
    let mut touched = Touched::default();
    if actor.kind == ActorKind::Person {
        for (alias, alias_kind) in person_names(&actor.name).into_iter().skip(1) {
            add_alias(conn, id, &alias, alias_kind, "article")?;
        }
        touched.extend(absorb_surnames(conn, id, &titles)?);
        let id = touched.current(id);
        if one_word_person {
            touched.extend(super::join::join_stored(
                conn,
                &alias_key(&actor.name),
                None,
            )?);
        } else {
            let surnames = [
                surname(&actor.name),
                surname(&without_diacritics(&actor.name)),
            ];
            let bare = surnames
                .iter()
                .flatten()
                .filter_map(|s| without_article(s).map(str::to_string))
                .collect::<Vec<_>>();
            for surname in surnames
                .into_iter()
                .flatten()
                .chain(bare)
                .collect::<BTreeSet<_>>()
            {
                let id = touched.current(id);
                touched.extend(super::join::join_near_names(conn, id, &surname, &titles)?);
                let id = touched.current(id);
                touched.extend(super::join::join_stored(
                    conn,
                    &alias_key(&surname),
                    Some((id, &titles)),
                )?);
            }
        }
    }
    Ok((touched.current(id), touched))
}

/// The stored actor of this kind with this name, exactly, through an alias, or, for persons,
/// through the name's other forms. `None` when there is none or the name is ambiguous.
pub fn find_by_name(
    conn: &Connection,
    kind: ActorKind,
    name: &str,
) -> Result<Option<i64>, KbError> {
    let kind_str = kind.as_str();
    let exact: Option<i64> = crate::kb::query_one(
        conn,
        "SELECT id FROM actors WHERE kind = ?1 AND name = ?2 ORDER BY id LIMIT 1",
        [kind_str, name],
        |row| row.get(0),
    )
    .optional()?;
    if exact.is_some() {
        return Ok(exact);
    }
    let keys = if kind == ActorKind::Person {
        // A full name is looked up by its full forms only: its surname alone could be another
        // person's.
        let names = person_names(name);
        if word_count(name) >= 2 {
            names.into_iter().filter(|(_, k)| *k != "surname").collect()
        } else {
            names
        }
    } else {
        vec![(name.to_string(), "name")]
    };
    for key in keys.iter().map(|(name, _)| alias_key(name)) {
        let ids = actors_with_alias(conn, kind_str, &key)?;
        match ids.as_slice() {
            [] => {}
            [one] => return Ok(Some(*one)),
            // Two known actors answer to this name: neither is taken.
            _ => return Ok(None),
        }
    }
    if kind == ActorKind::Person && word_count(name) >= 2 {
        return person_by_name_form(conn, name);
    }
    Ok(None)
}

/// Actors of any kind that answer to `name`: by name or alias; for use by queries.
pub fn actors_named(conn: &Connection, name: &str) -> Result<Vec<i64>, KbError> {
    let mut statement = conn.prepare_cached(
        "SELECT id FROM actors WHERE name = ?1 \
         UNION SELECT actor_id FROM actor_aliases WHERE alias_key = ?2 ORDER BY 1",
    )?;
    let ids = statement
        .query_map(params![name, alias_key(name)], |row| row.get(0))?
        .collect::<Result<Vec<i64>, _>>()?;
    Ok(ids)
}

/// A person's stored name becomes the fuller of the two ("Jens Stoltenberg" over
/// "Stoltenberg"); between two names as full, the one that sorts first, so that the order of
/// articles does not decide. Names users chose stay.
fn prefer_fuller_name(conn: &Connection, id: i64, name: &str) -> Result<(), KbError> {
    let (current, origin): (String, String) = crate::kb::query_one(
        conn,
        "SELECT name, name_origin FROM actors WHERE id = ?1",
        [id],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    if origin == "user" || current == name {
        return Ok(());
    }
    let better = match word_count(name).cmp(&word_count(&current)) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => name_rank(name) < name_rank(&current),
    };
    if better {
        exec(
            conn,
            "UPDATE actors SET name = ?2 WHERE id = ?1",
            params![id, name],
        )?;
    }
    Ok(())
}

/// Between two spellings of one name as full as each other, the one to show first: with its
/// diacritics ("Edgars Rinkēvičs" over "Edgars Rinkevics"), then with given names in their full
/// form ("Antony Blinken" over "Tony Blinken", "Joseph Biden" over "Joe Biden"), then the one
/// that sorts first. A total order, so that the order of articles does not decide.
fn name_rank(name: &str) -> (std::cmp::Reverse<usize>, usize, &str) {
    let forms = given_name_forms();
    let diacritics = name.chars().filter(|c| !c.is_ascii()).count();
    let short_forms = name
        .split_whitespace()
        .filter(|w| {
            let key = crate::query::fold(w);
            forms.get(&key).is_some_and(|given| *given != key)
        })
        .count();
    (std::cmp::Reverse(diacritics), short_forms, name)
}

/// Adds a name to an actor. Two spellings of one key ("U.S.", "US") keep the one that sorts
/// first, so that the order of articles does not decide; a user's word outranks an article's.
pub fn add_alias(
    conn: &Connection,
    actor_id: i64,
    alias: &str,
    kind: &str,
    origin: &str,
) -> Result<(), KbError> {
    let key = alias_key(alias);
    if key.is_empty() {
        return Ok(());
    }
    // Most aliases an article gives are known already, and writing one again would change
    // nothing: a read says so, which costs less than the write (a tenth of resolving actors).
    let stored: Option<(String, String)> = super::query_one(
        conn,
        "SELECT alias, origin FROM actor_aliases WHERE actor_id = ?1 AND alias_key = ?2",
        params![actor_id, key],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )
    .optional()?;
    if let Some((stored_alias, stored_origin)) = stored
        && (stored_origin == "user" || (origin != "user" && stored_alias.as_str() <= alias))
    {
        return Ok(());
    }
    let mut insert = conn.prepare_cached(
        "INSERT INTO actor_aliases (actor_id, alias, alias_key, kind, origin) \
         VALUES (?1, ?2, ?3, ?4, ?5) \
         ON CONFLICT (actor_id, alias_key) DO UPDATE SET \
             alias = CASE WHEN origin = 'user' THEN alias \
                 WHEN excluded.origin = 'user' THEN excluded.alias \
                 ELSE min(alias, excluded.alias) END, \
             origin = CASE WHEN excluded.origin = 'user' THEN 'user' ELSE origin END",
    )?;
    insert.execute(params![actor_id, alias, key, kind, origin])?;
    Ok(())
}

/// Persons stored under one word that is this person's surname or one of its one-word aliases,
/// when no other person of several words answers to that word, are this person: merge them in.
fn absorb_surnames(conn: &Connection, id: i64, titles: &[String]) -> Result<Touched, KbError> {
    let mut touched = Touched::default();
    let name: String = actor_name(conn, id)?;
    if word_count(&name) < 2 {
        return Ok(touched);
    }
    let keys: Vec<String> = {
        let mut statement = conn.prepare_cached(
            "SELECT alias_key FROM actor_aliases WHERE actor_id = ?1 AND alias_key NOT LIKE '% %'",
        )?;
        statement
            .query_map([id], |row| row.get(0))?
            .collect::<Result<_, _>>()?
    };
    for key in keys {
        // Persons stored under a surname alone are rare; one query says whether there is any
        // before the claimants of a common surname are looked at one by one. CROSS JOIN keeps
        // SQLite to the alias index: without statistics it went through every person by the
        // kind index instead, once per person resolved, so that an article of 4,000 persons
        // took 19 s to store (issue #14, item 2).
        let any_single: bool = crate::kb::query_one(
            conn,
            "SELECT EXISTS (SELECT 1 FROM actor_aliases AS al CROSS JOIN actors AS a \
             ON a.id = al.actor_id WHERE al.alias_key = ?1 AND a.kind = 'person' AND a.id <> ?2 \
             AND instr(trim(a.name), ' ') = 0)",
            params![key, id],
            |row| row.get(0),
        )?;
        if !any_single {
            continue;
        }
        let claimants = actors_with_alias(conn, "person", &key)?;
        let mut full = Vec::new();
        let mut single = Vec::new();
        for other in claimants {
            let other_name = actor_name(conn, other)?;
            if word_count(&other_name) >= 2 {
                full.push(other);
            } else {
                single.push((other, other_name));
            }
        }
        if full == [id] {
            for (other, other_name) in single {
                // Nor one whose titles say it is another person of that surname.
                let other_titles = super::join::stored_titles(conn, other)?;
                if super::join::refused(conn, &other_name, id)?
                    || super::join::titles_contradict(conn, &other_titles, id, titles)?
                {
                    continue;
                }
                touched.extend(merge_actors(conn, id, other)?);
            }
        }
    }
    Ok(touched)
}

/// Makes `gone` part of `keep`: every reference to `gone` points to `keep`, its names become
/// aliases of `keep`, and `gone` is deleted. Returns the facts whose combined record may change.
pub fn merge_actors(conn: &Connection, keep: i64, gone: i64) -> Result<Touched, KbError> {
    let mut touched = Touched::default();
    if keep == gone {
        return Ok(touched);
    }
    let gone_name = actor_name(conn, gone)?;
    // Each column is looked up through its own index (`?1 IN (columns)` read every report).
    {
        let mut select = conn.prepare_cached(
            "SELECT DISTINCT mr.meeting_id FROM meeting_report_participants AS p \
             JOIN meeting_reports AS mr ON mr.id = p.meeting_report_id WHERE p.actor_id = ?1",
        )?;
        for id in select.query_map([gone], |row| row.get(0))? {
            touched.meetings.insert(id?);
        }
        let mut select = conn.prepare_cached(
            "SELECT text_hash FROM statement_reports WHERE speaker_id = ?1 \
             UNION SELECT text_hash FROM statement_reports WHERE speaker_party_id = ?1",
        )?;
        for key in select.query_map([gone], |row| row.get(0))? {
            touched.statement_keys.insert(key?);
        }
        let mut select = conn.prepare_cached(
            "SELECT text_hash FROM demand_reports WHERE by_actor_id = ?1 \
             UNION SELECT text_hash FROM demand_reports WHERE by_party_id = ?1 \
             UNION SELECT text_hash FROM demand_reports WHERE of_actor_id = ?1 \
             UNION SELECT text_hash FROM demand_reports WHERE of_party_id = ?1 \
             UNION SELECT text_hash FROM demand_reports WHERE answered_by_id = ?1",
        )?;
        for key in select.query_map([gone], |row| row.get(0))? {
            touched.demand_keys.insert(key?);
        }
    }
    // Names.
    let aliases: Vec<(String, String, String)> = {
        let mut select = conn
            .prepare_cached("SELECT alias, kind, origin FROM actor_aliases WHERE actor_id = ?1")?;
        select
            .query_map([gone], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
            .collect::<Result<_, _>>()?
    };
    exec(
        conn,
        "DELETE FROM actor_aliases WHERE actor_id = ?1",
        [gone],
    )?;
    for (alias, kind, origin) in aliases {
        add_alias(conn, keep, &alias, &kind, &origin)?;
    }
    add_alias(conn, keep, &gone_name, "name", "article")?;
    // Codes move where `keep` has none; the unique indexes need `gone`'s cleared first.
    let codes: (Option<String>, Option<String>, Option<String>) = crate::kb::query_one(
        conn,
        "SELECT iso3, wikidata_qid, cameo_code FROM actors WHERE id = ?1",
        [gone],
        |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
    )?;
    exec(
        conn,
        "UPDATE actors SET iso3 = NULL, wikidata_qid = NULL, cameo_code = NULL WHERE id = ?1",
        [gone],
    )?;
    exec(
        conn,
        "UPDATE actors SET iso3 = coalesce(iso3, ?2), wikidata_qid = coalesce(wikidata_qid, ?3), \
         cameo_code = coalesce(cameo_code, ?4) WHERE id = ?1",
        params![keep, codes.0, codes.1, codes.2],
    )?;
    merge_roles(conn, keep, gone)?;
    // Participations: where both took part, the one kept is named if either was.
    exec(
        conn,
        "UPDATE meeting_report_participants SET implied = min(implied, \
             (SELECT g.implied FROM meeting_report_participants AS g \
              WHERE g.meeting_report_id = meeting_report_participants.meeting_report_id AND g.actor_id = ?2)) \
         WHERE actor_id = ?1 AND meeting_report_id IN \
             (SELECT meeting_report_id FROM meeting_report_participants WHERE actor_id = ?2)",
        params![keep, gone],
    )?;
    exec(
        conn,
        "UPDATE OR IGNORE meeting_report_participants SET actor_id = ?1 WHERE actor_id = ?2",
        params![keep, gone],
    )?;
    exec(
        conn,
        "DELETE FROM meeting_report_participants WHERE actor_id = ?1",
        [gone],
    )?;
    exec(
        conn,
        "UPDATE OR IGNORE meeting_participants SET actor_id = ?1 WHERE actor_id = ?2",
        params![keep, gone],
    )?;
    exec(
        conn,
        "DELETE FROM meeting_participants WHERE actor_id = ?1",
        [gone],
    )?;
    for (table, columns) in [
        ("statement_reports", &["speaker_id", "speaker_party_id"][..]),
        ("statements", &["speaker_id", "speaker_party_id"][..]),
        (
            "demand_reports",
            &[
                "by_actor_id",
                "by_party_id",
                "of_actor_id",
                "of_party_id",
                "answered_by_id",
            ][..],
        ),
        (
            "demands",
            &[
                "by_actor_id",
                "by_party_id",
                "of_actor_id",
                "of_party_id",
                "answered_by_id",
            ][..],
        ),
    ] {
        for column in columns {
            exec(
                conn,
                &format!("UPDATE {table} SET {column} = ?1 WHERE {column} = ?2"),
                params![keep, gone],
            )?;
        }
    }
    exec(
        conn,
        "UPDATE OR IGNORE actor_joins SET person_id = ?1 WHERE person_id = ?2",
        params![keep, gone],
    )?;
    exec(conn, "DELETE FROM actors WHERE id = ?1", [gone])?;
    touched.merged.push((gone, keep));
    Ok(touched)
}

/// Moves `gone`'s roles to `keep`, joining a role `keep` already has.
fn merge_roles(conn: &Connection, keep: i64, gone: i64) -> Result<(), KbError> {
    exec(
        conn,
        "UPDATE person_roles SET affiliation_id = ?1 WHERE affiliation_id = ?2",
        params![keep, gone],
    )?;
    /// id, title, affiliation, first seen, last seen.
    type RoleRow = (
        i64,
        Option<String>,
        Option<i64>,
        Option<String>,
        Option<String>,
    );
    let roles: Vec<RoleRow> = {
        let mut select = conn.prepare_cached(
            "SELECT id, title, affiliation_id, first_seen, last_seen FROM person_roles WHERE person_id = ?1",
        )?;
        select
            .query_map([gone], |row| {
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                ))
            })?
            .collect::<Result<_, _>>()?
    };
    for (role, title, affiliation, first, last) in roles {
        let same: Option<i64> = crate::kb::query_one(conn,
                "SELECT id FROM person_roles WHERE person_id = ?1 AND title IS ?2 AND affiliation_id IS ?3",
                params![keep, title, affiliation],
                |row| row.get(0),
            )
            .optional()?;
        match same {
            Some(same) => {
                exec(
                    conn,
                    "UPDATE person_roles SET \
                     first_seen = CASE WHEN first_seen IS NULL OR ?2 < first_seen THEN ?2 ELSE first_seen END, \
                     last_seen = CASE WHEN last_seen IS NULL OR ?3 > last_seen THEN ?3 ELSE last_seen END \
                     WHERE id = ?1",
                    params![same, first, last],
                )?;
                exec(
                    conn,
                    "UPDATE evidence_spans SET person_role_id = ?1 WHERE person_role_id = ?2",
                    params![same, role],
                )?;
                exec(conn, "DELETE FROM person_roles WHERE id = ?1", [role])?;
            }
            None => {
                exec(
                    conn,
                    "UPDATE person_roles SET person_id = ?1 WHERE id = ?2",
                    params![keep, role],
                )?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue #11: "Joe Biden" and "Joseph Biden", "Hayashi Yoshimasa" and "Yoshimasa Hayashi",
    /// "Edgars Rinkēvičs" and "Edgars Rinkevics" were two persons each.
    #[test]
    fn spellings_of_one_name_share_a_key() {
        assert_eq!(name_form_key("Joe Biden"), name_form_key("Joseph R. Biden"));
        assert_eq!(
            name_form_key("Hayashi Yoshimasa"),
            name_form_key("Yoshimasa Hayashi")
        );
        assert_eq!(
            name_form_key("Edgars Rinkēvičs"),
            name_form_key("Edgars Rinkevics")
        );
        assert_ne!(name_form_key("Jill Biden"), name_form_key("Joe Biden"));
        assert_eq!(name_form_key("Biden"), None);
        assert_eq!(without_diacritics("Edgars Rinkēvičs"), "Edgars Rinkevics");
        assert!(name_rank("Edgars Rinkēvičs") < name_rank("Edgars Rinkevics"));
        assert!(name_rank("Joseph Biden") < name_rank("Joe Biden"));
        assert!(name_rank("Antony Blinken") < name_rank("Tony Blinken"));
        assert!(person_names("Edgars Rinkēvičs").contains(&("Rinkevics".to_string(), "surname")));
    }

    #[test]
    fn person_names_give_their_short_forms() {
        assert_eq!(
            person_names("Wendy R. Sherman"),
            [
                ("Wendy R. Sherman".to_string(), "name"),
                ("Wendy Sherman".to_string(), "spelling"),
                ("Sherman".to_string(), "surname"),
            ]
        );
        assert_eq!(surname("Martin Luther King Jr."), Some("King".into()));
        assert_eq!(surname("Stoltenberg"), None);
        // Issue #11: "President Alimi" is Rashad al-Alimi.
        assert!(person_names("Rashad al-Alimi").contains(&("Alimi".to_string(), "surname")));
        assert_eq!(without_article("Al-Burhan"), Some("Burhan"));
        assert_eq!(without_article("Alimi"), None);
        assert_eq!(without_article("al-"), None);
    }
}
