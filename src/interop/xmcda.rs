//! XMCDA 4.0.0, the Decision Deck data standard for MCDA programs.
//!
//! Written and read: `alternatives` (the options), `criteria`, the
//! `performanceTable` (point scores), `criteriaScales` (each criterion's
//! quantitative scale with its `preferenceDirection`, min or max),
//! `criteriaFunctions` (piecewise-linear value functions, where a criterion has
//! one) and one `criteriaValues` per profile with `mcdaConcept="weights"`,
//! holding the weights the profile yields. Other elements of a file being read
//! are ignored. Score ranges have no place in the standard's performance table
//! and are not written. Reference: Bigaret & Meyer, *XMCDA 4.0.0 schema*,
//! Decision Deck Consortium (2021).

use serde::{Deserialize, Serialize};

use super::{Exchange, ExchangeCriterion, ExchangeOption, ExchangeProfile, ExchangeScore};
use crate::model::Direction;

/// The XMCDA 4.0.0 namespace.
pub const NAMESPACE: &str = "http://www.decision-deck.org/2021/XMCDA-4.0.0";

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename = "xmcda")]
struct Root {
    #[serde(rename = "@xmlns", default)]
    xmlns: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    alternatives: Option<Alternatives>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    criteria: Option<Criteria>,
    #[serde(rename = "performanceTable", default)]
    performance_tables: Vec<PerformanceTable>,
    #[serde(rename = "criteriaFunctions", default)]
    criteria_functions: Vec<CriteriaFunctions>,
    #[serde(rename = "criteriaScales", default)]
    criteria_scales: Vec<CriteriaScales>,
    #[serde(rename = "criteriaValues", default)]
    criteria_values: Vec<CriteriaValues>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Description {
    #[serde(default)]
    comment: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct Alternatives {
    #[serde(rename = "alternative", default)]
    items: Vec<Named>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Criteria {
    #[serde(rename = "criterion", default)]
    items: Vec<Named>,
}

/// An alternative or a criterion: an id, a name and an optional description.
#[derive(Debug, Serialize, Deserialize)]
struct Named {
    #[serde(rename = "@id")]
    id: String,
    #[serde(rename = "@name", default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<Description>,
}

#[derive(Debug, Serialize, Deserialize)]
struct PerformanceTable {
    #[serde(rename = "alternativePerformances", default)]
    rows: Vec<AlternativePerformances>,
}

#[derive(Debug, Serialize, Deserialize)]
struct AlternativePerformances {
    #[serde(rename = "alternativeID")]
    alternative: String,
    #[serde(rename = "performance", default)]
    cells: Vec<Performance>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Performance {
    #[serde(rename = "criterionID")]
    criterion: String,
    values: Values,
}

#[derive(Debug, Serialize, Deserialize)]
struct Values {
    #[serde(rename = "value", default)]
    items: Vec<Value>,
}

/// One `value`: a number as `real` or `integer` (other kinds are read as absent).
#[derive(Debug, Default, Serialize, Deserialize)]
struct Value {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    integer: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    real: Option<f64>,
}

impl Value {
    fn real(x: f64) -> Self {
        Value {
            integer: None,
            real: Some(x),
        }
    }

    fn number(&self) -> Option<f64> {
        self.real.or(self.integer.map(|i| i as f64))
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct CriteriaScales {
    #[serde(rename = "criterionScales", default)]
    items: Vec<CriterionScales>,
}

#[derive(Debug, Serialize, Deserialize)]
struct CriterionScales {
    #[serde(rename = "criterionID")]
    criterion: String,
    scales: Scales,
}

#[derive(Debug, Serialize, Deserialize)]
struct Scales {
    #[serde(rename = "scale", default)]
    items: Vec<Scale>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Scale {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    quantitative: Option<Quantitative>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Quantitative {
    #[serde(rename = "preferenceDirection", default)]
    direction: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    minimum: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    maximum: Option<Value>,
}

#[derive(Debug, Serialize, Deserialize)]
struct CriteriaFunctions {
    #[serde(rename = "criterionFunctions", default)]
    items: Vec<CriterionFunctions>,
}

#[derive(Debug, Serialize, Deserialize)]
struct CriterionFunctions {
    #[serde(rename = "criterionID")]
    criterion: String,
    functions: Functions,
}

#[derive(Debug, Serialize, Deserialize)]
struct Functions {
    #[serde(rename = "function", default)]
    items: Vec<Function>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Function {
    #[serde(
        rename = "piecewiseLinear",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    piecewise_linear: Option<PiecewiseLinear>,
}

#[derive(Debug, Serialize, Deserialize)]
struct PiecewiseLinear {
    #[serde(rename = "segment", default)]
    segments: Vec<Segment>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Segment {
    head: Point,
    tail: Point,
}

#[derive(Debug, Serialize, Deserialize)]
struct Point {
    abscissa: Value,
    ordinate: Value,
}

#[derive(Debug, Serialize, Deserialize)]
struct CriteriaValues {
    #[serde(rename = "@id", default, skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(rename = "@name", default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(
        rename = "@mcdaConcept",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    concept: Option<String>,
    #[serde(rename = "criterionValues", default)]
    items: Vec<CriterionValues>,
}

#[derive(Debug, Serialize, Deserialize)]
struct CriterionValues {
    #[serde(rename = "criterionID")]
    criterion: String,
    values: Values,
}

fn described(text: &str) -> Option<Description> {
    (!text.is_empty()).then(|| Description {
        comment: text.to_string(),
    })
}

fn values(x: f64) -> Values {
    Values {
        items: vec![Value::real(x)],
    }
}

/// The model as an XMCDA 4.0.0 document.
pub fn write(model: &Exchange) -> String {
    let root = Root {
        xmlns: NAMESPACE.to_string(),
        alternatives: Some(Alternatives {
            items: model
                .options
                .iter()
                .map(|o| Named {
                    id: o.id.clone(),
                    name: Some(o.name.clone()),
                    description: described(&o.description),
                })
                .collect(),
        }),
        criteria: Some(Criteria {
            items: model
                .criteria
                .iter()
                .map(|c| Named {
                    id: c.id.clone(),
                    name: Some(c.name.clone()),
                    description: described(&c.description),
                })
                .collect(),
        }),
        performance_tables: vec![PerformanceTable {
            rows: model
                .options
                .iter()
                .map(|o| AlternativePerformances {
                    alternative: o.id.clone(),
                    cells: model
                        .criteria
                        .iter()
                        .zip(&o.scores)
                        .map(|(c, s)| Performance {
                            criterion: c.id.clone(),
                            values: values(s.value),
                        })
                        .collect(),
                })
                .collect(),
        }],
        criteria_functions: functions(model),
        criteria_scales: vec![CriteriaScales {
            items: model
                .criteria
                .iter()
                .map(|c| CriterionScales {
                    criterion: c.id.clone(),
                    scales: Scales {
                        items: vec![Scale {
                            quantitative: Some(Quantitative {
                                direction: Some(
                                    match c.direction {
                                        Direction::Benefit => "max",
                                        Direction::Cost => "min",
                                    }
                                    .to_string(),
                                ),
                                minimum: Some(Value::real(c.scale.0)),
                                maximum: Some(Value::real(c.scale.1)),
                            }),
                        }],
                    },
                })
                .collect(),
        }],
        criteria_values: model
            .profiles
            .iter()
            .map(|p| CriteriaValues {
                id: Some(p.id.clone()),
                name: Some(p.name.clone()),
                concept: Some("weights".into()),
                items: model
                    .criteria
                    .iter()
                    .zip(&p.weights)
                    .map(|(c, &w)| CriterionValues {
                        criterion: c.id.clone(),
                        values: values(w),
                    })
                    .collect(),
            })
            .collect(),
    };
    let mut body = String::new();
    let mut serializer = quick_xml::se::Serializer::new(&mut body);
    serializer.indent(' ', 2);
    // Serializing plain structs into a String has no failure mode but a bug.
    if let Err(e) = root.serialize(serializer) {
        return format!("<!-- {e} -->\n");
    }
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{body}\n")
}

fn functions(model: &Exchange) -> Vec<CriteriaFunctions> {
    let items: Vec<CriterionFunctions> = model
        .criteria
        .iter()
        .filter_map(|c| {
            let points = c.value_function.as_ref()?;
            let point = |&(x, y): &(f64, f64)| Point {
                abscissa: Value::real(x),
                ordinate: Value::real(y),
            };
            Some(CriterionFunctions {
                criterion: c.id.clone(),
                functions: Functions {
                    items: vec![Function {
                        piecewise_linear: Some(PiecewiseLinear {
                            segments: points
                                .windows(2)
                                .map(|w| Segment {
                                    head: point(&w[0]),
                                    tail: point(&w[1]),
                                })
                                .collect(),
                        }),
                    }],
                },
            })
        })
        .collect();
    if items.is_empty() {
        vec![]
    } else {
        vec![CriteriaFunctions { items }]
    }
}

/// Reads an XMCDA document (4.0.0, or 3.x with the same elements) into a model.
///
/// A criterion with no quantitative scale in the file gets the range of its
/// scores as its scale and `max` as its direction; a profile is every
/// `criteriaValues` element whose `mcdaConcept` is absent or mentions weights.
///
/// # Errors
/// Every problem found: XML that is not well formed, ids that do not resolve,
/// missing or non-numeric performances.
pub fn read(text: &str, title: &str) -> Result<Exchange, Vec<String>> {
    let root: Root = quick_xml::de::from_str(text).map_err(|e| {
        vec![format!(
            "not an XMCDA document this reader understands: {e}"
        )]
    })?;
    let mut problems = vec![];
    let named = |n: &Named| n.name.clone().unwrap_or_else(|| n.id.clone());
    let comment = |n: &Named| n.description.as_ref().map(|d| d.comment.clone());
    let mut criteria: Vec<ExchangeCriterion> = root
        .criteria
        .as_ref()
        .map(|c| c.items.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|c| ExchangeCriterion {
            id: c.id.clone(),
            name: named(c),
            description: comment(c).unwrap_or_default(),
            direction: Direction::Benefit,
            scale: (f64::NAN, f64::NAN),
            value_function: None,
        })
        .collect();
    let index = |criteria: &[ExchangeCriterion], id: &str| criteria.iter().position(|c| c.id == id);
    let mut options: Vec<ExchangeOption> = root
        .alternatives
        .as_ref()
        .map(|a| a.items.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|a| ExchangeOption {
            id: a.id.clone(),
            name: named(a),
            description: comment(a).unwrap_or_default(),
            scores: vec![
                ExchangeScore {
                    value: f64::NAN,
                    low: None,
                    high: None
                };
                criteria.len()
            ],
        })
        .collect();
    if criteria.is_empty() {
        problems.push("no <criteria> with at least one <criterion>".into());
    }
    if options.is_empty() {
        problems.push("no <alternatives> with at least one <alternative>".into());
    }

    for row in root.performance_tables.iter().flat_map(|t| &t.rows) {
        let Some(i) = options.iter().position(|o| o.id == row.alternative) else {
            problems.push(format!(
                "<performanceTable> names the alternative `{}`, which <alternatives> does not list",
                row.alternative
            ));
            continue;
        };
        for cell in &row.cells {
            let Some(j) = index(&criteria, &cell.criterion) else {
                problems.push(format!(
                    "<performanceTable> names the criterion `{}`, which <criteria> does not list",
                    cell.criterion
                ));
                continue;
            };
            match cell.values.items.first().and_then(Value::number) {
                Some(x) if x.is_finite() => options[i].scores[j].value = x,
                _ => problems.push(format!(
                    "the performance of `{}` on `{}` is not a finite real or integer",
                    row.alternative, cell.criterion
                )),
            }
        }
    }
    for (o, c) in options
        .iter()
        .flat_map(|o| criteria.iter().enumerate().map(move |c| (o, c)))
    {
        if o.scores[c.0].value.is_nan() {
            problems.push(format!(
                "no performance of `{}` on `{}` in <performanceTable>",
                o.id, c.1.id
            ));
        }
    }

    for item in root.criteria_scales.iter().flat_map(|s| &s.items) {
        let Some(j) = index(&criteria, &item.criterion) else {
            problems.push(format!(
                "<criteriaScales> names the criterion `{}`, which <criteria> does not list",
                item.criterion
            ));
            continue;
        };
        let Some(q) = item
            .scales
            .items
            .iter()
            .find_map(|s| s.quantitative.as_ref())
        else {
            continue;
        };
        match q.direction.as_deref() {
            Some("min") => criteria[j].direction = Direction::Cost,
            Some("max") | None => criteria[j].direction = Direction::Benefit,
            Some(other) => problems.push(format!(
                "the preferenceDirection of `{}` is `{other}`; expected min or max",
                item.criterion
            )),
        }
        let min = q.minimum.as_ref().and_then(Value::number);
        let max = q.maximum.as_ref().and_then(Value::number);
        criteria[j].scale = (min.unwrap_or(f64::NAN), max.unwrap_or(f64::NAN));
    }
    for (j, c) in criteria.iter_mut().enumerate() {
        // Scale ends the file does not give come from the scores.
        let scores = options
            .iter()
            .map(|o| o.scores[j].value)
            .filter(|x| x.is_finite());
        let (lo, hi) = scores.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| {
            (lo.min(x), hi.max(x))
        });
        if c.scale.0.is_nan() {
            c.scale.0 = lo;
        }
        if c.scale.1.is_nan() {
            c.scale.1 = hi;
        }
        if c.scale.0 >= c.scale.1 && c.scale.0.is_finite() {
            c.scale = (c.scale.0 - 1.0, c.scale.0 + 1.0);
        }
    }

    for item in root.criteria_functions.iter().flat_map(|f| &f.items) {
        let Some(j) = index(&criteria, &item.criterion) else {
            continue;
        };
        let Some(pl) = item
            .functions
            .items
            .iter()
            .find_map(|f| f.piecewise_linear.as_ref())
        else {
            continue;
        };
        let mut points: Vec<(f64, f64)> = vec![];
        for segment in &pl.segments {
            for p in [&segment.head, &segment.tail] {
                if let (Some(x), Some(y)) = (p.abscissa.number(), p.ordinate.number()) {
                    if points.last().is_none_or(|&(last, _)| x > last) {
                        points.push((x, y));
                    }
                }
            }
        }
        if points.len() >= 2 {
            criteria[j].value_function = Some(points);
        }
    }

    let mut profiles = vec![];
    for (k, set) in root.criteria_values.iter().enumerate() {
        let weights_concept = set
            .concept
            .as_deref()
            .is_none_or(|c| c.to_ascii_lowercase().contains("weight"));
        if !weights_concept {
            continue;
        }
        let mut weights = vec![0.0; criteria.len()];
        for item in &set.items {
            match (
                index(&criteria, &item.criterion),
                item.values.items.first().and_then(Value::number),
            ) {
                (Some(j), Some(w)) if w.is_finite() && w >= 0.0 => weights[j] = w,
                (None, _) => problems.push(format!(
                    "<criteriaValues> names the criterion `{}`, which <criteria> does not list",
                    item.criterion
                )),
                _ => problems.push(format!(
                    "the weight of `{}` is not a non-negative number",
                    item.criterion
                )),
            }
        }
        let id = set
            .id
            .clone()
            .unwrap_or_else(|| format!("weights_{}", k + 1));
        profiles.push(ExchangeProfile {
            name: set.name.clone().unwrap_or_else(|| id.clone()),
            id,
            weights,
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Exchange {
        title: title.to_string(),
        default_profile: profiles.first().map(|p| p.id.clone()),
        criteria,
        options,
        profiles,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Exchange {
        Exchange {
            title: "t".into(),
            criteria: vec![
                ExchangeCriterion {
                    id: "cost".into(),
                    name: "Cost & risk".into(),
                    description: "Money <spent>".into(),
                    direction: Direction::Cost,
                    scale: (0.0, 10.0),
                    value_function: None,
                },
                ExchangeCriterion {
                    id: "reach".into(),
                    name: "Reach".into(),
                    description: String::new(),
                    direction: Direction::Benefit,
                    scale: (0.0, 100.0),
                    value_function: Some(vec![(0.0, 0.0), (50.0, 0.8), (100.0, 1.0)]),
                },
            ],
            options: vec![ExchangeOption {
                id: "a".into(),
                name: "Option \"A\"".into(),
                description: String::new(),
                scores: vec![
                    ExchangeScore {
                        value: 0.1,
                        low: None,
                        high: None,
                    },
                    ExchangeScore {
                        value: 1.0 / 3.0,
                        low: None,
                        high: None,
                    },
                ],
            }],
            profiles: vec![ExchangeProfile {
                id: "p".into(),
                name: "P".into(),
                weights: vec![0.25, 0.75],
            }],
            default_profile: Some("p".into()),
        }
    }

    #[test]
    fn a_written_document_reads_back_the_same() {
        let model = sample();
        let text = write(&model);
        assert!(text.contains(NAMESPACE), "{text}");
        assert!(text.contains("<preferenceDirection>min</preferenceDirection>"));
        let back = read(&text, "t").expect("reads");
        assert_eq!(back, model);
    }

    #[test]
    fn unknown_ids_are_reported_together() {
        let text = write(&sample())
            .replace("<alternativeID>a</alternativeID>", "<alternativeID>zz</alternativeID>")
            .replace(
                "<criterionID>reach</criterionID>\n      <values>\n        <value>\n          <real>0.75",
                "<criterionID>qq</criterionID>\n      <values>\n        <value>\n          <real>0.75",
            );
        let problems = read(&text, "t").expect_err("invalid");
        assert!(problems.iter().any(|p| p.contains("`zz`")), "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("`qq`")), "{problems:?}");
    }
}
