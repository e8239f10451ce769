//! GitHub Actions workflow commands: one `::error` / `::warning` / `::notice`
//! line per finding, so findings show as annotations on the changed file
//! (infos only with `--min-severity info`: GitHub shows few annotations).

use std::io::{self, Write};

use super::Esito;
use crate::diagnostic::Severity;

/// Escape a command's message (`%`, CR, LF).
fn data(s: &str) -> String {
    crate::escape::terminale(s)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a command property (also `:` and `,`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Write one line per finding.
pub fn write(out: &mut dyn Write, files: &[Esito<'_>]) -> io::Result<()> {
    for f in files {
        for x in f.findings {
            let level = match x.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let l = f.locate(x.span);
            // A finding on a grouping of chapters says so in its title.
            let title = match x.base {
                crate::finding::Base::Documento => x.rule.clone(),
                b => format!("{} ({})", x.rule, b.name()),
            };
            writeln!(
                out,
                "::{level} file={},line={},endLine={},col={},endColumn={},title={}::{}",
                property(f.nome()),
                l.line,
                l.end_line,
                l.column,
                l.end_column,
                property(&title),
                data(&x.message)
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_workflow_command_syntax() {
        assert_eq!(data("50% a\nb"), "50%25 a%0Ab");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
