// Which side panel shows (one at a time, sliding in from the right) and the
// doc bar's popovers.
import { giveKeyboardBack } from "../lib/focus";
export type PanelName = "details" | "history" | "faq" | "checks" | "publish" | "settings" | "import";

/// Panels about the open article; Settings and the import report need none.
const FOR_ARTICLE: readonly PanelName[] = ["details", "history", "faq", "checks", "publish"];

export class PanelStore {
  open = $state<PanelName | null>(null);
  /// Settings or the import report: shown even with no article open.
  readonly global = $derived(this.open === "settings" || this.open === "import");
  /// The Export popover under the doc bar's Export button.
  exportOpen = $state(false);
  exportAlign = $state<"left" | "right">("right");
  /// The doc bar's More menu (Duplicate, Move to trash).
  moreOpen = $state(false);
  outlineOpen = $state(false);
  exportWrap = $state<HTMLDivElement>();
  exportButton = $state<HTMLButtonElement>();
  /// Asked before the showing panel goes; false keeps it (Settings holding
  /// an edit the backend refused asks the writer first). Set by the panel.
  beforeClose: (() => boolean) | null = null;
  /// Where the keyboard was before Export opened, to go back there.
  private beforeExport: HTMLElement | null = null;

  /// Shows one panel, or hides it if it is the one showing. `writable`: an
  /// article is open and not in the trash; `report`: an import report exists.
  toggle(which: PanelName, writable: boolean, report: boolean) {
    if (FOR_ARTICLE.includes(which) && !writable) return;
    if (which === "import" && !report) return;
    if (!this.mayLeave()) return;
    this.open = this.open === which ? null : which;
  }

  show(which: PanelName) {
    if (this.open !== which && !this.mayLeave()) return;
    this.open = which;
  }

  close() {
    if (!this.mayLeave()) return;
    this.open = null;
  }

  private mayLeave(): boolean {
    return this.open === null || (this.beforeClose?.() ?? true);
  }

  /// Another article opened: a trashed one shows neither History nor FAQ.
  opened(trashed: boolean) {
    if (trashed && (this.open === "history" || this.open === "faq" || this.open === "checks" || this.open === "publish")) this.open = null;
    this.exportOpen = false;
    this.outlineOpen = false;
  }

  toggleExport(writable: boolean) {
    if (!writable) return;
    if (this.exportOpen) return this.closeExport();
    this.beforeExport = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // The doc bar wraps when the editor is narrow: a button near the left
    // edge drops the popover rightwards, not over the library.
    const button = this.exportWrap?.getBoundingClientRect();
    const pane = this.exportWrap?.closest(".writing")?.getBoundingClientRect();
    this.exportAlign = button && pane && button.right - pane.left < 400 ? "left" : "right";
    this.exportOpen = true;
  }

  closeExport() {
    this.exportOpen = false;
    const back = this.beforeExport?.isConnected ? this.beforeExport : this.exportButton;
    if (back) giveKeyboardBack(back);
    this.beforeExport = null;
  }

  /// The Export popover is not modal: a click anywhere else closes it.
  pointerDown(target: EventTarget | null) {
    if (this.exportOpen && this.exportWrap && !this.exportWrap.contains(target as Node)) this.exportOpen = false;
  }
}
