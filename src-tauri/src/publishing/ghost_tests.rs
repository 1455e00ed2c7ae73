//! The Ghost client against answers recorded from a real Ghost 5.130 (the
//! one tests/servers/ghost.sh installs; `recorded/ghost/`): the token it
//! signs, what it sends for each call, and how it reads each answer and
//! each refusal.

use std::collections::VecDeque;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use byline_core::domain::publication::{OutgoingPost, PublishStatus, RemoteMedia};
use byline_core::domain::publishing::{Account, AccountKind};
use byline_core::usecases::publish::Publisher;
use chrono::{TimeZone, Utc};
use hmac::{KeyInit, Mac};
use serde_json::{json, Value};

use super::super::http::{Body, Failure, Request, Response, Transport};
use super::{with_html_cards, Ghost};

macro_rules! recorded {
    ($name:literal) => {
        include_str!(concat!("recorded/ghost/", $name, ".json"))
    };
}

const KEY: &str =
    "6b0dbc8c608a4647dc5149c6:2b1e4c5d6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80912";
const POST_ID: &str = "6b0dbcb6608a4647dc5149cf";

#[derive(Default)]
struct Replay {
    answers: VecDeque<Result<Response, Failure>>,
    sent: Vec<Request>,
}

impl Replay {
    fn answer(mut self, status: u16, body: &str) -> Self {
        self.answers.push_back(Ok(Response {
            status,
            content_type: "application/json; charset=utf-8".into(),
            body: body.into(),
        }));
        self
    }
    fn fail(mut self, failure: Failure) -> Self {
        self.answers.push_back(Err(failure));
        self
    }
}

impl Transport for &mut Replay {
    fn send(&mut self, request: &Request) -> Result<Response, Failure> {
        self.sent.push(request.clone());
        self.answers
            .pop_front()
            .expect("a request nobody recorded an answer for")
    }
}

fn account() -> Account {
    Account {
        name: "Magazine".into(),
        kind: AccountKind::Ghost,
        site: "http://127.0.0.1:2399/".into(),
        user: String::new(),
        added_at: Utc::now(),
    }
}

fn client(replay: &mut Replay) -> Ghost<&mut Replay> {
    Ghost::new(account(), KEY, replay).unwrap()
}

fn post() -> OutgoingPost {
    OutgoingPost {
        title: "Harbour walk".into(),
        html: "<p>The walk starts at the pier.</p>\n<section class=\"byline-faq\"><h2 id=\"faq\">FAQ</h2></section>\n".into(),
        json_ld: "<script type=\"application/ld+json\">{}</script>".into(),
        excerpt: "A short walk".into(),
        slug: "harbour-walk".into(),
        tags: vec!["walks".into()],
        authors: vec!["Owner".into(), "Somebody Else".into()],
        canonical_url: Some("https://example.com/harbour-walk".into()),
        featured_image: Some(RemoteMedia {
            id: "http://127.0.0.1:2399/content/images/2026/11/pier.png".into(),
            url: "http://127.0.0.1:2399/content/images/2026/11/pier.png".into(),
        }),
        status: PublishStatus::Scheduled,
        date: Some(Utc.with_ymd_and_hms(2030, 1, 2, 9, 30, 0).unwrap()),
    }
}

fn sent_post(request: &Request) -> &Value {
    match &request.body {
        Body::Json(value) => &value["posts"][0],
        other => panic!("not JSON: {other:?}"),
    }
}

fn part(token: &str, n: usize) -> Value {
    let segment = token.split('.').nth(n).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(segment).unwrap()).unwrap()
}

#[test]
fn every_request_carries_a_fresh_admin_token_signed_with_the_key() {
    let mut replay = Replay::default().answer(200, recorded!("post_fetched"));
    client(&mut replay).fetch(POST_ID).unwrap();
    let auth = &replay.sent[0].auth;
    let token = auth.strip_prefix("Ghost ").expect("Ghost's scheme");
    let header = part(token, 0);
    assert_eq!(
        header,
        json!({"alg": "HS256", "typ": "JWT", "kid": "6b0dbc8c608a4647dc5149c6"})
    );
    let claims = part(token, 1);
    assert_eq!(claims["aud"], "/admin/");
    let iat = claims["iat"].as_i64().unwrap();
    assert_eq!(claims["exp"].as_i64().unwrap() - iat, 300);
    assert!((Utc::now().timestamp() - iat).abs() < 60);
    // The signature is HMAC-SHA256 of header.claims with the secret's bytes.
    let (signed, signature) = token.rsplit_once('.').unwrap();
    let secret = hex::decode(KEY.split_once(':').unwrap().1).unwrap();
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(&secret).unwrap();
    mac.update(signed.as_bytes());
    assert_eq!(
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes()),
        signature
    );
}

#[test]
fn creating_a_post_sends_every_field_as_html() {
    let mut replay = Replay::default()
        .answer(200, recorded!("users"))
        .answer(201, recorded!("post_created"));
    let remote = client(&mut replay).create(&post()).unwrap();
    assert_eq!(remote.id, POST_ID);
    assert_eq!(remote.version, "2026-11-30T18:13:10.000Z");
    assert_eq!(remote.status, PublishStatus::Draft);
    assert!(remote
        .content
        .starts_with("<p>The walk starts at the pier.</p>"));
    assert!(remote.url.starts_with("http://127.0.0.1:2399/p/"));

    let sent = &replay.sent[1];
    assert_eq!(sent.method, "POST");
    assert_eq!(
        sent.url,
        "http://127.0.0.1:2399/ghost/api/admin/posts/?source=html&formats=html"
    );
    let body = sent_post(sent);
    assert_eq!(body["title"], "Harbour walk");
    assert_eq!(body["status"], "scheduled");
    assert_eq!(body["published_at"], "2030-01-02T09:30:00.000Z");
    assert_eq!(body["slug"], "harbour-walk");
    assert_eq!(body["tags"], json!([{"name": "walks"}]));
    assert_eq!(body["custom_excerpt"], "A short walk");
    assert_eq!(body["canonical_url"], "https://example.com/harbour-walk");
    assert_eq!(
        body["feature_image"],
        "http://127.0.0.1:2399/content/images/2026/11/pier.png"
    );
    assert_eq!(
        body["codeinjection_head"],
        "<script type=\"application/ld+json\">{}</script>"
    );
    // The FAQ section rides in an HTML card; the paragraph stays Ghost's.
    assert_eq!(
        body["html"],
        "<p>The walk starts at the pier.</p>\n<!--kg-card-begin: html-->\n<section class=\"byline-faq\"><h2 id=\"faq\">FAQ</h2></section>\n<!--kg-card-end: html-->\n"
    );
    // Only the author who is a staff user on the site.
    assert_eq!(body["authors"], json!([{"id": "1"}]));
    assert!(body.get("updated_at").is_none());
}

#[test]
fn an_update_sends_the_updated_at_last_seen_and_a_collision_is_a_conflict() {
    let mut replay = Replay::default()
        .answer(200, recorded!("post_fetched"))
        .answer(200, recorded!("users"))
        .answer(200, recorded!("post_updated"));
    let mut ghost = client(&mut replay);
    ghost.fetch(POST_ID).unwrap();
    let remote = ghost.update(POST_ID, &post()).unwrap();
    assert_eq!(remote.status, PublishStatus::Published);
    assert_eq!(remote.version, "2026-11-30T18:13:14.000Z");
    let sent = &replay.sent[2];
    assert_eq!(sent.method, "PUT");
    assert_eq!(
        sent.url,
        format!("http://127.0.0.1:2399/ghost/api/admin/posts/{POST_ID}/?source=html&formats=html")
    );
    assert_eq!(sent_post(sent)["updated_at"], "2026-11-30T18:13:10.000Z");

    // Saved in Ghost after Byline read it: Ghost refuses, Byline says whose
    // edit it would have replaced.
    let mut replay = Replay::default()
        .answer(200, recorded!("post_fetched"))
        .answer(200, recorded!("users"))
        .answer(409, recorded!("update_collision"));
    let mut ghost = client(&mut replay);
    ghost.fetch(POST_ID).unwrap();
    let err = ghost.update(POST_ID, &post()).unwrap_err();
    assert_eq!(err.code(), "remote_changed", "{err}");
    let message = err.to_string();
    assert!(
        message.starts_with(
            "\"Harbour walk\" was changed on the site of the publishing account \"Magazine\""
        ),
        "{message}"
    );
    assert!(
        message.contains("changed there: lexical, status"),
        "{message}"
    );
}

#[test]
fn a_write_without_a_read_first_asks_the_site_for_its_updated_at() {
    let mut replay = Replay::default()
        .answer(200, recorded!("post_fetched"))
        .answer(200, recorded!("post_unpublished"));
    let remote = client(&mut replay).unpublish(POST_ID).unwrap();
    assert_eq!(remote.status, PublishStatus::Draft);
    assert_eq!(replay.sent[0].method, "GET");
    assert_eq!(
        sent_post(&replay.sent[1]),
        &json!({"status": "draft", "updated_at": "2026-11-30T18:13:10.000Z"})
    );
}

#[test]
fn fetching_reads_the_html_and_the_title() {
    let mut replay = Replay::default().answer(200, recorded!("post_fetched"));
    let (remote, title) = client(&mut replay).fetch_with_title(POST_ID).unwrap();
    assert_eq!(
        replay.sent[0].url,
        format!("http://127.0.0.1:2399/ghost/api/admin/posts/{POST_ID}/?formats=html")
    );
    assert_eq!(title.as_deref(), Some("Harbour walk"));
    assert!(remote.content.contains("<!--kg-card-begin: html-->"));
}

#[test]
fn an_image_is_uploaded_as_a_form_and_known_by_its_address() {
    let mut replay = Replay::default().answer(201, recorded!("image_uploaded"));
    let media = client(&mut replay)
        .upload_image("pier.png", "image/png", b"\x89PNG")
        .unwrap();
    assert_eq!(
        media.url,
        "http://127.0.0.1:2399/content/images/2026/11/pier.png"
    );
    assert_eq!(media.id, media.url);
    assert_eq!(
        replay.sent[0].url,
        "http://127.0.0.1:2399/ghost/api/admin/images/upload/"
    );
    match &replay.sent[0].body {
        Body::Multipart {
            fields,
            file_field,
            name,
            mime,
            bytes,
        } => {
            assert_eq!(file_field, "file");
            assert_eq!(name, "pier.png");
            assert_eq!(mime, "image/png");
            assert_eq!(bytes, b"\x89PNG");
            assert!(fields.contains(&("purpose".into(), "image".into())));
        }
        other => panic!("not a form: {other:?}"),
    }
}

#[test]
fn refusals_name_the_account_and_say_what_to_do() {
    let cases: [(u16, &str, &str, &str); 4] = [
        (401, recorded!("wrong_key"), "credentials_refused", "Invalid token: invalid signature); make a new Admin API key"),
        (401, recorded!("expired_token"), "credentials_refused", "jwt expired"),
        (404, recorded!("no_post"), "publish_refused", "deleted there"),
        (
            422,
            recorded!("excerpt_too_long"),
            "publish_refused",
            "Validation error, cannot save post. Validation failed for custom_excerpt. (HTTP 422, ValidationError)",
        ),
    ];
    for (status, body, code, needle) in cases {
        let mut replay = Replay::default().answer(status, body);
        let err = client(&mut replay).fetch(POST_ID).unwrap_err();
        assert_eq!(err.code(), code, "{err}");
        let message = err.to_string();
        assert!(message.contains("\"Magazine\""), "{message}");
        assert!(message.contains(needle), "{message}");
    }
}

#[test]
fn an_image_too_large_for_the_web_server_says_so() {
    // A proxy in front of Ghost (nginx) refuses a large upload with HTML.
    let mut replay = Replay::default();
    replay.answers.push_back(Ok(Response {
        status: 413,
        content_type: "text/html".into(),
        body: "<html><head><title>413 Request Entity Too Large</title></head></html>".into(),
    }));
    let err = client(&mut replay)
        .upload_image("huge.png", "image/png", b"\x89PNG")
        .unwrap_err();
    assert_eq!(err.code(), "publish_refused");
    assert!(
        err.to_string()
            .contains("refused the image huge.png: it is larger than the site accepts"),
        "{err}"
    );
}

#[test]
fn a_site_that_is_not_ghost_is_told_apart() {
    let mut replay = Replay::default();
    replay.answers.push_back(Ok(Response {
        status: 404,
        content_type: "text/html; charset=UTF-8".into(),
        body: "<!doctype html><title>Not found</title>".into(),
    }));
    let err = client(&mut replay).fetch(POST_ID).unwrap_err();
    assert_eq!(err.code(), "site_unreachable");
    assert!(
        err.to_string().contains("not as a Ghost site would"),
        "{err}"
    );
}

#[test]
fn reads_are_retried_after_a_timeout_and_writes_are_not() {
    let mut replay = Replay::default()
        .fail(Failure::Timeout)
        .answer(200, recorded!("post_fetched"));
    client(&mut replay).fetch(POST_ID).unwrap();
    assert_eq!(replay.sent.len(), 2);

    let mut replay = Replay::default().fail(Failure::Timeout);
    let err = client(&mut replay)
        .upload_image("pier.png", "image/png", b"\x89PNG")
        .unwrap_err();
    assert_eq!(
        replay.sent.len(),
        1,
        "a write that timed out may have landed"
    );
    assert_eq!(err.code(), "site_unreachable");
    assert!(err.to_string().contains("did not answer"), "{err}");
}

#[test]
fn a_key_that_is_not_id_colon_hex_is_refused_before_anything_is_sent() {
    let mut replay = Replay::default();
    let err = Ghost::new(account(), "not-a-key", &mut replay)
        .err()
        .unwrap();
    assert_eq!(err.code(), "credentials_refused");
    assert!(replay.sent.is_empty());
}

#[test]
fn blocks_ghost_would_change_go_in_html_cards() {
    let html = "<h2 id=\"a\">A</h2>\n<p>Text.</p>\n<table><tr><td>1</td></tr></table>\n<div class=\"x\">y</div>\n<p>After.</p>\n<section class=\"faq\"><details><summary>Q</summary><p>A</p></details></section>\n";
    assert_eq!(
        with_html_cards(html),
        "<h2 id=\"a\">A</h2>\n<p>Text.</p>\n<!--kg-card-begin: html-->\n<table><tr><td>1</td></tr></table>\n<div class=\"x\">y</div>\n<!--kg-card-end: html-->\n<p>After.</p>\n<!--kg-card-begin: html-->\n<section class=\"faq\"><details><summary>Q</summary><p>A</p></details></section>\n<!--kg-card-end: html-->\n"
    );
}
