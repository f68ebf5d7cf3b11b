use crate::analysis::smaa::{self, Request, ScoreMode, WeightInfo};
use crate::cli::args::{Cli, SmaaArgs};
use crate::cli::context::Context;
use crate::error::Error;
use crate::model::ProfileForm;
use crate::weights;

pub fn run(cli: &Cli, args: &SmaaArgs) -> Result<(), Error> {
    if args.samples == 0 {
        return Err(Error::Usage("--samples must be at least 1".into()));
    }
    if args.threads == Some(0) {
        return Err(Error::Usage("--threads must be at least 1".into()));
    }
    if let Some(x) = args.spread {
        if !(x.is_finite() && x >= 0.0) {
            return Err(Error::Usage(format!(
                "--spread must be a non-negative number (a relative half-width, e.g. 0.2), not {x}"
            )));
        }
    }
    let ctx = Context::load(cli)?;
    let model = &ctx.model;
    let (profile, info) = match (&args.profiles, &args.profile) {
        (Some(all), _) => {
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
        }
        (None, Some(name)) => {
            let index = ctx.profile(Some(name))?.unwrap_or(0);
            let p = &model.profiles[index];
            let info = match (&p.form, args.spread, p.bounds.is_empty()) {
                (ProfileForm::Ranking(levels), None, _) => WeightInfo::Ordinal {
                    levels: levels.clone(),
                    criteria: model.criteria.len(),
                },
                (ProfileForm::Ranking(_), Some(_), _) => {
                    return Err(Error::Usage(format!(
                        "--spread needs numeric weights, but profile `{name}` is a ranking; its weights are already sampled from its order"
                    )));
                }
                (_, Some(spread), _) => WeightInfo::Spread {
                    weights: weights::of_profile(model, p).weights,
                    spread,
                },
                (_, None, false) => WeightInfo::Bounded(ctx.bounds(Some(index))),
                (_, None, true) => WeightInfo::Fixed(weights::of_profile(model, p).weights),
            };
            (p.id.to_string(), info)
        }
        (None, None) => {
            if args.spread.is_some() {
                return Err(Error::Usage(
                    "--spread varies a profile's weights: name one with --profile".into(),
                ));
            }
            (
                "none".to_string(),
                WeightInfo::Uniform {
                    criteria: model.criteria.len(),
                },
            )
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
        },
    )
    .map_err(|e| Error::Usage(e.to_string()))?;
    ctx.print(&report)?;
    ctx.write_svg(&args.chart, || {
        Some(crate::render::svg::stacked_bars(
            &crate::render::charts::acceptability_bars(&report),
        ))
    })?;
    Ok(())
}
