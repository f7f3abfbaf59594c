//! Demands: who asks, urges, calls for or insists on what, of whom, and how it was answered.

use std::ops::Range;

use super::clause::{self, Subject};
use super::{ActorKind, ActorRef, Answer, AnswerKind, Aspect, Demand, Evidence, Meeting};
use crate::text::analysis::{Analysis, How};
use crate::text::lexicon::DemandPattern;
use crate::text::tokens::TokenKind;

pub fn find(a: &Analysis<'_>, meetings: &[Meeting]) -> Vec<Demand> {
    let mut demands = Vec::new();
    obligations(a, &mut demands);
    for (s, sentence) in a.sentences.iter().enumerate() {
        let range = sentence.tokens.clone();
        let turn_speaker = a
            .turns
            .iter()
            .find(|t| t.body.contains(&range.start))
            .and_then(|t| t.speaker);
        let in_question = a
            .turns
            .iter()
            .any(|t| t.is_question && t.body.contains(&range.start));
        if in_question {
            continue;
        }
        let mut k = range.start;
        let mut last_by: Option<Subject> = None;
        while k < range.end {
            let Some((cue_index, cue_end)) = a.demand_cue_at(k) else {
                k += 1;
                continue;
            };
            // Quotations are the speaker's words; only transcript turns are read for demands.
            if a.quoted[k] && turn_speaker.is_none() {
                k = cue_end;
                continue;
            }
            let cue = &a.lexicon.demand_cues[cue_index];
            let found = read_demand(
                a,
                range.clone(),
                k,
                cue_end,
                cue.pattern,
                turn_speaker,
                &last_by,
            );
            if let Some(found) = found {
                // A demand made jointly is one demand, under its first-named maker; a demand of
                // several addressees is one demand of each.
                let by_actors: Vec<Option<ActorRef>> = match &found.by {
                    Subject::Actors(actors) => vec![actors.first().copied()],
                    Subject::Unnamed => vec![None],
                };
                let of_targets: Vec<Option<ActorRef>> = if found.of.is_empty() {
                    vec![None]
                } else {
                    found.of.iter().map(|&x| Some(x)).collect()
                };
                for by in &by_actors {
                    for &of in &of_targets {
                        for content in &found.contents {
                            let of = if found.unresolved_addressee {
                                of
                            } else {
                                of.or_else(|| infer_addressee(a, *by, content.clone(), meetings))
                            };
                            demands.push(Demand {
                                event: None,
                                by: *by,
                                by_party: by
                                    .and_then(|b| a.party_of(b))
                                    .filter(|p| Some(*p) != *by),
                                of,
                                of_party: of.and_then(|o| a.party_of(o)).filter(|p| Some(*p) != of),
                                text: a.text_of(content.clone()),
                                cue: Some(cue.form.clone()),
                                answer: found.answer.clone(),
                                when: clause::sentence_when(a, s),
                                meeting: None,
                                evidence: vec![Evidence {
                                    aspect: Aspect::Fact,
                                    span: a.token_span(range.clone()),
                                }],
                            });
                        }
                    }
                }
                last_by = Some(found.by);
                k = found.end.max(cue_end);
                continue;
            }
            k = cue_end;
        }
    }
    demands
}

/// In a transcript turn, "the pressure has to be stepped up" and "Russia must withdraw" are
/// the speaker's demands: an obligation laid on someone other than the speaker's side.
fn obligations(a: &Analysis<'_>, out: &mut Vec<Demand>) {
    for turn in a.turns.iter().filter(|t| !t.is_question) {
        let Some(speaker) = turn.speaker else {
            continue;
        };
        let mut k = turn.body.start;
        while k + 2 < turn.body.end {
            let modal = match (a.lower(k), a.lower(k + 1)) {
                ("has" | "have", "to") if a.lower(k + 2) == "be" => Some(k + 3),
                ("must", _) => Some(k + 1),
                _ => None,
            };
            let Some(after) = modal else {
                k += 1;
                continue;
            };
            // The subject: the words since the last clause break, not "we", "I", "it".
            let start = (turn.body.start..k)
                .rev()
                .find(|&j| {
                    matches!(a.word(j), "," | "." | ";" | ":" | "—" | "–") || a.lower(j) == "and"
                })
                .map_or(turn.body.start, |j| j + 1);
            let first = a.lower(start);
            let pronoun = matches!(
                first,
                "we" | "i" | "it" | "this" | "that" | "you" | "they" | "there" | "everyone"
            );
            if start >= k || pronoun || k - start > 6 {
                k = after;
                continue;
            }
            // The obligation ends at the next comma: "it has to be continued, the pressure has
            // to be stepped up, and Ukraine has to be provided with ...".
            let sentence_end = a.sentences[a.sentence_of(k)].tokens.end.min(turn.body.end);
            let clause_end = (after..sentence_end)
                .find(|&j| {
                    a.word(j) == ","
                        && (a.lower(j + 1) == "and"
                            || (j + 3 < sentence_end
                                && (j + 1..j + 5)
                                    .any(|x| matches!(a.lower(x), "has" | "have" | "must"))))
                })
                .unwrap_or(sentence_end);
            let end = demand_end(a, after, clause_end);
            let of = (start..k)
                .find_map(|j| a.mention(j).and_then(|m| m.actors.first().copied()))
                .filter(|&x| a.party_of(x) != a.party_of(speaker));
            out.push(Demand {
                event: None,
                by: Some(speaker),
                by_party: a.party_of(speaker).filter(|&p| p != speaker),
                of,
                of_party: of.and_then(|o| a.party_of(o)).filter(|&p| Some(p) != of),
                text: a.text_of(start..end),
                cue: Some(a.text_of(k..after)),
                answer: None,
                when: clause::sentence_when(a, a.sentence_of(k)),
                meeting: None,
                evidence: vec![Evidence {
                    aspect: Aspect::Fact,
                    span: a.token_span(start..end),
                }],
            });
            k = end.max(after);
        }
    }
}

struct Found {
    by: Subject,
    of: Vec<ActorRef>,
    /// The addressee is named in words that resolve to no actor ("urged the army and the RSF
    /// to"): better unknown than guessed. Generic organs of a state ("authorities", "the
    /// government") are still inferred.
    unresolved_addressee: bool,
    contents: Vec<Range<usize>>,
    answer: Option<Answer>,
    end: usize,
}

fn read_demand(
    a: &Analysis<'_>,
    sentence: Range<usize>,
    cue: usize,
    cue_end: usize,
    pattern: DemandPattern,
    turn_speaker: Option<ActorRef>,
    last_by: &Option<Subject>,
) -> Option<Found> {
    // A noun: "Moscow’s calls for", "Russia’s demand for".
    let possessor = possessor_before(a, cue);
    let noun_use = possessor.is_some()
        || matches!(
            a.lower(cue.saturating_sub(1)),
            "the" | "a" | "an" | "its" | "their" | "his" | "her" | "other" | "these" | "those"
        );
    let by = match possessor {
        Some(actor) => Some(Subject::Actors(vec![actor])),
        None if noun_use => None,
        None => demander(a, sentence.clone(), cue, turn_speaker, last_by),
    }?;
    let answer = possessor.and_then(|_| answer_before(a, sentence.start, cue));
    let end_of_clause = demand_end(a, cue_end, sentence.end);
    let (of, content_start) = match pattern {
        _ if noun_use => {
            // "calls for X" / "demand for X": the content follows "for".
            let start = if a.lower(cue_end) == "for" {
                cue_end + 1
            } else {
                cue_end
            };
            (Vec::new(), start)
        }
        DemandPattern::ObjectTo | DemandPattern::ObjectToOrFor => {
            if pattern == DemandPattern::ObjectToOrFor && a.lower(cue_end) == "for" {
                (Vec::new(), cue_end + 1)
            } else {
                match to_infinitive(a, cue_end, end_of_clause) {
                    Some((addressees, to)) => (addressees, to + 1),
                    None if matches!(
                        a.lower(cue),
                        "urged" | "urges" | "urging" | "urge" | "called" | "calls"
                    ) =>
                    {
                        // "urged de-escalation": no addressee, the object is the demand.
                        (Vec::new(), cue_end)
                    }
                    None => return None,
                }
            }
        }
        DemandPattern::For | DemandPattern::Noun => (Vec::new(), cue_end),
        // "insists that NATO turn the clock back": the cue includes "that".
        DemandPattern::That => (clause_subject(a, cue_end, end_of_clause), cue_end),
        DemandPattern::Demand => {
            if a.lower(cue_end) == "that" {
                // "demanded that Russia cancel the recognition": Russia is addressed.
                let subject = clause_subject(a, cue_end + 1, end_of_clause);
                (subject, cue_end + 1)
            } else if a.lower(cue_end) == "for" || a.lower(cue_end) == "on" {
                (Vec::new(), cue_end + 1)
            } else if let Some((addressees, to)) = to_infinitive(a, cue_end, end_of_clause) {
                (addressees, to + 1)
            } else {
                (Vec::new(), cue_end)
            }
        }
    };
    if content_start >= end_of_clause {
        return None;
    }
    let contents = split_demands(a, content_start, end_of_clause);
    if contents.is_empty() {
        return None;
    }
    let unresolved_addressee = of.is_empty()
        && matches!(
            pattern,
            DemandPattern::ObjectTo | DemandPattern::ObjectToOrFor | DemandPattern::Demand
        )
        && to_infinitive_words(a, cue_end, end_of_clause)
            .is_some_and(|(_, _, unresolved)| unresolved);
    Some(Found {
        by,
        of,
        unresolved_addressee,
        contents,
        answer,
        end: end_of_clause,
    })
}

/// Where what is demanded ends: the end of the complement, or a clause joined by ", nor",
/// ", while", ", but", ", whereas".
fn demand_end(a: &Analysis<'_>, from: usize, sentence_end: usize) -> usize {
    let end = clause::complement_end(a, from, sentence_end);
    (from..end)
        .find(|&k| {
            a.word(k) == ","
                && matches!(
                    a.lower(k + 1),
                    "nor"
                        | "while"
                        | "but"
                        | "whereas"
                        | "although"
                        | "though"
                        | "which"
                        | "saying"
                        | "underscoring"
                        | "stressing"
                        | "warning"
                        | "adding"
                )
        })
        .unwrap_or(end)
}

/// "Moscow’s calls": the actor whose possessive stands right before the cue.
fn possessor_before(a: &Analysis<'_>, cue: usize) -> Option<ActorRef> {
    if cue < 2 || a.tokens[cue - 1].kind != TokenKind::Possessive {
        return None;
    }
    let mention = a.mention(cue - 2)?;
    if mention.is_place {
        return None;
    }
    mention.actors.first().copied()
}

/// Who makes the demand: the subject of the cue verb, the subject of a verb it is coordinated
/// with, "I" or "we" in a transcript turn, or the sentence's main subject.
fn demander(
    a: &Analysis<'_>,
    sentence: Range<usize>,
    cue: usize,
    turn_speaker: Option<ActorRef>,
    last_by: &Option<Subject>,
) -> Option<Subject> {
    if let Some(speaker) = turn_speaker {
        let before = a.lower(cue.saturating_sub(1));
        let first_person = (sentence.start..cue)
            .rev()
            .take(4)
            .any(|k| matches!(a.lower(k), "i" | "we"));
        if first_person || before == "i" || before == "we" {
            return Some(Subject::Actors(vec![speaker]));
        }
    }
    if let Some(subject) = clause::subject_before(a, sentence.start, cue) {
        return Some(subject);
    }
    let before = (cue > sentence.start).then(|| a.lower(cue - 1));
    if (matches!(before, Some("and" | "," | "also" | "while")) || before.is_none())
        && let Some(last) = last_by
    {
        return Some(last.clone());
    }
    clause::main_subject(a, sentence)
}

/// "urged Cambodia’s leadership to": the addressees before "to", and the position of "to".
fn to_infinitive(a: &Analysis<'_>, from: usize, end: usize) -> Option<(Vec<ActorRef>, usize)> {
    to_infinitive_words(a, from, end).map(|(actors, to, _)| (actors, to))
}

/// Generic organs of a state: an addressee named so is the state the demand is about.
const STATE_ORGANS: &[&str] = &[
    "authorities",
    "government",
    "leadership",
    "regime",
    "officials",
    "leaders",
    "junta",
];

/// Like [`to_infinitive`], and whether words before "to" name somebody no actor stands for.
fn to_infinitive_words(
    a: &Analysis<'_>,
    from: usize,
    end: usize,
) -> Option<(Vec<ActorRef>, usize, bool)> {
    let (actors, to) = to_infinitive_inner(a, from, end)?;
    let unresolved = actors.is_empty()
        && (from..to).any(|k| a.tokens[k].kind == crate::text::tokens::TokenKind::Word)
        && !(from..to).any(|k| STATE_ORGANS.contains(&a.lower(k)));
    Some((actors, to, unresolved))
}

fn to_infinitive_inner(
    a: &Analysis<'_>,
    from: usize,
    end: usize,
) -> Option<(Vec<ActorRef>, usize)> {
    let limit = (from + 12).min(end);
    let mut addressees = Vec::new();
    let mut k = from;
    while k < limit {
        let word = a.lower(k);
        // "urged Russia to withdraw", not "an end to the invasion".
        if word == "to" && k > from && is_verb_after_to(a, k + 1) {
            return Some((addressees, k));
        }
        // "called on Cambodia, as a member of ASEAN, to hold": an aside between commas.
        if word == ","
            && a.lower(k + 1) == "as"
            && let Some(close) = (k + 1..limit.max(k + 12).min(end)).find(|&j| a.word(j) == ",")
        {
            k = close + 1;
            continue;
        }
        if matches!(word, "," | ";" | "that" | "for") {
            return None;
        }
        if let Some(m) = a.mention(k) {
            if !m.is_place {
                for &actor in &m.actors {
                    // "Cambodia’s leadership": the state, not a person of it.
                    if !addressees.contains(&actor) {
                        addressees.push(actor);
                    }
                }
            }
            k = m.tokens.end;
            continue;
        }
        k += 1;
    }
    None
}

/// Whether the word after "to" starts a verb phrase: an action verb, an adverb, or any
/// lower-case word that is not a determiner or a noun ending.
fn is_verb_after_to(a: &Analysis<'_>, k: usize) -> bool {
    // "urging him to “bring Russia to its senses”".
    let k = if matches!(a.word(k), "\"" | "“") {
        k + 1
    } else {
        k
    };
    let word = a.lower(k);
    if a.lexicon.action_verbs.contains(word) || word == "be" || word == "not" {
        return true;
    }
    if word.ends_with("ly") && word.len() > 4 {
        return true;
    }
    let first_lower = a.word(k).chars().next().is_some_and(char::is_lowercase);
    let nominal = [
        "the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "our",
        "my", "all", "any", "some",
    ]
    .contains(&word)
        || [
            "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "ship", "ies",
        ]
        .iter()
        .any(|end| word.ends_with(end));
    first_lower && !nominal && a.mention(k).is_none()
}

/// The actors named as the subject of a that-clause: "that Russia cancel ...".
fn clause_subject(a: &Analysis<'_>, from: usize, end: usize) -> Vec<ActorRef> {
    let mut k = from;
    let limit = (from + 6).min(end);
    while k < limit {
        if let Some(m) = a.mention(k)
            && !m.is_place
            && !m.actors.is_empty()
        {
            return m.actors.clone();
        }
        if clause::is_verb_like(a, k) {
            break;
        }
        k += 1;
    }
    Vec::new()
}

/// One demand per thing demanded: "cease X and peacefully resolve Y", "X and the withdrawal
/// of Y", "to abide by X and to ensure Y", "for X and for Y".
fn split_demands(a: &Analysis<'_>, start: usize, end: usize) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let mut part_start = start;
    let mut k = start;
    let mut depth = 0;
    while k < end {
        let word = a.lower(k);
        if word == "(" {
            depth += 1;
        } else if word == ")" {
            depth -= 1;
        }
        if word == "and" && depth == 0 && k > part_start {
            let mut next = k + 1;
            let boundary = match a.lower(next) {
                "to" | "for" => {
                    next += 1;
                    true
                }
                "the" | "a" | "an" => is_nominal_conjunct(a, next),
                word => {
                    let mut verb = word.to_string();
                    if word.ends_with("ly") && next + 1 < end {
                        verb = a.lower(next + 1).to_string();
                    }
                    a.lexicon.action_verbs.contains(&verb)
                }
            };
            if boundary {
                let mut part_end = k;
                if part_end > part_start && a.word(part_end - 1) == "," {
                    part_end -= 1;
                }
                parts.push(part_start..part_end);
                part_start = next;
                k = next;
                continue;
            }
        }
        k += 1;
    }
    parts.push(part_start..end);
    parts
        .into_iter()
        .filter(|p| {
            p.clone()
                .filter(|&x| a.tokens[x].kind == TokenKind::Word)
                .count()
                >= 1
        })
        .collect()
}

/// "and the withdrawal of": a second thing demanded, not "the end of violence and the
/// restoration of democracy" inside one list? Both are nominal; a list with commas before is
/// one demand ("urge the end of X, the restoration of Y, and the release of Z").
fn is_nominal_conjunct(a: &Analysis<'_>, determiner: usize) -> bool {
    let before_and = determiner.saturating_sub(2);
    a.word(before_and) != ","
}

/// "the West flatly rejecting Moscow’s calls": rejected, by the West.
fn answer_before(a: &Analysis<'_>, sentence_start: usize, cue: usize) -> Option<Answer> {
    let possessive_start = a
        .mention(cue.saturating_sub(2))
        .map_or(cue, |m| m.tokens.start);
    let mut k = possessive_start;
    let mut steps = 0;
    while k > sentence_start && steps < 3 {
        k -= 1;
        steps += 1;
        let word = a.lower(k);
        let kind = if word.starts_with("reject")
            || word.starts_with("refus")
            || word.starts_with("dismiss")
        {
            AnswerKind::Rejected
        } else if word.starts_with("accept") {
            AnswerKind::Accepted
        } else {
            continue;
        };
        let by = match clause::subject_before(a, sentence_start, k) {
            Some(Subject::Actors(actors)) => actors.first().copied(),
            _ => None,
        };
        return Some(Answer {
            event: None,
            kind,
            by,
            date: None,
        });
    }
    None
}

/// Of whom a demand without a named addressee is made: the state whose act is demanded
/// ("Russian de-escalation", "Russia’s withdrawal"), else the other party of the article's
/// meetings with the demander (a person standing for their state, or for the country the
/// meeting was in), else the first state or organisation the demand names.
fn infer_addressee(
    a: &Analysis<'_>,
    by: Option<ActorRef>,
    content: Range<usize>,
    meetings: &[Meeting],
) -> Option<ActorRef> {
    let by_party = by.and_then(|b| a.party_of(b));
    let same_side = |actor: ActorRef| {
        Some(actor) == by
            || Some(actor) == by_party
            || (by_party.is_some() && a.party_of(actor) == by_party)
    };
    let named_in_content = |k: usize| -> Option<ActorRef> {
        let m = a.mention(k)?;
        if m.is_place || m.how == How::Pronoun {
            return None;
        }
        m.actors
            .iter()
            .copied()
            .find(|&x| a.actor_kind(x) != ActorKind::Person && !same_side(x))
    };
    // "Russian de-escalation": a nationality or possessive opening the demand.
    let mut first = content.start;
    while first < content.end
        && matches!(
            a.lower(first),
            "the" | "a" | "an" | "immediate" | "full" | "complete"
        )
    {
        first += 1;
    }
    if let Some(actor) = named_in_content(first) {
        return Some(actor);
    }
    for meeting in meetings {
        let parties: Vec<ActorRef> = meeting.participants.iter().map(|p| p.actor).collect();
        if !parties.iter().any(|&p| same_side(p)) {
            continue;
        }
        let country = meeting
            .place
            .as_ref()
            .and_then(|p| p.country_iso3.as_deref())
            .and_then(|iso3| {
                a.actors
                    .iter()
                    .position(|x| x.actor.iso3.as_deref() == Some(iso3))
                    .map(ActorRef)
            });
        // Parties named as such first ("NATO"), then the states of the persons met.
        let named = meeting
            .participants
            .iter()
            .filter(|p| !p.implied && a.actor_kind(p.actor) != ActorKind::Person)
            .map(|p| p.actor)
            .find(|&p| !same_side(p));
        // The country a meeting is held in stands for a person who has no stated office only
        // when the article speaks of that state as an actor, not just as a place.
        let country = country.filter(|&state| actor_mentioned(a, state));
        let of_persons = parties
            .iter()
            .copied()
            .filter(|&p| a.actor_kind(p) == ActorKind::Person && !same_side(p))
            .filter_map(|p| a.party_of(p).or(country))
            .find(|&p| !same_side(p));
        if let Some(found) = named.or(of_persons) {
            return Some(found);
        }
    }
    content
        .clone()
        .find_map(named_in_content)
        .or_else(|| most_mentioned(a, &same_side))
}

/// Whether an actor is named as an actor somewhere (not only as the place "in Singapore").
fn actor_mentioned(a: &Analysis<'_>, actor: ActorRef) -> bool {
    a.mentions.iter().any(|m| {
        m.actors.contains(&actor)
            && !(m.place.is_some()
                && m.tokens.start > 0
                && matches!(a.lower(m.tokens.start - 1), "in" | "at" | "to" | "from"))
    })
}

/// The state or organisation the article names most often, other than the demander's side:
/// whom an article's demands are about when it does not say.
fn most_mentioned(a: &Analysis<'_>, same_side: &dyn Fn(ActorRef) -> bool) -> Option<ActorRef> {
    let mut counts: Vec<(ActorRef, usize)> = Vec::new();
    for m in &a.mentions {
        if m.is_place || m.how == How::Pronoun {
            continue;
        }
        for &actor in &m.actors {
            if a.actor_kind(actor) == ActorKind::Person || same_side(actor) {
                continue;
            }
            match counts.iter_mut().find(|(x, _)| *x == actor) {
                Some((_, n)) => *n += 1,
                None => counts.push((actor, 1)),
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .max_by_key(|(actor, n)| (*n, std::cmp::Reverse(actor.0)))
        .map(|(actor, _)| actor)
}
