//! Where a project's `quadra.toml` is: a leaf, read by the configuration
//! and by the choice of language alike.

use std::path::{Path, PathBuf};

/// The project file's name.
pub const PROJECT_FILE: &str = "quadra.toml";

/// The `quadra.toml` in `dir` or the nearest parent that has one.
pub fn find_project_file(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(PROJECT_FILE))
        .find(|p| p.is_file())
}
