import { describe, expect, it } from "vitest";
import { ACTIONS } from "../stores/shortcuts";
import { findShortcut, parseKeys, type Action } from "./shortcuts";

const press = (key: string, mods: Partial<Record<"ctrlKey" | "metaKey" | "altKey" | "shiftKey", boolean>> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe("findShortcut", () => {
  const table: Action<null>[] = [
    { id: "new", group: "g", keys: "Ctrl+N", name: "new", run: () => {} },
    { id: "palette-only", group: "g", name: "no key", run: () => {} },
    { id: "details", group: "g", keys: "Ctrl+Shift+D", name: "details", run: () => {} },
    { id: "settings", group: "g", keys: "Ctrl+,", name: "settings", run: () => {} },
  ];

  it("matches Ctrl or Cmd with the exact Shift state", () => {
    expect(findShortcut(table, press("n", { ctrlKey: true }))?.name).toBe("new");
    expect(findShortcut(table, press("n", { metaKey: true }))?.name).toBe("new");
    expect(findShortcut(table, press("D", { ctrlKey: true, shiftKey: true }))?.name).toBe("details");
    expect(findShortcut(table, press("N", { ctrlKey: true, shiftKey: true }))).toBeUndefined();
    expect(findShortcut(table, press("d", { ctrlKey: true }))).toBeUndefined();
    expect(findShortcut(table, press(",", { ctrlKey: true }))?.name).toBe("settings");
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
  it("give each key one action, the editor's keys included", () => {
    const keys = ACTIONS.filter((a) => a.keys).map((a) => JSON.stringify(parseKeys(a.keys!)));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("declare each action once", () => {
    const ids = ACTIONS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const names = ACTIONS.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("keep the keys the app has always had", () => {
    const window = ACTIONS.filter((a) => !a.editorKey);
    const has = (keys: string) => window.some((s) => s.keys === keys);
    for (const keys of ["Ctrl+N", "Ctrl+O", "Ctrl+K", "Ctrl+S", "Ctrl+Q", "Ctrl+,", "Ctrl+P"]) expect(has(keys)).toBe(true);
    for (const k of "DHQEOPFTL") expect(has(`Ctrl+Shift+${k}`)).toBe(true);
    // Ctrl+E is the editor's inline code (listed, but the editor's to
    // handle), Ctrl+Shift+N not a new article.
    expect(has("Ctrl+E")).toBe(false);
    expect(ACTIONS.find((a) => a.keys === "Ctrl+E")?.editorKey).toBe(true);
  });

  it("offer the palette's modes as actions", () => {
    for (const id of ["open-article", "go-to-heading", "shortcuts"]) expect(ACTIONS.some((a) => a.id === id)).toBe(true);
  });
});

describe("the More menu", () => {
  it("is read from the one action list, in its order", async () => {
    const { moreMenu } = await import("../stores/shortcuts");
    const open = { doc: { writable: true, current: {} } } as unknown as Parameters<typeof moreMenu>[0];
    expect(moreMenu(open).map((a) => [a.id, a.more])).toEqual([
      ["publish", "Publish…"],
      ["duplicate", "Duplicate"],
      ["trash", "Move to trash"],
    ]);
    const trashed = { doc: { writable: false, current: {} } } as unknown as Parameters<typeof moreMenu>[0];
    expect(moreMenu(trashed)).toEqual([]);
  });
});
