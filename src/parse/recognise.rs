//! Recognisers for single lines: the page furniture (titles, footers, column
//! headers), section headers, headings of the hierarchy and the PEG key that
//! starts a budget row. Each is a small nom parser over a trimmed line.

use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, digit1, space0, space1};
use nom::combinator::{all_consuming, opt, rest};
use nom::sequence::terminated;
use nom::{IResult, Parser};

pub use super::chiave::{key_prefix, KeyPrefix};
use super::lines::is_blank;
use super::record::joined;
use crate::ast::SezioneId;

fn blanks1(i: &str) -> IResult<&str, &str> {
    take_while1(is_blank).parse(i)
}

/// A line starting with `Bilancio`, blanks collapsed: extraction may double them.
fn bilancio(line: &str) -> Option<std::borrow::Cow<'_, str>> {
    line.starts_with("Bilancio").then(|| joined(line))
}

/// `Bilancio di Previsione 2022 - REPORT COMMISSIONI -`: the year.
pub fn report_title(line: &str) -> Option<u16> {
    let line = bilancio(line)?;
    let rest = line.strip_prefix("Bilancio di Previsione")?;
    if !rest.contains("REPORT COMMISSIONI") {
        return None;
    }
    year_in(rest)
}

/// `Bilancio di Previsione 2022 - ENTRATE CORRENTI pag. 4`.
pub fn page_footer(line: &str) -> bool {
    let Some(line) = bilancio(line) else {
        return false;
    };
    let Some(rest) = line.strip_prefix("Bilancio di Previsione") else {
        return false;
    };
    let Some(p) = rest.rfind("pag.") else {
        return false;
    };
    let n = rest[p + 4..].trim_matches(is_blank);
    !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
}

fn year_in(s: &str) -> Option<u16> {
    s.split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 4)
        .and_then(|w| w.parse().ok())
}

/// Can `line` be a report title, a page footer, a section header or the
/// `MISSIONE` line opening a narrative block? `false` only when none of
/// [`report_title`], [`page_footer`], [`section_header`] and
/// `narrativa::is_missione` can accept it, judged on its first two bytes:
/// titles and footers start with `Bilancio`, `MISSIONE` with `M`, section
/// headers with one digit and a dot. The recognisers stay the truth; this
/// only spares them the budget rows, most of the input (a test checks it
/// over every line of the real report and the fixtures).
pub fn may_be_furniture(line: &str) -> bool {
    let b = line.as_bytes();
    match b.first() {
        Some(b'B' | b'M') => true,
        Some(c) if c.is_ascii_digit() => b.get(1) == Some(&b'.'),
        _ => false,
    }
}

/// `1.A        ENTRATE CORRENTI`: the section and the title text printed on the line.
pub fn section_header(line: &str) -> Option<(SezioneId, &str)> {
    let p = (
        take_while1(|c: char| c.is_ascii_digit()),
        char('.'),
        take_while1(|c: char| c.is_ascii_uppercase()),
        blanks1,
        rest,
    );
    let (_, (n, _, l, _, title)) = all_consuming(p).parse(line).ok()?;
    if n.len() != 1 || l.len() != 1 {
        return None;
    }
    let id = SezioneId::from_code(&format!("{n}.{l}"))?;
    // The title must start the way the section's title does: `1.A FOO` is not a header.
    let expected = id.title();
    let first_word = title.split(is_blank).next().unwrap_or("");
    expected.starts_with(first_word).then_some((id, title))
}

/// `ANNO :`, `ANNO:` or `ANNO : 2022`: `Some(None)` when the year is on the next line.
pub fn anno(line: &str) -> Option<Option<u16>> {
    let p = (
        tag::<_, _, nom::error::Error<&str>>("ANNO"),
        space0,
        char(':'),
        space0,
        opt(digit1),
    );
    let (_, (_, _, _, _, y)) = all_consuming(p).parse(line).ok()?;
    match y {
        None => Some(None),
        Some(y) if y.len() == 4 => Some(y.parse().ok()),
        Some(_) => None,
    }
}

/// A lone four-digit year line.
pub fn year_line(line: &str) -> Option<u16> {
    (line.len() == 4 && line.bytes().all(|b| b.is_ascii_digit()))
        .then(|| line.parse().ok())
        .flatten()
}

/// Words that make up the column headers, as they appear after the PDF
/// extraction fused or split them.
const HEADER_WORDS: &[(&str, bool)] = &[
    // (word, strong): a strong word cannot be part of a budget description.
    ("PEGPDC", true),
    ("PEG", true),
    ("PDC", true),
    ("VINC", true),
    ("PREVISIONE", true),
    ("RENDICONTO", true),
    ("MISS.-", true),
    ("PROGR.", true),
    ("CRONO", true),
    ("OBBLIGAZ.IONI", true),
    ("OBBLIGAZIONI", true),
    ("STANZIAMENTI", true),
    ("TRIENNALE", true),
    ("CUI:", true),
    ("DESCRIZIONE", false),
    ("DESC", false),
    ("PROGR", false),
    ("MISSIONE", false),
    ("PROGRAMMA", false),
    ("TITOLO", false),
    ("ANNI", false),
    ("PRECEDENTI", false),
    ("ALTRI", false),
    ("NUOVI", false),
    ("LAVORI", false),
    ("PUBBLICI", false),
    ("DI", false),
    ("E", false),
];

/// The header words starting with letter `c` (any case), from a table
/// built once: a line's first word is looked up, not compared with every
/// header word.
fn per_iniziale(c: u8) -> &'static [(&'static str, bool)] {
    static TABELLA: std::sync::OnceLock<Vec<Vec<(&'static str, bool)>>> =
        std::sync::OnceLock::new();
    let t = TABELLA.get_or_init(|| {
        (0..=255u8)
            .map(|c| {
                HEADER_WORDS
                    .iter()
                    .filter(|(hw, _)| hw.as_bytes()[0] == c.to_ascii_uppercase())
                    .copied()
                    .collect()
            })
            .collect()
    });
    &t[usize::from(c)]
}

/// How a line reads as a column header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderFit {
    /// Not made of header words.
    No,
    /// Only weak words (`ANNI`, `2022`...): a header inside a header block.
    Weak,
    /// Has a word no description would hold (`PREVISIONE`, `Miss.-`...).
    Strong,
}

/// Does the whole line segment into column-header words (and years)?
pub fn column_header(line: &str) -> HeaderFit {
    if !may_be_header(line) {
        return HeaderFit::No;
    }
    header_words(line)
}

/// The cheap rejections of [`column_header`]: false for a line that cannot
/// be a header (this runs on every line of every table).
fn may_be_header(line: &str) -> bool {
    let b = line.as_bytes();
    let first = b.first().copied().unwrap_or(b' ');
    if line.len() > 160 || !(first.is_ascii_alphabetic() || first == b'1' || first == b'2') {
        return false;
    }
    // The first word must segment from its first byte, and the only header
    // piece that starts with a digit is a year `19dd` or `20dd`: a budget
    // row (`1003 8 ...`) or an amount line is ruled out here, before the
    // words are split.
    !first.is_ascii_digit() || is_year_start(b)
}

/// [`column_header`] with the header lines already read remembered. A
/// report repeats the same few header lines on every page, and segmenting
/// them cost a tenth of the parse; a line seen before costs a hash and a
/// compare. Only lines that are headers are kept, at most
/// [`ColumnHeaders::MAX`] of them, so the memory stays fixed whatever the
/// input. (A table indexed by a line's length and ends, tried first, cost
/// more: real header lines collided in it.)
#[derive(Debug, Default)]
pub struct ColumnHeaders {
    noti: rustc_hash::FxHashMap<Box<str>, HeaderFit>,
}

impl ColumnHeaders {
    /// The most header lines remembered.
    pub const MAX: usize = 64;

    /// [`column_header`] of `line`.
    pub fn fit(&mut self, line: &str) -> HeaderFit {
        if !may_be_header(line) {
            return HeaderFit::No;
        }
        if let Some(f) = self.noti.get(line) {
            return *f;
        }
        let f = header_words(line);
        if f != HeaderFit::No && self.noti.len() < Self::MAX {
            self.noti.insert(line.into(), f);
        }
        f
    }
}

/// Does every word of `line` segment into header words, and is one strong.
fn header_words(line: &str) -> HeaderFit {
    // Most lines that get here are wrapped descriptions whose first word is
    // no header word: that word is tried alone first, cut on bytes (when
    // it ends at an ASCII blank or the end, it is the first word however
    // the line is split), before the line is tested for ASCII and split.
    let b = line.as_bytes();
    let fine = b
        .iter()
        .position(|c| super::lines::is_ascii_blank(c) || !c.is_ascii())
        .unwrap_or(b.len());
    if fine > 0 && b.get(fine).is_none_or(u8::is_ascii) && segment(&b[..fine]).is_none() {
        return HeaderFit::No;
    }
    let mut strong = false;
    let mut fits = |word: &[u8]| match segment(word) {
        Some(s) => {
            strong |= s;
            true
        }
        None => false,
    };
    let all_fit = if line.is_ascii() {
        // ASCII blanks are single bytes: words split on bytes, no character
        // decoded.
        line.as_bytes()
            .split(super::lines::is_ascii_blank)
            .filter(|w| !w.is_empty())
            .all(&mut fits)
    } else {
        line.split(is_blank)
            .filter(|w| !w.is_empty())
            .all(|w| fits(w.as_bytes()))
    };
    if !all_fit {
        return HeaderFit::No;
    }
    if strong {
        HeaderFit::Strong
    } else {
        HeaderFit::Weak
    }
}

/// `19dd` or `20dd` at the start of `b`: a year among the header words.
fn is_year_start(b: &[u8]) -> bool {
    b.len() >= 4 && b[..4].iter().all(u8::is_ascii_digit) && (b[..2] == *b"19" || b[..2] == *b"20")
}

/// Split a fused word into header words (ignoring case); `Some(has_strong)`
/// when it splits fully.
fn segment(w: &[u8]) -> Option<bool> {
    const MAX: usize = 64;
    if w.len() > MAX {
        return None;
    }
    // best[i]: can w[..i] be split, and does the split use a strong word.
    let mut best: [Option<bool>; MAX + 1] = [None; MAX + 1];
    best[0] = Some(false);
    // The furthest offset a split reaches so far: past it nothing can be
    // split (most words of a description fail at their first letter).
    let mut reach = 0;
    for i in 0..w.len() {
        if i > reach {
            return None;
        }
        let Some(strong_so_far) = best[i] else {
            continue;
        };
        let tail = &w[i..];
        if is_year_start(tail) {
            let e = &mut best[i + 4];
            *e = Some(e.unwrap_or(false) | strong_so_far);
            reach = reach.max(i + 4);
        }
        // Only the words with this first letter: this runs on the first word
        // of nearly every line of every table.
        for (hw, strong) in per_iniziale(tail[0]) {
            let hw = hw.as_bytes();
            if tail.len() >= hw.len() && tail[..hw.len()].eq_ignore_ascii_case(hw) {
                let e = &mut best[i + hw.len()];
                *e = Some(e.unwrap_or(false) | strong_so_far | strong);
                reach = reach.max(i + hw.len());
            }
        }
    }
    best[w.len()]
}

/// `DIR07   DIREZIONE WELFARE E SALUTE` (capital sections append `DIREZIONE:`).
pub fn direzione(line: &str) -> Option<(&str, &str)> {
    // The grammar's letters must be `DIR`: no other line is parsed (this
    // runs on every text alone on a table line).
    if !line.starts_with("DIR") {
        return None;
    }
    direzione_grammar(line)
}

/// [`direzione`] without its first-bytes test.
fn direzione_grammar(line: &str) -> Option<(&str, &str)> {
    let p = (
        take_while1(|c: char| c.is_ascii_alphabetic()),
        digit1,
        blanks1,
        rest,
    );
    let (_, (letters, _, _, name)) = all_consuming(p).parse(line).ok()?;
    if letters != "DIR" {
        return None;
    }
    let code = &line[..line.len() - name.len()].trim_end_matches(is_blank);
    let name = name.strip_suffix("DIREZIONE:").unwrap_or(name);
    Some((code, name.trim_matches(is_blank)))
}

/// A heading of a level, `CODE NAME<label>`: which label ended it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading<'a> {
    /// `51 AREA DIRITTI E INCLUSIONECENTRO RESP:` (capital) or, in current
    /// sections, `51 AREA DIRITTI E INCLUSIONE` (see [`settore_plain`]).
    Settore(u32, &'a str),
    /// `2 TRASFERIMENTI CORRENTITITOLO`, `ENTRATE IN CONTO CAPITALETITOLO: 4`.
    Titolo(u8, &'a str),
    /// `01 TRASFERIMENTI CORRENTITIPOLOGIA:`.
    Tipologia(u8, &'a str),
    /// `03 ACQUISTO DI BENI E SERVIZIMACROAGGR:`.
    Macroaggregato(u8, &'a str),
}

fn code_name(i: &str) -> IResult<&str, (&str, &str)> {
    (terminated(digit1, space1), rest).parse(i)
}

/// Recognise a heading that ends in (or holds) its level's label.
pub fn heading(line: &str) -> Option<Heading<'_>> {
    let trim = |s: &'static str| line.strip_suffix(s).map(|h| h.trim_end_matches(is_blank));
    if let Some(h) = trim("CENTRO RESP:") {
        let (_, (c, n)) = code_name(h).ok()?;
        return Some(Heading::Settore(c.parse().ok()?, n));
    }
    if let Some(h) = trim("TIPOLOGIA:") {
        let (_, (c, n)) = code_name(h).ok()?;
        return Some(Heading::Tipologia(c.parse().ok()?, n));
    }
    if let Some(h) = trim("MACROAGGR:") {
        let (_, (c, n)) = code_name(h).ok()?;
        return Some(Heading::Macroaggregato(c.parse().ok()?, n));
    }
    if let Some(h) = trim("TITOLO:").or_else(|| trim("TITOLO")) {
        let (_, (c, n)) = code_name(h).ok()?;
        return Some(Heading::Titolo(c.parse().ok()?, n));
    }
    // Capital layout: the code comes after the label, so the line ends
    // with its digits; the search for the label runs only then.
    if !line.as_bytes().last().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    titolo_capitale(line)
}

/// `ENTRATE IN CONTO CAPITALETITOLO: 4`: a Titolo of the capital layout,
/// the code after the label.
fn titolo_capitale(line: &str) -> Option<Heading<'_>> {
    // A searcher built once: `str::rfind` builds one per call, and this
    // runs on every line of text alone in a table.
    static TITOLO: std::sync::LazyLock<memchr::memmem::FinderRev<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::FinderRev::new(b"TITOLO"));
    let p = TITOLO.rfind(line.as_bytes())?;
    let name = line[..p].trim_matches(is_blank);
    let (_, (_, _, code)) = all_consuming((
        opt(char(':')),
        space0,
        digit1::<&str, nom::error::Error<&str>>,
    ))
    .parse(&line[p + "TITOLO".len()..])
    .ok()?;
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(Heading::Titolo(code.parse().ok()?, name))
}

/// `51 AREA DIRITTI E INCLUSIONE`: a Settore heading of current sections, which
/// carries no label: a number, then a name starting with a letter.
pub fn settore_plain(line: &str) -> Option<(u32, &str)> {
    let (_, (c, n)) = code_name(line).ok()?;
    let first = n.chars().next()?;
    if !first.is_alphabetic() {
        return None;
    }
    Some((c.parse().ok()?, n))
}

/// The word `Totale` standing alone in a text.
pub fn has_totale(text: &str) -> bool {
    // One searcher built once: `str::contains` set up a two-way searcher on
    // every call, and this runs on every text of every table line.
    static TOTALE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("Totale"));
    TOTALE.find(text.as_bytes()).is_some() && text.split(is_blank).any(|w| w == "Totale")
}

/// A line made of a two-digit code and a name: `12 DIRITTI SOCIALI...`.
pub fn coded_name(text: &str) -> Option<(u8, &str)> {
    let (_, (c, n)) = code_name(text).ok()?;
    if c.len() != 2 || !n.chars().next()?.is_alphabetic() {
        return None;
    }
    Some((c.parse().ok()?, n))
}

#[cfg(test)]
mod tests;
