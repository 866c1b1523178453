//! Who wrote the story: the bylines marked up in the page, and where a visible one sits.

use std::sync::LazyLock;

use ego_tree::NodeId;
use scraper::{ElementRef, Html, Node, Selector};

use super::names::{labelled_name, opens_with_by, push_name};
use super::{push_unique, selector, short_text};

/// `rel=author` and schema.org microdata: a page marking its author this way means it.
static MARKED: LazyLock<Selector> = LazyLock::new(|| {
    selector("a[rel~=author], [itemprop~=author] [itemprop~=name], [itemprop~=author]")
});
static ITEMPROP_NAME: LazyLock<Selector> = LazyLock::new(|| selector("[itemprop~=name]"));
/// Paths of a writer's page ("/author/jane-roe").
const WRITER_PATHS: &[&str] = &[
    "/author/",
    "/authors/",
    "/autor/",
    "/auteur/",
    "/penulis/",
    "/muhabir/",
    "/reporter/",
    "/journalist/",
];
/// Links to a writer's page.
static WRITER_PAGE: LazyLock<Selector> = LazyLock::new(|| {
    let links: Vec<String> = WRITER_PATHS
        .iter()
        .map(|path| format!("a[href*=\"{path}\"]"))
        .collect();
    selector(&links.join(", "))
});
/// The headline, and what may follow it as its byline: marked authors, and visible bylines by
/// their class names.
static BYLINE_OR_H1: LazyLock<Selector> = LazyLock::new(|| {
    selector(
        "h1, a[rel~=author], [itemprop~=author] [itemprop~=name], [itemprop~=author], \
         [class*=byline i], [class*=author i], [class*=autor i], [class*=auteur i], \
         [class*=szerzo i]",
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
        if !after_headline {
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
    document
        .select(&WRITER_PAGE)
        .filter(|link| headline.is_none_or(|h| h.id() < link.id()))
        .filter(|link| !in_teaser(**link))
        .take(5)
        .map(visible_byline)
        .find(|authors| !authors.is_empty())
        .unwrap_or_default()
}

/// The names in the first short line after the headline that starts with "By" in one of its
/// languages ("Von Jana Roe | 12.03.2024") or holds a Chinese byline label ("作者：王晓明"),
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
        if opens_with_by(text).is_none() || in_teaser(node) {
            continue;
        }
        let Some(line) = node
            .parent()
            .and_then(ElementRef::wrap)
            .and_then(|p| short_text(p, LINE_BYTES))
            .filter(|line| opens_with_by(line).is_some())
        else {
            continue;
        };
        let mut authors = Vec::new();
        push_name(&mut authors, &line);
        // "By the numbers", "Par ailleurs": a name is capitalised (or in a script without
        // case, "أحمد الكعبي").
        let capitalised = |w: &str| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase())
        };
        authors.retain(|name| {
            let mut words = name.split_whitespace();
            words.next().is_some_and(capitalised) && words.next_back().is_some_and(capitalised)
        });
        if !authors.is_empty() {
            return authors;
        }
    }
    Vec::new()
}

/// Whether a node sits in a box of other stories or the page's furniture, whose "By" lines
/// name other stories' writers: an `<aside>`, a `<nav>`, the page's `<footer>` (an
/// `<article>`'s own footer holds its byline), or an element whose class names related
/// stories, teasers or cards.
fn in_teaser(node: ego_tree::NodeRef<'_, Node>) -> bool {
    const TEASER_CLASSES: &[&str] = &["related", "teaser", "recommend", "more-", "card", "promo"];
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
        let mut names = Vec::new();
        push_name(&mut names, &link.text().collect::<String>());
        for name in names.iter().filter(|n| n.contains(' ')) {
            push_unique(&mut authors, name);
        }
    }
    if authors.is_empty() {
        for name in listed_names(el) {
            push_name(&mut authors, &name);
        }
    }
    if authors.is_empty() {
        push_name(&mut authors, &el.text().collect::<String>());
    }
    authors
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

#[cfg(test)]
mod tests {
    use scraper::Html;

    use super::marked;

    #[test]
    fn marked_authors_come_from_the_story_byline_only() {
        let page = Html::parse_document(
            r#"<h1>Story</h1><div class="meta"><ul>
            <li itemprop="author"><a rel="author" href="/p/jr"><img src="j.png"></a>
              by <a rel="author" href="/p/jr"><span itemprop="name">Jane Roe</span></a>
              January 18, 2017 10:00 AM</li></ul></div>
            <p>Text of the story.</p>
            <section><div><ul><li>Teaser by <a rel="author" href="/p/jd">John Doe</a></li></ul></div></section>"#,
        );
        assert_eq!(marked(&page), ["Jane Roe"]);
    }

    #[test]
    fn a_visible_byline_after_the_headline_names_its_linked_people() {
        let page = Html::parse_document(
            r#"<aside><li class="author-follow"><a href="/c">Columnist Name</a></li></aside>
            <h1>Story</h1>
            <div class="Author">By <a href="/a/jr">Jane Roe</a> <a href="mailto:j@x">Email</a>
            <span>Games Editor</span></div><p>Text.</p>"#,
        );
        assert_eq!(marked(&page), ["Jane Roe"]);
    }

    #[test]
    fn a_line_starting_with_by_after_the_headline_is_a_byline_whatever_its_class() {
        let page = Html::parse_document(
            r#"<p>Von Max Beispiel</p><h1>Stadtrat</h1><p><b>By the numbers</b></p>
            <p class="meta">Von Jana Muster | 12.03.2024, 14:30 Uhr</p><p>Der Stadtrat hat.</p>"#,
        );
        assert_eq!(marked(&page), ["Jana Muster"]);
        let page = Html::parse_document(r#"<h1>Stadtrat</h1><p>Par ailleurs, le maire</p>"#);
        assert!(marked(&page).is_empty());
        // A story without a byline: the "By" lines of the teasers after it name no one of its.
        let page = Html::parse_document(
            r#"<h1>Budget</h1><p>The council passed the budget.</p>
            <div class="related-stories"><p>By Jane Roe</p></div>
            <aside><p>By John Doe</p></aside><footer><p>By Ann Poe</p></footer>"#,
        );
        assert!(marked(&page).is_empty(), "{:?}", marked(&page));
        // An article's own footer is where a blog puts its byline.
        let page = Html::parse_document(
            r#"<article><h1>Wasm</h1><p>Text.</p><footer><p>Posted by Alon Roe.</p></footer>
            </article>"#,
        );
        assert_eq!(marked(&page), ["Alon Roe"]);
        // A script without case: every name is "capitalised".
        let page = Html::parse_document(r#"<h1>محطة</h1><p>بقلم: أحمد الكعبي</p><p>افتتحت.</p>"#);
        assert_eq!(marked(&page), ["أحمد الكعبي"]);
    }

    #[test]
    fn a_byline_listing_its_writers_as_elements_names_each() {
        let html = r#"<html><body><h1>Ratikka</h1><div class="article-authors">
            <span class="author-name">Jussi Lehtonen</span>
            <span class="author-name">Aino Virtanen</span></div><p>Tampereen raitiotie.</p>
            </body></html>"#;
        assert_eq!(
            marked(&Html::parse_document(html)),
            ["Jussi Lehtonen", "Aino Virtanen"]
        );
        // A name and its role in elements of two classes are one writer.
        let html = r#"<html><body><h1>Ratikka</h1><div class="article-author">
            <span class="name">Jussi Lehtonen</span> <span class="role">Toimittaja</span></div>
            <p>Tampereen raitiotie.</p></body></html>"#;
        assert_eq!(marked(&Html::parse_document(html)).len(), 1);
    }

    #[test]
    fn a_byline_class_in_hungarian_names_the_writer() {
        let page = Html::parse_document(
            r#"<h1>Villamos</h1><div class="cikk-meta"><span class="szerzo">Kovács Anna</span>
            <span class="datum">2026. november 27.</span></div><p>A főváros.</p>"#,
        );
        assert_eq!(marked(&page), ["Kovács Anna"]);
    }

    #[test]
    fn a_link_to_a_writers_page_after_the_headline_names_the_writer() {
        let page = Html::parse_document(
            r#"<h1>Banjir</h1><p>Banjir rob merendam permukiman.</p>
            <div class="read__credit"><h6>Penulis</h6> : <a href="/penulis/rina">Rina Wulandari</a>
            <h6>Editor</h6> : <a href="/editor/bs">Bambang Setiawan</a></div>"#,
        );
        assert_eq!(marked(&page), ["Rina Wulandari"]);
        // A long byline line gives way to the writer's link inside it.
        let page = Html::parse_document(
            r#"<h1>प्रदूषण</h1><div class="story-byline"><span class="auth-name">
            <a href="/author/amit-sharma">अमित शर्मा</a></span> नई दिल्ली, 27 नवंबर 2026,
            (अपडेटेड 27 नवंबर 2026, 10:45 AM IST)</div>"#,
        );
        assert_eq!(marked(&page), ["अमित शर्मा"]);
        // A box of other stories names their writers, not this one's; an hCard is a byline.
        let page = Html::parse_document(
            r#"<h1>Story</h1><p>Text.</p><div class="related-posts">
            <a href="/author/jd">John Doe</a></div>"#,
        );
        assert!(marked(&page).is_empty(), "{:?}", marked(&page));
        let page = Html::parse_document(
            r#"<h1>Story</h1><address class="vcard"><a href="/author/jr">Jane Roe</a></address>"#,
        );
        assert_eq!(marked(&page), ["Jane Roe"]);
    }

    #[test]
    fn the_byline_under_the_headline_beats_a_teasers_marked_author() {
        let page = Html::parse_document(
            r#"<h1>Story</h1><span class="byline"><a href="/writer/jr">Jane Roe</a></span>
            <p>Text of the story.</p>
            <ul><li><span class="byline"><a rel="author" href="/writer/jd">John Doe</a></span></li></ul>"#,
        );
        assert_eq!(marked(&page), ["Jane Roe"]);
        let page = Html::parse_document(
            r#"<h1>Story</h1><div class="author-info"><a href="/tech">Tech Industry</a>
            by <a rel="author" href="/p/jr">Jane Roe</a></div>"#,
        );
        assert_eq!(
            marked(&page),
            ["Jane Roe"],
            "the marked name within a byline"
        );
    }
}
