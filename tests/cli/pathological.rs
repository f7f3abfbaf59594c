//! Articles that once took minutes to store (issue #14, item 2): storing an article costs
//! O(n log n) in its facts, however much it repeats. These tests check what is stored; how long
//! it takes is measured by `cargo bench --bench end_to_end`, not here.

use crate::util::{Kb, stderr_of};

/// An article whose one sentence is repeated `times` times, after one that introduces the
/// speaker.
pub fn repeated_sentence(times: usize) -> String {
    let mut body = String::from("Russian Foreign Minister Sergei Lavrov met Turkish officials.");
    for _ in 0..times {
        body.push_str(" Lavrov said the talks were useful.");
    }
    format!("---\ntitle: Repeated\npublished: 2022-03-10\n---\n{body}\n")
}

/// A made-up surname for each number, all different.
fn surname(mut n: usize) -> String {
    const SYLLABLES: [&str; 20] = [
        "ka", "lo", "mi", "ra", "ve", "su", "do", "ne", "ti", "bo", "ha", "ze", "pu", "ri", "ga",
        "fe", "yo", "wa", "ci", "lu",
    ];
    let mut name = String::new();
    for _ in 0..4 {
        name.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
    }
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// An article in which `persons` different people each say the same words.
pub fn many_persons(persons: usize) -> String {
    const FIRST: [&str; 10] = [
        "Anna", "Boris", "Carla", "David", "Elena", "Farid", "Greta", "Hugo", "Irina", "Jonas",
    ];
    let mut body = String::new();
    for i in 0..persons {
        body.push_str(&format!(
            "Ambassador {} {} said the talks were useful. ",
            FIRST[i % FIRST.len()],
            surname(i)
        ));
    }
    format!(
        "---\ntitle: Persons\npublished: 2022-03-10\n---\n{}\n",
        body.trim_end()
    )
}

#[test]
fn an_article_that_repeats_one_sentence_thousands_of_times_is_one_statement() {
    let kb = Kb::new();
    let path = kb.write("repeated.txt", repeated_sentence(2_000));
    kb.dipkb().arg("ingest").arg(&path).assert().success();
    assert_eq!(kb.count("statement_reports"), 2_000);
    assert_eq!(kb.count("statements"), 1);
    assert_eq!(
        kb.query_one("SELECT sources FROM statement_list"),
        1,
        "one article is one source"
    );
    assert_eq!(
        kb.query_one("SELECT count(*) FROM evidence_spans WHERE statement_report_id IS NOT NULL"),
        kb.query_one(
            "SELECT count(*) FROM evidence_spans e JOIN statement_reports r \
             ON r.id = e.statement_report_id WHERE r.statement_id = (SELECT id FROM statements)"
        )
    );
    // A second article of the same words that week joins the same statement.
    let again = kb.write(
        "again.txt",
        "---\ntitle: Again\npublished: 2022-03-11\n---\nRussian Foreign Minister Sergei Lavrov \
         said the talks were useful.\n",
    );
    kb.dipkb().arg("ingest").arg(&again).assert().success();
    assert_eq!(kb.count("statements"), 1);
    assert_eq!(kb.query_one("SELECT sources FROM statement_list"), 2);
}

#[test]
fn an_article_of_thousands_of_persons_gives_each_an_actor_and_a_statement() {
    let kb = Kb::new();
    let path = kb.write("persons.txt", many_persons(2_000));
    kb.dipkb().arg("ingest").arg(&path).assert().success();
    assert_eq!(
        kb.query_one("SELECT count(*) FROM actors WHERE kind = 'person'"),
        2_000
    );
    // The same words from 2,000 speakers are 2,000 statements.
    assert_eq!(kb.count("statements"), 2_000);
    assert_eq!(kb.count("statement_reports"), 2_000);
    assert_eq!(
        kb.query_one("SELECT count(DISTINCT speaker_id) FROM statements"),
        2_000
    );
}

#[test]
fn the_summary_names_articles_that_took_long_to_store() {
    let kb = Kb::new();
    let path = kb.write("repeated.txt", repeated_sentence(10));
    // A threshold of zero seconds makes every article one that took long.
    let output = kb
        .dipkb()
        .args(["ingest", "--slow-seconds", "0"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = stderr_of(&output);
    let stdout = crate::util::stdout_of(&output);
    let said = format!("{stdout}{stderr}");
    assert!(
        said.contains("took long") && said.contains("repeated.txt"),
        "{said}"
    );
    // By default a small article is not named.
    let other = kb.write(
        "other.txt",
        repeated_sentence(3).replace("Repeated", "Other"),
    );
    let output = kb.dipkb().arg("ingest").arg(&other).output().unwrap();
    assert!(!crate::util::stdout_of(&output).contains("took long"));
}

/// Issue #14, item 2: "60,000 pronoun sentences take over 120 s". Every "He said" after the
/// one sentence that names the speaker is his: one statement, reported once per sentence.
#[test]
fn an_article_of_thousands_of_pronoun_sentences_is_one_speaker_s_statement() {
    let kb = Kb::new();
    let mut body = String::from("Russian Foreign Minister Sergei Lavrov met Turkish officials.");
    for _ in 0..3_000 {
        body.push_str(" He said the talks were useful.");
    }
    let path = kb.write(
        "pronouns.txt",
        format!("---\ntitle: Pronouns\npublished: 2022-03-10\n---\n{body}\n"),
    );
    kb.dipkb().arg("ingest").arg(&path).assert().success();
    assert_eq!(kb.count("statement_reports"), 3_000);
    assert_eq!(kb.count("statements"), 1);
    assert_eq!(
        kb.query_one(
            "SELECT count(*) FROM statements s JOIN actors a ON a.id = s.speaker_id \
             WHERE a.name = 'Sergei Lavrov'"
        ),
        1
    );
}

/// Issue #14, item 2: "a 1.3 MB article followed by a near-copy took 946 s". The copy, one
/// sentence longer, adds that sentence's statement and is a second source of every other.
#[test]
fn a_near_copy_of_a_long_article_is_a_second_source_of_its_statements() {
    let kb = Kb::new();
    let original = many_persons(1_500);
    let (head, body) = original
        .split_once("---\n")
        .and_then(|(_, rest)| rest.split_once("---\n"))
        .unwrap();
    assert!(head.contains("title: Persons"));
    let sentences: Vec<&str> = body.trim_end().split_inclusive(". ").collect();
    assert_eq!(sentences.len(), 1_500);
    let mut copy = sentences[..700].concat();
    copy.push_str("Ambassador Zoe Quill said the talks were long. ");
    copy.push_str(&sentences[700..].concat());
    let first = kb.write("original.txt", &original);
    let second = kb.write(
        "copy.txt",
        format!("---\ntitle: Copy\npublished: 2022-03-11\n---\n{copy}\n"),
    );
    kb.dipkb().arg("ingest").arg(&first).assert().success();
    kb.dipkb().arg("ingest").arg(&second).assert().success();
    assert_eq!(kb.count("articles"), 2);
    assert_eq!(kb.count("statements"), 1_501);
    assert_eq!(kb.count("statement_reports"), 3_001);
    assert_eq!(
        kb.query_one("SELECT count(*) FROM statement_list WHERE sources = 2"),
        1_500
    );
    assert_eq!(
        kb.query_one(
            "SELECT count(*) FROM statement_list WHERE sources = 1 AND text LIKE '%were long%'"
        ),
        1
    );
}
