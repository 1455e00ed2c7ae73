//! Where a command's inputs come from: the library (`--library`, else
//! `BYLINE_LIBRARY`, else the platform's data directory), the article it
//! names, and Markdown from a file or standard input.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use byline_core::usecases::markdown_file::{decode_markdown, read_markdown_file, MAX_FILE_BYTES};
use byline_core::{Article, Library};

/// The library a command works on. It is opened by the command that needs
/// it, once, here; `render` and the window never open it through this.
pub struct Context {
    path: PathBuf,
}

impl Context {
    /// `explicit` is `--library`, which clap has already filled from
    /// `BYLINE_LIBRARY` when the flag is absent.
    pub fn new(explicit: Option<PathBuf>) -> Result<Self> {
        let path = match explicit {
            Some(path) if path.as_os_str().is_empty() => {
                anyhow::bail!("--library was given an empty path")
            }
            Some(path) => path,
            None => byline_core::usecases::location::default_library_path()
                .context("cannot find the platform's data directory; pass --library PATH")?,
        };
        Ok(Context { path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn into_path(self) -> PathBuf {
        self.path
    }

    /// Opens the library (creating it if it does not exist). A library
    /// that is damaged or will not open is left as it is, and the one line
    /// that says so names its newest good backup.
    pub fn library(&self) -> Result<Library> {
        Library::open(&self.path).map_err(|err| damaged(&self.path, err))
    }

    /// Opens the library and finds the article a command names, by its
    /// slug (as `byline list` shows it) or its number.
    pub fn article(&self, reference: &str) -> Result<(Library, Article)> {
        let library = self.library()?;
        let article = library.find(reference)?;
        Ok((library, article))
    }
}

/// The error for a library that will not open, with its newest good
/// backup when the file may be damaged (not merely busy or newer).
fn damaged(path: &Path, err: byline_core::Error) -> anyhow::Error {
    use byline_core::ErrorCode as C;
    if !byline_core::usecases::backups::may_be_damage(&err) || !path.is_file() {
        return err.into();
    }
    match byline_core::usecases::backups::newest_good(path) {
        Some(backup) => anyhow::anyhow!(
            "{err}; it was left as it is. The newest good backup is {} ({}): copy it and open the copy with --library",
            backup.path,
            super::display::local_time(&backup.made_at)
        ),
        None if err.code() == C::LibraryCorrupt => {
            anyhow::anyhow!("{err}; it was left as it is, and no good backup of it was found")
        }
        None => err.into(),
    }
}

/// Reads a Markdown file, or standard input for `-`, with the core's checks.
pub fn read_markdown(file: &Path) -> Result<String> {
    if file == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        Ok(decode_markdown(Path::new("standard input"), bytes)?)
    } else {
        Ok(read_markdown_file(file)?)
    }
}
