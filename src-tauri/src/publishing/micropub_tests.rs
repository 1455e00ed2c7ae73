//! The Micropub client against answers recorded from a real Micropub
//! server (django-indieweb 0.6.2, the one tests/servers/micropub.sh
//! installs): what it sends for each call, how it reads each answer and
//! each refusal. That server answers errors in plain text
//! (`invalid_request`, `authentication error`); the JSON form the
//! recommendation gives (`error`, `error_description`) is read too.

use std::collections::VecDeque;

use byline_core::domain::publication::{OutgoingPost, PublishStatus, RemoteMedia};
use byline_core::domain::publishing::{Account, AccountKind};
use byline_core::usecases::publish::Publisher;
use byline_core::Error;
use chrono::Utc;
use serde_json::{json, Value};

use super::super::http::{Body, Failure, Request, Response, Transport};
use super::{find_endpoint, version, Micropub};

const ENDPOINT: &str = "http://127.0.0.1:8090/indieweb/micropub/";
const ENTRY: &str = "http://127.0.0.1:8090/entries/1/";

macro_rules! recorded {
    ($name:literal) => {
        include_str!(concat!("recorded/micropub/", $name, ".json"))
    };
}

type Answer = Result<(Response, Vec<(String, String)>), Failure>;

/// Answers each request with the next recorded answer (with its headers),
/// and keeps the requests for the test to look at.
#[derive(Default)]
struct Replay {
    answers: VecDeque<Answer>,
    sent: Vec<Request>,
}

impl Replay {
    fn answer(
        mut self,
        status: u16,
        content_type: &str,
        body: &str,
        headers: &[(&str, &str)],
    ) -> Self {
        self.answers.push_back(Ok((
            Response {
                status,
                content_type: content_type.into(),
                body: body.into(),
            },
            headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
        )));
        self
    }
    fn json(self, body: &str) -> Self {
        self.answer(200, "application/json", body, &[])
    }
    /// The server's plain-text refusals.
    fn text(self, status: u16, body: &str) -> Self {
        self.answer(status, "text/html; charset=utf-8", body, &[])
    }
    fn created(self, location: &str) -> Self {
        self.answer(
            201,
            "text/html; charset=utf-8",
            "",
            &[("location", location)],
        )
    }
    fn fail(mut self, failure: Failure) -> Self {
        self.answers.push_back(Err(failure));
        self
    }
    fn body(&self, n: usize) -> Value {
        match &self.sent[n].body {
            Body::Json(value) => value.clone(),
            other => panic!("request {n} sent {other:?}"),
        }
    }
}

impl Transport for &mut Replay {
    fn send(&mut self, request: &Request) -> Result<Response, Failure> {
        self.send_with_headers(request).map(|(r, _)| r)
    }
    fn send_with_headers(&mut self, request: &Request) -> Answer {
        self.sent.push(request.clone());
        self.answers
            .pop_front()
            .expect("a request nobody recorded an answer for")
    }
}

fn account() -> Account {
    Account {
        name: "Notes".into(),
        kind: AccountKind::Micropub,
        site: ENDPOINT.into(),
        user: String::new(),
        added_at: Utc::now(),
    }
}

fn client(replay: &mut Replay) -> Micropub<&mut Replay> {
    Micropub::new(account(), "byline-test-token", replay)
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
            id: "http://127.0.0.1:8090/media/indieweb/media/3f1c.png".into(),
            url: "http://127.0.0.1:8090/media/indieweb/media/3f1c.png".into(),
        }),
        status: PublishStatus::Draft,
        date: None,
    }
}

#[test]
fn create_sends_a_json_h_entry_and_reads_the_post_back() {
    let mut replay = Replay::default().created(ENTRY).json(recorded!("source"));
    let remote = client(&mut replay).create(&post()).unwrap();
    assert_eq!(replay.sent[0].method, "POST");
    assert_eq!(replay.sent[0].url, ENDPOINT);
    assert_eq!(replay.sent[0].auth, "Bearer byline-test-token");
    assert_eq!(
        replay.body(0),
        json!({"type": ["h-entry"], "properties": {
            "name": ["Harbour walk"],
            "content": [{"html": "<p>The walk starts at the pier.</p>"}],
            "summary": ["A short walk"],
            "category": ["walks"],
            "photo": ["http://127.0.0.1:8090/media/indieweb/media/3f1c.png"],
            "post-status": ["draft"],
            "mp-slug": ["harbour-walk"],
        }})
    );
    // Read back with q=source at the address the server gave.
    assert_eq!(replay.sent[1].method, "GET");
    assert!(replay.sent[1].url.starts_with(ENDPOINT));
    assert!(
        replay.sent[1]
            .url
            .ends_with("?q=source&url=http%3A%2F%2F127.0.0.1%3A8090%2Fentries%2F1%2F"),
        "{}",
        replay.sent[1].url
    );
    assert_eq!(remote.id, ENTRY);
    assert_eq!(remote.url, ENTRY);
    assert_eq!(remote.content, "<p>The walk starts at the pier.</p>");
    assert_eq!(remote.status, PublishStatus::Draft);
    let properties =
        serde_json::from_str::<Value>(recorded!("source")).unwrap()["properties"].clone();
    assert_eq!(remote.version, version(&properties));
}

#[test]
fn the_version_changes_with_any_property_and_not_with_key_order() {
    let a = json!({"name": ["A"], "content": [{"html": "<p>x</p>"}], "category": ["walks"]});
    let reordered =
        json!({"category": ["walks"], "content": [{"html": "<p>x</p>"}], "name": ["A"]});
    let retitled = json!({"name": ["B"], "content": [{"html": "<p>x</p>"}], "category": ["walks"]});
    let retagged = json!({"name": ["A"], "content": [{"html": "<p>x</p>"}], "category": ["sea"]});
    assert_eq!(version(&a), version(&reordered));
    assert_ne!(version(&a), version(&retitled));
    assert_ne!(version(&a), version(&retagged));
}

#[test]
fn update_replaces_what_byline_writes_and_deletes_what_the_article_dropped() {
    let mut replay = Replay::default()
        .answer(204, "text/html", "", &[])
        .json(recorded!("source"));
    let mut changed = post();
    changed.excerpt.clear();
    changed.featured_image = None;
    changed.status = PublishStatus::Published;
    client(&mut replay).update(ENTRY, &changed).unwrap();
    let body = replay.body(0);
    assert_eq!(body["action"], "update");
    assert_eq!(body["url"], ENTRY);
    assert_eq!(body["replace"]["post-status"], json!(["published"]));
    assert_eq!(body["replace"]["name"], json!(["Harbour walk"]));
    // mp-* are commands for a create only.
    assert!(body["replace"].get("mp-slug").is_none());
    assert_eq!(body["delete"], json!(["summary", "published", "photo"]));
}

#[test]
fn an_update_that_moves_the_post_reads_it_at_its_new_address() {
    let moved = "http://127.0.0.1:8090/entries/harbour-walk/";
    let mut replay = Replay::default().created(moved).json(recorded!("source"));
    let remote = client(&mut replay).update(ENTRY, &post()).unwrap();
    assert_eq!(remote.id, moved);
    assert!(replay.sent[1].url.contains("harbour-walk"));
}

#[test]
fn unpublish_makes_it_a_draft_by_update_never_a_delete() {
    let mut replay = Replay::default()
        .answer(204, "text/html", "", &[])
        .json(recorded!("source"));
    let remote = client(&mut replay).unpublish(ENTRY).unwrap();
    assert_eq!(
        replay.body(0),
        json!({"action": "update", "url": ENTRY, "replace": {"post-status": ["draft"]}})
    );
    assert_eq!(remote.status, PublishStatus::Draft);
}

#[test]
fn images_go_to_the_media_endpoint_q_config_names_asked_once() {
    let mut replay = Replay::default()
        .json(recorded!("config"))
        .created("http://127.0.0.1:8090/media/indieweb/media/a1.png")
        .created("http://127.0.0.1:8090/media/indieweb/media/b2.png");
    let mut site = client(&mut replay);
    let first = site
        .upload_image("pier.png", "image/png", b"\x89PNG")
        .unwrap();
    let second = site
        .upload_image("quay.png", "image/png", b"\x89PNG2")
        .unwrap();
    assert_eq!(
        first.url,
        "http://127.0.0.1:8090/media/indieweb/media/a1.png"
    );
    assert_eq!(
        second.id,
        "http://127.0.0.1:8090/media/indieweb/media/b2.png"
    );
    assert_eq!(replay.sent.len(), 3, "q=config is asked once");
    assert!(replay.sent[0].url.ends_with("?q=config"));
    assert_eq!(replay.sent[1].url, "http://127.0.0.1:8090/indieweb/media/");
    match &replay.sent[1].body {
        Body::Multipart {
            file_field,
            name,
            mime,
            ..
        } => {
            assert_eq!(
                (file_field.as_str(), name.as_str(), mime.as_str()),
                ("file", "pier.png", "image/png")
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn no_media_endpoint_says_images_cannot_be_uploaded() {
    let mut replay = Replay::default().json(r#"{"syndicate-to": []}"#);
    let err = client(&mut replay)
        .upload_image("pier.png", "image/png", b"x")
        .unwrap_err();
    assert!(
        err.to_string().contains("offers no media endpoint"),
        "{err}"
    );
}

#[test]
fn refusals_are_said_in_words_naming_the_account() {
    let cases: Vec<(Replay, &str)> = vec![
        (
            Replay::default().text(401, "authentication error"),
            "the site refused the credentials of the publishing account \"Notes\" (authentication error); make a new access token",
        ),
        (
            Replay::default().text(403, "authorization error"),
            "may lack the scope",
        ),
        (
            Replay::default().text(400, "invalid_request"),
            "refused the post \"Harbour walk\": invalid_request (HTTP 400)",
        ),
        (
            Replay::default().answer(
                400,
                "application/json",
                r#"{"error":"invalid_request","error_description":"photo must be a URL"}"#,
                &[],
            ),
            "refused the post \"Harbour walk\": photo must be a URL (HTTP 400)",
        ),
        (
            Replay::default().text(404, "<!doctype html><h1>Not Found</h1>"),
            "but not as a Micropub endpoint would",
        ),
    ];
    for (mut replay, needle) in cases {
        let err = client(&mut replay).create(&post()).unwrap_err();
        assert!(err.to_string().contains(needle), "{err}");
        assert!(err.to_string().contains("\"Notes\""), "{err}");
    }
    let mut replay = Replay::default()
        .json(recorded!("config"))
        .text(413, "invalid_request");
    let err = client(&mut replay)
        .upload_image("huge.png", "image/png", b"x")
        .unwrap_err();
    assert!(matches!(err, Error::PublishRefused { .. }));
    assert!(
        err.to_string()
            .contains("the image huge.png: it is larger than the site accepts"),
        "{err}"
    );
}

#[test]
fn a_read_that_times_out_is_tried_again_a_write_is_not() {
    let mut replay = Replay::default()
        .fail(Failure::Timeout)
        .json(recorded!("source"));
    let remote = client(&mut replay).fetch(ENTRY).unwrap();
    assert_eq!(remote.content, "<p>The walk starts at the pier.</p>");
    assert_eq!(replay.sent.len(), 2);

    let mut replay = Replay::default().fail(Failure::Timeout);
    let err = client(&mut replay).create(&post()).unwrap_err();
    assert!(matches!(err, Error::SiteUnreachable { .. }));
    assert!(
        err.to_string().contains("did not answer within 60 s"),
        "{err}"
    );
    assert_eq!(
        replay.sent.len(),
        1,
        "a write that timed out may have landed"
    );

    let mut replay = Replay::default()
        .fail(Failure::Timeout)
        .fail(Failure::Timeout)
        .fail(Failure::Timeout);
    let err = client(&mut replay).fetch(ENTRY).unwrap_err();
    assert!(err.to_string().contains("(3 tries)"), "{err}");
}

#[test]
fn a_home_page_s_link_finds_the_endpoint_and_the_token_is_tried_there() {
    let home = r#"<!doctype html><html><head><title>Byline test site</title><link rel="micropub" href="/indieweb/micropub/"><link rel="token_endpoint" href="/indieweb/token/"></head><body><h1>Byline test site</h1></body></html>"#;
    let mut replay = Replay::default()
        .answer(200, "text/html; charset=utf-8", home, &[])
        .json(recorded!("config"));
    let endpoint = find_endpoint(&mut replay, "Notes", "http://127.0.0.1:8090", "tok").unwrap();
    assert_eq!(endpoint, ENDPOINT);
    assert_eq!(
        replay.sent[0].auth, "",
        "the page is read without the token"
    );
    assert_eq!(replay.sent[1].auth, "Bearer tok");
    assert!(replay.sent[1].url.ends_with("/indieweb/micropub/?q=config"));
}

#[test]
fn a_redirect_and_a_link_header_find_it_too() {
    let mut replay = Replay::default()
        .answer(301, "text/html", "", &[("location", "/blog/")])
        .answer(
            200,
            "text/html",
            "<p>no links here</p>",
            &[("link", r#"</indieweb/micropub/>; rel="micropub""#)],
        )
        .json(recorded!("config"));
    let endpoint = find_endpoint(&mut replay, "Notes", "http://127.0.0.1:8090", "tok").unwrap();
    assert_eq!(endpoint, ENDPOINT);
    assert_eq!(replay.sent[1].url, "http://127.0.0.1:8090/blog/");
}

#[test]
fn the_endpoint_itself_is_taken_and_a_page_without_one_is_refused() {
    // The endpoint answers a bare GET with a refusal; q=config works.
    let mut replay = Replay::default()
        .text(400, "invalid_request")
        .json(recorded!("config"));
    assert_eq!(
        find_endpoint(&mut replay, "Notes", ENDPOINT, "tok").unwrap(),
        ENDPOINT
    );

    let mut replay = Replay::default()
        .answer(200, "text/html", "<title>A blog</title>", &[])
        .text(200, "<title>A blog</title>");
    let err = find_endpoint(&mut replay, "Notes", "http://127.0.0.1:8090", "tok").unwrap_err();
    assert!(
        err.to_string().contains("no rel=\"micropub\" link"),
        "{err}"
    );

    let mut replay = Replay::default()
        .answer(200, "text/html", r#"<link rel="micropub" href="/mp">"#, &[])
        .text(401, "authentication error");
    let err = find_endpoint(&mut replay, "Notes", "http://127.0.0.1:8090", "bad").unwrap_err();
    assert!(matches!(err, Error::CredentialsRefused { .. }), "{err}");

    let mut replay = Replay::default().fail(Failure::Connect("Connection refused".into()));
    let err = find_endpoint(&mut replay, "Notes", "http://127.0.0.1:9", "tok").unwrap_err();
    assert!(
        err.to_string()
            .contains("cannot connect (Connection refused)"),
        "{err}"
    );
}

#[test]
fn a_post_that_cannot_be_read_back_is_remembered_as_sent() {
    // django-indieweb asks the update scope for q=source: a create-only
    // token creates, then cannot read. The post is still the site's.
    let mut replay = Replay::default()
        .created(ENTRY)
        .text(403, "authorization error");
    let remote = client(&mut replay).create(&post()).unwrap();
    assert_eq!(remote.id, ENTRY);
    assert_eq!(remote.content, "<p>The walk starts at the pier.</p>");
    assert_eq!(remote.status, PublishStatus::Draft);
}
