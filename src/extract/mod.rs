//! Extraction: from one article's text to meetings, statements and demands, each with the
//! character spans of its evidence.
//!
//! Architecture invariant: extraction is pure. [`extract`] takes an [`Input`] (title, body,
//! publication date) and returns an [`Extraction`]; it reads no database, file or clock, and it
//! never fails: on text it cannot use it returns fewer facts and says why in `diagnostics`.
//!
//! Facts refer to actors by index into [`Extraction::actors`], so that one article's mentions of
//! "Jens Stoltenberg", "Stoltenberg" and "the secretary-general" are one actor before the
//! knowledge base resolves that actor against the ones it already holds.

mod clause;
mod demands;
mod facts;
mod meetings;
mod statements;

pub use facts::*;

use chrono::NaiveDate;

use crate::text::Lexicon;
use crate::text::analysis::Analysis;

/// What extraction reads: the article as stored.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub title: &'a str,
    /// The stored body; every span in the result counts characters of this string.
    pub body: &'a str,
    /// Relative dates ("on Wednesday", "last month") resolve against this, never the clock.
    pub published: Option<NaiveDate>,
}

/// Extracts the facts of one article with the built-in dictionaries.
pub fn extract(input: &Input<'_>) -> Extraction {
    extract_with(input, Lexicon::builtin())
}

/// Extracts the facts of one article with the given dictionaries.
pub fn extract_with(input: &Input<'_>, lexicon: &Lexicon) -> Extraction {
    let mut analysis = Analysis::new(input.title, input.body, input.published, lexicon);
    let meetings = meetings::find(&mut analysis);
    let statements = statements::find(&analysis);
    let demands = demands::find(&analysis, &meetings);
    Extraction {
        actors: analysis.extraction_actors(),
        meetings,
        statements,
        demands,
        diagnostics: Vec::new(),
    }
}
