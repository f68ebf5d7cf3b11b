//! Where the two files come from: flags, the current folder, or the default
//! model compiled into the binary.

use std::path::{Path, PathBuf};

use super::diagnostic::{Diagnostic, FileKind, SourceText, Sources};

/// The default model's options, compiled in.
pub const DEFAULT_OPTIONS: &str = include_str!("../../options.toml");
/// The default model's criteria and profiles, compiled in.
pub const DEFAULT_CRITERIA: &str = include_str!("../../criteria.toml");

/// The files the user named, if any.
#[derive(Debug, Clone, Default)]
pub struct ModelPaths {
    /// `--options FILE`.
    pub options: Option<PathBuf>,
    /// `--criteria FILE`.
    pub criteria: Option<PathBuf>,
}

/// Where the model was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// From files on disk.
    Files,
    /// The default model compiled into the binary.
    Embedded,
}

/// Reads both files: named ones, else those in `folder`, else the embedded default.
///
/// An unreadable or missing file becomes a diagnostic (with empty text), so it
/// is reported together with any problem in the other file.
///
/// A file named alone brings its partner from its own folder: `--criteria
/// m/criteria.toml` reads `m/options.toml`. A file named `-` is read from
/// standard input.
pub fn read_sources(paths: &ModelPaths, folder: &Path) -> (Sources, Vec<Diagnostic>, Origin) {
    let beside = |named: &Option<PathBuf>, file: &str| {
        named
            .as_ref()
            .filter(|p| p.as_os_str() != "-")
            .and_then(|p| p.parent())
            .map(|parent| parent.join(file))
    };
    let local_options =
        beside(&paths.criteria, "options.toml").unwrap_or_else(|| folder.join("options.toml"));
    let local_criteria =
        beside(&paths.options, "criteria.toml").unwrap_or_else(|| folder.join("criteria.toml"));
    let named = paths.options.is_some() || paths.criteria.is_some();
    if !named && !local_options.exists() && !local_criteria.exists() {
        let sources = Sources {
            options: embedded(FileKind::Options, DEFAULT_OPTIONS),
            criteria: embedded(FileKind::Criteria, DEFAULT_CRITERIA),
        };
        return (sources, vec![], Origin::Embedded);
    }
    let mut diagnostics = vec![];
    let mut read = |kind: FileKind, named: &Option<PathBuf>, local: PathBuf, display: &str| {
        let path = named.clone().unwrap_or(local);
        let name = if named.is_some() || path.parent() != Some(folder) {
            path.display().to_string()
        } else {
            display.to_string()
        };
        let text = match read_file(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(_) => {
                    diagnostics.push(
                        Diagnostic::error(
                            "unreadable-file",
                            kind,
                            0..0,
                            format!("{name} is not UTF-8 text"),
                        )
                        .help("save the file as UTF-8"),
                    );
                    String::new()
                }
            },
            Err(error) => {
                let help = if named.is_some() {
                    "check the path given on the command line".to_string()
                } else {
                    format!(
                        "put {display} beside the other file, name it with --{}, or run where neither file is to use the default model",
                        display.trim_end_matches(".toml")
                    )
                };
                diagnostics.push(
                    Diagnostic::error(
                        "unreadable-file",
                        kind,
                        0..0,
                        format!("cannot read {name}: {}", describe(&error)),
                    )
                    .help(help),
                );
                String::new()
            }
        };
        SourceText { kind, name, text }
    };
    let options = read(
        FileKind::Options,
        &paths.options,
        local_options,
        "options.toml",
    );
    let criteria = read(
        FileKind::Criteria,
        &paths.criteria,
        local_criteria,
        "criteria.toml",
    );
    (Sources { options, criteria }, diagnostics, Origin::Files)
}

/// A file's bytes; `-` is standard input.
fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut bytes = vec![];
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(path)
    }
}

fn embedded(kind: FileKind, text: &str) -> SourceText {
    let file = match kind {
        FileKind::Options => "options.toml",
        FileKind::Criteria => "criteria.toml",
    };
    SourceText {
        kind,
        name: format!("<default model>/{file}"),
        text: text.to_string(),
    }
}

fn describe(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "it is a folder".into(),
        _ => error.to_string(),
    }
}
