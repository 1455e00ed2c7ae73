//! Publishing accounts: the sites an article can be sent to (a Ghost site,
//! a WordPress site, a Micropub endpoint). What the library keeps of one is
//! public: a name, the kind, the site's address and the user. The secret
//! that opens it (Admin API key, application password, token) is never
//! here; the app keeps it in the system keyring under `keyring_user`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::error::{Error, Result};

/// A name a writer gives an account, as `--to NAME` takes it.
pub const MAX_ACCOUNT_NAME_CHARS: usize = 60;
/// Longer than any key, password or token these services issue; refuses a
/// pasted paragraph.
pub const MAX_SECRET_CHARS: usize = 4096;
const MAX_SITE_CHARS: usize = 2048;
const MAX_USER_CHARS: usize = 200;

/// The service every account's secret is filed under in the keyring.
pub const KEYRING_SERVICE: &str = "byline";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    Ghost,
    Wordpress,
    Micropub,
}

impl AccountKind {
    pub const ALL: [AccountKind; 3] = [
        AccountKind::Ghost,
        AccountKind::Wordpress,
        AccountKind::Micropub,
    ];

    /// The name stored in the library and used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            AccountKind::Ghost => "ghost",
            AccountKind::Wordpress => "wordpress",
            AccountKind::Micropub => "micropub",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AccountKind::Ghost => "Ghost",
            AccountKind::Wordpress => "WordPress",
            AccountKind::Micropub => "Micropub",
        }
    }

    /// What the secret is called on this kind of site, for prompts and
    /// messages.
    pub fn secret_label(self) -> &'static str {
        match self {
            AccountKind::Ghost => "Admin API key",
            AccountKind::Wordpress => "application password",
            AccountKind::Micropub => "access token",
        }
    }

    /// WordPress signs in as a user; Ghost's key and a Micropub token
    /// stand alone.
    pub fn needs_user(self) -> bool {
        self == AccountKind::Wordpress
    }
}

impl std::str::FromStr for AccountKind {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        let wanted = s.trim().to_ascii_lowercase();
        AccountKind::ALL
            .into_iter()
            .find(|k| k.as_str() == wanted)
            .ok_or_else(|| {
                Error::invalid(
                    "account kind",
                    format!("{s:?} is not one; use ghost, wordpress or micropub"),
                )
            })
    }
}

impl std::fmt::Display for AccountKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An account as a writer fills it in, before its rules are checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NewAccount {
    pub name: String,
    pub kind: AccountKind,
    /// The site's address (`https://example.com`), or the Micropub
    /// endpoint's.
    pub site: String,
    /// WordPress's user name; empty for the others.
    pub user: String,
}

/// An account as the library keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Account {
    pub name: String,
    pub kind: AccountKind,
    pub site: String,
    pub user: String,
    #[ts(type = "string")]
    pub added_at: DateTime<Utc>,
}

impl Account {
    /// The keyring's user field for this account's secret:
    /// `kind:user@site`, so two libraries naming one site alike share it
    /// and a secret can be told apart in the system's keyring manager.
    pub fn keyring_user(&self) -> String {
        keyring_user(self.kind, &self.user, &self.site)
    }
}

pub fn keyring_user(kind: AccountKind, user: &str, site: &str) -> String {
    format!("{}:{}@{}", kind.as_str(), user, site)
}

impl NewAccount {
    /// The account with its rules met: a one-line name, an http(s) address
    /// with no password in it (trailing `/` dropped), a user where the kind
    /// needs one and none where it does not.
    pub fn checked(&self) -> Result<NewAccount> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(Error::invalid(
                "account name",
                "is empty; give the account a name",
            ));
        }
        if name.chars().count() > MAX_ACCOUNT_NAME_CHARS {
            return Err(Error::invalid(
                "account name",
                format!("is longer than {MAX_ACCOUNT_NAME_CHARS} characters"),
            ));
        }
        if name.chars().any(char::is_control) {
            return Err(Error::invalid("account name", "must be one line"));
        }
        let site = checked_site(&self.site, self.kind == AccountKind::Micropub)?;
        let user = self.user.trim();
        if self.kind.needs_user() && user.is_empty() {
            return Err(Error::invalid(
                "user",
                format!("is needed for a {} account", self.kind.label()),
            ));
        }
        if !self.kind.needs_user() && !user.is_empty() {
            return Err(Error::invalid(
                "user",
                format!(
                    "is not used by a {} account (its {} says who you are)",
                    self.kind.label(),
                    self.kind.secret_label()
                ),
            ));
        }
        if user.chars().count() > MAX_USER_CHARS || user.chars().any(char::is_control) {
            return Err(Error::invalid(
                "user",
                "must be one line of at most 200 characters",
            ));
        }
        Ok(NewAccount {
            name: name.to_owned(),
            kind: self.kind,
            site,
            user: user.to_owned(),
        })
    }
}

/// `endpoint`: the address is an API endpoint (Micropub's), whose
/// trailing `/` is part of it (`/micropub/` and `/micropub` may differ);
/// a site's own `/` is dropped either way.
fn checked_site(raw: &str, endpoint: bool) -> Result<String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(Error::invalid(
            "site",
            "is empty; give the site's address (https://…)",
        ));
    }
    if raw.len() > MAX_SITE_CHARS {
        return Err(Error::invalid("site", "is too long to be an address"));
    }
    let url = ::url::Url::parse(raw).map_err(|e| {
        Error::invalid(
            "site",
            format!("{raw:?} is not an address ({e}); write it as https://example.com"),
        )
    })?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(Error::invalid(
            "site",
            format!("{raw:?} is not a web address; write it as https://example.com"),
        ));
    }
    if !url.username().is_empty() || url.password().is_some() {
        // A password written into the address would land in the library.
        return Err(Error::invalid(
            "site",
            "must not carry a user or password; give the user separately and the secret when asked",
        ));
    }
    if url.fragment().is_some() {
        return Err(Error::invalid("site", "must not end in a #fragment"));
    }
    if endpoint && url.path() != "/" {
        return Ok(url.as_str().to_owned());
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

/// A secret's own rules: present, one line, not a paragraph; a Ghost
/// Admin API key is `id:secret` in hex, as Ghost shows it.
pub fn check_secret(kind: AccountKind, secret: &str) -> Result<String> {
    let secret = secret.trim();
    let field = "secret";
    if secret.is_empty() {
        return Err(Error::invalid(
            field,
            format!("is empty; paste the {}", kind.secret_label()),
        ));
    }
    if secret.chars().count() > MAX_SECRET_CHARS || secret.chars().any(char::is_control) {
        return Err(Error::invalid(
            field,
            format!("is not a {}: it must be one line", kind.secret_label()),
        ));
    }
    if kind == AccountKind::Ghost {
        let hex = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_hexdigit());
        let ok = secret
            .split_once(':')
            .is_some_and(|(id, key)| hex(id) && hex(key) && key.len() % 2 == 0);
        if !ok {
            return Err(Error::invalid(
                field,
                "is not a Ghost Admin API key: it looks like 24 hex digits, a colon and 64 more (Settings → Integrations in Ghost)",
            ));
        }
    }
    Ok(secret.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new(kind: AccountKind, site: &str, user: &str) -> NewAccount {
        NewAccount {
            name: " Blog ".into(),
            kind,
            site: site.into(),
            user: user.into(),
        }
    }

    #[test]
    fn an_account_is_trimmed_and_its_address_normalised() {
        let a = new(
            AccountKind::Wordpress,
            " https://Example.com/blog/ ",
            " ann ",
        )
        .checked()
        .unwrap();
        assert_eq!(a.name, "Blog");
        assert_eq!(a.site, "https://example.com/blog");
        assert_eq!(a.user, "ann");
    }

    #[test]
    fn a_micropub_endpoint_keeps_its_trailing_slash() {
        let a = new(AccountKind::Micropub, "https://example.com/micropub/", "")
            .checked()
            .unwrap();
        assert_eq!(a.site, "https://example.com/micropub/");
        let home = new(AccountKind::Micropub, "https://example.com/", "")
            .checked()
            .unwrap();
        assert_eq!(home.site, "https://example.com");
    }

    #[test]
    fn refused_accounts_say_why() {
        for (account, needle) in [
            (new(AccountKind::Wordpress, "https://x.org", ""), "needed"),
            (new(AccountKind::Ghost, "https://x.org", "ann"), "not used"),
            (
                new(AccountKind::Ghost, "ftp://x.org", ""),
                "not a web address",
            ),
            (new(AccountKind::Ghost, "x.org", ""), "not an address"),
            (
                new(AccountKind::Ghost, "https://ann:pw@x.org", ""),
                "password",
            ),
            (
                NewAccount {
                    name: "a\nb".into(),
                    ..new(AccountKind::Ghost, "https://x.org", "")
                },
                "one line",
            ),
        ] {
            let err = account.checked().unwrap_err().to_string();
            assert!(err.contains(needle), "{account:?}: {err}");
        }
    }

    #[test]
    fn a_ghost_key_must_look_like_one() {
        let key = format!("{}:{}", "a".repeat(24), "0f".repeat(32));
        assert_eq!(
            check_secret(AccountKind::Ghost, &format!(" {key}\n")).unwrap(),
            key
        );
        assert!(check_secret(AccountKind::Ghost, "hunter2").is_err());
        assert!(check_secret(AccountKind::Wordpress, "").is_err());
        // WordPress shows application passwords in groups of four.
        assert_eq!(
            check_secret(AccountKind::Wordpress, "abcd EFGH 1234 ijkl mnop qrst").unwrap(),
            "abcd EFGH 1234 ijkl mnop qrst"
        );
    }

    #[test]
    fn kinds_read_as_written() {
        for kind in AccountKind::ALL {
            assert_eq!(kind.as_str().parse::<AccountKind>().unwrap(), kind);
        }
        assert_eq!(
            "WordPress".parse::<AccountKind>().unwrap(),
            AccountKind::Wordpress
        );
        assert!("blogger".parse::<AccountKind>().is_err());
    }
}
