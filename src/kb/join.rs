//! A person named by surname alone, joined to the one full-named person of other articles whom
//! the article's context fits (issue #11).
//!
//! "Secretary Austin" in an article that never gives a first name is Lloyd Austin when he is
//! the one stored person of that surname whose titles fit ("Secretary of Defense"), even when
//! another Austin is known; "Minister Kishi" never joins "Fumio Kishida" (another surname), and
//! "Vice Minister Solano" does not join a Minister Solano (another rank). The context is the
//! titles the article gives the surname, and for a person already stored under the surname
//! alone, every title, state and date its roles hold. When two persons fit, or none, nothing is
//! joined: a wrong join is worse than a duplicate.
//!
//! Each join is a row of `actor_joins` with its reason; a join a user refused
//! (`dipkb actor unjoin`) is not made again.

use std::collections::BTreeSet;

use chrono::Datelike;
use rusqlite::{Connection, params};

use super::resolve::{Touched, merge_actors};
use super::{KbError, alias_key, exec};

/// Words of a title that say which rank of an office it is: a Deputy Secretary is not the
/// Secretary, a Prime Minister not a Minister.
const RANKS: &[&str] = &[
    "deputy",
    "vice",
    "assistant",
    "under",
    "associate",
    "principal",
    "prime",
    "first",
    "second",
    "senior",
    "special",
    "chief",
    "executive",
    "lieutenant",
    "major",
    "rear",
    "attorney",
    "surgeon",
    "inspector",
    "high",
];

/// Words of a title that say nothing of the office.
const FILLERS: &[&str] = &[
    "the", "a", "an", "and", "acting", "former", "then", "us", "u.s", "of", "for", "to", "on",
    "in", "at", "affairs", "state's", "s",
];

/// Words that open the portfolio of a title ("Secretary of Defense").
const CONNECTORS: &[&str] = &["of", "for", "to", "on", "in", "at"];

/// One spelling of each word with several.
fn canonical(word: &str) -> &str {
    match word {
        "adviser" => "advisor",
        "defence" => "defense",
        "chairman" | "chairwoman" | "chairperson" => "chair",
        "spokesman" | "spokeswoman" => "spokesperson",
        "secretaries" => "secretary",
        "ministers" => "minister",
        "presidents" => "president",
        "ambassadors" => "ambassador",
        "senators" => "senator",
        other => other,
    }
}

/// What a title says of an office: its rank words, its head noun and its portfolio
/// ("Deputy Secretary of State": deputy, secretary, state).
#[derive(Debug, PartialEq, Eq)]
struct TitleShape {
    ranks: BTreeSet<String>,
    head: String,
    portfolio: BTreeSet<String>,
}

fn shape(title: &str) -> Option<TitleShape> {
    let lower = title.to_lowercase();
    let words: Vec<String> = lower
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .trim_end_matches("'s")
        })
        .filter(|w| !w.is_empty())
        .map(|w| canonical(w).to_string())
        .collect();
    let split = words
        .iter()
        .position(|w| CONNECTORS.contains(&w.as_str()))
        .unwrap_or(words.len());
    let (core, after) = words.split_at(split);
    let mut ranks = BTreeSet::new();
    let mut portfolio = BTreeSet::new();
    let mut head = None;
    for (i, word) in core.iter().enumerate().rev() {
        if FILLERS.contains(&word.as_str()) {
            continue;
        }
        if RANKS.contains(&word.as_str()) {
            ranks.insert(word.clone());
        } else if head.is_none() {
            head = Some((i, word.clone()));
        } else {
            portfolio.insert(word.clone());
        }
    }
    // "Assistant to the President": the rank word is the office.
    let head = match head {
        Some((_, head)) => head,
        None => {
            let last = core
                .iter()
                .rev()
                .find(|w| RANKS.contains(&w.as_str()))?
                .clone();
            ranks.remove(&last);
            last
        }
    };
    for word in after {
        if !FILLERS.contains(&word.as_str()) {
            portfolio.insert(word.clone());
        }
    }
    Some(TitleShape {
        ranks,
        head,
        portfolio,
    })
}

/// Whether two titles can name one office: the same head noun and rank, and portfolios that
/// share a word or of which one is unsaid ("Secretary" and "Secretary of Defense"; "Defense
/// Secretary" and "Secretary of Defense"; not "Deputy Secretary" and "Secretary", nor "Foreign
/// Minister" and "Minister of Defense").
pub fn titles_fit(a: &str, b: &str) -> bool {
    let (Some(a), Some(b)) = (shape(a), shape(b)) else {
        return false;
    };
    a.head == b.head
        && a.ranks == b.ranks
        && (a.portfolio.is_empty()
            || b.portfolio.is_empty()
            || !a.portfolio.is_disjoint(&b.portfolio))
}

/// What is known of a person: titles, the states of its roles, and the first and last dates
/// its roles were seen.
#[derive(Debug, Default)]
struct Context {
    titles: Vec<String>,
    states: BTreeSet<i64>,
    first: Option<String>,
    last: Option<String>,
}

fn stored_context(conn: &Connection, id: i64) -> Result<Context, KbError> {
    let mut context = Context::default();
    let mut select = conn.prepare_cached(
        "SELECT r.title, CASE WHEN s.kind = 'state' THEN s.id END, r.first_seen, r.last_seen \
         FROM person_roles AS r LEFT JOIN actors AS s ON s.id = r.affiliation_id \
         WHERE r.person_id = ?1 ORDER BY r.id",
    )?;
    let rows = select.query_map([id], |row| {
        Ok((
            row.get::<_, Option<String>>(0)?,
            row.get::<_, Option<i64>>(1)?,
            row.get::<_, Option<String>>(2)?,
            row.get::<_, Option<String>>(3)?,
        ))
    })?;
    for row in rows {
        let (title, state, first, last) = row?;
        if let Some(title) = title
            && !context.titles.contains(&title)
        {
            context.titles.push(title);
        }
        context.states.extend(state);
        if let Some(first) = first
            && context.first.as_ref().is_none_or(|f| first < *f)
        {
            context.first = Some(first);
        }
        if let Some(last) = last
            && context.last.as_ref().is_none_or(|l| last > *l)
        {
            context.last = Some(last);
        }
    }
    Ok(context)
}

/// How far apart, in days, the dates of a surname's mentions and of a person's may be.
const NEAR_DAYS: i64 = 366;

fn days(date: &str) -> Option<i64> {
    chrono::NaiveDate::parse_from_str(date.get(..10)?, "%Y-%m-%d")
        .ok()
        .map(|d| i64::from(d.num_days_from_ce()))
}

/// Whether the surname's context fits the person's: each of its titles fits one of the
/// person's, their states are the same where both are known, and their dates are near.
fn fits(surname: &Context, person: &Context) -> bool {
    if surname.titles.is_empty() || person.titles.is_empty() {
        return false;
    }
    let titles = surname
        .titles
        .iter()
        .all(|t| person.titles.iter().any(|p| titles_fit(t, p)));
    let states = surname.states.is_empty()
        || person.states.is_empty()
        || !surname.states.is_disjoint(&person.states);
    // `later` is not long after `earlier`.
    let near = |later: &Option<String>, earlier: &Option<String>| match (
        later.as_deref().and_then(days),
        earlier.as_deref().and_then(days),
    ) {
        (Some(later), Some(earlier)) => later - earlier <= NEAR_DAYS,
        _ => true,
    };
    // The surname's first mention is not long after the person's last, nor its last long
    // before the person's first.
    titles && states && near(&surname.first, &person.last) && near(&person.first, &surname.last)
}

/// The full-named persons (two words or more) whose surname is `key`, folded for case and
/// diacritics, and whose join to it no user refused.
fn candidates(conn: &Connection, key: &str) -> Result<Vec<(i64, String)>, KbError> {
    let folded = crate::query::fold(key);
    let mut select = conn.prepare_cached(
        "SELECT DISTINCT a.id, a.name FROM actor_aliases AS al CROSS JOIN actors AS a \
         ON a.id = al.actor_id WHERE al.alias_key IN (?1, ?2) AND a.kind = 'person' \
         AND instr(trim(a.name), ' ') > 0 \
         AND NOT EXISTS (SELECT 1 FROM actor_joins AS j WHERE j.surname_key = ?2 \
             AND j.person_id = a.id AND j.refused = 1) \
         ORDER BY a.id",
    )?;
    let rows = select
        .query_map(params![key, folded], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Result<Vec<(i64, String)>, _>>()?;
    Ok(rows
        .into_iter()
        .filter(|(_, name)| {
            name.split_whitespace()
                .rfind(|w| {
                    !["jr", "sr", "ii", "iii", "iv"].contains(&alias_key(w).trim_end_matches(','))
                })
                .is_some_and(|last| {
                    let last = last.trim_end_matches(',');
                    crate::query::fold(last) == folded
                        || super::resolve::without_article(last)
                            .is_some_and(|bare| crate::query::fold(bare) == folded)
                })
        })
        .collect())
}

/// Titles that name an office of `titles.csv`'s `office` column (a head of state or
/// government, a monarch, a foreign minister, a secretary-general, a chair), in lower case.
/// Read at resolution, like `given_name_forms.csv`: a change takes a rebuild.
fn office_titles() -> &'static std::collections::HashSet<String> {
    static TITLES: std::sync::OnceLock<std::collections::HashSet<String>> =
        std::sync::OnceLock::new();
    TITLES.get_or_init(|| {
        include_str!("../../data/dictionaries/titles.csv")
            .lines()
            .skip(1)
            .filter_map(|line| {
                let cells: Vec<&str> = line.split(',').collect();
                (cells.len() >= 4 && !cells[3].trim().is_empty())
                    .then(|| cells[0].trim().to_lowercase())
            })
            .collect()
    })
}

/// Whether titles an article gives a surname alone say it is not the stored person `id`: one
/// of them names an office (President, Secretary, Pope, ...) and fits none of the person's
/// titles ("Secretary Austin" is not Ambassador Mark Austin, "President Kennedy" not Ambassador
/// Caroline Kennedy, even when each is the only one of the surname known). Other titles do
/// not count: a person holds many of them over the years ("Ambassador" and "Special Envoy").
/// `extra` adds titles an article gives the person that are not stored yet.
pub fn titles_contradict(
    conn: &Connection,
    titles: &[String],
    id: i64,
    extra: &[String],
) -> Result<bool, KbError> {
    if titles.is_empty() {
        return Ok(false);
    }
    let mut person = stored_context(conn, id)?.titles;
    person.extend(extra.iter().cloned());
    let offices = office_titles();
    Ok(!person.is_empty()
        && titles.iter().any(|t| {
            offices.contains(&t.to_lowercase()) && !person.iter().any(|p| titles_fit(t, p))
        }))
}

/// The titles stored for a person.
pub fn stored_titles(conn: &Connection, id: i64) -> Result<Vec<String>, KbError> {
    Ok(stored_context(conn, id)?.titles)
}

/// Whether a user refused to join the surname `key` to the person `id`.
pub fn refused(conn: &Connection, key: &str, id: i64) -> Result<bool, KbError> {
    Ok(crate::kb::query_one(
        conn,
        "SELECT EXISTS (SELECT 1 FROM actor_joins WHERE surname_key = ?1 AND person_id = ?2 \
         AND refused = 1)",
        params![crate::query::fold(key), id],
        |row| row.get(0),
    )?)
}

/// The one candidate the context fits, with the reason; `None` when none or several do.
/// `extra` adds titles an article gives a candidate that are not stored yet.
fn choose(
    conn: &Connection,
    key: &str,
    surname: &Context,
    extra: Option<(i64, &[String])>,
) -> Result<Option<(i64, String, String)>, KbError> {
    let mut fitting = Vec::new();
    let mut others = Vec::new();
    for (id, name) in candidates(conn, key)? {
        let mut person = stored_context(conn, id)?;
        if let Some((extra_id, titles)) = extra
            && extra_id == id
        {
            for title in titles {
                if !person.titles.contains(title) {
                    person.titles.push(title.clone());
                }
            }
        }
        if fits(surname, &person) {
            let fitted: Vec<&str> = person
                .titles
                .iter()
                .filter(|p| surname.titles.iter().any(|t| titles_fit(t, p)))
                .map(String::as_str)
                .collect();
            fitting.push((id, name, fitted.join(", ")));
        } else {
            others.push(name);
        }
    }
    if fitting.len() != 1 {
        return Ok(None);
    }
    let (id, name, fitted) = fitting.remove(0);
    let mut reason = format!("{} fits {name}'s {fitted}", surname.titles.join(", "));
    if !others.is_empty() {
        reason.push_str(&format!("; not {}", others.join(", ")));
    }
    Ok(Some((id, name, reason)))
}

fn record(
    conn: &Connection,
    surname: &str,
    person_id: i64,
    person: &str,
    reason: &str,
) -> Result<(), KbError> {
    exec(
        conn,
        "INSERT OR IGNORE INTO actor_joins (surname, surname_key, person_id, person, reason) \
         SELECT ?1, ?2, ?3, ?4, ?5 WHERE NOT EXISTS \
         (SELECT 1 FROM actor_joins WHERE surname_key = ?2 AND person_id = ?3)",
        params![
            surname,
            crate::query::fold(surname),
            person_id,
            person,
            reason
        ],
    )?;
    Ok(())
}

/// The full-named person a one-word person name of one article is, by the titles the article
/// gives it; recorded in `actor_joins`.
pub fn join_mention(
    conn: &Connection,
    surname: &str,
    titles: &[String],
) -> Result<Option<i64>, KbError> {
    if titles.is_empty() {
        return Ok(None);
    }
    let context = Context {
        titles: titles.to_vec(),
        ..Context::default()
    };
    let Some((id, name, reason)) = choose(conn, &alias_key(surname), &context, None)? else {
        return Ok(None);
    };
    record(conn, surname, id, &name, &reason)?;
    Ok(Some(id))
}

/// Persons stored under the one word `key` whose stored titles, states and dates fit one
/// full-named person of that surname: merged into that person, and recorded. `extra` adds
/// titles the article being stored gives a candidate.
pub fn join_stored(
    conn: &Connection,
    key: &str,
    extra: Option<(i64, &[String])>,
) -> Result<Touched, KbError> {
    let mut touched = Touched::default();
    let singles: Vec<(i64, String)> = {
        let mut select = conn.prepare_cached(
            "SELECT DISTINCT a.id, a.name FROM actor_aliases AS al CROSS JOIN actors AS a \
             ON a.id = al.actor_id WHERE al.alias_key = ?1 AND a.kind = 'person' \
             AND instr(trim(a.name), ' ') = 0 ORDER BY a.id",
        )?;
        select
            .query_map([key], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<Result<_, _>>()?
    };
    for (single, name) in singles {
        if alias_key(&name) != key {
            continue;
        }
        let context = stored_context(conn, single)?;
        if let Some((id, person, reason)) = choose(conn, key, &context, extra)? {
            record(conn, &name, id, &person, &reason)?;
            touched.extend(merge_actors(conn, id, single)?);
        }
    }
    Ok(touched)
}

/// Whether two given names are one misspelt or cut: an edit apart (a letter changed, added,
/// dropped, or two swapped: "Brain" and "Brian", "Consuela" and "Consuelo"), or one the first
/// three letters or more of the other ("Ale" and "Alejandro").
fn near_given_names(a: &str, b: &str) -> bool {
    let a: Vec<char> = crate::query::fold(a).chars().collect();
    let b: Vec<char> = crate::query::fold(b).chars().collect();
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if short.len() >= 3 && long.starts_with(short) {
        return true;
    }
    // Both long enough that one edit is a slip, not another name ("Jim" and "Tim").
    if short.len() < 4 {
        return false;
    }
    match long.len() - short.len() {
        0 => {
            let differ: Vec<usize> = (0..short.len()).filter(|&i| short[i] != long[i]).collect();
            match differ.as_slice() {
                [_] => true,
                [i, j] => *j == i + 1 && short[*i] == long[*j] && short[*j] == long[*i],
                _ => false,
            }
        }
        1 => (0..long.len()).any(|skip| {
            long.iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, c)| c)
                .eq(short.iter())
        }),
        _ => false,
    }
}

/// The words of a name of two letters or more, folded for case and diacritics.
fn folded_words(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(|w| crate::query::fold(w.trim_end_matches(',')))
        .filter(|w| w.chars().count() >= 2)
        .collect()
}

/// Whether two full names of one surname are one person's written twice: the given names near
/// ([`near_given_names`]), the other words of the shorter among the longer's in order ("Julieta
/// Noyes" and "Julieta Valls Noyes").
fn near_full_names(a: &str, b: &str) -> bool {
    let (a, b) = (folded_words(a), folded_words(b));
    if a.len() < 2 || b.len() < 2 || a.last() != b.last() {
        return false;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if !near_given_names(&short[0], &long[0]) {
        return false;
    }
    let middle = &long[1..long.len() - 1];
    let mut rest = middle.iter();
    let in_order = short[1..short.len() - 1]
        .iter()
        .all(|word| rest.any(|other| other == word));
    // One middle name left out, not more: "George Bush" is not "George Herbert Walker Bush"
    // (particles such as "bin" do not count).
    let left_out = middle
        .iter()
        .filter(|w| !short.contains(w) && !PARTICLES.contains(&w.as_str()))
        .count();
    in_order && left_out <= 1
}

/// Whether the shorter of two names is the longer written with the first of its two family
/// names only, as Spanish and Portuguese names often are: "Carlos Alvarado" is "Carlos Andrés
/// Alvarado Quesada". The given names are near ([`near_given_names`]), the shorter's last word
/// is the longer's last but one, and its other words are among the longer's in order.
fn first_family_name_only(a: &str, b: &str) -> bool {
    let (a, b) = (folded_words(a), folded_words(b));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    // "Ferdinand Marcos Jr." is not "Ferdinand Marcos" written short: "Jr." is no family name.
    let suffix = long
        .last()
        .is_some_and(|w| SUFFIXES.contains(&w.trim_end_matches('.')));
    if short.len() < 2 || long.len() < 3 || long.len() <= short.len() || suffix {
        return false;
    }
    let first_family = &long[long.len() - 2];
    if short.last() != Some(first_family)
        || PARTICLES.contains(&first_family.as_str())
        || !near_given_names(&short[0], &long[0])
    {
        return false;
    }
    let mut rest = long[1..long.len() - 2].iter();
    short[1..short.len() - 1]
        .iter()
        .all(|word| rest.any(|other| other == word))
}

/// Full-named persons of the given name `given` of whom the family name `key` is the first of
/// two ("Alvarado" of "Carlos Andrés Alvarado Quesada"), as [`candidates`] gives those it ends.
/// Looked up by the given name, a range of the alias index, not by a scan of every name.
fn first_family_name_candidates(
    conn: &Connection,
    given: &str,
    key: &str,
) -> Result<Vec<(i64, String)>, KbError> {
    let folded = crate::query::fold(key);
    let given = alias_key(given);
    // Every key that starts with the given name and a space: '!' sorts right after ' '.
    let (from, to) = (format!("{given} "), format!("{given}!"));
    let mut select = conn.prepare_cached(
        "SELECT DISTINCT a.id, a.name FROM actor_aliases AS al CROSS JOIN actors AS a \
         ON a.id = al.actor_id WHERE al.alias_key >= ?1 AND al.alias_key < ?2 \
         AND a.kind = 'person' ORDER BY a.id",
    )?;
    let rows = select
        .query_map(params![from, to], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Result<Vec<(i64, String)>, _>>()?;
    Ok(rows
        .into_iter()
        .filter(|(_, name)| {
            let words = folded_words(name);
            words.len() >= 3 && words[words.len() - 2] == folded
        })
        .collect())
}

/// Whether two names are the same but for one middle name the longer has: the same first and
/// last words ("Bonnie Jenkins", "Bonnie Denise Jenkins"), folded for case and diacritics.
fn same_but_middle_name(a: &str, b: &str) -> bool {
    let (a, b) = (folded_words(a), folded_words(b));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    short.len() == 2 && long.len() == 3 && short[0] == long[0] && short[1] == long[2]
}

/// Words after a family name that are not one ("Jr.", "III").
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// Words between the parts of a name ("bin", "al", "de").
const PARTICLES: &[&str] = &[
    "bin", "bint", "ibn", "al", "el", "de", "da", "dos", "das", "del", "der", "van", "von", "la",
    "le", "di",
];

/// Full-named persons of the surname of `id` whose names are near its own (a given name
/// misspelt or cut, a middle name left out) and whose titles are the same as its (each of
/// either's fits one of the other's), with no state apart: merged into the one more articles
/// name, and recorded. `extra` adds titles the article being stored gives `id`.
pub fn join_near_names(
    conn: &Connection,
    id: i64,
    surname: &str,
    extra: &[String],
) -> Result<Touched, KbError> {
    let mut touched = Touched::default();
    let name: String = super::resolve::actor_name(conn, id)?;
    let mut this = stored_context(conn, id)?;
    for title in extra {
        if !this.titles.contains(title) {
            this.titles.push(title.clone());
        }
    }
    if this.titles.is_empty() {
        return Ok(touched);
    }
    let key = alias_key(surname);
    // Persons of this family name, persons of whom it is the first of two, and, when this
    // name has two family names, persons of its first alone.
    let mut others = candidates(conn, &key)?;
    let words: Vec<&str> = name.split_whitespace().collect();
    if let Some(given) = words.first() {
        others.extend(first_family_name_candidates(conn, given, &key)?);
    }
    if words.len() >= 3 && alias_key(words[words.len() - 1]) == key {
        others.extend(candidates(conn, &alias_key(words[words.len() - 2]))?);
    }
    others.sort();
    others.dedup();
    for (other, other_name) in others {
        if other == id
            || !(near_full_names(&name, &other_name) || first_family_name_only(&name, &other_name))
        {
            continue;
        }
        let that = stored_context(conn, other)?;
        let all_fit = |a: &Context, b: &Context| {
            a.titles
                .iter()
                .all(|t| b.titles.iter().any(|p| titles_fit(t, p)))
        };
        // The titles of the one with fewer all fit the other's.
        let (fewer, more) = if this.titles.len() <= that.titles.len() {
            (&this, &that)
        } else {
            (&that, &this)
        };
        let states = this.states.is_empty()
            || that.states.is_empty()
            || !this.states.is_disjoint(&that.states);
        // A middle name left out, with the given name the same ("Bonnie Jenkins", "Bonnie
        // Denise Jenkins"), is no misspelling: one title that fits is enough, when no title
        // of an office (President, Secretary, ...) of either fits none of the other's.
        let some_fit = same_but_middle_name(&name, &other_name)
            && this
                .titles
                .iter()
                .any(|t| that.titles.iter().any(|p| titles_fit(t, p)))
            && !titles_contradict(conn, &this.titles, other, &[])?
            && !titles_contradict(conn, &that.titles, id, extra)?;
        if that.titles.is_empty() || !(all_fit(fewer, more) || some_fit) || !states {
            continue;
        }
        if refused(conn, &other_name, id)? || refused(conn, &name, other)? {
            continue;
        }
        // The name more articles give stays; between as many, the fuller, then the first.
        let weight = |person: i64| -> Result<i64, KbError> {
            Ok(crate::kb::query_one(
                conn,
                "SELECT count(DISTINCT e.article_id) FROM person_roles AS r \
                 JOIN evidence_spans AS e ON e.person_role_id = r.id WHERE r.person_id = ?1",
                [person],
                |row| row.get(0),
            )?)
        };
        let rank = |person: i64, person_name: &str| -> Result<_, KbError> {
            Ok((
                std::cmp::Reverse(person_name.split_whitespace().count()),
                std::cmp::Reverse(weight(person)?),
                std::cmp::Reverse(person_name.len()),
                person_name.to_string(),
            ))
        };
        let (keep, keep_name, gone, gone_name) = if rank(id, &name)? <= rank(other, &other_name)? {
            (id, &name, other, &other_name)
        } else {
            (other, &other_name, id, &name)
        };
        let reason = format!(
            "{gone_name} is {keep_name} written otherwise, with titles that fit ({})",
            fewer.titles.join(", ")
        );
        record(conn, gone_name, keep, keep_name, &reason)?;
        touched.extend(merge_actors(conn, keep, gone)?);
        // One merge at a time: the other near names are seen when this person comes again.
        break;
    }
    Ok(touched)
}

/// Marks the joins of the surname `surname` (to `person` only, when given) refused. Returns
/// how many there were.
pub fn refuse(conn: &Connection, surname: &str, person: Option<i64>) -> Result<usize, KbError> {
    Ok(exec(
        conn,
        "UPDATE actor_joins SET refused = 1 WHERE surname_key = ?1 \
         AND (?2 IS NULL OR person_id = ?2)",
        params![crate::query::fold(surname), person],
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue #11: "Secretary Austin" is the Secretary of Defense; "Minister Kishi" of another
    /// rank or portfolio is not.
    #[test]
    fn titles_fit_by_head_rank_and_portfolio() {
        assert!(titles_fit("Secretary", "Secretary of Defense"));
        assert!(titles_fit("Defense Secretary", "Secretary of Defense"));
        assert!(titles_fit("Deputy Secretary", "Deputy Secretary of State"));
        assert!(titles_fit("Vice President", "Vice President"));
        assert!(titles_fit(
            "National Security Adviser",
            "National Security Advisor"
        ));
        assert!(titles_fit(
            "Foreign Minister",
            "Minister of Foreign Affairs"
        ));
        assert!(titles_fit("Minister", "Minister of Foreign Affairs"));
        assert!(!titles_fit("Secretary", "Deputy Secretary of State"));
        assert!(!titles_fit("Vice Minister", "Minister of Foreign Affairs"));
        assert!(!titles_fit("Minister", "Prime Minister"));
        assert!(!titles_fit("Foreign Minister", "Minister of Defense"));
        assert!(!titles_fit("Ambassador", "Secretary of Defense"));
        assert!(!titles_fit("Secretary", "Secretary General"));
        assert!(!titles_fit("Deputy Secretary", "Deputy Secretary General"));
        assert!(!titles_fit("", "Secretary"));
    }

    fn context(titles: &[&str], first: &str, last: &str) -> Context {
        Context {
            titles: titles.iter().map(|t| t.to_string()).collect(),
            states: BTreeSet::new(),
            first: Some(first.to_string()),
            last: Some(last.to_string()),
        }
    }

    /// Issue #11: "Brain McKeon", "Ale Mayorkas" and "Julieta Noyes" beside "Brian McKeon",
    /// "Alejandro Mayorkas" and "Julieta Valls Noyes".
    #[test]
    fn a_second_family_name_left_out_is_the_same_name() {
        assert!(first_family_name_only(
            "Marta Lucía Ramírez Blanco",
            "Marta Ramírez"
        ));
        assert!(first_family_name_only(
            "Juan Pérez",
            "Juan Carlos Pérez Soto"
        ));
        assert!(!first_family_name_only(
            "Juan Soto",
            "Juan Carlos Pérez Soto"
        ));
        assert!(!first_family_name_only(
            "Ana Pérez",
            "Juan Carlos Pérez Soto"
        ));
        assert!(!first_family_name_only("Juan Pérez", "Juan Pérez"));
        assert!(!first_family_name_only("Hamad Al", "Hamad bin Al Thani"));
        assert!(!first_family_name_only(
            "Pedro Marcos",
            "Pedro Ruiz Marcos Jr."
        ));
    }

    #[test]
    fn a_middle_name_left_out_is_the_same_name() {
        assert!(same_but_middle_name(
            "Bonnie Jenkins",
            "Bonnie Denise Jenkins"
        ));
        assert!(same_but_middle_name(
            "Bonnie Denise Jenkins",
            "bonnie jenkins"
        ));
        assert!(!same_but_middle_name(
            "Brian Jenkins",
            "Bonnie Denise Jenkins"
        ));
        assert!(!same_but_middle_name(
            "George Bush",
            "George Herbert Walker Bush"
        ));
        assert!(!same_but_middle_name("Bonnie Jenkins", "Bonnie Jenkins"));
    }

    #[test]
    fn near_names_are_misspelt_cut_or_shorter() {
        assert!(near_full_names("Brain McKeon", "Brian McKeon"));
        assert!(near_full_names("Ale Mayorkas", "Alejandro Mayorkas"));
        assert!(near_full_names("Julieta Noyes", "Julieta Valls Noyes"));
        assert!(near_full_names("Consuela Porras", "Consuelo Porras"));
        assert!(near_full_names(
            "Alejandro N. Mayorkas",
            "Alejandro Mayorkas"
        ));
        assert!(!near_full_names("Jill Biden", "Joseph Biden"));
        assert!(!near_full_names("Jake Sullivan", "John Sullivan"));
        assert!(!near_full_names("Jim Smith", "Tim Smith"));
        assert!(!near_full_names("Maria Luisa Gomez", "Maria Elena Gomez"));
        assert!(!near_full_names("Brian McKeon", "Brian McKean"));
        assert!(!near_full_names("Kamala Harris", "Harris"));
        assert!(!near_full_names(
            "George Bush",
            "George Herbert Walker Bush"
        ));
        assert!(near_full_names(
            "Mohammed bin Abdulrahman Al Thani",
            "Mohammed bin Abdulrahman bin Jassim Al Thani"
        ));
    }

    #[test]
    fn contexts_fit_by_every_title_state_and_date() {
        let austin = context(
            &["Secretary of Defense", "Defense Secretary"],
            "2021-05-01",
            "2022-06-01",
        );
        assert!(fits(
            &context(&["Secretary"], "2022-01-01", "2022-02-01"),
            &austin
        ));
        // Every title must fit: one Solano who is both Minister and Vice Minister is two.
        assert!(!fits(
            &context(&["Secretary", "Ambassador"], "2022-01-01", "2022-02-01"),
            &austin
        ));
        // Years after the person was last seen.
        assert!(!fits(
            &context(&["Secretary"], "2030-01-01", "2030-02-01"),
            &austin
        ));
        // No title, no join.
        assert!(!fits(&context(&[], "2022-01-01", "2022-02-01"), &austin));
        let mut elsewhere = context(&["Secretary"], "2022-01-01", "2022-02-01");
        elsewhere.states.insert(1);
        let mut here = context(&["Secretary of Defense"], "2022-01-01", "2022-02-01");
        here.states.insert(2);
        assert!(!fits(&elsewhere, &here));
        here.states.insert(1);
        assert!(fits(&elsewhere, &here));
    }
}
