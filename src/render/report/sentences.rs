//! The report's findings in sentences a policy reader can act on.

use super::Part;
use crate::analysis::sensitivity::SensitivityReport;
use crate::model::Model;
use crate::render::fixed;
use crate::report::{ReportData, SmaaScope};

/// A share as a percentage with one decimal.
pub fn percent(x: f64) -> String {
    format!("{}%", fixed(100.0 * x, 1))
}

/// What SMAA varied, in words: "the weights … and each score …".
pub fn smaa_varied(data: &ReportData) -> String {
    let weights = match data.smaa_scope {
        SmaaScope::Profile {
            ranking,
            bounds,
            ratios,
            spread,
        } => {
            let mut w = if ranking {
                "the weights in any way that keeps the profile's order of importance".to_string()
            } else if bounds {
                format!(
                    "the weights within the profile's bounds (each other weight within ±{}% of the profile's)",
                    fixed(100.0 * spread, 0)
                )
            } else {
                format!(
                    "each weight within ±{}% of the profile's",
                    fixed(100.0 * spread, 0)
                )
            };
            if ranking && bounds {
                w.push_str(" and its bounds");
            }
            if ratios {
                w.push_str(", keeping its ratios between weights");
            }
            w
        }
        SmaaScope::Any => "the weights over every possible combination".into(),
    };
    let scores = match data.smaa.scores {
        crate::analysis::smaa::ScoreMode::Uncertain => " and each score within its stated range",
        crate::analysis::smaa::ScoreMode::Fixed => "",
    };
    format!(
        "{weights}{scores} ({} samples, seed {})",
        data.smaa.samples, data.smaa.seed
    )
}

/// The first screen: what to do and how sure to be.
pub fn summary(model: &Model, data: &ReportData) -> Vec<Part> {
    let s = &data.summary;
    let name = |i: usize| model.options[i].name.clone();
    let criterion = |id: &str| {
        model
            .criteria
            .iter()
            .find(|c| c.id.as_str() == id)
            .map_or(id.to_string(), |c| c.name.clone())
    };
    let mut out = vec![];
    let leader_score = data.rank.ranking.first().map_or(0.0, |r| r.score);
    out.push(match s.runner_up {
        Some(r) => format!(
            "Recommended under the {} profile: {}. Its overall value is {} on a 0–1 scale, {} ahead of {}, the runner-up.",
            data.profile.name,
            name(s.leader),
            fixed(leader_score, 3),
            fixed(s.margin, 3),
            name(r)
        ),
        None => format!(
            "Recommended under the {} profile: {}.",
            data.profile.name,
            name(s.leader)
        ),
    });
    let mut sure = format!(
        "How sure: when SMAA-2 varies {}, {} ranks first in {} of the samples.",
        smaa_varied(data),
        name(s.leader),
        percent(s.leader_first)
    );
    if s.smaa_top.0 != s.leader {
        sure.push_str(&format!(
            " {} ranks first more often ({}): the leader's edge depends on the exact weights and central scores, and it is lost across much of the range SMAA explores.",
            name(s.smaa_top.0),
            percent(s.smaa_top.1)
        ));
    }
    sure.push_str(&format!(" {}", verdict(s.leader_first)));
    out.push(sure);
    match &s.critical {
        Some(c) => out.push(format!(
            "What would change the answer: {} the weight of {} from {} to {}, every other weight held fixed, puts {} first (rescaled to sum to 1, a weight of {}).",
            if c.change >= 0.0 { "raising" } else { "lowering" },
            criterion(&c.criterion),
            fixed(c.weight, 3),
            fixed(c.new_weight, 3),
            data.sensitivity
                .names
                .get(&c.new_top)
                .cloned()
                .unwrap_or_else(|| c.new_top.clone()),
            fixed(c.renormalized_weight, 3)
        )),
        None => out.push(format!(
            "No change of a single weight makes another option overtake {}.",
            name(s.leader)
        )),
    }
    if let Some((distance, top, moved)) = &s.flip {
        let moves: Vec<String> = moved
            .iter()
            .map(|m| {
                format!(
                    "{} {} → {}",
                    model.criteria[m.criterion].name,
                    fixed(m.from, 3),
                    fixed(m.to, 3)
                )
            })
            .collect();
        out.push(format!(
            "With every weight free, the smallest shift that puts {} first moves {} of the total weight: {}.",
            name(*top),
            fixed(distance / 2.0, 3),
            moves.join("; ")
        ));
    }
    let mut out: Vec<Part> = out.into_iter().map(Part::Paragraph).collect();
    if !model.profiles.is_empty() {
        out.push(Part::Paragraph(if s.dissent.is_empty() {
            format!("Every stakeholder profile puts {} first.", name(s.leader))
        } else if s.agree.is_empty() {
            format!(
                "No other stakeholder profile puts {} first; each puts another option first, mainly because it weighs one criterion more:",
                name(s.leader)
            )
        } else {
            format!(
                "Stakeholders who also put it first: {}. Those who put another option first, mainly because they weigh one criterion more:",
                s.agree.join(", ")
            )
        }));
        let items: Vec<String> = s
            .dissent
            .iter()
            .map(|d| {
                let mut item = format!(
                    "{}: {} first ({} {}",
                    d.name,
                    name(d.leader),
                    name(s.leader),
                    ordinal(d.rank_of_ours)
                );
                match d.emphasis {
                    Some((j, theirs, ours)) => item.push_str(&format!(
                        "); {} weighs {} there, {} here.",
                        model.criteria[j].name_with_direction(),
                        fixed(theirs, 3),
                        fixed(ours, 3)
                    )),
                    None => item.push_str(")."),
                }
                item
            })
            .collect();
        if !items.is_empty() {
            out.push(Part::List(items));
        }
    }
    out
}

/// What a first-rank acceptability says about the recommendation.
fn verdict(first: f64) -> &'static str {
    if first >= ROBUST {
        "The recommendation is robust to these variations."
    } else if first >= 0.5 {
        "It is the likely choice, but not a sure one."
    } else {
        "It is a close call: in most samples another option comes first."
    }
}

/// 1st, 2nd, 3rd, 4th, …
pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, x) if x != 11 => "st",
        (2, x) if x != 12 => "nd",
        (3, x) if x != 13 => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// How the ranking, the methods, sensitivity and SMAA fit together.
pub fn reconcile(model: &Model, data: &ReportData) -> Vec<String> {
    let s = &data.summary;
    let leader = &model.options[s.leader];
    let name = |id: &str| data.methods.names.get(id).cloned().unwrap_or_default();
    let mut out = vec![];
    let firsts: Vec<&str> = data
        .methods
        .columns
        .iter()
        .filter(|c| {
            data.methods
                .ranks
                .get(leader.id.as_str())
                .and_then(|r| r.get(*c))
                == Some(&1)
        })
        .map(String::as_str)
        .collect();
    let others: Vec<String> = data
        .methods
        .columns
        .iter()
        .filter(|c| !firsts.contains(&c.as_str()))
        .filter_map(|c| {
            data.methods
                .ranks
                .iter()
                .find(|(_, r)| r.get(c) == Some(&1))
                .map(|(id, _)| format!("{} under {c}", name(id)))
        })
        .collect();
    out.push(if others.is_empty() {
        format!(
            "Every aggregation method ranks {} first under this profile.",
            leader.name
        )
    } else {
        format!(
            "{} is first under {} of {} methods ({}); elsewhere: {}.",
            leader.name,
            firsts.len(),
            data.methods.columns.len(),
            firsts.join(", "),
            others.join("; ")
        )
    });
    out.push(if s.smaa_top.0 == s.leader {
        format!(
            "SMAA agrees with the ranking: {} is also the option most often first ({}) when SMAA varies {}.",
            leader.name,
            percent(s.leader_first),
            smaa_varied(data)
        )
    } else {
        format!(
            "SMAA and the ranking differ: the ranking uses the profile's exact weights and each score's central value, while SMAA varies {}. Across those variations {} is first most often ({}), {} only in {}.",
            smaa_varied(data),
            model.options[s.smaa_top.0].name,
            percent(s.smaa_top.1),
            leader.name,
            percent(s.leader_first)
        )
    });
    if let Some(c) = &s.critical {
        let relative = c.relative_change.map_or(String::new(), |r| {
            format!(" ({}{}%)", if r >= 0.0 { "+" } else { "" }, fixed(r, 1))
        });
        let within = match data.smaa_scope {
            SmaaScope::Profile {
                ranking: false,
                spread,
                ..
            } if c.relative_change.is_some_and(|r| r.abs() < 100.0 * spread) => {
                format!(
                    ", well inside the ±{}% SMAA explores",
                    fixed(100.0 * spread, 0)
                )
            }
            _ => String::new(),
        };
        let opening = if s.leader_first >= ROBUST {
            format!("Sensitivity agrees that {} is robust:", leader.name)
        } else {
            format!("Sensitivity says why {} is not more robust:", leader.name)
        };
        out.push(format!(
            "{opening} its lead of {} over {} goes when the weight of {} moves by {}{relative}{within}.",
            fixed(s.margin, 3),
            s.runner_up.map_or(String::new(), |r| model.options[r].name.clone()),
            c.criterion_name,
            fixed(c.change.abs(), 3),
        ));
    }
    out
}

/// A first-rank acceptability from which the report calls the leader robust.
const ROBUST: f64 = 0.9;

/// How many of the nearest single-weight changes the findings read out.
const FINDINGS: usize = 3;

/// The nearest single-weight changes that topple the leader, as sentences a
/// facilitator can read out, smallest change first.
pub fn findings(s: &SensitivityReport) -> Vec<String> {
    let name = |id: &str| s.names.get(id).cloned().unwrap_or_else(|| id.to_string());
    let mut out: Vec<(f64, String)> = vec![];
    for st in &s.summary.stability {
        for (edge, who, rising) in [(st.from, &st.below, false), (st.to, &st.above, true)] {
            let Some(who) = who else { continue };
            out.push((
                (edge - st.weight).abs(),
                format!(
                    "If the weight of {} {} {} (now {}), {} overtakes {}.",
                    st.name,
                    if rising { "rises above" } else { "falls below" },
                    fixed(edge, 3),
                    fixed(st.weight, 3),
                    name(who),
                    name(&s.top)
                ),
            ));
        }
    }
    if out.is_empty() {
        return vec![format!(
            "No change of a single weight makes another option overtake {}.",
            name(&s.top)
        )];
    }
    out.sort_by(|a, b| a.0.total_cmp(&b.0));
    out.into_iter().take(FINDINGS).map(|(_, s)| s).collect()
}
