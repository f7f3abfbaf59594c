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
mod names;
mod phrases;
#[cfg(test)]
mod testing;
mod zones;

use std::collections::HashMap;
use std::ops::Range;

use chrono::NaiveDate;

use crate::extract::{Actor, ActorKind, ActorRef};
use crate::text::analysis::doc::lower_case;
use crate::text::analysis::names::dictionary::LOCATIVES;
use crate::text::analysis::names::headline::title_names;
use crate::text::analysis::names::words::{fold_word, lower_words, name_words_of, title_case};
use crate::text::analysis::zones::title_names_meeting;
use crate::text::lexicon::{Entity, Lexicon, PhraseTarget};
use crate::text::officeholders::{Found, Office, fold_words};
use crate::text::temporal::{self, DateMention};
use crate::text::tokens::{self, Quote, Sentence, Token, TokenKind};

pub use names::headline::{TitlePerson, title_persons};

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
}

/// How many recently named persons pronouns and role nouns look back over.
const RECENT_PERSONS: usize = 32;

#[cfg(test)]
mod tests {

    use crate::text::analysis::testing::*;

    use crate::text::analysis::Analysis;
    use crate::text::lexicon::Lexicon;

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
}
