//! The pieces of `scripts/bench.sh` (the benchmark suite):
//!
//! - `bench_suite gen --mb N -o FILE`: write a generated city-wide document
//!   of at least N MB (Direzioni generated and rendered a block at a time, so
//!   the generator's own memory stays small).
//! - `bench_suite run FILE`: map FILE, then time parsing, the whole check
//!   as `quadra check --format json` streams it, and vincolo inference
//!   alone; print one line of `key=value` figures, with the largest
//!   report and the peak memory of this process (VmHWM).

use std::io::Write;

/// The allocator of the `quadra` binary (see `src/main.rs`), so that the
/// suite measures what the command does.
#[global_allocator]
static GLOBAL: quadra::allocator::Allocator = quadra::allocator::Allocator;
use std::time::Instant;

use quadra::report_text::{impagina, Opzioni};
use quadra::sample::bilancio::{genera, Parametri};

fn peak_rss_bytes() -> u64 {
    rss_bytes("VmHWM:")
}

/// A memory figure of this process (`/proc/self/status`), in bytes.
fn rss_bytes(campo: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let l = s.lines().find(|l| l.starts_with(campo))?;
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

/// Time the engine as `quadra check --format json` runs it on one report
/// file, one report at a time: parse alone (each report's tree dropped as
/// soon as it is read), the full check (parse, every default rule with
/// vincolo inference, the JSON written report by report to nowhere:
/// `quadra::flusso`), and inference alone. The input is mapped and its
/// pages given back as reports are done, as `quadra check` does; the peak
/// memory is the whole process's (VmHWM: the mapped pages held count).
fn run(path: &str) {
    let apri = || quadra::ingresso::Ingresso::apri(path).expect("readable input");
    let ingresso = apri();
    let input = ingresso.bytes();
    let t = Instant::now();
    let mut reports = 0usize;
    let mut piu_grande = 0usize;
    let diagnostics = quadra::parse_each(input, |r| {
        reports += 1;
        piu_grande = piu_grande.max(r.span.len());
        ingresso.rilascia(r.span.end);
        drop(r);
    })
    .expect("a report");
    let parse = t.elapsed().as_secs_f64();
    drop(ingresso);
    let picco_parse = peak_rss_bytes();

    let rules = quadra::config::RuleSet::default_rules().expect("built-in rules");
    let t = Instant::now();
    let ingresso = apri();
    let mut nowhere = std::io::sink();
    let mut flusso = quadra::output::flusso::Flusso::new(
        quadra::output::Formato::Json,
        &mut nowhere,
        path,
        &rules,
        None,
    )
    .expect("output to nowhere")
    .expect("JSON streams");
    let riassunto =
        quadra::flusso::controlla_e_scrivi(&ingresso, &rules, false, &|_| true, &mut flusso)
            .expect("a report")
            .expect("output to nowhere");
    flusso.chiudi().expect("output to nowhere");
    let check = t.elapsed().as_secs_f64();
    if std::env::var_os("QUADRA_BENCH_RSS").is_some() {
        eprintln!(
            "after check: anon={} file={}",
            rss_bytes("RssAnon:"),
            rss_bytes("RssFile:")
        );
    }
    drop(ingresso);
    let picco_check = peak_rss_bytes();

    // Inference alone: every report's items and graph, timed around them
    // only (the parse that feeds them is not counted).
    let mut infer = 0.0;
    let mut legami = 0usize;
    let ingresso = apri();
    quadra::parse_each(ingresso.bytes(), |r| {
        let t = Instant::now();
        let its = quadra::lang::item::items(&r);
        let g = quadra::vincoli::infer::inferisci(
            &its,
            quadra::vincoli::dizionario::Dizionario::ufficiale(),
        );
        legami += g.g.edge_count();
        infer += t.elapsed().as_secs_f64();
        ingresso.rilascia(r.span.end);
    })
    .expect("a report");
    println!(
        "bytes={} reports={} largest={} diagnostics={} findings={} links={} parse_s={:.4} check_s={:.4} infer_s={:.4} peak_bytes={} peak_parse={} peak_check={} rss_now={}",
        ingresso.bytes().len(),
        reports,
        piu_grande,
        diagnostics.len(),
        riassunto.scritti,
        legami,
        parse,
        check,
        infer,
        peak_rss_bytes(),
        picco_parse,
        picco_check,
        rss_bytes("VmRSS:")
    );
}

/// The parse alone, one report at a time, nothing else in the process: what
/// a profiler (`valgrind --tool=callgrind`, `perf`) should look at when the
/// parse is the question.
fn solo_parse(path: &str) {
    let ingresso = quadra::ingresso::Ingresso::apri(path).expect("readable input");
    let mut reports = 0usize;
    let diagnostics = quadra::parse_each(ingresso.bytes(), |r| {
        reports += 1;
        ingresso.rilascia(r.span.end);
    })
    .expect("a report");
    println!("reports={reports} diagnostics={}", diagnostics.len());
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
        ["parse", path] => solo_parse(path),
        _ => {
            eprintln!(
                "usage: bench_suite gen --mb N -o FILE | bench_suite run FILE | bench_suite parse FILE"
            );
            std::process::exit(2);
        }
    }
}
