//! Exporting one article: a standalone HTML page, a body-only fragment,
//! Markdown with YAML or TOML front matter, JSON, or plain text.
//!
//! Every HTML format goes through `render`, the same pipeline as the
//! preview. The only script a page carries is its JSON-LD, built by
//! `jsonld` and escaped so it cannot end its own element. Links that must
//! be absolute to mean anything elsewhere (canonical, Open Graph URL and
//! image) are written only when they are absolute; with no site address
//! set they are left out rather than written wrong.

use chrono::SecondsFormat;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

use crate::domain::article::{Article, UNTITLED};
use crate::domain::correction::Correction;
use crate::domain::faq::QuestionAnswer;
use crate::domain::site_settings::SiteSettings;
use crate::domain::url::{clean_url, WEB_SCHEMES};
use crate::transform::faq::validate;
use crate::transform::frontmatter::Dialect;
use crate::transform::post::Post;
use crate::transform::render::escape_text as escape;
use crate::transform::render::{render_set, Typography};

/// The stylesheet of the published page, the one the preview uses.
pub const ARTICLE_CSS: &str = include_str!("../../../../assets/article.css");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// A standalone page.
    Html,
    /// The article's HTML alone, for pasting into a CMS.
    Fragment,
    /// Markdown with YAML front matter (Hugo, Jekyll, Astro).
    MdYaml,
    /// Markdown with TOML front matter (Zola).
    MdToml,
    Json,
    Text,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Html,
        Format::Fragment,
        Format::MdYaml,
        Format::MdToml,
        Format::Json,
        Format::Text,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Fragment => "fragment",
            Format::MdYaml => "md-yaml",
            Format::MdToml => "md-toml",
            Format::Json => "json",
            Format::Text => "text",
        }
    }

    /// The file extension an export in this format gets.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html | Format::Fragment => "html",
            Format::MdYaml | Format::MdToml => "md",
            Format::Json => "json",
            Format::Text => "txt",
        }
    }

    /// What the window's export dialog calls it.
    pub fn label(self) -> &'static str {
        match self {
            Format::Html => "Web page (HTML)",
            Format::Fragment => "HTML fragment (for a CMS)",
            Format::MdYaml => "Markdown, YAML front matter (Hugo, Jekyll, Astro)",
            Format::MdToml => "Markdown, TOML front matter (Zola)",
            Format::Json => "JSON",
            Format::Text => "Plain text",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = crate::domain::error::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key = s.trim().to_ascii_lowercase().replace('_', "-");
        Format::ALL
            .into_iter()
            .find(|f| f.as_str() == key)
            .or(match key.as_str() {
                "md" | "markdown" | "yaml" => Some(Format::MdYaml),
                "toml" | "zola" => Some(Format::MdToml),
                "txt" => Some(Format::Text),
                _ => None,
            })
            .ok_or_else(|| {
                crate::domain::error::Error::invalid(
                    "format",
                    format!(
                        "{s:?} is not a format; use html, fragment, md-yaml, md-toml, json or text"
                    ),
                )
            })
    }
}

/// Everything an export is made from.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub article: &'a Article,
    pub site: &'a SiteSettings,
    pub corrections: &'a [Correction],
    pub revisions: u32,
    /// Front matter keys kept from an import, written back by Markdown.
    pub kept_front_matter: &'a Map<String, Value>,
}

impl Input<'_> {
    fn faq(&self) -> Vec<QuestionAnswer> {
        self.article.faq.iter().map(|f| f.pair()).collect()
    }

    /// The FAQ items that go into structured data, or none when the
    /// article or the site turned it off.
    fn structured_faq(&self) -> Vec<QuestionAnswer> {
        if !(self.article.faq_structured_data && self.site.faq_structured_data) {
            return Vec::new();
        }
        let faq = self.faq();
        let (kept, _) = validate::publishable(&faq);
        kept.into_iter().map(|i| faq[i].clone()).collect()
    }

    /// The article's address: its canonical URL, or its place under the
    /// site's address. `None` when neither is known.
    pub fn page_url(&self) -> Option<String> {
        if let Some(canonical) = web_address(&self.article.meta.canonical_url) {
            return Some(canonical);
        }
        let base = web_address(&self.site.base_url)?;
        if self.article.meta.slug.is_empty() {
            return None;
        }
        let slash = if base.ends_with('/') { "" } else { "/" };
        let url = format!("{base}{slash}{}/", self.article.meta.slug);
        // The slug is checked where it is stored; this keeps a bad one
        // from ever making the page's address something else.
        clean_url(&url, WEB_SCHEMES)
    }

    fn absolute(&self, url: &str) -> Option<String> {
        // Refused outright, not resolved against the site's address.
        let cleaned = clean_url(url, WEB_SCHEMES)?;
        if cleaned.is_empty() {
            return None;
        }
        if let Some(absolute) = web_address(&cleaned) {
            return Some(absolute);
        }
        // A path is joined as written: the url crate percent-encodes its
        // spaces (`my cover.jpg`), where removing them would change it.
        let base = url::Url::parse(&web_address(&self.site.base_url)?).ok()?;
        base.join(url.trim()).ok().map(|u| u.to_string())
    }
}

/// `url` cleaned by the URL rule, when it is then an absolute `http(s)`
/// address; `None` otherwise.
pub fn web_address(url: &str) -> Option<String> {
    let url = clean_url(url, WEB_SCHEMES)?;
    url::Url::parse(&url)
        .is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
        .then_some(url)
}

/// Warnings about an export a writer should see before publishing: FAQ
/// items left out of the structured data, and why.
pub fn warnings(input: &Input<'_>) -> Vec<String> {
    let (_, issues) = validate::publishable(&input.faq());
    let mut out: Vec<String> = issues.into_iter().map(|i| i.message).collect();
    if !out.is_empty() && input.article.faq_structured_data && input.site.faq_structured_data {
        out.push("Flagged FAQ items are left out of the FAQPage structured data.".to_owned());
    }
    out
}

pub fn export(format: Format, input: &Input<'_>) -> String {
    match format {
        Format::Html => page(input),
        Format::Fragment => fragment(input),
        Format::MdYaml => markdown(input, Dialect::Yaml),
        Format::MdToml => markdown(input, Dialect::Toml),
        Format::Json => json(input),
        Format::Text => text(input),
    }
}

/// The article's content as HTML: body, FAQ section, Updates.
pub fn fragment(input: &Input<'_>) -> String {
    let typography = Typography::of(input.site);
    let mut html = render_set(&input.article.body, typography);
    html.push_str(&crate::transform::render::faq_html(
        &input.faq(),
        &input.site.faq_heading,
        crate::transform::render::Images::AsPublished,
        typography,
    ));
    html.push_str(&crate::transform::render::updates_html(input.corrections));
    html
}

/// A standalone page: head with description, canonical link, Open Graph,
/// Twitter and JSON-LD; the site's stylesheet; the article with its
/// header, FAQ, boilerplate and Updates.
pub fn page(input: &Input<'_>) -> String {
    let a = input.article;
    let site = input.site;
    let title = if a.meta.title.trim().is_empty() {
        UNTITLED
    } else {
        a.meta.title.as_str()
    };
    let description = if a.meta.meta_description.is_empty() {
        &a.meta.dek
    } else {
        &a.meta.meta_description
    };
    let url = input.page_url();
    let image = input.absolute(&a.meta.featured_image);
    let mut head = String::new();
    let mut meta = |attr: &str, name: &str, content: &str| {
        if !content.is_empty() {
            head.push_str(&format!(
                "<meta {attr}=\"{}\" content=\"{}\">\n",
                escape(name),
                escape(content)
            ));
        }
    };
    meta("name", "description", description);
    meta("name", "author", &authors(input).join(", "));
    meta("property", "og:type", "article");
    meta("property", "og:title", title);
    meta("property", "og:description", description);
    meta("property", "og:site_name", &site.name);
    meta("property", "og:url", url.as_deref().unwrap_or(""));
    meta("property", "og:image", image.as_deref().unwrap_or(""));
    if let Some(at) = a.meta.publish_at {
        meta(
            "property",
            "article:published_time",
            &at.to_rfc3339_opts(SecondsFormat::Secs, true),
        );
    }
    meta(
        "property",
        "article:modified_time",
        &a.updated_at.to_rfc3339_opts(SecondsFormat::Secs, true),
    );
    for tag in &a.meta.tags {
        meta("property", "article:tag", tag);
    }
    meta(
        "name",
        "twitter:card",
        if image.is_some() {
            "summary_large_image"
        } else {
            "summary"
        },
    );
    meta("name", "twitter:title", title);
    meta("name", "twitter:description", description);
    meta("name", "twitter:image", image.as_deref().unwrap_or(""));
    if let Some(url) = &url {
        head.push_str(&format!(
            "<link rel=\"canonical\" href=\"{}\">\n",
            escape(url)
        ));
    }
    let faq = input.structured_faq();
    let graph = crate::transform::jsonld::graph(&crate::transform::jsonld::PageData {
        article: a,
        site,
        faq: &faq,
        faq_enabled: !faq.is_empty(),
    });
    head.push_str(&crate::transform::jsonld::script_element(&graph));
    head.push('\n');

    let page_title = if site.name.is_empty() {
        escape(title)
    } else {
        format!("{} — {}", escape(title), escape(&site.name))
    };
    let header = header(input, crate::transform::render::Images::AsPublished);

    let typography = Typography::of(site);
    let mut body = render_set(&a.body, typography);
    body.push_str(&crate::transform::render::faq_html(
        &input.faq(),
        &site.faq_heading,
        crate::transform::render::Images::AsPublished,
        typography,
    ));
    body.push_str(&boilerplate(site));
    body.push_str(&crate::transform::render::updates_html(input.corrections));
    let footer = if site.footer.is_empty() {
        String::new()
    } else {
        format!(
            "<footer class=\"byline-footer\">\n{}</footer>\n",
            render_set(&site.footer, typography)
        )
    };
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <title>{page_title}</title>\n{head}<style>\n{css}{PAGE_CSS}</style>\n</head>\n<body>\n\
         <main>\n<article class=\"byline-article\">\n{header}{body}</article>\n</main>\n{footer}</body>\n</html>\n",
        lang = escape(if site.language.is_empty() { "en" } else { &site.language }),
        css = ARTICLE_CSS,
    )
}

/// The page's header (headline, dek, credit, featured image), as the page
/// writes it; the preview shows the same with `Images::InWindow`.
pub fn header(input: &Input<'_>, images: crate::transform::render::Images<'_>) -> String {
    let a = input.article;
    let names = authors(input);
    crate::transform::render::header::header_html(
        &crate::transform::render::header::Header {
            title: &a.meta.title,
            dek: &a.meta.dek,
            authors: &names,
            publish_at: a.meta.publish_at,
            featured_image: &a.meta.featured_image,
        },
        images,
    )
}

/// What the page adds around the article stylesheet.
const PAGE_CSS: &str = "
:root { color-scheme: light dark; }
body { margin: 0; padding: 3rem 1.25rem 4rem; background: light-dark(#fdfcfa, #1b1a18); }
.byline-article .byline-share, .byline-article .byline-newsletter { margin: 2.5em 0 0; padding: 1em 1.2em; border: 1px solid var(--article-rule); border-radius: 8px; }
.byline-footer { max-width: 70ch; margin: 4em auto 0; font-family: system-ui, sans-serif; font-size: 0.85em; color: light-dark(#5f6368, #a9a59c); }
";

/// The site's share prompt and newsletter box, added at export time.
pub fn boilerplate(site: &SiteSettings) -> String {
    let mut html = String::new();
    for (class, markdown) in [
        ("byline-share", &site.share_prompt),
        ("byline-newsletter", &site.newsletter),
    ] {
        if !markdown.trim().is_empty() {
            html.push_str(&format!(
                "<aside class=\"{class}\">\n{}</aside>\n",
                render_set(markdown, Typography::of(site))
            ));
        }
    }
    html
}

/// The Article/FAQPage JSON-LD as the page's head carries it, as a
/// `<script>` element (publishing sends the same).
pub fn json_ld_script(input: &Input<'_>) -> String {
    let faq = input.structured_faq();
    crate::transform::jsonld::script_element(&crate::transform::jsonld::graph(
        &crate::transform::jsonld::PageData {
            article: input.article,
            site: input.site,
            faq: &faq,
            faq_enabled: !faq.is_empty(),
        },
    ))
}

/// The names an article is credited to: its authors, or else the site's
/// default author.
pub fn credited_authors(input: &Input<'_>) -> Vec<String> {
    authors(input)
}

fn authors(input: &Input<'_>) -> Vec<String> {
    if input.article.meta.authors.is_empty() && !input.site.default_author.is_empty() {
        vec![input.site.default_author.clone()]
    } else {
        input.article.meta.authors.clone()
    }
}

pub fn markdown(input: &Input<'_>, dialect: Dialect) -> String {
    Post::from_article(input.article, input.kept_front_matter).to_markdown(dialect)
}

#[derive(Serialize)]
struct JsonFaq<'a> {
    question: &'a str,
    answer: &'a str,
    answer_html: String,
}

#[derive(Serialize)]
struct JsonCorrection<'a> {
    at: String,
    note: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    edited_at: Option<String>,
}

#[derive(Serialize)]
struct JsonArticle<'a> {
    title: &'a str,
    dek: &'a str,
    slug: &'a str,
    url: Option<String>,
    status: &'a str,
    authors: Vec<String>,
    tags: &'a [String],
    description: &'a str,
    canonical_url: String,
    featured_image: String,
    publish_at: Option<String>,
    created_at: String,
    updated_at: String,
    words: u32,
    body_markdown: &'a str,
    body_html: String,
    faq: Vec<JsonFaq<'a>>,
    faq_structured_data: bool,
    updates: Vec<JsonCorrection<'a>>,
    revision_count: u32,
    front_matter: &'a Map<String, Value>,
    json_ld: Value,
}

pub fn json(input: &Input<'_>) -> String {
    let a = input.article;
    let time = |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(SecondsFormat::Secs, true);
    let faq = input.structured_faq();
    let typography = Typography::of(input.site);
    let doc = JsonArticle {
        title: &a.meta.title,
        dek: &a.meta.dek,
        slug: &a.meta.slug,
        url: input.page_url(),
        status: a.status.as_str(),
        authors: authors(input),
        tags: &a.meta.tags,
        description: &a.meta.meta_description,
        // The fields as stored, unless the URL rule refuses them: then
        // empty, like every address an export would otherwise write.
        canonical_url: crate::domain::url::accepted(&a.meta.canonical_url),
        featured_image: crate::domain::url::accepted(&a.meta.featured_image),
        publish_at: a.meta.publish_at.map(time),
        created_at: time(a.created_at),
        updated_at: time(a.updated_at),
        words: a.words,
        body_markdown: &a.body,
        body_html: render_set(&a.body, typography),
        faq: a
            .faq
            .iter()
            .map(|f| JsonFaq {
                question: &f.question,
                answer: &f.answer,
                answer_html: render_set(&f.answer, typography),
            })
            .collect(),
        faq_structured_data: a.faq_structured_data,
        updates: input
            .corrections
            .iter()
            .map(|c| JsonCorrection {
                at: time(c.at),
                note: &c.note,
                edited_at: c.edited_at.map(time),
            })
            .collect(),
        revision_count: input.revisions,
        front_matter: input.kept_front_matter,
        json_ld: crate::transform::jsonld::graph(&crate::transform::jsonld::PageData {
            article: a,
            site: input.site,
            faq: &faq,
            faq_enabled: !faq.is_empty(),
        }),
    };
    let mut out = serde_json::to_string_pretty(&doc).expect("an export serialises");
    out.push('\n');
    out
}

/// The library images (`assets/<file>`) a piece of Markdown shows, by
/// file name, for exports that ship them beside the page.
pub fn referenced_assets(markdown: &str) -> Vec<String> {
    let prefix = format!("{}/", crate::domain::asset::ASSET_DIR);
    let mut out: Vec<String> = Vec::new();
    let mut rest = markdown;
    while let Some(at) = rest.find(&prefix) {
        let after = &rest[at + prefix.len()..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
            .collect();
        let name = name.trim_end_matches('.').to_owned();
        if name.contains('.') && !out.contains(&name) {
            out.push(name);
        }
        rest = after;
    }
    out
}

pub mod site_pages;
mod text;
pub use text::{plain_text, text};

#[cfg(test)]
mod tests;
