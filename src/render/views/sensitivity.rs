use crate::analysis::sensitivity::{CriticalChange, SensitivityReport, SweptWeight};
use crate::render::{Document, Table, View, fixed};

impl SensitivityReport {
    fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.names.get(id).map_or(id, String::as_str)
    }

    fn sweeps(&self, doc: &mut Document, title: &str, sweeps: &[SweptWeight]) {
        if sweeps.is_empty() {
            return;
        }
        doc.heading(title);
        let top = self.name(&self.top);
        let mut table = Table::new(&[
            ("Weight of", false),
            ("Now", true),
            ("Top stays top from", true),
            ("to", true),
            ("Swaps", true),
        ]);
        let mut swaps = Table::new(&[
            ("Weight of", false),
            ("At", true),
            ("Falls behind", false),
            ("Moves ahead", false),
        ]);
        for s in sweeps {
            table.row(vec![
                s.name.clone(),
                fixed(s.weight, 3),
                fixed(s.top_stable[0], 4),
                fixed(s.top_stable[1], 4),
                s.thresholds.len().to_string(),
            ]);
            for t in &s.thresholds {
                swaps.row(vec![
                    s.name.clone(),
                    fixed(t.weight, 4),
                    self.name(&t.pair[0]).to_string(),
                    self.name(&t.pair[1]).to_string(),
                ]);
            }
        }
        doc.paragraph(format!(
            "The interval is where {top} stays top as that weight moves."
        ));
        doc.table(table);
        if !swaps.rows.is_empty() {
            doc.table(swaps);
        }
    }

    fn sentence(&self, c: &CriticalChange, what: &str) -> String {
        let direction = if c.change > 0.0 { "rises" } else { "falls" };
        let relative = c.relative_change.map_or(String::new(), |r| {
            format!(", {}% of its current value", fixed(100.0 * r, 1))
        });
        format!(
            "{what}: if the weight of {} {direction} to {} (a change of {}{relative}), {} overtakes {}.",
            c.criterion,
            fixed(c.weight, 4),
            fixed(c.change, 4),
            self.name(&c.new_top),
            self.name(&c.displaced)
        )
    }
}

impl View for SensitivityReport {
    fn document(&self) -> Document {
        let mut doc = Document::new();
        doc.heading(format!(
            "{} — sensitivity of profile {}, method {}",
            self.model, self.profile, self.method
        ));
        doc.paragraph(format!(
            "Top option: {}. Rebalancing: {} ({}). Thresholds are {}.",
            self.name(&self.top),
            match self.rebalance {
                crate::analysis::sensitivity::Rebalance::Proportional => "proportional",
                crate::analysis::sensitivity::Rebalance::Equal => "equal",
            },
            self.rule,
            if self.exact {
                "exact: under the additive model every score is linear in the swept weight"
            } else {
                "numerical: found on a grid and refined by bisection to 1e-6"
            }
        ));
        self.sweeps(&mut doc, "Criteria", &self.criteria);
        self.sweeps(&mut doc, "Groups of the value tree", &self.groups);
        doc.heading("Most critical criterion");
        match (&self.critical, &self.critical_relative) {
            (Some(a), Some(r)) => {
                doc.paragraph(self.sentence(a, "Smallest absolute change"));
                if r != a {
                    doc.paragraph(self.sentence(r, "Smallest relative change"));
                }
            }
            (Some(a), None) => {
                doc.paragraph(self.sentence(a, "Smallest absolute change"));
            }
            _ => {
                doc.paragraph("No change of a single weight makes another option the top.");
            }
        }
        let mut pairs = Table::new(&[
            ("Pair (higher first)", false),
            ("Criterion", false),
            ("At weight", true),
            ("Change", true),
        ]);
        for p in &self.pairs {
            let label = format!("{} › {}", self.name(&p.pair[0]), self.name(&p.pair[1]));
            match &p.critical {
                Some(c) => pairs.row(vec![
                    label,
                    c.criterion.clone(),
                    fixed(c.weight, 4),
                    fixed(c.change, 4),
                ]),
                None => pairs.row(vec![
                    label,
                    "no single weight".into(),
                    String::new(),
                    String::new(),
                ]),
            };
        }
        doc.table(pairs);
        doc.heading("Nearest flip with every weight free");
        match &self.nearest_flip {
            Some(f) => {
                let moved: Vec<String> = f
                    .weights
                    .iter()
                    .map(|(id, w)| format!("{id} {}", fixed(*w, 3)))
                    .collect();
                doc.paragraph(format!(
                    "Moving {} of the total weight (L1 distance {}) puts {} on top: {}.",
                    fixed(f.distance / 2.0, 4),
                    fixed(f.distance, 4),
                    self.name(&f.new_top),
                    moved.join(", ")
                ));
            }
            None if self.exact => {
                doc.paragraph("No weight vector within the bounds puts another option on top.");
            }
            None => {
                doc.paragraph("Computed for the additive model (--method wsm) only.");
            }
        }
        let across = &self.across_profiles;
        if !across.profiles.is_empty() {
            doc.heading("Ranks under every profile");
            let mut headers: Vec<(&str, bool)> = vec![("Option", false)];
            headers.extend(across.profiles.iter().map(|p| (p.as_str(), true)));
            let mut table = Table::new(&headers);
            for (id, ranks) in &across.ranks {
                let mut row = vec![self.name(id).to_string()];
                row.extend(ranks.values().map(|r| r.to_string()));
                table.row(row);
            }
            doc.table(table);
            doc.paragraph(if across.always_top3.is_empty() {
                "No option is in the top 3 under every profile.".to_string()
            } else {
                let names: Vec<&str> = across.always_top3.iter().map(|id| self.name(id)).collect();
                format!("In the top 3 under every profile: {}.", names.join(", "))
            });
        }
        doc
    }
}
