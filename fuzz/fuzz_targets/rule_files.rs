//! Any text as a rule file (merged over the built-in rules) and as a link
//! file (read, then checked against the real report): only located errors,
//! never a panic, and every error span inside its file.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use quadra::config::{load, Sorgente};
use quadra::lang::item::{items, Item};
use quadra::parse::ParseOutput;
use quadra::vincoli::links::{leggi, verifica};

const REAL: &[u8] = include_bytes!("../../reports/milano-2022-dir07-welfare-e-salute.txt");

fn real() -> &'static ParseOutput {
    static P: OnceLock<ParseOutput> = OnceLock::new();
    P.get_or_init(|| quadra::parse(REAL).expect("the real report parses"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(testo) = std::str::from_utf8(data) else { return };
    let sorgenti = [Sorgente::default_rules(), Sorgente { nome: "fuzz.toml".into(), testo: testo.into() }];
    if let Err(errors) = load(&sorgenti) {
        assert!(!errors.is_empty());
        for e in &errors {
            assert!(e.span.end <= sorgenti[e.sorgente].testo.len(), "{e:?}");
        }
    }
    match leggi(testo) {
        Ok(file) => {
            let report = &real().documento.reports[0];
            let its: Vec<Item<'_>> = items(report);
            let direzione = report.direzione.as_ref().map(|d| d.codice.as_str());
            for e in verifica(&file, direzione, &its) {
                assert!(e.span.end <= testo.len(), "{e:?}");
            }
        }
        Err(errors) => {
            for e in &errors {
                assert!(e.span.end <= testo.len(), "{e:?}");
            }
        }
    }
});
