//! Typed reads of spanned TOML values, each reporting a located error when
//! the value is not what the key needs.

use std::ops::Range;
use std::str::FromStr;

use rust_decimal::Decimal;
use toml::de::{DeTable, DeValue};

use super::raw::{wrong_type, Val};
use super::{ConfigError, Sorgente};

/// Reads values and collects errors.
pub(crate) struct Lettore<'e> {
    /// Errors so far.
    pub errors: &'e mut Vec<ConfigError>,
    /// The files, to read literal text under spans.
    pub sorgenti: &'e [Sorgente],
}

impl Lettore<'_> {
    /// Report an error at `span` of file `src`.
    pub fn err(
        &mut self,
        src: usize,
        span: Range<usize>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.errors.push(ConfigError {
            sorgente: src,
            span,
            message: message.into(),
            help: help.into(),
        });
    }

    /// A string.
    pub fn string<'d>(&mut self, v: Val<'d>) -> Option<&'d str> {
        match v.v.get_ref() {
            DeValue::String(s) => Some(s.as_ref()),
            other => {
                self.errors
                    .push(wrong_type(v.src, v.span(), "a string", other));
                None
            }
        }
    }

    /// A boolean.
    pub fn boolean(&mut self, v: Val<'_>) -> Option<bool> {
        match v.v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            other => {
                self.errors
                    .push(wrong_type(v.src, v.span(), "true or false", other));
                None
            }
        }
    }

    /// A table.
    pub fn table<'d>(&mut self, v: Val<'d>) -> Option<&'d DeTable<'d>> {
        match v.v.get_ref() {
            DeValue::Table(t) => Some(t),
            other => {
                self.errors
                    .push(wrong_type(v.src, v.span(), "a table", other));
                None
            }
        }
    }

    /// An exact decimal: an integer, a float literal read from its text (never
    /// through binary floating point), or a string such as `"0.01"`.
    pub fn decimal(&mut self, v: Val<'_>) -> Option<Decimal> {
        let help = crate::tr!("cfg-decimal-help");
        let text: String = match v.v.get_ref() {
            DeValue::Integer(i) if i.radix() == 10 => i.as_str().to_string(),
            DeValue::Float(f) => f.as_str().to_string(),
            DeValue::String(s) => s.to_string(),
            other => {
                self.errors
                    .push(wrong_type(v.src, v.span(), "a number", other));
                return None;
            }
        };
        let clean: String = text.chars().filter(|&c| c != '_').collect();
        match Decimal::from_str(clean.trim()) {
            Ok(d) if !clean.contains(['e', 'E']) => Some(d),
            _ => {
                self.err(
                    v.src,
                    v.span(),
                    crate::tr!("cfg-not-exact-decimal", text = &text),
                    help,
                );
                None
            }
        }
    }

    /// A string naming one of `options`; otherwise an error `{what} `x``
    /// whose help lists the options after `label` (both catalogue ids).
    pub fn scelta<T: Copy>(
        &mut self,
        v: Val<'_>,
        options: &[(&str, T)],
        what: &str,
        label: &str,
    ) -> Option<T> {
        let n = self.string(v)?;
        if let Some((_, t)) = options.iter().find(|(name, _)| *name == n) {
            return Some(*t);
        }
        let names: Vec<&str> = options.iter().map(|(name, _)| *name).collect();
        let tutti = format!(
            "{}: {}",
            crate::lingua::testo(label, None),
            names.join(", ")
        );
        let help = match crate::simili::piu_simile(n, names.iter().copied()) {
            Some(s) => crate::tr!("cfg15-did-you-mean", name = s, rest = tutti),
            None => tutti,
        };
        self.err(
            v.src,
            v.span(),
            format!("{} `{n}`", crate::lingua::testo(what, None)),
            help,
        );
        None
    }

    /// One value or an array of values, each read by `f`.
    pub fn list<'d, T>(
        &mut self,
        v: Val<'d>,
        mut f: impl FnMut(&mut Self, Val<'d>) -> Option<T>,
    ) -> Option<Vec<T>> {
        match v.v.get_ref() {
            DeValue::Array(a) => {
                let mut out = Vec::with_capacity(a.len());
                let mut ok = true;
                for x in a.iter() {
                    match f(self, Val { src: v.src, v: x }) {
                        Some(t) => out.push(t),
                        None => ok = false,
                    }
                }
                ok.then_some(out)
            }
            _ => f(self, v).map(|t| vec![t]),
        }
    }

    /// An unsigned integer in `range`; `what` is the catalogue id of its name.
    pub fn numero(&mut self, v: Val<'_>, max: u32, what: &str) -> Option<u32> {
        let what = crate::lingua::testo(what, None);
        match v.v.get_ref() {
            DeValue::Integer(i) if i.radix() == 10 => {
                match i.as_str().replace('_', "").parse::<u32>() {
                    Ok(n) if n <= max => Some(n),
                    _ => {
                        self.err(
                            v.src,
                            v.span(),
                            crate::tr!("cfg-not-valid", n = i.as_str(), what = &what),
                            crate::tr!("cfg-whole-number", what = &what, max = max),
                        );
                        None
                    }
                }
            }
            other => {
                self.errors
                    .push(wrong_type(v.src, v.span(), "an integer", other));
                None
            }
        }
    }

    /// The span of the characters inside a string literal, so that an error at
    /// `start..end` of the string's value points at the right columns. Falls
    /// back to the whole literal when escapes make offsets differ.
    pub fn inside(&self, v: Val<'_>, value: &str, start: usize, end: usize) -> Range<usize> {
        let span = v.span();
        let text = &self.sorgenti[v.src].testo;
        let lit = text.get(span.clone()).unwrap_or("");
        let q = if lit.starts_with("\"\"\"") || lit.starts_with("'''") {
            3
        } else {
            1
        };
        if lit.len() >= 2 * q && &lit[q..lit.len() - q] == value {
            span.start + q + start
                ..span.start + q + end.max(start + 1).min(value.len().max(start + 1))
        } else {
            span
        }
    }
}

/// What a versioned TOML file of one kind of table looks like: `version = 1`
/// and `[[<tabella>]]` tables (baselines, link files).
pub(crate) struct FileVersionato<'a> {
    /// What the file is, for messages (`baseline`, `link file`).
    pub cosa: &'a str,
    /// The array of tables (`accepted`, `group`).
    pub tabella: &'a str,
    /// The catalogue id of the help line of a TOML syntax error.
    pub help: &'a str,
}

impl FileVersionato<'_> {
    /// Read `testo`: each `[[tabella]]` through `voce` (`None` when it
    /// reported an error). All errors, located, sorted by position.
    pub fn leggi<T>(
        &self,
        testo: &str,
        mut voce: impl FnMut(&mut Lettore<'_>, Val<'_>) -> Option<T>,
    ) -> Result<Vec<T>, Vec<ConfigError>> {
        let table = DeTable::parse(testo).map_err(|e| {
            vec![ConfigError {
                sorgente: 0,
                span: e.span().unwrap_or(0..0),
                message: crate::tr!("cfg-invalid-toml", error = e.message().trim()),
                help: crate::lingua::testo(self.help, None),
            }]
        })?;
        let mut errors = Vec::new();
        let sorgenti = [Sorgente {
            nome: String::new(),
            testo: testo.to_string(),
        }];
        let mut l = Lettore {
            errors: &mut errors,
            sorgenti: &sorgenti,
        };
        let mut out = Vec::new();
        for (k, v) in table.get_ref().iter() {
            let key: &str = k.get_ref();
            let v = Val { src: 0, v };
            if key == "version" {
                if l.numero(v, 1, "cfg-what-version").is_some_and(|n| n != 1) {
                    l.err(
                        0,
                        v.span(),
                        crate::tr!(
                            "cfg-unsupported-file-version",
                            what = self.cosa.replace(' ', "-")
                        ),
                        crate::tr!("cfg-version-help"),
                    );
                }
            } else if key == self.tabella {
                match v.v.get_ref() {
                    DeValue::Array(a) => {
                        out.extend(a.iter().filter_map(|e| voce(&mut l, Val { src: 0, v: e })))
                    }
                    other => l.errors.push(wrong_type(
                        0,
                        v.span(),
                        &format!("`[[{}]]` tables", self.tabella),
                        other,
                    )),
                }
            } else {
                l.errors.push(super::raw::unknown_key(
                    0,
                    k.span(),
                    key,
                    &["version", self.tabella],
                    &format!("at the top of a {}", self.cosa),
                ));
            }
        }
        if errors.is_empty() {
            Ok(out)
        } else {
            errors.sort_by_key(|e| e.span.start);
            Err(errors)
        }
    }
}
