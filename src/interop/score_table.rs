//! A score table: options in rows, criteria in columns, one header row, as a
//! spreadsheet keeps it (CSV, or an .xlsx/.xls/.ods workbook read by calamine).
//!
//! The header names the columns. A column headed `id` holds option ids and
//! one headed `name` their names; without either, the first column holds the
//! names and ids are made from them. A column headed `description` is
//! carried along. Every other column is a criterion, except columns headed
//! `<criterion>.low` and `<criterion>.high`, which give the ends of a score's
//! uncertainty range. [`write_csv`] writes the same layout, so a table exported
//! by `tradeoffs export --format csv` imports back unchanged.

use std::path::Path;

use super::{Exchange, ExchangeCriterion, ExchangeOption, ExchangeProfile, ExchangeScore, slug};
use crate::model::Direction;

/// One cell of a score table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing in it.
    Empty,
    /// A number, as a spreadsheet stores it.
    Number(f64),
    /// Text (every CSV cell is text).
    Text(String),
}

/// A cell and where it is, for messages.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    /// The cell.
    pub cell: Cell,
    /// Where: `file:line:column` for CSV, `file [sheet] C4` for a workbook.
    pub place: String,
}

/// The rows of a score table, the header first.
pub type Grid = Vec<Vec<Located>>;

/// Reads a CSV file's rows. A UTF-8 byte-order mark, CRLF line ends and
/// quoted fields (with commas or line breaks inside) are read as a
/// spreadsheet writes them; a semicolon-separated file (as spreadsheets write
/// in locales with a decimal comma) is recognised from its header line.
///
/// # Errors
/// A message naming the line that could not be read.
pub fn read_csv(bytes: &[u8], label: &str) -> Result<Grid, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let count = |c: u8| first_line.iter().filter(|&&b| b == c).count();
    let delimiter = if count(b';') > count(b',') {
        b';'
    } else if count(b'\t') > count(b',') {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut grid = vec![];
    for record in reader.records() {
        let record = record.map_err(|e| format!("{label}: {e}"))?;
        let line = record.position().map_or(0, csv::Position::line);
        let row = record
            .iter()
            .enumerate()
            .map(|(k, text)| Located {
                cell: if text.trim().is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(text.to_string())
                },
                place: format!("{label}:{line}:{}", k + 1),
            })
            .collect();
        grid.push(row);
    }
    Ok(grid)
}

/// Reads the rows of a workbook's sheet (the first sheet unless one is named).
///
/// # Errors
/// A message when the file is not a workbook calamine can read, or the sheet
/// does not exist.
pub fn read_workbook(path: &Path, sheet: Option<&str>) -> Result<Grid, String> {
    use calamine::{Data, Reader, open_workbook_auto};
    let label = path.display().to_string();
    let mut workbook = open_workbook_auto(path).map_err(|e| format!("cannot read {label}: {e}"))?;
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(s) if names.iter().any(|n| n == s) => s.to_string(),
        Some(s) => {
            return Err(format!(
                "{label} has no sheet `{s}`; its sheets are: {}",
                names.join(", ")
            ));
        }
        None => names
            .first()
            .cloned()
            .ok_or_else(|| format!("{label} has no sheets"))?,
    };
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| format!("cannot read sheet `{name}` of {label}: {e}"))?;
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let grid = range
        .rows()
        .enumerate()
        .map(|(r, row)| {
            row.iter()
                .enumerate()
                .map(|(c, data)| Located {
                    cell: match data {
                        Data::Empty => Cell::Empty,
                        Data::Float(x) => Cell::Number(*x),
                        Data::Int(x) => Cell::Number(*x as f64),
                        Data::String(s) if s.trim().is_empty() => Cell::Empty,
                        other => Cell::Text(other.to_string()),
                    },
                    place: format!(
                        "{label} [{name}] {}{}",
                        column_letters(col0 as usize + c),
                        row0 as usize + r + 1
                    ),
                })
                .collect()
        })
        .collect();
    Ok(grid)
}

/// A spreadsheet column's letters: 0 → A, 25 → Z, 26 → AA.
fn column_letters(mut index: usize) -> String {
    let mut letters = vec![];
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// How the columns of a score table are read.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// The model's title.
    pub title: String,
    /// Criteria (ids or header names) where less is better.
    pub costs: Vec<String>,
}

/// What a column of the table holds.
enum Column {
    Id,
    Name,
    Description,
    Criterion(usize),
    Low(usize),
    High(usize),
}

/// Builds a model from a score table. Scales run from the lowest to the
/// highest number in each criterion's column (ranges included; a column of one
/// value gets a scale one unit either side of it); every criterion is a
/// benefit unless named in `layout.costs`; one profile weighs every criterion
/// equally.
///
/// # Errors
/// Every problem found, each naming its cell.
pub fn to_exchange(grid: &Grid, layout: &Layout) -> Result<Exchange, Vec<String>> {
    let mut problems = vec![];
    let mut rows = grid
        .iter()
        .filter(|row| row.iter().any(|c| c.cell != Cell::Empty));
    let Some(header) = rows.next() else {
        return Err(vec![
            "the table is empty: expected a header row, then one row per option".into(),
        ]);
    };
    let heads: Vec<String> = header.iter().map(|c| text(&c.cell)).collect();
    let has = |name: &str| heads.iter().any(|h| h.eq_ignore_ascii_case(name));
    let (has_id, has_name) = (has("id"), has("name"));

    let mut criteria: Vec<ExchangeCriterion> = vec![];
    let mut columns = vec![];
    let mut ranges = vec![];
    for (k, head) in heads.iter().enumerate() {
        let lower = head.to_ascii_lowercase();
        let column = if lower == "id" {
            Column::Id
        } else if lower == "name" || (k == 0 && !has_id && !has_name) {
            Column::Name
        } else if lower == "description" {
            Column::Description
        } else if let Some((base, end)) = range_column(head) {
            ranges.push((k, base.to_string(), end));
            continue;
        } else if head.is_empty() {
            problems.push(format!(
                "{}: this column has numbers but no header; name the criterion in the header row",
                header[k].place
            ));
            continue;
        } else {
            let fallback = format!("c{}", criteria.len() + 1);
            let mut id = slug(head, &fallback);
            if criteria.iter().any(|c| c.id == id) {
                id = format!("{id}_{}", criteria.len() + 1);
            }
            criteria.push(ExchangeCriterion {
                id,
                name: head.clone(),
                description: String::new(),
                direction: Direction::Benefit,
                scale: (0.0, 0.0),
                value_function: None,
            });
            Column::Criterion(criteria.len() - 1)
        };
        columns.push((k, column));
    }
    for (k, base, end) in ranges {
        match find_criterion(&criteria, &base) {
            Some(j) => columns.push((k, if end { Column::High(j) } else { Column::Low(j) })),
            None => problems.push(format!(
                "{}: `{}` names no criterion column (`{base}`)",
                header[k].place, heads[k]
            )),
        }
    }
    if criteria.is_empty() {
        problems.push(format!(
            "{}: no criterion columns: expected a header like `name,cost,benefit,…`",
            header.first().map_or("the header", |c| c.place.as_str())
        ));
    }
    for cost in &layout.costs {
        match find_criterion(&criteria, cost) {
            Some(j) => criteria[j].direction = Direction::Cost,
            None => problems.push(format!(
                "--cost names `{cost}`, which is not a criterion; the criteria are: {}",
                criteria
                    .iter()
                    .map(|c| c.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }

    let mut options: Vec<ExchangeOption> = vec![];
    for row in rows {
        let mut option = ExchangeOption {
            id: String::new(),
            name: String::new(),
            description: String::new(),
            scores: vec![
                ExchangeScore {
                    value: f64::NAN,
                    low: None,
                    high: None
                };
                criteria.len()
            ],
        };
        let cell = |k: usize| row.get(k);
        for (k, column) in &columns {
            let located = cell(*k);
            let place = located.map_or_else(
                || format!("{} (row ends early)", row[0].place),
                |c| c.place.clone(),
            );
            let content = located.map_or(Cell::Empty, |c| c.cell.clone());
            match column {
                Column::Id => option.id = text(&content),
                Column::Name => option.name = text(&content),
                Column::Description => option.description = text(&content),
                Column::Criterion(j) => match number(&content) {
                    Ok(x) => option.scores[*j].value = x,
                    Err(found) => problems.push(format!(
                        "{place}: expected a number for `{}`, found {found}",
                        criteria[*j].name
                    )),
                },
                Column::Low(j) | Column::High(j) => {
                    if content == Cell::Empty {
                        continue;
                    }
                    match number(&content) {
                        Ok(x) if matches!(column, Column::Low(_)) => {
                            option.scores[*j].low = Some(x);
                        }
                        Ok(x) => option.scores[*j].high = Some(x),
                        Err(found) => problems.push(format!(
                            "{place}: expected a number for the range of `{}`, found {found}",
                            criteria[*j].name
                        )),
                    }
                }
            }
        }
        if option.name.is_empty() {
            option.name = option.id.clone();
        }
        if option.id.is_empty() {
            option.id = slug(&option.name, &format!("option_{}", options.len() + 1));
            if options.iter().any(|o| o.id == option.id) {
                option.id = format!("{}_{}", option.id, options.len() + 1);
            }
        } else if options.iter().any(|o| o.id == option.id) {
            problems.push(format!(
                "{}: the id `{}` is used twice; ids must be unique",
                row[0].place, option.id
            ));
        }
        if option.name.is_empty() {
            option.name = option.id.clone();
        }
        options.push(option);
    }
    if options.is_empty() && problems.is_empty() {
        problems.push("the table has a header but no option rows".into());
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    for (j, criterion) in criteria.iter_mut().enumerate() {
        let all = options.iter().flat_map(|o| {
            let s = o.scores[j];
            [Some(s.value), s.low, s.high].into_iter().flatten()
        });
        let (lo, hi) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| {
            (lo.min(x), hi.max(x))
        });
        criterion.scale = if lo < hi {
            (lo, hi)
        } else {
            (lo - 1.0, hi + 1.0)
        };
    }
    let equal = 1.0 / criteria.len() as f64;
    Ok(Exchange {
        title: layout.title.clone(),
        profiles: vec![ExchangeProfile {
            id: "equal".into(),
            name: "Equal weights".into(),
            weights: vec![equal; criteria.len()],
        }],
        default_profile: Some("equal".into()),
        criteria,
        options,
    })
}

/// `Cost.low` → ("Cost", false); `Cost.high` → ("Cost", true).
fn range_column(head: &str) -> Option<(&str, bool)> {
    let (base, end) = head.rsplit_once('.')?;
    match end.trim().to_ascii_lowercase().as_str() {
        "low" => Some((base.trim(), false)),
        "high" => Some((base.trim(), true)),
        _ => None,
    }
}

fn find_criterion(criteria: &[ExchangeCriterion], name: &str) -> Option<usize> {
    criteria
        .iter()
        .position(|c| c.id == name || c.name == name)
        .or_else(|| {
            let id = slug(name, "");
            criteria.iter().position(|c| c.id == id)
        })
}

fn text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Number(x) => x.to_string(),
        Cell::Text(s) => s.trim().to_string(),
    }
}

/// A finite number from a cell, or what was found instead.
fn number(cell: &Cell) -> Result<f64, String> {
    match cell {
        Cell::Number(x) if x.is_finite() => Ok(*x),
        Cell::Number(x) => Err(format!("`{x}`")),
        Cell::Empty => Err("an empty cell".into()),
        Cell::Text(s) => match s.trim().parse::<f64>() {
            Ok(x) if x.is_finite() => Ok(x),
            _ => Err(format!("`{}`", s.trim())),
        },
    }
}

/// The score matrix as CSV: `id`, `name`, one column per criterion id, then
/// `<criterion>.low` and `<criterion>.high` for every criterion with a
/// range. Numbers in their shortest round-trip form.
pub fn write_csv(model: &Exchange) -> String {
    let ranged: Vec<usize> = (0..model.criteria.len())
        .filter(|&j| {
            model
                .options
                .iter()
                .any(|o| o.scores[j].low.is_some() || o.scores[j].high.is_some())
        })
        .collect();
    let mut writer = csv::Writer::from_writer(vec![]);
    let mut header = vec!["id".to_string(), "name".to_string()];
    header.extend(model.criteria.iter().map(|c| c.id.clone()));
    for &j in &ranged {
        header.push(format!("{}.low", model.criteria[j].id));
        header.push(format!("{}.high", model.criteria[j].id));
    }
    // Writing into a Vec cannot fail.
    let _ = writer.write_record(&header);
    for o in &model.options {
        let mut row = vec![o.id.clone(), o.name.clone()];
        row.extend(o.scores.iter().map(|s| s.value.to_string()));
        for &j in &ranged {
            let s = o.scores[j];
            row.push(s.low.map(|x| x.to_string()).unwrap_or_default());
            row.push(s.high.map(|x| x.to_string()).unwrap_or_default());
        }
        let _ = writer.write_record(&row);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(costs: &[&str]) -> Layout {
        Layout {
            title: "t".into(),
            costs: costs.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn reads_what_a_spreadsheet_writes() {
        let bytes = b"\xEF\xBB\xBFOption,Cost (m),\"Reach, people\"\r\n\"Pill presses, registered\",3,40\r\nPorts,5.5,10\r\n";
        let grid = read_csv(bytes, "s.csv").expect("reads");
        let model = to_exchange(&grid, &layout(&["Cost (m)"])).expect("valid");
        assert_eq!(model.options[0].name, "Pill presses, registered");
        assert_eq!(model.options[0].id, "pill_presses_registered");
        assert_eq!(model.criteria[1].name, "Reach, people");
        assert_eq!(model.criteria[0].direction, Direction::Cost);
        assert_eq!(model.criteria[0].scale, (3.0, 5.5));
        assert_eq!(model.options[1].scores[0].value, 5.5);
    }

    #[test]
    fn reports_every_bad_cell_with_its_place() {
        let grid = read_csv(b"name,a,b\nx,1,n/a\ny,,2\n", "s.csv").expect("reads");
        let problems = to_exchange(&grid, &layout(&["zzz"])).expect_err("invalid");
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].contains("--cost names `zzz`"), "{problems:?}");
        assert!(problems[1].starts_with("s.csv:2:3: expected a number for `b`, found `n/a`"));
        assert!(
            problems[2].starts_with("s.csv:3:2: expected a number for `a`, found an empty cell")
        );
    }

    #[test]
    fn ranges_round_trip_through_csv() {
        let grid = read_csv(b"id,name,a,a.low,a.high\nx,X,2,1,3\ny,Y,4,,\n", "s").expect("reads");
        let model = to_exchange(&grid, &layout(&[])).expect("valid");
        assert_eq!(model.options[0].scores[0].low, Some(1.0));
        assert_eq!(model.options[1].scores[0].high, None);
        let again = to_exchange(
            &read_csv(write_csv(&model).as_bytes(), "s").expect("reads"),
            &layout(&[]),
        )
        .expect("valid");
        assert_eq!(again.options, model.options);
    }

    #[test]
    fn column_letters_follow_spreadsheets() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
    }
}
