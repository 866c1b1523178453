//! Bylines in the page: marked up (`rel=author`, microdata), named by class, linked to a
//! writer's page, or a line that opens with "By".

use std::sync::LazyLock;

use ego_tree::NodeId;
use scraper::{ElementRef, Html, Node, Selector};

use super::super::names::{is_institution, labelled_name, opens_with_by, push_name};
use super::super::{push_unique, selector, short_text};

/// `rel=author` and schema.org microdata: a page marking its author this way means it.
static MARKED: LazyLock<Selector> = LazyLock::new(|| {
    selector("a[rel~=author], [itemprop~=author] [itemprop~=name], [itemprop~=author]")
});
static ITEMPROP_NAME: LazyLock<Selector> = LazyLock::new(|| selector("[itemprop~=name]"));
/// Paths of a writer's page ("/author/jane-roe"); not "/people/" or "/profile/", which sites
/// also give the people a story is about.
const WRITER_PATHS: &[&str] = &[
    "/author/",
    "/authors/",
    "/autor/",
    "/auteur/",
    "/penulis/",
    "/muhabir/",
    "/reporter/",
    "/reporters/",
    "/journalist/",
    "/journalists/",
    "/writer/",
    "/writers/",
    "/contributor/",
    "/contributors/",
    "/columnist/",
    "/columnists/",
    "/staff/",
];
/// `WRITER_PATHS` as one automaton: an href is read once for all of them.
static WRITER_PATH: LazyLock<aho_corasick::AhoCorasick> =
    LazyLock::new(|| aho_corasick::AhoCorasick::new(WRITER_PATHS).expect("static paths build"));

/// Whether an element is a link to a writer's page, not one credited for other work
/// ("Photographs by <a href="/contributors/...">").
fn is_writer_page(link: &ElementRef<'_>) -> bool {
    link.value()
        .attr("href")
        .is_some_and(|href| WRITER_PATH.is_match(href))
        && !credited_for_other_work(*link)
}

/// Whether the text right before a name credits it for other work than the writing: the
/// photographs, illustrations, video, graphics or the editing ("Words by <a>Ruth Lindqvist</a>
/// · Photographs by <a>Sam Okonkwo</a>").
fn credited_for_other_work(name: ElementRef<'_>) -> bool {
    const CREDITS: &[&str] = &[
        "photographs by",
        "photography by",
        "photos by",
        "photo by",
        "pictures by",
        "images by",
        "illustrations by",
        "illustration by",
        "video by",
        "graphics by",
        "design by",
        "edited by",
        "photo:",
        "photos:",
        "foto:",
        "fotos:",
        "bild:",
        "illustration:",
    ];
    let Some(before) = name.prev_sibling().and_then(|n| n.value().as_text()) else {
        return false;
    };
    let before = before.trim_end().to_lowercase();
    CREDITS.iter().any(|c| before.ends_with(c))
}

/// The headline, and what may follow it as its byline: marked authors, and visible bylines by
/// their class names.
static BYLINE_OR_H1: LazyLock<Selector> = LazyLock::new(|| {
    selector(
        "h1, a[rel~=author], [itemprop~=author] [itemprop~=name], [itemprop~=author], \
         [class*=byline i], [class*=author i], [class*=autor i], [class*=auteur i], \
         [class*=szerzo i], [data-testid*=byline i], [data-component*=byline i]",
    )
});
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static LINK: LazyLock<Selector> = LazyLock::new(|| selector("a"));

/// How far up from the first marked author the rest of a byline of several may sit; a name
/// further away belongs to another story (a teaser, a "more from" box).
const BYLINE_REACH: usize = 3;

/// Authors from markup in the page body. The story's byline follows its headline: the first
/// element after the `<h1>` that marks an author (`rel=author`, microdata) or is a short visible
/// byline and names someone gives the authors; before the headline, an "author" class is a
/// sidebar's list of columnists. A page without such an element after its headline gets its
/// marked authors from anywhere, else the name on a link to a writer's page after the headline,
/// else a "By" line. Of several marked authors, only those in the same byline as the first
/// count.
pub(super) fn marked(document: &Html) -> Vec<String> {
    let mut after_headline = document.select(&H1).next().is_none();
    for el in document.select(&BYLINE_OR_H1).take(200) {
        if el.value().name() == "h1" {
            after_headline = true;
            continue;
        }
        if !after_headline || in_comments(*el) {
            continue;
        }
        let authors = if MARKED.matches(&el) {
            marked_from(document.select(&MARKED).skip_while(|m| m.id() != el.id()))
        } else if el.select(&MARKED).next().is_some() {
            // A byline holding marked authors: those are the precise part of it.
            marked_from(el.select(&MARKED))
        } else if (1..=12).contains(&el.text().flat_map(str::split_whitespace).count()) {
            visible_byline(el)
        } else {
            Vec::new()
        };
        if !authors.is_empty() {
            return authors;
        }
    }
    let mut authors = marked_from(document.select(&MARKED));
    if authors.is_empty() {
        authors = writer_page_link(document);
    }
    if authors.is_empty() {
        authors = by_line(document);
    }
    authors
}

/// The name on the first link to a writer's page after the headline, outside boxes of other
/// stories: "<a href="/penulis/rina-wulandari">Rina Wulandari</a>" under the story, a link
/// inside a byline too long to read as one.
fn writer_page_link(document: &Html) -> Vec<String> {
    let headline = document.select(&H1).next();
    let Some((first, mut authors)) = document
        .select(&LINK)
        .filter(is_writer_page)
        .filter(|link| headline.is_none_or(|h| h.id() < link.id()))
        .filter(|link| !in_teaser(**link))
        .take(5)
        .map(|link| (link, visible_byline(link)))
        .find(|(_, authors)| !authors.is_empty())
    else {
        return Vec::new();
    };
    // "<a>Jane Roe</a> and <a>John Doe</a>": the other writers linked beside the first.
    let beside = first.parent().and_then(ElementRef::wrap).into_iter();
    for link in beside.flat_map(|p| p.select(&LINK).filter(is_writer_page).take(5)) {
        for name in visible_byline(link) {
            push_unique(&mut authors, &name);
        }
    }
    authors
}

/// How a blog's date line naming its writer opens: "Posted on <date> by <name>".
const POSTED_ON: &[&str] = &["posted on ", "published on ", "written on "];

/// The names in the first short line after the headline that starts with "By" in one of its
/// languages ("Von Jana Roe | 12.03.2024"), names the writer after a post's date ("Posted on
/// <date> by Jane Roe") or holds a Chinese byline label ("作者：王晓明"),
/// whatever its element and class. Text nodes are
/// read, not elements matched: a byline's "By" opens one.
fn by_line(document: &Html) -> Vec<String> {
    const LINE_BYTES: usize = 160;
    const TEXTS_READ: usize = 2_000;
    let headline = document.select(&H1).next().map(|h| h.id());
    let mut after_headline = headline.is_none();
    let mut read = 0;
    for node in document.tree.root().descendants() {
        if Some(node.id()) == headline {
            after_headline = true;
        }
        let Node::Text(text) = node.value() else {
            continue;
        };
        let text = text.trim_start();
        if !after_headline || text.is_empty() {
            continue;
        }
        read += 1;
        if read > TEXTS_READ {
            break;
        }
        if let Some(name) = labelled_name(text) {
            return vec![name.to_owned()];
        }
        // "Posted on Friday, November 27, 2026 by Niamh Gallagher": a blog's date line naming
        // the writer after the date.
        let posted = POSTED_ON.iter().any(|p| {
            text.get(..p.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(p))
        });
        if opens_with_by(text).is_none() && !posted || in_teaser(node) {
            continue;
        }
        let Some(line) = node
            .parent()
            .and_then(ElementRef::wrap)
            .and_then(|p| short_text(p, LINE_BYTES))
        else {
            continue;
        };
        let byline = if posted {
            line.rsplit_once(" by ").map(|(_, name)| name)
        } else {
            opens_with_by(&line).map(|_| line.as_str())
        };
        let Some(byline) = byline else {
            continue;
        };
        let mut authors = Vec::new();
        push_name(&mut authors, byline);
        // "By the numbers", "Par ailleurs": a name is capitalised, and of two words or more
        // here ("By Reuters" names an agency).
        authors.retain(|name| name.split_whitespace().nth(1).is_some() && is_capitalised(name));
        if !authors.is_empty() {
            return authors;
        }
    }
    Vec::new()
}

/// Whether a node sits in the readers' comments, whose "author" is a commenter: an element
/// whose class or id has a word starting "comment" ("comments-block", "commentlist"), not a
/// state's ("has-comments", "comments-open").
fn in_comments(node: ego_tree::NodeRef<'_, Node>) -> bool {
    const STATE_PARTS: &[&str] = &["has", "no", "open", "closed", "enabled", "disabled"];
    node.ancestors()
        .filter_map(|a| a.value().as_element())
        .flat_map(|e| crate::class_and_id(e).into_iter().flatten())
        .flat_map(str::split_ascii_whitespace)
        .any(|name| {
            let lower = name.to_ascii_lowercase();
            let mut parts = lower.split(['-', '_']);
            parts.clone().any(|p| p.starts_with("comment"))
                && !parts.any(|p| STATE_PARTS.contains(&p))
        })
}

/// Whether a node sits in a box of other stories or the page's furniture, whose "By" lines
/// name other stories' writers: an `<aside>`, a `<nav>`, the page's `<footer>` (an
/// `<article>`'s own footer holds its byline), or an element whose class names related
/// stories, teasers or cards; or in the readers' comments.
fn in_teaser(node: ego_tree::NodeRef<'_, Node>) -> bool {
    const TEASER_CLASSES: &[&str] = &["related", "teaser", "recommend", "more-", "card", "promo"];
    if in_comments(node) {
        return true;
    }
    let mut footer = false;
    for e in node.ancestors().filter_map(|a| a.value().as_element()) {
        match e.name() {
            "aside" | "nav" => return true,
            "footer" => footer = true,
            "article" => footer = false,
            _ => {}
        }
        // Not "vcard": the hCard of a byline.
        let teaser = e.attr("class").is_some_and(|class| {
            class.split_whitespace().any(|class| {
                let class = class.to_ascii_lowercase();
                class != "vcard" && TEASER_CLASSES.iter().any(|t| class.contains(t))
            })
        });
        if teaser {
            return true;
        }
    }
    footer
}

/// The names of the first marked author among `elements` that names someone, with those in
/// the same byline.
fn marked_from<'a>(elements: impl Iterator<Item = ElementRef<'a>>) -> Vec<String> {
    let mut authors = Vec::new();
    let mut byline: Option<NodeId> = None;
    for el in elements.take(20) {
        // A microdata author with a name inside: the name comes next, alone.
        if el.value().attr("itemprop").is_some() && el.select(&ITEMPROP_NAME).next().is_some() {
            continue;
        }
        if let Some(first) = byline
            && !el.ancestors().any(|a| a.id() == first)
        {
            continue;
        }
        let text = el
            .value()
            .attr("content")
            .map_or_else(|| el.text().collect::<String>(), str::to_owned);
        let before = authors.len();
        push_name(&mut authors, &text);
        if before == 0 && !authors.is_empty() {
            byline = el.ancestors().nth(BYLINE_REACH - 1).map(|a| a.id());
        }
    }
    authors
}

/// The names in a visible byline: its links when they name people ("By <a>Jane Roe</a>,
/// Staff Writer"; a one-word link is "Email" or "Follow" more often than a name), else the
/// names of its children when it is a list of them, else its text.
fn visible_byline(el: ElementRef<'_>) -> Vec<String> {
    let mut authors = Vec::new();
    for link in el.select(&LINK).take(5) {
        if credited_for_other_work(link) {
            continue;
        }
        let mut names = Vec::new();
        push_name(&mut names, &link.text().collect::<String>());
        // ("by Jane Roe, <a>Alpine Research Institute</a>": a link to her employer.)
        for name in names
            .iter()
            .filter(|n| n.contains(' ') && !is_institution(n) && !is_phrase(n))
        {
            push_unique(&mut authors, name);
        }
    }
    if authors.is_empty() {
        for name in listed_names(el) {
            push_name(&mut authors, &name);
        }
    }
    if authors.is_empty() {
        push_name(&mut authors, &block_text(el));
        // "About the author" over a bio: a label, not a name.
        authors.retain(|name| is_capitalised(name));
    }
    authors
}

/// Whether a link's text is a phrase rather than a name: a word in lowercase that no name has
/// ("Why you can trust SCMP" beside the writer's name); a name's particles are ("Ana de la
/// Cruz", "Ludwig van Dijk").
fn is_phrase(text: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "de", "da", "das", "do", "dos", "del", "della", "di", "du", "la", "le", "van", "von",
        "der", "den", "ter", "ten", "zu", "y", "e", "bin", "binti", "al", "el", "af", "av",
    ];
    text.split_whitespace()
        .any(|w| w.chars().next().is_some_and(char::is_lowercase) && !PARTICLES.contains(&w))
}

/// Whether a name's first and last words are capitalised, as a name's are (or in a script
/// without case, "أحمد الكعبي").
fn is_capitalised(name: &str) -> bool {
    let capitalised = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase())
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    words.first().is_some_and(|w| capitalised(w)) && words.last().is_some_and(|w| capitalised(w))
}

/// An element's text with its blocks set apart as a byline sets its parts apart ("|"): a
/// name and the desk or date in the `<div>` below it ("Eleri Pritchard" over "Coastline News,
/// Wales") do not run together, nor do a name and a role in elements side by side that no
/// space parts ("<span>Anna Lindqvist</span><span>Reporter</span>", set apart by styles).
fn block_text(el: ElementRef<'_>) -> String {
    let mut text = String::new();
    let mut last_parent = None;
    for node in el.descendants() {
        match node.value() {
            Node::Text(t) => {
                let parent = node.parent().map(|p| p.id());
                let joined = text.ends_with(|c: char| !c.is_whitespace())
                    && t.starts_with(|c: char| !c.is_whitespace());
                if joined && parent != last_parent {
                    text.push_str(" | ");
                }
                text.push_str(t);
                last_parent = parent;
            }
            Node::Element(e)
                if matches!(
                    e.name(),
                    "div" | "p" | "li" | "br" | "section" | "dd" | "dt"
                ) && !text.is_empty() =>
            {
                text.push_str(" | ");
            }
            _ => {}
        }
    }
    text
}

/// The texts of a byline that lists its writers as elements of one class and nothing else:
/// `<span class="author-name">Jussi Lehtonen</span> <span class="author-name">Aino
/// Virtanen</span>`, whose text alone would run the names together.
fn listed_names(el: ElementRef<'_>) -> Vec<String> {
    let mut class = None;
    let mut names = Vec::new();
    for child in el.children() {
        match child.value() {
            Node::Text(t) if t.trim().is_empty() => {}
            Node::Element(e)
                if e.attr("class").is_some() && class.is_none_or(|c| c == e.attr("class")) =>
            {
                class = Some(e.attr("class"));
                names.push(
                    ElementRef::wrap(child)
                        .map(|c| c.text().collect())
                        .unwrap_or_default(),
                );
            }
            _ => return Vec::new(),
        }
    }
    if names.len() < 2 {
        names.clear();
    }
    names
}
