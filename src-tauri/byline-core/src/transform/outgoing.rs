//! What a Publish sends, made from the article by the one renderer: title,
//! the body with its FAQ section and Updates (`export::fragment`), the
//! Article/FAQPage JSON-LD, excerpt, slug, tags, authors, canonical URL,
//! featured image and date. Library images are swapped for the addresses
//! the site gave them when they were uploaded.

use std::collections::BTreeMap;

use crate::domain::asset::ASSET_DIR;
use crate::domain::publication::{OutgoingPost, PublishStatus, RemoteMedia};
use crate::transform::export::{self, web_address, Input};
use crate::transform::render::escape_text;

/// The post for `input`, images (by asset file name) at their uploaded
/// addresses. An image missing from `uploaded` keeps its library path.
pub fn post(
    input: &Input<'_>,
    status: PublishStatus,
    uploaded: &BTreeMap<String, RemoteMedia>,
) -> OutgoingPost {
    let article = input.article;
    let meta = &article.meta;
    let mut html = export::fragment(input);
    for (name, media) in uploaded {
        // The renderer writes a library image as `src="assets/NAME"`;
        // only that attribute form is replaced, never text that mentions it.
        html = html.replace(
            &format!("\"{ASSET_DIR}/{name}\""),
            &format!("\"{}\"", escape_text(&media.url)),
        );
    }
    let featured_image = export::referenced_assets(&meta.featured_image)
        .first()
        .and_then(|name| uploaded.get(name))
        .cloned();
    let excerpt = if meta.meta_description.trim().is_empty() {
        meta.dek.trim()
    } else {
        meta.meta_description.trim()
    };
    OutgoingPost {
        title: meta.title.clone(),
        html,
        json_ld: export::json_ld_script(input),
        excerpt: excerpt.to_owned(),
        slug: meta.slug.clone(),
        tags: meta.tags.clone(),
        authors: export::credited_authors(input),
        canonical_url: web_address(&meta.canonical_url),
        featured_image,
        status,
        date: meta.publish_at,
    }
}

/// Every library image the post shows (body, FAQ answers, featured image),
/// by asset file name, each once.
pub fn images(input: &Input<'_>) -> Vec<String> {
    let article = input.article;
    let mut names = export::referenced_assets(&article.body);
    let others = article
        .faq
        .iter()
        .map(|item| item.answer.as_str())
        .chain([article.meta.featured_image.as_str()]);
    for text in others {
        for name in export::referenced_assets(text) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    use crate::domain::article::{Article, ArticleId, ArticleMeta, Status};
    use crate::domain::hash::BodyHash;
    use crate::domain::site_settings::SiteSettings;

    fn article(body: &str) -> Article {
        let at = Utc.with_ymd_and_hms(2026, 5, 1, 9, 30, 0).unwrap();
        Article {
            id: ArticleId(1),
            meta: ArticleMeta {
                title: "Harbour walk".into(),
                dek: "A short walk".into(),
                slug: "harbour-walk".into(),
                tags: vec!["walks".into(), "sea".into()],
                featured_image: "assets/aa.png".into(),
                ..ArticleMeta::default()
            },
            slug_is_custom: true,
            body: body.into(),
            body_hash: BodyHash::default(),
            words: 3,
            status: Status::Draft,
            created_at: at,
            updated_at: at,
            trashed_at: None,
            faq: vec![],
            faq_structured_data: true,
        }
    }

    #[test]
    fn library_images_point_at_their_uploaded_addresses() {
        let a = article("Start.\n\n![Pier](assets/aa.png)\n\nassets/aa.png in text.\n");
        let site = SiteSettings::default();
        let kept = Default::default();
        let input = Input {
            article: &a,
            site: &site,
            corrections: &[],
            revisions: 1,
            kept_front_matter: &kept,
        };
        assert_eq!(images(&input), ["aa.png"]);
        let media = RemoteMedia {
            id: "7".into(),
            url: "http://wp.test/?a=1&b=2".into(),
        };
        let uploaded = BTreeMap::from([("aa.png".to_owned(), media.clone())]);
        let post = post(&input, PublishStatus::Draft, &uploaded);
        assert!(
            post.html.contains("src=\"http://wp.test/?a=1&amp;b=2\""),
            "{}",
            post.html
        );
        assert!(post.html.contains("assets/aa.png in text"), "{}", post.html);
        assert_eq!(post.featured_image, Some(media));
        assert_eq!(post.excerpt, "A short walk");
        assert_eq!(post.tags, ["walks", "sea"]);
        assert!(
            post.json_ld
                .starts_with("<script type=\"application/ld+json\">"),
            "{}",
            post.json_ld
        );
    }
}
