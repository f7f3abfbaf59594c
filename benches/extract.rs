//! Extraction of one article: each sample article, and a synthetic one.
//!
//!     cargo bench --bench extract

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dipkb::extract::{Input, extract};
use dipkb::source::{Input as Source, ReadOptions, read_input};
use dipkb::synth::Synth;

fn samples() -> Vec<dipkb::source::Article> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("samples")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .flat_map(|p| read_input(&Source::File(p), &ReadOptions::default()))
        .map(|a| a.expect("sample article"))
        .collect()
}

fn bench(c: &mut Criterion) {
    let articles = samples();
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("all 15 sample articles", |b| {
        b.iter(|| {
            for article in &articles {
                std::hint::black_box(extract(&article.extract_input()));
            }
        })
    });
    let mut synth = Synth::new(1, 100);
    let synthetic: Vec<_> = (0..100).map(|i| synth.article(i)).collect();
    let bytes: usize = synthetic.iter().map(|a| a.text.len()).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("100 synthetic articles", |b| {
        b.iter(|| {
            for article in &synthetic {
                std::hint::black_box(extract(&Input {
                    title: &article.title,
                    body: &article.text,
                    published: Some(article.published),
                }));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
