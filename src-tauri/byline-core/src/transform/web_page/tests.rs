use super::*;

const FERRY: &str = include_str!("../../../../../tests/fixtures/web/ferry-minister.html");

#[test]
fn the_saved_page_gives_its_fields_from_json_ld_first() {
    let page = read(FERRY).unwrap();
    assert_eq!(page.title, "Minister Quits Over Ferry Contract 🚨");
    assert_eq!(
        page.description,
        "The transport minister resigned after an inquiry into a £240m ferry contract."
    );
    assert_eq!(
        page.canonical_url,
        "https://www.harbourtimes.example/politics/minister-quits-ferry-contract/"
    );
    assert_eq!(page.authors, ["Ruth Calder", "Ian Moffat"]);
    assert_eq!(page.date, "2026-11-24T09:30:00+00:00");
    assert_eq!(
        page.image,
        "https://cdn.harbourtimes.example/2026/11/ferry-yard.jpg"
    );
    assert_eq!(page.site_name, "The Harbour Times");
    assert!(page
        .sources
        .contains(&"JSON-LD headline → title".to_owned()));
    assert!(page
        .sources
        .contains(&"JSON-LD FAQPage → FAQ items".to_owned()));
}

#[test]
fn the_article_is_extracted_without_the_site_around_it() {
    let page = read(FERRY).unwrap();
    let body = &page.body;
    assert!(
        body.contains("The transport minister resigned on Tuesday"),
        "{body}"
    );
    assert!(body.contains("## What Happens Next"), "{body}");
    assert!(body.contains("Will the ferries ever sail?"), "{body}");
    // Relative links made absolute against the canonical address.
    assert!(
        body.contains("(https://www.harbourtimes.example/reports/ferry-inquiry.pdf)"),
        "{body}"
    );
    for chrome in [
        "Politics](",
        "Share this article",
        "Discover more from",
        "Subscribe to get",
        "You may also like",
        "Ferry Fares Rise Again",
        "Good riddance",
        "All rights reserved",
        "dataLayer",
    ] {
        assert!(!body.contains(chrome), "{chrome} in\n{body}");
    }
    // The FAQ section is items, not body.
    assert!(!body.contains("Frequently Asked Questions"), "{body}");
    assert!(body.ends_with('\n') && !body.ends_with("\n\n"));
}

#[test]
fn faq_items_come_from_the_faq_page_with_answers_as_markdown() {
    let page = read(FERRY).unwrap();
    assert_eq!(page.faq.len(), 2);
    assert_eq!(page.faq[0].question, "Who replaces the minister?");
    assert_eq!(
        page.faq[0].answer,
        "Her deputy, **Tomas Brandt**, takes over until the party council meets."
    );
    assert_eq!(
        page.changes
            .iter()
            .filter(|c| c.kind == ChangeKind::FaqItem)
            .count(),
        2
    );
}

#[test]
fn without_json_ld_the_faq_section_and_open_graph_serve() {
    let html = FERRY.replace("application/ld+json", "text/plain");
    let page = read(&html).unwrap();
    assert_eq!(page.title, "Minister Quits Over Ferry Contract 🚨");
    assert_eq!(page.authors, ["Ruth Calder"]);
    assert_eq!(page.date, "2026-11-24T09:30:00+00:00");
    assert_eq!(page.faq.len(), 2);
    assert_eq!(
        page.faq[1].answer,
        "Not before spring, according to the procurement office."
    );
    assert!(page.sources.contains(&"og:title → title".to_owned()));
}

#[test]
fn a_page_with_only_a_title_and_text_reads() {
    let page = read(
        "<html><head><title>Notes</title></head><body><p>One short paragraph about ferries and \
         the people who run them, long enough to be an article's text.</p></body></html>",
    )
    .unwrap();
    assert_eq!(page.title, "Notes");
    assert!(page.body.contains("One short paragraph"), "{}", page.body);
    assert!(page.faq.is_empty());
}

#[test]
fn chrome_blocks_are_known_through_markdown() {
    assert_eq!(
        plain_text("### **Discover more** from [X](https://x)"),
        "Discover more from X"
    );
    assert!(is_link_list("- [A](https://a)\n- [B](https://b)"));
    assert!(!is_link_list("- [A](https://a) and more text"));
}

#[test]
fn a_bold_callout_label_makes_a_callout_and_a_tip_in_a_sentence_does_not() {
    let page = read(FERRY).unwrap();
    assert!(
        page.body
            .contains("> [!TIP]\n> Check the tender documents yourself; they are public."),
        "{}",
        page.body
    );
    assert!(page
        .body
        .contains("A tip from the unions: read the appendix first."));
    assert_eq!(unbold_label("**Note:** text"), "Note: text");
    assert_eq!(unbold_label("**Bold** text: more"), "**Bold** text: more");
}

#[test]
fn a_page_nested_too_deep_is_refused_before_it_is_parsed() {
    let html = "<div>".repeat(5_000) + "text";
    let e = read(&html).unwrap_err();
    assert!(e.to_string().contains("nests more than"), "{e}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// Any markup reads or is refused; nothing panics.
    #[test]
    fn any_markup_reads_or_is_refused(
        html in "(<(p|div|h1|h2|script|meta|article|a)( [a-z:]+=\"[^\"<]{0,12}\")?>|</(p|div|h2|article)>|[^<]{0,30}){0,40}"
    ) {
        let _ = read(&html);
    }
}

#[test]
fn relative_images_are_read_against_the_base_when_there_is_no_canonical() {
    let page = |head: &str| {
        format!(
            "<html><head><title>Bridge</title>{head}</head><body><article><h1>Bridge</h1>\
             <p>The Harbour Bridge opened to traffic on Monday morning, two years later than \
             planned and a fifth over its budget, after a ceremony.</p>\
             <p><img src=\"img/bridge.jpg\" alt=\"Bridge\"></p>\
             <p>The first cars crossed at seven, led by a bus carrying the schoolchildren who \
             had named the bridge in a competition three years ago.</p></article></body></html>"
        )
    };
    let based = read(&page("<base href=\"https://news.example/2026/\">")).unwrap();
    assert!(
        based
            .body
            .contains("](https://news.example/2026/img/bridge.jpg)"),
        "{}",
        based.body
    );
    // A base that is not on the web is not used.
    let local = read(&page("<base href=\"file:///home/me/\">")).unwrap();
    assert!(!local.body.contains("file:"), "{}", local.body);
}

#[test]
fn templates_and_fragments_are_not_pages() {
    assert!(not_a_page(FERRY).is_none());
    let why = not_a_page("<html><body>{{ .Content }}</body></html>").unwrap();
    assert!(why.contains("template"), "{why}");
    let why = not_a_page("<footer>{% include \"c.html\" %}</footer>").unwrap();
    assert!(why.contains("template"), "{why}");
    let why = not_a_page("<div class=\"share\"><p>Share this</p></div>").unwrap();
    assert!(why.contains("piece of a page"), "{why}");
    // A question about braces in prose is not a template tag.
    assert!(not_a_page("<html><body><p>Use { and } in JSON.</p></body></html>").is_none());
}
