//! An input's bytes for the streaming check: a regular file is mapped
//! into memory, not copied, and the pages of what has been checked and
//! written are given back as the check goes on, so that the memory the
//! input takes is the part being read, not the file. Standard input and
//! anything that cannot be mapped are read whole, as before.
//!
//! A mapped file that another program truncates while quadra reads it
//! makes the process die with SIGBUS, as for every program that maps its
//! input (ripgrep, for one); a report being checked is not expected to be
//! rewritten at the same time.

use std::cell::Cell;
use std::io::{self, Read};

/// Pages are given back in steps of at least this many bytes (one call
/// to the kernel per step, not per report).
const PASSO: usize = 1 << 20;

/// The bytes of one input.
pub struct Ingresso {
    dati: Dati,
    /// Bytes before this offset have been given back.
    rilasciato: Cell<usize>,
}

enum Dati {
    Mappa(memmap2::Mmap),
    Letti(Vec<u8>),
}

impl Ingresso {
    /// Open `path` (`-`: standard input, read whole).
    pub fn apri(path: &str) -> io::Result<Ingresso> {
        let dati = if path == "-" {
            let mut buf = Vec::new();
            io::stdin().lock().read_to_end(&mut buf)?;
            Dati::Letti(buf)
        } else {
            let file = std::fs::File::open(path)?;
            let meta = file.metadata()?;
            // An empty file cannot be mapped, and what is not a regular
            // file (a pipe, a device) may not hold still.
            if meta.is_file() && meta.len() > 0 {
                // SAFETY: the map is read-only and private to this process;
                // its bytes change only if another program rewrites the file
                // while it is read (see the module's documentation).
                match unsafe { memmap2::Mmap::map(&file) } {
                    Ok(m) => {
                        // Read front to back: the kernel may read ahead.
                        let _ = m.advise(memmap2::Advice::Sequential);
                        Dati::Mappa(m)
                    }
                    Err(_) => Dati::Letti(leggi(file)?),
                }
            } else {
                Dati::Letti(leggi(file)?)
            }
        };
        Ok(Ingresso {
            dati,
            rilasciato: Cell::new(0),
        })
    }

    /// Bytes already in memory (a test's, a fuzzer's): nothing is mapped
    /// or given back.
    pub fn da_bytes(bytes: Vec<u8>) -> Ingresso {
        Ingresso {
            dati: Dati::Letti(bytes),
            rilasciato: Cell::new(0),
        }
    }

    /// The input's bytes.
    pub fn bytes(&self) -> &[u8] {
        match &self.dati {
            Dati::Mappa(m) => m,
            Dati::Letti(v) => v,
        }
    }

    /// Give back the pages of the bytes before `fino`, which the check has
    /// read and written: a mapped file's pages leave the process's memory
    /// (read again from the file if a later finding points back there).
    /// Bytes read whole stay.
    #[cfg(unix)]
    pub fn rilascia(&self, fino: usize) {
        let Dati::Mappa(m) = &self.dati else {
            return;
        };
        let pagina = pagina();
        let fino = (fino.min(m.len()) / pagina) * pagina;
        let da = self.rilasciato.get();
        if fino < da + PASSO {
            return;
        }
        // SAFETY: DONTNEED on a private, read-only file mapping drops the
        // pages only; reading them again faults them in from the file, so
        // no byte seen through `bytes` changes.
        let fatto =
            unsafe { m.unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, da, fino - da) };
        if fatto.is_ok() {
            self.rilasciato.set(fino);
        }
    }

    /// Elsewhere nothing is given back.
    #[cfg(not(unix))]
    pub fn rilascia(&self, _fino: usize) {}
}

fn leggi(mut file: std::fs::File) -> io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    file.read_to_end(&mut buf)?;
    Ok(buf)
}

/// The size of a memory page (4 KiB when the system does not say).
fn pagina() -> usize {
    // SAFETY: sysconf reads a constant of the system; it has no other effect.
    let n = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    usize::try_from(n).ok().filter(|n| *n > 0).unwrap_or(4096)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mapped_file_reads_as_its_bytes_after_its_pages_are_given_back() {
        let dir = std::env::temp_dir().join(format!("quadra-ingresso-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("grande.txt");
        let testo: Vec<u8> = (0..3 * PASSO).map(|i| b'a' + (i % 26) as u8).collect();
        std::fs::write(&p, &testo).unwrap();
        let i = Ingresso::apri(p.to_str().unwrap()).unwrap();
        assert!(matches!(i.dati, Dati::Mappa(_)));
        assert_eq!(i.bytes(), &testo[..]);
        i.rilascia(2 * PASSO + 17);
        assert_eq!(i.rilasciato.get(), 2 * PASSO);
        // Given back, still the same bytes (read again from the file).
        assert_eq!(i.bytes(), &testo[..]);
        let vuoto = dir.join("vuoto.txt");
        std::fs::write(&vuoto, b"").unwrap();
        let v = Ingresso::apri(vuoto.to_str().unwrap()).unwrap();
        assert!(v.bytes().is_empty());
        v.rilascia(100);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
