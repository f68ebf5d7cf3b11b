use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use crate::cli::args::{Cli, ServeArgs};
use crate::cli::context::Context;
use crate::error::Error;
use crate::serve::{Session, SessionOptions, serve};

pub fn run(cli: &Cli, args: &ServeArgs) -> Result<(), Error> {
    let ctx = Context::load(cli)?;
    // Saves go into the criteria file in use; the built-in model has none.
    let criteria_path = cli
        .criteria
        .clone()
        .or_else(|| Some(PathBuf::from("criteria.toml")).filter(|p| p.exists()));
    let log_path = (!args.no_log).then(|| {
        criteria_path
            .as_ref()
            .and_then(|p| p.parent().map(|d| d.join("tradeoffs-session.jsonl")))
            .unwrap_or_else(|| PathBuf::from("tradeoffs-session.jsonl"))
    });
    if let Some(log) = &log_path {
        eprintln!("session log: {}", log.display());
    }
    let session = Arc::new(Session::new(
        ctx.model,
        SessionOptions {
            criteria_path,
            log_path,
        },
    ));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Server(e.to_string()))?;
    runtime.block_on(serve(session, SocketAddr::new(args.bind, args.port)))
}
