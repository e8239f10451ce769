//! Byte spans into the report text and the one function that turns them into
//! line/column locations. Every output format (miette, JSON, CSV, SARIF...) goes
//! through [`LineIndex::locate`], so all of them agree on where a thing is.

use serde::Serialize;

/// A half-open byte range `start..end` into the original input (before any
/// BOM stripping or line-ending normalisation: offsets always index the bytes
/// the user gave us).
///
/// In JSON a span is the array `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (clamped so that `end >= start`).
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// The smallest span covering both.
    pub fn join(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True for an empty span.
    pub fn is_empty(self) -> bool {
        self.end == self.start
    }
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (self.start, self.end).serialize(s)
    }
}

impl From<Span> for miette::SourceSpan {
    fn from(s: Span) -> Self {
        (s.start, s.len()).into()
    }
}

/// A 1-based line/column range. Columns count Unicode scalar values (characters),
/// not bytes, so they match what an editor shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Location {
    /// Line of the first character, 1-based.
    pub line: usize,
    /// Column of the first character, 1-based.
    pub column: usize,
    /// Line of the last character, 1-based.
    pub end_line: usize,
    /// Column just past the last character, 1-based (exclusive, as in SARIF).
    pub end_column: usize,
}

/// Offsets of line starts, built once per input, so that locating a span costs a
/// binary search rather than a rescan of the text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Index the line starts of `text` (any of `\n`, `\r\n` end a line).
    pub fn new(text: &[u8]) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 40 + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text).map(|i| i + 1));
        LineIndex { starts }
    }

    /// 1-based line and column of a byte offset. Offsets past the end are
    /// clamped to the end; an offset inside a multi-byte character counts that
    /// character.
    pub fn position(&self, text: &[u8], offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let line_start = self.starts[line];
        let column = count_chars(&text[line_start..offset]) + 1;
        (line + 1, column)
    }

    /// The line/column range of a span. This is the single span-to-location
    /// function of quadra.
    pub fn locate(&self, text: &[u8], span: Span) -> Location {
        let (line, column) = self.position(text, span.start);
        let (end_line, end_column) = self.position(text, span.end);
        Location {
            line,
            column,
            end_line,
            end_column,
        }
    }

    /// Number of lines (a final line without `\n` counts).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The 0-based line holding byte `offset` (clamped to the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Byte offset where 0-based `line` starts (`len` past the last line).
    pub fn line_start(&self, line: usize, len: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(len).min(len)
    }
}

/// Characters in a byte slice that may end in the middle of a character or hold
/// invalid UTF-8: every byte that does not continue a character starts one.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_lines_and_character_columns() {
        let text = "ab\nçé x\r\nlast".as_bytes();
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 3);
        assert_eq!(idx.position(text, 0), (1, 1));
        assert_eq!(idx.position(text, 3), (2, 1));
        // 'x' is after two 2-byte characters and a space: byte 3+5, column 4.
        assert_eq!(idx.position(text, 8), (2, 4));
        let loc = idx.locate(text, Span::new(11, 15));
        assert_eq!(
            loc,
            Location {
                line: 3,
                column: 1,
                end_line: 3,
                end_column: 5
            }
        );
    }

    #[test]
    fn clamps_offsets_past_the_end() {
        let text = b"abc";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 99), (1, 4));
    }
}
