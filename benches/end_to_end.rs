//! The end-to-end benchmark: real text (`../shared/corpus/state-pr/state-pr.jsonl`, 2,013 State
//! Department releases, when it is there), a synthetic corpus of 10,000 and 100,000 articles,
//! and pathological articles (issue #14, item 2), each ingested by the real `dipkb` binary;
//! then timeline, relations, actor and search queries on the largest synthetic database.
//! Prints what BENCHMARKS.md records.
//!
//!     cargo bench --bench end_to_end
//!
//! `DIPKB_BENCH_SIZES=2000,10000` changes the synthetic sizes (empty: none);
//! `DIPKB_BENCH_REAL=path.jsonl` another real corpus; `DIPKB_BENCH_DIR` where corpora and
//! databases go (default `target/bench`, kept between runs so that a corpus is made once);
//! `DIPKB_BENCH_DB=path.sqlite` skips ingest and times the queries on that database;
//! `DIPKB_BENCH_BIN=path/to/dipkb` ingests with another build (to time two builds back to
//! back on a shared machine, where the user seconds column is steadier than the wall time).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use dipkb::query::{self, DateRange, RelationsFilter, SearchIn, TimelineFilter};
use dipkb::synth::{Rng, Synth};

const SEED: u64 = 20_220_112;
const QUERIES: usize = 200;

fn main() {
    // `cargo bench` passes `--bench`; anything else (`cargo test --benches`) only checks that
    // this builds and starts.
    if !std::env::args().any(|a| a == "--bench") {
        println!("end_to_end: run with `cargo bench --bench end_to_end`");
        return;
    }
    let sizes: Vec<usize> = std::env::var("DIPKB_BENCH_SIZES")
        .unwrap_or_else(|_| "10000,100000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let dir =
        PathBuf::from(std::env::var("DIPKB_BENCH_DIR").unwrap_or_else(|_| "target/bench".into()));
    std::fs::create_dir_all(&dir).expect("benchmark folder");
    println!("machine: {}", machine());
    if let Ok(db) = std::env::var("DIPKB_BENCH_DB") {
        queries(Path::new(&db));
        return;
    }
    println!();
    println!(
        "| articles | raw MB | ingest s | user s | articles/s | MB/s | facts/article | DB bytes per raw byte | peak RSS MB |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let real = std::env::var("DIPKB_BENCH_REAL").map_or_else(
        |_| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/state-pr/state-pr.jsonl"),
        PathBuf::from,
    );
    if real.exists() {
        let db = dir.join("real.sqlite");
        remove_database(&db);
        let label = real
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        ingest_row(&label, &real, &db);
        // Again, every article already stored.
        ingest_row(&format!("{label}, again"), &real, &db);
    } else {
        println!(
            "| (no real text at {}: skipped) | | | | | | | | |",
            real.display()
        );
    }
    let mut largest = None;
    for &n in &sizes {
        let corpus = dir.join(format!("synth-{n}.jsonl"));
        if !corpus.exists() {
            let file = std::fs::File::create(&corpus).expect("corpus file");
            let mut out = std::io::BufWriter::new(file);
            Synth::new(SEED, n)
                .write_jsonl(n, &mut out)
                .expect("write corpus");
        }
        let db = dir.join(format!("synth-{n}.sqlite"));
        remove_database(&db);
        ingest_row(&n.to_string(), &corpus, &db);
        largest = Some(db);
    }
    pathological(&dir);
    if let Some(db) = largest {
        queries(&db);
    }
}

fn remove_database(db: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
}

/// Ingests `corpus` into `db` and prints a row of the ingest table: articles in the database,
/// raw text, time, rates, facts per article, database size per byte of text, peak memory.
fn ingest_row(label: &str, corpus: &Path, db: &Path) -> f64 {
    let started = Instant::now();
    let user_before = child_user_seconds();
    let status = Command::new(dipkb_binary())
        .arg("--db")
        .arg(db)
        .arg("ingest")
        .arg(corpus)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("run dipkb ingest");
    let seconds = started.elapsed().as_secs_f64();
    let user = child_user_seconds() - user_before;
    assert!(status.success(), "ingest failed");
    let peak_mb = peak_child_rss_kb() as f64 / 1024.0;
    // Fold the write-ahead log into the file before measuring it.
    checkpoint(db);
    let conn = dipkb::kb::open_read_only(db).expect("open database");
    let (n, raw): (i64, i64) = conn
        .query_row(
            "SELECT count(*), ifnull(sum(length(CAST(body AS BLOB))), 0) FROM articles",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("raw size");
    let facts: i64 = conn
        .query_row(
            "SELECT (SELECT count(*) FROM meeting_reports) + (SELECT count(*) FROM statement_reports) \
             + (SELECT count(*) FROM demand_reports)",
            [],
            |r| r.get(0),
        )
        .expect("facts");
    let db_bytes = std::fs::metadata(db).map(|m| m.len()).unwrap_or(0);
    let raw_mb = raw as f64 / 1e6;
    println!(
        "| {label} ({n}) | {raw_mb:.1} | {seconds:.2} | {user:.2} | {:.0} | {:.2} | {:.2} | {:.2} | {peak_mb:.0} |",
        n as f64 / seconds,
        raw_mb / seconds,
        facts as f64 / n.max(1) as f64,
        db_bytes as f64 / raw.max(1) as f64,
    );
    seconds
}

/// Articles that were quadratic to store (issue #14, item 2), each into an empty database:
/// one sentence repeated 8,000 times, and 20,000 persons in one article.
fn pathological(dir: &Path) {
    println!();
    println!("| pathological article | KB | ingest s |");
    println!("|---|---:|---:|");
    let mut repeated =
        String::from("Russian Foreign Minister Sergei Lavrov met Turkish officials.");
    for _ in 0..8_000 {
        repeated.push_str(" Lavrov said the talks were useful.");
    }
    const SYLLABLES: [&str; 20] = [
        "ka", "lo", "mi", "ra", "ve", "su", "do", "ne", "ti", "bo", "ha", "ze", "pu", "ri", "ga",
        "fe", "yo", "wa", "ci", "lu",
    ];
    const FIRST: [&str; 10] = [
        "Anna", "Boris", "Carla", "David", "Elena", "Farid", "Greta", "Hugo", "Irina", "Jonas",
    ];
    let mut persons = String::new();
    for i in 0..20_000 {
        let mut surname = String::new();
        let mut n = i;
        for _ in 0..4 {
            surname.push_str(SYLLABLES[n % SYLLABLES.len()]);
            n /= SYLLABLES.len();
        }
        let surname = surname[..1].to_uppercase() + &surname[1..];
        persons.push_str(&format!(
            "{} {surname}, a diplomat, attended. ",
            FIRST[i % FIRST.len()]
        ));
    }
    for (name, body) in [
        ("one sentence 8,000 times", repeated),
        ("20,000 persons", persons),
    ] {
        let path = dir.join("pathological.txt");
        let text = format!("---\ntitle: {name}\npublished: 2022-03-10\n---\n{body}\n");
        std::fs::write(&path, &text).expect("write article");
        let db = dir.join("pathological.sqlite");
        remove_database(&db);
        let started = Instant::now();
        let status = Command::new(dipkb_binary())
            .arg("--db")
            .arg(&db)
            .arg("ingest")
            .arg(&path)
            .stdout(std::process::Stdio::null())
            .status()
            .expect("run dipkb ingest");
        assert!(status.success(), "ingest failed");
        println!(
            "| {name} | {:.0} | {:.1} |",
            text.len() as f64 / 1024.0,
            started.elapsed().as_secs_f64()
        );
    }
}

/// Times varied queries on the database at `db`.
fn queries(db: &Path) {
    println!();
    println!(
        "queries on {} ({QUERIES} of each, in-process, read-only connection):",
        db.display()
    );
    println!();
    println!("| query | p50 ms | p95 ms | max ms | rows p50 | rows p95 |");
    println!("|---|---:|---:|---:|---:|---:|");
    let conn = dipkb::kb::open_read_only(db).expect("open database");
    let actors: Vec<String> = {
        let mut statement = conn
            .prepare("SELECT name FROM actors WHERE kind IN ('state', 'person') ORDER BY id")
            .expect("actors");
        statement
            .query_map([], |r| r.get(0))
            .expect("actors")
            .collect::<Result<_, _>>()
            .expect("actors")
    };
    let words = [
        "ceasefire",
        "grain",
        "border",
        "sanctions",
        "journalists",
        "negotiations",
        "patience",
        "diplomacy",
        "crisis",
        "constructive",
        "Geneva",
        "withdrawal",
    ];
    let mut rng = Rng::new(SEED);
    // Each query returns how many rows it found.
    let mut time = |name: &str, mut run: Box<dyn FnMut(&mut Rng) -> usize>| {
        let (mut samples, mut rows): (Vec<Duration>, Vec<usize>) = (0..QUERIES)
            .map(|_| {
                let started = Instant::now();
                let rows = run(&mut rng);
                (started.elapsed(), rows)
            })
            .unzip();
        samples.sort();
        rows.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "| {name} | {:.2} | {:.2} | {:.2} | {} | {} |",
            ms(samples[samples.len() / 2]),
            ms(samples[samples.len() * 95 / 100]),
            ms(samples[samples.len() - 1]),
            rows[rows.len() / 2],
            rows[rows.len() * 95 / 100],
        );
    };
    // An actor drawn at random, with the persons affiliated with it.
    let random_set = |rng: &mut Rng| {
        let actor = &actors[rng.below(actors.len())];
        query::actor_set(&conn, actor, false).expect("actor")
    };
    let timeline_rows = |filter: TimelineFilter| {
        query::timeline(&conn, &filter)
            .expect("timeline")
            .rows
            .len()
    };
    time(
        "timeline --actor A",
        Box::new(|rng| {
            timeline_rows(TimelineFilter {
                actors: vec![random_set(rng)],
                ..TimelineFilter::default()
            })
        }),
    );
    time(
        "timeline --actor A --limit 100",
        Box::new(|rng| {
            timeline_rows(TimelineFilter {
                actors: vec![random_set(rng)],
                limit: Some(100),
                ..TimelineFilter::default()
            })
        }),
    );
    time(
        "timeline --actor A --since --until (a year)",
        Box::new(|rng| {
            let set = random_set(rng);
            let year = 2005 + rng.below(20) as i32;
            timeline_rows(TimelineFilter {
                actors: vec![set],
                dates: DateRange {
                    since: chrono::NaiveDate::from_ymd_opt(year, 1, 1),
                    until: chrono::NaiveDate::from_ymd_opt(year, 12, 31),
                },
                ..TimelineFilter::default()
            })
        }),
    );
    time(
        "timeline --actor A --last 20",
        Box::new(|rng| {
            timeline_rows(TimelineFilter {
                actors: vec![random_set(rng)],
                last: Some(20),
                ..TimelineFilter::default()
            })
        }),
    );
    time(
        "relations --actor A",
        Box::new(|rng| {
            let filter = RelationsFilter {
                actor: Some(random_set(rng)),
                ..RelationsFilter::default()
            };
            query::relations(&conn, &filter)
                .expect("relations")
                .rows
                .len()
        }),
    );
    time(
        "actor A (profile)",
        Box::new(|rng| {
            let actor = &actors[rng.below(actors.len())];
            match query::one_actor(&conn, actor) {
                Ok(id) => {
                    query::actor_profile(&conn, id, 10).expect("profile");
                    1
                }
                Err(_) => 0,
            }
        }),
    );
    // The ten busiest actors with their people (most meetings, statements and demands): each
    // query on each of them in turn, so that p95 and max are theirs.
    let busiest: Vec<query::ActorSet> = {
        let mut statement = conn
            .prepare(
                "WITH sets (root, id) AS (
                    SELECT id, id FROM actors WHERE kind IN ('state', 'person')
                    UNION SELECT r.affiliation_id, r.person_id FROM person_roles AS r
                    JOIN actors AS a ON a.id = r.affiliation_id AND a.kind IN ('state', 'person'))
                SELECT (SELECT name FROM actors WHERE id = root) FROM sets AS s GROUP BY root
                ORDER BY sum((SELECT count(*) FROM meeting_participants WHERE actor_id = s.id)
                    + (SELECT count(*) FROM statement_facts WHERE speaker_id = s.id)
                    + (SELECT count(*) FROM statement_facts WHERE speaker_party_id = s.id)
                    + (SELECT count(*) FROM demands WHERE by_actor_id = s.id)
                    + (SELECT count(*) FROM demands WHERE of_actor_id = s.id)) DESC, root
                LIMIT 10",
            )
            .expect("busiest actors");
        let names: Vec<String> = statement
            .query_map([], |r| r.get(0))
            .expect("busiest actors")
            .collect::<Result<_, _>>()
            .expect("busiest actors");
        names
            .iter()
            .map(|name| query::actor_set(&conn, name, false).expect("actor"))
            .collect()
    };
    let turn = std::cell::Cell::new(0);
    let busy = || {
        turn.set(turn.get() + 1);
        busiest[turn.get() % busiest.len()].clone()
    };
    for (name, limit, last) in [
        ("timeline --actor BUSIEST --limit 100", Some(100), None),
        ("timeline --actor BUSIEST --last 20", None, Some(20)),
    ] {
        time(
            name,
            Box::new(move |_| {
                timeline_rows(TimelineFilter {
                    actors: vec![busy()],
                    limit,
                    last,
                    ..TimelineFilter::default()
                })
            }),
        );
    }
    time(
        "relations --actor BUSIEST",
        Box::new(|_| {
            let filter = RelationsFilter {
                actor: Some(busy()),
                ..RelationsFilter::default()
            };
            query::relations(&conn, &filter)
                .expect("relations")
                .rows
                .len()
        }),
    );
    time(
        "search WORD",
        Box::new(|rng| {
            let word = words[rng.below(words.len())];
            query::search(&conn, word, SearchIn::All, 20)
                .expect("search")
                .rows
                .len()
        }),
    );
}

/// Peak resident memory of the largest child process waited for so far, in KiB.
/// The `dipkb` that ingests: this build's, or `DIPKB_BENCH_BIN`.
fn dipkb_binary() -> PathBuf {
    std::env::var("DIPKB_BENCH_BIN").map_or_else(
        |_| PathBuf::from(env!("CARGO_BIN_EXE_dipkb")),
        PathBuf::from,
    )
}

/// CPU seconds in user mode of the children waited for so far.
fn child_user_seconds() -> f64 {
    // SAFETY: getrusage only writes into the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    if ok == 0 {
        usage.ru_utime.tv_sec as f64 + usage.ru_utime.tv_usec as f64 / 1e6
    } else {
        0.0
    }
}

fn peak_child_rss_kb() -> i64 {
    // SAFETY: getrusage only writes into the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    if ok == 0 { usage.ru_maxrss } else { 0 }
}

fn checkpoint(db: &Path) {
    if let Ok(store) = dipkb::kb::Store::open(db) {
        let _ = store
            .connection()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)");
    }
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|text| {
            text.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{cpu}, {cores} cores")
}
