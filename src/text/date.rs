//! Dates as precise as the text allows: a day, a month or a year.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Serialize, Serializer};

/// How much of a date is known. Stored in the `*_precision` columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Day,
    Month,
    Year,
    Unknown,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Unknown => "unknown",
        }
    }
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A calendar date known to the day, the month or only the year.
///
/// Ordering compares the first day each value could be, then the more precise value first, so
/// that `2022-01` sorts with `2022-01-01` and before `2022-01-02`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartialDate {
    Day(NaiveDate),
    Month { year: i32, month: u32 },
    Year(i32),
}

impl PartialDate {
    /// A month, or `None` when `month` is not 1 to 12.
    pub fn month(year: i32, month: u32) -> Option<PartialDate> {
        (1..=12)
            .contains(&month)
            .then_some(PartialDate::Month { year, month })
    }

    pub fn precision(&self) -> Precision {
        match self {
            PartialDate::Day(_) => Precision::Day,
            PartialDate::Month { .. } => Precision::Month,
            PartialDate::Year(_) => Precision::Year,
        }
    }

    pub fn year(&self) -> i32 {
        match *self {
            PartialDate::Day(day) => day.year(),
            PartialDate::Month { year, .. } | PartialDate::Year(year) => year,
        }
    }

    /// The first day this date could be.
    pub fn first_day(&self) -> Option<NaiveDate> {
        match *self {
            PartialDate::Day(day) => Some(day),
            PartialDate::Month { year, month } => NaiveDate::from_ymd_opt(year, month, 1),
            PartialDate::Year(year) => NaiveDate::from_ymd_opt(year, 1, 1),
        }
    }

    /// The last day this date could be.
    pub fn last_day(&self) -> Option<NaiveDate> {
        match *self {
            PartialDate::Day(day) => Some(day),
            PartialDate::Month { year, month } => {
                let (next_year, next_month) = if month == 12 {
                    (year + 1, 1)
                } else {
                    (year, month + 1)
                };
                NaiveDate::from_ymd_opt(next_year, next_month, 1)?.pred_opt()
            }
            PartialDate::Year(year) => NaiveDate::from_ymd_opt(year, 12, 31),
        }
    }

    /// The most precise date that holds every day from `first` to `last`: the day, its month
    /// or its year; `None` when they lie in different years.
    pub fn covering(first: NaiveDate, last: NaiveDate) -> Option<PartialDate> {
        if first == last {
            Some(PartialDate::Day(first))
        } else if first.year() != last.year() {
            None
        } else if first.month() == last.month() {
            PartialDate::month(first.year(), first.month())
        } else {
            Some(PartialDate::Year(first.year()))
        }
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, the forms [`fmt::Display`] writes.
    pub fn parse_iso(text: &str) -> Option<PartialDate> {
        let text = text.trim();
        let mut parts = text.split('-');
        let year_part = parts.next()?;
        if year_part.len() != 4 || !year_part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year_part.parse().ok()?;
        let Some(month_part) = parts.next() else {
            return Some(PartialDate::Year(year));
        };
        let month = parse_two_digits(month_part)?;
        let Some(day_part) = parts.next() else {
            return PartialDate::month(year, month);
        };
        let day = parse_two_digits(day_part)?;
        if parts.next().is_some() {
            return None;
        }
        NaiveDate::from_ymd_opt(year, month, day).map(PartialDate::Day)
    }
}

fn parse_two_digits(text: &str) -> Option<u32> {
    if text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.first_day(), self.precision()).cmp(&(other.first_day(), other.precision()))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            PartialDate::Day(day) => write!(f, "{}", day.format("%Y-%m-%d")),
            PartialDate::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            PartialDate::Year(year) => write!(f, "{year:04}"),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The precision of a date that may be missing altogether.
pub fn precision_of(date: Option<PartialDate>) -> Precision {
    date.map_or(Precision::Unknown, |d| d.precision())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_forms_round_trip() {
        for text in ["2022-01-12", "2021-12", "2014"] {
            let date = PartialDate::parse_iso(text).unwrap();
            assert_eq!(date.to_string(), text);
        }
        assert_eq!(
            PartialDate::parse_iso("2022-01-12").unwrap().precision(),
            Precision::Day
        );
        assert_eq!(
            PartialDate::parse_iso("2021-12").unwrap().precision(),
            Precision::Month
        );
        assert_eq!(
            PartialDate::parse_iso("2014").unwrap().precision(),
            Precision::Year
        );
    }

    #[test]
    fn impossible_dates_are_refused() {
        for text in [
            "2022-02-30",
            "2022-13",
            "22-01-12",
            "2022-1-12",
            "2022-01-12-01",
            "",
            "yesterday",
        ] {
            assert_eq!(PartialDate::parse_iso(text), None, "{text}");
        }
    }

    #[test]
    fn a_date_spans_from_its_first_to_its_last_day() {
        let span = |text: &str| {
            let date = PartialDate::parse_iso(text).unwrap();
            (
                date.first_day().unwrap().to_string(),
                date.last_day().unwrap().to_string(),
            )
        };
        assert_eq!(span("2024-02"), ("2024-02-01".into(), "2024-02-29".into()));
        assert_eq!(span("2021-12"), ("2021-12-01".into(), "2021-12-31".into()));
        assert_eq!(span("2014"), ("2014-01-01".into(), "2014-12-31".into()));
        assert_eq!(
            span("2022-01-12"),
            ("2022-01-12".into(), "2022-01-12".into())
        );
    }

    #[test]
    fn the_covering_date_is_as_precise_as_the_span_allows() {
        let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
        let cover = |a: &str, b: &str| PartialDate::covering(day(a), day(b)).map(|d| d.to_string());
        assert_eq!(cover("2022-07-08", "2022-07-17"), Some("2022-07".into()));
        assert_eq!(cover("2022-06-28", "2022-07-02"), Some("2022".into()));
        assert_eq!(cover("2022-07-08", "2022-07-08"), Some("2022-07-08".into()));
        assert_eq!(cover("2021-12-28", "2022-01-02"), None);
    }

    #[test]
    fn coarse_dates_sort_with_their_first_day() {
        let month = PartialDate::parse_iso("2022-01").unwrap();
        let first = PartialDate::parse_iso("2022-01-01").unwrap();
        let second = PartialDate::parse_iso("2022-01-02").unwrap();
        let year = PartialDate::parse_iso("2021").unwrap();
        let mut dates = vec![second, month, year, first];
        dates.sort();
        assert_eq!(dates, vec![year, first, month, second]);
    }
}
