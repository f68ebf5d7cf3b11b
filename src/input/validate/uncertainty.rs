//! What Monte Carlo runs read beyond point values: a profile's `ratios`
//! between criteria's weights, and a score's `distribution`.

use super::{Ids, Validator};
use crate::input::diagnostic::FileKind;
use crate::input::raw::*;
use crate::model::{Profile, ProfileForm, ScoreDistribution, WeightRatio};
use crate::weights::region::{Constraints, Region};

/// Checks `ratios = [["a", ">=", 2, "b"]]`; returns the valid entries.
pub(super) fn ratios(
    v: &mut Validator<'_>,
    def: &Sp<Vec<RatioDef>>,
    criteria: &Ids,
) -> Vec<WeightRatio> {
    let f = FileKind::Criteria;
    let mut out = vec![];
    for ratio in &def.value {
        let criterion = criteria.index(&ratio.criterion.value);
        let other = criteria.index(&ratio.other.value);
        if criterion.is_none() {
            v.unknown(
                "unknown-criterion",
                f,
                "criterion",
                &ratio.criterion,
                criteria,
            );
        }
        if other.is_none() {
            v.unknown("unknown-criterion", f, "criterion", &ratio.other, criteria);
        }
        let at_least = match ratio.relation.value.as_str() {
            ">=" => Some(true),
            "<=" => Some(false),
            other => {
                let e = v.error(
                    "invalid-ratio",
                    f,
                    ratio.relation.span,
                    format!("unknown relation `{other}` in a weight ratio"),
                );
                e.label = "not >= or <=".into();
                e.help = Some(
                    "write [\"a\", \">=\", 2, \"b\"] for w_a ≥ 2·w_b, or \"<=\" for at most".into(),
                );
                None
            }
        };
        let factor = ratio.factor.value;
        if factor < 0.0 {
            let e = v.error(
                "invalid-ratio",
                f,
                ratio.factor.span,
                format!("the factor of a weight ratio must be ≥ 0, not {factor}"),
            );
            e.label = "negative".into();
        }
        if let (Some(a), Some(b)) = (criterion, other) {
            if a == b {
                let e = v.error(
                    "invalid-ratio",
                    f,
                    ratio.span,
                    format!(
                        "a weight ratio compares `{}` with itself",
                        ratio.criterion.value
                    ),
                );
                e.label = "same criterion on both sides".into();
                continue;
            }
        }
        if let (Some(criterion), Some(at_least), Some(other), true) =
            (criterion, at_least, other, factor >= 0.0)
        {
            out.push(WeightRatio {
                criterion,
                at_least,
                factor,
                other,
            });
        }
    }
    out
}

/// Checks `distribution = { kind = …, … }` of one score against its `low`/`high`.
pub(super) fn distribution(
    v: &mut Validator<'_>,
    option: &str,
    criterion: &str,
    score: &ScoreDef,
    def: &DistributionDef,
) -> Option<ScoreDistribution> {
    let f = FileKind::Options;
    let Some(kind) = &def.kind else {
        let e = v.error(
            "invalid-distribution",
            f,
            def.span,
            format!("the distribution of `{option}` on `{criterion}` has no `kind`"),
        );
        e.label = "no kind".into();
        e.help = Some("kind is one of: uniform, normal, lognormal, beta".into());
        return None;
    };
    let positive = |v: &mut Validator<'_>, x: &Option<Sp<f64>>, name: &str| match x {
        Some(x) if x.value > 0.0 => Some(x.value),
        Some(x) => {
            let e = v.error(
                "invalid-distribution",
                f,
                x.span,
                format!("`{name}` must be > 0, not {}", x.value),
            );
            e.label = "not positive".into();
            None
        }
        None => {
            let e = v.error(
                "invalid-distribution",
                f,
                def.span,
                format!(
                    "a {} distribution needs `{name}` (the score of `{option}` on `{criterion}`)",
                    kind.value
                ),
            );
            e.label = format!("no {name}");
            None
        }
    };
    let unused = |v: &mut Validator<'_>, keys: &[(&Option<Sp<f64>>, &str)]| {
        for (x, name) in keys {
            if let Some(x) = x {
                let e = v.error(
                    "invalid-distribution",
                    f,
                    x.span,
                    format!("`{name}` does not apply to a {} distribution", kind.value),
                );
                e.label = "not used by this kind".into();
            }
        }
    };
    match kind.value.as_str() {
        "uniform" => {
            unused(
                v,
                &[
                    (&def.sd, "sd"),
                    (&def.sigma, "sigma"),
                    (&def.alpha, "alpha"),
                    (&def.beta, "beta"),
                ],
            );
            if score.low.is_none() || score.high.is_none() {
                let e = v.error(
                    "invalid-distribution",
                    f,
                    def.span,
                    format!(
                        "a uniform distribution needs `low` and `high` (the score of `{option}` on `{criterion}`)"
                    ),
                );
                e.label = "no range to be uniform on".into();
                return None;
            }
            Some(ScoreDistribution::Uniform)
        }
        "normal" => {
            unused(
                v,
                &[
                    (&def.sigma, "sigma"),
                    (&def.alpha, "alpha"),
                    (&def.beta, "beta"),
                ],
            );
            positive(v, &def.sd, "sd").map(|sd| ScoreDistribution::Normal { sd })
        }
        "lognormal" => {
            unused(
                v,
                &[(&def.sd, "sd"), (&def.alpha, "alpha"), (&def.beta, "beta")],
            );
            let sigma = positive(v, &def.sigma, "sigma");
            if let Some(value) = &score.value {
                if value.value <= 0.0 {
                    let e = v.error(
                        "invalid-distribution",
                        f,
                        value.span,
                        format!(
                            "a lognormal score needs a value > 0 (its median), not {}",
                            value.value
                        ),
                    );
                    e.label = "not positive".into();
                    return None;
                }
            }
            sigma.map(|sigma| ScoreDistribution::LogNormal { sigma })
        }
        "beta" => {
            unused(v, &[(&def.sd, "sd"), (&def.sigma, "sigma")]);
            let alpha = positive(v, &def.alpha, "alpha");
            let beta = positive(v, &def.beta, "beta");
            Some(ScoreDistribution::Beta {
                alpha: alpha?,
                beta: beta?,
            })
        }
        other => {
            let e = v.error(
                "invalid-distribution",
                f,
                kind.span,
                format!("unknown distribution kind `{other}`"),
            );
            e.label = "not a known kind".into();
            e.help = Some(
                crate::input::diagnostic::did_you_mean(
                    other,
                    ["uniform", "normal", "lognormal", "beta"],
                )
                .unwrap_or_else(|| "kind is one of: uniform, normal, lognormal, beta".into()),
            );
            None
        }
    }
}

/// Reports a profile whose ranking, bounds and ratios together admit no
/// weight vector (each may be fine alone).
pub(super) fn feasible(v: &mut Validator<'_>, def: &ProfileDef, profile: &Profile, n: usize) {
    if profile.ratios.is_empty()
        && (profile.bounds.is_empty() || !matches!(profile.form, ProfileForm::Ranking(_)))
    {
        return; // bounds alone are checked with the bounds
    }
    let ranking = match &profile.form {
        ProfileForm::Ranking(levels) => Some(levels.clone()),
        _ => None,
    };
    let k = Constraints {
        criteria: n,
        ranking,
        intervals: profile
            .bounds
            .iter()
            .map(|b| (b.criterion, b.low, b.high))
            .collect(),
        ratios: profile.ratios.clone(),
    };
    if Region::new(&k).is_err() {
        let span = def
            .ratios
            .as_ref()
            .map(|r| r.span)
            .or(def.bounds.as_ref().map(|b| b.span))
            .unwrap_or(def.id.span);
        let e = v.error(
            "infeasible-weights",
            FileKind::Criteria,
            span,
            format!(
                "no weight vector satisfies the ranking, bounds and ratios of profile `{}` together",
                def.id.value
            ),
        );
        e.label = "contradicts the rest of the profile".into();
        e.help = Some("loosen a bound or a ratio, or reorder the ranking".into());
    }
}
