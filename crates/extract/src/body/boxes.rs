//! Boxes the page sets into the story, told by what a reader sees of them: a title naming
//! teasers or a newsletter sign-up, or a short promotion ending in a button.

use ego_tree::NodeRef;
use scraper::{ElementRef, Node};

use super::emit::{inline_text, points_elsewhere};
use super::labels::{invites, is_comments_title, is_teaser_title, mentions_mailing};
use super::{BLOCK_TAGS, Measured, Rules, Stats};

/// Whether a container is a box the page sets into the story under a title that says what it
/// is, whatever its class is named: readers' comments ("6 Responses to ...", "Leave a Reply"),
/// however long their prose; teasers ("Editor's Picks", "Most read", "Te puede
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
    is_comments_title(&title)
        || (teasers && is_teaser_title(&title))
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
