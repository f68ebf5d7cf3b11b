//! Every method against pymcdm's output for the same matrices, and against
//! worked examples computed by hand. The pymcdm numbers were generated once by
//! tests/reference/generate_pymcdm.py (pymcdm 1.4.0) into
//! tests/reference/pymcdm.json; these tests need no Python.

use nalgebra::DMatrix;
use serde_json::Value;
use tradeoffs::methods::{
    Method, MethodKind, MethodSettings, Normalization, Problem, Promethee, Topsis, Vikor,
};
use tradeoffs::model::{
    Criterion, CriterionId, Direction, MissingPolicy, PreferenceFunction, Scale,
};

const EPS: f64 = 1e-9;

fn criteria(types: &[i64], preference: &[PreferenceFunction]) -> Vec<Criterion> {
    types
        .iter()
        .enumerate()
        .map(|(j, t)| Criterion {
            id: CriterionId::new(format!("c{j}")),
            name: format!("c{j}"),
            description: String::new(),
            group: None,
            direction: if *t == 1 {
                Direction::Benefit
            } else {
                Direction::Cost
            },
            scale: Scale {
                min: 0.0,
                max: 10_000.0,
            },
            value_function: None,
            missing: MissingPolicy::Error,
            preference: preference
                .get(j)
                .copied()
                .unwrap_or(PreferenceFunction::Usual),
        })
        .collect()
}

fn reference() -> Value {
    serde_json::from_str(include_str!("reference/pymcdm.json")).expect("reference JSON")
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x.as_f64().expect("number"))
        .collect()
}

fn matrix(v: &Value) -> DMatrix<f64> {
    let rows: Vec<Vec<f64>> = v.as_array().expect("rows").iter().map(floats).collect();
    DMatrix::from_fn(rows.len(), rows[0].len(), |i, j| rows[i][j])
}

/// A reference case's matrix, criterion types (1 benefit, −1 cost) and weights.
fn case_inputs(case: &Value) -> (DMatrix<f64>, Vec<i64>, Vec<f64>) {
    let types = case["types"]
        .as_array()
        .expect("types")
        .iter()
        .map(|t| t.as_i64().expect("int"))
        .collect();
    (matrix(&case["matrix"]), types, floats(&case["weights"]))
}

fn assert_close(got: &[f64], want: &[f64], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}");
    for (g, w) in got.iter().zip(want) {
        assert!((g - w).abs() < EPS, "{what}: got {got:?}, pymcdm {want:?}");
    }
}

#[test]
fn the_reference_names_its_pymcdm_version() {
    assert_eq!(reference()["pymcdm_version"], "1.4.0");
}

#[test]
fn wsm_wpm_and_topsis_match_pymcdm_under_every_normalization() {
    let r = reference();
    let mut checked = 0;
    for (name, case) in r["cases"].as_object().expect("cases") {
        let (x, types, w) = case_inputs(case);
        let crit = criteria(&types, &[]);
        let problem = Problem::new(&x, &crit);
        for (norm_name, normalization) in [
            ("minmax", Normalization::Minmax),
            ("vector", Normalization::Vector),
            ("max", Normalization::Max),
            ("sum", Normalization::Sum),
        ] {
            let settings = MethodSettings {
                normalization,
                vikor_v: 0.5,
            };
            for method in [MethodKind::Wsm, MethodKind::Wpm, MethodKind::Topsis] {
                let key = format!("{}/{norm_name}", method.name());
                let Some(want) = case["results"][&key].as_array() else {
                    continue; // pymcdm refused this input (e.g. sum with a zero)
                };
                let want: Vec<f64> = want.iter().map(|v| v.as_f64().expect("number")).collect();
                let got = method.with(&settings).evaluate(&problem, &w).scores;
                assert_close(&got, &want, &format!("{name} {key}"));
                checked += 1;
            }
        }
    }
    assert!(checked >= 40, "only {checked} comparisons");
}

#[test]
fn vikor_matches_pymcdm() {
    let r = reference();
    for (name, case) in r["cases"].as_object().expect("cases") {
        let (x, types, w) = case_inputs(case);
        let crit = criteria(&types, &[]);
        let problem = Problem::new(&x, &crit);
        // VIKOR is invariant to a positive affine map of each column, so pymcdm's
        // raw variant equals ours on linear values.
        if let Some(want) = case["results"]["vikor/raw"].as_array() {
            let want: Vec<f64> = want.iter().map(|v| v.as_f64().expect("n")).collect();
            let got = Vikor {
                normalization: Normalization::Value,
                v: 0.5,
            }
            .evaluate(&problem, &w)
            .scores;
            assert_close(&got, &want, &format!("{name} vikor/raw"));
        }
        if let Some(want) = case["results"]["vikor/minmax/v0.3"].as_array() {
            let want: Vec<f64> = want.iter().map(|v| v.as_f64().expect("n")).collect();
            let got = Vikor {
                normalization: Normalization::Minmax,
                v: 0.3,
            }
            .evaluate(&problem, &w)
            .scores;
            assert_close(&got, &want, &format!("{name} vikor/minmax/v0.3"));
        }
    }
}

#[test]
fn promethee_matches_pymcdm_for_each_preference_function() {
    let r = reference();
    let mut checked = 0;
    for (name, case) in r["cases"].as_object().expect("cases") {
        let (x, types, w) = case_inputs(case);
        for kind in ["usual", "u-shape", "v-shape", "level", "linear"] {
            let Some(want) = case["results"][&format!("promethee/{kind}")].as_array() else {
                continue;
            };
            let want: Vec<f64> = want.iter().map(|v| v.as_f64().expect("n")).collect();
            let th = &case["promethee_thresholds"][kind];
            let at = |key: &str, j: usize| {
                th[key]
                    .as_array()
                    .map(|a| a[j].as_f64().expect("n"))
                    .unwrap_or(0.0)
            };
            let prefs: Vec<PreferenceFunction> = (0..types.len())
                .map(|j| match kind {
                    "usual" => PreferenceFunction::Usual,
                    "u-shape" => PreferenceFunction::UShape { q: at("q", j) },
                    "v-shape" => PreferenceFunction::VShape { p: at("p", j) },
                    "level" => PreferenceFunction::Level {
                        q: at("q", j),
                        p: at("p", j),
                    },
                    _ => PreferenceFunction::Linear {
                        q: at("q", j),
                        p: at("p", j),
                    },
                })
                .collect();
            let crit = criteria(&types, &prefs);
            let problem = Problem::new(&x, &crit);
            let got = Promethee {
                normalization: Normalization::Value,
            }
            .evaluate(&problem, &w)
            .scores;
            assert_close(&got, &want, &format!("{name} promethee/{kind}"));
            checked += 1;
        }
    }
    assert!(checked >= 15, "only {checked} comparisons");
}

/// Opricovic & Tzeng (2004), numerical example: A1 = (1, 3000), A2 = (2, 3750),
/// A3 = (5, 4500), the first a cost, equal weights. By hand with minmax
/// normalization: weighted rows (0.5, 0), (0.375, 0.25), (0, 0.5); ideal
/// (0.5, 0.5), anti-ideal (0, 0); A2: D+ = √(0.125² + 0.25²), D− = √(0.375² + 0.25²),
/// C = 0.6172; A1 and A3: C = 0.5.
#[test]
fn topsis_reproduces_the_opricovic_tzeng_example_by_hand() {
    let x = DMatrix::from_row_slice(3, 2, &[1.0, 3000.0, 2.0, 3750.0, 5.0, 4500.0]);
    let crit = criteria(&[-1, 1], &[]);
    let problem = Problem::new(&x, &crit);
    let c = Topsis {
        normalization: Normalization::Minmax,
    }
    .evaluate(&problem, &[0.5, 0.5])
    .scores;
    let a2 = (0.375f64.powi(2) + 0.0625).sqrt()
        / ((0.125f64.powi(2) + 0.0625).sqrt() + (0.375f64.powi(2) + 0.0625).sqrt());
    assert_close(&c, &[0.5, a2, 0.5], "TOPSIS");
}

/// PROMETHEE II with the usual function, by hand: A = (4, 3, 2), B = (3, 2, 4),
/// C = (5, 1, 3), weights (0.5, 0.3, 0.2), all benefit. π(A,B) = 0.8, π(A,C) = 0.3,
/// π(B,A) = 0.2, π(B,C) = 0.5, π(C,A) = 0.7, π(C,B) = 0.5; φ = (0.1, −0.3, 0.2).
#[test]
fn promethee_reproduces_a_hand_computed_example() {
    let x = DMatrix::from_row_slice(3, 3, &[4.0, 3.0, 2.0, 3.0, 2.0, 4.0, 5.0, 1.0, 3.0]);
    let crit = criteria(&[1, 1, 1], &[]);
    let problem = Problem::new(&x, &crit);
    let e = Promethee::default().evaluate(&problem, &[0.5, 0.3, 0.2]);
    assert_close(&e.scores, &[0.1, -0.3, 0.2], "net flows");
}

#[test]
fn vikor_reports_the_compromise_conditions() {
    // Q = (0.5679, 0.7667, 1, 0.7493, 0) for the VIKOR docstring example; the best
    // (option 5) leads the next (option 1) by 0.5679 ≥ 1/(5 − 1): C1 holds.
    let r = reference();
    let case = &r["cases"]["vikor_doc"];
    let x = matrix(&case["matrix"]);
    let crit = criteria(&[1, 1, 1, 1], &[]);
    let problem = Problem::new(&x, &crit);
    let e = Vikor::default().evaluate(&problem, &[0.25; 4]);
    let c = e.compromise.expect("compromise");
    assert!(c.acceptable_advantage);
    assert_eq!(c.set[0], 4);
}

#[test]
fn degenerate_data_never_gives_nan() {
    // A zero-range criterion, an all-zero column, zero weights, a single option.
    let x = DMatrix::from_row_slice(3, 3, &[5.0, 0.0, 1.0, 5.0, 0.0, 2.0, 5.0, 0.0, 3.0]);
    let crit = criteria(&[1, 1, -1], &[]);
    let problem = Problem::new(&x, &crit);
    for normalization in [
        Normalization::Value,
        Normalization::Vector,
        Normalization::Minmax,
        Normalization::Max,
        Normalization::Sum,
    ] {
        for method in MethodKind::ALL {
            for w in [[0.2, 0.3, 0.5], [0.0, 0.0, 1.0], [1.0, 0.0, 0.0]] {
                let e = method
                    .with(&MethodSettings {
                        normalization,
                        vikor_v: 0.5,
                    })
                    .evaluate(&problem, &w);
                assert!(
                    e.scores.iter().all(|s| s.is_finite()),
                    "{method} {normalization} {w:?}: {:?}",
                    e.scores
                );
            }
        }
    }
    let one = DMatrix::from_row_slice(1, 3, &[5.0, 0.0, 1.0]);
    let problem = Problem::new(&one, &crit);
    for method in MethodKind::ALL {
        let e = method.method().evaluate(&problem, &[0.2, 0.3, 0.5]);
        assert!(
            e.scores.iter().all(|s| s.is_finite()),
            "{method} single option"
        );
    }
}

#[test]
fn wpm_vetoes_an_option_with_a_zero_value() {
    let x = DMatrix::from_row_slice(2, 2, &[10.0, 0.0, 5.0, 5.0]);
    let crit = criteria(&[1, 1], &[]);
    let problem = Problem::new(&x, &crit);
    let e = MethodKind::Wpm.method().evaluate(&problem, &[0.9, 0.1]);
    assert_eq!(e.scores[0], 0.0);
    assert!(e.scores[1] > 0.0);
    assert!(!e.notes.is_empty());
}

/// Two options on one criterion with `preference`, scores `a` and `b`: their
/// net flows under `normalization`.
fn two_option_flows(
    criterion: &Criterion,
    (a, b): (f64, f64),
    normalization: Normalization,
) -> (f64, f64) {
    let x = DMatrix::from_row_slice(2, 1, &[a, b]);
    let criteria = [criterion.clone()];
    let problem = Problem::new(&x, &criteria);
    let e = Promethee { normalization }.evaluate(&problem, &[1.0]);
    (e.scores[0], e.scores[1])
}

fn boundary_criterion(direction: Direction, scale: (f64, f64), f: PreferenceFunction) -> Criterion {
    let mut c = criteria(&[1], &[f]).remove(0);
    c.direction = direction;
    c.scale = Scale {
        min: scale.0,
        max: scale.1,
    };
    c
}

/// The definition for two options (n − 1 = 1): φ(a) = P(d(a, b)) − P(d(b, a)),
/// with d the direction-aware difference of the integer scores, which is exact.
fn defined_flows(c: &Criterion, a: f64, b: f64) -> (f64, f64) {
    let d = match c.direction {
        Direction::Benefit => a - b,
        Direction::Cost => b - a,
    };
    let (ab, ba) = (c.preference.degree(d), c.preference.degree(-d));
    (ab - ba, ba - ab)
}

/// Brans & Vincke (1985): with a u-shape or level function a difference of
/// exactly q is indifference, and with level or v-shape exactly p is strict
/// (½ for level at q < d ≤ p, 1 for v-shape at d ≥ p). Every pair of integer
/// scores 0..=10 whose difference is a threshold, on scales whose width makes
/// value differences inexact (0..10, 0..7, −3..11, 0..0.3 × 10 = 0..3), for
/// both directions and every normalization: the flows are the definition's.
#[test]
fn promethee_thresholds_hold_exactly_at_integer_boundaries() {
    let mut checked = 0;
    let mut wrong = vec![];
    for scale in [(0.0, 10.0), (0.0, 7.0), (-3.0, 11.0), (0.0, 3.0)] {
        for direction in [Direction::Benefit, Direction::Cost] {
            for q in 0..=4 {
                for p in q..=5 {
                    let (q, p) = (q as f64, p as f64);
                    let mut shapes = vec![
                        PreferenceFunction::UShape { q },
                        PreferenceFunction::Level { q, p },
                    ];
                    if p > 0.0 {
                        shapes.push(PreferenceFunction::VShape { p });
                    }
                    if p > q {
                        shapes.push(PreferenceFunction::Linear { q, p });
                    }
                    for f in shapes {
                        let c = boundary_criterion(direction, scale, f);
                        for a in 0..=10 {
                            for b in 0..=10 {
                                let (a, b) = (a as f64, b as f64);
                                if ((a - b).abs() != q && (a - b).abs() != p) || a == b {
                                    continue;
                                }
                                let want = defined_flows(&c, a, b);
                                for normalization in [
                                    Normalization::Value,
                                    Normalization::Minmax,
                                    Normalization::Sum,
                                ] {
                                    let got = two_option_flows(&c, (a, b), normalization);
                                    checked += 1;
                                    if got != want {
                                        wrong.push(format!("{f:?} {direction:?} {scale:?} {normalization} ({a}, {b}): {got:?}, definition {want:?}"));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {checked} cases differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    assert!(checked > 5_000, "only {checked} cases");
}

/// Scores 3 and 4 with a u-shape q = 1 differ by exactly q: indifference, a
/// tie at 0 (the case that gave φ = ±1 when differences went through values).
#[test]
fn u_shape_at_exactly_q_is_indifference() {
    let c = boundary_criterion(
        Direction::Benefit,
        (0.0, 10.0),
        PreferenceFunction::UShape { q: 1.0 },
    );
    assert_eq!(
        two_option_flows(&c, (3.0, 4.0), Normalization::Value),
        (0.0, 0.0)
    );
    assert_eq!(
        two_option_flows(&c, (3.0, 4.5), Normalization::Value),
        (-1.0, 1.0)
    );
}

/// Scores 6 and 8 with a v-shape p = 2 differ by exactly p: full preference
/// for 8, also through a concave value function (which once measured the
/// difference in values × width, 0.4 × … instead of 2) and under minmax.
#[test]
fn v_shape_at_exactly_p_is_full_preference_whatever_the_value_function() {
    let mut c = boundary_criterion(
        Direction::Benefit,
        (0.0, 10.0),
        PreferenceFunction::VShape { p: 2.0 },
    );
    assert_eq!(
        two_option_flows(&c, (6.0, 8.0), Normalization::Value),
        (-1.0, 1.0)
    );
    c.value_function = Some(tradeoffs::model::PiecewiseLinear::new(vec![
        (0.0, 0.0),
        (5.0, 0.8),
        (10.0, 1.0),
    ]));
    for normalization in [
        Normalization::Value,
        Normalization::Minmax,
        Normalization::Vector,
    ] {
        assert_eq!(
            two_option_flows(&c, (6.0, 8.0), normalization),
            (-1.0, 1.0),
            "{normalization}"
        );
    }
    // A decreasing value function makes the lower score the better one.
    c.value_function = Some(tradeoffs::model::PiecewiseLinear::new(vec![
        (0.0, 1.0),
        (10.0, 0.0),
    ]));
    assert_eq!(
        two_option_flows(&c, (6.0, 8.0), Normalization::Value),
        (1.0, -1.0)
    );
}

/// Large problems are split across threads in fixed chunks and summed in a
/// fixed order: every figure is the same to the bit with 1 thread or 3.
#[test]
fn figures_do_not_depend_on_the_thread_count() {
    let (n, m) = (20_000, 20); // 400,000 cells: above the parallel threshold
    let cell = |k: usize| ((k * 7919) % 1009) as f64 / 100.0;
    let x = DMatrix::from_fn(n, m, |i, j| cell(i * m + j));
    let types: Vec<i64> = (0..m).map(|j| if j % 3 == 0 { -1 } else { 1 }).collect();
    let prefs = vec![PreferenceFunction::Linear { q: 0.5, p: 2.0 }; m];
    let crit = criteria(&types, &prefs);
    let problem = Problem::new(&x, &crit);
    let w: Vec<f64> = (0..m).map(|j| (j + 1) as f64 / 210.0).collect();
    for normalization in [
        Normalization::Value,
        Normalization::Vector,
        Normalization::Sum,
    ] {
        for method in MethodKind::ALL {
            let settings = MethodSettings {
                normalization,
                vikor_v: 0.5,
            };
            let run = |threads: usize| -> Vec<u64> {
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .build()
                    .expect("pool");
                pool.install(|| method.with(&settings).evaluate(&problem, &w).scores)
                    .iter()
                    .map(|s| s.to_bits())
                    .collect()
            };
            assert!(run(1) == run(3), "{method} {normalization}");
        }
    }
}
