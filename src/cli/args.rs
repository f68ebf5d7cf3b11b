//! The command line as typed: raw flags, checked only for their syntax.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::methods::MethodKind;
use crate::render::Format;

/// Rank policy options against weighted criteria, and see how the ranking
/// shifts as stakeholders' weights change.
///
/// Reads options.toml and criteria.toml from the current folder (or the files
/// named by --options and --criteria); where neither is found, uses the default
/// model compiled into the binary.
#[derive(Debug, Parser)]
#[command(name = "tradeoffs", version, about, long_about, max_term_width = 100)]
#[command(after_help = "Exit codes: 0 success, 1 a problem in the input files, 2 a usage error.")]
pub struct Cli {
    /// The options file [default: ./options.toml, else the built-in model]
    #[arg(long, global = true, value_name = "FILE")]
    pub options: Option<PathBuf>,

    /// The criteria and profiles file [default: ./criteria.toml, else the built-in model]
    #[arg(long, global = true, value_name = "FILE")]
    pub criteria: Option<PathBuf>,

    /// Output format: table, csv, json or md
    #[arg(long, global = true, value_name = "FORMAT", default_value = "table")]
    pub format: Format,

    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Rank the options, with scores and their top contributing criteria
    Rank(RankArgs),
    /// Validate both files and report every problem at once
    Check(CheckArgs),
    /// Show the weights a profile yields (and the AHP consistency ratio)
    Weights(WeightsArgs),
}

/// Which profile to use.
#[derive(Debug, Args)]
pub struct ProfileArg {
    /// Stakeholder profile [default: the model's default_profile]
    #[arg(long, short, value_name = "PROFILE")]
    pub profile: Option<String>,
}

/// `rank`.
#[derive(Debug, Args)]
pub struct RankArgs {
    #[command(flatten)]
    pub profile: ProfileArg,

    /// Aggregation method
    #[arg(long, short, default_value = "wsm", value_name = "METHOD")]
    pub method: MethodKind,
}

/// `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Fail on warnings too (scores without evidence, inconsistent AHP matrices, …)
    #[arg(long)]
    pub strict: bool,
}

/// `weights`.
#[derive(Debug, Args)]
pub struct WeightsArgs {
    #[command(flatten)]
    pub profile: ProfileArg,
}
