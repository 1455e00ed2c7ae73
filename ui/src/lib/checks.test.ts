import { describe, expect, it } from "vitest";
import { Text } from "@codemirror/state";
import type { Finding, Report } from "./bindings";
import { asksBeforeMoving, grouped, offsetOf, placeLabel, tally, toDiagnostics } from "./checks";

const finding = (over: Partial<Finding>): Finding => ({
  severity: "warning",
  code: "text.repeated_word",
  message: "Repeated.",
  place: { kind: "body", start: { line: 1, column: 1 }, end: { line: 1, column: 2 } },
  fix: null,
  ...over,
});

const report = (findings: Finding[]): Report => ({
  findings,
  errors: findings.filter((f) => f.severity === "error").length,
  warnings: findings.filter((f) => f.severity === "warning").length,
  suggestions: findings.filter((f) => f.severity === "suggestion").length,
  readability: { language: "en", score: 60, summary: "60 (plain English)" },
});

describe("placing findings in the editor", () => {
  it("counts columns in characters, not UTF-16 units", () => {
    const doc = Text.of(["Intro.", "", "🙂 the the end"]);
    // 🙂 is two UTF-16 units: column 3 is the "t" at offset 3 in the line.
    expect(offsetOf(doc, { line: 3, column: 3 })).toBe(doc.line(3).from + 3);
    expect(offsetOf(doc, { line: 9, column: 1 })).toBe(doc.line(3).from);
  });
  it("makes diagnostics of body findings only, with the lint severity", () => {
    const doc = Text.of(["the the"]);
    const diags = toDiagnostics(doc, [
      finding({ place: { kind: "body", start: { line: 1, column: 1 }, end: { line: 1, column: 8 } } }),
      finding({ severity: "suggestion", place: { kind: "body", start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } }),
      finding({ severity: "error", place: { kind: "field", field: "title" } }),
    ]);
    expect(diags).toEqual([{ from: 0, to: 7, severity: "warning", message: "Repeated.", source: "text.repeated_word" }]);
  });
});

describe("the panel and the doc bar", () => {
  it("groups by severity, errors first, and labels places", () => {
    const r = report([finding({}), finding({ severity: "error", place: { kind: "faq", index: 1 } })]);
    expect(grouped(r).map((g) => [g.label, g.findings.length])).toEqual([
      ["Errors", 1],
      ["Warnings", 1],
    ]);
    expect(placeLabel({ kind: "faq", index: 1 })).toBe("FAQ 2");
    expect(placeLabel({ kind: "field", field: "meta_description" })).toBe("Description");
    expect(placeLabel({ kind: "body", start: { line: 4, column: 2 }, end: { line: 4, column: 3 } })).toBe("Line 4");
    expect(tally(r)).toBe(2);
    expect(tally(null)).toBe(0);
  });
  it("asks before Ready or Published only when there are errors", () => {
    const bad = report([finding({ severity: "error" })]);
    const fine = report([finding({})]);
    expect(asksBeforeMoving("draft", "ready", bad)).toBe(true);
    expect(asksBeforeMoving("ready", "published", bad)).toBe(true);
    expect(asksBeforeMoving("draft", "in_review", bad)).toBe(false);
    expect(asksBeforeMoving("ready", "ready", bad)).toBe(false);
    expect(asksBeforeMoving("draft", "ready", fine)).toBe(false);
  });
});
