use crate::analysis::explain::ExplainReport;
use crate::render::{Document, Table, View, fixed};

impl View for ExplainReport {
    fn document(&self) -> Document {
        let mut doc = Document::new();
        let [a, b] = &self.names;
        doc.heading(format!(
            "{} — why {} vs {} (profile {}, method {})",
            self.model, a, b, self.profile, self.method
        ));
        doc.paragraph(self.summary.clone());
        let mut table = Table::new(&[
            ("Criterion", false),
            ("w·(v_A − v_B)", true),
            ("Favours", false),
        ]);
        for c in &self.contributions {
            let favours = if c.contribution > 0.0 {
                a.as_str()
            } else if c.contribution < 0.0 {
                b.as_str()
            } else {
                "neither"
            };
            table.row(vec![
                c.name.clone(),
                format!("{:+.4}", c.contribution),
                favours.to_string(),
            ]);
        }
        let total: f64 = self.contributions.iter().map(|c| c.contribution).sum();
        table.row(vec![
            "Total (additive model)".into(),
            format!("{total:+.4}"),
            String::new(),
        ]);
        doc.table(table);
        doc.paragraph(match self.dominates.as_deref() {
            Some(id) if id == self.a => {
                format!("{a} dominates {b}: at least as good on every criterion and better on one.")
            }
            Some(_) => {
                format!("{b} dominates {a}: at least as good on every criterion and better on one.")
            }
            None => "Neither option dominates the other.".to_string(),
        });
        if !self.steps.is_empty() {
            let mut steps =
                Table::new(&[("Quantity", false), (a.as_str(), true), (b.as_str(), true)]);
            let list = |v: &[f64]| v.iter().map(|x| fixed(*x, 4)).collect::<Vec<_>>().join(" ");
            for s in &self.steps {
                steps.row(vec![
                    format!("{} — {}", s.symbol, s.caption),
                    list(&s.a),
                    list(&s.b),
                ]);
            }
            doc.table(steps);
        }
        doc
    }
}
