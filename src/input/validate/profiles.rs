//! Profiles: exactly one weight form each, ids resolved, AHP matrices checked.

use nalgebra::DMatrix;

use super::{CONSISTENCY_LIMIT, RECIPROCAL_TOLERANCE};
use super::{Ids, Validator, text};
use crate::input::diagnostic::FileKind;
use crate::input::raw::*;
use crate::model::*;
use crate::weights::ahp;

pub(super) fn profile(
    v: &mut Validator<'_>,
    def: &ProfileDef,
    criteria: &Ids,
    groups: &Ids,
    criterion_list: &[Criterion],
    known_group: &[bool],
) -> Profile {
    let f = FileKind::Criteria;
    let id = &def.id.value;
    let n = criteria.ids.len();
    let forms: Vec<&str> = [
        def.weights.as_ref().map(|_| "weights"),
        def.ranking.as_ref().map(|_| "ranking"),
        def.pairwise.as_ref().map(|_| "pairwise"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if forms.is_empty() {
        let e = v.error(
            "profile-form-missing",
            f,
            def.id.span,
            format!("profile `{id}` has none of `weights`, `ranking`, `pairwise`"),
        );
        e.label = "no weights".into();
        e.help =
            Some("give exactly one, e.g. weights = { criterion_a = 3, criterion_b = 1 }".into());
    } else if forms.len() > 1 {
        let e = v.error(
            "profile-form-conflict",
            f,
            def.id.span,
            format!(
                "profile `{id}` has {}; it needs exactly one",
                forms.join(" and ")
            ),
        );
        e.label = "several forms".into();
        e.help = Some(
            "keep one of weights, ranking, pairwise and move the others to a new profile".into(),
        );
    }
    if def.group_weights.is_some() && def.weights.is_none() {
        let gw = def.group_weights.as_ref().map_or(def.span, |g| g.span);
        let e = v.error(
            "profile-form-conflict",
            f,
            gw,
            format!("profile `{id}` has group_weights without weights"),
        );
        e.help = Some(
            "group_weights split the total between groups; weights then split each group's share"
                .into(),
        );
    }
    if let (Some(order), None) = (&def.criteria_order, &def.pairwise) {
        let e = v.error(
            "profile-form-conflict",
            f,
            order.span,
            format!("profile `{id}` has criteria_order but no pairwise matrix"),
        );
        e.label = "only used with pairwise".into();
    }

    let form = if let Some(weights) = &def.weights {
        let direct = weight_map(v, weights, criteria, "criterion", "unknown-criterion");
        if forms.len() == 1 {
            left_out(v, def, weights, criteria);
        }
        let group_weights = def.group_weights.as_ref().map(|gw| {
            let gws = weight_map(v, gw, groups, "group", "unknown-group");
            check_group_weights(v, def, &direct, &gws, criterion_list, groups, known_group);
            groups_left_out(v, def, gw.span, &direct, &gws, criterion_list, groups);
            gws
        });
        ProfileForm::Weights {
            weights: dense(&direct, n),
            group_weights: group_weights.map(|g| dense(&g, groups.ids.len())),
        }
    } else if let Some(ranking) = &def.ranking {
        // A ranking or a pairwise matrix names the criteria it compares; the
        // others weigh 0 by the form's definition (docs/format.md), and there
        // is no 0 to write, so only the weights form is warned about.
        ProfileForm::Ranking(ranking_levels(v, id, ranking, criteria))
    } else if let Some(matrix) = &def.pairwise {
        pairwise(v, def, matrix, criteria)
    } else {
        ProfileForm::Weights {
            weights: vec![1.0; n],
            group_weights: None,
        }
    };

    let stated = stated_weights(&form, criterion_list);
    let bounds = def
        .bounds
        .as_ref()
        .map(|b| bounds(v, id, b, criteria, stated.as_deref()))
        .unwrap_or_default();
    let profile = Profile {
        id: ProfileId::new(id),
        name: text(&def.name).unwrap_or_else(|| id.clone()),
        description: text(&def.description).unwrap_or_default(),
        form,
        bounds,
        ratios: def
            .ratios
            .as_ref()
            .map(|r| super::uncertainty::ratios(v, r, criteria))
            .unwrap_or_default(),
    };
    super::uncertainty::feasible(v, def, &profile, n);
    profile
}

/// Checks a `{ id = weight }` table; returns the valid entries as (index, weight).
fn weight_map(
    v: &mut Validator<'_>,
    map: &NumberMap,
    known: &Ids,
    what: &str,
    code: &'static str,
) -> Vec<(usize, f64)> {
    let f = FileKind::Criteria;
    let mut out = vec![];
    for (key, weight) in &map.value {
        let Some(index) = known.index(&key.value) else {
            v.unknown(code, f, what, key, known);
            continue;
        };
        if weight.value < 0.0 {
            let e = v.error(
                "negative-weight",
                f,
                weight.span,
                format!(
                    "the weight of `{}` is negative ({})",
                    key.value, weight.value
                ),
            );
            e.label = "weights are ≥ 0".into();
            e.help = Some("use 0 to leave a criterion out".into());
            continue;
        }
        out.push((index, weight.value));
    }
    // Weights are divided by the largest before they are summed (see
    // `weights::normalized`), so any size is fine; but a share too small to
    // compute with would make relative changes overflow.
    let largest = out.iter().map(|&(_, w)| w).fold(0.0, f64::max);
    let (smallest_share, _) = super::MAGNITUDE;
    for (key, weight) in &map.value {
        let share = weight.value / largest;
        if weight.value > 0.0 && share < smallest_share {
            let e = v.error(
                "number-out-of-range",
                f,
                weight.span,
                format!(
                    "the weight of `{}` is {share:e} of the largest: too small for exact arithmetic (below {smallest_share:e})",
                    key.value
                ),
            );
            e.label = "a vanishing share".into();
            e.help = Some("write 0 to leave it out, or give it a larger weight".into());
        }
    }
    if !map.value.is_empty() && map.value.iter().all(|(_, w)| w.value == 0.0)
        || map.value.is_empty()
    {
        let e = v.error(
            "all-zero-weights",
            f,
            map.span,
            "every weight is zero, so nothing would count".into(),
        );
        e.label = "no positive weight".into();
        e.help = Some("give at least one a positive weight".into());
    }
    out
}

fn dense(entries: &[(usize, f64)], n: usize) -> Vec<f64> {
    let mut out = vec![0.0; n];
    for &(i, w) in entries {
        out[i] = w;
    }
    out
}

fn check_group_weights(
    v: &mut Validator<'_>,
    def: &ProfileDef,
    weights: &[(usize, f64)],
    group_weights: &[(usize, f64)],
    criteria: &[Criterion],
    groups: &Ids,
    known_group: &[bool],
) {
    let f = FileKind::Criteria;
    let span = def.group_weights.as_ref().map_or(def.span, |g| g.span);
    for &(j, w) in weights {
        let ungrouped = criteria.get(j).is_some_and(|c| c.group.is_none());
        if w > 0.0 && ungrouped && known_group.get(j).copied().unwrap_or(true) {
            let e = v.error(
                "ungrouped-criterion",
                f,
                span,
                format!(
                    "profile `{}` weighs by group, but criterion `{}` is in no group",
                    def.id.value, criteria[j].id
                ),
            );
            e.help = Some("give the criterion a group, or drop group_weights".into());
        }
    }
    for &(g, gw) in group_weights {
        let weighted = weights
            .iter()
            .any(|&(j, w)| w > 0.0 && criteria.get(j).is_some_and(|c| c.group == Some(g)));
        if gw > 0.0 && !weighted {
            let e = v.error(
                "empty-group-weight",
                f,
                span,
                format!(
                    "group `{}` has weight {gw} but none of its criteria has a positive weight",
                    groups.ids[g]
                ),
            );
            e.help = Some(
                "weigh at least one of the group's criteria, or set the group's weight to 0".into(),
            );
        }
    }
}

fn ranking_levels(
    v: &mut Validator<'_>,
    id: &str,
    ranking: &Sp<Vec<Vec<Sp<String>>>>,
    criteria: &Ids,
) -> Vec<Vec<usize>> {
    let f = FileKind::Criteria;
    let mut seen = vec![false; criteria.ids.len()];
    let mut levels = vec![];
    for level in &ranking.value {
        let mut indices = vec![];
        for name in level {
            let Some(index) = criteria.index(&name.value) else {
                v.unknown("unknown-criterion", f, "criterion", name, criteria);
                continue;
            };
            if seen[index] {
                let e = v.error(
                    "duplicate-id",
                    f,
                    name.span,
                    format!(
                        "criterion `{}` appears twice in the ranking of `{id}`",
                        name.value
                    ),
                );
                e.label = "ranked again".into();
                continue;
            }
            seen[index] = true;
            indices.push(index);
        }
        if !indices.is_empty() {
            levels.push(indices);
        }
    }
    if ranking.value.is_empty() {
        let e = v.error(
            "all-zero-weights",
            f,
            ranking.span,
            format!("the ranking of `{id}` is empty"),
        );
        e.help = Some("list criteria from most to least important".into());
    }
    levels
}

fn pairwise(
    v: &mut Validator<'_>,
    def: &ProfileDef,
    matrix: &PairwiseRows,
    criteria: &Ids,
) -> ProfileForm {
    let f = FileKind::Criteria;
    let id = &def.id.value;
    let fallback = ProfileForm::Pairwise {
        matrix: DMatrix::from_element(1, 1, 1.0),
        order: vec![0],
    };
    let order: Vec<usize> = match &def.criteria_order {
        Some(order) => {
            let mut seen = vec![false; criteria.ids.len()];
            order
                .value
                .iter()
                .filter_map(|name| {
                    let Some(index) = criteria.index(&name.value) else {
                        v.unknown("unknown-criterion", f, "criterion", name, criteria);
                        return None;
                    };
                    if std::mem::replace(&mut seen[index], true) {
                        let e = v.error(
                            "duplicate-id",
                            f,
                            name.span,
                            format!("criterion `{}` appears twice in criteria_order", name.value),
                        );
                        e.label = "listed again".into();
                    }
                    Some(index)
                })
                .collect()
        }
        None => {
            let e = v.error(
                "missing-field",
                f,
                matrix.span,
                format!("profile `{id}` has a pairwise matrix but no criteria_order"),
            );
            e.help = Some(
                "add criteria_order = [\"a\", \"b\", ...] naming the matrix's rows in order".into(),
            );
            return fallback;
        }
    };
    let n = matrix.value.len();
    let mut square = true;
    for row in &matrix.value {
        if row.value.len() != n {
            let e = v.error(
                "ahp-not-square",
                f,
                row.span,
                format!(
                    "this row has {} entries but the matrix has {n} rows",
                    row.value.len()
                ),
            );
            e.label = format!("expected {n} entries");
            square = false;
        }
    }
    if !square {
        return fallback;
    }
    let listed = def.criteria_order.as_ref().map_or(0, |o| o.value.len());
    if n != listed {
        let e = v.error(
            "ahp-order-mismatch",
            f,
            matrix.span,
            format!("the pairwise matrix is {n}×{n} but criteria_order names {listed} criteria"),
        );
        e.label = "size differs from criteria_order".into();
        return fallback;
    }
    if order.len() != n {
        return fallback;
    }
    let mut ok = true;
    for (i, row) in matrix.value.iter().enumerate() {
        for (j, cell) in row.value.iter().enumerate() {
            if cell.value > 0.0 && !v.in_range(f, cell, "pairwise judgment") {
                ok = false;
            } else if cell.value <= 0.0 {
                let e = v.error(
                    "ahp-not-positive",
                    f,
                    cell.span,
                    format!(
                        "pairwise entry ({}, {}) is {}, but entries must be positive",
                        i + 1,
                        j + 1,
                        cell.value
                    ),
                );
                e.label = "must be > 0".into();
                ok = false;
            }
        }
    }
    if ok {
        for i in 0..n {
            for j in i..n {
                let (a, b) = (&matrix.value[i].value[j], &matrix.value[j].value[i]);
                if (a.value * b.value - 1.0).abs() > RECIPROCAL_TOLERANCE {
                    let e = v.error(
                        "ahp-not-reciprocal",
                        f,
                        b.span,
                        if i == j {
                            format!(
                                "diagonal entry ({}, {}) is {}, but must be 1",
                                i + 1,
                                i + 1,
                                a.value
                            )
                        } else {
                            format!(
                                "entry ({}, {}) = {} is not the reciprocal of entry ({}, {}) = {}",
                                j + 1,
                                i + 1,
                                b.value,
                                i + 1,
                                j + 1,
                                a.value
                            )
                        },
                    );
                    e.label = format!("expected {}", 1.0 / a.value);
                    e.help = Some(if i == j {
                        "a criterion compared with itself is 1".into()
                    } else {
                        format!(
                            "write it as the fraction \"1/{}\" or to at least 7 decimals (a_ij · a_ji must be 1 within {RECIPROCAL_TOLERANCE})",
                            a.value
                        )
                    });
                    ok = false;
                }
            }
        }
    }
    if !ok {
        return fallback;
    }
    let m = DMatrix::from_fn(n, n, |i, j| matrix.value[i].value[j].value);
    let result = ahp::priorities(&m);
    match (
        result.consistency_ratio,
        result.random_index,
        result.random_index_table,
    ) {
        (Some(cr), Some(ri), Some(table)) if cr > CONSISTENCY_LIMIT => {
            let e = v.warning(
                "ahp-inconsistent",
                f,
                matrix.span,
                format!(
                    "the pairwise matrix of `{id}` has consistency ratio {cr:.3}, above {CONSISTENCY_LIMIT}"
                ),
            );
            e.label = "inconsistent judgments".into();
            e.help = Some(format!(
                "revisit the comparisons (CR = CI / RI({n}) with RI({n}) = {ri:.4}, {table}); `tradeoffs weights --profile` shows the eigenvalue and index"
            ));
        }
        (None, ..) => {
            let e = v.warning(
                "ahp-consistency-unavailable",
                f,
                matrix.span,
                format!(
                    "the pairwise matrix of `{id}` is {n}×{n}, past the random-index tables (n ≤ {}): its consistency ratio is not available",
                    ahp::RANDOM_INDEX_MAX_ORDER
                ),
            );
            e.label = format!("consistency index CI = {:.4}", result.consistency_index);
            e.help = Some(
                "compare at most 30 criteria in one matrix (split them into groups), or judge the consistency index yourself".into(),
            );
        }
        _ => {}
    }
    ProfileForm::Pairwise { matrix: m, order }
}

/// Warns of the criteria a profile does not name: they weigh 0 without a word.
/// A criterion written with weight 0 is left out on purpose, and not reported.
fn left_out(v: &mut Validator<'_>, def: &ProfileDef, weights: &NumberMap, criteria: &Ids) {
    let span = weights.span;
    // A weight that failed to read or validate is reported already; it was not left out.
    let broken = v.diagnostics.iter().any(|d| {
        d.severity == crate::input::Severity::Error
            && d.file == FileKind::Criteria
            && span.start <= d.span.start
            && d.span.end <= span.end
    });
    if broken {
        return;
    }
    let named: Vec<&str> = weights
        .value
        .iter()
        .map(|(k, _)| k.value.as_str())
        .collect();
    let missing: Vec<&str> = criteria
        .ids
        .iter()
        .map(String::as_str)
        .filter(|id| !id.is_empty() && !named.contains(id))
        .collect();
    if missing.is_empty() {
        return;
    }
    let list = missing
        .iter()
        .map(|c| format!("`{c}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let (noun, verb) = if missing.len() == 1 {
        ("criterion", "weighs")
    } else {
        ("criteria", "weigh")
    };
    let e = v.warning(
        "criterion-left-out",
        FileKind::Criteria,
        span,
        format!(
            "profile `{}` leaves {noun} {list} out of its weights, so {} {verb} 0",
            def.id.value,
            if missing.len() == 1 { "it" } else { "they" }
        ),
    );
    e.label = format!("{} not named", missing.len());
    e.help = Some(format!(
        "give {} a weight, or write {} = 0 to leave it out on purpose",
        missing[0], missing[0]
    ));
}

/// Warns of the groups whose criteria are weighted but that `group_weights`
/// does not name: the whole group then weighs 0. Writing the group with 0
/// leaves it out on purpose, and is not reported.
fn groups_left_out(
    v: &mut Validator<'_>,
    def: &ProfileDef,
    span: toml_span::Span,
    weights: &[(usize, f64)],
    group_weights: &[(usize, f64)],
    criteria: &[Criterion],
    groups: &Ids,
) {
    for (g, group) in groups.ids.iter().enumerate() {
        if group_weights.iter().any(|&(h, _)| h == g) {
            continue;
        }
        let weighted: Vec<String> = weights
            .iter()
            .filter(|&&(j, w)| w > 0.0 && criteria.get(j).is_some_and(|c| c.group == Some(g)))
            .map(|&(j, _)| format!("`{}`", criteria[j].id))
            .collect();
        if weighted.is_empty() {
            continue;
        }
        let e = v.warning(
            "group-left-out",
            FileKind::Criteria,
            span,
            format!(
                "profile `{}` gives group `{group}` no weight in group_weights, so {} weigh{} 0",
                def.id.value,
                weighted.join(", "),
                if weighted.len() == 1 { "s" } else { "" }
            ),
        );
        e.label = format!("no `{group}` here");
        e.help = Some(format!(
            "add {group} = <weight>, or write {group} = 0 to leave the group out on purpose"
        ));
    }
}

/// The weights a profile states as numbers, normalized: direct and grouped
/// weights and the AHP eigenvector. `None` for a ranking, whose point weights
/// come from the region its order (and bounds) describe.
fn stated_weights(form: &ProfileForm, criteria: &[Criterion]) -> Option<Vec<f64>> {
    match form {
        ProfileForm::Weights {
            weights,
            group_weights: None,
        } => Some(crate::weights::normalized(weights)),
        ProfileForm::Weights {
            weights,
            group_weights: Some(groups),
        } => {
            let membership: Vec<Option<usize>> = criteria.iter().map(|c| c.group).collect();
            Some(crate::weights::grouped(weights, groups, &membership))
        }
        ProfileForm::Pairwise { matrix, order } if order.len() == matrix.nrows() => {
            let mut w = vec![0.0; criteria.len()];
            for (&j, &p) in order.iter().zip(&ahp::priorities(matrix).priorities) {
                if let Some(slot) = w.get_mut(j) {
                    *slot = p;
                }
            }
            Some(w)
        }
        _ => None,
    }
}

/// How far a stated weight may sit outside its bounds and still count as
/// within them: rounding in the normalization, not a real excess.
const BOUNDS_TOLERANCE: f64 = 1e-9;

fn bounds(
    v: &mut Validator<'_>,
    id: &str,
    def: &Sp<Vec<BoundDef>>,
    criteria: &Ids,
    stated: Option<&[f64]>,
) -> Vec<WeightBound> {
    let f = FileKind::Criteria;
    let mut out = vec![];
    for bound in &def.value {
        let Some(criterion) = criteria.index(&bound.criterion.value) else {
            v.unknown(
                "unknown-criterion",
                f,
                "criterion",
                &bound.criterion,
                criteria,
            );
            continue;
        };
        let (low, high) = (bound.low.value, bound.high.value);
        if !(0.0..=1.0).contains(&low) || !(0.0..=1.0).contains(&high) || low > high {
            let e = v.error(
                "invalid-bounds",
                f,
                bound.span,
                format!(
                    "bounds [{low}, {high}] of `{}` are not an interval within 0..=1",
                    bound.criterion.value
                ),
            );
            e.label = "need 0 ≤ low ≤ high ≤ 1".into();
            e.help = Some("bounds are shares of the total weight, e.g. [0.1, 0.4]".into());
            continue;
        }
        out.push(WeightBound {
            criterion,
            low,
            high,
        });
    }
    if out.len() == def.value.len() && !out.is_empty() {
        let n = criteria.ids.len();
        let low_sum: f64 = out.iter().map(|b| b.low).sum();
        let high_sum: f64 = (0..n)
            .map(|j| {
                out.iter()
                    .find(|b| b.criterion == j)
                    .map_or(1.0, |b| b.high)
            })
            .sum();
        if low_sum > 1.0 + 1e-12 || high_sum < 1.0 - 1e-12 {
            let named: Vec<&str> = out
                .iter()
                .map(|b| criteria.ids[b.criterion].as_str())
                .collect();
            let e = v.error(
                "infeasible-bounds",
                f,
                def.span,
                format!(
                    "no weight vector satisfies the bounds of `{id}` on {}: the lows sum to {low_sum:.3} and the highs to {high_sum:.3}",
                    named.join(", ")
                ),
            );
            e.label = "no weights fit".into();
            e.help = Some("the lows must sum to at most 1 and the highs to at least 1".into());
        } else if let Some(stated) = stated {
            for (bound, def) in out.iter().zip(&def.value) {
                let Some(&share) = stated.get(bound.criterion) else {
                    continue;
                };
                if share < bound.low - BOUNDS_TOLERANCE || share > bound.high + BOUNDS_TOLERANCE {
                    let e = v.error(
                        "bounds-exclude-weights",
                        f,
                        def.span,
                        format!(
                            "the weights of `{id}` give `{}` a share of {share:.4}, outside its bounds [{}, {}]",
                            def.criterion.value, bound.low, bound.high
                        ),
                    );
                    e.label = format!("excludes {share:.4}");
                    e.help = Some(
                        "bounds are where SMAA and the nearest flip may move the weights, so they must hold the profile's own: widen them, or change the weights".into(),
                    );
                }
            }
        }
    }
    out
}
