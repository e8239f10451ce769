//! Localisation: every text a user reads, in Italian and English, from one
//! catalogue per language (Project Fluent, `locales/<lang>/quadra.ftl`,
//! compiled into the binary).
//!
//! The language is chosen once per process ([`imposta`], from [`scegli`]:
//! `--lang`, else `lang` in `quadra.toml`, else the locale, else English)
//! and read by [`corrente`]; code asks the catalogue with [`tr!`](crate::tr)
//! (a text) or [`msg!`](crate::msg) (a finding's message with its
//! language-independent identity), never tests the language itself.
//! Rule files give their own texts per language ([`Localizzato`]).

mod scelta;
mod semplici;

pub use scelta::{da_locale, lingua_del_file, lingua_del_progetto, scegli};

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The Italian catalogue (the reference: quadra's users are Italian auditors).
pub const CATALOGO_IT: &str = include_str!("../../locales/it/quadra.ftl");
/// The English catalogue.
pub const CATALOGO_EN: &str = include_str!("../../locales/en/quadra.ftl");

/// A language quadra speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, clap::ValueEnum)]
pub enum Lingua {
    /// Italiano.
    It,
    /// English (the default when nothing says otherwise).
    #[default]
    En,
}

impl Lingua {
    /// Both languages, Italian first.
    pub const TUTTE: [Lingua; 2] = [Lingua::It, Lingua::En];

    /// The code written in `--lang`, `quadra.toml` and SARIF (`it`, `en`).
    pub fn codice(self) -> &'static str {
        match self {
            Lingua::It => "it",
            Lingua::En => "en",
        }
    }

    /// The language of a code (`it`, `en`), if quadra speaks it.
    pub fn da_codice(s: &str) -> Option<Lingua> {
        Lingua::TUTTE.into_iter().find(|l| l.codice() == s)
    }

    /// The catalogue's source text.
    pub fn catalogo(self) -> &'static str {
        match self {
            Lingua::It => CATALOGO_IT,
            Lingua::En => CATALOGO_EN,
        }
    }

    fn indice(self) -> usize {
        match self {
            Lingua::It => 0,
            Lingua::En => 1,
        }
    }
}

static CORRENTE: AtomicU8 = AtomicU8::new(1);

/// Set the language of this process (the command line does it once, first).
pub fn imposta(l: Lingua) {
    CORRENTE.store(l.indice() as u8, Ordering::Relaxed);
}

/// The language of this process: English until [`imposta`] says otherwise.
pub fn corrente() -> Lingua {
    match CORRENTE.load(Ordering::Relaxed) {
        0 => Lingua::It,
        _ => Lingua::En,
    }
}

type Bundle = FluentBundle<FluentResource>;

/// A language's catalogue: the bundle, and the id of every message and
/// attribute (`id.attribute`) it holds.
fn bundle(l: Lingua) -> (Bundle, Vec<String>) {
    let id = l.codice().parse().unwrap_or_default();
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // Texts go to terminals, JSON and Markdown: no Unicode isolation marks.
    b.set_use_isolating(false);
    // A syntax error leaves out only the entry it is in; the catalogue test
    // proves there is none.
    let res = match FluentResource::try_new(l.catalogo().to_string()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let ids = res
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m),
            _ => None,
        })
        .flat_map(|m| {
            let attributi = m
                .attributes
                .iter()
                .map(|a| format!("{}.{}", m.id.name, a.id.name));
            std::iter::once(m.id.name.to_string()).chain(attributi)
        })
        .collect();
    b.add_resource_overriding(res);
    (b, ids)
}

/// The catalogue of `l`, parsed on first use: a run in one language never
/// parses the other's (a tenth of the real report's whole check).
fn catalogo_di(l: Lingua) -> &'static (Bundle, Vec<String>) {
    static B: [OnceLock<(Bundle, Vec<String>)>; 2] = [OnceLock::new(), OnceLock::new()];
    B[l.indice()].get_or_init(|| bundle(l))
}

/// The pattern of message `id` (or `id.attribute`).
fn pattern<'b>(b: &'b Bundle, id: &str) -> Option<&'b fluent_syntax::ast::Pattern<&'b str>> {
    let (msg_id, attr) = match id.split_once('.') {
        Some((m, a)) => (m, Some(a)),
        None => (id, None),
    };
    let m = b.get_message(msg_id)?;
    match attr {
        Some(a) => m.get_attribute(a).map(|a| a.value()),
        None => m.value(),
    }
}

/// The messages of `l` made of text and variables only, by id, laid out
/// when the language is first asked for ([`semplici`]).
type Semplici = rustc_hash::FxHashMap<&'static str, Box<[semplici::Pezzo<'static>]>>;

fn semplici_di(l: Lingua) -> &'static Semplici {
    static S: [OnceLock<Semplici>; 2] = [OnceLock::new(), OnceLock::new()];
    S[l.indice()].get_or_init(|| {
        let (b, ids) = catalogo_di(l);
        ids.iter()
            .filter_map(|id| Some((id.as_str(), semplici::pezzi(pattern(b, id)?)?)))
            .collect()
    })
}

/// The text of message `id` (or `id.attribute`) in language `l`, with its
/// arguments. A missing message gives its id back (the catalogue test proves
/// every id used exists in both languages), so nothing panics.
pub fn testo_in(l: Lingua, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    semplici_di(l)
        .get(id)
        .and_then(|p| semplici::scrivi(p, args))
        .unwrap_or_else(|| testo_fluent(l, id, args))
}

/// [`testo_in`] by Fluent's resolver alone.
fn testo_fluent(l: Lingua, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    let b = &catalogo_di(l).0;
    let Some(p) = pattern(b, id) else {
        return id.to_string();
    };
    let mut errors = Vec::new();
    b.format_pattern(p, args, &mut errors).into_owned()
}

/// The text of `id` in the current language.
pub fn testo(id: &str, args: Option<&FluentArgs<'_>>) -> String {
    testo_in(corrente(), id, args)
}

/// A value given to a catalogue message: text, or a count (which selects
/// plural forms: "1 errore", "2 errori").
pub trait Argomento {
    /// As a Fluent value.
    fn valore(self) -> FluentValue<'static>;
}

impl Argomento for String {
    fn valore(self) -> FluentValue<'static> {
        FluentValue::from(self)
    }
}

impl Argomento for &String {
    fn valore(self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}

impl Argomento for &str {
    fn valore(self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

macro_rules! numeri {
    ($($t:ty),*) => {$(
        impl Argomento for $t {
            fn valore(self) -> FluentValue<'static> {
                FluentValue::from(self)
            }
        }
    )*};
}
numeri!(usize, u8, u16, u32, u64, i32, i64);

/// A finding's message: its text in the current language, and an identity
/// that is the same in every language (the catalogue id and the arguments),
/// which baselines compare when a finding has no amounts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Testo {
    /// What the user reads.
    pub testo: String,
    /// The language-independent identity.
    pub identita: String,
}

impl Testo {
    /// Message `id` with its arguments (`nome`, value as text), in the current language.
    pub fn nuovo(id: &str, args: FluentArgs<'static>) -> Testo {
        let mut identita = id.to_string();
        for (k, v) in args.iter() {
            identita.push('|');
            identita.push_str(k);
            identita.push('=');
            match v {
                FluentValue::String(s) => identita.push_str(s),
                FluentValue::Number(n) => identita.push_str(&n.as_string()),
                _ => {}
            }
        }
        Testo {
            testo: testo(id, Some(&args)),
            identita,
        }
    }
}

/// A text that is not in the catalogue (from a rule file, or one language
/// only): it is its own identity.
impl From<String> for Testo {
    fn from(testo: String) -> Self {
        Testo {
            identita: testo.clone(),
            testo,
        }
    }
}

impl From<&str> for Testo {
    fn from(testo: &str) -> Self {
        Testo::from(testo.to_string())
    }
}

impl From<Testo> for String {
    fn from(t: Testo) -> String {
        t.testo
    }
}

/// Something written once per language: a rule file's `message.it` /
/// `message.en`, or a plain value used for both.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Localizzato<T> {
    /// Italian, then English.
    pub forme: [T; 2],
}

impl<T> Localizzato<T> {
    /// The form in language `l`.
    pub fn in_lingua(&self, l: Lingua) -> &T {
        &self.forme[l.indice()]
    }

    /// The form in the current language.
    pub fn get(&self) -> &T {
        self.in_lingua(corrente())
    }
}

/// The text of a catalogue message in the current language:
/// `tr!("check-accepted", n = 3)`.
#[macro_export]
macro_rules! tr {
    ($id:expr) => {
        $crate::lingua::testo($id, None)
    };
    ($id:expr, $($k:ident = $v:expr),+ $(,)?) => {{
        let mut args = ::fluent_bundle::FluentArgs::new();
        $( args.set(stringify!($k), $crate::lingua::Argomento::valore($v)); )+
        $crate::lingua::testo($id, Some(&args))
    }};
}

/// A finding's message from the catalogue, with its language-independent
/// identity ([`Testo`]): `msg!("dup-key-message", key = k.to_string())`.
#[macro_export]
macro_rules! msg {
    ($id:expr) => {
        $crate::lingua::Testo::nuovo($id, ::fluent_bundle::FluentArgs::new())
    };
    ($id:expr, $($k:ident = $v:expr),+ $(,)?) => {{
        let mut args = ::fluent_bundle::FluentArgs::new();
        $( args.set(stringify!($k), $crate::lingua::Argomento::valore($v)); )+
        $crate::lingua::Testo::nuovo($id, args)
    }};
}

#[cfg(test)]
mod tests;
