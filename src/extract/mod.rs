//! Extraction: from one article's text to meetings, statements and demands, each with the
//! character spans of its evidence.
//!
//! Architecture invariant: extraction is pure. [`extract`] takes an [`Input`] (title, body,
//! publication date) and returns an [`Extraction`]; it reads no database, file or clock, and it
//! never fails: on text it cannot use it returns fewer facts and says why in `diagnostics`.
//!
//! Facts refer to actors by index into [`Extraction::actors`], so that one article's mentions of
//! "Jens Stoltenberg", "Stoltenberg" and "the secretary-general" are one actor before the
//! knowledge base resolves that actor against the ones it already holds.

mod clause;
pub mod dating;
mod demands;
mod facts;
mod meetings;
mod statements;
pub(crate) mod words;

pub use facts::*;

use chrono::NaiveDate;

use crate::text::Lexicon;
use crate::text::analysis::Analysis;
use crate::text::event_codes;

/// What extraction reads: the article as stored.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub title: &'a str,
    /// The stored body; every span in the result counts characters of this string.
    pub body: &'a str,
    /// Relative dates ("on Wednesday", "last month") resolve against this, never the clock.
    pub published: Option<NaiveDate>,
}

/// Extracts the facts of one article with the built-in dictionaries.
pub fn extract(input: &Input<'_>) -> Extraction {
    extract_with(input, Lexicon::builtin())
}

/// Extracts the facts of one article with the given dictionaries.
pub fn extract_with(input: &Input<'_>, lexicon: &Lexicon) -> Extraction {
    let day = dating::reference_day(input.title, input.published);
    let mut analysis = Analysis::new(input.title, input.body, day, lexicon);
    let mut diagnostics = Vec::new();
    let meetings = meetings::find(&mut analysis);
    let (mut statements, said) = statements::find(&analysis, &mut diagnostics);
    let mut demands = demands::find(&analysis, &meetings, &said);
    code_events(lexicon, &mut statements, &mut demands);
    link_to_meetings(&meetings, &mut statements, &mut demands);
    // Relative dates cannot be resolved without a publication date: say where they are.
    if input.published.is_none() {
        for date in analysis.dates.iter().flatten().filter(|d| d.date.is_none()) {
            diagnostics.push(Diagnostic {
                severity: Severity::Warning,
                code: "unresolved-date",
                message: format!(
                    "\"{}\" cannot be resolved without a publication date",
                    date.phrase
                ),
                span: Some(analysis.char_span(date.start, date.end)),
            });
        }
    }
    let mut extraction = Extraction {
        actors: analysis.extraction_actors(),
        meetings,
        statements,
        demands,
        diagnostics,
    };
    drop_surnames_without_facts(&mut extraction);
    extraction
}

/// A person named by surname alone who is party to no meeting, statement or demand ("thanks
/// to Ambassador Degnan") is not reported: its one role names nobody a reader could tell
/// apart from others of the surname, and the article stays searchable (issue #11).
fn drop_surnames_without_facts(extraction: &mut Extraction) {
    let mut used = vec![false; extraction.actors.len()];
    each_actor_ref(extraction, |actor| {
        if let Some(slot) = used.get_mut(actor.0) {
            *slot = true;
        }
    });
    let keep: Vec<bool> = extraction
        .actors
        .iter()
        .zip(&used)
        .map(|(actor, &used)| {
            used || actor.kind != ActorKind::Person || actor.name.trim().contains(' ')
        })
        .collect();
    if keep.iter().all(|&k| k) {
        return;
    }
    // The new index of each kept actor.
    let mut index = Vec::with_capacity(keep.len());
    let mut next = 0;
    for &k in &keep {
        index.push(next);
        next += usize::from(k);
    }
    let mut position = 0;
    extraction.actors.retain(|_| {
        position += 1;
        keep[position - 1]
    });
    each_actor_ref(extraction, |actor| actor.0 = index[actor.0]);
}

/// Calls `f` on every reference to an actor that the facts and roles of an extraction hold.
fn each_actor_ref(extraction: &mut Extraction, mut f: impl FnMut(&mut ActorRef)) {
    let mut optional: Vec<&mut Option<ActorRef>> = Vec::new();
    for actor in &mut extraction.actors {
        for role in &mut actor.roles {
            optional.push(&mut role.affiliation);
        }
    }
    for meeting in &mut extraction.meetings {
        for participant in &mut meeting.participants {
            f(&mut participant.actor);
        }
    }
    for statement in &mut extraction.statements {
        optional.extend([&mut statement.speaker, &mut statement.speaker_party]);
    }
    for demand in &mut extraction.demands {
        optional.extend([
            &mut demand.by,
            &mut demand.by_party,
            &mut demand.of,
            &mut demand.of_party,
        ]);
        if let Some(answer) = demand.answer.as_mut() {
            optional.push(&mut answer.by);
        }
    }
    for actor in optional.into_iter().flatten() {
        f(actor);
    }
}

/// The held meetings of each day.
type ByDay = std::collections::HashMap<crate::text::PartialDate, Vec<usize>>;

/// The one held meeting of this day that one of these actors took part in.
fn meeting_of(
    meetings: &[Meeting],
    by_day: &ByDay,
    when: &When,
    actors: &[Option<ActorRef>],
) -> Option<MeetingRef> {
    let day = when
        .date
        .filter(|d| d.precision() == crate::text::Precision::Day)?;
    let mut found = by_day.get(&day)?.iter().filter(|&&i| {
        meetings[i]
            .participants
            .iter()
            .any(|p| actors.contains(&Some(p.actor)))
    });
    let &index = found.next()?;
    // Two meetings of the day with the same people: the article does not say which.
    found.next().is_none().then_some(MeetingRef(index))
}

/// Links a statement or demand to the meeting it was made at: the held meeting of its day in
/// which its speaker, or the party the speaker spoke for, took part, when there is one such
/// meeting.
fn link_to_meetings(meetings: &[Meeting], statements: &mut [Statement], demands: &mut [Demand]) {
    let mut by_day = ByDay::new();
    for (i, meeting) in meetings.iter().enumerate() {
        if meeting.status == MeetingStatus::Held
            && let Some(day) = meeting.when.date
        {
            by_day.entry(day).or_default().push(i);
        }
    }
    for statement in statements.iter_mut().filter(|s| s.meeting.is_none()) {
        statement.meeting = meeting_of(
            meetings,
            &by_day,
            &statement.when,
            &[statement.speaker, statement.speaker_party],
        );
    }
    for demand in demands.iter_mut().filter(|d| d.meeting.is_none()) {
        demand.meeting = meeting_of(
            meetings,
            &by_day,
            &demand.when,
            &[demand.by, demand.by_party],
        );
    }
}

/// Gives statements, demands and answers their CAMEO and PLOVER codes.
fn code_events(lexicon: &Lexicon, statements: &mut [Statement], demands: &mut [Demand]) {
    let codes = &lexicon.event_codes;
    for statement in statements {
        let lemma = statement.verb.as_deref().and_then(|verb| {
            let verb = verb.to_lowercase();
            lexicon
                .speech_verbs
                .iter()
                .find(|v| v.form.to_lowercase() == verb)
                .map(|v| v.lemma.as_str())
        });
        statement.event = Some(codes.statement(lemma));
    }
    for demand in demands {
        let event = codes.demand(&demand.text);
        if let Some(answer) = &mut demand.answer {
            let kind = match answer.kind {
                AnswerKind::Rejected => Some(event_codes::Answer::Rejected),
                AnswerKind::Accepted | AnswerKind::PartlyAccepted => {
                    Some(event_codes::Answer::Accepted)
                }
                AnswerKind::RefusedComment => None,
            };
            answer.event = kind.and_then(|kind| codes.answer(&event.cameo, kind));
        }
        demand.event = Some(event);
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn a_surname_alone_is_reported_only_with_a_fact_of_its_own() {
        // Issue #11: "thanks to Ambassador Vance" names nobody a reader could tell apart.
        let body = "Secretary Antony Blinken met Foreign Minister Ana Lopez in Lima on Monday. \
                    Blinken thanked Ambassador Vance for the visit. \
                    Senator Moreno said the talks had been useful.";
        let extraction = extract(&Input {
            title: "",
            body,
            published: NaiveDate::from_ymd_opt(2022, 3, 2),
        });
        let persons: Vec<&str> = extraction
            .actors
            .iter()
            .filter(|a| a.kind == ActorKind::Person)
            .map(|a| a.name.as_str())
            .collect();
        assert!(persons.contains(&"Moreno"), "{persons:?}");
        assert!(!persons.contains(&"Vance"), "{persons:?}");
        // Every fact still names the actor it named before the others were dropped.
        let meeting = &extraction.meetings[0];
        let names: Vec<&str> = meeting
            .participants
            .iter()
            .map(|p| extraction.actors[p.actor.0].name.as_str())
            .collect();
        assert!(names.contains(&"Ana Lopez"), "{names:?}");
        let speakers: Vec<&str> = extraction
            .statements
            .iter()
            .filter_map(|s| s.speaker)
            .map(|s| extraction.actors[s.0].name.as_str())
            .collect();
        assert_eq!(speakers, ["Moreno"]);
    }

    fn check_spans(body: &str, extraction: &Extraction) -> Result<(), TestCaseError> {
        let len = body.chars().count();
        let spans = extraction
            .meetings
            .iter()
            .flat_map(|m| m.evidence.iter().map(|e| e.span))
            .chain(
                extraction
                    .statements
                    .iter()
                    .flat_map(|s| s.evidence.iter().map(|e| e.span)),
            )
            .chain(
                extraction
                    .demands
                    .iter()
                    .flat_map(|d| d.evidence.iter().map(|e| e.span)),
            )
            .chain(
                extraction
                    .actors
                    .iter()
                    .flat_map(|a| a.roles.iter().map(|r| r.span)),
            )
            .chain(extraction.diagnostics.iter().filter_map(|d| d.span));
        for span in spans {
            prop_assert!(
                span.start <= span.end && span.end <= len,
                "{span:?} outside {len}"
            );
        }
        for statement in &extraction.statements {
            prop_assert!(
                statement
                    .speaker
                    .is_none_or(|s| s.0 < extraction.actors.len())
            );
        }
        Ok(())
    }

    /// Words that drive the rules, so that random text reaches them.
    const VOCABULARY: &[&str] = &[
        "Russia",
        "NATO",
        "said",
        "met",
        "with",
        "in",
        "Geneva",
        "on",
        "Wednesday",
        "talks",
        "the",
        "“",
        "”",
        "\"",
        ",",
        ".",
        "urged",
        "to",
        "withdraw",
        "and",
        "Secretary",
        "General",
        "Jens",
        "Stoltenberg",
        "he",
        "she",
        "they",
        "President",
        "Joe",
        "Biden",
        "called",
        "for",
        "meeting",
        "will",
        "visit",
        "Beijing",
        "’s",
        "SECRETARY",
        "BLINKEN",
        ":",
        "\n\n",
        "demanded",
        "that",
        "summit",
        "postponed",
        "12",
        "January",
        "2022",
        "—",
        "Erdoğan",
        "é",
        "👍",
        "talks",
        "of",
        "the",
        "allies",
        "government",
        "who",
        "Mr",
        "(",
        ")",
        "ASEAN",
        "-",
        "U.S.",
        "Dec.",
        "J.",
        "QUESTION",
        "Today",
        "by",
        "phone",
        "hosted",
        "Council",
        "during",
        "a",
        "third",
        "both",
        "sides",
        "two",
        "leaders",
        "NATO-Russia",
        "Moscow",
        "Kremlin",
        "insists",
        "rejected",
        "calls",
        "demand",
        "Wang",
        "Yi",
        "Xi",
        "’",
    ];

    proptest! {
        /// Extraction never panics on arbitrary text, and every span lies in the body.
        #[test]
        fn arbitrary_text_never_panics(body in "\\PC{0,400}", title in "\\PC{0,40}") {
            let extraction = extract(&Input {
                title: &title,
                body: &body,
                published: chrono::NaiveDate::from_ymd_opt(2022, 1, 12),
            });
            check_spans(&body, &extraction)?;
        }

        /// The same on text built from the words the rules look for.
        #[test]
        fn rule_words_never_panic(
            words in proptest::collection::vec(proptest::sample::select(VOCABULARY), 0..120),
            dated in any::<bool>(),
        ) {
            let body = words.join(" ");
            let extraction = extract(&Input {
                title: "SECRETARY BLINKEN meeting",
                body: &body,
                published: dated.then(|| chrono::NaiveDate::from_ymd_opt(2022, 1, 12)).flatten(),
            });
            check_spans(&body, &extraction)?;
        }
    }

    #[test]
    fn boilerplate_lines_yield_nothing() {
        let extraction = extract(&Input {
            title: "x",
            body: "Press play to listen to this article\n\nLeave a Comment\n\nRead more\n\nShare this article",
            published: chrono::NaiveDate::from_ymd_opt(2022, 1, 12),
        });
        assert!(extraction.meetings.is_empty());
        assert!(extraction.statements.is_empty());
        assert!(extraction.demands.is_empty());
    }

    #[test]
    fn statements_join_the_one_meeting_their_speaker_held_that_day() {
        let extraction = extract(&Input {
            title: "Talks",
            body: "NATO and Russia held talks in Brussels on Wednesday. \
                   “There is a real risk,” NATO Secretary General Jens Stoltenberg said on Wednesday. \
                   Ukraine's foreign minister said on Tuesday that Kyiv was calm.",
            published: chrono::NaiveDate::from_ymd_opt(2022, 1, 12),
        });
        assert_eq!(extraction.meetings.len(), 1, "{:#?}", extraction.meetings);
        let linked: Vec<bool> = extraction
            .statements
            .iter()
            .map(|s| s.meeting == Some(MeetingRef(0)))
            .collect();
        // Stoltenberg spoke for NATO, a party to the talks, that day; the minister did not.
        assert_eq!(linked, [true, false], "{:#?}", extraction.statements);
    }

    /// Extracts in another thread and fails the test if that takes longer than `seconds`:
    /// extraction must finish on any text, and in time that grows with its length only.
    fn extract_within(body: String, seconds: u64) -> Extraction {
        let (send, receive) = std::sync::mpsc::channel();
        let length = body.len();
        std::thread::spawn(move || {
            let extraction = extract(&Input {
                title: "x",
                body: &body,
                published: chrono::NaiveDate::from_ymd_opt(2022, 1, 12),
            });
            let _ = send.send(extraction);
        });
        receive
            .recv_timeout(std::time::Duration::from_secs(seconds))
            .unwrap_or_else(|_| panic!("extraction of {length} bytes ran over {seconds} s"))
    }

    #[test]
    fn pathological_texts_finish() {
        // Generous limits for an unoptimised build on a loaded machine; the release build
        // takes well under a second for each (see the fuzz and benchmark notes).
        let quotes = "\u{201c}".repeat(100_000);
        extract_within(quotes, 120);
        let mixed: String = (0..100_000)
            .map(|i| ["\u{201c}", "\u{201d}", "\"", "'", " said ", "\u{2018}"][i % 6])
            .collect();
        extract_within(mixed, 120);
        // One sentence of 2 MB: dictionary words, no full stop.
        let words = [
            "Russia",
            "NATO",
            "said",
            "the",
            "talks",
            "in",
            "Geneva",
            "on",
            "Monday",
            "Putin",
            "met",
            "Biden",
            "called",
            "for",
            "withdrawal",
            "Sherman",
            "urged",
            "Mr.",
        ];
        let mut sentence = String::new();
        let mut i = 0;
        while sentence.len() < 2_000_000 {
            sentence.push_str(words[(i * 7 + i / 3) % words.len()]);
            sentence.push(' ');
            i += 1;
        }
        let extraction = extract_within(sentence, 300);
        assert!(extraction.meetings.len() < 100_000);
        // The same meeting thousands of times is one meeting.
        let repeated = "NATO and Russia met in Brussels on Wednesday. ".repeat(20_000);
        let extraction = extract_within(repeated, 300);
        assert_eq!(extraction.meetings.len(), 1);
        assert_eq!(extraction.meetings[0].evidence.len(), 20_000);
        // Thousands of distinct persons.
        let persons: String = (0..20_000)
            .map(|i| format!("Mr. Abc{i} Def{} met Ms. Ghi{} on Monday. ", i % 97, i % 89))
            .collect();
        extract_within(persons, 300);
    }
}
