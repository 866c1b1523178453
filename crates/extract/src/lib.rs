#![doc = include_str!("../README.md")]

mod body;
mod links;
mod meta;

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
    /// Publication time as written in the page's metadata.
    pub published_at: Option<String>,
    /// The document language (`<html lang>` or `content-language` meta).
    pub language: Option<String>,
    /// `rel=canonical`, else `og:url`, resolved against the page.
    pub canonical_url: Option<Url>,
    /// Body text: paragraphs, headings, list items and quotes, separated by blank lines.
    pub text: String,
    /// Every outgoing http(s) link in document order, deduplicated.
    pub links: Vec<Link>,
}

/// Minimum words of body text for a page to count as an article.
const MIN_ARTICLE_WORDS: usize = 60;

/// Reads a page. Never panics; broken HTML is parsed the way browsers do.
pub fn extract(url: &Url, html: &str) -> Page {
    let document = Html::parse_document(html);
    let meta = meta::read(&document, url);
    let links = links::collect(&document, &meta.base);
    let body = body::extract(&document);
    let words = body.text.split_whitespace().count();
    let kind = if words >= MIN_ARTICLE_WORDS && (meta.says_article || body.from_article_element) {
        PageKind::Article
    } else if links.len() >= 10 {
        PageKind::Listing
    } else {
        PageKind::Other
    };
    Page {
        kind,
        title: meta.title.or(body.heading),
        authors: meta.authors,
        published_at: meta.published_at,
        language: meta.language,
        canonical_url: meta.canonical,
        text: body.text,
        links,
    }
}

#[cfg(test)]
mod tests;
