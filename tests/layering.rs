//! The layering of the crate (docs: shared design `layers.md`, step 0): a lower layer never
//! imports a higher one.
//!
//! - `src/text` (text analysis) knows nothing of `crate::extract` (meetings, statements,
//!   demands);
//! - `src/model` (plain data, once it exists) imports nothing else from the crate;
//! - `src/kb` (the store) knows nothing of `crate::text`.
//!
//! Today's offenders are listed in `ALLOWED` with the number of references each file may make
//! and why. The list may only shrink: a file that makes more references than listed, or one not
//! listed, fails; so does a file that makes fewer, until its count is lowered (or its entry
//! removed), so that an offence fixed cannot come back unnoticed.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// A rule: files under `under` may not name `forbidden` (a path, matched as a whole segment).
struct Rule {
    under: &'static str,
    forbidden: &'static str,
}

const RULES: &[Rule] = &[
    Rule {
        under: "src/text/",
        forbidden: "crate::extract",
    },
    Rule {
        under: "src/model/",
        forbidden: "crate",
    },
    Rule {
        under: "src/kb/",
        forbidden: "crate::text",
    },
];

/// A file allowed to break a rule, how many times, and why.
struct Allowed {
    file: &'static str,
    forbidden: &'static str,
    count: usize,
    reason: &'static str,
}

/// Entities build `extract::Actor`, `ActorRef` and `Role` (layers.md step 3: `EntityData` and
/// `RoleAt` with token ranges, converted in facts/actors.rs).
const ACTORS: &str = "entities are extract::Actor, ActorRef and Role until layers.md step 3";
/// Shared vocabulary (`ActorKind`, `PlaceKind`, `MeetingStatus`, `Span`) lives in
/// extract/facts.rs until it moves to `model/` (layers.md step 1).
const VOCABULARY: &str = "ActorKind, PlaceKind, MeetingStatus and Span move to model/ (step 1)";
/// The reader of word lists in `data/dictionaries/` is `extract::words`.
const WORDS: &str = "the word-list reader extract::words belongs below text (step 4)";
/// `kb` stores dates with the precision text/date.rs defines.
const DATES: &str = "PartialDate and its precision move to model/date.rs (step 1)";

const ALLOWED: &[Allowed] = &[
    Allowed {
        file: "src/kb/store/tests.rs",
        forbidden: "crate::text",
        count: 1,
        reason: DATES,
    },
    Allowed {
        file: "src/kb/write.rs",
        forbidden: "crate::text",
        count: 1,
        reason: DATES,
    },
    Allowed {
        file: "src/text/lexicon.rs",
        forbidden: "crate::extract",
        count: 3,
        reason: "ActorKind, MeetingStatus, PlaceKind (step 1); entity_actor builds an Actor (step 3)",
    },
    Allowed {
        file: "src/text/analysis/mod.rs",
        forbidden: "crate::extract",
        count: 1,
        reason: ACTORS,
    },
    Allowed {
        file: "src/text/analysis/doc.rs",
        forbidden: "crate::extract",
        count: 1,
        reason: VOCABULARY,
    },
    Allowed {
        file: "src/text/analysis/testing.rs",
        forbidden: "crate::extract",
        count: 1,
        reason: VOCABULARY,
    },
    Allowed {
        file: "src/text/analysis/names/bodies.rs",
        forbidden: "crate::extract",
        count: 4,
        reason: WORDS,
    },
    Allowed {
        file: "src/text/analysis/names/dictionary.rs",
        forbidden: "crate::extract",
        count: 2,
        reason: ACTORS,
    },
    Allowed {
        file: "src/text/analysis/names/headline.rs",
        forbidden: "crate::extract",
        count: 1,
        reason: VOCABULARY,
    },
    Allowed {
        file: "src/text/analysis/names/officeholders.rs",
        forbidden: "crate::extract",
        count: 1,
        reason: ACTORS,
    },
    Allowed {
        file: "src/text/analysis/names/persons.rs",
        forbidden: "crate::extract",
        count: 2,
        reason: ACTORS,
    },
    Allowed {
        file: "src/text/analysis/names/titles.rs",
        forbidden: "crate::extract",
        count: 2,
        reason: ACTORS,
    },
    Allowed {
        file: "src/text/analysis/refs/mod.rs",
        forbidden: "crate::extract",
        count: 1,
        reason: ACTORS,
    },
    Allowed {
        file: "src/text/analysis/refs/collective.rs",
        forbidden: "crate::extract",
        count: 1,
        reason: ACTORS,
    },
    Allowed {
        file: "src/text/analysis/refs/descriptions.rs",
        forbidden: "crate::extract",
        count: 1,
        reason: ACTORS,
    },
    Allowed {
        file: "src/text/analysis/refs/speakers.rs",
        forbidden: "crate::extract",
        count: 1,
        reason: VOCABULARY,
    },
];

/// Every `.rs` file under `dir`, as paths relative to the crate root with `/` separators.
fn rust_files(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
    for entry in entries {
        let path = entry
            .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
            .path();
        if path.is_dir() {
            rust_files(root, &path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            let relative = path
                .strip_prefix(root)
                .expect("a file under the root")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            out.push((relative, path));
        }
    }
}

/// How many times code (not comments) names `forbidden` as a whole path segment: followed by
/// `::`, `;`, `}` or `,`, not by more of an identifier ("crate::extracted" is not it).
fn references(source: &str, forbidden: &str) -> usize {
    source
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .map(|code| {
            code.match_indices(forbidden)
                .filter(|(at, _)| {
                    let before = code[..*at].chars().next_back();
                    let after = code[at + forbidden.len()..].chars().next();
                    before.is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
                        && after.is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
                })
                .count()
        })
        .sum()
}

#[test]
fn lower_layers_do_not_import_higher_ones() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(root, &root.join("src"), &mut files);
    assert!(
        files.iter().any(|(f, _)| f == "src/text/analysis/mod.rs"),
        "the walk found no src/text/analysis/mod.rs among {} files",
        files.len()
    );
    let mut found: BTreeMap<(String, &str), usize> = BTreeMap::new();
    for (relative, path) in &files {
        let source =
            fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        for rule in RULES.iter().filter(|r| relative.starts_with(r.under)) {
            let count = references(&source, rule.forbidden);
            if count > 0 {
                found.insert((relative.clone(), rule.forbidden), count);
            }
        }
    }
    let mut problems = Vec::new();
    for ((file, forbidden), &count) in &found {
        let allowed = ALLOWED
            .iter()
            .find(|a| a.file == file && a.forbidden == *forbidden);
        match allowed {
            None => problems.push(format!(
                "{file}: names `{forbidden}` {count} time(s), which its layer may not"
            )),
            Some(a) if count > a.count => problems.push(format!(
                "{file}: names `{forbidden}` {count} time(s), more than the {} allowed ({})",
                a.count, a.reason
            )),
            Some(_) => {}
        }
    }
    for a in ALLOWED {
        let count = found
            .get(&(a.file.to_string(), a.forbidden))
            .copied()
            .unwrap_or(0);
        if count < a.count {
            problems.push(format!(
                "{}: names `{}` {count} time(s), fewer than the {} allowed: lower the count in \
                 ALLOWED (or remove the entry at 0), so the list only shrinks",
                a.file, a.forbidden, a.count
            ));
        }
    }
    assert!(problems.is_empty(), "layering:\n{}", problems.join("\n"));
}

#[test]
fn references_count_whole_paths_outside_comments() {
    let source = "use crate::extract::{Actor, Role};\n\
                  // crate::extract in a comment\n\
                  let x = crate::extracted::y; crate::extract::words::list(a);\n";
    assert_eq!(references(source, "crate::extract"), 2);
    assert_eq!(references("use crate::text;", "crate::text"), 1);
    assert_eq!(references("use crate::textual::x;", "crate::text"), 0);
    assert_eq!(references("use crate::kb::x;", "crate"), 1);
    assert_eq!(references("let created = 1;", "crate"), 0);
}
