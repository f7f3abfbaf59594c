//! The officeholder of the article's date a name refers to (`officeholders.csv`): by a whole
//! name, by a surname after the office's title, or by a bare surname as the subject of a verb.
//!
//! Takes: a name's words, its title and the state written with it. Gives: the [`Found`]
//! officeholder, and the person made that officeholder (party, roles, whole name).

use std::ops::Range;

use crate::extract::ActorRef;
use crate::text::analysis::Analysis;
use crate::text::analysis::names::words::{is_initial, lower_words, name_word_count};
use crate::text::lexicon::{Entity, Lexicon};
use crate::text::officeholders::{Found, Office, fold_words};

impl<'a> Analysis<'a> {
    /// The offices a title names and the state or organisation written with it, with whether
    /// it is written against the title. Honorifics ("Mr.") and descriptors ("politician")
    /// name no office.
    pub(in crate::text::analysis) fn title_context(
        &self,
        title: Option<&(Range<usize>, usize)>,
        name: Range<usize>,
    ) -> (&'a [Office], Option<(Entity, bool)>) {
        let lexicon: &'a Lexicon = self.lexicon;
        let Some((range, index)) = title else {
            return (&[], None);
        };
        let entry = &lexicon.titles[*index];
        if matches!(entry.kind.as_str(), "honorific" | "descriptor") {
            return (&[], None);
        }
        let written = self
            .written_affiliation(range.clone(), name)
            .and_then(|(actor, adjacent)| Some((self.actors[actor.0].entity?, adjacent)));
        // A title's own state ("Secretary of State": the United States) is the usual one, not
        // the only one.
        let qualifier = written.or(entry.affiliation.map(|entity| (entity, false)));
        (&entry.offices, qualifier)
    }

    /// The officeholder of the article's date that a name refers to, as written (`words`),
    /// with the offices its title names (none: no title of an office) and the state or
    /// organisation written with the title. A part of a name ("Biden", "Lavrov") needs the
    /// title of the office; a whole name, or a first and last name, needs no title but must
    /// fit the title's office when one is given. A state written against the title must be
    /// the office's; one further off is a state the sentence mentions, tried first and then
    /// passed over. Right after the title (`title_before`), a surname may also name a former
    /// holder of the office, or be a slip for a holder's.
    pub(in crate::text::analysis) fn find_officeholder(
        &self,
        words: &[String],
        folded: &[String],
        offices: &[Office],
        qualifier: Option<(Entity, bool)>,
        title_before: bool,
    ) -> Option<Found> {
        let date = self.published?;
        let holders = self.lexicon.officeholders();
        if holders.is_empty() {
            return None;
        }
        let multiword = name_word_count(words) >= 2;
        if offices.is_empty() && !multiword {
            return None;
        }
        let lookup = |within: Option<Entity>| {
            holders.named_folded(folded, date, offices, |entity| {
                within.is_none_or(|q| self.lexicon.same_or_part(q, entity))
            })
        };
        let found = match qualifier {
            Some((entity, true)) => lookup(Some(entity)),
            Some((entity, false)) => lookup(Some(entity)).or_else(|| lookup(None)),
            None => lookup(None),
        };
        // A title and a surname nobody in that office has on the date: a former holder of
        // the office ("President Truman"), within the state written or implied by the title
        // when there is one; else a surname a slip away from a holder's ("Prime Minister
        // Modhi").
        let found = found.or_else(|| {
            let [surname] = folded else { return None };
            if multiword || offices.is_empty() || !title_before {
                return None;
            }
            let within = |entity: Entity| {
                qualifier.is_none_or(|(q, _)| self.lexicon.same_or_part(q, entity))
            };
            holders
                .former_named(surname, date, offices, within)
                .or_else(|| holders.misspelt(surname, date, offices, within))
        })?;
        // Without an office's title, a name that is only a part of the person's is a first
        // and last name at least ("Gustavo Petro"), never one word.
        (found.whole || multiword || !offices.is_empty()).then_some(found)
    }

    /// "Erdogan told reporters", "Scholz met Macron": a surname alone, without a title, as the
    /// subject of a verb of speech or of a verb in the past, names the one officeholder of the
    /// article's date the dictionary knows by it (and whom the article does not name otherwise).
    pub(in crate::text::analysis) fn bare_surname_holder(
        &self,
        words: &[String],
        run: Range<usize>,
        titled: bool,
        speech_after: bool,
    ) -> Option<Found> {
        let date = self.published?;
        if titled || name_word_count(words) != 1 || self.quoted[run.start] {
            return None;
        }
        let holders = self.lexicon.officeholders();
        if !holders.may_name(words) {
            return None;
        }
        let end = run.end;
        let subject = speech_after
            || (end < self.tokens.len() && self.is_past_verb(end))
            || (end + 2 < self.tokens.len()
                && self.word(end) == "and"
                && self.is_capitalised(end + 1)
                && self.is_past_verb(end + 2));
        if !subject || self.find_person(words).is_some() {
            return None;
        }
        holders
            .named_folded(&fold_words(words), date, &[], |_| true)
            .filter(|found| holders.in_office(found.row, date))
    }

    /// Whether an article's person may be this officeholder: the one already found to be
    /// them, or one named by a part of a name, or by a whole name the dictionary gives no other
    /// officeholder of the day.
    pub(in crate::text::analysis) fn may_be(&self, actor: ActorRef, found: Found) -> bool {
        let holders = self.lexicon.officeholders();
        let person = holders.row(found.row).person;
        let entry = &self.actors[actor.0];
        if let Some(own) = entry.officeholder {
            return holders.row(own.row).person == person;
        }
        if entry.name_words.len() <= 1 {
            return true;
        }
        let Some(date) = self.published else {
            return true;
        };
        // "First Lady Jill Biden ... President Biden": a given name the officeholder of the
        // day does not have. (A former holder is only a guess from a surname: the article's
        // person of that surname is more likely.)
        if holders.in_office(found.row, date)
            && !holders.given_name_fits(found.row, &fold_words(&entry.name_words))
        {
            return false;
        }
        match holders.named_folded(&fold_words(&entry.name_words), date, &[], |_| true) {
            Some(other) if other.whole => holders.row(other.row).person == person,
            _ => true,
        }
    }

    /// The article's person who is this officeholder, if any.
    pub(in crate::text::analysis) fn actor_of_officeholder(
        &self,
        found: Found,
    ) -> Option<ActorRef> {
        let holders = self.lexicon.officeholders();
        let person = holders.row(found.row).person;
        self.actors
            .iter()
            .position(|a| {
                a.officeholder
                    .is_some_and(|f| holders.row(f.row).person == person)
            })
            .map(ActorRef)
    }

    /// Makes a person the officeholder found for them: the office's state or organisation is
    /// their party, before any the text suggested, and the state of each role they were given;
    /// a person named by a part of the name ("President Biden") takes the whole name.
    pub(in crate::text::analysis) fn attach_officeholder(
        &mut self,
        person: ActorRef,
        found: Found,
    ) {
        if self.actors[person.0].officeholder.is_some() {
            return;
        }
        self.actors[person.0].officeholder = Some(found);
        let holder = self.lexicon.officeholders().row(found.row);
        if let Some(entity) = found.entity {
            let party = self.actor_for_entity(entity);
            let party = self.state_of(party);
            self.actors[person.0].party = Some(party);
        }
        for r in 0..self.actors[person.0].actor.roles.len() {
            let role = &self.actors[person.0].actor.roles[r];
            let offices = role
                .title
                .as_deref()
                .and_then(|title| {
                    self.lexicon
                        .titles
                        .iter()
                        .find(|t| t.title.eq_ignore_ascii_case(title))
                })
                .map(|t| t.offices.as_slice())
                .unwrap_or(&[]);
            if let Some(entity) = self.dictionary_affiliation(person, offices, role.affiliation) {
                let actor = self.actor_for_entity(entity);
                self.actors[person.0].actor.roles[r].affiliation = Some(actor);
            }
        }
        // "Biden" after "President": the whole name, the part an alias.
        if self.actors[person.0].name_words.len() == 1 && holder.name.split_whitespace().count() > 1
        {
            let words: Vec<String> = holder.name.split_whitespace().map(str::to_string).collect();
            let entry = &mut self.actors[person.0];
            let old = std::mem::replace(&mut entry.actor.name, holder.name.clone());
            if !entry.actor.aliases.contains(&old) {
                entry.actor.aliases.push(old);
            }
            entry.name_words = lower_words(&words)
                .into_iter()
                .filter(|w| !is_initial(w))
                .collect();
            entry.name_from_dictionary = true;
            for word in entry.name_words.clone() {
                let persons = self.persons_by_word.entry(word).or_default();
                if !persons.contains(&person.0) {
                    persons.push(person.0);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {

    use crate::text::analysis::testing::*;

    #[test]
    fn a_namesake_with_another_given_name_is_not_the_officeholder_of_the_day() {
        let analysis = analyse(
            "First Lady Jill Biden opened the exhibition. President Biden spoke with the Prime \
             Minister of Italy on Tuesday.",
        );
        let names: Vec<(String, Vec<String>)> = mentions(&analysis)
            .into_iter()
            .filter(|(surface, _)| surface.contains("Biden"))
            .collect();
        assert_eq!(
            names,
            [
                ("Jill Biden".to_string(), vec!["Jill Biden".to_string()]),
                ("Biden".to_string(), vec!["Joe Biden".to_string()]),
            ]
        );
    }

    #[test]
    fn a_bare_surname_before_a_verb_is_the_officeholder_of_the_day() {
        // Published on 12 January 2022.
        let analysis = analyse(
            "Erdogan told reporters that Sweden should wait. Scholz and Macron met in Paris. \
             Johnson is a common name, and Draghi's plan was discussed.",
        );
        assert_eq!(
            persons(&analysis),
            ["Recep Tayyip Erdoğan", "Olaf Scholz", "Emmanuel Macron"]
        );
        assert_eq!(
            resolved(&analysis, "Erdogan"),
            ["Recep Tayyip Erdoğan".to_string()]
        );
    }

    #[test]
    fn a_title_and_surname_name_a_former_holder_of_the_office() {
        let a = analyse("President Truman met Prime Minister Nehru. President Bush said so.");
        let names = persons(&a);
        assert!(names.contains(&"Harry S. Truman".to_string()), "{names:?}");
        assert!(names.contains(&"Jawaharlal Nehru".to_string()), "{names:?}");
        // Two former presidents Bush: the surname stays.
        assert!(names.contains(&"Bush".to_string()), "{names:?}");
        // A surname in apposition is not looked up among former holders.
        let b = analyse("Look at this, Stephen, President Putin has failed.");
        assert!(!persons(&b).contains(&"Marcus Stephen".to_string()));
    }
}
