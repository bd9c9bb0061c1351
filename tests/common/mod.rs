//! What the integration tests share: where the fixtures and the shared corpus
//! are, and reading them. Each test crate uses a part (`mod common;`).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// `tests/fixtures`.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// `../shared/corpus` (may be missing outside the team's checkout).
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

/// The path of fixture `name` ("seed.txt").
pub fn fixture_path(name: &str) -> PathBuf {
    fixtures_dir().join(name)
}

/// The text of fixture `name`.
pub fn fixture(name: &str) -> String {
    let path = fixture_path(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The files in `dir` (those ending in `.txt` when `txt_only`), sorted by
/// name; none when `dir` does not exist.
pub fn files_in(dir: &Path, txt_only: bool) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && (!txt_only || p.extension().is_some_and(|x| x == "txt")))
                .collect()
        })
        .unwrap_or_default();
    // Test code: the std sort is fine here (the crate's own rule is for src/).
    #[allow(clippy::disallowed_methods)]
    files.sort();
    files
}

/// The `.txt` files in `dir`, sorted by name.
pub fn texts_in(dir: &Path) -> Vec<PathBuf> {
    files_in(dir, true)
}

/// The command-line tool, to run as a user would.
pub fn cli() -> std::process::Command {
    std::process::Command::new(env!("CARGO_BIN_EXE_kamervragen"))
}

/// The path of fixture `name` as a command-line argument.
pub fn fixture_arg(name: &str) -> String {
    fixture_path(name).to_string_lossy().into_owned()
}
