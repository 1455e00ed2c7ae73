// Every action of the window, declared once: its name, its key, when it
// applies and what it runs. The key handler in App looks keys up here, the
// command palette (Ctrl+P) searches it, and the "Keyboard shortcuts" sheet
// lists it; the buttons' titles name the same keys.
import { tick } from "svelte";
import { commands } from "../lib/bindings";
import { insertLink, setHeading, toggleCallout, toggleInline, toggleList, toggleQuote, type Edit } from "../lib/formatting";
import { findShortcut, type Action } from "../lib/shortcuts";
import type { Stores } from "./index.svelte";

export type AppAction = Action<Stores> & {
  /// The key is the editor's own (lib/editor.ts handles it while the text
  /// has the keyboard); listed here for the palette and the sheet, and the
  /// window's handler leaves it alone.
  editorKey?: boolean;
  /// Listed in the doc bar's More menu (⋯) under this label, in list order.
  more?: string;
};

const writable = (s: Stores) => s.doc.writable;
const hasArticle = (s: Stores) => s.doc.current !== null;

/// A formatting edit, run from the palette on the open article's text.
function format(id: string, name: string, keys: string, edit: Edit): AppAction {
  return { id, name, group: "Formatting", keys, editorKey: true, when: writable, run: (s) => s.doc.editor?.apply(edit) };
}

export const ACTIONS: readonly AppAction[] = [
  // The palette
  { id: "palette", name: "Command palette", group: "General", keys: "Ctrl+P", run: (s) => s.palette.toggle() },
  { id: "shortcuts", name: "Keyboard shortcuts", group: "General", run: (s) => s.palette.toggleSheet() },
  { id: "open-article", name: "Open article…", group: "Library", run: (s) => s.palette.show("articles") },
  { id: "go-to-heading", name: "Go to heading…", group: "Article", when: writable, run: (s) => s.palette.show("headings") },
  // Library
  { id: "new", name: "New article", group: "Library", keys: "Ctrl+N", run: (s) => void s.doc.create() },
  { id: "import", name: "Import articles (Markdown, text, saved pages)", group: "Library", keys: "Ctrl+O", run: (s) => s.imports.dialog(false) },
  {
    id: "search",
    name: "Search the library",
    group: "Library",
    keys: "Ctrl+K",
    // A hidden library shows again first: the search box is in it.
    run: (s) => {
      s.modes.showSidebar();
      void tick().then(() => s.library.focusSearch());
    },
  },
  { id: "sidebar", name: "Show or hide the library", group: "View", keys: "Ctrl+Shift+B", run: (s) => s.modes.toggleSidebar() },
  {
    id: "save",
    name: "Save now",
    group: "General",
    keys: "Ctrl+S",
    run: (s) => {
      void s.site.flush?.();
      void s.doc.afterSaving(commands.flushSaves);
    },
  },
  { id: "quit", name: "Save and quit", group: "General", keys: "Ctrl+Q", run: (s) => void s.doc.afterSaving(commands.quit) },
  { id: "settings", name: "Settings", group: "General", keys: "Ctrl+,", run: (s) => s.togglePanel("settings") },
  {
    id: "back-up",
    name: "Back up the library now",
    group: "Library",
    run: (s) =>
      void s.doc.afterSaving(async () => {
        const status = await commands.backUpNow();
        s.showNotice(`Backed up to ${status.backups[0]?.path ?? status.folder}`);
      }),
  },
  {
    id: "about",
    name: "About Byline (version, library file)",
    group: "General",
    run: (s) => {
      if (s.panels.open !== "settings") s.togglePanel("settings");
      void tick().then(() => document.querySelector("[data-testid=settings-about]")?.scrollIntoView({ block: "start" }));
    },
  },
  // Check library and Restore are in Settings, where their results show.
  {
    id: "check-library",
    name: "Check library or restore a backup (in Settings)",
    group: "Library",
    run: (s) => {
      if (s.panels.open !== "settings") s.togglePanel("settings");
    },
  },
  // The open article
  { id: "details", name: "Show or hide Details", group: "Article", keys: "Ctrl+Shift+D", when: writable, run: (s) => s.togglePanel("details") },
  { id: "history", name: "Show or hide History", group: "Article", keys: "Ctrl+Shift+H", when: writable, run: (s) => s.togglePanel("history") },
  // Not F (focus mode) nor a find key: Q for questions.
  { id: "faq", name: "Show or hide the FAQ", group: "Article", keys: "Ctrl+Shift+Q", when: writable, run: (s) => s.togglePanel("faq") },
  { id: "checks", name: "Show or hide Checks", group: "Article", when: writable, run: (s) => s.togglePanel("checks") },
  // Not Ctrl+E: the editor's inline-code shortcut.
  { id: "export", name: "Export…", group: "Article", keys: "Ctrl+Shift+E", when: writable, run: (s) => s.toggleExport() },
  // No key: GTK's input methods take Ctrl+Shift+U (Unicode entry).
  { id: "publish", name: "Publish…", group: "Article", more: "Publish…", when: writable, run: (s) => s.togglePanel("publish") },
  {
    id: "outline",
    name: "Outline",
    group: "Article",
    keys: "Ctrl+Shift+O",
    when: writable,
    run: (s) => (s.panels.outlineOpen = !s.panels.outlineOpen),
  },
  { id: "duplicate", name: "Duplicate article", group: "Article", more: "Duplicate", when: writable, run: (s) => void s.doc.duplicate() },
  { id: "trash", name: "Move article to trash", group: "Article", more: "Move to trash", when: writable, run: (s) => void s.doc.trash() },
  { id: "restore", name: "Restore article from trash", group: "Article", when: (s) => hasArticle(s) && !s.doc.writable, run: (s) => void s.doc.restore() },
  // How the window shows writing
  { id: "layout", name: "Editor, preview or both", group: "View", keys: "Ctrl+Shift+P", when: hasArticle, run: (s) => s.modes.cycleLayout() },
  { id: "focus-mode", name: "Focus mode", group: "View", keys: "Ctrl+Shift+F", run: (s) => s.modes.toggleFocus() },
  { id: "typewriter", name: "Typewriter scrolling", group: "View", keys: "Ctrl+Shift+T", run: (s) => s.modes.toggleTypewriter() },
  { id: "theme", name: "Light or dark theme", group: "View", keys: "Ctrl+Shift+L", run: (s) => s.modes.flipTheme() },
  // The editor's own keys
  format("bold", "Bold", "Ctrl+B", toggleInline("**")),
  format("italic", "Italic", "Ctrl+I", toggleInline("*")),
  format("code", "Inline code", "Ctrl+E", toggleInline("`")),
  format("link", "Link", "Ctrl+Shift+K", insertLink),
  format("heading-1", "Heading 1", "Ctrl+1", setHeading(1)),
  format("heading-2", "Heading 2", "Ctrl+2", setHeading(2)),
  format("heading-3", "Heading 3", "Ctrl+3", setHeading(3)),
  format("bullets", "Bulleted list", "Ctrl+Shift+8", toggleList("bullet")),
  format("numbers", "Numbered list", "Ctrl+Shift+7", toggleList("ordered")),
  format("quote", "Quote", "Ctrl+Shift+9", toggleQuote),
  format("callout", "Callout (Pro Tip)", "Ctrl+Shift+0", toggleCallout),
];

/// The actions that can run now, for the palette.
export function available(stores: Stores): AppAction[] {
  return ACTIONS.filter((a) => a.id !== "palette" && (a.when?.(stores) ?? true));
}

/// The actions of the doc bar's More menu that can run now.
export function moreMenu(stores: Stores): AppAction[] {
  return ACTIONS.filter((a) => a.more !== undefined && (a.when?.(stores) ?? true));
}

/// Runs an action from the palette or a menu, and remembers it as recent.
export function runAction(stores: Stores, action: AppAction) {
  if (action.when && !action.when(stores)) return;
  stores.palette.ran(action.id);
  action.run(stores);
}

/// The window's key handler.
export function handleKey(stores: Stores, event: KeyboardEvent) {
  if (event.key === "Escape" && stores.panels.exportOpen && !event.defaultPrevented) {
    event.preventDefault();
    stores.panels.closeExport();
    return;
  }
  const action = findShortcut(WINDOW_KEYS, event);
  if (!action) return;
  event.preventDefault();
  action.run(stores);
}

/// The keys the window handles itself (not the editor's).
const WINDOW_KEYS = ACTIONS.filter((a) => a.keys && !a.editorKey);
