//! The publishing rules against a site kept in memory that behaves as
//! WordPress does: ids, a version stamp on every write, edits made "on the
//! site" by the test, and failures on demand.

use super::*;
use crate::domain::publishing::{AccountKind, NewAccount};

#[derive(Default)]
struct Site {
    posts: BTreeMap<String, RemotePost>,
    uploads: Vec<String>,
    requests: Vec<&'static str>,
    clock: u32,
    down: bool,
}

impl Site {
    fn stamp(&mut self) -> String {
        self.clock += 1;
        format!("2026-11-30T10:00:{:02}", self.clock)
    }
    fn check(&mut self, what: &'static str) -> Result<()> {
        self.requests.push(what);
        if self.down {
            return Err(Error::SiteUnreachable {
                account: "Blog".into(),
                site: "http://wp.test".into(),
                detail: "connection refused".into(),
            });
        }
        Ok(())
    }
    /// An editor changes the post on the site.
    fn edit(&mut self, id: &str, content: &str) {
        let version = self.stamp();
        let post = self.posts.get_mut(id).unwrap();
        post.content = content.to_owned();
        post.version = version;
    }
}

impl Publisher for Site {
    fn upload_image(&mut self, file_name: &str, _mime: &str, _bytes: &[u8]) -> Result<RemoteMedia> {
        self.check("upload")?;
        self.uploads.push(file_name.to_owned());
        let n = self.uploads.len();
        Ok(RemoteMedia {
            id: n.to_string(),
            url: format!("http://wp.test/media/{n}.png"),
        })
    }
    fn create(&mut self, post: &OutgoingPost) -> Result<RemotePost> {
        self.check("create")?;
        let id = (self.posts.len() + 100).to_string();
        let remote = RemotePost {
            id: id.clone(),
            url: format!("http://wp.test/?p={id}"),
            version: self.stamp(),
            content: post.html.clone(),
            status: post.status,
        };
        self.posts.insert(id, remote.clone());
        Ok(remote)
    }
    fn fetch(&mut self, remote_id: &str) -> Result<RemotePost> {
        self.check("fetch")?;
        Ok(self.posts[remote_id].clone())
    }
    fn update(&mut self, remote_id: &str, post: &OutgoingPost) -> Result<RemotePost> {
        self.check("update")?;
        let version = self.stamp();
        let remote = self.posts.get_mut(remote_id).unwrap();
        remote.content = post.html.clone();
        remote.status = post.status;
        remote.version = version;
        Ok(remote.clone())
    }
    fn unpublish(&mut self, remote_id: &str) -> Result<RemotePost> {
        self.check("unpublish")?;
        let version = self.stamp();
        let remote = self.posts.get_mut(remote_id).unwrap();
        remote.status = PublishStatus::Draft;
        remote.version = version;
        Ok(remote.clone())
    }
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\xff\xff?\0\x05\xfe\x02\xfe\xa7\x35\x81\x84\0\0\0\0IEND\xaeB`\x82";

fn setup() -> (tempfile::TempDir, Library, Account, ArticleId) {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(dir.path().join("l.byline")).unwrap();
    let account = lib
        .add_account(&NewAccount {
            name: "Blog".into(),
            kind: AccountKind::Wordpress,
            site: "http://wp.test".into(),
            user: "ann".into(),
        })
        .unwrap();
    let image = lib.store_image("pier.png", PNG).unwrap();
    let body = format!("The walk starts at the pier.\n\n{}\n", image.markdown);
    let id = lib.create_article("Harbour walk", &body).unwrap().id;
    (dir, lib, account, id)
}

fn options(status: PublishStatus) -> PublishOptions {
    PublishOptions {
        status,
        overwrite: false,
    }
}

fn edit_body(lib: &mut Library, id: ArticleId, body: &str) {
    lib.save_body(id, body).unwrap();
}

#[test]
fn publishing_again_updates_the_same_post_and_uploads_no_image_twice() {
    let (_dir, mut lib, account, id) = setup();
    let mut site = Site::default();
    let first = publish(
        &mut lib,
        &mut site,
        &account,
        id,
        options(PublishStatus::Draft),
    )
    .unwrap();
    assert_eq!(first.outcome, Outcome::Created);
    assert_eq!(first.images_uploaded, 1);
    assert!(site.posts["100"]
        .content
        .contains("http://wp.test/media/1.png"));
    assert!(!site.posts["100"].content.contains("assets/"));

    // Nothing changed: nothing is sent.
    let again = publish(
        &mut lib,
        &mut site,
        &account,
        id,
        options(PublishStatus::Draft),
    )
    .unwrap();
    assert_eq!(again.outcome, Outcome::Unchanged);
    assert_eq!(site.requests, ["upload", "create", "fetch"]);

    let body = lib.article(id).unwrap().body.replace("pier", "old pier");
    edit_body(&mut lib, id, &body);
    let update = publish(
        &mut lib,
        &mut site,
        &account,
        id,
        options(PublishStatus::Published),
    )
    .unwrap();
    assert_eq!(update.outcome, Outcome::Updated);
    assert_eq!(update.images_uploaded, 0);
    assert_eq!(site.posts.len(), 1, "a duplicate was created");
    assert_eq!(site.uploads.len(), 1);
    assert!(site.posts["100"].content.contains("old pier"));
    assert_eq!(update.publication.remote_id, "100");
    assert_eq!(update.publication.status, PublishStatus::Published);
    let labels: Vec<_> = lib
        .history(id)
        .unwrap()
        .into_iter()
        .filter_map(|r| r.label)
        .filter(|l| l.starts_with("published to"))
        .collect();
    assert_eq!(labels.len(), 2, "{labels:?}");
}

#[test]
fn an_edit_on_the_site_stops_the_update_until_the_writer_overwrites() {
    let (_dir, mut lib, account, id) = setup();
    let mut site = Site::default();
    publish(
        &mut lib,
        &mut site,
        &account,
        id,
        options(PublishStatus::Draft),
    )
    .unwrap();
    site.edit("100", "An editor's version.");
    edit_body(&mut lib, id, "A new text.\n");
    let before = lib.publication(id, "Blog").unwrap();
    let history = lib.history(id).unwrap().len();

    let err = publish(
        &mut lib,
        &mut site,
        &account,
        id,
        options(PublishStatus::Draft),
    )
    .unwrap_err();
    assert_eq!(err.code(), "remote_changed");
    assert!(err.to_string().contains("\"Blog\""), "{err}");
    assert_eq!(site.posts["100"].content, "An editor's version.");
    assert_eq!(lib.publication(id, "Blog").unwrap(), before);
    assert_eq!(lib.history(id).unwrap().len(), history);

    let forced = publish(
        &mut lib,
        &mut site,
        &account,
        id,
        PublishOptions {
            status: PublishStatus::Draft,
            overwrite: true,
        },
    )
    .unwrap();
    assert_eq!(forced.outcome, Outcome::Updated);
    assert!(site.posts["100"].content.contains("A new text."));
}

#[test]
fn the_same_stamp_with_other_content_is_an_edit_too() {
    let (_dir, mut lib, account, id) = setup();
    let mut site = Site::default();
    publish(
        &mut lib,
        &mut site,
        &account,
        id,
        options(PublishStatus::Draft),
    )
    .unwrap();
    // WordPress's modified_gmt has one-second resolution.
    site.posts
        .get_mut("100")
        .unwrap()
        .content
        .push_str("<p>added</p>");
    edit_body(&mut lib, id, "Changed.\n");
    let err = publish(
        &mut lib,
        &mut site,
        &account,
        id,
        options(PublishStatus::Draft),
    )
    .unwrap_err();
    assert!(err.to_string().contains("its text differs"), "{err}");
}

#[test]
fn a_failed_publish_leaves_the_article_unpublished() {
    let (_dir, mut lib, account, id) = setup();
    let mut site = Site {
        down: true,
        ..Site::default()
    };
    let history = lib.history(id).unwrap().len();
    let err = publish(
        &mut lib,
        &mut site,
        &account,
        id,
        options(PublishStatus::Draft),
    )
    .unwrap_err();
    assert_eq!(err.code(), "site_unreachable");
    assert_eq!(lib.publication(id, "Blog").unwrap(), None);
    assert_eq!(lib.history(id).unwrap().len(), history);
}

#[test]
fn unpublishing_takes_the_post_back_to_a_draft() {
    let (_dir, mut lib, account, id) = setup();
    let mut site = Site::default();
    assert_eq!(
        unpublish(&mut lib, &mut site, &account, id, false)
            .unwrap_err()
            .code(),
        "invalid_input"
    );
    publish(
        &mut lib,
        &mut site,
        &account,
        id,
        options(PublishStatus::Published),
    )
    .unwrap();
    let done = unpublish(&mut lib, &mut site, &account, id, false).unwrap();
    assert_eq!(done.outcome, Outcome::Unpublished);
    assert_eq!(site.posts["100"].status, PublishStatus::Draft);
    assert_eq!(
        lib.publication(id, "Blog").unwrap().unwrap().status,
        PublishStatus::Draft
    );
}

#[test]
fn scheduling_needs_a_future_publish_date() {
    let (_dir, mut lib, account, id) = setup();
    let mut site = Site::default();
    let err = publish(
        &mut lib,
        &mut site,
        &account,
        id,
        options(PublishStatus::Scheduled),
    )
    .unwrap_err();
    assert!(err.to_string().contains("future"), "{err}");
    assert!(site.requests.is_empty());
}

#[test]
fn the_sites_edit_is_shown_then_pulled_in_as_a_revision_and_the_next_publish_updates() {
    let (_dir, mut lib, account, id) = setup();
    let mut site = Site::default();
    publish(
        &mut lib,
        &mut site,
        &account,
        id,
        options(PublishStatus::Draft),
    )
    .unwrap();
    // The editor rewrites a sentence and keeps the image Byline uploaded.
    site.edit(
        "100",
        "<p>The walk starts at the <em>new</em> pier.</p>\n<p><img src=\"http://wp.test/media/1.png\" alt=\"pier\"></p>\n<script type=\"application/ld+json\">{}</script>",
    );
    let err = publish(
        &mut lib,
        &mut site,
        &account,
        id,
        options(PublishStatus::Draft),
    )
    .unwrap_err();
    assert_eq!(err.code(), crate::domain::error::ErrorCode::RemoteChanged);

    let version = pull::site_version(&lib, &mut site, &account, id).unwrap();
    // The image is the library's copy again (assets are named by content).
    let image = lib
        .article(id)
        .unwrap()
        .body
        .lines()
        .nth(2)
        .unwrap()
        .to_owned();
    let path = image.split('(').nth(1).unwrap().trim_end_matches(')');
    assert!(path.starts_with("assets/"), "{image}");
    assert_eq!(
        version.body,
        format!("The walk starts at the *new* pier.\n\n![pier]({path})\n")
    );
    let added: Vec<_> = version
        .comparison
        .body
        .iter()
        .filter(|s| s.kind == crate::transform::diff::DiffKind::Added)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(added, ["*new* "], "{:?}", version.comparison);
    // Only looking changes nothing.
    assert!(lib
        .article(id)
        .unwrap()
        .body
        .starts_with("The walk starts at the pier."));

    let history = lib.history(id).unwrap().len();
    let pulled = pull::pull(&mut lib, &mut site, &account, id).unwrap();
    assert!(pulled.changed);
    assert_eq!(pulled.article.body, version.body);
    let revisions = lib.history(id).unwrap();
    assert_eq!(revisions.len(), history + 2, "{revisions:?}");
    assert_eq!(revisions[0].label.as_deref(), Some("pulled from Blog"));
    assert_eq!(revisions[0].kind, RevisionKind::ExternalEdit);
    // The state before the pull is kept.
    let before = lib.revision_state(id, revisions[1].number).unwrap();
    assert!(before.body.starts_with("The walk starts at the pier."));

    // The site's version is remembered: the next publish is an update.
    let next = publish(
        &mut lib,
        &mut site,
        &account,
        id,
        options(PublishStatus::Draft),
    )
    .unwrap();
    assert_eq!(next.outcome, Outcome::Updated);
    assert!(site.posts["100"].content.contains("<em>new</em>"));
    assert!(site.posts["100"]
        .content
        .contains("http://wp.test/media/1.png"));
    assert_eq!(site.uploads.len(), 1, "the image was uploaded again");
}

#[test]
fn pulling_needs_a_publication() {
    let (_dir, mut lib, account, id) = setup();
    let mut site = Site::default();
    let err = pull::pull(&mut lib, &mut site, &account, id).unwrap_err();
    assert!(
        err.to_string().contains("is not published to \"Blog\""),
        "{err}"
    );
}
