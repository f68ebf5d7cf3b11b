//! SMAA-2 throughput on the default model, in samples per second.
//! Run: `cargo bench --bench smaa`; the comparison with numpy and crispyn is
//! `bash benches/peers/run.sh`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tradeoffs::MethodKind;
use tradeoffs::analysis::smaa::{self, Request, ScoreMode, WeightInfo};

#[path = "common.rs"]
mod common;

fn smaa(c: &mut Criterion) {
    let model = common::default_model();
    let samples = 200_000;
    let mut group = c.benchmark_group("smaa-2 default model");
    group.sample_size(10);
    group.throughput(Throughput::Elements(samples));
    for (label, scores) in [
        ("fixed scores", ScoreMode::Fixed),
        ("uncertain scores", ScoreMode::Uncertain),
    ] {
        let request = Request {
            profile: "none".into(),
            weights: WeightInfo::Uniform {
                criteria: model.criteria.len(),
            },
            method: MethodKind::Wsm,
            samples,
            seed: 1,
            scores,
            threads: None,
            progress: false,
            ranks: None,
            pairwise: None,
        };
        group.bench_function(format!("wsm, uniform weights, {label}"), |b| {
            b.iter(|| smaa::run(&model, &request).expect("runs"))
        });
    }
    group.finish();
}

criterion_group!(benches, smaa);
criterion_main!(benches);
