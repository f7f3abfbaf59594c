//! Whether meeting reports can be one meeting, and grouping them: takes [`MeetingReport`]s
//! (read from the database by [`super::meeting_candidates`]) and gives how well pairs fit
//! ([`meeting_fit`]), whether they conflict ([`meetings_conflict`]) and groups
//! ([`group_meetings`]). Pure functions of what the reports say: no database here.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

use chrono::{Datelike, Duration, NaiveDate};

use super::ReportOrder;

#[derive(Debug, Clone)]
pub(super) struct MeetingReport {
    pub(super) id: i64,
    pub(super) meeting_id: i64,
    pub(super) article_id: i64,
    pub(super) order: ReportOrder,
    pub(super) label_words: BTreeSet<String>,
    pub(super) mode: String,
    /// First and last day the report's date bounds allow; `None` when nothing bounds it, or
    /// they span more than [`MAX_COMBINED_SPAN`].
    pub(super) days: Option<(NaiveDate, NaiveDate)>,
    pub(super) day_precise: bool,
    /// What the report says of the meeting: `held`, `planned`, ...
    pub(super) status: String,
    pub(super) place: Option<PlaceInfo>,
    pub(super) participants: BTreeSet<i64>,
    /// The participants named (not only implied by a person's office or nationality).
    pub(super) named: BTreeSet<i64>,
    /// The persons named as taking part (not implied): those that tell two meetings of one
    /// busy person apart.
    pub(super) persons: BTreeSet<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct PlaceInfo {
    pub(super) id: i64,
    pub(super) name: String,
    pub(super) kind: String,
    pub(super) country: Option<String>,
}

/// Words of a meeting's label that name it: the capitalised ones ("NATO-Russia Council
/// meeting": nato, russia, council), so that "the talks" or "a working dinner" name nothing;
/// not the days and months that date it ("Wednesday’s meeting", "the June summit").
pub(super) fn label_words(label: &str) -> BTreeSet<String> {
    label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1 && w.chars().next().is_some_and(char::is_uppercase))
        .map(str::to_lowercase)
        .filter(|w| !CALENDAR_WORDS.contains(&w.as_str()))
        .collect()
}

/// Capitalised words that date a meeting rather than name it. text/temporal.rs knows them too,
/// but the store reads nothing of text analysis (tests/layering.rs).
const CALENDAR_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
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

pub(super) fn month_end(date: NaiveDate) -> NaiveDate {
    let (year, month) = if date.month() == 12 {
        (date.year() + 1, 1)
    } else {
        (date.year(), date.month() + 1)
    };
    NaiveDate::from_ymd_opt(year, month, 1).map_or(date, |d| d - Duration::days(1))
}

/// The widest bounds (in days, first and last included) a report or meeting may have and still
/// combine: six weeks, those of "recently" or "in recent weeks" (see `vague_dates.csv`). Such
/// a report joins the meeting of the same parties it fits best, as a month's does. A year, or
/// "a few months ago", says too little to tell two meetings of the same parties apart.
pub(super) const MAX_COMBINED_SPAN: i64 = 43;

/// A day written `YYYY-MM-DD`, as `NaiveDate::parse_from_str(day, "%Y-%m-%d")` reads it. The
/// stored bounds are always written so, and are read for every candidate of every new report:
/// those are read digit by digit; anything else goes to chrono's parser.
pub(super) fn parse_day(day: &str) -> Option<NaiveDate> {
    let b = day.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10))
    {
        return NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day);
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

/// Stored bounds (`date_earliest`, `date_latest`), when they are no wider than
/// [`MAX_COMBINED_SPAN`].
pub(super) fn bounds(
    earliest: Option<&str>,
    latest: Option<&str>,
) -> Option<(NaiveDate, NaiveDate)> {
    let first = parse_day(earliest?)?;
    let last = parse_day(latest?)?;
    (first <= last && (last - first).num_days() < MAX_COMBINED_SPAN).then_some((first, last))
}

/// The days a stored date allows: a day (to its end date), or a whole month.
pub(super) fn date_span(
    date: Option<&str>,
    end: Option<&str>,
) -> Option<(NaiveDate, NaiveDate, bool)> {
    let date = date?;
    if let Ok(day) = NaiveDate::parse_from_str(date, "%Y-%m-%d") {
        let last = end
            .and_then(|e| NaiveDate::parse_from_str(e, "%Y-%m-%d").ok())
            .filter(|e| *e >= day)
            .unwrap_or(day);
        return Some((day, last, true));
    }
    let first = NaiveDate::parse_from_str(&format!("{date}-01"), "%Y-%m-%d").ok()?;
    Some((first, month_end(first), false))
}

/// Whether two reports say something that cannot be true of one meeting: they come from one
/// article, allow no day in common, were held in person and by phone, took place in places
/// that differ, carry different names, or are one busy person's meetings with two different
/// counterparts. Reports that do not conflict need not be one meeting: see [`meeting_fit`].
pub(super) fn meetings_conflict(a: &MeetingReport, b: &MeetingReport) -> bool {
    if a.article_id == b.article_id {
        return true;
    }
    if let (Some((a_first, a_last)), Some((b_first, b_last))) = (a.days, b.days)
        && (a_last < b_first || b_last < a_first)
    {
        // A plan of a day held a day off it ("will travel to Kuwait on 28 July", then "met
        // today", 29 July: the day of the journey, or another calendar's) is the same meeting
        // of the same persons, or of a report whose persons are among the other's ("will meet
        // with senior Kuwaiti officials", "the dialogue session between Kuwait and the USA");
        // another day, or other persons, is another meeting.
        let a_day_off =
            a_last + Duration::days(1) >= b_first && b_last + Duration::days(1) >= a_first;
        let planned_then_held =
            (a.planned_day() && b.status == "held") || (b.planned_day() && a.status == "held");
        let same_persons = a.persons.intersection(&b.persons).count() >= 2
            || a.persons.is_subset(&b.persons)
            || b.persons.is_subset(&a.persons);
        if !(a_day_off && planned_then_held && same_persons) {
            return true;
        }
    }
    let remote = |mode: &str| mode == "phone" || mode == "video";
    if (remote(&a.mode) && b.mode == "in_person") || (remote(&b.mode) && a.mode == "in_person") {
        return true;
    }
    if let (Some(x), Some(y)) = (&a.place, &b.place)
        && !places_agree(x, y)
    {
        return true;
    }
    let names_agree = names_agree(a, b);
    if names_agree == Some(false) {
        return true;
    }
    // "Blinken spoke today with Abbas" and "... with Lapid": one busy person's two meetings.
    // Each names a person the other lacks, and they share no more than that one person. So
    // are a one-on-one and a meeting of others that shares one of its two persons ("Blinken
    // met Rama" and "Blinken spoke with Le Drian, Baerbock and Truss", of one day): the
    // one-on-one's counterpart is not among them; and two meetings that each name two or more
    // persons, none of them the same (Sherman's call with her four counterparts and Blinken's
    // with his three). A session of many (the NATO-Russia Council, with Sherman in one report
    // and the European delegates in another) is not told apart this way: a report naming one
    // person alone tells nothing of who else met.
    if names_agree == Some(true)
        || a.persons.is_subset(&b.persons)
        || b.persons.is_subset(&a.persons)
    {
        return false;
    }
    let shared = a.persons.intersection(&b.persons).count();
    let few = a.persons.len().min(b.persons.len());
    let many = a.persons.len().max(b.persons.len());
    match shared {
        0 => few >= 2 || many <= 2,
        1 => few == 2,
        _ => false,
    }
}

impl MeetingReport {
    /// Whether the report announces the meeting for a day: a plan that may be held a day off.
    fn planned_day(&self) -> bool {
        self.day_precise && self.status == "planned"
    }
}

/// Whether both reports name the meeting (`None` when one does not), and if so whether the
/// names agree (the words of one are among the other's). A label of kind words alone
/// ("Summit", "Dialogue": see [`kind_words`]) says what the meeting is, not which one: "the
/// Summit" of a call's mention of a coming summit is not the "Negev Summit".
pub(super) fn names_agree(a: &MeetingReport, b: &MeetingReport) -> Option<bool> {
    let names = |r: &MeetingReport| r.label_words.iter().any(|w| !kind_words().contains(w));
    let within = |x: &BTreeSet<String>, y: &BTreeSet<String>| {
        x.iter().all(|w| y.iter().any(|v| same_word(w, v)))
    };
    (names(a) && names(b))
        .then(|| within(&a.label_words, &b.label_words) || within(&b.label_words, &a.label_words))
}

/// Whether two words of labels are one: the same, or a name and the word made from it
/// ("Algeria" and "Algerian", "Korea" and "Korean": the longer begins with the shorter, of
/// four letters or more).
fn same_word(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long || (short.chars().count() >= 4 && long.starts_with(short))
}

/// The one-word names of kinds of meeting, `meeting_cues.csv`'s nouns ("summit", "dialogue",
/// "talks"), in lower case. Read at build time, like `titles.csv` in `join.rs`.
fn kind_words() -> &'static HashSet<String> {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        include_str!("../../../data/dictionaries/meeting_cues.csv")
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut cells = line.split(',');
                let term = cells.next()?.trim();
                (cells.next()? == "noun" && !term.contains(' ')).then(|| term.to_lowercase())
            })
            .collect()
    })
}

/// How well two reports fit one meeting: `None` when they cannot be one ([`meetings_conflict`]),
/// or when nothing says they are: bounds of their dates that overlap, and a shared name or
/// enough shared parties.
pub(super) fn meeting_fit(a: &MeetingReport, b: &MeetingReport) -> Option<f64> {
    if a.days.is_none() || b.days.is_none() || meetings_conflict(a, b) {
        return None;
    }
    let same_place = matches!((&a.place, &b.place), (Some(x), Some(y)) if x.id == y.id);
    let names_agree = names_agree(a, b) == Some(true);
    let shared = a.participants.intersection(&b.participants).count();
    let smaller = a.participants.len().min(b.participants.len());
    let overlap = if smaller == 0 {
        0.0
    } else {
        shared as f64 / smaller as f64
    };
    // A month is a long time: without a day ("in July", "a few days ago", or only the
    // article's date), only a shared name, the very same parties, or two persons named in
    // both do. ("Blinken met Kuleba in March" and "Blinken spoke today with Kuleba", 4
    // March: of the meetings of the two that month, the report joins the one it fits best.)
    // Of a day, most parties of one must be among the other's, or all it names: half is one
    // side of a meeting of two sides ("Blinken", with the United States his office implies, is
    // half of "Blinken spoke with Aliyev" and half of "the United States and Croatia held a
    // dialogue", which names Croatia; "the United States and Azerbaijan" names no other).
    let named_within = |x: &MeetingReport, y: &MeetingReport| {
        !x.named.is_empty() && x.named.is_subset(&y.participants)
    };
    let enough = if a.day_precise && b.day_precise {
        names_agree || overlap > 0.5 || named_within(a, b) || named_within(b, a)
    } else {
        names_agree
            || (overlap >= 1.0 && smaller >= 2)
            || a.persons.intersection(&b.persons).count() >= 2
    };
    if !enough {
        return None;
    }
    let same_days = a.days == b.days && a.day_precise && b.day_precise;
    // Between reports that fit as well otherwise, those that name the same persons fit best:
    // "Blinken met Macron" joins "Blinken met Macron", not "the United States and France met"
    // of the same day (a tie-break only: it outweighs nothing else).
    let fewer_persons = a.persons.len().min(b.persons.len());
    let persons_overlap = if fewer_persons == 0 {
        0.0
    } else {
        a.persons.intersection(&b.persons).count() as f64 / fewer_persons as f64
    };
    Some(
        3.0 * f64::from(u8::from(names_agree))
            + 2.0 * overlap
            + 0.01 * persons_overlap
            + f64::from(u8::from(same_days))
            + f64::from(u8::from(same_place)),
    )
}

/// Places conflict when they are two different places of the same kind, or lie in different
/// countries.
pub(super) fn places_agree(a: &PlaceInfo, b: &PlaceInfo) -> bool {
    if a.id == b.id || a.name == b.name {
        return true;
    }
    if let (Some(x), Some(y)) = (&a.country, &b.country)
        && x != y
    {
        return false;
    }
    a.kind != b.kind
}

/// Groups reports: best-fitting pairs first, a group taking in another only when every pair
/// across them fits, or, where one of the two has no day of its own (a month, "last week"),
/// does not conflict ([`meetings_conflict`]: no article appears twice, no two reports allow
/// different days or places). Such a report joins a meeting through the report it fits
/// best, whatever the others name; two reports of a day must fit each other.
pub(super) fn group_meetings(reports: &[MeetingReport]) -> Vec<Vec<usize>> {
    let n = reports.len();
    let mut fits: HashMap<(usize, usize), f64> = HashMap::new();
    let mut pairs = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            if let Some(score) = meeting_fit(&reports[i], &reports[j]) {
                fits.insert((i, j), score);
                pairs.push((score, i, j));
            }
        }
    }
    pairs.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then_with(|| reports[x.1].order.cmp(&reports[y.1].order))
            .then_with(|| reports[x.2].order.cmp(&reports[y.2].order))
    });
    let mut group_of: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    for (_, i, j) in pairs {
        let (gi, gj) = (group_of[i], group_of[j]);
        if gi == gj {
            continue;
        }
        let agree = members[gi].iter().all(|&x| {
            members[gj].iter().all(|&y| {
                let (x_report, y_report) = (&reports[x], &reports[y]);
                let one_without_day = !x_report.day_precise || !y_report.day_precise;
                fits.contains_key(&(x.min(y), x.max(y)))
                    || (one_without_day && !meetings_conflict(x_report, y_report))
            })
        });
        if !agree {
            continue;
        }
        let moved = std::mem::take(&mut members[gj]);
        for &m in &moved {
            group_of[m] = gi;
        }
        members[gi].extend(moved);
    }
    let mut groups: Vec<Vec<usize>> = members.into_iter().filter(|g| !g.is_empty()).collect();
    for group in &mut groups {
        group.sort_by(|&x, &y| reports[x].order.cmp(&reports[y].order));
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(
        id: i64,
        article: i64,
        days: &str,
        participants: &[i64],
        label: &str,
    ) -> MeetingReport {
        let span = date_span(Some(days), None);
        MeetingReport {
            id,
            meeting_id: id,
            article_id: article,
            order: (String::new(), format!("{article:03}"), 0),
            label_words: label_words(label),
            mode: "unknown".into(),
            days: span.map(|(a, b, _)| (a, b)),
            day_precise: span.is_some_and(|(_, _, d)| d),
            status: "held".into(),
            place: None,
            participants: participants.iter().copied().collect(),
            named: participants.iter().copied().collect(),
            persons: BTreeSet::new(),
        }
    }

    #[test]
    fn one_persons_meetings_with_different_counterparts_stay_apart() {
        // 1 and 2 are persons, 3 and 4 their states; 5 another person of state 4.
        let with = |id: i64, persons: &[i64], others: &[i64], label: &str| MeetingReport {
            persons: persons.iter().copied().collect(),
            ..report(id, id, "2022-02-24", &[persons, others].concat(), label)
        };
        let abbas = with(1, &[1, 2], &[3, 4], "");
        let lapid = with(2, &[1, 5], &[3, 4], "");
        assert!(meeting_fit(&abbas, &lapid).is_none());
        // A report naming fewer of the persons is the same meeting.
        let fewer = with(3, &[1], &[3, 4], "");
        assert!(meeting_fit(&abbas, &fewer).is_some());
        // Reports sharing two persons may each name one more.
        let more = with(4, &[1, 2, 6], &[3, 4], "");
        let others = with(5, &[1, 2, 7], &[3, 4], "");
        assert!(meeting_fit(&more, &others).is_some());
        // A meeting named alike in both is one, whoever each names.
        let summit = with(6, &[1, 2], &[3, 4], "NATO Summit");
        let summit_too = with(7, &[1, 5], &[3, 4], "NATO Summit");
        assert!(meeting_fit(&summit, &summit_too).is_some());
    }

    /// Issue #11: a report without a day of its own ("earlier this month") combines with the
    /// meeting of the same two persons on a day of its bounds, though each names someone the
    /// other does not; two held meetings of theirs on different days stay apart.

    #[test]
    fn a_month_mention_joins_a_day_it_bounds_and_two_days_stay_apart() {
        // 1 and 2 are persons, 3 and 4 their states; 5 and 6 others each report names.
        let with = |id: i64, days: &str, persons: &[i64], others: &[i64]| MeetingReport {
            persons: persons.iter().copied().collect(),
            ..report(id, id, days, &[persons, others].concat(), "")
        };
        let month = with(1, "2022-03", &[1, 2, 5], &[3, 4]);
        let fifth = with(2, "2022-03-05", &[1, 2, 6], &[3, 4]);
        assert!(meeting_fit(&month, &fifth).is_some());
        // One person in common is not enough in a month.
        let other = with(3, "2022-03-09", &[1, 6], &[3, 4]);
        assert!(meeting_fit(&month, &other).is_none());
        // Two days are two meetings, whatever joins them.
        let tenth = with(4, "2022-03-10", &[1, 2], &[3, 4]);
        assert!(meetings_conflict(&fifth, &tenth));
        let groups = group_meetings(&[month, fifth, tenth]);
        assert_eq!(groups.len(), 2, "{groups:?}");
        assert!(groups.iter().all(|g| !(g.contains(&1) && g.contains(&2))));
        // Reports of a month in another month do not fit.
        let april = with(5, "2022-04", &[1, 2], &[3, 4]);
        assert!(meeting_fit(&april, &with(6, "2022-03-05", &[1, 2], &[3, 4])).is_none());
    }

    /// A report that fits one report of a meeting joins it when it conflicts with none of
    /// the others, though it would not fit them all.

    #[test]
    fn a_group_takes_in_a_report_that_conflicts_with_none_of_its_reports() {
        let with = |id: i64, days: &str, persons: &[i64], others: &[i64]| MeetingReport {
            persons: persons.iter().copied().collect(),
            ..report(id, id, days, &[persons, others].concat(), "")
        };
        // Two day reports of one meeting; the second names 7 and its state 8 too.
        let a = with(1, "2022-03-05", &[1, 2], &[3, 4]);
        let b = with(2, "2022-03-05", &[1, 2, 7], &[3, 4, 8]);
        // A month report naming 9 and 10: it fits a (the same two persons) but not b.
        let c = with(3, "2022-03", &[1, 2, 9], &[3, 4, 10]);
        assert!(meeting_fit(&a, &b).is_some());
        assert!(meeting_fit(&c, &a).is_some());
        assert!(!meetings_conflict(&c, &b));
        assert_eq!(group_meetings(&[a, b, c]), vec![vec![0, 1, 2]]);
    }

    #[test]
    fn days_are_read_as_chrono_reads_them() {
        for day in [
            "2022-03-07",
            "2024-02-29",
            "2022-02-29",
            "2022-02-30",
            "2022-13-01",
            "2022-00-10",
            "0000-01-01",
            "2022-1-05",
            "2022-03-7",
            "20220307",
            "2022/03/07",
            "2022-03-07x",
            "abcd-ef-gh",
            "+202-03-07",
            "2022-03",
            "",
            "２０２２-03-07",
        ] {
            assert_eq!(
                parse_day(day),
                NaiveDate::parse_from_str(day, "%Y-%m-%d").ok(),
                "{day}"
            );
        }
    }

    #[test]
    fn labels_name_a_meeting_by_their_capitalised_words() {
        let words = label_words("U.S.-Russia Strategic Stability Dialogue");
        assert!(label_words("Strategic Stability Dialogue").is_subset(&words));
        assert!(label_words("hour bilateral talks").is_empty());
        assert_eq!(
            label_words("NATO-Russia Council meeting"),
            ["council", "nato", "russia"].map(String::from).into()
        );
    }

    #[test]
    fn reports_of_one_day_and_parties_are_one_meeting() {
        let a = report(1, 1, "2022-01-12", &[1, 2, 3], "");
        let b = report(2, 2, "2022-01-12", &[1, 2], "NATO-Russia Council meeting");
        assert!(meeting_fit(&a, &b).is_some());
        // Another day, another meeting.
        let c = report(3, 3, "2022-01-13", &[1, 2], "");
        assert!(meeting_fit(&a, &c).is_none());
        // The same article's two meetings stay two.
        let d = report(4, 1, "2022-01-12", &[1, 2], "");
        assert!(meeting_fit(&a, &d).is_none());
        // Different names, different meetings.
        let e = report(5, 5, "2022-01-12", &[1, 2], "Strategic Stability Dialogue");
        assert!(meeting_fit(&b, &e).is_none());
        // A month is not enough on its own.
        let f = report(6, 6, "2022-01", &[1, 2, 3], "");
        assert!(meeting_fit(&a, &f).is_some());
        let g = report(7, 7, "2022-01", &[1, 9], "");
        assert!(meeting_fit(&a, &g).is_none());
    }

    #[test]
    fn reports_combine_when_their_bounds_overlap_and_not_weeks_apart() {
        let bounded = |id: i64, first: &str, last: &str, day_precise: bool| MeetingReport {
            days: bounds(Some(first), Some(last)),
            day_precise,
            ..report(id, id, "2022-07", &[1, 2], "")
        };
        // 9 July; "a few days ago" on 18 July; undated, held, reported on 10 July.
        let exact = bounded(1, "2022-07-09", "2022-07-09", true);
        let vague = bounded(2, "2022-07-08", "2022-07-17", false);
        let undated = bounded(3, "2022-07-01", "2022-07-10", false);
        // The same two people on 1 August, and "a few days ago" on 10 August.
        let later = bounded(4, "2022-08-01", "2022-08-01", true);
        let later_vague = bounded(5, "2022-07-31", "2022-08-09", false);
        let groups = group_meetings(&[exact, vague, undated, later, later_vague]);
        assert_eq!(groups, vec![vec![0, 1, 2], vec![3, 4]]);
        // Bounds wider than a month ("a few months ago") combine with nothing.
        assert_eq!(bounds(Some("2022-03-01"), Some("2022-07-01")), None);
        assert!(bounds(Some("2022-07-01"), Some("2022-07-31")).is_some());
    }

    /// Issue #11: "recently" (six weeks up to the article) joins the one meeting of the same two
    /// persons its bounds hold; "a few months ago" says too little and joins nothing.

    #[test]
    fn a_recent_mention_joins_the_meeting_its_six_weeks_hold() {
        let bounded = |id: i64, first: &str, last: &str, day_precise: bool| MeetingReport {
            days: bounds(Some(first), Some(last)),
            day_precise,
            persons: [1, 2].into(),
            ..report(id, id, "2022-07", &[1, 2, 3, 4], "")
        };
        // A call on 11 June; "recently" in an article of 21 July (9 June to 21 July).
        let call = bounded(1, "2022-06-11", "2022-06-11", true);
        let recent = bounded(2, "2022-06-09", "2022-07-21", false);
        assert!(recent.days.is_some());
        assert!(meeting_fit(&call, &recent).is_some());
        assert_eq!(
            group_meetings(&[call.clone(), recent.clone()]),
            vec![vec![0, 1]]
        );
        // A call in May lies outside the six weeks: two meetings.
        let may = bounded(3, "2022-05-20", "2022-05-20", true);
        assert!(meeting_fit(&may, &recent).is_none());
        assert_eq!(group_meetings(&[may, recent]).len(), 2);
        // "A few months ago" (150 to 45 days before) combines with nothing.
        let months = bounded(4, "2022-02-21", "2022-06-06", false);
        assert!(months.days.is_none());
        assert!(meeting_fit(&call, &months).is_none());
    }

    /// Issue #11: a plan of a day and the report that it was held the next day, of the same
    /// two persons, are one meeting; a day further, two held days, or a plan of other persons
    /// are two.

    #[test]
    fn a_plan_of_a_day_joins_the_meeting_held_a_day_off_it() {
        let with = |id: i64, day: &str, status: &str, persons: &[i64]| MeetingReport {
            status: status.into(),
            persons: persons.iter().copied().collect(),
            ..report(id, id, day, &[persons, &[3, 4]].concat(), "")
        };
        let plan = with(1, "2022-03-06", "planned", &[1, 2]);
        let held = with(2, "2022-03-07", "held", &[1, 2]);
        assert!(!meetings_conflict(&plan, &held));
        assert!(meeting_fit(&plan, &held).is_some());
        assert_eq!(
            group_meetings(&[plan.clone(), held.clone()]),
            vec![vec![0, 1]]
        );
        // Two days off the plan: another meeting.
        let later = with(3, "2022-03-08", "held", &[1, 2]);
        assert!(meetings_conflict(&plan, &later));
        // Two reports that it was held, a day apart: two meetings.
        assert!(meetings_conflict(&held, &later));
        // A plan of the next day, with one of the persons only: two meetings.
        let other = with(4, "2022-03-07", "held", &[1, 5]);
        assert!(meetings_conflict(&plan, &other));
        // A plan naming one of the persons alone ("will meet senior officials") is the plan.
        let vague_plan = with(7, "2022-03-06", "planned", &[1]);
        assert!(!meetings_conflict(&vague_plan, &held));
        assert!(meetings_conflict(&vague_plan, &later));
        // A report of the next day that names no person ("the dialogue session between
        // Kuwait and the USA") joins the plan too.
        let states = with(6, "2022-03-07", "held", &[]);
        assert!(!meetings_conflict(&plan, &states));
        assert_eq!(
            group_meetings(&[plan.clone(), held.clone(), states]),
            vec![vec![0, 1, 2]]
        );
        // A plan without a day of its own ("in the first week of March") holds the days it
        // holds, and is not widened.
        let week = MeetingReport {
            days: bounds(Some("2022-03-01"), Some("2022-03-06")),
            day_precise: false,
            ..with(5, "2022-03", "planned", &[1, 2])
        };
        assert!(meetings_conflict(&week, &held));
    }

    /// Issue #11: of two reports of one article, one naming only the states and one the
    /// persons, a third report naming the same persons joins the one that names them.

    #[test]
    fn a_report_joins_the_report_of_the_same_persons_before_one_of_states_only() {
        let with = |id: i64, article: i64, persons: &[i64]| MeetingReport {
            persons: persons.iter().copied().collect(),
            ..report(id, article, "2022-06-25", &[persons, &[3, 4]].concat(), "")
        };
        let states = with(1, 1, &[]);
        let persons = with(2, 1, &[1, 2]);
        let other_article = with(3, 2, &[1, 2]);
        let fit = |a: &MeetingReport, b: &MeetingReport| meeting_fit(a, b).unwrap_or(0.0);
        assert!(fit(&persons, &other_article) > fit(&states, &other_article));
        let groups = group_meetings(&[states, persons, other_article]);
        assert_eq!(groups, vec![vec![0], vec![1, 2]]);
    }

    /// Issue #11: a one-on-one and a call of others of one day that share its busy person are
    /// two meetings ("Blinken met Rama" and "Blinken spoke with Le Drian, Baerbock and Truss"),
    /// and so are two calls naming different persons (Sherman's with her four counterparts and
    /// Blinken's with his three); a report naming one person alone still joins a session of
    /// many.

    #[test]
    fn a_one_on_one_and_a_meeting_of_others_are_two_meetings() {
        let with = |id: i64, persons: &[i64], states: &[i64]| MeetingReport {
            persons: persons.iter().copied().collect(),
            ..report(id, id, "2022-02-15", &[persons, states].concat(), "")
        };
        // 1 Blinken, 2 Rama, 3-5 three ministers; 10 the United States, 11-14 their states.
        let rama = with(1, &[1, 2], &[10, 11]);
        let quad = with(2, &[1, 3, 4, 5], &[10, 12, 13, 14]);
        assert!(meetings_conflict(&rama, &quad));
        assert!(meeting_fit(&rama, &quad).is_none());
        // A report of the same call naming two of its ministers is the call.
        let quad_too = with(3, &[1, 3], &[10, 12]);
        assert!(!meetings_conflict(&quad_too, &quad));
        assert!(meeting_fit(&quad_too, &quad).is_some());
        // 6 Sherman, 7-9 her counterparts of the same states: another call of that day.
        let deputies = with(4, &[6, 7, 8, 9], &[10, 12, 13, 14]);
        assert!(meetings_conflict(&deputies, &quad));
        // A report naming one person alone tells nothing of who else met.
        let sherman = with(5, &[6], &[10, 15]);
        let delegates = with(6, &[7, 8, 9], &[12, 13, 14, 15]);
        assert!(!meetings_conflict(&sherman, &delegates));
        // Named alike, they are one meeting whoever each names.
        let summit = |r: MeetingReport| MeetingReport {
            label_words: label_words("Negev Summit"),
            ..r
        };
        assert!(!meetings_conflict(
            &summit(rama.clone()),
            &summit(quad.clone())
        ));
    }

    /// Issue #11: a label of kind words alone ("Summit", from "the Summit of the Americas, which
    /// is coming up") names no meeting, so it neither joins nor parts reports; a name with
    /// other words still does.

    #[test]
    fn a_label_of_kind_words_alone_names_no_meeting() {
        let named = |id: i64, label: &str| report(id, id, "2022-04-01", &[1, 2], label);
        assert_eq!(
            names_agree(&named(1, "Summit"), &named(2, "Negev Summit")),
            None
        );
        assert_eq!(names_agree(&named(1, "Dialogue"), &named(2, "talks")), None);
        assert_eq!(
            names_agree(
                &named(1, "Strategic Dialogue"),
                &named(2, "U.S.-Poland Strategic Dialogue")
            ),
            Some(true)
        );
        assert_eq!(
            names_agree(&named(1, "NATO Summit"), &named(2, "NATO Ministerial")),
            Some(false)
        );
        // A name and the word made from it are one word; a short word is not a stem.
        assert_eq!(
            names_agree(
                &named(1, "fifth U.S.-Algeria Strategic Dialogue"),
                &named(2, "fifth U.S.-Algerian Strategic Dialogue")
            ),
            Some(true)
        );
        assert!(!same_word("us", "usa"));
        assert!(same_word("korea", "korean"));
        assert!(!same_word("russia", "prussia"));
    }

    /// Issue #11: of one day, a report joins another only when most of its parties are among
    /// the other's: "Blinken spoke with Aliyev" (with the United States and Azerbaijan their
    /// offices imply) shares only one side with "the United States and Croatia held a
    /// dialogue"; "the United States and Azerbaijan" are both its sides.

    #[test]
    fn of_a_day_one_side_in_common_is_not_enough() {
        // 1 Blinken, 2 Aliyev; 10 the United States, 11 Azerbaijan, 12 Croatia.
        let call = MeetingReport {
            persons: [1, 2].into(),
            named: [1, 2].into(),
            ..report(1, 1, "2022-04-05", &[1, 2, 10, 11], "")
        };
        let croatia = report(2, 2, "2022-04-05", &[10, 12], "");
        assert!(meeting_fit(&call, &croatia).is_none());
        let azerbaijan = report(3, 3, "2022-04-05", &[10, 11], "");
        assert!(meeting_fit(&call, &azerbaijan).is_some());
    }

    #[test]
    fn grouping_never_chains_reports_that_disagree() {
        // b fits a and c, but a and c are two meetings of one article.
        let a = report(1, 1, "2022-01-12", &[1, 2], "");
        let b = report(2, 2, "2022-01-12", &[1, 2, 3, 4], "");
        let c = report(3, 1, "2022-01-12", &[3, 4], "");
        let groups = group_meetings(&[a, b, c]);
        assert_eq!(groups.len(), 2, "{groups:?}");
    }
    #[test]
    fn days_and_months_date_a_meeting_and_do_not_name_it() {
        assert!(label_words("Wednesday’s meeting").is_empty());
        assert_eq!(
            label_words("the June NATO-Russia Council meeting"),
            ["council", "nato", "russia"].map(String::from).into()
        );
    }
}
