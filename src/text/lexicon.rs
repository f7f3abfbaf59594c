//! Dictionaries: states, organisations, places, titles, and the cue words of speech, demands and
//! meetings. They are CSV files in `data/dictionaries/`, compiled into the binary; a user extends
//! them with files of the same names and columns in a folder of their own
//! ([`Lexicon::with_extra`]).

use std::collections::HashMap;
use std::path::Path;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::Deserialize;

use crate::extract::{ActorKind, MeetingStatus, PlaceKind};
use crate::text::event_codes::{EventCode, EventCodes, EventFact};
use crate::text::officeholders::{Office, OfficeholderRow, Officeholders};

/// A state or an organisation in the dictionaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Entity {
    State(usize),
    Organisation(usize),
}

#[derive(Debug, Clone)]
pub struct StateEntry {
    pub name: String,
    pub iso3: String,
    pub wikidata: Option<String>,
    pub capital: Option<String>,
}

#[derive(Debug, Clone)]
pub struct OrganisationEntry {
    pub name: String,
    pub kind: ActorKind,
    pub wikidata: Option<String>,
    /// CAMEO actor code ("IGOWSTNAT"), where the CAMEO codebook gives one.
    pub cameo: Option<String>,
    /// Parties a meeting of this body includes (the NATO-Russia Council: NATO and Russia).
    pub implies: Vec<Entity>,
}

#[derive(Debug, Clone)]
pub struct PlaceEntry {
    pub name: String,
    pub kind: PlaceKind,
    pub country: Option<String>,
    /// The city a venue lies in.
    pub city: Option<String>,
}

#[derive(Debug, Clone)]
pub struct TitleEntry {
    pub title: String,
    pub kind: String,
    /// The state or organisation the office belongs to when the title alone says so
    /// ("Secretary of State" in U.S. usage).
    pub affiliation: Option<Entity>,
    /// The offices of `officeholders.csv` the title names ("Chancellor": prime minister).
    pub offices: Vec<Office>,
}

/// How a speech verb takes what was said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeechPattern {
    /// "said (that) X", "added X".
    Say,
    /// "told reporters (that) X", "warned Putin that X".
    Tell,
    /// "stressed the importance of X": the object is what was said.
    Object,
    /// "announced that X": only a that-clause (or a quotation) is what was said.
    That,
}

#[derive(Debug, Clone)]
pub struct SpeechVerb {
    pub form: String,
    pub pattern: SpeechPattern,
    pub lemma: String,
}

/// How a demand cue takes its addressee and content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemandPattern {
    /// "urged X to Y".
    ObjectTo,
    /// "called for Y".
    For,
    /// "pressed X to Y" or "pressed for Y".
    ObjectToOrFor,
    /// "urged X to Y" or "urged Y": without an infinitive, the object is what is demanded.
    ObjectToOrObject,
    /// "requested X to Y", or "requested the cooperation of X", "requested X's support": without
    /// an infinitive, a demand only when its object names the party asked.
    ObjectToOrAskedOf,
    /// "expects X to Y": only when X is a state or an organisation and Y a verb of action
    /// ("we expect Russia to implement"; not "we expect prices to rise").
    PartyTo,
    /// "sought the extradition of the suspects from Uganda", "seeking guarantees from Ethiopia":
    /// a demand only when its object names the party asked ("sought to" is no demand).
    AskedOf,
    /// "ordered Myanmar to Y", "ordered the junta to Y": only when the one ordered is a party
    /// other than the one ordering ("ordered troops to" commands one's own side).
    OrderTo,
    /// "demanded that X Y", "demanded Y", "demanded X to Y".
    Demand,
    /// "insisted that X Y".
    That,
    /// "an ultimatum".
    Noun,
}

#[derive(Debug, Clone)]
pub struct DemandCue {
    pub form: String,
    pub pattern: DemandPattern,
}

#[derive(Debug, Clone)]
pub struct MeetingCue {
    pub term: String,
    pub is_verb: bool,
    pub kind: String,
    pub mode: Option<String>,
}

/// What a dictionary name refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameTarget {
    /// The entity's name or another name for it ("Russian Federation", "NATO").
    Name(Entity),
    /// A nationality adjective ("Russian").
    Demonym(Entity),
    /// A capital or seat of government standing for the state ("Moscow", "the Kremlin").
    Metonym(Entity),
    Place(usize),
}

/// What a cue phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseTarget {
    Title(usize),
    Speech(usize),
    Demand(usize),
    Meeting(usize),
    /// A word that changes a meeting's status ("called off": cancelled).
    Status(MeetingStatus),
}

/// A dictionary match in a text: byte span and what it may refer to.
#[derive(Debug, Clone)]
pub struct Match<'l, T> {
    pub start: usize,
    pub end: usize,
    pub targets: &'l [T],
}

struct Matcher<T> {
    automaton: AhoCorasick,
    targets: Vec<Vec<T>>,
}

impl<T: Copy> Matcher<T> {
    fn build(patterns: HashMap<String, Vec<T>>, case_insensitive: bool) -> Matcher<T> {
        let mut entries: Vec<(String, Vec<T>)> = patterns.into_iter().collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let (words, targets): (Vec<String>, Vec<Vec<T>>) = entries.into_iter().unzip();
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(case_insensitive)
            // A full DFA: more memory and time to build, once per run, for the fastest scan of
            // every article (the contiguous NFA took a sixth of extraction time).
            .kind(Some(AhoCorasickKind::DFA))
            .build(&words)
            // The patterns are plain strings of bounded number; building cannot fail.
            .expect("dictionary automaton");
        Matcher { automaton, targets }
    }

    /// Matches that start and end at word boundaries.
    fn find<'l>(&'l self, text: &str) -> Vec<Match<'l, T>> {
        self.automaton
            .find_iter(text)
            .filter(|m| at_word_boundaries(text, m.start(), m.end()))
            .map(|m| Match {
                start: m.start(),
                end: m.end(),
                targets: &self.targets[m.pattern().as_usize()],
            })
            .collect()
    }
}

fn at_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let first = text[start..end].chars().next();
    let last = text[..end].chars().next_back();
    let joins = |a: Option<char>, b: Option<char>| {
        a.is_some_and(char::is_alphanumeric) && b.is_some_and(char::is_alphanumeric)
    };
    !joins(before, first) && !joins(last, after)
}

pub struct Lexicon {
    pub states: Vec<StateEntry>,
    pub organisations: Vec<OrganisationEntry>,
    pub places: Vec<PlaceEntry>,
    pub titles: Vec<TitleEntry>,
    pub speech_verbs: Vec<SpeechVerb>,
    pub demand_cues: Vec<DemandCue>,
    pub meeting_cues: Vec<MeetingCue>,
    /// Base forms of verbs of action ("withdraw", "release"), which tell where one demand ends
    /// and the next begins ("cease X and peacefully resolve Y").
    pub action_verbs: std::collections::HashSet<String>,
    /// Words of the portfolio that extends a title ("Under Secretary for Arms Control and
    /// International Security", "Special Envoy for Climate"), in lower case: they are never the
    /// first word of the name after the title.
    pub portfolio_words: std::collections::HashSet<String>,
    /// Capitalised words that are never part of a person's name ("The", "Bureau", "Operator"),
    /// as written: a run of capitalised words skips them before a name and ends at them after.
    pub not_name_words: std::collections::HashSet<String>,
    /// Plural nouns of persons a counted description ends with ("the two leaders", "both
    /// negotiators", "the two men"), in lower case: `collective_person` in
    /// `reference_words.csv`.
    pub collective_persons: std::collections::HashSet<String>,
    /// Words that may stand between the count and that noun ("the two vice foreign
    /// ministers"), in lower case: `collective_modifier` in `reference_words.csv`.
    pub collective_modifiers: std::collections::HashSet<String>,
    /// The words of the titles, for telling a misspelt title word from a name.
    pub title_words: TitleWords,
    pub event_codes: EventCodes,
    /// Heads of state and government, foreign ministers and heads of organisations, with
    /// their dates: built on first use ([`Lexicon::officeholders`]), since only extraction
    /// needs them.
    officeholders: std::sync::OnceLock<Officeholders>,
    /// The text of each `officeholders.csv`, built in and the user's, parsed on first use.
    officeholder_files: Vec<(String, std::borrow::Cow<'static, str>)>,
    names: Matcher<NameTarget>,
    phrases: Matcher<PhraseTarget>,
    by_name: HashMap<String, Entity>,
}

/// The words of the titles of `titles.csv`, split at spaces and hyphens, read once when the
/// dictionaries are built: every capitalised word of a text is compared with them
/// ([`crate::text::analysis`]: "Mininster", "Ecretary" are no given names).
#[derive(Debug, Default)]
pub struct TitleWords {
    /// Every word of every title, as written.
    pub exact: std::collections::HashSet<String>,
    /// The capitalised words of eight letters or more, in lower case, each once, with their
    /// length in characters, by length.
    pub long: Vec<(usize, String)>,
}

impl TitleWords {
    fn of(titles: &[TitleEntry]) -> TitleWords {
        let mut words = TitleWords::default();
        let mut long = std::collections::BTreeSet::new();
        for entry in titles {
            for word in entry.title.split([' ', '-']) {
                words.exact.insert(word.to_string());
                if word.chars().count() >= 8 && word.chars().next().is_some_and(char::is_uppercase)
                {
                    let lower = word.to_lowercase();
                    long.insert((lower.chars().count(), lower));
                }
            }
        }
        words.long = long.into_iter().collect();
        words
    }

    /// The long words of `length` characters give or take `slack`.
    pub fn long_near(&self, length: usize, slack: usize) -> &[(usize, String)] {
        let from = self
            .long
            .partition_point(|(l, _)| *l < length.saturating_sub(slack));
        let to = self.long.partition_point(|(l, _)| *l <= length + slack);
        &self.long[from..to.max(from)]
    }
}

/// The dictionary files, by name, as compiled in.
const BUILTIN: &[(&str, &str)] = &[
    (
        "states.csv",
        include_str!("../../data/dictionaries/states.csv"),
    ),
    (
        "organisations.csv",
        include_str!("../../data/dictionaries/organisations.csv"),
    ),
    (
        "places.csv",
        include_str!("../../data/dictionaries/places.csv"),
    ),
    (
        "titles.csv",
        include_str!("../../data/dictionaries/titles.csv"),
    ),
    (
        "speech_verbs.csv",
        include_str!("../../data/dictionaries/speech_verbs.csv"),
    ),
    (
        "demand_cues.csv",
        include_str!("../../data/dictionaries/demand_cues.csv"),
    ),
    (
        "meeting_cues.csv",
        include_str!("../../data/dictionaries/meeting_cues.csv"),
    ),
    (
        "action_verbs.csv",
        include_str!("../../data/dictionaries/action_verbs.csv"),
    ),
    (
        "status_cues.csv",
        include_str!("../../data/dictionaries/status_cues.csv"),
    ),
    (
        "portfolio_words.csv",
        include_str!("../../data/dictionaries/portfolio_words.csv"),
    ),
    (
        "not_name_words.csv",
        include_str!("../../data/dictionaries/not_name_words.csv"),
    ),
    (
        "reference_words.csv",
        include_str!("../../data/dictionaries/reference_words.csv"),
    ),
    (
        "event_codes.csv",
        include_str!("../../data/dictionaries/event_codes.csv"),
    ),
    (
        "officeholders.csv",
        include_str!("../../data/dictionaries/officeholders.csv"),
    ),
];

#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("cannot read dictionary {path}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("dictionary {file}, line {line}: {message}")]
    Row {
        file: String,
        line: u64,
        message: String,
    },
}

#[derive(Deserialize)]
struct StateRow {
    name: String,
    iso3: String,
    #[serde(default)]
    wikidata: String,
    #[serde(default)]
    aliases: String,
    #[serde(default)]
    demonyms: String,
    #[serde(default)]
    capital: String,
    #[serde(default)]
    metonyms: String,
}

#[derive(Deserialize)]
struct OrganisationRow {
    name: String,
    kind: String,
    #[serde(default)]
    aliases: String,
    #[serde(default)]
    wikidata: String,
    #[serde(default)]
    implies: String,
    #[serde(default)]
    cameo: String,
}

#[derive(Deserialize)]
struct PlaceRow {
    name: String,
    kind: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    aliases: String,
    #[serde(default)]
    city: String,
}

#[derive(Deserialize)]
struct TitleRow {
    title: String,
    kind: String,
    #[serde(default)]
    affiliation: String,
    #[serde(default)]
    office: String,
}

#[derive(Deserialize)]
struct SpeechRow {
    form: String,
    pattern: String,
    lemma: String,
}

#[derive(Deserialize)]
struct DemandRow {
    form: String,
    pattern: String,
}

#[derive(Deserialize)]
struct StatusRow {
    form: String,
    status: String,
}

#[derive(Deserialize)]
struct EventCodeRow {
    fact: String,
    #[serde(default)]
    cue: String,
    cameo: String,
    #[serde(default)]
    plover: String,
    #[serde(default)]
    plover_mode: String,
}

#[derive(Deserialize)]
struct ActionVerbRow {
    verb: String,
}

#[derive(Deserialize)]
struct WordRow {
    word: String,
}

#[derive(Deserialize)]
struct ListWordRow {
    list: String,
    word: String,
}

#[derive(Deserialize)]
struct MeetingRow {
    term: String,
    part: String,
    kind: String,
    #[serde(default)]
    mode: String,
}

/// Rows of every dictionary, before the automata are built.
#[derive(Default)]
struct Rows {
    states: Vec<StateRow>,
    organisations: Vec<OrganisationRow>,
    places: Vec<PlaceRow>,
    titles: Vec<TitleRow>,
    speech: Vec<SpeechRow>,
    demands: Vec<DemandRow>,
    meetings: Vec<MeetingRow>,
    action_verbs: Vec<ActionVerbRow>,
    portfolio_words: Vec<WordRow>,
    not_name_words: Vec<WordRow>,
    reference_words: Vec<ListWordRow>,
    statuses: Vec<StatusRow>,
    event_codes: Vec<(EventFact, EventCodeRow)>,
    /// `officeholders.csv` files, parsed when the officeholders are first needed.
    officeholder_files: Vec<(String, std::borrow::Cow<'static, str>)>,
}

fn parse_rows<T: for<'de> Deserialize<'de>>(
    file: &str,
    text: &str,
    into: &mut Vec<T>,
) -> Result<(), LexiconError> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    for row in reader.deserialize() {
        let row: T = row.map_err(|err| LexiconError::Row {
            file: file.to_string(),
            line: err.position().map_or(0, |p| p.line()),
            message: err.to_string(),
        })?;
        into.push(row);
    }
    Ok(())
}

impl Rows {
    /// A built-in file: the officeholders, which the tests check, are kept unparsed until
    /// needed.
    fn add_builtin(&mut self, file: &str, text: &'static str) -> Result<(), LexiconError> {
        if file == "officeholders.csv" {
            self.officeholder_files
                .push((file.to_string(), std::borrow::Cow::Borrowed(text)));
            return Ok(());
        }
        self.add(file, text)
    }

    fn add(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        let name = Path::new(file)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(file);
        match name {
            "states.csv" => parse_rows(file, text, &mut self.states),
            "organisations.csv" => parse_rows(file, text, &mut self.organisations),
            "places.csv" => parse_rows(file, text, &mut self.places),
            "titles.csv" => parse_rows(file, text, &mut self.titles),
            "speech_verbs.csv" => parse_rows(file, text, &mut self.speech),
            "demand_cues.csv" => parse_rows(file, text, &mut self.demands),
            "meeting_cues.csv" => parse_rows(file, text, &mut self.meetings),
            "action_verbs.csv" => parse_rows(file, text, &mut self.action_verbs),
            "portfolio_words.csv" => parse_rows(file, text, &mut self.portfolio_words),
            "not_name_words.csv" => parse_rows(file, text, &mut self.not_name_words),
            "reference_words.csv" => parse_rows(file, text, &mut self.reference_words),
            "status_cues.csv" => parse_rows(file, text, &mut self.statuses),
            "officeholders.csv" => {
                // Parsed on first use; a user's file is checked now, so that a broken row is an
                // error of the command that names the folder.
                parse_rows::<OfficeholderRow>(file, text, &mut Vec::new())?;
                self.officeholder_files
                    .push((file.to_string(), std::borrow::Cow::Owned(text.to_string())));
                Ok(())
            }
            "event_codes.csv" => {
                let mut rows: Vec<EventCodeRow> = Vec::new();
                parse_rows(file, text, &mut rows)?;
                for (i, row) in rows.into_iter().enumerate() {
                    let fact =
                        EventFact::parse(&row.fact).map_err(|message| LexiconError::Row {
                            file: file.to_string(),
                            // The header is line 1.
                            line: i as u64 + 2,
                            message,
                        })?;
                    self.event_codes.push((fact, row));
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split(';').map(str::trim).filter(|s| !s.is_empty())
}

fn optional(field: &str) -> Option<String> {
    let field = field.trim();
    (!field.is_empty()).then(|| field.to_string())
}

/// Forms are matched without a leading lower-case "the" ("the Kremlin" is found as "Kremlin").
fn surface(form: &str) -> &str {
    form.strip_prefix("the ").unwrap_or(form)
}

impl Lexicon {
    /// The dictionaries compiled into dipkb.
    pub fn builtin() -> &'static Lexicon {
        static BUILTIN_LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        BUILTIN_LEXICON.get_or_init(|| {
            let mut rows = Rows::default();
            for (file, text) in BUILTIN {
                // The built-in files are checked by the tests; a broken one is a build defect.
                rows.add_builtin(file, text).expect("built-in dictionary");
            }
            Lexicon::from_rows(rows)
        })
    }

    /// The built-in dictionaries extended with the CSV files in `dir` that have the same names
    /// and columns (`states.csv`, `organisations.csv`, `places.csv`, `titles.csv`,
    /// `speech_verbs.csv`, `demand_cues.csv`, `meeting_cues.csv`, `action_verbs.csv`,
    /// `portfolio_words.csv`, `not_name_words.csv`, `reference_words.csv`, `status_cues.csv`,
    /// `officeholders.csv`).
    pub fn with_extra(dir: &Path) -> Result<Lexicon, LexiconError> {
        if !dir.is_dir() {
            return Err(LexiconError::Read {
                path: dir.display().to_string(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "not a folder"),
            });
        }
        let mut rows = Rows::default();
        for (file, text) in BUILTIN {
            rows.add_builtin(file, text)?;
        }
        for (file, _) in BUILTIN {
            let path = dir.join(file);
            if !path.exists() {
                continue;
            }
            let text = std::fs::read_to_string(&path).map_err(|source| LexiconError::Read {
                path: path.display().to_string(),
                source,
            })?;
            rows.add(&path.display().to_string(), &text)?;
        }
        Ok(Lexicon::from_rows(rows))
    }

    fn from_rows(rows: Rows) -> Lexicon {
        let mut names: HashMap<String, Vec<NameTarget>> = HashMap::new();
        let mut add_name = |form: &str, target: NameTarget| {
            let form = surface(form);
            if form.is_empty() {
                return;
            }
            let targets = names.entry(form.to_string()).or_default();
            if !targets.contains(&target) {
                targets.push(target);
            }
        };
        let mut by_name = HashMap::new();
        let mut states = Vec::new();
        for row in &rows.states {
            let entity = Entity::State(states.len());
            by_name.insert(row.name.to_lowercase(), entity);
            add_name(&row.name, NameTarget::Name(entity));
            for alias in list(&row.aliases) {
                add_name(alias, NameTarget::Name(entity));
            }
            for demonym in list(&row.demonyms) {
                add_name(demonym, NameTarget::Demonym(entity));
            }
            for metonym in list(&row.metonyms) {
                add_name(metonym, NameTarget::Metonym(entity));
            }
            states.push(StateEntry {
                name: row.name.clone(),
                iso3: row.iso3.clone(),
                wikidata: optional(&row.wikidata),
                capital: optional(&row.capital),
            });
        }
        let mut organisations = Vec::new();
        for row in &rows.organisations {
            let entity = Entity::Organisation(organisations.len());
            by_name.insert(row.name.to_lowercase(), entity);
            add_name(&row.name, NameTarget::Name(entity));
            for alias in list(&row.aliases) {
                add_name(alias, NameTarget::Name(entity));
            }
            organisations.push(OrganisationEntry {
                name: row.name.clone(),
                kind: if row.kind == "group" {
                    ActorKind::Group
                } else {
                    ActorKind::Organisation
                },
                wikidata: optional(&row.wikidata),
                cameo: optional(&row.cameo),
                implies: Vec::new(),
            });
        }
        for (entry, row) in organisations.iter_mut().zip(&rows.organisations) {
            entry.implies = list(&row.implies)
                .filter_map(|name| by_name.get(&name.to_lowercase()).copied())
                .collect();
        }
        let mut places: Vec<PlaceEntry> = Vec::new();
        let mut place_index: HashMap<String, usize> = HashMap::new();
        let mut add_place =
            |entry: PlaceEntry, aliases: Vec<String>, names: &mut dyn FnMut(&str, NameTarget)| {
                let index = *place_index.entry(entry.name.clone()).or_insert_with(|| {
                    places.push(entry.clone());
                    places.len() - 1
                });
                names(&entry.name, NameTarget::Place(index));
                for alias in aliases {
                    names(&alias, NameTarget::Place(index));
                }
            };
        for row in &rows.places {
            let kind = match row.kind.as_str() {
                "country" => PlaceKind::Country,
                "venue" => PlaceKind::Venue,
                "region" => PlaceKind::Region,
                _ => PlaceKind::City,
            };
            add_place(
                PlaceEntry {
                    name: row.name.clone(),
                    kind,
                    country: optional(&row.country),
                    city: optional(&row.city),
                },
                list(&row.aliases).map(str::to_string).collect(),
                &mut add_name,
            );
        }
        for state in &states {
            if let Some(capital) = &state.capital {
                add_place(
                    PlaceEntry {
                        name: capital.clone(),
                        kind: PlaceKind::City,
                        country: Some(state.iso3.clone()),
                        city: None,
                    },
                    Vec::new(),
                    &mut add_name,
                );
            }
        }
        // Each state is also a place (a meeting "in Cambodia"), found through its state mention
        // rather than by name, so that it is not added to the name automaton twice.
        for state in &states {
            places.push(PlaceEntry {
                name: state.name.clone(),
                kind: PlaceKind::Country,
                country: Some(state.iso3.clone()),
                city: None,
            });
        }
        let mut phrases: HashMap<String, Vec<PhraseTarget>> = HashMap::new();
        let mut add_phrase = |form: &str, target: PhraseTarget| {
            let targets = phrases.entry(form.to_lowercase()).or_default();
            if !targets.contains(&target) {
                targets.push(target);
            }
        };
        let titles: Vec<TitleEntry> = rows
            .titles
            .iter()
            .enumerate()
            .map(|(i, row)| {
                add_phrase(&row.title, PhraseTarget::Title(i));
                TitleEntry {
                    title: row.title.clone(),
                    kind: row.kind.clone(),
                    affiliation: by_name.get(&row.affiliation.to_lowercase()).copied(),
                    offices: Office::parse_list(&row.office),
                }
            })
            .collect();
        let speech_verbs: Vec<SpeechVerb> = rows
            .speech
            .iter()
            .enumerate()
            .map(|(i, row)| {
                add_phrase(&row.form, PhraseTarget::Speech(i));
                SpeechVerb {
                    form: row.form.clone(),
                    pattern: match row.pattern.as_str() {
                        "tell" => SpeechPattern::Tell,
                        "object" => SpeechPattern::Object,
                        "that" => SpeechPattern::That,
                        _ => SpeechPattern::Say,
                    },
                    lemma: row.lemma.clone(),
                }
            })
            .collect();
        let demand_cues: Vec<DemandCue> = rows
            .demands
            .iter()
            .enumerate()
            .map(|(i, row)| {
                add_phrase(&row.form, PhraseTarget::Demand(i));
                DemandCue {
                    form: row.form.clone(),
                    pattern: match row.pattern.as_str() {
                        "object_to" => DemandPattern::ObjectTo,
                        "for" => DemandPattern::For,
                        "object_to_or_for" => DemandPattern::ObjectToOrFor,
                        "object_to_or_object" => DemandPattern::ObjectToOrObject,
                        "party_to" => DemandPattern::PartyTo,
                        "object_to_or_asked_of" => DemandPattern::ObjectToOrAskedOf,
                        "that" => DemandPattern::That,
                        "asked_of" => DemandPattern::AskedOf,
                        "order_to" => DemandPattern::OrderTo,
                        "noun" => DemandPattern::Noun,
                        _ => DemandPattern::Demand,
                    },
                }
            })
            .collect();
        let meeting_cues: Vec<MeetingCue> = rows
            .meetings
            .iter()
            .enumerate()
            .map(|(i, row)| {
                add_phrase(&row.term, PhraseTarget::Meeting(i));
                MeetingCue {
                    term: row.term.clone(),
                    is_verb: row.part == "verb",
                    kind: row.kind.clone(),
                    mode: optional(&row.mode),
                }
            })
            .collect();
        for row in &rows.statuses {
            let status = match row.status.as_str() {
                "cancelled" => MeetingStatus::Cancelled,
                "postponed" => MeetingStatus::Postponed,
                "proposed" => MeetingStatus::Proposed,
                "planned" => MeetingStatus::Planned,
                _ => continue,
            };
            add_phrase(&row.form, PhraseTarget::Status(status));
        }
        let mut event_codes = EventCodes::default();
        for (fact, row) in &rows.event_codes {
            let code = EventCode {
                cameo: row.cameo.clone(),
                plover: optional(&row.plover),
                plover_mode: optional(&row.plover_mode),
            };
            event_codes.add(*fact, &row.cue, code);
        }
        let action_verbs = rows
            .action_verbs
            .iter()
            .map(|row| row.verb.to_lowercase())
            .collect();
        let portfolio_words = rows
            .portfolio_words
            .iter()
            .map(|row| row.word.to_lowercase())
            .collect();
        let not_name_words = rows
            .not_name_words
            .iter()
            .map(|row| row.word.clone())
            .collect();
        let reference_list = |name: &str| {
            rows.reference_words
                .iter()
                .filter(|row| row.list == name)
                .map(|row| row.word.to_lowercase())
                .collect()
        };
        let collective_persons = reference_list("collective_person");
        let collective_modifiers = reference_list("collective_modifier");
        Lexicon {
            title_words: TitleWords::of(&titles),
            officeholders: std::sync::OnceLock::new(),
            officeholder_files: rows.officeholder_files,
            action_verbs,
            portfolio_words,
            not_name_words,
            collective_persons,
            collective_modifiers,
            event_codes,
            states,
            organisations,
            places,
            titles,
            speech_verbs,
            demand_cues,
            meeting_cues,
            names: Matcher::build(names, false),
            phrases: Matcher::build(phrases, true),
            by_name,
        }
    }

    /// Dictionary names in a text (case-sensitive, longest first, at word boundaries).
    pub fn find_names<'l>(&'l self, text: &str) -> Vec<Match<'l, NameTarget>> {
        self.names.find(text)
    }

    /// Titles and cue phrases in a text (case-insensitive, longest first, at word boundaries).
    pub fn find_phrases<'l>(&'l self, text: &str) -> Vec<Match<'l, PhraseTarget>> {
        self.phrases.find(text)
    }

    /// The entity whose canonical name this is (case-insensitive).
    pub fn entity(&self, name: &str) -> Option<Entity> {
        self.by_name.get(&name.to_lowercase()).copied()
    }

    pub fn entity_name(&self, entity: Entity) -> &str {
        match entity {
            Entity::State(i) => &self.states[i].name,
            Entity::Organisation(i) => &self.organisations[i].name,
        }
    }

    /// A new extraction actor for a dictionary entity, with its codes.
    pub fn entity_actor(&self, entity: Entity) -> crate::extract::Actor {
        let mut actor =
            crate::extract::Actor::new(self.entity_kind(entity), self.entity_name(entity));
        match entity {
            Entity::State(s) => {
                let state = &self.states[s];
                actor.iso3 = Some(state.iso3.clone());
                // CAMEO codes states by their UN three-letter code, which is ISO's; Kosovo's
                // XKX is a placeholder outside both lists.
                actor.cameo_code = (!state.iso3.starts_with('X')).then(|| state.iso3.clone());
                actor.wikidata_qid = state.wikidata.clone();
            }
            Entity::Organisation(o) => {
                let organisation = &self.organisations[o];
                actor.wikidata_qid = organisation.wikidata.clone();
                actor.cameo_code = organisation.cameo.clone();
            }
        }
        actor
    }

    pub fn entity_kind(&self, entity: Entity) -> ActorKind {
        match entity {
            Entity::State(_) => ActorKind::State,
            Entity::Organisation(i) => self.organisations[i].kind,
        }
    }

    /// The officeholder dictionary, built on first use.
    pub fn officeholders(&self) -> &Officeholders {
        self.officeholders.get_or_init(|| {
            // Checked when the files were added (the built-in one by the tests).
            let texts: Vec<&str> = self
                .officeholder_files
                .iter()
                .map(|(_, text)| text.as_ref())
                .collect();
            let state_of_code: HashMap<&str, Entity> = self
                .states
                .iter()
                .enumerate()
                .map(|(i, s)| (s.iso3.as_str(), Entity::State(i)))
                .collect();
            Officeholders::parse(&texts, |state| {
                let state = state.trim();
                state_of_code
                    .get(state)
                    .copied()
                    .or_else(|| self.entity(state))
            })
        })
    }

    /// Whether one entity is the other or a body of it ("European Commission" and "European
    /// Union"): a title's qualifier fits an officeholder of either.
    pub fn same_or_part(&self, a: Entity, b: Entity) -> bool {
        let implies = |x: Entity, y: Entity| match x {
            Entity::Organisation(o) => self.organisations[o].implies.contains(&y),
            Entity::State(_) => false,
        };
        a == b || implies(a, b) || implies(b, a)
    }

    /// The state a place lies in.
    pub fn place_state(&self, place: usize) -> Option<Entity> {
        let iso3 = self.places[place].country.as_deref()?;
        self.states
            .iter()
            .position(|s| s.iso3 == iso3)
            .map(Entity::State)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_dictionaries_load_and_are_large_enough() {
        let lexicon = Lexicon::builtin();
        assert!(
            lexicon.states.len() >= 195,
            "UN members, observers, disputed"
        );
        let organisations = lexicon
            .organisations
            .iter()
            .filter(|o| o.kind == ActorKind::Organisation)
            .count();
        assert!(organisations >= 80, "{organisations} organisations");
        for name in ["NATO-Russia Council", "OSCE Permanent Council"] {
            let Some(Entity::Organisation(i)) = lexicon.entity(name) else {
                panic!("{name} missing");
            };
            assert!(!lexicon.organisations[i].implies.is_empty(), "{name}");
        }
    }

    #[test]
    fn names_are_found_longest_first_at_word_boundaries() {
        let lexicon = Lexicon::builtin();
        let text = "The NATO-Russia Council met; Russian envoys left Moscow for the U.S. and Niger, not Nigeria’s USAID.";
        let found: Vec<&str> = lexicon
            .find_names(text)
            .iter()
            .map(|m| &text[m.start..m.end])
            .collect();
        assert_eq!(
            found,
            [
                "NATO-Russia Council",
                "Russian",
                "Moscow",
                "U.S.",
                "Niger",
                "Nigeria"
            ]
        );
    }

    #[test]
    fn metonyms_and_capitals_are_both_kept() {
        let lexicon = Lexicon::builtin();
        let found = lexicon.find_names("Washington");
        let targets = found[0].targets;
        assert!(targets.iter().any(|t| matches!(t, NameTarget::Metonym(_))));
        assert!(targets.iter().any(|t| matches!(t, NameTarget::Place(_))));
    }

    #[test]
    fn phrases_match_without_regard_to_case() {
        let lexicon = Lexicon::builtin();
        let text = "The secretary-general said the Deputy Secretary of State called on Russia";
        let found: Vec<&str> = lexicon
            .find_phrases(text)
            .iter()
            .map(|m| &text[m.start..m.end])
            .collect();
        assert_eq!(
            found,
            [
                "secretary-general",
                "said",
                "Deputy Secretary of State",
                "called on"
            ]
        );
    }
}
