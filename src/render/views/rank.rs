use crate::analysis::RankReport;
use crate::methods::Better;
use crate::render::{Document, Table, View, fixed};

impl View for RankReport {
    fn document(&self) -> Document {
        let mut doc = Document::new();
        doc.heading(format!(
            "{} — profile {}, method {}",
            self.model, self.profile, self.method
        ));
        let mut table = Table::new(&[
            ("Rank", true),
            ("Option", false),
            ("Score", true),
            ("Top contributors", false),
        ]);
        for row in &self.ranking {
            let contributors: Vec<String> = row
                .top_contributors
                .iter()
                .map(|c| format!("{} {}", c.name, fixed(c.contribution, 3)))
                .collect();
            table.row(vec![
                row.rank.to_string(),
                row.name.clone(),
                fixed(row.score, 3),
                contributors.join("; "),
            ]);
        }
        doc.table(table);
        if self.better == Better::Lower {
            doc.paragraph("Lower scores rank first under this method.");
        }
        for note in &self.notes {
            doc.paragraph(format!("Note: {note}"));
        }
        doc
    }
}
