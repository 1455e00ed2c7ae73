import { describe, expect, it } from "vitest";
import { charCount, descriptionLength, fromLocalInput, titleLength, toLocalInput } from "./metadata";

describe("length guidance", () => {
  it("measures titles against 60 characters", () => {
    expect(titleLength("")).toEqual({ tone: "none", text: "0 / 60" });
    expect(titleLength("Budget vote")).toEqual({ tone: "ok", text: "11 / 60" });
    expect(titleLength("x".repeat(61)).tone).toBe("warn");
    expect(titleLength("x".repeat(61)).text).toContain("61 / 60");
  });

  it("measures descriptions against 50–160 characters", () => {
    expect(descriptionLength("").tone).toBe("none");
    expect(descriptionLength("Too short.")).toEqual({ tone: "warn", text: "10 characters · short; aim for 50–160" });
    expect(descriptionLength("x".repeat(100)).tone).toBe("ok");
    expect(descriptionLength("x".repeat(161)).text).toContain("long");
  });

  it("counts an emoji or an accented letter as one character", () => {
    expect(charCount("🚀 café")).toBe(6);
  });
});

describe("publish date inputs", () => {
  it("round-trip a local time through UTC", () => {
    const iso = fromLocalInput("2026-05-01T09:30");
    expect(iso).toMatch(/Z$/);
    expect(toLocalInput(iso)).toBe("2026-05-01T09:30");
    expect(fromLocalInput("")).toBe("");
    expect(toLocalInput(null)).toBe("");
  });
});
