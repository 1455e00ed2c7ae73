//! An imported post's images: the relative paths its Markdown (or raw
//! HTML) points at, copied into the asset store and pointed at there.

use std::path::{Path, PathBuf};

use rusqlite::Transaction;

use crate::domain::asset::ASSET_DIR;
use crate::domain::error::{Error, Result};
use crate::library::{self, MAX_IMAGE_BYTES};
use crate::transform::render::{comrak_options, Syntax};

/// Copies the images a post points at with relative paths (`cover.jpg`,
/// `images/map.png`, `../shared/x.webp`) into the asset store and points
/// the body and featured image at the stored copies. Web addresses and
/// site paths (`/images/x.png`, which need the site's folder) stay as
/// they are and are listed as skipped. Only files inside `root` (the
/// imported folder, or the mirror folder) are read: the path is decoded
/// first and its links resolved, so neither `../../x.png`, an encoded
/// absolute path nor a link leads out of it.
pub(super) fn copy_images(
    tx: &Transaction<'_>,
    dir: &Path,
    root: &Path,
    body: &str,
    featured: &str,
) -> Result<(String, String, u32, Vec<String>)> {
    let mut body = body.to_owned();
    let mut featured = featured.to_owned();
    let mut copied = 0;
    let mut skipped = Vec::new();
    let mut urls = image_urls(&body);
    if !featured.is_empty() {
        urls.push(featured.clone());
    }
    urls.sort();
    urls.dedup();
    for url in urls {
        let is_web = url.contains("://") || url.starts_with("data:") || url.starts_with("//");
        if is_web || url.starts_with(ASSET_DIR) {
            continue;
        }
        if url.starts_with('/') {
            skipped.push(format!(
                "image {url} (a path on the site, not beside the file)"
            ));
            continue;
        }
        let decoded = percent_decode(url.split(['?', '#']).next().unwrap_or(&url));
        let file = match inside(root, &dir.join(&decoded)) {
            Inside::Yes(file) => file,
            Inside::Missing => {
                skipped.push(format!("image {url} (not found beside the file)"));
                continue;
            }
            Inside::No => {
                skipped.push(format!("image {url} (outside the imported folder)"));
                continue;
            }
        };
        let bytes = match read_image(&file) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => {
                skipped.push(format!(
                    "image {url} (larger than {} MB)",
                    MAX_IMAGE_BYTES / 1_048_576
                ));
                continue;
            }
            Err(e) => {
                skipped.push(format!("image {url} ({e})"));
                continue;
            }
        };
        let name = file
            .file_name()
            .map_or_else(|| url.clone(), |n| n.to_string_lossy().into_owned());
        match library::assets::store_image(tx, &name, &bytes) {
            Ok(stored) => {
                body = replace_url(&body, &url, &stored.path);
                if featured == url {
                    featured = stored.path.clone();
                }
                copied += 1;
            }
            Err(e @ Error::UnsupportedImage { .. }) => skipped.push(format!("image {url} ({e})")),
            Err(e) => return Err(e),
        }
    }
    Ok((body, featured, copied, skipped))
}

enum Inside {
    Yes(PathBuf),
    No,
    Missing,
}

/// `path` with every link resolved, if that lies inside `root`.
fn inside(root: &Path, path: &Path) -> Inside {
    if path.as_os_str().as_encoded_bytes().contains(&0) {
        return Inside::No;
    }
    let Ok(root) = std::fs::canonicalize(root) else {
        return Inside::No;
    };
    match std::fs::canonicalize(path) {
        Ok(real) if real.starts_with(&root) => Inside::Yes(real),
        Ok(_) => Inside::No,
        Err(_) => Inside::Missing,
    }
}

/// An image's bytes, `None` when it is over the size limit. Opened as a
/// regular file only (never a pipe), and read no further than the limit.
fn read_image(file: &Path) -> Result<Option<Vec<u8>>> {
    use std::io::Read;
    let handle = crate::usecases::markdown_file::open_regular(file)?;
    let io = |source| Error::Io {
        path: file.to_path_buf(),
        source,
    };
    if handle.metadata().map_err(io)?.len() > MAX_IMAGE_BYTES as u64 {
        return Ok(None);
    }
    let mut bytes = Vec::new();
    handle
        .take(MAX_IMAGE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    Ok((bytes.len() <= MAX_IMAGE_BYTES).then_some(bytes))
}

/// The image URLs in Markdown (`![alt](url)`) and in raw HTML
/// (`<img src="url">`), as written.
pub(super) fn image_urls(markdown: &str) -> Vec<String> {
    use comrak::nodes::NodeValue;
    let arena = comrak::Arena::new();
    let root = comrak::parse_document(&arena, markdown, &comrak_options(Syntax::CommonMark));
    let mut urls = Vec::new();
    for node in root.descendants() {
        match &node.data.borrow().value {
            NodeValue::Image(link) => urls.push(link.url.clone()),
            NodeValue::HtmlBlock(html) => urls.extend(html_img_srcs(&html.literal)),
            NodeValue::HtmlInline(html) => urls.extend(html_img_srcs(html)),
            _ => {}
        }
    }
    urls
}

fn html_img_srcs(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find("<img") {
        let start = from + at;
        let end = lower[start..].find('>').map_or(lower.len(), |e| start + e);
        if let Some(src) = lower[start..end].find("src=") {
            let value = &html[start + src + 4..end];
            let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'');
            let url = match quote {
                Some(q) => value[1..].split(q).next().unwrap_or(""),
                None => value
                    .split(|c: char| c.is_whitespace() || c == '/')
                    .next()
                    .unwrap_or(""),
            };
            if !url.is_empty() {
                out.push(url.to_owned());
            }
        }
        from = end;
    }
    out
}

/// Replaces `url` where it is an image or link target: after `](`, or as
/// a quoted attribute value. A bare mention of the same text in prose is
/// left alone.
pub(super) fn replace_url(body: &str, url: &str, with: &str) -> String {
    let mut out = body.to_owned();
    for (before, after) in [
        ("](", ")"),
        ("](", " "),
        ("](<", ">"),
        ("src=\"", "\""),
        ("src='", "'"),
    ] {
        out = out.replace(
            &format!("{before}{url}{after}"),
            &format!("{before}{with}{after}"),
        );
    }
    out
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && bytes[i + 1].is_ascii_hexdigit()
            && bytes[i + 2].is_ascii_hexdigit()
        {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}
