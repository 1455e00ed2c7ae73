//! The domain types. These are the shapes that cross the IPC boundary, so each
//! derives `TS` and the TypeScript copies are generated, never written by hand.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::error::Error;
use super::faq::FaqItem;
use super::hash::BodyHash;
pub use super::ids::ArticleId;

/// Where an article is in the editorial workflow. Any status can move to any
/// other (an editor sends a piece back; a published piece is pulled).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Draft,
    InReview,
    Ready,
    Published,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Draft,
        Status::InReview,
        Status::Ready,
        Status::Published,
    ];

    /// The name stored in the library and used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::InReview => "in_review",
            Status::Ready => "ready",
            Status::Published => "published",
        }
    }

    /// The name shown to a writer.
    pub fn label(self) -> &'static str {
        match self {
            Status::Draft => "Draft",
            Status::InReview => "In review",
            Status::Ready => "Ready",
            Status::Published => "Published",
        }
    }
}

impl std::str::FromStr for Status {
    type Err = Error;

    /// Accepts the stored name, the label, and `-` or a space for `_`, in
    /// any case: `in-review`, `In review`, `IN_REVIEW`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Status::ALL
            .into_iter()
            .find(|st| st.as_str() == key)
            .ok_or_else(|| {
                Error::invalid(
                    "status",
                    format!("{s:?} is not a status; use draft, in-review, ready or published"),
                )
            })
    }
}

/// Every metadata field of an article: what a writer sets apart from the
/// body. This is the one place the field list is written; `Article` and
/// `RevisionState` embed it flattened, so their JSON (IPC, stored
/// revisions) keeps each field's own key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
// Revisions recorded before a field existed still read: a missing key is empty.
#[serde(default)]
pub struct ArticleMeta {
    /// May be empty; shown as [`UNTITLED`].
    pub title: String,
    /// The subtitle under the headline.
    pub dek: String,
    /// The URL-safe name it is published under, unique in the library.
    pub slug: String,
    pub authors: Vec<String>,
    pub tags: Vec<String>,
    /// The search-result snippet; 50–160 characters is the usual range.
    pub meta_description: String,
    /// Where the article canonically lives, if not at its own URL.
    pub canonical_url: String,
    /// An image URL or a path in the library's assets.
    pub featured_image: String,
    pub publish_at: Option<DateTime<Utc>>,
    /// How many words the writer means the article to have; a goal the
    /// status bar measures progress against, never a limit. Left out of the
    /// JSON when unset so revisions stored before it existed keep every byte
    /// (they are compressed against each other).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub word_target: Option<u32>,
}

impl ArticleMeta {
    /// A field's value as one line of text, as a comparison of two
    /// versions shows it: lists joined with ", ", the date in RFC 3339,
    /// an unset date empty.
    pub fn text(&self, field: ArticleField) -> String {
        match field {
            ArticleField::Title => self.title.clone(),
            ArticleField::Dek => self.dek.clone(),
            ArticleField::Slug => self.slug.clone(),
            ArticleField::Authors => self.authors.join(", "),
            ArticleField::Tags => self.tags.join(", "),
            ArticleField::MetaDescription => self.meta_description.clone(),
            ArticleField::CanonicalUrl => self.canonical_url.clone(),
            ArticleField::FeaturedImage => self.featured_image.clone(),
            ArticleField::PublishAt => self.publish_at.map(|d| d.to_rfc3339()).unwrap_or_default(),
            ArticleField::WordTarget => self.word_target.map(|n| n.to_string()).unwrap_or_default(),
        }
    }
}

/// One article with its whole text and every metadata field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Article {
    pub id: ArticleId,
    #[serde(flatten)]
    pub meta: ArticleMeta,
    /// Whether the slug was set by the writer. Until it is, it follows the
    /// title (while the article is unpublished).
    pub slug_is_custom: bool,
    pub body: String,
    /// A fingerprint of `body` ([`BodyHash::of`]). The window
    /// sends back the one its text was built on with every edit, so
    /// autosave never writes over a body that changed elsewhere (the folder
    /// mirror, the CLI) in the meantime.
    #[ts(type = "string")]
    pub body_hash: BodyHash,
    pub words: u32,
    pub status: Status,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// When it was moved to the trash; `None` for a live article.
    pub trashed_at: Option<DateTime<Utc>>,
    /// The questions and answers that close the article, in order.
    pub faq: Vec<FaqItem>,
    /// Whether exports carry the FAQ as schema.org `FAQPage` (when the site
    /// allows it too).
    pub faq_structured_data: bool,
}

/// What the library list shows of an article, without its body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ArticleSummary {
    pub id: ArticleId,
    pub title: String,
    pub slug: String,
    pub tags: Vec<String>,
    pub words: u32,
    pub status: Status,
    pub publish_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub trashed_at: Option<DateTime<Utc>>,
}

/// A metadata field that can be set on its own (from the Details panel or
/// `byline set`). The body is not one of them: it has its own save path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ArticleField {
    Title,
    Dek,
    Slug,
    Authors,
    Tags,
    MetaDescription,
    CanonicalUrl,
    FeaturedImage,
    PublishAt,
    WordTarget,
}

impl ArticleField {
    pub const ALL: [ArticleField; 10] = [
        ArticleField::Title,
        ArticleField::Dek,
        ArticleField::Slug,
        ArticleField::Authors,
        ArticleField::Tags,
        ArticleField::MetaDescription,
        ArticleField::CanonicalUrl,
        ArticleField::FeaturedImage,
        ArticleField::PublishAt,
        ArticleField::WordTarget,
    ];

    /// The name used on the command line and in error messages.
    pub fn as_str(self) -> &'static str {
        match self {
            ArticleField::Title => "title",
            ArticleField::Dek => "dek",
            ArticleField::Slug => "slug",
            ArticleField::Authors => "authors",
            ArticleField::Tags => "tags",
            ArticleField::MetaDescription => "description",
            ArticleField::CanonicalUrl => "canonical",
            ArticleField::FeaturedImage => "image",
            ArticleField::PublishAt => "publish-date",
            ArticleField::WordTarget => "word_target",
        }
    }

    /// The name a writer knows it by, as a comparison of versions shows it.
    pub fn label(self) -> &'static str {
        match self {
            ArticleField::Title => "Title",
            ArticleField::Dek => "Dek",
            ArticleField::Slug => "Slug",
            ArticleField::Authors => "Authors",
            ArticleField::Tags => "Tags",
            ArticleField::MetaDescription => "Description",
            ArticleField::CanonicalUrl => "Canonical URL",
            ArticleField::FeaturedImage => "Featured image",
            ArticleField::PublishAt => "Publish date",
            ArticleField::WordTarget => "Word target",
        }
    }
}

impl std::str::FromStr for ArticleField {
    type Err = Error;

    /// Accepts the short CLI names and the serialised names, with `-`, `_`
    /// or a space between words: `description`, `meta_description`,
    /// `publish-date`, `publish_at`, `date`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        let field = match key.as_str() {
            "title" | "headline" => ArticleField::Title,
            "dek" | "subtitle" => ArticleField::Dek,
            "slug" => ArticleField::Slug,
            "authors" | "author" => ArticleField::Authors,
            "tags" | "tag" => ArticleField::Tags,
            "description" | "meta_description" => ArticleField::MetaDescription,
            "canonical" | "canonical_url" => ArticleField::CanonicalUrl,
            "image" | "featured_image" => ArticleField::FeaturedImage,
            "publish_date" | "publish_at" | "date" => ArticleField::PublishAt,
            "word_target" | "target" | "goal" | "word_goal" => ArticleField::WordTarget,
            _ => {
                let names: Vec<&str> = ArticleField::ALL.iter().map(|f| f.as_str()).collect();
                return Err(Error::invalid(
                    "field",
                    format!("{s:?} is not a field; use one of {}", names.join(", ")),
                ));
            }
        };
        Ok(field)
    }
}

/// One step of an article's workflow history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StatusChange {
    pub status: Status,
    pub changed_at: DateTime<Utc>,
}

impl Article {
    pub fn summary(&self) -> ArticleSummary {
        ArticleSummary {
            id: self.id,
            title: self.meta.title.clone(),
            slug: self.meta.slug.clone(),
            tags: self.meta.tags.clone(),
            words: self.words,
            status: self.status,
            publish_at: self.meta.publish_at,
            updated_at: self.updated_at,
            trashed_at: self.trashed_at,
        }
    }
}

/// The title shown for an article whose title is empty.
pub const UNTITLED: &str = "Untitled";

#[cfg(test)]
mod tests {
    use super::*;

    /// `ArticleField` names the fields `ArticleMeta` holds, in the same
    /// order and under the same serialised names, so a field added to one
    /// and not the other fails here.
    #[test]
    fn article_fields_are_the_meta_fields() {
        // Set, so that the optional word target is in the JSON too.
        let meta = serde_json::to_value(ArticleMeta {
            word_target: Some(800),
            ..ArticleMeta::default()
        })
        .unwrap();
        let keys: Vec<&str> = meta
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        let fields: Vec<String> = ArticleField::ALL
            .iter()
            .map(|f| {
                serde_json::to_value(f)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        assert_eq!(keys, fields);
    }

    /// The window reads these keys; embedding `ArticleMeta` keeps them.
    #[test]
    fn article_json_has_every_field_at_the_top_level() {
        let at = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 5, 1, 9, 30, 0).unwrap();
        let article = Article {
            id: ArticleId(3),
            meta: ArticleMeta {
                title: "Ferry fares".into(),
                tags: vec!["city".into()],
                publish_at: Some(at),
                ..ArticleMeta::default()
            },
            slug_is_custom: true,
            body: "Text".into(),
            body_hash: BodyHash::of("Text"),
            words: 1,
            status: Status::Draft,
            created_at: at,
            updated_at: at,
            trashed_at: None,
            faq: Vec::new(),
            faq_structured_data: true,
        };
        let json = serde_json::to_value(&article).unwrap();
        let mut keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        keys.sort_unstable();
        let mut expected = vec![
            "id",
            "title",
            "dek",
            "slug",
            "slug_is_custom",
            "authors",
            "tags",
            "meta_description",
            "canonical_url",
            "featured_image",
            "publish_at",
            "body",
            "body_hash",
            "words",
            "status",
            "created_at",
            "updated_at",
            "trashed_at",
            "faq",
            "faq_structured_data",
        ];
        expected.sort_unstable();
        assert_eq!(keys, expected);
        assert_eq!(json["title"], "Ferry fares");
        assert_eq!(json["tags"], serde_json::json!(["city"]));
        assert_eq!(json["publish_at"], "2026-05-01T09:30:00Z");
        assert_eq!(json["dek"], "");
    }

    #[test]
    fn meta_text_is_one_line_per_field() {
        let meta = ArticleMeta {
            authors: vec!["Ana".into(), "Ben".into()],
            publish_at: Some(
                chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 5, 1, 9, 30, 0).unwrap(),
            ),
            ..ArticleMeta::default()
        };
        assert_eq!(meta.text(ArticleField::Authors), "Ana, Ben");
        assert_eq!(
            meta.text(ArticleField::PublishAt),
            "2026-05-01T09:30:00+00:00"
        );
        assert_eq!(meta.text(ArticleField::Tags), "");
        assert_eq!(ArticleMeta::default().text(ArticleField::PublishAt), "");
    }
}
