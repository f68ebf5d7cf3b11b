use crate::analysis::compare::{Column, compare};
use crate::cli::args::{Cli, CompareArgs};
use crate::cli::context::Context;
use crate::error::Error;
use crate::methods::MethodKind;
use crate::render::{charts, svg};

/// `all`, or the comma-separated names in a list.
fn names(list: &str) -> Option<Vec<&str>> {
    (list != "all").then(|| {
        list.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    })
}

/// The index of the `--sort` column, or the first.
fn sort_column(columns: &[Column], sort: Option<&str>) -> Result<usize, Error> {
    let Some(sort) = sort else { return Ok(0) };
    columns.iter().position(|c| c.label == sort).ok_or_else(|| {
        let labels: Vec<&str> = columns.iter().map(|c| c.label.as_str()).collect();
        Error::Usage(format!(
            "--sort `{sort}` is not one of the compared columns: {}",
            labels.join(", ")
        ))
    })
}

pub fn run(cli: &Cli, args: &CompareArgs) -> Result<(), Error> {
    let settings = args.settings.settings()?;
    let ctx = Context::load(cli)?;
    let (across, fixed, fixed_name, columns) = if let Some(list) = &args.profiles {
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
                    name: ctx.model.profiles[p].name.clone(),
                    weights: w.weights,
                    method: args.method,
                }
            })
            .collect();
        let name = args.method.title().to_string();
        ("profiles", args.method.name().to_string(), name, columns)
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
        let name = profile.map_or("equal weights".to_string(), |p| {
            ctx.model.profiles[p].name.clone()
        });
        let columns: Vec<Column> = methods
            .into_iter()
            .map(|m| Column {
                label: m.name().to_string(),
                name: m.name().to_string(),
                weights: w.weights.clone(),
                method: m,
            })
            .collect();
        ("methods", label, name, columns)
    };
    let sort = sort_column(&columns, args.sort.as_deref())?;
    let report = compare(
        &ctx.model,
        (across, &fixed, &fixed_name),
        &columns,
        sort,
        &settings,
    );
    ctx.print(&report)?;
    ctx.write_svg(&args.chart, || {
        Some(svg::heatmap(&charts::rank_heatmap(&report)))
    })?;
    Ok(())
}
