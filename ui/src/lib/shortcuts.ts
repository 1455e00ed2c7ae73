// Matching key presses against a table of shortcuts. The table itself (what
// each key does) lives with the stores, in stores/shortcuts.ts.

export interface Shortcut<C> {
  /// As the writer reads it: "Ctrl+Shift+D". Ctrl also means Cmd.
  keys: string;
  description: string;
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

/// The shortcut a key press means, if any. Alt is never part of one (Alt+
/// arrows move FAQ items, and AltGr types characters on some layouts).
export function findShortcut<C>(table: readonly Shortcut<C>[], event: KeyPress): Shortcut<C> | undefined {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return undefined;
  const key = event.key.toLowerCase();
  return table.find((s) => {
    const wanted = parseKeys(s.keys);
    return wanted.key === key && wanted.shift === event.shiftKey;
  });
}
