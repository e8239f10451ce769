//! Generated budget reports with known truth: any year, any number of
//! Direzioni, Settori and rows; every declared total, 1.C, 1.D and 2.C
//! computed from the rows; V revenue split over V spending of its Settore
//! with the links known (and written as a link file). The result is an AST
//! ([`Documento`]) exactly as the parser would build it, spans aside;
//! [`crate::report_text::impagina`] turns it into report text.
//! [`super::guasti`] injects known faults.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::vincoli::Lcg;
use crate::ast::*;
use crate::classification::Classificazione;
use crate::codes::{ChiavePeg, MissioneProgramma, Pdc};
use crate::span::Span;

/// What to generate.
#[derive(Debug, Clone)]
pub struct Parametri {
    /// Seed: the same seed gives the same document.
    pub seme: u64,
    /// Budget year (the `previsione` column).
    pub anno: u16,
    /// Direzioni (reports) in the document.
    pub direzioni: usize,
    /// Number of the first Direzione (`DIR<n>`), so that documents made a
    /// block at a time continue each other.
    pub prima_direzione: usize,
    /// Settori per Direzione.
    pub settori: usize,
    /// Spending rows of 1.B per Settore (1.A gets about half as many).
    pub righe: usize,
    /// Capital sections 2.A, 2.B, 2.C.
    pub capitale: bool,
    /// Narrative blocks per report.
    pub narrativa: usize,
}

impl Default for Parametri {
    fn default() -> Self {
        Parametri {
            seme: 1,
            anno: 2022,
            direzioni: 1,
            prima_direzione: 1,
            settori: 3,
            righe: 8,
            capitale: true,
            narrativa: 1,
        }
    }
}

/// A vincolo group the generator made: revenue chapters and the spending
/// chapters they finance, in one Settore.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegameNoto {
    /// Direzione code (`DIR3`).
    pub direzione: String,
    /// Group name.
    pub nome: String,
    /// Revenue chapters (1.A).
    pub entrate: Vec<ChiavePeg>,
    /// Spending chapters (1.B).
    pub spese: Vec<ChiavePeg>,
}

/// A generated document and its truth.
#[derive(Debug, Clone)]
pub struct Generato {
    /// The document.
    pub documento: Documento,
    /// Every vincolo group.
    pub legami: Vec<LegameNoto>,
}

impl Generato {
    /// The link file declaring every group (TOML, as `links suggest` writes it).
    pub fn testo_legami(&self) -> String {
        let q = |s: &str| toml::Value::String(s.to_string()).to_string();
        let keys = |ks: &[ChiavePeg]| {
            ks.iter()
                .map(|k| q(&k.to_string()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut s = String::from("version = 1\n");
        for l in &self.legami {
            s.push_str(&format!(
                "\n[[group]]\nname = {}\ndirezione = {}\nrevenue = [{}]\nspending = [{}]\njustification = \"generated\"\n",
                q(&l.nome),
                q(&l.direzione),
                keys(&l.entrate),
                keys(&l.spese)
            ));
        }
        s
    }
}

const Z: Span = Span { start: 0, end: 0 };

const SETTORI: &[&str] = &[
    "AREA DIRITTI E INCLUSIONE",
    "AREA RESIDENZIALITA'",
    "AREA DOMICILIARITA'",
    "AREA TERRITORIALITA' E SISTEMA INTEGRATO DI ACCESSO AI SERVIZI SOCIALI",
    "AREA SALUTE E SERVIZI DI COMUNITA'",
    "AREA EMERGENZE SOCIALI",
];

const DIREZIONI: &[&str] = &[
    "DIREZIONE WELFARE E SALUTE",
    "DIREZIONE EDUCAZIONE",
    "DIREZIONE CULTURA",
    "DIREZIONE CASA",
    "DIREZIONE LAVORO, GIOVANI E SPORT",
];

/// Funding programmes (the official dictionary knows them).
const PROGRAMMI: &[&str] = &[
    "PROGETTO SAI",
    "PON INCLUSIONE",
    "FONDO POVERTA'",
    "FONDO NON AUTOSUFFICIENZE",
    "LEGGE N.285/1997",
];

const ENTRATE_V: &[&str] = &[
    "TRASFERIMENTI STATALI",
    "TRASFERIMENTI DA REGIONE",
    "TRASFERIMENTI DA AMMINISTRAZIONI CENTRALI",
    "TRASFERIMENTI DA A.T.S.",
];

const ENTRATE: &[&str] = &[
    "PROVENTI DA SERVIZI SOCIALI",
    "RIMBORSI DA ALTRI ENTI",
    "CONCORSI E RECUPERI DIVERSI",
    "RETTE DI FREQUENZA",
];

const SPESE: &[(u8, &str)] = &[
    (3, "CONTRATTI DI SERVIZIO PUBBLICO"),
    (3, "PRESTAZIONI PROFESSIONALI E SPECIALISTICHE"),
    (3, "BENI DI CONSUMO"),
    (4, "TRASFERIMENTI CORRENTI A FAMIGLIE"),
    (4, "TRASFERIMENTI CORRENTI A ISTITUZIONI SOCIALI PRIVATE"),
];

const MACRO: &[(u8, &str)] = &[
    (3, "ACQUISTO DI BENI E SERVIZI"),
    (4, "TRASFERIMENTI CORRENTI"),
];

/// Missioni-programmi of a Comune the rows are filed under.
const MISSIONI_PROGRAMMI: &[(u8, u8)] = &[(12, 1), (12, 2), (12, 3), (12, 4), (12, 7), (12, 8)];

const CAPITALE_MP: &[(u8, u8)] = &[(1, 6), (12, 1), (12, 2), (12, 3)];

/// Generate a document.
pub fn genera(p: &Parametri) -> Generato {
    let mut g = Gen {
        r: Lcg(p.seme.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1),
        capitolo: 1000,
        legami: Vec::new(),
    };
    let primo = p.prima_direzione.max(1);
    let reports = (primo..primo + p.direzioni)
        .map(|d| g.report(p, d))
        .collect();
    Generato {
        documento: Documento { reports },
        legami: g.legami,
    }
}

struct Gen {
    r: Lcg,
    capitolo: u32,
    legami: Vec<LegameNoto>,
}

fn d(cents: u64) -> Decimal {
    Decimal::new(cents as i64, 2)
}

fn correnti(v: [u64; 3]) -> Importi {
    Importi::Correnti(ImportiCorrenti {
        previsione: d(v[0]),
        previsione_precedente: d(v[1]),
        rendiconto_precedente: d(v[2]),
    })
}

/// The sum of amounts of one shape, column by column.
fn somma<'a>(it: impl IntoIterator<Item = &'a Importi>, capitale: bool) -> Importi {
    let mut out = if capitale {
        Importi::Capitale(ImportiCapitale::default())
    } else {
        Importi::Correnti(ImportiCorrenti::default())
    };
    for i in it {
        for c in i.columns() {
            let v = out.get(*c).unwrap_or_default() + i.get(*c).unwrap_or_default();
            out.set(*c, v);
        }
    }
    out
}

fn totale(livello: LivelloTotale, etichetta: String, importi: Importi) -> Totale {
    Totale {
        span: Z,
        livello,
        etichetta,
        importi,
        previsione_precedente_ripetuta: None,
        spans_importi: Default::default(),
    }
}

fn intestazione<C>(codice: C, nome: &str) -> Option<Intestazione<C>> {
    Some(Intestazione {
        span: Z,
        codice,
        nome: nome.to_string(),
    })
}

fn testo(s: &str) -> Option<Testo> {
    Some(Testo {
        span: Z,
        testo: s.to_string(),
    })
}

fn sezione(id: SezioneId, anno: Option<u16>, corpo: Corpo) -> Sezione {
    Sezione {
        id,
        span: Z,
        intestazione: Testo {
            span: Z,
            testo: id.title().to_string(),
        },
        anno: anno.map(|anno| Anno { span: Z, anno }),
        corpo,
    }
}

impl Gen {
    fn below(&mut self, n: usize) -> usize {
        self.r.below(n as u64) as usize
    }

    /// An amount in cents: whole euros mostly, cents sometimes.
    fn importo(&mut self, max_euro: u64) -> u64 {
        let euro = 1000 + self.r.below(max_euro);
        let cents = if self.r.below(4) == 0 {
            self.r.below(100)
        } else {
            0
        };
        euro * 100 + cents
    }

    fn tre(&mut self, max_euro: u64) -> [u64; 3] {
        [
            self.importo(max_euro),
            self.importo(max_euro),
            self.importo(max_euro),
        ]
    }

    fn chiave(&mut self) -> ChiavePeg {
        self.capitolo += 1 + self.r.below(3) as u32;
        ChiavePeg {
            capitolo: self.capitolo,
            articolo: 1 + self.r.below(60) as u32,
            numero: self.r.below(3) as u32,
        }
    }

    fn riga(&mut self, pdc: Option<u64>, descr: String, v: bool, importi: Importi) -> Riga {
        Riga {
            span: Z,
            chiave: self.chiave(),
            chiave_span: Z,
            pdc: pdc.and_then(|x| Pdc::parse(&x.to_string()).ok()),
            descrizione: descr,
            vincolato: v,
            non_ripetuto: false,
            asterisco: false,
            importi,
            importi_span: Z,
            spans_importi: Default::default(),
            missione_programma: None,
        }
    }

    fn report(&mut self, p: &Parametri, n: usize) -> Report {
        let codice = format!("DIR{n}");
        let nome = DIREZIONI[(n - 1) % DIREZIONI.len()].to_string();
        let dir = intestazione(codice.clone(), &nome);
        let settori: Vec<(u32, &str)> = (0..p.settori.max(1))
            .map(|k| (50 + 7 * k as u32, SETTORI[k % SETTORI.len()]))
            .collect();
        let mut entrate = Vec::new();
        let mut spese = Vec::new();
        for (i, (code, nome_s)) in settori.iter().enumerate() {
            let (e, s) = self.settore(p, &codice, *code, nome_s, i);
            entrate.push(e);
            spese.push(s);
        }
        let tabella = |settori: Vec<Settore>, etichetta: String| {
            let tot = somma(
                settori
                    .iter()
                    .filter_map(|s| s.totale.as_ref().map(|t| &t.importi)),
                false,
            );
            Corpo::Tabella(Tabella {
                direzione: dir.clone(),
                settori,
                totale: Some(totale(LivelloTotale::Direzione, etichetta, tot)),
            })
        };
        let c_vincolate = vincolate(&entrate, &spese, &nome);
        let c_missioni = missioni(&spese, &nome, false);
        let mut sezioni = vec![
            sezione(
                SezioneId::EntrateCorrenti,
                Some(p.anno),
                tabella(entrate, format!("Totale {codice}")),
            ),
            sezione(
                SezioneId::SpeseCorrenti,
                Some(p.anno),
                tabella(spese, format!("Totale {codice}")),
            ),
            sezione(SezioneId::RiepilogoVincolate, Some(p.anno), c_vincolate),
            sezione(SezioneId::RiepilogoSpesaCorrente, None, c_missioni),
        ];
        if p.capitale {
            sezioni.extend(self.capitale(p, &codice, &nome, &dir, &settori));
        }
        Report {
            span: Z,
            titolo: testo(&format!(
                "Bilancio di Previsione {} - REPORT COMMISSIONI -",
                p.anno
            )),
            anno: Some(p.anno),
            direzione: dir,
            sezioni,
            narrativa: (0..p.narrativa).map(|k| self.narrativa(&nome, k)).collect(),
            rumore: Vec::new(),
        }
    }

    /// One Settore's 1.A and 1.B: V revenue chapters split over V spending
    /// chapters, and chapters that are not earmarked.
    fn settore(
        &mut self,
        p: &Parametri,
        dir: &str,
        code: u32,
        nome: &str,
        indice: usize,
    ) -> (Settore, Settore) {
        let n_v = (p.righe / 4).max(1);
        let mut entrate_v = Vec::new();
        let mut spese_per_macro: BTreeMap<u8, Vec<Riga>> = BTreeMap::new();
        for k in 0..n_v {
            let prog = PROGRAMMI[(indice + k) % PROGRAMMI.len()];
            let fonte = ENTRATE_V[self.below(ENTRATE_V.len())];
            let tot = self.tre(2_000_000);
            let pdc = 2_010_101_000 + self.r.below(3) * 1000;
            let r = self.riga(
                Some(pdc),
                format!("{fonte} - {prog}"),
                true,
                correnti([tot[0], tot[1], tot[2]]),
            );
            let parti = 1 + self.below(3);
            let quote: Vec<[u64; 3]> = spezza(&mut self.r, tot, parti);
            let mut spese_k = Vec::new();
            for q in quote {
                let (macro_, voce) = SPESE[self.below(SPESE.len())];
                let pdc = 1_000_000_000
                    + u64::from(macro_) * 10_000_000
                    + 201_000
                    + self.r.below(5) * 1000;
                let mut s = self.riga(
                    Some(pdc),
                    format!("{voce} - {prog} - FINANZIATO"),
                    true,
                    correnti(q),
                );
                s.missione_programma = Some(self.mp(MISSIONI_PROGRAMMI));
                spese_k.push(s.chiave);
                spese_per_macro.entry(macro_).or_default().push(s);
            }
            self.legami.push(LegameNoto {
                direzione: dir.to_string(),
                nome: format!("{} {prog} (settore {code})", r.chiave),
                entrate: vec![r.chiave],
                spese: spese_k,
            });
            entrate_v.push(r);
        }
        // Chapters that are not earmarked.
        let mut entrate_libere = Vec::new();
        for _ in 0..(p.righe / 4).max(1) {
            let v = self.tre(500_000);
            let voce = ENTRATE[self.below(ENTRATE.len())];
            let pdc = 3_050_200_000 + self.r.below(9) * 1000;
            entrate_libere.push(self.riga(Some(pdc), voce.to_string(), false, correnti(v)));
        }
        let libere = p
            .righe
            .saturating_sub(spese_per_macro.values().map(Vec::len).sum());
        for _ in 0..libere {
            let (macro_, voce) = SPESE[self.below(SPESE.len())];
            let pdc =
                1_000_000_000 + u64::from(macro_) * 10_000_000 + 299_000 + self.r.below(9) * 1000;
            let importi = correnti(self.tre(800_000));
            let mut s = self.riga(Some(pdc), voce.to_string(), false, importi);
            s.missione_programma = Some(self.mp(MISSIONI_PROGRAMMI));
            spese_per_macro.entry(macro_).or_default().push(s);
        }
        let entrate = Settore {
            span: Z,
            intestazione: intestazione(code, nome),
            titoli: vec![
                titolo(
                    2,
                    "TRASFERIMENTI CORRENTI",
                    vec![gruppo(
                        TipoGruppo::Tipologia,
                        1,
                        "TRASFERIMENTI CORRENTI",
                        entrate_v,
                        false,
                    )],
                ),
                titolo(
                    3,
                    "ENTRATE EXTRATRIBUTARIE",
                    vec![gruppo(
                        TipoGruppo::Tipologia,
                        5,
                        "RIMBORSI E ALTRE ENTRATE CORRENTI",
                        entrate_libere,
                        false,
                    )],
                ),
            ],
            totale: None,
        };
        let gruppi = spese_per_macro
            .into_iter()
            .map(|(m, righe)| {
                let nome = MACRO.iter().find(|x| x.0 == m).map_or("", |x| x.1);
                gruppo(TipoGruppo::Macroaggregato, m, nome, righe, true)
            })
            .collect();
        let spese = Settore {
            span: Z,
            intestazione: intestazione(code, nome),
            titoli: vec![titolo(1, "SPESE CORRENTI", gruppi)],
            totale: None,
        };
        (
            chiudi(entrate, format!("Totale Settore {code}"), false),
            chiudi(spese, format!("Totale Settore {code}"), false),
        )
    }

    fn mp(&mut self, tra: &[(u8, u8)]) -> MissioneProgramma {
        let (missione, programma) = tra[self.below(tra.len())];
        MissioneProgramma {
            missione,
            programma,
        }
    }

    /// 2.A, 2.B, 2.C: capital rows whose "di cui" columns add up.
    fn capitale(
        &mut self,
        p: &Parametri,
        codice: &str,
        nome: &str,
        dir: &Option<Intestazione<String>>,
        settori: &[(u32, &str)],
    ) -> Vec<Sezione> {
        let mut entrate = Vec::new();
        let mut spese = Vec::new();
        for (code, nome_s) in settori {
            let righe_e = (0..(p.righe / 8).max(1))
                .map(|_| {
                    let v = self.capitale_importi();
                    self.riga(
                        None,
                        "CONTRIBUTI AGLI INVESTIMENTI DA AMMINISTRAZIONI CENTRALI".into(),
                        false,
                        v,
                    )
                })
                .collect();
            let e = Settore {
                span: Z,
                intestazione: intestazione(*code, nome_s),
                titoli: vec![titolo(
                    4,
                    "ENTRATE IN CONTO CAPITALE",
                    vec![gruppo(
                        TipoGruppo::Tipologia,
                        2,
                        "CONTRIBUTI AGLI INVESTIMENTI",
                        righe_e,
                        false,
                    )],
                )],
                totale: None,
            };
            entrate.push(chiudi(e, format!("Totale {code}"), true));
            let righe_s: Vec<Riga> = (0..(p.righe / 6).max(1))
                .map(|_| {
                    let v = self.capitale_importi();
                    let mut r = self.riga(
                        None,
                        "BENI IMMOBILI - MANUTENZIONE STRAORDINARIA".into(),
                        false,
                        v,
                    );
                    r.missione_programma = Some(self.mp(CAPITALE_MP));
                    r
                })
                .collect();
            let tot_t = somma(righe_s.iter().map(|r| &r.importi), true);
            let mut t = titolo(
                2,
                "SPESE IN CONTO CAPITALE",
                vec![Gruppo {
                    span: Z,
                    tipo: TipoGruppo::Nessuno,
                    intestazione: None,
                    righe: righe_s,
                    totale: None,
                }],
            );
            t.totale = Some(totale(
                LivelloTotale::Titolo,
                "Totale SPESE IN CONTO CAPITALE".into(),
                tot_t,
            ));
            let s = Settore {
                span: Z,
                intestazione: intestazione(*code, nome_s),
                titoli: vec![t],
                totale: None,
            };
            spese.push(chiudi(s, format!("Totale {code}"), true));
        }
        let tab = |settori: Vec<Settore>, etichetta: String| {
            let tot = somma(
                settori
                    .iter()
                    .filter_map(|s| s.totale.as_ref().map(|t| &t.importi)),
                true,
            );
            Tabella {
                direzione: dir.clone(),
                settori,
                totale: Some(totale(LivelloTotale::Direzione, etichetta, tot)),
            }
        };
        let spese = tab(spese, format!("Totale {codice}"));
        let mut c = missioni(&spese.settori, nome, true);
        if let Corpo::Missioni(m) = &mut c {
            if let Some(t) = &mut m.totale_direzione {
                t.etichetta = format!("{codice} Totale");
            }
        }
        vec![
            sezione(
                SezioneId::EntrateCapitale,
                Some(p.anno),
                Corpo::Tabella(tab(entrate, format!("{codice} Totale"))),
            ),
            sezione(
                SezioneId::SpeseCapitale,
                Some(p.anno),
                Corpo::Tabella(spese),
            ),
            sezione(SezioneId::RiepilogoSpesaCapitale, None, c),
        ]
    }

    fn capitale_importi(&mut self) -> Importi {
        let crono = self.importo(200_000);
        let altri = self.importo(600_000);
        Importi::Capitale(ImportiCapitale {
            previsione_precedente: d(self.importo(700_000)),
            previsione: d(crono + altri),
            crono_anni_precedenti: d(crono),
            altri_nuovi_stanziamenti: d(altri),
            programma_triennale_lp: d(0),
            rendiconto_precedente: d(self.importo(500_000)),
        })
    }

    fn narrativa(&mut self, direzione: &str, k: usize) -> BloccoNarrativo {
        let (m, p) = MISSIONI_PROGRAMMI[k % MISSIONI_PROGRAMMI.len()];
        let cl = Classificazione::ufficiale();
        let mp = MissioneProgramma {
            missione: m,
            programma: p,
        };
        BloccoNarrativo {
            span: Z,
            missione: testo(&format!("{m}. {}", cl.missione(m).unwrap_or_default())),
            obiettivo_strategico: testo("Garantire la diffusione dei servizi sociali sul territorio"),
            programma_operativo: testo(cl.programma(mp).map_or("", |x| x.nome.as_str())),
            direzione: testo(direzione),
            finalita: testo("La Direzione coordina i servizi del programma.\nGli interventi sono finanziati anche da fondi vincolati."),
        }
    }
}

/// Split `tot` (cents per column) into `n` parts that add up exactly.
fn spezza(r: &mut Lcg, tot: [u64; 3], n: usize) -> Vec<[u64; 3]> {
    let mut out = vec![[0u64; 3]; n];
    for c in 0..3 {
        let mut resto = tot[c];
        for (i, q) in out.iter_mut().enumerate() {
            q[c] = if i + 1 == n {
                resto
            } else {
                let x = resto / 2 + r.below(resto / 4 + 1);
                resto -= x.min(resto);
                x.min(tot[c])
            };
        }
    }
    out
}

fn titolo(codice: u8, nome: &str, gruppi: Vec<Gruppo>) -> Titolo {
    Titolo {
        span: Z,
        intestazione: intestazione(codice, nome),
        gruppi,
        totale: None,
    }
}

/// A Tipologia / Macroaggregato with its total (1.B totals repeat the prior
/// forecast as a fifth amount).
fn gruppo(tipo: TipoGruppo, codice: u8, nome: &str, righe: Vec<Riga>, ripetuta: bool) -> Gruppo {
    let capitale = matches!(righe.first().map(|r| r.importi), Some(Importi::Capitale(_)));
    let mut t = totale(
        LivelloTotale::Gruppo,
        format!("Totale {nome}"),
        somma(righe.iter().map(|r| &r.importi), capitale),
    );
    if ripetuta {
        t.previsione_precedente_ripetuta = t.importi.get(Colonna::PrevisionePrecedente);
    }
    Gruppo {
        span: Z,
        tipo,
        intestazione: intestazione(codice, nome),
        righe,
        totale: Some(t),
    }
}

/// The Settore total: the sum of the totals below it (titolo totals where
/// printed, else group totals).
fn chiudi(mut s: Settore, etichetta: String, capitale: bool) -> Settore {
    let parti: Vec<&Importi> = s
        .titoli
        .iter()
        .flat_map(|t| match &t.totale {
            Some(tt) => vec![&tt.importi],
            None => t
                .gruppi
                .iter()
                .filter_map(|g| g.totale.as_ref().map(|x| &x.importi))
                .collect(),
        })
        .collect();
    let tot = somma(parti, capitale);
    s.totale = Some(totale(LivelloTotale::Settore, etichetta, tot));
    s
}

fn righe_di(settori: &[Settore]) -> impl Iterator<Item = (&Titolo, &Riga)> {
    settori.iter().flat_map(|s| s.titoli.iter()).flat_map(|t| {
        t.gruppi
            .iter()
            .flat_map(move |g| g.righe.iter().map(move |r| (t, r)))
    })
}

/// 1.C: the V rows of 1.A and 1.B summed per titolo.
fn vincolate(entrate: &[Settore], spese: &[Settore], direzione: &str) -> Corpo {
    let parte =
        |settori: &[Settore], nome: &str, etichetta: &str, descr: fn(u8) -> &'static str| {
            let mut per_titolo: BTreeMap<u8, Vec<&Importi>> = BTreeMap::new();
            for (t, r) in righe_di(settori).filter(|(_, r)| r.vincolato) {
                let code = t.intestazione.as_ref().map_or(0, |i| i.codice);
                per_titolo.entry(code).or_default().push(&r.importi);
            }
            let righe: Vec<RigaTitolo> = per_titolo
                .into_iter()
                .map(|(titolo, v)| RigaTitolo {
                    span: Z,
                    vincolato: true,
                    titolo,
                    descrizione: descr(titolo).to_string(),
                    importi: somma(v, false),
                    spans_importi: Default::default(),
                })
                .collect();
            let tot = somma(righe.iter().map(|r| &r.importi), false);
            ParteVincolate {
                span: Z,
                intestazione: testo(nome),
                direzione: testo(direzione),
                righe,
                totale: Some(totale(LivelloTotale::Parte, etichetta.to_string(), tot)),
            }
        };
    let titolo_entrate = |t: u8| match t {
        2 => "TRASFERIMENTI CORRENTI",
        3 => "ENTRATE EXTRATRIBUTARIE",
        _ => "ENTRATE CORRENTI DI NATURA TRIBUTARIA",
    };
    Corpo::Vincolate(RiepilogoVincolate {
        parti: vec![
            parte(
                entrate,
                "ENTRATE CORRENTI",
                "Totale ENTRATE",
                titolo_entrate,
            ),
            parte(spese, "SPESE CORRENTI", "Totale SPESE", |_| {
                "SPESE CORRENTI"
            }),
        ],
    })
}

/// 1.D / 2.C: spending rows summed per missione and programma.
fn missioni(spese: &[Settore], direzione: &str, capitale: bool) -> Corpo {
    let cl = Classificazione::ufficiale();
    let mut per_mp: BTreeMap<MissioneProgramma, Vec<&Importi>> = BTreeMap::new();
    for (_, r) in righe_di(spese) {
        if let Some(mp) = r.missione_programma {
            per_mp.entry(mp).or_default().push(&r.importi);
        }
    }
    let mut per_m: BTreeMap<u8, Vec<RigaProgramma>> = BTreeMap::new();
    for (mp, v) in per_mp {
        per_m.entry(mp.missione).or_default().push(RigaProgramma {
            span: Z,
            programma: mp.programma,
            missione_programma: Some(mp),
            descrizione: cl
                .programma(mp)
                .map_or(String::new(), |p| p.nome.to_uppercase()),
            importi: somma(v, capitale),
            spans_importi: Default::default(),
        });
    }
    let missioni: Vec<Missione> = per_m
        .into_iter()
        .map(|(m, programmi)| {
            let nome = cl.missione(m).unwrap_or_default().to_uppercase();
            let tot = somma(programmi.iter().map(|p| &p.importi), capitale);
            Missione {
                span: Z,
                intestazione: intestazione(m, &nome),
                programmi,
                totale: Some(totale(
                    LivelloTotale::Missione,
                    format!("Totale {nome}"),
                    tot,
                )),
            }
        })
        .collect();
    let tot = somma(
        missioni
            .iter()
            .filter_map(|m| m.totale.as_ref().map(|t| &t.importi)),
        capitale,
    );
    Corpo::Missioni(RiepilogoMissioni {
        intestazione: testo(if capitale {
            "SPESE IN CONTO CAPITALE TITOLO 2"
        } else {
            "SPESE CORRENTI"
        }),
        direzione: testo(direzione),
        missioni,
        totale_direzione: Some(totale(
            LivelloTotale::Direzione,
            format!("Totale {direzione}"),
            tot,
        )),
        totale_generale: capitale.then(|| {
            totale(
                LivelloTotale::Sezione,
                "Totale SPESE IN CONTO CAPITALE".into(),
                tot,
            )
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_add_up_exactly() {
        let mut r = Lcg(7);
        for n in 1..6 {
            let tot = [123_456, 1, 0];
            let q = spezza(&mut r, tot, n);
            for c in 0..3 {
                assert_eq!(q.iter().map(|x| x[c]).sum::<u64>(), tot[c]);
            }
        }
    }
}
