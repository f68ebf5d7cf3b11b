//! The only road from text to a [`Model`]: read both files, check everything,
//! and report every problem at once.
//!
//! ```text
//! text ──read──► mirror types (spans) ──validate──► Model
//!                     │                     │
//!                     └──── diagnostics ◄───┘
//! ```

mod chunks;
pub mod diagnostic;
mod files;
pub mod quotes;
mod raw;
mod read;
mod validate;

use crate::model::Model;

pub use diagnostic::{
    Diagnostic, FileKind, IndexedSources, LineIndex, Location, Severity, SourceText, Sources,
};
pub use files::{DEFAULT_CRITERIA, DEFAULT_OPTIONS, ModelPaths, Origin, read_sources};

/// The outcome of checking both files.
#[derive(Debug)]
pub struct Checked {
    /// The model, when there were no errors (warnings allowed).
    pub model: Option<Model>,
    /// Every problem found, errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The texts the diagnostics point into.
    pub sources: Sources,
}

impl Checked {
    /// The number of errors.
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    /// The number of warnings.
    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// Reads, checks and builds the model from the two files' texts.
///
/// Problems that stop the text being read at all (an unreadable file) are
/// passed in as `early`.
pub fn check(sources: Sources, early: Vec<Diagnostic>) -> Checked {
    check_with(sources, early, &mut ())
}

/// [`check`], showing each entry of the options file to `watch` as it is
/// read, so that a further check needs no second reading of the file.
pub(crate) fn check_with(
    sources: Sources,
    early: Vec<Diagnostic>,
    watch: &mut impl read::OptionWatch,
) -> Checked {
    let mut diagnostics = early;
    let criteria_raw = read::criteria_file(&sources.criteria.text, &mut diagnostics);
    let criteria = validate::criteria(criteria_raw, &mut diagnostics);
    let mut options = validate::OptionsValidator::new(&criteria);
    read::options_file(
        &sources.options.text,
        &mut diagnostics,
        &mut read::Watched(&mut options, watch),
    );
    let options = options.finish(&mut diagnostics);
    if !diagnostics.iter().any(|d| d.severity == Severity::Error) {
        // Only on an otherwise valid model: after an error the scores may be placeholders.
        validate::constant_criteria(&criteria, &options, &mut diagnostics);
    }

    let unreadable: Vec<FileKind> = diagnostics
        .iter()
        .filter(|d| d.code == "unreadable-file" || d.code == "toml-syntax")
        .map(|d| d.file)
        .collect();
    diagnostics.retain(|d| !(unreadable.contains(&d.file) && d.code.starts_with("no-")));
    if unreadable.contains(&FileKind::Criteria) {
        // Without criteria every score would be "unknown"; say only what is wrong.
        diagnostics.retain(|d| {
            !(d.file == FileKind::Options
                && matches!(d.code, "unknown-criterion" | "missing-score"))
        });
    }

    let has_errors = diagnostics.iter().any(|d| d.severity == Severity::Error);
    diagnostics.sort_by_key(|d| (d.file != FileKind::Criteria, d.span.start));
    let model = (!has_errors).then_some(Model {
        title: criteria.title,
        options: options.options,
        criteria: criteria.criteria,
        groups: criteria.groups,
        profiles: criteria.profiles,
        sources: options.sources,
        default_profile: criteria.default_profile,
        scores: options.scores,
        evidence: options.evidence,
    });
    Checked {
        model,
        diagnostics,
        sources,
    }
}

/// Builds a model from two TOML texts, as a library call.
///
/// # Errors
/// Every diagnostic, when the texts hold any error.
///
/// ```
/// let criteria = r#"
/// [[criteria]]
/// id = "cost"
/// direction = "cost"
/// scale = { min = 0, max = 10 }
/// "#;
/// let options = r#"
/// [[options]]
/// id = "a"
/// scores = { cost = 2 }
/// [[options]]
/// id = "b"
/// scores = { cost = 7 }
/// "#;
/// let model = tradeoffs::input::from_texts(options, criteria).unwrap();
/// assert_eq!(model.options.len(), 2);
/// ```
pub fn from_texts(options: &str, criteria: &str) -> Result<Model, Vec<Diagnostic>> {
    let sources = Sources {
        options: SourceText {
            kind: FileKind::Options,
            name: "options.toml".into(),
            text: options.into(),
        },
        criteria: SourceText {
            kind: FileKind::Criteria,
            name: "criteria.toml".into(),
            text: criteria.into(),
        },
    };
    let checked = check(sources, vec![]);
    checked.model.ok_or(checked.diagnostics)
}
