//! Metadata beside a text file: `NAME.meta.json`, or the `article` object of a gold annotation
//! `NAME.gold.json` (see GOLD_FORMAT.md), fills in the title's companions that a plain text
//! without front matter cannot carry: publication date, source and address. Front matter, when
//! the file has it, wins.

use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use super::{Article, Warning, parse_published};

/// A gold annotation of the longest article is well under this.
const MAX_SIDECAR_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Sidecar {
    pub published: Option<NaiveDate>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// The file it came from, for messages.
    pub path: PathBuf,
}

#[derive(Deserialize)]
struct Fields {
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

#[derive(Deserialize)]
struct Gold {
    article: Fields,
}

/// The metadata beside `path`, if a sidecar file exists; `Err` with a warning when one exists
/// but cannot be used.
pub fn find(path: &Path) -> Option<Result<Sidecar, Warning>> {
    let stem = path.file_stem()?.to_str()?;
    let dir = path.parent().unwrap_or(Path::new(""));
    for (suffix, is_gold) in [("meta.json", false), ("gold.json", true)] {
        let candidate = dir.join(format!("{stem}.{suffix}"));
        if !candidate.exists() {
            continue;
        }
        let unusable = |why: String| Warning {
            code: "unusable-sidecar",
            message: format!(
                "{} is not usable metadata: {why}",
                super::escaped_path(&candidate)
            ),
        };
        let file = match super::open_file(&candidate) {
            Ok(file) => file,
            Err(problem @ super::Problem::NotAFile(_)) => {
                return Some(Err(unusable(problem.to_string())));
            }
            Err(_) => continue,
        };
        // Read with a limit, like the article itself: the name may be a device or a dump.
        let mut text = String::new();
        match file.take(MAX_SIDECAR_BYTES + 1).read_to_string(&mut text) {
            Ok(read) if read as u64 > MAX_SIDECAR_BYTES => {
                return Some(Err(unusable(format!(
                    "it is larger than {}",
                    super::human_size(MAX_SIDECAR_BYTES as usize)
                ))));
            }
            Ok(_) => {}
            Err(err) => return Some(Err(unusable(err.to_string()))),
        }
        let fields = if is_gold {
            serde_json::from_str::<Gold>(&text).map(|g| g.article)
        } else {
            serde_json::from_str::<Fields>(&text)
        };
        let fields = match fields {
            Ok(fields) => fields,
            Err(err) => return Some(Err(unusable(err.to_string()))),
        };
        let published = match parse_published(fields.published.as_deref().unwrap_or("")) {
            Ok(date) => date,
            Err(problem) => return Some(Err(unusable(problem.to_string()))),
        };
        return Some(Ok(Sidecar {
            published,
            source: fields.source.filter(|s| !s.trim().is_empty()),
            url: fields.url.filter(|s| !s.trim().is_empty()),
            path: candidate,
        }));
    }
    None
}

impl Sidecar {
    /// Fills what the article lacks.
    pub fn fill(&self, article: &mut Article) {
        if article.published.is_none() {
            article.published = self.published;
        }
        if article.source.is_none() {
            article.source = self.source.clone();
        }
        if article.url.is_none() {
            article.url = self.url.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gold_file_beside_a_text_gives_its_date_and_source() {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("a.txt");
        std::fs::write(&text, "Title\n\nBody.").unwrap();
        assert_eq!(find(&text), None);
        std::fs::write(
            dir.path().join("a.gold.json"),
            r#"{"article": {"title": "T", "published": "2022-01-12", "source": "Politico Europe"}, "meetings": []}"#,
        )
        .unwrap();
        let sidecar = find(&text).unwrap().unwrap();
        assert_eq!(sidecar.published, NaiveDate::from_ymd_opt(2022, 1, 12));
        assert_eq!(sidecar.source.as_deref(), Some("Politico Europe"));
        std::fs::write(dir.path().join("a.meta.json"), r#"{"published": "12 Jan"}"#).unwrap();
        let warning = find(&text).unwrap().unwrap_err();
        assert!(
            warning.message.contains("a.meta.json"),
            "{}",
            warning.message
        );
    }
}
