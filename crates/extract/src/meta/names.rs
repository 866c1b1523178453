//! Names in a byline string: "By Jane Roe, Staff Writer | Updated 2 hours ago" -> "Jane Roe".

use super::{collapse, push_unique};
use crate::dates;

/// "By" in the languages news is most often read in; a byline starting with one is cut there.
const BY_PREFIXES: &[&str] = &[
    "written by",
    "words by",
    "text by",
    "posted by",
    "reported by",
    "story by",
    "by",
    "par",
    "von",
    "por",
    "di",
    "door",
    "av",
    "de",
    "بقلم",
    "كتب:",
    // Malay; labels that name the writer ("Автор: ...", "Piše: ..."). (Catalan "Per" and
    // Swahili "Na" are first names and surnames elsewhere: `meta` cuts them by the page's
    // language.)
    "oleh",
    "автор:",
    "autors:",
    "autorius:",
    "müəllif:",
    "autor:",
    "piše:",
    "пише:",
    "எழுதியவர்:",
    "लेखक:",
    "రచయిత:",
    "ಲೇಖಕ:",
    "લેખક:",
    "ਲੇਖਕ:",
];

/// Words that end the names in a byline: "By Jane Roe Updated 2 hours ago", "Written by Jane
/// Roe Edited by John Doe".
const AFTER_NAMES: &[&str] = &[
    "updated",
    "published",
    "posted",
    "edited",
    "reviewed",
    "modified",
    "last",
    // Korean: "박지훈 기자 입력 2026.06.18" (filed, updated)
    "입력",
    "수정",
    "등록",
    "기사입력",
];

/// What a name never ends with.
const TRAILING: &[char] = &[' ', ',', ';', ':', '-', '·', '('];

/// The names in a byline: "By Jane Roe and John Doe" -> ["Jane Roe", "John Doe"]. What follows
/// a name in a visible byline (a date, a handle, "| Updated ...") is cut; URLs and labels
/// ("Last updated:") are not names.
pub(super) fn push_name(out: &mut Vec<String>, raw: &str) {
    let text = collapse(raw);
    let lower = text.to_lowercase();
    if BY_PREFIXES.contains(&lower.as_str()) {
        return;
    }
    // "By Jane Roe", also "Written by: Jane Roe".
    let text = BY_PREFIXES
        .iter()
        .find(|p| lower.starts_with(*p) && lower[p.len()..].starts_with([' ', ':']))
        .map_or(text.as_str(), |p| {
            text[p.len()..].trim_start_matches([' ', ':']).trim_end()
        });
    if text.starts_with("http") {
        return;
    }
    // "Author: Jane Roe", "Text: Jane Roe": a one-word label goes.
    let text = match text.split_once(": ") {
        Some((label, rest)) if !label.contains(' ') && label.chars().count() <= 12 => rest,
        _ => text,
    };
    let cut = text
        .char_indices()
        .find(|(_, c)| c.is_ascii_digit() || matches!(c, '@' | '|' | '•' | '—' | '–' | '\n'));
    // "Rina Wulandari - detikNews": a spaced hyphen ends the name as a dash does.
    let end = cut
        .map_or(text.len(), |(i, _)| i)
        .min(text.find(" - ").unwrap_or(text.len()));
    let mut text = names_part(text[..end].trim_end_matches(TRAILING));
    if cut.is_some_and(|(_, c)| c.is_ascii_digit())
        && let Some((name, last)) = text.rsplit_once(' ')
        && dates::is_month_name(last)
    {
        // "Jane Roe March 11, 2015": the date was cut at its day; its month goes with it.
        text = name.trim_end_matches(TRAILING);
    }
    if text.contains(':') {
        return;
    }
    // What is left of "The Editors" or "Our Correspondent" once the role goes: nobody.
    const ARTICLES: &[&str] = &["the", "our", "a", "an", "your"];
    for name in people(text) {
        let name = without_role(without_place(name.trim()));
        if ARTICLES.iter().any(|a| a.eq_ignore_ascii_case(name)) {
            continue;
        }
        // "Posted by Jane Roe.": the sentence's period, not an initial's ("Jane Q.", "Jr.").
        let name = match name.strip_suffix('.') {
            Some(bare)
                if bare
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| w.chars().count() > 2) =>
            {
                bare
            }
            _ => name,
        };
        if !name.is_empty() && name.len() <= 100 && name.split_whitespace().count() <= 6 {
            push_unique(out, name);
        }
    }
}

/// The people a byline string names ("Jane Roe in Brussels and John Doe" -> both), read as a
/// byline in the page is.
pub(crate) fn byline_names(raw: &str) -> Vec<String> {
    let mut names = Vec::new();
    push_name(&mut names, raw);
    names
}

/// A byline without the words after its names: a label ("Jane Roe Updated 2 hours ago") or,
/// after names in capitals, the newsroom ("JANE ROE Associated Press").
fn names_part(text: &str) -> &str {
    const JOINING_WORDS: &[&str] = &["and", "&", "und", "et", "y", "e", "with"];
    let words: Vec<(usize, &str)> = text
        .split(' ')
        .scan(0, |start, word| {
            let at = *start;
            *start += word.len() + 1;
            Some((at, word))
        })
        .collect();
    let capitals =
        |w: &str| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase);
    let in_capitals = words.len() > 2 && capitals(words[0].1) && capitals(words[1].1);
    let starts_upper = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let end = words.iter().find_map(|&(at, word)| {
        let lower = word.trim_end_matches([':', ',']).to_lowercase();
        let other = AFTER_NAMES.contains(&lower.as_str())
            || in_capitals
                && starts_upper(word)
                && !capitals(word)
                && !JOINING_WORDS.contains(&lower.as_str());
        other.then_some(at)
    });
    end.map_or(text, |at| text[..at].trim_end_matches(TRAILING))
}

/// A person's name without the role written after it: "김민지 기자" -> "김민지", "Jane Roe
/// Reporter" -> "Jane Roe".
fn without_role(name: &str) -> &str {
    match name.rsplit_once(' ') {
        Some((person, role)) if crate::edges::is_role(role) => person.trim_end(),
        _ => name,
    }
}

/// A person's name without the place after it: "Jane Roe in Brussels" -> "Jane Roe".
fn without_place(name: &str) -> &str {
    const PLACE_WORDS: &[&str] = &[" in ", " from ", " aus ", " à "];
    PLACE_WORDS
        .iter()
        .filter_map(|w| name.find(w).map(|at| (at, w.len())))
        .filter(|&(at, len)| {
            name[..at].contains(' ') && name[at + len..].starts_with(char::is_uppercase)
        })
        .map(|(at, _)| &name[..at])
        .min_by_key(|n| n.len())
        .unwrap_or(name)
}

/// A byline with everyone it credits joined by "and": "Jane Roe with additional reporting by
/// John Doe", "Jane Roe (with John Doe and Ann Poe)"; without the brackets that close a name
/// with a place or a role ("Claire Moreau (Lyon, correspondante)").
fn with_credits_joined(text: &str) -> String {
    let mut text = text.to_owned();
    // "Jane Roe with additional reporting by John Doe": both wrote it.
    // (ASCII lowercase keeps every byte where it was.)
    if let Some(at) = text.to_ascii_lowercase().find("additional reporting by ") {
        let head = text[..at].trim_end_matches(TRAILING);
        let head = head
            .strip_suffix(" with")
            .or_else(|| head.strip_suffix(" and"))
            .unwrap_or(head);
        text = format!(
            "{head} and {}",
            &text[at + "additional reporting by ".len()..]
        );
    }
    // "Jane Roe (with John Doe and Ann Poe)": everyone in the brackets is an author too.
    for with in [" (with ", " (avec ", " (mit ", " (con ", " (com "] {
        if let Some(at) = text.find(with)
            && let Some(close) = text[at..].find(')')
        {
            let inner = &text[at + with.len()..at + close];
            text = format!("{} and {inner}{}", &text[..at], &text[at + close + 1..]);
        }
    }
    // "Claire Moreau (Lyon, correspondante)": other brackets closing a name hold a place or a
    // role ("Bruno (Henrique) Rodrigues" is a name, "stevenhgm" a handle of a one-word name).
    if let Some(at) = text.find(" (")
        && text.ends_with(')')
        && text[..at].trim().contains(' ')
    {
        text.truncate(at);
    }
    text
}

/// The people a byline string names: "Jane Roe (with John Doe)", "Jane Roe and John Doe" and
/// "Jane Roe, John Doe" are two; "Mac & i", "Roe, Jane" and "Jane Roe, MA" are one.
fn people(text: &str) -> Vec<String> {
    let text = with_credits_joined(text);
    // "Jane Roe and John Doe" is two people; "Mac & i" (a magazine) is one.
    let named = |piece: &str| {
        piece.trim().chars().nth(1).is_some()
            && !piece.trim().chars().next().is_some_and(char::is_lowercase)
    };
    let mut parts = vec![text];
    for sep in [" and ", " & ", " und ", " et ", " y ", " e ", " with "] {
        parts = parts
            .iter()
            .flat_map(|p| {
                let pieces: Vec<String> = p.split(sep).map(str::to_owned).collect();
                if pieces.iter().all(|x| named(x)) {
                    pieces
                } else {
                    vec![p.clone()]
                }
            })
            .collect();
    }
    // "Jane Roe, John Doe" is two people; "Roe, Jane" is one, "Jane Roe, MA" is Jane Roe, and so
    // is "Jane Roe, Staff Writer" or "Jane Roe, Associated Press".
    parts
        .into_iter()
        .flat_map(|p| {
            let p = without_credentials(&p);
            let mut pieces = p.split(", ");
            let first = pieces.next().unwrap_or_default();
            if first.split_whitespace().nth(1).is_none() {
                return vec![p.to_owned()];
            }
            let mut people = vec![first.to_owned()];
            for piece in pieces {
                if NAME_SUFFIXES.contains(&piece.trim_end_matches('.')) {
                    if let Some(last) = people.last_mut() {
                        last.push_str(", ");
                        last.push_str(piece);
                    }
                } else if !is_affiliation(piece) {
                    people.push(piece.to_owned());
                }
            }
            people
        })
        .collect()
}

/// What follows a surname after a comma and belongs to the name ("Martin Luther King, Jr.").
const NAME_SUFFIXES: &[&str] = &["Jr", "Sr", "II", "III", "IV"];

/// Whether what follows a name in a byline after a comma is not another person but the
/// writer's role or employer: one word ("CNN", "Reuters"), a role ("Staff Writer",
/// "Editor-at-large"), a newsroom ("Associated Press", "BBC News", "The Daily Gazette") or an
/// attribution ("Special to The Times", "for The Guardian").
fn is_affiliation(piece: &str) -> bool {
    const NEWSROOM_WORDS: &[&str] = &[
        "press", "news", "times", "post", "journal", "media", "agency", "herald", "tribune",
        "today", "magazine", "network", "radio", "daily", "gazette", "newsroom", "wire",
    ];
    const ATTRIBUTIONS: &[&str] = &["special to ", "for ", "für ", "pour ", "para ", "per "];
    let lower = piece.to_lowercase();
    piece.split_whitespace().nth(1).is_none()
        || crate::edges::is_role(piece)
        || ATTRIBUTIONS.iter().any(|a| lower.starts_with(a))
        || lower.starts_with("the ")
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| NEWSROOM_WORDS.contains(&w))
        || is_institution(piece)
}

/// Whether a name is an institution's, a writer's employer ("Alpine Research Institute",
/// "University of Leeds"), not a person's.
pub(super) fn is_institution(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "university",
        "institute",
        "college",
        "school",
        "laboratory",
        "foundation",
        "centre",
        "center",
        "hospital",
        "council",
        "society",
        "association",
        "museum",
        "ministry",
        "department",
        "universität",
        "université",
        "universidad",
        "universidade",
        "università",
        "institut",
        "instituto",
        "istituto",
    ];
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| WORDS.contains(&w))
}

/// Degrees and professional titles written after a name ("Jane Roe, MD, MPH"), in capitals
/// and without dots.
const CREDENTIALS: &[&str] = &[
    "MA", "MS", "MSC", "MBA", "MPH", "MD", "DO", "PHD", "DPHIL", "RN", "BSN", "MSN", "NP", "PA",
    "PA-C", "DDS", "DMD", "DVM", "PHARMD", "JD", "LLM", "CPA", "CFA", "CFP", "RD", "LD", "RDN",
    "FACP", "FACS", "MSW", "LCSW", "PSYD", "EDD",
];

/// A name without the degrees written after it: "Brenda Goodman, MA" -> "Brenda Goodman".
fn without_credentials(name: &str) -> &str {
    // ("Jane Roe, MD, and John Doe": the comma before "and" stays with the first.)
    let mut name = name.trim_end().trim_end_matches(',');
    while let Some((head, last)) = name.rsplit_once(',') {
        let bare: String = last.chars().filter(|c| *c != '.').collect();
        let bare = bare.trim().to_ascii_uppercase();
        if !CREDENTIALS.contains(&bare.as_str()) {
            break;
        }
        name = head.trim_end();
    }
    name
}

/// The "By" a text opens with, in one of its languages, alone or followed by a space or a
/// colon ("بقلم: ..."; Spanish and Portuguese "de" opens too many lines that are no byline).
pub(crate) fn opens_with_by(text: &str) -> Option<&'static str> {
    BY_PREFIXES.iter().copied().find(|p| {
        *p != "de"
            && text
                .get(..p.len())
                .is_some_and(|head| head.chars().flat_map(char::to_lowercase).eq(p.chars()))
            && text[p.len()..]
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || c == ':')
    })
}

/// The name after a Chinese byline label in a line ("2025-07-08 来源：华东日报 作者：王晓明"):
/// up to the next space or punctuation; or the reporter's name of a Taiwanese byline.
pub(super) fn labelled_name(text: &str) -> Option<&str> {
    const LABELS: &[&str] = &["作者：", "作者:", "记者：", "撰文："];
    const NAME_CHARS: usize = 20;
    // "記者林志明／台中報導": a Taiwanese byline opens with the reporter's name, then the place;
    // "文：田中 美咲": a Japanese one with the writer's.
    let line = text.trim_start();
    if let Some(rest) = line
        .strip_prefix("文：")
        .or_else(|| line.strip_prefix("文・"))
    {
        // Up to the date or separator after the name, which may hold a space ("田中 美咲").
        let end = rest
            .char_indices()
            .find(|(_, c)| !(c.is_alphabetic() || *c == ' ' || *c == '\u{3000}'))
            .map_or(rest.len(), |(i, _)| i);
        let name = rest[..end].trim();
        if (2..=NAME_CHARS).contains(&name.chars().count()) {
            return Some(name);
        }
    }
    if let Some(rest) = line
        .strip_prefix("記者")
        .or_else(|| line.strip_prefix("记者"))
        && let Some((name, _)) = rest.split_once(['／', '/'])
        && (2..=4).contains(&name.chars().count())
        && name.chars().all(char::is_alphabetic)
    {
        return Some(name);
    }
    let at = LABELS
        .iter()
        .find_map(|l| text.find(l).map(|at| at + l.len()))?;
    let rest = text[at..].trim_start();
    let end = rest
        .char_indices()
        .find(|(_, c)| c.is_whitespace() || (!c.is_alphanumeric() && *c != '·'))
        .map_or(rest.len(), |(i, _)| i);
    let name = &rest[..end];
    (name.chars().count() >= 2 && name.chars().count() <= NAME_CHARS).then_some(name)
}

#[cfg(test)]
mod tests;
