//! Times tradeoffs' methods on the workloads of benches/peers/compare.py and
//! prints one JSON line per workload (the least wall-clock seconds of several
//! runs, the mean CPU seconds per run over all threads, and a checksum: the sum of the figures' absolute values), so the peer script can put both side by side in
//! one run. The scores are the SplitMix64 matrix of benches/common.rs, stored
//! row by row as numpy stores it.
//!
//! ```text
//! cargo run --release --example throughput [workload ...]
//! cargo run --release --example throughput quotes
//! ```
//!
//! `quotes` (only when named) times quote checking on the text and quotes of
//! `common::quote_corpus`, as benches/peers/quotes.py times its peers: the
//! text indexed and every quote found, for quotes that are there and for
//! quotes with one word changed (their closest passage).

use std::time::Instant;

use tradeoffs::MethodKind;
use tradeoffs::methods::{MethodSettings, Normalization, Problem};
use tradeoffs::model::PreferenceFunction;

#[path = "../benches/common.rs"]
mod common;

/// A workload: name, method, options, criteria, preference function, runs.
type Workload = (
    &'static str,
    MethodKind,
    usize,
    usize,
    PreferenceFunction,
    usize,
);

/// The thresholds of the PROMETHEE workloads, in score units (scores lie in 0..10).
const LINEAR: PreferenceFunction = PreferenceFunction::Linear { q: 1.0, p: 3.0 };

const WORKLOADS: &[Workload] = &[
    (
        "wsm_minmax_100000x20",
        MethodKind::Wsm,
        100_000,
        20,
        PreferenceFunction::Usual,
        21,
    ),
    (
        "wpm_minmax_100000x20",
        MethodKind::Wpm,
        100_000,
        20,
        PreferenceFunction::Usual,
        11,
    ),
    (
        "topsis_minmax_100000x20",
        MethodKind::Topsis,
        100_000,
        20,
        PreferenceFunction::Usual,
        21,
    ),
    (
        "vikor_minmax_100000x20",
        MethodKind::Vikor,
        100_000,
        20,
        PreferenceFunction::Usual,
        21,
    ),
    (
        "promethee_linear_200x20",
        MethodKind::Promethee,
        200,
        20,
        LINEAR,
        21,
    ),
    (
        "promethee_linear_2000x20",
        MethodKind::Promethee,
        2_000,
        20,
        LINEAR,
        11,
    ),
    (
        "promethee_linear_10000x10",
        MethodKind::Promethee,
        10_000,
        10,
        LINEAR,
        7,
    ),
    (
        "promethee_linear_100000x10",
        MethodKind::Promethee,
        100_000,
        10,
        LINEAR,
        5,
    ),
];

/// CPU time of every thread of this process so far, in seconds: the
/// clock Python's `time.process_time` reads (`CLOCK_PROCESS_CPUTIME_ID`),
/// exact to the nanosecond rather than to the scheduler's tick.
fn cpu_seconds() -> f64 {
    cpu_time::ProcessTime::now().as_duration().as_secs_f64()
}

/// The least of `runs` wall-clock timings (on a shared machine the run least
/// disturbed by others is the best estimate), and the mean CPU time per run
/// over all threads, both in seconds.
fn best<F: FnMut()>(runs: usize, mut f: F) -> (f64, f64) {
    let cpu = cpu_seconds();
    let wall = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min);
    (wall, (cpu_seconds() - cpu) / runs as f64)
}

fn main() {
    let only: Vec<String> = std::env::args().skip(1).collect();
    let settings = MethodSettings {
        normalization: Normalization::Minmax,
        vikor_v: 0.5,
    };
    if only.iter().any(|o| o == "quotes") {
        quotes();
    }
    for &(name, method, n, m, preference, runs) in WORKLOADS {
        if !only.is_empty() && !only.iter().any(|o| o == name) {
            continue;
        }
        let rows = common::rows(n, m);
        let criteria = common::criteria(m, preference);
        let problem = Problem::from_rows(&rows, &criteria);
        let weights = vec![1.0 / m as f64; m];
        let method = method.with(&settings);
        let checksum: f64 = method
            .evaluate(&problem, &weights)
            .scores
            .iter()
            .map(|s| s.abs())
            .sum();
        let (seconds, cpu) = best(runs, || {
            std::hint::black_box(method.evaluate(&problem, &weights));
        });
        println!(
            "{{\"workload\": \"{name}\", \"seconds\": {seconds}, \"cpu_seconds\": {cpu}, \"cells\": {}, \"checksum\": {checksum}}}",
            n * m
        );
    }
}

/// Quote checking: the text indexed, then every quote found (exact) or its
/// closest passage (one word changed); one JSON line each.
fn quotes() {
    use tradeoffs::input::quotes::matcher::{Found, SourceIndex};
    let (text, quotes, misses) = common::quote_corpus();
    for (name, list, exact) in [
        ("quotes_exact", &quotes, true),
        ("quotes_closest", &misses, false),
    ] {
        let run = || {
            let index = SourceIndex::new(&text);
            list.iter()
                .filter(|q| matches!(index.find(q), Found::Exact(_)) == exact)
                .count()
        };
        assert_eq!(
            run(),
            list.len(),
            "{name}: every quote classified as expected"
        );
        let (seconds, cpu) = best(5, || {
            std::hint::black_box(run());
        });
        println!(
            "{{\"workload\": \"{name}\", \"seconds\": {seconds}, \"cpu_seconds\": {cpu}, \"quotes\": {}}}",
            list.len()
        );
    }
}
