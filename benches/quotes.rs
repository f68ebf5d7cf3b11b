//! Checking quotes against a source's text: indexing the text once, finding
//! quotes that are there, and the closest passage of quotes that are not.
//! Run: `cargo bench --bench quotes`; the comparison with rapidfuzz (the
//! closest passage) and Python's `str.find` (exact quotes) on the same text is
//! `bash benches/peers/run.sh`.
//!
//! The text and quotes are generated identically here and in
//! benches/peers/quotes.py from SplitMix64 (see [`corpus`]).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tradeoffs::input::quotes::matcher::{Found, SourceIndex};

#[path = "common.rs"]
mod common;

/// Words in the text: about the length of the longest paper of the default model.
const WORDS: usize = 16_000;
/// Quotes checked: about as many as the default model carries.
const QUOTES: usize = 400;
/// Words per quote (some 200 characters).
const QUOTE_WORDS: usize = 30;

/// A text of `WORDS` words with a skewed spread (word `w<k>`, `k` the cube of
/// a uniform draw in `[0, 10)`, so small `k` are common) and a line break
/// every 12 words; quotes of `QUOTE_WORDS` words taken from it; and the same
/// quotes with their middle word changed.
fn corpus() -> (String, Vec<String>, Vec<String>) {
    let words: Vec<String> = (0..WORDS as u64)
        .map(|k| {
            let c = common::cell(k);
            let rank = (c * c * c).floor() as u64;
            format!("w{rank}")
        })
        .collect();
    let mut text = String::new();
    for (i, w) in words.iter().enumerate() {
        text.push_str(w);
        text.push(if i % 12 == 11 { '\n' } else { ' ' });
    }
    let quotes: Vec<String> = (0..QUOTES as u64)
        .map(|q| {
            let start =
                (common::cell(1_000_000 + q) / 10.0 * (WORDS - QUOTE_WORDS) as f64) as usize;
            words[start..start + QUOTE_WORDS].join(" ")
        })
        .collect();
    let misses = quotes
        .iter()
        .map(|q| {
            let mut w: Vec<&str> = q.split(' ').collect();
            w[QUOTE_WORDS / 2] = "changed";
            w.join(" ")
        })
        .collect();
    (text, quotes, misses)
}

fn quotes(c: &mut Criterion) {
    let (text, quotes, misses) = corpus();
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
    group.bench_function(format!("index a text of {WORDS} words"), |b| {
        b.iter(|| SourceIndex::new(&text))
    });
    group.throughput(Throughput::Elements(QUOTES as u64));
    group.bench_function(format!("find {QUOTES} quotes that are there"), |b| {
        b.iter(|| {
            quotes
                .iter()
                .filter(|q| matches!(index.find(q), Found::Exact(_)))
                .count()
        })
    });
    group.bench_function(
        format!("closest passage of {QUOTES} quotes with one word changed"),
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
