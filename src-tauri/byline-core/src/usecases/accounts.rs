//! Adding and removing publishing accounts: the row in the library and the
//! secret in the keyring, kept in step. The keyring itself is the app's
//! (`src-tauri/src/secrets.rs`, the `keyring` crate); the core sees it only
//! through [`Secrets`], so it stays free of D-Bus and its rules can be
//! tested with a store that fails on demand.

use crate::domain::error::{Error, Result};
use crate::domain::publishing::{check_secret, keyring_user, Account, NewAccount};
use crate::library::Library;

/// Where secrets are kept, by the keyring user `Account::keyring_user`
/// names. Implementations turn their failures into `Error`s naming the
/// account (`KeyringUnavailable`, `SecretMissing`).
pub trait Secrets {
    fn store(&self, account: &str, key: &str, secret: &str) -> Result<()>;
    fn read(&self, account: &str, key: &str) -> Result<String>;
    /// Forgets the secret; one already gone is not an error.
    fn forget(&self, account: &str, key: &str) -> Result<()>;
}

/// Adds the account: its rules and clashes are checked first, then the
/// secret is put in the keyring, then the row is written. A keyring that
/// refuses leaves the library untouched; a library that refuses takes the
/// secret back out.
pub fn add(
    library: &mut Library,
    secrets: &dyn Secrets,
    new: &NewAccount,
    secret: &str,
) -> Result<Account> {
    let new = library.check_new_account(new)?;
    let secret = check_secret(new.kind, secret)?;
    let key = keyring_user(new.kind, &new.user, &new.site);
    secrets.store(&new.name, &key, &secret)?;
    match library.add_account(&new) {
        Ok(account) => Ok(account),
        Err(err) => {
            // Best effort: the row is what makes the secret reachable.
            let _ = secrets.forget(&new.name, &key);
            Err(err)
        }
    }
}

/// Removes the account: the secret first, so a keyring that cannot be
/// reached leaves the account listed (and removable later) rather than a
/// secret no list shows.
pub fn remove(library: &mut Library, secrets: &dyn Secrets, name: &str) -> Result<Account> {
    let account = library.account(name)?;
    secrets.forget(&account.name, &account.keyring_user())?;
    library.remove_account(&account.name)
}

/// The account and its secret, for a publish.
pub fn with_secret(
    library: &Library,
    secrets: &dyn Secrets,
    name: &str,
) -> Result<(Account, String)> {
    let account = library.account(name)?;
    let secret = secrets.read(&account.name, &account.keyring_user())?;
    Ok((account, secret))
}

/// A keyring kept in memory, for tests (the core's and the app's unit
/// tests); `broken` makes every call fail as a missing keyring does.
pub mod memory {
    use std::cell::RefCell;
    use std::collections::BTreeMap;

    use super::*;

    #[derive(Debug, Default)]
    pub struct MemorySecrets {
        pub entries: RefCell<BTreeMap<String, String>>,
        pub broken: bool,
    }

    impl MemorySecrets {
        fn check(&self, account: &str, action: &'static str) -> Result<()> {
            if self.broken {
                return Err(Error::KeyringUnavailable {
                    account: account.to_owned(),
                    action,
                    detail: "no keyring in this test".into(),
                });
            }
            Ok(())
        }
    }

    impl Secrets for MemorySecrets {
        fn store(&self, account: &str, key: &str, secret: &str) -> Result<()> {
            self.check(account, "kept")?;
            self.entries
                .borrow_mut()
                .insert(key.to_owned(), secret.to_owned());
            Ok(())
        }

        fn read(&self, account: &str, key: &str) -> Result<String> {
            self.check(account, "read")?;
            self.entries
                .borrow()
                .get(key)
                .cloned()
                .ok_or_else(|| Error::SecretMissing(account.to_owned()))
        }

        fn forget(&self, account: &str, key: &str) -> Result<()> {
            self.check(account, "removed")?;
            self.entries.borrow_mut().remove(key);
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::memory::MemorySecrets;
    use super::*;
    use crate::domain::publishing::AccountKind;

    fn library() -> (tempfile::TempDir, Library) {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path().join("l.byline")).unwrap();
        (dir, lib)
    }

    fn ghost(name: &str) -> NewAccount {
        NewAccount {
            name: name.into(),
            kind: AccountKind::Ghost,
            site: "https://news.example".into(),
            user: String::new(),
        }
    }

    fn key() -> String {
        format!("{}:{}", "6".repeat(24), "ab".repeat(32))
    }

    #[test]
    fn the_secret_goes_to_the_keyring_and_never_to_the_library() {
        let (dir, mut lib) = library();
        let secrets = MemorySecrets::default();
        let account = add(&mut lib, &secrets, &ghost("News"), &key()).unwrap();
        assert_eq!(
            secrets.entries.borrow().get("ghost:@https://news.example"),
            Some(&key())
        );
        assert_eq!(
            with_secret(&lib, &secrets, "News").unwrap(),
            (account, key())
        );
        drop(lib);
        // Not in the file, its WAL, or anything beside it.
        for entry in std::fs::read_dir(dir.path()).unwrap() {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            let needle = "ab".repeat(32);
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
                "the secret was written to the library's folder"
            );
        }
    }

    #[test]
    fn without_a_keyring_nothing_is_added() {
        let (_dir, mut lib) = library();
        let secrets = MemorySecrets {
            broken: true,
            ..Default::default()
        };
        let err = add(&mut lib, &secrets, &ghost("News"), &key()).unwrap_err();
        assert_eq!(err.code(), "keyring_unavailable");
        assert!(err.to_string().contains("\"News\""), "{err}");
        assert!(lib.accounts().unwrap().is_empty());
    }

    #[test]
    fn a_refused_account_or_secret_touches_neither_store() {
        let (_dir, mut lib) = library();
        let secrets = MemorySecrets::default();
        add(&mut lib, &secrets, &ghost("News"), &key()).unwrap();
        assert_eq!(
            add(&mut lib, &secrets, &ghost("news"), &key())
                .unwrap_err()
                .code(),
            "account_exists"
        );
        let elsewhere = NewAccount {
            site: "https://other.example".into(),
            ..ghost("Other")
        };
        assert_eq!(
            add(&mut lib, &secrets, &elsewhere, "not a key")
                .unwrap_err()
                .code(),
            "invalid_input"
        );
        // The same site and user under another name would share the secret.
        assert_eq!(
            add(&mut lib, &secrets, &ghost("Other"), &key())
                .unwrap_err()
                .code(),
            "account_exists"
        );
        assert_eq!(secrets.entries.borrow().len(), 1);
        assert_eq!(lib.accounts().unwrap().len(), 1);
    }

    #[test]
    fn removing_forgets_the_secret_and_a_missing_keyring_keeps_the_account() {
        let (_dir, mut lib) = library();
        let mut secrets = MemorySecrets::default();
        add(&mut lib, &secrets, &ghost("News"), &key()).unwrap();
        secrets.broken = true;
        assert_eq!(
            remove(&mut lib, &secrets, "News").unwrap_err().code(),
            "keyring_unavailable"
        );
        assert_eq!(lib.accounts().unwrap().len(), 1);
        secrets.broken = false;
        remove(&mut lib, &secrets, "News").unwrap();
        assert!(lib.accounts().unwrap().is_empty());
        assert!(secrets.entries.borrow().is_empty());
        assert_eq!(
            with_secret(&lib, &secrets, "News").unwrap_err().code(),
            "account_not_found"
        );
    }
}
