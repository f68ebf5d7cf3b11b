//! What a score's evidence must hold, whatever the texts say: a quote short
//! enough to be a quotation, and a range on every judgment.
//!
//! Whether a quote is really in its source is checked later, against the
//! source's text, by [`crate::input::quotes`]; that needs files, this does not.

use super::Validator;
use crate::input::diagnostic::FileKind;
use crate::input::raw::{ScoreDef, SourceDef};
use crate::model::SourceKind;

/// The longest quote, in characters: a passage, not a page.
pub const MAX_QUOTE_CHARS: usize = 300;

/// The kind a `[sources.<id>]` entry declares; `document` when it says none.
pub(super) fn source_kind(v: &mut Validator<'_>, source: &SourceDef) -> SourceKind {
    let Some(kind) = &source.kind else {
        return SourceKind::Document;
    };
    match kind.value.as_str() {
        "document" => SourceKind::Document,
        "judgment" => SourceKind::Judgment,
        other => {
            let e = v.error(
                "unknown-source-kind",
                FileKind::Options,
                kind.span,
                format!("unknown source kind `{other}`"),
            );
            e.label = "not a source kind".into();
            e.help = Some(
                "write kind = \"document\" (a text scores quote) or kind = \"judgment\" (the analyst's own judgment)"
                    .into(),
            );
            SourceKind::Document
        }
    }
}

/// Checks the quote of one score, and the range of a score citing a judgment.
///
/// `cited` is the kind of the source the score cites, when that source is known.
pub(super) fn score(
    v: &mut Validator<'_>,
    option: &str,
    score: &ScoreDef,
    cited: Option<SourceKind>,
) {
    let f = FileKind::Options;
    let criterion = &score.criterion.value;
    if let Some(quote) = &score.quote {
        let chars = quote.value.chars().count();
        if chars > MAX_QUOTE_CHARS {
            let e = v.error(
                "quote-too-long",
                f,
                quote.span,
                format!(
                    "the quote for `{option}` on `{criterion}` has {chars} characters; at most {MAX_QUOTE_CHARS} are allowed"
                ),
            );
            e.label = "too long".into();
            e.help = Some("quote the sentence that carries the claim, not the paragraph".into());
        } else if quote.value.trim().is_empty() {
            let e = v.error(
                "empty-quote",
                f,
                quote.span,
                format!("the quote for `{option}` on `{criterion}` is empty"),
            );
            e.label = "empty".into();
            e.help = Some("quote the passage of the source, or drop the key".into());
        }
    }
    if cited != Some(SourceKind::Judgment) {
        return;
    }
    if let Some(quote) = &score.quote {
        let e = v.error(
            "quote-on-judgment",
            f,
            quote.span,
            format!(
                "the score of `{option}` on `{criterion}` cites a judgment, which has no text to quote"
            ),
        );
        e.label = "nothing to quote from".into();
        e.help = Some("cite the document the passage comes from, or drop the quote".into());
    }
    let ranged = matches!((&score.low, &score.high), (Some(l), Some(h)) if l.value < h.value);
    if !ranged {
        let e = v.error(
            "judgment-without-range",
            f,
            score.span,
            format!("the score of `{option}` on `{criterion}` rests on judgment but has no range"),
        );
        e.label = "a judgment needs low and high".into();
        e.help = Some(
            "add low = … and high = … (low < high) for the values the judgment leaves open".into(),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::input::from_texts;

    const CRITERIA: &str = r#"
[[criteria]]
id = "cost"
direction = "cost"
scale = { min = 0, max = 10 }
"#;

    fn options(quote: &str, judgment_range: &str) -> String {
        format!(
            r#"
[sources.paper]
title = "A paper"
[sources.judgment]
title = "The analyst's judgment"
kind = "judgment"
[[options]]
id = "a"
scores = {{ cost = {{ value = 2, why = "w", source = "paper", quote = "{quote}" }} }}
[[options]]
id = "b"
scores = {{ cost = {{ value = 7, {judgment_range} why = "w", source = "judgment" }} }}
"#
        )
    }

    fn codes(options: &str) -> Vec<&'static str> {
        match from_texts(options, CRITERIA) {
            Ok(_) => vec![],
            Err(diagnostics) => diagnostics.iter().map(|d| d.code).collect(),
        }
    }

    #[test]
    fn a_quote_of_300_characters_is_accepted_and_one_of_301_is_not() {
        let ranged = "low = 6, high = 8,";
        assert!(codes(&options(&"word ".repeat(60)[..300], ranged)).is_empty());
        let long = format!("{}x", &"word ".repeat(60)[..300]);
        assert_eq!(codes(&options(&long, ranged)), ["quote-too-long"]);
        // Characters, not bytes: 300 accented letters are 600 bytes.
        assert!(codes(&options(&"é".repeat(300), ranged)).is_empty());
    }

    #[test]
    fn a_judgment_needs_a_range_of_some_width() {
        assert_eq!(
            codes(&options("q", "")),
            ["judgment-without-range"],
            "no range"
        );
        assert_eq!(
            codes(&options("q", "low = 7, high = 7,")),
            ["judgment-without-range"],
            "a point is not a range"
        );
        assert!(codes(&options("q", "low = 6, high = 7,")).is_empty());
    }
}
