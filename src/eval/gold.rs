//! Gold annotations (`NAME.gold.json`), as `GOLD_FORMAT.md` defines them.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct GoldDoc {
    pub article: GoldArticle,
    #[serde(default)]
    pub meetings: Vec<GoldMeeting>,
    #[serde(default)]
    pub statements: Vec<GoldStatement>,
    #[serde(default)]
    pub demands: Vec<GoldDemand>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldArticle {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldMeeting {
    #[serde(default)]
    pub label: Option<String>,
    pub date: Option<String>,
    pub place: Option<String>,
    pub status: String,
    #[serde(default)]
    pub participants: Vec<String>,
    #[serde(default)]
    pub optional_participants: Option<Vec<String>>,
    #[serde(default)]
    pub optional: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldStatement {
    pub speaker: Option<String>,
    pub kind: String,
    pub text: String,
    #[serde(default)]
    pub optional: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldDemand {
    pub by: Option<String>,
    pub of: Option<String>,
    pub text: String,
    #[serde(default)]
    pub optional: bool,
}

/// Names compare case-insensitively with white space folded; `|` separates names that are
/// all right.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The alternatives of a gold name field (`"United States|US|USA"`).
pub fn alternatives(names: &str) -> Vec<String> {
    names
        .split('|')
        .map(name_key)
        .filter(|name| !name.is_empty())
        .collect()
}
