//! Who wrote the story: the bylines marked up in the page, and where a visible one sits.

use scraper::Html;

use super::names::push_name;
use super::{AUTHOR, Tags};
use bylines::marked;
pub(crate) use newsroom::is_newsroom;

mod bylines;
mod newsroom;

/// The authors: JSON-LD, then meta tags, then rel=author / microdata, then a visible byline.
/// The site's own name there (`publisher`: the site name, else JSON-LD's publisher) or its
/// desk's ("Redação", "Staff") gives way to the next source that names someone.
pub(super) fn authors(
    document: &Html,
    linked_data: Vec<String>,
    tags: &Tags<'_>,
    publisher: Option<&str>,
) -> Vec<String> {
    let only_site = |names: &[String]| {
        names
            .iter()
            .all(|n| publisher.is_some_and(|site| n.eq_ignore_ascii_case(site)) || is_newsroom(n))
    };
    let mut authors = linked_data;
    if authors.is_empty() || only_site(&authors) {
        authors = Some(meta_authors(tags))
            .filter(|a| !a.is_empty())
            .unwrap_or(authors);
    }
    if authors.is_empty() || only_site(&authors) {
        authors = Some(marked(document))
            .filter(|a| !a.is_empty())
            .unwrap_or(authors);
    }
    // A desk is nobody's name: a page signed "Redacción" alone names no author.
    authors.retain(|n| !is_newsroom(n));
    without_language_by(&mut authors, document);
    authors
}

/// Cuts the "By" of a byline in a language where that word is elsewhere a name's: Catalan
/// "Per Jordi Puig" (Per is a Nordic first name), Swahili "Na Juma Mwinyi" (Na a Korean surname),
/// Albanian "Nga Arben Hoxha" (Nga a Vietnamese given name).
fn without_language_by(authors: &mut [String], document: &Html) {
    const BY_WORDS: &[(&str, &str)] = &[("ca", "Per "), ("sw", "Na "), ("sq", "Nga ")];
    let Some(lang) = document.root_element().attr("lang") else {
        return;
    };
    let Some((_, by)) = BY_WORDS.iter().find(|(l, _)| {
        lang.get(..2).is_some_and(|p| p.eq_ignore_ascii_case(l))
            && lang
                .as_bytes()
                .get(2)
                .is_none_or(|b| matches!(b, b'-' | b'_'))
    }) else {
        return;
    };
    for author in authors.iter_mut() {
        if let Some(name) = author.strip_prefix(by).filter(|n| n.contains(' ')) {
            *author = name.to_owned();
        }
    }
}

/// The names under the first author key that has any: several keys on one page are usually
/// the same people written differently.
/// "Okafor, Daniel" as "Daniel Okafor": one comma between a surname and given names of one to
/// three words each.
fn surname_first(name: &str) -> Option<String> {
    let (surname, given) = name.split_once(", ")?;
    let words = |part: &str| (1..=3).contains(&part.split_whitespace().count());
    (words(surname) && words(given) && !given.contains(',')).then(|| format!("{given} {surname}"))
}

fn meta_authors(tags: &Tags<'_>) -> Vec<String> {
    AUTHOR
        .iter()
        .map(|key| {
            let mut names = Vec::new();
            for value in tags.all(key) {
                // Highwire's tags write a name surname first: "Okafor, Daniel".
                let name = (*key == "citation_author")
                    .then(|| surname_first(value))
                    .flatten();
                push_name(&mut names, name.as_deref().unwrap_or(value));
            }
            names
        })
        .find(|names| !names.is_empty())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
