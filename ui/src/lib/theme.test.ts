import { describe, expect, it } from "vitest";
import { flipTheme, nextTheme, parseTheme } from "./theme";

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

describe("the theme key", () => {
  it("always shows the opposite of what shows now", () => {
    // A light desktop: System shows light, so the first press goes dark.
    expect(flipTheme("system", false)).toBe("dark");
    expect(flipTheme("dark", false)).toBe("system");
    expect(flipTheme("light", false)).toBe("dark");
    // A dark desktop.
    expect(flipTheme("system", true)).toBe("light");
    expect(flipTheme("light", true)).toBe("system");
    expect(flipTheme("dark", true)).toBe("light");
  });
});
