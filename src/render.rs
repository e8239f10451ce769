//! Human rendering of diagnostics through miette: the offending line of the
//! report with the span underlined, the label, and the help line. Colour only
//! on a terminal, and never when `NO_COLOR` is set.

use std::fmt;
use std::io::IsTerminal;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use crate::config::ConfigError;
use crate::diagnostic::{ParseDiagnostic, Severity};
use crate::finding::Finding;
use crate::parse::NotAReport;
use crate::span::{LineIndex, Span};

/// Text for the terminal (see [`crate::escape::terminale`]).
fn t(s: &str) -> String {
    crate::escape::terminale(s).into_owned()
}

/// A file as miette reads it. miette's own reader scans the whole input
/// from its first byte for every label, which makes a report with many
/// findings quadratic; this one finds the lines through [`LineIndex`] (the
/// one span-to-location function) and hands miette only the lines around a
/// span. A `\r` not followed by `\n` is shown as a space, so that miette's
/// line numbers agree with every other output (it would count it as a line
/// break); offsets do not change.
#[derive(Debug)]
pub struct Fonte {
    nome: String,
    testo: Vec<u8>,
    index: LineIndex,
}

impl Fonte {
    /// `outer` is a one-line record around the figure `inner`: miette would
    /// underline the whole line over the figure's own marker, so the terminal
    /// leaves it out (JSON, SARIF and the other outputs keep it).
    fn intorno_su_una_riga(&self, outer: Span, inner: Span) -> bool {
        outer != inner
            && outer.start <= inner.start
            && inner.end <= outer.end
            && self
                .testo
                .get(outer.start..outer.end)
                .is_some_and(|b| !b.contains(&b'\n'))
    }

    /// The source of a file with this name.
    pub fn new(nome: &str, bytes: &[u8]) -> Self {
        let mut testo = bytes.to_vec();
        // Blocks with no byte that may need a change are skipped with a
        // branch-free test (it vectorises); the others are looked at byte
        // by byte, as before.
        let forse = |c: u8| (c < 0x20 && c != b'\n' && c != b'\t') | (c == 0x7f) | (c == 0xc2);
        let blocchi: Vec<usize> = testo
            .chunks(64)
            .enumerate()
            .filter(|(_, b)| b.iter().fold(false, |a, &c| a | forse(c)))
            .map(|(k, _)| k * 64)
            .collect();
        for i in blocchi
            .into_iter()
            .flat_map(|da| da..(da + 64).min(bytes.len()))
        {
            if testo[i] == b'\r' && testo.get(i + 1) != Some(&b'\n') {
                testo[i] = b' ';
            } else if testo[i] < 0x20 && !matches!(testo[i], b'\n' | b'\r' | b'\t')
                || testo[i] == 0x7f
            {
                // A control character in the input (ESC...) must not reach the
                // terminal; one byte for one keeps every span in place.
                testo[i] = b'?';
            } else if testo[i] == 0xc2
                && testo.get(i + 1).is_some_and(|b| (0x80..=0x9f).contains(b))
            {
                // A C1 control (U+0080-U+009F, CSI among them): two bytes, two '?'.
                testo[i] = b'?';
                testo[i + 1] = b'?';
            }
        }
        Fonte {
            nome: nome.to_string(),
            index: LineIndex::new(&testo),
            testo,
        }
    }
}

impl SourceCode for Fonte {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let len = self.testo.len();
        let start = span.offset().min(len);
        let end = (span.offset() + span.len()).min(len).max(start);
        let t = &self.testo;
        let first = self.index.line_of(t, start);
        let last = self.index.line_of(t, end.saturating_sub(1).max(start));
        let l0 = first.saturating_sub(before);
        let l1 = last + after + 1;
        let ws = self.index.line_start(t, l0);
        let we = self.index.line_start(t, l1);
        let window = &self.testo[ws..we];
        let inner = window.read_span(
            &SourceSpan::new((start - ws).into(), end - start),
            before,
            after,
        )?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.nome.clone(),
            inner.data(),
            SourceSpan::new((inner.span().offset() + ws).into(), inner.span().len()),
            inner.line() + l0,
            inner.column(),
            // Lines in this snippet. miette merges two labels' snippets when
            // `line + line_count` of the first reaches the second; its own
            // reader counts from the start of the file, which merges labels
            // hundreds of lines apart into one huge snippet.
            inner.line_count(),
        )))
    }
}

/// A diagnostic bound to its source, ready for miette.
#[derive(Debug)]
pub struct Located<'s> {
    code: String,
    severity: Severity,
    message: String,
    label: String,
    help: String,
    span: Span,
    related: Vec<(Span, String)>,
    source: &'s Fonte,
}

impl<'s> Located<'s> {
    /// A parse diagnostic over its file.
    pub fn parse(d: &ParseDiagnostic, source: &'s Fonte) -> Self {
        Located {
            code: d.code.as_str().to_string(),
            severity: d.severity,
            message: t(&d.message),
            label: t(&d.label),
            help: t(&d.help),
            span: d.span,
            related: Vec::new(),
            source,
        }
    }

    /// A finding of `quadra check`, with its related locations as extra labels
    /// (drawn as snippets of their own when they are far from the primary span).
    pub fn finding(f: &Finding, source: &'s Fonte) -> Self {
        Located {
            code: f.rule.clone(),
            severity: f.severity,
            message: t(&f.message),
            label: t(&f.label),
            help: t(&f.help),
            span: f.span,
            related: f
                .related
                .iter()
                .filter(|r| !source.intorno_su_una_riga(r.span, f.span))
                .map(|r| (r.span, t(&r.message)))
                .collect(),
            source,
        }
    }

    /// The labels wrapped so that, drawn where miette draws them (under the
    /// middle of a one-line span, at the left of a longer one), they end
    /// within `width` columns; miette wraps the message and help itself.
    pub fn a_capo(mut self, width: usize) -> Self {
        let fonte = self.source;
        let largo = |span: Span| -> usize {
            let loc = fonte.index.locate(&fonte.testo, span);
            // Line numbers (of the line after, the last context line), ` · `,
            // and the gutter of multi-line spans.
            let margine = (loc.end_line + 1).to_string().len() + 3 + 6;
            let inizio = if loc.line == loc.end_line {
                let s = loc.column.saturating_sub(1);
                let e = loc.end_column.saturating_sub(1).max(s + 1);
                (s + e) / 2 + 4
            } else {
                6
            };
            width.saturating_sub(margine + inizio).max(20)
        };
        let spezza = |testo: &str, w: usize| a_capo(testo, "", w).join("\n");
        self.label = spezza(&self.label, largo(self.span));
        for (s, m) in &mut self.related {
            *m = spezza(m, largo(*s));
        }
        self
    }

    /// The same problem under another code and severity (a stale baseline
    /// entry is a warning located in the baseline file).
    pub fn come(mut self, code: &str, severity: Severity) -> Self {
        self.code = code.to_string();
        self.severity = severity;
        self
    }

    /// A problem in a rule file.
    pub fn config(e: &ConfigError, source: &'s Fonte) -> Self {
        Located {
            code: "config::invalid".to_string(),
            severity: Severity::Error,
            message: t(&e.message),
            label: "here".into(),
            help: t(&e.help),
            span: Span::new(e.span.start, e.span.end),
            related: Vec::new(),
            source,
        }
    }

    /// The error for an input that is not a report.
    pub fn not_a_report(e: &NotAReport, source: &'s Fonte) -> Self {
        let at = e.offset();
        Located {
            code: "input::not-a-report".to_string(),
            severity: Severity::Error,
            message: e.to_string(),
            label: match e {
                NotAReport::Binary(_) => crate::tr!("input-binary-label"),
                NotAReport::Pdf => crate::tr!("cfg15-input-pdf-label"),
                _ => crate::tr!("input-no-report-label"),
            },
            help: e.help(),
            span: Span::new(at, at),
            related: Vec::new(),
            source,
        }
    }
}

impl fmt::Display for Located<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Located<'_> {}

impl Diagnostic for Located<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.help))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let primary = LabeledSpan::new_primary_with_span(Some(self.label.clone()), self.span);
        let related = self
            .related
            .iter()
            .map(|(s, m)| LabeledSpan::new_with_span(Some(m.clone()), *s));
        Some(Box::new(std::iter::once(primary).chain(related)))
    }
}

/// The lines of `text` wrapped at `width` columns: words are kept whole (a
/// word longer than the width stands alone on its line), continuation lines
/// start with `rientro`, leading blanks of the first line are kept.
pub fn a_capo(text: &str, rientro: &str, width: usize) -> Vec<String> {
    let lead = text.len() - text.trim_start().len();
    let mut righe = Vec::new();
    let mut riga = text[..lead].to_string();
    let mut vuota = true;
    for parola in text.split_whitespace() {
        let n = riga.chars().count();
        let p = parola.chars().count();
        if !vuota && n + 1 + p > width {
            righe.push(std::mem::replace(&mut riga, rientro.to_string()));
            vuota = true;
        }
        if !vuota {
            riga.push(' ');
        }
        riga.push_str(parola);
        vuota = false;
    }
    righe.push(riga);
    righe
}

/// Should output be coloured? Only on a terminal, and not with `NO_COLOR`.
pub fn use_colour(terminal: bool) -> bool {
    terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Render diagnostics as text, `width` columns wide.
pub fn render(diags: &[Located<'_>], colour: bool, width: usize) -> String {
    let theme = if colour {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(width)
        .with_links(false);
    let mut out = String::new();
    // miette writes `help:` before the help line, which comes last in a
    // report: in another language, the catalogue's word takes its place.
    let aiuto = crate::tr!("render-help");
    for d in diags {
        let mut uno = String::new();
        // Writing into a String cannot fail.
        let _ = handler.render_report(&mut uno, d);
        if aiuto != "help" && !d.help.is_empty() {
            if let Some(i) = uno.rfind("help:") {
                uno.replace_range(i..i + 4, &aiuto);
            }
        }
        out.push_str(&uno);
    }
    out
}

/// Render for standard error, deciding colour and width from the terminal.
pub fn render_stderr(diags: &[Located<'_>]) -> String {
    render(diags, use_colour(std::io::stderr().is_terminal()), 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snippet_holds_only_the_lines_around_its_span() {
        let mut text = String::new();
        for i in 0..10_000 {
            text.push_str(&format!("line {i}\n"));
        }
        let f = Fonte::new("big.txt", text.as_bytes());
        let at = text.find("line 9000\n").unwrap();
        let c = f.read_span(&SourceSpan::new(at.into(), 9), 2, 2).unwrap();
        // 0-based: the snippet starts two lines before `line 9000`.
        assert_eq!(c.line(), 8998);
        assert_eq!(
            std::str::from_utf8(c.data()).unwrap(),
            "line 8998\nline 8999\nline 9000\nline 9001\nline 9002\n"
        );
        assert_eq!(c.line_count(), 5);
    }

    /// Controls on both sides of a 64-byte block's edge (a C1 control cut
    /// by it among them) are replaced as a scan of every byte replaces them.
    #[test]
    fn controls_at_block_edges_are_replaced() {
        for at in [0, 1, 62, 63, 64, 65, 127] {
            let mut b = vec![b'x'; 200];
            b[at] = 0xc2;
            b[at + 1] = 0x9b;
            b[150] = b'\r';
            b[180] = 0x1b;
            let f = Fonte::new("x", &b);
            let mut atteso = vec![b'x'; 200];
            atteso[at] = b'?';
            atteso[at + 1] = b'?';
            atteso[150] = b' ';
            atteso[180] = b'?';
            assert_eq!(f.testo, atteso, "C1 control at {at}");
        }
    }

    #[test]
    fn control_characters_of_the_input_never_reach_the_terminal() {
        let f = Fonte::new("x", "a\u{1b}[2Jb\u{9b}31mc\n".as_bytes());
        assert_eq!(f.testo, b"a?[2Jb??31mc\n");
    }

    #[test]
    fn a_lone_carriage_return_does_not_shift_line_numbers() {
        let text = b"one\ntwo \r three\nfour\n";
        let f = Fonte::new("cr.txt", text);
        let at = 16; // "four"
        let c = f.read_span(&SourceSpan::new(at.into(), 4), 0, 0).unwrap();
        // Line 3 (0-based 2), as LineIndex::locate says.
        assert_eq!(c.line(), 2);
        assert_eq!(c.data(), b"four");
        assert_eq!(LineIndex::new(text).locate(text, Span::new(16, 20)).line, 3);
    }
}
