//! `options.toml` cut at its `[[options]]` tables, so that each option can be
//! parsed, read and validated on its own.
//!
//! A parsed TOML document costs many times its text (every key and value with
//! its span, in a tree of maps); parsing the options one by one keeps only one
//! option's tree alive at a time. The cut is made where TOML itself puts the
//! boundary: an `[[options]]` header opens an option, and the `[options.…]`
//! headers after it belong to it, until a header of another table. The
//! headers are found by the `toml_parser` lexer, so brackets and line breaks
//! inside strings and arrays never look like one.
//!
//! The rest of the file (its sources, say) is parsed on its own, without the
//! options, and its offsets mapped back to the whole text.
//!
//! When the file is shaped any other way (an `[options]` table, a quoted
//! header, an `[options.…]` header with no `[[options]]` before it), there is
//! no cut, and the whole file is parsed at once.

use std::ops::Range;

use toml_parser::Source;
use toml_parser::lexer::TokenKind;

/// The options file with its `[[options]]` tables cut out.
#[derive(Debug)]
pub struct Cut {
    /// The text without its options, each replaced by one line break, so
    /// that it parses to the rest of the document; [`Cut::place`] maps its
    /// offsets back to the text's.
    pub rest: String,
    /// Where each piece of `rest` starts, in `rest` and in the text, in
    /// order: the parts between options, and the line break standing in for
    /// each option.
    pieces: Vec<(usize, usize)>,
    /// The byte range of each option, from its `[[options]]` header to the
    /// next header of another table, in file order.
    pub options: Vec<Range<usize>>,
}

impl Cut {
    /// The offset in the text of `offset` in `rest`. An `end` offset at the
    /// border of two pieces is the end of the first, a start the start of
    /// the second.
    pub fn place(&self, offset: usize, end: bool) -> usize {
        let k = if end && offset > 0 {
            self.pieces.partition_point(|&(r, _)| r < offset)
        } else {
            self.pieces.partition_point(|&(r, _)| r <= offset)
        };
        let (r, t) = self.pieces[k.max(1) - 1];
        t + (offset - r)
    }
}

/// What a table header opens.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Header {
    /// `[[options]]`: a new option.
    Option,
    /// `[options.…]` or `[[options.…]]`: part of the current option.
    OptionPart,
    /// Any other table.
    Other,
}

/// Cuts `text` at its `[[options]]` tables, or `None` when the file is not
/// shaped so that the cut is safe (see the module documentation), or has no
/// `[[options]]` header at all.
pub fn cut(text: &str) -> Option<Cut> {
    let mut lexer = Source::new(text).lex();
    let mut depth = 0usize;
    let mut line_start = true;
    let mut headers: Vec<(usize, Header)> = vec![];
    while let Some(token) = lexer.next() {
        let kind = token.kind();
        match kind {
            TokenKind::Newline => {
                line_start = true;
                continue;
            }
            TokenKind::Whitespace | TokenKind::Comment => continue,
            TokenKind::Eof => break,
            TokenKind::LeftSquareBracket if depth == 0 && line_start => {
                let start = token.span().start();
                let mut array = false;
                let mut inner_start = token.span().end();
                let mut inner_end = None;
                for token in lexer.by_ref() {
                    match token.kind() {
                        TokenKind::LeftSquareBracket
                            if !array && token.span().start() == inner_start =>
                        {
                            array = true;
                            inner_start = token.span().end();
                        }
                        TokenKind::RightSquareBracket => {
                            inner_end = Some(token.span().start());
                            break;
                        }
                        TokenKind::Atom | TokenKind::Dot | TokenKind::Whitespace => {}
                        // Quoted keys, or anything a header cannot hold: no cut.
                        _ => return None,
                    }
                }
                let inner_end = inner_end?;
                if array {
                    // The second closing bracket, right after the first.
                    let token = lexer.next()?;
                    if token.kind() != TokenKind::RightSquareBracket {
                        return None;
                    }
                }
                let path: String = text[inner_start..inner_end]
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect();
                let header = match (path.as_str(), array) {
                    ("options", true) => Header::Option,
                    ("options", false) => return None,
                    (p, _) if p.starts_with("options.") => Header::OptionPart,
                    _ => Header::Other,
                };
                headers.push((start, header));
            }
            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => depth += 1,
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => {
                depth = depth.checked_sub(1)?;
            }
            _ => {}
        }
        line_start = false;
    }
    let mut options: Vec<Range<usize>> = vec![];
    let mut open: Option<usize> = None;
    for &(start, header) in &headers {
        match header {
            Header::Option => {
                if let Some(from) = open.replace(start) {
                    options.push(from..start);
                }
            }
            Header::OptionPart if open.is_none() => return None,
            Header::OptionPart => {}
            Header::Other => {
                if let Some(from) = open.take() {
                    options.push(from..start);
                }
            }
        }
    }
    if let Some(from) = open {
        options.push(from..text.len());
    }
    if options.is_empty() {
        return None;
    }
    // Each option starts a line (after blanks at most) and runs to the next
    // header or the end, so the part before it ends in a blank or a line
    // break, and one line break in its place keeps every token apart.
    let mut rest = String::new();
    let mut pieces = vec![];
    let mut from = 0;
    for range in &options {
        pieces.push((rest.len(), from));
        rest.push_str(&text[from..range.start]);
        pieces.push((rest.len(), range.start));
        rest.push('\n');
        from = range.end;
    }
    pieces.push((rest.len(), from));
    rest.push_str(&text[from..]);
    Some(Cut {
        rest,
        pieces,
        options,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_cut_at_their_headers_and_the_rest_keeps_its_offsets() {
        let text = "[sources.a]\ntitle = \"[[options]]\"\n\n[[options]]\nid = \"x\"\nm = [\n[1],\n]\n[options.scores]\nc = 1\n[[ options ]]\nid = \"y\"\n[sources.b]\ntitle = \"b\"\n";
        let cut = cut(text).expect("a plain options file");
        assert_eq!(cut.options.len(), 2);
        assert!(text[cut.options[0].clone()].starts_with("[[options]]\nid = \"x\""));
        assert!(text[cut.options[0].clone()].ends_with("c = 1\n"));
        assert!(text[cut.options[1].clone()].starts_with("[[ options ]]"));
        assert!(text[cut.options[1].clone()].ends_with("id = \"y\"\n"));
        assert!(cut.rest.contains("[sources.a]") && cut.rest.contains("[sources.b]"));
        assert!(!cut.rest.contains("id ="));
        let b = text.find("[sources.b]").expect("present");
        let rest_b = cut.rest.find("[sources.b]").expect("kept");
        assert_eq!(cut.place(rest_b, false), b);
        assert_eq!(cut.place(rest_b + 11, true), b + 11);
        let a = text.find("[sources.a]").expect("present");
        assert_eq!(cut.place(0, false), a);
        // The part before the first option ends where the option starts.
        let before = cut.rest.find("\n\n\n").expect("the options' line breaks") + 2;
        let header = text.find("\n[[options]]").expect("a header") + 1;
        assert_eq!(cut.place(before, true), header);
        assert_eq!(cut.place(before, false), header);
        assert_eq!(cut.place(cut.rest.len(), true), text.len());
    }

    #[test]
    fn unusual_shapes_are_not_cut() {
        assert!(cut("[options]\nid = 1\n").is_none());
        assert!(cut("[options.scores]\nc = 1\n[[options]]\n").is_none());
        assert!(cut("[[\"options\"]]\nid = \"x\"\n").is_none());
        assert!(cut("[sources.a]\ntitle = \"t\"\n").is_none());
        assert!(cut("options = [{ id = \"x\" }]\n").is_none());
    }
}
