#![doc = include_str!("../README.md")]

mod body;
mod dates;
mod edges;
mod kind;
mod language;
mod links;
mod meta;
mod prescan;

use scraper::Html;
use url::Url;

pub use links::Link;

/// What kind of page this is. The worker stores only articles but follows links from every kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// A single news story.
    Article,
    /// A page that mostly points at other pages: home, section, tag, author pages.
    Listing,
    /// Anything else.
    Other,
}

/// Everything read from one page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Article, listing or other.
    pub kind: PageKind,
    /// The headline (or the document title).
    pub title: Option<String>,
    /// Authors, when the page names them in metadata.
    pub authors: Vec<String>,
    /// Publication time from the page's metadata (JSON-LD, OpenGraph, `<time>`, itemprop) as
    /// RFC 3339 when it has a zone (`YYYY-MM-DDTHH:MM:SS` without one, the page's own text if
    /// unreadable), else the date in the URL (`YYYY-MM-DD`), else a date line a reader sees.
    pub published_at: Option<String>,
    /// Last modification time from the page's metadata, in the same form.
    pub modified_at: Option<String>,
    /// The page's own summary (`og:description`, `description`, JSON-LD).
    pub description: Option<String>,
    /// The lead image (`og:image`, `twitter:image`, JSON-LD), absolute.
    pub image: Option<Url>,
    /// The publication's name (`og:site_name`, JSON-LD publisher).
    pub site_name: Option<String>,
    /// The section the story runs in (`article:section`, JSON-LD `articleSection`).
    pub section: Option<String>,
    /// Tags or keywords (`article:tag`, JSON-LD `keywords`, `keywords`/`news_keywords` meta).
    pub tags: Vec<String>,
    /// The document language: `<html lang>` or `content-language` meta, else detected from
    /// the body text (ISO 639-1); detected too when a template's English is declared over a
    /// long body plainly in another language.
    pub language: Option<String>,
    /// `rel=canonical`, else `og:url`, resolved against the page.
    pub canonical_url: Option<Url>,
    /// Body text: paragraphs, headings, list items and quotes, separated by blank lines.
    pub text: String,
    /// Every outgoing http(s) link in document order, deduplicated.
    pub links: Vec<Link>,
}

/// Social networks a page points its readers to ("Follow us on X", "Share on Facebook"),
/// lowercase.
const SOCIAL_NETWORKS: &[&str] = &[
    "twitter",
    "facebook",
    "instagram",
    "linkedin",
    "tiktok",
    "youtube",
    "threads",
    "bluesky",
    "mastodon",
    "whatsapp",
    "telegram",
    "reddit",
    "pinterest",
    "google",
    "x",
];

/// A body shorter than this (in characters) is a shell that the page's script fills, or a
/// stub: the story's JSON-LD text, when it has one, is read instead.
const SHELL_CHARS: usize = 250;

/// Elements nested deeper than this are dropped before parsing (as browsers do).
const MAX_DEPTH: usize = 512;

/// The authors: the metadata's, unless the story's text names its reporters (an Asian
/// portal's dateline or sign-off); failing both, a byline among the header lines or the lines
/// under the headline, a name signing the story off, a wire's "Reporting by" credit.
fn story_authors(
    metadata: Vec<String>,
    text: &str,
    header: &[&str],
    document: &Html,
) -> Vec<String> {
    let reporters = edges::reporters(text);
    if !reporters.is_empty() {
        return reporters;
    }
    let mut authors = metadata;
    if authors.is_empty() {
        authors.extend(
            header
                .iter()
                .find_map(|line| edges::byline_name(line))
                .filter(|name| !meta::is_newsroom(name)),
        );
    }
    if authors.is_empty() {
        authors.extend(byline_under_headline(document));
    }
    if authors.is_empty() {
        authors.extend(edges::signature(text));
    }
    if authors.is_empty() {
        authors = edges::reporting_credit(text);
    }
    authors
}

/// Text nodes read under the headline, looking for its date line or byline: they stand
/// within the first few (a kicker before them), before any prose (`dates::DATE_LINE_CHARS`).
const HEADLINE_LINE_NODES: usize = 4;

/// The first few short text nodes after the page's first `<h1>` in document order, before any
/// prose: where a story's date line and byline stand.
fn under_headline(document: &Html) -> impl Iterator<Item = ego_tree::NodeRef<'_, scraper::Node>> {
    let h1 = document
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
        .find(|e| e.value().name() == "h1" && e.text().any(|t| !t.trim().is_empty()));
    // Its following siblings' subtrees, then its ancestors' following siblings'.
    let after = std::iter::successors(h1.map(|h| *h), |n| n.parent())
        .flat_map(|n| n.next_siblings())
        .flat_map(|n| n.descendants());
    after
        .filter(|n| {
            n.value().as_text().is_some_and(|t| !t.trim().is_empty())
                && !n
                    .parent()
                    .and_then(|p| p.value().as_element())
                    .is_some_and(dates::is_code)
        })
        .take(HEADLINE_LINE_NODES)
        .take_while(|n| {
            n.value()
                .as_text()
                .is_some_and(|t| t.trim().chars().count() <= dates::DATE_LINE_CHARS)
        })
}

/// A byline among the lines under the headline that the story's text left out ("November 12,
/// 2026 by Walt Pierce" in a `<div class="meta">` beside the body): the element holding one of
/// those text nodes, read whole, as a line (`edges::byline_name`) that opens with "By", a date
/// or a word of posting ("Posted by"), not a site's history ("Founded in 1871 by Archibald
/// Rennie"); a desk's is no one's ("BY TMZ STAFF", "By Brand Studio").
fn byline_under_headline(document: &Html) -> Option<String> {
    under_headline(document)
        .filter_map(|n| n.parent().and_then(scraper::ElementRef::wrap))
        .map(|e| meta::collapse(&e.text().collect::<String>()))
        .filter(|line| edges::is_line(line) && opens_as_byline(line))
        .find_map(|line| edges::byline_name(&line))
        .filter(|name| !meta::is_newsroom(name))
}

/// Whether what comes before a line's " by " opens a byline: nothing, a date, or a word of
/// posting ("Posted", "Written", "Story").
fn opens_as_byline(line: &str) -> bool {
    const POSTING: &[&str] = &["posted", "written", "published", "story", "words", "text"];
    let lower = line.to_lowercase();
    let Some(at) = lower.find(" by ") else {
        return lower.starts_with("by ");
    };
    let before = lower[..at].trim();
    before.is_empty()
        || before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| POSTING.contains(&w))
        || dates::holds_date(before)
}

/// Reads a page. Never panics; broken HTML is parsed the way browsers do, and nesting beyond
/// 512 levels is cut first, so time stays linear in the input.
pub fn extract(url: &Url, html: &str) -> Page {
    let html = prescan::prepare(html, MAX_DEPTH);
    let document = Html::parse_document(&html);
    let meta = meta::read(&document, url);
    let links = links::collect(&document, &meta.base);
    let mut body = body::extract(&document);
    let title = meta.title.clone().or_else(|| body.heading.clone());
    let (text, header) = edges::split_header(&body.text, title.as_deref(), &meta.authors);
    let authors = story_authors(meta.authors, &text, &header, &document);
    body.text = edges::without_edge_furniture(&text, &authors);
    // A page whose story its script draws shows next to nothing: its JSON-LD may hold the text.
    if let Some(raw) = meta.linked_body
        && body.text.chars().count() < SHELL_CHARS
        && let Some(linked) = meta::plain_paragraphs(&raw)
        && linked.chars().count() > 2 * body.text.chars().count().max(SHELL_CHARS / 2)
    {
        body.text = linked;
    }
    // A page that shows only when it was last updated is dated less than a story is.
    let (published_at, only_updated) = match meta.published_at {
        Some(date) => (Some(date), false),
        None => dates::shown_date(&document).map_or((None, false), |(d, u)| (Some(d), u)),
    };
    // A byline and a date say "story" as plainly as markup does, on old pages that have none,
    // and so does a publication date in the meta tags; a date in the URL says less (a day's
    // paper is dated too).
    let says_story = meta.says_article
        || body.from_article_element
        || meta.dated
        || !authors.is_empty() && published_at.is_some();
    let signs = kind::Signs {
        says_story,
        dated_url: meta.dated_url,
        dated_headline: !says_story && !meta.dated_url && kind::dated_headline(url, &document),
        dated_or_signed: published_at.is_some() && !only_updated || !authors.is_empty(),
        player: kind::has_player(&document, &body.text),
        profile: meta.profile,
    };
    // A shop's product, an event's page: no story, whatever their text; nor are the pages
    // `kind::is_no_story` knows.
    let titles = [title.as_deref(), meta.document_title.as_deref()];
    let no_story = meta.says_other && !body.from_article_element
        || kind::is_no_story(url, &document, titles, &body.text);
    let kind = kind::judge(url, &body, &signs, &links, no_story);
    Page {
        kind,
        title,
        authors,
        published_at,
        modified_at: meta.modified_at,
        description: meta.description,
        image: meta.image,
        site_name: meta.site_name,
        section: meta.section,
        tags: meta.tags,
        language: language::settle(meta.language, &body.text),
        canonical_url: meta.canonical,
        text: body.text,
        links,
    }
}

#[cfg(test)]
mod tests;

/// An element's `class` and `id`, read in one pass over its attributes (`Element::attr` makes an
/// atom of the name on every call, which shows in profiles when done per element).
fn class_and_id(element: &scraper::node::Element) -> [Option<&str>; 2] {
    let mut found = [None, None];
    for (name, value) in element.attrs() {
        match name {
            "class" => found[0] = Some(value),
            "id" => found[1] = Some(value),
            _ => {}
        }
    }
    found
}

/// Whether a character is a Han ideograph, as Chinese and Japanese write.
pub(crate) fn is_han(c: char) -> bool {
    matches!(u32::from(c),
        0x3400..=0x4DBF // CJK Extension A
        | 0x4E00..=0x9FFF // CJK Unified Ideographs
        | 0xF900..=0xFAFF // CJK Compatibility Ideographs
        | 0x20000..=0x2FFFF) // CJK Extensions B and later
}

/// The marks that end a sentence in the scripts news is written in: Latin and Cyrillic, the
/// full-width CJK ones, the Devanagari, Bengali and Gurmukhi danda, Arabic and Urdu, Ethiopic,
/// Myanmar, Khmer, Armenian.
pub(crate) const SENTENCE_ENDS: &[char] = &[
    '.', '!', '?', '。', '！', '？', '।', '॥', '؟', '۔', '።', '။', '។', '։',
];

/// Whether a character ends a sentence, or closes a quotation that does.
pub(crate) fn ends_sentence(c: char) -> bool {
    SENTENCE_ENDS.contains(&c) || matches!(c, '"' | '”')
}
