//! The asset store: images the writer drops or pastes into an article.
//!
//! Content-addressed: an image is stored under the SHA-256 of its bytes, so
//! the same picture pasted into ten articles is kept once, and its Markdown
//! path (`assets/<hash>.<ext>`) never changes meaning. Only raster formats a
//! browser shows safely are taken; SVG can carry script and is refused.

use chrono::Utc;
use rusqlite::OptionalExtension;
use serde::Serialize;
use ts_rs::TS;

use super::Library;
use crate::domain::asset::ASSET_DIR;
use crate::domain::error::{Error, Result};

/// Larger than any photo a web article should carry.
pub const MAX_IMAGE_BYTES: usize = 20 * 1024 * 1024;

/// The hex digits of the hash kept in a name: 128 bits, collision-free for
/// any library, and short enough to read in Markdown.
const HASH_HEX: usize = 32;

/// What storing an image gives back: where it now lives in the library and
/// the Markdown that shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StoredImage {
    /// `assets/<hash>.<ext>`, the path Markdown uses.
    pub path: String,
    pub mime: String,
    pub bytes: u32,
    /// False when the same image was already in the library.
    pub added: bool,
    /// `![alt](path)`, the alt text taken from the file name.
    pub markdown: String,
}

/// An image's bytes and type, as the window's protocol serves them.
#[derive(Debug, Clone)]
pub struct Asset {
    pub mime: &'static str,
    pub bytes: Vec<u8>,
}

/// The image formats Byline takes, recognised by their first bytes (never
/// by the file name, which can lie).
fn sniff(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(("image/png", "png"))
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(("image/jpeg", "jpg"))
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some(("image/gif", "gif"))
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(("image/webp", "webp"))
    } else if bytes.len() >= 12
        && &bytes[4..8] == b"ftyp"
        && matches!(&bytes[8..12], b"avif" | b"avis")
    {
        Some(("image/avif", "avif"))
    } else {
        None
    }
}

fn mime_for_ext(ext: &str) -> Option<&'static str> {
    Some(match ext {
        "png" => "image/png",
        "jpg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        _ => return None,
    })
}

/// Alt text from a file name: "team-photo_2024.jpg" → "team photo 2024".
pub fn alt_from_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base.rsplit_once('.').map_or(base, |(stem, _)| stem);
    let words: Vec<&str> = stem
        .split(|c: char| c == '-' || c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    // Brackets would end the alt text early in Markdown.
    words.join(" ").replace(['[', ']'], "")
}

impl Library {
    /// Stores an image (or finds it already stored) and returns its path and
    /// Markdown. `name` is the file name the writer dropped, for the alt text
    /// and error messages.
    pub fn store_image(&mut self, name: &str, bytes: &[u8]) -> Result<StoredImage> {
        self.write(|tx| store_image(tx, name, bytes))
    }

    /// The image stored as `file` (`<hash>.<ext>`, as in its path), if any.
    pub fn asset(&self, file: &str) -> Result<Option<Asset>> {
        let Some((hash, ext)) = file.split_once('.') else {
            return Ok(None);
        };
        let Some(mime) = mime_for_ext(ext) else {
            return Ok(None);
        };
        if hash.len() != HASH_HEX || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(None);
        }
        let bytes: Option<Vec<u8>> = self
            .conn
            .query_row("SELECT bytes FROM assets WHERE name = ?1", [file], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.sql_err(e))?;
        Ok(bytes.map(|bytes| Asset { mime, bytes }))
    }

    /// How many images the library holds, and their total size in bytes.
    pub fn asset_totals(&self) -> Result<(u32, u64)> {
        self.conn
            .query_row(
                "SELECT count(*), coalesce(sum(size), 0) FROM assets",
                [],
                |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)),
            )
            .map_err(|e| self.sql_err(e))
    }
}

/// Stores an image inside a transaction (an import stores the images of
/// many files, all or nothing).
pub(crate) fn store_image(
    tx: &rusqlite::Transaction<'_>,
    name: &str,
    bytes: &[u8],
) -> Result<StoredImage> {
    let refuse = |reason: String| Error::UnsupportedImage {
        name: name.to_owned(),
        reason,
    };
    if bytes.is_empty() {
        return Err(refuse("the file is empty".into()));
    }
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(refuse(format!(
            "it is {:.1} MB; the limit is {} MB",
            bytes.len() as f64 / 1_048_576.0,
            MAX_IMAGE_BYTES / 1_048_576
        )));
    }
    let Some((mime, ext)) = sniff(bytes) else {
        return Err(refuse(
            "it is not a PNG, JPEG, GIF, WebP or AVIF image (SVG is not accepted: it can carry script)".into(),
        ));
    };
    let hash = super::sha256_hex(bytes)[..HASH_HEX].to_owned();
    let file = format!("{hash}.{ext}");
    let added = {
        let inserted = tx.execute(
            "INSERT INTO assets (name, mime, bytes, size, original_name, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (name) DO NOTHING",
            rusqlite::params![
                file,
                mime,
                bytes,
                bytes.len() as i64,
                name,
                Utc::now().timestamp_millis()
            ],
        )?;
        inserted == 1
    };
    let path = format!("{ASSET_DIR}/{file}");
    let alt = alt_from_name(name);
    Ok(StoredImage {
        markdown: format!("![{alt}]({path})"),
        path,
        mime: mime.to_owned(),
        bytes: bytes.len() as u32,
        added,
    })
}

#[cfg(test)]
mod tests;
