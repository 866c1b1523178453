//! The stories under several headlines that a page may load one after another: which of
//! them the body is.

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node};

use super::super::{H1, Measured};

/// The story under the page's headline, when the body chosen spans the stories under several
/// headlines (a site that loads the next story below this one, in an `<article>` or a `<div>`
/// of its own): the first of them, within which the body is chosen again (once: nested
/// stories go no deeper). A story is the largest container holding one `<h1>` and no other,
/// with text of its own (not a logo's `<h1>` in the page's header), and the stories are alike
/// (a book's chapter under the book's title is not two stories).
pub(super) fn headline_story<'a>(
    document: &'a Html,
    root: ElementRef<'a>,
    selected: &[NodeRef<'a, Node>],
    stats: &Measured,
) -> Option<ElementRef<'a>> {
    const MAX_HEADLINES: usize = 8;
    let headlines: Vec<NodeRef<'a, Node>> = document
        .select(&H1)
        .map(|h| *h)
        .filter(|h| h.ancestors().any(|a| a.id() == root.id()))
        .take(MAX_HEADLINES)
        .collect();
    if headlines.len() < 2 {
        return None;
    }
    let stories = stories(&headlines, root, stats);
    let within = |inner: NodeRef<'a, Node>, outer: NodeRef<'a, Node>| {
        inner.id() == outer.id() || inner.ancestors().any(|a| a.id() == outer.id())
    };
    let touched: Vec<NodeRef<'a, Node>> = stories
        .into_iter()
        .filter(|story| {
            selected
                .iter()
                .any(|n| within(*n, *story) || within(*story, *n))
        })
        .collect();
    // Stories loaded one after another come in one template (the same tag and class), side by
    // side in a stream that has no headline of its own: sections of one document each under
    // an `<h1>` sit in a chapter under its title.
    let first = touched.iter().min_by_key(|s| s.id()).copied()?;
    let stream = first.parent()?;
    let template = |n: &NodeRef<'a, Node>| {
        n.value()
            .as_element()
            .map(|e| (e.name().to_owned(), e.attr("class").map(str::to_owned)))
    };
    let alike: Vec<NodeRef<'a, Node>> = touched
        .into_iter()
        .filter(|s| s.parent().map(|p| p.id()) == Some(stream.id()))
        .filter(|s| template(s) == template(&first))
        .collect();
    let stream_headline = headlines
        .iter()
        .any(|h| within(*h, stream) && !alike.iter().any(|s| within(*h, *s)));
    (alike.len() >= 2 && !stream_headline)
        .then_some(first)
        .and_then(ElementRef::wrap)
}

/// The story under each headline: the largest container below `root` holding it and no other
/// headline, when it has text of its own.
fn stories<'a>(
    headlines: &[NodeRef<'a, Node>],
    root: ElementRef<'a>,
    stats: &Measured,
) -> Vec<NodeRef<'a, Node>> {
    const STORY_CHARS: u32 = 200;
    // Whether `node` holds a headline other than `own`.
    let holds_other = |node: NodeRef<'a, Node>, own: NodeRef<'a, Node>| {
        headlines
            .iter()
            .any(|h| h.id() != own.id() && h.ancestors().any(|a| a.id() == node.id()))
    };
    headlines
        .iter()
        .filter_map(|&h1| {
            let mut story = h1;
            while let Some(parent) = story.parent() {
                if parent.id() == root.id() || holds_other(parent, h1) {
                    break;
                }
                story = parent;
            }
            let s = stats.get(&story.id())?;
            (s.text >= STORY_CHARS && s.link_density() < 0.5).then_some(story)
        })
        .collect()
}
