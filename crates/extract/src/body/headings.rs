//! The headings among the blocks written, and those that head nothing: a heading left alone
//! once its box of links is cut, and headings closing the story over nothing.

use ego_tree::NodeRef;
use scraper::Node;

use super::Stats;

/// A heading among the blocks: where it is, and its element's stats.
struct Heading {
    block: usize,
    stats: Stats,
}

/// Elements that show a picture, a video or another page's content, without text of their own.
const MEDIA: &[&str] = &[
    "img", "picture", "video", "audio", "iframe", "embed", "object", "canvas",
];

/// The headings written since `first_block`, and how many blocks there were at the last
/// picture, video or embed.
pub(super) struct Headings {
    list: Vec<Heading>,
    first_block: usize,
    media_at: Option<usize>,
}

impl Headings {
    pub(super) fn new(first_block: usize) -> Self {
        Self {
            list: Vec::new(),
            first_block,
            media_at: None,
        }
    }

    /// Notes a heading written as block `block`.
    pub(super) fn push(&mut self, block: usize, stats: Stats) {
        self.list.push(Heading { block, stats });
    }

    /// Notes `nodes` that show no text, as a picture or a video does: right after a heading,
    /// they are what it heads.
    pub(super) fn passed<'a>(
        &mut self,
        nodes: impl IntoIterator<Item = NodeRef<'a, Node>>,
        blocks: &[String],
    ) {
        if self.last_written(blocks) && nodes.into_iter().any(shows_media) {
            self.media_at = Some(blocks.len());
        }
    }

    /// Whether the last block written is a heading.
    fn last_written(&self, blocks: &[String]) -> bool {
        self.list
            .last()
            .is_some_and(|h| h.block + 1 == blocks.len())
    }

    /// At the end of a container whose blocks start at `start`: drops the headings it left
    /// alone after its other content was cut as a list of links ("More on this story" over
    /// teasers, "Related topics" over tags), headings of nothing. A container whose other
    /// text was no links (an ad's label, a button) keeps its heading, which may well head the
    /// paragraphs after it.
    pub(super) fn close(&mut self, container: Stats, start: usize, blocks: &mut Vec<String>) {
        const MIN_CUT_CHARS: u32 = 10;
        let inside = self
            .list
            .iter()
            .rposition(|h| h.block < start)
            .map_or(0, |i| i + 1);
        let emitted = blocks.len() - start;
        if emitted == 0 || self.list.len() - inside != emitted {
            return;
        }
        let (text, link) = self.list[inside..]
            .iter()
            .fold((0, 0), |(t, l), h| (t + h.stats.text, l + h.stats.link));
        let other = container.text.saturating_sub(text);
        let other_link = container.link.saturating_sub(link);
        if other >= MIN_CUT_CHARS && other_link * 2 >= other {
            blocks.truncate(start);
            self.list.truncate(inside);
        }
    }

    /// Drops the headings that close the blocks: they head nothing, "Follow topics and
    /// authors from this story ..." over its buttons, "Comments" over a thread that loads
    /// later. One over a picture or a video heads that, and a heading that is all the
    /// container holds stays.
    pub(super) fn finish(mut self, blocks: &mut Vec<String>) {
        while let Some(h) = self.list.last()
            && h.block > self.first_block
            && self.last_written(blocks)
            && self.media_at.is_none_or(|at| at <= h.block)
        {
            blocks.pop();
            self.list.pop();
        }
    }
}

/// Whether a node is or holds a picture, a video or an embed.
fn shows_media(node: NodeRef<'_, Node>) -> bool {
    node.descendants().any(|n| {
        n.value()
            .as_element()
            .is_some_and(|e| MEDIA.contains(&e.name()))
    })
}
