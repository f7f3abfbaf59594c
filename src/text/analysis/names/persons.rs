//! Persons by name: the evidence that a run of capitalised words is a person (a title, an
//! apposition, a verb of speech, a state after "of", an officeholder's name), and the article's
//! person it is: one met before by a part of the name or a slip of it, or a new one.
//!
//! Takes: name runs, titles and the dictionary mentions. Gives: person actors with their name
//! words, person mentions, and surnames completed to a full name the article gives.

use std::ops::Range;

use crate::extract::{Actor, ActorKind, ActorRef, Role};
use crate::text::analysis::names::headline::TitlePerson;
use crate::text::analysis::names::runs::NAME_PARTICLES;
use crate::text::analysis::names::words::{
    canonical_person_name, fold_word, is_initial, lower_words, name_key, name_word_count,
    name_words_of, singular_of,
};
use crate::text::analysis::{Analysis, ArticleActor, How, Mention};
use crate::text::officeholders::{fold_words, may_misspell, misspelling_limit};
use crate::text::tokens::TokenKind;

/// A name listed in apposition to a plural description of persons ("the foreign ministers of
/// Jordan, Egypt and France, Samir Haddadin, Tarek Abdel-Moneim and Claire Aubertin"): its
/// tokens, the description's title in the singular (an entry of `titles.csv`) and the state
/// of the same place in the list of states, when both lists are as long.
pub(in crate::text::analysis) struct ListedName {
    name: Range<usize>,
    title: Option<(Range<usize>, usize)>,
    state: Option<ActorRef>,
}

impl<'a> Analysis<'a> {
    /// Names listed in apposition to a plural description of persons: a determiner ("the",
    /// "our", "both", a number), words of `collective_modifier`, a noun of
    /// `collective_person`, optionally "of" and states joined by commas and "and", a comma,
    /// then two or more runs of two to four capitalised words joined by commas and a final
    /// "and", none of them a name the dictionaries know. The list is the evidence that each run
    /// is a person's name.
    pub(in crate::text::analysis) fn plural_appositions(&self) -> Vec<ListedName> {
        let mut listed = Vec::new();
        let n = self.tokens.len();
        for noun in 1..n {
            if !self.lexicon.collective_persons.contains(self.lower(noun)) || self.quoted[noun] {
                continue;
            }
            let mut first = noun;
            while first > 0
                && noun - first < 3
                && self
                    .lexicon
                    .collective_modifiers
                    .contains(self.lower(first - 1))
            {
                first -= 1;
            }
            if first == 0
                || !matches!(
                    self.lower(first - 1),
                    "the" | "our" | "both" | "two" | "three" | "four" | "five"
                )
            {
                continue;
            }
            // The states after "of", in order.
            let mut k = noun + 1;
            let mut states: Vec<ActorRef> = Vec::new();
            if k < n && self.lower(k) == "of" {
                k += 1;
                loop {
                    let start = if k < n && self.lower(k) == "the" {
                        k + 1
                    } else {
                        k
                    };
                    let Some(state) = self
                        .mention(start)
                        .filter(|m| m.tokens.start == start && !m.is_place)
                        .and_then(|m| {
                            m.actors
                                .iter()
                                .copied()
                                .find(|&a| self.actor_kind(a) == ActorKind::State)
                        })
                    else {
                        break;
                    };
                    states.push(state);
                    k = self.mention(start).map_or(start + 1, |m| m.tokens.end);
                    let next = match (self.word(k.min(n - 1)), self.lower((k + 1).min(n - 1))) {
                        (",", "and") => k + 2,
                        (",", _) | ("and", _) => k + 1,
                        _ => break,
                    };
                    let after = if next < n && self.lower(next) == "the" {
                        next + 1
                    } else {
                        next
                    };
                    if self.mention(after).is_none_or(|m| m.tokens.start != after) {
                        break;
                    }
                    k = next;
                }
                if states.is_empty() {
                    continue;
                }
            }
            if k >= n || self.word(k) != "," {
                continue;
            }
            // The names, each a run of capitalised words no dictionary names.
            let mut names: Vec<Range<usize>> = Vec::new();
            let mut coordinated = false;
            let mut j = k + 1;
            loop {
                let start = j;
                let mut words = 0;
                while j < n
                    && !self.tokens[j].line_before
                    && self.mention(j).is_none()
                    && ((self.is_capitalised(j)
                        && self.tokens[j].kind == TokenKind::Word
                        && !self.is_not_name_word(j)
                        && self.title_at(j).is_none())
                        || (self.word(j) == "-"
                            && j > start
                            && !self.tokens[j].space_before
                            && j + 1 < n
                            && self.is_capitalised(j + 1)))
                {
                    if self.word(j) != "-" {
                        words += 1;
                    }
                    j += 1;
                }
                if !(2..=4).contains(&words) {
                    names.clear();
                    break;
                }
                names.push(start..j);
                if coordinated {
                    break;
                }
                match (self.word(j.min(n - 1)), self.lower((j + 1).min(n - 1))) {
                    (",", "and") => {
                        coordinated = true;
                        j += 2;
                    }
                    ("and", _) => {
                        coordinated = true;
                        j += 1;
                    }
                    (",", _) => j += 1,
                    _ => break,
                }
                if j >= n {
                    break;
                }
            }
            if !coordinated || names.len() < 2 {
                continue;
            }
            // The title in the singular: "foreign ministers" is "foreign minister".
            let mut title_words: Vec<String> =
                (first..noun).map(|x| self.lower(x).to_string()).collect();
            title_words.push(singular_of(self.lower(noun)));
            let title = self
                .lexicon
                .titles
                .iter()
                .position(|t| {
                    t.kind != "honorific"
                        && t.kind != "descriptor"
                        && lower_words(&name_words_of(&t.title)) == title_words
                })
                .map(|index| (first..noun + 1, index));
            let paired = states.len() == names.len();
            for (at, name) in names.into_iter().enumerate() {
                listed.push(ListedName {
                    name,
                    title: title.clone(),
                    state: paired.then(|| states[at]),
                });
            }
        }
        listed
    }

    /// "Samir Haddadin" of "the foreign ministers of Jordan, Egypt and France, Samir Haddadin,
    /// ...": the listed person's title in the singular and the state of the same place.
    fn add_listed_role(&mut self, person: ActorRef, listed: &ListedName) {
        let entry = &mut self.actors[person.0];
        if entry.party.is_none() {
            entry.party = listed.state;
        }
        let title = listed
            .title
            .as_ref()
            .map(|(_, index)| self.lexicon.titles[*index].title.clone());
        if let Some(title) = &title {
            let words: Vec<String> = title
                .to_lowercase()
                .split_whitespace()
                .map(str::to_string)
                .collect();
            if !entry.title_words.contains(&words) {
                entry.title_words.push(words);
            }
        }
        if title.is_none() && listed.state.is_none() {
            return;
        }
        let tokens = listed
            .title
            .as_ref()
            .map_or(listed.name.clone(), |(t, _)| t.start..listed.name.end);
        let role = Role {
            title,
            affiliation: listed.state,
            span: self.token_span(tokens),
        };
        let roles = &mut self.actors[person.0].actor.roles;
        if !roles
            .iter()
            .any(|r| r.title == role.title && r.affiliation == role.affiliation)
        {
            roles.push(role);
        }
    }

    /// "al-Rashed met ...", "“...,” al-Rashed told reporters": a surname that opens with a
    /// lower-case article is no capitalised run, but it names the person of the article whose
    /// name ends with it.
    pub(in crate::text::analysis) fn find_particle_surnames(&mut self) {
        let mut added = false;
        for i in 0..self.tokens.len().saturating_sub(2) {
            if !matches!(self.word(i), "al" | "el")
                || self.word(i + 1) != "-"
                || self.tokens[i + 1].space_before
                || self.tokens[i + 2].space_before
                || !self.is_capitalised(i + 2)
                || (i..i + 3).any(|k| self.mention(k).is_some())
                || (i > 0 && self.is_capitalised(i - 1) && self.tokens[i].space_before)
            {
                continue;
            }
            let surname = vec![self.text_of(i..i + 3)];
            let Some(person) = self.find_person(&surname) else {
                continue;
            };
            if self.actors[person.0].name_words.last() != lower_words(&surname).last() {
                continue;
            }
            self.push_mention(Mention {
                tokens: i..i + 3,
                actors: vec![person],
                place: None,
                how: How::Surname,
                is_place: false,
            });
            added = true;
        }
        if added {
            self.resort_mentions();
        }
    }

    /// "Raimonds Bērziņš of Latvia": the word "of" and a state's name right after a name,
    /// the state ending the phrase (not "Bank of Latvia Governor").
    pub(in crate::text::analysis) fn state_follows_of(&self, end: usize) -> bool {
        if end + 1 >= self.tokens.len()
            || self.word(end) != "of"
            || self.tokens[end + 1].line_before
        {
            return false;
        }
        let Some(mention) = self.mention(end + 1) else {
            return false;
        };
        mention.tokens.start == end + 1
            && !mention.is_place
            && mention
                .actors
                .iter()
                .any(|&a| self.actor_kind(a) == ActorKind::State)
            && self.tokens.get(mention.tokens.end).is_none_or(|t| {
                t.kind != TokenKind::Word || !self.is_capitalised(mention.tokens.end)
            })
    }

    /// Decides whether a run of capitalised words is a person, and records it.
    pub(in crate::text::analysis) fn consider_person(
        &mut self,
        run: Range<usize>,
        title_people: &[TitlePerson],
        listed: &[ListedName],
    ) {
        let surface =
            self.text[self.tokens[run.start].start..self.tokens[run.end - 1].end].to_string();
        let words = name_words_of(&surface);
        // A single word is a surname only right after its title ("Secretary Blinken"); a title
        // some words back over capitalised words ("Ranking Member of the Committee on Arts")
        // is evidence for a full name only.
        let title = self
            .title_before(run.start)
            .filter(|(range, _)| name_word_count(&words) >= 2 || range.end == run.start);
        let apposition_after = self.apposition_title_after(run.end);
        let mut apposition_before = self.apposition_title_before(run.start);
        // Honorifics between an office's title and the name ("Minister Dr. Fuad Hussein").
        let honorific_only = title
            .as_ref()
            .is_some_and(|(_, t)| self.lexicon.titles[*t].kind == "honorific");
        let mut title = title;
        if honorific_only || title.is_none() {
            match self.office_title_over_honorifics(run.start) {
                Some(Ok(found)) => title = Some(found),
                Some(Err(found)) if apposition_before.is_none() => {
                    apposition_before = Some(found);
                    if honorific_only {
                        title = None;
                    }
                }
                _ => {}
            }
        }
        let speech_after = self.speech_verb_follows(run.end);
        // The officeholder of the article's date these words name, with the title of the
        // office before them or in apposition.
        let office_title = title
            .clone()
            .or(apposition_before.clone())
            .or(apposition_after.clone());
        let (offices, qualifier) = self.title_context(office_title.as_ref(), run.clone());
        // Only a name of two words or more, or one after an office's title, can be looked up.
        let folded = if self.published.is_some()
            && (!offices.is_empty() || name_word_count(&words) >= 2)
            && (self.lexicon.officeholders().may_name(&words)
                || !offices.is_empty() && name_word_count(&words) == 1)
        {
            fold_words(&words)
        } else {
            Vec::new()
        };
        // A former holder, or a slip of a holder's name, only right after the title.
        let title_before = title.is_some();
        let holder = self
            .find_officeholder(&words, &folded, offices, qualifier, title_before)
            .or_else(|| {
                self.bare_surname_holder(&words, run.clone(), title.is_some(), speech_after)
            });
        // A person met before: by name, or as the same officeholder under another spelling;
        // not a namesake the dictionary knows as somebody else ("David Francis" is not "Pope
        // Francis").
        let known = match (self.find_person(&words), holder) {
            (Some(actor), Some(found)) if !self.may_be(actor, found) => {
                self.actor_of_officeholder(found)
            }
            (known, _) => known.or_else(|| holder.and_then(|f| self.actor_of_officeholder(f))),
        };
        // A surname with a title, misspelt, of a person the article names in full.
        let known = known.or_else(|| {
            let evidence =
                title.is_some() || apposition_before.is_some() || apposition_after.is_some();
            (evidence && holder.is_none() && name_word_count(&words) == 1)
                .then(|| words.iter().find(|w| !is_initial(w)))
                .flatten()
                .and_then(|w| self.misspelt_person(w))
        });
        let from_title = title_people
            .iter()
            .find(|p| words.len() >= 2 && p.words == lower_words(&words));
        let multiword = name_word_count(&words) >= 2;
        // "Getachew Reda signed for the TPLF.": a name opening a sentence before a verb.
        let subject_of_sentence = multiword
            && name_word_count(&words) <= 3
            && self.starts_sentence(run.start)
            && self.is_past_verb(run.end);
        // "Ethiopia's Grand Renaissance Dam": a run cut short by a word that never names a
        // person is the start of the name of a thing.
        let cut_short = run.end < self.tokens.len()
            && self.tokens[run.end].kind == TokenKind::Word
            && !self.tokens[run.end].line_before
            && self.is_capitalised(run.end)
            && self.is_not_name_word(run.end)
            && self.title_at(run.end).is_none()
            && !self
                .dates
                .get(self.sentence_of(run.end))
                .is_some_and(|dates| {
                    dates
                        .iter()
                        .any(|d| d.first_token <= run.end && run.end < d.end_token)
                });
        // "Russia’s Sergei Lavrov": a state's possessive before a name.
        let state_possessive = multiword
            && !cut_short
            && name_word_count(&words) <= 3
            && run.start >= 2
            && self.tokens[run.start - 1].kind == TokenKind::Possessive
            && self.mention(run.start - 2).is_some_and(|m| {
                m.actors
                    .iter()
                    .any(|&a| self.actor_kind(a) == ActorKind::State)
            });
        // "her counterparts, Raimonds Bērziņš of Latvia and ...": a name and its state.
        // Not "the Farmers Union of Kenya".
        let after_article = run.start > 0 && self.lower(run.start - 1) == "the";
        let of_state = multiword
            && name_word_count(&words) <= 3
            && !after_article
            && self.state_follows_of(run.end);
        // "the foreign ministers of Jordan, Egypt and France, Samir Haddadin, ...".
        let listed_name = listed.iter().find(|l| l.name.start == run.start);
        let is_person = known.is_some()
            || title.is_some()
            || holder.is_some()
            || (multiword && self.lexicon.officeholders().is_whole_name(&folded))
            || (multiword
                && (apposition_after.is_some()
                    || apposition_before.is_some()
                    || speech_after
                    || subject_of_sentence
                    || state_possessive
                    || of_state))
            || from_title.is_some()
            || listed_name.is_some();
        if !is_person || self.quoted[run.start] && title.is_none() && known.is_none() {
            if multiword && name_word_count(&words) <= 4 {
                self.unclaimed_names.push(run);
            }
            return;
        }
        let role_source = title.clone().or(apposition_before).or(apposition_after);
        let actor = match known {
            Some(actor) => {
                self.upgrade_person_name(actor, &words, &surface);
                actor
            }
            None => self.new_person(&words, &surface, title_people),
        };
        if let Some(found) = holder {
            self.attach_officeholder(actor, found);
        }
        if let Some((title_range, title_index)) = role_source {
            self.add_role(actor, title_range, title_index, run.clone());
        } else if let Some(listed_name) = listed_name {
            self.add_listed_role(actor, listed_name);
        }
        if state_possessive && self.actors[actor.0].party.is_none() {
            let state = self
                .mention(run.start - 2)
                .and_then(|m| m.actors.first().copied());
            self.actors[actor.0].party = state;
        }
        // "Raimonds Bērziņš of Latvia": the state after "of" is the person's.
        if of_state && title.is_none() && self.actors[actor.0].party.is_none() {
            let state = self.mention(run.end + 1).and_then(|m| {
                m.actors
                    .iter()
                    .copied()
                    .find(|&a| self.actor_kind(a) == ActorKind::State)
            });
            self.actors[actor.0].party = state;
        }
        let how = if self.actors[actor.0].name_words.len() > lower_words(&words).len() {
            How::Surname
        } else {
            How::Name
        };
        self.push_mention(Mention {
            tokens: run,
            actors: vec![actor],
            place: None,
            how,
            is_place: false,
        });
    }

    /// A person the article names only by surname ("Mr. Schifrin", "MR SCHIFRIN:") takes the
    /// full name the article gives without other evidence ("Let's go to Nick Schifrin."), when
    /// exactly one such name ends with that surname; the full name becomes a mention of the
    /// person. A surname introduced after its full name is already found by `find_person`.
    pub(in crate::text::analysis) fn complete_surnames(&mut self) {
        let mut added = false;
        for a in 0..self.actors.len() {
            let person = &self.actors[a];
            if person.actor.kind != ActorKind::Person
                || person.name_words.len() != 1
                || person.name_from_dictionary
            {
                continue;
            }
            let surname = person.name_words[0].clone();
            let runs: Vec<Range<usize>> = self
                .unclaimed_names
                .iter()
                .filter(|run| {
                    self.tokens[run.end - 1].kind == TokenKind::Word
                        && fold_word(self.lower(run.end - 1)) == surname
                })
                .cloned()
                .collect();
            // The title's names only when the body writes none: a title in title case runs
            // words into a name ("Sentencing of Canadian Citizen Michael Spavor").
            let names: Vec<Vec<String>> = if runs.is_empty() {
                self.unclaimed_title_names
                    .iter()
                    .filter(|words| words.last().is_some_and(|w| fold_word(w) == surname))
                    .cloned()
                    .collect()
            } else {
                runs.iter()
                    .map(|run| name_words_of(&self.text_of(run.clone())))
                    .collect()
            };
            let Some(words) = names.first() else { continue };
            // Two persons of the surname ("Michael Kovrig", "Anna Kovrig"): neither is sure.
            // "Ana Mora-Soto" and "Ana Mora Soto" are one.
            let key = name_key(words);
            if names.iter().any(|other| name_key(other) != key) {
                continue;
            }
            let words = words.clone();
            let surface = words.join(" ");
            self.upgrade_person_name(ActorRef(a), &words, &surface);
            for run in runs {
                self.push_mention(Mention {
                    tokens: run,
                    actors: vec![ActorRef(a)],
                    place: None,
                    how: How::Name,
                    is_place: false,
                });
                added = true;
            }
        }
        if added {
            self.resort_mentions();
        }
    }

    /// A person of the article whose name contains these words.
    pub(in crate::text::analysis) fn find_person(&self, words: &[String]) -> Option<ActorRef> {
        let lower = lower_words(words);
        let names: Vec<&String> = lower.iter().filter(|w| !is_initial(w)).collect();
        if names.is_empty() {
            return None;
        }
        // Whole-name match first, then a single word matching a last, then any, name word.
        // Every match shares a word: only the persons who have one are looked at, in the
        // order they were met.
        let mut candidates: Vec<usize> = names
            .iter()
            .filter_map(|w| self.persons_by_word.get(w.as_str()))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(u8, usize)> = None;
        for i in candidates {
            let person = &self.actors[i];
            let person_words = &person.name_words;
            let score = if names.iter().all(|w| person_words.contains(w))
                && names.len() == person_words.len()
            {
                3
            } else if names.len() == 1 && person_words.last() == Some(names[0]) {
                2
            } else if names.len() == 1 && person_words.contains(names[0]) {
                1
            } else if names.len() > 1
                && person_words.len() > 1
                && names.iter().all(|w| person_words.contains(w))
            {
                2
            } else if names.len() > person_words.len()
                && person_words.len() > 1
                && names.last() == person_words.last().as_ref()
                && person_words[..person_words.len() - 1]
                    .iter()
                    .all(|w| NAME_PARTICLES.contains(&w.as_str()))
            {
                // "Maarten van der Linden" after "Van der Linden said"
                2
            } else if names.len() > 1
                && person_words.len() == 1
                && names.last() == person_words.first().as_ref()
            {
                // "Antony Blinken" after "Secretary Blinken"
                2
            } else {
                0
            };
            if score > 0 && best.is_none_or(|(s, _)| score > s) {
                best = Some((score, i));
            }
        }
        best.map(|(_, i)| ActorRef(i))
    }

    /// The one person of the article with a family name a slip away from this surname
    /// ("Ambassador Khalizad" beside Zalmay Khalilzad, "MR BLINKNEN:"): a letter or two
    /// changed, added or dropped, by the surname's length (`may_misspell`). The given name of
    /// a full name is never compared; a person known by surname alone is compared by it.
    pub(in crate::text::analysis) fn misspelt_person(&self, surname: &str) -> Option<ActorRef> {
        let surname = fold_word(surname);
        if misspelling_limit(&surname) == 0 {
            return None;
        }
        let mut found: Option<usize> = None;
        for (i, person) in self.actors.iter().enumerate() {
            if person.actor.kind != ActorKind::Person || person.name_words.is_empty() {
                continue;
            }
            // Not the given name of a full name; a surname-only person's one word.
            let skip = usize::from(person.name_words.len() >= 2);
            let close = person.name_words[skip..]
                .iter()
                .any(|w| may_misspell(&surname, w));
            if close {
                if found.is_some() {
                    return None;
                }
                found = Some(i);
            }
        }
        found.map(ActorRef)
    }

    pub(in crate::text::analysis) fn new_person(
        &mut self,
        words: &[String],
        surface: &str,
        title_people: &[TitlePerson],
    ) -> ActorRef {
        let mut name = canonical_person_name(words);
        let mut name_words = lower_words(words)
            .into_iter()
            .filter(|w| !is_initial(w))
            .collect::<Vec<_>>();
        // A surname alone takes the full name the article's title gives ("FOREIGN MINISTER
        // SOLANO" is Rodolfo Solano Quirós), as does a surname with its particles ("Mr von der
        // Mühll").
        let particles_and_surname = name_words.len() > 1
            && name_words[..name_words.len() - 1]
                .iter()
                .all(|w| NAME_PARTICLES.contains(&w.as_str()));
        let full = title_people.iter().find(|p| {
            (name_words.len() == 1 && p.words.contains(&name_words[0]))
                || (particles_and_surname
                    && p.words.len() > name_words.len()
                    && p.words.ends_with(&name_words))
        });
        if let Some(full) = full {
            name = full.name.clone();
            name_words = full.words.clone();
        }
        let mut actor = Actor::new(ActorKind::Person, name.clone());
        if surface != name {
            actor.aliases.push(surface.to_string());
        }
        let index = self.actors.len();
        for word in &name_words {
            self.persons_by_word
                .entry(word.clone())
                .or_default()
                .push(index);
        }
        self.actors.push(ArticleActor {
            actor,
            entity: None,
            name_words,
            title_words: Vec::new(),
            party: None,
            officeholder: None,
            name_from_dictionary: false,
        });
        ActorRef(index)
    }

    /// A fuller name for a person first met by surname ("Secretary Blinken", then "Antony J.
    /// Blinken") becomes the canonical one.
    pub(in crate::text::analysis) fn upgrade_person_name(
        &mut self,
        actor: ActorRef,
        words: &[String],
        surface: &str,
    ) {
        let new_words: Vec<String> = lower_words(words)
            .into_iter()
            .filter(|w| !is_initial(w))
            .collect();
        for word in &new_words {
            let persons = self.persons_by_word.entry(word.clone()).or_default();
            if !persons.contains(&actor.0) {
                persons.push(actor.0);
            }
        }
        let person = &mut self.actors[actor.0];
        let replaces_dictionary = person.name_from_dictionary && new_words.len() >= 2;
        if new_words.len() > person.name_words.len() || replaces_dictionary {
            person.name_from_dictionary = false;
            let old = std::mem::replace(&mut person.actor.name, canonical_person_name(words));
            if !person.actor.aliases.contains(&old) {
                person.actor.aliases.push(old);
            }
            person.name_words = new_words;
        }
        if surface != person.actor.name && !person.actor.aliases.iter().any(|a| a == surface) {
            person.actor.aliases.push(surface.to_string());
        }
    }
}

#[cfg(test)]
mod tests {

    use crate::text::analysis::testing::*;

    use crate::extract::ActorKind;

    #[test]
    fn an_elected_president_keeps_his_suffix_and_his_title() {
        let analysis = analyse(
            "Sherman will meet President-Elect Ferdinand Marcos Jr. and senior officials in Manila.",
        );
        assert_eq!(persons(&analysis), ["Ferdinand Marcos Jr."]);
        let role = analysis
            .actors
            .iter()
            .find_map(|a| a.actor.roles.first().cloned());
        assert_eq!(
            role.and_then(|r| r.title).as_deref(),
            Some("President-Elect")
        );
    }

    #[test]
    fn a_surname_opening_with_a_lower_case_article_names_its_person() {
        let analysis = analyse(
            "Minister of State Ali bin Fahad al-Rashed arrived in Baghdad. According to INA, \
             al-Rashed met officials. \"We want to turn the page,\" al-Rashed told reporters.",
        );
        let found: Vec<(String, Vec<String>)> = mentions(&analysis)
            .into_iter()
            .filter(|(surface, _)| surface == "al-Rashed")
            .collect();
        assert_eq!(found.len(), 2, "{:?}", mentions(&analysis));
        assert!(
            found
                .iter()
                .all(|(_, names)| names == &["Ali bin Fahad al-Rashed".to_string()])
        );
    }

    #[test]
    fn a_name_written_without_its_diacritics_is_the_same_person() {
        let analysis = analyse(
            "Lithuania's Gintarė Kazlauskienė hosted the talks. Kazlauskiene told reporters the \
             border would stay closed.\n\nPhoto: Interior Minister Gintare Kazlauskiene in Vilnius.",
        );
        assert_eq!(persons(&analysis), ["Gintarė Kazlauskienė"]);
    }

    #[test]
    fn a_state_after_of_is_the_party_of_the_person_before_it() {
        let analysis = analyse(
            "She hosted her counterparts, Raimonds Bērziņš of Latvia and Piotr Wróblewski of \
             Poland. The Latvian minister said his country would keep its border closed.",
        );
        let party = |name: &str| {
            let a = analysis
                .actors
                .iter()
                .find(|a| a.actor.name == name)
                .unwrap();
            a.party.map(|p| analysis.actor_name(p).to_string())
        };
        assert_eq!(party("Raimonds Bērziņš").as_deref(), Some("Latvia"));
        assert_eq!(party("Piotr Wróblewski").as_deref(), Some("Poland"));
        let minister = mentions(&analysis)
            .into_iter()
            .find(|(surface, _)| surface.starts_with("The Latvian"));
        assert_eq!(
            minister.map(|m| m.1),
            Some(vec!["Raimonds Bērziņš".to_string()])
        );
    }

    /// Issue #11: one-word "persons" such as "Arts" or "Ice" came from titles some words back.
    #[test]
    fn a_single_word_is_a_surname_only_right_after_its_title() {
        // Blinken was Secretary of State on the date: the officeholder dictionary gives his
        // whole name.
        let a = analyse("Secretary Blinken thanked the Chair of the Ranking Committee on Arts.");
        assert_eq!(persons(&a), ["Antony Blinken"]);
        let a = analyse("Secretary Jones thanked the Chair of the Ranking Committee on Arts.");
        assert_eq!(persons(&a), ["Jones"]);
        let a = analyse("Under Secretary for Arms Control Bonnie Jenkins spoke.");
        assert_eq!(persons(&a), ["Bonnie Jenkins"]);
    }

    #[test]
    fn middle_initials_are_dropped_and_full_names_win() {
        let a = analyse(
            "Secretary Blinken arrived. Antony J. Blinken then met Deputy Secretary Wendy R. Sherman.",
        );
        let names: Vec<&str> = a
            .actors
            .iter()
            .filter(|x| x.actor.kind == ActorKind::Person)
            .map(|x| x.actor.name.as_str())
            .collect();
        assert_eq!(names, ["Antony Blinken", "Wendy Sherman"]);
    }

    #[test]
    fn appositions_and_speech_verbs_reveal_persons() {
        let a = analyse(
            "Ali Shamkhani, the secretary of Iran’s Supreme National Security Council, signed. \
             The U.S. ambassador, Linda Thomas-Greenfield, spoke. Mykhailo Podolyak, an adviser, said no.",
        );
        assert_eq!(resolved(&a, "Ali Shamkhani"), ["Ali Shamkhani"]);
        assert_eq!(
            resolved(&a, "Linda Thomas-Greenfield"),
            ["Linda Thomas-Greenfield"]
        );
        assert_eq!(resolved(&a, "Mykhailo Podolyak"), ["Mykhailo Podolyak"]);
        let shamkhani = a
            .actors
            .iter()
            .find(|x| x.actor.name == "Ali Shamkhani")
            .unwrap();
        assert_eq!(shamkhani.party.map(|p| a.actor_name(p)), Some("Iran"));
    }

    #[test]
    fn names_listed_after_a_plural_description_are_persons_of_its_states() {
        // Issue #10: "the foreign ministers of X, Y and Z, A, B and C": each name takes the
        // title in the singular and the state of the same place.
        let a = analyse(
            "We, the foreign ministers of the Hashemite Kingdom of Jordan, the Arab Republic of \
             Egypt and the French Republic, Samir Haddadin, Tarek Abdel-Moneim and Claire \
             Aubertin, met today in Amman.",
        );
        assert_eq!(
            affiliations(&a),
            [
                ("Samir Haddadin".to_string(), Some("Jordan".to_string())),
                ("Tarek Abdel-Moneim".to_string(), Some("Egypt".to_string())),
                ("Claire Aubertin".to_string(), Some("France".to_string())),
            ]
        );
        assert!(
            a.actors
                .iter()
                .filter_map(|x| x.actor.roles.first())
                .all(|r| r.title.as_deref() == Some("Foreign Minister")),
        );
        // Lists of unequal length give no states; places and bodies stay what they are.
        let a = analyse(
            "The two leaders, Anna Berg and Piet Smit, met the ministers of Chad and Mali, \
             Addis Ababa, Dar es Salaam and European Commission, in Paris.",
        );
        assert_eq!(persons(&a), ["Anna Berg", "Piet Smit"]);
        assert_eq!(
            affiliations(&a),
            [
                ("Anna Berg".to_string(), None),
                ("Piet Smit".to_string(), None)
            ]
        );
    }

    /// Issue #11: "Ethiopia's Grand Renaissance Dam" was a person: a run cut short by a word
    /// that never names a person is the start of a thing's name, not a name after a state's
    /// possessive; a date after the name does not cut it short.
    #[test]
    fn a_run_before_a_word_of_things_is_no_person_after_a_possessive() {
        let a = analyse(
            "They discussed Ethiopia's Grand Renaissance Dam. Russia's Ivan Petrenko Monday \
             rejected the plan. Assistant Secretary for Verification, Compliance, and \
             Implementation Daniel R. Whitcombe will travel.",
        );
        assert_eq!(persons(&a), ["Ivan Petrenko", "Daniel Whitcombe"]);
    }

    #[test]
    fn a_name_followed_by_of_and_a_state_is_a_person() {
        // Issue #10: "her counterparts, X of Latvia and Y of Poland".
        let a = analyse(
            "The host welcomed her guests, Ilze Kalnina of Latvia and Tomasz Nowicki of Poland. \
             The Central Bank of Latvia Governor and the Farmers Union of Poland were absent.",
        );
        assert_eq!(persons(&a), ["Ilze Kalnina", "Tomasz Nowicki"]);
    }

    /// Issue #11: "Let's go to Nick Schifrin." gave no person, so "MR SCHIFRIN:" and "Mr.
    /// Schifrin" stayed a surname alone.
    #[test]
    fn a_surname_takes_the_full_name_given_before_without_evidence() {
        let body = "MR PRICE: Let’s go to the line of Nick Schifrin.\n\nOPERATOR: Mr. Schifrin, your line is open.\n\nMR SCHIFRIN: Thank you.";
        let a = analyse(body);
        assert_eq!(persons(&a), ["Nick Schifrin", "Price"]);
        let speakers: Vec<Option<&str>> = a
            .turns
            .iter()
            .map(|t| t.speaker.map(|s| a.actor_name(s)))
            .collect();
        assert_eq!(speakers, [Some("Price"), None, Some("Nick Schifrin")]);
        assert!(mentions(&a).contains(&(
            "Nick Schifrin".to_string(),
            vec!["Nick Schifrin".to_string()]
        )));
        // Two full names end with the surname: the surname alone stays.
        let two = analyse(
            "We welcome Michael Kovrig and Anna Kovrig home.\n\nMr. Kovrig spoke to reporters.",
        );
        assert_eq!(persons(&two), ["Kovrig"]);
        // "Special Rep Malley": an abbreviated title, not a given name.
        let rep = analyse("When is Special Rep Malley going back? Mr. Malley declined to say.");
        assert_eq!(persons(&rep), ["Malley"]);
    }

    /// Issue #11: "Ana Mora-Soto" and "Ana Mora Soto" written in one article are one name,
    /// not two persons of the surname, so "MS SOTO:" completes to it.
    #[test]
    fn a_hyphenated_and_a_spaced_surname_are_one_name() {
        let a = analyse(
            "MR GRAY: Our next honoree is Ana Mora-Soto, a teacher.\n\nMS SOTO: I am Ana Mora Soto. Thank you.",
        );
        assert_eq!(persons(&a), ["Gray", "Ana Mora-Soto"]);
        let speakers: Vec<Option<&str>> = a
            .turns
            .iter()
            .map(|t| t.speaker.map(|s| a.actor_name(s)))
            .collect();
        assert_eq!(speakers, [Some("Gray"), Some("Ana Mora-Soto")]);
    }

    /// Issue #11: "Benjamin “Benny” Gantz" was a person "Benjamin".
    #[test]
    fn a_misspelt_surname_is_the_person_named_in_full() {
        let a = analyse(
            "Ambassador Margarethe Oberholzer spoke first. Later Ambassador Oberholtzer \
             thanked Prime Minister Modhi.\n\nMS OBERHOLZR: Thank you.",
        );
        let names = persons(&a);
        assert!(
            names.contains(&"Margarethe Oberholzer".to_string()),
            "{names:?}"
        );
        assert!(names.contains(&"Narendra Modi".to_string()), "{names:?}");
        assert!(
            !names
                .iter()
                .any(|p| p == "Oberholtzer" || p == "Modhi" || p == "Oberholzr"),
            "{names:?}"
        );
        // Two persons a slip away: neither is taken.
        let two = analyse(
            "Ambassador Anna Kowalskia met Ambassador Piotr Kowalskie. Ambassador Kowalski spoke.",
        );
        assert!(persons(&two).contains(&"Kowalski".to_string()));
    }

    #[test]
    fn a_counterpart_is_a_person_and_a_particle_surname_takes_the_full_name() {
        let a = analyse(
            "She met her Japanese counterpart Hiroshi Tanabe in Osaka. Van der Meer said the \
             talks went well. Later Foreign Minister Johan van der Meer left.",
        );
        let names = persons(&a);
        assert!(names.contains(&"Hiroshi Tanabe".to_string()), "{names:?}");
        assert!(
            names.contains(&"Johan van der Meer".to_string()),
            "{names:?}"
        );
        assert!(!names.contains(&"Van der Meer".to_string()), "{names:?}");
        // Lower-case particles after a title belong to the name, and take the full name the
        // article's title gives.
        let b = analyse_titled(
            "Envoy Klara von der Aue leaves",
            "Mrs von der Aue said the talks would resume.",
        );
        assert_eq!(persons(&b), ["Klara von der Aue"]);
    }
}
