//! The one place where a finding's fate is decided: the rule's configured
//! severity, its scope, and `--deny warnings`. Rules never set severities
//! themselves (as in cargo-deny). The sink knows a rule only through
//! [`Politica`], what it needs of each (built from the rule set by
//! `rules`), so it imports nothing from `config` or `rules`.

use rustc_hash::FxHashMap as HashMap;

use crate::diagnostic::Severity;
use rust_decimal::Decimal;

use crate::ast::{Colonna, SezioneId};
use crate::finding::{Finding, Related, MAX_CAUSE};
use crate::lang::selector::Glob;
use crate::span::Span;

/// A suspected slip: the row, the column, the correction.
type Slip = (Span, Colonna, Decimal);

/// What the sink needs of one rule: whether it is on, its configured
/// severity and its scope.
#[derive(Debug, Clone, Copy)]
pub struct Voce<'r> {
    /// The rule is enabled.
    pub enabled: bool,
    /// Its configured severity.
    pub severity: Severity,
    /// Sections it applies to (empty: all).
    pub sezioni: &'r [SezioneId],
    /// Settori it applies to (empty: all).
    pub settori: &'r [u32],
    /// PEG key pattern it applies to.
    pub chiave: Option<&'r Glob>,
}

/// The policy of a run: each rule id with its [`Voce`].
#[derive(Debug, Clone, Default)]
pub struct Politica<'r> {
    voci: HashMap<&'r str, Voce<'r>>,
}

impl<'r> Politica<'r> {
    /// A policy with these rules (a later id replaces an earlier one).
    pub fn nuova(voci: impl IntoIterator<Item = (&'r str, Voce<'r>)>) -> Self {
        Politica {
            voci: voci.into_iter().collect(),
        }
    }
}

/// Collects the findings of one file.
pub struct Sink<'r> {
    rules: HashMap<&'r str, Voce<'r>>,
    deny_warnings: bool,
    findings: Vec<Finding>,
}

/// Counts by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Conteggi {
    /// Error findings.
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
    /// Info findings.
    pub infos: usize,
}

impl Conteggi {
    /// Count a list of findings.
    pub fn of(findings: &[Finding]) -> Conteggi {
        let mut c = Conteggi::default();
        for f in findings {
            c.add(f.severity);
        }
        c
    }

    /// Count one more.
    pub fn add(&mut self, s: Severity) {
        match s {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }

    /// Sum of two counts.
    pub fn plus(self, o: Conteggi) -> Conteggi {
        Conteggi {
            errors: self.errors + o.errors,
            warnings: self.warnings + o.warnings,
            infos: self.infos + o.infos,
        }
    }
}

impl<'r> Sink<'r> {
    /// A sink for this policy and `--deny warnings`.
    pub fn new(politica: Politica<'r>, deny_warnings: bool) -> Self {
        Sink {
            rules: politica.voci,
            deny_warnings,
            findings: Vec::new(),
        }
    }

    /// Take a finding: drop it when its rule is off or it is out of the rule's
    /// scope, else give it the configured severity. Findings of codes that are
    /// not rules (parse diagnostics) keep their own severity.
    pub fn push(&mut self, mut f: Finding) {
        if let Some(rule) = self.rules.get(f.rule.as_str()) {
            if !rule.enabled || !in_scope(rule, &f) {
                return;
            }
            f.severity = (0..f.attenuazione).fold(rule.severity, |s, _| match s {
                Severity::Error => Severity::Warning,
                _ => Severity::Info,
            });
        }
        if self.deny_warnings && f.severity == Severity::Warning {
            f.severity = Severity::Error;
        }
        self.findings.push(f);
    }

    /// The findings kept since `from` (one report's), for the checks that
    /// read them together.
    pub fn dal(&mut self, from: usize) -> &mut [Finding] {
        &mut self.findings[from..]
    }

    /// Number of findings kept so far.
    pub fn len(&self) -> usize {
        self.findings.len()
    }

    /// True when no finding was kept.
    pub fn is_empty(&self) -> bool {
        self.findings.is_empty()
    }

    /// Corroborate the findings kept since `from` (one report's): a row that
    /// two or more findings suspect of the same mistyped digit (same column,
    /// same correction) is named first among the likely causes of each.
    pub fn corrobora(&mut self, from: usize) {
        let mut per_row: HashMap<Slip, Vec<usize>> = HashMap::default();
        for (i, f) in self.findings.iter().enumerate().skip(from) {
            for s in &f.sospetti {
                let v = per_row
                    .entry((s.span, s.colonna, s.correzione))
                    .or_default();
                if v.last() != Some(&i) {
                    v.push(i);
                }
            }
        }
        // Each finding names the suspects that the most checks share, when
        // they are few: a units-digit slip makes nearly every row a suspect
        // of each check, but only the real row is suspected by all of them.
        let mut best: HashMap<usize, (usize, Vec<Slip>)> = HashMap::default();
        for (key, idx) in per_row.into_iter().filter(|(_, v)| v.len() > 1) {
            for &i in &idx {
                let e = best.entry(i).or_insert((0, Vec::new()));
                if idx.len() > e.0 {
                    *e = (idx.len(), vec![key]);
                } else if idx.len() == e.0 {
                    e.1.push(key);
                }
            }
        }
        for (i, (n, mut keys)) in best {
            if keys.len() > MAX_CAUSE {
                continue;
            }
            keys.sort_by_key(|(span, ..)| std::cmp::Reverse(span.start));
            let f = &mut self.findings[i];
            for (span, colonna, correzione) in keys {
                let Some(s) = f
                    .sospetti
                    .iter()
                    .find(|s| s.span == span && s.colonna == colonna && s.correzione == correzione)
                else {
                    continue;
                };
                let message = crate::tr!("hint-corroborated", hint = &s.messaggio, n = n);
                let span = s.cifra;
                f.related.retain(|r| r.span != span);
                f.related.insert(
                    0,
                    Related {
                        span,
                        message: message.into(),
                    },
                );
            }
        }
    }

    /// The findings, ordered by position, then rule.
    pub fn finish(mut self) -> Vec<Finding> {
        ordina(&mut self.findings);
        self.findings
    }

    /// Take out the findings whose primary location starts before
    /// `frontiera`, in the order [`Sink::finish`] gives them; the others
    /// stay. When no finding given later can start before `frontiera`,
    /// writing what this returns, report after report, writes exactly what
    /// [`Sink::finish`] orders (the sort is stable, and is applied to the
    /// same findings in the same order of arrival).
    pub fn prendi_prima(&mut self, frontiera: usize) -> Vec<Finding> {
        let (mut pronti, resto): (Vec<_>, Vec<_>) = std::mem::take(&mut self.findings)
            .into_iter()
            .partition(|f| f.span.start < frontiera);
        self.findings = resto;
        ordina(&mut pronti);
        pronti
    }
}

/// The order of findings: by position, then rule (stable).
fn ordina(findings: &mut [Finding]) {
    findings.sort_by(|a, b| (a.span.start, &a.rule).cmp(&(b.span.start, &b.rule)));
}

fn in_scope(s: &Voce<'_>, f: &Finding) -> bool {
    (s.sezioni.is_empty() || f.context.sezione.is_some_and(|x| s.sezioni.contains(&x)))
        && (s.settori.is_empty() || f.context.settore.is_some_and(|x| s.settori.contains(&x)))
        && s.chiave
            .as_ref()
            .is_none_or(|g| f.key.is_some_and(|k| g.matches(&k.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sink_con(posizioni: &[(usize, &str)]) -> Sink<'static> {
        let mut s = Sink::new(Politica::default(), false);
        for &(at, rule) in posizioni {
            s.push(Finding::new(
                rule,
                Severity::Info,
                Span::new(at, at + 1),
                format!("{rule}@{at}"),
            ));
        }
        s
    }

    fn nomi(fs: &[Finding]) -> Vec<&str> {
        fs.iter().map(|f| f.message.as_str()).collect()
    }

    /// `ordina` gives the stable sort by position, then rule, on every
    /// order of arrival of findings with equal keys among them.
    #[test]
    fn ordina_is_the_stable_sort_by_position_and_rule() {
        let chiavi = [(3, "b"), (1, "a"), (3, "a"), (1, "a"), (2, "c"), (3, "b")];
        let mut casi = 0;
        for giro in 0..720usize {
            // The giro-th permutation of the six findings (factorial base).
            let mut resto: Vec<usize> = (0..6).collect();
            let mut n = giro;
            let mut perm = Vec::new();
            for k in (1..=6).rev() {
                perm.push(resto.remove(n % k));
                n /= k;
            }
            let mut fs: Vec<Finding> = perm
                .iter()
                .map(|&i| {
                    let (at, rule) = chiavi[i];
                    Finding::new(rule, Severity::Info, Span::new(at, at), format!("{i}"))
                })
                .collect();
            let mut attesi = fs.clone();
            attesi.sort_by(|a, b| (a.span.start, &a.rule).cmp(&(b.span.start, &b.rule)));
            ordina(&mut fs);
            assert_eq!(nomi(&fs), nomi(&attesi), "{perm:?}");
            casi += 1;
        }
        assert_eq!(casi, 720);
    }

    /// The findings before the frontier come out ordered by position, then
    /// rule; the others stay, in their order of arrival; all of them when
    /// all are before it.
    #[test]
    fn prendi_prima_takes_the_findings_before_the_frontier() {
        let arrivo = [
            (30, "b"),
            (5, "z"),
            (40, "a"),
            (5, "a"),
            (12, "c"),
            (30, "a"),
        ];
        let mut s = sink_con(&arrivo);
        let presi = s.prendi_prima(30);
        assert_eq!(nomi(&presi), ["a@5", "z@5", "c@12"]);
        assert_eq!(nomi(&s.findings), ["b@30", "a@40", "a@30"]);
        let presi = s.prendi_prima(usize::MAX);
        assert_eq!(nomi(&presi), ["a@30", "b@30", "a@40"]);
        assert!(s.findings.is_empty());
        let mut s = sink_con(&arrivo);
        assert!(s.prendi_prima(0).is_empty());
        assert_eq!(s.findings.len(), arrivo.len());
    }
}
