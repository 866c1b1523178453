//! What the page says to its reader beside the story: offers to subscribe, to download its
//! app, to listen or to send a tip, notes on affiliate links, a player's fallback text.

use std::sync::LazyLock;

/// What a page shows where its player, comments or an embedded post would be: "Your browser
/// does not support the video tag.", "Please enable JavaScript to view the comments powered by
/// Disqus.", "This content is imported from Twitter. You may be able to find the same content
/// in another format ...".
pub(super) fn is_player_fallback(text: &str) -> bool {
    const MAX_WORDS: usize = 40;
    const FALLBACKS: &[&str] = &["browser does not support", "enable javascript to"];
    if text.starts_with("This content is imported from ") {
        return text.split_whitespace().nth(MAX_WORDS).is_none();
    }
    (text.contains("does not support") || text.contains("avaScript") || text.contains("avascript"))
        && text.split_whitespace().nth(MAX_WORDS / 2).is_none()
        && {
            let lower = text.to_lowercase();
            FALLBACKS.iter().any(|f| lower.contains(f))
        }
}

/// An offer to read the story aloud: "NEW You can now listen to Liberty News articles!".
pub(super) fn is_audio_prompt(text: &str) -> bool {
    const MAX_WORDS: usize = 15;
    text.contains("listen to")
        && text.split_whitespace().nth(MAX_WORDS).is_none()
        && text.to_lowercase().contains("you can now listen to")
}

/// A note that the page earns from the shops it links to: "This article contains affiliate
/// links. We may earn a small commission if you buy through them.", "The Daily may receive a
/// commission when you buy through our links." (not a sentence about
/// affiliate links in a story about them).
pub(super) fn is_affiliate_disclosure(text: &str) -> bool {
    const MAX_WORDS: usize = 40;
    const NOTES: &[&str] = &[
        "contains affiliate links",
        "we may earn",
        "may receive a commission",
        "may earn a commission",
        "when you buy through",
        "we earn a commission",
        "we earn an affiliate commission",
    ];
    // (Most blocks have neither word: they are not lowered.)
    if !(text.contains("ffiliate") || text.contains("ommission"))
        || text.split_whitespace().nth(MAX_WORDS).is_some()
    {
        return false;
    }
    let lower = text.to_lowercase();
    NOTES.iter().any(|n| lower.contains(n))
}

/// `READER_REQUESTS` by their first letter (they open with ASCII letters): a block is compared
/// with the few that open as it does.
static BY_FIRST_LETTER: LazyLock<[Vec<&'static str>; 26]> = LazyLock::new(|| {
    let mut buckets: [Vec<&'static str>; 26] = Default::default();
    for request in crate::edges::READER_REQUESTS {
        if let Some(b) = request.bytes().next().filter(u8::is_ascii_lowercase) {
            buckets[usize::from(b - b'a')].push(request);
        }
    }
    buckets
});

/// Whether a short block prompts the reader, opening as `READER_REQUESTS` say, perhaps after a
/// question: "Subscribe to Town News for just $1 a week.", "Click here to download our app.",
/// "Have a news tip? Email us at tips@...".
pub(super) fn is_reader_prompt(text: &str) -> bool {
    const MAX_WORDS: usize = 20;
    if text.split_whitespace().nth(MAX_WORDS).is_some() {
        return false;
    }
    let start = text.trim_start();
    // "Are you a rideshare driver? Contact this reporter at ...": a question to the reader first.
    opens_with_request(start)
        || start
            .split_once('?')
            .is_some_and(|(_, rest)| opens_with_request(rest.trim_start()))
}

/// Whether a text opens as one of `READER_REQUESTS` does, a whole word or phrase.
fn opens_with_request(start: &str) -> bool {
    let Some(first) = start.bytes().next().filter(u8::is_ascii_alphabetic) else {
        return false;
    };
    BY_FIRST_LETTER[usize::from(first.to_ascii_lowercase() - b'a')]
        .iter()
        .any(|r| {
            start
                .get(..r.len())
                .is_some_and(|opening| opening.eq_ignore_ascii_case(r))
                && !start[r.len()..].starts_with(char::is_alphanumeric)
        })
}
