use crate::analysis::compare::CompareReport;
use crate::render::{Document, Table, View, fixed};

impl View for CompareReport {
    fn document(&self) -> Document {
        let mut doc = Document::new();
        let fixed_label = if self.across == "methods" {
            "profile"
        } else {
            "method"
        };
        doc.heading(format!(
            "{} — ranks across {} ({fixed_label} {})",
            self.model, self.across, self.fixed
        ));
        let mut headers: Vec<(&str, bool)> = vec![("Option", false)];
        headers.extend(self.columns.iter().map(|c| (c.as_str(), true)));
        headers.push(("Spread", true));
        let mut table = Table::new(&headers);
        for (id, ranks) in &self.ranks {
            let name = self.names.get(id).unwrap_or(id);
            let flag = if self.widest_spread.contains(id) {
                " ◆"
            } else {
                ""
            };
            let mut row = vec![format!("{name}{flag}")];
            row.extend(ranks.values().map(|r| r.to_string()));
            row.push(self.spread.get(id).map_or(String::new(), |s| s.to_string()));
            table.row(row);
        }
        doc.table(table);
        if !self.widest_spread.is_empty() {
            let names: Vec<&str> = self
                .widest_spread
                .iter()
                .map(|id| self.names.get(id).map_or(id.as_str(), String::as_str))
                .collect();
            doc.paragraph(format!("◆ Widest rank spread: {}.", names.join(", ")));
        }
        let mut correlations = Table::new(&[
            ("Column", false),
            ("and column", false),
            ("Kendall τ", true),
            ("Spearman ρ", true),
        ]);
        let show = |x: Option<f64>| x.map_or("–".to_string(), |v| fixed(v, 3));
        for c in &self.correlations {
            correlations.row(vec![
                c.a.clone(),
                c.b.clone(),
                show(c.kendall_tau),
                show(c.spearman_rho),
            ]);
        }
        doc.table(correlations);
        doc
    }
}
