//! Mirror types: the two files as written, every value with its span.
//!
//! Nothing here is checked beyond its TOML type; [`super::validate`] turns these
//! into a [`crate::model::Model`].

use toml_span::{Span, Spanned};

/// A value with the byte span it came from.
pub type Sp<T> = Spanned<T>;

/// An inline table of `id = number` entries, in file order.
pub type NumberMap = Sp<Vec<(Sp<String>, Sp<f64>)>>;

/// A pairwise comparison matrix, row by row.
pub type PairwiseRows = Sp<Vec<Sp<Vec<Sp<f64>>>>>;

/// `criteria.toml`.
#[derive(Debug, Default)]
pub struct CriteriaFile {
    /// `[model] title`.
    pub title: Option<Sp<String>>,
    /// `[model] default_profile`.
    pub default_profile: Option<Sp<String>>,
    /// `[[groups]]`.
    pub groups: Vec<GroupDef>,
    /// `[[criteria]]`.
    pub criteria: Vec<CriterionDef>,
    /// `[profiles.<id>]`, in file order.
    pub profiles: Vec<ProfileDef>,
}

/// One `[[groups]]` entry.
#[derive(Debug)]
pub struct GroupDef {
    /// The table's own span, for problems with the entry as a whole.
    pub span: Span,
    pub id: Option<Sp<String>>,
    pub name: Option<Sp<String>>,
    pub description: Option<Sp<String>>,
}

/// One `[[criteria]]` entry.
#[derive(Debug)]
pub struct CriterionDef {
    pub span: Span,
    pub id: Option<Sp<String>>,
    pub name: Option<Sp<String>>,
    pub group: Option<Sp<String>>,
    pub direction: Option<Sp<String>>,
    pub scale: Option<ScaleDef>,
    pub description: Option<Sp<String>>,
    pub value_function: Option<Sp<Vec<PointDef>>>,
    pub missing: Option<Sp<String>>,
    pub preference: Option<PreferenceDef>,
}

/// `scale = { min, max }`.
#[derive(Debug)]
pub struct ScaleDef {
    pub span: Span,
    /// Whether a key is absent (not merely of the wrong type).
    pub incomplete: bool,
    pub min: Option<Sp<f64>>,
    pub max: Option<Sp<f64>>,
}

/// One `[score, value]` point of a value function.
#[derive(Debug)]
pub struct PointDef {
    pub score: Sp<f64>,
    pub value: Sp<f64>,
}

/// `preference = { kind, q, p, s }`.
#[derive(Debug)]
pub struct PreferenceDef {
    pub span: Span,
    pub kind: Option<Sp<String>>,
    pub q: Option<Sp<f64>>,
    pub p: Option<Sp<f64>>,
    pub s: Option<Sp<f64>>,
}

/// One `[profiles.<id>]` table.
#[derive(Debug)]
pub struct ProfileDef {
    pub span: Span,
    /// The table's key, which is the profile's id.
    pub id: Sp<String>,
    pub name: Option<Sp<String>>,
    pub description: Option<Sp<String>>,
    pub weights: Option<NumberMap>,
    pub group_weights: Option<NumberMap>,
    pub ranking: Option<Sp<Vec<Vec<Sp<String>>>>>,
    pub pairwise: Option<PairwiseRows>,
    pub criteria_order: Option<Sp<Vec<Sp<String>>>>,
    pub bounds: Option<Sp<Vec<BoundDef>>>,
    pub ratios: Option<Sp<Vec<RatioDef>>>,
}

/// `ratios = [["a", ">=", 2, "b"]]`: one entry, `w_a ≥ 2 · w_b`.
#[derive(Debug)]
pub struct RatioDef {
    pub span: Span,
    pub criterion: Sp<String>,
    pub relation: Sp<String>,
    pub factor: Sp<f64>,
    pub other: Sp<String>,
}

/// `bounds = { id = [lo, hi] }`: one entry.
#[derive(Debug)]
pub struct BoundDef {
    pub span: Span,
    pub criterion: Sp<String>,
    pub low: Sp<f64>,
    pub high: Sp<f64>,
}

/// One `[sources.<id>]` table.
#[derive(Debug, Clone)]
pub struct SourceDef {
    pub id: Sp<String>,
    pub title: Option<Sp<String>>,
    pub author: Option<Sp<String>>,
    pub publisher: Option<Sp<String>>,
    pub year: Option<Sp<f64>>,
    pub url: Option<Sp<String>>,
    /// `kind = "document" | "judgment"`.
    pub kind: Option<Sp<String>>,
    /// `text = "path"`: a local copy of the text, relative to options.toml.
    pub text: Option<Sp<String>>,
}

/// One `[[options]]` entry.
#[derive(Debug)]
pub struct OptionDef {
    pub span: Span,
    pub id: Option<Sp<String>>,
    pub name: Option<Sp<String>>,
    pub category: Option<Sp<String>>,
    pub description: Option<Sp<String>>,
    pub scores: Vec<ScoreDef>,
}

/// One entry of `[options.scores]`: a bare number or a table.
#[derive(Debug)]
pub struct ScoreDef {
    /// The whole entry's span (key to end of value).
    pub span: Span,
    pub criterion: Sp<String>,
    pub value: Option<Sp<f64>>,
    pub low: Option<Sp<f64>>,
    pub high: Option<Sp<f64>>,
    pub why: Option<Sp<String>>,
    pub source: Option<Sp<String>>,
    pub distribution: Option<DistributionDef>,
    /// A verbatim passage of the cited source.
    pub quote: Option<Sp<String>>,
}

/// `distribution = { kind, sd, sigma, alpha, beta }` of a score.
#[derive(Debug)]
pub struct DistributionDef {
    pub span: Span,
    pub kind: Option<Sp<String>>,
    pub sd: Option<Sp<f64>>,
    pub sigma: Option<Sp<f64>>,
    pub alpha: Option<Sp<f64>>,
    pub beta: Option<Sp<f64>>,
}
