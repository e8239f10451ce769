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
pub const MISSIONE_PROGRAMMA_UNKNOWN: &str = "missione-programma-unknown";
/// Rule id.
pub const DUPLICATE_PEG_KEY: &str = "duplicate-peg-key";

fn base(rule: &RuleDef, it: &Item<'_>, message: String) -> Finding {
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
        let cosa = match it.chiave {
            Some(k) => format!("chapter {k}"),
            None => format!("{} row `{}`", it.sezione.code(), it.testo),
        };
        let (message, label) = match p {
            Some(p) if !p.solo_regioni => continue,
            Some(p) => (
                format!("{cosa} is classified under missione-programma {mp} ({}), which only Regioni use", p.nome),
                "programma for Regioni only",
            ),
            None => match c.missione(mp.missione) {
                Some(m) => (
                    format!("{cosa} is classified under missione-programma {mp}: missione {:02} ({m}) has no programma {:02}", mp.missione, mp.programma),
                    "no such programma",
                ),
                None => (
                    format!("{cosa} is classified under missione-programma {mp}: there is no missione {:02}", mp.missione),
                    "no such missione",
                ),
            },
        };
        let mut f = base(rule, it, message);
        f.label = label.to_string();
        f.help = "use a missione-programma of D.Lgs. 118/2011 Allegato 14 (the table is rules/missioni-programmi.toml); a wrong code also misplaces the chapter in 1.D / 2.C".into();
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
                    format!(
                        "PEG key {k} appears more than once in section {}",
                        it.sezione.code()
                    ),
                );
                f.label = "repeated key".into();
                f.help = "a chapter is listed once per section: merge the rows or correct the key (a copy-paste slip doubles the chapter's amounts in every total)".into();
                f.related(first.span, format!("first row with key {k}"));
                sink.push(f);
            }
        }
    }
}
