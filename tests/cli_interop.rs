//! Models in and out: score tables from spreadsheets, the score matrix as
//! CSV, and XMCDA 4.0.0 validated against the Decision Deck schema.

mod common;
use common::run_in as run;

use std::path::Path;
use std::process::Command as StdCommand;

/// `(id, score)` of each ranked option, best first.
fn ranking(dir: &Path, extra: &[&str]) -> Vec<(String, f64)> {
    let mut args = vec!["-q", "rank", "--format", "json"];
    args.extend_from_slice(extra);
    let (code, out, err) = run(dir, &args);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("json");
    json["ranking"]
        .as_array()
        .expect("ranking")
        .iter()
        .map(|r| {
            (
                r["id"].as_str().expect("id").to_string(),
                r["score"].as_f64().expect("score"),
            )
        })
        .collect()
}

/// The three-option table of the hand computation below.
///
/// Scales come from the data: cost [10, 18] (a cost: less is better),
/// benefit [2, 8], reach [1, 9]; equal weights of 1/3.
///   Alpha: cost (18−10)/8 = 1,     benefit 0,            reach 1   → 2/3
///   Gamma: cost (18−15)/8 = 0.375, benefit (6−2)/6 = 2/3, reach 0.5 → 0.513888…
///   Beta:  cost 0,                 benefit 1,            reach 0   → 1/3
fn expect_hand_ranking(ranked: &[(String, f64)]) {
    let ids: Vec<&str> = ranked.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["alpha_the_first", "gamma", "beta"]);
    let expected = [2.0 / 3.0, (0.375 + 2.0 / 3.0 + 0.5) / 3.0, 1.0 / 3.0];
    for ((_, got), want) in ranked.iter().zip(expected) {
        assert!((got - want).abs() < 1e-12, "{got} vs {want}");
    }
}

#[test]
fn a_csv_written_by_a_spreadsheet_imports_and_ranks_as_computed_by_hand() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A byte-order mark, CRLF line ends, quoted fields and a comma in a name,
    // as spreadsheet programs write them.
    let csv = "\u{feff}\"Option\",\"Cost, m$\",\"Benefit\",\"Reach\"\r\n\
               \"Alpha, the first\",10,2,9\r\n\
               \"Beta\",18,8,1\r\n\
               \"Gamma\",15,6,5\r\n";
    std::fs::write(dir.path().join("scores.csv"), csv).expect("write");
    let (code, _, err) = run(dir.path(), &["import", "scores.csv", "--cost", "cost_m"]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = run(dir.path(), &["check"]);
    assert_eq!(code, 0, "{out}{err}");
    expect_hand_ranking(&ranking(dir.path(), &[]));

    let (code, _, err) = run(dir.path(), &["import", "scores.csv"]);
    assert_eq!(code, 1, "refuses to overwrite: {err}");
    assert!(err.contains("already exists"), "{err}");
}

#[test]
fn a_workbook_imports_like_its_csv() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Scores").expect("name");
    for (c, head) in ["Option", "Cost, m$", "Benefit", "Reach"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *head).expect("cell");
    }
    let rows = [
        ("Alpha, the first", [10.0, 2.0, 9.0]),
        ("Beta", [18.0, 8.0, 1.0]),
        ("Gamma", [15.0, 6.0, 5.0]),
    ];
    for (r, (name, scores)) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, *name).expect("cell");
        for (c, x) in scores.iter().enumerate() {
            sheet.write_number(r, c as u16 + 1, *x).expect("cell");
        }
    }
    book.save(dir.path().join("scores.xlsx")).expect("save");
    let (code, _, err) = run(
        dir.path(),
        &[
            "import",
            "scores.xlsx",
            "--sheet",
            "Scores",
            "--cost",
            "cost_m",
        ],
    );
    assert_eq!(code, 0, "{err}");
    expect_hand_ranking(&ranking(dir.path(), &[]));
}

#[test]
fn a_bad_table_reports_every_cell_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("s.csv"), "name,a,b\nx,1,n/a\ny,,2\n").expect("write");
    let (code, _, err) = run(dir.path(), &["import", "s.csv"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("s.csv:2:3: expected a number for `b`, found `n/a`"),
        "{err}"
    );
    assert!(
        err.contains("s.csv:3:2: expected a number for `a`, found an empty cell"),
        "{err}"
    );
    assert!(!dir.path().join("options.toml").exists());
}

#[test]
fn the_score_matrix_exports_with_full_precision_and_imports_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (code, csv, err) = run(dir.path(), &["-q", "export"]);
    assert_eq!(code, 0, "{err}");
    std::fs::write(dir.path().join("scores.csv"), &csv).expect("write");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().expect("header").clone();
    assert_eq!(&headers[0], "id");
    assert_eq!(&headers[1], "name");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert!(rows.iter().all(|r| r.len() == headers.len()), "rectangular");

    let (code, _, err) = run(dir.path(), &["import", "scores.csv", "--out", "again"]);
    assert_eq!(code, 0, "{err}");
    let (code, again, _) = run(dir.path(), &["-q", "-C", "again", "export"]);
    assert_eq!(code, 0);
    assert_eq!(again, csv, "scores and ranges survive the round trip");
}

fn xmllint() -> bool {
    StdCommand::new("xmllint").arg("--version").output().is_ok()
}

#[test]
fn xmcda_export_is_valid_against_the_schema_and_round_trips_every_profile() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (code, _, err) = run(
        dir.path(),
        &["-q", "export", "--format", "xmcda", "--out", "model.xml"],
    );
    assert_eq!(code, 0, "{err}");
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/xmcda/XMCDA-4.0.0.xsd");
    if !xmllint() {
        // CI installs it (.ci/run); elsewhere say loudly that this part did not run.
        assert!(
            std::env::var_os("CI").is_none(),
            "xmllint is missing: install libxml2-utils"
        );
        eprintln!(
            "SKIPPED the XMCDA schema check: xmllint is missing (apt-get install libxml2-utils)"
        );
    } else {
        let lint = StdCommand::new("xmllint")
            .arg("--noout")
            .arg("--schema")
            .arg(&schema)
            .arg(dir.path().join("model.xml"))
            .output()
            .expect("xmllint runs");
        assert!(
            lint.status.success(),
            "{}",
            String::from_utf8_lossy(&lint.stderr)
        );
    }

    let (code, _, err) = run(dir.path(), &["import", "model.xml", "--out", "back"]);
    assert_eq!(code, 0, "{err}");
    let (_, profiles, _) = run(dir.path(), &["-q", "list", "profiles", "--format", "json"]);
    let profiles: serde_json::Value = serde_json::from_str(&profiles).expect("json");
    let ids: Vec<&str> = profiles["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|p| p["id"].as_str().expect("id"))
        .collect();
    assert!(ids.len() >= 2);
    for id in ids {
        let original = ranking(dir.path(), &["--profile", id]);
        let back = ranking(dir.path(), &["-C", "back", "--profile", id]);
        let names = |r: &[(String, f64)]| r.iter().map(|(i, _)| i.clone()).collect::<Vec<_>>();
        assert_eq!(names(&original), names(&back), "profile {id}");
        for ((_, a), (_, b)) in original.iter().zip(&back) {
            assert!((a - b).abs() < 1e-12, "profile {id}: {a} vs {b}");
        }
    }
}
