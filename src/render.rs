//! Human rendering of diagnostics through miette: the offending line of the
//! report with the span underlined, the label, and the help line. Colour only
//! on a terminal, and never when `NO_COLOR` is set.

use std::fmt;
use std::io::IsTerminal;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode,
};

use crate::config::ConfigError;
use crate::diagnostic::{ParseDiagnostic, Severity};
use crate::finding::Finding;
use crate::parse::NotAReport;
use crate::span::Span;

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
    source: &'s NamedSource<Vec<u8>>,
}

impl<'s> Located<'s> {
    /// A parse diagnostic over its file.
    pub fn parse(d: &ParseDiagnostic, source: &'s NamedSource<Vec<u8>>) -> Self {
        Located {
            code: d.code.as_str().to_string(),
            severity: d.severity,
            message: d.message.clone(),
            label: d.label.clone(),
            help: d.help.clone(),
            span: d.span,
            related: Vec::new(),
            source,
        }
    }

    /// A finding of `quadra check`, with its related locations as extra labels.
    pub fn finding(f: &Finding, source: &'s NamedSource<Vec<u8>>) -> Self {
        Located {
            code: f.rule.clone(),
            severity: f.severity,
            message: f.message.clone(),
            label: f.label.clone(),
            help: f.help.clone(),
            span: f.span,
            related: f
                .related
                .iter()
                .map(|r| (r.span, r.message.clone()))
                .collect(),
            source,
        }
    }

    /// A problem in a rule file.
    pub fn config(e: &ConfigError, source: &'s NamedSource<Vec<u8>>) -> Self {
        Located {
            code: "config::invalid-rules".to_string(),
            severity: Severity::Error,
            message: e.message.clone(),
            label: "here".into(),
            help: e.help.clone(),
            span: Span::new(e.span.start, e.span.end),
            related: Vec::new(),
            source,
        }
    }

    /// The error for an input that is not a report.
    pub fn not_a_report(e: &NotAReport, source: &'s NamedSource<Vec<u8>>) -> Self {
        let at = e.offset();
        Located {
            code: "input::not-a-report".to_string(),
            severity: Severity::Error,
            message: e.to_string(),
            label: match e {
                NotAReport::Binary(_) => "binary data here".into(),
                _ => "no report starts here".into(),
            },
            help: e.help().to_string(),
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
    for d in diags {
        // Writing into a String cannot fail.
        let _ = handler.render_report(&mut out, d);
    }
    out
}

/// Render for standard error, deciding colour and width from the terminal.
pub fn render_stderr(diags: &[Located<'_>]) -> String {
    render(diags, use_colour(std::io::stderr().is_terminal()), 100)
}
