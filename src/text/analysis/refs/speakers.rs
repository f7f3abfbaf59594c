//! Who speaks: each transcript label's person ("SECRETARY BLINKEN:" is the Blinken of the body or
//! the title) and the byline of a first-person press statement ("Ned Price, Department
//! Spokesperson").
//!
//! Takes: turns, name mentions, persons and the title's persons. Gives: each turn's speaker (or
//! that it is a role such as "MODERATOR:"), and `byline`.

use crate::extract::ActorKind;
use crate::text::analysis::names::headline::TitlePerson;
use crate::text::analysis::names::words::{fold_word, title_case};
use crate::text::analysis::{Analysis, How};
use crate::text::lexicon::PhraseTarget;
use crate::text::officeholders::{Office, fold_words};
use crate::text::tokens::TokenKind;

impl<'a> Analysis<'a> {
    /// Resolves each transcript label to a person: "SECRETARY BLINKEN" is the Blinken of the
    /// body or the title.
    pub(in crate::text::analysis) fn resolve_turn_speakers(
        &mut self,
        title_people: &[TitlePerson],
    ) {
        for t in 0..self.turns.len() {
            if self.turns[t].is_question {
                continue;
            }
            let label = self.turns[t].label.clone();
            let words: Vec<String> = label
                .clone()
                .filter(|&k| self.tokens[k].kind == TokenKind::Word)
                .map(|k| title_case(self.word(k)))
                .collect();
            // Drop title words from the front: what is left is the name.
            let joined = words.join(" ");
            let titles = self.lexicon.find_phrases(&joined);
            let mut name_start = 0;
            // The offices the last title of the label names ("SECRETARY BLINKEN").
            let mut offices: &[Office] = &[];
            for m in &titles {
                let title = m.targets.iter().find_map(|t| match t {
                    PhraseTarget::Title(i) => Some(*i),
                    _ => None,
                });
                if let Some(index) = title {
                    let end = joined[..m.end].split_whitespace().count();
                    if end >= name_start {
                        name_start = end;
                        offices = &self.lexicon.titles[index].offices;
                    }
                }
            }
            // "MODERATOR:", "PART ONE:": words that are never a name are no speaker.
            let name_words: Vec<String> = words[name_start.min(words.len())..]
                .iter()
                .filter(|w| {
                    !self.lexicon.not_name_words.contains(w.as_str())
                        && !self.is_misspelt_title_word(w)
                })
                .cloned()
                .collect();
            if name_words.is_empty() {
                self.turns[t].is_role = name_start == 0;
                continue;
            }
            let holder =
                self.find_officeholder(&name_words, &fold_words(&name_words), offices, None, true);
            let known = self
                .find_person(&name_words)
                .or_else(|| holder.and_then(|found| self.actor_of_officeholder(found)))
                .or_else(|| match (&name_words[..], holder) {
                    ([surname], None) => self.misspelt_person(surname),
                    _ => None,
                });
            // A single word with no title ("STAFF:", "GUEST:", "ERT:") is a role or an
            // outlet unless it names a person of the article or its title.
            let untitled_word = name_start == 0 && name_words.len() == 1;
            let in_title = title_people
                .iter()
                .any(|p| p.words.contains(&fold_word(&name_words[0])));
            if untitled_word && known.is_none() && !in_title {
                self.turns[t].is_role = true;
                continue;
            }
            let actor = match known {
                Some(actor) => actor,
                None => {
                    let surface = name_words.join(" ");
                    self.new_person(&name_words, &surface, title_people)
                }
            };
            let title_words: Vec<String> = words[..name_start.min(words.len())]
                .iter()
                .map(|w| w.to_lowercase())
                .collect();
            if !title_words.is_empty() && !self.actors[actor.0].title_words.contains(&title_words) {
                self.actors[actor.0].title_words.push(title_words);
            }
            if let Some(person) = title_people.iter().find(|p| {
                p.words
                    .iter()
                    .any(|w| name_words.iter().any(|n| fold_word(n) == *w))
            }) && self.actors[actor.0].party.is_none()
                && let Some(entity) = person.affiliation
            {
                let party = self.actor_for_entity(entity);
                self.actors[actor.0].party = Some(party);
            }
            if let Some(found) = holder {
                self.attach_officeholder(actor, found);
            }
            self.turns[t].speaker = Some(actor);
        }
    }

    /// "Ned Price, Department Spokesperson" as the first paragraph of a first-person press
    /// statement (not a transcript: those have turns).
    pub(in crate::text::analysis) fn find_byline(&mut self) {
        if !self.turns.is_empty() || self.sentences.len() < 2 {
            return;
        }
        let first = &self.sentences[0];
        let range = first.tokens.clone();
        if self.sentences[1].paragraph == first.paragraph
            || self.word(range.end - 1) == "."
            || range.len() > 14
        {
            return;
        }
        let Some(comma) = range.clone().find(|&k| self.word(k) == ",") else {
            return;
        };
        let person = (range.start..comma)
            .find_map(|k| self.mention(k))
            .filter(|m| m.how != How::Pronoun)
            .and_then(|m| m.actors.first().copied())
            .filter(|&a| self.actor_kind(a) == ActorKind::Person);
        let Some(person) = person else { return };
        // The body after any dateline paragraphs speaks in the first person, or the byline
        // gives the speaker's office ("Ned Price, Department Spokesperson").
        let body_start = self.sentences[1].tokens.start;
        let office = (comma + 1..range.end).any(|k| self.title_at(k).is_some());
        let first_person = office
            || (body_start..self.tokens.len()).any(|k| {
                !self.quoted[k]
                    && matches!(
                        self.word(k),
                        "I" | "We" | "we" | "our" | "Our" | "my" | "My"
                    )
            });
        if first_person {
            self.byline = Some((person, body_start));
        }
    }
}

#[cfg(test)]
mod tests {

    use crate::text::analysis::testing::*;

    use crate::text::analysis::Analysis;
    use crate::text::lexicon::Lexicon;

    #[test]
    fn transcript_labels_take_full_names_from_the_title() {
        let title = "Secretary Antony J. Blinken With Costa Rican Foreign Minister Rodolfo Solano Quirós Before Their Meeting";
        let body = "SECRETARY BLINKEN: Good morning, everyone, and welcome.\n\nFOREIGN MINISTER SOLANO: Thank you, it is a pleasure to be here.";
        let a = Analysis::new(title, body, None, Lexicon::builtin());
        let speakers: Vec<&str> = a
            .turns
            .iter()
            .map(|t| a.actor_name(t.speaker.unwrap()))
            .collect();
        assert_eq!(speakers, ["Antony Blinken", "Rodolfo Solano Quirós"]);
    }

    /// Issue #11: a transcript whose title names the interviewer in full ("... With Lena Q.
    /// Okoro of a Radio") left "MS OKORO:" a surname alone.
    #[test]
    fn a_turn_surname_takes_the_full_name_of_the_title() {
        let a = analyse_titled(
            "Secretary Antony J. Blinken With Lena Okoro of City Radio",
            "MS OKORO: Welcome.\n\nSECRETARY BLINKEN: Thank you.",
        );
        let speakers: Vec<Option<&str>> = a
            .turns
            .iter()
            .map(|t| t.speaker.map(|s| a.actor_name(s)))
            .collect();
        assert_eq!(speakers, [Some("Lena Okoro"), Some("Antony Blinken")]);
        // The body's own full name wins over the title's run of capitalised words.
        let body = analyse_titled(
            "Release of Detained Citizen Paul Verne",
            "We call for the release of Paul Verne. Mr. Verne must go home.",
        );
        assert_eq!(persons(&body), ["Paul Verne"]);
    }

    /// Issue #11: "Moderator", "Staff" and "Part One" were speakers.
    #[test]
    fn transcript_roles_are_no_speakers() {
        let body = "MODERATOR: Good morning.\n\nSECRETARY BLINKEN: Thank you.\n\nSTAFF: All right.\n\nPART ONE: Hello.\n\nQUESTION: And Lavrov?";
        let a = Analysis::new("", body, None, Lexicon::builtin());
        let speakers: Vec<Option<&str>> = a
            .turns
            .iter()
            .map(|t| t.speaker.map(|s| a.actor_name(s)))
            .collect();
        assert_eq!(speakers, [None, Some("Blinken"), None, None, None]);
        let roles: Vec<bool> = a.turns.iter().map(|t| t.is_role).collect();
        assert_eq!(roles, [true, false, true, true, false]);
        // A single word that names a person of the article is that person.
        let body = "Ambassador Jane Roe opened the session.\n\nROE: Good morning.";
        let a = Analysis::new("", body, None, Lexicon::builtin());
        assert_eq!(
            a.turns[0].speaker.map(|s| a.actor_name(s)),
            Some("Jane Roe")
        );
    }
}
