//! Memory of the streaming check, measured with the allocator's own
//! statistics (a counting global allocator), never with time: on a
//! generated document of 100 MB (some 1,600 Direzioni), parsing one report
//! at a time holds at most 2 MB beyond the input (one report's tree: 0.26 MB
//! measured) whatever the size of the file, and the whole check as `quadra
//! check --format json` runs it (input mapped, parse, every default rule,
//! vincolo inference, JSON written a report at a time) holds a fixed few
//! MB of heap: one report's tree and findings, and the line index.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use quadra::config::RuleSet;
use quadra::report_text::{impagina, Opzioni};
use quadra::sample::bilancio::{genera, Parametri};

/// Counts the bytes allocated and not yet freed, and their peak.
struct Contatore;

static VIVI: AtomicUsize = AtomicUsize::new(0);
static PICCO: AtomicUsize = AtomicUsize::new(0);

fn aggiungi(n: usize) {
    let ora = VIVI.fetch_add(n, Ordering::Relaxed) + n;
    PICCO.fetch_max(ora, Ordering::Relaxed);
}

// SAFETY: every call is passed to the system allocator unchanged; only the
// counters are added.
unsafe impl GlobalAlloc for Contatore {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            aggiungi(l.size());
        }
        p
    }

    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        VIVI.fetch_sub(l.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, p: *mut u8, l: Layout, nuova: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, l, nuova) };
        if !q.is_null() {
            VIVI.fetch_sub(l.size(), Ordering::Relaxed);
            aggiungi(nuova);
        }
        q
    }
}

#[global_allocator]
static ALLOCATORE: Contatore = Contatore;

/// Peak live bytes while `f` runs, above what was live before it.
fn picco_durante<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let prima = VIVI.load(Ordering::Relaxed);
    PICCO.store(prima, Ordering::Relaxed);
    let r = f();
    (r, PICCO.load(Ordering::Relaxed) - prima)
}

/// A generated city-wide document of at least `mb` MB: a block of 20
/// Direzioni rendered once and repeated (each copy is a report of its own).
fn documento(mb: usize) -> (Vec<u8>, usize) {
    let p = Parametri {
        seme: 11,
        direzioni: 20,
        settori: 6,
        righe: 40,
        ..Parametri::default()
    };
    let opzioni = Opzioni {
        righe_per_pagina: Some(60),
        ..Opzioni::default()
    };
    let blocco = impagina(&genera(&p).documento, &opzioni);
    let copie = (mb * 1_000_000).div_ceil(blocco.len());
    let mut testo = Vec::with_capacity(copie * blocco.len());
    for _ in 0..copie {
        testo.extend_from_slice(blocco.as_bytes());
    }
    (testo, copie * 20)
}

#[test]
fn a_100_mb_document_is_checked_in_bounded_memory() {
    let (testo, direzioni) = documento(100);
    assert!(testo.len() >= 100_000_000);
    let rules = RuleSet::default_rules().unwrap();

    // Parsing alone: one report's tree at a time, however long the file.
    let ((letti, diagnostiche), picco) = picco_durante(|| {
        let mut letti = 0usize;
        let d = quadra::parse_each(&testo, |r| {
            letti += 1;
            drop(r);
        })
        .expect("a report");
        (letti, d.len())
    });
    assert_eq!((letti, diagnostiche), (direzioni, 0));
    eprintln!("parse: {picco} bytes beyond an input of {}", testo.len());
    assert!(
        picco < 2_000_000,
        "parsing held {picco} bytes beyond the input"
    );

    // The whole check as `quadra check --format json` runs it on one
    // report file: mapped, checked and written a report at a time.
    let path = std::env::temp_dir().join(format!("quadra-memoria-{}.txt", std::process::id()));
    std::fs::write(&path, &testo).unwrap();
    let lunghezza = testo.len();
    drop(testo);
    let path_testo = path.to_str().unwrap().to_string();
    let (riassunto, picco) = picco_durante(|| {
        let ingresso = quadra::ingresso::Ingresso::apri(&path_testo).unwrap();
        let mut nowhere = std::io::sink();
        let mut flusso = quadra::output::flusso::Flusso::new(
            quadra::output::Formato::Json,
            &mut nowhere,
            &path_testo,
            &rules,
            None,
        )
        .unwrap()
        .unwrap();
        let r =
            quadra::flusso::controlla_e_scrivi(&ingresso, &rules, false, &|_| true, &mut flusso)
                .expect("a report")
                .unwrap();
        flusso.chiudi().unwrap();
        r
    });
    std::fs::remove_file(&path).unwrap();
    eprintln!(
        "check: {picco} bytes of heap at most for an input of {lunghezza} (mapped), {} findings",
        riassunto.scritti
    );
    assert_eq!(riassunto.reports, direzioni);
    // Every copy of the block has the same findings.
    assert_eq!(riassunto.scritti % (direzioni / 20), 0);
    assert!(riassunto.scritti > 0);
    // One report's tree and findings, the line index of the part being
    // read and the JSON frame: 0.73 MB measured, whatever the file's size.
    assert!(
        picco < 2_000_000,
        "the check held {picco} bytes of heap for an input of {lunghezza}"
    );
}
