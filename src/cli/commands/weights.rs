use crate::cli::args::{Cli, WeightsArgs};
use crate::cli::context::Context;
use crate::error::Error;
use crate::weights::WeightsReport;

pub fn run(cli: &Cli, args: &WeightsArgs) -> Result<(), Error> {
    let ctx = Context::load(cli)?;
    let profile = ctx.profile(args.profile.profile.as_deref())?;
    let (id, weights) = ctx.weights(profile);
    let name = profile.map_or("equal weights".to_string(), |p| {
        ctx.model.profiles[p].name.clone()
    });
    ctx.print(&WeightsReport::new(&ctx.model, &id, &name, &weights))?;
    Ok(())
}
