//! Every chart, as SVG, on the small test model: snapshots of the exact
//! output, and checks that each is well-formed XML carrying its labels.

use tradeoffs::analysis::charts;
use tradeoffs::analysis::compare::{Column, compare};
use tradeoffs::analysis::sensitivity::{Rebalance, Request, analyse};
use tradeoffs::analysis::smaa::{self, ScoreMode, WeightInfo};
use tradeoffs::methods::MethodSettings;
use tradeoffs::render::svg;
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
        .map(|n| n.text().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("|")
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
    assert!(
        text.contains("Increase in violence in Mexico"),
        "criteria are in the legend"
    );
    insta::assert_snapshot!(svg);
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
    let text = texts(&well_formed(&svg));
    assert!(text.contains("first "), "{text}");
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
            weights: tradeoffs::weights::of_profile(&m, p).weights,
            method: MethodKind::Wsm,
        })
        .collect();
    let report = compare(&m, "profiles", "wsm", &columns, &MethodSettings::default());
    let svg = svg::heatmap(&charts::rank_heatmap(&report));
    let text = texts(&well_formed(&svg));
    assert!(text.contains("mexico_gov") && text.contains("Pill-press controls"));
    insta::assert_snapshot!(svg);
}

#[test]
fn tornado() {
    let m = small();
    // Middle layer (index 2) has a range on fentanyl flow: 4–7 around 6.
    let t = charts::tornado_rows(&m, &weights(&m), 2);
    assert_eq!(t.rows.len(), 1);
    assert!((t.rows[0].at_low - (t.base - 0.4 * 0.2)).abs() < 1e-12);
    assert!((t.rows[0].at_high - (t.base + 0.4 * 0.1)).abs() < 1e-12);
    let svg = svg::tornado(&t);
    well_formed(&svg);
    insta::assert_snapshot!(svg);
}

#[test]
fn frontier() {
    let m = small();
    let s = charts::frontier(&m, &weights(&m), 3);
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
    well_formed(&svg);
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
