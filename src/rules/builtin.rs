//! The rules implemented in Rust: each id of [`crate::catalogo`] mapped to
//! its check. `rules/default.toml` declares each of them with
//! `kind = "builtin"`; a test proves the lists agree.

use super::def::RuleDef;
use super::{codes, totals, vincoli, Ctx};
use crate::catalogo::{self, Integrata};
use crate::sink::Sink;

/// A rule implemented in Rust.
pub struct Builtin {
    /// Its id.
    pub id: &'static str,
    /// The parameters it reads (the rule file must declare them).
    pub params: &'static [&'static str],
    /// The check.
    pub check: Check,
}

/// The check of a built-in rule.
pub type Check = fn(&Ctx<'_>, &RuleDef, &mut Sink<'_>);

const fn regola(voce: Integrata, check: Check) -> Builtin {
    Builtin {
        id: voce.id,
        params: voce.params,
        check,
    }
}

/// Every built-in rule, in the catalogue's order.
pub const BUILTIN: &[Builtin] = &[
    regola(catalogo::TOTAL_MISMATCH, totals::check),
    regola(
        catalogo::MISSIONE_PROGRAMMA_UNKNOWN,
        codes::check_missione_programma,
    ),
    regola(catalogo::DUPLICATE_PEG_KEY, codes::check_duplicate_key),
    regola(catalogo::UNBALANCED, vincoli::check_unbalanced),
    regola(
        catalogo::UNMATCHED_REVENUE,
        vincoli::check_unmatched_revenue,
    ),
    regola(
        catalogo::UNMATCHED_SPENDING,
        vincoli::check_unmatched_spending,
    ),
    regola(catalogo::FLAG_MISMATCH, vincoli::check_flag_mismatch),
    regola(catalogo::COVERAGE, vincoli::check_coverage),
];

#[cfg(test)]
mod tests {
    use super::BUILTIN;
    use crate::catalogo::INTEGRATE;

    #[test]
    fn every_catalogue_id_has_its_check_in_order() {
        let ids: Vec<&str> = BUILTIN.iter().map(|b| b.id).collect();
        let catalogo: Vec<&str> = INTEGRATE.iter().map(|v| v.id).collect();
        assert_eq!(ids, catalogo);
        assert_eq!(ids.len(), 8);
        for (b, v) in BUILTIN.iter().zip(INTEGRATE) {
            assert_eq!(b.params, v.params, "{}", b.id);
        }
    }
}
