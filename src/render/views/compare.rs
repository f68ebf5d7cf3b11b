use crate::analysis::compare::CompareReport;
use crate::render::{Document, Table, View, fixed, full};

impl CompareReport {
    fn option_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.names.get(id).map_or(id, String::as_str)
    }

    fn column_name<'a>(&'a self, label: &'a str) -> &'a str {
        self.columns
            .iter()
            .position(|c| c == label)
            .and_then(|k| self.column_names.get(k))
            .map_or(label, String::as_str)
    }
}

impl View for CompareReport {
    fn document(&self) -> Document {
        let mut doc = Document::new();
        let fixed_label = if self.across == "methods" {
            "profile"
        } else {
            "method"
        };
        doc.heading(format!(
            "{} — ranks across {} ({fixed_label}: {})",
            self.model, self.across, self.fixed_name
        ));
        if let Some((first, ranks)) = self.ranks.first() {
            let leaders: Vec<&str> = ranks
                .iter()
                .filter(|(_, r)| **r == 1)
                .map(|(c, _)| self.column_name(c))
                .collect();
            doc.paragraph(format!(
                "{} ranks first under {} of {} {}{}. Rows are sorted by rank under {}; 1 is best.",
                self.option_name(first),
                leaders.len(),
                self.columns.len(),
                self.across,
                if leaders.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", leaders.join(", "))
                },
                self.column_name(&self.sorted_by)
            ));
        }
        let mut headers: Vec<(&str, bool)> = vec![("Option", false)];
        headers.extend(self.column_names.iter().map(|c| (c.as_str(), true)));
        headers.push(("Spread", true));
        let mut table = Table::new(&headers);
        for (id, ranks) in &self.ranks {
            let flag = if self.widest_spread.contains(id) {
                " ◆"
            } else {
                ""
            };
            let mut row = vec![format!("{}{flag}", self.option_name(id))];
            row.extend(ranks.values().map(|r| r.to_string()));
            row.push(self.spread.get(id).map_or(String::new(), |s| s.to_string()));
            table.row(row);
        }
        doc.table(table);
        if !self.widest_spread.is_empty() {
            let names: Vec<String> = self
                .widest_spread
                .iter()
                .map(|id| {
                    let why: Vec<String> = self
                        .vetoes
                        .iter()
                        .filter(|v| &v.option == id)
                        .map(|v| format!("vetoed under {}", self.column_name(&v.column)))
                        .collect();
                    if why.is_empty() {
                        self.option_name(id).to_string()
                    } else {
                        format!("{} ({})", self.option_name(id), why.join(", "))
                    }
                })
                .collect();
            doc.paragraph(format!(
                "◆ Widest rank spread (best rank to worst across the columns): {}.",
                names.join("; ")
            ));
        }
        let mut columns: Vec<&str> = self.vetoes.iter().map(|v| v.column.as_str()).collect();
        columns.dedup();
        for column in columns {
            let which: Vec<String> = self
                .vetoes
                .iter()
                .filter(|v| v.column == column)
                .map(|v| {
                    let criteria: Vec<&str> = v
                        .criteria
                        .iter()
                        .map(|c| self.criteria.get(c).map_or(c.as_str(), String::as_str))
                        .collect();
                    format!(
                        "{} on {}",
                        self.option_name(&v.option),
                        criteria.join(" and ")
                    )
                })
                .collect();
            doc.paragraph(format!(
                "Vetoes under {}: a value of 0 (the worst end of a criterion's scale) makes the weighted product 0, so the option ranks last there whatever its other scores. This is how the product treats a zero, not a judgment of the option as a whole. Vetoed: {}.",
                self.column_name(column),
                which.join("; ")
            ));
        }
        doc.paragraph(
            "How alike two columns' rankings are: Kendall's τ and Spearman's ρ run from 1 (the same order) through 0 (unrelated) to −1 (reversed).",
        );
        let mut correlations = Table::new(&[
            ("Ranking under", false),
            ("compared with", false),
            ("Kendall τ", true),
            ("Spearman ρ", true),
        ]);
        let show = |x: Option<f64>| x.map_or("–".to_string(), |v| fixed(v, 3));
        for c in &self.correlations {
            correlations.row(vec![
                self.column_name(&c.a).to_string(),
                self.column_name(&c.b).to_string(),
                show(c.kendall_tau),
                show(c.spearman_rho),
            ]);
        }
        doc.table(correlations);
        doc.data(self.ranks_data());
        let mut data = Table::data(
            "correlations",
            &["column_a", "column_b", "kendall_tau", "spearman_rho"],
        );
        let number = |x: Option<f64>| x.map_or(String::new(), full);
        for c in &self.correlations {
            data.row(vec![
                c.a.clone(),
                c.b.clone(),
                number(c.kendall_tau),
                number(c.spearman_rho),
            ]);
        }
        doc.data(data);
        doc
    }
}

impl CompareReport {
    /// CSV `ranks`: one row per option, one column of ranks per compared
    /// profile or method (headed by its id), then the spread.
    fn ranks_data(&self) -> Table {
        let mut headers = vec!["id", "name"];
        headers.extend(self.columns.iter().map(String::as_str));
        headers.push("spread");
        let mut table = Table::data("ranks", &headers);
        for (id, ranks) in &self.ranks {
            let mut row = vec![id.clone(), self.option_name(id).to_string()];
            row.extend(ranks.values().map(ToString::to_string));
            row.push(
                self.spread
                    .get(id)
                    .map_or(String::new(), ToString::to_string),
            );
            table.row(row);
        }
        table
    }
}
