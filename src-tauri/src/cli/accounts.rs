//! `accounts` (list, add, remove): the sites `byline publish` sends to.
//! The secret is read from standard input (asked for without echo at a
//! terminal), never from an argument that `ps` or a shell history shows,
//! and goes to the system keyring (`crate::secrets`).

use std::io::{BufRead, IsTerminal};

use anyhow::{Context as _, Result};
use byline_core::domain::publishing::{Account, AccountKind, NewAccount};
use byline_core::usecases::accounts;
use clap::{Args, Subcommand};

use super::context::Context;
use super::display::local_time;
use crate::secrets::Keyring;

#[derive(Debug, Args)]
pub struct AccountsArgs {
    #[command(subcommand)]
    action: Option<AccountsAction>,
}

#[derive(Debug, Subcommand)]
enum AccountsAction {
    /// List the accounts (name, kind, site, user); the default.
    List {
        /// Print the list as JSON (name, kind, site, user, added_at).
        #[arg(long)]
        json: bool,
    },
    /// Add an account. Its secret (Ghost: the Admin API key; WordPress: an
    /// application password; Micropub: an access token) is read from
    /// standard input and kept in the system keyring, never in the library.
    Add {
        /// The name `byline publish --to` takes.
        name: String,
        /// ghost, wordpress or micropub.
        #[arg(long)]
        kind: AccountKind,
        /// The site's address (https://example.com). For Micropub, the
        /// site's home page (its endpoint is found from its
        /// rel="micropub" link) or the endpoint's own address.
        #[arg(long)]
        site: String,
        /// The WordPress user the application password belongs to.
        #[arg(long, default_value = "")]
        user: String,
        /// WordPress: open the site's approval page in the browser (signed
        /// in as the user, approve Byline there), then paste the password
        /// it shows; Byline tries it on the site before keeping it.
        #[arg(long)]
        approve: bool,
    },
    /// Remove an account and forget its secret.
    Remove { name: String },
}

pub fn accounts(context: &Context, args: AccountsArgs) -> Result<()> {
    match args.action.unwrap_or(AccountsAction::List { json: false }) {
        AccountsAction::List { json } => list(context, json),
        AccountsAction::Add {
            name,
            kind,
            site,
            user,
            approve,
        } => add(
            context,
            NewAccount {
                name,
                kind,
                site,
                user,
            },
            approve,
        ),
        AccountsAction::Remove { name } => {
            let mut library = context.library()?;
            let removed = accounts::remove(&mut library, &Keyring, &name)?;
            println!("Removed {} and forgot its secret.", removed.name);
            Ok(())
        }
    }
}

fn describe(account: &Account) -> String {
    let who = if account.user.is_empty() {
        String::new()
    } else {
        format!("  as {}", account.user)
    };
    format!(
        "{}  {}  {}{}  (added {})",
        account.name,
        account.kind.label(),
        account.site,
        who,
        local_time(&account.added_at)
    )
}

fn list(context: &Context, json: bool) -> Result<()> {
    let all = context.library()?.accounts()?;
    if json {
        println!("{}", serde_json::to_string_pretty(&all)?);
    } else if all.is_empty() {
        println!("No publishing accounts; add one with `byline accounts add`.");
    } else {
        for account in &all {
            println!("{}", describe(account));
        }
    }
    Ok(())
}

fn add(context: &Context, new: NewAccount, approve: bool) -> Result<()> {
    let mut library = context.library()?;
    // Refuse a clash or a bad address before asking for the secret.
    let new = library.check_new_account(&new)?;
    if approve {
        return add_approved(library, new);
    }
    let secret = read_secret(new.kind)?;
    // A Micropub site's endpoint is found from its page, and the token
    // tried there, before anything is kept.
    let given = new.site.clone();
    let new = crate::publishing::prepare_account(new, secret.trim())?;
    if new.site != given {
        println!("Found the Micropub endpoint {} on {given}.", new.site);
    }
    let account = accounts::add(&mut library, &Keyring, &new, &secret)?;
    println!(
        "Added {}; its {} is in the system keyring.",
        describe(&account),
        account.kind.secret_label()
    );
    Ok(())
}

/// WordPress's browser approval: the approval page opened in the browser,
/// the password it shows pasted back, tried on the site, then kept.
fn add_approved(mut library: byline_core::Library, new: NewAccount) -> Result<()> {
    if new.kind != AccountKind::Wordpress {
        anyhow::bail!(
            "--approve is for WordPress accounts; a {} account takes its {} on standard input",
            new.kind.label(),
            new.kind.secret_label()
        );
    }
    let url = crate::publishing::wordpress::approval_url(&new.site);
    println!(
        "Approve Byline on {} (signed in as {}): {url}",
        new.site, new.user
    );
    if let Err(err) = crate::navigation::open_link(&url) {
        println!("({err}; open the address yourself.)");
    }
    println!("Then paste the application password WordPress shows.");
    let secret = read_secret(new.kind)?;
    crate::publishing::verify_wordpress(&new, &secret)?;
    let account = accounts::add(&mut library, &Keyring, &new, &secret)?;
    println!(
        "Added {}; the site accepted its application password, which is in the system keyring.",
        describe(&account)
    );
    Ok(())
}

/// One line from standard input, or typed without echo at a terminal.
fn read_secret(kind: AccountKind) -> Result<String> {
    if std::io::stdin().is_terminal() {
        return rpassword::prompt_password(format!("{} (not shown): ", kind.secret_label()))
            .context("cannot read the secret from the terminal");
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("cannot read the secret from standard input")?;
    Ok(line)
}
