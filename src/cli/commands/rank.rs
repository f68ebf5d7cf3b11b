use crate::analysis;
use crate::cli::args::{Cli, RankArgs};
use crate::cli::context::Context;
use crate::error::Error;

pub fn run(cli: &Cli, args: &RankArgs) -> Result<(), Error> {
    let settings = args.settings.settings()?;
    let ctx = Context::load(cli)?;
    let profile = ctx.profile(args.profile.profile.as_deref())?;
    let (profile, weights) = ctx.weights(profile);
    let report = analysis::rank_with(
        &ctx.model,
        &profile,
        &weights.weights,
        args.method,
        &settings,
    );
    ctx.print(&report)?;
    ctx.write_svg(&args.chart, || {
        Some(crate::render::svg::stacked_bars(
            &crate::render::charts::rank_bars(&ctx.model, &report),
        ))
    })?;
    Ok(())
}
