//! quadra: consistency and compliance checks for Italian municipal budget
//! reports (Comune di Milano, *Bilancio di Previsione - Report Commissioni*).
//!
//! Data flows one way: [`parse`] (text -> [`ast`] with spans) -> checks ->
//! output. Every output format locates things through
//! [`span::LineIndex::locate`].

pub mod allocator;
pub mod amount;
pub mod ast;
pub mod baseline;
pub mod catalogo;
pub mod classification;
pub mod cli;
pub mod codes;
pub mod config;
pub mod diagnostic;
pub mod diff;
pub mod escape;
pub mod export;
pub mod finding;
pub mod flusso;
pub mod ingresso;
pub mod lang;
pub mod lingua;
#[cfg(test)]
mod no_cycles;
pub mod output;
pub mod parse;
pub mod progetto;
pub mod rapporto;
pub mod render;
pub mod report_text;
pub mod riconcilia;
pub mod rules;
pub mod sample;
pub mod simili;
pub mod sink;
pub mod span;
pub mod tabelle;
pub mod vincoli;
pub mod xlsx;

pub use parse::{parse, parse_each, NotAReport, ParseOutput};
