use crate::cli::args::{Cli, ReplayArgs};
use crate::cli::context::Context;
use crate::error::Error;
use crate::methods::MethodKind;
use crate::serve::group::{Mean, group_weights};
use crate::serve::replay::replay;
use crate::serve::weights::from_ids;

/// How many options each participant's line names.
const TOP: usize = 3;

pub fn run(cli: &Cli, args: &ReplayArgs) -> Result<(), Error> {
    let text = std::fs::read_to_string(&args.log).map_err(|e| {
        Error::Usage(format!(
            "cannot read the session log {}: {e}",
            args.log.display()
        ))
    })?;
    let r = replay(&text);
    let ctx = Context::load(cli)?;
    let m = &ctx.model;
    let rows: Vec<(String, Vec<f64>)> = r
        .participants
        .iter()
        .filter_map(|p| from_ids(m, &p.weights).map(|w| (format!("p{} {}", p.id, p.name), w)))
        .collect();
    let weights: Vec<Vec<f64>> = rows.iter().map(|(_, w)| w.clone()).collect();
    let names = |w: &[f64], n: usize| -> String {
        crate::analysis::rank(m, "replay", w, MethodKind::Wsm)
            .ranking
            .iter()
            .take(n)
            .map(|o| format!("{}. {}", o.rank, o.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let percent = |w: &[f64]| -> String {
        m.criteria
            .iter()
            .zip(w)
            .map(|(c, w)| format!("{} {:.1}%", c.name, 100.0 * w))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = String::new();
    match group_weights(&weights, Mean::Arithmetic) {
        Some(g) => {
            out += &format!(
                "Group profile ({} participant{}, arithmetic mean): {}\n  weights: {}\n",
                rows.len(),
                if rows.len() == 1 { "" } else { "s" },
                names(&g, TOP),
                percent(&g)
            );
        }
        None => out += "No participant's submission stands at the end of this log.\n",
    }
    if !rows.is_empty() {
        out += "\nParticipants (their top options under WSM, then their weights):\n";
        for (who, w) in &rows {
            out += &format!("  {who}: {}\n    weights: {}\n", names(w, TOP), percent(w));
        }
    }
    out += "\nTimeline:\n";
    let start = r.timeline.first().map_or(0.0, |t| t.time);
    for moment in &r.timeline {
        let s = (moment.time - start).max(0.0) as u64;
        out += &format!(
            "  +{:02}:{:02}:{:02}  {}\n",
            s / 3600,
            s / 60 % 60,
            s % 60,
            moment.what
        );
    }
    if r.model_hashes.len() > 1 {
        out += "\nnote: the model changed during the log; weights are matched by criterion id\n";
    }
    print!("{out}");
    if !r.broken.is_empty() {
        eprintln!(
            "warning: {} line{} of {} could not be read (line {})",
            r.broken.len(),
            if r.broken.len() == 1 { "" } else { "s" },
            args.log.display(),
            r.broken
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    Ok(())
}
