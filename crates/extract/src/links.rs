//! Outgoing links.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;
use scraper::{Html, Selector};
use url::Url;

use crate::meta::collapse;

/// One outgoing link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Absolute http(s) URL, fragment removed.
    pub url: Url,
    /// The anchor text, whitespace collapsed.
    pub text: String,
}

static ANCHOR: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("a[href], area[href]").expect("static selector is valid"));

pub(crate) fn collect(document: &Html, base: &Url) -> Vec<Link> {
    let mut seen = FxHashSet::default();
    // Pages repeat their hrefs (menus, teasers, footers): one already read is not parsed again.
    let mut seen_href = FxHashSet::default();
    let mut links = Vec::new();
    for anchor in document.select(&ANCHOR) {
        let Some(href) = anchor.value().attr("href").map(str::trim) else {
            continue;
        };
        if !seen_href.insert(href) {
            continue;
        }
        let Ok(mut url) = base.join(href) else {
            continue;
        };
        if !matches!(url.scheme(), "http" | "https") {
            continue;
        }
        url.set_fragment(None);
        if seen.insert(url.as_str().to_owned()) {
            links.push(Link {
                url,
                text: collapse(&anchor.text().collect::<String>()),
            });
        }
    }
    links
}
