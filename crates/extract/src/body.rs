//! The article body: score the candidates, pick the container, cut the boilerplate, keep the
//! text blocks in reading order.
//!
//! One pass measures every element (text and link characters, whether it holds blocks); a
//! second scores the paragraphs and credits their ancestors, so the element that gathers the
//! most prose with the fewest links wins. Its siblings join when they score close to it or read
//! like paragraphs of the same story. Every walk is iterative: documents may nest deeper than
//! the stack allows recursion.

use std::collections::HashMap;
use std::sync::LazyLock;

use ego_tree::{NodeId, NodeRef};
use scraper::node::Element;
use scraper::{ElementRef, Html, Node, Selector};

use crate::meta::collapse;

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
];

/// Class or id words that mark the story itself.
const POSITIVE_WORDS: &[&str] = &[
    "article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story",
    "prose", "hentry",
];

/// Paragraph-like elements shorter than this are not scored.
const MIN_SCORED_CHARS: u32 = 25;

#[derive(Debug, Clone, Copy, Default)]
struct Stats {
    /// Characters of text in the subtree (whitespace runs count once).
    text: u32,
    /// Of those, characters inside links.
    link: u32,
    /// Whether the subtree holds a block element.
    has_block: bool,
}

impl Stats {
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
    /// Tags, hidden elements and class or id names.
    Strict,
    /// Tags and hidden elements only.
    Relaxed,
}

fn extract_with(
    document: &Html,
    root: ElementRef<'_>,
    stats: &HashMap<NodeId, Stats>,
    rules: Rules,
) -> Body {
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
fn measure(root: NodeRef<'_, Node>) -> HashMap<NodeId, Stats> {
    let mut stats: HashMap<NodeId, Stats> = HashMap::new();
    // (node, children done)
    let mut stack = vec![(root, false)];
    while let Some((node, done)) = stack.pop() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        if matches!(element.name(), "script" | "style" | "noscript" | "template") {
            stats.insert(node.id(), Stats::default());
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

/// The nodes whose blocks make the body, in document order, and whether they came from
/// article markup.
fn select<'a>(
    document: &'a Html,
    root: ElementRef<'a>,
    stats: &HashMap<NodeId, Stats>,
    rules: Rules,
) -> (Vec<NodeRef<'a, Node>>, bool) {
    // Explicit article-body markup wins when it holds real text.
    if let Some(el) = document
        .select(&ARTICLE_BODY)
        .max_by_key(|e| stats.get(&e.id()).map_or(0, |s| s.text))
        && stats.get(&el.id()).is_some_and(|s| s.text >= 200)
    {
        return (vec![*el], true);
    }
    let scores = score(*root, stats, rules);
    let Some((&top_id, &top_score)) = scores
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then_with(|| b.0.cmp(a.0)))
    else {
        return (vec![*root], false);
    };
    let Some(top) = document.tree.get(top_id) else {
        return (vec![*root], false);
    };
    let (top, top_score) = widen(top, top_score, root.id(), &scores);
    let top_id = top.id();
    let from_article = top
        .ancestors()
        .chain(std::iter::once(top))
        .filter_map(|n| n.value().as_element())
        .any(|e| e.name() == "article");
    let Some(parent) = top.parent().filter(|_| top_id != root.id()) else {
        return (vec![top], from_article);
    };
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = top.value().as_element().and_then(|e| e.attr("class"));
    let mut selected = Vec::new();
    for sibling in parent.children() {
        if sibling.id() == top_id {
            selected.push(sibling);
            continue;
        }
        let Some(element) = sibling.value().as_element() else {
            continue;
        };
        if is_boilerplate(element, rules) {
            continue;
        }
        let mut bonus = 0.0;
        if top_class.is_some() && element.attr("class") == top_class {
            bonus = top_score * 0.2;
        }
        let s = stats.get(&sibling.id()).copied().unwrap_or_default();
        let scored = scores.get(&sibling.id()).copied().unwrap_or(0.0);
        let reads_like_prose = element.name() == "p" && {
            let density = s.link_density();
            (s.text > 80 && density < 0.25)
                || (s.text > 0 && s.text <= 80 && density == 0.0 && ends_sentence(sibling))
        };
        if scored + bonus >= threshold || reads_like_prose {
            selected.push(sibling);
        }
    }
    (selected, from_article)
}

/// A story split over several containers: when three of the best other candidates sit under
/// one ancestor of the top candidate, that ancestor is the story; and a parent that scores
/// higher than the candidate itself takes its place.
fn widen<'a>(
    top: NodeRef<'a, Node>,
    top_score: f64,
    root: NodeId,
    scores: &HashMap<NodeId, f64>,
) -> (NodeRef<'a, Node>, f64) {
    let mut ranked: Vec<(NodeId, f64)> = scores
        .iter()
        .filter(|(id, score)| **id != top.id() && **score >= top_score * 0.75)
        .map(|(id, score)| (*id, *score))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    ranked.truncate(5);
    let score_of = |n: NodeRef<'a, Node>| scores.get(&n.id()).copied();
    let mut best = (top, top_score);
    if ranked.len() >= 3 {
        for ancestor in top.ancestors() {
            if ancestor.id() == root || ancestor.value().as_element().is_none() {
                break;
            }
            let inside = ranked
                .iter()
                .filter(|(id, _)| {
                    top.tree()
                        .get(*id)
                        .is_some_and(|n| n.ancestors().any(|a| a.id() == ancestor.id()))
                })
                .count();
            if inside >= 3 {
                best = (ancestor, score_of(ancestor).unwrap_or(top_score));
                break;
            }
        }
    }
    // Climb while a parent scores better; give up once parents score far less.
    let (mut node, mut last) = best;
    while let Some(parent) = node.parent() {
        if parent.id() == root || parent.value().as_element().is_none() {
            break;
        }
        match score_of(parent) {
            None => {}
            Some(score) if score < last / 3.0 => break,
            Some(score) if score > last => {
                best = (parent, score);
                break;
            }
            Some(score) => last = score,
        }
        node = parent;
    }
    best
}

fn ends_sentence(node: NodeRef<'_, Node>) -> bool {
    ElementRef::wrap(node).is_some_and(|el| {
        let text: String = el.text().collect();
        let text = text.trim_end();
        text.ends_with('.') || text.contains(". ")
    })
}

/// Scores every candidate container: each paragraph-like element credits its parent fully,
/// its grandparent by half and the next two levels by a sixth and a ninth; the totals are then
/// discounted by link density.
fn score(
    root: NodeRef<'_, Node>,
    stats: &HashMap<NodeId, Stats>,
    rules: Rules,
) -> HashMap<NodeId, f64> {
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        if node.id() != root.id() && is_boilerplate(element, rules) {
            continue;
        }
        let s = stats.get(&node.id()).copied().unwrap_or_default();
        let paragraph = match element.name() {
            "p" | "pre" | "td" | "blockquote" => true,
            "div" | "section" => !s.has_block,
            _ => false,
        };
        if paragraph && s.text >= MIN_SCORED_CHARS {
            let commas = ElementRef::wrap(node).map_or(0, |el| {
                el.text()
                    .map(|t| t.matches([',', '，', '、', '،']).count())
                    .sum::<usize>()
            });
            // A paragraph of links (a kudos list, a tag cloud) is not prose, however many
            // commas it has.
            let points = (1.0 + commas as f64 + (f64::from(s.text) / 100.0).min(3.0))
                * (1.0 - s.link_density());
            for (level, ancestor) in node.ancestors().take(4).enumerate() {
                let Some(a) = ancestor.value().as_element() else {
                    break;
                };
                let entry = scores
                    .entry(ancestor.id())
                    .or_insert_with(|| initial_score(a));
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f64 * 3.0,
                };
                *entry += points / divider;
                if ancestor.id() == root.id() {
                    break;
                }
            }
            continue;
        }
        stack.extend(node.children());
    }
    for (id, score) in &mut scores {
        let density = stats.get(id).copied().unwrap_or_default().link_density();
        *score *= 1.0 - density;
    }
    scores
}

fn initial_score(element: &Element) -> f64 {
    let by_tag = match element.name() {
        "article" => 10.0,
        "div" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    by_tag + class_weight(element)
}

fn class_weight(element: &Element) -> f64 {
    let mut weight = 0.0;
    for names in [element.attr("class"), element.attr("id")]
        .into_iter()
        .flatten()
    {
        let lower = names.to_ascii_lowercase();
        let words = || lower.split(|c: char| !c.is_ascii_alphanumeric());
        if words().any(|w| POSITIVE_WORDS.contains(&w)) {
            weight += 25.0;
        }
        if words().any(|w| BOILERPLATE_WORDS.contains(&w)) {
            weight -= 25.0;
        }
    }
    weight
}

/// Appends the text blocks under `node` in reading order: a subtree without blocks is one
/// block; in a mixed container, each run of inline content between blocks is one block.
fn emit(
    node: NodeRef<'_, Node>,
    stats: &HashMap<NodeId, Stats>,
    rules: Rules,
    blocks: &mut Vec<String>,
) {
    enum Work<'a> {
        Node(NodeRef<'a, Node>),
        Run(Vec<NodeRef<'a, Node>>),
    }
    let mut stack = vec![Work::Node(node)];
    while let Some(work) = stack.pop() {
        let node = match work {
            Work::Run(run) => {
                let raw: String = run.iter().map(|n| inline_text(*n, rules)).collect();
                push_paragraphs(&raw, Links::Drop, blocks);
                continue;
            }
            Work::Node(node) => node,
        };
        let Some(element) = node.value().as_element() else {
            continue;
        };
        if is_boilerplate(element, rules) || element.name() == "h1" {
            continue;
        }
        let s = stats.get(&node.id()).copied().unwrap_or_default();
        if s.text == 0 {
            continue;
        }
        if !s.has_block {
            // Link lists (menus, teasers) are not prose.
            if s.link_density() > 0.5 && element.name() != "p" {
                continue;
            }
            // Its link density was judged above, on the whole element.
            push_paragraphs(&inline_text(node, rules), Links::Keep, blocks);
            continue;
        }
        let mut items = Vec::new();
        let mut run = Vec::new();
        for child in node.children() {
            let is_block = match child.value() {
                Node::Element(e) => {
                    BLOCK_TAGS.contains(&e.name())
                        || stats.get(&child.id()).is_some_and(|s| s.has_block)
                }
                _ => false,
            };
            if is_block {
                if !run.is_empty() {
                    items.push(Work::Run(std::mem::take(&mut run)));
                }
                items.push(Work::Node(child));
            } else {
                run.push(child);
            }
        }
        if !run.is_empty() {
            items.push(Work::Run(run));
        }
        // Pushed in reverse so they pop in document order.
        stack.extend(items.into_iter().rev());
    }
}

/// Marks a `<br>` in inline text: one is a space, two in a row end a paragraph (old pages
/// separate their paragraphs so).
const LINE_BREAK: char = '\u{2028}';

/// Marks the text of a link in inline text, so a paragraph that is mostly links can be told.
const LINK_START: char = '\u{e000}';
const LINK_END: char = '\u{e001}';

/// What to do with a paragraph that is mostly link text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Links {
    Keep,
    Drop,
}

/// Splits inline text at double line breaks and appends the paragraphs that are not empty and,
/// with `Links::Drop`, not mostly link text ("<< Back to Local News | E-mail the editor").
fn push_paragraphs(raw: &str, links: Links, blocks: &mut Vec<String>) {
    // An element cut into paragraphs by double `<br>`s is a page section of its own (an old
    // table cell): its link-only paragraphs go, whatever the element's overall density.
    let split = raw
        .split(LINE_BREAK)
        .skip(1)
        .any(|between| between.trim().is_empty());
    let links = if split { Links::Drop } else { links };
    let mut paragraph = String::new();
    let mut breaks = 0;
    for c in raw.chars() {
        if c == LINE_BREAK {
            breaks += 1;
            continue;
        }
        if breaks > 0 && !c.is_whitespace() {
            if breaks >= 2 {
                push_paragraph(&paragraph, links, blocks);
                paragraph.clear();
            } else {
                paragraph.push(' ');
            }
            breaks = 0;
        }
        paragraph.push(c);
    }
    push_paragraph(&paragraph, links, blocks);
}

fn push_paragraph(raw: &str, links: Links, blocks: &mut Vec<String>) {
    let (mut all, mut linked, mut depth) = (0usize, 0usize, 0usize);
    for c in raw.chars() {
        match c {
            LINK_START => depth += 1,
            LINK_END => depth = depth.saturating_sub(1),
            c if c.is_alphanumeric() => {
                all += 1;
                if depth > 0 {
                    linked += 1;
                }
            }
            _ => {}
        }
    }
    if all == 0 || (links == Links::Drop && linked * 2 > all) {
        return;
    }
    let text = collapse(&raw.replace([LINK_START, LINK_END], ""));
    if !text.is_empty() {
        blocks.push(text);
    }
}

/// The text of an inline subtree (`<br>` as a space), without boilerplate inside it.
fn inline_text(node: NodeRef<'_, Node>, rules: Rules) -> String {
    enum Step<'a> {
        Node(NodeRef<'a, Node>),
        Mark(char),
    }
    let mut text = String::new();
    let mut stack = vec![Step::Node(node)];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Mark(c) => {
                text.push(c);
                continue;
            }
            Step::Node(node) => node,
        };
        match node.value() {
            Node::Text(t) => text.push_str(t),
            Node::Element(e) if is_boilerplate(e, rules) => continue,
            Node::Element(e) if e.name() == "br" => text.push(LINE_BREAK),
            Node::Element(e) if e.name() == "a" => {
                text.push(LINK_START);
                stack.push(Step::Mark(LINK_END));
            }
            _ => {}
        }
        let children: Vec<_> = node.children().collect();
        stack.extend(children.into_iter().rev().map(Step::Node));
    }
    text
}

fn is_boilerplate(element: &Element, rules: Rules) -> bool {
    if SKIP_TAGS.contains(&element.name()) {
        return true;
    }
    if element.attr("hidden").is_some()
        || element.attr("aria-hidden") == Some("true")
        || element
            .attr("style")
            .is_some_and(|s| s.replace(' ', "").contains("display:none"))
    {
        return true;
    }
    if rules == Rules::Relaxed || matches!(element.name(), "body" | "html" | "article" | "main") {
        return false;
    }
    [element.attr("class"), element.attr("id")]
        .into_iter()
        .flatten()
        .any(|names| {
            let lower = names.to_ascii_lowercase();
            if BOILERPLATE_PHRASES.iter().any(|p| lower.contains(p)) {
                return true;
            }
            lower.split_whitespace().any(|name| {
                let words: Vec<&str> = name.split(['-', '_']).collect();
                words.iter().any(|w| BOILERPLATE_WORDS.contains(w))
                    && !words
                        .iter()
                        .any(|w| POSITIVE_WORDS.contains(w) && *w != "page")
            })
        })
}
