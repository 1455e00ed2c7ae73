import { describe, expect, it } from "vitest";
import { colorScheme, nextTheme, parseTheme } from "./theme";

describe("theme choice", () => {
  it("cycles system → light → dark → system", () => {
    expect(nextTheme("system")).toBe("light");
    expect(nextTheme("light")).toBe("dark");
    expect(nextTheme("dark")).toBe("system");
  });
  it("maps to a color-scheme, the system's when none is picked", () => {
    expect(colorScheme("system")).toBe("light dark");
    expect(colorScheme("dark")).toBe("dark");
  });
  it("falls back to the system for anything unknown in storage", () => {
    expect(parseTheme(null)).toBe("system");
    expect(parseTheme("purple")).toBe("system");
    expect(parseTheme("light")).toBe("light");
  });
});
