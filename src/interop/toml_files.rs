//! Writing an [`Exchange`] as the two model files, options.toml and criteria.toml.

use toml_edit::{Array, DocumentMut, InlineTable, Item, Table, value};

use super::Exchange;
use crate::model::Direction;

/// The texts of the two model files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelTexts {
    /// options.toml.
    pub options: String,
    /// criteria.toml.
    pub criteria: String,
}

/// The two model files for an exchanged model, with a comment at the top of
/// each saying where it came from. Numbers are written in their shortest
/// round-trip form, so nothing is lost.
pub fn to_toml(model: &Exchange, origin: &str) -> ModelTexts {
    ModelTexts {
        options: options_file(model, origin),
        criteria: criteria_file(model, origin),
    }
}

fn criteria_file(model: &Exchange, origin: &str) -> String {
    let mut doc = DocumentMut::new();
    let mut head = Table::new();
    head.insert("title", value(model.title.as_str()));
    if let Some(default) = &model.default_profile {
        head.insert("default_profile", value(default.as_str()));
    }
    head.decor_mut().set_prefix(format!(
        "# The criteria and stakeholder profiles, {origin}.\n\
         # Check the scales (the worst and best anchors), directions and weights, then run `tradeoffs check`.\n"
    ));
    doc.insert("model", Item::Table(head));

    let mut criteria = toml_edit::ArrayOfTables::new();
    for c in &model.criteria {
        let mut t = Table::new();
        t.insert("id", value(c.id.as_str()));
        t.insert("name", value(c.name.as_str()));
        let direction = match c.direction {
            Direction::Benefit => "benefit",
            Direction::Cost => "cost",
        };
        t.insert("direction", value(direction));
        let mut scale = InlineTable::new();
        scale.insert("min", number(c.scale.0));
        scale.insert("max", number(c.scale.1));
        t.insert("scale", value(scale));
        if !c.description.is_empty() {
            t.insert("description", value(c.description.as_str()));
        }
        if let Some(points) = &c.value_function {
            let mut array = Array::new();
            for &(score, v) in points {
                let mut point = Array::new();
                point.push(number(score));
                point.push(number(v));
                array.push(point);
            }
            t.insert("value_function", value(array));
        }
        criteria.push(t);
    }
    doc.insert("criteria", Item::ArrayOfTables(criteria));

    let mut profiles = Table::new();
    profiles.set_implicit(true);
    for p in &model.profiles {
        let mut t = Table::new();
        t.insert("name", value(p.name.as_str()));
        let mut weights = InlineTable::new();
        for (c, &w) in model.criteria.iter().zip(&p.weights) {
            weights.insert(&c.id, number(w));
        }
        t.insert("weights", value(weights));
        profiles.insert(&p.id, Item::Table(t));
    }
    doc.insert("profiles", Item::Table(profiles));
    doc.to_string()
}

fn options_file(model: &Exchange, origin: &str) -> String {
    let mut doc = DocumentMut::new();
    let mut options = toml_edit::ArrayOfTables::new();
    for (i, o) in model.options.iter().enumerate() {
        let mut t = Table::new();
        if i == 0 {
            t.decor_mut().set_prefix(format!(
                "# The options and their scores, {origin}.\n\
                 # Give each score a `why` and a `source` as you gather the evidence (`tradeoffs check` lists those without).\n\n"
            ));
        }
        t.insert("id", value(o.id.as_str()));
        t.insert("name", value(o.name.as_str()));
        if !o.description.is_empty() {
            t.insert("description", value(o.description.as_str()));
        }
        let mut scores = Table::new();
        for (c, s) in model.criteria.iter().zip(&o.scores) {
            let item = match (s.low, s.high) {
                (None, None) => number(s.value),
                (low, high) => {
                    let mut table = InlineTable::new();
                    table.insert("value", number(s.value));
                    if let Some(low) = low {
                        table.insert("low", number(low));
                    }
                    if let Some(high) = high {
                        table.insert("high", number(high));
                    }
                    toml_edit::Value::InlineTable(table)
                }
            };
            scores.insert(&c.id, value(item));
        }
        t.insert("scores", Item::Table(scores));
        options.push(t);
    }
    doc.insert("options", Item::ArrayOfTables(options));
    doc.to_string()
}

/// A TOML number: an integer where the value is one (so `3` stays `3`), else
/// the shortest float that reads back as the same value.
fn number(x: f64) -> toml_edit::Value {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        // Exact: |x| < 2^53 and integral.
        toml_edit::Value::from(x as i64)
    } else {
        toml_edit::Value::from(x)
    }
}

/// An id made from a name: lower case ASCII letters and digits, other runs of
/// characters as one `_`, e.g. "Cost (US$ m)" → `cost_us_m`. Empty names give
/// `fallback`.
pub fn slug(name: &str, fallback: &str) -> String {
    let mut id = String::new();
    for c in name.trim().chars() {
        if c.is_ascii_alphanumeric() || c == '-' {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('_') && !id.is_empty() {
            id.push('_');
        }
    }
    let id = id.trim_end_matches('_').to_string();
    if id.is_empty() {
        fallback.to_string()
    } else {
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_valid_ids() {
        assert_eq!(slug("Cost (US$ m)", "c1"), "cost_us_m");
        assert_eq!(slug("  Naïve – café ", "c1"), "na_ve_caf");
        assert_eq!(slug("***", "c7"), "c7");
        assert_eq!(slug("already_an-id", "x"), "already_an-id");
    }

    #[test]
    fn numbers_keep_every_digit() {
        assert_eq!(number(3.0).to_string(), "3");
        let third = 1.0 / 3.0;
        let text = number(third).to_string();
        assert_eq!(text.trim().parse::<f64>().ok(), Some(third));
    }
}
