//! Text set straight into a container, between its blocks or line breaks: a portal's story
//! written as runs of text ("<article>Text<br><br>More text<br><br>...</article>"), or a
//! story's text beside the boxes set into it.

use ego_tree::NodeRef;
use scraper::{ElementRef, Node};

use super::super::{BLOCK_TAGS, Measured, Rules, Stats, text_chars};

/// A run of text: its characters and link characters, and its commas.
pub(super) struct Run {
    pub(super) stats: Stats,
    pub(super) commas: usize,
}

/// The runs of inline content among `node`'s children at least `min_chars` long, split at
/// blocks and at line breaks.
pub(super) fn text_runs(
    node: NodeRef<'_, Node>,
    stats: &Measured,
    rules: Rules,
    min_chars: u32,
) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut run = Vec::new();
    let mut current = Stats::default();
    let mut flush = |run: &mut Vec<NodeRef<'_, Node>>, current: &mut Stats| {
        if current.text >= min_chars {
            runs.push(Run {
                stats: *current,
                commas: run.iter().map(|n| commas(*n)).sum(),
            });
        }
        run.clear();
        *current = Stats::default();
    };
    for child in node.children() {
        match child.value() {
            Node::Text(t) => {
                current.text += text_chars(t);
                run.push(child);
            }
            Node::Element(e) => {
                let s = stats.get(&child.id()).copied().unwrap_or_default();
                if e.name() == "br" || BLOCK_TAGS.contains(&e.name()) || s.has_block {
                    flush(&mut run, &mut current);
                } else if !s.cut(rules) {
                    current.text += s.text;
                    current.link += s.link;
                    run.push(child);
                }
            }
            _ => {}
        }
    }
    flush(&mut run, &mut current);
    runs
}

/// The commas in a node's text, in the scripts that have their own.
pub(super) fn commas(node: NodeRef<'_, Node>) -> usize {
    let count = |t: &str| t.matches([',', '，', '、', '،']).count();
    match node.value() {
        Node::Text(t) => count(t),
        _ => ElementRef::wrap(node).map_or(0, |el| el.text().map(count).sum()),
    }
}
