//! The standfirst under the headline, which human labels of article bodies leave out: what
//! names one, and where it sits.

use ego_tree::NodeRef;
use scraper::node::Element;
use scraper::{ElementRef, Node};

use super::class_names::STANDFIRST_WORDS;
use super::emit::is_heading;
use super::{Stats, holds_any};

/// Whether an element inside the story's container is its standfirst: named as one, right
/// under the headline (a `<p class="description">` after the `<h1>`) and before any paragraph
/// of the story, short, and prose: a list of key points there ("summary-list") is the story's
/// own summary, which stays. The story must go on after it: an element holding half of the
/// container's `story_chars` or more is the story, whatever its name (a short story in a
/// `<div class="field--name-body text-summary">`).
pub(super) fn is_standfirst_within(
    node: NodeRef<'_, Node>,
    element: &Element,
    s: Stats,
    story_chars: u32,
    blocks: &[String],
) -> bool {
    s.text <= STANDFIRST_CHARS
        && s.text * 2 < story_chars
        && before_story(blocks)
        && names_standfirst_at(node, element)
        && follows_headline(node)
        && !holds_any(node, &["ul", "ol"])
}

/// Whether an element's names make it a standfirst where it sits: named as one, or named an
/// intro with the byline after it.
pub(super) fn names_standfirst_at(node: NodeRef<'_, Node>, element: &Element) -> bool {
    names_standfirst(element) || names_intro(element) && byline_follows(node)
}

/// Whether an element is named an intro ("intro", "article-intro", "article__lead"): a
/// standfirst when the byline comes after it, the story's first paragraph ("story-intro", a
/// "lead" under the byline) when the story does.
fn names_intro(element: &Element) -> bool {
    crate::class_and_id(element)
        .into_iter()
        .flatten()
        .flat_map(|names| names.split(|c: char| !c.is_ascii_alphanumeric()))
        .any(|w| w.eq_ignore_ascii_case("intro") || w.eq_ignore_ascii_case("lead"))
}

/// Whether the next element with text after a node is a byline or date line: one holding a
/// `<time>` or named for a byline, an author, a date or the story's meta lines.
fn byline_follows(node: NodeRef<'_, Node>) -> bool {
    const NAMES: &[&str] = &["byline", "author", "date", "meta"];
    let Some(next) = node
        .next_siblings()
        .filter_map(ElementRef::wrap)
        .find(|e| e.text().any(|t| !t.trim().is_empty()))
    else {
        return false;
    };
    let named = crate::class_and_id(next.value())
        .into_iter()
        .flatten()
        .any(|names| {
            let lower = names.to_ascii_lowercase();
            NAMES.iter().any(|n| lower.contains(n))
        });
    named || holds_any(*next, &["time"])
}

/// The most characters of a standfirst.
const STANDFIRST_CHARS: u32 = 600;

/// Whether the story has not started yet: the blocks so far are a few short header lines (a
/// breadcrumb, a date line, a kicker).
fn before_story(blocks: &[String]) -> bool {
    const HEADER_LINES: usize = 5;
    const LINE_CHARS: usize = 120;
    blocks.len() <= HEADER_LINES && blocks.iter().all(|b| b.chars().count() < LINE_CHARS)
}

/// Whether the nearest heading before a node is the page's `<h1>` (or none is near): a
/// standfirst follows the headline, a teaser's summary its own linked `<h2>`.
fn follows_headline(node: NodeRef<'_, Node>) -> bool {
    const LOOK_BACK: usize = 12;
    let earlier = std::iter::once(node)
        .chain(node.ancestors())
        .flat_map(|n| n.prev_siblings())
        .filter(|n| n.value().is_element())
        .take(LOOK_BACK);
    for sibling in earlier {
        // The last heading in it, itself included.
        let last = sibling
            .descendants()
            .filter_map(|d| d.value().as_element())
            .filter(|e| e.name() == "h1" || is_heading(e.name()))
            .last();
        if let Some(heading) = last {
            return heading.name() == "h1";
        }
    }
    true
}

/// Whether an element's class or id names a standfirst, the summary under the headline that
/// is no part of the story ("standfirst", "dek", "article-summary", "sub-headline",
/// "teaser-text"); not
/// Drupal's body field, "field--type-text-with-summary", a text that has a summary.
pub(super) fn names_standfirst(element: &Element) -> bool {
    // Beyond the words that mark a standfirst anywhere, these mark one beside the story.
    const WORDS: &[&str] = &[
        "deck",
        "excerpt",
        "summary",
        "description",
        "desc",
        "resumen",
        "resumo",
    ];
    const PARTS: &[&str] = &[
        "standfirst",
        "subhead",
        "subtitle",
        "summary",
        "excerpt",
        "teasertext",
    ];
    const NOT_STANDFIRST: &str = "withsummary";
    crate::class_and_id(element)
        .into_iter()
        .flatten()
        .any(|names| {
            let lower = names.to_ascii_lowercase();
            let joined: String = lower.chars().filter(char::is_ascii_alphanumeric).collect();
            if joined.contains(NOT_STANDFIRST) {
                return false;
            }
            PARTS.iter().any(|p| joined.contains(p))
                || lower
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|w| WORDS.contains(&w) || STANDFIRST_WORDS.contains(&w))
        })
}
