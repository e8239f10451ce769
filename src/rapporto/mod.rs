//! `quadra report`: the audit report (verbale) a revisore files, as one
//! self-contained HTML page or as Markdown. [`costruisci`] gathers what both
//! show; [`html`] and [`md`] only lay it out. Every text that comes from the
//! report or a rule file is escaped by the layout ([`crate::escape`]).

pub mod carta;
pub mod evidenza;
pub mod html;
pub mod md;
pub mod svg;

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::ast::{Colonna, Documento, Report, SezioneId};
use crate::classification::Classificazione;
use crate::codes::MissioneProgramma;
use crate::diagnostic::Severity;
use crate::finding::Finding;
use crate::lang::item::{items, Genere, Item, Parte};
use crate::rules::Ctx;
use crate::sink::Conteggi;
use crate::span::{LineIndex, Span};
use crate::vincoli::links::FileLegami;
use crate::vincoli::{Fiducia, Lato, COLONNE};

/// Everything the audit report shows.
pub struct Rapporto {
    /// The report file as named on the command line.
    pub file: String,
    /// quadra's version, for the record.
    pub versione: &'static str,
    /// Finding counts by severity.
    pub conteggi: Conteggi,
    /// Findings hidden by a baseline.
    pub accettati: usize,
    /// One card per report of the document.
    pub schede: Vec<Scheda>,
    /// Findings grouped by severity (errors first), then rule.
    pub gruppi_findings: Vec<GruppoFindings>,
    /// The working paper's record (date, hashes, checks, ranking, accepted
    /// findings), when the command gives one.
    pub carta: Option<carta::Carta>,
}

impl Rapporto {
    /// `Checked by quadra 0.1.0 · 11 error(s), 42 warning(s), 68 info(s)`,
    /// and the findings a baseline hid.
    pub fn sommario(&self) -> String {
        let c = &self.conteggi;
        let mut s = crate::tr!(
            "report-summary",
            version = self.versione,
            errors = c.errors,
            warnings = c.warnings,
            infos = c.infos
        );
        if self.accettati > 0 {
            s.push_str(&crate::tr!("report-summary-accepted", n = self.accettati));
        }
        s
    }
}

/// One report of the document.
pub struct Scheda {
    /// Title line.
    pub titolo: String,
    /// Budget year.
    pub anno: Option<u16>,
    /// Direzione code and name.
    pub direzione: String,
    /// Sums per section.
    pub sezioni: Vec<SommaSezione>,
    /// Vincolo groups.
    pub vincoli: Vec<RigaVincolo>,
    /// V chapters in no group: (side, PEG key, description).
    pub soli: Vec<(&'static str, String, String)>,
    /// The vincolo graph as inline SVG (drawn by [`svg::grafo`]).
    pub svg_grafo: String,
    /// Spending per missione-programma.
    pub missioni: Vec<Missione>,
    /// The bar chart of [`Scheda::missioni`] as inline SVG.
    pub svg_missioni: String,
}

/// The column headers of a report (`PREVISIONE 2022`...).
pub fn intestazioni(anno: Option<u16>) -> Vec<String> {
    COLONNE
        .iter()
        .map(|c| match anno {
            Some(a) => c.header(a),
            None => c.name().to_string(),
        })
        .collect()
}

/// One section's size and sums.
pub struct SommaSezione {
    /// `1.A`.
    pub codice: &'static str,
    /// `ENTRATE CORRENTI`.
    pub titolo: &'static str,
    /// Rows (chapters) or summary rows.
    pub righe: usize,
    /// Of which V (earmarked).
    pub vincolate: usize,
    /// Sum of the rows per column: (header, sum).
    pub somme: Vec<(String, Decimal)>,
}

/// A vincolo group with its balance.
pub struct RigaVincolo {
    /// Name (from the link file, or `G3 <first chapter>`).
    pub nome: String,
    /// Weakest link.
    pub fiducia: Fiducia,
    /// The confidence as people read it (`declared, confidence low`).
    pub fiducia_testo: String,
    /// Revenue chapters: (PEG key, description).
    pub entrate: Vec<(String, String)>,
    /// Spending chapters.
    pub spese: Vec<(String, String)>,
    /// Per column: revenue in, spending out, difference.
    pub saldi: Vec<Saldo>,
}

/// A vincolo group's balance in one column (`None`: a sum overflowed).
pub struct Saldo {
    /// Column header (`PREVISIONE 2022`).
    pub colonna: String,
    /// Revenue in: chapters and declared outside funding.
    pub entrate: Option<Decimal>,
    /// Spending out.
    pub spese: Option<Decimal>,
    /// Revenue minus spending.
    pub differenza: Option<Decimal>,
}

impl RigaVincolo {
    /// Whether revenue and spending differ in some column.
    pub fn squilibrato(&self) -> bool {
        self.saldi
            .iter()
            .any(|s| s.differenza.is_some_and(|d| !d.is_zero()))
    }
}

/// Spending of one missione-programma (1.B and 2.B rows).
pub struct Missione {
    /// Code.
    pub codice: MissioneProgramma,
    /// Official name, when the classification has it.
    pub nome: String,
    /// Forecast, prior forecast, prior actual.
    pub importi: [Decimal; 3],
}

/// Findings of one rule and severity.
pub struct GruppoFindings {
    /// Severity.
    pub severity: Severity,
    /// Rule id.
    pub rule: String,
    /// The rule's summary, from the catalogue.
    pub sommario: String,
    /// The findings.
    pub voci: Vec<VoceFinding>,
}

/// A finding with the lines of the report it points to.
pub struct VoceFinding {
    /// Message with the amounts.
    pub messaggio: String,
    /// PEG key, or the keys of the chapters it points to (a vincolo group's).
    pub chiave: Option<String>,
    /// Amounts by name (`PREVISIONE 2021, entrate`).
    pub importi: Vec<(String, Decimal)>,
    /// What to do.
    pub help: String,
    /// Primary line number and its parsed values (key, description, amount
    /// per column), or the text of the line when it holds no item.
    pub riga: (usize, String),
    /// Related lines: number, parsed values or text, why it matters.
    pub correlate: Vec<(usize, String, String)>,
}

/// What [`costruisci`] reads.
pub struct Ingresso<'a> {
    /// The file name.
    pub file: &'a str,
    /// Its bytes.
    pub bytes: &'a [u8],
    /// Its line index.
    pub index: &'a LineIndex,
    /// The parsed document.
    pub doc: &'a Documento,
    /// Its findings, severities resolved (baseline applied).
    pub findings: &'a [Finding],
    /// Findings hidden by a baseline.
    pub accettati: usize,
    /// The link file, if any.
    pub legami: Option<&'a FileLegami>,
    /// The rule catalogue, for rule summaries.
    pub rules: &'a crate::config::RuleSet,
}

/// The text of the line holding `span`'s start, trimmed, at most 160 characters.
fn testo_riga(bytes: &[u8], index: &LineIndex, span: Span) -> (usize, String) {
    let n = index.line_of(bytes, span.start.min(bytes.len()));
    let start = index.line_start(bytes, n);
    let end = bytes[start..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |p| start + p);
    let t = String::from_utf8_lossy(&bytes[start..end]);
    let t: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
    (n + 1, t.chars().take(160).collect())
}

/// Gather the audit report.
pub fn costruisci(i: &Ingresso<'_>) -> Rapporto {
    let mut per_regola: BTreeMap<(std::cmp::Reverse<Severity>, String), Vec<VoceFinding>> =
        BTreeMap::new();
    let ev = evidenza::Evidenze::di(i.doc);
    // The parsed values of the item at a span, else the text of its line.
    let riga = |span: Span| {
        let (n, t) = testo_riga(i.bytes, i.index, span);
        (n, ev.testo(span).map_or(t, str::to_string))
    };
    for f in i.findings {
        let chiave = ev.capitoli(f);
        let anno = ev.anno(f.span);
        per_regola
            .entry((std::cmp::Reverse(f.severity), f.rule.clone()))
            .or_default()
            .push(VoceFinding {
                messaggio: f.message.clone(),
                chiave,
                importi: f
                    .amounts
                    .iter()
                    .map(|(k, v)| (evidenza::nome_importo(k, anno), *v))
                    .collect(),
                help: f.help.clone(),
                riga: riga(f.span),
                correlate: f
                    .related
                    .iter()
                    .map(|r| {
                        let (n, t) = riga(r.span);
                        (n, t, r.message.to_string())
                    })
                    .collect(),
            });
    }
    let gruppi_findings = per_regola
        .into_iter()
        .map(|((s, rule), voci)| GruppoFindings {
            severity: s.0,
            sommario: i
                .rules
                .get(&rule)
                .map(|r| r.summary.clone())
                .unwrap_or_else(|| crate::tr!("report-unreadable")),
            rule,
            voci,
        })
        .collect();
    Rapporto {
        file: i.file.to_string(),
        versione: env!("CARGO_PKG_VERSION"),
        conteggi: Conteggi::of(i.findings),
        accettati: i.accettati,
        schede: i.doc.reports.iter().map(|r| scheda(r, i.legami)).collect(),
        gruppi_findings,
        carta: None,
    }
}

fn scheda(r: &Report, legami: Option<&FileLegami>) -> Scheda {
    let its = items(r);
    let ctx = Ctx::new(r, &its, legami);
    let intest = intestazioni(r.anno);
    let gs = ctx.gruppi();
    let chiave = |it: &&Item<'_>| (it.chiave_testo(), it.testo.to_string());
    let vincoli: Vec<RigaVincolo> = gs
        .gruppi
        .iter()
        .enumerate()
        .map(|(n, g)| RigaVincolo {
            nome: crate::vincoli::print::nome_gruppo(n, g),
            fiducia: g.fiducia,
            fiducia_testo: g.fiducia_testo(),
            entrate: g.entrate.iter().map(chiave).collect(),
            spese: g.spese.iter().map(chiave).collect(),
            saldi: g
                .totali
                .iter()
                .map(|t| Saldo {
                    colonna: ctx.colonna(t.0).to_string(),
                    entrate: t.1,
                    spese: t.2,
                    differenza: t.1.zip(t.2).and_then(|(a, b)| a.checked_sub(b)),
                })
                .collect(),
        })
        .collect();
    let mut soli: Vec<(&'static str, String, String)> = Vec::new();
    for it in &gs.entrate_sole {
        let (k, t) = chiave(it);
        soli.push(("revenue", k, t)); // the catalogue's `side`
    }
    for it in &gs.spese_sole {
        let (k, t) = chiave(it);
        soli.push(("spending", k, t));
    }
    let nodi: Vec<svg::Nodo> = ctx
        .grafo()
        .g
        .node_indices()
        .map(|n| {
            let c = &ctx.grafo().g[n];
            svg::Nodo {
                chiave: c.item.chiave_testo(),
                testo: c.item.testo.to_string(),
                entrata: c.lato == Lato::Entrata,
                span: c.item.span,
            }
        })
        .collect();
    let archi: Vec<(usize, usize, Fiducia, String)> = ctx
        .grafo()
        .g
        .edge_indices()
        .filter_map(|e| {
            let (a, b) = ctx.grafo().g.edge_endpoints(e)?;
            let l = &ctx.grafo().g[e];
            Some((a.index(), b.index(), l.fiducia, l.prova.testo()))
        })
        .collect();
    let gruppi_nodi: Vec<(String, Vec<Span>, Vec<Span>)> = gs
        .gruppi
        .iter()
        .zip(&vincoli)
        .map(|(g, v)| {
            (
                v.nome.clone(),
                g.entrate.iter().map(|i| i.span).collect(),
                g.spese.iter().map(|i| i.span).collect(),
            )
        })
        .collect();
    let svg_grafo = svg::grafo(&nodi, &archi, &gruppi_nodi);
    let missioni = missioni(&its);
    let svg_missioni = svg::barre(&missioni, &intest);
    Scheda {
        titolo: r
            .titolo
            .as_ref()
            .map(|t| t.testo.clone())
            .unwrap_or_default(),
        anno: r.anno,
        direzione: r
            .direzione
            .as_ref()
            .map(|d| format!("{} {}", d.codice, d.nome))
            .unwrap_or_else(|| "?".into()),
        sezioni: sezioni(r, &its),
        vincoli,
        soli,
        svg_grafo,
        missioni,
        svg_missioni,
    }
}

/// Per section, the rows and their sums; 1.C in its two parts (earmarked
/// revenue and earmarked spending), whose sum together would mean nothing.
fn sezioni(r: &Report, its: &[Item<'_>]) -> Vec<SommaSezione> {
    let mut out = Vec::new();
    for s in &r.sezioni {
        let parti: &[(Option<Parte>, &'static str)] = if s.id == SezioneId::RiepilogoVincolate {
            &[
                (Some(Parte::Entrate), "RIEPILOGO VINCOLATE: ENTRATE"),
                (Some(Parte::Spese), "RIEPILOGO VINCOLATE: SPESE"),
            ]
        } else {
            &[(None, "")]
        };
        for (parte, titolo) in parti {
            let righe: Vec<&Item<'_>> = its
                .iter()
                .filter(|i| i.sezione == s.id && i.genere != Genere::Totale)
                .filter(|i| parte.is_none() || i.parte == *parte)
                .collect();
            out.push(somma(
                r,
                s.id,
                if parte.is_some() {
                    titolo
                } else {
                    s.id.title()
                },
                &righe,
            ));
        }
    }
    out
}

fn somma(r: &Report, id: SezioneId, titolo: &'static str, righe: &[&Item<'_>]) -> SommaSezione {
    let mut cols: Vec<Colonna> = Vec::new();
    for it in righe {
        for c in it.importi.columns() {
            if !cols.contains(c) {
                cols.push(*c);
            }
        }
    }
    SommaSezione {
        codice: id.code(),
        titolo,
        righe: righe.len(),
        vincolate: righe.iter().filter(|i| i.vincolato).count(),
        somme: cols
            .iter()
            .map(|c| {
                let h = match r.anno {
                    Some(a) => c.header(a),
                    None => c.name().to_string(),
                };
                let sum = righe
                    .iter()
                    .filter_map(|i| i.importo(*c))
                    .try_fold(Decimal::ZERO, |a, b| a.checked_add(b))
                    .unwrap_or(Decimal::MAX);
                (h, sum)
            })
            .collect(),
    }
}

/// Spending rows (1.B, 2.B) summed per missione-programma, in code order.
fn missioni(its: &[Item<'_>]) -> Vec<Missione> {
    let mut m: BTreeMap<MissioneProgramma, [Decimal; 3]> = BTreeMap::new();
    for it in its
        .iter()
        .filter(|i| i.genere == Genere::Riga && matches!(i.sezione.code(), "1.B" | "2.B"))
    {
        let Some(mp) = it.missione_programma else {
            continue;
        };
        let e = m.entry(mp).or_insert([Decimal::ZERO; 3]);
        for (k, c) in COLONNE.iter().enumerate() {
            e[k] = e[k]
                .checked_add(it.importo(*c).unwrap_or_default())
                .unwrap_or(e[k]);
        }
    }
    let cl = Classificazione::ufficiale();
    m.into_iter()
        .map(|(codice, importi)| Missione {
            codice,
            nome: cl
                .programma(codice)
                .map(|p| p.nome.clone())
                .unwrap_or_default(),
            importi,
        })
        .collect()
}
