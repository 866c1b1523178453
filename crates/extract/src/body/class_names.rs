//! What class and id names say: words and phrases of boilerplate, of the story and of a
//! standfirst, names that hide text from sight, camel-case parts; each name is judged once.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

mod whole;

use whole::{is_state, is_story_name};

/// Class or id words that mark boilerplate.
const BOILERPLATE_WORDS: &[&str] = &[
    "related",
    "share",
    "sharing",
    "social",
    "comment",
    "comments",
    "newsletter",
    "subscribe",
    "subscription",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "annonce",
    "annons",
    "annonse",
    "publicitate",
    "reklama",
    "reklame",
    "werbung",
    "sidebar",
    "sidebox",
    "bio",
    "widget",
    "breadcrumb",
    "breadcrumbs",
    "cookie",
    "cookies",
    "popup",
    "modal",
    "recommended",
    "trending",
    "menu",
    "nav",
    "navbar",
    "footer",
    "teaser",
    "teasers",
    "sponsor",
    "sponsored",
    "product",
    "outbrain",
    "taboola",
    "zergnet",
    "masthead",
    "banner",
    "byline",
    "tags",
    "toolbar",
    "skip",
    "signup",
    "paywall",
    "disqus",
    "rating",
    "pagination",
    "pager",
    "player",
    "vid",
    "video",
    "countdown",
    "gallery",
    "slideshow",
    "carousel",
    "credit",
    "credits",
    "caption",
    "captions",
    "editsection",
    "donate",
    "donation",
    "donations",
    "follow",
    "support",
    "sources",
];

/// Class or id words of widgets that are boilerplate even beside a story word: "article-sharing"
/// holds share buttons, "story-comments" the readers' comments, "caption-text" a picture's
/// caption, never the story.
const WIDGET_WORDS: &[&str] = &[
    "caption",
    "captions",
    "share",
    "sharing",
    "social",
    "newsletter",
    "promo",
    "comment",
    "comments",
    "outbrain",
    "taboola",
    "zergnet",
    "disqus",
    "donate",
    "donation",
    "donations",
];

/// Class or id words of readers' comments in other languages than English: widgets' words
/// (`WIDGET_WORDS`) as "comments" is.
const FOREIGN_COMMENT_WORDS: &[&str] = &[
    "comentarios",
    "commentaires",
    "commenti",
    "kommentare",
    "kommentarer",
    "komentarze",
    "reacties",
];

/// Class or id words that name the standfirst under the headline, which human labels of article
/// bodies leave out: boilerplate even beside a story word ("article-dek").
pub(super) const STANDFIRST_WORDS: &[&str] = &[
    "standfirst",
    "dek",
    "strapline",
    "sumario",
    "entradilla",
    "chapeau",
    "chapo",
    "bajada",
    "copete",
    "sottotitolo",
    "vorspann",
    "sommario",
    "manchet",
    "ingress",
    "ingressi",
];

/// Class or id phrases that mark boilerplate.
const BOILERPLATE_PHRASES: &[&str] = &[
    "author-box",
    "author_box",
    "authorbox",
    "about-author",
    "about_author",
    "author-bio",
    "authorbio",
    "author-info",
    "check-also",
    "read-more",
    "readmore",
    "most-read",
    "mostread",
    "more-stories",
    "post-tags",
    "also-read",
    "see-also",
    "you-may",
    "further-reading",
    "social-",
    "share-",
    "sharebtn",
    "jp-relatedposts",
    "yarpp",
    "wp-caption-text",
    // A picture's description set beside it: "img_desc", "photo-desc".
    "img_desc",
    "img-desc",
    "image_desc",
    "image-desc",
    "photo_desc",
    "photo-desc",
    "video-js",
    "jwplayer",
    // Charts drawn by ai2html: their axis labels and ticks are positioned text.
    "ai2html",
];

/// Class names that hide an element (Bootstrap, Tailwind, WordPress, screen-reader-only text),
/// unless a responsive class shows it again (`hidden md:block`).
const HIDDEN_CLASSES: &[&str] = &[
    "hidden",
    "is-hidden",
    "hide",
    "d-none",
    "visually-hidden",
    "visuallyhidden",
    "sr-only",
    "screen-reader-text",
];

/// Ends of generated class names that hide text from sight for screen readers
/// ("ssrcss-1f39n02-VisuallyHidden", "u-visually-hidden"), lowercase.
const SCREEN_READER_SUFFIXES: &[&str] = &["visuallyhidden", "visually-hidden", "sr-only"];

/// Class or id words that mark the story itself.
const POSITIVE_WORDS: &[&str] = &[
    "article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story",
    "prose", "hentry", "detail",
];

/// Story words that name the story's container and nothing else: unlike "text" or "content",
/// no utility class (Tailwind's "text-14", "content-center") is built of them.
const STORY_NAMES: &[&str] = &[
    "article", "story", "entry", "post", "blog", "hentry", "prose",
];

/// What a word in a class or id name says.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Word {
    Boilerplate,
    Story,
}

/// What a part of a class or id name is: a word, or two run together ("commentspanel"),
/// the second starting at this byte.
#[derive(Clone, Copy)]
enum Entry {
    Is(Word),
    Joined(usize),
}

/// `BOILERPLATE_WORDS` (with `FOREIGN_COMMENT_WORDS`) and `POSITIVE_WORDS`, and each of them
/// run together with another or with a holder's name, in one table: a part of a name is looked
/// up once (ids are judged for every element).
static NAME_WORDS: LazyLock<FxHashMap<Box<str>, Entry>> = LazyLock::new(|| {
    let boilerplate = BOILERPLATE_WORDS
        .iter()
        .chain(FOREIGN_COMMENT_WORDS)
        .map(|w| (*w, Word::Boilerplate));
    let story = POSITIVE_WORDS.iter().map(|w| (*w, Word::Story));
    let single: Vec<(&str, Word)> = boilerplate.chain(story).collect();
    let ends: Vec<&str> = HOLDERS
        .iter()
        .copied()
        .chain(single.iter().map(|w| w.0))
        .collect();
    let mut table = FxHashMap::default();
    table.reserve(single.len() * (ends.len() + 1));
    for (head, _) in &single {
        for end in &ends {
            let joined: Box<str> = [*head, *end].concat().into();
            table.insert(joined, Entry::Joined(head.len()));
        }
    }
    // (Words win over joins that spell them: "advert" is no "ad" and "vert".)
    for (w, kind) in single {
        table.insert(w.into(), Entry::Is(kind));
    }
    table
});

/// What a word of a class or id name says, if anything.
pub(super) fn word(word: &str) -> Option<Word> {
    match NAME_WORDS.get(word) {
        Some(Entry::Is(w)) => Some(*w),
        _ => None,
    }
}

/// `BOILERPLATE_PHRASES` as one automaton: a name is read once for all of them.
static PHRASES: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(BOILERPLATE_PHRASES).expect("static phrases build")
});

/// Class or id phrases of "Read more" expanders: a box so named is a teaser of links unless it
/// holds the rest of the story as unlinked prose, hidden behind its button until clicked.
const READ_MORE: &[&str] = &["read-more", "readmore"];

/// What an element's class or id names say of it: boilerplate, or story.
#[derive(Clone, Copy)]
pub(super) struct NameVerdict {
    pub(super) boilerplate: bool,
    pub(super) story: bool,
    /// Named as not shown ("visually-hidden", "sr-only"): text for screen readers only.
    pub(super) hidden: bool,
}

/// Verdicts on class attributes already read, by (class, whether the element holds a story
/// behind a "Read more" button): pages repeat a few hundred class strings thousands of times.
pub(super) type NameVerdicts<'a> = FxHashMap<(&'a str, bool), NameVerdict>;

pub(super) fn judge_names(names: &str, story_behind_button: bool) -> NameVerdict {
    let lower = names.to_ascii_lowercase();
    let phrase = has_phrase(&lower, story_behind_button);
    let hidden = lower.split_ascii_whitespace().any(|n| {
        HIDDEN_CLASSES.contains(&n) || SCREEN_READER_SUFFIXES.iter().any(|s| n.ends_with(s))
    }) && !lower.contains(':');
    let (mut boilerplate, mut story) = (phrase || hidden, false);
    let (mut named_story, mut widget) = (false, false);
    let camel = CAMEL.is_match(&lower);
    // (Lowercasing keeps the whitespace: the two splits pair up.)
    for (name, as_written) in lower
        .split_ascii_whitespace()
        .zip(names.split_ascii_whitespace())
    {
        if is_state(name) {
            continue;
        }
        // A standfirst's or a widget's word is boilerplate whatever else the name says.
        let (mut bad, mut good, mut always, mut plainly) = (false, false, false, false);
        for (word, says) in words(name) {
            always |= STANDFIRST_WORDS.contains(&word)
                || WIDGET_WORDS.contains(&word)
                || FOREIGN_COMMENT_WORDS.contains(&word);
            plainly |= STORY_NAMES.contains(&word);
            match says {
                Some(Word::Boilerplate) => bad = true,
                Some(Word::Story) if word != "page" => good = true,
                _ => {}
            }
        }
        // "cnnVidFooter": the parts of a camel-case word, for the plainest names only
        // ("CtxtMenu" holds formulas); looked at only when one of those names is in it.
        if camel {
            let is = |list: &[&str], part: &str| list.iter().any(|w| w.eq_ignore_ascii_case(part));
            for part in as_written.split(['-', '_']).flat_map(camel_parts) {
                bad |= is(CAMEL_WORDS, part);
                good |= is(POSITIVE_WORDS, part) && !part.eq_ignore_ascii_case("page");
            }
        }
        boilerplate |= always || bad && !good;
        story |= good && !bad;
        named_story |= plainly && !bad && !always;
        widget |= always;
    }
    // A name that is plainly the story's outweighs another name's boilerplate word: "article-body
    // paywall", "body-text sponsored" hold the story. (Not a boilerplate phrase's, nor a
    // widget's: "post-content social-share-top", "post comments" are cut.)
    if boilerplate && !widget && !phrase && !hidden {
        // (Names made of story words only, looked for when it counts.)
        named_story |= lower
            .split_ascii_whitespace()
            .any(|n| !is_state(n) && is_story_name(n));
        boilerplate = !named_story;
    }
    NameVerdict {
        boilerplate,
        story,
        hidden,
    }
}

/// Whether a class string (lowercase) holds a boilerplate phrase, in a name that is no state's
/// ("share-enabled" says nothing of what the element holds), and not a "Read more" over the
/// story behind its button.
fn has_phrase(lower: &str, story_behind_button: bool) -> bool {
    PHRASES.find_overlapping_iter(lower).any(|m| {
        let p = BOILERPLATE_PHRASES[m.pattern().as_usize()];
        // The name the phrase is in (phrases hold no spaces).
        let start = lower[..m.start()].rfind(' ').map_or(0, |i| i + 1);
        let end = lower[m.start()..]
            .find(' ')
            .map_or(lower.len(), |i| m.start() + i);
        let counts = !(story_behind_button && READ_MORE.contains(&p));
        counts && !is_state(&lower[start..end])
    })
}

/// Ends of names run together from a word and what holds it ("commentspanel", "sharebox");
/// not "holder", which makes a "shareholder".
const HOLDERS: &[&str] = &[
    "panel",
    "box",
    "item",
    "items",
    "list",
    "area",
    "wrap",
    "wrapper",
    "block",
    "container",
    "module",
    "bar",
    "links",
    "zone",
    "frame",
];

/// The words of a class name (lowercase), split at '-' and '_', with what each says; a word
/// run together with another or with a holder's name is split in two: old templates write
/// "commentspanel", "relatedlinks", "articletext".
pub(super) fn words(name: &str) -> impl Iterator<Item = (&str, Option<Word>)> {
    name.split(['-', '_']).flat_map(|part| {
        let (first, second) = match NAME_WORDS.get(part) {
            Some(Entry::Is(w)) => ((part, Some(*w)), None),
            Some(Entry::Joined(at)) => {
                let (head, tail) = part.split_at(*at);
                ((head, word(head)), Some((tail, word(tail))))
            }
            None => ((part, None), None),
        };
        std::iter::once(first).chain(second)
    })
}

/// Words that mark boilerplate also as a part of a camel-case name.
const CAMEL_WORDS: &[&str] = &[
    "footer",
    "share",
    "sharing",
    "social",
    "related",
    "promo",
    "newsletter",
    "sidebar",
    "comments",
    "caption",
    "credit",
];

/// `CAMEL_WORDS` as one automaton.
static CAMEL: LazyLock<aho_corasick::AhoCorasick> =
    LazyLock::new(|| aho_corasick::AhoCorasick::new(CAMEL_WORDS).expect("static words build"));

/// The parts of a camel-case word ("cnnVidFooter": cnn, Vid, Footer); none for a word without
/// a lowercase letter followed by a capital.
fn camel_parts(word: &str) -> impl Iterator<Item = &str> {
    let bytes = word.as_bytes();
    let camel = bytes
        .windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    let mut start = 0;
    let mut at = 1;
    std::iter::from_fn(move || {
        if !camel || start >= bytes.len() {
            return None;
        }
        while at < bytes.len()
            && !(bytes[at - 1].is_ascii_lowercase() && bytes[at].is_ascii_uppercase())
        {
            at += 1;
        }
        let part = &word[start..at];
        start = at;
        at += 1;
        Some(part)
    })
}

#[cfg(test)]
mod tests;
