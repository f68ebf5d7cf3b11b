//! Problems found in the input files, each pointing at its place in the text.
//!
//! A [`Diagnostic`] carries its location as data (file, byte span) and a stable
//! kebab-case [`code`](Diagnostic::code), so tests and scripts can match on it.
//! Rendering turns it into a caret-under-the-source message.

use std::fmt;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Printed, but fails the run only under `--strict`.
    Warning,
    /// The model cannot be used.
    Error,
}

/// Which of the two input files a diagnostic points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileKind {
    /// `options.toml`: the options, their scores and the sources.
    Options,
    /// `criteria.toml`: the value tree and the profiles.
    Criteria,
}

/// One problem in the input, located in its file.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Stable kebab-case identifier, e.g. `unknown-criterion`.
    pub code: &'static str,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The file the span points into.
    pub file: FileKind,
    /// Byte range in the file's text; empty when the problem is with the file as a whole.
    pub span: Range<usize>,
    /// A short note under the caret.
    pub label: String,
    /// What to write instead, when we can tell.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A new error at `span` of `file`.
    pub fn error(
        code: &'static str,
        file: FileKind,
        span: impl Into<Range<usize>>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            file,
            span: span.into(),
            label: String::new(),
            help: None,
        }
    }

    /// A new warning at `span` of `file`.
    pub fn warning(
        code: &'static str,
        file: FileKind,
        span: impl Into<Range<usize>>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, file, span, message)
        }
    }

    /// Sets the note shown under the caret.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// Sets the help line.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the help line when there is one.
    pub fn maybe_help(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    /// Whether this problem fails the run (always for errors, for warnings under `--strict`).
    pub fn fails(&self, strict: bool) -> bool {
        self.severity == Severity::Error || strict
    }
}

/// The text of one input file, as read, with the name to show for it.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// Which file this is.
    pub kind: FileKind,
    /// The path as the user gave it, or `<default>/options.toml` for the embedded model.
    pub name: String,
    /// The whole text.
    pub text: String,
}

impl SourceText {
    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The two input files, for rendering diagnostics against.
#[derive(Debug, Clone)]
pub struct Sources {
    /// `options.toml`.
    pub options: SourceText,
    /// `criteria.toml`.
    pub criteria: SourceText,
}

impl Sources {
    /// The text a diagnostic points into.
    pub fn get(&self, kind: FileKind) -> &SourceText {
        match kind {
            FileKind::Options => &self.options,
            FileKind::Criteria => &self.criteria,
        }
    }

    /// `path:line:column` of a diagnostic.
    pub fn location(&self, diagnostic: &Diagnostic) -> Location {
        let source = self.get(diagnostic.file);
        let (line, column) = source.line_column(diagnostic.span.start);
        Location {
            file: source.name.clone(),
            line,
            column,
        }
    }

    /// Renders a diagnostic with the offending line and a caret under the span.
    pub fn render(&self, diagnostic: &Diagnostic) -> String {
        let source = self.get(diagnostic.file);
        let level = match diagnostic.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let location = self.location(diagnostic);
        let title = level
            .primary_title(diagnostic.message.as_str())
            .id(diagnostic.code);
        let mut group = if source.text.is_empty() || diagnostic.span.is_empty() {
            Group::with_title(title).element(Level::NOTE.message(format!("in {location}")))
        } else {
            let end = floor_char_boundary(&source.text, diagnostic.span.end.min(source.text.len()));
            let start = floor_char_boundary(&source.text, diagnostic.span.start.min(end));
            Group::with_title(title).element(
                Snippet::source(source.text.as_str())
                    .path(source.name.as_str())
                    .fold(true)
                    .annotation(
                        AnnotationKind::Primary
                            .span(start..end)
                            .label(diagnostic.label.as_str()),
                    ),
            )
        };
        if let Some(help) = &diagnostic.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        Renderer::plain().render(&[group])
    }
}

/// Where a diagnostic points, for one-line and machine-readable output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The file's name as given.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// The nearest of `candidates` to a mistyped `word`, if any is close enough to suggest.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// "did you mean `x`?" for the nearest candidate, if one is close.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    nearest(word, candidates).map(|c| format!("did you mean `{c}`?"))
}
