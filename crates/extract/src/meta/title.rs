//! The headline: which of the page's titles, without site-name or author affixes.

use std::sync::LazyLock;

use scraper::node::Element;
use scraper::{ElementRef, Html, Selector};

use super::{collapse, selector, short_text};

static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));

/// The headline: of the candidates (Dublin Core, OpenGraph, JSON-LD, Twitter or Parse.ly,
/// `<title>`, in that order of preference), the one the page shows as its `<h1>`, else the first; then without site-name,
/// section and author prefixes or suffixes.
pub(super) fn title(
    document: &Html,
    candidates: [Option<String>; 5],
    [site_name, section]: [Option<&str>; 2],
    authors: &[String],
) -> Option<String> {
    let candidates: Vec<String> = candidates
        .into_iter()
        .flatten()
        .filter(|t| !t.is_empty())
        .collect();
    let h1s: Vec<String> = document
        .select(&H1)
        .take(5)
        .map(|h| collapse(&h.text().collect::<String>()))
        .collect();
    let shown = candidates.iter().find_map(|c| {
        let bare = strip_site_name(c, site_name);
        // "Video | Northern Post" over an <h1> "Video": a headline of one word is shown too.
        let head = separators(c)
            .find_map(|sep| c.split_once(sep))
            .map(|(head, _)| head.trim().to_owned())
            .filter(|head| site_name.is_none_or(|site| !head.eq_ignore_ascii_case(site)));
        [Some(c.clone()), Some(bare), head]
            .into_iter()
            .flatten()
            .find_map(|t| {
                let h = h1s.iter().find(|h| same_words(h, &t))?;
                // "Here's who gets a raise." in the social title, without its period as shown.
                Some(if t.strip_suffix('.') == Some(h.as_str()) {
                    h.clone()
                } else {
                    t
                })
            })
    });
    // "BREAKING: Headline | Site", "Headline (VIDEO) - Site" over an <h1> "Headline".
    let framed = || {
        candidates
            .iter()
            .find_map(|c| h1s.iter().find(|h| frames(c, h)).cloned())
    };
    shown
        .or_else(framed)
        .or_else(|| candidates.into_iter().next())
        .map(|t| headline_in_page(document, &t).unwrap_or(t))
        .map(|t| {
            let t = strip_site_name(&t, site_name);
            // "Headline - Politics", "Headline | Jane Roe": the page's section and its
            // author's name are no more part of the headline.
            section
                .into_iter()
                .chain(authors.iter().map(String::as_str))
                .fold(t, |t, affix| strip_site_name(&t, Some(affix)))
        })
        .filter(|t| !t.is_empty())
}

/// Whether `title` is `headline` with a label or site name around it, set off by punctuation
/// ("BREAKING: Headline | Site", "Headline (VIDEO)"), and the headline is most of it (a site
/// name shown as the `<h1>` of its logo is not).
fn frames(title: &str, headline: &str) -> bool {
    if headline.is_empty() || headline.len() * 2 < title.len() || headline.len() == title.len() {
        return false;
    }
    let (title, headline) = (title.to_lowercase(), headline.to_lowercase());
    let Some(at) = title.find(&headline) else {
        return false;
    };
    let (before, after) = (&title[..at], &title[at + headline.len()..]);
    let not_word = |c: char| !c.is_alphanumeric();
    // "Headline-Site", "标题_网站": a separator set tight against the headline.
    const TIGHT: &[char] = &['-', '_', '|', '–', '—', '－', '｜', '（', '【'];
    let after_ok = after.is_empty()
        || after.starts_with(':')
        || after.starts_with(TIGHT)
        || after.starts_with(' ') && after.trim_start().starts_with(not_word);
    let before_ok =
        before.is_empty() || before.ends_with(' ') && before.trim_end().ends_with(not_word);
    after_ok && before_ok
}

/// When a title carries a prefix or suffix no site name explains ("Gazette Online: County fair
/// ..."), the part that the page shows on its own as a heading is the headline; when no part
/// is shown as it is written, a heading with nearly its words is ("Diario del Valle - Vecinos
/// piden semáforo" over a `<span class="titulo">` "Vecinos piden un semáforo").
fn headline_in_page(document: &Html, title: &str) -> Option<String> {
    // A colon sets a label off as well as a site name ("Gazette Online: County fair ...").
    const PART_SEPARATORS: &[&str] = &[": ", " | ", " - ", " – ", " — ", " :: ", " » ", " « "];
    let parts: Vec<&str> = PART_SEPARATORS
        .iter()
        .filter(|sep| !quotes_with_guillemets(title) || !sep.contains(['«', '»']))
        .flat_map(|sep| title.split(sep).skip(1).chain(title.rsplit(sep).skip(1)))
        .map(str::trim)
        .filter(|p| p.split_whitespace().count() >= 3 && *p != title)
        .collect();
    if parts.is_empty() {
        return None;
    }
    // Texts much longer than every part and the title cannot be one: not collected.
    let longest = parts
        .iter()
        .map(|p| p.len())
        .max()
        .unwrap_or(0)
        .max(title.len());
    let mut shown = vec![false; parts.len()];
    let mut headings = Vec::new();
    for node in document.tree.root().descendants() {
        let Some(element) = ElementRef::wrap(node).filter(|e| may_show_headline(e.value())) else {
            continue;
        };
        let Some(text) = short_text(element, longest + longest / 4) else {
            continue;
        };
        if same_words(&text, title) {
            return None;
        }
        for (part, shown) in parts.iter().zip(&mut shown) {
            *shown |= *part == text;
        }
        headings.push(text);
    }
    let exact = parts
        .iter()
        .zip(shown)
        .filter_map(|(part, shown)| shown.then_some(*part))
        .max_by_key(|p| p.len());
    if let Some(part) = exact {
        return Some(part.to_owned());
    }
    let parts: Vec<Vec<String>> = parts.iter().map(|p| words(p)).collect();
    headings.into_iter().find(|heading| {
        let heading = words(heading);
        parts.iter().any(|part| nearly_same_words(part, &heading))
    })
}

/// A text's words, lowercase.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether a heading says a title's part in nearly its words (`words` of each): of four words
/// or more, at most one in five of either's words missing from the other ("piden semáforo" and
/// "piden un semáforo").
fn nearly_same_words(part: &[String], heading: &[String]) -> bool {
    const MIN_WORDS: usize = 4;
    if part.len() < MIN_WORDS || heading.len() < MIN_WORDS {
        return false;
    }
    let common = part.iter().filter(|w| heading.contains(w)).count();
    let most = part.len().max(heading.len());
    common * 5 >= most * 4 && common < most
}

/// Whether two titles have the same words, whatever their case and punctuation: an `<h1>` set
/// in two spans ("<span>Wärmepumpen</span> <span>Warum ...</span>") shows "Wärmepumpen: Warum
/// ...".
fn same_words(a: &str, b: &str) -> bool {
    fn words(t: &str) -> impl Iterator<Item = char> + '_ {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .flat_map(|w| w.chars().flat_map(char::to_lowercase).chain([' ']))
    }
    a.len().abs_diff(b.len()) <= a.len() / 4 + 4 && words(a).eq(words(b))
}

/// Whether an element may show a headline: a heading, bold or `<font>` text, or an element
/// whose class names a title or headline ("titulo", "titre", "titel" too); not one whose class
/// names the site's own name or logo (WordPress's `<p class="site-title">`, an `<h1>` on its
/// front page).
fn may_show_headline(element: &Element) -> bool {
    const NAMES: &[&str] = &["title", "headline", "titul", "titre", "titel"];
    const SITE: &[&str] = &["site-title", "site-name", "sitename", "logo", "brand"];
    let class = element
        .attrs()
        .find_map(|(name, value)| (name == "class").then_some(value))
        .unwrap_or_default();
    !SITE.iter().any(|s| class.contains(s))
        && (matches!(element.name(), "h1" | "h2" | "b" | "strong" | "font")
            || NAMES.iter().any(|n| class.contains(n)))
}

/// What sets a site name off a headline in a title.
const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " » ", " « ", " · ", " / ",
];

/// The separators that may set a site name off in `title`: not a guillemet where the title
/// quotes with them ("Le gouvernement veut interdire les « puffs » dès septembre 2027").
fn separators(title: &str) -> impl Iterator<Item = &'static str> {
    let quotes = quotes_with_guillemets(title);
    SEPARATORS
        .iter()
        .copied()
        .filter(move |sep| !quotes || !sep.contains(['«', '»']))
}

/// Whether a title quotes with guillemets, an opening one before a closing one.
fn quotes_with_guillemets(title: &str) -> bool {
    title
        .find('«')
        .is_some_and(|open| title[open..].contains('»'))
}

/// Drops a site name prefix or suffix: `Headline | Site`, `Site - Headline`, `Headline — Site`.
fn strip_site_name(title: &str, site: Option<&str>) -> String {
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    for sep in separators(title) {
        let Some((head, tail)) = title.rsplit_once(sep) else {
            continue;
        };
        if let Some(site) = site {
            if same(tail, site) {
                return head.trim().to_owned();
            }
            if let Some((first, rest)) = title.split_once(sep)
                && same(first, site)
            {
                return rest.trim().to_owned();
            }
        } else if tail.split_whitespace().count() <= 3 && head.split_whitespace().count() >= 2 {
            // No site name to compare with: a short last segment is the site.
            return head.trim().to_owned();
        }
    }
    title.to_owned()
}

#[cfg(test)]
mod tests {
    use scraper::Html;

    use super::title;

    /// The headline of a page whose `<title>` is `shown` and whose `<h1>` is `h1`.
    fn headline(shown: &str, h1: &str) -> Option<String> {
        let page = Html::parse_document(&format!("<h1>{h1}</h1><p>Story.</p>"));
        title(
            &page,
            [None, None, None, None, Some(shown.to_owned())],
            [None, None],
            &[],
        )
    }

    #[test]
    fn the_pages_section_named_after_the_headline_goes() {
        let page = Html::parse_document("<p>Story.</p>");
        let shown = "Council votes to fix bridges - Politics - The Example Times";
        let title = title(
            &page,
            [None, None, None, None, Some(shown.to_owned())],
            [Some("The Example Times"), Some("Politics")],
            &[],
        );
        assert_eq!(title.as_deref(), Some("Council votes to fix bridges"));
    }

    #[test]
    fn the_site_s_name_shown_as_its_logo_is_no_headline() {
        // WordPress's day archive: the site's name is the only part of the title shown as such.
        let page = Html::parse_document(
            "<p class=\"site-title\"><a href=\"/\">The Valley Ledger</a></p>\
             <h1 class=\"page-title\">Day: <span>November 28, 2026</span></h1>",
        );
        let shown = "November 28, 2026 – The Valley Ledger";
        let title = title(
            &page,
            [None, None, None, None, Some(shown.to_owned())],
            [None, None],
            &[],
        );
        assert_eq!(title.as_deref(), Some("November 28, 2026"));
    }

    #[test]
    fn a_heading_rewording_the_title_s_part_is_the_headline() {
        let page = Html::parse_document(
            "<div class=\"menu\">Inicio</div><span class=\"titulo\">Vecinos de San Ramón piden \
             un semáforo en la ruta 40</span><div>Un grupo de vecinos presentó un petitorio.</div>",
        );
        let shown = "Diario del Valle - Vecinos de San Ramón piden semáforo en la ruta 40";
        let title = title(
            &page,
            [None, None, None, None, Some(shown.to_owned())],
            [None, None],
            &[],
        );
        assert_eq!(
            title.as_deref(),
            Some("Vecinos de San Ramón piden un semáforo en la ruta 40")
        );
    }

    #[test]
    fn labels_and_site_names_around_the_shown_headline_go() {
        for title in [
            "BREAKING: Council passes budget | Gazette",
            "Council passes budget (VIDEO) - Gazette",
            "Council passes budget « Daily Gazette",
            "Council passes budget _Politics _Gazette",
            "Council passes budget-Daily Gazette",
        ] {
            assert_eq!(
                headline(title, "Council passes budget").as_deref(),
                Some("Council passes budget"),
                "{title}"
            );
        }
        // Guillemets that quote are no separators; one alone before a site name is.
        let quoted = "Le gouvernement veut interdire les « puffs » dès septembre 2027";
        assert_eq!(headline(quoted, quoted).as_deref(), Some(quoted));
        assert_eq!(
            headline(&format!("{quoted} | Le Quotidien"), quoted).as_deref(),
            Some(quoted)
        );
        // An <h1> in two spans shows the title's words without its colon: the title as written.
        assert_eq!(
            headline(
                "Wärmepumpen: Warum der Boom stockt",
                "<span>Wärmepumpen</span> <span class=\"headline\">Warum der Boom stockt</span>"
            )
            .as_deref(),
            Some("Wärmepumpen: Warum der Boom stockt")
        );
        // A headline of one word, shown so.
        assert_eq!(
            headline("Video | Northern Post", "Video").as_deref(),
            Some("Video")
        );
        // A period the title has and the <h1> has not is not the headline's.
        assert_eq!(
            headline(
                "Fares go up again. Here's who pays.",
                "Fares go up again. Here's who pays"
            )
            .as_deref(),
            Some("Fares go up again. Here's who pays")
        );
        // A site name as the <h1> of its logo is no headline, nor is a word of the title.
        assert_eq!(
            headline("Council passes budget | Daily Gazette", "Daily Gazette").as_deref(),
            Some("Council passes budget")
        );
        assert_eq!(
            headline(
                "Council passes budget's first reading",
                "Council passes budget"
            )
            .as_deref(),
            Some("Council passes budget's first reading")
        );
    }
}
