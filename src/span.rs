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

/// Bytes between two checkpoints of a [`LineIndex`].
const BLOCCO: usize = 1024;

/// Where lines are, built once per input in one pass: at every
/// [`BLOCCO`]-th byte, the number of lines before it and where the line
/// holding it starts. Locating an offset is then a scan of at most one
/// block, and the index takes 16 bytes per KiB of input (a start per line
/// took 8 bytes per line, the size of the input itself for short lines).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// Per block from block `primo` on: line breaks before its first byte,
    /// and the start of the line holding that byte.
    blocchi: Vec<(usize, usize)>,
    /// The first block kept (blocks before it were forgotten, see
    /// [`LineIndex::dimentica`]).
    primo: usize,
    /// Line breaks in the whole text.
    totale: usize,
    /// Length of the indexed text.
    len: usize,
    /// Start of the line holding byte `len` (where indexing goes on).
    inizio: usize,
}

impl LineIndex {
    /// Index the line starts of `text` (any of `\n`, `\r\n` end a line).
    pub fn new(text: &[u8]) -> Self {
        let mut i = LineIndex::vuoto();
        i.blocchi.reserve(text.len() / BLOCCO + 1);
        i.estendi(text, text.len());
        i
    }

    /// An index of nothing yet, to be grown with [`LineIndex::estendi`] as
    /// a text is read (the streaming check indexes each report when it
    /// writes its findings, never the whole input at once).
    pub fn vuoto() -> Self {
        LineIndex {
            blocchi: vec![(0, 0)],
            primo: 0,
            totale: 0,
            len: 0,
            inizio: 0,
        }
    }

    /// Index `text` up to at least `fino` (the whole text when `fino` is
    /// past its end), always the same `text`: whole blocks are added, so
    /// what is indexed is exactly what [`LineIndex::new`] gives for that
    /// part, and every offset before `fino` is located as it would be.
    pub fn estendi(&mut self, text: &[u8], fino: usize) {
        let fine = fino
            .min(text.len())
            .div_ceil(BLOCCO)
            .saturating_mul(BLOCCO)
            .min(text.len());
        if fine <= self.len {
            return;
        }
        // `len` is a whole number of blocks here: only the end of the text
        // ends a block early, and then nothing is left to add.
        for b in text[self.len..fine].chunks(BLOCCO) {
            let k = self.len / BLOCCO;
            if k == self.primo + self.blocchi.len() {
                self.blocchi.push((self.totale, self.inizio));
            }
            self.totale += memchr::memchr_iter(b'\n', b).count();
            if let Some(i) = memchr::memrchr(b'\n', b) {
                self.inizio = self.len + i + 1;
            }
            self.len += b.len();
        }
    }

    /// Forget the checkpoints of the blocks wholly before `fino` (the
    /// streaming check has written everything there), so that the index
    /// of a long input takes the memory of the part being read. Offsets
    /// and lines before `fino` are still located, by a scan back from the
    /// first checkpoint kept (the rare finding that points back, such as
    /// the count of diagnostics left out).
    pub fn dimentica(&mut self, fino: usize) {
        // Keep the block holding `fino`, and always one block.
        let k = (fino / BLOCCO).min(self.primo + self.blocchi.len() - 1);
        if k > self.primo {
            self.blocchi.drain(..k - self.primo);
            self.primo = k;
        }
    }

    /// 1-based line and column of a byte offset. Offsets past the end are
    /// clamped to the end; an offset inside a multi-byte character counts that
    /// character.
    pub fn position(&self, text: &[u8], offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len()).min(self.len);
        let (line, line_start) = self.riga(text, offset);
        let column = count_chars(&text[line_start..offset]) + 1;
        (line + 1, column)
    }

    /// The line/column range of a span. This is the single span-to-location
    /// function of quadra.
    pub fn locate(&self, text: &[u8], span: Span) -> Location {
        let (line, column) = self.position(text, span.start);
        // A span within one line (nearly every one) ends on the line it
        // starts on: its end is counted from its start, not looked up again.
        let limite = text.len().min(self.len);
        let (da, a) = (span.start.min(limite), span.end.min(limite));
        let (end_line, end_column) = if da <= a && memchr::memchr(b'\n', &text[da..a]).is_none() {
            (line, column + count_chars(&text[da..a]))
        } else {
            self.position(text, span.end)
        };
        Location {
            line,
            column,
            end_line,
            end_column,
        }
    }

    /// Number of lines (a final line without `\n` counts).
    pub fn line_count(&self) -> usize {
        self.totale + 1
    }

    /// The 0-based line holding byte `offset` (clamped to the last line).
    pub fn line_of(&self, text: &[u8], offset: usize) -> usize {
        self.riga(text, offset.min(text.len()).min(self.len)).0
    }

    /// Byte offset where 0-based `line` starts (the text's length past the
    /// last line).
    pub fn line_start(&self, text: &[u8], line: usize) -> usize {
        let len = text.len().min(self.len);
        if line == 0 {
            return 0;
        }
        if line > self.totale {
            return len;
        }
        if line <= self.blocchi[0].0 && self.primo > 0 {
            // Before the checkpoints kept: from the start.
            return memchr::memchr_iter(b'\n', &text[..len])
                .nth(line - 1)
                .map_or(len, |i| i + 1);
        }
        // The block holding the `line`-th line break: the last one with
        // fewer breaks before it.
        let k = self.blocchi.partition_point(|(r, _)| *r < line) - 1;
        let (prima, _) = self.blocchi[k];
        let da = (self.primo + k) * BLOCCO;
        memchr::memchr_iter(b'\n', &text[da..len])
            .nth(line - prima - 1)
            .map_or(len, |i| da + i + 1)
    }

    /// The 0-based line of `offset` (within the text) and where it starts.
    fn riga(&self, text: &[u8], offset: usize) -> (usize, usize) {
        let k = offset / BLOCCO;
        if k < self.primo {
            // Before the checkpoints kept: back from the first one.
            let (dopo, _) = self.blocchi[0];
            let da = self.primo * BLOCCO;
            let righe = dopo - memchr::memchr_iter(b'\n', &text[offset..da]).count();
            let start = memchr::memrchr(b'\n', &text[..offset]).map_or(0, |i| i + 1);
            return (righe, start);
        }
        let k = (k - self.primo).min(self.blocchi.len() - 1);
        let (prima, inizio) = self.blocchi[k];
        let da = (self.primo + k) * BLOCCO;
        let pezzo = &text[da.min(offset)..offset];
        let righe = prima + memchr::memchr_iter(b'\n', pezzo).count();
        let start = memchr::memrchr(b'\n', pezzo).map_or(inizio, |i| da + i + 1);
        (righe, start)
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

    /// `locate` gives the positions of both ends, for every span of a text
    /// with empty lines, CRLF, multi-byte characters and a final line
    /// without a break, and for spans past its end or reversed.
    #[test]
    fn locate_is_the_position_of_both_ends() {
        let text = "ab\n\nçé x\r\n\u{a0}y\nlast".as_bytes();
        let idx = LineIndex::new(text);
        for start in 0..=text.len() + 2 {
            for end in 0..=text.len() + 2 {
                let (line, column) = idx.position(text, start);
                let (end_line, end_column) = idx.position(text, end);
                assert_eq!(
                    idx.locate(text, Span { start, end }),
                    Location {
                        line,
                        column,
                        end_line,
                        end_column
                    },
                    "{start}..{end}"
                );
            }
        }
        // Lines across the 1 KiB checkpoints, with the index grown a piece
        // at a time and the part behind forgotten, as the streaming check
        // uses it: spans from every seventh byte, up to 300 bytes long.
        let mut long = Vec::new();
        for i in 0..400 {
            long.extend(std::iter::repeat_n(b'x', i % 23));
            long.extend_from_slice(if i % 4 == 0 {
                "é\r\n".as_bytes()
            } else {
                b"\n"
            });
        }
        let whole = LineIndex::new(&long);
        let mut grown = LineIndex::vuoto();
        grown.estendi(&long, long.len());
        grown.dimentica(2 * BLOCCO + 5);
        for idx in [&whole, &grown] {
            for start in (0..long.len()).step_by(7) {
                for end in start.saturating_sub(3)..(start + 300).min(long.len() + 1) {
                    let (line, column) = idx.position(&long, start);
                    let (end_line, end_column) = idx.position(&long, end);
                    let expected = Location {
                        line,
                        column,
                        end_line,
                        end_column,
                    };
                    assert_eq!(idx.locate(&long, Span { start, end }), expected);
                }
            }
        }
    }

    /// The checkpoints give what a scan from the first byte gives, for
    /// every offset and line of texts with short, long and empty lines
    /// around block boundaries.
    #[test]
    fn agrees_with_a_scan_from_the_start() {
        let mut testi: Vec<Vec<u8>> = vec![Vec::new(), b"\n".to_vec(), b"abc".to_vec()];
        for lunga in [1, BLOCCO - 1, BLOCCO, BLOCCO + 1, 3 * BLOCCO + 7] {
            let mut t = Vec::new();
            for i in 0..40 {
                t.extend(std::iter::repeat_n(
                    b'x',
                    if i % 3 == 0 { lunga } else { i },
                ));
                t.extend_from_slice(if i % 5 == 0 {
                    "é\r\n".as_bytes()
                } else {
                    b"\n"
                });
                if i % 7 == 0 {
                    t.push(b'\n');
                }
            }
            testi.push(t);
        }
        for t in &testi {
            let idx = LineIndex::new(t);
            let starts: Vec<usize> = std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', t).map(|i| i + 1))
                .collect();
            assert_eq!(idx.line_count(), starts.len());
            for off in 0..=t.len() {
                let line = starts.partition_point(|s| *s <= off) - 1;
                assert_eq!(idx.line_of(t, off), line, "offset {off}");
                let col = count_chars(&t[starts[line]..off]) + 1;
                assert_eq!(idx.position(t, off), (line + 1, col), "offset {off}");
            }
            for (line, s) in starts.iter().enumerate() {
                assert_eq!(idx.line_start(t, line), *s, "line {line}");
            }
            assert_eq!(idx.line_start(t, starts.len()), t.len());
        }
    }

    /// Grown a piece at a time, the index locates every offset before the
    /// part indexed as the whole index does, and ends equal to it.
    #[test]
    fn grown_in_pieces_equals_built_whole() {
        let mut t = Vec::new();
        for i in 0..900 {
            t.extend(std::iter::repeat_n(b'y', i % 37));
            t.extend_from_slice(if i % 4 == 0 { "à\n".as_bytes() } else { b"\n" });
        }
        let whole = LineIndex::new(&t);
        for passo in [1, 7, BLOCCO - 1, BLOCCO, 2 * BLOCCO + 3, t.len()] {
            let mut idx = LineIndex::vuoto();
            let mut fino = 0;
            while fino < t.len() {
                fino = (fino + passo).min(t.len());
                idx.estendi(&t, fino);
                for off in (fino.saturating_sub(2 * BLOCCO)..fino).step_by(13) {
                    assert_eq!(
                        idx.position(&t, off),
                        whole.position(&t, off),
                        "{passo} {off}"
                    );
                }
            }
            assert_eq!(idx, whole, "step {passo}");
        }
        // Grown and forgotten behind: the same answers everywhere.
        for passo in [BLOCCO - 3, 5 * BLOCCO + 1] {
            let mut idx = LineIndex::vuoto();
            let mut fino = 0;
            while fino < t.len() {
                fino = (fino + passo).min(t.len());
                idx.estendi(&t, fino);
                idx.dimentica(fino.saturating_sub(passo));
            }
            assert!(
                idx.blocchi.len() <= passo / BLOCCO + 2,
                "{}",
                idx.blocchi.len()
            );
            for off in (0..=t.len()).step_by(7) {
                assert_eq!(
                    idx.position(&t, off),
                    whole.position(&t, off),
                    "{passo} {off}"
                );
                assert_eq!(
                    idx.line_of(&t, off),
                    whole.line_of(&t, off),
                    "{passo} {off}"
                );
            }
            for line in 0..=whole.line_count() {
                assert_eq!(
                    idx.line_start(&t, line),
                    whole.line_start(&t, line),
                    "line {line}"
                );
            }
        }
        let mut vuoto = LineIndex::vuoto();
        vuoto.estendi(b"", 10);
        assert_eq!(vuoto, LineIndex::new(b""));
    }

    #[test]
    fn clamps_offsets_past_the_end() {
        let text = b"abc";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 99), (1, 4));
    }
}
