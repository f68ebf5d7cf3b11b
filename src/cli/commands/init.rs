use crate::cli::args::{Cli, InitArgs};
use crate::error::Error;
use crate::input::{DEFAULT_CRITERIA, DEFAULT_OPTIONS};
use crate::output;

/// The starter model's criteria: two groups, one profile in each form.
const STARTER_CRITERIA: &str = include_str!("../starter/criteria.toml");
/// The starter model's options.
const STARTER_OPTIONS: &str = include_str!("../starter/options.toml");

pub fn run(cli: &Cli, args: &InitArgs) -> Result<(), Error> {
    let (options, criteria, what) = if args.from_builtin {
        (DEFAULT_OPTIONS, DEFAULT_CRITERIA, "the built-in model")
    } else {
        (STARTER_OPTIONS, STARTER_CRITERIA, "a starter model")
    };
    let options_path = args.dir.join("options.toml");
    let criteria_path = args.dir.join("criteria.toml");
    output::refuse_existing(&[&options_path, &criteria_path], args.force)?;
    output::write_atomic(&criteria_path, criteria.as_bytes(), args.force)?;
    output::write_atomic(&options_path, options.as_bytes(), args.force)?;
    if !cli.quiet {
        let dir = args.dir.display();
        eprintln!(
            "wrote {what} to {} and {}; next: `tradeoffs -C {dir} check`, then `tradeoffs -C {dir} rank`",
            options_path.display(),
            criteria_path.display()
        );
    }
    Ok(())
}
