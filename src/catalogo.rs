//! The catalogue of built-in rule ids and the parameters each reads: a leaf
//! (nothing of the crate imported), read by the rule file validator
//! ([`crate::config`]), which checks that a `kind = "builtin"` rule names one
//! of them and declares its parameters, and by the rules, whose
//! `rules::builtin` maps each id to its check.

/// A built-in rule as the catalogue knows it.
#[derive(Debug, Clone, Copy)]
pub struct Integrata {
    /// Its id.
    pub id: &'static str,
    /// The parameters it reads (the rule file must declare them).
    pub params: &'static [&'static str],
}

/// `total-mismatch`.
pub const TOTAL_MISMATCH: Integrata = Integrata {
    id: "total-mismatch",
    params: &["tolerance"],
};
/// `missione-programma-unknown`.
pub const MISSIONE_PROGRAMMA_UNKNOWN: Integrata = Integrata {
    id: "missione-programma-unknown",
    params: &[],
};
/// `duplicate-peg-key`.
pub const DUPLICATE_PEG_KEY: Integrata = Integrata {
    id: "duplicate-peg-key",
    params: &[],
};
/// `vincolo-unbalanced`.
pub const UNBALANCED: Integrata = Integrata {
    id: "vincolo-unbalanced",
    params: &[],
};
/// `vincolo-unmatched-revenue`.
pub const UNMATCHED_REVENUE: Integrata = Integrata {
    id: "vincolo-unmatched-revenue",
    params: &[],
};
/// `vincolo-unmatched-spending`.
pub const UNMATCHED_SPENDING: Integrata = Integrata {
    id: "vincolo-unmatched-spending",
    params: &[],
};
/// `vincolo-flag-mismatch`.
pub const FLAG_MISMATCH: Integrata = Integrata {
    id: "vincolo-flag-mismatch",
    params: &[],
};
/// `vincolate-coverage`.
pub const COVERAGE: Integrata = Integrata {
    id: "vincolate-coverage",
    params: &[],
};

/// Every built-in rule, in the order `quadra` lists them.
pub const INTEGRATE: &[Integrata] = &[
    TOTAL_MISMATCH,
    MISSIONE_PROGRAMMA_UNKNOWN,
    DUPLICATE_PEG_KEY,
    UNBALANCED,
    UNMATCHED_REVENUE,
    UNMATCHED_SPENDING,
    FLAG_MISMATCH,
    COVERAGE,
];
