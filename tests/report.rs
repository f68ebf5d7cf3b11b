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
        "Ranking",
        "Stakeholder comparison",
        "Sensitivity",
        "SMAA-2",
        "Evidence",
        "Sources",
    ] {
        assert!(html.contains(section), "missing section {section}");
    }
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
    let dir = tempfile::tempdir().expect("temp dir");
    let out = report(dir.path(), &["--out", "no/such/folder/report.html"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cannot write no/such/folder/report.html")
    );
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
    assert!(md.contains("![Ranking](ranking.svg)"));
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
