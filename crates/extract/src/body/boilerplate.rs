//! What is not story: elements judged by tag, ARIA role, hidden state, and class or id names.

use std::sync::LazyLock;

use ego_tree::NodeRef;
use rustc_hash::FxHashMap;
use scraper::Node;
use scraper::node::Element;

use super::Stats;

/// Elements whose whole subtree is never article text.
const SKIP_TAGS: &[&str] = &[
    "nav", "aside", "footer", "header", "form", "script", "style", "noscript", "template",
    "button", "iframe", "svg", "select", "textarea", "object", "embed", "canvas", "dialog", "menu",
    "input", "label", "head", "title", "link", "meta",
];

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
    "countdown",
    "gallery",
    "credit",
    "credits",
    "caption",
    "captions",
    "editsection",
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
    "sommario",
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

/// ARIA roles of controls and page landmarks around the story: as plain as their tags.
const BOILERPLATE_ROLES: &[&str] = &[
    "alertdialog",
    "banner",
    "button",
    "complementary",
    "contentinfo",
    "dialog",
    "menu",
    "menubar",
    "navigation",
    "progressbar",
    "search",
    "slider",
    "tablist",
    "timer",
    "toolbar",
];

/// Class or id words that mark the story itself.
const POSITIVE_WORDS: &[&str] = &[
    "article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story",
    "prose", "hentry",
];

/// What a word in a class or id name says.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Word {
    Boilerplate,
    Story,
}

/// `BOILERPLATE_WORDS` and `POSITIVE_WORDS` in one table: a word is looked up once.
static NAME_WORDS: LazyLock<FxHashMap<&'static str, Word>> = LazyLock::new(|| {
    let boilerplate = BOILERPLATE_WORDS.iter().map(|w| (*w, Word::Boilerplate));
    let story = POSITIVE_WORDS.iter().map(|w| (*w, Word::Story));
    boilerplate.chain(story).collect()
});

/// What a word of a class or id name says, if anything.
pub(super) fn word(word: &str) -> Option<Word> {
    NAME_WORDS.get(word).copied()
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
    boilerplate: bool,
    story: bool,
    /// Named as not shown ("visually-hidden", "sr-only"): text for screen readers only.
    hidden: bool,
}

/// Verdicts on class attributes already read, by (class, whether the element holds a story
/// behind a "Read more" button): pages repeat a few hundred class strings thousands of times.
pub(super) type NameVerdicts<'a> = FxHashMap<(&'a str, bool), NameVerdict>;

fn judge_names(names: &str, story_behind_button: bool) -> NameVerdict {
    let lower = names.to_ascii_lowercase();
    let phrase = PHRASES.find_overlapping_iter(&lower).any(|m| {
        let p = BOILERPLATE_PHRASES[m.pattern().as_usize()];
        !(story_behind_button && READ_MORE.contains(&p))
    });
    let hidden = lower.split_ascii_whitespace().any(|n| {
        HIDDEN_CLASSES.contains(&n) || SCREEN_READER_SUFFIXES.iter().any(|s| n.ends_with(s))
    }) && !lower.contains(':');
    let (mut boilerplate, mut story) = (phrase || hidden, false);
    let camel = CAMEL.is_match(&lower);
    // (Lowercasing keeps the whitespace: the two splits pair up.)
    for (name, as_written) in lower
        .split_ascii_whitespace()
        .zip(names.split_ascii_whitespace())
    {
        let (mut bad, mut good, mut standfirst) = (false, false, false);
        for word in name.split(['-', '_']) {
            standfirst |= STANDFIRST_WORDS.contains(&word);
            match self::word(word) {
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
        boilerplate |= standfirst || bad && !good;
        story |= good && !bad;
    }
    NameVerdict {
        boilerplate,
        story,
        hidden,
    }
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

/// Whether an element is boilerplate under each of the rules (`Rules as usize`), from its tag,
/// role and hidden state, and under the strict and wrappers' rules also from its class and id;
/// `own`, the element's own stats, lets a "Read more" box holding the rest of the story count
/// as story, and one holding the page's `<main>` count as the page.
pub(super) fn boilerplate<'a>(
    node: NodeRef<'a, Node>,
    element: &'a Element,
    own: Stats,
    verdicts: &mut NameVerdicts<'a>,
) -> [bool; 3] {
    // One pass over the attributes: `Element::attr` makes an atom of the name on every call.
    let (mut unseen, mut class, mut id) = (false, "", None);
    for (name, value) in element.attrs() {
        match name {
            "role" => unseen |= BOILERPLATE_ROLES.contains(&value.trim()),
            "hidden" => unseen = true,
            "aria-hidden" => unseen |= value == "true",
            "style" => {
                let style = value.replace(' ', "").to_ascii_lowercase();
                unseen |= style.contains("display:none") || style.contains("visibility:hidden");
            }
            "class" => class = value,
            "id" => id = Some(value),
            _ => {}
        }
    }
    // A pull quote is set in an `<aside>` but read in the story's flow; human labels keep it.
    let pull_quote = element.name() == "aside" && is_pull_quote(class);
    let plain = unseen || SKIP_TAGS.contains(&element.name()) && !pull_quote;
    // A wrapper around `<main>` is the page, whatever its name ("nav_drawer_slide": the page
    // slides aside for a menu).
    if plain || own.has_main || matches!(element.name(), "body" | "html" | "article" | "main") {
        return [plain; 3];
    }
    // An icon's text is a label for screen readers ("Opens a new window" after a link's text).
    let icon = matches!(element.name(), "span" | "i")
        && class
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case("icon"));
    let story_behind_button = own.text >= 500 && own.link_density() < 0.1;
    let class = *verdicts
        .entry((class, story_behind_button))
        .or_insert_with(|| judge_names(class, story_behind_button));
    // Documentation tools name a section after its heading ("sharing-with-a-single-developer"):
    // when prose follows, such an id is the author's words, not a widget's name.
    let prose = own.text >= 500 && own.link_density() < 0.2;
    // Scripts give the story's container ids of their own ("gigya-share-btns-2_..."): the
    // class, the author's naming, outranks them.
    let by_names = class.boilerplate
        || id.is_some_and(|id| {
            !class.story
                && judge_names(id, story_behind_button).boilerplate
                && !(prose && heading(node).is_some_and(|h| is_named_after(id, &h)))
        });
    // A picture's caption is not story, except on a page whose story is its pictures (a
    // gallery): the pass without class-name rules, tried when little text is left, reads it.
    let caption = element.name() == "figcaption" || is_picture(node, element);
    // Text a reader never sees goes even from inside a sentence ("<span
    // class="visually-hidden">Image caption, </span>Roads were flooded").
    let named = icon || caption || class.hidden || by_names && !in_running_text(node, element);
    // Whether it holds half the page's text is known once the page is measured: until then,
    // the wrappers' rules are the strict ones.
    [named, named, false]
}

/// Whether a class names a pull quote ("pullquote", "c-pullquote", "pull-quote").
fn is_pull_quote(class: &str) -> bool {
    let lower = class.to_ascii_lowercase();
    lower.contains("pullquote") || lower.contains("pull-quote") || lower.contains("pull_quote")
}

/// Whether an element is a figure of a picture: a `<figure>` holding an image and no table,
/// code or quote. Its text is the picture's caption and credit, however the page marks them
/// up ("<span>Image source, </span><span>Northshire Broadcasting</span>").
fn is_picture(node: NodeRef<'_, Node>, element: &Element) -> bool {
    if element.name() != "figure" {
        return false;
    }
    let mut image = false;
    for d in node.descendants() {
        match d.value().as_element().map(Element::name) {
            Some("img" | "picture") => image = true,
            Some("table" | "pre" | "blockquote" | "iframe" | "video") => return false,
            _ => {}
        }
    }
    image
}

/// Whether an element is a phrase inside running text, a word or two of a sentence that goes
/// on after it ("I am a <a class="popup">rather elderly</a> man"): its name says what it does on
/// click or hover, and cutting it would break the sentence. (A credit at the end of a caption,
/// "<span class="credit">Photo: AP</span>", ends its text and is still cut.)
fn in_running_text(node: NodeRef<'_, Node>, element: &Element) -> bool {
    const PHRASING: &[&str] = &[
        "a", "span", "em", "strong", "b", "i", "u", "mark", "abbr", "cite", "q", "dfn", "code",
    ];
    PHRASING.contains(&element.name())
        && node
            .next_sibling()
            .and_then(|s| s.value().as_text().map(|t| !t.trim().is_empty()))
            .unwrap_or(false)
}

/// The text of the heading an element is or starts with.
fn heading(node: NodeRef<'_, Node>) -> Option<String> {
    let is_heading = |n: &NodeRef<'_, Node>| {
        n.value()
            .as_element()
            .is_some_and(|e| matches!(e.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
    };
    let heading = std::iter::once(node)
        .chain(node.children().find(|c| c.value().is_element()))
        .find(is_heading)?;
    Some(
        heading
            .descendants()
            .filter_map(|d| d.value().as_text().map(|t| &**t))
            .collect(),
    )
}

/// Whether `id` is `text` of three words or more written as a name: its words, lower case,
/// joined by '-' or '_'. (A shorter name, "comments" over "Comments", names a widget as well.)
fn is_named_after(id: &str, text: &str) -> bool {
    const WORDS: usize = 3;
    let mut words = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let mut parts = id.split(['-', '_']).filter(|p| !p.is_empty());
    let mut n = 0;
    loop {
        match (words.next(), parts.next()) {
            (None, None) => return n >= WORDS,
            (Some(w), Some(p)) if w.to_lowercase() == p.to_lowercase() => n += 1,
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{camel_parts, judge_names};

    #[test]
    fn camel_case_names_are_read_by_their_parts_for_the_plainest_words_only() {
        assert_eq!(
            camel_parts("cnnVidFooter").collect::<Vec<_>>(),
            ["cnn", "Vid", "Footer"]
        );
        assert_eq!(camel_parts("footer").count(), 0);
        assert_eq!(camel_parts("MJX").count(), 0);
        assert!(judge_names("cnnVidFooter", false).boilerplate);
        assert!(judge_names("wrap relatedPosts", false).boilerplate);
        // MathJax wraps formulas in a "menu" it attaches; a story part outranks a footer.
        assert!(!judge_names("CtxtMenu_Attached_0", false).boilerplate);
        assert!(!judge_names("articleFooterText", false).boilerplate);
    }
}
