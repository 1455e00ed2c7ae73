//! Publishing secrets in the system keyring (the `keyring` crate: the
//! Secret Service over D-Bus on Linux, Keychain on macOS, the Credential
//! Manager on Windows), behind the core's `Secrets`. Secrets are kept here
//! and nowhere else: never in the library, never sent to the window. With
//! no keyring there is no fallback file; the error says what to start.

use byline_core::domain::publishing::KEYRING_SERVICE;
use byline_core::usecases::accounts::Secrets;
use byline_core::Error;

pub struct Keyring;

fn entry(account: &str, key: &str, action: &'static str) -> Result<keyring::Entry, Error> {
    keyring::Entry::new(KEYRING_SERVICE, key).map_err(|err| unavailable(account, action, &err))
}

/// The keyring's own words, with why the store could not start when that
/// is the reason (its first failure is what names the missing service).
fn unavailable(account: &str, action: &'static str, err: &keyring::Error) -> Error {
    let detail = match (err, keyring::Entry::store_status()) {
        (keyring::Error::NoDefaultStore, Err(why)) => why.to_string(),
        _ => err.to_string(),
    };
    Error::KeyringUnavailable {
        account: account.to_owned(),
        action,
        detail: detail.replace('\n', " "),
    }
}

impl Secrets for Keyring {
    fn store(&self, account: &str, key: &str, secret: &str) -> Result<(), Error> {
        entry(account, key, "kept")?
            .set_password(secret)
            .map_err(|err| unavailable(account, "kept", &err))
    }

    fn read(&self, account: &str, key: &str) -> Result<String, Error> {
        match entry(account, key, "read")?.get_password() {
            Ok(secret) => Ok(secret),
            Err(keyring::Error::NoEntry) => Err(Error::SecretMissing(account.to_owned())),
            Err(err) => Err(unavailable(account, "read", &err)),
        }
    }

    fn forget(&self, account: &str, key: &str) -> Result<(), Error> {
        match entry(account, key, "removed")?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(err) => Err(unavailable(account, "removed", &err)),
        }
    }
}
