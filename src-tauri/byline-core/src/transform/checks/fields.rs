//! The metadata fields: title, dek, description, slug, featured image, and
//! the canonical URL against the site's address.

use url::Url;

use super::{quote, CheckInput, Fix, Place, Sink};
use crate::domain::article::{ArticleField, Status};

fn field(field: ArticleField) -> Place {
    Place::Field { field }
}

pub(super) fn check(input: &CheckInput<'_>, sink: &mut Sink<'_>) {
    let meta = input.meta;
    let config = &input.site.checks;

    let title = meta.title.trim();
    let title_chars = title.chars().count();
    if title.is_empty() {
        sink.push(
            "title.empty",
            field(ArticleField::Title),
            "The article has no title.".into(),
            None,
        );
    } else if title_chars > config.title_max_chars as usize {
        sink.push(
            "title.too_long",
            field(ArticleField::Title),
            format!(
                "The title has {title_chars} characters; search results cut it after about {}.",
                config.title_max_chars
            ),
            None,
        );
    }
    if is_all_caps(title) {
        sink.push(
            "title.all_caps",
            field(ArticleField::Title),
            "The title is all in capitals, which reads as shouting.".into(),
            None,
        );
    }

    if meta.dek.trim().is_empty() {
        sink.push(
            "dek.missing",
            field(ArticleField::Dek),
            "There is no dek (the line under the headline).".into(),
            None,
        );
    }

    let description = meta.meta_description.trim();
    let chars = description.chars().count();
    let (min, max) = (config.description_min_chars, config.description_max_chars);
    if description.is_empty() {
        sink.push(
            "description.missing",
            field(ArticleField::MetaDescription),
            "There is no meta description; search results will pick a snippet themselves.".into(),
            None,
        );
    } else if chars < min as usize {
        sink.push(
            "description.too_short",
            field(ArticleField::MetaDescription),
            format!("The meta description has {chars} characters; aim for {min} to {max}."),
            None,
        );
    } else if chars > max as usize {
        sink.push(
            "description.too_long",
            field(ArticleField::MetaDescription),
            format!(
                "The meta description has {chars} characters; search results cut it after about {max}."
            ),
            None,
        );
    }

    if let Some(published) = input.published_slug {
        if !published.is_empty() && published != meta.slug {
            sink.push(
                "slug.changed_after_publishing",
                field(ArticleField::Slug),
                format!(
                    "The slug was \"{published}\" when the article was published; links to the old address will break."
                ),
                Some(Fix {
                    label: format!("Put back \"{published}\""),
                    replacement: published.to_string(),
                }),
            );
        }
    }

    if meta.featured_image.trim().is_empty() {
        sink.push(
            "image.featured_missing",
            field(ArticleField::FeaturedImage),
            "No featured image is set; shares and previews will show none.".into(),
            None,
        );
    } else if input.featured_image_found == Some(false) {
        sink.push(
            "image.featured_not_found",
            field(ArticleField::FeaturedImage),
            format!(
                "The featured image \"{}\" is not in the library.",
                quote(&meta.featured_image, 60)
            ),
            None,
        );
    }

    urls(input, sink);
}

/// A title in capitals: at least four letters, none of them lower case.
/// "NASA launches" is not; "NASA LAUNCHES" is.
fn is_all_caps(title: &str) -> bool {
    let letters: Vec<char> = title.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 4
        && letters.iter().any(|c| c.is_uppercase())
        && !letters.iter().any(|c| c.is_lowercase())
        && title
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count()
            >= 2
}

fn urls(input: &CheckInput<'_>, sink: &mut Sink<'_>) {
    let site = Url::parse(input.site.base_url.trim()).ok();
    if input.site.base_url.trim().is_empty() && input.status != Status::Draft {
        sink.push(
            "url.site_address_missing",
            Place::Site,
            "The site address is not set in Settings, so exports leave out the canonical link and share addresses.".into(),
            None,
        );
    }

    let canonical = input.meta.canonical_url.trim();
    if canonical.is_empty() {
        return;
    }
    let place = || field(ArticleField::CanonicalUrl);
    let parsed = Url::parse(canonical)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some());
    let Some(url) = parsed else {
        sink.push(
            "url.canonical_invalid",
            place(),
            format!(
                "The canonical URL \"{}\" is not a full web address (https://…).",
                quote(canonical, 60)
            ),
            None,
        );
        return;
    };
    let site_https = site.as_ref().is_some_and(|s| s.scheme() == "https");
    if url.scheme() == "http" {
        let same_host = site.as_ref().and_then(|s| s.host_str()) == url.host_str();
        // Only offered when the site itself is on https, or the address
        // is elsewhere (where https is now the norm but not certain).
        let message = if same_host && site_https {
            "The canonical URL uses http: but the site is on https:.".to_string()
        } else {
            "The canonical URL uses http:; use https: if that site supports it.".to_string()
        };
        sink.push(
            "url.canonical_insecure",
            place(),
            message,
            Some(Fix {
                label: "Use https".into(),
                replacement: format!("https{}", &canonical[canonical.find(':').unwrap_or(0)..]),
            }),
        );
    }
    if let Some(site) = &site {
        let host = |u: &Url| {
            u.host_str()
                .map(|h| h.trim_start_matches("www.").to_ascii_lowercase())
        };
        if host(site) != host(&url) {
            sink.push(
                "url.canonical_other_site",
                place(),
                format!(
                    "The canonical URL points at {}, not this site ({}); search engines will credit that page.",
                    url.host_str().unwrap_or(""),
                    site.host_str().unwrap_or("")
                ),
                None,
            );
        }
    }
}
