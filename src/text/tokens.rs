//! Tokens, sentences and quotations, with byte offsets into the body.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits, with internal apostrophes ("don’t") and dots ("U.S.").
    Word,
    Number,
    /// `’s` or `'s` after a word.
    Possessive,
    OpenQuote,
    CloseQuote,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// White space (or the start of the text) right before the token.
    pub space_before: bool,
    /// A line break between this token and the previous one.
    pub line_before: bool,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// One sentence: a range of tokens, and the byte range it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub tokens: Range<usize>,
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
}

/// A quotation: the tokens strictly inside the marks, and the byte span of the words inside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, or one past the last token when the quotation runs to
    /// the end of its paragraph unclosed.
    pub close: usize,
    pub start: usize,
    pub end: usize,
}

pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    let mut space_before = true;
    let mut line_before = false;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            space_before = true;
            line_before |= c == '\n';
            continue;
        }
        let mut end = start + c.len_utf8();
        let kind = if c.is_alphanumeric() {
            let mut all_digits = c.is_ascii_digit();
            while let Some(&(i, next)) = chars.peek() {
                if next.is_alphanumeric() {
                    all_digits &= next.is_ascii_digit();
                    chars.next();
                    end = i + next.len_utf8();
                    continue;
                }
                // Internal apostrophes ("don’t") and dots in abbreviations ("U.S.", "p.m.").
                let after = text[i + next.len_utf8()..].chars().next();
                let is_apostrophe = matches!(next, '\'' | '’');
                if is_apostrophe && after.is_some_and(char::is_alphabetic) {
                    let rest = &text[i + next.len_utf8()..];
                    let word_len = rest
                        .find(|ch: char| !ch.is_alphanumeric())
                        .unwrap_or(rest.len());
                    if &rest[..word_len] == "s" || &rest[..word_len] == "S" {
                        break; // possessive, a token of its own
                    }
                    chars.next();
                    end = i + next.len_utf8();
                    continue;
                }
                let segment = text[start..i].rsplit('.').next().unwrap_or_default();
                if next == '.'
                    && after.is_some_and(char::is_alphabetic)
                    && segment.chars().count() <= 2
                    && segment.chars().all(char::is_alphabetic)
                {
                    // "U.S." / "p.m.": take the dot and the letters after it, and a final dot.
                    chars.next();
                    end = i + 1;
                    continue;
                }
                if next == '.' && text[start..i].contains('.') {
                    chars.next();
                    end = i + 1;
                }
                if (next == ',' || next == '.')
                    && all_digits
                    && after.is_some_and(|ch| ch.is_ascii_digit())
                {
                    // 100,000 and 3.5
                    chars.next();
                    end = i + 1;
                    continue;
                }
                break;
            }
            if all_digits
                || text[start..end]
                    .chars()
                    .all(|ch| ch.is_ascii_digit() || ch == ',' || ch == '.')
            {
                TokenKind::Number
            } else {
                TokenKind::Word
            }
        } else if matches!(c, '\'' | '’')
            && !space_before
            && text[end..].starts_with(['s', 'S'])
            && !text[end + 1..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
            && tokens
                .last()
                .is_some_and(|t: &Token| t.kind == TokenKind::Word)
        {
            end += 1;
            chars.next();
            TokenKind::Possessive
        } else {
            match c {
                '“' | '«' | '„' => TokenKind::OpenQuote,
                '”' | '»' => TokenKind::CloseQuote,
                '"' => TokenKind::Punct, // paired later, see `find_quotes`
                _ => TokenKind::Punct,
            }
        };
        tokens.push(Token {
            start,
            end,
            kind,
            space_before,
            line_before,
        });
        space_before = false;
        line_before = false;
    }
    tokens
}

/// Words whose trailing dot does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "adm", "sgt", "st", "sen", "rep",
    "gov", "prof", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "no", "nos", "vol", "vs", "jr", "sr", "inc", "ltd", "co", "corp", "ft", "mt", "approx",
    "e.g", "i.e", "cf", "fig", "u.s", "u.k", "u.n", "a.m", "p.m",
];

/// Words that commonly start a sentence, so that "U.S. The" splits and "U.S. Embassy" does not.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "In",
    "On",
    "At",
    "But",
    "And",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Our",
    "After",
    "Before",
    "While",
    "When",
    "As",
    "Meanwhile",
    "However",
    "Both",
    "Some",
    "Other",
    "During",
    "Since",
    "According",
];

/// The most tokens one sentence holds: well above any real sentence (the longest in the
/// development corpus has under 120), so only text without punctuation is cut.
pub const MAX_SENTENCE_TOKENS: usize = 400;

pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    // A blank line starts a new paragraph.
    let mut paragraphs = Vec::with_capacity(tokens.len());
    let mut paragraph = 0;
    for (i, token) in tokens.iter().enumerate() {
        if i > 0
            && token.line_before
            && text[tokens[i - 1].end..token.start].matches('\n').count() >= 2
        {
            paragraph += 1;
        }
        paragraphs.push(paragraph);
    }
    let mut sentences = Vec::new();
    let mut begin = 0;
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        // Any line break ends a sentence; so does reaching the longest sentence the rules
        // read, so that text without full stops costs time in proportion to its length.
        if i > begin && (token.line_before || i - begin >= MAX_SENTENCE_TOKENS) {
            push_sentence(&mut sentences, tokens, begin, i, paragraphs[begin]);
            begin = i;
        }
        let t = token.text(text);
        let is_end = token.kind == TokenKind::Punct && matches!(t, "." | "!" | "?" | "…")
            || token.kind == TokenKind::Word && t.ends_with('.') && t.len() > 1;
        if is_end {
            // Take closing quotes and brackets with the sentence.
            let mut j = i + 1;
            while j < tokens.len()
                && !tokens[j].space_before
                && (tokens[j].kind == TokenKind::CloseQuote
                    || matches!(tokens[j].text(text), ")" | "\"" | "’" | "'"))
            {
                j += 1;
            }
            if j < tokens.len() && ends_sentence(text, tokens, i, j) {
                push_sentence(&mut sentences, tokens, begin, j, paragraphs[begin]);
                begin = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if begin < tokens.len() {
        push_sentence(
            &mut sentences,
            tokens,
            begin,
            tokens.len(),
            paragraphs[begin],
        );
    }
    sentences
}

fn push_sentence(
    sentences: &mut Vec<Sentence>,
    tokens: &[Token],
    begin: usize,
    end: usize,
    paragraph: usize,
) {
    if begin < end {
        sentences.push(Sentence {
            tokens: begin..end,
            start: tokens[begin].start,
            end: tokens[end - 1].end,
            paragraph,
        });
    }
}

/// Whether the full stop at `stop` (with closing marks up to `next`) ends a sentence.
fn ends_sentence(text: &str, tokens: &[Token], stop: usize, next: usize) -> bool {
    let following = &tokens[next];
    if !following.space_before && !following.line_before {
        return false;
    }
    let next_text = following.text(text);
    let next_first = next_text.chars().next().unwrap_or(' ');
    let starts_like_sentence = next_first.is_uppercase()
        || next_first.is_ascii_digit()
        || following.kind == TokenKind::OpenQuote
        || next_text == "\"";
    if !starts_like_sentence {
        return false;
    }
    let stop_token = &tokens[stop];
    let stop_text = stop_token.text(text);
    // "U.S." as the last word: a sentence ends only before a typical sentence opener.
    let word_before = if stop_token.kind == TokenKind::Word {
        Some(stop_text.trim_end_matches('.'))
    } else if stop > 0 && tokens[stop - 1].end == stop_token.start {
        Some(tokens[stop - 1].text(text))
    } else {
        None
    };
    if let Some(word) = word_before {
        let lower = word.to_lowercase();
        let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        if is_initial {
            return false;
        }
        if ABBREVIATIONS.contains(&lower.as_str()) {
            return SENTENCE_STARTERS.contains(&next_text) && lower.contains('.');
        }
        // "at the O.R. Tambo Building": a run of initials, like an abbreviation; not after a
        // comma ("in Washington, D.C. Deputy Secretary X met ...").
        let after_comma = stop > 0 && tokens[stop - 1].text(text) == ",";
        let initials = !after_comma
            && word.contains('.')
            && word
                .split('.')
                .all(|w| w.chars().count() == 1 && w.chars().all(char::is_uppercase));
        if initials {
            return SENTENCE_STARTERS.contains(&next_text);
        }
    }
    true
}

/// Pairs quotation marks within each paragraph. Curly marks pair as written; straight double
/// quotes alternate open and close. A quotation left open at the end of a paragraph continues
/// into the next paragraph when that one opens with a quotation mark (the newspaper convention
/// for quotes over several paragraphs); otherwise it ends with its paragraph.
pub fn find_quotes(text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    let mut paragraphs: Vec<Range<usize>> = Vec::new();
    let mut last_paragraph = None;
    for sentence in sentences {
        match paragraphs.last_mut() {
            Some(last) if last_paragraph == Some(sentence.paragraph) => {
                last.end = sentence.tokens.end;
            }
            _ => paragraphs.push(sentence.tokens.clone()),
        }
        last_paragraph = Some(sentence.paragraph);
    }
    let mut carried: Option<usize> = None;
    for (p, paragraph) in paragraphs.iter().enumerate() {
        let mut open: Option<usize> = None;
        for i in paragraph.clone() {
            let token = &tokens[i];
            let is_straight = token.kind == TokenKind::Punct && token.text(text) == "\"";
            let opens = token.kind == TokenKind::OpenQuote || (is_straight && open.is_none());
            let closes = token.kind == TokenKind::CloseQuote || (is_straight && open.is_some());
            if let (Some(c), true) = (carried, i == paragraph.start) {
                // A carried quotation resumes at this paragraph's opening mark.
                if opens {
                    open = Some(c);
                    carried = None;
                    continue;
                }
                push_quote(&mut quotes, tokens, c, paragraphs[p - 1].end);
                carried = None;
            }
            if closes && open.is_some() {
                let o = open.take().unwrap_or(i);
                push_quote(&mut quotes, tokens, o, i);
            } else if opens {
                open = Some(i);
            }
        }
        if let Some(o) = open {
            let next_opens = paragraphs.get(p + 1).is_some_and(|next| {
                let first = &tokens[next.start];
                first.kind == TokenKind::OpenQuote
                    || (first.kind == TokenKind::Punct && first.text(text) == "\"")
            });
            if next_opens {
                carried = Some(o);
            } else {
                push_quote(&mut quotes, tokens, o, paragraph.end);
            }
        }
    }
    if let (Some(c), Some(last)) = (carried, paragraphs.last()) {
        push_quote(&mut quotes, tokens, c, last.end);
    }
    quotes
}

fn push_quote(quotes: &mut Vec<Quote>, tokens: &[Token], open: usize, close: usize) {
    if close > open + 1 {
        quotes.push(Quote {
            open,
            close,
            start: tokens[open + 1].start,
            end: tokens[close - 1].end,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        split_sentences(text, &tokens)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn tokens_keep_abbreviations_and_split_possessives() {
        assert_eq!(
            words("The U.S.-Russia talks, Russia’s demands; don’t 100,000 troops."),
            [
                "The", "U.S.", "-", "Russia", "talks", ",", "Russia", "’s", "demands", ";",
                "don’t", "100,000", "troops", "."
            ]
        );
        assert_eq!(words("Thomas-Greenfield"), ["Thomas", "-", "Greenfield"]);
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Antony J. Blinken met Gen. Smith on Dec. 12 at 3 p.m. in No. 10 with the U.S. Embassy staff. He left."
            ),
            [
                "Antony J. Blinken met Gen. Smith on Dec. 12 at 3 p.m. in No. 10 with the U.S. Embassy staff.",
                "He left."
            ]
        );
        assert_eq!(
            sentences("They met the U.S. The talks ended."),
            ["They met the U.S.", "The talks ended."]
        );
        assert_eq!(
            sentences("They met at the O.R. Tambo Building on Monday. He left."),
            ["They met at the O.R. Tambo Building on Monday.", "He left."]
        );
        assert_eq!(
            sentences("It was signed by J.R. The talks ended."),
            ["It was signed by J.R.", "The talks ended."]
        );
        assert_eq!(
            sentences("They met in Washington, D.C. Deputy Secretary Lee said so."),
            [
                "They met in Washington, D.C.",
                "Deputy Secretary Lee said so."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("“We have clear eyes.” He left. “Yes,” she said."),
            ["“We have clear eyes.”", "He left.", "“Yes,” she said."]
        );
    }

    #[test]
    fn quotes_pair_and_run_over_sentences() {
        let text = "“There is a risk,” said Stoltenberg. “We have clear eyes. So we act.”";
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        let quotes: Vec<&str> = find_quotes(text, &tokens, &sentences)
            .iter()
            .map(|q| &text[q.start..q.end])
            .collect();
        assert_eq!(
            quotes,
            ["There is a risk,", "We have clear eyes. So we act."]
        );
    }

    #[test]
    fn quotes_continue_over_paragraphs_that_reopen() {
        let text = "He said: \"First part.\n\n\"Second part,\" he added.";
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        let quotes: Vec<&str> = find_quotes(text, &tokens, &sentences)
            .iter()
            .map(|q| &text[q.start..q.end])
            .collect();
        assert_eq!(quotes, ["First part.\n\n\"Second part,"]);
    }
}
