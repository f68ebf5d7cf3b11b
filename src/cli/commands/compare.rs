use crate::analysis::compare::{Column, compare};
use crate::cli::args::{Cli, CompareArgs};
use crate::cli::context::Context;
use crate::error::Error;
use crate::methods::MethodKind;

/// `all`, or the comma-separated names in a list.
fn names(list: &str) -> Option<Vec<&str>> {
    (list != "all").then(|| {
        list.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    })
}

pub fn run(cli: &Cli, args: &CompareArgs) -> Result<(), Error> {
    let settings = args.settings.settings()?;
    let ctx = Context::load(cli)?;
    let report = if let Some(list) = &args.profiles {
        let chosen: Vec<usize> = match names(list) {
            None => (0..ctx.model.profiles.len()).collect(),
            Some(ids) => ids
                .into_iter()
                .map(|id| ctx.profile(Some(id)).map(|p| p.unwrap_or(0)))
                .collect::<Result<_, _>>()?,
        };
        if chosen.len() < 2 {
            return Err(Error::Usage(
                "--profiles needs at least two profiles to compare".into(),
            ));
        }
        let columns: Vec<Column> = chosen
            .into_iter()
            .map(|p| {
                let (label, w) = ctx.weights(Some(p));
                Column {
                    label,
                    weights: w.weights,
                    method: args.method,
                }
            })
            .collect();
        compare(
            &ctx.model,
            "profiles",
            args.method.name(),
            &columns,
            &settings,
        )
    } else {
        let methods: Vec<MethodKind> = match args.methods.as_deref().and_then(names) {
            None => MethodKind::ALL.to_vec(),
            Some(ids) => ids
                .into_iter()
                .map(|m| m.parse::<MethodKind>().map_err(Error::Usage))
                .collect::<Result<_, _>>()?,
        };
        if methods.len() < 2 {
            return Err(Error::Usage(
                "--methods needs at least two methods to compare".into(),
            ));
        }
        let profile = ctx.profile(args.profile.as_deref())?;
        let (label, w) = ctx.weights(profile);
        let columns: Vec<Column> = methods
            .into_iter()
            .map(|m| Column {
                label: m.name().to_string(),
                weights: w.weights.clone(),
                method: m,
            })
            .collect();
        compare(&ctx.model, "methods", &label, &columns, &settings)
    };
    ctx.print(&report)?;
    ctx.write_svg(&args.chart, || {
        Some(crate::render::svg::heatmap(
            &crate::analysis::charts::rank_heatmap(&report),
        ))
    })?;
    Ok(())
}
