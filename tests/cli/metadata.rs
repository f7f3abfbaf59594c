//! Metadata that can be corrected, and syndicated copies kept as sources (issue #13).

use predicates::prelude::*;

use crate::util::{Kb, stdout_of};

const BODY: &str = "NATO allies and Russia met in Brussels on Wednesday.\n";

/// The article's title, date, outlet and address, as stored.
fn article(kb: &Kb) -> (String, Option<String>, Option<String>, Option<String>) {
    kb.conn()
        .query_row(
            "SELECT title, published, source, url FROM articles",
            [],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
        )
        .unwrap()
}

fn meeting_date(kb: &Kb) -> Option<String> {
    kb.conn()
        .query_row("SELECT date FROM meetings", [], |row| row.get(0))
        .unwrap()
}

/// Issue #13: "ingesting the same text again with `--published` says "already stored"".
#[test]
fn a_stored_text_ingested_again_with_a_date_dates_the_article_and_its_facts() {
    let kb = Kb::new();
    let path = kb.write("talks.txt", format!("Talks in Brussels\n\n{BODY}"));
    kb.dipkb().arg("ingest").arg(&path).assert().success();
    assert_eq!(article(&kb).1, None);
    assert_eq!(
        meeting_date(&kb),
        None,
        "no date to resolve Wednesday against"
    );

    kb.dipkb()
        .arg("ingest")
        .arg(&path)
        .args(["--published", "2022-01-12"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "articles: 0 new, 1 updated, 0 already stored, 0 failed",
        ));
    assert_eq!(
        article(&kb),
        (
            "Talks in Brussels".into(),
            Some("2022-01-12".into()),
            None,
            None
        )
    );
    assert_eq!(meeting_date(&kb).as_deref(), Some("2022-01-12"));
    assert_eq!(kb.count("articles"), 1);
    assert_eq!(kb.count("article_sources"), 1, "one copy, corrected");
    assert_eq!(kb.count("meetings"), 1);
    assert_eq!(
        kb.query_one("SELECT count(*) FROM diagnostics WHERE code = 'no-publication-date'"),
        0,
        "the warning that it had no date went with it"
    );
    assert_eq!(
        kb.query_one("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'brussels'"),
        1
    );

    // Again with the same date: nothing new.
    kb.dipkb()
        .arg("ingest")
        .arg(&path)
        .args(["--published", "2022-01-12"])
        .assert()
        .success()
        .stdout(predicate::str::contains("0 new, 1 already stored"));
    // Without a date: the date it has stays.
    kb.dipkb().arg("ingest").arg(&path).assert().success();
    assert_eq!(article(&kb).1.as_deref(), Some("2022-01-12"));
}

/// Issue #13: "`--reprocess --published` dates the facts but leaves `articles.published`
/// NULL".
#[test]
fn reprocessing_with_a_date_dates_the_article_too() {
    let kb = Kb::new();
    let path = kb.write("talks.txt", format!("Talks in Brussels\n\n{BODY}"));
    kb.dipkb().arg("ingest").arg(&path).assert().success();
    kb.dipkb()
        .args(["ingest", "--reprocess", "--published", "2022-01-12"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("1 re-extracted, 1 updated"));
    assert_eq!(article(&kb).1.as_deref(), Some("2022-01-12"));
    assert_eq!(meeting_date(&kb).as_deref(), Some("2022-01-12"));
    let precision: String = kb
        .conn()
        .query_row("SELECT published_precision FROM articles", [], |row| {
            row.get(0)
        })
        .unwrap();
    assert_eq!(precision, "day");
}

/// Front matter added to a file already stored corrects its article: date, title, outlet and
/// address, and the facts are dated anew.
#[test]
fn new_front_matter_corrects_the_stored_article() {
    let kb = Kb::new();
    let path = kb.write("talks.md", format!("Talks in Brussels\n\n{BODY}"));
    kb.dipkb()
        .arg("ingest")
        .arg(&path)
        .args(["--published", "2022-01-05"])
        .assert()
        .success();
    assert_eq!(meeting_date(&kb).as_deref(), Some("2022-01-05"));
    kb.write(
        "talks.md",
        format!(
            "---\ntitle: NATO and Russia in a standoff\npublished: 2022-01-12\n\
             source: Example Post\nurl: https://post.example/standoff\n---\n{BODY}"
        ),
    );
    kb.dipkb()
        .arg("ingest")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("1 updated"));
    assert_eq!(
        article(&kb),
        (
            "NATO and Russia in a standoff".into(),
            Some("2022-01-12".into()),
            Some("Example Post".into()),
            Some("https://post.example/standoff".into())
        )
    );
    assert_eq!(meeting_date(&kb).as_deref(), Some("2022-01-12"));
    assert_eq!(kb.count("article_sources"), 1);
    let title_hits =
        kb.query_one("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'title:standoff'");
    assert_eq!(title_hits, 1, "the full-text index has the new title");
}

/// Issue #13: "The same text syndicated under two titles or URLs is stored once, and the
/// second copy's URL, outlet and date are lost."
#[test]
fn syndicated_copies_are_each_a_source_of_one_article() {
    let copies = [
        (
            "a_wire.md",
            format!(
                "---\ntitle: NATO, Russia talk in Brussels\npublished: 2022-01-12\n\
                 source: Example Wire\nurl: https://wire.example/1\n---\n{BODY}"
            ),
        ),
        (
            "b_paper.md",
            format!(
                "---\ntitle: Allies meet Russia\npublished: 2022-01-13\n\
                 source: Example Paper\nurl: https://paper.example/2\n---\n{BODY}"
            ),
        ),
        (
            "c_feed.jsonl",
            format!(
                "{}\n",
                serde_json::json!({
                    "title": "Brussels talks",
                    "date_publish": "2022-01-14 09:00:00",
                    "source_domain": "feed.example",
                    "url": "https://feed.example/3",
                    "maintext": BODY.trim_end(),
                })
            ),
        ),
    ];
    let mut results = Vec::new();
    for order in [[0, 1, 2], [2, 1, 0]] {
        let kb = Kb::new();
        for (i, &index) in order.iter().enumerate() {
            let (name, text) = &copies[index];
            let path = kb.write(name, text);
            let output = kb.dipkb().arg("ingest").arg(&path).output().unwrap();
            assert!(output.status.success());
            let expected = if i == 0 {
                "articles: 1 new, 0 already stored"
            } else {
                "articles: 0 new, 1 copy of a stored article, 0 already stored"
            };
            assert!(
                stdout_of(&output).contains(expected),
                "{name}: {}",
                stdout_of(&output)
            );
        }
        assert_eq!(kb.count("articles"), 1);
        let sources: Vec<(String, String, String, String)> = kb
            .conn()
            .prepare("SELECT title, published, source, url FROM article_sources ORDER BY published")
            .unwrap()
            .query_map([], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            sources,
            [
                (
                    "NATO, Russia talk in Brussels".into(),
                    "2022-01-12".into(),
                    "Example Wire".into(),
                    "https://wire.example/1".into()
                ),
                (
                    "Allies meet Russia".into(),
                    "2022-01-13".into(),
                    "Example Paper".into(),
                    "https://paper.example/2".into()
                ),
                (
                    "Brussels talks".into(),
                    "2022-01-14".into(),
                    "feed.example".into(),
                    "https://feed.example/3".into()
                ),
            ]
        );
        // The article is dated by its earliest copy, whatever the order they came in.
        assert_eq!(
            article(&kb),
            (
                "NATO, Russia talk in Brussels".into(),
                Some("2022-01-12".into()),
                Some("Example Wire".into()),
                Some("https://wire.example/1".into())
            )
        );
        // The timeline counts the copies; the view also counts the distinct texts.
        let timeline = kb.json(&["timeline"]);
        let events = timeline.as_array().unwrap();
        assert_eq!(events.len(), 1, "{timeline}");
        assert_eq!(events[0]["sources"], 3, "{timeline}");
        assert_eq!(events[0]["date"], "2022-01-12", "{timeline}");
        assert_eq!(
            kb.query_one("SELECT sources * 10 + articles FROM timeline"),
            31
        );
        // Ingesting a copy again adds nothing.
        let (name, text) = &copies[1];
        kb.dipkb()
            .arg("ingest")
            .arg(kb.write(name, text))
            .assert()
            .success()
            .stdout(predicate::str::contains("0 new, 1 already stored"));
        assert_eq!(kb.count("article_sources"), 3);
        // The export carries every copy.
        kb.dipkb()
            .args(["export", "--format", "csv", "--out", "exported"])
            .assert()
            .success();
        let exported =
            std::fs::read_to_string(kb.dir.path().join("exported/article_sources.csv")).unwrap();
        assert_eq!(exported.lines().count(), 4, "{exported}");
        assert!(exported.contains("https://paper.example/2"), "{exported}");
        results.push((article(&kb), sources));
    }
    assert_eq!(results[0], results[1]);
}

/// A copy read from another file under the same title, without an address or outlet of its
/// own, cannot be told from the copy stored: it is that copy, not another source.
#[test]
fn the_same_copy_in_two_files_is_one_source() {
    let kb = Kb::new();
    let text = format!("---\ntitle: Talks\npublished: 2022-01-12\n---\n{BODY}");
    let one = kb.write("one.md", &text);
    let two = kb.write("two.md", &text);
    kb.dipkb()
        .arg("ingest")
        .arg(&one)
        .arg(&two)
        .assert()
        .success()
        .stdout(predicate::str::contains("1 new, 1 already stored"));
    assert_eq!(kb.count("article_sources"), 1);
    assert_eq!(kb.query_one("SELECT sources FROM timeline"), 1);
}

/// The README's example of a date given late and a syndicated copy prints what it shows.
#[test]
fn the_readme_example_of_corrected_and_syndicated_copies_runs() {
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .expect("README.md");
    let block: Vec<&str> = readme
        .lines()
        .skip_while(|l| *l != "  $ dipkb ingest talks.txt")
        .take_while(|l| l.trim() != "```")
        .map(str::trim)
        .collect();
    assert!(!block.is_empty(), "no such example in the README");
    let kb = Kb::new();
    kb.write("talks.txt", format!("Talks in Brussels\n\n{BODY}"));
    kb.write(
        "wire-copy.md",
        format!(
            "---\ntitle: NATO and Russia meet\npublished: 2022-01-12\n\
             source: Example Wire\nurl: https://wire.example/1\n---\n{BODY}"
        ),
    );
    let mut commands = 0;
    let mut said = String::new();
    for line in block {
        if let Some(command) = line.strip_prefix("$ dipkb ") {
            let output = kb
                .dipkb()
                .args(command.split_whitespace())
                .output()
                .unwrap();
            assert!(output.status.success(), "{command}");
            said = stdout_of(&output) + &crate::util::stderr_of(&output);
            commands += 1;
        } else {
            assert!(said.contains(line), "{line:?} not in\n{said}");
        }
    }
    assert_eq!(commands, 3);
    assert_eq!(kb.count("article_sources"), 2);
}
