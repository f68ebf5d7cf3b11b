use crate::analysis::smaa::weights::{DEFAULT_SPREAD, WeightMode, from_profile};
use crate::analysis::smaa::{self, Request, ScoreMode, WeightInfo};
use crate::cli::args::{Cli, SmaaArgs};
use crate::cli::context::Context;
use crate::error::Error;
use crate::render::views::smaa::SmaaTable;
use crate::weights;

pub fn run(cli: &Cli, args: &SmaaArgs) -> Result<(), Error> {
    if args.samples == 0 {
        return Err(Error::Usage("--samples must be at least 1".into()));
    }
    if args.threads == Some(0) {
        return Err(Error::Usage("--threads must be at least 1".into()));
    }
    if args.ranks == Some(0) {
        return Err(Error::Usage("--ranks must be at least 1".into()));
    }
    if let Some(x) = args.spread {
        if !(x.is_finite() && x >= 0.0) {
            return Err(Error::Usage(format!(
                "--spread must be a non-negative number (a relative half-width, e.g. 0.2), not {x}"
            )));
        }
        if args.weights != WeightMode::Profile || args.profiles.is_some() {
            return Err(Error::Usage(
                "--spread varies a profile's weights: use it with --weights profile and one profile"
                    .into(),
            ));
        }
    }
    let ctx = Context::load(cli)?;
    let model = &ctx.model;
    let (profile, info) = if let Some(all) = &args.profiles {
        if all != "all" {
            return Err(Error::Usage(format!(
                "--profiles takes `all`, not `{all}`; use --profile P for one profile"
            )));
        }
        if model.profiles.is_empty() {
            return Err(Error::Usage(
                "--profiles all: the model has no profiles".into(),
            ));
        }
        let mixture = model
            .profiles
            .iter()
            .map(|p| weights::of_profile(model, p).weights)
            .collect();
        ("all".to_string(), WeightInfo::Mixture(mixture))
    } else {
        let uniform = WeightInfo::Uniform {
            criteria: model.criteria.len(),
        };
        if args.weights == WeightMode::Any && args.profile.is_some() {
            return Err(Error::Usage(
                "--weights any uses no profile's information; drop --profile, or use --weights profile"
                    .into(),
            ));
        }
        match (ctx.profile(args.profile.as_deref())?, args.weights) {
            (_, WeightMode::Any) => ("none".to_string(), uniform),
            (None, WeightMode::Profile) if args.spread.is_none() => {
                // No profile to start from: the weights line says so.
                ("none".to_string(), uniform)
            }
            (None, _) => {
                return Err(Error::Usage(
                    "the model has no profiles; --weights exact and --spread need one".into(),
                ));
            }
            (Some(index), mode) => {
                let p = &model.profiles[index];
                let info = match mode {
                    WeightMode::Exact => WeightInfo::Fixed(weights::of_profile(model, p).weights),
                    _ => {
                        if args.spread.is_some()
                            && matches!(p.form, crate::model::ProfileForm::Ranking(_))
                        {
                            return Err(Error::Usage(format!(
                                "--spread needs numeric weights, but profile `{}` is a ranking; its weights are already sampled from its order",
                                p.id
                            )));
                        }
                        from_profile(model, p, args.spread.unwrap_or(DEFAULT_SPREAD))
                    }
                };
                (p.id.to_string(), info)
            }
        }
    };
    let scores = args.scores.unwrap_or(if smaa::has_ranges(model) {
        ScoreMode::Uncertain
    } else {
        ScoreMode::Fixed
    });
    let report = smaa::run(
        model,
        &Request {
            profile,
            weights: info,
            method: args.method,
            samples: args.samples,
            seed: args.seed,
            scores,
            threads: args.threads,
            progress: true,
            ranks: args.ranks,
            pairwise: args.pairwise.then_some(true),
        },
    )
    .map_err(|e| Error::Usage(e.to_string()))?;
    ctx.print(&SmaaTable {
        report: &report,
        detail: args.detail,
    })?;
    ctx.write_svg(&args.chart, || {
        Some(crate::render::svg::stacked_bars(
            &crate::render::charts::acceptability_bars(&report),
        ))
    })?;
    Ok(())
}
