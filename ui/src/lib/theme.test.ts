import { describe, expect, it } from "vitest";
import { nextTheme, parseTheme } from "./theme";

describe("theme choice", () => {
  it("cycles system → light → dark → system", () => {
    expect(nextTheme("system")).toBe("light");
    expect(nextTheme("light")).toBe("dark");
    expect(nextTheme("dark")).toBe("system");
  });
  it("falls back to the system for anything unknown in storage", () => {
    expect(parseTheme(null)).toBe("system");
    expect(parseTheme("purple")).toBe("system");
    expect(parseTheme("light")).toBe("light");
  });
});
