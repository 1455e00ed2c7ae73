// The open article's pre-publish checks: run by the backend over the text
// on screen a moment after typing pauses (never per keystroke, so typing
// is never slowed), again when its fields or FAQ change, and at once before
// a move to Ready or Published.
import { commands, type ArticleId, type Report, type Status } from "../lib/bindings";
import { asksBeforeMoving } from "../lib/checks";
import type { ProblemStore } from "./problem.svelte";

/// How long typing pauses before the checks run.
const CHECK_AFTER_MS = 400;

export class ChecksStore {
  report = $state.raw<Report | null>(null);
  /// The text the report was made from: the editor shows its findings only
  /// while it still holds that text.
  checkedText = $state("");
  /// A move to Ready or Published waiting for the writer to confirm it
  /// despite errors.
  confirming = $state<Status | null>(null);
  private article: ArticleId | null = null;
  private text = "";
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;

  constructor(private readonly problems: ProblemStore) {}

  /// Another article opened (or none, for a trashed one): checked at once.
  reset(article: ArticleId | null, body: string) {
    clearTimeout(this.timer);
    this.article = article;
    this.text = body;
    this.report = null;
    this.checkedText = "";
    this.confirming = null;
    if (article !== null) void this.run();
  }

  /// The writer typed: checked once the typing pauses.
  edited(body: string) {
    this.text = body;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), CHECK_AFTER_MS);
  }

  /// A field, the FAQ or the site changed: checked again now.
  refresh() {
    clearTimeout(this.timer);
    void this.run();
  }

  /// Checks now and resolves with the report (or null when none could be made).
  async run(): Promise<Report | null> {
    if (this.article === null) return null;
    const seq = ++this.seq;
    const [article, text] = [this.article, this.text];
    try {
      const report = await commands.checkArticle(article, text);
      // Only the newest request's answer is shown.
      if (seq !== this.seq || article !== this.article) return report;
      this.report = report;
      this.checkedText = text;
      return report;
    } catch {
      // Checks run on their own: one that fails (the article was deleted
      // meanwhile) says nothing, and the last report stays until the next.
      return null;
    }
  }

  /// Requests every link to another site (the writer asked), then shows
  /// the report with what was found; later checks keep showing it.
  checkingLinks = $state(false);
  async checkLinks() {
    if (this.article === null || this.checkingLinks) return;
    const [article, text] = [this.article, this.text];
    this.checkingLinks = true;
    try {
      const report = await commands.checkLinks(article, text);
      if (article !== this.article) return;
      // Newer than any check still on its way.
      this.seq += 1;
      this.report = report;
      this.checkedText = text;
    } catch (error) {
      this.problems.show(error);
    } finally {
      this.checkingLinks = false;
    }
  }

  /// Whether a move from `from` to `to` may go ahead now; when errors stand
  /// in the way, it waits for `confirm` (the Checks panel shows them).
  async mayMove(from: Status, to: Status): Promise<boolean> {
    if (from === to || (to !== "ready" && to !== "published")) return true;
    const report = await this.run();
    if (!asksBeforeMoving(from, to, report)) return true;
    this.confirming = to;
    return false;
  }

  stop() {
    clearTimeout(this.timer);
  }
}
