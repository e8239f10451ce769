//! No input makes the parser panic, hang or grow without bound: truncations
//! of the real report at many points, byte-level mutations, and garbage.

use quadra::parse::MAX_DIAGNOSTICS;

const REPORT: &str = "reports/milano-2022-dir07-welfare-e-salute.txt";

/// A small deterministic generator (no dependency, same cases every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

fn check(bytes: &[u8]) {
    match quadra::parse(bytes) {
        Ok(out) => assert!(out.diagnostics.len() <= MAX_DIAGNOSTICS + 1),
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

#[test]
fn truncated_reports_never_panic() {
    let bytes = std::fs::read(REPORT).unwrap();
    let step = bytes.len() / 150;
    for cut in (0..bytes.len()).step_by(step) {
        check(&bytes[..cut]);
    }
    // A cut in the middle of a wrapped row, before its amounts: located.
    let text = std::str::from_utf8(&bytes).unwrap();
    let cut = text.find("L'IMMIGRAZIONE").unwrap();
    let out = quadra::parse(&bytes[..cut]).unwrap();
    let codes: Vec<_> = out.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["parse::missing-amounts"]);
}

#[test]
fn mutated_reports_never_panic() {
    let bytes = std::fs::read(REPORT).unwrap();
    let mut rng = Lcg(7);
    for _ in 0..60 {
        let mut m = bytes[..60_000].to_vec();
        for _ in 0..20 {
            let at = (rng.next() as usize) % m.len();
            m[at] = (rng.next() % 256) as u8;
        }
        check(&m);
    }
}

#[test]
fn garbage_is_bounded() {
    let mut rng = Lcg(42);
    let garbage: Vec<u8> = (0..200_000).map(|_| (rng.next() % 256) as u8).collect();
    check(&garbage);
    // Text that looks like a report header, then endless junk lines: the
    // diagnostics stop at the bound.
    let mut s = String::from("1.A        ENTRATE CORRENTI\n");
    for i in 0..5000 {
        s.push_str(&format!("junk line {i} ???\n"));
    }
    let out = quadra::parse(s.as_bytes()).unwrap();
    assert_eq!(out.diagnostics.len(), MAX_DIAGNOSTICS + 1);
    assert_eq!(
        out.diagnostics.last().unwrap().code.as_str(),
        "parse::too-many-diagnostics"
    );
    assert!(out
        .diagnostics
        .last()
        .unwrap()
        .message
        .starts_with("4001 more problems"));
}
