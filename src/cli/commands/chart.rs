use crate::analysis::{self, frontier::frontier, swing::swings};
use crate::cli::args::{ChartArgs, ChartKind, Cli};
use crate::cli::context::Context;
use crate::error::Error;
use crate::render::{charts, svg};

pub fn run(cli: &Cli, args: &ChartArgs) -> Result<(), Error> {
    let ctx = Context::load(cli)?;
    let profile = ctx.profile(args.profile.profile.as_deref())?;
    let (id, weights) = ctx.weights(profile);
    let text = match args.kind {
        ChartKind::Tornado => {
            let report = analysis::rank(&ctx.model, &id, &weights.weights, crate::MethodKind::Wsm);
            let top = report
                .ranking
                .first()
                .and_then(|r| ctx.model.option_index(&r.id))
                .unwrap_or(0);
            let swings = swings(&ctx.model, &weights.weights, top);
            svg::tornado(&charts::tornado(&ctx.model, &swings))
        }
        ChartKind::Frontier => {
            let Some(cost) = args.cost.as_deref() else {
                return Err(Error::Usage(
                    "the frontier needs --cost CRITERION for its x axis".into(),
                ));
            };
            let cost = ctx.criterion(cost)?;
            let points = frontier(&ctx.model, &weights.weights, cost);
            svg::scatter(&charts::frontier(&ctx.model, cost, &points))
        }
    };
    crate::output::write_atomic(&args.svg, text.as_bytes(), args.force)?;
    if !cli.quiet && !crate::output::is_stdout(&args.svg) {
        eprintln!("wrote {}", args.svg.display());
    }
    Ok(())
}
