import { describe, expect, it } from "vitest";
import type { ArticleSummary, LibraryCounts, ListQuery } from "./bindings";
import {
  appendPage,
  countOf,
  DEFAULT_VIEW,
  firstPage,
  inView,
  isEmptyLibrary,
  nearEnd,
  nextAfter,
  nextPage,
  PAGE_SIZE,
  takePage,
  touchListed,
  wholeLibrary,
} from "./listing";

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
    expect(touchListed(list, row(7), { ...DEFAULT_VIEW, status: "ready" })).toBe(list);
    expect(touchListed(list, row(7), { ...DEFAULT_VIEW, tag: "x" })).toBe(list);
    expect(touchListed(list, { ...row(7), trashed_at: "2026-01-02T00:00:00Z" }, DEFAULT_VIEW)).toBe(list);
  });

  it("brings an edited article the list had not loaded yet to the top", () => {
    expect(touchListed(list, row(7), DEFAULT_VIEW).map((a) => a.id)).toEqual([7, 1, 2, 3]);
    expect(touchListed(list, { ...row(7), tags: ["X"] }, { ...DEFAULT_VIEW, tag: "x" })[0].id).toBe(7);
    // In another order its place is further down, where a later page has it.
    expect(touchListed(list, row(7), { ...DEFAULT_VIEW, sort: "title" })).toBe(list);
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

describe("paging", () => {
  const rows = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => row(from + i));

  it("asks for a page and one row more, to know whether the list goes on", () => {
    const first = firstPage(DEFAULT_VIEW, 0);
    expect(first).toEqual({ ...DEFAULT_VIEW, offset: 0, limit: PAGE_SIZE + 1 });
    expect(takePage(rows(0, PAGE_SIZE + 1), first)).toEqual({ rows: rows(0, PAGE_SIZE), more: true });
    expect(takePage(rows(0, 7), first)).toEqual({ rows: rows(0, 7), more: false });
    expect(takePage([], first)).toEqual({ rows: [], more: false });
  });

  it("reloads at least as many rows as were loaded, so the list does not jump", () => {
    expect(firstPage({ ...DEFAULT_VIEW, sort: "title" }, 250)).toEqual({ ...DEFAULT_VIEW, sort: "title", offset: 0, limit: 251 });
    expect(firstPage(DEFAULT_VIEW, 3).limit).toBe(PAGE_SIZE + 1);
  });

  it("asks for the page after the rows loaded, in the same view", () => {
    const view: ListQuery = { ...DEFAULT_VIEW, status: "draft", tag: "x", trash: true };
    expect(nextPage(view, 100)).toEqual({ ...view, offset: 100, limit: PAGE_SIZE + 1 });
  });

  it("pages appended one after another make the whole list, a row moved up listed once", () => {
    const whole = rows(0, 250);
    let list: ArticleSummary[] = [];
    let more = true;
    while (more) {
      const query = list.length === 0 ? firstPage(DEFAULT_VIEW, 0) : nextPage(DEFAULT_VIEW, list.length);
      const page = takePage(whole.slice(query.offset ?? 0, (query.offset ?? 0) + (query.limit ?? 0)), query);
      list = appendPage(list, page.rows);
      more = page.more;
    }
    expect(list).toEqual(whole);
    expect(appendPage(rows(0, 3), rows(2, 5)).map((a) => a.id)).toEqual([0, 1, 2, 3, 4]);
  });

  it("loads more near the end of the rows loaded", () => {
    expect(nearEnd(89, 100)).toBe(false);
    expect(nearEnd(90, 100)).toBe(true);
    expect(nearEnd(99, 100)).toBe(true);
    expect(nearEnd(-1, 100)).toBe(false);
    expect(nearEnd(0, 3)).toBe(true);
  });

  it("knows which views an article belongs in", () => {
    const tagged = { ...row(1), tags: ["Nature"], status: "ready" as const };
    expect(inView(tagged, DEFAULT_VIEW)).toBe(true);
    expect(inView(tagged, { ...DEFAULT_VIEW, tag: "nature", status: "ready" })).toBe(true);
    expect(inView(tagged, { ...DEFAULT_VIEW, status: "draft" })).toBe(false);
    expect(inView(tagged, { ...DEFAULT_VIEW, trash: true })).toBe(false);
  });
});
