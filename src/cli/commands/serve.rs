use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::cli::args::{Cli, ServeArgs};
use crate::cli::context::Context;
use crate::error::Error;
use crate::input::{ModelPaths, Origin, read_sources};
use crate::serve::{Session, SessionOptions, network_addresses, serve};

/// The state file and the log live beside the criteria file (or in the
/// current folder for the built-in model).
const STATE_FILE: &str = "tradeoffs-session.json";
const LOG_FILE: &str = "tradeoffs-session.jsonl";

pub fn run(cli: &Cli, args: &ServeArgs) -> Result<(), Error> {
    let ctx = Context::load(cli)?;
    let paths = ModelPaths {
        options: cli.options.clone(),
        criteria: cli.criteria.clone(),
    };
    let (sources, _, origin) = read_sources(&paths, Path::new("."));
    let from_files = origin == Origin::Files;
    // Saves go into the criteria file in use; the built-in model has none.
    let criteria_path = from_files.then(|| {
        cli.criteria
            .clone()
            .unwrap_or_else(|| PathBuf::from("criteria.toml"))
    });
    let options_path = from_files.then(|| {
        cli.options
            .clone()
            .unwrap_or_else(|| PathBuf::from("options.toml"))
    });
    let folder = criteria_path
        .as_ref()
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .unwrap_or_default();
    let log_path = (!args.no_log).then(|| folder.join(LOG_FILE));
    if let Some(log) = &log_path {
        eprintln!("session log: {}", log.display());
    }
    let session = Session::open(
        ctx.model,
        SessionOptions {
            criteria_path,
            options_path,
            log_path,
            state_path: Some(folder.join(STATE_FILE)),
            new_session: args.new_session,
            model_texts: (sources.options.text, sources.criteria.text),
            addresses: network_addresses(args.bind),
            folder: std::env::current_dir().unwrap_or_default(),
        },
    )?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Server(e.to_string()))?;
    runtime.block_on(serve(
        Arc::new(session),
        SocketAddr::new(args.bind, args.port),
    ))
}
