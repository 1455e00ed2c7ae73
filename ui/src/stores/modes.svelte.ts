// How the window shows writing: theme, panes, the library sidebar, focus
// and typewriter modes.
import { flipTheme, loadTheme, nextTheme, systemIsDark, type ThemeChoice } from "../lib/theme";
import { clampWidth, loadHidden, loadWidth, saveHidden, saveWidth } from "../lib/sidebar";

export type Layout = "both" | "editor" | "preview";
const LAYOUTS: readonly Layout[] = ["both", "editor", "preview"];

export class ModeStore {
  theme = $state<ThemeChoice>(loadTheme());
  /// Which panes show: both, the editor alone, or the preview alone.
  layout = $state<Layout>("both");
  focus = $state(false);
  /// The library sidebar: its width (dragged at its edge) and whether it
  /// shows, both remembered on this computer.
  sidebarWidth = $state(loadWidth());
  sidebarHidden = $state(loadHidden());
  typewriter = $state(false);

  /// The status bar's button: through system, light and dark in turn.
  switchTheme() {
    this.theme = nextTheme(this.theme);
  }

  /// Ctrl+Shift+L: the opposite of what shows, so the first press is seen.
  flipTheme() {
    this.theme = flipTheme(this.theme, systemIsDark());
  }

  resizeSidebar(width: number) {
    this.sidebarWidth = clampWidth(width);
    saveWidth(this.sidebarWidth);
  }

  toggleSidebar() {
    this.sidebarHidden = !this.sidebarHidden;
    saveHidden(this.sidebarHidden);
  }

  showSidebar() {
    if (this.sidebarHidden) this.toggleSidebar();
  }

  cycleLayout() {
    this.layout = LAYOUTS[(LAYOUTS.indexOf(this.layout) + 1) % LAYOUTS.length];
  }

  toggleFocus() {
    this.focus = !this.focus;
  }

  toggleTypewriter() {
    this.typewriter = !this.typewriter;
  }
}
