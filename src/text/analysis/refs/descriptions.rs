//! Descriptions of persons: role nouns ("the secretary-general", "the U.S. president"),
//! possessive titles ("Malaysia's foreign minister"), a title used before as a description, and
//! a state's office nobody named ("the Russian foreign minister": its holder of the day).
//!
//! Takes: tokens, phrases, mentions and the persons last named. Gives: the tokens of the
//! description and the person (or persons) it refers to.

use std::ops::Range;

use chrono::NaiveDate;

use crate::extract::{ActorKind, ActorRef};
use crate::text::analysis::names::words::{lower_words, name_words_of, singular_of};
use crate::text::analysis::{Analysis, How};
use crate::text::lexicon::{Entity, PhraseTarget};
use crate::text::officeholders::{Found, fold_words};
use crate::text::tokens::TokenKind;

impl<'a> Analysis<'a> {
    /// "the Russian foreign minister", "the French President", "the U.S. secretary of state":
    /// a state, then the title of an office, with no name after it. Gives the
    /// tokens, the office's holder on the article's date when the sources say who it was, and
    /// the title.
    pub(in crate::text::analysis) fn described_officeholder(
        &self,
        i: usize,
        end: usize,
    ) -> Option<(Range<usize>, Found, usize)> {
        let date = self.published?;
        let mut k = i + 1;
        let mut qualifier: Option<Entity> = None;
        if k < end
            && let Some(m) = self.mention(k)
            && m.tokens.start == k
            && !m.is_place
            && let Some(&actor) = m.actors.first()
            && self.actor_kind(actor) != ActorKind::Person
        {
            qualifier = self.actors[actor.0].entity;
            k = m.tokens.end;
        }
        // A state's office ("the Russian foreign minister"): organisations' offices are
        // left to the names and titles the text gives.
        let entity = qualifier.filter(|q| matches!(q, Entity::State(_)))?;
        let (title, index) = self.title_at(k).filter(|(t, _)| t.start == k)?;
        if title.end > end {
            return None;
        }
        // Followed by a name, it is the name's title; followed by a possessive ("the Israeli
        // prime minister's office"), it is somebody else.
        if title.end < self.tokens.len()
            && (self.is_capitalised(title.end)
                || self.tokens[title.end].kind == TokenKind::Possessive)
        {
            return None;
        }
        let found = self.holder_of_title(entity, index, date)?;
        Some((i..title.end, found, index))
    }

    /// The holder on `date` of the offices title `index` names, for a state.
    fn holder_of_title(&self, entity: Entity, index: usize, date: NaiveDate) -> Option<Found> {
        let entry = &self.lexicon.titles[index];
        if entry.offices.is_empty() {
            return None;
        }
        self.lexicon
            .officeholders()
            .holder(entity, &entry.offices, date)
    }

    /// The article's person for an officeholder a description names: the one already found
    /// to be them, or named by their family name, or a new person under the dictionary's name.
    /// The description is a role of theirs.
    pub(in crate::text::analysis) fn person_for_officeholder(
        &mut self,
        found: Found,
        tokens: Range<usize>,
        title_index: usize,
    ) -> ActorRef {
        let holder = self.lexicon.officeholders().row(found.row);
        let person = match self.actor_of_officeholder(found) {
            Some(person) => person,
            None => {
                let words: Vec<String> =
                    holder.name.split_whitespace().map(str::to_string).collect();
                let family = fold_words(&words).pop();
                let named = self.actors.iter().position(|a| {
                    a.actor.kind == ActorKind::Person
                        && a.officeholder.is_none()
                        && family.as_ref().is_some_and(|f| {
                            a.name_words
                                .last()
                                .is_some_and(|w| fold_words(&[w]).last() == Some(f))
                        })
                });
                let person = match named {
                    Some(p) => ActorRef(p),
                    None => {
                        let person = self.new_person(&words, &holder.name, &[]);
                        self.actors[person.0].name_from_dictionary = true;
                        person
                    }
                };
                self.attach_officeholder(person, found);
                person
            }
        };
        let title_start = self
            .phrase(tokens.end - 1)
            .map_or(tokens.start, |p| p.tokens.start);
        self.add_role(
            person,
            title_start..tokens.end,
            title_index,
            tokens.start..tokens.start,
        );
        person
    }

    /// "the secretary-general", "The Deputy Secretary", "the U.S. president", "the general":
    /// the person last named with a matching title. "the two leaders", "both sides": the
    /// persons last named.
    pub(in crate::text::analysis) fn role_noun(
        &self,
        i: usize,
        end: usize,
        recent: &[ActorRef],
    ) -> Option<(Range<usize>, Vec<ActorRef>, How)> {
        let mut k = i + 1;
        // An optional state or demonym: "the U.S. president", "the Chinese side".
        let mut qualifier: Option<ActorRef> = None;
        if k < end
            && let Some(m) = self.mention(k)
            && m.tokens.start == k
            && let Some(&actor) = m.actors.first()
            && self.actor_kind(actor) != ActorKind::Person
        {
            qualifier = Some(actor);
            k = m.tokens.end;
        }
        if k >= end {
            return None;
        }
        // "the Chinese side", "the Russian side": the state.
        if let Some(state) = qualifier
            && self.lower(k) == "side"
        {
            return Some((i..k + 1, vec![state], How::Collective));
        }
        if let Some((title, title_index)) = self.title_at(k)
            && title.start == k
        {
            // Followed by a name, it is a title, not a role noun.
            if title.end < self.tokens.len()
                && self.is_capitalised(title.end)
                && self.mention(title.end).is_some_and(|m| {
                    m.actors
                        .iter()
                        .any(|&a| self.actor_kind(a) == ActorKind::Person)
                })
            {
                return None;
            }
            let words = self.title_words(title.clone());
            let fits = |p: ActorRef| {
                let entry = &self.actors[p.0];
                let title_fits = entry
                    .title_words
                    .iter()
                    .any(|t| t.starts_with(&words) || t.ends_with(&words));
                let party_fits = qualifier.is_none_or(|q| entry.party == Some(q));
                title_fits && party_fits
            };
            // "Raimonds Bērziņš of Latvia ... The Latvian minister said": with the state given,
            // the person of that state last named whose title the text never said.
            let untitled_of_state = |p: ActorRef| {
                let entry = &self.actors[p.0];
                qualifier.is_some() && entry.title_words.is_empty() && entry.party == qualifier
            };
            // "the European Union Special Representative, Henrik Aalto, ... the EU envoy":
            // with the state or body given, its person last named under a title of the same
            // kind (two diplomats' titles, two ministers').
            let noun_kind = self.lexicon.titles[title_index].kind.as_str();
            let kind_of = |words: &[String]| {
                self.lexicon
                    .titles
                    .iter()
                    .find(|t| lower_words(&name_words_of(&t.title)) == words)
                    .map(|t| t.kind.as_str())
            };
            let same_kind_of_state = |p: ActorRef| {
                let entry = &self.actors[p.0];
                qualifier.is_some()
                    && entry.party == qualifier
                    && !matches!(noun_kind, "honorific" | "descriptor")
                    && entry
                        .title_words
                        .iter()
                        .any(|t| kind_of(t) == Some(noun_kind))
            };
            let person = recent
                .iter()
                .rev()
                .copied()
                .find(|&p| fits(p))
                .or_else(|| recent.iter().rev().copied().find(|&p| untitled_of_state(p)))
                .or_else(|| {
                    recent
                        .iter()
                        .rev()
                        .copied()
                        .find(|&p| same_kind_of_state(p))
                })
                .or_else(|| self.introduced_by_title(title.clone(), i));
            // "Both ministers" fits no one title: it may still count the persons last named.
            if let Some(person) = person {
                return Some((i..title.end, vec![person], How::RoleNoun));
            }
        }
        // "the group": the persons named in the sentences just before.
        if self.lower(k) == "group" && qualifier.is_none() {
            let persons = self.persons_before(i, 6);
            if persons.len() >= 2 {
                return Some((i..k + 1, persons, How::Collective));
            }
        }
        // "the two leaders", "both leaders", "the leaders", "the two sides".
        let mut j = k;
        if j < end && matches!(self.lower(j), "two" | "three" | "four") {
            j += 1;
        }
        let counted = j > k || self.lower(i) == "both";
        // "The two had spoken five times": the two persons last named.
        let bare_two = j > k
            && j < end
            && matches!(
                self.lower(j),
                "had"
                    | "have"
                    | "were"
                    | "met"
                    | "spoke"
                    | "said"
                    | "agreed"
                    | "discussed"
                    | "will"
                    | "would"
                    | "also"
                    | "held"
                    | "signed"
            );
        if bare_two {
            let mut persons: Vec<ActorRef> = Vec::new();
            for &p in recent.iter().rev() {
                if !persons.contains(&p) {
                    persons.push(p);
                }
                if persons.len() == 2 {
                    break;
                }
            }
            if persons.len() == 2 {
                persons.reverse();
                return Some((i..j, persons, How::Collective));
            }
        }
        // "the three governments", "the two countries", "the two sides": the states or
        // organisations last named, as many as the count says.
        // Only as a subject or object: "between the two countries" looks back over a whole
        // history of both, and the last states named are often not those two.
        // "the leaders of the two countries" is their persons: "of" after a plural noun of
        // persons does not look back over a history.
        let persons_of = i >= 2
            && self.lower(i - 1) == "of"
            && self.lexicon.collective_persons.contains(self.lower(i - 2));
        let after_preposition = i > 0
            && !persons_of
            && matches!(
                self.lower(i - 1),
                "between" | "of" | "with" | "for" | "to" | "from" | "among" | "on" | "in"
            );
        if counted
            && !after_preposition
            && j < end
            && qualifier.is_none()
            && matches!(
                self.lower(j),
                "countries" | "governments" | "states" | "nations" | "sides" | "capitals"
            )
        {
            let count = match self.lower(k) {
                "three" => 3,
                "four" => 4,
                _ => 2,
            };
            // Countries and governments are states; sides may be organisations too.
            let states_only = self.lower(j) != "sides";
            let parties = self.parties_before(i, count, states_only);
            if parties.len() == count {
                return Some((i..j + 1, parties, How::Collective));
            }
        }
        // "the two leaders", "both negotiators", "the two vice foreign ministers": a plural
        // noun of persons of `reference_words.csv`, after at most three of its modifiers.
        let mut noun = j;
        while noun < end
            && noun < j + 3
            && self.lexicon.collective_modifiers.contains(self.lower(noun))
        {
            noun += 1;
        }
        // "the two deputy secretaries of state, Wendy Sherman and Brian McKeon": the names set
        // off after the description are its persons, named there.
        let apposition = (noun + 1..(noun + 4).min(end))
            .find(|&x| self.word(x) == ",")
            .is_some_and(|comma| self.person_at(comma + 1).is_some());
        if counted
            && noun < end
            && self.lexicon.collective_persons.contains(self.lower(noun))
            && qualifier.is_none()
            && !apposition
        {
            let count = match self.lower(k) {
                "three" => 3,
                "four" => 4,
                _ => 2,
            };
            if let Some(persons) = self.counted_persons(i, j..noun + 1, count, recent) {
                return Some((i..noun + 1, persons, How::Collective));
            }
        }
        None
    }

    /// The persons a counted description (`words`: "vice foreign ministers") at token `i`
    /// names: the last `count` persons named whose title ends with the description's singular
    /// ("vice foreign minister"), when there are as many; else the last `count` persons named,
    /// all in the sentence of the description or the four before it.
    /// Never the subject of its own sentence ("Moon urged the two leaders": not Moon). `None`
    /// for fewer than two.
    fn counted_persons(
        &self,
        i: usize,
        words: Range<usize>,
        count: usize,
        recent: &[ActorRef],
    ) -> Option<Vec<ActorRef>> {
        let subject = (self.sentences[self.sentence_of(i)].tokens.start..i)
            .find_map(|x| self.mention(x).filter(|m| m.how != How::Pronoun))
            .map(|m| m.actors.clone())
            .unwrap_or_default();
        let mut singular: Vec<String> = words
            .clone()
            .flat_map(|k| {
                self.lower(k)
                    .split('-')
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        if let Some(last) = singular.last_mut() {
            *last = singular_of(last);
        }
        // Named in the sentence or the four before it: a press briefing's "the two presidents"
        // is not about the last two persons of an hour's questions.
        let horizon = self.sentences[self.sentence_of(i).saturating_sub(4)]
            .tokens
            .start;
        let near = |p: ActorRef| {
            self.mentions
                .iter()
                .any(|m| (horizon..i).contains(&m.tokens.start) && m.actors.contains(&p))
        };
        let titled = |p: ActorRef| {
            self.actors[p.0]
                .title_words
                .iter()
                .any(|t| t.ends_with(&singular))
        };
        let last = |fits: &dyn Fn(ActorRef) -> bool| {
            let mut persons: Vec<ActorRef> = Vec::new();
            for &p in recent.iter().rev() {
                if !persons.contains(&p) && !subject.contains(&p) && near(p) && fits(p) {
                    persons.push(p);
                }
                if persons.len() == count {
                    break;
                }
            }
            persons.reverse();
            persons
        };
        let mut persons = last(&titled);
        if persons.len() < count {
            persons = last(&|_| true);
        }
        (persons.len() >= 2).then_some(persons)
    }

    /// "the Special Envoy of the President of Burundi, Ambassador Pierre-Claver Nduwayo, ...
    /// The Special Envoy briefed": the person set off by a comma after the same title used
    /// earlier as a description, when the person was introduced under another title.
    pub(in crate::text::analysis) fn introduced_by_title(
        &self,
        title: Range<usize>,
        before: usize,
    ) -> Option<ActorRef> {
        let len = title.len();
        // One word ("the President") is too common a description to look for.
        if len < 2 {
            return None;
        }
        let same =
            |start: usize| (0..len).all(|d| self.lower(start + d) == self.lower(title.start + d));
        (0..before.saturating_sub(len)).find_map(|start| {
            if !same(start) || self.quoted[start] {
                return None;
            }
            // Up to the name only the title's complement ("of the President of the Republic of
            // Burundi", "for Mediation in Conflict Resolution"), honorifics ("HE Dr.") and a
            // comma, or a title of its own after the comma ("Ambassador").
            let sentence_end = self.sentences[self.sentence_of(start)].tokens.end;
            let mut k = start + len;
            let limit = (k + 20).min(sentence_end);
            let mut own_title = false;
            while k < limit && self.person_at(k).is_none() {
                let abbreviation_dot = self.word(k) == "."
                    && self.is_capitalised(k - 1)
                    && self.word(k - 1).chars().count() <= 3;
                if self.word(k) == "," {
                    if let Some((title, _)) = self.title_at(k + 1).filter(|(t, _)| t.start == k + 1)
                    {
                        k = title.end;
                        own_title = true;
                        break;
                    }
                } else if !matches!(self.lower(k), "of" | "for" | "to" | "the" | "and" | "in")
                    && !self.is_capitalised(k)
                    && !abbreviation_dot
                {
                    return None;
                }
                k += 1;
            }
            // "the Special Envoy of President Joe Biden": a name right after a title of the
            // complement is the complement's, not the holder's.
            let mut before = k;
            while before > start + len
                && (self.word(before - 1) == "."
                    || (self.is_capitalised(before - 1)
                        && self.word(before - 1).chars().count() <= 3))
            {
                before -= 1;
            }
            if !own_title
                && self.word(before - 1) != ","
                && self
                    .phrase(before - 1)
                    .is_some_and(|p| matches!(p.target, PhraseTarget::Title(_)))
            {
                return None;
            }
            self.person_at(k)
        })
    }

    /// The one person a mention starting at token `k` names.
    /// The lower-case words of the title at `title`, hyphens made spaces ("vice-president":
    /// vice, president), to compare with the words of the titles persons were given.
    fn title_words(&self, title: std::ops::Range<usize>) -> Vec<String> {
        self.text[self.tokens[title.start].start..self.tokens[title.end - 1].end]
            .to_lowercase()
            .replace('-', " ")
            .split_whitespace()
            .map(str::to_string)
            .collect()
    }

    pub(in crate::text::analysis) fn person_at(&self, k: usize) -> Option<ActorRef> {
        if k >= self.tokens.len() {
            return None;
        }
        let mention = self.mention(k).filter(|m| m.tokens.start == k)?;
        match mention.actors.as_slice() {
            [person] if self.actor_kind(*person) == ActorKind::Person => Some(*person),
            _ => None,
        }
    }

    /// "Russia's foreign minister" with nobody of that title named: the holder of the office on
    /// the article's date, by the dictionary of officeholders.
    pub(in crate::text::analysis) fn possessive_officeholder(
        &self,
        state: ActorRef,
        at: usize,
    ) -> Option<(Range<usize>, Found, usize)> {
        let date = self.published?;
        if at >= self.tokens.len() || self.quoted[at] {
            return None;
        }
        let entity = self.actors[state.0]
            .entity
            .filter(|e| matches!(e, Entity::State(_)))?;
        let (title, index) = self.title_at(at).filter(|(t, _)| t.start == at)?;
        // Not the head of a longer office ("Sudan's Minister of Water Resources Osman ..."):
        // the title ends the description.
        if title.end < self.tokens.len()
            && (self.is_capitalised(title.end)
                || matches!(self.lower(title.end), "," | "of" | "for" | "on" | "to")
                || self.tokens[title.end].kind == TokenKind::Possessive)
        {
            return None;
        }
        let found = self.holder_of_title(entity, index, date)?;
        Some((title, found, index))
    }

    /// "Malaysia's foreign minister said ..." with no name: the person with that title and
    /// state named before, else the one the next sentences name with that title ("Foreign
    /// Minister Azlan bin Ismail told reporters"). `None` when the title comes with a name of
    /// its own, or nobody fits.
    pub(in crate::text::analysis) fn possessive_title(
        &self,
        state: ActorRef,
        at: usize,
        recent: &[ActorRef],
    ) -> Option<(Range<usize>, ActorRef)> {
        if at >= self.tokens.len() || self.quoted[at] {
            return None;
        }
        let (title, _) = self.title_at(at).filter(|(t, _)| t.start == at)?;
        if title.end < self.tokens.len()
            && (self.is_capitalised(title.end) || self.word(title.end) == ",")
        {
            return None;
        }
        let words = self.title_words(title.clone());
        let fits = |p: ActorRef, party_known: bool| {
            let entry = &self.actors[p.0];
            entry.title_words.iter().any(|t| t.ends_with(&words))
                && (entry.party == Some(state) || (!party_known && entry.party.is_none()))
        };
        if let Some(&person) = recent.iter().rev().find(|&&p| fits(p, true)) {
            return Some((title, person));
        }
        // "Ecuador's Patricio Andrade" in the headline, then "Ecuador's foreign minister": the
        // one person of that state named without a title.
        let mut untitled = recent.iter().copied().filter(|&p| {
            let entry = &self.actors[p.0];
            entry.party == Some(state) && entry.title_words.is_empty()
        });
        if let Some(person) = untitled.next()
            && untitled.all(|p| p == person)
        {
            return Some((title, person));
        }
        let sentence = self.sentence_of(at);
        let horizon = self.sentences[(sentence + 3).min(self.sentences.len() - 1)]
            .tokens
            .end;
        let later: Vec<ActorRef> = (title.end..horizon)
            .filter_map(|k| self.mention(k).filter(|m| m.tokens.start == k))
            .filter_map(|m| match m.actors.as_slice() {
                [p] if self.actor_kind(*p) == ActorKind::Person => Some(*p),
                _ => None,
            })
            .filter(|&p| fits(p, false))
            .collect();
        match later.as_slice() {
            [first, rest @ ..] if rest.iter().all(|p| p == first) => Some((title, *first)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {

    use crate::text::analysis::testing::*;

    /// Issue #10: a counted description of persons ("the two negotiators", "the two vice
    /// foreign ministers") is the persons last named, those with its title first; names set off
    /// after it are its own.
    #[test]
    fn counted_descriptions_are_the_persons_last_named() {
        let a = analyse(
            "Serbia's chief negotiator, Nenad Jovanović, spoke with Mr Arben Krasniqi. \
             The two negotiators last met in Brussels.",
        );
        assert_eq!(
            resolved(&a, "The two negotiators"),
            ["Nenad Jovanović", "Arben Krasniqi"]
        );
        let a = analyse(
            "Vice Foreign Minister Cho Hyundong, Japanese Vice Foreign Minister Mori Takeo and \
             Deputy Secretary of State Wendy Sherman met. The two vice foreign ministers agreed.",
        );
        assert_eq!(
            resolved(&a, "The two vice foreign ministers"),
            ["Cho Hyundong", "Mori Takeo"]
        );
        let a = analyse(
            "Blinken spoke. I asked the two deputy secretaries of state, Wendy Sherman and Brian \
             McKeon, to lead.",
        );
        assert!(
            mentions(&a)
                .iter()
                .all(|(s, _)| !s.starts_with("the two deputy secretaries")),
            "{:?}",
            mentions(&a)
        );
    }

    /// Issue #10: a description resolves to the person the text names by it, before or after.
    #[test]
    fn descriptions_resolve_to_the_person_named_with_that_title() {
        let a = analyse(
            "Talks will resume on Monday, Malaysia's foreign minister said. \
             Foreign Minister Azlan bin Ismail told reporters the talks would be chaired by Malaysia.",
        );
        assert_eq!(resolved(&a, "foreign minister"), ["Azlan bin Ismail"]);
        let a = analyse(
            "The minister received the Special Envoy of the President of Burundi, Ambassador \
             Pierre-Claver Nduwayo, on Wednesday. The Special Envoy briefed the minister.",
        );
        assert_eq!(resolved(&a, "The Special Envoy"), ["Pierre-Claver Nduwayo"]);
        // A name inside the title's complement is not the holder's.
        let a = analyse(
            "The Special Envoy of President Joe Biden arrived. The Special Envoy said little.",
        );
        assert!(
            mentions(&a)
                .iter()
                .all(|(s, actors)| s != "The Special Envoy" || actors.is_empty()),
            "{:?}",
            mentions(&a)
        );
    }
}
