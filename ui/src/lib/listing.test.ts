import { describe, expect, it } from "vitest";
import type { ArticleSummary, LibraryCounts, ListQuery } from "./bindings";
import { countOf, DEFAULT_VIEW, isEmptyLibrary, nextAfter, touchListed, wholeLibrary } from "./listing";

function row(id: number, words = 1): ArticleSummary {
  return { id, title: `A${id}`, slug: `a${id}`, tags: [], words, status: "draft", publish_at: null, updated_at: "2026-01-01T00:00:00Z", trashed_at: null };
}

describe("touchListed", () => {
  const list = [row(1), row(2), row(3)];

  it("moves an edited article to the top when sorted by last edited", () => {
    const out = touchListed(list, row(3, 99), DEFAULT_VIEW);
    expect(out.map((a) => a.id)).toEqual([3, 1, 2]);
    expect(out[0].words).toBe(99);
  });

  it("updates the row in place in any other order, and in the trash", () => {
    for (const view of [{ ...DEFAULT_VIEW, sort: "title" }, { ...DEFAULT_VIEW, trash: true }] as ListQuery[]) {
      const out = touchListed(list, row(3, 99), view);
      expect(out.map((a) => a.id)).toEqual([1, 2, 3]);
      expect(out[2].words).toBe(99);
    }
  });

  it("leaves out an article the view filters out", () => {
    expect(touchListed(list, row(7), DEFAULT_VIEW)).toBe(list);
  });
});

describe("views", () => {
  it("shows the whole library, keeping the order", () => {
    const view: ListQuery = { status: "ready", tag: "x", sort: "title", trash: true };
    expect(wholeLibrary(view)).toEqual({ status: null, tag: null, sort: "title", trash: false });
  });

  it("calls the library empty only when nothing is filtered", () => {
    expect(isEmptyLibrary([], DEFAULT_VIEW)).toBe(true);
    expect(isEmptyLibrary([], { ...DEFAULT_VIEW, tag: "x" })).toBe(false);
    expect(isEmptyLibrary([], { ...DEFAULT_VIEW, status: "draft" })).toBe(false);
    expect(isEmptyLibrary([], { ...DEFAULT_VIEW, trash: true })).toBe(false);
    expect(isEmptyLibrary([row(1)], DEFAULT_VIEW)).toBe(false);
  });

  it("counts per status, and all live articles for none", () => {
    const counts: LibraryCounts = {
      live: 5,
      statuses: [
        { status: "draft", count: 3 },
        { status: "ready", count: 2 },
      ],
      trash: 1,
      tags: [],
    } as unknown as LibraryCounts;
    expect(countOf(counts, null)).toBe(5);
    expect(countOf(counts, "ready")).toBe(2);
    expect(countOf(counts, "published")).toBe(0);
    expect(countOf(null, null)).toBe(0);
  });

  it("opens the article that took the trashed one's place, or the last", () => {
    const before = [row(1), row(2), row(3)];
    expect(nextAfter(before, [row(1), row(3)], 2)?.id).toBe(3);
    expect(nextAfter(before, [row(1), row(2)], 3)?.id).toBe(2);
    expect(nextAfter(before, [], 1)).toBeUndefined();
  });
});
