//! The closed word classes the extraction rules read from `data/dictionaries/*_words.csv`
//! (`clause_words.csv`, `demand_words.csv`, `meeting_words.csv`): rows of `list,word` and, where
//! a list needs one, a third cell (the base form of an irregular past). They are compiled in and
//! read once; `--dictionaries` does not extend them.

use std::collections::{HashMap, HashSet};

/// The rows of a word-class file after its header, each cell trimmed and lowercased: (list,
/// word, third cell or empty). The files are compiled in and checked by tests, so a row with
/// fewer than two cells is skipped, not fatal.
fn rows(csv: &str) -> impl Iterator<Item = (String, String, String)> + '_ {
    csv.lines().skip(1).filter_map(|line| {
        let mut cells = line.split(',').map(|cell| cell.trim().to_lowercase());
        let (list, word) = (cells.next()?, cells.next()?);
        Some((list, word, cells.next().unwrap_or_default()))
    })
}

/// The words of one list of a word-class file.
pub(crate) fn list(csv: &str, name: &str) -> HashSet<String> {
    rows(csv)
        .filter(|(list, ..)| list == name)
        .map(|(_, word, _)| word)
        .collect()
}

/// The words of one list with their third cell ("went" -> "go").
pub(super) fn pairs(csv: &str, name: &str) -> HashMap<String, String> {
    rows(csv)
        .filter(|(list, ..)| list == name)
        .map(|(_, word, value)| (word, value))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_read_by_list_trimmed_and_lowercased() {
        let csv =
            "list,word,base\nguest, Delegation\nirregular_past,Went,go\nmalformed\nguest,envoy\n";
        assert_eq!(
            list(csv, "guest"),
            HashSet::from(["delegation".to_string(), "envoy".to_string()])
        );
        assert_eq!(
            pairs(csv, "irregular_past"),
            HashMap::from([("went".to_string(), "go".to_string())])
        );
        assert!(list(csv, "malformed").is_empty());
    }
}
