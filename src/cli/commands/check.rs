use std::path::Path;

use crate::cli::args::{CheckArgs, Cli};
use crate::cli::context::colour;
use crate::cli::context::read_files;
use crate::error::Error;
use crate::input::quotes::{QuoteCheck, TextPlaces};
use crate::input::{self, Origin};
use crate::render::views::CheckReport;
use crate::render::{Format, Render};

pub fn run(cli: &Cli, args: &CheckArgs) -> Result<(), Error> {
    if let Some(dir) = &args.sources {
        if !dir.is_dir() {
            return Err(Error::Usage(format!(
                "--sources {}: no such folder",
                dir.display()
            )));
        }
    }
    let (sources, early, origin) = read_files(cli);
    // Relative `text = "…"` paths start from the folder of options.toml.
    let model_folder = match (origin, &cli.options) {
        (Origin::Embedded, _) => None,
        (Origin::Files, Some(path)) => Some(path.parent().unwrap_or(Path::new(""))),
        (Origin::Files, None) => Some(Path::new("")),
    };
    let places = TextPlaces {
        model_folder,
        sources_dir: args.sources.as_deref(),
    };
    // The quotes are checked in the same reading of options.toml that builds the model.
    let mut quotes = QuoteCheck::new(places, args.strict);
    let mut checked = input::check_with(sources, early, &mut quotes);
    let quotes = quotes.finish(&mut checked);
    let format = cli.output_format();
    let styled = format == Format::Table && colour(&std::io::stdout());
    let report = CheckReport::new_styled(&checked, args.strict, styled)
        .with_notes(quotes.notes(args.strict));
    crate::output::print(&report.render(format))?;
    if report.ok {
        Ok(())
    } else {
        Err(Error::Reported)
    }
}
