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

/// The ASCII bytes among the blanks of [`is_blank`] (the others are
/// multi-byte characters): what byte scans cut and split on.
pub fn is_ascii_blank(c: &u8) -> bool {
    matches!(c, b' ' | b'\t' | 0x0b | 0x0c | b'\r')
}

/// `s` without leading and trailing blanks ([`is_blank`]), and the length
/// of what was cut in front. ASCII blanks are cut on bytes; characters are
/// decoded only where a non-ASCII byte sits at an end (a no-break space, or
/// a letter such as `È`).
pub fn trim(s: &str) -> (usize, &str) {
    let b = s.as_bytes();
    // Two lines in three start and end with a printable ASCII byte, which is
    // neither a blank nor part of a character: nothing to cut, nor to scan.
    let stampabile = |c: &u8| (0x21..0x7f).contains(c);
    if b.first().is_some_and(stampabile) && b.last().is_some_and(stampabile) {
        return (0, s);
    }
    let start = b.iter().position(|c| !is_ascii_blank(c)).unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !is_ascii_blank(c))
        .map_or(start, |e| e + 1);
    if b.get(start).is_some_and(|c| !c.is_ascii()) || (end > start && !b[end - 1].is_ascii()) {
        let t = s.trim_start_matches(is_blank);
        return (s.len() - t.len(), t.trim_end_matches(is_blank));
    }
    (start, &s[start..end])
}

/// The words of `s`: its pieces between blanks ([`is_blank`]), none empty,
/// as `s.split(is_blank)` without the empty ones. ASCII bytes are tested as
/// bytes; a character is decoded only at a non-ASCII byte.
pub fn parole(s: &str) -> Parole<'_> {
    Parole { s }
}

/// Iterator of [`parole`].
#[derive(Debug, Clone)]
pub struct Parole<'a> {
    /// What is left to split.
    s: &'a str,
}

impl<'a> Parole<'a> {
    /// Is the character at byte `i` (a character boundary) a blank, and its
    /// length.
    #[inline]
    fn at(&self, i: usize) -> (bool, usize) {
        let c = self.s.as_bytes()[i];
        if c.is_ascii() {
            return (is_ascii_blank(&c), 1);
        }
        self.s[i..]
            .chars()
            .next()
            .map_or((false, self.s.len() - i), |ch| {
                (is_blank(ch), ch.len_utf8())
            })
    }
}

impl<'a> Iterator for Parole<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let n = self.s.len();
        let mut i = 0;
        while i < n {
            match self.at(i) {
                (true, l) => i += l,
                (false, _) => break,
            }
        }
        let start = i;
        while i < n {
            match self.at(i) {
                (false, l) => i += l,
                (true, _) => break,
            }
        }
        let s = self.s;
        self.s = &s[i..];
        (start < i).then(|| &s[start..i])
    }
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

/// The offset of the first `\n` in `b`. Most lines are short (half of
/// them empty), where `memchr`'s set-up costs more than the search: the
/// first 64 bytes are searched 8 at a time in a register, the rest of a
/// long line by `memchr`.
fn fine_riga(b: &[u8]) -> Option<usize> {
    const UNI: u64 = 0x0101_0101_0101_0101;
    const ALTI: u64 = 0x8080_8080_8080_8080;
    let mut i = 0;
    while i < 64 {
        let Some(w) = b.get(i..i + 8) else {
            return b[i..].iter().position(|&c| c == b'\n').map(|p| i + p);
        };
        let x = u64::from_le_bytes(w.try_into().expect("8 bytes")) ^ (UNI * u64::from(b'\n'));
        // A byte of `x` is zero where `b` has a newline; the lowest flagged
        // byte is always a true one (borrows only run upwards).
        let zero = x.wrapping_sub(UNI) & !x & ALTI;
        if zero != 0 {
            return Some(i + (zero.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    memchr::memchr(b'\n', &b[i..]).map(|p| i + p)
}

/// A line whose bytes are not UTF-8.
#[derive(Debug, Clone, Copy)]
pub struct BadLine {
    /// The whole line.
    pub span: Span,
    /// Offset of the first invalid byte.
    pub bad_at: usize,
}

/// Text checked as UTF-8 a window at a time, not the whole input at once:
/// a check that reads a mapped file report by report touches each page
/// once, when its lines are read.
const FINESTRA: usize = 1 << 20;

/// Iterator over the lines of the input.
pub struct Lines<'a> {
    bytes: &'a [u8],
    /// The window of the input checked last (whole lines of valid UTF-8,
    /// starting at `text_da`): lines inside it are sliced from it without
    /// validating each one again.
    text: Option<&'a str>,
    text_da: usize,
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
            text: None,
            text_da: pos,
            pos,
        }
    }

    /// The text of `start..end` (a line) from the checked window, checking
    /// the next window first when the line is past it.
    fn testo(&mut self, start: usize, end: usize) -> Result<&'a str, std::str::Utf8Error> {
        let dentro = |t: &str, da: usize| start >= da && end <= da + t.len();
        if !self.text.is_some_and(|t| dentro(t, self.text_da)) {
            // A window of whole lines from this line on.
            let fine = (start + FINESTRA).max(end).min(self.bytes.len());
            let fine =
                memchr::memchr(b'\n', &self.bytes[fine..]).map_or(self.bytes.len(), |i| fine + i);
            let finestra = &self.bytes[start..fine];
            self.text_da = start;
            self.text = Some(match std::str::from_utf8(finestra) {
                Ok(t) => t,
                // The whole lines before the first bad byte: the line that
                // holds it is checked alone, the next window starts after.
                Err(e) => {
                    let valido = &finestra[..e.valid_up_to()];
                    let fino = memchr::memrchr(b'\n', valido).unwrap_or(0);
                    std::str::from_utf8(&valido[..fino]).unwrap_or_default()
                }
            });
        }
        match self.text {
            // Lines end at `\n`, an ASCII byte, so slicing valid text there is safe.
            Some(t) if dentro(t, self.text_da) => Ok(&t[start - self.text_da..end - self.text_da]),
            _ => std::str::from_utf8(&self.bytes[start..end]),
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
        if self.bytes[start] == b'\n' {
            // An empty line (half the lines of a report): nothing to find,
            // check or trim.
            self.pos = start + 1;
            return Some(Ok(Line {
                text: "",
                span: Span::new(start, start),
                indented: false,
            }));
        }
        let end = fine_riga(&self.bytes[start..]).map_or(self.bytes.len(), |i| start + i);
        self.pos = end + 1;
        let text = match self.testo(start, end) {
            Ok(t) => t,
            Err(e) => {
                return Some(Err(BadLine {
                    span: Span::new(start, end),
                    bad_at: start + e.valid_up_to(),
                }))
            }
        };
        let (lead, trimmed) = trim(text);
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

    /// The byte-level trim cuts what trimming by characters cuts, on every
    /// string of a dense alphabet (ASCII and multi-byte blanks, letters).
    #[test]
    fn trim_agrees_with_trimming_by_characters() {
        let alphabet = ["a", " ", "\t", "\r", "\u{a0}", "\u{202f}", "é", "\u{0c}"];
        for s in crate::parse::ogni_stringa(&alphabet, 5) {
            let t = s.trim_start_matches(is_blank);
            let expected = (s.len() - t.len(), t.trim_end_matches(is_blank));
            assert_eq!(trim(&s), expected, "{s:?}");
        }
    }

    /// The lines are the pieces between newlines (no piece after a final
    /// one), each trimmed, with its span and whether it was indented: on
    /// every text of up to 6 characters over newlines, blanks, CR and
    /// letters, empty lines (read without a search) included.
    #[test]
    fn lines_are_the_trimmed_pieces_between_newlines() {
        let mut vuote = 0;
        for s in crate::parse::ogni_stringa(&["a", "\n", " ", "\r", "é"], 6) {
            let b = s.as_bytes();
            let mut attese = Vec::new();
            let mut da = 0;
            for pezzo in s.split('\n') {
                if da >= b.len() {
                    break;
                }
                let (lead, t) = trim(pezzo);
                attese.push((
                    t.to_string(),
                    Span::new(da + lead, da + lead + t.len()),
                    lead > 0,
                ));
                vuote += usize::from(pezzo.is_empty());
                da += pezzo.len() + 1;
            }
            let lette: Vec<_> = Lines::new(b)
                .map(|l| {
                    let l = l.expect("valid UTF-8");
                    (l.text.to_string(), l.span, l.indented)
                })
                .collect();
            assert_eq!(lette, attese, "{s:?}");
        }
        assert!(vuote > 1000, "{vuote}");
    }

    /// `fine_riga` finds the first newline wherever it sits: in every one
    /// of the first 80 positions (inside and past the 64 bytes searched in
    /// registers), with bytes that differ from `\n` by one bit around it,
    /// and in none.
    #[test]
    fn fine_riga_finds_the_first_newline() {
        for len in 0..90 {
            for riempi in [b'a', 0x0b, 0x8a, 0x09, 0xff, 0x00] {
                let mut b = vec![riempi; len];
                assert_eq!(fine_riga(&b), None);
                for at in 0..len {
                    b[at] = b'\n';
                    assert_eq!(fine_riga(&b), Some(at), "len {len} at {at}");
                    if at + 3 < len {
                        b[at + 3] = b'\n';
                        assert_eq!(fine_riga(&b), Some(at), "two, len {len} at {at}");
                        b[at + 3] = riempi;
                    }
                    b[at] = riempi;
                }
            }
        }
    }

    /// `parole` gives the pieces `split(is_blank)` gives, less the empty ones.
    #[test]
    fn parole_are_the_pieces_between_blanks() {
        let alphabet = ["a", " ", "\t", "\r", "\u{a0}", "\u{202f}", "é", "\u{0c}"];
        for s in crate::parse::ogni_stringa(&alphabet, 5) {
            let attese: Vec<&str> = s.split(is_blank).filter(|w| !w.is_empty()).collect();
            assert_eq!(parole(&s).collect::<Vec<_>>(), attese, "{s:?}");
        }
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

    /// Windows are checked one at a time: lines on both sides of a window's
    /// edge and of a bad line are read as from a text checked whole.
    #[test]
    fn windows_give_the_lines_of_the_whole_text() {
        let mut input = Vec::new();
        let mut i = 0;
        while input.len() < 2 * FINESTRA + 5000 {
            input.extend_from_slice(format!("riga {i} è\n").as_bytes());
            if i == 70_000 || i == 70_001 {
                input.extend_from_slice(b"rotta \xff\n");
            }
            i += 1;
        }
        let righe: Vec<_> = Lines::new(&input).collect();
        let attese: Vec<&[u8]> = input.split(|b| *b == b'\n').collect();
        assert_eq!(righe.len(), attese.len() - 1);
        let mut rotte = 0;
        for (r, a) in righe.iter().zip(&attese) {
            match r {
                Ok(l) => assert_eq!(l.text.as_bytes(), a.trim_ascii()),
                Err(_) => {
                    rotte += 1;
                    assert_eq!(*a, b"rotta \xff");
                }
            }
        }
        assert_eq!(rotte, 2);
    }
}
