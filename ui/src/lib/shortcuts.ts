// Actions and the keys that run them. The list itself (what each action
// does, when it applies) lives with the stores, in stores/shortcuts.ts; the
// key handler, the command palette and the "Keyboard shortcuts" sheet all
// read that one list.

export interface Action<C> {
  /// Stable: the palette remembers recent actions by it.
  id: string;
  /// As the palette and the sheet show it: "Show or hide the FAQ".
  name: string;
  /// Where the sheet lists it.
  group: string;
  /// As the writer reads it: "Ctrl+Shift+D". Ctrl also means Cmd. None for
  /// an action reached only from the palette.
  keys?: string;
  /// When it can run (an article is open…); always, if absent.
  when?: (context: C) => boolean;
  run: (context: C) => void;
}

type KeyPress = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">;

/// The key and Shift a shortcut's `keys` name; every shortcut takes Ctrl.
export function parseKeys(keys: string): { key: string; shift: boolean } {
  const parts = keys.split("+");
  // "Ctrl++" would name the plus key; none is used, so the last part is the key.
  const key = parts[parts.length - 1].toLowerCase();
  const mods = parts.slice(0, -1);
  if (!mods.includes("Ctrl")) throw new Error(`A shortcut takes Ctrl: ${keys}`);
  return { key, shift: mods.includes("Shift") };
}

/// The action a key press means, if any. Alt is never part of one (Alt+
/// arrows move FAQ items, and AltGr types characters on some layouts).
export function findShortcut<A extends { keys?: string }>(table: readonly A[], event: KeyPress): A | undefined {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return undefined;
  const key = event.key.toLowerCase();
  return table.find((s) => {
    if (!s.keys) return false;
    const wanted = parseKeys(s.keys);
    return wanted.key === key && wanted.shift === event.shiftKey;
  });
}
