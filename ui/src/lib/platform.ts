// Which desktop the window runs on, read from the webview's user agent:
// WebKitGTK on Linux, WKWebView on macOS, WebView2 on Windows. The styles
// pick fonts by it (`data-platform` on the root, see styles/app.css).

export type Platform = "linux" | "macos" | "windows" | "other";

export function platformOf(userAgent: string): Platform {
  if (/Windows NT/.test(userAgent)) return "windows";
  if (/Macintosh|Mac OS X/.test(userAgent)) return "macos";
  if (/Linux|X11|Wayland/.test(userAgent)) return "linux";
  return "other";
}
