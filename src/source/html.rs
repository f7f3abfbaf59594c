//! Web pages: the article of a saved page, and HTML in a JSON field.
//!
//! A page goes through `dom_smoothie`, a port of Mozilla's Readability (Firefox's reader view),
//! which finds the article among the navigation, advertisements and footers and reads the
//! page's metadata (JSON-LD, Open Graph and `article:` meta tags). What it leaves out, the
//! canonical link and a `<time datetime>`, is read here with `dom_query`, the HTML tree it is
//! built on. Text keeps the page's paragraphs: a blank line between blocks, a line break for
//! `<br>`, runs of white space made one space. Nothing is fetched: links are not followed.

use chrono::NaiveDate;
use dom_query::Document;

use super::{Article, Problem, SourceError, Warning, first_line, parse_published, trim_body};

/// What a page says of itself and its article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    pub title: Option<String>,
    /// Who wrote it, as the page names them.
    pub byline: Option<String>,
    pub published: Option<NaiveDate>,
    /// The canonical address: `<link rel="canonical">`, else `og:url`, else JSON-LD's.
    pub url: Option<String>,
    /// The outlet: `og:site_name` or JSON-LD's publisher.
    pub site_name: Option<String>,
    /// The article's text, paragraphs separated by a blank line.
    pub text: String,
}

/// Whether a text is a whole web page: it opens with `<!doctype html` or `<html`.
pub fn is_page(text: &str) -> bool {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let head: String = start
        .chars()
        .take(14)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// Whether a JSON field holds HTML rather than text: a page, or a fragment that opens with a
/// tag and has the tags of paragraphs or lines (`<p>`, `<br>`, `<div>`, a closing tag).
pub fn is_html(text: &str) -> bool {
    if is_page(text) {
        return true;
    }
    let start = text.trim_start();
    if !start.starts_with('<') {
        return false;
    }
    let head: String = start
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    ["</", "<br", "<p>", "<p ", "<div"]
        .iter()
        .any(|tag| head.contains(tag))
}

/// Reads the article of a web page and its metadata. A page in which the extraction finds no
/// sentence of text (an index page, a 404, a page that needs scripts to show anything) is
/// [`Problem::NoArticleText`].
pub fn read_page(html: &str) -> Result<Page, Problem> {
    // Pages come from anywhere; a bug of the extractor on one of them must cost that page, not
    // the run (a panic in the reader would end the ingest).
    std::panic::catch_unwind(|| extract_page(html)).unwrap_or(Err(Problem::NoArticleText))
}

fn extract_page(html: &str) -> Result<Page, Problem> {
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..dom_smoothie::Config::default()
    };
    let document = Document::from(html);
    let canonical = attribute(&document, "link[rel~=\"canonical\"]", "href")
        .or_else(|| attribute(&document, "meta[property=\"og:url\"]", "content"));
    let time = attribute(&document, "time[datetime]", "datetime");
    let mut readability = dom_smoothie::Readability::with_document(document, None, Some(config))
        .map_err(|_| Problem::NoArticleText)?;
    let article = readability.parse().map_err(|_| Problem::NoArticleText)?;
    let text = tidy(&article.text_content);
    if !has_a_sentence(&text) {
        return Err(Problem::NoArticleText);
    }
    let published = [article.published_time.as_deref(), time.as_deref()]
        .into_iter()
        .flatten()
        .find_map(|value| parse_published(value).ok().flatten());
    Ok(Page {
        title: non_empty(&article.title),
        byline: article.byline.as_deref().and_then(non_empty),
        published,
        url: canonical
            .filter(|url| url.starts_with("http://") || url.starts_with("https://"))
            .or_else(|| article.url.as_deref().and_then(non_empty)),
        site_name: article.site_name.as_deref().and_then(non_empty),
        text,
    })
}

/// The text of an HTML fragment (a JSON field that holds the article's markup, already without
/// the page around it), paragraphs kept.
pub fn fragment_text(html: &str) -> String {
    tidy(&Document::fragment(html).formatted_text())
}

/// A web page as an article (`origin` names it in errors). The title is the page's headline
/// (JSON-LD, Open Graph, else `<title>`), else the first line of the text.
pub fn parse(html: &str, origin: &str) -> Result<Article, SourceError> {
    let page = read_page(html).map_err(|problem| SourceError::new(origin, problem))?;
    if let Some(byline) = &page.byline {
        // Articles have no author field; the byline is not article text either.
        tracing::debug!("{origin}: byline {byline:?}");
    }
    let body = trim_body(&page.text);
    let title = match page.title {
        Some(title) => title,
        None => first_line(&body).unwrap_or_default().to_string(),
    };
    Ok(Article {
        title,
        published: page.published,
        source: page.site_name,
        url: page.url,
        body,
        origin: origin.to_string(),
        warnings: Vec::new(),
    })
}

/// The warning for a `.txt` or `.md` file that holds a web page.
pub fn page_in_text_file() -> Warning {
    Warning {
        code: "html-in-text-file",
        message: "the file is a web page (it starts with <!doctype html> or <html>): read as \
                  HTML, its markup left out"
            .into(),
    }
}

fn attribute(document: &Document, selector: &str, name: &str) -> Option<String> {
    let selection = document.select(selector);
    let value = selection.attr(name)?;
    non_empty(&value)
}

fn non_empty(value: &str) -> Option<String> {
    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    (!value.is_empty()).then_some(value)
}

/// Line ends as LF, no white space at the ends of lines, at most one blank line in a row.
fn tidy(text: &str) -> String {
    let text = super::normalize_line_ends(text);
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

/// Whether a text has at least one sentence: five words or more ending in a full stop, a
/// question or exclamation mark, or a closing quotation mark. Menus, headings and link lists
/// have none.
fn has_a_sentence(text: &str) -> bool {
    text.lines().any(|line| {
        let line = line.trim_end();
        line.split_whitespace().count() >= 5
            && line.ends_with(['.', '!', '?', '"', '”', '’', '…', ':'])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEWS: &str = include_str!("../../tests/cli/fixtures/html/news.html");
    const READOUT: &str = include_str!("../../tests/cli/fixtures/html/readout.htm");
    const EMPTY: &str = include_str!("../../tests/cli/fixtures/html/empty.html");

    #[test]
    fn a_news_page_gives_its_article_and_metadata() {
        let page = read_page(NEWS).unwrap();
        assert_eq!(
            page.title.as_deref(),
            Some("Foreign ministers agree to resume grain talks in Geneva")
        );
        assert_eq!(page.byline.as_deref(), Some("Maria Jensen"));
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2023, 3, 14));
        assert_eq!(
            page.url.as_deref(),
            Some("https://courier.example.com/world/2023/03/14/grain-talks-geneva")
        );
        assert_eq!(page.site_name.as_deref(), Some("The Daily Courier"));
        let paragraphs: Vec<&str> = page.text.split("\n\n").collect();
        assert!(
            paragraphs[0].starts_with("GENEVA — The foreign ministers of Turkey and Ukraine"),
            "{}",
            page.text
        );
        assert!(
            paragraphs
                .iter()
                .any(|p| p.starts_with("Ukrainian Foreign Minister"))
        );
        for boilerplate in [
            "cookies",
            "Subscribe",
            "Advertisement",
            "cheap flights",
            "Related",
            "Share on",
            "morning briefing",
            "All rights reserved",
            "dataLayer",
        ] {
            assert!(
                !page.text.contains(boilerplate),
                "{boilerplate}:\n{}",
                page.text
            );
        }
    }

    #[test]
    fn a_readout_takes_its_date_from_json_ld_or_time() {
        let page = read_page(READOUT).unwrap();
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2023, 3, 2));
        assert_eq!(
            page.url.as_deref(),
            Some("https://mfa.example.org/readouts/secretary-jaishankar-meeting")
        );
        assert!(
            page.text.contains("Secretary Antony J. Blinken met with"),
            "{}",
            page.text
        );
        assert!(!page.text.contains("Skip to main content"), "{}", page.text);
        assert!(
            !page.text.contains("Bureau of Global Public Affairs"),
            "{}",
            page.text
        );
        let without_json_ld = READOUT.replace("\"datePublished\":\"2023-03-02\",", "");
        assert_eq!(
            read_page(&without_json_ld).unwrap().published,
            NaiveDate::from_ymd_opt(2023, 3, 2),
            "from <time datetime>"
        );
    }

    #[test]
    fn a_page_without_article_text_is_refused() {
        assert!(matches!(read_page(EMPTY), Err(Problem::NoArticleText)));
        assert!(matches!(read_page(""), Err(Problem::NoArticleText)));
    }

    #[test]
    fn fragments_keep_their_paragraphs() {
        let text = fragment_text(
            "<p>NATO allies met in <b>Brussels</b>.</p>\n<p>Russia  left\n early.<br>Talks end.</p>",
        );
        assert_eq!(
            text,
            "NATO allies met in Brussels.\n\nRussia left early.\nTalks end."
        );
    }

    #[test]
    fn pages_and_fragments_are_told_from_text() {
        assert!(is_page("\u{feff}\n  <!DOCTYPE html><html>"));
        assert!(is_page("<HTML lang=en>"));
        assert!(!is_page("<p>x</p>"));
        assert!(is_html("<p>x</p>"));
        assert!(is_html("<div class=a>x"));
        assert!(!is_html("NATO allies met. <p> is a tag."));
        assert!(!is_html("<3 talks went well"));
    }
}
