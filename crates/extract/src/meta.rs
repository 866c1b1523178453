//! Metadata from `<head>`: title, canonical URL, base, language, authors, dates.

use std::borrow::Cow;

use scraper::node::Element;
use scraper::{ElementRef, Html, Selector};
use url::Url;

use crate::dates;

mod authors;
pub(crate) use authors::is_newsroom;
mod linked_data;
mod names;
mod title;

pub(crate) use linked_data::plain_paragraphs;
pub(crate) use names::{byline_names, opens_with_by};

use linked_data::{LinkedData, linked_data};
use names::push_name;
use title::title;

pub(crate) struct Meta {
    pub title: Option<String>,
    /// The `<title>` as written, site name and all.
    pub document_title: Option<String>,
    pub canonical: Option<Url>,
    pub base: Url,
    pub language: Option<String>,
    pub authors: Vec<String>,
    pub published_at: Option<String>,
    pub modified_at: Option<String>,
    pub description: Option<String>,
    pub image: Option<Url>,
    pub site_name: Option<String>,
    pub section: Option<String>,
    pub tags: Vec<String>,
    pub says_article: bool,
    /// Whether the markup says the page is something else and not an article: a product, an
    /// event, a job (JSON-LD, `og:type`).
    pub says_other: bool,
    /// Whether the markup says the page is a person's profile (`og:type` profile), as a
    /// writer's page may.
    pub profile: bool,
    /// Whether a story's publication date is in the page's meta tags, as only a story's page
    /// has one.
    pub dated: bool,
    /// Whether its URL's path holds a date ("/2026/11/28/"), as a story's, or a day's paper's.
    pub dated_url: bool,
    /// The story's text as its JSON-LD gives it (`articleBody`), as written.
    pub linked_body: Option<String>,
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("static selectors are valid")
}

fn push_tag(tags: &mut Vec<String>, raw: &str) {
    let tag = collapse(raw);
    if !tag.is_empty() && tag.len() <= 80 && tags.len() < 50 {
        push_unique(tags, &tag);
    }
}

fn push_unique(list: &mut Vec<String>, value: &str) {
    if !list.iter().any(|v| v == value) {
        list.push(value.to_owned());
    }
}

/// `text` with its character references decoded. The parser decodes a `<meta content>` once,
/// but many sites escape it twice ("Politics &amp;amp; Tech"), and JSON-LD is script text the
/// parser never decodes, which sites HTML-escape all the same ("It&#8217;s").
pub(crate) fn unescape(text: &str) -> Cow<'_, str> {
    html_escape::decode_html_entities(text)
}

/// Collapses runs of whitespace into single spaces and trims.
pub(crate) fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// An element's text with whitespace collapsed (as `collapse` does), unless it runs past
/// `limit` bytes.
pub(super) fn short_text(element: ElementRef<'_>, limit: usize) -> Option<String> {
    let mut out = String::new();
    let mut space = false;
    for c in element.text().flat_map(str::chars) {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
        if out.len() > limit {
            return None;
        }
    }
    Some(out)
}

// `<meta>` keys by what they say, in order of preference.
/// `og:type`s of pages that are no story. ("profile" is not one: on a news site it is a
/// writer's page, which lists the writer's stories.)
const OTHER_TYPES: &[&str] = &[
    "product",
    "product.item",
    "product.group",
    "books.book",
    "music.song",
    "music.album",
    "business.business",
    "restaurant.restaurant",
    "place",
];
const DC_TITLE: &[&str] = &["dc:title", "dc.title", "dcterms.title"];
const OTHER_TITLE: &[&str] = &["twitter:title", "parsely-title", "sailthru.title"];
const AUTHOR: &[&str] = &[
    "dc:creator",
    "dc.creator",
    "dcterms.creator",
    "article:author",
    "og:article:author",
    "author",
    "parsely-author",
    "sailthru.author",
    // Highwire Press tags, which journals and research institutes give their papers and
    // commentaries.
    "citation_author",
];
const PUBLISHED: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
    "pubdate",
    "publishdate",
    "article.published",
    "published-date",
    "publish-date",
    "citation_publication_date",
    "citation_date",
];
const MODIFIED: &[&str] = &[
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "dcterms.modified",
    "last-modified",
];
const DESCRIPTION: &[&str] = &[
    "dc:description",
    "dc.description",
    "og:description",
    "description",
    "twitter:description",
];
const IMAGE: &[&str] = &[
    "og:image",
    "og:image:url",
    "twitter:image",
    "twitter:image:src",
    "parsely-image-url",
];
const SITE_NAME: &[&str] = &["og:site_name", "application-name"];
const SECTION: &[&str] = &["article:section", "parsely-section"];

/// A page's `<meta>` tags with content, as (lowercase key, content) in document order; one tag
/// whose `property` lists several keys ("og:title twitter:title") counts under each.
#[derive(Default)]
struct Tags<'a>(Vec<(String, Cow<'a, str>)>);

impl<'a> Tags<'a> {
    fn push(&mut self, meta: &'a Element) {
        let keys = meta
            .attr("property")
            .or_else(|| meta.attr("name"))
            .or_else(|| meta.attr("http-equiv"));
        let (Some(keys), Some(content)) = (keys, meta.attr("content")) else {
            return;
        };
        let content = content.trim();
        if !content.is_empty() {
            let content = unescape(content);
            for key in keys.split_whitespace() {
                self.0.push((key.to_ascii_lowercase(), content.clone()));
            }
        }
    }

    /// Every content under `key`.
    fn all(&self, key: &str) -> impl Iterator<Item = &str> {
        self.0
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| &**v)
    }

    /// The first content under the first of `keys` that the page has.
    fn first(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|key| self.all(key).next())
    }
}

/// The elements metadata is read from, found in one walk over the document (a selector each
/// would walk it once per selector). Values are the first non-empty one in document order.
#[derive(Default)]
struct Marks<'a> {
    tags: Tags<'a>,
    /// `<script type="application/ld+json">` elements.
    linked_data: Vec<ElementRef<'a>>,
    title: Option<ElementRef<'a>>,
    /// `<base href>`.
    base: Option<&'a str>,
    /// `<link rel="canonical" href>`.
    canonical: Option<&'a str>,
    /// `content` (else `datetime`) of an element with `itemprop="datePublished"`.
    date_published: Option<&'a str>,
    /// `<time datetime>`.
    time: Option<&'a str>,
    /// `<html lang>`.
    lang: Option<&'a str>,
}

impl<'a> Marks<'a> {
    fn read(document: &'a Html) -> Self {
        fn set<'a>(slot: &mut Option<&'a str>, value: Option<&'a str>) {
            if slot.is_none() {
                *slot = value.map(str::trim).filter(|v| !v.is_empty());
            }
        }
        let mut marks = Self::default();
        for node in document.tree.root().descendants() {
            let Some(element) = ElementRef::wrap(node) else {
                continue;
            };
            let el = element.value();
            match el.name() {
                "meta" => marks.tags.push(el),
                "script"
                    if el
                        .attr("type")
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
                {
                    marks.linked_data.push(element);
                }
                "title" if marks.title.is_none() => marks.title = Some(element),
                "base" => set(&mut marks.base, el.attr("href")),
                "link"
                    if el.attr("rel").is_some_and(|rel| {
                        rel.split_ascii_whitespace()
                            .any(|r| r.eq_ignore_ascii_case("canonical"))
                    }) =>
                {
                    set(&mut marks.canonical, el.attr("href"));
                }
                "html" => set(&mut marks.lang, el.attr("lang")),
                "time" => set(&mut marks.time, el.attr("datetime")),
                _ => {}
            }
            if marks.date_published.is_none()
                && el
                    .attrs()
                    .any(|(name, value)| name == "itemprop" && value == "datePublished")
            {
                set(
                    &mut marks.date_published,
                    el.attr("content").or_else(|| el.attr("datetime")),
                );
            }
        }
        marks
    }
}

pub(crate) fn read(document: &Html, url: &Url) -> Meta {
    let Marks {
        tags,
        linked_data: scripts,
        title: title_element,
        base,
        canonical,
        date_published,
        time,
        lang,
    } = Marks::read(document);
    let ld = linked_data(&scripts);
    let (says_article, says_other, profile) = what_it_says(&tags, &ld);
    let base = base
        .and_then(|href| url.join(href).ok())
        .unwrap_or_else(|| url.clone());
    let site_name = tags.first(SITE_NAME).map(collapse);
    let publisher = site_name.as_deref().or(ld.publisher.as_deref());
    let authors = authors::authors(document, ld.authors, &tags, publisher);
    let document_title = title_element.map(|t| collapse(&unescape(&t.text().collect::<String>())));
    let section = tags.first(SECTION).map(collapse).or(ld.section);
    let title = title(
        document,
        [
            tags.first(DC_TITLE).map(collapse),
            tags.first(&["og:title"]).map(collapse),
            ld.headline,
            tags.first(OTHER_TITLE).map(collapse),
            document_title.clone(),
        ],
        [site_name.as_deref(), section.as_deref()],
        &authors,
    );
    let dated = tags.first(PUBLISHED).is_some();
    let dated_url = date_in_path(url.path()).is_some();
    // JSON-LD, the meta tags, then microdata or the first `<time>`, then the URL.
    let published_at = ld
        .published
        .or_else(|| tags.first(PUBLISHED).map(str::to_owned))
        .or_else(|| date_published.or(time).map(str::to_owned))
        .map(|d| dates::normalise(&d))
        .or_else(|| date_in_path(url.path()));
    Meta {
        title,
        document_title,
        canonical: canonical
            .and_then(|href| url.join(href).ok())
            .or_else(|| tags.first(&["og:url"]).and_then(|u| url.join(u).ok())),
        base,
        language: lang
            .map(str::to_owned)
            .or_else(|| tags.first(&["content-language"]).map(str::to_owned)),
        authors,
        published_at,
        modified_at: ld
            .modified
            .or_else(|| tags.first(MODIFIED).map(str::to_owned))
            .map(|d| dates::normalise(&d)),
        description: tags.first(DESCRIPTION).map(collapse).or(ld.description),
        image: tags
            .first(IMAGE)
            .map(str::to_owned)
            .or(ld.image)
            .and_then(|i| url.join(i.trim()).ok())
            .filter(|u| matches!(u.scheme(), "http" | "https")),
        site_name: site_name.or(ld.publisher),
        section,
        tags: topic_tags(&tags, ld.keywords),
        linked_body: ld.body,
        dated,
        dated_url,
        says_article,
        says_other,
        profile,
    }
}

/// Whether the page's markup says it is an article (JSON-LD, `og:type`), whether it says it
/// is something that is no story (`OTHER_TYPES`) and not an article, and whether it says it is
/// a person's profile (`og:type` profile).
fn what_it_says(tags: &Tags<'_>, ld: &LinkedData) -> (bool, bool, bool) {
    let says_article = ld.is_article
        || tags
            .all("og:type")
            .any(|t| t.eq_ignore_ascii_case("article"));
    let says_other = ld.is_other
        || tags.all("og:type").any(|t| {
            let t = t.to_ascii_lowercase();
            OTHER_TYPES.contains(&t.as_str())
        });
    let profile = tags
        .all("og:type")
        .any(|t| t.eq_ignore_ascii_case("profile"));
    (says_article, !says_article && says_other, profile)
}

/// The story's tags: `article:tag`, else JSON-LD keywords, else `keywords` / `news_keywords`.
fn topic_tags(tags: &Tags<'_>, linked_data_keywords: Vec<String>) -> Vec<String> {
    let mut list = Vec::new();
    for tag in tags.all("article:tag") {
        push_tag(&mut list, tag);
    }
    if list.is_empty() {
        list = linked_data_keywords;
    }
    if list.is_empty() {
        let keywords = tags.all("keywords").chain(tags.all("news_keywords"));
        for tag in keywords.flat_map(|k| k.split(',')) {
            push_tag(&mut list, tag);
        }
    }
    list
}

/// `/2026/11/27/` (or `/2026-11-27`) in a URL path, as `2026-11-27`.
fn date_in_path(path: &str) -> Option<String> {
    let parts: Vec<&str> = path.split(['/', '-', '_']).collect();
    parts.windows(3).find_map(|w| {
        let (y, m, d) = (w[0], w[1], w[2]);
        let ok = y.len() == 4
            && y.parse::<u32>().is_ok_and(|y| (1990..=2100).contains(&y))
            && m.len() == 2
            && m.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
            && d.len() == 2
            && d.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
        ok.then(|| format!("{y}-{m}-{d}"))
    })
}

#[cfg(test)]
mod tests;
