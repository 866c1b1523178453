#![doc = include_str!("../README.md")]

mod body;
mod dates;
mod kind;
mod language;
mod links;
mod meta;
mod prescan;

use scraper::Html;
use url::Url;

pub use links::Link;

/// What kind of page this is. The worker stores only articles but follows links from every kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// A single news story.
    Article,
    /// A page that mostly points at other pages: home, section, tag, author pages.
    Listing,
    /// Anything else.
    Other,
}

/// Everything read from one page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Article, listing or other.
    pub kind: PageKind,
    /// The headline (or the document title).
    pub title: Option<String>,
    /// Authors, when the page names them in metadata.
    pub authors: Vec<String>,
    /// Publication time from the page's metadata (JSON-LD, OpenGraph, `<time>`, itemprop) as
    /// RFC 3339 when it has a zone (`YYYY-MM-DDTHH:MM:SS` without one, the page's own text if
    /// unreadable), else the date in the URL (`YYYY-MM-DD`), else a date line a reader sees.
    pub published_at: Option<String>,
    /// Last modification time from the page's metadata, in the same form.
    pub modified_at: Option<String>,
    /// The page's own summary (`og:description`, `description`, JSON-LD).
    pub description: Option<String>,
    /// The lead image (`og:image`, `twitter:image`, JSON-LD), absolute.
    pub image: Option<Url>,
    /// The publication's name (`og:site_name`, JSON-LD publisher).
    pub site_name: Option<String>,
    /// The section the story runs in (`article:section`, JSON-LD `articleSection`).
    pub section: Option<String>,
    /// Tags or keywords (`article:tag`, JSON-LD `keywords`, `keywords`/`news_keywords` meta).
    pub tags: Vec<String>,
    /// The document language: `<html lang>` or `content-language` meta, else detected from
    /// the body text (ISO 639-1).
    pub language: Option<String>,
    /// `rel=canonical`, else `og:url`, resolved against the page.
    pub canonical_url: Option<Url>,
    /// Body text: paragraphs, headings, list items and quotes, separated by blank lines.
    pub text: String,
    /// Every outgoing http(s) link in document order, deduplicated.
    pub links: Vec<Link>,
}

/// Elements nested deeper than this are dropped before parsing (as browsers do).
const MAX_DEPTH: usize = 512;

/// Reads a page. Never panics; broken HTML is parsed the way browsers do, and nesting beyond
/// 512 levels is cut first, so time stays linear in the input.
pub fn extract(url: &Url, html: &str) -> Page {
    let html = prescan::prepare(html, MAX_DEPTH);
    let document = Html::parse_document(&html);
    let meta = meta::read(&document, url);
    let links = links::collect(&document, &meta.base);
    let mut body = body::extract(&document);
    let title = meta.title.clone().or_else(|| body.heading.clone());
    let (text, header) = split_header(&body.text, title.as_deref(), &meta.authors);
    let mut authors = meta.authors;
    if authors.is_empty() {
        authors.extend(header.iter().find_map(|line| byline_name(line)));
    }
    body.text = without_edge_furniture(&text, &authors);
    let marked = meta.says_article || body.from_article_element;
    let kind = kind::judge(url, &body, marked, links.len());
    Page {
        kind,
        title,
        authors,
        published_at: meta.published_at.or_else(|| dates::visible_date(&document)),
        modified_at: meta.modified_at,
        description: meta.description,
        image: meta.image,
        site_name: meta.site_name,
        section: meta.section,
        tags: meta.tags,
        language: meta.language.or_else(|| language::detect(&body.text)),
        canonical_url: meta.canonical,
        text: body.text,
        links,
    }
}

#[cfg(test)]
mod tests;

/// An element's `class` and `id`, read in one pass over its attributes (`Element::attr` makes an
/// atom of the name on every call, which shows in profiles when done per element).
fn class_and_id(element: &scraper::node::Element) -> [Option<&str>; 2] {
    let mut found = [None, None];
    for (name, value) in element.attrs() {
        match name {
            "class" => found[0] = Some(value),
            "id" => found[1] = Some(value),
            _ => {}
        }
    }
    found
}

/// A block before the story that only repeats its headline or carries its date line or byline
/// is page furniture, not text: such leading blocks are split off (and returned, for the
/// byline).
fn split_header<'a>(
    text: &'a str,
    title: Option<&str>,
    authors: &[String],
) -> (String, Vec<&'a str>) {
    let blocks: Vec<&str> = text.split("\n\n").collect();
    let mut header = Vec::new();
    for block in &blocks {
        let is_title = block.chars().count() <= DATE_LINE_CHARS
            && title.is_some_and(|t| !t.is_empty() && block.starts_with(t));
        let byline = is_line(block) && (byline_name(block).is_some() || names(block, authors));
        if is_title || is_date_line(block) || byline {
            header.push(*block);
        } else {
            break;
        }
    }
    if header.is_empty() {
        return (text.to_owned(), header);
    }
    (blocks[header.len()..].join("\n\n"), header)
}

/// Whether a line is a byline of the page's named authors in any language: every author's
/// full name is in it and few other words ("Par Élodie Martin", "Claire Dubois in Brussels",
/// "Von Jana Roe und Max Muster").
fn names(line: &str, authors: &[String]) -> bool {
    const OTHER_WORDS: usize = 4;
    if authors.is_empty() || line.chars().count() > DATE_LINE_CHARS {
        return false;
    }
    let mut rest = line.to_lowercase();
    for author in authors {
        let author = author.to_lowercase();
        // A single name ("AFP", "Staff") is too likely to be a word of a sentence.
        if !author.contains(' ') {
            return false;
        }
        let Some(at) = rest.find(&author) else {
            return false;
        };
        rest.replace_range(at..at + author.len(), " ");
    }
    rest.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .nth(OTHER_WORDS)
        .is_none()
}

/// The most characters a date line or byline has.
const DATE_LINE_CHARS: usize = 160;

/// Whether a block is a short line, not a sentence: it does not end as one.
fn is_line(block: &str) -> bool {
    block.chars().count() <= DATE_LINE_CHARS && !block.trim_end().ends_with(['.', '!', '?', '。'])
}

/// A date line ("First published February 1, 2016: 1:28 AM ET"), not a sentence that mentions
/// a date; also a short time stamp without a year ("最終更新:3/9(木) 18:45", "Updated 3/9 18:45").
fn is_date_line(block: &str) -> bool {
    const STAMP_CHARS: usize = 60;
    is_line(block)
        && (dates::find_date(block).is_some()
            || block.chars().count() <= STAMP_CHARS && is_time_stamp(block))
}

/// Whether a line holds a day of the month ("3/9", "3月9日") and a clock time ("18:45").
fn is_time_stamp(line: &str) -> bool {
    let bytes = line.as_bytes();
    let digit = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_digit);
    // A digit, then `separator`, then `after` digits.
    let joined = |separator: &[u8], after: usize| {
        memchr::memmem::find_iter(bytes, separator).any(|at| {
            at >= 1 && digit(at - 1) && (0..after).all(|k| digit(at + separator.len() + k))
        })
    };
    joined(b":", 2) && (joined(b"/", 1) || joined("月".as_bytes(), 1))
}

/// Lines at either end of the story that are not story: a line without a letter (a view
/// count, a slide counter "1 / 5"; a clock time only at the end, a video's "8:09", as a live
/// blog starts with one), the author's name alone, a rights notice; and at the end, a line
/// introducing the author ("Jane Roe is a reporter for ...", the bio box without its box), a
/// post's date and byline ("Posted on 15 October 2019 by Jane Roe."), a
/// Chinese closing credit ("[责任编辑:...]", "原标题：..."), a date line, or a label introducing
/// what is no longer there ("More games news:").
fn without_edge_furniture(text: &str, authors: &[String]) -> String {
    const BIO_CHARS: usize = 400;
    const RIGHTS_CHARS: usize = 200;
    // Chinese closing credits: editor, source, original title, author, producer.
    const EDITOR_CREDITS: &[&str] = &[
        "责任编辑",
        "[责任编辑",
        "【责任编辑",
        "（责任编辑",
        "(责任编辑",
        "编辑：",
        "来源：",
        "（来源：",
        "原标题：",
        "原标题:",
        "作者：",
        "作者︱",
        "出品︱",
    ];
    // A rights notice: "© 2016 The Example Times", "All rights reserved.", "未经授权，不得转载".
    let rights = |block: &str| {
        block.chars().count() <= RIGHTS_CHARS && {
            let lower = block.to_lowercase();
            // "Copyright 2016 ...", "Copyright © ...": not a sentence about copyright.
            let copyright = lower.strip_prefix("copyright").is_some_and(|rest| {
                rest.trim_start()
                    .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '©' | '('))
            });
            lower.starts_with(['©', 'ⓒ'])
                || copyright
                || lower.contains("all rights reserved")
                || lower.contains("不得转载")
        }
    };
    let no_letter = |block: &str| !block.chars().any(char::is_alphabetic);
    // A live blog's first entry starts with its time ("14:32"): that is the story.
    let clock = |block: &str| {
        block.split_once(':').is_some_and(|(h, m)| {
            (1..=2).contains(&h.len())
                && m.len() == 2
                && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
        })
    };
    let leading = |block: &str| {
        (no_letter(block) && !clock(block)) || authors.iter().any(|a| a == block) || rights(block)
    };
    const LABEL_WORDS: usize = 5;
    let label =
        |block: &str| block.ends_with(':') && block.split_whitespace().count() <= LABEL_WORDS;
    let trailing = |block: &str| {
        no_letter(block)
            || authors.iter().any(|a| a == block)
            || label(block)
            || is_date_line(block)
    };
    let closing = |block: &str| {
        // "Jane Roe is ...", also in capitals ("JANE ROE IS THE NETWORK'S POLITICAL EDITOR").
        let introduces_author = block.chars().count() <= BIO_CHARS
            && authors.iter().any(|a| {
                a.contains(' ')
                    && block
                        .get(..a.len())
                        .is_some_and(|s| s.eq_ignore_ascii_case(a))
                    && block[a.len()..].starts_with(' ')
            });
        // "Posted on Tuesday 15 October 2019 at 09:11 by Jane Roe.": the post's date and byline.
        let dated_byline = block.chars().count() <= DATE_LINE_CHARS
            && authors
                .iter()
                .any(|a| a.contains(' ') && block.contains(a.as_str()))
            && dates::find_date(block).is_some();
        introduces_author
            || dated_byline
            || EDITOR_CREDITS.iter().any(|c| block.starts_with(c))
            || rights(block)
    };
    let blocks: Vec<&str> = text.split("\n\n").collect();
    let start = blocks
        .iter()
        .position(|b| !leading(b))
        .unwrap_or(blocks.len());
    let end = blocks[start..]
        .iter()
        .rposition(|b| !trailing(b) && !closing(b))
        .map_or(start, |at| start + at + 1);
    if start >= end {
        // Nothing but furniture: leave it as it was rather than nothing.
        return text.to_owned();
    }
    blocks[start..end].join("\n\n")
}

/// The name in a visible byline: "By Jane Roe", "... by Jane Roe, Staff Writer".
fn byline_name(line: &str) -> Option<String> {
    let lower = line.to_lowercase();
    let at = if lower.starts_with("by ") {
        3
    } else {
        lower.find(" by ")? + 4
    };
    let mut name = Vec::new();
    for word in line.get(at..)?.split_whitespace().take(4) {
        if !word.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        let bare = word.trim_end_matches([',', ';', '|']);
        name.push(bare);
        if bare.len() != word.len() {
            break; // "Jane Roe, Staff Writer": the name ends at the comma
        }
    }
    let name = name.join(" ");
    let name = name.trim_end_matches('.');
    (name.split_whitespace().count() >= 2).then(|| name.to_owned())
}
