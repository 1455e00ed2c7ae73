//! Finding a site's Micropub endpoint from its address, as the Micropub
//! recommendation says (§5.3): an HTTP `Link` header with `rel="micropub"`
//! first, then a `<link rel="micropub">` (or `<a>`) in the page's HTML, its
//! address resolved against the page's. The page is fetched without
//! credentials; redirects are followed here (the client follows none, so a
//! redirect never carries a token elsewhere).

use dom_query::Document;
use url::Url;

use super::http::{Body, Failure, Request, Response, Transport};

/// Redirects followed before giving up (a loop, or a site far away).
const MAX_REDIRECTS: u32 = 5;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Discovered {
    /// The endpoint the page names, as an absolute address.
    Endpoint(String),
    /// The page answered and names no endpoint.
    NoLink {
        /// The page read (after redirects), to say which.
        page: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiscoveryError {
    Unreachable(Failure),
    /// An answer that is neither a page nor a redirect (404, 500…).
    Status(u16),
    TooManyRedirects,
}

/// The endpoint `site` names, following redirects.
pub fn discover(transport: &mut impl Transport, site: &str) -> Result<Discovered, DiscoveryError> {
    let mut page = site.to_owned();
    for _ in 0..=MAX_REDIRECTS {
        let request = Request {
            method: "GET",
            url: page.clone(),
            auth: String::new(),
            body: Body::Empty,
        };
        let (response, headers) = transport
            .send_with_headers(&request)
            .map_err(DiscoveryError::Unreachable)?;
        if matches!(response.status, 301 | 302 | 303 | 307 | 308) {
            let Some(next) = header(&headers, "location").and_then(|l| resolve(&page, l)) else {
                return Err(DiscoveryError::Status(response.status));
            };
            page = next;
            continue;
        }
        if !(200..300).contains(&response.status) {
            return Err(DiscoveryError::Status(response.status));
        }
        return Ok(match endpoint_in(&page, &headers, &response) {
            Some(endpoint) => Discovered::Endpoint(endpoint),
            None => Discovered::NoLink { page },
        });
    }
    Err(DiscoveryError::TooManyRedirects)
}

/// The endpoint a fetched page names: its `Link` headers first, then its
/// HTML, the first `rel="micropub"` in document order.
pub fn endpoint_in(
    page: &str,
    headers: &[(String, String)],
    response: &Response,
) -> Option<String> {
    for (name, value) in headers {
        if name.eq_ignore_ascii_case("link") {
            if let Some(href) = link_header_target(value, "micropub") {
                if let Some(url) = resolve(page, &href) {
                    return Some(url);
                }
            }
        }
    }
    let html = response.content_type.is_empty() || response.content_type.contains("html");
    if !html {
        return None;
    }
    let document = Document::from(response.body.as_str());
    // A `<base href>` changes what relative addresses mean.
    let base = document
        .select("base[href]")
        .attr("href")
        .and_then(|b| resolve(page, &b))
        .unwrap_or_else(|| page.to_owned());
    let links = document.select("link[href], a[href]");
    links.iter().find_map(|link| {
        let rel = link.attr("rel")?;
        let named = rel
            .split_ascii_whitespace()
            .any(|r| r.eq_ignore_ascii_case("micropub"));
        if !named {
            return None;
        }
        resolve(&base, link.attr("href")?.trim())
    })
}

/// The target of the first link in a `Link` header value whose `rel`
/// names `wanted` (RFC 8288: `<url>; rel="a b", <url>; rel=c`).
pub fn link_header_target(value: &str, wanted: &str) -> Option<String> {
    let mut rest = value;
    loop {
        let start = rest.find('<')?;
        let end = start + rest[start..].find('>')?;
        let target = &rest[start + 1..end];
        rest = &rest[end + 1..];
        // This link's parameters run to the next link's `<`.
        let params_end = rest.find('<').unwrap_or(rest.len());
        let params = &rest[..params_end];
        let named = params.split(';').any(|param| {
            let Some((key, value)) = param.split_once('=') else {
                return false;
            };
            key.trim().eq_ignore_ascii_case("rel")
                && value
                    .trim()
                    .trim_end_matches(',')
                    .trim()
                    .trim_matches('"')
                    .split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case(wanted))
        });
        if named {
            return Some(target.trim().to_owned());
        }
    }
}

/// `href` read against `base` as a browser would; only web addresses.
fn resolve(base: &str, href: &str) -> Option<String> {
    let url = Url::parse(base).ok()?.join(href).ok()?;
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str) -> Response {
        Response {
            status: 200,
            content_type: "text/html; charset=utf-8".into(),
            body: body.into(),
        }
    }

    #[test]
    fn a_link_header_names_the_endpoint() {
        let headers = vec![(
            "link".to_owned(),
            r#"<https://example.com/feed>; rel="alternate", </micropub/>; rel="micropub""#
                .to_owned(),
        )];
        assert_eq!(
            endpoint_in("https://example.com/blog/", &headers, &page("")),
            Some("https://example.com/micropub/".into())
        );
        assert_eq!(
            link_header_target(r#"<https://a.org/mp>; rel="me micropub""#, "micropub"),
            Some("https://a.org/mp".into())
        );
        assert_eq!(
            link_header_target("<https://a.org/x>; rel=alternate", "micropub"),
            None
        );
    }

    #[test]
    fn a_link_element_names_it_resolved_against_the_page() {
        let html = r#"<html><head><link rel="stylesheet" href="/s.css">
            <link rel="micropub" href="../mp"></head></html>"#;
        assert_eq!(
            endpoint_in("https://example.com/blog/home", &[], &page(html)),
            Some("https://example.com/mp".into())
        );
        let based =
            r#"<head><base href="https://other.org/x/"><link rel="micropub" href="mp"></head>"#;
        assert_eq!(
            endpoint_in("https://example.com/", &[], &page(based)),
            Some("https://other.org/x/mp".into())
        );
        // The header wins over the page.
        let headers = vec![(
            "Link".to_owned(),
            "<https://h.org/mp>; rel=micropub".to_owned(),
        )];
        assert_eq!(
            endpoint_in("https://example.com/", &headers, &page(html)),
            Some("https://h.org/mp".into())
        );
    }

    #[test]
    fn a_page_without_one_names_none() {
        let html =
            r#"<link rel="webmention" href="/wm"><a href="javascript:x" rel="micropub">x</a>"#;
        assert_eq!(endpoint_in("https://example.com/", &[], &page(html)), None);
        let json = Response {
            content_type: "application/json".into(),
            ..page(r#"{"rel":"micropub"}"#)
        };
        assert_eq!(endpoint_in("https://example.com/", &[], &json), None);
    }
}
