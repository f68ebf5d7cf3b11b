//! Everything the report shows, gathered in one place: the rankings, the
//! comparisons, the sensitivity findings in sentences, SMAA, the charts and
//! the evidence.

use crate::analysis::charts;
use crate::analysis::compare::{Column, CompareReport, compare};
use crate::analysis::ranking::{RankReport, rank};
use crate::analysis::sensitivity::{Rebalance, Request, SensitivityReport, analyse};
use crate::analysis::smaa::{self, ScoreMode, SmaaReport, WeightInfo};
use crate::methods::{MethodKind, MethodSettings};
use crate::model::Model;
use crate::render::svg;
use crate::weights;

/// One row of the evidence table.
#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceRow {
    /// Option name.
    pub option: String,
    /// Criterion name.
    pub criterion: String,
    /// The score, with its range when it has one.
    pub score: String,
    /// The reason.
    pub why: String,
    /// The citation.
    pub source: String,
}

/// The charts, as SVG text.
#[derive(Debug, Clone, PartialEq)]
pub struct Charts {
    /// Ranking bars.
    pub rank: String,
    /// Ranks across profiles.
    pub profiles: String,
    /// The sweep of the most critical criterion.
    pub sweep: Option<String>,
    /// Rank acceptability.
    pub acceptability: String,
    /// The top option's score ranges.
    pub tornado: String,
}

/// The report's content.
#[derive(Debug, Clone)]
pub struct ReportData {
    /// The model's title.
    pub title: String,
    /// The date, YYYY-MM-DD.
    pub date: String,
    /// The profile's name.
    pub profile_name: String,
    /// The ranking.
    pub rank: RankReport,
    /// Ranks under every profile.
    pub profiles: Option<CompareReport>,
    /// The sensitivity analysis.
    pub sensitivity: SensitivityReport,
    /// The findings in plain sentences.
    pub findings: Vec<String>,
    /// SMAA-2 with no preference information.
    pub smaa: SmaaReport,
    /// The charts.
    pub charts: Charts,
    /// Every score with its reason and source.
    pub evidence: Vec<EvidenceRow>,
    /// The sources, in full.
    pub sources: Vec<String>,
}

/// Gathers the report for one profile.
///
/// # Errors
/// Only when SMAA cannot run (no samples asked for).
pub fn gather(
    model: &Model,
    profile: Option<usize>,
    samples: u64,
    date: String,
) -> Result<ReportData, smaa::SmaaError> {
    let (id, name, w, bounds) = match profile {
        Some(p) => {
            let pr = &model.profiles[p];
            let mut bounds = vec![(0.0, 1.0); model.criteria.len()];
            for b in &pr.bounds {
                bounds[b.criterion] = (b.low, b.high);
            }
            (
                pr.id.to_string(),
                pr.name.clone(),
                weights::of_profile(model, pr).weights,
                bounds,
            )
        }
        None => (
            "equal-weights".to_string(),
            "equal weights".to_string(),
            weights::equal(model.criteria.len()),
            vec![(0.0, 1.0); model.criteria.len()],
        ),
    };
    let ranking = rank(model, &id, &w, MethodKind::Wsm);
    let profiles = (model.profiles.len() >= 2).then(|| {
        let columns: Vec<Column> = model
            .profiles
            .iter()
            .map(|p| Column {
                label: p.id.to_string(),
                weights: weights::of_profile(model, p).weights,
                method: MethodKind::Wsm,
            })
            .collect();
        compare(
            model,
            "profiles",
            "wsm",
            &columns,
            &MethodSettings::default(),
        )
    });
    let sensitivity = analyse(
        model,
        &Request {
            profile: &id,
            weights: &w,
            bounds,
            method: MethodKind::Wsm,
            rebalance: Rebalance::Proportional,
            criterion: None,
        },
    );
    let smaa = smaa::run(
        model,
        &smaa::Request {
            profile: "none".into(),
            weights: WeightInfo::Uniform {
                criteria: model.criteria.len(),
            },
            method: MethodKind::Wsm,
            samples,
            seed: smaa::DEFAULT_SEED,
            scores: if smaa::has_ranges(model) {
                ScoreMode::Uncertain
            } else {
                ScoreMode::Fixed
            },
            threads: None,
            progress: false,
            ranks: None,
            pairwise: None,
        },
    )?;
    let critical_index = sensitivity
        .critical
        .as_ref()
        .and_then(|c| {
            sensitivity
                .criteria
                .iter()
                .position(|s| s.id == c.criterion)
        })
        .unwrap_or(0);
    let top = model.option_index(&sensitivity.top).unwrap_or(0);
    let charts = Charts {
        rank: svg::stacked_bars(&charts::rank_bars(model, &ranking)),
        profiles: profiles
            .as_ref()
            .map(|p| svg::heatmap(&charts::rank_heatmap(p)))
            .unwrap_or_default(),
        sweep: charts::sweep_lines(&sensitivity, critical_index).map(|c| svg::line_chart(&c)),
        acceptability: svg::stacked_bars(&charts::acceptability_bars(&smaa)),
        tornado: svg::tornado(&charts::tornado_rows(model, &w, top)),
    };
    let findings = findings(&sensitivity);
    let evidence = model
        .options
        .iter()
        .enumerate()
        .flat_map(|(i, o)| {
            model.criteria.iter().enumerate().map(move |(j, c)| {
                let e = &model.evidence[i][j];
                let x = model.scores[(i, j)];
                let score = match (e.low, e.high) {
                    (Some(lo), Some(hi)) => format!("{x} ({lo}–{hi})"),
                    _ if e.imputed => format!("{x} (missing; filled in)"),
                    _ => format!("{x}"),
                };
                EvidenceRow {
                    option: o.name.clone(),
                    criterion: c.name.clone(),
                    score,
                    why: e.why.clone().unwrap_or_default(),
                    source: e.source.clone().unwrap_or_default(),
                }
            })
        })
        .collect();
    let sources = model
        .sources
        .iter()
        .map(|s| {
            let mut parts = vec![format!("[{}]", s.id)];
            parts.extend(s.author.clone());
            parts.push(format!("*{}*", s.title));
            parts.extend(s.publisher.clone());
            parts.extend(s.year.map(|y| y.to_string()));
            parts.extend(s.url.clone());
            parts.join(", ")
        })
        .collect();
    Ok(ReportData {
        title: model.title.clone(),
        date,
        profile_name: name,
        rank: ranking,
        profiles,
        sensitivity,
        findings,
        smaa,
        charts,
        evidence,
        sources,
    })
}

/// The sensitivity findings as sentences a facilitator can read out.
fn findings(s: &SensitivityReport) -> Vec<String> {
    let name = |id: &str| s.names.get(id).cloned().unwrap_or_else(|| id.to_string());
    let mut out = vec![];
    for sweep in &s.criteria {
        let top = &s.top;
        for t in &sweep.thresholds {
            let rising = t.weight > sweep.weight;
            let involves_top = (rising
                && t.pair[0] == *top
                && (t.weight - sweep.top_stable[1]).abs() < 1e-12)
                || (!rising && t.pair[1] == *top && (t.weight - sweep.top_stable[0]).abs() < 1e-12);
            if involves_top {
                let (winner, loser) = if rising {
                    (&t.pair[1], &t.pair[0])
                } else {
                    (&t.pair[0], &t.pair[1])
                };
                out.push(format!(
                    "If the weight of {} {} {:.2} (now {:.2}), {} overtakes {}.",
                    sweep.name,
                    if rising { "rises above" } else { "falls below" },
                    t.weight,
                    sweep.weight,
                    name(winner),
                    name(loser)
                ));
            }
        }
    }
    if out.is_empty() {
        out.push(format!(
            "No change of a single weight makes another option overtake {}.",
            name(&s.top)
        ));
    }
    if let Some(f) = &s.nearest_flip {
        out.push(format!(
            "With every weight free, moving {:.3} of the total weight puts {} on top.",
            f.distance / 2.0,
            name(&f.new_top)
        ));
    }
    if !s.across_profiles.always_top3.is_empty() {
        let names: Vec<String> = s
            .across_profiles
            .always_top3
            .iter()
            .map(|id| name(id))
            .collect();
        out.push(format!(
            "In the top three under every stakeholder profile: {}.",
            names.join(", ")
        ));
    }
    out
}
