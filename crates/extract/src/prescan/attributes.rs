//! Attributes nothing in extraction reads, found in a start tag as the HTML tokenizer reads it.

/// Attributes no part of extraction reads: scripts' data and handlers, embedded sources
/// (images, frames, scripts) and their sizes, form fields, tooltips and presentation. (`type`,
/// `color`, `face` and `size` stay: the parser or the boilerplate judgement reads them; so
/// does `style`, when it may hide its element, and so do `data-testid`, `data-component` and
/// `aria-label`, which name a byline or a box where generated classes do not.)
fn is_unread(name: &[u8]) -> bool {
    let mut buf = [0u8; 16];
    let Some(lower) = buf.get_mut(..name.len()) else {
        return name
            .get(..5)
            .is_some_and(|p| p.eq_ignore_ascii_case(b"data-"));
    };
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    (lower.starts_with(b"data-") && !matches!(&*lower, b"data-testid" | b"data-component"))
        || lower.starts_with(b"on")
        || matches!(
            &*lower,
            b"src"
                | b"srcset"
                | b"sizes"
                | b"poster"
                | b"value"
                | b"placeholder"
                | b"autocomplete"
                | b"action"
                | b"method"
                | b"hreflang"
                | b"referrerpolicy"
                | b"fetchpriority"
                | b"sandbox"
                | b"nonce"
                | b"async"
                | b"defer"
                | b"width"
                | b"height"
                | b"alt"
                | b"title"
                | b"target"
                | b"tabindex"
                | b"loading"
                | b"decoding"
                | b"crossorigin"
                | b"integrity"
                | b"media"
                | b"aria-labelledby"
                | b"aria-describedby"
                | b"aria-controls"
                | b"aria-expanded"
                | b"aria-haspopup"
                | b"frameborder"
                | b"allow"
                | b"allowfullscreen"
                | b"border"
                | b"cellpadding"
                | b"cellspacing"
                | b"align"
                | b"valign"
                | b"bgcolor"
        )
}

/// Whether a `style` value may hide its element: the boilerplate judgement reads it only for
/// `display: none` and `visibility: hidden`, so a style with neither word is not read.
fn may_hide(value: &[u8]) -> bool {
    value
        .windows(4)
        .any(|w| w.eq_ignore_ascii_case(b"none") || w.eq_ignore_ascii_case(b"hidd"))
}

/// Adds to `cuts` the unread attributes (with the space before each) of a start tag whose
/// attributes begin at `from` and which ends just before `end`, read as the HTML tokenizer
/// reads them. A tag it cannot read to the same end as `tag_end` keeps all its attributes.
pub(super) fn unread_attributes(
    bytes: &[u8],
    from: usize,
    end: usize,
    cuts: &mut Vec<(usize, usize)>,
) {
    let Some(stop) = end
        .checked_sub(1)
        .filter(|s| *s >= from && bytes[*s] == b'>')
    else {
        return;
    };
    let space = |at: usize| at < stop && bytes[at].is_ascii_whitespace();
    let mut found = Vec::new();
    let mut at = from;
    loop {
        let before = at;
        while space(at) || (at < stop && bytes[at] == b'/') {
            at += 1;
        }
        if at >= stop {
            break;
        }
        let name_start = at;
        at += 1; // a name may start with '='
        while at < stop && !bytes[at].is_ascii_whitespace() && !matches!(bytes[at], b'/' | b'=') {
            at += 1;
        }
        let name = &bytes[name_start..at];
        let mut value = at..at;
        let mut after = at;
        while space(after) {
            after += 1;
        }
        if after < stop && bytes[after] == b'=' {
            after += 1;
            while space(after) {
                after += 1;
            }
            let value_start = after;
            if after < stop && matches!(bytes[after], b'"' | b'\'') {
                let Some(close) = memchr::memchr(bytes[after], &bytes[after + 1..stop]) else {
                    return;
                };
                after += close + 2;
            } else {
                while after < stop && !bytes[after].is_ascii_whitespace() {
                    after += 1;
                }
            }
            value = value_start..after;
            at = after;
        }
        if is_unread(name) || name.eq_ignore_ascii_case(b"style") && !may_hide(&bytes[value]) {
            found.push((before, at));
        }
    }
    cuts.extend(found);
}

#[cfg(test)]
mod tests {
    use super::super::prepare;

    #[test]
    fn attributes_nothing_reads_are_dropped() {
        // ("t/" is the title's whole value: a slash ends no unquoted value.)
        let html = "<p class=lead data-x=\"1 > 2\" ONCLICK='go()' id = main\ttitle=t/>\
            <img src=a.jpg srcset=\"a.jpg 1x, b.jpg 2x\" alt=\"\"><a href=/x data-y>x</a>\
            <div style=\"display:none\" width=3 role=note>y</div>\
            <span style=\"color: red\">z</span><i STYLE='Visibility: Hidden'>w</i>";
        assert_eq!(
            prepare(html, 10),
            "<p class=lead id = main><img><a href=/x>x</a>\
            <div style=\"display:none\" role=note>y</div>\
            <span>z</span><i STYLE='Visibility: Hidden'>w</i>"
        );
        // An unclosed quote: the tag is left as it is.
        let html = "<p data-x=\"a>b</p>";
        assert_eq!(prepare(html, 10), html);
    }
}
