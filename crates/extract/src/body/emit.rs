//! Writing the body out: text blocks in reading order, inline runs split into paragraphs.

use ego_tree::{NodeId, NodeRef};
use scraper::Node;

use super::boxes::{is_call_to_action, is_titled_box};
use super::headings::Headings;
use super::standfirst::is_standfirst_within;
use super::{BLOCK_TAGS, Measured, Rules, Stats};

mod paragraphs;

use paragraphs::{Links, push_paragraphs};

/// Appends the text blocks under `node` in reading order: a subtree without blocks is one
/// block; in a mixed container, each run of inline content between blocks is one block.
/// Returns how many headlines of other pages (linked `<h2>`-`<h6>`) it passed over, counting a
/// run of them with no text between as one, and how many posts (`<article>`s under a linked
/// headline of their own, a blog's page of its latest posts).
pub(super) fn emit(
    node: NodeRef<'_, Node>,
    stats: &Measured,
    rules: Rules,
    blocks: &mut Vec<String>,
) -> (usize, usize) {
    let mut walk = Walk {
        stats,
        rules,
        root: node.id(),
        root_chars: stats.get(&node.id()).map_or(0, |s| s.text),
        standfirst_cut: false,
        headings: Headings::new(blocks.len()),
        linked_headlines: 0,
        posts: 0,
        headline_at: None,
        start: blocks.len(),
        header_end: None,
        blocks,
    };
    let mut stack = vec![Work::Node(node, false)];
    while let Some(work) = stack.pop() {
        match work {
            Work::Run(run) => walk.run(&run),
            Work::Close(container, start) => walk.headings.close(container, start, walk.blocks),
            Work::Node(node, in_link) => walk.node(node, in_link, &mut stack),
        }
    }
    walk.headings.finish(walk.blocks);
    drop_header(walk.blocks, walk.start, walk.header_end);
    (walk.linked_headlines, walk.posts)
}

/// `emit`'s walk: what it writes to and what it has seen.
struct Walk<'s, 'b> {
    stats: &'s Measured,
    rules: Rules,
    blocks: &'b mut Vec<String>,
    root: NodeId,
    root_chars: u32,
    /// A page has one standfirst (a section front's teasers each have a summary).
    standfirst_cut: bool,
    headings: Headings,
    linked_headlines: usize,
    posts: usize,
    /// How many blocks there were at the last headline of another page.
    headline_at: Option<usize>,
    /// How many blocks there were when this walk began, and at the page's `<h1>` in it.
    start: usize,
    header_end: Option<usize>,
}

impl Walk<'_, '_> {
    /// Writes out an element that holds no blocks, or pushes what is left to do in one that
    /// does: its children, then its close.
    fn node<'a>(&mut self, node: NodeRef<'a, Node>, in_link: bool, stack: &mut Vec<Work<'a>>) {
        let Some(element) = node.value().as_element() else {
            return;
        };
        let s = self.stats.get(&node.id()).copied().unwrap_or_default();
        if element.name() == "h1" && self.header_end.is_none() {
            self.header_end = Some(self.blocks.len());
        }
        if s.cut(self.rules) || element.name() == "h1" {
            return;
        }
        if s.text == 0 {
            self.headings.passed([node], self.blocks);
            return;
        }
        if node.id() != self.root
            && !self.standfirst_cut
            && is_standfirst_within(node, element, s, self.root_chars, self.blocks)
        {
            self.standfirst_cut = true;
            return;
        }
        let name = element.name();
        if !s.has_block {
            self.leaf(node, name, in_link, s);
            return;
        }
        if node.id() != self.root
            && (is_titled_box(node, s, self.stats, self.rules)
                || is_call_to_action(node, s, self.stats, self.rules))
        {
            return;
        }
        if name == "article" && !s.has_h1 && is_post(node) {
            self.posts += 1;
        }
        let in_link = in_link || (name == "a" && points_elsewhere(element));
        if node.id() != self.root {
            stack.push(Work::Close(s, self.blocks.len()));
        }
        // Pushed in reverse so they pop in document order.
        stack.extend(children(node, in_link, self.stats).into_iter().rev());
    }

    /// Writes out an element that holds no blocks, counting it if it is another page's
    /// headline: a teaser's headline has text of its own since the one before (its summary);
    /// a box of related stories lists its headlines one after another.
    fn leaf(&mut self, node: NodeRef<'_, Node>, name: &str, in_link: bool, s: Stats) {
        let before = self.blocks.len();
        if !emit_leaf(node, name, in_link, self.stats, self.rules, self.blocks)
            && is_headline_elsewhere(node, name, in_link)
        {
            if self.headline_at != Some(self.blocks.len()) {
                self.linked_headlines += 1;
            }
            self.headline_at = Some(self.blocks.len());
        }
        if is_heading(name) && self.blocks.len() > before {
            self.headings.push(before, s);
        }
    }

    /// Writes out a run of inline content between blocks as paragraphs.
    fn run(&mut self, run: &[NodeRef<'_, Node>]) {
        let raw: String = run
            .iter()
            .map(|n| inline_text(*n, self.stats, self.rules))
            .collect();
        push_paragraphs(&raw, Links::Drop, self.blocks);
        self.headings.passed(run.iter().copied(), self.blocks);
    }
}

/// Drops the short lines written from `start` to the headline (at `header_end`): the story
/// starts under it, and what stands above it in the same container is the page's header (a
/// score line over a game's recap, a kicker, a breadcrumb); text enough to be the story's own
/// paragraphs stays, and so does all there is when nothing follows the headline.
fn drop_header(blocks: &mut Vec<String>, start: usize, header_end: Option<usize>) {
    const LINE_CHARS: usize = 120;
    const HEADER_CHARS: usize = 300;
    let Some(end) = header_end.filter(|&end| end > start && end < blocks.len()) else {
        return;
    };
    let header = &blocks[start..end];
    let chars: usize = header.iter().map(|b| b.chars().count()).sum();
    if chars <= HEADER_CHARS && header.iter().all(|b| b.chars().count() <= LINE_CHARS) {
        blocks.drain(start..end);
    }
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

/// Whether an `<article>` opens with a headline linking to its own page: a post among others.
fn is_post(article: NodeRef<'_, Node>) -> bool {
    article
        .descendants()
        .filter_map(|d| Some((d, d.value().as_element()?)))
        .find(|(_, e)| is_heading(e.name()))
        .is_some_and(|(heading, e)| is_headline_elsewhere(heading, e.name(), false))
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
