//! Ghost's Admin API (`/ghost/api/admin`) as a `Publisher`: posts sent as
//! HTML (`?source=html`), images through `/images/upload/`, authenticated
//! by a token signed with the integration's Admin API key. Ghost locks
//! optimistically: an update carries the `updated_at` Byline last saw, and
//! Ghost refuses it (409) when the post changed since, which this client
//! reports as the core's `RemoteChanged`.

use std::collections::HashMap;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use byline_core::domain::publication::{OutgoingPost, PublishStatus, RemoteMedia, RemotePost};
use byline_core::domain::publishing::Account;
use byline_core::transform::render::top_level_blocks;
use byline_core::usecases::publish::Publisher;
use byline_core::Error;
use hmac::{KeyInit, Mac};
use serde_json::{json, Value};

use super::http::{Body, Failure, Request, Response, Transport};

/// Ghost accepts a token for at most five minutes.
const TOKEN_LIFETIME_SECS: i64 = 300;

/// Elements Ghost's HTML import keeps as they are. Anything else (a FAQ
/// `<section>`, a `<details>`, a table, an alert's `<div>`) would lose its
/// markup, so it is sent inside an HTML card, which Ghost keeps verbatim.
const NATIVE: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "hr",
    "figure",
];

pub struct Ghost<T: Transport> {
    account: Account,
    key_id: String,
    secret: Vec<u8>,
    transport: T,
    /// Each post's `updated_at` as last read from or written to the site:
    /// an update sends it, so Ghost refuses the update if the post was
    /// edited after the core checked it.
    seen: HashMap<String, String>,
}

impl<T: Transport> Ghost<T> {
    /// `key` is the Admin API key as Ghost shows it, `id:secret` (hex).
    pub fn new(account: Account, key: &str, transport: T) -> Result<Self, Error> {
        let refused = || Error::CredentialsRefused {
            account: account.name.clone(),
            secret: "Admin API key",
            detail: "the key kept for it is not an Admin API key (id:secret)".into(),
        };
        let (key_id, secret) = key.trim().split_once(':').ok_or_else(refused)?;
        let secret = hex::decode(secret).map_err(|_| refused())?;
        Ok(Ghost {
            key_id: key_id.to_owned(),
            secret,
            transport,
            seen: HashMap::new(),
            account,
        })
    }

    /// The token for one request: HS256, the key's id as `kid`, for the
    /// Admin API, valid five minutes.
    fn token(&self) -> String {
        let now = chrono::Utc::now().timestamp();
        let header = json!({"alg": "HS256", "typ": "JWT", "kid": self.key_id});
        let claims = json!({"iat": now, "exp": now + TOKEN_LIFETIME_SECS, "aud": "/admin/"});
        let signed = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(header.to_string()),
            URL_SAFE_NO_PAD.encode(claims.to_string())
        );
        let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(&self.secret)
            .expect("HMAC takes a key of any length");
        mac.update(signed.as_bytes());
        let signature = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
        format!("Ghost {signed}.{signature}")
    }

    fn url(&self, path: &str, query: &str) -> String {
        let site = self.account.site.trim_end_matches('/');
        format!("{site}/ghost/api/admin{path}{query}")
    }

    fn send(
        &mut self,
        method: &'static str,
        url: String,
        body: Body,
        what: &str,
    ) -> Result<Value, Error> {
        let request = Request {
            method,
            url,
            auth: self.token(),
            body,
        };
        let response = super::http::retrying(method, || self.transport.send(&request))
            .map_err(|(failure, tried)| self.unreachable(failure, tried))?;
        self.read(response, what)
    }

    fn unreachable(&self, failure: Failure, tried: u32) -> Error {
        super::http::unreachable(
            &self.account.name,
            &self.account.site,
            "site",
            failure,
            tried,
        )
    }

    fn not_ghost(&self, status: u16) -> Error {
        Error::SiteUnreachable {
            account: self.account.name.clone(),
            site: self.account.site.clone(),
            detail: format!(
                "it answered (HTTP {status}) but not as a Ghost site would: no Admin API there; check the address"
            ),
        }
    }

    /// The answer's JSON, or the error Ghost gave, in a writer's words.
    fn read(&self, response: Response, what: &str) -> Result<Value, Error> {
        let json: Option<Value> = serde_json::from_str(&response.body).ok();
        let Some(json) = json.filter(|_| response.content_type.contains("json")) else {
            // Ghost answers a too-large upload from its web server, as text.
            if response.status == 413 {
                return Err(self.too_large(what));
            }
            return Err(self.not_ghost(response.status));
        };
        if (200..300).contains(&response.status) {
            return Ok(json);
        }
        let Some(error) = json["errors"].get(0) else {
            return Err(self.not_ghost(response.status));
        };
        let kind = error["type"].as_str().unwrap_or("");
        let mut detail = error["message"]
            .as_str()
            .unwrap_or("no reason given")
            .to_owned();
        if let Some(context) = error["context"].as_str() {
            if !context.is_empty() && context != detail {
                detail = format!("{detail} {context}");
            }
        }
        let account = self.account.name.clone();
        Err(match (response.status, kind) {
            (401 | 403, _) | (_, "UnauthorizedError" | "NoPermissionError") => {
                Error::CredentialsRefused {
                    account,
                    secret: "Admin API key",
                    detail,
                }
            }
            (413, _) | (_, "RequestEntityTooLargeError") => self.too_large(what),
            (409, _) | (_, "UpdateCollisionError") => {
                let fields: Vec<&str> = error["details"]["changedFields"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .collect();
                let changed = if fields.is_empty() {
                    String::new()
                } else {
                    format!(" (changed there: {})", fields.join(", "))
                };
                Error::RemoteChanged {
                    account,
                    title: what.to_owned(),
                    detail: format!("Ghost says it was saved there after Byline read it{changed}"),
                }
            }
            (404, _) => Error::PublishRefused {
                account,
                what: what.to_owned(),
                detail: "the post is no longer on the site (it was deleted there)".into(),
            },
            (status, kind) => Error::PublishRefused {
                account,
                what: what.to_owned(),
                detail: format!("{} (HTTP {status}, {kind})", detail.trim()),
            },
        })
    }

    fn too_large(&self, what: &str) -> Error {
        Error::PublishRefused {
            account: self.account.name.clone(),
            what: what.to_owned(),
            detail: "it is larger than the site accepts; make it smaller and publish again".into(),
        }
    }

    /// The one post in a `{"posts": [...]}` answer, remembering its
    /// `updated_at` for the next write.
    fn remote_post(&mut self, json: &Value) -> Result<RemotePost, Error> {
        let post = &json["posts"][0];
        let (Some(id), Some(version)) = (post["id"].as_str(), post["updated_at"].as_str()) else {
            return Err(Error::SiteUnreachable {
                account: self.account.name.clone(),
                site: self.account.site.clone(),
                detail: "its answer has no post id or update time; is it a Ghost site?".into(),
            });
        };
        self.seen.insert(id.to_owned(), version.to_owned());
        Ok(RemotePost {
            id: id.to_owned(),
            url: post["url"].as_str().unwrap_or_default().to_owned(),
            version: version.to_owned(),
            content: post["html"].as_str().unwrap_or_default().to_owned(),
            status: match post["status"].as_str() {
                Some("published") => PublishStatus::Published,
                Some("scheduled") => PublishStatus::Scheduled,
                _ => PublishStatus::Draft,
            },
        })
    }

    /// Ghost's staff users whose name, slug or email is one of `names`, as
    /// `{"id": …}`. A credited author who is not a staff user on the site
    /// cannot be an author there; Ghost then credits the site's owner.
    fn authors(&mut self, names: &[String]) -> Result<Option<Value>, Error> {
        if names.is_empty() {
            return Ok(None);
        }
        let url = self.url("/users/", "?limit=all&fields=id,name,slug,email");
        let users = match self.send("GET", url, Body::Empty, "the list of staff users") {
            Ok(users) => users,
            // A key without the right to list staff: leave authors to Ghost.
            Err(Error::CredentialsRefused { .. }) => return Ok(None),
            Err(err) => return Err(err),
        };
        let matches: Vec<Value> = names
            .iter()
            .filter_map(|name| {
                users["users"].as_array()?.iter().find(|user| {
                    ["name", "slug", "email"].iter().any(|field| {
                        user[field]
                            .as_str()
                            .is_some_and(|v| v.eq_ignore_ascii_case(name.trim()))
                    })
                })
            })
            .map(|user| json!({"id": user["id"]}))
            .collect();
        Ok((!matches.is_empty()).then(|| Value::Array(matches)))
    }

    fn body(&mut self, post: &OutgoingPost) -> Result<Value, Error> {
        let mut body = json!({
            "title": post.title,
            "html": with_html_cards(&post.html),
            "status": post.status.as_str(),
            "tags": post.tags.iter().map(|t| json!({"name": t})).collect::<Vec<_>>(),
            "custom_excerpt": post.excerpt,
            "canonical_url": post.canonical_url,
            "feature_image": post.featured_image.as_ref().map(|m| m.url.clone()),
            // The Article/FAQPage JSON-LD goes in the page's <head>.
            "codeinjection_head": post.json_ld,
        });
        if !post.slug.is_empty() {
            body["slug"] = json!(post.slug);
        }
        if let Some(date) = post.date {
            body["published_at"] = json!(date.to_rfc3339_opts(chrono::SecondsFormat::Millis, true));
        }
        if let Some(authors) = self.authors(&post.authors)? {
            body["authors"] = authors;
        }
        Ok(body)
    }

    /// The `updated_at` to send with a write: the one last seen, or the
    /// site's current one when this client has not read the post yet (the
    /// core checks before every update unless told to overwrite).
    fn expected_version(&mut self, remote_id: &str) -> Result<String, Error> {
        if let Some(version) = self.seen.get(remote_id) {
            return Ok(version.clone());
        }
        Ok(self.fetch(remote_id)?.version)
    }

    /// A PUT of the post carrying the `updated_at` last seen; `title` names
    /// the post if Ghost reports a collision.
    fn write(
        &mut self,
        remote_id: &str,
        mut body: Value,
        title: &str,
    ) -> Result<RemotePost, Error> {
        body["updated_at"] = json!(self.expected_version(remote_id)?);
        let url = self.url(&format!("/posts/{remote_id}/"), "?source=html&formats=html");
        let what = format!("the post {title:?}");
        let json = self
            .send("PUT", url, Body::Json(json!({ "posts": [body] })), &what)
            .map_err(|err| match err {
                Error::RemoteChanged {
                    account, detail, ..
                } => Error::RemoteChanged {
                    account,
                    title: title.to_owned(),
                    detail,
                },
                other => other,
            })?;
        self.remote_post(&json)
    }
}

impl<T: Transport> Publisher for Ghost<T> {
    fn upload_image(
        &mut self,
        file_name: &str,
        mime: &str,
        bytes: &[u8],
    ) -> Result<RemoteMedia, Error> {
        let what = format!("the image {file_name}");
        let body = Body::Multipart {
            fields: vec![
                ("purpose".into(), "image".into()),
                ("ref".into(), file_name.into()),
            ],
            file_field: "file".into(),
            name: file_name.to_owned(),
            mime: mime.to_owned(),
            bytes: bytes.to_vec(),
        };
        let url = self.url("/images/upload/", "");
        let json = self.send("POST", url, body, &what)?;
        match json["images"][0]["url"].as_str() {
            // Ghost has no media id: the address is the image's identity.
            Some(url) => Ok(RemoteMedia {
                id: url.to_owned(),
                url: url.to_owned(),
            }),
            None => Err(Error::PublishRefused {
                account: self.account.name.clone(),
                what,
                detail: "no address came back".into(),
            }),
        }
    }

    fn create(&mut self, post: &OutgoingPost) -> Result<RemotePost, Error> {
        let body = self.body(post)?;
        let url = self.url("/posts/", "?source=html&formats=html");
        let what = format!("the post {:?}", post.title);
        let json = self.send("POST", url, Body::Json(json!({ "posts": [body] })), &what)?;
        self.remote_post(&json)
    }

    fn fetch(&mut self, remote_id: &str) -> Result<RemotePost, Error> {
        Ok(self.fetch_with_title(remote_id)?.0)
    }

    fn fetch_with_title(&mut self, remote_id: &str) -> Result<(RemotePost, Option<String>), Error> {
        let url = self.url(&format!("/posts/{remote_id}/"), "?formats=html");
        let json = self.send("GET", url, Body::Empty, &format!("post {remote_id}"))?;
        let title = json["posts"][0]["title"].as_str().map(str::to_owned);
        Ok((self.remote_post(&json)?, title))
    }

    fn update(&mut self, remote_id: &str, post: &OutgoingPost) -> Result<RemotePost, Error> {
        let body = self.body(post)?;
        self.write(remote_id, body, &post.title.clone())
    }

    fn unpublish(&mut self, remote_id: &str) -> Result<RemotePost, Error> {
        self.write(
            remote_id,
            json!({"status": "draft"}),
            &format!("post {remote_id}"),
        )
    }
}

/// The body with every block Ghost's HTML import would change wrapped in
/// an HTML card (consecutive ones in one card), the rest left for Ghost to
/// turn into its own editable cards.
fn with_html_cards(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 128);
    let mut card: Vec<&str> = Vec::new();
    let flush = |out: &mut String, card: &mut Vec<&str>| {
        if !card.is_empty() {
            out.push_str("<!--kg-card-begin: html-->\n");
            out.push_str(&card.join("\n"));
            out.push_str("\n<!--kg-card-end: html-->\n");
            card.clear();
        }
    };
    for block in top_level_blocks(html) {
        if NATIVE.contains(&tag_name(block).as_str()) {
            flush(&mut out, &mut card);
            out.push_str(block);
            out.push('\n');
        } else {
            card.push(block);
        }
    }
    flush(&mut out, &mut card);
    out
}

/// The element name a block starts with, lower-cased ("" for text).
fn tag_name(block: &str) -> String {
    block
        .strip_prefix('<')
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase()
        })
        .unwrap_or_default()
}

#[cfg(test)]
#[path = "ghost_tests.rs"]
mod tests;
