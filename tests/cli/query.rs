use predicates::prelude::*;
use serde_json::Value;

use crate::util::{Kb, sample_articles, stderr_of, stdout_of};

#[test]
fn stats_counts_what_was_ingested() {
    let kb = Kb::with_samples();
    let output = kb
        .dipkb()
        .args(["stats", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let rows: Value = serde_json::from_slice(&output.stdout).unwrap();
    let value = |measure: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|row| row["measure"] == measure)
            .unwrap_or_else(|| panic!("no {measure} in {rows}"))["value"]
            .clone()
    };
    assert_eq!(value("articles"), sample_articles().len() as i64);
    assert_eq!(value("articles without a date"), 0);
    assert_eq!(value("first article date"), "2015-07-14");
    assert_eq!(value("last article date"), "2023-07-17");
    assert_eq!(value("schema version"), dipkb::kb::SCHEMA_VERSION);
}

#[test]
fn sql_answers_in_every_format() {
    let kb = Kb::with_samples();
    let query =
        "SELECT published, title FROM articles WHERE published < '2019-01-01' ORDER BY published";
    let table = kb.dipkb().args(["sql", query]).output().unwrap();
    assert!(table.status.success());
    assert_eq!(
        stdout_of(&table),
        "published   title\n\
         ----------  ------------------------------------------------\n\
         2015-07-14  Iran and six powers reach nuclear deal in Vienna\n\
         2018-05-24  Trump calls off June summit with Kim Jong Un\n"
    );
    kb.dipkb()
        .args(["sql", query, "--format", "csv"])
        .assert()
        .success()
        .stdout(
            "published,title\n\
             2015-07-14,Iran and six powers reach nuclear deal in Vienna\n\
             2018-05-24,Trump calls off June summit with Kim Jong Un\n",
        );
    let json = kb
        .dipkb()
        .args(["sql", query, "--format", "json"])
        .output()
        .unwrap();
    let rows: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        rows[1]["title"],
        "Trump calls off June summit with Kim Jong Un"
    );
}

#[test]
fn sql_exits_1_when_nothing_matches() {
    let kb = Kb::with_samples();
    kb.dipkb()
        .args([
            "sql",
            "SELECT title FROM articles WHERE title = 'no such title'",
        ])
        .assert()
        .code(1)
        .stdout("title\n-----\n");
}

#[test]
fn sql_refuses_to_write() {
    let kb = Kb::with_samples();
    let before = kb.count("articles");
    for (query, message) in [
        ("DELETE FROM articles", "read-only"),
        ("UPDATE actors SET name = 'x'", "read-only"),
        ("DROP VIEW timeline", "read-only"),
        ("CREATE TABLE t (x)", "read-only"),
        ("ATTACH DATABASE 'other.sqlite' AS other", "refuses ATTACH"),
        ("SELECT 1; DELETE FROM articles", "one statement at a time"),
    ] {
        kb.dipkb()
            .args(["sql", query])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message));
    }
    assert_eq!(kb.count("articles"), before);
    assert!(!kb.dir.path().join("other.sqlite").exists());
}

#[test]
fn reading_a_missing_database_says_how_to_make_one() {
    let kb = Kb::new();
    kb.dipkb().arg("stats").assert().code(2).stderr(
        predicate::str::contains("no database at").and(predicate::str::contains("dipkb ingest")),
    );
    assert!(
        !kb.db().exists(),
        "a read command must not create the database"
    );
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let kb = Kb::with_samples();
    let db = kb.db();
    let exe = env!("CARGO_BIN_EXE_dipkb");
    let output = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "set -o pipefail; '{exe}' --db '{}' sql --max-rows 0 \"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT 200000) SELECT i FROM n\" | head -n 1",
            db.display()
        ))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Issue #13: every command prints its errors after one prefix, "error: ", and says each thing
/// once. SQL errors used to print SQLite's message twice and then "Error code 1: SQL logic
/// error"; a record that does not exist was reported after "dipkb: ".
#[test]
fn errors_have_one_prefix_and_say_each_thing_once() {
    let kb = Kb::with_samples();
    let folder = kb.dir.path().join("a folder");
    std::fs::create_dir(&folder).unwrap();
    let cases: &[(&[&str], &str, i32)] = &[
        (&["sql", "SELEC x"], "near \"SELEC\": syntax error", 2),
        (&["sql", "SELECT * FROM nope"], "no such table: nope", 2),
        (&["sql", "SELECT json('{')"], "malformed JSON", 2),
        (&["sql", "DELETE FROM articles"], "read-only", 2),
        (&["meeting", "999"], "no meeting has id 999", 1),
        (&["statement", "999"], "no statement has id 999", 1),
        (&["demand", "999"], "no demand has id 999", 1),
        (&["actor", "Nobody At All"], "no actor is called", 2),
        (
            &["timeline", "--since", "2022", "--until", "2021"],
            "later than --until",
            2,
        ),
        (&["extract", "missing.txt"], "missing.txt", 2),
        (&["eval", "missing-folder"], "missing-folder", 2),
        (&["ingest", "missing.txt"], "missing.txt", 2),
    ];
    for (args, says, code) in cases {
        let output = kb.dipkb().args(*args).output().expect("run dipkb");
        let stderr = stderr_of(&output);
        assert_eq!(output.status.code(), Some(*code), "{args:?}: {stderr}");
        let errors: Vec<&str> = stderr
            .lines()
            .filter(|l| !l.starts_with("warning: "))
            .collect();
        assert!(!errors.is_empty(), "{args:?} says nothing");
        for line in &errors {
            assert!(line.starts_with("error: "), "{args:?}: {line:?}");
        }
        assert_eq!(
            stderr.matches(says).count(),
            1,
            "{args:?} says it once: {stderr}"
        );
        assert!(!stderr.contains("dipkb:"), "{args:?}: {stderr}");
        assert!(!stderr.contains("Error code"), "{args:?}: {stderr}");
    }
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_dipkb"))
        .env_remove("DIPKB_DB")
        .arg("--db")
        .arg(&folder)
        .arg("timeline")
        .output()
        .expect("run dipkb");
    let stderr = stderr_of(&output);
    assert!(
        stderr.starts_with("error: ") && stderr.contains("is a folder"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

/// Issue #13: a record of several parts (`meeting 1`) in CSV is a CSV table per part, each
/// after a `# part` line, as `--help` now says (it said "RFC 4180 CSV with a header row",
/// which the whole output is not).
#[test]
fn a_record_in_csv_is_one_table_per_part_as_the_help_says() {
    let kb = Kb::with_samples();
    let help = kb.stdout(&["meeting", "--help"]);
    assert!(help.contains("one CSV table per part"), "{help}");
    assert!(help.contains("`# part` line"), "{help}");
    let output = kb.stdout(&["meeting", "1", "--format", "csv"]);
    let parts: Vec<&str> = output.split("\n\n# ").collect();
    let mut titles = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let part = if i == 0 {
            part.strip_prefix("# ").expect("a title first")
        } else {
            part
        };
        let (title, table) = part.split_once('\n').expect("a title line");
        titles.push(title.to_string());
        // Each part on its own is CSV with a header: every record as wide as it.
        let mut reader = csv::Reader::from_reader(table.as_bytes());
        let width = reader.headers().expect("a header").len();
        for record in reader.records() {
            let record = record.unwrap_or_else(|err| panic!("{title}: {err}"));
            assert_eq!(record.len(), width, "{title}");
        }
    }
    assert_eq!(titles.first().map(String::as_str), Some("meeting"));
    for part in ["participants", "statements", "sources"] {
        assert!(
            titles.iter().any(|t| t == part),
            "{part} missing from {titles:?}"
        );
    }
}

/// Issue #13: `meeting N`, `statement N` and `demand N` list every copy of the articles that
/// report the fact, with its outlet, address and date, as many as the timeline's `sources`
/// counts. Before, a record showed one article where the timeline said three sources.
#[test]
fn a_record_lists_every_copy_of_a_syndicated_article() {
    let body = "NATO allies and Russia met in Brussels on Wednesday. \"The talks were frank and \
                useful,\" U.S. Deputy Secretary of State Wendy Sherman told reporters. Russia \
                urged NATO to stop its expansion.\n";
    let kb = Kb::new();
    for (name, day, outlet, url) in [
        (
            "wire.md",
            "2022-01-12",
            "Example Wire",
            "https://wire.example/1",
        ),
        (
            "paper.md",
            "2022-01-13",
            "Example Paper",
            "https://paper.example/2",
        ),
        (
            "radio.md",
            "2022-01-14",
            "Example Radio",
            "https://radio.example/3",
        ),
    ] {
        let path = kb.write(
            name,
            format!("---\ntitle: Talks in Brussels\npublished: {day}\nsource: {outlet}\nurl: {url}\n---\n{body}"),
        );
        kb.dipkb().arg("ingest").arg(path).assert().success();
    }
    assert_eq!(kb.count("articles"), 1);
    let timeline = kb.json(&["timeline"]);
    let events = timeline.as_array().unwrap();
    assert_eq!(
        events.len(),
        3,
        "a meeting, a statement, a demand: {timeline}"
    );
    for event in events {
        assert_eq!(event["sources"], 3, "{event}");
        let kind = event["event"].as_str().unwrap();
        let id = event["id"].as_i64().unwrap().to_string();
        let record = kb.json(&[kind, &id]);
        let copies: Vec<(String, String, String)> = record["copies"]
            .as_array()
            .unwrap_or_else(|| panic!("no copies in {record}"))
            .iter()
            .map(|copy| {
                let field = |name: &str| copy[name].as_str().unwrap_or_default().to_string();
                (field("published"), field("outlet"), field("url"))
            })
            .collect();
        assert_eq!(
            copies,
            [
                (
                    "2022-01-12".into(),
                    "Example Wire".into(),
                    "https://wire.example/1".into()
                ),
                (
                    "2022-01-13".into(),
                    "Example Paper".into(),
                    "https://paper.example/2".into()
                ),
                (
                    "2022-01-14".into(),
                    "Example Radio".into(),
                    "https://radio.example/3".into()
                ),
            ],
            "{kind} {id}"
        );
        assert_eq!(record[kind]["sources"], 3, "{record}");
        // The words of the one text, once, not once per copy.
        let spans = record["sources"].as_array().unwrap();
        assert!(
            spans
                .iter()
                .all(|span| span["article_id"] == spans[0]["article_id"]),
            "{record}"
        );
        let table = kb.stdout(&[kind, &id]);
        assert!(table.lines().any(|line| line == "copies"), "{table}");
        assert!(table.contains("https://radio.example/3"), "{table}");
    }
}

/// Issue #11: "Every actor filter and `dipkb actor` finds an actor by any name in the
/// dictionaries". The samples name Russia's foreign minister "Sergei Lavrov"; the officeholder
/// dictionary knows him as "Sergey Lavrov" (Wikidata Q58217): either name, and the item, find
/// the same events and the same profile. An officeholder no article mentions is said to be
/// known but not stored.
#[test]
fn an_officeholder_is_found_by_the_dictionary_s_spellings_and_wikidata_item() {
    let kb = Kb::with_samples();
    let rows = |actor: &str| kb.json(&["timeline", "--actor", actor]);
    let stored = rows("Sergei Lavrov");
    assert!(
        !stored.as_array().expect("rows").is_empty(),
        "the samples report Lavrov"
    );
    assert_eq!(rows("Sergey Lavrov"), stored);
    assert_eq!(rows("Q58217"), stored);
    let profile = kb
        .dipkb()
        .args(["actor", "sergey lavrov"])
        .output()
        .unwrap();
    assert!(profile.status.success(), "{}", stderr_of(&profile));
    assert!(stdout_of(&profile).contains("Sergei Lavrov"));
    let output = kb
        .dipkb()
        .args(["timeline", "--actor", "Angela Merkel"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("is person Angela Merkel in the dictionaries"),
        "{}",
        stderr_of(&output)
    );
}

/// Without what versions 13 and 14 added, and with the indexes on actor and date columns as
/// schema version 11 made them: turns a database back into one that the migrations of versions
/// 12, 13 and 14 have to bring up.
const ACTOR_INDEXES_V11: &str = "
    DROP TRIGGER meeting_participants_relation_insert;
    DROP TRIGGER meeting_participants_relation_delete;
    DROP TRIGGER meeting_participants_relation_update;
    DROP TRIGGER meetings_relation_update;
    DROP TRIGGER meetings_relation_delete;
    DROP TRIGGER demands_relation_insert;
    DROP TRIGGER demands_relation_delete;
    DROP TRIGGER demands_relation_update;
    DROP TABLE relation_links;
    DROP TABLE relation_pairs;
    DROP TABLE relation_pending;
    DROP TABLE relation_pairs_pending;
    DROP TABLE relation_kinds;
    DROP INDEX idx_evidence_spans_article_id;
    CREATE INDEX idx_evidence_spans_article_id ON evidence_spans (article_id);
    DELETE FROM schema_migrations WHERE version IN (13, 14);
    DROP INDEX idx_statement_facts_speaker_id;
    CREATE INDEX idx_statement_facts_speaker_id ON statement_facts (speaker_id)
        WHERE speaker_id IS NOT NULL;
    DROP INDEX idx_statement_facts_speaker_party_id;
    CREATE INDEX idx_statement_facts_speaker_party_id ON statement_facts (speaker_party_id)
        WHERE speaker_party_id IS NOT NULL;
    DROP INDEX idx_statement_facts_date;
    CREATE INDEX idx_statement_facts_date ON statement_facts (date);
    DROP INDEX idx_demands_by_actor_id;
    CREATE INDEX idx_demands_by_actor_id ON demands (by_actor_id);
    DROP INDEX idx_demands_by_party_id;
    CREATE INDEX idx_demands_by_party_id ON demands (by_party_id);
    DROP INDEX idx_demands_of_actor_id;
    CREATE INDEX idx_demands_of_actor_id ON demands (of_actor_id);
    DROP INDEX idx_demands_of_party_id;
    CREATE INDEX idx_demands_of_party_id ON demands (of_party_id);
    DROP INDEX idx_demands_answered_by_id;
    CREATE INDEX idx_demands_answered_by_id ON demands (answered_by_id);
    DROP INDEX idx_demands_date;
    CREATE INDEX idx_demands_date ON demands (date);
    DROP INDEX idx_meeting_participants_actor_id;
    CREATE INDEX idx_meeting_participants_actor_id ON meeting_participants (actor_id);
    DELETE FROM schema_migrations WHERE version = 12;
";

/// `--limit N` and `--last N` with an actor are the first and last N events of its whole
/// timeline for every N, whether the actor's own events are read (large N) or the date indexes
/// walked (small N); and a database migrated to schema version 12 answers as before, and so
/// does one migrated to version 13, which reads relations from the pairs it keeps.
#[test]
fn an_actor_s_first_and_last_events_are_the_ends_of_its_timeline_before_and_after_v12() {
    let kb = Kb::with_samples();
    let actors: Vec<String> = {
        let conn = kb.conn();
        let mut statement = conn
            .prepare(
                "SELECT name FROM actor_list ORDER BY meetings + statements + demands_made \
                 + demands_received DESC, id LIMIT 4",
            )
            .unwrap();
        statement
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert_eq!(actors.len(), 4);
    let answers = |kb: &Kb| -> Vec<String> {
        let mut answers = Vec::new();
        for actor in &actors {
            let whole = kb.json(&["timeline", "--actor", actor]);
            let whole = whole.as_array().unwrap();
            assert!(whole.len() > 3, "{actor}: {whole:?}");
            for n in [1, 2, 3, 7, 1000] {
                let n_text = n.to_string();
                let first = kb.json(&["timeline", "--actor", actor, "--limit", &n_text]);
                let last = kb.json(&["timeline", "--actor", actor, "--last", &n_text]);
                let kept = n.min(whole.len());
                assert_eq!(
                    first.as_array().unwrap(),
                    &whole[..kept],
                    "{actor} --limit {n}"
                );
                assert_eq!(
                    last.as_array().unwrap(),
                    &whole[whole.len() - kept..],
                    "{actor} --last {n}"
                );
                answers.push(first.to_string());
                answers.push(last.to_string());
            }
            for kind in ["meeting", "statement", "demand"] {
                // Exits 1 where the actor has none of the kind.
                let args = ["timeline", "--actor", actor, "--kind", kind, "--last", "2"];
                let output = kb.dipkb().args(args).output().unwrap();
                answers.push(format!("{:?} {}", output.status.code(), stdout_of(&output)));
            }
            answers.push(kb.stdout(&["relations", "--actor", actor]));
        }
        answers
    };
    let after = answers(&kb);
    kb.conn().execute_batch(ACTOR_INDEXES_V11).unwrap();
    assert_eq!(
        kb.query_one("SELECT max(version) FROM schema_migrations"),
        11
    );
    kb.dipkb().arg("migrate").assert().success();
    assert_eq!(
        kb.query_one("SELECT max(version) FROM schema_migrations"),
        dipkb::kb::SCHEMA_VERSION
    );
    assert_eq!(answers(&kb), after);
}
