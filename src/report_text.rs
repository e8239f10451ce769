//! The renderer: the inverse of [`crate::parse()`]. It lays a [`Documento`] out
//! as the text the PDF extraction of a Report Commissioni produces, quirks
//! included, so that generated syntax trees become realistic report text for
//! property tests (`parse(impagina(doc))` must mean the same as `doc`, see
//! [`forma`]).
//!
//! What it imitates, all seen in `reports/milano-2022-dir07-welfare-e-salute.txt`:
//!
//! - the title, section headers (1.C and 2.C wrapped as printed), `ANNO :` and
//!   the year on its own line, the column headers of each section;
//! - headings with their fused labels (`2 TRASFERIMENTI CORRENTITITOLO`,
//!   `01 TRASFERIMENTI CORRENTITIPOLOGIA:`, `...CENTRO RESP:`, `...TITOLO: 4`);
//! - rows with the PEG sub-number fused to the PDC (`38 15 12010101000`), the
//!   `V` flag fused to the first amount, amounts fused where the extraction
//!   fuses them (`V3.900.180,003.400.000,00 3.419.563,10`), the
//!   missione-programma after the amount the layout table says;
//! - descriptions and total labels wrapped at the width of their column, with a
//!   blank line between the parts and the amounts on a line of their own;
//! - totals with their amounts before and after the label
//!   (`2.500.000,00Totale Settore 51 1.000.000,00 1.000.000,00`), the fifth
//!   amount of 1.B subtotals, the capital sections' own column orders;
//! - with [`Opzioni::righe_per_pagina`], page footers, the report title before
//!   each tabular section, repeated column headers and the leading blank of the
//!   first line of a page.
//!
//! The order of the amounts of every line kind is not restated here: it is the
//! parser's own table, `src/parse/layout.rs`, compiled into this module too.
//! What is here is only how the text places them: the *models* of
//! `modello_riga` and `modello_totale`.
//!
//! Whatever the tree, rendering does not panic: a missing heading, total or
//! amount is simply not printed. Trees the layout cannot express (a spending
//! row without missione-programma, a current row without PDC, a label without
//! `Totale`...) give text the parser reports on, which is what a property test
//! should see.

use rust_decimal::Decimal;
use serde_json::Value;

use crate::amount::italiano;
use crate::ast::{
    BloccoNarrativo, Colonna, Corpo, Documento, Gruppo, Intestazione, LivelloTotale,
    ParteVincolate, Report, RiepilogoMissioni, RiepilogoVincolate, Riga, RigaProgramma, RigaTitolo,
    Settore, Sezione, SezioneId, Tabella, Testo, TipoGruppo, Titolo, Totale,
};

// The parser's own table of the order of amounts per section and line
// kind: the renderer and the parser cannot disagree on it.
use crate::parse::layout;
use crate::parse::recognise::{column_header, HeaderFit};

/// How to lay a document out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opzioni {
    /// Width in characters of the description column of 1.A, where a long
    /// description wraps onto the following lines. The other columns (1.B
    /// descriptions, capital sections, total labels) are narrower or wider by
    /// as much as they are in the real report, so one figure sets them all.
    /// The real report wraps 1.A descriptions at about 51 characters.
    pub a_capo: usize,
    /// Lines of text per page (blank lines not counted); `None` prints no page
    /// furniture at all. Pages break only between items (rows, totals,
    /// headings), never inside one.
    pub righe_per_pagina: Option<usize>,
}

impl Default for Opzioni {
    /// The real report's wrapping, without page furniture.
    fn default() -> Self {
        Opzioni {
            a_capo: 51,
            righe_per_pagina: None,
        }
    }
}

/// Every report of `doc` as report text, in the layout the parser reads.
pub fn impagina(doc: &Documento, o: &Opzioni) -> String {
    let mut f = Foglio::new(o);
    for r in &doc.reports {
        f.report(r);
    }
    f.out
}

/// The meaning of a document: its JSON without spans (keys `span`,
/// `*_span` and `spans_*`) and without the page furniture (`rumore`, which depends on where
/// pages break). Two documents mean the same when their `forma` is equal.
pub fn forma(doc: &Documento) -> Value {
    // The AST only holds strings, numbers and decimals: serialising cannot
    // fail, and an empty value would make any comparison fail anyway.
    let mut v = serde_json::to_value(doc).unwrap_or_default();
    senza_posizioni(&mut v);
    v
}

fn senza_posizioni(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.retain(|k, _| {
                k != "span" && !k.ends_with("_span") && !k.starts_with("spans_") && k != "rumore"
            });
            m.values_mut().for_each(senza_posizioni);
        }
        Value::Array(a) => a.iter_mut().for_each(senza_posizioni),
        _ => {}
    }
}

/// The text column a wrapped text sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cella {
    /// A row's description (a 1.D / 2.C programma name too).
    Descrizione,
    /// A total's label, after its first word (`Totale`).
    Etichetta,
}

/// Width of a text column, or `None` where the report never wraps.
fn larghezza(o: &Opzioni, id: SezioneId, cella: Cella) -> Option<usize> {
    use Cella::{Descrizione as D, Etichetta as E};
    use SezioneId::*;
    // Characters each column is narrower (or wider) than the 1.A description
    // column, measured on the wraps of the real report (1.B loses the
    // Miss.-Progr. column, capital sections their "di cui" columns...).
    let scarto: isize = match (id, cella) {
        // A wrapped 1.C line reading `ENTRATE...` / `SPESE...` would open a part.
        (RiepilogoVincolate, _) => return None,
        (EntrateCorrenti, D) => 0,
        (SpeseCorrenti, D) => -10,
        (EntrateCapitale, D) => -17,
        (SpeseCapitale, D) => -20,
        (RiepilogoSpesaCorrente, D) => 3,
        (RiepilogoSpesaCapitale, D) => -7,
        (EntrateCorrenti | SpeseCorrenti, E) => -24,
        (RiepilogoSpesaCorrente, E) => -11,
        (EntrateCapitale, E) => -20,
        (SpeseCapitale, E) => -33,
        (RiepilogoSpesaCapitale, E) => -19,
    };
    Some(o.a_capo.saturating_add_signed(scarto))
}

/// How a row of `id` places its parts on the line, as the extraction prints
/// them: `#` an amount (in the order of [`layout::riga`]; `#` next to `#` are
/// fused), `X` the row's code or key followed by its text, ` ` a blank. The
/// `V` flag is fused before the first amount and the missione-programma after
/// the amount [`layout::missione_programma_after`] names.
fn modello_riga(id: SezioneId) -> &'static str {
    match id {
        SezioneId::EntrateCorrenti | SezioneId::SpeseCorrenti => "X ## #",
        SezioneId::EntrateCapitale | SezioneId::SpeseCapitale => "X # # # ###",
        SezioneId::RiepilogoVincolate => "##X #",
        SezioneId::RiepilogoSpesaCorrente => "X # ##",
        SezioneId::RiepilogoSpesaCapitale => "# # ##X ##",
    }
}

/// How a total places its amounts (in the order of [`layout::totale`]) around
/// its label: `X` the whole label, `T` its first word and `R` the rest, apart.
/// Amounts beyond the model (the 1.B fifth amount) are fused after the last.
fn modello_totale(id: SezioneId, livello: LivelloTotale) -> &'static str {
    use LivelloTotale::*;
    use SezioneId::*;
    match (id, livello) {
        // `48.305.820,0026.151.300,00Totale TRASFERIMENTI CORRENTI 19.229.360,12`
        (EntrateCorrenti | SpeseCorrenti | RiepilogoVincolate, Gruppo | Titolo) => "##X #",
        // `48.525.820,00Totale Settore 51 26.381.300,00 19.318.367,32`
        (EntrateCorrenti | SpeseCorrenti | RiepilogoVincolate, _) => "#X # #",
        // `Totale 246.744.500,00 275.209.493,05DIRITTI SOCIALI, ... 228.195.357,72`
        (RiepilogoSpesaCorrente, _) => "T # #R #",
        // `Totale 275.000,00 835.000,00 0,00 835.000,000,0051 0,00`
        (EntrateCapitale, Settore) | (SpeseCapitale, Gruppo | Titolo) => "T # # # ##R #",
        // `275.000,00 835.000,00 0,00 835.000,000,00Totale CONTRIBUTI ... 0,00`
        (EntrateCapitale, _) => "# # # ##X #",
        // `Totale 300.000,00 0,00 300.000,000,00SERVIZI ... 0,00300.000,00`
        (RiepilogoSpesaCapitale, Missione) => "T # # ##R ##",
        // `963.930,84 3.930,84 960.000,000,00Totale 51 0,00705.000,00`
        (SpeseCapitale | RiepilogoSpesaCapitale, _) => "# # ##X ##",
    }
}

/// One record to lay out: a row or a total.
struct Voce {
    modello: &'static str,
    /// Printed before the text, never wrapped: the PEG key, a code, `Totale`.
    testa: String,
    /// The wrapped text: a description, the rest of a label.
    corpo: String,
    /// The amounts in text order; `None` for one the tree does not have.
    importi: Vec<Option<Decimal>>,
    vincolato: bool,
    /// The missione-programma and how many amounts come before it.
    mp: Option<(usize, String)>,
    larghezza: Option<usize>,
    /// After a text wrapped on two lines the amounts follow without a blank
    /// line (rows of 1.A, 1.B and 2.B); otherwise a blank line comes first.
    diretto: bool,
}

/// A line of output and whether a blank line follows it.
type Linea = (String, bool);

/// Lay a record out on its lines.
fn componi(v: &Voce) -> Vec<Linea> {
    let parti = spezza(&v.corpo, v.larghezza);
    let mut c = Composizione::default();
    let modello = v.modello.as_bytes();
    let mut n = 0;
    for (i, ch) in modello.iter().enumerate() {
        match ch {
            b'#' => {
                c.importo(v, n);
                n += 1;
                c.missione_programma(v, n, modello.get(i + 1) == Some(&b' '));
            }
            b'T' => c.cur.push_str(&v.testa),
            b'X' => {
                c.cur.push_str(&v.testa);
                c.testo(&parti, !v.testa.is_empty(), v.diretto);
            }
            b'R' => c.testo(&parti, false, v.diretto),
            _ => c.spazio(),
        }
    }
    // Amounts the model has no place for are fused after the last one, as the
    // 1.B subtotals fuse their fifth amount.
    for k in n..v.importi.len() {
        c.importo(v, k);
    }
    c.fine()
}

#[derive(Default)]
struct Composizione {
    righe: Vec<Linea>,
    cur: String,
}

impl Composizione {
    fn importo(&mut self, v: &Voce, n: usize) {
        if n == 0 && v.vincolato {
            self.cur.push('V');
        }
        if let Some(Some(a)) = v.importi.get(n) {
            self.cur.push_str(&italiano(*a));
        }
    }

    /// The missione-programma fused after the `n`-th amount, a blank after it.
    fn missione_programma(&mut self, v: &Voce, n: usize, spazio_segue: bool) {
        if let Some((_, mp)) = v.mp.as_ref().filter(|(k, _)| *k == n) {
            self.cur.push_str(mp);
            if !spazio_segue {
                self.cur.push(' ');
            }
        }
    }

    /// One blank, never at the start of a line nor doubled.
    fn spazio(&mut self) {
        if !self.cur.is_empty() && !self.cur.ends_with(' ') {
            self.cur.push(' ');
        }
    }

    /// The wrapped text: its first part on the current line, the others on
    /// lines of their own, and what follows on a new line.
    fn testo(&mut self, parti: &[String], dopo_testa: bool, diretto: bool) {
        let Some((prima, altre)) = parti.split_first() else {
            return;
        };
        if dopo_testa {
            self.cur.push(' ');
        }
        self.cur.push_str(prima);
        if altre.is_empty() {
            return;
        }
        // The extraction leaves the blank before the wrap at the end of the line.
        self.cur.push(' ');
        self.righe.push((std::mem::take(&mut self.cur), true));
        for (i, p) in altre.iter().enumerate() {
            if i + 1 < altre.len() {
                self.righe.push((format!("{p} "), true));
            } else {
                self.righe.push((p.clone(), !(diretto && parti.len() == 2)));
            }
        }
    }

    fn fine(mut self) -> Vec<Linea> {
        let resto = self.cur.trim_end();
        if !resto.is_empty() {
            self.righe.push((resto.to_string(), true));
        }
        self.righe
    }
}

/// Wrap `testo` at blanks into parts of at most `larghezza` characters (a word
/// longer than that stays whole). A part the grammar would read as something
/// else is joined to the part before it.
fn spezza(testo: &str, larghezza: Option<usize>) -> Vec<String> {
    let mut parti: Vec<String> = Vec::new();
    for w in testo.split(' ').filter(|w| !w.is_empty()) {
        match parti.last_mut() {
            Some(p) if larghezza.is_none_or(|l| p.chars().count() + 1 + w.chars().count() <= l) => {
                p.push(' ');
                p.push_str(w);
            }
            _ => parti.push(w.to_string()),
        }
        while parti.len() > 1 && !a_capo_sicuro(&parti[parti.len() - 1]) {
            let ultima = parti.pop().unwrap_or_default();
            if let Some(p) = parti.last_mut() {
                p.push(' ');
                p.push_str(&ultima);
            }
        }
    }
    parti
}

/// Can this text stand on a line of its own inside a record? Not when the
/// grammar would read it as the start of another item or as page furniture:
/// a leading number (PEG key, Settore or Titolo heading, code of a 1.D / 2.C
/// row or missione), the word `Totale`, a capital Titolo heading
/// (`...TITOLO 2`), a Direzione heading, a title or footer (`Bilancio...`), a
/// section header (`1.A ...`), `ANNO :`, `MISSIONE`, or a column header.
fn a_capo_sicuro(riga: &str) -> bool {
    let parole: Vec<&str> = riga.split(' ').filter(|w| !w.is_empty()).collect();
    let prima = parole.first().copied().unwrap_or("");
    let numero = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let titolo_capitale = riga.contains("TITOLO") && riga.ends_with(|c: char| c.is_ascii_digit());
    let direzione = prima
        .strip_prefix("DIR")
        .is_some_and(|d| numero(d) && parole.len() > 1);
    let sezione =
        matches!(prima.as_bytes(), [d, b'.', l] if d.is_ascii_digit() && l.is_ascii_uppercase());
    let anno = riga
        .strip_prefix("ANNO")
        .is_some_and(|r| r.trim_start().starts_with(':'));
    !(numero(prima)
        || parole.contains(&"Totale")
        || titolo_capitale
        || direzione
        || prima.starts_with("Bilancio")
        || sezione
        || anno
        || riga == "MISSIONE"
        // The parser's own test, fused words included (`CRONOPROGRAMMA` is
        // CRONO + PROGRAMMA to it): a continuation it could take for a
        // column header is never written.
        || column_header(riga) != HeaderFit::No)
}

/// The column headers of a section as the real report prints them at the top
/// of each page (`{a}` the year, `{p}` the year before).
fn colonne(id: SezioneId) -> &'static [&'static str] {
    match id {
        SezioneId::EntrateCorrenti => {
            &["PEGPDC DESCRIZIONE PEG VINCPREVISIONE {a} PREVISIONE {p} RENDICONTO {p}"]
        }
        SezioneId::SpeseCorrenti => &[
            "PEGPDC DESCRIZIONE PEG VINCPREVISIONE ",
            "{a} ",
            "PREVISIONE ",
            "{p}",
            "Miss.-",
            "Progr.",
            "RENDICONTO  ",
            "{p}",
        ],
        SezioneId::RiepilogoVincolate => {
            &["TITOLO DESCRIZIONE TITOLO VINCPREVISIONE {a} PREVISIONE {p} RENDICONTO {p}"]
        }
        SezioneId::RiepilogoSpesaCorrente => {
            &["Missione Programma PREVISIONE {p} PREVISIONE {a}RENDICONTO {p}"]
        }
        SezioneId::EntrateCapitale => &[
            "PEG DESC PEG",
            "PREVISIONE ",
            "{p}",
            "PREVISIONE ",
            "{a}",
            "     di cui:      ",
            "CRONO ",
            "OBBLIGAZ.IONI ",
            "ANNI ",
            "PRECEDENTI",
            "      di cui:        ",
            "ALTRI NUOVI ",
            "STANZIAMENTI",
            "     di cui:       ",
            "PROGRAMMA ",
            "TRIENNALE   ",
            "LAVORI ",
            "PUBBLICI",
            "RENDICONTO ",
            "{p}",
        ],
        SezioneId::SpeseCapitale => &[
            "PEG DESC PEG PREVISIONE ",
            "{a}",
            "    di cui:     ",
            "CRONO ",
            "OBBLIGAZIONI ",
            "ANNI ",
            "PRECEDENTI",
            "          di cui:       ",
            "ALTRI NUOVI ",
            "STANZIAMENTI ",
            "       di cui:       ",
            "PROGRAMMA ",
            "TRIENNALE   ",
            "LAVORI ",
            "PUBBLICI",
            "Miss.-",
            "Progr.",
            "RENDICONTO ",
            "{p}",
            "PREVISIONE ",
            "{p}",
        ],
        SezioneId::RiepilogoSpesaCapitale => &[
            "Progr",
            "PREVISIONE ",
            "{p}",
            "PREVISIONE ",
            "{a}",
            "     di cui:     ",
            "CRONO ",
            "OBBLIGAZIONI ",
            "ANNI ",
            "PRECEDENTI",
            "          di cui:         ",
            "ALTRI NUOVI ",
            "STANZIAMENTI ",
            "         di cui:       ",
            "PROGRAMMA ",
            "TRIENNALE   ",
            "LAVORI ",
            "PUBBLICI",
            "Missione",
            "RENDICONTO ",
            "{p}",
            "                           DESCRIZIONE                         ",
            "MISSIONE e PROGRAMMA",
        ],
    }
}

/// Where the real report wraps a section title: its first line.
fn titolo_a_capo(id: SezioneId) -> Option<&'static str> {
    match id {
        SezioneId::RiepilogoVincolate => Some("RIEPILOGO ENTRATE e SPESE CORRENTI"),
        SezioneId::RiepilogoSpesaCapitale => Some("RIEPILOGO SPESA IN CONTO CAPITALE"),
        _ => None,
    }
}

/// Tabular sections open a new page with the report title.
fn apre_pagina(id: SezioneId) -> bool {
    matches!(
        id,
        SezioneId::EntrateCorrenti
            | SezioneId::SpeseCorrenti
            | SezioneId::EntrateCapitale
            | SezioneId::SpeseCapitale
    )
}

/// The output being written, with the state of the page.
struct Foglio<'o> {
    o: &'o Opzioni,
    out: String,
    /// Lines of text on the current page.
    righe: usize,
    pagina: usize,
    /// The next line opens a page: the extraction gives it a leading blank.
    rientro: bool,
    /// The section being written and its year, for footers and repeated headers.
    corrente: Option<(SezioneId, Option<u16>)>,
}

impl<'o> Foglio<'o> {
    fn new(o: &'o Opzioni) -> Self {
        Foglio {
            o,
            out: String::new(),
            righe: 0,
            pagina: 1,
            rientro: o.righe_per_pagina.is_some(),
            corrente: None,
        }
    }

    fn paginato(&self) -> bool {
        self.o.righe_per_pagina.is_some()
    }

    fn scrivi(&mut self, testo: &str, vuota_dopo: bool) {
        if std::mem::take(&mut self.rientro) {
            self.out.push(' ');
        }
        self.out.push_str(testo);
        self.out.push('\n');
        if vuota_dopo {
            self.out.push('\n');
        }
        self.righe += 1;
    }

    /// A line and the blank line the extraction puts after most lines.
    fn linea(&mut self, testo: &str) {
        self.scrivi(testo, true);
    }

    fn linee(&mut self, righe: Vec<Linea>) {
        for (t, vuota) in righe {
            self.scrivi(&t, vuota);
        }
    }

    /// End the current page (with its footer inside a section) and open another.
    fn nuova_pagina(&mut self) {
        if !self.paginato() {
            return;
        }
        if self.righe > 0 {
            if let Some((id, anno)) = self.corrente {
                let anno = anno.map(|a| format!(" {a}")).unwrap_or_default();
                let pie = format!(
                    "Bilancio di Previsione{anno} - {} pag. {}",
                    id.title(),
                    self.pagina
                );
                self.linea(&pie);
                self.out.push_str("\n\n");
            }
            self.pagina += 1;
        }
        self.righe = 0;
        self.rientro = true;
    }

    /// Before an item of a section: break the page when it is full.
    fn voce(&mut self) {
        let (Some(n), Some((id, anno))) = (self.o.righe_per_pagina, self.corrente) else {
            return;
        };
        if self.righe >= n {
            self.nuova_pagina();
            self.colonne(id, anno);
        }
    }

    fn colonne(&mut self, id: SezioneId, anno: Option<u16>) {
        let a = anno.map(|a| a.to_string()).unwrap_or_default();
        let p = anno
            .map(|a| a.saturating_sub(1).to_string())
            .unwrap_or_default();
        for riga in colonne(id) {
            let riga = riga.replace("{a}", &a).replace("{p}", &p);
            if !riga.trim().is_empty() {
                self.linea(&riga);
            }
        }
    }

    fn report(&mut self, r: &Report) {
        self.nuova_pagina();
        self.corrente = None;
        if let Some(t) = &r.titolo {
            self.linea(&t.testo);
        }
        for (i, s) in r.sezioni.iter().enumerate() {
            if i > 0 && apre_pagina(s.id) {
                self.nuova_pagina();
                if let Some(t) = r.titolo.as_ref().filter(|_| self.paginato()) {
                    self.linea(&t.testo);
                }
            }
            self.sezione(r, s);
        }
        for b in &r.narrativa {
            self.nuova_pagina();
            self.corrente = None;
            self.narrativa(b);
        }
    }

    fn sezione(&mut self, r: &Report, s: &Sezione) {
        let anno = s.anno.map(|a| a.anno).or(r.anno);
        self.corrente = Some((s.id, anno));
        self.intestazione_sezione(s);
        if let Some(a) = s.anno {
            // 2.A prints `ANNO:`, the others `ANNO :`.
            let etichetta = if s.id == SezioneId::EntrateCapitale {
                "ANNO:"
            } else {
                "ANNO :"
            };
            self.linea(etichetta);
            self.linea(&a.anno.to_string());
        }
        self.colonne(s.id, anno);
        match &s.corpo {
            Corpo::Tabella(t) => self.tabella(s.id, t),
            Corpo::Vincolate(v) => self.vincolate(v),
            Corpo::Missioni(m) => self.missioni(s.id, m),
        }
    }

    fn intestazione_sezione(&mut self, s: &Sezione) {
        let testo = s.intestazione.testo.as_str();
        let code = s.id.code();
        let a_capo = titolo_a_capo(s.id)
            .filter(|_| testo == s.id.title())
            .and_then(|prima| Some((prima, testo.strip_prefix(prima)?)));
        match a_capo {
            Some((prima, resto)) => {
                self.linea(&format!("{code}        {prima} "));
                self.linea(resto.trim_start());
            }
            None => self.linea(&format!("{code}        {testo}")),
        }
    }

    fn tabella(&mut self, id: SezioneId, t: &Tabella) {
        if let Some(d) = &t.direzione {
            self.voce();
            let etichetta = if id.is_capitale() { "DIREZIONE:" } else { "" };
            self.linea(&format!("{}   {}{etichetta}", d.codice, d.nome));
        }
        for s in &t.settori {
            self.settore(id, s);
        }
        self.totale(id, t.totale.as_ref());
    }

    fn settore(&mut self, id: SezioneId, s: &Settore) {
        if let Some(h) = &s.intestazione {
            self.voce();
            self.linea(&intestazione_settore(id, h));
        }
        for t in &s.titoli {
            self.titolo(id, t);
        }
        self.totale(id, s.totale.as_ref());
    }

    fn titolo(&mut self, id: SezioneId, t: &Titolo) {
        if let Some(h) = &t.intestazione {
            self.voce();
            self.linea(&intestazione_titolo(id, h));
        }
        for g in &t.gruppi {
            self.gruppo(id, g);
        }
        self.totale(id, t.totale.as_ref());
    }

    fn gruppo(&mut self, id: SezioneId, g: &Gruppo) {
        let etichetta = match g.tipo {
            TipoGruppo::Tipologia => Some("TIPOLOGIA:"),
            TipoGruppo::Macroaggregato => Some("MACROAGGR:"),
            TipoGruppo::Nessuno => None,
        };
        if let (Some(h), Some(e)) = (&g.intestazione, etichetta) {
            self.voce();
            self.linea(&format!("{:02} {}{e}", h.codice, h.nome));
        }
        for r in &g.righe {
            self.riga(id, r);
        }
        self.totale(id, g.totale.as_ref());
    }

    fn riga(&mut self, id: SezioneId, r: &Riga) {
        let k = r.chiave;
        let testa = match r.pdc.filter(|_| !id.is_capitale()) {
            Some(pdc) => format!("{} {} {}{pdc}", k.capitolo, k.articolo, k.numero),
            None => k.to_string(),
        };
        let mut corpo = String::new();
        if r.non_ripetuto {
            corpo.push_str("(ART.NON RIPETUTO) ");
        }
        if r.asterisco {
            corpo.push('*');
        }
        corpo.push_str(&r.descrizione);
        let mp =
            layout::missione_programma_after(id).zip(r.missione_programma.map(|m| m.to_string()));
        self.voce();
        self.linee(componi(&Voce {
            modello: if id.is_capitale() {
                "X # # # ###"
            } else {
                "X ## #"
            },
            testa,
            corpo,
            importi: importi_riga(id, |c| r.importi.get(c)),
            vincolato: r.vincolato,
            mp,
            larghezza: larghezza(self.o, id, Cella::Descrizione),
            diretto: id != SezioneId::EntrateCapitale,
        }));
    }

    fn totale(&mut self, id: SezioneId, t: Option<&Totale>) {
        let Some(t) = t else {
            return;
        };
        let (testa, corpo) = t.etichetta.split_once(' ').unwrap_or((&t.etichetta, ""));
        let importi = layout::totale(id, t.livello)
            .iter()
            .map(|c| match c {
                Colonna::PrevisionePrecedenteRipetuta => t.previsione_precedente_ripetuta,
                c => t.importi.get(*c),
            })
            .collect();
        let righe = componi(&Voce {
            modello: modello_totale(id, t.livello),
            testa: testa.to_string(),
            corpo: corpo.to_string(),
            importi,
            vincolato: false,
            mp: None,
            larghezza: larghezza(self.o, id, Cella::Etichetta),
            diretto: false,
        });
        self.voce();
        self.linee(
            righe
                .into_iter()
                .map(|(t, v)| (spazia_direzione(&t), v))
                .collect(),
        );
    }

    fn vincolate(&mut self, v: &RiepilogoVincolate) {
        for p in &v.parti {
            self.parte(p);
        }
    }

    fn parte(&mut self, p: &ParteVincolate) {
        let id = SezioneId::RiepilogoVincolate;
        self.testo(p.intestazione.as_ref());
        self.testo(p.direzione.as_ref());
        for r in &p.righe {
            self.riga_titolo(r);
        }
        self.totale(id, p.totale.as_ref());
    }

    fn riga_titolo(&mut self, r: &RigaTitolo) {
        let id = SezioneId::RiepilogoVincolate;
        self.voce();
        self.linee(componi(&Voce {
            modello: modello_riga(id),
            testa: r.titolo.to_string(),
            corpo: r.descrizione.clone(),
            importi: importi_riga(id, |c| r.importi.get(c)),
            vincolato: r.vincolato,
            mp: None,
            larghezza: larghezza(self.o, id, Cella::Descrizione),
            diretto: false,
        }));
    }

    /// A line of text of a summary (part heading, Direzione name).
    fn testo(&mut self, t: Option<&Testo>) {
        if let Some(t) = t {
            self.voce();
            self.linea(&t.testo);
        }
    }

    fn missioni(&mut self, id: SezioneId, m: &RiepilogoMissioni) {
        if let Some(t) = &m.intestazione {
            self.voce();
            self.linea(&titolo_fuso(&t.testo));
        }
        self.testo(m.direzione.as_ref());
        for mi in &m.missioni {
            if let Some(h) = &mi.intestazione {
                self.voce();
                self.linea(&format!("{:02} {}", h.codice, h.nome));
            }
            for p in &mi.programmi {
                self.programma(id, p);
            }
            self.totale(id, mi.totale.as_ref());
        }
        self.totale(id, m.totale_direzione.as_ref());
        self.totale(id, m.totale_generale.as_ref());
    }

    fn programma(&mut self, id: SezioneId, p: &RigaProgramma) {
        self.voce();
        self.linee(componi(&Voce {
            modello: modello_riga(id),
            testa: format!("{:02}", p.programma),
            corpo: p.descrizione.clone(),
            importi: importi_riga(id, |c| p.importi.get(c)),
            vincolato: false,
            mp: None,
            larghezza: larghezza(self.o, id, Cella::Descrizione),
            diretto: false,
        }));
    }

    fn narrativa(&mut self, b: &BloccoNarrativo) {
        self.linea("MISSIONE");
        if let Some(t) = &b.missione {
            self.linea(&t.testo);
        }
        self.campo("OBIETTIVO STRATEGICO", b.obiettivo_strategico.as_ref());
        self.campo("PROGRAMMA OPERATIVO", b.programma_operativo.as_ref());
        self.campo("DIREZIONE", b.direzione.as_ref());
        if let Some(t) = &b.finalita {
            self.linea("DESCRIZIONE DELLE FINALITA\u{2019}");
            // The prose keeps its lines, one after the other.
            for l in t.testo.split('\n') {
                self.scrivi(l, false);
            }
            self.out.push('\n');
        }
    }

    /// A narrative field; a field given twice in a block was joined with a
    /// newline, so each part gets its heading again.
    fn campo(&mut self, nome: &str, t: Option<&Testo>) {
        for parte in t.iter().flat_map(|t| t.testo.split('\n')) {
            self.linea(nome);
            self.linea(parte);
        }
    }
}

/// The amounts of a row in text order.
fn importi_riga(id: SezioneId, get: impl Fn(Colonna) -> Option<Decimal>) -> Vec<Option<Decimal>> {
    layout::riga(id).iter().map(|c| get(*c)).collect()
}

/// The Direzione code in a total's label is followed by three blanks, as in
/// its heading (`Totale DIR07   127.288.600,00`, `0,00DIR07   Totale`).
fn spazia_direzione(riga: &str) -> String {
    let mut out = String::with_capacity(riga.len() + 2);
    let mut parole = riga.split(' ').peekable();
    while let Some(w) = parole.next() {
        out.push_str(w);
        if parole.peek().is_some() {
            let dir = w
                .strip_prefix("DIR")
                .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
            out.push_str(if dir { "   " } else { " " });
        }
    }
    out
}

/// `51 AREA DIRITTI E INCLUSIONE` in current sections, with the fused
/// `CENTRO RESP:` in capital ones (and wherever the plain form would not read
/// as a Settore: a name not starting with a letter).
fn intestazione_settore(id: SezioneId, h: &Intestazione<u32>) -> String {
    let semplice = !id.is_capitale() && h.nome.starts_with(char::is_alphabetic);
    let etichetta = if semplice { "" } else { "CENTRO RESP:" };
    format!("{} {}{etichetta}", h.codice, h.nome)
}

/// `2 TRASFERIMENTI CORRENTITITOLO` (1.A), `1 SPESE CORRENTITITOLO:` (1.B),
/// `ENTRATE IN CONTO CAPITALETITOLO: 4` (2.A), `SPESE IN CONTO CAPITALETITOLO 2`
/// (2.B); the capital form needs a name that does not start with a digit.
fn intestazione_titolo(id: SezioneId, h: &Intestazione<u8>) -> String {
    let (c, n) = (h.codice, &h.nome);
    let capitale =
        id.is_capitale() && !n.is_empty() && !n.starts_with(|c: char| c.is_ascii_digit());
    match id {
        SezioneId::EntrateCapitale if capitale => format!("{n}TITOLO: {c}"),
        SezioneId::SpeseCapitale if capitale => format!("{n}TITOLO {c}"),
        SezioneId::SpeseCorrenti => format!("{c} {n}TITOLO:"),
        _ => format!("{c} {n}TITOLO"),
    }
}

/// `SPESE IN CONTO CAPITALE TITOLO 2` (how the parser names the 2.C heading)
/// printed as the report does: `SPESE IN CONTO CAPITALETITOLO 2`.
fn titolo_fuso(testo: &str) -> String {
    match testo.rsplit_once(" TITOLO ") {
        Some((nome, codice))
            if !codice.is_empty() && codice.bytes().all(|b| b.is_ascii_digit()) =>
        {
            format!("{nome}TITOLO {codice}")
        }
        _ => testo.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn models_have_a_place_for_every_amount_of_the_layout() {
        use LivelloTotale::*;
        for id in SezioneId::ALL {
            let n = modello_riga(id).matches('#').count();
            assert_eq!(n, layout::riga(id).len(), "row of {}", id.code());
            for l in [Gruppo, Titolo, Settore, Direzione, Missione, Parte, Sezione] {
                let n = modello_totale(id, l).matches('#').count();
                let cols = layout::totale(id, l).len();
                // Only the 1.B fifth amount is fused after the model's last.
                let quinto = id == SezioneId::SpeseCorrenti && l == Gruppo;
                assert_eq!(cols, n + usize::from(quinto), "{} {l:?}", id.code());
            }
        }
    }

    #[test]
    fn wraps_at_the_width_and_keeps_long_words_whole() {
        assert_eq!(spezza("AB CD EF", Some(5)), ["AB CD", "EF"]);
        assert_eq!(spezza("ABCDEFG H", Some(3)), ["ABCDEFG", "H"]);
        assert_eq!(spezza("AB CD", None), ["AB CD"]);
        assert!(spezza("", Some(3)).is_empty());
    }

    #[test]
    fn never_wraps_onto_a_line_the_grammar_reads_as_something_else() {
        // `12 04 5` would start a row; `Totale` a total; `PREVISIONE 2022` is a
        // column header; `ANNI` alone is a weak header word, read as a header
        // at the top of a page (indented): never on a line of its own either.
        assert_eq!(spezza("SPESA 12 04 5 X", Some(6)), ["SPESA 12 04 5", "X"]);
        assert_eq!(spezza("FONDO Totale X", Some(6)), ["FONDO Totale", "X"]);
        assert_eq!(
            spezza("IN PREVISIONE 2022", Some(3)),
            ["IN PREVISIONE 2022"]
        );
        assert_eq!(spezza("SPESE ANNI", Some(5)), ["SPESE ANNI"]);
        assert_eq!(spezza("SPESE ANNI X", Some(5)), ["SPESE ANNI", "X"]);
        assert!(!a_capo_sicuro("DIR07 DIREZIONE"));
        assert!(!a_capo_sicuro("SPESE IN CONTO CAPITALETITOLO 2"));
        assert!(!a_capo_sicuro("1.A ENTRATE"));
        assert!(!a_capo_sicuro("ANNO : 2022"));
        assert!(!a_capo_sicuro("MISSIONE"));
        assert!(a_capo_sicuro("UE - FIN.TO STATALE"));
    }
}
