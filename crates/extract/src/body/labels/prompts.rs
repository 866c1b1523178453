//! What the page says to its reader beside the story: offers to subscribe, to download its
//! app, to listen or to send a tip, notes on affiliate links, a player's fallback text.

/// What a page shows where its player or comments would be: "Your browser does not support the
/// video tag.", "Please enable JavaScript to view the comments powered by Disqus.".
pub(super) fn is_player_fallback(text: &str) -> bool {
    const MAX_WORDS: usize = 20;
    const FALLBACKS: &[&str] = &["browser does not support", "enable javascript to"];
    (text.contains("does not support") || text.contains("avaScript") || text.contains("avascript"))
        && text.split_whitespace().nth(MAX_WORDS).is_none()
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
/// links. We may earn a small commission if you buy through them." (not a sentence about
/// affiliate links in a story about them).
pub(super) fn is_affiliate_disclosure(text: &str) -> bool {
    const MAX_WORDS: usize = 40;
    const NOTES: &[&str] = &[
        "contains affiliate links",
        "we may earn",
        "we may receive a commission",
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

/// How a prompt to the reader opens, lowercase: an offer of a subscription or the app, a
/// request for tips. Story prose does not open with an imperative "Subscribe".
const READER_PROMPTS: &[&str] = &[
    "subscribe to",
    "subscribe now",
    "subscribe today",
    "subscribe for",
    "become a subscriber",
    "become a member",
    "support our journalism",
    "support local journalism",
    "download our app",
    "download the",
    "get the app",
    "click here to download",
    "have a news tip",
    "have a tip",
    "got a news tip",
    "got a tip",
    "do you have a news tip",
    "do you have a tip",
    "send us a tip",
    "send us your tips",
];

/// Whether a short block prompts the reader: "Subscribe to Town News for just $1 a week.",
/// "Click here to download our app.", "Have a news tip? Email us at tips@...".
pub(super) fn is_reader_prompt(text: &str) -> bool {
    const MAX_WORDS: usize = 20;
    let start = text.trim_start();
    // (Most blocks open with none of the prompts' first letters in capitals.)
    if !start.starts_with(['S', 'B', 'D', 'G', 'C', 'H'])
        || text.split_whitespace().nth(MAX_WORDS).is_some()
    {
        return false;
    }
    let lower = start.to_lowercase();
    READER_PROMPTS.iter().any(|p| {
        lower
            .strip_prefix(p)
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
    })
}
