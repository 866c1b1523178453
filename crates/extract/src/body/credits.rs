//! Picture credits: a line that credits a picture, and the credit closing a picture's line.

use super::labels::lowercase_words;

/// Labels of a picture's credit line ("(Bild: Hersteller)", "Photo: AP"), lowercase.
const CREDIT_LABELS: &[&str] = &[
    "photo",
    "photos",
    "image",
    "images",
    "picture",
    "photograph",
    "photographs",
    "photography",
    "illustration",
    "credit",
    "credits",
    "bild",
    "foto",
    "fotos",
    "crédit",
    "crédits",
    "crédito",
    "imagen",
    "imagem",
    "immagine",
    "fotó",
    "kuva",
    "zdjęcie",
    "фото",
    "снимка",
    "φωτογραφία",
];

/// Picture agencies as credit lines name them, lowercase ("Jane Roe/Getty Images", "(AP
/// Photo/Jane Roe)").
const AGENCIES: &[&str] = &[
    "getty images",
    "/getty",
    "istock",
    "shutterstock",
    "ap photo",
    "/ap)",
    "/afp",
    "afp/",
    "/reuters",
    "reuters/",
    "/epa",
    "epa/",
    "/dpa",
    "dpa/",
    "alamy",
];

/// Picture agencies whose name alone, as a block of its own, credits a picture ("Getty Images"
/// after a screen-reader "Image source,"), lowercase and without punctuation.
const AGENCY_NAMES: &[&str] = &[
    "getty images",
    "afp via getty images",
    "ap",
    "afp",
    "reuters",
    "epa",
    "dpa",
    "pa media",
    "pa wire",
    "shutterstock",
    "alamy",
    "istock",
];

/// Whether a block credits a picture: a credit label and a colon ("(Photo: Jane Roe/AP)",
/// "(All photos: Atlas staff)"), "Photos by ..." (also "Photo by", "Top photo by"), or a short
/// line naming a picture agency after a slash ("Thomas Jackson/Digital Vision/Getty Images"),
/// a Chinese caption ("图为...", "...（记者 李强 摄）").
pub(super) fn is_credit(text: &str) -> bool {
    const NAME_CHARS: usize = 40;
    if text.chars().count() <= NAME_CHARS
        && AGENCY_NAMES.contains(&lowercase_words(text).join(" ").as_str())
    {
        return true;
    }
    const MAX_WORDS: usize = 30;
    const AGENCY_LINE_WORDS: usize = 12;
    // The slash of "Name/Agency": a heading about an agency ("Getty Images sues ...") is no
    // credit.
    if text.len() < AGENCY_LINE_WORDS * 12
        && text.contains('/')
        && !text.ends_with(['.', '!', '?'])
        && text.split_whitespace().nth(AGENCY_LINE_WORDS).is_none()
    {
        let lower = text.to_lowercase();
        if AGENCIES.iter().any(|a| lower.contains(a)) {
            return true;
        }
    }
    // A Chinese caption: "图为..." ("the picture shows"), or a line closed by its photographer's
    // credit, "（记者 李强 摄）".
    const CAPTION_CHARS: usize = 150;
    if text.chars().count() <= CAPTION_CHARS
        && (text.starts_with("图为") || text.ends_with("摄）") || text.ends_with("摄)"))
    {
        return true;
    }
    // "Image source, Getty Images": the BBC's credit line.
    let source = text.get(..13).is_some_and(|s| {
        s.eq_ignore_ascii_case("image source,") || s.eq_ignore_ascii_case("image source:")
    });
    if source && text.split_whitespace().nth(AGENCY_LINE_WORDS).is_none() {
        return true;
    }
    // "All photos: ...", "Top photo by ...".
    const WHICH: &[&str] = &["all", "top", "lead", "main", "cover", "header"];
    let text = text.trim_start_matches(['(', '[']);
    let mut words = text.split_whitespace().peekable();
    // After such a word, the label is the next one.
    words.next_if(|w| WHICH.iter().any(|q| q.eq_ignore_ascii_case(w)));
    let (Some(first), second) = (words.next(), words.next()) else {
        return false;
    };
    let label = first
        .strip_suffix(':')
        .or_else(|| matches!(second, Some(":" | "by")).then_some(first));
    label.is_some_and(|l| CREDIT_LABELS.contains(&l.to_lowercase().as_str()))
        && words.nth(MAX_WORDS - 2).is_none()
}

/// Marks a block that was a picture's caption, closed by its credit, until
/// `settle_captions` decides whether it stays.
pub(super) const CAPTION: char = '\u{e002}';

/// Drops the pictures' captions among a story's paragraphs; on a page of pictures, where the
/// captions are most of the text ("The week in pictures"), they are its story and stay,
/// without their credits.
pub(super) fn settle_captions(blocks: &mut Vec<String>) {
    let captions = blocks.iter().filter(|b| b.starts_with(CAPTION)).count();
    if captions == 0 {
        return;
    }
    if 2 * captions < blocks.len() {
        blocks.retain(|b| !b.starts_with(CAPTION));
    } else {
        for block in blocks.iter_mut() {
            if block.starts_with(CAPTION) {
                block.remove(0);
            }
        }
    }
}

/// A caption without the credit that closes it: "Firefighters near Redding on Monday. (AP
/// Photo/Jane Roe)", "A fountain in Rome. Photograph: Jane Roe/AP", "A street in Harare
/// Credit: STR/AFP", "The ship docks in Shanghai, Nov. 24, 2026. (Xinhua/Fang Zhe)". A block
/// that ends a sentence has no such credit.
pub(super) fn without_closing_credit(text: &str) -> &str {
    if text.ends_with(['.', '!', '?']) {
        return text;
    }
    let at = if text.ends_with(')') {
        text.rfind('(')
    } else {
        credit_label_at(text).or_else(|| text.rfind(". ").map(|at| at + 1))
    };
    let credited = |at: usize| {
        let (caption, credit) = (text[..at].trim_end(), text[at..].trim_start());
        is_credit(credit) || caption.ends_with('.') && is_agency_and_name(credit)
    };
    match at {
        // Without the separator before the credit, too ("... costs $35 - Image: Jane Roe").
        Some(at) if at > 0 && credited(at) => text[..at].trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|' | '·' | ',')
        }),
        _ => text,
    }
}

/// Whether a parenthesis names a picture's agency and its photographer, after a sentence:
/// "(Xinhua/Fang Zhe)", "(China Daily/Wang Jing)"; capitalised words, a name among them, not an
/// abbreviation's "(TCP/IP)" nor "(Photo/video)".
fn is_agency_and_name(credit: &str) -> bool {
    const MAX_WORDS: usize = 4;
    let Some(inner) = credit.strip_prefix('(').and_then(|c| c.strip_suffix(')')) else {
        return false;
    };
    let parts: Vec<Vec<&str>> = inner
        .split('/')
        .map(|part| part.split_whitespace().collect())
        .collect();
    (2..=3).contains(&parts.len())
        && parts.iter().all(|words| {
            (1..=MAX_WORDS).contains(&words.len())
                && words
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        })
        && parts.iter().any(|words| words.len() >= 2)
}

/// Where a credit label starts that is followed by a few words at the end of a caption: "... on
/// a Harare street on Thursday Credit: STR/AFP".
fn credit_label_at(text: &str) -> Option<usize> {
    const MAX_WORDS: usize = 8;
    let colon = text.rfind(':')?;
    if text[colon + 1..]
        .split_whitespace()
        .nth(MAX_WORDS)
        .is_some()
    {
        return None;
    }
    let start = text[..colon]
        .rfind(char::is_whitespace)
        .map_or(0, |at| at + 1);
    let label = &text[start..colon];
    CREDIT_LABELS
        .iter()
        .any(|c| c.eq_ignore_ascii_case(label))
        .then_some(start)
}
