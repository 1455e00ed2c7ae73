//! When a post was edited on the site: the site's text beside the
//! article's (what changed, as the history shows revisions), and pulling
//! it in as a new revision of the article, after which the publication
//! remembers the site's version, so the next Publish is an update of that
//! text, not a conflict.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use super::{with_input, Publisher};
use crate::domain::article::{Article, ArticleField, ArticleId};
use crate::domain::error::{Error, Result};
use crate::domain::hash::sha256_hex;
use crate::domain::publication::{Publication, RemotePost};
use crate::domain::publishing::Account;
use crate::domain::revision::{RevisionKind, RevisionState};
use crate::library::Library;
use crate::transform::diff::{compare, Comparison};
use crate::transform::{incoming, outgoing};

/// The site's copy of a published article, against the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SiteVersion {
    pub account: String,
    /// The title on the site (the article's when the site does not say).
    pub title: String,
    /// The site's body as Markdown.
    pub body: String,
    /// From the article (before) to the site's copy (after).
    pub comparison: Comparison,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Pulled {
    pub article: Article,
    pub publication: Publication,
    /// False when the article already said what the site says (only the
    /// site's version was remembered).
    pub changed: bool,
}

/// What the site has now, and how it differs from the article.
pub fn site_version(
    library: &Library,
    site: &mut dyn Publisher,
    account: &Account,
    id: ArticleId,
) -> Result<SiteVersion> {
    Ok(read_site(library, site, account, id)?.0)
}

/// Takes the site's title and body into the article as a new revision
/// labelled as from the site (the article as it was is kept in the history
/// first), and remembers the site's version so the next Publish updates
/// the post without calling it a conflict.
pub fn pull(
    library: &mut Library,
    site: &mut dyn Publisher,
    account: &Account,
    id: ArticleId,
) -> Result<Pulled> {
    let (version, remote, previous) = read_site(library, site, account, id)?;
    let article = library.article(id)?;
    let changed = version.title != article.meta.title || version.body != article.body;
    if changed {
        library.record_revision(
            id,
            RevisionKind::BeforeRestore,
            Some(&format!("before pulling the text of {}", account.name)),
        )?;
        if version.body != article.body {
            library.save_body(id, &version.body)?;
        }
        if version.title != article.meta.title {
            library.set_field(id, ArticleField::Title, &version.title)?;
            // The post's address stays as it is on the site: a slug that
            // followed the title is put back.
            if library.article(id)?.meta.slug != article.meta.slug {
                library.set_field(id, ArticleField::Slug, &article.meta.slug)?;
            }
        }
        library.record_revision(
            id,
            RevisionKind::ExternalEdit,
            Some(&format!("pulled from {}", account.name)),
        )?;
    }
    let publication = Publication {
        remote_version: remote.version.clone(),
        remote_hash: sha256_hex(remote.content.as_bytes()),
        status: remote.status,
        url: if remote.url.is_empty() {
            previous.url.clone()
        } else {
            remote.url.clone()
        },
        ..previous
    };
    library.write(|tx| crate::library::publications::put(tx, &publication))?;
    Ok(Pulled {
        article: library.article(id)?,
        publication: library
            .publication(id, &account.name)?
            .unwrap_or(publication),
        changed,
    })
}

fn read_site(
    library: &Library,
    site: &mut dyn Publisher,
    account: &Account,
    id: ArticleId,
) -> Result<(SiteVersion, RemotePost, Publication)> {
    let article = library.article(id)?;
    let Some(previous) = library.publication(id, &account.name)? else {
        return Err(Error::invalid(
            "article",
            format!(
                "{:?} is not published to {:?}, so there is no copy on the site to compare",
                article.meta.title, account.name
            ),
        ));
    };
    let (remote, title) = site.fetch_with_title(&previous.remote_id)?;
    let body = incoming::site_markdown(&remote.content, &uploaded_images(library, account, id)?)?;
    let title = title
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| article.meta.title.clone());
    let before = RevisionState::from(&article);
    let mut after = before.clone();
    after.meta.title = title.clone();
    after.body = body.clone();
    let version = SiteVersion {
        account: account.name.clone(),
        title,
        body,
        comparison: compare(&before, &after),
    };
    Ok((version, remote, previous))
}

/// The article's images that were uploaded to the account: their address
/// on the site → their library path.
fn uploaded_images(
    library: &Library,
    account: &Account,
    id: ArticleId,
) -> Result<BTreeMap<String, String>> {
    let names = with_input(library, id, |input| Ok(outgoing::images(input)))?;
    let mut images = BTreeMap::new();
    for name in names {
        let Some(asset) = library.asset(&name)? else {
            continue;
        };
        if let Some(media) = library.published_media(&account.name, &sha256_hex(&asset.bytes))? {
            images.insert(
                media.url,
                format!("{}/{name}", crate::domain::asset::ASSET_DIR),
            );
        }
    }
    Ok(images)
}
