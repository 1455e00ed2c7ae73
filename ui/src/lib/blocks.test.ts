import { describe, expect, it } from "vitest";
import { sourceLines } from "./blocks";

describe("source positions", () => {
  it("reads the lines of a data-sourcepos value", () => {
    expect(sourceLines("3:1-5:20")).toEqual({ start: 3, end: 5 });
    expect(sourceLines("x")).toBeNull();
    expect(sourceLines(null)).toBeNull();
  });
});
