//! serde_json's pretty layout (two spaces a level) starting some levels
//! in: a value laid out at its place inside a larger document, written in
//! one pass. It was an indenting writer over a value laid out on its own,
//! which cost two writes per line (a sixth of the streamed JSON check).

use std::io::{self, Write};

use serde_json::ser::Formatter;

/// [`serde_json::ser::PrettyFormatter`] with its indent starting at
/// `livello` levels: every line after the first is indented as if the
/// value stood that deep (a test compares it with the indenting writer).
pub(super) struct Rientrato {
    livello: usize,
    ha_valore: bool,
}

impl Rientrato {
    /// A value standing `livello` levels in (two spaces each).
    pub(super) fn a(livello: usize) -> Self {
        Rientrato {
            livello,
            ha_valore: false,
        }
    }

    fn rientra<W: ?Sized + Write>(&self, w: &mut W) -> io::Result<()> {
        const SPAZI: &[u8; 64] = &[b' '; 64];
        let mut n = self.livello * 2;
        while n > 0 {
            let k = n.min(SPAZI.len());
            w.write_all(&SPAZI[..k])?;
            n -= k;
        }
        Ok(())
    }
}

impl Formatter for Rientrato {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.livello += 1;
        self.ha_valore = false;
        w.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.livello -= 1;
        if self.ha_valore {
            w.write_all(b"\n")?;
            self.rientra(w)?;
        }
        w.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        self.rientra(w)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.ha_valore = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.livello += 1;
        self.ha_valore = false;
        w.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.livello -= 1;
        if self.ha_valore {
            w.write_all(b"\n")?;
            self.rientra(w)?;
        }
        w.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        self.rientra(w)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.ha_valore = true;
        Ok(())
    }
}

/// Write `v` laid out `livello` levels in.
pub(super) fn scrivi<W: Write, T: serde::Serialize + ?Sized>(
    out: W,
    v: &T,
    livello: usize,
) -> serde_json::Result<()> {
    let mut s = serde_json::Serializer::with_formatter(out, Rientrato::a(livello));
    v.serialize(&mut s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The same bytes as the value laid out on its own with every line
    /// after the first indented, empty arrays and objects included.
    #[test]
    fn lays_out_as_the_indenting_writer() {
        let v = json!({
            "a": [1, [], {}, {"b": [true, null, "x\ny"]}],
            "c": {"d": {"e": []}},
            "f": "g",
        });
        for livello in [0, 1, 4, 40] {
            let mut avuto = Vec::new();
            scrivi(&mut avuto, &v, livello).unwrap();
            let spazi = " ".repeat(livello * 2);
            let atteso = serde_json::to_string_pretty(&v)
                .unwrap()
                .replace('\n', &format!("\n{spazi}"));
            assert_eq!(String::from_utf8(avuto).unwrap(), atteso, "level {livello}");
        }
    }
}
