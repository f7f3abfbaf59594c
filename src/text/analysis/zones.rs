//! Zones of the article: the headline's meeting cue, the news dateline ("BEIJING —") and the
//! transcript turns ("SECRETARY BLINKEN: ...").
//!
//! Takes: the title, tokens and sentences. Gives: `title_names_meeting`, `dateline` and the
//! turns' labels and bodies (their speakers are resolved later, in `refs::speakers`), with
//! `turn_at`, `in_turn_body` and where a sentence's words start after the dateline.

use std::ops::Range;

use crate::text::analysis::names::words::title_case;
use crate::text::analysis::{Analysis, Turn};
use crate::text::lexicon::NameTarget;
use crate::text::temporal;
use crate::text::tokens::TokenKind;

impl<'a> Analysis<'a> {
    /// The first token of a sentence's words, after a dateline ("BEIJING — ").
    pub fn sentence_start(&self, range: Range<usize>) -> usize {
        match &self.dateline {
            Some((dateline, _)) if range.start == dateline.start && dateline.end < range.end => {
                dateline.end
            }
            _ => range.start,
        }
    }

    /// "ANCHORAGE, Alaska —", "UNITED NATIONS —", "RIGA (Baltic Wire Service) -",
    /// "SEOUL, Nov. 1 (East Asia Press) --", "KHARTOUM/CAIRO, June 7 (Nile Wire) -": upper-case
    /// words, then a place or a date after a comma, then an outlet in brackets, then a dash, at
    /// the start of the body and on its first line. The outlet is never a speaker or a party.
    pub(in crate::text::analysis) fn find_dateline(&mut self) {
        let n = self.tokens.len();
        let joined = |k: usize| k < n && !self.tokens[k].line_before;
        let mut k = 0;
        while k < n.min(10) && (self.is_upper_word(k) || (k > 0 && self.word(k) == "/")) {
            k += 1;
        }
        if k == 0 {
            return;
        }
        let mut place_words: Vec<String> = (0..k)
            .filter(|&i| self.tokens[i].kind == TokenKind::Word)
            .map(|i| title_case(self.word(i)))
            .collect();
        if joined(k) && self.word(k) == "," {
            k += 1;
            let limit = (k + 8).min(n);
            while k < limit && joined(k) {
                let word = self.word(k);
                let is_date_word = word.chars().all(|c| c.is_ascii_digit())
                    || word == "."
                    || word == ","
                    || temporal::month_number(&word.to_lowercase()).is_some();
                if is_date_word {
                    k += 1;
                } else if self.is_capitalised(k) {
                    place_words.push(word.to_string());
                    k += 1;
                } else {
                    break;
                }
            }
        }
        if joined(k) && self.word(k) == "(" {
            let close = (k + 1..(k + 10).min(n)).find(|&i| self.word(i) == ")" && joined(i));
            let Some(close) = close else {
                return;
            };
            k = close + 1;
        }
        if !(joined(k) && matches!(self.word(k), "—" | "–" | "-")) {
            return;
        }
        while k + 1 < n && joined(k + 1) && matches!(self.word(k + 1), "—" | "–" | "-") {
            k += 1;
        }
        let place = self
            .lexicon
            .find_names(&place_words.join(" "))
            .into_iter()
            .find_map(|m| {
                m.targets.iter().find_map(|t| match t {
                    NameTarget::Place(p) => Some(*p),
                    _ => None,
                })
            });
        self.dateline = Some((0..k + 1, place));
    }

    /// Transcript labels: a paragraph that opens with upper-case words and a colon
    /// ("SECRETARY BLINKEN:", "QUESTION:", "MR PRICE:").
    pub(in crate::text::analysis) fn find_turn_labels(&mut self) {
        let mut starts = Vec::new();
        for (s, sentence) in self.sentences.iter().enumerate() {
            let first = sentence.tokens.start;
            let new_line = first == 0 || self.tokens[first].line_before;
            if !new_line || (s > 0 && self.sentences[s - 1].paragraph == sentence.paragraph) {
                continue;
            }
            let mut i = first;
            while i < sentence.tokens.end && i < first + 6 && self.is_upper_word(i) {
                i += 1;
            }
            if i > first && i < sentence.tokens.end && self.word(i) == ":" {
                starts.push(first..i + 1);
            }
        }
        for (n, label) in starts.iter().enumerate() {
            let body_end = starts
                .get(n + 1)
                .map_or(self.tokens.len(), |next| next.start);
            let is_question = self.word(label.start).eq_ignore_ascii_case("question");
            self.turns.push(Turn {
                label: label.clone(),
                body: label.end..body_end,
                speaker: None,
                is_question,
                is_role: false,
            });
        }
    }

    pub(in crate::text::analysis) fn in_label(&self, token: usize) -> bool {
        self.turn_at(token)
            .is_some_and(|t| t.label.contains(&token))
    }

    /// The transcript turn whose label or words hold `token`. Turns are in text order and do
    /// not overlap, so this is a binary search.
    pub fn turn_at(&self, token: usize) -> Option<&Turn> {
        let after = self.turns.partition_point(|t| t.label.start <= token);
        let turn = self.turns.get(after.checked_sub(1)?)?;
        (turn.label.contains(&token) || turn.body.contains(&token)).then_some(turn)
    }

    /// Whether `token` lies in the words of a transcript turn (not its label).
    pub fn in_turn_body(&self, token: usize) -> bool {
        self.turn_at(token).is_some_and(|t| t.body.contains(&token))
    }
}

pub(in crate::text::analysis) fn title_names_meeting(title: &str) -> bool {
    let lower = title.to_lowercase();
    [
        "meeting",
        "talks",
        " call ",
        "call with",
        "joint press availability",
        "joint press conference",
        "before their",
        "after their",
        "summit",
    ]
    .iter()
    .any(|cue| lower.contains(cue))
}

#[cfg(test)]
mod tests {

    use crate::text::analysis::testing::*;

    #[test]
    fn wire_datelines_are_not_part_of_the_first_sentence() {
        for (body, words) in [
            ("RIGA (Baltic Wire Service) - Latvia said", "Latvia"),
            ("SEOUL, Nov. 1 (East Asia Press) -- Seoul said", "Seoul"),
            ("KHARTOUM/CAIRO, June 7 (Nile Wire) - Sudan said", "Sudan"),
            ("BAMAKO, Mali (West Africa Press) — Mali said", "Mali"),
        ] {
            let a = analyse(body);
            let start = a.sentence_start(a.sentences[0].tokens.clone());
            assert_eq!(a.word(start), words, "{body}");
        }
        let a = analyse("NATO allies met in Brussels - and agreed.");
        assert!(a.dateline.is_none());
    }
}
