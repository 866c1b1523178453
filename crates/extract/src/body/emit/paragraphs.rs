//! Inline text into paragraphs: split at double line breaks, a single one kept where the
//! reader sees a line end, link text and closing credits weighed.

use super::super::credits::{CAPTION, without_closing_credit};
use super::super::labels::{is_furniture, is_pointer};
use super::{LINE_BREAK, LINK_END, LINK_START};

/// What to do with a paragraph of link text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Links {
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
pub(super) fn push_paragraphs(raw: &str, links: Links, blocks: &mut Vec<String>) {
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
    let kept = without_closing_credit(&text).len();
    if kept < text.len() {
        // A picture's caption, known by its credit: marked, for `credits::settle_captions`.
        text.truncate(kept);
        text.insert(0, CAPTION);
    }
    if !text.is_empty() && !is_furniture(&text) {
        blocks.push(text);
    }
}
