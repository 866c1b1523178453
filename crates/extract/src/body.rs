//! The article body: pick the container, cut the boilerplate, keep the text blocks.

use std::sync::LazyLock;

use scraper::node::Element;
use scraper::{ElementRef, Html, Node, Selector};

use crate::meta::collapse;

pub(crate) struct Body {
    pub text: String,
    pub heading: Option<String>,
    pub from_article_element: bool,
}

static ARTICLE_BODY: LazyLock<Selector> = LazyLock::new(|| sel("[itemprop=articleBody]"));
static ARTICLE: LazyLock<Selector> = LazyLock::new(|| sel("article"));
static MAIN: LazyLock<Selector> = LazyLock::new(|| sel("main, [role=main]"));
static BODY: LazyLock<Selector> = LazyLock::new(|| sel("body"));
static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static P: LazyLock<Selector> = LazyLock::new(|| sel("p"));

fn sel(css: &str) -> Selector {
    Selector::parse(css).expect("static selectors are valid")
}

/// Elements whose whole subtree is never article text.
const SKIP_TAGS: &[&str] = &[
    "nav",
    "aside",
    "footer",
    "header",
    "form",
    "script",
    "style",
    "noscript",
    "template",
    "button",
    "iframe",
    "svg",
    "figcaption",
    "select",
    "textarea",
];

/// Elements whose text is one block of the body.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "dd",
    "dt",
];

/// Class or id words that mark boilerplate.
const BOILERPLATE_WORDS: &[&str] = &[
    "related",
    "share",
    "sharing",
    "social",
    "comment",
    "comments",
    "newsletter",
    "subscribe",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "sidebar",
    "bio",
    "widget",
    "breadcrumb",
    "breadcrumbs",
    "cookie",
    "cookies",
    "popup",
    "recommended",
    "trending",
    "menu",
    "nav",
    "footer",
    "teaser",
    "teasers",
];

/// Class or id phrases that mark boilerplate.
const BOILERPLATE_PHRASES: &[&str] = &[
    "author-box",
    "author_box",
    "authorbox",
    "about-author",
    "author-bio",
    "check-also",
    "read-more",
    "readmore",
    "most-read",
    "more-stories",
    "post-tags",
];

pub(crate) fn extract(document: &Html) -> Body {
    let (root, from_article_element) = container(document);
    let heading = root
        .select(&H1)
        .next()
        .or_else(|| document.select(&H1).next())
        .map(|h| collapse(&h.text().collect::<String>()))
        .filter(|h| !h.is_empty());
    let mut blocks = Vec::new();
    // Iterative walk: documents may nest far deeper than the stack allows recursion.
    // The container itself is never cut (a `<body class="has-sidebar">` is still the body).
    let mut stack: Vec<_> = root.children().collect();
    stack.reverse();
    while let Some(node) = stack.pop() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        if is_boilerplate(element) {
            continue;
        }
        if BLOCK_TAGS.contains(&element.name()) {
            if let Some(el) = ElementRef::wrap(node) {
                let text = block_text(el);
                if !text.is_empty() {
                    blocks.push(text);
                }
            }
            continue;
        }
        // Children pushed in reverse so they pop in document order.
        let children: Vec<_> = node.children().collect();
        stack.extend(children.into_iter().rev());
    }
    Body {
        text: blocks.join("\n\n"),
        heading,
        from_article_element,
    }
}

/// The element most likely to hold the story, and whether it is an `<article>`.
fn container(document: &Html) -> (ElementRef<'_>, bool) {
    if let Some(el) = document.select(&ARTICLE_BODY).next() {
        return (el, true);
    }
    let best_article = document
        .select(&ARTICLE)
        .map(|a| (paragraph_chars(a), a))
        .max_by_key(|(chars, _)| *chars);
    if let Some((chars, article)) = best_article
        && chars > 0
    {
        return (article, true);
    }
    let root = document
        .select(&MAIN)
        .next()
        .or_else(|| document.select(&BODY).next())
        .unwrap_or_else(|| document.root_element());
    (root, false)
}

fn paragraph_chars(el: ElementRef<'_>) -> usize {
    el.select(&P)
        .map(|p| p.text().map(str::len).sum::<usize>())
        .sum()
}

fn block_text(el: ElementRef<'_>) -> String {
    let mut text = String::new();
    let mut stack = vec![*el];
    while let Some(node) = stack.pop() {
        match node.value() {
            Node::Text(t) => {
                text.push_str(t);
            }
            Node::Element(e) if matches!(e.name(), "script" | "style" | "template") => continue,
            Node::Element(e) if e.name() == "br" => text.push(' '),
            _ => {}
        }
        let children: Vec<_> = node.children().collect();
        stack.extend(children.into_iter().rev());
    }
    collapse(&text)
}

fn is_boilerplate(element: &Element) -> bool {
    if SKIP_TAGS.contains(&element.name()) {
        return true;
    }
    if element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true") {
        return true;
    }
    [element.attr("class"), element.attr("id")]
        .into_iter()
        .flatten()
        .any(|names| {
            names.split_whitespace().any(|name| {
                let name = name.to_ascii_lowercase();
                BOILERPLATE_PHRASES.iter().any(|p| name.contains(p))
                    || name
                        .split(['-', '_'])
                        .any(|word| BOILERPLATE_WORDS.contains(&word))
            })
        })
}
