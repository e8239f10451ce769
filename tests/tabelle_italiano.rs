//! The tables of chapters and the reconciliation in Italian (`--lang it`):
//! exact lines of `reconcile` (human and Markdown) on the real report
//! against a mutated export, and of `check` on the exported CSV.

mod common;

use std::path::{Path, PathBuf};

use common::{quadra_in, root, Run};

const REPORT: &str = "reports/milano-2022-dir07-welfare-e-salute.txt";

fn quadra(args: &[&str]) -> Run {
    quadra_in(root(), args)
}

/// A fresh temporary folder for one test.
fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("quadra-tabelle-it-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The real report exported as CSV into `dir`.
fn export(dir: &Path) -> PathBuf {
    let out = dir.join("t.csv");
    let r = quadra(&[
        "export",
        REPORT,
        "--format",
        "csv",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    out
}

/// The export with `field` of chapter `key` set to `value`; the data line.
fn muta(csv: &Path, key: &str, field: &str, value: &str, name: &str) -> (PathBuf, usize) {
    let text = std::fs::read_to_string(csv).unwrap();
    let mut rd = csv::Reader::from_reader(text.as_bytes());
    let header = rd.headers().unwrap().clone();
    let col = |n: &str| header.iter().position(|h| h == n).unwrap();
    let out = csv.with_file_name(name);
    let mut w = csv::Writer::from_path(&out).unwrap();
    w.write_record(&header).unwrap();
    let mut line = 0;
    for (i, r) in rd.records().enumerate() {
        let r = r.unwrap();
        let mut v: Vec<String> = r.iter().map(str::to_string).collect();
        if v[col("chiave")] == key && line == 0 {
            line = i + 2;
            v[col(field)] = value.to_string();
        }
        w.write_record(&v).unwrap();
    }
    w.flush().unwrap();
    assert!(line > 0, "no chapter {key}");
    (out, line)
}

#[test]
fn reconcile_in_italian_says_each_difference_and_the_summary() {
    let dir = tmp("reconcile");
    let csv = export(&dir);
    let (moved, line) = muta(&csv, "3762 1 0", "missione_programma", "12 05", "moved.csv");
    let m = moved.to_str().unwrap();
    let h = quadra(&["--lang", "it", "reconcile", REPORT, m]);
    assert_eq!(h.code, 1, "{}", h.stderr);
    let lines: Vec<&str> = h.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            format!("classificazione diversa: DIR07 1.B capitolo 3762 1 0 BENI DI CONSUMO ({REPORT}:512, {m}:{line}): missione_programma: `12 04` nel report, `12 05` nei dati"),
            format!("{REPORT} <-> {m}: 366 capitoli corrispondenti; 0 solo nel report, 0 solo nei dati, 0 con importi diversi, 1 con classificazione diversa, 0 somme di Settore / Direzione diverse"),
            "confrontati: importi previsione, previsione_precedente, rendiconto_precedente, crono_anni_precedenti, altri_nuovi_stanziamenti, programma_triennale_lp; campi section, settore, titolo, gruppo, pdc, missione_programma, vincolato".to_string(),
        ]
    );
    let md = quadra(&["--lang", "it", "reconcile", REPORT, m, "--format", "md"]);
    let lines: Vec<&str> = md.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "## Riconciliazione: i dati differiscono dal report"
    );
    assert_eq!(
        lines[4],
        "| tipo | capitolo o somma | dove | cosa differisce |"
    );
    assert!(
        lines[2].ends_with(": 366 capitoli corrispondenti; 0 solo nel report, 0 solo nei dati, 0 con importi diversi, 1 con classificazione diversa, 0 somme di Settore / Direzione diverse"),
        "{}",
        lines[2]
    );
    assert!(
        lines[6].starts_with(
            "| classificazione diversa | DIR07 1.B capitolo 3762 1 0 BENI DI CONSUMO | "
        ),
        "{}",
        lines[6]
    );
    // Other amounts: the chapter and its Settore and Direzione sums.
    let (amount, line) = muta(&csv, "3762 1 0", "previsione", "25100.00", "amount.csv");
    let a = amount.to_str().unwrap();
    let h = quadra(&["--lang", "it", "reconcile", REPORT, a]);
    let lines: Vec<&str> = h.stdout.lines().collect();
    assert_eq!(
        lines[0],
        format!("importi diversi: DIR07 1.B capitolo 3762 1 0 BENI DI CONSUMO ({REPORT}:512, {a}:{line}): previsione: 25.000,00 nel report, 25.100,00 nei dati (differenza 100,00)")
    );
    assert!(
        lines[1].starts_with("somme diverse: DIR07 1.B Settore 51 ("),
        "{}",
        lines[1]
    );
    assert!(
        lines[3].ends_with(": 366 capitoli corrispondenti; 0 solo nel report, 0 solo nei dati, 1 con importi diversi, 0 con classificazione diversa, 2 somme di Settore / Direzione diverse"),
        "{}",
        lines[3]
    );
    // The English lines are those of before.
    let en = quadra(&["--lang", "en", "reconcile", REPORT, m]);
    assert!(
        en.stdout
            .starts_with("other classification: DIR07 1.B chapter 3762 1 0 BENI DI CONSUMO ("),
        "{}",
        en.stdout
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn check_of_a_table_in_italian_says_what_is_not_applicable() {
    let dir = tmp("check");
    let csv = export(&dir);
    let c = csv.to_str().unwrap();
    let r = quadra(&["--lang", "it", "check", c, "--no-config"]);
    let last = r.stdout.lines().last().unwrap().to_string();
    assert_eq!(
        last,
        format!("{c}: non applicabili a questa tabella: total-mismatch (nessun totale dichiarato), vincolate-entrate (nessuna sezione di riepilogo 1.C / 1.D / 2.C), vincolate-spese (nessuna sezione di riepilogo 1.C / 1.D / 2.C), missioni-correnti (nessuna sezione di riepilogo 1.C / 1.D / 2.C), missioni-capitale (nessuna sezione di riepilogo 1.C / 1.D / 2.C), direzione-equals-settori (nessun totale dichiarato)")
    );
    let en = quadra(&["--lang", "en", "check", c, "--no-config"]);
    assert!(en.stdout.lines().last().unwrap().starts_with(&format!(
        "{c}: not applicable to this table: total-mismatch (no declared totals), "
    )));
    std::fs::remove_dir_all(&dir).unwrap();
}
