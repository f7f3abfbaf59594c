//! Collective references: "the government" of the state last named, "the allies" for NATO, and
//! the states or persons named just before ("the three governments", "the group").
//!
//! Takes: mentions and sentences. Gives: the tokens and the actors a collective phrase names.

use std::ops::Range;

use crate::extract::{ActorKind, ActorRef};
use crate::text::analysis::names::dictionary::LOCATIVES;
use crate::text::analysis::{Analysis, How};

impl<'a> Analysis<'a> {
    /// "the government", "the authorities", "the leadership": the state whose government the
    /// article named last ("the Ethiopian government ... the government had demanded").
    pub(in crate::text::analysis) fn government_of(
        &self,
        i: usize,
    ) -> Option<(Range<usize>, Vec<ActorRef>, How)> {
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
    pub(in crate::text::analysis) fn parties_before(
        &self,
        i: usize,
        count: usize,
        states_only: bool,
    ) -> Vec<ActorRef> {
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
    pub(in crate::text::analysis) fn persons_before(
        &self,
        i: usize,
        limit: usize,
    ) -> Vec<ActorRef> {
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
    pub(in crate::text::analysis) fn collective(
        &self,
        i: usize,
    ) -> Option<(Range<usize>, Vec<ActorRef>, How)> {
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

#[cfg(test)]
mod tests {

    use crate::text::analysis::testing::*;

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
}
