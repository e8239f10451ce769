//! The token grammar of one line: Italian amounts (`1.234.240,00`), the `V`
//! flag, and the text between them. PDF extraction fuses columns
//! (`V1.234.240,003.500.000,00`, `3.800,0012 04 0,00`); because every amount
//! ends in a comma and exactly two digits, a left-to-right scan separates them
//! without backtracking, in time linear in the line length.

use nom::bytes::complete::take_while_m_n;
use nom::character::complete::char;
use nom::combinator::opt;
use nom::multi::fold_many0;
use nom::sequence::preceded;
use nom::{IResult, Parser};
use rust_decimal::Decimal;

use super::chiave::{key_prefix, KeyPrefix};
use super::lines::{is_ascii_blank, is_blank, trim};
use crate::span::Span;

/// A token of a line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tok<'a> {
    /// A `V` (vincolato) flag fused to the amount after it.
    V(Span),
    /// An amount, exact to the cent.
    Amount(Decimal, Span),
    /// Text between amounts, trimmed.
    Text(&'a str, Span),
    /// A word that looks like an amount but is not one (`1.23,4`).
    Malformed(&'a str, Span),
}

fn digits<const N: usize, const M: usize>(i: &str) -> IResult<&str, &str> {
    take_while_m_n(N, M, |c: char| c.is_ascii_digit()).parse(i)
}

/// Accumulate decimal digits into a mantissa, `None` once it overflows.
fn push_digits(acc: Option<u128>, ds: &str) -> Option<u128> {
    ds.bytes().try_fold(acc?, |m, d| {
        m.checked_mul(10)?.checked_add(u128::from(d - b'0'))
    })
}

/// An Italian amount: `-`? 1-3 digits, groups of `.ddd`, `,dd`.
pub fn importo(i: &str) -> IResult<&str, Option<Decimal>> {
    let (i, neg) = opt(char('-')).parse(i)?;
    let (i, head) = digits::<1, 3>(i)?;
    let (i, int) = fold_many0(
        preceded(char('.'), digits::<3, 3>),
        move || push_digits(Some(0), head),
        push_digits,
    )
    .parse(i)?;
    let (i, cents) = preceded(char(','), digits::<2, 2>).parse(i)?;
    let mantissa = push_digits(int, cents).and_then(|m| i128::try_from(m).ok());
    let value = mantissa
        .and_then(|m| Decimal::try_from_i128_with_scale(m, 2).ok())
        .map(|d| if neg.is_some() { -d } else { d });
    Ok((i, value))
}

/// Try an amount at the start of `s`: the value (or `None` on overflow) and
/// its length. The same grammar as [`importo`], scanned by hand on bytes: it
/// runs for every number on every line, and the combinator version cost a
/// tenth of the parse (a test proves both agree).
fn amount_at(s: &str) -> Option<(Option<Decimal>, usize)> {
    // Amounts of up to 18 digits (every real one) in 64-bit arithmetic,
    // which cannot overflow there; longer ones by the 128-bit scan below.
    // A thousands group and the cents are each tested and read as one
    // 32-bit word (`gruppo`, `centesimi`), not byte by byte.
    let b = s.as_bytes();
    let neg = b.first() == Some(&b'-');
    let mut i = usize::from(neg);
    let start = i;
    let mut m: u64 = 0;
    while i - start < 3 {
        match b.get(i) {
            Some(&d) if d.is_ascii_digit() => m = m * 10 + u64::from(d - b'0'),
            _ => break,
        }
        i += 1;
    }
    if i == start {
        return None;
    }
    let mut cifre = i - start;
    while let Some(g) = gruppo(b, i) {
        m = m.wrapping_mul(1000).wrapping_add(g);
        cifre += 3;
        i += 4;
    }
    let c = centesimi(b, i)?;
    if cifre + 2 > 18 {
        return amount_at_lungo(s);
    }
    // The parts of a 64-bit mantissa: what `from_i128_with_scale` builds,
    // without its range tests (18 digits are far inside `Decimal`).
    let v = m * 100 + c;
    let d = Decimal::from_parts(v as u32, (v >> 32) as u32, 0, false, 2);
    Some((Some(if neg { -d } else { d }), i + 3))
}

/// The value of the thousands group `.ddd` at `i` of `b`, if one is there:
/// the four bytes as one little-endian word, XORed with `.000` so that the
/// dot becomes 0 and each digit its value; a byte that was not a digit
/// keeps a high nibble, or passes 9 (adding 6 carries into its high nibble,
/// never into the next byte: each is at most 0x0f by then).
#[inline]
fn gruppo(b: &[u8], i: usize) -> Option<u64> {
    let w = u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?);
    let t = w ^ 0x3030_302e;
    if t & 0xf0f0_f0ff != 0 || (t + 0x0606_0600) & 0xf0f0_f000 != 0 {
        return None;
    }
    Some(u64::from((t >> 8) & 0xf) * 100 + u64::from((t >> 16) & 0xf) * 10 + u64::from(t >> 24))
}

/// The value of the cents `,dd` at `i` of `b`, if they are there: the test
/// of [`gruppo`] on three bytes.
#[inline]
fn centesimi(b: &[u8], i: usize) -> Option<u64> {
    let c = b.get(i..i + 3)?;
    let w = u32::from(c[0]) | u32::from(c[1]) << 8 | u32::from(c[2]) << 16;
    let t = w ^ 0x0030_302c;
    if t & 0x00f0_f0ff != 0 || (t + 0x0006_0600) & 0x00f0_f000 != 0 {
        return None;
    }
    Some(u64::from((t >> 8) & 0xf) * 10 + u64::from(t >> 16))
}

/// [`amount_at`] for amounts of more than 18 digits: 128-bit arithmetic,
/// `None` as the value beyond the range of [`Decimal`].
fn amount_at_lungo(s: &str) -> Option<(Option<Decimal>, usize)> {
    let b = s.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let neg = b.first() == Some(&b'-');
    let mut i = usize::from(neg);
    let start = i;
    let mut m: Option<u128> = Some(0);
    let push = |m: Option<u128>, d: u8| m?.checked_mul(10)?.checked_add(u128::from(d - b'0'));
    while i - start < 3 && digit(i) {
        m = push(m, b[i]);
        i += 1;
    }
    if i == start {
        return None;
    }
    while b.get(i) == Some(&b'.') && digit(i + 1) && digit(i + 2) && digit(i + 3) {
        for k in 1..=3 {
            m = push(m, b[i + k]);
        }
        i += 4;
    }
    if !(b.get(i) == Some(&b',') && digit(i + 1) && digit(i + 2)) {
        return None;
    }
    m = push(push(m, b[i + 1]), b[i + 2]);
    i += 3;
    let value = m
        .and_then(|m| i128::try_from(m).ok())
        .and_then(|m| Decimal::try_from_i128_with_scale(m, 2).ok())
        .map(|d| if neg { -d } else { d });
    Some((value, i))
}

/// A word made of digits, dots and commas, with at least one comma: meant as an amount.
fn looks_like_amount(word: &str) -> bool {
    word.contains(',')
        && word.bytes().any(|b| b.is_ascii_digit())
        && word
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',' || b == b'-')
}

/// End of the word starting at `i`.
fn word_end(line: &str, i: usize) -> usize {
    // Bytes up to the first ASCII blank or non-ASCII byte (the other blanks
    // are multi-byte); decode characters only from there. Asking whether the
    // whole line was ASCII cost a scan of the line on every call.
    let b = &line.as_bytes()[i..];
    match b.iter().position(|c| is_ascii_blank(c) || !c.is_ascii()) {
        None => line.len(),
        Some(e) if b[e].is_ascii() => i + e,
        Some(e) => line[i + e..]
            .find(is_blank)
            .map_or(line.len(), |f| i + e + f),
    }
}

/// Split a trimmed line into tokens, appending to `out`. `base` is the byte
/// offset of `line` in the input. Gives the PEG key the line starts with,
/// if it does: the one its first text token starts with, which a table
/// row is built from.
pub fn tokenize<'a>(line: &'a str, base: usize, out: &mut Vec<Tok<'a>>) -> Option<KeyPrefix<'a>> {
    let b = line.as_bytes();
    // A row's PEG key (`1003 8 22010102000`) is text: three runs of digits,
    // each ended by a blank or the end, so none is an amount (which needs
    // a comma right after its digits) or looks like one, and none is
    // followed by a byte that could start one. Passed over whole, the
    // state as the scan would leave it at its end, instead of trying each
    // number as an amount and as a malformed word.
    let chiave = key_prefix(line);
    let mut i = chiave.map_or(0, |k| k.len);
    let mut text_start = 0;
    // Right after an amount a new one may start at once: `0,003.500.000,00`.
    let mut fused = false;
    let flush = |out: &mut Vec<Tok<'a>>, from: usize, to: usize| {
        let (lead, t) = trim(&line[from..to]);
        if !t.is_empty() {
            let s = base + from + lead;
            out.push(Tok::Text(t, Span::new(s, s + t.len())));
        }
    };
    while i < b.len() {
        if !fused {
            // Only a digit, `-` or `V` can start a token: skip the rest of the
            // text (most bytes of most lines are text).
            i = next_candidate(b, i);
            if i == b.len() {
                break;
            }
        }
        let c = b[i];
        let prev = if i == 0 { b' ' } else { b[i - 1] };
        // An amount may start anywhere except inside a number (`N.285`, `4,5`).
        let boundary = fused || !(prev.is_ascii_digit() || prev == b'.' || prev == b',');
        fused = false;
        let word_start = prev == b' ' || prev == b'\t' || i == 0;
        if word_start && c == b'V' && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            let n = amount_at(&line[i + 1..])
                .map(|(v, n)| (Some(v), n))
                .or_else(|| {
                    let end = word_end(line, i + 1);
                    looks_like_amount(&line[i + 1..end]).then_some((None, end - i - 1))
                });
            if let Some((v, n)) = n {
                flush(out, text_start, i);
                out.push(Tok::V(Span::new(base + i, base + i + 1)));
                i += 1;
                match v {
                    Some(v) => push_amount(out, line, base, i, n, v),
                    None => out.push(Tok::Malformed(
                        &line[i..i + n],
                        Span::new(base + i, base + i + n),
                    )),
                }
                i += n;
                text_start = i;
                fused = true;
                continue;
            }
        }
        if boundary
            && (c.is_ascii_digit() || (c == b'-' && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            if let Some((v, n)) = amount_at(&line[i..]) {
                flush(out, text_start, i);
                push_amount(out, line, base, i, n, v);
                i += n;
                text_start = i;
                fused = true;
                continue;
            }
            if word_start || text_start == i {
                let end = word_end(line, i);
                let word = &line[i..end];
                if looks_like_amount(word) {
                    flush(out, text_start, i);
                    out.push(Tok::Malformed(word, Span::new(base + i, base + end)));
                    i = end;
                    text_start = i;
                    continue;
                }
            }
        }
        i += 1;
        // The bytes after a digit that started nothing, up to the first
        // byte that is not a digit, `.` or `,`, have such a byte before
        // them: no amount can start there (and no `V`), so they are text.
        if c.is_ascii_digit() {
            while i < b.len() && matches!(b[i], b'0'..=b'9' | b'.' | b',') {
                i += 1;
            }
        }
    }
    flush(out, text_start, b.len());
    chiave
}

/// The first offset from `i` of a byte that can start a token (a digit, `-`
/// or `V`), or the length. Eight bytes at a time in a register: each byte
/// of a word is tested at once and the first hit found from the flags, so
/// neither a run of text nor the bytes before a hit are looked at one by
/// one (a test compares it with the byte-by-byte scan).
fn next_candidate(b: &[u8], mut i: usize) -> usize {
    while let Some(w) = b.get(i..i + 8) {
        let flags = candidati(u64::from_le_bytes(w.try_into().expect("8 bytes")));
        if flags != 0 {
            return i + (flags.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && !is_candidate(b[i]) {
        i += 1;
    }
    i
}

/// A byte that can start a token.
fn is_candidate(c: u8) -> bool {
    c.is_ascii_digit() || c == b'-' || c == b'V'
}

/// The high bit of each byte of `w` (little-endian) set where the byte can
/// start a token. Bytes of 0x80 and more are masked off first, so that the
/// sums on the low seven bits never carry into the next byte, and never
/// flag.
fn candidati(w: u64) -> u64 {
    const UNI: u64 = 0x0101_0101_0101_0101;
    const ALTI: u64 = 0x8080_8080_8080_8080;
    let basso = w & !ALTI;
    // At least `0` (0x30) and less than `:` (0x3a).
    let cifra = (basso + UNI * (0x80 - 0x30)) & !(basso + UNI * (0x80 - 0x3a)) & ALTI;
    // Equal to `c`: the byte of `basso ^ c` is zero.
    let uguale = |c: u8| {
        let t = basso ^ (UNI * u64::from(c));
        !((t + UNI * 0x7f) | t) & ALTI
    };
    (cifra | uguale(b'-') | uguale(b'V')) & !(w & ALTI)
}

fn push_amount<'a>(
    out: &mut Vec<Tok<'a>>,
    line: &'a str,
    base: usize,
    at: usize,
    n: usize,
    v: Option<Decimal>,
) {
    let span = Span::new(base + at, base + at + n);
    match v {
        Some(v) => out.push(Tok::Amount(v, span)),
        // Too many digits to be a euro amount: report it rather than guess.
        None => out.push(Tok::Malformed(&line[at..at + n], span)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word-at-a-time search finds the byte the byte-by-byte scan
    /// finds: every byte value alone at every offset of a 19-byte text
    /// (inside a word, across two, in the tail), from every start, and
    /// pairs of edge bytes (`/`, `0`, `9`, `:`, `,`, `-`, `U`, `V`, `W` and
    /// the same with the high bit set) at every pair of offsets.
    #[test]
    fn candidate_search_agrees_with_the_byte_scan() {
        let lento = |b: &[u8], i: usize| {
            (i..b.len())
                .find(|&k| is_candidate(b[k]))
                .unwrap_or(b.len())
        };
        let mut casi = 0;
        for v in 0..=255u8 {
            for at in 0..19 {
                let mut b = [b'a'; 19];
                b[at] = v;
                for da in 0..19 {
                    assert_eq!(
                        next_candidate(&b, da),
                        lento(&b, da),
                        "{v:#x} at {at} from {da}"
                    );
                    casi += 1;
                }
            }
        }
        let bordi = [
            0x2f, 0x30, 0x39, 0x3a, 0x2c, 0x2d, 0x55, 0x56, 0x57, 0xaf, 0xb0, 0xb9, 0xad, 0xd6,
            0x20, 0xff,
        ];
        for x in bordi {
            for y in bordi {
                for i in 0..17 {
                    for j in i + 1..17 {
                        let mut b = [b'.'; 17];
                        (b[i], b[j]) = (x, y);
                        assert_eq!(next_candidate(&b, 0), lento(&b, 0), "{x:#x}@{i} {y:#x}@{j}");
                        casi += 1;
                    }
                }
            }
        }
        assert_eq!(casi, 256 * 19 * 19 + 16 * 16 * 136);
    }

    /// The hand scanner and the nom grammar agree on every string of a
    /// dense alphabet up to five characters, and on long numbers.
    #[test]
    fn amount_scanner_agrees_with_the_grammar() {
        let alphabet = ["0", "1", "9", ".", ",", "-", "V", " "];
        let mut cases = crate::parse::ogni_stringa(&alphabet, 6);
        cases.extend([
            "1.234.240,003.500.000,00".to_string(),
            "12.345.678.901.234.567.890.123.456.789.012,00".to_string(),
            "-0,00".to_string(),
            "999.999.999.999.999.999,99".to_string(),
            "9.999.999.999.999.999,99".to_string(),
            "-999.999.999.999.999,99".to_string(),
            "79.228.162.514.264.337.593.543.950.335,00".to_string(),
            "7.922.816.251.426.433.759.354.395.033,50".to_string(),
            "1.2345,00".to_string(),
            "123,456".to_string(),
        ]);
        for c in &cases {
            let nom = importo(c).ok().map(|(rest, v)| (v, c.len() - rest.len()));
            assert_eq!(amount_at(c), nom, "{c:?}");
            // The same representation too (scale, sign of zero), not only
            // the same value.
            let testo =
                |r: Option<(Option<Decimal>, usize)>| r.map(|(v, n)| (v.map(|d| d.to_string()), n));
            assert_eq!(testo(amount_at(c)), testo(nom), "{c:?}");
        }
    }
    /// The word tests of a thousands group and of the cents agree with the
    /// byte tests on every value of every byte of them.
    #[test]
    fn group_and_cents_words_agree_with_the_byte_tests() {
        let cifra = |c: u8| c.is_ascii_digit().then(|| u64::from(c - b'0'));
        let mut casi = 0;
        for at in 0..4 {
            for v in 0..=255u8 {
                let mut g = *b".407";
                g[at] = v;
                let atteso = (g[0] == b'.')
                    .then(|| Some(cifra(g[1])? * 100 + cifra(g[2])? * 10 + cifra(g[3])?))
                    .flatten();
                assert_eq!(gruppo(&g, 0), atteso, "{g:?}");
                assert_eq!(gruppo(&g[..3], 0), None);
                if at < 3 {
                    let c = [g[0] ^ b'.' ^ b',', g[1], g[2]];
                    let atteso = (c[0] == b',')
                        .then(|| Some(cifra(c[1])? * 10 + cifra(c[2])?))
                        .flatten();
                    assert_eq!(centesimi(&c, 0), atteso, "{c:?}");
                    assert_eq!(centesimi(&c[..2], 0), None);
                }
                casi += 1;
            }
        }
        assert_eq!(casi, 1024);
    }

    /// The scanner agrees with the grammar where a group or the cents hold
    /// the bytes next to the digits (`/` and `:` border them in ASCII),
    /// dots, commas and a multi-byte letter, in every position.
    #[test]
    fn amount_scanner_agrees_with_the_grammar_at_the_digits_edges() {
        let bordi = ["/", "0", "5", "9", ":", ".", ",", "é"];
        let mut casi = 0;
        for p in crate::parse::ogni_stringa(&bordi, 5) {
            let c: Vec<char> = p.chars().collect();
            if c.len() != 5 {
                continue;
            }
            for testo in [
                format!("1.{}{}{},{}{}", c[0], c[1], c[2], c[3], c[4]),
                format!("-12.345.{}{}{},{}{}", c[0], c[1], c[2], c[3], c[4]),
                format!("{}{}{}.{}{}0,00", c[0], c[1], c[2], c[3], c[4]),
            ] {
                let nom = importo(&testo)
                    .ok()
                    .map(|(rest, v)| (v, testo.len() - rest.len()));
                assert_eq!(amount_at(&testo), nom, "{testo:?}");
                casi += 1;
            }
        }
        assert_eq!(casi, 3 * 8usize.pow(5));
    }

    /// The tokenizer as it was before its text-skipping shortcuts (a byte
    /// at a time, no block test, no digit-run skip, trimming by
    /// characters): the reference the fast one must agree with.
    fn reference<'a>(line: &'a str, base: usize, out: &mut Vec<Tok<'a>>) {
        let b = line.as_bytes();
        let mut i = 0;
        let mut text_start = 0;
        // Right after an amount a new one may start at once: `0,003.500.000,00`.
        let mut fused = false;
        let flush = |out: &mut Vec<Tok<'a>>, from: usize, to: usize| {
            let raw = &line[from..to];
            let lead = raw.len() - raw.trim_start_matches(is_blank).len();
            let t = raw.trim_matches(is_blank);
            if !t.is_empty() {
                let s = base + from + lead;
                out.push(Tok::Text(t, Span::new(s, s + t.len())));
            }
        };
        while i < b.len() {
            if !fused {
                // Only a digit, `-` or `V` can start a token: skip the rest of the
                // text in a tight loop (most bytes of most lines are text).
                while i < b.len() && !matches!(b[i], b'0'..=b'9' | b'-' | b'V') {
                    i += 1;
                }
                if i == b.len() {
                    break;
                }
            }
            let c = b[i];
            let prev = if i == 0 { b' ' } else { b[i - 1] };
            // An amount may start anywhere except inside a number (`N.285`, `4,5`).
            let boundary = fused || !(prev.is_ascii_digit() || prev == b'.' || prev == b',');
            fused = false;
            let word_start = prev == b' ' || prev == b'\t' || i == 0;
            if word_start && c == b'V' && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
                let n = amount_at(&line[i + 1..])
                    .map(|(v, n)| (Some(v), n))
                    .or_else(|| {
                        let end = word_end(line, i + 1);
                        looks_like_amount(&line[i + 1..end]).then_some((None, end - i - 1))
                    });
                if let Some((v, n)) = n {
                    flush(out, text_start, i);
                    out.push(Tok::V(Span::new(base + i, base + i + 1)));
                    i += 1;
                    match v {
                        Some(v) => push_amount(out, line, base, i, n, v),
                        None => out.push(Tok::Malformed(
                            &line[i..i + n],
                            Span::new(base + i, base + i + n),
                        )),
                    }
                    i += n;
                    text_start = i;
                    fused = true;
                    continue;
                }
            }
            if boundary
                && (c.is_ascii_digit()
                    || (c == b'-' && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
            {
                if let Some((v, n)) = amount_at(&line[i..]) {
                    flush(out, text_start, i);
                    push_amount(out, line, base, i, n, v);
                    i += n;
                    text_start = i;
                    fused = true;
                    continue;
                }
                if word_start || text_start == i {
                    let end = word_end(line, i);
                    let word = &line[i..end];
                    if looks_like_amount(word) {
                        flush(out, text_start, i);
                        out.push(Tok::Malformed(word, Span::new(base + i, base + end)));
                        i = end;
                        text_start = i;
                        continue;
                    }
                }
            }
            i += 1;
        }
        flush(out, text_start, b.len());
    }

    /// The tokenizer and [`reference`] give the same tokens on every string
    /// of a dense alphabet up to five characters, on 100,000 longer ones and
    /// on every line of the real report.
    #[test]
    fn tokenize_agrees_with_the_reference() {
        let alphabet = ["0", "1", ".", ",", "-", "V", " ", "\t", "a", "\u{a0}"];
        let mut cases = crate::parse::ogni_stringa(&alphabet, 5);
        let real = include_str!("../../reports/milano-2022-dir07-welfare-e-salute.txt");
        cases.extend(real.lines().map(|l| l.trim().to_string()));
        cases.push("1.234,5678901234567890123.456,00 V1,00x 12,3a 0,001.000,00".repeat(3));
        // Lines that start with a PEG key, or nearly: the key passed over
        // whole must tokenize as the scan of each of its numbers does.
        let pezzi = ["12", "5", " ", "\t", ",", ".", "V", "\u{a0}", "-"];
        cases.extend(
            crate::parse::ogni_stringa(&pezzi, 5)
                .into_iter()
                .filter(|c| c.starts_with(|ch: char| ch.is_ascii_digit())),
        );
        for chiave in ["1003 8 22010102000", "1 2 3", "1\t2  3"] {
            for coda in [
                "",
                " ",
                "\u{a0}",
                ",00",
                ".000,00",
                " V1,00",
                "V1,00",
                " 1,00",
                "x",
                " -1,00",
                " 1.2,00 X",
            ] {
                cases.push(format!("{chiave}{coda}"));
            }
        }
        // Longer strings of the same alphabet, drawn by a fixed xorshift:
        // fused amounts need more than five characters.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut draw = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        for _ in 0..100_000 {
            let len = draw(24);
            let s: String = (0..len).map(|_| alphabet[draw(10) as usize]).collect();
            cases.push(s);
        }
        let (mut got, mut want) = (Vec::new(), Vec::new());
        let mut chiavi = 0;
        for c in &cases {
            got.clear();
            want.clear();
            let chiave = tokenize(c, 7, &mut got);
            reference(c, 7, &mut want);
            assert_eq!(got, want, "{c:?}");
            // Of a trimmed line (what the driver hands over), the key given
            // is the one the first text starts with.
            if trim(c).1.len() == c.len() {
                let prima = match got.first() {
                    Some(Tok::Text(t, _)) => key_prefix(t),
                    _ => None,
                };
                assert_eq!(chiave, prima, "{c:?}");
                chiavi += usize::from(chiave.is_some());
            }
        }
        assert!(chiavi > 400, "{chiavi}");
    }

    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn toks(line: &str) -> Vec<String> {
        let mut out = Vec::new();
        tokenize(line, 0, &mut out);
        out.iter()
            .map(|t| match t {
                Tok::V(_) => "V".to_string(),
                Tok::Amount(a, _) => format!("A({a})"),
                Tok::Text(t, _) => format!("T({t})"),
                Tok::Malformed(t, _) => format!("M({t})"),
            })
            .collect()
    }

    #[test]
    fn parses_italian_amounts_exactly() {
        assert_eq!(importo("1.234.240,00").unwrap().1, Some(d("1234240.00")));
        assert_eq!(importo("0,07").unwrap().1, Some(d("0.07")));
        assert_eq!(importo("-5.000,50").unwrap().1, Some(d("-5000.50")));
        assert!(importo("1234,00").is_err());
        assert!(importo("1.23,4").is_err());
        assert!(importo("12,3").is_err());
    }

    #[test]
    fn separates_fused_amounts_and_flag() {
        assert_eq!(
            toks("V1.234.240,003.500.000,00 1.605.958,38"),
            ["V", "A(1234240.00)", "A(3500000.00)", "A(1605958.38)"]
        );
        assert_eq!(
            toks("V3.800,003.800,0012 04 0,00"),
            ["V", "A(3800.00)", "A(3800.00)", "T(12 04)", "A(0.00)"]
        );
        assert_eq!(
            toks("300.000,000,0001 06 0,00"),
            ["A(300000.00)", "A(0.00)", "T(01 06)", "A(0.00)"]
        );
    }

    #[test]
    fn keeps_numbers_inside_descriptions_as_text() {
        assert_eq!(
            toks("TRASFERIMENTI STATALI LEGGE 28/8/97 N.285 (EX CIRC. 4) 2022/2024"),
            ["T(TRASFERIMENTI STATALI LEGGE 28/8/97 N.285 (EX CIRC. 4) 2022/2024)"]
        );
        assert_eq!(
            toks("38 15 12010101000 TRASFERIMENTI STATALI - DECRETO POVERTA' ESTREME V3.900.180,003.400.000,00 3.419.563,10"),
            [
                "T(38 15 12010101000 TRASFERIMENTI STATALI - DECRETO POVERTA' ESTREME)",
                "V",
                "A(3900180.00)",
                "A(3400000.00)",
                "A(3419563.10)"
            ]
        );
    }

    #[test]
    fn totals_lines_split_around_the_label() {
        assert_eq!(
            toks("48.525.820,00Totale Settore 51 26.381.300,00 19.318.367,32"),
            [
                "A(48525820.00)",
                "T(Totale Settore 51)",
                "A(26381300.00)",
                "A(19318367.32)"
            ]
        );
        assert_eq!(
            toks("Totale 275.000,00 835.000,00 0,00 835.000,000,0051 0,00"),
            [
                "T(Totale)",
                "A(275000.00)",
                "A(835000.00)",
                "A(0.00)",
                "A(835000.00)",
                "A(0.00)",
                "T(51)",
                "A(0.00)"
            ]
        );
    }

    #[test]
    fn flags_malformed_amounts() {
        assert_eq!(toks("V1.23,4 5,00"), ["V", "M(1.23,4)", "A(5.00)"]);
        assert_eq!(
            toks("DESC 12,3 1.000,00"),
            ["T(DESC)", "M(12,3)", "A(1000.00)"]
        );
        assert_eq!(
            toks("99.999.999.999.999.999.999.999.999.999,00"),
            ["M(99.999.999.999.999.999.999.999.999.999,00)"]
        );
    }
}
