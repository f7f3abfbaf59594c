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

mod facts;

pub use facts::*;

use chrono::NaiveDate;

/// What extraction reads: the article as stored.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub title: &'a str,
    /// The stored body; every span in the result counts characters of this string.
    pub body: &'a str,
    /// Relative dates ("on Wednesday", "last month") resolve against this, never the clock.
    pub published: Option<NaiveDate>,
}

/// Extracts the facts of one article.
///
/// This is the seam where text analysis plugs into ingest, `extract` and `eval`. The rules that
/// find meetings, statements and demands land with issue #3; until then every article yields no
/// facts, and ingest stores it with a diagnostic that says so.
pub fn extract(input: &Input<'_>) -> Extraction {
    let _ = input;
    Extraction {
        diagnostics: vec![Diagnostic {
            severity: Severity::Info,
            code: "extractor-pending",
            message: "this dipkb version stores articles without extracting facts".into(),
            span: None,
        }],
        ..Extraction::default()
    }
}
