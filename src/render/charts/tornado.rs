//! The tornado chart of one option's score ranges.

use crate::analysis::swing::Swings;
use crate::model::{Direction, Model};
use crate::render::svg::{Tornado, TornadoRow};

/// One row per ranged score, labelled with the criterion's direction and each
/// end's score, so a cost criterion's low score shows at its higher-value end.
pub fn tornado(model: &Model, swings: &Swings) -> Tornado {
    let has_cost = swings.swings.iter().any(|s| s.direction == Direction::Cost);
    Tornado {
        title: format!(
            "Which score ranges move {} most",
            model.options[swings.option].name
        ),
        note: if has_cost {
            "Each bar: the option's overall value as one score moves across its range. For a \"less is better\" criterion the low score gives the higher value.".into()
        } else {
            "Each bar: the option's overall value as one score moves across its range.".into()
        },
        axis: "overall value (additive model)".into(),
        base: swings.base,
        rows: swings
            .swings
            .iter()
            .map(|s| TornadoRow {
                label: model.criteria[s.criterion].name_with_direction(),
                at_low: s.at_low,
                at_high: s.at_high,
                low_label: format!("low score {}", s.low),
                high_label: format!("high score {}", s.high),
            })
            .collect(),
    }
}
