//! Mentions of the lexicon's entities: states, organisations, their demonyms and metonyms, and
//! places; each entity becomes one actor of the article.
//!
//! Takes: a dictionary match (tokens and targets). Gives: a mention with its actor or place, the
//! article actor of each entity (`actor_of_entity`, `actor_for_entity`), and the states that
//! bodies and places belong to.

use std::ops::Range;

use crate::extract::{Actor, ActorRef};
use crate::text::analysis::{Analysis, ArticleActor, How, Mention};
use crate::text::lexicon::{Entity, NameTarget};

/// Prepositions before which a capital is a place, not the government it stands for.
pub(in crate::text::analysis) const LOCATIVES: &[&str] = &[
    "in", "to", "from", "at", "near", "into", "outside", "inside", "via", "through", "toward",
    "towards", "across", "around", "visited", "visit", "visiting", "left", "reached",
];

impl<'a> Analysis<'a> {
    pub(in crate::text::analysis) fn add_dictionary_mention(
        &mut self,
        range: Range<usize>,
        targets: &[NameTarget],
    ) {
        let place = targets.iter().find_map(|t| match t {
            NameTarget::Place(p) => Some(*p),
            _ => None,
        });
        let actor_target = targets
            .iter()
            .find(|t| matches!(t, NameTarget::Name(_)))
            .or_else(|| targets.iter().find(|t| matches!(t, NameTarget::Metonym(_))))
            .or_else(|| targets.iter().find(|t| matches!(t, NameTarget::Demonym(_))));
        let before = range
            .start
            .checked_sub(1)
            .map(|p| self.lower(p))
            .unwrap_or_default();
        let locative = LOCATIVES.contains(&before) || self.after_unknown_town(range.start);
        let (entity, how) = match actor_target {
            Some(NameTarget::Name(e)) => (Some(*e), How::Name),
            Some(NameTarget::Metonym(e)) => (Some(*e), How::Metonym),
            Some(NameTarget::Demonym(e)) => (Some(*e), How::Demonym),
            _ => (None, How::Name),
        };
        // A capital after "in" or "to" is the place; a state after "in" is both (the country
        // where a meeting is, and the state).
        let is_place = place.is_some() && (entity.is_none() || (locative && how == How::Metonym));
        let actors = match entity {
            Some(entity) if !is_place => vec![self.entity_actor(entity, range.clone())],
            _ => Vec::new(),
        };
        let place = place.or_else(|| {
            // A state named after a locative is a place too: "talks in Cambodia".
            match (entity, locative) {
                (Some(Entity::State(s)), true) => self.country_place(s),
                _ => None,
            }
        });
        self.push_mention(Mention {
            tokens: range,
            actors,
            place,
            how,
            is_place,
        });
    }

    /// "met in Argyle, St. Vincent and the Grenadines": whether the name at token `k` comes
    /// after "in" or "at", a town the dictionaries do not know and a comma; the name then
    /// places what happened there.
    pub fn after_unknown_town(&self, k: usize) -> bool {
        k >= 3
            && self.word(k - 1) == ","
            && matches!(self.lower(k - 3), "in" | "at")
            && self.tokens[k - 2].kind == crate::text::tokens::TokenKind::Word
            && self.is_capitalised(k - 2)
            && self.mention(k - 2).is_none()
    }

    /// A state as a place: its dictionary place of kind country, made on demand.
    pub(in crate::text::analysis) fn country_place(&self, state: usize) -> Option<usize> {
        let iso3 = &self.lexicon.states[state].iso3;
        self.lexicon.places.iter().position(|p| {
            p.kind == crate::extract::PlaceKind::Country && p.country.as_ref() == Some(iso3)
        })
    }

    /// The article actor for a dictionary entity, added on first mention.
    pub(in crate::text::analysis) fn entity_actor(
        &mut self,
        entity: Entity,
        range: Range<usize>,
    ) -> ActorRef {
        if let Some(&i) = self.entity_actors.get(&entity) {
            let surface = self.text[self.tokens[range.start].start..self.tokens[range.end - 1].end]
                .to_string();
            let actor = &mut self.actors[i].actor;
            if surface != actor.name && !actor.aliases.contains(&surface) {
                actor.aliases.push(surface);
            }
            return ActorRef(i);
        }
        let mut actor = self.lexicon.entity_actor(entity);
        let surface =
            self.text[self.tokens[range.start].start..self.tokens[range.end - 1].end].to_string();
        if surface != actor.name {
            actor.aliases.push(surface);
        }
        self.push_entity_actor(entity, actor)
    }

    pub(in crate::text::analysis) fn push_entity_actor(
        &mut self,
        entity: Entity,
        actor: Actor,
    ) -> ActorRef {
        let index = self.actors.len();
        self.actors.push(ArticleActor {
            actor,
            entity: Some(entity),
            name_words: Vec::new(),
            title_words: Vec::new(),
            party: None,
            officeholder: None,
            name_from_dictionary: false,
        });
        self.entity_actors.insert(entity, index);
        ActorRef(index)
    }

    /// The article's actor for a dictionary entity, if the article names it.
    pub fn actor_of_entity(&self, entity: Entity) -> Option<ActorRef> {
        self.entity_actors.get(&entity).map(|&i| ActorRef(i))
    }

    /// The article actor for an entity, without recording a mention.
    pub fn actor_for_entity(&mut self, entity: Entity) -> ActorRef {
        if let Some(actor) = self.actor_of_entity(entity) {
            return actor;
        }
        let actor = self.lexicon.entity_actor(entity);
        self.push_entity_actor(entity, actor)
    }

    /// The members of a joint body that the article names ("NATO-Russia Council": NATO and
    /// Russia) are actors of the article, whether or not it names them separately.
    pub(in crate::text::analysis) fn add_implied_entities(&mut self) {
        let implied: Vec<Entity> = self
            .actors
            .iter()
            .filter_map(|a| match a.entity {
                Some(Entity::Organisation(o)) => Some(o),
                _ => None,
            })
            .flat_map(|o| self.lexicon.organisations[o].implies.clone())
            .collect();
        for entity in implied {
            self.actor_for_entity(entity);
        }
    }

    /// The state a national organisation belongs to (its one implied state), or the actor.
    pub(in crate::text::analysis) fn state_of(&mut self, actor: ActorRef) -> ActorRef {
        let Some(Entity::Organisation(o)) = self.actors[actor.0].entity else {
            return actor;
        };
        match self.lexicon.organisations[o].implies.as_slice() {
            [state @ Entity::State(_)] => self.actor_for_entity(*state),
            _ => actor,
        }
    }

    /// The state a national body belongs to ("State Department": United States), for a body
    /// that speaks for its state; `None` for any other actor.
    pub fn state_of_body(&self, actor: ActorRef) -> Option<ActorRef> {
        let Some(Entity::Organisation(o)) = self.actors[actor.0].entity else {
            return None;
        };
        match self.lexicon.organisations[o].implies.as_slice() {
            [state @ Entity::State(_)] => self.actor_of_entity(*state),
            _ => None,
        }
    }

    /// The state a place mention lies in ("the foreign ministry in Seoul"), when the article
    /// names that state as an actor too.
    pub fn state_of_place(&self, mention: &Mention) -> Option<ActorRef> {
        self.state_of_place_entry(mention.place?)
    }
    /// The state of a wire report's dateline ("BEIRUT, July 24 (...) -"): the government
    /// "the ministry" or "the prime minister's office" of the report belongs to, when nothing
    /// else in the text says whose they are.
    pub fn dateline_state(&self) -> Option<ActorRef> {
        let (_, place) = self.dateline.as_ref()?;
        self.state_of_place_entry((*place)?)
    }

    pub(in crate::text::analysis) fn state_of_place_entry(&self, place: usize) -> Option<ActorRef> {
        let place = &self.lexicon.places[place];
        let iso3 = place.country.as_ref()?;
        let state = self.lexicon.states.iter().position(|s| &s.iso3 == iso3)?;
        self.actor_of_entity(Entity::State(state))
    }
}

#[cfg(test)]
mod tests {

    use crate::text::analysis::testing::*;

    use crate::text::analysis::Mention;

    #[test]
    fn metonyms_are_states_except_as_places() {
        let a = analyse("Moscow rejected the offer. Talks in Moscow ended. The Kremlin said no.");
        let moscow: Vec<&Mention> = a
            .mentions
            .iter()
            .filter(|m| a.word(m.tokens.start) == "Moscow")
            .collect();
        assert_eq!(moscow.len(), 2);
        assert!(!moscow[0].is_place && moscow[0].actors.len() == 1);
        assert!(moscow[1].is_place && moscow[1].actors.is_empty());
        assert_eq!(resolved(&a, "Kremlin"), ["Russia"]);
    }
}
