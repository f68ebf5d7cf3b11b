use crate::cli::args::{CheckArgs, Cli};
use crate::cli::context::check_files;
use crate::error::Error;
use crate::render::Render;
use crate::render::views::CheckReport;

pub fn run(cli: &Cli, args: &CheckArgs) -> Result<(), Error> {
    let checked = check_files(cli);
    let report = CheckReport::new(&checked, args.strict);
    crate::output::print(&report.render(cli.output_format()))?;
    if report.ok {
        Ok(())
    } else {
        Err(Error::Reported)
    }
}
