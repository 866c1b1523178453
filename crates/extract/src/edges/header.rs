//! The header lines before the story: the headline again, date lines, bylines and the
//! writer's role under them, and a standfirst or kicker above them.

use super::{DATE_LINE_CHARS, byline_name, is_bio_line, is_date_line, is_line};

/// A block before the story that only repeats its headline or carries its date line or byline
/// is page furniture, not text: such leading blocks are split off and returned (for the
/// byline), and so is a standfirst or kicker above a date line or byline (not returned).
pub(crate) fn split_header<'a>(
    text: &'a str,
    title: Option<&str>,
    authors: &[String],
) -> (String, Vec<&'a str>) {
    let blocks: Vec<&str> = text.split("\n\n").collect();
    // Header lines run from `first` (after a standfirst, which names no one) to `end`.
    let (mut first, mut end) = (0, header_lines(&blocks, title, authors, false));
    if end == 0
        && let Some(at) = byline_after_standfirst(&blocks, authors)
    {
        (first, end) = (
            at,
            at + 1 + header_lines(&blocks[at + 1..], title, authors, true),
        );
    }
    if end == 0 {
        return (text.to_owned(), Vec::new());
    }
    (blocks[end..].join("\n\n"), blocks[first..end].to_vec())
}

/// How many of `blocks` are header lines from the first: the headline again, date lines,
/// bylines, and the writer's role once a header line came before (`after_header`).
fn header_lines(
    blocks: &[&str],
    title: Option<&str>,
    authors: &[String],
    after_header: bool,
) -> usize {
    let mut count = 0;
    for block in blocks {
        // The headline again, perhaps with more after a separator ("Fire | Updated"; not
        // "Firefighters", nor a sentence that opens with the headline's words, "Fire destroyed
        // the barn.").
        let is_title = block.chars().count() <= DATE_LINE_CHARS
            && title.is_some_and(|t| {
                !t.is_empty()
                    && block
                        .strip_prefix(t)
                        .is_some_and(|rest| !rest.trim_start().starts_with(char::is_alphanumeric))
            });
        let byline = is_line(block)
            && (byline_name(block).is_some()
                || names(block, authors)
                || opens_with_author(block, authors)
                || is_byline_label(block));
        // The writer's role under the byline ("Wales reporter", "Senior correspondent").
        let role = (after_header || count > 0) && is_role(block);
        // A columnist's card above the story: "Helen Park writes about money every Saturday."
        let furniture = is_date_line(block)
            || is_reading_time(block)
            || is_header_label(block)
            || is_bio_line(block, authors);
        if !(is_title || furniture || byline || role) {
            break;
        }
        count += 1;
    }
    count
}

/// Whether a line is a story's reading time: "6 min read", "Reading time: 6 minutes", "6 Min.
/// Lesezeit", "Temps de lecture : 6 min", a few words with a number.
fn is_reading_time(line: &str) -> bool {
    const MAX_WORDS: usize = 6;
    const READING: &[&str] = &[
        "min read",
        "mins read",
        "minute read",
        "minutes read",
        "reading time",
        "read time",
        "lesezeit",
        "min de lectura",
        "tiempo de lectura",
        "temps de lecture",
        "min de lecture",
        "tempo de leitura",
        "min de leitura",
        "tempo di lettura",
        "leestijd",
        "czas czytania",
        "время чтения",
        "okuma süresi",
        "dk okuma",
    ];
    line.bytes().any(|b| b.is_ascii_digit())
        && line.split_whitespace().nth(MAX_WORDS).is_none()
        && {
            let lower = line.to_lowercase();
            READING.iter().any(|r| lower.contains(r))
        }
}

/// Where a date line, or a byline of the page's known authors, sits under a standfirst: the
/// second or third block, after blocks too short to be the story's paragraphs.
fn byline_after_standfirst(blocks: &[&str], authors: &[String]) -> Option<usize> {
    const STANDFIRST_WORDS: usize = 40;
    const MAX_AT: usize = 2;
    (1..=MAX_AT.min(blocks.len().saturating_sub(2))).find(|&at| {
        let block = blocks[at];
        blocks[..at]
            .iter()
            .all(|b| b.split_whitespace().nth(STANDFIRST_WORDS).is_none())
            && is_line(block)
            && (is_date_line(block) && reads_as_dateline(block)
                || names(block, authors)
                || is_byline_label(block)
                || is_header_label(block))
    })
}

/// A byline's label left alone once its names, links each, went with the list of links they
/// were set in: "By", "Words by", "Written by", "Von", "Por", "Автор:".
fn is_byline_label(line: &str) -> bool {
    const MAX_WORDS: usize = 3;
    const LABELS: &[&str] = &[
        "by",
        "von",
        "por",
        "par",
        "di",
        "door",
        "av",
        "af",
        "autor",
        "autore",
        "auteur",
        "автор",
        "автори",
        "yazar",
    ];
    let lower = line.trim_end_matches([':', ' ']).to_lowercase();
    lower.split_whitespace().nth(MAX_WORDS).is_none()
        && lower
            .rsplit(' ')
            .next()
            .is_some_and(|last| LABELS.contains(&last))
}

/// Words saying what a date is, lowercase.
const DATE_WORDS: &[&str] = &[
    "updated",
    "published",
    "posted",
    "actualizado",
    "publicado",
    "aktualisiert",
    "veröffentlicht",
    "publié",
    "pubblicato",
    "aggiornato",
];

/// A header's label left alone once what it labels went (links, a definition list's terms):
/// "From:", "Published", "Updated".
fn is_header_label(line: &str) -> bool {
    const MAX_WORDS: usize = 3;
    let lower = line.trim().to_lowercase();
    (lower.ends_with(':') && lower.split_whitespace().nth(MAX_WORDS).is_none())
        || DATE_WORDS.contains(&lower.as_str())
}

/// Whether a date line reads as a story's dateline rather than a heading that is a date (a
/// timeline's "March 5, 2024"): it holds a clock time, a separator or a word saying what the
/// date is ("Madrid | 12 de marzo de 2024 - 14:30", "Updated March 5, 2024").
fn reads_as_dateline(line: &str) -> bool {
    let lower = line.to_lowercase();
    let bytes = line.as_bytes();
    let clock = bytes.windows(4).any(|w| {
        w[0].is_ascii_digit()
            && matches!(w[1], b':' | b'h')
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
    });
    clock || line.contains(['|', '·', '•']) || DATE_WORDS.iter().any(|w| lower.contains(w))
}

/// Whether a line names a writer's role: a few words starting or ending with one such as
/// "reporter" ("Wales reporter", "Chief political correspondent", "Editor-at-large"), without a
/// sentence's period.
pub(crate) fn is_role(line: &str) -> bool {
    const MAX_WORDS: usize = 5;
    const ROLES: &[&str] = &[
        "reporter",
        "correspondent",
        "editor",
        "writer",
        "columnist",
        "contributor",
        "journalist",
        "analyst",
        "producer",
        "critic",
        "photographer",
        "redakteur",
        "redakteurin",
        "korrespondent",
        "korrespondentin",
        "journaliste",
        "correspondant",
        "correspondante",
        "periodista",
        "corresponsal",
        // Korean, Chinese, Japanese: written after the name ("김민지 기자").
        "기자",
        "특파원",
        "논설위원",
        "记者",
        "特派员",
        "記者",
        "特派員",
    ];
    let role = |word: &str| {
        let word = word.to_lowercase();
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        // "Editor-in-Chief": the role is the first part; "Staff Writers": several share it.
        let word = word.split('-').next().unwrap_or(word);
        ROLES.contains(&word) || word.strip_suffix('s').is_some_and(|w| ROLES.contains(&w))
    };
    let words: Vec<&str> = line.split_whitespace().collect();
    words.len() <= MAX_WORDS
        && !line.ends_with('.')
        && (words.first().is_some_and(|w| role(w)) || words.last().is_some_and(|w| role(w)))
}

/// Whether a line is a byline of the page's named authors in any language: every author's
/// full name is in it and few other words ("Par Élodie Martin", "Claire Dubois in Brussels",
/// "Von Jana Roe und Max Muster").
pub(super) fn names(line: &str, authors: &[String]) -> bool {
    const OTHER_WORDS: usize = 4;
    if authors.is_empty() || line.chars().count() > DATE_LINE_CHARS {
        return false;
    }
    let mut rest = line.to_lowercase();
    for author in authors {
        let author = author.to_lowercase();
        // A single name ("AFP", "Staff") is too likely to be a word of a sentence.
        if !author.contains(' ') {
            return false;
        }
        let Some(at) = rest.find(&author) else {
            return false;
        };
        rest.replace_range(at..at + author.len(), " ");
    }
    rest.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .nth(OTHER_WORDS)
        .is_none()
}

/// Whether a line opens with "By" in one of its languages and one of the page's authors, whatever
/// follows ("Por Lucas Andrade, Portal Gerais Minas — Belo Horizonte").
pub(super) fn opens_with_author(line: &str, authors: &[String]) -> bool {
    crate::meta::opens_with_by(line).is_some_and(|by| {
        let rest = line[by.len()..].trim_start_matches([' ', ':']);
        authors
            .iter()
            .any(|a| a.contains(' ') && rest.starts_with(a.as_str()))
    })
}
