//! CSV for spreadsheets: every `--format csv` output is one rectangular
//! table, with ids beside names and numbers equal to the JSON's to the last
//! digit.

mod common;
use common::run_in as run;

use std::path::Path;

/// Parses CSV as one table: a header and rows of its length.
fn one_table(text: &str) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = reader.headers().expect("a header").clone();
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .map(|r| r.expect("every row as long as the header"))
        .collect();
    (headers, rows)
}

fn column(headers: &csv::StringRecord, name: &str) -> usize {
    headers
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {headers:?}"))
}

fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["-q"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let (code, out, err) = run(dir, &all);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).expect("json")
}

fn csv_of(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["-q"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "csv"]);
    let (code, out, err) = run(dir, &all);
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}

#[test]
fn every_results_csv_is_one_rectangular_table() {
    let dir = tempfile::tempdir().expect("temp dir");
    for args in [
        &["rank"][..],
        &["rank", "--method", "topsis"],
        &["weights"],
        &["compare", "--profiles", "all"],
        &["compare", "--methods", "all"],
        &["list", "options"],
        &["check"],
        &["sensitivity"],
        &["smaa", "--samples", "2000"],
    ] {
        one_table(&csv_of(dir.path(), args));
    }
}

#[test]
fn rank_csv_carries_ids_and_the_jsons_numbers_exactly() {
    let dir = tempfile::tempdir().expect("temp dir");
    for method in ["wsm", "topsis", "vikor", "promethee", "wpm"] {
        let text = csv_of(dir.path(), &["rank", "--method", method]);
        let (headers, rows) = one_table(&text);
        let (id, score) = (column(&headers, "id"), column(&headers, "score"));
        let json = json(dir.path(), &["rank", "--method", method]);
        let ranking = json["ranking"].as_array().expect("ranking");
        assert!(rows.len() > 2);
        assert_eq!(rows.len(), ranking.len());
        for (row, entry) in rows.iter().zip(ranking) {
            assert_eq!(&row[id], entry["id"].as_str().expect("id"));
            let from_csv: f64 = row[score].parse().expect("a number");
            assert_eq!(
                from_csv,
                entry["score"].as_f64().expect("score"),
                "{method}"
            );
        }
    }
}

#[test]
fn weights_csv_equals_the_json_weights() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (headers, rows) = one_table(&csv_of(dir.path(), &["weights"]));
    let (id, weight) = (column(&headers, "criterion_id"), column(&headers, "weight"));
    let json = json(dir.path(), &["weights"]);
    let weights = json["weights"].as_object().expect("weights");
    assert_eq!(rows.len(), weights.len());
    for row in &rows {
        let from_csv: f64 = row[weight].parse().expect("a number");
        assert_eq!(Some(from_csv), weights[&row[id]].as_f64());
    }
}

#[test]
fn another_table_by_name_or_all_of_them_into_a_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = csv_of(
        dir.path(),
        &["compare", "--profiles", "all", "--table", "correlations"],
    );
    let (headers, _) = one_table(&text);
    assert_eq!(&headers[0], "column_a");

    let (code, _, err) = run(
        dir.path(),
        &["-q", "compare", "--format", "csv", "--table", "nope"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("--table takes ranks, correlations"), "{err}");

    let (code, _, err) = run(dir.path(), &["-q", "rank", "--table", "ranking"]);
    assert_eq!(code, 2, "--table needs CSV: {err}");

    let (code, _, err) = run(
        dir.path(),
        &["-q", "rank", "--format", "csv", "--csv-dir", "tables"],
    );
    assert_eq!(code, 0, "{err}");
    for name in ["ranking", "contributions"] {
        let text = std::fs::read_to_string(dir.path().join(format!("tables/{name}.csv")))
            .expect("written");
        one_table(&text);
    }
}

#[test]
fn smaa_csv_gives_acceptabilities_as_fractions_equal_to_the_json() {
    let dir = tempfile::tempdir().expect("temp dir");
    let args = ["smaa", "--samples", "3000", "--seed", "5"];
    let (headers, rows) = one_table(&csv_of(dir.path(), &args));
    let (id, first) = (column(&headers, "id"), column(&headers, "rank_1"));
    let json = json(dir.path(), &args);
    let options = json["options"].as_array().expect("options");
    assert_eq!(rows.len(), options.len());
    for (row, option) in rows.iter().zip(options) {
        assert_eq!(&row[id], option["id"].as_str().expect("id"));
        let from_csv: f64 = row[first].parse().expect("a fraction, not a percentage");
        assert_eq!(Some(from_csv), option["acceptability"][0].as_f64());
    }
}

#[test]
fn sensitivity_csv_leads_with_the_stability_intervals() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (headers, rows) = one_table(&csv_of(dir.path(), &["sensitivity"]));
    let (from, to, weight) = (
        column(&headers, "from"),
        column(&headers, "to"),
        column(&headers, "weight"),
    );
    assert!(!rows.is_empty());
    for row in &rows {
        let (a, b, w): (f64, f64, f64) = (
            row[from].parse().expect("number"),
            row[to].parse().expect("number"),
            row[weight].parse().expect("number"),
        );
        assert!(a <= w + 1e-9 && w <= b + 1e-9, "{row:?}");
    }
}

/// The pairwise table is built only for CSV; it must still be there, with
/// a row per ordered pair and the JSON's shares to the last digit.
#[test]
fn smaa_pairwise_csv_equals_the_json() {
    let dir = tempfile::tempdir().expect("temp dir");
    let args = ["smaa", "--samples", "2000", "--seed", "3"];
    let mut with_table = args.to_vec();
    with_table.extend_from_slice(&["--table", "pairwise"]);
    let (headers, rows) = one_table(&csv_of(dir.path(), &with_table));
    let (a, b, share) = (
        column(&headers, "option_id"),
        column(&headers, "versus_id"),
        column(&headers, "share_ahead"),
    );
    let json = json(dir.path(), &args);
    let pairs = json["pairwise_winning"].as_object().expect("pairwise");
    let n = pairs.len();
    assert!(n > 1);
    assert_eq!(rows.len(), n * (n - 1));
    for row in &rows {
        let want = pairs[&row[a]][&row[b]].as_f64().expect("a share");
        assert_eq!(row[share].parse::<f64>().expect("a number"), want);
    }
}
