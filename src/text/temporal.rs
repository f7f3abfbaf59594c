//! Temporal expressions: finding date phrases in a sentence and resolving them against the
//! article's publication date, never the clock.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::date::PartialDate;
use super::tokens::{Token, TokenKind};

/// Whether a clause speaks of the past or the future, which decides "Thursday" and "in July".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
}

/// A date phrase: its byte span, the words, and what it resolves to (`None` when it cannot be
/// resolved, e.g. without a publication date).
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    /// Token range of the phrase.
    pub first_token: usize,
    pub end_token: usize,
    pub phrase: String,
    pub date: Option<PartialDate>,
    pub end_date: Option<PartialDate>,
    /// The phrase only names a year ("in 2014"), which is weak evidence for an event's date.
    pub year_only: bool,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub(crate) fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    // Every month's name and abbreviation is 3 to 9 ASCII letters: most words are not looked
    // at further, and a word already in lower case is not copied.
    if !(3..=9).contains(&word.len()) {
        return None;
    }
    let lower: std::borrow::Cow<'_, str> = if word.bytes().any(|b| b.is_ascii_uppercase()) {
        word.to_lowercase().into()
    } else {
        word.into()
    };
    if let Some(i) = MONTHS.iter().position(|m| *m == lower) {
        return Some(i as u32 + 1);
    }
    let abbreviation = match &*lower {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(abbreviation)
}

fn weekday(word: &str) -> Option<Weekday> {
    Some(match word.to_lowercase().as_str() {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// Words that put a clause in the future.
const FUTURE_MARKERS: &[&str] = &[
    "will",
    "would",
    "shall",
    "’ll",
    "'ll",
    "scheduled",
    "planned",
    "expected",
    "due",
    "upcoming",
    "next",
    "plans",
    "plan",
    "intends",
    "set",
    "coming",
    "attend",
    "travels",
];

/// Past-tense verbs that do not end in -ed.
const PAST_MARKERS: &[&str] = &[
    "met", "held", "said", "told", "was", "were", "had", "did", "spoke", "made", "took", "gave",
    "led", "began", "went", "came", "put", "sent", "brought", "left", "sat", "saw", "ran", "won",
    "agreed", "ended", "signed",
];

/// The tense of the clause around token `at`: the nearest tense marker before it in the same
/// sentence decides; the past is the default for reporting.
pub fn tense_at(text: &str, tokens: &[Token], sentence_start: usize, at: usize) -> Tense {
    marked_tense(text, tokens, sentence_start, at).unwrap_or(Tense::Past)
}

/// The tense marked before token `at` in its sentence, if any marker is there.
fn marked_tense(text: &str, tokens: &[Token], sentence_start: usize, at: usize) -> Option<Tense> {
    let mut i = at;
    while i > sentence_start {
        i -= 1;
        let word = tokens[i].text(text);
        let lower = word.to_lowercase();
        if tokens[i].kind == TokenKind::Punct && word == ";" {
            break;
        }
        // "We look forward to the fifth session": what one looks forward to is to come.
        if lower == "forward"
            && i > sentence_start
            && tokens[i - 1].text(text).to_lowercase().starts_with("look")
            && tokens.get(i + 1).is_some_and(|t| t.text(text) == "to")
            && at - i <= 10
            && !(i + 2..at).any(|k| {
                matches!(
                    tokens[k].text(text).to_lowercase().as_str(),
                    "from" | "of" | "on" | "about" | "after"
                )
            })
        {
            // Not "look forward to the reports from the mission": what is looked forward to
            // is another thing, the meeting its source.
            return Some(Tense::Future);
        }
        if FUTURE_MARKERS.contains(&lower.as_str()) {
            // "set" and "due" mean the future only before "to"; "coming" before a noun.
            if matches!(lower.as_str(), "set" | "due" | "plans" | "plan" | "intends")
                && tokens.get(i + 1).is_none_or(|t| t.text(text) != "to")
            {
                continue;
            }
            return Some(Tense::Future);
        }
        let after_be = i > 0
            && matches!(
                tokens[i - 1].text(text).to_lowercase().as_str(),
                "be" | "been" | "being" | "to"
            );
        // "Mohammed", "Ahmed": a capitalised word within the sentence is a name, not a verb.
        let name = i > sentence_start && word.starts_with(|c: char| c.is_uppercase());
        if !after_be
            && (PAST_MARKERS.contains(&lower.as_str()) || !name && is_past_participle(&lower))
        {
            return Some(Tense::Past);
        }
    }
    None
}

/// "the meeting planned for February had been postponed", "the talks that were scheduled for
/// March": a plan told as a fact of the past, or in a participle after its noun, says nothing
/// of whether the month named is past or to come; the nearest such month is meant.
fn planned_as_past(text: &str, tokens: &[Token], sentence_start: usize, at: usize) -> bool {
    let lower = |k: usize| tokens[k].text(text).to_lowercase();
    let Some(marker) = (sentence_start..at)
        .rev()
        .take(3)
        .find(|&k| matches!(lower(k).as_str(), "planned" | "scheduled"))
    else {
        return false;
    };
    marker > sentence_start
        && tokens[marker - 1].kind == TokenKind::Word
        && !matches!(
            lower(marker - 1).as_str(),
            "is" | "are" | "be" | "being" | "’s" | "'s" | "now" | "currently"
        )
        && (matches!(lower(marker - 1).as_str(), "was" | "were" | "been")
            || !tokens[marker - 1]
                .text(text)
                .starts_with(char::is_uppercase))
}

fn is_past_participle(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ed") && !matches!(word, "need" | "united" | "based")
}

/// Finds and resolves the date phrases in a token range.
pub fn find_dates(
    text: &str,
    tokens: &[Token],
    range: std::ops::Range<usize>,
    published: Option<NaiveDate>,
) -> Vec<DateMention> {
    let mut found = Vec::new();
    let mut i = range.start;
    while i < range.end {
        match date_at(text, tokens, range.start, i, range.end, published) {
            Some(mention) => {
                i = mention.end_token;
                found.push(mention);
            }
            None => i += 1,
        }
    }
    found
}

fn word(text: &str, tokens: &[Token], i: usize, end: usize) -> Option<String> {
    (i < end).then(|| tokens[i].text(text).to_lowercase())
}

fn number(text: &str, tokens: &[Token], i: usize, end: usize) -> Option<u32> {
    if i >= end || tokens[i].kind != TokenKind::Number {
        return None;
    }
    let digits = tokens[i].text(text);
    let digits = digits
        .strip_suffix("st")
        .or_else(|| digits.strip_suffix("nd"))
        .or_else(|| digits.strip_suffix("rd"))
        .or_else(|| digits.strip_suffix("th"))
        .unwrap_or(digits);
    digits.parse().ok()
}

fn year_number(text: &str, tokens: &[Token], i: usize, end: usize) -> Option<i32> {
    let n = number(text, tokens, i, end)?;
    (tokens[i].text(text).len() == 4 && (1800..=2200).contains(&n)).then_some(n as i32)
}

/// A date phrase starting at token `i`, if there is one.
fn date_at(
    text: &str,
    tokens: &[Token],
    sentence_start: usize,
    i: usize,
    end: usize,
    published: Option<NaiveDate>,
) -> Option<DateMention> {
    let w = word(text, tokens, i, end)?;
    let tense = || tense_at(text, tokens, sentence_start, i);
    let make = |last: usize, date: Option<PartialDate>, end_date: Option<PartialDate>| {
        Some(DateMention {
            start: tokens[i].start,
            end: tokens[last - 1].end,
            first_token: i,
            end_token: last,
            phrase: text[tokens[i].start..tokens[last - 1].end].to_string(),
            date,
            end_date,
            year_only: false,
        })
    };
    let next = |k: usize| word(text, tokens, i + k, end);
    // "a few days ago", "recently", "two weeks ago": a span of days around the publication,
    // dated by the most precise date that holds all of it.
    if let Some((last, offsets)) = vague_at(&w, text, tokens, i, end) {
        let date = published
            .and_then(|p| offsets.resolve(p))
            .and_then(|(first, last)| PartialDate::covering(first, last));
        return make(last, date, None);
    }
    match w.as_str() {
        "today" | "tonight" => return make(i + 1, published.map(PartialDate::Day), None),
        "yesterday" => {
            return make(
                i + 1,
                published.map(|p| PartialDate::Day(p - Duration::days(1))),
                None,
            );
        }
        "tomorrow" => {
            return make(
                i + 1,
                published.map(|p| PartialDate::Day(p + Duration::days(1))),
                None,
            );
        }
        "later" | "earlier" if next(1).as_deref() == Some("today") => {
            return make(i + 2, published.map(PartialDate::Day), None);
        }
        "later" | "earlier"
            if next(1).as_deref() == Some("on") && next(2).as_deref() == Some("today") =>
        {
            return make(i + 3, published.map(PartialDate::Day), None);
        }
        "this"
            if matches!(
                next(1).as_deref(),
                Some("morning" | "afternoon" | "evening")
            ) =>
        {
            return make(i + 2, published.map(PartialDate::Day), None);
        }
        "last" if next(1).as_deref() == Some("night") => {
            return make(
                i + 2,
                published.map(|p| PartialDate::Day(p - Duration::days(1))),
                None,
            );
        }
        "last" | "next" | "this" | "earlier" | "later" | "early" | "late" => {
            if let Some(m) = relative_period(text, tokens, i, end, published) {
                return Some(m);
            }
        }
        _ => {}
    }
    // Weekdays: "Wednesday", "on Wednesday", "last Friday", "Wednesday’s meeting".
    if let Some(day) = weekday(&w) {
        // "Tuesday, June 1": the explicit date wins.
        if next(1).as_deref() == Some(",")
            && let Some(explicit) = date_at(text, tokens, sentence_start, i + 2, end, published)
            && explicit
                .date
                .is_some_and(|d| d.precision() == super::Precision::Day)
        {
            return make(explicit.end_token, explicit.date, explicit.end_date);
        }
        let before = (i > sentence_start).then(|| tokens[i - 1].text(text).to_lowercase());
        // "set for Wednesday", "scheduled for Thursday", "planned for Sunday": the day an
        // arrangement looks forward to, even when the text reports it called off.
        let arranged = i >= sentence_start + 2
            && before.as_deref() == Some("for")
            && matches!(
                tokens[i - 2].text(text).to_lowercase().as_str(),
                "set" | "scheduled" | "planned" | "slated" | "fixed" | "rescheduled"
            );
        let date = published.map(|p| match before.as_deref() {
            Some("last") => previous_weekday(p - Duration::days(1), day),
            Some("next") => next_weekday(p + Duration::days(1), day),
            _ if arranged => next_weekday(p, day),
            _ => match tense() {
                Tense::Past => previous_weekday(p, day),
                Tense::Future => next_weekday(p, day),
            },
        });
        let first = match before.as_deref() {
            Some("last" | "next" | "this") => i - 1,
            _ => i,
        };
        let mut mention = make(i + 1, date.map(PartialDate::Day), None)?;
        mention.start = tokens[first].start;
        mention.first_token = first;
        mention.phrase = text[mention.start..mention.end].to_string();
        return Some(mention);
    }
    // "12 January 2022", "12 January".
    if let Some(day) = number(text, tokens, i, end)
        && (1..=31).contains(&day)
        && let Some(month) = next(1).as_deref().and_then(month_number)
        && is_month_word(text, tokens, i + 1)
    {
        let mut last = i + 2;
        let year = year_number(text, tokens, last, end);
        if year.is_some() {
            last += 1;
        }
        let date = resolve_month_day(published, year, month, day);
        return make(last, date.map(PartialDate::Day), None);
    }
    // "January 12", "Jan. 12, 2022", "March 4 to 5", "January 12-13", "December 2021",
    // "in December", "in July last year".
    let month = month_number(&w).filter(|_| is_month_word(text, tokens, i))?;
    let mut k = i + 1;
    if tokens
        .get(k)
        .is_some_and(|t| t.text(text) == "." && !t.space_before)
    {
        k += 1;
    }
    if let Some(day) = number(text, tokens, k, end).filter(|d| (1..=31).contains(d))
        && year_number(text, tokens, k, end).is_none()
    {
        let mut last = k + 1;
        // A range: "12-13", "4 to 5", "4 to 11", "9 to March 10".
        let mut end_day = None;
        let dash_or_to = word(text, tokens, last, end);
        if matches!(dash_or_to.as_deref(), Some("-" | "–" | "to" | "through")) {
            let mut m = last + 1;
            let mut end_month = month;
            if let Some(other) = word(text, tokens, m, end).as_deref().and_then(month_number) {
                end_month = other;
                m += 1;
                if tokens.get(m).is_some_and(|t| t.text(text) == ".") {
                    m += 1;
                }
            }
            if let Some(d2) = number(text, tokens, m, end).filter(|d| (1..=31).contains(d)) {
                end_day = Some((end_month, d2));
                last = m + 1;
            }
        }
        let mut year = None;
        if word(text, tokens, last, end).as_deref() == Some(",")
            && let Some(y) = year_number(text, tokens, last + 1, end)
        {
            year = Some(y);
            last += 2;
        } else if let Some(y) = year_number(text, tokens, last, end) {
            year = Some(y);
            last += 1;
        }
        let date = resolve_month_day(published, year, month, day);
        let end_date = end_day.and_then(|(m2, d2)| {
            let first = date?;
            let candidate = NaiveDate::from_ymd_opt(first.year(), m2, d2)?;
            Some(if candidate < first {
                NaiveDate::from_ymd_opt(first.year() + 1, m2, d2)?
            } else {
                candidate
            })
        });
        return make(
            last,
            date.map(PartialDate::Day),
            end_date.map(PartialDate::Day),
        );
    }
    // Month with a year, or alone.
    if let Some(year) = year_number(text, tokens, k, end) {
        return make(k + 1, PartialDate::month(year, month), None);
    }
    if word(text, tokens, k, end).as_deref() == Some("last")
        && word(text, tokens, k + 1, end).as_deref() == Some("year")
    {
        let date = published.and_then(|p| PartialDate::month(p.year() - 1, month));
        return make(k + 2, date, None);
    }
    if word(text, tokens, k, end).as_deref() == Some("next")
        && word(text, tokens, k + 1, end).as_deref() == Some("year")
    {
        let date = published.and_then(|p| PartialDate::month(p.year() + 1, month));
        return make(k + 2, date, None);
    }
    let date = published.and_then(|p| {
        let tense = if planned_as_past(text, tokens, sentence_start, i) {
            None
        } else {
            marked_tense(text, tokens, sentence_start, i)
        };
        let year = nearest_month_year(p, month, tense);
        PartialDate::month(year, month)
    });
    make(k, date, None)
}

/// "May" is a month only where a month can stand: before a number, or after "in", "of",
/// "since", "until", "early", "late", "mid".
fn is_month_word(text: &str, tokens: &[Token], i: usize) -> bool {
    let word = tokens[i].text(text);
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    if !word.eq_ignore_ascii_case("may") {
        return true;
    }
    let next_is_number = tokens
        .get(i + 1)
        .is_some_and(|t| t.kind == TokenKind::Number);
    let previous = i
        .checked_sub(1)
        .map(|p| tokens[p].text(text).to_lowercase());
    // "planned for 31 May": after the day of the month.
    let after_day = i.checked_sub(1).is_some_and(|p| {
        tokens[p].kind == TokenKind::Number
            && tokens[p]
                .text(text)
                .parse::<u32>()
                .is_ok_and(|d| (1..=31).contains(&d))
    });
    next_is_number
        || after_day
        || matches!(
            previous.as_deref(),
            Some("in" | "of" | "since" | "until" | "early" | "late" | "mid" | "last" | "next")
        )
}

/// "last week", "next month", "earlier this month", "this year", "early next year", "this fall".
fn relative_period(
    text: &str,
    tokens: &[Token],
    i: usize,
    end: usize,
    published: Option<NaiveDate>,
) -> Option<DateMention> {
    let mut k = i;
    let mut words = Vec::new();
    while k < end && words.len() < 3 {
        words.push(tokens[k].text(text).to_lowercase());
        k += 1;
        let last = words.last().map(String::as_str);
        if matches!(
            last,
            Some("week" | "month" | "year" | "fall" | "autumn" | "spring" | "summer" | "winter")
        ) {
            break;
        }
    }
    let phrase: Vec<&str> = words.iter().map(String::as_str).collect();
    let unit = *phrase.last()?;
    let modifier = phrase
        .iter()
        .rev()
        .nth(1)
        .copied()
        .filter(|m| matches!(*m, "last" | "next" | "this"))?;
    // Only "early"/"late"/"earlier"/"later" may come before the modifier.
    if phrase.len() == 3 && !matches!(phrase[0], "early" | "late" | "earlier" | "later") {
        return None;
    }
    let p = published;
    let date = match (modifier, unit) {
        ("this", "week") => p.and_then(|p| week_month(p, 0)),
        ("last", "week") => p.and_then(|p| week_month(p, -7)),
        ("next", "week") => p.and_then(|p| week_month(p, 7)),
        ("this", "month") => p.and_then(|p| PartialDate::month(p.year(), p.month())),
        ("last", "month") => p.and_then(|p| {
            let (y, m) = shift_month(p.year(), p.month(), -1);
            PartialDate::month(y, m)
        }),
        ("next", "month") => p.and_then(|p| {
            let (y, m) = shift_month(p.year(), p.month(), 1);
            PartialDate::month(y, m)
        }),
        ("this", "year" | "fall" | "autumn" | "spring" | "summer" | "winter") => {
            p.map(|p| PartialDate::Year(p.year()))
        }
        ("last", "year" | "fall" | "autumn" | "spring" | "summer" | "winter") => {
            p.map(|p| PartialDate::Year(p.year() - 1))
        }
        ("next", "year" | "fall" | "autumn" | "spring" | "summer" | "winter") => {
            p.map(|p| PartialDate::Year(p.year() + 1))
        }
        _ => return None,
    };
    let last = i + words.len();
    Some(DateMention {
        start: tokens[i].start,
        end: tokens[last - 1].end,
        first_token: i,
        end_token: last,
        phrase: text[tokens[i].start..tokens[last - 1].end].to_string(),
        date,
        end_date: None,
        year_only: false,
    })
}

/// A span of days relative to the publication date: from `from` to `to` days after it
/// (negative: before it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offsets {
    pub from: i64,
    pub to: i64,
}

impl Offsets {
    /// The first and last day of the span, for an article published on `published`.
    pub fn resolve(self, published: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
        let first = published.checked_add_signed(Duration::try_days(self.from)?)?;
        let last = published.checked_add_signed(Duration::try_days(self.to)?)?;
        Some((first, last))
    }
}

/// Vague date phrases by their first word: each phrase's words and the days it allows.
type VagueDates = HashMap<String, Vec<(Vec<String>, Offsets)>>;

/// `data/dictionaries/vague_dates.csv`: phrases that place an event a span of days from the
/// publication ("a few days ago": from ten days to one day before), by their first word.
static VAGUE_DATES: LazyLock<VagueDates> = LazyLock::new(|| {
    let mut by_first = VagueDates::new();
    let rows = include_str!("../../data/dictionaries/vague_dates.csv");
    // The file is compiled in and checked by a test, so a malformed row is skipped, not fatal.
    for line in rows.lines().skip(1) {
        let mut cells = line.split(',');
        let (Some(phrase), Some(from), Some(to)) = (cells.next(), cells.next(), cells.next())
        else {
            continue;
        };
        let (Ok(from), Ok(to)) = (from.trim().parse(), to.trim().parse()) else {
            continue;
        };
        let words: Vec<String> = phrase.split_whitespace().map(str::to_lowercase).collect();
        if let Some(first) = words.first() {
            by_first
                .entry(first.clone())
                .or_default()
                .push((words, Offsets { from, to }));
        }
    }
    // Longest phrase first, so that "a few days ago" wins over "days ago".
    for entries in by_first.values_mut() {
        entries.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    }
    by_first
});

/// Small numbers written as words, for "two weeks ago".
const NUMBER_WORDS: [&str; 12] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

/// A small count written as a word or in digits ("two", "3"): for "two days of talks".
pub(crate) fn count_word(word: &str) -> Option<u32> {
    NUMBER_WORDS
        .iter()
        .position(|w| *w == word)
        .map(|i| i as u32 + 1)
        .or_else(|| word.parse().ok().filter(|&n: &u32| n > 0 && n < 100))
}

/// A vague date phrase starting at token `i`: its end token and its span of days, from
/// [`VAGUE_DATES`] or of the form "<number> days|weeks|months ago".
/// `first` is token `i` in lower case.
fn vague_at(
    first: &str,
    text: &str,
    tokens: &[Token],
    i: usize,
    end: usize,
) -> Option<(usize, Offsets)> {
    if let Some(entries) = VAGUE_DATES.get(first) {
        for (words, offsets) in entries {
            let matches = words.iter().enumerate().all(|(k, w)| {
                k == 0 || word(text, tokens, i + k, end).as_deref() == Some(w.as_str())
            });
            if matches {
                return Some((i + words.len(), *offsets));
            }
        }
    }
    let count = number(text, tokens, i, end)
        .map(i64::from)
        .or_else(|| {
            NUMBER_WORDS
                .iter()
                .position(|n| *n == first)
                .map(|n| n as i64 + 1)
        })
        .filter(|n| (1..=24).contains(n))?;
    let unit = word(text, tokens, i + 1, end)?;
    if word(text, tokens, i + 2, end).as_deref() != Some("ago") {
        return None;
    }
    // The span widens with the unit: "two days ago" is the day give or take one, "three
    // weeks ago" that week give or take half of one, "two months ago" give or take a fortnight.
    let (days, slack) = match unit.as_str() {
        "day" | "days" => (count, 1),
        "week" | "weeks" => (count * 7, 4),
        "month" | "months" => (count * 30, 15),
        _ => return None,
    };
    Some((
        i + 3,
        Offsets {
            from: -(days + slack),
            to: (slack - days).min(0),
        },
    ))
}

/// The days a date phrase allows, for an article published on `published`, when the phrase
/// says more than its date can: "a few days ago" (the ten days before), "last week" (its
/// Monday to Sunday), "earlier this month" (the first of the month to the publication). `None`
/// for a phrase whose date says it all ("12 January", "in July").
pub fn phrase_bounds(phrase: &str, published: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let tokens = super::tokens::tokenize(phrase);
    let first = word(phrase, &tokens, 0, tokens.len()).unwrap_or_default();
    if let Some((last, offsets)) = vague_at(&first, phrase, &tokens, 0, tokens.len())
        && last == tokens.len()
    {
        return offsets.resolve(published);
    }
    // A range of days ("July 6-11, 2022") whose meeting is dated by its month only (a trip's
    // meeting on one of its days): the range's days.
    if let Some(range) = date_at(phrase, &tokens, 0, 0, tokens.len(), Some(published))
        && range.end_token == tokens.len()
        && let (Some(PartialDate::Day(first)), Some(PartialDate::Day(last))) =
            (range.date, range.end_date)
    {
        return Some((first, last));
    }
    let words: Vec<String> = tokens
        .iter()
        .map(|t| t.text(phrase).to_lowercase())
        .collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let (part, modifier, unit) = match words.as_slice() {
        [modifier, unit] => (None, *modifier, *unit),
        [part, modifier, unit] => (Some(*part), *modifier, *unit),
        _ => return None,
    };
    let (first, last) = match (modifier, unit) {
        ("this" | "last" | "next", "week") => {
            let shift = match modifier {
                "last" => -7,
                "next" => 7,
                _ => 0,
            };
            let day = published + Duration::days(shift);
            let monday = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
            (monday, monday + Duration::days(6))
        }
        ("this" | "last" | "next", "month") => {
            let by = match modifier {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            let (y, m) = shift_month(published.year(), published.month(), by);
            let month = PartialDate::month(y, m)?;
            (month.first_day()?, month.last_day()?)
        }
        ("this" | "last" | "next", "year") => {
            let year = published.year()
                + match modifier {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
            let year = PartialDate::Year(year);
            (year.first_day()?, year.last_day()?)
        }
        _ => return None,
    };
    // "earlier this month" ends, and "later this week" begins, at the publication.
    match (part, modifier) {
        (None, _) => Some((first, last)),
        (Some("earlier"), "this") => Some((first, published.min(last))),
        (Some("later"), "this") => Some((published.max(first), last)),
        _ => None,
    }
}

/// The month of a week (shifted by `days`), when the week lies in one month.
fn week_month(published: NaiveDate, days: i64) -> Option<PartialDate> {
    let day = published + Duration::days(days);
    let monday = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
    let sunday = monday + Duration::days(6);
    if monday.month() == sunday.month() {
        PartialDate::month(day.year(), day.month())
    } else {
        Some(PartialDate::Year(day.year())).filter(|_| monday.year() == sunday.year())
    }
}

fn shift_month(year: i32, month: u32, by: i32) -> (i32, u32) {
    let index = year * 12 + month as i32 - 1 + by;
    (index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
}

/// The latest `day` on or before `from`.
fn previous_weekday(from: NaiveDate, day: Weekday) -> NaiveDate {
    let back = (7 + from.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7;
    from - Duration::days(i64::from(back))
}

/// The earliest `day` on or after `from`.
fn next_weekday(from: NaiveDate, day: Weekday) -> NaiveDate {
    let ahead = (7 + day.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7;
    from + Duration::days(i64::from(ahead))
}

/// A day of a month without a year is the one nearest the publication date.
fn resolve_month_day(
    published: Option<NaiveDate>,
    year: Option<i32>,
    month: u32,
    day: u32,
) -> Option<NaiveDate> {
    if let Some(year) = year {
        return NaiveDate::from_ymd_opt(year, month, day);
    }
    let p = published?;
    [p.year() - 1, p.year(), p.year() + 1]
        .iter()
        .filter_map(|&y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - p).num_days().abs())
}

/// The year of a month named alone: in the past in a past clause, in the future in a future
/// one, and otherwise the nearest occurrence.
fn nearest_month_year(published: NaiveDate, month: u32, tense: Option<Tense>) -> i32 {
    let this_year = published.year();
    let current = published.month();
    match tense {
        Some(Tense::Past) if month > current => this_year - 1,
        Some(Tense::Future) if month < current => this_year + 1,
        Some(_) => this_year,
        None => {
            let distance =
                |year: i32| (year * 12 + month as i32 - (this_year * 12 + current as i32)).abs();
            [this_year - 1, this_year, this_year + 1]
                .into_iter()
                .min_by_key(|&y| distance(y))
                .unwrap_or(this_year)
        }
    }
}

/// "in 2014", "since 2018": the year phrases, as weak date evidence.
pub fn find_years(text: &str, tokens: &[Token], range: std::ops::Range<usize>) -> Vec<DateMention> {
    range
        .clone()
        .filter(|&i| {
            year_number(text, tokens, i, range.end).is_some()
                && i > range.start
                && tokens[i - 1].text(text).eq_ignore_ascii_case("in")
        })
        .filter_map(|i| {
            let year = year_number(text, tokens, i, range.end)?;
            Some(DateMention {
                start: tokens[i - 1].start,
                end: tokens[i].end,
                first_token: i - 1,
                end_token: i + 1,
                phrase: text[tokens[i - 1].start..tokens[i].end].to_string(),
                date: Some(PartialDate::Year(year)),
                end_date: None,
                year_only: true,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    /// Resolves the first date phrase of `sentence` published on `published`.
    fn resolve(sentence: &str, published: &str) -> (String, Option<String>, Option<String>) {
        let tokens = tokenize(sentence);
        let published = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        let found = find_dates(sentence, &tokens, 0..tokens.len(), published);
        let first = found
            .first()
            .unwrap_or_else(|| panic!("no date in {sentence:?}"));
        (
            first.phrase.clone(),
            first.date.map(|d| d.to_string()),
            first.end_date.map(|d| d.to_string()),
        )
    }

    fn date(sentence: &str, published: &str) -> String {
        resolve(sentence, published).1.unwrap_or_default()
    }

    #[test]
    fn a_day_set_for_looks_forward_even_when_called_off() {
        // 2022-12-20 was a Tuesday.
        assert_eq!(
            date(
                "A meeting that had been set for Wednesday has been postponed.",
                "2022-12-20"
            ),
            "2022-12-21"
        );
        assert_eq!(
            date(
                "Talks that had been scheduled for Wednesday were called off.",
                "2022-12-20"
            ),
            "2022-12-21"
        );
    }

    #[test]
    fn weekdays_resolve_by_tense() {
        // 2022-01-12 was a Wednesday.
        assert_eq!(
            date("The talks ended on Wednesday.", "2022-01-12"),
            "2022-01-12"
        );
        assert_eq!(
            date("They met on Monday in Geneva.", "2022-01-12"),
            "2022-01-10"
        );
        assert_eq!(
            date(
                "It will be followed by a third meeting Thursday in Vienna.",
                "2022-01-12"
            ),
            "2022-01-13"
        );
        assert_eq!(
            date(
                "Russia put them on the table during Wednesday’s meeting.",
                "2022-01-12"
            ),
            "2022-01-12"
        );
        assert_eq!(date("They met last Friday.", "2022-01-14"), "2022-01-07");
        assert_eq!(
            date("They will meet next Monday.", "2022-01-10"),
            "2022-01-17"
        );
        // A name ending in "-ed" is no past tense: 2023-03-10 was a Friday.
        assert_eq!(
            date(
                "The minister is expected to meet Crown Prince Ahmed Hamed on Wednesday.",
                "2023-03-10"
            ),
            "2023-03-15"
        );
    }

    #[test]
    fn relative_days() {
        assert_eq!(
            date("Blinken spoke today with Truss.", "2022-06-13"),
            "2022-06-13"
        );
        assert_eq!(
            date("Blinken met yesterday with Lutundula.", "2022-06-02"),
            "2022-06-01"
        );
        assert_eq!(date("They will meet tomorrow.", "2022-12-31"), "2023-01-01");
        assert_eq!(
            date("Later on today, ministers will meet.", "2022-03-04"),
            "2022-03-04"
        );
        assert_eq!(
            date("As Biden said last night, freedom wins.", "2022-03-02"),
            "2022-03-01"
        );
    }

    #[test]
    fn months_and_days() {
        assert_eq!(
            date("In December, the Kremlin presented drafts.", "2022-01-12"),
            "2021-12"
        );
        assert_eq!(date("They met on Dec. 12.", "2022-01-12"), "2021-12-12");
        assert_eq!(
            date("It signed on 12 January 2022.", "2023-05-01"),
            "2022-01-12"
        );
        assert_eq!(
            date("The talks opened on Oct. 25 under the AU.", "2022-11-02"),
            "2022-10-25"
        );
        assert_eq!(
            date("He led a delegation on Tuesday, June 1.", "2021-06-01"),
            "2021-06-01"
        );
        assert_eq!(
            date("He will attend the June 28 meeting.", "2021-06-27"),
            "2021-06-28"
        );
        assert_eq!(
            date("The productive September 2021 dialogue.", "2022-03-08"),
            "2021-09"
        );
        assert_eq!(
            date("A summit in November last year.", "2022-11-14"),
            "2021-11"
        );
        assert_eq!(
            date("Leaders meet in Vilnius in July.", "2023-04-04"),
            "2023-07"
        );
        assert_eq!(date("It happened in May 2021.", "2022-04-04"), "2021-05");
        assert_eq!(
            date("A meeting planned for 31 May was put off.", "2016-05-27"),
            "2016-05-31"
        );
        assert_eq!(date("They met on 3 May.", "2016-05-27"), "2016-05-03");
    }

    #[test]
    fn ranges_give_first_and_last_day() {
        assert_eq!(
            resolve("She will travel from March 4 to 11.", "2022-03-03"),
            (
                "March 4 to 11".into(),
                Some("2022-03-04".into()),
                Some("2022-03-11".into())
            )
        );
        assert_eq!(
            resolve("Talks on January 12-13 in Vienna.", "2022-01-01").2,
            Some("2022-01-13".into())
        );
        assert_eq!(
            resolve("From March 9 to March 10 in Algiers.", "2022-03-03").2,
            Some("2022-03-10".into())
        );
    }

    #[test]
    fn periods_have_coarser_precision() {
        assert_eq!(
            date("Earlier this month they met.", "2022-01-12"),
            "2022-01"
        );
        assert_eq!(date("They met last month.", "2022-01-12"), "2021-12");
        assert_eq!(date("They will meet next month.", "2022-12-12"), "2023-01");
        assert_eq!(date("A second summit this fall.", "2021-06-05"), "2021");
        assert_eq!(
            date("Blinken will visit China early next year.", "2022-11-14"),
            "2023"
        );
        assert_eq!(date("They met last year.", "2022-11-14"), "2021");
    }

    #[test]
    fn vague_phrases_are_dated_by_the_span_they_allow() {
        // 18 July 2022: "just a few days ago" is the Bali meeting of 9 July.
        assert_eq!(
            resolve("He met Wang Yi in Bali just a few days ago.", "2022-07-18").0,
            "a few days ago"
        );
        assert_eq!(
            date("He met Wang Yi in Bali just a few days ago.", "2022-07-18"),
            "2022-07"
        );
        // The ten days before 3 July reach into June: only the year holds them all.
        assert_eq!(date("They met a few days ago.", "2022-07-03"), "2022");
        assert_eq!(date("They met two weeks ago.", "2022-07-20"), "2022-07");
        assert_eq!(date("She recently met him.", "2022-07-30"), "2022");
        let tokens = tokenize("The talks began days after.");
        assert!(
            find_dates(
                "The talks began days after.",
                &tokens,
                0..tokens.len(),
                None
            )
            .is_empty()
        );
    }

    #[test]
    fn phrases_bound_their_days() {
        let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
        let bounds = |phrase: &str, published: &str| {
            phrase_bounds(phrase, day(published)).map(|(a, b)| (a.to_string(), b.to_string()))
        };
        let span = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(
            bounds("a few days ago", "2022-07-18"),
            span("2022-07-08", "2022-07-17")
        );
        assert_eq!(
            bounds(
                "just the other week".trim_start_matches("just "),
                "2022-07-18"
            ),
            span("2022-06-27", "2022-07-14")
        );
        assert_eq!(
            bounds("3 days ago", "2022-07-18"),
            span("2022-07-14", "2022-07-16")
        );
        assert_eq!(
            bounds("two weeks ago", "2022-07-20"),
            span("2022-07-02", "2022-07-10")
        );
        // 12 January 2022 was a Wednesday.
        assert_eq!(
            bounds("last week", "2022-01-12"),
            span("2022-01-03", "2022-01-09")
        );
        assert_eq!(
            bounds("earlier this week", "2022-01-12"),
            span("2022-01-10", "2022-01-12")
        );
        assert_eq!(
            bounds("earlier this month", "2022-01-12"),
            span("2022-01-01", "2022-01-12")
        );
        assert_eq!(
            bounds("later this month", "2022-01-12"),
            span("2022-01-12", "2022-01-31")
        );
        assert_eq!(
            bounds("next month", "2022-12-12"),
            span("2023-01-01", "2023-01-31")
        );
        assert_eq!(
            bounds("recently", "2022-07-18"),
            span("2022-06-06", "2022-07-18")
        );
        assert_eq!(
            bounds("July 6-11, 2022", "2022-07-05"),
            span("2022-07-06", "2022-07-11")
        );
        // A phrase whose date says all there is to say has no bounds of its own.
        assert_eq!(bounds("12 January", "2022-01-12"), None);
        assert_eq!(bounds("on Wednesday", "2022-01-12"), None);
    }

    #[test]
    fn every_vague_date_row_reads() {
        let rows = include_str!("../../data/dictionaries/vague_dates.csv");
        let read: usize = VAGUE_DATES.values().map(Vec::len).sum();
        assert_eq!(
            read,
            rows.lines()
                .skip(1)
                .filter(|l| !l.trim().is_empty())
                .count()
        );
        for entries in VAGUE_DATES.values() {
            for (words, offsets) in entries {
                assert!(offsets.from <= offsets.to, "{words:?}");
            }
        }
    }

    #[test]
    fn may_is_a_month_only_where_a_month_can_stand() {
        let tokens = tokenize("Russia may respond.");
        let found = find_dates("Russia may respond.", &tokens, 0..tokens.len(), None);
        assert!(found.is_empty());
        assert_eq!(
            date("They applied in May last year.", "2023-04-04"),
            "2022-05"
        );
    }

    #[test]
    fn without_a_publication_date_relative_dates_stay_unresolved() {
        let (phrase, resolved, _) = resolve("They met on Wednesday.", "not a date");
        assert_eq!(phrase, "on Wednesday".trim_start_matches("on ").to_string());
        assert_eq!(resolved, None);
        assert_eq!(
            date("They met on 12 January 2022.", "not a date"),
            "2022-01-12"
        );
    }

    #[test]
    fn a_month_planned_in_the_past_or_in_a_participle_is_the_nearest() {
        let date = |s: &str, p: &str| resolve(s, p).1.unwrap_or_default();
        // A plan told after its noun or as past: the nearest such month.
        assert_eq!(
            date(
                "The committee's meeting planned for February had been postponed.",
                "2012-03-15"
            ),
            "2012-02"
        );
        assert_eq!(
            date(
                "The forum that was scheduled for March in Lima was postponed.",
                "2020-06-17"
            ),
            "2020-03"
        );
        assert_eq!(
            date(
                "The forum that was scheduled for September was postponed.",
                "2020-06-17"
            ),
            "2020-09"
        );
        // A plan in the present tense is still to come.
        assert_eq!(
            date("The forum is scheduled for March.", "2020-06-17"),
            "2021-03"
        );
        assert_eq!(
            date("Talks are planned for February.", "2012-03-15"),
            "2013-02"
        );
    }
}
