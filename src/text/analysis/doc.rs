//! The article's text as tokens: words by index, in lower case, as text, and as character spans;
//! which sentence a token is in; whether it is quoted or capitalised.
//!
//! Takes: the text, its tokens, sentences and quotations, and each token in lower case (built
//! once in [`Analysis::new`]). Gives: the accessors every later layer reads tokens through.

use std::ops::Range;

use crate::extract::Span;
use crate::text::analysis::Analysis;
use crate::text::tokens::{Token, TokenKind};

impl<'a> Analysis<'a> {
    /// The text a token range covers, from its first character to its last.
    pub fn text_of(&self, range: Range<usize>) -> String {
        if range.is_empty() || range.end > self.tokens.len() {
            return String::new();
        }
        self.text[self.tokens[range.start].start..self.tokens[range.end - 1].end].to_string()
    }

    /// The text of token `i`; empty past the end, so that rules can look ahead freely.
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// Whether token `i` lies inside a quotation (false past the end).
    pub fn is_quoted(&self, i: usize) -> bool {
        self.quoted.get(i).copied().unwrap_or(false)
    }

    /// Token `i` in lower case; empty past the end.
    pub fn lower(&self, i: usize) -> &str {
        self.lower_at
            .get(i)
            .map_or("", |range| &self.lowered[range.clone()])
    }

    /// The character span of a byte range of the body.
    pub fn char_span(&self, start: usize, end: usize) -> Span {
        let to_char = |byte: usize| self.char_starts.partition_point(|&b| b < byte);
        Span {
            start: to_char(start),
            end: to_char(end),
        }
    }

    /// The character span of a token range.
    pub fn token_span(&self, range: Range<usize>) -> Span {
        if range.is_empty() {
            let at = self
                .tokens
                .get(range.start)
                .map_or(self.text.len(), |t| t.start);
            return self.char_span(at, at);
        }
        self.char_span(
            self.tokens[range.start].start,
            self.tokens[range.end - 1].end,
        )
    }

    pub fn sentence_of(&self, token: usize) -> usize {
        self.sentences
            .partition_point(|s| s.tokens.end <= token)
            .min(self.sentences.len().saturating_sub(1))
    }

    /// The tokens exactly covering a byte range, if it starts and ends on token boundaries.
    pub(in crate::text::analysis) fn token_range(
        &self,
        start: usize,
        end: usize,
    ) -> Option<Range<usize>> {
        let first = self.tokens.partition_point(|t| t.start < start);
        if self.tokens.get(first)?.start != start {
            return None;
        }
        let last = self.tokens.partition_point(|t| t.end <= end);
        if last == 0 || self.tokens[last - 1].end != end || last <= first {
            return None;
        }
        Some(first..last)
    }

    pub(in crate::text::analysis) fn is_upper_word(&self, i: usize) -> bool {
        let token = &self.tokens[i];
        let word = self.word(i);
        token.kind == TokenKind::Word
            && word.chars().any(char::is_alphabetic)
            && word
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
            && (word.chars().count() > 1 || word == "I")
    }

    pub(in crate::text::analysis) fn is_capitalised(&self, i: usize) -> bool {
        let token = &self.tokens[i];
        token.kind == TokenKind::Word && self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    pub(in crate::text::analysis) fn is_upper_acronym(&self, i: usize) -> bool {
        let word = self.word(i);
        word.chars().count() >= 2
            && word
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
    }

    pub(in crate::text::analysis) fn starts_sentence(&self, token: usize) -> bool {
        self.sentences
            .get(self.sentence_of(token))
            .is_some_and(|s| s.tokens.start == token)
    }
}

/// Every token in lower case, one after another, with each token's range: rules ask for
/// tokens in lower case hundreds of times per sentence, so each is folded once.
pub(in crate::text::analysis) fn lower_case(
    text: &str,
    tokens: &[Token],
) -> (String, Vec<Range<usize>>) {
    let mut lowered = String::with_capacity(text.len());
    let mut lower_at = Vec::with_capacity(tokens.len());
    for token in tokens {
        let word = token.text(text);
        let start = lowered.len();
        if word.is_ascii() {
            lowered.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            lowered.push_str(&word.to_lowercase());
        }
        lower_at.push(start..lowered.len());
    }
    (lowered, lower_at)
}

#[cfg(test)]
mod tests {

    use crate::text::analysis::testing::*;

    #[test]
    fn char_spans_count_characters_not_bytes() {
        let a = analyse("Erdoğan met Guterres.");
        let span = a.token_span(2..3);
        assert_eq!((span.start, span.end), (12, 20));
    }
}
