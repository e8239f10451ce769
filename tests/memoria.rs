//! Memory of the streaming check, measured with the allocator's own
//! statistics (a counting global allocator), never with time: on a
//! generated document of 100 MB (some 1,600 Direzioni), parsing one report
//! at a time holds at most 2 MB beyond the input (one report's tree: 0.26 MB
//! measured) whatever the size of the file, and the whole check (parse,
//! every default rule, vincolo inference, JSON output) stays within twice
//! the input (0.81 x the input beyond it, measured: the findings and the
//! line index).

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

    // The whole check as `quadra check --format json` runs it.
    let (trovati, picco) = picco_durante(|| {
        let (findings, _) =
            quadra::rules::check_in_flusso(&testo, &rules, false).expect("a report");
        let index = quadra::span::LineIndex::new(&testo);
        let esiti = [quadra::output::Esito::new(
            "generato.txt",
            &testo,
            &index,
            &findings,
        )];
        let stile = quadra::output::Stile {
            colour: false,
            width: 100,
            verbose: false,
        };
        quadra::output::write(
            quadra::output::Formato::Json,
            &mut std::io::sink(),
            &esiti,
            &rules,
            stile,
        )
        .unwrap();
        findings.len()
    });
    eprintln!("check: {picco} bytes beyond the input, {trovati} findings");
    // Every copy of the block has the same findings.
    assert_eq!(trovati % (direzioni / 20), 0);
    assert!(trovati > 0);
    assert!(
        picco < testo.len(),
        "the check held {picco} bytes beyond an input of {}",
        testo.len()
    );
}
