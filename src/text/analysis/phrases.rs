//! Dictionary phrases: titles ("Foreign Minister"), speech verbs, meeting and demand cues, found
//! by the lexicon's automaton and laid over the tokens.
//!
//! Takes: the text, tokens and the lexicon. Gives: `phrases`, `phrase_at`, with `phrase`,
//! `title_at` and `demand_cue_at`.

use std::ops::Range;

use crate::text::analysis::{Analysis, Phrase};
use crate::text::lexicon::PhraseTarget;

impl<'a> Analysis<'a> {
    /// The demand cue starting at token `k`: its index in the lexicon and its end.
    pub fn demand_cue_at(&self, k: usize) -> Option<(usize, usize)> {
        let phrase = self.phrase(k).filter(|p| p.tokens.start == k)?;
        // "press conference", "press freedom": the noun, not the verb.
        if self.lower(k) == "press"
            && matches!(
                self.lower(phrase.tokens.end),
                "conference"
                    | "release"
                    | "briefing"
                    | "availability"
                    | "statement"
                    | "corps"
                    | "freedom"
                    | "freedoms"
                    | "secretary"
                    | "office"
                    | "play"
                    | "reports"
                    | "and"
            )
        {
            return None;
        }
        phrase.targets.iter().find_map(|t| match t {
            PhraseTarget::Demand(d) => Some((*d, phrase.tokens.end)),
            _ => None,
        })
    }

    pub fn phrase(&self, token: usize) -> Option<&Phrase> {
        self.phrase_at
            .get(token)
            .copied()
            .flatten()
            .map(|p| &self.phrases[p])
    }

    pub(in crate::text::analysis) fn find_phrases(&mut self) {
        for found in self.lexicon.find_phrases(self.text) {
            let Some(range) = self.token_range(found.start, found.end) else {
                continue;
            };
            // Prefer a title over a cue word when the same words are both ("Speaker").
            let target = found
                .targets
                .iter()
                .find(|t| matches!(t, PhraseTarget::Title(_)))
                .or_else(|| found.targets.first())
                .copied();
            let Some(target) = target else { continue };
            let index = self.phrases.len();
            for slot in &mut self.phrase_at[range.clone()] {
                *slot = Some(index);
            }
            self.phrases.push(Phrase {
                tokens: range,
                target,
                targets: found.targets.to_vec(),
            });
        }
    }

    pub(in crate::text::analysis) fn title_at(
        &self,
        token: usize,
    ) -> Option<(Range<usize>, usize)> {
        let phrase = self.phrase(token)?;
        match phrase.target {
            PhraseTarget::Title(t) => Some((phrase.tokens.clone(), t)),
            _ => None,
        }
    }

    pub(in crate::text::analysis) fn phrase_is_title(&self, i: usize) -> bool {
        self.title_at(i).is_some()
    }
}
