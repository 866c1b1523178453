//! What is not story: elements judged by tag, ARIA role, hidden state, and class or id names.

use ego_tree::NodeRef;
use scraper::Node;
use scraper::node::Element;

use super::Stats;
use super::class_names::{NameVerdicts, judge_names};

/// Elements whose whole subtree is never article text.
const SKIP_TAGS: &[&str] = &[
    "nav", "aside", "footer", "header", "form", "script", "style", "noscript", "template",
    "button", "iframe", "svg", "select", "textarea", "object", "embed", "canvas", "dialog", "menu",
    "input", "label", "head", "title", "link", "meta",
];

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

/// Whether an element is boilerplate under each of the rules (`Rules as usize`), from its tag,
/// role and hidden state, and under the strict and wrappers' rules also from its class and id;
/// `own`, the element's own stats, lets a "Read more" box holding the rest of the story count
/// as story, and one holding the page's `<main>` count as the page. Second, whether it is cut
/// for a tag, role or hidden state that a whole page's wrapper may have too: ASP.NET sets every
/// page in a `<form>`, a page rendered with a dialog open hides the rest (`aria-hidden`), and
/// some sites open a story in a dialog over the page.
pub(super) fn boilerplate<'a>(
    node: NodeRef<'a, Node>,
    element: &'a Element,
    own: Stats,
    verdicts: &mut NameVerdicts<'a>,
) -> ([bool; 3], bool) {
    let Attributes {
        role,
        dialog,
        mut unseen,
        class,
        id,
        component,
        label,
    } = Attributes::of(element);
    // The rest of a story hidden until its "Continue reading" button is pressed is story.
    if unseen && !role && own.text >= HIDDEN_REST_CHARS && own.link_density() < 0.2 {
        unseen = !beside_continue_button(node);
    }
    // A pull quote or a fact box is set in an `<aside>` but read in the story's flow; human
    // labels keep it.
    let story_aside = element.name() == "aside" && is_story_aside(class);
    let tag = SKIP_TAGS.contains(&element.name()) && !story_aside;
    let plain = role || unseen || tag;
    // A wrapper around `<main>` is the page, whatever its name ("nav_drawer_slide": the page
    // slides aside for a menu).
    if plain || own.has_main || matches!(element.name(), "body" | "html" | "article" | "main") {
        let wrapping_tag = matches!(element.name(), "form" | "header" | "dialog");
        let wrapper = (!role || dialog) && (unseen || wrapping_tag || dialog);
        return ([plain; 3], plain && wrapper);
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
    let by_names = class.boilerplate
        || !class.story && other_names_say_boilerplate(node, id, [component, label], own);
    // A picture's caption is not story, except on a page whose story is its pictures (a
    // gallery): the pass without class-name rules, tried when little text is left, reads it.
    let caption = element.name() == "figcaption"
        || is_picture(node, element)
        || is_loose_caption(node, element);
    // Text a reader never sees goes even from inside a sentence ("<span
    // class="visually-hidden">Image caption, </span>Roads were flooded").
    let named = icon || caption || class.hidden || by_names && !in_running_text(node, element);
    // Whether it holds half the page's text is known once the page is measured: until then,
    // the wrappers' rules are the strict ones.
    ([named, named, false], false)
}

/// Whether an element's id or component name marks boilerplate where its class does not mark
/// the story. Scripts give the story's container ids of their own ("gigya-share-btns-2_..."):
/// the class, the author's naming, outranks them. Documentation tools name a section after
/// its heading ("sharing-with-a-single-developer"): when prose follows, such an id is the
/// author's words, not a widget's name. A component's name ("byline-block",
/// "SignUpInterstitial") and an `aria-label` ("Cookie banner", "Related stories") speak as an
/// id does, where generated classes ("sc-2b5e3b35-0") say nothing.
fn other_names_say_boilerplate(
    node: NodeRef<'_, Node>,
    id: Option<&str>,
    labels: [Option<&str>; 2],
    own: Stats,
) -> bool {
    let story_behind_button = own.text >= 500 && own.link_density() < 0.1;
    let prose = own.text >= 500 && own.link_density() < 0.2;
    id.is_some_and(|id| {
        judge_names(id, story_behind_button).boilerplate
            && !(prose && heading(node).is_some_and(|h| is_named_after(id, &h)))
    }) || labels.into_iter().flatten().any(|l| {
        // A label's words make one name, as a class's "related-stories" does.
        let name = l.split_whitespace().collect::<Vec<_>>().join("-");
        judge_names(&name, story_behind_button).boilerplate
    })
}

/// What an element's attributes say of it, read in one pass (`Element::attr` makes an atom of
/// the name on every call).
struct Attributes<'a> {
    /// A control's or landmark's role (`BOILERPLATE_ROLES`).
    role: bool,
    dialog: bool,
    /// Hidden: `hidden`, `aria-hidden`, an inline style that hides it.
    unseen: bool,
    class: &'a str,
    id: Option<&'a str>,
    /// `data-component` or `data-testid`.
    component: Option<&'a str>,
    /// `aria-label`: what the element is, for screen readers.
    label: Option<&'a str>,
}

impl<'a> Attributes<'a> {
    fn of(element: &'a Element) -> Self {
        let mut attributes = Attributes {
            role: false,
            dialog: false,
            unseen: false,
            class: "",
            id: None,
            component: None,
            label: None,
        };
        for (name, value) in element.attrs() {
            match name {
                "role" => {
                    attributes.role |= BOILERPLATE_ROLES.contains(&value.trim());
                    attributes.dialog |= matches!(value.trim(), "dialog" | "alertdialog");
                }
                "hidden" => attributes.unseen = true,
                "aria-hidden" => attributes.unseen |= value == "true",
                "style" => {
                    let style = value.replace(' ', "").to_ascii_lowercase();
                    attributes.unseen |=
                        style.contains("display:none") || style.contains("visibility:hidden");
                }
                "class" => attributes.class = value,
                "id" => attributes.id = Some(value),
                "data-component" | "data-testid" => attributes.component = Some(value),
                "aria-label" => attributes.label = Some(value),
                _ => {}
            }
        }
        attributes
    }
}

/// The fewest characters of the rest of a story hidden behind a button.
const HIDDEN_REST_CHARS: u32 = 200;

/// What a "Continue reading" button says, lowercase, in the languages news is read in.
const CONTINUE: &[&str] = &[
    "continue reading",
    "keep reading",
    "read more",
    "read full story",
    "read the full story",
    "read full article",
    "read the full article",
    "show more",
    "show full article",
    "lire la suite",
    "weiterlesen",
    "mehr lesen",
    "seguir leyendo",
    "leer más",
    "continua a leggere",
    "continuar lendo",
    "leia mais",
    "czytaj dalej",
    "lees verder",
    "läs mer",
    "les mer",
    "devamını oku",
    "читать далее",
    "читать полностью",
    "続きを読む",
    "阅读全文",
    "展开全文",
    "더보기",
];

/// Whether the element just before or after a node is a button (or a link, or a box holding
/// one alone) that says "Continue reading" in one of its languages: the node holds the rest of
/// the story.
fn beside_continue_button(node: NodeRef<'_, Node>) -> bool {
    const BUTTON_CHARS: usize = 40;
    // The first sibling that is an element or text, not white space.
    let shown = |s: &NodeRef<'_, Node>| {
        s.value().is_element() || s.value().as_text().is_some_and(|t| !t.trim().is_empty())
    };
    let says_continue = |n: NodeRef<'_, Node>| {
        let Some(element) = n.value().as_element() else {
            return false;
        };
        // (A button is a few nodes: a large sibling is not read through.)
        const BUTTON_NODES: usize = 8;
        let control = matches!(element.name(), "button" | "a")
            || element.attr("role") == Some("button")
            || n.descendants()
                .take(BUTTON_NODES)
                .any(|d| d.value().as_element().is_some_and(|e| e.name() == "button"));
        let text: String = n
            .descendants()
            .take(BUTTON_NODES)
            .filter_map(|d| d.value().as_text().map(|t| &**t))
            .collect();
        let text = text
            .trim()
            .trim_end_matches(['…', '.', '›', '»', '→', ' '])
            .to_lowercase();
        control && text.chars().count() <= BUTTON_CHARS && CONTINUE.contains(&text.as_str())
    };
    [
        node.next_siblings().find(shown),
        node.prev_siblings().find(shown),
    ]
    .into_iter()
    .flatten()
    .any(says_continue)
}

/// Whether a class names a part of the story set aside: a pull quote ("pullquote",
/// "c-pullquote", "pull-quote") or a box of facts the story relies on ("factbox", Nordic
/// "faktaboks", "faktaruta", German "faktenbox").
fn is_story_aside(class: &str) -> bool {
    const NAMES: &[&str] = &[
        "pullquote",
        "pull-quote",
        "pull_quote",
        "factbox",
        "fact-box",
        "fact_box",
        "fakta",
        "faktenbox",
    ];
    let lower = class.to_ascii_lowercase();
    NAMES.iter().any(|n| lower.contains(n))
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

/// Whether a paragraph is a picture's caption set loose under it: all of its text in italics
/// (`<p><em>A technician installs a heat pump.</em></p>`) right after an element that shows a
/// picture and no text. A note to the reader in italics there ("Editor's note: ...", "This
/// story was updated ...") stays.
fn is_loose_caption(node: NodeRef<'_, Node>, element: &Element) -> bool {
    const CAPTION_CHARS: usize = 300;
    const NOTES: &[&str] = &[
        "editor",
        "update",
        "correction",
        "note",
        "this ",
        "clarification",
    ];
    if element.name() != "p" {
        return false;
    }
    let mut children = node
        .children()
        .filter(|c| c.value().as_text().is_none_or(|t| !t.trim().is_empty()));
    let (Some(only), None) = (children.next(), children.next()) else {
        return false;
    };
    if !only
        .value()
        .as_element()
        .is_some_and(|e| matches!(e.name(), "em" | "i"))
    {
        return false;
    }
    let text: String = only
        .descendants()
        .filter_map(|d| d.value().as_text().map(|t| &**t))
        .collect();
    let lower = text.trim_start().to_lowercase();
    if text.chars().count() > CAPTION_CHARS || NOTES.iter().any(|n| lower.starts_with(n)) {
        return false;
    }
    node.prev_siblings()
        .find(|s| s.value().is_element())
        .is_some_and(|picture| {
            // (A picture is a few nodes: a larger element is read no further.)
            const PICTURE_NODES: usize = 16;
            let mut image = false;
            for (at, d) in picture.descendants().enumerate() {
                match d.value() {
                    _ if at >= PICTURE_NODES => return false,
                    Node::Element(e) if matches!(e.name(), "img" | "picture") => image = true,
                    Node::Text(t) if !t.trim().is_empty() => return false,
                    _ => {}
                }
            }
            image
        })
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
