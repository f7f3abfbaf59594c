//! One article analysed: tokens, sentences, quotations, dates, dictionary phrases, and the
//! actors it mentions, with every mention resolved to an actor of the article (names,
//! surnames, pronouns, role nouns, metonyms, demonyms).
//!
//! The layers, in the order [`Analysis::new`] runs them, each reading only the ones before it:
//! `doc` (tokens, sentences, quotations, lower case), `zones` (dateline, transcript turns,
//! the headline's meeting cue), `phrases` (titles and cue words of the dictionaries),
//! `names` (dictionary names, bodies, persons with their titles and offices, the title's
//! persons), then `refs` (transcript speakers, the byline, and coreference: pronouns,
//! descriptions, role nouns, collective nouns). `clause` gives the main clause of a sentence
//! that coreference and the extractors read.

mod clause;
mod doc;
mod phrases;
#[cfg(test)]
mod testing;
mod zones;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use chrono::NaiveDate;

use crate::extract::{Actor, ActorKind, ActorRef, Role};
use crate::text::analysis::doc::lower_case;
use crate::text::analysis::zones::title_names_meeting;
use crate::text::lexicon::{Entity, Lexicon, NameTarget, PhraseTarget};
use crate::text::officeholders::{Found, Office, fold_words, may_misspell, misspelling_limit};
use crate::text::temporal::{self, DateMention};
use crate::text::tokens::{self, Quote, Sentence, Token, TokenKind};

/// Head nouns of the names of bodies the dictionaries do not list: `organisation_head` and
/// `group_head` in `data/dictionaries/body_words.csv`, compiled in.
static BODY_HEADS: LazyLock<HashMap<String, ActorKind>> = LazyLock::new(|| {
    let csv = include_str!("../../../data/dictionaries/body_words.csv");
    let heads = |list: &str, kind: ActorKind| {
        crate::extract::words::list(csv, list)
            .into_iter()
            .map(move |word| (word, kind))
    };
    heads("organisation_head", ActorKind::Organisation)
        .chain(heads("group_head", ActorKind::Group))
        .collect()
});

/// Words that only describe a body ("Armed", "Joint", "Steering"): `generic` in
/// `data/dictionaries/body_words.csv`.
static BODY_GENERIC: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| {
    crate::extract::words::list(
        include_str!("../../../data/dictionaries/body_words.csv"),
        "generic",
    )
});

/// A title's tokens and its row in `titles.csv`.
type TitleSpan = (Range<usize>, usize);

/// How a mention names its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// A dictionary name ("Russia", "NATO") or a person's name.
    Name,
    /// A nationality adjective ("Russian diplomats").
    Demonym,
    /// A capital or seat of government ("Moscow", "the Kremlin").
    Metonym,
    /// A surname or part of a person's name met before.
    Surname,
    /// "he", "she", "they".
    Pronoun,
    /// "the secretary-general", "the U.S. president".
    RoleNoun,
    /// "the allies" for NATO, "the two leaders" for the persons last named.
    Collective,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub tokens: Range<usize>,
    /// The actors referred to; more than one for "they" or "the two leaders".
    pub actors: Vec<ActorRef>,
    /// The dictionary place this mention may also be ("in Moscow").
    pub place: Option<usize>,
    pub how: How,
    /// Set when the words stand for a place here ("talks in Washington"), not for the actor.
    pub is_place: bool,
}

/// A dictionary phrase: a title or a cue word.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    pub tokens: Range<usize>,
    /// What the phrase is first: a title before a cue word.
    pub target: PhraseTarget,
    /// Everything the phrase can be ("told" is a speech verb and a demand cue).
    pub targets: Vec<PhraseTarget>,
}

/// A speaker turn in a transcript: "SECRETARY BLINKEN: ...".
#[derive(Debug, Clone, PartialEq)]
pub struct Turn {
    /// The label's tokens, colon included.
    pub label: Range<usize>,
    /// The words of the turn, over one or more paragraphs.
    pub body: Range<usize>,
    pub speaker: Option<ActorRef>,
    /// "QUESTION:", a journalist.
    pub is_question: bool,
    /// "MODERATOR:", "OPERATOR:", "STAFF:": a role or an outlet, not an actor; its turn is
    /// nobody's statement (GOLD_FORMAT.md, transcript roles).
    pub is_role: bool,
}

/// An actor of the article, with what resolution needs beyond [`Actor`].
#[derive(Debug, Clone)]
pub struct ArticleActor {
    pub actor: Actor,
    pub entity: Option<Entity>,
    /// Lower-cased name words of a person, for surname resolution.
    pub name_words: Vec<String>,
    /// Lower-cased words of each title a person was given, for role nouns.
    pub title_words: Vec<Vec<String>>,
    /// The state or organisation a person belongs to: a known officeholder's from the
    /// dictionary, else from the first role that says so.
    pub party: Option<ActorRef>,
    /// The officeholder of `officeholders.csv` this person is, on the article's date.
    pub officeholder: Option<Found>,
    /// The name is the dictionary's, the text having given only a part of it ("President
    /// Biden"): a whole name the text gives later replaces it.
    pub name_from_dictionary: bool,
}

pub struct Analysis<'a> {
    pub text: &'a str,
    pub published: Option<NaiveDate>,
    pub lexicon: &'a Lexicon,
    pub tokens: Vec<Token>,
    /// Every token in lower case, one after another; `lower_at[i]` is token `i`'s range.
    lowered: String,
    lower_at: Vec<Range<usize>>,
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quote>,
    /// For each token, whether it lies inside a quotation.
    pub quoted: Vec<bool>,
    /// Mentions in text order, never overlapping.
    pub mentions: Vec<Mention>,
    /// For each token, the mention covering it.
    pub mention_at: Vec<Option<usize>>,
    pub phrases: Vec<Phrase>,
    pub phrase_at: Vec<Option<usize>>,
    /// Date phrases per sentence.
    pub dates: Vec<Vec<DateMention>>,
    pub actors: Vec<ArticleActor>,
    pub turns: Vec<Turn>,
    /// The person a first-person press statement speaks for ("Ned Price, Department
    /// Spokesperson"), with the token where the statement's words begin.
    pub byline: Option<(ActorRef, usize)>,
    /// The article's title names a meeting ("... Before Their Meeting", "Call with ...",
    /// "Joint Press Availability"): for a transcript, the speakers are meeting.
    pub title_names_meeting: bool,
    /// "BEIJING —": the tokens of a news dateline at the start of the body, and its place.
    pub dateline: Option<(Range<usize>, Option<usize>)>,
    char_starts: Vec<usize>,
    /// Persons by each word of their name (lower case), so that finding a person compares a
    /// name with the persons who share a word of it, not with every person of the article.
    persons_by_word: HashMap<String, Vec<usize>>,
    /// The actor of each dictionary entity the article names.
    entity_actors: HashMap<Entity, usize>,
    /// Runs of two or more capitalised words that had no evidence of being a person's name
    /// where they stood ("Let's go to Nick Schifrin."): a surname of the article met with
    /// evidence ("Mr. Schifrin", "MR SCHIFRIN:") completes to one of them.
    unclaimed_names: Vec<Range<usize>>,
    /// The same runs in the article's title, as name words.
    unclaimed_title_names: Vec<Vec<String>>,
}

/// Small words allowed inside a name ("Osama bin Laden", "Charles de Gaulle").
const NAME_PARTICLES: &[&str] = &[
    "bin", "ibn", "al", "el", "de", "del", "della", "di", "da", "dos", "du", "van", "von", "der",
    "den", "la", "le",
];

/// Prepositions before which a capital is a place, not the government it stands for.
const LOCATIVES: &[&str] = &[
    "in", "to", "from", "at", "near", "into", "outside", "inside", "via", "through", "toward",
    "towards", "across", "around", "visited", "visit", "visiting", "left", "reached",
];

/// Nouns a collective phrase of persons ends with: "the two leaders", "both presidents"
/// ("both sides" are states or organisations, which meetings resolve).
const COLLECTIVE_NOUNS: &[&str] = &["leaders", "ministers", "presidents", "officials"];

fn push_recent(recent: &mut Vec<ActorRef>, actor: ActorRef) {
    recent.retain(|&a| a != actor);
    recent.push(actor);
    if recent.len() > RECENT_PERSONS {
        recent.remove(0);
    }
}

/// A name's words in lower case and without diacritics: "Gintare Kazlauskiene" in a caption is
/// the "Gintarė Kazlauskienė" of the body.
fn lower_words(words: &[String]) -> Vec<String> {
    words.iter().map(|w| fold_word(w)).collect()
}

/// One word of a name in lower case and without diacritics.
fn fold_word(word: &str) -> String {
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        crate::query::fold(word)
    }
}

/// "J." or "J": a middle initial.
fn is_initial(word: &str) -> bool {
    let letters = word.trim_end_matches('.');
    letters.chars().count() == 1 && letters.chars().all(char::is_alphabetic)
}

/// Whether two different words are one edit apart: a letter changed, added or dropped, or two
/// neighbours swapped.
fn one_edit_apart(a: &str, b: &str) -> bool {
    // Letters compared as bytes when both words are ASCII, as most are: no copy.
    if a.is_ascii() && b.is_ascii() {
        return one_edit(a.as_bytes(), b.as_bytes());
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    one_edit(&a, &b)
}

fn one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    if a == b {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        std::cmp::Ordering::Greater => ra[1..] == *rb,
        std::cmp::Ordering::Less => *ra == rb[1..],
    }
}

/// The words of a name as written, without a nickname in quotation marks or brackets
/// ("Benjamin “Benny” Gantz" is Benjamin Gantz).
fn name_words_of(surface: &str) -> Vec<String> {
    surface
        .split_whitespace()
        .filter(|w| !w.starts_with(['“', '"', '(']) && !w.ends_with(['”', '"', ')']))
        .map(str::to_string)
        .collect()
}

/// A name's words in lower case without initials, a hyphenated word counted as its parts:
/// two spellings of one name have the same key.
fn name_key(words: &[String]) -> Vec<String> {
    words
        .iter()
        .filter(|w| !is_initial(w))
        .flat_map(|w| w.split('-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn name_word_count(words: &[String]) -> usize {
    words.iter().filter(|w| !is_initial(w)).count()
}

/// A person's name without middle initials: "Antony J. Blinken" is "Antony Blinken".
fn canonical_person_name(words: &[String]) -> String {
    let mut parts: Vec<String> = Vec::new();
    // "KITAMURA Shinji" is Kitamura Shinji: a word in capitals beside words that are not.
    let in_capitals = |w: &str| w.chars().count() >= 2 && !w.chars().any(char::is_lowercase);
    let mixed = words.iter().any(|w| !in_capitals(w));
    for (n, word) in words.iter().enumerate() {
        if is_initial(word) && n > 0 && n + 1 < words.len() {
            continue;
        }
        if mixed && in_capitals(word) && word.chars().all(char::is_alphabetic) {
            parts.push(title_case(word));
        } else if n > 0 && matches!(word.as_str(), "Jr" | "Sr") {
            // "Ferdinand Marcos Jr.": the run of a name stops before the abbreviation's dot.
            parts.push(format!("{word}."));
        } else {
            parts.push(word.clone());
        }
    }
    parts.join(" ")
}

fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

/// A person named in the article's title, with the state of their office if the title says.
#[derive(Debug, Clone)]
pub struct TitlePerson {
    pub name: String,
    pub words: Vec<String>,
    pub affiliation: Option<Entity>,
}

/// Persons the article's title names after an office ("Costa Rican Foreign Minister Rodolfo
/// Solano Quirós"): their full names resolve transcript labels and surnames in the body.
pub fn title_persons(title: &str, lexicon: &Lexicon) -> Vec<TitlePerson> {
    title_names(title, lexicon).0
}

/// The title's persons (`title_persons`), and the runs of two or more capitalised words that
/// had no evidence of being a name there ("... With Jane Q. Doe of a Broadcaster"): a surname
/// of the body met with evidence ("MS DOE:") completes to one of them.
fn title_names(title: &str, lexicon: &Lexicon) -> (Vec<TitlePerson>, Vec<Vec<String>>) {
    let analysis_title = Analysis::names_only(title, lexicon);
    let unclaimed = analysis_title
        .unclaimed_names
        .iter()
        .map(|run| name_words_of(&analysis_title.text_of(run.clone())))
        .collect();
    let persons = analysis_title
        .actors
        .iter()
        .filter(|a| a.actor.kind == ActorKind::Person && a.name_words.len() >= 2)
        .map(|a| TitlePerson {
            name: a.actor.name.clone(),
            words: a.name_words.clone(),
            affiliation: a
                .party
                .and_then(|p| analysis_title.actors.get(p.0))
                .and_then(|p| p.entity),
        })
        .collect();
    (persons, unclaimed)
}

impl<'a> Analysis<'a> {
    pub fn new(
        title: &str,
        text: &'a str,
        published: Option<NaiveDate>,
        lexicon: &'a Lexicon,
    ) -> Analysis<'a> {
        let tokens = tokens::tokenize(text);
        let sentences = tokens::split_sentences(text, &tokens);
        let quotes = tokens::find_quotes(text, &tokens, &sentences);
        let mut quoted = vec![false; tokens.len()];
        for quote in &quotes {
            for flag in &mut quoted[quote.open + 1..quote.close] {
                *flag = true;
            }
        }
        let (lowered, lower_at) = lower_case(text, &tokens);
        let mut char_starts = Vec::with_capacity(text.len());
        for (byte, _) in text.char_indices() {
            char_starts.push(byte);
        }
        let dates = sentences
            .iter()
            .map(|s| {
                let mut found = temporal::find_dates(text, &tokens, s.tokens.clone(), published);
                found.extend(temporal::find_years(text, &tokens, s.tokens.clone()));
                found.sort_by_key(|d| d.start);
                found
            })
            .collect();
        let mut analysis = Analysis {
            text,
            published,
            lexicon,
            mention_at: vec![None; tokens.len()],
            phrase_at: vec![None; tokens.len()],
            quoted,
            tokens,
            sentences,
            quotes,
            mentions: Vec::new(),
            phrases: Vec::new(),
            dates,
            actors: Vec::new(),
            turns: Vec::new(),
            byline: None,
            dateline: None,
            title_names_meeting: title_names_meeting(title),
            char_starts,
            lowered,
            lower_at,
            persons_by_word: HashMap::new(),
            entity_actors: HashMap::new(),
            unclaimed_names: Vec::new(),
            unclaimed_title_names: Vec::new(),
        };
        analysis.find_dateline();
        analysis.find_phrases();
        let (title_people, title_unclaimed) = title_names(title, lexicon);
        analysis.unclaimed_title_names = title_unclaimed;
        analysis.find_turn_labels();
        analysis.find_mentions(&title_people);
        analysis.find_unlisted_bodies();
        analysis.add_implied_entities();
        analysis.resolve_turn_speakers(&title_people);
        analysis.complete_surnames();
        analysis.find_particle_surnames();
        analysis.find_byline();
        analysis.resolve_references();
        analysis
    }

    pub fn mention(&self, token: usize) -> Option<&Mention> {
        self.mention_at
            .get(token)
            .copied()
            .flatten()
            .map(|m| &self.mentions[m])
    }

    /// The article's actors as extraction reports them.
    pub fn extraction_actors(&self) -> Vec<Actor> {
        self.actors.iter().map(|a| a.actor.clone()).collect()
    }

    pub fn actor_name(&self, actor: ActorRef) -> &str {
        &self.actors[actor.0].actor.name
    }

    pub fn actor_kind(&self, actor: ActorRef) -> ActorKind {
        self.actors[actor.0].actor.kind
    }

    /// The state or organisation an actor speaks for: itself, or a person's affiliation.
    pub fn party_of(&self, actor: ActorRef) -> Option<ActorRef> {
        match self.actors[actor.0].actor.kind {
            ActorKind::Person => self.actors[actor.0].party,
            _ => Some(actor),
        }
    }

    /// Dictionary names and person names, resolved to the article's actors.
    fn find_mentions(&mut self, title_people: &[TitlePerson]) {
        let mut candidates: Vec<(Range<usize>, Vec<NameTarget>)> = Vec::new();
        for found in self.lexicon.find_names(self.text) {
            if let Some(range) = self.token_range(found.start, found.end) {
                candidates.push((range, found.targets.to_vec()));
            }
        }
        // Plural demonyms ("the Russians") are the state.
        let mut named = vec![false; self.tokens.len()];
        for (range, _) in &candidates {
            for slot in &mut named[range.clone()] {
                *slot = true;
            }
        }
        for (i, _) in named.iter().enumerate().filter(|(_, named)| !**named) {
            let word = self.word(i);
            if let Some(singular) = word.strip_suffix('s')
                && singular.chars().next().is_some_and(char::is_uppercase)
            {
                let found = self.lexicon.find_names(singular);
                if let Some(m) = found.first()
                    && m.start == 0
                    && m.end == singular.len()
                    && let Some(NameTarget::Demonym(entity)) = m.targets.first()
                {
                    candidates.push((i..i + 1, vec![NameTarget::Name(*entity)]));
                }
            }
        }
        for (range, _) in &candidates {
            named[range.clone()].fill(true);
        }
        candidates.sort_by_key(|(r, _)| r.start);
        // "Thomas West", "Special Representative West": a word that names a body only with its
        // article ("the West") is a person's name after a capitalised word of the same sentence.
        let capitalised_before = |i: usize| {
            i > 0
                && self.tokens[i - 1].kind == TokenKind::Word
                && self.is_capitalised(i - 1)
                && self.lower(i - 1) != "the"
                && i >= 2
                && !matches!(self.word(i - 2), "." | "!" | "?" | ":" | "“" | "\"")
        };
        // "Thomas West", "the Northern Alliance", "the Civic Alliance": a body's short name
        // ("the West"; "the Alliance" for NATO) after a capitalised word is the end of another
        // name; an abbreviation is not.
        let short_name_of_body = |range: &Range<usize>, targets: &[NameTarget]| {
            let word = self.word(range.start);
            targets.iter().all(|t| match t {
                NameTarget::Name(Entity::Organisation(o)) => {
                    let name = &self.lexicon.organisations[*o].name;
                    name.to_lowercase().starts_with("the ")
                        || !self.is_upper_acronym(range.start) && !name.eq_ignore_ascii_case(word)
                }
                _ => false,
            })
        };
        candidates.retain(|(range, targets)| {
            !(range.len() == 1
                && short_name_of_body(range, targets)
                && capitalised_before(range.start)
                && !named[range.start - 1])
        });
        // "Dr. Margaret Hamburg is": a city's name right after a title's given name is the
        // surname.
        candidates.retain(|(range, targets)| {
            let only_place = targets.iter().all(|t| matches!(t, NameTarget::Place(_)));
            !(range.len() == 1
                && only_place
                && self.ends_name_after_title(range.start)
                && !named[range.start - 1])
        });
        let mut dictionary_at: Vec<Option<usize>> = vec![None; self.tokens.len()];
        for (n, (range, _)) in candidates.iter().enumerate() {
            for slot in &mut dictionary_at[range.clone()] {
                slot.get_or_insert(n);
            }
        }
        // Dictionary names first, so that a person's role can refer to names after it ("the
        // secretary of Iran’s Supreme National Security Council").
        let mut i = 0;
        while i < self.tokens.len() {
            if !self.in_label(i)
                && let Some(n) = dictionary_at[i]
                && candidates[n].0.start == i
            {
                let (range, targets) = candidates[n].clone();
                self.add_dictionary_mention(range.clone(), &targets);
                i = range.end;
                continue;
            }
            i += 1;
        }
        let mut i = 0;
        while i < self.tokens.len() {
            if self.in_label(i) || dictionary_at[i].is_some() {
                i += 1;
                continue;
            }
            if let Some(mut run) = self.name_run(i, &dictionary_at) {
                let end = run.end;
                // "Mr von der Mühll": lower-case particles between a title and the name are
                // the name's.
                let mut start = run.start;
                while start > 0
                    && run.start - start < 3
                    && NAME_PARTICLES.contains(&self.lower(start - 1))
                    // Arabic articles and "bin" before a title's name are not one name's
                    // ("Foreign Minister bin Farhan", "the leader of al Qa’ida").
                    && !matches!(self.lower(start - 1), "al" | "el" | "bin" | "ibn")
                    && self.tokens[start - 1].kind == TokenKind::Word
                    && !self.is_capitalised(start - 1)
                {
                    start -= 1;
                }
                if start < run.start && self.title_before(start).is_some() {
                    run.start = start;
                }
                self.consider_person(run, title_people);
                i = end.max(i + 1);
                continue;
            }
            i += 1;
        }
        self.resort_mentions();
    }

    /// "al-Rashed met ...", "“...,” al-Rashed told reporters": a surname that opens with a
    /// lower-case article is no capitalised run, but it names the person of the article whose
    /// name ends with it.
    fn find_particle_surnames(&mut self) {
        let mut added = false;
        for i in 0..self.tokens.len().saturating_sub(2) {
            if !matches!(self.word(i), "al" | "el")
                || self.word(i + 1) != "-"
                || self.tokens[i + 1].space_before
                || self.tokens[i + 2].space_before
                || !self.is_capitalised(i + 2)
                || (i..i + 3).any(|k| self.mention(k).is_some())
                || (i > 0 && self.is_capitalised(i - 1) && self.tokens[i].space_before)
            {
                continue;
            }
            let surname = vec![self.text_of(i..i + 3)];
            let Some(person) = self.find_person(&surname) else {
                continue;
            };
            if self.actors[person.0].name_words.last() != lower_words(&surname).last() {
                continue;
            }
            self.push_mention(Mention {
                tokens: i..i + 3,
                actors: vec![person],
                place: None,
                how: How::Surname,
                is_place: false,
            });
            added = true;
        }
        if added {
            self.resort_mentions();
        }
    }

    /// Bodies the dictionaries do not list, by the head noun their name ends with ("the
    /// National Migration Institute (INM)", "the Rapid Support Forces"): capitalised words
    /// (with "of", "for", "and" between them) before a head of `body_words.csv`, not a state's
    /// own body ("the Russian Defence Council"), and the abbreviation given in brackets after
    /// the name wherever it recurs.
    fn find_unlisted_bodies(&mut self) {
        let mut added = false;
        for head in 0..self.tokens.len() {
            let Some(&kind) = BODY_HEADS.get(self.lower(head)) else {
                continue;
            };
            if !self.is_capitalised(head)
                || self.mention(head).is_some()
                || self.title_at(head).is_some()
                || self.quoted[head]
                || self.in_label(head)
            {
                continue;
            }
            let mut start = head;
            let mut k = head;
            while k > 0 && head - k < 6 {
                let prev = k - 1;
                if self.tokens[k].line_before
                    || self.mention(prev).is_some()
                    || self.phrase(prev).is_some()
                    || self.tokens[prev].kind != TokenKind::Word
                {
                    break;
                }
                if self.is_capitalised(prev) && self.word(prev) != "The" {
                    start = prev;
                } else if !matches!(self.word(prev), "of" | "for" | "and") {
                    break;
                }
                k = prev;
            }
            if start == head {
                continue;
            }
            // A state's or a person's own body: "Russia's Security Council", "the Ukrainian
            // Armed Forces".
            let owned = start > 0
                && (self.tokens[start - 1].kind == TokenKind::Possessive
                    || self.mention(start - 1).is_some());
            // The complement of a title: "Director of the Office of the Foreign Affairs
            // Commission" names an office, not a party.
            let mut before = start;
            while before > 0
                && start - before < 8
                && (matches!(self.lower(before - 1), "of" | "the")
                    || self.is_capitalised(before - 1) && self.title_at(before - 1).is_none())
                && self.mention(before - 1).is_none()
            {
                before -= 1;
            }
            let complement = before < start && before > 0 && self.title_at(before - 1).is_some();
            // "Freedoms of Peaceful Assembly and of Association", "the House of Representatives
            // and High State Council": "and" joins two names there, not two words of one.
            let words: Vec<&str> = (start..head).map(|t| self.lower(t)).collect();
            let two_names = words
                .iter()
                .position(|&w| w == "and")
                .is_some_and(|and| words[..and].contains(&"of"));
            // A group's name is evidence enough; an organisation's needs its abbreviation
            // in brackets after it, or a verb of speech.
            let abbreviated = head + 3 < self.tokens.len()
                && self.word(head + 1) == "("
                && self.word(head + 3) == ")"
                && self.is_upper_acronym(head + 2);
            // "Armed Forces", "Steering Committee", "Special Operations Forces": kind words
            // alone are a description, not a name.
            let generic = words.iter().all(|w| BODY_GENERIC.contains(*w));
            let evidence = !generic
                && (kind == ActorKind::Group || abbreviated || self.speech_verb_follows(head + 1));
            if owned || complement || two_names || !evidence {
                continue;
            }
            let name = self.text_of(start..head + 1);
            let actor = match self
                .actors
                .iter()
                .position(|a| a.actor.kind == kind && a.actor.name == name)
            {
                Some(i) => ActorRef(i),
                None => {
                    let index = self.actors.len();
                    self.actors.push(ArticleActor {
                        actor: Actor::new(kind, name),
                        entity: None,
                        name_words: Vec::new(),
                        title_words: Vec::new(),
                        party: None,
                        officeholder: None,
                        name_from_dictionary: false,
                    });
                    ActorRef(index)
                }
            };
            self.push_mention(Mention {
                tokens: start..head + 1,
                actors: vec![actor],
                place: None,
                how: How::Name,
                is_place: false,
            });
            added = true;
            // "(INM)": the abbreviation stands for the body wherever the article uses it.
            if abbreviated && self.mention(head + 2).is_none() {
                let abbreviation = self.word(head + 2);
                for t in head + 2..self.tokens.len() {
                    if self.word(t) == abbreviation && self.mention(t).is_none() {
                        self.push_mention(Mention {
                            tokens: t..t + 1,
                            actors: vec![actor],
                            place: None,
                            how: How::Name,
                            is_place: false,
                        });
                    }
                }
                if !self.actors[actor.0]
                    .actor
                    .aliases
                    .iter()
                    .any(|a| a == abbreviation)
                {
                    self.actors[actor.0]
                        .actor
                        .aliases
                        .push(abbreviation.to_string());
                }
            }
        }
        if added {
            self.resort_mentions();
        }
    }

    /// Mentions in text order again, after some were added out of order.
    fn resort_mentions(&mut self) {
        self.mentions.sort_by_key(|m| m.tokens.start);
        self.reindex_mentions();
    }

    fn reindex_mentions(&mut self) {
        self.mention_at = vec![None; self.tokens.len()];
        for (index, mention) in self.mentions.iter().enumerate() {
            for slot in &mut self.mention_at[mention.tokens.clone()] {
                *slot = Some(index);
            }
        }
    }

    fn add_dictionary_mention(&mut self, range: Range<usize>, targets: &[NameTarget]) {
        let place = targets.iter().find_map(|t| match t {
            NameTarget::Place(p) => Some(*p),
            _ => None,
        });
        let actor_target = targets
            .iter()
            .find(|t| matches!(t, NameTarget::Name(_)))
            .or_else(|| targets.iter().find(|t| matches!(t, NameTarget::Metonym(_))))
            .or_else(|| targets.iter().find(|t| matches!(t, NameTarget::Demonym(_))));
        let before = range
            .start
            .checked_sub(1)
            .map(|p| self.lower(p))
            .unwrap_or_default();
        let locative = LOCATIVES.contains(&before);
        let (entity, how) = match actor_target {
            Some(NameTarget::Name(e)) => (Some(*e), How::Name),
            Some(NameTarget::Metonym(e)) => (Some(*e), How::Metonym),
            Some(NameTarget::Demonym(e)) => (Some(*e), How::Demonym),
            _ => (None, How::Name),
        };
        // A capital after "in" or "to" is the place; a state after "in" is both (the country
        // where a meeting is, and the state).
        let is_place = place.is_some() && (entity.is_none() || (locative && how == How::Metonym));
        let actors = match entity {
            Some(entity) if !is_place => vec![self.entity_actor(entity, range.clone())],
            _ => Vec::new(),
        };
        let place = place.or_else(|| {
            // A state named after a locative is a place too: "talks in Cambodia".
            match (entity, locative) {
                (Some(Entity::State(s)), true) => self.country_place(s),
                _ => None,
            }
        });
        self.push_mention(Mention {
            tokens: range,
            actors,
            place,
            how,
            is_place,
        });
    }

    /// A state as a place: its dictionary place of kind country, made on demand.
    fn country_place(&self, state: usize) -> Option<usize> {
        let iso3 = &self.lexicon.states[state].iso3;
        self.lexicon.places.iter().position(|p| {
            p.kind == crate::extract::PlaceKind::Country && p.country.as_ref() == Some(iso3)
        })
    }

    fn push_mention(&mut self, mention: Mention) {
        let index = self.mentions.len();
        for slot in &mut self.mention_at[mention.tokens.clone()] {
            *slot = Some(index);
        }
        self.mentions.push(mention);
    }

    /// The article actor for a dictionary entity, added on first mention.
    fn entity_actor(&mut self, entity: Entity, range: Range<usize>) -> ActorRef {
        if let Some(&i) = self.entity_actors.get(&entity) {
            let surface = self.text[self.tokens[range.start].start..self.tokens[range.end - 1].end]
                .to_string();
            let actor = &mut self.actors[i].actor;
            if surface != actor.name && !actor.aliases.contains(&surface) {
                actor.aliases.push(surface);
            }
            return ActorRef(i);
        }
        let mut actor = self.lexicon.entity_actor(entity);
        let surface =
            self.text[self.tokens[range.start].start..self.tokens[range.end - 1].end].to_string();
        if surface != actor.name {
            actor.aliases.push(surface);
        }
        self.push_entity_actor(entity, actor)
    }

    fn push_entity_actor(&mut self, entity: Entity, actor: Actor) -> ActorRef {
        let index = self.actors.len();
        self.actors.push(ArticleActor {
            actor,
            entity: Some(entity),
            name_words: Vec::new(),
            title_words: Vec::new(),
            party: None,
            officeholder: None,
            name_from_dictionary: false,
        });
        self.entity_actors.insert(entity, index);
        ActorRef(index)
    }

    /// The article's actor for a dictionary entity, if the article names it.
    pub fn actor_of_entity(&self, entity: Entity) -> Option<ActorRef> {
        self.entity_actors.get(&entity).map(|&i| ActorRef(i))
    }

    /// The article actor for an entity, without recording a mention.
    pub fn actor_for_entity(&mut self, entity: Entity) -> ActorRef {
        if let Some(actor) = self.actor_of_entity(entity) {
            return actor;
        }
        let actor = self.lexicon.entity_actor(entity);
        self.push_entity_actor(entity, actor)
    }

    /// A run of capitalised words (with initials, hyphens and particles) starting at `i`, not
    /// covered by dictionary names. Words that cannot be part of a name are skipped before the
    /// name starts ("Foreign Affairs Commission Yang Jiechi") and end it after ("Antony J.
    /// Blinken With").
    fn name_run(&self, i: usize, dictionary_at: &[Option<usize>]) -> Option<Range<usize>> {
        if !self.is_capitalised(i) || dictionary_at[i].is_some() || self.phrase_is_title(i) {
            return None;
        }
        let mut start = i;
        let mut end = i;
        let mut j = i;
        while j < self.tokens.len() {
            if dictionary_at[j].is_some() || (j > i && self.tokens[j].line_before) {
                break;
            }
            let surname_title = j == start + 1 && end == j && self.ends_name_after_title(j);
            if self.is_capitalised(j) && (!self.phrase_is_title(j) || surname_title) {
                // "Ben-Ami": a word joined by a hyphen to the next is part of a name.
                let hyphenated = j + 2 < self.tokens.len()
                    && self.word(j + 1) == "-"
                    && !self.tokens[j + 1].space_before
                    && !self.tokens[j + 2].space_before
                    && self.is_capitalised(j + 2);
                // "Margaret A. Ellison": an initial, not the article.
                let initial = end > start
                    && self.word(j).chars().count() == 1
                    && self.word(j + 1) == "."
                    && !self.tokens.get(j + 1).is_some_and(|t| t.space_before);
                // "Mr. KITAMURA Shinji": a family name in capitals before the given name.
                let family_first = j == start && self.is_family_name_in_capitals(j);
                let not_name = !hyphenated
                    && !initial
                    && !family_first
                    && (self.is_not_name_word(j) || self.is_upper_acronym(j));
                if not_name {
                    if end > start {
                        break;
                    }
                    j += 1;
                    start = j;
                    end = j;
                    continue;
                }
                j += 1;
                // An initial: "J."
                if self.word(j - 1).chars().count() == 1
                    && j < self.tokens.len()
                    && self.word(j) == "."
                    && !self.tokens[j].space_before
                {
                    j += 1;
                }
                end = j;
                continue;
            }
            // "Benjamin “Benny” Gantz", "Benjamin (Ben) Sides": a nickname in quotation marks or
            // brackets between two words of a name is part of the run, not its end.
            if end > start
                && j + 3 < self.tokens.len()
                && matches!(self.word(j), "“" | "\"" | "(")
                && self.is_capitalised(j + 1)
                && matches!(self.word(j + 2), "”" | "\"" | ")")
                && self.is_capitalised(j + 3)
                && dictionary_at[j + 3].is_none()
                && !self.is_not_name_word(j + 3)
                && !self.tokens[j + 3].line_before
            {
                j += 3;
                continue;
            }
            // "Thomas-Greenfield", "Al-Aiban", "Jae-in".
            if end > start
                && self.word(j) == "-"
                && !self.tokens[j].space_before
                && j + 1 < self.tokens.len()
                && !self.tokens[j + 1].space_before
                && self.tokens[j + 1].kind == TokenKind::Word
            {
                j += 2;
                end = j;
                continue;
            }
            // "Ursula von der Leyen", "Charles de Gaulle".
            if end > start && NAME_PARTICLES.contains(&self.word(j)) {
                let mut next = j + 1;
                while next < self.tokens.len() && NAME_PARTICLES.contains(&self.word(next)) {
                    next += 1;
                }
                if next < self.tokens.len() && self.is_capitalised(next) {
                    j = next;
                    continue;
                }
                // "Osman el-Tayeb Hamdan", "Badr bin Hamad al-Busaidi".
                if next + 1 < self.tokens.len()
                    && self.word(next) == "-"
                    && !self.tokens[next].space_before
                    && !self.tokens[next + 1].space_before
                    && self.is_capitalised(next + 1)
                {
                    j = next + 1;
                    continue;
                }
            }
            break;
        }
        // "Under Secretary for Arms Control and International Security Margaret Ellison",
        // "Special Envoy for Climate John Kerry": the portfolio of the title before the name
        // is not part of it, and a run of portfolio words alone is no name.
        while start < end && self.is_portfolio_word(start) {
            start += 1;
        }
        // A single upper-case letter without a dot is not a name word.
        while start < end && self.word(start).chars().count() == 1 && self.word(start) != "I" {
            if start + 1 < end && self.word(start + 1) == "." {
                break;
            }
            start += 1;
        }
        (start < end).then_some(start..end)
    }

    /// Whether the capitalised word at `j`, which is also a one-word title or a place ("Amy
    /// Pope", "Margaret Hamburg"), is the surname of a given name written right after a title:
    /// title, one capitalised word, then this word with no punctuation between, and no name of
    /// its own after it ("Pope Francis", "Hamburg Port Authority" keep their meaning).
    fn ends_name_after_title(&self, j: usize) -> bool {
        if j < 2 || j + 1 > self.tokens.len() {
            return false;
        }
        let given = j - 1;
        let word_only = |k: usize| {
            self.tokens[k].kind == TokenKind::Word
                && self.tokens[k].space_before
                && !self.tokens[k].line_before
        };
        // The cheap tests first: this runs for every place of one word.
        if !(self.is_capitalised(j) && word_only(j) && word_only(given)) {
            return false;
        }
        let name_follows = self.tokens.get(j + 1).is_some_and(|t| {
            t.kind == TokenKind::Word && !t.line_before && self.is_capitalised(j + 1)
        });
        let title_before = self
            .title_at(given - 1)
            .is_some_and(|(range, _)| range.end == given);
        if name_follows || !title_before {
            return false;
        }
        let one_word_title = self
            .phrase(j)
            .is_none_or(|p| p.tokens == (j..j + 1) || !matches!(p.target, PhraseTarget::Title(_)));
        one_word_title
            && self.is_capitalised(given)
            && self.word(given).chars().count() > 1
            && !self.phrase_is_title(given)
            && !self.is_upper_acronym(given)
            && !self.is_not_name_word(given)
    }

    /// Whether the word at `j` is a family name written in capitals before a given name in
    /// title case, right after an honorific, as some foreign ministries write names ("Mr.
    /// KITAMURA Shinji", "Ms. KAMIKAWA Yoko"): not an acronym.
    fn is_family_name_in_capitals(&self, j: usize) -> bool {
        let word = self.word(j);
        let next = j + 1;
        j > 0
            && next < self.tokens.len()
            && word.chars().count() >= 3
            && word.chars().all(|c| c.is_alphabetic() && c.is_uppercase())
            && self.title_at(j - 1).is_some_and(|(range, t)| {
                range.end == j && self.lexicon.titles[t].kind == "honorific"
            })
            && self.tokens[next].space_before
            && !self.tokens[next].line_before
            && self.is_capitalised(next)
            && !self.is_upper_acronym(next)
            && !self.is_not_name_word(next)
            && !self.phrase_is_title(next)
    }

    /// "Raimonds Bērziņš of Latvia": the word "of" and a state's name right after a name,
    /// the state ending the phrase (not "Bank of Latvia Governor").
    fn state_follows_of(&self, end: usize) -> bool {
        if end + 1 >= self.tokens.len()
            || self.word(end) != "of"
            || self.tokens[end + 1].line_before
        {
            return false;
        }
        let Some(mention) = self.mention(end + 1) else {
            return false;
        };
        mention.tokens.start == end + 1
            && !mention.is_place
            && mention
                .actors
                .iter()
                .any(|&a| self.actor_kind(a) == ActorKind::State)
            && self.tokens.get(mention.tokens.end).is_none_or(|t| {
                t.kind != TokenKind::Word || !self.is_capitalised(mention.tokens.end)
            })
    }

    fn is_not_name_word(&self, i: usize) -> bool {
        self.lexicon.not_name_words.contains(self.word(i))
            || (self.is_capitalised(i) && self.is_misspelt_title_word(self.word(i)))
    }

    /// A title's word of eight letters or more written a letter wrong, over or short
    /// ("Prime Mininster Netanyahu", "Ecretary Blinken", "Secretar Blinken"): no name's word,
    /// so that the typo does not become a given name. A word that is itself a title's word is
    /// left to the titles.
    fn is_misspelt_title_word(&self, word: &str) -> bool {
        let length = word.chars().count();
        let words = &self.lexicon.title_words;
        if length < 7 || words.exact.contains(word) {
            return false;
        }
        let lower = word.to_lowercase();
        words
            .long_near(length, 1)
            .iter()
            .any(|(_, title_word)| one_edit_apart(title_word, &lower))
    }

    fn is_portfolio_word(&self, i: usize) -> bool {
        self.lexicon.portfolio_words.contains(self.lower(i))
    }

    /// Decides whether a run of capitalised words is a person, and records it.
    fn consider_person(&mut self, run: Range<usize>, title_people: &[TitlePerson]) {
        let surface =
            self.text[self.tokens[run.start].start..self.tokens[run.end - 1].end].to_string();
        let words = name_words_of(&surface);
        // A single word is a surname only right after its title ("Secretary Blinken"); a title
        // some words back over capitalised words ("Ranking Member of the Committee on Arts")
        // is evidence for a full name only.
        let title = self
            .title_before(run.start)
            .filter(|(range, _)| name_word_count(&words) >= 2 || range.end == run.start);
        let apposition_after = self.apposition_title_after(run.end);
        let mut apposition_before = self.apposition_title_before(run.start);
        // Honorifics between an office's title and the name ("Minister Dr. Fuad Hussein").
        let honorific_only = title
            .as_ref()
            .is_some_and(|(_, t)| self.lexicon.titles[*t].kind == "honorific");
        let mut title = title;
        if honorific_only || title.is_none() {
            match self.office_title_over_honorifics(run.start) {
                Some(Ok(found)) => title = Some(found),
                Some(Err(found)) if apposition_before.is_none() => {
                    apposition_before = Some(found);
                    if honorific_only {
                        title = None;
                    }
                }
                _ => {}
            }
        }
        let speech_after = self.speech_verb_follows(run.end);
        // The officeholder of the article's date these words name, with the title of the
        // office before them or in apposition.
        let office_title = title
            .clone()
            .or(apposition_before.clone())
            .or(apposition_after.clone());
        let (offices, qualifier) = self.title_context(office_title.as_ref(), run.clone());
        // Only a name of two words or more, or one after an office's title, can be looked up.
        let folded = if self.published.is_some()
            && (!offices.is_empty() || name_word_count(&words) >= 2)
            && (self.lexicon.officeholders().may_name(&words)
                || !offices.is_empty() && name_word_count(&words) == 1)
        {
            fold_words(&words)
        } else {
            Vec::new()
        };
        // A former holder, or a slip of a holder's name, only right after the title.
        let title_before = title.is_some();
        let holder = self
            .find_officeholder(&words, &folded, offices, qualifier, title_before)
            .or_else(|| {
                self.bare_surname_holder(&words, run.clone(), title.is_some(), speech_after)
            });
        // A person met before: by name, or as the same officeholder under another spelling;
        // not a namesake the dictionary knows as somebody else ("David Francis" is not "Pope
        // Francis").
        let known = match (self.find_person(&words), holder) {
            (Some(actor), Some(found)) if !self.may_be(actor, found) => {
                self.actor_of_officeholder(found)
            }
            (known, _) => known.or_else(|| holder.and_then(|f| self.actor_of_officeholder(f))),
        };
        // A surname with a title, misspelt, of a person the article names in full.
        let known = known.or_else(|| {
            let evidence =
                title.is_some() || apposition_before.is_some() || apposition_after.is_some();
            (evidence && holder.is_none() && name_word_count(&words) == 1)
                .then(|| words.iter().find(|w| !is_initial(w)))
                .flatten()
                .and_then(|w| self.misspelt_person(w))
        });
        let from_title = title_people
            .iter()
            .find(|p| words.len() >= 2 && p.words == lower_words(&words));
        let multiword = name_word_count(&words) >= 2;
        // "Getachew Reda signed for the TPLF.": a name opening a sentence before a verb.
        let subject_of_sentence = multiword
            && name_word_count(&words) <= 3
            && self.starts_sentence(run.start)
            && self.is_past_verb(run.end);
        // "Russia’s Sergei Lavrov": a state's possessive before a name.
        let state_possessive = multiword
            && name_word_count(&words) <= 3
            && run.start >= 2
            && self.tokens[run.start - 1].kind == TokenKind::Possessive
            && self.mention(run.start - 2).is_some_and(|m| {
                m.actors
                    .iter()
                    .any(|&a| self.actor_kind(a) == ActorKind::State)
            });
        // "her counterparts, Raimonds Bērziņš of Latvia and ...": a name and its state.
        // Not "the Farmers Union of Kenya".
        let after_article = run.start > 0 && self.lower(run.start - 1) == "the";
        let of_state = multiword
            && name_word_count(&words) <= 3
            && !after_article
            && self.state_follows_of(run.end);
        let is_person = known.is_some()
            || title.is_some()
            || holder.is_some()
            || (multiword && self.lexicon.officeholders().is_whole_name(&folded))
            || (multiword
                && (apposition_after.is_some()
                    || apposition_before.is_some()
                    || speech_after
                    || subject_of_sentence
                    || state_possessive
                    || of_state))
            || from_title.is_some();
        if !is_person || self.quoted[run.start] && title.is_none() && known.is_none() {
            if multiword && name_word_count(&words) <= 4 {
                self.unclaimed_names.push(run);
            }
            return;
        }
        let role_source = title.clone().or(apposition_before).or(apposition_after);
        let actor = match known {
            Some(actor) => {
                self.upgrade_person_name(actor, &words, &surface);
                actor
            }
            None => self.new_person(&words, &surface, title_people),
        };
        if let Some(found) = holder {
            self.attach_officeholder(actor, found);
        }
        if let Some((title_range, title_index)) = role_source {
            self.add_role(actor, title_range, title_index, run.clone());
        }
        if state_possessive && self.actors[actor.0].party.is_none() {
            let state = self
                .mention(run.start - 2)
                .and_then(|m| m.actors.first().copied());
            self.actors[actor.0].party = state;
        }
        // "Raimonds Bērziņš of Latvia": the state after "of" is the person's.
        if of_state && title.is_none() && self.actors[actor.0].party.is_none() {
            let state = self.mention(run.end + 1).and_then(|m| {
                m.actors
                    .iter()
                    .copied()
                    .find(|&a| self.actor_kind(a) == ActorKind::State)
            });
            self.actors[actor.0].party = state;
        }
        let how = if self.actors[actor.0].name_words.len() > lower_words(&words).len() {
            How::Surname
        } else {
            How::Name
        };
        self.push_mention(Mention {
            tokens: run,
            actors: vec![actor],
            place: None,
            how,
            is_place: false,
        });
    }

    /// A person the article names only by surname ("Mr. Schifrin", "MR SCHIFRIN:") takes the
    /// full name the article gives without other evidence ("Let's go to Nick Schifrin."), when
    /// exactly one such name ends with that surname; the full name becomes a mention of the
    /// person. A surname introduced after its full name is already found by `find_person`.
    fn complete_surnames(&mut self) {
        let mut added = false;
        for a in 0..self.actors.len() {
            let person = &self.actors[a];
            if person.actor.kind != ActorKind::Person
                || person.name_words.len() != 1
                || person.name_from_dictionary
            {
                continue;
            }
            let surname = person.name_words[0].clone();
            let runs: Vec<Range<usize>> = self
                .unclaimed_names
                .iter()
                .filter(|run| {
                    self.tokens[run.end - 1].kind == TokenKind::Word
                        && fold_word(self.lower(run.end - 1)) == surname
                })
                .cloned()
                .collect();
            // The title's names only when the body writes none: a title in title case runs
            // words into a name ("Sentencing of Canadian Citizen Michael Spavor").
            let names: Vec<Vec<String>> = if runs.is_empty() {
                self.unclaimed_title_names
                    .iter()
                    .filter(|words| words.last().is_some_and(|w| fold_word(w) == surname))
                    .cloned()
                    .collect()
            } else {
                runs.iter()
                    .map(|run| name_words_of(&self.text_of(run.clone())))
                    .collect()
            };
            let Some(words) = names.first() else { continue };
            // Two persons of the surname ("Michael Kovrig", "Anna Kovrig"): neither is sure.
            // "Ana Mora-Soto" and "Ana Mora Soto" are one.
            let key = name_key(words);
            if names.iter().any(|other| name_key(other) != key) {
                continue;
            }
            let words = words.clone();
            let surface = words.join(" ");
            self.upgrade_person_name(ActorRef(a), &words, &surface);
            for run in runs {
                self.push_mention(Mention {
                    tokens: run,
                    actors: vec![ActorRef(a)],
                    place: None,
                    how: How::Name,
                    is_place: false,
                });
                added = true;
            }
        }
        if added {
            self.resort_mentions();
        }
    }

    /// The title right before a name, and further left across an institution's name:
    /// "Director of the Office of the Foreign Affairs Commission Yang Jiechi".
    fn title_before(&self, start: usize) -> Option<(Range<usize>, usize)> {
        // A title at the end of the paragraph before ("Antony J. Blinken, Secretary of
        // State\n\nMohammed bin Abdulrahman Al-Thani") is not this name's.
        if start == 0 || self.tokens[start].line_before {
            return None;
        }
        if let Some(found) = self.title_at(start - 1) {
            return Some(found);
        }
        let mut k = start;
        let mut steps = 0;
        let mut crossed_person = false;
        while k > 0 && steps < 16 {
            k -= 1;
            steps += 1;
            if let Some(found) = self.title_at(k) {
                // "Foreign Minister Javad Zarif and Federica Mogherini": a title reaches over
                // another person's name only when it is plural ("Presidents Joe Biden and Xi
                // Jinping").
                let plural = self.word(found.0.end - 1).ends_with('s');
                return (!crossed_person || plural).then_some(found);
            }
            if self.mention(k).is_some_and(|m| {
                m.actors
                    .iter()
                    .any(|&x| self.actor_kind(x) == ActorKind::Person)
            }) {
                crossed_person = true;
            }
            let word = self.word(k);
            let allowed = self.is_capitalised(k)
                || matches!(
                    word,
                    "of" | "the" | "and" | "for" | "to" | "," | "-" | "’s" | "'s"
                )
                || self.tokens[k].kind == TokenKind::Possessive;
            if !allowed || self.tokens[k + 1].line_before {
                return None;
            }
        }
        None
    }

    /// "Foreign Minister Dr. Fuad Hussein", "the Minister for Foreign Affairs of Sweden, Ms. Ann
    /// Linde": the title of an office before the honorifics before a name, either against them
    /// (`Ok`) or set off by a comma after its complement (`Err`).
    fn office_title_over_honorifics(&self, start: usize) -> Option<Result<TitleSpan, TitleSpan>> {
        let is_office = |t: usize| {
            !matches!(
                self.lexicon.titles[t].kind.as_str(),
                "honorific" | "descriptor"
            )
        };
        let mut k = start;
        while k > 0
            && !self.tokens[k].line_before
            && let Some((range, t)) = self.title_at(k - 1)
            && range.end == k
            && !is_office(t)
        {
            k = range.start;
        }
        if k == start || k == 0 || self.tokens[k].line_before {
            return None;
        }
        if let Some((range, t)) = self.title_at(k - 1)
            && range.end == k
            && is_office(t)
        {
            return Some(Ok((range, t)));
        }
        if self.word(k - 1) != "," {
            return None;
        }
        // Back from the comma over the title's complement: "for Global Food Security",
        // "of Sweden".
        let comma = k - 1;
        let mut j = comma;
        let mut steps = 0;
        while j > 0 && steps < 8 {
            j -= 1;
            steps += 1;
            if self.tokens[j + 1].line_before {
                return None;
            }
            if let Some((range, t)) = self.title_at(j)
                && is_office(t)
            {
                let complement_opens =
                    range.end == comma || matches!(self.lower(range.end), "of" | "for" | "to");
                return complement_opens.then_some(Err((range, t)));
            }
            let word = self.word(j);
            if !(self.is_capitalised(j) || matches!(word, "of" | "for" | "the" | "and" | "to")) {
                return None;
            }
        }
        None
    }

    /// ", the secretary of Iran’s Supreme National Security Council," after a name.
    fn apposition_title_after(&self, end: usize) -> Option<(Range<usize>, usize)> {
        if end >= self.tokens.len() || self.word(end) != "," {
            return None;
        }
        let limit = (end + 14).min(self.tokens.len());
        for k in end + 1..limit {
            if let Some(found) = self.title_at(k) {
                return Some(found);
            }
            if matches!(self.word(k), "," | "." | ";" | ":") || self.tokens[k].line_before {
                return None;
            }
        }
        None
    }

    /// "the U.S. ambassador, Linda Thomas-Greenfield": a title, then a comma, then the name.
    fn apposition_title_before(&self, start: usize) -> Option<(Range<usize>, usize)> {
        if start < 2 || self.word(start - 1) != "," {
            return None;
        }
        self.title_at(start - 2)
    }

    /// A speech verb right after a name, or after an apposition set off by commas.
    fn speech_verb_follows(&self, end: usize) -> bool {
        let is_speech = |k: usize| {
            matches!(
                self.phrase(k).map(|p| p.target),
                Some(PhraseTarget::Speech(_))
            )
        };
        if end < self.tokens.len() && is_speech(end) {
            return true;
        }
        if end < self.tokens.len() && self.word(end) == "," {
            let limit = (end + 25).min(self.tokens.len());
            for k in end + 1..limit {
                if self.word(k) == "," {
                    return k + 1 < self.tokens.len() && is_speech(k + 1);
                }
                if matches!(self.word(k), "." | ";") {
                    return false;
                }
            }
        }
        false
    }

    /// A person of the article whose name contains these words.
    fn find_person(&self, words: &[String]) -> Option<ActorRef> {
        let lower = lower_words(words);
        let names: Vec<&String> = lower.iter().filter(|w| !is_initial(w)).collect();
        if names.is_empty() {
            return None;
        }
        // Whole-name match first, then a single word matching a last, then any, name word.
        // Every match shares a word: only the persons who have one are looked at, in the
        // order they were met.
        let mut candidates: Vec<usize> = names
            .iter()
            .filter_map(|w| self.persons_by_word.get(w.as_str()))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(u8, usize)> = None;
        for i in candidates {
            let person = &self.actors[i];
            let person_words = &person.name_words;
            let score = if names.iter().all(|w| person_words.contains(w))
                && names.len() == person_words.len()
            {
                3
            } else if names.len() == 1 && person_words.last() == Some(names[0]) {
                2
            } else if names.len() == 1 && person_words.contains(names[0]) {
                1
            } else if names.len() > 1
                && person_words.len() > 1
                && names.iter().all(|w| person_words.contains(w))
            {
                2
            } else if names.len() > person_words.len()
                && person_words.len() > 1
                && names.last() == person_words.last().as_ref()
                && person_words[..person_words.len() - 1]
                    .iter()
                    .all(|w| NAME_PARTICLES.contains(&w.as_str()))
            {
                // "Maarten van der Linden" after "Van der Linden said"
                2
            } else if names.len() > 1
                && person_words.len() == 1
                && names.last() == person_words.first().as_ref()
            {
                // "Antony Blinken" after "Secretary Blinken"
                2
            } else {
                0
            };
            if score > 0 && best.is_none_or(|(s, _)| score > s) {
                best = Some((score, i));
            }
        }
        best.map(|(_, i)| ActorRef(i))
    }

    /// The one person of the article with a family name a slip away from this surname
    /// ("Ambassador Khalizad" beside Zalmay Khalilzad, "MR BLINKNEN:"): a letter or two
    /// changed, added or dropped, by the surname's length (`may_misspell`). The given name of
    /// a full name is never compared; a person known by surname alone is compared by it.
    fn misspelt_person(&self, surname: &str) -> Option<ActorRef> {
        let surname = fold_word(surname);
        if misspelling_limit(&surname) == 0 {
            return None;
        }
        let mut found: Option<usize> = None;
        for (i, person) in self.actors.iter().enumerate() {
            if person.actor.kind != ActorKind::Person || person.name_words.is_empty() {
                continue;
            }
            // Not the given name of a full name; a surname-only person's one word.
            let skip = usize::from(person.name_words.len() >= 2);
            let close = person.name_words[skip..]
                .iter()
                .any(|w| may_misspell(&surname, w));
            if close {
                if found.is_some() {
                    return None;
                }
                found = Some(i);
            }
        }
        found.map(ActorRef)
    }

    fn new_person(
        &mut self,
        words: &[String],
        surface: &str,
        title_people: &[TitlePerson],
    ) -> ActorRef {
        let mut name = canonical_person_name(words);
        let mut name_words = lower_words(words)
            .into_iter()
            .filter(|w| !is_initial(w))
            .collect::<Vec<_>>();
        // A surname alone takes the full name the article's title gives ("FOREIGN MINISTER
        // SOLANO" is Rodolfo Solano Quirós), as does a surname with its particles ("Mr von der
        // Mühll").
        let particles_and_surname = name_words.len() > 1
            && name_words[..name_words.len() - 1]
                .iter()
                .all(|w| NAME_PARTICLES.contains(&w.as_str()));
        let full = title_people.iter().find(|p| {
            (name_words.len() == 1 && p.words.contains(&name_words[0]))
                || (particles_and_surname
                    && p.words.len() > name_words.len()
                    && p.words.ends_with(&name_words))
        });
        if let Some(full) = full {
            name = full.name.clone();
            name_words = full.words.clone();
        }
        let mut actor = Actor::new(ActorKind::Person, name.clone());
        if surface != name {
            actor.aliases.push(surface.to_string());
        }
        let index = self.actors.len();
        for word in &name_words {
            self.persons_by_word
                .entry(word.clone())
                .or_default()
                .push(index);
        }
        self.actors.push(ArticleActor {
            actor,
            entity: None,
            name_words,
            title_words: Vec::new(),
            party: None,
            officeholder: None,
            name_from_dictionary: false,
        });
        ActorRef(index)
    }

    /// A fuller name for a person first met by surname ("Secretary Blinken", then "Antony J.
    /// Blinken") becomes the canonical one.
    fn upgrade_person_name(&mut self, actor: ActorRef, words: &[String], surface: &str) {
        let new_words: Vec<String> = lower_words(words)
            .into_iter()
            .filter(|w| !is_initial(w))
            .collect();
        for word in &new_words {
            let persons = self.persons_by_word.entry(word.clone()).or_default();
            if !persons.contains(&actor.0) {
                persons.push(actor.0);
            }
        }
        let person = &mut self.actors[actor.0];
        let replaces_dictionary = person.name_from_dictionary && new_words.len() >= 2;
        if new_words.len() > person.name_words.len() || replaces_dictionary {
            person.name_from_dictionary = false;
            let old = std::mem::replace(&mut person.actor.name, canonical_person_name(words));
            if !person.actor.aliases.contains(&old) {
                person.actor.aliases.push(old);
            }
            person.name_words = new_words;
        }
        if surface != person.actor.name && !person.actor.aliases.iter().any(|a| a == surface) {
            person.actor.aliases.push(surface.to_string());
        }
    }

    /// The state or organisation written with a title: before it ("Russian", "NATO",
    /// "Ukraine’s"), up to four tokens back and within the clause, or after it ("of the
    /// United Nations", "of Finland"). The flag says it is written right against the title
    /// ("Russian Foreign Minister", "Ukraine’s President", "President of Finland"), which
    /// makes it the office's own rather than a state the sentence mentions.
    fn written_affiliation(
        &self,
        title: Range<usize>,
        name: Range<usize>,
    ) -> Option<(ActorRef, bool)> {
        let mut affiliation = None;
        // Against the title: "Russian Foreign Minister", "Ukraine’s Foreign Minister", or
        // right after it, "President of Finland".
        let adjacent = |end: usize| {
            end == title.start
                || (end + 1 == title.start && self.tokens[end].kind == TokenKind::Possessive)
        };
        // Before the title: up to four tokens back, stopping at a sentence or clause break.
        let mut k = title.start;
        let mut steps = 0;
        while k > 0 && steps < 5 {
            k -= 1;
            steps += 1;
            // A dateline ("NUSA DUA, Indonesia — President Joe Biden") is not the office's state.
            let in_dateline = self
                .dateline
                .as_ref()
                .is_some_and(|(range, _)| range.contains(&k));
            if matches!(self.word(k), "," | "." | ";" | ":" | "—" | "–" | "-")
                || self.tokens[k + 1].line_before
                || in_dateline
            {
                break;
            }
            if let Some(m) = self.mention(k)
                && let Some(&actor) = m.actors.first()
                && self.actors[actor.0].actor.kind != ActorKind::Person
            {
                affiliation = Some((actor, adjacent(m.tokens.end)));
                break;
            }
        }
        // After the title: "of the United Nations", "of Finland", "to the United Nations".
        if affiliation.is_none() {
            let after = if title.end == name.start {
                name.end
            } else {
                title.end
            };
            let limit = (after + 4).min(self.tokens.len());
            let mut k = if title.end < name.start {
                title.end
            } else {
                after
            };
            if k < self.tokens.len() && matches!(self.word(k), "of" | "for") {
                while k < limit {
                    if let Some(m) = self.mention(k)
                        && let Some(&actor) = m.actors.first()
                        && self.actors[actor.0].actor.kind != ActorKind::Person
                    {
                        affiliation = Some((actor, true));
                        break;
                    }
                    k += 1;
                }
            }
        }
        affiliation
    }

    /// The offices a title names and the state or organisation written with it, with whether
    /// it is written against the title. Honorifics ("Mr.") and descriptors ("politician")
    /// name no office.
    fn title_context(
        &self,
        title: Option<&(Range<usize>, usize)>,
        name: Range<usize>,
    ) -> (&'a [Office], Option<(Entity, bool)>) {
        let lexicon: &'a Lexicon = self.lexicon;
        let Some((range, index)) = title else {
            return (&[], None);
        };
        let entry = &lexicon.titles[*index];
        if matches!(entry.kind.as_str(), "honorific" | "descriptor") {
            return (&[], None);
        }
        let written = self
            .written_affiliation(range.clone(), name)
            .and_then(|(actor, adjacent)| Some((self.actors[actor.0].entity?, adjacent)));
        // A title's own state ("Secretary of State": the United States) is the usual one, not
        // the only one.
        let qualifier = written.or(entry.affiliation.map(|entity| (entity, false)));
        (&entry.offices, qualifier)
    }

    /// The officeholder of the article's date that a name refers to, as written (`words`),
    /// with the offices its title names (none: no title of an office) and the state or
    /// organisation written with the title. A part of a name ("Biden", "Lavrov") needs the
    /// title of the office; a whole name, or a first and last name, needs no title but must
    /// fit the title's office when one is given. A state written against the title must be
    /// the office's; one further off is a state the sentence mentions, tried first and then
    /// passed over. Right after the title (`title_before`), a surname may also name a former
    /// holder of the office, or be a slip for a holder's.
    fn find_officeholder(
        &self,
        words: &[String],
        folded: &[String],
        offices: &[Office],
        qualifier: Option<(Entity, bool)>,
        title_before: bool,
    ) -> Option<Found> {
        let date = self.published?;
        let holders = self.lexicon.officeholders();
        if holders.is_empty() {
            return None;
        }
        let multiword = name_word_count(words) >= 2;
        if offices.is_empty() && !multiword {
            return None;
        }
        let lookup = |within: Option<Entity>| {
            holders.named_folded(folded, date, offices, |entity| {
                within.is_none_or(|q| self.lexicon.same_or_part(q, entity))
            })
        };
        let found = match qualifier {
            Some((entity, true)) => lookup(Some(entity)),
            Some((entity, false)) => lookup(Some(entity)).or_else(|| lookup(None)),
            None => lookup(None),
        };
        // A title and a surname nobody in that office has on the date: a former holder of
        // the office ("President Truman"), within the state written or implied by the title
        // when there is one; else a surname a slip away from a holder's ("Prime Minister
        // Modhi").
        let found = found.or_else(|| {
            let [surname] = folded else { return None };
            if multiword || offices.is_empty() || !title_before {
                return None;
            }
            let within = |entity: Entity| {
                qualifier.is_none_or(|(q, _)| self.lexicon.same_or_part(q, entity))
            };
            holders
                .former_named(surname, date, offices, within)
                .or_else(|| holders.misspelt(surname, date, offices, within))
        })?;
        // Without an office's title, a name that is only a part of the person's is a first
        // and last name at least ("Gustavo Petro"), never one word.
        (found.whole || multiword || !offices.is_empty()).then_some(found)
    }

    /// "Erdogan told reporters", "Scholz met Macron": a surname alone, without a title, as the
    /// subject of a verb of speech or of a verb in the past, names the one officeholder of the
    /// article's date the dictionary knows by it (and whom the article does not name otherwise).
    fn bare_surname_holder(
        &self,
        words: &[String],
        run: Range<usize>,
        titled: bool,
        speech_after: bool,
    ) -> Option<Found> {
        let date = self.published?;
        if titled || name_word_count(words) != 1 || self.quoted[run.start] {
            return None;
        }
        let holders = self.lexicon.officeholders();
        if !holders.may_name(words) {
            return None;
        }
        let end = run.end;
        let subject = speech_after
            || (end < self.tokens.len() && self.is_past_verb(end))
            || (end + 2 < self.tokens.len()
                && self.word(end) == "and"
                && self.is_capitalised(end + 1)
                && self.is_past_verb(end + 2));
        if !subject || self.find_person(words).is_some() {
            return None;
        }
        holders
            .named_folded(&fold_words(words), date, &[], |_| true)
            .filter(|found| holders.in_office(found.row, date))
    }

    /// Whether an article's person may be this officeholder: the one already found to be
    /// them, or one named by a part of a name, or by a whole name the dictionary gives no other
    /// officeholder of the day.
    fn may_be(&self, actor: ActorRef, found: Found) -> bool {
        let holders = self.lexicon.officeholders();
        let person = holders.row(found.row).person;
        let entry = &self.actors[actor.0];
        if let Some(own) = entry.officeholder {
            return holders.row(own.row).person == person;
        }
        if entry.name_words.len() <= 1 {
            return true;
        }
        let Some(date) = self.published else {
            return true;
        };
        // "First Lady Jill Biden ... President Biden": a given name the officeholder of the
        // day does not have. (A former holder is only a guess from a surname: the article's
        // person of that surname is more likely.)
        if holders.in_office(found.row, date)
            && !holders.given_name_fits(found.row, &fold_words(&entry.name_words))
        {
            return false;
        }
        match holders.named_folded(&fold_words(&entry.name_words), date, &[], |_| true) {
            Some(other) if other.whole => holders.row(other.row).person == person,
            _ => true,
        }
    }

    /// The article's person who is this officeholder, if any.
    fn actor_of_officeholder(&self, found: Found) -> Option<ActorRef> {
        let holders = self.lexicon.officeholders();
        let person = holders.row(found.row).person;
        self.actors
            .iter()
            .position(|a| {
                a.officeholder
                    .is_some_and(|f| holders.row(f.row).person == person)
            })
            .map(ActorRef)
    }

    /// Makes a person the officeholder found for them: the office's state or organisation is
    /// their party, before any the text suggested, and the state of each role they were given;
    /// a person named by a part of the name ("President Biden") takes the whole name.
    fn attach_officeholder(&mut self, person: ActorRef, found: Found) {
        if self.actors[person.0].officeholder.is_some() {
            return;
        }
        self.actors[person.0].officeholder = Some(found);
        let holder = self.lexicon.officeholders().row(found.row);
        if let Some(entity) = found.entity {
            let party = self.actor_for_entity(entity);
            let party = self.state_of(party);
            self.actors[person.0].party = Some(party);
        }
        for r in 0..self.actors[person.0].actor.roles.len() {
            let role = &self.actors[person.0].actor.roles[r];
            let offices = role
                .title
                .as_deref()
                .and_then(|title| {
                    self.lexicon
                        .titles
                        .iter()
                        .find(|t| t.title.eq_ignore_ascii_case(title))
                })
                .map(|t| t.offices.as_slice())
                .unwrap_or(&[]);
            if let Some(entity) = self.dictionary_affiliation(person, offices, role.affiliation) {
                let actor = self.actor_for_entity(entity);
                self.actors[person.0].actor.roles[r].affiliation = Some(actor);
            }
        }
        // "Biden" after "President": the whole name, the part an alias.
        if self.actors[person.0].name_words.len() == 1 && holder.name.split_whitespace().count() > 1
        {
            let words: Vec<String> = holder.name.split_whitespace().map(str::to_string).collect();
            let entry = &mut self.actors[person.0];
            let old = std::mem::replace(&mut entry.actor.name, holder.name.clone());
            if !entry.actor.aliases.contains(&old) {
                entry.actor.aliases.push(old);
            }
            entry.name_words = lower_words(&words)
                .into_iter()
                .filter(|w| !is_initial(w))
                .collect();
            entry.name_from_dictionary = true;
            for word in entry.name_words.clone() {
                let persons = self.persons_by_word.entry(word).or_default();
                if !persons.contains(&person.0) {
                    persons.push(person.0);
                }
            }
        }
    }

    /// The state or organisation a role of a known officeholder takes from the dictionary in
    /// place of the one the text gave (`written`, if any): always when the text gave none, in
    /// place of another state (a person holds one state's offices), and in place of an
    /// organisation when the role's title is the dictionary's office. `None`: keep the text's.
    fn dictionary_affiliation(
        &self,
        person: ActorRef,
        title_offices: &[Office],
        written: Option<ActorRef>,
    ) -> Option<Entity> {
        let found = self.actors[person.0].officeholder?;
        let entity = found.entity?;
        let office = self.lexicon.officeholders().row(found.row).office;
        let Some(written) = written else {
            return Some(entity);
        };
        let written_entity = self.actors[written.0].entity;
        if written_entity.is_some_and(|w| self.lexicon.same_or_part(w, entity)) {
            return None;
        }
        let both_states =
            self.actor_kind(written) == ActorKind::State && matches!(entity, Entity::State(_));
        (both_states || title_offices.contains(&office)).then_some(entity)
    }

    /// "the Russian foreign minister", "the French President", "the U.S. secretary of state":
    /// a state, then the title of an office, with no name after it. Gives the
    /// tokens, the office's holder on the article's date when the sources say who it was, and
    /// the title.
    fn described_officeholder(&self, i: usize, end: usize) -> Option<(Range<usize>, Found, usize)> {
        let date = self.published?;
        let mut k = i + 1;
        let mut qualifier: Option<Entity> = None;
        if k < end
            && let Some(m) = self.mention(k)
            && m.tokens.start == k
            && !m.is_place
            && let Some(&actor) = m.actors.first()
            && self.actor_kind(actor) != ActorKind::Person
        {
            qualifier = self.actors[actor.0].entity;
            k = m.tokens.end;
        }
        // A state's office ("the Russian foreign minister"): organisations' offices are
        // left to the names and titles the text gives.
        let entity = qualifier.filter(|q| matches!(q, Entity::State(_)))?;
        let (title, index) = self.title_at(k).filter(|(t, _)| t.start == k)?;
        if title.end > end {
            return None;
        }
        // Followed by a name, it is the name's title; followed by a possessive ("the Israeli
        // prime minister's office"), it is somebody else.
        if title.end < self.tokens.len()
            && (self.is_capitalised(title.end)
                || self.tokens[title.end].kind == TokenKind::Possessive)
        {
            return None;
        }
        let entry = &self.lexicon.titles[index];
        if entry.offices.is_empty() {
            return None;
        }
        let found = self
            .lexicon
            .officeholders()
            .holder(entity, &entry.offices, date)?;
        Some((i..title.end, found, index))
    }

    /// The article's person for an officeholder a description names: the one already found
    /// to be them, or named by their family name, or a new person under the dictionary's name.
    /// The description is a role of theirs.
    fn person_for_officeholder(
        &mut self,
        found: Found,
        tokens: Range<usize>,
        title_index: usize,
    ) -> ActorRef {
        let holder = self.lexicon.officeholders().row(found.row);
        let person = match self.actor_of_officeholder(found) {
            Some(person) => person,
            None => {
                let words: Vec<String> =
                    holder.name.split_whitespace().map(str::to_string).collect();
                let family = fold_words(&words).pop();
                let named = self.actors.iter().position(|a| {
                    a.actor.kind == ActorKind::Person
                        && a.officeholder.is_none()
                        && family.as_ref().is_some_and(|f| {
                            a.name_words
                                .last()
                                .is_some_and(|w| fold_words(&[w]).last() == Some(f))
                        })
                });
                let person = match named {
                    Some(p) => ActorRef(p),
                    None => {
                        let person = self.new_person(&words, &holder.name, &[]);
                        self.actors[person.0].name_from_dictionary = true;
                        person
                    }
                };
                self.attach_officeholder(person, found);
                person
            }
        };
        let title_start = self
            .phrase(tokens.end - 1)
            .map_or(tokens.start, |p| p.tokens.start);
        self.add_role(
            person,
            title_start..tokens.end,
            title_index,
            tokens.start..tokens.start,
        );
        person
    }

    /// Records a person's title and the state or organisation it belongs to: the words before
    /// the title ("Russian", "NATO", "Ukraine’s"), or after it ("of the United Nations"), or
    /// the title's own affiliation ("Secretary of State").
    fn add_role(
        &mut self,
        person: ActorRef,
        title: Range<usize>,
        title_index: usize,
        name: Range<usize>,
    ) {
        let title_text =
            self.text[self.tokens[title.start].start..self.tokens[title.end - 1].end].to_string();
        let title_entry = &self.lexicon.titles[title_index];
        if title_entry.kind == "honorific" {
            return;
        }
        let mut affiliation = self
            .written_affiliation(title.clone(), name.clone())
            .map(|(actor, _)| actor);
        if affiliation.is_none()
            && let Some(entity) = title_entry.affiliation
        {
            affiliation = Some(self.actor_for_entity(entity));
        }
        // A known officeholder's state comes from the dictionary, not from a state the
        // sentence names near the title.
        if let Some(entity) = self.dictionary_affiliation(person, &title_entry.offices, affiliation)
        {
            affiliation = Some(self.actor_for_entity(entity));
        }
        // A person of a national body (the Chinese Communist Party, the State Department)
        // speaks for its state.
        let party = affiliation.map(|org| self.state_of(org));
        let span = self.token_span(title.start.min(name.start)..title.end.max(name.end));
        let words: Vec<String> = title_text
            .to_lowercase()
            .replace('-', " ")
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let person_entry = &mut self.actors[person.0];
        if !person_entry.title_words.contains(&words) {
            person_entry.title_words.push(words);
        }
        if person_entry.party.is_none() {
            person_entry.party = party;
        }
        let descriptor = title_entry.kind == "descriptor";
        let role = Role {
            title: (!descriptor).then_some(title_text),
            affiliation,
            span,
        };
        let roles = &mut person_entry.actor.roles;
        if (role.title.is_some() || role.affiliation.is_some())
            && !roles
                .iter()
                .any(|r| r.title == role.title && r.affiliation == role.affiliation)
        {
            roles.push(role);
        }
    }

    /// The members of a joint body that the article names ("NATO-Russia Council": NATO and
    /// Russia) are actors of the article, whether or not it names them separately.
    fn add_implied_entities(&mut self) {
        let implied: Vec<Entity> = self
            .actors
            .iter()
            .filter_map(|a| match a.entity {
                Some(Entity::Organisation(o)) => Some(o),
                _ => None,
            })
            .flat_map(|o| self.lexicon.organisations[o].implies.clone())
            .collect();
        for entity in implied {
            self.actor_for_entity(entity);
        }
    }

    /// The state a national organisation belongs to (its one implied state), or the actor.
    fn state_of(&mut self, actor: ActorRef) -> ActorRef {
        let Some(Entity::Organisation(o)) = self.actors[actor.0].entity else {
            return actor;
        };
        match self.lexicon.organisations[o].implies.as_slice() {
            [state @ Entity::State(_)] => self.actor_for_entity(*state),
            _ => actor,
        }
    }

    /// Resolves each transcript label to a person: "SECRETARY BLINKEN" is the Blinken of the
    /// body or the title.
    fn resolve_turn_speakers(&mut self, title_people: &[TitlePerson]) {
        for t in 0..self.turns.len() {
            if self.turns[t].is_question {
                continue;
            }
            let label = self.turns[t].label.clone();
            let words: Vec<String> = label
                .clone()
                .filter(|&k| self.tokens[k].kind == TokenKind::Word)
                .map(|k| title_case(self.word(k)))
                .collect();
            // Drop title words from the front: what is left is the name.
            let joined = words.join(" ");
            let titles = self.lexicon.find_phrases(&joined);
            let mut name_start = 0;
            // The offices the last title of the label names ("SECRETARY BLINKEN").
            let mut offices: &[Office] = &[];
            for m in &titles {
                let title = m.targets.iter().find_map(|t| match t {
                    PhraseTarget::Title(i) => Some(*i),
                    _ => None,
                });
                if let Some(index) = title {
                    let end = joined[..m.end].split_whitespace().count();
                    if end >= name_start {
                        name_start = end;
                        offices = &self.lexicon.titles[index].offices;
                    }
                }
            }
            // "MODERATOR:", "PART ONE:": words that are never a name are no speaker.
            let name_words: Vec<String> = words[name_start.min(words.len())..]
                .iter()
                .filter(|w| {
                    !self.lexicon.not_name_words.contains(w.as_str())
                        && !self.is_misspelt_title_word(w)
                })
                .cloned()
                .collect();
            if name_words.is_empty() {
                self.turns[t].is_role = name_start == 0;
                continue;
            }
            let holder =
                self.find_officeholder(&name_words, &fold_words(&name_words), offices, None, true);
            let known = self
                .find_person(&name_words)
                .or_else(|| holder.and_then(|found| self.actor_of_officeholder(found)))
                .or_else(|| match (&name_words[..], holder) {
                    ([surname], None) => self.misspelt_person(surname),
                    _ => None,
                });
            // A single word with no title ("STAFF:", "GUEST:", "ERT:") is a role or an
            // outlet unless it names a person of the article or its title.
            let untitled_word = name_start == 0 && name_words.len() == 1;
            let in_title = title_people
                .iter()
                .any(|p| p.words.contains(&fold_word(&name_words[0])));
            if untitled_word && known.is_none() && !in_title {
                self.turns[t].is_role = true;
                continue;
            }
            let actor = match known {
                Some(actor) => actor,
                None => {
                    let surface = name_words.join(" ");
                    self.new_person(&name_words, &surface, title_people)
                }
            };
            let title_words: Vec<String> = words[..name_start.min(words.len())]
                .iter()
                .map(|w| w.to_lowercase())
                .collect();
            if !title_words.is_empty() && !self.actors[actor.0].title_words.contains(&title_words) {
                self.actors[actor.0].title_words.push(title_words);
            }
            if let Some(person) = title_people.iter().find(|p| {
                p.words
                    .iter()
                    .any(|w| name_words.iter().any(|n| fold_word(n) == *w))
            }) && self.actors[actor.0].party.is_none()
                && let Some(entity) = person.affiliation
            {
                let party = self.actor_for_entity(entity);
                self.actors[actor.0].party = Some(party);
            }
            if let Some(found) = holder {
                self.attach_officeholder(actor, found);
            }
            self.turns[t].speaker = Some(actor);
        }
    }

    /// "Ned Price, Department Spokesperson" as the first paragraph of a first-person press
    /// statement (not a transcript: those have turns).
    fn find_byline(&mut self) {
        if !self.turns.is_empty() || self.sentences.len() < 2 {
            return;
        }
        let first = &self.sentences[0];
        let range = first.tokens.clone();
        if self.sentences[1].paragraph == first.paragraph
            || self.word(range.end - 1) == "."
            || range.len() > 14
        {
            return;
        }
        let Some(comma) = range.clone().find(|&k| self.word(k) == ",") else {
            return;
        };
        let person = (range.start..comma)
            .find_map(|k| self.mention(k))
            .filter(|m| m.how != How::Pronoun)
            .and_then(|m| m.actors.first().copied())
            .filter(|&a| self.actor_kind(a) == ActorKind::Person);
        let Some(person) = person else { return };
        // The body after any dateline paragraphs speaks in the first person, or the byline
        // gives the speaker's office ("Ned Price, Department Spokesperson").
        let body_start = self.sentences[1].tokens.start;
        let office = (comma + 1..range.end).any(|k| self.title_at(k).is_some());
        let first_person = office
            || (body_start..self.tokens.len()).any(|k| {
                !self.quoted[k]
                    && matches!(
                        self.word(k),
                        "I" | "We" | "we" | "our" | "Our" | "my" | "My"
                    )
            });
        if first_person {
            self.byline = Some((person, body_start));
        }
    }

    /// Pronouns, role nouns, collective nouns and bare surnames, in text order.
    fn resolve_references(&mut self) {
        // The person each sentence is about: its first person mention outside quotations.
        let mut last_subject: Option<Vec<ActorRef>> = None;
        // The last subject of several persons, which a later "X and the Deputy Secretary"
        // may name again in part.
        let mut last_group: Option<Vec<ActorRef>> = None;
        let mut recent_persons: Vec<ActorRef> = Vec::new();
        for s in 0..self.sentences.len() {
            let range = self.sentences[s].tokens.clone();
            let main_start = self.main_clause_start(range.clone());
            let mut subject_this_sentence: Option<Vec<ActorRef>> = None;
            let mut i = range.start;
            while i < range.end {
                if let Some(turn) = self.turn_at(i).filter(|t| t.label.contains(&i)) {
                    if let Some(speaker) = turn.speaker {
                        last_subject = Some(vec![speaker]);
                        push_recent(&mut recent_persons, speaker);
                    }
                    i = turn.label.end;
                    continue;
                }
                if let Some(m) = self.mention_at[i] {
                    let mention = self.mentions[m].clone();
                    // "Malaysia's foreign minister said": the minister is a person.
                    let possessive = mention.tokens.end;
                    if !mention.is_place
                        && possessive < range.end
                        && self.tokens[possessive].kind == TokenKind::Possessive
                        && let [state] = mention.actors.as_slice()
                        && self.actor_kind(*state) == ActorKind::State
                        && let Some((title, person)) =
                            self.possessive_title(*state, possessive + 1, &recent_persons)
                    {
                        push_recent(&mut recent_persons, person);
                        if i >= main_start && subject_this_sentence.is_none() {
                            subject_this_sentence = Some(vec![person]);
                        }
                        let end = title.end;
                        self.push_mention(Mention {
                            tokens: title,
                            actors: vec![person],
                            place: None,
                            how: How::RoleNoun,
                            is_place: false,
                        });
                        i = end;
                        continue;
                    }
                    for &actor in &mention.actors {
                        if self.actor_kind(actor) == ActorKind::Person {
                            push_recent(&mut recent_persons, actor);
                        }
                    }
                    if !self.quoted[i]
                        && i >= main_start
                        && subject_this_sentence.is_none()
                        && mention
                            .actors
                            .iter()
                            .any(|&a| self.actor_kind(a) == ActorKind::Person)
                    {
                        let mut subject = mention.actors.clone();
                        // "Blinken and Stoltenberg reiterated": both are the subject; so are
                        // "Cho Hyundong, U.S. Deputy Secretary of State Wendy Sherman, and Japan
                        // Vice Foreign Minister Mori Takeo", past each one's state and title.
                        let mut next = mention.tokens.end;
                        while next < range.end
                            && (self.word(next) == "and" || self.word(next) == ",")
                        {
                            match self.person_after_conjunction(next, range.end) {
                                Some((persons, end)) => {
                                    subject.extend(persons);
                                    next = end;
                                }
                                None => break,
                            }
                        }
                        subject_this_sentence =
                            Some(self.group_named_in_part(subject, i, main_start, &last_group));
                    }
                    i = mention.tokens.end;
                    continue;
                }
                let quoted = self.quoted[i];
                let word = self.lower(i);
                let mut resolved: Option<(Range<usize>, Vec<ActorRef>, How)> = match word {
                    // "urging him to": an object pronoun is somebody other than the subject.
                    "him" if !quoted => {
                        let subject = subject_this_sentence.clone().unwrap_or_default();
                        recent_persons
                            .iter()
                            .rev()
                            .find(|p| !subject.contains(p))
                            .map(|&p| (i..i + 1, vec![p], How::Pronoun))
                    }
                    "he" | "she" | "his" | "her" if !quoted => {
                        let antecedent = subject_this_sentence
                            .clone()
                            .filter(|v| v.len() == 1)
                            .or_else(|| last_subject.clone().filter(|v| v.len() == 1))
                            .or_else(|| recent_persons.last().map(|&p| vec![p]));
                        antecedent.map(|a| (i..i + 1, a, How::Pronoun))
                    }
                    "they" | "their" if !quoted => {
                        let antecedent = subject_this_sentence
                            .clone()
                            .filter(|v| v.len() > 1)
                            .or_else(|| last_subject.clone().filter(|v| v.len() > 1));
                        antecedent.map(|a| (i..i + 1, a, How::Pronoun))
                    }
                    "the" | "both" | "all" if !quoted => self
                        .role_noun(i, range.end, &recent_persons)
                        .or_else(|| self.government_of(i)),
                    _ if !quoted => self.collective(i),
                    _ => None,
                };
                // "the Russian foreign minister" nobody named before: the holder of the office
                // on the article's date.
                let article = word == "the";
                if resolved.is_none()
                    && !quoted
                    && article
                    && let Some((tokens, found, title)) = self.described_officeholder(i, range.end)
                {
                    let person = self.person_for_officeholder(found, tokens.clone(), title);
                    push_recent(&mut recent_persons, person);
                    resolved = Some((tokens, vec![person], How::RoleNoun));
                }
                if let Some((tokens, actors, how)) = resolved {
                    let nominative = matches!(
                        self.lower(i),
                        "he" | "she" | "they" | "the" | "both" | "all"
                    );
                    if nominative
                        && i >= main_start
                        && subject_this_sentence.is_none()
                        && !actors.is_empty()
                        && actors
                            .iter()
                            .all(|&a| self.actor_kind(a) == ActorKind::Person)
                    {
                        subject_this_sentence = Some(self.group_named_in_part(
                            actors.clone(),
                            i,
                            main_start,
                            &last_group,
                        ));
                    }
                    let end = tokens.end;
                    self.push_mention(Mention {
                        tokens,
                        actors,
                        place: None,
                        how,
                        is_place: false,
                    });
                    i = end;
                    continue;
                }
                i += 1;
            }
            // A sentence about somebody else ("The senior officials discussed ...") ends the
            // run of sentences a plural "they" can refer back to.
            if let Some(subject) = subject_this_sentence.as_ref().filter(|s| s.len() > 1) {
                last_group = Some(subject.clone());
            }
            match subject_this_sentence {
                Some(subject) => last_subject = Some(subject),
                None => {
                    if last_subject.as_ref().is_some_and(|s| s.len() > 1) {
                        last_subject = None;
                    }
                }
            }
        }
        self.resort_mentions();
    }

    /// The persons of the conjunct after the "and" or comma at `joiner`, past a state and a
    /// title before the name ("and Japan Vice Foreign Minister Mori Takeo"), with the token
    /// after them; `None` when the conjunct names no person first.
    fn person_after_conjunction(
        &self,
        joiner: usize,
        end: usize,
    ) -> Option<(Vec<ActorRef>, usize)> {
        let mut j = joiner + 1;
        if self.word(joiner) == "," && j < end && self.lower(j) == "and" {
            j += 1;
        }
        let limit = (j + 10).min(end);
        while j < limit {
            if let Some(m) = self.mention(j).filter(|m| m.tokens.start == j) {
                if !m.actors.is_empty()
                    && m.actors
                        .iter()
                        .all(|&a| self.actor_kind(a) == ActorKind::Person)
                {
                    return Some((m.actors.clone(), m.tokens.end));
                }
                // "U.S.", "Japan" before the title.
                if m.is_place || m.actors.is_empty() {
                    return None;
                }
                j = m.tokens.end;
                continue;
            }
            match self.title_at(j).filter(|(t, _)| t.start == j) {
                Some((title, _)) => j = title.end,
                None => return None,
            }
        }
        None
    }

    /// "The Vice Foreign Ministers and the Deputy Secretary condemned": a subject of which only
    /// the last conjunct resolved, after a group of persons that includes it, is that group.
    fn group_named_in_part(
        &self,
        subject: Vec<ActorRef>,
        at: usize,
        main_start: usize,
        last_group: &Option<Vec<ActorRef>>,
    ) -> Vec<ActorRef> {
        let after_unresolved_conjunct = at > main_start + 1
            && self.lower(at - 1) == "and"
            && (main_start..at - 1).all(|k| self.mention(k).is_none() && !self.quoted[k]);
        match last_group {
            Some(group)
                if after_unresolved_conjunct && subject.iter().all(|p| group.contains(p)) =>
            {
                group.clone()
            }
            _ => subject,
        }
    }

    /// "the secretary-general", "The Deputy Secretary", "the U.S. president", "the general":
    /// the person last named with a matching title. "the two leaders", "both sides": the
    /// persons last named.
    fn role_noun(
        &self,
        i: usize,
        end: usize,
        recent: &[ActorRef],
    ) -> Option<(Range<usize>, Vec<ActorRef>, How)> {
        let mut k = i + 1;
        // An optional state or demonym: "the U.S. president", "the Chinese side".
        let mut qualifier: Option<ActorRef> = None;
        if k < end
            && let Some(m) = self.mention(k)
            && m.tokens.start == k
            && let Some(&actor) = m.actors.first()
            && self.actor_kind(actor) != ActorKind::Person
        {
            qualifier = Some(actor);
            k = m.tokens.end;
        }
        if k >= end {
            return None;
        }
        // "the Chinese side", "the Russian side": the state.
        if let Some(state) = qualifier
            && self.lower(k) == "side"
        {
            return Some((i..k + 1, vec![state], How::Collective));
        }
        if let Some((title, title_index)) = self.title_at(k)
            && title.start == k
        {
            // Followed by a name, it is a title, not a role noun.
            if title.end < self.tokens.len()
                && self.is_capitalised(title.end)
                && self.mention(title.end).is_some_and(|m| {
                    m.actors
                        .iter()
                        .any(|&a| self.actor_kind(a) == ActorKind::Person)
                })
            {
                return None;
            }
            let words: Vec<String> = self.text
                [self.tokens[title.start].start..self.tokens[title.end - 1].end]
                .to_lowercase()
                .replace('-', " ")
                .split_whitespace()
                .map(str::to_string)
                .collect();
            let fits = |p: ActorRef| {
                let entry = &self.actors[p.0];
                let title_fits = entry
                    .title_words
                    .iter()
                    .any(|t| t.starts_with(&words) || t.ends_with(&words));
                let party_fits = qualifier.is_none_or(|q| entry.party == Some(q));
                title_fits && party_fits
            };
            // "Raimonds Bērziņš of Latvia ... The Latvian minister said": with the state given,
            // the person of that state last named whose title the text never said.
            let untitled_of_state = |p: ActorRef| {
                let entry = &self.actors[p.0];
                qualifier.is_some() && entry.title_words.is_empty() && entry.party == qualifier
            };
            // "the European Union Special Representative, Henrik Aalto, ... the EU envoy":
            // with the state or body given, its person last named under a title of the same
            // kind (two diplomats' titles, two ministers').
            let noun_kind = self.lexicon.titles[title_index].kind.as_str();
            let kind_of = |words: &[String]| {
                self.lexicon
                    .titles
                    .iter()
                    .find(|t| lower_words(&name_words_of(&t.title)) == words)
                    .map(|t| t.kind.as_str())
            };
            let same_kind_of_state = |p: ActorRef| {
                let entry = &self.actors[p.0];
                qualifier.is_some()
                    && entry.party == qualifier
                    && !matches!(noun_kind, "honorific" | "descriptor")
                    && entry
                        .title_words
                        .iter()
                        .any(|t| kind_of(t) == Some(noun_kind))
            };
            let person = recent
                .iter()
                .rev()
                .copied()
                .find(|&p| fits(p))
                .or_else(|| recent.iter().rev().copied().find(|&p| untitled_of_state(p)))
                .or_else(|| {
                    recent
                        .iter()
                        .rev()
                        .copied()
                        .find(|&p| same_kind_of_state(p))
                })
                .or_else(|| self.introduced_by_title(title.clone(), i));
            // "Both ministers" fits no one title: it may still count the persons last named.
            if let Some(person) = person {
                return Some((i..title.end, vec![person], How::RoleNoun));
            }
        }
        // "the group": the persons named in the sentences just before.
        if self.lower(k) == "group" && qualifier.is_none() {
            let persons = self.persons_before(i, 6);
            if persons.len() >= 2 {
                return Some((i..k + 1, persons, How::Collective));
            }
        }
        // "the two leaders", "both leaders", "the leaders", "the two sides".
        let mut j = k;
        if j < end && matches!(self.lower(j), "two" | "three" | "four") {
            j += 1;
        }
        let counted = j > k || self.lower(i) == "both";
        // "The two had spoken five times": the two persons last named.
        let bare_two = j > k
            && j < end
            && !COLLECTIVE_NOUNS.contains(&self.lower(j))
            && matches!(
                self.lower(j),
                "had"
                    | "have"
                    | "were"
                    | "met"
                    | "spoke"
                    | "said"
                    | "agreed"
                    | "discussed"
                    | "will"
                    | "would"
                    | "also"
                    | "held"
                    | "signed"
            );
        if bare_two {
            let mut persons: Vec<ActorRef> = Vec::new();
            for &p in recent.iter().rev() {
                if !persons.contains(&p) {
                    persons.push(p);
                }
                if persons.len() == 2 {
                    break;
                }
            }
            if persons.len() == 2 {
                persons.reverse();
                return Some((i..j, persons, How::Collective));
            }
        }
        // "the three governments", "the two countries", "the two sides": the states or
        // organisations last named, as many as the count says.
        // Only as a subject or object: "between the two countries" looks back over a whole
        // history of both, and the last states named are often not those two.
        let after_preposition = i > 0
            && matches!(
                self.lower(i - 1),
                "between" | "of" | "with" | "for" | "to" | "from" | "among" | "on" | "in"
            );
        if counted
            && !after_preposition
            && j < end
            && qualifier.is_none()
            && matches!(
                self.lower(j),
                "countries" | "governments" | "states" | "nations" | "sides" | "capitals"
            )
        {
            let count = match self.lower(k) {
                "three" => 3,
                "four" => 4,
                _ => 2,
            };
            // Countries and governments are states; sides may be organisations too.
            let states_only = self.lower(j) != "sides";
            let parties = self.parties_before(i, count, states_only);
            if parties.len() == count {
                return Some((i..j + 1, parties, How::Collective));
            }
        }
        if counted && j < end && COLLECTIVE_NOUNS.contains(&self.lower(j)) && qualifier.is_none() {
            let count = match self.lower(k) {
                "three" => 3,
                "four" => 4,
                _ => 2,
            };
            // "Moon urged the two leaders": not Moon.
            let subject = (self.sentences[self.sentence_of(i)].tokens.start..i)
                .find_map(|x| self.mention(x).filter(|m| m.how != How::Pronoun))
                .map(|m| m.actors.clone())
                .unwrap_or_default();
            let mut persons: Vec<ActorRef> = Vec::new();
            for &p in recent.iter().rev() {
                if !persons.contains(&p) && !subject.contains(&p) {
                    persons.push(p);
                }
                if persons.len() == count {
                    break;
                }
            }
            if persons.len() >= 2 {
                persons.reverse();
                return Some((i..j + 1, persons, How::Collective));
            }
        }
        None
    }

    /// "the Special Envoy of the President of Burundi, Ambassador Pierre-Claver Nduwayo, ...
    /// The Special Envoy briefed": the person set off by a comma after the same title used
    /// earlier as a description, when the person was introduced under another title.
    fn introduced_by_title(&self, title: Range<usize>, before: usize) -> Option<ActorRef> {
        let len = title.len();
        // One word ("the President") is too common a description to look for.
        if len < 2 {
            return None;
        }
        let same =
            |start: usize| (0..len).all(|d| self.lower(start + d) == self.lower(title.start + d));
        (0..before.saturating_sub(len)).find_map(|start| {
            if !same(start) || self.quoted[start] {
                return None;
            }
            // Up to the name only the title's complement ("of the President of the Republic of
            // Burundi", "for Mediation in Conflict Resolution"), honorifics ("HE Dr.") and a
            // comma, or a title of its own after the comma ("Ambassador").
            let sentence_end = self.sentences[self.sentence_of(start)].tokens.end;
            let mut k = start + len;
            let limit = (k + 20).min(sentence_end);
            let mut own_title = false;
            while k < limit && self.person_at(k).is_none() {
                let abbreviation_dot = self.word(k) == "."
                    && self.is_capitalised(k - 1)
                    && self.word(k - 1).chars().count() <= 3;
                if self.word(k) == "," {
                    if let Some((title, _)) = self.title_at(k + 1).filter(|(t, _)| t.start == k + 1)
                    {
                        k = title.end;
                        own_title = true;
                        break;
                    }
                } else if !matches!(self.lower(k), "of" | "for" | "to" | "the" | "and" | "in")
                    && !self.is_capitalised(k)
                    && !abbreviation_dot
                {
                    return None;
                }
                k += 1;
            }
            // "the Special Envoy of President Joe Biden": a name right after a title of the
            // complement is the complement's, not the holder's.
            let mut before = k;
            while before > start + len
                && (self.word(before - 1) == "."
                    || (self.is_capitalised(before - 1)
                        && self.word(before - 1).chars().count() <= 3))
            {
                before -= 1;
            }
            if !own_title
                && self.word(before - 1) != ","
                && self
                    .phrase(before - 1)
                    .is_some_and(|p| matches!(p.target, PhraseTarget::Title(_)))
            {
                return None;
            }
            self.person_at(k)
        })
    }

    /// The one person a mention starting at token `k` names.
    fn person_at(&self, k: usize) -> Option<ActorRef> {
        if k >= self.tokens.len() {
            return None;
        }
        let mention = self.mention(k).filter(|m| m.tokens.start == k)?;
        match mention.actors.as_slice() {
            [person] if self.actor_kind(*person) == ActorKind::Person => Some(*person),
            _ => None,
        }
    }

    /// "Malaysia's foreign minister said ..." with no name: the person with that title and
    /// state named before, else the one the next sentences name with that title ("Foreign
    /// Minister Azlan bin Ismail told reporters"). `None` when the title comes with a name of
    /// its own, or nobody fits.
    fn possessive_title(
        &self,
        state: ActorRef,
        at: usize,
        recent: &[ActorRef],
    ) -> Option<(Range<usize>, ActorRef)> {
        if at >= self.tokens.len() || self.quoted[at] {
            return None;
        }
        let (title, _) = self.title_at(at).filter(|(t, _)| t.start == at)?;
        if title.end < self.tokens.len()
            && (self.is_capitalised(title.end) || self.word(title.end) == ",")
        {
            return None;
        }
        let words: Vec<String> = self.text
            [self.tokens[title.start].start..self.tokens[title.end - 1].end]
            .to_lowercase()
            .replace('-', " ")
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let fits = |p: ActorRef, party_known: bool| {
            let entry = &self.actors[p.0];
            entry.title_words.iter().any(|t| t.ends_with(&words))
                && (entry.party == Some(state) || (!party_known && entry.party.is_none()))
        };
        if let Some(&person) = recent.iter().rev().find(|&&p| fits(p, true)) {
            return Some((title, person));
        }
        let sentence = self.sentence_of(at);
        let horizon = self.sentences[(sentence + 3).min(self.sentences.len() - 1)]
            .tokens
            .end;
        let later: Vec<ActorRef> = (title.end..horizon)
            .filter_map(|k| self.mention(k).filter(|m| m.tokens.start == k))
            .filter_map(|m| match m.actors.as_slice() {
                [p] if self.actor_kind(*p) == ActorKind::Person => Some(*p),
                _ => None,
            })
            .filter(|&p| fits(p, false))
            .collect();
        match later.as_slice() {
            [first, rest @ ..] if rest.iter().all(|p| p == first) => Some((title, *first)),
            _ => None,
        }
    }

    /// "the government", "the authorities", "the leadership": the state whose government the
    /// article named last ("the Ethiopian government ... the government had demanded").
    fn government_of(&self, i: usize) -> Option<(Range<usize>, Vec<ActorRef>, How)> {
        const BODIES: &[&str] = &["government", "authorities", "leadership", "regime"];
        let noun = self.lower(i + 1);
        if !BODIES.contains(&noun) {
            return None;
        }
        let state = (0..i).rev().find_map(|k| {
            let m = self.mention(k)?;
            if m.tokens.end != k + 1 || !BODIES.contains(&self.lower(k + 1)) {
                return None;
            }
            m.actors
                .iter()
                .copied()
                .find(|&x| self.actor_kind(x) == ActorKind::State)
        })?;
        Some((i..i + 2, vec![state], How::Collective))
    }

    /// The last `count` distinct states (and organisations, unless `states_only`) named in the three
    /// sentences before the one of token `i`, in the order named; fewer when the text names
    /// fewer.
    fn parties_before(&self, i: usize, count: usize, states_only: bool) -> Vec<ActorRef> {
        let sentence = self.sentence_of(i);
        let start = self.sentences[sentence.saturating_sub(3)].tokens.start;
        let own = self.sentences[sentence].tokens.start;
        let mut parties: Vec<ActorRef> = Vec::new();
        for k in (start..own.min(i)).rev() {
            let Some(m) = self.mention(k) else { continue };
            // "a summit in Singapore": a state after a locative is a place here.
            let locative = k > 0 && LOCATIVES.contains(&self.lower(k - 1));
            if m.tokens.start != k || m.is_place || m.how == How::Demonym || locative {
                continue;
            }
            for &actor in m.actors.iter().rev() {
                let kind = self.actor_kind(actor);
                let fits = if states_only {
                    kind == ActorKind::State
                } else {
                    kind != ActorKind::Person
                };
                if fits && !parties.contains(&actor) {
                    parties.push(actor);
                }
            }
            if parties.len() >= count {
                break;
            }
        }
        parties.truncate(count);
        parties.reverse();
        parties
    }

    /// The distinct persons mentioned in the sentence before token `i` (and the part of its own
    /// sentence before it), in order, at most `limit`.
    fn persons_before(&self, i: usize, limit: usize) -> Vec<ActorRef> {
        let sentence = self.sentence_of(i);
        let start = self.sentences[sentence.saturating_sub(1)].tokens.start;
        let mut persons = Vec::new();
        for k in start..i {
            if let Some(m) = self.mention(k)
                && m.tokens.start == k
            {
                for &actor in &m.actors {
                    if self.actor_kind(actor) == ActorKind::Person && !persons.contains(&actor) {
                        persons.push(actor);
                    }
                }
            }
        }
        persons.truncate(limit);
        persons
    }

    /// "allies", "the alliance" for NATO when the article names NATO.
    fn collective(&self, i: usize) -> Option<(Range<usize>, Vec<ActorRef>, How)> {
        let word = self.lower(i);
        if !matches!(word, "allies" | "alliance" | "allied") {
            return None;
        }
        // "the Glasgow Financial Alliance": the end of another name, not NATO.
        if i > 0
            && self.is_capitalised(i - 1)
            && !self.starts_sentence(i - 1)
            && self.lower(i - 1) != "the"
        {
            return None;
        }
        let nato = self.lexicon.entity("NATO")?;
        let actor = self.actor_of_entity(nato)?;
        Some((i..i + 1, vec![actor], How::Collective))
    }

    /// The state a national body belongs to ("State Department": United States), for a body
    /// that speaks for its state; `None` for any other actor.
    pub fn state_of_body(&self, actor: ActorRef) -> Option<ActorRef> {
        let Some(Entity::Organisation(o)) = self.actors[actor.0].entity else {
            return None;
        };
        match self.lexicon.organisations[o].implies.as_slice() {
            [state @ Entity::State(_)] => self.actor_of_entity(*state),
            _ => None,
        }
    }

    /// The state a place mention lies in ("the foreign ministry in Seoul"), when the article
    /// names that state as an actor too.
    pub fn state_of_place(&self, mention: &Mention) -> Option<ActorRef> {
        self.state_of_place_entry(mention.place?)
    }

    fn state_of_place_entry(&self, place: usize) -> Option<ActorRef> {
        let place = &self.lexicon.places[place];
        let iso3 = place.country.as_ref()?;
        let state = self.lexicon.states.iter().position(|s| &s.iso3 == iso3)?;
        self.actor_of_entity(Entity::State(state))
    }

    /// A light analysis of a short text (a title): names and persons only.
    fn names_only(text: &'a str, lexicon: &'a Lexicon) -> Analysis<'a> {
        let tokens = tokens::tokenize(text);
        let sentences = tokens::split_sentences(text, &tokens);
        let (lowered, lower_at) = lower_case(text, &tokens);
        let mut analysis = Analysis {
            text,
            lowered,
            lower_at,
            published: None,
            lexicon,
            mention_at: vec![None; tokens.len()],
            phrase_at: vec![None; tokens.len()],
            quoted: vec![false; tokens.len()],
            tokens,
            sentences,
            quotes: Vec::new(),
            mentions: Vec::new(),
            phrases: Vec::new(),
            dates: Vec::new(),
            actors: Vec::new(),
            turns: Vec::new(),
            byline: None,
            dateline: None,
            title_names_meeting: false,
            char_starts: Vec::new(),
            persons_by_word: HashMap::new(),
            entity_actors: HashMap::new(),
            unclaimed_names: Vec::new(),
            unclaimed_title_names: Vec::new(),
        };
        analysis.find_phrases();
        analysis.find_mentions(&[]);
        analysis
    }
}

/// How many recently named persons pronouns and role nouns look back over.
const RECENT_PERSONS: usize = 32;

#[cfg(test)]
mod tests {

    use crate::text::analysis::testing::*;

    use crate::extract::ActorKind;
    use crate::text::analysis::{Analysis, Mention};
    use crate::text::lexicon::Lexicon;

    use crate::text::analysis::one_edit_apart;

    #[test]
    fn an_office_s_title_reaches_its_holder_over_honorifics() {
        let analysis = analyse(
            "Blinken met Iraqi Foreign Minister Dr. Fuad Hussein. They were joined by the \
             Minister for Foreign Affairs of Sweden, Ms. Ann Linde, and the Special Envoy for \
             Global Food Security, Dr. Cary Fowler.",
        );
        let roles: Vec<(String, Option<String>)> = analysis
            .actors
            .iter()
            .filter(|a| a.actor.kind == ActorKind::Person && !a.actor.name.ends_with("Blinken"))
            .map(|a| {
                let role = a.actor.roles.first();
                (
                    format!(
                        "{}: {}",
                        a.actor.name,
                        role.and_then(|r| r.title.as_deref()).unwrap_or("")
                    ),
                    role.and_then(|r| r.affiliation)
                        .map(|x| analysis.actor_name(x).to_string()),
                )
            })
            .collect();
        assert_eq!(
            roles,
            [
                (
                    "Fuad Hussein: Foreign Minister".to_string(),
                    Some("Iraq".to_string())
                ),
                (
                    "Ann Linde: Minister for Foreign Affairs".to_string(),
                    Some("Sweden".to_string())
                ),
                ("Cary Fowler: Special Envoy".to_string(), None),
            ]
        );
    }

    #[test]
    fn a_namesake_with_another_given_name_is_not_the_officeholder_of_the_day() {
        let analysis = analyse(
            "First Lady Jill Biden opened the exhibition. President Biden spoke with the Prime \
             Minister of Italy on Tuesday.",
        );
        let names: Vec<(String, Vec<String>)> = mentions(&analysis)
            .into_iter()
            .filter(|(surface, _)| surface.contains("Biden"))
            .collect();
        assert_eq!(
            names,
            [
                ("Jill Biden".to_string(), vec!["Jill Biden".to_string()]),
                ("Biden".to_string(), vec!["Joe Biden".to_string()]),
            ]
        );
    }

    #[test]
    fn bodies_the_dictionaries_do_not_list_are_found_by_their_head_noun() {
        let analysis = analyse(
            "Sudan's army left talks with the paramilitary Northern Shield Forces (NSF). The NSF \
             blamed the Sudanese Armed Forces, and the Steering Committee met in Jeddah. The \
             National Migration Institute said 40 people returned.",
        );
        let bodies: Vec<(String, ActorKind, Vec<String>)> = analysis
            .actors
            .iter()
            .filter(|a| a.entity.is_none() && a.actor.kind != ActorKind::Person)
            .map(|a| (a.actor.name.clone(), a.actor.kind, a.actor.aliases.clone()))
            .collect();
        assert_eq!(
            bodies,
            [
                (
                    "Northern Shield Forces".to_string(),
                    ActorKind::Group,
                    vec!["NSF".to_string()]
                ),
                (
                    "National Migration Institute".to_string(),
                    ActorKind::Organisation,
                    vec![]
                ),
            ]
        );
        let rsf = mentions(&analysis)
            .into_iter()
            .filter(|(_, names)| names == &["Northern Shield Forces".to_string()])
            .count();
        assert_eq!(
            rsf, 3,
            "the name, the abbreviation in brackets, the abbreviation again"
        );
    }

    #[test]
    fn a_bare_surname_before_a_verb_is_the_officeholder_of_the_day() {
        // Published on 12 January 2022.
        let analysis = analyse(
            "Erdogan told reporters that Sweden should wait. Scholz and Macron met in Paris. \
             Johnson is a common name, and Draghi's plan was discussed.",
        );
        assert_eq!(
            persons(&analysis),
            ["Recep Tayyip Erdoğan", "Olaf Scholz", "Emmanuel Macron"]
        );
        assert_eq!(
            resolved(&analysis, "Erdogan"),
            ["Recep Tayyip Erdoğan".to_string()]
        );
    }

    #[test]
    fn a_body_s_short_name_at_the_end_of_another_name_is_not_the_body() {
        let analysis = analyse(
            "China urged the Northern Alliance to return to talks. Kerry met the Glasgow \
             Financial Alliance for Net Zero. NATO allies met in Brussels.",
        );
        let nato: Vec<String> = mentions(&analysis)
            .into_iter()
            .filter(|(_, names)| names == &["NATO".to_string()])
            .map(|(surface, _)| surface)
            .collect();
        assert_eq!(nato, ["NATO allies"], "{:?}", mentions(&analysis));
    }

    #[test]
    fn an_elected_president_keeps_his_suffix_and_his_title() {
        let analysis = analyse(
            "Sherman will meet President-Elect Ferdinand Marcos Jr. and senior officials in Manila.",
        );
        assert_eq!(persons(&analysis), ["Ferdinand Marcos Jr."]);
        let role = analysis
            .actors
            .iter()
            .find_map(|a| a.actor.roles.first().cloned());
        assert_eq!(
            role.and_then(|r| r.title).as_deref(),
            Some("President-Elect")
        );
    }

    #[test]
    fn a_surname_opening_with_a_lower_case_article_names_its_person() {
        let analysis = analyse(
            "Minister of State Ali bin Fahad al-Rashed arrived in Baghdad. According to INA, \
             al-Rashed met officials. \"We want to turn the page,\" al-Rashed told reporters.",
        );
        let found: Vec<(String, Vec<String>)> = mentions(&analysis)
            .into_iter()
            .filter(|(surface, _)| surface == "al-Rashed")
            .collect();
        assert_eq!(found.len(), 2, "{:?}", mentions(&analysis));
        assert!(
            found
                .iter()
                .all(|(_, names)| names == &["Ali bin Fahad al-Rashed".to_string()])
        );
    }

    #[test]
    fn a_name_written_without_its_diacritics_is_the_same_person() {
        let analysis = analyse(
            "Lithuania's Gintarė Kazlauskienė hosted the talks. Kazlauskiene told reporters the \
             border would stay closed.\n\nPhoto: Interior Minister Gintare Kazlauskiene in Vilnius.",
        );
        assert_eq!(persons(&analysis), ["Gintarė Kazlauskienė"]);
    }

    #[test]
    fn a_state_after_of_is_the_party_of_the_person_before_it() {
        let analysis = analyse(
            "She hosted her counterparts, Raimonds Bērziņš of Latvia and Piotr Wróblewski of \
             Poland. The Latvian minister said his country would keep its border closed.",
        );
        let party = |name: &str| {
            let a = analysis
                .actors
                .iter()
                .find(|a| a.actor.name == name)
                .unwrap();
            a.party.map(|p| analysis.actor_name(p).to_string())
        };
        assert_eq!(party("Raimonds Bērziņš").as_deref(), Some("Latvia"));
        assert_eq!(party("Piotr Wróblewski").as_deref(), Some("Poland"));
        let minister = mentions(&analysis)
            .into_iter()
            .find(|(surface, _)| surface.starts_with("The Latvian"));
        assert_eq!(
            minister.map(|m| m.1),
            Some(vec!["Raimonds Bērziņš".to_string()])
        );
    }

    /// Issue #10: "Special Representative West made clear" was the West speaking.
    #[test]
    fn a_body_named_only_with_its_article_is_no_surname() {
        let names = |text: &str| -> Vec<String> {
            mentions(&analyse(text))
                .into_iter()
                .flat_map(|(_, names)| names)
                .collect()
        };
        assert!(
            !names("The envoy arrived. Special Representative West made clear the linkage.")
                .contains(&"the West".to_string())
        );
        assert!(
            names("Moscow accused the West of lying. The West made clear it would respond.")
                .contains(&"the West".to_string())
        );
    }

    /// Issue #11: "Joe Biden (Indonesia)" and "Federica Mogherini (Iran)".
    #[test]
    fn an_office_s_state_comes_neither_from_a_dateline_nor_across_a_list() {
        let a = analyse(
            "NUSA DUA, Indonesia — Special Envoy Anna Kalomira met Chinese President Xi Jinping.",
        );
        assert_eq!(
            affiliations(&a),
            [
                ("Anna Kalomira".into(), None),
                ("Xi Jinping".into(), Some("China".into()))
            ]
        );
        // A known officeholder's state comes from the officeholder dictionary.
        let a =
            analyse("NUSA DUA, Indonesia — President Joe Biden met Chinese President Xi Jinping.");
        assert_eq!(
            affiliations(&a),
            [
                ("Joe Biden".into(), Some("United States".into())),
                ("Xi Jinping".into(), Some("China".into()))
            ]
        );
        let a = analyse(
            "Iranian Foreign Minister Javad Zarif and Federica Mogherini, the European Union’s foreign policy chief, spoke.",
        );
        assert_eq!(
            affiliations(&a),
            [
                ("Javad Zarif".into(), Some("Iran".into())),
                ("Federica Mogherini".into(), Some("European Union".into()))
            ]
        );
        // A plural title covers the whole list.
        let a = analyse("Presidents Joe Biden and Xi Jinping met in Bali.");
        assert_eq!(persons(&a), ["Joe Biden", "Xi Jinping"]);
    }

    /// Issue #11: one-word "persons" such as "Arts" or "Ice" came from titles some words back.
    #[test]
    fn a_single_word_is_a_surname_only_right_after_its_title() {
        // Blinken was Secretary of State on the date: the officeholder dictionary gives his
        // whole name.
        let a = analyse("Secretary Blinken thanked the Chair of the Ranking Committee on Arts.");
        assert_eq!(persons(&a), ["Antony Blinken"]);
        let a = analyse("Secretary Jones thanked the Chair of the Ranking Committee on Arts.");
        assert_eq!(persons(&a), ["Jones"]);
        let a = analyse("Under Secretary for Arms Control Bonnie Jenkins spoke.");
        assert_eq!(persons(&a), ["Bonnie Jenkins"]);
    }

    #[test]
    fn names_keep_their_particles_hyphens_and_initials() {
        let a = analyse(
            "Sudanese minister Osman el-Tayeb Hamdan met Israeli spokeswoman Miriam Ben-Ami and Under Secretary Margaret A. Ellison.",
        );
        assert_eq!(
            persons(&a),
            [
                "Osman el-Tayeb Hamdan",
                "Miriam Ben-Ami",
                "Margaret Ellison"
            ]
        );
    }

    #[test]
    fn a_title_s_portfolio_is_not_part_of_the_name() {
        let a = analyse(
            "Under Secretary for Arms Control and International Security Bonnie Jenkins and Special Presidential Envoy for Climate John Kerry met.",
        );
        assert_eq!(persons(&a), ["Bonnie Jenkins", "John Kerry"]);
    }

    #[test]
    fn counted_governments_are_the_states_last_named() {
        let a = analyse(
            "Britain, France and Germany called off the talks. In a letter, the three governments said more.",
        );
        assert_eq!(
            resolved(&a, "the three governments"),
            ["United Kingdom", "France", "Germany"]
        );
    }

    #[test]
    fn titles_introduce_persons_with_their_affiliation() {
        let a = analyse(
            "NATO Secretary General Jens Stoltenberg met Russian Deputy Foreign Minister Sergey Ryabkov.",
        );
        assert_eq!(resolved(&a, "Jens Stoltenberg"), ["Jens Stoltenberg"]);
        let ryabkov = a
            .actors
            .iter()
            .find(|x| x.actor.name == "Sergey Ryabkov")
            .unwrap();
        let party = ryabkov.party.map(|p| a.actor_name(p).to_string());
        assert_eq!(party.as_deref(), Some("Russia"));
        assert_eq!(
            ryabkov.actor.roles[0].title.as_deref(),
            Some("Deputy Foreign Minister")
        );
    }

    #[test]
    fn surnames_pronouns_and_role_nouns_resolve() {
        let a = analyse(
            "NATO Secretary General Jens Stoltenberg spoke. He said talks ended. \
             Stoltenberg left. The secretary-general said more.",
        );
        assert_eq!(resolved(&a, "He"), ["Jens Stoltenberg"]);
        assert_eq!(resolved(&a, "Stoltenberg"), ["Jens Stoltenberg"]);
        assert_eq!(resolved(&a, "The secretary-general"), ["Jens Stoltenberg"]);
    }

    /// Issue #10: a description resolves to the person the text names by it, before or after.
    #[test]
    fn descriptions_resolve_to_the_person_named_with_that_title() {
        let a = analyse(
            "Talks will resume on Monday, Malaysia's foreign minister said. \
             Foreign Minister Azlan bin Ismail told reporters the talks would be chaired by Malaysia.",
        );
        assert_eq!(resolved(&a, "foreign minister"), ["Azlan bin Ismail"]);
        let a = analyse(
            "The minister received the Special Envoy of the President of Burundi, Ambassador \
             Pierre-Claver Nduwayo, on Wednesday. The Special Envoy briefed the minister.",
        );
        assert_eq!(resolved(&a, "The Special Envoy"), ["Pierre-Claver Nduwayo"]);
        // A name inside the title's complement is not the holder's.
        let a = analyse(
            "The Special Envoy of President Joe Biden arrived. The Special Envoy said little.",
        );
        assert!(
            mentions(&a)
                .iter()
                .all(|(s, actors)| s != "The Special Envoy" || actors.is_empty()),
            "{:?}",
            mentions(&a)
        );
    }

    /// Issue #10: "they" after a list of titled persons, and after a subject that names the
    /// group again in part ("The Vice Foreign Ministers and the Deputy Secretary").
    #[test]
    fn they_is_the_group_of_persons_named_together() {
        let a = analyse(
            "First Vice Foreign Minister Cho Hyundong, U.S. Deputy Secretary of State Wendy \
             Sherman, and Japan Vice Foreign Minister Mori Takeo met today in Seoul. The Vice \
             Foreign Ministers and the Deputy Secretary condemned the launches. They reaffirmed \
             the statement.",
        );
        assert_eq!(
            resolved(&a, "They"),
            ["Cho Hyundong", "Wendy Sherman", "Mori Takeo"]
        );
    }

    #[test]
    fn middle_initials_are_dropped_and_full_names_win() {
        let a = analyse(
            "Secretary Blinken arrived. Antony J. Blinken then met Deputy Secretary Wendy R. Sherman.",
        );
        let names: Vec<&str> = a
            .actors
            .iter()
            .filter(|x| x.actor.kind == ActorKind::Person)
            .map(|x| x.actor.name.as_str())
            .collect();
        assert_eq!(names, ["Antony Blinken", "Wendy Sherman"]);
    }

    #[test]
    fn metonyms_are_states_except_as_places() {
        let a = analyse("Moscow rejected the offer. Talks in Moscow ended. The Kremlin said no.");
        let moscow: Vec<&Mention> = a
            .mentions
            .iter()
            .filter(|m| a.word(m.tokens.start) == "Moscow")
            .collect();
        assert_eq!(moscow.len(), 2);
        assert!(!moscow[0].is_place && moscow[0].actors.len() == 1);
        assert!(moscow[1].is_place && moscow[1].actors.is_empty());
        assert_eq!(resolved(&a, "Kremlin"), ["Russia"]);
    }

    #[test]
    fn appositions_and_speech_verbs_reveal_persons() {
        let a = analyse(
            "Ali Shamkhani, the secretary of Iran’s Supreme National Security Council, signed. \
             The U.S. ambassador, Linda Thomas-Greenfield, spoke. Mykhailo Podolyak, an adviser, said no.",
        );
        assert_eq!(resolved(&a, "Ali Shamkhani"), ["Ali Shamkhani"]);
        assert_eq!(
            resolved(&a, "Linda Thomas-Greenfield"),
            ["Linda Thomas-Greenfield"]
        );
        assert_eq!(resolved(&a, "Mykhailo Podolyak"), ["Mykhailo Podolyak"]);
        let shamkhani = a
            .actors
            .iter()
            .find(|x| x.actor.name == "Ali Shamkhani")
            .unwrap();
        assert_eq!(shamkhani.party.map(|p| a.actor_name(p)), Some("Iran"));
    }

    #[test]
    fn a_family_name_in_capitals_after_an_honorific_opens_the_name() {
        // Issue #10: "Mr. SURNAME Given", as some foreign ministries write names.
        let a = analyse(
            "Mr. OKADA Haruto, Minister for Trade, phoned his counterpart. \
             Minister Okada said talks would go on. The OECD and NATO were not there.",
        );
        assert_eq!(persons(&a), ["Okada Haruto"]);
        assert_eq!(resolved(&a, "Okada"), ["Okada Haruto"]);
    }

    #[test]
    fn a_name_followed_by_of_and_a_state_is_a_person() {
        // Issue #10: "her counterparts, X of Latvia and Y of Poland".
        let a = analyse(
            "The host welcomed her guests, Ilze Kalnina of Latvia and Tomasz Nowicki of Poland. \
             The Central Bank of Latvia Governor and the Farmers Union of Poland were absent.",
        );
        assert_eq!(persons(&a), ["Ilze Kalnina", "Tomasz Nowicki"]);
    }

    #[test]
    fn transcript_labels_take_full_names_from_the_title() {
        let title = "Secretary Antony J. Blinken With Costa Rican Foreign Minister Rodolfo Solano Quirós Before Their Meeting";
        let body = "SECRETARY BLINKEN: Good morning, everyone, and welcome.\n\nFOREIGN MINISTER SOLANO: Thank you, it is a pleasure to be here.";
        let a = Analysis::new(title, body, None, Lexicon::builtin());
        let speakers: Vec<&str> = a
            .turns
            .iter()
            .map(|t| a.actor_name(t.speaker.unwrap()))
            .collect();
        assert_eq!(speakers, ["Antony Blinken", "Rodolfo Solano Quirós"]);
    }

    /// Issue #11: "Let's go to Nick Schifrin." gave no person, so "MR SCHIFRIN:" and "Mr.
    /// Schifrin" stayed a surname alone.
    #[test]
    fn a_surname_takes_the_full_name_given_before_without_evidence() {
        let body = "MR PRICE: Let’s go to the line of Nick Schifrin.\n\nOPERATOR: Mr. Schifrin, your line is open.\n\nMR SCHIFRIN: Thank you.";
        let a = analyse(body);
        assert_eq!(persons(&a), ["Nick Schifrin", "Price"]);
        let speakers: Vec<Option<&str>> = a
            .turns
            .iter()
            .map(|t| t.speaker.map(|s| a.actor_name(s)))
            .collect();
        assert_eq!(speakers, [Some("Price"), None, Some("Nick Schifrin")]);
        assert!(mentions(&a).contains(&(
            "Nick Schifrin".to_string(),
            vec!["Nick Schifrin".to_string()]
        )));
        // Two full names end with the surname: the surname alone stays.
        let two = analyse(
            "We welcome Michael Kovrig and Anna Kovrig home.\n\nMr. Kovrig spoke to reporters.",
        );
        assert_eq!(persons(&two), ["Kovrig"]);
        // "Special Rep Malley": an abbreviated title, not a given name.
        let rep = analyse("When is Special Rep Malley going back? Mr. Malley declined to say.");
        assert_eq!(persons(&rep), ["Malley"]);
    }

    /// Issue #11: "Ana Mora-Soto" and "Ana Mora Soto" written in one article are one name,
    /// not two persons of the surname, so "MS SOTO:" completes to it.
    #[test]
    fn a_hyphenated_and_a_spaced_surname_are_one_name() {
        let a = analyse(
            "MR GRAY: Our next honoree is Ana Mora-Soto, a teacher.\n\nMS SOTO: I am Ana Mora Soto. Thank you.",
        );
        assert_eq!(persons(&a), ["Gray", "Ana Mora-Soto"]);
        let speakers: Vec<Option<&str>> = a
            .turns
            .iter()
            .map(|t| t.speaker.map(|s| a.actor_name(s)))
            .collect();
        assert_eq!(speakers, [Some("Gray"), Some("Ana Mora-Soto")]);
    }

    /// Issue #11: a transcript whose title names the interviewer in full ("... With Lena Q.
    /// Okoro of a Radio") left "MS OKORO:" a surname alone.
    #[test]
    fn a_turn_surname_takes_the_full_name_of_the_title() {
        let a = analyse_titled(
            "Secretary Antony J. Blinken With Lena Okoro of City Radio",
            "MS OKORO: Welcome.\n\nSECRETARY BLINKEN: Thank you.",
        );
        let speakers: Vec<Option<&str>> = a
            .turns
            .iter()
            .map(|t| t.speaker.map(|s| a.actor_name(s)))
            .collect();
        assert_eq!(speakers, [Some("Lena Okoro"), Some("Antony Blinken")]);
        // The body's own full name wins over the title's run of capitalised words.
        let body = analyse_titled(
            "Release of Detained Citizen Paul Verne",
            "We call for the release of Paul Verne. Mr. Verne must go home.",
        );
        assert_eq!(persons(&body), ["Paul Verne"]);
    }

    /// Issue #11: "Assistant to the President Amy Pope" gave a person "Amy", and "Dr. Margaret
    /// Hamburg" a person "Margaret": a title word or a city right after a title's given name
    /// is the surname, unless a name follows it.
    #[test]
    fn a_title_word_or_a_city_after_a_given_name_is_its_surname() {
        let a = analyse("Assistant to the President Amy Pope announced new aid.");
        assert_eq!(persons(&a), ["Amy Pope"]);
        let a = analyse("Dr. Margaret Hamburg is a physician.");
        assert_eq!(persons(&a), ["Margaret Hamburg"]);
        // A name of its own after the word: the title or the place keeps its meaning.
        let a = analyse("The Secretary met Pope Francis at the Vatican.");
        assert!(!persons(&a).iter().any(|p| p.contains("Pope")));
        // Punctuation between: two things.
        let a = analyse("Ambassador Smith, Hamburg and Bremen were named.");
        assert_eq!(persons(&a), ["Smith"]);
        // Without a title before, no evidence of a given name.
        let a = analyse("Students from Margaret Hamburg came.");
        assert!(!persons(&a).contains(&"Margaret Hamburg".to_string()));
    }

    /// Issue #11: "Prime Mininster Netanyahu" was a person "Mininster Netanyahu", and Blinken
    /// was also "Ecretary Blinken".
    #[test]
    fn a_misspelt_title_is_no_given_name() {
        let a = analyse(
            "Prime Mininster Netanyahu spoke with Ecretary Blinken. General George C. Marshall said so.",
        );
        let persons = persons(&a);
        assert!(
            !persons
                .iter()
                .any(|p| p.contains("Mininster") || p.contains("Ecretary")),
            "{persons:?}"
        );
        assert!(
            persons.contains(&"George Marshall".to_string()),
            "{persons:?}"
        );
        let label = analyse("SECRETARY BLINKEN: Hello.\n\nECRETARY BLINKEN: Thank you.");
        let speakers: Vec<Option<&str>> = label
            .turns
            .iter()
            .map(|t| t.speaker.map(|s| label.actor_name(s)))
            .collect();
        assert_eq!(speakers, [Some("Antony Blinken"), Some("Antony Blinken")]);
        assert!(one_edit_apart("minister", "mininster"));
        assert!(one_edit_apart("secretary", "secretar"));
        assert!(one_edit_apart("secretary", "secertary"));
        assert!(!one_edit_apart("minister", "minister"));
        assert!(!one_edit_apart("chairman", "chapman"));
    }

    /// Issue #11: "Benjamin “Benny” Gantz" was a person "Benjamin".
    #[test]
    fn a_misspelt_surname_is_the_person_named_in_full() {
        let a = analyse(
            "Ambassador Margarethe Oberholzer spoke first. Later Ambassador Oberholtzer \
             thanked Prime Minister Modhi.\n\nMS OBERHOLZR: Thank you.",
        );
        let names = persons(&a);
        assert!(
            names.contains(&"Margarethe Oberholzer".to_string()),
            "{names:?}"
        );
        assert!(names.contains(&"Narendra Modi".to_string()), "{names:?}");
        assert!(
            !names
                .iter()
                .any(|p| p == "Oberholtzer" || p == "Modhi" || p == "Oberholzr"),
            "{names:?}"
        );
        // Two persons a slip away: neither is taken.
        let two = analyse(
            "Ambassador Anna Kowalskia met Ambassador Piotr Kowalskie. Ambassador Kowalski spoke.",
        );
        assert!(persons(&two).contains(&"Kowalski".to_string()));
    }

    #[test]
    fn a_title_and_surname_name_a_former_holder_of_the_office() {
        let a = analyse("President Truman met Prime Minister Nehru. President Bush said so.");
        let names = persons(&a);
        assert!(names.contains(&"Harry S. Truman".to_string()), "{names:?}");
        assert!(names.contains(&"Jawaharlal Nehru".to_string()), "{names:?}");
        // Two former presidents Bush: the surname stays.
        assert!(names.contains(&"Bush".to_string()), "{names:?}");
        // A surname in apposition is not looked up among former holders.
        let b = analyse("Look at this, Stephen, President Putin has failed.");
        assert!(!persons(&b).contains(&"Marcus Stephen".to_string()));
    }

    #[test]
    fn a_counterpart_is_a_person_and_a_particle_surname_takes_the_full_name() {
        let a = analyse(
            "She met her Japanese counterpart Hiroshi Tanabe in Osaka. Van der Meer said the \
             talks went well. Later Foreign Minister Johan van der Meer left.",
        );
        let names = persons(&a);
        assert!(names.contains(&"Hiroshi Tanabe".to_string()), "{names:?}");
        assert!(
            names.contains(&"Johan van der Meer".to_string()),
            "{names:?}"
        );
        assert!(!names.contains(&"Van der Meer".to_string()), "{names:?}");
        // Lower-case particles after a title belong to the name, and take the full name the
        // article's title gives.
        let b = analyse_titled(
            "Envoy Klara von der Aue leaves",
            "Mrs von der Aue said the talks would resume.",
        );
        assert_eq!(persons(&b), ["Klara von der Aue"]);
    }

    #[test]
    fn a_nickname_inside_a_name_is_left_out_of_it() {
        let a = analyse(
            "Blinken met Defense Minister Benjamin “Benny” Gantz. Mr. Benjamin (Ben) Sides will lead the office.",
        );
        // "Blinken met": the Secretary of State of the article's date, by surname alone.
        assert_eq!(
            persons(&a),
            ["Antony Blinken", "Benjamin Gantz", "Benjamin Sides"]
        );
    }

    /// Issue #11: "Moderator", "Staff" and "Part One" were speakers.
    #[test]
    fn transcript_roles_are_no_speakers() {
        let body = "MODERATOR: Good morning.\n\nSECRETARY BLINKEN: Thank you.\n\nSTAFF: All right.\n\nPART ONE: Hello.\n\nQUESTION: And Lavrov?";
        let a = Analysis::new("", body, None, Lexicon::builtin());
        let speakers: Vec<Option<&str>> = a
            .turns
            .iter()
            .map(|t| t.speaker.map(|s| a.actor_name(s)))
            .collect();
        assert_eq!(speakers, [None, Some("Blinken"), None, None, None]);
        let roles: Vec<bool> = a.turns.iter().map(|t| t.is_role).collect();
        assert_eq!(roles, [true, false, true, true, false]);
        // A single word that names a person of the article is that person.
        let body = "Ambassador Jane Roe opened the session.\n\nROE: Good morning.";
        let a = Analysis::new("", body, None, Lexicon::builtin());
        assert_eq!(
            a.turns[0].speaker.map(|s| a.actor_name(s)),
            Some("Jane Roe")
        );
    }

    /// Issue #11: headings, greetings and words of office stuck to names ("Noyes Travel",
    /// "I’m Anne Witkowsky", "Excellency Antony Blinken", "Issues Uzra Zeya").
    #[test]
    fn words_that_are_never_names_stay_out_of_names() {
        let a = analyse(
            "Assistant Secretary Julieta Valls Noyes Travel to Panama. I’m Anne Witkowsky, the Assistant \
             Secretary. Your Excellency Antony Blinken arrived. Special Coordinator for Tibetan \
             Issues Uzra Zeya said so. Operator, please open the line. The Honorable Heiko \
             Maas Opening Remarks at the Assistant Administrator meeting.",
        );
        assert_eq!(
            persons(&a),
            [
                "Julieta Valls Noyes",
                "Anne Witkowsky",
                "Antony Blinken",
                "Uzra Zeya",
                "Heiko Maas"
            ]
        );
    }
}
