//! The report's sections, in reading order: the answer first, then what it
//! rests on, then the detail.

use super::sentences::{findings, ordinal, percent, reconcile, summary};
use super::{Part, Section};
use crate::analysis::compare::CompareReport;
use crate::model::Model;
use crate::render::document::Table;
use crate::render::fixed;
use crate::report::ReportData;

/// A comparison as a table: option names, one column per profile or method.
fn ranks_table(c: &CompareReport) -> Table {
    let mut headers: Vec<(&str, bool)> = vec![("Option", false)];
    headers.extend(c.column_names.iter().map(|n| (n.as_str(), true)));
    let mut t = Table::new(&headers);
    for (id, ranks) in &c.ranks {
        let mut row = vec![c.names.get(id).cloned().unwrap_or_else(|| id.clone())];
        row.extend(ranks.values().map(|r| r.to_string()));
        t.row(row);
    }
    t
}

/// Every section of the report.
pub fn sections(
    model: &Model,
    data: &ReportData,
    figure: &dyn Fn(&str) -> Option<usize>,
) -> Vec<Section> {
    let fig = |file: &str| figure(file).map(Part::Figure);
    let mut out = vec![Section {
        id: "summary",
        title: "Summary".into(),
        parts: summary(model, data),
    }];

    let mut weights = Table::new(&[
        ("Criterion", false),
        ("Direction", false),
        ("Weight", true),
        ("Scale", false),
        ("What it means", false),
    ]);
    let mut order: Vec<usize> = (0..model.criteria.len()).collect();
    order.sort_by(|&a, &b| data.profile.weights[b].total_cmp(&data.profile.weights[a]));
    for j in order {
        let c = &model.criteria[j];
        weights.row(vec![
            c.name.clone(),
            c.direction.phrase().to_string(),
            fixed(data.profile.weights[j], 3),
            format!("{} to {}", c.scale.min, c.scale.max),
            c.description.clone(),
        ]);
    }
    let mut parts = vec![];
    if !data.profile.description.is_empty() {
        parts.push(Part::Paragraph(format!(
            "{}: {}",
            data.profile.name, data.profile.description
        )));
    }
    parts.push(Part::Paragraph(
        "The criteria, heaviest first. Each score is turned into a value from 0 (the worst end of its scale) to 1 (the best), respecting its direction; the weights sum to 1.".into(),
    ));
    parts.push(Part::Table(weights));
    out.push(Section {
        id: "criteria",
        title: "Weights and criteria".into(),
        parts,
    });

    let mut ranking = Table::new(&[
        ("Rank", true),
        ("Option", false),
        ("Value", true),
        ("Scores well on", false),
    ]);
    for r in &data.rank.ranking {
        let well: Vec<String> = r
            .top_contributors
            .iter()
            .map(|c| {
                format!(
                    "{} ({}): {}",
                    c.name,
                    c.direction.phrase(),
                    fixed(c.contribution, 3)
                )
            })
            .collect();
        ranking.row(vec![
            r.rank.to_string(),
            r.name.clone(),
            fixed(r.score, 3),
            well.join("; "),
        ]);
    }
    out.push(Section {
        id: "ranking",
        title: "Ranking".into(),
        parts: [
            Some(Part::Paragraph(
                "Overall value under the additive model. \"Scores well on\" names the criteria that add most to the option's value (weight × value), which for a \"less is better\" criterion means having little of it.".into(),
            )),
            Some(Part::Table(ranking)),
            fig("ranking.svg"),
        ]
        .into_iter()
        .flatten()
        .collect(),
    });

    let mut parts: Vec<Part> = reconcile(model, data)
        .into_iter()
        .map(Part::Paragraph)
        .collect();
    if let Some(p) = &data.profiles {
        parts.push(Part::Paragraph(format!(
            "Ranks under every stakeholder profile, sorted by {}.",
            data.profile.name
        )));
        parts.push(Part::Table(ranks_table(p)));
        parts.extend(fig("profiles.svg"));
    }
    parts.push(Part::Paragraph(
        "Ranks under every aggregation method, for this profile.".into(),
    ));
    parts.push(Part::Table(ranks_table(&data.methods)));
    if !data.methods.vetoes.is_empty() {
        let vetoed: Vec<String> = data
            .methods
            .vetoes
            .iter()
            .map(|v| {
                let criteria: Vec<String> = v
                    .criteria
                    .iter()
                    .map(|c| data.methods.criteria.get(c).cloned().unwrap_or_default())
                    .collect();
                format!(
                    "{} on {}",
                    data.methods
                        .names
                        .get(&v.option)
                        .cloned()
                        .unwrap_or_default(),
                    criteria.join(" and ")
                )
            })
            .collect();
        parts.push(Part::Paragraph(format!(
            "The weighted product (wpm) ranks last any option with the worst possible value on a weighted criterion, whatever its other scores (a veto): {}. Its low ranks for these options say how the product treats a zero, not how they do overall.",
            vetoed.join("; ")
        )));
    }
    parts.extend(fig("methods.svg"));
    out.push(Section {
        id: "comparison",
        title: "Stakeholder and method comparison".into(),
        parts,
    });

    let s = &data.sensitivity;
    let mut stable = Table::new(&[
        ("Criterion", false),
        ("Weight now", true),
        ("Leader stays first from", true),
        ("to", true),
        ("Who overtakes below · above", false),
    ]);
    let name = |id: &str| s.names.get(id).cloned().unwrap_or_else(|| id.to_string());
    let who = |id: &Option<String>| id.as_deref().map_or("–".to_string(), name);
    for st in &s.summary.stability {
        stable.row(vec![
            format!("{} ({})", st.name, st.direction.phrase()),
            fixed(st.weight, 3),
            fixed(st.from, 3),
            fixed(st.to, 3),
            format!("{} · {}", who(&st.below), who(&st.above)),
        ]);
    }
    let mut parts: Vec<Part> = vec![Part::List(findings(s))];
    parts.push(Part::Paragraph(format!(
        "For every criterion, the range of its weight over which {} stays first, moving one weight at a time. {}.",
        name(&s.top),
        capitalized(s.rule.trim_end_matches('.'))
    )));
    parts.push(Part::Table(stable));
    parts.extend(fig("sensitivity.svg"));
    parts.extend(fig("tornado.svg"));
    out.push(Section {
        id: "sensitivity",
        title: "Sensitivity".into(),
        parts,
    });

    let mut acc = Table::new(&[
        ("Option", false),
        ("Ranked first", true),
        ("Most likely rank", true),
        ("In the top three", true),
    ]);
    let mut order: Vec<&crate::analysis::smaa::SmaaOption> = data.smaa.options.iter().collect();
    order.sort_by(|a, b| b.acceptability[0].total_cmp(&a.acceptability[0]));
    for o in order {
        // Among the tallied ranks (the top ranks only on very large models).
        let likely = o.most_likely_rank.saturating_sub(1);
        acc.row(vec![
            o.name.clone(),
            percent(o.acceptability[0]),
            ordinal(likely + 1),
            percent(o.acceptability.iter().take(3).sum()),
        ]);
    }
    out.push(Section {
        id: "smaa",
        title: "How robust: SMAA-2".into(),
        parts: [
            Some(Part::Paragraph(format!(
                "SMAA-2 ranks the options again and again while it varies the {}; \"ranked first\" is the share of those samples in which the option comes first.",
                super::sentences::smaa_varied(data)
            ))),
            Some(Part::Table(acc)),
            fig("acceptability.svg"),
        ]
        .into_iter()
        .flatten()
        .collect(),
    });

    let rank_of = |id: &str| {
        data.rank
            .ranking
            .iter()
            .find(|r| r.id == id)
            .map_or(0, |r| r.rank)
    };
    let mut options: Vec<usize> = (0..model.options.len()).collect();
    options.sort_by_key(|&i| (rank_of(model.options[i].id.as_str()), i));
    let mut parts = vec![Part::Paragraph(
        "Every score is an analyst's judgment drawn from the cited source, grouped by option in rank order.".into(),
    )];
    for i in options {
        let mut t = Table::new(&[
            ("Criterion", false),
            ("Score", true),
            ("Why", false),
            ("Source", false),
        ]);
        for (j, c) in model.criteria.iter().enumerate() {
            let e = &model.evidence[i][j];
            let x = model.scores[(i, j)];
            let score = match (e.low, e.high) {
                (Some(lo), Some(hi)) => format!("{x} ({lo}–{hi})"),
                _ if e.imputed => format!("{x} (missing; filled in)"),
                _ => format!("{x}"),
            };
            t.row(vec![
                c.name_with_direction(),
                score,
                e.why.clone().unwrap_or_default(),
                e.source.clone().unwrap_or_default(),
            ]);
        }
        let o = &model.options[i];
        parts.push(Part::Details(
            format!("{}. {}", rank_of(o.id.as_str()), o.name),
            vec![Part::Table(t)],
        ));
    }
    out.push(Section {
        id: "evidence",
        title: "Evidence".into(),
        parts,
    });

    let sources = model
        .sources
        .iter()
        .map(|s| {
            let mut parts = vec![format!("[{}]", s.id)];
            parts.extend(s.author.clone());
            parts.push(s.title.clone());
            parts.extend(s.publisher.clone());
            parts.extend(s.year.map(|y| y.to_string()));
            parts.extend(s.url.clone());
            parts.join(", ")
        })
        .collect();
    out.push(Section {
        id: "sources",
        title: "Sources".into(),
        parts: vec![Part::List(sources)],
    });
    out
}

/// `text` with its first letter in upper case.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}
