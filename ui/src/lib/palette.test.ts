import { describe, expect, it } from "vitest";
import { fuzzyScore, noteRecent, rank } from "./palette";

const entries = (...names: string[]) => names.map((name, i) => ({ id: `a${i}`, name }));
const names = (list: { name: string }[]) => list.map((e) => e.name);

describe("fuzzyScore", () => {
  it("matches the query's characters in order, any case", () => {
    expect(fuzzyScore("faq", "Show or hide the FAQ")).not.toBeNull();
    expect(fuzzyScore("shf", "Show or hide the FAQ")).not.toBeNull();
    expect(fuzzyScore("qaf", "Show or hide the FAQ")).toBeNull();
    expect(fuzzyScore("faqz", "Show or hide the FAQ")).toBeNull();
  });

  it("ignores accents and spaces in the query", () => {
    expect(fuzzyScore("resume", "Résumé of the week")).not.toBeNull();
    expect(fuzzyScore("focus mode", "Focus mode")).not.toBeNull();
  });

  it("matches everything with an empty query", () => {
    expect(fuzzyScore("", "anything")).toBe(0);
  });

  it("prefers consecutive characters and starts of words", () => {
    const consecutive = fuzzyScore("his", "Show or hide History")!;
    const scattered = fuzzyScore("his", "Show or hide Inline Script")!;
    expect(consecutive).toBeGreaterThan(scattered);
    // Word starts: "td" finds "The Details" before "sTuDio".
    expect(fuzzyScore("td", "the details")!).toBeGreaterThan(fuzzyScore("td", "studio")!);
  });

  it("prefers a prefix, and a shorter text at equal match", () => {
    expect(fuzzyScore("exp", "Export…")!).toBeGreaterThan(fuzzyScore("exp", "Typewriter expansion")!);
    expect(fuzzyScore("bold", "Bold")!).toBeGreaterThan(fuzzyScore("bold", "Bold and italic")!);
  });
});

describe("rank", () => {
  const list = entries("New article", "Show or hide the FAQ", "Focus mode", "Light or dark theme", "Export…");

  it("keeps the declared order with no query and nothing recent", () => {
    expect(names(rank(list, ""))).toEqual(names(list));
  });

  it("puts recent actions first with no query, the latest first", () => {
    const ranked = rank(list, "", ["a3", "a1"]);
    expect(names(ranked).slice(0, 3)).toEqual(["Light or dark theme", "Show or hide the FAQ", "New article"]);
    expect(ranked).toHaveLength(list.length);
  });

  it("leaves out what does not match and puts the best match first", () => {
    expect(names(rank(list, "faq"))).toEqual(["Show or hide the FAQ"]);
    expect(names(rank(list, "foc"))[0]).toBe("Focus mode");
  });

  it("lets recency break near-ties but not lift a poor match over a good one", () => {
    const two = entries("Heading 1", "Heading 2");
    expect(names(rank(two, "heading", ["a1"]))[0]).toBe("Heading 2");
    const good = entries("Export…", "Typewriter expansion");
    expect(names(rank(good, "export", ["a1"]))[0]).toBe("Export…");
  });
});

describe("noteRecent", () => {
  it("moves the action to the front, once, and keeps a bounded list", () => {
    expect(noteRecent(["b", "a", "c"], "a")).toEqual(["a", "b", "c"]);
    expect(noteRecent(["b"], "x", 2)).toEqual(["x", "b"]);
    expect(noteRecent(["a", "b"], "c", 2)).toEqual(["c", "a"]);
  });
});
