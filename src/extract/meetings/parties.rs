//! Who is, and who is not, a party of a meeting by the words that name the meeting.

use crate::extract::{ActorRef, PlaceKind};
use crate::text::analysis::{Analysis, How};
use crate::text::lexicon::Entity;

/// The city at token `k` before the meeting noun at `cue`, when it names where the meeting
/// is held and not a party: "the Madrid summit", "the second Berlin conference", "the Berlin
/// II Conference". A capital stands for its state only where the state acts ("Moscow said"),
/// not as a word of a meeting's name. A city within a longer name is left alone: "the
/// Moscow-Kyiv talks" and "the Belgrade Pristina Dialogue" join two parties, "the Tokyo
/// International Conference" and "the Bucharest Nine" are names of their own.
pub(super) fn venue_in_name(a: &Analysis<'_>, k: usize, cue: usize) -> Option<usize> {
    let m = a.mention(k)?;
    if m.tokens.start != k || m.how != How::Metonym {
        return None;
    }
    let capitalised = |j: usize| a.word(j).starts_with(char::is_uppercase);
    let roman = |j: usize| a.word(j).chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    let name_word_before = k > 0
        && capitalised(k - 1)
        && a.sentences[a.sentence_of(k)].tokens.start < k
        && !matches!(a.lower(k - 1), "the" | "a" | "an");
    let name_word_after =
        (m.tokens.end..cue).any(|j| capitalised(j) && !roman(j) && !super::is_meeting_word(a, j));
    if name_word_before || name_word_after {
        return None;
    }
    let place = m.place?;
    if a.lexicon.places[place].kind != PlaceKind::City {
        return None;
    }
    let hyphen = |j: usize| matches!(a.word(j), "-" | "–" | "/");
    if (k > 0 && hyphen(k - 1)) || (m.tokens.end < a.tokens.len() && hyphen(m.tokens.end)) {
        return None;
    }
    Some(place)
}

/// The state a national body named as a party stands for: "the U.S. Department of State and
/// the Lebanese Armed Forces held a conference" is a meeting of the United States, as "the
/// State Department said" is its statement (GOLD_FORMAT.md). A joint body ("NATO-Russia
/// Council") implies several parties and is left to the words that name them.
pub(super) fn state_of_national_body(a: &Analysis<'_>, actor: ActorRef) -> Option<ActorRef> {
    let Some(Entity::Organisation(o)) = a.actors[actor.0].entity else {
        return None;
    };
    match a.lexicon.organisations[o].implies.as_slice() {
        [state @ Entity::State(_)] => a.actor_of_entity(*state),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::extract::{Input, extract};

    /// The parties (not implied) and the place of each meeting of `body`, names sorted.
    fn meetings(body: &str) -> Vec<(Vec<String>, Option<String>)> {
        let extraction = extract(&Input {
            title: "",
            body,
            published: NaiveDate::from_ymd_opt(2022, 5, 10),
        });
        extraction
            .meetings
            .iter()
            .map(|m| {
                let mut names: Vec<String> = m
                    .participants
                    .iter()
                    .filter(|p| !p.implied)
                    .map(|p| extraction.actors[p.actor.0].name.clone())
                    .collect();
                names.sort();
                (names, m.place.as_ref().map(|p| p.name.clone()))
            })
            .collect()
    }

    // Issue 11: meetings with one party where the text names the other.
    #[test]
    fn a_national_body_and_a_states_forces_that_hold_a_conference_are_both_parties() {
        let found = meetings(
            "The U.S. Department of State and the Jordanian Armed Forces held their first \
             logistics planning conference on May 3.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, ["Jordan", "United States"]);
    }

    #[test]
    fn the_government_of_a_state_in_a_coordinated_subject_is_that_state() {
        let found = meetings(
            "The United States and the Government of Chile jointly hosted a preparatory \
             meeting on peacekeeping training on May 2.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, ["Chile", "United States"]);
    }

    #[test]
    fn a_city_that_names_a_conference_is_its_place_not_its_party() {
        // Alone, the host city's state makes no meeting.
        for text in [
            "Ministers are expected to agree on the plan at the Madrid summit.",
            "The second Berlin conference on Libya was a turning point.",
        ] {
            let found = meetings(text);
            assert!(found.is_empty(), "{text}: {found:?}");
        }
        // With a party named, the conference keeps its host and is placed in the city.
        let found = meetings(
            "Secretary Blinken attended the Berlin II Conference on Libya on June 23 with \
             foreign ministers of the region.",
        );
        assert!(
            found.iter().any(|(names, place)| {
                names.contains(&"Antony Blinken".to_string())
                    && names.contains(&"Germany".to_string())
                    && place.as_deref() == Some("Berlin")
            }),
            "{found:?}"
        );
        // Two cities joined name two parties.
        let found = meetings("The Moscow-Kyiv talks resumed on Monday.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, ["Russia", "Ukraine"]);
    }

    #[test]
    fn meeting_concerns_is_no_meeting() {
        let found =
            meetings("We are working with partners in Chile to meet the concerns of farmers.");
        assert!(found.is_empty(), "{found:?}");
    }
}
