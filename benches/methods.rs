//! Throughput of every method on 100,000 options × 20 criteria (PROMETHEE,
//! O(n log n) per criterion for its piecewise-linear functions, on 100,000 ×
//! 10 with the linear function). Run: `cargo bench --bench methods`.
//! The side-by-side comparison with numpy and the Python libraries is
//! `bash benches/peers/run.sh`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tradeoffs::methods::{MethodKind, MethodSettings, Normalization, Problem};
use tradeoffs::model::PreferenceFunction;

#[path = "common.rs"]
mod common;

fn methods(c: &mut Criterion) {
    let mut group = c.benchmark_group("rank 100k options");
    group.sample_size(10);
    for method in MethodKind::ALL {
        let (n, m, f) = if *method == MethodKind::Promethee {
            (100_000, 10, PreferenceFunction::Linear { q: 1.0, p: 3.0 })
        } else {
            (100_000, 20, PreferenceFunction::Usual)
        };
        let rows = common::rows(n, m);
        let criteria = common::criteria(m, f);
        let problem = Problem::from_rows(&rows, &criteria);
        let weights = vec![1.0 / m as f64; m];
        let settings = MethodSettings {
            normalization: Normalization::Minmax,
            vikor_v: 0.5,
        };
        let evaluator = method.with(&settings);
        group.throughput(Throughput::Elements((n * m) as u64));
        group.bench_function(format!("{method} ({n} x {m})"), |b| {
            b.iter(|| evaluator.evaluate(&problem, &weights))
        });
    }
    group.finish();
}

criterion_group!(benches, methods);
criterion_main!(benches);
