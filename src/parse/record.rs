//! A record is one item of a section (a row, a total, a summary line) whose
//! tokens may span several physical lines: descriptions and total labels wrap,
//! amounts sit on a line of their own. Records are assembled here and split
//! into their parts (leading text, V flag, amounts, text between amounts).

use rust_decimal::Decimal;

use super::tokens::Tok;
use super::Ctx;
use crate::ast::{Colonna, Importi, ImportiCapitale, ImportiCorrenti, SpanImporti};
use crate::diagnostic::{ParseCode, ParseDiagnostic};
use crate::span::Span;

/// A record being assembled. The token buffer is reused across records.
#[derive(Debug, Default)]
pub struct Record<'a> {
    /// Lines taken so far.
    pub span: Span,
    /// Tokens of all its lines.
    pub toks: Vec<Tok<'a>>,
    /// True while a record is being assembled.
    pub active: bool,
    /// The buffers of the last record's parts, handed back by
    /// [`Record::recycle`]: a table row then allocates no part vectors.
    spare: Parts<'a>,
}

impl<'a> Record<'a> {
    /// Start a record with the tokens of its first line.
    pub fn start(&mut self, span: Span, toks: &[Tok<'a>]) {
        self.toks.clear();
        self.toks.extend_from_slice(toks);
        self.span = span;
        self.active = true;
    }

    /// Add the tokens of a continuation line.
    pub fn extend(&mut self, span: Span, toks: &[Tok<'a>]) {
        self.toks.extend_from_slice(toks);
        self.span = self.span.join(span);
    }

    /// Number of amounts (well-formed or not).
    pub fn amounts(&self) -> usize {
        self.toks
            .iter()
            .filter(|t| matches!(t, Tok::Amount(..) | Tok::Malformed(..)))
            .count()
    }

    /// True when the last token is an amount: the record may be complete.
    pub fn ends_with_amount(&self) -> bool {
        matches!(self.toks.last(), Some(Tok::Amount(..) | Tok::Malformed(..)))
    }

    /// Has any amount.
    pub fn has_amount(&self) -> bool {
        self.toks
            .iter()
            .any(|t| matches!(t, Tok::Amount(..) | Tok::Malformed(..)))
    }

    /// All text tokens joined with one space: a total's label.
    pub fn label(&self) -> String {
        join_words(self.toks.iter().filter_map(|t| match t {
            Tok::Text(s, _) => Some(*s),
            _ => None,
        }))
    }

    /// The words of [`Record::label`], without joining them: its text
    /// tokens split at blanks.
    pub fn label_words(&self) -> impl Iterator<Item = &'a str> + Clone + '_ {
        self.toks
            .iter()
            .filter_map(|t| match t {
                Tok::Text(s, _) => Some(*s),
                _ => None,
            })
            .flat_map(super::lines::parole)
    }

    /// Some text token holds `needle`: a cheap test before the words of
    /// the label are looked at.
    pub fn mentions(&self, needle: &[u8]) -> bool {
        self.toks.iter().any(|t| match t {
            Tok::Text(s, _) => s.as_bytes().windows(needle.len()).any(|w| w == needle),
            _ => false,
        })
    }

    /// Split into parts, reporting malformed amounts.
    pub fn parts(&self, ctx: &mut Ctx) -> Option<Parts<'a>> {
        let mut p = Parts::default();
        self.fill(&mut p, ctx).then_some(p)
    }

    /// [`Record::parts`] in the buffers of an earlier record's parts (see
    /// [`Record::recycle`]).
    pub fn parts_reusing(&mut self, ctx: &mut Ctx) -> Option<Parts<'a>> {
        let mut p = std::mem::take(&mut self.spare);
        p.lead.clear();
        p.amounts.clear();
        p.inner.clear();
        p.v = None;
        if self.fill(&mut p, ctx) {
            Some(p)
        } else {
            self.spare = p;
            None
        }
    }

    /// Keep the buffers of `p` for the next [`Record::parts_reusing`].
    pub fn recycle(&mut self, p: Parts<'a>) {
        self.spare = p;
    }

    /// Fill the empty `p`; false when some amount is malformed (reported).
    fn fill(&self, p: &mut Parts<'a>, ctx: &mut Ctx) -> bool {
        let mut ok = true;
        for t in &self.toks {
            match *t {
                Tok::Text(s, sp) if p.amounts.is_empty() && p.v.is_none() => p.lead.push((s, sp)),
                Tok::Text(s, sp) => p.inner.push((p.amounts.len(), s, sp)),
                Tok::V(sp) => p.v = Some(sp),
                Tok::Amount(a, sp) => p.amounts.push((a, sp)),
                Tok::Malformed(s, sp) => {
                    ok = false;
                    ctx.push(ParseDiagnostic::new(
                        ParseCode::MalformedAmount,
                        sp,
                        crate::msg!("parse-malformed", text = s),
                        crate::tr!("parse-malformed-label"),
                        crate::tr!("parse-malformed-help"),
                    ));
                }
            }
        }
        ok
    }
}

/// The parts of an assembled record.
#[derive(Debug, Default)]
pub struct Parts<'a> {
    /// Text before the first amount.
    pub lead: Vec<(&'a str, Span)>,
    /// The `V` flag.
    pub v: Option<Span>,
    /// Amounts in text order.
    pub amounts: Vec<(Decimal, Span)>,
    /// Text after some amounts: (amounts before it, text, span).
    pub inner: Vec<(usize, &'a str, Span)>,
}

impl<'a> Parts<'a> {
    /// Span from the first to the last amount.
    pub fn amounts_span(&self) -> Span {
        match (self.amounts.first(), self.amounts.last()) {
            (Some(a), Some(b)) => a.1.join(b.1),
            _ => Span::default(),
        }
    }

    /// Check the amount count against a layout, reporting a mismatch. `what`
    /// is `row`, `total`, `vincolate-row` or `programma-row` (the variants of
    /// the catalogue's `parse-amount-count`).
    pub fn check_count(
        &self,
        ctx: &mut Ctx,
        record: Span,
        what: &str,
        layout: &[Colonna],
        anno: Option<u16>,
    ) -> bool {
        if self.amounts.len() == layout.len() {
            return true;
        }
        let names: Vec<String> = layout.iter().map(|c| c.titolo(anno)).collect();
        ctx.push(ParseDiagnostic::new(
            ParseCode::AmountCount,
            record,
            crate::msg!(
                "parse-amount-count",
                what = what,
                n = self.amounts.len(),
                expected = layout.len()
            ),
            crate::tr!("parse-amount-count-label", n = self.amounts.len()),
            crate::tr!("parse-amount-count-help", columns = names.join(", ")),
        ));
        false
    }

    /// Report every inner text except the one at `allowed` (amounts before it).
    /// Returns the allowed text, if present.
    pub fn take_inner(
        &self,
        ctx: &mut Ctx,
        allowed: Option<usize>,
        expected_help: &str,
    ) -> Option<(&'a str, Span)> {
        // `expected_help` is the catalogue id of the help line.
        let mut found = None;
        for &(at, s, sp) in &self.inner {
            if Some(at) == allowed && found.is_none() {
                found = Some((s, sp));
            } else {
                ctx.push(ParseDiagnostic::new(
                    ParseCode::UnexpectedText,
                    sp,
                    crate::msg!("parse-unexpected-among", text = s),
                    crate::tr!("parse-unexpected-label"),
                    crate::lingua::testo(expected_help, None),
                ));
            }
        }
        found
    }
}

/// The line starts with amounts (or the `V` flag before them).
pub fn starts_with_amount(toks: &[Tok<'_>]) -> bool {
    matches!(
        toks.first(),
        Some(Tok::Amount(..) | Tok::V(..) | Tok::Malformed(..))
    )
}

/// The line holds the word `Totale`: it is (part of) a declared total.
pub fn has_totale(toks: &[Tok<'_>]) -> bool {
    toks.iter()
        .any(|t| matches!(t, Tok::Text(s, _) if super::recognise::has_totale(s)))
}

/// Build amounts from values in the layout's order, with where each is
/// printed; the 1.B fifth column is returned apart (its span among the others).
pub fn importi(
    capitale: bool,
    layout: &[Colonna],
    amounts: &[(Decimal, Span)],
) -> (Importi, Option<Decimal>, SpanImporti) {
    let mut imp = if capitale {
        Importi::Capitale(ImportiCapitale::default())
    } else {
        Importi::Correnti(ImportiCorrenti::default())
    };
    let mut extra = None;
    let mut spans = SpanImporti::default();
    for (c, (v, sp)) in layout.iter().zip(amounts) {
        spans.set(*c, *sp);
        if *c == Colonna::PrevisionePrecedenteRipetuta {
            extra = Some(*v);
        } else {
            imp.set(*c, *v);
        }
    }
    (imp, extra, spans)
}

/// ASCII words separated by single spaces, with no blank at either end (and
/// not empty): the piece is its own join. Eight bytes at a time in a
/// register: no byte of 0x80 or more, none of tab, VT, FF or CR (0x09, 0x0b..=0x0d),
/// no space followed by a space.
fn is_single_spaced(b: &[u8]) -> bool {
    const UNI: u64 = 0x0101_0101_0101_0101;
    const ALTI: u64 = 0x8080_8080_8080_8080;
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return false;
    };
    if first == b' ' || last == b' ' {
        return false;
    }
    // A byte of `w` flagged in the result when it equals `c`; exact for
    // ASCII `w` (no byte of 0x80 or more, tested first).
    let uguale = |w: u64, c: u8| {
        let x = w ^ (UNI * u64::from(c));
        !(((x & !ALTI) + !ALTI) | x) & ALTI
    };
    let mut prima_spazio = false;
    let mut pezzi = b.chunks_exact(8);
    for c in &mut pezzi {
        let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        if w & ALTI != 0 {
            return false;
        }
        let spazi = uguale(w, b' ');
        let strani = uguale(w, b'\t') | uguale(w, 0x0b) | uguale(w, 0x0c) | uguale(w, b'\r');
        // A space whose next byte is a space: in the word, or across the
        // boundary with the word before.
        if strani != 0 || spazi & (spazi >> 8) != 0 || (prima_spazio && spazi & 0x80 != 0) {
            return false;
        }
        prima_spazio = spazi >> 63 != 0;
    }
    let resto = pezzi.remainder();
    if resto.is_empty() {
        return true;
    }
    if b.len() >= 8 {
        // The last eight bytes, overlapping the words already tested: every
        // pair of neighbours across the last boundary falls inside them.
        let w = u64::from_le_bytes(b[b.len() - 8..].try_into().expect("8 bytes"));
        let spazi = uguale(w, b' ');
        let strani = uguale(w, b'\t') | uguale(w, 0x0b) | uguale(w, 0x0c) | uguale(w, b'\r');
        return w & ALTI == 0 && strani == 0 && spazi & (spazi >> 8) == 0;
    }
    let mut prima = false;
    for &c in resto {
        if c >= 0x80 || matches!(c, b'\t' | 0x0b | 0x0c | b'\r') || (prima && c == b' ') {
            return false;
        }
        prima = c == b' ';
    }
    true
}

/// [`join_words`] of one piece, borrowed when the piece is already its own
/// join (trimmed, single-spaced ASCII words): for a text that is only read,
/// not kept, no allocation.
pub fn joined(piece: &str) -> std::borrow::Cow<'_, str> {
    if is_single_spaced(piece.as_bytes()) {
        std::borrow::Cow::Borrowed(piece)
    } else {
        std::borrow::Cow::Owned(join_words(std::iter::once(piece)))
    }
}

/// Join words with single spaces, collapsing the blanks inside each piece.
pub fn join_words<'s>(pieces: impl Iterator<Item = &'s str> + Clone) -> String {
    // One allocation: the pieces and a space between each pair bound the
    // length (collapsing blanks only shortens it).
    let mut out = String::with_capacity(pieces.clone().map(|p| p.len() + 1).sum());
    for piece in pieces {
        // Most pieces are words separated by single spaces once their ends
        // are trimmed (text tokens are trimmed; a row's description starts
        // with the blank after its key): copied whole, once their ends are
        // found and their inside tested.
        let blank = super::lines::is_ascii_blank;
        let b = piece.as_bytes();
        let start = b.iter().position(|c| !blank(c)).unwrap_or(b.len());
        let end = b.iter().rposition(|c| !blank(c)).map_or(start, |e| e + 1);
        if is_single_spaced(&b[start..end]) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&piece[start..end]);
            continue;
        }
        if piece.is_ascii() {
            // ASCII blanks are single bytes: a byte scan finds the words (a
            // `split` on a set of chars decodes every character).
            let mut i = 0;
            while i < b.len() {
                while i < b.len() && blank(&b[i]) {
                    i += 1;
                }
                let start = i;
                while i < b.len() && !blank(&b[i]) {
                    i += 1;
                }
                if start < i {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(&piece[start..i]);
                }
            }
            continue;
        }
        for w in piece
            .split(super::lines::is_blank)
            .filter(|w| !w.is_empty())
        {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::join_words;

    /// The word-by-word join the fast path must agree with.
    fn reference(pieces: &[&str]) -> String {
        pieces
            .iter()
            .flat_map(|p| p.split(super::super::lines::is_blank))
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// `joined` borrows exactly the pieces that are their own join, and
    /// gives the join of the others.
    #[test]
    fn joined_borrows_only_a_piece_that_is_its_own_join() {
        use std::borrow::Cow;
        for (piece, borrowed) in [
            ("a b", true),
            ("12 04", true),
            ("a", true),
            ("", false),
            (" a", false),
            ("a\t", false),
            ("a  b", false),
            ("a\tb", false),
            ("a\u{a0}", false),
            ("è b", false),
        ] {
            let j = super::joined(piece);
            assert_eq!(matches!(j, Cow::Borrowed(_)), borrowed, "{piece:?}");
            assert_eq!(j, reference(&[piece]), "{piece:?}");
        }
    }

    /// The word test agrees with a byte-at-a-time one on every string of
    /// a dense alphabet up to 10 bytes, across its 8-byte blocks, and on
    /// every line of the real report.
    #[test]
    fn is_single_spaced_agrees_with_the_plain_test() {
        let plain = |b: &[u8]| {
            !b.is_empty()
                && b[0] != b' '
                && b[b.len() - 1] != b' '
                && b.iter()
                    .all(|&c| c < 0x80 && !matches!(c, b'\t' | 0x0b | 0x0c | b'\r'))
                && !b.windows(2).any(|w| w == b"  ")
        };
        let mut casi = crate::parse::ogni_stringa(
            &["a", " ", "\t", "\r", "\u{0b}", "\u{0c}", "é", "\u{a0}"],
            5,
        );
        for p in crate::parse::ogni_stringa(&["a", " ", "\r", "\u{0b}", "\u{80}"], 4) {
            // Shifted so that every pair sits across a block boundary once.
            for pre in ["", "a", "abc", "abcdef", "abcdefg"] {
                casi.push(format!("{pre}{p}"));
                casi.push(format!("{pre}{p}xyzxyz{p}"));
            }
        }
        let testo = include_str!("../../reports/milano-2022-dir07-welfare-e-salute.txt");
        casi.extend(testo.lines().map(str::to_string));
        for c in &casi {
            assert_eq!(
                super::is_single_spaced(c.as_bytes()),
                plain(c.as_bytes()),
                "{c:?}"
            );
        }
        assert!(casi.iter().filter(|c| plain(c.as_bytes())).count() > 1000);
    }

    #[test]
    fn join_words_fast_path_agrees_with_the_word_by_word_join() {
        let alphabet = ["a", " ", "\t", "\r", "\u{a0}", "é"];
        let mut frontier = vec![String::new()];
        for _ in 0..5 {
            let mut next = Vec::new();
            for p in &frontier {
                for c in alphabet {
                    let s = format!("{p}{c}");
                    for pieces in [
                        vec![s.as_str()],
                        vec![s.as_str(), p.as_str()],
                        vec!["x", s.as_str()],
                    ] {
                        assert_eq!(
                            join_words(pieces.iter().copied()),
                            reference(&pieces),
                            "{pieces:?}"
                        );
                    }
                    next.push(s);
                }
            }
            frontier = next;
        }
    }

    /// The words `label_words` gives are those `label` joins, on texts with
    /// every kind of blank, between amounts or not.
    #[test]
    fn label_words_are_the_words_of_the_label() {
        use super::super::tokens::Tok;
        use crate::span::Span;
        let sp = Span::new(0, 0);
        let testi = crate::parse::ogni_stringa(&["a", " ", "\t", "\u{a0}", "\u{202f}", "é"], 4);
        assert_eq!(testi.len(), 1555);
        for t in &testi {
            for toks in [
                vec![Tok::Text(t, sp)],
                vec![
                    Tok::Text("Totale", sp),
                    Tok::Amount(rust_decimal::Decimal::ONE, sp),
                    Tok::Text(t, sp),
                ],
                vec![Tok::Text(t, sp), Tok::V(sp), Tok::Text(t, sp)],
            ] {
                let mut r = super::Record::default();
                r.start(sp, &toks);
                let parole: Vec<&str> = r.label_words().collect();
                let etichetta = r.label();
                let attese: Vec<&str> = etichetta.split(' ').filter(|w| !w.is_empty()).collect();
                assert_eq!(parole, attese, "{toks:?}");
            }
        }
    }
}
