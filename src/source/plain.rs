//! Text and Markdown articles, with optional front matter:
//!
//! ```text
//! ---
//! title: NATO, Russia in a standoff after talks in Brussels
//! published: 2022-01-12
//! source: Politico Europe
//! url: https://...
//! ---
//! Body text ...
//! ```
//!
//! Without front matter the first non-blank line is the title and the rest is the body.

use super::{Article, Problem, SourceError, first_line, parse_published, trim_body};

pub fn parse(text: &str, origin: &str) -> Result<Article, SourceError> {
    let fail = |problem| SourceError::new(origin, problem);
    let mut article = Article {
        title: String::new(),
        published: None,
        source: None,
        url: None,
        body: String::new(),
        origin: origin.to_string(),
        warnings: Vec::new(),
    };
    let rest = match split_front_matter(text).map_err(fail)? {
        Some((front, rest)) => {
            apply_front_matter(front, &mut article).map_err(fail)?;
            rest
        }
        None => text,
    };
    if article.title.is_empty() {
        let Some(title) = first_line(rest) else {
            return Err(fail(Problem::Empty));
        };
        article.title = title.to_string();
        let after_title = rest
            .trim_start()
            .split_once('\n')
            .map_or("", |(_, after)| after)
            .trim_start();
        // A text of a single line is both title and body.
        article.body = trim_body(if after_title.is_empty() {
            rest
        } else {
            after_title
        });
    } else {
        article.body = trim_body(rest);
    }
    if article.body.is_empty() {
        return Err(fail(Problem::Empty));
    }
    Ok(article)
}

/// Splits `---\n...\n---\n` from the start of the text. `None` when there is no front matter.
fn split_front_matter(text: &str) -> Result<Option<(&str, &str)>, Problem> {
    let Some(after_open) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("--- \n"))
    else {
        return Ok(None);
    };
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        if matches!(line.trim_end(), "---" | "...") {
            let front = &after_open[..offset];
            let rest = &after_open[offset + line.len()..];
            return Ok(Some((front, rest)));
        }
        offset += line.len();
    }
    Err(Problem::FrontMatter(
        "opened with `---` but never closed".into(),
    ))
}

fn apply_front_matter(front: &str, article: &mut Article) -> Result<(), Problem> {
    for (index, line) in front.lines().enumerate() {
        let line_number = index + 2; // the opening `---` is line 1
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            return Err(Problem::FrontMatter(format!(
                "line {line_number}: expected `key: value`, found {trimmed:?}"
            )));
        };
        let value = unquote(value.trim());
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => article.title = value.to_string(),
            "published" | "date" | "date_publish" => article.published = parse_published(value)?,
            "source" | "publisher" => article.source = non_empty(value),
            "url" | "link" => article.url = non_empty(value),
            other => tracing::debug!("{}: front matter key {other:?} is not used", article.origin),
        }
    }
    Ok(())
}

/// Removes one pair of matching quotes, as YAML writers add around values with colons.
fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if value.len() >= 2 && value.starts_with(quote) && value.ends_with(quote) {
            return &value[1..value.len() - 1];
        }
    }
    value
}

fn non_empty(value: &str) -> Option<String> {
    (!value.is_empty()).then(|| value.to_string())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    #[test]
    fn front_matter_fills_the_fields() {
        let text = "---\ntitle: \"Talks: a stalemate\"\npublished: 2022-01-12\nsource: Politico Europe\nurl: https://example.org/a\n---\n\nNATO allies and Russia met.\n";
        let article = parse(text, "a.txt").unwrap();
        assert_eq!(article.title, "Talks: a stalemate");
        assert_eq!(article.published, NaiveDate::from_ymd_opt(2022, 1, 12));
        assert_eq!(article.source.as_deref(), Some("Politico Europe"));
        assert_eq!(article.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(article.body, "NATO allies and Russia met.");
    }

    #[test]
    fn without_front_matter_the_first_line_is_the_title() {
        let text = "\nNATO, Russia in a standoff\n\nPress play.\n\nNATO allies met.\n";
        let article = parse(text, "seed.txt").unwrap();
        assert_eq!(article.title, "NATO, Russia in a standoff");
        assert_eq!(article.body, "Press play.\n\nNATO allies met.");
        assert_eq!(article.published, None);
    }

    #[test]
    fn a_single_line_is_title_and_body() {
        let article = parse("Blinken met Lavrov in Geneva.\n", "-").unwrap();
        assert_eq!(article.title, "Blinken met Lavrov in Geneva.");
        assert_eq!(article.body, "Blinken met Lavrov in Geneva.");
    }

    #[test]
    fn broken_front_matter_is_named() {
        let unclosed = parse("---\ntitle: x\nbody\n", "a.md").unwrap_err();
        assert_eq!(
            unclosed.to_string(),
            "a.md: front matter: opened with `---` but never closed"
        );
        let no_colon = parse("---\ntitle x\n---\nbody\n", "a.md").unwrap_err();
        assert!(
            no_colon
                .to_string()
                .contains("line 2: expected `key: value`")
        );
        let bad_date = parse("---\npublished: 2022-02-30\n---\nbody\n", "a.md").unwrap_err();
        assert_eq!(
            bad_date.to_string(),
            "a.md: invalid publication date \"2022-02-30\": expected YYYY-MM-DD"
        );
    }

    #[test]
    fn empty_inputs_are_refused() {
        for text in ["", "  \n\n", "---\ntitle: only a title\n---\n\n"] {
            let err = parse(text, "e.txt").unwrap_err();
            assert!(matches!(err.problem, Problem::Empty), "{text:?}");
        }
    }
}
