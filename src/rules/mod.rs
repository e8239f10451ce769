//! The rules. Each rule family is a module with a `check(ctx, rule, sink)`;
//! rules declared in TOML alone run through the two generic engines
//! ([`predicate`] and [`aggregate`]). Rules build findings; the
//! [`Sink`] decides their severity.

pub mod aggregate;
pub mod builtin;
pub mod cascata;
pub mod codes;
pub mod hints;
pub mod mancanti;
pub mod predicate;
pub mod restringi;
pub mod totals;
pub mod vincoli;

/// The validated rule, built by [`crate::config`] (kept here under its old path).
pub use crate::config::def;

use std::cell::OnceCell;

use crate::ast::{Colonna, Documento, Report};
use crate::config::RuleSet;
use crate::diagnostic::ParseDiagnostic;
use crate::finding::Finding;
use crate::lang::item::{items, Item};
use crate::sink::{Politica, Sink, Voce};
use crate::vincoli::dizionario::Dizionario;
use crate::vincoli::infer::costruisci;
use crate::vincoli::links::FileLegami;
use crate::vincoli::{Grafo, Gruppi};

use def::CorpoRegola;

/// What a rule sees: one report, its items, and (built on first use) its
/// vincolo graph.
pub struct Ctx<'a> {
    /// The report.
    pub report: &'a Report,
    /// Its rows, summary rows and totals, in document order.
    pub items: &'a [Item<'a>],
    /// The declared vincolo groups, if a link file was given.
    pub legami: Option<&'a FileLegami>,
    grafo: OnceCell<Grafo<'a>>,
    gruppi: OnceCell<Gruppi<'a>>,
    /// [`Ctx::colonna`] of every column, in the order of [`Colonna::TUTTE`]:
    /// named once per report rather than formatted for every finding.
    colonne: [String; Colonna::TUTTE.len()],
}

impl<'a> Ctx<'a> {
    /// The context of a report whose items are `items`.
    pub fn new(report: &'a Report, items: &'a [Item<'a>], legami: Option<&'a FileLegami>) -> Self {
        Ctx {
            report,
            items,
            legami,
            grafo: OnceCell::new(),
            gruppi: OnceCell::new(),
            colonne: Colonna::TUTTE.map(|c| c.titolo(report.anno)),
        }
    }

    /// The vincolo groups of [`Ctx::grafo`], computed once for all the rules.
    pub fn gruppi(&self) -> &Gruppi<'a> {
        self.gruppi.get_or_init(|| self.grafo().gruppi())
    }

    /// The vincolo graph: declared groups first, then inferred links.
    pub fn grafo(&self) -> &Grafo<'a> {
        self.grafo.get_or_init(|| {
            let dir = self.report.direzione.as_ref().map(|d| d.codice.as_str());
            costruisci(
                self.items,
                self.legami.map(|l| (l, dir)),
                Dizionario::ufficiale(),
            )
        })
    }

    /// A column's name for people: its header with the report's year
    /// (`PREVISIONE 2022`), or its JSON name when the year is unknown.
    pub fn colonna(&self, c: Colonna) -> &str {
        &self.colonne[c.indice()]
    }
}

/// Run every enabled rule on every report of a document; parse diagnostics
/// come first, as findings of their own code.
pub fn check(
    doc: &Documento,
    parse_diags: &[ParseDiagnostic],
    rules: &RuleSet,
    deny_warnings: bool,
) -> Vec<Finding> {
    check_con_legami(doc, parse_diags, rules, deny_warnings, None)
}

/// [`check`] with the vincolo groups a link file declares (already checked
/// against the document with [`crate::vincoli::links::verifica`]).
pub fn check_con_legami(
    doc: &Documento,
    parse_diags: &[ParseDiagnostic],
    rules: &RuleSet,
    deny_warnings: bool,
    legami: Option<&FileLegami>,
) -> Vec<Finding> {
    check_scelti(doc, parse_diags, rules, deny_warnings, legami, &|_| true)
}

/// [`check_con_legami`] on the reports `scelto` accepts (by index) only;
/// parse diagnostics inside the other reports are left out too. `quadra
/// diff` skips the reports both versions hold byte for byte.
pub fn check_scelti(
    doc: &Documento,
    parse_diags: &[ParseDiagnostic],
    rules: &RuleSet,
    deny_warnings: bool,
    legami: Option<&FileLegami>,
    scelto: &dyn Fn(usize) -> bool,
) -> Vec<Finding> {
    let mut c = Controllo::new(rules, deny_warnings, legami);
    for d in parse_diags {
        let i = doc
            .reports
            .partition_point(|r| r.span.start <= d.span.start)
            .checked_sub(1);
        let dentro = i.is_some_and(|i| d.span.start < doc.reports[i].span.end);
        if !dentro || i.is_some_and(scelto) {
            c.parse_diagnostic(d);
        }
    }
    for (_, report) in doc.reports.iter().enumerate().filter(|(i, _)| scelto(*i)) {
        c.report(report, &items(report));
    }
    c.finish()
}

/// Parse and check `bytes` one report at a time ([`crate::parse::parse_each`]
/// and [`Controllo`]), with no link file: the findings (parse diagnostics
/// included) and the parse diagnostics, exactly those of [`check`] on the
/// whole document, holding one report's tree at a time.
pub fn check_in_flusso(
    bytes: &[u8],
    rules: &RuleSet,
    deny_warnings: bool,
) -> Result<(Vec<Finding>, Vec<ParseDiagnostic>), crate::parse::NotAReport> {
    let mut c = Controllo::new(rules, deny_warnings, None);
    let diags = crate::parse::parse_each_con(bytes, |r, d| {
        c.letture(d);
        c.report(&r, &items(&r))
    })?;
    for d in &diags {
        c.parse_diagnostic(d);
    }
    Ok((c.finish(), diags))
}

/// A check run one report at a time: each report is checked when it is
/// given and can be dropped at once (see [`crate::parse::parse_each`]); the
/// findings of every report wait in the sink for [`Controllo::finish`],
/// which orders them exactly as [`check_con_legami`] on the whole document.
pub struct Controllo<'r> {
    rules: &'r RuleSet,
    legami: Option<&'r FileLegami>,
    sink: Sink<'r>,
    /// Parse diagnostics not yet matched with their report.
    illeggibili: Vec<cascata::Illeggibile>,
    /// How many of the parser's diagnostics [`Controllo::letture`] has taken.
    letti: usize,
    /// How many of them [`Controllo::pronti`] has made findings.
    spinti: usize,
}

impl<'r> Controllo<'r> {
    /// A check with these rules, `--deny warnings`, and the link file's groups.
    pub fn new(rules: &'r RuleSet, deny_warnings: bool, legami: Option<&'r FileLegami>) -> Self {
        Controllo {
            rules,
            legami,
            sink: Sink::new(Politica::da(rules), deny_warnings),
            illeggibili: Vec::new(),
            letti: 0,
            spinti: 0,
        }
    }

    /// The parse diagnostics found so far (as [`crate::parse::parse_each_con`]
    /// hands them), to name an unread line as a cause: only those not yet
    /// seen are taken. The findings of the diagnostics are given at the end
    /// with [`Controllo::parse_diagnostic`], in their usual place.
    pub fn letture(&mut self, diagnostiche: &[ParseDiagnostic]) {
        for d in diagnostiche.iter().skip(self.letti) {
            self.illeggibili.push(cascata::Illeggibile {
                span: d.span,
                codice: d.code.as_str().to_string(),
                messaggio: d.message.clone(),
            });
        }
        self.letti = self.letti.max(diagnostiche.len());
    }

    /// A parse diagnostic, as a finding of its own code.
    pub fn parse_diagnostic(&mut self, d: &ParseDiagnostic) {
        self.sink.push(Finding::from_parse(d));
        // Bounded as the parser bounds its diagnostics per report.
        self.illeggibili.push(cascata::Illeggibile {
            span: d.span,
            codice: d.code.as_str().to_string(),
            messaggio: d.message.clone(),
        });
    }

    /// Run every enabled rule on one report whose items are `items`.
    pub fn report(&mut self, report: &Report, items: &[Item<'_>]) {
        let from = self.sink.len();
        let ctx = Ctx::new(report, items, self.legami);
        for rule in self.rules.rules.iter().filter(|r| r.enabled) {
            match &rule.corpo {
                CorpoRegola::Builtin => {
                    if let Some(b) = builtin::BUILTIN.iter().find(|b| b.id == rule.id) {
                        (b.check)(&ctx, rule, &mut self.sink);
                    }
                }
                CorpoRegola::Predicato(p) => predicate::check(&ctx, rule, p, &mut self.sink),
                CorpoRegola::Aggregato(a) => aggregate::check(&ctx, rule, a, &mut self.sink),
            }
        }
        // The parse diagnostics of this report (those before it are past).
        let fine = report.span.end;
        let (suoi, altri): (Vec<_>, Vec<_>) = std::mem::take(&mut self.illeggibili)
            .into_iter()
            .filter(|d| d.span.end > report.span.start)
            .partition(|d| d.span.end <= fine);
        self.illeggibili = altri;
        cascata::cascata(&suoi, self.sink.dal(from));
        restringi::restringi(self.rules, items, self.sink.dal(from));
        self.sink.corrobora(from);
        let trovati = self.sink.dal(from);
        mancanti::riga_mancante(report, trovati);
        // What the checks read together is not printed: memory holds the
        // findings of every report until the end.
        for f in trovati {
            f.scarto = None;
            f.sospetti = Vec::new();
        }
    }

    /// For a check that writes each report's findings as soon as it is
    /// checked: once the parser has handed over the report that ends at
    /// `frontiera`, with the `diagnostiche` found so far, the findings that
    /// can be written now, in the order [`Controllo::finish`] gives them.
    /// Those that start at or past `frontiera` wait (the next report's
    /// first parse diagnostics, say), and so does everything from the
    /// last diagnostic on once the parser's list is full: the finding that
    /// counts the diagnostics left out is placed there at the end.
    /// [`Controllo::resto`] gives what is left at the end.
    pub fn pronti(&mut self, frontiera: usize, diagnostiche: &[ParseDiagnostic]) -> Vec<Finding> {
        self.spingi(diagnostiche);
        self.sink
            .prendi_prima(Self::fin_dove(frontiera, diagnostiche))
    }

    /// How far [`Controllo::pronti`] gives findings once the report ending
    /// at `frontiera` is handed over: no finding still to be given starts
    /// before this offset.
    pub fn fin_dove(frontiera: usize, diagnostiche: &[ParseDiagnostic]) -> usize {
        match diagnostiche.last() {
            Some(d) if diagnostiche.len() >= crate::parse::MAX_DIAGNOSTICS => {
                frontiera.min(d.span.start)
            }
            _ => frontiera,
        }
    }

    /// The findings [`Controllo::pronti`] has not given, once the parser
    /// has returned every diagnostic.
    pub fn resto(mut self, diagnostiche: &[ParseDiagnostic]) -> Vec<Finding> {
        self.spingi(diagnostiche);
        self.sink.finish()
    }

    /// The diagnostics not yet given as findings, given.
    fn spingi(&mut self, diagnostiche: &[ParseDiagnostic]) {
        for d in diagnostiche.iter().skip(self.spinti) {
            self.sink.push(Finding::from_parse(d));
        }
        self.spinti = self.spinti.max(diagnostiche.len());
    }

    /// Every finding, ordered by position, then rule (the order does not
    /// depend on when parse diagnostics were given: the sort is stable and
    /// they never share a rule with a report's findings).
    pub fn finish(self) -> Vec<Finding> {
        self.sink.finish()
    }
}

impl<'r> Politica<'r> {
    /// What the sink needs of each rule of the set: enabled, configured
    /// severity, scope.
    pub fn da(rules: &'r RuleSet) -> Self {
        Politica::nuova(rules.rules.iter().map(|r| {
            let voce = Voce {
                enabled: r.enabled,
                severity: r.severity,
                sezioni: &r.scope.sezioni,
                settori: &r.scope.settori,
                chiave: r.scope.chiave.as_ref(),
            };
            (r.id.as_str(), voce)
        }))
    }
}
