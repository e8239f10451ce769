//! Vincoli: earmarked (V) revenue chapters linked to the V spending chapters
//! they finance. The report never says which revenue funds which spending;
//! [`infer`] proposes links from evidence (identical amounts, exact sums,
//! funding programmes named in both descriptions, the source of the money,
//! the same Settore) into a petgraph graph whose connected components are the
//! *vincolo groups*. [`print`] shows them: a link file to review, a table,
//! Graphviz DOT, JSON.

pub mod dizionario;
pub mod infer;
pub mod links;
pub mod print;
pub mod prova;

pub use prova::{Prova, PROVA_DICHIARATA};

use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::unionfind::UnionFind;
use rust_decimal::Decimal;

use crate::amount::somma;
use crate::ast::Colonna;
use crate::lang::item::Item;

/// Which side of the vincolo a chapter is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lato {
    /// V revenue (1.A).
    Entrata,
    /// V spending (1.B).
    Spesa,
}

/// A node: a V chapter.
#[derive(Debug, Clone)]
pub struct Capitolo<'a> {
    /// Revenue or spending.
    pub lato: Lato,
    /// The row.
    pub item: &'a Item<'a>,
}

/// How sure a link is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fiducia {
    /// Circumstantial: a programme or source named in both descriptions.
    Bassa,
    /// A programme named in both descriptions, the same Settore and a compatible source.
    Media,
    /// Identical amounts in every column, or an exact sum in every column.
    Alta,
    /// Declared in the link file.
    Dichiarata,
}

impl Fiducia {
    /// The name used in link files and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Fiducia::Dichiarata => "declared",
            Fiducia::Alta => "high",
            Fiducia::Media => "medium",
            Fiducia::Bassa => "low",
        }
    }
}

impl Gruppo<'_> {
    /// The group's confidence as people read it: `high`, or `declared,
    /// confidence low`, or `declared` (the link file gives none).
    pub fn fiducia_testo(&self) -> String {
        match (self.fiducia, self.fiducia_dichiarata) {
            (Fiducia::Dichiarata, Some(f)) => {
                crate::tr!("confidence-declared-as", level = f.name())
            }
            (f, _) => crate::tr!("confidence", level = f.name()),
        }
    }
}

/// An edge: "finances", with its evidence.
#[derive(Debug, Clone)]
pub struct Legame<'a> {
    /// Why the two chapters are linked (formatted only when shown).
    pub prova: Prova<'a>,
    /// How sure.
    pub fiducia: Fiducia,
}

/// A chapter's amounts in [`COLONNE`] (zero where the item has no such column).
pub fn importi(it: &Item<'_>) -> [Decimal; 3] {
    COLONNE.map(|c| it.importo(c).unwrap_or_default())
}

/// A chapter's amounts in [`COLONNE`] as a hash key: whole cents where
/// every amount is a whole number of cents (integer hashing, where hashing a
/// `Decimal` normalises it first), else the amounts themselves. Equal amounts
/// give equal keys: whether a value is a whole number of cents does not
/// depend on the scale it is written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChiaveImporti {
    /// Whole cents.
    Centesimi([i128; 3]),
    /// Anything else (fractions of a cent).
    Importi([Decimal; 3]),
}

impl ChiaveImporti {
    /// The key of three amounts.
    pub fn di(a: [Decimal; 3]) -> ChiaveImporti {
        match (
            centesimi_esatti(a[0]),
            centesimi_esatti(a[1]),
            centesimi_esatti(a[2]),
        ) {
            (Some(x), Some(y), Some(z)) => ChiaveImporti::Centesimi([x, y, z]),
            _ => ChiaveImporti::Importi(a),
        }
    }
}

/// The amount in cents when it is a whole number of cents (`None` when a
/// fraction of a cent is left): the mantissa rescaled to two decimals.
pub fn centesimi_esatti(v: Decimal) -> Option<i128> {
    let m = v.mantissa();
    match v.scale() {
        0 => m.checked_mul(100),
        1 => m.checked_mul(10),
        2 => Some(m),
        s => {
            // A scale is at most 28, so 10^(s-2) fits an i128.
            let p = 10i128.pow(s - 2);
            (m % p == 0).then_some(m / p)
        }
    }
}

/// The columns of current sections, where V chapters live.
pub const COLONNE: [Colonna; 3] = [
    Colonna::Previsione,
    Colonna::PrevisionePrecedente,
    Colonna::RendicontoPrecedente,
];

/// The graph of one report.
#[derive(Debug)]
pub struct Grafo<'a> {
    /// Chapters and links.
    pub g: UnGraph<Capitolo<'a>, Legame<'a>>,
    /// Subset-sum searches stopped at their budget (revenue keys), said rather than hidden.
    pub ricerche_interrotte: Vec<String>,
    /// Outside funding of declared groups, at the group's first chapter.
    pub esterni: Vec<(NodeIndex, links::Esterno)>,
    /// Chapters a link file declares, with their group's name and confidence.
    pub dichiarati: rustc_hash::FxHashMap<NodeIndex, Dichiarazione>,
}

/// What a link file says of a declared group, beside its chapters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dichiarazione {
    /// The group's name.
    pub nome: String,
    /// The confidence the reviewer declared, if any.
    pub fiducia: Option<Fiducia>,
    /// Findings on the group are one severity step lower.
    pub attenuato: bool,
}

/// A vincolo group: a connected component with revenue and spending.
#[derive(Debug, Clone)]
pub struct Gruppo<'a> {
    /// Revenue chapters, in document order.
    pub entrate: Vec<&'a Item<'a>>,
    /// Spending chapters, in document order.
    pub spese: Vec<&'a Item<'a>>,
    /// The evidence of its links, without repeats.
    pub prove: Vec<Prova<'a>>,
    /// The weakest link's confidence (`Dichiarata` when every link is declared).
    pub fiducia: Fiducia,
    /// The name the link file gives the group, when declared.
    pub nome: Option<String>,
    /// The confidence the link file declares for the group (`None` when
    /// inferred, or declared without one).
    pub fiducia_dichiarata: Option<Fiducia>,
    /// Findings on the group are one severity step lower: inferred, or
    /// declared `low` (unless the link file says `attenuate = false`).
    pub attenuato: bool,
    /// Outside funding declared for the group.
    pub esterni: Vec<links::Esterno>,
    /// Per column: revenue in (chapters and outside funding), spending out
    /// (`None` when a sum overflows).
    pub totali: Vec<(Colonna, Option<Decimal>, Option<Decimal>)>,
}

/// The groups of a graph and the chapters in none.
#[derive(Debug)]
pub struct Gruppi<'a> {
    /// Groups, ordered by their first revenue chapter.
    pub gruppi: Vec<Gruppo<'a>>,
    /// V revenue chapters linked to nothing.
    pub entrate_sole: Vec<&'a Item<'a>>,
    /// V spending chapters linked to nothing.
    pub spese_sole: Vec<&'a Item<'a>>,
}

impl<'a> Grafo<'a> {
    /// The connected components (union-find over the links).
    pub fn gruppi(&self) -> Gruppi<'a> {
        let n = self.g.node_count();
        let mut uf = UnionFind::<usize>::new(n);
        for e in self.g.edge_indices() {
            if let Some((a, b)) = self.g.edge_endpoints(e) {
                uf.union(a.index(), b.index());
            }
        }
        let labels = uf.into_labeling();
        // The nodes of each component, components by root and nodes by
        // index: one sorted vector of (root, node) cut into runs (a vector
        // per root was an allocation per chapter, most of them alone).
        let mut per_root: Vec<(usize, NodeIndex)> = labels
            .iter()
            .enumerate()
            .map(|(i, root)| (*root, NodeIndex::new(i)))
            .collect();
        per_root.sort_unstable();
        let mut nodi: Vec<NodeIndex> = Vec::new();
        // Evidence per component, in one pass over the links.
        let mut prove_per_root: rustc_hash::FxHashMap<usize, (Vec<Prova<'a>>, Fiducia)> =
            Default::default();
        let mut visti: rustc_hash::FxHashSet<(usize, &Prova<'a>)> = Default::default();
        for e in self.g.edge_indices() {
            let Some((a, _)) = self.g.edge_endpoints(e) else {
                continue;
            };
            let l = &self.g[e];
            let entry = prove_per_root
                .entry(labels[a.index()])
                .or_insert((Vec::new(), Fiducia::Dichiarata));
            entry.1 = entry.1.min(l.fiducia);
            if visti.insert((labels[a.index()], &l.prova)) {
                entry.0.push(l.prova.clone());
            }
        }
        let mut gruppi = Vec::new();
        let mut entrate_sole = Vec::new();
        let mut spese_sole = Vec::new();
        for run in per_root.chunk_by(|a, b| a.0 == b.0) {
            nodi.clear();
            nodi.extend(run.iter().map(|(_, n)| *n));
            // A chapter alone is unmatched, unless a link file declares it
            // (with outside funding, say).
            if nodi.len() == 1 && !self.dichiarati.contains_key(&nodi[0]) {
                let c = &self.g[nodi[0]];
                match c.lato {
                    Lato::Entrata => entrate_sole.push(c.item),
                    Lato::Spesa => spese_sole.push(c.item),
                }
                continue;
            }
            let mut entrate: Vec<&'a Item<'a>> = Vec::new();
            let mut spese: Vec<&'a Item<'a>> = Vec::new();
            for &i in &nodi {
                let c = &self.g[i];
                match c.lato {
                    Lato::Entrata => entrate.push(c.item),
                    Lato::Spesa => spese.push(c.item),
                }
            }
            entrate.sort_by_key(|i| i.span.start);
            spese.sort_by_key(|i| i.span.start);
            let (mut prove, fiducia) = prove_per_root
                .remove(&labels[nodi[0].index()])
                .unwrap_or((Vec::new(), Fiducia::Dichiarata));
            let root = labels[nodi[0].index()];
            let esterni: Vec<links::Esterno> = self
                .esterni
                .iter()
                .filter(|(n, _)| labels[n.index()] == root)
                .map(|(_, e)| e.clone())
                .collect();
            let totali = COLONNE
                .iter()
                .enumerate()
                .map(|(k, &c)| {
                    let s = |v: &[&Item<'_>]| somma(v.iter().filter_map(|i| i.importo(c)));
                    let fuori = somma(esterni.iter().map(|e| e.importi[k]));
                    let dentro = s(&entrate).zip(fuori).and_then(|(a, b)| a.checked_add(b));
                    (c, dentro, s(&spese))
                })
                .collect();
            let dich = nodi.iter().find_map(|n| self.dichiarati.get(n));
            let nome = dich.map(|d| d.nome.clone());
            let fiducia_dichiarata = dich.and_then(|d| d.fiducia);
            let attenuato = match dich {
                Some(d) => d.attenuato,
                None => fiducia != Fiducia::Dichiarata,
            };
            if let (Some(n), true) = (&nome, prove.is_empty()) {
                prove.push(Prova::Dichiarata(n.clone()));
            }
            gruppi.push(Gruppo {
                entrate,
                spese,
                prove,
                fiducia,
                nome,
                fiducia_dichiarata,
                attenuato,
                esterni,
                totali,
            });
        }
        gruppi.sort_by_key(|g| {
            g.entrate
                .first()
                .or(g.spese.first())
                .map_or(0, |i| i.span.start)
        });
        entrate_sole.sort_by_key(|i| i.span.start);
        spese_sole.sort_by_key(|i| i.span.start);
        Gruppi {
            gruppi,
            entrate_sole,
            spese_sole,
        }
    }
}
