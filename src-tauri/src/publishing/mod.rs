//! Publishing at run time: the account's secret from the keyring, and the
//! client for its kind of site. The rules (what is sent, updates, conflict
//! checks, what is remembered) are the core's `usecases::publish`.

pub mod ghost;
pub mod http;
pub mod wordpress;

use byline_core::domain::publishing::{Account, AccountKind};
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
        AccountKind::Ghost => Ok(Box::new(ghost::Ghost::new(
            account.clone(),
            secret,
            http::Http::new(),
        )?)),
        kind => Err(Error::invalid(
            "account",
            format!(
                "{:?} is a {} account, and this Byline publishes to WordPress and Ghost only so far",
                account.name,
                kind.label()
            ),
        )),
    }
}
