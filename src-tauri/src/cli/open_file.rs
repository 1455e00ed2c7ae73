//! `byline FILE.byline`: the window on a library named by its file, which
//! is how a file manager starts Byline when a writer double-clicks one
//! (the desktop entry's `Exec=byline %f`; without a file, `%f` is dropped
//! and the default library opens).
//!
//! Only a name ending in `.byline` is taken for a library, so a mistyped
//! command (`byline lst`) is still refused as one rather than creating a
//! library called `lst`.

use std::path::{Path, PathBuf};

/// The extension of a library file (the package's MIME type matches it).
pub const EXTENSION: &str = "byline";

/// A first argument that is neither a command nor a library file.
#[derive(Debug, thiserror::Error)]
#[error("unrecognized subcommand '{0}'; to open a library in the window, name its file (ending in .{ext}); see byline --help", ext = EXTENSION)]
pub struct NotALibrary(pub String);

/// clap's value parser for the positional library file.
pub fn library_file(value: &str) -> Result<PathBuf, NotALibrary> {
    let path = Path::new(value);
    let is_library = path
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case(EXTENSION))
        && path.file_stem().is_some_and(|stem| !stem.is_empty());
    if is_library {
        Ok(path.to_path_buf())
    } else {
        Err(NotALibrary(value.to_owned()))
    }
}
