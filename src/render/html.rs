//! The self-contained HTML report: inline CSS and SVG, nothing fetched.

use super::fixed;
use crate::analysis::report::ReportData;

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.45}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:2px solid #0072b2;padding-bottom:.2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin:1rem 0}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef3f8}td.n{text-align:right;font-variant-numeric:tabular-nums}figure{margin:1rem 0}svg{max-width:100%;height:auto}
.meta{color:#444}ul.findings li{margin:.3rem 0}
@media print{body{max-width:none;margin:0}h2{break-after:avoid}figure,table{break-inside:avoid}}";

fn table(headers: &[&str], numeric: &[bool], rows: &[Vec<String>]) -> String {
    let mut out = String::from("<table><thead><tr>");
    for h in headers {
        out.push_str(&format!("<th>{}</th>", escape(h)));
    }
    out.push_str("</tr></thead><tbody>");
    for row in rows {
        out.push_str("<tr>");
        for (k, cell) in row.iter().enumerate() {
            let class = if numeric.get(k).copied().unwrap_or(false) {
                " class=\"n\""
            } else {
                ""
            };
            out.push_str(&format!("<td{class}>{}</td>", escape(cell)));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>\n");
    out
}

fn figure(svg: &str, caption: &str) -> String {
    // plotters writes an XML declaration-free <svg> element, safe to inline.
    format!(
        "<figure>{svg}<figcaption>{}</figcaption></figure>\n",
        escape(caption)
    )
}

/// The report as one HTML document.
pub fn report(data: &ReportData) -> String {
    let mut body = String::new();
    body.push_str(&format!(
        "<h1>{}</h1>\n<p class=\"meta\">Report of {} · profile: {} · method: additive value model</p>\n",
        escape(&data.title),
        escape(&data.date),
        escape(&data.profile_name)
    ));
    body.push_str("<h2>Ranking</h2>\n");
    let rows: Vec<Vec<String>> = data
        .rank
        .ranking
        .iter()
        .map(|r| {
            let top: Vec<String> = r
                .top_contributors
                .iter()
                .map(|c| format!("{} {}", c.name, fixed(c.contribution, 3)))
                .collect();
            vec![
                r.rank.to_string(),
                r.name.clone(),
                fixed(r.score, 3),
                top.join("; "),
            ]
        })
        .collect();
    body.push_str(&table(
        &["Rank", "Option", "Score", "Top contributors"],
        &[true, false, true, false],
        &rows,
    ));
    body.push_str(&figure(&data.charts.rank, "Each option's overall value, stacked by criterion; one colour family per group of the value tree."));
    if let Some(p) = &data.profiles {
        body.push_str("<h2>Stakeholder comparison</h2>\n");
        let mut headers = vec!["Option"];
        headers.extend(p.columns.iter().map(String::as_str));
        let mut numeric = vec![false];
        numeric.extend(p.columns.iter().map(|_| true));
        let rows: Vec<Vec<String>> = p
            .ranks
            .iter()
            .map(|(id, ranks)| {
                let mut row = vec![p.names.get(id).cloned().unwrap_or_else(|| id.clone())];
                row.extend(ranks.values().map(|r| r.to_string()));
                row
            })
            .collect();
        body.push_str(&table(&headers, &numeric, &rows));
        body.push_str(&figure(
            &data.charts.profiles,
            "Ranks under every stakeholder profile; darker cells are better ranks.",
        ));
    }
    body.push_str("<h2>Sensitivity</h2>\n<ul class=\"findings\">\n");
    for sentence in &data.findings {
        body.push_str(&format!("<li>{}</li>\n", escape(sentence)));
    }
    body.push_str(&format!(
        "</ul>\n<p>{}</p>\n",
        escape(&format!("Rebalancing rule: {}.", data.sensitivity.rule))
    ));
    if let Some(sweep) = &data.charts.sweep {
        body.push_str(&figure(sweep, "Scores as the most critical criterion's weight moves; the dashed line is the current weight, circles are swaps among the leaders."));
    }
    body.push_str(&figure(
        &data.charts.tornado,
        "How far each score's uncertainty range moves the top option's overall value.",
    ));
    body.push_str("<h2>Acceptability across all weights (SMAA-2)</h2>\n");
    body.push_str(&format!(
        "<p>{} samples (seed {}); weights {}.</p>\n",
        data.smaa.samples,
        data.smaa.seed,
        escape(&data.smaa.weights)
    ));
    let mut acc: Vec<&crate::analysis::smaa::SmaaOption> = data.smaa.options.iter().collect();
    acc.sort_by(|a, b| b.acceptability[0].total_cmp(&a.acceptability[0]));
    let rows: Vec<Vec<String>> = acc
        .iter()
        .map(|o| {
            vec![
                o.name.clone(),
                format!("{}%", fixed(100.0 * o.acceptability[0], 1)),
                format!(
                    "{}%",
                    fixed(100.0 * o.acceptability.iter().take(3).sum::<f64>(), 1)
                ),
                o.confidence
                    .map_or("–".into(), |c| format!("{}%", fixed(100.0 * c, 1))),
            ]
        })
        .collect();
    body.push_str(&table(
        &["Option", "Ranked first", "In the top three", "Confidence"],
        &[false, true, true, true],
        &rows,
    ));
    body.push_str(&figure(
        &data.charts.acceptability,
        "Share of samples in which each option takes each rank.",
    ));
    body.push_str("<h2>Evidence</h2>\n<p>Every score is an analyst's judgment drawn from the cited source.</p>\n");
    let rows: Vec<Vec<String>> = data
        .evidence
        .iter()
        .map(|e| {
            vec![
                e.option.clone(),
                e.criterion.clone(),
                e.score.clone(),
                e.why.clone(),
                e.source.clone(),
            ]
        })
        .collect();
    body.push_str(&table(
        &["Option", "Criterion", "Score", "Why", "Source"],
        &[false, false, true, false, false],
        &rows,
    ));
    body.push_str("<h2>Sources</h2>\n<ul>\n");
    for s in &data.sources {
        body.push_str(&format!("<li>{}</li>\n", escape(&s.replace('*', ""))));
    }
    body.push_str("</ul>\n");
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape(&data.title)
    )
}

/// The report as Markdown, with the charts as files named `<name>.svg` beside it.
pub fn markdown(data: &ReportData, charts: &[(&str, &str)]) -> String {
    let mut out = format!(
        "# {}\n\nReport of {} · profile: {}\n\n## Ranking\n\n| Rank | Option | Score |\n|---:|---|---:|\n",
        data.title, data.date, data.profile_name
    );
    for r in &data.rank.ranking {
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            r.rank,
            r.name.replace('|', "\\|"),
            fixed(r.score, 3)
        ));
    }
    for (file, caption) in charts {
        out.push_str(&format!("\n![{caption}]({file})\n"));
    }
    out.push_str("\n## Sensitivity\n\n");
    for s in &data.findings {
        out.push_str(&format!("- {s}\n"));
    }
    out.push_str(
        "\n## Evidence\n\n| Option | Criterion | Score | Why | Source |\n|---|---|---:|---|---|\n",
    );
    for e in &data.evidence {
        let cell = |s: &str| s.replace('|', "\\|");
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            cell(&e.option),
            cell(&e.criterion),
            e.score,
            cell(&e.why),
            cell(&e.source)
        ));
    }
    out.push_str("\n## Sources\n\n");
    for s in &data.sources {
        out.push_str(&format!("- {s}\n"));
    }
    out
}
