use crate::cli::args::{Cli, ExportArgs};
use crate::cli::context::Context;
use crate::error::Error;
use crate::interop::{Exchange, score_table, xmcda};
use crate::output;
use crate::render::Format;

pub fn run(cli: &Cli, args: &ExportArgs) -> Result<(), Error> {
    let ctx = Context::load(cli)?;
    let model = Exchange::from_model(&ctx.model);
    let text = match cli.output_format() {
        Format::Xmcda => xmcda::write(&model),
        _ => score_table::write_csv(&model),
    };
    output::write_atomic(&args.out, text.as_bytes(), args.force)?;
    if !output::is_stdout(&args.out) {
        ctx.note(&format!("wrote {}", args.out.display()));
    }
    Ok(())
}
