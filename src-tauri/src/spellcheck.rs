//! Spell checking in the window. WebKitGTK checks spelling only when it is
//! switched on for the web context with Enchant dictionaries to load;
//! WKWebView and WebView2 follow the system's own checker. The site
//! settings say whether to check and in which language; this module tells
//! the web context and reports back what it actually loaded.

#[cfg(target_os = "linux")]
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use byline_core::domain::site_settings::SiteSettings;
use byline_core::{ErrorCode, ErrorInfo};
use serde::Serialize;
use tauri::{AppHandle, Manager};
use ts_rs::TS;

use crate::ipc::{IpcError, IpcResult};

/// What the window's spell checker is doing, as the web engine reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SpellcheckStatus {
    /// Whether misspellings are underlined as the writer types.
    pub enabled: bool,
    /// The dictionaries loaded (`en_GB`), empty when none could be.
    pub languages: Vec<String>,
    /// No dictionary matched the site's language, so the system's (or the
    /// first installed) one is used instead.
    pub fallback: bool,
    /// The operating system picks the dictionaries (macOS, Windows), so
    /// `languages` is empty by design.
    pub system_chooses: bool,
}

/// How long a command waits for the window's main loop to answer.
const ANSWER_WITHIN: Duration = Duration::from_secs(5);

/// Tells the window's web context what the settings ask for. Returns at
/// once; the receiver yields what the engine then loaded.
pub fn apply(app: &AppHandle, settings: &SiteSettings) -> mpsc::Receiver<SpellcheckStatus> {
    let wanted = Wanted {
        enabled: settings.spellcheck,
        languages: wanted_languages(&settings.language, system_locale().as_deref()),
        system: system_locale(),
    };
    run_on_webview(app, move |webview| configure(webview, &wanted))
}

/// What the window's spell checker is doing now.
pub fn status(app: &AppHandle) -> IpcResult<SpellcheckStatus> {
    wait(run_on_webview(app, current))
}

/// Waits for an answer from [`apply`].
pub fn wait(answer: mpsc::Receiver<SpellcheckStatus>) -> IpcResult<SpellcheckStatus> {
    answer.recv_timeout(ANSWER_WITHIN).map_err(|_| {
        IpcError(ErrorInfo {
            code: ErrorCode::Io,
            message: "the window did not say whether spelling is checked; reopen Byline to apply the setting".into(),
        })
    })
}

struct Wanted {
    enabled: bool,
    languages: Vec<String>,
    system: Option<String>,
}

/// Runs `f` with the window's web view on the main thread, where GTK must
/// be used; a window already gone simply never answers.
fn run_on_webview<F>(app: &AppHandle, f: F) -> mpsc::Receiver<SpellcheckStatus>
where
    F: FnOnce(&PlatformView) -> SpellcheckStatus + Send + 'static,
{
    let (tx, rx) = mpsc::channel();
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.with_webview(move |webview| {
            let _ = tx.send(f(&view_of(&webview)));
        });
    }
    rx
}

#[cfg(target_os = "linux")]
type PlatformView = webkit2gtk::WebView;

#[cfg(target_os = "linux")]
fn view_of(webview: &tauri::webview::PlatformWebview) -> PlatformView {
    webview.inner()
}

#[cfg(target_os = "linux")]
fn configure(view: &PlatformView, wanted: &Wanted) -> SpellcheckStatus {
    use webkit2gtk::{WebContextExt, WebViewExt};
    let Some(context) = view.context() else {
        return current(view);
    };
    context.set_spell_checking_enabled(wanted.enabled);
    // WebKit loads only the languages Enchant has a dictionary for and
    // reports what it loaded (its own default when it found none, so the
    // answer must name the language asked for). One dictionary at a time,
    // best first: WebKit accepts a word any loaded dictionary knows, so
    // `en` beside `en_GB` would let American spellings through.
    let loads = |language: &str| {
        context.set_spell_checking_languages(&[language]);
        context
            .spell_checking_languages()
            .iter()
            .any(|loaded| loaded.as_str() == language)
    };
    let mut fallback = false;
    if !wanted.languages.iter().any(|l| loads(l)) {
        fallback = true;
        if !wanted.system.as_deref().is_some_and(loads) {
            // An empty list lets WebKit choose: the system's language, else
            // the first dictionary installed.
            context.set_spell_checking_languages(&[]);
        }
    }
    FELL_BACK.store(fallback, Ordering::Relaxed);
    current(view)
}

/// Whether the last settings applied fell back from the site's language;
/// the web context knows what it loaded but not what was asked for. (One
/// window, one web context per process.)
#[cfg(target_os = "linux")]
static FELL_BACK: AtomicBool = AtomicBool::new(false);

#[cfg(target_os = "linux")]
fn current(view: &PlatformView) -> SpellcheckStatus {
    use webkit2gtk::{WebContextExt, WebViewExt};
    let context = view.context();
    SpellcheckStatus {
        enabled: context
            .as_ref()
            .is_some_and(|c| c.is_spell_checking_enabled()),
        languages: context
            .map(|c| {
                c.spell_checking_languages()
                    .into_iter()
                    .map(|l| l.to_string())
                    .collect()
            })
            .unwrap_or_default(),
        fallback: FELL_BACK.load(Ordering::Relaxed),
        system_chooses: false,
    }
}

// Elsewhere the web view follows the operating system's spell checker and
// the editor's `spellcheck` attribute; nothing to configure.
#[cfg(not(target_os = "linux"))]
type PlatformView = bool;

#[cfg(not(target_os = "linux"))]
fn view_of(_: &tauri::webview::PlatformWebview) -> PlatformView {
    true
}

#[cfg(not(target_os = "linux"))]
fn configure(_: &PlatformView, wanted: &Wanted) -> SpellcheckStatus {
    SpellcheckStatus {
        enabled: wanted.enabled,
        languages: Vec::new(),
        fallback: false,
        system_chooses: true,
    }
}

#[cfg(not(target_os = "linux"))]
fn current(_: &PlatformView) -> SpellcheckStatus {
    SpellcheckStatus {
        enabled: true,
        languages: Vec::new(),
        fallback: false,
        system_chooses: true,
    }
}

/// The system's locale as Enchant names dictionaries (`en_GB`), from the
/// variables that set it, or `None` for the plain C/POSIX locale.
fn system_locale() -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|v| !v.is_empty())
        .and_then(|v| {
            let name = v.split(['.', '@']).next().unwrap_or_default().to_string();
            (!name.is_empty() && name != "C" && name != "POSIX").then_some(name)
        })
}

/// The dictionaries to ask for, best first, for the site's BCP 47 tag
/// (`en-GB` → `en_GB`). A tag without a region takes the system's region
/// when the system speaks the same language, so `en` on a British desktop
/// checks British spelling.
fn wanted_languages(tag: &str, system: Option<&str>) -> Vec<String> {
    let mut parts = tag.trim().split('-');
    let language = parts.next().unwrap_or_default().to_ascii_lowercase();
    if language.is_empty() {
        return Vec::new();
    }
    // The region is the two-letter or three-digit subtag (`en-GB`,
    // `es-419`); a script (`zh-Hant`) is not one.
    let region = parts.find(|p| {
        (p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
            || (p.len() == 3 && p.chars().all(|c| c.is_ascii_digit()))
    });
    let mut wanted = Vec::new();
    match region {
        Some(region) => wanted.push(format!("{language}_{}", region.to_ascii_uppercase())),
        None => {
            if let Some(system) = system {
                if system.split('_').next() == Some(language.as_str()) && system.contains('_') {
                    wanted.push(system.to_string());
                }
            }
        }
    }
    wanted.push(language);
    wanted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_with_a_region_asks_for_that_dictionary_first() {
        assert_eq!(wanted_languages("en-GB", Some("en_US")), ["en_GB", "en"]);
        assert_eq!(wanted_languages("pt-br", None), ["pt_BR", "pt"]);
        assert_eq!(wanted_languages("es-419", None), ["es_419", "es"]);
        assert_eq!(wanted_languages("zh-Hant-TW", None), ["zh_TW", "zh"]);
    }

    #[test]
    fn a_bare_language_takes_the_systems_region_only_for_the_same_language() {
        assert_eq!(wanted_languages("en", Some("en_GB")), ["en_GB", "en"]);
        assert_eq!(wanted_languages("en", Some("de_DE")), ["en"]);
        assert_eq!(wanted_languages("uk", None), ["uk"]);
        assert_eq!(wanted_languages("en", Some("en")), ["en"]);
    }
}
