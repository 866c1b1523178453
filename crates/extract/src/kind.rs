//! What a page is: one story, a listing of others, or anything else.

use scraper::{ElementRef, Html};
use url::Url;

use crate::body::Body;
use crate::dates;
use crate::{Link, PageKind};

mod sections;
mod titles;

/// Minimum characters of body text for a page to count as an article, by `reading_weight`
/// (characters, not words: Chinese and Japanese do not separate words).
const MIN_ARTICLE_CHARS: usize = 250;

/// Minimum characters of body text (by `reading_weight`, spaces not counted) for a page that
/// says it is an article to count as one when its text is a brief: a sentence or two ("The
/// A12 is closed after a landslide; no one was hurt, police said."), ending as a sentence does.
const MIN_BRIEF_CHARS: usize = 60;

/// Prose paragraphs (blocks of at least `PROSE_BLOCK_CHARS`, by `reading_weight`) that make an
/// unmarked page an article when it shows a date or a byline: old pages say nothing about
/// themselves in their markup, and a site's "who we are" page is prose too, undated. Fewer
/// (`MIN_DATED_PROSE_BLOCKS`) do under a date line below the headline, as a story is dated and
/// a share-price page's one paragraph about the company under its quote time is no story.
const MIN_PROSE_BLOCKS: usize = 3;
const MIN_DATED_PROSE_BLOCKS: usize = 2;
const PROSE_BLOCK_CHARS: usize = 100;

/// A block this long makes an unmarked page an article on its own: one long text without
/// paragraph breaks (old pages break lines with single `<br>`s; a blog post may be one block).
const ESSAY_CHARS: usize = 1500;

/// Linked headlines in the story's text that make it a listing, when they outnumber its long
/// paragraphs (`LONG_BLOCK_CHARS`) more than twice and are at least half as many as its prose
/// paragraphs: a section front's summaries are a sentence or two, one per headline, while a
/// listicle's linked headings come with long paragraphs and a story of short paragraphs with a
/// few linked headlines below stays a story.
const MIN_TEASERS: usize = 3;
const LONG_BLOCK_CHARS: usize = 300;

/// Links to stories that make a page that is no story a listing (as do teasers, however few
/// links): links whose text reads as a headline (`HEADLINE_CHARS`), not a menu's "Sport" or a
/// quote page's "Associated Ports". A weather or share-price page with a few news links is
/// no listing.
const MIN_LISTING_LINKS: usize = 4;
const HEADLINE_CHARS: usize = 20;

/// Whether a link's text reads as a story's headline: long enough, by `reading_weight`, and no
/// web address (a page of feeds lists "https://paper.example/rss/news.xml").
fn reads_as_headline(text: &str) -> bool {
    let text = text.trim();
    let address = (text.starts_with("http") || text.starts_with("www.")) && !text.contains(' ');
    !address && text.chars().map(reading_weight).sum::<usize>() >= HEADLINE_CHARS
}

/// Whether a date line stands under the page's first `<h1>`, before any prose: "۷ آذر ۱۴۰۵ -
/// ۱۰:۴۵" under a headline. A writer's page has its bio there, and its stories' dates further
/// down; in a section of events the date is the event's.
pub(crate) fn dated_headline(url: &Url, document: &Html) -> bool {
    !sections::is_events_section(url)
        && crate::under_headline(document)
            .filter_map(|n| n.value().as_text().map(|t| t.trim()))
            .any(dates::holds_date)
}

/// Whether a page is known to be no story, whatever its text: a site's own page (privacy
/// policy, "about us", a subscription offer), one in a section that holds no stories (puzzles,
/// readers' comments), a WordPress site's page that is no post, a page titled as a site's own
/// ("How to reach us"), an error page or what a crawler is served in place of a story
/// (`titles`: the headline and the document's `<title>`).
pub(crate) fn is_no_story(
    url: &Url,
    document: &Html,
    titles: [Option<&str>; 2],
    text: &str,
) -> bool {
    sections::is_site_page(url)
        || sections::is_non_story_section(url)
        || is_wordpress_non_post(document)
        || titles::is_error_page(titles, text)
        || titles::is_site_page(titles)
}

/// Whether a page is one of WordPress's that hold no story, as its theme marks them in the
/// body's class at any permalink: the page of one uploaded file, a picture and its caption
/// (`attachment`), or a static page (`page-id-212`, `page-template-default`: "Work with us",
/// "How to reach us"), which SEO plugins mark `og:type=article` with a date like any post;
/// stories are posts.
fn is_wordpress_non_post(document: &Html) -> bool {
    document
        .root_element()
        .children()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "body")
        .and_then(|body| body.value().attr("class"))
        .is_some_and(|class| {
            class.split_ascii_whitespace().any(|c| {
                c == "attachment"
                    || c.starts_with("page-template")
                    || c.strip_prefix("page-id-")
                        .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
            })
        })
}

/// What a page says of itself besides its text.
pub(crate) struct Signs {
    /// Its markup says it is an article (`og:type`, JSON-LD, an `<article>` body, a publication
    /// date in its meta tags), or a byline and a date do.
    pub says_story: bool,
    /// Its URL's path holds a date.
    pub dated_url: bool,
    /// A date line stands under its headline (`dated_headline`).
    pub dated_headline: bool,
    /// It shows a date anywhere (in its meta tags or its text), not only when it was last
    /// updated, or names its authors: a story is dated or signed, a site's "who we are" page
    /// or its staff's bios neither, and a maintained page (a media kit, a list of school
    /// closings) shows only its last update.
    pub dated_or_signed: bool,
    /// A recording's player is on it, asked only when its text may be a brief (`has_player`).
    pub player: bool,
    /// Its markup says it is a person's profile (`og:type` profile): a writer's page.
    pub profile: bool,
}

/// Whether a page whose `text` is short enough to be a brief holds an `<audio>` or `<video>`
/// player: a sentence or two of text under one describe the recording (a podcast's episode),
/// and are no brief. A longer text is a story or not whatever players it has, so its document
/// is not walked.
pub(crate) fn has_player(document: &Html, text: &str) -> bool {
    // Visible characters weigh at least one each (`reading_weight`).
    let visible = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(MIN_ARTICLE_CHARS);
    visible.count() < MIN_ARTICLE_CHARS
        && document
            .root_element()
            .descendants()
            .filter_map(|n| n.value().as_element())
            .any(|e| matches!(e.name(), "audio" | "video"))
}

/// The page's kind, from its body text (after the edge furniture is cut), what it says of
/// itself (`Signs`) and how many of its links read as headlines;
/// a page known to be no story (`no_story`: an error page, a site's own page, a product) is
/// "other" whatever its text.
pub(crate) fn judge(
    url: &Url,
    body: &Body,
    signs: &Signs,
    links: &[Link],
    no_story: bool,
) -> PageKind {
    if no_story {
        return PageKind::Other;
    }
    let (mut chars, mut prose_blocks, mut long_blocks, mut essay) = (0, 0, 0, false);
    for block in body.text.split("\n\n") {
        let (mut length, mut visible) = (0, 0);
        for c in block.chars() {
            let weight = reading_weight(c);
            length += weight;
            if !c.is_whitespace() {
                visible += weight;
            }
        }
        chars += visible;
        prose_blocks += usize::from(length >= PROSE_BLOCK_CHARS);
        long_blocks += usize::from(length >= LONG_BLOCK_CHARS);
        essay |= length >= ESSAY_CHARS;
    }
    let listed =
        || links.iter().filter(|l| reads_as_headline(&l.text)).count() >= MIN_LISTING_LINKS;
    // A brief where the page says it is a story, or its URL is dated and it lists no stories: a
    // day's paper is dated too, its one sentence about the print edition under its headlines.
    // Not under a player, whose page's sentence or two describe the recording.
    let brief = (signs.says_story || signs.dated_url && !listed())
        && !signs.player
        && chars >= MIN_BRIEF_CHARS
        && body.text.trim_end().ends_with(crate::ends_sentence);
    // Prose makes a page that says nothing of itself a story only if it is dated or signed.
    let story = brief
        || chars >= MIN_ARTICLE_CHARS
            && (signs.says_story
                || signs.dated_url
                || signs.dated_or_signed
                    && (prose_blocks >= MIN_PROSE_BLOCKS
                        || signs.dated_headline && prose_blocks >= MIN_DATED_PROSE_BLOCKS
                        || essay));
    let headlines = body.linked_headlines;
    // A blog's page of its latest posts, each whole under its linked headline, lists them too.
    let teasers = body.posts >= MIN_TEASERS
        || headlines >= MIN_TEASERS && headlines > 2 * long_blocks && 2 * headlines >= prose_blocks;
    // A site's front page is never one story, whatever its markup says (some mark every page
    // `og:type=article`, and front pages are built of `<article>` teasers); nor is a writer's
    // page, a bio over links to the writer's stories (at a writer's URL or marked a profile),
    // unless its markup says it is a story: it lists the writer's stories, however few.
    let writer = !signs.says_story && (signs.profile || sections::is_writer_page(url));
    if story && !teasers && !writer && !is_front_page(url) {
        PageKind::Article
    } else if teasers || listed() || writer && links.iter().any(|l| reads_as_headline(&l.text)) {
        PageKind::Listing
    } else {
        PageKind::Other
    }
}

/// Whether a URL is a site's front page: its root or an index file there. (An edition's root,
/// `/es/`, is one too, but a two-letter path is as often a story's.)
fn is_front_page(url: &Url) -> bool {
    let path = url.path().trim_start_matches('/');
    path.is_empty()
        || path
            .strip_prefix("index.")
            .is_some_and(|ext| matches!(ext, "html" | "htm" | "php" | "asp" | "aspx" | "shtml"))
}

/// A character's length in characters of Latin-script text saying as much: a Chinese, Japanese
/// or Korean character counts three, as those scripts say in one character about what English
/// says in three (a news paragraph of 50 Chinese characters is a paragraph); any other one.
fn reading_weight(c: char) -> usize {
    const WIDE: usize = 3;
    let wide = crate::is_han(c)
        || matches!(u32::from(c),
            0x1100..=0x11FF // Hangul Jamo
            | 0x3040..=0x30FF // Hiragana, Katakana
            | 0xAC00..=0xD7AF); // Hangul syllables
    if wide { WIDE } else { 1 }
}
