//! The report: every analysis a policy reader needs, run once for one
//! profile, with the facts its summary states.
//!
//! This module sits between `analysis` and `render`: it asks the analyses
//! their questions (the only place the report calls sensitivity and SMAA)
//! and hands plain results to `render::report`, which lays them out. It
//! knows nothing of drawing.

mod summary;

pub use summary::{FlipWeight, Stakeholder, Summary};

use crate::analysis::compare::{Column, CompareReport, compare};
use crate::analysis::ranking::{RankReport, rank};
use crate::analysis::sensitivity::{self, Rebalance, SensitivityReport};
use crate::analysis::smaa::weights::{DEFAULT_SPREAD, from_profile};
use crate::analysis::smaa::{self, ScoreMode, SmaaReport, WeightInfo};
use crate::analysis::swing::{Swings, swings};
use crate::methods::{MethodKind, MethodSettings};
use crate::model::{Model, ProfileForm};
use crate::weights;

/// How the report's SMAA varies the weights: as `tradeoffs smaa` does by
/// default, around the profile.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SmaaScope {
    /// Around a profile.
    Profile {
        /// The profile is a ranking: any weights in its order of importance.
        ranking: bool,
        /// Criteria with bounds stay within them.
        bounds: bool,
        /// The profile's ratios between weights hold.
        ratios: bool,
        /// Other numeric weights vary within this relative spread.
        spread: f64,
    },
    /// Any weights at all (no profile).
    Any,
}

/// The profile the report is for.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileInfo {
    /// Its id (`equal-weights` when the model has no profile).
    pub id: String,
    /// Its name.
    pub name: String,
    /// Whose view it is.
    pub description: String,
    /// Its weights, one per criterion.
    pub weights: Vec<f64>,
}

/// Everything the report shows.
#[derive(Debug, Clone)]
pub struct ReportData {
    /// The model's title.
    pub title: String,
    /// The date, YYYY-MM-DD.
    pub date: String,
    /// The profile.
    pub profile: ProfileInfo,
    /// The ranking under the profile (additive model).
    pub rank: RankReport,
    /// Ranks under every profile, when there are two or more.
    pub profiles: Option<CompareReport>,
    /// Ranks under every method, for the profile.
    pub methods: CompareReport,
    /// The sensitivity analysis of the profile's weights.
    pub sensitivity: SensitivityReport,
    /// SMAA-2 around the profile.
    pub smaa: SmaaReport,
    /// How that SMAA varied the weights.
    pub smaa_scope: SmaaScope,
    /// How the leader's value moves across its scores' ranges.
    pub swings: Swings,
    /// The facts the first screen states.
    pub summary: Summary,
}

/// Gathers the report for one profile (`None`: equal weights).
///
/// # Errors
/// Only when SMAA cannot run (no samples asked for).
pub fn gather(
    model: &Model,
    profile: Option<usize>,
    samples: u64,
    seed: u64,
    date: String,
) -> Result<ReportData, smaa::SmaaError> {
    let info = match profile {
        Some(p) => {
            let pr = &model.profiles[p];
            ProfileInfo {
                id: pr.id.to_string(),
                name: pr.name.clone(),
                description: pr.description.clone(),
                weights: weights::of_profile(model, pr).weights,
            }
        }
        None => ProfileInfo {
            id: "equal-weights".into(),
            name: "equal weights".into(),
            description: String::new(),
            weights: weights::equal(model.criteria.len()),
        },
    };
    let ranking = rank(model, &info.id, &info.weights, MethodKind::Wsm);
    let profiles = (model.profiles.len() >= 2).then(|| {
        let columns: Vec<Column> = model
            .profiles
            .iter()
            .map(|p| Column {
                label: p.id.to_string(),
                name: p.name.clone(),
                weights: weights::of_profile(model, p).weights,
                method: MethodKind::Wsm,
            })
            .collect();
        let first = profile.unwrap_or(0);
        compare(
            model,
            ("profiles", "wsm", MethodKind::Wsm.title()),
            &columns,
            first,
            &MethodSettings::default(),
        )
    });
    let methods = compare(
        model,
        ("methods", &info.id, &info.name),
        &MethodKind::ALL
            .iter()
            .map(|&m| Column {
                label: m.name().into(),
                name: m.name().into(),
                weights: info.weights.clone(),
                method: m,
            })
            .collect::<Vec<_>>(),
        0,
        &MethodSettings::default(),
    );
    let sensitivity = run_sensitivity(model, profile, &info);
    let smaa = run_smaa(model, profile, &info, samples, seed)?;
    let leader = ranking
        .ranking
        .first()
        .and_then(|r| model.option_index(&r.id))
        .unwrap_or(0);
    let swings = swings(model, &info.weights, leader);
    let summary = summary::summarize(model, &info, &ranking, &sensitivity, &smaa);
    Ok(ReportData {
        title: model.title.clone(),
        date,
        profile: info,
        rank: ranking,
        profiles,
        methods,
        sensitivity,
        smaa,
        smaa_scope: smaa_weights(model, profile).1,
        swings,
        summary,
    })
}

/// The one-way sensitivity of the profile's weights, within its bounds.
fn run_sensitivity(model: &Model, profile: Option<usize>, info: &ProfileInfo) -> SensitivityReport {
    let mut bounds = vec![(0.0, 1.0); model.criteria.len()];
    if let Some(p) = profile {
        for b in &model.profiles[p].bounds {
            bounds[b.criterion] = (b.low, b.high);
        }
    }
    sensitivity::analyse(
        model,
        &sensitivity::Request {
            profile: &info.id,
            weights: &info.weights,
            bounds,
            method: MethodKind::Wsm,
            rebalance: Rebalance::Proportional,
            criterion: None,
            top: sensitivity::DEFAULT_TOP,
            all: false,
        },
    )
}

/// SMAA-2 around the profile, exactly as `tradeoffs smaa` samples it by
/// default ([`smaa::weights::from_profile`] with the default spread); over all
/// weights with no profile. Scores vary within their ranges where the model
/// gives ranges.
pub fn smaa_weights(model: &Model, profile: Option<usize>) -> (WeightInfo, SmaaScope) {
    match profile.map(|p| &model.profiles[p]) {
        None => (
            WeightInfo::Uniform {
                criteria: model.criteria.len(),
            },
            SmaaScope::Any,
        ),
        Some(p) => (
            from_profile(model, p, DEFAULT_SPREAD),
            SmaaScope::Profile {
                ranking: matches!(p.form, ProfileForm::Ranking(_)),
                bounds: !p.bounds.is_empty(),
                ratios: !p.ratios.is_empty(),
                spread: DEFAULT_SPREAD,
            },
        ),
    }
}

fn run_smaa(
    model: &Model,
    profile: Option<usize>,
    info: &ProfileInfo,
    samples: u64,
    seed: u64,
) -> Result<SmaaReport, smaa::SmaaError> {
    smaa::run(
        model,
        &smaa::Request {
            profile: info.id.clone(),
            weights: smaa_weights(model, profile).0,
            method: MethodKind::Wsm,
            samples,
            seed,
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
    )
}
