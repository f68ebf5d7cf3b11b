//! One file per command, each a few lines of glue.

mod chart;
mod check;
mod compare;
mod explain;
mod rank;
mod replay;
mod report;
mod sensitivity;
mod serve;
mod smaa;
mod weights;

use super::args::{Cli, Command};
use crate::error::Error;

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
        Command::Replay(args) => replay::run(&cli, args),
    }
}
