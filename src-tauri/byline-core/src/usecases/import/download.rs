//! An article's images from other sites downloaded into the library, only
//! when the writer asks (`byline import --download-images`, "Download N
//! images" in the import review).
//!
//! The core decides what may be fetched and what becomes of the answer;
//! the request itself goes through an [`ImageFetch`] the caller supplies
//! (the app's, over reqwest), so the core has no HTTP client. Only `http`
//! and `https` addresses are ever requested: `file:`, `data:` and every
//! other scheme are listed and left alone, and a relative address is read
//! against the article's canonical URL only when that is a web address.
//! An answer must say it is an image type Byline stores, be no larger
//! than [`MAX_IMAGE_BYTES`], and be that image by its bytes. Each image
//! that fails is listed with why, and its address stays as it was.

use serde::Serialize;
use ts_rs::TS;
use url::Url;

use super::images::{image_urls, replace_url};
use crate::domain::article::{Article, ArticleId};
use crate::domain::asset::ASSET_DIR;
use crate::domain::error::{Error, Result};
use crate::domain::revision::{RevisionKind, RevisionState};
use crate::library::articles::{read_article, write_state};
use crate::library::revisions::record;
use crate::library::{assets, Library, MAX_IMAGE_BYTES};

/// Image types a download may declare: the ones the asset store keeps
/// (SVG can carry script and is never taken).
pub const ACCEPTED_TYPES: &[&str] = &[
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "image/avif",
];

/// How many images one article's download requests at most.
pub const MAX_IMAGES: usize = 200;

/// What a site answered for one image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The `Content-Type` header as sent.
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// One GET of an `http(s)` address: no cookies, no referrer, nothing but
/// the request; a few redirects, each to `http(s)` only; a timeout; reading
/// stops past `max_bytes`. The reason in plain words when it fails.
pub trait ImageFetch: Sync {
    fn fetch_image(&self, url: &str, max_bytes: usize) -> std::result::Result<Fetched, String>;
}

/// An image the article shows from elsewhere, and the address it would be
/// requested from (or why it will not be).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteImage {
    /// As the article writes it.
    pub written: String,
    pub fetch: std::result::Result<String, String>,
}

/// What became of one image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImageDownload {
    /// As the article wrote it (a long `data:` address cut short).
    pub url: String,
    /// Where it was requested; `None` when it was not.
    pub from: Option<String>,
    /// The library's copy (`assets/…`), which the article now shows.
    pub stored: Option<String>,
    /// Why it was not downloaded; the article keeps the address it had.
    pub error: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct ImageDownloadReport {
    pub images: Vec<ImageDownload>,
    pub downloaded: u32,
    pub failed: u32,
}

/// The images `body` and the featured image show from other sites, each
/// once, with the address each would be fetched from. Images already in
/// the library are left out.
pub fn remote_images(body: &str, featured: &str, base: &str) -> Vec<RemoteImage> {
    let mut written = image_urls(body);
    if !featured.is_empty() {
        written.push(featured.to_owned());
    }
    let mut seen = std::collections::HashSet::new();
    written
        .into_iter()
        .filter(|u| !u.trim().is_empty() && !u.starts_with(ASSET_DIR))
        .filter(|u| seen.insert(u.clone()))
        .map(|written| RemoteImage {
            fetch: web_address(&written, base),
            written,
        })
        .collect()
}

/// How many of `images` would be requested.
pub fn fetchable(images: &[RemoteImage]) -> u32 {
    images.iter().filter(|i| i.fetch.is_ok()).count() as u32
}

/// `written` as an `http(s)` address to request, or why it is not one.
fn web_address(written: &str, base: &str) -> std::result::Result<String, String> {
    let url = match Url::parse(written.trim()) {
        Ok(url) => url,
        Err(url::ParseError::RelativeUrlWithoutBase) => {
            let base = Url::parse(base.trim()).ok().filter(is_web).ok_or_else(|| {
                "it is a relative address and the article has no web address \
                     (canonical URL) to read it against"
                    .to_owned()
            })?;
            base.join(written.trim())
                .map_err(|_| "it is not an address Byline can read".to_owned())?
        }
        Err(_) => return Err("it is not an address Byline can read".to_owned()),
    };
    if is_web(&url) {
        Ok(url.to_string())
    } else {
        Err(format!(
            "only web addresses (http, https) are downloaded, and this one is {}:",
            url.scheme()
        ))
    }
}

fn is_web(url: &Url) -> bool {
    matches!(url.scheme(), "http" | "https") && url.host().is_some()
}

/// Requests every image that may be requested (at most [`MAX_IMAGES`]).
/// Touches no library, so a window's library stays free meanwhile.
pub fn fetch_all(
    images: &[RemoteImage],
    fetch: &dyn ImageFetch,
) -> Vec<Option<std::result::Result<Fetched, String>>> {
    let mut requested = 0;
    images
        .iter()
        .map(|image| {
            let url = image.fetch.as_ref().ok()?;
            requested += 1;
            if requested > MAX_IMAGES {
                return Some(Err(format!(
                    "an article's download stops at {MAX_IMAGES} images"
                )));
            }
            Some(fetch.fetch_image(url, MAX_IMAGE_BYTES).and_then(checked))
        })
        .collect()
}

/// An answer Byline will store: an accepted image type, within the limit.
fn checked(fetched: Fetched) -> std::result::Result<Fetched, String> {
    let kind = fetched
        .content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if !ACCEPTED_TYPES.contains(&kind.as_str()) {
        return Err(if kind.is_empty() {
            "the site did not say it is an image".to_owned()
        } else {
            format!(
                "the site sent {kind}, not an image type Byline keeps (PNG, JPEG, GIF, WebP, AVIF)"
            )
        });
    }
    if fetched.bytes.len() > MAX_IMAGE_BYTES {
        return Err(format!(
            "it is larger than {} MB",
            MAX_IMAGE_BYTES / 1_048_576
        ));
    }
    Ok(fetched)
}

impl Library {
    /// The images article `id` shows from other sites (see
    /// [`remote_images`]), its canonical URL the base of relative ones.
    pub fn remote_images(&self, id: ArticleId) -> Result<Vec<RemoteImage>> {
        let a = self.article(id)?;
        Ok(remote_images(
            &a.body,
            &a.meta.featured_image,
            &a.meta.canonical_url,
        ))
    }

    /// Downloads article `id`'s images from other sites into the library
    /// and points the body and featured image at the copies.
    pub fn download_images(
        &mut self,
        id: ArticleId,
        fetch: &dyn ImageFetch,
    ) -> Result<(Article, ImageDownloadReport)> {
        let images = self.remote_images(id)?;
        let fetched = fetch_all(&images, fetch);
        self.store_downloads(id, &images, fetched)
    }

    /// Stores what [`fetch_all`] brought and rewrites the article's current
    /// text (typing done meanwhile kept), with the state before kept in
    /// History. An image the text no longer shows is reported, not stored.
    pub fn store_downloads(
        &mut self,
        id: ArticleId,
        images: &[RemoteImage],
        fetched: Vec<Option<std::result::Result<Fetched, String>>>,
    ) -> Result<(Article, ImageDownloadReport)> {
        let report = self.write(|tx| {
            let before = read_article(tx, id)?;
            let mut state = RevisionState::from(&before);
            let mut report = ImageDownloadReport::default();
            for (image, answer) in images.iter().zip(fetched) {
                let mut line = ImageDownload {
                    url: shown(&image.written),
                    from: image.fetch.as_ref().ok().cloned(),
                    stored: None,
                    error: None,
                };
                let bytes = match (&image.fetch, answer) {
                    (Err(why), _) => Err(why.clone()),
                    (Ok(_), Some(Ok(fetched))) => Ok(fetched.bytes),
                    (Ok(_), Some(Err(why))) => Err(why),
                    (Ok(_), None) => Err("it was not requested".to_owned()),
                };
                let stored = match bytes {
                    Ok(bytes) => store(tx, image, &bytes, &mut state)?,
                    Err(why) => Err(why),
                };
                match stored {
                    Ok(path) => {
                        line.stored = Some(path);
                        report.downloaded += 1;
                    }
                    Err(why) => {
                        line.error = Some(why);
                        report.failed += 1;
                    }
                }
                report.images.push(line);
            }
            if report.downloaded > 0 {
                record(
                    tx,
                    id,
                    RevisionKind::Snapshot,
                    Some("before downloading images"),
                    &RevisionState::from(&before),
                    chrono::Utc::now(),
                )?;
                write_state(tx, id, &state, &before.meta.slug)?;
            }
            Ok(report)
        })?;
        Ok((self.article(id)?, report))
    }
}

/// Stores one image's bytes and points `state` at the copy; the reason in
/// plain words otherwise. A storage failure of the library itself ends
/// the write (it is no one image's fault), so it is not caught here.
fn store(
    tx: &rusqlite::Transaction<'_>,
    image: &RemoteImage,
    bytes: &[u8],
    state: &mut RevisionState,
) -> Result<std::result::Result<String, String>> {
    let body = replace_url(&state.body, &image.written, "\u{0}");
    let featured = state.meta.featured_image == image.written;
    if body == state.body && !featured {
        return Ok(Err("the article no longer shows it".to_owned()));
    }
    let name = image
        .fetch
        .as_ref()
        .ok()
        .and_then(|u| Url::parse(u).ok())
        .and_then(|u| u.path_segments()?.next_back().map(str::to_owned))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "image".to_owned());
    let stored = match assets::store_image(tx, &name, bytes) {
        Ok(stored) => stored,
        Err(Error::UnsupportedImage { reason, .. }) => return Ok(Err(reason)),
        Err(e) => return Err(e),
    };
    state.body = replace_url(&state.body, &image.written, &stored.path);
    if featured {
        state.meta.featured_image = stored.path.clone();
    }
    Ok(Ok(stored.path))
}

/// A `data:` address is as long as its image: shown cut short.
fn shown(url: &str) -> String {
    if url.chars().count() > 120 {
        format!("{}…", url.chars().take(60).collect::<String>())
    } else {
        url.to_owned()
    }
}

#[cfg(test)]
mod tests;
