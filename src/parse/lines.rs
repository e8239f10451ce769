//! Physical lines of the input: split on `\n`, with a UTF-8 BOM, `\r\n` line
//! ends, tabs, form feeds and leading/trailing blanks neutralised. Spans keep
//! indexing the original bytes.

use crate::span::Span;

/// Whitespace as far as the report layout is concerned: blanks, tabs, the form
/// feed pdftotext puts at page breaks, stray carriage returns, no-break spaces.
pub fn is_blank(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{0b}' | '\u{0c}' | '\r' | '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{feff}'
    )
}

/// One physical line, trimmed.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    /// The text without leading/trailing blanks.
    pub text: &'a str,
    /// Span of `text`.
    pub span: Span,
    /// The line started with a blank: in this layout that marks the first line
    /// of a page.
    pub indented: bool,
}

impl<'a> Line<'a> {
    /// True for a line with nothing but blanks.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// A line whose bytes are not UTF-8.
#[derive(Debug, Clone, Copy)]
pub struct BadLine {
    /// The whole line.
    pub span: Span,
    /// Offset of the first invalid byte.
    pub bad_at: usize,
}

/// Iterator over the lines of the input.
pub struct Lines<'a> {
    bytes: &'a [u8],
    /// The whole input as text, when it is all valid UTF-8: then lines are
    /// sliced from it without validating each one again.
    text: Option<&'a str>,
    pos: usize,
}

impl<'a> Lines<'a> {
    /// Lines of `bytes`, skipping a leading UTF-8 byte-order mark.
    pub fn new(bytes: &'a [u8]) -> Self {
        let pos = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
            3
        } else {
            0
        };
        Lines {
            bytes,
            text: std::str::from_utf8(bytes).ok(),
            pos,
        }
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = Result<Line<'a>, BadLine>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.bytes.len() {
            return None;
        }
        let start = self.pos;
        let end = memchr::memchr(b'\n', &self.bytes[start..])
            .map(|i| start + i)
            .unwrap_or(self.bytes.len());
        self.pos = end + 1;
        let raw = &self.bytes[start..end];
        // Lines end at `\n`, an ASCII byte, so slicing valid text there is safe.
        let checked = match self.text {
            Some(t) => Ok(&t[start..end]),
            None => std::str::from_utf8(raw),
        };
        let text = match checked {
            Ok(t) => t,
            Err(e) => {
                return Some(Err(BadLine {
                    span: Span::new(start, end),
                    bad_at: start + e.valid_up_to(),
                }))
            }
        };
        let trimmed_start = text.trim_start_matches(is_blank);
        let lead = text.len() - trimmed_start.len();
        let trimmed = trimmed_start.trim_end_matches(is_blank);
        let s = start + lead;
        Some(Ok(Line {
            text: trimmed,
            span: Span::new(s, s + trimmed.len()),
            indented: lead > 0,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_crlf_tabs_and_trailing_blanks() {
        let input = "\u{feff}ab \r\n\t cd\t\r\n\r\nx".as_bytes();
        let lines: Vec<_> = Lines::new(input).map(|l| l.unwrap()).collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0].text, "ab");
        assert_eq!(lines[0].span, Span::new(3, 5));
        assert!(!lines[0].indented);
        assert_eq!(lines[1].text, "cd");
        assert!(lines[1].indented);
        assert_eq!(&input[lines[1].span.start..lines[1].span.end], b"cd");
        assert!(lines[2].is_blank());
        assert_eq!(lines[3].text, "x");
    }

    #[test]
    fn reports_invalid_utf8_with_its_offset() {
        let input = b"ok\nab\xff\xfecd\nok";
        let lines: Vec<_> = Lines::new(input).collect();
        assert!(lines[0].is_ok());
        let bad = lines[1].as_ref().unwrap_err();
        assert_eq!(bad.bad_at, 5);
        assert_eq!(bad.span, Span::new(3, 9));
        assert!(lines[2].is_ok());
    }
}
