//! A bound on element nesting before the HTML parser sees the document.
//!
//! html5ever's tree builder looks through the stack of open elements for many start tags, so
//! a document nested 100,000 levels deep costs quadratic time (about 90 s in a debug build).
//! Browsers cap the depth instead (Blink at 512: deeper elements become siblings). This pass
//! does the same in front of the parser: a light scan that tracks open elements and drops the
//! start tags beyond the cap, and their end tags with them. Documents within the cap are
//! handed on untouched, without a copy.

use std::borrow::Cow;
use std::collections::HashMap;

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// Elements whose content is text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// Elements the parser closes by itself when a sibling starts (`<p>a<p>b`): they do not nest.
const SELF_CLOSING_SIBLINGS: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "rb",
    "rt", "rp", "rtc",
];

/// The document with start tags nested deeper than `max` removed (with their end tags).
pub(crate) fn cap_depth(html: &str, max: usize) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    // Names as written (compared without regard to case): no allocation per tag.
    let mut open: Vec<&str> = Vec::new();
    let mut dropped: HashMap<String, usize> = HashMap::new();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + offset;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            i = find(bytes, start + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = tag_end(bytes, start + 2);
            continue;
        }
        let closing = rest.starts_with(b"</");
        let name_start = start + if closing { 2 } else { 1 };
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let name = &html[name_start..name_start + name_len];
        let is = |list: &[&str]| list.iter().any(|n| n.eq_ignore_ascii_case(name));
        let end = tag_end(bytes, name_start + name_len);
        if closing {
            let dropped_here = if dropped.is_empty() {
                None
            } else {
                dropped
                    .get_mut(&name.to_ascii_lowercase())
                    .filter(|n| **n > 0)
            };
            if let Some(n) = dropped_here {
                *n -= 1;
                cuts.push((start, end));
            } else if let Some(at) = open.iter().rposition(|o| o.eq_ignore_ascii_case(name)) {
                open.truncate(at);
            }
            i = end;
            continue;
        }
        let self_closed = end >= 2 && bytes[end - 2] == b'/';
        if is(RAW_TEXT) {
            // Skip the content: markup inside a script is not markup.
            let close = format!("</{name}");
            i = find_ignore_case(bytes, end, close.as_bytes()).unwrap_or(bytes.len());
            continue;
        }
        i = end;
        if self_closed || is(VOID) || is(SELF_CLOSING_SIBLINGS) {
            continue;
        }
        if open.len() >= max {
            *dropped.entry(name.to_ascii_lowercase()).or_default() += 1;
            cuts.push((start, end));
        } else {
            open.push(name);
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (from, to) in cuts {
        out.push_str(&html[at..from]);
        at = to;
    }
    out.push_str(&html[at..]);
    Cow::Owned(out)
}

/// The index just past the `>` that ends a tag begun before `from`, quotes respected.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote: Option<u8> = None;
    for (offset, &b) in bytes[from.min(bytes.len())..].iter().enumerate() {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return from + offset + 1,
            _ => {}
        }
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
        at += bytes[at..].iter().position(|&b| b == first)?;
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
    fn shallow_documents_are_untouched() {
        let html = "<html><body><div><p>a<p>b</div><script>if (a<b) {}</script></body></html>";
        assert!(matches!(cap_depth(html, 4), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_cut_with_its_end_tags() {
        let html = format!(
            "<div>{}x{}</div><p>after</p>",
            "<b>".repeat(10),
            "</b>".repeat(10)
        );
        let capped = cap_depth(&html, 3);
        assert_eq!(capped, "<div><b><b>x</b></b></div><p>after</p>");
    }

    #[test]
    fn quotes_comments_and_raw_text_do_not_confuse_the_scan() {
        let html = "<div title='a>b'><!-- <div><div> --><style>div>div{}</style><div>x</div></div>";
        assert!(matches!(cap_depth(html, 2), Cow::Borrowed(_)));
        let html = "<div><div><div>x</div></div></div>";
        assert_eq!(cap_depth(html, 2), "<div><div>x</div></div>");
    }
}
