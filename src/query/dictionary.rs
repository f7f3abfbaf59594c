//! The states and organisations of the built-in dictionaries (`data/dictionaries/states.csv`,
//! `organisations.csv`) by every name and code a user may type for them: name, other names,
//! capitals and seats of government standing for a state, ISO 3166-1 code, CAMEO code and
//! Wikidata item, each folded for case and diacritics; and the persons of `officeholders.csv`
//! by their names, other spellings and Wikidata item ("Sergey Lavrov" finds the person stored
//! as "Sergei Lavrov").
//!
//! The text stage's [`crate::text::Lexicon`] holds the same rows compiled into matchers for
//! running text (tens of milliseconds to build, case-sensitive); a query needs only a map from
//! a folded name to its entries, read from the two files in well under a millisecond (and
//! from `officeholders.csv` only when a name is none of theirs).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::fold::fold;
use crate::kb::alias_key;

/// A state or organisation of the dictionaries, with what finds its stored actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictionaryEntry {
    /// `state`, `organisation`, `group` or `person`, as `actors.kind` has it.
    pub kind: &'static str,
    /// Its canonical name, the name resolution stores it under.
    pub name: String,
    /// A person's other spellings ("Sergei Lavrov" beside "Sergey Lavrov"): an article may
    /// have named them by any, and resolution stores a person under the name the article
    /// gives. Empty for states and organisations, which are stored under `name`.
    pub spellings: Vec<String>,
    pub iso3: Option<String>,
    pub wikidata: Option<String>,
    pub cameo: Option<String>,
}

#[derive(Debug, Deserialize)]
struct StateRow {
    name: String,
    iso3: String,
    #[serde(default)]
    wikidata: String,
    #[serde(default)]
    aliases: String,
    #[serde(default)]
    capital: String,
    #[serde(default)]
    metonyms: String,
}

#[derive(Debug, Deserialize)]
struct OfficeholderRow {
    name: String,
    #[serde(default)]
    aliases: String,
    #[serde(default)]
    wikidata: String,
}

#[derive(Debug, Deserialize)]
struct OrganisationRow {
    name: String,
    kind: String,
    #[serde(default)]
    aliases: String,
    #[serde(default)]
    wikidata: String,
    #[serde(default)]
    cameo: String,
}

struct Dictionary {
    entries: Vec<DictionaryEntry>,
    /// Folded name or code -> indexes into `entries`.
    by_key: HashMap<String, Vec<usize>>,
}

fn optional(cell: &str) -> Option<String> {
    let cell = cell.trim();
    (!cell.is_empty()).then(|| cell.to_string())
}

fn list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(';').map(str::trim).filter(|s| !s.is_empty())
}

fn rows<T: serde::de::DeserializeOwned>(text: &str) -> Vec<T> {
    // The built-in files are checked by the lexicon's tests; a row that does not parse there
    // fails them, so skipping one here loses nothing a test would not already report.
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .filter_map(Result::ok)
        .collect()
}

impl Dictionary {
    fn builtin() -> &'static Dictionary {
        static DICTIONARY: OnceLock<Dictionary> = OnceLock::new();
        DICTIONARY.get_or_init(|| {
            Dictionary::from_csv(
                include_str!("../../data/dictionaries/states.csv"),
                include_str!("../../data/dictionaries/organisations.csv"),
            )
        })
    }

    /// The persons of `officeholders.csv`: four thousand rows, read (some fifteen
    /// milliseconds) only when a name is neither stored as typed nor a state or organisation.
    fn persons() -> &'static Dictionary {
        static PERSONS: OnceLock<Dictionary> = OnceLock::new();
        PERSONS.get_or_init(|| {
            Dictionary::from_officeholders(include_str!(
                "../../data/dictionaries/officeholders.csv"
            ))
        })
    }

    fn from_csv(states: &str, organisations: &str) -> Dictionary {
        let mut dictionary = Dictionary {
            entries: Vec::new(),
            by_key: HashMap::new(),
        };
        for row in rows::<StateRow>(states) {
            let iso3 = optional(&row.iso3);
            // CAMEO codes states by their ISO code, except Kosovo's placeholder XKX.
            let cameo = iso3.clone().filter(|code| !code.starts_with('X'));
            let names: Vec<&str> = std::iter::once(row.name.as_str())
                .chain(list(&row.aliases))
                .chain(list(&row.capital))
                .chain(list(&row.metonyms))
                .collect();
            dictionary.add(
                DictionaryEntry {
                    kind: "state",
                    name: row.name.clone(),
                    iso3,
                    wikidata: optional(&row.wikidata),
                    cameo,
                    spellings: Vec::new(),
                },
                &names,
            );
        }
        for row in rows::<OrganisationRow>(organisations) {
            let names: Vec<&str> = std::iter::once(row.name.as_str())
                .chain(list(&row.aliases))
                .collect();
            dictionary.add(
                DictionaryEntry {
                    kind: if row.kind == "group" {
                        "group"
                    } else {
                        "organisation"
                    },
                    name: row.name.clone(),
                    iso3: None,
                    wikidata: optional(&row.wikidata),
                    cameo: optional(&row.cameo),
                    spellings: Vec::new(),
                },
                &names,
            );
        }
        dictionary
    }

    /// One entry per person of `officeholders.csv`: a person holds several offices, or one
    /// several times, and is one entry, by Wikidata item where the rows give one, else by name.
    fn from_officeholders(officeholders: &str) -> Dictionary {
        let mut dictionary = Dictionary {
            entries: Vec::new(),
            by_key: HashMap::new(),
        };
        let mut persons: HashMap<String, usize> = HashMap::new();
        for row in rows::<OfficeholderRow>(officeholders) {
            let wikidata = optional(&row.wikidata);
            let identity = wikidata.clone().unwrap_or_else(|| fold(&row.name));
            let spellings: Vec<String> = list(&row.aliases).map(str::to_string).collect();
            if let Some(&index) = persons.get(&identity) {
                let mut names = vec![row.name.clone()];
                names.extend(spellings);
                let entry = &mut dictionary.entries[index];
                for name in &names {
                    if *name != entry.name && !entry.spellings.contains(name) {
                        entry.spellings.push(name.clone());
                    }
                }
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                dictionary.add_keys(index, &names);
                continue;
            }
            persons.insert(identity, dictionary.entries.len());
            let names: Vec<String> = std::iter::once(row.name.clone())
                .chain(spellings.iter().cloned())
                .collect();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            dictionary.add(
                DictionaryEntry {
                    kind: "person",
                    name: row.name.clone(),
                    iso3: None,
                    wikidata,
                    cameo: None,
                    spellings,
                },
                &names,
            );
        }
        dictionary
    }

    fn add(&mut self, entry: DictionaryEntry, names: &[&str]) {
        let index = self.entries.len();
        let codes: Vec<String> = [&entry.iso3, &entry.wikidata, &entry.cameo]
            .into_iter()
            .flatten()
            .cloned()
            .collect();
        self.entries.push(entry);
        self.add_keys(index, names);
        self.add_keys(index, &codes.iter().map(String::as_str).collect::<Vec<_>>());
    }

    fn entries_of(&'static self, key: &str) -> Vec<&'static DictionaryEntry> {
        self.by_key
            .get(key)
            .map(|indexes| indexes.iter().map(|&i| &self.entries[i]).collect())
            .unwrap_or_default()
    }

    /// Files the entry `index` under each name (and each name without a leading "the").
    fn add_keys(&mut self, index: usize, names: &[&str]) {
        let keys = names
            .iter()
            .map(|name| fold(name))
            // "the Kremlin" is also typed "Kremlin".
            .chain(
                names
                    .iter()
                    .filter_map(|name| name.strip_prefix("the "))
                    .map(fold),
            );
        for key in keys {
            if key.is_empty() {
                continue;
            }
            let indexes = self.by_key.entry(key).or_default();
            if !indexes.contains(&index) {
                indexes.push(index);
            }
        }
    }
}

/// The dictionary entries a name or code stands for, folded for case and diacritics ("usa",
/// "United States of America", "Q30", "IGOWSTNAT", "Cote d'Ivoire"); none when it is no name
/// the dictionaries know.
pub fn dictionary_entries(name: &str) -> Vec<&'static DictionaryEntry> {
    let key = fold(name);
    let found = Dictionary::builtin().entries_of(&key);
    if found.is_empty() {
        Dictionary::persons().entries_of(&key)
    } else {
        found
    }
}

/// Every folded name and code of the dictionaries with its entry, for suggesting near names.
pub fn dictionary_keys() -> impl Iterator<Item = (&'static str, &'static DictionaryEntry)> {
    [Dictionary::builtin(), Dictionary::persons()]
        .into_iter()
        .flat_map(|dictionary| {
            dictionary.by_key.iter().flat_map(move |(key, indexes)| {
                indexes
                    .iter()
                    .map(move |&i| (key.as_str(), &dictionary.entries[i]))
            })
        })
}

/// The alias key under which resolution stores an entry's canonical name.
pub fn entry_alias_key(entry: &DictionaryEntry) -> String {
    alias_key(&entry.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(name: &str) -> Vec<&'static str> {
        dictionary_entries(name)
            .iter()
            .map(|e| e.name.as_str())
            .collect()
    }

    #[test]
    fn every_name_and_code_of_an_entry_finds_it() {
        for name in [
            "United States",
            "united states of america",
            "USA",
            "usa",
            "U.S.",
            "America",
            "Q30",
            "Washington",
            "White House",
            "the White House",
        ] {
            assert_eq!(names(name), ["United States"], "{name}");
        }
        assert_eq!(names("EU"), ["European Union"]);
        assert_eq!(names("Q458"), ["European Union"]);
        assert_eq!(names("rus"), ["Russia"]);
        assert_eq!(names("Kremlin"), ["Russia"]);
        let nato_codes = names("IGOWSTNAT");
        assert!(nato_codes.contains(&"NATO"), "{nato_codes:?}");
        assert!(names("Cote d'Ivoire").iter().any(|n| n.starts_with("C")));
        assert!(names("Narnia").is_empty());
        assert!(names("").is_empty());
    }

    #[test]
    fn every_built_in_state_and_organisation_is_read() {
        let dictionary = Dictionary::builtin();
        let lexicon = crate::text::Lexicon::builtin();
        assert_eq!(
            dictionary.entries.len(),
            lexicon.states.len() + lexicon.organisations.len()
        );
    }

    /// Issue #11: a filter finds a person by any spelling or the Wikidata item the
    /// officeholder dictionary gives; one person of several offices is one entry.
    #[test]
    fn an_officeholder_is_found_by_every_spelling_and_wikidata_item() {
        for name in ["Sergey Lavrov", "sergei lavrov", "Q58217", "q58217"] {
            let entries = dictionary_entries(name);
            assert_eq!(entries.len(), 1, "{name}: {entries:?}");
            assert_eq!(entries[0].kind, "person");
            assert_eq!(entries[0].name, "Sergey Lavrov");
            assert!(entries[0].spellings.iter().any(|s| s == "Sergei Lavrov"));
        }
        // Putin was president, then prime minister, then president again: one entry.
        let putin = dictionary_entries("Vladimir Putin");
        assert_eq!(putin.len(), 1, "{putin:?}");
        // A surname alone is no entry: it would stand for too many people.
        assert!(dictionary_entries("Lavrov").is_empty());
    }
}
