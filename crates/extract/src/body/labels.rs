//! What a block of text says of itself: a label or button of the page, a picture's credit, or
//! a pointer to another page.

use super::credits::is_credit;
use super::emit::{LINK_END, LINK_START};

mod prompts;
mod titles;
mod words;

use prompts::{is_affiliate_disclosure, is_audio_prompt, is_player_fallback, is_reader_prompt};
pub(super) use titles::{is_comments_title, is_teaser_title};
use titles::{is_related_label, is_site_list_title};
use words::{FURNITURE, POINTER_LABELS};

/// Whether a paragraph with `linked` of its `all` letters and digits inside links only points
/// at another page: nothing but link text, a label and a link, or a bracketed promotion.
pub(super) fn is_pointer(raw: &str, all: usize, linked: usize) -> bool {
    const LABEL_CHARS: usize = 30;
    const FOLLOW_WORDS: usize = 4;
    if linked == all {
        return true;
    }
    let visible = |c: &char| !c.is_whitespace() && !matches!(*c, LINK_START | LINK_END);
    let bracketed = raw.chars().find(visible) == Some('[')
        && raw.chars().rev().filter(visible).find(|c| *c != '.') == Some(']');
    if bracketed {
        return true;
    }
    if is_invitation(raw) {
        return true;
    }
    // "Related: <link>", also "Also Read | <link>", "【関連記事】<link>", "SEE ALSO <link>",
    // "À lire aussi <link>Tabac : ...</link>": the label ends where the first of them is.
    let Some(at) = raw.find([':', '|', LINK_START]) else {
        return false;
    };
    let (label, rest) = raw.split_at(at);
    let rest = rest.strip_prefix([':', '|']).unwrap_or(rest);
    if label.trim_start().chars().count() > LABEL_CHARS {
        return false;
    }
    // "AP soccer: <https://...>": a label and a bare address, whatever the label says.
    let bare_address = rest
        .trim()
        .strip_prefix(LINK_START)
        .and_then(|rest| rest.strip_suffix(LINK_END))
        .is_some_and(|link| {
            let link = link.trim();
            (link.starts_with("http") || link.starts_with("www.")) && !link.contains(' ')
        });
    if bare_address && !label.contains(LINK_START) {
        return true;
    }
    let label_chars = label.chars().filter(|c| c.is_alphanumeric()).count();
    let words = lowercase_words(label);
    // "Follow Backchannel: <a>Twitter</a> | <a>Facebook</a>" points at the site's accounts.
    let follow = words.first().is_some_and(|w| w == "follow") && words.len() <= FOLLOW_WORDS;
    if (follow || POINTER_LABELS.contains(&words.join(" ").as_str()))
        && linked * 2 > all - label_chars
    {
        return true;
    }
    is_labelled_headline(raw, label, rest)
}

/// Whether a label of a few words in any language, set off by a colon or a bar, leads a link
/// that is all the rest, a headline: "Lexo edhe: <a>Qeveria miraton buxhetin e ri</a>" is
/// Albanian for "Read also: ...".
fn is_labelled_headline(raw: &str, label: &str, rest: &str) -> bool {
    const LABEL_WORDS: usize = 3;
    const HEADLINE_WORDS: usize = 3;
    let separated = raw
        .as_bytes()
        .get(label.len())
        .is_some_and(|b| matches!(b, b':' | b'|'));
    let label_words = label.split_whitespace().count();
    let headline = rest
        .trim()
        .strip_prefix(LINK_START)
        .and_then(|r| r.strip_suffix(LINK_END))
        .filter(|h| !h.contains([LINK_START, LINK_END]));
    separated
        && (1..=LABEL_WORDS).contains(&label_words)
        && !label.contains(LINK_START)
        && headline.is_some_and(|h| h.split_whitespace().nth(HEADLINE_WORDS - 1).is_some())
}

/// How an invitation to a mailing list starts a sentence, lowercase.
const INVITATIONS: &[&str] = &[
    "sign up",
    "subscribe",
    "click here to subscribe",
    "click here to sign up",
    "get our",
    "get the",
    // German, French, Spanish
    "melden sie sich",
    "abonnieren sie",
    "abonnez-vous",
    "inscrivez-vous",
    "suscríbete",
    "suscríbase",
    "regístrate",
    "apúntate",
    "recibe",
    // Portuguese, Italian
    "inscreva-se",
    "cadastre-se",
    "receba",
    "assine",
    "iscriviti",
    "ricevi",
];

/// What the invitation is to, lowercase.
const MAILINGS: &[&str] = &["newsletter", "inbox", "infolettre", "boletín"];

/// Whether a short paragraph with a link invites the reader to a mailing list ("Sign up to our
/// free <a>Morning Headlines newsletter</a> for the day's biggest stories"): one of its
/// sentences starts with the invitation, and it names the newsletter or the inbox.
fn is_invitation(raw: &str) -> bool {
    const MAX_WORDS: usize = 40;
    if raw.split_whitespace().nth(MAX_WORDS).is_some() {
        return false;
    }
    let text: String = raw
        .chars()
        .filter(|c| !matches!(*c, LINK_START | LINK_END))
        .collect();
    mentions_mailing(&text) && text.split_inclusive(['.', '!', '?']).any(invites)
}

/// Whether a short paragraph without a link invites the reader to a mailing list: "Get the
/// Daily Briefing newsletter in your inbox.", "Want more? Subscribe to our newsletter." (a
/// sentence opening with the invitation's verb followed by its object, not "Subscribe, the
/// town's newsletter told its readers").
fn is_bare_invitation(text: &str) -> bool {
    const MAX_WORDS: usize = 20;
    if text.split_whitespace().nth(MAX_WORDS).is_some() {
        return false;
    }
    let lower = text.to_lowercase();
    lower.split_inclusive(['.', '!', '?']).any(|sentence| {
        INVITATIONS.iter().any(|i| {
            sentence
                .trim_start()
                .strip_prefix(i)
                .is_some_and(|rest| rest.starts_with(' '))
        })
    }) && mentions_mailing(text)
}

/// Whether a sentence starts with an invitation to sign up or subscribe.
pub(super) fn invites(sentence: &str) -> bool {
    let start = sentence
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    INVITATIONS.iter().any(|i| {
        start
            .strip_prefix(i)
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
    })
}

/// Whether a text names a newsletter or the reader's inbox.
pub(super) fn mentions_mailing(text: &str) -> bool {
    let lower = text.to_lowercase();
    MAILINGS.iter().any(|m| lower.contains(m))
}

/// The words of a text, lowercase, without the punctuation and spaces between them: how the
/// label lists here are written.
pub(super) fn lowercase_words(text: &str) -> Vec<String> {
    text.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.is_ascii() {
                return w.to_ascii_lowercase();
            }
            // Arabic vowel marks are written or left out at will ("أيضاً", "أيضا"): left out.
            w.chars()
                .filter(|c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}'))
                .flat_map(char::to_lowercase)
                .collect()
        })
        .collect()
}

/// Whether a character belongs to a word: a letter or digit, or a mark joined to one, which
/// Unicode does not always count as alphabetic (the virama and nukta of Indic scripts, "पढ़ें";
/// Thai tone marks, "อ่าน"; Hebrew and Arabic points), or the zero-width non-joiner inside a
/// Persian word ("برچسب‌ها").
pub(super) fn is_word_char(c: char) -> bool {
    const MARKS: &[(char, char)] = &[
        ('\u{0300}', '\u{036F}'), // combining diacritics
        ('\u{0591}', '\u{05C7}'), // Hebrew points
        ('\u{0610}', '\u{061A}'), // Arabic marks
        ('\u{064B}', '\u{065F}'),
        ('\u{0670}', '\u{0670}'),
        ('\u{0900}', '\u{0963}'), // Indic scripts, but for the dandas
        ('\u{0966}', '\u{0DFF}'),
        ('\u{0E00}', '\u{0EFF}'), // Thai and Lao
        ('\u{1000}', '\u{109F}'), // Myanmar
        ('\u{1780}', '\u{17FF}'), // Khmer
        ('\u{200C}', '\u{200D}'), // zero-width (non-)joiner
    ];
    c.is_alphanumeric() || MARKS.iter().any(|&(from, to)| (from..=to).contains(&c))
}

/// Whether a block is a label or button of the page rather than text of the story.
pub(super) fn is_furniture(text: &str) -> bool {
    const MAX_CHARS: usize = 48;
    if is_credit(text)
        || is_bare_invitation(text)
        || is_player_fallback(text)
        || is_capital_pointer(text)
        || is_affiliate_disclosure(text)
        || is_audio_prompt(text)
        || is_reader_prompt(text)
    {
        return true;
    }
    const SHARE_ROW_CHARS: usize = 100;
    let count = text.chars().count();
    if text.len() > SHARE_ROW_CHARS * 4 || count > SHARE_ROW_CHARS {
        return false;
    }
    if count > MAX_CHARS {
        // Only a row of share buttons is furniture this long; most blocks are not one.
        let opens_with_share = text
            .split_whitespace()
            .next()
            .is_some_and(|w| SHARE.iter().any(|s| w.eq_ignore_ascii_case(s)));
        return opens_with_share && is_share_buttons(&lowercase_words(text));
    }
    let words = lowercase_words(text);
    // "Powered by SmartAsset.com": a widget's credit.
    let credit = words.len() <= 5 && words.starts_with(&["powered".into(), "by".into()]);
    // "This article is more than 2 years old": an archive's banner.
    const AGED: [&str; 5] = ["this", "article", "is", "more", "than"];
    let aged = words.len() > AGED.len()
        && words.iter().zip(AGED).all(|(w, a)| w == a)
        && words.last().is_some_and(|w| w == "old");
    // "Listen to article 5 min": a button with its duration.
    let words_joined = without_duration(&words).join(" ");
    // A pointer's label left alone ("Veja também" over links that are gone).
    credit
        || aged
        || is_related_label(&words)
        || is_site_list_title(&words)
        || is_counter(&words)
        || is_share_buttons(&words)
        || FURNITURE.contains(&words_joined.as_str())
        || POINTER_LABELS.contains(&words_joined.as_str())
}

/// A headline of another story under a pointer label in capitals, without its link: "RELATED:
/// Hiker rescued near Hyalite Reservoir after fall", "WATCH: ...". Prose does not open with a
/// shouted "RELATED:".
fn is_capital_pointer(text: &str) -> bool {
    const HEADLINE_WORDS: usize = 20;
    let Some((label, rest)) = text.split_once(':') else {
        return false;
    };
    let capitals = label.chars().any(char::is_alphabetic) && !label.chars().any(char::is_lowercase);
    capitals
        && !rest.trim().is_empty()
        && rest.split_whitespace().nth(HEADLINE_WORDS).is_none()
        && POINTER_LABELS.contains(&lowercase_words(label).join(" ").as_str())
}

/// The word a row of share buttons opens with, lowercase.
const SHARE: &[&str] = &[
    "share",
    "partager",
    "teilen",
    "compartir",
    "condividi",
    "compartilhe",
    "compartilhar",
    "delen",
    "del",
    "dela",
    "jaa",
    "udostępnij",
    "paylaş",
    "bagikan",
];

/// A row of share buttons' labels: "Share on Facebook Share on X", "Share via Email",
/// "Partager cet article Facebook Twitter Mail".
fn is_share_buttons(words: &[String]) -> bool {
    const WORDS: &[&str] = &[
        "on",
        "via",
        "to",
        "this",
        "article",
        "story",
        "email",
        "mail",
        "e",
        "copy",
        "link",
        "print",
        "cet",
        "diesen",
        "artikel",
        "articolo",
        "artículo",
        "artigo",
    ];
    words.len() >= 2
        && SHARE.contains(&words[0].as_str())
        && words.iter().all(|w| {
            SHARE.contains(&w.as_str())
                || WORDS.contains(&w.as_str())
                || crate::SOCIAL_NETWORKS.contains(&w.as_str())
        })
}

/// A label's words without the minutes that close it ("listen to article 5 min").
fn without_duration(words: &[String]) -> &[String] {
    match words {
        [label @ .., n, unit]
            if !label.is_empty()
                && n.chars().all(|c| c.is_ascii_digit())
                && matches!(unit.as_str(), "min" | "mins" | "minute" | "minutes") =>
        {
            label
        }
        _ => words,
    }
}

/// A gallery's counter: "Photo 3/10", "Image 1 of 5", "Slide 2 von 8", a slide's bare
/// "1 of 5"; a count of readers' comments, "Comments (12)", "12 Comments".
fn is_counter(words: &[String]) -> bool {
    const COUNTED: &[&str] = &[
        "photo", "image", "picture", "slide", "foto", "bild", "imagen",
    ];
    const OF: &[&str] = &["of", "von", "de", "sur", "di", "из"];
    let number = |w: &String| w.chars().all(|c| c.is_ascii_digit());
    let counted = words.len() >= 3
        && COUNTED.contains(&words[0].as_str())
        && words[1..]
            .iter()
            .all(|w| number(w) || OF.contains(&w.as_str()));
    let bare = matches!(words, [n, of, m] if number(n) && OF.contains(&of.as_str()) && number(m));
    const COMMENTS: &[&str] = &[
        "comments",
        "comment",
        "kommentare",
        "commentaires",
        "comentarios",
    ];
    let comments = matches!(words, [a, b]
        if number(a) && COMMENTS.contains(&b.as_str())
            || number(b) && COMMENTS.contains(&a.as_str()));
    // "This story has been shared 1,234 times."
    const SHARED_WORDS: usize = 8;
    let shared = words.len() <= SHARED_WORDS
        && words.last().is_some_and(|w| w == "times")
        && words.iter().position(|w| w == "shared").is_some_and(|at| {
            let count = &words[at + 1..words.len() - 1];
            !count.is_empty() && count.iter().all(number)
        });
    counted || bare || comments || shared
}
