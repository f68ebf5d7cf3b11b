use serde::Serialize;

use crate::analysis::smaa::{ScoreMode, SmaaReport};
use crate::render::{Document, Table, View, fixed, full};

/// Leaders shown in the central-weight and pairwise tables without `--detail`.
const LEADERS: usize = 5;

/// Rows of the summary and rank tables without `--detail`.
const ROWS: usize = 30;

/// An SMAA result as `smaa` prints it; `detail` adds every central weight
/// vector and every pairwise winning index.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct SmaaTable<'a> {
    /// The result.
    pub report: &'a SmaaReport,
    /// Show everything, not only the leaders.
    #[serde(skip)]
    pub detail: bool,
}

impl View for SmaaReport {
    fn document(&self) -> Document {
        SmaaTable {
            report: self,
            detail: false,
        }
        .document()
    }
}

fn pct(x: f64) -> String {
    format!("{}%", fixed(100.0 * x, 1))
}

impl View for SmaaTable<'_> {
    fn document(&self) -> Document {
        self.build(true)
    }

    fn document_for(&self, format: crate::render::Format) -> Document {
        self.build(format == crate::render::Format::Csv)
    }
}

impl SmaaTable<'_> {
    /// The document; `data`: with the CSV data tables, whose pairwise table
    /// has a row for every ordered pair of options.
    fn build(&self, data: bool) -> Document {
        let r = self.report;
        let mut doc = Document::new();
        doc.heading(format!(
            "{} — SMAA-2, method {}, {} samples, seed {}",
            r.model, r.method, r.samples, r.seed
        ));
        doc.paragraph(format!(
            "Weights: {}. Scores: {}.",
            r.weights,
            match r.scores {
                ScoreMode::Fixed => "fixed at their values",
                ScoreMode::Uncertain =>
                    "drawn from their distributions (triangular on low, value, high unless a score states another), clamped to the scale",
            }
        ));
        doc.data(acceptability_data(r));
        doc.data(central_weights_data(r));
        if r.pairwise && data {
            let mut pairs = Table::data("pairwise", &["option_id", "versus_id", "share_ahead"]);
            for (a, b, share) in r.pairwise_winning.iter() {
                pairs.row(vec![a.to_string(), b.to_string(), full(share)]);
            }
            doc.data(pairs);
        }
        let order = r.leaders();
        let leaders: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&i| r.options[i].acceptability[0] >= r.confidence_threshold)
            .collect();
        if let Some(&top) = order.first() {
            let o = &r.options[top];
            let others: Vec<String> = leaders
                .iter()
                .skip(1)
                .take(3)
                .map(|&i| {
                    format!(
                        "{} {}",
                        r.options[i].name,
                        pct(r.options[i].acceptability[0])
                    )
                })
                .collect();
            doc.paragraph(format!(
                "{} ranks first in {} of the draws{}.",
                o.name,
                pct(o.acceptability[0]),
                if others.is_empty() {
                    String::new()
                } else {
                    format!("; next: {}", others.join(", "))
                }
            ));
        }

        let mut summary = Table::new(&[
            ("Option", false),
            ("Ranked first", true),
            ("Most likely rank", true),
            ("Confidence factor", true),
        ]);
        // Every option that ever ranked first (up to ROWS without --detail), and at least three.
        let ever_first = order
            .iter()
            .take_while(|&&i| r.options[i].acceptability[0] > 0.0)
            .count();
        let listed = if self.detail {
            ever_first
        } else {
            ever_first.min(ROWS)
        }
        .max(3)
        .min(order.len());
        for &i in &order[..listed] {
            let o = &r.options[i];
            let likely = o.most_likely_rank;
            summary.row(vec![
                o.name.clone(),
                pct(o.acceptability[0]),
                format!("{likely} ({})", pct(o.acceptability[likely - 1])),
                o.confidence.map_or("–".into(), pct),
            ]);
        }
        doc.table(summary);
        if listed < ever_first {
            doc.paragraph(format!(
                "{} more options ranked first in some draws (--detail lists them); the other {} never did.",
                ever_first - listed,
                order.len() - ever_first
            ));
        } else if listed < order.len() {
            doc.paragraph(format!(
                "The other {} options never ranked first; the rank acceptability table below shows where they land.",
                order.len() - listed
            ));
        }
        doc.paragraph(format!(
            "Ranked first: the share of draws in which the option ranks first (its first-rank acceptability). Most likely rank: the rank it takes most often, with that share. Confidence factor: shown only for options first in at least {} of the draws — the share of {} in which the option would still rank first if the weights were fixed at its own central weights (below); it measures whether the scores' uncertainty alone can unseat it there, not how likely the option is to be best.",
            pct(r.confidence_threshold),
            if r.confidence_samples == 1 {
                "the (fixed) scores".to_string()
            } else {
                format!("{} score draws", r.confidence_samples)
            }
        ));

        let shown: Vec<usize> = if self.detail {
            order
                .iter()
                .copied()
                .filter(|&i| !r.options[i].central_weights.is_empty())
                .collect()
        } else {
            leaders.iter().copied().take(LEADERS).collect()
        };
        if !shown.is_empty() {
            doc.heading(if self.detail {
                "Central weights: the average weights under which each option ranks first"
            } else {
                "Central weights of the leaders: the average weights under which each ranks first"
            });
            let mut headers: Vec<(String, bool)> = vec![("Criterion".into(), false)];
            headers.extend(shown.iter().map(|&i| (r.options[i].name.clone(), true)));
            let refs: Vec<(&str, bool)> = headers.iter().map(|(h, b)| (h.as_str(), *b)).collect();
            let mut table = Table::new(&refs);
            for (id, name) in &r.criteria {
                let mut row = vec![name.clone()];
                row.extend(shown.iter().map(|&i| {
                    r.options[i]
                        .central_weights
                        .get(id)
                        .map_or("–".into(), |w| fixed(*w, 3))
                }));
                table.row(row);
            }
            doc.table(table);
        }

        let n = r.options.len();
        let k = r.ranks;
        let cols = k.min(6);
        doc.heading(if k < n {
            format!("Rank acceptability: the share of draws at each rank (top {k} ranks tallied; --ranks to change)")
        } else {
            "Rank acceptability: the share of draws at each rank".to_string()
        });
        let mut headers: Vec<(String, bool)> = vec![("Option".into(), false)];
        headers.extend((1..=cols).map(|rank| (format!("Rank {rank}"), true)));
        if k > cols {
            headers.push((format!("Ranks {}–{k}", cols + 1), true));
        }
        let refs: Vec<(&str, bool)> = headers.iter().map(|(h, b)| (h.as_str(), *b)).collect();
        let mut table = Table::new(&refs);
        let rows = if self.detail { n } else { n.min(ROWS) };
        for &i in &order[..rows] {
            let o = &r.options[i];
            let mut row = vec![o.name.clone()];
            row.extend(o.acceptability.iter().take(cols).map(|&b| pct(b)));
            if k > cols {
                row.push(pct(o.acceptability[cols..].iter().sum()));
            }
            table.row(row);
        }
        doc.table(table);
        if rows < n {
            doc.paragraph(format!(
                "The {rows} options most often first are shown; --detail (or --format json) gives all {n}."
            ));
        }
        let max_se = r
            .options
            .iter()
            .flat_map(|o| o.standard_error.iter())
            .fold(0.0f64, |a, &b| a.max(b));
        let mut notes = format!(
            "Largest Monte Carlo standard error {}, for independent draws.",
            pct(max_se)
        );
        if let Some(h) = r.hit_and_run {
            notes.push_str(&format!(
                " Weights were drawn by hit-and-run in a {}-dimensional region: each chunk of 4,096 draws starts at the region's centre, discards {} steps, then keeps one point every {} steps; successive points are correlated, so the true error is somewhat larger.",
                h.dimension, h.burn_in, h.thinning
            ));
        }
        doc.paragraph(notes);

        if !r.pairwise {
            doc.paragraph(format!(
                "Pairwise winning indices were not computed: the model has more than {} options (add --pairwise).",
                crate::analysis::smaa::PAIRWISE_LIMIT
            ));
        } else {
            let among: Vec<usize> = if self.detail {
                order.clone()
            } else {
                order.iter().copied().take(LEADERS).collect()
            };
            if among.len() > 1 {
                doc.heading(if self.detail {
                    "Pairwise winning indices: the share of draws in which the row option ranks above the column option"
                } else {
                    "Pairwise winning indices among the leaders: the share of draws in which the row option ranks above the column option (--detail for all)"
                });
                let mut table =
                    Table::new(&[("Option", false), ("Versus", false), ("Ranks above", true)]);
                for &a in &among {
                    for &b in &among {
                        if a != b {
                            table.row(vec![
                                r.options[a].name.clone(),
                                r.options[b].name.clone(),
                                pct(r.pairwise_winning.at(a, b)),
                            ]);
                        }
                    }
                }
                doc.table(table);
            }
        }
        doc
    }
}

/// CSV `acceptability`: per option the share of samples at each tallied
/// rank (fractions, not percentages), the most likely rank and the
/// confidence factor where there is one.
fn acceptability_data(r: &SmaaReport) -> Table {
    let ranks: Vec<String> = (1..=r.ranks).map(|k| format!("rank_{k}")).collect();
    let mut headers = vec!["id", "name", "most_likely_rank"];
    headers.extend(ranks.iter().map(String::as_str));
    headers.push("confidence");
    let mut table = Table::data("acceptability", &headers);
    for o in &r.options {
        let mut row = vec![o.id.clone(), o.name.clone(), o.most_likely_rank.to_string()];
        row.extend(
            (0..r.ranks).map(|k| o.acceptability.get(k).map_or(String::new(), |x| full(*x))),
        );
        row.push(o.confidence.map_or(String::new(), full));
        table.row(row);
    }
    table
}

/// CSV `central_weights`: the mean weights of the samples that put each
/// option first, one row per option and criterion.
fn central_weights_data(r: &SmaaReport) -> Table {
    let mut table = Table::data("central_weights", &["option_id", "criterion_id", "weight"]);
    for o in &r.options {
        for (criterion, w) in &o.central_weights {
            table.row(vec![o.id.clone(), criterion.clone(), full(*w)]);
        }
    }
    table
}
