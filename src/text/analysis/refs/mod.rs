//! Coreference: pronouns, role nouns, descriptions, collective nouns and possessive titles,
//! resolved in text order to the article's actors.
//!
//! Takes: the name mentions and actors, turns with their speakers, and each sentence's main
//! clause. Gives: the final `mentions` (names and references, in text order). Each sentence's
//! subject and the persons last named (at most `RECENT_PERSONS`) are the antecedents;
//! `descriptions` reads role nouns and descriptions, `collective` groups and governments,
//! `speakers` the transcript speakers and a press statement's byline.

pub(in crate::text::analysis) mod collective;
pub(in crate::text::analysis) mod descriptions;
pub(in crate::text::analysis) mod speakers;

use std::ops::Range;

use crate::extract::{ActorKind, ActorRef};
use crate::text::analysis::{Analysis, How, Mention};
use crate::text::tokens::TokenKind;

/// How many recently named persons pronouns and role nouns look back over.
pub(in crate::text::analysis) const RECENT_PERSONS: usize = 32;

impl<'a> Analysis<'a> {
    /// Pronouns, role nouns, collective nouns and bare surnames, in text order.
    pub(in crate::text::analysis) fn resolve_references(&mut self) {
        // The person each sentence is about: its first person mention outside quotations.
        let mut last_subject: Option<Vec<ActorRef>> = None;
        // The last subject of several persons, which a later "X and the Deputy Secretary"
        // may name again in part.
        let mut last_group: Option<Vec<ActorRef>> = None;
        let mut recent_persons: Vec<ActorRef> = Vec::new();
        for s in 0..self.sentences.len() {
            let range = self.sentences[s].tokens.clone();
            let main_start = self.main_clause_start(range.clone());
            let mut subject_this_sentence: Option<Vec<ActorRef>> = None;
            let mut i = range.start;
            while i < range.end {
                if let Some(turn) = self.turn_at(i).filter(|t| t.label.contains(&i)) {
                    if let Some(speaker) = turn.speaker {
                        last_subject = Some(vec![speaker]);
                        push_recent(&mut recent_persons, speaker);
                    }
                    i = turn.label.end;
                    continue;
                }
                if let Some(m) = self.mention_at[i] {
                    let mention = self.mentions[m].clone();
                    // "Malaysia's foreign minister said": the minister is a person.
                    let possessive = mention.tokens.end;
                    let state = match mention.actors.as_slice() {
                        [state]
                            if !mention.is_place
                                && possessive < range.end
                                && self.tokens[possessive].kind == TokenKind::Possessive
                                && self.actor_kind(*state) == ActorKind::State =>
                        {
                            Some(*state)
                        }
                        _ => None,
                    };
                    let titled = state.and_then(|state| {
                        self.possessive_title(state, possessive + 1, &recent_persons)
                            .or_else(|| {
                                let (title, found, index) =
                                    self.possessive_officeholder(state, possessive + 1)?;
                                let person =
                                    self.person_for_officeholder(found, title.clone(), index);
                                Some((title, person))
                            })
                    });
                    if let Some((title, person)) = titled {
                        push_recent(&mut recent_persons, person);
                        if i >= main_start && subject_this_sentence.is_none() {
                            subject_this_sentence = Some(vec![person]);
                        }
                        let end = title.end;
                        self.push_mention(Mention {
                            tokens: title,
                            actors: vec![person],
                            place: None,
                            how: How::RoleNoun,
                            is_place: false,
                        });
                        i = end;
                        continue;
                    }
                    for &actor in &mention.actors {
                        if self.actor_kind(actor) == ActorKind::Person {
                            push_recent(&mut recent_persons, actor);
                        }
                    }
                    if !self.quoted[i]
                        && i >= main_start
                        && subject_this_sentence.is_none()
                        && mention
                            .actors
                            .iter()
                            .any(|&a| self.actor_kind(a) == ActorKind::Person)
                    {
                        let mut subject = mention.actors.clone();
                        // "Blinken and Stoltenberg reiterated": both are the subject; so are
                        // "Cho Hyundong, U.S. Deputy Secretary of State Wendy Sherman, and Japan
                        // Vice Foreign Minister Mori Takeo", past each one's state and title.
                        let mut next = mention.tokens.end;
                        while next < range.end
                            && (self.word(next) == "and" || self.word(next) == ",")
                        {
                            match self.person_after_conjunction(next, range.end) {
                                Some((persons, end)) => {
                                    subject.extend(persons);
                                    next = end;
                                }
                                None => break,
                            }
                        }
                        subject_this_sentence =
                            Some(self.group_named_in_part(subject, i, main_start, &last_group));
                    }
                    i = mention.tokens.end;
                    continue;
                }
                let quoted = self.quoted[i];
                let word = self.lower(i);
                let mut resolved: Option<(Range<usize>, Vec<ActorRef>, How)> = match word {
                    // "urging him to": an object pronoun is somebody other than the subject.
                    "him" if !quoted => {
                        let subject = subject_this_sentence.clone().unwrap_or_default();
                        recent_persons
                            .iter()
                            .rev()
                            .find(|p| !subject.contains(p))
                            .map(|&p| (i..i + 1, vec![p], How::Pronoun))
                    }
                    "he" | "she" | "his" | "her" if !quoted => {
                        let antecedent = subject_this_sentence
                            .clone()
                            .filter(|v| v.len() == 1)
                            .or_else(|| last_subject.clone().filter(|v| v.len() == 1))
                            .or_else(|| recent_persons.last().map(|&p| vec![p]));
                        antecedent.map(|a| (i..i + 1, a, How::Pronoun))
                    }
                    "they" | "their" if !quoted => {
                        let antecedent = subject_this_sentence
                            .clone()
                            .filter(|v| v.len() > 1)
                            .or_else(|| last_subject.clone().filter(|v| v.len() > 1));
                        antecedent.map(|a| (i..i + 1, a, How::Pronoun))
                    }
                    "the" | "both" | "all" if !quoted => self
                        .role_noun(i, range.end, &recent_persons)
                        .or_else(|| self.government_of(i)),
                    _ if !quoted => self.collective(i),
                    _ => None,
                };
                // "the Russian foreign minister" nobody named before: the holder of the office
                // on the article's date.
                let article = word == "the";
                if resolved.is_none()
                    && !quoted
                    && article
                    && let Some((tokens, found, title)) = self.described_officeholder(i, range.end)
                {
                    let person = self.person_for_officeholder(found, tokens.clone(), title);
                    push_recent(&mut recent_persons, person);
                    resolved = Some((tokens, vec![person], How::RoleNoun));
                }
                if let Some((tokens, actors, how)) = resolved {
                    let nominative = matches!(
                        self.lower(i),
                        "he" | "she" | "they" | "the" | "both" | "all"
                    );
                    if nominative
                        && i >= main_start
                        && subject_this_sentence.is_none()
                        && !actors.is_empty()
                        && actors
                            .iter()
                            .all(|&a| self.actor_kind(a) == ActorKind::Person)
                    {
                        subject_this_sentence = Some(self.group_named_in_part(
                            actors.clone(),
                            i,
                            main_start,
                            &last_group,
                        ));
                    }
                    let end = tokens.end;
                    self.push_mention(Mention {
                        tokens,
                        actors,
                        place: None,
                        how,
                        is_place: false,
                    });
                    i = end;
                    continue;
                }
                i += 1;
            }
            // A sentence about somebody else ("The senior officials discussed ...") ends the
            // run of sentences a plural "they" can refer back to.
            if let Some(subject) = subject_this_sentence.as_ref().filter(|s| s.len() > 1) {
                last_group = Some(subject.clone());
            }
            match subject_this_sentence {
                Some(subject) => last_subject = Some(subject),
                None => {
                    if last_subject.as_ref().is_some_and(|s| s.len() > 1) {
                        last_subject = None;
                    }
                }
            }
        }
        self.resort_mentions();
    }

    /// The persons of the conjunct after the "and" or comma at `joiner`, past a state and a
    /// title before the name ("and Japan Vice Foreign Minister Mori Takeo"), with the token
    /// after them; `None` when the conjunct names no person first.
    pub(in crate::text::analysis) fn person_after_conjunction(
        &self,
        joiner: usize,
        end: usize,
    ) -> Option<(Vec<ActorRef>, usize)> {
        let mut j = joiner + 1;
        if self.word(joiner) == "," && j < end && self.lower(j) == "and" {
            j += 1;
        }
        let limit = (j + 10).min(end);
        while j < limit {
            if let Some(m) = self.mention(j).filter(|m| m.tokens.start == j) {
                if !m.actors.is_empty()
                    && m.actors
                        .iter()
                        .all(|&a| self.actor_kind(a) == ActorKind::Person)
                {
                    return Some((m.actors.clone(), m.tokens.end));
                }
                // "U.S.", "Japan" before the title.
                if m.is_place || m.actors.is_empty() {
                    return None;
                }
                j = m.tokens.end;
                continue;
            }
            match self.title_at(j).filter(|(t, _)| t.start == j) {
                Some((title, _)) => j = title.end,
                None => return None,
            }
        }
        None
    }

    /// "The Vice Foreign Ministers and the Deputy Secretary condemned": a subject of which only
    /// the last conjunct resolved, after a group of persons that includes it, is that group.
    pub(in crate::text::analysis) fn group_named_in_part(
        &self,
        subject: Vec<ActorRef>,
        at: usize,
        main_start: usize,
        last_group: &Option<Vec<ActorRef>>,
    ) -> Vec<ActorRef> {
        let after_unresolved_conjunct = at > main_start + 1
            && self.lower(at - 1) == "and"
            && (main_start..at - 1).all(|k| self.mention(k).is_none() && !self.quoted[k]);
        match last_group {
            Some(group)
                if after_unresolved_conjunct && subject.iter().all(|p| group.contains(p)) =>
            {
                group.clone()
            }
            _ => subject,
        }
    }
}

pub(in crate::text::analysis) fn push_recent(recent: &mut Vec<ActorRef>, actor: ActorRef) {
    recent.retain(|&a| a != actor);
    recent.push(actor);
    if recent.len() > RECENT_PERSONS {
        recent.remove(0);
    }
}

#[cfg(test)]
mod tests {

    use crate::text::analysis::testing::*;

    #[test]
    fn surnames_pronouns_and_role_nouns_resolve() {
        let a = analyse(
            "NATO Secretary General Jens Stoltenberg spoke. He said talks ended. \
             Stoltenberg left. The secretary-general said more.",
        );
        assert_eq!(resolved(&a, "He"), ["Jens Stoltenberg"]);
        assert_eq!(resolved(&a, "Stoltenberg"), ["Jens Stoltenberg"]);
        assert_eq!(resolved(&a, "The secretary-general"), ["Jens Stoltenberg"]);
    }

    /// Issue #10: "they" after a list of titled persons, and after a subject that names the
    /// group again in part ("The Vice Foreign Ministers and the Deputy Secretary").
    #[test]
    fn they_is_the_group_of_persons_named_together() {
        let a = analyse(
            "First Vice Foreign Minister Cho Hyundong, U.S. Deputy Secretary of State Wendy \
             Sherman, and Japan Vice Foreign Minister Mori Takeo met today in Seoul. The Vice \
             Foreign Ministers and the Deputy Secretary condemned the launches. They reaffirmed \
             the statement.",
        );
        assert_eq!(
            resolved(&a, "They"),
            ["Cho Hyundong", "Wendy Sherman", "Mori Takeo"]
        );
    }
}
