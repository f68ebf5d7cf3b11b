//! One file per command, each a few lines of glue.

mod chart;
mod check;
mod compare;
mod completions;
mod explain;
mod export;
mod import;
mod init;
mod list;
mod rank;
mod replay;
mod report;
mod sensitivity;
mod serve;
mod smaa;
mod weights;

use super::args::{Cli, Command};
use crate::error::Error;
use crate::render::Format;

/// The formats a command can write; the first is its default.
fn formats(command: &Command) -> &'static [Format] {
    const RESULTS: &[Format] = &[Format::Table, Format::Csv, Format::Json, Format::Md];
    match command {
        Command::Report(_) => &[Format::Html, Format::Md],
        Command::Export(_) => &[Format::Csv, Format::Xmcda],
        Command::Serve(_)
        | Command::Replay(_)
        | Command::Chart(_)
        | Command::Init(_)
        | Command::Import(_)
        | Command::Completions(_)
        | Command::Man(_) => &[],
        _ => RESULTS,
    }
}

/// Refuses a `--format` the command cannot write, and CSV-only flags without
/// CSV (usage errors).
pub fn check_format(cli: &Cli) -> Result<(), Error> {
    if (cli.table.is_some() || cli.csv_dir.is_some()) && cli.output_format() != Format::Csv {
        return Err(Error::Usage(
            "--table and --csv-dir choose CSV tables: add --format csv".into(),
        ));
    }
    let allowed = formats(&cli.command);
    if !cli.format_given || allowed.contains(&cli.format) {
        return Ok(());
    }
    let name = cli.command_name();
    Err(Error::Usage(if allowed.is_empty() {
        format!("`{name}` takes no --format (it writes no formatted result)")
    } else {
        let names: Vec<String> = allowed.iter().map(ToString::to_string).collect();
        format!(
            "`{name}` cannot write --format {}; it writes {}",
            cli.format,
            names.join(" or ")
        )
    }))
}

/// Runs the command the user asked for.
pub fn dispatch(cli: Cli) -> Result<(), Error> {
    match &cli.command {
        Command::Rank(args) => rank::run(&cli, args),
        Command::Check(args) => check::run(&cli, args),
        Command::Weights(args) => weights::run(&cli, args),
        Command::Compare(args) => compare::run(&cli, args),
        Command::Explain(args) => explain::run(&cli, args),
        Command::Sensitivity(args) => sensitivity::run(&cli, args),
        Command::Smaa(args) => smaa::run(&cli, args),
        Command::Chart(args) => chart::run(&cli, args),
        Command::Report(args) => report::run(&cli, args),
        Command::Serve(args) => serve::run(&cli, args),
        Command::List(args) => list::run(&cli, args),
        Command::Init(args) => init::run(&cli, args),
        Command::Import(args) => import::run(&cli, args),
        Command::Export(args) => export::run(&cli, args),
        Command::Completions(args) => completions::completions(args),
        Command::Man(_) => completions::man(),
        Command::Replay(args) => replay::run(&cli, args),
    }
}
