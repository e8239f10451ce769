//! Family `codes`, the parts that need Rust: missione-programma against the
//! official classification, and PEG keys unique within a section. (The PDC
//! rules are plain conditions, declared in `rules/default.toml`.)

use rustc_hash::FxHashMap as HashMap;

use super::def::RuleDef;
use super::Ctx;
use crate::classification::Classificazione;
use crate::codes::ChiavePeg;
use crate::finding::Finding;
use crate::lang::item::{Genere, Item};
use crate::sink::Sink;

/// Rule id.
pub const MISSIONE_PROGRAMMA_UNKNOWN: &str = crate::catalogo::MISSIONE_PROGRAMMA_UNKNOWN.id;
/// Rule id.
pub const DUPLICATE_PEG_KEY: &str = crate::catalogo::DUPLICATE_PEG_KEY.id;

fn base(rule: &RuleDef, it: &Item<'_>, message: crate::lingua::Testo) -> Finding {
    let mut f = Finding::new(&rule.id, rule.severity, it.span, message);
    f.key = it.chiave;
    f.context.sezione = Some(it.sezione);
    f.context.settore = it.settore;
    f
}

/// `missione-programma-unknown`: every missione-programma of a spending row or
/// of a 1.D / 2.C programma exists in the classification for Comuni.
pub fn check_missione_programma(ctx: &Ctx<'_>, rule: &RuleDef, sink: &mut Sink<'_>) {
    let c = Classificazione::ufficiale();
    for it in ctx.items {
        let Some(mp) = it.missione_programma else {
            continue;
        };
        let p = c.programma(mp);
        if p.is_some_and(|p| !p.solo_regioni) {
            continue;
        }
        // Who, as the catalogue's `mp-what` says it: the chapter, or the summary row.
        let key = it.chiave.map_or("none".to_string(), |k| k.to_string());
        let (section, text) = (it.sezione.code(), it.testo);
        let (message, label) = match p {
            Some(p) if !p.solo_regioni => continue,
            Some(p) => (
                crate::msg!(
                    "mp-regioni",
                    key = &key,
                    section = section,
                    text = text,
                    mp = mp.to_string(),
                    name = &p.nome
                ),
                crate::tr!("mp-regioni-label"),
            ),
            None => match c.missione(mp.missione) {
                Some(m) => (
                    crate::msg!(
                        "mp-no-programma",
                        key = &key,
                        section = section,
                        text = text,
                        mp = mp.to_string(),
                        missione = format!("{:02}", mp.missione),
                        name = m.to_string(),
                        programma = format!("{:02}", mp.programma)
                    ),
                    crate::tr!("mp-no-programma-label"),
                ),
                None => (
                    crate::msg!(
                        "mp-no-missione",
                        key = &key,
                        section = section,
                        text = text,
                        mp = mp.to_string(),
                        missione = format!("{:02}", mp.missione)
                    ),
                    crate::tr!("mp-no-missione-label"),
                ),
            },
        };
        let mut f = base(rule, it, message);
        f.label = label;
        f.help = crate::tr!("mp-help");
        f.context.soggetto = format!("{mp} {}", it.testo);
        sink.push(f);
    }
}

/// `duplicate-peg-key`: a PEG key appears at most once among the rows of a section.
pub fn check_duplicate_key(ctx: &Ctx<'_>, rule: &RuleDef, sink: &mut Sink<'_>) {
    let mut seen: HashMap<(crate::ast::SezioneId, ChiavePeg), &Item<'_>> = HashMap::default();
    for it in ctx.items.iter().filter(|i| i.genere == Genere::Riga) {
        let Some(k) = it.chiave else { continue };
        match seen.get(&(it.sezione, k)) {
            None => {
                seen.insert((it.sezione, k), it);
            }
            Some(first) => {
                let mut f = base(
                    rule,
                    it,
                    crate::msg!(
                        "dup-key-message",
                        key = k.to_string(),
                        section = it.sezione.code()
                    ),
                );
                f.label = crate::tr!("dup-key-label");
                f.help = crate::tr!("dup-key-help");
                f.related(first.span, crate::tr!("dup-key-first", key = k.to_string()));
                sink.push(f);
            }
        }
    }
}
