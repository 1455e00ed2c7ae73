import { describe, expect, it } from "vitest";
import { dropSide } from "./popover";

const rect = (left: number, right: number) => ({ left, right }) as DOMRect;

describe("a doc-bar popover", () => {
  it("drops leftwards when there is room in the pane", () => {
    expect(dropSide(rect(600, 680), rect(260, 900), 300)).toBe("right");
  });
  it("drops rightwards near the pane's left edge, clear of the library", () => {
    expect(dropSide(rect(290, 360), rect(260, 900), 300)).toBe("left");
  });
});
