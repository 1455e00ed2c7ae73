// Importing Markdown: the dialog, files dropped on the window, and the report
// of the last import.
import { commands, type ImportDone, type ImportOptions, type ImportProgress, type ImportReport } from "../lib/bindings";
import { firstImported, importable } from "../lib/exporting";
import type { DocumentStore } from "./document.svelte";
import type { LibraryStore } from "./library.svelte";
import type { PanelStore } from "./panels.svelte";
import type { ProblemStore } from "./problem.svelte";

const IMPORT_OPTIONS: ImportOptions = { faq: "keep", atomic: false, plain: false };

export class ImportStore {
  report = $state<ImportReport | null>(null);
  /// Files are being dragged over the window.
  dropping = $state(false);
  /// How far the running import has come (files read, then written); null
  /// when none runs.
  progress = $state<ImportProgress | null>(null);
  /// An import is running (progress arriving after it ended is ignored).
  private running = false;

  constructor(
    private readonly problems: ProblemStore,
    private readonly library: LibraryStore,
    private readonly doc: DocumentStore,
    private readonly panels: PanelStore,
  ) {}

  private async run(start: () => Promise<ImportReport | null>) {
    this.running = true;
    try {
      // Typing in the open article reaches the library before an import
      // that may update it.
      await this.doc.staged();
      const report = await start();
      // Null: the writer cancelled the dialog.
      if (!report) return;
      await this.show(report);
    } catch (error) {
      this.problems.show(error);
    } finally {
      this.running = false;
      this.progress = null;
    }
  }

  private async show(report: ImportReport) {
    try {
      this.report = report;
      this.panels.show("import");
      // New articles are drafts, mostly: show them whatever the filter was.
      await this.library.showWholeLibrary();
      const first = firstImported(report);
      const current = this.doc.current;
      if (!current && first?.article != null) {
        await this.doc.open(first.article);
      } else if (current && report.files.some((f) => f.article === current.id && f.outcome === "updated")) {
        await this.doc.reloadOpen(current.id);
      }
    } catch (error) {
      this.problems.show(error);
    }
  }

  /// Shows a review that is not an import's (a pasted page's changes).
  review(report: ImportReport) {
    this.report = report;
    this.panels.show("import");
  }

  /// Import Markdown files, or (`folder`) a whole folder.
  dialog(folder: boolean) {
    void this.run(() => commands.importDialog(folder, IMPORT_OPTIONS));
  }

  /// The webview's native drag and drop (HTML drop events carry no paths).
  dragEntered(paths: string[]) {
    this.dropping = importable(paths).length > 0;
  }

  dragLeft() {
    this.dropping = false;
  }

  /// A drop: the shell imports what was dropped itself (the page never
  /// names paths to import) and says so with `importDone`.
  dropped(paths: string[]) {
    this.dropping = false;
    if (importable(paths).length > 0) {
      this.running = true;
      this.progress = { phase: "reading", done: 0, total: 0 };
      // Typing reaches the library first (the backend writes it too).
      void this.doc.staged();
    } else if (paths.length > 0)
      this.problems.say("Byline imports Markdown, plain-text and saved web pages, and folders. To add an image, paste it into the editor.");
  }

  /// The `import-progress` event.
  progressed(progress: ImportProgress) {
    if (this.running) this.progress = progress;
  }

  /// The `import-done` event: the outcome of importing a drop.
  async dropDone(done: ImportDone) {
    this.running = false;
    this.progress = null;
    if (done.error) this.problems.show(done.error);
    else if (done.report) await this.show(done.report);
  }
}
