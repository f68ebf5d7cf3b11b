use clap::CommandFactory;

use crate::cli::args::{Cli, CompletionsArgs};
use crate::error::Error;
use crate::output;

/// Prints the completion script for a shell.
pub fn completions(args: &CompletionsArgs) -> Result<(), Error> {
    let mut command = Cli::command();
    let mut script = vec![];
    clap_complete::generate(args.shell, &mut command, "tradeoffs", &mut script);
    output::print(&String::from_utf8_lossy(&script))
}

/// Prints the manual page, generated from the same definitions as `--help`.
pub fn man() -> Result<(), Error> {
    let page = clap_mangen::Man::new(Cli::command());
    let mut roff = vec![];
    page.render(&mut roff).map_err(|source| Error::Write {
        path: "the manual page".into(),
        source,
    })?;
    output::print(&String::from_utf8_lossy(&roff))
}
