//! quadra: consistency and compliance checks for Italian municipal budget
//! reports (Comune di Milano, *Bilancio di Previsione - Report Commissioni*).
//!
//! Data flows one way: [`parse`] (text -> [`ast`] with spans) -> checks ->
//! output. Every output format locates things through
//! [`span::LineIndex::locate`].

pub mod ast;
pub mod cli;
pub mod codes;
pub mod diagnostic;
pub mod export;
pub mod parse;
pub mod render;
pub mod sample;
pub mod span;

pub use parse::{parse, NotAReport, ParseOutput};
