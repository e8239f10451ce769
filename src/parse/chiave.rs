//! The PEG key a budget row starts with (`3763 20 21030215000`): read by
//! the tokenizer, which passes over it as text, and by the table builder,
//! which makes the row's key of it. A module of its own, so that both read
//! it without depending on each other.

use super::lines::{is_ascii_blank, is_blank};

/// The PEG key that starts a budget row: three numbers, then the description.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyPrefix<'a> {
    /// Capitolo digits.
    pub capitolo: &'a str,
    /// Articolo digits.
    pub articolo: &'a str,
    /// The third number: sub-number, fused with the 10-digit PDC in current sections.
    pub terzo: &'a str,
    /// Byte length of the key (up to the end of `terzo`).
    pub len: usize,
}

/// Recognise `3763 20 21030215000 DESCRIPTION` (or a key alone on its line).
///
/// Scanned by hand on bytes: it runs on the first text of nearly every table
/// line, and the nom version (kept in the tests as the reference) decoded
/// every character. Digits are ASCII digits, separators runs of spaces and
/// tabs, as nom's `digit1` and `space1` read them.
pub fn key_prefix(text: &str) -> Option<KeyPrefix<'_>> {
    let b = text.as_bytes();
    // Two loops the compiler sees whole (a function pointer per byte was
    // an indirect call per byte).
    let digits = |mut i: usize| {
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        i
    };
    let spaces = |mut i: usize| {
        while matches!(b.get(i), Some(b' ' | b'\t')) {
            i += 1;
        }
        i
    };
    let e1 = digits(0);
    if e1 == 0 {
        return None;
    }
    let s1 = spaces(e1);
    let e2 = digits(s1);
    let s2 = spaces(e2);
    let e3 = digits(s2);
    if s1 == e1 || e2 == s1 || s2 == e2 || e3 == s2 {
        return None;
    }
    // The key must end at a blank or the end of the text (a character is
    // decoded only at a non-ASCII byte).
    let ends = match b.get(e3) {
        None => true,
        Some(c) if c.is_ascii() => is_ascii_blank(c),
        Some(_) => text[e3..].starts_with(is_blank),
    };
    if !ends {
        return None;
    }
    Some(KeyPrefix {
        capitolo: &text[..e1],
        articolo: &text[s1..e2],
        terzo: &text[s2..e3],
        len: e3,
    })
}
