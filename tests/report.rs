//! `tradeoffs report`: one self-contained HTML file, well-formed, fetching
//! nothing, never overwriting without --force.

use assert_cmd::Command;

fn report(dir: &std::path::Path, extra: &[&str]) -> std::process::Output {
    Command::cargo_bin("tradeoffs")
        .expect("binary")
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", "1795000000")
        .args(["report", "--samples", "2000"])
        .args(extra)
        .output()
        .expect("runs")
}

#[test]
fn the_report_is_well_formed_self_contained_and_complete() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = report(dir.path(), &["--out", "report.html"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(dir.path().join("report.html")).expect("written");
    // Well-formed as XML, so every inline chart is well-formed SVG too.
    let doc = roxmltree::Document::parse_with_options(
        &html,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .expect("the report parses");
    let svgs = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "svg")
        .count();
    assert!(svgs >= 5, "{svgs} charts");
    // Nothing is fetched: no URL but the SVG namespace, no script, no external reference.
    let without_namespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    for forbidden in ["http://", "https://", "<script", " src=", "<link", "url("] {
        assert!(!without_namespace.contains(forbidden), "found {forbidden}");
    }
    for section in [
        "summary",
        "criteria",
        "ranking",
        "comparison",
        "sensitivity",
        "smaa",
        "evidence",
        "sources",
    ] {
        assert!(
            html.contains(&format!("<section id=\"{section}\">")),
            "missing section {section}"
        );
        assert!(
            html.contains(&format!("<a href=\"#{section}\">")),
            "the contents link to {section}"
        );
    }
    // The summary comes first, then the contents.
    assert!(html.find("id=\"summary\"") < html.find("<nav>"));
    // The evidence is folded per option on screen.
    let details = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "details")
        .count();
    assert!(details >= 2, "{details} folded options");
    assert!(html.contains("Report of 2026-11-18"), "the date");
    assert!(html.contains("overtakes") || html.contains("No change of a single weight"));
    assert!(html.contains("brookings-2020"), "sources listed");
}

#[test]
fn an_existing_file_is_kept_unless_forced() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("report.html"), "mine").expect("write");
    let out = report(dir.path(), &["--out", "report.html"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists; pass --force"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("report.html")).expect("read"),
        "mine"
    );
    let out = report(dir.path(), &["--out", "report.html", "--force"]);
    assert_eq!(out.status.code(), Some(0));
    assert_ne!(
        std::fs::read_to_string(dir.path().join("report.html")).expect("read"),
        "mine"
    );
}

#[test]
fn an_unwritable_path_is_a_clear_error() {
    // A missing folder is created; a folder that is a file cannot be.
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("blocker"), "a file").expect("write");
    let out = report(dir.path(), &["--out", "blocker/report.html"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot write blocker/report.html"), "{err}");
}

#[test]
fn markdown_goes_to_a_folder_with_the_charts_beside_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = report(dir.path(), &["--format", "md", "--out", "out"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = std::fs::read_to_string(dir.path().join("out/report.md")).expect("report.md");
    assert!(md.contains("(ranking.svg)"), "the ranking chart is linked");
    for heading in [
        "## Summary",
        "## Contents",
        "## Weights and criteria",
        "## Ranking",
        "## Stakeholder and method comparison",
        "## Sensitivity",
        "## How robust: SMAA-2",
        "## Evidence",
        "## Sources",
    ] {
        assert!(md.contains(heading), "missing {heading}");
    }
    assert!(md.contains("| Ranked first |"), "the SMAA table");
    for file in [
        "ranking.svg",
        "acceptability.svg",
        "tornado.svg",
        "profiles.svg",
    ] {
        let svg = std::fs::read_to_string(dir.path().join("out").join(file)).expect(file);
        roxmltree::Document::parse(&svg).expect("well-formed SVG");
    }
}

#[test]
fn every_chart_is_available_alone_from_its_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    for args in [
        &["rank", "--svg", "rank.svg"][..],
        &["sensitivity", "--svg", "sweep.svg"][..],
        &["smaa", "-n", "2000", "--svg", "smaa.svg"][..],
        &["compare", "--profiles", "all", "--svg", "compare.svg"][..],
        &["chart", "tornado", "--svg", "tornado.svg"][..],
        &[
            "chart",
            "frontier",
            "--cost",
            "cost_us",
            "--svg",
            "frontier.svg",
        ][..],
    ] {
        let out = Command::cargo_bin("tradeoffs")
            .expect("binary")
            .current_dir(dir.path())
            .args(args)
            .output()
            .expect("runs");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let file = args[args.len() - 1];
        let svg = std::fs::read_to_string(dir.path().join(file)).expect(file);
        roxmltree::Document::parse(&svg).expect("well-formed SVG");
    }
    let out = Command::cargo_bin("tradeoffs")
        .expect("binary")
        .current_dir(dir.path())
        .args(["chart", "frontier", "--svg", "f.svg"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "the frontier needs --cost");
}

/// The text of the HTML element with this id, whitespace collapsed.
fn section_text(html: &str, id: &str) -> String {
    let doc = roxmltree::Document::parse_with_options(
        html,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .expect("the report parses");
    let node = doc
        .descendants()
        .find(|n| n.attribute("id") == Some(id))
        .expect("the section");
    node.descendants()
        .filter(|n| n.is_text())
        .flat_map(|n| n.text().unwrap_or("").split_whitespace())
        .collect::<Vec<_>>()
        .join(" ")
}

fn small(args: &[&str]) -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::cargo_bin("tradeoffs")
        .expect("binary")
        .args([
            "--options",
            &format!("{root}/tests/fixtures/small/options.toml"),
            "--criteria",
            &format!("{root}/tests/fixtures/small/criteria.toml"),
        ])
        .args(args)
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_summary_names_the_rank_leader_and_its_smaa_acceptability() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("r.html");
    let path = path.to_str().expect("utf-8 path");
    let (samples, seed) = ("3000", "11");
    small(&[
        "report",
        "--samples",
        samples,
        "--seed",
        seed,
        "--out",
        path,
    ]);
    let summary = section_text(&std::fs::read_to_string(path).expect("written"), "summary");

    let rank: serde_json::Value =
        serde_json::from_str(&small(&["rank", "--format", "json"])).expect("rank JSON");
    let leader = &rank["ranking"][0];
    let (id, name) = (
        leader["id"].as_str().expect("id"),
        leader["name"].as_str().expect("name"),
    );
    assert!(
        summary.contains("Recommended under the") && summary.contains(name),
        "{summary}"
    );
    // The same SMAA as the report's: `smaa` with no flags varies the default
    // profile as the report does.
    let smaa: serde_json::Value = serde_json::from_str(&small(&[
        "smaa", "-n", samples, "--seed", seed, "--format", "json",
    ]))
    .expect("smaa JSON");
    let first = smaa["options"]
        .as_array()
        .expect("options")
        .iter()
        .find(|o| o["id"] == id)
        .expect("the leader")["acceptability"][0]
        .as_f64()
        .expect("a share");
    let stated = format!("{name} ranks first in {:.1}% of the samples", 100.0 * first);
    assert!(
        summary.contains(&stated),
        "expected “{stated}” in: {summary}"
    );
}
