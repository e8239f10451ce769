//! The audit report as one self-contained HTML page: inline CSS and SVG, no
//! script, and a Content-Security-Policy that forbids loading anything, so
//! the page shows the same offline and a hostile description cannot run.

use std::fmt::Write as _;
use std::io::{self, Write};

use rust_decimal::Decimal;

use super::{intestazioni, Rapporto, Scheda};
use crate::amount::italiano;
use crate::diagnostic::Severity;
use crate::escape::html as esc;

const CSS: &str = r#"
body{font:14px/1.45 system-ui,sans-serif;color:#1d1d1d;margin:0 auto;max-width:1200px;padding:1em 2em}
h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;margin:.6em 0;width:100%}th,td{border:1px solid #ccc;padding:3px 6px;vertical-align:top;text-align:left}
th{background:#f3f3f3}td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.sev.error{color:#b00020}.sev.warning{color:#8a5300}.sev.info{color:#35577d}
.sev{font-weight:bold;text-transform:uppercase;font-size:.85em}
tr.finding.error td:first-child{border-left:4px solid #b00020}tr.finding.warning td:first-child{border-left:4px solid #e0a000}
.righe{font:12px ui-monospace,monospace;color:#444;margin:.3em 0;padding-left:1em;white-space:pre-wrap;overflow-wrap:anywhere}
table.importi{width:auto;font-size:12px}table.importi td{border:0;padding:1px 4px}
details.rule{margin:.8em 0}summary{cursor:pointer;font-size:1.05em}
.vincoli td.d{background:#fdecea}.vincoli td.k{font:12px ui-monospace,monospace;white-space:nowrap}.meta{color:#555}
nav a{margin-right:1em}table.carta th{width:14em}div.note{border:1px solid #ccc;min-height:12em}p.firma{margin-top:3em}figure{margin:1em 0;overflow-x:auto}
@media print{nav{display:none}h2{break-before:page}}
"#;

/// The CSP of the page: nothing may be fetched, nothing may run.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

fn num(v: Decimal) -> String {
    format!(r#"<td class="n">{}</td>"#, italiano(v))
}

/// Write the page.
pub fn write(out: &mut dyn Write, r: &Rapporto) -> io::Result<()> {
    let mut s = String::with_capacity(64 * 1024);
    let _ = write!(
        s,
        r##"<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{}</title>
<style>{CSS}</style>
</head>
<body>
<h1>{}</h1>
<p class="meta">{}</p>
<nav><a href="#reports">{}</a><a href="#findings">{}</a><a href="#vincoli">{}</a><a href="#missioni">{}</a></nav>
"##,
        crate::tr!("report-page-title", file = esc(&r.file)),
        crate::tr!("report-title", file = esc(&r.file)),
        esc(&r.sommario()),
        crate::tr!("report-nav-reports"),
        crate::tr!("report-nav-findings"),
        crate::tr!("report-nav-vincoli"),
        crate::tr!("report-nav-missioni"),
        lang = crate::lingua::corrente().codice(),
    );
    if let Some(c) = &r.carta {
        super::carta::html_testa(&mut s, c, &r.file, r.versione);
    }
    let _ = writeln!(
        s,
        "<section id=\"reports\">\n<h2>{}</h2>",
        crate::tr!("report-reports")
    );
    for (n, sc) in r.schede.iter().enumerate() {
        identita(&mut s, n, sc);
    }
    s.push_str("</section>\n");
    findings(&mut s, r);
    let _ = writeln!(
        s,
        "<section id=\"vincoli\">\n<h2>{}</h2>",
        crate::tr!("report-vincoli")
    );
    for sc in &r.schede {
        vincoli(&mut s, sc);
    }
    let _ = writeln!(
        s,
        "</section>\n<section id=\"missioni\">\n<h2>{}</h2>",
        crate::tr!("report-missioni")
    );
    for sc in &r.schede {
        missioni(&mut s, sc);
    }
    s.push_str("</section>\n");
    if let Some(c) = &r.carta {
        super::carta::html_coda(&mut s, c);
    }
    s.push_str("</body>\n</html>\n");
    out.write_all(s.as_bytes())
}

fn identita(s: &mut String, n: usize, sc: &Scheda) {
    let _ = write!(
        s,
        r#"<article class="report" id="report-{n}"><h3>{} · {}</h3><p class="meta">{}</p>
<table class="sezioni"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"#,
        esc(&sc.direzione),
        sc.anno.map_or("?".to_string(), |a| a.to_string()),
        esc(&sc.titolo),
        crate::tr!("report-col-section"),
        crate::tr!("report-col-title"),
        crate::tr!("report-col-rows"),
        crate::tr!("report-col-of-which-v"),
    );
    for h in intestazioni(sc.anno) {
        let _ = write!(
            s,
            "<th>{}</th>",
            crate::tr!("report-col-sum-of-rows", column = esc(&h))
        );
    }
    s.push_str("</tr></thead><tbody>\n");
    for z in &sc.sezioni {
        let _ = write!(
            s,
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>",
            z.codice, z.titolo, z.righe, z.vincolate
        );
        let heads = intestazioni(sc.anno);
        for h in &heads {
            match z.somme.iter().find(|x| &x.0 == h) {
                Some(x) => s.push_str(&num(x.1)),
                None => s.push_str("<td class=\"n\">-</td>"),
            }
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody></table></article>\n");
}

fn findings(s: &mut String, r: &Rapporto) {
    let _ = writeln!(
        s,
        "<section id=\"findings\">\n<h2>{}</h2>",
        crate::tr!("report-findings")
    );
    if r.gruppi_findings.is_empty() {
        let _ = writeln!(s, "<p>{}</p>", crate::tr!("report-no-finding"));
    }
    for g in &r.gruppi_findings {
        let sev = g.severity.as_str();
        let _ = write!(
            s,
            r#"<details class="rule" {}><summary><span class="sev {sev}">{}</span> <code>{}</code> · {} · {}</summary>
<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>
"#,
            if g.severity == Severity::Info {
                ""
            } else {
                "open"
            },
            crate::tr!("report-severity", severity = sev),
            esc(&g.rule),
            crate::tr!("report-findings-count", n = g.voci.len()),
            esc(&g.sommario),
            crate::tr!("report-col-line"),
            crate::tr!("report-col-chapter"),
            crate::tr!("report-col-finding"),
            crate::tr!("report-col-amounts"),
        );
        for v in &g.voci {
            let _ = write!(
                s,
                r#"<tr class="finding {sev}"><td class="n">{}</td><td>{}</td><td>{}<pre class="righe">{:>5} │ {}"#,
                v.riga.0,
                esc(v.chiave.as_deref().unwrap_or("")),
                esc(&v.messaggio),
                v.riga.0,
                esc(&v.riga.1)
            );
            for (n, t, why) in &v.correlate {
                let _ = write!(s, "\n{n:>5} │ {}\n      ╰ {}", esc(t), esc(why));
            }
            s.push_str("</pre>");
            if !v.help.is_empty() {
                let _ = write!(
                    s,
                    "<br><em>{}</em>",
                    crate::tr!("report-help", help = esc(&v.help))
                );
            }
            s.push_str("</td><td><table class=\"importi\">");
            for (k, a) in &v.importi {
                let _ = write!(s, "<tr><td>{}</td>{}</tr>", esc(k), num(*a));
            }
            s.push_str("</table></td></tr>\n");
        }
        s.push_str("</tbody></table></details>\n");
    }
    s.push_str("</section>\n");
}

fn vincoli(s: &mut String, sc: &Scheda) {
    let heads = intestazioni(sc.anno);
    let _ = write!(
        s,
        r#"<h3>{} · {}</h3>
<table class="vincoli"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"#,
        esc(&sc.direzione),
        crate::tr!("report-groups-count", n = sc.vincoli.len()),
        crate::tr!("report-col-group"),
        crate::tr!("report-col-confidence"),
        crate::tr!("report-col-revenue-chapters"),
        crate::tr!("report-col-spending-chapters"),
    );
    for h in &heads {
        let _ = write!(
            s,
            "<th>{}<br>{}</th>",
            esc(h),
            crate::tr!("report-col-in-out-difference")
        );
    }
    s.push_str("</tr></thead><tbody>\n");
    for v in &sc.vincoli {
        // Keys only, the description in the tooltip: the table stays narrow.
        let lista = |xs: &[(String, String)]| {
            xs.iter()
                .map(|(k, t)| format!(r#"<span title="{}">{}</span>"#, esc(t), esc(k)))
                .collect::<Vec<_>>()
                .join("<br>")
        };
        let _ = write!(
            s,
            r#"<tr class="gruppo{}"><td>{}</td><td>{}</td><td class="k">{}</td><td class="k">{}</td>"#,
            if v.squilibrato() { " squilibrato" } else { "" },
            esc(&v.nome),
            esc(&v.fiducia_testo),
            lista(&v.entrate),
            lista(&v.spese)
        );
        for x in &v.saldi {
            let (a, b, d) = (&x.entrate, &x.spese, &x.differenza);
            let off = d.is_some_and(|d| !d.is_zero());
            let f = |x: &Option<Decimal>| x.map_or("-".to_string(), italiano);
            let _ = write!(
                s,
                r#"<td class="n{}">{}<br>{}<br><b>{}</b></td>"#,
                if off { " d" } else { "" },
                f(a),
                f(b),
                f(d)
            );
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody></table>\n");
    if !sc.soli.is_empty() {
        let _ = write!(
            s,
            "<p>{}</p><ul class=\"soli\">",
            crate::tr!("report-in-no-group")
        );
        for (lato, k, t) in &sc.soli {
            let lato = crate::tr!("side", side = *lato);
            let _ = write!(s, "<li>{lato} {} {}</li>", esc(k), esc(t));
        }
        s.push_str("</ul>\n");
    }
    let _ = writeln!(
        s,
        "<figure>{}<figcaption>{}</figcaption></figure>",
        sc.svg_grafo,
        crate::tr!("report-graph-caption")
    );
}

fn missioni(s: &mut String, sc: &Scheda) {
    let heads = intestazioni(sc.anno);
    let _ = write!(
        s,
        "<h3>{}</h3><figure>{}<figcaption>{}</figcaption></figure>\n<table class=\"missioni\"><thead><tr><th>{}</th>",
        esc(&sc.direzione),
        sc.svg_missioni,
        crate::tr!("report-missioni-caption"),
        crate::tr!("report-col-missione-programma"),
    );
    for h in &heads {
        let _ = write!(s, "<th>{}</th>", esc(h));
    }
    s.push_str("</tr></thead><tbody>\n");
    for m in &sc.missioni {
        let _ = write!(
            s,
            "<tr><td>{} {}</td>",
            esc(&m.codice.to_string()),
            esc(&m.nome)
        );
        for v in m.importi {
            s.push_str(&num(v));
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody></table>\n");
}
