//! From the mirror types to a [`Model`], checking everything once, at the door.
//!
//! Every problem is collected; none stops the others from being found. Ids are
//! resolved to indices here, so nothing downstream looks anything up by name.

use std::collections::HashMap;

use nalgebra::DMatrix;
use toml_span::Span;

use super::diagnostic::{Diagnostic, FileKind, did_you_mean};
use super::raw::*;
use crate::model::id::is_valid;
use crate::model::*;
use crate::weights::ahp;

/// Tolerance of the reciprocal check `a_ij · a_ji = 1` of an AHP matrix.
const RECIPROCAL_TOLERANCE: f64 = 1e-6;

/// Consistency ratio above which an AHP matrix draws a warning (Saaty 1980).
const CONSISTENCY_LIMIT: f64 = 0.1;

struct Validator<'d> {
    diagnostics: &'d mut Vec<Diagnostic>,
    /// Set while checking a criterion whose scale is unusable, so its scores are not
    /// reported against a placeholder scale.
    broken_scale: bool,
    /// Set while checking a criterion whose group is unknown.
    broken_group: bool,
}

/// A checked id list with the span of each id, for later lookups and messages.
struct Ids {
    ids: Vec<String>,
    spans: Vec<Span>,
}

impl Ids {
    fn index(&self, id: &str) -> Option<usize> {
        self.ids.iter().position(|i| i == id)
    }

    fn suggest(&self, id: &str) -> Option<String> {
        did_you_mean(id, self.ids.iter().map(String::as_str))
    }
}

impl Validator<'_> {
    fn error(
        &mut self,
        code: &'static str,
        file: FileKind,
        span: Span,
        message: String,
    ) -> &mut Diagnostic {
        self.diagnostics
            .push(Diagnostic::error(code, file, span, message));
        self.diagnostics.last_mut().expect("just pushed")
    }

    fn warning(
        &mut self,
        code: &'static str,
        file: FileKind,
        span: Span,
        message: String,
    ) -> &mut Diagnostic {
        self.diagnostics
            .push(Diagnostic::warning(code, file, span, message));
        self.diagnostics.last_mut().expect("just pushed")
    }

    /// Checks the ids of a list of entries: present, well-formed, unique.
    fn ids(&mut self, file: FileKind, what: &str, entries: &[(Option<&Sp<String>>, Span)]) -> Ids {
        let mut ids = Ids {
            ids: vec![],
            spans: vec![],
        };
        let mut seen: HashMap<String, Span> = HashMap::new();
        for (id, entry_span) in entries {
            let Some(id) = id else {
                let d = self.error(
                    "missing-field",
                    file,
                    *entry_span,
                    format!("{what} has no `id`"),
                );
                d.label = "no id".into();
                d.help = Some("add id = \"...\" (lower case letters, digits, _ and -)".into());
                ids.ids.push(String::new());
                ids.spans.push(*entry_span);
                continue;
            };
            if !is_valid(&id.value) {
                let d = self.error(
                    "invalid-id",
                    file,
                    id.span,
                    format!("`{}` is not a valid id", id.value),
                );
                d.label = "not of [a-z0-9_-]+".into();
                d.help = Some(format!(
                    "use lower case letters, digits, _ and -, e.g. `{}`",
                    suggest_id(&id.value)
                ));
            } else if let Some(first) = seen.get(&id.value) {
                let d = self.error(
                    "duplicate-id",
                    file,
                    id.span,
                    format!("{what} `{}` is defined twice", id.value),
                );
                d.label = "second definition".into();
                let _ = first;
                d.help = Some("ids must be unique; rename or remove one of them".into());
            } else {
                seen.insert(id.value.clone(), id.span);
            }
            ids.ids.push(id.value.clone());
            ids.spans.push(id.span);
        }
        ids
    }

    fn unknown(
        &mut self,
        code: &'static str,
        file: FileKind,
        what: &str,
        id: &Sp<String>,
        known: &Ids,
    ) {
        let help = known
            .suggest(&id.value)
            .or_else(|| (!known.ids.is_empty()).then(|| format!("known: {}", preview(&known.ids))));
        let d = self.error(
            code,
            file,
            id.span,
            format!("unknown {what} `{}`", id.value),
        );
        d.label = format!("no {what} has this id");
        d.help = help;
    }
}

fn preview(ids: &[String]) -> String {
    let shown: Vec<&str> = ids.iter().take(8).map(String::as_str).collect();
    if ids.len() > shown.len() {
        format!("{}, … ({} in all)", shown.join(", "), ids.len())
    } else {
        shown.join(", ")
    }
}

fn suggest_id(id: &str) -> String {
    let cleaned: String = id
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if cleaned.is_empty() {
        "my_id".into()
    } else {
        cleaned
    }
}

fn text(value: &Option<Sp<String>>) -> Option<String> {
    value.as_ref().map(|v| v.value.clone())
}

/// The criteria file, validated; what the options file needs to know of it.
pub struct CriteriaPart {
    pub title: String,
    pub criteria: Vec<Criterion>,
    pub criterion_ids: Vec<(String, Span)>,
    /// Per criterion: whether its scale is usable for checking scores.
    pub usable_scale: Vec<bool>,
    pub groups: Vec<Group>,
    pub profiles: Vec<Profile>,
    pub default_profile: Option<usize>,
}

/// Validates `criteria.toml`.
pub fn criteria(file: CriteriaFile, diagnostics: &mut Vec<Diagnostic>) -> CriteriaPart {
    let mut v = Validator {
        diagnostics,
        broken_scale: false,
        broken_group: false,
    };
    let f = FileKind::Criteria;

    let group_entries: Vec<_> = file
        .groups
        .iter()
        .map(|g| (g.id.as_ref(), g.span))
        .collect();
    let group_ids = v.ids(f, "group", &group_entries);
    let groups: Vec<Group> = file
        .groups
        .iter()
        .zip(&group_ids.ids)
        .map(|(g, id)| Group {
            id: GroupId::new(id),
            name: text(&g.name).unwrap_or_else(|| id.clone()),
            description: text(&g.description).unwrap_or_default(),
        })
        .collect();

    let criterion_entries: Vec<_> = file
        .criteria
        .iter()
        .map(|c| (c.id.as_ref(), c.span))
        .collect();
    let criterion_ids = v.ids(f, "criterion", &criterion_entries);
    if file.criteria.is_empty() {
        v.error(
            "no-criteria",
            f,
            Span::new(0, 0),
            "the model has no criteria".into(),
        )
        .help = Some("add at least one [[criteria]] table with id, direction and scale".into());
    }
    let mut usable_scale = vec![];
    let mut known_group = vec![];
    let criteria: Vec<Criterion> = file
        .criteria
        .iter()
        .zip(&criterion_ids.ids)
        .map(|(def, id)| {
            v.broken_scale = false;
            v.broken_group = false;
            let c = criterion(&mut v, def, id, &group_ids);
            usable_scale.push(!v.broken_scale);
            known_group.push(!v.broken_group);
            c
        })
        .collect();

    let profiles: Vec<Profile> = file
        .profiles
        .iter()
        .map(|def| {
            profile(
                &mut v,
                def,
                &criterion_ids,
                &group_ids,
                &criteria,
                &known_group,
            )
        })
        .collect();
    let profile_entries: Vec<_> = file
        .profiles
        .iter()
        .map(|p| (Some(&p.id), p.id.span))
        .collect();
    let profile_ids = v.ids(f, "profile", &profile_entries);

    let default_profile = file.default_profile.as_ref().and_then(|name| {
        let index = profile_ids.index(&name.value);
        if index.is_none() {
            v.unknown("unknown-profile", f, "profile", name, &profile_ids);
        }
        index
    });

    CriteriaPart {
        title: text(&file.title).unwrap_or_else(|| "Untitled model".into()),
        criteria,
        criterion_ids: criterion_ids
            .ids
            .into_iter()
            .zip(criterion_ids.spans)
            .collect(),
        usable_scale,
        groups,
        profiles,
        default_profile,
    }
}

fn criterion(v: &mut Validator<'_>, def: &CriterionDef, id: &str, groups: &Ids) -> Criterion {
    let f = FileKind::Criteria;
    let group = def.group.as_ref().and_then(|g| {
        let index = groups.index(&g.value);
        if index.is_none() {
            v.unknown("unknown-group", f, "group", g, groups);
            v.broken_group = true;
        }
        index
    });
    let direction = match def.direction.as_ref() {
        Some(d) if d.value == "benefit" => Direction::Benefit,
        Some(d) if d.value == "cost" => Direction::Cost,
        Some(d) => {
            let e = v.error(
                "invalid-value",
                f,
                d.span,
                format!(
                    "direction must be \"benefit\" or \"cost\", not \"{}\"",
                    d.value
                ),
            );
            e.label = "unknown direction".into();
            e.help = did_you_mean(&d.value, ["benefit", "cost"])
                .or_else(|| Some("benefit: more is better; cost: less is better".into()));
            Direction::Benefit
        }
        None => {
            let e = v.error(
                "missing-field",
                f,
                def.span,
                format!("criterion `{id}` has no `direction`"),
            );
            e.label = "no direction".into();
            e.help = Some("add direction = \"benefit\" (more is better) or \"cost\"".into());
            Direction::Benefit
        }
    };
    let scale = match &def.scale {
        Some(ScaleDef {
            min: Some(min),
            max: Some(max),
            span,
            ..
        }) => {
            if min.value >= max.value {
                let e = v.error(
                    "empty-scale",
                    f,
                    *span,
                    format!(
                        "the scale of `{id}` has min {} ≥ max {}",
                        min.value, max.value
                    ),
                );
                e.label = "min must be below max".into();
                e.help = Some("e.g. scale = { min = 0, max = 10 }".into());
                v.broken_scale = true;
                Scale { min: 0.0, max: 1.0 }
            } else {
                Scale {
                    min: min.value,
                    max: max.value,
                }
            }
        }
        Some(scale) => {
            v.broken_scale = true;
            if scale.incomplete {
                let e = v.error(
                    "missing-field",
                    f,
                    scale.span,
                    format!("the scale of `{id}` needs both min and max"),
                );
                e.label = "incomplete scale".into();
                e.help = Some("e.g. scale = { min = 0, max = 10 }".into());
            }
            Scale { min: 0.0, max: 1.0 }
        }
        None => {
            let e = v.error(
                "missing-field",
                f,
                def.span,
                format!("criterion `{id}` has no `scale`"),
            );
            e.label = "no scale".into();
            e.help = Some("add scale = { min = 0, max = 10 }".into());
            v.broken_scale = true;
            Scale { min: 0.0, max: 1.0 }
        }
    };
    let value_function = def
        .value_function
        .as_ref()
        .and_then(|points| value_function(v, id, points));
    let missing = match def.missing.as_ref() {
        None => MissingPolicy::Error,
        Some(m) if m.value == "worst" => MissingPolicy::Worst,
        Some(m) if m.value == "midpoint" => MissingPolicy::Midpoint,
        Some(m) => {
            let e = v.error(
                "invalid-value",
                f,
                m.span,
                format!(
                    "missing must be \"worst\" or \"midpoint\", not \"{}\"",
                    m.value
                ),
            );
            e.label = "unknown policy".into();
            e.help = did_you_mean(&m.value, ["worst", "midpoint"]);
            MissingPolicy::Error
        }
    };
    let preference = def
        .preference
        .as_ref()
        .and_then(|p| preference(v, id, p))
        .unwrap_or(PreferenceFunction::Usual);
    Criterion {
        id: CriterionId::new(id),
        name: text(&def.name).unwrap_or_else(|| id.to_string()),
        description: text(&def.description).unwrap_or_default(),
        group,
        direction,
        scale,
        value_function,
        missing,
        preference,
    }
}

fn value_function(
    v: &mut Validator<'_>,
    id: &str,
    points: &Sp<Vec<PointDef>>,
) -> Option<PiecewiseLinear> {
    let f = FileKind::Criteria;
    let mut ok = true;
    if points.value.len() < 2 {
        let e = v.error(
            "value-function-too-short",
            f,
            points.span,
            format!("the value function of `{id}` needs at least two points"),
        );
        e.label = "too few points".into();
        e.help = Some("e.g. value_function = [[0, 0.0], [5, 0.8], [10, 1.0]]".into());
        ok = false;
    }
    for pair in points.value.windows(2) {
        if pair[1].score.value <= pair[0].score.value {
            let e = v.error(
                "value-function-not-increasing",
                f,
                pair[1].score.span,
                format!(
                    "value function scores must increase, but {} follows {}",
                    pair[1].score.value, pair[0].score.value
                ),
            );
            e.label = "not above the previous score".into();
            ok = false;
        }
    }
    for point in &points.value {
        if !(0.0..=1.0).contains(&point.value.value) {
            let e = v.error(
                "value-function-out-of-range",
                f,
                point.value.span,
                format!("value {} is outside 0..=1", point.value.value),
            );
            e.label = "values are between 0 and 1".into();
            ok = false;
        }
    }
    ok.then(|| {
        PiecewiseLinear::new(
            points
                .value
                .iter()
                .map(|p| (p.score.value, p.value.value))
                .collect(),
        )
    })
}

const PREFERENCE_KINDS: [&str; 6] = ["usual", "u-shape", "v-shape", "level", "linear", "gaussian"];

fn preference(v: &mut Validator<'_>, id: &str, def: &PreferenceDef) -> Option<PreferenceFunction> {
    let f = FileKind::Criteria;
    let Some(kind) = &def.kind else {
        let e = v.error(
            "missing-field",
            f,
            def.span,
            format!("the preference function of `{id}` has no `kind`"),
        );
        e.help = Some(format!("kind is one of: {}", PREFERENCE_KINDS.join(", ")));
        return None;
    };
    let need = |name: &str, value: &Option<Sp<f64>>, v: &mut Validator<'_>| -> Option<f64> {
        match value {
            Some(x) if x.value < 0.0 => {
                let e = v.error(
                    "preference-threshold",
                    f,
                    x.span,
                    format!("threshold {name} of `{id}` is negative ({})", x.value),
                );
                e.label = "must be ≥ 0".into();
                None
            }
            Some(x) => Some(x.value),
            None => {
                let e = v.error(
                    "missing-field",
                    f,
                    def.span,
                    format!(
                        "the {} preference function of `{id}` needs `{name}`",
                        kind.value
                    ),
                );
                e.label = format!("no {name}");
                None
            }
        }
    };
    let function = match kind.value.as_str() {
        "usual" => PreferenceFunction::Usual,
        "u-shape" => PreferenceFunction::UShape {
            q: need("q", &def.q, v)?,
        },
        "v-shape" => {
            let p = need("p", &def.p, v)?;
            if p == 0.0 {
                v.error(
                    "preference-threshold",
                    f,
                    def.span,
                    format!("threshold p of `{id}` must be above 0"),
                );
                return None;
            }
            PreferenceFunction::VShape { p }
        }
        "level" | "linear" => {
            let (q, p) = (need("q", &def.q, v), need("p", &def.p, v));
            let (q, p) = (q?, p?);
            if q > p || (kind.value == "linear" && q == p) {
                let e = v.error(
                    "preference-threshold",
                    f,
                    def.span,
                    format!("indifference q = {q} must be below preference p = {p} for `{id}`"),
                );
                e.label = "q > p".into();
                e.help = Some(
                    "the indifference threshold q cannot exceed the preference threshold p".into(),
                );
                return None;
            }
            if kind.value == "level" {
                PreferenceFunction::Level { q, p }
            } else {
                PreferenceFunction::Linear { q, p }
            }
        }
        "gaussian" => {
            let s = need("s", &def.s, v)?;
            if s == 0.0 {
                v.error(
                    "preference-threshold",
                    f,
                    def.span,
                    format!("threshold s of `{id}` must be above 0"),
                );
                return None;
            }
            PreferenceFunction::Gaussian { s }
        }
        other => {
            let e = v.error(
                "invalid-value",
                f,
                kind.span,
                format!("unknown preference function \"{other}\""),
            );
            e.help = did_you_mean(other, PREFERENCE_KINDS)
                .or_else(|| Some(format!("kind is one of: {}", PREFERENCE_KINDS.join(", "))));
            return None;
        }
    };
    Some(function)
}

fn profile(
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
    if result.consistency_ratio > CONSISTENCY_LIMIT {
        let e = v.warning(
            "ahp-inconsistent",
            f,
            matrix.span,
            format!(
                "the pairwise matrix of `{id}` has consistency ratio {:.3}, above {CONSISTENCY_LIMIT}",
                result.consistency_ratio
            ),
        );
        e.label = "inconsistent judgments".into();
        e.help = Some(
            "revisit the comparisons; `tradeoffs weights --profile` shows the eigenvalue and index"
                .into(),
        );
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

/// The options file, validated against the criteria.
pub struct OptionsPart {
    pub options: Vec<PolicyOption>,
    pub sources: Vec<Source>,
    pub scores: DMatrix<f64>,
    pub evidence: Vec<Vec<Evidence>>,
}

/// Validates `options.toml` against the validated criteria.
pub fn options(
    file: OptionsFile,
    criteria: &CriteriaPart,
    diagnostics: &mut Vec<Diagnostic>,
) -> OptionsPart {
    let mut v = Validator {
        diagnostics,
        broken_scale: false,
        broken_group: false,
    };
    let f = FileKind::Options;
    let source_entries: Vec<_> = file
        .sources
        .iter()
        .map(|s| (Some(&s.id), s.id.span))
        .collect();
    let source_ids = v.ids(f, "source", &source_entries);
    let sources = file
        .sources
        .iter()
        .map(|s| Source {
            id: SourceId::new(&s.id.value),
            title: text(&s.title).unwrap_or_else(|| s.id.value.clone()),
            author: text(&s.author),
            publisher: text(&s.publisher),
            year: s.year.as_ref().map(|y| y.value.round() as i64),
            url: text(&s.url),
        })
        .collect();

    let option_entries: Vec<_> = file
        .options
        .iter()
        .map(|o| (o.id.as_ref(), o.span))
        .collect();
    let option_ids = v.ids(f, "option", &option_entries);
    if file.options.is_empty() {
        v.error(
            "no-options",
            f,
            Span::new(0, 0),
            "the model has no options".into(),
        )
        .help = Some("add at least one [[options]] table with an id and its scores".into());
    }
    let crit_ids = Ids {
        ids: criteria
            .criterion_ids
            .iter()
            .map(|(id, _)| id.clone())
            .collect(),
        spans: criteria.criterion_ids.iter().map(|(_, s)| *s).collect(),
    };
    let m = criteria.criteria.len();
    let mut scores = DMatrix::zeros(file.options.len(), m);
    let mut evidence = vec![vec![Evidence::default(); m]; file.options.len()];
    let mut options = vec![];
    for (i, (def, id)) in file.options.iter().zip(&option_ids.ids).enumerate() {
        let mut given = vec![false; m];
        for score in &def.scores {
            let Some(j) = crit_ids.index(&score.criterion.value) else {
                v.unknown(
                    "unknown-criterion",
                    f,
                    "criterion",
                    &score.criterion,
                    &crit_ids,
                );
                continue;
            };
            let Some(value) = &score.value else {
                given[j] = true;
                continue;
            };
            given[j] = true;
            let criterion = &criteria.criteria[j];
            if criteria.usable_scale[j] {
                check_score(&mut v, id, criterion, score, value);
            }
            if let Some(source) = &score.source {
                let first = source.value.split_whitespace().next().unwrap_or("");
                if source_ids.index(first).is_none() {
                    let word_span = Span::new(source.span.start, source.span.start + first.len());
                    let e = v.error(
                        "unknown-source",
                        f,
                        if first.is_empty() {
                            source.span
                        } else {
                            word_span
                        },
                        format!("unknown source `{first}`"),
                    );
                    e.label = "not a [sources] entry".into();
                    e.help = source_ids.suggest(first).or_else(|| {
                        Some(format!(
                            "the first word of `source` must name a [sources.<id>] table{}",
                            if source_ids.ids.is_empty() {
                                String::new()
                            } else {
                                format!(" ({})", preview(&source_ids.ids))
                            }
                        ))
                    });
                }
            }
            if score.why.is_none() || score.source.is_none() {
                let missing: Vec<&str> = [
                    score.why.is_none().then_some("why"),
                    score.source.is_none().then_some("source"),
                ]
                .into_iter()
                .flatten()
                .collect();
                let e = v.warning(
                    "score-without-evidence",
                    f,
                    score.span,
                    format!(
                        "the score of `{id}` on `{}` has no {}",
                        score.criterion.value,
                        missing.join(" and ")
                    ),
                );
                e.label = "no provenance".into();
                e.help = Some(
                    "write { value = …, why = \"…\", source = \"<source-id> §Section\" }".into(),
                );
            }
            scores[(i, j)] = value.value;
            evidence[i][j] = Evidence {
                low: score.low.as_ref().map(|x| x.value),
                high: score.high.as_ref().map(|x| x.value),
                why: text(&score.why),
                source: text(&score.source),
                imputed: false,
            };
        }
        let mut missing = vec![];
        for (j, criterion) in criteria.criteria.iter().enumerate() {
            if given[j] {
                continue;
            }
            let fill = match criterion.missing {
                MissingPolicy::Error => {
                    missing.push(criterion.id.as_str());
                    continue;
                }
                MissingPolicy::Worst => criterion.worst_score(),
                MissingPolicy::Midpoint => criterion.scale.midpoint(),
            };
            scores[(i, j)] = fill;
            evidence[i][j].imputed = true;
        }
        if !missing.is_empty() {
            let span = def.id.as_ref().map_or(def.span, |s| s.span);
            let e = v.error(
                "missing-score",
                f,
                span,
                format!(
                    "option `{id}` has no score on {}",
                    missing
                        .iter()
                        .map(|m| format!("`{m}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
            e.label = "scores missing".into();
            e.help = Some(
                "add the scores, or set missing = \"worst\" or \"midpoint\" on the criterion"
                    .into(),
            );
        }
        options.push(PolicyOption {
            id: OptionId::new(id),
            name: text(&def.name).unwrap_or_else(|| id.clone()),
            category: text(&def.category).unwrap_or_default(),
            description: text(&def.description).unwrap_or_default(),
        });
    }
    OptionsPart {
        options,
        sources,
        scores,
        evidence,
    }
}

fn check_score(
    v: &mut Validator<'_>,
    option: &str,
    criterion: &Criterion,
    score: &ScoreDef,
    value: &Sp<f64>,
) {
    let f = FileKind::Options;
    let Scale { min, max } = criterion.scale;
    let on_scale = |x: &Sp<f64>, what: &str, v: &mut Validator<'_>| {
        if x.value < min || x.value > max {
            let e = v.error(
                "score-out-of-scale",
                f,
                x.span,
                format!(
                    "{what} {} of `{option}` on `{}` is outside its scale {min}..={max}",
                    x.value, criterion.id
                ),
            );
            e.label = format!("not in {min}..={max}");
            false
        } else {
            true
        }
    };
    let mut ok = on_scale(value, "score", v);
    if let Some(low) = &score.low {
        ok &= on_scale(low, "low", v);
    }
    if let Some(high) = &score.high {
        ok &= on_scale(high, "high", v);
    }
    if !ok {
        return;
    }
    let low = score.low.as_ref().map_or(value.value, |x| x.value);
    let high = score.high.as_ref().map_or(value.value, |x| x.value);
    if !(low <= value.value && value.value <= high) {
        let e = v.error(
            "range-out-of-order",
            f,
            score.span,
            format!(
                "the score of `{option}` on `{}` needs low ≤ value ≤ high, but has low {low}, value {}, high {high}",
                criterion.id, value.value
            ),
        );
        e.label = "out of order".into();
    }
}

/// Warns of criteria on which every option scores the same: they cannot tell options apart.
pub fn constant_criteria(
    criteria: &CriteriaPart,
    options: &OptionsPart,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if options.options.len() < 2 {
        return;
    }
    for (j, (id, span)) in criteria.criterion_ids.iter().enumerate() {
        let column = options.scores.column(j);
        let first = column[0];
        if column.iter().all(|&x| x == first) {
            diagnostics.push(
                Diagnostic::warning(
                    "constant-criterion",
                    FileKind::Criteria,
                    *span,
                    format!(
                        "every option scores {first} on `{id}`, so it cannot change the ranking"
                    ),
                )
                .label("no option differs here")
                .help("check the scores, or drop the criterion"),
            );
        }
    }
}
