//! Why one option ranks above another.

use serde::Serialize;

use super::dominance::dominates;
use super::sensitivity::{Path, Rebalance};
use crate::methods::{Better, MethodKind, MethodSettings, Problem, StepValues, WeightedSum};
use crate::model::Model;

/// One criterion's part in the difference between A and B.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairContribution {
    /// Criterion id.
    pub criterion: String,
    /// Criterion name.
    #[serde(skip)]
    pub name: String,
    /// `w_j (v_Aj − v_Bj)`: positive where A gains.
    pub contribution: f64,
}

/// The smallest single-weight change that reverses the pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reversal {
    /// The criterion whose weight changes (the others rebalanced in proportion).
    pub criterion: String,
    /// The weight at which the two options tie.
    pub weight: f64,
    /// `weight − current weight`.
    pub change: f64,
}

/// A method's intermediate quantity for the two options.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepPair {
    /// Symbol.
    pub symbol: &'static str,
    /// Caption.
    pub caption: &'static str,
    /// A's number(s).
    pub a: Vec<f64>,
    /// B's number(s).
    pub b: Vec<f64>,
}

/// The result of `tradeoffs explain A B`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExplainReport {
    /// The model's title.
    pub model: String,
    /// Profile id.
    pub profile: String,
    /// First option id.
    pub a: String,
    /// Second option id.
    pub b: String,
    /// Method name.
    pub method: String,
    /// A's figure minus B's under the method.
    pub difference: f64,
    /// Whether A ranks above B under the method.
    pub a_ahead: bool,
    /// Per-criterion weighted contributions to the additive-model difference, largest first.
    pub contributions: Vec<PairContribution>,
    /// The smallest single-weight change that reverses the pair under the additive model.
    pub reversal: Option<Reversal>,
    /// `a`, `b`, or null: which option dominates the other.
    pub dominates: Option<String>,
    /// The method's own quantities for the two options (methods other than wsm).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<StepPair>,
    /// The explanation in words.
    pub summary: String,
    /// Option names, for display.
    #[serde(skip)]
    pub names: [String; 2],
    /// Criterion names with their direction, in model order, for display.
    #[serde(skip)]
    pub criteria: Vec<String>,
}

/// Explains the order of options `a` and `b` under `weights` and `method`.
pub fn explain(
    model: &Model,
    profile: &str,
    weights: &[f64],
    (a, b): (usize, usize),
    method: MethodKind,
    settings: &MethodSettings,
) -> ExplainReport {
    let problem = Problem::of(model).with_detail(&[a, b]);
    let values = problem.values();
    let evaluation = method.with(settings).evaluate(&problem, weights);
    let difference = evaluation.scores[a] - evaluation.scores[b];
    let a_ahead = match evaluation.better {
        Better::Higher => difference > 0.0,
        Better::Lower => difference < 0.0,
    };
    let mut contributions: Vec<PairContribution> = model
        .criteria
        .iter()
        .enumerate()
        .map(|(j, c)| PairContribution {
            criterion: c.id.to_string(),
            name: c.name_with_direction(),
            contribution: weights[j] * (values[(a, j)] - values[(b, j)]),
        })
        .collect();
    contributions.sort_by(|x, y| y.contribution.abs().total_cmp(&x.contribution.abs()));

    // Under the additive model each pair's difference is linear along a
    // proportional sweep, so its root is the reversal weight.
    let additive = WeightedSum::contributions(&values, weights);
    let gap = additive.row(a).sum() - additive.row(b).sum();
    let reversal = (0..model.criteria.len())
        .filter_map(|k| {
            let path = Path::of(weights, &[k], Rebalance::Proportional);
            let line = |i: usize| {
                let base: f64 = (0..values.ncols())
                    .map(|j| values[(i, j)] * path.base[j])
                    .sum();
                let slope: f64 = (0..values.ncols())
                    .map(|j| values[(i, j)] * path.slope[j])
                    .sum();
                (base, slope)
            };
            let ((ab, asl), (bb, bsl)) = (line(a), line(b));
            let slope = asl - bsl;
            if slope.abs() < 1e-15 || gap == 0.0 {
                return None;
            }
            let t = (bb - ab) / slope;
            (0.0..=1.0).contains(&t).then(|| Reversal {
                criterion: model.criteria[k].id.to_string(),
                weight: t,
                change: t - weights[k],
            })
        })
        .min_by(|x, y| x.change.abs().total_cmp(&y.change.abs()));

    let dominance = if dominates(&values, a, b) {
        Some(model.options[a].id.to_string())
    } else if dominates(&values, b, a) {
        Some(model.options[b].id.to_string())
    } else {
        None
    };
    let steps = if method == MethodKind::Wsm {
        vec![]
    } else {
        evaluation
            .steps
            .iter()
            .filter_map(|s| {
                let (x, y) = match &s.values {
                    StepValues::PerOption(v) => (vec![v[a]], vec![v[b]]),
                    StepValues::Cells(_) => (
                        s.values.cells_of(a)?.to_vec(),
                        s.values.cells_of(b)?.to_vec(),
                    ),
                    StepValues::PerCriterion(_) => return None,
                };
                Some(StepPair {
                    symbol: s.symbol,
                    caption: s.caption,
                    a: x,
                    b: y,
                })
            })
            .collect()
    };
    let names = [model.options[a].name.clone(), model.options[b].name.clone()];
    let summary = if method == MethodKind::Wsm {
        summarize(&names, gap, &contributions, &reversal)
    } else {
        summarize_method(model, &names, &evaluation, (a, b), weights, method, a_ahead)
    };
    ExplainReport {
        model: model.title.clone(),
        profile: profile.to_string(),
        a: model.options[a].id.to_string(),
        b: model.options[b].id.to_string(),
        method: method.name().to_string(),
        difference,
        a_ahead,
        contributions,
        reversal,
        dominates: dominance,
        steps,
        summary,
        names,
        criteria: model
            .criteria
            .iter()
            .map(|c| c.name_with_direction())
            .collect(),
    }
}

/// The explanation under a method other than the additive one: its verdict
/// and the quantities it decided by, never additive contributions.
fn summarize_method(
    model: &Model,
    names: &[String; 2],
    evaluation: &crate::methods::Evaluation,
    (a, b): (usize, usize),
    weights: &[f64],
    method: MethodKind,
    a_ahead: bool,
) -> String {
    let (first, second) = if a_ahead {
        (&names[0], &names[1])
    } else {
        (&names[1], &names[0])
    };
    let (x, y) = if a_ahead { (a, b) } else { (b, a) };
    let mut words = format!(
        "Under the {}, {first} ranks above {second} ({:.3} against {:.3}).",
        method.title(),
        evaluation.scores[x],
        evaluation.scores[y],
    );
    if method == MethodKind::Wpm {
        if let Some(v) = evaluation
            .steps
            .iter()
            .find(|s| s.symbol == "v")
            .map(|s| &s.values)
        {
            for (k, &i) in [a, b].iter().enumerate() {
                let Some(row) = v.cells_of(i) else {
                    continue;
                };
                let zero: Vec<String> = (0..weights.len())
                    .filter(|&j| row[j] <= 0.0 && weights[j] > 0.0)
                    .map(|j| model.criteria[j].name_with_direction())
                    .collect();
                if !zero.is_empty() {
                    words.push_str(&format!(
                        " {} has the worst possible value on {}, which makes its product 0: a veto, whatever its other scores.",
                        names[k],
                        zero.join(" and ")
                    ));
                }
            }
        }
    }
    words
}

fn summarize(
    names: &[String; 2],
    gap: f64,
    contributions: &[PairContribution],
    reversal: &Option<Reversal>,
) -> String {
    let signed = |x: f64| format!("{}{:.3}", if x >= 0.0 { "+" } else { "−" }, x.abs());
    let [a, b] = names;
    let mut words = if gap == 0.0 {
        format!("Under the additive model {a} and {b} tie.")
    } else {
        let (leader, trailer) = if gap > 0.0 { (a, b) } else { (b, a) };
        format!(
            "Under the additive model {leader} leads {trailer} by {:.3}.",
            gap.abs()
        )
    };
    let gains = contributions.iter().find(|c| c.contribution > 0.0);
    let back = contributions.iter().find(|c| c.contribution < 0.0);
    if let Some(g) = gains {
        words.push_str(&format!(
            " {a} gains most on {} ({}).",
            g.name,
            signed(g.contribution)
        ));
    }
    // Contributions are value differences: "gains on" a "less is better"
    // criterion means having less of it.
    if let Some(c) = back {
        let verb = if gap > 0.0 {
            "claws back"
        } else {
            "gains most"
        };
        words.push_str(&format!(
            " {b} {verb} on {} ({}).",
            c.name,
            signed(c.contribution)
        ));
    }
    if let Some(r) = reversal {
        words.push_str(&format!(
            " The order reverses if the weight of {} moves from {:.3} to {:.3}, the others rescaled in proportion.",
            r.criterion,
            r.weight - r.change,
            r.weight
        ));
    }
    words
}
