// The library list's rules that need no backend: how an edit moves a row,
// which view a new article is shown in, and the sidebar's counts.
import type { ArticleSummary, LibraryCounts, ListQuery, Status } from "./bindings";

export const DEFAULT_VIEW: ListQuery = { status: null, tag: null, sort: "edited", trash: false };

/// How many rows the list loads at a time: a screenful several times over,
/// so scrolling rarely waits, and little enough that a library of
/// thousands opens as fast as one of a few.
export const PAGE_SIZE = 100;

/// How many rows the window's first frame draws: more than the tallest
/// screen shows, fewer than a page (each row drawn costs the first frame).
export const FIRST_FRAME_ROWS = 40;

/// Rows this close to the end of what is loaded ask for the next page.
export const NEAR_END = 10;

/// The query for the list's first rows: a page, or as many as were loaded
/// (a reload keeps what the writer scrolled to, so the list does not jump).
/// One row more than shown says whether there are more.
export function firstPage(view: ListQuery, loaded: number): ListQuery {
  return { ...view, offset: 0, limit: Math.max(PAGE_SIZE, loaded) + 1 };
}

/// The query for the page after the `loaded` rows.
export function nextPage(view: ListQuery, loaded: number): ListQuery {
  return { ...view, offset: loaded, limit: PAGE_SIZE + 1 };
}

/// A page as asked for by `firstPage` or `nextPage`: its rows, and whether
/// the list goes on after them.
export function takePage(rows: ArticleSummary[], query: ListQuery): { rows: ArticleSummary[]; more: boolean } {
  const shown = (query.limit ?? rows.length + 1) - 1;
  return rows.length > shown ? { rows: rows.slice(0, shown), more: true } : { rows, more: false };
}

/// The list with the next page after it. A row already listed is not
/// listed twice (an edit can move a row the list had not reached to the
/// top, shifting the rest by one).
export function appendPage(articles: ArticleSummary[], page: ArticleSummary[]): ArticleSummary[] {
  const listed = new Set(articles.map((a) => a.id));
  return [...articles, ...page.filter((a) => !listed.has(a.id))];
}

/// Whether the row at `index` is near enough the end of the `length` rows
/// loaded to load the next page.
export function nearEnd(index: number, length: number): boolean {
  return index >= 0 && index >= length - NEAR_END;
}

/// Whether `summary` belongs in `view` (its status, tag and trash).
export function inView(summary: ArticleSummary, view: ListQuery): boolean {
  if ((summary.trashed_at !== null) !== view.trash) return false;
  if (view.status !== null && summary.status !== view.status) return false;
  const tag = view.tag?.trim().toLowerCase();
  return !tag || summary.tags.some((t) => t.toLowerCase() === tag);
}

/// Shows an edit in the list without a reload: the article's row gets its
/// new words and time, and moves to the top when sorted by last edited
/// (even from beyond the rows loaded so far, if the view shows it).
/// An article the view filters out stays out.
export function touchListed(articles: ArticleSummary[], summary: ArticleSummary, view: ListQuery): ArticleSummary[] {
  const listed = articles.some((a) => a.id === summary.id);
  if (view.sort === "edited" && !view.trash) {
    if (!listed && !inView(summary, view)) return articles;
    return [summary, ...articles.filter((a) => a.id !== summary.id)];
  }
  if (!listed) return articles;
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
