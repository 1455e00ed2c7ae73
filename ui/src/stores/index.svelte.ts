// All of the window's state, built once by App and handed to components
// through context (./context.ts). Each store owns one concern; the ones that
// act on others are given them here.
import { commands, type ListQuery, type MirrorChange, type WindowStart } from "../lib/bindings";
import { afterNextFrame } from "../lib/frames";
import { ChecksStore } from "./checks.svelte";
import { DocumentStore } from "./document.svelte";
import { ImportStore } from "./imports.svelte";
import { LibraryStore } from "./library.svelte";
import { MirrorStore } from "./mirror.svelte";
import { ModeStore } from "./modes.svelte";
import { PaletteStore } from "./palette.svelte";
import { PanelStore } from "./panels.svelte";
import { PreviewStore } from "./preview.svelte";
import { ProblemStore } from "./problem.svelte";
import { SiteStore } from "./site.svelte";

/// What the page asked for as its script began: the list's first page for
/// `query` and the article it opens, or why that failed.
export type Started = { ok: WindowStart; query: ListQuery } | { error: unknown };

export class Stores {
  readonly problems = new ProblemStore();
  readonly panels = new PanelStore();
  readonly modes = new ModeStore();
  readonly palette = new PaletteStore();
  readonly library = new LibraryStore(this.problems);
  readonly mirror = new MirrorStore(this.problems);
  readonly site = new SiteStore(this.problems);
  readonly preview = new PreviewStore(this.problems);
  readonly checks = new ChecksStore(this.problems);
  readonly doc = new DocumentStore(this.problems, this.library, this.panels, this.mirror, this.preview, this.checks);
  readonly imports = new ImportStore(this.problems, this.library, this.doc, this.panels);
  /// The clock the list's relative times and History follow.
  now = $state(new Date());
  /// A brief note over the editor ("Updated from ferry-fares.md").
  notice = $state<string | null>(null);
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    // A pasted page's changes are reviewed in the import panel.
    this.doc.onreview = (report) => this.imports.review(report);
  }

  /// Shows one panel, or hides it if it is the one showing.
  togglePanel(which: Parameters<PanelStore["toggle"]>[0]) {
    this.panels.toggle(which, this.doc.writable, this.imports.report !== null);
  }

  toggleExport() {
    this.panels.toggleExport(this.doc.writable);
  }

  /// Saved settings change the boilerplate and the FAQ heading the preview
  /// shows; smart quotes and images from other sites change the whole page.
  siteSaved(settings: Parameters<SiteStore["apply"]>[0]) {
    const old = this.site.settings;
    const renderChanged =
      old?.smart_quotes !== settings.smart_quotes || old?.load_remote_images !== settings.load_remote_images;
    void this.site.apply(settings);
    this.faqChangedElsewhere();
    this.checks.refresh();
    if (renderChanged && this.doc.current) this.preview.refresh();
  }

  /// The library's FAQ changed outside the open article's panel.
  faqChangedElsewhere() {
    if (this.doc.current) void this.doc.loadFaq(this.doc.current.id);
  }

  showNotice(text: string) {
    this.notice = text;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => (this.notice = null), 4000);
  }

  /// The mirror read a file in or wrote one out.
  onMirrorChange(change: MirrorChange) {
    // The backend clears its last error when the mirror works again.
    this.mirror.worked();
    const current = this.doc.current;
    const isOpen = current?.id === change.article && !current.trashed_at;
    switch (change.kind) {
      case "external_edit":
        if (isOpen)
          void this.doc.reloadOpen(change.article).then((shown) => {
            if (shown) this.showNotice(`Updated from ${change.file}`);
          });
        void this.library.refresh();
        break;
      case "created":
        void this.library.refresh();
        break;
      case "trashed":
        void this.library.refresh();
        if (isOpen) void this.doc.reopen(change.article);
        break;
      case "conflict":
        void this.mirror.refresh();
        break;
      // "written" and "moved_to_trash" follow the window's own changes.
    }
  }

  /// Shows what the page started with (see main.ts): the list's first page
  /// and the article it opens, rendered, all in the window's first frame.
  /// What the writer does not wait for (the settings, the counts, the
  /// mirror, the article's checks and FAQ, spelling) is asked for once that
  /// frame is drawn, so neither its work nor its answers hold it up.
  begin(started: Started) {
    if ("error" in started) {
      this.library.loaded = true;
      this.problems.show(started.error);
    } else {
      const { page, opened, open_failed, notice } = started.ok;
      this.library.show(page, started.query, true);
      if (notice) this.problems.say(notice);
      if (opened) {
        const { article, preview, header } = opened;
        this.doc.show(article, preview ? { preview, header } : null, true);
      }
      if (open_failed) this.problems.show(open_failed);
    }
    afterNextFrame(() => {
      commands.windowShown().catch(this.problems.show);
      void this.site.load();
      void this.library.refreshCounts();
      if (this.doc.current) this.doc.loadAround();
      else void this.mirror.refresh();
    });
  }

  stop() {
    clearTimeout(this.noticeTimer);
    this.checks.stop();
  }
}
