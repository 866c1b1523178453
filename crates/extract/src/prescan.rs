//! One light scan of the document before the HTML parser sees it.
//!
//! It bounds element nesting: html5ever's tree builder looks through the stack of open elements
//! for many start tags, so a document nested 100,000 levels deep costs quadratic time (about
//! 90 s in a debug build). Browsers cap the depth instead (Blink at 512: deeper elements become
//! siblings). The scan does the same: it tracks open elements and drops the start tags beyond
//! the cap, and their end tags with them.
//!
//! And it drops comments and empties `<script>`, `<style>` and `<svg>` elements, keeping their
//! tags: no part of extraction reads them (JSON-LD scripts excepted, which stay whole), and on
//! the development set they are 49 % of the bytes the parser would otherwise read into the tree.
//! Of what is left, it drops the attributes nothing reads (`data-*`, event handlers, image
//! sources and sizes, form values, tooltips, styles that hide nothing): each is bytes to lex and
//! an allocation in the tree.
//! And it shrinks the indentation between two tags to its first character (outside `<pre>` and
//! `<listing>`): every later step collapses whitespace and the text node stays. On the
//! development set that is 3.3 MB; all the cuts together leave the parser 7.4 MB of 25.7 MB.

use std::borrow::Cow;
use std::collections::HashMap;

mod attributes;

use attributes::unread_attributes;

/// How a start tag bears on nesting.
#[derive(PartialEq, Eq)]
enum Tag {
    /// Never has content (`<br>`).
    Void,
    /// Its content is text up to its end tag (`<title>`).
    RawText,
    /// Raw text no part of extraction reads: `<script>` and `<style>`.
    Unread,
    /// Markup no part of extraction reads: `<svg>` drawings.
    Drawing,
    /// The parser closes it by itself when a sibling starts (`<p>a<p>b`): it does not nest.
    ClosedBySibling,
    /// Opens a level.
    Nesting,
}

fn classify(name: &str) -> Tag {
    let mut buf = [0u8; 10];
    let Some(lower) = buf.get_mut(..name.len()) else {
        return Tag::Nesting; // no name below is this long
    };
    lower.copy_from_slice(name.as_bytes());
    lower.make_ascii_lowercase();
    match &*lower {
        b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"link"
        | b"meta" | b"param" | b"source" | b"track" | b"wbr" | b"keygen" => Tag::Void,
        b"script" | b"style" => Tag::Unread,
        b"svg" => Tag::Drawing,
        b"textarea" | b"title" | b"xmp" | b"iframe" | b"noembed" | b"noframes" | b"plaintext" => {
            Tag::RawText
        }
        b"p" | b"li" | b"dt" | b"dd" | b"option" | b"optgroup" | b"tr" | b"td" | b"th"
        | b"tbody" | b"thead" | b"tfoot" | b"rb" | b"rt" | b"rp" | b"rtc" => Tag::ClosedBySibling,
        _ => Tag::Nesting,
    }
}

/// The document with start tags nested deeper than `max` removed (with their end tags),
/// comments removed, and scripts other than JSON-LD, styles and drawings emptied.
pub(crate) fn prepare(html: &str, max: usize) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut nesting = Nesting::new(max);
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    // Open `<pre>` and `<listing>` elements, whose whitespace is kept as written.
    let mut verbatim = 0usize;
    let mut i = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[i..]) {
        let start = i + offset;
        if verbatim == 0
            && offset >= 2
            && i > 0
            && bytes[i - 1] == b'>'
            && bytes[i..start].iter().all(u8::is_ascii_whitespace)
        {
            // Indentation between two tags: one whitespace character keeps the text node.
            cuts.push((i + 1, start));
        }
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            i = find(bytes, start + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            cuts.push((start, i));
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = tag_end(bytes, start + 2);
            continue;
        }
        let closing = rest.starts_with(b"</");
        let name_start = start + if closing { 2 } else { 1 };
        let Some(name_len) = tag_name_len(bytes, name_start) else {
            i = start + 1;
            continue;
        };
        let name = &html[name_start..name_start + name_len];
        let end = tag_end(bytes, name_start + name_len);
        i = end;
        if name.eq_ignore_ascii_case("pre") || name.eq_ignore_ascii_case("listing") {
            verbatim = if closing {
                verbatim.saturating_sub(1)
            } else {
                verbatim + 1
            };
        }
        if closing {
            if nesting.close(name) {
                cuts.push((start, end));
            }
            continue;
        }
        i = start_tag(
            html,
            name,
            start..end,
            name_start + name_len,
            &mut nesting,
            &mut cuts,
        );
    }
    splice(html, &cuts)
}

/// The cuts a start tag (`tag` its bytes, its attributes from `attributes_from`) calls for:
/// its unread attributes, the content of a script or a drawing, the tag itself beyond the
/// nesting cap. Returns where the scan goes on.
fn start_tag<'a>(
    html: &'a str,
    name: &'a str,
    tag: std::ops::Range<usize>,
    attributes_from: usize,
    nesting: &mut Nesting<'a>,
    cuts: &mut Vec<(usize, usize)>,
) -> usize {
    let bytes = html.as_bytes();
    let (start, end) = (tag.start, tag.end);
    let kind = classify(name);
    if matches!(kind, Tag::RawText | Tag::Unread) {
        unread_attributes(bytes, attributes_from, end, cuts);
        return skip_content(html, name, attributes_from, end, kind, cuts);
    }
    let self_closed = end >= 2 && bytes[end - 2] == b'/';
    if self_closed || matches!(kind, Tag::Void | Tag::ClosedBySibling) {
        unread_attributes(bytes, attributes_from, end, cuts);
        return end;
    }
    if nesting.open(name) {
        unread_attributes(bytes, attributes_from, end, cuts);
    } else {
        cuts.push((start, end));
    }
    if kind == Tag::Drawing {
        // Up to its end tag (an `<svg>` inside it ends the cut early, which is harmless).
        let to = find_ignore_case(bytes, end, b"</svg").unwrap_or(bytes.len());
        if to > end {
            cuts.push((end, to));
        }
        return to;
    }
    end
}

/// The length of the tag name starting at `at` ("div", "my-widget", "svg:path"), if a name
/// starts there.
fn tag_name_len(bytes: &[u8], at: usize) -> Option<usize> {
    let len = bytes[at..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
        .count();
    (len > 0 && bytes[at].is_ascii_alphabetic()).then_some(len)
}

/// Past the content of a script, style or other element whose content is not markup, from
/// the end of its start tag (`end`) to its end tag: cut when nothing reads it (JSON-LD is
/// read). Returns where the scan goes on.
fn skip_content(
    html: &str,
    name: &str,
    attributes_from: usize,
    end: usize,
    tag: Tag,
    cuts: &mut Vec<(usize, usize)>,
) -> usize {
    let bytes = html.as_bytes();
    let close = format!("</{name}");
    let to = find_ignore_case(bytes, end, close.as_bytes()).unwrap_or(bytes.len());
    let attributes = &html[attributes_from..end];
    if tag == Tag::Unread && to > end && !attributes.to_ascii_lowercase().contains("ld+json") {
        cuts.push((end, to));
    }
    to
}

/// The elements open at a point of the scan, and the start tags dropped beyond the cap, whose
/// end tags go with them. Names as written, compared without regard to case: no allocation
/// per tag.
struct Nesting<'a> {
    max: usize,
    open: Vec<&'a str>,
    dropped: HashMap<String, usize>,
}

impl<'a> Nesting<'a> {
    fn new(max: usize) -> Self {
        Self {
            max,
            open: Vec::new(),
            dropped: HashMap::new(),
        }
    }

    /// Opens a level for a start tag; false when it lies beyond the cap and is dropped.
    fn open(&mut self, name: &'a str) -> bool {
        if self.open.len() >= self.max {
            *self.dropped.entry(name.to_ascii_lowercase()).or_default() += 1;
            return false;
        }
        self.open.push(name);
        true
    }

    /// Closes the level an end tag ends; true when its start tag was dropped, so it goes too.
    fn close(&mut self, name: &str) -> bool {
        if !self.dropped.is_empty()
            && let Some(n) = self
                .dropped
                .get_mut(&name.to_ascii_lowercase())
                .filter(|n| **n > 0)
        {
            *n -= 1;
            return true;
        }
        if let Some(at) = self.open.iter().rposition(|o| o.eq_ignore_ascii_case(name)) {
            self.open.truncate(at);
        }
        false
    }
}

/// `html` without the byte ranges in `cuts` (in order, not overlapping); untouched, without a
/// copy, when there are none.
fn splice<'a>(html: &'a str, cuts: &[(usize, usize)]) -> Cow<'a, str> {
    if cuts.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for &(from, to) in cuts {
        out.push_str(&html[at..from]);
        at = to;
    }
    out.push_str(&html[at..]);
    Cow::Owned(out)
}

/// The index just past the `>` that ends a tag begun before `from`, quotes respected.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut at = from.min(bytes.len());
    while let Some(offset) = memchr::memchr3(b'>', b'"', b'\'', &bytes[at..]) {
        let b = bytes[at + offset];
        if b == b'>' {
            return at + offset + 1;
        }
        // A quoted attribute value: skip to its closing quote.
        let Some(close) = memchr::memchr(b, &bytes[at + offset + 1..]) else {
            break;
        };
        at += offset + 1 + close + 1;
    }
    bytes.len()
}

/// Where `needle` (which starts with `<` or `-`) next occurs from `from`, jumping between
/// occurrences of its first byte.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    find_by(bytes, from, needle, |a, b| a == b)
}

fn find_ignore_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    find_by(bytes, from, needle, <[u8]>::eq_ignore_ascii_case)
}

fn find_by(
    bytes: &[u8],
    from: usize,
    needle: &[u8],
    same: impl Fn(&[u8], &[u8]) -> bool,
) -> Option<usize> {
    let first = *needle.first()?;
    let mut at = from;
    while at < bytes.len() {
        at += memchr::memchr(first, &bytes[at..])?;
        if bytes
            .get(at..at + needle.len())
            .is_some_and(|w| same(w, needle))
        {
            return Some(at);
        }
        at += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_documents_without_code_are_untouched() {
        let html = "<html><body><div><p>a<p>b</div><title>a<b</title></body></html>";
        assert!(matches!(prepare(html, 4), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_cut_with_its_end_tags() {
        let html = format!(
            "<div>{}x{}</div><p>after</p>",
            "<b>".repeat(10),
            "</b>".repeat(10)
        );
        let capped = prepare(&html, 3);
        assert_eq!(capped, "<div><b><b>x</b></b></div><p>after</p>");
    }

    #[test]
    fn quotes_comments_and_raw_text_do_not_confuse_the_scan() {
        let html = "<div class='a>b'><!-- <div><div> --><style>div>div{}</style><div>x</div></div>";
        assert_eq!(
            prepare(html, 2),
            "<div class='a>b'><style></style><div>x</div></div>"
        );
        let html = "<div><div><div>x</div></div></div>";
        assert_eq!(prepare(html, 2), "<div><div>x</div></div>");
    }

    #[test]
    fn indentation_between_tags_shrinks_to_one_character_except_in_pre() {
        let html = "<ul>\n    <li>a</li>\n\t  <li>b  c</li> <li>d</li>\n</ul>\
            <PRE>\n  <b>x</b>\n    <i>y</i></pre>  \n<p>a <  b</p>";
        assert_eq!(
            prepare(html, 10),
            "<ul>\n<li>a</li>\n<li>b  c</li> <li>d</li>\n</ul>\
            <PRE>\n  <b>x</b>\n    <i>y</i></pre> <p>a <  b</p>"
        );
    }

    #[test]
    fn scripts_styles_and_drawings_are_emptied_but_json_ld_is_kept() {
        let html = "<head><script>if (a<b) { x('</div>') }</script>\
            <SCRIPT type=\"application/ld+json\">{\"headline\": \"H\"}</SCRIPT>\
            <style>p{}</style><script src=x.js></script></head><p>text</p>\
            <svg viewBox=\"0 0 1 1\"><path d=\"M0 0\"/><g><circle/></g></svg><p>more</p>";
        assert_eq!(
            prepare(html, 10),
            "<head><script></script>\
            <SCRIPT type=\"application/ld+json\">{\"headline\": \"H\"}</SCRIPT>\
            <style></style><script></script></head><p>text</p>\
            <svg viewBox=\"0 0 1 1\"></svg><p>more</p>"
        );
    }
}
