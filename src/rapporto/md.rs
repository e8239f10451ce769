//! The audit report as Markdown: the same content as the HTML page, as
//! tables (the pictures are left to the HTML page).

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{intestazioni, Rapporto};
use crate::amount::italiano;
use crate::escape::markdown as md;

/// Write the Markdown report.
pub fn write(out: &mut dyn Write, r: &Rapporto) -> io::Result<()> {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# Audit report: {}\n\n{}\n",
        md(&r.file),
        md(&r.sommario())
    );
    s.push_str("## Reports\n\n");
    for sc in &r.schede {
        let heads = intestazioni(sc.anno);
        let _ = writeln!(
            s,
            "### {} · {}\n\n{}\n",
            md(&sc.direzione),
            sc.anno.map_or("?".to_string(), |a| a.to_string()),
            md(&sc.titolo)
        );
        let _ = writeln!(
            s,
            "| Section | Title | Rows | of which V | {} |\n|---|---|---:|---:|{}",
            heads
                .iter()
                .map(|h| format!("{} (sum of rows)", md(h)))
                .collect::<Vec<_>>()
                .join(" | "),
            "---:|".repeat(heads.len())
        );
        for z in &sc.sezioni {
            let cols: Vec<String> = heads
                .iter()
                .map(|h| {
                    z.somme
                        .iter()
                        .find(|x| &x.0 == h)
                        .map_or("-".to_string(), |x| italiano(x.1))
                })
                .collect();
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} |",
                z.codice,
                z.titolo,
                z.righe,
                z.vincolate,
                cols.join(" | ")
            );
        }
        s.push('\n');
    }
    s.push_str("## Findings\n\n");
    if r.gruppi_findings.is_empty() {
        s.push_str("No finding.\n\n");
    }
    for g in &r.gruppi_findings {
        let _ = writeln!(
            s,
            "### {} `{}` ({})\n\n{}\n\n| Line | Chapter | Finding | Lines of the report |\n|---:|---|---|---|",
            g.severity.as_str(),
            g.rule,
            g.voci.len(),
            md(&g.sommario)
        );
        for v in &g.voci {
            let mut righe = format!("{}: {}", v.riga.0, md(&v.riga.1));
            for (n, t, why) in &v.correlate {
                let _ = write!(righe, "<br>{n}: {} ({})", md(t), md(why));
            }
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} |",
                v.riga.0,
                md(v.chiave.as_deref().unwrap_or("")),
                md(&v.messaggio),
                righe
            );
        }
        s.push('\n');
    }
    s.push_str("## Vincolo groups\n\n");
    for sc in &r.schede {
        let heads = intestazioni(sc.anno);
        let _ = writeln!(
            s,
            "### {} · {} group(s)\n\n| Group | Confidence | Revenue | Spending | {} |\n|---|---|---|---|{}",
            md(&sc.direzione),
            sc.vincoli.len(),
            heads
                .iter()
                .map(|h| format!("{} difference", md(h)))
                .collect::<Vec<_>>()
                .join(" | "),
            "---:|".repeat(heads.len())
        );
        for v in &sc.vincoli {
            let lista = |xs: &[(String, String)]| {
                xs.iter().map(|(k, _)| md(k)).collect::<Vec<_>>().join(", ")
            };
            let diffs: Vec<String> = v
                .saldi
                .iter()
                .map(|x| x.differenza.map_or("-".to_string(), italiano))
                .collect();
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} |",
                md(&v.nome),
                v.fiducia.name(),
                lista(&v.entrate),
                lista(&v.spese),
                diffs.join(" | ")
            );
        }
        s.push('\n');
    }
    s.push_str("## Spending per missione-programma\n\n");
    for sc in &r.schede {
        let heads = intestazioni(sc.anno);
        let _ = writeln!(
            s,
            "### {}\n\n| Missione-programma | {} |\n|---|{}",
            md(&sc.direzione),
            heads.iter().map(|h| md(h)).collect::<Vec<_>>().join(" | "),
            "---:|".repeat(heads.len())
        );
        for m in &sc.missioni {
            let v: Vec<String> = m.importi.iter().map(|x| italiano(*x)).collect();
            let _ = writeln!(s, "| {} {} | {} |", m.codice, md(&m.nome), v.join(" | "));
        }
        s.push('\n');
    }
    out.write_all(s.as_bytes())
}
