//! Ranks from a method's figures, and the ranking report.

use indexmap::IndexMap;
use serde::Serialize;

use super::dominance::{SEARCH_BUDGET, dominators_within};
use crate::methods::{
    Better, Evaluation, MethodKind, MethodSettings, Problem, Step, StepValues, WeightedSum,
};
use crate::model::{Direction, Model};

/// Figures closer than this count as a tie.
pub const TIE_TOLERANCE: f64 = 1e-9;

/// Competition ranks ("1224"): tied options share the best rank of the tie, and
/// the next rank skips as many places as were tied.
///
/// Two figures tie when they differ by at most [`TIE_TOLERANCE`], measured
/// from the first figure of the tie.
pub fn competition_ranks(scores: &[f64], better: Better) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| {
        let by_score = match better {
            Better::Higher => scores[b].total_cmp(&scores[a]),
            Better::Lower => scores[a].total_cmp(&scores[b]),
        };
        by_score.then(a.cmp(&b))
    });
    let mut ranks = vec![0; scores.len()];
    let mut tie_start = 0;
    for (position, &option) in order.iter().enumerate() {
        let leader = order[tie_start];
        if (scores[option] - scores[leader]).abs() > TIE_TOLERANCE {
            tie_start = position;
        }
        ranks[option] = tie_start + 1;
    }
    ranks
}

/// The options in rank order (ties in model order).
pub fn rank_order(ranks: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..ranks.len()).collect();
    order.sort_by_key(|&i| (ranks[i], i));
    order
}

/// One criterion's part in an option's overall value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contribution {
    /// Criterion id.
    pub criterion: String,
    /// Criterion name.
    #[serde(skip)]
    pub name: String,
    /// Whether more or less of the criterion is better.
    pub direction: Direction,
    /// `w_j · v_ij` (under the weighted product: the factor `v_ij ^ w_j`).
    pub contribution: f64,
}

/// One of a method's own per-option quantities, e.g. TOPSIS's distance to the ideal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// The symbol in the method's formula.
    pub symbol: &'static str,
    /// What it is.
    pub caption: &'static str,
    /// The option's number.
    pub value: f64,
}

/// One row of a ranking.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankedOption {
    /// Competition rank.
    pub rank: usize,
    /// Option id.
    pub id: String,
    /// Option name.
    pub name: String,
    /// The method's figure.
    pub score: f64,
    /// The two criteria contributing most to the additive value (additive model only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub top_contributors: Vec<Contribution>,
    /// What a method other than the additive one used for this option:
    /// TOPSIS's D⁺ and D⁻, VIKOR's S and R, PROMETHEE's φ⁺ and φ⁻.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
    /// Under the weighted product: the two smallest factors `v^w`, which hold
    /// the product down most (a factor of 0 vetoes the option).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub weakest_factors: Vec<Contribution>,
    /// An option that dominates this one (at least as good on every criterion,
    /// better on one), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dominated_by: Option<String>,
}

/// VIKOR's compromise, by option id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompromiseReport {
    /// The compromise set, best Q first.
    pub set: Vec<String>,
    /// Whether Q(a″) − Q(a′) ≥ 1/(n − 1).
    pub acceptable_advantage: bool,
    /// Whether a′ is also best by S or R.
    pub acceptable_stability: bool,
}

/// A ranking of every option under one profile and method.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankReport {
    /// The model's title.
    pub model: String,
    /// The profile id, or `equal-weights` when the model has none.
    pub profile: String,
    /// The profile's name, as people read it (its id when it has none).
    pub profile_name: String,
    /// The method name.
    pub method: String,
    /// How scores were made comparable.
    pub normalization: String,
    /// The weights used, per criterion id.
    pub weights: IndexMap<String, f64>,
    /// The options, best first.
    pub ranking: Vec<RankedOption>,
    /// Whether higher or lower figures are better.
    #[serde(skip)]
    pub better: Better,
    /// VIKOR's compromise set and conditions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compromise: Option<CompromiseReport>,
    /// Notes on degenerate data.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Option names by id, for display.
    #[serde(skip)]
    pub names: IndexMap<String, String>,
}

/// Ranks the model's options under `weights` with `method` and its default settings.
pub fn rank(model: &Model, profile: &str, weights: &[f64], method: MethodKind) -> RankReport {
    rank_with(model, profile, weights, method, &MethodSettings::default())
}

/// Ranks the model's options under `weights` with `method` and `settings`.
pub fn rank_with(
    model: &Model,
    profile: &str,
    weights: &[f64],
    method: MethodKind,
    settings: &MethodSettings,
) -> RankReport {
    let problem = Problem::of(model);
    let Evaluation {
        scores,
        better,
        notes,
        compromise,
        steps,
    } = method.with(settings).evaluate(&problem, weights);
    let criterion = |j: usize, contribution: f64| Contribution {
        criterion: model.criteria[j].id.to_string(),
        name: model.criteria[j].name.clone(),
        direction: model.criteria[j].direction,
        contribution,
    };
    let ranks = competition_ranks(&scores, better);
    let values = problem.values();
    let contributions = WeightedSum::contributions(&values, weights);
    let order = rank_order(&ranks);
    let dominance = dominators_within(&values, &order, SEARCH_BUDGET);
    let mut notes = notes;
    if dominance.checked < order.len() {
        notes.push(format!(
            "dominance was checked for the top {} of the {} options only (a larger model would take long to search); the others show no dominator",
            dominance.checked,
            order.len()
        ));
    }
    let dominated_by = dominance.dominated_by;
    let ranking = order
        .into_iter()
        .map(|i| {
            let mut parts: Vec<(usize, f64)> = if method == MethodKind::Wsm {
                contributions.row(i).iter().copied().enumerate().collect()
            } else {
                vec![]
            };
            parts.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            RankedOption {
                rank: ranks[i],
                id: model.options[i].id.to_string(),
                name: model.options[i].name.clone(),
                score: scores[i],
                top_contributors: parts
                    .into_iter()
                    .filter(|&(_, c)| c > 0.0)
                    .take(2)
                    .map(|(j, c)| criterion(j, c))
                    .collect(),
                figures: figures(method, &steps, i),
                weakest_factors: weakest_factors(model, method, weights, i)
                    .into_iter()
                    .map(|(j, f)| criterion(j, f))
                    .collect(),
                dominated_by: dominated_by[i].map(|d| model.options[d].id.to_string()),
            }
        })
        .collect();
    RankReport {
        model: model.title.clone(),
        profile: profile.to_string(),
        profile_name: model
            .profile_index(profile)
            .map_or_else(|| profile.to_string(), |p| model.profiles[p].name.clone()),
        method: method.name().to_string(),
        normalization: settings.normalization.name().to_string(),
        weights: model
            .criteria
            .iter()
            .zip(weights)
            .map(|(c, &w)| (c.id.to_string(), w))
            .collect(),
        ranking,
        better,
        compromise: compromise.map(|c| CompromiseReport {
            set: c
                .set
                .iter()
                .map(|&i| model.options[i].id.to_string())
                .collect(),
            acceptable_advantage: c.acceptable_advantage,
            acceptable_stability: c.acceptable_stability,
        }),
        notes,
        names: model
            .options
            .iter()
            .map(|o| (o.id.to_string(), o.name.clone()))
            .collect(),
    }
}

/// The per-option quantities a method other than the additive one ranks by
/// (its final score excluded: that is the option's score).
fn figures(method: MethodKind, steps: &[Step], option: usize) -> Vec<Figure> {
    let wanted: &[&str] = match method {
        MethodKind::Topsis => &["D+", "D-"],
        MethodKind::Vikor => &["S", "R"],
        MethodKind::Promethee => &["phi+", "phi-"],
        MethodKind::Wsm | MethodKind::Wpm => &[],
    };
    steps
        .iter()
        .filter(|s| wanted.contains(&s.symbol))
        .filter_map(|s| match &s.values {
            StepValues::PerOption(v) => Some(Figure {
                symbol: s.symbol,
                caption: s.caption,
                value: *v.get(option)?,
            }),
            _ => None,
        })
        .collect()
}

/// Under the weighted product, the two smallest factors `v^w` of criteria
/// with positive weight: what holds the product down most. The factors are
/// recomputed from the criteria's values, as the method computes them, for
/// this one option only.
fn weakest_factors(
    model: &Model,
    method: MethodKind,
    weights: &[f64],
    option: usize,
) -> Vec<(usize, f64)> {
    if method != MethodKind::Wpm {
        return vec![];
    }
    let mut parts: Vec<(usize, f64)> = (0..weights.len())
        .filter(|&j| weights[j] > 0.0)
        .map(|j| {
            let v = model.criteria[j].value(model.scores[(option, j)]);
            (j, v.powf(weights[j]))
        })
        .collect();
    parts.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    parts.truncate(2);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_share_a_rank_and_the_next_rank_skips() {
        let ranks = competition_ranks(&[0.9, 0.5, 0.5 + 1e-12, 0.1], Better::Higher);
        assert_eq!(ranks, vec![1, 2, 2, 4]);
    }

    #[test]
    fn lower_is_better_reverses_the_order() {
        assert_eq!(
            competition_ranks(&[0.2, 0.1, 0.3], Better::Lower),
            vec![2, 1, 3]
        );
    }
}
