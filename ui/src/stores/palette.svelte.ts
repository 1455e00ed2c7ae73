// The command palette and the "Keyboard shortcuts" sheet: whether each
// shows, which list the palette searches, and the actions run lately.
import { loadRecent, noteRecent, saveRecent } from "../lib/palette";

/// What the palette searches: every action, the library's articles by
/// title, or the open article's headings.
export type PaletteMode = "actions" | "articles" | "headings";

export class PaletteStore {
  open = $state(false);
  mode = $state<PaletteMode>("actions");
  sheetOpen = $state(false);
  /// Action ids, the latest first; kept between sessions.
  recent = $state<string[]>(loadRecent());

  show(mode: PaletteMode = "actions") {
    this.sheetOpen = false;
    this.mode = mode;
    this.open = true;
  }

  /// The palette's key: opens it, or closes it if it shows.
  toggle() {
    if (this.open) this.open = false;
    else this.show("actions");
  }

  close() {
    this.open = false;
  }

  toggleSheet() {
    this.open = false;
    this.sheetOpen = !this.sheetOpen;
  }

  ran(id: string) {
    this.recent = noteRecent(this.recent, id);
    saveRecent(this.recent);
  }
}
