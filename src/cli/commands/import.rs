use std::io::Read;
use std::path::Path;

use crate::cli::args::{Cli, ImportArgs};
use crate::error::Error;
use crate::input::{self, FileKind, SourceText, Sources};
use crate::interop::{Exchange, score_table, to_toml, xmcda};
use crate::output;

pub fn run(cli: &Cli, args: &ImportArgs) -> Result<(), Error> {
    let label = args.file.display().to_string();
    let title = args
        .file
        .file_stem()
        .map_or("Imported model".to_string(), |s| {
            s.to_string_lossy().into_owned()
        });
    let extension = args
        .file
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let model = match extension.as_str() {
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => {
            let grid = score_table::read_workbook(&args.file, args.sheet.as_deref())
                .map_err(|e| Error::Input { rendered: e })?;
            table_model(&grid, args, &title)?
        }
        "xml" => {
            let text = read_text(&args.file)?;
            xmcda::read(&text, &title).map_err(|p| problems(&label, &p))?
        }
        _ => {
            let bytes = read_bytes(&args.file)?;
            if bytes.trim_ascii_start().starts_with(b"<") {
                let text = String::from_utf8_lossy(&bytes);
                xmcda::read(&text, &title).map_err(|p| problems(&label, &p))?
            } else {
                let grid = score_table::read_csv(&bytes, &label)
                    .map_err(|e| Error::Input { rendered: e })?;
                table_model(&grid, args, &title)?
            }
        }
    };
    if extension == "xml" && !args.cost.is_empty() {
        return Err(Error::Usage(
            "--cost is for score tables; an XMCDA file gives each criterion's preferenceDirection"
                .into(),
        ));
    }
    write_model(
        &model,
        &args.out,
        args.force,
        &format!("imported from {label}"),
    )?;
    if !cli.quiet {
        eprintln!(
            "wrote {} and {}: {} options × {} criteria; run `tradeoffs{} check`",
            args.out.join("options.toml").display(),
            args.out.join("criteria.toml").display(),
            model.options.len(),
            model.criteria.len(),
            if args.out == Path::new(".") {
                String::new()
            } else {
                format!(" -C {}", args.out.display())
            }
        );
    }
    Ok(())
}

fn table_model(
    grid: &score_table::Grid,
    args: &ImportArgs,
    title: &str,
) -> Result<Exchange, Error> {
    let layout = score_table::Layout {
        title: title.to_string(),
        costs: args.cost.clone(),
    };
    score_table::to_exchange(grid, &layout)
        .map_err(|p| problems(&args.file.display().to_string(), &p))
}

fn problems(label: &str, problems: &[String]) -> Error {
    let mut rendered = String::new();
    for p in problems {
        rendered.push_str(&format!("error: {p}\n"));
    }
    rendered.push_str(&format!(
        "{} problem{} in {label}: nothing was written",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    ));
    Error::Input { rendered }
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, Error> {
    if output::is_stdout(path) {
        let mut bytes = vec![];
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::Input {
                rendered: format!("error: cannot read standard input: {e}"),
            })?;
        return Ok(bytes);
    }
    std::fs::read(path).map_err(|e| Error::Input {
        rendered: format!("error: cannot read {}: {}", path.display(), e.kind()),
    })
}

fn read_text(path: &Path) -> Result<String, Error> {
    String::from_utf8(read_bytes(path)?).map_err(|_| Error::Input {
        rendered: format!("error: {} is not UTF-8 text", path.display()),
    })
}

/// Writes both model files into `folder`, after checking that they load: an
/// import never leaves a model that `check` rejects, nor half of one.
pub(super) fn write_model(
    model: &Exchange,
    folder: &Path,
    force: bool,
    origin: &str,
) -> Result<(), Error> {
    let texts = to_toml(model, origin);
    let options = folder.join("options.toml");
    let criteria = folder.join("criteria.toml");
    let checked = input::check(
        Sources {
            options: SourceText {
                kind: FileKind::Options,
                name: options.display().to_string(),
                text: texts.options.clone(),
            },
            criteria: SourceText {
                kind: FileKind::Criteria,
                name: criteria.display().to_string(),
                text: texts.criteria.clone(),
            },
        },
        vec![],
    );
    if checked.model.is_none() {
        let mut rendered = String::new();
        for d in &checked.diagnostics {
            rendered.push_str(&checked.sources.render(d));
            rendered.push('\n');
        }
        rendered.push_str("the imported model does not load: nothing was written");
        return Err(Error::Input { rendered });
    }
    output::refuse_existing(&[&options, &criteria], force)?;
    output::write_atomic(&criteria, texts.criteria.as_bytes(), force)?;
    output::write_atomic(&options, texts.options.as_bytes(), force)?;
    Ok(())
}
