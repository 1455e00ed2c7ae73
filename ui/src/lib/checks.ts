// The pre-publish checks as the window shows them: findings in the body as
// CodeMirror diagnostics, the panel's groups, each place's label, and what
// moving to Ready or Published asks about. Pure functions of a report.
import type { Diagnostic } from "@codemirror/lint";
import type { Text } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import type { ArticleField, Finding, Place, Pos, Report, Severity, Status } from "./bindings";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "suggestion"];

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: "Errors",
  warning: "Warnings",
  suggestion: "Suggestions",
};

const FIELD_LABEL: Record<ArticleField, string> = {
  title: "Title",
  dek: "Dek",
  slug: "Slug",
  authors: "Authors",
  tags: "Tags",
  meta_description: "Description",
  canonical_url: "Canonical URL",
  featured_image: "Featured image",
  publish_at: "Publish date",
  word_target: "Word target",
};

/// Where a finding is, in a few words: "Line 12", "Title", "FAQ 2", "Site".
export function placeLabel(place: Place): string {
  switch (place.kind) {
    case "body":
      return `Line ${place.start.line}`;
    case "field":
      return FIELD_LABEL[place.field];
    case "faq":
      return `FAQ ${place.index + 1}`;
    case "site":
      return "Site settings";
  }
}

/// The document offset of a line (from 1) and a column counted in
/// characters (code points, from 1), clamped into the document.
export function offsetOf(doc: Text, pos: Pos): number {
  const line = doc.line(Math.min(Math.max(pos.line, 1), doc.lines));
  let offset = 0;
  let column = 1;
  for (const ch of line.text) {
    if (column >= pos.column) break;
    offset += ch.length;
    column += 1;
  }
  return line.from + offset;
}

/// How diagnostics look: @codemirror/lint draws its underlines and gutter
/// markers as `data:` SVG images, which the window's CSP (no image but the
/// app's own) refuses; these are the same marks in CSS alone, in the
/// themes' colours.
export const lintLook = EditorView.theme({
  ".cm-lintRange": {
    backgroundImage: "none",
    textDecorationLine: "underline",
    textDecorationStyle: "wavy",
    textDecorationSkipInk: "none",
    textUnderlineOffset: "3px",
  },
  ".cm-lintRange-error": { textDecorationColor: "var(--danger)" },
  ".cm-lintRange-warning": { textDecorationColor: "var(--warn)" },
  ".cm-lintRange-info": { textDecorationColor: "var(--ink-faint)" },
  ".cm-lintRange-active": { backgroundColor: "var(--selection)" },
  // The gutter is only as tall as the text, so CodeMirror's rule beside it
  // stopped part-way down the pane: the markers alone say where it is.
  ".cm-gutters": { borderRight: "none", backgroundColor: "var(--editor-bg)" },
  ".cm-gutter-lint": { width: "14px", backgroundColor: "var(--editor-bg)" },
  ".cm-gutter-lint .cm-gutterElement": { padding: "0", display: "flex", alignItems: "center", justifyContent: "center" },
  ".cm-lint-marker": { content: "normal", width: "7px", height: "7px", borderRadius: "50%" },
  ".cm-lint-marker-error": { backgroundColor: "var(--danger)" },
  ".cm-lint-marker-warning": { backgroundColor: "var(--warn)" },
  ".cm-lint-marker-info": { backgroundColor: "var(--ink-faint)" },
  ".cm-tooltip.cm-tooltip-lint, .cm-tooltip-lint": {
    backgroundColor: "var(--panel-bg)",
    color: "var(--ink)",
    border: "1px solid var(--rule-strong)",
    borderRadius: "6px",
    fontFamily: "var(--ui-font)",
    fontSize: "12.5px",
  },
  ".cm-diagnostic-error": { borderLeftColor: "var(--danger)" },
  ".cm-diagnostic-warning": { borderLeftColor: "var(--warn)" },
  ".cm-diagnostic-info": { borderLeftColor: "var(--ink-faint)" },
  ".cm-diagnosticSource": { color: "var(--ink-muted)" },
});

const LINT_SEVERITY: Record<Severity, Diagnostic["severity"]> = {
  error: "error",
  warning: "warning",
  suggestion: "info",
};

/// The findings in the body as diagnostics over `doc` (the text they were
/// found in). A finding about the whole text (an empty range) has none.
export function toDiagnostics(doc: Text, findings: readonly Finding[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    if (f.place.kind !== "body") continue;
    const from = offsetOf(doc, f.place.start);
    const to = offsetOf(doc, f.place.end);
    if (to <= from) continue;
    out.push({ from, to, severity: LINT_SEVERITY[f.severity], message: f.message, source: f.code });
  }
  return out;
}

/// The panel's groups, in severity order, empty ones left out.
export function grouped(report: Report): { severity: Severity; label: string; findings: Finding[] }[] {
  return SEVERITIES.map((severity) => ({
    severity,
    label: SEVERITY_LABEL[severity],
    findings: report.findings.filter((f) => f.severity === severity),
  })).filter((g) => g.findings.length > 0);
}

/// The doc bar's tally: errors and warnings (suggestions are not counted).
export function tally(report: Report | null): number {
  return report ? report.errors + report.warnings : 0;
}

/// Whether moving from `from` to `to` should first show the errors.
export function asksBeforeMoving(from: Status, to: Status, report: Report | null): boolean {
  return from !== to && (to === "ready" || to === "published") && (report?.errors ?? 0) > 0;
}
