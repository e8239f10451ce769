//! Inferred links between V revenue and V spending, strongest evidence first:
//!
//! 1. identical amounts in every column (forecast, prior forecast, actual);
//! 2. a set of spending chapters of the same Settore whose amounts sum exactly
//!    to a revenue chapter's in every column (a bounded search: never
//!    exponential, and a search that hits its budget is reported);
//! 3. a funding programme named in both descriptions (the dictionary in
//!    `rules/programmi-finanziamento.toml`), in the same Settore, when the
//!    source of the money agrees (`FIN.TO STATALE` with a transfer from the
//!    State, `FIN.TO REGIONALE` with the Region: the revenue's PDC says which).

use rustc_hash::FxHashMap as HashMap;

use petgraph::graph::{NodeIndex, UnGraph};
use rust_decimal::Decimal;

use super::dizionario::Dizionario;
use super::links::FileLegami;
use super::{importi, Capitolo, ChiaveImporti, Fiducia, Grafo, Lato, Legame, Prova};
use crate::amount::in_centesimi;
use crate::ast::SezioneId;
use crate::codes::ChiavePeg;
use crate::lang::item::{Genere, Item};

/// Steps a subset-sum search may take for one revenue chapter.
pub const BUDGET_SOMMA: usize = 20_000;

/// Most spending chapters one exact sum may combine (and the search's depth).
pub const MAX_PARTI: usize = 8;

/// Spending chapters (the largest not above the target) an exact-sum search
/// looks at.
pub const FINESTRA: usize = 256;

/// Programme groups larger than this (revenue x spending pairs) are linked
/// without checking sources pair by pair, to stay linear.
const MAX_COPPIE: usize = 10_000;

/// Where the money of a revenue chapter comes from, read from its PDC, or the
/// source a spending description declares (`FIN.TO STATALE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fonte {
    /// The State and central administrations (PDC E.2.01.01.01).
    Stato,
    /// The Region (PDC E.2.01.01.02.001).
    Regione,
    /// Anyone else: local bodies, the EU, private parties.
    Altri,
}

fn fonte_entrata(it: &Item<'_>) -> Option<Fonte> {
    // A PDC is ten digits with no leading zero: `2010101...` is its first
    // seven digits, `2010102001` the whole code.
    let p = it.pdc?.value();
    Some(if p / 1000 == 2_010_101 {
        Fonte::Stato
    } else if p == 2_010_102_001 {
        Fonte::Regione
    } else {
        Fonte::Altri
    })
}

fn fonte_spesa(it: &Item<'_>) -> Option<Fonte> {
    if it.testo.is_ascii() {
        return fonte_dichiarata_ascii(it.testo.as_bytes());
    }
    fonte_maiuscola(it.testo)
}

/// The source a description declares, read in its upper-cased copy.
fn fonte_maiuscola(testo: &str) -> Option<Fonte> {
    let d = testo.to_uppercase();
    if d.contains("FIN.TO STATALE") {
        Some(Fonte::Stato)
    } else if d.contains("FIN.TO REGIONALE") {
        Some(Fonte::Regione)
    } else if d.contains("FIN.TO ALTRI SOGGETTI") || d.contains("FIN.TO UE") {
        Some(Fonte::Altri)
    } else {
        None
    }
}

/// [`fonte_spesa`] of an ASCII description, without upper-casing a copy:
/// every declaration is `FIN.TO ` and a source, so each `.` is looked at,
/// ignoring ASCII case (which is what upper-casing ASCII text does).
fn fonte_dichiarata_ascii(b: &[u8]) -> Option<Fonte> {
    let mut trovata: Option<Fonte> = None;
    for p in memchr::memchr_iter(b'.', b) {
        let dopo = &b[p + 1..];
        if p < 3 || !b[p - 3..p].eq_ignore_ascii_case(b"FIN") || dopo.len() < 3 {
            continue;
        }
        if !dopo[..3].eq_ignore_ascii_case(b"TO ") {
            continue;
        }
        let fonte = &dopo[3..];
        let inizia = |s: &[u8]| fonte.len() >= s.len() && fonte[..s.len()].eq_ignore_ascii_case(s);
        let f = if inizia(b"STATALE") {
            Fonte::Stato
        } else if inizia(b"REGIONALE") {
            Fonte::Regione
        } else if inizia(b"ALTRI SOGGETTI") || inizia(b"UE") {
            Fonte::Altri
        } else {
            continue;
        };
        // The State before the Region before anyone else, wherever each is
        // declared: the order of the tests on the upper-cased text.
        let rango = |f: Fonte| match f {
            Fonte::Stato => 0,
            Fonte::Regione => 1,
            Fonte::Altri => 2,
        };
        if trovata.is_none_or(|t| rango(f) < rango(t)) {
            trovata = Some(f);
        }
    }
    trovata
}

/// Revenue and spending chapters that name one programme in one Settore.
type Lati = (Vec<NodeIndex>, Vec<NodeIndex>);

/// The graph being built.
type G<'a> = UnGraph<Capitolo<'a>, Legame<'a>>;

/// Infer the graph of one report's items.
pub fn inferisci<'a>(items: &'a [Item<'a>], diz: &'a Dizionario) -> Grafo<'a> {
    costruisci(items, None, diz)
}

/// The graph of one report: the groups a link file declares (for this
/// Direzione), then links inferred among the chapters no declared group holds.
/// The link file must have passed [`super::links::verifica`].
pub fn costruisci<'a>(
    items: &'a [Item<'a>],
    dichiarati: Option<(&FileLegami, Option<&str>)>,
    diz: &'a Dizionario,
) -> Grafo<'a> {
    let mut g: G<'a> = UnGraph::new_undirected();
    let mut entrate = Vec::new();
    let mut spese = Vec::new();
    for it in items {
        if it.genere != Genere::Riga || !it.vincolato {
            continue;
        }
        match it.sezione {
            SezioneId::EntrateCorrenti => {
                entrate.push(g.add_node(Capitolo {
                    lato: Lato::Entrata,
                    item: it,
                }));
            }
            SezioneId::SpeseCorrenti => {
                spese.push(g.add_node(Capitolo {
                    lato: Lato::Spesa,
                    item: it,
                }));
            }
            _ => {}
        }
    }
    let mut ricerche_interrotte = Vec::new();
    let key = |g: &G<'a>, n: NodeIndex| g[n].item.chiave;

    // 0. Declared groups: their chapters are linked, and left out of inference.
    let mut esterni = Vec::new();
    let mut dichiarato = vec![false; g.node_count()];
    let mut nomi_dichiarati = HashMap::default();
    if let Some((file, dir)) = dichiarati {
        let per_chiave: HashMap<(Lato, ChiavePeg), NodeIndex> = g
            .node_indices()
            .filter_map(|n| g[n].item.chiave.map(|k| ((g[n].lato, k), n)))
            .collect();
        for gr in file
            .gruppi
            .iter()
            .filter(|gr| gr.direzione.is_none() || gr.direzione.as_deref() == dir)
        {
            let nodi: Vec<NodeIndex> = gr
                .entrate
                .iter()
                .map(|(k, _)| (Lato::Entrata, *k))
                .chain(gr.spese.iter().map(|(k, _)| (Lato::Spesa, *k)))
                .filter_map(|k| per_chiave.get(&k).copied())
                .collect();
            let Some(&primo) = nodi.first() else { continue };
            for &n in &nodi {
                dichiarato[n.index()] = true;
                nomi_dichiarati.insert(
                    n,
                    super::Dichiarazione {
                        nome: gr.nome.clone(),
                        fiducia: gr.fiducia,
                        attenuato: gr.attenuato(),
                    },
                );
                if n != primo {
                    g.add_edge(
                        primo,
                        n,
                        Legame {
                            prova: Prova::Dichiarata(gr.nome.clone()),
                            fiducia: Fiducia::Dichiarata,
                        },
                    );
                }
            }
            esterni.extend(gr.esterni.iter().map(|e| (primo, e.clone())));
        }
    }
    let entrate: Vec<NodeIndex> = entrate
        .into_iter()
        .filter(|n| !dichiarato[n.index()])
        .collect();
    let spese: Vec<NodeIndex> = spese
        .into_iter()
        .filter(|n| !dichiarato[n.index()])
        .collect();

    // 1. Identical amounts in every column (keyed by integer cents where
    // the amounts are whole cents: no decimal normalisation per hash).
    let mut per_importi: HashMap<ChiaveImporti, Vec<NodeIndex>> = HashMap::default();
    for &r in &entrate {
        let a = importi(g[r].item);
        if a.iter().any(|x| !x.is_zero()) {
            per_importi.entry(ChiaveImporti::di(a)).or_default().push(r);
        }
    }
    for &s in &spese {
        let Some(rs) = per_importi.get(&ChiaveImporti::di(importi(g[s].item))) else {
            continue;
        };
        // Several revenue chapters with the same amounts: linked all, less sure.
        let fiducia = if rs.len() == 1 {
            Fiducia::Alta
        } else {
            Fiducia::Media
        };
        // Linked to the first such revenue chapter only: the group is the
        // same as with every pair, and the edges stay linear in the chapters.
        let r = rs[0];
        let prova = Prova::Identici(key(&g, r), key(&g, s));
        g.add_edge(r, s, Legame { prova, fiducia });
        for &altra in &rs[1..] {
            if g.find_edge(altra, s).is_none() && g.neighbors(altra).next().is_none() {
                let prova = Prova::Identici(key(&g, altra), key(&g, s));
                g.add_edge(altra, s, Legame { prova, fiducia });
            }
        }
    }

    // Spending by Settore, so that each search looks at its own Settore only
    // (linear in the chapters, not revenue x spending).
    let mut spese_per_settore: HashMap<Option<u32>, Vec<NodeIndex>> = HashMap::default();
    for &s in &spese {
        spese_per_settore
            .entry(g[s].item.settore)
            .or_default()
            .push(s);
    }
    // 2. Exact sums, for revenue chapters still alone, over spending
    // chapters still alone in the same Settore. Amounts in cents, computed
    // once per chapter (`None`: beyond range, or negative: never a part),
    // indexed by node.
    let mut cents: Vec<Option<[i128; 3]>> = vec![None; g.node_count()];
    for &n in entrate.iter().chain(&spese) {
        cents[n.index()] = centesimi(importi(g[n].item)).filter(|c| c.iter().all(|x| *x >= 0));
    }
    let mut spese_ordinate: HashMap<Option<u32>, Vec<(NodeIndex, [i128; 3])>> = HashMap::default();
    for (settore, v) in &spese_per_settore {
        let mut o: Vec<(NodeIndex, [i128; 3])> = v
            .iter()
            .filter_map(|&s| cents[s.index()].map(|c| (s, c)))
            .collect();
        o.sort_by_key(|(_, a)| std::cmp::Reverse(*a));
        spese_ordinate.insert(*settore, o);
    }
    let vuota = Vec::new();
    let linked = |g: &G<'a>, n: NodeIndex| g.neighbors(n).next().is_some();
    // The search's buffers, reused from one revenue chapter to the next.
    let mut cand: Vec<(NodeIndex, [i128; 3])> = Vec::new();
    let mut valori: Vec<[i128; 3]> = Vec::new();
    let mut coda: Vec<[i128; 3]> = Vec::new();
    let mut scelta = Vec::new();
    for &r in &entrate {
        if linked(&g, r) {
            continue;
        }
        let Some(target) = cents[r.index()] else {
            continue;
        };
        if target == [0; 3] {
            continue;
        }
        // The Settore's spending, sorted once by forecast, largest first: a
        // binary search finds the first not above the target, and at most
        // FINESTRA chapters from there are looked at, so each search costs
        // the same whatever the size of the Settore.
        let ordinate = spese_ordinate.get(&g[r].item.settore).unwrap_or(&vuota);
        let da = ordinate.partition_point(|(_, a)| a[0] > target[0]);
        cand.clear();
        cand.extend(ordinate[da..].iter().take(FINESTRA).filter(|(s, a)| {
            !linked(&g, *s) && a != &[0; 3] && a.iter().zip(&target).all(|(x, t)| x <= t)
        }));
        cand.sort_by_key(|(_, a)| std::cmp::Reverse(*a));
        valori.clear();
        valori.extend(cand.iter().map(|(_, a)| *a));
        // What the candidates from i on can still add, per column: a branch
        // that cannot reach the target is cut at once.
        coda.clear();
        coda.resize(valori.len() + 1, [0; 3]);
        for i in (0..valori.len()).rev() {
            for k in 0..3 {
                coda[i][k] = coda[i + 1][k] + valori[i][k];
            }
        }
        let mut passi = 0;
        scelta.clear();
        match somma_esatta(&valori, &coda, target, 0, &mut scelta, &mut passi) {
            Some(true) if scelta.len() >= 2 => {
                let prova = Prova::Somma(
                    key(&g, r),
                    scelta.iter().map(|&i| key(&g, cand[i].0)).collect(),
                );
                for &i in &scelta {
                    g.add_edge(
                        r,
                        cand[i].0,
                        Legame {
                            prova: prova.clone(),
                            fiducia: Fiducia::Alta,
                        },
                    );
                }
            }
            None => ricerche_interrotte.push(g[r].item.chiave_testo()),
            _ => {}
        }
    }

    // 3. Programmes named in both descriptions, same Settore, agreeing
    // source (each chapter's source read once).
    let mut fonti: Vec<Option<Fonte>> = vec![None; g.node_count()];
    let mut per_programma: HashMap<(Option<u32>, &'a str), Lati> = HashMap::default();
    let nodi: Vec<(NodeIndex, Lato)> = entrate
        .iter()
        .map(|&n| (n, Lato::Entrata))
        .chain(spese.iter().map(|&n| (n, Lato::Spesa)))
        .collect();
    let mut programmi = Vec::new();
    for (n, lato) in nodi {
        diz.trova(g[n].item.testo, &mut programmi);
        if programmi.is_empty() {
            continue;
        }
        fonti[n.index()] = match lato {
            Lato::Entrata => fonte_entrata(g[n].item),
            Lato::Spesa => fonte_spesa(g[n].item),
        };
        for p in programmi.iter().map(|&i| diz.programma(i)) {
            let e = per_programma
                .entry((g[n].item.settore, p.nome.as_str()))
                .or_default();
            match lato {
                Lato::Entrata => e.0.push(n),
                Lato::Spesa => e.1.push(n),
            }
        }
    }
    let fonte = |n: NodeIndex| fonti[n.index()];
    let mut chiavi: Vec<_> = per_programma.keys().copied().collect();
    chiavi.sort();
    for k in chiavi {
        let (rs, ss) = &per_programma[&k];
        if rs.is_empty() || ss.is_empty() {
            continue;
        }
        let (settore, nome) = k;
        let prova = Prova::Programma(nome, settore);
        if rs.len() * ss.len() > MAX_COPPIE {
            // Too many pairs to weigh one by one: a star within each pair of
            // compatible sources (an unknown source is compatible with any).
            let tutte = [
                Some(Fonte::Stato),
                Some(Fonte::Regione),
                Some(Fonte::Altri),
                None,
            ];
            for fe in tutte {
                let rr: Vec<NodeIndex> = rs.iter().copied().filter(|&r| fonte(r) == fe).collect();
                for fs in tutte {
                    if fe.is_some() && fs.is_some() && fe != fs {
                        continue;
                    }
                    let sp: Vec<NodeIndex> =
                        ss.iter().copied().filter(|&s| fonte(s) == fs).collect();
                    let (Some(&r0), Some(&s0)) = (rr.first(), sp.first()) else {
                        continue;
                    };
                    let legame = || Legame {
                        prova: prova.clone(),
                        fiducia: Fiducia::Bassa,
                    };
                    for &s in &sp {
                        g.add_edge(r0, s, legame());
                    }
                    for &r in &rr[1..] {
                        g.add_edge(r, s0, legame());
                    }
                }
            }
            continue;
        }
        for &r in rs {
            for &s in ss {
                let fiducia = match (fonte(r), fonte(s)) {
                    (Some(a), Some(b)) if a != b => continue,
                    (Some(_), Some(_)) => Fiducia::Media,
                    _ => Fiducia::Bassa,
                };
                if g.find_edge(r, s).is_none() {
                    g.add_edge(
                        r,
                        s,
                        Legame {
                            prova: prova.clone(),
                            fiducia,
                        },
                    );
                }
            }
        }
    }
    Grafo {
        g,
        ricerche_interrotte,
        esterni,
        dichiarati: nomi_dichiarati,
    }
}

/// Amounts in cents, for the search: integer arithmetic, no overflow for any
/// amount the grammar accepts.
fn centesimi(a: [Decimal; 3]) -> Option<[i128; 3]> {
    Some([
        in_centesimi(a[0])?,
        in_centesimi(a[1])?,
        in_centesimi(a[2])?,
    ])
}

/// Depth-first search for a subset of `valori` summing exactly to `resto`
/// in every column (`coda[i]`: what `valori[i..]` add up to). `Some(true)`:
/// found (indices in `scelta`); `Some(false)`: none exists; `None`: the
/// budget ran out first.
fn somma_esatta(
    valori: &[[i128; 3]],
    coda: &[[i128; 3]],
    resto: [i128; 3],
    da: usize,
    scelta: &mut Vec<usize>,
    passi: &mut usize,
) -> Option<bool> {
    if resto == [0; 3] {
        return Some(!scelta.is_empty());
    }
    if scelta.len() == MAX_PARTI || (0..3).any(|k| coda[da][k] < resto[k]) {
        return Some(false);
    }
    for i in da..valori.len() {
        *passi += 1;
        if *passi > BUDGET_SOMMA {
            return None;
        }
        let v = valori[i];
        if (0..3).any(|k| v[k] > resto[k]) {
            continue;
        }
        scelta.push(i);
        let nuovo = [resto[0] - v[0], resto[1] - v[1], resto[2] - v[2]];
        match somma_esatta(valori, coda, nuovo, i + 1, scelta, passi) {
            Some(true) => return Some(true),
            None => return None,
            Some(false) => {}
        }
        scelta.pop();
    }
    Some(false)
}

#[cfg(test)]
mod tests {

    /// On ASCII text the scan finds the source the upper-cased copy
    /// finds, in any case, with declarations in any order and truncated.
    #[test]
    fn declared_source_without_a_copy_is_the_upper_cased_one() {
        let pezzi = [
            "FIN.TO ",
            "fin.To ",
            "FIN.TO",
            "STATALE",
            "regionale",
            "UE",
            "Altri Soggetti",
            "N.2",
            " ",
            "X",
            "FIN.",
            "STATAL",
            "REGION",
            "U",
            "ALTRI",
            "SOGGETTI",
        ];
        let casi = crate::parse::ogni_stringa(&pezzi, 4);
        let mut dichiarate = 0;
        for c in &casi {
            let attesa = super::fonte_maiuscola(c);
            assert_eq!(super::fonte_dichiarata_ascii(c.as_bytes()), attesa, "{c:?}");
            dichiarate += usize::from(attesa.is_some());
        }
        assert!(dichiarate > 1000, "{dichiarate}");
    }

    use super::*;

    #[test]
    fn exact_sums_are_found_and_the_search_is_bounded() {
        let coda = |v: &[[i128; 3]]| {
            let mut c = vec![[0i128; 3]; v.len() + 1];
            for i in (0..v.len()).rev() {
                for k in 0..3 {
                    c[i][k] = c[i + 1][k] + v[i][k];
                }
            }
            c
        };
        let v = [[5, 5, 0], [3, 3, 0], [2, 2, 0]];
        let c = coda(&v);
        let mut scelta = Vec::new();
        assert_eq!(
            somma_esatta(&v, &c, [5, 5, 0], 0, &mut scelta, &mut 0),
            Some(true)
        );
        assert_eq!(scelta, [0]);
        let mut scelta = Vec::new();
        assert_eq!(
            somma_esatta(&v, &c, [4, 4, 0], 0, &mut scelta, &mut 0),
            Some(false)
        );
        // 40 candidates of 2 and an odd target that the bound cannot rule
        // out: the budget stops the search, and says so.
        let many = vec![[2, 2, 2]; 40];
        let c = coda(&many);
        let mut passi = 0;
        assert_eq!(
            somma_esatta(&many, &c, [15, 15, 15], 0, &mut Vec::new(), &mut passi),
            None
        );
        assert!(passi <= BUDGET_SOMMA + 1);
        assert_eq!(
            centesimi([Decimal::new(123456, 2), Decimal::ONE, Decimal::ZERO]),
            Some([123456, 100, 0])
        );
    }
}
