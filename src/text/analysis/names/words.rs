//! The words of a person's name: folded to lower case without diacritics, without initials or
//! nicknames, keyed so that two spellings of one name compare equal, and written canonically.
//!
//! Takes: a name's words as written. Gives: the forms persons are stored and compared by.

/// The singular of a plural noun of persons: "secretaries" is "secretary", "ministers"
/// "minister", "men" "man".
pub(in crate::text::analysis) fn singular_of(plural: &str) -> String {
    if let Some(stem) = plural.strip_suffix("men") {
        format!("{stem}man")
    } else if let Some(stem) = plural.strip_suffix("ies") {
        format!("{stem}y")
    } else {
        plural.strip_suffix('s').unwrap_or(plural).to_string()
    }
}

/// A name's words in lower case and without diacritics: "Gintare Kazlauskiene" in a caption is
/// the "Gintarė Kazlauskienė" of the body.
pub(in crate::text::analysis) fn lower_words(words: &[String]) -> Vec<String> {
    words.iter().map(|w| fold_word(w)).collect()
}

/// One word of a name in lower case and without diacritics.
pub(in crate::text::analysis) fn fold_word(word: &str) -> String {
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        crate::query::fold(word)
    }
}

/// "J." or "J": a middle initial.
pub(in crate::text::analysis) fn is_initial(word: &str) -> bool {
    let letters = word.trim_end_matches('.');
    letters.chars().count() == 1 && letters.chars().all(char::is_alphabetic)
}

/// Whether two different words are one edit apart: a letter changed, added or dropped, or two
/// neighbours swapped.
pub(in crate::text::analysis) fn one_edit_apart(a: &str, b: &str) -> bool {
    // Letters compared as bytes when both words are ASCII, as most are: no copy.
    if a.is_ascii() && b.is_ascii() {
        return one_edit(a.as_bytes(), b.as_bytes());
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    one_edit(&a, &b)
}

pub(in crate::text::analysis) fn one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    if a == b {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        std::cmp::Ordering::Greater => ra[1..] == *rb,
        std::cmp::Ordering::Less => *ra == rb[1..],
    }
}

/// The words of a name as written, without a nickname in quotation marks or brackets
/// ("Benjamin “Benny” Gantz" is Benjamin Gantz).
pub(in crate::text::analysis) fn name_words_of(surface: &str) -> Vec<String> {
    surface
        .split_whitespace()
        .filter(|w| !w.starts_with(['“', '"', '(']) && !w.ends_with(['”', '"', ')']))
        .map(str::to_string)
        .collect()
}

/// A name's words in lower case without initials, a hyphenated word counted as its parts:
/// two spellings of one name have the same key.
pub(in crate::text::analysis) fn name_key(words: &[String]) -> Vec<String> {
    words
        .iter()
        .filter(|w| !is_initial(w))
        .flat_map(|w| w.split('-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

pub(in crate::text::analysis) fn name_word_count(words: &[String]) -> usize {
    words.iter().filter(|w| !is_initial(w)).count()
}

/// A person's name without middle initials: "Antony J. Blinken" is "Antony Blinken".
pub(in crate::text::analysis) fn canonical_person_name(words: &[String]) -> String {
    let mut parts: Vec<String> = Vec::new();
    // "KITAMURA Shinji" is Kitamura Shinji: a word in capitals beside words that are not.
    let in_capitals = |w: &str| w.chars().count() >= 2 && !w.chars().any(char::is_lowercase);
    let mixed = words.iter().any(|w| !in_capitals(w));
    for (n, word) in words.iter().enumerate() {
        if is_initial(word) && n > 0 && n + 1 < words.len() {
            continue;
        }
        if mixed && in_capitals(word) && word.chars().all(char::is_alphabetic) {
            parts.push(title_case(word));
        } else if n > 0 && matches!(word.as_str(), "Jr" | "Sr") {
            // "Ferdinand Marcos Jr.": the run of a name stops before the abbreviation's dot.
            parts.push(format!("{word}."));
        } else {
            parts.push(word.clone());
        }
    }
    parts.join(" ")
}

pub(in crate::text::analysis) fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}
