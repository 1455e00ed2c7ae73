//! The static site's own pages: the index of its articles and the Atom
//! feed. Built here, from values, so the site export only writes files.

use chrono::{DateTime, SecondsFormat, Utc};

use super::{Input, ARTICLE_CSS};
use crate::domain::article::{Article, UNTITLED};
use crate::domain::site_settings::SiteSettings;
use crate::domain::url::clean_url;
use crate::transform::render::escape_text as escape;
use crate::transform::slug;

/// The title a list shows: [`UNTITLED`] for an empty one.
pub fn title(a: &Article) -> &str {
    if a.meta.title.trim().is_empty() {
        UNTITLED
    } else {
        &a.meta.title
    }
}

fn date_of(a: &Article) -> DateTime<Utc> {
    a.meta.publish_at.unwrap_or(a.updated_at)
}

/// The site's front page: every exported article, newest first as given.
pub fn index_page(site: &SiteSettings, articles: &[Article]) -> String {
    let name = if site.name.is_empty() {
        "Articles"
    } else {
        &site.name
    };
    let mut list = String::new();
    for a in articles {
        // Slugs are checked where they are stored; the link is under the
        // URL rule all the same, and without an address if it refuses it.
        let href = match clean_url(&format!("{}/", a.meta.slug), &[]) {
            Some(url) => format!(" href=\"{}\"", escape(&url)),
            None => String::new(),
        };
        list.push_str(&format!(
            "<li><a{href}>{title}</a>{dek}<time datetime=\"{iso}\">{day}</time></li>\n",
            title = escape(title(a)),
            dek = if a.meta.dek.is_empty() {
                String::new()
            } else {
                format!("<p>{}</p>", escape(&a.meta.dek))
            },
            iso = date_of(a).to_rfc3339_opts(SecondsFormat::Secs, true),
            day = date_of(a).format("%-d %B %Y"),
        ));
    }
    let empty = if articles.is_empty() {
        "<p>Nothing published yet.</p>\n"
    } else {
        ""
    };
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n<title>{name}</title>\n\
         <link rel=\"alternate\" type=\"application/atom+xml\" href=\"feed.xml\" title=\"{name}\">\n\
         <style>\n{css}{INDEX_CSS}</style>\n</head>\n<body>\n<main class=\"byline-article\">\n\
         <h1>{name}</h1>\n{empty}<ol class=\"byline-index\">\n{list}</ol>\n</main>\n</body>\n</html>\n",
        lang = escape(&site.language),
        name = escape(name),
        css = ARTICLE_CSS,
    )
}

const INDEX_CSS: &str = "
body { margin: 0; padding: 3rem 1.25rem; background: light-dark(#fdfcfa, #1b1a18); }
.byline-index { list-style: none; padding: 0; }
.byline-index li { margin: 0 0 1.6em; }
.byline-index a { font-family: system-ui, sans-serif; font-size: 1.2em; font-weight: 600; text-decoration: none; }
.byline-index p { margin: 0.2em 0; color: var(--article-muted); }
.byline-index time { font-family: system-ui, sans-serif; font-size: 0.8em; color: var(--article-muted); }
";

/// An Atom feed (RFC 4287) of the exported articles, with their HTML.
pub fn atom_feed(site: &SiteSettings, articles: &[Article]) -> String {
    // The site's address under the URL rule, like the page's own.
    let base_url = super::web_address(&site.base_url);
    let has_base = base_url.is_some();
    let base = base_url.as_deref().unwrap_or("");
    let name = if site.name.is_empty() {
        "Articles"
    } else {
        &site.name
    };
    let updated = articles
        .iter()
        .map(|a| a.updated_at)
        .max()
        .unwrap_or_else(Utc::now)
        .to_rfc3339_opts(SecondsFormat::Secs, true);
    // Atom ids must be permanent IRIs: the site's address when there is
    // one, otherwise a URN made from the site name and slug.
    let feed_id = if has_base {
        base.to_owned()
    } else {
        format!("urn:byline:{}", slug::from_title(name))
    };
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    xml.push_str(&format!(
        "<title>{}</title>\n<id>{}</id>\n<updated>{updated}</updated>\n",
        escape(name),
        escape(&feed_id)
    ));
    if has_base {
        xml.push_str(&format!(
            "<link rel=\"alternate\" href=\"{}\"/>\n<link rel=\"self\" href=\"{}feed.xml\"/>\n",
            escape(base),
            escape(base)
        ));
    }
    let default_author = if site.default_author.is_empty() {
        name
    } else {
        &site.default_author
    };
    xml.push_str(&format!(
        "<author><name>{}</name></author>\n<generator>Byline</generator>\n",
        escape(default_author)
    ));
    let no_keys = serde_json::Map::new();
    for a in articles {
        let input = Input {
            article: a,
            site,
            corrections: &[],
            revisions: 0,
            kept_front_matter: &no_keys,
        };
        let id = input
            .page_url()
            .unwrap_or_else(|| format!("{feed_id}:{}", a.meta.slug));
        xml.push_str("<entry>\n");
        xml.push_str(&format!(
            "<title>{}</title>\n<id>{}</id>\n",
            escape(title(a)),
            escape(&id)
        ));
        if let Some(url) = input.page_url() {
            xml.push_str(&format!(
                "<link rel=\"alternate\" href=\"{}\"/>\n",
                escape(&url)
            ));
        }
        xml.push_str(&format!(
            "<updated>{}</updated>\n",
            a.updated_at.to_rfc3339_opts(SecondsFormat::Secs, true)
        ));
        if let Some(at) = a.meta.publish_at {
            xml.push_str(&format!(
                "<published>{}</published>\n",
                at.to_rfc3339_opts(SecondsFormat::Secs, true)
            ));
        }
        for author in &a.meta.authors {
            xml.push_str(&format!(
                "<author><name>{}</name></author>\n",
                escape(author)
            ));
        }
        for tag in &a.meta.tags {
            xml.push_str(&format!("<category term=\"{}\"/>\n", escape(tag)));
        }
        let summary = if a.meta.meta_description.is_empty() {
            &a.meta.dek
        } else {
            &a.meta.meta_description
        };
        if !summary.is_empty() {
            xml.push_str(&format!("<summary>{}</summary>\n", escape(summary)));
        }
        xml.push_str(&format!(
            "<content type=\"html\">{}</content>\n</entry>\n",
            escape(&super::fragment(&input))
        ));
    }
    xml.push_str("</feed>\n");
    xml
}
