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
    /// Empty when it is the message itself (a rule file's own text): read it
    /// with [`Finding::identita`].
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
    pub amounts: Vec<(NomeImporto, Decimal)>,
    /// Other places that explain the finding (the rows summed, likely causes).
    pub related: Vec<Related>,
    /// Where in the document the finding is, for scoping and fingerprints.
    pub context: Contesto,
    /// Severity steps below the rule's (a finding resting on an inferred
    /// link, revenue left unspent): applied by the sink.
    pub attenuazione: u8,
    /// Rows that one mistyped digit would explain, too many to list alone;
    /// named when other findings suspect the same slip (not printed;
    /// dropped once the report's findings have been read together).
    pub sospetti: Vec<Sospetto>,
    /// The difference as data, for findings about figures that do not add
    /// up: what the checks of a report compare to find a missing row
    /// (dropped once the report's findings have been read together).
    pub scarto: Option<Box<Scarto>>,
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

/// Declared figures against what they should equal, as data (not printed).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scarto {
    /// Declared minus computed, per column that differs, in column order;
    /// the fifth column of 1.B subtotals is left out (it repeats PREVISIONE
    /// of the year before).
    pub differenze: Vec<(crate::ast::Colonna, Decimal)>,
    /// The items summed, when they are one run of lines (a group's rows),
    /// and what they are for people (`Macroaggregato 03 ...`).
    pub ambito: Option<(Span, String)>,
    /// Every line of the level checked (heading, rows, total): a line of it
    /// that could not be read explains the difference.
    pub estensione: Option<Span>,
    /// Summed per missione-programma: the one compared (`12 04`).
    pub programma: Option<String>,
    /// The computed side sums V rows only.
    pub vincolate: bool,
    /// A whole row already explains the difference.
    pub spiegato: bool,
}

/// The name of an amount of a finding: one of a few dozen (a column and
/// what the figure is), shared rather than allocated per finding.
pub type NomeImporto = std::borrow::Cow<'static, str>;

/// `<column>_<what>` (`previsione_declared`), interned: the names come from
/// a fixed set of columns and roles.
pub fn nome_importo(colonna: &str, ruolo: &str) -> NomeImporto {
    interna(format!("{colonna}_{ruolo}"))
}

/// A text that many findings repeat (an amount's name, `the record this
/// figure belongs to`), kept once for the process. The table is bounded:
/// past a few hundred texts (never reached by the rules) a text is simply
/// owned by its finding.
pub fn interna(testo: String) -> NomeImporto {
    use std::sync::{Mutex, OnceLock};
    static TESTI: OnceLock<Mutex<Vec<&'static str>>> = OnceLock::new();
    let mut testi = TESTI
        .get_or_init(|| Mutex::new(Vec::new()))
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(t) = testi.iter().find(|t| **t == testo) {
        return NomeImporto::Borrowed(t);
    }
    if testi.len() >= 512 {
        return NomeImporto::Owned(testo);
    }
    let t: &'static str = Box::leak(testo.into_boxed_str());
    testi.push(t);
    NomeImporto::Borrowed(t)
}

/// A catalogue text that labels figures (`figure-record`, or `altre` with
/// the column's name), interned and kept per language: the same few labels
/// go to thousands of findings, and Fluent formats each in microseconds.
fn etichetta(id: &'static str, colonna: Option<&str>) -> NomeImporto {
    use std::sync::{Mutex, OnceLock};
    type Voce = (
        crate::lingua::Lingua,
        &'static str,
        Option<Box<str>>,
        &'static str,
    );
    static FATTE: OnceLock<Mutex<Vec<Voce>>> = OnceLock::new();
    let lingua = crate::lingua::corrente();
    let fatte = FATTE.get_or_init(|| Mutex::new(Vec::new()));
    let trovata = fatte
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .find_map(|v| (v.0 == lingua && v.1 == id && v.2.as_deref() == colonna).then_some(v.3));
    if let Some(t) = trovata {
        return NomeImporto::Borrowed(t);
    }
    let testo = match colonna {
        Some(c) => interna(crate::tr!(id, column = c)),
        None => interna(crate::tr!(id)),
    };
    if let NomeImporto::Borrowed(t) = testo {
        let mut fatte = fatte.lock().unwrap_or_else(|e| e.into_inner());
        if fatte.len() < 512 {
            fatte.push((lingua, id, colonna.map(Box::from), t));
        }
    }
    testo
}

/// How many likely causes a finding lists at most (the hints name no more,
/// the sink corroborates no more).
pub const MAX_CAUSE: usize = 3;

/// A row suspected of holding a mistyped amount.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sospetto {
    /// The row.
    pub span: Span,
    /// Where the suspected amount is printed.
    pub cifra: Span,
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
    pub message: NomeImporto,
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
        // A rule file's message is its own identity: kept once.
        let identita = if m.identita == m.testo {
            String::new()
        } else {
            m.identita
        };
        Finding {
            rule: rule.to_string(),
            severity,
            message: m.testo,
            identita,
            span,
            label: String::new(),
            help: String::new(),
            key: None,
            amounts: Vec::new(),
            related: Vec::new(),
            context: Contesto::default(),
            attenuazione: 0,
            sospetti: Vec::new(),
            scarto: None,
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

    /// Point the finding at the figures it is about: the first of `figure`
    /// (a column's name for people and where its amount is printed) becomes
    /// the primary location, the others related locations labelled with
    /// their column by the catalogue's `altre` message (`figure-also-differs`
    /// where each figure disagrees, `figure-compared` where a row rule reads
    /// them together), and `record` (the row or total's lines) a related
    /// location too. Without figures the record stays the primary location.
    pub fn alle_cifre<S: AsRef<str>>(
        &mut self,
        record: Span,
        figure: &[(S, Span)],
        altre: &'static str,
    ) {
        let Some(((_, primo), resto)) = figure.split_first() else {
            self.span = record;
            return;
        };
        self.span = *primo;
        for (nome, span) in resto {
            if *span != *primo {
                let m = etichetta(altre, Some(nome.as_ref()));
                self.related.push(Related {
                    span: *span,
                    message: m,
                });
            }
        }
        if record != *primo {
            let m = etichetta("figure-record", None);
            self.related.push(Related {
                span: record,
                message: m,
            });
        }
    }

    /// The message's identity in every language (see the field).
    pub fn identita(&self) -> &str {
        if self.identita.is_empty() {
            &self.message
        } else {
            &self.identita
        }
    }

    /// Add a related location.
    pub fn related(&mut self, span: Span, message: impl Into<NomeImporto>) {
        self.related.push(Related {
            span,
            message: message.into(),
        });
    }

    /// The identity of the finding that survives line moves: rule, then the PEG
    /// key, or else the section and subject.
    pub fn fingerprint_basis(&self) -> String {
        let mut s = String::new();
        let _ = self.scrivi_identita(&mut s);
        s
    }

    /// [`Finding::fingerprint_basis`] written into `w` (a hash reads it
    /// without the string being built).
    pub fn scrivi_identita(&self, w: &mut dyn std::fmt::Write) -> std::fmt::Result {
        match self.key {
            Some(k) => write!(w, "{}|{}", self.rule, k),
            None => {
                write!(
                    w,
                    "{}|{}|",
                    self.rule,
                    self.context.sezione.map(|s| s.code()).unwrap_or("")
                )?;
                if let Some(s) = self.context.settore {
                    write!(w, "{s}")?;
                }
                write!(w, "|{}", self.context.soggetto)
            }
        }
    }
}
