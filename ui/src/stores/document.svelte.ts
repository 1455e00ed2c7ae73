// The open article: its text and title as the editor has them, the autosave
// protocol (staging each edit, the `autosave` event, the base its edits build
// on and what happens when the body changed elsewhere), the conflict banners,
// its FAQ and corrections for the preview, and the actions on it.
import { tick } from "svelte";
import type Editor from "../components/Editor.svelte";
import {
  commands,
  type Article,
  type ArticleField,
  type ArticleId,
  type ConflictChoice,
  type FaqView,
  type ImageDownloadReport,
  type ImportReport,
  type PastedPage,
  type Preview,
  type MirrorConflict,
  type SaveEvent,
  type Status,
  type PastedArticle,
  type StructureChange,
  type TextChange,
  type Updates,
} from "../lib/bindings";
import { looksPasted, undoChange } from "../lib/structure";
import { AutosaveSession, type SaveState } from "../lib/autosave";
import { toBylineError } from "../lib/call";
import { nextAfter } from "../lib/listing";
import { conflictOf } from "../lib/mirror";
import type { ChecksStore } from "./checks.svelte";
import type { LibraryStore } from "./library.svelte";
import type { MirrorStore } from "./mirror.svelte";
import type { PanelStore } from "./panels.svelte";
import type { PreviewStore } from "./preview.svelte";
import type { ProblemStore } from "./problem.svelte";

export class DocumentStore {
  current = $state<Article | null>(null);
  /// The title field's text, committed after a pause or on leaving it.
  title = $state("");
  /// The editor's text, for the outline.
  body = $state("");
  save = $state<SaveState>({ kind: "saved" });
  /// Text typed while the body changed elsewhere: kept as this revision,
  /// not saved over the other change, until the writer chooses.
  diverged = $state<{ id: ArticleId; revision: number } | null>(null);
  /// The open article's corrections and their "Updates" HTML.
  updates = $state<Updates | null>(null);
  /// The open article's FAQ: its items for the panel, its section for the preview.
  faq = $state<FaqView | null>(null);
  /// A FAQ section found at the end of the body, offered for conversion.
  detected = $state<{ id: ArticleId; count: number } | null>(null);
  /// Plain text just pasted that reads as a whole article, with the
  /// structure it would get.
  pasteOffer = $state<{
    id: ArticleId;
    from: number;
    text: string;
    pasted: PastedArticle;
    /// The paste was a whole web page: its fields and what it became.
    page: PastedPage | null;
  } | null>(null);
  /// The HTML of a whole web page being pasted, until its paste lands.
  private pastedPage: string | null = null;
  /// Shows a review of what became what (the import panel's).
  onreview: ((report: ImportReport) => void) | null = null;
  /// Bumped after each save so History and Export list new checkpoints.
  savedVersion = $state(0);
  confirmingDelete = $state(false);
  /// The article just moved to the trash, offered back for a while.
  justTrashed = $state<{ id: ArticleId; title: string } | null>(null);
  private trashedTimer: ReturnType<typeof setTimeout> | undefined;
  /// The open article's conflict with its mirror file, if any.
  readonly conflict: MirrorConflict | null;
  /// Open and not in the trash: the article can be written and its panels shown.
  readonly writable = $derived(this.current !== null && !this.current.trashed_at);

  editor = $state<Editor>();
  titleInput = $state<HTMLTextAreaElement>();
  /// Sends edits an open FAQ panel still holds; set by the panel.
  flushFaq: (() => Promise<unknown>) | null = null;

  /// Articles whose FAQ offer the writer dismissed (until they paste again).
  private readonly declined = new Set<ArticleId>();
  private titleTimer: ReturnType<typeof setTimeout> | undefined;
  // Each keystroke is one call that stages it and renders the preview.
  private readonly autosave = new AutosaveSession((id, body, seq, base, changes) =>
    this.preview.typed(id, seq, base, body, changes),
  );

  constructor(
    private readonly problems: ProblemStore,
    private readonly library: LibraryStore,
    private readonly panels: PanelStore,
    private readonly mirror: MirrorStore,
    private readonly preview: PreviewStore,
    private readonly checks: ChecksStore,
  ) {
    this.conflict = $derived(conflictOf(this.mirror.status, this.current));
  }

  /// Resolves once the newest typing has reached the backend.
  staged(): Promise<unknown> {
    return this.autosave.settled();
  }

  async open(id: ArticleId) {
    if (this.current?.id === id) return;
    // The FAQ panel's last keystrokes belong to the article being left.
    await this.flushFaq?.();
    await this.commitTitle();
    try {
      this.show(await commands.openArticle(id));
    } catch (error) {
      this.problems.show(error);
    }
  }

  /// Shows `article`, just opened; `rendered` is its preview when it came
  /// with it. At the window's start (`atStart`) what is loaded around it
  /// waits for the first frame (`loadAround`, called by `Stores.begin`).
  show(article: Article, rendered: { preview: Preview; header: string } | null = null, atStart = false) {
    this.current = article;
    this.title = article.title;
    this.autosave.rebase(article.body_hash);
    this.body = article.body;
    this.save = { kind: "saved" };
    this.confirmingDelete = false;
    this.panels.opened(article.trashed_at !== null);
    this.preview.reset(article.id, article.body, rendered);
    this.updates = null;
    this.faq = null;
    this.detected = null;
    this.pasteOffer = null;
    if (!atStart) this.loadAround();
  }

  /// What the window shows around the open article, each loaded on its
  /// own: the mirror's state, the checks, the FAQ, the corrections and the
  /// offer to convert a FAQ section. At start these follow the first frame.
  loadAround() {
    const article = this.current;
    if (!article) return;
    void this.mirror.refresh();
    this.checks.reset(article.trashed_at ? null : article.id, this.body);
    void this.loadFaq(article.id);
    if (!article.trashed_at) void this.offerConversion(article.id, this.body);
    commands
      .articleUpdates(article.id)
      .then((u) => {
        if (this.current?.id === article.id) this.updates = u;
      })
      .catch(this.problems.show);
  }

  /// Opens `id` in the whole library's list, with the title ready to type.
  private async openNew(id: ArticleId) {
    await this.library.showWholeLibrary();
    await this.open(id);
    await tick();
    this.titleInput?.focus();
  }

  async create() {
    try {
      const article = await commands.createArticle();
      // A new draft belongs in the library list, whatever was on screen.
      await this.openNew(article.id);
    } catch (error) {
      this.problems.show(error);
    }
  }

  /// "Load images": this article's images from other sites load from now
  /// until the app quits, in the preview and the FAQ section alike.
  async loadRemoteImages() {
    const id = this.current?.id;
    if (id === undefined) return;
    try {
      await commands.loadRemoteImages(id);
      this.preview.refresh();
      void this.loadFaq(id);
    } catch (error) {
      this.problems.show(error);
    }
  }

  /// The editor's text changed; `changes` turn the text it had into `text`.
  edited(text: string, changes: TextChange[] | null = null) {
    if (!this.current) return;
    this.body = text;
    // A failure stays on show while the writer types on: the text is kept
    // and retried, but it is not saved until a save of it says so.
    if (this.save.kind !== "error") this.save = { kind: "saving" };
    this.autosave.stage(this.current.id, text, (error) => {
      const { message, code } = toBylineError(error);
      this.save = { kind: "error", message, code };
    }, changes);
    this.checks.edited(text);
  }

  onAutosave(event: SaveEvent) {
    const outcome = this.autosave.outcome(event, this.current?.id ?? null);
    if (event.state === "saved") this.library.edited(event.article);
    else if (outcome.listed) this.library.touch(outcome.listed);
    if (outcome.save) this.save = outcome.save;
    if (outcome.checkpoint) this.savedVersion += 1;
    if (outcome.diverged) {
      // The body changed elsewhere (its mirror file, the command line)
      // while the writer typed: the editor takes the stored body, and the
      // banner offers the typed text back.
      this.diverged = outcome.diverged;
      void this.reloadOpen(outcome.diverged.id);
    }
  }

  /// The open article changed in the library (metadata, status, title).
  saved(article: Article) {
    if (this.current?.id !== article.id) return;
    this.current = { ...article, body: this.current.body };
    if (document.activeElement !== this.titleInput) this.title = article.title;
    void this.library.refresh();
    this.checks.refresh();
  }

  /// The library holds a new body for the open article (a restore, the
  /// mirror, a conversion): the editor takes it as one undoable change, and
  /// the title, fields and FAQ follow.
  private replaced(article: Article) {
    this.autosave.rebase(article.body_hash);
    this.editor?.replaceText(article.body);
    this.saved(article);
    this.savedVersion += 1;
    void this.loadFaq(article.id);
  }

  /// Loads the open article's text again after it changed outside the editor.
  async reloadOpen(id: ArticleId): Promise<boolean> {
    try {
      const article = await commands.openArticle(id);
      if (this.current?.id !== id) return false;
      this.replaced(article);
      return true;
    } catch (error) {
      this.problems.show(error);
      return false;
    }
  }

  /// A revision was restored (History, or the diverged banner).
  restored(article: Article) {
    if (this.current?.id !== article.id) return;
    this.replaced(article);
  }

  async resolveConflict(choice: ConflictChoice) {
    if (!this.current) return;
    const id = this.current.id;
    await this.staged();
    const article = await commands.resolveMirrorConflict(id, choice);
    await this.mirror.refresh();
    if (this.current?.id !== id) return;
    // Keeping mine changes nothing on screen (and typing since must stay).
    if (choice === "file") {
      this.autosave.rebase(article.body_hash);
      this.editor?.replaceText(article.body);
    }
    this.saved(article);
    this.savedVersion += 1;
    void this.loadFaq(id);
  }

  async resolveDiverged(choice: "mine" | "theirs") {
    if (!this.current || !this.diverged) return;
    const { id, revision } = this.diverged;
    if (choice === "mine") {
      await this.staged();
      this.restored(await commands.restoreRevision(id, revision));
    }
    this.diverged = null;
  }

  // ---- title ---------------------------------------------------------------

  /// Undoes one change an import's structure rules made in the open article
  /// (the review's Undo): the editor takes the text as one undoable edit,
  /// saved like typing. False when the change is no longer in the text.
  undoStructure(change: StructureChange): boolean {
    if (!this.current) return false;
    const next = undoChange({ title: this.title, body: this.body }, change);
    if (!next) return false;
    if (next.body !== this.body) this.editor?.replaceText(next.body);
    if (next.title !== this.title) {
      this.title = next.title;
      this.titleEdited();
    }
    return true;
  }

  /// "Download N images" in the import review: the backend fetches the
  /// article's images from other sites (only now, only http(s)) and points
  /// the text at the copies; an open article's editor takes the new text as
  /// one undoable change. Null when the download could not start.
  async downloadImages(id: ArticleId): Promise<ImageDownloadReport | null> {
    try {
      // The text downloaded into is the one on screen.
      if (this.current?.id === id) await this.staged();
      const done = await commands.downloadImages(id);
      if (this.current?.id === id && done.report.downloaded > 0) this.replaced(done.article);
      return done.report;
    } catch (error) {
      this.problems.show(error);
      return null;
    }
  }

  titleEdited() {
    clearTimeout(this.titleTimer);
    this.titleTimer = setTimeout(() => void this.commitTitle(), 400);
  }

  async commitTitle() {
    clearTimeout(this.titleTimer);
    this.titleTimer = undefined;
    if (!this.current || this.title === this.current.title) return;
    const id = this.current.id;
    try {
      const article = await commands.renameArticle(id, this.title);
      if (this.current?.id === id) this.current = { ...article, body: this.current.body };
      this.library.touch(article);
    } catch (error) {
      this.problems.show(error);
    }
  }

  // ---- FAQ -----------------------------------------------------------------

  async loadFaq(id: ArticleId) {
    try {
      const view = await commands.articleFaq(id);
      if (this.current?.id === id) this.faq = view;
    } catch (error) {
      this.problems.show(error);
    }
  }

  /// The FAQ panel changed `id`'s FAQ: the preview shows the new section.
  faqChanged(view: FaqView, id: ArticleId) {
    if (this.current?.id !== id) return;
    this.faq = view;
    this.checks.refresh();
  }

  /// Offers to turn a FAQ section written at the end of the body into FAQ
  /// items, on opening an article and after a paste.
  async offerConversion(id: ArticleId, body: string) {
    if (this.declined.has(id)) return;
    try {
      const found = await commands.detectFaq(body);
      if (this.current?.id !== id) return;
      this.detected = found && found.items.length > 0 ? { id, count: found.items.length } : null;
    } catch (error) {
      this.problems.show(error);
    }
  }

  /// The clipboard's HTML is a whole web page: the paste that follows is
  /// offered the page's article (never applied unasked).
  pagePasted(html: string) {
    this.pastedPage = html;
  }

  pasted(inserted = "", from = 0) {
    if (!this.current || !this.editor) return;
    this.declined.delete(this.current.id);
    void this.offerConversion(this.current.id, this.editor.text());
    void this.offerStructure(this.current.id, inserted, from);
  }

  /// Plain text pasted that reads as a whole article (a title, and a
  /// heading, callout, FAQ or site chrome): its structure is offered, never
  /// applied unasked.
  private async offerStructure(id: ArticleId, inserted: string, from: number) {
    this.pasteOffer = null;
    const page = this.pastedPage;
    this.pastedPage = null;
    if (page !== null && inserted !== "") {
      try {
        const read = await commands.structurePage(page);
        if (this.current?.id === id && read.looks_like_article)
          this.pasteOffer = { id, from, text: inserted, pasted: read, page: read };
      } catch {
        // Not a page Byline can read an article from: the paste stays as
        // pasted, which is what the writer sees already.
      }
      return;
    }
    if (!looksPasted(inserted)) return;
    try {
      const pasted = await commands.structureText(inserted);
      if (this.current?.id === id && pasted.looks_like_article) this.pasteOffer = { id, from, text: inserted, pasted, page: null };
    } catch (error) {
      this.problems.show(error);
    }
  }

  /// "Structure it": the pasted text, if still there as pasted, is replaced
  /// by its structured Markdown (one undoable edit); its first line becomes
  /// the title when the article has none. A FAQ arrives as a section, which
  /// the usual offer turns into FAQ items.
  takeStructure() {
    const offer = this.pasteOffer;
    this.pasteOffer = null;
    if (!offer || !this.current || this.current.id !== offer.id || !this.editor) return;
    const body = this.editor.text();
    if (body.slice(offer.from, offer.from + offer.text.length) !== offer.text) {
      this.problems.say("The pasted text has changed since; nothing was restructured.");
      return;
    }
    const useTitle = this.title.trim() === "" && offer.pasted.title !== "";
    const insert = useTitle ? offer.pasted.body : `${offer.pasted.title}\n\n${offer.pasted.body}`;
    this.editor.replaceText(body.slice(0, offer.from) + insert + body.slice(offer.from + offer.text.length));
    if (useTitle) {
      this.title = offer.pasted.title;
      this.titleEdited();
    }
    void this.offerConversion(offer.id, this.editor.text());
    if (offer.page) void this.takePage(offer.id, offer.page, useTitle);
    else {
      const changes = useTitle ? offer.pasted.changes : offer.pasted.changes.filter((c) => c.kind !== "title");
      this.review(offer.id, "Pasted text", [], changes);
    }
  }

  /// The review after a structured paste: what became what, each change
  /// with its Undo (in the editor, so it is one more undoable edit).
  private review(id: ArticleId, path: string, mapped: string[], structure: StructureChange[]) {
    const current = this.current;
    if (!current || current.id !== id) return;
    this.onreview?.({
      files: [
        {
          path,
          outcome: "updated",
          article: id,
          slug: current.slug,
          title: this.title,
          mapped,
          kept: [],
          skipped: [],
          warnings: [],
          structure,
          images: 0,
          faq_items: 0,
          remote_images: 0,
          downloads: null,
          error: null,
        },
      ],
      skipped: [],
      created: 0,
      updated: 1,
      failed: 0,
    });
  }

  /// A pasted page's fields fill the article's empty ones, then the review
  /// shows what became what, each change with its Undo.
  private async takePage(id: ArticleId, page: PastedPage, tookTitle: boolean) {
    // The title taken first, so the fields' saves do not bring back the old one.
    await this.commitTitle();
    const current = this.current;
    if (!current || current.id !== id) return;
    const filled: string[] = [];
    const fill = async (field: ArticleField, value: string, empty: boolean, label: string) => {
      if (!empty || value === "") return;
      try {
        this.saved(await commands.setField(id, field, value));
        filled.push(label);
      } catch {
        // A value the field's rules refuse is left out, as an import does.
      }
    };
    await fill("meta_description", page.description, current.meta_description === "", "description");
    await fill("canonical_url", page.canonical_url, current.canonical_url === "", "canonical");
    await fill("authors", page.authors.join(", "), current.authors.length === 0, "authors");
    await fill("featured_image", page.image, current.featured_image === "", "image");
    const changes = tookTitle ? page.changes : page.changes.filter((c) => c.kind !== "title");
    const mapped = page.sources.filter((m) => [...filled, ...(tookTitle ? ["title"] : [])].some((f) => m.endsWith(`→ ${f}`)));
    this.review(id, "Pasted web page", mapped, changes);
  }

  declineStructure() {
    this.pasteOffer = null;
  }

  declineConversion() {
    if (this.current) this.declined.add(this.current.id);
    this.detected = null;
  }

  /// Moves the FAQ section out of the body into FAQ items. The backend keeps
  /// a revision first; the editor takes the shorter body as one undoable
  /// change, like a restore.
  async convertFaq() {
    if (!this.current) return;
    const id = this.current.id;
    try {
      // The newest typing must have reached the backend, which writes it
      // before converting, so the section converted is the one on screen.
      await this.staged();
      const article = await commands.convertFaqSection(id);
      if (this.current?.id !== id) return;
      this.detected = null;
      this.autosave.rebase(article.body_hash);
      this.editor?.replaceText(article.body);
      this.saved(article);
      this.savedVersion += 1;
      await this.loadFaq(id);
      this.panels.show("faq");
    } catch (error) {
      // Most likely the section was edited away since it was offered.
      this.detected = null;
      this.problems.show(error);
    }
  }

  // ---- workflow ------------------------------------------------------------

  /// Everything typed (body, FAQ, title) reaches the library.
  private async flushTyping() {
    await this.staged();
    await this.flushFaq?.();
    await this.commitTitle();
  }

  // Save now (Ctrl+S) and quit (Ctrl+Q) both first wait for the newest edit
  // to reach the backend and commit the title; a failure stays on screen.
  async afterSaving(command: () => Promise<void>) {
    try {
      await this.flushTyping();
      await command();
    } catch (error) {
      const { message, code } = toBylineError(error);
      this.save = { kind: "error", message, code };
    }
  }

  /// Moving to Ready or Published with errors waits for the writer, who
  /// sees them in the Checks panel first; `confirmed` is their answer.
  async setStatus(status: Status, confirmed = false) {
    if (!this.current) return;
    if (!confirmed && !(await this.checks.mayMove(this.current.status, status))) {
      this.panels.show("checks");
      return;
    }
    this.checks.confirming = null;
    try {
      this.saved(await commands.setStatus(this.current.id, status));
    } catch (error) {
      this.problems.show(error);
    }
  }

  async duplicate() {
    if (!this.current) return;
    try {
      await this.afterSaving(async () => {});
      const copy = await commands.duplicateArticle(this.current!.id);
      await this.openNew(copy.id);
    } catch (error) {
      this.problems.show(error);
    }
  }

  /// Moves the open article to the trash and opens the next one in the list.
  async trash() {
    if (!this.current) return;
    const id = this.current.id;
    try {
      await this.flushTyping();
      await commands.trashArticle(id);
      this.offerUndoTrash(id, this.current.title);
      const before = this.library.articles;
      await this.library.refresh();
      const next = nextAfter(before, this.library.articles, id);
      this.current = null;
      if (next) await this.open(next.id);
    } catch (error) {
      this.problems.show(error);
    }
  }

  private offerUndoTrash(id: ArticleId, title: string) {
    this.justTrashed = { id, title };
    clearTimeout(this.trashedTimer);
    this.trashedTimer = setTimeout(() => (this.justTrashed = null), 10_000);
  }

  dismissUndoTrash() {
    clearTimeout(this.trashedTimer);
    this.justTrashed = null;
  }

  /// Undo on the "Moved to the trash" message: the article comes back and opens.
  async undoTrash() {
    const trashed = this.justTrashed;
    if (!trashed) return;
    this.dismissUndoTrash();
    try {
      const restored = await commands.restoreArticle(trashed.id);
      this.current = null;
      await this.library.showWholeLibrary();
      await this.open(restored.id);
    } catch (error) {
      this.problems.show(error);
    }
  }

  /// Takes the open article out of the trash.
  async restore() {
    if (!this.current) return;
    try {
      const restored = await commands.restoreArticle(this.current.id);
      this.current = null;
      await this.library.showWholeLibrary();
      await this.open(restored.id);
    } catch (error) {
      this.problems.show(error);
    }
  }

  async deleteForever() {
    if (!this.current) return;
    try {
      await commands.deleteForever(this.current.id);
      this.current = null;
      this.confirmingDelete = false;
      await this.library.refresh();
    } catch (error) {
      this.problems.show(error);
    }
  }

  async emptyTrash() {
    try {
      await commands.emptyTrash();
      if (this.current?.trashed_at) this.current = null;
      await this.library.refresh();
    } catch (error) {
      this.problems.show(error);
    }
  }

  /// Its file was deleted: shows the article as the trash does, restorable.
  async reopen(id: ArticleId) {
    this.current = null;
    await this.open(id);
  }
}
