import { describe, expect, it } from "vitest";
import { SHORTCUTS } from "../stores/shortcuts";
import { findShortcut, parseKeys, type Shortcut } from "./shortcuts";

const press = (key: string, mods: Partial<Record<"ctrlKey" | "metaKey" | "altKey" | "shiftKey", boolean>> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe("findShortcut", () => {
  const table: Shortcut<null>[] = [
    { keys: "Ctrl+N", description: "new", run: () => {} },
    { keys: "Ctrl+Shift+D", description: "details", run: () => {} },
    { keys: "Ctrl+,", description: "settings", run: () => {} },
  ];

  it("matches Ctrl or Cmd with the exact Shift state", () => {
    expect(findShortcut(table, press("n", { ctrlKey: true }))?.description).toBe("new");
    expect(findShortcut(table, press("n", { metaKey: true }))?.description).toBe("new");
    expect(findShortcut(table, press("D", { ctrlKey: true, shiftKey: true }))?.description).toBe("details");
    expect(findShortcut(table, press("N", { ctrlKey: true, shiftKey: true }))).toBeUndefined();
    expect(findShortcut(table, press("d", { ctrlKey: true }))).toBeUndefined();
    expect(findShortcut(table, press(",", { ctrlKey: true }))?.description).toBe("settings");
  });

  it("ignores keys without Ctrl, and any with Alt", () => {
    expect(findShortcut(table, press("n"))).toBeUndefined();
    expect(findShortcut(table, press("n", { ctrlKey: true, altKey: true }))).toBeUndefined();
  });

  it("refuses a shortcut without Ctrl", () => {
    expect(() => parseKeys("Shift+X")).toThrow();
  });
});

describe("the window's shortcuts", () => {
  it("give each key one action", () => {
    const keys = SHORTCUTS.map((s) => JSON.stringify(parseKeys(s.keys)));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("keep the keys the app has always had", () => {
    const has = (keys: string) => SHORTCUTS.some((s) => s.keys === keys);
    for (const keys of ["Ctrl+N", "Ctrl+O", "Ctrl+K", "Ctrl+S", "Ctrl+Q", "Ctrl+,"]) expect(has(keys)).toBe(true);
    for (const k of "DHQEOPFTL") expect(has(`Ctrl+Shift+${k}`)).toBe(true);
    // Ctrl+E is the editor's inline code, Ctrl+Shift+N not a new article.
    expect(has("Ctrl+E")).toBe(false);
  });
});
