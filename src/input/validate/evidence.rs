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
