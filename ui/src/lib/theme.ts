// The window's theme: the system's, or one the writer picked. Colours are
// light-dark() pairs in the stylesheets, so a theme is only a color-scheme
// on the root element (set by its data-theme attribute). The choice is a preference of this computer, not of
// the library, so it lives in localStorage.

export type ThemeChoice = "system" | "light" | "dark";

const KEY = "byline.theme";
const ORDER: readonly ThemeChoice[] = ["system", "light", "dark"];

export const THEME_LABEL: Record<ThemeChoice, string> = {
  system: "System theme",
  light: "Light theme",
  dark: "Dark theme",
};

export function nextTheme(current: ThemeChoice): ThemeChoice {
  return ORDER[(ORDER.indexOf(current) + 1) % ORDER.length];
}

/// What the keyboard's theme switch picks: always the opposite of what the
/// window shows now, so every press visibly changes it. The system's own
/// theme is named "system", so pressing back to it follows the desktop again.
export function flipTheme(current: ThemeChoice, systemDark: boolean): ThemeChoice {
  const showsDark = current === "dark" || (current === "system" && systemDark);
  const wanted: ThemeChoice = showsDark ? "light" : "dark";
  return (wanted === "dark") === systemDark ? "system" : wanted;
}

/// Whether the desktop asks for a dark theme.
export function systemIsDark(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
}

export function parseTheme(stored: string | null): ThemeChoice {
  return ORDER.includes(stored as ThemeChoice) ? (stored as ThemeChoice) : "system";
}

export function loadTheme(): ThemeChoice {
  try {
    return parseTheme(localStorage.getItem(KEY));
  } catch {
    return "system";
  }
}

export function applyTheme(choice: ThemeChoice) {
  // Through an attribute the stylesheet matches, not an inline
  // color-scheme: WebKit re-resolves the light-dark() colours held in
  // custom properties only when :root's rules change.
  const root = document.documentElement;
  if (choice === "system") delete root.dataset.theme;
  else root.dataset.theme = choice;
  try {
    localStorage.setItem(KEY, choice);
  } catch {
    // Private storage unavailable: the choice lasts for this session.
  }
}
