use crate::analysis::sensitivity::{
    CriticalChange, NearestFlip, Rebalance, SensitivityReport, Summary,
};
use crate::model::Direction;
use crate::render::{Document, Table, View, fixed};

/// A direction in words, for prose.
fn in_words(d: Direction) -> &'static str {
    match d {
        Direction::Benefit => "more is better",
        Direction::Cost => "less is better",
    }
}

/// A direction as a mark, for tables (the legend says which is which).
fn mark(d: Direction) -> &'static str {
    match d {
        Direction::Benefit => "↑",
        Direction::Cost => "↓",
    }
}

/// `1st`, `2nd`, `3rd`, `4th`, …
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, x) if x != 11 => "st",
        (2, x) if x != 12 => "nd",
        (3, x) if x != 13 => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A signed change with its sign always shown.
fn signed(x: f64, digits: usize) -> String {
    let s = fixed(x, digits);
    if s.starts_with('-') {
        s
    } else {
        format!("+{s}")
    }
}

impl SensitivityReport {
    fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.names.get(id).map_or(id, String::as_str)
    }

    fn rule_name(&self) -> &'static str {
        match self.rebalance {
            Rebalance::Proportional => "the others rescaled in proportion",
            Rebalance::Equal => "the change split equally among the others",
        }
    }

    fn leader(&self, s: &Summary) -> String {
        if s.tied.len() > 1 {
            let names: Vec<&str> = s.tied.iter().map(|id| self.name(id)).collect();
            return format!(
                "{} tie for first with {} each (equal within 1e-9), so the critical change is 0: \
                 the smallest change of a weight on which they differ puts one of them ahead.",
                names.join(" and "),
                fixed(s.score, 4)
            );
        }
        match &s.runner_up {
            Some(r) => format!(
                "{} is first with {}, {} ahead of {}.",
                s.top_name,
                fixed(s.score, 4),
                fixed(s.margin, 4),
                self.name(r)
            ),
            None => format!("{} is the only option.", s.top_name),
        }
    }

    /// Triantaphyllou & Sanchez's change in words.
    fn critical_sentence(&self, c: &CriticalChange, label: &str) -> String {
        if c.change == 0.0 {
            return format!(
                "{label}: {} ({}), on which the tied options differ most: raising its weight puts \
                 one of them ahead, lowering it the other.",
                c.criterion_name,
                in_words(c.direction)
            );
        }
        let verb = if c.change > 0.0 {
            "Raising"
        } else {
            "Lowering"
        };
        let relative = c
            .relative_change
            .map_or(String::new(), |r| format!(", {}%", signed(r, 1)));
        format!(
            "{label}: {} ({}). {verb} its weight from {} to {} ({}{relative}), every other weight \
             held fixed, puts {} ahead of {} (Triantaphyllou & Sanchez 1997); rescaled to sum to 1, \
             that is a weight of {}.",
            c.criterion_name,
            in_words(c.direction),
            fixed(c.weight, 3),
            fixed(c.new_weight, 4),
            signed(c.change, 4),
            self.name(&c.new_top),
            self.name(&c.displaced),
            fixed(c.renormalized_weight, 4)
        )
    }

    fn relative_sentence(&self, c: &CriticalChange) -> String {
        format!(
            "By relative change (100·δ/w) the most critical is {} ({}): {}%, from {} to {}, puts {} ahead.",
            c.criterion_name,
            in_words(c.direction),
            signed(c.relative_change.unwrap_or(0.0), 1),
            fixed(c.weight, 3),
            fixed(c.new_weight, 4),
            self.name(&c.new_top)
        )
    }

    fn flip(&self, doc: &mut Document, f: &NearestFlip) {
        let moves: Vec<String> = f
            .moves
            .iter()
            .map(|m| {
                format!(
                    "{} ({}) {} → {}",
                    m.name,
                    in_words(m.direction),
                    fixed(m.from, 4),
                    fixed(m.to, 4)
                )
            })
            .collect();
        doc.paragraph(format!(
            "Nearest flip with every weight free: moving {} of the total weight (L1 distance {}) \
             puts {} first. Only these weights move: {}.",
            fixed(f.distance / 2.0, 4),
            fixed(f.distance, 4),
            self.name(&f.new_top),
            moves.join("; ")
        ));
    }

    fn stability(&self, doc: &mut Document, s: &Summary) {
        doc.paragraph(format!(
            "Where {} stays first ({}): {}. Thresholds are {}.",
            s.top_name,
            "↑ more is better, ↓ less is better",
            self.rule,
            if self.exact {
                "exact (every score is linear in the weights)"
            } else {
                "numerical (found on a 400-step grid and refined to 1e-7)"
            },
        ));
        let mut table = Table::new(&[
            ("Weight of", false),
            ("now", true),
            ("from", true),
            ("to", true),
        ]);
        for st in &s.stability {
            table.row(vec![
                format!("{} {}", mark(st.direction), st.name),
                fixed(st.weight, 3),
                fixed(st.from, 4),
                fixed(st.to, 4),
            ]);
        }
        doc.table(table);
    }

    /// The swaps listed, nearest to the current weights first; `limit`
    /// rows at most.
    fn swaps(&self, doc: &mut Document, limit: Option<usize>) {
        let mut rows: Vec<(f64, Vec<String>)> = vec![];
        let mut edges = 0;
        let mut data = Table::data(
            "swaps",
            &[
                "weight_of",
                "now",
                "at",
                "place",
                "ahead_below",
                "ahead_above",
            ],
        );
        for s in self.criteria.iter().chain(&self.groups) {
            let label = match self
                .summary
                .stability
                .iter()
                .find(|st| st.criterion == s.id)
            {
                Some(st) => format!("{} {}", mark(st.direction), s.name),
                None => format!("all of {}", s.name),
            };
            for t in &s.thresholds {
                data.row(vec![
                    s.id.clone(),
                    s.weight.to_string(),
                    t.weight.to_string(),
                    t.place.map_or(String::new(), |p| p.to_string()),
                    t.pair[0].clone(),
                    t.pair[1].clone(),
                ]);
                // The ends of the top's interval are in the table above. A
                // numerical sweep finds an end and the swap there to within
                // its precision, each by its own refinement.
                let edge = t.place == Some(1)
                    && s.top_stable.iter().any(|e| {
                        (e - t.weight).abs() <= crate::analysis::sensitivity::numerical::WIDTH
                    });
                if edge && limit.is_some() {
                    edges += 1;
                    continue;
                }
                // Read from the current weight towards the swap.
                let (ahead, behind) = if t.weight >= s.weight {
                    (&t.pair[1], &t.pair[0])
                } else {
                    (&t.pair[0], &t.pair[1])
                };
                rows.push((
                    (t.weight - s.weight).abs(),
                    vec![
                        label.clone(),
                        format!("{} → {}", fixed(s.weight, 3), fixed(t.weight, 4)),
                        match t.place {
                            Some(p) => format!(
                                "{} takes {} place from {}",
                                self.name(ahead),
                                ordinal(p),
                                self.name(behind)
                            ),
                            None => {
                                format!("{} passes {}", self.name(ahead), self.name(behind))
                            }
                        },
                    ],
                ));
            }
        }
        let scope = match self.top_places {
            Some(k) => format!("the first {k} places"),
            None => "any place".to_string(),
        };
        if rows.is_empty() {
            doc.paragraph(format!("No single weight moving alone changes {scope}."));
            return;
        }
        doc.data(data);
        let total = rows.len() + edges;
        if let Some(limit) = limit {
            rows.sort_by(|a, b| a.0.total_cmp(&b.0));
            rows.truncate(limit);
        }
        doc.paragraph(if rows.len() < total {
            format!(
                "Besides the ends of those intervals, the {} swaps for {scope} nearest the current \
                 weights, one weight moving at a time ({total} in all: --format json lists them, \
                 --all lists every swap):",
                rows.len()
            )
        } else {
            format!("Every swap for {scope}, one weight moving at a time:")
        });
        let lines: Vec<String> = rows
            .into_iter()
            .map(|(_, r)| format!("- {} {}: {}", r[0], r[1], r[2]))
            .collect();
        doc.paragraph(lines.join("\n"));
    }

    /// The detail `--all` adds: pairs and ranks under every profile.
    fn detail(&self, doc: &mut Document) {
        if let Some(c) = &self.summary.critical_any_pair {
            doc.paragraph(format!(
                "Most critical criterion for any pair: {} ({}), {} → {}, puts {} ahead of {}.",
                c.criterion_name,
                in_words(c.direction),
                fixed(c.weight, 3),
                fixed(c.new_weight, 4),
                self.name(&c.new_top),
                self.name(&c.displaced)
            ));
        }
        let mut pairs = Table::new(&[
            ("Pair (higher first)", false),
            ("Criterion", false),
            ("now → at", true),
            ("change", true),
        ]);
        for p in &self.pairs {
            let label = format!("{} › {}", self.name(&p.pair[0]), self.name(&p.pair[1]));
            match &p.critical {
                Some(c) => pairs.row(vec![
                    label,
                    format!("{} {}", mark(c.direction), c.criterion_name),
                    format!("{} → {}", fixed(c.weight, 3), fixed(c.new_weight, 4)),
                    signed(c.change, 4),
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
        let across = &self.across_profiles;
        if !across.profiles.is_empty() {
            let mut headers: Vec<(&str, bool)> = vec![("Option", false)];
            headers.extend(across.profiles.iter().map(|p| (p.as_str(), true)));
            let mut table = Table::new(&headers);
            for (id, ranks) in &across.ranks {
                let mut row = vec![self.name(id).to_string()];
                row.extend(ranks.values().map(|r| r.to_string()));
                table.row(row);
            }
            doc.paragraph("Ranks under every profile:");
            doc.table(table);
        }
    }
}

impl View for SensitivityReport {
    fn document(&self) -> Document {
        let s = &self.summary;
        let mut doc = Document::new();
        doc.heading(format!(
            "{} — sensitivity of the profile {}, method {}",
            self.model, self.profile_name, self.method
        ));
        doc.data(stability_data(s));
        doc.paragraph(self.leader(s));
        match &s.critical {
            Some(a) => {
                let label = if self.only.is_some() {
                    "Critical change of the criterion asked for"
                } else {
                    "Most critical criterion"
                };
                doc.paragraph(self.critical_sentence(a, label));
                if let Some(r) = s
                    .critical_relative
                    .as_ref()
                    .filter(|r| r.criterion != a.criterion && r.change != 0.0)
                {
                    doc.paragraph(self.relative_sentence(r));
                }
            }
            None => {
                doc.paragraph(format!(
                    "No change of a single weight puts another option ahead of {}.",
                    s.top_name
                ));
            }
        }
        // The sweep's own figure, where it is not the same answer rescaled.
        if let Some(c) = s.along_sweep.as_ref().filter(|c| {
            self.rebalance == Rebalance::Equal
                || s.critical
                    .as_ref()
                    .is_none_or(|a| a.criterion != c.criterion)
        }) {
            doc.paragraph(format!(
                "Along the sweep ({}), the top changes soonest when the weight of {} moves from {} \
                 to {} ({}): {} becomes first.",
                self.rule_name(),
                c.criterion_name,
                fixed(c.weight, 3),
                fixed(c.to, 4),
                signed(c.change, 4),
                self.name(&c.new_top)
            ));
        }
        match &s.nearest_flip {
            Some(f) => self.flip(&mut doc, f),
            None if self.exact => {
                doc.paragraph("No weight vector within the bounds puts another option first.");
            }
            None => {
                doc.paragraph(
                    "The nearest flip is computed under WSM and PROMETHEE II only, whose scores are linear in the weights.",
                );
            }
        }
        self.stability(&mut doc, s);
        let all = self.top_places.is_none();
        self.swaps(&mut doc, (!all).then_some(5));
        if all {
            self.detail(&mut doc);
        }
        doc
    }
}

/// CSV `stability`: per criterion, the interval of its weight within which
/// the leader stays first, and who leads beyond each end.
fn stability_data(s: &crate::analysis::sensitivity::Summary) -> Table {
    let mut table = Table::data(
        "stability",
        &[
            "criterion_id",
            "criterion",
            "direction",
            "weight",
            "from",
            "to",
            "first_below",
            "first_above",
        ],
    );
    for st in &s.stability {
        let direction = match st.direction {
            crate::model::Direction::Benefit => "benefit",
            crate::model::Direction::Cost => "cost",
        };
        table.row(vec![
            st.criterion.clone(),
            st.name.clone(),
            direction.to_string(),
            crate::render::full(st.weight),
            crate::render::full(st.from),
            crate::render::full(st.to),
            st.below.clone().unwrap_or_default(),
            st.above.clone().unwrap_or_default(),
        ]);
    }
    table
}
