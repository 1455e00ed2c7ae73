//! Images from other sites in the window. An `<img>` pointing at another
//! site tells that site (and anyone tracking through it) when the writer
//! opened the article, so the window never loads one directly: the
//! sanitiser rewrites its address to the app's `byline-remote` protocol,
//! which either answers with a placeholder (the default) or fetches the
//! image for the window (the writer chose to load images). The window's
//! CSP allows images from the app's own protocols only, so nothing else can
//! reach the network. Exports keep every address as written.

use percent_encoding::{percent_decode_str, utf8_percent_encode, NON_ALPHANUMERIC};

/// The URL scheme the desktop app serves images from other sites under.
pub const REMOTE_SCHEME: &str = "byline-remote";

/// Where the window reads `byline-remote` URLs: WebKitGTK and WKWebView
/// take custom schemes as they are; WebView2 and Android see them as
/// `http://<scheme>.localhost`.
pub const REMOTE_BASE: &str = if cfg!(any(windows, target_os = "android")) {
    "http://byline-remote.localhost/"
} else {
    "byline-remote://localhost/"
};

/// Whether the window loads images from other sites.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum RemoteImages {
    /// A placeholder that names the site; nothing is requested.
    #[default]
    Block,
    /// Fetched by the app for the window.
    Load,
}

impl RemoteImages {
    fn path(self) -> &'static str {
        match self {
            RemoteImages::Block => "blocked/",
            RemoteImages::Load => "load/",
        }
    }
}

/// How rendered HTML addresses its images.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Images<'a> {
    /// Exports: every address as written.
    AsPublished,
    /// The window: library images (`assets/…`) under `assets`, the base URL
    /// of the app's asset protocol; images from other sites as `remote` says.
    InWindow {
        assets: &'a str,
        remote: RemoteImages,
    },
}

/// The window's address for `url` when it is an image on another site
/// (`http:` or `https:`); `None` for anything else (library images,
/// relative paths), which is left as it is.
pub fn window_url(url: &str, remote: RemoteImages) -> Option<String> {
    let scheme = url.split_once(':')?.0;
    if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")) {
        return None;
    }
    Some(format!(
        "{REMOTE_BASE}{}{}",
        remote.path(),
        utf8_percent_encode(url, NON_ALPHANUMERIC)
    ))
}

/// What a `byline-remote` request asks for: the mode and the image's own
/// address, from the path [`window_url`] made. `None` for any other path.
pub fn parse_request_path(path: &str) -> Option<(RemoteImages, String)> {
    let path = path.trim_start_matches('/');
    let (remote, encoded) = if let Some(rest) = path.strip_prefix("blocked/") {
        (RemoteImages::Block, rest)
    } else if let Some(rest) = path.strip_prefix("load/") {
        (RemoteImages::Load, rest)
    } else {
        return None;
    };
    let url = percent_decode_str(encoded).decode_utf8().ok()?.into_owned();
    let parsed = url::Url::parse(&url).ok()?;
    matches!(parsed.scheme(), "http" | "https").then_some((remote, url))
}

/// The picture shown in place of an image that was not loaded: a calm box
/// naming the site it would come from.
pub fn placeholder_svg(url: &str, reason: &str) -> String {
    let host = url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "another site".to_owned());
    let esc = |s: &str| super::escape_text(s);
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="480" height="120" viewBox="0 0 480 120" role="img"><rect x="0.5" y="0.5" width="479" height="119" rx="6" fill="#8881" stroke="#8886" stroke-dasharray="4 3"/><text x="240" y="54" text-anchor="middle" font-family="sans-serif" font-size="15" fill="#777">{}</text><text x="240" y="78" text-anchor="middle" font-family="sans-serif" font-size="13" fill="#888">{}</text></svg>"##,
        esc(&format!("Image from {host}")),
        esc(reason),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_images_on_other_sites_get_a_window_address() {
        let url = window_url("https://example.com/a b.png?x=1&y=2", RemoteImages::Block).unwrap();
        assert!(url.starts_with(&format!("{REMOTE_BASE}blocked/https%3A%2F%2F")));
        let path = url.strip_prefix(REMOTE_BASE).unwrap();
        assert_eq!(
            parse_request_path(path),
            Some((
                RemoteImages::Block,
                "https://example.com/a b.png?x=1&y=2".to_owned()
            ))
        );
        assert!(window_url("HTTP://example.com/x.png", RemoteImages::Load)
            .unwrap()
            .contains("/load/"));
        assert_eq!(window_url("byline-asset://localhost/ab.png", RemoteImages::Load), None);
        assert_eq!(window_url("assets/ab.png", RemoteImages::Load), None);
        assert_eq!(window_url("cover.png", RemoteImages::Block), None);
    }

    #[test]
    fn a_request_path_names_a_web_address_or_nothing() {
        assert_eq!(parse_request_path("/other/https%3A%2F%2Fa.b%2F"), None);
        assert_eq!(parse_request_path("/load/file%3A%2F%2F%2Fetc%2Fpasswd"), None);
        assert_eq!(parse_request_path("/load/not%20a%20url"), None);
        assert_eq!(
            parse_request_path("/load/http%3A%2F%2F127.0.0.1%3A9%2Fp.png"),
            Some((RemoteImages::Load, "http://127.0.0.1:9/p.png".to_owned()))
        );
    }

    #[test]
    fn the_placeholder_names_the_site_and_escapes_what_it_shows() {
        let svg = placeholder_svg("https://news.example/x.png", "Not loaded <yet>");
        assert!(svg.contains("Image from news.example"));
        assert!(svg.contains("Not loaded &lt;yet&gt;"));
        assert!(placeholder_svg("::", "x").contains("another site"));
    }
}
