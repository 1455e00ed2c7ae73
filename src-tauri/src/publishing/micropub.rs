//! A Micropub endpoint (W3C Recommendation, 2017) as a `Publisher`, with a
//! bearer token. Posts go as JSON h-entries (HTML content is defined only
//! for JSON): `name`, `content` as `{html}`, `summary`, `category`,
//! `published`, `photo` (the featured image), `mp-slug` and `post-status`
//! (IndieWeb extensions a server may ignore). An update replaces those
//! properties (`action=update`); the post is read back with `q=source`.
//! Images go to the media endpoint `q=config` names.
//!
//! Micropub has no version field and no locking. The version Byline
//! remembers is a hash of the post's properties as `q=source` gives them
//! after each write, and the content is its `content` HTML; the core
//! compares both before an update (`usecases::publish`), so any edit made
//! on the site (title, tags, text, status) stops the update.
//!
//! Unpublish sets `post-status` to `draft` with an update; Byline never
//! deletes a post (`action=delete` is not undone from Byline), so on a
//! server that ignores `post-status` the post stays up and the site says
//! so when read back.

use byline_core::domain::hash::sha256_hex;
use byline_core::domain::publication::{OutgoingPost, PublishStatus, RemoteMedia, RemotePost};
use byline_core::domain::publishing::Account;
use byline_core::usecases::publish::Publisher;
use byline_core::Error;
use chrono::{DateTime, Utc};
use serde_json::{json, Map, Value};

use super::http::{Body, Failure, Request, Response, Transport};

/// The properties Byline writes, so an update replaces each (or deletes
/// the ones the article no longer has).
const OPTIONAL: [&str; 4] = ["summary", "category", "published", "photo"];

pub struct Micropub<T: Transport> {
    account: Account,
    auth: String,
    transport: T,
    /// From `q=config`, asked once per publish.
    media_endpoint: Option<String>,
}

impl<T: Transport> Micropub<T> {
    /// `account.site` is the endpoint's address (found when the account
    /// was added: `publishing::add_account`).
    pub fn new(account: Account, token: &str, transport: T) -> Self {
        Micropub {
            account,
            auth: format!("Bearer {token}"),
            transport,
            media_endpoint: None,
        }
    }

    fn endpoint(&self) -> &str {
        &self.account.site
    }

    /// One request, a read retried when it timed out; the answer and its
    /// headers.
    fn exchange(
        &mut self,
        method: &'static str,
        url: String,
        body: Body,
    ) -> Result<(Response, Vec<(String, String)>), Error> {
        let request = Request {
            method,
            url,
            auth: self.auth.clone(),
            body,
        };
        super::http::retrying(method, || self.transport.send_with_headers(&request))
            .map_err(|(failure, tried)| self.unreachable(failure, tried))
    }

    fn unreachable(&self, failure: Failure, tried: u32) -> Error {
        super::http::unreachable(
            &self.account.name,
            &self.account.site,
            "endpoint",
            failure,
            tried,
        )
    }
}

impl<T: Transport> Micropub<T> {
    fn not_micropub(&self, status: u16) -> Error {
        Error::SiteUnreachable {
            account: self.account.name.clone(),
            site: self.account.site.clone(),
            detail: format!(
                "it answered (HTTP {status}) but not as a Micropub endpoint would; check the address (remove the account and add it again with the site's home page, so Byline finds the endpoint)"
            ),
        }
    }

    /// A refusal in a writer's words: the server's `error_description`
    /// (or its short plain-text answer) and what to do.
    fn refused(&self, response: &Response, what: &str) -> Error {
        let json: Option<Value> = serde_json::from_str(&response.body).ok();
        let code = json
            .as_ref()
            .and_then(|j| j["error"].as_str())
            .unwrap_or("")
            .to_owned();
        let description = json
            .as_ref()
            .and_then(|j| j["error_description"].as_str())
            .map(str::to_owned)
            .unwrap_or_else(|| {
                let text = response.body.trim();
                // A short plain answer is the reason; a page is not.
                if text.len() <= 200 && !text.starts_with('<') {
                    text.to_owned()
                } else {
                    String::new()
                }
            });
        let account = self.account.name.clone();
        let said = |fallback: &str| {
            if description.is_empty() {
                fallback.to_owned()
            } else {
                description.clone()
            }
        };
        match response.status {
            401 => Error::CredentialsRefused {
                account,
                secret: "access token",
                detail: said("the token was not accepted"),
            },
            403 => Error::CredentialsRefused {
                account,
                secret: "access token",
                detail: format!(
                    "{}; the token may lack the scope for this (create, update, media)",
                    said("forbidden")
                ),
            },
            413 => Error::PublishRefused {
                account,
                what: what.to_owned(),
                detail: "it is larger than the site accepts; make it smaller and publish again"
                    .into(),
            },
            415 => Error::PublishRefused {
                account,
                what: what.to_owned(),
                detail: "the site does not take this kind of file".into(),
            },
            404 | 405 => self.not_micropub(response.status),
            status => Error::PublishRefused {
                account,
                what: what.to_owned(),
                detail: match (description.is_empty(), code.is_empty()) {
                    (false, _) => format!("{description} (HTTP {status})"),
                    (true, false) => format!("{code} (HTTP {status})"),
                    (true, true) => format!("no reason given (HTTP {status})"),
                },
            },
        }
    }

    /// A GET on the endpoint with a query; its JSON answer.
    fn query(&mut self, query: &[(&str, &str)], what: &str) -> Result<Value, Error> {
        let mut url = url::Url::parse(self.endpoint()).map_err(|_| self.not_micropub(0))?;
        url.query_pairs_mut().extend_pairs(query);
        let (response, _) = self.exchange("GET", url.to_string(), Body::Empty)?;
        if !(200..300).contains(&response.status) {
            return Err(self.refused(&response, what));
        }
        serde_json::from_str::<Value>(&response.body)
            .ok()
            .filter(Value::is_object)
            .ok_or_else(|| self.not_micropub(response.status))
    }

    /// The post as the site has it (`q=source`).
    fn source(&mut self, url: &str) -> Result<RemotePost, Error> {
        let json = self.query(&[("q", "source"), ("url", url)], &format!("the post {url}"))?;
        Ok(remote_post(url, &json["properties"]))
    }

    /// A write to the endpoint: the `Location` it answers with, if any.
    fn post(&mut self, body: Value, what: &str) -> Result<Option<String>, Error> {
        let endpoint = self.endpoint().to_owned();
        let (response, headers) = self.exchange("POST", endpoint, Body::Json(body))?;
        if !(200..300).contains(&response.status) {
            return Err(self.refused(&response, what));
        }
        Ok(location(&headers))
    }

    fn media_endpoint(&mut self) -> Result<String, Error> {
        if let Some(endpoint) = &self.media_endpoint {
            return Ok(endpoint.clone());
        }
        let config = self.query(&[("q", "config")], "the configuration query")?;
        let Some(endpoint) = config["media-endpoint"].as_str().filter(|e| !e.is_empty()) else {
            return Err(Error::PublishRefused {
                account: self.account.name.clone(),
                what: "the article's images".into(),
                detail: "the site offers no media endpoint (q=config names none), so images cannot be uploaded; publish the article without local images".into(),
            });
        };
        let endpoint = url::Url::parse(self.endpoint())
            .and_then(|base| base.join(endpoint))
            .map(|u| u.to_string())
            .unwrap_or_else(|_| endpoint.to_owned());
        self.media_endpoint = Some(endpoint.clone());
        Ok(endpoint)
    }
}

/// The h-entry's properties for a create, or the `replace` of an update.
pub fn properties(post: &OutgoingPost) -> Map<String, Value> {
    let mut props = Map::new();
    props.insert("name".into(), json!([post.title]));
    props.insert("content".into(), json!([{ "html": post.html }]));
    if !post.excerpt.is_empty() {
        props.insert("summary".into(), json!([post.excerpt]));
    }
    if !post.tags.is_empty() {
        props.insert("category".into(), json!(post.tags));
    }
    if let Some(date) = post.date {
        props.insert("published".into(), json!([date.to_rfc3339()]));
    }
    if let Some(image) = &post.featured_image {
        props.insert("photo".into(), json!([image.url]));
    }
    // Micropub has no scheduling: a scheduled post is published with a
    // future date, which the site shows when it comes.
    let status = match post.status {
        PublishStatus::Draft => "draft",
        PublishStatus::Published | PublishStatus::Scheduled => "published",
    };
    props.insert("post-status".into(), json!([status]));
    props
}

/// What `q=source` says of a post: its content HTML, a version made from
/// all its properties, its status.
fn remote_post(url: &str, properties: &Value) -> RemotePost {
    let first = |name: &str| properties[name].get(0).cloned().unwrap_or(Value::Null);
    let content = match first("content") {
        Value::String(text) => text,
        Value::Object(map) => map
            .get("html")
            .or_else(|| map.get("value"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
        _ => String::new(),
    };
    let draft = first("post-status").as_str() == Some("draft");
    let future = first("published")
        .as_str()
        .and_then(|d| DateTime::parse_from_rfc3339(d).ok())
        .is_some_and(|d| d.with_timezone(&Utc) > Utc::now());
    RemotePost {
        id: url.to_owned(),
        url: url.to_owned(),
        version: version(properties),
        content,
        status: if draft {
            PublishStatus::Draft
        } else if future {
            PublishStatus::Scheduled
        } else {
            PublishStatus::Published
        },
    }
}

/// Micropub's stand-in for a version: a hash of the properties with their
/// keys sorted, so the same post always gives the same stamp.
pub fn version(properties: &Value) -> String {
    fn sorted(value: &Value) -> Value {
        match value {
            Value::Object(map) => {
                let mut keys: Vec<&String> = map.keys().collect();
                keys.sort();
                Value::Object(
                    keys.into_iter()
                        .map(|k| (k.clone(), sorted(&map[k])))
                        .collect(),
                )
            }
            Value::Array(items) => Value::Array(items.iter().map(sorted).collect()),
            other => other.clone(),
        }
    }
    let canonical = serde_json::to_string(&sorted(properties)).expect("JSON serialises");
    format!("properties:{}", &sha256_hex(canonical.as_bytes())[..16])
}

fn location(headers: &[(String, String)]) -> Option<String> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("location"))
        .map(|(_, v)| v.clone())
}

impl<T: Transport> Micropub<T> {
    /// The post after a write that landed: as `q=source` reads it, or, if
    /// that read fails (a token without the scope servers ask for it, a
    /// server without `q=source`), as it was sent, so the post is
    /// remembered and the next Publish updates it rather than making a
    /// duplicate (its check then says why it cannot read the post).
    fn read_back(&mut self, url: &str, sent: &Value) -> RemotePost {
        self.source(url).unwrap_or_else(|_| remote_post(url, sent))
    }
}

impl<T: Transport> Publisher for Micropub<T> {
    fn upload_image(
        &mut self,
        file_name: &str,
        mime: &str,
        bytes: &[u8],
    ) -> Result<RemoteMedia, Error> {
        let endpoint = self.media_endpoint()?;
        let what = format!("the image {file_name}");
        let body = Body::Multipart {
            fields: Vec::new(),
            file_field: "file".into(),
            name: file_name.to_owned(),
            mime: mime.to_owned(),
            bytes: bytes.to_vec(),
        };
        let (response, headers) = self.exchange("POST", endpoint, body)?;
        if !(200..300).contains(&response.status) {
            return Err(self.refused(&response, &what));
        }
        match location(&headers) {
            Some(url) => Ok(RemoteMedia {
                id: url.clone(),
                url,
            }),
            None => Err(Error::PublishRefused {
                account: self.account.name.clone(),
                what,
                detail: "the media endpoint gave no address for it (no Location)".into(),
            }),
        }
    }

    fn create(&mut self, post: &OutgoingPost) -> Result<RemotePost, Error> {
        let mut props = properties(post);
        if !post.slug.is_empty() {
            props.insert("mp-slug".into(), json!([post.slug]));
        }
        let sent = Value::Object(props.clone());
        let body = json!({ "type": ["h-entry"], "properties": props });
        let what = format!("the post {:?}", post.title);
        let Some(url) = self.post(body, &what)? else {
            return Err(Error::PublishRefused {
                account: self.account.name.clone(),
                what,
                detail: "the endpoint gave no address for the new post (no Location); look on the site before publishing again, it may be there".into(),
            });
        };
        Ok(self.read_back(&url, &sent))
    }

    fn fetch(&mut self, remote_id: &str) -> Result<RemotePost, Error> {
        self.source(remote_id)
    }

    fn update(&mut self, remote_id: &str, post: &OutgoingPost) -> Result<RemotePost, Error> {
        let replace = properties(post);
        let gone: Vec<&str> = OPTIONAL
            .into_iter()
            .filter(|p| !replace.contains_key(*p))
            .collect();
        let mut body = json!({ "action": "update", "url": remote_id, "replace": replace });
        if !gone.is_empty() {
            body["delete"] = json!(gone);
        }
        // A server may move the post (201 with its new address).
        let moved = self.post(body, &format!("the post {:?}", post.title))?;
        let sent = Value::Object(properties(post));
        Ok(self.read_back(moved.as_deref().unwrap_or(remote_id), &sent))
    }

    fn unpublish(&mut self, remote_id: &str) -> Result<RemotePost, Error> {
        let body = json!({
            "action": "update",
            "url": remote_id,
            "replace": { "post-status": ["draft"] },
        });
        let moved = self.post(body, &format!("the post {remote_id}"))?;
        self.source(moved.as_deref().unwrap_or(remote_id))
    }
}

/// The Micropub endpoint for what the writer typed (the site's home page,
/// any page naming the endpoint, or the endpoint itself), with the token
/// tried on it: `q=config` must answer as Micropub does.
pub fn find_endpoint<T: Transport>(
    mut transport: T,
    account: &str,
    site: &str,
    token: &str,
) -> Result<String, Error> {
    use super::discovery::{discover, Discovered, DiscoveryError};
    let unreachable = |detail: String| Error::SiteUnreachable {
        account: account.to_owned(),
        site: site.to_owned(),
        detail,
    };
    let (endpoint, named) = match discover(&mut transport, site) {
        Ok(Discovered::Endpoint(endpoint)) => (endpoint, true),
        // No link: perhaps it is the endpoint itself (which may answer a
        // GET without a query with an error, hence the status too).
        Ok(Discovered::NoLink { page }) => (page, false),
        Err(DiscoveryError::Status(status)) => (site.to_owned(), status != 404),
        Err(DiscoveryError::Unreachable(failure)) => {
            return Err(super::http::unreachable(
                account, site, "endpoint", failure, 1,
            ))
        }
        Err(DiscoveryError::TooManyRedirects) => {
            return Err(unreachable("it redirects too many times".into()))
        }
    };
    let account = Account {
        name: account.to_owned(),
        kind: byline_core::domain::publishing::AccountKind::Micropub,
        site: endpoint.clone(),
        user: String::new(),
        added_at: Utc::now(),
    };
    let mut client = Micropub::new(account, token, transport);
    match client.query(&[("q", "config")], "the configuration query") {
        Ok(_) => Ok(endpoint),
        Err(Error::SiteUnreachable { .. }) if !named => Err(unreachable(
            "no Micropub endpoint there: the page has no rel=\"micropub\" link (in its HTTP Link header or its HTML) and is not an endpoint itself; give the site's home page or the endpoint's address".into(),
        )),
        Err(err) => Err(err),
    }
}

#[cfg(test)]
#[path = "micropub_tests.rs"]
mod tests;
