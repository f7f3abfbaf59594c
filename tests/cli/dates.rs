//! Every meeting placed in time, and meetings combined by overlapping date bounds (issue #11):
//! a meeting reported with its day, with "a few days ago" and with no date at all is one
//! meeting whatever order the articles come in, and a meeting of the same two people weeks
//! later stays another.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::order::whole_content;
use crate::util::Kb;

/// Three reports of the Bali meeting of Saturday 9 July 2022 (with its day, "a few days ago"
/// and undated) and one of a meeting of the same two people in Bali on 1 August.
fn bali_articles(kb: &Kb) -> Vec<PathBuf> {
    let article = |name: &str, published: &str, body: &str| {
        kb.write(
            &format!("in/{name}.txt"),
            format!("---\ntitle: {name}\npublished: {published}\n---\n{body}\n"),
        )
    };
    vec![
        article(
            "exact",
            "2022-07-09",
            "Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Bali on \
             Saturday.",
        ),
        article(
            "vague",
            "2022-07-18",
            "Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Bali a \
             few days ago.",
        ),
        article(
            "undated",
            "2022-07-10",
            "Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Bali.",
        ),
        article(
            "later",
            "2022-08-02",
            "Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Bali on \
             Monday.",
        ),
    ]
}

fn ingest(db: &Path, paths: &[PathBuf]) {
    assert_cmd::Command::new(env!("CARGO_BIN_EXE_dipkb"))
        .env_remove("RUST_LOG")
        .env_remove("DIPKB_DB")
        .arg("--db")
        .arg(db)
        .arg("ingest")
        .args(paths)
        .assert()
        .success();
}

/// Each meeting as date, precision, first and last possible day, basis, status and sources.
fn meetings(db: &Path) -> Vec<String> {
    let conn = Connection::open(db).expect("open knowledge base");
    let mut select = conn
        .prepare(
            "SELECT m.date, m.date_precision, m.date_earliest, m.date_latest, m.date_basis, \
             m.status, (SELECT count(*) FROM meeting_reports AS r WHERE r.meeting_id = m.id) \
             FROM meetings AS m ORDER BY m.date_earliest",
        )
        .expect("query meetings");
    select
        .query_map([], |row| {
            Ok(format!(
                "{} {} {}..{} {} {} {}",
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
                row.get::<_, String>(4)?,
                row.get::<_, String>(5)?,
                row.get::<_, i64>(6)?,
            ))
        })
        .expect("read meetings")
        .collect::<Result<_, _>>()
        .expect("read meetings")
}

#[test]
fn a_meeting_dated_exactly_vaguely_or_not_at_all_is_one_meeting_in_any_order() {
    let kb = Kb::new();
    let paths = bali_articles(&kb);
    let folder = kb.dir.path().join("folder.sqlite");
    ingest(&folder, &[kb.dir.path().join("in")]);
    assert_eq!(
        meetings(&folder),
        [
            "2022-07-09 day 2022-07-09..2022-07-09 text held 3",
            "2022-08-01 day 2022-08-01..2022-08-01 text held 1",
        ]
    );
    let expected = whole_content(&folder);
    // One at a time, in orders that put the vague and the undated report before, between and
    // after the exact one.
    for (n, order) in [
        [0, 1, 2, 3],
        [1, 2, 3, 0],
        [3, 2, 1, 0],
        [2, 0, 3, 1],
        [1, 3, 0, 2],
    ]
    .iter()
    .enumerate()
    {
        let db = kb.dir.path().join(format!("order{n}.sqlite"));
        for &i in order {
            ingest(&db, std::slice::from_ref(&paths[i]));
        }
        assert_eq!(meetings(&db), meetings(&folder), "order {order:?}");
        assert_eq!(whole_content(&db), expected, "order {order:?}");
    }
}

#[test]
fn the_vague_and_the_undated_report_alone_are_bounded_and_combine() {
    let kb = Kb::new();
    let paths = bali_articles(&kb);
    let db = kb.db();
    ingest(&db, &paths[1..3]);
    // "A few days ago" on 18 July is 8 to 17 July; undated and held on 10 July, 1 to 10 July:
    // the meeting lies in the days both allow.
    assert_eq!(
        meetings(&db),
        ["2022-07 month 2022-07-08..2022-07-10 text held 2"]
    );
    let reports: Vec<String> = {
        let conn = Connection::open(&db).expect("open knowledge base");
        let mut select = conn
            .prepare(
                "SELECT ifnull(date_phrase, '-') || ' ' || date || ' ' || date_earliest || '..' \
                 || date_latest || ' ' || date_basis FROM meeting_reports ORDER BY date_basis",
            )
            .expect("query reports");
        select
            .query_map([], |row| row.get(0))
            .expect("read reports")
            .collect::<Result<_, _>>()
            .expect("read reports")
    };
    assert_eq!(
        reports,
        [
            "- 2022-07 2022-07-01..2022-07-10 article",
            "a few days ago 2022-07 2022-07-08..2022-07-17 text",
        ]
    );
}
