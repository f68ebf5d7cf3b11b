use crate::analysis::smaa::SmaaReport;
use crate::render::{Document, Table, View, fixed};

impl View for SmaaReport {
    fn document(&self) -> Document {
        let mut doc = Document::new();
        doc.heading(format!(
            "{} — SMAA-2, method {}, {} samples, seed {}",
            self.model, self.method, self.samples, self.seed
        ));
        doc.paragraph(format!(
            "Weights: {}. Scores: {}.",
            self.weights,
            match self.scores {
                crate::analysis::smaa::ScoreMode::Fixed => "fixed at their values",
                crate::analysis::smaa::ScoreMode::Uncertain =>
                    "drawn from triangular distributions on (low, value, high)",
            }
        ));
        let n = self.options.len();
        let shown = n.min(6);
        let mut headers: Vec<(String, bool)> = vec![("Option".into(), false)];
        headers.extend((1..=shown).map(|r| (format!("Rank {r}"), true)));
        if n > shown {
            headers.push((format!("Ranks {}–{n}", shown + 1), true));
        }
        headers.push(("Confidence".into(), true));
        let refs: Vec<(&str, bool)> = headers.iter().map(|(h, b)| (h.as_str(), *b)).collect();
        let mut table = Table::new(&refs);
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| {
            self.options[b].acceptability[0]
                .total_cmp(&self.options[a].acceptability[0])
                .then(a.cmp(&b))
        });
        let pct = |x: f64| format!("{}%", fixed(100.0 * x, 1));
        for i in order {
            let o = &self.options[i];
            let mut row = vec![o.name.clone()];
            row.extend(o.acceptability.iter().take(shown).map(|&b| pct(b)));
            if n > shown {
                row.push(pct(o.acceptability[shown..].iter().sum()));
            }
            row.push(o.confidence.map_or("–".into(), pct));
            table.row(row);
        }
        doc.table(table);
        let max_se = self
            .options
            .iter()
            .flat_map(|o| o.standard_error.iter())
            .fold(0.0f64, |a, &b| a.max(b));
        doc.paragraph(format!(
            "Rank acceptability: the share of draws in which the option takes each rank (largest Monte Carlo standard error {}). Confidence: the share of score draws in which the option ranks first at its central weights ({} draws).",
            pct(max_se),
            self.confidence_samples
        ));
        doc
    }
}
