//! A finding: what a rule reports about a report. Rules build findings with
//! their default severity; the [`crate::sink::Sink`] alone decides the final
//! severity and whether a finding is kept.

use rust_decimal::Decimal;

use crate::ast::SezioneId;
use crate::codes::ChiavePeg;
use crate::diagnostic::{ParseDiagnostic, Severity};
use crate::span::Span;

/// A located finding with the amounts involved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Stable rule id (`total-mismatch`) or parse code (`parse::malformed-amount`).
    pub rule: String,
    /// Severity (the rule's default until the sink resolves it).
    pub severity: Severity,
    /// What is wrong, with the amounts, formatted for people.
    pub message: String,
    /// The message's identity in every language (catalogue id and
    /// arguments): what baselines compare when the finding has no amounts.
    pub identita: String,
    /// The primary location.
    pub span: Span,
    /// Short text under the primary location.
    pub label: String,
    /// What to do about it.
    pub help: String,
    /// The PEG key of the chapter concerned, when there is one.
    pub key: Option<ChiavePeg>,
    /// Amounts involved, by name (`previsione_declared`...), in order.
    pub amounts: Vec<(String, Decimal)>,
    /// Other places that explain the finding (the rows summed, likely causes).
    pub related: Vec<Related>,
    /// Where in the document the finding is, for scoping and fingerprints.
    pub context: Contesto,
    /// Severity steps below the rule's (a finding resting on an inferred
    /// link, revenue left unspent): applied by the sink.
    pub attenuazione: u8,
    /// Rows that one mistyped digit would explain, too many to list alone;
    /// named when other findings suspect the same slip (not printed).
    pub sospetti: Vec<Sospetto>,
    /// What the finding rests on: the document's own figures, or a
    /// grouping of chapters (a vincolo group, declared or inferred).
    pub base: Base,
    /// Other chapters the finding concerns besides `key` (the chapters of a
    /// vincolo group): what `--chapter` matches too.
    pub capitoli: Vec<ChiavePeg>,
}

/// What a finding rests on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Base {
    /// The figures of the report disagree (totals, summaries, codes,
    /// markers): a fact about the document. Parse diagnostics too.
    #[default]
    Documento,
    /// A grouping of chapters does not balance, or leaves a chapter out:
    /// a hypothesis, as sure as the grouping.
    Raggruppamento {
        /// Where the grouping comes from.
        origine: Origine,
        /// The confidence declared in the link file or given by inference
        /// (`None`: declared without one, or no group).
        fiducia: Option<crate::vincoli::Fiducia>,
    },
}

/// Where the grouping of a [`Base::Raggruppamento`] finding comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origine {
    /// A group of the link file.
    Dichiarato,
    /// A group inferred from evidence.
    Inferito,
    /// The chapter is in no group (neither declared nor inferred).
    Nessuno,
}

impl Base {
    /// The JSON name: `document` or `grouping`.
    pub fn name(self) -> &'static str {
        match self {
            Base::Documento => "document",
            Base::Raggruppamento { .. } => "grouping",
        }
    }

    /// The grouping's source and confidence for JSON and SARIF
    /// (`{"source": "declared", "confidence": "low"}`), `None` for `document`.
    pub fn raggruppamento_json(self) -> Option<serde_json::Value> {
        match self {
            Base::Documento => None,
            Base::Raggruppamento { origine, fiducia } => Some(serde_json::json!({
                "source": match origine {
                    Origine::Dichiarato => "declared",
                    Origine::Inferito => "inferred",
                    Origine::Nessuno => "none",
                },
                "confidence": fiducia.map(|f| f.name()),
            })),
        }
    }
}

/// A row suspected of holding a mistyped amount.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sospetto {
    /// The row.
    pub span: Span,
    /// The column.
    pub colonna: crate::ast::Colonna,
    /// The change that would make the figures agree.
    pub correzione: Decimal,
    /// The related-location message naming it.
    pub messaggio: String,
}

/// A related location with a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    /// Where.
    pub span: Span,
    /// Why it matters (`first row summed`, `likely cause: ...`).
    pub message: String,
}

/// The position of a finding in the document's hierarchy.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contesto {
    /// The section.
    pub sezione: Option<SezioneId>,
    /// The Settore code.
    pub settore: Option<u32>,
    /// What the finding is about when there is no PEG key (`Totale Settore 51`,
    /// `missione-programma 12 04`): with the rule id it identifies the finding
    /// across edits that move lines.
    pub soggetto: String,
}

impl Finding {
    /// A finding of `rule` at `span`; the other fields start empty.
    pub fn new(
        rule: &str,
        severity: Severity,
        span: Span,
        message: impl Into<crate::lingua::Testo>,
    ) -> Self {
        let m = message.into();
        Finding {
            rule: rule.to_string(),
            severity,
            message: m.testo,
            identita: m.identita,
            span,
            label: String::new(),
            help: String::new(),
            key: None,
            amounts: Vec::new(),
            related: Vec::new(),
            context: Contesto::default(),
            attenuazione: 0,
            sospetti: Vec::new(),
            base: Base::Documento,
            capitoli: Vec::new(),
        }
    }

    /// A parse diagnostic as a finding (it is reported by `check` like any other).
    pub fn from_parse(d: &ParseDiagnostic) -> Self {
        let mut f = Finding::new(
            d.code.as_str(),
            d.severity,
            d.span,
            crate::lingua::Testo {
                testo: d.message.clone(),
                identita: d.identita.clone(),
            },
        );
        f.label = d.label.clone();
        f.help = d.help.clone();
        f
    }

    /// Add a related location.
    pub fn related(&mut self, span: Span, message: impl Into<String>) {
        self.related.push(Related {
            span,
            message: message.into(),
        });
    }

    /// The identity of the finding that survives line moves: rule, then the PEG
    /// key, or else the section and subject.
    pub fn fingerprint_basis(&self) -> String {
        match self.key {
            Some(k) => format!("{}|{}", self.rule, k),
            None => format!(
                "{}|{}|{}|{}",
                self.rule,
                self.context.sezione.map(|s| s.code()).unwrap_or(""),
                self.context
                    .settore
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
                self.context.soggetto
            ),
        }
    }
}
