//! What makes the audit report a working paper to file (*carta di lavoro*):
//! the date of the check, the SHA-256 of the file checked, quadra's version
//! and the rule set's files with their hashes, the link file used (or the
//! note that the vincoli were inferred), the checks performed with their
//! outcome, the largest findings by amount, the findings a baseline accepted
//! with their justifications, and room for the auditor's notes and signature.

use std::fmt::Write as _;

use rust_decimal::Decimal;
use sha2::{Digest, Sha256};

use crate::amount::italiano;
use crate::diagnostic::Severity;
use crate::escape::{html as esc, markdown as md};
use crate::finding::Finding;

/// How many findings the ranking by amount lists.
const MAGGIORI: usize = 10;

/// The working paper's record of the check.
pub struct Carta {
    /// Date of the check, written the language's way (`02/12/2026`).
    pub data: String,
    /// SHA-256 of the file checked, hex.
    pub sha256: String,
    /// Each report of the file: (year, Direzione code and name).
    pub documenti: Vec<(String, String)>,
    /// The rule files, built-in first: (name, SHA-256).
    pub regole: Vec<(String, String)>,
    /// The link file: (name, SHA-256), or none (vincoli inferred).
    pub legami: Option<(String, String)>,
    /// Every enabled rule: (id, summary, findings).
    pub controlli: Vec<(String, String, usize)>,
    /// Errors and warnings with the largest difference, largest first.
    pub maggiori: Vec<Maggiore>,
    /// Findings the baseline accepted.
    pub accettate: Vec<Accettata>,
}

/// A finding of the ranking by amount.
pub struct Maggiore {
    /// Severity.
    pub severity: Severity,
    /// Rule id.
    pub rule: String,
    /// The chapter (PEG key), when the finding has one.
    pub chiave: String,
    /// The largest difference, in absolute value.
    pub importo: Decimal,
    /// The message.
    pub messaggio: String,
}

/// A finding accepted by the baseline, as it records it.
pub struct Accettata {
    /// Rule id.
    pub rule: String,
    /// What it is about (PEG key or section|Settore|subject).
    pub subject: String,
    /// The message when accepted.
    pub message: String,
    /// The auditor's justification.
    pub justification: String,
}

/// SHA-256 in hex.
pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .fold(String::with_capacity(64), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// The date of `secs` seconds after 1970-01-01 UTC: (year, month, day).
pub fn giorno(secs: u64) -> (i64, u32, u32) {
    // Howard Hinnant's days-to-civil.
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Now, or `SOURCE_DATE_EPOCH` when set (reproducible reports and tests).
pub fn adesso() -> u64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        })
}

/// The date written the current language's way.
pub fn data(secs: u64) -> String {
    let (y, m, d) = giorno(secs);
    crate::tr!(
        "report-date",
        day = format!("{d:02}"),
        month = format!("{m:02}"),
        year = y.to_string()
    )
}

/// The largest difference a finding states, in absolute value.
fn differenza(f: &Finding) -> Option<Decimal> {
    f.amounts
        .iter()
        .filter(|(k, _)| k.ends_with("_difference"))
        .map(|(_, v)| v.abs())
        .max()
}

/// Errors and warnings ranked by their largest difference; `capitoli` names
/// a finding's chapters.
pub fn maggiori(findings: &[Finding], capitoli: &dyn Fn(&Finding) -> String) -> Vec<Maggiore> {
    let mut v: Vec<Maggiore> = findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .filter_map(|f| {
            Some(Maggiore {
                severity: f.severity,
                rule: f.rule.clone(),
                chiave: capitoli(f),
                importo: differenza(f)?,
                messaggio: f.message.clone(),
            })
        })
        .collect();
    v.sort_by_key(|m| std::cmp::Reverse(m.importo));
    v.truncate(MAGGIORI);
    v
}

/// The checks performed: every enabled rule with its number of findings.
pub fn controlli(
    rules: &crate::config::RuleSet,
    findings: &[Finding],
) -> Vec<(String, String, usize)> {
    rules
        .rules
        .iter()
        .filter(|r| r.enabled)
        .map(|r| {
            let n = findings.iter().filter(|f| f.rule == r.id).count();
            (r.id.clone(), r.summary.clone(), n)
        })
        .collect()
}

fn esito(n: usize) -> String {
    if n == 0 {
        crate::tr!("report-outcome-none")
    } else {
        crate::tr!("report-findings-count", n = n)
    }
}

fn documenti(c: &Carta, e: &dyn Fn(&str) -> String) -> String {
    c.documenti
        .iter()
        .map(|(a, d)| {
            crate::tr!(
                "report-record-document",
                year = a.as_str(),
                direzione = e(d)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn regole_testo(c: &Carta, e: &dyn Fn(&str) -> String) -> String {
    c.regole
        .iter()
        .map(|(n, h)| crate::tr!("report-file-hash", file = e(n), hash = h.as_str()))
        .collect::<Vec<_>>()
        .join("; ")
}

fn legami_testo(c: &Carta, e: &dyn Fn(&str) -> String) -> String {
    match &c.legami {
        Some((n, h)) => crate::tr!("report-file-hash", file = e(n), hash = h.as_str()),
        None => crate::tr!("report-no-link-file"),
    }
}

/// Markdown: the record of the check, the checks and the ranking.
pub fn md_testa(s: &mut String, c: &Carta, file: &str, versione: &str) {
    let _ = writeln!(s, "## {}\n\n| | |\n|---|---|", crate::tr!("report-record"));
    for (k, v) in [
        (crate::tr!("report-record-date"), c.data.clone()),
        (crate::tr!("report-record-file"), md(file)),
        (crate::tr!("report-record-documents"), documenti(c, &md)),
        (crate::tr!("report-record-sha"), format!("`{}`", c.sha256)),
        (crate::tr!("report-record-version"), versione.to_string()),
        (crate::tr!("report-record-rules"), regole_testo(c, &md)),
        (crate::tr!("report-record-links"), legami_testo(c, &md)),
    ] {
        let _ = writeln!(s, "| {k} | {v} |");
    }
    let _ = writeln!(
        s,
        "\n## {}\n\n| {} | {} | {} |\n|---|---|---|",
        crate::tr!("report-checks"),
        crate::tr!("report-col-rule"),
        crate::tr!("report-col-check"),
        crate::tr!("report-col-outcome")
    );
    for (id, summary, n) in &c.controlli {
        let _ = writeln!(s, "| `{id}` | {} | {} |", md(summary), esito(*n));
    }
    let _ = writeln!(s, "\n## {}\n", crate::tr!("report-largest"));
    if c.maggiori.is_empty() {
        let _ = writeln!(s, "{}\n", crate::tr!("report-largest-none"));
        return;
    }
    let _ = writeln!(
        s,
        "| # | {} | {} | {} | {} |\n|---:|---|---|---:|---|",
        crate::tr!("report-col-severity-rule"),
        crate::tr!("report-col-chapter"),
        crate::tr!("report-col-difference-abs"),
        crate::tr!("report-col-message")
    );
    for (i, m) in c.maggiori.iter().enumerate() {
        let _ = writeln!(
            s,
            "| {} | {} `{}` | {} | {} | {} |",
            i + 1,
            crate::tr!("report-severity", severity = m.severity.as_str()),
            m.rule,
            md(&m.chiave),
            italiano(m.importo),
            md(&m.messaggio)
        );
    }
    s.push('\n');
}

/// Markdown: the accepted findings, the notes and the signature.
pub fn md_coda(s: &mut String, c: &Carta) {
    let _ = writeln!(s, "## {}\n", crate::tr!("report-accepted"));
    if c.accettate.is_empty() {
        let _ = writeln!(s, "{}\n", crate::tr!("report-accepted-none"));
    } else {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} |\n|---|---|---|---|",
            crate::tr!("report-col-rule"),
            crate::tr!("report-col-subject"),
            crate::tr!("report-col-message"),
            crate::tr!("report-col-justification")
        );
        for a in &c.accettate {
            let _ = writeln!(
                s,
                "| `{}` | {} | {} | {} |",
                a.rule,
                md(&a.subject),
                md(&a.message),
                md(&a.justification)
            );
        }
        s.push('\n');
    }
    let _ = writeln!(
        s,
        "## {}\n\n&nbsp;\n\n&nbsp;\n\n&nbsp;\n\n{}\n",
        crate::tr!("report-notes"),
        crate::tr!("report-signature")
    );
}

/// HTML: the record of the check, the checks and the ranking.
pub fn html_testa(s: &mut String, c: &Carta, file: &str, versione: &str) {
    let _ = writeln!(
        s,
        "<section id=\"carta\">\n<h2>{}</h2>\n<table class=\"carta\"><tbody>",
        crate::tr!("report-record")
    );
    for (k, v) in [
        (crate::tr!("report-record-date"), esc(&c.data)),
        (crate::tr!("report-record-file"), esc(file)),
        (crate::tr!("report-record-documents"), documenti(c, &esc)),
        (
            crate::tr!("report-record-sha"),
            format!("<code>{}</code>", c.sha256),
        ),
        (crate::tr!("report-record-version"), esc(versione)),
        (crate::tr!("report-record-rules"), regole_testo(c, &esc)),
        (crate::tr!("report-record-links"), legami_testo(c, &esc)),
    ] {
        let _ = writeln!(s, "<tr><th>{k}</th><td>{v}</td></tr>");
    }
    let _ = writeln!(
        s,
        "</tbody></table>\n<h3>{}</h3>\n<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        crate::tr!("report-checks"),
        crate::tr!("report-col-rule"),
        crate::tr!("report-col-check"),
        crate::tr!("report-col-outcome")
    );
    for (id, summary, n) in &c.controlli {
        let _ = writeln!(
            s,
            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td></tr>",
            esc(id),
            esc(summary),
            esito(*n)
        );
    }
    let _ = writeln!(
        s,
        "</tbody></table>\n<h3>{}</h3>",
        crate::tr!("report-largest")
    );
    if c.maggiori.is_empty() {
        let _ = writeln!(s, "<p>{}</p>", crate::tr!("report-largest-none"));
    } else {
        let _ = writeln!(
            s,
            "<table><thead><tr><th>#</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            crate::tr!("report-col-severity-rule"),
            crate::tr!("report-col-chapter"),
            crate::tr!("report-col-difference-abs"),
            crate::tr!("report-col-message")
        );
        for (i, m) in c.maggiori.iter().enumerate() {
            let _ = writeln!(
                s,
                "<tr><td class=\"n\">{}</td><td>{} <code>{}</code></td><td>{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
                i + 1,
                crate::tr!("report-severity", severity = m.severity.as_str()),
                esc(&m.rule),
                esc(&m.chiave),
                italiano(m.importo),
                esc(&m.messaggio)
            );
        }
        s.push_str("</tbody></table>\n");
    }
    s.push_str("</section>\n");
}

/// HTML: the accepted findings, the notes and the signature.
pub fn html_coda(s: &mut String, c: &Carta) {
    let _ = writeln!(
        s,
        "<section id=\"accettati\">\n<h2>{}</h2>",
        crate::tr!("report-accepted")
    );
    if c.accettate.is_empty() {
        let _ = writeln!(s, "<p>{}</p>", crate::tr!("report-accepted-none"));
    } else {
        let _ = writeln!(
            s,
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            crate::tr!("report-col-rule"),
            crate::tr!("report-col-subject"),
            crate::tr!("report-col-message"),
            crate::tr!("report-col-justification")
        );
        for a in &c.accettate {
            let _ = writeln!(
                s,
                "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&a.rule),
                esc(&a.subject),
                esc(&a.message),
                esc(&a.justification)
            );
        }
        s.push_str("</tbody></table>\n");
    }
    let _ = writeln!(
        s,
        "</section>\n<section id=\"note\">\n<h2>{}</h2>\n<div class=\"note\"></div>\n<p class=\"firma\">{}</p>\n</section>",
        crate::tr!("report-notes"),
        crate::tr!("report-signature")
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_hashes() {
        assert_eq!(giorno(0), (1970, 1, 1));
        assert_eq!(giorno(1_669_852_800), (2022, 12, 1));
        assert_eq!(giorno(951_782_400), (2000, 2, 29));
        assert_eq!(
            sha256(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
