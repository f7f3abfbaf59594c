//! Helpers the layers' unit tests share: an article analysed, its mentions and persons.

use chrono::NaiveDate;

use crate::extract::ActorKind;
use crate::text::analysis::Analysis;
use crate::text::lexicon::Lexicon;

pub(in crate::text::analysis) fn analyse(text: &str) -> Analysis<'_> {
    analyse_titled("", text)
}

/// An article with a title, published on 12 January 2022.
pub(in crate::text::analysis) fn analyse_titled<'a>(title: &'a str, text: &'a str) -> Analysis<'a> {
    Analysis::new(
        title,
        text,
        NaiveDate::from_ymd_opt(2022, 1, 12),
        Lexicon::builtin(),
    )
}

/// (surface, resolved names) of every mention.
pub(in crate::text::analysis) fn mentions(analysis: &Analysis<'_>) -> Vec<(String, Vec<String>)> {
    analysis
        .mentions
        .iter()
        .filter(|m| !m.actors.is_empty())
        .map(|m| {
            let surface = analysis.text
                [analysis.tokens[m.tokens.start].start..analysis.tokens[m.tokens.end - 1].end]
                .to_string();
            let names = m
                .actors
                .iter()
                .map(|&a| analysis.actor_name(a).to_string())
                .collect();
            (surface, names)
        })
        .collect()
}

pub(in crate::text::analysis) fn persons(analysis: &Analysis<'_>) -> Vec<String> {
    analysis
        .actors
        .iter()
        .filter(|a| a.actor.kind == ActorKind::Person)
        .map(|a| a.actor.name.clone())
        .collect()
}

/// (name, affiliation of the first role) of every person.
pub(in crate::text::analysis) fn affiliations(
    analysis: &Analysis<'_>,
) -> Vec<(String, Option<String>)> {
    analysis
        .actors
        .iter()
        .filter(|a| a.actor.kind == ActorKind::Person)
        .map(|a| {
            let affiliation = a
                .actor
                .roles
                .first()
                .and_then(|r| r.affiliation)
                .map(|x| analysis.actor_name(x).to_string());
            (a.actor.name.clone(), affiliation)
        })
        .collect()
}

pub(in crate::text::analysis) fn resolved<'t>(
    analysis: &'t Analysis<'t>,
    surface: &str,
) -> Vec<String> {
    mentions(analysis)
        .into_iter()
        .find(|(s, _)| s == surface)
        .unwrap_or_else(|| panic!("no mention {surface:?} in {:?}", mentions(analysis)))
        .1
}
