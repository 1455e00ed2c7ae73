//! `publish` and `unpublish`: an article sent to a publishing account
//! (`byline accounts`), updated in place the next time, and never over an
//! edit made on the site unless `--overwrite` says so. The rules are the
//! core's (`usecases::publish`); the site's client is `crate::publishing`.

use anyhow::Result;
use byline_core::domain::error::ErrorCode;
use byline_core::domain::publication::PublishStatus;
use byline_core::transform::diff::DiffKind;
use byline_core::usecases::accounts;
use byline_core::usecases::publish::pull::{self, SiteVersion};
use byline_core::usecases::publish::{self, Outcome, PublishOptions};
use clap::Args;

use super::context::Context;
use crate::secrets::Keyring;

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// The article's slug or number.
    article: String,
    /// The publishing account (as `byline accounts` lists it).
    #[arg(long = "to", value_name = "ACCOUNT")]
    account: String,
    /// draft, published, or scheduled (at the article's publish date).
    #[arg(long, default_value = "draft")]
    status: PublishStatus,
    /// Send even though the post was edited on the site since Byline last
    /// sent it (those edits are replaced).
    #[arg(long)]
    overwrite: bool,
    /// Print what would be sent, as JSON, and send nothing.
    #[arg(long, conflicts_with = "overwrite")]
    preview: bool,
    /// Show how the site's copy differs from the article, and send nothing.
    #[arg(long, conflicts_with_all = ["overwrite", "preview"])]
    compare: bool,
    /// Take the site's text (title and body, edited there) into the
    /// article as a new revision, and send nothing; the next publish
    /// updates the post from it.
    #[arg(long, conflicts_with_all = ["overwrite", "preview", "compare"])]
    pull: bool,
}

#[derive(Debug, Args)]
pub struct UnpublishArgs {
    article: String,
    /// The publishing account it was published to.
    #[arg(long = "from", value_name = "ACCOUNT")]
    account: String,
    /// Unpublish even though the post was edited on the site.
    #[arg(long)]
    overwrite: bool,
}

pub fn publish(context: &Context, args: PublishArgs) -> Result<()> {
    let (mut library, article) = context.article(&args.article)?;
    if args.preview {
        let post = publish::preview(&library, article.id, args.status)?;
        println!("{}", serde_json::to_string_pretty(&post)?);
        return Ok(());
    }
    let (account, secret) = accounts::with_secret(&library, &Keyring, &args.account)?;
    let mut site = crate::publishing::publisher_for(&account, &secret)?;
    if args.compare {
        let version = pull::site_version(&library, site.as_mut(), &account, article.id)?;
        print_comparison(&version);
        return Ok(());
    }
    if args.pull {
        let pulled = pull::pull(&mut library, site.as_mut(), &account, article.id)?;
        if pulled.changed {
            println!(
                "Pulled the site's text from {} into {:?} as a new revision; publish again to update the post from it",
                account.name, pulled.article.meta.title
            );
        } else {
            println!(
                "The article already says what {} has; its version is remembered",
                account.name
            );
        }
        return Ok(());
    }
    let options = PublishOptions {
        status: args.status,
        overwrite: args.overwrite,
    };
    let done = publish::publish(&mut library, site.as_mut(), &account, article.id, options)
        .map_err(|err| conflict_hint(err, &args.article, &account.name))?;
    let p = &done.publication;
    let images = match done.images_uploaded {
        0 => String::new(),
        1 => ", 1 image uploaded".to_owned(),
        n => format!(", {n} images uploaded"),
    };
    match done.outcome {
        Outcome::Created => println!(
            "Published to {} as {}{images}: {}",
            account.name, p.status, p.url
        ),
        Outcome::Updated => println!(
            "Updated on {} ({}){images}: {}",
            account.name, p.status, p.url
        ),
        Outcome::Unchanged => println!("Already up to date on {}: {}", account.name, p.url),
        Outcome::Unpublished => unreachable!("publish never unpublishes"),
    }
    Ok(())
}

pub fn unpublish(context: &Context, args: UnpublishArgs) -> Result<()> {
    let (mut library, article) = context.article(&args.article)?;
    let (account, secret) = accounts::with_secret(&library, &Keyring, &args.account)?;
    let mut site = crate::publishing::publisher_for(&account, &secret)?;
    let done = publish::unpublish(
        &mut library,
        site.as_mut(),
        &account,
        article.id,
        args.overwrite,
    )?;
    println!(
        "Back to a draft on {}: {}",
        account.name, done.publication.url
    );
    Ok(())
}

/// A conflict says which flags resolve it.
fn conflict_hint(err: byline_core::Error, article: &str, account: &str) -> anyhow::Error {
    if err.code() == ErrorCode::RemoteChanged {
        anyhow::anyhow!(
            "{err}. `byline publish {article} --to {account:?} --compare` shows the difference; --pull takes the site's text in as a new revision; --overwrite replaces it"
        )
    } else {
        err.into()
    }
}

/// The site's copy against the article: changed fields, then the body's
/// changes word by word ([-removed-] {+added+}).
fn print_comparison(version: &SiteVersion) {
    let c = &version.comparison;
    if c.fields.is_empty() && c.body.iter().all(|s| s.kind == DiffKind::Same) {
        println!(
            "The site's copy on {} says what the article says",
            version.account
        );
        return;
    }
    println!(
        "The site's copy on {} against the article: {} words added there, {} removed",
        version.account, c.words_added, c.words_removed
    );
    for field in &c.fields {
        println!(
            "{}: {:?} on the site, {:?} here",
            field.field, field.after, field.before
        );
    }
    let mut body = String::new();
    for span in &c.body {
        match span.kind {
            DiffKind::Same => body.push_str(&span.text),
            DiffKind::Removed => body.push_str(&format!("[-{}-]", span.text)),
            DiffKind::Added => body.push_str(&format!("{{+{}+}}", span.text)),
        }
    }
    println!("{body}");
}
