use crate::render::{Document, Table, View, fixed, full};
use crate::weights::WeightsReport;

impl View for WeightsReport {
    fn document(&self) -> Document {
        let mut doc = Document::new();
        doc.heading(format!(
            "Weights of profile {} ({}), stated as {}",
            self.profile, self.profile_name, self.form
        ));
        let mut table = Table::new(&[("Criterion", false), ("Group", false), ("Weight", true)]);
        for ((_, w), (name, group)) in self.weights.iter().zip(&self.labels) {
            table.row(vec![name.clone(), group.clone(), fixed(*w, 4)]);
        }
        doc.table(table);
        if !self.groups.is_empty() {
            let mut groups = Table::new(&[("Group", false), ("Share", true)]);
            for (id, share) in &self.groups {
                groups.row(vec![id.clone(), fixed(*share, 4)]);
            }
            doc.table(groups);
        }
        if let (Some(ahp), Some(cr)) = (&self.ahp, self.consistency_ratio) {
            let ri = ahp
                .random_index
                .map_or("not tabulated for this n".to_string(), |r| fixed(r, 4));
            doc.paragraph(format!(
                "AHP: λmax = {}, consistency index CI = {}, random index RI({}) = {} ({}), consistency ratio CR = {}{}",
                fixed(ahp.lambda_max, 4),
                fixed(ahp.consistency_index, 4),
                ahp.n,
                ri,
                ahp.random_index_table.unwrap_or("no table"),
                fixed(cr, 4),
                if cr > 0.1 { " — above 0.1: the judgments are inconsistent" } else { " (acceptable: at most 0.1)" }
            ));
        } else if let Some(ahp) = &self.ahp {
            doc.paragraph(format!(
                "AHP: λmax = {}, consistency index CI = {}; consistency ratio not available: no random-index table reaches n = {} (the tables end at {})",
                fixed(ahp.lambda_max, 4),
                fixed(ahp.consistency_index, 4),
                ahp.n,
                crate::weights::ahp::RANDOM_INDEX_MAX_ORDER,
            ));
        }
        let mut data = Table::data("weights", &["criterion_id", "criterion", "group", "weight"]);
        for ((id, w), (name, group)) in self.weights.iter().zip(&self.labels) {
            data.row(vec![id.clone(), name.clone(), group.clone(), full(*w)]);
        }
        doc.data(data);
        if !self.groups.is_empty() {
            let mut groups = Table::data("groups", &["group_id", "share"]);
            for (id, share) in &self.groups {
                groups.row(vec![id.clone(), full(*share)]);
            }
            doc.data(groups);
        }
        doc
    }
}
