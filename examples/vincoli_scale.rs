//! Inference time against the number of V chapters, on generated reports
//! (`quadra::sample::vincoli`): `cargo run --release --example vincoli_scale`.
//! Prints chapters, milliseconds, and milliseconds per n·log2(n), which stays
//! flat when the time grows no faster than n log n.

use std::time::Instant;

use quadra::sample::vincoli::{genera, items};
use quadra::vincoli::dizionario::Dizionario;
use quadra::vincoli::infer::inferisci;

fn main() {
    let diz = Dizionario::ufficiale();
    println!("{:>8} {:>10} {:>16}", "chapters", "ms", "us / n log2 n");
    for gruppi in [250, 500, 1_000, 2_000, 4_000, 5_000] {
        let caps = genera(7, gruppi);
        let its = items(&caps);
        let n = its.len() as f64;
        // Best of three, to keep other load on the machine out of the figure.
        let ms = (0..3)
            .map(|_| {
                let t = Instant::now();
                let g = inferisci(&its, diz);
                let groups = g.gruppi().gruppi.len();
                std::hint::black_box(groups);
                t.elapsed().as_secs_f64() * 1e3
            })
            .fold(f64::MAX, f64::min);
        println!(
            "{:>8} {:>10.2} {:>16.4}",
            its.len(),
            ms,
            ms * 1e3 / (n * n.log2())
        );
    }
}
