use crate::analysis::explain::ExplainReport;
use crate::render::{Document, Table, View, fixed, full};

impl View for ExplainReport {
    fn document(&self) -> Document {
        let mut doc = Document::new();
        let [a, b] = &self.names;
        doc.heading(format!(
            "{} — why {} vs {} (profile {}, method {})",
            self.model, a, b, self.profile, self.method
        ));
        doc.paragraph(self.summary.clone());
        if self.method == "wsm" {
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
            doc.paragraph(format!(
                "A = {a}, B = {b}. Each row is a difference in value (1 = the best score on that criterion), weighted: a positive number favours A, including on a \"less is better\" criterion where A has less."
            ));
        }
        doc.paragraph(match self.dominates.as_deref() {
            Some(id) if id == self.a => {
                format!("{a} dominates {b}: at least as good on every criterion and better on one.")
            }
            Some(_) => {
                format!("{b} dominates {a}: at least as good on every criterion and better on one.")
            }
            None => "Neither option dominates the other.".to_string(),
        });
        if self.method == "wpm" {
            if let Some(factors) = self.steps.iter().find(|s| s.symbol == "v^w") {
                let mut t =
                    Table::new(&[("Criterion", false), (a.as_str(), true), (b.as_str(), true)]);
                for (k, name) in self.criteria.iter().enumerate() {
                    let cell = |v: &[f64]| v.get(k).map_or(String::new(), |x| fixed(*x, 4));
                    t.row(vec![name.clone(), cell(&factors.a), cell(&factors.b)]);
                }
                doc.paragraph(
                    "The weighted product multiplies one factor value^weight per criterion; a factor of 0 vetoes the option.",
                );
                doc.table(t);
            }
        } else if self.method != "wsm" {
            let mut steps =
                Table::new(&[("Quantity", false), (a.as_str(), true), (b.as_str(), true)]);
            for s in self
                .steps
                .iter()
                .filter(|s| s.a.len() == 1 && s.b.len() == 1)
            {
                steps.row(vec![
                    format!("{} — {}", s.symbol, s.caption),
                    fixed(s.a[0], 4),
                    fixed(s.b[0], 4),
                ]);
            }
            doc.paragraph("What the method ranked by, for the two options:");
            doc.table(steps);
        }
        if !self.contributions.is_empty() {
            let mut data = Table::data(
                "contributions",
                &["criterion_id", "criterion", "contribution_a_minus_b"],
            );
            for c in &self.contributions {
                data.row(vec![
                    c.criterion.clone(),
                    c.name.clone(),
                    full(c.contribution),
                ]);
            }
            doc.data(data);
        }
        let mut steps = Table::data("steps", &["symbol", "caption", "index", "a", "b"]);
        for s in &self.steps {
            for (k, (x, y)) in s.a.iter().zip(&s.b).enumerate() {
                steps.row(vec![
                    s.symbol.to_string(),
                    s.caption.to_string(),
                    k.to_string(),
                    full(*x),
                    full(*y),
                ]);
            }
        }
        if !steps.rows.is_empty() {
            doc.data(steps);
        }
        doc
    }
}
