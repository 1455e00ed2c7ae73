//! The `byline-remote` protocol: how images from other sites reach the
//! window (see `byline_core::transform::render::remote`). A blocked image is
//! answered with a placeholder and nothing is requested; a loaded one is
//! fetched here, with no cookies and no referrer, and only if it really is
//! an image of a sensible size.

use std::time::Duration;

use byline_core::transform::render::remote::{parse_request_path, placeholder_svg};
use byline_core::transform::render::RemoteImages;
use tauri::http::{Response, StatusCode};
use tauri::UriSchemeResponder;

/// Larger images are not shown: a page's photo is a few megabytes at most.
const MAX_BYTES: usize = 20 * 1024 * 1024;
const TIMEOUT: Duration = Duration::from_secs(20);

/// Answers one request of the window for `path` (`/blocked/…` or `/load/…`).
pub fn serve(path: String, responder: UriSchemeResponder) {
    match parse_request_path(&path) {
        None => responder.respond(text(StatusCode::NOT_FOUND, "not an image address")),
        Some((RemoteImages::Block, url)) => responder.respond(placeholder(
            &url,
            "Not loaded, so the site does not learn you opened this",
        )),
        Some((RemoteImages::Load, url)) => {
            tauri::async_runtime::spawn(async move {
                let response = match fetch(&url).await {
                    Ok((mime, bytes)) => Response::builder()
                        .header("Content-Type", mime)
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Cache-Control", "max-age=3600")
                        .body(bytes)
                        .unwrap_or_else(|_| Response::new(Vec::new())),
                    Err(reason) => placeholder(&url, &format!("Could not be loaded: {reason}")),
                };
                responder.respond(response);
            });
        }
    }
}

/// The image at `url`, with its type; the reason in plain words otherwise.
async fn fetch(url: &str) -> Result<(String, Vec<u8>), String> {
    let client = reqwest::Client::builder()
        .timeout(TIMEOUT)
        .redirect(reqwest::redirect::Policy::limited(5))
        .referer(false)
        .user_agent(concat!("Byline/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| e.to_string())?;
    let mut response = client.get(url).send().await.map_err(|e| {
        if e.is_timeout() {
            "the site took too long".to_owned()
        } else {
            "the site could not be reached".to_owned()
        }
    })?;
    if !response.status().is_success() {
        return Err(format!("the site answered {}", response.status()));
    }
    let mime = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    if !mime.starts_with("image/") {
        return Err("it is not an image".to_owned());
    }
    let mut bytes = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| e.to_string())? {
        if bytes.len() + chunk.len() > MAX_BYTES {
            return Err(format!("it is larger than {} MB", MAX_BYTES / 1024 / 1024));
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok((mime, bytes))
}

fn placeholder(url: &str, reason: &str) -> Response<Vec<u8>> {
    Response::builder()
        .header("Content-Type", "image/svg+xml")
        .header("X-Content-Type-Options", "nosniff")
        // A placeholder must not stand in for the image once it is loaded.
        .header("Cache-Control", "no-store")
        .body(placeholder_svg(url, reason).into_bytes())
        .unwrap_or_else(|_| Response::new(Vec::new()))
}

fn text(status: StatusCode, message: &str) -> Response<Vec<u8>> {
    Response::builder()
        .status(status)
        .header("Content-Type", "text/plain")
        .body(message.as_bytes().to_vec())
        .unwrap_or_else(|_| Response::new(Vec::new()))
}
