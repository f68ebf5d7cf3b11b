//! From the mirror types to a [`Model`](crate::model::Model), checking
//! everything once, at the door.
//!
//! Every problem is collected; none stops the others from being found. Ids are
//! resolved to indices here, so nothing downstream looks anything up by name.

mod criteria;
mod evidence;
mod options;
mod profiles;
mod uncertainty;

use std::collections::{HashMap, HashSet};

use toml_span::Span;

use super::diagnostic::{Diagnostic, FileKind, did_you_mean};
use super::raw::Sp;
use crate::model::id::is_valid;

pub use criteria::criteria;
pub(crate) use evidence::MAX_QUOTE_CHARS;
pub use options::{OptionsValidator, constant_criteria};

/// Tolerance of the reciprocal check `a_ij · a_ji = 1` of an AHP matrix.
pub(crate) const RECIPROCAL_TOLERANCE: f64 = 1e-6;

/// Consistency ratio above which an AHP matrix draws a warning (Saaty 1980).
pub(crate) const CONSISTENCY_LIMIT: f64 = 0.1;

/// The smallest and largest nonzero magnitude of a score, scale bound,
/// threshold or pairwise judgment.
///
/// Within these, every quantity the methods form stays finite and normal in
/// `f64` (about 1e±308) for any model that fits in memory: a scale's width
/// (≤ 2e100), squares and their sums for vector normalization (≤ 1e206),
/// reciprocals for cost columns (≤ 1e100), `d²/2s²` of the Gaussian
/// preference, and products of AHP judgments in the eigenvector iteration.
pub(crate) const MAGNITUDE: (f64, f64) = (1e-100, 1e100);

struct Validator<'d> {
    diagnostics: &'d mut Vec<Diagnostic>,
    /// Set while checking a criterion whose scale is unusable, so its scores are not
    /// reported against a placeholder scale.
    broken_scale: bool,
    /// Set while checking a criterion whose group is unknown.
    broken_group: bool,
}

/// A checked id list with the span of each id, for later lookups and messages.
struct Ids {
    ids: Vec<String>,
    spans: Vec<Span>,
    /// The first index of each id, so that a lookup does not scan the list.
    first: HashMap<String, usize>,
}

impl Ids {
    fn new(ids: Vec<String>, spans: Vec<Span>) -> Self {
        let mut first = HashMap::with_capacity(ids.len());
        for (i, id) in ids.iter().enumerate() {
            first.entry(id.clone()).or_insert(i);
        }
        Ids { ids, spans, first }
    }

    fn index(&self, id: &str) -> Option<usize> {
        self.first.get(id).copied()
    }

    fn suggest(&self, id: &str) -> Option<String> {
        did_you_mean(id, self.ids.iter().map(String::as_str))
    }
}

impl Validator<'_> {
    fn error(
        &mut self,
        code: &'static str,
        file: FileKind,
        span: Span,
        message: String,
    ) -> &mut Diagnostic {
        self.diagnostics
            .push(Diagnostic::error(code, file, span, message));
        self.diagnostics.last_mut().expect("just pushed")
    }

    fn warning(
        &mut self,
        code: &'static str,
        file: FileKind,
        span: Span,
        message: String,
    ) -> &mut Diagnostic {
        self.diagnostics
            .push(Diagnostic::warning(code, file, span, message));
        self.diagnostics.last_mut().expect("just pushed")
    }

    /// Checks the ids of a list of entries: present, well-formed, unique.
    fn ids(&mut self, file: FileKind, what: &str, entries: &[(Option<&Sp<String>>, Span)]) -> Ids {
        let (mut ids, mut spans) = (vec![], vec![]);
        let mut seen: HashSet<String> = HashSet::new();
        for (id, entry_span) in entries {
            let (id, span) = self.id(file, what, *id, *entry_span, &mut seen);
            ids.push(id);
            spans.push(span);
        }
        Ids::new(ids, spans)
    }

    /// Checks the id of one entry: present, well-formed, not in `seen`, to which
    /// it is added. Returns the id (empty when absent) and its span.
    fn id(
        &mut self,
        file: FileKind,
        what: &str,
        id: Option<&Sp<String>>,
        entry_span: Span,
        seen: &mut HashSet<String>,
    ) -> (String, Span) {
        let Some(id) = id else {
            let d = self.error(
                "missing-field",
                file,
                entry_span,
                format!("{what} has no `id`"),
            );
            d.label = "no id".into();
            d.help = Some("add id = \"...\" (lower case letters, digits, _ and -)".into());
            return (String::new(), entry_span);
        };
        if !is_valid(&id.value) {
            let d = self.error(
                "invalid-id",
                file,
                id.span,
                format!("`{}` is not a valid id", id.value),
            );
            d.label = "not of [a-z0-9_-]+".into();
            d.help = Some(format!(
                "use lower case letters, digits, _ and -, e.g. `{}`",
                suggest_id(&id.value)
            ));
        } else if seen.contains(&id.value) {
            let d = self.error(
                "duplicate-id",
                file,
                id.span,
                format!("{what} `{}` is defined twice", id.value),
            );
            d.label = "second definition".into();
            d.help = Some("ids must be unique; rename or remove one of them".into());
        } else {
            seen.insert(id.value.clone());
        }
        (id.value.clone(), id.span)
    }

    /// Checks that `x` is 0 or of a magnitude within [`MAGNITUDE`]; reports it otherwise.
    fn in_range(&mut self, file: FileKind, x: &Sp<f64>, what: &str) -> bool {
        let (small, large) = MAGNITUDE;
        let magnitude = x.value.abs();
        if x.value == 0.0 || (small..=large).contains(&magnitude) {
            return true;
        }
        let d = self.error(
            "number-out-of-range",
            file,
            x.span,
            format!(
                "{what} {:e} is too {} for exact arithmetic: nonzero numbers here must lie within ±{small:e}..={large:e}",
                x.value,
                if magnitude > large { "large" } else { "small" }
            ),
        );
        d.label = if magnitude > large {
            format!("larger than {large:e}")
        } else {
            format!("nonzero but smaller than {small:e}")
        };
        d.help = Some("rescale the criterion (e.g. to thousands or millions), or write 0".into());
        false
    }

    fn unknown(
        &mut self,
        code: &'static str,
        file: FileKind,
        what: &str,
        id: &Sp<String>,
        known: &Ids,
    ) {
        let help = known
            .suggest(&id.value)
            .or_else(|| (!known.ids.is_empty()).then(|| format!("known: {}", preview(&known.ids))));
        let d = self.error(
            code,
            file,
            id.span,
            format!("unknown {what} `{}`", id.value),
        );
        d.label = format!("no {what} has this id");
        d.help = help;
    }
}

fn preview(ids: &[String]) -> String {
    let shown: Vec<&str> = ids.iter().take(8).map(String::as_str).collect();
    if ids.len() > shown.len() {
        format!("{}, … ({} in all)", shown.join(", "), ids.len())
    } else {
        shown.join(", ")
    }
}

fn suggest_id(id: &str) -> String {
    let cleaned: String = id
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if cleaned.is_empty() {
        "my_id".into()
    } else {
        cleaned
    }
}

fn text(value: &Option<Sp<String>>) -> Option<String> {
    value.as_ref().map(|v| v.value.clone())
}
