#![doc = include_str!("../README.md")]

mod body;
mod dates;
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

/// Minimum characters of body text for a page to count as an article, by `reading_weight`
/// (characters, not words: Chinese and Japanese do not separate words).
const MIN_ARTICLE_CHARS: usize = 250;

/// Prose paragraphs (blocks of at least `PROSE_BLOCK_CHARS`, by `reading_length`) that make an
/// unmarked page an article: old pages say nothing about themselves in their markup.
const MIN_PROSE_BLOCKS: usize = 3;
const PROSE_BLOCK_CHARS: usize = 100;

/// A block this long (by `reading_length`) makes an unmarked page an article on its own.
const ESSAY_CHARS: usize = 1500;

/// Linked headlines in the story's text that make it a listing, when they outnumber its long
/// paragraphs (`LONG_BLOCK_CHARS`, by `reading_length`) more than twice and are at least half
/// as many as its prose paragraphs: a section front's summaries are a sentence or two, one per
/// headline, while a story of short paragraphs with a few linked headlines below stays a story.
const MIN_TEASERS: usize = 3;
const LONG_BLOCK_CHARS: usize = 300;

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
    let (text, header) = split_header(&body.text, title.as_deref());
    let mut authors = meta.authors;
    if authors.is_empty() {
        authors.extend(header.iter().find_map(|line| byline_name(line)));
    }
    body.text = without_edge_furniture(&text, &authors);
    let chars: usize = body
        .text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(reading_weight)
        .sum();
    let prose_blocks = body
        .text
        .split("\n\n")
        .filter(|b| reading_length(b) >= PROSE_BLOCK_CHARS)
        .count();
    let marked = meta.says_article || body.from_article_element;
    // One long text without paragraph breaks (old pages break lines with single `<br>`s; a
    // blog post may be one block) reads like a story too.
    let essay = body
        .text
        .split("\n\n")
        .any(|b| reading_length(b) >= ESSAY_CHARS);
    let story = chars >= MIN_ARTICLE_CHARS && (marked || prose_blocks >= MIN_PROSE_BLOCKS || essay);
    // Headlines of other stories with a short summary each are a section front; a listicle's
    // linked headings come with long paragraphs of their own.
    let long_blocks = body
        .text
        .split("\n\n")
        .filter(|b| reading_length(b) >= LONG_BLOCK_CHARS)
        .count();
    let teasers = body.linked_headlines >= MIN_TEASERS
        && body.linked_headlines > 2 * long_blocks
        && 2 * body.linked_headlines >= prose_blocks;
    // A site's front page is never one story, whatever its markup says (some mark every page
    // `og:type=article`, and front pages are built of `<article>` teasers).
    let kind = if story && !teasers && !is_front_page(url) {
        PageKind::Article
    } else if links.len() >= 10 {
        PageKind::Listing
    } else {
        PageKind::Other
    };
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

/// Whether a URL is a site's front page: its root or an index file there. (An edition's root,
/// `/es/`, is one too, but a two-letter path is as often a story's.)
fn is_front_page(url: &Url) -> bool {
    let path = url.path().trim_start_matches('/');
    path.is_empty()
        || path
            .strip_prefix("index.")
            .is_some_and(|ext| matches!(ext, "html" | "htm" | "php" | "asp" | "aspx" | "shtml"))
}

/// A block's length in characters of Latin-script text saying as much (`reading_weight`).
fn reading_length(block: &str) -> usize {
    block.chars().map(reading_weight).sum()
}

/// A Chinese, Japanese or Korean character counts three, as those scripts say in one character
/// about what English says in three (a news paragraph of 50 Chinese characters is a paragraph);
/// any other character one.
fn reading_weight(c: char) -> usize {
    const WIDE: usize = 3;
    let wide = matches!(u32::from(c),
        0x1100..=0x11FF // Hangul Jamo
        | 0x3040..=0x30FF // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK Extension A
        | 0x4E00..=0x9FFF // CJK Unified Ideographs
        | 0xAC00..=0xD7AF // Hangul syllables
        | 0xF900..=0xFAFF // CJK Compatibility Ideographs
        | 0x20000..=0x2FFFF); // CJK Extensions B and later
    if wide { WIDE } else { 1 }
}

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

/// A block before the story that only repeats its headline or carries its date line is page
/// furniture, not text: such leading blocks are split off (and returned, for the byline).
fn split_header<'a>(text: &'a str, title: Option<&str>) -> (String, Vec<&'a str>) {
    let blocks: Vec<&str> = text.split("\n\n").collect();
    let mut header = Vec::new();
    for block in &blocks {
        let is_title = block.chars().count() <= DATE_LINE_CHARS
            && title.is_some_and(|t| !t.is_empty() && block.starts_with(t));
        if is_title || is_date_line(block) || byline_name(block).is_some() && is_line(block) {
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

/// The most characters a date line or byline has.
const DATE_LINE_CHARS: usize = 160;

/// Whether a block is a short line, not a sentence: it does not end as one.
fn is_line(block: &str) -> bool {
    block.chars().count() <= DATE_LINE_CHARS && !block.trim_end().ends_with(['.', '!', '?', '。'])
}

/// A date line ("First published February 1, 2016: 1:28 AM ET"), not a sentence that mentions
/// a date.
fn is_date_line(block: &str) -> bool {
    is_line(block) && dates::find_date(block).is_some()
}

/// Lines at either end of the story that are not story: a line without a letter (a view
/// count, a slide counter "1 / 5"; a clock time only at the end, a video's "8:09", as a live
/// blog starts with one), the author's name alone; and at the end, a line introducing the
/// author ("Jane Roe is a reporter for ...", the bio box without its box), a Chinese closing
/// credit ("[责任编辑:...]", "原标题：..."), a date line, or a label introducing what is no
/// longer there ("More games news:").
fn without_edge_furniture(text: &str, authors: &[String]) -> String {
    const BIO_CHARS: usize = 400;
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
    let no_letter = |block: &str| !block.chars().any(char::is_alphabetic);
    // A live blog's first entry starts with its time ("14:32"): that is the story.
    let clock = |block: &str| {
        block.split_once(':').is_some_and(|(h, m)| {
            (1..=2).contains(&h.len())
                && m.len() == 2
                && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
        })
    };
    let leading =
        |block: &str| (no_letter(block) && !clock(block)) || authors.iter().any(|a| a == block);
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
        introduces_author || EDITOR_CREDITS.iter().any(|c| block.starts_with(c))
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
