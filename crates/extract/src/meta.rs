//! Metadata from `<head>`: title, canonical URL, base, language, authors, dates.

use std::sync::LazyLock;

use scraper::{Html, Selector};
use url::Url;

pub(crate) struct Meta {
    pub title: Option<String>,
    pub canonical: Option<Url>,
    pub base: Url,
    pub language: Option<String>,
    pub authors: Vec<String>,
    pub published_at: Option<String>,
    pub says_article: bool,
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("static selectors are valid")
}

static META: LazyLock<Selector> = LazyLock::new(|| selector("meta[content]"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector("link[rel~=canonical][href]"));
static BASE: LazyLock<Selector> = LazyLock::new(|| selector("base[href]"));
static HTML: LazyLock<Selector> = LazyLock::new(|| selector("html[lang]"));
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));
static LD_JSON: LazyLock<Selector> =
    LazyLock::new(|| selector("script[type='application/ld+json']"));

pub(crate) fn read(document: &Html, url: &Url) -> Meta {
    let base = document
        .select(&BASE)
        .next()
        .and_then(|b| b.value().attr("href"))
        .and_then(|href| url.join(href.trim()).ok())
        .unwrap_or_else(|| url.clone());
    let mut meta = Meta {
        title: None,
        canonical: None,
        base,
        language: None,
        authors: Vec::new(),
        published_at: None,
        says_article: false,
    };
    let mut og_url = None;
    let mut og_title = None;
    for element in document.select(&META) {
        let el = element.value();
        let key = el
            .attr("property")
            .or_else(|| el.attr("name"))
            .or_else(|| el.attr("http-equiv"));
        let (Some(key), Some(content)) = (key, el.attr("content")) else {
            continue;
        };
        let content = content.trim();
        if content.is_empty() {
            continue;
        }
        match key.to_ascii_lowercase().as_str() {
            "og:title" => og_title = Some(content.to_owned()),
            "og:url" => og_url = url.join(content).ok(),
            "og:type" => meta.says_article |= content.eq_ignore_ascii_case("article"),
            "author" | "article:author" if !content.starts_with("http") => {
                push_unique(&mut meta.authors, content);
            }
            "article:published_time" | "date" | "pubdate" => {
                meta.published_at.get_or_insert_with(|| content.to_owned());
            }
            "content-language" => {
                meta.language.get_or_insert_with(|| content.to_owned());
            }
            _ => {}
        }
    }
    meta.says_article |= document.select(&LD_JSON).any(|s| {
        s.text()
            .any(|t| t.contains("NewsArticle") || t.contains("\"Article\""))
    });
    meta.canonical = document
        .select(&CANONICAL)
        .next()
        .and_then(|l| l.value().attr("href"))
        .and_then(|href| url.join(href.trim()).ok())
        .or(og_url);
    let doc_title = document
        .select(&TITLE)
        .next()
        .map(|t| collapse(&t.text().collect::<String>()));
    meta.title = og_title.or(doc_title).filter(|t| !t.is_empty());
    if let Some(lang) = document
        .select(&HTML)
        .next()
        .and_then(|h| h.value().attr("lang"))
    {
        let lang = lang.trim();
        if !lang.is_empty() {
            meta.language = Some(lang.to_owned());
        }
    }
    if meta.published_at.is_none() {
        meta.published_at = document
            .select(&TIME)
            .next()
            .and_then(|t| t.value().attr("datetime"))
            .map(|d| d.trim().to_owned());
    }
    meta
}

fn push_unique(list: &mut Vec<String>, value: &str) {
    if !list.iter().any(|v| v == value) {
        list.push(value.to_owned());
    }
}

/// Collapses runs of whitespace into single spaces and trims.
pub(crate) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
