//! Publishing an article to an account: images uploaded once (by content
//! hash), the post created the first time and updated after (never a
//! duplicate), and before an update the site's copy checked against what
//! Byline last sent, so an edit made there is never written over unless
//! the writer says so.
//!
//! The sites' APIs are the app's (`src-tauri/src/publishing/`, reqwest):
//! the core sees a site only through [`Publisher`], so it stays free of
//! HTTP and its rules are tested with a site kept in memory.

use std::collections::BTreeMap;

use chrono::Utc;
use serde::Serialize;
use ts_rs::TS;

use crate::domain::article::ArticleId;
use crate::domain::error::{Error, Result};
use crate::domain::hash::sha256_hex;
use crate::domain::publication::{
    OutgoingPost, Publication, PublishStatus, RemoteMedia, RemotePost,
};
use crate::domain::publishing::Account;
use crate::domain::revision::{RevisionKind, RevisionState};
use crate::library::revisions::record;
use crate::library::Library;
use crate::transform::export::Input;
use crate::transform::outgoing;

/// One site's API, as one account reaches it. Errors name the account
/// (`CredentialsRefused`, `SiteUnreachable`, `PublishRefused`).
pub trait Publisher {
    fn upload_image(&mut self, file_name: &str, mime: &str, bytes: &[u8]) -> Result<RemoteMedia>;
    fn create(&mut self, post: &OutgoingPost) -> Result<RemotePost>;
    fn fetch(&mut self, remote_id: &str) -> Result<RemotePost>;
    fn update(&mut self, remote_id: &str, post: &OutgoingPost) -> Result<RemotePost>;
    /// Takes the post back to a draft on the site.
    fn unpublish(&mut self, remote_id: &str) -> Result<RemotePost>;
    /// The post and its title as the site has them now (to pull an edit
    /// made there); `None` when the site does not say the title.
    fn fetch_with_title(&mut self, remote_id: &str) -> Result<(RemotePost, Option<String>)> {
        Ok((self.fetch(remote_id)?, None))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Created,
    Updated,
    /// What would be sent is what was sent last; nothing was.
    Unchanged,
    Unpublished,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Published {
    pub outcome: Outcome,
    pub publication: Publication,
    /// Images uploaded by this publish (the others were already there).
    pub images_uploaded: u32,
}

#[derive(Debug, Clone, Copy)]
pub struct PublishOptions {
    pub status: PublishStatus,
    /// Send even though the post was edited on the site.
    pub overwrite: bool,
}

/// The post as it would be sent, images at their library paths (for a
/// preview: nothing is uploaded).
pub fn preview(library: &Library, id: ArticleId, status: PublishStatus) -> Result<OutgoingPost> {
    with_input(library, id, |input| {
        Ok(outgoing::post(input, status, &BTreeMap::new()))
    })
}

pub fn publish(
    library: &mut Library,
    site: &mut dyn Publisher,
    account: &Account,
    id: ArticleId,
    options: PublishOptions,
) -> Result<Published> {
    let article = library.article(id)?;
    if article.trashed_at.is_some() {
        return Err(Error::ArticleTrashed(id));
    }
    if options.status == PublishStatus::Scheduled
        && !article.meta.publish_at.is_some_and(|at| at > Utc::now())
    {
        return Err(Error::invalid(
            "publish date",
            "must be in the future to schedule a post; set it first (Details, or `byline set SLUG publish-date …`)",
        ));
    }
    let previous = library.publication(id, &account.name)?;
    if let Some(previous) = &previous {
        if !options.overwrite {
            check_unchanged(site, account, &article.meta.title, previous)?;
        }
    }

    // Upload what the site does not have yet; each upload is remembered at
    // once, as it is now on the site whatever happens next.
    let names = with_input(library, id, |input| Ok(outgoing::images(input)))?;
    let mut uploaded = BTreeMap::new();
    let mut images_uploaded = 0;
    for name in names {
        let Some(asset) = library.asset(&name)? else {
            return Err(Error::invalid(
                "image",
                format!("assets/{name} is shown by the article but is not in the library"),
            ));
        };
        let hash = sha256_hex(&asset.bytes);
        let media = match library.published_media(&account.name, &hash)? {
            Some(media) => media,
            None => {
                let media = site.upload_image(&name, asset.mime, &asset.bytes)?;
                library.remember_media(&account.name, &hash, &media)?;
                images_uploaded += 1;
                media
            }
        };
        uploaded.insert(name, media);
    }

    let post = with_input(library, id, |input| {
        Ok(outgoing::post(input, options.status, &uploaded))
    })?;
    let sent_hash = sha256_hex(
        serde_json::to_string(&post)
            .expect("a post serialises")
            .as_bytes(),
    );
    let (outcome, remote) = match &previous {
        Some(previous) if previous.sent_hash == sent_hash && !options.overwrite => {
            return Ok(Published {
                outcome: Outcome::Unchanged,
                publication: previous.clone(),
                images_uploaded,
            });
        }
        Some(previous) => (Outcome::Updated, site.update(&previous.remote_id, &post)?),
        None => (Outcome::Created, site.create(&post)?),
    };
    let publication = remember(library, account, id, &remote, sent_hash, outcome)?;
    Ok(Published {
        outcome,
        publication,
        images_uploaded,
    })
}

/// Takes the article back to a draft on the site (after the same check as
/// an update).
pub fn unpublish(
    library: &mut Library,
    site: &mut dyn Publisher,
    account: &Account,
    id: ArticleId,
    overwrite: bool,
) -> Result<Published> {
    let article = library.article(id)?;
    let Some(previous) = library.publication(id, &account.name)? else {
        return Err(Error::invalid(
            "article",
            format!(
                "{:?} is not published to {:?}, so there is nothing to unpublish",
                article.meta.title, account.name
            ),
        ));
    };
    if !overwrite {
        check_unchanged(site, account, &article.meta.title, &previous)?;
    }
    let remote = site.unpublish(&previous.remote_id)?;
    let publication = remember(
        library,
        account,
        id,
        &remote,
        previous.sent_hash.clone(),
        Outcome::Unpublished,
    )?;
    Ok(Published {
        outcome: Outcome::Unpublished,
        publication,
        images_uploaded: 0,
    })
}

/// The site's copy is the one Byline last wrote: same version stamp and
/// the same content. Either differing means an edit was made there.
fn check_unchanged(
    site: &mut dyn Publisher,
    account: &Account,
    title: &str,
    previous: &Publication,
) -> Result<()> {
    let remote = site.fetch(&previous.remote_id)?;
    let changed = if remote.version != previous.remote_version {
        Some(format!(
            "the site's copy is dated {}, Byline's last write {}",
            remote.version, previous.remote_version
        ))
    } else if sha256_hex(remote.content.as_bytes()) != previous.remote_hash {
        Some("its text differs from what Byline sent".to_owned())
    } else {
        None
    };
    match changed {
        Some(detail) => Err(Error::RemoteChanged {
            account: account.name.clone(),
            title: title.to_owned(),
            detail,
        }),
        None => Ok(()),
    }
}

/// The publication and a revision saying where it went, in one
/// transaction.
fn remember(
    library: &mut Library,
    account: &Account,
    id: ArticleId,
    remote: &RemotePost,
    sent_hash: String,
    outcome: Outcome,
) -> Result<Publication> {
    let article = library.article(id)?;
    let now = Utc::now();
    let publication = Publication {
        article: id,
        account: account.name.clone(),
        remote_id: remote.id.clone(),
        url: remote.url.clone(),
        status: remote.status,
        remote_version: remote.version.clone(),
        sent_hash,
        remote_hash: sha256_hex(remote.content.as_bytes()),
        sent_at: now,
    };
    let verb = match outcome {
        Outcome::Unpublished => "unpublished from",
        _ => "published to",
    };
    let label = format!("{verb} {} ({})", account.name, remote.status);
    library.write(|tx| {
        crate::library::publications::put(tx, &publication)?;
        record(
            tx,
            id,
            RevisionKind::Export,
            Some(&label),
            &RevisionState::from(&article),
            now,
        )?;
        Ok(())
    })?;
    Ok(library
        .publication(id, &account.name)?
        .unwrap_or(publication))
}

fn with_input<T>(
    library: &Library,
    id: ArticleId,
    make: impl FnOnce(&Input<'_>) -> Result<T>,
) -> Result<T> {
    let article = library.article(id)?;
    let site = library.site_settings()?;
    let corrections = library.corrections(id)?;
    let revisions = library.history(id)?.len() as u32;
    let kept = library.kept_front_matter(id)?;
    make(&Input {
        article: &article,
        site: &site,
        corrections: &corrections,
        revisions,
        kept_front_matter: &kept,
    })
}

pub mod pull;

#[cfg(test)]
mod tests;
