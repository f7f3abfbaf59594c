//! Each query on a knowledge base of 3,000 synthetic articles, built once.
//!
//!     cargo bench --bench queries

use criterion::{Criterion, criterion_group, criterion_main};
use dipkb::extract::{Input, extract};
use dipkb::kb::Store;
use dipkb::query::{self, RelationsFilter, SearchIn, TimelineFilter};
use dipkb::source::Article;
use dipkb::synth::Synth;

const ARTICLES: usize = 3_000;

fn build(path: &std::path::Path) {
    let mut store = Store::open(path).expect("open");
    let mut synth = Synth::new(7, ARTICLES);
    store.begin_batch().expect("batch");
    for i in 0..ARTICLES {
        let a = synth.article(i);
        let article = Article {
            title: a.title,
            published: Some(a.published),
            source: Some(a.source.to_string()),
            url: Some(a.url),
            body: a.text,
            origin: format!("synthetic:{i}"),
            warnings: Vec::new(),
        };
        let extraction = extract(&Input {
            title: &article.title,
            body: &article.body,
            published: article.published,
        });
        store.add_article(&article, &extraction).expect("store");
    }
    store.commit_batch().expect("commit");
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("kb.sqlite");
    build(&path);
    let conn = dipkb::kb::open_read_only(&path).expect("open");
    let actor: String = conn
        .query_row(
            "SELECT name FROM actor_list WHERE kind = 'state' ORDER BY meetings DESC, name LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("an actor");
    let mut group = c.benchmark_group("queries");
    group.bench_function("timeline --actor (busiest state)", |b| {
        b.iter(|| {
            let set = query::actor_set(&conn, &actor, false).expect("actor");
            let filter = TimelineFilter {
                actors: vec![set],
                ..TimelineFilter::default()
            };
            query::timeline(&conn, &filter).expect("timeline")
        })
    });
    group.bench_function("relations --actor (busiest state)", |b| {
        b.iter(|| {
            let set = query::actor_set(&conn, &actor, false).expect("actor");
            query::relations(
                &conn,
                &RelationsFilter {
                    actor: Some(set),
                    ..RelationsFilter::default()
                },
            )
            .expect("relations")
        })
    });
    group.bench_function("actor profile (busiest state)", |b| {
        b.iter(|| {
            let id = query::one_actor(&conn, &actor).expect("actor");
            query::actor_profile(&conn, id, 10).expect("profile")
        })
    });
    group.bench_function("search a word", |b| {
        b.iter(|| query::search(&conn, "ceasefire", SearchIn::All, 20).expect("search"))
    });
    // Issue #14, item 10: repeated words are one term (4,000 of them took 38 s).
    let repeated = "ceasefire ".repeat(4_000);
    group.bench_function("search a word repeated 4,000 times", |b| {
        b.iter(|| query::search(&conn, &repeated, SearchIn::All, 20).expect("search"))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
