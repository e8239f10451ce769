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
        "# {}\n\n{}\n",
        crate::tr!("report-title", file = md(&r.file)),
        md(&r.sommario())
    );
    if let Some(c) = &r.carta {
        super::carta::md_testa(&mut s, c, &r.file, r.versione);
    }
    let _ = writeln!(s, "## {}\n", crate::tr!("report-reports"));
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
            "| {} | {} | {} | {} | {} |\n|---|---|---:|---:|{}",
            crate::tr!("report-col-section"),
            crate::tr!("report-col-title"),
            crate::tr!("report-col-rows"),
            crate::tr!("report-col-of-which-v"),
            heads
                .iter()
                .map(|h| crate::tr!("report-col-sum-of-rows", column = md(h)))
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
    let _ = writeln!(s, "## {}\n", crate::tr!("report-findings"));
    if r.gruppi_findings.is_empty() {
        let _ = writeln!(s, "{}\n", crate::tr!("report-no-finding"));
    }
    for g in &r.gruppi_findings {
        let _ = writeln!(
            s,
            "### {} `{}` ({})\n\n{}\n\n| {} | {} | {} | {} |\n|---:|---|---|---|",
            crate::tr!("report-severity", severity = g.severity.as_str()),
            g.rule,
            g.voci.len(),
            md(&g.sommario),
            crate::tr!("report-col-line"),
            crate::tr!("report-col-chapter"),
            crate::tr!("report-col-finding"),
            crate::tr!("report-col-lines")
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
    let _ = writeln!(s, "## {}\n", crate::tr!("report-vincoli"));
    for sc in &r.schede {
        let heads = intestazioni(sc.anno);
        let _ = writeln!(
            s,
            "### {} · {}\n\n| {} | {} | {} | {} | {} |\n|---|---|---|---|{}",
            md(&sc.direzione),
            crate::tr!("report-groups-count", n = sc.vincoli.len()),
            crate::tr!("report-col-group"),
            crate::tr!("report-col-confidence"),
            crate::tr!("report-col-revenue"),
            crate::tr!("report-col-spending"),
            heads
                .iter()
                .map(|h| crate::tr!("report-col-difference", column = md(h)))
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
                md(&v.fiducia_testo),
                lista(&v.entrate),
                lista(&v.spese),
                diffs.join(" | ")
            );
        }
        s.push('\n');
    }
    let _ = writeln!(s, "## {}\n", crate::tr!("report-missioni"));
    for sc in &r.schede {
        let heads = intestazioni(sc.anno);
        let _ = writeln!(
            s,
            "### {}\n\n| {} | {} |\n|---|{}",
            md(&sc.direzione),
            crate::tr!("report-col-missione-programma"),
            heads.iter().map(|h| md(h)).collect::<Vec<_>>().join(" | "),
            "---:|".repeat(heads.len())
        );
        for m in &sc.missioni {
            let v: Vec<String> = m.importi.iter().map(|x| italiano(*x)).collect();
            let _ = writeln!(s, "| {} {} | {} |", m.codice, md(&m.nome), v.join(" | "));
        }
        s.push('\n');
    }
    if let Some(c) = &r.carta {
        super::carta::md_coda(&mut s, c);
    }
    out.write_all(s.as_bytes())
}
