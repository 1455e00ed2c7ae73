//! WordPress's REST API (`/wp/v2`) as a `Publisher`: posts, media, tags,
//! over HTTP Basic with an application password. Routes go through
//! `?rest_route=`, which every WordPress answers whether or not pretty
//! permalinks are on. WordPress has no optimistic locking, so the core
//! compares `modified_gmt` and `content.raw` with what it last sent
//! (`usecases::publish`); this client reports them.

use base64::Engine as _;
use byline_core::domain::publication::{OutgoingPost, PublishStatus, RemoteMedia, RemotePost};
use byline_core::domain::publishing::Account;
use byline_core::usecases::publish::Publisher;
use byline_core::Error;
use serde_json::{json, Value};

use super::http::{Body, Failure, Request, Response, Transport};

/// Byline's id on WordPress's application-password approval page: one
/// UUID for every copy of Byline, so a site lists its passwords as one app.
pub const APP_ID: &str = "6f0c9a8e-2b3d-4c5e-9f71-8a4b2c1d0e93";

/// The page where the writer, signed in to the site in their browser,
/// approves Byline (`/wp-admin/authorize-application.php`). With no
/// `success_url`, WordPress shows the new application password on the
/// page for the writer to paste into Byline.
pub fn approval_url(site: &str) -> String {
    format!(
        "{}/wp-admin/authorize-application.php?app_name=Byline&app_id={APP_ID}",
        site.trim_end_matches('/')
    )
}

pub struct WordPress<T: Transport> {
    account: Account,
    auth: String,
    transport: T,
}

impl<T: Transport> WordPress<T> {
    pub fn new(account: Account, password: &str, transport: T) -> Self {
        let basic = base64::engine::general_purpose::STANDARD
            .encode(format!("{}:{}", account.user, password));
        WordPress {
            account,
            auth: format!("Basic {basic}"),
            transport,
        }
    }

    fn url(&self, route: &str, query: &[(&str, &str)]) -> String {
        let mut url = format!("{}/?rest_route={}", self.account.site, route);
        for (key, value) in query {
            url.push('&');
            url.push_str(key);
            url.push('=');
            url.push_str(&percent_encode(value));
        }
        url
    }

    fn send(
        &mut self,
        method: &'static str,
        url: String,
        body: Body,
        what: &str,
    ) -> Result<Value, Error> {
        let response = self.exchange(method, url, body)?;
        self.read(response, what)
    }

    /// One request, a read retried when it timed out.
    fn exchange(
        &mut self,
        method: &'static str,
        url: String,
        body: Body,
    ) -> Result<Response, Error> {
        let request = Request {
            method,
            url,
            auth: self.auth.clone(),
            body,
        };
        super::http::retrying(method, || self.transport.send(&request))
            .map_err(|(failure, tried)| self.unreachable(failure, tried))
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

    /// The answer's JSON, or the error WordPress gave, in a writer's words.
    fn read(&self, response: Response, what: &str) -> Result<Value, Error> {
        let json: Option<Value> = serde_json::from_str(&response.body).ok();
        let Some(json) = json.filter(|_| response.content_type.contains("json")) else {
            return Err(Error::SiteUnreachable {
                account: self.account.name.clone(),
                site: self.account.site.clone(),
                detail: format!(
                    "it answered (HTTP {}) but not as a WordPress site would: no REST API there; check the address",
                    response.status
                ),
            });
        };
        if (200..300).contains(&response.status) {
            return Ok(json);
        }
        let code = json["code"].as_str().unwrap_or("");
        let message = strip_tags(json["message"].as_str().unwrap_or("no reason given"));
        let account = self.account.name.clone();
        Err(match (response.status, code) {
            (401, _) | (_, "invalid_username" | "incorrect_password" | "rest_not_logged_in") => {
                Error::CredentialsRefused {
                    account,
                    secret: "application password",
                    detail: message,
                }
            }
            (413, _) => Error::PublishRefused {
                account,
                what: what.to_owned(),
                detail: "it is larger than the site accepts; make it smaller and publish again"
                    .into(),
            },
            (404, "rest_post_invalid_id") => Error::PublishRefused {
                account,
                what: what.to_owned(),
                detail: "the post is no longer on the site (it was deleted there)".into(),
            },
            (status, _) => Error::PublishRefused {
                account,
                what: what.to_owned(),
                detail: format!("{message} (HTTP {status}, {code})"),
            },
        })
    }

    /// Whether the password opens the account: `/wp/v2/users/me` as it,
    /// and the user it belongs to is the account's.
    pub fn verify(&mut self) -> Result<(), Error> {
        let url = self.url("/wp/v2/users/me", &[("context", "edit")]);
        let me = self.send("GET", url, Body::Empty, "the user's profile")?;
        let login = me["username"]
            .as_str()
            .or(me["slug"].as_str())
            .unwrap_or("");
        if login.eq_ignore_ascii_case(&self.account.user) {
            return Ok(());
        }
        Err(Error::CredentialsRefused {
            account: self.account.name.clone(),
            secret: "application password",
            detail: format!(
                "the password belongs to the user {login:?}, not {:?}",
                self.account.user
            ),
        })
    }

    fn remote_post(&self, json: &Value) -> Result<RemotePost, Error> {
        let id = json["id"].as_i64();
        let version = json["modified_gmt"].as_str();
        let (Some(id), Some(version)) = (id, version) else {
            return Err(Error::SiteUnreachable {
                account: self.account.name.clone(),
                site: self.account.site.clone(),
                detail: "its answer has no post id or modification time; is it a WordPress site?"
                    .into(),
            });
        };
        Ok(RemotePost {
            id: id.to_string(),
            url: json["link"].as_str().unwrap_or_default().to_owned(),
            version: version.to_owned(),
            content: json["content"]["raw"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            status: match json["status"].as_str() {
                Some("publish") => PublishStatus::Published,
                Some("future") => PublishStatus::Scheduled,
                _ => PublishStatus::Draft,
            },
        })
    }

    /// The tag's id, found by name or made.
    fn tag_id(&mut self, name: &str) -> Result<i64, Error> {
        let url = self.url("/wp/v2/tags", &[("search", name), ("per_page", "100")]);
        let found = self.send("GET", url, Body::Empty, &format!("the tag {name:?}"))?;
        if let Some(id) = found.as_array().into_iter().flatten().find_map(|t| {
            let same = t["name"]
                .as_str()
                .is_some_and(|n| html_unescape(n).eq_ignore_ascii_case(name));
            same.then(|| t["id"].as_i64()).flatten()
        }) {
            return Ok(id);
        }
        let url = self.url("/wp/v2/tags", &[]);
        let what = format!("the tag {name:?}");
        let response = self.exchange("POST", url, Body::Json(json!({ "name": name })))?;
        // Made meanwhile, or named alike in other words: WordPress says
        // which term it is.
        if response.status == 400 {
            if let Ok(err) = serde_json::from_str::<Value>(&response.body) {
                if err["code"] == "term_exists" {
                    if let Some(id) = err["data"]["term_id"].as_i64() {
                        return Ok(id);
                    }
                }
            }
        }
        let made = self.read(response, &what)?;
        made["id"].as_i64().ok_or_else(|| Error::PublishRefused {
            account: self.account.name.clone(),
            what,
            detail: "no id came back".into(),
        })
    }

    fn body(&mut self, post: &OutgoingPost) -> Result<Value, Error> {
        let mut tags = Vec::new();
        for tag in &post.tags {
            tags.push(self.tag_id(tag)?);
        }
        let status = match post.status {
            PublishStatus::Draft => "draft",
            PublishStatus::Published => "publish",
            PublishStatus::Scheduled => "future",
        };
        let mut body = json!({
            "title": post.title,
            // The JSON-LD rides in the content: WordPress has no field for it.
            "content": format!("{}\n{}", post.html, post.json_ld),
            "excerpt": post.excerpt,
            "status": status,
            "tags": tags,
            "featured_media": post
                .featured_image
                .as_ref()
                .and_then(|m| m.id.parse::<i64>().ok())
                .unwrap_or(0),
        });
        if !post.slug.is_empty() {
            body["slug"] = json!(post.slug);
        }
        if let Some(date) = post.date {
            body["date_gmt"] = json!(date.format("%Y-%m-%dT%H:%M:%S").to_string());
        }
        Ok(body)
    }
}

impl<T: Transport> Publisher for WordPress<T> {
    fn upload_image(
        &mut self,
        file_name: &str,
        mime: &str,
        bytes: &[u8],
    ) -> Result<RemoteMedia, Error> {
        let url = self.url("/wp/v2/media", &[]);
        let body = Body::File {
            name: file_name.to_owned(),
            mime: mime.to_owned(),
            bytes: bytes.to_vec(),
        };
        let json = self.send("POST", url, body, &format!("the image {file_name}"))?;
        match (json["id"].as_i64(), json["source_url"].as_str()) {
            (Some(id), Some(url)) => Ok(RemoteMedia {
                id: id.to_string(),
                url: url.to_owned(),
            }),
            _ => Err(Error::PublishRefused {
                account: self.account.name.clone(),
                what: format!("the image {file_name}"),
                detail: "no id or address came back".into(),
            }),
        }
    }

    fn create(&mut self, post: &OutgoingPost) -> Result<RemotePost, Error> {
        let body = self.body(post)?;
        let url = self.url("/wp/v2/posts", &[]);
        let json = self.send(
            "POST",
            url,
            Body::Json(body),
            &format!("the post {:?}", post.title),
        )?;
        self.remote_post(&json)
    }

    fn fetch(&mut self, remote_id: &str) -> Result<RemotePost, Error> {
        Ok(self.fetch_with_title(remote_id)?.0)
    }

    fn fetch_with_title(&mut self, remote_id: &str) -> Result<(RemotePost, Option<String>), Error> {
        let url = self.url(&format!("/wp/v2/posts/{remote_id}"), &[("context", "edit")]);
        let json = self.send("GET", url, Body::Empty, &format!("post {remote_id}"))?;
        let title = json["title"]["raw"].as_str().map(str::to_owned);
        Ok((self.remote_post(&json)?, title))
    }

    fn update(&mut self, remote_id: &str, post: &OutgoingPost) -> Result<RemotePost, Error> {
        let body = self.body(post)?;
        let url = self.url(&format!("/wp/v2/posts/{remote_id}"), &[]);
        let json = self.send(
            "POST",
            url,
            Body::Json(body),
            &format!("the post {:?}", post.title),
        )?;
        self.remote_post(&json)
    }

    fn unpublish(&mut self, remote_id: &str) -> Result<RemotePost, Error> {
        let url = self.url(&format!("/wp/v2/posts/{remote_id}"), &[]);
        let body = Body::Json(json!({ "status": "draft" }));
        let json = self.send("POST", url, body, &format!("post {remote_id}"))?;
        self.remote_post(&json)
    }
}

fn percent_encode(value: &str) -> String {
    let mut out = String::new();
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// WordPress's messages may carry a link or emphasis.
fn strip_tags(text: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in text.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    html_unescape(out.trim())
}

/// Term names come back HTML-escaped (`R&amp;D`).
fn html_unescape(text: &str) -> String {
    text.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#039;", "'")
}

#[cfg(test)]
#[path = "wordpress_tests.rs"]
mod tests;
