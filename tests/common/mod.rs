//! Running the `quadra` binary from integration tests.

use std::path::Path;
use std::process::Command;

/// What a run of `quadra` gave.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Run `quadra ARGS` in `dir`, without colour.
pub fn quadra_in(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_quadra"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        // The language comes from the arguments alone, not from the machine's locale.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .expect("quadra runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The repository root.
#[allow(dead_code)] // not every test file needs it
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}
