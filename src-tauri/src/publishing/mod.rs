//! Publishing at run time: the account's secret from the keyring, and the
//! client for its kind of site. The rules (what is sent, updates, conflict
//! checks, what is remembered) are the core's `usecases::publish`.

pub mod discovery;
pub mod ghost;
pub mod http;
pub mod micropub;
pub mod wordpress;

use byline_core::domain::publishing::{Account, AccountKind, NewAccount};
use byline_core::usecases::publish::Publisher;
use byline_core::Error;

/// The client for the account's site.
pub fn publisher_for(account: &Account, secret: &str) -> Result<Box<dyn Publisher>, Error> {
    match account.kind {
        AccountKind::Wordpress => Ok(Box::new(wordpress::WordPress::new(
            account.clone(),
            secret,
            http::Http::new(),
        ))),
        AccountKind::Micropub => Ok(Box::new(micropub::Micropub::new(
            account.clone(),
            secret,
            http::Http::new(),
        ))),
        AccountKind::Ghost => Ok(Box::new(ghost::Ghost::new(
            account.clone(),
            secret,
            http::Http::new(),
        )?)),
    }
}

/// The account as it will be kept, checked against its site before its
/// secret goes to the keyring. A Micropub account may be given the site's
/// home page: its endpoint is found there (`discovery`) and kept instead,
/// and the token is tried on it (`q=config`), so a wrong address or token
/// is said at once rather than at the first publish.
pub fn prepare_account(new: NewAccount, secret: &str) -> Result<NewAccount, Error> {
    match new.kind {
        AccountKind::Micropub => {
            keyring_ready(&new.name)?;
            let site = new.site.trim().to_owned();
            let endpoint = micropub::find_endpoint(http::Http::new(), &new.name, &site, secret)?;
            Ok(NewAccount {
                site: endpoint,
                ..new
            })
        }
        _ => Ok(new),
    }
}

/// Whether the keyring can keep a secret, asked before the site is: a
/// writer without one hears that first, not after a network round trip.
fn keyring_ready(account: &str) -> Result<(), Error> {
    use byline_core::usecases::accounts::Secrets;
    match crate::secrets::Keyring.read(account, "byline:keyring-probe") {
        Err(Error::KeyringUnavailable {
            account, detail, ..
        }) => Err(Error::KeyringUnavailable {
            account,
            action: "kept",
            detail,
        }),
        _ => Ok(()),
    }
}

/// A WordPress account whose password the writer got from the approval
/// page (`wordpress::approval_url`): the password is tried on the site
/// (`/wp/v2/users/me`) before anything is kept.
pub fn verify_wordpress(new: &NewAccount, password: &str) -> Result<(), Error> {
    let account = Account {
        name: new.name.clone(),
        kind: new.kind,
        site: new.site.clone(),
        user: new.user.clone(),
        added_at: chrono::Utc::now(),
    };
    wordpress::WordPress::new(account, password.trim(), http::Http::new()).verify()
}
