//! The HTTP half of downloading an article's images (`byline import
//! --download-images`, the import review's "Download N images"): one GET
//! per image over reqwest. The core decides which addresses may be asked
//! for and checks what comes back (`usecases::import::download`); here,
//! nothing is sent but the request (no cookies, no referrer), redirects
//! are few and go to `http(s)` only, every request has a timeout, and
//! reading stops past the size limit.

use std::time::Duration;

use byline_core::usecases::import::download::{Fetched, ImageFetch, ACCEPTED_TYPES};

/// How long one image may take, from the request to its last byte.
pub const TIMEOUT: Duration = Duration::from_secs(30);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Redirects followed before an image counts as unreachable.
pub const MAX_REDIRECTS: usize = 5;

pub struct HttpImages {
    client: reqwest::Client,
}

impl HttpImages {
    pub fn new() -> Result<HttpImages, String> {
        let redirects = reqwest::redirect::Policy::custom(|attempt| {
            if attempt.previous().len() >= MAX_REDIRECTS {
                attempt.error("too many redirects")
            } else if !matches!(attempt.url().scheme(), "http" | "https") {
                attempt.error("a redirect to an address that is not on the web")
            } else {
                attempt.follow()
            }
        });
        let client = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .connect_timeout(CONNECT_TIMEOUT)
            .redirect(redirects)
            .referer(false)
            .user_agent(concat!("Byline/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| format!("the image download could not start: {e}"))?;
        Ok(HttpImages { client })
    }
}

impl ImageFetch for HttpImages {
    /// Called from the CLI or a command's worker thread, not the async
    /// runtime's, so blocking on the runtime here is allowed.
    fn fetch_image(&self, url: &str, max_bytes: usize) -> Result<Fetched, String> {
        let request = self
            .client
            .get(url)
            .header(reqwest::header::ACCEPT, ACCEPTED_TYPES.join(", "));
        tauri::async_runtime::block_on(async move {
            let mut response = request.send().await.map_err(reason)?;
            // A redirect reqwest would not follow (to `file:` or any
            // other scheme) comes back as the redirect itself.
            if response.status().is_redirection() {
                return Err(format!(
                    "the site redirected away from the web ({})",
                    response.status()
                ));
            }
            if !response.status().is_success() {
                return Err(format!("the site answered {}", response.status()));
            }
            let content_type = response
                .headers()
                .get(reqwest::header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            let too_big = || format!("it is larger than {} MB", max_bytes / 1_048_576);
            if response
                .content_length()
                .is_some_and(|n| n > max_bytes as u64)
            {
                return Err(too_big());
            }
            let mut bytes = Vec::new();
            while let Some(chunk) = response.chunk().await.map_err(reason)? {
                if bytes.len() + chunk.len() > max_bytes {
                    return Err(too_big());
                }
                bytes.extend_from_slice(&chunk);
            }
            Ok(Fetched {
                content_type,
                bytes,
            })
        })
    }
}

fn reason(e: reqwest::Error) -> String {
    if e.is_timeout() {
        "the site took too long to answer".into()
    } else if e.is_redirect() {
        "the site redirected too often, or away from the web".into()
    } else if e.is_connect() {
        "the site could not be reached".into()
    } else {
        "the download failed".into()
    }
}
