use crate::analysis::explain::explain;
use crate::cli::args::{Cli, ExplainArgs};
use crate::cli::context::Context;
use crate::error::Error;

pub fn run(cli: &Cli, args: &ExplainArgs) -> Result<(), Error> {
    let settings = args.settings.settings()?;
    let ctx = Context::load(cli)?;
    let (a, b) = (ctx.option(&args.a)?, ctx.option(&args.b)?);
    if a == b {
        return Err(Error::Usage("explain needs two different options".into()));
    }
    let profile = ctx.profile(args.profile.profile.as_deref())?;
    let (id, weights) = ctx.weights(profile);
    let report = explain(
        &ctx.model,
        &id,
        &weights.weights,
        (a, b),
        args.method,
        &settings,
    );
    ctx.print(&report)?;
    Ok(())
}
