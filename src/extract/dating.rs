//! Placing a meeting in time: the first and the last day it can have been, so that every
//! meeting has bounds to compare, even where the text gives only "a few days ago" or no date
//! at all.
//!
//! From the most to the least the text says:
//! - a phrase that says more than its date ("a few days ago", "last week", "earlier this
//!   month") bounds the meeting by the days it allows ([`temporal::phrase_bounds`]);
//! - a date bounds it by its first and last day (a day, a range, a month, a year);
//! - a meeting the text does not date is bounded by its article: one held, by the month of
//!   publication up to the day of publication (a report tells of a recent meeting; the month
//!   is the precision the date then has); one planned, by the 30 days from publication. A
//!   proposed, postponed or cancelled meeting with no date stays without bounds: it may never
//!   take place, or at any time.

use chrono::{Datelike, Duration, NaiveDate};

use super::{MeetingStatus, When};
use crate::text::PartialDate;
use crate::text::temporal;

/// Days after publication within which a planned meeting the text does not date is taken to
/// fall.
pub const PLANNED_WITHIN_DAYS: i64 = 30;

/// What bounds a meeting's date: the words of the text, or only the article's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateBasis {
    Text,
    Article,
}

impl DateBasis {
    pub fn as_str(self) -> &'static str {
        match self {
            DateBasis::Text => "text",
            DateBasis::Article => "article",
        }
    }
}

/// A meeting placed in time: the date to store (as precise as the bounds allow when the text
/// gives none), and the first and last day it can have been.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dated {
    pub date: Option<PartialDate>,
    pub earliest: NaiveDate,
    pub latest: NaiveDate,
    pub basis: DateBasis,
}

/// The days a dated title may lie from the publication date and still name the day the text
/// speaks from: a briefing posted the morning after, a schedule posted the evening before.
const TITLE_DAY_SLACK: i64 = 2;

/// The day the text speaks from, for its relative dates ("today", "on Wednesday"): the day a
/// title ends with ("Department Press Briefing – July 1, 2021", "Daily schedule - 23 July 2021")
/// when it lies within [`TITLE_DAY_SLACK`] days of the publication date, else the publication
/// date. A title date further off names something else, such as the day of an event announced
/// a week ahead.
pub fn reference_day(title: &str, published: Option<NaiveDate>) -> Option<NaiveDate> {
    let published = published?;
    let tail = title
        .rsplit(['–', '—', '-', ':', '|'])
        .next()
        .unwrap_or(title)
        .trim()
        .trim_end_matches('.');
    // "Thursday, June 17, 2021": the weekday adds nothing.
    let tail = match tail.split_once(", ") {
        Some((first, rest)) if first.parse::<chrono::Weekday>().is_ok() => rest,
        _ => tail,
    };
    let day = ["%B %d, %Y", "%d %B %Y", "%b %d, %Y", "%d %b %Y"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(tail, format).ok());
    Some(match day {
        Some(day) if (day - published).num_days().abs() <= TITLE_DAY_SLACK => day,
        _ => published,
    })
}

/// Places a meeting of status `status`, dated `when` by its article published on `published`.
/// `None` when nothing bounds it: no date and no publication date, or a meeting that may never
/// happen.
pub fn date_meeting(
    when: &When,
    status: MeetingStatus,
    published: Option<NaiveDate>,
) -> Option<Dated> {
    let from_date = when.date.and_then(|date| {
        let first = date.first_day()?;
        let last = when
            .end
            .and_then(|e| e.last_day())
            .filter(|e| *e >= first)
            .or_else(|| date.last_day())?;
        Some((first, last))
    });
    let from_phrase = when
        .phrase
        .as_deref()
        .zip(published)
        .and_then(|(phrase, p)| temporal::phrase_bounds(phrase, p));
    let text = |(earliest, latest)| Dated {
        date: when.date,
        earliest,
        latest,
        basis: DateBasis::Text,
    };
    match (from_phrase, from_date) {
        // The phrase's days within the date's: "last week" is a week of the month it names.
        (Some((a, b)), Some((c, d))) if a.max(c) <= b.min(d) => {
            return Some(text((a.max(c), b.min(d))));
        }
        (_, Some(days)) | (Some(days), None) => return Some(text(days)),
        (None, None) => {}
    }
    let published = published?;
    let (earliest, latest) = match status {
        MeetingStatus::Held => (published.with_day(1)?, published),
        MeetingStatus::Planned => (
            published,
            published.checked_add_signed(Duration::days(PLANNED_WITHIN_DAYS))?,
        ),
        MeetingStatus::Proposed | MeetingStatus::Postponed | MeetingStatus::Cancelled => {
            return None;
        }
    };
    Some(Dated {
        date: PartialDate::covering(earliest, latest),
        earliest,
        latest,
        basis: DateBasis::Article,
    })
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_title_ending_with_a_day_near_publication_is_the_day_the_text_speaks_from() {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let posted = day("2021-07-02");
        assert_eq!(
            reference_day("Department Press Briefing – July 1, 2021", posted),
            day("2021-07-01")
        );
        assert_eq!(
            reference_day("Daily schedule - Saturday, 3 July 2021", posted),
            day("2021-07-03")
        );
        // An event announced a week ahead, a title without a date, no publication date.
        assert_eq!(
            reference_day("Council Meeting – Thursday, July 15, 2021", posted),
            posted
        );
        assert_eq!(reference_day("Talks resume in Geneva", posted), posted);
        assert_eq!(reference_day("Briefing – July 1, 2021", None), None);
    }
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn placed(
        date: Option<&str>,
        end: Option<&str>,
        phrase: Option<&str>,
        status: MeetingStatus,
    ) -> Option<(Option<String>, String, String, &'static str)> {
        let when = When {
            date: date.and_then(PartialDate::parse_iso),
            end: end.and_then(PartialDate::parse_iso),
            phrase: phrase.map(str::to_string),
        };
        date_meeting(&when, status, Some(day("2022-07-18"))).map(|d| {
            (
                d.date.map(|x| x.to_string()),
                d.earliest.to_string(),
                d.latest.to_string(),
                d.basis.as_str(),
            )
        })
    }

    #[test]
    fn a_day_or_a_range_bounds_itself() {
        assert_eq!(
            placed(
                Some("2022-07-09"),
                None,
                Some("on Saturday"),
                MeetingStatus::Held
            ),
            Some((
                Some("2022-07-09".into()),
                "2022-07-09".into(),
                "2022-07-09".into(),
                "text"
            ))
        );
        // A meeting of a trip is dated by the trip's month (GOLD_FORMAT.md), bounded by its days.
        assert_eq!(
            placed(
                Some("2022-06"),
                Some("2022-06-14"),
                Some("June 5-14"),
                MeetingStatus::Planned
            )
            .map(|p| (p.1, p.2)),
            Some(("2022-06-05".into(), "2022-06-14".into()))
        );
        // Without the phrase, the month to the last day.
        assert_eq!(
            placed(
                Some("2022-06"),
                Some("2022-06-14"),
                None,
                MeetingStatus::Planned
            )
            .map(|p| (p.1, p.2)),
            Some(("2022-06-01".into(), "2022-06-14".into()))
        );
    }

    #[test]
    fn a_vague_phrase_bounds_by_the_days_it_allows() {
        assert_eq!(
            placed(
                Some("2022-07"),
                None,
                Some("a few days ago"),
                MeetingStatus::Held
            ),
            Some((
                Some("2022-07".into()),
                "2022-07-08".into(),
                "2022-07-17".into(),
                "text"
            ))
        );
        // "last week" of 18 July 2022 is 11 to 17 July, within the month its date names.
        assert_eq!(
            placed(
                Some("2022-07"),
                None,
                Some("last week"),
                MeetingStatus::Held
            )
            .map(|p| (p.1, p.2)),
            Some(("2022-07-11".into(), "2022-07-17".into()))
        );
    }

    #[test]
    fn an_undated_meeting_is_bounded_by_its_article() {
        assert_eq!(
            placed(None, None, None, MeetingStatus::Held),
            Some((
                Some("2022-07".into()),
                "2022-07-01".into(),
                "2022-07-18".into(),
                "article"
            ))
        );
        assert_eq!(
            placed(None, None, None, MeetingStatus::Planned),
            Some((
                Some("2022".into()),
                "2022-07-18".into(),
                "2022-08-17".into(),
                "article"
            ))
        );
        assert_eq!(placed(None, None, None, MeetingStatus::Proposed), None);
        assert_eq!(placed(None, None, None, MeetingStatus::Cancelled), None);
    }
}
