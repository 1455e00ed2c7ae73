// The library list's rules that need no backend: how an edit moves a row,
// which view a new article is shown in, and the sidebar's counts.
import type { ArticleSummary, LibraryCounts, ListQuery, Status } from "./bindings";

export const DEFAULT_VIEW: ListQuery = { status: null, tag: null, sort: "edited", trash: false };

/// Shows an edit in the list without a reload: the article's row gets its
/// new words and time, and moves to the top when sorted by last edited.
/// An article not in the list (filtered out) stays out.
export function touchListed(articles: ArticleSummary[], summary: ArticleSummary, view: ListQuery): ArticleSummary[] {
  if (!articles.some((a) => a.id === summary.id)) return articles;
  if (view.sort === "edited" && !view.trash) return [summary, ...articles.filter((a) => a.id !== summary.id)];
  return articles.map((a) => (a.id === summary.id ? summary : a));
}

/// The whole library, in the view's order: where new and imported articles
/// show, whatever filter or trash was on screen.
export function wholeLibrary(view: ListQuery): ListQuery {
  return { ...view, trash: false, status: null, tag: null };
}

/// Whether the view filters the library (by status or tag).
export function isFiltered(view: ListQuery): boolean {
  return view.status !== null || view.tag !== null;
}

/// The library has no live articles at all (not just none in this view).
export function isEmptyLibrary(articles: ArticleSummary[], view: ListQuery): boolean {
  return articles.length === 0 && !view.trash && !isFiltered(view);
}

/// How many live articles have `status`, or all of them for null.
export function countOf(counts: LibraryCounts | null, status: Status | null): number {
  if (!counts) return 0;
  if (status === null) return counts.live;
  return counts.statuses.find((s) => s.status === status)?.count ?? 0;
}

/// The next article to open after `id` leaves the list: the one now at its
/// place, or the last.
export function nextAfter(before: ArticleSummary[], after: ArticleSummary[], id: ArticleSummary["id"]) {
  const at = before.findIndex((a) => a.id === id);
  return after[Math.min(Math.max(at, 0), after.length - 1)];
}
