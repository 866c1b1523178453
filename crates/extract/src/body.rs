//! The article body: score the candidates, pick the container, cut the boilerplate, keep the
//! text blocks in reading order.
//!
//! One pass measures every element (text and link characters, whether it holds blocks); a
//! second scores the paragraphs and credits their ancestors, so the element that gathers the
//! most prose with the fewest links wins. Its siblings join when they score close to it or read
//! like paragraphs of the same story. Every walk is iterative: documents may nest deeper than
//! the stack allows recursion.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use ego_tree::{NodeId, NodeRef};
use scraper::node::Element;
use scraper::{ElementRef, Html, Node, Selector};

use crate::meta::collapse;

mod candidates;
mod emit;

use candidates::select;
use emit::emit;

pub(crate) struct Body {
    pub text: String,
    pub heading: Option<String>,
    pub from_article_element: bool,
}

static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static BODY: LazyLock<Selector> = LazyLock::new(|| sel("body"));
static ARTICLE_BODY: LazyLock<Selector> = LazyLock::new(|| sel("[itemprop=articleBody]"));

fn sel(css: &str) -> Selector {
    Selector::parse(css).expect("static selectors are valid")
}

/// Elements whose whole subtree is never article text.
const SKIP_TAGS: &[&str] = &[
    "nav", "aside", "footer", "header", "form", "script", "style", "noscript", "template",
    "button", "iframe", "svg", "select", "textarea", "object", "embed", "canvas", "dialog", "menu",
    "input", "label", "head", "title", "link", "meta",
];

/// Elements that start a block of text of their own.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "h1",
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
    "td",
    "th",
    "div",
    "section",
    "article",
    "ul",
    "ol",
    "dl",
    "table",
    "tr",
    "tbody",
    "thead",
    "figure",
    "figcaption",
    "main",
    "address",
    "center",
    "details",
    "summary",
    "hr",
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
    "subscription",
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
    "modal",
    "recommended",
    "trending",
    "menu",
    "nav",
    "navbar",
    "footer",
    "teaser",
    "teasers",
    "sponsor",
    "sponsored",
    "outbrain",
    "taboola",
    "masthead",
    "banner",
    "byline",
    "tags",
    "toolbar",
    "skip",
    "signup",
    "paywall",
    "disqus",
    "rating",
    "pagination",
    "pager",
    "player",
    "gallery",
    "credit",
    "credits",
    "editsection",
];

/// Class or id phrases that mark boilerplate.
const BOILERPLATE_PHRASES: &[&str] = &[
    "author-box",
    "author_box",
    "authorbox",
    "about-author",
    "about_author",
    "author-bio",
    "authorbio",
    "author-info",
    "check-also",
    "read-more",
    "readmore",
    "most-read",
    "mostread",
    "more-stories",
    "post-tags",
    "also-read",
    "see-also",
    "you-may",
    "further-reading",
    "social-",
    "share-",
    "jp-relatedposts",
    "yarpp",
    "wp-caption-text",
    "video-js",
    "jwplayer",
];

/// ARIA roles of controls and page landmarks around the story: as plain as their tags.
const BOILERPLATE_ROLES: &[&str] = &[
    "alertdialog",
    "banner",
    "button",
    "complementary",
    "contentinfo",
    "dialog",
    "menu",
    "menubar",
    "navigation",
    "progressbar",
    "search",
    "slider",
    "tablist",
    "timer",
    "toolbar",
];

/// Class or id words that mark the story itself.
const POSITIVE_WORDS: &[&str] = &[
    "article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story",
    "prose", "hentry",
];

/// Every element's stats, by node.
type Measured = FxHashMap<NodeId, Stats>;

#[derive(Debug, Clone, Copy, Default)]
struct Stats {
    /// Characters of text in the subtree (whitespace runs count once).
    text: u32,
    /// Of those, characters inside links.
    link: u32,
    /// Whether the subtree holds a block element.
    has_block: bool,
    /// Whether the element is boilerplate, by `Rules`.
    cut: [bool; 2],
}

impl Stats {
    fn cut(self, rules: Rules) -> bool {
        self.cut[rules as usize]
    }

    fn link_density(self) -> f64 {
        if self.text == 0 {
            0.0
        } else {
            f64::from(self.link) / f64::from(self.text)
        }
    }
}

/// A body shorter than this (in characters) is looked for again without the class-name rules:
/// layouts name their wrappers `two-col-sidebar-right` too.
const RETRY_BELOW_CHARS: usize = 500;

pub(crate) fn extract(document: &Html) -> Body {
    let root = document
        .select(&BODY)
        .next()
        .unwrap_or_else(|| document.root_element());
    let stats = measure(*root);
    let strict = extract_with(document, root, &stats, Rules::Strict);
    if strict.text.len() >= RETRY_BELOW_CHARS {
        return strict;
    }
    // Only a much longer text is worth the boilerplate the relaxed rules let through.
    let relaxed = extract_with(document, root, &stats, Rules::Relaxed);
    if relaxed.text.len() > 2 * strict.text.len() {
        relaxed
    } else {
        strict
    }
}

/// How boilerplate is recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rules {
    /// Tags, roles, hidden elements and class or id names.
    Strict = 0,
    /// Tags, roles and hidden elements only.
    Relaxed = 1,
}

fn extract_with(document: &Html, root: ElementRef<'_>, stats: &Measured, rules: Rules) -> Body {
    let (selected, from_article_element) = select(document, root, stats, rules);
    let heading = selected
        .first()
        .and_then(|n| ElementRef::wrap(*n))
        .and_then(|el| el.select(&H1).next())
        .or_else(|| document.select(&H1).next())
        .map(|h| collapse(&h.text().collect::<String>()))
        .filter(|h| !h.is_empty());
    let mut blocks = Vec::new();
    for node in selected {
        emit(node, stats, rules, &mut blocks);
    }
    Body {
        text: blocks.join("\n\n"),
        heading,
        from_article_element,
    }
}

/// Text and link characters of every element under `root`, in one post-order pass.
fn measure(root: NodeRef<'_, Node>) -> Measured {
    let mut stats = Measured::default();
    let mut verdicts = NameVerdicts::default();
    // (node, children done)
    let mut stack = vec![(root, false)];
    while let Some((node, done)) = stack.pop() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        if matches!(element.name(), "script" | "style" | "noscript" | "template") {
            let cut = [true, true];
            stats.insert(
                node.id(),
                Stats {
                    cut,
                    ..Stats::default()
                },
            );
            continue;
        }
        if !done {
            stack.push((node, true));
            stack.extend(node.children().map(|c| (c, false)));
            continue;
        }
        let mut own = Stats::default();
        for child in node.children() {
            match child.value() {
                Node::Text(t) => own.text += text_chars(t),
                Node::Element(e) => {
                    if let Some(s) = stats.get(&child.id()) {
                        own.text += s.text;
                        own.link += s.link;
                        own.has_block |= s.has_block || BLOCK_TAGS.contains(&e.name());
                    }
                }
                _ => {}
            }
        }
        own.cut = boilerplate(element, own, &mut verdicts);
        if element.name() == "a" {
            own.link = own.text;
        }
        stats.insert(node.id(), own);
    }
    stats
}

/// Characters of a text node with every whitespace run counted once.
fn text_chars(text: &str) -> u32 {
    let mut n: u32 = 0;
    let mut space = true;
    for c in text.chars() {
        if c.is_whitespace() {
            if !space {
                n += 1;
            }
            space = true;
        } else {
            n += 1;
            space = false;
        }
    }
    n
}

/// What a word in a class or id name says.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Word {
    Boilerplate,
    Story,
}

/// `BOILERPLATE_WORDS` and `POSITIVE_WORDS` in one table: a word is looked up once.
static NAME_WORDS: LazyLock<FxHashMap<&'static str, Word>> = LazyLock::new(|| {
    let boilerplate = BOILERPLATE_WORDS.iter().map(|w| (*w, Word::Boilerplate));
    let story = POSITIVE_WORDS.iter().map(|w| (*w, Word::Story));
    boilerplate.chain(story).collect()
});

/// `BOILERPLATE_PHRASES` as one automaton: a name is read once for all of them.
static PHRASES: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(BOILERPLATE_PHRASES).expect("static phrases build")
});

/// Class or id phrases of "Read more" expanders: a box so named is a teaser of links unless it
/// holds the rest of the story as unlinked prose, hidden behind its button until clicked.
const READ_MORE: &[&str] = &["read-more", "readmore"];

/// What an element's class or id names say of it: boilerplate, or story.
#[derive(Clone, Copy)]
struct NameVerdict {
    boilerplate: bool,
    story: bool,
}

/// Verdicts on class attributes already read, by (class, whether the element holds a story
/// behind a "Read more" button): pages repeat a few hundred class strings thousands of times.
type NameVerdicts<'a> = FxHashMap<(&'a str, bool), NameVerdict>;

fn judge_names(names: &str, story_behind_button: bool) -> NameVerdict {
    let lower = names.to_ascii_lowercase();
    let phrase = PHRASES.find_overlapping_iter(&lower).any(|m| {
        let p = BOILERPLATE_PHRASES[m.pattern().as_usize()];
        !(story_behind_button && READ_MORE.contains(&p))
    });
    let (mut boilerplate, mut story) = (phrase, false);
    for name in lower.split_whitespace() {
        let (mut bad, mut good) = (false, false);
        for word in name.split(['-', '_']) {
            match NAME_WORDS.get(word) {
                Some(Word::Boilerplate) => bad = true,
                Some(Word::Story) if word != "page" => good = true,
                _ => {}
            }
        }
        boilerplate |= bad && !good;
        story |= good && !bad;
    }
    NameVerdict { boilerplate, story }
}

/// Whether an element is boilerplate under each of the rules (`Rules as usize`), from its tag,
/// role and hidden state, and under the strict rules also from its class and id; `own`, the
/// element's own stats, lets a "Read more" box holding the rest of the story count as story.
fn boilerplate<'a>(element: &'a Element, own: Stats, verdicts: &mut NameVerdicts<'a>) -> [bool; 2] {
    // One pass over the attributes: `Element::attr` makes an atom of the name on every call.
    let (mut plain, mut class, mut id) = (SKIP_TAGS.contains(&element.name()), "", None);
    for (name, value) in element.attrs() {
        match name {
            "role" => plain |= BOILERPLATE_ROLES.contains(&value.trim()),
            "hidden" => plain = true,
            "aria-hidden" => plain |= value == "true",
            "style" => {
                let style = value.replace(' ', "").to_ascii_lowercase();
                plain |= style.contains("display:none") || style.contains("visibility:hidden");
            }
            "class" => class = value,
            "id" => id = Some(value),
            _ => {}
        }
    }
    if plain || matches!(element.name(), "body" | "html" | "article" | "main") {
        return [plain, plain];
    }
    let story_behind_button = own.text >= 500 && own.link_density() < 0.1;
    let class = *verdicts
        .entry((class, story_behind_button))
        .or_insert_with(|| judge_names(class, story_behind_button));
    // Scripts give the story's container ids of their own ("gigya-share-btns-2_..."): the
    // class, the author's naming, outranks them.
    let named = class.boilerplate
        || id.is_some_and(|id| !class.story && judge_names(id, story_behind_button).boilerplate);
    [named, false]
}
