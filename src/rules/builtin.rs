//! The rules implemented in Rust, by id. `rules/default.toml` declares each
//! of them with `kind = "builtin"`; a test proves the two lists agree.

use super::def::RuleDef;
use super::{codes, totals, vincoli, Ctx};
use crate::sink::Sink;

/// A rule implemented in Rust.
pub struct Builtin {
    /// Its id.
    pub id: &'static str,
    /// The parameters it reads (the rule file must declare them).
    pub params: &'static [&'static str],
    /// The check.
    pub check: fn(&Ctx<'_>, &RuleDef, &mut Sink<'_>),
}

/// Every built-in rule.
pub const BUILTIN: &[Builtin] = &[
    Builtin {
        id: totals::TOTAL_MISMATCH,
        params: &["tolerance"],
        check: totals::check,
    },
    Builtin {
        id: codes::MISSIONE_PROGRAMMA_UNKNOWN,
        params: &[],
        check: codes::check_missione_programma,
    },
    Builtin {
        id: codes::DUPLICATE_PEG_KEY,
        params: &[],
        check: codes::check_duplicate_key,
    },
    Builtin {
        id: vincoli::UNBALANCED,
        params: &[],
        check: vincoli::check_unbalanced,
    },
    Builtin {
        id: vincoli::UNMATCHED_REVENUE,
        params: &[],
        check: vincoli::check_unmatched_revenue,
    },
    Builtin {
        id: vincoli::UNMATCHED_SPENDING,
        params: &[],
        check: vincoli::check_unmatched_spending,
    },
    Builtin {
        id: vincoli::FLAG_MISMATCH,
        params: &[],
        check: vincoli::check_flag_mismatch,
    },
    Builtin {
        id: vincoli::COVERAGE,
        params: &[],
        check: vincoli::check_coverage,
    },
];
