//! The facts the report's first screen states: who leads, by how much, how
//! sure that is, who disagrees and what would change the answer.

use crate::analysis::ranking::RankReport;
use crate::analysis::sensitivity::{CriticalChange, SensitivityReport};
use crate::analysis::smaa::SmaaReport;
use crate::model::Model;
use crate::weights;

use super::ProfileInfo;

/// A weight the nearest flip moves.
#[derive(Debug, Clone, PartialEq)]
pub struct FlipWeight {
    /// Criterion index.
    pub criterion: usize,
    /// The profile's weight.
    pub from: f64,
    /// The weight at the flip.
    pub to: f64,
}

/// A stakeholder profile whose leader differs from the report's.
#[derive(Debug, Clone, PartialEq)]
pub struct Stakeholder {
    /// The profile's name.
    pub name: String,
    /// Its top option (index).
    pub leader: usize,
    /// Where it ranks the report's leader.
    pub rank_of_ours: usize,
    /// The criterion it weighs most above the report's profile: `(index, theirs, ours)`.
    pub emphasis: Option<(usize, f64, f64)>,
}

/// The summary's facts.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The top option (index) under the profile.
    pub leader: usize,
    /// The second option (index), if any.
    pub runner_up: Option<usize>,
    /// The leader's score minus the runner-up's.
    pub margin: f64,
    /// The leader's SMAA first-rank acceptability.
    pub leader_first: f64,
    /// The option SMAA puts first most often (index) and how often.
    pub smaa_top: (usize, f64),
    /// The smallest single-weight change that changes the leader.
    pub critical: Option<CriticalChange>,
    /// The nearest flip with every weight free: its size, new leader, and the weights that move.
    pub flip: Option<(f64, usize, Vec<FlipWeight>)>,
    /// Stakeholder profiles that put another option first.
    pub dissent: Vec<Stakeholder>,
    /// Stakeholder profiles that agree on the leader.
    pub agree: Vec<String>,
}

pub(super) fn summarize(
    model: &Model,
    profile: &ProfileInfo,
    ranking: &RankReport,
    sensitivity: &SensitivityReport,
    smaa: &SmaaReport,
) -> Summary {
    let index = |id: &str| model.option_index(id).unwrap_or(0);
    let leader = ranking.ranking.first().map_or(0, |r| index(&r.id));
    let runner_up = ranking.ranking.get(1).map(|r| index(&r.id));
    let margin = match (ranking.ranking.first(), ranking.ranking.get(1)) {
        (Some(a), Some(b)) => (a.score - b.score).abs(),
        _ => 0.0,
    };
    let first = |i: usize| {
        smaa.options
            .iter()
            .find(|o| o.id == model.options[i].id.as_str())
            .map_or(0.0, |o| o.acceptability[0])
    };
    let smaa_top = smaa
        .options
        .iter()
        .enumerate()
        .max_by(|a, b| {
            a.1.acceptability[0]
                .total_cmp(&b.1.acceptability[0])
                .then(b.0.cmp(&a.0))
        })
        .map_or((leader, 0.0), |(_, o)| (index(&o.id), o.acceptability[0]));
    let flip = sensitivity.summary.nearest_flip.as_ref().map(|f| {
        let moved = f
            .moves
            .iter()
            .filter_map(|m| {
                Some(FlipWeight {
                    criterion: model
                        .criteria
                        .iter()
                        .position(|c| c.id.as_str() == m.criterion)?,
                    from: m.from,
                    to: m.to,
                })
            })
            .collect();
        (f.distance, index(&f.new_top), moved)
    });
    let mut dissent = vec![];
    let mut agree = vec![];
    for p in &model.profiles {
        if p.id.as_str() == profile.id {
            continue;
        }
        let w = weights::of_profile(model, p).weights;
        let theirs = crate::analysis::rank(model, p.id.as_str(), &w, crate::MethodKind::Wsm);
        let Some(top) = theirs.ranking.first() else {
            continue;
        };
        if index(&top.id) == leader {
            agree.push(p.name.clone());
            continue;
        }
        let rank_of_ours = theirs
            .ranking
            .iter()
            .find(|r| index(&r.id) == leader)
            .map_or(0, |r| r.rank);
        let emphasis = (0..w.len())
            .map(|j| (j, w[j], profile.weights[j]))
            .filter(|(_, t, o)| t > o)
            .max_by(|a, b| (a.1 - a.2).total_cmp(&(b.1 - b.2)));
        dissent.push(Stakeholder {
            name: p.name.clone(),
            leader: index(&top.id),
            rank_of_ours,
            emphasis,
        });
    }
    Summary {
        leader,
        runner_up,
        margin,
        leader_first: first(leader),
        smaa_top,
        critical: sensitivity.summary.critical.clone(),
        flip,
        dissent,
        agree,
    }
}
