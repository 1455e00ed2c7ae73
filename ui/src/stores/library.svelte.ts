// The library list in the sidebar: which articles the view shows, the
// counts per status and tag, and full-text search.
import { commands, type ArticleId, type ArticleSummary, type LibraryCounts, type ListQuery, type SearchHit } from "../lib/bindings";
import { Latest } from "../lib/latest";
import { DEFAULT_VIEW, isEmptyLibrary, touchListed, wholeLibrary } from "../lib/listing";
import type { ProblemStore } from "./problem.svelte";

export class LibraryStore {
  articles = $state<ArticleSummary[]>([]);
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

  constructor(private readonly problems: ProblemStore) {
    this.searches = new Latest<string, SearchHit[]>(
      (q) => commands.searchArticles(q),
      (results, q) => {
        if (q === this.query) this.hits = results;
      },
      problems.show,
    );
  }

  /// Reloads the list for the current view and the counts. Called after
  /// anything that can move an article between filters.
  async refresh() {
    try {
      const [list, counts] = await Promise.all([commands.listArticles($state.snapshot(this.view)), commands.libraryCounts()]);
      this.articles = list;
      this.counts = counts;
    } catch (error) {
      this.problems.show(error);
    }
  }

  changeView(next: ListQuery) {
    this.view = next;
    void this.refresh();
  }

  /// Shows the whole library (new, imported and restored articles land there).
  async showWholeLibrary() {
    this.view = wholeLibrary(this.view);
    await this.refresh();
  }

  /// An edit reached the library: its row changes in place, and search
  /// results follow the new text.
  touch(summary: ArticleSummary) {
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

  titleOf(id: ArticleId): string {
    return this.articles.find((a) => a.id === id)?.title || "Untitled";
  }

  focusSearch() {
    this.searchInput?.focus();
    this.searchInput?.select();
  }
}
