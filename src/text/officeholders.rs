//! Officeholders with their dates (`data/dictionaries/officeholders.csv`): heads of state and
//! government, foreign ministers and the heads of the main organisations. Given an article's
//! date, "President Biden" is Joe Biden of the United States and "the Russian foreign minister"
//! is Sergey Lavrov.
//!
//! Every lookup is hashed: by the folded full name (or another spelling the dictionary gives),
//! by a folded name word that can stand for the whole name ("Biden", "Xi", "Salman"), and by
//! state or organisation and office. A lookup answers only when one person fits.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Deserialize;

use super::lexicon::Entity;

/// An office as titles name it: the vocabulary of the `office` columns of `officeholders.csv`
/// and `titles.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Office {
    President,
    PrimeMinister,
    Monarch,
    SupremeLeader,
    ForeignMinister,
    SecretaryGeneral,
    HighRepresentative,
    Chair,
    DirectorGeneral,
    GovernorGeneral,
    CaptainRegent,
}

impl Office {
    pub fn parse(word: &str) -> Option<Office> {
        Some(match word.trim() {
            "president" => Office::President,
            "prime_minister" => Office::PrimeMinister,
            "monarch" => Office::Monarch,
            "supreme_leader" => Office::SupremeLeader,
            "foreign_minister" => Office::ForeignMinister,
            "secretary_general" => Office::SecretaryGeneral,
            "high_representative" => Office::HighRepresentative,
            "chair" => Office::Chair,
            "director_general" => Office::DirectorGeneral,
            "governor_general" => Office::GovernorGeneral,
            "captain_regent" => Office::CaptainRegent,
            _ => return None,
        })
    }

    /// The offices a `;`-separated list names; unknown words are passed over.
    pub fn parse_list(field: &str) -> Vec<Office> {
        field.split(';').filter_map(Office::parse).collect()
    }
}

/// One tenure of one person in one office.
#[derive(Debug, Clone)]
pub struct Officeholder {
    /// The name as English news writes it.
    pub name: String,
    /// The state or organisation whose office it is.
    pub entity: Entity,
    pub office: Office,
    /// The person's Wikidata item, where the source gives it.
    pub wikidata: Option<String>,
    pub start: NaiveDate,
    /// The last day in office: the source's end, else the day before the next holder of the
    /// same office took it; `None` while in office.
    pub end: Option<NaiveDate>,
    /// For a tenure without an end: the last day a source saw the person in office.
    pub seen: Option<NaiveDate>,
    pub source: String,
    /// The same number for every tenure of one person.
    pub person: u32,
}

impl Officeholder {
    /// In office on `date`. A tenure without an end counts as going on, unless `checked`, when
    /// it counts only up to the last day a source saw it.
    fn holds(&self, date: NaiveDate, checked: bool) -> bool {
        if date < self.start {
            return false;
        }
        match self.end {
            Some(end) => date <= end,
            None if checked => self.seen.is_some_and(|seen| date <= seen),
            None => true,
        }
    }
}

/// A row of `officeholders.csv`.
#[derive(Debug, Deserialize)]
pub struct OfficeholderRow {
    pub state: String,
    #[serde(default)]
    pub role: String,
    pub office: String,
    pub name: String,
    #[serde(default)]
    pub aliases: String,
    #[serde(default)]
    pub wikidata: String,
    #[serde(default)]
    pub start: String,
    #[serde(default)]
    pub end: String,
    #[serde(default)]
    pub seen: String,
    #[serde(default)]
    pub source: String,
}

/// The fields of a row, borrowed from the file's records.
struct RowFields<'r> {
    state: &'r str,
    office: &'r str,
    name: &'r str,
    aliases: &'r str,
    wikidata: &'r str,
    start: &'r str,
    end: &'r str,
    seen: &'r str,
    source: &'r str,
}

/// A name found for a person in the dictionary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// One tenure of the person that fits (the first in the file).
    pub row: u32,
    /// The state or organisation of the office, when every fitting tenure has the same one.
    pub entity: Option<Entity>,
    /// The words are the person's whole name (or a whole other spelling of it), not a part.
    pub whole: bool,
}

/// One name of a row, folded: its words, and which of them can stand for the whole name.
#[derive(Debug, Clone)]
struct Spelling {
    row: u32,
    words: Vec<String>,
    /// The first word names the person alone ("Xi", "Salman", "Tamim").
    first_is_key: bool,
}

#[derive(Default)]
pub struct Officeholders {
    rows: Vec<Officeholder>,
    spellings: Vec<Spelling>,
    /// Folded whole names and other spellings, to spellings.
    by_name: HashMap<String, Vec<u32>>,
    /// Folded words that can stand for a whole name, to spellings.
    by_word: HashMap<String, Vec<u32>>,
    /// Tenures of each office, by start.
    by_office: HashMap<(Entity, Office), Vec<u32>>,
    /// The spellings of each row's person in that row.
    spellings_of_row: Vec<Vec<u32>>,
}

/// States whose people put the family name first in English ("President Xi", "Prime Minister
/// Hun Sen", "Chairman Kim").
const FAMILY_NAME_FIRST: &[&str] = &["CHN", "TWN", "KOR", "PRK", "KHM", "SGP", "HKG", "MAC"];

/// States whose people are called by their given name alone ("Prime Minister Prayut",
/// "Foreign Minister Don"): the first name stands for the person, as it does for those above.
const GIVEN_NAME_ALONE: &[&str] = &["THA"];

/// Words that start a name but are not part of it when looking it up.
const HONORIFICS: &[&str] = &[
    "sheikh",
    "sheik",
    "shaikh",
    "ayatollah",
    "sayyid",
    "hrh",
    "his",
    "her",
    "majesty",
    "highness",
    "excellency",
];

/// Small words inside names that never stand for the name ("al", "bin", "de").
const PARTICLES: &[&str] = &[
    "al", "el", "ul", "ud", "ur", "bin", "ibn", "bint", "de", "del", "della", "di", "da", "do",
    "dos", "das", "du", "van", "von", "der", "den", "la", "le", "y", "e", "i", "wa", "ag", "ould",
    "ben", "of", "jr", "sr",
];

fn is_regnal_number(word: &str) -> bool {
    !word.is_empty() && word.len() <= 5 && word.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'))
}

/// A name folded for lookup: lower case without diacritics (as actor lookup folds), hyphens
/// and dots between words, initials and "Jr." dropped, honorifics before the name dropped.
pub fn fold_words<S: AsRef<str>>(words: &[S]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in words {
        let word = word.as_ref();
        // Most names are ASCII: lower case is all there is to fold.
        let folded: String = if word.is_ascii() {
            word.to_ascii_lowercase()
        } else {
            crate::query::fold(word)
        };
        for part in folded.split(['-', ' ', ',', '.']) {
            let part = part.trim_matches(|c: char| !c.is_alphanumeric());
            if part.is_empty() {
                continue;
            }
            // "J." of "Antony J. Blinken": an initial.
            if part.chars().count() == 1 {
                continue;
            }
            if matches!(part, "jr" | "sr") {
                continue;
            }
            if out.is_empty() && HONORIFICS.contains(&part) {
                continue;
            }
            out.push(part.to_string());
        }
    }
    out
}

/// The number of single-letter edits (a letter changed, added or dropped) between two words,
/// or `None` when it is more than `limit`. Words are short: a row of the table at a time.
pub fn edits_within(a: &str, b: &str, limit: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut row = vec![i + 1; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            let change = previous[j] + usize::from(x != y);
            row[j + 1] = change.min(previous[j + 1] + 1).min(row[j] + 1);
        }
        if row.iter().min().is_some_and(|&m| m > limit) {
            return None;
        }
        previous = row;
    }
    previous.last().copied().filter(|&d| d <= limit)
}

/// How many edits a surname of this length may be from the name it misspells: none below
/// five letters, one up to six, two from seven.
pub fn misspelling_limit(word: &str) -> usize {
    match word.chars().count() {
        0..=4 => 0,
        5 | 6 => 1,
        _ => 2,
    }
}

/// Whether `written` may be a slip for the name `name` (both folded): within
/// [`misspelling_limit`] edits of it, with a letter added or dropped ("Modhi" for Modi,
/// "Alvardo" for Alvarado). Names of one length a letter or two apart are more often two
/// names, or two transliterations of one, than a slip ("Chang" and "Chung", "Hussein" and
/// "Hussain"): they are not taken for each other.
pub fn may_misspell(written: &str, name: &str) -> bool {
    let limit = misspelling_limit(written).min(misspelling_limit(name).max(1));
    if limit == 0 || written.chars().count() == name.chars().count() {
        return false;
    }
    edits_within(written, name, limit).is_some()
}

/// A date of the file: `YYYY-MM-DD`, or `YYYY-MM` or `YYYY`, taken at its first day (`last`:
/// its last).
fn parse_date(field: &str, last: bool) -> Option<NaiveDate> {
    let field = field.trim();
    let mut parts = field.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: Option<u32> = parts.next().map(|m| m.parse().ok()).unwrap_or(None);
    let day: Option<u32> = parts.next().map(|d| d.parse().ok()).unwrap_or(None);
    match (month, day) {
        (Some(m), Some(d)) => NaiveDate::from_ymd_opt(year, m, d),
        (Some(m), None) if last => {
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(year, m + 1, 1)
            };
            next.and_then(|n| n.pred_opt())
        }
        (Some(m), None) => NaiveDate::from_ymd_opt(year, m, 1),
        (None, _) if last => NaiveDate::from_ymd_opt(year, 12, 31),
        (None, _) => NaiveDate::from_ymd_opt(year, 1, 1),
    }
}

impl Officeholders {
    /// Builds the dictionary from its rows; `entity` finds the state (ISO code) or
    /// organisation (name) of a row. Rows whose entity, office or start is unknown are left
    /// out.
    /// Builds the dictionary from the text of `officeholders.csv` files (checked beforehand:
    /// rows that do not read are passed over); `entity` finds the state (ISO code) or
    /// organisation (name) of a row. Rows whose entity, office or start is unknown are left
    /// out.
    pub fn parse<T: AsRef<str>>(texts: &[T], entity: impl Fn(&str) -> Option<Entity>) -> Self {
        let mut builder = Builder::default();
        let mut record = csv::StringRecord::new();
        for text in texts {
            let mut reader = csv::ReaderBuilder::new().from_reader(text.as_ref().as_bytes());
            let Ok(headers) = reader.headers() else {
                continue;
            };
            let column = |name: &str| headers.iter().position(|h| h.trim() == name);
            let columns = [
                column("state"),
                column("office"),
                column("name"),
                column("aliases"),
                column("wikidata"),
                column("start"),
                column("end"),
                column("seen"),
                column("source"),
            ];
            // One record at a time, into the dictionary's own structures.
            while let Ok(true) = reader.read_record(&mut record) {
                let field = |c: usize| columns[c].and_then(|i| record.get(i)).unwrap_or("").trim();
                builder.add(
                    &RowFields {
                        state: field(0),
                        office: field(1),
                        name: field(2),
                        aliases: field(3),
                        wikidata: field(4),
                        start: field(5),
                        end: field(6),
                        seen: field(7),
                        source: field(8),
                    },
                    &entity,
                );
            }
        }
        builder.finish()
    }

    fn add_spelling(&mut self, row: u32, words: Vec<String>, family_first: bool) {
        let index = self.spellings.len() as u32;
        let n = words.len();
        // "Abdullah II of Jordan", "Salman of Saudi Arabia", "Tamim bin Hamad Al Thani": the
        // first name stands for the person.
        let regnal = words.iter().any(|w| w == "of" || is_regnal_number(w));
        let arabic = n >= 3 && matches!(words[1].as_str(), "bin" | "ibn" | "bint");
        let first_is_key = n == 1 || family_first || regnal || arabic;
        let mut keys: Vec<&String> = Vec::new();
        if !regnal {
            keys.push(&words[n - 1]);
            // "López Obrador", "Petro Urrego": the first of two family names.
            if n >= 3 && !PARTICLES.contains(&words[n - 2].as_str()) {
                keys.push(&words[n - 2]);
            }
        }
        if first_is_key {
            keys.push(&words[0]);
        }
        for key in keys {
            if PARTICLES.contains(&key.as_str()) {
                continue;
            }
            let entry = self.by_word.entry(key.clone()).or_default();
            if !entry.contains(&index) {
                entry.push(index);
            }
        }
        self.by_name.entry(words.join(" ")).or_default().push(index);
        if self.spellings_of_row.len() <= row as usize {
            self.spellings_of_row.resize(row as usize + 1, Vec::new());
        }
        self.spellings_of_row[row as usize].push(index);
        self.spellings.push(Spelling {
            row,
            words,
            first_is_key,
        });
    }

    /// A tenure the source left open ends the day before the next holder of the office took
    /// it.
    fn close_open_tenures(&mut self) {
        for (r, row) in self.rows.iter().enumerate() {
            self.by_office
                .entry((row.entity, row.office))
                .or_default()
                .push(r as u32);
        }
        for tenures in self.by_office.values_mut() {
            tenures.sort_by_key(|&r| self.rows[r as usize].start);
        }
        let mut ends: Vec<(usize, NaiveDate)> = Vec::new();
        for tenures in self.by_office.values() {
            for (k, &r) in tenures.iter().enumerate() {
                let row = &self.rows[r as usize];
                if row.end.is_some() {
                    continue;
                }
                let next = tenures[k + 1..]
                    .iter()
                    .map(|&n| &self.rows[n as usize])
                    .find(|n| n.start > row.start && n.person != row.person);
                if let Some(end) = next.and_then(|n| n.start.pred_opt()) {
                    ends.push((r as usize, end));
                }
            }
        }
        for (r, end) in ends {
            self.rows[r].end = Some(end);
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn row(&self, row: u32) -> &Officeholder {
        &self.rows[row as usize]
    }

    /// Whether these words are the whole name (or a whole other spelling) of an officeholder
    /// of any date: evidence that a capitalised run is a person.
    /// Whether a name as written could be an officeholder's: its first or last word, folded,
    /// stands for some name (every name's last word, or first word where it stands alone, is
    /// one). A cheap test before folding the whole name.
    pub fn may_name<S: AsRef<str>>(&self, words: &[S]) -> bool {
        let key = |word: Option<&S>| {
            word.map(|w| fold_words(&[w.as_ref()]))
                .is_some_and(|folded| {
                    [folded.first(), folded.last()]
                        .into_iter()
                        .flatten()
                        .any(|k| self.by_word.contains_key(k))
                })
        };
        key(words.last()) || key(words.first())
    }

    /// Whether this row's person is in office on `date`.
    pub fn in_office(&self, row: u32, date: NaiveDate) -> bool {
        self.rows[row as usize].holds(date, false)
    }

    /// Whether a full name, folded, may be this row's person by its given name: some spelling
    /// of the person has a word that is it, contains it or shares its first three letters
    /// ("Jill Biden" is not President Joe Biden; "Joseph Robinette Biden", "Tony Blinken" may
    /// be their officeholders). A name of one word always may.
    pub fn given_name_fits(&self, row: u32, folded: &[String]) -> bool {
        let [given, _, ..] = folded else { return true };
        let near = |word: &String| {
            word.contains(given.as_str())
                || given.contains(word.as_str())
                || given.chars().count() >= 3 && word.chars().take(3).eq(given.chars().take(3))
        };
        self.spellings_of_row[row as usize]
            .iter()
            .any(|&s| self.spellings[s as usize].words.iter().any(near))
    }

    pub fn is_whole_name(&self, folded: &[String]) -> bool {
        folded.len() >= 2 && self.by_name.contains_key(&folded.join(" "))
    }

    /// The one person these words name who held an office of `offices` (any, when empty) of
    /// an entity `accept` takes on `date`.
    pub fn named<S: AsRef<str>>(
        &self,
        words: &[S],
        date: NaiveDate,
        offices: &[Office],
        accept: impl Fn(Entity) -> bool,
    ) -> Option<Found> {
        self.named_folded(&fold_words(words), date, offices, accept)
    }

    /// [`Officeholders::named`] for words already folded by [`fold_words`].
    pub fn named_folded(
        &self,
        folded: &[String],
        date: NaiveDate,
        offices: &[Office],
        accept: impl Fn(Entity) -> bool,
    ) -> Option<Found> {
        if folded.is_empty() {
            return None;
        }
        let fits = |row: &Officeholder| {
            row.holds(date, false)
                && (offices.is_empty() || offices.contains(&row.office))
                && accept(row.entity)
        };
        // The whole name first; a part of it only when no whole name fits.
        if let Some(found) = self.unique(
            self.by_name
                .get(&folded.join(" "))
                .into_iter()
                .flatten()
                .map(|&s| self.spellings[s as usize].row),
            &fits,
            true,
        ) {
            return Some(found);
        }
        let mut candidates: Vec<u32> = Vec::new();
        for key in [folded.last(), folded.first()].into_iter().flatten() {
            for &s in self.by_word.get(key).into_iter().flatten() {
                let spelling = &self.spellings[s as usize];
                if part_of(folded, spelling) && !candidates.contains(&spelling.row) {
                    candidates.push(spelling.row);
                }
            }
        }
        self.unique(candidates.into_iter(), &fits, false)
    }

    /// The one person a surname names who held an office of `offices` before `date` and no
    /// longer did on it ("President Truman" in 2022), of an entity `accept` takes. Two former
    /// holders of the surname ("President Bush") are nobody.
    pub fn former_named(
        &self,
        surname: &str,
        date: NaiveDate,
        offices: &[Office],
        accept: impl Fn(Entity) -> bool,
    ) -> Option<Found> {
        if offices.is_empty() {
            return None;
        }
        let candidates = self
            .by_word
            .get(surname)
            .into_iter()
            .flatten()
            .filter_map(|&s| {
                let spelling = &self.spellings[s as usize];
                (spelling.words.last().is_some_and(|w| w == surname)
                    || part_of(&[surname.to_string()], spelling))
                .then_some(spelling.row)
            });
        let fits = |row: &Officeholder| {
            row.start <= date
                && row.end.is_some_and(|end| end < date)
                && offices.contains(&row.office)
                && accept(row.entity)
        };
        let found = self.unique(candidates, &fits, false)?;
        // Nobody of the surname in such an office on the date either.
        let person = self.rows[found.row as usize].person;
        let current = self.by_word.get(surname).into_iter().flatten().any(|&s| {
            let row = &self.rows[self.spellings[s as usize].row as usize];
            row.person != person && row.holds(date, false) && offices.contains(&row.office)
        });
        (!current).then_some(found)
    }

    /// The one person in an office of `offices` on `date` (of an entity `accept` takes) whose
    /// family name is a slip away from `surname` ("Prime Minister Modhi"): a letter or two
    /// changed, added or dropped, by [`misspelling_limit`].
    pub fn misspelt(
        &self,
        surname: &str,
        date: NaiveDate,
        offices: &[Office],
        accept: impl Fn(Entity) -> bool,
    ) -> Option<Found> {
        if misspelling_limit(surname) == 0 || offices.is_empty() {
            return None;
        }
        // The spellings of those in such an office on the date, in the dictionary's order.
        let mut indices: Vec<u32> = self
            .by_office
            .iter()
            .filter(|((_, office), _)| offices.contains(office))
            .flat_map(|(_, tenures)| tenures)
            .filter(|&&r| self.rows[r as usize].holds(date, false))
            .flat_map(|&r| self.spellings_of_row.get(r as usize).into_iter().flatten())
            .copied()
            .collect();
        indices.sort_unstable();
        let candidates = indices.into_iter().filter_map(|index| {
            let spelling = &self.spellings[index as usize];
            let n = spelling.words.len();
            // The family name, or the first of two ("Alvarado Quesada"); never a given name.
            let family = spelling.words[n.saturating_sub(if n >= 3 { 2 } else { 1 })..]
                .iter()
                .filter(|w| !PARTICLES.contains(&w.as_str()));
            family
                .into_iter()
                .any(|w| may_misspell(surname, w))
                .then_some(spelling.row)
        });
        self.unique(candidates, &|row: &Officeholder| accept(row.entity), false)
    }

    /// The one person who held an office of `offices` of `entity` on `date`, as far as the
    /// sources checked.
    pub fn holder(&self, entity: Entity, offices: &[Office], date: NaiveDate) -> Option<Found> {
        let rows = offices
            .iter()
            .flat_map(|&office| self.by_office.get(&(entity, office)).into_iter().flatten())
            .copied();
        self.unique(rows, &|row: &Officeholder| row.holds(date, true), false)
    }

    fn unique(
        &self,
        rows: impl Iterator<Item = u32>,
        fits: &dyn Fn(&Officeholder) -> bool,
        whole: bool,
    ) -> Option<Found> {
        let mut found: Option<Found> = None;
        for r in rows {
            let row = &self.rows[r as usize];
            if !fits(row) {
                continue;
            }
            match &mut found {
                None => {
                    found = Some(Found {
                        row: r,
                        entity: Some(row.entity),
                        whole,
                    })
                }
                Some(f) if self.rows[f.row as usize].person == row.person => {
                    if f.entity != Some(row.entity) {
                        f.entity = None;
                    }
                }
                Some(_) => return None,
            }
        }
        found
    }
}

/// The dictionary as its rows are read.
#[derive(Default)]
struct Builder {
    dictionary: Officeholders,
    person_of_name: HashMap<String, u32>,
    person_of_item: HashMap<String, u32>,
    items_of_person: HashMap<u32, String>,
    next_person: u32,
    /// Each kept row's folded names, and whether its people put the family name first.
    names_of_row: Vec<(Vec<Vec<String>>, bool)>,
}

impl Builder {
    fn add(&mut self, row: &RowFields<'_>, entity: &impl Fn(&str) -> Option<Entity>) {
        let (Some(entity), Some(office)) = (entity(row.state), Office::parse(row.office)) else {
            return;
        };
        let name_words = fold_words(&[row.name]);
        if name_words.is_empty() {
            return;
        }
        let start = if row.start.is_empty() {
            NaiveDate::MIN
        } else {
            match parse_date(row.start, false) {
                Some(start) => start,
                None => return,
            }
        };
        let wikidata = Some(row.wikidata.to_string()).filter(|w| !w.is_empty());
        // One person: one Wikidata item, or without one, one folded name. Two items are two
        // persons even when their names fold alike ("George W. Bush" and "George H. W. Bush").
        let key = name_words.join(" ");
        let person = match &wikidata {
            Some(item) => match self.person_of_item.get(item) {
                Some(&person) => person,
                None => {
                    let person = match self.person_of_name.get(&key) {
                        Some(&p) if !self.items_of_person.contains_key(&p) => p,
                        _ => self.next_person,
                    };
                    if person == self.next_person {
                        self.next_person += 1;
                    }
                    self.person_of_item.insert(item.clone(), person);
                    self.items_of_person.insert(person, item.clone());
                    person
                }
            },
            None => match self.person_of_name.get(&key) {
                Some(&person) => person,
                None => {
                    self.next_person += 1;
                    self.next_person - 1
                }
            },
        };
        self.person_of_name.entry(key).or_insert(person);
        let mut names = vec![name_words];
        for alias in row
            .aliases
            .split(';')
            .map(str::trim)
            .filter(|a| !a.is_empty())
        {
            let words = fold_words(&[alias]);
            if !words.is_empty() && !names.contains(&words) {
                names.push(words);
            }
        }
        self.names_of_row.push((
            names,
            FAMILY_NAME_FIRST.contains(&row.state) || GIVEN_NAME_ALONE.contains(&row.state),
        ));
        self.dictionary.rows.push(Officeholder {
            name: row.name.to_string(),
            entity,
            office,
            wikidata,
            start,
            end: parse_date(row.end, true),
            seen: parse_date(row.seen, true),
            source: row.source.to_string(),
            person,
        });
    }

    fn finish(self) -> Officeholders {
        let mut dictionary = self.dictionary;
        dictionary.close_open_tenures();
        // A person of a state that writes the family name first keeps that order in every
        // office ("Secretary-General Ban").
        let family_first: std::collections::HashSet<u32> = self
            .names_of_row
            .iter()
            .zip(&dictionary.rows)
            .filter(|((_, first), _)| *first)
            .map(|(_, row)| row.person)
            .collect();
        for (r, (names, _)) in self.names_of_row.into_iter().enumerate() {
            let family_first = family_first.contains(&dictionary.rows[r].person);
            for words in names {
                dictionary.add_spelling(r as u32, words, family_first);
            }
        }
        dictionary
    }
}

/// Whether folded words `part` name the person of `spelling` without being its whole name:
/// a family name ("Biden", "López Obrador"), a first name where it stands alone ("Xi",
/// "Salman"), a name's start ("Faisal bin Farhan"), or its first and family names ("Gustavo
/// Petro" for Gustavo Francisco Petro Urrego).
fn part_of(part: &[String], spelling: &Spelling) -> bool {
    let words = &spelling.words;
    let n = words.len();
    let m = part.len();
    if m == 0 || m >= n {
        return false;
    }
    if m == 1 {
        let word = &part[0];
        return (words[n - 1] == *word && !is_regnal_number(word))
            || (n >= 3 && words[n - 2] == *word && !PARTICLES.contains(&word.as_str()))
            || (spelling.first_is_key && words[0] == *word);
    }
    // A run of the name ending at its last word, or at the first of two family names.
    if words[n - m..] == *part || (n >= 3 && words[n - 1 - m..n - 1] == *part) {
        return true;
    }
    // A run at its start of two words or more.
    if words[..m] == *part {
        return true;
    }
    // First name and family name.
    if part[0] == words[0] && (part[m - 1] == words[n - 1] || part[m - 1] == words[n - 2]) {
        let mut k = 0;
        for word in words {
            if k < m && *word == part[k] {
                k += 1;
            }
        }
        return k == m;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lexicon;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn name_of(found: Option<Found>) -> Option<&'static str> {
        found.map(|f| Lexicon::builtin().officeholders().row(f.row).name.as_str())
    }

    #[test]
    fn dates_of_a_month_or_a_year_span_it() {
        assert_eq!(parse_date("2023-06", false), Some(day("2023-06-01")));
        assert_eq!(parse_date("2023-06", true), Some(day("2023-06-30")));
        assert_eq!(parse_date("2024-02", true), Some(day("2024-02-29")));
        assert_eq!(parse_date("2003", false), Some(day("2003-01-01")));
        assert_eq!(parse_date("2003", true), Some(day("2003-12-31")));
        assert_eq!(parse_date("2022-12-30", true), Some(day("2022-12-30")));
        assert_eq!(parse_date("", true), None);
    }

    #[test]
    fn the_built_in_dictionary_loads_every_office() {
        let holders = Lexicon::builtin().officeholders();
        assert!(holders.len() > 4000, "{} tenures", holders.len());
        for office in [
            Office::President,
            Office::PrimeMinister,
            Office::Monarch,
            Office::ForeignMinister,
            Office::SecretaryGeneral,
            Office::HighRepresentative,
        ] {
            assert!(
                holders.rows.iter().any(|r| r.office == office),
                "{office:?}"
            );
        }
    }

    #[test]
    fn names_parts_of_names_and_other_spellings_find_one_person() {
        let holders = Lexicon::builtin().officeholders();
        let any = |_| true;
        let on = day("2022-03-10");
        let fm = [Office::ForeignMinister];
        assert_eq!(
            name_of(holders.named(&["Lavrov"], on, &fm, any)),
            Some("Sergey Lavrov")
        );
        assert_eq!(
            name_of(holders.named(&["Sergei", "Lavrov"], on, &[], any)),
            Some("Sergey Lavrov")
        );
        assert_eq!(
            name_of(holders.named(&["Antony", "J.", "Blinken"], on, &[], any)),
            Some("Antony Blinken")
        );
        assert_eq!(
            name_of(holders.named(&["Xi"], on, &[Office::President], any)),
            Some("Xi Jinping")
        );
        assert_eq!(
            name_of(holders.named(&["López", "Obrador"], on, &[Office::President], any)),
            Some("Andrés Manuel López Obrador")
        );
        assert_eq!(
            name_of(holders.named(&["Erdogan"], on, &[Office::President], any)),
            Some("Recep Tayyip Erdoğan")
        );
        // A part of a name is no other office's holder.
        assert_eq!(
            holders.named(&["Lavrov"], on, &[Office::President], any),
            None
        );
    }

    #[test]
    fn a_tenure_left_open_ends_when_the_next_holder_takes_office() {
        let holders = Lexicon::builtin().officeholders();
        let lexicon = Lexicon::builtin();
        let china = lexicon.entity("China").unwrap();
        let fm = [Office::ForeignMinister];
        // Wang Yi's first tenure is open in Wikidata; Qin Gang followed him.
        assert_eq!(
            name_of(holders.holder(china, &fm, day("2022-06-01"))),
            Some("Wang Yi")
        );
        assert_eq!(
            name_of(holders.holder(china, &fm, day("2023-03-01"))),
            Some("Qin Gang")
        );
        assert_eq!(
            name_of(holders.holder(china, &fm, day("2024-03-01"))),
            Some("Wang Yi")
        );
        assert_eq!(
            holders.named(&["Wang"], day("2023-03-01"), &fm, |_| true),
            None
        );
    }

    #[test]
    fn a_title_and_surname_name_a_former_holder_when_only_one_fits() {
        let holders = Lexicon::builtin().officeholders();
        let president = [Office::President];
        let any = |_| true;
        // Long after his term, the one president of that name.
        assert_eq!(
            name_of(holders.former_named("truman", day("2020-05-01"), &president, any)),
            Some("Harry S. Truman")
        );
        // Not before he held the office, and not as a foreign minister.
        assert_eq!(
            holders.former_named("truman", day("1940-05-01"), &president, any),
            None
        );
        assert_eq!(
            holders.former_named("truman", day("2020-05-01"), &[Office::ForeignMinister], any),
            None
        );
        // Two former presidents of that name: nobody.
        assert_eq!(
            holders.former_named("bush", day("2020-05-01"), &president, any),
            None
        );
        // In office on the date: not a former holder.
        assert_eq!(
            holders.former_named("bush", day("2005-05-01"), &president, any),
            None
        );
    }

    #[test]
    fn a_surname_a_letter_off_names_the_one_holder_in_office() {
        let holders = Lexicon::builtin().officeholders();
        let pm = [Office::PrimeMinister];
        assert_eq!(
            name_of(holders.misspelt("modhi", day("2021-07-01"), &pm, |_| true)),
            Some("Narendra Modi")
        );
        // The right spelling is no slip, and a name of the same length is another name.
        assert_eq!(
            holders.misspelt("modi", day("2021-07-01"), &pm, |_| true),
            None
        );
        assert!(may_misspell("alvardo", "alvarado"));
        assert!(may_misspell("blinknen", "blinken"));
        assert!(!may_misspell("chang", "chung"));
        assert!(!may_misspell("hussein", "hussain"));
        assert!(!may_misspell("kishi", "kishida"));
        assert!(!may_misspell("modi", "mod"));
        assert_eq!(edits_within("baitto", "baietto", 1), Some(1));
        assert_eq!(edits_within("vilalobos", "villalobos", 2), Some(1));
        assert_eq!(edits_within("stephen", "zandanshatar", 2), None);
    }

    #[test]
    fn namesakes_with_two_wikidata_items_are_two_persons() {
        let holders = Lexicon::builtin().officeholders();
        let president = [Office::President];
        let bush = holders
            .named(
                &["George", "W.", "Bush"],
                day("2003-03-20"),
                &president,
                |_| true,
            )
            .unwrap();
        assert_eq!(holders.row(bush.row).wikidata.as_deref(), Some("Q207"));
        // In 1990 "President Bush" is the father, another person of the same folded name.
        let father = holders
            .named(&["Bush"], day("1990-08-02"), &president, |_| true)
            .unwrap();
        assert_eq!(holders.row(father.row).wikidata.as_deref(), Some("Q23505"));
        assert_ne!(holders.row(father.row).person, holders.row(bush.row).person);
    }
}
