//! Choosing the body: every candidate container scored, the best widened to the story's
//! extent, its siblings joined.

use rustc_hash::FxHashMap;

use ego_tree::{NodeId, NodeRef};
use scraper::{ElementRef, Html, Node};

use super::{ARTICLE_BODY, Measured, Rules};

mod runs;
mod score;
mod siblings;
mod stories;

use score::{class_weight, score};
use siblings::{are_key_points, with_siblings};
use stories::headline_story;

/// The nodes whose blocks make the body, in document order, and whether they came from
/// article markup.
pub(super) fn select<'a>(
    document: &'a Html,
    root: ElementRef<'a>,
    stats: &Measured,
    rules: Rules,
) -> (Vec<NodeRef<'a, Node>>, bool) {
    let (selected, from_article) = choose(document, root, stats, rules);
    match headline_story(document, root, &selected, stats) {
        Some(story) => choose(document, story, stats, rules),
        None => (selected, from_article),
    }
}

/// `select`, before the story under the headline is told from the next one loaded below it.
fn choose<'a>(
    document: &'a Html,
    root: ElementRef<'a>,
    stats: &Measured,
    rules: Rules,
) -> (Vec<NodeRef<'a, Node>>, bool) {
    // Explicit article-body markup wins when it holds real text.
    if let Some(el) = document
        .select(&ARTICLE_BODY)
        .max_by_key(|e| stats.get(&e.id()).map_or(0, |s| s.text))
        && stats.get(&el.id()).is_some_and(|s| s.text >= 200)
    {
        // Its key points, when they stand right before it ("<ul class="bullets">").
        let points = el
            .prev_siblings()
            .find(|n| n.value().is_element())
            .filter(|n| {
                let s = stats.get(&n.id()).copied().unwrap_or_default();
                !s.cut(rules) && are_key_points(*n, s)
            });
        return (points.into_iter().chain([*el]).collect(), true);
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
    let (top, top_score) = narrow(top, top_score, stats, &scores);
    let top_id = top.id();
    let from_article = top
        .ancestors()
        .chain(std::iter::once(top))
        .filter_map(|n| n.value().as_element())
        .any(|e| e.name() == "article");
    if top_id == root.id() || top.parent().is_none() {
        return (vec![top], from_article);
    }
    let mut selected = with_siblings(top, top_score, &scores, stats, rules);
    add_twins(&mut selected, top, &scores);
    add_split_halves(&mut selected, top, top_score, &scores, stats);
    (selected, from_article)
}

/// Whether a class names a container like the body's, whose class is `body`: the same, or
/// the same but for numbers ("story-body story-body-1", "story-body story-body-2").
fn alike(class: Option<&str>, body: &str) -> bool {
    let without_digits = |c: &str| {
        c.chars()
            .filter(|c| !c.is_ascii_digit())
            .collect::<String>()
    };
    class.is_some_and(|class| class == body || without_digits(class) == without_digits(body))
}

/// What a container alike the body's must score to join it: the likeness is the evidence, so
/// a short part (a closing note in its own section) counts.
const MIN_TWIN_SCORE: f64 = 10.0;

/// A story split in two around a full-width picture or a pull quote is often two containers
/// alike (same tag, same class) in different branches of the page: the other halves join the
/// body, in document order.
fn add_twins<'a>(
    selected: &mut Vec<NodeRef<'a, Node>>,
    top: NodeRef<'a, Node>,
    scores: &FxHashMap<NodeId, f64>,
) {
    let Some(top_element) = top.value().as_element() else {
        return;
    };
    let Some(class) = top_element.attr("class").filter(|c| !c.trim().is_empty()) else {
        return;
    };
    let mut twins: Vec<NodeRef<'a, Node>> = scores
        .iter()
        .filter(|(_, score)| **score >= MIN_TWIN_SCORE)
        .filter_map(|(id, _)| top.tree().get(*id))
        .filter(|node| {
            node.value().as_element().is_some_and(|e| {
                e.name() == top_element.name() && alike(crate::class_and_id(e)[0], class)
            })
        })
        .filter(|node| !related(*node, selected))
        .collect();
    // A twin inside another twin (nested alike) is read with it.
    let ids: Vec<NodeId> = twins.iter().map(NodeRef::id).collect();
    twins.retain(|t| !t.ancestors().any(|a| ids.contains(&a.id())));
    if twins.is_empty() {
        return;
    }
    // A story in chapters, each a heading over a container alike the others: the headings
    // come with them (when two or more are so headed; one heading before the story alone may
    // be its standfirst).
    let headings: Vec<NodeRef<'a, Node>> = std::iter::once(top)
        .chain(twins.iter().copied())
        .filter_map(heading_before)
        .collect();
    if headings.len() >= 2 {
        twins.extend(headings);
    }
    twins.retain(|t| !selected.iter().any(|s| s.id() == t.id()));
    selected.extend(twins);
    selected.sort_by_key(NodeRef::id);
}

/// A story split in two by a full-width advertisement across a grid's rows: the other half is
/// a container of the same tag in the same place of another row (its parent and grandparent
/// of the same tags and classes as the story's), prose with few links, scoring at least a
/// third of the story. It joins the body, in document order.
fn add_split_halves<'a>(
    selected: &mut Vec<NodeRef<'a, Node>>,
    top: NodeRef<'a, Node>,
    top_score: f64,
    scores: &FxHashMap<NodeId, f64>,
    stats: &Measured,
) {
    const MIN_SHARE: f64 = 1.0 / 3.0;
    let template = |n: Option<NodeRef<'a, Node>>| {
        n.and_then(|n| n.value().as_element())
            .map(|e| (e.name(), e.attr("class")))
    };
    let place = |n: NodeRef<'a, Node>| {
        let parent = n.parent();
        let grandparent = parent.and_then(|p| p.parent());
        (
            template(Some(n)),
            template(parent),
            template(grandparent),
            grandparent.map(|g| g.id()),
        )
    };
    let (tag, parent, grandparent, row) = place(top);
    if parent.is_none() || grandparent.is_none() {
        return;
    }
    let mut halves: Vec<NodeRef<'a, Node>> = scores
        .iter()
        .filter(|(_, score)| **score >= top_score * MIN_SHARE)
        .filter_map(|(id, _)| top.tree().get(*id))
        .filter(|n| {
            let (t, p, g, r) = place(*n);
            t.map(|t| t.0) == tag.map(|t| t.0) && p == parent && g == grandparent && r != row
        })
        .filter(|n| stats.get(&n.id()).is_some_and(|s| s.link_density() < 0.2))
        .collect();
    halves.retain(|h| !related(*h, selected));
    if halves.is_empty() {
        return;
    }
    selected.extend(halves);
    selected.sort_by_key(NodeRef::id);
}

/// Whether a node is related to the body already: a selected node, inside one, or holding one
/// (a wrapper that shares the story's class).
fn related(node: NodeRef<'_, Node>, selected: &[NodeRef<'_, Node>]) -> bool {
    selected.iter().any(|s| {
        s.id() == node.id()
            || s.ancestors().any(|a| a.id() == node.id())
            || node.ancestors().any(|a| a.id() == s.id())
    })
}

/// The heading (`<h2>`-`<h4>`) right before a node, if the element before it is one.
fn heading_before(node: NodeRef<'_, Node>) -> Option<NodeRef<'_, Node>> {
    node.prev_siblings()
        .find(|s| s.value().is_element())
        .filter(|s| {
            s.value()
                .as_element()
                .is_some_and(|e| matches!(e.name(), "h2" | "h3" | "h4"))
        })
}

/// A container that tops the scores by its name alone (a "content-wrap" around a page's
/// columns): a candidate among its children and grandchildren that scores more than the
/// container does without its name takes its place.
fn narrow<'a>(
    top: NodeRef<'a, Node>,
    top_score: f64,
    stats: &Measured,
    scores: &FxHashMap<NodeId, f64>,
) -> (NodeRef<'a, Node>, f64) {
    // (An `<article>` or `<main>` says what it holds by its tag.)
    let Some(weight) = top
        .value()
        .as_element()
        .filter(|e| matches!(e.name(), "div" | "section"))
        .map(class_weight)
    else {
        return (top, top_score);
    };
    if weight <= 0.0 {
        return (top, top_score);
    }
    let density = stats
        .get(&top.id())
        .copied()
        .unwrap_or_default()
        .link_density();
    let merit = top_score - weight * (1.0 - density);
    top.children()
        .flat_map(|child| std::iter::once(child).chain(child.children()))
        .filter(|n| {
            n.value()
                .as_element()
                .is_some_and(|e| matches!(e.name(), "div" | "section" | "article"))
        })
        .filter_map(|n| Some((n, *scores.get(&n.id())?)))
        .filter(|&(_, score)| score > 3.0 * merit)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap_or((top, top_score))
}

/// A story split over several containers: when three of the best other candidates sit under
/// one ancestor of the top candidate, that ancestor is the story; and a parent that scores
/// higher than the candidate itself takes its place.
fn widen<'a>(
    top: NodeRef<'a, Node>,
    top_score: f64,
    root: NodeId,
    scores: &FxHashMap<NodeId, f64>,
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
