//! The rule language of TOML rule files: the flat [`item`] view of a report,
//! [`selector`]s that pick items, [`expr`]essions over their fields, and
//! message [`template`]s.

pub mod expr;
pub mod interi;
pub mod item;
pub mod selector;
pub mod template;
