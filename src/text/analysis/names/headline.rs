//! The persons the article's title names ("Costa Rican Foreign Minister Rodolfo Solano Quirós"),
//! read by a light analysis of the title alone (phrases and names only).
//!
//! Takes: the title and the lexicon. Gives: [`TitlePerson`]s, whose full names complete
//! transcript labels and surnames of the body, and the title's runs of capitalised words that
//! had no evidence of being a name.

use std::collections::HashMap;

use crate::extract::ActorKind;
use crate::text::analysis::Analysis;
use crate::text::analysis::doc::lower_case;
use crate::text::analysis::names::words::name_words_of;
use crate::text::lexicon::{Entity, Lexicon};
use crate::text::tokens;

impl<'a> Analysis<'a> {
    /// A light analysis of a short text (a title): names and persons only.
    pub(in crate::text::analysis) fn names_only(
        text: &'a str,
        lexicon: &'a Lexicon,
    ) -> Analysis<'a> {
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
pub(in crate::text::analysis) fn title_names(
    title: &str,
    lexicon: &Lexicon,
) -> (Vec<TitlePerson>, Vec<Vec<String>>) {
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
