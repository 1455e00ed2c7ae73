import { describe, expect, it } from "vitest";
import { clampWidth, parseWidth, SIDEBAR_DEFAULT, SIDEBAR_MAX, SIDEBAR_MIN } from "./sidebar";

describe("the sidebar's width", () => {
  it("stays between the narrowest and the widest it can be", () => {
    expect(clampWidth(320.4)).toBe(320);
    expect(clampWidth(40)).toBe(SIDEBAR_MIN);
    expect(clampWidth(4000)).toBe(SIDEBAR_MAX);
  });
  it("falls back to the default for anything unusable in storage", () => {
    expect(parseWidth(null)).toBe(SIDEBAR_DEFAULT);
    expect(parseWidth("wide")).toBe(SIDEBAR_DEFAULT);
    expect(parseWidth("380")).toBe(380);
    expect(parseWidth("90")).toBe(SIDEBAR_MIN);
  });
});
