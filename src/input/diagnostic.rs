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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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
    ///
    /// Scans the text up to `offset`; for many offsets into one text, use
    /// [`LineIndex`].
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        LineIndex::new(&self.text).line_column(&self.text, offset)
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The byte offset at which each line of a text starts, found in one pass, so
/// that locating a diagnostic costs a binary search and its own line.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the lines of `text`.
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    /// 0-based line holding byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// 1-based line and column (in characters) of a byte offset into `text`,
    /// the text this index was built from.
    pub fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let column = text[self.starts[line]..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// The byte range of the whole lines that `span` touches, and the 1-based
    /// number of the first.
    fn lines_around(&self, text: &str, span: &Range<usize>) -> (Range<usize>, usize) {
        let first = self.line_of(span.start);
        // The line holding the end offset itself, as the renderer counts it.
        let last = self.line_of(span.end);
        let end = self.starts.get(last + 1).copied().unwrap_or(text.len());
        (self.starts[first]..end, first + 1)
    }
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
    ///
    /// Indexes the file for this one call; to locate many, use [`Sources::indexed`].
    pub fn location(&self, diagnostic: &Diagnostic) -> Location {
        self.indexed().location(diagnostic)
    }

    /// Renders a diagnostic with the offending line and a caret under the span.
    ///
    /// Indexes the file for this one call; to render many, use [`Sources::indexed`].
    pub fn render(&self, diagnostic: &Diagnostic) -> String {
        self.indexed().render(diagnostic)
    }

    /// Both files with their lines indexed, to locate and render any number of
    /// diagnostics in time proportional to their own lines.
    pub fn indexed(&self) -> IndexedSources<'_> {
        IndexedSources {
            sources: self,
            options: LineIndex::new(&self.options.text),
            criteria: LineIndex::new(&self.criteria.text),
            styled: false,
        }
    }
}

/// [`Sources`] with a [`LineIndex`] for each file.
#[derive(Debug)]
pub struct IndexedSources<'a> {
    sources: &'a Sources,
    options: LineIndex,
    criteria: LineIndex,
    styled: bool,
}

impl IndexedSources<'_> {
    /// Renders with ANSI colours (`error` red, `warning` yellow, as cargo
    /// does) when `styled`, for a terminal that shows them.
    pub fn styled(mut self, styled: bool) -> Self {
        self.styled = styled;
        self
    }

    fn get(&self, kind: FileKind) -> (&SourceText, &LineIndex) {
        match kind {
            FileKind::Options => (&self.sources.options, &self.options),
            FileKind::Criteria => (&self.sources.criteria, &self.criteria),
        }
    }

    /// `path:line:column` of a diagnostic.
    pub fn location(&self, diagnostic: &Diagnostic) -> Location {
        let (source, lines) = self.get(diagnostic.file);
        let (line, column) = lines.line_column(&source.text, diagnostic.span.start);
        Location {
            file: source.name.clone(),
            line,
            column,
        }
    }

    /// Renders a diagnostic with the offending lines and a caret under the
    /// span. Only the lines the span touches are handed to the renderer, so
    /// the cost does not depend on the size of the file.
    pub fn render(&self, diagnostic: &Diagnostic) -> String {
        let (source, lines) = self.get(diagnostic.file);
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
            let text = source.text.as_str();
            let end = floor_char_boundary(text, diagnostic.span.end.min(text.len()));
            let start = floor_char_boundary(text, diagnostic.span.start.min(end));
            let (around, first_line) = lines.lines_around(text, &(start..end));
            Group::with_title(title).element(
                Snippet::source(&text[around.clone()])
                    .line_start(first_line)
                    .path(source.name.as_str())
                    .fold(true)
                    .annotation(
                        AnnotationKind::Primary
                            .span(start - around.start..end - around.start)
                            .label(diagnostic.label.as_str()),
                    ),
            )
        };
        if let Some(help) = &diagnostic.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        let renderer = if self.styled {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        renderer.render(&[group])
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
