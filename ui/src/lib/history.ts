// Shaping a comparison for the History panel.
import type { DiffSpan } from "./bindings";

/// Long unchanged stretches shrink to their first and last lines around an
/// ellipsis, so a change in a 5,000-word article is found at a glance.
export function condense(spans: readonly DiffSpan[], keep = 240): DiffSpan[] {
  if (spans.length === 1 && spans[0].kind === "same") return [...spans];
  return spans.map((span, i) => {
    if (span.kind !== "same" || span.text.length <= keep * 2 + 40) return span;
    const first = i === 0;
    const last = i === spans.length - 1;
    const head = first ? "" : span.text.slice(0, keep);
    const tail = last ? "" : span.text.slice(-keep);
    return { kind: "same", text: `${head}${first ? "…" : "\n…\n"}${tail}`.replace(/\n…\n$/, "\n…") };
  });
}
