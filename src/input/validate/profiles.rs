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
        let group_weights = def.group_weights.as_ref().map(|gw| {
            let gws = weight_map(v, gw, groups, "group", "unknown-group");
            check_group_weights(v, def, &direct, &gws, criterion_list, groups, known_group);
            gws
        });
        ProfileForm::Weights {
            weights: dense(&direct, n),
            group_weights: group_weights.map(|g| dense(&g, groups.ids.len())),
        }
    } else if let Some(ranking) = &def.ranking {
        ProfileForm::Ranking(ranking_levels(v, id, ranking, criteria))
    } else if let Some(matrix) = &def.pairwise {
        pairwise(v, def, matrix, criteria)
    } else {
        ProfileForm::Weights {
            weights: vec![1.0; n],
            group_weights: None,
        }
    };

    let bounds = def
        .bounds
        .as_ref()
        .map(|b| bounds(v, id, b, criteria))
        .unwrap_or_default();
    Profile {
        id: ProfileId::new(id),
        name: text(&def.name).unwrap_or_else(|| id.clone()),
        description: text(&def.description).unwrap_or_default(),
        form,
        bounds,
    }
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
            if cell.value <= 0.0 {
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

fn bounds(
    v: &mut Validator<'_>,
    id: &str,
    def: &Sp<Vec<BoundDef>>,
    criteria: &Ids,
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
        }
    }
    out
}
