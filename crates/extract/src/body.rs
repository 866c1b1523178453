//! The article body: score the candidates, pick the container, cut the boilerplate, keep the
//! text blocks in reading order.
//!
//! One pass measures every element (text and link characters, whether it holds blocks); a
//! second scores the paragraphs and credits their ancestors, so the element that gathers the
//! most prose with the fewest links wins. Its siblings join when they score close to it or read
//! like paragraphs of the same story. Every walk is iterative: documents may nest deeper than
//! the stack allows recursion.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

use ego_tree::{NodeId, NodeRef};
use scraper::{ElementRef, Html, Node, Selector};

use crate::meta::collapse;

mod boilerplate;
mod boxes;
mod candidates;
mod class_names;
mod credits;
mod emit;
mod headings;
mod labels;
mod standfirst;

use boilerplate::boilerplate;
use candidates::select;
use class_names::NameVerdicts;
use emit::emit;

pub(crate) struct Body {
    pub text: String,
    pub heading: Option<String>,
    pub from_article_element: bool,
    /// Headlines linking to other pages among the text (a section front's teasers).
    pub linked_headlines: usize,
    /// Posts among the text, each an `<article>` under its own linked headline (a blog's page).
    pub posts: usize,
}

static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static BODY: LazyLock<Selector> = LazyLock::new(|| sel("body"));
static ARTICLE_BODY: LazyLock<Selector> = LazyLock::new(|| sel("[itemprop=articleBody]"));

/// Whether an element is or holds an element of one of these names.
fn holds_any(node: NodeRef<'_, Node>, names: &[&str]) -> bool {
    node.descendants()
        .filter_map(|d| d.value().as_element())
        .any(|e| names.contains(&e.name()))
}

fn sel(css: &str) -> Selector {
    Selector::parse(css).expect("static selectors are valid")
}

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
    /// Whether the subtree holds the page's `<main>` element.
    has_main: bool,
    /// Whether the subtree holds an `<h1>`.
    has_h1: bool,
    /// Whether the element is boilerplate, by `Rules`.
    cut: [bool; 3],
    /// Whether it is cut by a tag, role or hidden state a whole page's wrapper may have.
    wrapper: bool,
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

/// A body shorter than this (in characters) is looked for again with looser rules: layouts name
/// their wrappers `two-col-sidebar-right` too.
const RETRY_BELOW_CHARS: usize = 500;

pub(crate) fn extract(document: &Html) -> Body {
    let root = document
        .select(&BODY)
        .next()
        .unwrap_or_else(|| document.root_element());
    let mut stats = measure(*root);
    let strict = extract_with(document, root, &stats, Rules::Strict);
    if strict.text.len() >= RETRY_BELOW_CHARS {
        return strict;
    }
    // An element named like boilerplate that holds half the page's text is a layout's wrapper
    // ("panel-two-col-sidebar-right"): only such elements are let through first. So is a
    // form, header or dialog, or a hidden element, holding half the text with the headline, in
    // prose: not a long hidden notice beside a brief.
    let page = stats.get(&root.id()).copied().unwrap_or_default();
    for s in stats.values_mut() {
        let wraps = s.wrapper && (s.has_h1 || !page.has_h1) && s.link_density() < 0.5;
        if s.cut(Rules::Strict) && (!s.cut(Rules::Relaxed) || wraps) && s.text * 2 >= page.text {
            s.cut[Rules::Wrappers as usize] = false;
        }
    }
    // Only a much longer text is worth the boilerplate the looser rules let through.
    let mut best = strict;
    for rules in [Rules::Wrappers, Rules::Relaxed] {
        let looser = extract_with(document, root, &stats, rules);
        if looser.text.len() > 2 * best.text.len() {
            best = looser;
        }
        if best.text.len() >= RETRY_BELOW_CHARS {
            break;
        }
    }
    best
}

/// How boilerplate is recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rules {
    /// Tags, roles, hidden elements and class or id names.
    Strict = 0,
    /// As `Strict`, except for elements holding half the page's text or more.
    Wrappers = 1,
    /// Tags, roles and hidden elements only.
    Relaxed = 2,
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
    let (mut linked_headlines, mut posts) = (0, 0);
    for node in selected {
        let (headlines, node_posts) = emit(node, stats, rules, &mut blocks);
        linked_headlines += headlines;
        posts += node_posts;
    }
    credits::settle_captions(&mut blocks);
    Body {
        text: once_each(&blocks),
        heading,
        from_article_element,
        linked_headlines,
        posts,
    }
}

/// The blocks joined, a story rendered twice read once (one copy for small screens, one for
/// large): when three or more different paragraphs each come again, their repeats go. A
/// paragraph or two said twice (a refrain, a reference cited twice) stays.
fn once_each(blocks: &[String]) -> String {
    const MIN_CHARS: usize = 60;
    const MIN_REPEATED: usize = 3;
    let mut seen = FxHashSet::default();
    let mut repeated = FxHashSet::default();
    for b in blocks.iter().filter(|b| b.len() >= MIN_CHARS) {
        if !seen.insert(b.as_str()) {
            repeated.insert(b.as_str());
        }
    }
    if repeated.len() < MIN_REPEATED {
        return blocks.join("\n\n");
    }
    seen.clear();
    let kept: Vec<&str> = blocks
        .iter()
        .map(String::as_str)
        .filter(|b| !repeated.contains(b) || seen.insert(*b))
        .collect();
    kept.join("\n\n")
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
        // Code, and the readings set above words in ruby ("東京<rt>とうきょう</rt>"), which
        // are no part of the text a reader reads on.
        if matches!(
            element.name(),
            "script" | "style" | "noscript" | "template" | "rt" | "rp"
        ) {
            let cut = [true; 3];
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
                        own.has_main |= s.has_main || e.name() == "main";
                        own.has_h1 |= s.has_h1 || e.name() == "h1";
                    }
                }
                _ => {}
            }
        }
        (own.cut, own.wrapper) = boilerplate(node, element, own, &mut verdicts);
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
