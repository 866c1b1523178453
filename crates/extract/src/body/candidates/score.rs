//! Scoring candidate containers: every paragraph, and every run of text set straight into a
//! container, credits the containers above it by how much prose it holds.

use rustc_hash::FxHashMap;

use ego_tree::{NodeId, NodeRef};
use scraper::Node;
use scraper::node::Element;

use super::super::class_names::{Word, words};
use super::super::{Measured, Rules, Stats};
use super::runs::{commas, text_runs};

/// Paragraph-like elements shorter than this are not scored.
const MIN_SCORED_CHARS: u32 = 25;

/// Scores every candidate container: each paragraph-like element credits its parent fully,
/// its grandparent by half and the next two levels by a sixth and a ninth; the totals are then
/// discounted by link density.
pub(super) fn score(
    root: NodeRef<'_, Node>,
    stats: &Measured,
    rules: Rules,
) -> FxHashMap<NodeId, f64> {
    let mut scores: FxHashMap<NodeId, f64> = FxHashMap::default();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        let s = stats.get(&node.id()).copied().unwrap_or_default();
        if node.id() != root.id() && s.cut(rules) {
            continue;
        }
        // A table cell of an old layout holding the page's blocks is a column, not a paragraph.
        let paragraph = match element.name() {
            "p" | "pre" | "blockquote" => true,
            "div" | "section" | "td" => !s.has_block,
            _ => false,
        };
        if paragraph && s.text >= MIN_SCORED_CHARS {
            let points = points(s, commas(node));
            credit(&mut scores, node.ancestors(), points, root.id());
            continue;
        }
        // Text set straight into a container beside its blocks or between line breaks
        // scores as the container's own paragraphs (not a run of links: a menu's).
        if matches!(
            element.name(),
            "div" | "section" | "article" | "main" | "td"
        ) {
            let prose = text_runs(node, stats, rules, MIN_SCORED_CHARS)
                .into_iter()
                .filter(|run| run.stats.link_density() < 0.5);
            for run in prose {
                let points = points(run.stats, run.commas);
                credit(
                    &mut scores,
                    std::iter::once(node).chain(node.ancestors()),
                    points,
                    root.id(),
                );
            }
        }
        stack.extend(node.children());
    }
    for (id, score) in &mut scores {
        let density = stats.get(id).copied().unwrap_or_default().link_density();
        *score *= 1.0 - density;
    }
    scores
}

/// What a paragraph scores: one, a point a comma, a point a hundred characters up to three;
/// less by its link density (a paragraph of links, a kudos list or a tag cloud, is not prose
/// however many commas it has).
fn points(s: Stats, commas: usize) -> f64 {
    (1.0 + commas as f64 + (f64::from(s.text) / 100.0).min(3.0)) * (1.0 - s.link_density())
}

/// Credits a paragraph's `points` to the first four of `containers` (the innermost first):
/// fully, by half, by a sixth and by a ninth, and to none beyond the root.
fn credit<'a>(
    scores: &mut FxHashMap<NodeId, f64>,
    containers: impl Iterator<Item = NodeRef<'a, Node>>,
    points: f64,
    root: NodeId,
) {
    for (level, ancestor) in containers.take(4).enumerate() {
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
        if ancestor.id() == root {
            break;
        }
    }
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

pub(super) fn class_weight(element: &Element) -> f64 {
    let mut weight = 0.0;
    for names in crate::class_and_id(element).into_iter().flatten() {
        let lower = names.to_ascii_lowercase();
        let said = || {
            lower
                .split(|c: char| !c.is_ascii_alphanumeric())
                .flat_map(words)
                .filter_map(|(_, says)| says)
        };
        if said().any(|w| w == Word::Story) {
            weight += 25.0;
        }
        if said().any(|w| w == Word::Boilerplate) {
            weight -= 25.0;
        }
    }
    weight
}
