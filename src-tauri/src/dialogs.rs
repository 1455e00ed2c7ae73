//! Native file dialogs, opened from Rust so the window never chooses a
//! path itself.
//!
//! In debug builds, `BYLINE_DIALOG_ANSWER` answers every dialog with that
//! path instead of opening one: the end-to-end tests (which run the debug
//! binary) cannot click in a native dialog. (Several paths for "open
//! files" are separated by the platform's path separator, as in `PATH`.)
//! A release build has no such hook: a variable set in a writer's
//! environment must never choose where Byline writes.

use std::path::PathBuf;

use byline_core::transform::export::Format;
use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

#[cfg(debug_assertions)]
fn test_answer() -> Option<Option<Vec<PathBuf>>> {
    let answer = std::env::var_os("BYLINE_DIALOG_ANSWER")?;
    if answer.is_empty() {
        // Set but empty: the writer cancelled.
        return Some(None);
    }
    Some(Some(std::env::split_paths(&answer).collect()))
}

/// Release builds: always the real dialog.
#[cfg(not(debug_assertions))]
fn test_answer() -> Option<Option<Vec<PathBuf>>> {
    None
}

pub fn save_file(app: &AppHandle, file_name: &str, format: Format) -> Option<PathBuf> {
    if let Some(answer) = test_answer() {
        return answer.and_then(|p| p.into_iter().next());
    }
    app.dialog()
        .file()
        .set_title("Export")
        .set_file_name(file_name)
        .add_filter(format.label(), &[format.extension()])
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
}

pub fn pick_folder(app: &AppHandle, title: &str) -> Option<PathBuf> {
    if let Some(answer) = test_answer() {
        return answer.and_then(|p| p.into_iter().next());
    }
    app.dialog()
        .file()
        .set_title(title)
        .blocking_pick_folder()
        .and_then(|p| p.into_path().ok())
}

pub fn pick_markdown_files(app: &AppHandle) -> Option<Vec<PathBuf>> {
    if let Some(answer) = test_answer() {
        return answer;
    }
    let files = app
        .dialog()
        .file()
        .set_title("Import articles")
        .add_filter(
            "Articles",
            &["md", "markdown", "mdown", "mkd", "txt", "html", "htm"],
        )
        .blocking_pick_files()?;
    let paths: Vec<PathBuf> = files
        .into_iter()
        .filter_map(|f| f.into_path().ok())
        .collect();
    (!paths.is_empty()).then_some(paths)
}

#[cfg(test)]
mod tests {
    /// The hook that answers dialogs from the environment is compiled into
    /// debug builds only (the e2e tests run those). Read from the source,
    /// since a test binary is itself a debug build: the one read of the
    /// variable sits in the function gated by `debug_assertions`, and the
    /// release twin returns `None`.
    #[test]
    fn the_answer_hook_is_only_in_debug_builds() {
        let src = include_str!("dialogs.rs");
        let reads: Vec<usize> = src
            .match_indices("var_os(\"BYLINE_DIALOG_ANSWER\")")
            .map(|(at, _)| at)
            .collect();
        assert_eq!(reads.len(), 1, "one read of the variable");
        let head = &src[..reads[0]];
        let gate = head
            .rfind("#[cfg(debug_assertions)]\nfn test_answer()")
            .expect("the reading function is gated on debug_assertions");
        assert!(
            !head[gate..].contains("\n}\n"),
            "the read is inside the gated function"
        );
        assert!(src.contains(
            "#[cfg(not(debug_assertions))]\nfn test_answer() -> Option<Option<Vec<PathBuf>>> {\n    None\n}"
        ));
    }
}
