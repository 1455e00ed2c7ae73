import { describe, expect, it } from "vitest";
import { condense } from "./history";

describe("condensing a comparison", () => {
  const long = "word ".repeat(400);
  it("keeps short unchanged text and every change whole", () => {
    const spans = [
      { kind: "same" as const, text: "The " },
      { kind: "removed" as const, text: long },
      { kind: "added" as const, text: "new" },
    ];
    expect(condense(spans)).toEqual(spans);
  });
  it("shortens long unchanged stretches around a change, keeping the context next to it", () => {
    const out = condense([
      { kind: "same", text: "START " + long + "NEAR " },
      { kind: "added", text: "x" },
      { kind: "same", text: " AFTER " + long + "END" },
    ]);
    expect(out[0].text.startsWith("…")).toBe(true);
    expect(out[0].text.endsWith("NEAR ")).toBe(true);
    expect(out[0].text).not.toContain("START");
    expect(out[1]).toEqual({ kind: "added", text: "x" });
    expect(out[2].text.startsWith(" AFTER")).toBe(true);
    expect(out[2].text).not.toContain("END");
  });
  it("shows an unchanged article whole", () => {
    expect(condense([{ kind: "same", text: long }])[0].text).toBe(long);
  });
});
