//! Demands: who asks, urges, calls for or insists on what, of whom, and how it was answered.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use super::clause::{self, Subject};
use super::statements::Said;
use super::{ActorKind, ActorRef, Answer, AnswerKind, Aspect, Demand, Evidence, Meeting};
use crate::text::analysis::{Analysis, How};
use crate::text::lexicon::{DemandPattern, PhraseTarget};
use crate::text::tokens::TokenKind;

/// The closed word classes the demand rules read, from `data/dictionaries/demand_words.csv`.
struct DemandWords {
    /// Past tenses of verbs of action that do not end in -ed, with their base form.
    irregular_past: HashMap<String, String>,
    /// Generic organs of a state ("the authorities"): an addressee named so is the state the
    /// demand is about.
    state_organs: HashSet<String>,
    /// Words that make a clause's subject the speaker's own side or no party at all ("we
    /// must", "it must be said", "there must be").
    not_addressed: HashSet<String>,
    /// "both sides", "the warring parties": the parties in dispute.
    sides: HashSet<String>,
    /// "the rebels", "the movement": an armed or political group of the article.
    groups: HashSet<String>,
    /// "addressing the Thai side", "in a message to": who a quotation is said to.
    addressing: HashSet<String>,
    /// Endings of nouns of action ("compensation", "withdrawal"): such a noun without a
    /// determiner may be the last item of a list of things demanded.
    noun_endings: Vec<String>,
    /// "told Israel": verbs of telling, whose object is the party a quotation is said to.
    telling: HashSet<String>,
    /// "the lifting of", "the withdrawal of": nouns of undoing, whose object's owner is the
    /// party asked ("the lifting of the Israeli blockade" is asked of Israel).
    undoing: HashSet<String>,
    /// "so that", "until", "unless": words that open a subordinate clause, inside which "and"
    /// joins that clause's verbs, not things demanded.
    subordinators: HashSet<String>,
    /// "encouraged", "wants": verbs of hoping that another party does something.
    hoping: HashSet<String>,
    /// Adverbs that do not end in -ly and may stand before a verb ("and instead engage").
    verb_adverbs: HashSet<String>,
    /// Words that open an indirect question after a verb of asking or telling: "would not be
    /// told what to do" is no demand.
    question_words: HashSet<String>,
    /// What a party is wished or expected to do for its own good or to take part, not asked
    /// of it: "we want Sweden to join as soon as possible", "expect Ukraine to win".
    welcome_acts: HashSet<String>,
    /// Verbs of wanting, seeking and ordering, with their pattern (`party_to`, `asked_of`,
    /// `order_to`, as in `demand_cues.csv`): demand cues that only this extractor reads.
    verb_cues: HashMap<String, String>,
    /// Words before a verb of wishing that suppose or deny the wish ("would want", "don't
    /// expect").
    not_wished: HashSet<String>,
    /// Words of answering a demand, each the beginning of a word ("reject") or two whole words
    /// ("turned down"), with the answer they give ("rejected", "accepted").
    answers: HashMap<String, String>,
    /// Subject pronouns: after ", as" they open a clause of time or reason ("..., as they
    /// gathered for the summit"), not a part of what is demanded ("..., as agreed in Minsk").
    subject_pronouns: HashSet<String>,
}

static WORDS: LazyLock<DemandWords> = LazyLock::new(|| {
    let csv = include_str!("../../data/dictionaries/demand_words.csv");
    DemandWords {
        irregular_past: super::words::pairs(csv, "irregular_past"),
        state_organs: super::words::list(csv, "state_organ"),
        not_addressed: super::words::list(csv, "not_addressed"),
        sides: super::words::list(csv, "sides"),
        groups: super::words::list(csv, "group"),
        addressing: super::words::list(csv, "addressing"),
        telling: super::words::list(csv, "telling"),
        noun_endings: super::words::list(csv, "noun_ending").into_iter().collect(),
        undoing: super::words::list(csv, "undoing"),
        subordinators: super::words::list(csv, "subordinator"),
        hoping: super::words::list(csv, "hoping"),
        verb_adverbs: super::words::list(csv, "verb_adverb"),
        question_words: super::words::list(csv, "question_word"),
        subject_pronouns: super::words::list(csv, "subject_pronoun"),
        answers: super::words::pairs(csv, "answer"),
        not_wished: super::words::list(csv, "not_wished"),
        verb_cues: super::words::pairs(csv, "verb_cue"),
        welcome_acts: super::words::list(csv, "welcome_act"),
    }
});

pub fn find(a: &Analysis<'_>, meetings: &[Meeting], said: &[Said]) -> Vec<Demand> {
    let mut demands = Vec::new();
    obligations(a, &mut demands);
    in_what_was_said(a, meetings, said, &mut demands);
    for (s, sentence) in a.sentences.iter().enumerate() {
        let range = sentence.tokens.clone();
        // The voice the sentence is in: a transcript turn's speaker, or the issuer of a press
        // statement whose body this is ("We call on Belarus to ..." under a byline).
        let turn_speaker = a
            .turns
            .iter()
            .find(|t| t.body.contains(&range.start))
            .and_then(|t| t.speaker)
            .or_else(|| {
                said.iter()
                    .find(|x| x.voice && x.content.contains(&range.start))
                    .map(|x| x.speaker)
            });
        // In a quotation, "we call on Russia to" is the quoted speaker's demand.
        let quote_speaker = |k: usize| {
            said.iter()
                .find(|x| x.direct && !x.voice && x.content.contains(&k))
                .map(|x| x.speaker)
        };
        // "QUESTION: He asked for ...": the sentence starts at the label.
        let in_question = a.turns.iter().any(|t| {
            t.is_question && (t.body.contains(&range.start) || t.label.contains(&range.start))
        });
        if in_question {
            continue;
        }
        let mut k = range.start;
        let mut last_by: Option<Subject> = None;
        while k < range.end {
            let Some((cue_form, cue_pattern, cue_end)) = cue_at(a, k) else {
                k += 1;
                continue;
            };
            // Quotations are read for demands in the voice of their speaker.
            let speaker = if a.quoted[k] {
                turn_speaker.or_else(|| quote_speaker(k))
            } else {
                turn_speaker
            };
            if a.quoted[k] && speaker.is_none() {
                k = cue_end;
                continue;
            }
            // Within a quotation the clause starts where the quotation does.
            let clause = if a.quoted[k] && turn_speaker.is_none() {
                let open = (range.start..k)
                    .rev()
                    .find(|&j| !a.quoted[j])
                    .map_or(range.start, |j| j + 1);
                let close = (k..range.end).find(|&j| !a.quoted[j]).unwrap_or(range.end);
                open..close
            } else {
                range.clone()
            };
            if asked_to_ask(a, range.start, k) {
                k = cue_end;
                continue;
            }
            let found = read_demand(a, clause, k, cue_end, cue_pattern, speaker, &last_by);
            if let Some(found) = found {
                // A demand made jointly is one demand, under its first-named maker; a demand of
                // several addressees is one demand of each.
                let by_actors: Vec<Option<ActorRef>> = match &found.by {
                    Subject::Actors(actors) => vec![actors.first().copied()],
                    Subject::Unnamed => vec![None],
                };
                // A demand that its addressee answered was made of the one answering ("Israel
                // rejected Hamas's demand for a ceasefire": of Israel).
                let answerer = found.answer.as_ref().and_then(|x| x.by);
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
                                of.or_else(|| {
                                    infer_addressee(a, *by, content.clone(), meetings, answerer)
                                })
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
                                cue: Some(cue_form.clone()),
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

/// The demand cue at token `k`: its form, how it takes its addressee and content, and where it
/// ends. Besides the cues of `data/dictionaries/demand_cues.csv`, the verbs of `verb_cue` in
/// `demand_words.csv` ("want", "sought", "ordered"): verbs that are a demand only in the frames
/// their pattern admits, and that the other extractors do not read as cues.
fn cue_at(a: &Analysis<'_>, k: usize) -> Option<(String, DemandPattern, usize)> {
    if let Some((i, end)) = a.demand_cue_at(k) {
        let cue = &a.lexicon.demand_cues[i];
        return Some((cue.form.clone(), cue.pattern, end));
    }
    let pattern = WORDS.verb_cues.get(a.lower(k))?;
    let pattern = match pattern.as_str() {
        "asked_of" => DemandPattern::AskedOf,
        "order_to" => DemandPattern::OrderTo,
        _ => DemandPattern::PartyTo,
    };
    (a.mention(k).is_none() && a.phrase(k).is_none())
        .then(|| (a.lower(k).to_string(), pattern, k + 1))
}

/// "encouraged the PRC to urge the DPRK to ...": a demand someone is hoped or asked to make is
/// not one made (`hoping` in `data/dictionaries/demand_words.csv` lists the verbs before it).
fn asked_to_ask(a: &Analysis<'_>, sentence_start: usize, cue: usize) -> bool {
    if cue < sentence_start + 3 || a.lower(cue - 1) != "to" {
        return false;
    }
    let mut k = cue - 1;
    let mut named = false;
    while k > sentence_start && cue - k <= 8 {
        k -= 1;
        if let Some(m) = a.mention(k) {
            if m.is_place {
                return false;
            }
            named = true;
            k = m.tokens.start;
            continue;
        }
        if named && WORDS.hoping.contains(a.lower(k)) {
            return true;
        }
        if !matches!(
            a.lower(k),
            "the" | "its" | "their" | "both" | "all" | "and" | ","
        ) {
            return false;
        }
    }
    false
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
            let pronoun = (start..k)
                .any(|j| WORDS.not_addressed.contains(a.lower(j)) || a.lower(j) == "they");
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

/// A demand read in what a speaker said, before it is split and addressed.
struct SaidDemand {
    /// The party the demand is laid on, when the clause names it.
    of: Option<ActorRef>,
    content: Range<usize>,
    cue: String,
    /// Whether the content may be a list of things demanded.
    list: bool,
}

/// Demands made in what a speaker said (GOLD_FORMAT.md, "Conventions settled since"): an
/// obligation laid on another party ("said that Libya's leaders must compromise", “Aid
/// convoys must be able to reach the south”), a condition ("the talks could resume only if
/// the RSF withdrew its fighters") and, in a quotation, an imperative (“Send your troops back
/// to their barracks”).
fn in_what_was_said(a: &Analysis<'_>, meetings: &[Meeting], said: &[Said], out: &mut Vec<Demand>) {
    // The demands (indices in `out`) whose addressee was guessed, not named.
    let mut guessed: Vec<usize> = Vec::new();
    let first = out.len();
    // A press statement's body is read sentence by sentence like a turn, below.
    for said in said.iter().filter(|x| !x.voice) {
        let content = said.content.clone();
        let mut start = content.start;
        while start < content.end {
            let s = a.sentence_of(start);
            let end = a.sentences[s].tokens.end.min(content.end).max(start + 1);
            let piece = start..end;
            start = end;
            // Questions ask; they do not demand.
            if piece.clone().any(|k| a.word(k) == "?") {
                continue;
            }
            let found = condition(a, said.speaker, piece.clone())
                .or_else(|| obligation(a, said.speaker, said.direct, piece.clone()))
                .or_else(|| said.direct.then(|| imperative(a, piece.clone())).flatten());
            let Some(found) = found else {
                continue;
            };
            let parts = if found.list {
                split_demands(a, found.content.start, found.content.end)
            } else {
                vec![found.content.clone()]
            };
            let by = Some(said.speaker);
            for part in parts {
                let text = a.text_of(part.clone());
                if out.iter().any(|d| d.by == by && d.text == text) {
                    continue;
                }
                let named = found
                    .of
                    .or_else(|| addressed_in_attribution(a, said.speaker, part.clone()));
                if named.is_none() {
                    guessed.push(out.len());
                }
                let of = named.or_else(|| infer_addressee(a, by, part.clone(), meetings, None));
                out.push(Demand {
                    event: None,
                    by,
                    by_party: a.party_of(said.speaker).filter(|&p| p != said.speaker),
                    of,
                    of_party: of.and_then(|o| a.party_of(o)).filter(|p| Some(*p) != of),
                    text,
                    cue: Some(found.cue.clone()),
                    answer: None,
                    when: clause::sentence_when(a, s),
                    meeting: None,
                    evidence: vec![Evidence {
                        aspect: Aspect::Fact,
                        span: a.token_span(a.sentences[s].tokens.clone()),
                    }],
                });
            }
        }
    }
    // "Talks can resume only if Bogotá stops the spraying," and “Stop the spraying first”: a
    // speaker's demand with no addressee of its own is laid on the party the speaker's other
    // demands name.
    for &i in &guessed {
        let named = (first..out.len())
            .filter(|j| !guessed.contains(j))
            .find(|&j| out[j].by == out[i].by && out[j].of.is_some())
            .map(|j| (out[j].of, out[j].of_party));
        if let Some((of, of_party)) = named {
            out[i].of = of;
            out[i].of_party = of_party;
        }
    }
}

/// Whether an actor speaks for the same side as the speaker.
fn same_side(a: &Analysis<'_>, speaker: ActorRef, actor: ActorRef) -> bool {
    let party = a.party_of(speaker);
    actor == speaker || Some(actor) == party || (party.is_some() && a.party_of(actor) == party)
}

/// The party named as the subject of a clause: the first actor the words name, unless it is
/// the speaker's own side. `None` inside: the subject names no actor; `None` outside: it is
/// the speaker's side or no party ("we", "it").
fn subject_party(
    a: &Analysis<'_>,
    speaker: ActorRef,
    subject: Range<usize>,
) -> Option<Option<ActorRef>> {
    if subject
        .clone()
        .any(|k| WORDS.not_addressed.contains(a.lower(k)))
    {
        return None;
    }
    // The head's party, not one named in a phrase after it ("peace in Myanmar").
    let actor = subject.clone().find_map(|k| {
        let after_preposition = k > subject.start
            && matches!(
                a.lower(k - 1),
                "in" | "of" | "for" | "on" | "at" | "with" | "from" | "to" | "by" | "against"
            );
        a.mention(k)
            .filter(|m| !m.is_place && m.tokens.start == k && !after_preposition)
            .and_then(|m| m.actors.first().copied())
    });
    match actor {
        Some(actor) if same_side(a, speaker, actor) => None,
        actor => Some(actor),
    }
}

/// "only if the RSF withdrew its fighters ... and handed back the homes it had seized":
/// what is asked of the subject of the condition.
fn condition(a: &Analysis<'_>, speaker: ActorRef, piece: Range<usize>) -> Option<SaidDemand> {
    // "until the coalition met three conditions: A, B and C".
    if let Some(colon) = piece.clone().find(|&k| {
        a.word(k) == ":" && matches!(a.lower(k.saturating_sub(1)), "conditions" | "demands")
    }) {
        let of = (piece.start..colon).rev().find_map(|k| {
            a.mention(k)
                .filter(|m| !m.is_place && m.how != How::Pronoun)
                .and_then(|m| m.actors.first().copied())
                .filter(|&x| !same_side(a, speaker, x))
        });
        let end = demand_end(a, colon + 1, piece.end);
        if of.is_some() && end > colon + 1 {
            return Some(SaidDemand {
                of,
                content: colon + 1..end,
                cue: a.text_of(colon - 1..colon + 1),
                list: true,
            });
        }
    }
    let (cue, clause_start) =
        piece
            .clone()
            .find_map(|k| match (a.lower(k), a.lower(k + 1), a.lower(k + 2)) {
                ("only", "if", _) => Some((k, k + 2)),
                ("unless", _, _) => Some((k, k + 1)),
                ("on", "condition", "that") => Some((k, k + 3)),
                _ => None,
            })?;
    if clause_start >= piece.end {
        return None;
    }
    // The subject: the words before the condition's verb.
    let verb = (clause_start + 1..piece.end.min(clause_start + 10))
        .find(|&k| a.mention(k).is_none() && is_verb_form(a, k))?;
    // "only if the group acts": a described party, the group (or state) the passage names.
    let of = subject_party(a, speaker, clause_start..verb)?.or_else(|| {
        described_addressee(
            a,
            clause_start..verb,
            clause_start,
            clause_start,
            &Subject::Actors(vec![speaker]),
        )
    })?;
    let end = demand_end(a, verb, piece.end);
    (end > verb).then(|| SaidDemand {
        of: Some(of),
        content: verb..end,
        cue: a.text_of(cue..clause_start),
        list: true,
    })
}

/// "Libya's leaders must make the necessary compromises", “Aid convoys must be able to reach
/// the south”, "the SPLM-IO's withdrawal ... must be immediately reversed": an obligation laid
/// on someone other than the speaker's side. When the subject is the party addressed, the
/// demand is what it must do; otherwise it is the whole clause.
fn obligation(
    a: &Analysis<'_>,
    speaker: ActorRef,
    direct: bool,
    piece: Range<usize>,
) -> Option<SaidDemand> {
    let (modal, after) = piece.clone().find_map(|k| {
        match (a.lower(k), a.lower(k + 1)) {
            // "must have known" supposes; it does not oblige.
            ("must", next) if !matches!(next, "have" | "'ve" | "’ve") => Some((k, k + 1)),
            ("has" | "have", "to") if a.lower(k.saturating_sub(1)) != "to" => Some((k, k + 2)),
            _ => None,
        }
    })?;
    if after >= piece.end || !a.tokens[after].kind.eq(&TokenKind::Word) {
        return None;
    }
    // The subject runs back to the clause's start.
    let mut subject_end = modal;
    while subject_end > piece.start
        && matches!(
            a.lower(subject_end - 1),
            "also" | "now" | "still" | "simply" | "really" | "first" | "urgently" | "immediately"
        )
    {
        subject_end -= 1;
    }
    let coordinated = subject_end > piece.start && a.lower(subject_end - 1) == "and";
    let subject_start = if coordinated {
        piece.start
    } else {
        (piece.start..subject_end)
            .rev()
            .find(|&k| {
                matches!(
                    a.lower(k),
                    "," | ";"
                        | ":"
                        | "that"
                        | "but"
                        | "because"
                        | "so"
                        | "if"
                        | "when"
                        | "while"
                        | "—"
                        | "–"
                        | "and"
                )
            })
            .map_or(piece.start, |k| k + 1)
    };
    let subject = subject_start..if coordinated {
        subject_end - 1
    } else {
        subject_end
    };
    if subject.is_empty() || subject.len() > 16 {
        return None;
    }
    // "that any ceasefire must ensure that ...": what something must do, not a party.
    let of = subject_party(a, speaker, subject.clone())?;
    // Reported, "said the violence must stop" states a view; a demand names whom it binds.
    if !direct && of.is_none() {
        return None;
    }
    let end = if direct {
        let mut end = piece.end;
        while end > after && matches!(a.word(end - 1), "." | "!" | "," | "”" | "\"") {
            end -= 1;
        }
        end
    } else {
        demand_end(a, after, piece.end)
    };
    if end <= after {
        return None;
    }
    // "Serbia must remove the barricades": what the party addressed must do.
    let names_party = of.is_some_and(|of| {
        subject.clone().all(|k| {
            a.mention(k).is_some_and(|m| m.actors.contains(&of))
                || matches!(a.lower(k), "the" | "'s" | "’s")
                || WORDS.state_organs.contains(a.lower(k))
        })
    });
    let start = if names_party { after } else { subject.start };
    Some(SaidDemand {
        of,
        content: start..end,
        cue: a.text_of(modal..after),
        list: names_party,
    })
}

/// “Send your troops back to their barracks, release the president and give Malians a date
/// for elections”: a quoted sentence that opens with a verb of action is a demand of the one
/// addressed.
fn imperative(a: &Analysis<'_>, piece: Range<usize>) -> Option<SaidDemand> {
    let mut first = piece.start;
    while first < piece.end && a.tokens[first].kind != TokenKind::Word {
        first += 1;
    }
    let word = a.lower(first);
    let next = a.lower(first + 1);
    let opens = match word {
        // "Let us", "let me" propose; "Let our villagers go home" asks.
        "let" => !matches!(next, "me" | "us" | "'s" | "’s"),
        "do" | "don't" | "don’t" => next == "not" || word != "do",
        // "Make no mistake": a figure of speech.
        "make" => next != "no",
        _ => a.lexicon.action_verbs.contains(word),
    };
    // “Free and Open Indo-Pacific” names something; a verb of action takes an object.
    let label = piece
        .clone()
        .filter(|&k| a.tokens[k].kind == TokenKind::Word && a.lower(k).len() > 3)
        .all(|k| a.word(k).chars().next().is_some_and(char::is_uppercase));
    if !opens
        || label
        || first + 1 >= piece.end
        || a.mention(first).is_some()
        || matches!(next, "and" | "or" | "," | "-" | "–")
    {
        return None;
    }
    let mut end = piece.end;
    while end > first && matches!(a.word(end - 1), "." | "!" | "," | "”" | "\"") {
        end -= 1;
    }
    // "and then we can talk": what follows is the speaker's offer, not the demand.
    let end = (first + 1..end)
        .find(|&k| {
            a.word(k) == ","
                && matches!(a.lower(k + 1), "and" | "or" | "but")
                && matches!(a.lower(k + 2), "then" | "we" | "i")
        })
        .unwrap_or(end);
    Some(SaidDemand {
        of: None,
        content: first..end,
        cue: a.word(first).to_string(),
        list: true,
    })
}

/// Whether token `k` is a form of a verb of action ("withdrew", "handed", "stops",
/// "releasing"), or another past tense.
fn is_verb_form(a: &Analysis<'_>, k: usize) -> bool {
    is_action_form(a, k) || clause::is_verb_like(a, k)
}

/// Whether token `k` is a form of a verb of action: "withdraw", "withdrew", "compensated",
/// "stopped", "releasing".
fn is_action_form(a: &Analysis<'_>, k: usize) -> bool {
    let word = a.lower(k);
    let verbs = &a.lexicon.action_verbs;
    if verbs.contains(word) || WORDS.irregular_past.contains_key(word) {
        return true;
    }
    let stem_of = |suffix: &str| word.strip_suffix(suffix).filter(|s| s.len() >= 2);
    let candidates = [
        stem_of("ed"),
        stem_of("d"),
        stem_of("es"),
        stem_of("s"),
        stem_of("ing"),
    ];
    if candidates.iter().flatten().any(|stem| {
        verbs.contains(*stem) || {
            // "stopped" -> "stop", "ied" -> "y".
            let mut chars = stem.chars();
            let last = chars.next_back();
            last.is_some() && chars.next_back() == last && verbs.contains(&stem[..stem.len() - 1])
        }
    }) {
        return true;
    }
    word.strip_suffix("ied")
        .is_some_and(|stem| verbs.contains(&format!("{stem}y")))
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
    // "insisted on Tuesday that the government must": the day, not a thing insisted on.
    let (cue_end, pattern) = match day_then_that(a, cue_end, sentence.end) {
        Some(that) if pattern == DemandPattern::For && a.lower(cue_end - 1) == "on" => {
            (that, DemandPattern::That)
        }
        _ => (cue_end, pattern),
    };
    // A noun: "Moscow’s calls for", "Russia’s demand for".
    let possessor = possessor_before(a, cue).or_else(|| described_possessor(a, cue));
    let noun_use = possessor.is_some()
        || matches!(
            a.lower(cue.saturating_sub(1)),
            "the"
                | "a"
                | "an"
                | "its"
                | "their"
                | "his"
                | "her"
                | "other"
                | "these"
                | "those"
                | "any"
                | "all"
                | "many"
                | "such"
                | "no"
                | "several"
        );
    // "what the President's ordered": verbs of wanting, seeking and ordering are no nouns.
    if noun_use
        && matches!(
            pattern,
            DemandPattern::AskedOf | DemandPattern::OrderTo | DemandPattern::PartyTo
        )
    {
        return None;
    }
    // "a demand by the United States to hand over ...": the maker named after the noun.
    let maker_after = if noun_use && possessor.is_none() {
        maker_after_noun(a, cue_end, sentence.end)
    } else {
        None
    };
    let by = match possessor.or(maker_after.map(|(actor, _)| actor)) {
        Some(actor) => Some(Subject::Actors(vec![actor])),
        None if noun_use => None,
        None => demander(a, sentence.clone(), cue, turn_speaker, last_by),
    }?;
    // "President Biden asked me to come here": in a speaker's own words, a request of the
    // speaker by the speaker's own side is an errand, not a demand of another party.
    if !noun_use
        && matches!(a.lower(cue_end), "me" | "us")
        && let Some(speaker) = turn_speaker
        && let Subject::Actors(demanders) = &by
        && demanders.iter().all(|&d| same_side(a, speaker, d))
    {
        return None;
    }
    let answer = if possessor.is_some() || maker_after.is_some() {
        answer_before(a, sentence.start, cue)
    } else {
        None
    };
    let end_of_clause = demand_end(a, cue_end, sentence.end);
    let (of, content_start) = match pattern {
        _ if noun_use => {
            // "calls for X" / "demand for X" / "demand that X" / "a demand by Y to X": the
            // content follows "for", "that" or "to".
            let after = maker_after.map_or(cue_end, |(_, next)| next);
            let start = match a.lower(after) {
                "for" | "that" => after + 1,
                "to" if is_verb_after_to(a, after + 1) => after + 1,
                _ => after,
            };
            (Vec::new(), start)
        }
        // "would not be told what to do", "asked how to proceed": a question, not a demand.
        DemandPattern::ObjectTo
        | DemandPattern::ObjectToOrFor
        | DemandPattern::ObjectToOrObject
        | DemandPattern::ObjectToOrAskedOf
            if WORDS.question_words.contains(a.lower(cue_end)) =>
        {
            return None;
        }
        DemandPattern::ObjectTo
        | DemandPattern::ObjectToOrFor
        | DemandPattern::ObjectToOrObject => {
            if pattern == DemandPattern::ObjectToOrFor && a.lower(cue_end) == "for" {
                (Vec::new(), cue_end + 1)
            } else {
                match to_infinitive(a, cue_end, end_of_clause) {
                    Some((addressees, to)) => (addressees, after_to(a, to)),
                    // "asked Germany for more air defence systems".
                    None if let Some((party, start)) =
                        party_then_for(a, cue_end, end_of_clause, &by) =>
                    {
                        (vec![party], start)
                    }
                    // "urged de-escalation": no addressee, the object is the demand; "requested
                    // the meeting" asks for a meeting, which the meeting records.
                    None if pattern == DemandPattern::ObjectToOrObject
                        && !names_meeting(a, cue_end, end_of_clause) =>
                    {
                        (Vec::new(), cue_end)
                    }
                    None => return None,
                }
            }
        }
        DemandPattern::ObjectToOrAskedOf => match to_infinitive(a, cue_end, end_of_clause) {
            Some((addressees, to)) => (addressees, after_to(a, to)),
            None => (
                vec![asked_in_object(a, cue_end, end_of_clause, &by)?],
                cue_end,
            ),
        },
        // "sought the extradition of the suspects from Uganda", not "sought to ease tensions".
        DemandPattern::AskedOf => (vec![asked_from(a, cue_end, end_of_clause, &by)?], cue_end),
        // "ordered Myanmar to take all measures", "ordered the junta in Niger to restore": a
        // party other than the one ordering, named or described; not "ordered troops to".
        DemandPattern::OrderTo => {
            let (actors, to, _) = to_infinitive_words(a, cue_end, end_of_clause)?;
            // "ordered his forces to": one's own; "ordering prosecutors in X's ministry to":
            // people, not a party, ordered.
            let described = |k: usize| {
                WORDS.state_organs.contains(a.lower(k))
                    || WORDS.sides.contains(a.lower(k))
                    || WORDS.groups.contains(a.lower(k))
            };
            let first = if a.lower(cue_end) == "the" {
                cue_end + 1
            } else {
                cue_end
            };
            if !(party_right_after(a, cue_end) || described(first))
                || to > cue_end + 6
                || (cue_end..to).any(|k| {
                    WORDS.not_addressed.contains(a.lower(k))
                        || matches!(a.lower(k), "his" | "her" | "its" | "their" | "my")
                        || a.mention(k).is_some_and(|m| m.how == How::Pronoun)
                })
            {
                return None;
            }
            let actors = if actors.is_empty() {
                vec![described_addressee(
                    a,
                    cue_end..to,
                    cue,
                    end_of_clause,
                    &by,
                )?]
            } else {
                actors
            };
            if actors.iter().any(|&x| on_demanders_side(a, &by, x)) {
                return None;
            }
            (actors, after_to(a, to))
        }
        // "we expect Venezuela to respect its rulings", not "we expect prices to rise" or "we
        // expect the Secretary to announce".
        // "would actually want North Korea to", "don't expect Russia to": a wish supposed or
        // denied is not made. The party stands right after the verb ("want more diplomacy
        // with Iran to" names Iran inside a thing wanted).
        DemandPattern::PartyTo
            if WORDS.not_wished.contains(a.lower(cue.saturating_sub(1)))
                || WORDS.not_wished.contains(a.lower(cue.saturating_sub(2)))
                || !party_right_after(a, cue_end) =>
        {
            return None;
        }
        DemandPattern::PartyTo => match to_infinitive(a, cue_end, end_of_clause) {
            Some((addressees, to))
                if !addressees.is_empty()
                    && addressees
                        .iter()
                        .all(|&x| a.actor_kind(x) != ActorKind::Person)
                    && a.lexicon.action_verbs.contains(a.lower(to + 1))
                    && !WORDS.welcome_acts.contains(a.lower(to + 1)) =>
            {
                (addressees, after_to(a, to))
            }
            _ => return None,
        },
        // "calling for the regime to end its repressive practices": the regime is addressed.
        // "calling for both sides to observe the truce": a described party too.
        DemandPattern::For => match to_infinitive(a, cue_end, end_of_clause) {
            Some((addressees, to))
                if !addressees.is_empty()
                    || (to <= cue_end + 4
                        && (cue_end..to).any(|k| {
                            WORDS.state_organs.contains(a.lower(k))
                                || WORDS.sides.contains(a.lower(k))
                                || WORDS.groups.contains(a.lower(k))
                        })) =>
            {
                (addressees, after_to(a, to))
            }
            _ => (Vec::new(), cue_end),
        },
        DemandPattern::Noun => (Vec::new(), cue_end),
        // "insists that NATO turn the clock back": the cue includes "that".
        DemandPattern::That => (
            that_clause_addressee(a, cue, cue_end, end_of_clause, &by),
            cue_end,
        ),
        DemandPattern::Demand => {
            if a.lower(cue_end) == "that" {
                // "demanded that Russia cancel the recognition": Russia is addressed.
                let subject = that_clause_addressee(a, cue, cue_end + 1, end_of_clause, &by);
                (subject, cue_end + 1)
            } else if a.lower(cue_end) == "for" || a.lower(cue_end) == "on" {
                (Vec::new(), cue_end + 1)
            } else if let Some((addressees, to)) = to_infinitive(a, cue_end, end_of_clause) {
                (addressees, after_to(a, to))
            } else {
                (Vec::new(), cue_end)
            }
        }
    };
    let end_of_clause = if answer.is_some() {
        judged_as(a, content_start, end_of_clause)
    } else {
        end_of_clause
    };
    if content_start >= end_of_clause {
        return None;
    }
    let contents = split_demands(a, content_start, end_of_clause);
    if contents.is_empty() {
        return None;
    }
    let mut of = of;
    let mut unresolved_addressee = false;
    if of.is_empty()
        && matches!(
            pattern,
            DemandPattern::ObjectTo
                | DemandPattern::ObjectToOrFor
                | DemandPattern::ObjectToOrObject
                | DemandPattern::ObjectToOrAskedOf
                | DemandPattern::Demand
                | DemandPattern::For
        )
        && (pattern != DemandPattern::For || content_start > cue_end)
        && let Some((actors, to, unresolved)) = to_infinitive_words(a, cue_end, end_of_clause)
        && actors.is_empty()
        && (unresolved || (cue_end..to).any(|k| WORDS.state_organs.contains(a.lower(k))))
    {
        // The passage up to the first of a list of items separated by semicolons: the later
        // items name what is demanded, not of whom ("the OSCE Moscow Mechanism").
        let first_item_end = (cue_end..end_of_clause)
            .find(|&k| a.word(k) == ";")
            .unwrap_or(end_of_clause);
        match described_addressee(a, cue_end..to, cue, first_item_end, &by) {
            Some(actor) => of.push(actor),
            None => unresolved_addressee = unresolved,
        }
    }
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
    let mut end = clause::complement_end(a, from, sentence_end);
    // "..., the prime minister's office said in a statement": the attribution is not demanded.
    if let Some(comma) = (from..end).find(|&k| {
        a.word(k) == ","
            && !a.quoted[k]
            && a.lower(k + 1) != "as"
            && (k + 1..(k + 8).min(end)).any(|j| {
                !a.quoted[j]
                    && a.phrase(j).is_some_and(|p| {
                        p.tokens.start == j && matches!(p.target, PhraseTarget::Speech(_))
                    })
            })
    }) {
        end = comma;
    }
    // "We call for both sides to observe the truce and note that ...": the demander speaks
    // again; what follows is reported, not demanded.
    if let Some(and) = (from + 2..end).find(|&k| {
        a.lower(k) == "and"
            && !a.quoted[k]
            && k + 2 < end
            && a.lower(k + 2) == "that"
            && a.lexicon
                .speech_verbs
                .iter()
                .any(|v| v.form == a.lower(k + 1) || v.lemma == a.lower(k + 1))
    }) {
        end = and;
    }
    // "including A; B; and C", "to cooperate fully ...; immediately release ...; and, enter
    // into ...": a list whose items are separated by semicolons.
    let verb_item = |semicolon: usize| {
        let mut j = semicolon + 1;
        while j < sentence_end && matches!(a.lower(j), "and" | "or" | ",") {
            j += 1;
        }
        if j + 1 < sentence_end && a.lower(j).ends_with("ly") {
            j += 1;
        }
        // The base form only: "; talks resumed" is another clause.
        j < sentence_end && a.lexicon.action_verbs.contains(a.lower(j)) && a.mention(j).is_none()
    };
    while a.word(end) == ";"
        && end + 1 < sentence_end
        && ((from..end).any(|k| a.lower(k) == "including") || verb_item(end))
    {
        end = clause::complement_end(a, end + 1, sentence_end);
    }
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
                || a.word(k) == "," && as_clause_at(a, k + 1, end)
        })
        .unwrap_or(end)
}

/// "..., as they gathered for the summit": a clause of time or reason opened by "as" and a
/// subject pronoun, running to the end of the demand. An aside set off by commas on both sides
/// ("..., as I said before, to start talks") is not one: the demand goes on after it.
fn as_clause_at(a: &Analysis<'_>, k: usize, end: usize) -> bool {
    if a.lower(k) != "as" || !WORDS.subject_pronouns.contains(a.lower(k + 1)) {
        return false;
    }
    let aside_closes = (k + 2..(k + 8).min(end)).any(|j| a.word(j) == "," && j + 1 < end);
    !aside_closes
}

/// "the rebels' demand", "the group's call": a group named by a description before the cue,
/// the armed or political group of the article named last before it, or else first after it.
fn described_possessor(a: &Analysis<'_>, cue: usize) -> Option<ActorRef> {
    if cue < 2
        || !(a.tokens[cue - 1].kind == TokenKind::Possessive
            || matches!(a.word(cue - 1), "'" | "’"))
        || !WORDS.groups.contains(a.lower(cue - 2))
        || a.mention(cue - 2).is_some()
    {
        return None;
    }
    article_group(a, cue, |_| true)
}

/// The armed or political group of the article, among those `keep` accepts, named last before
/// `cue`, or else first anywhere.
fn article_group(
    a: &Analysis<'_>,
    cue: usize,
    keep: impl Fn(ActorRef) -> bool,
) -> Option<ActorRef> {
    let group = |m: &&crate::text::analysis::Mention| {
        m.actors
            .iter()
            .copied()
            .find(|&x| a.actor_kind(x) == ActorKind::Group && keep(x))
    };
    let mentions = a.mentions.iter().filter(|m| !m.is_place);
    mentions
        .clone()
        .filter(|m| m.tokens.end <= cue)
        .collect::<Vec<_>>()
        .iter()
        .rev()
        .find_map(group)
        .or_else(|| mentions.collect::<Vec<_>>().iter().find_map(group))
}

/// "a demand by the United States to", "calls from Kyiv for": the party that makes a demand
/// named after the noun, and where the words after its name start.
fn maker_after_noun(a: &Analysis<'_>, cue_end: usize, end: usize) -> Option<(ActorRef, usize)> {
    if !matches!(a.lower(cue_end), "by" | "from") || cue_end + 1 >= end {
        return None;
    }
    let mut k = cue_end + 1;
    if a.lower(k) == "the" {
        k += 1;
    }
    let m = a
        .mention(k)
        .filter(|m| !m.is_place && m.how != How::Pronoun)?;
    let actor = m.actors.first().copied()?;
    Some((actor, m.tokens.end))
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
        // "We are further united in our call for the regime to ...".
        let our_call = matches!(before, "our" | "my")
            && matches!(
                a.lower(clause::main_clause_start(a, sentence.clone())),
                "i" | "we"
            );
        if first_person || our_call || before == "i" || before == "we" {
            return Some(Subject::Actors(vec![speaker]));
        }
    }
    let subject = clause::subject_before(a, sentence.start, cue);
    // In a quotation, only "we" or a party named as the subject demands: "This demands a firm
    // response" does not.
    if turn_speaker.is_some() && a.quoted[cue] {
        return subject.filter(|s| matches!(s, Subject::Actors(_)));
    }
    if let Some(subject) = subject {
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

/// Whether an actor is on the side of any of the demanders.
fn on_demanders_side(a: &Analysis<'_>, by: &Subject, actor: ActorRef) -> bool {
    match by {
        Subject::Actors(demanders) => demanders.iter().any(|&d| same_side(a, d, actor)),
        Subject::Unnamed => false,
    }
}

/// "requested Mongolia's continued cooperation", "requested the understanding of the
/// Philippines", "requested assistance from Japan": the party a request's object names as the
/// one asked, other than the demander's side.
fn asked_in_object(a: &Analysis<'_>, from: usize, end: usize, by: &Subject) -> Option<ActorRef> {
    if names_meeting(a, from, end) {
        return None;
    }
    party_asked(a, from, end, by, &["of", "from"], false)
}

/// "sought the extradition of the suspects from Uganda", "seeking China's support": the party a
/// request's object names as the one asked, after "from" or as its possessor; not "sought to
/// ease tensions" nor "what it seeks from the world" (the object is elsewhere).
fn asked_from(a: &Analysis<'_>, from: usize, end: usize, by: &Subject) -> Option<ActorRef> {
    if matches!(a.lower(from), "to" | "from" | "for" | "," | ".")
        || a.tokens[from].kind != TokenKind::Word
        || names_meeting(a, from, end)
    {
        return None;
    }
    party_asked(a, from, end, by, &["from"], true)
}

/// The party a request's object at `from` names as the one asked, other than the demander's
/// side: its possessor ("China's support"), or the party after one of `prepositions` ("the
/// understanding of the Philippines") within the clause, up to "to" when `stop_at_to`.
fn party_asked(
    a: &Analysis<'_>,
    from: usize,
    end: usize,
    by: &Subject,
    prepositions: &[&str],
    stop_at_to: bool,
) -> Option<ActorRef> {
    let party = |k: usize| {
        a.mention(k)
            .filter(|m| m.tokens.start == k && !m.is_place && m.how != How::Pronoun)
            .and_then(|m| m.actors.first().copied())
            .filter(|&x| !on_demanders_side(a, by, x))
    };
    let possessor = party(from).filter(|_| {
        a.mention(from).is_some_and(|m| {
            a.tokens.get(m.tokens.end).map(|t| t.kind) == Some(TokenKind::Possessive)
        })
    });
    possessor.or_else(|| {
        (from + 1..end.min(from + 12))
            .take_while(|&k| !(matches!(a.word(k), "," | ";") || stop_at_to && a.lower(k) == "to"))
            .find(|&k| {
                let before = if a.lower(k - 1) == "the" {
                    k - 2
                } else {
                    k - 1
                };
                prepositions.contains(&a.lower(before)) && party(k).is_some()
            })
            .and_then(party)
    })
}

/// Whether a party is named right after a verb: "want Pakistan to", "wants the Eritrean forces
/// to".
fn party_right_after(a: &Analysis<'_>, k: usize) -> bool {
    let k = if a.lower(k) == "the" { k + 1 } else { k };
    a.mention(k)
        .is_some_and(|m| m.tokens.start == k && !m.is_place && m.how != How::Pronoun)
}

/// "asked Germany for more air defence systems", "pressed China for answers": a party named
/// right after the verb and before "for", other than the demander's side, and where what is
/// asked for starts.
fn party_then_for(
    a: &Analysis<'_>,
    from: usize,
    end: usize,
    by: &Subject,
) -> Option<(ActorRef, usize)> {
    let m = a
        .mention(from)
        .filter(|m| m.tokens.start == from && !m.is_place && m.how != How::Pronoun)?;
    let party = m.actors.first().copied()?;
    // A day between: "asked Germany on Tuesday for".
    let mut k = m.tokens.end;
    if let Some(date) = a.dates[a.sentence_of(from)]
        .iter()
        .find(|d| d.first_token == k || (a.lower(k) == "on" && d.first_token == k + 1))
    {
        k = date.end_token;
    }
    (a.lower(k) == "for" && k + 1 < end && !on_demanders_side(a, by, party))
        .then_some((party, k + 1))
}

/// Whether a noun phrase is a meeting: "the meeting", "an urgent session of the council".
fn names_meeting(a: &Analysis<'_>, from: usize, end: usize) -> bool {
    let mut k = from;
    while k < end && k < from + 4 {
        if a.phrase(k).is_some_and(|p| {
            p.tokens.start == k
                && p.targets
                    .iter()
                    .any(|t| matches!(t, PhraseTarget::Meeting(_)))
        }) {
            return true;
        }
        if a.mention(k).is_some() || matches!(a.word(k), "," | "of" | "to" | "for") {
            return false;
        }
        k += 1;
    }
    false
}

/// "called on both sides to", "pressed the rebels to": an addressee named by a description no
/// dictionary name covers, resolved among the article's parties other than the demander's.
/// The sides of a dispute are the party the article names most; "the rebels" or "the
/// movement" is the armed or political group last named before the cue.
fn described_addressee(
    a: &Analysis<'_>,
    words: Range<usize>,
    cue: usize,
    clause_end: usize,
    by: &Subject,
) -> Option<ActorRef> {
    let ours = |x: ActorRef| on_demanders_side(a, by, x);
    // "called on the regime to", "urged the authorities to": with no state named in the
    // words, the state the passage is about.
    let organ = words.clone().any(|k| {
        WORDS.state_organs.contains(a.lower(k))
            && (k == words.start || matches!(a.lower(words.start), "the" | "its"))
    }) && !words
        .clone()
        .any(|k| a.mention(k).is_some_and(|m| !m.is_place));
    if organ {
        // "condemn the arrests of protestors in Cuba and call on the government to": a state
        // named as a place counts too.
        // The words demanded count: "call on the government to free the Cuban people".
        return most_named(a, cue, clause_end, true, |x| {
            a.actor_kind(x) == ActorKind::State && !ours(x)
        });
    }
    let sides = words.clone().any(|k| {
        k > words.start
            && WORDS.sides.contains(a.lower(k))
            && matches!(
                a.lower(k - 1),
                "both" | "two" | "all" | "the" | "warring" | "opposing" | "rival"
            )
    });
    if sides {
        return most_named(a, cue, cue, false, |x| {
            a.actor_kind(x) != ActorKind::Person && !ours(x)
        });
    }
    if !words.clone().any(|k| WORDS.groups.contains(a.lower(k))) {
        return None;
    }
    article_group(a, cue, |x| !ours(x))
}

/// The party named most in the three sentences before `cue`'s and in its own up to `until`,
/// among those `keep` accepts, counting mentions as places when `places`; on a tie, the one
/// named last.
fn most_named(
    a: &Analysis<'_>,
    cue: usize,
    until: usize,
    places: bool,
    keep: impl Fn(ActorRef) -> bool,
) -> Option<ActorRef> {
    let s = a.sentence_of(cue);
    let window = a.sentences[s.saturating_sub(3)].tokens.start..until;
    let mut counts: Vec<(ActorRef, usize, usize)> = Vec::new();
    for m in a.mentions.iter().filter(|m| {
        window.contains(&m.tokens.start) && (places || !m.is_place) && m.how != How::Pronoun
    }) {
        for &x in m.actors.iter().filter(|&&x| keep(x)) {
            match counts.iter_mut().find(|(y, _, _)| *y == x) {
                Some((_, n, last)) => {
                    *n += 1;
                    *last = m.tokens.start;
                }
                None => counts.push((x, 1, m.tokens.start)),
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(_, n, last)| (n, last))
        .map(|(x, _, _)| x)
}

/// "addressing the Thai side", "in a message to the junta": the party a quotation is said to,
/// named in the words around it that are not quoted.
fn addressed_in_attribution(
    a: &Analysis<'_>,
    speaker: ActorRef,
    piece: Range<usize>,
) -> Option<ActorRef> {
    let first = a.sentence_of(piece.start);
    let last = a.sentence_of(piece.end.saturating_sub(1).max(piece.start));
    let words = a.sentences[first].tokens.start..a.sentences[last].tokens.end;
    words.clone().find_map(|k| {
        if a.quoted[k] {
            return None;
        }
        // "told Israel", "told Niger's coup leaders": a state or group told, not a news agency
        // ("told Xinhua").
        let telling = WORDS.telling.contains(a.lower(k));
        if !telling && !WORDS.addressing.contains(a.lower(k)) {
            return None;
        }
        let reach = if telling { 3 } else { 8 };
        (k + 1..(k + reach).min(words.end))
            .take_while(|&j| !a.quoted[j] && !matches!(a.word(j), "," | "." | ";"))
            .find_map(|j| {
                a.mention(j)
                    .filter(|m| !m.is_place && m.how != How::Pronoun)
                    .and_then(|m| m.actors.first().copied())
            })
            .filter(|&x| {
                !same_side(a, speaker, x)
                    && (!telling || matches!(a.actor_kind(x), ActorKind::State | ActorKind::Group))
            })
    })
}

/// Where what is demanded starts after the "to" at `to`: the verb after it, or "not" before it
/// ("urged Beijing not to supply weapons": the negation is part of what is asked).
fn after_to(a: &Analysis<'_>, to: usize) -> usize {
    if to > 0 && a.lower(to - 1) == "not" {
        to - 1
    } else {
        to + 1
    }
}

/// "urged Cambodia’s leadership to": the addressees before "to", and the position of "to".
fn to_infinitive(a: &Analysis<'_>, from: usize, end: usize) -> Option<(Vec<ActorRef>, usize)> {
    to_infinitive_words(a, from, end).map(|(actors, to, _)| (actors, to))
}

/// Like [`to_infinitive`], and whether words before "to" name somebody no actor stands for.
fn to_infinitive_words(
    a: &Analysis<'_>,
    from: usize,
    end: usize,
) -> Option<(Vec<ActorRef>, usize, bool)> {
    let (actors, to) = to_infinitive_inner(a, from, end)?;
    let unresolved = actors.is_empty()
        && (from..to).any(|k| a.tokens[k].kind == crate::text::tokens::TokenKind::Word)
        && !(from..to).any(|k| WORDS.state_organs.contains(a.lower(k)));
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

/// Whom a that-clause demands of: the actors its subject names ("that Russia cancel"), or the
/// state whose organ it names ("that the government publish the results": the state the
/// passage is about).
fn that_clause_addressee(
    a: &Analysis<'_>,
    cue: usize,
    from: usize,
    end: usize,
    by: &Subject,
) -> Vec<ActorRef> {
    let named = clause_subject(a, from, end);
    if !named.is_empty() {
        return named;
    }
    let head = if matches!(a.lower(from), "the" | "its" | "their") {
        from + 1
    } else {
        from
    };
    if head >= end || !WORDS.state_organs.contains(a.lower(head)) {
        return Vec::new();
    }
    described_addressee(a, from..head + 1, cue, end, by)
        .into_iter()
        .collect()
}

/// "on Tuesday that": where the that-clause starts after a day named after the cue.
fn day_then_that(a: &Analysis<'_>, cue_end: usize, end: usize) -> Option<usize> {
    let date = a.dates[a.sentence_of(cue_end.min(end.saturating_sub(1)))]
        .iter()
        .find(|d| d.first_token == cue_end)?;
    (date.end_token < end && a.lower(date.end_token) == "that").then_some(date.end_token + 1)
}

/// One demand per thing demanded: "cease X and peacefully resolve Y", "X and the withdrawal
/// of Y", "to abide by X and to ensure Y", "for X and for Y", "the end of X, the restoration of
/// Y, and the release of Z", "including A; B; and C" (GOLD_FORMAT.md: a list of demands is one
/// record per thing demanded).
fn split_demands(a: &Analysis<'_>, start: usize, end: usize) -> Vec<Range<usize>> {
    // "commit to the steps ..., including A; B; and C": the things listed are the demands.
    let mut start = list_after_introduction(a, start, end).unwrap_or(start);
    while start < end && a.tokens[start].kind != TokenKind::Word {
        start += 1;
    }
    // A list of noun phrases after a verb is its objects ("preserves the unity, the
    // sovereignty, and the territorial integrity"), one thing demanded.
    // "urged Russia to A, to B": the word that introduced the first thing introduces the rest.
    let introduced_by = a.lower(start.saturating_sub(1));
    // "take joint action to urge the end of X, the restoration of Y, and the release of Z":
    // after a verb of demand inside, the noun phrases are what is urged.
    let first_comma = (start..end).find(|&j| a.word(j) == ",").unwrap_or(end);
    let nested_cue = (start..first_comma).any(|j| a.demand_cue_at(j).is_some());
    let verbal = (is_action_form(a, start) || introduced_by == "to") && !nested_cue;
    let mut parts = Vec::new();
    let mut part_start = start;
    let mut k = start;
    // Whether a comma has already parted noun phrases of a list.
    let mut noun_list = false;
    let mut depth = 0;
    let words_since = |from: usize, to: usize| {
        (from..to)
            .filter(|&x| a.tokens[x].kind == TokenKind::Word)
            .count()
    };
    while k < end {
        let word = a.lower(k);
        if word == "(" {
            depth += 1;
        } else if word == ")" {
            depth -= 1;
        }
        // "talks between the army and the RSF": one thing, between two parties.
        let between = (part_start..k).any(|x| matches!(a.lower(x), "between" | "among"));
        let separator = depth == 0 && k > part_start;
        if separator && matches!(word, "," | ";") && words_since(part_start, k) >= 2 {
            let mut next = k + 1;
            if matches!(a.lower(next), "and" | "or") {
                next += 1;
            }
            // "...; and, enter into ...".
            if word == ";" && next + 1 < end && a.word(next) == "," {
                next += 1;
            }
            // A noun phrase after a comma is another item of a list of noun phrases, or of a
            // list that closes with "and" and another item; else it is an apposition ("make
            // the necessary compromises ..., an essential step towards ...").
            let nominal_list = !verbal && closes_list(a, next, end);
            // "take the actions necessary ..., starting with full adherence": a participle
            // after a list of bare verbs qualifies the item before it.
            let participle = a.lower(next).ends_with("ing") && !a.lower(start).ends_with("ing");
            let boundary = word == ";"
                || (!between
                    && starts_list_item(a, k, next)
                    && (nominal_list || (is_action_form(a, next) && !participle)))
                || (matches!(a.lower(next), "to" | "for")
                    && a.lower(next) == introduced_by
                    && starts_list_item(a, k, next + 1));
            if boundary {
                noun_list |= nominal_list;
                if matches!(a.lower(next), "to" | "for") {
                    next += 1;
                }
                parts.push(part_start..k);
                part_start = next;
                k = next;
                continue;
            }
        }
        if word == "and" && separator && !between {
            let mut next = k + 1;
            // "so that North Korea abandons X and makes Y": one thing, a clause of its own.
            let subordinate = (part_start..k).any(|x| {
                WORDS.subordinators.contains(a.lower(x))
                    || (a.lower(x) == "so" && a.lower(x + 1) == "that")
            });
            let boundary = match a.lower(next) {
                // "an end to the violence and to the repression of ...": a preposition
                // repeated inside one thing; "to A and to B" after "urged X to" are two.
                "to" if introduced_by != "to" && !is_verb_after_to(a, next + 1) => false,
                "to" | "for" => {
                    next += 1;
                    true
                }
                // "so that civilians can depart ... and allow deliveries": a verb in its
                // base form goes back to the things demanded.
                word if subordinate && !a.lexicon.action_verbs.contains(word) => false,
                // After a verb, "A, B, and the C" are its objects.
                "the" | "a" | "an" => !verbal || a.word(k - 1) != ",",
                // "the return of A, the release of B and compensation for C": after a comma has
                // parted noun phrases of a list (not "violence and repression to silence").
                _ if noun_list && bare_noun_item(a, next) => true,
                word => {
                    // "..., and instead engage in dialogue".
                    let adverb = word.ends_with("ly") || WORDS.verb_adverbs.contains(word);
                    let verb = if adverb && next + 1 < end {
                        next + 1
                    } else {
                        next
                    };
                    is_action_form(a, verb)
                }
            };
            if boundary {
                let mut part_end = k;
                if part_end > part_start && matches!(a.word(part_end - 1), "," | ";") {
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

/// Whether the words after a comma at `comma` start another thing demanded: a noun phrase with
/// its determiner ("the release of"), or a verb of action ("release all prisoners"), but not an
/// apposition to a name ("Mr X, a journalist, and").
fn starts_list_item(a: &Analysis<'_>, comma: usize, next: usize) -> bool {
    let word = a.lower(next);
    let after_name = comma > 0
        && a.mention(comma - 1).is_some_and(|m| {
            m.actors
                .iter()
                .any(|&x| a.actor_kind(x) == ActorKind::Person)
        });
    match word {
        "the" | "an" | "a" | "its" | "their" | "all" => !after_name,
        _ => {
            let verb = if word.ends_with("ly") { next + 1 } else { next };
            is_action_form(a, verb) && a.mention(verb).is_none()
        }
    }
}

/// Whether a list goes on after `from` to a last item joined by "and" or "or": an item of its
/// own ("and the release of"), or any words after a comma that follows an item of two words
/// or more ("..., and full access to"), not the end of a list of adjectives ("stable, unified,
/// and democratic").
fn closes_list(a: &Analysis<'_>, from: usize, end: usize) -> bool {
    (from..end).any(|k| {
        matches!(a.lower(k), "and" | "or") && {
            let next = k + 1;
            let oxford = k > from && a.word(k - 1) == "," && {
                let item_start = (from..k - 1)
                    .rev()
                    .find(|&j| a.word(j) == ",")
                    .map_or(from, |j| j + 1);
                (item_start..k - 1)
                    .filter(|&j| a.tokens[j].kind == TokenKind::Word)
                    .count()
                    >= 2
            };
            oxford
                || starts_list_item(a, k, next)
                || matches!(a.lower(next), "to" | "for")
                || bare_noun_item(a, next)
        }
    })
}

/// "... and compensation for war damage": a noun of action without a determiner, with the
/// preposition that takes its object, as the last item of a list of noun phrases (the endings
/// are `noun_ending` in `data/dictionaries/demand_words.csv`).
fn bare_noun_item(a: &Analysis<'_>, k: usize) -> bool {
    let word = a.lower(k);
    a.mention(k).is_none()
        && word.len() > 5
        && WORDS
            .noun_endings
            .iter()
            .any(|e| word.ends_with(e.as_str()))
        && matches!(a.lower(k + 1), "of" | "for" | "to" | "from" | "with" | "on")
}

/// "..., including A; B; and C" or "three conditions: A, B and C": where the list of things
/// demanded starts, after the words that introduce it.
fn list_after_introduction(a: &Analysis<'_>, start: usize, end: usize) -> Option<usize> {
    let intro = (start..end).find(|&k| {
        (a.lower(k) == "including" && (k..end).any(|j| a.word(j) == ";"))
            || (a.word(k) == ":" && !a.quoted[k])
    })?;
    (intro + 1 < end).then_some(intro + 1)
}

/// "the West flatly rejecting Moscow’s calls", "Beijing turned down Manila's demand", "rejected
/// the rebels' demand": rejected, by the West (the words of answering are `answer` in
/// `data/dictionaries/demand_words.csv`, each the beginning of a word or two whole words).
fn answer_before(a: &Analysis<'_>, sentence_start: usize, cue: usize) -> Option<Answer> {
    let mut k = a
        .mention(cue.saturating_sub(2))
        .filter(|_| a.tokens[cue - 1].kind == TokenKind::Possessive)
        .map_or(cue, |m| m.tokens.start);
    // Back over the determiner and a described possessor: "a", "the rebels'".
    while k > sentence_start
        && (matches!(a.lower(k - 1), "a" | "an" | "the" | "'" | "’")
            || WORDS.groups.contains(a.lower(k - 1)))
    {
        k -= 1;
    }
    let mut steps = 0;
    while k > sentence_start && steps < 3 {
        k -= 1;
        steps += 1;
        let word = a.lower(k);
        let two = (k > sentence_start).then(|| format!("{} {word}", a.lower(k - 1)));
        let (kind, first) = match WORDS
            .answers
            .iter()
            .find(|(cue, _)| !cue.contains(' ') && word.starts_with(cue.as_str()))
        {
            Some((_, kind)) => (kind, k),
            None => match two.and_then(|two| WORDS.answers.get(&two)) {
                Some(kind) => (kind, k - 1),
                None => continue,
            },
        };
        let kind = if kind == "accepted" {
            AnswerKind::Accepted
        } else {
            AnswerKind::Rejected
        };
        let by = match clause::subject_before(a, sentence_start, first) {
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

/// "dismissed Ukraine's demands for a full withdrawal as unrealistic": where an answered demand
/// ends, before "as" and the few words that judge it.
fn judged_as(a: &Analysis<'_>, from: usize, end: usize) -> usize {
    (from + 1..end)
        .find(|&k| {
            a.lower(k) == "as"
                && !a.quoted[k]
                && (k + 1..end)
                    .filter(|&j| a.tokens[j].kind == TokenKind::Word)
                    .count()
                    <= 3
        })
        .unwrap_or(end)
}

/// Of whom a demand without a named addressee is made: the state whose act is demanded
/// ("Russian de-escalation", "Russia’s withdrawal"), else the other party of the article's
/// meetings with the demander (a person standing for their state, or for the country the
/// meeting was in), else the party that answered the demand, else the first state or
/// organisation the demand names.
fn infer_addressee(
    a: &Analysis<'_>,
    by: Option<ActorRef>,
    content: Range<usize>,
    meetings: &[Meeting],
    answerer: Option<ActorRef>,
) -> Option<ActorRef> {
    let same_side = |actor: ActorRef| by.is_some_and(|by| same_side(a, by, actor));
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
    // "the lifting of the Israeli air and sea blockade": the owner of what is to be undone.
    if first + 1 < content.end
        && WORDS.undoing.contains(a.lower(first))
        && a.lower(first + 1) == "of"
    {
        first += 2;
        while first < content.end && matches!(a.lower(first), "the" | "a" | "an" | "all") {
            first += 1;
        }
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
    // "Israel rejected Hamas's demand for ...": the party that answered it.
    answerer
        .filter(|&x| !same_side(x))
        .or_else(|| content.clone().find_map(named_in_content))
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

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::extract::{Input, extract};

    /// (by, of, text) of each demand of `body`, published on 2019-02-22.
    fn demands(body: &str) -> Vec<(String, String, String)> {
        let extraction = extract(&Input {
            title: "",
            body,
            published: NaiveDate::from_ymd_opt(2019, 2, 22),
        });
        let name = |actor: Option<crate::extract::ActorRef>| {
            actor.map_or("-".to_string(), |a| extraction.actors[a.0].name.clone())
        };
        extraction
            .demands
            .iter()
            .map(|d| (name(d.by), name(d.of), d.text.clone()))
            .collect()
    }

    fn texts(body: &str) -> Vec<String> {
        demands(body).into_iter().map(|(_, _, text)| text).collect()
    }

    #[test]
    fn we_in_a_press_statement_is_its_issuer() {
        // The body of a joint statement is in its issuers' voice: "we" demands.
        let body = "Joint Statement on Belarus\n\nThe following statement was released by the Governments of the United States and Canada.\n\nBegin text:\n\nWe call on Belarus to immediately release all political prisoners. We are united in calling for the regime to end its repressive practices against its own people.\n\nEnd text.";
        assert_eq!(
            demands(body),
            [
                (
                    "United States".to_string(),
                    "Belarus".to_string(),
                    "immediately release all political prisoners".to_string()
                ),
                (
                    "United States".to_string(),
                    "Belarus".to_string(),
                    "end its repressive practices against its own people".to_string()
                )
            ]
        );
        // The same words outside a statement's body have nobody to demand them.
        assert!(
            demands("We call on Belarus to immediately release all political prisoners.")
                .is_empty()
        );
    }

    /// Issue #10: "our call for" in a statement's voice; a list of verbs split by semicolons.
    #[test]
    fn our_call_for_a_list_separated_by_semicolons_is_one_demand_per_item() {
        let found = demands(
            "Joint Statement on Belarus\n\nThe following statement was released by the \
             Governments of the United States and Canada.\n\nBegin text:\n\nWe are concerned \
             about Belarus. We are united in our call for the Belarusian authorities to release \
             all political prisoners; implement the recommendations of the OSCE Moscow \
             Mechanism; and, enter into a genuine political dialogue.\n\nEnd text.",
        );
        for text in [
            "release all political prisoners",
            "implement the recommendations of the OSCE Moscow Mechanism",
            "enter into a genuine political dialogue",
        ] {
            assert!(
                found.iter().any(|(_, of, t)| of == "Belarus" && t == text),
                "{text}: {found:?}"
            );
        }
    }

    /// Issue #10: ", which called for" is the party named before the relative clause.
    #[test]
    fn the_party_before_which_called_for_demands() {
        let found = demands(
            "South Africa supports the decisions of the summit of the East African Community \
             held in Dar es Salaam on 31 May 2015, which called for the postponement of the \
             elections in Burundi.",
        );
        assert!(
            found
                .iter()
                .any(|(by, _, t)| by == "East African Community"
                    && t.starts_with("the postponement")),
            "{found:?}"
        );
    }

    #[test]
    fn a_negated_infinitive_keeps_its_negation() {
        let found = demands(
            "Spanish Prime Minister Pedro Sanchez urged Morocco not to close the border crossing at Ceuta.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "Morocco");
        assert_eq!(found[0].2, "not to close the border crossing at Ceuta");
    }

    #[test]
    fn the_international_community_is_a_party_addressed() {
        // A group of the dictionary, like "the West": the addressee of a call, not a gap.
        let found = demands(
            "Norway's foreign minister urged the international community to fund the relief \
             effort in the Horn of Africa.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "international community");
        assert!(
            found[0].2.starts_with("fund the relief effort"),
            "{found:?}"
        );
    }

    #[test]
    fn the_government_addressed_is_the_state_the_passage_is_about() {
        let found = demands(
            "Jordan condemned the arrests of protesters in Cuba and called on the government to respect the freedoms of the Cuban people.",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "Cuba");
        // Named, the state is the one named.
        let found = demands("Jordan called on the Cuban government to release the protesters.");
        assert_eq!(found[0].1, "Cuba");
    }

    #[test]
    fn the_demander_speaking_again_ends_the_demand() {
        let found = texts(
            "Jordan called for both sides to observe their obligations under the agreement and noted that inflammatory rhetoric should cease.",
        );
        assert_eq!(found, ["observe their obligations under the agreement"]);
    }

    #[test]
    fn a_clause_of_time_after_a_comma_is_not_demanded() {
        let found = texts(
            "Nordic leaders on Monday called on Belarus to release the detained journalists, as they met for their annual summit.",
        );
        assert_eq!(found, ["release the detained journalists"]);
        let found =
            texts("The ministry urged Belarus to support its people as they seek free elections.");
        assert_eq!(found, ["support its people as they seek free elections"]);
        let found = texts(
            "The ministry urged Belarus to end the violence, as we said before, and to free the journalists.",
        );
        assert_eq!(
            found,
            [
                "end the violence, as we said before",
                "free the journalists"
            ]
        );
    }

    #[test]
    fn an_indirect_question_after_a_verb_of_telling_is_no_demand() {
        assert!(
            texts(
                "A spokesman for Belarus said Minsk would not be told what to do by its neighbours."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_participle_after_a_list_of_verbs_qualifies_the_last_item() {
        let found = texts(
            "Jordan called on the government to take the actions necessary to be credible, starting with full adherence to the peace agreement.",
        );
        assert_eq!(
            found,
            [
                "take the actions necessary to be credible, starting with full adherence to the peace agreement"
            ]
        );
    }

    #[test]
    fn a_list_of_noun_phrases_is_one_demand_per_item() {
        assert_eq!(
            texts(
                "Lebanon called for an immediate ceasefire, the lifting of the blockade and an exchange of prisoners."
            ),
            [
                "an immediate ceasefire",
                "the lifting of the blockade",
                "an exchange of prisoners"
            ]
        );
    }

    #[test]
    fn a_list_introduced_by_including_and_split_by_semicolons_is_one_demand_per_item() {
        let found = texts(
            "Secretary of State Antony Blinken urged Ethiopia to commit to the steps of the council, including the withdrawal of foreign forces; full humanitarian access; and an end to abuses.",
        );
        assert_eq!(
            found,
            [
                "the withdrawal of foreign forces",
                "full humanitarian access",
                "an end to abuses"
            ]
        );
    }

    #[test]
    fn an_apposition_after_a_verb_phrase_is_not_another_demand() {
        // The noun phrase after the comma describes the demand; the list has no last item.
        let found = texts(
            "U.S. envoy Richard Norland urged Libya to make the necessary compromises, an essential step towards a stable, unified, and democratic Libya.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        // Nor are the objects of one verb several demands.
        let found = texts(
            "Spokesperson Ned Price called on the parties to create a context that preserves the unity, the sovereignty, and the territorial integrity of the state.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_trailing_attribution_is_not_part_of_what_is_demanded() {
        let found = texts(
            "Lebanon is calling for an exchange of prisoners, the prime minister's office said in a statement.",
        );
        assert_eq!(found, ["an exchange of prisoners"]);
    }

    #[test]
    fn an_obligation_laid_on_another_party_is_a_demand_of_that_party() {
        let found = demands(
            "Kosovo's Foreign Minister Arben Krasniqi said Serbia must remove the barricades.",
        );
        assert_eq!(
            found,
            [(
                "Arben Krasniqi".to_string(),
                "Serbia".to_string(),
                "remove the barricades".to_string()
            )]
        );
        // One's own side, a universal principle or a reported view binds nobody.
        assert!(
            texts("Kosovo's Foreign Minister Arben Krasniqi said Kosovo must remain calm.")
                .is_empty()
        );
        assert!(texts("“We must be very clear,” Foreign Minister Arben Krasniqi said.").is_empty());
        assert!(texts("“All countries must be able to choose their path,” Foreign Minister Arben Krasniqi said.").is_empty());
        assert!(texts("Foreign Minister Arben Krasniqi said the violence must stop.").is_empty());
    }

    #[test]
    fn a_condition_is_a_demand_of_the_one_it_binds() {
        let found = demands(
            "Foreign Minister Nabil Hamdan of the Palestinian Authority said talks could resume only if Israel froze settlement construction and removed the roadblocks.",
        );
        let found: Vec<(String, String)> = found.into_iter().map(|(_, of, t)| (of, t)).collect();
        assert_eq!(
            found,
            [
                (
                    "Israel".to_string(),
                    "froze settlement construction".to_string()
                ),
                ("Israel".to_string(), "removed the roadblocks".to_string())
            ]
        );
    }

    #[test]
    fn an_imperative_in_a_quotation_is_the_speaker_s_demand() {
        let found = demands(
            "“Send your troops back to their barracks and release the president,” Special Envoy Ibrahim Souley told reporters in Bamako.",
        );
        let texts: Vec<&str> = found.iter().map(|(_, _, t)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Send your troops back to their barracks",
                "release the president"
            ]
        );
        assert!(found.iter().all(|(by, _, _)| by == "Ibrahim Souley"));
        // A slogan in capitals and "let us" propose nothing of anyone.
        assert!(
            demands("“Free and Open Indo-Pacific,” Special Envoy Ibrahim Souley said.").is_empty()
        );
        assert!(
            demands("“Let us work together for peace,” Special Envoy Ibrahim Souley said.")
                .is_empty()
        );
    }

    #[test]
    fn a_demand_in_a_quotation_is_made_by_its_speaker() {
        let found = demands(
            "“We call on Russia to withdraw its troops,” Foreign Minister Dmytro Kuleba said.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "Russia");
        assert_eq!(found[0].2, "withdraw its troops");
        // "This demands a response" is not a demand by anyone.
        assert!(
            demands("“This demands a firm response,” Foreign Minister Dmytro Kuleba said.")
                .is_empty()
        );
    }

    #[test]
    fn a_call_for_a_party_to_act_addresses_that_party() {
        let found = demands("Canada called for Belarus to release all political prisoners.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "Belarus");
        assert_eq!(found[0].2, "release all political prisoners");
    }

    #[test]
    fn both_sides_are_the_party_named_most_just_before() {
        let found = demands(
            "Yemen's government accused the Houthis of shelling Marib. The Houthis denied it. \
             Saudi Arabia called on both sides to respect the ceasefire.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Saudi Arabia");
        assert_eq!(found[0].1, "Houthis");
        // With no party named before, the sides stay unknown.
        let found = demands("Saudi Arabia called on both sides to respect the ceasefire.");
        assert_eq!(found[0].1, "-", "{found:?}");
    }

    #[test]
    fn the_rebels_are_the_group_last_named() {
        let found = demands(
            "Talks with the Houthis resumed in Muscat. Oman pressed the rebels to release the \
             detained aid workers.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "Houthis");
        // No group in the article: the rebels are nobody the article names.
        let found = demands("Oman pressed the rebels to release the detained aid workers.");
        assert_eq!(found[0].1, "-", "{found:?}");
    }

    #[test]
    fn a_quotation_addressed_to_a_party_demands_of_it() {
        let found = demands(
            "Cambodia and Thailand met in Kuala Lumpur with Malaysia. \"Stop moving your \
             soldiers forward,\" Cambodian spokeswoman Chea Sophal told a briefing, addressing \
             the Thai side.",
        );
        assert!(
            found.iter().any(
                |(_, of, text)| of == "Thailand" && text == "Stop moving your soldiers forward"
            ),
            "{found:?}"
        );
    }

    #[test]
    fn a_request_names_the_party_asked_in_its_object() {
        let found = demands(
            "Japanese Foreign Minister Taro Kono requested the understanding and cooperation of \
             the Philippines toward the early resolution of the abductions issue.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "Philippines");
        let found = demands("South Korea requested Mongolia's continued cooperation on the issue.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "Mongolia");
        assert_eq!(found[0].2, "Mongolia's continued cooperation on the issue");
        // A request of a budget or of a meeting names no party asked: no demand.
        assert!(
            demands("The State Department requested $2 billion for embassy security.").is_empty()
        );
        assert!(demands("Ukraine requested the meeting of the council.").is_empty());
        let found = demands("Belarus requested that the United States limit its embassy staff.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "United States");
        // "any requests that we get" is a noun.
        assert!(demands("Canada will process any requests that we get quickly.").is_empty());
    }

    #[test]
    fn expecting_a_party_to_act_is_a_demand_but_a_forecast_is_not() {
        let found = demands(
            "\"We expect Venezuela to respect its rulings,\" Guyanese Foreign Minister Hugh Todd said.",
        );
        assert!(
            found
                .iter()
                .any(|(_, of, text)| of == "Venezuela" && text == "respect its rulings"),
            "{found:?}"
        );
        assert!(demands("Analysts in Germany expect prices to rise.").is_empty());
        assert!(demands("We expect Secretary Blinken to announce new aid to Ukraine.").is_empty());
    }

    #[test]
    fn undoing_a_thing_is_asked_of_its_owner() {
        let found = demands("Lebanon called for the lifting of the Israeli naval blockade.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "Israel");
    }

    #[test]
    fn a_repeated_preposition_and_a_purpose_clause_stay_in_one_thing_demanded() {
        assert_eq!(
            texts(
                "The EU calls for an end to the shelling and to the arrests of peaceful marchers."
            ),
            ["an end to the shelling and to the arrests of peaceful marchers"]
        );
        assert_eq!(
            texts(
                "South Korea urged Mongolia to keep up its support so that North Korea drops its missile programme and makes a better choice."
            ),
            [
                "keep up its support so that North Korea drops its missile programme and makes a better choice"
            ]
        );
        // After the purpose clause, a verb in its base form is the next thing demanded.
        assert_eq!(
            texts(
                "Canada urged Russia to open corridors so that civilians can leave the city and allow convoys of food."
            ),
            [
                "open corridors so that civilians can leave the city",
                "allow convoys of food"
            ]
        );
        // "and instead engage": the adverb opens another thing demanded.
        assert_eq!(
            texts("Japan urged North Korea to halt its launches and instead return to talks."),
            ["halt its launches", "instead return to talks"]
        );
    }

    #[test]
    fn an_imperative_takes_the_addressee_of_the_speakers_other_demands() {
        let found = demands(
            "Ecuador's Foreign Minister Pablo Andrade said ties could return to normal only if Colombia paid the farmers. \"Stop the spraying first,\" Andrade told reporters at the United Nations.",
        );
        assert!(
            found
                .iter()
                .any(|(_, of, text)| of == "Colombia" && text == "Stop the spraying first"),
            "{found:?}"
        );
    }

    #[test]
    fn a_demand_someone_is_hoped_to_make_is_not_made() {
        let found = demands(
            "Special Envoy Sung Kim encouraged China to urge North Korea to return to dialogue.",
        );
        assert!(
            found.iter().all(|(_, of, _)| of != "North Korea"),
            "{found:?}"
        );
        // Made in one's own right, after a verb of taking: it is.
        let found =
            demands("Secretary Blinken used the meeting to urge Russia to withdraw its forces.");
        assert!(found.iter().any(|(_, of, _)| of == "Russia"), "{found:?}");
    }

    #[test]
    fn an_errand_for_the_speakers_own_side_is_not_a_demand() {
        let found = demands(
            "SECRETARY POMPEO: Good morning, everyone. U.S. President Donald Trump asked me to come here to underline our support for the peace talks.",
        );
        assert!(found.is_empty(), "{found:?}");
        let found = demands(
            "SECRETARY POMPEO: Good morning, everyone. We asked Russia to withdraw its forces from the border.",
        );
        assert!(found.iter().any(|(_, of, _)| of == "Russia"), "{found:?}");
    }

    /// Issue #10: an answered demand is the demander's, made of the one answering.
    #[test]
    fn an_answered_demand_is_the_demanders_and_made_of_the_one_answering() {
        let found = demands("Israel rejected Hamas's demand for a permanent ceasefire.");
        assert_eq!(
            found,
            [(
                "Hamas".to_string(),
                "Israel".to_string(),
                "a permanent ceasefire".to_string()
            )]
        );
        // Two words of answering, a clause after "that", and the judgement after "as".
        let found = demands("Beijing turned down Manila's demand that it remove its vessels.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].0.as_str(), found[0].1.as_str()),
            ("Philippines", "China")
        );
        assert_eq!(found[0].2, "it remove its vessels");
        let found =
            texts("Russia dismissed Ukraine's demands for a full withdrawal as unrealistic.");
        assert_eq!(found, ["a full withdrawal"]);
        // The maker named after the noun; a described group before it.
        let found = demands(
            "The Taliban rejected a demand by the United States to hand over the militant leaders.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].0.as_str(), found[0].1.as_str()),
            ("United States", "Taliban")
        );
        assert_eq!(found[0].2, "hand over the militant leaders");
        let found = demands(
            "The Houthis said the government rejected the rebels' demand for a new council.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Houthis");
        // Unanswered, an addressee is still not invented from nothing.
        let found = demands("Hamas's demand for a permanent ceasefire was repeated.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "-");
    }

    /// Issue #10: "ordered", "sought", "want", "asked X for": demands in the frames that make
    /// them one, and nothing in the others.
    #[test]
    fn ordering_seeking_wanting_and_asking_for_are_demands_of_another_party() {
        let found = demands(
            "The International Court of Justice ordered Myanmar to take all measures to protect the Rohingya.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "Myanmar");
        assert_eq!(found[0].2, "take all measures to protect the Rohingya");
        // One's own forces, people that are no party, and a purchase are not ordered demands.
        assert!(demands("Russia ordered its forces to withdraw from the border.").is_empty());
        assert!(
            demands("The minister ordered prosecutors in Guatemala to drop the cases.").is_empty()
        );
        assert!(demands("Poland ordered 40 new fighter jets from France last year.").is_empty());
        let found = demands("Kenya sought the extradition of the two suspects from Uganda.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "Uganda");
        assert!(demands("Kenya sought to ease tensions with Uganda.").is_empty());
        let found = demands(
            "\"We want Pakistan to act against the groups,\" Indian Foreign Secretary Ravi Menon said.",
        );
        assert!(
            found
                .iter()
                .any(|(_, of, t)| of == "Pakistan" && t == "act against the groups"),
            "{found:?}"
        );
        // A wish supposed, a thing wanted that names a party inside, a welcome act: no demand.
        assert!(demands("Beijing would hardly want North Korea to continue its tests.").is_empty());
        assert!(
            demands("Many countries want more diplomacy with Iran to address the issues.")
                .is_empty()
        );
        assert!(demands("NATO wants Sweden to join as soon as possible.").is_empty());
        let found = demands("Ukraine asked Germany for more air defence systems.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "Germany");
        assert_eq!(found[0].2, "more air defence systems");
    }

    /// Issue #10: "demanded that the government ..." asks the state the passage is about; a day
    /// after "insisted on" does not hide the that-clause.
    #[test]
    fn a_state_organ_in_a_that_clause_and_a_day_before_it() {
        let found = demands(
            "Protests spread across Georgia. The United National Movement demanded that the \
             government release the detained activists and lift the curfew.",
        );
        let found: Vec<(&str, &str)> = found
            .iter()
            .map(|(_, of, t)| (of.as_str(), t.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("Georgia", "the government release the detained activists"),
                ("Georgia", "lift the curfew")
            ]
        );
        let found = texts("Serbia insisted on Tuesday that Kosovo withdraw its police units.");
        assert_eq!(found, ["Kosovo withdraw its police units"]);
        let found = demands("Serbia insisted on Tuesday that Kosovo withdraw its police units.");
        assert_eq!(found[0].1, "Kosovo");
    }

    /// Issue #10: a quotation told to a party, or appealing to one named a few words on, is a
    /// demand of that party; a news agency told is nobody addressed.
    #[test]
    fn a_quotation_told_to_a_party_demands_of_it() {
        let found = demands(
            "“Release the hostages and open the crossings,” Egyptian Foreign Minister Samir Fahmy told Israel on Sunday.",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|(_, of, _)| of == "Israel"), "{found:?}");
        let found = demands(
            "“Stop the killing now,” Foreign Minister Samir Fahmy said, appealing to the leaders of Sudan's warring factions.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "Sudan");
        let found = demands(
            "“Release the hostages,” Egyptian Foreign Minister Samir Fahmy told Xinhua on Sunday.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_ne!(found[0].1, "Xinhua");
    }

    /// Issue #10: a condition laid on a described party ("only if the group acts").
    #[test]
    fn a_condition_on_the_group_is_a_demand_of_the_group_named() {
        let found = demands(
            "Talks with the Taliban can go ahead only if the group acts against foreign fighters, Pakistani Foreign Minister Tariq Aziz said.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "Taliban");
        assert_eq!(found[0].2, "acts against foreign fighters");
        // No group in the passage: nobody to lay it on.
        let found = demands(
            "Talks can go ahead only if the group acts against foreign fighters, Pakistani Foreign Minister Tariq Aziz said.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    /// Issue #10: a noun of action without a determiner closes a list of noun phrases.
    #[test]
    fn a_bare_noun_of_action_is_the_last_item_of_a_list() {
        assert_eq!(
            texts(
                "Ukraine called for the return of deported children, the release of prisoners and compensation for war damage."
            ),
            [
                "the return of deported children",
                "the release of prisoners",
                "compensation for war damage"
            ]
        );
        // Without a list before it, "and" may join one thing ("violence and repression to
        // silence them"): it stays one.
        assert_eq!(
            texts("Ukraine called for the return of children and compensation for damage."),
            ["the return of children and compensation for damage"]
        );
    }
}
