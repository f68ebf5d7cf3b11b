use std::path::Path;

use crate::cli::args::{CheckArgs, Cli};
use crate::cli::context::colour;
use crate::cli::context::read_and_check;
use crate::error::Error;
use crate::input::Origin;
use crate::input::quotes::{self, TextPlaces};
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
    let (mut checked, origin) = read_and_check(cli);
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
    let quotes = quotes::verify(&mut checked, places, args.strict);
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
