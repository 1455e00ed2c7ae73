// Every window-wide keyboard shortcut, in one table: the key handler in App
// looks keys up here, and the buttons' titles name the same keys. (The
// editor's own keys, such as Ctrl+B and Ctrl+E, are in lib/editor.ts.)
import { tick } from "svelte";
import { commands } from "../lib/bindings";
import { findShortcut, type Shortcut } from "../lib/shortcuts";
import type { Stores } from "./index.svelte";

export const SHORTCUTS: readonly Shortcut<Stores>[] = [
  { keys: "Ctrl+N", description: "New article", run: (s) => void s.doc.create() },
  { keys: "Ctrl+O", description: "Import Markdown files", run: (s) => s.imports.dialog(false) },
  {
    keys: "Ctrl+K",
    description: "Search the library",
    // A hidden library shows again first: the search box is in it.
    run: (s) => {
      s.modes.showSidebar();
      void tick().then(() => s.library.focusSearch());
    },
  },
  { keys: "Ctrl+Shift+B", description: "Show or hide the library", run: (s) => s.modes.toggleSidebar() },
  {
    keys: "Ctrl+S",
    description: "Save now",
    run: (s) => {
      void s.site.flush?.();
      void s.doc.afterSaving(commands.flushSaves);
    },
  },
  { keys: "Ctrl+Q", description: "Save and quit", run: (s) => void s.doc.afterSaving(commands.quit) },
  { keys: "Ctrl+,", description: "Settings", run: (s) => s.togglePanel("settings") },
  { keys: "Ctrl+Shift+D", description: "Details", run: (s) => s.togglePanel("details") },
  { keys: "Ctrl+Shift+H", description: "History", run: (s) => s.togglePanel("history") },
  // Not F (focus mode) nor a find key: Q for questions.
  { keys: "Ctrl+Shift+Q", description: "FAQ", run: (s) => s.togglePanel("faq") },
  // Not Ctrl+E: the editor's inline-code shortcut.
  { keys: "Ctrl+Shift+E", description: "Export", run: (s) => s.toggleExport() },
  { keys: "Ctrl+Shift+O", description: "Outline", run: (s) => (s.panels.outlineOpen = !s.panels.outlineOpen) },
  { keys: "Ctrl+Shift+P", description: "Editor, preview or both", run: (s) => s.modes.cycleLayout() },
  { keys: "Ctrl+Shift+F", description: "Focus mode", run: (s) => s.modes.toggleFocus() },
  { keys: "Ctrl+Shift+T", description: "Typewriter scrolling", run: (s) => s.modes.toggleTypewriter() },
  { keys: "Ctrl+Shift+L", description: "Light or dark theme", run: (s) => s.modes.flipTheme() },
];

/// The window's key handler.
export function handleKey(stores: Stores, event: KeyboardEvent) {
  if (event.key === "Escape" && stores.panels.exportOpen && !event.defaultPrevented) {
    event.preventDefault();
    stores.panels.closeExport();
    return;
  }
  const shortcut = findShortcut(SHORTCUTS, event);
  if (!shortcut) return;
  event.preventDefault();
  shortcut.run(stores);
}
