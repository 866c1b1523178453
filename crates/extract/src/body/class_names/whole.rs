//! Whole class names that say only an element's state ("has-sidebar", "nav-open"), or that
//! are made of story words alone ("body-text", "main-content").

use super::{Word, words};

/// First and last parts of class names that name a state or a layout's option, not what the
/// element is: "has-sidebar", "with-ads", "share-enabled", "nav-open" on a story's container.
const STATE_FIRST: &[&str] = &["has", "with", "without", "no"];
const STATE_LAST: &[&str] = &[
    "enabled",
    "disabled",
    "open",
    "opened",
    "closed",
    "active",
    "visible",
    "loaded",
    "ready",
    "expanded",
    "collapsed",
];

/// Whether a class name (lowercase) names a state or an option ("has-sidebar", "nav-open").
pub(super) fn is_state(name: &str) -> bool {
    let mut parts = name.split(['-', '_']).filter(|p| !p.is_empty());
    let first = parts.next().unwrap_or_default();
    let last = parts.next_back().unwrap_or_default();
    STATE_FIRST.contains(&first) || STATE_LAST.contains(&last)
}

/// Parts that name a container, not what it holds ("field-body", "article-inner").
const CONTAINER_PARTS: &[&str] = &[
    "inner",
    "wrap",
    "wrapper",
    "container",
    "area",
    "field",
    "rich",
    "single",
    "detail",
];

/// Whether a class name (lowercase) is made of story words and container parts only, after
/// a short namespace ("body-text", "main-content", "td-post-content", "c-article__body"): the
/// story's container, even where other names say more. One word alone counts only if it is not
/// also a layout's ("page", "main").
pub(super) fn is_story_name(name: &str) -> bool {
    let mut parts = words(name).filter(|p| !p.0.is_empty()).peekable();
    if parts.peek().is_some_and(|p| p.0.len() <= 2) {
        parts.next();
    }
    let (mut story, mut all) = (0, true);
    for (part, says) in parts {
        match says {
            Some(Word::Story) if part != "page" => story += 1,
            _ => all &= CONTAINER_PARTS.contains(&part) || part == "page",
        }
    }
    all && story > 0 && !matches!(name, "main")
}
