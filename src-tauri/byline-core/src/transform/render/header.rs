//! The page's header (headline, dek, credit line with authors and date,
//! featured image), written once: the HTML export puts it above the body
//! and the preview shows the very same HTML above its blocks, so what the
//! writer sees is what the page will open with. Only the image's address
//! differs, as it does for every image: the window reads library images
//! through its own protocol and shows images from other sites as the
//! writer chose ([`Images`]).

use chrono::{DateTime, SecondsFormat, Utc};

use super::remote::window_url;
use super::{escape_text as escape, AssetUrls, Images};
use crate::domain::article::UNTITLED;
use crate::domain::url::{clean_url, WEB_SCHEMES};

/// What the header shows.
#[derive(Debug, Clone, Copy)]
pub struct Header<'a> {
    pub title: &'a str,
    pub dek: &'a str,
    /// The article's authors, or the site's default author.
    pub authors: &'a [String],
    pub publish_at: Option<DateTime<Utc>>,
    pub featured_image: &'a str,
}

/// The `<header>` element the page opens with.
pub fn header_html(h: &Header<'_>, images: Images<'_>) -> String {
    let title = if h.title.trim().is_empty() {
        UNTITLED
    } else {
        h.title
    };
    let mut html = format!("<header>\n<h1>{}</h1>\n", escape(title));
    if !h.dek.is_empty() {
        html.push_str(&format!("<p class=\"byline-dek\">{}</p>\n", escape(h.dek)));
    }
    if !h.authors.is_empty() || h.publish_at.is_some() {
        html.push_str("<p class=\"byline-credit\">");
        if !h.authors.is_empty() {
            html.push_str(&format!("By {}", escape(&h.authors.join(", "))));
        }
        if let Some(at) = h.publish_at {
            if !h.authors.is_empty() {
                html.push_str(" · ");
            }
            html.push_str(&format!(
                "<time datetime=\"{}\">{}</time>",
                at.to_rfc3339_opts(SecondsFormat::Secs, true),
                at.format("%-d %B %Y")
            ));
        }
        html.push_str("</p>\n");
    }
    if let Some(src) = image_src(h.featured_image, images) {
        html.push_str(&format!(
            "<figure class=\"byline-featured\"><img src=\"{}\" alt=\"\"></figure>\n",
            escape(&src)
        ));
    }
    html.push_str("</header>\n");
    html
}

/// The featured image's address on the page: as published (cleaned by the
/// URL rule, or left out), or as the window reads it.
fn image_src(image: &str, images: Images<'_>) -> Option<String> {
    let url = clean_url(image, WEB_SCHEMES)?;
    if url.is_empty() {
        return None;
    }
    match images {
        Images::AsPublished => Some(url),
        Images::InWindow { assets, remote } => {
            Some(window_url(&url, remote).unwrap_or_else(|| {
                comrak::options::URLRewriter::to_html(&AssetUrls(assets.to_owned()), &url)
            }))
        }
    }
}
