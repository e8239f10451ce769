//! `quadra rules` and `quadra rules explain ID`.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{EXIT_OK, EXIT_USAGE};
use crate::config::{simili, RuleSet};
use crate::rules::def::RuleDef;

/// Arguments of `quadra rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    #[command(subcommand)]
    action: Option<RulesCmd>,
    /// Rule files applied after the defaults and quadra.toml (repeatable).
    #[arg(long = "rules", value_name = "FILE", global = true)]
    rules: Vec<PathBuf>,
    /// Do not look for a quadra.toml.
    #[arg(long, global = true)]
    no_config: bool,
}

#[derive(Debug, Subcommand)]
enum RulesCmd {
    /// Explain one rule: what it checks, why it matters, an example, its parameters.
    Explain {
        /// The rule id (`quadra rules` lists them).
        id: String,
    },
}

/// The catalogue as a table.
pub fn list(out: &mut dyn Write, rules: &RuleSet) -> io::Result<()> {
    let w = rules
        .rules
        .iter()
        .map(|r| r.id.len())
        .max()
        .unwrap_or(2)
        .max(2);
    writeln!(
        out,
        "{:w$}  {:13}  {:8}  {:13}  {}",
        crate::tr!("rules-col-id"),
        crate::tr!("rules-col-family"),
        crate::tr!("rules-col-severity"),
        crate::tr!("rules-col-kind"),
        crate::tr!("rules-col-summary")
    )?;
    for r in &rules.rules {
        let sev = if r.enabled {
            r.severity.as_str()
        } else {
            "off"
        };
        writeln!(
            out,
            "{:w$}  {:13}  {:8}  {:13}  {}",
            r.id,
            r.family,
            sev,
            r.kind(),
            r.summary
        )?;
    }
    writeln!(
        out,
        "\n{}",
        crate::tr!("rules-footer", n = rules.rules.len())
    )
}

/// One rule's explanation.
pub fn explain(out: &mut dyn Write, r: &RuleDef) -> io::Result<()> {
    writeln!(out, "{}: {}\n", r.id, r.summary)?;
    writeln!(
        out,
        "{}{}",
        crate::tr!(
            "rules-meta",
            family = &r.family,
            severity = r.severity.as_str(),
            kind = r.kind()
        ),
        if r.enabled {
            String::new()
        } else {
            crate::tr!("rules-disabled")
        }
    )?;
    if !r.params.is_empty() {
        let p: Vec<String> = r.params.iter().map(|(n, v)| format!("{n} = {v}")).collect();
        writeln!(
            out,
            "{}",
            crate::tr!("rules-parameters", list = p.join(", "))
        )?;
    }
    let non_dato = crate::tr!("rules-not-given");
    for (title, text) in [
        (crate::tr!("rules-what"), &r.what),
        (crate::tr!("rules-why"), &r.why),
        (crate::tr!("rules-example"), &r.example),
    ] {
        writeln!(
            out,
            "\n## {title}\n{}",
            if text.trim().is_empty() {
                non_dato.as_str()
            } else {
                text.trim_end()
            }
        )?;
    }
    Ok(())
}

/// Run `quadra rules`.
pub fn run(a: RulesArgs) -> Result<i32, String> {
    // No report: the project file of the current directory, said as for `check`.
    let progetto = if a.no_config {
        None
    } else {
        super::dove::progetto(&[])?
    };
    crate::avvisa!(
        "{}",
        super::dove::righe_regole(&[], progetto.as_deref(), a.no_config, &a.rules)
    );
    let Some(rules) = super::check::load_rules(&a.rules, progetto.as_deref())? else {
        return Ok(EXIT_USAGE);
    };
    let mut out = super::stdout();
    let w = |e: io::Error| crate::tr!("io-cannot-write-output", error = e.to_string());
    match a.action {
        None => list(&mut out, &rules).map_err(w)?,
        Some(RulesCmd::Explain { id }) => match rules.get(&id) {
            Some(r) => explain(&mut out, r).map_err(w)?,
            None => {
                let sim = simili(&id, rules.rules.iter().map(|r| r.id.as_str()));
                let hint = sim
                    .first()
                    .map(|s| crate::tr!("rules-did-you-mean", id = *s))
                    .unwrap_or_default();
                crate::avvisaln!(
                    "quadra: {}",
                    crate::tr!("rules-unknown", id = &id, hint = hint)
                );
                return Ok(EXIT_USAGE);
            }
        },
    }
    Ok(EXIT_OK)
}
