//! Tables of chapters read through profiles, and the reconciliation of a
//! report with a table: the round trip export -> check / reconcile on the
//! real report, mutated copies, each fixture of `fixtures/tabelle/`, and
//! broken tables that must never panic.

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;

use common::{quadra_in, root, Run};
use serde_json::Value;

const REPORT: &str = "reports/milano-2022-dir07-welfare-e-salute.txt";

fn quadra(args: &[&str]) -> Run {
    quadra_in(root(), args)
}

/// A fresh temporary folder for one test.
fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("quadra-tabelle-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The real report exported as CSV into `dir`.
fn export(dir: &std::path::Path) -> PathBuf {
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

/// Rule id -> number of findings in a `check --format json` output.
fn per_regola(json: &str) -> BTreeMap<String, usize> {
    let v: Value = serde_json::from_str(json).unwrap();
    let mut m = BTreeMap::new();
    for d in v["files"][0]["diagnostics"].as_array().unwrap() {
        *m.entry(d["rule"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    m
}

#[test]
fn export_then_check_finds_what_the_report_check_finds() {
    let dir = tmp("roundtrip");
    let csv = export(&dir);
    let a = quadra(&["check", REPORT, "--no-config", "--format", "json"]);
    let b = quadra(&[
        "check",
        csv.to_str().unwrap(),
        "--no-config",
        "--format",
        "json",
    ]);
    assert_eq!((a.code, b.code), (0, 0), "{}", b.stderr);
    let expected: BTreeMap<String, usize> = [
        ("forecast-change", 42),
        ("low-execution", 25),
        ("vincolate-coverage", 2),
        ("vincolo-flag-mismatch", 1),
        ("vincolo-unbalanced", 18),
        ("vincolo-unmatched-revenue", 10),
        ("vincolo-unmatched-spending", 23),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    assert_eq!(per_regola(&a.stdout), expected);
    assert_eq!(per_regola(&b.stdout), expected);
    let v: Value = serde_json::from_str(&b.stdout).unwrap();
    let na: Vec<(&str, &str)> = v["files"][0]["not_applicable"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (x["rule"].as_str().unwrap(), x["reason"].as_str().unwrap()))
        .collect();
    assert_eq!(
        na,
        [
            ("total-mismatch", "no declared totals"),
            ("vincolate-entrate", "no summary sections 1.C / 1.D / 2.C"),
            ("vincolate-spese", "no summary sections 1.C / 1.D / 2.C"),
            ("missioni-correnti", "no summary sections 1.C / 1.D / 2.C"),
            ("missioni-capitale", "no summary sections 1.C / 1.D / 2.C"),
            ("direzione-equals-settori", "no declared totals"),
        ]
    );
    // The human summary lists them too, after the counts.
    let h = quadra(&["check", csv.to_str().unwrap(), "--no-config"]);
    let tail: Vec<&str> = h.stdout.lines().rev().take(2).collect();
    assert!(
        tail[1].ends_with("t.csv: 0 errors, 45 warnings, 76 infos"),
        "{}",
        tail[1]
    );
    assert!(tail[0].contains("t.csv: not applicable to this table: total-mismatch (no declared totals), vincolate-entrate"), "{}", tail[0]);
    // The report's own check gives the same counts.
    let h = quadra(&["check", REPORT, "--no-config"]);
    assert!(h
        .stdout
        .trim_end()
        .ends_with(": 0 errors, 45 warnings, 76 infos"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn export_reconciles_with_the_report_with_no_difference() {
    let dir = tmp("reconcile0");
    let csv = export(&dir);
    let r = quadra(&["reconcile", REPORT, csv.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(r.stderr, "");
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    assert!(lines[0].ends_with(": 366 chapter(s) matched; 0 only in the report, 0 only in the data, 0 with other amounts, 0 with other classification, 0 Settore / Direzione sum(s) differ"), "{}", lines[0]);
    assert_eq!(lines[1], "compared: amounts previsione, previsione_precedente, rendiconto_precedente, crono_anni_precedenti, altri_nuovi_stanziamenti, programma_triennale_lp; fields section, settore, titolo, gruppo, pdc, missione_programma, vincolato");
    let j = quadra(&[
        "reconcile",
        REPORT,
        csv.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&j.stdout).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["summary"]["matched"], 366);
    assert_eq!(v["differences"].as_array().unwrap().len(), 0);
    let md = quadra(&["reconcile", REPORT, csv.to_str().unwrap(), "--format", "md"]);
    assert!(md
        .stdout
        .starts_with("## Reconciliation: the data agree with the report\n"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The export with `edit` applied to the record of chapter `key` (`None`
/// removes it), written next to it; the data line of that record.
fn muta(
    csv: &std::path::Path,
    key: &str,
    edit: Option<(&str, &str)>,
    name: &str,
) -> (PathBuf, usize) {
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
        if &r[col("chiave")] == key && line == 0 {
            line = i + 2;
            match edit {
                None => continue,
                Some((field, value)) => {
                    let mut v: Vec<String> = r.iter().map(str::to_string).collect();
                    v[col(field)] = value.to_string();
                    w.write_record(&v).unwrap();
                    continue;
                }
            }
        }
        w.write_record(&r).unwrap();
    }
    w.flush().unwrap();
    assert!(line > 0, "no chapter {key}");
    (out, line)
}

/// The differences of a reconcile as (id, report line, data line, details).
fn differenze(r: &Run) -> Vec<(String, Value, Value, String)> {
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    v["differences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let mut det: Vec<String> = d["fields"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| {
                    format!(
                        "{} {} -> {}",
                        f["field"].as_str().unwrap(),
                        f["report"].as_str().unwrap(),
                        f["data"].as_str().unwrap()
                    )
                })
                .collect();
            det.extend(d["amounts"].as_array().unwrap().iter().map(|a| {
                format!(
                    "{} {} -> {} ({})",
                    a["column"].as_str().unwrap(),
                    a["report"].as_str().unwrap(),
                    a["data"].as_str().unwrap(),
                    a["difference"].as_str().unwrap()
                )
            }));
            (
                d["id"].as_str().unwrap().to_string(),
                d["report_line"].clone(),
                d["data_line"].clone(),
                det.join("; "),
            )
        })
        .collect()
}

#[test]
fn mutated_copies_reconcile_with_exactly_their_differences() {
    let dir = tmp("mutations");
    let csv = export(&dir);
    // Chapter 3762 1 0 (1.B, Settore 51, report line 512): 25.000,00 / 65.000,00 / 16.630,30, missione-programma 12 04.
    let (amount, line) = muta(
        &csv,
        "3762 1 0",
        Some(("previsione", "25100.00")),
        "amount.csv",
    );
    let r = quadra(&[
        "reconcile",
        REPORT,
        amount.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 1);
    let n = |x: usize| Value::from(x);
    assert_eq!(
        differenze(&r),
        [
            (
                "amounts|DIR07|1.B|3762 1 0".to_string(),
                n(512),
                n(line),
                "previsione 25000.00 -> 25100.00 (100.00)".to_string()
            ),
            // Located at the report's declared totals (line 862:
            // `57.792.566,86Totale Settore 51`, line 1826: `275.209.493,05Totale DIR07`).
            (
                "total|DIR07|1.B|Settore 51".to_string(),
                n(862),
                n(85),
                "previsione 57792566.86 -> 57792666.86 (100.00)".to_string()
            ),
            (
                "total|DIR07|1.B|Direzione DIR07".to_string(),
                n(1826),
                n(85),
                "previsione 275209493.05 -> 275209593.05 (100.00)".to_string()
            ),
        ]
    );
    let (missing, _) = muta(&csv, "3762 1 0", None, "missing.csv");
    let r = quadra(&[
        "reconcile",
        REPORT,
        missing.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 1);
    let d = differenze(&r);
    assert_eq!(d.len(), 3, "{d:?}");
    assert_eq!(
        d[0],
        (
            "only_in_report|DIR07|1.B|3762 1 0".to_string(),
            n(512),
            Value::Null,
            String::new()
        )
    );
    assert_eq!(d[1].0, "total|DIR07|1.B|Settore 51");
    assert!(
        d[1].3.starts_with(
            "previsione 57792566.86 -> 57767566.86 (-25000.00); previsione_precedente "
        ),
        "{}",
        d[1].3
    );
    assert_eq!(d[2].0, "total|DIR07|1.B|Direzione DIR07");
    let (moved, line) = muta(
        &csv,
        "3762 1 0",
        Some(("missione_programma", "12 05")),
        "moved.csv",
    );
    let r = quadra(&[
        "reconcile",
        REPORT,
        moved.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 1);
    assert_eq!(
        differenze(&r),
        [(
            "classification|DIR07|1.B|3762 1 0".to_string(),
            n(512),
            n(line),
            "missione_programma 12 04 -> 12 05".to_string()
        )]
    );
    // The human line says where, on both sides.
    let h = quadra(&["reconcile", REPORT, moved.to_str().unwrap()]);
    let first = h.stdout.lines().next().unwrap();
    assert_eq!(
        first,
        format!("other classification: DIR07 1.B chapter 3762 1 0 BENI DI CONSUMO ({REPORT}:512, {}:{line}): missione_programma: `12 04` in the report, `12 05` in the data", moved.display())
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `quadra export TABLE --profile P` as text.
fn esporta(table: &str, profile: Option<&str>) -> Run {
    let mut args = vec!["export", table];
    if let Some(p) = profile {
        args.extend(["--profile", p]);
    }
    quadra(&args)
}

#[test]
fn windows_1252_semicolons_and_italian_numbers_read_as_utf8_tabs_and_english_numbers() {
    let p = "fixtures/tabelle/comune.profile.toml";
    let it = esporta("fixtures/tabelle/comune-it-cp1252.csv", Some(p));
    let en = esporta("fixtures/tabelle/comune-en-tab.tsv", Some(p));
    assert_eq!((it.code, en.code), (0, 0), "{}{}", it.stderr, en.stderr);
    // Same chapters, same amounts, same lines.
    assert_eq!(it.stdout, en.stdout);
    let rows: Vec<&str> = it.stdout.lines().collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[1], "1,2023,,,1.A,51,AREA DIRITTI E INCLUSIONE,,,tipologia,,,27 1 0,27,1,0,2010101000,TRASFERIMENTI; CONTRIBUTI DA ENTI - CITTÀ,true,false,false,1234240.00,3500000.00,1605958.38,,,,,2");
    assert_eq!(rows[2], "1,2023,,,1.B,51,AREA DIRITTI E INCLUSIONE,,,macroaggregato,,,3752 5 0,3752,5,0,1030102000,BENI DI CONSUMO - FIN.TO ALTRI SOGGETTI,true,false,false,3800.00,3800.00,0,,,,12 04,3");
    assert_eq!(rows[3], "1,2023,,,1.B,51,AREA DIRITTI E INCLUSIONE,,,macroaggregato,,,3762 1 0,3762,1,0,1030102000,\"PRESTAZIONI \"\"SPECIALI\"\" PER L'INFANZIA\",false,false,false,25000.00,65000.00,16630.30,,,,12 01,4");
    // The empty cell is said, not silently a zero.
    assert_eq!(it.stderr, "quadra: fixtures/tabelle/comune-it-cp1252.csv: 1 empty cell(s) of `Rendiconto 2022`: no amount (0,00 in the model, not a written 0)\n");
}

#[test]
fn an_ambiguous_amount_is_a_located_error_naming_the_profile_key() {
    let r = quadra(&[
        "check",
        "fixtures/tabelle/comune-ambiguo.csv",
        "--profile",
        "fixtures/tabelle/comune.profile.toml",
        "--no-config",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 1);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let d: Vec<(String, u64, u64, String)> = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "parse::malformed-amount")
        .map(|d| {
            (
                d["message"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["help"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let msg = |cell: &str, t: &str| {
        format!("{cell}: `{t}` reads one way with a decimal comma and another with a decimal point, and no cell of the file settles which")
    };
    let help = "set the profile key `decimal` to \",\" (1.234 is one thousand two hundred thirty-four) or \".\" (1.234 is one point two three four)".to_string();
    assert_eq!(
        d,
        [
            (
                msg("cell K2 (`Previsione 2023`)", "1.234"),
                2,
                79,
                help.clone()
            ),
            (
                msg("cell K3 (`Previsione 2023`)", "2.500"),
                3,
                74,
                help.clone()
            ),
            (
                msg("cell L3 (`Previsione 2022`)", "2.500"),
                3,
                80,
                help.clone()
            ),
            (msg("cell M3 (`Rendiconto 2022`)", "1.000"), 3, 86, help),
        ]
    );
    // With the key set, the same file reads.
    let dir = tmp("ambiguo");
    let prof = std::fs::read_to_string(root().join("fixtures/tabelle/comune.profile.toml"))
        .unwrap()
        .replace("decimal = \"auto\"", "decimal = \",\"");
    let pf = dir.join("p.toml");
    std::fs::write(&pf, prof).unwrap();
    let e = esporta(
        "fixtures/tabelle/comune-ambiguo.csv",
        Some(pf.to_str().unwrap()),
    );
    assert_eq!(e.code, 0, "{}", e.stderr);
    assert!(
        e.stdout.contains(
            ",3762 1 0,3762,1,0,1030102000,BENI DI CONSUMO,false,false,false,1234,500,0,"
        ),
        "{}",
        e.stdout
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn milano_ds397_is_recognised_and_read() {
    // No --profile: the preset recognises the header (BOM, `;`, Italian numbers).
    let r = esporta("fixtures/tabelle/milano-ds397.csv", None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rows: Vec<&str> = r.stdout.lines().skip(1).collect();
    assert_eq!(rows.len(), 5, "{}", r.stdout);
    assert_eq!(rows[0], "1,2022,DIR07,DIREZIONE WELFARE E SALUTE,1.A,51,AREA DIRITTI E INCLUSIONE,2,Trasferimenti correnti,tipologia,01,Trasferimenti correnti,27 1 0,27,1,0,2010101000,TRASFERIMENTI DA AMMINISTRAZIONI CENTRALI PER L'IMMIGRAZIONE,false,false,false,1234240.00,0,1605958.38,,,,,2");
    assert_eq!(rows[1], "1,2022,DIR07,DIREZIONE WELFARE E SALUTE,1.B,51,AREA DIRITTI E INCLUSIONE,1,Spese correnti,macroaggregato,03,Acquisto di beni e servizi,3752 5 0,3752,5,0,1030102000,BENI DI CONSUMO - PROGETTI UE - FIN.TO ALTRI SOGGETTI,false,false,false,3800.00,0,0.00,,,,12 04,3");
    assert_eq!(rows[3], "1,2022,DIR07,DIREZIONE WELFARE E SALUTE,2.B,51,AREA DIRITTI E INCLUSIONE,2,Spese in conto capitale,macroaggregato,02,Investimenti fissi lordi e acquisto di terreni,5561 1 30,5561,1,30,,BENI IMMOBILI - MANUTENZIONE STRAORDINARIA,false,false,false,300000.00,0,0,0,0,0,12 02,5");
    assert_eq!(rows[4], "2,2022,DIR01,DIREZIONE GABINETTO,1.B,10,GABINETTO DEL SINDACO,1,Spese correnti,macroaggregato,01,Redditi da lavoro dipendente,100 1 0,100,1,0,1010101000,\"RETRIBUZIONI - PERSONALE \"\"A TEMPO\"\"\",false,false,false,1100000.00,0,1000000.00,,,,01 02,7");
    assert_eq!(
        r.stderr,
        "quadra: fixtures/tabelle/milano-ds397.csv: 1 row(s) of titoli no section of the report holds, left out (entrate titolo 9: 1)\n\
         quadra: fixtures/tabelle/milano-ds397.csv: 1 empty cell(s) of `RENDICONTO 2021`: no amount (0,00 in the model, not a written 0)\n"
    );
    let c = quadra(&["check", "fixtures/tabelle/milano-ds397.csv", "--no-config"]);
    assert_eq!(c.code, 0, "{}", c.stdout);
    assert!(
        c.stdout
            .starts_with("fixtures/tabelle/milano-ds397.csv: 0 errors, 0 warnings, 0 infos\n"),
        "{}",
        c.stdout
    );
    assert!(c.stdout.contains("vincolo-unbalanced (no V flag column)"));
    assert!(c
        .stdout
        .contains("forecast-change (no forecast of the year before)"));
}

#[test]
fn every_bad_cell_is_a_located_diagnostic() {
    let r = quadra(&[
        "check",
        "fixtures/tabelle/quadra-rotta.csv",
        "--no-config",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 1);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let d: Vec<String> = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"].as_str().unwrap().starts_with("parse::"))
        .map(|d| {
            format!(
                "{}:{}-{} {} {}",
                d["line"],
                d["column"],
                d["end_column"],
                d["rule"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            )
        })
        .collect();
    insta::assert_snapshot!("broken_cells", d.join("\n"));
}

#[test]
fn profile_errors_are_located_in_the_profile() {
    let dir = tmp("badprofile");
    let pf = dir.join("bad.toml");
    std::fs::write(&pf, "version = 1\ndecimal = \";\"\n[columns]\ncapitolo = \"CAP\"\narticolo = \"ART\"\nprevisone = \"PREV {anno}\"\nsezione = \"SEZ\"\n").unwrap();
    let r = quadra(&[
        "check",
        "fixtures/tabelle/quadra-export.csv",
        "--profile",
        pf.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 2);
    let stderr = r.stderr.replace(pf.to_str().unwrap(), "bad.toml");
    insta::assert_snapshot!("bad_profile", stderr);
    let r = quadra(&[
        "check",
        "fixtures/tabelle/quadra-export.csv",
        "--profile",
        "nonesuch",
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("\nquadra: fixtures/tabelle/quadra-export.csv: `nonesuch` is neither a built-in profile (quadra, milano-ds397) nor a readable file"), "{}", r.stderr);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_table_no_profile_recognises_is_refused() {
    let r = quadra(&[
        "check",
        "tests/data/sarif-schema-2.1.0.json",
        "--profile",
        "quadra",
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains(
            "the table has no column `sezione` (profile `quadra`, key `columns.sezione`), which it needs to read chapters"
        ),
        "{}",
        r.stderr
    );
}

/// A small deterministic generator (no seed file to keep).
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

#[test]
fn a_hundred_broken_tables_never_panic() {
    let base = std::fs::read(root().join("fixtures/tabelle/quadra-export.csv")).unwrap();
    let ds = std::fs::read(root().join("fixtures/tabelle/milano-ds397.csv")).unwrap();
    let rules = quadra::config::RuleSet::default_rules().unwrap();
    // A workbook too: corrupted zips must be refused, not crash calamine.
    let dir = tmp("broken-xlsx");
    let x = dir.join("t.xlsx");
    let r = quadra(&[
        "export",
        "fixtures/tabelle/quadra-export.csv",
        "--format",
        "xlsx",
        "-o",
        x.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let xlsx = std::fs::read(&x).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let pieces: &[&[u8]] = &[
        b",",
        b";",
        b"\t",
        b"\"",
        b"\n",
        b"\r\n",
        b"\xff\xfe",
        b"\xe0",
        b"1.234",
        b"-",
        b"(",
        b"\0",
        b"12 04",
        b"1.A",
        b"2.C",
        b"99999999999999999999999999999",
    ];
    let mut g = Lcg(2022);
    let mut letti = 0;
    for i in 0..100 {
        let mut b = match i % 5 {
            4 => xlsx.clone(),
            _ if i % 3 == 0 => ds.clone(),
            _ => base.clone(),
        };
        for _ in 0..(1 + g.next() % 12) {
            let at = (g.next() as usize) % (b.len() + 1);
            match g.next() % 3 {
                0 => {
                    let p = pieces[(g.next() as usize) % pieces.len()];
                    b.splice(at..at, p.iter().copied());
                }
                1 => {
                    let end = (at + (g.next() as usize % 40)).min(b.len());
                    b.drain(at..end);
                }
                _ => b.truncate(at),
            }
        }
        let profile = if i % 2 == 0 {
            None
        } else {
            Some(if i % 3 == 0 { "milano-ds397" } else { "quadra" })
        };
        if let Ok(t) = quadra::tabelle::apri(profile, &b) {
            letti += 1;
            let f = quadra::rules::check(&t.documento, &t.diagnostiche, &rules, false);
            // Every finding points inside the text.
            assert!(f.iter().all(|x| x.span.end <= t.testo.len()), "table {i}");
        }
    }
    assert!(
        letti > 30,
        "only {letti} of 100 broken tables were read at all"
    );
}

#[test]
fn the_profile_in_the_readme_is_valid() {
    let readme = include_str!("../README.md");
    let at = readme.find("### Profiles").unwrap();
    let block = readme[at..].split("```text\n").nth(1).unwrap();
    let block = block.split("```").next().unwrap();
    let p = quadra::tabelle::profilo::leggi(block, "readme").unwrap();
    assert_eq!(p.nome, "comune-esempio");
    assert_eq!(p.colonne.len(), 11);
    assert_eq!(p.filtri.len(), 1);
}

#[test]
fn diff_of_two_tables_runs_only_the_rules_they_can_feed() {
    let dir = tmp("diff");
    let a = dir.join("a.csv");
    let b = dir.join("b.csv");
    let text = std::fs::read_to_string(root().join("fixtures/tabelle/quadra-export.csv")).unwrap();
    std::fs::write(&a, &text).unwrap();
    std::fs::write(
        &b,
        text.replace(",25000.00,65000.00,", ",26000.00,65000.00,"),
    )
    .unwrap();
    let r = quadra(&[
        "diff",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--no-config",
    ]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(r.stdout.contains("chapters: 0 added, 0 removed, 1 changed; totals and summaries: 0 changed\nfindings: 0 introduced, 0 resolved, 0 changed"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("PREVISIONE 2022 25.000,00 → 26.000,00 (+1.000,00)"),
        "{}",
        r.stdout
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn accepted_differences_stay_hidden_until_their_amounts_change() {
    let dir = tmp("baseline");
    let csv = export(&dir);
    let (m, _) = muta(&csv, "3762 1 0", Some(("previsione", "25100.00")), "m.csv");
    let b = dir.join("b.toml");
    let (rp, mp, bp) = (REPORT, m.to_str().unwrap(), b.to_str().unwrap());
    let w = quadra(&["reconcile", rp, mp, "--write-baseline", bp]);
    assert_eq!(w.code, 0, "{}{}", w.stdout, w.stderr);
    assert_eq!(
        w.stderr,
        format!("quadra: recorded 3 difference(s) in {bp}; write a justification for each\n")
    );
    let text = std::fs::read_to_string(&b).unwrap();
    assert!(
        text.contains(
            "rule = \"reconcile-amounts\"\nreport = \"2022 DIR07\"\nsubject = \"1.B|3762 1 0\""
        ),
        "{text}"
    );
    assert!(text.contains("subject = \"1.B||Settore 51\""), "{text}");
    assert!(
        text.contains("\"previsione_difference\" = \"100.00\""),
        "{text}"
    );
    let r = quadra(&["reconcile", rp, mp, "--baseline", bp]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(r.stdout.starts_with(&format!("{rp} <-> {mp}: 366 chapter(s) matched; 0 only in the report, 0 only in the data, 0 with other amounts, 0 with other classification, 0 Settore / Direzione sum(s) differ\n3 difference(s) accepted in the baseline (hidden)\n")), "{}", r.stdout);
    // Other amounts: the accepted differences show again.
    let (m2, _) = muta(&csv, "3762 1 0", Some(("previsione", "25200.00")), "m2.csv");
    let r = quadra(&[
        "reconcile",
        rp,
        m2.to_str().unwrap(),
        "--baseline",
        bp,
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 1);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["summary"]["accepted"], 0);
    assert_eq!(v["differences"].as_array().unwrap().len(), 3);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn milano_ds397_reconciles_with_the_report_on_what_it_holds() {
    let r = quadra(&[
        "reconcile",
        REPORT,
        "fixtures/tabelle/milano-ds397.csv",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 1);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        v["summary"],
        serde_json::json!({"matched": 4, "only_in_report": 362, "only_in_data": 0, "amounts": 0,
            "classification": 1, "totals": 25, "left_out": 1, "accepted": 0})
    );
    // Only what the file holds is compared: no prior forecast, no "di cui", no V flag.
    assert_eq!(
        v["columns"],
        serde_json::json!(["previsione", "rendiconto_precedente"])
    );
    assert_eq!(
        v["fields"],
        serde_json::json!([
            "section",
            "settore",
            "titolo",
            "gruppo",
            "pdc",
            "missione_programma"
        ])
    );
    // The fixture's one classification difference; 2.B's macroaggregato,
    // which the report does not print, is not one.
    let d = differenze(&r);
    let c: Vec<_> = d
        .iter()
        .filter(|x| x.0.starts_with("classification"))
        .collect();
    assert_eq!(
        c,
        [&(
            "classification|DIR07|2.B|5561 1 30".to_string(),
            Value::from(2154),
            Value::from(5),
            "missione_programma 01 06 -> 12 02".to_string()
        )]
    );
}

#[test]
fn text_from_a_table_never_reaches_the_terminal_raw() {
    let dir = tmp("hostile");
    let t = dir.join("h.csv");
    let text = std::fs::read_to_string(root().join("fixtures/tabelle/quadra-export.csv"))
        .unwrap()
        .replacen(
            "rendiconto_precedente",
            "rendiconto_precedente\u{1b}[31m",
            1,
        )
        .replace("BENI DI CONSUMO,", "BENI \u{1b}]0;pwned\u{7} DI CONSUMO,")
        .replace(",3800.00,3800.00,", ",38\u{1b}[2J00,3800.00,");
    std::fs::write(&t, text).unwrap();
    for args in [
        vec!["check", t.to_str().unwrap(), "--no-config"],
        vec!["export", t.to_str().unwrap()],
        vec!["reconcile", REPORT, t.to_str().unwrap()],
        vec!["reconcile", REPORT, t.to_str().unwrap(), "--format", "md"],
    ] {
        let r = quadra(&args);
        assert!(!r.stderr.contains('\u{1b}'), "{args:?}: {}", r.stderr);
        // The export is data (the cells as they are), not terminal text.
        if args[0] != "export" {
            assert!(!r.stdout.contains('\u{1b}'), "{args:?}: {}", r.stdout);
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
