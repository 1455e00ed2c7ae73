import { describe, expect, it } from "vitest";
import { shiftPos, sourceLines, splicePage } from "./blocks";

describe("source positions", () => {
  it("reads the lines of a data-sourcepos value", () => {
    expect(sourceLines("3:1-5:20")).toEqual({ start: 3, end: 5 });
    expect(sourceLines("x")).toBeNull();
    expect(sourceLines(null)).toBeNull();
  });
});

describe("a spliced page", () => {
  const block = (key: string, pos: string, html: string | null = null) => ({ key, pos, html });
  const page = [block("a", "1:1-1:4"), block("b", "3:1-3:4"), block("c", "5:1-6:2"), block("d", "")];

  it("keeps the head and tail around the new blocks", () => {
    const splice = { head: 1, tail: 2, shift: 0, length: 4 };
    expect(splicePage(page, splice, [block("b2", "3:1-3:5", "<p>b!</p>")])).toEqual([
      page[0],
      block("b2", "3:1-3:5", "<p>b!</p>"),
      page[2],
      page[3],
    ]);
  });

  it("moves the tail by the lines added above it", () => {
    const splice = { head: 1, tail: 2, shift: 2, length: 4 };
    const out = splicePage(page, splice, [block("b2", "3:1-5:1", "<p>b</p>")])!;
    expect(out.map((b) => b.pos)).toEqual(["1:1-1:4", "3:1-5:1", "7:1-8:2", ""]);
    // Lines removed, and nothing replaced: the page only closes up.
    const closed = splicePage(page, { head: 1, tail: 2, shift: -1, length: 4 }, [])!;
    expect(closed.map((b) => b.key)).toEqual(["a", "c", "d"]);
    expect(closed[1].pos).toBe("4:1-5:2");
  });

  it("refuses a page of another length", () => {
    expect(splicePage(page.slice(1), { head: 1, tail: 1, shift: 0, length: 4 }, [])).toBeNull();
    expect(splicePage(page, { head: 3, tail: 2, shift: 0, length: 4 }, [])).toBeNull();
  });

  it("shifts positions the way the backend does", () => {
    expect(shiftPos("3:1-5:20", 2)).toBe("5:1-7:20");
    expect(shiftPos("3:1-5:20", -2)).toBe("1:1-3:20");
    expect(shiftPos("", 3)).toBe("");
    expect(shiftPos("3:1-5:20", 0)).toBe("3:1-5:20");
  });
});
