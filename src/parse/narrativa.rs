//! The narrative pages after the tables: blocks opened by `MISSIONE`, with the
//! strategic objective, operational programme, Direzione and the description
//! of aims. They are prose: kept whole, as located text.

use super::lines::Line;
use super::record::join_words;
use crate::ast::{BloccoNarrativo, Testo};
use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Campo {
    Missione,
    Obiettivo,
    Programma,
    Direzione,
    Finalita,
}

/// True for the line that opens a narrative block.
pub fn is_missione(t: &str) -> bool {
    t == "MISSIONE"
}

fn campo(t: &str) -> Option<Campo> {
    match t {
        "OBIETTIVO STRATEGICO" => Some(Campo::Obiettivo),
        "PROGRAMMA OPERATIVO" => Some(Campo::Programma),
        "DIREZIONE" => Some(Campo::Direzione),
        _ if t.starts_with("DESCRIZIONE DELLE FINALIT") => Some(Campo::Finalita),
        _ => None,
    }
}

/// Builds the narrative blocks of one report.
#[derive(Default)]
pub struct NarrativaBuilder<'a> {
    blocks: Vec<BloccoNarrativo>,
    campo: Option<Campo>,
    buf: Vec<(&'a str, Span)>,
}

impl<'a> NarrativaBuilder<'a> {
    /// Open a block at its `MISSIONE` line.
    pub fn open(&mut self, span: Span) {
        self.flush();
        self.blocks.push(BloccoNarrativo {
            span,
            missione: None,
            obiettivo_strategico: None,
            programma_operativo: None,
            direzione: None,
            finalita: None,
        });
        self.campo = Some(Campo::Missione);
    }

    /// True when no block is open.
    pub fn is_closed(&self) -> bool {
        self.blocks.is_empty()
    }

    /// Take one non-blank line of an open block.
    pub fn line(&mut self, line: &Line<'a>) {
        let Some(b) = self.blocks.last_mut() else {
            return;
        };
        b.span = b.span.join(line.span);
        // Once in the description of aims, only a new MISSIONE ends it: the prose
        // may well hold a line reading `DIREZIONE`.
        if self.campo != Some(Campo::Finalita) {
            if let Some(c) = campo(line.text) {
                self.flush();
                self.campo = Some(c);
                return;
            }
        }
        self.buf.push((line.text, line.span));
    }

    /// Close the open block and return all blocks.
    pub fn finish(mut self) -> Vec<BloccoNarrativo> {
        self.flush();
        self.blocks
    }

    fn flush(&mut self) {
        let (Some(c), Some(b)) = (self.campo, self.blocks.last_mut()) else {
            self.buf.clear();
            return;
        };
        if self.buf.is_empty() {
            return;
        }
        let span = self.buf[0].1.join(self.buf[self.buf.len() - 1].1);
        let testo = if c == Campo::Finalita {
            self.buf.iter().map(|l| l.0).collect::<Vec<_>>().join("\n")
        } else {
            join_words(self.buf.iter().map(|l| l.0))
        };
        self.buf.clear();
        let slot = match c {
            Campo::Missione => &mut b.missione,
            Campo::Obiettivo => &mut b.obiettivo_strategico,
            Campo::Programma => &mut b.programma_operativo,
            Campo::Direzione => &mut b.direzione,
            Campo::Finalita => &mut b.finalita,
        };
        match slot {
            Some(prev) => {
                prev.span = prev.span.join(span);
                prev.testo.push('\n');
                prev.testo.push_str(&testo);
            }
            None => *slot = Some(Testo { span, testo }),
        }
    }
}
