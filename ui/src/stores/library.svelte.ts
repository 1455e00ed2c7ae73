// The library list in the sidebar: which articles the view shows, the
// counts per status and tag, and full-text search.
import { commands, type ArticleId, type ArticleSummary, type LibraryCounts, type ListQuery, type SearchHit } from "../lib/bindings";
import { Latest } from "../lib/latest";
import { afterNextFrame } from "../lib/frames";
import { appendPage, DEFAULT_VIEW, FIRST_FRAME_ROWS, firstPage, isEmptyLibrary, nearEnd, nextPage, takePage, touchListed, wholeLibrary } from "../lib/listing";
import type { ProblemStore } from "./problem.svelte";

export class LibraryStore {
  /// The view's first rows, a page at a time (PAGE_SIZE) as the writer
  /// scrolls: a library of thousands opens as fast as one of a few.
  articles = $state<ArticleSummary[]>([]);
  /// The view lists more articles than are loaded.
  more = $state(false);
  /// The first list has arrived (until then the window shows no empty state).
  loaded = $state(false);
  counts = $state<LibraryCounts | null>(null);
  /// Which articles the list shows: filters, order, or the trash.
  view = $state<ListQuery>({ ...DEFAULT_VIEW });
  /// Search results for the current query; null when not searching.
  hits = $state<SearchHit[] | null>(null);
  readonly empty = $derived(isEmptyLibrary(this.articles, this.view));
  /// The sidebar's search field, for Ctrl+K.
  searchInput = $state<HTMLInputElement>();
  private query = "";
  private readonly searches: Latest<string, SearchHit[]>;
  /// Counts list loads: a page asked for before the list was reloaded (or
  /// its view changed) is dropped when it lands.
  private generation = 0;
  /// List reloads on their way: the next page waits for them (its offset
  /// would count rows of the list being replaced).
  private reloading = 0;
  private loadingMore = false;
  /// Titles of every article a list or search has shown, for names of
  /// articles the list has not loaded (the mirror's conflicts).
  private titles = new Map<ArticleId, string>();

  constructor(private readonly problems: ProblemStore) {
    this.searches = new Latest<string, SearchHit[]>(
      (q) => commands.searchArticles(q),
      (results, q) => {
        this.remember(results.map((hit) => hit.article));
        if (q === this.query) this.hits = results;
      },
      problems.show,
    );
  }

  /// Reloads the list for the current view and the counts. Called after
  /// anything that can move an article between filters.
  async refresh(rows = this.articles.length) {
    await Promise.all([this.refreshList(rows), this.refreshCounts()]);
  }

  /// Reloads the list's first page, or as many rows as were loaded, so the
  /// list the writer scrolled through stays as long as it was. The rows on
  /// screen stay until the new ones land (no empty list in between).
  async refreshList(rows = this.articles.length) {
    const generation = ++this.generation;
    const query = firstPage($state.snapshot(this.view), rows);
    this.reloading += 1;
    try {
      const rows = await commands.listArticles(query);
      if (generation === this.generation) this.show(rows, query);
    } catch (error) {
      this.problems.show(error);
    } finally {
      this.reloading -= 1;
    }
  }

  /// Shows `rows`, the answer to `query` (the first page of the view). In
  /// the window's first frame (`first`), only the rows a screen can show
  /// are drawn; the rest of the page follows that frame.
  show(rows: ArticleSummary[], query: ListQuery, first = false) {
    const page = takePage(rows, query);
    this.remember(page.rows);
    this.loaded = true;
    if (first && page.rows.length > FIRST_FRAME_ROWS) {
      this.articles = page.rows.slice(0, FIRST_FRAME_ROWS);
      this.more = false;
      const generation = this.generation;
      afterNextFrame(() => {
        if (generation !== this.generation) return;
        this.articles = appendPage(this.articles, page.rows);
        this.more = page.more;
      });
      return;
    }
    this.articles = page.rows;
    this.more = page.more;
  }

  async refreshCounts() {
    try {
      this.counts = await commands.libraryCounts();
    } catch (error) {
      this.problems.show(error);
    }
  }

  /// Loads the next page, unless one is on its way or all are loaded.
  async loadMore() {
    if (!this.more || this.loadingMore || this.reloading > 0) return;
    this.loadingMore = true;
    const generation = this.generation;
    const query = nextPage($state.snapshot(this.view), this.articles.length);
    try {
      const page = takePage(await commands.listArticles(query), query);
      if (generation !== this.generation) return;
      this.remember(page.rows);
      this.articles = appendPage(this.articles, page.rows);
      this.more = page.more;
    } catch (error) {
      this.problems.show(error);
    } finally {
      this.loadingMore = false;
    }
  }

  /// The row at `index` came into view or took the keyboard: near the end
  /// of what is loaded, the next page follows.
  reached(index: number) {
    if (nearEnd(index, this.articles.length)) void this.loadMore();
  }

  private remember(rows: ArticleSummary[]) {
    for (const a of rows) this.titles.set(a.id, a.title);
  }

  changeView(next: ListQuery) {
    this.view = next;
    // Another list: its first page, not as many rows as the last one had.
    void this.refresh(0);
  }

  /// Shows the whole library (new, imported and restored articles land there).
  async showWholeLibrary() {
    const whole = wholeLibrary(this.view);
    const same = JSON.stringify(whole) === JSON.stringify($state.snapshot(this.view));
    this.view = whole;
    await this.refresh(same ? this.articles.length : 0);
  }

  /// An edit reached the library: its row changes in place, and search
  /// results follow the new text.
  touch(summary: ArticleSummary) {
    this.titles.set(summary.id, summary.title);
    this.articles = touchListed(this.articles, summary, this.view);
  }

  edited(summary: ArticleSummary) {
    this.touch(summary);
    if (this.query.trim() !== "") this.searches.request(this.query);
  }

  search(q: string) {
    this.query = q;
    if (q.trim() === "") {
      this.searches.reset();
      this.hits = null;
    } else {
      this.searches.request(q);
    }
  }

  /// An article's title as the list or a search last showed it; null
  /// for one neither has shown yet.
  titleOf(id: ArticleId): string | null {
    const title = this.articles.find((a) => a.id === id)?.title ?? this.titles.get(id);
    return title === undefined ? null : title || "Untitled";
  }

  focusSearch() {
    this.searchInput?.focus();
    this.searchInput?.select();
  }
}
