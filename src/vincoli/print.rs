//! Showing vincolo groups: a link file to review and commit (`links
//! suggest`), a table (`links show`), Graphviz DOT and JSON (`graph`).

use std::fmt::Write as _;
use std::io::{self, Write};

use serde_json::{json, Value};

use super::{Grafo, Gruppi, Gruppo, Lato};
use crate::amount::{italiano, macchina};
use crate::ast::Report;
use crate::lang::item::Item;
use crate::span::LineIndex;

/// One report's graph with what is needed to name and locate its chapters.
pub struct Vista<'a, 'g> {
    /// The report.
    pub report: &'a Report,
    /// Its graph.
    pub grafo: &'g Grafo<'a>,
    /// The input, to locate chapters.
    pub bytes: &'a [u8],
    /// Its line index.
    pub index: &'a LineIndex,
}

fn direzione(r: &Report) -> String {
    r.direzione
        .as_ref()
        .map_or_else(|| "?".to_string(), |d| d.codice.clone())
}

fn toml_str(s: &str) -> String {
    // A TOML basic string: escape backslashes and quotes.
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

pub(crate) fn nome_gruppo(i: usize, g: &Gruppo<'_>) -> String {
    if let Some(n) = &g.nome {
        return n.clone();
    }
    let primo = g.entrate.first().or(g.spese.first());
    format!(
        "G{} {}",
        i + 1,
        primo.map(|it| it.testo).unwrap_or_default()
    )
}

/// A link file proposing every group, for a person to review and commit.
pub fn suggerimento(out: &mut dyn Write, path: &str, viste: &[Vista<'_, '_>]) -> io::Result<()> {
    writeln!(out, "{}", crate::tr!("links-suggest-1", path = path))?;
    writeln!(out, "{}", crate::tr!("links-suggest-2"))?;
    writeln!(out, "{}", crate::tr!("links-suggest-3"))?;
    writeln!(out, "version = 1")?;
    for v in viste {
        let gs = v.grafo.gruppi();
        let dir = direzione(v.report);
        // Declared groups are in the link file already: propose the rest.
        for (i, g) in gs
            .gruppi
            .iter()
            .enumerate()
            .filter(|(_, g)| g.fiducia != super::Fiducia::Dichiarata)
        {
            writeln!(out)?;
            writeln!(out, "[[group]]")?;
            writeln!(out, "name = {}", toml_str(&nome_gruppo(i, g)))?;
            if v.report.direzione.is_some() {
                writeln!(out, "direzione = {}", toml_str(&dir))?;
            }
            writeln!(out, "confidence = \"{}\"", g.fiducia.name())?;
            writeln!(out, "evidence = [")?;
            for p in &g.prove {
                writeln!(out, "  {},", toml_str(&p.testo()))?;
            }
            writeln!(out, "]")?;
            let keys = |v: &[&Item<'_>]| {
                v.iter()
                    .map(|it| toml_str(&it.chiave_testo()))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            writeln!(out, "revenue = [{}]", keys(&g.entrate))?;
            writeln!(out, "spending = [{}]", keys(&g.spese))?;
            writeln!(out, "justification = \"\"")?;
        }
        if !gs.entrate_sole.is_empty() || !gs.spese_sole.is_empty() {
            writeln!(out)?;
            writeln!(out, "{}", crate::tr!("links-suggest-unlinked", dir = &dir))?;
            let (e, s) = (
                crate::tr!("links-side", side = "revenue"),
                crate::tr!("links-side", side = "spending"),
            );
            let w = e.chars().count().max(s.chars().count());
            for it in &gs.entrate_sole {
                writeln!(out, "#   {e:<w$} {:<12} {}", it.chiave_testo(), it.testo)?;
            }
            for it in &gs.spese_sole {
                writeln!(out, "#   {s:<w$} {:<12} {}", it.chiave_testo(), it.testo)?;
            }
        }
        for k in &v.grafo.ricerche_interrotte {
            writeln!(
                out,
                "{}",
                crate::tr!("links-suggest-cut", dir = &dir, key = k.to_string())
            )?;
        }
    }
    Ok(())
}

/// `lato` is `revenue` or `spending` (the catalogue's `links-side`).
fn riga_importi(out: &mut String, lato: &str, it: &Item<'_>, v: &Vista<'_, '_>) {
    let etichetta = crate::tr!("links-side", side = lato);
    let l = v.index.locate(v.bytes, it.span);
    let imp: Vec<String> = super::COLONNE
        .iter()
        .map(|c| format!(" {:>16}", italiano(it.importo(*c).unwrap_or_default())))
        .collect();
    let _ = writeln!(
        out,
        "  {etichetta:<8} {:<12} {} {} {:<5} {}",
        it.chiave_testo(),
        imp.join(""),
        crate::tr!("links-line"),
        l.line,
        it.testo
    );
}

/// The groups as a table: each chapter with its amounts, and per group the
/// revenue, spending and difference in every column.
pub fn tabella(out: &mut dyn Write, viste: &[Vista<'_, '_>]) -> io::Result<()> {
    for v in viste {
        let gs = v.grafo.gruppi();
        let anno = v.report.anno.unwrap_or(0);
        let headers: Vec<String> = super::COLONNE
            .iter()
            .map(|c| format!(" {:>16}", c.header(anno)))
            .collect();
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{}",
            crate::tr!(
                "links-header",
                dir = direzione(v.report),
                groups = gs.gruppi.len(),
                revenue = gs.entrate_sole.len(),
                spending = gs.spese_sole.len()
            )
        );
        let _ = writeln!(s, "  {:<8} {:<12} {}", "", "PEG", headers.join(""));
        for (i, g) in gs.gruppi.iter().enumerate() {
            let _ = writeln!(
                s,
                "\n{}",
                match g.fiducia_dichiarata {
                    Some(d) => crate::tr!(
                        "links-group-declared",
                        name = nome_gruppo(i, g),
                        level = d.name(),
                        attenuated = if g.attenuato { "yes" } else { "no" }
                    ),
                    None => crate::tr!(
                        "links-group",
                        name = nome_gruppo(i, g),
                        level = g.fiducia.name()
                    ),
                }
            );
            for p in &g.prove {
                let _ = writeln!(s, "  {}", crate::tr!("links-evidence", text = p.testo()));
            }
            for it in &g.entrate {
                riga_importi(&mut s, "revenue", it, v);
            }
            for it in &g.spese {
                riga_importi(&mut s, "spending", it, v);
            }
            let fmt = |x: Option<rust_decimal::Decimal>| {
                format!(" {:>16}", x.map(italiano).unwrap_or_else(|| "-".into()))
            };
            let ent: Vec<String> = g.totali.iter().map(|t| fmt(t.1)).collect();
            let spe: Vec<String> = g.totali.iter().map(|t| fmt(t.2)).collect();
            let diff: Vec<String> = g
                .totali
                .iter()
                .map(|t| fmt(t.1.zip(t.2).and_then(|(a, b)| a.checked_sub(b))))
                .collect();
            let _ = writeln!(
                s,
                "  {:<21} {}",
                crate::tr!("links-revenue-in"),
                ent.join("")
            );
            let _ = writeln!(
                s,
                "  {:<21} {}",
                crate::tr!("links-spending-out"),
                spe.join("")
            );
            let _ = writeln!(
                s,
                "  {:<21} {}",
                crate::tr!("links-difference"),
                diff.join("")
            );
        }
        if !gs.entrate_sole.is_empty() || !gs.spese_sole.is_empty() {
            let _ = writeln!(s, "\n{}", crate::tr!("links-in-no-group"));
            for it in &gs.entrate_sole {
                riga_importi(&mut s, "revenue", it, v);
            }
            for it in &gs.spese_sole {
                riga_importi(&mut s, "spending", it, v);
            }
        }
        out.write_all(s.as_bytes())?;
        writeln!(out)?;
    }
    Ok(())
}

fn nodo(dir: &str, lato: Lato, it: &Item<'_>) -> String {
    let l = match lato {
        Lato::Entrata => "E",
        Lato::Spesa => "S",
    };
    format!("{dir}/{l} {}", it.chiave_testo())
}

/// Graphviz DOT: nodes named by Direzione, side and PEG key (stable across
/// runs and edits), labelled with the description and the forecast; edges
/// labelled with their evidence.
pub fn dot(out: &mut dyn Write, viste: &[Vista<'_, '_>]) -> io::Result<()> {
    let esc = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
    writeln!(out, "graph vincoli {{")?;
    writeln!(out, "  rankdir=LR;")?;
    writeln!(out, "  node [shape=box, fontsize=10];")?;
    for v in viste {
        let dir = direzione(v.report);
        let g = &v.grafo.g;
        for n in g.node_indices() {
            let c = &g[n];
            let (shape, colore) = match c.lato {
                Lato::Entrata => ("box", "#2b7a0b"),
                Lato::Spesa => ("ellipse", "#1f4e9c"),
            };
            let prev = italiano(
                c.item
                    .importo(crate::ast::Colonna::Previsione)
                    .unwrap_or_default(),
            );
            writeln!(
                out,
                "  \"{}\" [shape={shape}, color=\"{colore}\", label=\"{}\\n{}\\n{}\"];",
                esc(&nodo(&dir, c.lato, c.item)),
                esc(&c.item.chiave_testo()),
                esc(c.item.testo),
                prev
            )?;
        }
        for e in g.edge_indices() {
            let Some((a, b)) = g.edge_endpoints(e) else {
                continue;
            };
            let (a, b) = (&g[a], &g[b]);
            writeln!(
                out,
                "  \"{}\" -- \"{}\" [label=\"{}\", tooltip=\"{}\"];",
                esc(&nodo(&dir, a.lato, a.item)),
                esc(&nodo(&dir, b.lato, b.item)),
                crate::tr!("confidence", level = g[e].fiducia.name()),
                esc(&g[e].prova.testo())
            )?;
        }
    }
    writeln!(out, "}}")
}

fn capitolo_json(it: &Item<'_>, v: &Vista<'_, '_>) -> Value {
    let l = v.index.locate(v.bytes, it.span);
    let amounts: serde_json::Map<String, Value> = super::COLONNE
        .iter()
        .map(|c| {
            (
                c.name().to_string(),
                Value::String(macchina(it.importo(*c).unwrap_or_default())),
            )
        })
        .collect();
    json!({ "key": it.chiave_testo(), "description": it.testo, "line": l.line, "amounts": amounts })
}

/// The groups as JSON (version 1), for other tools.
pub fn json(out: &mut dyn Write, viste: &[Vista<'_, '_>]) -> io::Result<()> {
    let reports: Vec<Value> = viste
        .iter()
        .map(|v| {
            let Gruppi { gruppi, entrate_sole, spese_sole } = v.grafo.gruppi();
            let groups: Vec<Value> = gruppi
                .iter()
                .enumerate()
                .map(|(i, g)| {
                    let totals: serde_json::Map<String, Value> = g
                        .totali
                        .iter()
                        .map(|(c, e, s)| {
                            let d = e.zip(*s).and_then(|(a, b)| a.checked_sub(b));
                            (
                                c.name().to_string(),
                                json!({
                                    "revenue": e.map(macchina),
                                    "spending": s.map(macchina),
                                    "difference": d.map(macchina),
                                }),
                            )
                        })
                        .collect();
                    json!({
                        "name": nome_gruppo(i, g),
                        "confidence": g.fiducia.name(),
                        "declared_confidence": g.fiducia_dichiarata.map(|f| f.name()),
                        "attenuated": g.attenuato,
                        "evidence": g.prove,
                        "revenue": g.entrate.iter().map(|it| capitolo_json(it, v)).collect::<Vec<_>>(),
                        "spending": g.spese.iter().map(|it| capitolo_json(it, v)).collect::<Vec<_>>(),
                        "totals": totals,
                    })
                })
                .collect();
            json!({
                "direzione": direzione(v.report),
                "groups": groups,
                "unmatched_revenue": entrate_sole.iter().map(|it| capitolo_json(it, v)).collect::<Vec<_>>(),
                "unmatched_spending": spese_sole.iter().map(|it| capitolo_json(it, v)).collect::<Vec<_>>(),
                "searches_cut": v.grafo.ricerche_interrotte,
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &json!({ "version": 1, "reports": reports }))
        .map_err(io::Error::other)?;
    writeln!(out)
}
