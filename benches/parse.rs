//! Throughput of parsing and of parse + check (the default rules): the real
//! report, and a 100 MB city-wide document made of copies of it
//! (`quadra::sample::sequenza`). Run with `cargo bench`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const REPORT: &str = "reports/milano-2022-dir07-welfare-e-salute.txt";

fn bench_parse(c: &mut Criterion) {
    let base = std::fs::read_to_string(REPORT).expect("run from the repository root");
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(base.len() as u64));
    g.bench_function("real_report", |b| {
        b.iter(|| quadra::parse(base.as_bytes()).expect("report"))
    });
    let big = quadra::sample::sequenza(&base, 100_000_000);
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.sample_size(10);
    g.bench_function("city_100mb", |b| {
        b.iter(|| quadra::parse(big.as_bytes()).expect("report"))
    });
    g.finish();
}

fn bench_check(c: &mut Criterion) {
    let base = std::fs::read_to_string(REPORT).expect("run from the repository root");
    let rules = quadra::config::RuleSet::default_rules().expect("default rules");
    let check = |text: &str| {
        let p = quadra::parse(text.as_bytes()).expect("report");
        quadra::rules::check(&p.documento, &p.diagnostics, &rules, false)
    };
    let mut g = c.benchmark_group("parse_and_check");
    g.throughput(Throughput::Bytes(base.len() as u64));
    g.bench_function("real_report", |b| b.iter(|| check(&base)));
    let big = quadra::sample::sequenza(&base, 100_000_000);
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.sample_size(10);
    g.bench_function("city_100mb", |b| b.iter(|| check(&big)));
    g.finish();
}

criterion_group!(benches, bench_parse, bench_check);
criterion_main!(benches);
