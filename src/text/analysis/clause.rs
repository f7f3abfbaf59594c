//! The shape of a clause that coreference needs: where a sentence's main clause starts after a
//! fronted phrase, and whether a word is a verb in the past.
//!
//! Takes: tokens and mentions. Gives: [`Analysis::main_clause_start`] (also read by the
//! extractors) and the past-verb test persons and surnames use.

use std::ops::Range;

use crate::text::analysis::Analysis;

/// Words that open a fronted adverbial phrase ("During talks in Brussels, ...").
pub(in crate::text::analysis) const FRONTED: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "since",
    "while",
    "when",
    "as",
    "with",
    "without",
    "despite",
    "following",
    "speaking",
    "citing",
    "calling",
    "expressing",
    "addressing",
    "according",
    "under",
    "amid",
    "among",
    "together",
    "prior",
    "separately",
    "meanwhile",
    "for",
    "from",
    "by",
    "earlier",
    "later",
    "however",
    "also",
    "finally",
    "next",
    "instead",
];

impl<'a> Analysis<'a> {
    /// A lower-case past-tense verb ("signed", "met", "told") at token `k`.
    pub(in crate::text::analysis) fn is_past_verb(&self, k: usize) -> bool {
        const IRREGULAR: &[&str] = &[
            "met", "said", "told", "led", "spoke", "held", "took", "gave", "made", "went", "came",
            "sent", "wrote", "left", "won", "sat", "saw", "signed", "agreed",
        ];
        let word = self.word(k);
        word.chars().next().is_some_and(char::is_lowercase)
            && (IRREGULAR.contains(&word) || (word.len() > 4 && word.ends_with("ed")))
    }

    /// Where a sentence's main clause starts, after a fronted phrase and its comma ("Speaking
    /// at her own press conference, ...").
    pub fn main_clause_start(&self, range: Range<usize>) -> usize {
        let start = self.sentence_start(range.clone());
        let first = self.lower(start);
        let participle = first.ends_with("ing")
            && first.len() > 5
            && self.mention(start).is_none()
            && self.word(start).chars().skip(1).all(|c| !c.is_uppercase());
        if !FRONTED.contains(&first) && !participle {
            return start;
        }
        let limit = (start + 30).min(range.end);
        (start + 1..limit)
            .find(|&k| self.word(k) == "," && !self.quoted[k])
            .map_or(start, |k| k + 1)
    }
}
