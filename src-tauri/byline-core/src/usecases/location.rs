//! Where the library lives when nobody says otherwise.

use std::path::PathBuf;

/// The file name of a library inside the platform's data directory.
pub const LIBRARY_FILE_NAME: &str = "library.byline";

/// `~/.local/share/byline/library.byline` on Linux, the Application Support
/// folder on macOS, `%APPDATA%` on Windows. `None` only when the platform
/// reports no home directory at all.
pub fn default_library_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("app", "Byline", "byline")
        .map(|dirs| dirs.data_dir().join(LIBRARY_FILE_NAME))
}
