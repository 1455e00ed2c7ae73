//! The HTTP half of the link check (`byline check --links`, the Checks
//! panel's Check links): one request at a time per call, over reqwest,
//! following no redirect (the core follows them, to report them), sending
//! no cookies or referrer and nothing but the request.

use std::time::Duration;

use byline_core::usecases::link_check::{Answer, Fetch, Method};

/// How long a site may take to answer, unless the caller says otherwise.
pub const TIMEOUT: Duration = Duration::from_secs(10);

pub struct HttpFetch {
    client: reqwest::Client,
}

impl HttpFetch {
    pub fn new(timeout: Duration) -> Result<HttpFetch, String> {
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout)
            .redirect(reqwest::redirect::Policy::none())
            .referer(false)
            .user_agent(concat!(
                "Byline/",
                env!("CARGO_PKG_VERSION"),
                " (link check)"
            ))
            .build()
            .map_err(|e| format!("the link checker could not start: {e}"))?;
        Ok(HttpFetch { client })
    }
}

impl Fetch for HttpFetch {
    /// Called from the core's worker threads, which are not the async
    /// runtime's, so blocking on the runtime here is allowed.
    fn fetch(&self, method: Method, url: &str) -> Answer {
        let request = match method {
            Method::Head => self.client.head(url),
            Method::Get => self.client.get(url),
        };
        tauri::async_runtime::block_on(async move {
            match request.send().await {
                Ok(response) => Answer::Status {
                    code: response.status().as_u16(),
                    location: response
                        .headers()
                        .get(reqwest::header::LOCATION)
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_owned),
                },
                Err(e) if e.is_timeout() => {
                    Answer::Failed("the site took too long to answer".into())
                }
                Err(e) if e.is_connect() => Answer::Failed("the site could not be reached".into()),
                Err(_) => Answer::Failed("the request failed".into()),
            }
        })
    }
}
