//! The command line: parse flags, load the model, run one command, print.

mod args;
mod commands;
mod context;

use std::ffi::OsString;

use clap::Parser;

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
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            use clap::error::ErrorKind;
            if matches!(
                error.kind(),
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
            ) {
                print!("{error}");
                return Ok(());
            }
            return Err(Error::Usage(
                error.render().to_string().trim_end().to_string(),
            ));
        }
    };
    commands::dispatch(cli)
}
