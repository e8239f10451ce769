//! Parse diagnostics: what the grammar could not read, where, and what it
//! expected there. Codes are stable (`parse::unrecognised-line`...) and listed
//! in one enum with their descriptions, so a test can prove they are unique.

use std::fmt;

use serde::Serialize;

use crate::span::Span;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Informational.
    Info,
    /// Something probably wrong.
    Warning,
    /// The input could not be read as intended.
    Error,
}

impl Severity {
    /// `info`, `warning` or `error`, as rule files and JSON write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Every parse diagnostic code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum ParseCode {
    /// A line that is none of the things the section can hold.
    #[serde(rename = "parse::unrecognised-line")]
    UnrecognisedLine,
    /// A line whose bytes are not UTF-8 text.
    #[serde(rename = "parse::invalid-utf8")]
    InvalidUtf8,
    /// A word meant as an amount that is not one (`1.23,4`).
    #[serde(rename = "parse::malformed-amount")]
    MalformedAmount,
    /// A row or total with more or fewer amounts than its section's columns.
    #[serde(rename = "parse::amount-count")]
    AmountCount,
    /// A row or total whose amounts never came (next item or end of file first).
    #[serde(rename = "parse::missing-amounts")]
    MissingAmounts,
    /// A PDC that is not a 10-digit code.
    #[serde(rename = "parse::invalid-pdc")]
    InvalidPdc,
    /// A missione-programma that is not `NN NN`.
    #[serde(rename = "parse::invalid-missione-programma")]
    InvalidMissioneProgramma,
    /// Text where the layout has none (between or after amounts).
    #[serde(rename = "parse::unexpected-text")]
    UnexpectedText,
    /// A section header with nothing under it.
    #[serde(rename = "parse::empty-section")]
    EmptySection,
    /// An item found where its parent heading is missing (row before any Settore...).
    #[serde(rename = "parse::out-of-place")]
    OutOfPlace,
    /// Column-header words inside a record, where no page break explains them.
    #[serde(rename = "parse::header-in-record")]
    HeaderInRecord,
    /// A control character (NUL...) inside a line: binary debris in the text.
    #[serde(rename = "parse::control-character")]
    ControlCharacter,
    /// Too many diagnostics: the rest are counted, not listed.
    #[serde(rename = "parse::too-many-diagnostics")]
    TooManyDiagnostics,
}

impl ParseCode {
    /// Every code, for the catalogue and the uniqueness test.
    pub const ALL: [ParseCode; 13] = [
        ParseCode::UnrecognisedLine,
        ParseCode::InvalidUtf8,
        ParseCode::MalformedAmount,
        ParseCode::AmountCount,
        ParseCode::MissingAmounts,
        ParseCode::InvalidPdc,
        ParseCode::InvalidMissioneProgramma,
        ParseCode::UnexpectedText,
        ParseCode::EmptySection,
        ParseCode::OutOfPlace,
        ParseCode::HeaderInRecord,
        ParseCode::ControlCharacter,
        ParseCode::TooManyDiagnostics,
    ];

    /// The stable code string.
    pub fn as_str(self) -> &'static str {
        match self {
            ParseCode::UnrecognisedLine => "parse::unrecognised-line",
            ParseCode::InvalidUtf8 => "parse::invalid-utf8",
            ParseCode::MalformedAmount => "parse::malformed-amount",
            ParseCode::AmountCount => "parse::amount-count",
            ParseCode::MissingAmounts => "parse::missing-amounts",
            ParseCode::InvalidPdc => "parse::invalid-pdc",
            ParseCode::InvalidMissioneProgramma => "parse::invalid-missione-programma",
            ParseCode::UnexpectedText => "parse::unexpected-text",
            ParseCode::EmptySection => "parse::empty-section",
            ParseCode::OutOfPlace => "parse::out-of-place",
            ParseCode::HeaderInRecord => "parse::header-in-record",
            ParseCode::ControlCharacter => "parse::control-character",
            ParseCode::TooManyDiagnostics => "parse::too-many-diagnostics",
        }
    }

    /// One sentence on what the code means.
    pub fn description(self) -> &'static str {
        match self {
            ParseCode::UnrecognisedLine => {
                "a line that is not a row, total, heading or page furniture of its section"
            }
            ParseCode::InvalidUtf8 => "a line whose bytes are not UTF-8 text",
            ParseCode::MalformedAmount => {
                "a word meant as an amount that is not in the Italian format 1.234,56"
            }
            ParseCode::AmountCount => {
                "a row or total with a different number of amounts than its section's columns"
            }
            ParseCode::MissingAmounts => "a row or total whose amounts never came",
            ParseCode::InvalidPdc => "a PDC code that is not ten digits",
            ParseCode::InvalidMissioneProgramma => {
                "a missione-programma that is not two two-digit numbers"
            }
            ParseCode::UnexpectedText => "text where the layout has only amounts",
            ParseCode::EmptySection => "a section header with no rows or totals under it",
            ParseCode::OutOfPlace => "an item whose parent heading is missing",
            ParseCode::HeaderInRecord => {
                "column-header words inside a record where no page break explains them"
            }
            ParseCode::ControlCharacter => "a control character (NUL...) inside a line of text",
            ParseCode::TooManyDiagnostics => {
                "the input has so many problems that the rest are counted, not listed"
            }
        }
    }

    /// Default severity.
    pub fn severity(self) -> Severity {
        match self {
            ParseCode::EmptySection | ParseCode::OutOfPlace | ParseCode::HeaderInRecord => {
                Severity::Warning
            }
            _ => Severity::Error,
        }
    }
}

impl fmt::Display for ParseCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A located problem found while reading a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParseDiagnostic {
    /// Stable code.
    pub code: ParseCode,
    /// Severity.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// The message's identity in every language (catalogue id and arguments).
    #[serde(skip)]
    pub identita: String,
    /// Where.
    pub span: Span,
    /// Short text under the pointed span.
    pub label: String,
    /// What was expected there.
    pub help: String,
}

impl ParseDiagnostic {
    /// A diagnostic with the code's default severity.
    pub fn new(
        code: ParseCode,
        span: Span,
        message: impl Into<crate::lingua::Testo>,
        label: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        let m = message.into();
        ParseDiagnostic {
            code,
            severity: code.severity(),
            message: m.testo,
            identita: m.identita,
            span,
            label: label.into(),
            help: help.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_and_serialise_as_their_string() {
        let strs: HashSet<_> = ParseCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(strs.len(), ParseCode::ALL.len());
        for c in ParseCode::ALL {
            assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
            assert!(c.as_str().starts_with("parse::"));
            assert!(!c.description().is_empty());
        }
    }
}
