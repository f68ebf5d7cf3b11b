//! Times tradeoffs on the workloads of benches/peers/compare.py and prints one
//! JSON line per workload, so the peer script can put both side by side in one run.
//!
//! ```text
//! cargo run --release --example throughput
//! ```

use std::time::Instant;

use tradeoffs::MethodKind;
use tradeoffs::analysis::smaa::{self, Request, ScoreMode, WeightInfo};
use tradeoffs::methods::{MethodSettings, Normalization, Problem};

#[path = "../benches/common.rs"]
mod common;

/// Best of `runs` wall-clock timings, in seconds.
fn best<F: FnMut()>(runs: usize, mut f: F) -> f64 {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let (n, m) = (100_000, 20);
    let (x, criteria) = common::matrix(n, m);
    let problem = Problem {
        scores: &x,
        criteria: &criteria,
    };
    let weights = vec![1.0 / m as f64; m];
    let topsis = MethodKind::Topsis.with(&MethodSettings {
        normalization: Normalization::Vector,
        vikor_v: 0.5,
    });
    let checksum: f64 = topsis.evaluate(&problem, &weights).scores.iter().sum();
    let seconds = best(5, || {
        std::hint::black_box(topsis.evaluate(&problem, &weights));
    });
    println!(
        "{{\"workload\": \"topsis_vector_100000x20\", \"seconds\": {seconds}, \"per_second\": {}, \"unit\": \"cells\", \"checksum\": {checksum}}}",
        (n * m) as f64 / seconds
    );

    let model = common::default_model();
    for (workload, method, samples) in [
        ("smaa_wsm_default_model", MethodKind::Wsm, 1_000_000u64),
        ("smaa_vikor_default_model", MethodKind::Vikor, 20_000),
    ] {
        let request = Request {
            profile: "none".into(),
            weights: WeightInfo::Uniform {
                criteria: model.criteria.len(),
            },
            method,
            samples,
            seed: 1,
            scores: ScoreMode::Fixed,
            threads: None,
            progress: false,
            ranks: None,
            pairwise: None,
        };
        let seconds = best(3, || {
            std::hint::black_box(smaa::run(&model, &request).expect("runs"));
        });
        println!(
            "{{\"workload\": \"{workload}\", \"seconds\": {seconds}, \"per_second\": {}, \"unit\": \"samples\"}}",
            samples as f64 / seconds
        );
    }
}
