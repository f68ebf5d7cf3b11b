use crate::analysis::RankReport;
use crate::methods::Better;
use crate::render::{Document, Table, View, fixed};

impl View for RankReport {
    fn document(&self) -> Document {
        let mut doc = Document::new();
        let normalization = if self.normalization == "value" {
            String::new()
        } else {
            format!(", {} normalization", self.normalization)
        };
        doc.heading(format!(
            "{} — profile {}, method {}{normalization}",
            self.model, self.profile, self.method
        ));
        let mut table = Table::new(&[
            ("Rank", true),
            ("Option", false),
            ("Score", true),
            ("Top contributors", false),
        ]);
        let mut dominated = vec![];
        for row in &self.ranking {
            if let Some(by) = &row.dominated_by {
                let by = self.names.get(by).unwrap_or(by);
                dominated.push(format!("{} is dominated by {by}", row.name));
            }
            let contributors: Vec<String> = row
                .top_contributors
                .iter()
                .map(|c| format!("{} {}", c.name, fixed(c.contribution, 3)))
                .collect();
            let mark = if row.dominated_by.is_some() {
                " †"
            } else {
                ""
            };
            table.row(vec![
                row.rank.to_string(),
                format!("{}{mark}", row.name),
                fixed(row.score, 3),
                contributors.join("; "),
            ]);
        }
        doc.table(table);
        if !dominated.is_empty() {
            doc.paragraph(format!(
                "† Dominated (another option is at least as good on every criterion and better on one): {}.",
                dominated.join("; ")
            ));
        }
        if let Some(c) = &self.compromise {
            let names: Vec<&str> = c
                .set
                .iter()
                .map(|id| self.names.get(id).map_or(id.as_str(), String::as_str))
                .collect();
            doc.paragraph(format!(
                "VIKOR compromise: {}. Acceptable advantage (C1): {}. Acceptable stability (C2): {}.",
                names.join(", "),
                if c.acceptable_advantage { "holds" } else { "fails" },
                if c.acceptable_stability { "holds" } else { "fails" }
            ));
        }
        if self.better == Better::Lower {
            doc.paragraph("Lower scores rank first under this method.");
        }
        for note in &self.notes {
            doc.paragraph(format!("Note: {note}"));
        }
        doc
    }
}
