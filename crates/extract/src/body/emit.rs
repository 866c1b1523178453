//! Writing the body out: text blocks in reading order, inline runs split into paragraphs.

use ego_tree::NodeRef;
use scraper::Node;

use super::boxes::{
    Heading, drop_closing_headings, drop_orphan_headings, heading_last, is_call_to_action,
    is_titled_box, shows_media,
};
use super::credits::without_closing_credit;
use super::labels::{is_furniture, is_pointer};
use super::standfirst::is_standfirst_within;
use super::{BLOCK_TAGS, Measured, Rules, Stats};

/// Appends the text blocks under `node` in reading order: a subtree without blocks is one
/// block; in a mixed container, each run of inline content between blocks is one block.
/// Returns how many headlines of other pages (linked `<h2>`-`<h6>`) it passed over, counting a
/// run of them with no text between as one.
pub(super) fn emit(
    node: NodeRef<'_, Node>,
    stats: &Measured,
    rules: Rules,
    blocks: &mut Vec<String>,
) -> usize {
    let mut linked_headlines = 0;
    // How many blocks there were at the last headline of another page.
    let mut headline_at = None;
    let root = node.id();
    let root_chars = stats.get(&root).map_or(0, |s| s.text);
    let mut headings = Vec::new();
    let mut standfirst_cut = false;
    let first_block = blocks.len();
    // How many blocks there were at the last picture, video or embed.
    let mut media_at = None;
    let mut stack = vec![Work::Node(node, false)];
    while let Some(work) = stack.pop() {
        let (node, in_link) = match work {
            Work::Run(run) => {
                let raw: String = run.iter().map(|n| inline_text(*n, stats, rules)).collect();
                push_paragraphs(&raw, Links::Drop, blocks);
                if heading_last(&headings, blocks) && run.iter().any(|n| shows_media(*n)) {
                    media_at = Some(blocks.len());
                }
                continue;
            }
            Work::Close(container, start) => {
                drop_orphan_headings(container, start, blocks, &mut headings);
                continue;
            }
            Work::Node(node, in_link) => (node, in_link),
        };
        let Some(element) = node.value().as_element() else {
            continue;
        };
        let s = stats.get(&node.id()).copied().unwrap_or_default();
        if s.cut(rules) || element.name() == "h1" {
            continue;
        }
        if s.text == 0 {
            if heading_last(&headings, blocks) && shows_media(node) {
                media_at = Some(blocks.len());
            }
            continue;
        }
        // A page has one standfirst (a section front's teasers each have a summary).
        if node.id() != root
            && !standfirst_cut
            && is_standfirst_within(node, element, s, root_chars, blocks)
        {
            standfirst_cut = true;
            continue;
        }
        let name = element.name();
        if !s.has_block {
            let before = blocks.len();
            if !emit_leaf(node, name, in_link, stats, rules, blocks)
                && is_headline_elsewhere(node, name, in_link)
            {
                // A teaser's headline has text of its own since the one before (its summary);
                // a box of related stories lists its headlines one after another.
                if headline_at != Some(blocks.len()) {
                    linked_headlines += 1;
                }
                headline_at = Some(blocks.len());
            }
            if is_heading(name) && blocks.len() > before {
                headings.push(Heading {
                    block: before,
                    stats: s,
                });
            }
            continue;
        }
        if node.id() != root
            && (is_titled_box(node, s, stats, rules) || is_call_to_action(node, s, stats, rules))
        {
            continue;
        }
        let in_link = in_link || (name == "a" && points_elsewhere(element));
        if node.id() != root {
            stack.push(Work::Close(s, blocks.len()));
        }
        // Pushed in reverse so they pop in document order.
        stack.extend(children(node, in_link, stats).into_iter().rev());
    }
    drop_closing_headings(&mut headings, blocks, first_block, media_at);
    linked_headlines
}

/// What is left to do in `emit`'s walk.
enum Work<'a> {
    /// An element, and whether a link holds it (a teaser card: `<a><div>headline</div></a>`).
    Node(NodeRef<'a, Node>, bool),
    /// A run of inline content between blocks: one block.
    Run(Vec<NodeRef<'a, Node>>),
    /// The end of a container whose blocks start at this index.
    Close(Stats, usize),
}

/// A container's children in document order: each block on its own, each run of inline
/// content between blocks as one (none inside a link, whose text is the link's).
fn children<'a>(node: NodeRef<'a, Node>, in_link: bool, stats: &Measured) -> Vec<Work<'a>> {
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
            items.push(Work::Node(child, in_link));
        } else if !in_link {
            run.push(child);
        }
    }
    if !run.is_empty() {
        items.push(Work::Run(run));
    }
    items
}

/// Whether an element is a heading within a story (`<h1>` is the headline).
pub(super) fn is_heading(name: &str) -> bool {
    matches!(name, "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Appends the text of an element without blocks inside; false when it is link text rather
/// than prose. Link lists (menus, teasers) are not prose, nor is the text of a link (a teaser
/// card); a paragraph with many links is, and so is a linked item in a list of prose.
fn emit_leaf(
    node: NodeRef<'_, Node>,
    name: &str,
    in_link: bool,
    stats: &Measured,
    rules: Rules,
    blocks: &mut Vec<String>,
) -> bool {
    let s = stats.get(&node.id()).copied().unwrap_or_default();
    let linked = in_link || (s.link_density() > 0.5 && name != "p");
    if linked
        && !among_prose_items(node, name, stats, rules)
        && (in_link || !introduces_prose(node, name, stats, rules))
    {
        return false;
    }
    // Its link density was judged above, on the whole element; a paragraph or quote that is
    // nothing but a link still points elsewhere ("Related: ...").
    let links = if matches!(
        name,
        "li" | "td" | "dd" | "dt" | "th" | "h2" | "h3" | "h4" | "h5" | "h6"
    ) {
        Links::Keep
    } else {
        Links::DropPointer
    };
    push_paragraphs(&inline_text(node, stats, rules), links, blocks);
    true
}

/// Whether a heading is followed by a long paragraph of prose: then it names a part of the
/// story (a listicle's "<h3><a>Rez Infinite</a> ($30)</h3>" before its review), even when it
/// links to what it names; a teaser's headline comes with a sentence or two, or nothing.
fn introduces_prose(node: NodeRef<'_, Node>, name: &str, stats: &Measured, rules: Rules) -> bool {
    const PROSE_CHARS: u32 = 300;
    if !is_heading(name) {
        return false;
    }
    node.next_siblings()
        .filter_map(|sibling| {
            let s = stats.get(&sibling.id())?;
            (sibling.value().is_element() && s.text > 0 && !s.cut(rules)).then_some((sibling, s))
        })
        .next()
        .is_some_and(|(sibling, s)| {
            sibling
                .value()
                .as_element()
                .is_some_and(|e| e.name() == "p")
                && s.text >= PROSE_CHARS
                && s.link_density() < 0.3
        })
}

/// Whether a heading links to another page: a headline of another story.
fn is_headline_elsewhere(node: NodeRef<'_, Node>, name: &str, in_link: bool) -> bool {
    is_heading(name)
        && (in_link
            || node.descendants().any(|d| {
                d.value()
                    .as_element()
                    .is_some_and(|e| e.name() == "a" && points_elsewhere(e))
            }))
}

/// Whether a link leads to another page (not `javascript:`, not a fragment of this one).
pub(super) fn points_elsewhere(link: &scraper::node::Element) -> bool {
    link.attr("href").is_some_and(|href| {
        let href = href.trim();
        !href.is_empty()
            && !href.starts_with('#')
            && !href
                .get(..11)
                .is_some_and(|s| s.eq_ignore_ascii_case("javascript:"))
    })
}

/// Whether a list item, table cell or definition has siblings of its kind that are prose (at
/// least `PROSE_ITEM_CHARS`, mostly unlinked): then its list is part of the story, not a menu.
/// A row's cells are of one kind, header or data (a table of films whose linked titles head
/// rows of plot summaries), and so are a term and its definitions.
fn among_prose_items(node: NodeRef<'_, Node>, name: &str, stats: &Measured, rules: Rules) -> bool {
    const PROSE_ITEM_CHARS: u32 = 40;
    let kind: &[&str] = match name {
        "li" => &["li"],
        "td" | "th" => &["td", "th"],
        "dd" | "dt" => &["dd", "dt"],
        _ => return false,
    };
    node.parent().is_some_and(|list| {
        list.children().any(|item| {
            item.value()
                .as_element()
                .is_some_and(|e| kind.contains(&e.name()))
                && stats.get(&item.id()).is_some_and(|s| {
                    !s.cut(rules) && s.text >= PROSE_ITEM_CHARS && s.link_density() < 0.3
                })
        })
    })
}

/// Marks a `<br>` in inline text: one is a line break, two in a row end a paragraph (old pages
/// separate their paragraphs so).
const LINE_BREAK: char = '\u{2028}';

/// Marks the text of a link in inline text, so a paragraph that is mostly links can be told.
pub(super) const LINK_START: char = '\u{e000}';
pub(super) const LINK_END: char = '\u{e001}';

/// What to do with a paragraph of link text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Links {
    /// Keep it: a linked item in a list of prose.
    Keep,
    /// Drop it when it only points elsewhere: all link text ("<a>Tunisia sends most foreign
    /// fighters ...</a>" after a story), a labelled link ("Related: <a>...</a>"), a bracketed
    /// promotion ("[What you need to know: <a>Get New York Today in your inbox</a>.]").
    DropPointer,
    /// Drop it when it is mostly link text.
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
    // Where the paragraph's current line starts.
    let mut line = 0;
    for c in raw.chars() {
        if c == LINE_BREAK {
            breaks += 1;
            continue;
        }
        if breaks > 0 && !c.is_whitespace() {
            if breaks >= 2 {
                push_paragraph(&paragraph, links, blocks);
                paragraph.clear();
                line = 0;
            } else if breaks_line(&paragraph[line..], c) {
                paragraph.push(LINE_BREAK);
                line = paragraph.len();
            } else {
                paragraph.push(' ');
            }
            breaks = 0;
        }
        paragraph.push(c);
    }
    push_paragraph(&paragraph, links, blocks);
}

/// Whether a single `<br>` after `line`, before a line starting with `next`, ends a line the
/// reader should see as one: after a sentence or a colon, before a bullet, between numbered
/// items ("as follows:<br>1. Finland<br>2. Norway"); not a hard wrap inside a sentence.
fn breaks_line(line: &str, next: char) -> bool {
    let visible = |c: &char| !c.is_whitespace() && !matches!(*c, LINK_START | LINK_END);
    let last = line.chars().rev().find(visible);
    let first = line.chars().find(visible);
    let numbered = |c: char| c.is_ascii_digit() || c == '(';
    last.is_some_and(|c| crate::SENTENCE_ENDS.contains(&c) || matches!(c, ':' | ';' | '：'))
        || matches!(next, '•' | '·' | '-' | '+' | '–' | '—' | '*' | '►')
        || numbered(next) && first.is_some_and(numbered)
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
    if links != Links::Keep && linked > 0 && is_pointer(raw, all, linked) {
        return;
    }
    // Whitespace collapsed (a single `<br>` kept as a line break) and link marks dropped, in
    // one pass.
    let mut text = String::with_capacity(raw.len());
    let mut gap = None;
    for c in raw.chars() {
        match c {
            LINK_START | LINK_END => {}
            LINE_BREAK if !text.is_empty() => gap = Some('\n'),
            c if c.is_whitespace() => {
                if !text.is_empty() {
                    gap = gap.or(Some(' '));
                }
            }
            c => {
                if let Some(gap) = gap.take() {
                    text.push(gap);
                }
                text.push(c);
            }
        }
    }
    let kept = without_closing_credit(&text);
    if kept.len() < text.len() {
        text.truncate(kept.len());
    }
    if !text.is_empty() && !is_furniture(&text) {
        blocks.push(text);
    }
}

/// The text of an inline subtree (`<br>` as a space), without boilerplate inside it.
pub(super) fn inline_text(node: NodeRef<'_, Node>, stats: &Measured, rules: Rules) -> String {
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
