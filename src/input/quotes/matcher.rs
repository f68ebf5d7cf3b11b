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
//! so that the text is read once and each quote costs little after that:
//! every pair of consecutive words of the text is indexed once (words as
//! numbers); each word pair of the quote then votes for the alignment (text
//! position − quote position) where it occurs, and around the eight
//! best-voted alignments the stretch of text with the fewest word edits
//! (Levenshtein 1966) to the whole quote is found by fitting alignment
//! (Sellers 1980). The best of them is the closest passage; its likeness is
//! the normalized character edit distance (`strsim`).

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
        let pieces = join_hyphens(pieces(original), original);
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
fn join_hyphens(pieces: Vec<Piece>, original: &str) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    let mut iter = pieces.into_iter().peekable();
    while let Some(piece) = iter.next() {
        // Only a hyphen joins words; a dash (– — ―) separates them, as in
        // "substances—a move", and stays.
        let dash = original
            .get(piece.origin.clone())
            .is_some_and(|s| s.starts_with(['–', '—', '―']));
        let between_letters = piece.c == '-'
            && !dash
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
    /// Each word's id: words are compared as numbers.
    ids: Vec<u32>,
    /// The id of each distinct word.
    vocabulary: HashMap<String, u32>,
    /// Where each pair of consecutive words starts (as word positions).
    pairs: HashMap<(u32, u32), Vec<u32>>,
    /// Where each word occurs, for one-word quotes and quotes with no pair in common.
    singles: HashMap<u32, Vec<u32>>,
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

/// The id of a word the text does not have.
const UNKNOWN: u32 = u32::MAX;

impl SourceIndex {
    /// Canonicalizes and indexes a text.
    pub fn new(original: &str) -> Self {
        let canonical = Canonical::new(original);
        let words = word_ranges(canonical.as_str());
        let mut vocabulary: HashMap<String, u32> = HashMap::new();
        let ids: Vec<u32> = words
            .iter()
            .map(|range| {
                let word = &canonical.as_str()[range.clone()];
                match vocabulary.get(word) {
                    Some(&id) => id,
                    None => {
                        let id = vocabulary.len() as u32;
                        vocabulary.insert(word.to_string(), id);
                        id
                    }
                }
            })
            .collect();
        let mut pairs: HashMap<(u32, u32), Vec<u32>> = HashMap::new();
        let mut singles: HashMap<u32, Vec<u32>> = HashMap::new();
        for (i, &id) in ids.iter().enumerate() {
            singles.entry(id).or_default().push(i as u32);
            if let Some(&next) = ids.get(i + 1) {
                pairs.entry((id, next)).or_default().push(i as u32);
            }
        }
        SourceIndex {
            original: original.to_string(),
            canonical,
            words,
            ids,
            vocabulary,
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
        // Most quotes start at a word of the text: try where its first two words
        // occur, then, for a quote that starts inside a word, every position.
        let first: Vec<u32> = needle
            .split(' ')
            .take(2)
            .map(|w| self.vocabulary.get(w).copied().unwrap_or(UNKNOWN))
            .collect();
        let starts = match first[..] {
            [a, b] => self.pairs.get(&(a, b)),
            [a] => self.singles.get(&a),
            _ => None,
        };
        for &p in starts.into_iter().flatten() {
            let at = self.words[p as usize].start;
            if self.canonical.as_str()[at..].starts_with(needle) && self.bounded(at, needle) {
                return Found::Exact(self.canonical.original(at..at + needle.len()));
            }
        }
        let hay = self.canonical.as_str();
        if let Some((at, _)) = hay
            .match_indices(needle)
            .find(|&(at, _)| self.bounded(at, needle))
        {
            return Found::Exact(self.canonical.original(at..at + needle.len()));
        }
        self.closest(needle)
    }

    /// Whether `needle`, found at `at`, begins and ends on word boundaries
    /// (where it begins or ends with a letter or digit).
    fn bounded(&self, at: usize, needle: &str) -> bool {
        let hay = self.canonical.as_str();
        let end = at + needle.len();
        let before = !hay[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
            || !needle.starts_with(char::is_alphanumeric);
        let after = !hay[end..].chars().next().is_some_and(char::is_alphanumeric)
            || !needle.ends_with(char::is_alphanumeric);
        before && after
    }

    /// The passage closest to a quote that is not in the text (see the module docs).
    fn closest(&self, needle: &str) -> Found {
        let quote: Vec<u32> = needle
            .split(' ')
            .map(|w| self.vocabulary.get(w).copied().unwrap_or(UNKNOWN))
            .collect();
        let n = quote.len();
        let mut votes: HashMap<i64, usize> = HashMap::new();
        for (i, pair) in quote.windows(2).enumerate() {
            for &p in self.pairs.get(&(pair[0], pair[1])).into_iter().flatten() {
                *votes.entry(i64::from(p) - i as i64).or_default() += 1;
            }
        }
        if votes.is_empty() {
            for (i, word) in quote.iter().enumerate() {
                for &p in self.singles.get(word).into_iter().flatten() {
                    *votes.entry(i64::from(p) - i as i64).or_default() += 1;
                }
            }
        }
        if votes.is_empty() {
            return Found::Nothing;
        }
        let mut ranked: Vec<(i64, usize)> = votes.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        const CANDIDATES: usize = 8;
        // Room for words the quote drops or adds around each alignment.
        let slack = 3 + n as i64 / 4;
        let total = self.ids.len() as i64;
        let mut best: Option<(usize, Range<usize>)> = None;
        for &(offset, _) in ranked.iter().take(CANDIDATES) {
            let from = (offset - slack).clamp(0, total) as usize;
            let to = (offset + n as i64 + slack).clamp(0, total) as usize;
            let (distance, within) = fit(&quote, &self.ids[from..to]);
            if best.as_ref().is_none_or(|(d, _)| distance < *d) {
                best = Some((distance, from + within.start..from + within.end));
            }
        }
        let (_, mut words) = best.expect("at least one candidate");
        if words.is_empty() {
            words.end = (words.start + n).min(self.words.len());
        }
        let bytes = self.words[words.start].start..self.words[words.end - 1].end;
        let similarity =
            strsim::normalized_levenshtein(needle, &self.canonical.as_str()[bytes.clone()]);
        Found::Closest(self.canonical.original(bytes), similarity)
    }

    /// The text as read, which [`Found`]'s ranges index.
    pub fn original(&self) -> &str {
        &self.original
    }
}

/// The stretch of `text` closest to the whole of `quote`, by word edit
/// distance, and that distance: fitting (semi-global) alignment, in which the
/// quote must be matched whole but the stretch may start and end anywhere
/// (Sellers 1980). O(|quote| × |text|).
fn fit(quote: &[u32], text: &[u32]) -> (usize, Range<usize>) {
    let m = text.len();
    // Row i: cost of aligning quote[..i] ending at each text position, and
    // where in the text that alignment starts.
    let mut cost: Vec<usize> = vec![0; m + 1];
    let mut start: Vec<usize> = (0..=m).collect();
    for (i, &q) in quote.iter().enumerate() {
        let (mut diagonal_cost, mut diagonal_start) = (cost[0], start[0]);
        cost[0] = i + 1;
        for j in 1..=m {
            let (up_cost, up_start) = (cost[j], start[j]);
            let substitute = diagonal_cost + usize::from(q != text[j - 1]);
            let delete = up_cost + 1;
            let insert = cost[j - 1] + 1;
            let (c, s) = if substitute <= delete && substitute <= insert {
                (substitute, diagonal_start)
            } else if delete <= insert {
                (delete, up_start)
            } else {
                (insert, start[j - 1])
            };
            (diagonal_cost, diagonal_start) = (up_cost, up_start);
            cost[j] = c;
            start[j] = s;
        }
    }
    // Of equally close stretches, the longest: it shows more of the quote's words.
    let end = (0..=m)
        .min_by_key(|&j| (cost[j], std::cmp::Reverse(j)))
        .unwrap_or(0);
    (cost[end], start[end]..end)
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
    fn a_quote_may_end_where_a_dash_joins_the_next_word() {
        let text = "from 14 to 72 substances\u{2014}a move that may spur";
        assert!(found(text, "from 14 to 72 substances"));
        assert!(found(text, "substances\u{2014}a move"));
        assert!(!found(text, "72 substancesa move"));
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
    fn the_fitting_alignment_finds_the_stretch_with_the_fewest_edits() {
        // Quote [1, 2, 9, 4]: in text 0 1 2 3 4 5 the stretch 1 2 3 4, one substitution.
        assert_eq!(fit(&[1, 2, 9, 4], &[0, 1, 2, 3, 4, 5]), (1, 1..5));
        // A word the text adds inside the stretch costs one; of the stretches
        // as close (1 2, the 4 dropped), the longer is shown.
        assert_eq!(fit(&[1, 2, 4], &[0, 1, 2, 3, 4, 5]), (1, 1..5));
        assert_eq!(fit(&[1, 2, 4, 5], &[0, 1, 2, 3, 4, 5]), (1, 1..6));
        assert_eq!(fit(&[7, 8], &[7, 8]), (0, 0..2));
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
