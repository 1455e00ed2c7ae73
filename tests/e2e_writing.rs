//! End-to-end tests of writing in the real window: formatting shortcuts,
//! callouts, the incremental preview, scroll sync, counts, outline and the
//! theme switch. Run by `make test` with `--ignored`, like tests/e2e.rs.

mod support;

use byline_core::Library;
use serde_json::json;
use support::{luminance, App, CTRL, RELEASE_MODIFIERS};

const SHIFT: char = '\u{E008}';

/// Types into the editor; a newline is sent as the Enter key.
async fn keys(app: &App, text: &str) {
    let editor = app.wait_for_css(".cm-content").await;
    editor
        .send_keys(&text.replace('\n', "\u{E007}"))
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn shortcuts_format_and_the_preview_shows_callouts() {
    let (_dir, _library, app) = App::launch_fresh().await;
    app.new_article().await;
    keys(&app, "Budget").await;
    // Select the word, make it bold, then a heading; each is one undo step.
    keys(&app, &format!("{CTRL}a{RELEASE_MODIFIERS}")).await;
    keys(&app, &format!("{CTRL}b{RELEASE_MODIFIERS}")).await;
    app.wait_for_js(
        "document.querySelector('.cm-content').innerText.trim()",
        json!("**Budget**"),
    )
    .await;
    keys(&app, &format!("{CTRL}2{RELEASE_MODIFIERS}")).await;
    app.wait_for_css("[data-testid=preview] h2 > strong").await;
    keys(&app, &format!("{CTRL}z{RELEASE_MODIFIERS}")).await;
    app.wait_for_js(
        "document.querySelector('.cm-content').innerText.trim()",
        json!("**Budget**"),
    )
    .await;

    // Lists, quote and italic on new lines.
    keys(&app, &format!("{CTRL}{SHIFT}8{RELEASE_MODIFIERS}")).await;
    app.wait_for_js(
        "document.querySelector('.cm-content').innerText.trim()",
        json!("- **Budget**"),
    )
    .await;
    keys(&app, &format!("{CTRL}{SHIFT}8{RELEASE_MODIFIERS}")).await;
    keys(&app, &format!("{CTRL}{SHIFT}9{RELEASE_MODIFIERS}")).await;
    app.wait_for_css("[data-testid=preview] blockquote strong")
        .await;
    keys(&app, &format!("{CTRL}{SHIFT}9{RELEASE_MODIFIERS}")).await;

    // A callout, typed: the preview shows its label.
    keys(&app, "\u{E010}\n\n> [!TIP]\nBook the early ferry.\n\n\n").await;
    app.wait_for_css("[data-testid=preview] .markdown-alert-tip .markdown-alert-title")
        .await;
    assert_eq!(
        app.js("document.querySelector('[data-testid=preview] .markdown-alert-title').textContent")
            .await,
        json!("Pro Tip")
    );
    keys(&app, "| Route | Fare |\n|---|--:|\n| Isle | 4 |\n\nSee the note.[^1]\n\n[^1]: The operator's notice.\n").await;
    app.wait_for_css("[data-testid=preview] table").await;
    app.wait_for_css("[data-testid=preview] .footnotes").await;
    app.screenshot("writing-light").await;

    // Counts for the whole piece and for a selection.
    let words = app
        .js("document.querySelector('[data-testid=word-count]').textContent")
        .await;
    assert!(words.as_str().unwrap().ends_with("words"), "{words}");
    keys(&app, &format!("{CTRL}a{RELEASE_MODIFIERS}")).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=selection-count]')?.textContent.trim().startsWith('Selection:')",
        json!(true),
    )
    .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn the_theme_switch_overrides_the_system_and_comes_back() {
    let (_dir, _library, app) = App::launch_fresh().await;
    app.new_article().await;
    keys(&app, "> [!WARNING]\nSailings stop in storms.").await;
    app.wait_for_css("[data-testid=preview] .markdown-alert-warning")
        .await;
    let background =
        "getComputedStyle(document.querySelector('[data-testid=preview]')).backgroundColor";
    let theme = app.wait_for_css("[data-testid=theme-toggle]").await;
    assert_eq!(theme.text().await.unwrap(), "System theme");
    theme.click().await.unwrap();
    app.wait_for_js(
        "document.querySelector('[data-testid=theme-toggle]').textContent.trim()",
        json!("Light theme"),
    )
    .await;
    let light = luminance(app.js(background).await.as_str().unwrap());
    theme.click().await.unwrap();
    app.wait_for_js(
        "document.querySelector('[data-testid=theme-toggle]').textContent.trim()",
        json!("Dark theme"),
    )
    .await;
    let dark = luminance(app.js(background).await.as_str().unwrap());
    assert!(light > 0.9 && dark < 0.25, "light {light}, dark {dark}");
    app.screenshot("writing-dark-switch").await;
    // The choice survives a reload of the window.
    app.js("(() => { location.reload(); return true; })()")
        .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=theme-toggle]')?.textContent.trim()",
        json!("Dark theme"),
    )
    .await;
    app.close().await;
}

/// A long article: 60 sections of a heading and a paragraph.
fn long_article() -> String {
    (1..=60)
        .map(|i| format!("## Section {i}\n\nParagraph {i} of the long piece, with enough words to wrap across a line or two in the editor and the preview alike.\n"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn the_preview_updates_only_changed_blocks_and_scrolls_with_the_editor() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    Library::open(&library)
        .unwrap()
        .create_article("Long", &long_article())
        .unwrap();
    let app = App::launch(&library).await;
    app.wait_for_js(
        "document.querySelectorAll('[data-testid=preview] h2').length",
        json!(60),
    )
    .await;

    // Mark the first and a middle block, edit the end: both keep their nodes.
    app.js("(() => { const a = document.querySelector('article.byline-article'); a.children[0].dataset.mark = 'first'; a.children[60].dataset.mark = 'middle'; return true; })()").await;
    // How many blocks each keystroke's preview carried, and whether as a
    // splice of the page on screen (read off the real calls, not replaced).
    app.js("(() => { const get = window.fetch; window.__carried = []; window.fetch = (url, options) => get(url, options).then((r) => { if (String(url).includes('type_body')) r.clone().json().then((t) => { if (t.preview) window.__carried.push([t.preview.splice !== null, t.preview.blocks.length]); }); return r; }); return true; })()").await;
    // The chord and the text go in separate calls: each call ends by
    // releasing every key, which a release key inside one call does not
    // reliably do after a special key.
    keys(&app, &format!("{CTRL}\u{E010}")).await;
    keys(&app, " Added at the end.").await;
    app.wait_for_js(
        "document.querySelector('article.byline-article').lastElementChild.textContent.includes('Added at the end.')",
        json!(true),
    )
    .await;
    assert_eq!(
        app.js("[document.querySelector('article.byline-article').children[0].dataset.mark, document.querySelector('article.byline-article').children[60].dataset.mark]").await,
        json!(["first", "middle"]),
        "unchanged blocks keep their DOM nodes"
    );

    // Typing a new line at the top shifts every later block's source lines
    // without replacing them.
    keys(&app, &format!("{CTRL}\u{E011}")).await;
    keys(&app, "Intro line.\n\n").await;
    app.wait_for_js(
        "document.querySelector('article.byline-article').children[0].textContent",
        json!("Intro line."),
    )
    .await;
    assert_eq!(
        app.js("document.querySelector('[data-mark=middle]').getAttribute('data-sourcepos').split(':')[0]").await,
        json!("123"),
        "the kept block (Section 31, line 121) moved down by two lines"
    );
    // Each keystroke carried the few blocks it changed, not the page's 120.
    let carried = app.js("window.__carried").await;
    let carried = carried.as_array().unwrap();
    assert!(carried.len() > 10, "{carried:?}");
    assert!(
        carried
            .iter()
            .all(|c| c[0] == json!(true) && c[1].as_u64().unwrap() <= 3),
        "{carried:?}"
    );
    // What the patched page shows is what a fresh render of the text shows,
    // positions included: the page built again from nothing agrees.
    app.wait_saved().await;
    let page = "document.querySelector('article.byline-article').innerHTML.replace(/ data-mark=\"\\w+\"/g, '')";
    let patched = app.js(page).await;
    app.js("(() => { location.reload(); return true; })()")
        .await;
    app.wait_for_js(
        "document.querySelectorAll('[data-testid=preview] h2').length",
        json!(60),
    )
    .await;
    assert_eq!(app.js(page).await, patched);
    app.wait_for_css(".cm-content").await.click().await.unwrap();

    // Scroll the editor: the preview follows to the same section.
    let section_at_top = "(() => { const s = document.querySelector('.preview-scroll'); const top = s.scrollTop; const h = [...s.querySelectorAll('h2')].find(h => h.offsetTop + h.offsetHeight >= top - 4 ); return h ? Number(h.textContent.replace(/\\D+/g, '')) : 0; })()";
    let editor_section = "(() => { const lines = [...document.querySelectorAll('.cm-line')]; const s = document.querySelector('.cm-scroller'); const box = s.getBoundingClientRect(); const l = lines.find(l => l.getBoundingClientRect().bottom > box.top + 24 && /^## Section/.test(l.textContent)); return l ? Number(l.textContent.replace(/\\D+/g, '')) : 0; })()";
    // The two settle on their own time: poll until they agree. The editor
    // may still bring the caret (at the top) back into view after our
    // scroll, so each round scrolls it down again if it went back up.
    let scroll_editor_down = "(() => { const s = document.querySelector('.cm-scroller'); if (s.scrollTop < s.scrollHeight / 4) { s.scrollTop = s.scrollHeight / 2; s.dispatchEvent(new Event('scroll')); } return true; })()";
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        app.js(scroll_editor_down).await;
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        let preview_at = app.js(section_at_top).await.as_i64().unwrap();
        let editor_at = app.js(editor_section).await.as_i64().unwrap();
        if preview_at > 10 && (preview_at - editor_at).abs() <= 2 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "preview at section {preview_at}, editor at {editor_at}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    // And the other way: scroll the preview back near the top.
    app.js("(() => { const s = document.querySelector('.preview-scroll'); const h = [...s.querySelectorAll('h2')][5]; s.scrollTop = h.offsetTop; s.dispatchEvent(new Event('scroll')); return true; })()").await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let editor_at = app.js(editor_section).await.as_i64().unwrap();
        if (editor_at - 6).abs() <= 2 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "editor at section {editor_at}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    // The outline jumps to a heading.
    app.wait_for_css("[data-testid=outline-toggle]")
        .await
        .click()
        .await
        .unwrap();
    app.wait_for_js(
        "document.querySelectorAll('[data-testid=outline-item]').length",
        json!(60),
    )
    .await;
    let items = app
        .client
        .find_all(fantoccini::Locator::Css("[data-testid=outline-item]"))
        .await
        .unwrap();
    items[41].click().await.unwrap();
    app.wait_for_js(
        "document.querySelector('.cm-activeLine')?.textContent",
        json!("## Section 42"),
    )
    .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn a_new_library_opens_on_the_welcome_article() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("new.byline");
    let app = App::launch(&library).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]')?.value",
        json!("Welcome to Byline"),
    )
    .await;
    for css in [
        "[data-testid=preview] .markdown-alert-tip",
        "[data-testid=preview] table",
        "[data-testid=preview] .footnotes",
        "[data-testid=preview] ol",
    ] {
        app.wait_for_css(css).await;
    }
    // Its picture comes from the library, through the app's own protocol.
    app.wait_for_js(
        "(() => { const img = document.querySelector('[data-testid=preview] img'); return img && img.complete ? img.naturalWidth : 0; })()",
        json!(1200),
    )
    .await;
    app.screenshot("welcome").await;
    // It is an ordinary article: one click moves it to the trash.
    for css in ["[data-testid=more]", "[data-testid=trash]"] {
        app.wait_for_css(css).await.click().await.unwrap();
    }
    app.wait_for_css("[data-testid=empty-state]").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn pasting_rich_text_inserts_clean_markdown_and_plain_text_as_is() {
    let (_dir, _library, app) = App::launch_fresh().await;
    app.new_article().await;
    keys(&app, "Intro.\n\n").await;
    // A paste event carrying what a browser puts on the clipboard.
    let paste = |html: &str, plain: &str| {
        format!(
            "(() => {{ const dt = new DataTransfer(); {} dt.setData('text/plain', {plain:?}); \
             document.querySelector('.cm-content').dispatchEvent(new ClipboardEvent('paste', {{ clipboardData: dt, bubbles: true, cancelable: true }})); return true; }})()",
            if html.is_empty() { String::new() } else { format!("dt.setData('text/html', {html:?});") }
        )
    };
    app.js(&paste(
        "<meta charset='utf-8'><h2 style='color:red'>Ferry returns</h2><p>The <b>island</b> ferry, says the <a href=\"https://example.com\">operator</a>.</p><ul><li>Hourly</li><li>Cheaper</li></ul><script>alert(1)</script>",
        "Ferry returns The island ferry",
    ))
    .await;
    app.wait_for_js(
        "Array.from(document.querySelectorAll('.cm-line')).map(l => l.textContent).join('\\n')",
        json!("Intro.\n\n## Ferry returns\n\nThe **island** ferry, says the [operator](https://example.com).\n\n- Hourly\n- Cheaper"),
    )
    .await;
    app.wait_for_css("[data-testid=preview] h2").await;
    assert_eq!(
        app.js("document.querySelector('[data-testid=preview]').innerHTML.includes('alert')")
            .await,
        json!(false)
    );
    // Plain text goes in untouched, Markdown characters and all.
    keys(&app, &format!("{CTRL}\u{E010}")).await;
    keys(&app, "\n\n").await;
    app.js(&paste("", "*not* converted <b>")).await;
    app.wait_for_js(
        "Array.from(document.querySelectorAll('.cm-line')).map(l => l.textContent).pop()",
        json!("*not* converted <b>"),
    )
    .await;
    app.close().await;
}

/// A real PNG drawn on a canvas in the page, as a `File` named `name`.
const MAKE_PNG: &str = "const png = (name, colour) => new Promise(ok => { const c = document.createElement('canvas'); c.width = 64; c.height = 40; const g = c.getContext('2d'); g.fillStyle = colour; g.fillRect(0, 0, 64, 40); c.toBlob(b => ok(new File([b], name, { type: 'image/png' })), 'image/png'); });";

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn images_pasted_or_dropped_are_stored_once_and_shown() {
    let (_dir, library, app) = App::launch_fresh().await;
    app.new_article().await;
    keys(&app, "Intro.").await;

    // Paste a picture: it lands on a line of its own and the preview shows it.
    app.js(&format!(
        "(() => {{ {MAKE_PNG} png('harbour-at-dawn.png', '#c4784a').then(f => {{ const dt = new DataTransfer(); dt.items.add(f); document.querySelector('.cm-content').dispatchEvent(new ClipboardEvent('paste', {{ clipboardData: dt, bubbles: true, cancelable: true }})); }}); return true; }})()"
    ))
    .await;
    app.wait_for_js(
        "[...document.querySelectorAll('.cm-line')].some(l => l.textContent.startsWith('!['))",
        json!(true),
    )
    .await;
    let line = app
        .js("[...document.querySelectorAll('.cm-line')].map(l => l.textContent).find(t => t.startsWith('![')) ?? ''")
        .await;
    let line = line.as_str().unwrap().to_owned();
    assert!(
        line.starts_with("![harbour at dawn](assets/") && line.ends_with(".png)"),
        "{line}"
    );
    app.wait_for_js(
        "(() => { const img = document.querySelector('[data-testid=preview] img'); return img && img.complete ? [img.naturalWidth, img.alt] : null; })()",
        json!([64, "harbour at dawn"]),
    )
    .await;

    // Drop the same picture under another name: stored once, shown twice.
    app.js(&format!(
        "(() => {{ {MAKE_PNG} png('copy.png', '#c4784a').then(f => {{ const dt = new DataTransfer(); dt.items.add(f); const r = document.querySelector('.cm-content').getBoundingClientRect(); document.querySelector('.cm-content').dispatchEvent(new DragEvent('drop', {{ dataTransfer: dt, bubbles: true, cancelable: true, clientX: r.left + 5, clientY: r.top + 5 }})); }}); return true; }})()"
    ))
    .await;
    app.wait_for_js(
        "[...document.querySelectorAll('[data-testid=preview] img')].filter(i => i.complete && i.naturalWidth === 64).length",
        json!(2),
    )
    .await;

    // Something that is not an image is refused in words, and the text stays.
    app.js(
        "(() => { const dt = new DataTransfer(); dt.items.add(new File(['<svg onload=alert(1)></svg>'], 'logo.svg', { type: 'image/svg+xml' })); document.querySelector('.cm-content').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true })); return true; })()",
    )
    .await;
    let problem = app.wait_for_css("[data-testid=problem]").await;
    let text = problem.text().await.unwrap();
    assert!(text.contains("logo.svg") && text.contains("SVG"), "{text}");
    app.screenshot("images").await;
    let body = app.editor_text().await;
    assert!(body.starts_with("![copy]("), "dropped at the top: {body}");
    assert!(body.contains("Intro."), "{body}");
    app.close().await;

    let lib = Library::open(&library).unwrap();
    assert_eq!(
        lib.asset_totals().unwrap().0,
        1,
        "the same picture is stored once"
    );
}

/// Issue 17: a hidden preview is not patched while the writer types (laying
/// it out in its empty column would slow the editor), and shows every word
/// typed meanwhile once it is shown again.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn a_hidden_preview_catches_up_when_it_shows_again() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    Library::open(&library)
        .unwrap()
        .create_article("Long", &long_article())
        .unwrap();
    let app = App::launch(&library).await;
    app.wait_for_js(
        "document.querySelectorAll('[data-testid=preview] h2').length",
        json!(60),
    )
    .await;
    keys(&app, &format!("{CTRL}\u{E010}")).await;
    // Ctrl+Shift+P: the editor alone.
    keys(&app, &format!("{CTRL}{SHIFT}p{RELEASE_MODIFIERS}")).await;
    app.wait_for_css(".panes.layout-editor").await;
    keys(&app, " Typed while hidden.").await;
    app.wait_saved().await;
    assert_eq!(
        app.js("document.querySelector('article.byline-article').textContent.includes('Typed while hidden.')").await,
        json!(false),
        "the hidden preview is left as it was"
    );
    // Twice more: the preview alone, then both (the editor hidden in
    // between takes no keys: the chord goes to whatever has the focus).
    app.press(&format!("{CTRL}{SHIFT}p{RELEASE_MODIFIERS}"))
        .await;
    app.wait_for_css(".panes.layout-preview").await;
    app.press(&format!("{CTRL}{SHIFT}p{RELEASE_MODIFIERS}"))
        .await;
    app.wait_for_css(".panes.layout-both").await;
    app.wait_for_js(
        "document.querySelector('article.byline-article').lastElementChild.textContent.includes('Typed while hidden.')",
        json!(true),
    )
    .await;
    assert_eq!(
        app.js("document.querySelectorAll('[data-testid=preview] h2').length")
            .await,
        json!(60),
        "the whole page, once"
    );
    app.close().await;
}
