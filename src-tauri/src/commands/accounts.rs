//! Publishing accounts for Settings. The secret comes from the page once,
//! when the writer adds an account, and goes straight to the keyring
//! (`crate::secrets`); no command ever sends one back to the page. A
//! Micropub account's endpoint is found from the site's address first
//! (`crate::publishing::prepare_account`).

use byline_core::domain::publishing::{Account, NewAccount};
use byline_core::usecases::accounts;
use tauri::AppHandle;

use super::state;
use crate::ipc::IpcResult;
use crate::secrets::Keyring;

#[tauri::command(async)]
pub fn publishing_accounts(app: AppHandle) -> IpcResult<Vec<Account>> {
    Ok(state(&app).library().accounts()?)
}

/// Adds the account and returns the list as it now is.
#[tauri::command(async)]
pub fn add_publishing_account(
    app: AppHandle,
    account: NewAccount,
    secret: String,
) -> IpcResult<Vec<Account>> {
    // Refuse a clash or a bad address before asking the site anything.
    let account = state(&app).library().check_new_account(&account)?;
    // A Micropub site's endpoint is found (and the token tried) over the
    // network: on a thread of its own, as reqwest's blocking client will
    // not run inside the async runtime.
    let account = {
        let secret = secret.clone();
        std::thread::spawn(move || crate::publishing::prepare_account(account, &secret))
            .join()
            .unwrap_or_else(|_| {
                Err(byline_core::Error::invalid(
                    "account",
                    "checking the site stopped unexpectedly; nothing was added",
                ))
            })?
    };
    let mut library = state(&app).library();
    accounts::add(&mut library, &Keyring, &account, &secret)?;
    Ok(library.accounts()?)
}

/// Removes the account and forgets its secret; returns the list.
#[tauri::command(async)]
pub fn remove_publishing_account(app: AppHandle, name: String) -> IpcResult<Vec<Account>> {
    let mut library = state(&app).library();
    accounts::remove(&mut library, &Keyring, &name)?;
    Ok(library.accounts()?)
}

/// WordPress's browser approval: the site's approval page
/// (`/wp-admin/authorize-application.php`, no success address, so
/// WordPress shows the new password) opened in the writer's browser. The
/// account's fields are checked first; its address is returned for the
/// form to show.
#[tauri::command(async)]
pub fn approve_wordpress_in_browser(app: AppHandle, account: NewAccount) -> IpcResult<String> {
    let account = state(&app).library().check_new_account(&account)?;
    if account.kind != byline_core::domain::publishing::AccountKind::Wordpress {
        return Err(byline_core::Error::invalid(
            "account kind",
            "approval in the browser is WordPress's; choose WordPress",
        )
        .into());
    }
    let url = crate::publishing::wordpress::approval_url(&account.site);
    crate::navigation::open_link(&url)?;
    Ok(url)
}

/// Adds a WordPress account with the password its approval page showed:
/// tried on the site (`/wp/v2/users/me`) before it goes to the keyring.
#[tauri::command(async)]
pub fn add_approved_wordpress_account(
    app: AppHandle,
    account: NewAccount,
    secret: String,
) -> IpcResult<Vec<Account>> {
    let account = state(&app).library().check_new_account(&account)?;
    let checked = {
        let (account, secret) = (account.clone(), secret.clone());
        std::thread::spawn(move || crate::publishing::verify_wordpress(&account, &secret))
            .join()
            .unwrap_or_else(|_| {
                Err(byline_core::Error::invalid(
                    "account",
                    "checking the password stopped unexpectedly; nothing was added",
                ))
            })
    };
    checked?;
    let mut library = state(&app).library();
    accounts::add(&mut library, &Keyring, &account, &secret)?;
    Ok(library.accounts()?)
}
