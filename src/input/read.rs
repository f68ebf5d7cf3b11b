//! From TOML text to the mirror types, collecting every type problem on the way.
//!
//! The text is parsed by `toml-span`, which keeps a span on every key and value;
//! this module walks those values, so that a wrong type or an unknown key in one
//! place does not hide problems elsewhere.

use rayon::prelude::*;
use toml_span::value::{Table, Value, ValueInner};
use toml_span::{Span, Spanned};

use super::diagnostic::{Diagnostic, FileKind, did_you_mean};
use super::raw::*;

/// Collects the diagnostics of one file while its values are read.
struct Reader<'d> {
    file: FileKind,
    diagnostics: &'d mut Vec<Diagnostic>,
    /// How far the spans of the tables' keys lie from their place in the
    /// file: a part parsed on its own has its values' spans moved in place
    /// (see [`shift_values`]), but keys cannot be changed inside a table.
    key_shift: usize,
}

/// The keys of one TOML table, taken one by one; what is left is reported as unknown.
struct Fields<'de> {
    table: Table<'de>,
    /// Added to the span of every key.
    key_shift: usize,
    what: &'static str,
    allowed: &'static [&'static str],
}

impl<'de> Fields<'de> {
    fn take(&mut self, key: &str) -> Option<Value<'de>> {
        self.table.remove(key)
    }

    /// The remaining entries, in file order.
    fn drain(&mut self) -> Vec<(Spanned<String>, Value<'de>)> {
        let by = self.key_shift;
        let mut entries: Vec<_> = std::mem::take(&mut self.table)
            .into_iter()
            .map(|(key, value)| {
                (
                    Spanned {
                        value: key.name.into_owned(),
                        span: Span::new(key.span.start + by, key.span.end + by),
                    },
                    value,
                )
            })
            .collect();
        entries.sort_by_key(|(key, _)| key.span.start);
        entries
    }
}

impl Reader<'_> {
    fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    fn wrong_type(&mut self, expected: &str, found: &ValueInner<'_>, span: Span) {
        let found = found.type_str();
        self.push(
            Diagnostic::error(
                "wrong-type",
                self.file,
                span,
                format!("expected {expected}, found {}", article(found)),
            )
            .label(format!("this is {}", article(found))),
        );
    }

    fn table<'de>(
        &mut self,
        mut value: Value<'de>,
        what: &'static str,
        allowed: &'static [&'static str],
    ) -> Option<Fields<'de>> {
        let span = value.span;
        match value.take() {
            ValueInner::Table(table) => Some(Fields {
                table,
                key_shift: self.key_shift,
                what,
                allowed,
            }),
            other => {
                self.wrong_type(&format!("a table ({what})"), &other, span);
                None
            }
        }
    }

    /// Reports the keys nobody took.
    fn finish(&mut self, mut fields: Fields<'_>) {
        for (key, _) in fields.drain() {
            self.push(
                Diagnostic::error(
                    "unknown-field",
                    self.file,
                    key.span,
                    format!("unknown field `{}` in {}", key.value, fields.what),
                )
                .label("not a known field")
                .help(
                    did_you_mean(&key.value, fields.allowed.iter().copied()).unwrap_or_else(|| {
                        format!("expected one of: {}", fields.allowed.join(", "))
                    }),
                ),
            );
        }
    }

    fn string(&mut self, value: Option<Value<'_>>) -> Option<Sp<String>> {
        let mut value = value?;
        let span = value.span;
        match value.take() {
            ValueInner::String(s) => Some(Spanned {
                value: s.into_owned(),
                span,
            }),
            other => {
                self.wrong_type("a string", &other, span);
                None
            }
        }
    }

    fn number(&mut self, value: Option<Value<'_>>) -> Option<Sp<f64>> {
        let mut value = value?;
        let span = value.span;
        let number = match value.take() {
            ValueInner::Integer(i) => i as f64,
            ValueInner::Float(f) => f,
            other => {
                self.wrong_type("a number", &other, span);
                return None;
            }
        };
        if !number.is_finite() {
            self.push(
                Diagnostic::error(
                    "non-finite-number",
                    self.file,
                    span,
                    "expected a finite number",
                )
                .label("nan and inf are not allowed here"),
            );
            return None;
        }
        Some(Spanned {
            value: number,
            span,
        })
    }

    /// A number, or a fraction written as a string such as `"1/3"`.
    fn ratio(&mut self, value: Value<'_>) -> Option<Sp<f64>> {
        if let Some(text) = value.as_str() {
            let span = value.span;
            let parsed = text.split_once('/').and_then(|(a, b)| {
                let (a, b) = (a.trim().parse::<f64>().ok()?, b.trim().parse::<f64>().ok()?);
                (b != 0.0 && (a / b).is_finite()).then_some(a / b)
            });
            return match parsed {
                Some(number) => Some(Spanned {
                    value: number,
                    span,
                }),
                None => {
                    self.push(
                        Diagnostic::error(
                            "wrong-type",
                            self.file,
                            span,
                            "expected a number or a fraction such as \"1/3\"",
                        )
                        .label("not a fraction"),
                    );
                    None
                }
            };
        }
        self.number(Some(value))
    }

    fn array<'de>(&mut self, value: Option<Value<'de>>, what: &str) -> Option<Sp<Vec<Value<'de>>>> {
        let mut value = value?;
        let span = value.span;
        match value.take() {
            ValueInner::Array(items) => Some(Spanned { value: items, span }),
            other => {
                self.wrong_type(&format!("an array ({what})"), &other, span);
                None
            }
        }
    }

    /// A two-number array such as `[0, 0.5]`.
    fn pair(&mut self, value: Value<'_>, what: &str) -> Option<(Sp<f64>, Sp<f64>)> {
        let span = value.span;
        let items = self.array(Some(value), what)?;
        let mut numbers: Vec<_> = items
            .value
            .into_iter()
            .map(|v| self.number(Some(v)))
            .collect();
        if numbers.len() != 2 {
            self.push(
                Diagnostic::error(
                    "wrong-type",
                    self.file,
                    span,
                    format!("expected {what}, found {} numbers", numbers.len()),
                )
                .label("not a pair"),
            );
            return None;
        }
        let second = numbers.pop().flatten()?;
        let first = numbers.pop().flatten()?;
        Some((first, second))
    }

    /// An inline table of `id = number` entries.
    fn number_map(&mut self, value: Option<Value<'_>>, what: &'static str) -> Option<NumberMap> {
        let value = value?;
        let span = value.span;
        let mut fields = self.table(value, what, &[])?;
        let entries = fields
            .drain()
            .into_iter()
            .filter_map(|(key, value)| Some((key, self.number(Some(value))?)))
            .collect();
        Some(Spanned {
            value: entries,
            span,
        })
    }

    fn strings(&mut self, value: Option<Value<'_>>, what: &str) -> Option<Sp<Vec<Sp<String>>>> {
        let items = self.array(value, what)?;
        let span = items.span;
        let strings = items
            .value
            .into_iter()
            .filter_map(|item| self.string(Some(item)))
            .collect();
        Some(Spanned {
            value: strings,
            span,
        })
    }
}

fn article(type_name: &str) -> String {
    match type_name.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => format!("an {type_name}"),
        _ => format!("a {type_name}"),
    }
}

/// Parses TOML text into its root table, or the syntax error as a diagnostic.
fn parse<'t>(
    text: &'t str,
    file: FileKind,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Value<'t>> {
    match toml_span::parse(text) {
        Ok(root) => Some(root),
        Err(error) => {
            let span = if error.span.end > error.span.start {
                error.span
            } else {
                Span::new(error.span.start, (error.span.start + 1).min(text.len()))
            };
            diagnostics.push(
                Diagnostic::error("toml-syntax", file, span, format!("invalid TOML: {error}"))
                    .label("here"),
            );
            None
        }
    }
}

const CRITERIA_TOP: &[&str] = &["model", "groups", "criteria", "profiles"];
const MODEL_KEYS: &[&str] = &["title", "default_profile", "description"];
const GROUP_KEYS: &[&str] = &["id", "name", "description"];
const CRITERION_KEYS: &[&str] = &[
    "id",
    "name",
    "group",
    "direction",
    "scale",
    "description",
    "value_function",
    "missing",
    "preference",
];
const SCALE_KEYS: &[&str] = &["min", "max"];
const PREFERENCE_KEYS: &[&str] = &["kind", "q", "p", "s"];
const PROFILE_KEYS: &[&str] = &[
    "name",
    "description",
    "weights",
    "group_weights",
    "ranking",
    "pairwise",
    "criteria_order",
    "bounds",
    "ratios",
];
const OPTIONS_TOP: &[&str] = &["sources", "options"];
const SOURCE_KEYS: &[&str] = &[
    "title",
    "author",
    "publisher",
    "year",
    "url",
    "kind",
    "text",
];
const OPTION_KEYS: &[&str] = &["id", "name", "category", "description", "scores"];
const SCORE_KEYS: &[&str] = &[
    "value",
    "low",
    "high",
    "why",
    "source",
    "distribution",
    "quote",
];
const DISTRIBUTION_KEYS: &[&str] = &["kind", "sd", "sigma", "alpha", "beta"];

/// Reads `criteria.toml`; type problems go to `diagnostics`.
pub fn criteria_file(text: &str, diagnostics: &mut Vec<Diagnostic>) -> CriteriaFile {
    let mut reader = Reader {
        file: FileKind::Criteria,
        diagnostics,
        key_shift: 0,
    };
    let mut file = CriteriaFile::default();
    let Some(root) = parse(text, FileKind::Criteria, reader.diagnostics) else {
        return file;
    };
    let Some(mut top) = reader.table(root, "criteria.toml", CRITERIA_TOP) else {
        return file;
    };
    if let Some(model) = top.take("model") {
        if let Some(mut fields) = reader.table(model, "[model]", MODEL_KEYS) {
            file.title = reader.string(fields.take("title"));
            file.default_profile = reader.string(fields.take("default_profile"));
            reader.string(fields.take("description"));
            reader.finish(fields);
        }
    }
    for item in reader
        .array(top.take("groups"), "[[groups]]")
        .map_or(vec![], |a| a.value)
    {
        let span = item.span;
        if let Some(mut fields) = reader.table(item, "a [[groups]] entry", GROUP_KEYS) {
            file.groups.push(GroupDef {
                span,
                id: reader.string(fields.take("id")),
                name: reader.string(fields.take("name")),
                description: reader.string(fields.take("description")),
            });
            reader.finish(fields);
        }
    }
    for item in reader
        .array(top.take("criteria"), "[[criteria]]")
        .map_or(vec![], |a| a.value)
    {
        let span = item.span;
        if let Some(fields) = reader.table(item, "a [[criteria]] entry", CRITERION_KEYS) {
            let criterion = criterion(&mut reader, span, fields);
            file.criteria.push(criterion);
        }
    }
    if let Some(profiles) = top.take("profiles") {
        if let Some(mut tables) = reader.table(profiles, "[profiles]", &[]) {
            for (id, value) in tables.drain() {
                let span = value.span;
                if let Some(fields) = reader.table(value, "a profile", PROFILE_KEYS) {
                    file.profiles.push(profile(&mut reader, id, span, fields));
                }
            }
        }
    }
    reader.finish(top);
    file
}

fn criterion(reader: &mut Reader<'_>, span: Span, mut fields: Fields<'_>) -> CriterionDef {
    let scale = fields.take("scale").and_then(|value| {
        let span = value.span;
        let mut scale = reader.table(value, "scale", SCALE_KEYS)?;
        let (min, max) = (scale.take("min"), scale.take("max"));
        let def = ScaleDef {
            span,
            incomplete: min.is_none() || max.is_none(),
            min: reader.number(min),
            max: reader.number(max),
        };
        reader.finish(scale);
        Some(def)
    });
    let value_function = reader
        .array(fields.take("value_function"), "value_function points")
        .map(|points| {
            let span = points.span;
            let value = points
                .value
                .into_iter()
                .filter_map(|point| value_point(reader, point))
                .collect();
            Spanned { value, span }
        });
    let preference = fields.take("preference").and_then(|value| {
        let span = value.span;
        let mut table = reader.table(value, "preference", PREFERENCE_KEYS)?;
        let def = PreferenceDef {
            span,
            kind: reader.string(table.take("kind")),
            q: reader.number(table.take("q")),
            p: reader.number(table.take("p")),
            s: reader.number(table.take("s")),
        };
        reader.finish(table);
        Some(def)
    });
    let def = CriterionDef {
        span,
        id: reader.string(fields.take("id")),
        name: reader.string(fields.take("name")),
        group: reader.string(fields.take("group")),
        direction: reader.string(fields.take("direction")),
        scale,
        description: reader.string(fields.take("description")),
        value_function,
        missing: reader.string(fields.take("missing")),
        preference,
    };
    reader.finish(fields);
    def
}

fn value_point(reader: &mut Reader<'_>, point: Value<'_>) -> Option<PointDef> {
    let (score, value) = reader.pair(point, "a [score, value] pair")?;
    Some(PointDef { score, value })
}

fn profile(
    reader: &mut Reader<'_>,
    id: Sp<String>,
    span: Span,
    mut fields: Fields<'_>,
) -> ProfileDef {
    let ranking = reader
        .array(fields.take("ranking"), "ranking")
        .map(|items| {
            let span = items.span;
            let value = items
                .value
                .into_iter()
                .filter_map(|item| {
                    if item.as_array().is_some() {
                        reader.strings(Some(item), "a tie").map(|tie| tie.value)
                    } else {
                        reader.string(Some(item)).map(|id| vec![id])
                    }
                })
                .collect();
            Spanned { value, span }
        });
    let pairwise = reader
        .array(fields.take("pairwise"), "pairwise matrix")
        .map(|rows| {
            let span = rows.span;
            let value = rows
                .value
                .into_iter()
                .filter_map(|row| {
                    let row = reader.array(Some(row), "a matrix row")?;
                    let span = row.span;
                    let cells = row
                        .value
                        .into_iter()
                        .filter_map(|c| reader.ratio(c))
                        .collect();
                    Some(Spanned { value: cells, span })
                })
                .collect();
            Spanned { value, span }
        });
    let bounds = fields.take("bounds").and_then(|value| {
        let span = value.span;
        let mut table = reader.table(value, "bounds", &[])?;
        let entries = table
            .drain()
            .into_iter()
            .filter_map(|(criterion, value)| {
                let entry_span = Span::new(criterion.span.start, value.span.end);
                let (low, high) = reader.pair(value, "a [low, high] pair of weight shares")?;
                Some(BoundDef {
                    span: entry_span,
                    criterion,
                    low,
                    high,
                })
            })
            .collect();
        Some(Spanned {
            value: entries,
            span,
        })
    });
    let def = ProfileDef {
        span,
        id,
        name: reader.string(fields.take("name")),
        description: reader.string(fields.take("description")),
        weights: reader.number_map(fields.take("weights"), "weights"),
        group_weights: reader.number_map(fields.take("group_weights"), "group_weights"),
        ranking,
        pairwise,
        criteria_order: reader.strings(fields.take("criteria_order"), "criteria_order"),
        bounds,
        ratios: ratios(reader, fields.take("ratios")),
    };
    reader.finish(fields);
    def
}

/// `ratios = [["a", ">=", 2, "b"], ...]`: each entry a criterion, a relation,
/// a factor and another criterion.
fn ratios(reader: &mut Reader<'_>, value: Option<Value<'_>>) -> Option<Sp<Vec<RatioDef>>> {
    let items = reader.array(value, "ratios")?;
    let span = items.span;
    let entries = items
        .value
        .into_iter()
        .filter_map(|item| {
            let entry_span = item.span;
            let parts = reader.array(Some(item), "a ratio such as [\"a\", \">=\", 2, \"b\"]")?;
            let mut parts = parts.value.into_iter();
            let (Some(a), Some(rel), Some(k), Some(b), None) = (
                parts.next(),
                parts.next(),
                parts.next(),
                parts.next(),
                parts.next(),
            ) else {
                reader.push(
                    Diagnostic::error(
                        "wrong-type",
                        reader.file,
                        entry_span,
                        "expected a ratio of four items: criterion, \">=\" or \"<=\", factor, criterion",
                    )
                    .label("not four items")
                    .help("write e.g. [\"fentanyl_flow\", \">=\", 2, \"heroin_flow\"]"),
                );
                return None;
            };
            Some(RatioDef {
                span: entry_span,
                criterion: reader.string(Some(a))?,
                relation: reader.string(Some(rel))?,
                factor: reader.number(Some(k))?,
                other: reader.string(Some(b))?,
            })
        })
        .collect();
    Some(Spanned {
        value: entries,
        span,
    })
}

/// Where the options file's entries go as they are read: first the sources,
/// then each option, so that validation can keep pace with reading.
pub trait OptionSink {
    /// The `[sources]` tables, in file order (called once, before any option).
    fn sources(&mut self, sources: &[SourceDef], diagnostics: &mut Vec<Diagnostic>);
    /// One `[[options]]` entry.
    fn option(&mut self, option: OptionDef, diagnostics: &mut Vec<Diagnostic>);
}

/// A second listener to the reading, which looks at each entry before the
/// sink takes it, so that one reading serves two checks.
pub trait OptionWatch {
    /// The `[sources]` tables, in file order (called once, before any option).
    fn sources(&mut self, sources: &[SourceDef]);
    /// One `[[options]]` entry.
    fn option(&mut self, option: &OptionDef);
}

/// Watches nothing.
impl OptionWatch for () {
    fn sources(&mut self, _: &[SourceDef]) {}
    fn option(&mut self, _: &OptionDef) {}
}

/// Takes nothing: for a reading done only for its watcher.
impl OptionSink for () {
    fn sources(&mut self, _: &[SourceDef], _: &mut Vec<Diagnostic>) {}
    fn option(&mut self, _: OptionDef, _: &mut Vec<Diagnostic>) {}
}

/// A sink with a watcher: the watcher sees each entry, then the sink takes it.
pub struct Watched<'s, 'w, S, W>(pub &'s mut S, pub &'w mut W);

impl<S: OptionSink, W: OptionWatch> OptionSink for Watched<'_, '_, S, W> {
    fn sources(&mut self, sources: &[SourceDef], diagnostics: &mut Vec<Diagnostic>) {
        self.1.sources(sources);
        self.0.sources(sources, diagnostics);
    }
    fn option(&mut self, option: OptionDef, diagnostics: &mut Vec<Diagnostic>) {
        self.1.option(&option);
        self.0.option(option, diagnostics);
    }
}

/// Reads `options.toml` into `sink`; type problems go to `diagnostics`.
///
/// Each option's part of the parsed document is dropped once the sink has it.
/// Where the file can be cut at its `[[options]]` tables (see
/// [`super::chunks`]), each option is also parsed on its own, so that the
/// parsed tree of the whole file never exists at once.
pub fn options_file(text: &str, diagnostics: &mut Vec<Diagnostic>, sink: &mut impl OptionSink) {
    let mut reader = Reader {
        file: FileKind::Options,
        diagnostics,
        key_shift: 0,
    };
    if let Some(cut) = super::chunks::cut(text) {
        // A rest that defines `options` itself cannot be cut from its options;
        // one that does not parse is read as a whole, for the first error in the file.
        if let Ok(root) = toml_span::parse(&cut.rest) {
            if root.as_table().is_some_and(|t| !t.contains_key("options")) {
                let mut root = root;
                place(&mut root, &|offset, end| cut.place(offset, end));
                return options_by_parts(&mut reader, text, root, &cut.options, sink);
            }
        }
    }
    options_whole(&mut reader, text, sink);
}

/// Reads the options file parsed as a whole.
fn options_whole(reader: &mut Reader<'_>, text: &str, sink: &mut impl OptionSink) {
    let Some(root) = parse(text, FileKind::Options, reader.diagnostics) else {
        sink.sources(&[], reader.diagnostics);
        return;
    };
    let Some(mut top) = reader.table(root, "options.toml", OPTIONS_TOP) else {
        sink.sources(&[], reader.diagnostics);
        return;
    };
    let sources = sources(reader, top.take("sources"));
    sink.sources(&sources, reader.diagnostics);
    drop(sources);
    for item in reader
        .array(top.take("options"), "[[options]]")
        .map_or(vec![], |a| a.value)
    {
        option(reader, item, sink);
    }
    reader.finish(top);
}

/// Reads the options file cut into its rest (parsed, its spans in place)
/// and its options, each option parsed on its own and its spans moved to
/// their place in the whole text.
fn options_by_parts(
    reader: &mut Reader<'_>,
    text: &str,
    rest: Value<'_>,
    options: &[std::ops::Range<usize>],
    sink: &mut impl OptionSink,
) {
    {
        let Some(mut top) = reader.table(rest, "options.toml", OPTIONS_TOP) else {
            sink.sources(&[], reader.diagnostics);
            return;
        };
        let sources = sources(reader, top.take("sources"));
        sink.sources(&sources, reader.diagnostics);
        reader.finish(top);
    }
    // Parsing is most of the work, and each option parses on its own: on a
    // large file, batches of options are parsed on every core while this
    // thread hands the parsed ones to the sink in file order, each after the
    // diagnostics its reading raised, as a reading on one thread would.
    let mut hand_over = |parts: Vec<Part>| {
        for part in parts {
            let mut diagnostics = part.diagnostics.into_iter();
            let mut taken = 0;
            for (before, option) in part.options {
                reader
                    .diagnostics
                    .extend(diagnostics.by_ref().take(before - taken));
                taken = before;
                sink.option(option, reader.diagnostics);
            }
            reader.diagnostics.extend(diagnostics);
        }
    };
    let read_batch = |batch: &[std::ops::Range<usize>]| -> Vec<Part> {
        batch
            .par_iter()
            .map(|range| read_part(text, range.clone()))
            .collect()
    };
    if options.len() < PARALLEL_FROM {
        for range in options {
            hand_over(vec![read_part(text, range.clone())]);
        }
        return;
    }
    std::thread::scope(|scope| {
        // A few batches ahead at most, so that the mirrors waiting take little memory.
        let (parsed, batches) = std::sync::mpsc::sync_channel(2);
        scope.spawn(move || {
            for batch in options.chunks(BATCH) {
                if parsed.send(read_batch(batch)).is_err() {
                    break;
                }
            }
        });
        for parts in batches {
            hand_over(parts);
        }
    });
}

/// Options from which a file's options are parsed on every core.
const PARALLEL_FROM: usize = 256;

/// Options parsed and handed over at once.
const BATCH: usize = 256;

/// One option's part of the file, read: its diagnostics, and each option
/// with the number of diagnostics raised before it.
struct Part {
    diagnostics: Vec<Diagnostic>,
    options: Vec<(usize, OptionDef)>,
}

impl OptionSink for Part {
    fn sources(&mut self, _: &[SourceDef], _: &mut Vec<Diagnostic>) {}
    fn option(&mut self, option: OptionDef, diagnostics: &mut Vec<Diagnostic>) {
        self.options.push((diagnostics.len(), option));
    }
}

/// Parses and reads the option at `range` of `text`, its spans in place.
fn read_part(text: &str, range: std::ops::Range<usize>) -> Part {
    let mut part = Part {
        diagnostics: vec![],
        options: vec![],
    };
    let mut diagnostics = vec![];
    let mut reader = Reader {
        file: FileKind::Options,
        diagnostics: &mut diagnostics,
        key_shift: range.start,
    };
    let mut root = match toml_span::parse(&text[range.clone()]) {
        Ok(root) => root,
        Err(error) => {
            let span = Span::new(error.span.start + range.start, error.span.end + range.start);
            let span = if span.end > span.start {
                span
            } else {
                Span::new(span.start, (span.start + 1).min(text.len()))
            };
            reader.push(
                Diagnostic::error(
                    "toml-syntax",
                    reader.file,
                    span,
                    format!("invalid TOML: {error}"),
                )
                .label("here"),
            );
            part.diagnostics = diagnostics;
            return part;
        }
    };
    shift_values(&mut root, range.start);
    if let Some(mut top) = reader.table(root, "options.toml", OPTIONS_TOP) {
        for item in reader
            .array(top.take("options"), "[[options]]")
            .map_or(vec![], |a| a.value)
        {
            option(&mut reader, item, &mut part);
        }
        reader.finish(top);
    }
    part.diagnostics = diagnostics;
    part
}

/// Moves every span in `value` to `to(offset, is_end)`.
fn place(value: &mut Value<'_>, to: &impl Fn(usize, bool) -> usize) {
    let span = |s: Span| Span::new(to(s.start, false), to(s.end, true));
    value.span = span(value.span);
    match value.take() {
        ValueInner::Table(table) => {
            let table = table
                .into_iter()
                .map(|(mut key, mut item)| {
                    key.span = span(key.span);
                    place(&mut item, to);
                    (key, item)
                })
                .collect();
            value.set(ValueInner::Table(table));
        }
        ValueInner::Array(mut items) => {
            for item in &mut items {
                place(item, to);
            }
            value.set(ValueInner::Array(items));
        }
        other => value.set(other),
    }
}

/// Moves the span of every value in `value` by `by` bytes, in place (the
/// keys' spans stay, for [`Reader::key_shift`]).
fn shift_values(value: &mut Value<'_>, by: usize) {
    value.span = Span::new(value.span.start + by, value.span.end + by);
    match value.take() {
        ValueInner::Table(mut table) => {
            for item in table.values_mut() {
                shift_values(item, by);
            }
            value.set(ValueInner::Table(table));
        }
        ValueInner::Array(mut items) => {
            for item in &mut items {
                shift_values(item, by);
            }
            value.set(ValueInner::Array(items));
        }
        other => value.set(other),
    }
}

/// The `[sources]` tables, in file order.
fn sources(reader: &mut Reader<'_>, value: Option<Value<'_>>) -> Vec<SourceDef> {
    let mut sources = vec![];
    if let Some(tables) = value {
        if let Some(mut tables) = reader.table(tables, "[sources]", &[]) {
            for (id, value) in tables.drain() {
                if let Some(mut fields) = reader.table(value, "a source", SOURCE_KEYS) {
                    sources.push(SourceDef {
                        id,
                        title: reader.string(fields.take("title")),
                        author: reader.string(fields.take("author")),
                        publisher: reader.string(fields.take("publisher")),
                        year: reader.number(fields.take("year")),
                        url: reader.string(fields.take("url")),
                        kind: reader.string(fields.take("kind")),
                        text: reader.string(fields.take("text")),
                    });
                    reader.finish(fields);
                }
            }
        }
    }
    sources
}

/// One `[[options]]` entry, handed to the sink.
fn option(reader: &mut Reader<'_>, item: Value<'_>, sink: &mut impl OptionSink) {
    let span = item.span;
    let Some(mut fields) = reader.table(item, "an [[options]] entry", OPTION_KEYS) else {
        return;
    };
    let scores = match fields.take("scores") {
        Some(value) => match reader.table(value, "[options.scores]", &[]) {
            Some(mut table) => table
                .drain()
                .into_iter()
                .filter_map(|(criterion, value)| score(reader, criterion, value))
                .collect(),
            None => vec![],
        },
        None => vec![],
    };
    let option = OptionDef {
        span,
        id: reader.string(fields.take("id")),
        name: reader.string(fields.take("name")),
        category: reader.string(fields.take("category")),
        description: reader.string(fields.take("description")),
        scores,
    };
    reader.finish(fields);
    sink.option(option, reader.diagnostics);
}

fn score(reader: &mut Reader<'_>, criterion: Sp<String>, value: Value<'_>) -> Option<ScoreDef> {
    let span = Span::new(criterion.span.start, value.span.end.max(criterion.span.end));
    let bare = matches!(
        value.as_ref(),
        ValueInner::Integer(_) | ValueInner::Float(_)
    );
    if bare {
        return Some(ScoreDef {
            span,
            criterion,
            value: Some(reader.number(Some(value))?),
            low: None,
            high: None,
            why: None,
            source: None,
            distribution: None,
            quote: None,
        });
    }
    if value.as_table().is_none() {
        let value_span = value.span;
        let found = value.as_ref().type_str();
        reader.push(
            Diagnostic::error(
                "wrong-type",
                reader.file,
                value_span,
                format!("expected a number or a score table, found {}", article(found)),
            )
            .label(format!("this is {}", article(found)))
            .help("write a number, or { value = 4, low = 2, high = 6, why = \"...\", source = \"...\" }"),
        );
        return None;
    }
    let mut fields = reader.table(value, "a score", SCORE_KEYS)?;
    let value = fields.take("value");
    let value_missing = value.is_none();
    let def = ScoreDef {
        span,
        value: reader.number(value),
        low: reader.number(fields.take("low")),
        high: reader.number(fields.take("high")),
        why: reader.string(fields.take("why")),
        source: reader.string(fields.take("source")),
        distribution: fields.take("distribution").and_then(|value| {
            let span = value.span;
            let mut table = reader.table(value, "distribution", DISTRIBUTION_KEYS)?;
            let def = DistributionDef {
                span,
                kind: reader.string(table.take("kind")),
                sd: reader.number(table.take("sd")),
                sigma: reader.number(table.take("sigma")),
                alpha: reader.number(table.take("alpha")),
                beta: reader.number(table.take("beta")),
            };
            reader.finish(table);
            Some(def)
        }),
        quote: reader.string(fields.take("quote")),
        criterion,
    };
    if value_missing {
        reader.push(
            Diagnostic::error(
                "missing-field",
                reader.file,
                span,
                format!("the score for `{}` has no `value`", def.criterion.value),
            )
            .label("no value")
            .help("add value = <number>"),
        );
    }
    reader.finish(fields);
    Some(def)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records what a sink is handed, as text.
    #[derive(Default)]
    struct Record(Vec<String>);

    impl OptionSink for Record {
        fn sources(&mut self, sources: &[SourceDef], _: &mut Vec<Diagnostic>) {
            self.0.push(format!("{sources:?}"));
        }
        fn option(&mut self, option: OptionDef, _: &mut Vec<Diagnostic>) {
            self.0.push(format!("{option:?}"));
        }
    }

    /// Reading the options one by one gives exactly what reading the whole
    /// file gives, spans included, on every options file the tests use.
    #[test]
    fn reading_by_parts_equals_reading_the_whole() {
        let mut files = vec![
            "tests/fixtures/small/options.toml".to_string(),
            "options.toml".to_string(),
            "tests/fixtures/invalid/several-problems.options.toml".to_string(),
        ];
        for entry in std::fs::read_dir("tests/fixtures/invalid/options").expect("fixtures") {
            files.push(entry.expect("entry").path().display().to_string());
        }
        let mut cut_files = 0;
        for file in files {
            let text = std::fs::read_to_string(&file).expect("readable");
            let (mut whole, mut parts) = (Record::default(), Record::default());
            let (mut d_whole, mut d_parts) = (vec![], vec![]);
            let mut reader = Reader {
                file: FileKind::Options,
                diagnostics: &mut d_whole,
                key_shift: 0,
            };
            options_whole(&mut reader, &text, &mut whole);
            options_file(&text, &mut d_parts, &mut parts);
            cut_files += usize::from(super::super::chunks::cut(&text).is_some());
            let key = |d: &Diagnostic| (d.span.start, d.code, d.message.clone());
            d_whole.sort_by_key(key);
            d_parts.sort_by_key(key);
            assert_eq!(whole.0, parts.0, "{file}");
            assert_eq!(d_whole, d_parts, "{file}");
        }
        assert!(cut_files >= 10, "only {cut_files} files were read by parts");
    }

    /// A file large enough to be parsed on every core reads as the whole file
    /// does: the same options in the same order, the same problems.
    #[test]
    fn reading_a_large_file_in_parallel_equals_reading_the_whole() {
        let mut text = String::from("[sources.a]\ntitle = \"A\"\n");
        for i in 0..3 * PARALLEL_FROM {
            text.push_str(&format!("\n[[options]]\nid = \"o{i}\"\n[options.scores]\n"));
            text.push_str(&format!(
                "c = {{ value = {i}, why = \"w\", source = \"a\" }}\n"
            ));
            match i % 97 {
                5 => text.push_str("d = \"not a number\"\n"),
                11 => text.push_str("e = { value = 1, colour = \"red\" }\n"),
                13 => text.push_str("broken = = 1\n"),
                _ => {}
            }
            if i == PARALLEL_FROM {
                text.push_str("[sources.b]\ntitle = 2\n");
            }
        }
        assert!(super::super::chunks::cut(&text).is_some());
        let (mut whole, mut parts) = (Record::default(), Record::default());
        let (mut d_whole, mut d_parts) = (vec![], vec![]);
        let mut reader = Reader {
            file: FileKind::Options,
            diagnostics: &mut d_whole,
            key_shift: 0,
        };
        options_whole(&mut reader, &text, &mut whole);
        options_file(&text, &mut d_parts, &mut parts);
        // The whole file stops at its first syntax error; the parts go on past it.
        assert_eq!(d_whole.len(), 1, "{d_whole:?}");
        assert_eq!(d_whole[0].code, "toml-syntax");
        assert!(d_parts.contains(&d_whole[0]));
        assert_eq!(parts.0.len(), 1 + 3 * PARALLEL_FROM - 8);
        let text = text.replace("broken = = 1\n", "");
        let (mut whole, mut parts) = (Record::default(), Record::default());
        let (mut d_whole, mut d_parts) = (vec![], vec![]);
        let mut reader = Reader {
            file: FileKind::Options,
            diagnostics: &mut d_whole,
            key_shift: 0,
        };
        options_whole(&mut reader, &text, &mut whole);
        options_file(&text, &mut d_parts, &mut parts);
        assert_eq!(whole.0, parts.0);
        let key = |d: &Diagnostic| (d.span.start, d.code, d.message.clone());
        d_whole.sort_by_key(key);
        d_parts.sort_by_key(key);
        assert!(d_whole.len() > 10, "{}", d_whole.len());
        assert_eq!(d_whole, d_parts);
    }
}
