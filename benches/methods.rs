//! Throughput of every method on 100,000 options × 20 criteria (PROMETHEE,
//! which compares every pair of options, on 2,000). Run: `cargo bench --bench methods`.
//! The side-by-side comparison with pymcdm is `bash benches/peers/run.sh`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tradeoffs::methods::{MethodKind, MethodSettings, Normalization, Problem};

#[path = "common.rs"]
mod common;

fn methods(c: &mut Criterion) {
    let mut group = c.benchmark_group("rank 100k options x 20 criteria");
    group.sample_size(10);
    for method in MethodKind::ALL {
        let n = if *method == MethodKind::Promethee {
            2_000
        } else {
            100_000
        };
        let (x, criteria) = common::matrix(n, 20);
        let problem = Problem::new(&x, &criteria);
        let weights = vec![0.05; 20];
        let settings = MethodSettings {
            normalization: Normalization::Minmax,
            vikor_v: 0.5,
        };
        let m = method.with(&settings);
        group.throughput(Throughput::Elements((n * 20) as u64));
        group.bench_function(format!("{method} (n = {n})"), |b| {
            b.iter(|| m.evaluate(&problem, &weights))
        });
    }
    group.finish();
}

criterion_group!(benches, methods);
criterion_main!(benches);
