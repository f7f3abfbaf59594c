//! Light clause structure over an analysed sentence: who is the subject of a verb, where a
//! clause's complement ends. Rules of English word order, not a parser: they look at the
//! mentions, titles and cue words that text analysis found.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::extract::{ActorKind, ActorRef};
use crate::text::analysis::{Analysis, How};
use crate::text::lexicon::PhraseTarget;
use crate::text::tokens::TokenKind;

/// Who a verb's subject is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// Named actors ("Stoltenberg", "Blinken and Stoltenberg", "Moscow").
    Actors(Vec<ActorRef>),
    /// Somebody the text does not name ("officials", "diplomats").
    Unnamed,
}

/// Words that may stand between a subject and its verb.
const BETWEEN_SUBJECT_AND_VERB: &[&str] = &[
    "also",
    "then",
    "further",
    "again",
    "had",
    "has",
    "have",
    "will",
    "would",
    "did",
    "does",
    "do",
    "is",
    "was",
    "were",
    "are",
    "not",
    "never",
    "once",
    "previously",
    "later",
    "earlier",
    "jointly",
    "both",
    "separately",
    "repeatedly",
    "firmly",
    "strongly",
    "immediately",
    "already",
    "subsequently",
    "had",
    "n’t",
    "n't",
    "has",
    "reportedly",
    "publicly",
    "privately",
    "personally",
    "directly",
    "clearly",
    "explicitly",
    "all",
    "still",
    "just",
    "today",
    "yesterday",
    "tonight",
    "afterwards",
    "afterward",
    // "The two men last met in The Hague", "Haddad and Laaksonen first met in 2005".
    "last",
    "first",
    "recently",
    "briefly",
    "finally",
];

/// Nouns for speakers or parties the text does not name (with [`ANONYMOUS_PEOPLE`]).
const UNNAMED_NOUNS: &[&str] = &[
    "aides",
    "aide",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "ministry",
    "office",
    "embassy",
    "agency",
    "presidency",
    "statement",
    "spokespeople",
    "senators",
    "reports",
    "media",
    // "Syrian state television reported", "state radio said".
    "television",
    "radio",
    "broadcaster",
    "government",
    "governments",
    "leadership",
    "authorities",
    "delegation",
    "delegations",
    "side",
    "team",
    "readout",
    "administration",
    "counterparts",
    "envoys",
    "negotiators",
    "military",
    "army",
    "forces",
    "troops",
    "group",
    "democracies",
    "countries",
    "nations",
    "participants",
    "members",
    "leaders",
];

/// Plural or indefinite people who speak without a name ("officials", "a diplomat").
/// "Western diplomats said", "sources said", "Iraqi officials said": people nobody names speak
/// for themselves, not for their state (GOLD_FORMAT.md: speaker null). As parties to a meeting
/// ("Russian diplomats met ...") they stand for their state, so only speakers ask this.
pub fn is_anonymous_speaker(a: &Analysis<'_>, sentence_start: usize, verb: usize) -> bool {
    anonymous_head(a, sentence_start, verb).is_some()
}

/// Words after an unnamed speaker that leave it unnamed: "sources close to the talks",
/// "people familiar with the matter", "diplomats in Brussels".
const ANONYMOUS_POSTMODIFIERS: &[&str] = &[
    "close",
    "familiar",
    "briefed",
    "with",
    "knowledgeable",
    "involved",
    "in",
    "at",
    "from",
    "on",
];

/// "Iraqi officials said" in a wire report is an unnamed source; "U.S. officials expressed
/// concern" in a government's readout is that government speaking. Officials are unnamed in a
/// report with a dateline, or with a plain verb of saying.
fn nobody_named(a: &Analysis<'_>, head: usize, verb: usize) -> bool {
    if !matches!(a.lower(head), "officials" | "official") || a.dateline.is_some() {
        return true;
    }
    a.phrase(verb).is_some_and(|p| match p.target {
        PhraseTarget::Speech(s) => matches!(
            a.lexicon.speech_verbs[s].pattern,
            crate::text::lexicon::SpeechPattern::Say | crate::text::lexicon::SpeechPattern::Tell
        ),
        _ => false,
    })
}

/// The head noun of an unnamed speaker of `verb`: "diplomats said", "two sources close to the
/// talks said on Wednesday".
pub fn anonymous_head(a: &Analysis<'_>, sentence_start: usize, verb: usize) -> Option<usize> {
    let mut k = verb;
    let last = loop {
        if k <= sentence_start {
            return None;
        }
        k -= 1;
        let word = a.lower(k);
        if !BETWEEN_SUBJECT_AND_VERB.contains(&word) {
            break k;
        }
    };
    // "Scholz, speaking to lawmakers in Berlin, said": people in a parenthetical set off by
    // commas are not the subject; an unnamed speaker runs up to its verb, or up to a
    // participial or relative parenthetical ("U.S. officials, speaking on condition of
    // anonymity, said").
    if a.word(last) == "," {
        let open = (last.saturating_sub(15).max(sentence_start)..last)
            .rev()
            .find(|&j| matches!(a.word(j), "," | ";" | ":" | "." | "“" | "”" | "\""))?;
        let head = open.checked_sub(1)?;
        let parenthetical = a.word(open) == ","
            && (a.lower(open + 1).ends_with("ing") || a.lower(open + 1) == "who")
            && !(open..last).any(|j| a.quoted[j]);
        return (parenthetical
            && head >= sentence_start
            && ANONYMOUS_PEOPLE.contains(&a.lower(head))
            && a.mention(head).is_none()
            && nobody_named(a, head, verb))
        .then_some(head);
    }
    // "Western diplomats at the United Nations said": a place or body after a preposition
    // of the post-modifier below; any other mention names the speaker.
    if let Some(m) = a.mention(last) {
        let mut prep = m.tokens.start.saturating_sub(1);
        if prep > sentence_start && a.lower(prep) == "the" {
            prep -= 1;
        }
        let post_modifier = prep > sentence_start
            && matches!(a.lower(prep), "in" | "at" | "from")
            && (m.is_place || a.lower(prep) == "at");
        if !post_modifier {
            return None;
        }
    }
    if ANONYMOUS_PEOPLE.contains(&a.lower(last)) && nobody_named(a, last, verb) {
        return Some(last);
    }
    // A short post-modifier without a verb or a comma of its own.
    let floor = last.saturating_sub(8).max(sentence_start);
    let mut j = last;
    while j > floor {
        j -= 1;
        let word = a.lower(j);
        if ANONYMOUS_PEOPLE.contains(&word)
            && a.mention(j).is_none()
            && ANONYMOUS_POSTMODIFIERS.contains(&a.lower(j + 1))
            && nobody_named(a, j, verb)
        {
            return Some(j);
        }
        if matches!(word, "," | ";" | ":" | "." | "“" | "”" | "\"")
            || a.quoted[j]
            || (is_verb_like(a, j) && !ANONYMOUS_POSTMODIFIERS.contains(&word))
        {
            return None;
        }
    }
    None
}

/// A noun that heads a speaker's noun phrase without naming anyone ("officials", "the
/// ministry", "diplomats").
pub fn is_speaker_noun(word: &str) -> bool {
    UNNAMED_NOUNS.contains(&word) || ANONYMOUS_PEOPLE.contains(&word)
}

/// People who speak without a name. As subjects of other verbs ("U.S. officials met") they
/// stand for their state: see [`noun_phrase_ending_at`].
const ANONYMOUS_PEOPLE: &[&str] = &[
    "officials",
    "official",
    "diplomats",
    "diplomat",
    "sources",
    "source",
    "analysts",
    "experts",
    "observers",
    "lawmakers",
    "legislators",
    "people",
    "critics",
    "residents",
    "witnesses",
];

/// The subject whose noun phrase ends right before token `verb` in the sentence beginning at
/// `sentence_start`, skipping adverbs and auxiliaries.
pub fn subject_before(a: &Analysis<'_>, sentence_start: usize, verb: usize) -> Option<Subject> {
    let mut k = verb;
    loop {
        if k <= sentence_start {
            return None;
        }
        k -= 1;
        let word = a.lower(k);
        // "von der Leyen, who said": the relative pronoun stands for the noun phrase before it.
        if word == "who" && k >= 2 && a.word(k - 1) == "," {
            return noun_phrase_ending_at(a, sentence_start, k - 2);
        }
        // "the decisions of the Summit of the East African Community held in Dar es Salaam on
        // 31 May, which called for": the party last named before the comma, past places,
        // dates and the participle that places them.
        if word == "which" && k >= 2 && a.word(k - 1) == "," {
            // Anything else ("the G7 summits, which", "the Webinar Series, which"): the
            // relative clause is about a thing, not a party.
            let stop = (k - 1).saturating_sub(12).max(sentence_start);
            let dates = &a.dates[a.sentence_of(k)];
            let mut j = k - 1;
            while j > stop {
                j -= 1;
                if a.quoted[j] {
                    return None;
                }
                if let Some(date) = dates.iter().find(|d| d.first_token <= j && j < d.end_token) {
                    j = date.first_token;
                    continue;
                }
                if let Some(m) = a.mention(j) {
                    if m.is_place {
                        j = m.tokens.start;
                        continue;
                    }
                    // A state before "which" is mostly the place it names ("Moldova, which
                    // hosts the most refugees"); a body or group is the party that acts.
                    if m.how == How::Demonym
                        || m.actors.is_empty()
                        || m.actors.iter().any(|&x| {
                            matches!(a.actor_kind(x), ActorKind::State | ActorKind::Person)
                        })
                    {
                        return None;
                    }
                    return noun_phrase_ending_at(a, sentence_start, j);
                }
                if matches!(a.lower(j), "held" | "in" | "on" | "at") {
                    continue;
                }
                // A place the dictionaries do not know: "in Dar es Salaam".
                let place_word = |x: usize| {
                    a.word(x).chars().next().is_some_and(char::is_uppercase)
                        || (a.tokens[x].kind == TokenKind::Word && a.word(x).len() <= 3)
                };
                match (j.saturating_sub(4).max(stop)..j)
                    .rev()
                    .find(|&x| matches!(a.lower(x), "in" | "at"))
                {
                    Some(prep) if (prep + 1..=j).all(place_word) => j = prep + 1,
                    _ => return None,
                }
            }
            return None;
        }
        if BETWEEN_SUBJECT_AND_VERB.contains(&word)
            || (word.ends_with("ly") && word.len() > 4 && a.mention(k).is_none())
        {
            continue;
        }
        // A date between subject and verb: "Biden on Friday said".
        if let Some(date) = a.dates[a.sentence_of(k)]
            .iter()
            .find(|d| d.first_token <= k && k < d.end_token)
        {
            if date.first_token <= sentence_start {
                return None;
            }
            k = date.first_token;
            // "Blinken on Friday postponed": the preposition goes with the date.
            if k > sentence_start && matches!(a.lower(k - 1), "on" | "in" | "at" | "late" | "early")
            {
                k -= 1;
            }
            continue;
        }
        break;
    }
    noun_phrase_ending_at(a, sentence_start, k)
}

/// The actors of the noun phrase whose last token is `k`.
pub fn noun_phrase_ending_at(a: &Analysis<'_>, sentence_start: usize, k: usize) -> Option<Subject> {
    if a.quoted[k] {
        return None;
    }
    if let Some(mention) = a.mention(k)
        && !mention.is_place
        && !mention.actors.is_empty()
    {
        // "the U.N. special envoy for Yemen said", "Russia's ambassador to China said": a state
        // after "for" or "to" completes the head noun; the head says who speaks.
        let before = mention.tokens.start;
        if before > sentence_start + 1
            && matches!(a.lower(before - 1), "for" | "to")
            && mention
                .actors
                .iter()
                .all(|&x| a.actor_kind(x) != ActorKind::Person)
        {
            return noun_phrase_ending_at(a, sentence_start, before - 2);
        }
        // A demonym alone before a verb is not a subject ("the Russian foreign ministry" is
        // handled below); a possessive ("Russia’s") is not a subject either.
        if mention.how == How::Demonym && mention.tokens.end == k + 1 {
            return None;
        }
        let mut actors = mention.actors.clone();
        let start = np_start(a, sentence_start, mention.tokens.start);
        conjoined_before(a, sentence_start, start, &mut actors);
        return Some(Subject::Actors(actors));
    }
    let word = a.lower(k);
    // An apposition set off by commas: "Podolyak, an adviser to the president, said"; or a
    // name set off by commas after a description: "the top US official, Wendy Sherman, said".
    if word == "," {
        let mut open = k;
        let mut steps = 0;
        while open > sentence_start && steps < 25 {
            open -= 1;
            steps += 1;
            if a.word(open) == "," {
                break;
            }
        }
        // "Adhikari, who was received by India's ambassador, Rakesh Verma, voiced concern": a
        // relative clause after the sentence's first noun phrase runs up to the verb, names
        // and all; the subject is the noun phrase it describes.
        let main = main_clause_start(a, sentence_start..k);
        if let Some(who) = (main + 2..open).find(|&w| {
            matches!(a.lower(w), "who" | "whose") && a.word(w - 1) == "," && !a.quoted[w]
        }) && let Some(m) = a.mention(who - 2)
            && np_start(a, main, m.tokens.start) == main
            && !m.actors.is_empty()
            && m.actors
                .iter()
                .all(|&x| a.actor_kind(x) == ActorKind::Person)
        {
            return noun_phrase_ending_at(a, sentence_start, who - 2);
        }
        if open > sentence_start && a.word(open) == "," {
            // Between the commas must be a noun phrase, not a clause ("..., and called for
            // de-escalation, underscoring ...").
            // "Moon, who met Kim in April, said": the relative clause describes Moon.
            if matches!(a.lower(open + 1), "who" | "whose" | "which") {
                return noun_phrase_ending_at(a, sentence_start, open - 1);
            }
            if (open + 1..k).any(|x| is_verb_like(a, x) || a.lower(x) == "and") {
                return None;
            }
            for inner in (open + 1..k).rev() {
                if let Some(m) = a.mention(inner)
                    && m.actors
                        .iter()
                        .any(|&x| a.actor_kind(x) == ActorKind::Person)
                    && m.how != How::Pronoun
                {
                    return Some(Subject::Actors(m.actors.clone()));
                }
            }
            return noun_phrase_ending_at(a, sentence_start, open - 1);
        }
        return None;
    }
    // "the 12 member states expressed": the organisation they are members of, the one named
    // last before them ("80 UN member states demanding" are some of its members, not it).
    let definite_members = |member: usize| {
        let mut j = member;
        if j > sentence_start && a.tokens[j - 1].kind == TokenKind::Number {
            j -= 1;
        }
        j > sentence_start && a.lower(j - 1) == "the"
    };
    if k > sentence_start + 1
        && a.lower(k - 1) == "member"
        && MEMBER_NOUNS.contains(word)
        && definite_members(k - 1)
    {
        return a
            .mentions
            .iter()
            .filter(|m| m.tokens.end <= k && !m.is_place && m.how != How::Pronoun)
            .filter_map(|m| {
                m.actors
                    .iter()
                    .copied()
                    .find(|&x| a.actor_kind(x) == ActorKind::Organisation)
                    .map(|org| (m.tokens.start, org))
            })
            .max_by_key(|&(start, _)| start)
            .map(|(_, org)| Subject::Actors(vec![org]));
    }
    let untitled = matches!(a.phrase(k).map(|p| p.target), Some(PhraseTarget::Title(_)));
    if a.tokens[k].kind == TokenKind::Word && (is_speaker_noun(word) || untitled) {
        // "Russian officials", "China’s foreign ministry", "Kremlin spokesman", "NATO foreign
        // ministers": the state or organisation; "a senior official": nobody named.
        let mut j = a.phrase(k).map_or(k, |p| p.tokens.start.min(k));
        let mut steps = 0;
        while j > sentence_start && steps < 4 {
            j -= 1;
            steps += 1;
            // "Netanyahu's office said", "the prime minister's spokesman said": a person's
            // office or spokesman speaks for the person's state (GOLD_FORMAT.md).
            if let Some(m) = a.mention(j)
                && !m.is_place
                && m.how != How::Pronoun
                && let Some(&actor) = m.actors.first()
                && a.actor_kind(actor) == ActorKind::Person
                && m.tokens.end < k
                && a.tokens[m.tokens.end].kind == TokenKind::Possessive
                && m.tokens.end + 1 == a.phrase(k).map_or(k, |p| p.tokens.start.min(k))
            {
                return a.party_of(actor).map(|state| Subject::Actors(vec![state]));
            }
            // "The two countries' presidents": the states the collective counts, all of them.
            if let Some(m) = a.mention(j)
                && !m.is_place
                && m.how == How::Collective
                && m.actors.len() > 1
                && m.actors
                    .iter()
                    .all(|&x| a.actor_kind(x) != ActorKind::Person)
                && a.lexicon.collective_persons.contains(word)
            {
                return Some(Subject::Actors(m.actors.clone()));
            }
            if let Some(m) = a.mention(j)
                && !m.is_place
                && let Some(&actor) = m.actors.first()
                && a.actor_kind(actor) != ActorKind::Person
            {
                // "The Latvian minister said", after "Raimonds Bērziņš of Latvia": the one
                // person of that state named before is the one the title stands for.
                if untitled
                    && m.how == How::Demonym
                    && j > sentence_start
                    && a.lower(j - 1) == "the"
                    && let Some(person) = only_person_of(a, actor, j)
                {
                    return Some(Subject::Actors(vec![person]));
                }
                // "the U.S. Department of State and the Lebanese Armed Forces": the bodies
                // coordinated before a state's body. Persons before it ("Nuland and the U.S.
                // delegation") are its members, told of by the rules for delegations.
                let mut actors = vec![actor];
                if a.actor_kind(actor) == ActorKind::State {
                    let start = np_start(a, sentence_start, m.tokens.start);
                    conjoined_before(a, sentence_start, start, &mut actors);
                    actors.retain(|&x| a.actor_kind(x) != ActorKind::Person);
                }
                return Some(Subject::Actors(actors));
            }
            if matches!(a.word(j), "," | "." | ";") {
                break;
            }
        }
        // "the ministry said", "The prime minister's office said": the body named before with
        // its state.
        if definite(a, sentence_start, k)
            && BODY_NOUNS.contains(&word)
            && let Some(state) = earlier_body_state(a, k).or_else(|| a.dateline_state())
        {
            return Some(Subject::Actors(vec![state]));
        }
        return Some(Subject::Unnamed);
    }
    None
}

/// Adds to `actors` the parties coordinated before the noun phrase that starts at `start`:
/// "X and Y", "X, Y and Z" (the last joiner "and", the others commas), where a conjunct is a
/// name or a body named with its state ("the U.S. delegation", "the Ethiopian Government").
fn conjoined_before(
    a: &Analysis<'_>,
    sentence_start: usize,
    start: usize,
    actors: &mut Vec<ActorRef>,
) {
    let mut start = start;
    let mut seen_and = false;
    while start > sentence_start + 1 {
        let joiner = a.lower(start - 1);
        let mut before_joiner = start - 2;
        if joiner == "and" && !seen_and {
            seen_and = true;
            // The serial comma: "X, Y, and Z".
            if a.word(before_joiner) == "," && before_joiner > sentence_start {
                before_joiner -= 1;
            }
        } else if !(joiner == "," && seen_and) {
            break;
        }
        // "During their trip to Paraguay, Nuland and ...": the comma of a fronted phrase.
        if joiner == ","
            && a.main_clause_start(a.sentences[a.sentence_of(start)].tokens.clone()) == start
        {
            break;
        }
        let conjunct = match a.mention(before_joiner) {
            Some(m) if !m.is_place && !m.actors.is_empty() && m.how != How::Demonym => Some(m),
            Some(_) => None,
            None => body_with_state(a, sentence_start, before_joiner),
        };
        let Some(m) = conjunct else {
            break;
        };
        for &actor in m.actors.iter().rev() {
            if !actors.contains(&actor) {
                actors.insert(0, actor);
            }
        }
        start = np_start(a, sentence_start, m.tokens.start);
    }
}

/// The mention of the state in a body's noun phrase ending at `k`: "the Ethiopian
/// Government", "the U.S. delegation", "the Lebanese Armed Forces".
fn body_with_state<'m>(
    a: &'m Analysis<'_>,
    sentence_start: usize,
    k: usize,
) -> Option<&'m crate::text::analysis::Mention> {
    if !matches!(
        a.lower(k),
        "government" | "delegation" | "forces" | "authorities" | "military" | "army"
    ) {
        return None;
    }
    let mut j = k;
    while j > sentence_start && k - j < 3 {
        j -= 1;
        if let Some(m) = a.mention(j) {
            let state = !m.is_place
                && !m.actors.is_empty()
                && m.actors
                    .iter()
                    .all(|&x| a.actor_kind(x) == ActorKind::State);
            return state.then_some(m);
        }
        if !a.word(j).starts_with(char::is_uppercase) {
            return None;
        }
    }
    None
}

/// The one person named before token `k` whose party is `state`, when there is exactly one.
fn only_person_of(a: &Analysis<'_>, state: ActorRef, k: usize) -> Option<ActorRef> {
    let mut found: Option<ActorRef> = None;
    for m in a
        .mentions
        .iter()
        .filter(|m| m.tokens.end <= k && !m.is_place)
    {
        for &x in &m.actors {
            if a.actor_kind(x) == ActorKind::Person && a.party_of(x) == Some(state) {
                match found {
                    Some(y) if y != x => return None,
                    _ => found = Some(x),
                }
            }
        }
    }
    found
}

/// Nouns for a state's bodies, which "the" with no state named refers back to.
const BODY_NOUNS: &[&str] = &[
    "delegation",
    "ministry",
    "office",
    "government",
    "army",
    "military",
    "embassy",
    "presidency",
];

/// Whether the noun phrase ending at `k` opens with "the" ("the foreign ministry", "The prime
/// minister's office"), not with a possessive ("his office") or an article of its own.
fn definite(a: &Analysis<'_>, sentence_start: usize, k: usize) -> bool {
    let mut j = k;
    while j > sentence_start && k - j < 5 {
        j -= 1;
        match a.lower(j) {
            "the" => return true,
            "a" | "an" | "his" | "her" | "its" | "their" | "our" | "," | "." | ";" | ":" => {
                return false;
            }
            _ if a.mention(j).is_some() => return false,
            _ => {}
        }
    }
    false
}

/// The state of the last body named by the same noun as token `k` with its state before or
/// after it: "Venezuela's foreign ministry", "the Israeli prime minister's office", "the
/// foreign ministry in Seoul".
pub fn earlier_body_state(a: &Analysis<'_>, k: usize) -> Option<ActorRef> {
    let noun = a.lower(k);
    if !BODY_NOUNS.contains(&noun) {
        return None;
    }
    (0..k)
        .rev()
        .filter(|&j| a.lower(j) == noun && !a.quoted[j])
        .find_map(|j| body_state_at(a, j))
}

/// The state named with the body noun at token `j`, before it ("Brazil's foreign ministry")
/// or after it ("the foreign ministry in Seoul").
pub fn body_state_at(a: &Analysis<'_>, j: usize) -> Option<ActorRef> {
    let state = |m: &crate::text::analysis::Mention| {
        m.actors
            .iter()
            .copied()
            .find(|&x| a.actor_kind(x) != ActorKind::Person)
    };
    // "a delegation of the Political Office of the Taliban movement": the party after "of".
    if a.lower(j) == "delegation" && j + 1 < a.tokens.len() && a.lower(j + 1) == "of" {
        let party = (j + 2..(j + 8).min(a.tokens.len()))
            .take_while(|&x| !matches!(a.word(x), "," | "." | ";" | ":") && !is_verb_like(a, x))
            .find_map(|x| a.mention(x).filter(|m| !m.is_place).and_then(state));
        if party.is_some() {
            return party;
        }
    }
    let mut i = j;
    while i > 0 && j - i < 4 {
        i -= 1;
        if matches!(a.word(i), "," | "." | ";" | ":") {
            break;
        }
        if let Some(m) = a.mention(i) {
            return if m.is_place { None } else { state(m) };
        }
    }
    // "the foreign ministry in Seoul", "the office of the U.N. special envoy".
    let mut after = j + 2;
    if after < a.tokens.len() && a.lower(after) == "the" {
        after += 1;
    }
    if after < a.tokens.len() && matches!(a.lower(j + 1), "in" | "of") {
        return a
            .mention(after)
            .and_then(|m| state(m).or_else(|| a.state_of_place(m)));
    }
    None
}

/// The first token of the noun phrase around a mention: its title, the affiliation before the
/// title, and a determiner ("the Russian Deputy Foreign Minister Sergey Ryabkov").
pub fn np_start(a: &Analysis<'_>, sentence_start: usize, mention_start: usize) -> usize {
    let mut start = mention_start;
    if start > sentence_start
        && let Some(phrase) = a.phrase(start - 1)
        && matches!(phrase.target, PhraseTarget::Title(_))
    {
        start = phrase.tokens.start.max(sentence_start);
        if start > sentence_start
            && let Some(m) = a.mention(start - 1)
            && m.actors
                .iter()
                .all(|&x| a.actor_kind(x) != ActorKind::Person)
        {
            start = m.tokens.start.max(sentence_start);
        }
    }
    // "the Government of Chile": the state's government is the state.
    if start > sentence_start + 1
        && a.lower(start - 1) == "of"
        && matches!(a.lower(start - 2), "government" | "governments")
    {
        start -= 2;
    }
    if start > sentence_start && matches!(a.lower(start - 1), "the" | "a" | "an") {
        start -= 1;
    }
    start
}

/// Where the main clause of a sentence starts: after a fronted adverbial phrase and its comma
/// ("During talks in Brussels, the NATO side proposed ...").
pub fn main_clause_start(a: &Analysis<'_>, range: std::ops::Range<usize>) -> usize {
    a.main_clause_start(range)
}

/// The subject of a sentence's main clause: the noun phrase before its first verb.
pub fn main_subject(a: &Analysis<'_>, range: std::ops::Range<usize>) -> Option<Subject> {
    let start = main_clause_start(a, range.clone());
    // A clause that opens with a named actor: that is its subject.
    let mut first = start;
    if matches!(a.lower(first), "the" | "a" | "an") {
        first += 1;
    }
    if let Some(phrase) = a.phrase(first)
        && phrase.tokens.start == first
        && matches!(phrase.target, PhraseTarget::Title(_))
    {
        first = phrase.tokens.end;
    }
    if let Some(m) = a.mention(first)
        && !m.is_place
        && !m.actors.is_empty()
        && m.how != How::Demonym
    {
        return noun_phrase_ending_at(a, range.start, m.tokens.end - 1);
    }
    let mut k = start;
    while k < range.end {
        if a.quoted[k] {
            k += 1;
            continue;
        }
        if is_verb_like(a, k) {
            return if k > start {
                subject_before(a, start, k).or_else(|| first_person(a, start..k))
            } else {
                None
            };
        }
        if let Some(m) = a.mention(k) {
            k = m.tokens.end;
            continue;
        }
        k += 1;
    }
    first_person(a, start..range.end.min(start + 40))
}

/// The first person named in a range, outside quotations ("Acting U.S. Special Envoy ... John
/// T. Godfrey travels ...": the verb is not one the rules know, the person is).
fn first_person(a: &Analysis<'_>, range: std::ops::Range<usize>) -> Option<Subject> {
    range.filter(|&k| !a.quoted[k]).find_map(|k| {
        let m = a.mention(k)?;
        (m.how != How::Pronoun
            && !m.actors.is_empty()
            && m.actors
                .iter()
                .all(|&x| a.actor_kind(x) == ActorKind::Person))
        .then(|| Subject::Actors(m.actors.clone()))
    })
}

/// A word that is plausibly a finite verb: a cue verb, or a past tense.
pub fn is_verb_like(a: &Analysis<'_>, k: usize) -> bool {
    if let Some(phrase) = a.phrase(k) {
        match phrase.target {
            PhraseTarget::Speech(_) | PhraseTarget::Demand(_) | PhraseTarget::Status(_) => {
                return true;
            }
            PhraseTarget::Meeting(m) => return a.lexicon.meeting_cues[m].is_verb,
            PhraseTarget::Title(_) => return false,
        }
    }
    let word = a.lower(k);
    let hyphenated = k > 0 && a.word(k - 1) == "-" && !a.tokens[k].space_before;
    (word.len() > 3 && word.ends_with("ed") && a.mention(k).is_none() && !hyphenated)
        || COMMON_VERBS.contains(&word)
}

/// Frequent verbs of news reports that do not end in -ed.
const COMMON_VERBS: &[&str] = &[
    "made", "makes", "took", "takes", "gave", "gives", "held", "holds", "met", "meets", "said",
    "says", "told", "tells", "spoke", "speaks", "led", "leads", "began", "begins", "went", "goes",
    "came", "comes", "put", "puts", "sent", "sends", "brought", "brings", "left", "leaves", "sat",
    "saw", "sees", "ran", "runs", "won", "wins", "got", "gets", "kept", "keeps", "paid", "pays",
    "lost", "stood", "fell", "grew", "wrote", "writes", "broke", "rose", "chose", "sought",
    "seeks", "thought", "knew", "arrived", "arrives", "travels", "visits", "remains", "wants",
    "hopes", "needs", "plans", "faces", "faced",
];

/// The end of a complement that starts at `from`: the end of the sentence, or before a
/// coordinated verb of speech, demand or report (", and urged", "and recalled", "; ").
pub fn complement_end(a: &Analysis<'_>, from: usize, sentence_end: usize) -> usize {
    let mut k = from;
    while k < sentence_end {
        let word = a.word(k);
        if word == ";" && !a.quoted[k] {
            return k;
        }
        // "said Belgrade remained committed but accused Pristina of ...": "but" before a verb
        // of reporting starts the speaker's next report too.
        if matches!(word, "and" | "but" | ",") && !a.quoted[k] && k + 1 < sentence_end {
            let mut next = k + 1;
            if matches!(a.lower(next), "and" | "but") {
                next += 1;
            }
            if next < sentence_end && starts_coordinated_verb(a, next) {
                return if word != "," && k > from && a.word(k - 1) == "," {
                    k - 1
                } else {
                    k
                };
            }
        }
        k += 1;
    }
    // A trailing full stop or closing mark is not part of the complement.
    let mut end = sentence_end;
    while end > from && matches!(a.word(end - 1), "." | "!" | "?" | ",") {
        end -= 1;
    }
    end
}

/// Verbs of reporting that are not the required speech verbs, but still start a new
/// coordinated clause ("stressed X and recalled Y"): `coordinated_verb` in
/// `data/dictionaries/clause_words.csv`, compiled in.
static OTHER_REPORTING_VERBS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    super::words::list(
        include_str!("../../data/dictionaries/clause_words.csv"),
        "coordinated_verb",
    )
});

/// The members of an organisation as a subject: "member states", "member countries"
/// (`member_noun` in `data/dictionaries/clause_words.csv`).
static MEMBER_NOUNS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    super::words::list(
        include_str!("../../data/dictionaries/clause_words.csv"),
        "member_noun",
    )
});

/// Whether token `k` starts a verb phrase coordinated with the one before.
fn starts_coordinated_verb(a: &Analysis<'_>, k: usize) -> bool {
    if a.quoted[k] {
        return false;
    }
    if let Some(phrase) = a.phrase(k)
        && phrase.tokens.start == k
        && matches!(
            phrase.target,
            PhraseTarget::Speech(_) | PhraseTarget::Demand(_)
        )
    {
        // "and noted" yes; "and said" yes; but not "and calls" as a noun after "and"?
        return true;
    }
    let word = a.lower(k);
    if OTHER_REPORTING_VERBS.contains(word) {
        return true;
    }
    // "and also stressed".
    if matches!(word, "also" | "then" | "further") && k + 1 < a.tokens.len() {
        return starts_coordinated_verb(a, k + 1);
    }
    false
}

/// The date of what a sentence reports: its first resolved date phrase, else the day of
/// publication with no phrase (the text gives no date of its own).
pub fn sentence_when(a: &Analysis<'_>, sentence: usize) -> super::When {
    match a.dates[sentence]
        .iter()
        .find(|d| d.date.is_some() && !d.year_only)
    {
        Some(d) => super::When {
            date: d.date,
            end: d.end_date,
            phrase: Some(d.phrase.clone()),
        },
        None => super::When {
            date: a.published.map(crate::text::PartialDate::Day),
            end: None,
            phrase: None,
        },
    }
}
