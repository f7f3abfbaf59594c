//! Bodies the dictionaries do not list, by the head noun their name ends with ("the Rapid
//! Support Forces", "the National Migration Institute (INM)").
//!
//! Takes: tokens, phrases and the mentions found so far. Gives: an actor and a mention for each
//! such body, and for its abbreviation wherever it recurs.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::extract::{Actor, ActorKind, ActorRef};
use crate::text::analysis::{Analysis, ArticleActor, How, Mention};
use crate::text::tokens::TokenKind;

/// Head nouns of the names of bodies the dictionaries do not list: `organisation_head` and
/// `group_head` in `data/dictionaries/body_words.csv`, compiled in.
pub(in crate::text::analysis) static BODY_HEADS: LazyLock<HashMap<String, ActorKind>> =
    LazyLock::new(|| {
        let csv = include_str!("../../../../data/dictionaries/body_words.csv");
        let heads = |list: &str, kind: ActorKind| {
            crate::extract::words::list(csv, list)
                .into_iter()
                .map(move |word| (word, kind))
        };
        heads("organisation_head", ActorKind::Organisation)
            .chain(heads("group_head", ActorKind::Group))
            .collect()
    });

/// Words that only describe a body ("Armed", "Joint", "Steering"): `generic` in
/// `data/dictionaries/body_words.csv`.
pub(in crate::text::analysis) static BODY_GENERIC: LazyLock<std::collections::HashSet<String>> =
    LazyLock::new(|| {
        crate::extract::words::list(
            include_str!("../../../../data/dictionaries/body_words.csv"),
            "generic",
        )
    });

impl<'a> Analysis<'a> {
    /// Bodies the dictionaries do not list, by the head noun their name ends with ("the
    /// National Migration Institute (INM)", "the Rapid Support Forces"): capitalised words
    /// (with "of", "for", "and" between them) before a head of `body_words.csv`, not a state's
    /// own body ("the Russian Defence Council"), and the abbreviation given in brackets after
    /// the name wherever it recurs.
    pub(in crate::text::analysis) fn find_unlisted_bodies(&mut self) {
        let mut added = false;
        for head in 0..self.tokens.len() {
            let Some(&kind) = BODY_HEADS.get(self.lower(head)) else {
                continue;
            };
            if !self.is_capitalised(head)
                || self.mention(head).is_some()
                || self.title_at(head).is_some()
                || self.quoted[head]
                || self.in_label(head)
            {
                continue;
            }
            let mut start = head;
            let mut k = head;
            while k > 0 && head - k < 6 {
                let prev = k - 1;
                if self.tokens[k].line_before
                    || self.mention(prev).is_some()
                    || self.phrase(prev).is_some()
                    || self.tokens[prev].kind != TokenKind::Word
                {
                    break;
                }
                if self.is_capitalised(prev) && self.word(prev) != "The" {
                    start = prev;
                } else if !matches!(self.word(prev), "of" | "for" | "and") {
                    break;
                }
                k = prev;
            }
            if start == head {
                continue;
            }
            // A state's or a person's own body: "Russia's Security Council", "the Ukrainian
            // Armed Forces".
            let owned = start > 0
                && (self.tokens[start - 1].kind == TokenKind::Possessive
                    || self.mention(start - 1).is_some());
            // The complement of a title: "Director of the Office of the Foreign Affairs
            // Commission" names an office, not a party.
            let mut before = start;
            while before > 0
                && start - before < 8
                && (matches!(self.lower(before - 1), "of" | "the")
                    || self.is_capitalised(before - 1) && self.title_at(before - 1).is_none())
                && self.mention(before - 1).is_none()
            {
                before -= 1;
            }
            let complement = before < start && before > 0 && self.title_at(before - 1).is_some();
            // "Freedoms of Peaceful Assembly and of Association", "the House of Representatives
            // and High State Council": "and" joins two names there, not two words of one.
            let words: Vec<&str> = (start..head).map(|t| self.lower(t)).collect();
            let two_names = words
                .iter()
                .position(|&w| w == "and")
                .is_some_and(|and| words[..and].contains(&"of"));
            // A group's name is evidence enough; an organisation's needs its abbreviation
            // in brackets after it, or a verb of speech.
            let abbreviated = head + 3 < self.tokens.len()
                && self.word(head + 1) == "("
                && self.word(head + 3) == ")"
                && self.is_upper_acronym(head + 2);
            // "Armed Forces", "Steering Committee", "Special Operations Forces": kind words
            // alone are a description, not a name.
            let generic = words.iter().all(|w| BODY_GENERIC.contains(*w));
            let evidence = !generic
                && (kind == ActorKind::Group || abbreviated || self.speech_verb_follows(head + 1));
            if owned || complement || two_names || !evidence {
                continue;
            }
            let name = self.text_of(start..head + 1);
            let actor = match self
                .actors
                .iter()
                .position(|a| a.actor.kind == kind && a.actor.name == name)
            {
                Some(i) => ActorRef(i),
                None => {
                    let index = self.actors.len();
                    self.actors.push(ArticleActor {
                        actor: Actor::new(kind, name),
                        entity: None,
                        name_words: Vec::new(),
                        title_words: Vec::new(),
                        party: None,
                        officeholder: None,
                        name_from_dictionary: false,
                    });
                    ActorRef(index)
                }
            };
            self.push_mention(Mention {
                tokens: start..head + 1,
                actors: vec![actor],
                place: None,
                how: How::Name,
                is_place: false,
            });
            added = true;
            // "(INM)": the abbreviation stands for the body wherever the article uses it.
            if abbreviated && self.mention(head + 2).is_none() {
                let abbreviation = self.word(head + 2);
                for t in head + 2..self.tokens.len() {
                    if self.word(t) == abbreviation && self.mention(t).is_none() {
                        self.push_mention(Mention {
                            tokens: t..t + 1,
                            actors: vec![actor],
                            place: None,
                            how: How::Name,
                            is_place: false,
                        });
                    }
                }
                if !self.actors[actor.0]
                    .actor
                    .aliases
                    .iter()
                    .any(|a| a == abbreviation)
                {
                    self.actors[actor.0]
                        .actor
                        .aliases
                        .push(abbreviation.to_string());
                }
            }
        }
        if added {
            self.resort_mentions();
        }
    }
}

#[cfg(test)]
mod tests {

    use crate::text::analysis::testing::*;

    use crate::extract::ActorKind;

    #[test]
    fn bodies_the_dictionaries_do_not_list_are_found_by_their_head_noun() {
        let analysis = analyse(
            "Sudan's army left talks with the paramilitary Northern Shield Forces (NSF). The NSF \
             blamed the Sudanese Armed Forces, and the Steering Committee met in Jeddah. The \
             National Migration Institute said 40 people returned.",
        );
        let bodies: Vec<(String, ActorKind, Vec<String>)> = analysis
            .actors
            .iter()
            .filter(|a| a.entity.is_none() && a.actor.kind != ActorKind::Person)
            .map(|a| (a.actor.name.clone(), a.actor.kind, a.actor.aliases.clone()))
            .collect();
        assert_eq!(
            bodies,
            [
                (
                    "Northern Shield Forces".to_string(),
                    ActorKind::Group,
                    vec!["NSF".to_string()]
                ),
                (
                    "National Migration Institute".to_string(),
                    ActorKind::Organisation,
                    vec![]
                ),
            ]
        );
        let rsf = mentions(&analysis)
            .into_iter()
            .filter(|(_, names)| names == &["Northern Shield Forces".to_string()])
            .count();
        assert_eq!(
            rsf, 3,
            "the name, the abbreviation in brackets, the abbreviation again"
        );
    }
}
