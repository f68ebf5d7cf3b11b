//! Policy options, their evidence, and the sources it cites.

use super::id::{OptionId, SourceId};

/// One policy option.
#[derive(Debug, Clone)]
pub struct PolicyOption {
    /// Unique id.
    pub id: OptionId,
    /// Human-readable name.
    pub name: String,
    /// A free-text category, e.g. "heroin supply".
    pub category: String,
    /// What the option is.
    pub description: String,
}

/// What stands behind one score: its uncertainty range and its provenance,
/// read through [`EvidenceDetails`] (to which it dereferences).
///
/// Most scores of a large model carry nothing of the kind, so a score
/// without evidence costs one pointer, not the whole record.
#[derive(Clone, Default)]
pub struct Evidence(Option<Box<EvidenceDetails>>);

/// What a score without evidence reads as.
static NO_EVIDENCE: EvidenceDetails = EvidenceDetails {
    low: None,
    high: None,
    why: None,
    source: None,
    quote: None,
    imputed: false,
    distribution: None,
};

impl Evidence {
    /// The evidence `details` describe.
    pub fn new(details: EvidenceDetails) -> Self {
        if details == NO_EVIDENCE {
            Evidence(None)
        } else {
            Evidence(Some(Box::new(details)))
        }
    }
}

impl std::ops::Deref for Evidence {
    type Target = EvidenceDetails;
    fn deref(&self) -> &EvidenceDetails {
        self.0.as_deref().unwrap_or(&NO_EVIDENCE)
    }
}

impl std::ops::DerefMut for Evidence {
    fn deref_mut(&mut self) -> &mut EvidenceDetails {
        self.0.get_or_insert_with(Box::default)
    }
}

impl PartialEq for Evidence {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl std::fmt::Debug for Evidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

/// The fields of one score's [`Evidence`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EvidenceDetails {
    /// The lower end of the plausible range, if given.
    pub low: Option<f64>,
    /// The upper end of the plausible range, if given.
    pub high: Option<f64>,
    /// The one-line reason for the score.
    pub why: Option<String>,
    /// The citation: a source id, then e.g. a section.
    pub source: Option<String>,
    /// A verbatim passage of the cited source that supports the score.
    pub quote: Option<String>,
    /// Whether the score was missing and filled in by the criterion's policy.
    pub imputed: bool,
    /// How Monte Carlo runs draw the score; `None` is triangular on (low, value, high).
    pub distribution: Option<ScoreDistribution>,
}

/// The distribution a Monte Carlo run draws a score from; draws outside the
/// criterion's scale are clamped to it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ScoreDistribution {
    /// Uniform on `[low, high]`.
    Uniform,
    /// Normal with mean `value` and standard deviation `sd`.
    Normal {
        /// Standard deviation, > 0.
        sd: f64,
    },
    /// Log-normal with median `value`: `ln x` is normal with mean `ln value`, sd `sigma`.
    LogNormal {
        /// Standard deviation of `ln x`, > 0.
        sigma: f64,
    },
    /// `low + (high − low) · Beta(alpha, beta)`, on `[0, 1]` without `low`/`high`.
    Beta {
        /// First shape parameter, > 0.
        alpha: f64,
        /// Second shape parameter, > 0.
        beta: f64,
    },
}

/// A document the scores cite.
#[derive(Debug, Clone)]
pub struct Source {
    /// The citation id.
    pub id: SourceId,
    /// Title.
    pub title: String,
    /// Author(s).
    pub author: Option<String>,
    /// Publisher.
    pub publisher: Option<String>,
    /// Year of publication.
    pub year: Option<i64>,
    /// Where to find it.
    pub url: Option<String>,
    /// A document to quote from, or the analyst's own judgment.
    pub kind: SourceKind,
    /// A local copy of the text, as written (relative to options.toml).
    pub text: Option<String>,
}

/// What a source is: a text that scores quote, or the analyst's judgment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SourceKind {
    /// A paper, report or other text (`kind = "document"`, the default).
    #[default]
    Document,
    /// The analyst's own judgment (`kind = "judgment"`): nothing to quote, so
    /// every score citing it carries a range.
    Judgment,
}
