//! Meetings: talks, summits, sessions, calls and visits; who took part, when, where, and
//! whether they were held, are planned, proposed, postponed or cancelled. Several mentions of
//! one meeting in an article ("the talks", "Wednesday’s meeting") become one meeting.

use chrono::Datelike;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

mod parties;

use super::clause;
use super::{
    ActorKind, ActorRef, Aspect, Evidence, Meeting, MeetingMode, MeetingStatus, Participant, Place,
    PlaceKind, When,
};
use crate::text::PartialDate;
use crate::text::analysis::{Analysis, How};
use crate::text::lexicon::{Entity, PhraseTarget};
use crate::text::temporal::{self, DateMention, Tense};
use crate::text::tokens::TokenKind;

/// One mention of a meeting in the text, before mentions of the same meeting are merged.
#[derive(Debug, Clone)]
struct Mention {
    sentence: usize,
    kind: String,
    mode: MeetingMode,
    named: Vec<ActorRef>,
    date: Option<DateMention>,
    place: Option<usize>,
    status: MeetingStatus,
    /// "the meeting", "Wednesday’s talks": refers to a meeting named before.
    anaphoric: bool,
    /// "a third meeting": one of a series whose parties it shares.
    in_series: bool,
    /// "during the Ministerial Meeting": the setting of another meeting word in the sentence.
    during: bool,
    /// Reported by a verb ("met", "held talks with"), not by a noun.
    by_verb: bool,
    /// Its words: the verb, or the noun phrase from its first word to its noun.
    words: Range<usize>,
    /// The meeting of a transcript's speakers, from its title.
    transcript: bool,
    /// Its parties are "both sides", "the leaders" or an unresolved "they": those of the
    /// meeting the article is about.
    collective: bool,
    /// Named collectively as so many persons ("the two ministers"): the persons of that
    /// meeting, when it has that many.
    collective_persons: Option<usize>,
    /// "after the meeting with Lavrov": definite, with parties named in its own words.
    definite_with_parties: bool,
    /// "The talks, chaired by X, ...": definite, its parties told after it as more about a
    /// meeting already reported.
    elaborated: bool,
    /// "met with Director Yang, met with other senior officials": its object is others of the
    /// same occasion.
    others: bool,
    /// "agreed to meet again": a meeting after one already held, never that one.
    again: bool,
    /// The parties its own noun phrase names.
    own: Vec<ActorRef>,
    /// The state of the capital one came to for talks, when the article names it nowhere
    /// else ("will travel to Moscow next week for consultations"): made an actor and a party
    /// once the sentence is read.
    host_state: Option<Entity>,
    label: String,
}

/// Nouns after a nationality that make it no party to a meeting ("U.S. troops").
const NON_PARTY_NOUNS: &[&str] = &[
    "troops",
    "soldiers",
    "students",
    "youth",
    "people",
    "citizens",
    "refugees",
    "reporters",
    "journalists",
    "staff",
    "employees",
    "community",
    "entrepreneurs",
    "advocates",
    "businesses",
    "companies",
    "media",
    "public",
    "voters",
    "families",
    "workers",
    "civilians",
    "forces",
];

/// Determiners that make a meeting noun refer back to one already named.
const DEFINITE: &[&str] = &["the", "this", "that", "its", "their", "his", "her", "our"];

/// Verbs whose object is a topic: the meeting they name is talked about by their subject, who
/// need not take part in it.
const TOPIC_VERBS: &[&str] = &[
    "discussed",
    "discuss",
    "discussing",
    "discusses",
    "reviewed",
    "review",
    "welcomed",
    "welcome",
    "welcomes",
    "thanked",
    "thank",
    "praised",
    "commended",
    "supported",
    "support",
    "supporting",
    "condemned",
    "noted",
    "highlighted",
    "underscored",
    "emphasized",
    "emphasised",
    "stressed",
    "reiterated",
    "reaffirmed",
    "applauded",
    "encouraged",
    "congratulated",
];

/// Adjectives and nouns that may stand between a determiner and a meeting noun.
const MEETING_MODIFIERS: &[&str] = &[
    "bilateral",
    "trilateral",
    "multilateral",
    "security",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "last",
    "next",
    "new",
    "extraordinary",
    "emergency",
    "special",
    "strategic",
    "stability",
    "working",
    "phone",
    "telephone",
    "virtual",
    "video",
    "high-level",
    "annual",
    "informal",
    "formal",
    "two-day",
    "three-day",
    "one-day",
    "eight-hour",
    "leaders",
    "ministerial",
    "foreign",
    "ministers",
    "peace",
    "senior",
    "officials",
    "additional",
    "further",
    "another",
    "regular",
    "direct",
    "face-to-face",
    "closed-door",
    "rare",
    "historic",
    "inaugural",
    "long-planned",
    "planned",
    "proposed",
    "joint",
    "signing",
    "hour",
    "day",
    "round",
    "smaller",
    "larger",
    "expanded",
    "restricted",
    "closed",
    "plenary",
    "full",
    "final",
    "opening",
    "closing",
    "private",
    "brief",
    "lengthy",
    "separate",
    "recent",
    "upcoming",
    "known",
    "official",
];

pub fn find(a: &mut Analysis<'_>) -> Vec<Meeting> {
    let mut mentions = Vec::new();
    transcript_meeting(a, &mut mentions);
    for s in 0..a.sentences.len() {
        sentence_mentions(a, s, &mut mentions);
    }
    for m in &mut mentions {
        if let Some(state) = m.host_state {
            let actor = a.actor_for_entity(state);
            if !m.named.contains(&actor) {
                m.named.push(actor);
            }
        }
    }
    for m in &mentions {
        tracing::trace!(
            "meeting mention s{} {:?} {:?} named={:?} date={:?} place={:?} {:?} anaphoric={} series={}",
            m.sentence,
            m.label,
            m.kind,
            m.named.iter().map(|&x| a.actor_name(x)).collect::<Vec<_>>(),
            m.date
                .as_ref()
                .map(|d| (d.phrase.clone(), d.date.map(|x| x.to_string()))),
            m.place.map(|p| a.lexicon.places[p].name.clone()),
            m.status,
            m.anaphoric,
            m.in_series
        );
    }
    let groups = merge(a, &mentions);
    let mut meetings: Vec<Meeting> = Vec::new();
    let mut sizes: Vec<usize> = Vec::new();
    for group in groups {
        // "a third meeting at the OSCE" shares the parties of the meetings before it; "both
        // sides", "the leaders" or an unresolved "they" are the parties of the meeting the
        // article is about.
        let first = &mentions[group[0]];
        let extra = if first.in_series {
            shared_parties(a, &meetings)
        } else if first.collective {
            salient_parties(a, &meetings, &sizes, first.collective_persons)
        } else {
            Vec::new()
        };
        if let Some(meeting) = build(a, &mentions, &group, &extra) {
            meetings.push(meeting);
            sizes.push(group.len());
        }
    }
    accompanied(a, &mut meetings);
    attached_parties(a, &mut meetings);
    meetings.sort_by_key(|m| m.evidence.first().map(|e| e.span.start));
    meetings
}

/// A news report's dateline ("UNITED NATIONS —") places a meeting held within two days of
/// publication whose text names no place: the reporter was where it happened.
fn dateline_place(
    a: &Analysis<'_>,
    first: &Mention,
    mentions: &[Mention],
    group: &[usize],
) -> Option<usize> {
    let (_, place) = a.dateline.as_ref()?;
    let place = (*place)?;
    if first.kind == "call"
        || first.mode == MeetingMode::Phone
        || first.status != MeetingStatus::Held
    {
        return None;
    }
    let published = a.published?;
    let day = group
        .iter()
        .find_map(|&i| mentions[i].date.as_ref().and_then(|d| d.date))?;
    let recent = match day {
        PartialDate::Day(day) => day <= published && (published - day).num_days() <= 2,
        _ => false,
    };
    recent.then_some(city_of(a, place))
}

/// The states and organisations of the meeting mentioned most so far, with the states of its
/// persons when it has none of its own.
fn salient_parties(
    a: &Analysis<'_>,
    meetings: &[Meeting],
    sizes: &[usize],
    persons: Option<usize>,
) -> Vec<ActorRef> {
    let Some(salient) = (0..meetings.len()).max_by_key(|&i| (sizes[i], std::cmp::Reverse(i)))
    else {
        return Vec::new();
    };
    let meeting = &meetings[salient];
    // "The two ministers last met in August": the persons of that meeting.
    if let Some(count) = persons {
        let named: Vec<ActorRef> = meeting
            .participants
            .iter()
            .filter(|p| !p.implied && a.actor_kind(p.actor) == ActorKind::Person)
            .map(|p| p.actor)
            .collect();
        if named.len() == count {
            return named;
        }
        // "The two men last met in The Hague": persons, never the bodies of another meeting.
        return Vec::new();
    }
    let named: Vec<ActorRef> = meeting
        .participants
        .iter()
        .filter(|p| !p.implied && a.actor_kind(p.actor) != ActorKind::Person)
        .map(|p| p.actor)
        .collect();
    if !named.is_empty() {
        return named;
    }
    let mut parties: Vec<ActorRef> = Vec::new();
    for p in &meeting.participants {
        if let Some(party) = a.party_of(p.actor)
            && a.actor_kind(party) != ActorKind::Person
            && !parties.contains(&party)
        {
            parties.push(party);
        }
    }
    parties
}

/// "Sherman was accompanied by Lt. Gen. James Mingus": those accompanying a participant take
/// part in the meeting they are at.
fn accompanied(a: &Analysis<'_>, meetings: &mut [Meeting]) {
    for sentence in &a.sentences {
        let range = sentence.tokens.clone();
        let mut k = range.start;
        while k + 1 < range.end {
            if a.lower(k) != "accompanied" || a.lower(k + 1) != "by" {
                k += 1;
                continue;
            }
            let mut verb = k;
            if verb > range.start && matches!(a.lower(verb - 1), "was" | "were") {
                verb -= 1;
            }
            let clause_start = (range.start..verb)
                .rev()
                .find(|&j| a.lower(j) == "and" && j > range.start && a.word(j - 1) == ",")
                .map_or(range.start, |j| j + 1);
            let Some(clause::Subject::Actors(subjects)) =
                clause::subject_before(a, clause_start, verb)
            else {
                k += 2;
                continue;
            };
            // The companions run to the next clause ("..., and Ryabkov was accompanied by").
            let mut companions = Vec::new();
            let mut j = k + 2;
            while j < range.end {
                if matches!(a.lower(j), "was" | "were") {
                    companions.pop();
                    break;
                }
                if let Some(m) = a.mention(j)
                    && m.tokens.start == j
                    && m.actors
                        .iter()
                        .all(|&x| a.actor_kind(x) == ActorKind::Person)
                    && !m.actors.is_empty()
                {
                    companions.extend(m.actors.iter().copied());
                }
                j += 1;
            }
            if let Some(meeting) = meetings
                .iter_mut()
                .filter(|m| m.participants.iter().any(|p| subjects.contains(&p.actor)))
                .min_by_key(|m| {
                    m.evidence.first().map_or(usize::MAX, |e| {
                        a.char_span(sentence.start, sentence.start)
                            .start
                            .abs_diff(e.span.start)
                    })
                })
            {
                for companion in companions {
                    if !meeting.participants.iter().any(|p| p.actor == companion) {
                        meeting.participants.push(Participant {
                            actor: companion,
                            role: "delegation_member".into(),
                            implied: false,
                        });
                    }
                }
            }
            k = j;
        }
    }
}

/// Parties a sentence attaches to a meeting it or one of the two sentences before reports:
/// the heads of delegations ("The government delegation will be led by Foreign Minister X, and
/// the rebels' team by Y"), those who chair, host or attend it ("would be chaired by Malaysia",
/// "co-hosted by Italy and the United States") and its observers ("with observers from the
/// African Union"). A person who reports it ("..., the mediator told reporters") is none.
fn attached_parties(a: &Analysis<'_>, meetings: &mut [Meeting]) {
    let sentence_spans: Vec<_> = a
        .sentences
        .iter()
        .map(|s| a.char_span(s.start, s.end))
        .collect();
    for (s, sentence) in a.sentences.iter().enumerate() {
        let range = sentence.tokens.clone();
        let mut found: Vec<ActorRef> = Vec::new();
        // Whether only a meeting of this sentence may take them: a chair or host is that of
        // the meeting noun right before ("talks hosted by Malaysia"), not of "a pledging event
        // co-hosted by the UN".
        let mut same_sentence = false;
        let cue_before = |k: usize, width: usize| {
            (k.saturating_sub(width).max(range.start)..k).any(|j| is_meeting_cue(a, j).is_some())
        };
        let cue_after = |k: usize, width: usize| {
            (k + 1..(k + width).min(range.end)).any(|j| is_meeting_cue(a, j).is_some())
        };
        let attends = (range.start..range.end)
            .any(|j| matches!(a.lower(j), "attend" | "attends" | "attended" | "attending"));
        for k in range.start + 1..range.end.saturating_sub(1) {
            let (word, next) = (a.lower(k), a.lower(k + 1));
            if matches!(word, "led" | "headed")
                && next == "by"
                && (range.start..k)
                    .rev()
                    .take(10)
                    .any(|j| WORDS.delegation_nouns.contains(a.lower(j)))
            {
                // The heads run on through "and the rebels' team by Y".
                for actor in actors_from(a, k + 2, range.end, true, false) {
                    if !found.contains(&actor) {
                        found.push(actor);
                    }
                }
            } else if WORDS.agent_participles.contains(word)
                && next == "with"
                && (cue_before(k, 8) || cue_after(k, 12))
            {
                // "co-hosted with Cambodia the first annual meeting", "a conference co-hosted
                // with the Government of Panama": the co-host takes part.
                same_sentence = true;
                for actor in actors_from(a, k + 2, range.end, false, true) {
                    if !found.contains(&actor) {
                        found.push(actor);
                    }
                }
            } else if (WORDS.agent_participles.contains(word) && next == "by" && cue_before(k, 8))
                || (WORDS.observers.contains(word)
                    && matches!(next, "from" | "of")
                    && (cue_before(k, 10) || attends))
            {
                same_sentence |= cue_before(k, 10);
                for actor in actors_from(a, k + 2, range.end, false, true) {
                    if !found.contains(&actor) {
                        found.push(actor);
                    }
                }
            }
        }
        if found.is_empty() {
            continue;
        }
        // Of the meetings of the nearest sentence that reports one, the one with most of the
        // heads' states among its parties.
        let states: Vec<ActorRef> = found.iter().filter_map(|&h| a.party_of(h)).collect();
        let earliest = if same_sentence {
            s
        } else {
            s.saturating_sub(2)
        };
        let meeting = (earliest..=s).rev().find_map(|t| {
            let span = &sentence_spans[t];
            meetings
                .iter()
                .enumerate()
                .filter(|(_, m)| {
                    m.evidence
                        .iter()
                        .any(|e| e.span.start <= span.start && span.end <= e.span.end)
                })
                .max_by_key(|(i, m)| {
                    let shared = m
                        .participants
                        .iter()
                        .filter(|p| states.contains(&p.actor))
                        .count();
                    (shared, std::cmp::Reverse(*i))
                })
                .map(|(i, _)| i)
        });
        let Some(meeting) = meeting else {
            continue;
        };
        for actor in found {
            let participants = &mut meetings[meeting].participants;
            // "hosted by the State Department": a ministry of a state already a party is that
            // state.
            let office_of_a_party = a.actor_kind(actor) != ActorKind::Person
                && a.party_of(actor).is_some_and(|state| {
                    state != actor && participants.iter().any(|p| p.actor == state && !p.implied)
                });
            if office_of_a_party {
                continue;
            }
            if let Some(p) = participants.iter_mut().find(|p| p.actor == actor) {
                p.implied = false;
            } else {
                participants.push(Participant {
                    actor,
                    role: "participant".into(),
                    implied: false,
                });
            }
        }
    }
}

/// The persons (or, unless `persons_only`, also states and organisations) named from `from`:
/// to the sentence's end, or with `list_only` only the list right there ("Italy and the
/// United States", "Foreign Minister X"). Not one who reports ("X told reporters").
fn actors_from(
    a: &Analysis<'_>,
    from: usize,
    end: usize,
    persons_only: bool,
    list_only: bool,
) -> Vec<ActorRef> {
    let mut actors = Vec::new();
    let mut k = from;
    while k < end {
        if let Some(p) = a
            .phrase(k)
            .filter(|p| p.tokens.start == k && matches!(p.target, PhraseTarget::Title(_)))
        {
            k = p.tokens.end.max(k + 1);
            continue;
        }
        if let Some(m) = a.mention(k).filter(|m| m.tokens.start == k) {
            let next = m.tokens.end;
            let reports = matches!(a.lower(next), "said" | "says" | "told")
                || a.phrase(next)
                    .is_some_and(|p| matches!(p.target, PhraseTarget::Speech(_)));
            let kinds_ok = m
                .actors
                .iter()
                .all(|&x| !persons_only || a.actor_kind(x) == ActorKind::Person);
            // "Australian Foreign Minister X": the state is only implied by the office.
            if !reports
                && !matches!(m.how, How::Pronoun | How::Demonym)
                && !m.is_place
                && !m.actors.is_empty()
                && kinds_ok
            {
                actors.extend(m.actors.iter().copied());
            }
            k = next.max(k + 1);
            continue;
        }
        if list_only && !matches!(a.lower(k), "," | "and" | "the" | "both" | "(" | ")") {
            break;
        }
        k += 1;
    }
    actors
}

/// A transcript whose title names a meeting ("... Before Their Meeting", "... At a Joint Press
/// Availability") records the speakers meeting on the day of publication, where the dateline
/// lines before the first turn say.
fn transcript_meeting(a: &Analysis<'_>, out: &mut Vec<Mention>) {
    if a.turns.is_empty() || !a.title_names_meeting {
        return;
    }
    let first_turn = a.turns[0].label.start;
    let mut named: Vec<ActorRef> = Vec::new();
    for turn in &a.turns {
        let moderator = matches!(
            a.lower(turn.label.start),
            "mr" | "ms" | "mrs" | "dr" | "moderator" | "operator"
        );
        if let Some(speaker) = turn.speaker
            && !turn.is_question
            && !moderator
            && !named.contains(&speaker)
        {
            named.push(speaker);
        }
    }
    if named.len() < 2 {
        return;
    }
    let place = first_place_in(a, 0..first_turn)
        .or_else(|| (0..first_turn).find_map(|k| a.mention(k).and_then(|m| m.place)));
    let date = a.published.map(|p| DateMention {
        start: 0,
        end: 0,
        first_token: 0,
        end_token: 0,
        phrase: String::new(),
        date: Some(PartialDate::Day(p)),
        end_date: None,
        year_only: false,
    });
    out.push(Mention {
        sentence: a.sentence_of(first_turn),
        kind: "meeting".into(),
        mode: MeetingMode::InPerson,
        named,
        date,
        place,
        status: MeetingStatus::Held,
        anaphoric: false,
        elaborated: false,
        others: false,
        again: false,
        in_series: false,
        during: false,
        by_verb: false,
        words: 0..0,
        transcript: true,
        collective: false,
        collective_persons: None,
        definite_with_parties: false,
        own: Vec::new(),
        host_state: None,
        label: "meeting of the speakers".into(),
    });
}

fn is_meeting_cue(a: &Analysis<'_>, k: usize) -> Option<(usize, Range<usize>)> {
    let phrase = a.phrase(k).filter(|p| p.tokens.start == k)?;
    phrase.targets.iter().find_map(|t| match t {
        PhraseTarget::Meeting(m) => Some((*m, phrase.tokens.clone())),
        _ => None,
    })
}

/// Whether token `k` is a word of a meeting cue ("talks", the end of "Strategic Dialogue").
fn is_meeting_word(a: &Analysis<'_>, k: usize) -> bool {
    a.phrase(k).is_some_and(|p| {
        p.targets
            .iter()
            .any(|t| matches!(t, PhraseTarget::Meeting(_)))
    })
}

/// "arrived in Baghdad on Wednesday for talks", "will travel to Hanoi for meetings with":
/// the verb of coming (or of welcoming a guest) whose purpose is the meeting whose noun
/// phrase starts at `np_start`.
fn travel_verb_for(a: &Analysis<'_>, sentence_start: usize, np_start: usize) -> Option<usize> {
    if np_start <= sentence_start || a.lower(np_start - 1) != "for" {
        return None;
    }
    (np_start.saturating_sub(14).max(sentence_start)..np_start - 1)
        .rev()
        .take_while(|&k| !matches!(a.lower(k), "which" | "who" | "that" | ";" | "—" | "said"))
        .find(|&k| WORDS.travel_verbs.contains(a.lower(k)) && !a.quoted[k])
}

/// "ended two days of talks", "concluded three days of negotiations": how many days the
/// meeting whose noun starts at `cue` lasted, when a verb of ending governs the span.
fn days_ended(a: &Analysis<'_>, sentence_start: usize, cue: usize) -> Option<i64> {
    // Up to two modifiers between "of" and the noun: "two days of intensive talks".
    let of = (cue.saturating_sub(3).max(sentence_start)..cue)
        .rev()
        .find(|&k| a.lower(k) == "of")?;
    if of < sentence_start + 2 || !matches!(a.lower(of - 1), "days" | "day") {
        return None;
    }
    let days = i64::from(temporal::count_word(a.lower(of - 2))?);
    let ended = (sentence_start..of - 2)
        .rev()
        .take(4)
        .any(|k| WORDS.ending_verbs.contains(a.lower(k)));
    (ended && (2..=14).contains(&days)).then_some(days)
}

fn sentence_mentions(a: &Analysis<'_>, s: usize, out: &mut Vec<Mention>) {
    let range = a.sentences[s].tokens.clone();
    // The first sentence of a question turn begins with its label ("QUESTION: Will ...").
    let in_question = a.turns.iter().any(|t| {
        t.is_question && (t.body.contains(&range.start) || t.label.contains(&range.start))
    });
    if in_question {
        return;
    }
    let in_turn = a.in_turn_body(range.start);
    // A meeting urged or called for is a demand, not a meeting: "urged Truss to continue good
    // faith negotiations", "called for direct dialogue".
    // Not a word of the dateline ("SEOUL, Nov. 1 (East Asia Press) --") nor of a name.
    let words_start = a.sentence_start(range.clone());
    let demanded_from = (words_start..range.end).find(|&k| {
        a.demand_cue_at(k).is_some()
            && (k == words_start || !a.word(k).starts_with(|c: char| c.is_uppercase()))
            && !(k > 0
                && matches!(
                    a.lower(k - 1),
                    "the" | "a" | "an" | "its" | "their" | "his" | "her" | "other"
                )
                || a.tokens
                    .get(k.wrapping_sub(1))
                    .is_some_and(|t| t.kind == TokenKind::Possessive))
    });
    let mut cues = Vec::new();
    let mut k = range.start;
    while k < range.end {
        if let Some((cue, tokens)) = is_meeting_cue(a, k) {
            // "called for a ceasefire and proposed a summit": a status verb after the demand
            // governs the meeting; "called on Russia to withdraw, as the two met in Riga": a
            // clause of time after a comma is no part of the demand.
            let demanded = demanded_from.is_some_and(|d| {
                d < k
                    && !(d + 1..k).any(|j| {
                        a.phrase(j).is_some_and(|p| {
                            p.tokens.start == j
                                && p.targets
                                    .iter()
                                    .any(|t| matches!(t, PhraseTarget::Status(_)))
                        }) || (a.word(j - 1) == ","
                            && (matches!(a.lower(j), "when" | "while" | "after")
                                // "as the two met", not "as set out in".
                                || a.lower(j) == "as"
                                    && (matches!(a.lower(j + 1), "the" | "they" | "he" | "she")
                                        || a.mention(j + 1).is_some())))
                    })
            });
            if (!a.quoted[k] || in_turn)
                && !demanded
                && accept_cue(a, cue, tokens.clone(), range.end)
            {
                cues.push((cue, tokens.clone()));
            }
            k = tokens.end;
            continue;
        }
        k += 1;
    }
    // "Foreign Ministerial Meeting": adjacent meeting words are one phrase.
    let mut merged: Vec<(usize, Range<usize>)> = Vec::new();
    for (cue, tokens) in cues {
        if let Some(last) = merged.last_mut()
            && last.1.end == tokens.start
        {
            *last = (cue, last.1.start..tokens.end);
            continue;
        }
        merged.push((cue, tokens));
    }
    let cues = merged;
    if cues.is_empty() {
        return;
    }
    let mut dates = assign_dates(a, s, &cues);
    // The sentence's one date also dates a meeting word that got none ("met ... today ... on
    // the margins of the NATO Foreign Ministerial").
    let sentence_dates: Vec<&DateMention> = a.dates[s]
        .iter()
        .filter(|d| !d.year_only && d.date.is_some())
        .collect();
    if sentence_dates.len() == 1 {
        let only = sentence_dates[0];
        let mut after_again = false;
        for (date, (_, tokens)) in dates.iter_mut().zip(&cues) {
            let np = noun_phrase_start(a, a.sentences[s].tokens.start, tokens.start);
            let between = if only.first_token >= tokens.end {
                tokens.end..only.first_token
            } else {
                only.end_token..tokens.start
            };
            let clause_word = between.clone().any(|k| {
                matches!(
                    a.lower(k),
                    "since" | "when" | "because" | "after" | "before" | "while"
                )
            });
            // "who met on Dec. 14, had agreed to meet again, but that meeting was put off":
            // another meeting, after it, and what is said of it after.
            after_again |= a.lower(tokens.end) == "again";
            if date.is_none() && !is_time_reference(a, np) && !clause_word && !after_again {
                *date = Some(only.clone());
            }
        }
    }
    for ((cue, tokens), date) in cues.into_iter().zip(dates) {
        if let Some(mention) = read_mention(a, s, cue, tokens, date) {
            out.push(mention);
        }
    }
}

/// Drops cue words that are not meetings here: "press conference", "to call for", "spoke to
/// reporters", "call" as a verb.
fn accept_cue(a: &Analysis<'_>, cue: usize, tokens: Range<usize>, end: usize) -> bool {
    if intention_denied(a, tokens.start) {
        return false;
    }
    let entry = &a.lexicon.meeting_cues[cue];
    let word = a.lower(tokens.start);
    let before = if tokens.start > 0 {
        a.lower(tokens.start - 1)
    } else {
        ""
    };
    // "a press conference", "a virtual court session", "an award ceremony": gatherings that
    // are not encounters of parties.
    if matches!(before, "press" | "news") || (!entry.is_verb && WORDS.not_meeting.contains(before))
    {
        return false;
    }
    if !entry.is_verb && before == "to" && !matches!(word, "talks" | "meeting") {
        return false; // "continue to call", "to visit" is handled as a verb below
    }
    // "if its requirements are not met", "were convened": passive, not a meeting event.
    if entry.is_verb {
        let mut b = tokens.start;
        while b > 0 && matches!(a.lower(b - 1), "not" | "never" | "also") {
            b -= 1;
        }
        // "The leaders have not met in four years", "had never visited Saudi Arabia": a
        // meeting denied is none held.
        if (b..tokens.start).any(|j| matches!(a.lower(j), "not" | "never")) {
            return false;
        }
        let participle = !a.lower(tokens.start).ends_with("ing");
        // "was received by the prime minister": the guest meets the host.
        let received_by = word_is_received(a, tokens.start) && a.lower(tokens.end) == "by";
        if participle
            && !received_by
            && b > 0
            && matches!(
                a.lower(b - 1),
                "are" | "is" | "was" | "were" | "be" | "been" | "being"
            )
        {
            return false;
        }
        // "received refugees", "has received a visa": only a person, a state or a delegation
        // is received as a guest.
        if word_is_received(a, tokens.start)
            && !received_by
            && !receives_a_party(a, tokens.end, end)
        {
            return false;
        }
        // "a ceremony hosted by X": the participle describes a meeting named by a noun.
        if is_agent_participle(a, tokens.start) {
            return false;
        }
    }
    // "meet demands", "to meet these challenges", "meeting its obligations": not an encounter.
    if matches!(word, "meet" | "meets" | "met" | "meeting") {
        let object = (tokens.end..(tokens.end + 4).min(end)).find(|&j| {
            !matches!(
                a.lower(j),
                "the"
                    | "a"
                    | "an"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "your"
                    | "these"
                    | "those"
                    | "this"
                    | "that"
                    | "all"
                    | "any"
                    | "some"
                    | "such"
                    | "new"
                    | "basic"
                    | "growing"
                    | "key"
                    | "shared"
                    | "common"
                    | "global"
                    | "urgent"
            )
        });
        if object.is_some_and(|j| WORDS.not_met.contains(a.lower(j))) {
            return false;
        }
        if met_object_is_not_a_party(a, tokens.end, end) {
            return false;
        }
    }
    let after = if tokens.end < end {
        a.lower(tokens.end)
    } else {
        ""
    };
    // "revive a joint ministerial committee": a meeting word naming a standing body is no
    // meeting; its meetings are named by a word of their own.
    if !entry.is_verb && WORDS.body_nouns.contains(after) {
        return false;
    }
    // "Beijing talks a lot about sovereignty", "he talks about": the verb "talk", not talks
    // held; "what we call", "meetings that I call listening tours": the verb "call" naming
    // something.
    if word == "talks"
        && tokens.start > 0
        && (a
            .mention(tokens.start - 1)
            .is_some_and(|m| m.how != How::Demonym)
            || matches!(before, "he" | "she" | "it" | "who"))
        && (after == "about" || after == "a" && a.lower(tokens.end + 1) == "lot")
    {
        return false;
    }
    if matches!(word, "call" | "calls") {
        // "what we would call", "we’ll call it seven": over a modal to its pronoun subject.
        let mut b = tokens.start;
        while b > 0
            && matches!(
                a.lower(b - 1),
                "would" | "will" | "’ll" | "'ll" | "might" | "could" | "can" | "may"
            )
        {
            b -= 1;
        }
        if b > 0 && matches!(a.lower(b - 1), "i" | "we" | "you" | "they") {
            return false;
        }
    }
    // "thanks for joining our call", "on this call" in a briefing's transcript: the call the
    // transcript records, with the press, not a meeting of parties.
    if word == "call"
        && matches!(before, "our" | "this" | "today’s" | "today's")
        && after != "with"
        && a.in_turn_body(tokens.start)
    {
        return false;
    }
    match word {
        // "spoke with X", "spoke by phone with X", not "spoke to reporters" nor "talked about
        // Iran, in connection with ...".
        // "X and Y spoke by phone on Wednesday": the call of its subjects.
        "spoke" | "speaks" | "talked" if after == "about" => false,
        "spoke" | "speaks" | "talked" => {
            let limit = (tokens.end + 6).min(end);
            (tokens.end..limit).any(|j| a.lower(j) == "with")
                || (tokens.end..(tokens.end + 3).min(end))
                    .any(|j| matches!(a.lower(j), "phone" | "telephone"))
        }
        "hosted" | "hosts" | "visited" | "visits" | "brief" | "briefed" | "convened" => {
            let limit = (tokens.end + 8).min(end);
            let object = (tokens.end..limit).find_map(|j| {
                a.mention(j)
                    .filter(|m| !m.actors.is_empty() || m.place.is_some())
            });
            // "hosts U.S. forces", "hosted Venezuelan refugees": people, not a party.
            object.is_some_and(|m| {
                !(matches!(word, "hosted" | "hosts")
                    && NON_PARTY_NOUNS.contains(&a.lower(m.tokens.end)))
            })
        }
        "conference" => !matches!(before, "press" | "news"),
        // "Sung Kim called PRC Special Representative Liu Xiaoming to discuss ...": a call;
        // not "called for", "called on", nor "called Putin a war criminal".
        "called" => called_a_person(a, tokens.end, end),
        // "diplomacy and dialogue", "through dialogue", "in dialogue with": dialogue as a
        // policy. A dialogue that meets is "a", "the", "a strategic" or "a U.S.-Morocco"
        // dialogue, or one "between" or "among" its parties.
        "dialogue" => {
            let sentence = &a.sentences[a.sentence_of(tokens.start)];
            noun_phrase_start(a, sentence.tokens.start, tokens.start) < tokens.start
                || matches!(a.lower(tokens.end), "between" | "among")
        }
        // "recalled for consultations": with one's own government, not a diplomatic meeting.
        // "will travel to Moscow for consultations" is a meeting there.
        "consultations" => {
            let sentence = &a.sentences[a.sentence_of(tokens.start)];
            before != "for"
                || a.lower(tokens.end) == "with"
                || travel_verb_for(a, sentence.tokens.start, tokens.start).is_some()
        }
        _ => true,
    }
}

/// "had no plans to meet", "has no intention of meeting", "ruled out a meeting", "refused to
/// meet": a meeting nobody means to hold is none, whatever its tense.
fn intention_denied(a: &Analysis<'_>, cue: usize) -> bool {
    let sentence_start = a.sentences[a.sentence_of(cue)].tokens.start;
    let mut end = cue;
    while end > sentence_start
        && matches!(
            a.lower(end - 1),
            "a" | "an" | "any" | "the" | "further" | "direct" | "new" | "formal" | "bilateral"
        )
    {
        end -= 1;
    }
    WORDS.negated_intention.iter().any(|phrase| {
        end >= sentence_start + phrase.len()
            && phrase
                .iter()
                .zip(end - phrase.len()..end)
                .all(|(w, k)| a.lower(k) == w)
    })
}

/// "called" with a person as its object, followed by what ends the object ("to discuss", "on
/// Monday", a comma, the sentence's end), not by a description ("called Zelenskyy and his
/// government a ...").
fn called_a_person(a: &Analysis<'_>, from: usize, end: usize) -> bool {
    // The object's titles and affiliations come first: "PRC Special Representative on Korean
    // Peninsula Affairs Liu Xiaoming".
    let mut k = from;
    while k < (from + 14).min(end) {
        if let Some(p) = a
            .phrase(k)
            .filter(|p| p.tokens.start == k && matches!(p.target, PhraseTarget::Title(_)))
        {
            k = p.tokens.end.max(k + 1);
            continue;
        }
        if let Some(m) = a.mention(k).filter(|m| m.how != How::Pronoun) {
            if m.actors
                .iter()
                .any(|&x| a.actor_kind(x) == ActorKind::Person)
            {
                let next = m.tokens.end;
                return next >= end
                    || matches!(
                        a.lower(next),
                        "to" | "on" | "about" | "," | "." | "today" | "yesterday" | "this" | "last"
                    );
            }
            k = m.tokens.end.max(k + 1);
            continue;
        }
        let capitalised = a.word(k).chars().next().is_some_and(char::is_uppercase);
        if !capitalised && !matches!(a.lower(k), "on" | "for" | "of" | "and" | "the") {
            return false;
        }
        k += 1;
    }
    false
}

fn word_is_received(a: &Analysis<'_>, k: usize) -> bool {
    matches!(
        a.lower(k),
        "received" | "receives" | "receive" | "receiving"
    )
}

/// Words that end the object of a meeting verb.
fn ends_object(a: &Analysis<'_>, k: usize) -> bool {
    matches!(
        a.lower(k),
        "with"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "from"
            | "by"
            | "during"
            | "after"
            | "before"
            | "and"
            | ","
            | "."
            | ";"
            | ":"
            | "—"
            | "–"
            | "who"
            | "which"
            | "that"
            | "up"
            | "over"
            | "about"
            | "as"
    )
}

/// "meet Transatlantic and global security challenges", "meet its defense needs": the object
/// of "meet", before a preposition or a person, is a thing to be met, not a party.
fn met_object_is_not_a_party(a: &Analysis<'_>, from: usize, end: usize) -> bool {
    let mut k = from;
    while k < (from + 10).min(end) {
        let word = a.lower(k);
        if WORDS.not_met.contains(word) {
            return true;
        }
        if let Some(m) = a.mention(k) {
            if m.actors
                .iter()
                .any(|&x| a.actor_kind(x) == ActorKind::Person)
            {
                return false;
            }
            k = m.tokens.end.max(k + 1);
            continue;
        }
        // "meet the armored, airborne, and other threats": a comma between adjectives goes on.
        let listed = word == ","
            && a.word(k + 1).chars().next().is_some_and(char::is_lowercase)
            && (!ends_object(a, k + 1) || a.lower(k + 1) == "and");
        if (ends_object(a, k) && word != "and" && !listed) || a.quoted[k] {
            return false;
        }
        k += 1;
    }
    false
}

/// Whether the object of "received" is a guest: a person, an office ("the Foreign
/// Minister"), a state or organisation not describing others ("Ukrainian refugees"), or a
/// delegation or envoy.
fn receives_a_party(a: &Analysis<'_>, from: usize, end: usize) -> bool {
    let mut k = from;
    while k < (from + 6).min(end) {
        if ends_object(a, k) || a.quoted[k] {
            return false;
        }
        if a.phrase(k)
            .is_some_and(|p| p.tokens.start == k && matches!(p.target, PhraseTarget::Title(_)))
        {
            return true;
        }
        if let Some(m) = a.mention(k) {
            if m.is_place || m.actors.is_empty() {
                return false;
            }
            return m
                .actors
                .iter()
                .any(|&x| a.actor_kind(x) == ActorKind::Person)
                || !NON_PARTY_NOUNS.contains(&a.lower(m.tokens.end));
        }
        if WORDS.guests.contains(a.lower(k)) {
            return true;
        }
        k += 1;
    }
    false
}

/// The holder of an office the analysis resolved after a possessive, at token `k`: "Poland's
/// prime minister" (the words "prime minister").
fn possessive_holder<'b>(
    a: &'b Analysis<'_>,
    k: usize,
) -> Option<&'b crate::text::analysis::Mention> {
    a.mention(k).filter(|m| {
        m.tokens.start == k
            && m.how == How::RoleNoun
            && k > 0
            && a.tokens[k - 1].kind == TokenKind::Possessive
            && !m.actors.is_empty()
            && m.actors
                .iter()
                .all(|&x| a.actor_kind(x) == ActorKind::Person)
    })
}

/// Each date phrase of the sentence goes to the nearest meeting cue.
fn assign_dates(
    a: &Analysis<'_>,
    s: usize,
    cues: &[(usize, Range<usize>)],
) -> Vec<Option<DateMention>> {
    let mut assigned: Vec<Option<(usize, DateMention)>> = vec![None; cues.len()];
    // A date in another clause ("in their first summit since Biden took office in January")
    // dates that clause's verb; "talks ... since Biden took office opened on Thursday" and
    // "talks that began on Monday" still date the talks: the verb nearest the date decides.
    let event_verb = |k: usize| {
        matches!(
            a.lower(k),
            "began"
                | "begin"
                | "begins"
                | "opened"
                | "open"
                | "opens"
                | "started"
                | "start"
                | "starts"
                | "ended"
                | "ends"
                | "concluded"
                | "held"
                | "due"
                | "was"
                | "were"
                | "is"
                | "are"
                | "be"
                | "scheduled"
                | "set"
                | "planned"
                | "slated"
                | "convened"
                | "resumed"
        )
    };
    let barrier = |k: usize| {
        !event_verb(k)
            && (clause::is_verb_like(a, k)
                || matches!(
                    a.lower(k),
                    "took" | "said" | "told" | "met" | "since" | "when" | "because" | "seized"
                ))
    };
    // A meeting its own date comes right before ("the Nov. 27 conference") takes no other
    // date; "talks since the Nov. 27 conference in Annapolis on Dec. 12": the "since" of such
    // a meeting is a parenthesis, and the later date dates the talks.
    let dated_before = |tokens: &Range<usize>| {
        a.dates[s]
            .iter()
            .any(|d| d.date.is_some() && !d.year_only && d.end_token == tokens.start)
    };
    let parenthesis = |k: usize, to: usize| {
        a.lower(k) == "since"
            && cues
                .iter()
                .any(|(_, t)| t.start > k && t.end <= to && dated_before(t))
    };
    let separated_after = |from: usize, to: usize| {
        (from..to)
            .rev()
            .find(|&k| event_verb(k) || (barrier(k) && !parenthesis(k, to)))
            .is_some_and(|k| !event_verb(k))
    };
    // "met X on Wednesday and was received by Y on Thursday": a date before a verb phrase
    // coordinated with the one before it dates that one.
    let coordinated_verb = |k: usize, to: usize| {
        a.lower(k) == "and"
            && k < to
            && (k + 1 == to || event_verb(k + 1) || clause::is_verb_like(a, k + 1))
    };
    let separated_before =
        |from: usize, to: usize| (from..to).any(|k| barrier(k) || coordinated_verb(k, to));
    // A bare year is weak evidence, except right after the meeting's verb or noun: "first met
    // in 2005", "talks in 2018".
    let right_after_cue = |d: &DateMention| {
        cues.iter()
            .any(|(_, tokens)| d.first_token >= tokens.end && d.first_token <= tokens.end + 1)
    };
    // "MUSCAT, Feb 22 (Wire) -": the day the report was filed, not the day of a meeting.
    let in_dateline = |d: &DateMention| {
        a.dateline
            .as_ref()
            .is_some_and(|(dateline, _)| d.first_token < dateline.end)
    };
    for date in a.dates[s]
        .iter()
        .filter(|d| (!d.year_only || right_after_cue(d)) && d.date.is_some() && !in_dateline(d))
    {
        let distance = |tokens: &Range<usize>| {
            if date.end_token <= tokens.start {
                tokens.start - date.end_token
            } else {
                date.first_token.saturating_sub(tokens.end)
            }
        };
        let Some((best, d)) = cues
            .iter()
            .enumerate()
            .filter(|(_, (_, tokens))| {
                if date.end_token != tokens.start && dated_before(tokens) {
                    false
                } else if date.first_token >= tokens.end {
                    !separated_after(tokens.end, date.first_token)
                } else {
                    !separated_before(date.end_token, tokens.start)
                }
            })
            .map(|(i, (_, tokens))| (i, distance(tokens)))
            .min_by_key(|&(_, d)| d)
        else {
            continue;
        };
        if assigned[best].as_ref().is_none_or(|(old, _)| d < *old) {
            assigned[best] = Some((d, date.clone()));
        }
    }
    assigned.into_iter().map(|x| x.map(|(_, d)| d)).collect()
}

fn read_mention(
    a: &Analysis<'_>,
    s: usize,
    cue: usize,
    tokens: Range<usize>,
    date: Option<DateMention>,
) -> Option<Mention> {
    let sentence = a.sentences[s].tokens.clone();
    let entry = &a.lexicon.meeting_cues[cue];
    let word = a.lower(tokens.start);
    let before_cue = if tokens.start > 0 {
        a.lower(tokens.start - 1)
    } else {
        ""
    };
    let is_verb = entry.is_verb
        || (word == "meeting"
            && matches!(before_cue, "were" | "was" | "are" | "is" | "be" | "been"))
        || (matches!(word, "visit" | "call")
            && matches!(
                before_cue,
                "to" | "would"
                    | "will"
                    | "could"
                    | "should"
                    | "may"
                    | "might"
                    | "must"
                    | "’ll"
                    | "'ll"
            ))
        // "Envoys of the AU and IGAD, meeting in Djibouti on Monday, called for ...": a
        // participle after its subject.
        || (word == "meeting"
            && before_cue == ","
            && matches!(a.lower(tokens.end), "in" | "at" | "on"))
        || (word == "meeting"
            && a.lower(tokens.end) == "with"
            && tokens.start > 0
            && !DEFINITE.contains(&a.lower(tokens.start - 1))
            && a.lower(tokens.start - 1) != "a");
    let mut named: Vec<ActorRef> = Vec::new();
    let add = |actors: &[ActorRef], named: &mut Vec<ActorRef>| {
        for &actor in actors {
            if !named.contains(&actor) {
                named.push(actor);
            }
        }
    };
    let np_start = noun_phrase_start(a, sentence.start, tokens.start);
    // "There is no G8 summit", "no talks are planned": a meeting denied is none.
    if !is_verb && np_start > sentence.start && a.lower(np_start - 1) == "no" {
        return None;
    }
    let determiner = (np_start < tokens.start).then(|| a.lower(np_start));
    // "Wednesday’s talks", not "on Wednesday for talks".
    let possessive_date = a.dates[s].iter().any(|d| {
        d.end_token + 1 == tokens.start
            && a.tokens
                .get(d.end_token)
                .is_some_and(|t| t.kind == TokenKind::Possessive)
            || (d.end_token < tokens.start
                && d.end_token >= np_start
                && a.tokens[d.end_token].kind == TokenKind::Possessive)
    });
    let anaphoric_form = !is_verb
        && (determiner.is_some_and(|d| DEFINITE.contains(&d)) || possessive_date)
        || word == "session" && determiner == Some("the");
    // Parties in the words before the noun: "NATO-Russia Council meeting", "U.S.-Russia talks";
    // not the city of "the Berlin conference", which is its place.
    let mut venue = None;
    let mut venue_parties = Vec::new();
    if !is_verb {
        for k in np_start..tokens.start {
            if let Some(m) = a.mention(k)
                && m.tokens.start == k
                && !m.is_place
                && m.how != How::Pronoun
            {
                if let Some(city) = parties::venue_in_name(a, k, tokens.start) {
                    venue = venue.or(Some(city));
                    venue_parties.extend(parties_of(a, k));
                    continue;
                }
                add(&parties_of(a, k), &mut named);
            }
        }
    }
    // "the Andrade-Restrepo talks": the persons of the article whose surnames label it.
    if !is_verb {
        add(&surname_pair(a, np_start, tokens.start), &mut named);
    }
    let np_parties = !named.is_empty();
    // Parties after the cue: "with X", "between X and Y", "of X", "at the OSCE", the object of
    // "met", "hosted", "visited", "brief".
    let after = parties_after(a, tokens.end, sentence.end, is_verb);
    add(&after, &mut named);
    // "the Madrid summit" names its own meeting, if not its parties.
    let own_parties = !named.is_empty() || venue.is_some();
    // "The talks, chaired by Sudan's minister, brought together ...": the meeting already
    // reported, with more said of who took part.
    let elaborated = anaphoric_form
        && !np_parties
        && tokens.end + 1 < sentence.end
        && a.word(tokens.end) == ","
        && WORDS.agent_participles.contains(a.lower(tokens.end + 1));
    // "their first formal talks since the Nov. 27 conference": the meeting after "since" is
    // an earlier one, held, and not the one the sentence reports; right after a meeting noun
    // ("talks since the conference") it was a meeting of the same parties.
    let since = !is_verb && np_start > 0 && a.lower(np_start - 1) == "since";
    let since_meeting = since && np_start >= 2 && is_meeting_word(a, np_start - 2);
    // "arrived in Baghdad on Wednesday for talks": the one who came takes part.
    let travel_for = if is_verb {
        None
    } else {
        travel_verb_for(a, sentence.start, np_start)
    };
    // A fronted "During talks at NATO headquarters" presupposes talks already reported.
    let main_start = clause::main_clause_start(a, sentence.clone());
    let presupposed = !is_verb
        && tokens.start < main_start
        && determiner.is_none()
        && matches!(a.lower(sentence.start), "during" | "at" | "after");
    let anaphoric = (anaphoric_form || presupposed) && !since && (!own_parties || elaborated);
    // "after the meeting with Russia’s Sergei Lavrov": a definite meeting with parties of its
    // own may still be the meeting already reported with some of them.
    let definite_with_parties = anaphoric_form
        && own_parties
        && np_start > 0
        && matches!(a.lower(np_start - 1), "after" | "before" | "during" | "at");
    let own_np_parties = named.clone();
    // The subject: of a meeting verb, of a verb of taking part ("chaired the meeting"), or of
    // a sentence whose fronted phrase holds the meeting ("In a meeting with Hun Sen, Sherman
    // stressed ...").
    // "The two also discussed UK-EU negotiations", "thanked him for support for the peace
    // negotiations": a meeting talked about, whose parties the talkers are not.
    // Not across an infinitive: "welcomed the opportunity to hold a second summit".
    // "will discuss the crisis at a meeting in Brussels": the meeting is where the talking is
    // done, not what is talked about; the talkers take part.
    let at_meeting = np_start > sentence.start && a.lower(np_start - 1) == "at";
    // Not "welcomed the minister for talks": a host, not a topic.
    let topic = !is_verb
        && !at_meeting
        && travel_for.is_none()
        && governing_verb(a, sentence.start.max(main_start), np_start).is_some_and(|verb| {
            TOPIC_VERBS.contains(&a.lower(verb)) && !(verb..np_start).any(|k| a.lower(k) == "to")
        });
    let subject = if topic {
        None
    } else if is_verb {
        // "was just in Israel meeting with": the subject of "was", not the place.
        located_subject(a, sentence.start, tokens.start)
            .or_else(|| clause::subject_before(a, sentence.start, tokens.start))
            .or_else(|| infinitive_subject(a, sentence.clone(), tokens.start))
    } else if np_start > 0 && matches!(a.lower(np_start - 1), "after" | "before") && own_parties {
        // "Kuleba said after the meeting with Lavrov": the speaker was at the meeting.
        governing_verb(a, sentence.start.max(main_start), np_start)
            .and_then(|verb| clause::subject_before(a, sentence.start, verb))
    } else if since_meeting && !own_parties {
        // "will hold their first talks since the conference": those who hold the talks.
        governing_verb(a, sentence.start.max(main_start), np_start - 2)
            .filter(|&verb| WORDS.participation.contains(a.lower(verb)))
            .and_then(|verb| clause::subject_before(a, sentence.start, verb))
    } else if let Some(verb) = travel_for {
        // "On Monday, X welcomed Y for talks": the subject after a fronted phrase.
        clause::subject_before(a, sentence.start, verb)
            .or_else(|| clause::subject_before(a, sentence.start.max(main_start), verb))
            .or_else(|| infinitive_subject(a, sentence.clone(), verb))
    } else if is_time_reference(a, np_start) || is_setting(a, np_start) {
        // "on the eve of the G20 summit": another event, named to date this one.
        None
    } else if !is_verb && !own_parties && reported_subject(a, sentence.start, np_start, tokens.end)
    {
        // "The minister said on Sunday negotiations were at a critical stage": talks spoken
        // of, not held by the speaker.
        None
    } else if tokens.start < main_start {
        clause::main_subject(a, sentence.clone())
    } else if let Some(subject) = embedded_fronted_subject(a, sentence.clone(), np_start) {
        Some(subject)
    } else {
        let governing = governing_verb(a, sentence.start.max(main_start), np_start);
        match governing {
            Some(verb)
                if WORDS.participation.contains(a.lower(verb))
                    || !anaphoric_form
                    || is_status_word(a, verb) =>
            {
                clause::subject_before(a, sentence.start, verb)
                    .or_else(|| infinitive_subject(a, sentence.clone(), verb))
            }
            _ => None,
        }
    };
    // "We, the foreign ministers of ..., Samir Haddadin and Claire Aubertin, met": the
    // subject is "we", whose apposition names the parties (below), not its last name.
    let subject = subject.filter(|_| {
        !(is_verb
            && we_apposition(a, sentence.start).is_some_and(|(_, first)| {
                first <= tokens.start && subject_end(a, sentence.start, tokens.start) <= first
            }))
    });
    tracing::trace!(
        "cue {:?} np_start={:?} main_start={} subject={:?}",
        a.word(tokens.start),
        a.word(np_start),
        a.word(main_start),
        subject
    );
    if let Some(subject) = &subject {
        add(subject_actors(subject), &mut named);
    }
    // "welcomed the minister at the State Department for talks": the guest takes part too.
    if let Some(verb) = travel_for.filter(|&verb| WORDS.host_verbs.contains(a.lower(verb))) {
        for k in verb + 1..np_start {
            if let Some(m) = a.mention(k).filter(|m| {
                m.tokens.start == k && !m.is_place && m.how != How::Pronoun && !a.quoted[k]
            }) {
                add(&m.actors.clone(), &mut named);
            }
        }
    }
    // "talks with our P5+1 counterparts" in a speaker's voice: the speaker's party takes
    // part ("my counterpart": the speaker).
    if let Some(j) = (tokens.end..(tokens.end + 3).min(sentence.end)).find(|&j| {
        a.lower(j) == "with" && j + 1 < sentence.end && matches!(a.lower(j + 1), "our" | "my")
    }) && !named.is_empty()
        && let Some(speaker) = voice_at(a, tokens.start)
    {
        let party = if a.lower(j + 1) == "my" {
            Some(speaker)
        } else {
            a.party_of(speaker).filter(|&p| p != speaker)
        };
        add(party.as_slice(), &mut named);
    }
    // "When it comes to the talks with the Russians" in a minister's own turn: talks with one
    // other party, spoken of by a speaker of a known state, are that state's talks.
    // Only where the sentence names nobody else: "strengthening Ukraine's hand in any
    // negotiations with Russia" are not the speaker's.
    let names_only = |named: &[ActorRef]| {
        (sentence.start..sentence.end).all(|k| {
            a.mention(k).is_none_or(|m| {
                m.is_place || m.how == How::Pronoun || m.actors.iter().all(|x| named.contains(x))
            })
        })
    };
    if !is_verb
        && !topic
        && a.lower(tokens.end) == "with"
        && named.len() == 1
        && a.actor_kind(named[0]) != ActorKind::Person
        && a.turn_at(tokens.start).is_some()
        && names_only(&named)
        && let Some(speaker) = voice_at(a, tokens.start)
        && let Some(party) = a.party_of(speaker).filter(|&p| p != speaker)
        && !named.contains(&party)
    {
        add(&[party], &mut named);
    }
    // The verb whose subject takes part: the meeting verb, or the verb of taking part that
    // governs the meeting noun ("leaders of UNASUR held an emergency summit").
    let part_verb = if is_verb {
        Some(tokens.start)
    } else if topic {
        None
    } else {
        governing_verb(a, sentence.start.max(main_start), np_start)
            .filter(|&verb| WORDS.participation.contains(a.lower(verb)))
            .or_else(|| {
                // "will discuss the crisis at a meeting": the verb of talking, in the clause.
                at_meeting
                    .then(|| {
                        (sentence.start.max(main_start)..np_start)
                            .rev()
                            .take_while(|&k| {
                                !matches!(a.lower(k), "which" | "who" | "that" | ";" | ",")
                            })
                            .find(|&k| TOPIC_VERBS.contains(&a.lower(k)))
                    })
                    .flatten()
            })
    };
    // "Lavrov will discuss the crisis at a meeting in Geneva": the talker takes part.
    if at_meeting
        && subject.is_none()
        && let Some(verb) = part_verb
        && let Some(talker) = clause::subject_before(a, sentence.start, verb)
    {
        add(subject_actors(&talker), &mut named);
    }
    // "leaders of the Union of South American Nations (UNASUR) held a summit": the body whose
    // members are the subject, every one of a list ("envoys of the AU and IGAD, meeting").
    if let Some(verb) = part_verb.filter(|&verb| is_verb || verb + 4 >= np_start || at_meeting) {
        add(&members_subject(a, sentence.start, verb), &mut named);
    }
    // "X and his counterpart Y called on ..., as the two met in Riga": "the two" of a
    // subordinate clause are the persons of the main clause's subject.
    if is_verb && named.is_empty() {
        let k = subject_end(a, sentence.start, tokens.start);
        if k > sentence.start + 1
            && a.lower(k - 1) == "two"
            && a.lower(k - 2) == "the"
            && k - 2 > main_start
            && let Some(main) = clause::main_subject(a, sentence.clone())
        {
            let persons: Vec<ActorRef> = subject_actors(&main)
                .iter()
                .copied()
                .filter(|&x| a.actor_kind(x) == ActorKind::Person)
                .collect();
            if persons.len() == 2 {
                add(&persons, &mut named);
            }
        }
    }
    // "EU foreign ministers would discuss sanctions when they meet in Brussels": "they" are
    // the group the sentence's subject names by its body.
    if is_verb && named.is_empty() {
        let k = subject_end(a, sentence.start, tokens.start);
        if k > sentence.start
            && a.lower(k - 1) == "they"
            && let Some(group) = (sentence.start..k - 1).find(|&g| {
                WORDS.group_nouns.contains(a.lower(g))
                    && g + 1 < k - 1
                    && !members_subject(a, sentence.start, g + 1).is_empty()
            })
        {
            add(&members_subject(a, sentence.start, group + 1), &mut named);
        }
    }
    if subject
        .as_ref()
        .is_none_or(|s| subject_actors(s).is_empty())
    {
        // "the U.S. delegation will meet", and "the delegation" after one: its state.
        if let Some(verb) = part_verb {
            add(&delegation_subject(a, sentence.start, verb), &mut named);
        }
        // "We met with the chair of ASEAN", "During my meeting with ASEAN, I ...": in a
        // transcript turn or a press statement in a person's voice the first person is that
        // speaker, and "we" the party the speaker speaks for.
        // A governing verb counts only with the meeting as its object: "we had a meeting",
        // "I participated in the ministerial", not "I have nothing to say about the trip".
        let object_of = |verb: usize| {
            is_verb
                || (verb + 1..np_start).all(|k| {
                    matches!(
                        a.lower(k),
                        "a" | "an" | "the" | "in" | "at" | "our" | "my" | "this" | "that"
                    )
                })
        };
        // "We, the foreign ministers of Jordan, Egypt and France, met today in Amman": a
        // joint statement's first person plural is the parties its apposition names, here and
        // in the rest of the statement ("We have agreed to meet again in Paris").
        if let Some(verb) = part_verb.filter(|&verb| object_of(verb)) {
            let group = we_apposition(a, sentence.start)
                .filter(|&(_, first)| {
                    first <= verb && subject_end(a, sentence.start, verb) <= first
                })
                .map(|(group, _)| group)
                .or_else(|| {
                    (first_person_before(a, sentence.start, verb) == Some(false)
                        && voice_at(a, tokens.start).is_none()
                        && !a.quoted[tokens.start])
                        .then(|| joint_authors(a))
                        .filter(|group| group.len() >= 2)
                });
            add(&group.unwrap_or_default(), &mut named);
        }
        let first_person = part_verb
            .filter(|&verb| object_of(verb))
            .and_then(|verb| first_person_before(a, sentence.start, verb))
            .or_else(|| {
                let before_np = (np_start > sentence.start).then(|| a.lower(np_start - 1));
                (!is_verb)
                    .then_some(determiner.or(before_np))
                    .flatten()
                    .filter(|w| matches!(*w, "my" | "our"))
                    .map(|w| w == "my")
            });
        // Only with a party named besides: "As we meet, ..." in a speech is the occasion of
        // the speech, not a meeting.
        if let Some(singular) = first_person
            && !named.is_empty()
            && let Some(speaker) = voice_at(a, tokens.start)
        {
            // "we" of a spokesperson is the government, not the spokesperson.
            let party = if singular {
                Some(speaker)
            } else {
                a.party_of(speaker).filter(|&p| p != speaker)
            };
            add(party.as_slice(), &mut named);
        }
    }
    // "Seo and his Japanese counterpart Morimoto spoke by phone": every party of a coordinated
    // subject of a meeting verb.
    if is_verb && subject.as_ref().is_none_or(|s| subject_actors(s).len() < 2) {
        add(
            &coordinated_subject(a, sentence.start.max(main_start), tokens.start),
            &mut named,
        );
    }
    // "Sherman, Mori and Choi will hold a joint meeting": the coordinated subject of the verb
    // of taking part.
    if !is_verb
        && !topic
        && subject
            .as_ref()
            .is_some_and(|s| subject_actors(s).len() < 2)
        && let Some(verb) = governing_verb(a, sentence.start.max(main_start), np_start)
        && WORDS.participation.contains(a.lower(verb))
    {
        add(
            &coordinated_subject(a, sentence.start.max(main_start), verb),
            &mut named,
        );
    }
    // "Sherman’s meeting", "the Deputy’s meetings".
    if np_start > 1
        && a.tokens[np_start - 1].kind == TokenKind::Possessive
        && let Some(m) = a.mention(np_start - 2)
    {
        add(&m.actors.clone(), &mut named);
    }
    // "the top US official at the talks, Deputy Secretary of State Wendy Sherman,".
    if a.word(tokens.end) == ","
        && let Some(m) = (tokens.end + 1..(tokens.end + 8).min(sentence.end)).find_map(|j| {
            a.mention(j).filter(|m| {
                m.how == How::Name
                    && m.actors
                        .iter()
                        .all(|&x| a.actor_kind(x) == ActorKind::Person)
            })
        })
    {
        add(&m.actors.clone(), &mut named);
    }
    // "X, Y and Z, who represented their countries at the meeting".
    if let Some(who) = (sentence.start..tokens.start)
        .rev()
        .find(|&j| a.lower(j) == "who")
    {
        let persons = persons_before_relative(a, sentence.start, who);
        add(&persons, &mut named);
    }
    // "thanked him for support for Afghanistan peace negotiations": a meeting talked about
    // that names one state is a process, not an event the text reports.
    if topic
        && named.len() < 2
        && named
            .iter()
            .all(|&x| a.actor_kind(x) != ActorKind::Organisation)
    {
        return None;
    }
    let plural = matches!(word, "meetings" | "sessions" | "summits");
    let ordinal = determiner.is_some()
        && (np_start..tokens.start).any(|k| {
            matches!(
                a.lower(k),
                "second" | "third" | "fourth" | "another" | "further"
            )
        });
    let mut status = status_of(a, s, tokens.clone(), np_start, date.as_ref());
    if since {
        status = MeetingStatus::Held;
    }
    let mut date = date;
    // "ended two days of talks in Khartoum on Wednesday": the talks began the days before.
    if let Some(days) = days_ended(a, sentence.start, tokens.start)
        && let Some(d) = date.as_ref()
        && let Some(PartialDate::Day(last)) = d.date
    {
        date = Some(DateMention {
            date: Some(PartialDate::Day(last - chrono::Duration::days(days - 1))),
            end_date: Some(PartialDate::Day(last)),
            ..d.clone()
        });
    }
    // "on the eve of the Group of 20 summit": the summit is the day after this sentence's day.
    if np_start >= 2 && a.lower(np_start - 1) == "of" && a.lower(np_start - 2) == "eve" {
        status = MeetingStatus::Planned;
        date = a.dates[s]
            .iter()
            .find(|d| {
                d.date
                    .is_some_and(|x| x.precision() == crate::text::Precision::Day)
            })
            .and_then(|d| {
                let PartialDate::Day(day) = d.date? else {
                    return None;
                };
                Some(DateMention {
                    date: Some(PartialDate::Day(day + chrono::Duration::days(1))),
                    phrase: format!("on the eve of ({})", d.phrase),
                    ..d.clone()
                })
            });
    }
    if plural && !own_parties && status != MeetingStatus::Proposed {
        return None;
    }
    // A call has no place; the places in its sentence are what was discussed.
    let place = if entry.kind == "call" || has_phone(a, tokens.end, sentence.end) {
        None
    } else {
        place_near(a, sentence.clone(), tokens.clone()).or(venue)
    };
    // A visit to a capital or a country is a meeting with its state; so are talks one came
    // to it for with nobody else named ("arrived in Baghdad on Wednesday for talks", not
    // "arrived in Geneva for talks with Iran").
    // Not a summit or a conference one travels to, nor one's own capital.
    let came_for_talks = travel_for.is_some()
        && after.is_empty()
        && matches!(entry.kind.as_str(), "talks" | "meeting" | "consultations");
    let mut host_state = None;
    if (entry.kind == "visit" || came_for_talks)
        && !named.is_empty()
        && let Some(p) = place
        && let Some(state) = a.lexicon.place_state(p)
    {
        match a.actor_of_entity(state) {
            Some(actor)
                if entry.kind == "visit"
                    || !named.iter().any(|&x| a.party_of(x) == Some(actor)) =>
            {
                add(&[actor], &mut named);
            }
            Some(_) => {}
            None => host_state = Some(state),
        }
    }
    let mode = mode_of(
        a,
        entry.mode.as_deref(),
        tokens.clone(),
        sentence.clone(),
        &entry.kind,
    );
    let label = if is_verb {
        entry.kind.clone()
    } else {
        let start = if determiner.is_some_and(|d| DEFINITE.contains(&d) || matches!(d, "a" | "an"))
        {
            np_start + 1
        } else {
            np_start
        };
        a.text[a.tokens[start.min(tokens.start)].start..a.tokens[tokens.end - 1].end].to_string()
    };
    // The host of "the Berlin conference" Blinken joins is a party too; alone, it is only
    // where the conference meets.
    if !named.is_empty() {
        add(&venue_parties, &mut named);
    }
    // "ahead of the Madrid summit" with no party named is no meeting of "they".
    let venue_only = venue.is_some() && named.is_empty();
    let collective = !topic
        && !venue_only
        && is_collective(a, sentence.clone(), tokens.start, &entry.kind, &named);
    Some(Mention {
        sentence: s,
        kind: entry.kind.clone(),
        mode,
        named,
        date,
        place,
        status,
        anaphoric,
        in_series: ordinal,
        during: np_start > 0 && matches!(a.lower(np_start - 1), "during"),
        by_verb: is_verb,
        words: if is_verb {
            tokens.clone()
        } else {
            np_start..tokens.end
        },
        transcript: false,
        collective,
        collective_persons: persons_named_collectively(a, sentence.clone(), tokens.start)
            .filter(|_| collective),
        definite_with_parties,
        elaborated,
        others: is_verb
            && (tokens.end..(tokens.end + 2).min(sentence.end)).any(|k| a.lower(k) == "other"),
        again: tokens.end < sentence.end && a.lower(tokens.end) == "again",
        own: own_np_parties,
        host_state,
        label,
    })
}

/// The actors a mention at token `k` stands for as a party: a state or organisation, its
/// members for a joint council ("NATO-Russia Council": NATO and Russia), a person.
fn parties_of(a: &Analysis<'_>, k: usize) -> Vec<ActorRef> {
    let Some(m) = a.mention(k) else {
        return Vec::new();
    };
    if m.is_place {
        return Vec::new();
    }
    let mut actors = m.actors.clone();
    for &actor in &m.actors {
        if let Some(Entity::Organisation(o)) = a.actors[actor.0].entity {
            for entity in &a.lexicon.organisations[o].implies {
                if let Some(actor) = a.actor_of_entity(*entity)
                    && !actors.contains(&actor)
                {
                    actors.push(actor);
                }
            }
        }
    }
    actors
}

/// The first token of the noun phrase ending with the meeting noun at `cue`.
/// "28th", "1st", "22nd", "3rd".
fn is_ordinal_figure(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && matches!(&word[digits.len()..], "st" | "nd" | "rd" | "th")
}

fn noun_phrase_start(a: &Analysis<'_>, sentence_start: usize, cue: usize) -> usize {
    let mut k = cue;
    while k > sentence_start {
        let prev = k - 1;
        let word = a.lower(prev);
        let token = &a.tokens[prev];
        if DEFINITE.contains(&word) || matches!(word, "a" | "an") {
            return prev;
        }
        // "the Japan-Philippines \"2+2\" Ministerial Meeting": a short quotation, whole,
        // within the name.
        if matches!(word, "\"" | "”")
            && let Some(open) = (prev.saturating_sub(8).max(sentence_start)..prev)
                .rev()
                .find(|&j| matches!(a.lower(j), "\"" | "“"))
            && open + 1 < prev
            && (open + 1..prev).all(|j| a.quoted[j])
        {
            k = open;
            continue;
        }
        // "the ASEAN Regional Forum (ARF) Ministerial Meeting": a short form in brackets
        // within the name.
        if word == ")"
            && prev >= sentence_start + 2
            && a.word(prev - 2) == "("
            && a.word(prev - 1).chars().all(|c| c.is_uppercase())
            && a.word(cue).starts_with(char::is_uppercase)
        {
            k = prev - 2;
            continue;
        }
        let modifier = a.mention(prev).is_some_and(|m| !m.is_place)
            || MEETING_MODIFIERS.contains(&word)
            || token.kind == TokenKind::Number
            // "the 28th Annual ... Meeting": an ordinal in figures.
            || (is_ordinal_figure(word)
                && prev > sentence_start
                && DEFINITE.contains(&a.lower(prev - 1)))
            || word == "-"
            // "the Japan-Philippines Foreign and Defense Ministerial Meeting": "and" within a
            // name in capitals.
            || (word == "and"
                && prev > sentence_start
                && a.word(prev - 1).starts_with(char::is_uppercase)
                && a.word(prev + 1).starts_with(char::is_uppercase)
                && a.word(cue).starts_with(char::is_uppercase))
            // "expert-level talks", "four-day visit": a modifier of level or length.
            || (token.kind == TokenKind::Word
                && matches!(word, "level" | "day")
                && prev > sentence_start
                && a.word(prev - 1) == "-"
                && a.tokens[prev - 1].end == token.start)
            || (token.kind == TokenKind::Word
                && matches!(a.lower(prev + 2), "level" | "day")
                && a.word(prev + 1) == "-"
                && a.tokens[prev].end == a.tokens[prev + 1].start)
            || (word == "," && MEETING_MODIFIERS.contains(&a.lower(prev.saturating_sub(1))))
            || token.kind == TokenKind::Possessive
            // "Foreign Ministers' Meeting": a plural's possessive apostrophe.
            || (matches!(word, "'" | "’")
                && prev > sentence_start
                && a.lower(prev - 1).ends_with('s'))
            || (token.kind == TokenKind::Word
                && a.word(prev).chars().next().is_some_and(char::is_uppercase)
                && a.mention(prev).is_none()
                && !a
                    .phrase(prev)
                    .is_some_and(|p| matches!(p.target, PhraseTarget::Title(_)))
                && !matches!(word, "in" | "on" | "at" | "during" | "after"))
            || a.dates[a.sentence_of(prev)]
                .iter()
                .any(|d| d.first_token <= prev && prev < d.end_token && !d.year_only);
        if !modifier {
            break;
        }
        k = prev;
    }
    k
}

/// Parties named after a meeting word: "with X", "between X and Y", "among X", "of X",
/// "at X" for an organisation; for a verb, its object ("met Myanmar’s military ruler").
fn parties_after(a: &Analysis<'_>, from: usize, end: usize, is_verb: bool) -> Vec<ActorRef> {
    let mut parties = Vec::new();
    let limit = (from + 30).min(end);
    let skippable = |k: usize| {
        matches!(
            a.lower(k),
            "by" | "phone"
                | "telephone"
                | "today"
                | "yesterday"
                | "virtually"
                | "bilaterally"
                | "separately"
                | "also"
                | "again"
                | "later"
                | "privately"
                | "briefly"
        ) || a.dates[a.sentence_of(k)]
            .iter()
            .any(|d| d.first_token <= k && k < d.end_token)
    };
    // Introducers open a list of parties; other prepositions close it.
    let mut listing: Option<&'static str> = None;
    let mut after_title = false;
    let mut k = from;
    if is_verb {
        while k < limit && skippable(k) {
            k += 1;
        }
        if !matches!(
            a.lower(k),
            "in" | "on" | "to" | "for" | "from" | "at" | "with"
        ) {
            listing = Some("object");
        }
    }
    while k < limit {
        let word = a.lower(k);
        // "talks that opened on Oct. 25 under the auspices of the AU": the relative clause
        // still describes the talks.
        if matches!(word, "that" | "which")
            && matches!(
                a.lower(k + 1),
                "opened" | "began" | "started" | "ended" | "took" | "was" | "were"
            )
        {
            listing = None;
            k += 1;
            continue;
        }
        if a.quoted[k]
            || matches!(
                word,
                "." | ";" | ":" | "which" | "that" | "where" | "who" | "but"
            )
        {
            break;
        }
        // "spoke with X, and separately with Y": Y at another meeting.
        if k > from && matches!(word, "and" | ",") && a.lower(k + 1) == "separately"
            || word == "separately" && k > from && matches!(a.lower(k - 1), "and" | ",")
        {
            break;
        }
        // "hosted by X", "assisted by X", "under the auspices of X": X takes part.
        if word == "by" && k > 0 && is_agent_participle(a, k - 1) {
            listing = Some("by");
            k += 1;
            continue;
        }
        if word == "auspices" && a.lower(k + 1) == "of" {
            listing = Some("of");
            k += 2;
            continue;
        }
        // Another meeting word starts its own phrase ("hosted by" describes this one).
        if k > from && is_meeting_cue(a, k).is_some() && !is_agent_participle(a, k) {
            break;
        }
        // "paid a courtesy call on the foreign minister": whom the call is paid on.
        if k == from && word == "on" && k >= 2 && a.lower(k - 2) == "courtesy" {
            listing = Some("on");
            k += 1;
            continue;
        }
        // "meeting of X" only right after the meeting word.
        if let Some(intro) = ["with", "between", "among", "of", "at"]
            .iter()
            .find(|w| **w == word)
            && (word != "of" || k == from)
        {
            listing = Some(intro);
            k += 1;
            continue;
        }
        // A comma continues a list of parties ("with X, Y and Z"), an apposition ("ruler,
        // Senior General Min Aung Hlaing,") or a participle with its agent (", assisted by X"),
        // and ends anything else.
        if word == "," && is_agent_participle(a, k + 1) {
            k += 1;
            continue;
        }
        if word == "," {
            let next_is_party = a
                .mention(k + 1)
                .is_some_and(|m| !m.actors.is_empty() && !m.is_place)
                || a.phrase(k + 1).is_some_and(|p| {
                    p.tokens.start == k + 1 && matches!(p.target, PhraseTarget::Title(_))
                })
                || matches!(a.lower(k + 1), "and" | "the" | "including")
                // ", Unification Minister Kwon", ", First Vice Foreign Minister Cho": a title
                // after words of its office.
                || (k + 1..(k + 5).min(limit))
                    .take_while(|&j| {
                        a.tokens[j].kind == TokenKind::Word
                            && a.word(j).starts_with(char::is_uppercase)
                    })
                    .any(|j| {
                        a.phrase(j).is_some_and(|p| {
                            p.tokens.start == j && matches!(p.target, PhraseTarget::Title(_))
                        })
                    });
            let continues = listing.is_some() && next_is_party;
            if !continues {
                break;
            }
            k += 1;
            continue;
        }
        // "ROK leaders, including Foreign Minister Park Jin": the list goes on.
        if word == "including" && listing.is_some() {
            k += 1;
            continue;
        }
        // An office is part of the party it describes: "Minister of State for Middle East,
        // North Africa and North America James Cleverly".
        // "Poland's prime minister": the office's holder, resolved by the analysis.
        if let Some(m) = possessive_holder(a, k) {
            if listing.is_some() {
                for &actor in &m.actors {
                    if !parties.contains(&actor) {
                        parties.push(actor);
                    }
                }
            }
            k = m.tokens.end;
            continue;
        }
        if let Some(phrase) = a.phrase(k)
            && phrase.tokens.start == k
            && matches!(phrase.target, PhraseTarget::Title(_))
        {
            k = phrase.tokens.end;
            after_title = true;
            // "Special Representative on Korean Peninsula Affairs Liu Xiaoming": the words
            // of the office up to the person who holds it.
            if matches!(a.lower(k), "for" | "on" | "of")
                && let Some(holder) = (k + 1..(k + 10).min(limit))
                    .take_while(|&j| {
                        a.mention(j).is_some_and(|m| {
                            m.actors
                                .iter()
                                .all(|&x| a.actor_kind(x) == ActorKind::Person)
                        }) || matches!(a.lower(j), "and" | "the" | "," | "-")
                            || a.word(j).starts_with(char::is_uppercase)
                    })
                    .find(|&j| {
                        a.mention(j).is_some_and(|m| {
                            m.how == How::Name
                                && m.actors
                                    .iter()
                                    .all(|&x| a.actor_kind(x) == ActorKind::Person)
                        })
                    })
            {
                k = holder;
                after_title = false;
            }
            continue;
        }
        let group_before = k > 0
            && matches!(
                a.lower(k - 1),
                "officials"
                    | "representatives"
                    | "members"
                    | "ministers"
                    | "leaders"
                    | "delegation"
                    | "delegations"
                    | "envoys"
                    | "diplomats"
                    | "counterparts"
            );
        if matches!(
            word,
            "in" | "on"
                | "for"
                | "about"
                | "over"
                | "against"
                | "amid"
                | "regarding"
                | "concerning"
                | "after"
                | "before"
                | "during"
                | "from"
                | "to"
                | "since"
                | "by"
        ) && !(group_before && matches!(word, "from" | "of"))
            && !(after_title && matches!(word, "for" | "of" | "to"))
        {
            listing = None;
            k += 1;
            continue;
        }
        if a.mention(k).is_none() && a.tokens[k].kind == TokenKind::Word {
            after_title = after_title && a.word(k).chars().next().is_some_and(char::is_uppercase);
        }
        if let Some(m) = a.mention(k) {
            // "NATO Secretary General Jens Stoltenberg": NATO describes the person.
            // "NATO Secretary General Jens Stoltenberg": NATO describes the person; "NATO
            // foreign ministers" are NATO.
            let describes = a.phrase(m.tokens.end).is_some_and(|p| {
                p.tokens.start == m.tokens.end
                    && matches!(p.target, PhraseTarget::Title(_))
                    && a.mention(p.tokens.end).is_some_and(|n| {
                        n.actors
                            .iter()
                            .any(|&x| a.actor_kind(x) == ActorKind::Person)
                    })
            }) && m
                .actors
                .iter()
                .all(|&x| a.actor_kind(x) != ActorKind::Person);
            // "Poland's prime minister": the state describes the holder of its office.
            let describes = describes || possessive_holder(a, m.tokens.end + 1).is_some();
            // "U.S. troops", "Egyptian youth": not a party to a meeting.
            let not_a_party = NON_PARTY_NOUNS.contains(&a.lower(m.tokens.end));
            if let Some(intro) = listing
                && !m.is_place
                && !describes
                && !not_a_party
            {
                let actors = parties_of(a, k);
                let keep = intro != "at"
                    || actors
                        .iter()
                        .all(|&x| a.actor_kind(x) == ActorKind::Organisation);
                if keep {
                    for actor in actors {
                        if !parties.contains(&actor) {
                            parties.push(actor);
                        }
                    }
                }
            }
            k = m.tokens.end;
            continue;
        }
        // A verb ends the phrase: "talks with the US on Monday ended".
        if !is_agent_participle(a, k)
            && clause::is_verb_like(a, k)
            && a.phrase(k)
                .is_none_or(|p| !matches!(p.target, PhraseTarget::Title(_)))
        {
            break;
        }
        k += 1;
    }
    parties
}

/// "to meet", "to hold a second summit", "to attend the June 28 meeting": an infinitive of
/// meeting, which speaks of what is still to come.
fn infinitive_before(a: &Analysis<'_>, sentence_start: usize, cue: usize) -> bool {
    if cue > sentence_start && a.lower(cue - 1) == "to" && a.tokens[cue - 1].space_before {
        return true;
    }
    // Up to seven words before the noun, or before a longer noun phrase.
    let np = noun_phrase_start(a, sentence_start, cue);
    let from = cue.saturating_sub(7).min(np.saturating_sub(3));
    (from.max(sentence_start)..cue).any(|k| {
        a.lower(k) == "to"
            && a.tokens[k].space_before
            && matches!(
                a.lower(k + 1),
                "hold"
                    | "attend"
                    | "meet"
                    | "host"
                    | "convene"
                    | "visit"
                    | "join"
                    | "open"
                    | "co-open"
                    | "lead"
                    | "chair"
                    | "have"
                    | "begin"
                    | "launch"
                    | "start"
                    | "resume"
                    | "establish"
                    | "create"
            )
    })
}

/// "called off", "postponed": whoever does it is a party to the meeting.
fn is_status_word(a: &Analysis<'_>, k: usize) -> bool {
    a.phrase(k).is_some_and(|p| {
        p.targets
            .iter()
            .any(|t| matches!(t, PhraseTarget::Status(_)))
    })
}

/// "the Andrade-Restrepo talks", "a Seo-Morimoto phone call": two or more surnames joined by
/// hyphens before a meeting noun, each the surname of exactly one person of the article.
fn surname_pair(a: &Analysis<'_>, from: usize, cue: usize) -> Vec<ActorRef> {
    let person = |word: &str| {
        if !word.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        let lower = word.to_lowercase();
        let mut found = a.actors.iter().enumerate().filter(|(_, x)| {
            x.actor.kind == ActorKind::Person && x.name_words.last() == Some(&lower)
        });
        let first = found.next().map(|(i, _)| ActorRef(i));
        if found.next().is_some() { None } else { first }
    };
    for k in from..cue {
        if a.mention(k).is_some() {
            continue;
        }
        let parts: Vec<&str> = if a.word(k).contains('-') {
            a.word(k).split('-').collect()
        } else if k + 2 < cue && matches!(a.word(k + 1), "-" | "–") {
            vec![a.word(k), a.word(k + 2)]
        } else {
            continue;
        };
        let persons: Vec<ActorRef> = parts.iter().filter_map(|w| person(w)).collect();
        if parts.len() >= 2 && persons.len() == parts.len() {
            return persons;
        }
    }
    Vec::new()
}

/// Whether the meeting noun phrase from `np_start` to `cue_end` is the subject of a clause
/// reported by a verb of speech: "said on Sunday negotiations were ...", "says that talks
/// have stalled".
fn reported_subject(
    a: &Analysis<'_>,
    sentence_start: usize,
    np_start: usize,
    cue_end: usize,
) -> bool {
    let finite = matches!(
        a.lower(cue_end),
        "were"
            | "was"
            | "are"
            | "is"
            | "had"
            | "have"
            | "has"
            | "would"
            | "will"
            | "could"
            | "remain"
            | "remained"
            | "remains"
    );
    if !finite {
        return false;
    }
    let in_date = |k: usize| {
        a.dates[a.sentence_of(k)]
            .iter()
            .any(|d| (d.first_token..d.end_token).contains(&k))
    };
    let mut k = np_start;
    while k > sentence_start {
        k -= 1;
        if matches!(a.lower(k), "that" | "on") || in_date(k) {
            continue;
        }
        return a
            .phrase(k)
            .is_some_and(|p| matches!(p.target, PhraseTarget::Speech(_)));
    }
    false
}

/// "hosted", "assisted", "chaired" followed by "by": its agent takes part.
fn is_agent_participle(a: &Analysis<'_>, k: usize) -> bool {
    matches!(
        a.lower(k),
        "hosted"
            | "chaired"
            | "assisted"
            | "mediated"
            | "brokered"
            | "attended"
            | "led"
            | "organised"
            | "organized"
            | "joined"
            | "accompanied"
            | "facilitated"
    ) && a.lower(k + 1) == "by"
}

/// The verb a meeting noun phrase is the object of: the nearest verb-like word before it in
/// the clause.
fn governing_verb(a: &Analysis<'_>, clause_start: usize, np_start: usize) -> Option<usize> {
    let mut k = np_start;
    while k > clause_start {
        k -= 1;
        let word = a.lower(k);
        if matches!(word, "which" | "who" | "that" | ";" | "where") {
            return None;
        }
        if WORDS.participation.contains(word) || clause::is_verb_like(a, k) {
            // "called off": the phrase's first word.
            return Some(a.phrase(k).map_or(k, |p| p.tokens.start));
        }
    }
    None
}

/// "suggested that after talks with the US, Russian diplomats must ...": a meeting in a
/// fronted phrase of an embedded clause has that clause's subject as a party.
fn embedded_fronted_subject(
    a: &Analysis<'_>,
    sentence: Range<usize>,
    np_start: usize,
) -> Option<clause::Subject> {
    let opener = (sentence.start..np_start).rev().take(12).find(|&k| {
        matches!(
            a.lower(k),
            "after" | "during" | "following" | "before" | "at"
        ) && k > sentence.start
            && matches!(a.lower(k - 1), "that" | ",")
    })?;
    let comma = (np_start..sentence.end).find(|&k| a.word(k) == ",")?;
    let verb = (comma + 1..sentence.end).find(|&k| {
        clause::is_verb_like(a, k)
            || matches!(
                a.lower(k),
                "must" | "will" | "would" | "should" | "can" | "could" | "may" | "might"
            )
    })?;
    let _ = opener;
    clause::subject_before(a, comma + 1, verb)
}

/// Nouns that, after "both", "two" or "three", name the parties of the meeting the article is
/// about: "both sides", "senior diplomats of the two countries"; and the nouns of persons of
/// the dictionary (`collective_person` in reference_words.csv: "the two ministers").
const COLLECTIVE_GROUPS: &[&str] = &[
    "sides",
    "parties",
    "countries",
    "governments",
    "delegations",
];

fn is_collective_noun(a: &Analysis<'_>, word: &str) -> bool {
    COLLECTIVE_GROUPS.contains(&word) || a.lexicon.collective_persons.contains(word)
}

/// "The two ministers met", not "officials of the two countries met": the collective names
/// persons, right after its number, which it gives.
fn persons_named_collectively(
    a: &Analysis<'_>,
    sentence: Range<usize>,
    cue: usize,
) -> Option<usize> {
    let start = clause::main_clause_start(a, sentence);
    // "the two ministers", "the two vice ministers", "both foreign ministers".
    (start.max(cue.saturating_sub(12))..cue).find_map(|k| {
        let count = match a.lower(k) {
            "both" | "two" => 2,
            "three" => 3,
            _ => return None,
        };
        (a.lexicon.collective_persons.contains(a.lower(k + 1))
            || a.lexicon.collective_persons.contains(a.lower(k + 2)))
        .then_some(count)
    })
}

/// "Senior military commanders from both sides are to meet", "They also agreed to launch":
/// parties named only collectively.
fn is_collective(
    a: &Analysis<'_>,
    sentence: Range<usize>,
    cue: usize,
    kind: &str,
    named: &[ActorRef],
) -> bool {
    // Visits and calls are made by someone, not by "both sides".
    if matches!(kind, "visit" | "call")
        || named.iter().any(|&x| a.actor_kind(x) != ActorKind::Person)
    {
        return false;
    }
    let start = clause::main_clause_start(a, sentence.clone());
    let near: Vec<&str> = (start..cue).rev().take(12).map(|k| a.lower(k)).collect();
    let words: Vec<&str> = (start..cue).take(3).map(|k| a.lower(k)).collect();
    let sides = near.iter().any(|w| is_collective_noun(a, w))
        && near.iter().any(|w| matches!(*w, "both" | "two" | "three"));
    // "A meeting of the two countries' commission", "talks between the two sides".
    let after: Vec<&str> = (cue + 1..(cue + 5).min(sentence.end))
        .map(|k| a.lower(k))
        .collect();
    let sides_after = after
        .first()
        .is_some_and(|w| matches!(*w, "of" | "between"))
        && after.iter().any(|w| is_collective_noun(a, w))
        && after.iter().any(|w| matches!(*w, "both" | "two" | "three"));
    let sides = sides || sides_after;
    let unresolved_they = words.first().is_some_and(|w| *w == "they") && a.mention(start).is_none();
    let leaders = words.len() >= 2 && words[0] == "the" && words[1] == "leaders";
    sides || unresolved_they || leaders
}

/// "on the eve of", "ahead of", "since", "on the margins of" before a meeting's noun phrase:
/// the meeting dates or places another event rather than being reported.
fn is_time_reference(a: &Analysis<'_>, np_start: usize) -> bool {
    let before = |n: usize| {
        np_start
            .checked_sub(n)
            .map(|k| a.lower(k))
            .unwrap_or_default()
    };
    (before(1) == "of" && matches!(before(2), "eve" | "ahead" | "end"))
        || matches!(before(1), "since" | "before" | "until")
}

/// "on the margins of the NATO Foreign Ministerial": the setting of another meeting, on the
/// same day; its subject is that other meeting's.
fn is_setting(a: &Analysis<'_>, np_start: usize) -> bool {
    np_start >= 2
        && a.lower(np_start - 1) == "of"
        && matches!(
            a.lower(np_start - 2),
            "margins" | "sidelines" | "sideline" | "margin"
        )
}

/// The subject of an infinitive ("will travel to Brussels to brief the Council"): the
/// sentence's main subject.
fn infinitive_subject(
    a: &Analysis<'_>,
    sentence: Range<usize>,
    verb: usize,
) -> Option<clause::Subject> {
    let near = (sentence.start..verb).rev().take(3).any(|k| {
        matches!(
            a.lower(k),
            "to" | "and" | "," | "also" | "will" | "would" | "then"
        )
    });
    if !near {
        return None;
    }
    clause::main_subject(a, sentence.clone()).or_else(|| {
        // "to be here to meet with ..." in a transcript turn: the speaker.
        a.turns
            .iter()
            .find(|t| t.body.contains(&verb))
            .and_then(|t| t.speaker)
            .map(|s| clause::Subject::Actors(vec![s]))
    })
}

fn subject_actors(subject: &clause::Subject) -> &[ActorRef] {
    match subject {
        clause::Subject::Actors(actors) => actors,
        clause::Subject::Unnamed => &[],
    }
}

/// The parties of a subject coordinated with "and" right before a meeting verb ("Seo Jae-won
/// and his Japanese counterpart Kenji Morimoto spoke", "Hwang and Ganzorig last met"): its
/// persons, or its states and organisations when it names no person. Nothing when another verb
/// or a clause boundary stands between, or when "and" joins no two parties.
fn coordinated_subject(a: &Analysis<'_>, clause_start: usize, verb: usize) -> Vec<ActorRef> {
    let mut end = subject_end(a, clause_start, verb);
    // "U.S. and Cuban officials met", "Indian and Nepalese prime ministers last met": the
    // nationalities name the parties.
    let group_end = end;
    while end > clause_start
        && (WORDS.group_nouns.contains(a.lower(end - 1))
            || WORDS.group_modifiers.contains(a.lower(end - 1)))
    {
        end -= 1;
    }
    if end < group_end && !WORDS.group_nouns.contains(a.lower(group_end - 1)) {
        end = group_end;
    }
    let party_before = end > clause_start
        && a.mention(end - 1)
            .is_some_and(|m| !m.is_place && !m.actors.is_empty() && m.how != How::Pronoun);
    if !party_before {
        return Vec::new();
    }
    let mut start = end;
    let mut joined = false;
    while start > clause_start && verb - start < 25 {
        let k = start - 1;
        let word = a.lower(k);
        let title = a
            .phrase(k)
            .is_some_and(|p| matches!(p.target, PhraseTarget::Title(_)));
        // "Sherman, Mori, and Choi": a comma between two parties of the list.
        let list_comma = word == ","
            && k > clause_start
            && a.mention(k - 1)
                .is_some_and(|m| !m.actors.is_empty() && !m.is_place)
            && (a.lower(k + 1) == "and"
                || a.mention(k + 1)
                    .is_some_and(|m| !m.actors.is_empty() && !m.is_place)
                || a.phrase(k + 1)
                    .is_some_and(|p| matches!(p.target, PhraseTarget::Title(_))));
        if !list_comma
            && matches!(
                word,
                "," | ";" | ":" | "who" | "which" | "that" | "said" | "says" | "when" | "after"
            )
            || a.quoted[k]
            || (!title && a.mention(k).is_none() && clause::is_verb_like(a, k))
        {
            break;
        }
        joined |= word == "and";
        start = k;
    }
    if !joined {
        return Vec::new();
    }
    let mut persons = Vec::new();
    let mut bodies = Vec::new();
    let mut k = start;
    while k < end {
        let Some(m) = a.mention(k).filter(|m| m.tokens.start == k) else {
            k += 1;
            continue;
        };
        if !m.is_place && m.how != How::Pronoun {
            for &actor in &m.actors {
                let list = if a.actor_kind(actor) == ActorKind::Person {
                    &mut persons
                } else {
                    &mut bodies
                };
                if !list.contains(&actor) {
                    list.push(actor);
                }
            }
        }
        k = m.tokens.end.max(k + 1);
    }
    let parties = if persons.is_empty() { bodies } else { persons };
    if parties.len() < 2 {
        return Vec::new();
    }
    parties
}

/// Closed word classes the meeting rules read, from `data/dictionaries/meeting_words.csv`
/// (compiled in): `guest`, those received as guests ("received the delegation"); `group_noun`,
/// the nouns of a group named by its nationalities ("U.S. and Cuban officials");
/// `group_modifier`, the words that may stand before them ("senior", "foreign").
struct MeetingWords {
    guests: HashSet<String>,
    group_nouns: HashSet<String>,
    group_modifiers: HashSet<String>,
    /// Verbs whose subject takes part in the meeting that is their object ("chaired the
    /// meeting", "participates in the ministerial").
    participation: HashSet<String>,
    /// Objects that make "meet" no meeting: "meet demands", "meet the goals", "meeting our
    /// guideline".
    not_met: HashSet<String>,
    /// Words before a meeting noun that make it no meeting of parties: "court session",
    /// "award ceremony".
    not_meeting: HashSet<String>,
    /// Nouns of a party's team at a meeting: "the government delegation will be led by".
    delegation_nouns: HashSet<String>,
    /// Participles whose agent ("chaired by X") takes part in the meeting they describe.
    agent_participles: HashSet<String>,
    /// Nouns of those who attend as observers ("observers from X").
    observers: HashSet<String>,
    /// Verbs that end a meeting of so many days ("ended two days of talks").
    ending_verbs: HashSet<String>,
    /// Nouns whose "in X" names what was discussed, not where: "the situation in Burundi".
    topic_nouns: HashSet<String>,
    /// Verbs of coming, or of welcoming a guest, "for talks": their subject takes part.
    travel_verbs: HashSet<String>,
    /// Of those, the verbs whose object, the guest, takes part too.
    host_verbs: HashSet<String>,
    /// Phrases right before a meeting that deny the intention to hold it: "had no plans to
    /// meet", "ruled out talks", "refused to meet".
    negated_intention: Vec<Vec<String>>,
    /// Kinds of meeting that also name a process: talks, negotiations, dialogue. With one
    /// state, no date and no place they are the process spoken of ("we support the
    /// intra-Afghan talks", "any negotiations with Russia"), not a meeting.
    process_kinds: HashSet<String>,
    /// Nouns after a meeting word that make it the name of a standing body: "a joint
    /// ministerial committee".
    body_nouns: HashSet<String>,
    /// Verbs of intending or agreeing before "to" and a meeting verb ("agreed to meet").
    intention_verbs: HashSet<String>,
}

static WORDS: LazyLock<MeetingWords> = LazyLock::new(|| {
    let csv = include_str!("../../data/dictionaries/meeting_words.csv");
    MeetingWords {
        guests: super::words::list(csv, "guest"),
        group_nouns: super::words::list(csv, "group_noun"),
        group_modifiers: super::words::list(csv, "group_modifier"),
        participation: super::words::list(csv, "participation"),
        not_met: super::words::list(csv, "not_met"),
        not_meeting: super::words::list(csv, "not_meeting"),
        delegation_nouns: super::words::list(csv, "delegation_noun"),
        agent_participles: super::words::list(csv, "agent_participle"),
        observers: super::words::list(csv, "observer"),
        ending_verbs: super::words::list(csv, "ending_verb"),
        topic_nouns: super::words::list(csv, "topic_noun"),
        travel_verbs: super::words::list(csv, "travel_verb"),
        host_verbs: super::words::list(csv, "host_verb"),
        negated_intention: super::words::list(csv, "negated_intention")
            .into_iter()
            .map(|p| p.split_whitespace().map(str::to_string).collect())
            .collect(),
        process_kinds: super::words::list(csv, "process_kind"),
        body_nouns: super::words::list(csv, "body_noun"),
        intention_verbs: super::words::list(csv, "intention_verb"),
    }
});

/// Words that may stand between a coordinated subject and its meeting verb: "Hwang and
/// Ganzorig last met", "X and Y are due to meet".
const BETWEEN_SUBJECT_AND_MEETING: &[&str] = &[
    "last",
    "first",
    "also",
    "have",
    "has",
    "had",
    "will",
    "would",
    "are",
    "is",
    "were",
    "was",
    "be",
    "due",
    "to",
    "again",
    "later",
    "then",
    "briefly",
    "jointly",
    "previously",
    "recently",
    "already",
    "never",
    "often",
    "both",
    "separately",
    "together",
    "today",
    "yesterday",
];

/// Words between a subject and its verb that the first person may come before: "we’ve
/// met", "I was meeting", "we’re heading off to a meeting".
const FIRST_PERSON_AUXILIARIES: &[&str] = &[
    "’ve", "'ve", "’re", "'re", "’ll", "'ll", "’m", "'m", "’d", "'d", "am", "been", "just",
];

/// The state or organisation of a delegation that is the subject of `verb`: "the U.S.
/// delegation will meet"; for "the delegation", the last delegation the article introduced
/// with its state ("Nuland will lead a U.S. delegation ... In Panama, the delegation will
/// meet").
fn delegation_subject(a: &Analysis<'_>, sentence_start: usize, verb: usize) -> Vec<ActorRef> {
    let mut head = verb;
    while head > sentence_start
        && (BETWEEN_SUBJECT_AND_MEETING.contains(&a.lower(head - 1))
            || FIRST_PERSON_AUXILIARIES.contains(&a.lower(head - 1)))
    {
        head -= 1;
    }
    if head <= sentence_start + 1 || !matches!(a.lower(head - 1), "delegation" | "delegations") {
        return Vec::new();
    }
    let head = head - 1;
    let state_before = |k: usize| {
        a.mention(k - 1)
            .filter(|m| {
                !m.is_place
                    && !m.actors.is_empty()
                    && m.actors
                        .iter()
                        .all(|&x| a.actor_kind(x) != ActorKind::Person)
            })
            .map(|m| m.actors.clone())
    };
    if let Some(actors) = state_before(head) {
        return actors;
    }
    if a.lower(head - 1) != "the" {
        return Vec::new();
    }
    (1..head)
        .rev()
        .filter(|&k| a.lower(k) == "delegation")
        .find_map(state_before)
        .unwrap_or_default()
}

/// Whose voice the words at token `k` are in: the speaker of the transcript turn, or the
/// person a press statement speaks for, outside quotations.
fn voice_at(a: &Analysis<'_>, k: usize) -> Option<ActorRef> {
    if let Some(turn) = a.turn_at(k).filter(|t| t.body.contains(&k)) {
        return turn.speaker.filter(|_| !turn.is_role && !turn.is_question);
    }
    a.byline
        .filter(|&(_, start)| k >= start && !a.quoted[k])
        .map(|(speaker, _)| speaker)
}

/// "Leaf was just in Israel meeting with ...", "is in Jeddah meeting with ...": the subject
/// of "be" before the place the participle's meeting is held in.
fn located_subject(
    a: &Analysis<'_>,
    sentence_start: usize,
    participle: usize,
) -> Option<clause::Subject> {
    if !a.lower(participle).ends_with("ing") {
        return None;
    }
    let place = a.mention(participle.checked_sub(1)?)?;
    if !(place.is_place || place.place.is_some()) {
        return None;
    }
    let mut k = place.tokens.start;
    if k <= sentence_start || !matches!(a.lower(k - 1), "in" | "at") {
        return None;
    }
    k -= 1;
    while k > sentence_start && matches!(a.lower(k - 1), "just" | "now" | "currently" | "also") {
        k -= 1;
    }
    if k <= sentence_start || !matches!(a.lower(k - 1), "is" | "was" | "are" | "were" | "’s" | "'s")
    {
        return None;
    }
    // A pronoun there is resolved by the clause rules to whoever spoke last; leave it.
    if k >= sentence_start + 2 && matches!(a.lower(k - 2), "he" | "she" | "they" | "it") {
        return None;
    }
    clause::subject_before(a, sentence_start, k - 1)
}

/// Whether "I" (`Some(true)`) or "we" (`Some(false)`) is the subject of the verb at `verb`.
fn first_person_before(a: &Analysis<'_>, sentence_start: usize, verb: usize) -> Option<bool> {
    let mut k = verb;
    while k > sentence_start {
        k -= 1;
        let word = a.lower(k);
        match word {
            "i" => return Some(true),
            "we" => return Some(false),
            _ if BETWEEN_SUBJECT_AND_MEETING.contains(&word)
                || FIRST_PERSON_AUXILIARIES.contains(&word) => {}
            // "we have agreed to meet again", "we plan to visit".
            _ if WORDS.intention_verbs.contains(word) && a.lower(k + 1) == "to" => {}
            _ => return None,
        }
    }
    None
}

/// The parties a sentence's opening "We, the <description>," names: "We, the Foreign
/// Ministers of Australia, India and Japan and the Secretary of State of the United States,
/// met in Melbourne". Gives them and the first verb after the apposition; nothing when "we"
/// is quoted.
fn we_apposition(a: &Analysis<'_>, sentence_start: usize) -> Option<(Vec<ActorRef>, usize)> {
    let w = sentence_start;
    if w + 3 >= a.tokens.len()
        || a.lower(w) != "we"
        || a.quoted[w]
        || a.word(w + 1) != ","
        || a.lower(w + 2) != "the"
    {
        return None;
    }
    let sentence_end = a.sentences[a.sentence_of(w)].tokens.end;
    let verb = (w + 3..sentence_end).find(|&k| {
        a.mention(k).is_none()
            && !a.word(k).chars().next().is_some_and(char::is_uppercase)
            && clause::is_verb_like(a, k)
    })?;
    let end = if a.word(verb - 1) == "," {
        verb - 1
    } else {
        verb
    };
    let mut parties: Vec<ActorRef> = Vec::new();
    let mut k = w + 2;
    while k < end {
        if let Some(m) = a.mention(k) {
            if !m.is_place && m.how != How::Pronoun {
                for &actor in &m.actors {
                    if !parties.contains(&actor) {
                        parties.push(actor);
                    }
                }
            }
            k = m.tokens.end.max(k + 1);
        } else {
            k += 1;
        }
    }
    (!parties.is_empty()).then_some((parties, verb))
}

/// The parties of a joint statement: those of the first sentence, outside quotations, that
/// opens "We, the ...," (see [`we_apposition`]).
fn joint_authors(a: &Analysis<'_>) -> Vec<ActorRef> {
    a.sentences
        .iter()
        .find_map(|s| we_apposition(a, s.tokens.start))
        .map(|(parties, _)| parties)
        .unwrap_or_default()
}

/// Where the subject of a verb ends: only auxiliaries and adverbs stand between them ("would
/// not meet", "last met").
fn subject_end(a: &Analysis<'_>, clause_start: usize, verb: usize) -> usize {
    let mut end = verb;
    while end > clause_start
        && (BETWEEN_SUBJECT_AND_MEETING.contains(&a.lower(end - 1))
            // "X and Y agreed to hold a meeting".
            || WORDS.intention_verbs.contains(a.lower(end - 1)) && a.lower(end) == "to")
    {
        end -= 1;
    }
    end
}

/// The body a subject names by its members ("leaders of the Union of South American Nations
/// (UNASUR)", "envoys of the African Union and the regional bloc IGAD", "EU interior
/// ministers"): the states and organisations after "<group noun> of", right before the verb,
/// or before its group noun.
fn members_subject(a: &Analysis<'_>, sentence_start: usize, verb: usize) -> Vec<ActorRef> {
    let mut k = subject_end(a, sentence_start, verb);
    // "Envoys of ..., meeting in": the subject before a participle's comma.
    if k > sentence_start && a.word(k - 1) == "," && a.lower(verb) == "meeting" {
        k -= 1;
    }
    let is_body = |m: &&crate::text::analysis::Mention| {
        !m.is_place
            && !m.actors.is_empty()
            && m.actors
                .iter()
                .all(|&x| a.actor_kind(x) != ActorKind::Person)
    };
    // "EU interior ministers will discuss ...": a body's group right before the verb.
    if k > sentence_start && WORDS.group_nouns.contains(a.lower(k - 1)) {
        let mut h = k - 1;
        while h > sentence_start && WORDS.group_modifiers.contains(a.lower(h - 1)) {
            h -= 1;
        }
        if h > sentence_start
            && let Some(m) = a.mention(h - 1).filter(is_body)
            && (m.tokens.start == sentence_start
                || !matches!(a.lower(m.tokens.start - 1), "and" | "of" | ","))
        {
            return m.actors.clone();
        }
    }
    // An abbreviation in parentheses after the name: "(UNASUR)".
    if k > sentence_start + 2 && a.word(k - 1) == ")" {
        let Some(open) = (sentence_start..k - 1)
            .rev()
            .take(4)
            .find(|&j| a.word(j) == "(")
        else {
            return Vec::new();
        };
        k = open;
    }
    if k == sentence_start {
        return Vec::new();
    }
    // The bodies coordinated after "of": "of the African Union and the regional bloc IGAD".
    let mut bodies: Vec<ActorRef> = Vec::new();
    let mut j = k;
    while j > sentence_start {
        let Some(m) = a.mention(j - 1).filter(is_body) else {
            return Vec::new();
        };
        for &actor in &m.actors {
            if !bodies.contains(&actor) {
                bodies.push(actor);
            }
        }
        // "the regional bloc IGAD": up to two lower-case words describe the name.
        let mut d = m.tokens.start;
        while d > sentence_start
            && d + 2 > m.tokens.start
            && a.word(d - 1).chars().next().is_some_and(char::is_lowercase)
            && !matches!(a.lower(d - 1), "and" | "of" | "the")
        {
            d -= 1;
        }
        if d > sentence_start && a.lower(d - 1) == "the" {
            d -= 1;
        }
        j = d;
        if j > sentence_start && a.lower(j - 1) == "and" {
            j -= 1;
            continue;
        }
        break;
    }
    let members = j >= sentence_start + 2
        && a.lower(j - 1) == "of"
        && (WORDS.group_nouns.contains(a.lower(j - 2)) || a.lower(j - 2) == "members");
    if members { bodies } else { Vec::new() }
}

/// The persons listed before a relative "who".
fn persons_before_relative(a: &Analysis<'_>, start: usize, who: usize) -> Vec<ActorRef> {
    let mut persons = Vec::new();
    let mut k = who;
    while k > start {
        k -= 1;
        if clause::is_verb_like(a, k)
            && a.phrase(k)
                .is_none_or(|p| !matches!(p.target, PhraseTarget::Title(_)))
        {
            break;
        }
        if let Some(m) = a.mention(k)
            && m.tokens.start == k
        {
            for &actor in &m.actors {
                if a.actor_kind(actor) == ActorKind::Person && !persons.contains(&actor) {
                    persons.push(actor);
                }
            }
        }
    }
    persons.reverse();
    persons
}

fn has_phone(a: &Analysis<'_>, from: usize, end: usize) -> bool {
    (from..(from + 4).min(end)).any(|k| matches!(a.lower(k), "phone" | "telephone"))
}

/// Cancelled, postponed or proposed when a status word governs the meeting; otherwise
/// planned when the date is after publication or the clause speaks of the future; else held.
fn status_of(
    a: &Analysis<'_>,
    s: usize,
    cue: Range<usize>,
    np_start: usize,
    date: Option<&DateMention>,
) -> MeetingStatus {
    let sentence = a.sentences[s].tokens.clone();
    // The status word governs the meeting: right before its noun phrase ("proposed a number
    // of additional meetings", "called off his planned summit", "postponed a visit"), or after
    // it in the passive ("the talks were postponed").
    let status_at = |k: usize| {
        a.phrase(k).and_then(|phrase| {
            phrase.targets.iter().find_map(|t| match t {
                PhraseTarget::Status(status) => Some((*status, phrase.tokens.clone())),
                _ => None,
            })
        })
    };
    let mut k = np_start;
    let mut steps = 0;
    while k > sentence.start && steps < 6 {
        k -= 1;
        steps += 1;
        if let Some((status, tokens)) = status_at(k) {
            let between_ok = (tokens.end..np_start).all(|j| {
                matches!(
                    a.lower(j),
                    "a" | "an"
                        | "the"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "number"
                        | "of"
                        | "further"
                        | "additional"
                ) || a.tokens[j].kind == TokenKind::Number
            });
            if between_ok {
                return status;
            }
            break;
        }
    }
    for k in cue.end..(cue.end + 4).min(sentence.end) {
        if let Some((status, _)) = status_at(k)
            && (cue.end..k)
                .any(|j| matches!(a.lower(j), "was" | "were" | "been" | "be" | "is" | "are"))
        {
            return status;
        }
    }
    // "A meeting in Brussels ... that had been set for Wednesday has been postponed": the
    // meeting is the subject of the passive status verb, past its relative clause and
    // modifiers; another meeting word, a verb of speech or a new clause in between ends it.
    // After a dateline ("MUSCAT, Feb 22 (Wire) - Talks between ...") the sentence's words
    // begin past it.
    // "a committee, whose meeting planned for February had been postponed": the subject of
    // a relative clause.
    let subject_of_clause = np_start <= a.sentence_start(sentence.clone())
        || matches!(
            a.lower(np_start - 1),
            "," | "but" | "and" | ":" | "whose" | "that"
        )
        || a.quoted[np_start - 1];
    if subject_of_clause {
        for k in cue.end..(cue.end + 40).min(sentence.end) {
            if is_meeting_cue(a, k).is_some()
                || matches!(a.lower(k), ";" | "said" | "says" | "told" | "but")
                || a.phrase(k)
                    .is_some_and(|p| matches!(p.target, PhraseTarget::Speech(_)))
            {
                break;
            }
            if let Some((status, _)) = status_at(k)
                && matches!(
                    a.lower(k - 1),
                    "been" | "was" | "were" | "is" | "are" | "be"
                )
            {
                return status;
            }
        }
    }
    if let (Some(date), Some(published)) = (date.and_then(|d| d.date), a.published)
        && date.first_day().is_some_and(|d| d > published)
        && date.precision() == crate::text::Precision::Day
    {
        return MeetingStatus::Planned;
    }
    if let (Some(date), Some(published)) = (date.and_then(|d| d.date), a.published) {
        let later = match date {
            PartialDate::Month { year, month } => {
                (year, month)
                    > (
                        chrono::Datelike::year(&published),
                        chrono::Datelike::month(&published),
                    )
            }
            PartialDate::Year(year) => year > chrono::Datelike::year(&published),
            PartialDate::Day(day) => day > published,
        };
        if later {
            return MeetingStatus::Planned;
        }
    }
    match temporal::tense_at(a.text, &a.tokens, sentence.start, cue.end) {
        Tense::Future => MeetingStatus::Planned,
        Tense::Past => {
            // "to attend the meeting" after a present-tense travel verb, "to meet", "will meet".
            let in_turn = a.in_turn_body(cue.start);
            let before = (sentence.start..cue.start)
                .rev()
                .take(3)
                .any(|k| matches!(a.lower(k), "will" | "would" | "shall" | "’ll" | "'ll"))
                || (!in_turn && infinitive_before(a, sentence.start, cue.start));
            if before
                && !(sentence.start..cue.start).any(|k| {
                    matches!(
                        a.lower(k),
                        "led" | "went" | "travelled" | "traveled" | "came"
                    )
                })
            {
                MeetingStatus::Planned
            } else {
                MeetingStatus::Held
            }
        }
    }
}

fn mode_of(
    a: &Analysis<'_>,
    cue_mode: Option<&str>,
    cue: Range<usize>,
    sentence: Range<usize>,
    kind: &str,
) -> MeetingMode {
    let window = cue.start.saturating_sub(4).max(sentence.start)..(cue.end + 4).min(sentence.end);
    let words: Vec<&str> = window.map(|k| a.lower(k)).collect();
    if cue_mode == Some("video")
        || words
            .iter()
            .any(|w| matches!(*w, "virtually" | "virtual" | "video" | "videoconference"))
    {
        MeetingMode::Video
    } else if cue_mode == Some("phone") || words.iter().any(|w| matches!(*w, "phone" | "telephone"))
    {
        MeetingMode::Phone
    } else if kind == "visit" || kind == "meal" {
        MeetingMode::InPerson
    } else {
        MeetingMode::Unknown
    }
}

/// The place of a meeting: a place right after the cue ("talks in Geneva", "at NATO
/// headquarters in Brussels"), else one before it in the same clause.
fn place_near(a: &Analysis<'_>, sentence: Range<usize>, cue: Range<usize>) -> Option<usize> {
    // "briefed the minister on the situation in Burundi": what was discussed, not where.
    let is_topic_place =
        |k: usize| k >= 2 && a.lower(k - 1) == "in" && WORDS.topic_nouns.contains(a.lower(k - 2));
    let place_at = |k: usize| -> Option<usize> {
        let m = a.mention(k)?;
        if m.tokens.start != k {
            return None;
        }
        let locative = k > 0
            && matches!(
                a.lower(k - 1),
                "in" | "at" | "to" | "near" | "inside" | "outside"
            )
            // "in Argyle, St. Vincent and the Grenadines": the state placed by the analysis.
            || (a.after_unknown_town(k) && m.place.is_some() && !m.actors.is_empty());
        if is_topic_place(k) {
            None
        } else if m.is_place || (m.place.is_some() && locative) {
            m.place
        } else if k > 0 && a.lower(k - 1) == "at" || k > 1 && a.lower(k - 2) == "at" {
            seat_of(a, m)
        } else {
            None
        }
    };
    let is_state = |k: usize| {
        a.mention(k).is_some_and(|m| {
            m.actors
                .iter()
                .any(|&x| a.actor_kind(x) == ActorKind::State)
                || m.place.is_some()
        })
    };
    let _ = is_state;
    let clause_break = |k: usize| {
        matches!(a.word(k), ";" | "—")
            || matches!(
                a.lower(k),
                "which" | "who" | "including" | "while" | "but" | "although" | "since" | "where"
            )
    };
    let mut after = None;
    for k in cue.end..(cue.end + 20).min(sentence.end) {
        // Another meeting's words carry that meeting's place.
        if clause_break(k) || is_meeting_cue(a, k).is_some() {
            break;
        }
        if is_topic_place(k) {
            break;
        }
        if let Some(p) = place_at(k) {
            after = Some(p);
            break;
        }
    }
    let before = || {
        let mut k = cue.start;
        while k > sentence.start {
            k -= 1;
            // "at NATO headquarters, where the foreign ministers were meeting".
            if a.lower(k) == "where" && k >= 2 && a.word(k - 1) == "," {
                return place_at(a.mention(k - 2).map_or(k - 2, |m| m.tokens.start));
            }
            if clause_break(k) || is_meeting_cue(a, k).is_some() {
                return None;
            }
            if let Some(p) = place_at(k) {
                return Some(p);
            }
        }
        None
    };
    after.or_else(before).map(|p| city_of(a, p))
}

/// "welcomed the minister at the State Department": a body of one state's government
/// (`implies` that state in organisations.csv) sits in its capital.
fn seat_of(a: &Analysis<'_>, m: &crate::text::analysis::Mention) -> Option<usize> {
    let [actor] = m.actors.as_slice() else {
        return None;
    };
    let Some(Entity::Organisation(o)) = a.actors[actor.0].entity else {
        return None;
    };
    let org = &a.lexicon.organisations[o];
    if org.kind != ActorKind::Organisation {
        return None;
    }
    let [Entity::State(s)] = org.implies.as_slice() else {
        return None;
    };
    let state = &a.lexicon.states[*s];
    let capital = state.capital.as_deref()?;
    a.lexicon.places.iter().position(|p| {
        p.name == capital
            && p.kind == PlaceKind::City
            && p.country.as_deref() == Some(state.iso3.as_str())
    })
}

/// A venue stands for its city when the dictionary knows it ("NATO headquarters": Brussels).
fn city_of(a: &Analysis<'_>, place: usize) -> usize {
    let entry = &a.lexicon.places[place];
    match (&entry.kind, &entry.city) {
        (PlaceKind::Venue, Some(city)) => a
            .lexicon
            .places
            .iter()
            .position(|p| &p.name == city)
            .unwrap_or(place),
        _ => place,
    }
}

/// How many of the latest meetings a mention is compared with. An article discusses a handful
/// of meetings; the bound keeps text that names thousands in linear time.
const RECENT_MEETINGS: usize = 64;

/// A meeting being assembled from its mentions, with what comparisons need kept up to date as
/// mentions join, so that a comparison does not read every earlier mention.
struct Group {
    members: Vec<usize>,
    /// Parties named by any member, in order of first mention.
    parties: Vec<ActorRef>,
    /// The last day-precise date a member gives, else the last date.
    date: Option<PartialDate>,
    /// The first place a member gives.
    place: Option<usize>,
    sentences: std::collections::BTreeSet<usize>,
}

impl Group {
    fn new() -> Group {
        Group {
            members: Vec::new(),
            parties: Vec::new(),
            date: None,
            place: None,
            sentences: std::collections::BTreeSet::new(),
        }
    }

    fn add(&mut self, index: usize, mention: &Mention) {
        self.members.push(index);
        for &actor in &mention.named {
            if !self.parties.contains(&actor) {
                self.parties.push(actor);
            }
        }
        if let Some(date) = mention.date.as_ref().and_then(|d| d.date) {
            let day = |d: PartialDate| d.precision() == crate::text::Precision::Day;
            if day(date) || !self.date.is_some_and(day) {
                self.date = Some(date);
            }
        }
        if self.place.is_none() {
            self.place = mention.place;
        }
        self.sentences.insert(mention.sentence);
    }

    /// Whether a member lies within `distance` sentences of `sentence`.
    fn near(&self, sentence: usize, distance: usize) -> bool {
        self.sentences
            .range(sentence.saturating_sub(distance)..=sentence + distance)
            .next()
            .is_some()
    }
}

/// Groups mentions of the same meeting: a mention that refers back ("the talks") joins the
/// latest compatible meeting; others join one with the same parties, date and place.
fn merge(a: &Analysis<'_>, mentions: &[Mention]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Group> = Vec::new();
    for (i, mention) in mentions.iter().enumerate() {
        let recent = groups.len().saturating_sub(RECENT_MEETINGS);
        let target = if mention.anaphoric {
            // "the talks" is the meeting the article is most about: the most mentioned
            // compatible one, the latest of those on a tie.
            groups
                .iter()
                .enumerate()
                .skip(recent)
                .filter(|(_, g)| compatible(a, mentions, g, mention, true))
                .max_by_key(|(i, g)| (g.members.len(), g.parties.len(), *i))
                .map(|(i, _)| i)
        } else {
            groups[recent..]
                .iter()
                .rposition(|g| compatible(a, mentions, g, mention, false))
                .map(|i| i + recent)
        };
        match target {
            Some(t) => groups[t].add(i, mention),
            None => {
                let mut group = Group::new();
                group.add(i, mention);
                groups.push(group);
            }
        }
    }
    groups.into_iter().map(|g| g.members).collect()
}

fn group_parties(mentions: &[Mention], group: &[usize]) -> Vec<ActorRef> {
    let mut parties = Vec::new();
    for &i in group {
        for &actor in &mentions[i].named {
            if !parties.contains(&actor) {
                parties.push(actor);
            }
        }
    }
    parties
}

fn compatible(
    a: &Analysis<'_>,
    mentions: &[Mention],
    group: &Group,
    mention: &Mention,
    anaphoric: bool,
) -> bool {
    let first = &mentions[group.members[0]];
    let dates_agree = match (group.date, mention.date.as_ref().and_then(|d| d.date)) {
        (Some(x), Some(y)) => {
            x == y
                || x.to_string().starts_with(&y.to_string())
                || y.to_string().starts_with(&x.to_string())
        }
        _ => true,
    };
    if !dates_agree {
        return false;
    }
    // "agreed to meet again in Brazil, but that meeting has been pushed back": the meeting
    // referred back to is the one planned, now postponed or called off.
    let status_agrees = first.status == mention.status
        || (anaphoric && matches!(mention.status, MeetingStatus::Held | MeetingStatus::Planned))
        || (anaphoric
            && first.status == MeetingStatus::Planned
            && group.near(mention.sentence, 1)
            && matches!(
                mention.status,
                MeetingStatus::Postponed | MeetingStatus::Cancelled
            ))
        || matches!(
            (first.status, mention.status),
            (MeetingStatus::Held, MeetingStatus::Planned)
                | (MeetingStatus::Planned, MeetingStatus::Held)
        ) && mention.sentence == first.sentence
            && !mention.again;
    if !status_agrees {
        return false;
    }
    let places_agree = match (group.place, mention.place) {
        (Some(x), Some(y)) => x == y || same_country(a, x, y),
        _ => true,
    };
    if !places_agree {
        return false;
    }
    if anaphoric {
        // "The talks, chaired by X": the meeting of that status with a party in common.
        // A person of a state in the meeting counts as in common ("chaired by Sudan's
        // minister").
        return !mention.elaborated
            || (first.status == mention.status
                && mention.named.iter().any(|x| {
                    group.parties.contains(x)
                        || a.party_of(*x).is_some_and(|p| group.parties.contains(&p))
                }));
    }
    let parties = &group.parties;
    if mention.definite_with_parties && mention.own.iter().any(|x| parties.contains(x)) {
        return true;
    }
    // A speaker's "to be here to meet with the Alliance" is the transcript's meeting.
    let in_turn = a.in_turn_body(a.sentences[mention.sentence].tokens.start);
    if first.transcript && in_turn && mention.named.iter().any(|x| parties.contains(x)) {
        return true;
    }
    // The same two or more persons on a day both allow ("briefed Foreign Minister Mahuta",
    // "spoke by phone today with New Zealand Foreign Minister Nanaia Mahuta"): one meeting,
    // whatever states each mention names besides.
    let persons = |actors: &[ActorRef]| {
        let mut persons: Vec<ActorRef> = actors
            .iter()
            .copied()
            .filter(|&x| a.actor_kind(x) == ActorKind::Person)
            .collect();
        persons.sort();
        persons
    };
    let own_persons = persons(&mention.named);
    let day_allowed = group
        .date
        .is_none_or(|d| d.precision() == crate::text::Precision::Day)
        && mention
            .date
            .as_ref()
            .and_then(|d| d.date)
            .is_none_or(|d| d.precision() == crate::text::Precision::Day);
    if own_persons.len() >= 2 && day_allowed && own_persons == persons(parties) {
        return true;
    }
    // A trip's announcement that says twice whom the traveller will meet ("he will meet
    // President X", "will also meet President X and Foreign Minister Y"): one planned meeting
    // when the persons of one mention are among those of the other. Not a named session
    // ("will co-chair the ministerial with Foreign Minister Y"), another event of the trip.
    let group_persons = persons(parties);
    let shared = own_persons
        .iter()
        .filter(|x| group_persons.contains(x))
        .count();
    if first.status == MeetingStatus::Planned
        && mention.status == MeetingStatus::Planned
        && [first, mention]
            .iter()
            .all(|m| m.kind == "meeting" && !m.label.contains(char::is_uppercase))
        && shared >= 2
        && (shared == own_persons.len() || shared == group_persons.len())
    {
        return true;
    }
    // The transcript's meeting, reported in the words around it on its day.
    if first.transcript
        && !in_turn
        && day_allowed
        && group.date.is_some()
        && mention.date.as_ref().and_then(|d| d.date) == group.date
        && persons(parties).iter().all(|x| own_persons.contains(x))
    {
        return true;
    }
    // "met with Director Yang, met with other senior PRC officials in Anchorage": the others
    // were met on the same occasion, by the same subject.
    if mention.others
        && group.sentences.contains(&mention.sentence)
        && first.status == mention.status
        && own_persons.iter().any(|x| group_persons.contains(x))
    {
        return true;
    }
    let mut own: Vec<ActorRef> = mention.named.clone();
    own.sort();
    let mut theirs = parties.clone();
    theirs.sort();
    if own.is_empty() || theirs.is_empty() {
        return false;
    }
    let subset = own.iter().all(|x| theirs.contains(x)) || theirs.iter().all(|x| own.contains(x));
    let same_sentence = group.sentences.contains(&mention.sentence);
    let near = group.near(mention.sentence, 1);
    // "held a restricted session": a part of the meeting just reported.
    let within_two = group.near(mention.sentence, 2);
    let part_of = mention.kind == "session"
        && own.iter().all(|x| theirs.contains(x))
        && within_two
        && mention.date.is_none();
    (own == theirs && (near || mention.date.is_some()))
        || (subset && same_sentence && (mention.kind != "meeting" || first.kind != "meeting"))
        || (same_sentence && mention.during)
        || (same_sentence && meets_many(a, first, mention))
        || part_of
}

/// Whether a meeting reported by a verb met several states or organisations before the
/// session it was held "at" ("met with the foreign ministers of seven states at a meeting of
/// SICA"): that session is the meeting itself. One counterpart met at a summit ("meet his
/// counterpart at an ASEAN meeting") is a meeting of its own on the summit's margins.
fn meets_many(a: &Analysis<'_>, verb: &Mention, setting: &Mention) -> bool {
    let at = setting.words.start;
    if !verb.by_verb
        || setting.by_verb
        || verb.sentence != setting.sentence
        || verb.words.end > at
        || at == 0
        || a.lower(at - 1) != "at"
    {
        return false;
    }
    // "met with X and Y, who represented their countries at the meeting of Z": the setting
    // of another clause.
    if (verb.words.end..at).any(|k| {
        matches!(
            a.lower(k),
            "who" | "which" | "that" | "where" | "when" | ";"
        )
    }) {
        return false;
    }
    let mut met: Vec<ActorRef> = Vec::new();
    for k in verb.words.end..at {
        if a.mention(k).is_some_and(|m| m.how == How::Pronoun) {
            continue;
        }
        for actor in parties_of(a, k) {
            let party = if a.actor_kind(actor) == ActorKind::Person {
                a.party_of(actor)
            } else {
                Some(actor)
            };
            if let Some(party) = party
                && !met.contains(&party)
            {
                met.push(party);
            }
        }
    }
    met.len() >= 2
}

fn same_country(a: &Analysis<'_>, x: usize, y: usize) -> bool {
    let px = &a.lexicon.places[x];
    let py = &a.lexicon.places[y];
    (px.kind == PlaceKind::Country || py.kind == PlaceKind::Country) && px.country == py.country
}

/// Builds a meeting from its mentions: parties (with the states of persons as implied
/// parties), the most precise date, the first place, the status of the latest mention.
fn build(
    a: &Analysis<'_>,
    mentions: &[Mention],
    group: &[usize],
    series: &[ActorRef],
) -> Option<Meeting> {
    let first = &mentions[group[0]];
    let mut named = group_parties(mentions, group);
    for &party in series {
        if !named.contains(&party) {
            named.push(party);
        }
    }
    let date_mention = group
        .iter()
        .filter_map(|&i| mentions[i].date.clone())
        .max_by_key(|d| d.date.map(|x| x.precision() == crate::text::Precision::Day));
    // The most precise place any mention gives: a city over its country.
    let places: Vec<usize> = group.iter().filter_map(|&i| mentions[i].place).collect();
    let place = places
        .iter()
        .copied()
        .find(|&p| matches!(a.lexicon.places[p].kind, PlaceKind::City | PlaceKind::Venue))
        .or_else(|| places.first().copied())
        .or_else(|| context_place(a, first))
        .or_else(|| dateline_place(a, first, mentions, group));
    let status = group
        .iter()
        .map(|&i| mentions[i].status)
        .find(|s| {
            matches!(
                s,
                MeetingStatus::Cancelled | MeetingStatus::Postponed | MeetingStatus::Proposed
            )
        })
        .unwrap_or(first.status);
    let when = match date_mention {
        Some(d) => When {
            date: d.date,
            end: d.end_date,
            phrase: Some(d.phrase.clone()),
        },
        None => context_date(a, first, status),
    };
    let persons = named
        .iter()
        .filter(|&&x| a.actor_kind(x) == ActorKind::Person)
        .count();
    let bodies = named.len() - persons;
    if named.is_empty() || (named.len() == 1 && bodies == 0) {
        return None;
    }
    // "we are supporting the intra-Afghan talks", "strengthening Ukraine's hand in any
    // negotiations with Russia": talks that name one state and neither a date nor a place are
    // a process spoken of, not an encounter the text reports.
    if named.len() == 1
        && a.actor_kind(named[0]) == ActorKind::State
        && !matches!(status, MeetingStatus::Cancelled | MeetingStatus::Postponed)
        && group.iter().all(|&i| {
            let m = &mentions[i];
            // "the U.S.-Morocco Strategic Dialogue": a dialogue with a name meets.
            let named_event = m
                .label
                .split_whitespace()
                .last()
                .is_some_and(|w| w.starts_with(char::is_uppercase));
            m.date.is_none()
                && m.place.is_none()
                && !m.transcript
                && !named_event
                && WORDS.process_kinds.contains(m.kind.as_str())
        })
    {
        return None;
    }
    // A joint council ("NATO-Russia Council") is the setting; its members are the parties.
    let is_joint_body = |actor: ActorRef| matches!(a.actors[actor.0].entity, Some(Entity::Organisation(o)) if !a.lexicon.organisations[o].implies.is_empty());
    // "to meet India's foreign minister": a person the text describes and never names, known
    // only from the dictionary of officeholders, is implied; the state named is the party
    // (GOLD_FORMAT.md: "the state or organisation when no person is named").
    let unnamed: Vec<ActorRef> = named
        .iter()
        .copied()
        .filter(|&actor| {
            a.actor_kind(actor) == ActorKind::Person
                && a.actors[actor.0].name_from_dictionary
                && !a.turns.iter().any(|t| t.speaker == Some(actor))
                && !a
                    .mentions
                    .iter()
                    .any(|m| m.actors.contains(&actor) && matches!(m.how, How::Name | How::Surname))
        })
        .collect();
    let unnamed = |actor: ActorRef| unnamed.contains(&actor);
    let mut participants: Vec<Participant> = named
        .iter()
        .map(|&actor| Participant {
            actor,
            role: "participant".into(),
            implied: is_joint_body(actor) || unnamed(actor),
        })
        .collect();
    // Alone, the national body's meeting stays its own: with its state as its one party, the
    // knowledge base would combine it with any meeting of that state on the day.
    let besides_bodies = named
        .iter()
        .any(|&x| parties::state_of_national_body(a, x).is_none());
    for &actor in &named {
        if let Some(state) = parties::state_of_national_body(a, actor)
            && besides_bodies
            && named.iter().any(|&x| a.party_of(x) != Some(state))
        {
            match participants.iter_mut().find(|p| p.actor == state) {
                Some(p) => p.implied = false,
                None => participants.push(Participant {
                    actor: state,
                    role: "participant".into(),
                    implied: false,
                }),
            }
        }
        if let Some(party) = a.party_of(actor)
            && party != actor
        {
            let implied = !unnamed(actor);
            match participants.iter_mut().find(|p| p.actor == party) {
                Some(p) => p.implied &= implied,
                None => participants.push(Participant {
                    actor: party,
                    role: "participant".into(),
                    implied,
                }),
            }
        }
    }
    let label = group
        .iter()
        .map(|&i| &mentions[i].label)
        .find(|l| {
            l.chars().next().is_some_and(char::is_uppercase) || l.contains(char::is_uppercase)
        })
        .unwrap_or(&first.label)
        .clone();
    let mut evidence: Vec<Evidence> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for &i in group {
        let sentence = &a.sentences[mentions[i].sentence];
        let span = a.char_span(sentence.start, sentence.end);
        if seen.insert(span) {
            evidence.push(Evidence {
                aspect: Aspect::Fact,
                span,
            });
        }
    }
    let kind = group
        .iter()
        .map(|&i| mentions[i].kind.as_str())
        .find(|k| *k != "meeting")
        .unwrap_or("meeting")
        .to_string();
    let mode = group
        .iter()
        .map(|&i| mentions[i].mode)
        .find(|m| *m != MeetingMode::Unknown)
        .unwrap_or(MeetingMode::Unknown);
    Some(Meeting {
        label: Some(label),
        kind,
        mode,
        status,
        when,
        place: place.map(|p| {
            let entry = &a.lexicon.places[p];
            Place {
                name: entry.name.clone(),
                kind: entry.kind,
                country_iso3: entry.country.clone(),
            }
        }),
        participants,
        outcome: None,
        evidence,
    })
}

/// A meeting with no place in its sentence takes the place of a sentence just before it in
/// the same paragraph ("led a delegation to Phnom Penh. In a meeting with Hun Sen, ...").
fn context_place(a: &Analysis<'_>, mention: &Mention) -> Option<usize> {
    if mention.mode == MeetingMode::Phone || mention.kind == "call" {
        return None;
    }
    // A transcript speaker is where the dateline before the first turn says ("here").
    let first_token = a.sentences[mention.sentence].tokens.start;
    if let Some(first_turn) = a.turns.first()
        && first_token >= first_turn.label.start
    {
        let today = mention
            .date
            .as_ref()
            .and_then(|d| d.date)
            .zip(a.published)
            .is_some_and(|(d, p)| d == PartialDate::Day(p));
        return (mention.status == MeetingStatus::Held && today)
            .then(|| first_place_in(a, 0..first_turn.label.start))
            .flatten();
    }
    // A sentence before in the paragraph: its place, when its dates (if any) cover this
    // meeting's ("in Algiers from March 9 to 10 ... On March 10, ... will meet").
    let paragraph = a.sentences[mention.sentence].paragraph;
    let own_date = mention.date.as_ref().and_then(|d| d.date);
    (0..mention.sentence)
        .rev()
        .take(2)
        .filter(|&s| a.sentences[s].paragraph == paragraph)
        .find_map(|s| {
            if let Some(own) = own_date {
                let covers = a.dates[s].iter().any(|d| match (d.date, d.end_date) {
                    (Some(first), Some(last)) => first <= own && own <= last,
                    (Some(first), None) => first == own,
                    _ => false,
                });
                if !covers {
                    return None;
                }
            }
            first_place_in(a, a.sentences[s].tokens.clone())
        })
}

/// The first place named after a locative word ("to Phnom Penh", "in Cambodia") in a range.
fn first_place_in(a: &Analysis<'_>, range: Range<usize>) -> Option<usize> {
    range
        .filter_map(|k| {
            let m = a.mention(k)?;
            let locative = k > 0 && matches!(a.lower(k - 1), "in" | "at" | "to" | "near");
            (m.tokens.start == k && (m.is_place || (m.place.is_some() && locative)))
                .then_some(m.place)
                .flatten()
        })
        .next()
        .map(|p| city_of(a, p))
}

/// A meeting with no date in its sentence takes the date of a sentence just before it in the
/// same paragraph ("will travel to Rabat from March 8 to 9 ... She will have a working lunch");
/// a held one, failing that, the latest day named before it in the article (a readout dates a
/// trip once), or the first "today" after it ("Today in Geneva, ..."). Words spoken in a
/// transcript are not dated from their surroundings.
fn context_date(a: &Analysis<'_>, mention: &Mention, status: MeetingStatus) -> When {
    let in_turn = a.in_turn_body(a.sentences[mention.sentence].tokens.start);
    if matches!(status, MeetingStatus::Proposed) {
        return When::default();
    }
    // A transcript speaks in the present: a meeting held "here" or "today" is held on the day.
    if in_turn {
        let here_and_now = a.sentences[mention.sentence]
            .tokens
            .clone()
            .any(|k| matches!(a.lower(k), "here" | "today" | "now" | "tonight"));
        return match (status, a.published) {
            (MeetingStatus::Held, Some(p)) if here_and_now => When {
                date: Some(PartialDate::Day(p)),
                end: None,
                phrase: None,
            },
            _ => When::default(),
        };
    }
    // "9:30 a.m. Secretary Blinken meets with ...": a public schedule lists the day's events.
    if status == MeetingStatus::Held
        && schedule_line(a, mention.sentence)
        && let Some(p) = a.published
    {
        return When {
            date: Some(PartialDate::Day(p)),
            end: None,
            phrase: None,
        };
    }
    let usable = |d: &DateMention| !d.year_only && d.date.is_some();
    let to_when = |d: &DateMention| When {
        date: d.date,
        end: d.end_date,
        phrase: Some(d.phrase.clone()),
    };
    let paragraph = a.sentences[mention.sentence].paragraph;
    let same_paragraph = (0..mention.sentence)
        .rev()
        .take(3)
        .filter(|&s| a.sentences[s].paragraph == paragraph)
        .find_map(|s| a.dates[s].iter().find(|d| usable(d)).cloned());
    if let Some(d) = same_paragraph {
        return to_when(&d);
    }
    if status != MeetingStatus::Held {
        return trip_period(a, mention.sentence).unwrap_or_default();
    }
    let not_after_publication = |d: &DateMention| {
        a.published
            .is_none_or(|p| d.date.and_then(|x| x.first_day()).is_some_and(|x| x <= p))
    };
    let earlier = (0..mention.sentence).rev().find_map(|s| {
        a.dates[s]
            .iter()
            .rev()
            .find(|d| {
                usable(d)
                    && d.date
                        .is_some_and(|x| x.precision() == crate::text::Precision::Day)
                    && not_after_publication(d)
            })
            .cloned()
    });
    if let Some(d) = earlier {
        return to_when(&d);
    }
    let today = (mention.sentence + 1..a.sentences.len()).find_map(|s| {
        a.dates[s]
            .iter()
            .find(|d| d.phrase.eq_ignore_ascii_case("today"))
            .cloned()
    });
    today.map(|d| to_when(&d)).unwrap_or_default()
}

/// Whether the line a sentence starts on opens with a time of day ("9:30 a.m.", "10:00
/// p.m. LOCAL"), as the entries of a public schedule do.
fn schedule_line(a: &Analysis<'_>, sentence: usize) -> bool {
    let start = a.sentences[sentence].start;
    let line_start = a.text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line = a.text[line_start..].trim_start();
    let hour = line.chars().take_while(char::is_ascii_digit).count();
    if !(1..=2).contains(&hour) || !line[hour..].starts_with(':') {
        return false;
    }
    let rest = &line[hour + 1..];
    let minutes = rest.chars().take_while(char::is_ascii_digit).count();
    minutes == 2
        && matches!(
            rest[minutes..].trim_start().get(..4),
            Some("a.m." | "p.m." | "A.M." | "P.M.")
        )
}

/// The period of the trip an announcement describes, for a meeting of it that the text does not
/// date: "will travel to Seoul, Manila and Hanoi June 5-14, where she will meet ...". The
/// trip is the first period (a date with an end) before the meeting that is not over at
/// publication; the meeting falls somewhere in it, so its date is the trip's first month,
/// with the trip's last day as its end (GOLD_FORMAT.md, "Conventions settled since").
fn trip_period(a: &Analysis<'_>, sentence: usize) -> Option<When> {
    let published = a.published?;
    let trip = (0..=sentence).find_map(|s| {
        a.dates[s]
            .iter()
            .find(|d| {
                d.end_date
                    .and_then(|e| e.first_day())
                    .is_some_and(|last| last >= published)
                    && d.date
                        .is_some_and(|x| x.precision() == crate::text::Precision::Day)
            })
            .cloned()
    })?;
    let first = trip.date?.first_day()?;
    Some(When {
        date: PartialDate::month(first.year(), first.month()),
        end: trip.end_date,
        phrase: Some(trip.phrase.clone()),
    })
}

/// The states and organisations that every meeting so far (at least two) shares.
fn shared_parties(a: &Analysis<'_>, meetings: &[Meeting]) -> Vec<ActorRef> {
    if meetings.len() < 2 {
        return Vec::new();
    }
    let held: Vec<&Meeting> = meetings
        .iter()
        .filter(|m| m.status == MeetingStatus::Held)
        .collect();
    if held.len() < 2 {
        return Vec::new();
    }
    let parties = |m: &Meeting| -> Vec<ActorRef> {
        m.participants
            .iter()
            .filter(|p| !p.implied && a.actor_kind(p.actor) != ActorKind::Person)
            .map(|p| p.actor)
            .collect()
    };
    let mut shared = parties(held[0]);
    for meeting in &held[1..] {
        let these = parties(meeting);
        shared.retain(|x| these.contains(x));
    }
    shared
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::extract::{Input, MeetingStatus, extract};

    /// (date, status, participant names) of each meeting of `body`, published on `published`.
    fn meetings(
        body: &str,
        published: (i32, u32, u32),
    ) -> Vec<(String, MeetingStatus, Vec<String>)> {
        let extraction = extract(&Input {
            title: "",
            body,
            published: NaiveDate::from_ymd_opt(published.0, published.1, published.2),
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
                (
                    m.when.date.map_or("-".into(), |d| d.to_string()),
                    m.status,
                    names,
                )
            })
            .collect()
    }

    #[test]
    fn a_word_of_demanding_in_a_dateline_or_a_name_does_not_make_a_meeting_a_demand() {
        let body = "Japanese Foreign Minister Kenji Morimoto and South Korean Foreign Minister \
                    Seo Jae-won spoke by phone on Wednesday.";
        for text in [
            format!("SEOUL, Nov. 1 (East Asia Press) -- {body}"),
            format!("{body} They met later at the Joint Press Availability."),
        ] {
            let found = meetings(&text, (2018, 11, 1));
            assert!(
                found
                    .iter()
                    .any(|(date, status, names)| date == "2018-10-31"
                        && *status == MeetingStatus::Held
                        && names.len() == 2),
                "{text}: {found:?}"
            );
        }
        // A meeting urged is still a demand, not a meeting held.
        let found = meetings(
            "Japan urged South Korea to hold talks on the ruling.",
            (2018, 11, 1),
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn the_stops_of_a_trip_are_dated_by_the_trip() {
        let found = meetings(
            "Deputy Secretary of State Wendy Sherman will travel to Japan and Mongolia from July 18 to July 25.\n\nIn Tokyo, the Deputy Secretary will meet with Japanese Foreign Minister Toshimitsu Motegi.",
            (2021, 7, 15),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "2021-07");
        assert_eq!(found[0].1, MeetingStatus::Planned);
    }

    #[test]
    fn a_year_right_after_the_verb_dates_a_past_meeting() {
        let found = meetings(
            "Lebanese Prime Minister Karim Haddad and EU envoy Mikko Laaksonen first met in 2005.",
            (2006, 7, 25),
        );
        assert_eq!(
            found,
            [(
                "2005".into(),
                MeetingStatus::Held,
                vec!["Karim Haddad".into(), "Mikko Laaksonen".into()]
            )]
        );
    }

    #[test]
    fn a_coordinated_subject_gives_every_party() {
        let found = meetings(
            "The 2nd Republic of Korea-Mongolia Strategic Dialogue was held in Seoul on May 29. Vice Minister Hwang Min-seok and State Secretary Luvsan Ganzorig led the delegations.\n\nIn Ulaanbaatar, Hwang and Ganzorig met in October 2012.",
            (2013, 5, 30),
        );
        let past = found
            .iter()
            .find(|m| m.0 == "2012-10")
            .expect("the 2012 meeting");
        assert_eq!(
            past.2,
            vec!["Hwang Min-seok".to_string(), "Luvsan Ganzorig".to_string()]
        );
    }

    #[test]
    fn the_two_ministers_are_the_persons_of_the_meeting_reported() {
        let found = meetings(
            "Lebanese Prime Minister Karim Haddad met EU envoy Mikko Laaksonen in Beirut on Monday.\n\nThe two ministers last met in Brussels in May.",
            (2006, 7, 25),
        );
        let past = found
            .iter()
            .find(|m| m.0 == "2006-05")
            .expect("the May meeting");
        assert_eq!(
            past.2,
            vec!["Karim Haddad".to_string(), "Mikko Laaksonen".to_string()]
        );
    }

    #[test]
    fn meeting_demands_or_goals_is_no_meeting() {
        for body in [
            "Prime Minister Karim Haddad and EU envoy Mikko Laaksonen vowed to meet the goals of the Paris Agreement.",
            "Prime Minister Karim Haddad and EU envoy Mikko Laaksonen said Israel had not met their demands.",
        ] {
            assert_eq!(meetings(body, (2006, 7, 25)), [], "{body}");
        }
    }

    #[test]
    fn a_meeting_set_for_a_day_and_postponed_keeps_that_day() {
        let found = meetings(
            "A meeting in Brussels between Serbia and Kosovo that had been set for Wednesday has been postponed.",
            (2022, 12, 20),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "2022-12-21");
        assert_eq!(found[0].1, MeetingStatus::Postponed);
    }

    #[test]
    fn calls_and_summons_are_meetings() {
        for body in [
            "Iranian negotiator Ali Kazemi telephoned German negotiator Hans Steinau on Thursday.",
            "Vice Foreign Minister Zhang Qiyuan summoned Japanese ambassador Hiroshi Tanabe on Thursday.",
        ] {
            let found = meetings(body, (2010, 9, 20));
            assert_eq!(found.len(), 1, "{body}: {found:?}");
            assert_eq!(found[0].0, "2010-09-16", "{body}");
            assert_eq!(found[0].2.len(), 2, "{body}: {found:?}");
        }
    }
    /// Issue #11: words that look like meetings but are not: a thing met, a thing received,
    /// dialogue as a policy.
    #[test]
    fn needs_met_things_received_and_dialogue_as_a_policy_are_no_meetings() {
        for text in [
            "The United States is helping Ukraine meet its defense needs and build its future capabilities.",
            "Sweden is working to meet Transatlantic and global security challenges.",
            "Poland already received up to 700,000 refugees from Ukraine.",
            "Moldova received on its territory the citizens of Ukraine.",
            "Secretary Blinken reaffirmed openness to diplomacy and dialogue with North Korea.",
        ] {
            let found = meetings(text, (2022, 3, 1));
            assert!(found.is_empty(), "{text}: {found:?}");
        }
        // A dialogue between parties, a guest received: meetings.
        let found = meetings(
            "Prime Minister Karim Haddad received Foreign Minister Mikko Laaksonen on Monday.",
            (2022, 3, 1),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].2, ["Karim Haddad", "Mikko Laaksonen"]);
    }

    /// Issue #10: "meet with ROK leaders, including X, Y and Z": the list goes on after
    /// "including".
    #[test]
    fn a_list_of_parties_goes_on_after_including() {
        let found = meetings(
            "In Seoul, Deputy Secretary Wendy Sherman will meet with Korean leaders, including \
             Foreign Minister Park Jin and Unification Minister Kwon Young-se, on June 8.",
            (2022, 6, 1),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        for name in ["Wendy Sherman", "Park Jin", "Kwon Young-se"] {
            assert!(found[0].2.iter().any(|n| n == name), "{name}: {found:?}");
        }
    }

    /// Issue #11: a public schedule's "9:30 a.m. X meets with Y" is a meeting of its day.
    #[test]
    fn a_schedule_entry_is_dated_by_the_schedule() {
        let found = meetings(
            "Public Schedule\n\n9:30 a.m. Secretary Antony Blinken meets with Iraqi Foreign Minister Fuad Hussein, at the Department of State.",
            (2021, 7, 23),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "2021-07-23");
    }

    /// Issue #11: those who discuss negotiations are not their parties.
    #[test]
    fn those_who_discuss_a_meeting_are_not_its_parties() {
        let found = meetings(
            "Secretary Antony Blinken spoke with UK Foreign Secretary Elizabeth Truss today. \
             The two also discussed UK-EU negotiations over the Northern Ireland Protocol.",
            (2022, 2, 12),
        );
        let talks = found
            .iter()
            .find(|(_, _, names)| names.iter().any(|n| n == "European Union"))
            .expect("the UK-EU negotiations");
        assert!(!talks.2.iter().any(|n| n == "Antony Blinken"), "{found:?}");
    }

    /// Issue #10: "U.S. and Cuban officials met": both nationalities are parties.
    #[test]
    fn officials_of_two_nationalities_are_both_parties() {
        let found = meetings(
            "On April 21, U.S. and Cuban officials met in Washington to discuss migration.",
            (2022, 4, 22),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].2, ["Cuba", "United States"]);
    }

    /// Issue #11: a question in a transcript ("QUESTION: Will there be a meeting ...") reports
    /// no meeting, in its first sentence too.
    #[test]
    fn a_question_turn_reports_no_meeting() {
        let found = meetings(
            "MR PRICE: Good afternoon.\n\nQUESTION: Will there be a meeting between Joe Biden and Emmanuel Macron next week?\n\nMR PRICE: I have nothing to announce.",
            (2021, 6, 25),
        );
        assert!(found.is_empty(), "{found:?}");
    }
    /// Issue #10: "X called Y to discuss ..." is a phone call; "called Y a Z" is not.
    #[test]
    fn calling_a_person_is_a_call() {
        let found = meetings(
            "Secretary of State Antony Blinken called Kenyan President Uhuru Kenyatta today to discuss the elections.",
            (2022, 3, 10),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].2.iter().any(|n| n == "Uhuru Kenyatta"),
            "{found:?}"
        );
        for text in [
            "Foreign Minister Sergey Lavrov called President Volodymyr Zelenskyy and his government a threat.",
            "Foreign Minister Sergey Lavrov called President Volodymyr Zelenskyy a threat.",
            "Secretary of State Antony Blinken called for calm.",
        ] {
            let found = meetings(text, (2022, 3, 10));
            assert!(found.is_empty(), "{text}: {found:?}");
        }
    }

    /// Issue #10: "Sherman, Mori, and Choi will hold a joint meeting": every person of the
    /// listed subject takes part.
    #[test]
    fn a_listed_subject_of_holding_a_meeting_takes_part() {
        let found = meetings(
            "Deputy Secretary Wendy Sherman, Japanese Vice Foreign Minister Mori Takeo, and Korean First Vice Foreign Minister Choi Jong Kun will hold a joint meeting on July 21.",
            (2021, 7, 16),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        for name in ["Wendy Sherman", "Mori Takeo", "Choi Jong Kun"] {
            assert!(found[0].2.iter().any(|n| n == name), "{name}: {found:?}");
        }
    }

    /// Issue #11: verbs that share a form with a meeting word ("talks", "call", "hosts",
    /// "meet"), a meeting denied ("have not met") and "talked about" are no meetings.
    #[test]
    fn verbs_that_look_like_meetings_are_none() {
        for text in [
            "China talks a lot about upholding the principle of sovereignty.",
            "I recently had a series of meetings that I call listening tours at the UN.",
            "There is what we would call continuity of government in Ukraine.",
            "Kuwait hosts U.S. forces in the region.",
            "Colombia has generously hosted Venezuelan refugees.",
            "More and more Allies are meeting our guideline of spending 2 percent of GDP on defense.",
            "The package will help Ukraine meet the armored, airborne, and other threats it is facing.",
            "Many of the leaders had never visited Saudi Arabia.",
            "The national security advisor did not meet with Secretary Antony Blinken.",
            "We’ve talked about them in connection with Iran’s abuses of human rights.",
        ] {
            let found = meetings(text, (2022, 3, 10));
            assert!(found.is_empty(), "{text}: {found:?}");
        }
    }

    /// Issue #11: "participates in", "co-hosted": the subject takes part in the meeting named.
    #[test]
    fn the_subject_of_participates_takes_part() {
        let found = meetings(
            "Secretary Antony Blinken participates in the ASEAN Regional Forum Ministerial.",
            (2021, 8, 6),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].2.iter().any(|n| n == "Antony Blinken"),
            "{found:?}"
        );
    }

    /// Issue #11: "foreign ministers of the Association of Southeast Asian Nations (ASEAN) held
    /// a meeting": the body whose members are the subject is a party.
    #[test]
    fn the_body_of_members_that_meet_is_a_party() {
        let found = meetings(
            "Foreign ministers of the Association of Southeast Asian Nations (ASEAN) held an emergency meeting in Jakarta on Monday.",
            (2021, 3, 3),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .2
                .iter()
                .any(|n| n == "Association of Southeast Asian Nations"),
            "{found:?}"
        );
    }

    /// Issue #11: in a transcript turn "I met with X" has the speaker as a party, "we" the
    /// speaker's state; "As we meet, ..." with nobody else named is the occasion, no meeting.
    #[test]
    fn the_first_person_of_a_turn_is_its_speaker() {
        let found = meetings(
            "SECRETARY BLINKEN: Thank you. I spoke earlier today with my Ukrainian counterpart, Foreign Minister Dmytro Kuleba.",
            (2022, 2, 20),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].2.iter().any(|n| n == "Antony Blinken"),
            "{found:?}"
        );
        let found = meetings(
            "SECRETARY BLINKEN: Thank you. As we meet, the war goes on.",
            (2022, 2, 20),
        );
        assert!(found.is_empty(), "{found:?}");
    }

    /// Issue #10: "Envoys of X and Y, meeting in ...": both bodies take part; "EU interior
    /// ministers will discuss the crisis at a meeting": the meeting is where they talk.
    #[test]
    fn bodies_meet_through_their_envoys_and_ministers() {
        let found = meetings(
            "Envoys of the African Union and the regional bloc IGAD, meeting in Djibouti on Monday, called for a ceasefire.",
            (2023, 6, 7),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].2,
            [
                "African Union",
                "Intergovernmental Authority on Development"
            ]
        );
        let found = meetings(
            "EU interior ministers will discuss the crisis at a meeting in Brussels on Dec. 9.",
            (2021, 11, 18),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].2, ["European Union"]);
    }

    /// Issue #10: "the U.S. delegation will meet", and "the delegation" after it: the
    /// delegation's state is a party.
    #[test]
    fn a_delegation_that_meets_is_its_states() {
        let found = meetings(
            "Under Secretary Victoria Nuland will lead a U.S. delegation to Paraguay and Panama June 27-30. \
             In Panama, the delegation will meet with President Laurentino Cortizo.",
            (2021, 6, 25),
        );
        assert!(
            found.iter().any(
                |(_, _, names)| names.iter().any(|n| n == "Laurentino Cortizo")
                    && names.iter().any(|n| n == "United States")
            ),
            "{found:?}"
        );
    }

    /// Issue #10: a plural's possessive apostrophe stays in the meeting's noun phrase: the
    /// parties before it are the meeting's ("Japan-Philippines Foreign Ministers' Meeting").
    #[test]
    fn parties_before_a_plural_possessive_are_the_meetings() {
        let found = meetings(
            "Kitamura looked back on the Japan-Philippines Foreign Ministers' Meeting held in Tokyo in December.",
            (2022, 3, 3),
        );
        assert!(
            found
                .iter()
                .any(|(_, _, names)| names.iter().any(|n| n == "Philippines")
                    && names.iter().any(|n| n == "Japan")),
            "{found:?}"
        );
    }

    /// Issue #10: a meeting agreed on and then referred back to as postponed is one meeting,
    /// postponed.
    #[test]
    fn a_planned_meeting_referred_back_to_as_postponed_is_postponed() {
        let found = meetings(
            "Chile and Peru agreed on Monday to meet again in Lima next month, but that meeting has been postponed, an official said.",
            (2021, 3, 10),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, MeetingStatus::Postponed, "{found:?}");
    }

    /// Issue #10: the date of a wire dateline is the day of the report, and the subject of the
    /// sentence after it is the meeting that a distant passive verb postpones.
    #[test]
    fn a_dateline_does_not_date_a_meeting_postponed_after_a_long_subject() {
        let found = meetings(
            "LIMA, March 10 (Andes Wire) - Talks between Chile and Peru on the long-running dispute over fishing rights off the coast, which Ecuador had been due to host in Quito on Sunday, have been postponed, officials said on Wednesday.",
            (2021, 3, 10),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, MeetingStatus::Postponed, "{found:?}");
        assert_ne!(found[0].0, "2021-03-10", "{found:?}");
    }

    /// Issue #11: a court session or an award ceremony is no meeting of parties.
    #[test]
    fn court_sessions_and_award_ceremonies_are_no_meetings() {
        for body in [
            "Chile held its first virtual court session with Peru's lawyers in June.",
            "Chile and Peru attended an award ceremony in Lima on Monday.",
        ] {
            assert_eq!(meetings(body, (2021, 3, 10)), [], "{body}");
        }
        assert_eq!(
            meetings(
                "Chile and Peru held a working session in Lima on Monday.",
                (2021, 3, 10)
            )
            .len(),
            1
        );
    }

    /// Issue #10: the heads of the delegations to talks just reported take part in them; the
    /// person reporting it does not.
    #[test]
    fn the_heads_of_delegations_take_part_in_the_talks() {
        let found = meetings(
            "Talks between Chile and Peru will resume in Lima on Monday, officials said. The Chilean delegation will be led by Foreign Minister Ana Lucía Ferreyra, and the Peruvian team by Deputy Minister Tomás Quispe Huamán, Foreign Minister Marco Villanueva told reporters.",
            (2021, 3, 10),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        let names = &found[0].2;
        assert!(names.iter().any(|n| n == "Ana Lucía Ferreyra"), "{found:?}");
        assert!(
            names.iter().any(|n| n == "Tomás Quispe Huamán"),
            "{found:?}"
        );
        assert!(!names.iter().any(|n| n == "Marco Villanueva"), "{found:?}");
    }

    /// Issue #10: who co-hosts a meeting and its observers take part in it.
    #[test]
    fn the_hosts_and_the_observers_of_a_meeting_take_part() {
        let cases = [
            (
                "Talks between Chile and Peru will open in Lima on Monday, officials said. Chile's Foreign Minister Ana Lucía Ferreyra and Peru's Foreign Minister Tomás Quispe Huamán are expected to attend, with observers from the African Union and Ecuador.",
                ["African Union", "Ecuador"],
            ),
            (
                "Talks between Chile and Peru, co-hosted by Ecuador and Bolivia, opened in Lima on Monday.",
                ["Ecuador", "Bolivia"],
            ),
        ];
        for (body, parties) in cases {
            let found = meetings(body, (2021, 3, 10));
            assert_eq!(found.len(), 1, "{found:?}");
            for party in parties {
                assert!(found[0].2.iter().any(|n| n == party), "{party}: {found:?}");
            }
        }
    }

    /// Issue #11: an announcement that names twice whom the traveller will meet reports one
    /// planned meeting.
    #[test]
    fn a_planned_meeting_announced_twice_is_one() {
        let found = meetings(
            "Foreign Minister Ana Lucía Ferreyra of Chile will travel to Peru next month. In Lima, she will meet with President Marco Villanueva and business leaders. Ferreyra will also meet with President Marco Villanueva and Foreign Minister Tomás Quispe Huamán to discuss trade.",
            (2021, 3, 10),
        );
        let with_president = found
            .iter()
            .filter(|m| m.2.iter().any(|n| n == "Marco Villanueva"))
            .count();
        assert_eq!(with_president, 1, "{found:?}");
    }

    /// Issue #11: the co-host of a meeting takes part in it.
    #[test]
    fn a_co_host_takes_part() {
        let found = meetings(
            "Chile co-hosted with Peru the first annual Pacific fisheries ministerial in Lima on Monday.",
            (2021, 3, 10),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].2.iter().any(|n| n == "Peru"), "{found:?}");
    }

    /// Issue #11: "The talks, chaired by X," tells more of the talks just reported; it is no
    /// second meeting.
    #[test]
    fn the_talks_chaired_by_someone_are_the_talks_reported() {
        let found = meetings(
            "Chile and Peru held talks in Lima on Monday and said they would meet again in Quito next month. The talks, chaired by Peru's Foreign Minister Rosa Quispe, focused on fisheries.",
            (2021, 3, 10),
        );
        assert_eq!(found.len(), 2, "{found:?}");
        let held = found
            .iter()
            .find(|m| m.1 == MeetingStatus::Held)
            .expect("the talks held");
        assert_eq!(held.0, "2021-03-08", "{found:?}");
        assert!(held.2.iter().any(|n| n == "Rosa Quispe"), "{found:?}");
        // A definite meeting whose parties its own words name is still a meeting of its own.
        let found = meetings(
            "Chile and Peru held talks in Lima on Monday. The Bolivia-Paraguay talks, chaired by Brazil, ended on Tuesday.",
            (2021, 3, 10),
        );
        assert_eq!(found.len(), 2, "{found:?}");
    }

    /// Issue #10: a meeting of so many days that ended on a day began the days before.
    #[test]
    fn talks_of_three_days_that_ended_on_a_day_began_two_days_before() {
        let found = meetings(
            "Ministers of Chile, Peru and Bolivia ended three days of talks in Lima on Wednesday.",
            (2021, 3, 11),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "2021-03-08", "{found:?}");
        // Without a verb of ending the day is the meeting's.
        let found = meetings(
            "Ministers of Chile, Peru and Bolivia will hold three days of talks in Lima on Wednesday.",
            (2021, 3, 9),
        );
        assert_eq!(found[0].0, "2021-03-10", "{found:?}");
    }

    /// Issue #10: "their first talks since the <date> summit ... on <date>": the later date is
    /// the talks', and the summit an earlier meeting, held.
    #[test]
    fn the_first_talks_since_a_dated_meeting_take_the_later_date() {
        let found = meetings(
            "Chilean and Peruvian negotiators will hold their first talks since the March 2 summit in Quito on April 12 in Lima.",
            (2021, 4, 1),
        );
        let talks = found
            .iter()
            .find(|m| m.1 == MeetingStatus::Planned)
            .expect("the talks planned");
        assert_eq!(talks.0, "2021-04-12", "{found:?}");
        assert!(
            found
                .iter()
                .all(|m| m.1 != MeetingStatus::Planned || m.0 != "2021-03-02"),
            "{found:?}"
        );
    }

    /// Issue #10: "the situation in X" is what was discussed, not where.
    #[test]
    fn a_place_that_is_the_topic_is_not_the_venue() {
        let extraction = extract(&Input {
            title: "",
            body: "Foreign Minister Rosa Quispe of Peru met Chilean envoy Marco Soto on Tuesday to discuss the situation in Bolivia.",
            published: NaiveDate::from_ymd_opt(2021, 3, 10),
        });
        assert_eq!(extraction.meetings.len(), 1, "{:?}", extraction.meetings);
        let place = extraction.meetings[0]
            .place
            .as_ref()
            .map(|p| p.name.clone());
        assert_eq!(place, None);
        let extraction = extract(&Input {
            title: "",
            body: "Foreign Minister Rosa Quispe of Peru met Chilean envoy Marco Soto in Bolivia on Tuesday.",
            published: NaiveDate::from_ymd_opt(2021, 3, 10),
        });
        let place = extraction.meetings[0]
            .place
            .as_ref()
            .map(|p| p.name.clone());
        assert_eq!(place.as_deref(), Some("Bolivia"));
    }

    /// Issue #10: who comes "for talks" takes part in them, and so does the guest welcomed
    /// "for talks"; "on Wednesday for talks" is not "Wednesday’s talks", a meeting referred
    /// back to.
    #[test]
    fn those_who_come_for_talks_and_their_hosts_take_part() {
        let found = meetings(
            "Chile's Foreign Minister Rosa Quispe arrived in Lima on Wednesday for talks with Peru's Foreign Minister Marco Soto.",
            (2021, 3, 11),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "2021-03-10", "{found:?}");
        assert!(found[0].2.iter().any(|n| n == "Rosa Quispe"), "{found:?}");
        assert!(found[0].2.iter().any(|n| n == "Marco Soto"), "{found:?}");
        let found = meetings(
            "Peruvian Foreign Minister Marco Soto invited Chilean Foreign Minister Rosa Quispe to Lima on Monday for talks on fisheries.",
            (2021, 3, 11),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].2.iter().any(|n| n == "Rosa Quispe"), "{found:?}");
        assert!(found[0].2.iter().any(|n| n == "Marco Soto"), "{found:?}");
        // Not every "for" after a verb of coming: "arrived for the first time" is no talks.
        let found = meetings(
            "Rosa Quispe arrived in Lima on Wednesday for a rest.",
            (2021, 3, 11),
        );
        assert!(found.is_empty(), "{found:?}");
    }

    /// Issue #10: "talks with our counterparts" in a speaker's turn: the speaker's party
    /// takes part.
    #[test]
    fn talks_with_our_counterparts_are_the_speakers_partys() {
        let found = meetings(
            "SECRETARY BLINKEN: Thank you. Our envoy is in Vienna, where he is engaged in talks with our French and German counterparts.",
            (2022, 2, 20),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].2.iter().any(|n| n == "United States"), "{found:?}");
        // Outside a speaker's voice "our" is nobody's.
        let found = meetings(
            "Our envoy is in Vienna, where he is engaged in talks with our French and German counterparts.",
            (2022, 2, 20),
        );
        assert!(
            found
                .iter()
                .all(|m| m.2.iter().all(|n| n != "United States")),
            "{found:?}"
        );
    }

    /// Issue #11: "met with X, met with other officials" in one sentence is one occasion.
    #[test]
    fn meeting_others_in_the_same_sentence_is_the_same_meeting() {
        let found = meetings(
            "Peruvian Foreign Minister Marco Soto and Trade Minister Ana Mamani met with Chilean President Rosa Quispe, met with other senior Chilean officials in Santiago on Tuesday.",
            (2021, 3, 10),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        // Two persons met in turn are two meetings.
        let found = meetings(
            "Peruvian Foreign Minister Marco Soto and Trade Minister Ana Mamani met with Chilean President Rosa Quispe and later met with Bolivian Foreign Minister Luis Arce Pardo.",
            (2021, 3, 10),
        );
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn a_meeting_nobody_means_to_hold_is_none() {
        for body in [
            "The ministry said the premier had no plans to meet the Ruritanian President Anna Berg.",
            "Foreign Minister Karl Ost has no intention of meeting Ruritanian President Anna Berg.",
            "Foreign Minister Karl Ost ruled out a meeting with Ruritanian President Anna Berg.",
            "Foreign Minister Karl Ost refused to meet Ruritanian President Anna Berg.",
        ] {
            let found = meetings(body, (2023, 11, 6));
            assert!(found.is_empty(), "{body}: {found:?}");
        }
        // Without the denial the same meeting is planned.
        let found = meetings(
            "Foreign Minister Karl Ost plans to meet Ruritanian President Anna Berg.",
            (2023, 11, 6),
        );
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn those_who_travel_somewhere_for_talks_with_someone_are_due_to_meet() {
        for body in [
            "Ruritanian President Anna Berg is due to travel to Paris next month for talks with French President Emmanuel Macron.",
            "Ruritanian President Anna Berg heads to Paris next month for talks with French President Emmanuel Macron.",
        ] {
            let found = meetings(body, (2023, 11, 6));
            assert_eq!(found.len(), 1, "{body}: {found:?}");
            assert_eq!(found[0].0, "2023-12");
            assert_eq!(found[0].1, MeetingStatus::Planned);
            assert_eq!(found[0].2, ["Anna Berg", "Emmanuel Macron"]);
        }
    }

    #[test]
    fn a_meeting_expected_on_a_weekday_is_the_next_such_day() {
        // 2023-03-10 was a Friday.
        let found = meetings(
            "Foreign Minister Karl Ost, who arrived in Cairo on Tuesday, is expected to meet Crown Prince Hamed bin Ahmed on Wednesday.",
            (2023, 3, 10),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "2023-03-15");
        assert_eq!(found[0].1, MeetingStatus::Planned);
    }

    #[test]
    fn talks_spoken_of_as_the_subject_of_reported_speech_are_not_the_speakers() {
        let found = meetings(
            "Ruritania's prime minister said on Sunday negotiations were at a critical stage.",
            (2023, 11, 6),
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn two_surnames_joined_before_a_meeting_noun_are_its_parties() {
        let found = meetings(
            "Ruritanian Foreign Minister Karl Ostrander arrived in Paris on Monday.\n\nFrench Foreign Minister Marie Dubreuil welcomed him.\n\nThe Ostrander-Dubreuil talks covered trade.",
            (2023, 11, 6),
        );
        assert!(
            found
                .iter()
                .any(|m| m.2 == ["Karl Ostrander", "Marie Dubreuil"]),
            "{found:?}"
        );
    }

    /// Issue #11: talks that name one state and neither a date nor a place are a process
    /// spoken of, not a meeting; with a date, a place or a name of their own they meet.
    #[test]
    fn undated_talks_naming_one_state_are_a_process() {
        for text in [
            "The ministry said it continues to back the intra-Somali negotiations.",
            "That would strengthen Kenya's position in any negotiations with Ethiopia.",
        ] {
            let found = meetings(text, (2021, 6, 1));
            assert!(found.is_empty(), "{text}: {found:?}");
        }
        for text in [
            "The intra-Somali negotiations resumed in Nairobi.",
            "Intra-Somali negotiations will resume on Monday.",
            "Officials opened the Somalia Strategic Dialogue.",
        ] {
            let found = meetings(text, (2021, 6, 1));
            assert_eq!(found.len(), 1, "{text}: {found:?}");
        }
    }

    /// Issue #11: "There is no summit" denies the meeting.
    #[test]
    fn a_meeting_with_no_is_none() {
        let found = meetings("There is no ASEAN summit this year.", (2021, 6, 1));
        assert!(found.is_empty(), "{found:?}");
        let found = meetings("The ASEAN summit opened in Jakarta.", (2021, 6, 1));
        assert_eq!(found.len(), 1, "{found:?}");
    }

    /// Issue #11: "the talks with X" in the turn of a speaker of a known state, in a sentence
    /// that names nobody else, are that state's talks.
    #[test]
    fn talks_with_one_party_in_a_ministers_turn_are_the_ministers_states() {
        let found = meetings(
            "FOREIGN MINISTER KULEBA: Thank you. As for the talks with the Russians, there is no progress in them.",
            (2022, 3, 5),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].2, ["Russia", "Ukraine"], "{found:?}");
        // Another party in the sentence: the talks are not the speaker's.
        let found = meetings(
            "FOREIGN MINISTER KULEBA: Thank you. That helps Moldova in the talks with the Russians in Geneva.",
            (2022, 3, 5),
        );
        assert!(
            found.iter().all(|m| m.2.iter().all(|n| n != "Ukraine")),
            "{found:?}"
        );
    }

    /// Issue #10: "a committee, whose meeting planned for 20 February had been postponed":
    /// the relative clause's status and its day-month date are the meeting's; the committee
    /// itself is no meeting.
    #[test]
    fn a_committees_meeting_postponed_in_a_relative_clause() {
        let found = meetings(
            "Kuwait and Iraq agreed to revive a joint ministerial committee, whose meeting with Saudi Arabia planned for 20 February had been postponed.",
            (2012, 3, 15),
        );
        assert_eq!(
            found,
            [(
                "2012-02-20".into(),
                MeetingStatus::Postponed,
                vec!["Kuwait".into(), "Saudi Arabia".into()]
            )]
        );
        let found = meetings(
            "Kuwait and Iraq agreed to revive a joint ministerial committee.",
            (2012, 3, 15),
        );
        assert!(found.is_empty(), "{found:?}");
    }

    /// Issue #10: a list of parties goes on past a title preceded by words of its office
    /// (", Unification Minister X, and First Vice Foreign Minister Y").
    #[test]
    fn a_list_of_officials_goes_on_past_the_words_of_an_office() {
        let found = meetings(
            "In Seoul, Deputy Secretary of State Wendy Sherman will meet with Korean leaders, including Foreign Minister Lee Sun-ho, Unification Minister Choi Min-jae, and First Vice Foreign Minister Han Ji-woo.",
            (2022, 6, 3),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        for name in ["Wendy Sherman", "Lee Sun-ho", "Choi Min-jae", "Han Ji-woo"] {
            assert!(found[0].2.iter().any(|n| n == name), "{name}: {found:?}");
        }
    }

    /// Issue #10: "a meeting of the two countries' commission that had been set for June
    /// ... was cancelled" is the meeting of the parties the article is about, cancelled.
    #[test]
    fn a_meeting_of_the_two_countries_is_theirs() {
        let found = meetings(
            "Thai and Cambodian defence officials met in Bangkok on Monday to agree on a ceasefire.\n\nA meeting of the two countries' border commission that had been set for June in Phnom Penh was cancelled after the clashes.",
            (2025, 7, 30),
        );
        assert!(
            found.iter().any(|m| m.0 == "2025-06"
                && m.1 == MeetingStatus::Cancelled
                && m.2 == ["Cambodia", "Thailand"]),
            "{found:?}"
        );
    }

    /// Issue #10: the meeting that is the subject of a that-clause takes the clause's status.
    #[test]
    fn a_meeting_postponed_in_a_that_clause() {
        let found = meetings(
            "The spokesperson regrets that a meeting between Chad and Sudan, scheduled for today, has been postponed.",
            (2018, 6, 20),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, MeetingStatus::Postponed, "{found:?}");
    }

    /// Issue #10: a meeting "at" a body of one state's government is in that state's
    /// capital, whatever the dateline says.
    #[test]
    fn a_meeting_at_a_ministry_of_one_state_is_in_its_capital() {
        let extraction = extract(&Input {
            title: "",
            body: "JERUSALEM (Wire) - On Monday, Under Secretary of State Jane Miller welcomed Israeli Foreign Minister Dan Levy at the State Department for talks on the border.",
            published: NaiveDate::from_ymd_opt(2007, 12, 5),
        });
        let places: Vec<Option<&str>> = extraction
            .meetings
            .iter()
            .map(|m| m.place.as_ref().map(|p| p.name.as_str()))
            .collect();
        assert_eq!(places, [Some("Washington")]);
    }

    /// Issue #10: talks one came to a capital for, with nobody else named, are talks with
    /// its state; not those with a party named.
    #[test]
    fn arriving_in_a_capital_for_talks_meets_its_state() {
        let found = meetings(
            "Kuwaiti Foreign Minister Salem Al-Sabah arrived in Baghdad on Wednesday for talks on border disputes. Ties with Iraq have been strained for decades.",
            (2012, 3, 15),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].2, ["Iraq", "Salem Al-Sabah"], "{found:?}");
        let found = meetings(
            "Kuwaiti Foreign Minister Salem Al-Sabah arrived in Baghdad on Wednesday for talks with Syrian officials. Ties with Iraq have been strained for decades.",
            (2012, 3, 15),
        );
        assert!(
            found.iter().all(|m| m.2.iter().all(|n| n != "Iraq")),
            "{found:?}"
        );
    }

    /// Issue #10: "they" meeting after a subject named by its body are that body.
    #[test]
    fn they_meet_after_a_bodys_ministers_are_the_body() {
        let found = meetings(
            "The Dutch minister said EU foreign ministers would discuss sanctions when they meet in Brussels on Monday.",
            (2014, 3, 11),
        );
        assert_eq!(
            found,
            [(
                "2014-03-17".into(),
                MeetingStatus::Planned,
                vec!["European Union".into()]
            )]
        );
    }

    /// Issue #10: "the two men" are persons; without a meeting of two persons before, they
    /// are not the bodies of another meeting.
    #[test]
    fn the_two_men_are_never_a_body() {
        let found = meetings(
            "NATO foreign ministers met in Brussels on Monday.\n\nThe two men last met in Oslo in January.",
            (2014, 3, 11),
        );
        assert!(
            found
                .iter()
                .all(|m| m.0 != "2014-01" || m.2.iter().all(|n| n != "NATO")),
            "{found:?}"
        );
    }

    /// Issue #10: a meeting proposed after a demand in the same sentence ("called for a
    /// ceasefire and proposed a summit") is a proposed meeting, not part of the demand.
    #[test]
    fn a_summit_proposed_after_a_demand_is_proposed() {
        let found = meetings(
            "Envoys of the African Union called for an immediate ceasefire and proposed a summit of IGAD leaders in Addis Ababa.",
            (2023, 6, 6),
        );
        assert!(
            found.iter().any(|m| m.1 == MeetingStatus::Proposed
                && m.2
                    .iter()
                    .any(|n| n == "Intergovernmental Authority on Development")),
            "{found:?}"
        );
        // Demanded without a status verb of its own, it stays a demand.
        let found = meetings(
            "Envoys of the African Union called for an immediate ceasefire and a summit of IGAD leaders in Addis Ababa.",
            (2023, 6, 6),
        );
        assert!(
            found.iter().all(|m| m.1 != MeetingStatus::Proposed),
            "{found:?}"
        );
    }

    /// Issue #10: "X and Y called on Z to ..., as the two met in Riga": the clause of time
    /// is no part of the demand, and "the two" are the persons of the main subject.
    #[test]
    fn the_two_meeting_in_a_clause_after_a_demand_are_the_main_subjects() {
        let found = meetings(
            "Polish Foreign Minister Adam Nowicki and his Czech counterpart Petr Dvorak on Tuesday called on Belarus to open its border, as the two met in Warsaw for talks.",
            (2014, 3, 12),
        );
        assert_eq!(
            found,
            [(
                "2014-03-11".into(),
                MeetingStatus::Held,
                vec!["Adam Nowicki".into(), "Petr Dvorak".into()]
            )]
        );
        // "as set out in" the texts of a conference is still part of the demand.
        let found = meetings(
            "We call on the parties to hold elections soon, as set out in the declaration of the Paris Conference on Libya.",
            (2021, 6, 1),
        );
        assert!(found.is_empty(), "{found:?}");
    }

    /// Issue #11: "X was just in Egypt meeting with our Egyptian counterparts": the subject
    /// of "was" takes part, not the place; a pronoun there is left to other rules.
    #[test]
    fn the_one_who_is_in_a_place_meeting_takes_part() {
        let found = meetings(
            "Assistant Secretary of State Barbara Lane was just in Egypt meeting with our Egyptian counterparts.",
            (2022, 7, 10),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].2, ["Barbara Lane", "Egypt"], "{found:?}");
    }
    #[test]
    fn a_joint_statements_we_is_the_parties_its_apposition_names() {
        let body = "We, the Foreign Ministers of Chile, Peru and Bolivia, met today in Lima to \
                    discuss water.\n\nWe have agreed to meet again in Quito next month.\n\n\
                    We, the people, met nobody.";
        let found = meetings(body, (2024, 2, 14));
        let parties = vec!["Bolivia".to_string(), "Chile".into(), "Peru".into()];
        assert_eq!(
            found,
            vec![
                ("2024-02-14".into(), MeetingStatus::Held, parties.clone()),
                ("2024-03".into(), MeetingStatus::Planned, parties),
            ]
        );
    }
    #[test]
    fn a_date_before_a_coordinated_verb_phrase_dates_the_one_before() {
        let body = "Foreign Minister Ali al-Rashed met Foreign Minister Hoshyar Zebari on \
                    Wednesday and was received by the prime minister on Thursday.";
        let found = meetings(body, (2012, 3, 16));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "2012-03-14");
    }
    #[test]
    fn travelling_to_a_capital_for_consultations_meets_its_state_named_nowhere_else() {
        for body in [
            "Assistant Secretary Daniel Whitcombe will travel to Moscow next week for \
             expert-level consultations.",
            "Assistant Secretary Daniel Whitcombe will travel to Moscow next week for talks.",
        ] {
            let found = meetings(body, (2011, 6, 10));
            assert_eq!(
                found,
                vec![(
                    "2011-06".into(),
                    MeetingStatus::Planned,
                    vec!["Daniel Whitcombe".to_string(), "Russia".into()]
                )],
                "{body}"
            );
        }
        // An ambassador recalled for consultations meets nobody.
        let body = "Paris recalled Ambassador Philippe Etienne for consultations on Friday.";
        assert_eq!(meetings(body, (2021, 9, 17)), vec![]);
    }
    #[test]
    fn a_courtesy_call_on_someone_is_a_meeting_with_them_and_a_call_on_a_state_no_meeting() {
        let body = "Vice Minister Luvsan Ganzorig paid a courtesy call on Foreign Minister \
                    Yun Byung-se on Wednesday.";
        assert_eq!(
            meetings(body, (2013, 5, 30)),
            vec![(
                "2013-05-29".into(),
                MeetingStatus::Held,
                vec!["Luvsan Ganzorig".to_string(), "Yun Byung-se".into()]
            )]
        );
        let body = "Foreign Minister Yun Byung-se renewed his call on North Korea to stop testing.";
        assert_eq!(meetings(body, (2013, 5, 30)), vec![]);
    }
    #[test]
    fn those_who_launch_a_dialogue_take_part_in_it() {
        let body = "Yesterday in Washington, Under Secretary Uzra Zeya and Honduran Foreign \
                    Minister Enrique Reina launched the United States-Honduras Strategic Dialogue.";
        let found = meetings(body, (2022, 4, 26));
        assert_eq!(found.len(), 1, "{found:?}");
        for name in ["Enrique Reina", "Uzra Zeya", "Honduras", "United States"] {
            assert!(found[0].2.contains(&name.to_string()), "{name}: {found:?}");
        }
    }
    #[test]
    fn the_words_of_an_office_lead_to_its_holder_and_name_no_party() {
        let body = "Liu Xiaoming said on March 9 that talks were needed. On March 10, \
                    Special Representative Sung Kim called PRC Special Representative on Korean \
                    Peninsula Affairs Liu Xiaoming to discuss the launches. Special Envoy Tim Lenderking met Special Envoy for Yemen Martin \
                    Griffiths in Riyadh on March 11.";
        let found = meetings(body, (2022, 3, 12));
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].2.contains(&"Liu Xiaoming".to_string()),
            "{found:?}"
        );
        assert!(
            found[1].2.contains(&"Martin Griffiths".to_string()),
            "{found:?}"
        );
        assert!(!found[1].2.contains(&"Yemen".to_string()), "{found:?}");
    }
    #[test]
    fn a_long_name_with_and_and_a_short_quotation_keeps_its_parties_and_tense() {
        let body = "On March 3, Minister Kitamura Shinji held a telephone talk with Secretary \
                    Ramon Castaneda. The two ministers concurred to hold the Japan-Philippines \
                    \"2+2\" Foreign and Defense Ministerial Meeting at an early date.";
        let found = meetings(body, (2022, 3, 3));
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, "2022-03-03");
        assert_eq!(found[0].1, MeetingStatus::Held);
        assert_eq!(found[1].1, MeetingStatus::Planned);
        assert!(found[1].2.contains(&"Japan".to_string()), "{found:?}");
        assert!(found[1].2.contains(&"Philippines".to_string()), "{found:?}");
    }

    #[test]
    fn those_who_agree_to_hold_a_meeting_are_its_parties() {
        let body = "Foreign Minister Taro Kono and Foreign Secretary Teodoro Locsin agreed to \
                    hold a ministerial meeting in Manila next month.";
        assert_eq!(
            meetings(body, (2019, 6, 10)),
            vec![(
                "2019-07".into(),
                MeetingStatus::Planned,
                vec!["Taro Kono".to_string(), "Teodoro Locsin".into()]
            )]
        );
    }
    #[test]
    fn the_persons_in_a_joint_statements_apposition_are_parties_not_its_subject() {
        let body = "We, the foreign ministers of Chile and Peru, Ana Soto and Luis Rojas, met \
                    today in Lima.";
        let found = meetings(body, (2024, 2, 14));
        assert_eq!(found.len(), 1, "{found:?}");
        for name in ["Chile", "Peru", "Ana Soto", "Luis Rojas"] {
            assert!(found[0].2.contains(&name.to_string()), "{name}: {found:?}");
        }
    }
    #[test]
    fn the_head_of_a_delegation_met_takes_part() {
        let body = "Special Envoy Khalid Al-Kuwari met today in Doha with a delegation of the \
                    Political Office of the Taliban movement headed by Mawlawi Abdul Qadir Rahimi.";
        let found = meetings(body, (2021, 8, 19));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].2.contains(&"Abdul Qadir Rahimi".to_string()),
            "{found:?}"
        );
        assert!(found[0].2.contains(&"Taliban".to_string()), "{found:?}");
    }

    /// Issue #10: "the two countries' presidents" and "the leaders of the two countries" are
    /// both states last named, not the first.
    #[test]
    fn the_leaders_of_the_two_countries_are_both_states() {
        let found = meetings(
            "Foreign Minister Hugh Todd of Guyana and Foreign Minister Yvan Gil of Venezuela met in Brasilia on Thursday.\n\nThe two countries' presidents, who met in Kingstown in December, agreed not to use force.\n\nTodd recalled that the leaders of the two countries met in Caracas in April.",
            (2024, 1, 20),
        );
        for date in ["2023-12", "2023-04"] {
            let meeting = found.iter().find(|m| m.0 == date).expect(date);
            assert_eq!(
                meeting.2,
                vec!["Guyana".to_string(), "Venezuela".to_string()]
            );
        }
    }

    /// Issue #10: "had agreed to meet again in Brazil, but that meeting has been pushed back":
    /// a second meeting, undated, postponed; not the first one's day.
    #[test]
    fn meeting_again_is_another_meeting_undated_by_the_first() {
        let found = meetings(
            "The presidents of Guyana and Venezuela, who met in Argyle, St. Vincent and the Grenadines, on Dec. 14, had agreed to meet again in Brazil within three months, but that meeting has been pushed back.",
            (2024, 1, 23),
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.contains(&(
            "2023-12-14".into(),
            MeetingStatus::Held,
            vec!["Guyana".into(), "Venezuela".into()]
        )));
        assert!(found.contains(&(
            "-".into(),
            MeetingStatus::Postponed,
            vec!["Guyana".into(), "Venezuela".into()]
        )));
        // A town the dictionaries do not know is placed by the state named after it.
        let extraction = extract(&Input {
            title: "",
            body: "The presidents of Guyana and Venezuela met in Argyle, St. Vincent and the Grenadines, on Dec. 14.",
            published: NaiveDate::from_ymd_opt(2024, 1, 23),
        });
        let place = extraction.meetings[0]
            .place
            .as_ref()
            .map(|p| p.name.clone());
        assert_eq!(place.as_deref(), Some("Saint Vincent and the Grenadines"));
    }

    /// Issue #10: a capital written another way ("Kiev", "Nay Pyi Taw", "Bogota") is the
    /// city, not its country.
    #[test]
    fn a_capital_in_another_spelling_is_the_city() {
        for (body, city) in [
            (
                "Lavrov met Kuleba's deputy Emine Dzhaparova in Kiev on Monday.",
                "Kyiv",
            ),
            (
                "Special Envoy Lu Wenhai met Union Minister U Kyaw Min Thant in Nay Pyi Taw on Monday.",
                "Naypyidaw",
            ),
            (
                "Secretary of State Marco Rubio met Foreign Minister Luis Gilberto Murillo in Bogota on Monday.",
                "Bogotá",
            ),
        ] {
            let extraction = extract(&Input {
                title: "",
                body,
                published: NaiveDate::from_ymd_opt(2024, 6, 5),
            });
            let places: Vec<Option<String>> = extraction
                .meetings
                .iter()
                .map(|m| m.place.as_ref().map(|p| p.name.clone()))
                .collect();
            assert_eq!(places, vec![Some(city.to_string())], "{body}");
        }
    }

    /// Issue #10: "spoke with X, and separately with Y": Y is not at the call with X.
    #[test]
    fn a_party_met_separately_is_not_at_the_same_meeting() {
        let found = meetings(
            "EU envoy Miroslav Lajcak spoke by phone on Monday with Serbia's chief negotiator, Petar Petkovic, and separately with Kosovo's Besnik Bislimi, his office said.",
            (2022, 12, 20),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            !found[0].2.contains(&"Besnik Bislimi".to_string()),
            "{found:?}"
        );
        assert!(
            found[0].2.contains(&"Petar Petkovic".to_string()),
            "{found:?}"
        );
    }

    /// Issue #10/#11: "Poland's prime minister", named nowhere in the text, is the officeholder
    /// of the day, kept as an implied participant; the states named are the parties
    /// (GOLD_FORMAT.md: the state when no person is named).
    #[test]
    fn an_office_described_by_its_state_is_its_holder_implied_and_the_state_a_party() {
        let body = "Ukraine's president met Poland's prime minister in Kyiv on Tuesday.";
        let found = meetings(body, (2022, 5, 5));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].2,
            vec!["Poland".to_string(), "Ukraine".to_string()]
        );
        let extraction = extract(&Input {
            title: "",
            body,
            published: NaiveDate::from_ymd_opt(2022, 5, 5),
        });
        let implied: Vec<&str> = extraction.meetings[0]
            .participants
            .iter()
            .filter(|p| p.implied)
            .map(|p| extraction.actors[p.actor.0].name.as_str())
            .collect();
        assert!(implied.contains(&"Mateusz Morawiecki"), "{implied:?}");
        assert!(implied.contains(&"Volodymyr Zelenskyy"), "{implied:?}");
    }

    #[test]
    fn the_session_several_parties_are_met_at_is_that_meeting() {
        // Ministers of several states met "at" a body's session: one meeting, the body in it.
        let found = meetings(
            "Canadian Foreign Minister Ana Roy met on Monday with the foreign ministers of Chile, Peru and Ecuador at the 12th Annual Organization of American States (OAS) Ministerial Meeting in Lima.",
            (2023, 5, 10),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .2
                .iter()
                .any(|p| p == "Organization of American States"),
            "{found:?}"
        );
        // One counterpart met at a summit: a meeting on its margins, and the summit.
        let found = meetings(
            "Canadian Foreign Minister Ana Roy will meet her Chilean counterpart at a Organization of American States meeting in Lima next month.",
            (2023, 5, 10),
        );
        assert_eq!(found.len(), 2, "{found:?}");
        // The session of a relative clause is another meeting.
        let found = meetings(
            "Canadian Foreign Minister Ana Roy met on Monday with the foreign ministers of Chile, Peru and Ecuador, who represented their countries at the Organization of American States meeting in Lima.",
            (2023, 5, 10),
        );
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn ordinals_in_figures_and_short_forms_in_brackets_stay_in_a_meetings_name() {
        use super::is_ordinal_figure;
        assert!(is_ordinal_figure("28th") && is_ordinal_figure("1st") && is_ordinal_figure("22nd"));
        assert!(!is_ordinal_figure("2022") && !is_ordinal_figure("th") && !is_ordinal_figure("G7"));
        let extraction = extract(&Input {
            title: "",
            body: "Ministers met in Lima for the 12th Annual Organization of American States (OAS) Ministerial Meeting on Monday.",
            published: NaiveDate::from_ymd_opt(2023, 5, 10),
        });
        let labels: Vec<&str> = extraction
            .meetings
            .iter()
            .filter_map(|m| m.label.as_deref())
            .collect();
        assert_eq!(
            labels,
            ["12th Annual Organization of American States (OAS) Ministerial Meeting"]
        );
    }

    #[test]
    fn a_meeting_looked_forward_to_is_planned() {
        let found = meetings(
            "We look forward to the fifth dialogue session between Chile and Peru.",
            (2021, 7, 29),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, MeetingStatus::Planned);
        // What is looked forward to is another thing, the meeting its source.
        let found = meetings(
            "We look forward to the reports from the talks between Chile and Peru.",
            (2021, 7, 29),
        );
        assert!(
            !found.is_empty() && found.iter().all(|m| m.1 != MeetingStatus::Planned),
            "{found:?}"
        );
    }
}
