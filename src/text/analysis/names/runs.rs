//! Runs of capitalised words that may be a name: initials ("Antony J. Blinken"), hyphens
//! ("Thomas-Greenfield"), particles ("Ursula von der Leyen"), nicknames ("Benjamin “Benny”
//! Gantz"), a family name in capitals ("Mr. KITAMURA Shinji"), without the words that are never
//! names or the portfolio of a title before them.
//!
//! Takes: tokens, phrases (titles) and where the dictionary names are. Gives: the tokens of a
//! run, which `super::persons` weighs as a person's name.

use std::ops::Range;

use crate::text::analysis::Analysis;
use crate::text::analysis::names::words::one_edit_apart;
use crate::text::lexicon::PhraseTarget;
use crate::text::tokens::TokenKind;

/// Small words allowed inside a name ("Osama bin Laden", "Charles de Gaulle").
pub(in crate::text::analysis) const NAME_PARTICLES: &[&str] = &[
    "bin", "ibn", "al", "el", "de", "del", "della", "di", "da", "dos", "du", "van", "von", "der",
    "den", "la", "le",
];

/// Particles written capitalised inside a name ("Mohamed Ali Ben Salah", "Mohamed Ould
/// Ghazouani"): inside a name only, between two of its words; "Ben" alone is a given name.
const CAPITALISED_PARTICLES: &[&str] = &["Ben", "Bin", "Ibn", "Ould", "Bint"];

impl<'a> Analysis<'a> {
    /// A run of capitalised words (with initials, hyphens and particles) starting at `i`, not
    /// covered by dictionary names. Words that cannot be part of a name are skipped before the
    /// name starts ("Foreign Affairs Commission Yang Jiechi") and end it after ("Antony J.
    /// Blinken With").
    pub(in crate::text::analysis) fn name_run(
        &self,
        i: usize,
        dictionary_at: &[Option<usize>],
    ) -> Option<Range<usize>> {
        if !self.is_capitalised(i) || dictionary_at[i].is_some() || self.phrase_is_title(i) {
            return None;
        }
        let mut start = i;
        let mut end = i;
        let mut j = i;
        while j < self.tokens.len() {
            if dictionary_at[j].is_some() || (j > i && self.tokens[j].line_before) {
                break;
            }
            let surname_title = j == start + 1 && end == j && self.ends_name_after_title(j);
            if self.is_capitalised(j) && (!self.phrase_is_title(j) || surname_title) {
                // "Ben-Ami": a word joined by a hyphen to the next is part of a name.
                let hyphenated = j + 2 < self.tokens.len()
                    && self.word(j + 1) == "-"
                    && !self.tokens[j + 1].space_before
                    && !self.tokens[j + 2].space_before
                    && self.is_capitalised(j + 2);
                // "Margaret A. Ellison": an initial, not the article.
                let initial = end > start
                    && self.word(j).chars().count() == 1
                    && self.word(j + 1) == "."
                    && !self.tokens.get(j + 1).is_some_and(|t| t.space_before);
                // "Mr. KITAMURA Shinji": a family name in capitals before the given name.
                let family_first = j == start && self.is_family_name_in_capitals(j);
                let particle = end > start
                    && j == end
                    && CAPITALISED_PARTICLES.contains(&self.word(j))
                    && j + 1 < self.tokens.len()
                    && dictionary_at[j + 1].is_none()
                    && self.is_capitalised(j + 1)
                    && !self.is_not_name_word(j + 1)
                    && !self.tokens[j + 1].line_before;
                let not_name = !hyphenated
                    && !initial
                    && !family_first
                    && !particle
                    && (self.is_not_name_word(j) || self.is_upper_acronym(j));
                if not_name {
                    if end > start {
                        break;
                    }
                    j += 1;
                    start = j;
                    end = j;
                    continue;
                }
                j += 1;
                // An initial: "J."
                if self.word(j - 1).chars().count() == 1
                    && j < self.tokens.len()
                    && self.word(j) == "."
                    && !self.tokens[j].space_before
                {
                    j += 1;
                }
                end = j;
                continue;
            }
            // "Benjamin “Benny” Gantz", "Benjamin (Ben) Sides": a nickname in quotation marks or
            // brackets between two words of a name is part of the run, not its end.
            if end > start
                && j + 3 < self.tokens.len()
                && matches!(self.word(j), "“" | "\"" | "(")
                && self.is_capitalised(j + 1)
                && matches!(self.word(j + 2), "”" | "\"" | ")")
                && self.is_capitalised(j + 3)
                && dictionary_at[j + 3].is_none()
                && !self.is_not_name_word(j + 3)
                && !self.tokens[j + 3].line_before
            {
                j += 3;
                continue;
            }
            // "Thomas-Greenfield", "Al-Aiban", "Jae-in".
            if end > start
                && self.word(j) == "-"
                && !self.tokens[j].space_before
                && j + 1 < self.tokens.len()
                && !self.tokens[j + 1].space_before
                && self.tokens[j + 1].kind == TokenKind::Word
            {
                j += 2;
                end = j;
                continue;
            }
            // "Ursula von der Leyen", "Charles de Gaulle".
            if end > start && NAME_PARTICLES.contains(&self.word(j)) {
                let mut next = j + 1;
                while next < self.tokens.len() && NAME_PARTICLES.contains(&self.word(next)) {
                    next += 1;
                }
                if next < self.tokens.len() && self.is_capitalised(next) {
                    j = next;
                    continue;
                }
                // "Osman el-Tayeb Hamdan", "Badr bin Hamad al-Busaidi".
                if next + 1 < self.tokens.len()
                    && self.word(next) == "-"
                    && !self.tokens[next].space_before
                    && !self.tokens[next + 1].space_before
                    && self.is_capitalised(next + 1)
                {
                    j = next + 1;
                    continue;
                }
            }
            break;
        }
        // "Under Secretary for Arms Control and International Security Margaret Ellison",
        // "Special Envoy for Climate John Kerry": the portfolio of the title before the name
        // is not part of it, and a run of portfolio words alone is no name.
        while start < end && self.is_portfolio_word(start) {
            start += 1;
        }
        // A single upper-case letter without a dot is not a name word.
        while start < end && self.word(start).chars().count() == 1 && self.word(start) != "I" {
            if start + 1 < end && self.word(start + 1) == "." {
                break;
            }
            start += 1;
        }
        (start < end).then_some(start..end)
    }

    /// Whether the capitalised word at `j`, which is also a one-word title or a place ("Amy
    /// Pope", "Margaret Hamburg"), is the surname of a given name written right after a title:
    /// title, one capitalised word, then this word with no punctuation between, and no name of
    /// its own after it ("Pope Francis", "Hamburg Port Authority" keep their meaning).
    pub(in crate::text::analysis) fn ends_name_after_title(&self, j: usize) -> bool {
        if j < 2 || j + 1 > self.tokens.len() {
            return false;
        }
        let given = j - 1;
        let word_only = |k: usize| {
            self.tokens[k].kind == TokenKind::Word
                && self.tokens[k].space_before
                && !self.tokens[k].line_before
        };
        // The cheap tests first: this runs for every place of one word.
        if !(self.is_capitalised(j) && word_only(j) && word_only(given)) {
            return false;
        }
        let name_follows = self.tokens.get(j + 1).is_some_and(|t| {
            t.kind == TokenKind::Word && !t.line_before && self.is_capitalised(j + 1)
        });
        let title_before = self
            .title_at(given - 1)
            .is_some_and(|(range, _)| range.end == given);
        if name_follows || !title_before {
            return false;
        }
        let one_word_title = self
            .phrase(j)
            .is_none_or(|p| p.tokens == (j..j + 1) || !matches!(p.target, PhraseTarget::Title(_)));
        one_word_title
            && self.is_capitalised(given)
            && self.word(given).chars().count() > 1
            && !self.phrase_is_title(given)
            && !self.is_upper_acronym(given)
            && !self.is_not_name_word(given)
    }

    /// Whether the place of one word at `j` ("Victoria", "Florence") is the given name of a
    /// person: right after a title, or a title and its portfolio ("Under Secretary of State
    /// for Political Affairs Victoria Nuland"), and right before a capitalised word of the same
    /// line that is no title and no word that never names.
    pub(in crate::text::analysis) fn begins_name_after_title(&self, j: usize) -> bool {
        if j == 0 || j + 1 >= self.tokens.len() {
            return false;
        }
        let word_only = |k: usize| {
            self.tokens[k].kind == TokenKind::Word
                && self.tokens[k].space_before
                && !self.tokens[k].line_before
        };
        if !(self.is_capitalised(j)
            && word_only(j)
            && word_only(j + 1)
            && self.is_capitalised(j + 1))
            || self.phrase_is_title(j + 1)
            || self.is_not_name_word(j + 1)
            || self.is_upper_acronym(j + 1)
        {
            return false;
        }
        // Back over the portfolio: "for Political Affairs".
        let mut k = j;
        while k > 0
            && j - k < 8
            && !self.phrase_is_title(k - 1)
            && (self.is_portfolio_word(k - 1) || matches!(self.lower(k - 1), "for" | "and" | "of"))
        {
            k -= 1;
        }
        k > 0
            && self.title_at(k - 1).is_some_and(|(range, t)| {
                range.end == k && self.lexicon.titles[t].kind != "descriptor"
            })
    }

    /// Whether the word at `j` is a family name written in capitals before a given name in
    /// title case, right after an honorific, as some foreign ministries write names ("Mr.
    /// KITAMURA Shinji", "Ms. KAMIKAWA Yoko"): not an acronym.
    pub(in crate::text::analysis) fn is_family_name_in_capitals(&self, j: usize) -> bool {
        let word = self.word(j);
        let next = j + 1;
        j > 0
            && next < self.tokens.len()
            && word.chars().count() >= 3
            && word.chars().all(|c| c.is_alphabetic() && c.is_uppercase())
            && self.title_at(j - 1).is_some_and(|(range, t)| {
                range.end == j && self.lexicon.titles[t].kind == "honorific"
            })
            && self.tokens[next].space_before
            && !self.tokens[next].line_before
            && self.is_capitalised(next)
            && !self.is_upper_acronym(next)
            && !self.is_not_name_word(next)
            && !self.phrase_is_title(next)
    }

    pub(in crate::text::analysis) fn is_not_name_word(&self, i: usize) -> bool {
        self.lexicon.not_name_words.contains(self.word(i))
            || (self.is_capitalised(i) && self.is_misspelt_title_word(self.word(i)))
    }

    /// A title's word of eight letters or more written a letter wrong, over or short
    /// ("Prime Mininster Netanyahu", "Ecretary Blinken", "Secretar Blinken"): no name's word,
    /// so that the typo does not become a given name. A word that is itself a title's word is
    /// left to the titles.
    pub(in crate::text::analysis) fn is_misspelt_title_word(&self, word: &str) -> bool {
        let length = word.chars().count();
        let words = &self.lexicon.title_words;
        if length < 7 || words.exact.contains(word) {
            return false;
        }
        let lower = word.to_lowercase();
        words
            .long_near(length, 1)
            .iter()
            .any(|(_, title_word)| one_edit_apart(title_word, &lower))
    }

    pub(in crate::text::analysis) fn is_portfolio_word(&self, i: usize) -> bool {
        self.lexicon.portfolio_words.contains(self.lower(i))
    }
}

#[cfg(test)]
mod tests {

    use crate::text::analysis::testing::*;

    use crate::text::analysis::names::words::one_edit_apart;

    #[test]
    fn names_keep_their_particles_hyphens_and_initials() {
        let a = analyse(
            "Sudanese minister Osman el-Tayeb Hamdan met Israeli spokeswoman Miriam Ben-Ami and Under Secretary Margaret A. Ellison.",
        );
        assert_eq!(
            persons(&a),
            [
                "Osman el-Tayeb Hamdan",
                "Miriam Ben-Ami",
                "Margaret Ellison"
            ]
        );
    }

    #[test]
    fn a_title_s_portfolio_is_not_part_of_the_name() {
        let a = analyse(
            "Under Secretary for Arms Control and International Security Bonnie Jenkins and Special Presidential Envoy for Climate John Kerry met.",
        );
        assert_eq!(persons(&a), ["Bonnie Jenkins", "John Kerry"]);
    }

    #[test]
    fn a_family_name_in_capitals_after_an_honorific_opens_the_name() {
        // Issue #10: "Mr. SURNAME Given", as some foreign ministries write names.
        let a = analyse(
            "Mr. OKADA Haruto, Minister for Trade, phoned his counterpart. \
             Minister Okada said talks would go on. The OECD and NATO were not there.",
        );
        assert_eq!(persons(&a), ["Okada Haruto"]);
        assert_eq!(resolved(&a, "Okada"), ["Okada Haruto"]);
    }

    /// Issue #11: "Assistant to the President Amy Pope" gave a person "Amy", and "Dr. Margaret
    /// Hamburg" a person "Margaret": a title word or a city right after a title's given name
    /// is the surname, unless a name follows it.
    #[test]
    fn a_title_word_or_a_city_after_a_given_name_is_its_surname() {
        let a = analyse("Assistant to the President Amy Pope announced new aid.");
        assert_eq!(persons(&a), ["Amy Pope"]);
        let a = analyse("Dr. Margaret Hamburg is a physician.");
        assert_eq!(persons(&a), ["Margaret Hamburg"]);
        // A name of its own after the word: the title or the place keeps its meaning.
        let a = analyse("The Secretary met Pope Francis at the Vatican.");
        assert!(!persons(&a).iter().any(|p| p.contains("Pope")));
        // Punctuation between: two things.
        let a = analyse("Ambassador Smith, Hamburg and Bremen were named.");
        assert_eq!(persons(&a), ["Smith"]);
        // Without a title before, no evidence of a given name.
        let a = analyse("Students from Margaret Hamburg came.");
        assert!(!persons(&a).contains(&"Margaret Hamburg".to_string()));
    }

    /// Issue #11: "Under Secretary of State for Political Affairs Victoria Nuland" gave a person
    /// "Toria Nuland" and a place Victoria (Seychelles): a place right after a title, or a title
    /// and its portfolio, and before a capitalised word is the given name.
    #[test]
    fn a_place_after_a_title_and_before_a_name_is_the_given_name() {
        let a = analyse(
            "Under Secretary of State for Political Affairs Victoria Nuland will travel. \
             Ambassador Florence Mangin said so.",
        );
        assert_eq!(persons(&a), ["Victoria Nuland", "Florence Mangin"]);
        assert!(mentions(&a).iter().all(|(s, _)| s != "Victoria"));
        // Not after a title, or with punctuation before the next word: the place.
        let a = analyse(
            "The Minister flew to Victoria on Monday. Ambassador Smith in Victoria, Seychelles.",
        );
        assert!(!persons(&a).iter().any(|p| p.contains("Victoria")));
    }

    /// Issue #11: "Prime Mininster Netanyahu" was a person "Mininster Netanyahu", and Blinken
    /// was also "Ecretary Blinken".
    #[test]
    fn a_misspelt_title_is_no_given_name() {
        let a = analyse(
            "Prime Mininster Netanyahu spoke with Ecretary Blinken. General George C. Marshall said so.",
        );
        let persons = persons(&a);
        assert!(
            !persons
                .iter()
                .any(|p| p.contains("Mininster") || p.contains("Ecretary")),
            "{persons:?}"
        );
        assert!(
            persons.contains(&"George Marshall".to_string()),
            "{persons:?}"
        );
        let label = analyse("SECRETARY BLINKEN: Hello.\n\nECRETARY BLINKEN: Thank you.");
        let speakers: Vec<Option<&str>> = label
            .turns
            .iter()
            .map(|t| t.speaker.map(|s| label.actor_name(s)))
            .collect();
        assert_eq!(speakers, [Some("Antony Blinken"), Some("Antony Blinken")]);
        assert!(one_edit_apart("minister", "mininster"));
        assert!(one_edit_apart("secretary", "secretar"));
        assert!(one_edit_apart("secretary", "secertary"));
        assert!(!one_edit_apart("minister", "minister"));
        assert!(!one_edit_apart("chairman", "chapman"));
    }

    #[test]
    fn a_nickname_inside_a_name_is_left_out_of_it() {
        let a = analyse(
            "Blinken met Defense Minister Benjamin “Benny” Gantz. Mr. Benjamin (Ben) Sides will lead the office.",
        );
        // "Blinken met": the Secretary of State of the article's date, by surname alone.
        assert_eq!(
            persons(&a),
            ["Antony Blinken", "Benjamin Gantz", "Benjamin Sides"]
        );
    }

    /// Issue #11: headings, greetings and words of office stuck to names ("Noyes Travel",
    /// "I’m Anne Witkowsky", "Excellency Antony Blinken", "Issues Uzra Zeya").
    #[test]
    fn words_that_are_never_names_stay_out_of_names() {
        let a = analyse(
            "Assistant Secretary Julieta Valls Noyes Travel to Panama. I’m Anne Witkowsky, the Assistant \
             Secretary. Your Excellency Antony Blinken arrived. Special Coordinator for Tibetan \
             Issues Uzra Zeya said so. Operator, please open the line. The Honorable Heiko \
             Maas Opening Remarks at the Assistant Administrator meeting.",
        );
        assert_eq!(
            persons(&a),
            [
                "Julieta Valls Noyes",
                "Anne Witkowsky",
                "Antony Blinken",
                "Uzra Zeya",
                "Heiko Maas"
            ]
        );
    }

    /// Issue #10: "Ben" between two words of a name is a particle ("Mohamed Ali Ben Salah");
    /// alone before a surname it starts the name as before.
    #[test]
    fn a_capitalised_particle_inside_a_name_keeps_the_name_whole() {
        let a = analyse(
            "She will meet Tunisian Foreign Minister Mohamed Ali Ben Salah and Mauritanian President Mohamed Ould Ghazouani.",
        );
        assert_eq!(
            persons(&a),
            ["Mohamed Ali Ben Salah", "Mohamed Ould Ghazouani"]
        );
    }
}
