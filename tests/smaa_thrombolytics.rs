//! SMAA-2 against the published thrombolytics example: heparin against
//! enoxaparin for the prevention of deep-vein thrombosis, with Beta-distributed
//! event rates and linear decreasing value functions.
//!
//! Tervonen, van Valkenhoef, Buskens, Hillege & Postmus (2011), "A stochastic
//! multicriteria model for evidence-based decision making in drug benefit-risk
//! analysis", Statistics in Medicine 30(12); the example of the R package
//! `smaa` (van Valkenhoef & Tervonen), whose `inst/extdata/thrombo-meas.txt`
//! holds 10,000 draws of the partial values. From their means and variances:
//! heparin (136 patients) 20 proximal DVT, 40 distal DVT, 1 major bleed;
//! enoxaparin (129 patients) 8, 32 and 5: rates Beta(events, patients −
//! events), value functions linear decreasing on [0, 0.25], [0.15, 0.40] and
//! [0, 0.1]. The package's example output (`tests/Examples/smaa-Ex.Rout.save`,
//! N = 10,000) reports:
//!
//! ```text
//! no preference information   b¹: heparin 0.3504, enoxaparin 0.6496
//!   central weights           heparin (0.1865, 0.2772, 0.5363), enoxaparin (0.4073, 0.3641, 0.2285)
//!   confidence factors        heparin 0.6682, enoxaparin 0.8956
//! exact weights (0.5, 0.2, 0.3)  b¹: heparin 0.1279, enoxaparin 0.8721
//! ```
//!
//! The package does not clamp values outside [0, 1]; tradeoffs clamps draws to
//! the scale, which moves a few tenths of a percent of the draws (for example
//! heparin's distal DVT rate exceeds 0.40 with probability ≈ 0.4 %) and no
//! acceptability by more than a fraction of its Monte Carlo error.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Beta, Distribution, Exp1};
use tradeoffs::MethodKind;
use tradeoffs::analysis::smaa::{self, Constraints, Request, ScoreMode, SmaaReport, WeightInfo};

const OPTIONS: &str = r#"
[[options]]
id = "heparin"
scores.prox_dvt = { value = 0.147, distribution = { kind = "beta", alpha = 20, beta = 116 } }
scores.dist_dvt = { value = 0.294, distribution = { kind = "beta", alpha = 40, beta = 96 } }
scores.bleed = { value = 0.0074, distribution = { kind = "beta", alpha = 1, beta = 135 } }

[[options]]
id = "enoxaparin"
scores.prox_dvt = { value = 0.062, distribution = { kind = "beta", alpha = 8, beta = 121 } }
scores.dist_dvt = { value = 0.248, distribution = { kind = "beta", alpha = 32, beta = 97 } }
scores.bleed = { value = 0.0388, distribution = { kind = "beta", alpha = 5, beta = 124 } }
"#;

const CRITERIA: &str = r#"
[[criteria]]
id = "prox_dvt"
direction = "cost"
scale = { min = 0, max = 0.25 }

[[criteria]]
id = "dist_dvt"
direction = "cost"
scale = { min = 0.15, max = 0.40 }

[[criteria]]
id = "bleed"
direction = "cost"
scale = { min = 0, max = 0.1 }
"#;

const SAMPLES: u64 = 200_000;

fn run(weights: WeightInfo) -> SmaaReport {
    let model = tradeoffs::from_texts(OPTIONS, CRITERIA).expect("valid");
    smaa::run(
        &model,
        &Request {
            profile: "thrombolytics".into(),
            weights,
            method: MethodKind::Wsm,
            samples: SAMPLES,
            seed: 2011,
            scores: ScoreMode::Uncertain,
            threads: Some(2),
            progress: false,
            ranks: None,
            pairwise: None,
        },
    )
    .expect("runs")
}

/// Four standard errors of the difference between our estimate (N = 200,000)
/// and one from N = 10,000 draws.
fn tolerance(b: f64, theirs: u64) -> f64 {
    4.0 * (b * (1.0 - b) * (1.0 / theirs as f64 + 1.0 / SAMPLES as f64)).sqrt()
}

#[test]
fn no_preference_information_matches_the_published_acceptabilities() {
    let r = run(WeightInfo::Uniform { criteria: 3 });
    for (o, published) in r.options.iter().zip([0.3504, 0.6496]) {
        let b = o.acceptability[0];
        assert!(
            (b - published).abs() < tolerance(published, 10_000),
            "{}: {b} vs {published}",
            o.id
        );
    }
    // Central weights: their standard error is about sd(w | first)/√(N b¹) ≈ 0.004
    // on the package's side.
    let published = [[0.1865, 0.2772, 0.5363], [0.4073, 0.3641, 0.2285]];
    for (o, cw) in r.options.iter().zip(published) {
        for (w, p) in o.central_weights.values().zip(cw) {
            assert!((w - p).abs() < 0.02, "{}: {w} vs {p}", o.id);
        }
    }
    // Confidence factors from 10,000 score draws each on the package's side.
    for (o, published) in r.options.iter().zip([0.6682, 0.8956]) {
        let c = o.confidence.expect("both options lead often enough");
        assert!(
            (c - published).abs() < tolerance(published, 10_000) + 0.01,
            "{}: {c} vs {published}",
            o.id
        );
    }
}

#[test]
fn exact_weights_match_the_published_acceptabilities() {
    let r = run(WeightInfo::Fixed(vec![0.5, 0.2, 0.3]));
    for (o, published) in r.options.iter().zip([0.1279, 0.8721]) {
        let b = o.acceptability[0];
        assert!(
            (b - published).abs() < tolerance(published, 10_000),
            "{}: {b} vs {published}",
            o.id
        );
    }
}

/// The ordinal case (proximal DVT ≥ major bleeding ≥ distal DVT) has no
/// published figure we could read, so it is checked against an independent
/// calculation written here: weights by rejection from the uniform simplex
/// (keep the draws in the right order), rates drawn from the same Beta laws
/// with rand_distr, values by the linear decreasing functions, clamped.
/// Both the exact ordinal sampler and hit-and-run on the same ranking must
/// agree with it.
#[test]
fn an_ordinal_ranking_matches_an_independent_rejection_sampler() {
    let independent = {
        let mut rng = ChaCha8Rng::seed_from_u64(99);
        let laws = [
            [(20.0, 116.0), (40.0, 96.0), (1.0, 135.0)],
            [(8.0, 121.0), (32.0, 97.0), (5.0, 124.0)],
        ];
        let scales = [(0.0, 0.25), (0.15, 0.40), (0.0, 0.1)];
        let (mut heparin_first, mut kept) = (0u64, 0u64);
        while kept < SAMPLES {
            let e: [f64; 3] = [
                Exp1.sample(&mut rng),
                Exp1.sample(&mut rng),
                Exp1.sample(&mut rng),
            ];
            let t: f64 = e.iter().sum();
            let w = [e[0] / t, e[1] / t, e[2] / t];
            if !(w[0] >= w[2] && w[2] >= w[1]) {
                continue;
            }
            kept += 1;
            let mut s = [0.0; 2];
            for (a, law) in laws.iter().enumerate() {
                for (j, &(alpha, beta)) in law.iter().enumerate() {
                    let x: f64 = Beta::new(alpha, beta).expect("valid").sample(&mut rng);
                    let (lo, hi) = scales[j];
                    let v = ((hi - x.clamp(lo, hi)) / (hi - lo)).clamp(0.0, 1.0);
                    s[a] += w[j] * v;
                }
            }
            if s[0] > s[1] {
                heparin_first += 1;
            }
        }
        heparin_first as f64 / SAMPLES as f64
    };
    let levels = vec![vec![0], vec![2], vec![1]];
    let exact = run(WeightInfo::Ordinal {
        levels: levels.clone(),
        criteria: 3,
    });
    let chained = run(WeightInfo::Constrained {
        constraints: Constraints {
            criteria: 3,
            ranking: Some(levels),
            ..Constraints::default()
        },
        label: "the ranking, by hit-and-run".into(),
    });
    let tol = 4.0 * (2.0 * independent * (1.0 - independent) / SAMPLES as f64).sqrt();
    for r in [&exact, &chained] {
        let b = r.options[0].acceptability[0];
        assert!(
            (b - independent).abs() < tol * 1.5,
            "{}: {b} vs {independent}",
            r.weights
        );
    }
}
