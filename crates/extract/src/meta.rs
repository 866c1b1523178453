//! Metadata from `<head>`: title, canonical URL, base, language, authors, dates.

use std::sync::LazyLock;

use scraper::{Html, Selector};
use url::Url;

mod linked_data;

use linked_data::linked_data;

pub(crate) struct Meta {
    pub title: Option<String>,
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
static ITEMPROP_DATE: LazyLock<Selector> = LazyLock::new(|| selector("[itemprop=datePublished]"));
static REL_AUTHOR: LazyLock<Selector> = LazyLock::new(|| {
    selector("a[rel~=author], [itemprop=author] [itemprop=name], [itemprop=author]")
});
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static HEADINGS: LazyLock<Selector> =
    LazyLock::new(|| selector("h1, h2, b, strong, font, [class*=title], [class*=headline]"));
static BYLINE: LazyLock<Selector> = LazyLock::new(|| {
    selector(
        "[class*=byline], [class*=author], [class*=autor], [class*=auteur], [rel=author], \
         [itemprop=author]",
    )
});

/// The names in a byline: "By Jane Roe and John Doe" -> ["Jane Roe", "John Doe"]. What follows
/// a name in a visible byline (a date, a handle, "| Updated ...") is cut; URLs are not names.
fn push_name(out: &mut Vec<String>, raw: &str) {
    let text = collapse(raw);
    let lower = text.to_lowercase();
    let text = ["by ", "par ", "von ", "por ", "di ", "door ", "av ", "de "]
        .iter()
        .find(|p| lower.starts_with(*p))
        .map_or(text.as_str(), |p| text[p.len()..].trim());
    if text.starts_with("http") {
        return;
    }
    let end = text
        .char_indices()
        .find(|(_, c)| c.is_ascii_digit() || matches!(c, '@' | '|' | '•' | '—' | '–' | '\n'))
        .map_or(text.len(), |(i, _)| i);
    let text = text[..end].trim_end_matches([' ', ',', ';', ':', '-', '·']);
    let mut parts = vec![text.to_owned()];
    for sep in [" and ", " & ", " und ", " et ", " y ", " e "] {
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep).map(str::to_owned).collect::<Vec<_>>())
            .collect();
    }
    // "Jane Roe, John Doe" is two people; "Roe, Jane" and "Jane Roe, MA" are one.
    parts = parts
        .into_iter()
        .flat_map(|p| {
            let pieces: Vec<String> = p.split(", ").map(str::to_owned).collect();
            if pieces.len() > 1 && pieces.iter().all(|x| x.split_whitespace().count() >= 2) {
                pieces
            } else {
                vec![p]
            }
        })
        .collect();
    for name in parts {
        let name = name.trim();
        if !name.is_empty() && name.len() <= 100 && name.split_whitespace().count() <= 6 {
            push_unique(out, name);
        }
    }
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

/// Collapses runs of whitespace into single spaces and trims.
pub(crate) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

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
        modified_at: None,
        description: None,
        image: None,
        site_name: None,
        section: None,
        tags: Vec::new(),
        says_article: false,
    };
    let mut image: Option<String> = None;
    let mut keywords = Vec::new();
    let mut og_url = None;
    let mut og_title = None;
    let mut site_name: Option<String> = None;
    let mut meta_authors = Vec::new();
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
            "author" | "article:author" | "dc.creator" | "parsely-author" | "sailthru.author" => {
                push_name(&mut meta_authors, content);
            }
            "og:site_name" | "application-name" => {
                site_name.get_or_insert_with(|| content.to_owned());
            }
            "article:modified_time" | "og:updated_time" | "dcterms.modified" | "last-modified" => {
                meta.modified_at.get_or_insert_with(|| content.to_owned());
            }
            "og:description" | "description" | "twitter:description" | "dc.description" => {
                meta.description.get_or_insert_with(|| collapse(content));
            }
            "og:image" | "og:image:url" | "twitter:image" | "twitter:image:src" => {
                image.get_or_insert_with(|| content.to_owned());
            }
            "article:section" | "parsely-section" => {
                meta.section.get_or_insert_with(|| collapse(content));
            }
            "article:tag" => push_tag(&mut meta.tags, content),
            "keywords" | "news_keywords" => {
                for tag in content.split(',') {
                    push_tag(&mut keywords, tag);
                }
            }
            "article:published_time"
            | "date"
            | "pubdate"
            | "publishdate"
            | "dc.date"
            | "dc.date.issued"
            | "dcterms.created"
            | "parsely-pub-date"
            | "sailthru.date"
            | "og:published_time"
            | "article.published"
            | "published-date"
            | "publish-date" => {
                meta.published_at.get_or_insert_with(|| content.to_owned());
            }
            "content-language" => {
                meta.language.get_or_insert_with(|| content.to_owned());
            }
            _ => {}
        }
    }
    let ld = linked_data(document);
    meta.says_article |= ld.is_article;
    // Authors: JSON-LD, then meta tags, then rel=author / itemprop, then a visible byline.
    meta.authors = if ld.authors.is_empty() {
        meta_authors
    } else {
        ld.authors
    };
    if meta.authors.is_empty() {
        meta.authors = marked_authors(document);
    }
    if let Some(published) = ld.published {
        meta.published_at = Some(published);
    }
    if let Some(modified) = ld.modified {
        meta.modified_at = Some(modified);
    }
    meta.description = meta.description.or(ld.description);
    meta.image = image
        .or(ld.image)
        .and_then(|i| url.join(i.trim()).ok())
        .filter(|u| matches!(u.scheme(), "http" | "https"));
    meta.section = meta.section.or(ld.section);
    if meta.tags.is_empty() {
        meta.tags = if ld.keywords.is_empty() {
            keywords
        } else {
            ld.keywords
        };
    }
    if meta.published_at.is_none() {
        meta.published_at = document.select(&ITEMPROP_DATE).next().and_then(|el| {
            let v = el.value();
            v.attr("content")
                .or_else(|| v.attr("datetime"))
                .map(|d| d.trim().to_owned())
                .filter(|d| !d.is_empty())
        });
    }
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
    let candidates = [og_title.map(|t| collapse(&t)), ld.headline, doc_title];
    meta.title = title(document, candidates, site_name.as_deref(), &meta.authors);
    meta.site_name = site_name.or(ld.publisher);
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
    if meta.published_at.is_none() {
        meta.published_at = date_in_path(url.path());
    }
    meta
}

/// Authors from markup in the page body: `rel=author` and itemprop first, then the first short
/// byline (an "About the author" box is long and no byline).
fn marked_authors(document: &Html) -> Vec<String> {
    let mut authors = Vec::new();
    for el in document.select(&REL_AUTHOR).take(5) {
        let text = el
            .value()
            .attr("content")
            .map_or_else(|| el.text().collect::<String>(), str::to_owned);
        push_name(&mut authors, &text);
    }
    if authors.is_empty() {
        let byline = document
            .select(&BYLINE)
            .take(20)
            .map(|el| collapse(&el.text().collect::<String>()))
            .find(|text| (1..=12).contains(&text.split_whitespace().count()));
        if let Some(text) = byline {
            push_name(&mut authors, &text);
        }
    }
    authors
}

/// The headline: of the candidates (OpenGraph, JSON-LD, `<title>`, in that order of
/// preference), the one the page shows as its `<h1>`, else the first; then without site-name
/// and author prefixes or suffixes.
fn title(
    document: &Html,
    candidates: [Option<String>; 3],
    site_name: Option<&str>,
    authors: &[String],
) -> Option<String> {
    let candidates: Vec<String> = candidates
        .into_iter()
        .flatten()
        .filter(|t| !t.is_empty())
        .collect();
    let h1s: Vec<String> = document
        .select(&H1)
        .take(5)
        .map(|h| collapse(&h.text().collect::<String>()).to_lowercase())
        .collect();
    let shown = candidates.iter().find_map(|c| {
        let bare = strip_site_name(c, site_name);
        [c.clone(), bare]
            .into_iter()
            .find(|t| h1s.contains(&t.to_lowercase()))
    });
    shown
        .or_else(|| candidates.into_iter().next())
        .map(|t| headline_in_page(document, &t).unwrap_or(t))
        .map(|t| {
            let t = strip_site_name(&t, site_name);
            // "Headline | Jane Roe": an author's name is no more part of the headline.
            authors
                .iter()
                .fold(t, |t, author| strip_site_name(&t, Some(author)))
        })
        .filter(|t| !t.is_empty())
}

/// When a title carries a prefix or suffix no site name explains ("Gazette Online: County fair
/// ..."), the part that the page shows on its own as a heading is the headline.
fn headline_in_page(document: &Html, title: &str) -> Option<String> {
    const SEPARATORS: &[&str] = &[": ", " | ", " - ", " – ", " — ", " :: ", " » "];
    let parts: Vec<&str> = SEPARATORS
        .iter()
        .flat_map(|sep| title.split(sep).skip(1).chain(title.rsplit(sep).skip(1)))
        .map(str::trim)
        .filter(|p| p.split_whitespace().count() >= 3 && *p != title)
        .collect();
    if parts.is_empty() {
        return None;
    }
    let shown: std::collections::HashSet<String> = document
        .select(&HEADINGS)
        .map(|el| collapse(&el.text().collect::<String>()))
        .collect();
    if shown.contains(title) {
        return None;
    }
    parts
        .into_iter()
        .filter(|p| shown.contains(*p))
        .max_by_key(|p| p.len())
        .map(str::to_owned)
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

/// Drops a site name prefix or suffix: `Headline | Site`, `Site - Headline`, `Headline — Site`.
fn strip_site_name(title: &str, site: Option<&str>) -> String {
    const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " / "];
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    for sep in SEPARATORS {
        let Some((head, tail)) = title.rsplit_once(sep) else {
            continue;
        };
        if let Some(site) = site {
            if same(tail, site) {
                return head.trim().to_owned();
            }
            if let Some((first, rest)) = title.split_once(sep)
                && same(first, site)
            {
                return rest.trim().to_owned();
            }
        } else if tail.split_whitespace().count() <= 3 && head.split_whitespace().count() >= 2 {
            // No site name to compare with: a short last segment is the site.
            return head.trim().to_owned();
        }
    }
    title.to_owned()
}
