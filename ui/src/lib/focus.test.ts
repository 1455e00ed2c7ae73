import { describe, expect, it } from "vitest";
import { nextIndex } from "./focus";

describe("Tab inside a panel", () => {
  it("goes round instead of leaving it", () => {
    expect(nextIndex(0, 3, 1)).toBe(1);
    expect(nextIndex(2, 3, 1)).toBe(0);
    expect(nextIndex(0, 3, -1)).toBe(2);
  });
  it("starts at either end when the keyboard is not on a control yet", () => {
    expect(nextIndex(-1, 3, 1)).toBe(0);
    expect(nextIndex(-1, 3, -1)).toBe(2);
    expect(nextIndex(-1, 0, 1)).toBe(-1);
  });
});
