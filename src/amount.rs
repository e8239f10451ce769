//! Amount helpers shared by every rule and output: overflow-safe sums, the
//! Italian way of printing an amount (`1.234.567,89`), and the test that two
//! amounts differ by one mistyped digit.

use rust_decimal::{Decimal, RoundingStrategy};

/// Sum amounts without panicking: `None` when the sum leaves the range of
/// [`Decimal`] (only garbage input gets there; the rule then stays silent on
/// that figure rather than invent one).
pub fn somma<I: IntoIterator<Item = Decimal>>(values: I) -> Option<Decimal> {
    values
        .into_iter()
        .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v))
}

/// The amount rounded to cents, as a sign and a count of cents. Integer
/// arithmetic: formatting with `{:.2}` is many times slower, and every
/// finding prints several amounts.
fn centesimi(v: Decimal) -> (bool, u128) {
    let (m, scala) = (v.mantissa(), v.scale());
    if scala <= 2 {
        // Whole cents already (every amount the grammar reads): nothing to
        // round.
        return (m < 0, m.unsigned_abs() * 10u128.pow(2 - scala));
    }
    // Half a cent rounds away from zero, as people round money.
    let r = v.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let m = r.mantissa();
    // After rounding the scale is at most 2; a 96-bit mantissa times 100
    // fits in 128 bits.
    let cents = m.unsigned_abs() * 10u128.pow(2 - r.scale().min(2));
    (m < 0, cents)
}

/// The amount in cents, rounded like [`italiano`]: exact integer
/// arithmetic for searches over sums.
pub fn in_centesimi(v: Decimal) -> Option<i128> {
    let (neg, c) = centesimi(v);
    i128::try_from(c).ok().map(|c| if neg { -c } else { c })
}

/// The decimal digits of `n`, written at the end of `buf`: the digits.
fn cifre(n: u128, buf: &mut [u8; 40]) -> &[u8] {
    let da = cifre_fino(n, buf, 40);
    &buf[da..]
}

/// Write the decimal digits of `n` into `buf` so that they end at `fine`,
/// and give where they start: numbers are laid out from their last digit,
/// several into one buffer (a PEG key's three) or one before a suffix.
/// `buf[..fine]` must have room (39 digits at most).
pub(crate) fn cifre_fino(n: u128, buf: &mut [u8], mut fine: usize) -> usize {
    // 64-bit division where the number fits, as every PEG number and
    // nearly every amount does: one instruction, where the 128-bit
    // division is a library call.
    match u64::try_from(n) {
        Ok(mut x) => loop {
            fine -= 1;
            buf[fine] = b'0' + (x % 10) as u8;
            x /= 10;
            if x == 0 {
                return fine;
            }
        },
        Err(_) => {
            let mut x = n;
            loop {
                fine -= 1;
                buf[fine] = b'0' + (x % 10) as u8;
                x /= 10;
                if x == 0 {
                    return fine;
                }
            }
        }
    }
}

/// An amount as the report prints it: `.` between thousands, `,` before the
/// two decimals, a leading `-` for negatives (`-1.234,50`).
pub fn italiano(v: Decimal) -> String {
    let (neg, cents) = centesimi(v);
    let mut buf = [0u8; 40];
    let digits = cifre(cents / 100, &mut buf);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 4);
    if neg {
        out.push('-');
    }
    for (i, d) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(*d as char);
    }
    let frac = (cents % 100) as u8;
    out.push(',');
    out.push((b'0' + frac / 10) as char);
    out.push((b'0' + frac % 10) as char);
    out
}

/// An amount in machine form: decimal point, no thousands separator, two
/// decimals (`1234567.89`), as JSON and SARIF carry it.
pub fn macchina(v: Decimal) -> String {
    Macchina(v).to_string()
}

/// [`macchina`] without building a string: written where it is displayed
/// or serialized (a JSON document's amounts go straight into it).
#[derive(Debug, Clone, Copy)]
pub struct Macchina(pub Decimal);

impl Macchina {
    /// The text, laid out in `buf`: a sign, the units, `.` and two decimals
    /// (at most 43 bytes: 39 digits of units, as 128-bit cents allow).
    fn testo<'b>(&self, buf: &'b mut [u8; 48]) -> &'b str {
        let (neg, cents) = centesimi(self.0);
        let frac = (cents % 100) as u8;
        buf[45..].copy_from_slice(&[b'.', b'0' + frac / 10, b'0' + frac % 10]);
        let mut da = cifre_fino(cents / 100, buf, 45);
        if neg {
            da -= 1;
            buf[da] = b'-';
        }
        // Digits, `-` and `.` are ASCII.
        std::str::from_utf8(&buf[da..]).unwrap_or_default()
    }
}

impl std::fmt::Display for Macchina {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.testo(&mut [0u8; 48]))
    }
}

impl serde::Serialize for Macchina {
    /// One string, laid out on the stack: a JSON document holds thousands
    /// of amounts, and the formatter's path (a write per piece, each escaped
    /// on its own) cost several times the digits.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.testo(&mut [0u8; 48]))
    }
}

/// True when `a` and `b` print with the same number of digits and differ in
/// exactly one digit, or in two adjacent digits swapped: the mistakes of a
/// hand-typed figure.
pub fn un_errore_di_battitura(a: Decimal, b: Decimal) -> bool {
    if a == b || a.is_sign_negative() != b.is_sign_negative() {
        return false;
    }
    let da = macchina(a.abs());
    let db = macchina(b.abs());
    if da.len() != db.len() {
        return false;
    }
    let diffs: Vec<usize> = da
        .bytes()
        .zip(db.bytes())
        .enumerate()
        .filter(|(_, (x, y))| x != y)
        .map(|(i, _)| i)
        .collect();
    match diffs.as_slice() {
        [_] => true,
        [i, j] if *j == i + 1 => {
            let (ba, bb) = (da.as_bytes(), db.as_bytes());
            ba[*i] == bb[*j] && ba[*j] == bb[*i]
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn prints_the_italian_way() {
        assert_eq!(italiano(d("0")), "0,00");
        assert_eq!(italiano(d("999.5")), "999,50");
        assert_eq!(italiano(d("1000")), "1.000,00");
        assert_eq!(italiano(d("117728790")), "117.728.790,00");
        assert_eq!(italiano(d("-16829773.05")), "-16.829.773,05");
        assert_eq!(macchina(d("16829773.05")), "16829773.05");
        assert_eq!(macchina(d("-3")), "-3.00");
        assert_eq!(macchina(d("0.005")), "0.01");
        assert_eq!(italiano(d("-0.001")), "0,00");
        assert_eq!(italiano(d("1234567.891")), "1.234.567,89");
        assert_eq!(macchina(Decimal::MAX), "79228162514264337593543950335.00");
    }

    /// Both forms agree with `Decimal`'s own rounding and printing, for
    /// amounts of every scale, sign and size (up to the largest mantissa).
    #[test]
    fn forms_agree_with_decimal_printing() {
        use proptest::prelude::*;
        let numero = prop_oneof![
            (any::<i64>(), 0u32..29).prop_map(|(m, s)| Decimal::new(m, s)),
            (any::<u64>(), any::<u32>(), any::<bool>(), 0u32..29).prop_map(|(lo, hi, neg, s)| {
                Decimal::from_parts(lo as u32, (lo >> 32) as u32, hi, neg, s)
            }),
        ];
        proptest!(ProptestConfig::with_cases(20_000), |(v in numero)| {
            let r = v.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            let atteso = format!("{r:.2}");
            let atteso = if r.is_zero() { atteso.trim_start_matches('-').to_string() } else { atteso };
            prop_assert_eq!(macchina(v), atteso.clone());
            // Serialized, the same text as one JSON string.
            prop_assert_eq!(serde_json::to_string(&Macchina(v)).unwrap(), format!("\"{atteso}\""));
            let (int, frac) = atteso.split_once('.').unwrap();
            let (segno, int) = match int.strip_prefix('-') {
                Some(i) => ("-", i),
                None => ("", int),
            };
            let mut gruppi: Vec<&str> = Vec::new();
            let mut resto = int;
            while resto.len() > 3 {
                let (a, b) = resto.split_at(resto.len() - 3);
                gruppi.insert(0, b);
                resto = a;
            }
            gruppi.insert(0, resto);
            prop_assert_eq!(italiano(v), format!("{segno}{},{frac}", gruppi.join(".")));
        });
    }

    #[test]
    fn sums_without_overflow_panics() {
        assert_eq!(somma([d("1.5"), d("2.25")]), Some(d("3.75")));
        assert_eq!(somma([Decimal::MAX, Decimal::ONE]), None);
    }

    #[test]
    fn recognises_one_mistyped_digit() {
        assert!(un_errore_di_battitura(d("1234.00"), d("1284.00")));
        assert!(un_errore_di_battitura(d("1234.00"), d("1324.00")));
        assert!(!un_errore_di_battitura(d("1234.00"), d("1234.00")));
        assert!(!un_errore_di_battitura(d("1234.00"), d("12340.00")));
        assert!(!un_errore_di_battitura(d("1234.00"), d("4231.00")));
        assert!(!un_errore_di_battitura(d("1234.00"), d("1299.00")));
    }
}
