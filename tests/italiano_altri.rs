//! quadra in Italian, the other commands: `diff`, `links`, and the errors
//! of rule and link files, located as in English.

use std::path::PathBuf;

mod common;
use common::{quadra_in, root, Run};

const REPORT: &str = "reports/milano-2022-dir07-welfare-e-salute.txt";

fn quadra(args: &[&str]) -> Run {
    quadra_in(root(), args)
}

fn workspace(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("quadra-it2-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// `quadra diff` in Italian, human and Markdown: one amount changed.
#[test]
fn diff_in_italian() {
    let d = workspace("diff");
    let old = std::fs::read(root().join(REPORT)).unwrap();
    // 38 15 6 (1.A, V): PREVISIONE 2022 10.609.040,00 -> 10.609.050,00.
    let at = old
        .windows(14)
        .position(|w| w == b"V10.609.040,00")
        .unwrap();
    let mut new = old.clone();
    new.splice(at..at + 14, b"V10.609.050,00".iter().copied());
    std::fs::write(d.join("old.txt"), &old).unwrap();
    std::fs::write(d.join("new.txt"), &new).unwrap();
    let human = quadra_in(
        &d,
        &["--lang", "it", "diff", "old.txt", "new.txt", "--no-config"],
    );
    assert_eq!(human.code, 1, "{}", human.stderr);
    assert!(human
        .stdout
        .contains("rilievi: 2 nuovi, 0 risolti, 3 modificati (2 nuovi errori)\n"));
    insta::assert_snapshot!("diff_in_italian_human", human.stdout);
    let md = quadra_in(
        &d,
        &[
            "--lang",
            "it",
            "diff",
            "old.txt",
            "new.txt",
            "--no-config",
            "--format",
            "md",
        ],
    );
    assert_eq!(md.code, 1, "{}", md.stderr);
    insta::assert_snapshot!("diff_in_italian_md", md.stdout);
}

/// `quadra links show` and `links suggest` in Italian: headings, sides,
/// totals and the evidence of every kind of link.
#[test]
fn links_in_italian() {
    let r = quadra(&["--lang", "it", "links", "show", REPORT, "--no-config"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let righe: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(
        righe[0],
        "DIR07: 34 gruppi di vincolo, 10 capitoli V di entrata e 23 di spesa in nessun gruppo"
    );
    for attesa in [
        "  evidenza: importi identici in ogni colonna: 306 10 18 = 3763 23 0",
        "  evidenza: programma FONDO NON AUTOSUFFICIENZE nominato dall'entrata e dalla spesa, settore 187",
        "In nessun gruppo:",
    ] {
        assert!(righe.contains(&attesa), "{attesa}\n{}", r.stdout);
    }
    assert!(righe.iter().any(|l| l.starts_with("  entrata  27 1 0 ")));
    assert!(righe.iter().any(|l| l.starts_with("  saldo ")));
    let s = quadra(&["--lang", "it", "links", "suggest", REPORT, "--no-config"]);
    assert!(s.stdout.starts_with(
        "# Gruppi di vincolo proposti da `quadra links suggest reports/milano-2022-dir07-welfare-e-salute.txt`.\n"
    ));
    assert!(s.stdout.contains(
        "  \"somma esatta in ogni colonna: 27 1 0 = 3755 17 0 + 3753 45 0 + 3755 18 0 + 3753 32 0 + 3753 7 0\",\n"
    ));
    let d = quadra(&["--lang", "it", "links", "show", REPORT]);
    assert!(d.stdout.contains(
        "  evidenza: dichiarato nel file di collegamento: G1 TRASFERIMENTI DA AMMINISTRAZIONI CENTRALI PER L'IMMIGRAZIONE\n"
    ));
}

/// Errors in a rule file, in Italian, located as in English.
#[test]
fn rule_file_errors_in_italian() {
    let d = workspace("bad-rules");
    std::fs::copy(root().join(REPORT), d.join("r.txt")).unwrap();
    std::fs::write(
        d.join("bad.toml"),
        "[rules.totl-mismatch]\nseverity = \"warning\"\n[rules.all-zero]\nseverty = \"info\"\nenabled = 3\n",
    )
    .unwrap();
    let r = quadra_in(
        &d,
        &["--lang", "it", "check", "r.txt", "--rules", "bad.toml"],
    );
    assert_eq!(r.code, 2);
    for attesa in [
        "  × id di regola sconosciuto `totl-mismatch`\n",
        "   ╭─[bad.toml:1:8]\n",
        "  nota: forse `total-mismatch`? `quadra rules` elenca gli id; per dichiarare una nuova regola,\n",
        "  × chiave sconosciuta `severty`\n",
        "   ╭─[bad.toml:4:1]\n",
        "  nota: forse `severity`? ammesse in una regola row-predicate: enabled, severity, params, scope,\n",
        "  × atteso true o false, trovato un intero\n",
        "   ╭─[bad.toml:5:11]\n",
        "quadra: 3 problemi nei file di regole; nessun controllo eseguito\n",
    ] {
        assert!(r.stderr.contains(attesa), "{attesa}\n{}", r.stderr);
    }
    std::fs::write(
        d.join("b2.toml"),
        "[rules.x]\nkind = \"row-predicate\"\nseverity = \"grave\"\nsummary = \"s\"\nselect = { section = \"9.Z\" }\nmessage = \"m\"\n",
    )
    .unwrap();
    let r = quadra_in(&d, &["--lang", "it", "rules", "--rules", "b2.toml"]);
    assert_eq!(r.code, 2);
    for attesa in [
        "  × gravità sconosciuta `grave`\n",
        "  nota: la gravità è \"error\", \"warning\" o \"info\"\n",
        "  × sezione sconosciuta `9.Z`\n",
        "  nota: le sezioni sono 1.A, 1.B, 1.C, 1.D, 2.A, 2.B, 2.C\n",
    ] {
        assert!(r.stderr.contains(attesa), "{attesa}\n{}", r.stderr);
    }
    // An error inside a condition, located inside the string.
    std::fs::write(
        d.join("b3.toml"),
        "[rules.y]\nkind = \"row-predicate\"\nseverity = \"info\"\nsummary = \"s\"\nselect = { section = \"1.B\" }\nwhen = \"previsione > vincolato + 1\"\nmessage = \"m\"\n",
    )
    .unwrap();
    let r = quadra_in(&d, &["--lang", "it", "rules", "--rules", "b3.toml"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("  × l'aritmetica richiede un numero, questa è una condizione vero/falso\n"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("b3.toml:6:22]"), "{}", r.stderr);
}

/// Errors in a link file, in Italian, located in it.
#[test]
fn link_file_errors_in_italian() {
    let d = workspace("bad-links");
    std::fs::copy(root().join(REPORT), d.join("r.txt")).unwrap();
    std::fs::write(
        d.join("l.toml"),
        "version = 1\n[[group]]\nname = \"G\"\nrevenue = [\"27 1 0\"]\nspending = [\"9999 1 0\", \"27-1\"]\n",
    )
    .unwrap();
    let r = quadra_in(&d, &["--lang", "it", "check", "r.txt", "--links", "l.toml"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("  × `27-1` non è una chiave PEG\n"),
        "{}",
        r.stderr
    );
    let r = quadra_in(
        &d,
        &[
            "--lang", "it", "links", "show", "r.txt", "--links", "l.toml",
        ],
    );
    assert_eq!(r.code, 2);
    std::fs::write(
        d.join("l.toml"),
        "version = 1\n[[group]]\nname = \"G\"\nrevenue = [\"27 1 0\"]\nspending = [\"9999 1 0\"]\n",
    )
    .unwrap();
    let r = quadra_in(&d, &["--lang", "it", "check", "r.txt", "--links", "l.toml"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("  × il capitolo di spesa 9999 1 0 non è nella sezione 1.B del report\n"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("l.toml:5:13]"), "{}", r.stderr);
}

/// A file that cannot be read, in Italian (the system's own reason stays as
/// the system gives it).
#[test]
fn unreadable_input_in_italian() {
    let r = quadra(&["--lang", "it", "check", "no/such/file.txt"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("\nquadra: impossibile leggere no/such/file.txt: "),
        "{}",
        r.stderr
    );
}
