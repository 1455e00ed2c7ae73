//! A post as a site has it, back into Markdown: what an editor changed
//! there, to show beside the article and to pull in as a revision. Only
//! the body is read back: the JSON-LD, the FAQ section and the Updates
//! Byline wrote are its own fields and are left out, and images Byline
//! uploaded point at the library's copies again.

use std::collections::BTreeMap;

use crate::domain::error::Result;
use crate::transform::html_paste::html_to_markdown;
use crate::transform::render::top_level_blocks;

/// Top-level blocks Byline adds around the body (see `export::fragment`,
/// `render::faq_html`, `render::updates_html`); an HTML card's markers
/// (Ghost) are not content either.
fn is_byline_chrome(block: &str) -> bool {
    let start = block.trim_start();
    start.starts_with("<!--")
        || start.starts_with("<script")
        || start.starts_with("<section class=\"byline-faq\"")
        || start.starts_with("<section class=\"byline-updates\"")
}

/// The site's HTML as Markdown. `images` maps an uploaded image's address
/// to the library path it was uploaded from (`assets/NAME`).
pub fn site_markdown(html: &str, images: &BTreeMap<String, String>) -> Result<String> {
    let body: Vec<&str> = top_level_blocks(html)
        .into_iter()
        .filter(|block| !is_byline_chrome(block))
        .collect();
    let mut markdown = html_to_markdown(&body.join("\n"))?;
    for (url, path) in images {
        markdown = markdown.replace(&format!("({url})"), &format!("({path})"));
        markdown = markdown.replace(&format!("({url} "), &format!("({path} "));
    }
    // A body ends with a newline, as the editor and every import leave it.
    if !markdown.is_empty() {
        markdown.push('\n');
    }
    Ok(markdown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_comes_back_without_what_byline_added() {
        let html = concat!(
            "<p>The walk starts at the <strong>old</strong> pier.</p>\n",
            "<figure class=\"kg-card kg-image-card\"><img src=\"http://g.test/content/images/2026/11/pier.png\" class=\"kg-image\" alt=\"Pier\"></figure>\n",
            "<!--kg-card-begin: html-->\n",
            "<section class=\"byline-faq\"><h2 id=\"faq\">FAQ</h2><div class=\"byline-faq-item\"><h3>Q?</h3><p>A.</p></div></section>\n",
            "<!--kg-card-end: html-->\n",
            "<h2>Getting there</h2>\n<p>By bus.</p>\n",
            "<section class=\"byline-updates\"><h2>Updates</h2><ul><li>x</li></ul></section>\n",
            "<script type=\"application/ld+json\">{\"@type\":\"Article\"}</script>\n",
        );
        let images = BTreeMap::from([(
            "http://g.test/content/images/2026/11/pier.png".to_owned(),
            "assets/pier.png".to_owned(),
        )]);
        let markdown = site_markdown(html, &images).unwrap();
        assert_eq!(
            markdown,
            "The walk starts at the **old** pier.\n\n![Pier](assets/pier.png)\n\n## Getting there\n\nBy bus.\n"
        );
    }
}
