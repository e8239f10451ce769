//! The condition language of TOML rules (`when = "..."`): arithmetic and
//! comparisons on an item's amounts, flags and codes, and the rule's
//! parameters.
//!
//! ```text
//! expr    := or
//! or      := and ("or" and)*
//! and     := not ("and" not)*
//! not     := "not" not | cmp
//! cmp     := sum (("=" | "==" | "!=" | "<" | "<=" | ">" | ">=") sum)?
//! sum     := product (("+" | "-") product)*
//! product := unary (("*" | "/") unary)*
//! unary   := "-" unary | atom
//! atom    := number | "true" | "false" | name | "abs" "(" sum ")" | "(" expr ")"
//! ```
//!
//! Numbers are exact decimals (`0.5`, `1_000_000`). A value the item does not
//! have (the PDC of a capital row, a capital column of a current row) is
//! *missing*: arithmetic and comparisons on it stay missing, `not` of a
//! missing condition is missing, `and` / `or` are missing unless the other
//! side decides them, and a missing condition never holds, so a rule never
//! fires on data that is not there. Expressions are type-checked when the
//! rule file is loaded; their length and nesting are bounded.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::ast::Colonna;
use crate::lang::item::Item;

/// A field of an item that an expression can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Campo {
    /// An amount column.
    Colonna(Colonna),
    /// The V flag.
    Vincolato,
    /// `(ART.NON RIPETUTO)`.
    NonRipetuto,
    /// The leading `*`.
    Asterisco,
    /// Every amount column is zero.
    AllZero,
    /// Titolo code of the heading above (or of a 1.C row).
    Titolo,
    /// Tipologia / Macroaggregato code of the heading above.
    Gruppo,
    /// Settore code.
    Settore,
    /// First digit of the PDC.
    PdcTitolo,
    /// Second level (digits 2-3) of the PDC.
    PdcGruppo,
    /// Missione code.
    Missione,
    /// Programma code.
    Programma,
    /// Capitolo of the PEG key.
    Capitolo,
    /// Articolo of the PEG key.
    Articolo,
}

/// Field names, their field and whether they are boolean.
pub const CAMPI: &[(&str, Campo)] = &[
    ("previsione", Campo::Colonna(Colonna::Previsione)),
    (
        "previsione_precedente",
        Campo::Colonna(Colonna::PrevisionePrecedente),
    ),
    (
        "rendiconto_precedente",
        Campo::Colonna(Colonna::RendicontoPrecedente),
    ),
    (
        "crono_anni_precedenti",
        Campo::Colonna(Colonna::CronoAnniPrecedenti),
    ),
    (
        "altri_nuovi_stanziamenti",
        Campo::Colonna(Colonna::AltriNuoviStanziamenti),
    ),
    (
        "programma_triennale_lp",
        Campo::Colonna(Colonna::ProgrammaTriennaleLp),
    ),
    (
        "previsione_precedente_ripetuta",
        Campo::Colonna(Colonna::PrevisionePrecedenteRipetuta),
    ),
    ("vincolato", Campo::Vincolato),
    ("non_ripetuto", Campo::NonRipetuto),
    ("asterisco", Campo::Asterisco),
    ("all_zero", Campo::AllZero),
    ("titolo", Campo::Titolo),
    ("gruppo", Campo::Gruppo),
    ("settore", Campo::Settore),
    ("pdc_titolo", Campo::PdcTitolo),
    ("pdc_gruppo", Campo::PdcGruppo),
    ("missione", Campo::Missione),
    ("programma", Campo::Programma),
    ("capitolo", Campo::Capitolo),
    ("articolo", Campo::Articolo),
];

impl Campo {
    fn is_bool(self) -> bool {
        matches!(
            self,
            Campo::Vincolato | Campo::NonRipetuto | Campo::Asterisco | Campo::AllZero
        )
    }
}

/// Binary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `or`
    Or,
    /// `and`
    And,
    /// `=` / `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
}

/// A checked expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A number.
    Num(Decimal),
    /// `true` / `false`.
    Bool(bool),
    /// A field of the item.
    Campo(Campo),
    /// `-x`.
    Neg(Box<Expr>),
    /// `not x`.
    Not(Box<Expr>),
    /// `abs(x)`.
    Abs(Box<Expr>),
    /// `x op y`.
    Bin(Op, Box<Expr>, Box<Expr>),
}

/// The value of an expression on an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Valore {
    /// A number.
    Num(Decimal),
    /// A truth value.
    Bool(bool),
    /// The item has no such value.
    Mancante,
}

/// An error in an expression: where (byte offsets into the expression) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExprError {
    /// Start offset into the expression text.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// What is wrong.
    pub message: String,
    /// What was expected.
    pub help: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tipo {
    Num,
    Bool,
}

impl Tipo {
    fn name(self) -> &'static str {
        match self {
            Tipo::Num => "num",
            Tipo::Bool => "bool",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok<'s> {
    Num(Decimal),
    Name(&'s str),
    Sym(&'static str),
    End,
}

/// Longest condition accepted, in bytes: evaluation recurses over the tree,
/// and a bounded text bounds the tree.
pub const MAX_LUNGHEZZA: usize = 2_000;

/// Deepest nesting of `(`, `not`, `-` and `abs(` accepted.
pub const MAX_PROFONDITA: usize = 64;

struct Parser<'s, 'p> {
    depth: usize,
    toks: Vec<(Tok<'s>, usize, usize)>,
    pos: usize,
    params: &'p dyn Fn(&str) -> Option<Decimal>,
}

const SYMBOLS: [&str; 14] = [
    "==", "!=", "<=", ">=", "=", "<", ">", "+", "-", "*", "/", "(", ")", ",",
];

fn tokenize(src: &str) -> Result<Vec<(Tok<'_>, usize, usize)>, ExprError> {
    let b = src.as_bytes();
    let mut i = 0;
    let mut out = Vec::new();
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() {
            let start = i;
            while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'_' || b[i] == b'.') {
                i += 1;
            }
            let text: String = src[start..i].chars().filter(|&c| c != '_').collect();
            let n = Decimal::from_str(&text).map_err(|_| ExprError {
                start,
                end: i,
                message: crate::tr!("expr-not-a-number", text = &src[start..i]),
                help: crate::tr!("expr-number-help"),
            })?;
            out.push((Tok::Num(n), start, i));
        } else if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            out.push((Tok::Name(&src[start..i]), start, i));
        } else if let Some(s) = SYMBOLS.iter().find(|s| src[i..].starts_with(**s)) {
            out.push((Tok::Sym(s), i, i + s.len()));
            i += s.len();
        } else {
            let ch = src[i..].chars().next().unwrap_or('?');
            return Err(ExprError {
                start: i,
                end: i + ch.len_utf8(),
                message: crate::tr!("expr-unexpected-char", char = ch.to_string()),
                help: crate::tr!("expr-syntax-help"),
            });
        }
    }
    out.push((Tok::End, b.len(), b.len()));
    Ok(out)
}

/// Parse and type-check a condition; `params` resolves the rule's parameter
/// names to their values.
pub fn parse_condition(
    src: &str,
    params: &dyn Fn(&str) -> Option<Decimal>,
) -> Result<Expr, ExprError> {
    if src.len() > MAX_LUNGHEZZA {
        return Err(ExprError {
            start: 0,
            end: src.len(),
            message: crate::tr!("expr-too-long", max = MAX_LUNGHEZZA),
            help: crate::tr!("expr-too-long-help"),
        });
    }
    let mut p = Parser {
        depth: 0,
        toks: tokenize(src)?,
        pos: 0,
        params,
    };
    let (e, t, s, end) = p.or()?;
    if let (Tok::End, ..) = p.peek() {
    } else {
        let (_, a, b) = p.toks[p.pos].clone();
        return Err(p.err(
            a,
            b,
            "unexpected text after the condition",
            "join conditions with `and` / `or`",
        ));
    }
    if t != Tipo::Bool {
        return Err(p.err(
            s,
            end,
            "this is a number, not a condition",
            "compare it: e.g. `previsione > 0`",
        ));
    }
    Ok(e)
}

type Parsed = (Expr, Tipo, usize, usize);

impl<'s> Parser<'s, '_> {
    fn peek(&self) -> (Tok<'s>, usize, usize) {
        self.toks[self.pos].clone()
    }

    fn err(&self, start: usize, end: usize, message: &str, help: &str) -> ExprError {
        ExprError {
            start,
            end,
            message: message.to_string(),
            help: help.to_string(),
        }
    }

    fn expect_type(&self, p: &Parsed, t: Tipo, what: &str) -> Result<(), ExprError> {
        if p.1 == t {
            Ok(())
        } else {
            Err(self.err(
                p.2,
                p.3,
                &crate::tr!(
                    "expr-type",
                    what = what,
                    expected = t.name(),
                    found = p.1.name()
                ),
                &crate::tr!("expr-type-help"),
            ))
        }
    }

    fn eat_sym(&mut self, s: &'static str) -> bool {
        if self.toks[self.pos].0 == Tok::Sym(s) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn eat_word(&mut self, w: &str) -> bool {
        if matches!(self.toks[self.pos].0, Tok::Name(n) if n == w) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn logic(
        &mut self,
        word: &str,
        op: Op,
        next: fn(&mut Self) -> Result<Parsed, ExprError>,
    ) -> Result<Parsed, ExprError> {
        let mut l = next(self)?;
        while self.eat_word(word) {
            let r = next(self)?;
            self.expect_type(&l, Tipo::Bool, &format!("`{word}`"))?;
            self.expect_type(&r, Tipo::Bool, &format!("`{word}`"))?;
            l = (
                Expr::Bin(op, Box::new(l.0), Box::new(r.0)),
                Tipo::Bool,
                l.2,
                r.3,
            );
        }
        Ok(l)
    }

    fn or(&mut self) -> Result<Parsed, ExprError> {
        self.logic("or", Op::Or, Self::and)
    }

    fn and(&mut self) -> Result<Parsed, ExprError> {
        self.logic("and", Op::And, Self::not)
    }

    /// Enter one level of nesting; an error past [`MAX_PROFONDITA`].
    fn deeper(&mut self, start: usize) -> Result<(), ExprError> {
        self.depth += 1;
        if self.depth > MAX_PROFONDITA {
            let end = self.toks[self.pos].2;
            return Err(self.err(
                start,
                end,
                &crate::tr!("expr-too-deep", max = MAX_PROFONDITA),
                &crate::tr!("expr-too-deep-help"),
            ));
        }
        Ok(())
    }

    fn not(&mut self) -> Result<Parsed, ExprError> {
        let start = self.toks[self.pos].1;
        if self.eat_word("not") {
            self.deeper(start)?;
            let e = self.not()?;
            self.depth -= 1;
            self.expect_type(&e, Tipo::Bool, "`not`")?;
            return Ok((Expr::Not(Box::new(e.0)), Tipo::Bool, start, e.3));
        }
        self.cmp()
    }

    fn cmp(&mut self) -> Result<Parsed, ExprError> {
        let l = self.sum()?;
        let op = match self.peek().0 {
            Tok::Sym("=") | Tok::Sym("==") => Op::Eq,
            Tok::Sym("!=") => Op::Ne,
            Tok::Sym("<") => Op::Lt,
            Tok::Sym("<=") => Op::Le,
            Tok::Sym(">") => Op::Gt,
            Tok::Sym(">=") => Op::Ge,
            _ => return Ok(l),
        };
        self.pos += 1;
        let r = self.sum()?;
        if l.1 != r.1 {
            return Err(self.err(
                l.2,
                r.3,
                &crate::tr!("expr-cannot-compare", left = l.1.name(), right = r.1.name()),
                &crate::tr!("expr-cannot-compare-help"),
            ));
        }
        if l.1 == Tipo::Bool && !matches!(op, Op::Eq | Op::Ne) {
            return Err(self.err(
                l.2,
                r.3,
                &crate::tr!("expr-bool-compare"),
                &crate::tr!("expr-bool-compare-help"),
            ));
        }
        Ok((
            Expr::Bin(op, Box::new(l.0), Box::new(r.0)),
            Tipo::Bool,
            l.2,
            r.3,
        ))
    }

    fn arith(
        &mut self,
        ops: [(&'static str, Op); 2],
        next: fn(&mut Self) -> Result<Parsed, ExprError>,
    ) -> Result<Parsed, ExprError> {
        let mut l = next(self)?;
        loop {
            let Some(op) = ops
                .iter()
                .find(|(s, _)| self.peek().0 == Tok::Sym(s))
                .map(|(_, o)| *o)
            else {
                return Ok(l);
            };
            self.pos += 1;
            let r = next(self)?;
            self.expect_type(&l, Tipo::Num, "arithmetic")?;
            self.expect_type(&r, Tipo::Num, "arithmetic")?;
            l = (
                Expr::Bin(op, Box::new(l.0), Box::new(r.0)),
                Tipo::Num,
                l.2,
                r.3,
            );
        }
    }

    fn sum(&mut self) -> Result<Parsed, ExprError> {
        self.arith([("+", Op::Add), ("-", Op::Sub)], Self::product)
    }

    fn product(&mut self) -> Result<Parsed, ExprError> {
        self.arith([("*", Op::Mul), ("/", Op::Div)], Self::unary)
    }

    fn unary(&mut self) -> Result<Parsed, ExprError> {
        let start = self.toks[self.pos].1;
        if self.eat_sym("-") {
            self.deeper(start)?;
            let e = self.unary()?;
            self.depth -= 1;
            self.expect_type(&e, Tipo::Num, "`-`")?;
            return Ok((Expr::Neg(Box::new(e.0)), Tipo::Num, start, e.3));
        }
        self.atom()
    }

    fn atom(&mut self) -> Result<Parsed, ExprError> {
        let (tok, start, end) = self.peek();
        match tok {
            Tok::Num(n) => {
                self.pos += 1;
                Ok((Expr::Num(n), Tipo::Num, start, end))
            }
            Tok::Sym("(") => {
                self.pos += 1;
                self.deeper(start)?;
                let e = self.or()?;
                self.depth -= 1;
                let close = self.toks[self.pos].2;
                if !self.eat_sym(")") {
                    return Err(self.err(
                        start,
                        end,
                        &crate::tr!("expr-unclosed"),
                        &crate::tr!("expr-add-close"),
                    ));
                }
                Ok((e.0, e.1, start, close))
            }
            Tok::Name("true") | Tok::Name("false") => {
                self.pos += 1;
                Ok((Expr::Bool(tok == Tok::Name("true")), Tipo::Bool, start, end))
            }
            Tok::Name("abs") => {
                self.pos += 1;
                if !self.eat_sym("(") {
                    return Err(self.err(
                        start,
                        end,
                        &crate::tr!("expr-abs-open"),
                        &crate::tr!("expr-abs-help"),
                    ));
                }
                self.deeper(start)?;
                let e = self.sum()?;
                self.depth -= 1;
                self.expect_type(&e, Tipo::Num, "`abs`")?;
                let close = self.toks[self.pos].2;
                if !self.eat_sym(")") {
                    return Err(self.err(
                        start,
                        end,
                        &crate::tr!("expr-abs-unclosed"),
                        &crate::tr!("expr-add-close"),
                    ));
                }
                Ok((Expr::Abs(Box::new(e.0)), Tipo::Num, start, close))
            }
            Tok::Name(n) => {
                self.pos += 1;
                if let Some((_, c)) = CAMPI.iter().find(|(name, _)| *name == n) {
                    let t = if c.is_bool() { Tipo::Bool } else { Tipo::Num };
                    return Ok((Expr::Campo(*c), t, start, end));
                }
                if let Some(v) = (self.params)(n) {
                    return Ok((Expr::Num(v), Tipo::Num, start, end));
                }
                let names: Vec<&str> = CAMPI.iter().map(|(n, _)| *n).collect();
                let tutti = crate::tr!("expr-names-help", names = names.join(", "));
                let help = match crate::simili::piu_simile(n, names.iter().copied()) {
                    Some(s) => crate::tr!("cfg15-did-you-mean", name = s, rest = tutti),
                    None => tutti,
                };
                Err(self.err(
                    start,
                    end,
                    &crate::tr!("expr-unknown-name", name = n),
                    &help,
                ))
            }
            Tok::End => Err(self.err(
                start,
                end,
                &crate::tr!("expr-ends-early"),
                &crate::tr!("expr-ends-early-help"),
            )),
            Tok::Sym(s) => Err(self.err(
                start,
                end,
                &crate::tr!("expr-unexpected", text = s),
                &crate::tr!("expr-unexpected-help"),
            )),
        }
    }
}

impl Expr {
    /// Evaluate on an item.
    pub fn eval(&self, it: &Item<'_>) -> Valore {
        match self {
            Expr::Num(n) => Valore::Num(*n),
            Expr::Bool(b) => Valore::Bool(*b),
            Expr::Campo(c) => campo(*c, it),
            Expr::Neg(e) => match valore(e, it) {
                Valore::Num(n) => Valore::Num(-n),
                v => v,
            },
            Expr::Abs(e) => match valore(e, it) {
                Valore::Num(n) => Valore::Num(n.abs()),
                v => v,
            },
            // Three-valued logic: what is missing stays missing through
            // `not`, and decides `and` / `or` only when the other side does
            // not; a missing condition never holds.
            Expr::Not(e) => match valore(e, it) {
                Valore::Bool(b) => Valore::Bool(!b),
                _ => Valore::Mancante,
            },
            // A false left side decides `and` (a true one `or`) whatever the
            // right side is, missing included: it is not evaluated.
            Expr::Bin(Op::And, l, r) => match valore(l, it) {
                Valore::Bool(false) => Valore::Bool(false),
                a => match (a, valore(r, it)) {
                    (_, Valore::Bool(false)) => Valore::Bool(false),
                    (Valore::Bool(true), Valore::Bool(true)) => Valore::Bool(true),
                    _ => Valore::Mancante,
                },
            },
            Expr::Bin(Op::Or, l, r) => match valore(l, it) {
                Valore::Bool(true) => Valore::Bool(true),
                a => match (a, valore(r, it)) {
                    (_, Valore::Bool(true)) => Valore::Bool(true),
                    (Valore::Bool(false), Valore::Bool(false)) => Valore::Bool(false),
                    _ => Valore::Mancante,
                },
            },
            Expr::Bin(op, l, r) => {
                let (a, b) = (valore(l, it), valore(r, it));
                match (a, b) {
                    (Valore::Num(x), Valore::Num(y)) => match op {
                        Op::Add => x.checked_add(y).map_or(Valore::Mancante, Valore::Num),
                        Op::Sub => x.checked_sub(y).map_or(Valore::Mancante, Valore::Num),
                        Op::Mul => x.checked_mul(y).map_or(Valore::Mancante, Valore::Num),
                        Op::Div => x.checked_div(y).map_or(Valore::Mancante, Valore::Num),
                        _ => Valore::Bool(compare(*op, ordine(x, y))),
                    },
                    (Valore::Bool(x), Valore::Bool(y)) => Valore::Bool(match op {
                        Op::Eq => x == y,
                        Op::Ne => x != y,
                        _ => false,
                    }),
                    _ => Valore::Mancante,
                }
            }
        }
    }

    /// True when the condition holds (a missing value never holds).
    pub fn holds(&self, it: &Item<'_>) -> bool {
        self.eval(it) == Valore::Bool(true)
    }

    /// The amount columns that make the condition hold on `it`, in the order
    /// the condition names them: of an `or`, the first side that holds; of
    /// anything else, every column it reads. A finding of a row rule points
    /// at the first of them.
    pub fn colonne_decisive(&self, it: &Item<'_>) -> Vec<Colonna> {
        let mut out = Vec::new();
        self.decisive(it, &mut out);
        out
    }

    fn decisive(&self, it: &Item<'_>, out: &mut Vec<Colonna>) {
        match self {
            Expr::Num(_) | Expr::Bool(_) => {}
            Expr::Campo(Campo::Colonna(c)) => {
                if !out.contains(c) {
                    out.push(*c);
                }
            }
            Expr::Campo(_) => {}
            Expr::Neg(e) | Expr::Not(e) | Expr::Abs(e) => e.decisive(it, out),
            Expr::Bin(Op::Or, l, _) if l.holds(it) => l.decisive(it, out),
            Expr::Bin(Op::Or, _, r) if r.holds(it) => r.decisive(it, out),
            Expr::Bin(_, l, r) => {
                l.decisive(it, out);
                r.decisive(it, out);
            }
        }
    }
}

fn compare(op: Op, o: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        Op::Eq => o == Equal,
        Op::Ne => o != Equal,
        Op::Lt => o == Less,
        Op::Le => o != Greater,
        Op::Gt => o == Greater,
        Op::Ge => o != Less,
        _ => false,
    }
}

fn num<T: Into<Decimal>>(v: Option<T>) -> Valore {
    v.map_or(Valore::Mancante, |v| Valore::Num(v.into()))
}

/// The value of a subexpression: a leaf read in place, anything else by a
/// call. Most operands are leaves (a field, a number), and a call per leaf
/// cost more than reading it.
#[inline(always)]
fn valore(e: &Expr, it: &Item<'_>) -> Valore {
    match e {
        Expr::Num(n) => Valore::Num(*n),
        Expr::Bool(b) => Valore::Bool(*b),
        Expr::Campo(c) => campo(*c, it),
        _ => e.eval(it),
    }
}

/// `x.cmp(&y)`: at the same scale the mantissas are in the values' order
/// (codes against codes, amounts against amounts), which is much cheaper
/// than `Decimal`'s general comparison.
#[inline]
fn ordine(x: Decimal, y: Decimal) -> std::cmp::Ordering {
    if x.scale() == y.scale() {
        x.mantissa().cmp(&y.mantissa())
    } else {
        x.cmp(&y)
    }
}

fn campo(c: Campo, it: &Item<'_>) -> Valore {
    match c {
        Campo::Colonna(col) => num(it.importo(col)),
        Campo::Vincolato => Valore::Bool(it.vincolato),
        Campo::NonRipetuto => Valore::Bool(it.non_ripetuto),
        Campo::Asterisco => Valore::Bool(it.asterisco),
        Campo::AllZero => Valore::Bool(
            it.importi
                .columns()
                .iter()
                .all(|c| it.importi.get(*c).is_none_or(|v| v.is_zero())),
        ),
        Campo::Titolo => num(it.titolo),
        Campo::Gruppo => num(it.gruppo),
        Campo::Settore => num(it.settore),
        Campo::PdcTitolo => num(it.pdc.map(|p| p.titolo())),
        Campo::PdcGruppo => num(it.pdc.map(|p| p.secondo_livello())),
        Campo::Missione => num(it.missione),
        Campo::Programma => num(it.missione_programma.map(|mp| mp.programma)),
        Campo::Capitolo => num(it.chiave.map(|k| k.capitolo)),
        Campo::Articolo => num(it.chiave.map(|k| k.articolo)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_params(_: &str) -> Option<Decimal> {
        None
    }

    /// The shortcut comparison orders as `Decimal` does, at equal and
    /// different scales, signs and sizes (negative zero included).
    #[test]
    fn the_quick_comparison_is_decimals() {
        use proptest::prelude::*;
        let numero = (any::<i64>(), 0u32..6, any::<bool>())
            .prop_map(|(m, s, piccolo)| Decimal::new(if piccolo { m % 1000 } else { m }, s));
        proptest!(ProptestConfig::with_cases(20_000), |(x in numero.clone(), y in numero)| {
            prop_assert_eq!(ordine(x, y), x.cmp(&y));
        });
        assert_eq!(
            ordine(-Decimal::ZERO, Decimal::ZERO),
            std::cmp::Ordering::Equal
        );
    }

    /// `and`, `or` and `not` follow Kleene's three-valued logic whatever
    /// side decides, with a missing value on either side (the left side
    /// alone decides when it can).
    #[test]
    fn three_valued_logic_on_every_combination() {
        use crate::ast::{Importi, ImportiCorrenti, SezioneId};
        use crate::lang::item::{base, Genere};
        let importi = Importi::Correnti(ImportiCorrenti::default());
        let mut it = base(
            Genere::Riga,
            SezioneId::EntrateCorrenti,
            crate::span::Span::default(),
            &importi,
            "",
        );
        it.vincolato = true;
        // True, false, and missing (a row without a PDC has no pdc_titolo).
        let valori = [
            ("vincolato", Some(true)),
            ("not vincolato", Some(false)),
            ("pdc_titolo == 1", None),
        ];
        let atteso = |v: Option<bool>| match v {
            Some(b) => Valore::Bool(b),
            None => Valore::Mancante,
        };
        for (l, a) in valori {
            for (r, b) in valori {
                let e = |op: &str| {
                    parse_condition(&format!("({l}) {op} ({r})"), &no_params)
                        .unwrap()
                        .eval(&it)
                };
                let and = match (a, b) {
                    (Some(false), _) | (_, Some(false)) => Some(false),
                    (Some(true), Some(true)) => Some(true),
                    _ => None,
                };
                let or = match (a, b) {
                    (Some(true), _) | (_, Some(true)) => Some(true),
                    (Some(false), Some(false)) => Some(false),
                    _ => None,
                };
                assert_eq!(e("and"), atteso(and), "{l} and {r}");
                assert_eq!(e("or"), atteso(or), "{l} or {r}");
            }
            let not = parse_condition(&format!("not ({l})"), &no_params)
                .unwrap()
                .eval(&it);
            assert_eq!(not, atteso(a.map(|x| !x)), "not {l}");
        }
    }

    #[test]
    fn parses_precedence_and_checks_types() {
        let e =
            parse_condition("previsione > 0 and not vincolato or all_zero", &no_params).unwrap();
        match e {
            Expr::Bin(Op::Or, l, _) => assert!(matches!(*l, Expr::Bin(Op::And, ..))),
            other => panic!("wrong tree {other:?}"),
        }
        let e = parse_condition(
            "abs(previsione - previsione_precedente) >= 2 * 1_000",
            &no_params,
        )
        .unwrap();
        assert!(matches!(e, Expr::Bin(Op::Ge, ..)));
    }

    #[test]
    fn errors_point_at_the_culprit() {
        let e = parse_condition("previsione > 0 and prevsione < 3", &no_params).unwrap_err();
        assert_eq!((e.start, e.end), (19, 28));
        assert_eq!(e.message, "unknown name `prevsione`");
        let e = parse_condition("previsione + 1", &no_params).unwrap_err();
        assert_eq!(e.message, "this is a number, not a condition");
        let e = parse_condition("vincolato > 1", &no_params).unwrap_err();
        assert_eq!(
            e.message,
            "cannot compare a true/false condition with a number"
        );
        let e = parse_condition("(previsione > 0", &no_params).unwrap_err();
        assert_eq!(
            (e.start, e.message.as_str()),
            (0, "this `(` is never closed")
        );
        let e = parse_condition("previsione > 1,5", &no_params).unwrap_err();
        assert_eq!(e.message, "unexpected text after the condition");
        let e = parse_condition("", &no_params).unwrap_err();
        assert_eq!(e.message, "the condition ends too early");
    }

    #[test]
    fn deep_or_long_conditions_are_rejected_not_overflowed() {
        let deep = format!("{}previsione > 0{}", "(".repeat(10_000), ")".repeat(10_000));
        let e = parse_condition(&deep, &no_params).unwrap_err();
        assert_eq!(e.message, "condition longer than 2000 characters");
        let deep = format!("{}previsione > 0{}", "(".repeat(65), ")".repeat(65));
        let e = parse_condition(&deep, &no_params).unwrap_err();
        assert_eq!(
            (e.start, e.message.as_str()),
            (64, "nested more than 64 levels deep")
        );
        let nots = format!("{}all_zero", "not ".repeat(65));
        assert!(parse_condition(&nots, &no_params).is_err());
        let ok = format!("{}previsione > 0{}", "(".repeat(64), ")".repeat(64));
        assert!(parse_condition(&ok, &no_params).is_ok());
    }

    #[test]
    fn missing_values_never_make_a_condition_hold() {
        use crate::ast::{Importi, ImportiCapitale};
        use crate::lang::item::Genere;
        let importi = Importi::Capitale(ImportiCapitale::default());
        let row = crate::lang::item::base(
            Genere::Riga,
            crate::ast::SezioneId::SpeseCapitale,
            crate::span::Span::default(),
            &importi,
            "",
        );
        // A capital row has no PDC: no comparison on it holds, negated or not.
        for (cond, holds) in [
            ("pdc_titolo = 2", false),
            ("pdc_titolo != 2", false),
            ("not (pdc_titolo = 2)", false),
            ("not (pdc_titolo = 2) or all_zero", true),
            ("pdc_titolo = 2 and all_zero", false),
            ("not (pdc_titolo = 2 and all_zero)", false),
            ("not (pdc_titolo = 2 and not all_zero)", true),
            ("pdc_titolo + 1 > 0", false),
            ("previsione = 0", true),
        ] {
            let e = parse_condition(cond, &no_params).unwrap();
            assert_eq!(e.holds(&row), holds, "{cond}");
        }
    }

    #[test]
    fn parameters_resolve_to_their_values() {
        let p = |n: &str| (n == "soglia").then(|| Decimal::from(5));
        let e = parse_condition("previsione > soglia", &p).unwrap();
        assert_eq!(
            e,
            Expr::Bin(
                Op::Gt,
                Box::new(Expr::Campo(Campo::Colonna(Colonna::Previsione))),
                Box::new(Expr::Num(Decimal::from(5)))
            )
        );
    }
}
