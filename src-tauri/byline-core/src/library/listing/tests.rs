use super::*;
use crate::domain::article::{ArticleField, ArticleId};

fn library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path().join("l.byline")).unwrap();
    (dir, lib)
}

fn titles(list: &[ArticleSummary]) -> Vec<&str> {
    list.iter().map(|a| a.title.as_str()).collect()
}

/// Three articles: "Zebra" (draft, tag "Nature", publishes 2026-03-01),
/// "Émile" (ready, tags "nature" and "people"), "apple" (published,
/// publishes 2026-01-01), edited in that order.
///
/// Edit times are milliseconds that only move forward, so several edits of
/// one article inside a millisecond can carry it past the next article's
/// first edit; a pause between articles keeps "in that order" true on a
/// fast machine.
fn three(lib: &mut Library) -> [ArticleId; 3] {
    let pause = || std::thread::sleep(std::time::Duration::from_millis(10));
    let z = lib.create_article("Zebra", "").unwrap().id;
    lib.set_field(z, ArticleField::Tags, "Nature").unwrap();
    lib.set_field(z, ArticleField::PublishAt, "2026-03-01")
        .unwrap();
    pause();
    let e = lib.create_article("Émile", "").unwrap().id;
    lib.set_field(e, ArticleField::Tags, "nature, people")
        .unwrap();
    lib.set_status(e, Status::Ready).unwrap();
    pause();
    let a = lib.create_article("apple", "").unwrap().id;
    lib.set_field(a, ArticleField::PublishAt, "2026-01-01")
        .unwrap();
    lib.set_status(a, Status::Published).unwrap();
    [z, e, a]
}

#[test]
fn lists_filter_by_status_and_by_tag_in_any_case() {
    let (_d, mut lib) = library();
    three(&mut lib);
    let q = |status, tag: Option<&str>| ListQuery {
        status,
        tag: tag.map(String::from),
        ..ListQuery::default()
    };
    assert_eq!(
        titles(&lib.list(&q(Some(Status::Ready), None)).unwrap()),
        vec!["Émile"]
    );
    assert_eq!(
        titles(&lib.list(&q(None, Some("NATURE"))).unwrap()),
        vec!["Émile", "Zebra"]
    );
    assert_eq!(
        titles(&lib.list(&q(Some(Status::Draft), Some("nature"))).unwrap()),
        vec!["Zebra"]
    );
    assert!(lib
        .list(&q(Some(Status::InReview), None))
        .unwrap()
        .is_empty());
    assert!(lib.list(&q(None, Some("nobody"))).unwrap().is_empty());
    assert_eq!(
        lib.list(&q(None, Some("  "))).unwrap().len(),
        3,
        "a blank tag is no filter"
    );
}

#[test]
fn lists_sort_by_edit_time_title_or_publish_date() {
    let (_d, mut lib) = library();
    three(&mut lib);
    let sorted = |sort| {
        titles(
            &lib.list(&ListQuery {
                sort,
                ..ListQuery::default()
            })
            .unwrap(),
        )
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>()
    };
    assert_eq!(sorted(SortKey::Edited), vec!["apple", "Émile", "Zebra"]);
    assert_eq!(
        sorted(SortKey::Title),
        vec!["apple", "Émile", "Zebra"],
        "case and accents are ignored"
    );
    assert_eq!(
        sorted(SortKey::PublishDate),
        vec!["Zebra", "apple", "Émile"],
        "undated last"
    );
}

#[test]
fn the_trash_is_its_own_list_and_filters_apply_there_too() {
    let (_d, mut lib) = library();
    let [z, e, _] = three(&mut lib);
    lib.trash(z).unwrap();
    lib.trash(e).unwrap();
    assert_eq!(
        titles(&lib.list_trash().unwrap()),
        vec!["Émile", "Zebra"],
        "last trashed first"
    );
    assert_eq!(titles(&lib.list_articles().unwrap()), vec!["apple"]);
    let ready_in_trash = ListQuery {
        trash: true,
        status: Some(Status::Ready),
        ..ListQuery::default()
    };
    assert_eq!(titles(&lib.list(&ready_in_trash).unwrap()), vec!["Émile"]);
}

#[test]
fn counts_cover_every_status_the_trash_and_tags_of_live_articles() {
    let (_d, mut lib) = library();
    let [z, _, _] = three(&mut lib);
    let counts = lib.counts().unwrap();
    assert_eq!(counts.live, 3);
    let per: Vec<(Status, u32)> = counts
        .statuses
        .iter()
        .map(|s| (s.status, s.count))
        .collect();
    assert_eq!(
        per,
        vec![
            (Status::Draft, 1),
            (Status::InReview, 0),
            (Status::Ready, 1),
            (Status::Published, 1)
        ]
    );
    assert_eq!(counts.trash, 0);
    let tags: Vec<(String, u32)> = counts
        .tags
        .iter()
        .map(|t| (t.tag.to_lowercase(), t.count))
        .collect();
    assert_eq!(
        tags,
        vec![("nature".to_string(), 2), ("people".to_string(), 1)]
    );

    lib.trash(z).unwrap();
    let counts = lib.counts().unwrap();
    assert_eq!((counts.live, counts.trash), (2, 1));
    assert_eq!(counts.statuses[0].count, 0);
    assert_eq!(
        counts
            .tags
            .iter()
            .find(|t| t.tag.eq_ignore_ascii_case("nature"))
            .unwrap()
            .count,
        1
    );
}

#[test]
fn sort_keys_parse_from_their_command_line_names() {
    assert_eq!(
        "publish-date".parse::<SortKey>().unwrap(),
        SortKey::PublishDate
    );
    assert_eq!("Title".parse::<SortKey>().unwrap(), SortKey::Title);
    assert_eq!(
        "size".parse::<SortKey>().unwrap_err().code(),
        "invalid_input"
    );
}

/// Twenty-three articles with titles that sort differently with accents
/// folded, three statuses, two tags, some publish dates, four in the trash.
fn many(lib: &mut Library) {
    let names = [
        "émile", "Zoë", "apple", "Éclair", "banana", "", "Cherry", "date",
    ];
    for i in 0..23 {
        let title = format!("{} {}", names[i % names.len()], i / names.len());
        let title = if i % 11 == 5 { String::new() } else { title };
        let id = lib.create_article(&title, "one two three").unwrap().id;
        if i % 3 == 0 {
            lib.set_field(id, ArticleField::Tags, "Nature").unwrap();
        } else if i % 3 == 1 {
            lib.set_field(id, ArticleField::Tags, "people, nature")
                .unwrap();
        }
        if i % 4 == 0 {
            lib.set_field(
                id,
                ArticleField::PublishAt,
                &format!("2026-01-{:02}", 1 + i % 5),
            )
            .unwrap();
        }
        if i % 5 == 0 {
            lib.set_status(id, Status::Ready).unwrap();
        }
        if i % 6 == 2 {
            lib.trash(id).unwrap();
        }
    }
}

#[test]
fn pages_of_every_sort_and_filter_make_up_the_whole_list() {
    let (_d, mut lib) = library();
    many(&mut lib);
    let mut views = Vec::new();
    for sort in [SortKey::Edited, SortKey::Title, SortKey::PublishDate] {
        for trash in [false, true] {
            for (status, tag) in [
                (None, None),
                (Some(Status::Ready), None),
                (None, Some("NATURE")),
                (Some(Status::Draft), Some("people")),
            ] {
                views.push(ListQuery {
                    status,
                    tag: tag.map(String::from),
                    sort,
                    trash,
                    ..ListQuery::default()
                });
            }
        }
    }
    for view in views {
        let whole = lib.list(&view).unwrap();
        assert!(
            view.status.is_some() || view.tag.is_some() || whole.len() > 3,
            "{view:?} lists too few to test paging"
        );
        for size in [1, 4, 7, 100] {
            let mut pages = Vec::new();
            let mut offset = 0;
            loop {
                let page = lib
                    .list(&ListQuery {
                        limit: Some(size),
                        offset: Some(offset),
                        ..view.clone()
                    })
                    .unwrap();
                assert!(page.len() <= size as usize);
                let last = page.len() < size as usize;
                offset += page.len() as u32;
                pages.extend(page);
                if last {
                    break;
                }
            }
            assert_eq!(pages, whole, "{view:?} in pages of {size}");
        }
        let rest = lib
            .list(&ListQuery {
                offset: Some(2),
                ..view.clone()
            })
            .unwrap();
        assert_eq!(
            rest,
            whole.iter().skip(2).cloned().collect::<Vec<_>>(),
            "{view:?} from the third"
        );
    }
}

#[test]
fn a_page_past_the_end_is_empty() {
    let (_d, mut lib) = library();
    three(&mut lib);
    for sort in [SortKey::Edited, SortKey::Title, SortKey::PublishDate] {
        let page = |limit, offset| {
            lib.list(&ListQuery {
                sort,
                limit: Some(limit),
                offset: Some(offset),
                ..ListQuery::default()
            })
            .unwrap()
        };
        assert!(page(10, 3).is_empty());
        assert!(page(10, u32::MAX).is_empty());
        assert!(page(0, 0).is_empty());
        assert_eq!(page(u32::MAX, 1).len(), 2);
    }
}

#[test]
fn a_paged_list_keeps_each_article_s_tags_in_written_order() {
    let (_d, mut lib) = library();
    many(&mut lib);
    let whole = lib.list_articles().unwrap();
    let page = lib
        .list(&ListQuery {
            limit: Some(5),
            offset: Some(3),
            ..ListQuery::default()
        })
        .unwrap();
    assert_eq!(page, whole[3..8]);
    assert!(page.iter().any(|a| a.tags == ["people", "nature"]));
}
