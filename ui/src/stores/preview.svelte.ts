// The open article's preview and counts, rendered by the backend for the
// newest text only.
import { commands, type ArticleId, type Preview, type TextChange, type TextStats } from "../lib/bindings";
import { splicePage, type PreviewPage } from "../lib/blocks";
import { Latest } from "../lib/latest";
import { Keystrokes, type Keystroke } from "../lib/typing";
import type { ProblemStore } from "./problem.svelte";

/// A preview to render: of a keystroke (which is staged in the same call),
/// or of the newest text.
interface Request {
  text: string;
  key: { key: Keystroke; staged: (value: unknown) => void; failed: (error: unknown) => void } | null;
}

export class PreviewStore {
  // Raw, not deep state: a page holds thousands of blocks, and only the
  // page as a whole is ever replaced.
  page = $state.raw<PreviewPage>({ blocks: [], change: null });
  stats = $state<TextStats | null>(null);
  /// Counts for the selected text, when there is a selection.
  selection = $state<TextStats | null>(null);
  /// The word count of the article as it was opened: the session count is
  /// measured from it. Set by the first preview after `reset`.
  sessionStart = $state<number | null>(null);
  /// Words written since the article was opened (negative after cutting).
  readonly sessionWords = $derived(
    this.stats && this.sessionStart !== null ? this.stats.words - this.sessionStart : 0,
  );
  // The generation of the preview on screen; the backend then sends HTML
  // only for blocks the page does not show yet.
  private shown: number | null = null;
  private text = "";
  private article: ArticleId | null = null;
  private selectionTimer: ReturnType<typeof setTimeout> | undefined;
  // One preview on its way at a time: a keystroke made meanwhile is staged
  // at once, and the newest text rendered when the preview lands.
  private readonly previews: Latest<Request, Preview | null>;
  private readonly keystrokes = new Keystrokes((id, seq, base, edit, since, render) =>
    commands.typeBody(id, seq, base, edit, since, render),
  );
  /// The page's header as the HTML export writes it (backend-built, every
  /// text escaped), shown above the blocks.
  header = $state("");
  private readonly headers: Latest<{ article: ArticleId; title: string }, string>;

  constructor(private readonly problems: ProblemStore) {
    this.previews = new Latest<Request, Preview | null>(
      (request) => this.run(request),
      (preview) => {
        if (preview !== null) this.take(preview);
      },
      problems.show,
    );
    this.headers = new Latest(
      ({ article, title }) => commands.previewHeader(article, title),
      (header, { article }) => {
        if (article === this.article) this.header = header;
      },
      problems.show,
    );
  }

  /// The header for the title as typed and the article's saved details
  /// (asked again whenever either, or the site's settings, change).
  headerFor(article: ArticleId, title: string) {
    this.headers.request({ article, title });
  }

  /// Another article opened: nothing of the last one's preview is reused.
  /// `rendered` is its preview and header when they came with it (the
  /// window's start), so the first frame shows them.
  reset(article: ArticleId, body: string, rendered: { preview: Preview; header: string } | null = null) {
    if (this.article !== article) this.header = "";
    this.article = article;
    this.previews.reset();
    this.keystrokes.reset();
    this.shown = null;
    this.selection = null;
    this.sessionStart = null;
    if (rendered) {
      this.text = body;
      this.take(rendered.preview);
      this.header = rendered.header;
    } else this.render(body);
  }

  private take(preview: Preview) {
    if (preview.splice) {
      // Made against the page this store last took, whose generation it
      // sent as `since`; anything else means the two lost step.
      const blocks = splicePage(this.page.blocks, preview.splice, preview.blocks);
      if (blocks === null) {
        this.refresh();
        return;
      }
      this.page = { blocks, change: { splice: preview.splice, blocks: preview.blocks } };
    } else {
      this.page = { blocks: preview.blocks, change: null };
    }
    this.shown = preview.generation;
    this.stats = preview.stats;
    if (this.sessionStart === null) this.sessionStart = preview.stats.words;
  }

  render(body: string) {
    this.text = body;
    this.previews.request({ text: body, key: null });
  }

  /// A keystroke in the open article (see `lib/typing.ts`): staged, and
  /// previewed in the same call unless a preview is on its way. Resolves
  /// once the backend has the text.
  typed(id: ArticleId, seq: number, base: string, text: string, changes: TextChange[] | null): Promise<unknown> {
    const key = this.keystrokes.next(id, seq, base, text, changes);
    if (id !== this.article) return this.keystrokes.send(key, null, false);
    this.text = text;
    if (!this.previews.idle) {
      this.previews.request({ text, key: null });
      return this.keystrokes.send(key, null, false);
    }
    return new Promise((staged, failed) => this.previews.request({ text, key: { key, staged, failed } }));
  }

  /// The page could not be patched (a new preview pane, or a lost response):
  /// ask for every block's HTML again.
  refresh() {
    this.shown = null;
    this.previews.request({ text: this.text, key: null });
  }

  private async run(request: Request): Promise<Preview | null> {
    const article = this.article;
    if (article === null) throw new Error("no article is open");
    if (request.key) {
      // The keystroke's failure is autosave's to show, not the preview's.
      const { key, staged, failed } = request.key;
      try {
        const preview = await this.keystrokes.send(key, this.shown, true);
        staged(undefined);
        return preview;
      } catch (error) {
        failed(error);
        return null;
      }
    }
    return (
      (await this.keystrokes.render(article, this.shown)) ??
      (await commands.renderPreview(article, request.text, this.shown))
    );
  }

  /// Counts for the selection, a moment after it settles (dragging a
  /// selection changes it on every mouse move).
  selected(text: string) {
    clearTimeout(this.selectionTimer);
    if (text.trim() === "") {
      this.selection = null;
      return;
    }
    this.selectionTimer = setTimeout(async () => {
      try {
        this.selection = await commands.textStats(text);
      } catch (error) {
        this.problems.show(error);
      }
    }, 120);
  }
}
