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
#[command(name = "tradeoffs", version, about, long_about)]
#[command(after_help = "Exit codes: 0 success, 1 a problem in the input files, 2 a usage error.")]
#[command(after_long_help = EXAMPLES)]
pub struct Cli {
    /// Run as if started in DIR (the model folder)
    #[arg(short = 'C', long = "directory", global = true, value_name = "DIR", help_heading = GLOBAL)]
    pub directory: Option<PathBuf>,

    /// The options file; `-` reads standard input [default: ./options.toml,
    /// else beside --criteria, else the built-in model]
    #[arg(long, global = true, value_name = "FILE", help_heading = GLOBAL)]
    pub options: Option<PathBuf>,

    /// The criteria and profiles file; `-` reads standard input [default:
    /// ./criteria.toml, else beside --options, else the built-in model]
    #[arg(long, global = true, value_name = "FILE", help_heading = GLOBAL)]
    pub criteria: Option<PathBuf>,

    /// Output format: table, csv, json or md (export: csv or xmcda; report: html or md)
    #[arg(long, global = true, value_name = "FORMAT", default_value = "table", help_heading = GLOBAL)]
    pub format: Format,

    /// With --format csv: the table to write instead of the main one (an
    /// unknown name lists the command's tables)
    #[arg(long, global = true, value_name = "NAME", help_heading = GLOBAL)]
    pub table: Option<String>,

    /// With --format csv: write every table as DIR/<table>.csv
    #[arg(long, global = true, value_name = "DIR", help_heading = GLOBAL, conflicts_with = "table")]
    pub csv_dir: Option<PathBuf>,

    /// Print no notes on standard error (errors and warnings still print)
    #[arg(short, long, global = true, help_heading = GLOBAL)]
    pub quiet: bool,

    /// Whether `--format` was typed (rather than left at its default).
    #[arg(skip)]
    pub format_given: bool,

    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// The subcommand's name, as typed.
    pub fn command_name(&self) -> &'static str {
        match &self.command {
            Command::Rank(_) => "rank",
            Command::Check(_) => "check",
            Command::Weights(_) => "weights",
            Command::Compare(_) => "compare",
            Command::Explain(_) => "explain",
            Command::Sensitivity(_) => "sensitivity",
            Command::Smaa(_) => "smaa",
            Command::Chart(_) => "chart",
            Command::Report(_) => "report",
            Command::Serve(_) => "serve",
            Command::Replay(_) => "replay",
            Command::List(_) => "list",
            Command::Init(_) => "init",
            Command::Import(_) => "import",
            Command::Export(_) => "export",
            Command::Completions(_) => "completions",
            Command::Man(_) => "man",
        }
    }

    /// The format to write: the one typed, else the command's own default
    /// (`table` for results, `csv` for `export`, `html` for `report`).
    pub fn output_format(&self) -> crate::render::Format {
        use crate::render::Format;
        if self.format_given {
            return self.format;
        }
        match &self.command {
            Command::Export(_) => Format::Csv,
            Command::Report(_) => Format::Html,
            _ => Format::Table,
        }
    }
}

/// The heading of the options every command takes.
const GLOBAL: &str = "Global options";

const EXAMPLES: &str = "\
Examples:
  tradeoffs rank                           rank the options (built-in model if no files here)
  tradeoffs -C models/ports rank -p balanced
  tradeoffs sensitivity --format json | jq .summary
  tradeoffs init my-model && tradeoffs -C my-model check
  tradeoffs import scores.xlsx --cost cost_us
  tradeoffs export --format xmcda --out model.xml

Exit codes: 0 success, 1 a problem in the input files, 2 a usage error.";

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Rank the options, with scores and their top contributing criteria
    #[command(
        after_long_help = "Examples:\n  tradeoffs rank\n  tradeoffs rank --profile public_health --method topsis\n  tradeoffs rank --format csv > ranking.csv"
    )]
    Rank(RankArgs),
    /// Validate both files and report every problem at once
    #[command(
        after_long_help = "Examples:\n  tradeoffs check\n  tradeoffs check --strict --sources papers/"
    )]
    Check(CheckArgs),
    /// Show the weights a profile yields (and the AHP consistency ratio)
    #[command(
        after_long_help = "Examples:\n  tradeoffs weights\n  tradeoffs weights --profile mexico_gov --format json"
    )]
    Weights(WeightsArgs),
    /// Rankings side by side across methods or profiles, with rank correlations
    #[command(
        after_long_help = "Examples:\n  tradeoffs compare --methods all\n  tradeoffs compare --profiles all --svg heat.svg"
    )]
    Compare(CompareArgs),
    /// Why one option ranks above another: criterion-by-criterion contributions
    #[command(
        after_long_help = "Examples:\n  tradeoffs list options\n  tradeoffs explain port_detection eradication"
    )]
    Explain(ExplainArgs),
    /// One-way weight sweeps, exact swap thresholds, the most critical criterion
    /// and the nearest flip of the top option
    #[command(
        after_long_help = "Examples:\n  tradeoffs sensitivity\n  tradeoffs sensitivity --criterion violence --svg sweep.svg"
    )]
    Sensitivity(SensitivityArgs),
    /// Stochastic multicriteria acceptability analysis (SMAA-2)
    #[command(
        after_long_help = "Examples:\n  tradeoffs smaa\n  tradeoffs smaa --samples 1000000 --seed 7 --format json"
    )]
    Smaa(SmaaArgs),
    /// Charts with no command of their own: tornado and frontier
    #[command(
        after_long_help = "Examples:\n  tradeoffs chart tornado --svg tornado.svg\n  tradeoffs chart frontier --cost cost_us --svg frontier.svg"
    )]
    Chart(ChartArgs),
    /// A self-contained HTML report (or Markdown with SVG files)
    #[command(
        after_long_help = "Examples:\n  tradeoffs report --out report.html\n  tradeoffs report --format md --out report/"
    )]
    Report(ReportArgs),
    /// A local web page for live workshops, and its JSON API
    #[command(
        after_long_help = "Examples:\n  tradeoffs serve\n  tradeoffs serve --bind 0.0.0.0 --port 8080"
    )]
    Serve(ServeArgs),
    /// The ids and names of the options, criteria or profiles
    #[command(
        after_long_help = "Examples:\n  tradeoffs list\n  tradeoffs list criteria --format csv"
    )]
    List(ListArgs),
    /// Start a model: a small commented example, or the built-in model's files
    #[command(
        after_long_help = "Examples:\n  tradeoffs init my-model\n  tradeoffs init --from-builtin"
    )]
    Init(InitArgs),
    /// Make a model from a score table (CSV or a spreadsheet) or an XMCDA file
    #[command(
        after_long_help = "The table has a header row and one row per option: a `name` column (or `id`),\nthen one numeric column per criterion; columns `<criterion>.low` and\n`<criterion>.high` give ranges.\n\nExamples:\n  tradeoffs import scores.csv --cost cost_us,time_to_effect\n  tradeoffs import scores.xlsx --sheet Scores -C my-model\n  tradeoffs import model.xml"
    )]
    Import(ImportArgs),
    /// Write the model out: the score matrix as CSV, or XMCDA 4.0.0
    #[command(
        after_long_help = "Examples:\n  tradeoffs export > scores.csv\n  tradeoffs export --format xmcda --out model.xml"
    )]
    Export(ExportArgs),
    /// Shell completions for bash, zsh, fish, elvish or powershell
    #[command(
        after_long_help = "Examples:\n  tradeoffs completions bash > ~/.local/share/bash-completion/completions/tradeoffs\n  tradeoffs completions zsh > ~/.zfunc/_tradeoffs"
    )]
    Completions(CompletionsArgs),
    /// The manual page (roff), for `man`
    #[command(after_long_help = "Examples:\n  tradeoffs man > tradeoffs.1 && man ./tradeoffs.1")]
    Man(ManArgs),
    /// Read a workshop's session log: timeline, each participant, the group
    #[command(after_long_help = "Examples:\n  tradeoffs replay tradeoffs-session.jsonl")]
    Replay(ReplayArgs),
}

/// `list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// What to list
    #[arg(value_name = "WHAT", default_value = "options")]
    pub what: ListKind,
}

/// What `list` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListKind {
    /// The policy options.
    Options,
    /// The criteria, with group and direction.
    Criteria,
    /// The stakeholder profiles.
    Profiles,
}

/// `init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to write options.toml and criteria.toml into (created if missing)
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,

    /// Write the built-in model's files instead of the small example
    #[arg(long)]
    pub from_builtin: bool,

    /// Replace files that already exist
    #[arg(long)]
    pub force: bool,
}

/// `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A score table (.csv, .tsv, .xlsx, .xls, .ods) or an XMCDA file (.xml); `-` reads CSV from standard input
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Criteria where less is better (ids or header names, comma-separated)
    #[arg(long, value_name = "ID,…", value_delimiter = ',')]
    pub cost: Vec<String>,

    /// The workbook sheet to read [default: the first]
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,

    /// The folder to write options.toml and criteria.toml into
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub out: PathBuf,

    /// Replace files that already exist
    #[arg(long)]
    pub force: bool,
}

/// `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Where to write; `-` is standard output
    #[arg(long, value_name = "FILE", default_value = "-")]
    pub out: PathBuf,

    /// Replace the file if it exists
    #[arg(long)]
    pub force: bool,
}

/// `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// `man`.
#[derive(Debug, Args)]
pub struct ManArgs {}

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

    /// Start a new session instead of resuming the one in tradeoffs-session.json
    #[arg(long)]
    pub new_session: bool,
}

/// `replay`.
#[derive(Debug, Args)]
pub struct ReplayArgs {
    /// The session log (tradeoffs-session.jsonl)
    #[arg(value_name = "LOG")]
    pub log: PathBuf,
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

    /// Where to write: an .html file (`-`: standard output), a .md file with
    /// its charts beside it, or a folder with --format md
    #[arg(long, value_name = "FILE|DIR")]
    pub out: PathBuf,

    /// SMAA samples for the report's acceptability section
    #[arg(long, default_value_t = 20_000, value_name = "N")]
    pub samples: u64,

    /// Random seed of the report's SMAA section
    #[arg(long, default_value_t = crate::analysis::smaa::DEFAULT_SEED, value_name = "SEED")]
    pub seed: u64,

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

    /// Only this criterion: its sweep, its interval and its critical change
    #[arg(long, short, value_name = "CRITERION")]
    pub criterion: Option<String>,

    /// How the other weights make room: proportional or equal
    #[arg(long, default_value = "proportional", value_name = "RULE")]
    pub rebalance: crate::analysis::sensitivity::Rebalance,

    /// List the swaps, pairs and profile ranks for the first K places
    #[arg(long, default_value_t = crate::analysis::sensitivity::DEFAULT_TOP, value_name = "K",
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    pub top: usize,

    /// List every swap, pair and profile rank instead (grows with the square of the options)
    #[arg(long, conflicts_with = "top")]
    pub all: bool,

    #[command(flatten)]
    pub chart: SvgArgs,
}

/// `smaa`.
#[derive(Debug, Args)]
pub struct SmaaArgs {
    /// The profile whose weights are varied [default: the model's default profile]
    #[arg(long, short, value_name = "PROFILE", conflicts_with = "profiles")]
    pub profile: Option<String>,

    /// `all`: random mixtures of every stakeholder profile's weights
    #[arg(long, value_name = "all")]
    pub profiles: Option<String>,

    /// profile: vary the profile's weights (within its bounds and ratios, else
    /// within ±--spread); any: uniform over all weights (no preference
    /// information); exact: the profile's weights, fixed
    #[arg(long, value_name = "profile|any|exact", default_value = "profile")]
    pub weights: crate::analysis::smaa::weights::WeightMode,

    /// Aggregation method
    #[arg(long, short, default_value = "wsm", value_name = "METHOD")]
    pub method: MethodKind,

    /// Monte Carlo samples
    #[arg(long, short = 'n', default_value_t = 100_000, value_name = "N")]
    pub samples: u64,

    /// Random seed; the same seed gives the same output whatever --threads is
    #[arg(long, default_value_t = crate::analysis::smaa::DEFAULT_SEED, value_name = "S")]
    pub seed: u64,

    /// fixed: use score values; uncertain: draw each uncertain score from its
    /// distribution (triangular on low, value, high unless the score states
    /// one) [default: uncertain when any score is uncertain]
    #[arg(long, value_name = "MODE")]
    pub scores: Option<crate::analysis::smaa::ScoreMode>,

    /// With a numeric profile: each weight without bounds varies within ±X of
    /// its value (relative) [default: 0.25]
    #[arg(long, value_name = "X", allow_negative_numbers = true)]
    pub spread: Option<f64>,

    /// Acceptabilities for the top K ranks only [default: all ranks up to 200
    /// options, else 10]
    #[arg(long, value_name = "K")]
    pub ranks: Option<usize>,

    /// Compute pairwise winning indices on a model of more than 200 options
    #[arg(long)]
    pub pairwise: bool,

    /// Also show the central weights of every option that ranks first and the
    /// pairwise winning indices
    #[arg(long)]
    pub detail: bool,

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

    /// Sort the rows by this column's rank (a method or profile id) [default: the first column]
    #[arg(long, value_name = "COLUMN")]
    pub sort: Option<String>,

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
