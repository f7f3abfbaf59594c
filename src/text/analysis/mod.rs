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
mod refs;
#[cfg(test)]
mod testing;
mod zones;

use std::collections::HashMap;
use std::ops::Range;

use chrono::NaiveDate;

use crate::extract::{Actor, ActorKind, ActorRef};
use crate::text::analysis::doc::lower_case;
use crate::text::analysis::names::headline::title_names;
use crate::text::analysis::zones::title_names_meeting;
use crate::text::lexicon::{Entity, Lexicon, PhraseTarget};
use crate::text::officeholders::Found;
use crate::text::temporal::{self, DateMention};
use crate::text::tokens::{self, Quote, Sentence, Token};

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
}
