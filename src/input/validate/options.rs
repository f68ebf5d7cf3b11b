//! `options.toml`: sources, options and their scores, checked against the criteria.

use nalgebra::DMatrix;
use toml_span::Span;

use super::criteria::CriteriaPart;
use super::evidence;
use super::{Ids, Validator, preview, text};
use crate::input::diagnostic::{Diagnostic, FileKind};
use crate::input::raw::*;
use crate::model::*;

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
    let sources: Vec<Source> = file
        .sources
        .iter()
        .map(|s| Source {
            kind: evidence::source_kind(&mut v, s),
            text: text(&s.text),
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
            let cited = score.source.as_ref().and_then(|s| {
                let first = s.value.split_whitespace().next()?;
                Some(sources[source_ids.index(first)?].kind)
            });
            evidence::score(&mut v, id, score, cited);
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
                quote: text(&score.quote),
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
