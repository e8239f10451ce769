//! Pictures drawn by quadra itself as inline SVG, so the audit report needs
//! neither Graphviz nor the network: the vincolo graph and a bar chart of
//! spending per missione-programma. Every text goes through [`crate::escape::html`].
//! Geometry is in whole pixels computed with exact decimals.

use std::collections::HashMap;
use std::fmt::Write as _;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::Missione;
use crate::amount::italiano;
use crate::escape::html as esc;
use crate::span::Span;
use crate::vincoli::Fiducia;

/// A chapter of the graph.
pub struct Nodo {
    /// PEG key.
    pub chiave: String,
    /// Description.
    pub testo: String,
    /// Revenue (left column) or spending (right column).
    pub entrata: bool,
    /// Where the chapter is (its identity in the groups).
    pub span: Span,
}

const LARGHEZZA: u32 = 900;
const BOX: u32 = 330;
const DESTRA: u32 = LARGHEZZA - BOX - 10;
const RIGA: u32 = 24;

fn breve(s: &str, n: usize) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= n {
        s
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}

/// Stroke colour and dash of a link by confidence.
fn tratto(f: Fiducia) -> (&'static str, &'static str) {
    match f {
        Fiducia::Dichiarata => ("#1b5e20", ""),
        Fiducia::Alta => ("#2e7d32", ""),
        Fiducia::Media => ("#b26a00", "6 3"),
        Fiducia::Bassa => ("#c62828", "2 3"),
    }
}

/// The vincolo graph: one band per group, revenue chapters on the left,
/// spending on the right, a line per link coloured by its confidence (its
/// evidence, in the reader's language, in the tooltip).
pub fn grafo(
    nodi: &[Nodo],
    archi: &[(usize, usize, Fiducia, String)],
    gruppi: &[(String, Vec<Span>, Vec<Span>)],
) -> String {
    let per_span: HashMap<(Span, bool), usize> = nodi
        .iter()
        .enumerate()
        .map(|(i, n)| ((n.span, n.entrata), i))
        .collect();
    let mut pos: Vec<Option<(u32, u32)>> = vec![None; nodi.len()];
    let mut corpo = String::new();
    let mut y = 34;
    for (nome, ent, spe) in gruppi {
        let _ = write!(
            corpo,
            r##"<text x="10" y="{}" class="g">{}</text>"##,
            y + 14,
            esc(&breve(nome, 110))
        );
        y += RIGA;
        let righe = ent.len().max(spe.len()) as u32;
        for (lato, spans, x) in [(true, ent, 10), (false, spe, DESTRA)] {
            for (k, s) in spans.iter().enumerate() {
                let Some(&i) = per_span.get(&(*s, lato)) else {
                    continue;
                };
                let yy = y + k as u32 * RIGA;
                pos[i] = Some((x, yy));
                let n = &nodi[i];
                let _ = write!(
                    corpo,
                    r##"<g class="{}"><title>{} {}</title><rect x="{x}" y="{yy}" width="{BOX}" height="20" rx="3"/><text x="{}" y="{}">{} {}</text></g>"##,
                    if lato { "e" } else { "s" },
                    esc(&n.chiave),
                    esc(&n.testo),
                    x + 5,
                    yy + 14,
                    esc(&n.chiave),
                    esc(&breve(&n.testo, 38))
                );
            }
        }
        y += righe * RIGA + 10;
    }
    let mut linee = String::new();
    for (a, b, f, prova) in archi {
        let (Some(pa), Some(pb)) = (pos[*a], pos[*b]) else {
            continue;
        };
        let anchor = |i: usize, p: (u32, u32)| {
            if nodi[i].entrata {
                (p.0 + BOX, p.1 + 10)
            } else {
                (p.0, p.1 + 10)
            }
        };
        let (x1, y1) = anchor(*a, pa);
        let (x2, y2) = anchor(*b, pb);
        let (colore, dash) = tratto(*f);
        let titolo = format!(
            "<title>{}: {}</title>",
            crate::tr!("confidence", level = f.name()),
            esc(prova)
        );
        if nodi[*a].entrata == nodi[*b].entrata {
            // Two chapters of the same side (a declared group joins its
            // revenue chapters): a bow outside the column, not a line
            // hidden along its edge.
            let bx = if nodi[*a].entrata {
                x1 + 40
            } else {
                x1.saturating_sub(40)
            };
            let _ = write!(
                linee,
                r##"<path d="M{x1} {y1} C{bx} {y1} {bx} {y2} {x2} {y2}" fill="none" stroke="{colore}" stroke-width="1.5" stroke-dasharray="{dash}">{titolo}</path>"##
            );
        } else {
            let _ = write!(
                linee,
                r##"<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{colore}" stroke-width="1.5" stroke-dasharray="{dash}">{titolo}</line>"##
            );
        }
    }
    let altezza = y.max(60);
    let mut s = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="grafo" width="{LARGHEZZA}" height="{altezza}" viewBox="0 0 {LARGHEZZA} {altezza}" role="img" aria-label="{}">"##,
        crate::tr!("svg-graph-label")
    );
    s.push_str(
        r##"<style>.g{font:bold 12px sans-serif;fill:#333}text{font:11px sans-serif}.e rect{fill:#e8f5e9;stroke:#2e7d32}.s rect{fill:#e3f2fd;stroke:#1f4e9c}</style>"##,
    );
    let _ = write!(
        s,
        r##"<text x="10" y="16" class="g">revenue (V, 1.A)</text><text x="{DESTRA}" y="16" class="g">spending (V, 1.B)</text>"##
    );
    if gruppi.is_empty() {
        s.push_str(r##"<text x="10" y="46">no vincolo group</text>"##);
    }
    s.push_str(&linee);
    s.push_str(&corpo);
    s.push_str("</svg>");
    s
}

const ETICHETTA: u32 = 360;
const BARRE: u32 = 500;
const COLORI: [&str; 3] = ["#1f4e9c", "#90a4ae", "#e65100"];

/// Pixels of `v` on a scale where `max` is [`BARRE`] (negative as zero).
fn lunghezza(v: Decimal, max: Decimal) -> u32 {
    if max <= Decimal::ZERO || v <= Decimal::ZERO {
        return 0;
    }
    (v * Decimal::from(BARRE) / max)
        .round()
        .to_u32()
        .unwrap_or(BARRE)
        .min(BARRE)
}

/// Forecast, prior forecast and prior actual per missione-programma as
/// grouped horizontal bars, one scale for all.
pub fn barre(missioni: &[Missione], intestazioni: &[String]) -> String {
    let max = missioni
        .iter()
        .flat_map(|m| m.importi)
        .max()
        .unwrap_or(Decimal::ZERO);
    let riga = 30;
    let altezza = 40 + missioni.len() as u32 * riga;
    let larghezza = ETICHETTA + BARRE + 20;
    let mut s = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="barre" width="{larghezza}" height="{altezza}" viewBox="0 0 {larghezza} {altezza}" role="img" aria-label="{}">"##,
        crate::tr!("svg-bars-label")
    );
    s.push_str(r##"<style>text{font:11px sans-serif;fill:#222}</style>"##);
    for (k, h) in intestazioni.iter().enumerate().take(3) {
        let x = ETICHETTA + k as u32 * 170;
        let _ = write!(
            s,
            r##"<rect x="{x}" y="6" width="12" height="12" fill="{}"/><text x="{}" y="16">{}</text>"##,
            COLORI[k],
            x + 16,
            esc(h)
        );
    }
    for (i, m) in missioni.iter().enumerate() {
        let y = 30 + i as u32 * riga;
        let _ = write!(
            s,
            r##"<text x="4" y="{}">{} {}</text>"##,
            y + 15,
            esc(&m.codice.to_string()),
            esc(&breve(&m.nome, 52))
        );
        for (k, v) in m.importi.iter().enumerate() {
            let w = lunghezza(*v, max);
            let _ = write!(
                s,
                r##"<rect x="{ETICHETTA}" y="{}" width="{w}" height="7" fill="{}"><title>{} {}: {}</title></rect>"##,
                y + 2 + k as u32 * 8,
                COLORI[k],
                esc(&m.codice.to_string()),
                esc(intestazioni.get(k).map_or("", |h| h.as_str())),
                italiano(*v)
            );
        }
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_exactly_and_clamp() {
        let max = Decimal::from(1000);
        assert_eq!(lunghezza(Decimal::from(500), max), 250);
        assert_eq!(lunghezza(Decimal::from(1000), max), BARRE);
        assert_eq!(lunghezza(Decimal::from(-5), max), 0);
        assert_eq!(lunghezza(Decimal::from(1), Decimal::ZERO), 0);
    }

    #[test]
    fn graph_text_is_escaped() {
        let nodi = vec![Nodo {
            chiave: "1 2 3".into(),
            testo: "<script>alert(1)</script>".into(),
            entrata: true,
            span: Span::new(0, 1),
        }];
        let s = grafo(
            &nodi,
            &[],
            &[("G1 <b>".into(), vec![Span::new(0, 1)], vec![])],
        );
        assert!(!s.contains("<script"), "{s}");
        assert!(!s.contains("<b>"), "{s}");
        assert!(s.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }
}
