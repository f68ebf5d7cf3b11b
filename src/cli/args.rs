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
    /// Rankings side by side across methods or profiles, with rank correlations
    Compare(CompareArgs),
    /// Why one option ranks above another: criterion-by-criterion contributions
    Explain(ExplainArgs),
    /// One-way weight sweeps, exact swap thresholds, the most critical criterion
    /// and the nearest flip of the top option
    Sensitivity(SensitivityArgs),
    /// Stochastic multicriteria acceptability analysis (SMAA-2)
    Smaa(SmaaArgs),
    /// Charts with no command of their own: tornado and frontier
    Chart(ChartArgs),
    /// A self-contained HTML report (or Markdown with SVG files)
    Report(ReportArgs),
    /// A local web page for live workshops, and its JSON API
    Serve(ServeArgs),
}

/// `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Port to listen on (0 picks a free one)
    #[arg(long, default_value_t = 7878)]
    pub port: u16,

    /// Address to listen on; anything but loopback lets other machines connect
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,

    /// Keep no session log
    #[arg(long)]
    pub no_log: bool,
}

/// Writing a chart beside the printed result.
#[derive(Debug, Args, Clone)]
pub struct SvgArgs {
    /// Also write the chart as SVG to FILE
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,

    /// Replace output files that already exist
    #[arg(long)]
    pub force: bool,
}

/// `chart`.
#[derive(Debug, Args)]
pub struct ChartArgs {
    /// tornado: which score ranges move the top option most;
    /// frontier: overall value against one cost criterion
    #[arg(value_name = "tornado|frontier")]
    pub kind: ChartKind,

    #[command(flatten)]
    pub profile: ProfileArg,

    /// The cost criterion on the frontier's x axis
    #[arg(long, value_name = "CRITERION")]
    pub cost: Option<String>,

    /// Where to write the SVG
    #[arg(long, value_name = "FILE", required = true)]
    pub svg: PathBuf,

    /// Replace the file if it exists
    #[arg(long)]
    pub force: bool,
}

/// The charts of `chart`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ChartKind {
    /// Score ranges of the top option.
    Tornado,
    /// Value against one cost, with the efficient frontier.
    Frontier,
}

/// `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub profile: ProfileArg,

    /// Where to write: an .html file, or a folder with --format md
    #[arg(long, value_name = "FILE|DIR")]
    pub out: PathBuf,

    /// SMAA samples for the report's acceptability section
    #[arg(long, default_value_t = 20_000, value_name = "N")]
    pub samples: u64,

    /// Replace files that already exist
    #[arg(long)]
    pub force: bool,
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

    /// Aggregation method: wsm, wpm, topsis, vikor or promethee
    #[arg(long, short, default_value = "wsm", value_name = "METHOD")]
    pub method: MethodKind,

    #[command(flatten)]
    pub settings: MethodArgs,

    #[command(flatten)]
    pub chart: SvgArgs,
}

/// Settings of the aggregation methods.
#[derive(Debug, Args, Clone, Copy)]
pub struct MethodArgs {
    /// How raw scores are made comparable: value (the criteria's value
    /// functions), vector, minmax, max or sum
    #[arg(long, default_value = "value", value_name = "NORM")]
    pub normalization: crate::methods::Normalization,

    /// VIKOR's weight of the group-utility strategy, 0..=1
    #[arg(
        long,
        default_value_t = 0.5,
        value_name = "V",
        allow_negative_numbers = true
    )]
    pub vikor_v: f64,
}

impl MethodArgs {
    /// The settings, checked.
    pub fn settings(&self) -> Result<crate::methods::MethodSettings, crate::error::Error> {
        if !(0.0..=1.0).contains(&self.vikor_v) {
            return Err(crate::error::Error::Usage(format!(
                "--vikor-v must be between 0 and 1, not {}",
                self.vikor_v
            )));
        }
        Ok(crate::methods::MethodSettings {
            normalization: self.normalization,
            vikor_v: self.vikor_v,
        })
    }
}

/// `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Fail on warnings too (scores without evidence, inconsistent AHP matrices, …)
    /// and on scores that cite a document without quoting it
    #[arg(long)]
    pub strict: bool,

    /// A folder of source texts named <source-id>.txt, to verify quotes against
    /// (wins over a source's own `text = "…"`)
    #[arg(long, value_name = "DIR")]
    pub sources: Option<std::path::PathBuf>,
}

/// `weights`.
#[derive(Debug, Args)]
pub struct WeightsArgs {
    #[command(flatten)]
    pub profile: ProfileArg,
}

/// `sensitivity`.
#[derive(Debug, Args)]
pub struct SensitivityArgs {
    #[command(flatten)]
    pub profile: ProfileArg,

    /// Aggregation method
    #[arg(long, short, default_value = "wsm", value_name = "METHOD")]
    pub method: MethodKind,

    /// Only this criterion's sweep (the critical criterion still weighs them all)
    #[arg(long, short, value_name = "CRITERION")]
    pub criterion: Option<String>,

    /// How the other weights make room: proportional or equal
    #[arg(long, default_value = "proportional", value_name = "RULE")]
    pub rebalance: crate::analysis::sensitivity::Rebalance,

    #[command(flatten)]
    pub chart: SvgArgs,
}

/// `smaa`.
#[derive(Debug, Args)]
pub struct SmaaArgs {
    /// Weight information from this profile [default: none, uniform over all weights]
    #[arg(long, short, value_name = "PROFILE", conflicts_with = "profiles")]
    pub profile: Option<String>,

    /// `all`: random mixtures of every stakeholder profile's weights
    #[arg(long, value_name = "all")]
    pub profiles: Option<String>,

    /// Aggregation method
    #[arg(long, short, default_value = "wsm", value_name = "METHOD")]
    pub method: MethodKind,

    /// Monte Carlo samples
    #[arg(long, short = 'n', default_value_t = 100_000, value_name = "N")]
    pub samples: u64,

    /// Random seed; the same seed gives the same output whatever --threads is
    #[arg(long, default_value_t = crate::analysis::smaa::DEFAULT_SEED, value_name = "S")]
    pub seed: u64,

    /// fixed: use score values; uncertain: draw each ranged score from a
    /// triangular distribution on (low, value, high) [default: uncertain when any
    /// score has a range]
    #[arg(long, value_name = "MODE")]
    pub scores: Option<crate::analysis::smaa::ScoreMode>,

    /// With a numeric profile: draw each weight uniformly within ±X of its
    /// value (relative), then renormalize
    #[arg(long, value_name = "X", allow_negative_numbers = true)]
    pub spread: Option<f64>,

    /// Worker threads [default: all cores]
    #[arg(long, value_name = "T")]
    pub threads: Option<usize>,

    #[command(flatten)]
    pub chart: SvgArgs,
}

/// `compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Methods to compare: `all` or a comma-separated list [default: all]
    #[arg(long, value_name = "all|LIST", conflicts_with = "profiles")]
    pub methods: Option<String>,

    /// Profiles to compare: `all` or a comma-separated list
    #[arg(long, value_name = "all|LIST")]
    pub profiles: Option<String>,

    /// The profile used when comparing methods [default: the model's default]
    #[arg(long, short, value_name = "PROFILE")]
    pub profile: Option<String>,

    /// The method used when comparing profiles
    #[arg(long, short, default_value = "wsm", value_name = "METHOD")]
    pub method: MethodKind,

    #[command(flatten)]
    pub settings: MethodArgs,

    #[command(flatten)]
    pub chart: SvgArgs,
}

/// `explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The first option's id
    pub a: String,

    /// The second option's id
    pub b: String,

    #[command(flatten)]
    pub profile: ProfileArg,

    /// Aggregation method
    #[arg(long, short, default_value = "wsm", value_name = "METHOD")]
    pub method: MethodKind,

    #[command(flatten)]
    pub settings: MethodArgs,
}
