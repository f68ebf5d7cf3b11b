//! Every chart, as SVG, on the small test model: snapshots of the exact
//! output, and checks that each is well-formed XML carrying its labels.

use tradeoffs::analysis::compare::{Column, compare};
use tradeoffs::analysis::sensitivity::{Rebalance, Request, analyse};
use tradeoffs::analysis::smaa::{self, ScoreMode, WeightInfo};
use tradeoffs::analysis::{frontier as efficient, swing};
use tradeoffs::methods::MethodSettings;
use tradeoffs::render::{charts, svg};
use tradeoffs::{MethodKind, Model, from_texts};

fn small() -> Model {
    from_texts(
        include_str!("fixtures/small/options.toml"),
        include_str!("fixtures/small/criteria.toml"),
    )
    .expect("valid")
}

fn weights(model: &Model) -> Vec<f64> {
    tradeoffs::weights::of_profile(model, &model.profiles[0]).weights
}

fn well_formed(svg: &str) -> roxmltree::Document<'_> {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    doc
}

fn texts(doc: &roxmltree::Document<'_>) -> String {
    doc.descendants()
        .filter(|n| n.is_text())
        .flat_map(|n| n.text().unwrap_or("").split_whitespace())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn rank_bars() {
    let m = small();
    let report = tradeoffs::rank(&m, "balanced", &weights(&m), MethodKind::Wsm);
    let svg = svg::stacked_bars(&charts::rank_bars(&m, &report));
    let doc = well_formed(&svg);
    let text = texts(&doc);
    assert!(
        text.contains("1. Pill-press controls") && text.contains("0.650"),
        "{text}"
    );
    for c in &m.criteria {
        assert!(
            text.contains(&c.name_with_direction()),
            "every criterion is in the legend with its direction: {}\n{text}",
            c.name
        );
    }
    assert!(text.contains("Increase in violence in Mexico (less is better)"));
    insta::assert_snapshot!(svg);
}

#[test]
fn rank_bars_under_another_method_show_that_methods_score_alone() {
    let m = small();
    let report = tradeoffs::rank(&m, "balanced", &weights(&m), MethodKind::Topsis);
    let bars = charts::rank_bars(&m, &report);
    assert!(bars.rows.iter().all(|r| r.segments.len() == 1));
    for (bar, row) in bars.rows.iter().zip(&report.ranking) {
        assert_eq!(bar.segments[0].value, row.score);
    }
}

#[test]
fn sensitivity_sweep() {
    let m = small();
    let w = weights(&m);
    let report = analyse(
        &m,
        &Request {
            profile: "balanced",
            weights: &w,
            bounds: vec![(0.0, 1.0); 4],
            method: MethodKind::Wsm,
            rebalance: Rebalance::Proportional,
            criterion: None,
            top: 3,
            all: true,
        },
    );
    let chart = charts::sweep_lines(&report, 0).expect("a sweep");
    assert!(!chart.marks.is_empty(), "swap points are marked");
    let svg = svg::line_chart(&chart);
    let text = texts(&well_formed(&svg));
    assert!(text.contains("now 0.400"), "the current weight is marked");
    assert!(text.contains("0.676"), "a swap is labelled: {text}");
    insta::assert_snapshot!(svg);
}

#[test]
fn smaa_acceptability() {
    let m = small();
    let report = smaa::run(
        &m,
        &smaa::Request {
            profile: "none".into(),
            weights: WeightInfo::Uniform { criteria: 4 },
            method: MethodKind::Wsm,
            samples: 4000,
            seed: 3,
            scores: ScoreMode::Fixed,
            threads: Some(1),
            progress: false,
            ranks: None,
            pairwise: None,
        },
    )
    .expect("runs");
    let svg = svg::stacked_bars(&charts::acceptability_bars(&report));
    let doc = well_formed(&svg);
    let text = texts(&doc);
    assert!(text.contains("first "), "{text}");
    assert!(text.contains("darkest = rank 1"), "a colour legend: {text}");
    // The legend has one cell per rank, each a different colour.
    let fills: std::collections::HashSet<&str> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "rect")
        .filter_map(|n| n.attribute("fill"))
        .collect();
    assert!(fills.len() >= m.options.len(), "{fills:?}");
    insta::assert_snapshot!(svg);
}

#[test]
fn compare_heatmap() {
    let m = small();
    let columns: Vec<Column> = m
        .profiles
        .iter()
        .map(|p| Column {
            label: p.id.to_string(),
            name: p.name.clone(),
            weights: tradeoffs::weights::of_profile(&m, p).weights,
            method: MethodKind::Wsm,
        })
        .collect();
    let report = compare(
        &m,
        ("profiles", "wsm", "additive"),
        &columns,
        0,
        &MethodSettings::default(),
    );
    let chart = charts::rank_heatmap(&report);
    assert_eq!(
        chart.rows[0].1[0], 1,
        "rows sorted by the first column's rank"
    );
    assert!(
        chart.rows.windows(2).all(|w| w[0].1[0] <= w[1].1[0]),
        "{:?}",
        chart.rows
    );
    let svg = svg::heatmap(&chart);
    let text = texts(&well_formed(&svg));
    assert!(
        text.contains("Mexican federal") && text.contains("Pill-press controls"),
        "{text}"
    );
    assert!(text.contains("darkest = rank 1"), "a colour legend");
    insta::assert_snapshot!(svg);
}

/// The x of the text element whose content starts with `prefix`.
fn text_x(doc: &roxmltree::Document<'_>, prefix: &str) -> (f64, String) {
    let node = doc
        .descendants()
        .find(|n| {
            n.tag_name().name() == "text" && n.text().is_some_and(|t| t.trim().starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no text starting {prefix}"));
    (
        node.attribute("x").and_then(|x| x.parse().ok()).expect("x"),
        node.attribute("text-anchor").unwrap_or("start").to_string(),
    )
}

#[test]
fn tornado() {
    let m = small();
    // Middle layer (index 2) has a range on fentanyl flow: 4–7 around 6.
    let s = swing::swings(&m, &weights(&m), 2);
    let t = charts::tornado(&m, &s);
    assert_eq!(t.rows.len(), 1);
    assert!((t.rows[0].at_low - (t.base - 0.4 * 0.2)).abs() < 1e-12);
    assert!((t.rows[0].at_high - (t.base + 0.4 * 0.1)).abs() < 1e-12);
    let svg = svg::tornado(&t);
    well_formed(&svg);
    insta::assert_snapshot!(svg);
}

/// Two options on a benefit and a cost criterion, both scores with ranges.
fn ranged() -> Model {
    from_texts(
        r#"
[[options]]
id = "a"
name = "Option A"
[options.scores]
gain = { value = 5, low = 3, high = 8 }
harm = { value = 5, low = 2, high = 6 }

[[options]]
id = "b"
name = "Option B"
[options.scores]
gain = { value = 4 }
harm = { value = 4 }
"#,
        r#"
[model]
title = "Ranges"

[[criteria]]
id = "gain"
name = "Gain"
direction = "benefit"
scale = { min = 0, max = 10 }

[[criteria]]
id = "harm"
name = "Harm"
direction = "cost"
scale = { min = 0, max = 10 }
"#,
    )
    .expect("valid")
}

#[test]
fn tornado_labels_sit_at_their_own_ends_for_cost_and_benefit_criteria() {
    let m = ranged();
    let s = swing::swings(&m, &[0.5, 0.5], 0);
    let t = charts::tornado(&m, &s);
    let svg = svg::tornado(&t);
    let doc = well_formed(&svg);
    let text = texts(&doc);
    assert!(text.contains("Harm (less is better)"), "{text}");
    // Benefit: the low score gives the lower value, drawn at the left end,
    // its label right-aligned to the bar's left edge; the high one at the right.
    let benefit = t
        .rows
        .iter()
        .find(|r| r.label.starts_with("Gain"))
        .expect("gain");
    assert!(benefit.at_low < benefit.at_high);
    let (low_x, low_anchor) = text_x(&doc, "low score 3");
    let (high_x, high_anchor) = text_x(&doc, "high score 8");
    assert!(low_x < high_x, "benefit: low {low_x} left of high {high_x}");
    assert_eq!(
        (low_anchor.as_str(), high_anchor.as_str()),
        ("end", "start")
    );
    // Cost: the low score gives the higher value, so its label sits at the right.
    let cost = t
        .rows
        .iter()
        .find(|r| r.label.starts_with("Harm"))
        .expect("harm");
    assert!(cost.at_low > cost.at_high);
    let (low_x, low_anchor) = text_x(&doc, "low score 2");
    let (high_x, high_anchor) = text_x(&doc, "high score 6");
    assert!(low_x > high_x, "cost: low {low_x} right of high {high_x}");
    assert_eq!(
        (low_anchor.as_str(), high_anchor.as_str()),
        ("start", "end")
    );
}

#[test]
fn frontier() {
    let m = small();
    let points = efficient::frontier(&m, &weights(&m), 3);
    let s = charts::frontier(&m, 3, &points);
    // Pill-press controls is cheapest (cost 2) and best on the rest: it alone
    // is efficient unless another option is cheaper.
    let efficient: Vec<&str> = s
        .points
        .iter()
        .filter(|p| p.efficient)
        .map(|p| p.label.as_str())
        .collect();
    assert!(efficient.contains(&"Pill-press controls"));
    assert!(
        !efficient.contains(&"Forced poppy eradication"),
        "dominated options are greyed"
    );
    let svg = svg::scatter(&s);
    let text = texts(&well_formed(&svg));
    for o in &m.options {
        assert!(text.contains(&o.name), "every point is named: {}", o.name);
    }
    insta::assert_snapshot!(svg);
}

#[test]
fn long_option_names_wrap_rather_than_clip() {
    let lines = svg::wrap(
        "Designating cartels as foreign terrorist organisations under US law",
        20,
    );
    assert!(lines.len() >= 3);
    assert!(lines.iter().all(|l| l.chars().count() <= 20));
    assert_eq!(
        lines.join(" "),
        "Designating cartels as foreign terrorist organisations under US law"
    );
}
