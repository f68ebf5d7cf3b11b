use crate::cli::args::{Cli, ListArgs, ListKind};
use crate::cli::context::Context;
use crate::error::Error;
use crate::render::views::Listing;

pub fn run(cli: &Cli, args: &ListArgs) -> Result<(), Error> {
    let ctx = Context::load(cli)?;
    let listing = match args.what {
        ListKind::Options => Listing::options(&ctx.model),
        ListKind::Criteria => Listing::criteria(&ctx.model),
        ListKind::Profiles => Listing::profiles(&ctx.model),
    };
    ctx.print(&listing)
}
