//! Boxes the page sets into the story, told by what a reader sees of them: a title naming
//! teasers or a newsletter sign-up, or a heading left alone once its box of links is cut or
//! closing its container over nothing.

use ego_tree::NodeRef;
use scraper::{ElementRef, Node};

use super::emit::{inline_text, points_elsewhere};
use super::labels::{invites, is_teaser_title, mentions_mailing};
use super::{BLOCK_TAGS, Measured, Rules, Stats};

/// Whether a container is a box the page sets into the story under a title that says what it
/// is, whatever its class is named: teasers ("Editor's Picks", "Most read", "Te puede
/// interesar" as a heading or a label of its own, with much of its text links: a section of
/// the story so titled is prose, with few links), or a short newsletter sign-up ("Sign up to
/// This is Europe" ... "Free newsletter").
pub(super) fn is_titled_box(
    node: NodeRef<'_, Node>,
    s: Stats,
    stats: &Measured,
    rules: Rules,
) -> bool {
    const MIN_LINK_DENSITY: f64 = 0.3;
    const MAX_SIGN_UP_CHARS: u32 = 600;
    const MAX_TITLE_CHARS: u32 = 80;
    let teasers = s.link_density() >= MIN_LINK_DENSITY;
    let sign_up = s.text <= MAX_SIGN_UP_CHARS;
    if !teasers && !sign_up {
        return false;
    }
    let Some((first, title_stats)) = node.children().find_map(|c| {
        let s = stats.get(&c.id())?;
        (c.value().is_element() && s.text > 0 && !s.cut(rules)).then_some((c, *s))
    }) else {
        return false;
    };
    if title_stats.has_block || title_stats.text > MAX_TITLE_CHARS {
        return false;
    }
    let title = inline_text(first, stats, rules);
    (teasers && is_teaser_title(&title))
        || (sign_up
            && invites(&title)
            && is_title(&title)
            && mentions_mailing(&inline_text(node, stats, rules)))
}

/// Whether a container is a short promotion set into the story, whatever its words: a
/// sentence or two ending in a button, a link of a few words standing alone ("Town News is
/// funded by readers like you..." then "Donate"; "Get the app..." then "Download").
pub(super) fn is_call_to_action(
    node: NodeRef<'_, Node>,
    s: Stats,
    stats: &Measured,
    rules: Rules,
) -> bool {
    const MAX_CHARS: u32 = 300;
    const MIN_OTHER_CHARS: u32 = 20;
    const MAX_BUTTON_CHARS: u32 = 25;
    const MAX_BUTTON_WORDS: usize = 3;
    let boxed = node
        .value()
        .as_element()
        .is_some_and(|e| matches!(e.name(), "div" | "section" | "aside"));
    if !boxed || s.text > MAX_CHARS || s.link == 0 || s.text - s.link < MIN_OTHER_CHARS {
        return false;
    }
    // What a reader sees of the box: nothing under a cut element (a share row).
    let shown = |d: &NodeRef<'_, Node>| {
        !d.ancestors()
            .take_while(|a| a.id() != node.id())
            .any(|a| stats.get(&a.id()).is_some_and(|a| a.cut(rules)))
    };
    let Some(link) = node
        .descendants()
        .filter(|d| {
            d.value()
                .as_element()
                .is_some_and(|e| e.name() == "a" && points_elsewhere(e))
        })
        .filter(|d| shown(d) && stats.get(&d.id()).is_some_and(|l| !l.cut(rules)))
        .last()
    else {
        return false;
    };
    let link_chars = stats.get(&link.id()).map_or(0, |l| l.text);
    let words =
        ElementRef::wrap(link).map_or(0, |l| l.text().flat_map(str::split_whitespace).count());
    // Nothing shown follows it.
    let last = node
        .descendants()
        .filter(|d| d.value().as_text().is_some_and(|t| !t.trim().is_empty()) && shown(d))
        .last()
        .is_some_and(|t| t.ancestors().any(|a| a.id() == link.id()));
    (1..=MAX_BUTTON_CHARS).contains(&link_chars)
        && words <= MAX_BUTTON_WORDS
        && last
        && on_a_line_of_its_own(node, link, stats)
}

/// Whether a link inside `node` stands on a line of its own, as a button does: alone in the
/// element that holds it below `node`, after a block or a line break, not at the end of a
/// sentence ("They are sold at <a>the box office</a>").
fn on_a_line_of_its_own(
    node: NodeRef<'_, Node>,
    link: NodeRef<'_, Node>,
    stats: &Measured,
) -> bool {
    let link_chars = stats.get(&link.id()).map_or(0, |l| l.text);
    let line = link
        .ancestors()
        .take_while(|a| a.id() != node.id())
        .last()
        .unwrap_or(link);
    let alone =
        line.id() == link.id() || stats.get(&line.id()).is_some_and(|w| w.text == link_chars);
    alone
        && line
            .prev_siblings()
            .find(|p| p.value().as_text().is_none_or(|t| !t.trim().is_empty()))
            .is_some_and(|p| {
                p.value()
                    .as_element()
                    .is_some_and(|e| e.name() == "br" || BLOCK_TAGS.contains(&e.name()))
            })
}

/// Whether a text reads as a title ("Sign up to This is Europe"), not a sentence: a few words,
/// no closing period.
fn is_title(text: &str) -> bool {
    const MAX_WORDS: usize = 10;
    text.split_whitespace().nth(MAX_WORDS).is_none() && !text.trim_end().ends_with('.')
}

/// A heading among the blocks: where it is, and its element's stats.
pub(super) struct Heading {
    pub(super) block: usize,
    pub(super) stats: Stats,
}

/// Drops the headings a container left alone after its other content was cut as a list of
/// links ("More on this story" over teasers, "Related topics" over tags): a heading of
/// nothing. A container whose other text was no links (an ad's label, a button) keeps its
/// heading, which may well head the paragraphs after it.
pub(super) fn drop_orphan_headings(
    container: Stats,
    start: usize,
    blocks: &mut Vec<String>,
    headings: &mut Vec<Heading>,
) {
    const MIN_CUT_CHARS: u32 = 10;
    let inside = headings
        .iter()
        .rposition(|h| h.block < start)
        .map_or(0, |i| i + 1);
    let emitted = blocks.len() - start;
    if emitted == 0 || headings.len() - inside != emitted {
        return;
    }
    let (text, link) = headings[inside..]
        .iter()
        .fold((0, 0), |(t, l), h| (t + h.stats.text, l + h.stats.link));
    let other = container.text.saturating_sub(text);
    let other_link = container.link.saturating_sub(link);
    if other >= MIN_CUT_CHARS && other_link * 2 >= other {
        blocks.truncate(start);
        headings.truncate(inside);
    }
}

/// Drops the headings that close a container's blocks (from `first_block`): they head
/// nothing, "Follow topics and authors from this story ..." over its buttons, "Comments" over
/// a thread that loads later. One over a picture or a video (the last of which came at
/// `media_at` blocks) heads that, and a heading that is all the container holds stays.
pub(super) fn drop_closing_headings(
    headings: &mut Vec<Heading>,
    blocks: &mut Vec<String>,
    first_block: usize,
    media_at: Option<usize>,
) {
    while let Some(h) = headings.last()
        && h.block > first_block
        && heading_last(headings, blocks)
        && media_at.is_none_or(|at| at <= h.block)
    {
        blocks.pop();
        headings.pop();
    }
}

/// Elements that show a picture, a video or another page's content, without text of their own.
const MEDIA: &[&str] = &[
    "img", "picture", "video", "audio", "iframe", "embed", "object", "canvas",
];

/// Whether the last block written is a heading.
pub(super) fn heading_last(headings: &[Heading], blocks: &[String]) -> bool {
    headings.last().is_some_and(|h| h.block + 1 == blocks.len())
}

/// Whether a node is or holds a picture, a video or an embed.
pub(super) fn shows_media(node: NodeRef<'_, Node>) -> bool {
    node.descendants().any(|n| {
        n.value()
            .as_element()
            .is_some_and(|e| MEDIA.contains(&e.name()))
    })
}
