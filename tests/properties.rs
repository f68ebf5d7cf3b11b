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
