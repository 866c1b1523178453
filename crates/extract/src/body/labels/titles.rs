//! Titles of boxes the page sets around its story: teasers, readers' comments, "Related ...".

use super::lowercase_words;
use super::words::{FURNITURE, TEASER_TITLES};

/// Whether the title of a box says it holds teasers for other pages: "Most read", "Related",
/// "More from the Herald".
pub(in crate::body) fn is_teaser_title(text: &str) -> bool {
    const MAX_CHARS: usize = 50;
    if text.chars().count() > MAX_CHARS {
        return false;
    }
    let words = lowercase_words(text);
    let joined = words.join(" ");
    joined.starts_with("more from ")
        || is_related_label(&words)
        || is_site_list_title(&words)
        || TEASER_TITLES.contains(&joined.as_str())
        || FURNITURE.contains(&joined.as_str())
}

/// Whether a box's title says it holds readers' comments: "Comments", "12 Comments", "6
/// Responses to "City to spend $500,000 ..."", "One thought on ...", "Leave a Reply", "Join the
/// conversation". A story's section is never headed so.
pub(in crate::body) fn is_comments_title(text: &str) -> bool {
    const MAX_CHARS: usize = 200;
    const COUNTED: &[&str] = &[
        "comment",
        "comments",
        "response",
        "responses",
        "reply",
        "replies",
        "thought",
        "thoughts",
    ];
    if text.chars().count() > MAX_CHARS {
        return false;
    }
    let words = lowercase_words(text);
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    let counted = w.len() >= 2
        && (w[0] == "one" || w[0].chars().all(|c| c.is_ascii_digit()))
        && COUNTED.contains(&w[1])
        && w.get(2).is_none_or(|next| matches!(*next, "to" | "on"));
    counted
        || matches!(
            w.as_slice(),
            ["comments"]
                | ["reader" | "readers", "comments"]
                | ["leave", "a", "reply" | "comment", ..]
                | ["join", "the", "conversation" | "discussion"]
        )
}

/// A teaser box's title naming the site its stories come from: "Most Read from Bloomberg",
/// "More Must-Reads from TIME", "Top stories from Reuters"; left alone in a story when its
/// links are gone, as no story's paragraph or heading reads so.
pub(super) fn is_site_list_title(words: &[String]) -> bool {
    const SITE_WORDS: usize = 3;
    let Some(from) = words.iter().position(|w| w == "from") else {
        return false;
    };
    (1..=SITE_WORDS).contains(&(words.len() - from - 1))
        && TEASER_TITLES.contains(&words[..from].join(" ").as_str())
}

/// "Related coverage", "Related video", "Related reading": a label of a few words opening with
/// "related", whatever the rest says; no story's paragraph or heading is one.
pub(super) fn is_related_label(words: &[String]) -> bool {
    const MAX_WORDS: usize = 3;
    words.first().is_some_and(|w| w == "related") && words.len() <= MAX_WORDS
}
