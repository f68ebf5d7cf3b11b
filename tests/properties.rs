//! Properties a user relies on, checked on generated models.

use proptest::prelude::*;
use tradeoffs::{MethodKind, from_texts};

/// Writes a model as TOML: `m` criteria (the first half benefit, the rest cost,
/// all on 0..=10), one option per row of `scores`, and one profile.
fn model_text(scores: &[Vec<f64>], weights: &[f64], option_ids: &[usize]) -> (String, String) {
    let m = weights.len();
    let mut criteria = String::from("[model]\ntitle = \"generated\"\ndefault_profile = \"p\"\n");
    for j in 0..m {
        let direction = if j < m.div_ceil(2) { "benefit" } else { "cost" };
        criteria.push_str(&format!(
            "[[criteria]]\nid = \"c{j}\"\ndirection = \"{direction}\"\nscale = {{ min = 0, max = 10 }}\n"
        ));
    }
    let ws: Vec<String> = weights
        .iter()
        .enumerate()
        .map(|(j, w)| format!("c{j} = {w:?}"))
        .collect();
    criteria.push_str(&format!(
        "[profiles.p]\nweights = {{ {} }}\n",
        ws.join(", ")
    ));
    let mut options = String::new();
    for (row, id) in scores.iter().zip(option_ids) {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(j, x)| format!("c{j} = {x:?}"))
            .collect();
        options.push_str(&format!(
            "[[options]]\nid = \"o{id}\"\nscores = {{ {} }}\n",
            cells.join(", ")
        ));
    }
    (options, criteria)
}

/// Ranks by option id under the model's default profile.
fn ranks_by_id(options: &str, criteria: &str) -> Vec<(String, usize, f64)> {
    let model = from_texts(options, criteria).expect("generated models are valid");
    let profile = &model.profiles[0];
    let weights = tradeoffs::weights::of_profile(&model, profile).weights;
    let report = tradeoffs::rank(&model, "p", &weights, MethodKind::Wsm);
    let mut rows: Vec<_> = report
        .ranking
        .into_iter()
        .map(|r| (r.id, r.rank, r.score))
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    rows
}

fn problem() -> impl Strategy<Value = (Vec<Vec<f64>>, Vec<f64>)> {
    (2usize..7, 1usize..6).prop_flat_map(|(n, m)| {
        (
            prop::collection::vec(prop::collection::vec(0u8..=100, m), n).prop_map(|rows| {
                rows.into_iter()
                    .map(|r| r.into_iter().map(|x| f64::from(x) / 10.0).collect())
                    .collect()
            }),
            prop::collection::vec(1u16..1000, m)
                .prop_map(|w| w.into_iter().map(f64::from).collect()),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn permuting_options_permutes_the_ranking((scores, weights) in problem(), seed in any::<u64>()) {
        let n = scores.len();
        let ids: Vec<usize> = (0..n).collect();
        let mut order = ids.clone();
        // A deterministic shuffle from the seed.
        let mut s = seed;
        for i in (1..n).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            order.swap(i, (s >> 33) as usize % (i + 1));
        }
        let permuted: Vec<Vec<f64>> = order.iter().map(|&i| scores[i].clone()).collect();
        let permuted_ids: Vec<usize> = order.clone();
        let (o1, c1) = model_text(&scores, &weights, &ids);
        let (o2, c2) = model_text(&permuted, &weights, &permuted_ids);
        let a = ranks_by_id(&o1, &c1);
        let b = ranks_by_id(&o2, &c2);
        for (x, y) in a.iter().zip(&b) {
            prop_assert_eq!(&x.0, &y.0);
            prop_assert_eq!(x.1, y.1);
            prop_assert!((x.2 - y.2).abs() < 1e-12);
        }
    }

    #[test]
    fn scaling_all_weights_by_a_positive_constant_changes_nothing((scores, weights) in problem(), factor in 0.001f64..1000.0) {
        let ids: Vec<usize> = (0..scores.len()).collect();
        let scaled: Vec<f64> = weights.iter().map(|w| w * factor).collect();
        let (o1, c1) = model_text(&scores, &weights, &ids);
        let (o2, c2) = model_text(&scores, &scaled, &ids);
        let a = ranks_by_id(&o1, &c1);
        let b = ranks_by_id(&o2, &c2);
        for (x, y) in a.iter().zip(&b) {
            prop_assert!((x.2 - y.2).abs() < 1e-9, "{} vs {}", x.2, y.2);
            // Ranks agree except where rounding moves a near-tie across the tolerance.
            if (x.2 - y.2).abs() < 1e-12 {
                prop_assert_eq!(x.1, y.1);
            }
        }
    }

    #[test]
    fn an_option_that_dominates_another_never_ranks_below_it(
        (mut scores, weights) in problem(),
        gains in prop::collection::vec(0u8..=30, 5),
    ) {
        // Make option 0 dominate option 1: at least as good everywhere.
        let m = weights.len();
        for j in 0..m {
            let g = f64::from(gains[j % gains.len()]) / 10.0;
            let base = scores[1][j];
            scores[0][j] = if j < m.div_ceil(2) { (base + g).min(10.0) } else { (base - g).max(0.0) };
        }
        let ids: Vec<usize> = (0..scores.len()).collect();
        let (o, c) = model_text(&scores, &weights, &ids);
        let r = ranks_by_id(&o, &c);
        let rank_of = |id: &str| r.iter().find(|x| x.0 == id).map(|x| x.1).unwrap_or(usize::MAX);
        prop_assert!(rank_of("o0") <= rank_of("o1"));
    }

    #[test]
    fn arbitrary_text_never_panics_the_loader(options in ".{0,300}", criteria in ".{0,300}") {
        let _ = from_texts(&options, &criteria);
    }

    #[test]
    fn toml_shaped_text_never_panics_the_loader(
        options in r#"(\[\[options\]\]\n|\[sources\.[a-z]{1,3}\]\n|[a-z_]{1,8} = ("[a-z ]{0,5}"|-?[0-9]{1,3}(\.[0-9])?|\{ ?([a-z_]{1,6} = -?[0-9]{1,2}, ?){0,3}\}|\[[0-9, "a-z\[\]]{0,12}\])\n){0,12}"#,
        criteria in r#"(\[\[criteria\]\]\n|\[\[groups\]\]\n|\[model\]\n|\[profiles\.[a-z]{1,3}\]\n|[a-z_]{1,14} = ("[a-z_ ]{0,8}"|-?[0-9]{1,3}(\.[0-9])?|nan|inf|\{ ?([a-z_]{1,6} = -?[0-9]{1,2}, ?){0,3}\}|\[[0-9, "/a-z\[\]]{0,16}\])\n){0,14}"#,
    ) {
        let _ = from_texts(&options, &criteria);
    }

    #[test]
    fn mutating_a_valid_model_never_panics_the_loader(
        cut in 0usize..4000, len in 0usize..40, insert in "[\\[\\]{}=\",.a-z0-9\n-]{0,6}", which in any::<bool>(),
    ) {
        let options = include_str!("fixtures/small/options.toml");
        let criteria = include_str!("fixtures/small/criteria.toml");
        let mutate = |text: &str| {
            let bytes = text.as_bytes();
            let start = cut.min(bytes.len());
            let end = (start + len).min(bytes.len());
            let mut out = bytes[..start].to_vec();
            out.extend_from_slice(insert.as_bytes());
            out.extend_from_slice(&bytes[end..]);
            String::from_utf8_lossy(&out).into_owned()
        };
        if which {
            let _ = from_texts(&mutate(options), criteria);
        } else {
            let _ = from_texts(options, &mutate(criteria));
        }
    }
}

/// Magnitudes the door admits (nonzero ones within 1e-100..=1e100; weights: any
/// size, but no share below 1e-100 of the largest) ...
const ADMITTED: &[f64] = &[1e-100, 2e-100, 1e-10, 0.5, 1.0, 3.0, 1e10, 5e99, 1e100];

/// ... and magnitudes it turns away, at the edges of `f64`.
const REJECTED: &[f64] = &[1e-308, 1e-200, 1e154, 1e308, f64::MAX];

fn extreme() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => prop::sample::select(ADMITTED),
        1 => prop::sample::select(REJECTED),
    ]
}

/// One criterion at the edges: a scale, a direction, a preference function,
/// and where each option's score lies on the scale (0..=1).
#[derive(Debug, Clone)]
struct EdgeCriterion {
    low: f64,
    high: f64,
    negative_low: bool,
    benefit: bool,
    preference: u8,
    q: f64,
    p: f64,
    positions: Vec<f64>,
}

fn edge_criterion(n: usize) -> impl Strategy<Value = EdgeCriterion> {
    (
        extreme(),
        extreme(),
        any::<bool>(),
        any::<bool>(),
        0u8..6,
        extreme(),
        extreme(),
        prop::collection::vec(prop::sample::select(&[0.0, 0.25, 0.5, 0.75, 1.0][..]), n),
    )
        .prop_map(
            |(a, b, negative_low, benefit, preference, q, p, positions)| EdgeCriterion {
                low: a.min(b),
                high: a.max(b),
                negative_low,
                benefit,
                preference,
                q: q.min(p),
                p: q.max(p),
                positions,
            },
        )
}

fn edge_model() -> impl Strategy<Value = (Vec<EdgeCriterion>, Vec<f64>)> {
    (2usize..5, 1usize..4).prop_flat_map(|(n, m)| {
        (
            prop::collection::vec(edge_criterion(n), m),
            prop::collection::vec(extreme(), m),
        )
    })
}

/// The model as TOML; `None` where the scale is empty.
fn edge_text(criteria: &[EdgeCriterion], weights: &[f64]) -> Option<(String, String)> {
    let mut c = String::from("[model]\ntitle = \"edges\"\ndefault_profile = \"p\"\n");
    let n = criteria[0].positions.len();
    let mut rows = vec![String::new(); n];
    for (j, k) in criteria.iter().enumerate() {
        let min = if k.negative_low { -k.high } else { k.low };
        let max = k.high;
        if min >= max {
            return None;
        }
        let preference = match k.preference {
            0 => "{ kind = \"usual\" }".to_string(),
            1 => format!("{{ kind = \"u-shape\", q = {:e} }}", k.q),
            2 => format!("{{ kind = \"v-shape\", p = {:e} }}", k.p),
            3 => format!("{{ kind = \"level\", q = {:e}, p = {:e} }}", k.q, k.p),
            4 => format!("{{ kind = \"linear\", q = {:e}, p = {:e} }}", k.q, k.p),
            _ => format!("{{ kind = \"gaussian\", s = {:e} }}", k.p),
        };
        c.push_str(&format!(
            "[[criteria]]\nid = \"c{j}\"\ndirection = \"{}\"\nscale = {{ min = {min:e}, max = {max:e} }}\npreference = {preference}\n",
            if k.benefit { "benefit" } else { "cost" }
        ));
        for (i, t) in k.positions.iter().enumerate() {
            // A point of the scale without forming its width, which may overflow.
            let x = (min * (1.0 - t) + max * t).clamp(min, max);
            rows[i].push_str(&format!("c{j} = {x:e}, "));
        }
    }
    let ws: Vec<String> = weights
        .iter()
        .enumerate()
        .map(|(j, w)| format!("c{j} = {w:e}"))
        .collect();
    c.push_str(&format!(
        "[profiles.p]\nweights = {{ {} }}\n",
        ws.join(", ")
    ));
    let o: String = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            format!(
                "[[options]]\nid = \"o{i}\"\nscores = {{ {} }}\n",
                r.trim_end_matches(", ")
            )
        })
        .collect();
    Some((o, c))
}

/// Keys whose value may be null in a report's JSON: optional results, never numbers.
const OPTIONAL: &[&str] = &[
    "confidence",
    "nearest_flip",
    "critical",
    "critical_relative",
    "critical_any_pair",
    "hit_and_run",
    "relative_change",
    "renormalized_weight",
    "along_sweep",
    "below",
    "above",
    "runner_up",
    "runner_up_name",
    "top_places",
];

/// Every null in `value` sits under an optional key; returns the first offending key.
fn misplaced_null(value: &serde_json::Value, key: &str) -> Option<String> {
    match value {
        serde_json::Value::Null if !OPTIONAL.contains(&key) => Some(key.to_string()),
        serde_json::Value::Array(items) => items.iter().find_map(|v| misplaced_null(v, key)),
        serde_json::Value::Object(map) => map.iter().find_map(|(k, v)| misplaced_null(v, k)),
        _ => None,
    }
}

/// No NaN, inf or misplaced null in a report, as JSON or as text.
fn assert_printable<T: tradeoffs::Render + serde::Serialize>(report: &T, what: &str) {
    let json = serde_json::to_value(report).expect("serializes");
    assert_eq!(misplaced_null(&json, "root"), None, "{what}: {json}");
    let text = report.render(tradeoffs::Format::Table);
    for word in ["NaN", "inf"] {
        assert!(
            !text
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == word),
            "{what} prints {word}:\n{text}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Whatever `check` accepts, every command computes finite results and
    /// none panics: scales, weights, scores and thresholds at the edges of f64.
    #[test]
    fn a_model_check_accepts_never_yields_a_non_finite_result((criteria, weights) in edge_model()) {
        use tradeoffs::analysis::{sensitivity, smaa};
        use tradeoffs::methods::{MethodSettings, Normalization};
        let Some((options, criteria_text)) = edge_text(&criteria, &weights) else {
            return Ok(());
        };
        let Ok(model) = from_texts(&options, &criteria_text) else {
            return Ok(());
        };
        let w = tradeoffs::weights::of_profile(&model, &model.profiles[0]).weights;
        prop_assert!(w.iter().all(|x| x.is_finite() && *x >= 0.0), "weights {w:?}");
        prop_assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-9, "weights {w:?} do not sum to 1");
        for &method in MethodKind::ALL {
            for name in Normalization::NAMES {
                let settings = MethodSettings {
                    normalization: name.parse().expect("a normalization"),
                    ..MethodSettings::default()
                };
                let report = tradeoffs::analysis::rank_with(&model, "p", &w, method, &settings);
                for row in &report.ranking {
                    prop_assert!(row.score.is_finite(), "{method} {name}: {} scores {}", row.id, row.score);
                }
                assert_printable(&report, &format!("rank {method} {name}"));
            }
            let bounds = vec![(0.0, 1.0); w.len()];
            let report = sensitivity::analyse(&model, &sensitivity::Request {
                profile: "p",
                weights: &w,
                bounds,
                method,
                rebalance: sensitivity::Rebalance::Proportional,
                criterion: None,
                top: sensitivity::DEFAULT_TOP,
                all: false,
            });
            assert_printable(&report, &format!("sensitivity {method}"));
        }
        for weights in [smaa::WeightInfo::Fixed(w.clone()), smaa::WeightInfo::Uniform { criteria: w.len() }] {
            let report = smaa::run(&model, &smaa::Request {
                profile: "p".into(),
                weights,
                method: MethodKind::Wsm,
                samples: 64,
                seed: 1,
                scores: smaa::ScoreMode::Fixed,
                threads: Some(1),
                progress: false,
                ranks: None,
                pairwise: None,
            }).expect("runs");
            assert_printable(&report, "smaa");
        }
    }
}

/// Weights of 1e308 each sum to infinity, but they mean 1:1: the door accepts
/// them and every option keeps its own score (not all 0).
#[test]
fn weights_at_the_top_of_f64_mean_their_ratio() {
    let (options, criteria) = model_text(&[vec![1.0, 9.0], vec![8.0, 2.0]], &[1.0, 1.0], &[0, 1]);
    let criteria = criteria.replace("c0 = 1.0, c1 = 1.0", "c0 = 1e308, c1 = 1e308");
    let model = from_texts(&options, &criteria).expect("valid");
    let w = tradeoffs::weights::of_profile(&model, &model.profiles[0]).weights;
    assert_eq!(w, vec![0.5, 0.5]);
    let report = tradeoffs::rank(&model, "p", &w, MethodKind::Wsm);
    // c0 is a benefit, c1 a cost, both on 0..=10: o0 = (0.1 + 0.1)/2, o1 = (0.8 + 0.8)/2.
    assert_eq!(report.ranking[0].id, "o1");
    assert!((report.ranking[0].score - 0.8).abs() < 1e-12);
    assert!((report.ranking[1].score - 0.1).abs() < 1e-12);
}
