//! Parse and check a large input once and print throughput and peak memory.
//!
//! `cargo run --release --example parse_stats -- --mb 100` builds a 100 MB
//! city-wide document from copies of the real report (see `quadra::sample`);
//! `... -- FILE` parses a file. Peak memory is the process's VmHWM, which
//! includes the input buffer itself.

use std::time::Instant;

fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let input: Vec<u8> = match args.as_slice() {
        [flag, mb] if flag == "--mb" => {
            let mb: usize = mb.parse().expect("--mb takes a number of megabytes");
            let base = std::fs::read_to_string("reports/milano-2022-dir07-welfare-e-salute.txt")
                .expect("run from the repository root");
            quadra::sample::sequenza(&base, mb * 1_000_000).into_bytes()
        }
        [file] => std::fs::read(file).expect("readable file"),
        _ => {
            eprintln!("usage: parse_stats --mb N | FILE");
            std::process::exit(2);
        }
    };
    let rss_before = peak_rss_bytes().unwrap_or(0);
    let t = Instant::now();
    let out = quadra::parse(&input).expect("a report");
    let secs = t.elapsed().as_secs_f64();
    let rows: usize = out
        .documento
        .reports
        .iter()
        .map(|r| r.righe().count())
        .sum();
    let rules = quadra::config::RuleSet::default_rules().expect("default rules");
    let t = Instant::now();
    let findings = quadra::rules::check(&out.documento, &out.diagnostics, &rules, false);
    let check_secs = t.elapsed().as_secs_f64();
    let peak = peak_rss_bytes().unwrap_or(0);
    let mb = input.len() as f64 / 1e6;
    println!("input            {:>12} bytes", input.len());
    println!("reports          {:>12}", out.documento.reports.len());
    println!("budget rows      {:>12}", rows);
    println!("diagnostics      {:>12}", out.diagnostics.len());
    println!("parse time       {:>12.3} s", secs);
    println!("throughput       {:>12.1} MB/s", mb / secs);
    println!("findings         {:>12}", findings.len());
    println!(
        "check time       {:>12.3} s (rules, after parsing)",
        check_secs
    );
    println!("parse + check    {:>12.1} MB/s", mb / (secs + check_secs));
    println!(
        "peak RSS         {:>12} bytes ({:.2}x input)",
        peak,
        peak as f64 / input.len() as f64
    );
    println!(
        "RSS before parse {:>12} bytes ({:.2}x input)",
        rss_before,
        rss_before as f64 / input.len() as f64
    );
}
