use serde::Serialize;

use crate::model::{Direction, Model};
use crate::render::{Document, Table, View};

/// The ids and names of one kind of thing in a model, for finding what to
/// type on the command line.
#[derive(Debug, Clone, Serialize)]
pub struct Listing {
    /// `options`, `criteria` or `profiles`.
    pub kind: &'static str,
    /// One entry per item, in file order.
    pub items: Vec<ListItem>,
}

/// One listed item.
#[derive(Debug, Clone, Serialize)]
pub struct ListItem {
    /// The id to type.
    pub id: String,
    /// The name people read.
    pub name: String,
    /// A short detail: an option's category, a criterion's group and
    /// direction, a profile's form.
    pub detail: String,
}

impl Listing {
    /// The options of a model.
    pub fn options(model: &Model) -> Self {
        Listing {
            kind: "options",
            items: model
                .options
                .iter()
                .map(|o| ListItem {
                    id: o.id.to_string(),
                    name: o.name.clone(),
                    detail: o.category.clone(),
                })
                .collect(),
        }
    }

    /// The criteria of a model, with group and direction.
    pub fn criteria(model: &Model) -> Self {
        Listing {
            kind: "criteria",
            items: model
                .criteria
                .iter()
                .map(|c| {
                    let direction = match c.direction {
                        Direction::Benefit => "more is better",
                        Direction::Cost => "less is better",
                    };
                    let detail = match c.group {
                        Some(g) => format!("{}; {direction}", model.groups[g].name),
                        None => direction.to_string(),
                    };
                    ListItem {
                        id: c.id.to_string(),
                        name: c.name.clone(),
                        detail,
                    }
                })
                .collect(),
        }
    }

    /// The stakeholder profiles of a model.
    pub fn profiles(model: &Model) -> Self {
        Listing {
            kind: "profiles",
            items: model
                .profiles
                .iter()
                .enumerate()
                .map(|(i, p)| ListItem {
                    id: p.id.to_string(),
                    name: p.name.clone(),
                    detail: if model.default_profile == Some(i) {
                        format!("{} (the default)", p.form.name())
                    } else {
                        p.form.name().to_string()
                    },
                })
                .collect(),
        }
    }
}

impl View for Listing {
    fn document(&self) -> Document {
        let mut doc = Document::new();
        let detail = match self.kind {
            "options" => "Category",
            "criteria" => "Group and direction",
            _ => "Form",
        };
        let mut table = Table::new(&[("Id", false), ("Name", false), (detail, false)]);
        for item in &self.items {
            table.row(vec![
                item.id.clone(),
                item.name.clone(),
                item.detail.clone(),
            ]);
        }
        doc.heading(format!("{} {}", self.items.len(), self.kind));
        doc.table(table);
        let mut data = Table::data(self.kind, &["id", "name", "detail"]);
        for item in &self.items {
            data.row(vec![
                item.id.clone(),
                item.name.clone(),
                item.detail.clone(),
            ]);
        }
        doc.data(data);
        doc
    }
}
