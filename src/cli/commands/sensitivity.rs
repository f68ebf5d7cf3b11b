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
            top: args.top,
            all: args.all,
        },
    );
    ctx.print(&report)?;
    ctx.write_svg(&args.chart, || {
        // The sweep that carries samples: the named criterion, else the most critical one.
        let index = report
            .criteria
            .iter()
            .position(|s| !s.samples.is_empty())
            .unwrap_or(0);
        crate::render::charts::sweep_lines(&report, index)
            .map(|c| crate::render::svg::line_chart(&c))
    })?;
    Ok(())
}
