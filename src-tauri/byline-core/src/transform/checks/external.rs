//! Links to other sites as a link check found them (on demand only: the
//! requests themselves are made by `usecases::link_check` through a
//! fetcher the caller supplies), turned into findings at each link.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::source::Doc;
use super::{quote, Report, Severity, Sink};
use crate::domain::checks::ChecksConfig;

/// What requesting one address found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LinkStatus {
    /// Answered 2xx where it was asked.
    Ok { code: u16 },
    /// Answered 2xx after redirects; `to` is where it ended.
    Redirected { to: String, code: u16 },
    /// A 4xx answer (after any redirects): the page is gone.
    Broken { code: u16 },
    /// A 5xx answer: the site is failing, maybe for now.
    ServerError { code: u16 },
    /// No answer: a timeout, a name that does not resolve, too many
    /// redirects, a refused connection.
    Unreachable { reason: String },
}

/// The distinct `http(s)` addresses linked from the body, in order.
pub fn external_urls(body: &str) -> Vec<String> {
    let doc = Doc::parse(body);
    let mut out: Vec<String> = Vec::new();
    for link in &doc.links {
        let url = link.url.trim();
        let web = url.len() > 8
            && (url[..7].eq_ignore_ascii_case("http://")
                || url[..8].eq_ignore_ascii_case("https://"));
        if web && !out.iter().any(|u| u == url) {
            out.push(url.to_string());
        }
    }
    out
}

/// The same address on `https:`, for an `http:` one.
pub fn https_twin(url: &str) -> Option<String> {
    (url.len() > 7 && url[..7].eq_ignore_ascii_case("http://"))
        .then(|| format!("https://{}", &url[7..]))
}

/// What a link check requests: every address linked from the body, and
/// for each `http:` one its `https:` twin, so the check can say whether
/// the page is on `https:` too (an `http:` link is only worth changing
/// when it is).
pub fn requested_urls(body: &str) -> Vec<String> {
    let linked = external_urls(body);
    let mut out = linked.clone();
    for url in &linked {
        if let Some(twin) = https_twin(url) {
            if !out.contains(&twin) {
                out.push(twin);
            }
        }
    }
    out
}

/// Whether a check of an `https:` address found the page there.
fn answers(status: Option<&LinkStatus>) -> bool {
    match status {
        Some(LinkStatus::Ok { .. }) => true,
        Some(LinkStatus::Redirected { to, .. }) => to.starts_with("https://"),
        _ => false,
    }
}

/// Adds a finding at every link whose address `results` has a problem
/// for, keeping the report's order and counts.
pub fn add_link_findings(
    report: &mut Report,
    body: &str,
    results: &HashMap<String, LinkStatus>,
    config: &ChecksConfig,
) {
    let doc = Doc::parse(body);
    let mut sink = Sink {
        config,
        findings: std::mem::take(&mut report.findings),
    };
    for link in &doc.links {
        let url = link.url.trim();
        let place = doc.place(link.span);
        let shown = quote(url, 50);
        let twin = https_twin(url).filter(|twin| results.contains_key(twin));
        if let Some(twin) = &twin {
            // Checked: the static "use https if the site supports it" gives
            // way to what the check found.
            sink.findings
                .retain(|f| !(f.code == "link.insecure" && f.place == place));
            if answers(results.get(twin)) {
                let fix = super::links::retarget(&doc, link.span, url, twin, "Use https");
                sink.push(
                    "link.https_available",
                    place.clone(),
                    format!("{shown} uses http:, and the same page answers on https:."),
                    fix,
                );
            }
        }
        let Some(status) = results.get(url) else {
            continue;
        };
        match status {
            LinkStatus::Ok { .. } => {}
            // An http: link that only moves to its https: twin is the
            // finding above, not a second one.
            LinkStatus::Redirected { to, .. } if twin.as_deref() == Some(to.as_str()) => {}
            LinkStatus::Redirected { to, .. } => {
                let fix =
                    super::links::retarget(&doc, link.span, url, to, "Link to the new address");
                sink.push(
                    "link.redirected",
                    place,
                    format!("{shown} now redirects to {}.", quote(to, 50)),
                    fix,
                );
            }
            LinkStatus::Broken { code } => sink.push(
                "link.broken",
                place,
                format!("{shown} answers {code}: the page is not there."),
                None,
            ),
            LinkStatus::ServerError { code } => sink.push(
                "link.server_error",
                place,
                format!("{shown} answers {code}: the site is failing (perhaps only for now)."),
                None,
            ),
            LinkStatus::Unreachable { reason } => sink.push(
                "link.unreachable",
                place,
                format!("{shown} could not be checked: {reason}."),
                None,
            ),
        }
    }
    let mut findings = sink.findings;
    findings.sort_by_key(|f| (f.severity, super::place_order(&f.place)));
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count() as u32;
    report.errors = count(Severity::Error);
    report.warnings = count(Severity::Warning);
    report.suggestions = count(Severity::Suggestion);
    report.findings = findings;
}
