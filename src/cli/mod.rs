//! The command line: parse flags, load the model, run one command, print.

mod args;
mod commands;
mod context;

use std::ffi::OsString;

use crate::error::Error;

pub use args::{Cli, Command};
pub use context::Context;

/// Runs the program on these arguments (the first is the program name).
///
/// # Errors
/// A usage error (exit 2), problems in the input files (exit 1), or an
/// output that cannot be written (exit 1).
pub fn run<I, T>(args: I) -> Result<(), Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    use clap::{CommandFactory, FromArgMatches};
    let parsed = Cli::command()
        .try_get_matches_from(args)
        .and_then(|matches| {
            let mut cli = Cli::from_arg_matches(&matches)?;
            cli.format_given = matches!(
                global_source(&matches, "format"),
                Some(clap::parser::ValueSource::CommandLine)
            );
            Ok(cli)
        });
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) => {
            use clap::error::ErrorKind;
            if matches!(
                error.kind(),
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
            ) {
                crate::output::print(&error.render().to_string())?;
                return Ok(());
            }
            // clap starts its message with "error: "; every usage error gets
            // that prefix once, where the program prints it.
            let text = error.render().to_string();
            let text = text.trim_end();
            let text = text.strip_prefix("error: ").unwrap_or(text);
            return Err(Error::Usage(text.to_string()));
        }
    };
    if let Some(dir) = &cli.directory {
        std::env::set_current_dir(dir).map_err(|e| {
            Error::Usage(format!("cannot use -C {}: {}", dir.display(), describe(&e)))
        })?;
    }
    commands::check_format(&cli)?;
    commands::dispatch(cli)
}

/// Where a global flag's value came from: it is recorded on the subcommand's
/// matches when typed after the subcommand.
fn global_source(matches: &clap::ArgMatches, id: &str) -> Option<clap::parser::ValueSource> {
    let mut source = matches.value_source(id);
    let mut current = matches;
    while let Some((_, sub)) = current.subcommand() {
        if let Some(s) = sub.value_source(id) {
            if s == clap::parser::ValueSource::CommandLine {
                source = Some(s);
            }
        }
        current = sub;
    }
    source
}

fn describe(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::NotADirectory => "not a folder".into(),
        _ => error.to_string(),
    }
}
