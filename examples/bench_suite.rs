//! The pieces of `scripts/bench.sh` (the benchmark suite):
//!
//! - `bench_suite gen --mb N -o FILE`: write a generated city-wide document
//!   of at least N MB (Direzioni generated and rendered a block at a time, so
//!   the generator's own memory stays small).
//! - `bench_suite run FILE`: read FILE, then time parsing, the whole rule
//!   catalogue, and vincolo inference alone; print one line of
//!   `key=value` figures, with the peak memory of this process (VmHWM).

use std::io::Write;
use std::time::Instant;

use quadra::report_text::{impagina, Opzioni};
use quadra::sample::bilancio::{genera, Parametri};

fn peak_rss_bytes() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let l = s.lines().find(|l| l.starts_with("VmHWM:"))?;
            l.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .map_or(0, |kb| kb * 1024)
}

/// Direzioni generated and rendered at a time.
const BLOCCO: usize = 20;

fn gen(mb: usize, path: &str) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).expect("writable output"));
    let (mut scritti, mut blocco) = (0usize, 0usize);
    let opzioni = Opzioni {
        righe_per_pagina: Some(60),
        ..Opzioni::default()
    };
    while scritti < mb * 1_000_000 {
        let p = Parametri {
            seme: blocco as u64 + 1,
            prima_direzione: blocco * BLOCCO + 1,
            direzioni: BLOCCO,
            settori: 6,
            righe: 40,
            ..Parametri::default()
        };
        let testo = impagina(&genera(&p).documento, &opzioni);
        f.write_all(testo.as_bytes()).expect("write");
        scritti += testo.len();
        blocco += 1;
    }
    f.flush().expect("write");
}

/// Time the engine as `quadra check` runs it, one report at a time: parse
/// alone (each report's tree dropped as soon as it is read), the full check
/// (parse, every default rule with vincolo inference, the JSON output
/// written to nowhere), and inference alone; the peak memory is the whole
/// process's, the input included.
fn run(path: &str) {
    let input = std::fs::read(path).expect("readable input");
    let t = Instant::now();
    let mut reports = 0usize;
    let diagnostics = quadra::parse_each(&input, |r| {
        reports += 1;
        drop(r);
    })
    .expect("a report");
    let parse = t.elapsed().as_secs_f64();

    let rules = quadra::config::RuleSet::default_rules().expect("built-in rules");
    let t = Instant::now();
    let (findings, _) = quadra::rules::check_in_flusso(&input, &rules, false).expect("a report");
    let index = quadra::span::LineIndex::new(&input);
    let esiti = [quadra::output::Esito::new(path, &input, &index, &findings)];
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
    .expect("output to nowhere");
    let check = t.elapsed().as_secs_f64();

    // Inference alone: every report's items and graph, timed around them
    // only (the parse that feeds them is not counted).
    let mut infer = 0.0;
    let mut legami = 0usize;
    quadra::parse_each(&input, |r| {
        let t = Instant::now();
        let its = quadra::lang::item::items(&r);
        let g = quadra::vincoli::infer::inferisci(
            &its,
            quadra::vincoli::dizionario::Dizionario::ufficiale(),
        );
        legami += g.g.edge_count();
        infer += t.elapsed().as_secs_f64();
    })
    .expect("a report");
    println!(
        "bytes={} reports={} diagnostics={} findings={} links={} parse_s={:.4} check_s={:.4} infer_s={:.4} peak_bytes={}",
        input.len(),
        reports,
        diagnostics.len(),
        findings.len(),
        legami,
        parse,
        check,
        infer,
        peak_rss_bytes()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["gen", "--mb", mb, "-o", path] => gen(mb.parse().expect("--mb takes megabytes"), path),
        ["run", path] => run(path),
        _ => {
            eprintln!("usage: bench_suite gen --mb N -o FILE | bench_suite run FILE");
            std::process::exit(2);
        }
    }
}
