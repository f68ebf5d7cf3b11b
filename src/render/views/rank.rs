use crate::analysis::RankReport;
use crate::analysis::ranking::{Contribution, RankedOption};
use crate::methods::{Better, MethodKind};
use crate::model::Direction;
use crate::render::{Document, Table, View, fixed, full};

impl View for RankReport {
    fn document(&self) -> Document {
        let mut doc = Document::new();
        let normalization = if self.normalization == "value" {
            String::new()
        } else {
            format!(", {} normalization", self.normalization)
        };
        doc.heading(format!(
            "{} — {}, method {}{normalization}",
            self.model, self.profile_name, self.method
        ));
        let method = self.method.parse::<MethodKind>().unwrap_or(MethodKind::Wsm);
        let (column, legend) = explanation(method);
        let mut table = Table::new(&[
            ("Rank", true),
            ("Option", false),
            ("Score", true),
            (column, false),
        ]);
        let mut dominated = vec![];
        for row in &self.ranking {
            if let Some(by) = &row.dominated_by {
                let by = self.names.get(by).unwrap_or(by);
                dominated.push(format!("{} is dominated by {by}", row.name));
            }
            let mark = if row.dominated_by.is_some() {
                " †"
            } else {
                ""
            };
            table.row(vec![
                row.rank.to_string(),
                format!("{}{mark}", row.name),
                fixed(row.score, 3),
                used(method, row),
            ]);
        }
        doc.table(table);
        doc.paragraph(legend);
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
        doc.data(ranking_data(self));
        doc.data(contributions_data(self));
        doc
    }
}

/// CSV `ranking`: one row per option, with the method's own figures.
fn ranking_data(report: &RankReport) -> Table {
    let symbols: Vec<&str> = report
        .ranking
        .first()
        .map(|r| r.figures.iter().map(|f| f.symbol).collect())
        .unwrap_or_default();
    let mut headers = vec!["rank", "id", "name", "score"];
    headers.extend(&symbols);
    headers.push("dominated_by");
    let mut table = Table::data("ranking", &headers);
    for row in &report.ranking {
        let mut cells = vec![
            row.rank.to_string(),
            row.id.clone(),
            row.name.clone(),
            full(row.score),
        ];
        cells.extend(row.figures.iter().map(|f| full(f.value)));
        cells.push(row.dominated_by.clone().unwrap_or_default());
        table.row(cells);
    }
    table
}

/// CSV `contributions`: the criteria behind each option's place, one row
/// each (the additive model's largest contributions, or the weighted
/// product's smallest factors).
fn contributions_data(report: &RankReport) -> Table {
    let mut table = Table::data(
        "contributions",
        &[
            "option_id",
            "criterion_id",
            "criterion",
            "direction",
            "kind",
            "value",
        ],
    );
    for row in &report.ranking {
        let parts = row
            .top_contributors
            .iter()
            .map(|c| (c, "contribution"))
            .chain(row.weakest_factors.iter().map(|c| (c, "factor")));
        for (c, kind) in parts {
            let direction = match c.direction {
                Direction::Cost => "cost",
                Direction::Benefit => "benefit",
            };
            table.row(vec![
                row.id.clone(),
                c.criterion.clone(),
                c.name.clone(),
                direction.into(),
                kind.into(),
                full(c.contribution),
            ]);
        }
    }
    table
}

/// The last column's header and the sentence that explains it, per method.
fn explanation(method: MethodKind) -> (&'static str, &'static str) {
    match method {
        MethodKind::Wsm => (
            "Scores well on",
            "Scores well on: the criteria adding most to the option's value (weight × value, where a value of 1 is the best score on that criterion; for a \"less is better\" criterion, having little of it).",
        ),
        MethodKind::Wpm => (
            "Held back most by",
            "Held back most by: the smallest factors value^weight of the weighted product (1 = best score; a factor of 0 vetoes the option whatever its other scores).",
        ),
        MethodKind::Topsis => (
            "Distances D⁺ · D⁻",
            "D⁺: distance to the ideal option (smaller is better); D⁻: distance to the anti-ideal (larger is better); the score is D⁻ / (D⁺ + D⁻).",
        ),
        MethodKind::Vikor => (
            "Group S · worst R",
            "S: weighted sum of regrets (group utility); R: the largest single regret; Q mixes them, and lower Q ranks first.",
        ),
        MethodKind::Promethee => (
            "Flows φ⁺ · φ⁻",
            "φ⁺: how strongly the option outranks the others; φ⁻: how strongly it is outranked; the score is φ⁺ − φ⁻.",
        ),
    }
}

/// A criterion with its direction and a number.
fn criterion(c: &Contribution) -> String {
    let direction = match c.direction {
        Direction::Cost => " (less is better)",
        Direction::Benefit => "",
    };
    format!("{}{direction} {}", c.name, fixed(c.contribution, 3))
}

/// What the method used for this option, in the table's last column.
fn used(method: MethodKind, row: &RankedOption) -> String {
    match method {
        MethodKind::Wsm => row
            .top_contributors
            .iter()
            .map(criterion)
            .collect::<Vec<_>>()
            .join("; "),
        MethodKind::Wpm => {
            let vetoes: Vec<&Contribution> = row
                .weakest_factors
                .iter()
                .filter(|c| c.contribution <= 0.0)
                .collect();
            if vetoes.is_empty() {
                row.weakest_factors
                    .iter()
                    .map(criterion)
                    .collect::<Vec<_>>()
                    .join("; ")
            } else {
                let names: Vec<String> = vetoes
                    .iter()
                    .map(|c| match c.direction {
                        Direction::Cost => format!("{} (less is better)", c.name),
                        Direction::Benefit => c.name.clone(),
                    })
                    .collect();
                format!("vetoed: worst possible value on {}", names.join(" and "))
            }
        }
        _ => row
            .figures
            .iter()
            .map(|f| format!("{} {}", symbol(f.symbol), fixed(f.value, 3)))
            .collect::<Vec<_>>()
            .join(" · "),
    }
}

/// A step's symbol as printed.
fn symbol(s: &str) -> &str {
    match s {
        "D+" => "D⁺",
        "D-" => "D⁻",
        "phi+" => "φ⁺",
        "phi-" => "φ⁻",
        other => other,
    }
}
