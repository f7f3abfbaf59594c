//! Proper names: the mentions of dictionary entities and of persons, in text order, never
//! overlapping.
//!
//! Takes: tokens, phrases (titles, speech verbs) and the transcript turns (their labels are no
//! mentions). Gives: `mentions` and `mention_at` for names, and the article's actors they
//! resolve to. `dictionary` adds the lexicon's names, `bodies` bodies the dictionaries do not
//! list, `runs` runs of capitalised words, and `persons` those that are persons, with their
//! titles (`titles`) and the officeholders they are (`officeholders`); `words` folds a
//! name's words, and `headline` reads the title's persons.

pub(in crate::text::analysis) mod bodies;
pub(in crate::text::analysis) mod dictionary;
pub(in crate::text::analysis) mod headline;
pub(in crate::text::analysis) mod officeholders;
pub(in crate::text::analysis) mod persons;
pub(in crate::text::analysis) mod runs;
pub(in crate::text::analysis) mod titles;
pub(in crate::text::analysis) mod words;

use std::ops::Range;

use crate::text::analysis::names::headline::TitlePerson;
use crate::text::analysis::names::runs::NAME_PARTICLES;
use crate::text::analysis::{Analysis, Mention};
use crate::text::lexicon::{Entity, NameTarget};
use crate::text::tokens::TokenKind;

impl<'a> Analysis<'a> {
    pub fn mention(&self, token: usize) -> Option<&Mention> {
        self.mention_at
            .get(token)
            .copied()
            .flatten()
            .map(|m| &self.mentions[m])
    }

    /// Dictionary names and person names, resolved to the article's actors.
    pub(in crate::text::analysis) fn find_mentions(&mut self, title_people: &[TitlePerson]) {
        let mut candidates: Vec<(Range<usize>, Vec<NameTarget>)> = Vec::new();
        for found in self.lexicon.find_names(self.text) {
            if let Some(range) = self.token_range(found.start, found.end) {
                candidates.push((range, found.targets.to_vec()));
            }
        }
        // Plural demonyms ("the Russians") are the state.
        let mut named = vec![false; self.tokens.len()];
        for (range, _) in &candidates {
            for slot in &mut named[range.clone()] {
                *slot = true;
            }
        }
        for (i, _) in named.iter().enumerate().filter(|(_, named)| !**named) {
            let word = self.word(i);
            if let Some(singular) = word.strip_suffix('s')
                && singular.chars().next().is_some_and(char::is_uppercase)
            {
                let found = self.lexicon.find_names(singular);
                if let Some(m) = found.first()
                    && m.start == 0
                    && m.end == singular.len()
                    && let Some(NameTarget::Demonym(entity)) = m.targets.first()
                {
                    candidates.push((i..i + 1, vec![NameTarget::Name(*entity)]));
                }
            }
        }
        for (range, _) in &candidates {
            named[range.clone()].fill(true);
        }
        candidates.sort_by_key(|(r, _)| r.start);
        // "Thomas West", "Special Representative West": a word that names a body only with its
        // article ("the West") is a person's name after a capitalised word of the same sentence.
        let capitalised_before = |i: usize| {
            i > 0
                && self.tokens[i - 1].kind == TokenKind::Word
                && self.is_capitalised(i - 1)
                && self.lower(i - 1) != "the"
                && i >= 2
                && !matches!(self.word(i - 2), "." | "!" | "?" | ":" | "“" | "\"")
        };
        // "Thomas West", "the Northern Alliance", "the Civic Alliance": a body's short name
        // ("the West"; "the Alliance" for NATO) after a capitalised word is the end of another
        // name; an abbreviation is not.
        let short_name_of_body = |range: &Range<usize>, targets: &[NameTarget]| {
            let word = self.word(range.start);
            targets.iter().all(|t| match t {
                NameTarget::Name(Entity::Organisation(o)) => {
                    let name = &self.lexicon.organisations[*o].name;
                    name.to_lowercase().starts_with("the ")
                        || !self.is_upper_acronym(range.start) && !name.eq_ignore_ascii_case(word)
                }
                _ => false,
            })
        };
        candidates.retain(|(range, targets)| {
            !(range.len() == 1
                && short_name_of_body(range, targets)
                && capitalised_before(range.start)
                && !named[range.start - 1])
        });
        // "Dr. Margaret Hamburg is": a city's name right after a title's given name is the
        // surname.
        candidates.retain(|(range, targets)| {
            let only_place = targets.iter().all(|t| matches!(t, NameTarget::Place(_)));
            !(range.len() == 1
                && only_place
                && self.ends_name_after_title(range.start)
                && !named[range.start - 1])
        });
        // "Under Secretary Victoria Nuland": a place's name right after a title and before a
        // capitalised word is the given name.
        candidates.retain(|(range, targets)| {
            let only_place = targets.iter().all(|t| matches!(t, NameTarget::Place(_)));
            !(range.len() == 1
                && only_place
                && self.begins_name_after_title(range.start)
                && !named[range.start + 1])
        });
        let mut dictionary_at: Vec<Option<usize>> = vec![None; self.tokens.len()];
        for (n, (range, _)) in candidates.iter().enumerate() {
            for slot in &mut dictionary_at[range.clone()] {
                slot.get_or_insert(n);
            }
        }
        // Dictionary names first, so that a person's role can refer to names after it ("the
        // secretary of Iran’s Supreme National Security Council").
        let mut i = 0;
        while i < self.tokens.len() {
            if !self.in_label(i)
                && let Some(n) = dictionary_at[i]
                && candidates[n].0.start == i
            {
                let (range, targets) = candidates[n].clone();
                self.add_dictionary_mention(range.clone(), &targets);
                i = range.end;
                continue;
            }
            i += 1;
        }
        let listed = self.plural_appositions();
        let mut i = 0;
        while i < self.tokens.len() {
            if self.in_label(i) || dictionary_at[i].is_some() {
                i += 1;
                continue;
            }
            if let Some(mut run) = self.name_run(i, &dictionary_at) {
                let end = run.end;
                // "Mr von der Mühll": lower-case particles between a title and the name are
                // the name's.
                let mut start = run.start;
                while start > 0
                    && run.start - start < 3
                    && NAME_PARTICLES.contains(&self.lower(start - 1))
                    // Arabic articles and "bin" before a title's name are not one name's
                    // ("Foreign Minister bin Farhan", "the leader of al Qa’ida").
                    && !matches!(self.lower(start - 1), "al" | "el" | "bin" | "ibn")
                    && self.tokens[start - 1].kind == TokenKind::Word
                    && !self.is_capitalised(start - 1)
                {
                    start -= 1;
                }
                if start < run.start && self.title_before(start).is_some() {
                    run.start = start;
                }
                self.consider_person(run, title_people, &listed);
                i = end.max(i + 1);
                continue;
            }
            i += 1;
        }
        self.resort_mentions();
    }

    /// Mentions in text order again, after some were added out of order.
    pub(in crate::text::analysis) fn resort_mentions(&mut self) {
        self.mentions.sort_by_key(|m| m.tokens.start);
        self.reindex_mentions();
    }

    pub(in crate::text::analysis) fn reindex_mentions(&mut self) {
        self.mention_at = vec![None; self.tokens.len()];
        for (index, mention) in self.mentions.iter().enumerate() {
            for slot in &mut self.mention_at[mention.tokens.clone()] {
                *slot = Some(index);
            }
        }
    }

    pub(in crate::text::analysis) fn push_mention(&mut self, mention: Mention) {
        let index = self.mentions.len();
        for slot in &mut self.mention_at[mention.tokens.clone()] {
            *slot = Some(index);
        }
        self.mentions.push(mention);
    }
}

#[cfg(test)]
mod tests {

    use crate::text::analysis::testing::*;

    #[test]
    fn a_body_s_short_name_at_the_end_of_another_name_is_not_the_body() {
        let analysis = analyse(
            "China urged the Northern Alliance to return to talks. Kerry met the Glasgow \
             Financial Alliance for Net Zero. NATO allies met in Brussels.",
        );
        let nato: Vec<String> = mentions(&analysis)
            .into_iter()
            .filter(|(_, names)| names == &["NATO".to_string()])
            .map(|(surface, _)| surface)
            .collect();
        assert_eq!(nato, ["NATO allies"], "{:?}", mentions(&analysis));
    }

    /// Issue #10: "Special Representative West made clear" was the West speaking.
    #[test]
    fn a_body_named_only_with_its_article_is_no_surname() {
        let names = |text: &str| -> Vec<String> {
            mentions(&analyse(text))
                .into_iter()
                .flat_map(|(_, names)| names)
                .collect()
        };
        assert!(
            !names("The envoy arrived. Special Representative West made clear the linkage.")
                .contains(&"the West".to_string())
        );
        assert!(
            names("Moscow accused the West of lying. The West made clear it would respond.")
                .contains(&"the West".to_string())
        );
    }
}
