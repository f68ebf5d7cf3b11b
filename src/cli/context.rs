//! What every command starts from: the loaded model and the flags common to all.

use std::path::Path;

use crate::error::Error;
use crate::input::{self, Checked, ModelPaths, Origin};
use crate::model::Model;
use crate::render::views::SHOWN_PER_CODE;
use crate::render::{Format, Render, View};
use crate::weights::{self, ProfileWeights};

use super::args::Cli;

/// A loaded, valid model and the output format.
#[derive(Debug)]
pub struct Context {
    /// The model.
    pub model: Model,
    /// The output format.
    pub format: Format,
    /// Whether notes on standard error are silenced (`-q`).
    pub quiet: bool,
    /// `--table`: the CSV table to write.
    pub table: Option<String>,
    /// `--csv-dir`: where to write every CSV table.
    pub csv_dir: Option<std::path::PathBuf>,
}

/// Reads and checks the files the flags name (or the defaults).
pub fn check_files(cli: &Cli) -> Checked {
    read_and_check(cli).0
}

/// [`check_files`], also saying where the model came from.
pub fn read_and_check(cli: &Cli) -> (Checked, Origin) {
    let (sources, early, origin) = read_files(cli);
    (input::check(sources, early), origin)
}

/// The texts of the files the flags name (or the built-in model's, said so
/// on standard error), the problems that stopped any being read, and where
/// they came from.
pub fn read_files(cli: &Cli) -> (input::Sources, Vec<input::Diagnostic>, Origin) {
    let paths = ModelPaths {
        options: cli.options.clone(),
        criteria: cli.criteria.clone(),
    };
    let (sources, early, origin) = input::read_sources(&paths, Path::new("."));
    if origin == Origin::Embedded && !cli.quiet {
        eprintln!(
            "note: no options.toml or criteria.toml here; using the built-in model (write your own, or pass --options/--criteria)"
        );
    }
    (sources, early, origin)
}

impl Context {
    /// Loads the model, failing with every error rendered.
    pub fn load(cli: &Cli) -> Result<Self, Error> {
        let checked = check_files(cli);
        let warnings = checked.warnings();
        let Some(model) = checked.model else {
            let mut rendered = String::new();
            let sources = checked.sources.indexed().styled(colour(&std::io::stderr()));
            let mut seen = std::collections::HashMap::new();
            for d in &checked.diagnostics {
                let count = seen.entry((d.severity, d.code)).or_insert(0);
                *count += 1;
                if *count <= SHOWN_PER_CODE {
                    rendered.push_str(&sources.render(d));
                    rendered.push('\n');
                }
            }
            if seen.values().any(|&n| n > SHOWN_PER_CODE) {
                rendered.push_str(&format!(
                    "(only the first {SHOWN_PER_CODE} problems of each kind are shown; `tradeoffs check --format csv` lists every one)\n"
                ));
            }
            let errors = checked
                .diagnostics
                .iter()
                .filter(|d| d.severity == input::Severity::Error)
                .count();
            rendered.push_str(&format!(
                "{errors} error{} in the input: nothing was computed",
                if errors == 1 { "" } else { "s" }
            ));
            return Err(Error::Input { rendered });
        };
        if warnings > 0 && !cli.quiet {
            eprintln!(
                "note: the model has {warnings} warning{}; `tradeoffs check` lists them",
                if warnings == 1 { "" } else { "s" }
            );
        }
        Ok(Context {
            model,
            format: cli.output_format(),
            quiet: cli.quiet,
            table: cli.table.clone(),
            csv_dir: cli.csv_dir.clone(),
        })
    }

    /// The profile named, else the model's default, else the first; `None` when
    /// the model has no profile at all.
    pub fn profile(&self, name: Option<&str>) -> Result<Option<usize>, Error> {
        match name {
            Some(name) => self.model.profile_index(name).map(Some).ok_or_else(|| {
                let ids: Vec<&str> = self.model.profiles.iter().map(|p| p.id.as_str()).collect();
                let hint = input::diagnostic::did_you_mean(name, ids.iter().copied())
                    .unwrap_or_else(|| {
                        if ids.is_empty() {
                            "the model has no profiles".into()
                        } else {
                            format!("profiles: {}", ids.join(", "))
                        }
                    });
                Error::Usage(format!("unknown profile `{name}`; {hint}"))
            }),
            None => Ok(self
                .model
                .default_profile
                .or((!self.model.profiles.is_empty()).then_some(0))),
        }
    }

    /// The weights of a profile (or equal weights when there is none), with its id.
    pub fn weights(&self, profile: Option<usize>) -> (String, ProfileWeights) {
        match profile {
            Some(p) => {
                let profile = &self.model.profiles[p];
                (
                    profile.id.to_string(),
                    weights::of_profile(&self.model, profile),
                )
            }
            None => (
                "equal-weights".to_string(),
                ProfileWeights {
                    weights: weights::equal(self.model.criteria.len()),
                    form: "equal",
                    ahp: None,
                },
            ),
        }
    }

    /// The index of an option named on the command line.
    pub fn option(&self, id: &str) -> Result<usize, Error> {
        self.model.option_index(id).ok_or_else(|| {
            let ids: Vec<&str> = self.model.options.iter().map(|o| o.id.as_str()).collect();
            let hint = input::diagnostic::did_you_mean(id, ids.iter().copied())
                .unwrap_or_else(|| "`tradeoffs list options` lists their ids".to_string());
            Error::Usage(format!("unknown option `{id}`; {hint}"))
        })
    }

    /// The index of a criterion named on the command line.
    pub fn criterion(&self, id: &str) -> Result<usize, Error> {
        self.model.criterion_index(id).ok_or_else(|| {
            let ids: Vec<&str> = self.model.criteria.iter().map(|c| c.id.as_str()).collect();
            let hint =
                input::diagnostic::did_you_mean(id, ids.iter().copied()).unwrap_or_else(|| {
                    format!("criteria: {} (`tradeoffs list criteria`)", ids.join(", "))
                });
            Error::Usage(format!("unknown criterion `{id}`; {hint}"))
        })
    }

    /// Weight bounds per criterion, `(lo, hi)`: the profile's, else `(0, 1)`.
    pub fn bounds(&self, profile: Option<usize>) -> Vec<(f64, f64)> {
        let mut bounds = vec![(0.0, 1.0); self.model.criteria.len()];
        if let Some(p) = profile {
            for b in &self.model.profiles[p].bounds {
                bounds[b.criterion] = (b.low, b.high);
            }
        }
        bounds
    }

    /// Writes a chart when `--svg` asked for one.
    pub fn write_svg(
        &self,
        args: &super::args::SvgArgs,
        svg: impl FnOnce() -> Option<String>,
    ) -> Result<(), Error> {
        if let Some(path) = &args.svg {
            let Some(text) = svg() else {
                return Err(Error::Usage("there is nothing to chart here".into()));
            };
            crate::output::write_atomic(path, text.as_bytes(), args.force)?;
            if !crate::output::is_stdout(path) {
                self.note(&format!("wrote {}", path.display()));
            }
        }
        Ok(())
    }

    /// Prints a result in the chosen format.
    ///
    /// # Errors
    /// When standard output cannot be written (see [`crate::output::print`]).
    pub fn print<T: Render + View>(&self, result: &T) -> Result<(), Error> {
        use crate::render::csv;
        if self.format != Format::Csv {
            return crate::output::print(&result.render(self.format));
        }
        let document = result.document();
        if let Some(dir) = &self.csv_dir {
            let tables = csv::render_all(&document);
            for (name, text) in &tables {
                let path = dir.join(format!("{name}.csv"));
                crate::output::write_atomic(&path, text.as_bytes(), false)?;
            }
            let names: Vec<&str> = tables.iter().map(|(n, _)| *n).collect();
            self.note(&format!(
                "wrote {} into {}",
                names.join(".csv, ") + ".csv",
                dir.display()
            ));
            return Ok(());
        }
        match &self.table {
            None => crate::output::print(&csv::render(&document)),
            Some(name) => {
                let text = csv::render_named(&document, name).map_err(|names| {
                    Error::Usage(format!(
                        "no table `{name}` here; --table takes {}",
                        if names.is_empty() {
                            "nothing for this command".to_string()
                        } else {
                            names.join(", ")
                        }
                    ))
                })?;
                crate::output::print(&text)
            }
        }
    }

    /// A note on standard error, unless `-q`.
    pub fn note(&self, text: &str) {
        if !self.quiet {
            eprintln!("{text}");
        }
    }
}

/// Whether a stream shows colour: a terminal, and `NO_COLOR` unset (the
/// rules anstream follows, as cargo does).
pub fn colour<S: anstream::stream::RawStream>(stream: &S) -> bool {
    anstream::AutoStream::choice(stream) != anstream::ColorChoice::Never
}
