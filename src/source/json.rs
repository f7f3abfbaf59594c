//! JSON and JSON Lines articles. Field names follow the common news crawlers: `title`;
//! `text`, `maintext` or `body`; `published`, `date_publish` or `date`; `url`; `source` or
//! `source_domain` (news-please writes `maintext`, `date_publish` and `source_domain`). A text
//! field that holds HTML (a whole page, or the article's markup) is read as HTML: its text, with
//! a page's metadata filling in the fields the object leaves out.

use serde_json::{Map, Value};

use super::{
    Article, Problem, SourceError, first_line, html, normalize_line_ends, parse_published,
    trim_body,
};

/// A `.json` file: one article object, or an array of them.
pub fn parse_document(text: &str, origin: &str) -> Vec<Result<Article, SourceError>> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => items
            .into_iter()
            .enumerate()
            .map(|(index, item)| from_value(item, &format!("{origin}[{index}]")))
            .collect(),
        Ok(value) => vec![from_value(value, origin)],
        Err(err) => vec![Err(SourceError::new(origin, json_problem(&err, 0)))],
    }
}

/// A `.jsonl` file: one article object per line; blank lines are allowed. A bad line fails
/// alone, named by its line number, and the other lines still give their articles.
pub fn parse_lines(text: &str, origin: &str) -> Vec<Result<Article, SourceError>> {
    text.lines()
        .enumerate()
        .filter_map(|(index, line)| parse_line(line, index, origin))
        .collect()
}

/// Line `index` (from 0) of a `.jsonl` file; nothing for a blank line.
pub fn parse_line(line: &str, index: usize, origin: &str) -> Option<Result<Article, SourceError>> {
    if line.trim().is_empty() {
        return None;
    }
    let line_origin = format!("{origin}:{}", index + 1);
    Some(match serde_json::from_str::<Value>(line) {
        Ok(value) => from_value(value, &line_origin),
        Err(err) => Err(SourceError::new(line_origin, json_problem(&err, index))),
    })
}

fn json_problem(err: &serde_json::Error, line_offset: usize) -> Problem {
    let message = err.to_string();
    // serde_json appends " at line L column C"; the position is reported separately.
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(head, _)| head)
        .to_string();
    Problem::Json {
        line: err.line() + line_offset,
        column: err.column(),
        message,
    }
}

fn from_value(value: Value, origin: &str) -> Result<Article, SourceError> {
    let fail = |problem| SourceError::new(origin, problem);
    let Value::Object(object) = value else {
        return Err(fail(Problem::JsonShape(format!(
            "expected an article object, found {}",
            kind_of(&value)
        ))));
    };
    let text = string_field(&object, &["text", "maintext", "body"]).map_err(fail)?;
    let Some(text) = text else {
        return Err(fail(Problem::JsonShape(
            "article object has no `text`, `maintext` or `body`".into(),
        )));
    };
    let page = if html::is_page(&text) {
        Some(html::read_page(&text).map_err(fail)?)
    } else {
        None
    };
    let body = match &page {
        Some(page) => trim_body(&page.text),
        None if html::is_html(&text) => trim_body(&html::fragment_text(&text)),
        None => trim_body(&normalize_line_ends(&text)),
    };
    if body.is_empty() {
        return Err(fail(if html::is_html(&text) {
            Problem::NoArticleText
        } else {
            Problem::Empty
        }));
    }
    let page = page.unwrap_or_default();
    let title = match string_field(&object, &["title"]).map_err(fail)? {
        Some(title) => title.trim().to_string(),
        None => match page.title {
            Some(title) => title,
            None => first_line(&body).unwrap_or_default().to_string(),
        },
    };
    let published =
        match string_field(&object, &["published", "date_publish", "date"]).map_err(fail)? {
            Some(value) => parse_published(&value).map_err(fail)?,
            None => page.published,
        };
    Ok(Article {
        title,
        published,
        source: string_field(&object, &["source", "source_domain"])
            .map_err(fail)?
            .or(page.site_name),
        url: string_field(&object, &["url"]).map_err(fail)?.or(page.url),
        body,
        origin: origin.to_string(),
        warnings: Vec::new(),
    })
}

/// The first of `names` that holds a non-empty string. `null` and absent fields are "not
/// given"; a field of another type is an error, since it means the input is not what we think.
fn string_field(object: &Map<String, Value>, names: &[&str]) -> Result<Option<String>, Problem> {
    for name in names {
        match object.get(*name) {
            None | Some(Value::Null) => {}
            Some(Value::String(text)) if text.trim().is_empty() => {}
            Some(Value::String(text)) => return Ok(Some(text.clone())),
            Some(other) => {
                return Err(Problem::JsonShape(format!(
                    "field `{name}` should be a string, found {}",
                    kind_of(other)
                )));
            }
        }
    }
    Ok(None)
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    #[test]
    fn news_please_fields_are_read() {
        let text = r#"{"title": "Talks end", "maintext": "NATO allies met.\r\nRussia left.", "date_publish": "2022-01-12 10:32:00", "source_domain": "politico.eu", "url": "https://politico.eu/x", "language": "en"}"#;
        let articles = parse_document(text, "a.json");
        let article = articles[0].as_ref().unwrap();
        assert_eq!(article.title, "Talks end");
        assert_eq!(article.body, "NATO allies met.\nRussia left.");
        assert_eq!(article.published, NaiveDate::from_ymd_opt(2022, 1, 12));
        assert_eq!(article.source.as_deref(), Some("politico.eu"));
        assert_eq!(article.origin, "a.json");
    }

    #[test]
    fn arrays_give_one_article_per_element() {
        let articles = parse_document(r#"[{"text": "one"}, {"text": 2}]"#, "b.json");
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].as_ref().unwrap().title, "one");
        assert_eq!(
            articles[1].as_ref().unwrap_err().to_string(),
            "b.json[1]: field `text` should be a string, found a number"
        );
    }

    #[test]
    fn a_bad_line_fails_alone_and_is_named() {
        let text = "{\"text\": \"first\"}\n\n{\"text\": \"sec\n{\"text\": \"third\"}\n";
        let articles = parse_lines(text, "c.jsonl");
        assert_eq!(articles.len(), 3);
        assert_eq!(articles[0].as_ref().unwrap().origin, "c.jsonl:1");
        let err = articles[1].as_ref().unwrap_err().to_string();
        assert!(
            err.starts_with("c.jsonl:3: invalid JSON at line 3"),
            "{err}"
        );
        assert_eq!(articles[2].as_ref().unwrap().body, "third");
    }

    #[test]
    fn html_in_a_text_field_is_read_as_html() {
        let fragment = r#"{"title": "Talks", "body": "<p>NATO allies met in <b>Brussels</b>.</p><p>Russia left.</p>"}"#;
        let articles = parse_document(fragment, "f.json");
        let article = articles[0].as_ref().unwrap();
        assert_eq!(article.body, "NATO allies met in Brussels.\n\nRussia left.");
        assert_eq!(article.title, "Talks");
        let page = include_str!("../../tests/cli/fixtures/html/news.html");
        let object = serde_json::json!({"maintext": page, "source_domain": "courier.example.com"});
        let articles = parse_document(&object.to_string(), "g.json");
        let article = articles[0].as_ref().unwrap();
        assert_eq!(
            article.title,
            "Foreign ministers agree to resume grain talks in Geneva"
        );
        assert_eq!(article.published, NaiveDate::from_ymd_opt(2023, 3, 14));
        assert_eq!(article.source.as_deref(), Some("courier.example.com"));
        assert!(article.body.starts_with("GENEVA — "), "{}", article.body);
        assert!(!article.body.contains('<'), "{}", article.body);
        let empty = serde_json::json!({"text": "<div><img src=\"x.jpg\"></div>"});
        let articles = parse_document(&empty.to_string(), "h.json");
        assert_eq!(
            articles[0].as_ref().unwrap_err().to_string(),
            "h.json: no article text found"
        );
    }

    #[test]
    fn objects_without_text_are_refused() {
        let articles = parse_document(r#"{"title": "x"}"#, "d.json");
        assert_eq!(
            articles[0].as_ref().unwrap_err().to_string(),
            "d.json: article object has no `text`, `maintext` or `body`"
        );
        let articles = parse_document("{\"text\": ", "e.json");
        let err = articles[0].as_ref().unwrap_err().to_string();
        assert!(err.starts_with("e.json: invalid JSON at line 1"), "{err}");
    }
}
