//! The self-contained HTML report: inline CSS and SVG, nothing fetched.

use super::{Layout, Part};
use crate::render::document::Table;

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

/// On screen the evidence is folded; in print every `<details>` shows its
/// content (`::details-content`), and tables, figures and rows stay whole.
const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.45}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:2px solid #0072b2;padding-bottom:.2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin:1rem 0}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef3f8}td.n{text-align:right;font-variant-numeric:tabular-nums}figure{margin:1rem 0}svg{max-width:100%;height:auto}
.meta{color:#444}#summary{background:#f4f8fb;border-left:4px solid #0072b2;padding:.4rem 1rem;margin:1rem 0}#summary h2{margin-top:.6rem;border:0}
#summary p{font-size:1.05rem}nav ol{columns:2;margin:.5rem 0}details{margin:.4rem 0}summary{cursor:pointer;font-weight:600}
@media print{body{max-width:none;margin:0;font-size:10pt}h2{break-after:avoid}figure,tr,thead{break-inside:avoid}
table{break-inside:avoid}figure svg{max-height:24cm}nav{display:none}
details::details-content{content-visibility:visible;display:block}details>summary{list-style:none}}";

fn table(t: &Table) -> String {
    let mut out = String::from("<table><thead><tr>");
    for h in &t.headers {
        out.push_str(&format!("<th>{}</th>", escape(h)));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &t.rows {
        out.push_str("<tr>");
        for (k, cell) in row.iter().enumerate() {
            let class = if t.numeric.get(k).copied().unwrap_or(false) {
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

fn part(layout: &Layout, p: &Part, out: &mut String) {
    match p {
        Part::Paragraph(text) => out.push_str(&format!("<p>{}</p>\n", escape(text))),
        Part::List(items) => {
            out.push_str("<ul>\n");
            for item in items {
                out.push_str(&format!("<li>{}</li>\n", escape(item)));
            }
            out.push_str("</ul>\n");
        }
        Part::Table(t) => out.push_str(&table(t)),
        Part::Figure(k) => {
            if let Some(c) = layout.charts.get(*k) {
                // plotters writes an <svg> element with no XML declaration, safe to inline.
                out.push_str(&format!(
                    "<figure>{}<figcaption>{}</figcaption></figure>\n",
                    c.svg,
                    escape(&c.caption)
                ));
            }
        }
        Part::Details(title, parts) => {
            out.push_str(&format!("<details><summary>{}</summary>\n", escape(title)));
            for p in parts {
                part(layout, p, out);
            }
            out.push_str("</details>\n");
        }
    }
}

/// Renders the laid-out report.
pub fn render(layout: &Layout) -> String {
    let mut body = format!(
        "<h1>{}</h1>\n<p class=\"meta\">{}</p>\n",
        escape(&layout.title),
        escape(&layout.meta)
    );
    let mut sections = layout.sections.iter();
    if let Some(first) = sections.next() {
        body.push_str(&format!(
            "<section id=\"{}\">\n<h2>{}</h2>\n",
            first.id,
            escape(&first.title)
        ));
        for p in &first.parts {
            part(layout, p, &mut body);
        }
        body.push_str("</section>\n<nav><h2>Contents</h2><ol>\n");
        for s in &layout.sections {
            body.push_str(&format!(
                "<li><a href=\"#{}\">{}</a></li>\n",
                s.id,
                escape(&s.title)
            ));
        }
        body.push_str("</ol></nav>\n");
    }
    for s in sections {
        body.push_str(&format!(
            "<section id=\"{}\">\n<h2>{}</h2>\n",
            s.id,
            escape(&s.title)
        ));
        for p in &s.parts {
            part(layout, p, &mut body);
        }
        body.push_str("</section>\n");
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape(&layout.title)
    )
}
