// How the window shows writing: theme, panes, focus and typewriter modes.
import { flipTheme, loadTheme, nextTheme, systemIsDark, type ThemeChoice } from "../lib/theme";

export type Layout = "both" | "editor" | "preview";
const LAYOUTS: readonly Layout[] = ["both", "editor", "preview"];

export class ModeStore {
  theme = $state<ThemeChoice>(loadTheme());
  /// Which panes show: both, the editor alone, or the preview alone.
  layout = $state<Layout>("both");
  focus = $state(false);
  typewriter = $state(false);

  /// The status bar's button: through system, light and dark in turn.
  switchTheme() {
    this.theme = nextTheme(this.theme);
  }

  /// Ctrl+Shift+L: the opposite of what shows, so the first press is seen.
  flipTheme() {
    this.theme = flipTheme(this.theme, systemIsDark());
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
