//! The one way the publishers reach a site: a request described as data
//! (so a client can be tested against recorded answers), sent with
//! reqwest's blocking client (the CLI has no runtime; the window sends from
//! a blocking thread). Timeouts and refused connections come back as such,
//! so the client can retry what is safe to retry and say what happened.

use std::time::Duration;

/// How long a site may take to answer one request (an image upload
/// included) before Byline gives up on it.
pub const TIMEOUT: Duration = Duration::from_secs(60);

#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Empty,
    Json(serde_json::Value),
    /// A file as the request's whole body (WordPress's media endpoint).
    File {
        name: String,
        mime: String,
        bytes: Vec<u8>,
    },
    /// A `multipart/form-data` form: text fields and one file (Ghost's
    /// image upload).
    Multipart {
        fields: Vec<(String, String)>,
        file_field: String,
        name: String,
        mime: String,
        bytes: Vec<u8>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub method: &'static str,
    /// The full address.
    pub url: String,
    /// `Authorization` header value.
    pub auth: String,
    pub body: Body,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub content_type: String,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// No answer in time: may be retried.
    Timeout,
    /// Nothing listens there, or the name does not resolve.
    Connect(String),
    Other(String),
}

/// How often a request that timed out is tried in all. Only reads are
/// retried: a write that timed out may have landed.
const READ_ATTEMPTS: u32 = 3;

/// Runs `send` for a request made with `method`, again after a timeout when
/// it is a read (GET); on failure, what failed and how many tries were made.
pub fn retrying<A>(
    method: &str,
    mut send: impl FnMut() -> Result<A, Failure>,
) -> Result<A, (Failure, u32)> {
    let attempts = if method == "GET" { READ_ATTEMPTS } else { 1 };
    let mut tried = 0;
    loop {
        tried += 1;
        match send() {
            Ok(answer) => return Ok(answer),
            Err(Failure::Timeout) if tried < attempts => continue,
            Err(failure) => return Err((failure, tried)),
        }
    }
}

/// A site that did not answer, in a writer's words (a timeout says how
/// many tries were made). `what` names it: "site" or "endpoint".
pub fn unreachable(
    account: &str,
    site: &str,
    what: &str,
    failure: Failure,
    tried: u32,
) -> byline_core::Error {
    let detail = match failure {
        Failure::Timeout => format!(
            "the {what} did not answer within {} s{}; check your connection and try again",
            TIMEOUT.as_secs(),
            if tried > 1 {
                format!(" ({tried} tries)")
            } else {
                String::new()
            }
        ),
        Failure::Connect(why) => {
            format!("cannot connect ({why}); check the address and that the site is up")
        }
        Failure::Other(why) => why,
    };
    byline_core::Error::SiteUnreachable {
        account: account.to_owned(),
        site: site.to_owned(),
        detail,
    }
}

pub trait Transport {
    fn send(&mut self, request: &Request) -> Result<Response, Failure>;

    /// The answer and its headers (names in lower case), for a client that
    /// reads `Location` or `Link` (Micropub). A transport that keeps no
    /// headers gives none.
    fn send_with_headers(
        &mut self,
        request: &Request,
    ) -> Result<(Response, Vec<(String, String)>), Failure> {
        Ok((self.send(request)?, Vec::new()))
    }
}

pub struct Http {
    client: reqwest::blocking::Client,
    /// The last answer's headers, for `send_with_headers`.
    last_headers: Vec<(String, String)>,
}

impl Default for Http {
    fn default() -> Self {
        Http::new()
    }
}

impl Http {
    pub fn new() -> Http {
        let client = reqwest::blocking::Client::builder()
            .timeout(TIMEOUT)
            .user_agent(concat!("Byline/", env!("CARGO_PKG_VERSION")))
            // A redirect could carry the credentials elsewhere.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("an HTTP client builds");
        Http {
            client,
            last_headers: Vec::new(),
        }
    }
}

impl Transport for Http {
    fn send(&mut self, request: &Request) -> Result<Response, Failure> {
        let method =
            reqwest::Method::from_bytes(request.method.as_bytes()).expect("a known method");
        let mut builder = self
            .client
            .request(method, &request.url)
            .header(reqwest::header::ACCEPT, "application/json");
        // No credentials at all for a public page (Micropub discovery).
        if !request.auth.is_empty() {
            builder = builder.header(reqwest::header::AUTHORIZATION, &request.auth);
        }
        builder = match &request.body {
            Body::Empty => builder,
            Body::Json(value) => builder
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .body(serde_json::to_vec(value).expect("JSON serialises")),
            Body::File { name, mime, bytes } => builder
                .header(reqwest::header::CONTENT_TYPE, mime)
                .header(
                    reqwest::header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{}\"", name.replace(['"', '\\'], "")),
                )
                .body(bytes.clone()),
            Body::Multipart {
                fields,
                file_field,
                name,
                mime,
                bytes,
            } => {
                let (content_type, body) = multipart(fields, file_field, name, mime, bytes);
                builder
                    .header(reqwest::header::CONTENT_TYPE, content_type)
                    .body(body)
            }
        };
        let response = builder.send().map_err(failure)?;
        self.last_headers = response
            .headers()
            .iter()
            .filter_map(|(name, value)| {
                Some((name.as_str().to_owned(), value.to_str().ok()?.to_owned()))
            })
            .collect();
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let body = response.text().map_err(failure)?;
        Ok(Response {
            status,
            content_type,
            body,
        })
    }

    fn send_with_headers(
        &mut self,
        request: &Request,
    ) -> Result<(Response, Vec<(String, String)>), Failure> {
        let response = self.send(request)?;
        Ok((response, std::mem::take(&mut self.last_headers)))
    }
}

/// A `multipart/form-data` body and its content type. The boundary is
/// random, so it cannot occur in the file by accident.
fn multipart(
    fields: &[(String, String)],
    file_field: &str,
    name: &str,
    mime: &str,
    bytes: &[u8],
) -> (String, Vec<u8>) {
    let boundary = format!("byline-{:032x}", rand_u128());
    let quoted = |s: &str| s.replace(['"', '\\', '\r', '\n'], "");
    let mut body = Vec::with_capacity(bytes.len() + 512);
    for (key, value) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"\r\n\r\n{value}\r\n",
                quoted(key)
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"; filename=\"{}\"\r\nContent-Type: {mime}\r\n\r\n",
            quoted(file_field),
            quoted(name)
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Enough randomness for a boundary, from the standard library's hasher
/// keys (random per process) and the clock.
fn rand_u128() -> u128 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default(),
    );
    let high = hasher.finish();
    hasher.write_u64(high);
    ((high as u128) << 64) | hasher.finish() as u128
}

fn failure(err: reqwest::Error) -> Failure {
    if err.is_timeout() {
        Failure::Timeout
    } else if err.is_connect() {
        // The innermost cause says it best ("Connection refused").
        let mut source: &dyn std::error::Error = &err;
        while let Some(next) = source.source() {
            source = next;
        }
        Failure::Connect(source.to_string())
    } else {
        Failure::Other(err.to_string())
    }
}
