use indexmap::IndexMap;
use serde::Serialize;

use crate::input::{Checked, Location, Severity};
use crate::render::{Document, Table, View};

/// One diagnostic, flattened for output.
#[derive(Debug, Clone, Serialize)]
pub struct CheckItem {
    /// Error or warning.
    pub severity: Severity,
    /// Stable code.
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
    /// Where.
    #[serde(flatten)]
    pub location: Location,
    /// What to write instead.
    pub help: Option<String>,
    /// The diagnostic with the source line and caret; only for the first
    /// [`SHOWN_PER_CODE`] of each code, the rest are counted.
    #[serde(skip)]
    pub rendered: Option<String>,
}

/// How many problems of one code are shown in full (with the source line) in
/// the text formats; past that, they are counted. JSON and CSV list them all.
pub const SHOWN_PER_CODE: usize = 10;

/// The result of `check`.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    /// Errors found.
    pub errors: usize,
    /// Warnings found.
    pub warnings: usize,
    /// Whether warnings fail the check.
    pub strict: bool,
    /// Whether the check passes.
    pub ok: bool,
    /// Every problem.
    pub diagnostics: Vec<CheckItem>,
    /// Problems not shown in full in the text formats, by severity and code,
    /// in order of first appearance.
    #[serde(skip)]
    pub not_shown: IndexMap<(Severity, &'static str), usize>,
    /// What else the check found worth saying, such as how many quotes it verified.
    pub notes: Vec<String>,
}

impl CheckReport {
    /// The report of a check; `strict` makes warnings fail.
    pub fn new(checked: &Checked, strict: bool) -> Self {
        Self::new_styled(checked, strict, false)
    }

    /// The report, its diagnostics rendered in colour when `styled`.
    pub fn new_styled(checked: &Checked, strict: bool, styled: bool) -> Self {
        let sources = checked.sources.indexed().styled(styled);
        let mut seen: IndexMap<(Severity, &'static str), usize> = IndexMap::new();
        let diagnostics = checked
            .diagnostics
            .iter()
            .map(|d| {
                let count = seen.entry((d.severity, d.code)).or_default();
                *count += 1;
                CheckItem {
                    severity: d.severity,
                    code: d.code,
                    message: d.message.clone(),
                    location: sources.location(d),
                    help: d.help.clone(),
                    rendered: (*count <= SHOWN_PER_CODE).then(|| sources.render(d)),
                }
            })
            .collect();
        let not_shown = seen
            .into_iter()
            .filter(|(_, n)| *n > SHOWN_PER_CODE)
            .map(|(key, n)| (key, n - SHOWN_PER_CODE))
            .collect();
        let (errors, warnings) = (checked.errors(), checked.warnings());
        CheckReport {
            errors,
            warnings,
            strict,
            ok: errors == 0 && !(strict && warnings > 0),
            diagnostics,
            not_shown,
            notes: vec![],
        }
    }

    /// The report with these notes, shown before the summary.
    pub fn with_notes(mut self, notes: Vec<String>) -> Self {
        self.notes = notes;
        self
    }

    /// The one-line summary.
    pub fn summary(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let verdict = if self.ok {
            "the model is valid"
        } else if self.errors == 0 {
            "failed: warnings count as errors under --strict"
        } else {
            "the model cannot be used until the errors are fixed"
        };
        format!(
            "{}, {}: {verdict}",
            plural(self.errors, "error"),
            plural(self.warnings, "warning")
        )
    }
}

impl View for CheckReport {
    fn document(&self) -> Document {
        let mut doc = Document::new();
        let mut data = Table::data(
            "problems",
            &[
                "severity", "code", "file", "line", "column", "message", "help",
            ],
        );
        for item in &self.diagnostics {
            if let Some(rendered) = &item.rendered {
                doc.preformatted(rendered.clone());
            }
            data.row(vec![
                format!("{:?}", item.severity).to_lowercase(),
                item.code.to_string(),
                item.location.file.clone(),
                item.location.line.to_string(),
                item.location.column.to_string(),
                item.message.clone(),
                item.help.clone().unwrap_or_default(),
            ]);
        }
        doc.data(data);
        for ((severity, code), n) in &self.not_shown {
            let kind = match severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            doc.paragraph(format!(
                "… and {n} more {kind}{} [{code}] not shown (the first {SHOWN_PER_CODE} are above; \
                 `--format csv` or `--format json` lists every one)",
                if *n == 1 { "" } else { "s" }
            ));
        }
        for note in &self.notes {
            doc.paragraph(format!("note: {note}"));
        }
        doc.paragraph(self.summary());
        doc
    }
}
