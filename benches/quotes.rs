//! Checking quotes against a source's text: indexing the text once, finding
//! quotes that are there, and the closest passage of quotes that are not.
//! Run: `cargo bench --bench quotes`; the comparison with rapidfuzz (the
//! closest passage) and Python's `str.find` (exact quotes) on the same text is
//! `bash benches/peers/run.sh`.
//!
//! The text and quotes are generated identically here and in
//! benches/peers/quotes.py from SplitMix64 (see `common::quote_corpus`).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tradeoffs::input::quotes::matcher::{Found, SourceIndex};

#[path = "common.rs"]
mod common;

fn quotes(c: &mut Criterion) {
    let (text, quotes, misses) = common::quote_corpus();
    let index = SourceIndex::new(&text);
    for q in &quotes {
        assert!(matches!(index.find(q), Found::Exact(_)));
    }
    for q in &misses {
        assert!(matches!(index.find(q), Found::Closest(..)));
    }
    let mut group = c.benchmark_group("quotes");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function(
        format!("index a text of {} words", common::QUOTE_TEXT_WORDS),
        |b| b.iter(|| SourceIndex::new(&text)),
    );
    group.throughput(Throughput::Elements(common::QUOTES as u64));
    group.bench_function(
        format!("find {} quotes that are there", common::QUOTES),
        |b| {
            b.iter(|| {
                quotes
                    .iter()
                    .filter(|q| matches!(index.find(q), Found::Exact(_)))
                    .count()
            })
        },
    );
    group.bench_function(
        format!(
            "closest passage of {} quotes with one word changed",
            common::QUOTES
        ),
        |b| {
            b.iter(|| {
                misses
                    .iter()
                    .filter(|q| matches!(index.find(q), Found::Closest(..)))
                    .count()
            })
        },
    );
    group.finish();
}

criterion_group!(benches, quotes);
criterion_main!(benches);
