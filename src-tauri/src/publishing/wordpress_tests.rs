//! The WordPress client against answers recorded from a real WordPress 6.1
//! (Debian's, the one tests/servers/wordpress.sh installs): what it sends
//! for each call, and how it reads each answer and each refusal.

use std::collections::VecDeque;

use byline_core::domain::publication::{OutgoingPost, PublishStatus, RemoteMedia};
use byline_core::domain::publishing::{Account, AccountKind};
use byline_core::usecases::publish::Publisher;
use chrono::Utc;

use super::super::http::{Body, Failure, Request, Response, Transport};
use super::WordPress;

macro_rules! recorded {
    ($name:literal) => {
        include_str!(concat!("recorded/", $name, ".json"))
    };
}

/// Answers each request with the next recorded answer, and keeps the
/// requests for the test to look at.
#[derive(Default)]
struct Replay {
    answers: VecDeque<Result<Response, Failure>>,
    sent: Vec<Request>,
}

impl Replay {
    fn answer(mut self, status: u16, body: &str) -> Self {
        self.answers.push_back(Ok(Response {
            status,
            content_type: "application/json; charset=UTF-8".into(),
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
        name: "Work blog".into(),
        kind: AccountKind::Wordpress,
        site: "http://127.0.0.1:8089".into(),
        user: "admin".into(),
        added_at: Utc::now(),
    }
}

fn client(replay: &mut Replay) -> WordPress<&mut Replay> {
    WordPress::new(account(), "T9yH tK9L jm8c", replay)
}

fn post() -> OutgoingPost {
    OutgoingPost {
        title: "Harbour walk".into(),
        html: "<p>The walk starts at the pier.</p>".into(),
        json_ld: "<script type=\"application/ld+json\">{}</script>".into(),
        excerpt: "A short walk".into(),
        slug: "harbour-walk".into(),
        tags: vec!["walks".into()],
        authors: vec![],
        canonical_url: None,
        featured_image: Some(RemoteMedia {
            id: "4".into(),
            url: "http://127.0.0.1:8089/wp-content/uploads/2026/11/pier.png".into(),
        }),
        status: PublishStatus::Draft,
        date: None,
    }
}

fn json_body(request: &Request) -> &serde_json::Value {
    match &request.body {
        Body::Json(value) => value,
        other => panic!("not JSON: {other:?}"),
    }
}

#[test]
fn creating_a_post_makes_its_tag_and_sends_every_field() {
    let mut replay = Replay::default()
        .answer(200, recorded!("tags_none"))
        .answer(201, recorded!("tag_created"))
        .answer(201, recorded!("post_created"));
    let remote = client(&mut replay).create(&post()).unwrap();
    assert_eq!(remote.id, "5");
    assert_eq!(remote.url, "http://127.0.0.1:8089/?p=5");
    assert_eq!(remote.version, "2026-11-30T15:21:13");
    assert_eq!(remote.content, "<p>The walk starts at the pier.</p>");
    assert_eq!(remote.status, PublishStatus::Draft);

    let sent = &replay.sent;
    assert_eq!(
        sent[0].url,
        "http://127.0.0.1:8089/?rest_route=/wp/v2/tags&search=walks&per_page=100"
    );
    assert_eq!(json_body(&sent[1])["name"], "walks");
    let body = json_body(&sent[2]);
    assert_eq!(sent[2].method, "POST");
    assert_eq!(
        sent[2].url,
        "http://127.0.0.1:8089/?rest_route=/wp/v2/posts"
    );
    assert_eq!(body["title"], "Harbour walk");
    assert_eq!(body["status"], "draft");
    assert_eq!(body["tags"], serde_json::json!([2]));
    assert_eq!(body["featured_media"], 4);
    assert_eq!(body["slug"], "harbour-walk");
    assert!(
        body["content"].as_str().unwrap().ends_with("</script>"),
        "the JSON-LD rides in the content"
    );
    // HTTP Basic with the application password, never anything else.
    assert_eq!(sent[2].auth, "Basic YWRtaW46VDl5SCB0SzlMIGptOGM=");
}

#[test]
fn an_existing_tag_is_reused() {
    let mut replay = Replay::default()
        .answer(200, recorded!("tags_found"))
        .answer(201, recorded!("post_created"));
    client(&mut replay).create(&post()).unwrap();
    assert_eq!(json_body(&replay.sent[1])["tags"], serde_json::json!([2]));

    // Made by someone else between the search and the create.
    let mut replay = Replay::default()
        .answer(200, recorded!("tags_none"))
        .answer(400, recorded!("tag_exists"))
        .answer(201, recorded!("post_created"));
    client(&mut replay).create(&post()).unwrap();
    assert_eq!(json_body(&replay.sent[2])["tags"], serde_json::json!([2]));
}

#[test]
fn fetching_reads_the_raw_content_and_the_modification_time() {
    let mut replay = Replay::default().answer(200, recorded!("post_fetched"));
    let remote = client(&mut replay).fetch("5").unwrap();
    assert_eq!(
        replay.sent[0].url,
        "http://127.0.0.1:8089/?rest_route=/wp/v2/posts/5&context=edit"
    );
    assert_eq!(remote.version, "2026-11-30T15:21:13");
    assert_eq!(remote.content, "<p>The walk starts at the pier.</p>");
}

#[test]
fn an_image_is_sent_as_the_body_with_its_name() {
    let mut replay = Replay::default().answer(201, recorded!("media"));
    let media = client(&mut replay)
        .upload_image("pier.png", "image/png", b"\x89PNG")
        .unwrap();
    assert_eq!(media.id, "4");
    assert_eq!(
        media.url,
        "http://127.0.0.1:8089/wp-content/uploads/2026/11/pier.png"
    );
    assert!(
        matches!(&replay.sent[0].body, Body::File { name, mime, .. } if name == "pier.png" && mime == "image/png")
    );
}

#[test]
fn unpublishing_sends_the_post_back_to_draft() {
    let mut replay = Replay::default().answer(200, recorded!("post_updated"));
    let remote = client(&mut replay).unpublish("5").unwrap();
    assert_eq!(
        json_body(&replay.sent[0]),
        &serde_json::json!({"status": "draft"})
    );
    assert_eq!(remote.status, PublishStatus::Draft);
}

#[test]
fn refusals_name_the_account_and_say_what_to_do() {
    let cases: [(u16, &str, &str, &str); 3] = [
        (
            401,
            recorded!("wrong_password"),
            "credentials_refused",
            "make a new application password",
        ),
        (
            400,
            recorded!("bad_status"),
            "publish_refused",
            "Invalid parameter(s): status",
        ),
        (
            404,
            recorded!("no_post"),
            "publish_refused",
            "deleted there",
        ),
    ];
    for (status, body, code, needle) in cases {
        let mut replay = Replay::default().answer(status, body);
        let err = client(&mut replay).fetch("5").unwrap_err();
        assert_eq!(err.code(), code, "{err}");
        let message = err.to_string();
        assert!(message.contains("\"Work blog\""), "{message}");
        assert!(message.contains(needle), "{message}");
    }
}

#[test]
fn a_site_that_is_not_wordpress_is_told_apart() {
    let mut replay = Replay::default();
    replay.answers.push_back(Ok(Response {
        status: 200,
        content_type: "text/html; charset=UTF-8".into(),
        body: "<!doctype html><title>Home</title>".into(),
    }));
    let err = client(&mut replay).fetch("5").unwrap_err();
    assert_eq!(err.code(), "site_unreachable");
    assert!(err.to_string().contains("no REST API there"), "{err}");
}

#[test]
fn reads_are_retried_after_a_timeout_and_writes_are_not() {
    let mut replay = Replay::default()
        .fail(Failure::Timeout)
        .answer(200, recorded!("post_fetched"));
    client(&mut replay).fetch("5").unwrap();
    assert_eq!(replay.sent.len(), 2);

    let mut replay = Replay::default().fail(Failure::Timeout);
    let err = client(&mut replay).unpublish("5").unwrap_err();
    assert_eq!(
        replay.sent.len(),
        1,
        "a write that timed out may have landed"
    );
    assert_eq!(err.code(), "site_unreachable");
    assert!(err.to_string().contains("did not answer"), "{err}");

    let mut replay = Replay::default().fail(Failure::Connect("Connection refused".into()));
    let err = client(&mut replay).fetch("5").unwrap_err();
    assert!(
        err.to_string()
            .contains("cannot connect (Connection refused)"),
        "{err}"
    );
}
