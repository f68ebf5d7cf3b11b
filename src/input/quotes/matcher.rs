//! Finding a quoted passage in a source's text, verbatim up to typography, and
//! the closest passage when it is not there.
//!
//! Both the quote and the text are brought to one canonical form, in which
//! exactly these differences vanish:
//!
//! - whitespace: any run of spaces, tabs, line and page breaks is one space;
//! - hyphenation at line ends: `regu-⏎lation` reads `regulation` (a hyphen
//!   between two letters is dropped on both sides, so a compound broken at a
//!   line end, `anti-⏎drone`, still matches `anti-drone`);
//! - typography: curly quotes ‘ ’ “ ” are straight, dashes ‐ ‑ ‒ – — ― − are `-`,
//!   `…` is `...`, ligatures such as `ﬁ` are their letters, soft hyphens vanish;
//! - text markup of the copy: Markdown emphasis `*`, backslash escapes and
//!   inline HTML tags are dropped, and footnote markers `<sup>12</sup>` with
//!   their number.
//!
//! A quote is found when its canonical form occurs in the text's canonical form
//! starting and ending on word boundaries. Case, spelling, punctuation and
//! word order must be as in the source.
//!
//! The closest passage of a quote that is not found is searched in two steps,
//! so that the cost grows with the text once and with each quote after that:
//! every pair of consecutive words of the text is indexed once; each word pair
//! of the quote then votes for the alignment (text position − quote position)
//! where it occurs, the best-voted alignments are scored by word-level edit
//! distance (Levenshtein 1966) against the quote, and the best of them is the
//! closest passage.

use std::collections::HashMap;
use std::ops::Range;

/// A text in canonical form, with the way back to the original.
#[derive(Debug)]
pub struct Canonical {
    /// The canonical text.
    text: String,
    /// For each byte of `text`, the byte range of the original it came from.
    origin: Vec<Range<usize>>,
}

/// One character of canonical text and the original bytes it stands for.
struct Piece {
    c: char,
    origin: Range<usize>,
}

impl Canonical {
    /// Canonicalizes `original`.
    pub fn new(original: &str) -> Self {
        let pieces = join_hyphens(pieces(original));
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        for piece in pieces {
            text.push(piece.c);
            for _ in 0..piece.c.len_utf8() {
                origin.push(piece.origin.clone());
            }
        }
        Canonical { text, origin }
    }

    /// The canonical text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original byte range of a canonical byte range.
    fn original(&self, range: Range<usize>) -> Range<usize> {
        if range.is_empty() {
            let at = self.origin.get(range.start).map_or(0, |r| r.start);
            return at..at;
        }
        self.origin[range.start].start..self.origin[range.end - 1].end
    }
}

/// A passage of a source's text as it reads, for showing: markup dropped,
/// typography unified, whitespace collapsed (hyphens kept).
pub fn readable(original: &str) -> String {
    pieces(original).into_iter().map(|p| p.c).collect()
}

/// The first pass: markup dropped, typography unified, whitespace collapsed.
fn pieces(original: &str) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(original.len());
    let mut chars = original.char_indices().peekable();
    // A pending space, emitted before the next visible character.
    let mut space: Option<Range<usize>> = None;
    // Whether the pending whitespace holds a line break.
    let mut line_break = false;
    while let Some((at, c)) = chars.next() {
        let end = at + c.len_utf8();
        if c.is_whitespace() {
            let run = space.get_or_insert(at..end);
            run.end = end;
            line_break |= c == '\n';
            continue;
        }
        if c == '<' {
            if let Some(skip) = markup_tag(&original[at..]) {
                while chars.peek().is_some_and(|&(i, _)| i < at + skip) {
                    chars.next();
                }
                continue;
            }
        }
        if c == '*' || c == '\u{ad}' {
            continue;
        }
        if c == '\\' && chars.peek().is_some_and(|&(_, n)| n.is_ascii_punctuation()) {
            continue;
        }
        let after_hyphen = out.last().is_some_and(|p| p.c == '-') && space.is_some();
        if let Some(run) = space.take() {
            // A hyphen at a line end joins the word to the next line's: no space.
            let hyphenated = after_hyphen && line_break && out.len() >= 2 && {
                let before = out[out.len() - 2].c;
                !before.is_whitespace()
            };
            if !out.is_empty() && !hyphenated {
                out.push(Piece {
                    c: ' ',
                    origin: run,
                });
            }
            line_break = false;
        }
        push_canonical(c, at..end, &mut out);
    }
    out
}

/// Pushes the characters `c` stands for in canonical form.
fn push_canonical(c: char, origin: Range<usize>, out: &mut Vec<Piece>) {
    let expanded: &[char] = match c {
        '‘' | '’' | '‚' | '‛' | '′' | '`' | '´' => &['\''],
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' => &['"'],
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => &['-'],
        '…' => &['.', '.', '.'],
        'ﬀ' => &['f', 'f'],
        'ﬁ' => &['f', 'i'],
        'ﬂ' => &['f', 'l'],
        'ﬃ' => &['f', 'f', 'i'],
        'ﬄ' => &['f', 'f', 'l'],
        _ => {
            out.push(Piece { c, origin });
            return;
        }
    };
    for &c in expanded {
        out.push(Piece {
            c,
            origin: origin.clone(),
        });
    }
}

/// The length of an inline HTML tag at the start of `s` (`<br>`, `</sub>`), or
/// of a whole footnote marker `<sup>…</sup>`; `None` for anything else, such as
/// an autolink `<https://…>` or a plain `<`.
fn markup_tag(s: &str) -> Option<usize> {
    if s.starts_with("<sup>") {
        let close = s.find("</sup>")?;
        // A footnote marker is short; a lone <sup> must not swallow a page.
        return (close <= 40).then_some(close + "</sup>".len());
    }
    let inner = s[1..].strip_prefix('/').unwrap_or(&s[1..]);
    let name = inner
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name == 0 || !inner.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    let rest = &inner[name..];
    let close = rest.find('>')?;
    let attributes = &rest[..close];
    if attributes.is_empty() || (attributes.starts_with(' ') && !attributes.contains('<')) {
        Some(s.len() - rest.len() + close + 1)
    } else {
        None
    }
}

/// The second pass: a hyphen between two letters is dropped, so that
/// `regu-lation` (joined from a line end) reads `regulation`.
fn join_hyphens(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    let mut iter = pieces.into_iter().peekable();
    while let Some(piece) = iter.next() {
        let between_letters = piece.c == '-'
            && out.last().is_some_and(|p| p.c.is_alphabetic())
            && iter.peek().is_some_and(|p| p.c.is_alphabetic());
        if between_letters {
            // Keep the hyphen's bytes inside the neighbouring piece's origin.
            if let Some(last) = out.last_mut() {
                last.origin.end = piece.origin.end;
            }
            continue;
        }
        out.push(piece);
    }
    out
}

/// A source's text, canonicalized and indexed for searching.
#[derive(Debug)]
pub struct SourceIndex {
    original: String,
    canonical: Canonical,
    /// The canonical byte range of each word.
    words: Vec<Range<usize>>,
    /// Where each pair of consecutive words starts (as word positions).
    pairs: HashMap<(String, String), Vec<usize>>,
    /// Where each word occurs, for one-word quotes and quotes with no pair in common.
    singles: HashMap<String, Vec<usize>>,
}

/// Where a quote was found, or the passage closest to it.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// The quote is in the text, at this original byte range.
    Exact(Range<usize>),
    /// Not found; the closest passage is at this original byte range, with the
    /// similarity of its canonical form to the quote's (0 to 1, normalized
    /// Levenshtein distance of characters).
    Closest(Range<usize>, f64),
    /// Not found, and no passage shares a word with the quote.
    Nothing,
}

impl SourceIndex {
    /// Canonicalizes and indexes a text.
    pub fn new(original: &str) -> Self {
        let canonical = Canonical::new(original);
        let words = word_ranges(canonical.as_str());
        let word = |i: usize| canonical.as_str()[words[i].clone()].to_string();
        let mut pairs: HashMap<(String, String), Vec<usize>> = HashMap::new();
        let mut singles: HashMap<String, Vec<usize>> = HashMap::new();
        for i in 0..words.len() {
            singles.entry(word(i)).or_default().push(i);
            if i + 1 < words.len() {
                pairs.entry((word(i), word(i + 1))).or_default().push(i);
            }
        }
        SourceIndex {
            original: original.to_string(),
            canonical,
            words,
            pairs,
            singles,
        }
    }

    /// Looks for `quote` in the text.
    pub fn find(&self, quote: &str) -> Found {
        let quote = Canonical::new(quote);
        let needle = quote.as_str();
        if needle.is_empty() {
            return Found::Nothing;
        }
        let hay = self.canonical.as_str();
        for (at, _) in hay.match_indices(needle) {
            let end = at + needle.len();
            let boundary_before = !hay[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                || !needle.starts_with(char::is_alphanumeric);
            let boundary_after = !hay[end..].chars().next().is_some_and(char::is_alphanumeric)
                || !needle.ends_with(char::is_alphanumeric);
            if boundary_before && boundary_after {
                return Found::Exact(self.canonical.original(at..end));
            }
        }
        self.closest(needle)
    }

    /// The passage closest to a quote that is not in the text (see the module docs).
    fn closest(&self, needle: &str) -> Found {
        let quote: Vec<&str> = needle.split(' ').collect();
        let n = quote.len();
        let mut votes: HashMap<isize, usize> = HashMap::new();
        for (i, pair) in quote.windows(2).enumerate() {
            let key = (pair[0].to_string(), pair[1].to_string());
            for &p in self.pairs.get(&key).into_iter().flatten() {
                *votes.entry(p as isize - i as isize).or_default() += 1;
            }
        }
        if votes.is_empty() {
            for (i, word) in quote.iter().enumerate() {
                for &p in self.singles.get(*word).into_iter().flatten() {
                    *votes.entry(p as isize - i as isize).or_default() += 1;
                }
            }
        }
        if votes.is_empty() {
            return Found::Nothing;
        }
        let mut ranked: Vec<(isize, usize)> = votes.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        const CANDIDATES: usize = 8;
        // An insertion or deletion shifts the alignment by a word or two.
        const SHIFT: isize = 3;
        let total = self.words.len() as isize;
        let mut best: Option<(usize, Range<usize>)> = None;
        for &(offset, _) in ranked.iter().take(CANDIDATES) {
            for shift in -SHIFT..=SHIFT {
                for len in [n.saturating_sub(1), n, n + 1] {
                    let start = (offset + shift).clamp(0, (total - 1).max(0)) as usize;
                    let end = (start + len.max(1)).min(self.words.len());
                    let window: Vec<&str> = (start..end).map(|w| self.word(w)).collect();
                    let distance = strsim::generic_levenshtein(&quote, &window);
                    if best.as_ref().is_none_or(|(d, _)| distance < *d) {
                        best = Some((distance, start..end));
                    }
                }
            }
        }
        let (_, words) = best.expect("at least one candidate");
        let bytes = self.words[words.start].start..self.words[words.end - 1].end;
        let similarity =
            strsim::normalized_levenshtein(needle, &self.canonical.as_str()[bytes.clone()]);
        Found::Closest(self.canonical.original(bytes), similarity)
    }

    /// The text as read, which [`Found`]'s ranges index.
    pub fn original(&self) -> &str {
        &self.original
    }

    fn word(&self, i: usize) -> &str {
        &self.canonical.as_str()[self.words[i].clone()]
    }
}

/// Where a quote and a passage differ, word by word: each run of words of the
/// quote (possibly none) that the passage has as another run (possibly none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// The quote's words, in canonical form.
    pub quote: String,
    /// The passage's words in their place.
    pub text: String,
}

/// The word-level differences of two passages, in order: the complement of
/// their longest common subsequence of words.
pub fn differences(quote: &str, passage: &str) -> Vec<Difference> {
    let (q, p) = (Canonical::new(quote), Canonical::new(passage));
    let a: Vec<&str> = q.as_str().split(' ').collect();
    let b: Vec<&str> = p.as_str().split(' ').collect();
    // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out = vec![];
    let (mut i, mut j) = (0, 0);
    let (mut only_a, mut only_b): (Vec<&str>, Vec<&str>) = (vec![], vec![]);
    let mut flush = |only_a: &mut Vec<&str>, only_b: &mut Vec<&str>| {
        if !only_a.is_empty() || !only_b.is_empty() {
            out.push(Difference {
                quote: only_a.join(" "),
                text: only_b.join(" "),
            });
            only_a.clear();
            only_b.clear();
        }
    };
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            flush(&mut only_a, &mut only_b);
            i += 1;
            j += 1;
        } else if j == b.len() || (i < a.len() && lcs[i + 1][j] >= lcs[i][j + 1]) {
            only_a.push(a[i]);
            i += 1;
        } else {
            only_b.push(b[j]);
            j += 1;
        }
    }
    flush(&mut only_a, &mut only_b);
    out
}

/// The byte ranges of the space-separated words of a canonical text.
fn word_ranges(text: &str) -> Vec<Range<usize>> {
    let mut words = vec![];
    let mut start = 0;
    for (at, c) in text.char_indices() {
        if c == ' ' {
            if at > start {
                words.push(start..at);
            }
            start = at + 1;
        }
    }
    if text.len() > start {
        words.push(start..text.len());
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, quote: &str) -> bool {
        matches!(SourceIndex::new(text).find(quote), Found::Exact(_))
    }

    const PARAGRAPH: &str = "The cultivation of illicit crops employs thousands, perhaps tens of\n\
        thousands, though precise data are lacking. In fact, poppy cultivation is\n\
        among the most labor-intensive illicit economies, enabling those who spon-\n\
        sor it \u{2014} in Mexico\u{2019}s case, organized crime groups \u{2014} to obtain\n\
        extensive political capital.<sup>23</sup> Like in other parts of the world.";

    #[test]
    fn a_quote_across_line_breaks_is_found() {
        assert!(found(
            PARAGRAPH,
            "perhaps tens of thousands, though precise data are lacking."
        ));
    }

    #[test]
    fn hyphenation_at_a_line_end_is_read_as_one_word() {
        assert!(found(PARAGRAPH, "enabling those who sponsor it"));
        assert!(found(
            "the regu-\nlation of presses",
            "the regulation of presses"
        ));
    }

    #[test]
    fn a_compound_broken_at_a_line_end_keeps_its_hyphen() {
        assert!(found("new anti-\n  drone tools", "new anti-drone tools"));
        assert!(found("labor-intensive", "labor-intensive"));
    }

    #[test]
    fn curly_quotes_and_dashes_match_straight_ones() {
        assert!(found(
            PARAGRAPH,
            "in Mexico's case, organized crime groups - to obtain"
        ));
        assert!(found(
            "He said \u{201c}no\u{201d} \u{2013} twice.",
            "He said \"no\" - twice."
        ));
        assert!(found(
            "He said \"no\" - twice.",
            "He said \u{201c}no\u{201d} \u{2014} twice."
        ));
    }

    #[test]
    fn footnote_markers_and_emphasis_of_the_copy_are_not_part_of_the_text() {
        assert!(found(
            PARAGRAPH,
            "to obtain extensive political capital. Like in other parts"
        ));
        assert!(found(
            "This is **not** a *solution*, it costs \\$5.",
            "This is not a solution, it costs $5."
        ));
    }

    #[test]
    fn a_quote_across_a_page_break_with_extra_whitespace_is_found() {
        let text = "poppy cultivation shot up to\n\n   \u{c}\n\n\t  19,500 ha for several reasons.";
        assert!(found(
            text,
            "poppy cultivation shot up to 19,500 ha for several reasons."
        ));
    }

    #[test]
    fn one_word_changed_is_not_found_and_the_closest_passage_is_shown() {
        let index = SourceIndex::new(PARAGRAPH);
        let quote = "perhaps hundreds of thousands, though precise data are lacking.";
        match index.find(quote) {
            Found::Closest(range, similarity) => {
                assert!(
                    PARAGRAPH[range].starts_with("perhaps tens of"),
                    "closest passage starts where the quote does"
                );
                assert!(similarity > 0.8 && similarity < 1.0, "{similarity}");
            }
            other => panic!("expected the closest passage, got {other:?}"),
        }
    }

    #[test]
    fn case_punctuation_and_partial_words_must_match() {
        assert!(!found(PARAGRAPH, "Perhaps tens of thousands"));
        assert!(!found(PARAGRAPH, "perhaps tens of thousands; though"));
        assert!(!found(PARAGRAPH, "erhaps tens of"));
        assert!(found(PARAGRAPH, "parts of the world."));
    }

    #[test]
    fn the_differences_name_the_words_that_differ() {
        let d = differences(
            "they bind poor farmers to the cartels",
            "they bond poor poppy farmers to the cartels",
        );
        assert_eq!(
            d,
            [
                Difference {
                    quote: "bind".into(),
                    text: "bond".into()
                },
                Difference {
                    quote: String::new(),
                    text: "poppy".into()
                }
            ]
        );
        assert!(differences("a \u{201c}b\u{201d}", "a \"b\"").is_empty());
    }

    #[test]
    fn a_quote_sharing_no_word_finds_nothing() {
        assert_eq!(
            SourceIndex::new(PARAGRAPH).find("zebra xylophone"),
            Found::Nothing
        );
    }

    #[test]
    fn a_lone_angle_bracket_or_an_autolink_is_text() {
        assert!(found("if a < b then", "if a < b then"));
        assert!(found(
            "see <https://example.org/x>.",
            "see <https://example.org/x>."
        ));
    }
}
