//! Large inputs for benchmarks: a city-wide document is a sequence of
//! Direzione reports, so a big input is made of copies of a real report, each
//! with its own Direzione code; [`vincoli`] generates earmarked chapters
//! with known links.

pub mod bilancio;
pub mod guasti;
pub mod vincoli;

/// Concatenate copies of `report` until at least `min_bytes`, renaming the
/// Direzione code `DIR07` of each copy to `DIR1`, `DIR2`...
pub fn sequenza(report: &str, min_bytes: usize) -> String {
    let mut out = String::with_capacity(min_bytes + report.len());
    let mut n = 0usize;
    while out.len() < min_bytes {
        n += 1;
        out.push_str(&report.replace("DIR07", &format!("DIR{n}")));
        if !out.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_get_their_own_direzione() {
        let s = sequenza("DIR07 x\n", 20);
        assert_eq!(s, "DIR1 x\nDIR2 x\nDIR3 x\n");
    }
}
