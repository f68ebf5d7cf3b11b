use crate::analysis::sensitivity::{self, Request};
use crate::cli::args::{Cli, SensitivityArgs};
use crate::cli::context::Context;
use crate::error::Error;

pub fn run(cli: &Cli, args: &SensitivityArgs) -> Result<(), Error> {
    let ctx = Context::load(cli)?;
    let profile = ctx.profile(args.profile.profile.as_deref())?;
    let criterion = args
        .criterion
        .as_deref()
        .map(|c| ctx.criterion(c))
        .transpose()?;
    let (id, weights) = ctx.weights(profile);
    let bounds = ctx.bounds(profile);
    let report = sensitivity::analyse(
        &ctx.model,
        &Request {
            profile: &id,
            weights: &weights.weights,
            bounds,
            method: args.method,
            rebalance: args.rebalance,
            criterion,
        },
    );
    ctx.print(&report);
    Ok(())
}
