// The FAQ panel's logic that needs no window: reordering a view without
// waiting for the backend, where a drag lands, which server text the panel
// may adopt, and the sentences it shows.
import type { FaqIssue, FaqItem, FaqItemId, FaqView, QuestionAnswer } from "./bindings";

/// `list` with the entry at `from` moved to `to` (both 0-based; `to` is its
/// place after the move, as `moveFaqItem` takes it).
export function moveIndex<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length) return out;
  const [moved] = out.splice(from, 1);
  out.splice(Math.max(0, Math.min(to, out.length)), 0, moved);
  return out;
}

/// `view` with its items in the order of `ids` (items not named keep their
/// relative order after the named ones), each issue still under its item.
export function arrangeView(view: FaqView, ids: readonly FaqItemId[]): FaqView {
  const rank = new Map(ids.map((id, i) => [id, i]));
  const order = view.items
    .map((item, i) => ({ i, rank: rank.get(item.id) ?? ids.length + i }))
    .sort((a, b) => a.rank - b.rank)
    .map((e) => e.i);
  const newIndex = new Map(order.map((old, now) => [old, now]));
  return {
    ...view,
    items: order.map((i) => view.items[i]),
    issues: view.issues
      .map((issue) => ({ ...issue, index: newIndex.get(issue.index) ?? issue.index }))
      .sort((a, b) => a.index - b.index),
  };
}

/// The view as it will be once the backend has moved an item. The panel
/// shows this at once, so a keyboard move never waits on IPC (the rendered
/// HTML catches up when the backend answers).
export function reorderView(view: FaqView, from: number, to: number): FaqView {
  return arrangeView(
    view,
    moveIndex(
      view.items.map((i) => i.id),
      from,
      to,
    ),
  );
}

/// Each item's issues, by item id (issues name items by position).
export function issuesByItem(view: FaqView): Map<FaqItemId, FaqIssue[]> {
  const out = new Map<FaqItemId, FaqIssue[]>();
  for (const issue of view.issues) {
    const item = view.items[issue.index];
    if (!item) continue;
    const list = out.get(item.id) ?? [];
    list.push(issue);
    out.set(item.id, list);
  }
  return out;
}

/// Where an item dragged from `from` lands when dropped on the item at
/// `over`, in its upper half (`after` false) or its lower half: the
/// position to pass to `moveFaqItem`, or null when it would not move.
export function dropPosition(from: number, over: number, after: boolean): number | null {
  // The slot between items, counted in the list as it is now...
  const slot = after ? over + 1 : over;
  // ...and the position once the dragged item has left its own place.
  const to = slot > from ? slot - 1 : slot;
  return to === from ? null : to;
}

/// The text the panel should show for each item: the backend's, except for
/// items the writer is busy with (typing, a save on its way, or a refused
/// save), whose text as typed stays. The backend trims what it stores, so
/// adopting its text mid-word would eat the space just typed.
export function mergeDrafts(
  drafts: ReadonlyMap<FaqItemId, QuestionAnswer>,
  items: readonly FaqItem[],
  busy: (id: FaqItemId) => boolean,
): Map<FaqItemId, QuestionAnswer> {
  const out = new Map<FaqItemId, QuestionAnswer>();
  for (const item of items) {
    const mine = drafts.get(item.id);
    out.set(item.id, mine && busy(item.id) ? mine : { question: item.question, answer: item.answer });
  }
  return out;
}

/// The item in `after` that `before` did not have (the one just added).
export function addedItem(before: readonly FaqItem[], after: readonly FaqItem[]): FaqItem | undefined {
  const known = new Set(before.map((i) => i.id));
  return after.find((i) => !known.has(i.id));
}

export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/// The badge on a shared item, so the writer knows an edit reaches other
/// articles too.
export function sharedBadge(uses: number | undefined): string {
  if (uses === undefined) return "Shared";
  return `Shared · used by ${plural(uses, "article", "articles")}`;
}

/// What the structured data switch will publish, in a sentence.
export function structuredDataSummary(view: FaqView): string {
  if (!view.structured_data) return "This article's FAQ is published without structured data.";
  if (!view.site_structured_data) return "No structured data is published while the site has it turned off.";
  const total = view.items.length;
  const kept = view.in_structured_data;
  if (total === 0) return "Questions you add go into the structured data.";
  const flagged = total - kept;
  let lead: string;
  if (kept === total) {
    lead = total === 1 ? "The question goes into the structured data." : `All ${total} questions go into the structured data.`;
  } else {
    lead = `${kept.toLocaleString()} of ${plural(total, "question", "questions")} go into the structured data.`;
  }
  return flagged > 0 ? `${lead} Flagged questions are left out until they are fixed.` : lead;
}

/// The convert offer's question.
export function detectedMessage(count: number): string {
  return `This article ends with a FAQ section (${plural(count, "question", "questions")}). Convert it into FAQ items?`;
}

/// How a removed item is named in the Undo bar: its question, cut short.
export function removedLabel(question: string): string {
  const q = question.trim();
  if (q === "") return "Removed the untitled question.";
  return `Removed “${q.length > 60 ? `${q.slice(0, 57).trimEnd()}…` : q}”.`;
}
