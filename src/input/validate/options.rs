//! `options.toml`: sources, options and their scores, checked against the criteria.

use nalgebra::DMatrix;
use toml_span::Span;

use std::collections::HashSet;

use super::criteria::CriteriaPart;
use super::evidence;
use super::{Ids, Validator, preview, text};
use crate::input::diagnostic::{Diagnostic, FileKind};
use crate::input::raw::*;
use crate::input::read::OptionSink;
use crate::model::*;

/// The options file, validated against the criteria.
pub struct OptionsPart {
    pub options: Vec<PolicyOption>,
    pub sources: Vec<Source>,
    pub scores: DMatrix<f64>,
    pub evidence: Vec<Vec<Evidence>>,
}

/// Scores, options × criteria, stored row by row as the options arrive.
struct Rows {
    m: usize,
    data: Vec<f64>,
}

impl std::ops::Index<(usize, usize)> for Rows {
    type Output = f64;
    fn index(&self, (i, j): (usize, usize)) -> &f64 {
        &self.data[i * self.m + j]
    }
}

impl std::ops::IndexMut<(usize, usize)> for Rows {
    fn index_mut(&mut self, (i, j): (usize, usize)) -> &mut f64 {
        &mut self.data[i * self.m + j]
    }
}

/// Validates `options.toml` against the validated criteria one option at a
/// time, as the reader hands them over, so that the mirror of only one
/// option is held at once.
pub struct OptionsValidator<'c> {
    criteria: &'c CriteriaPart,
    crit_ids: Ids,
    source_ids: Ids,
    sources: Vec<Source>,
    seen_ids: HashSet<String>,
    options: Vec<PolicyOption>,
    scores: Rows,
    evidence: Vec<Vec<Evidence>>,
}

impl<'c> OptionsValidator<'c> {
    /// A validator of options against `criteria`.
    pub fn new(criteria: &'c CriteriaPart) -> Self {
        let crit_ids = Ids::new(
            criteria
                .criterion_ids
                .iter()
                .map(|(id, _)| id.clone())
                .collect(),
            criteria.criterion_ids.iter().map(|(_, s)| *s).collect(),
        );
        OptionsValidator {
            criteria,
            crit_ids,
            source_ids: Ids::new(vec![], vec![]),
            sources: vec![],
            seen_ids: HashSet::new(),
            options: vec![],
            scores: Rows {
                m: criteria.criteria.len(),
                data: vec![],
            },
            evidence: vec![],
        }
    }

    /// The validated options file; reports a file without options.
    pub fn finish(self, diagnostics: &mut Vec<Diagnostic>) -> OptionsPart {
        if self.options.is_empty() {
            let mut v = Validator {
                diagnostics,
                broken_scale: false,
                broken_group: false,
            };
            v.error(
                "no-options",
                FileKind::Options,
                Span::new(0, 0),
                "the model has no options".into(),
            )
            .help = Some("add at least one [[options]] table with an id and its scores".into());
        }
        let m = self.scores.m;
        OptionsPart {
            scores: DMatrix::from_row_slice(self.options.len(), m, &self.scores.data),
            options: self.options,
            sources: self.sources,
            evidence: self.evidence,
        }
    }
}

impl OptionSink for OptionsValidator<'_> {
    fn sources(&mut self, file: &[SourceDef], diagnostics: &mut Vec<Diagnostic>) {
        let mut v = Validator {
            diagnostics,
            broken_scale: false,
            broken_group: false,
        };
        let f = FileKind::Options;
        let source_entries: Vec<_> = file.iter().map(|s| (Some(&s.id), s.id.span)).collect();
        self.source_ids = v.ids(f, "source", &source_entries);
        self.sources = file
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
    }

    fn option(&mut self, mut def: OptionDef, diagnostics: &mut Vec<Diagnostic>) {
        let mut v = Validator {
            diagnostics,
            broken_scale: false,
            broken_group: false,
        };
        let f = FileKind::Options;
        let OptionsValidator {
            criteria,
            crit_ids,
            source_ids,
            seen_ids,
            options,
            scores,
            evidence,
            sources,
            ..
        } = self;
        let (id, _) = v.id(f, "option", def.id.as_ref(), def.span, seen_ids);
        let id = &id;
        let i = options.len();
        let m = criteria.criteria.len();
        scores.data.resize((i + 1) * m, 0.0);
        evidence.push(vec![Evidence::default(); m]);
        let mut given = vec![false; m];
        // Scores with neither `why` nor `source`, while every score so far has
        // had neither: an option with no evidence at all draws one warning.
        let (mut all_bare, mut bare_scores) = (true, vec![]);
        for k in 0..def.scores.len() {
            let score = &def.scores[k];
            let Some(j) = crit_ids.index(&score.criterion.value) else {
                v.unknown(
                    "unknown-criterion",
                    f,
                    "criterion",
                    &score.criterion,
                    crit_ids,
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
            let bare = score.why.is_none() && score.source.is_none();
            if bare && all_bare {
                // Said once for the whole option below, if every score is bare.
                bare_scores.push(score.span);
            } else if all_bare {
                all_bare = false;
                for span in bare_scores.drain(..) {
                    without_evidence(&mut v, id, span, &def.scores);
                }
            }
            if !all_bare && (score.why.is_none() || score.source.is_none()) {
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
            let distribution = score.distribution.as_ref().and_then(|d| {
                super::uncertainty::distribution(&mut v, id, &score.criterion.value, score, d)
            });
            // The texts move into the model; nothing reads them from the mirror after this.
            let score = &mut def.scores[k];
            evidence[i][j] = Evidence::new(EvidenceDetails {
                low: score.low.as_ref().map(|x| x.value),
                high: score.high.as_ref().map(|x| x.value),
                why: score.why.take().map(|x| x.value),
                source: score.source.take().map(|x| x.value),
                quote: score.quote.take().map(|x| x.value),
                imputed: false,
                distribution,
            });
        }
        if bare_scores.len() > 1 {
            let span = def.id.as_ref().map_or(def.span, |s| s.span);
            let e = v.warning(
                "score-without-evidence",
                f,
                span,
                format!(
                    "none of the {} scores of `{id}` has a why or a source",
                    bare_scores.len()
                ),
            );
            e.label = "no provenance for any score".into();
            e.help = Some(
                "write each score as { value = …, why = \"…\", source = \"<source-id> §Section\" }"
                    .into(),
            );
        } else {
            for span in bare_scores {
                without_evidence(&mut v, id, span, &def.scores);
            }
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
            name: def
                .name
                .take()
                .map(|x| x.value)
                .unwrap_or_else(|| id.clone()),
            category: def.category.take().map(|x| x.value).unwrap_or_default(),
            description: def.description.take().map(|x| x.value).unwrap_or_default(),
        });
    }
}

/// The warning for one score with neither `why` nor `source`.
fn without_evidence(v: &mut Validator<'_>, option: &str, span: Span, scores: &[ScoreDef]) {
    let criterion = scores
        .iter()
        .find(|s| s.span == span)
        .map_or("", |s| s.criterion.value.as_str());
    let e = v.warning(
        "score-without-evidence",
        FileKind::Options,
        span,
        format!("the score of `{option}` on `{criterion}` has no why and source"),
    );
    e.label = "no provenance".into();
    e.help = Some("write { value = …, why = \"…\", source = \"<source-id> §Section\" }".into());
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
    let magnitudes = [Some(value), score.low.as_ref(), score.high.as_ref()];
    if !magnitudes
        .into_iter()
        .flatten()
        .fold(true, |ok, x| v.in_range(f, x, "score") & ok)
    {
        return;
    }
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
