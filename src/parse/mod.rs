//! Text -> AST. One pass over the lines, in time linear in the input: each
//! line is recognised as page furniture, a section header, narrative, or
//! handed to the builder of the current section, which assembles multi-line
//! records (wrapped descriptions, amounts on their own line) and places them in
//! the hierarchy. A line nothing recognises becomes a diagnostic, and reading
//! goes on at the next line.

mod chiave;
pub(crate) mod layout;
mod lines;
mod narrativa;
pub(crate) mod recognise;
mod record;
mod riepilogo;
mod tabella;
mod tokens;

use std::fmt;

pub use lines::is_blank;
pub use tokens::importo;

use crate::ast::{Anno, Corpo, Documento, Report, Rumore, Sezione, SezioneId, Testo, TipoRumore};
use crate::diagnostic::{ParseCode, ParseDiagnostic};
use crate::span::Span;
use lines::{Line, Lines};
use narrativa::NarrativaBuilder;
use record::join_words;
use riepilogo::{MissioniBuilder, VincolateBuilder};
use tabella::TabellaBuilder;
use tokens::Tok;

/// At most this many diagnostics are listed per input; the rest are counted in
/// a final one, so that garbage input cannot eat memory.
pub const MAX_DIAGNOSTICS: usize = 1000;

/// The result of reading a report file.
#[derive(Debug, Clone)]
pub struct ParseOutput {
    /// The reports read.
    pub documento: Documento,
    /// What could not be read, in input order.
    pub diagnostics: Vec<ParseDiagnostic>,
}

/// The input is not a Report Commissioni at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotAReport {
    /// Nothing but blanks.
    Empty,
    /// Binary data (NUL bytes or mostly invalid UTF-8), first seen at this offset.
    Binary(usize),
    /// Text without any section header.
    NoSection,
    /// A PDF file (`%PDF-`), not the text extracted from it.
    Pdf,
}

impl fmt::Display for NotAReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotAReport::Empty => f.write_str(&crate::tr!("input-empty")),
            NotAReport::Binary(_) => f.write_str(&crate::tr!("input-binary")),
            NotAReport::NoSection => f.write_str(&crate::tr!("input-no-section")),
            NotAReport::Pdf => f.write_str(&crate::tr!("cfg15-input-pdf")),
        }
    }
}

impl NotAReport {
    /// What the user should give quadra instead.
    pub fn help(&self) -> String {
        match self {
            NotAReport::Pdf => crate::tr!("cfg15-input-pdf-help"),
            _ => crate::tr!("input-help"),
        }
    }

    /// Where to point.
    pub fn offset(&self) -> usize {
        match self {
            NotAReport::Binary(o) => *o,
            _ => 0,
        }
    }
}

/// Diagnostics sink of the parser, bounded by [`MAX_DIAGNOSTICS`].
#[derive(Debug, Default)]
pub struct Ctx {
    diags: Vec<ParseDiagnostic>,
    suppressed: usize,
}

impl Ctx {
    /// Record a diagnostic (or count it once the list is full).
    pub fn push(&mut self, d: ParseDiagnostic) {
        if self.diags.len() < MAX_DIAGNOSTICS {
            self.diags.push(d);
        } else {
            self.suppressed += 1;
        }
    }

    /// A line the section cannot hold.
    /// `expected` is the catalogue id of the help line.
    pub fn unrecognised(&mut self, span: Span, id: SezioneId, expected: &str) {
        self.push(ParseDiagnostic::new(
            ParseCode::UnrecognisedLine,
            span,
            crate::msg!("parse-unrecognised", code = id.code(), title = id.title()),
            crate::tr!("parse-not-understood"),
            crate::lingua::testo(expected, None),
        ));
    }

    /// An item without its parent heading.
    /// `what` and `expected` are catalogue ids (`parse-where-...`, `parse-expect-...`).
    pub fn out_of_place(&mut self, span: Span, what: &str, expected: &str) {
        let message = crate::lingua::Testo {
            testo: crate::tr!(
                "parse-out-of-place",
                what = crate::lingua::testo(what, None)
            ),
            identita: format!("parse-out-of-place|what={what}"),
        };
        self.push(ParseDiagnostic::new(
            ParseCode::OutOfPlace,
            span,
            message,
            crate::tr!("parse-parent-missing"),
            crate::tr!(
                "parse-expected-above",
                expected = crate::lingua::testo(expected, None)
            ),
        ));
    }

    fn finish(mut self) -> Vec<ParseDiagnostic> {
        if self.suppressed > 0 {
            let last = self.diags.last().map(|d| d.span).unwrap_or_default();
            self.diags.push(ParseDiagnostic::new(
                ParseCode::TooManyDiagnostics,
                last,
                crate::msg!("parse-too-many", n = self.suppressed, max = MAX_DIAGNOSTICS),
                crate::tr!("parse-too-many-label"),
                crate::tr!("parse-too-many-help"),
            ));
        }
        self.diags
    }
}

/// Read a report from bytes. Never panics; fails only when the input is not a
/// report at all.
pub fn parse(bytes: &[u8]) -> Result<ParseOutput, NotAReport> {
    let mut reports = Vec::new();
    let diagnostics = parse_each(bytes, |r| reports.push(r))?;
    Ok(ParseOutput {
        documento: Documento { reports },
        diagnostics,
    })
}

/// Read a report file one report (Direzione) at a time: `on_report` gets
/// each report as soon as its last line is read, in file order, so that a
/// caller that checks and drops it holds one report's tree at a time,
/// whatever the size of the file. Returns the diagnostics of the whole
/// input (bounded by [`MAX_DIAGNOSTICS`]), in input order; the reports are
/// exactly those [`parse`] gives.
pub fn parse_each(
    bytes: &[u8],
    mut on_report: impl FnMut(Report),
) -> Result<Vec<ParseDiagnostic>, NotAReport> {
    parse_each_con(bytes, |r, _| on_report(r))
}

/// [`parse_each`], handing each report with the diagnostics found so far
/// (its own among them, and maybe the first of the next report's): what a
/// check needs to name an unread line as the cause of a total's mismatch.
pub fn parse_each_con(
    bytes: &[u8],
    mut on_report: impl FnMut(Report, &[ParseDiagnostic]),
) -> Result<Vec<ParseDiagnostic>, NotAReport> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(NotAReport::Empty);
    }
    let mut d = Driver::default();
    let mut letti = 0usize;
    for item in Lines::new(bytes) {
        match item {
            Ok(line) if line.is_blank() => {}
            Ok(line) => d.line(line),
            Err(bad) => {
                d.touch(bad.span);
                d.ctx.push(ParseDiagnostic::new(
                    ParseCode::InvalidUtf8,
                    Span::new(bad.bad_at, bad.bad_at + 1),
                    crate::msg!("parse-utf8"),
                    crate::tr!("parse-utf8-label"),
                    crate::tr!("parse-utf8-help"),
                ));
            }
        }
        // A report is complete once the next one has started. Tested first:
        // taking the empty vector and dropping its iterator on every line
        // cost a percent of a check.
        if !d.reports.is_empty() {
            for r in std::mem::take(&mut d.reports) {
                letti += 1;
                on_report(r, &d.ctx.diags);
            }
        }
    }
    let (reports, diagnostics) = d.finish();
    for r in reports {
        letti += 1;
        on_report(r, &diagnostics);
    }
    if letti == 0 {
        return Err(classify_non_report(bytes));
    }
    Ok(diagnostics)
}

/// `ANNO :` with no year after it.
fn anno_without_year(sp: Span) -> ParseDiagnostic {
    ParseDiagnostic::new(
        ParseCode::UnrecognisedLine,
        sp,
        crate::msg!("parse-anno"),
        crate::tr!("parse-anno-label"),
        crate::tr!("parse-anno-help"),
    )
}

/// Why an input with no section is not a report.
fn classify_non_report(bytes: &[u8]) -> NotAReport {
    let head = &bytes[..bytes.len().min(8192)];
    if head.trim_ascii_start().starts_with(b"%PDF-") {
        return NotAReport::Pdf;
    }
    if let Some(nul) = memchr::memchr(0, head) {
        return NotAReport::Binary(nul);
    }
    match std::str::from_utf8(head) {
        // A cut multi-byte character at the end of the sample is still text.
        Err(e) if e.error_len().is_some() => NotAReport::Binary(e.valid_up_to()),
        _ => NotAReport::NoSection,
    }
}

// One builder is alive at a time: its size does not matter.
#[allow(clippy::large_enum_variant)]
enum Body<'a> {
    Tabella(TabellaBuilder<'a>),
    Vincolate(VincolateBuilder<'a>),
    Missioni(MissioniBuilder<'a>),
}

struct SectionState<'a> {
    id: SezioneId,
    span: Span,
    header: Testo,
    title_complete: bool,
    anno: Option<Anno>,
    /// `ANNO :` seen, the year expected on the next line.
    anno_pending: Option<Span>,
    /// Inside a run of column-header lines.
    header_block: bool,
    body: Body<'a>,
}

impl<'a> SectionState<'a> {
    fn has_pending(&self) -> bool {
        match &self.body {
            Body::Tabella(b) => b.has_pending(),
            Body::Vincolate(b) => b.has_pending(),
            Body::Missioni(b) => b.has_pending(),
        }
    }

    fn set_anno(&mut self, a: Anno) {
        self.anno = Some(a);
        let y = Some(a.anno);
        match &mut self.body {
            Body::Tabella(b) => b.set_anno(y),
            Body::Vincolate(b) => b.set_anno(y),
            Body::Missioni(b) => b.set_anno(y),
        }
    }
}

#[derive(Default)]
struct Driver<'a> {
    ctx: Ctx,
    reports: Vec<Report>,
    cur: Option<Report>,
    sec: Option<SectionState<'a>>,
    narr: NarrativaBuilder<'a>,
    /// Title line waiting for the section header that tells which report it opens.
    pending_title: Option<Testo>,
    pending_noise: Vec<Rumore>,
    toks: Vec<Tok<'a>>,
    /// A page footer or title came since the last line of a record: column
    /// headers may follow inside a record (a page break split it).
    pagina: bool,
    /// The column-header lines met so far.
    headers: recognise::ColumnHeaders,
}

impl<'a> Driver<'a> {
    /// Extend the current report's span over a line.
    fn touch(&mut self, span: Span) {
        if let Some(r) = self.cur.as_mut() {
            r.span = r.span.join(span);
        }
    }

    fn noise(&mut self, span: Span, tipo: TipoRumore) {
        let n = Rumore { span, tipo };
        match self.cur.as_mut() {
            Some(r) if self.pending_title.is_none() => {
                r.span = r.span.join(span);
                r.rumore.push(n);
            }
            _ => self.pending_noise.push(n),
        }
    }

    fn line(&mut self, line: Line<'a>) {
        let t = line.text;
        if let Some(at) = control_character(t) {
            // Binary debris: report it, then read the line as well as we can.
            let s = line.span.start + at;
            self.ctx.push(ParseDiagnostic::new(
                ParseCode::ControlCharacter,
                Span::new(s, s + 1),
                crate::msg!("parse-control"),
                crate::tr!("parse-control-label"),
                crate::tr!("parse-control-help"),
            ));
        }
        // Most lines are budget rows: the furniture recognisers only run on
        // lines whose first bytes could start one.
        let furniture = recognise::may_be_furniture(t);
        if furniture && recognise::report_title(t).is_some() {
            // A title opens a report or a part of the current one; the next
            // section header tells which.
            self.close_narrativa();
            if self.pending_title.is_none() {
                self.pending_title = Some(Testo {
                    span: line.span,
                    testo: join_words(std::iter::once(t)),
                });
            }
            self.pending_noise.push(Rumore {
                span: line.span,
                tipo: TipoRumore::TitoloReport,
            });
            self.pagina = true;
            return;
        }
        if furniture && recognise::page_footer(t) {
            self.pagina = true;
            self.noise(line.span, TipoRumore::PiePagina);
            return;
        }
        if let Some((id, title)) = furniture.then(|| recognise::section_header(t)).flatten() {
            self.start_section(id, title, line.span);
            return;
        }
        if furniture && narrativa::is_missione(t) && self.cur.is_some() {
            self.close_section();
            self.touch(line.span);
            self.narr.open(line.span);
            return;
        }
        self.touch(line.span);
        if self.sec.is_some() {
            self.section_line(line);
        } else if !self.narr.is_closed() {
            self.narr.line(&line);
        } else if self.cur.is_some() {
            self.ctx.push(ParseDiagnostic::new(
                ParseCode::UnrecognisedLine,
                line.span,
                crate::msg!("parse-between"),
                crate::tr!("parse-not-understood"),
                crate::tr!("parse-between-help"),
            ));
        } else {
            self.ctx.push(ParseDiagnostic::new(
                ParseCode::UnrecognisedLine,
                line.span,
                crate::msg!("parse-before-first"),
                crate::tr!("parse-not-understood"),
                crate::tr!("parse-before-first-help"),
            ));
        }
    }

    fn section_line(&mut self, line: Line<'a>) {
        let Driver {
            ctx,
            sec,
            toks,
            cur,
            pagina,
            headers,
            ..
        } = self;
        let Some(sec) = sec.as_mut() else {
            return;
        };
        let t = line.text;
        sec.span = sec.span.join(line.span);
        if !sec.title_complete {
            let candidate = join_words([sec.header.testo.as_str(), t].into_iter());
            let full = sec.id.title();
            if full.starts_with(&candidate) {
                sec.header.testo = candidate;
                sec.header.span = sec.header.span.join(line.span);
                sec.title_complete = sec.header.testo == full;
                return;
            }
            sec.title_complete = true;
        }
        if let Some(y) = recognise::anno(t) {
            match y {
                Some(anno) => sec.set_anno(Anno {
                    span: line.span,
                    anno,
                }),
                None => sec.anno_pending = Some(line.span),
            }
            return;
        }
        if let Some(sp) = sec.anno_pending.take() {
            if let Some(anno) = recognise::year_line(t) {
                sec.set_anno(Anno {
                    span: sp.join(line.span),
                    anno,
                });
                return;
            }
            ctx.push(anno_without_year(sp));
        }
        let fit = headers.fit(t);
        let is_header = match fit {
            recognise::HeaderFit::No => false,
            recognise::HeaderFit::Strong => true,
            recognise::HeaderFit::Weak => sec.header_block || line.indented || !sec.has_pending(),
        };
        if is_header {
            if sec.has_pending() && !*pagina {
                // Not at a page break: perhaps a wrapped description that
                // happens to be made of header words. Set aside, but said.
                ctx.push(ParseDiagnostic::new(
                    ParseCode::HeaderInRecord,
                    line.span,
                    crate::msg!("parse-header-in-record"),
                    crate::tr!("parse-header-in-record-label"),
                    crate::tr!("parse-header-in-record-help"),
                ));
            }
            sec.header_block = true;
            if let Some(r) = cur.as_mut() {
                r.rumore.push(Rumore {
                    span: line.span,
                    tipo: TipoRumore::IntestazioneColonne,
                });
            }
            return;
        }
        sec.header_block = false;
        *pagina = false;
        toks.clear();
        let chiave = tokens::tokenize(t, line.span.start, toks);
        match &mut sec.body {
            Body::Tabella(b) => b.line(&line, chiave, toks, ctx),
            Body::Vincolate(b) => b.line(&line, toks, ctx),
            Body::Missioni(b) => b.line(&line, toks, ctx),
        }
    }

    fn start_section(&mut self, id: SezioneId, title: &str, span: Span) {
        self.close_section();
        self.close_narrativa();
        let new_report = match &self.cur {
            None => true,
            Some(r) => !r.narrativa.is_empty() || r.sezioni.last().is_some_and(|s| s.id >= id),
        };
        if new_report {
            if let Some(r) = self.cur.take() {
                self.complete(r);
            }
            let titolo = self.pending_title.take();
            let start = titolo.as_ref().map_or(span, |t| t.span);
            self.cur = Some(Report {
                span: start.join(span),
                titolo,
                anno: None,
                direzione: None,
                sezioni: Vec::new(),
                narrativa: Vec::new(),
                rumore: Vec::new(),
            });
        }
        self.pending_title = None;
        let r = self.cur.as_mut().expect("set above");
        r.span = r.span.join(span);
        r.rumore.append(&mut self.pending_noise);
        let body = match id {
            SezioneId::EntrateCorrenti
            | SezioneId::SpeseCorrenti
            | SezioneId::EntrateCapitale
            | SezioneId::SpeseCapitale => Body::Tabella(TabellaBuilder::new(id)),
            SezioneId::RiepilogoVincolate => Body::Vincolate(VincolateBuilder::new()),
            SezioneId::RiepilogoSpesaCorrente | SezioneId::RiepilogoSpesaCapitale => {
                Body::Missioni(MissioniBuilder::new(id))
            }
        };
        let testo = join_words(std::iter::once(title));
        self.sec = Some(SectionState {
            id,
            span,
            title_complete: testo == id.title(),
            header: Testo { span, testo },
            anno: None,
            anno_pending: None,
            header_block: true,
            body,
        });
    }

    fn close_section(&mut self) {
        let Some(sec) = self.sec.take() else {
            return;
        };
        let ctx = &mut self.ctx;
        if let Some(sp) = sec.anno_pending {
            ctx.push(anno_without_year(sp));
        }
        let (corpo, empty) = match sec.body {
            Body::Tabella(b) => {
                let empty = b.is_empty() && !b.has_pending();
                (Corpo::Tabella(b.finish(ctx)), empty)
            }
            Body::Vincolate(b) => {
                let empty = b.is_empty() && !b.has_pending();
                (Corpo::Vincolate(b.finish(ctx)), empty)
            }
            Body::Missioni(b) => {
                let empty = b.is_empty() && !b.has_pending();
                (Corpo::Missioni(b.finish(ctx)), empty)
            }
        };
        if empty {
            ctx.push(ParseDiagnostic::new(
                ParseCode::EmptySection,
                sec.header.span,
                crate::msg!("parse-empty-section", code = sec.id.code()),
                crate::tr!("parse-empty-section-label"),
                crate::tr!("parse-empty-section-help"),
            ));
        }
        let r = self.cur.as_mut().expect("a section belongs to a report");
        if r.anno.is_none() {
            r.anno = sec.anno.map(|a| a.anno);
        }
        if r.direzione.is_none() {
            if let Corpo::Tabella(t) = &corpo {
                r.direzione = t.direzione.clone();
            }
        }
        r.span = r.span.join(sec.span);
        r.sezioni.push(Sezione {
            id: sec.id,
            span: sec.span,
            intestazione: sec.header,
            anno: sec.anno,
            corpo,
        });
    }

    fn close_narrativa(&mut self) {
        if self.narr.is_closed() {
            return;
        }
        let blocks = std::mem::take(&mut self.narr).finish();
        if let Some(r) = self.cur.as_mut() {
            r.narrativa.extend(blocks);
        }
    }

    /// A report read to its end: its page furniture in document order.
    fn complete(&mut self, mut r: Report) {
        r.rumore.sort_by_key(|n| n.span);
        self.reports.push(r);
    }

    /// The reports not yet handed over (the last one) and every diagnostic.
    fn finish(mut self) -> (Vec<Report>, Vec<ParseDiagnostic>) {
        self.close_section();
        self.close_narrativa();
        if let Some(mut r) = self.cur.take() {
            for n in self.pending_noise.drain(..) {
                r.span = r.span.join(n.span);
                r.rumore.push(n);
            }
            if r.anno.is_none() {
                r.anno = r
                    .titolo
                    .as_ref()
                    .and_then(|t| recognise::report_title(&t.testo));
            }
            self.complete(r);
        }
        (self.reports, self.ctx.finish())
    }
}

/// Offset of the first control character that is not a blank, scanning bytes:
/// C0 controls and DEL are single bytes, C1 controls (U+0080-U+009F) are
/// `C2 80`..`C2 9F`. Decoding every character of every line to ask
/// `char::is_control` cost a tenth of the parse.
fn control_character(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    // Most lines are printable ASCII, told eight bytes at a time; then a
    // branch-free pass (it vectorises), and the exact scan only when some
    // byte might be a control.
    if stampabile(b) {
        return None;
    }
    let suspect = b.chunks(32).any(|ch| {
        ch.iter().fold(false, |acc, &c| {
            acc | (c < 0x20) | (c == 0x7f) | (c == 0xc2)
        })
    });
    if !suspect {
        return None;
    }
    b.iter().enumerate().position(|(i, &c)| {
        (c < 0x20 && !matches!(c, b'\t' | 0x0b | 0x0c | b'\r'))
            || c == 0x7f
            || (c == 0xc2 && b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    })
}

/// No byte of `b` is below 0x20 or above 0x7e. Eight bytes at a time in a
/// register, the last eight overlapping the word before them: a byte below
/// 0x20 borrows into its high bit where its own is clear, 0x7f carries into
/// it, and 0x80 or more has it. A borrow or carry into the next byte comes
/// only from a byte flagged itself, so the lowest flagged byte is exact and
/// the answer is.
fn stampabile(b: &[u8]) -> bool {
    const UNI: u64 = 0x0101_0101_0101_0101;
    const ALTI: u64 = 0x8080_8080_8080_8080;
    if b.len() < 8 {
        return b.iter().all(|c| (0x20..0x7f).contains(c));
    }
    let fuori = |c: &[u8]| {
        let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        (w.wrapping_sub(UNI * 0x20) & !w) | w | w.wrapping_add(UNI)
    };
    let mut pezzi = b.chunks_exact(8);
    let mut acc = 0;
    for c in &mut pezzi {
        acc |= fuori(c);
    }
    if !pezzi.remainder().is_empty() {
        acc |= fuori(&b[b.len() - 8..]);
    }
    acc & ALTI == 0
}

/// Every string of at most `n` pieces of `alfabeto`, the empty one first,
/// shorter before longer: the inputs of the tests that prove a hand scanner
/// equal to its reference.
#[cfg(test)]
pub(crate) fn ogni_stringa(alfabeto: &[&str], n: usize) -> Vec<String> {
    let mut tutte = vec![String::new()];
    let mut ultime = 0..1;
    for _ in 0..n {
        let inizio = tutte.len();
        for i in ultime {
            for c in alfabeto {
                let s = format!("{}{c}", tutte[i]);
                tutte.push(s);
            }
        }
        ultime = inizio..tutte.len();
    }
    tutte
}

#[cfg(test)]
mod control_tests {
    use super::control_character;

    #[test]
    fn ogni_stringa_lists_every_string_shorter_first() {
        assert_eq!(
            super::ogni_stringa(&["a", "é"], 2),
            ["", "a", "é", "aa", "aé", "éa", "éé"]
        );
        assert_eq!(super::ogni_stringa(&["0", "1", "2"], 5).len(), 364);
    }

    #[test]
    fn finds_the_same_control_characters_as_char_is_control() {
        for s in [
            "abc",
            "a\u{0}b",
            "x\tY\r",
            "é\u{85}z",
            "\u{7f}",
            "\u{9f}",
            "\u{a0}ok",
            "\u{1b}[0m",
        ] {
            let expected = s.find(|c: char| c.is_control() && !crate::parse::lines::is_blank(c));
            assert_eq!(control_character(s), expected, "{s:?}");
        }
    }

    /// The printable test agrees with the byte test, and the scan with
    /// `char::is_control`, for every character up to U+00FF and a few past
    /// it, alone or in pairs, at every place of lines of 1 to 19 bytes
    /// (inside a word, across two, in the overlapping last word).
    #[test]
    fn printable_lines_are_told_a_word_at_a_time() {
        let mut caratteri: Vec<char> = (0u32..=0xff).filter_map(char::from_u32).collect();
        caratteri.extend(['\u{100}', '\u{2028}', '\u{feff}', '\u{1f600}']);
        let atteso =
            |s: &str| s.find(|c: char| c.is_control() && !crate::parse::lines::is_blank(c));
        let mut casi = 0;
        for n in 1..20 {
            for at in 0..n {
                for &c in &caratteri {
                    let mut s: String = "a".repeat(at);
                    s.push(c);
                    s.push_str(&"b".repeat(n - at - 1));
                    let b = s.as_bytes();
                    assert_eq!(
                        super::stampabile(b),
                        b.iter().all(|c| (0x20..0x7f).contains(c)),
                        "{s:?}"
                    );
                    assert_eq!(control_character(&s), atteso(&s), "{s:?}");
                    casi += 1;
                }
                for (x, y) in [
                    ('\u{0}', '\u{7f}'),
                    ('\u{1f}', '\u{ff}'),
                    ('\u{7e}', '\u{20}'),
                ] {
                    let mut s: String = "a".repeat(at);
                    s.push(x);
                    s.push(y);
                    s.push_str(&"b".repeat(n - at - 1));
                    let b = s.as_bytes();
                    assert_eq!(
                        super::stampabile(b),
                        b.iter().all(|c| (0x20..0x7f).contains(c)),
                        "{s:?}"
                    );
                    assert_eq!(control_character(&s), atteso(&s), "{s:?}");
                }
            }
        }
        assert_eq!(casi, 190 * 260);
    }
}
