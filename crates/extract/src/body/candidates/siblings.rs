//! The story's siblings that read as more of it: prose, a lede in its own container, its key
//! points.

use ego_tree::{NodeId, NodeRef};
use rustc_hash::FxHashMap;
use scraper::node::Element;
use scraper::{ElementRef, Node};

use super::super::boxes::is_titled_box;
use super::super::emit::is_heading;
use super::super::standfirst::names_standfirst_at;
use super::super::{Measured, Rules, Stats, holds_any};

/// The story's container with those of its siblings that read as more of it, in document
/// order: scoring close to it (a fifth of its score, more when of its class), prose, or its
/// key points; not what came before its headline, nor its standfirst.
pub(super) fn with_siblings<'a>(
    top: NodeRef<'a, Node>,
    top_score: f64,
    scores: &FxHashMap<NodeId, f64>,
    stats: &Measured,
    rules: Rules,
) -> Vec<NodeRef<'a, Node>> {
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = top.value().as_element().and_then(|e| e.attr("class"));
    let mut selected = Vec::new();
    let mut before = true;
    for sibling in top.parent().into_iter().flat_map(|p| p.children()) {
        if sibling.id() == top.id() {
            selected.push(sibling);
            before = false;
            continue;
        }
        let Some(element) = sibling.value().as_element() else {
            continue;
        };
        // The story starts under its headline: what came before it is the page's header (an
        // editors' note, a kicker), not the story's first paragraphs; but the key points set
        // under the headline in the header are the story's.
        if before && holds_any(sibling, &["h1"]) {
            selected.clear();
            selected.extend(points_under_headline(sibling, stats));
            continue;
        }
        let s = stats.get(&sibling.id()).copied().unwrap_or_default();
        // A box titled as readers' comments or teasers is none of the story, however it scores.
        if s.cut(rules) || is_titled_box(sibling, s, stats, rules) {
            continue;
        }
        // The story's key points, a list of sentences perhaps under a heading ("At a glance"),
        // are read with it, even named a summary as a standfirst may be.
        let points = are_key_points(sibling, s);
        if !points && names_standfirst_at(sibling, element) {
            continue;
        }
        let mut bonus = 0.0;
        if top_class.is_some() && element.attr("class") == top_class {
            bonus = top_score * 0.2;
        }
        let scored = scores.get(&sibling.id()).copied().unwrap_or(0.0);
        if points || scored + bonus >= threshold || reads_like_prose(sibling, element, s, before) {
            selected.push(sibling);
        }
    }
    selected
}

/// The key points among a header's children after the one holding the headline ("<header><h1>
/// ...</h1><ul class="summary"><li>Routes will link ...</li>...</ul><div class="byline">").
fn points_under_headline<'a>(
    header: NodeRef<'a, Node>,
    stats: &Measured,
) -> impl Iterator<Item = NodeRef<'a, Node>> {
    header
        .children()
        .skip_while(|c| !holds_any(*c, &["h1"]))
        .skip(1)
        .filter(move |c| {
            c.value().as_element().is_some()
                && are_key_points(*c, stats.get(&c.id()).copied().unwrap_or_default())
        })
}

/// Whether a sibling of the story (`before` it or after) reads like more of it: a paragraph of
/// prose, or a paragraph or two in a container of their own ("<div class="lede"><p>...").
/// Before the story, a paragraph must end as a sentence does: a standfirst often does not
/// ("Stop di 24 ore ... dalle 18 alle 21").
fn reads_like_prose(sibling: NodeRef<'_, Node>, element: &Element, s: Stats, before: bool) -> bool {
    match element.name() {
        "p" if before && !ends_as_sentence(sibling) => false,
        "p" => {
            let density = s.link_density();
            (s.text > 80 && density < 0.25)
                || (s.text > 0 && s.text <= 80 && density == 0.0 && ends_sentence(sibling))
        }
        "div" | "section" => {
            s.text > 80
                && s.link_density() == 0.0
                && only_paragraphs(sibling)
                && ends_sentence(sibling)
        }
        _ => false,
    }
}

/// Whether an element of these stats holds the story's key points, unlinked (`key_points`).
pub(super) fn are_key_points(node: NodeRef<'_, Node>, s: Stats) -> bool {
    s.link_density() == 0.0 && key_points(node)
}

/// Whether an element is a list of key points, two to eight items each a sentence (perhaps
/// without its period: "Fund's ethics council cites risk of dam collapse"), or holds one under
/// at most a heading.
fn key_points(node: NodeRef<'_, Node>) -> bool {
    const ITEMS: std::ops::RangeInclusive<usize> = 2..=8;
    const ITEM_CHARS: usize = 30;
    const ITEM_WORDS: usize = 5;
    let sentences = |list: NodeRef<'_, Node>| {
        let items: Vec<_> = list
            .children()
            .filter(|c| c.value().as_element().is_some())
            .collect();
        ITEMS.contains(&items.len())
            && items.iter().all(|item| {
                item.value().as_element().is_some_and(|e| e.name() == "li")
                    && trimmed_text(*item).is_some_and(|t| {
                        t.chars().count() >= ITEM_CHARS
                            && (t.ends_with(crate::ends_sentence)
                                || t.split_whitespace().nth(ITEM_WORDS - 1).is_some())
                    })
            })
    };
    if let Some(list) = sole_list(node) {
        return sentences(list);
    }
    let mut children = shown_children(node);
    let mut next = children.next();
    if next.is_some_and(is_label) {
        next = children.next();
    }
    next.and_then(sole_list).is_some_and(sentences) && children.next().is_none()
}

/// A node's children that show something: elements and text that is not blank.
fn shown_children<'a>(node: NodeRef<'a, Node>) -> impl Iterator<Item = NodeRef<'a, Node>> {
    node.children().filter(|c| match c.value() {
        Node::Text(t) => !t.trim().is_empty(),
        Node::Element(_) => true,
        _ => false,
    })
}

/// A list, or the one list a few wrappers hold and nothing else ("<div class="group"><ul>").
fn sole_list(node: NodeRef<'_, Node>) -> Option<NodeRef<'_, Node>> {
    const MAX_WRAPPERS: usize = 3;
    let mut at = node;
    for _ in 0..=MAX_WRAPPERS {
        let element = at.value().as_element()?;
        if matches!(element.name(), "ul" | "ol") {
            return Some(at);
        }
        let mut children = shown_children(at);
        let only = children.next()?;
        if children.next().is_some() {
            return None;
        }
        at = only;
    }
    None
}

/// Whether a node is a heading, or an element of a few words set over a list as one ("<div
/// class="KeyPoints-header">Key Points</div>").
fn is_label(node: NodeRef<'_, Node>) -> bool {
    const LABEL_WORDS: usize = 4;
    let Some(element) = node.value().as_element() else {
        return false;
    };
    is_heading(element.name())
        || !holds_any(node, &["ul", "ol", "p"])
            && trimmed_text(node).is_some_and(|t| {
                let words = t.split_whitespace().count();
                (1..=LABEL_WORDS).contains(&words) && !t.ends_with(crate::ends_sentence)
            })
}

/// Whether a container holds nothing but one to three paragraphs.
fn only_paragraphs(node: NodeRef<'_, Node>) -> bool {
    const MAX_PARAGRAPHS: usize = 3;
    let mut paragraphs = 0;
    for child in node.children() {
        match child.value() {
            Node::Element(e) if e.name() == "p" => paragraphs += 1,
            Node::Text(t) if t.trim().is_empty() => {}
            Node::Comment(_) => {}
            _ => return false,
        }
    }
    (1..=MAX_PARAGRAPHS).contains(&paragraphs)
}

/// Whether an element's text ends as a sentence does.
fn ends_as_sentence(node: NodeRef<'_, Node>) -> bool {
    trimmed_text(node)
        .is_some_and(|t| t.ends_with(|c| crate::ends_sentence(c) || matches!(c, '»' | '…' | ':')))
}

/// Whether an element's text ends with a period or holds a sentence's end.
fn ends_sentence(node: NodeRef<'_, Node>) -> bool {
    trimmed_text(node).is_some_and(|t| t.ends_with('.') || t.contains(". "))
}

/// An element's text, without the whitespace after it.
fn trimmed_text(node: NodeRef<'_, Node>) -> Option<String> {
    let el = ElementRef::wrap(node)?;
    let mut text: String = el.text().collect();
    text.truncate(text.trim_end().len());
    Some(text)
}
