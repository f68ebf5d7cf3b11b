//! `criteria.toml`: groups, criteria, and the profiles through [`super::profiles`].

use toml_span::Span;

use super::profiles::profile;
use super::{Ids, Validator, text};
use crate::input::diagnostic::{Diagnostic, FileKind, did_you_mean};
use crate::input::raw::*;
use crate::model::*;

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
            let in_range = v.in_range(f, min, "scale bound") & v.in_range(f, max, "scale bound");
            if !in_range {
                v.broken_scale = true;
                Scale { min: 0.0, max: 1.0 }
            } else if min.value >= max.value {
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
        ok &= v.in_range(f, &point.score, "value function score");
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
            Some(x) if !v.in_range(f, x, &format!("threshold {name}")) => None,
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
