//! Baselines: findings an auditor has accepted, with a justification, so that
//! `quadra check --baseline FILE` reports only what is new.
//!
//! An entry is keyed by rule, report identity (year and Direzione) and
//! subject (the PEG key, or section / Settore / subject of the finding),
//! never by line, so edits that move lines keep it matched. It also records
//! the finding's amounts: when they change, the finding shows again. An entry
//! that matches no finding is *stale* and reported, located in the file.
//!
//! The file is TOML, meant to be committed:
//!
//! ```toml
//! version = 1
//!
//! [[accepted]]
//! rule = "vincolo-uncovered-spending"
//! report = "2022 DIR07"
//! subject = "1.B|51|vincolo group ..."
//! amounts = { previsione = "16829773.05" }
//! justification = "covered by avanzo vincolato (delibera 123/2022)"
//! ```

use std::ops::Range;

use rust_decimal::Decimal;
use toml::de::DeTable;

use crate::amount::macchina;
use crate::ast::Documento;
use crate::config::raw::{unknown_key, Val};
use crate::config::read::{FileVersionato, Lettore};
use crate::config::ConfigError;
use crate::diagnostic::Severity;
use crate::finding::Finding;
use crate::span::Span;

/// Version of the baseline file format.
pub const VERSION: u32 = 1;

const ENTRY: &[&str] = &[
    "rule",
    "report",
    "subject",
    "severity",
    "message",
    "identity",
    "amounts",
    "justification",
];

/// What identifies a finding across versions of a report.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Identita {
    /// Rule id.
    pub rule: String,
    /// Report identity: `2022 DIR07` (see [`identita_report`]).
    pub report: String,
    /// PEG key, or `section|settore|subject`, or the text of the line for
    /// findings without either (parse problems).
    pub subject: String,
}

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voce {
    /// Which finding.
    pub id: Identita,
    /// Its amounts when accepted, as decimal strings (`1234.50`).
    pub amounts: Vec<(String, String)>,
    /// Severity when accepted (for the reader; not matched).
    pub severity: String,
    /// Message when accepted, in the language of that run (for the reader;
    /// matched only by files written before `identity` existed).
    pub message: String,
    /// For a finding without amounts, its message's identity in every
    /// language (`dup-key-message|key=3763 20 2|section=1.B`): matched
    /// instead of the message, so a baseline written in English hides the
    /// same findings in Italian. Empty when the finding has amounts.
    pub identity: String,
    /// Why it is accepted, written by the auditor.
    pub justification: String,
    /// Where the entry is in the baseline file (empty for new entries).
    pub span: Range<usize>,
}

/// A baseline file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baseline {
    /// Entries in file order.
    pub voci: Vec<Voce>,
}

/// The identity of the report of a document that holds `span`: its year and
/// Direzione code (`2022 DIR07`), `?` for what the report does not say.
pub fn identita_report(doc: &Documento, span: Span) -> String {
    let i = doc
        .reports
        .partition_point(|r| r.span.start <= span.start)
        .saturating_sub(1);
    match doc.reports.get(i) {
        None => "?".into(),
        Some(r) => format!(
            "{} {}",
            r.anno.map(|a| a.to_string()).unwrap_or_else(|| "?".into()),
            r.direzione
                .as_ref()
                .map(|d| d.codice.as_str())
                .unwrap_or("?")
        ),
    }
}

/// The identity of a finding of a report whose bytes are `bytes`.
pub fn identita(f: &Finding, doc: &Documento, bytes: &[u8]) -> Identita {
    let subject = match f.key {
        // The section too: 1.A and 1.B may use the same key numbers.
        Some(k) => match f.context.sezione {
            Some(sz) => format!("{}|{k}", sz.code()),
            None => k.to_string(),
        },
        None if !f.context.soggetto.is_empty() || f.context.sezione.is_some() => format!(
            "{}|{}|{}",
            f.context.sezione.map(|s| s.code()).unwrap_or(""),
            f.context.settore.map(|s| s.to_string()).unwrap_or_default(),
            f.context.soggetto
        ),
        // A parse problem: the text of its first line is what stays the same
        // when lines around it move.
        None => {
            let s = &bytes[f.span.start.min(bytes.len())..f.span.end.min(bytes.len())];
            let line = s.split(|&b| b == b'\n').next().unwrap_or_default();
            let t = String::from_utf8_lossy(line);
            t.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .chars()
                .take(120)
                .collect()
        }
    };
    Identita {
        rule: f.rule.clone(),
        report: identita_report(doc, f.span),
        subject,
    }
}

/// The amounts of a finding as recorded in a baseline, sorted by name (as
/// a TOML table reads back), so that they compare as a set.
fn importi(f: &Finding) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = f
        .amounts
        .iter()
        .map(|(k, d)| (k.to_string(), macchina(*d)))
        .collect();
    v.sort();
    v
}

/// A new entry for a finding.
pub fn voce(f: &Finding, doc: &Documento, bytes: &[u8]) -> Voce {
    Voce {
        id: identita(f, doc, bytes),
        amounts: importi(f),
        severity: f.severity.as_str().to_string(),
        message: f.message.clone(),
        identity: if f.amounts.is_empty() {
            f.identita().to_string()
        } else {
            String::new()
        },
        justification: String::new(),
        span: 0..0,
    }
}

/// Whether a finding is recorded by `--write-baseline`: errors and warnings.
/// Infos are review aids, one line each, and never fail a run.
pub fn da_registrare(f: &Finding) -> bool {
    f.severity != Severity::Info
}

/// The outcome of applying a baseline to one file's findings.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Applicato {
    /// Findings hidden: recorded with the same amounts.
    pub nascosti: usize,
    /// Findings shown again: recorded with other amounts.
    pub cambiati: usize,
}

/// What must be equal for a baseline entry to accept a finding as it is:
/// identity and amounts, and the message's identity when there are no
/// amounts (a finding such as an unknown code says what is wrong only in
/// words); the message itself for entries written before `identity` existed.
pub(crate) type Firma = (Identita, Vec<(String, String)>, Option<String>);

fn firma_voce(v: &Voce) -> Firma {
    let testo = if v.identity.is_empty() {
        &v.message
    } else {
        &v.identity
    };
    (
        v.id.clone(),
        v.amounts.clone(),
        v.amounts.is_empty().then(|| testo.clone()),
    )
}

/// The signature an entry written before `identity` existed has: the message.
fn firma_messaggio(k: &Firma, message: &str) -> Option<Firma> {
    k.2.as_ref()
        .map(|_| (k.0.clone(), k.1.clone(), Some(message.to_string())))
}

pub(crate) fn firma(f: &Finding, doc: &Documento, bytes: &[u8]) -> Firma {
    let amounts = importi(f);
    let message = amounts.is_empty().then(|| f.identita().to_string());
    (identita(f, doc, bytes), amounts, message)
}

/// Indexes of entries by a key, each a stack to pop (first entry on top):
/// every entry is popped at most once, so matching stays linear.
fn pile<K: std::hash::Hash + Eq>(
    voci: &[Voce],
    key: impl Fn(&Voce) -> K,
) -> std::collections::HashMap<K, Vec<usize>> {
    let mut m: std::collections::HashMap<K, Vec<usize>> = std::collections::HashMap::new();
    for (i, v) in voci.iter().enumerate().rev() {
        m.entry(key(v)).or_default().push(i);
    }
    m
}

/// The first entry of `pila` not used yet, marked used.
fn prendi(pila: Option<&mut Vec<usize>>, usate: &mut [bool]) -> Option<usize> {
    let pila = pila?;
    while let Some(i) = pila.pop() {
        if !usate[i] {
            usate[i] = true;
            return Some(i);
        }
    }
    None
}

/// Matches findings against a baseline, file after file, remembering which
/// entries were used.
pub struct Confronto<'b> {
    baseline: &'b Baseline,
    usate: Vec<bool>,
    esatte: std::collections::HashMap<Firma, Vec<usize>>,
    per_id: std::collections::HashMap<Identita, Vec<usize>>,
    /// Identities of the reports checked: only their entries can be stale
    /// (a baseline may cover reports this run does not check).
    visti: std::collections::HashSet<String>,
}

impl<'b> Confronto<'b> {
    /// Start matching against `baseline`.
    pub fn new(baseline: &'b Baseline) -> Self {
        Confronto {
            baseline,
            usate: vec![false; baseline.voci.len()],
            esatte: pile(&baseline.voci, firma_voce),
            per_id: pile(&baseline.voci, |v| v.id.clone()),
            visti: std::collections::HashSet::new(),
        }
    }

    /// Drop the findings the baseline accepts; a finding accepted with other
    /// amounts stays, with a help line saying what was accepted. Exact
    /// matches are taken first, so the order of findings does not matter.
    pub fn applica(
        &mut self,
        findings: &mut Vec<Finding>,
        doc: &Documento,
        bytes: &[u8],
    ) -> Applicato {
        let mut esito = Applicato::default();
        for r in &doc.reports {
            self.visti.insert(identita_report(doc, r.span));
        }
        let firme: Vec<Firma> = findings.iter().map(|f| firma(f, doc, bytes)).collect();
        let nascosti: Vec<bool> = firme
            .iter()
            .zip(findings.iter())
            .map(|(k, f)| {
                prendi(self.esatte.get_mut(k), &mut self.usate).is_some()
                    || firma_messaggio(k, &f.message)
                        .is_some_and(|m| prendi(self.esatte.get_mut(&m), &mut self.usate).is_some())
            })
            .collect();
        let mut tenuti = Vec::with_capacity(findings.len());
        for ((mut f, k), nascosto) in findings.drain(..).zip(firme).zip(nascosti) {
            if nascosto {
                esito.nascosti += 1;
                continue;
            }
            if let Some(i) = prendi(self.per_id.get_mut(&k.0), &mut self.usate) {
                esito.cambiati += 1;
                let v = &self.baseline.voci[i];
                let anno = doc
                    .reports
                    .iter()
                    .find(|r| r.span.start <= f.span.start && f.span.start <= r.span.end)
                    .and_then(|r| r.anno);
                let was: Vec<String> = v
                    .amounts
                    .iter()
                    .map(|(k, a)| importo_in_parole(k, a, anno))
                    .collect();
                let note = if was.is_empty() {
                    crate::tr!("baseline-accepted-as", message = &v.message)
                } else {
                    crate::tr!("baseline-accepted-with", amounts = was.join("; "))
                };
                f.help = if f.help.is_empty() {
                    note
                } else {
                    format!("{}; {note}", f.help)
                };
            }
            tenuti.push(f);
        }
        *findings = tenuti;
        esito
    }

    fn is_stale(&self, i: usize) -> bool {
        !self.usate[i] && self.visti.contains(&self.baseline.voci[i].id.report)
    }

    /// The entries of the reports checked that matched no finding.
    pub fn stale(&self) -> Vec<&'b Voce> {
        (0..self.usate.len())
            .filter(|&i| self.is_stale(i))
            .map(|i| &self.baseline.voci[i])
            .collect()
    }

    /// The entries of the reports checked, not stale, whose justification
    /// is empty (or blank), in file order.
    pub fn vuote(&self) -> Vec<&'b Voce> {
        (0..self.usate.len())
            .filter(|&i| !self.is_stale(i))
            .map(|i| &self.baseline.voci[i])
            .filter(|v| self.visti.contains(&v.id.report) && v.justification.trim().is_empty())
            .collect()
    }

    /// The entries that are not stale, in file order (what `--prune` keeps).
    pub fn tenute(&self) -> Vec<&'b Voce> {
        (0..self.usate.len())
            .filter(|&i| !self.is_stale(i))
            .map(|i| &self.baseline.voci[i])
            .collect()
    }

    /// The stale entries as located problems of the baseline file (index 0).
    pub fn stale_errors(&self) -> Vec<ConfigError> {
        self.stale()
            .into_iter()
            .map(|v| ConfigError {
                sorgente: 0,
                span: v.span.clone(),
                message: crate::tr!(
                    "baseline-stale",
                    rule = &v.id.rule,
                    subject = &v.id.subject,
                    report = &v.id.report
                ),
                help: crate::tr!("baseline-stale-help"),
            })
            .collect()
    }
}

/// A recorded amount as a reader wants it: its column in words and the
/// amount the Italian way (`previsione_difference`, `1133510.99` is
/// `PREVISIONE 2022, difference: 1.133.510,99`); a value that is not an
/// amount is shown as written.
pub fn importo_in_parole(nome: &str, valore: &str, anno: Option<u16>) -> String {
    let nome = crate::rapporto::evidenza::nome_importo(nome, anno);
    let valore = valore
        .parse::<rust_decimal::Decimal>()
        .map_or_else(|_| valore.to_string(), crate::amount::italiano);
    crate::tr!("cfg15-amount-named", name = nome, amount = valore)
}

/// Read a baseline file; errors are located in it.
pub fn leggi(testo: &str) -> Result<Baseline, Vec<ConfigError>> {
    FileVersionato {
        cosa: "baseline",
        tabella: "accepted",
        help: "cfg-baseline-toml-help",
    }
    .leggi(testo, entry)
    .map(|voci| Baseline { voci })
}

fn entry(l: &mut Lettore<'_>, v: Val<'_>) -> Option<Voce> {
    let t: &DeTable<'_> = l.table(v)?;
    let before = l.errors.len();
    let mut e = Voce {
        id: Identita {
            rule: String::new(),
            report: String::new(),
            subject: String::new(),
        },
        amounts: Vec::new(),
        severity: String::new(),
        message: String::new(),
        identity: String::new(),
        justification: String::new(),
        span: v.span(),
    };
    let mut seen = [false; 3];
    for (k, x) in t.iter() {
        let key: &str = k.get_ref();
        let x = Val { src: 0, v: x };
        let text = |l: &mut Lettore<'_>| l.string(x).unwrap_or_default().to_string();
        match key {
            "rule" => (e.id.rule, seen[0]) = (text(l), true),
            "report" => (e.id.report, seen[1]) = (text(l), true),
            "subject" => (e.id.subject, seen[2]) = (text(l), true),
            "severity" => e.severity = text(l),
            "message" => e.message = text(l),
            "identity" => e.identity = text(l),
            "justification" => e.justification = text(l),
            "amounts" => {
                if let Some(t) = l.table(x) {
                    for (n, a) in t.iter() {
                        let a = Val { src: 0, v: a };
                        if let Some(s) = l.string(a) {
                            match decimale(s) {
                                Some(d) => e.amounts.push((n.get_ref().to_string(), macchina(d))),
                                None => l.err(
                                    0,
                                    a.span(),
                                    crate::tr!("cfg-not-an-amount", text = s),
                                    crate::tr!("cfg-amount-help"),
                                ),
                            }
                        }
                    }
                }
            }
            _ => l
                .errors
                .push(unknown_key(0, k.span(), key, ENTRY, "in `[[accepted]]`")),
        }
    }
    e.amounts.sort();
    for (i, name) in ["rule", "report", "subject"].iter().enumerate() {
        if !seen[i] {
            l.err(
                0,
                v.span(),
                crate::tr!("cfg-entry-without", key = *name),
                crate::tr!("cfg-entry-help"),
            );
        }
    }
    (l.errors.len() == before).then_some(e)
}

/// `-1234.50`: an optional minus, digits, an optional point and digits;
/// nothing else (no exponent, no thousands separator).
fn decimale(s: &str) -> Option<Decimal> {
    let t = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    let ok = !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
        && (frac.is_empty() != t.contains('.'));
    ok.then(|| s.parse::<Decimal>().ok()).flatten()
}

/// A TOML string literal.
fn lit(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The text of a baseline file holding `voci`, in the order given.
pub fn scrivi(voci: &[Voce]) -> String {
    let mut s = String::from(
        "# quadra baseline: findings accepted after review.\n\
         # `quadra check --baseline FILE` hides them while their amounts stay the same.\n\
         # Write why each one is accepted in its `justification`.\n\
         version = 1\n",
    );
    for v in voci {
        s.push_str("\n[[accepted]]\n");
        s.push_str(&format!("rule = {}\n", lit(&v.id.rule)));
        s.push_str(&format!("report = {}\n", lit(&v.id.report)));
        s.push_str(&format!("subject = {}\n", lit(&v.id.subject)));
        s.push_str(&format!("severity = {}\n", lit(&v.severity)));
        s.push_str(&format!("message = {}\n", lit(&v.message)));
        if !v.identity.is_empty() {
            s.push_str(&format!("identity = {}\n", lit(&v.identity)));
        }
        let amounts: Vec<String> = v
            .amounts
            .iter()
            .map(|(k, a)| format!("{} = {}", lit(k), lit(a)))
            .collect();
        s.push_str(&format!("amounts = {{ {} }}\n", amounts.join(", ")));
        s.push_str(&format!("justification = {}\n", lit(&v.justification)));
    }
    s
}

/// The entries of a rewritten baseline: `nuove` (the current findings),
/// each keeping the justification of the `old` entry it matches (marked for
/// review when the amounts changed), then the `old` entries of reports not
/// checked in this run (`visti` are the identities of those checked), kept
/// as they are.
pub fn unisci(
    old: Option<&Baseline>,
    mut nuove: Vec<Voce>,
    visti: &std::collections::HashSet<String>,
) -> Vec<Voce> {
    let Some(old) = old else {
        return nuove;
    };
    let mut usate = vec![false; old.voci.len()];
    let mut esatte = pile(&old.voci, firma_voce);
    let mut per_id = pile(&old.voci, |v| v.id.clone());
    let mut cambiate = Vec::new();
    for (j, n) in nuove.iter_mut().enumerate() {
        let k = firma_voce(n);
        let i = prendi(esatte.get_mut(&k), &mut usate).or_else(|| {
            firma_messaggio(&k, &n.message).and_then(|m| prendi(esatte.get_mut(&m), &mut usate))
        });
        if let Some(i) = i {
            n.justification = old.voci[i].justification.clone();
        } else {
            cambiate.push(j);
        }
    }
    for j in cambiate {
        let n = &mut nuove[j];
        if let Some(i) = prendi(per_id.get_mut(&n.id), &mut usate) {
            let g = &old.voci[i].justification;
            if !g.is_empty() {
                n.justification = if g.ends_with(RIVEDERE) {
                    g.clone()
                } else {
                    format!("{g} {RIVEDERE}")
                };
            }
        }
    }
    let altre = old
        .voci
        .iter()
        .zip(&usate)
        .filter(|(v, &u)| !u && !visti.contains(&v.id.report))
        .map(|(v, _)| Voce {
            span: 0..0,
            ..v.clone()
        });
    nuove.extend(altre);
    nuove
}

/// Appended to a justification carried over to a finding whose amounts changed.
pub const RIVEDERE: &str = "[review: the amounts changed]";

#[cfg(test)]
mod tests {
    use super::*;

    fn v(rule: &str, subject: &str, amount: &str, why: &str) -> Voce {
        Voce {
            id: Identita {
                rule: rule.into(),
                report: "2022 DIR07".into(),
                subject: subject.into(),
            },
            amounts: vec![("difference".into(), amount.into())],
            severity: "error".into(),
            message: "m \"quoted\"\nnext".into(),
            identity: String::new(),
            justification: why.into(),
            span: 0..0,
        }
    }

    #[test]
    fn written_file_reads_back_the_same_entries() {
        let voci = vec![v("total-mismatch", "1.B|51|Totale", "10.50", "ok: \"x\"")];
        let text = scrivi(&voci);
        let back = leggi(&text).unwrap();
        assert_eq!(back.voci.len(), 1);
        let mut b = back.voci[0].clone();
        // An entry is located at its `[[accepted]]` header.
        assert_eq!(&text[b.span.clone()], "[[accepted]]");
        b.span = 0..0;
        assert_eq!(b, voci[0]);
    }

    #[test]
    fn rewrite_keeps_justification_of_same_identity() {
        let old = Baseline {
            voci: vec![v("r", "k", "1", "because")],
        };
        let mut altro = v("r", "k", "1", "other report");
        altro.id.report = "2022 DIR09".into();
        let old = Baseline {
            voci: vec![old.voci[0].clone(), altro.clone()],
        };
        let visti = std::collections::HashSet::from(["2022 DIR07".to_string()]);
        let out = unisci(
            Some(&old),
            vec![v("r", "k", "2", ""), v("r", "other", "1", "")],
            &visti,
        );
        assert_eq!(out[0].justification, format!("because {RIVEDERE}"));
        assert_eq!(out[1].justification, "");
        // The entry of a report not checked is kept as it was.
        assert_eq!(out.len(), 3);
        assert_eq!(out[2], altro);
    }

    fn finding(rule: &str, key: u32, amount: Option<&str>, message: &str) -> Finding {
        let mut f = Finding::new(rule, Severity::Warning, Span::new(0, 0), message);
        f.key = Some(crate::codes::ChiavePeg {
            capitolo: key,
            articolo: 2,
            numero: 0,
        });
        if let Some(a) = amount {
            f.amounts = vec![("previsione".into(), a.parse().unwrap())];
        }
        f
    }

    #[test]
    fn exact_matches_win_whatever_the_order_of_findings() {
        let doc = Documento { reports: vec![] };
        let voci: Vec<Voce> = ["1000", "2000"]
            .iter()
            .map(|a| voce(&finding("r", 1, Some(a), "m"), &doc, b""))
            .collect();
        let b = Baseline { voci };
        // A third chapter with the same key comes first.
        let mut fs = vec![
            finding("r", 1, Some("3000"), "m"),
            finding("r", 1, Some("1000"), "m"),
            finding("r", 1, Some("2000"), "m"),
        ];
        let mut c = Confronto::new(&b);
        let esito = c.applica(&mut fs, &doc, b"");
        assert_eq!(
            esito,
            Applicato {
                nascosti: 2,
                cambiati: 0
            }
        );
        assert_eq!(fs.len(), 1);
        assert_eq!(fs[0].amounts[0].1.to_string(), "3000");
        assert_eq!(fs[0].help, "");
    }

    #[test]
    fn without_amounts_the_message_must_match() {
        let doc = Documento { reports: vec![] };
        let old = finding(
            "missione-programma-unknown",
            1,
            None,
            "classified under 12 10",
        );
        let b = Baseline {
            voci: vec![voce(&old, &doc, b"")],
        };
        let mut fs = vec![finding(
            "missione-programma-unknown",
            1,
            None,
            "classified under 12 99",
        )];
        let esito = Confronto::new(&b).applica(&mut fs, &doc, b"");
        assert_eq!(
            esito,
            Applicato {
                nascosti: 0,
                cambiati: 1
            }
        );
        assert_eq!(
            fs[0].help,
            "the baseline accepted this finding as `classified under 12 10`; review it again"
        );
        let mut same = vec![old.clone()];
        assert_eq!(Confronto::new(&b).applica(&mut same, &doc, b"").nascosti, 1);
    }

    #[test]
    fn amounts_are_plain_decimals() {
        assert_eq!(
            decimale("-1234.50").map(|d| d.to_string()),
            Some("-1234.50".into())
        );
        assert_eq!(decimale("7").map(|d| d.to_string()), Some("7".into()));
        for bad in ["1e5", "1.", ".5", "1,5", "", "-", "1.2.3", "+1"] {
            assert_eq!(decimale(bad), None, "{bad}");
        }
    }

    #[test]
    fn bad_entries_are_located() {
        let text =
            "version = 1\n[[accepted]]\nrule = \"r\"\nsubjet = \"x\"\namounts = { a = \"1,5\" }\n";
        let errs = leggi(text).unwrap_err();
        let msgs: Vec<(String, &str)> = errs
            .iter()
            .map(|e| (e.message.clone(), &text[e.span.clone()]))
            .collect();
        assert_eq!(
            msgs,
            vec![
                (
                    "`[[accepted]]` entry without `report`".to_string(),
                    "[[accepted]]"
                ),
                (
                    "`[[accepted]]` entry without `subject`".to_string(),
                    "[[accepted]]"
                ),
                ("unknown key `subjet`".to_string(), "subjet"),
                ("`1,5` is not an amount".to_string(), "\"1,5\""),
            ]
        );
    }
}
