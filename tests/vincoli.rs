//! Vincolo groups: the fixtures of fixtures/vincoli (each rule, each kind of
//! evidence, each link-file error), the real report's groups, and inference
//! on generated reports with known links (recall and precision floors).

use std::process::Command;

use quadra::lang::item::items;
use quadra::vincoli::dizionario::Dizionario;
use quadra::vincoli::infer::inferisci;
use quadra::vincoli::links::{leggi, verifica};

const REAL: &str = "reports/milano-2022-dir07-welfare-e-salute.txt";

fn quadra(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_quadra"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `(rule, severity, line)` of every finding of a check.
fn findings(file: &str, links: Option<&str>) -> (i32, Vec<Trovato>) {
    let mut args = vec!["check", "--no-config", "--format", "json", file];
    if let Some(l) = links {
        args.extend(["--links", l]);
    }
    let (code, out, err) = quadra(&args);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    let list = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    (code, list)
}

/// A finding as the tests compare it: rule, severity, line.
type Trovato = (String, String, u64);

fn f(rule: &str, severity: &str, line: u64) -> Trovato {
    (rule.into(), severity.into(), line)
}

#[test]
fn every_vincoli_rule_fires_on_its_fixture_and_not_on_the_balanced_one() {
    let d = "fixtures/vincoli";
    let cases: Vec<(&str, Option<&str>, i32, Vec<Trovato>)> = vec![
        ("balanced.txt", Some("balanced.links.toml"), 0, vec![]),
        ("balanced.txt", None, 0, vec![]),
        (
            "unbalanced.txt",
            Some("unbalanced.links.toml"),
            1,
            vec![
                f("vincolo-unbalanced", "error", 19),
                f("vincolate-coverage", "warning", 93),
            ],
        ),
        (
            "unbalanced-inferred.txt",
            None,
            0,
            vec![
                f("vincolo-unbalanced", "warning", 19),
                f("vincolate-coverage", "warning", 96),
            ],
        ),
        (
            "unmatched.txt",
            None,
            0,
            vec![
                f("vincolo-unmatched-revenue", "warning", 19),
                f("vincolo-unmatched-spending", "warning", 60),
                f("vincolate-coverage", "warning", 93),
            ],
        ),
        (
            "flag-mismatch.txt",
            None,
            0,
            vec![
                f("vincolo-flag-mismatch", "warning", 19),
                f("vincolo-unmatched-spending", "warning", 60),
                f("vincolate-coverage", "warning", 88),
            ],
        ),
        ("evidence-identical.txt", None, 0, vec![]),
        ("evidence-sum.txt", None, 0, vec![]),
        (
            "evidence-programme.txt",
            None,
            0,
            vec![
                f("vincolo-unbalanced", "info", 19),
                f("vincolate-coverage", "info", 96),
            ],
        ),
        (
            "evidence-source-mismatch.txt",
            None,
            0,
            vec![
                f("vincolo-unmatched-revenue", "warning", 19),
                f("vincolo-unmatched-spending", "warning", 63),
                f("vincolate-coverage", "info", 101),
            ],
        ),
        ("links-base.txt", Some("links-base.links.toml"), 0, vec![]),
    ];
    for (file, links, code, expected) in cases {
        let path = format!("{d}/{file}");
        let links = links.map(|l| format!("{d}/{l}"));
        let (c, got) = findings(&path, links.as_deref());
        assert_eq!((c, &got), (code, &expected), "{file} with {links:?}");
    }
}

#[test]
fn each_kind_of_evidence_gives_its_group() {
    let groups = |file: &str| -> serde_json::Value {
        let (code, out, err) = quadra(&[
            "links",
            "show",
            "--no-config",
            "--format",
            "json",
            &format!("fixtures/vincoli/{file}"),
        ]);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str::<serde_json::Value>(&out).unwrap()["reports"][0]["groups"].clone()
    };
    let g = groups("evidence-identical.txt");
    assert_eq!(g.as_array().unwrap().len(), 1);
    assert_eq!(g[0]["confidence"], "high");
    assert_eq!(
        g[0]["evidence"][0],
        "identical amounts in every column: 38 15 22 = 3713 4 0"
    );
    let g = groups("evidence-sum.txt");
    assert_eq!(g[0]["confidence"], "high");
    assert_eq!(
        g[0]["evidence"][0],
        "exact sum in every column: 27 1 0 = 3753 32 0 + 3753 45 0 + 3755 18 0"
    );
    assert_eq!(g[0]["totals"]["previsione"]["difference"], "0.00");
    let g = groups("evidence-programme.txt");
    assert_eq!(g[0]["confidence"], "low");
    assert_eq!(
        g[0]["evidence"][0],
        "programme PROGETTO SAI named by revenue and spending, settore 51"
    );
    assert_eq!(g[0]["totals"]["previsione"]["difference"], "200.00");
    // PROGETTI UE on both sides, but the State's money cannot be FIN.TO REGIONALE.
    assert_eq!(
        groups("evidence-source-mismatch.txt")
            .as_array()
            .unwrap()
            .len(),
        0
    );
}

#[test]
fn invalid_link_files_are_located_and_exit_two() {
    let mut out = String::new();
    for bad in [
        "bad-unknown-key",
        "bad-missing-chapter",
        "bad-not-v",
        "bad-linked-twice",
    ] {
        let links = format!("fixtures/vincoli/{bad}.links.toml");
        let (code, stdout, stderr) = quadra(&[
            "check",
            "--no-config",
            "--links",
            &links,
            "fixtures/vincoli/links-base.txt",
        ]);
        assert_eq!((code, stdout.as_str()), (2, ""), "{bad}");
        out.push_str(&format!("## {bad}\n{stderr}\n"));
    }
    insta::assert_snapshot!(out);
}

/// The machine formats write a report file as it is checked; a link file
/// that turns out wrong still prints nothing on standard output, and the
/// same errors as the human format.
#[test]
fn invalid_link_files_print_nothing_in_the_streamed_formats() {
    for bad in ["bad-missing-chapter", "bad-not-v", "bad-linked-twice"] {
        let links = format!("fixtures/vincoli/{bad}.links.toml");
        let args = |f: &'static str| {
            vec![
                "check",
                "--no-config",
                "--links",
                &links,
                "--format",
                f,
                "fixtures/vincoli/links-base.txt",
            ]
            .into_iter()
            .map(str::to_string)
            .collect::<Vec<String>>()
        };
        let human = args("human");
        let (_, _, atteso) = quadra(&human.iter().map(String::as_str).collect::<Vec<_>>());
        for f in ["json", "sarif", "github"] {
            let a = args(f);
            let (code, stdout, stderr) = quadra(&a.iter().map(String::as_str).collect::<Vec<_>>());
            assert_eq!((code, stdout.as_str()), (2, ""), "{bad} {f}");
            assert_eq!(stderr, atteso, "{bad} {f}");
        }
    }
    // `--output FILE` is left as it was, as the whole-document path leaves it.
    let out = tempdir("streamed-output").join("out.json");
    std::fs::write(&out, "before").unwrap();
    let links = "fixtures/vincoli/bad-not-v.links.toml";
    let o = out.to_str().unwrap();
    let (code, _, _) = quadra(&[
        "check",
        "--no-config",
        "--links",
        links,
        "--format",
        "json",
        "-o",
        o,
        "fixtures/vincoli/links-base.txt",
    ]);
    assert_eq!(code, 2);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "before");
}

/// A named pipe is read once: what is said of it is what is said of a
/// file with the same bytes (a PDF here), not of an empty input.
#[cfg(unix)]
#[test]
fn a_named_pipe_is_read_once() {
    let d = tempdir("fifo");
    let fifo = d.join("input.txt");
    let file = d.join("same.txt");
    let pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n";
    std::fs::write(&file, pdf).unwrap();
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let scrittore = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, pdf).unwrap())
    };
    // Read twice, the pipe would block the second reader for ever: the
    // run is given 30 seconds.
    let mut figlio = Command::new(env!("CARGO_BIN_EXE_quadra"))
        .args([
            "check",
            "--no-config",
            "--format",
            "json",
            fifo.to_str().unwrap(),
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let inizio = std::time::Instant::now();
    while figlio.try_wait().unwrap().is_none() {
        if inizio.elapsed() > std::time::Duration::from_secs(30) {
            figlio.kill().unwrap();
            panic!("quadra still waits on the pipe after 30 s: it read it twice");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let uscita = figlio.wait_with_output().unwrap();
    let (code, stdout, stderr) = (
        uscita.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&uscita.stdout).into_owned(),
        String::from_utf8_lossy(&uscita.stderr).into_owned(),
    );
    scrittore.join().unwrap();
    let (code_f, stdout_f, stderr_f) = quadra(&[
        "check",
        "--no-config",
        "--format",
        "json",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, code_f);
    let nome = |s: &str, p: &std::path::Path| s.replace(p.to_str().unwrap(), "INPUT");
    assert_eq!(nome(&stderr, &fifo), nome(&stderr_f, &file));
    assert_eq!(nome(&stdout, &fifo), nome(&stdout_f, &file));
    assert!(stderr.contains("PDF"), "{stderr}");
}

#[test]
fn the_real_report_link_file_is_valid_and_covers_what_it_declares() {
    let p = quadra::parse(&std::fs::read(REAL).unwrap()).unwrap();
    let file = leggi(
        &std::fs::read_to_string("rules/milano-2022-dir07-welfare-e-salute.links.toml").unwrap(),
    )
    .unwrap();
    let its = items(&p.documento.reports[0]);
    assert_eq!(verifica(&file, Some("DIR07"), &its), vec![]);
    assert_eq!(file.gruppi.len(), 35);
    assert!(file
        .gruppi
        .iter()
        .all(|g| g.giustificazione.starts_with("Reviewed:")
            || g.giustificazione.starts_with("Added in review:")));
    // The groups as `links show` prints them: reviewed snapshot.
    let (code, out, _) = quadra(&["links", "show", REAL]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("real_report_groups", out);
}

#[test]
fn on_the_real_report_every_v_chapter_is_grouped_or_unmatched_and_identical_pairs_are_linked() {
    let p = quadra::parse(&std::fs::read(REAL).unwrap()).unwrap();
    let its = items(&p.documento.reports[0]);
    let grafo = inferisci(&its, Dizionario::ufficiale());
    let gs = grafo.gruppi();
    let v_rows = its
        .iter()
        .filter(|i| {
            i.vincolato && i.genere == quadra::lang::item::Genere::Riga && !i.sezione.is_capitale()
        })
        .count();
    let in_groups: usize = gs
        .gruppi
        .iter()
        .map(|g| g.entrate.len() + g.spese.len())
        .sum();
    assert_eq!(
        in_groups + gs.entrate_sole.len() + gs.spese_sole.len(),
        v_rows
    );
    assert_eq!(v_rows, 56 + 111);
    // Every revenue / spending pair with identical non-zero amounts in all
    // three columns is in one group.
    let cols = quadra::vincoli::COLONNE;
    let group_of = |k: quadra::codes::ChiavePeg| {
        gs.gruppi.iter().position(|g| {
            g.entrate
                .iter()
                .chain(&g.spese)
                .any(|i| i.chiave == Some(k))
        })
    };
    let mut pairs = 0;
    for r in its
        .iter()
        .filter(|i| i.vincolato && i.sezione == quadra::ast::SezioneId::EntrateCorrenti)
    {
        for s in its
            .iter()
            .filter(|i| i.vincolato && i.sezione == quadra::ast::SezioneId::SpeseCorrenti)
        {
            let a: Vec<_> = cols.iter().map(|c| r.importo(*c)).collect();
            let b: Vec<_> = cols.iter().map(|c| s.importo(*c)).collect();
            if a == b && a.iter().any(|x| x.is_some_and(|x| !x.is_zero())) {
                pairs += 1;
                let (gr, gsp) = (group_of(r.chiave.unwrap()), group_of(s.chiave.unwrap()));
                assert!(
                    gr.is_some() && gr == gsp,
                    "{:?} and {:?} not linked",
                    r.chiave,
                    s.chiave
                );
            }
        }
    }
    assert_eq!(pairs, 17);
}

fn tempdir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("quadra-vincoli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(d.join("rules")).unwrap();
    d
}

#[test]
fn identical_amounts_shared_by_many_chapters_give_linear_edges() {
    // 300 revenue and 300 spending chapters with the same amounts: one group,
    // and a number of links linear in the chapters (not 300 x 300).
    use quadra::sample::vincoli::Capitolo;
    let caps: Vec<Capitolo> = (0..600)
        .map(|i| Capitolo {
            entrata: i % 2 == 0,
            chiave: quadra::codes::ChiavePeg {
                capitolo: 100 + i,
                articolo: 1,
                numero: 0,
            },
            importi: quadra::ast::Importi::Correnti(quadra::ast::ImportiCorrenti {
                previsione: 1000.into(),
                previsione_precedente: 1000.into(),
                rendiconto_precedente: 1000.into(),
            }),
            testo: "TRASFERIMENTI".into(),
            settore: 51,
            gruppo_vero: None,
        })
        .collect();
    let its = quadra::sample::vincoli::items(&caps);
    let g = inferisci(&its, Dizionario::ufficiale());
    assert!(g.g.edge_count() <= 600, "{}", g.g.edge_count());
    let gs = g.gruppi();
    assert_eq!(gs.gruppi.len(), 1);
    assert_eq!(
        (gs.gruppi[0].entrate.len(), gs.gruppi[0].spese.len()),
        (300, 300)
    );
}

#[test]
fn link_file_corner_cases() {
    let base = std::fs::read_to_string("fixtures/vincoli/evidence-identical.txt").unwrap();
    let d = tempdir("corners");
    std::fs::write(d.join("r.txt"), &base).unwrap();
    let run = |links: &str, args: &[&str]| {
        std::fs::write(d.join("rules/r.links.toml"), links).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_quadra"))
            .args(args)
            .current_dir(&d)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        (
            out.status.code().unwrap(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    // Outside funding alone finances one spending chapter: a group, balanced.
    let (code, out, _) = run(
        "[[group]]\nname = \"SOLO ESTERNO\"\nexternal = [{ name = \"avanzo\", previsione = 1000, previsione_precedente = 1200, rendiconto_precedente = 900 }]\nspending = [\"3713 4 0\"]\n",
        &["links", "show", "r.txt", "--format", "json"],
    );
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let g = &v["reports"][0]["groups"][0];
    assert_eq!(
        (g["name"].as_str(), g["confidence"].as_str()),
        (Some("SOLO ESTERNO"), Some("declared"))
    );
    assert_eq!(g["totals"]["previsione"]["difference"], "0.00");
    // A group for a Direzione the file does not hold is an error, not skipped.
    let (code, _, err) = run(
        "[[group]]\nname = \"ALTROVE\"\ndirezione = \"DIR99\"\nrevenue = [\"38 15 22\"]\nspending = [\"3713 4 0\"]\n",
        &["check", "r.txt"],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("is for Direzione DIR99, which the report does not hold"),
        "{err}"
    );
    // `links suggest -o` never writes over the link file in use.
    let links = "[[group]]\nname = \"G\"\nrevenue = [\"38 15 22\"]\nspending = [\"3713 4 0\"]\n";
    let (code, _, err) = run(
        links,
        &["links", "suggest", "r.txt", "-o", "rules/r.links.toml"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("is the link file in use"), "{err}");
    assert_eq!(
        std::fs::read_to_string(d.join("rules/r.links.toml")).unwrap(),
        links
    );
}
