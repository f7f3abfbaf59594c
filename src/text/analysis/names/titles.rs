//! Titles, roles and appositions: the title before a name ("Foreign Minister Dr. Fuad Hussein"),
//! after it (", the secretary of ..."), a verb of speech after it, and the role and affiliation
//! a title gives its person.
//!
//! Takes: tokens, phrases (titles) and mentions. Gives: the title of a name, and the person's
//! roles, title words and party.

use std::ops::Range;

use crate::extract::{ActorKind, ActorRef, Role};
use crate::text::analysis::Analysis;
use crate::text::lexicon::{Entity, PhraseTarget};
use crate::text::officeholders::Office;
use crate::text::tokens::TokenKind;

/// A title's tokens and its row in `titles.csv`.
pub(in crate::text::analysis) type TitleSpan = (Range<usize>, usize);

impl<'a> Analysis<'a> {
    /// The title right before a name, and further left across an institution's name:
    /// "Director of the Office of the Foreign Affairs Commission Yang Jiechi".
    pub(in crate::text::analysis) fn title_before(
        &self,
        start: usize,
    ) -> Option<(Range<usize>, usize)> {
        // A title at the end of the paragraph before ("Antony J. Blinken, Secretary of
        // State\n\nMohammed bin Abdulrahman Al-Thani") is not this name's.
        if start == 0 || self.tokens[start].line_before {
            return None;
        }
        if let Some(found) = self.title_at(start - 1) {
            return Some(found);
        }
        let mut k = start;
        let mut steps = 0;
        let mut crossed_person = false;
        while k > 0 && steps < 16 {
            k -= 1;
            steps += 1;
            if let Some(found) = self.title_at(k) {
                // "Foreign Minister Javad Zarif and Federica Mogherini": a title reaches over
                // another person's name only when it is plural ("Presidents Joe Biden and Xi
                // Jinping").
                let plural = self.word(found.0.end - 1).ends_with('s');
                return (!crossed_person || plural).then_some(found);
            }
            if self.mention(k).is_some_and(|m| {
                m.actors
                    .iter()
                    .any(|&x| self.actor_kind(x) == ActorKind::Person)
            }) {
                crossed_person = true;
            }
            let word = self.word(k);
            let allowed = self.is_capitalised(k)
                || matches!(
                    word,
                    "of" | "the" | "and" | "for" | "to" | "," | "-" | "’s" | "'s"
                )
                || self.tokens[k].kind == TokenKind::Possessive;
            if !allowed || self.tokens[k + 1].line_before {
                return None;
            }
        }
        None
    }

    /// "Foreign Minister Dr. Fuad Hussein", "the Minister for Foreign Affairs of Sweden, Ms. Ann
    /// Linde": the title of an office before the honorifics before a name, either against them
    /// (`Ok`) or set off by a comma after its complement (`Err`).
    pub(in crate::text::analysis) fn office_title_over_honorifics(
        &self,
        start: usize,
    ) -> Option<Result<TitleSpan, TitleSpan>> {
        let is_office = |t: usize| {
            !matches!(
                self.lexicon.titles[t].kind.as_str(),
                "honorific" | "descriptor"
            )
        };
        let mut k = start;
        while k > 0
            && !self.tokens[k].line_before
            && let Some((range, t)) = self.title_at(k - 1)
            && range.end == k
            && !is_office(t)
        {
            k = range.start;
        }
        if k == start || k == 0 || self.tokens[k].line_before {
            return None;
        }
        if let Some((range, t)) = self.title_at(k - 1)
            && range.end == k
            && is_office(t)
        {
            return Some(Ok((range, t)));
        }
        if self.word(k - 1) != "," {
            return None;
        }
        // Back from the comma over the title's complement: "for Global Food Security",
        // "of Sweden".
        let comma = k - 1;
        let mut j = comma;
        let mut steps = 0;
        while j > 0 && steps < 8 {
            j -= 1;
            steps += 1;
            if self.tokens[j + 1].line_before {
                return None;
            }
            if let Some((range, t)) = self.title_at(j)
                && is_office(t)
            {
                let complement_opens =
                    range.end == comma || matches!(self.lower(range.end), "of" | "for" | "to");
                return complement_opens.then_some(Err((range, t)));
            }
            let word = self.word(j);
            if !(self.is_capitalised(j) || matches!(word, "of" | "for" | "the" | "and" | "to")) {
                return None;
            }
        }
        None
    }

    /// ", the secretary of Iran’s Supreme National Security Council," after a name.
    pub(in crate::text::analysis) fn apposition_title_after(
        &self,
        end: usize,
    ) -> Option<(Range<usize>, usize)> {
        if end >= self.tokens.len() || self.word(end) != "," {
            return None;
        }
        let limit = (end + 14).min(self.tokens.len());
        for k in end + 1..limit {
            if let Some(found) = self.title_at(k) {
                return Some(found);
            }
            if matches!(self.word(k), "," | "." | ";" | ":") || self.tokens[k].line_before {
                return None;
            }
        }
        None
    }

    /// "the U.S. ambassador, Linda Thomas-Greenfield": a title, then a comma, then the name.
    pub(in crate::text::analysis) fn apposition_title_before(
        &self,
        start: usize,
    ) -> Option<(Range<usize>, usize)> {
        if start < 2 || self.word(start - 1) != "," {
            return None;
        }
        self.title_at(start - 2)
    }

    /// A speech verb right after a name, or after an apposition set off by commas.
    pub(in crate::text::analysis) fn speech_verb_follows(&self, end: usize) -> bool {
        let is_speech = |k: usize| {
            matches!(
                self.phrase(k).map(|p| p.target),
                Some(PhraseTarget::Speech(_))
            )
        };
        if end < self.tokens.len() && is_speech(end) {
            return true;
        }
        if end < self.tokens.len() && self.word(end) == "," {
            let limit = (end + 25).min(self.tokens.len());
            for k in end + 1..limit {
                if self.word(k) == "," {
                    return k + 1 < self.tokens.len() && is_speech(k + 1);
                }
                if matches!(self.word(k), "." | ";") {
                    return false;
                }
            }
        }
        false
    }

    /// The state or organisation written with a title: before it ("Russian", "NATO",
    /// "Ukraine’s"), up to four tokens back and within the clause, or after it ("of the
    /// United Nations", "of Finland"). The flag says it is written right against the title
    /// ("Russian Foreign Minister", "Ukraine’s President", "President of Finland"), which
    /// makes it the office's own rather than a state the sentence mentions.
    pub(in crate::text::analysis) fn written_affiliation(
        &self,
        title: Range<usize>,
        name: Range<usize>,
    ) -> Option<(ActorRef, bool)> {
        let mut affiliation = None;
        // Against the title: "Russian Foreign Minister", "Ukraine’s Foreign Minister", or
        // right after it, "President of Finland".
        let adjacent = |end: usize| {
            end == title.start
                || (end + 1 == title.start && self.tokens[end].kind == TokenKind::Possessive)
        };
        // Before the title: up to four tokens back, stopping at a sentence or clause break.
        let mut k = title.start;
        let mut steps = 0;
        while k > 0 && steps < 5 {
            k -= 1;
            steps += 1;
            // A dateline ("NUSA DUA, Indonesia — President Joe Biden") is not the office's state.
            let in_dateline = self
                .dateline
                .as_ref()
                .is_some_and(|(range, _)| range.contains(&k));
            if matches!(self.word(k), "," | "." | ";" | ":" | "—" | "–" | "-")
                || self.tokens[k + 1].line_before
                || in_dateline
            {
                break;
            }
            if let Some(m) = self.mention(k)
                && let Some(&actor) = m.actors.first()
                && self.actors[actor.0].actor.kind != ActorKind::Person
            {
                affiliation = Some((actor, adjacent(m.tokens.end)));
                break;
            }
        }
        // After the title: "of the United Nations", "of Finland", "to the United Nations".
        if affiliation.is_none() {
            let after = if title.end == name.start {
                name.end
            } else {
                title.end
            };
            let limit = (after + 4).min(self.tokens.len());
            let mut k = if title.end < name.start {
                title.end
            } else {
                after
            };
            if k < self.tokens.len() && matches!(self.word(k), "of" | "for") {
                while k < limit {
                    if let Some(m) = self.mention(k)
                        && let Some(&actor) = m.actors.first()
                        && self.actors[actor.0].actor.kind != ActorKind::Person
                    {
                        affiliation = Some((actor, true));
                        break;
                    }
                    k += 1;
                }
            }
        }
        affiliation
    }

    /// The state or organisation a role of a known officeholder takes from the dictionary in
    /// place of the one the text gave (`written`, if any): always when the text gave none, in
    /// place of another state (a person holds one state's offices), and in place of an
    /// organisation when the role's title is the dictionary's office. `None`: keep the text's.
    pub(in crate::text::analysis) fn dictionary_affiliation(
        &self,
        person: ActorRef,
        title_offices: &[Office],
        written: Option<ActorRef>,
    ) -> Option<Entity> {
        let found = self.actors[person.0].officeholder?;
        let entity = found.entity?;
        let office = self.lexicon.officeholders().row(found.row).office;
        let Some(written) = written else {
            return Some(entity);
        };
        let written_entity = self.actors[written.0].entity;
        if written_entity.is_some_and(|w| self.lexicon.same_or_part(w, entity)) {
            return None;
        }
        let both_states =
            self.actor_kind(written) == ActorKind::State && matches!(entity, Entity::State(_));
        (both_states || title_offices.contains(&office)).then_some(entity)
    }

    /// Records a person's title and the state or organisation it belongs to: the words before
    /// the title ("Russian", "NATO", "Ukraine’s"), or after it ("of the United Nations"), or
    /// the title's own affiliation ("Secretary of State").
    pub(in crate::text::analysis) fn add_role(
        &mut self,
        person: ActorRef,
        title: Range<usize>,
        title_index: usize,
        name: Range<usize>,
    ) {
        let title_text =
            self.text[self.tokens[title.start].start..self.tokens[title.end - 1].end].to_string();
        let title_entry = &self.lexicon.titles[title_index];
        if title_entry.kind == "honorific" {
            return;
        }
        let mut affiliation = self
            .written_affiliation(title.clone(), name.clone())
            .map(|(actor, _)| actor);
        if affiliation.is_none()
            && let Some(entity) = title_entry.affiliation
        {
            affiliation = Some(self.actor_for_entity(entity));
        }
        // A known officeholder's state comes from the dictionary, not from a state the
        // sentence names near the title.
        if let Some(entity) = self.dictionary_affiliation(person, &title_entry.offices, affiliation)
        {
            affiliation = Some(self.actor_for_entity(entity));
        }
        // A person of a national body (the Chinese Communist Party, the State Department)
        // speaks for its state.
        let party = affiliation.map(|org| self.state_of(org));
        let span = self.token_span(title.start.min(name.start)..title.end.max(name.end));
        let words: Vec<String> = title_text
            .to_lowercase()
            .replace('-', " ")
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let person_entry = &mut self.actors[person.0];
        if !person_entry.title_words.contains(&words) {
            person_entry.title_words.push(words);
        }
        if person_entry.party.is_none() {
            person_entry.party = party;
        }
        let descriptor = title_entry.kind == "descriptor";
        let role = Role {
            title: (!descriptor).then_some(title_text),
            affiliation,
            span,
        };
        let roles = &mut person_entry.actor.roles;
        if (role.title.is_some() || role.affiliation.is_some())
            && !roles
                .iter()
                .any(|r| r.title == role.title && r.affiliation == role.affiliation)
        {
            roles.push(role);
        }
    }
}

#[cfg(test)]
mod tests {

    use crate::text::analysis::testing::*;

    use crate::extract::ActorKind;

    #[test]
    fn an_office_s_title_reaches_its_holder_over_honorifics() {
        let analysis = analyse(
            "Blinken met Iraqi Foreign Minister Dr. Fuad Hussein. They were joined by the \
             Minister for Foreign Affairs of Sweden, Ms. Ann Linde, and the Special Envoy for \
             Global Food Security, Dr. Cary Fowler.",
        );
        let roles: Vec<(String, Option<String>)> = analysis
            .actors
            .iter()
            .filter(|a| a.actor.kind == ActorKind::Person && !a.actor.name.ends_with("Blinken"))
            .map(|a| {
                let role = a.actor.roles.first();
                (
                    format!(
                        "{}: {}",
                        a.actor.name,
                        role.and_then(|r| r.title.as_deref()).unwrap_or("")
                    ),
                    role.and_then(|r| r.affiliation)
                        .map(|x| analysis.actor_name(x).to_string()),
                )
            })
            .collect();
        assert_eq!(
            roles,
            [
                (
                    "Fuad Hussein: Foreign Minister".to_string(),
                    Some("Iraq".to_string())
                ),
                (
                    "Ann Linde: Minister for Foreign Affairs".to_string(),
                    Some("Sweden".to_string())
                ),
                ("Cary Fowler: Special Envoy".to_string(), None),
            ]
        );
    }

    /// Issue #11: "Joe Biden (Indonesia)" and "Federica Mogherini (Iran)".
    #[test]
    fn an_office_s_state_comes_neither_from_a_dateline_nor_across_a_list() {
        let a = analyse(
            "NUSA DUA, Indonesia — Special Envoy Anna Kalomira met Chinese President Xi Jinping.",
        );
        assert_eq!(
            affiliations(&a),
            [
                ("Anna Kalomira".into(), None),
                ("Xi Jinping".into(), Some("China".into()))
            ]
        );
        // A known officeholder's state comes from the officeholder dictionary.
        let a =
            analyse("NUSA DUA, Indonesia — President Joe Biden met Chinese President Xi Jinping.");
        assert_eq!(
            affiliations(&a),
            [
                ("Joe Biden".into(), Some("United States".into())),
                ("Xi Jinping".into(), Some("China".into()))
            ]
        );
        let a = analyse(
            "Iranian Foreign Minister Javad Zarif and Federica Mogherini, the European Union’s foreign policy chief, spoke.",
        );
        assert_eq!(
            affiliations(&a),
            [
                ("Javad Zarif".into(), Some("Iran".into())),
                ("Federica Mogherini".into(), Some("European Union".into()))
            ]
        );
        // A plural title covers the whole list.
        let a = analyse("Presidents Joe Biden and Xi Jinping met in Bali.");
        assert_eq!(persons(&a), ["Joe Biden", "Xi Jinping"]);
    }

    #[test]
    fn titles_introduce_persons_with_their_affiliation() {
        let a = analyse(
            "NATO Secretary General Jens Stoltenberg met Russian Deputy Foreign Minister Sergey Ryabkov.",
        );
        assert_eq!(resolved(&a, "Jens Stoltenberg"), ["Jens Stoltenberg"]);
        let ryabkov = a
            .actors
            .iter()
            .find(|x| x.actor.name == "Sergey Ryabkov")
            .unwrap();
        let party = ryabkov.party.map(|p| a.actor_name(p).to_string());
        assert_eq!(party.as_deref(), Some("Russia"));
        assert_eq!(
            ryabkov.actor.roles[0].title.as_deref(),
            Some("Deputy Foreign Minister")
        );
    }
}
