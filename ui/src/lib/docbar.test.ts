import { describe, expect, it } from "vitest";
import { articleLink, fitBar, type BarAction } from "./docbar";

const widths: Partial<Record<BarAction, number>> = {
  link: 70,
  corrections: 110,
  outline: 63,
  faq: 65,
  history: 62,
  details: 60,
  export: 65,
};

describe("fitBar", () => {
  it("keeps everything, and the whole slug, when there is room", () => {
    const fit = fitBar({ room: 2000, gap: 6, widths, slug: 200, open: [] });
    expect(fit.folded).toEqual([]);
    expect(fit.slugWhole).toBe(true);
  });

  it("folds History first, then the link, FAQ, Outline, Details, Corrections, Export", () => {
    const total = Object.values(widths).reduce((a, b) => a + b + 6, 0);
    const folds: BarAction[][] = [];
    for (let room = total; room >= 0; room -= 1) {
      const { folded } = fitBar({ room, gap: 6, widths, slug: 300, open: [] });
      if (folds.length === 0 || folds[folds.length - 1].length !== folded.length) folds.push([...folded]);
    }
    expect(folds.map((f) => f.length)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // Each narrower step folds what the last did, and one more.
    const added = folds.slice(1).map((f, i) => f.find((a) => !folds[i].includes(a)));
    expect(added).toEqual(["history", "link", "faq", "outline", "details", "corrections", "export"]);
  });

  it("lists folded actions in the bar's order", () => {
    const fit = fitBar({ room: 80, gap: 6, widths, slug: 70, open: [] });
    expect([...fit.inline]).toEqual(["export"]);
    expect(fit.folded).toEqual(["link", "corrections", "outline", "faq", "history", "details"]);
    expect(fit.slugWhole).toBe(false);
  });

  it("keeps an open panel's toggle on the bar before anything else", () => {
    const fit = fitBar({ room: 80, gap: 6, widths, slug: 70, open: ["faq"] });
    expect([...fit.inline]).toEqual(["faq"]);
    expect(fit.folded).toContain("export");
  });

  it("shows the slug whole only when the room left allows it", () => {
    const room = 65 + 6 + 110 + 6 + 60 + 6 + 63 + 6 + 65 + 6 + 70 + 6 + 62 + 6;
    expect(fitBar({ room: room + 30, gap: 6, widths, slug: 100, open: [] }).slugWhole).toBe(true);
    expect(fitBar({ room: room + 29, gap: 6, widths, slug: 100, open: [] }).slugWhole).toBe(false);
  });

  it("leaves out actions that are not there", () => {
    const { corrections: _, ...draft } = widths;
    const fit = fitBar({ room: 1000, gap: 6, widths: draft, slug: 10, open: [] });
    expect(fit.inline.has("corrections")).toBe(false);
    expect(fit.folded).toEqual([]);
  });
});

describe("articleLink", () => {
  it("prefers the canonical URL, then the site's address, then the path", () => {
    expect(articleLink("ferry", "https://news.example/ferry", "https://site.example")).toBe("https://news.example/ferry");
    expect(articleLink("ferry", "", "https://site.example/")).toBe("https://site.example/ferry/");
    expect(articleLink("ferry", "", "")).toBe("/ferry/");
    expect(articleLink("ferry", "javascript:alert(1)", undefined)).toBe("/ferry/");
  });
});
