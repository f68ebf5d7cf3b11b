use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::cli::args::{Cli, ReportArgs};
use crate::cli::context::Context;
use crate::error::Error;
use crate::output::write_atomic;
use crate::render::{Format, report};
use crate::report::gather;

/// Today's date, or the date of `SOURCE_DATE_EPOCH` for reproducible reports.
fn today() -> String {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
    // Days since 1970-01-01 to a civil date (Hinnant, "chrono-compatible
    // low-level date algorithms", civil_from_days).
    let z = seconds.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

pub fn run(cli: &Cli, args: &ReportArgs) -> Result<(), Error> {
    if args.samples == 0 {
        return Err(Error::Usage("--samples must be at least 1".into()));
    }
    let ctx = Context::load(cli)?;
    let profile = ctx.profile(args.profile.profile.as_deref())?;
    let data = gather(&ctx.model, profile, args.samples, args.seed, today())
        .map_err(|e| Error::Usage(e.to_string()))?;
    // The format is the one asked for, else the file's extension says it.
    let markdown_file = args
        .out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"));
    let format = if cli.format_given {
        cli.format
    } else if markdown_file {
        Format::Md
    } else {
        Format::Html
    };
    match format {
        Format::Md => {
            // `--out FILE.md` writes that file with the charts beside it;
            // `--out DIR` writes DIR/report.md.
            let (folder, path) = if markdown_file {
                let folder = match args.out.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                    _ => Path::new(".").to_path_buf(),
                };
                (folder, args.out.clone())
            } else {
                (args.out.clone(), args.out.join("report.md"))
            };
            let (text, charts) = report::markdown(&ctx.model, &data);
            for (file, svg) in &charts {
                write_atomic(&folder.join(file), svg.as_bytes(), args.force)?;
            }
            write_atomic(&path, text.as_bytes(), args.force)?;
            ctx.note(&format!(
                "wrote {} and {} charts",
                path.display(),
                charts.len()
            ));
        }
        _ => {
            let path: &Path = &args.out;
            write_atomic(path, report::html(&ctx.model, &data).as_bytes(), args.force)?;
            if !crate::output::is_stdout(path) {
                ctx.note(&format!("wrote {}", path.display()));
            }
        }
    }
    Ok(())
}
