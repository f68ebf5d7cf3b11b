//! `tradeoffs sensitivity` as the number of options grows: the default
//! analysis (summary, swaps for the top 3 places) under the additive model
//! on 1,000 … 10,000 options × 12 criteria (and on a trade-off where sweeping
//! one weight makes nearly every pair swap), and the numerical search under
//! TOPSIS on 300 options (pyrepo-mcda's 401-point weight grid takes about
//! 8.9 s on that size on the reference machine). The time per option should
//! stay flat: nothing here may grow with the square of the options.
//! Run: `cargo bench --bench sensitivity`; the peak memory of the whole run
//! is printed at the end.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use tradeoffs::MethodKind;
use tradeoffs::analysis::sensitivity::{Request, analyse};

#[path = "common.rs"]
mod common;

/// A model of `n` options × `m` criteria (scores from [`common::cell`],
/// the first half of the criteria benefits) with one profile of unequal
/// weights. With `trade_off`, the first criterion (a benefit) scores the
/// mean value an option loses on the others, so sweeping its weight makes
/// nearly every pair of options swap: the worst case for listing swaps.
fn model(n: usize, m: usize, trade_off: bool) -> tradeoffs::Model {
    let mut options = String::with_capacity(n * m * 12);
    for i in 0..n {
        options.push_str(&format!("[[options]]\nid = \"o{i}\"\nscores = {{ "));
        let raw: Vec<f64> = (0..m).map(|j| common::cell((i * m + j) as u64)).collect();
        let value = |j: usize, x: f64| if j < m.div_ceil(2) { x } else { 10.0 - x };
        let mean_rest = (1..m).map(|j| value(j, raw[j])).sum::<f64>() / (m - 1) as f64;
        let cells: Vec<String> = (0..m)
            .map(|j| {
                let x = if trade_off && j == 0 {
                    10.0 - mean_rest
                } else {
                    raw[j]
                };
                format!("c{j} = {x:.2}")
            })
            .collect();
        options.push_str(&cells.join(", "));
        options.push_str(" }\n");
    }
    let mut criteria = String::new();
    for j in 0..m {
        let direction = if j < m.div_ceil(2) { "benefit" } else { "cost" };
        criteria.push_str(&format!(
            "[[criteria]]\nid = \"c{j}\"\ndirection = \"{direction}\"\nscale = {{ min = 0, max = 10 }}\n"
        ));
    }
    let weights: Vec<String> = (0..m).map(|j| format!("c{j} = {}", 1 + j % 5)).collect();
    criteria.push_str(&format!(
        "[profiles.bench]\nweights = {{ {} }}\n",
        weights.join(", ")
    ));
    tradeoffs::from_texts(&options, &criteria).expect("a valid generated model")
}

fn weights(model: &tradeoffs::Model) -> Vec<f64> {
    tradeoffs::weights::of_profile(model, &model.profiles[0]).weights
}

fn additive(c: &mut Criterion) {
    let mut group = c.benchmark_group("sensitivity wsm, 12 criteria");
    group.sample_size(10);
    for n in [1_000, 3_000, 10_000] {
        let m = model(n, 12, false);
        let w = weights(&m);
        let request = Request::of_profile("bench", &w, vec![(0.0, 1.0); 12]);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &request, |b, r| {
            b.iter(|| analyse(&m, r))
        });
    }
    group.finish();
    let mut group = c.benchmark_group("sensitivity wsm, 12 criteria, every pair swaps on c0");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        let m = model(n, 12, true);
        let w = weights(&m);
        let request = Request::of_profile("bench", &w, vec![(0.0, 1.0); 12]);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &request, |b, r| {
            b.iter(|| analyse(&m, r))
        });
    }
    group.finish();
}

fn numerical(c: &mut Criterion) {
    let mut group = c.benchmark_group("sensitivity topsis, 12 criteria");
    group.sample_size(10);
    for n in [100, 300] {
        let m = model(n, 12, false);
        let w = weights(&m);
        let mut request = Request::of_profile("bench", &w, vec![(0.0, 1.0); 12]);
        request.method = MethodKind::Topsis;
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &request, |b, r| {
            b.iter(|| analyse(&m, r))
        });
    }
    group.finish();
}

/// The peak resident memory of this process, from `/proc/self/status`.
fn peak_memory(_: &mut Criterion) {
    if let Ok(status) = std::fs::read_to_string("/proc/self/status")
        && let Some(line) = status.lines().find(|l| l.starts_with("VmHWM"))
    {
        println!(
            "peak memory of the whole run: {}",
            line.trim_start_matches("VmHWM:").trim()
        );
    }
}

criterion_group!(benches, additive, numerical, peak_memory);
criterion_main!(benches);
