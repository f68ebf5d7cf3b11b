//! Checking each score's quote against the text of the source it cites.
//!
//! This is the one part of `check` that reads files beyond the two model
//! files: the texts of the sources. Where a source's text comes from:
//!
//! 1. `--sources DIR`, when `DIR/<source-id>.txt` exists (the command line wins,
//!    so a model can be checked against another copy without editing it);
//! 2. else the source's `text = "path"`, relative to the folder of
//!    options.toml (ignored for the built-in model, which has no folder).
//!
//! A source with neither leaves its quotes unverified, which is reported as a
//! count, not an error. How a quote is matched is [`matcher`]'s business.

pub mod matcher;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use toml_span::Span;

use super::diagnostic::{Diagnostic, FileKind};
use super::raw::{OptionDef, ScoreDef, SourceDef};
use super::read;
use super::validate::MAX_QUOTE_CHARS;
use super::{Checked, Severity};
use matcher::{Found, SourceIndex};

/// Where the texts of the sources may be found.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextPlaces<'a> {
    /// The folder options.toml was read from; `None` for the built-in model.
    pub model_folder: Option<&'a Path>,
    /// `--sources DIR`: a folder of `<source-id>.txt` files.
    pub sources_dir: Option<&'a Path>,
}

/// What the check of quotes found, beyond its diagnostics.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct QuoteSummary {
    /// Quotes found in their source's text.
    pub verified: usize,
    /// Quotes that could not be checked for want of a text, per source id, in file order.
    pub unverified: Vec<(String, usize)>,
    /// Quotes not found in their source's text.
    pub not_found: usize,
    /// Scores citing a document without a quote.
    pub unquoted: usize,
}

impl QuoteSummary {
    /// Quotes left unverified, over all sources.
    pub fn unverified_total(&self) -> usize {
        self.unverified.iter().map(|(_, n)| n).sum()
    }

    /// One line for each thing worth saying, for the end of `check`'s report.
    pub fn notes(&self, strict: bool) -> Vec<String> {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let mut notes = vec![];
        if self.verified > 0 {
            notes.push(format!(
                "{} found verbatim in {}",
                plural(self.verified, "quote"),
                if self.verified == 1 {
                    "its source"
                } else {
                    "their sources"
                }
            ));
        }
        let unverified = self.unverified_total();
        if unverified > 0 {
            let per_source: Vec<String> = self
                .unverified
                .iter()
                .map(|(id, n)| format!("{id} ({n})"))
                .collect();
            notes.push(format!(
                "{} not verified, for want of a source text: {}; pass --sources DIR with <source-id>.txt files, or name a copy with text = \"…\" in [sources.<id>]",
                plural(unverified, "quote"),
                per_source.join(", ")
            ));
        }
        // Said once a model quotes at all: before that, every cited score would be listed.
        let quoting = self.verified + unverified + self.not_found > 0;
        if self.unquoted > 0 && quoting && !strict {
            notes.push(format!(
                "{} a document without a quote; --strict fails on them",
                if self.unquoted == 1 {
                    "1 score cites".to_string()
                } else {
                    format!("{} scores cite", self.unquoted)
                }
            ));
        }
        notes
    }
}

/// Checks every quote of the options file against its source's text, adding a
/// diagnostic for each problem to `checked`; under `strict`, a score citing a
/// document without a quote is a warning (and so fails the run).
///
/// This reads the options file again, for the spans of the quotes, which the
/// model does not keep; to check the quotes during the one reading that builds
/// the model, hand a [`QuoteCheck`] to [`crate::input::check_with`].
pub fn verify(checked: &mut Checked, places: TextPlaces<'_>, strict: bool) -> QuoteSummary {
    let mut quotes = QuoteCheck::new(places, strict);
    // Its problems were reported by the first reading. Each option is checked as it is
    // read, so the mirror of the whole file never exists at once.
    let mut nothing = ();
    let mut sink = read::Watched(&mut nothing, &mut quotes);
    read::options_file(&checked.sources.options.text, &mut vec![], &mut sink);
    quotes.finish(checked)
}

/// The check of quotes, fed each option as the options file is read.
#[derive(Debug)]
pub struct QuoteCheck<'a> {
    sources: Vec<SourceDef>,
    /// Each source's index in `sources`, by id.
    by_id: HashMap<String, usize>,
    texts: Texts<'a>,
    summary: QuoteSummary,
    diagnostics: Vec<Diagnostic>,
    strict: bool,
}

impl<'a> QuoteCheck<'a> {
    /// A check of quotes against the texts found at `places`.
    pub fn new(places: TextPlaces<'a>, strict: bool) -> Self {
        QuoteCheck {
            sources: vec![],
            by_id: HashMap::new(),
            texts: Texts {
                places,
                loaded: HashMap::new(),
            },
            summary: QuoteSummary::default(),
            diagnostics: vec![],
            strict,
        }
    }

    /// Adds the problems found to `checked` (after its own, in file order);
    /// an error among them leaves no model.
    pub fn finish(self, checked: &mut Checked) -> QuoteSummary {
        let QuoteCheck {
            summary,
            diagnostics,
            ..
        } = self;
        if diagnostics.iter().any(|d| d.severity == Severity::Error) {
            checked.model = None;
        }
        checked.diagnostics.extend(diagnostics);
        checked
            .diagnostics
            .sort_by_key(|d| (d.file != FileKind::Criteria, d.span.start));
        summary
    }
}

impl read::OptionWatch for QuoteCheck<'_> {
    fn sources(&mut self, sources: &[SourceDef]) {
        self.sources = sources.to_vec();
        self.by_id = HashMap::with_capacity(sources.len());
        for (k, source) in sources.iter().enumerate() {
            // Of two sources with one id (an error of its own), the later counts.
            self.by_id.insert(source.id.value.clone(), k);
        }
    }

    fn option(&mut self, option: &OptionDef) {
        let QuoteCheck {
            sources,
            by_id,
            texts,
            summary,
            diagnostics,
            strict,
        } = self;
        let option_id = option.id.as_ref().map_or("?", |id| id.value.as_str());
        for score in &option.scores {
            let Some(source) = cited(score, sources, by_id) else {
                continue;
            };
            if source.kind.as_ref().is_some_and(|k| k.value == "judgment") {
                continue;
            }
            let Some(quote) = &score.quote else {
                summary.unquoted += 1;
                if *strict {
                    diagnostics.push(unquoted(option_id, score, &source.id.value));
                }
                continue;
            };
            let length = quote.value.chars().count();
            if length > MAX_QUOTE_CHARS || quote.value.trim().is_empty() {
                continue; // already reported
            }
            let id = source.id.value.as_str();
            match texts.get(source, diagnostics) {
                Text::Indexed { index, path } => match index.find(&quote.value) {
                    Found::Exact(_) => summary.verified += 1,
                    found => {
                        summary.not_found += 1;
                        let mut d = not_found(option_id, score, id, path, found, index);
                        if let Some(other) = texts.elsewhere(sources, id, &quote.value, diagnostics)
                        {
                            d.help = d.help.map(|h| {
                                format!(
                                    "{h}; the quote is in the text of `{other}`: cite that source"
                                )
                            });
                        }
                        diagnostics.push(d);
                    }
                },
                Text::Missing => match summary.unverified.iter_mut().find(|(s, _)| s == id) {
                    Some((_, n)) => *n += 1,
                    None => summary.unverified.push((id.to_string(), 1)),
                },
                Text::Broken => {}
            }
        }
    }
}

/// The source a score cites, by the first word of its `source`.
fn cited<'s>(
    score: &ScoreDef,
    sources: &'s [SourceDef],
    by_id: &HashMap<String, usize>,
) -> Option<&'s SourceDef> {
    let first = score.source.as_ref()?.value.split_whitespace().next()?;
    by_id.get(first).map(|&k| &sources[k])
}

/// The text of one source, as far as it could be had.
#[derive(Debug)]
enum Text {
    Indexed {
        index: Box<SourceIndex>,
        path: String,
    },
    /// No text named anywhere.
    Missing,
    /// A text was named but could not be read (and that was reported).
    Broken,
}

/// The texts read so far, each read and indexed once.
#[derive(Debug)]
struct Texts<'a> {
    places: TextPlaces<'a>,
    loaded: HashMap<String, Text>,
}

impl Texts<'_> {
    fn get(&mut self, source: &SourceDef, diagnostics: &mut Vec<Diagnostic>) -> &Text {
        let id = &source.id.value;
        if !self.loaded.contains_key(id) {
            let text = self.load(source, diagnostics);
            self.loaded.insert(id.clone(), text);
        }
        &self.loaded[id]
    }

    /// The first other document, of those whose text is at hand, that holds `quote`.
    fn elsewhere(
        &mut self,
        sources: &[SourceDef],
        cited: &str,
        quote: &str,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<String> {
        sources
            .iter()
            .filter(|s| {
                s.id.value != cited && s.kind.as_ref().is_none_or(|k| k.value != "judgment")
            })
            .find(|s| {
                matches!(self.get(s, diagnostics), Text::Indexed { index, .. }
                    if matches!(index.find(quote), Found::Exact(_)))
            })
            .map(|s| s.id.value.clone())
    }

    fn load(&self, source: &SourceDef, diagnostics: &mut Vec<Diagnostic>) -> Text {
        let id = &source.id.value;
        if let Some(dir) = self.places.sources_dir {
            let path = dir.join(format!("{id}.txt"));
            if path.is_file() {
                return read_text(&path, source.id.span, id, "", diagnostics);
            }
        }
        match (&source.text, self.places.model_folder) {
            (Some(text), Some(folder)) => {
                let path = folder.join(&text.value);
                let help = format!(
                    "the path is relative to the folder of options.toml ({})",
                    display_folder(folder)
                );
                read_text(&path, text.span, id, &help, diagnostics)
            }
            _ => Text::Missing,
        }
    }
}

fn display_folder(folder: &Path) -> String {
    if folder.as_os_str().is_empty() {
        ".".into()
    } else {
        folder.display().to_string()
    }
}

fn read_text(
    path: &PathBuf,
    span: Span,
    id: &str,
    help: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Text {
    match std::fs::read(path) {
        Ok(bytes) => Text::Indexed {
            index: Box::new(SourceIndex::new(&String::from_utf8_lossy(&bytes))),
            path: path.display().to_string(),
        },
        Err(error) => {
            let reason = match error.kind() {
                std::io::ErrorKind::NotFound => "no such file".to_string(),
                std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                std::io::ErrorKind::IsADirectory => "it is a folder".to_string(),
                _ => error.to_string(),
            };
            diagnostics.push(
                Diagnostic::error(
                    "source-text-missing",
                    FileKind::Options,
                    span,
                    format!(
                        "cannot read the text of `{id}` at {}: {reason}",
                        path.display()
                    ),
                )
                .label("no text here")
                .help(if help.is_empty() {
                    "check the file".to_string()
                } else {
                    help.to_string()
                }),
            );
            Text::Broken
        }
    }
}

fn unquoted(option: &str, score: &ScoreDef, source: &str) -> Diagnostic {
    Diagnostic::warning(
        "score-without-quote",
        FileKind::Options,
        score.span,
        format!(
            "the score of `{option}` on `{}` cites `{source}` without quoting it",
            score.criterion.value
        ),
    )
    .label("no quote")
    .help(format!(
        "add quote = \"…\": the passage of {source} (at most {MAX_QUOTE_CHARS} characters) that supports the score, or cite a kind = \"judgment\" source"
    ))
}

/// The first few differences, e.g. `; the text has "bond" for "bind"`.
fn describe(differences: &[matcher::Difference]) -> String {
    const SHOWN: usize = 3;
    let mut parts: Vec<String> = differences
        .iter()
        .take(SHOWN)
        .map(|d| {
            let (text, quote) = (clip(&d.text), clip(&d.quote));
            match (quote.is_empty(), text.is_empty()) {
                (false, false) => format!("\"{text}\" for \"{quote}\""),
                (true, _) => format!("\"{text}\" more"),
                (false, true) => format!("no \"{quote}\""),
            }
        })
        .collect();
    if differences.len() > SHOWN {
        parts.push(format!("{} more differences", differences.len() - SHOWN));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("; the text has {}", parts.join(", "))
    }
}

/// The first words of a long run of differing words.
fn clip(words: &str) -> String {
    const WORDS: usize = 6;
    let all: Vec<&str> = words.split(' ').collect();
    if all.len() > WORDS {
        format!("{} …", all[..WORDS].join(" "))
    } else {
        words.to_string()
    }
}

/// The longest passage shown in a help line, in characters.
const SHOWN_CHARS: usize = 320;

fn not_found(
    option: &str,
    score: &ScoreDef,
    source: &str,
    path: &str,
    found: Found,
    index: &SourceIndex,
) -> Diagnostic {
    let quote = score.quote.as_ref().expect("a quote");
    let help = match found {
        Found::Closest(range, similarity) => {
            let original = index.original();
            let line = original[..range.start].matches('\n').count() + 1;
            let passage = matcher::readable(&original[range]);
            let shown: String = passage.chars().take(SHOWN_CHARS).collect();
            let ellipsis = if shown.len() < passage.len() {
                "…"
            } else {
                ""
            };
            // Below this, the passage shares too little for a word-by-word list to help.
            const LISTED: f64 = 0.6;
            let percent = similarity * 100.0;
            if similarity >= LISTED {
                let changes = describe(&matcher::differences(&quote.value, &passage));
                format!(
                    "the closest passage, at {path}:{line} ({percent:.0}% alike{changes}): \"{shown}{ellipsis}\""
                )
            } else {
                format!(
                    "no passage comes close; the nearest, at {path}:{line}, is {percent:.0}% alike: \"{shown}{ellipsis}\""
                )
            }
        }
        _ => format!("no passage of {path} shares a word with the quote: is it the right source?"),
    };
    Diagnostic::error(
        "quote-not-found",
        FileKind::Options,
        quote.span,
        format!(
            "the quote for `{option}` on `{}` is not in the text of `{source}`",
            score.criterion.value
        ),
    )
    .label("not found verbatim")
    .help(help)
}
