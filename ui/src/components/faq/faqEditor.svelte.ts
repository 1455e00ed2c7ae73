// The FAQ panel's editing: the text on screen per item, saving as the writer
// types, and every change to the list. Every change goes through one queue,
// so the backend sees them in the order they were made and the preview never
// shows an older state after a newer one. One editor per panel (the panel is
// keyed by article).
import {
  commands,
  type ArticleId,
  type FaqBlock,
  type FaqIssue,
  type FaqItem,
  type FaqItemId,
  type FaqView,
  type QuestionAnswer,
  type RemovedFaqItem,
} from "../../lib/bindings";
import { toBylineError } from "../../lib/call";
import { addedItem, arrangeView, issuesByItem, mergeDrafts, reorderView } from "../../lib/faq";

const SAVE_AFTER_MS = 400;
const RENDER_AFTER_MS = 200;
const UNDO_FOR_MS = 10_000;

export interface FaqSource {
  readonly article: ArticleId;
  /// The article's FAQ as the backend last gave it (null while it loads).
  readonly view: FaqView | null;
  /// A newer view of the article's FAQ: the app keeps it for the preview.
  changed(view: FaqView): void;
}

export class FaqEditor {
  /// The text on screen, per item. Bound to the inputs.
  drafts = $state<Record<FaqItemId, QuestionAnswer>>({});
  /// Each answer's rendered HTML (sanitised by the backend).
  answerHtml = $state<Record<FaqItemId, string>>({});
  problem = $state<string | null>(null);
  /// The item just removed, offered back for a few seconds.
  removed = $state<RemovedFaqItem | null>(null);
  /// The library's shared questions.
  blocks = $state<FaqBlock[]>([]);
  readonly items: FaqItem[];
  readonly issues: Map<FaqItemId, FaqIssue[]>;
  readonly uses = $derived(new Map(this.blocks.map((b) => [b.id, b.uses])));
  /// Shared questions this article already uses.
  readonly inArticle: Set<FaqBlock["id"]>;
  /// The item holding the keyboard; its text is never replaced from a view.
  focused: FaqItemId | null = null;

  // Not state: bookkeeping that only decides what to send or adopt.
  private readonly saveTimers = new Map<FaqItemId, ReturnType<typeof setTimeout>>();
  private readonly renderTimers = new Map<FaqItemId, ReturnType<typeof setTimeout>>();
  private readonly inflight = new Map<FaqItemId, number>();
  /// Items whose last save was refused: their text stays as typed.
  private readonly refused = new Set<FaqItemId>();
  /// The answer text each preview was rendered from.
  private readonly renderedFrom = new Map<FaqItemId, string>();
  private movesInFlight = 0;
  private undoTimer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly source: FaqSource) {
    this.items = $derived(this.source.view?.items ?? []);
    this.issues = $derived(this.source.view ? issuesByItem(this.source.view) : new Map());
    this.inArticle = $derived(new Set(this.items.map((i) => i.shared).filter((b) => b !== null)));
  }

  private busy(id: FaqItemId): boolean {
    return (
      this.focused === id || this.saveTimers.has(id) || (this.inflight.get(id) ?? 0) > 0 || this.refused.has(id)
    );
  }

  /// A new view from the backend: adopt its text for every item the writer
  /// is not busy with, and render answers whose text changed.
  adopt(items: FaqView["items"]) {
    const current = new Map(Object.entries(this.drafts).map(([k, v]) => [Number(k), v]));
    const merged = mergeDrafts(current, items, (id) => this.busy(id));
    this.drafts = Object.fromEntries(merged);
    for (const item of items) {
      if (this.renderedFrom.get(item.id) !== merged.get(item.id)!.answer) this.renderSoon(item.id, 0);
    }
  }

  fail(error: unknown) {
    this.problem = toBylineError(error).message;
  }

  /// Runs `job` after every change sent before it. A failure is shown in the
  /// panel and leaves the queue running.
  private enqueue<T>(job: () => Promise<T>): Promise<T | undefined> {
    const run = this.queue.then(job);
    this.queue = run.catch(() => undefined);
    return run.catch((error) => {
      this.fail(error);
      return undefined;
    });
  }

  /// Hands a view to the app. While a move is still on its way, an earlier
  /// answer is shown in the order on screen, so the list does not jump back.
  apply(next: FaqView | undefined) {
    if (!next) return;
    this.problem = null;
    const shown = this.movesInFlight > 0 ? arrangeView(next, this.items.map((i) => i.id)) : next;
    this.source.changed(shown);
  }

  async loadBlocks() {
    try {
      this.blocks = await commands.faqBlocks();
    } catch (error) {
      this.fail(error);
    }
  }

  // ---- typing --------------------------------------------------------------

  typed(id: FaqItemId, answerChanged: boolean) {
    clearTimeout(this.saveTimers.get(id));
    this.saveTimers.set(
      id,
      setTimeout(() => this.send(id), SAVE_AFTER_MS),
    );
    if (answerChanged) this.renderSoon(id, RENDER_AFTER_MS);
  }

  /// Sends the item's text as it is now (the newest keystrokes, not the
  /// ones that started the timer).
  send(id: FaqItemId): Promise<unknown> {
    clearTimeout(this.saveTimers.get(id));
    this.saveTimers.delete(id);
    const text = this.drafts[id];
    if (!text) return this.queue;
    const articleId = this.source.article;
    this.inflight.set(id, (this.inflight.get(id) ?? 0) + 1);
    return this.enqueue(async () => {
      try {
        const next = await commands.updateFaqItem(articleId, id, { ...text });
        this.refused.delete(id);
        return next;
      } catch (error) {
        this.refused.add(id);
        throw error;
      } finally {
        this.inflight.set(id, (this.inflight.get(id) ?? 1) - 1);
      }
    }).then((next) => this.apply(next));
  }

  /// Sends every edit still waiting for its pause. Called before another
  /// article opens, before saving or quitting, and when the panel closes, so
  /// the last keystrokes are never lost.
  flush(): Promise<unknown> {
    for (const id of [...this.saveTimers.keys()]) void this.send(id);
    return this.queue;
  }

  /// The writer left an item: it saves now rather than after the pause.
  left(id: FaqItemId) {
    if (this.focused === id) this.focused = null;
    if (this.saveTimers.has(id)) void this.send(id);
  }

  destroy() {
    void this.flush();
    clearTimeout(this.undoTimer);
    for (const t of this.renderTimers.values()) clearTimeout(t);
  }

  private renderSoon(id: FaqItemId, delay: number) {
    clearTimeout(this.renderTimers.get(id));
    this.renderTimers.set(
      id,
      setTimeout(async () => {
        this.renderTimers.delete(id);
        const markdown = this.drafts[id]?.answer;
        if (markdown === undefined) return;
        this.renderedFrom.set(id, markdown);
        if (markdown.trim() === "") {
          this.answerHtml[id] = "";
          return;
        }
        try {
          const html = await commands.renderAnswer(this.source.article, markdown);
          // Only the newest text's rendering is shown.
          if (this.drafts[id]?.answer === markdown) this.answerHtml[id] = html;
        } catch (error) {
          this.fail(error);
        }
      }, delay),
    );
  }

  // ---- changes to the list -------------------------------------------------
  // Each returns the id of an item it added, for the panel to focus.

  async add(): Promise<FaqItemId | undefined> {
    const before = this.items;
    const next = await this.enqueue(() => commands.addFaqItem(this.source.article, { question: "", answer: "" }, null));
    this.apply(next);
    return next ? addedItem(before, next.items)?.id : undefined;
  }

  /// Shows the item at its new place at once, then sends the move; the
  /// panel applies the answer once it has put the focus back.
  move(from: number, to: number): Promise<FaqView | undefined> | null {
    const view = this.source.view;
    if (!view || to < 0 || to >= this.items.length || from === to) return null;
    const id = this.items[from].id;
    this.source.changed(reorderView(view, from, to));
    this.movesInFlight += 1;
    const articleId = this.source.article;
    return this.enqueue(() => commands.moveFaqItem(articleId, id, to)).finally(() => (this.movesInFlight -= 1));
  }

  async remove(id: FaqItemId): Promise<boolean> {
    if (this.saveTimers.has(id)) void this.send(id);
    const articleId = this.source.article;
    const taken = await this.enqueue(async () => {
      const r = await commands.removeFaqItem(id);
      return { removed: r, view: await commands.articleFaq(articleId) };
    });
    if (!taken) return false;
    this.apply(taken.view);
    this.removed = taken.removed;
    clearTimeout(this.undoTimer);
    this.undoTimer = setTimeout(() => (this.removed = null), UNDO_FOR_MS);
    return true;
  }

  async undo(): Promise<FaqItemId | undefined> {
    if (!this.removed) return undefined;
    const r = this.removed;
    clearTimeout(this.undoTimer);
    this.removed = null;
    const before = this.items;
    const next = await this.enqueue(() => commands.restoreFaqItem(r));
    this.apply(next);
    return next ? addedItem(before, next.items)?.id : undefined;
  }

  async share(id: FaqItemId) {
    this.apply(await this.enqueue(() => commands.shareFaqItem(this.source.article, id)));
    await this.loadBlocks();
  }

  async detach(id: FaqItemId) {
    this.apply(await this.enqueue(() => commands.detachFaqItem(this.source.article, id)));
    await this.loadBlocks();
  }

  async insertBlock(block: FaqBlock): Promise<FaqItemId | undefined> {
    const before = this.items;
    const next = await this.enqueue(() => commands.insertFaqBlock(this.source.article, block.id, null));
    this.apply(next);
    await this.loadBlocks();
    return next ? addedItem(before, next.items)?.id : undefined;
  }

  async setStructuredData(on: boolean) {
    this.apply(await this.enqueue(() => commands.setFaqStructuredData(this.source.article, on)));
  }
}
