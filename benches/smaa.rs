//! SMAA-2 throughput, in samples per second: the default model with fixed
//! and with uncertain scores, around the default profile (hit-and-run, with
//! fixed and with uncertain scores), and
//! generated models of 1,000 × 50 and 100,000 × 20 (top 3 ranks, no pairwise
//! indices). Run: `cargo bench --bench smaa`. The comparison with a
//! vectorized numpy SMAA computing the same outputs, in one run, is
//! `python benches/peers/smaa_numpy.py` (numpy in a virtualenv, a release
//! build of tradeoffs).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tradeoffs::analysis::smaa::{self, Request, ScoreMode, WeightInfo, weights::from_profile};
use tradeoffs::model::{Evidence, PolicyOption};
use tradeoffs::{MethodKind, Model};

#[path = "common.rs"]
mod common;

fn request(model: &Model, weights: WeightInfo, samples: u64, scores: ScoreMode) -> Request {
    let mut r = Request::new(model, "bench", weights);
    r.method = MethodKind::Wsm;
    r.samples = samples;
    r.seed = 1;
    r.scores = scores;
    r
}

/// The default model's criteria with `n` generated options (SplitMix64 scores).
fn generated(n: usize, m: usize) -> Model {
    let mut model = common::default_model();
    let (x, criteria) = common::matrix(n, m);
    model.criteria = criteria;
    model.scores = x;
    model.options = (0..n)
        .map(|i| PolicyOption {
            id: tradeoffs::model::OptionId::new(format!("o{i}")),
            name: format!("o{i}"),
            category: String::new(),
            description: String::new(),
        })
        .collect();
    model.evidence = vec![vec![Evidence::default(); m]; n];
    model.profiles.clear();
    model.default_profile = None;
    model
}

fn smaa(c: &mut Criterion) {
    let model = common::default_model();
    let uniform = WeightInfo::Uniform {
        criteria: model.criteria.len(),
    };
    let mut group = c.benchmark_group("smaa-2 default model");
    group.sample_size(10);
    let samples = 1_000_000;
    group.throughput(Throughput::Elements(samples));
    group.bench_function("wsm, uniform weights, fixed scores", |b| {
        let r = request(&model, uniform.clone(), samples, ScoreMode::Fixed);
        b.iter(|| smaa::run(&model, &r).expect("runs"))
    });
    let samples = 100_000;
    group.throughput(Throughput::Elements(samples));
    group.bench_function("wsm, uniform weights, uncertain scores", |b| {
        let r = request(&model, uniform.clone(), samples, ScoreMode::Uncertain);
        b.iter(|| smaa::run(&model, &r).expect("runs"))
    });
    let profile = &model.profiles[model.default_profile.unwrap_or(0)];
    let around = from_profile(&model, profile, 0.25);
    group.bench_function("wsm, default profile (hit-and-run), fixed scores", |b| {
        let r = request(&model, around.clone(), samples, ScoreMode::Fixed);
        b.iter(|| smaa::run(&model, &r).expect("runs"))
    });
    group.bench_function(
        "wsm, default profile (hit-and-run), uncertain scores",
        |b| {
            let r = request(&model, around.clone(), samples, ScoreMode::Uncertain);
            b.iter(|| smaa::run(&model, &r).expect("runs"))
        },
    );
    group.finish();

    let mut group = c.benchmark_group("smaa-2 generated models");
    group.sample_size(10);
    let wide = generated(1_000, 50);
    let samples = 16_384;
    group.throughput(Throughput::Elements(samples));
    group.bench_function("1,000 x 50, all ranks and pairwise", |b| {
        let mut r = request(
            &wide,
            WeightInfo::Uniform { criteria: 50 },
            samples,
            ScoreMode::Fixed,
        );
        r.pairwise = Some(true);
        b.iter(|| smaa::run(&wide, &r).expect("runs"))
    });
    let tall = generated(100_000, 20);
    let samples = 4_096;
    group.throughput(Throughput::Elements(samples));
    group.bench_function("100,000 x 20, top 3 ranks", |b| {
        let mut r = request(
            &tall,
            WeightInfo::Uniform { criteria: 20 },
            samples,
            ScoreMode::Fixed,
        );
        r.ranks = Some(3);
        b.iter(|| smaa::run(&tall, &r).expect("runs"))
    });
    group.finish();
}

criterion_group!(benches, smaa);
criterion_main!(benches);
