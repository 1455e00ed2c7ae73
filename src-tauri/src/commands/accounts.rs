//! Publishing accounts for Settings. The secret comes from the page once,
//! when the writer adds an account, and goes straight to the keyring
//! (`crate::secrets`); no command ever sends one back to the page.

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
