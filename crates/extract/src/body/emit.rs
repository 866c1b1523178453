//! Writing the body out: text blocks in reading order, inline runs split into paragraphs.

use ego_tree::NodeRef;
use scraper::Node;

use super::{BLOCK_TAGS, Measured, Rules};

/// Appends the text blocks under `node` in reading order: a subtree without blocks is one
/// block; in a mixed container, each run of inline content between blocks is one block.
pub(super) fn emit(
    node: NodeRef<'_, Node>,
    stats: &Measured,
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
                let raw: String = run.iter().map(|n| inline_text(*n, stats, rules)).collect();
                push_paragraphs(&raw, Links::Drop, blocks);
                continue;
            }
            Work::Node(node) => node,
        };
        let Some(element) = node.value().as_element() else {
            continue;
        };
        let s = stats.get(&node.id()).copied().unwrap_or_default();
        if s.cut(rules) || element.name() == "h1" {
            continue;
        }
        if s.text == 0 {
            continue;
        }
        if !s.has_block {
            // Link lists (menus, teasers) are not prose; a linked item in a list of prose is.
            if s.link_density() > 0.5
                && element.name() != "p"
                && !among_prose_items(node, element.name(), stats, rules)
            {
                continue;
            }
            // Its link density was judged above, on the whole element.
            push_paragraphs(&inline_text(node, stats, rules), Links::Keep, blocks);
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

/// Whether a list item or table cell has siblings of its kind that are prose (at least
/// `PROSE_ITEM_CHARS`, mostly unlinked): then its list is part of the story, not a menu.
fn among_prose_items(node: NodeRef<'_, Node>, name: &str, stats: &Measured, rules: Rules) -> bool {
    const PROSE_ITEM_CHARS: u32 = 40;
    if !matches!(name, "li" | "td" | "dd") {
        return false;
    }
    node.parent().is_some_and(|list| {
        list.children().any(|item| {
            item.value().as_element().is_some_and(|e| e.name() == name)
                && stats.get(&item.id()).is_some_and(|s| {
                    !s.cut(rules) && s.text >= PROSE_ITEM_CHARS && s.link_density() < 0.3
                })
        })
    })
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
    if !raw.contains(LINE_BREAK) {
        push_paragraph(raw, links, blocks);
        return;
    }
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
    // Whitespace collapsed and link marks dropped, in one pass.
    let mut text = String::with_capacity(raw.len());
    for word in raw.split_whitespace() {
        let mut chars = word
            .chars()
            .filter(|c| !matches!(*c, LINK_START | LINK_END));
        let Some(first) = chars.next() else {
            continue;
        };
        if !text.is_empty() {
            text.push(' ');
        }
        text.push(first);
        text.extend(chars);
    }
    if !text.is_empty() && !is_furniture(&text) {
        blocks.push(text);
    }
}

/// The text of an inline subtree (`<br>` as a space), without boilerplate inside it.
fn inline_text(node: NodeRef<'_, Node>, stats: &Measured, rules: Rules) -> String {
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
            Node::Element(_) if stats.get(&node.id()).is_some_and(|s| s.cut(rules)) => continue,
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

/// Standalone blocks that are page furniture, whatever element holds them, lowercase and
/// without punctuation: labels, buttons and calls to action a reader skips.
const FURNITURE: &[&str] = &[
    "advertisement",
    "advertising",
    "skip advertisement",
    "story continues below advertisement",
    "continue reading the main story",
    "continue reading",
    "read more",
    "read article",
    "read full article",
    "read the full story",
    "sign up for our newsletter",
    "subscribe to our newsletter",
    "share this article",
    "share this story",
    "share this",
    "share",
    "tweet",
    "image",
    "photo",
    "video",
    "related",
    "related articles",
    "related stories",
    "recommended",
    "more",
    "more about",
    "you may like",
    "you might also like",
    "hidden categories",
    "next page",
    // German, French, Spanish, Japanese
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "ツイート",
    "シェアする",
    "関連記事",
];

/// Whether a block is a label or button of the page rather than text of the story.
fn is_furniture(text: &str) -> bool {
    const MAX_CHARS: usize = 40;
    if text.len() > MAX_CHARS * 4 || text.chars().count() > MAX_CHARS {
        return false;
    }
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    FURNITURE.contains(&words.join(" ").as_str())
}
