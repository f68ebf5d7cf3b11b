//! Ranks across methods or profiles as a heat map.

use crate::analysis::compare::CompareReport;
use crate::render::svg::Heatmap;

/// Ranks under each column as a heat map, rows in the report's order.
pub fn rank_heatmap(report: &CompareReport) -> Heatmap {
    Heatmap {
        title: format!("Ranks across {} ({})", report.across, report.fixed_name),
        columns: report.column_names.clone(),
        rows: report
            .ranks
            .iter()
            .map(|(id, ranks)| {
                (
                    report.names.get(id).cloned().unwrap_or_else(|| id.clone()),
                    ranks.values().copied().collect(),
                )
            })
            .collect(),
    }
}
