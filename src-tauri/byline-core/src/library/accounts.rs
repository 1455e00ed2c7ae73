//! The `publishing_accounts` table: the public half of each publishing
//! account (name, kind, site, user). Its secret is kept in the system
//! keyring by `usecases::accounts`, which calls these.

use rusqlite::{params, OptionalExtension, Row};

use super::articles::{millis_to_time, now_millis};
use super::Library;
use crate::domain::error::{Error, Result};
use crate::domain::publishing::{Account, AccountKind, NewAccount};

const COLUMNS: &str = "name, kind, site, user, added_at";

fn account_from(row: &Row<'_>) -> rusqlite::Result<Account> {
    let kind: String = row.get(1)?;
    let kind = kind.parse::<AccountKind>().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, e.into())
    })?;
    Ok(Account {
        name: row.get(0)?,
        kind,
        site: row.get(2)?,
        user: row.get(3)?,
        added_at: millis_to_time(row, 4)?,
    })
}

impl Library {
    /// Every publishing account, by name.
    pub fn accounts(&self) -> Result<Vec<Account>> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {COLUMNS} FROM publishing_accounts ORDER BY name COLLATE NOCASE, name"
            ))
            .map_err(|e| self.sql_err(e))?;
        let rows = stmt
            .query_map([], account_from)
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.sql_err(e))?;
        Ok(rows)
    }

    /// The account with this name (exactly, or failing that ignoring case).
    pub fn account(&self, name: &str) -> Result<Account> {
        let name = name.trim();
        let found = self
            .conn
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM publishing_accounts
                     WHERE name = ?1 OR name = ?1 COLLATE NOCASE
                     ORDER BY name = ?1 DESC LIMIT 1"
                ),
                [name],
                account_from,
            )
            .optional()
            .map_err(|e| self.sql_err(e))?;
        found.ok_or_else(|| Error::AccountNotFound(name.to_owned()))
    }

    /// Checks a new account against its rules and the accounts already
    /// kept, without writing: the keyring is asked to keep the secret only
    /// for an account that will be added.
    pub fn check_new_account(&self, new: &NewAccount) -> Result<NewAccount> {
        let new = new.checked()?;
        for existing in self.accounts()? {
            if existing.name.eq_ignore_ascii_case(&new.name) {
                return Err(Error::AccountExists {
                    name: existing.name,
                    detail: "already exists; choose another name".into(),
                });
            }
            if existing.kind == new.kind && existing.site == new.site && existing.user == new.user {
                return Err(Error::AccountExists {
                    name: existing.name,
                    detail: format!(
                        "is already this {} account on {}; remove it first to add it again",
                        new.kind.label(),
                        new.site
                    ),
                });
            }
        }
        Ok(new)
    }

    /// Adds an account (checked again, so a caller cannot skip the rules).
    pub fn add_account(&mut self, new: &NewAccount) -> Result<Account> {
        let new = self.check_new_account(new)?;
        let at = now_millis();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO publishing_accounts (name, kind, site, user, added_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![new.name, new.kind.as_str(), new.site, new.user, at],
            )?;
            Ok(())
        })?;
        self.account(&new.name)
    }

    /// Removes the account's row; returns what it was.
    pub fn remove_account(&mut self, name: &str) -> Result<Account> {
        let account = self.account(name)?;
        self.write(|tx| {
            // What was published through it goes with it: a new account
            // of the same name may be another site.
            for table in ["publishing_accounts", "publications", "published_media"] {
                let column = if table == "publishing_accounts" {
                    "name"
                } else {
                    "account"
                };
                tx.execute(
                    &format!("DELETE FROM {table} WHERE {column} = ?1"),
                    [&account.name],
                )?;
            }
            Ok(())
        })?;
        Ok(account)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library() -> (tempfile::TempDir, Library) {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path().join("l.byline")).unwrap();
        (dir, lib)
    }

    fn wordpress(name: &str, user: &str) -> NewAccount {
        NewAccount {
            name: name.into(),
            kind: AccountKind::Wordpress,
            site: "https://example.com/".into(),
            user: user.into(),
        }
    }

    #[test]
    fn accounts_are_added_listed_found_and_removed() {
        let (_dir, mut lib) = library();
        let added = lib.add_account(&wordpress("Work blog", "ann")).unwrap();
        assert_eq!(added.site, "https://example.com");
        lib.add_account(&wordpress("another", "bob")).unwrap();
        let names: Vec<_> = lib
            .accounts()
            .unwrap()
            .into_iter()
            .map(|a| a.name)
            .collect();
        assert_eq!(names, ["another", "Work blog"]);
        assert_eq!(lib.account("work BLOG").unwrap(), added);
        assert_eq!(lib.remove_account("Work blog").unwrap(), added);
        assert_eq!(
            lib.account("Work blog").unwrap_err().code(),
            "account_not_found"
        );
        assert_eq!(lib.accounts().unwrap().len(), 1);
    }

    #[test]
    fn a_name_or_a_site_and_user_is_kept_once() {
        let (_dir, mut lib) = library();
        lib.add_account(&wordpress("Blog", "ann")).unwrap();
        let by_name = lib.add_account(&wordpress("blog", "bob")).unwrap_err();
        assert_eq!(by_name.code(), "account_exists");
        let same_user = lib.add_account(&wordpress("Other", "ann")).unwrap_err();
        assert!(
            same_user.to_string().contains("\"Blog\" is already"),
            "{same_user}"
        );
        assert_eq!(lib.accounts().unwrap().len(), 1);
    }
}
