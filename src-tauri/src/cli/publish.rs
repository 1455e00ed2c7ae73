//! `publish` and `unpublish`: an article sent to a publishing account
//! (`byline accounts`), updated in place the next time, and never over an
//! edit made on the site unless `--overwrite` says so. The rules are the
//! core's (`usecases::publish`); the site's client is `crate::publishing`.

use anyhow::Result;
use byline_core::domain::publication::PublishStatus;
use byline_core::usecases::accounts;
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
    let options = PublishOptions {
        status: args.status,
        overwrite: args.overwrite,
    };
    let done = publish::publish(&mut library, site.as_mut(), &account, article.id, options)?;
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
