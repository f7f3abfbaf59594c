//! The store's tests: articles, facts and curations written through [`Store`] and read back.

use super::*;
use crate::extract::{
    Actor, ActorKind, ActorRef, Answer, AnswerKind, Aspect, Demand, Evidence, Meeting, MeetingMode,
    MeetingRef, MeetingStatus, Participant, Place, PlaceKind, Role, Span, Statement, StatementKind,
    When,
};
use crate::text::PartialDate;

const BODY: &str = "NATO allies and Russia met in Brussels on Wednesday. \
    “We can discuss many issues,” said Jens Stoltenberg. \
    Russia demands the withdrawal of NATO forces; the West rejected that.";

/// The character span of `needle` in `BODY`.
fn span_of(needle: &str) -> Span {
    let byte = BODY.find(needle).unwrap();
    let start = BODY[..byte].chars().count();
    Span {
        start,
        end: start + needle.chars().count(),
    }
}

fn evidence(needle: &str) -> Vec<Evidence> {
    vec![Evidence {
        aspect: Aspect::Fact,
        span: span_of(needle),
    }]
}

fn article(body: &str) -> Article {
    Article {
        title: "Talks".into(),
        published: NaiveDate::from_ymd_opt(2022, 1, 12),
        source: None,
        url: None,
        body: body.into(),
        origin: "test".into(),
        warnings: vec![],
    }
}

fn extraction() -> Extraction {
    let mut russia = Actor::new(ActorKind::State, "Russia");
    russia.iso3 = Some("RUS".into());
    russia.aliases.push("Moscow".into());
    let nato = Actor::new(ActorKind::Organisation, "NATO");
    let mut stoltenberg = Actor::new(ActorKind::Person, "Jens Stoltenberg");
    stoltenberg.roles.push(Role {
        title: Some("Secretary General".into()),
        affiliation: Some(ActorRef(1)),
        span: span_of("Jens Stoltenberg"),
    });
    let day = PartialDate::parse_iso("2022-01-12");
    Extraction {
        actors: vec![russia, nato, stoltenberg],
        meetings: vec![Meeting {
            label: Some("NATO-Russia Council".into()),
            kind: "session".into(),
            mode: MeetingMode::InPerson,
            status: MeetingStatus::Held,
            when: When {
                date: day,
                end: None,
                phrase: Some("on Wednesday".into()),
            },
            place: Some(Place {
                name: "Brussels".into(),
                kind: PlaceKind::City,
                country_iso3: Some("BEL".into()),
            }),
            participants: vec![
                Participant {
                    actor: ActorRef(0),
                    role: "participant".into(),
                    implied: false,
                },
                Participant {
                    actor: ActorRef(1),
                    role: "participant".into(),
                    implied: true,
                },
                Participant {
                    actor: ActorRef(1),
                    role: "participant".into(),
                    implied: false,
                },
            ],
            outcome: None,
            evidence: evidence("NATO allies and Russia met in Brussels on Wednesday."),
        }],
        statements: vec![Statement {
            event: None,
            speaker: Some(ActorRef(2)),
            speaker_party: Some(ActorRef(1)),
            kind: StatementKind::Direct,
            text: "We can discuss many issues,".into(),
            verb: Some("said".into()),
            when: When {
                date: day,
                ..When::default()
            },
            meeting: Some(MeetingRef(0)),
            evidence: evidence("We can discuss many issues,"),
        }],
        demands: vec![Demand {
            event: None,
            by: Some(ActorRef(0)),
            by_party: None,
            of: Some(ActorRef(1)),
            of_party: None,
            text: "the withdrawal of NATO forces".into(),
            cue: Some("demands".into()),
            answer: Some(Answer {
                event: None,
                kind: AnswerKind::Rejected,
                by: Some(ActorRef(1)),
                date: day,
            }),
            when: When::default(),
            meeting: None,
            evidence: evidence("Russia demands the withdrawal of NATO forces"),
        }],
        diagnostics: vec![],
    }
}

fn count(store: &Store, table: &str) -> i64 {
    store
        .connection()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
            row.get(0)
        })
        .unwrap()
}

fn open() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("kb.sqlite")).unwrap();
    (dir, store)
}

#[test]
fn facts_are_stored_with_spans_that_sql_tools_can_read() {
    let (_dir, mut store) = open();
    let (id, counts) = store.add_article(&article(BODY), &extraction()).unwrap();
    assert_eq!(
        counts,
        FactCounts {
            meetings: 1,
            statements: 1,
            demands: 1
        }
    );
    let conn = store.connection();
    let quote: String = conn
        .query_row(
            "SELECT substr(a.body, e.span_start + 1, e.span_end - e.span_start) \
             FROM evidence_spans AS e JOIN articles AS a ON a.id = e.article_id \
             WHERE e.statement_report_id IS NOT NULL AND a.id = ?1",
            [id],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(quote, "We can discuss many issues,");
    // NATO was listed implied and named: named wins.
    let implied: i64 = conn
        .query_row("SELECT sum(implied) FROM meeting_participants", [], |row| {
            row.get(0)
        })
        .unwrap();
    assert_eq!(implied, 0);
    let timeline: Vec<(String, String, String)> = conn
        .prepare("SELECT event, summary, ifnull(actors, '') FROM timeline")
        .unwrap()
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        timeline[0],
        (
            "meeting".into(),
            "NATO-Russia Council".into(),
            "NATO; Russia".into()
        )
    );
    let rejected: i64 = conn
        .query_row(
            "SELECT events FROM relationships WHERE actor = 'NATO' AND other = 'Russia' \
             AND relation = 'rejected_demand_of'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(rejected, 1);
    let role: (String, String, String) = conn
        .query_row(
            "SELECT r.title, a.name, r.first_seen FROM person_roles AS r \
             JOIN actors AS a ON a.id = r.affiliation_id",
            [],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        role,
        (
            "Secretary General".into(),
            "NATO".into(),
            "2022-01-12".into()
        )
    );
    let hits: i64 = conn
        .query_row(
            "SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'discuss'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(hits, 1);
}

#[test]
fn actors_resolve_across_articles_by_code_name_and_alias() {
    let (_dir, mut store) = open();
    store.add_article(&article(BODY), &extraction()).unwrap();
    let mut moscow = Actor::new(ActorKind::State, "Moscow");
    moscow.aliases.push("the Kremlin".into());
    let other = Extraction {
        actors: vec![moscow, Actor::new(ActorKind::Organisation, "NATO")],
        ..Extraction::default()
    };
    store
        .add_article(&article("Moscow and NATO talked."), &other)
        .unwrap();
    assert_eq!(count(&store, "actors"), 3);
    let aliases: i64 = store
        .connection()
        .query_row(
            "SELECT count(*) FROM actor_aliases JOIN actors ON actors.id = actor_id \
             WHERE actors.name = 'Russia'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(aliases, 3, "Russia, Moscow, the Kremlin");
}

#[test]
fn replacing_facts_is_idempotent_and_keeps_the_article() {
    let (_dir, mut store) = open();
    let (id, _) = store.add_article(&article(BODY), &extraction()).unwrap();
    let tables = [
        "articles",
        "meetings",
        "meeting_participants",
        "statements",
        "demands",
        "evidence_spans",
        "person_roles",
        "actors",
    ];
    let before: Vec<i64> = tables.iter().map(|t| count(&store, t)).collect();
    store.replace_facts(id, &extraction()).unwrap();
    store.replace_facts(id, &extraction()).unwrap();
    let after: Vec<i64> = tables.iter().map(|t| count(&store, t)).collect();
    assert_eq!(before, after);
    store.replace_facts(id, &Extraction::default()).unwrap();
    for table in [
        "meetings",
        "statements",
        "demands",
        "evidence_spans",
        "person_roles",
    ] {
        assert_eq!(count(&store, table), 0, "{table}");
    }
    assert_eq!(count(&store, "articles"), 1);
}

#[test]
fn a_bad_span_stores_nothing_of_the_article() {
    let (_dir, mut store) = open();
    let mut bad = extraction();
    bad.statements[0].evidence[0].span = Span {
        start: 0,
        end: BODY.chars().count() + 1,
    };
    let err = store.add_article(&article(BODY), &bad).unwrap_err();
    assert!(matches!(err, KbError::SpanOutOfBody { .. }), "{err}");
    for table in ["articles", "meetings", "actors", "evidence_spans"] {
        assert_eq!(count(&store, table), 0, "{table}");
    }
}

/// An article published on `published` whose body is `body`.
fn dated(body: &str, published: &str) -> Article {
    Article {
        published: NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
        ..article(body)
    }
}

fn whole(body: &str) -> Vec<Evidence> {
    vec![Evidence {
        aspect: Aspect::Fact,
        span: Span {
            start: 0,
            end: body.chars().count(),
        },
    }]
}

fn state(name: &str, iso3: &str) -> Actor {
    let mut actor = Actor::new(ActorKind::State, name);
    actor.iso3 = Some(iso3.into());
    actor
}

/// One meeting of `actors` (all named) on `date` in `place`.
fn meeting_of(
    body: &str,
    actors: Vec<Actor>,
    date: &str,
    place: Option<&str>,
    status: MeetingStatus,
) -> Extraction {
    let participants = (0..actors.len())
        .map(|i| Participant {
            actor: ActorRef(i),
            role: "participant".into(),
            implied: false,
        })
        .collect();
    Extraction {
        actors,
        meetings: vec![Meeting {
            label: None,
            kind: "meeting".into(),
            mode: MeetingMode::Unknown,
            status,
            when: When {
                date: PartialDate::parse_iso(date),
                end: None,
                phrase: None,
            },
            place: place.map(|name| Place {
                name: name.into(),
                kind: PlaceKind::City,
                country_iso3: None,
            }),
            participants,
            outcome: None,
            evidence: whole(body),
        }],
        ..Extraction::default()
    }
}

fn rows(store: &Store, sql: &str) -> Vec<String> {
    let mut statement = store.connection().prepare(sql).unwrap();
    let columns = statement.column_count();
    statement
        .query_map([], |row| {
            let mut cells = Vec::new();
            for i in 0..columns {
                let value: rusqlite::types::Value = row.get(i)?;
                cells.push(match value {
                    rusqlite::types::Value::Null => "-".to_string(),
                    rusqlite::types::Value::Integer(n) => n.to_string(),
                    rusqlite::types::Value::Text(t) => t,
                    other => format!("{other:?}"),
                });
            }
            Ok(cells.join(" | "))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn a_meeting_announced_then_reported_held_is_one_held_meeting_in_either_order() {
    let announced = "The council will meet in Vienna on Thursday.";
    let held = "The council met in Vienna on Thursday.";
    let inputs = [
        (
            dated(announced, "2022-01-10"),
            meeting_of(
                announced,
                vec![state("Russia", "RUS"), state("Austria", "AUT")],
                "2022-01-13",
                Some("Vienna"),
                MeetingStatus::Planned,
            ),
        ),
        (
            dated(held, "2022-01-14"),
            meeting_of(
                held,
                vec![state("Russia", "RUS")],
                "2022-01-13",
                None,
                MeetingStatus::Held,
            ),
        ),
    ];
    let mut results = Vec::new();
    for order in [[0, 1], [1, 0]] {
        let (_dir, mut store) = open();
        for i in order {
            store.add_article(&inputs[i].0, &inputs[i].1).unwrap();
        }
        assert_eq!(count(&store, "meetings"), 1);
        assert_eq!(count(&store, "meeting_reports"), 2);
        results.push(rows(
            &store,
            "SELECT date, status, place, participants, sources, cameo_code FROM meeting_list",
        ));
    }
    assert_eq!(
        results[0],
        ["2022-01-13 | held | Vienna | Austria; Russia | 2 | 040"]
    );
    assert_eq!(results[0], results[1]);
}

#[test]
fn two_meetings_of_one_day_in_one_city_stay_two() {
    let council = "NATO and Russia met in Brussels.";
    let quint = "Sherman met her French and German counterparts in Brussels.";
    let (_dir, mut store) = open();
    store
        .add_article(
            &dated(council, "2022-01-12"),
            &meeting_of(
                council,
                vec![
                    Actor::new(ActorKind::Organisation, "NATO"),
                    state("Russia", "RUS"),
                ],
                "2022-01-12",
                Some("Brussels"),
                MeetingStatus::Held,
            ),
        )
        .unwrap();
    store
        .add_article(
            &dated(quint, "2022-01-12"),
            &meeting_of(
                quint,
                vec![
                    state("United States", "USA"),
                    state("France", "FRA"),
                    state("Germany", "DEU"),
                ],
                "2022-01-12",
                Some("Brussels"),
                MeetingStatus::Held,
            ),
        )
        .unwrap();
    assert_eq!(count(&store, "meetings"), 2);
}

#[test]
fn a_quote_two_articles_report_is_one_statement_with_two_sources() {
    let bodies = [
        "“There is a real risk,” Stoltenberg said.",
        "\"There is a real risk\", said NATO's Jens Stoltenberg.",
    ];
    let (_dir, mut store) = open();
    for (body, speaker) in bodies.iter().zip(["Stoltenberg", "Jens Stoltenberg"]) {
        let extraction = Extraction {
            actors: vec![Actor::new(ActorKind::Person, speaker)],
            statements: vec![Statement {
                speaker: Some(ActorRef(0)),
                speaker_party: None,
                kind: StatementKind::Direct,
                text: body.chars().skip(1).take(20).collect(),
                verb: Some("said".into()),
                when: When::default(),
                meeting: None,
                evidence: whole(body),
                event: None,
            }],
            ..Extraction::default()
        };
        store
            .add_article(&dated(body, "2022-01-12"), &extraction)
            .unwrap();
    }
    assert_eq!(
        rows(&store, "SELECT speaker, text, sources FROM statement_list"),
        ["Jens Stoltenberg | There is a real risk | 2"]
    );
    // "Stoltenberg" alone was absorbed by the full name.
    assert_eq!(
        rows(&store, "SELECT name FROM actors WHERE kind = 'person'"),
        ["Jens Stoltenberg"]
    );
}

#[test]
fn a_surname_shared_by_two_known_persons_is_given_to_neither() {
    let (_dir, mut store) = open();
    for (i, name) in ["Joe Biden", "Hunter Biden", "Biden"].iter().enumerate() {
        let body = format!("Article {i} about {name}.");
        let extraction = Extraction {
            actors: vec![Actor::new(ActorKind::Person, *name)],
            ..Extraction::default()
        };
        store.add_article(&article(&body), &extraction).unwrap();
    }
    assert_eq!(count(&store, "actors"), 3);
}

#[test]
fn curations_are_kept_and_survive_reextraction() {
    let body = "Sergei Lavrov, or Sergey Lavrov as others spell him, talked.";
    let extraction = meeting_of(
        body,
        vec![
            Actor::new(ActorKind::Person, "Sergei Lavrov"),
            Actor::new(ActorKind::Person, "Sergey Lavrov"),
        ],
        "2022-01-10",
        None,
        MeetingStatus::Held,
    );
    let (_dir, mut store) = open();
    let (id, _) = store.add_article(&article(body), &extraction).unwrap();
    assert_eq!(count(&store, "actors"), 2);
    store
        .curate(&Curation::Merge {
            actor: "Sergey Lavrov".into(),
            other: "Sergei Lavrov".into(),
        })
        .unwrap();
    store
        .curate(&Curation::Rename {
            actor: "Sergey Lavrov".into(),
            name: "Sergey V. Lavrov".into(),
        })
        .unwrap();
    store.replace_facts(id, &extraction).unwrap();
    assert_eq!(
        rows(&store, "SELECT name, name_origin FROM actors"),
        ["Sergey V. Lavrov | user"]
    );
    assert_eq!(
        rows(&store, "SELECT participants FROM meeting_list"),
        ["Sergey V. Lavrov"]
    );
    let err = store
        .curate(&Curation::Alias {
            actor: "Nobody".into(),
            alias: "X".into(),
        })
        .unwrap_err();
    assert!(matches!(err, CurationError::Unknown(_)), "{err}");
    assert_eq!(count(&store, "actor_curations"), 2);
}

/// Issue #14, item 12: naming an actor never makes two known actors one; `merge` does.
#[test]
fn an_alias_or_a_new_name_of_another_known_actor_is_refused() {
    let body = "Sergei Lavrov met Sergey Lavrov, NATO and the Alliance.";
    let mut nato = Actor::new(ActorKind::Organisation, "NATO");
    nato.wikidata_qid = Some("Q7184".into());
    let extraction = meeting_of(
        body,
        vec![
            Actor::new(ActorKind::Person, "Sergei Lavrov"),
            Actor::new(ActorKind::Person, "Sergey Lavrov"),
            nato,
            Actor::new(ActorKind::Organisation, "the Alliance"),
        ],
        "2022-01-10",
        None,
        MeetingStatus::Held,
    );
    let (_dir, mut store) = open();
    store.add_article(&article(body), &extraction).unwrap();
    assert_eq!(count(&store, "actors"), 4);
    for curation in [
        Curation::Alias {
            actor: "Sergei Lavrov".into(),
            alias: "sergey  lavrov".into(),
        },
        Curation::Rename {
            actor: "Sergei Lavrov".into(),
            name: "Sergey Lavrov".into(),
        },
        Curation::Alias {
            actor: "the Alliance".into(),
            alias: "NATO".into(),
        },
    ] {
        let err = store.curate(&curation).unwrap_err();
        assert!(
            matches!(err, CurationError::NamesAnother { .. }),
            "{curation:?}: {err}"
        );
        assert!(err.to_string().contains("dipkb actor merge"), "{err}");
    }
    assert_eq!(count(&store, "actors"), 4);
    assert_eq!(count(&store, "actor_curations"), 0);
    // An organisation only articles named is taken in by an alias, as before.
    store
        .curate(&Curation::Alias {
            actor: "NATO".into(),
            alias: "the Alliance".into(),
        })
        .unwrap();
    // Two known persons become one only when a user says so with merge.
    store
        .curate(&Curation::Merge {
            actor: "Sergei Lavrov".into(),
            other: "Sergey Lavrov".into(),
        })
        .unwrap();
    assert_eq!(
        rows(&store, "SELECT kind, name FROM actors ORDER BY id"),
        ["person | Sergei Lavrov", "organisation | NATO"]
    );
}

/// Issue #14, item 12: empty and overlong names are refused, and nothing is recorded.
#[test]
fn empty_or_overlong_names_are_refused() {
    let body = "Sergei Lavrov met NATO.";
    let extraction = meeting_of(
        body,
        vec![
            Actor::new(ActorKind::Person, "Sergei Lavrov"),
            Actor::new(ActorKind::Organisation, "NATO"),
        ],
        "2022-01-10",
        None,
        MeetingStatus::Held,
    );
    let (_dir, mut store) = open();
    store.add_article(&article(body), &extraction).unwrap();
    let long = "x".repeat(crate::kb::LONGEST_NAME + 1);
    for (curation, expected) in [
        (
            Curation::Alias {
                actor: "Sergei Lavrov".into(),
                alias: String::new(),
            },
            "the alias is empty",
        ),
        (
            Curation::Alias {
                actor: "Sergei Lavrov".into(),
                alias: " . ".into(),
            },
            "the alias is empty",
        ),
        (
            Curation::Rename {
                actor: "Sergei Lavrov".into(),
                name: "  ".into(),
            },
            "the new name is empty",
        ),
        (
            Curation::Merge {
                actor: String::new(),
                other: "NATO".into(),
            },
            "the actor's name is empty",
        ),
        (
            Curation::Alias {
                actor: "Sergei Lavrov".into(),
                alias: long,
            },
            "the alias has 201 characters",
        ),
    ] {
        let err = store.curate(&curation).unwrap_err();
        assert!(err.to_string().contains(expected), "{curation:?}: {err}");
    }
    assert_eq!(count(&store, "actor_curations"), 0);
    assert_eq!(
        rows(&store, "SELECT alias FROM actor_aliases ORDER BY alias"),
        ["Lavrov", "NATO", "Sergei Lavrov"]
    );
}

/// Issue #12: a database of schema version 5 keeps its facts through migration V6, which
/// hashes the folded words of every report and drops the words a report's evidence shows.
#[test]
fn a_version_5_database_migrates_and_reads_back_the_same_facts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kb.sqlite");
    let conn = schema::database_at(&path, 5);
    let quote = BODY.find("We can").unwrap();
    let quote = BODY[..quote].chars().count();
    let (said, demanded) = (
        span_of("We can discuss many issues,"),
        span_of("Russia demands"),
    );
    assert_eq!(said.start, quote);
    conn.execute(
        "INSERT INTO articles (id, title, published, published_precision, body, \
         content_sha256, origin, extractor_version) \
         VALUES (1, 'Talks', '2022-01-12', 'day', ?1, 'h1', 'old.txt', '0.1.0')",
        [BODY],
    )
    .unwrap();
    conn.execute_batch(
        "INSERT INTO actors (id, kind, name) VALUES (1, 'person', 'Jens Stoltenberg'), \
             (2, 'state', 'Russia');
         INSERT INTO statements (id, speaker_id, kind, text, verb, date, date_precision) \
             VALUES (1, 1, 'direct', 'We can discuss many issues,', 'said', '2022-01-12', 'day'), \
             (2, 2, 'indirect', 'NATO forces must withdraw', NULL, NULL, 'unknown');
         INSERT INTO statement_reports (id, statement_id, article_id, position, speaker_id, \
             kind, text, text_key, verb, date, date_precision) \
             VALUES (1, 1, 1, 0, 1, 'direct', 'We can discuss many issues,', \
                 'we can discuss many issues', 'said', '2022-01-12', 'day'), \
             (2, 2, 1, 1, 2, 'indirect', 'NATO forces must withdraw', \
                 'nato forces must withdraw', NULL, NULL, 'unknown');
         INSERT INTO demands (id, by_actor_id, text, date, date_precision) \
             VALUES (1, 2, 'the withdrawal of NATO forces', '2022-01-12', 'day');
         INSERT INTO demand_reports (id, demand_id, article_id, position, by_actor_id, text, \
             text_key, date, date_precision) \
             VALUES (1, 1, 1, 0, 2, 'the withdrawal of NATO forces', \
                 'the withdrawal of nato forces', '2022-01-12', 'day');",
    )
    .unwrap();
    // The first report's words are its span; the second's are not the span it points to.
    for (report, span) in [(1, said), (2, demanded)] {
        conn.execute(
            "INSERT INTO evidence_spans (article_id, statement_report_id, aspect, span_start, \
             span_end) VALUES (1, ?1, 'fact', ?2, ?3)",
            params![report, span.start as i64, span.end as i64],
        )
        .unwrap();
    }
    apply_fts_pending(&conn).unwrap();
    // The views as version 5 had them: later versions may add columns.
    let views = [
        ("statement_list", "id"),
        ("demand_list", "id"),
        ("evidence", "fact, fact_id, span_start"),
    ];
    let columns_at_5: Vec<String> = views
        .iter()
        .map(|(view, _)| {
            conn.prepare(&format!("SELECT * FROM {view}"))
                .unwrap()
                .column_names()
                .collect::<Vec<_>>()
                .join(", ")
        })
        .collect();
    let read = |conn: &Connection| -> Vec<String> {
        views
            .iter()
            .zip(&columns_at_5)
            .flat_map(|((view, order), columns)| {
                let sql = format!("SELECT {columns} FROM {view} ORDER BY {order}");
                let mut statement = conn.prepare(&sql).unwrap();
                let columns = statement.column_count();
                statement
                    .query_map([], |row| {
                        (0..columns)
                            .map(|i| row.get::<_, rusqlite::types::Value>(i))
                            .collect::<Result<Vec<_>, _>>()
                            .map(|cells| format!("{cells:?}"))
                    })
                    .unwrap()
                    .collect::<Result<Vec<_>, _>>()
                    .unwrap()
            })
            .collect()
    };
    let before = read(&conn);
    assert_eq!(before.len(), 5, "{before:#?}");
    drop(conn);

    let store = Store::open(&path).unwrap();
    assert_eq!(read(store.connection()), before);
    // The report tables were made again with foreign keys off: every reference holds, and
    // the keys are on again.
    assert_eq!(
        rows(&store, "SELECT count(*) FROM pragma_foreign_key_check"),
        ["0"]
    );
    assert_eq!(rows(&store, "PRAGMA foreign_keys"), ["1"]);
    assert_eq!(
        rows(
            &store,
            "SELECT id, coalesce(text, '-') FROM statement_reports ORDER BY id"
        ),
        ["1 | -", "2 | NATO forces must withdraw"]
    );
    assert_eq!(
        rows(
            &store,
            "SELECT id, text FROM statement_report_words ORDER BY id"
        ),
        [
            "1 | We can discuss many issues,",
            "2 | NATO forces must withdraw"
        ]
    );
    // The hashes the migration computed are the ones new reports of the words get.
    let hash = |sql: &str| -> i64 {
        store
            .connection()
            .query_row(sql, [], |row| row.get(0))
            .unwrap()
    };
    use crate::kb::write::{key_hash, text_key};
    assert_eq!(
        hash("SELECT text_hash FROM statement_reports WHERE id = 1"),
        key_hash(&text_key("We can discuss many issues,"))
    );
    assert_eq!(
        hash("SELECT text_hash FROM demand_reports WHERE id = 1"),
        key_hash(&text_key("the withdrawal of NATO forces"))
    );
    assert_eq!(
        hash("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'discuss'"),
        1
    );
    // A later article quoting the same words joins the migrated statement.
    let mut store = store;
    store
        .add_article(&dated(BODY, "2022-01-13"), &extraction())
        .unwrap();
    assert_eq!(
        rows(
            &store,
            "SELECT id, sources FROM statement_list WHERE text LIKE 'We can%'"
        ),
        ["1 | 2"]
    );
}

#[test]
fn a_meeting_reported_by_many_articles_stays_one_and_apart_from_another() {
    let (_dir, mut store) = open();
    for i in 0..60 {
        let body = format!("Report {i}: Russia and NATO met in Brussels.");
        let extraction = meeting_of(
            &body,
            vec![
                state("Russia", "RUS"),
                Actor::new(ActorKind::Organisation, "NATO"),
            ],
            "2022-01-12",
            Some("Brussels"),
            MeetingStatus::Held,
        );
        store
            .add_article(&dated(&body, "2022-01-12"), &extraction)
            .unwrap();
        // Every tenth article also reports a meeting of other parties that day.
        if i % 10 == 0 {
            let body = format!("Report {i}b: France and Germany met in Brussels.");
            let extraction = meeting_of(
                &body,
                vec![state("France", "FRA"), state("Germany", "DEU")],
                "2022-01-12",
                Some("Brussels"),
                MeetingStatus::Held,
            );
            store
                .add_article(&dated(&body, "2022-01-12"), &extraction)
                .unwrap();
        }
    }
    assert_eq!(
        rows(
            &store,
            "SELECT participants, sources FROM meeting_list ORDER BY sources"
        ),
        ["France; Germany | 6", "NATO; Russia | 60"]
    );
}

/// Pages a store's transactions freed go back to the file system when it is done (schema V14:
/// new databases are made with `auto_vacuum = INCREMENTAL`), so that a database after an
/// ingest is no larger than what it holds.
#[test]
fn a_store_that_is_done_returns_its_free_pages() {
    let (dir, store) = open();
    let path = dir.path().join("kb.sqlite");
    store
        .connection()
        .execute_batch(
            "CREATE TABLE scratch (block BLOB);
             WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
             INSERT INTO scratch SELECT randomblob(4000) FROM n;
             DROP TABLE scratch;",
        )
        .unwrap();
    let pages = |conn: &Connection, pragma: &str| -> i64 {
        conn.query_row(&format!("PRAGMA {pragma}"), [], |row| row.get(0))
            .unwrap()
    };
    assert!(pages(store.connection(), "freelist_count") >= 200);
    let before = pages(store.connection(), "page_count");
    drop(store);
    let conn = Connection::open(&path).unwrap();
    assert_eq!(pages(&conn, "freelist_count"), 0);
    assert!(pages(&conn, "page_count") <= before - 200);
}
