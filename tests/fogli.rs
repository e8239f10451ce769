//! Spreadsheets: the XLSX export read back with calamine (numeric cells,
//! codes as text), opened by LibreOffice headless (Debian's
//! `libreoffice-calc`; `.ci/run` installs it), and spreadsheets (XLSX,
//! ODS) and the Italian CSV dialect read as tables that reconcile with
//! the report they came from.

mod common;

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{open_workbook_auto_from_rs, Data, Reader};
use common::{quadra_in, root, Run};

const REPORT: &str = "reports/milano-2022-dir07-welfare-e-salute.txt";
const NESSUNA: &str = ": 366 chapter(s) matched; 0 only in the report, 0 only in the data, 0 with other amounts, 0 with other classification, 0 Settore / Direzione sum(s) differ";

fn quadra(args: &[&str]) -> Run {
    quadra_in(root(), args)
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("quadra-fogli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn esporta(dir: &Path, name: &str, extra: &[&str]) -> PathBuf {
    let out = dir.join(name);
    let mut args = vec!["export", REPORT, "-o", out.to_str().unwrap()];
    args.extend(extra);
    let r = quadra(&args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    out
}

/// `reconcile REPORT data` says no difference and exits 0.
fn nessuna_differenza(data: &Path) {
    let r = quadra(&["reconcile", REPORT, data.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let first = r.stdout.lines().next().unwrap_or("");
    assert!(first.ends_with(NESSUNA), "{first}");
}

#[test]
fn the_xlsx_export_has_numeric_amounts_and_text_codes() {
    let dir = tmp("calamine");
    let x = esporta(&dir, "t.xlsx", &["--format", "xlsx"]);
    let bytes = std::fs::read(&x).unwrap();
    let mut wb = open_workbook_auto_from_rs(Cursor::new(bytes)).unwrap();
    assert_eq!(wb.sheet_names(), ["capitoli"]);
    let r = wb.worksheet_range("capitoli").unwrap();
    assert_eq!(r.get_size(), (367, 29));
    assert_eq!(r.get((0, 21)), Some(&Data::String("previsione".into())));
    // Chapter 27 1 0: PREVISIONE 2022 1.234.240,00, RENDICONTO 2021 1.605.958,38.
    assert_eq!(r.get((1, 12)), Some(&Data::String("27 1 0".into())));
    assert_eq!(r.get((1, 21)), Some(&Data::Float(1234240.0)));
    assert_eq!(r.get((1, 23)), Some(&Data::Float(1605958.38)));
    // Codes stay text: `01` keeps its zero, the PDC is not a number.
    assert_eq!(r.get((1, 10)), Some(&Data::String("01".into())));
    assert_eq!(r.get((1, 16)), Some(&Data::String("2010101000".into())));
    assert_eq!(r.get((1, 1)), Some(&Data::Float(2022.0)));
    // Capital-only columns are empty on current rows.
    assert_eq!(r.get((1, 24)), Some(&Data::Empty));
    nessuna_differenza(&x);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_italian_csv_dialect_reconciles_too() {
    let dir = tmp("dialect");
    let c = esporta(&dir, "t.csv", &["--csv-dialect", "it"]);
    let text = std::fs::read_to_string(&c).unwrap();
    assert!(text.starts_with("\u{feff}report;anno;direzione_codice;"));
    assert!(text.contains(";27 1 0;27;1;0;2010101000;TRASFERIMENTI DA AMMINISTRAZIONI CENTRALI PER L'IMMIGRAZIONE;true;false;false;1234240,00;3500000,00;1605958,38;;;;;19\n"));
    nessuna_differenza(&c);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// LibreOffice headless (`soffice`), with a profile of its own in `dir`.
fn soffice(dir: &Path, to: &str, file: &Path) -> PathBuf {
    let out = Command::new("soffice")
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(dir)
        .arg(file)
        .env("HOME", dir)
        .output()
        .expect("Debian's libreoffice-calc is installed (.ci/run installs it: apt-get install libreoffice-calc)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ext = to.split(':').next().unwrap();
    dir.join(file.with_extension(ext).file_name().unwrap())
}

#[test]
fn libreoffice_opens_the_xlsx_with_numeric_cells_and_its_ods_reconciles() {
    let dir = tmp("libreoffice");
    let x = esporta(&dir, "t.xlsx", &["--format", "xlsx"]);
    // LibreOffice writes the cells' values: numbers come out as numbers
    // (1234240, not the text "1234240.00"), exactly.
    let lo = dir.join("lo");
    std::fs::create_dir_all(&lo).unwrap();
    let csv = soffice(&lo, "csv", &x);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.contains(",27 1 0,27,1,0,2010101000,TRASFERIMENTI DA AMMINISTRAZIONI CENTRALI PER L'IMMIGRAZIONE,true,false,false,1234240,3500000,1605958.38,,,,,19\n"),
        "{}",
        &text[..text.len().min(800)]
    );
    nessuna_differenza(&csv);
    // Saved as ODS by LibreOffice, read by quadra through calamine.
    let ods = soffice(&lo, "ods", &x);
    nessuna_differenza(&ods);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_bad_cell_of_a_spreadsheet_is_named_by_its_a1_reference() {
    use rust_xlsxwriter::Workbook;
    let dir = tmp("a1");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("dati").unwrap();
    // A title row and a blank row above the table, which starts in column B.
    ws.write_string(0, 0, "Bilancio 2023").unwrap();
    let header = [
        "Sezione",
        "Capitolo",
        "Articolo",
        "Numero",
        "Descrizione",
        "Previsione 2023",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(2, 1 + c as u16, *h).unwrap();
    }
    let rows: [[&str; 5]; 2] = [
        ["1.B", "3762", "1", "0", "BENI DI CONSUMO"],
        ["1.B", "3762", "2", "0", "MEDICINALI"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(3 + r as u32, 1 + c as u16, *v).unwrap();
        }
    }
    ws.write_number(3, 6, 25000.5).unwrap();
    ws.write_string(4, 6, "n.d.").unwrap();
    let x = dir.join("dati.xlsx");
    wb.save(&x).unwrap();
    let prof = dir.join("p.toml");
    std::fs::write(&prof, "version = 1\nsheet = \"dati\"\n[columns]\nsezione = \"Sezione\"\ncapitolo = \"Capitolo\"\narticolo = \"Articolo\"\nnumero = \"Numero\"\ndescrizione = \"Descrizione\"\nprevisione = \"Previsione {anno}\"\n").unwrap();
    let r = quadra(&[
        "check",
        x.to_str().unwrap(),
        "--profile",
        prof.to_str().unwrap(),
        "--no-config",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let d: Vec<&str> = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "parse::malformed-amount")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    // The used range starts at A1 (the title); the header is found on row 3,
    // so the bad cell is G5 (column B + 5).
    assert_eq!(d, ["cell G5 (`Previsione 2023`): `n.d.` is not an amount"]);
    let e = quadra(&[
        "export",
        x.to_str().unwrap(),
        "--profile",
        prof.to_str().unwrap(),
    ]);
    assert!(
        e.stdout
            .contains(",3762 1 0,3762,1,0,,BENI DI CONSUMO,false,false,false,25000.5,"),
        "{}",
        e.stdout
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_reconciliation_as_xlsx_has_one_row_per_difference_with_numeric_amounts() {
    let dir = tmp("reconcile-xlsx");
    let c = esporta(&dir, "t.csv", &[]);
    let text = std::fs::read_to_string(&c).unwrap();
    assert_eq!(text.matches(",25000.00,65000.00,16630.30,").count(), 1);
    let m = dir.join("m.csv");
    std::fs::write(
        &m,
        text.replace(
            ",25000.00,65000.00,16630.30,",
            ",25100.00,65000.00,16630.30,",
        ),
    )
    .unwrap();
    let x = dir.join("d.xlsx");
    let r = quadra(&[
        "reconcile",
        REPORT,
        m.to_str().unwrap(),
        "--format",
        "xlsx",
        "-o",
        x.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let mut wb = open_workbook_auto_from_rs(Cursor::new(std::fs::read(&x).unwrap())).unwrap();
    let s = wb.worksheet_range("differenze").unwrap();
    assert_eq!(s.get_size(), (4, 12));
    let riga = |i: usize| -> Vec<Data> {
        (0..12)
            .map(|c| s.get((i, c)).cloned().unwrap_or(Data::Empty))
            .collect()
    };
    let t = |x: &str| Data::String(x.into());
    assert_eq!(
        riga(1),
        [
            t("amounts|DIR07|1.B|3762 1 0"),
            t("amounts"),
            t("DIR07"),
            t("1.B"),
            t("3762 1 0"),
            t("BENI DI CONSUMO"),
            Data::Float(512.0),
            Data::Float(86.0),
            t("previsione"),
            Data::Float(25000.0),
            Data::Float(25100.0),
            Data::Float(100.0)
        ]
    );
    assert_eq!(riga(2)[0], t("total|DIR07|1.B|Settore 51"));
    assert_eq!(riga(2)[11], Data::Float(100.0));
    assert_eq!(riga(3)[0], t("total|DIR07|1.B|Direzione DIR07"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_audit_report_as_xlsx_has_chapters_findings_and_vincolo_groups() {
    let dir = tmp("report-xlsx");
    let x = dir.join("r.xlsx");
    // From the repository root: the reviewed link file is found by name.
    let r = quadra(&[
        "report",
        REPORT,
        "--format",
        "xlsx",
        "-o",
        x.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let mut wb = open_workbook_auto_from_rs(Cursor::new(std::fs::read(&x).unwrap())).unwrap();
    assert_eq!(wb.sheet_names(), ["capitoli", "rilievi", "vincoli"]);
    assert_eq!(
        wb.worksheet_range("capitoli").unwrap().get_size(),
        (367, 29)
    );
    // 3 errors, 42 warnings, 76 infos, errors first.
    let f = wb.worksheet_range("rilievi").unwrap();
    assert_eq!(f.height(), 1 + 3 + 42 + 76);
    let sev = |i: usize| f.get((i, 0)).cloned();
    assert_eq!(sev(1), Some(Data::String("error".into())));
    assert_eq!(sev(3), Some(Data::String("error".into())));
    assert_eq!(sev(4), Some(Data::String("warning".into())));
    assert_eq!(sev(45), Some(Data::String("warning".into())));
    assert_eq!(sev(46), Some(Data::String("info".into())));
    assert_eq!(
        f.get((1, 1)),
        Some(&Data::String("vincolo-unbalanced".into()))
    );
    // 35 groups x 3 columns; the first declared group balances in PREVISIONE 2022.
    let v = wb.worksheet_range("vincoli").unwrap();
    assert_eq!(v.height(), 1 + 35 * 3);
    assert_eq!(
        v.get((1, 2)),
        Some(&Data::String("declared, confidence high".into()))
    );
    assert_eq!(v.get((1, 5)), Some(&Data::String("PREVISIONE 2022".into())));
    assert_eq!(v.get((1, 6)), Some(&Data::Float(1234240.0)));
    assert_eq!(v.get((1, 8)), Some(&Data::Float(0.0)));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn check_as_xlsx_has_one_finding_per_row_and_the_counts_per_file() {
    let dir = tmp("check-xlsx");
    let x = dir.join("c.xlsx");
    let r = quadra(&[
        "check",
        REPORT,
        "fixtures/tabelle/milano-ds397.csv",
        "--format",
        "xlsx",
        "-o",
        x.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let mut wb = open_workbook_auto_from_rs(Cursor::new(std::fs::read(&x).unwrap())).unwrap();
    assert_eq!(wb.sheet_names(), ["rilievi", "riepilogo"]);
    let f = wb.worksheet_range("rilievi").unwrap();
    // The real report's 121 findings (with its link file); the fixture has none.
    assert_eq!(f.height(), 1 + 121);
    assert_eq!(f.get((1, 0)), Some(&Data::String(REPORT.into())));
    let n = wb.worksheet_range("riepilogo").unwrap();
    let row = |i: usize| -> Vec<Data> {
        (0..5)
            .map(|c| n.get((i, c)).cloned().unwrap_or(Data::Empty))
            .collect()
    };
    assert_eq!(
        row(1),
        [
            Data::String(REPORT.into()),
            Data::Float(3.0),
            Data::Float(42.0),
            Data::Float(76.0),
            Data::Float(0.0)
        ]
    );
    assert_eq!(
        row(2),
        [
            Data::String("fixtures/tabelle/milano-ds397.csv".into()),
            Data::Float(0.0),
            Data::Float(0.0),
            Data::Float(0.0),
            Data::Float(0.0)
        ]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
