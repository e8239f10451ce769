//! Tests of the single-line recognisers and of their prefilters.

use super::*;

/// Every trimmed line of the real report and of the fixtures, as the
/// driver sees them.
fn corpus_lines() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("reports/milano-2022-dir07-welfare-e-salute.txt")];
    for e in std::fs::read_dir(root.join("fixtures")).unwrap() {
        let path = e.unwrap().path();
        if path.is_file() {
            files.push(path);
        }
    }
    let mut out = Vec::new();
    for f in files {
        let bytes = std::fs::read(&f).unwrap();
        for line in crate::parse::lines::Lines::new(&bytes).flatten() {
            out.push(line.text.to_string());
        }
    }
    assert!(out.len() > 1000, "corpus read");
    out
}

/// The nom grammar `key_prefix` was written with: the reference.
fn key_prefix_nom(text: &str) -> Option<KeyPrefix<'_>> {
    let mut p = (
        terminated(digit1, space1),
        terminated(digit1, space1),
        digit1::<&str, nom::error::Error<&str>>,
    );
    let (after, (capitolo, articolo, terzo)) = p.parse(text).ok()?;
    if !(after.is_empty() || after.starts_with(is_blank)) {
        return None;
    }
    Some(KeyPrefix {
        capitolo,
        articolo,
        terzo,
        len: text.len() - after.len(),
    })
}

/// `column_header` without its cheap rejections: every word segmented.
fn column_header_unfiltered(line: &str) -> HeaderFit {
    let mut strong = false;
    for word in line.split(is_blank).filter(|w| !w.is_empty()) {
        match segment(word.as_bytes()) {
            Some(s) => strong |= s,
            None => return HeaderFit::No,
        }
    }
    if strong {
        HeaderFit::Strong
    } else {
        HeaderFit::Weak
    }
}

#[test]
fn prefilters_rule_out_only_lines_the_recognisers_reject() {
    let mut extra: Vec<String> = [
        "1.A        ENTRATE CORRENTI",
        "2.B SPESE",
        "MISSIONE",
        "Bilancio di Previsione 2022 - REPORT COMMISSIONI -",
        "Bilancio  di Previsione 2022 - ENTRATE CORRENTI pag. 4",
        "2022",
        "1999 PREVISIONE",
        "2O22",
        "1003 8 22010102000 TRASFERIMENTI",
        "4145 4 0",
        "38\t15  102010101000\u{a0}X",
        "12 04 0,00",
        "1 2 3x",
        "1 2 ",
        "",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    extra.extend(corpus_lines());
    // Header words, pieces of them and other words, with every kind of
    // blank: the first word tried alone must reject only what segmenting
    // every word rejects.
    let pezzi = [
        "PEG",
        "PREVISIONE",
        "PREV",
        " ",
        "\u{a0}",
        "\t",
        "2022",
        "X",
        "é",
        "DI",
    ];
    extra.extend(crate::parse::ogni_stringa(&pezzi, 4));
    let mut ruled_out = 0;
    for l in &extra {
        if !may_be_furniture(l) {
            ruled_out += 1;
            assert_eq!(report_title(l), None, "{l:?}");
            assert!(!page_footer(l), "{l:?}");
            assert_eq!(section_header(l), None, "{l:?}");
            assert!(!crate::parse::narrativa::is_missione(l), "{l:?}");
        }
        let line_len_ok = l.len() <= 160;
        let first = l.as_bytes().first().copied().unwrap_or(b' ');
        if line_len_ok && (first.is_ascii_alphabetic() || first == b'1' || first == b'2') {
            assert_eq!(column_header(l), column_header_unfiltered(l), "{l:?}");
        }
        assert_eq!(key_prefix(l), key_prefix_nom(l), "{l:?}");
    }
    assert!(
        ruled_out > extra.len() / 2,
        "the prefilter rules out most lines"
    );
}

/// The byte scanner of the PEG key agrees with the nom grammar on every
/// string of a dense alphabet.
#[test]
fn key_prefix_agrees_with_the_grammar() {
    let alphabet = ["0", "7", " ", "\t", "x", "\u{a0}", "."];
    for s in crate::parse::ogni_stringa(&alphabet, 6) {
        assert_eq!(key_prefix(&s), key_prefix_nom(&s), "{s:?}");
    }
    // Whatever may follow a key: every blank (the ASCII ones VT, FF and CR
    // too), a non-ASCII letter, punctuation, a V.
    let dopo = [
        "", " ", "\t", "\u{0b}", "\u{0c}", "\r", "\u{a0}", "\u{202f}", "é", "x", ",", ".", "V", "-",
    ];
    for chiave in ["1 2 3", "1003 8 22010102000", "1\t2 3"] {
        for d in dopo {
            for resto in ["", "X", " 1,00"] {
                let s = format!("{chiave}{d}{resto}");
                assert_eq!(key_prefix(&s), key_prefix_nom(&s), "{s:?}");
            }
        }
    }
}

#[test]
fn recognises_furniture() {
    assert_eq!(
        report_title("Bilancio di Previsione 2022 - REPORT COMMISSIONI -"),
        Some(2022)
    );
    assert!(page_footer(
        "Bilancio di Previsione 2022 - ENTRATE CORRENTI pag. 4"
    ));
    assert!(!page_footer(
        "Bilancio di Previsione 2022 - REPORT COMMISSIONI -"
    ));
    assert_eq!(anno("ANNO :"), Some(None));
    assert_eq!(anno("ANNO: 2023"), Some(Some(2023)));
    assert_eq!(anno("ANNOTAZIONI"), None);
}

#[test]
fn recognises_section_headers() {
    assert_eq!(
        section_header("1.A        ENTRATE CORRENTI"),
        Some((SezioneId::EntrateCorrenti, "ENTRATE CORRENTI"))
    );
    assert_eq!(
        section_header("1.C        RIEPILOGO ENTRATE e SPESE CORRENTI"),
        Some((
            SezioneId::RiepilogoVincolate,
            "RIEPILOGO ENTRATE e SPESE CORRENTI"
        ))
    );
    assert_eq!(section_header("1.A FOO"), None);
    assert_eq!(section_header("3.A ENTRATE"), None);
}

#[test]
fn segments_fused_column_headers() {
    use HeaderFit::*;
    assert_eq!(
        column_header("PEGPDC DESCRIZIONE PEG VINCPREVISIONE 2022 PREVISIONE 2021 RENDICONTO 2021"),
        Strong
    );
    assert_eq!(
        column_header("Missione Programma PREVISIONE 2021 PREVISIONE 2022RENDICONTO 2021"),
        Strong
    );
    assert_eq!(column_header("Miss.-"), Strong);
    assert_eq!(column_header("OBBLIGAZ.IONI"), Strong);
    assert_eq!(column_header("di cui:"), Strong);
    assert_eq!(column_header("2022"), Weak);
    assert_eq!(column_header("LAVORI PUBBLICI"), Weak);
    assert_eq!(column_header("SPECIALISTICHE"), No);
    assert_eq!(column_header("3752 5"), No);
}

#[test]
fn recognises_headings() {
    assert_eq!(
        heading("2 TRASFERIMENTI CORRENTITITOLO"),
        Some(Heading::Titolo(2, "TRASFERIMENTI CORRENTI"))
    );
    assert_eq!(
        heading("1 SPESE CORRENTITITOLO:"),
        Some(Heading::Titolo(1, "SPESE CORRENTI"))
    );
    assert_eq!(
        heading("ENTRATE IN CONTO CAPITALETITOLO: 4"),
        Some(Heading::Titolo(4, "ENTRATE IN CONTO CAPITALE"))
    );
    assert_eq!(
        heading("SPESE IN CONTO CAPITALETITOLO 2"),
        Some(Heading::Titolo(2, "SPESE IN CONTO CAPITALE"))
    );
    assert_eq!(
        heading("01 TRASFERIMENTI CORRENTITIPOLOGIA:"),
        Some(Heading::Tipologia(1, "TRASFERIMENTI CORRENTI"))
    );
    assert_eq!(
        heading("03 ACQUISTO DI BENI E SERVIZIMACROAGGR:"),
        Some(Heading::Macroaggregato(3, "ACQUISTO DI BENI E SERVIZI"))
    );
    assert_eq!(
        heading("54 AREA RESIDENZIALITA'CENTRO RESP:"),
        Some(Heading::Settore(54, "AREA RESIDENZIALITA'"))
    );
    assert_eq!(heading("TITOLI A FAVORE DI ANZIANI"), None);
    assert_eq!(
        direzione("DIR07   DIREZIONE WELFARE E SALUTEDIREZIONE:"),
        Some(("DIR07", "DIREZIONE WELFARE E SALUTE"))
    );
    assert_eq!(
        settore_plain("51 AREA DIRITTI E INCLUSIONE"),
        Some((51, "AREA DIRITTI E INCLUSIONE"))
    );
}

#[test]
fn recognises_peg_keys() {
    let k = key_prefix("38 15 102010101000 TRASFERIMENTI").unwrap();
    assert_eq!(
        (k.capitolo, k.articolo, k.terzo, k.len),
        ("38", "15", "102010101000", 18)
    );
    assert!(key_prefix("4145 4 0").is_some());
    assert!(key_prefix("12 04 0,00").is_none());
    assert!(key_prefix("51 AREA").is_none());
}

/// The remembered header lines give what `column_header` gives, the first
/// time and every time after, and only header lines are kept, no more than `MAX` of them.
#[test]
fn remembered_headers_read_as_column_header() {
    let mut lines = corpus_lines();
    // More distinct header lines than are remembered, each seen twice.
    let anni: Vec<String> = (1900..2000).map(|y| format!("PREVISIONE {y}")).collect();
    lines.extend(anni.iter().chain(&anni).cloned());
    let mut memo = ColumnHeaders::default();
    let mut headers = 0;
    for _ in 0..2 {
        for l in &lines {
            let fit = memo.fit(l);
            assert_eq!(fit, column_header(l), "{l:?}");
            headers += usize::from(fit != HeaderFit::No);
        }
    }
    assert_eq!(memo.noti.len(), ColumnHeaders::MAX);
    assert!(memo.noti.values().all(|f| *f != HeaderFit::No));
    // Not vacuous: the real report's headers and the 200 years were read.
    assert!(headers > 2 * 200, "{headers}");
}

/// The first-bytes tests in front of `direzione` and of the capital-layout
/// Titolo are necessary conditions: on every string over the grammars'
/// pieces, whatever the grammars accept starts with `DIR`, or ends with a
/// digit.
#[test]
fn direzione_and_capital_titolo_prefilters_drop_nothing() {
    let pezzi = [
        "DIR",
        "07",
        " ",
        "\u{a0}",
        "DIREZIONE:",
        "X",
        "TITOLO",
        ":",
        "4",
        "di",
    ];
    let (mut direzioni, mut titoli) = (0, 0);
    let mut righe = crate::parse::ogni_stringa(&pezzi, 4);
    righe.extend(corpus_lines());
    for l in &righe {
        if direzione_grammar(l).is_some() {
            assert!(l.starts_with("DIR"), "{l:?}");
            assert_eq!(direzione(l), direzione_grammar(l), "{l:?}");
            direzioni += 1;
        }
        if let Some(t) = titolo_capitale(l) {
            assert!(l.as_bytes().last().is_some_and(u8::is_ascii_digit), "{l:?}");
            assert!(heading(l).is_some(), "{l:?} {t:?}");
            titoli += 1;
        }
    }
    // Not vacuous: both grammars accept many of the strings.
    assert!(direzioni > 50 && titoli > 100, "{direzioni} {titoli}");
}
