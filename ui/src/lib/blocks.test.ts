import { describe, expect, it } from "vitest";
import { leadingSourcepos, sourceLines } from "./blocks";

describe("source positions", () => {
  it("reads the lines of a data-sourcepos value", () => {
    expect(sourceLines("3:1-5:20")).toEqual({ start: 3, end: 5 });
    expect(sourceLines("x")).toBeNull();
    expect(sourceLines(null)).toBeNull();
  });
  it("takes the block's own position, not a nested one", () => {
    expect(leadingSourcepos('<p data-sourcepos="4:1-4:9">a <em data-sourcepos="4:3-4:5">b</em></p>')).toBe("4:1-4:9");
    expect(leadingSourcepos('<section class="footnotes"><p data-sourcepos="9:1-9:2">x</p></section>')).toBeNull();
  });
});
