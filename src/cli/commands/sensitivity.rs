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
    ctx.print(&report)?;
    ctx.write_svg(&args.chart, || {
        // The named criterion, else the most critical one, else the first.
        let index = report
            .critical
            .as_ref()
            .filter(|_| criterion.is_none())
            .and_then(|c| report.criteria.iter().position(|s| s.id == c.criterion))
            .unwrap_or(0);
        crate::render::charts::sweep_lines(&report, index)
            .map(|c| crate::render::svg::line_chart(&c))
    })?;
    Ok(())
}
