//! Any bytes through the whole pipeline: parse, every rule (vincolo
//! inference included), and every output format. Nothing may panic,
//! every finding's span must lie inside the input, and the streaming check
//! writes the JSON and SARIF of the whole document byte for byte.
#![no_main]

use std::io;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use quadra::config::RuleSet;
use quadra::output::flusso::Flusso;
use quadra::output::{self, Esito, Formato, Stile};
use quadra::span::LineIndex;

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::default_rules().expect("built-in rules are valid"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(p) = quadra::parse(data) else { return };
    let findings = quadra::rules::check(&p.documento, &p.diagnostics, rules(), false);
    for f in &findings {
        assert!(f.span.start <= f.span.end && f.span.end <= data.len(), "{f:?}");
    }
    // One report at a time, as `quadra check` runs: the same findings.
    let (in_flusso, _) = quadra::rules::check_in_flusso(data, rules(), false).expect("parse accepted it");
    assert_eq!(in_flusso, findings);
    let index = LineIndex::new(data);
    let esiti = [Esito::new("fuzz.txt", data, &index, &findings)];
    let stile = Stile { colour: false, width: 100, verbose: false };
    for formato in [Formato::Human, Formato::Github] {
        output::write(formato, &mut io::sink(), &esiti, rules(), stile).expect("writing to a sink");
    }
    // JSON and SARIF as `quadra check` writes one report file: streamed,
    // report by report, byte for byte what the whole document gives.
    let ingresso = quadra::ingresso::Ingresso::da_bytes(data.to_vec());
    for formato in [Formato::Json, Formato::Sarif] {
        let mut intero = Vec::new();
        output::write(formato, &mut intero, &esiti, rules(), stile).expect("writing to memory");
        let mut a_flusso = Vec::new();
        let mut flusso = Flusso::new(formato, &mut a_flusso, "fuzz.txt", rules(), None)
            .expect("writing to memory")
            .expect("JSON and SARIF stream");
        quadra::flusso::controlla_e_scrivi(&ingresso, rules(), false, &|_| true, &mut flusso)
            .expect("parse accepted it")
            .expect("writing to memory");
        flusso.chiudi().expect("writing to memory");
        assert!(intero == a_flusso, "{formato:?}: the streamed output differs");
    }
});
