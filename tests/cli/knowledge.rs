//! The knowledge base across articles and the commands that read it, on the sample corpus.

use serde_json::Value;

use crate::util::{Kb, sample_articles};

fn rows(value: &Value) -> &Vec<Value> {
    value.as_array().expect("an array of rows")
}

fn text<'a>(row: &'a Value, key: &str) -> &'a str {
    row[key].as_str().unwrap_or("")
}

/// The id of the one meeting a condition picks.
fn meeting_id(kb: &Kb, condition: &str) -> i64 {
    kb.query_one(&format!("SELECT id FROM meeting_list WHERE {condition}"))
}

#[test]
fn timeline_finds_an_actor_by_any_name_in_date_order() {
    let kb = Kb::with_samples();
    let events = kb.json(&["timeline", "--actor", "Moscow"]);
    let events = rows(&events);
    assert!(events.len() >= 5, "{events:?}");
    // Dated events in date order, then the undated.
    let dates: Vec<&str> = events.iter().map(|e| text(e, "date")).collect();
    let dated = dates.iter().take_while(|d| !d.is_empty()).count();
    assert!(dates[dated..].iter().all(|d| d.is_empty()), "{dates:?}");
    assert!(dates[..dated].is_sorted(), "{dates:?}");
    assert!(dated >= 5);
    // The Geneva summit, reported by two articles, is one meeting with two sources.
    let geneva: Vec<&Value> = events
        .iter()
        .filter(|e| text(e, "event") == "meeting" && text(e, "place") == "Geneva")
        .collect();
    assert_eq!(geneva.len(), 1, "{geneva:?}");
    assert_eq!(text(geneva[0], "date"), "2021-06-16");
    assert_eq!(geneva[0]["sources"], 2);
    assert!(text(geneva[0], "who").contains("Vladimir Putin"));

    // Dates, kinds and places narrow it.
    let later = kb.json(&["timeline", "--actor", "Russia", "--since", "2022-01-01"]);
    assert!(rows(&later).iter().all(|e| text(e, "date") >= "2022-01-01"));
    assert!(!rows(&later).is_empty());
    let meetings = kb.json(&["timeline", "--kind", "meeting", "--place", "geneva"]);
    assert_eq!(rows(&meetings).len(), 1);
    let limited = kb.json(&["timeline", "--limit", "3"]);
    assert_eq!(rows(&limited).len(), 3);
}

#[test]
fn timeline_with_keeps_events_involving_both_actors() {
    let kb = Kb::with_samples();
    let both = kb.json(&["timeline", "--actor", "Biden", "--with", "Putin"]);
    let both = rows(&both);
    assert!(!both.is_empty());
    let biden_only = kb.json(&["timeline", "--actor", "Biden"]);
    assert!(rows(&biden_only).len() > both.len());
    // Xi Jinping never met Putin in the samples.
    kb.dipkb()
        .args(["timeline", "--actor", "Xi Jinping", "--with", "Putin"])
        .assert()
        .code(1);
}

#[test]
fn an_actor_filter_reaches_affiliated_persons_unless_exact() {
    // The samples' U.S. officials are all known officeholders, whose statements carry their
    // state as the speaker's party: a person whose office one article gives and another does
    // not is what only the wide filter reaches.
    let kb = Kb::with_samples();
    let office = kb.write(
        "office.txt",
        "---\ntitle: Sullivan in Rome\npublished: 2022-03-14\n---\n\
         U.S. National Security Adviser Jake Sullivan met Chinese diplomats in Rome on Monday.\n",
    );
    let words = kb.write(
        "words.txt",
        "---\ntitle: Sullivan on sanctions\npublished: 2022-03-15\n---\n\
         Jake Sullivan said the sanctions would stay in place for as long as it takes.\n",
    );
    kb.stdout(&["ingest", office.to_str().unwrap(), words.to_str().unwrap()]);
    let wide = kb.json(&[
        "timeline",
        "--actor",
        "United States",
        "--kind",
        "statement",
    ]);
    let exact = kb.json(&[
        "timeline",
        "--actor",
        "United States",
        "--kind",
        "statement",
        "--exact",
    ]);
    assert!(
        rows(&wide).len() > rows(&exact).len(),
        "statements by U.S. officials count for the United States"
    );
}

#[test]
fn an_unknown_actor_is_an_error_that_suggests_names() {
    let kb = Kb::with_samples();
    let output = kb
        .dipkb()
        .args(["timeline", "--actor", "Stolten"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no actor is called \"Stolten\""),
        "{stderr}"
    );
    assert!(stderr.contains("Jens Stoltenberg"), "{stderr}");
}

#[test]
fn relations_show_meetings_demands_and_render_as_dot() {
    let kb = Kb::with_samples();
    let links = kb.json(&["relations", "--actor", "Kim Jong Un"]);
    let links = rows(&links);
    assert!(links.iter().any(|l| text(l, "actor") == "Kim Jong Un"
        && text(l, "other") == "Moon Jae-in"
        && text(l, "relation") == "met"));
    assert!(
        links
            .iter()
            .any(|l| text(l, "relation") == "meeting_cancelled")
    );
    let demands = kb.json(&["relations", "--actor", "Turkey"]);
    assert!(
        rows(&demands)
            .iter()
            .any(|l| text(l, "actor") == "Jens Stoltenberg"
                && text(l, "other") == "Turkey"
                && text(l, "relation") == "demanded_of"
                && l["events"] == 2)
    );
    let dot = kb.stdout(&["relations", "--actor", "Kim Jong Un", "--format", "dot"]);
    assert!(dot.starts_with("digraph dipkb {"), "{dot}");
    assert!(dot.trim_end().ends_with('}'));
    assert_eq!(dot.matches(" -> ").count(), links.len());
    assert!(dot.contains("label=\"Moon Jae-in\""));
    // Dates narrow the graph.
    kb.dipkb()
        .args([
            "relations",
            "--actor",
            "Kim Jong Un",
            "--until",
            "2017-12-31",
        ])
        .assert()
        .code(1);
}

#[test]
fn actor_profile_has_codes_aliases_roles_and_events() {
    let kb = Kb::with_samples();
    let profile = kb.json(&["actor", "Putin"]);
    assert_eq!(profile["actor"]["name"], "Vladimir Putin");
    assert_eq!(profile["actor"]["kind"], "person");
    assert!(
        rows(&profile["roles"])
            .iter()
            .any(|r| text(r, "title") == "President" && text(r, "affiliation") == "Russia"),
        "{profile}"
    );
    assert!(!rows(&profile["recent events"]).is_empty());
    let russia = kb.json(&["actor", "Moscow"]);
    assert_eq!(russia["actor"]["name"], "Russia");
    assert_eq!(russia["actor"]["iso3"], "RUS");
    assert_eq!(russia["actor"]["cameo_code"], "RUS");
    assert_eq!(russia["actor"]["wikidata_qid"], "Q159");
    assert!(
        rows(&russia["members"])
            .iter()
            .any(|m| text(m, "person") == "Vladimir Putin")
    );
    let nato = kb.json(&["actor", "NATO"]);
    assert_eq!(nato["actor"]["cameo_code"], "IGOWSTNAT");
    let table = kb.stdout(&["actor", "Putin"]);
    for section in ["actor", "aliases", "roles", "relations", "recent events"] {
        assert!(table.lines().any(|l| l == section), "{section} in {table}");
    }
}

#[test]
fn a_meeting_record_shows_participants_and_the_words_of_each_source() {
    let kb = Kb::with_samples();
    let id = meeting_id(&kb, "place = 'Geneva' AND date = '2021-06-16'");
    let record = kb.json(&["meeting", &id.to_string()]);
    assert_eq!(record["meeting"]["status"], "held");
    assert_eq!(record["meeting"]["sources"], 2);
    assert_eq!(record["meeting"]["plover_category"], "CONSULT");
    assert!(
        record["meeting"]["cameo_code"]
            .as_str()
            .unwrap()
            .starts_with("04")
    );
    let participants: Vec<&str> = rows(&record["participants"])
        .iter()
        .map(|p| text(p, "name"))
        .collect();
    assert!(participants.contains(&"Joe Biden"), "{participants:?}");
    assert!(participants.contains(&"Vladimir Putin"), "{participants:?}");
    // What was said there, by the people who were there, that day.
    let said = rows(&record["statements"]);
    assert!(
        said.iter()
            .any(|s| text(s, "speaker") == "Vladimir Putin" && text(s, "date") == "2021-06-16"),
        "{said:?}"
    );
    let sources = rows(&record["sources"]);
    let articles: std::collections::BTreeSet<i64> = sources
        .iter()
        .map(|s| s["article_id"].as_i64().unwrap())
        .collect();
    assert_eq!(articles.len(), 2);
    let conn = kb.conn();
    for source in sources {
        let body: String = conn
            .query_row(
                "SELECT body FROM articles WHERE id = ?1",
                [source["article_id"].as_i64().unwrap()],
                |row| row.get(0),
            )
            .unwrap();
        let words = text(source, "text");
        assert!(!words.is_empty() && body.contains(words), "{words:?}");
    }
    kb.dipkb().args(["meeting", "99999"]).assert().code(1);
}

#[test]
fn statement_and_demand_records_carry_codes_and_sources() {
    let kb = Kb::with_samples();
    let statement = kb.query_one("SELECT min(id) FROM statements");
    let record = kb.json(&["statement", &statement.to_string()]);
    assert!(
        record["statement"]["cameo_code"]
            .as_str()
            .unwrap()
            .starts_with("01")
    );
    assert!(!rows(&record["sources"]).is_empty());
    let demand = kb.query_one("SELECT id FROM demands WHERE text LIKE 'withdraw its troops%'");
    let record = kb.json(&["demand", &demand.to_string()]);
    assert_eq!(record["demand"]["by_actor"], "Sergiy Kyslytsya");
    assert_eq!(record["demand"]["cameo_code"], "1056");
    assert_eq!(record["demand"]["plover_category"], "REQUEST");
    kb.dipkb().args(["demand", "99999"]).assert().code(1);
}

#[test]
fn search_marks_the_matching_words() {
    let kb = Kb::with_samples();
    let hits = kb.json(&["search", "exports"]);
    let hits = rows(&hits);
    assert!(hits.iter().any(|h| text(h, "kind") == "statement"));
    assert!(hits.iter().any(|h| text(h, "kind") == "article"));
    assert!(
        hits.iter()
            .all(|h| text(h, "snippet").to_lowercase().contains("[exports]"))
    );
    // Statements come before articles.
    let kinds: Vec<&str> = hits.iter().map(|h| text(h, "kind")).collect();
    let first_article = kinds.iter().position(|k| *k == "article").unwrap();
    assert!(kinds[first_article..].iter().all(|k| *k == "article"));
    let only = kb.json(&["search", "exports", "--in", "articles", "--limit", "1"]);
    assert_eq!(rows(&only).len(), 1);
    // Punctuation is not search syntax.
    kb.stdout(&["search", "U.S.-China (talks"]);
    kb.dipkb().args(["search", "zzyzx"]).assert().code(1);
}

#[test]
fn export_writes_every_table_and_view() {
    let kb = Kb::with_samples();
    let out = kb.dir.path().join("out");
    kb.dipkb()
        .args(["export", "--format", "csv", "--out"])
        .arg(&out)
        .assert()
        .success();
    for (table, file) in [
        ("meetings", "meetings.csv"),
        ("actors", "actors.csv"),
        ("evidence_spans", "evidence_spans.csv"),
        ("timeline", "timeline.csv"),
        ("relationships", "relationships.csv"),
    ] {
        let mut reader = csv::Reader::from_path(out.join(file)).unwrap();
        assert_eq!(reader.records().count() as i64, kb.count(table), "{file}");
    }
    let jsonl = kb.dir.path().join("jsonl");
    kb.dipkb()
        .args(["export", "--out"])
        .arg(&jsonl)
        .assert()
        .success();
    let lines = std::fs::read_to_string(jsonl.join("statements.jsonl")).unwrap();
    assert_eq!(lines.lines().count() as i64, kb.count("statements"));
    for line in lines.lines() {
        let row: Value = serde_json::from_str(line).unwrap();
        assert!(row["text"].is_string());
    }
    let names: Vec<String> = std::fs::read_dir(&jsonl)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| !n.contains("_fts") && !n.ends_with(".partial")),
        "{names:?}"
    );
}

#[test]
fn curations_are_applied_again_after_reprocessing() {
    let kb = Kb::with_samples();
    kb.dipkb()
        .args(["actor", "alias", "Vladimir Putin", "VVP"])
        .assert()
        .success();
    kb.dipkb()
        .args(["actor", "rename", "Joe Biden", "Joseph R. Biden"])
        .assert()
        .success();
    let before = kb.stdout(&["timeline", "--actor", "VVP", "--format", "csv"]);
    kb.dipkb()
        .args(["ingest", "--reprocess"])
        .assert()
        .success();
    let after = kb.stdout(&["timeline", "--actor", "VVP", "--format", "csv"]);
    assert_eq!(before, after);
    assert!(after.contains("Joseph R. Biden"), "{after}");
    kb.dipkb()
        .args(["actor", "merge", "Russia", "NATO"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("different kinds"));
    kb.dipkb()
        .args(["actor", "alias", "Nobody Known", "X"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no actor is called"));
}

/// The full-text indexes are brought up to date at each commit (schema V3 queues changes):
/// after ingesting, re-extracting, curating, and ingesting more, they hold exactly the words
/// of the rows, and every search finds what a scan of the text finds.
#[test]
fn full_text_indexes_stay_in_step_with_the_text() {
    let kb = Kb::with_samples();
    kb.stdout(&["ingest", "--reprocess"]);
    kb.stdout(&["actor", "rename", "Jens Stoltenberg", "J. Stoltenberg"]);
    kb.stdout(&["actor", "alias", "Russia", "the Russian side"]);
    kb.write("more.txt", "---\ntitle: More talks\npublished: 2022-02-01\n---\nNATO Secretary General Jens Stoltenberg said: \"We are ready for ceasefire talks in Brussels.\"\n");
    kb.stdout(&["ingest", "more.txt"]);
    let conn = kb.conn();
    conn.execute_batch(
        "INSERT INTO statements_fts (statements_fts, rank) VALUES ('integrity-check', 1); \
         INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1);",
    )
    .expect("full-text indexes agree with the text");
    assert_eq!(kb.count("fts_pending"), 0);
    for word in ["ceasefire", "sanctions", "Geneva", "ransomware", "ready"] {
        let by_index = kb.query_one(&format!(
            "SELECT count(*) FROM statements_fts WHERE statements_fts MATCH '{word}'"
        ));
        let by_scan = kb.query_one(&format!(
            "SELECT count(*) FROM statements WHERE text LIKE '%{word}%'"
        ));
        assert_eq!(by_index, by_scan, "statements with {word:?}");
        let by_index = kb.query_one(&format!(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '{word}'"
        ));
        let by_scan = kb.query_one(&format!(
            "SELECT count(*) FROM articles WHERE title LIKE '%{word}%' OR body LIKE '%{word}%'"
        ));
        assert_eq!(by_index, by_scan, "articles with {word:?}");
    }
    assert!(
        kb.stdout(&["search", "ready ceasefire"])
            .contains("[ready]")
    );
}

/// Everything a user can see, without the ids that depend on insertion order.
fn content(kb: &Kb) -> Vec<String> {
    let queries = [
        "SELECT date, date_precision, end_date, status, kind, mode, scope, label, place, \
         participants, implied_participants, outcome, cameo_code, plover_mode, sources FROM meeting_list",
        "SELECT date, speaker, party, kind, text, verb, cameo_code, sources FROM statement_list",
        "SELECT date, by_actor, by_party, of_actor, of_party, text, answer, answered_by, \
         cameo_code, answer_cameo_code, sources FROM demand_list",
        "SELECT kind, name, iso3, wikidata_qid, cameo_code, aliases, latest_role, meetings, \
         statements, demands_made, demands_received FROM actor_list",
        "SELECT actor, other, relation, events, first_date, last_date FROM relationships",
    ];
    let conn = kb.conn();
    let mut out = Vec::new();
    for sql in queries {
        let mut statement = conn.prepare(sql).unwrap();
        let width = statement.column_count();
        let mut lines: Vec<String> = statement
            .query_map([], |row| {
                let mut cells = Vec::new();
                for i in 0..width {
                    let value: rusqlite::types::Value = row.get(i)?;
                    cells.push(format!("{value:?}"));
                }
                Ok(cells.join("|"))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        lines.sort();
        out.extend(lines);
    }
    out
}

#[test]
fn articles_ingested_in_any_order_or_twice_give_the_same_knowledge_base() {
    let articles: Vec<_> = sample_articles()
        .into_iter()
        .map(|(text, _)| text)
        .collect();
    let forward = Kb::new();
    forward
        .dipkb()
        .arg("ingest")
        .args(&articles)
        .assert()
        .success();
    let backward = Kb::new();
    backward
        .dipkb()
        .arg("ingest")
        .args(articles.iter().rev())
        .assert()
        .success();
    let expected = content(&forward);
    assert!(expected.len() > 100);
    assert_eq!(expected, content(&backward));
    // Twice is once.
    forward
        .dipkb()
        .arg("ingest")
        .args(&articles)
        .assert()
        .success();
    assert_eq!(expected, content(&forward));
    // Re-extracting everything changes nothing either.
    forward
        .dipkb()
        .args(["ingest", "--reprocess"])
        .assert()
        .success();
    assert_eq!(expected, content(&forward));
}

/// `timeline` and `relations` find an actor's events through the indexes instead of through
/// the views; for every actor of the samples they return what the views say.
#[test]
fn indexed_actor_queries_agree_with_the_views() {
    use dipkb::query::{self, RelationsFilter, TimelineFilter};
    let kb = Kb::with_samples();
    let conn = dipkb::kb::open_read_only(&kb.db()).expect("open");
    let names: Vec<String> = {
        let mut statement = conn.prepare("SELECT name FROM actors ORDER BY id").unwrap();
        statement
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert!(names.len() > 50, "{} actors", names.len());
    let strings = |rows: &dipkb::render::Rows| -> Vec<String> {
        rows.rows.iter().map(|row| format!("{row:?}")).collect()
    };
    let mut linked = 0;
    for name in &names {
        let Ok(set) = query::actor_set(&conn, name, false) else {
            continue; // a name shared by several actors as an alias
        };
        let ids = format!(
            "({})",
            set.ids
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(",")
        );
        // Relations: the view, filtered as its documentation says.
        let expected: Vec<String> = {
            let sql = format!(
                "SELECT actor, other, relation, count(*), min(date), max(date), actor_id, other_id \
                 FROM relationship_events WHERE CASE WHEN relation = 'met' OR relation LIKE 'meeting\\_%' ESCAPE '\\' \
                 THEN actor_id IN {ids} ELSE actor_id IN {ids} OR other_id IN {ids} END \
                 GROUP BY actor_id, other_id, relation ORDER BY actor, other, relation, actor_id, other_id"
            );
            let mut statement = conn.prepare(&sql).unwrap();
            let count = statement.column_count();
            statement
                .query_map([], |row| {
                    (0..count)
                        .map(|i| dipkb::query::value_of(row.get_ref(i)?))
                        .collect::<Result<Vec<_>, _>>()
                })
                .unwrap()
                .map(|row| format!("{:?}", row.unwrap()))
                .collect()
        };
        let filter = RelationsFilter {
            actor: Some(set.clone()),
            ..RelationsFilter::default()
        };
        let got = strings(&query::relations(&conn, &filter).unwrap());
        assert_eq!(got, expected, "relations --actor {name:?}");
        linked += usize::from(!got.is_empty());
        // Timeline: every event one of whose actor columns holds one of the ids.
        let expected: Vec<(String, i64)> = {
            let sql = format!(
                "SELECT 'meeting', meeting_id FROM meeting_participants WHERE actor_id IN {ids} \
                 UNION SELECT 'statement', id FROM statements WHERE speaker_id IN {ids} OR speaker_party_id IN {ids} \
                 UNION SELECT 'demand', id FROM demands WHERE by_actor_id IN {ids} OR by_party_id IN {ids} \
                 OR of_actor_id IN {ids} OR of_party_id IN {ids} OR answered_by_id IN {ids} ORDER BY 1, 2"
            );
            let mut statement = conn.prepare(&sql).unwrap();
            statement
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap()
        };
        let filter = TimelineFilter {
            actors: vec![set.clone()],
            ..TimelineFilter::default()
        };
        let rows = query::timeline(&conn, &filter).unwrap();
        let mut got: Vec<(String, i64)> = rows
            .rows
            .iter()
            .map(|row| match (&row[2], &row[3]) {
                (dipkb::render::Value::Text(event), dipkb::render::Value::Int(id)) => {
                    (event.clone(), *id)
                }
                other => panic!("unexpected timeline row {other:?}"),
            })
            .collect();
        got.sort();
        assert_eq!(got, expected, "timeline --actor {name:?}");
        // `--last N` gives the last N events of the same timeline, with any filter.
        let year = dipkb::query::DateRange {
            since: chrono::NaiveDate::from_ymd_opt(2021, 1, 1),
            until: chrono::NaiveDate::from_ymd_opt(2022, 12, 31),
        };
        for filter in [
            TimelineFilter {
                actors: vec![set.clone()],
                ..TimelineFilter::default()
            },
            TimelineFilter {
                actors: vec![set.clone()],
                dates: year,
                kind: Some(dipkb::query::EventKind::Statement),
                ..TimelineFilter::default()
            },
            TimelineFilter {
                actors: vec![set.clone()],
                with: query::actor_set(&conn, "Russia", false).ok(),
                ..TimelineFilter::default()
            },
        ] {
            let all = strings(&query::timeline(&conn, &filter).unwrap());
            let last = strings(
                &query::timeline(
                    &conn,
                    &TimelineFilter {
                        last: Some(4),
                        ..filter.clone()
                    },
                )
                .unwrap(),
            );
            assert_eq!(
                last,
                all[all.len().saturating_sub(4)..],
                "--last 4 for {name:?}"
            );
        }
        // A profile's recent events are the last ten of the actor's own timeline.
        if let Ok(id) = query::one_actor(&conn, name) {
            let own = query::ActorSet {
                name: name.clone(),
                ids: [id].into(),
            };
            let all = query::timeline(
                &conn,
                &TimelineFilter {
                    actors: vec![own],
                    ..TimelineFilter::default()
                },
            )
            .unwrap();
            let last: Vec<String> = all.rows[all.rows.len().saturating_sub(10)..]
                .iter()
                .map(|row| format!("{row:?}"))
                .collect();
            let profile = query::actor_profile(&conn, id, 10).unwrap();
            let recent = profile
                .sections
                .iter()
                .find_map(|(title, section)| match section {
                    dipkb::render::Section::Table(rows) if title == "recent events" => {
                        Some(strings(rows))
                    }
                    _ => None,
                })
                .expect("recent events");
            assert_eq!(recent, last, "profile of {name:?}");
        }
    }
    assert!(linked > 20, "only {linked} actors have relations");
}
