//! The command line as a user meets it: arguments, standard output, standard
//! error and exit code.

use std::io::Write;
use std::process::{Command, Stdio};

const REPORT: &str = "reports/milano-2022-dir07-welfare-e-salute.txt";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn quadra(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quadra"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("quadra runs");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn parse_real_report_exits_zero_with_json() {
    let r = quadra(&["parse", REPORT, "--format", "json"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["schema_version"], 2);
    assert_eq!(v["reports"][0]["direzione"]["codice"], "DIR07");
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 0);
}

#[test]
fn export_csv_has_one_line_per_row_and_reads_stdin() {
    let bytes = std::fs::read(REPORT).unwrap();
    let r = quadra(&["export", "-", "--format", "csv"], Some(&bytes));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    // 83 + 249 + 9 + 25 budget rows, and the header.
    assert_eq!(lines.len(), 1 + 83 + 249 + 9 + 25);
    assert!(lines[0].starts_with("report,anno,direzione_codice,direzione_nome,sezione,"));
    assert_eq!(
        lines[1],
        "1,2022,DIR07,DIREZIONE WELFARE E SALUTE,1.A,51,AREA DIRITTI E INCLUSIONE,2,TRASFERIMENTI CORRENTI,tipologia,01,TRASFERIMENTI CORRENTI,27 1 0,27,1,0,2010101000,TRASFERIMENTI DA AMMINISTRAZIONI CENTRALI PER L'IMMIGRAZIONE,true,false,false,1234240.00,3500000.00,1605958.38,,,,,19"
    );
    // A 1.B row carries its missione-programma; a 2.B row its capital columns.
    assert!(r.stdout.contains(
        ",3752 5 0,3752,5,0,1030102000,BENI DI CONSUMO - PROGETTI UE - FIN.TO ALTRI SOGGETTI,true,false,false,3800.00,3800.00,0.00,,,,12 04,"
    ));
    assert!(r.stdout.contains(
        ",8625 15 2,8625,15,2,,ALTRI BENI MATERIALI,false,false,false,11822.68,9000.00,0.00,1822.68,10000.00,0.00,12 04,"
    ));
}

#[test]
fn output_file_option_writes_there() {
    let dir = std::env::temp_dir().join(format!("quadra-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("rows.csv");
    let r = quadra(&["export", REPORT, "-o", out.to_str().unwrap()], None);
    assert_eq!(r.code, 0);
    assert_eq!(r.stdout, "");
    let csv = std::fs::read_to_string(&out).unwrap();
    assert_eq!(csv.lines().count(), 367);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn not_a_report_exits_two_with_one_clear_error() {
    let r = quadra(
        &["parse", "-"],
        Some(b"Gentile utente,\nla presente per comunicarle...\n"),
    );
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    insta::assert_snapshot!("not_a_report", r.stderr);

    let r = quadra(&["parse", "-"], Some(b""));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("the file is empty"), "{}", r.stderr);

    let r = quadra(&["parse", "-"], Some(&[0u8, 159, 146, 150, 0, 1, 2, 3]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("binary data"), "{}", r.stderr);
}

#[test]
fn unreadable_file_and_bad_usage_exit_two() {
    let r = quadra(&["parse", "no/such/file.txt"], None);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("quadra: cannot read no/such/file.txt:"),
        "{}",
        r.stderr
    );
    let r = quadra(&["parse", REPORT, "--format", "xml"], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("invalid value 'xml'"), "{}", r.stderr);
    let r = quadra(&["frobnicate"], None);
    assert_eq!(r.code, 2);
}

#[test]
fn a_broken_line_is_located_and_exits_one() {
    let text = std::fs::read_to_string(REPORT).unwrap();
    // Corrupt one amount on line 24 of the real report.
    let broken = text.replacen("V3.900.180,003.400.000,00", "V3.900.18,0 3.400.000,00", 1);
    let r = quadra(&["parse", "-"], Some(broken.as_bytes()));
    assert_eq!(r.code, 1);
    insta::assert_snapshot!("malformed_amount_human", r.stderr);
}

#[test]
fn help_is_complete_for_every_command() {
    for cmd in [&["--help"][..], &["parse", "--help"], &["export", "--help"]] {
        let r = quadra(cmd, None);
        assert_eq!(r.code, 0);
        assert!(r.stdout.contains("Usage: quadra"), "{}", r.stdout);
    }
    let r = quadra(&["--help"], None);
    assert!(r.stdout.contains("Exit codes: 0"));
    let r = quadra(&["parse", "--help"], None);
    assert!(r.stdout.contains("`-` reads standard input"));
}
