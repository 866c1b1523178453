//! The story's edges: the header lines before it (a repeated headline, date lines, bylines)
//! and the furniture at either end of it (counters, rights notices, bio lines, credits).

mod closing;
mod credits;
mod header;
mod reporters;

pub(crate) use closing::READER_REQUESTS;
use closing::is_closing;
pub(crate) use header::{is_role, split_header};
use header::{names, opens_with_author};
pub(crate) use reporters::reporters;

use crate::dates;

/// The most characters a date line or byline has.
const DATE_LINE_CHARS: usize = 160;

/// Whether a block is a short line, not a sentence: it does not end as one.
pub(crate) fn is_line(block: &str) -> bool {
    block.chars().count() <= DATE_LINE_CHARS && !block.trim_end().ends_with(crate::SENTENCE_ENDS)
}

/// A date line ("First published February 1, 2016: 1:28 AM ET"), not a sentence that mentions
/// a date; also a short time stamp without a year ("最終更新:3/9(木) 18:45", "Updated 3/9 18:45").
fn is_date_line(block: &str) -> bool {
    const STAMP_CHARS: usize = 60;
    is_line(block)
        && (dates::holds_date(block)
            || block.chars().count() <= STAMP_CHARS && is_time_stamp(block))
}

/// Whether a line holds a day of the month ("3/9", "3月9日") and a clock time ("18:45").
fn is_time_stamp(line: &str) -> bool {
    let bytes = line.as_bytes();
    let digit = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_digit);
    // A digit, then `separator`, then `after` digits.
    let joined = |separator: &[u8], after: usize| {
        memchr::memmem::find_iter(bytes, separator).any(|at| {
            at >= 1 && digit(at - 1) && (0..after).all(|k| digit(at + separator.len() + k))
        })
    };
    joined(b":", 2) && (joined(b"/", 1) || joined("月".as_bytes(), 1))
}

/// Lines at either end of the story that are not story: a line without a letter (a view
/// count, a slide counter "1 / 5"; a clock time only at the end, a video's "8:09", as a live
/// blog starts with one), the author's name alone, a rights notice; and at the end, the byline
/// ("Por Ana Sousa"), a labelled count ("Views: 1,284"), a line
/// introducing the author ("Jane Roe is a reporter for ...", the bio box without its box), a
/// post's date and byline ("Posted on 15 October 2019 by Jane Roe."), a
/// Chinese closing credit ("[责任编辑:...]", "原标题：..."), a date line, an editor's initials
/// ("MRA"), a label introducing what is no longer there ("More games news:"), or a short line
/// pointing to a web address.
pub(crate) fn without_edge_furniture(text: &str, authors: &[String]) -> String {
    const LABEL_WORDS: usize = 5;
    let no_letter = |block: &str| !block.chars().any(char::is_alphabetic);
    // "Jane Roe", also signed "— Jane Roe" or, in Japanese, "（佐藤 健一）".
    let author_alone = |block: &str| {
        let name = block
            .trim_start_matches(['—', '–', '-', ' ', '(', '（'])
            .trim_end_matches([')', '）', ' ']);
        authors.iter().any(|a| a == name)
    };
    let leading = |block: &str| {
        (no_letter(block) && !is_clock(block)) || author_alone(block) || is_rights_notice(block)
    };
    let label =
        |block: &str| block.ends_with(':') && block.split_whitespace().count() <= LABEL_WORDS;
    let trailing = |block: &str| {
        no_letter(block)
            || author_alone(block)
            || is_line(block) && opens_with_author(block, authors)
            || label(block)
            || is_date_line(block)
            || is_editor_initials(block)
            || is_counter(block)
            || is_pager(block)
            || is_address_line(block)
            || is_closing(block, authors)
    };
    let blocks: Vec<&str> = text.split("\n\n").collect();
    let start = blocks
        .iter()
        .position(|b| !leading(b))
        .unwrap_or(blocks.len());
    let end = blocks[start..]
        .iter()
        .rposition(|b| !trailing(b))
        .map_or(start, |at| start + at + 1);
    if start >= end {
        // Nothing but furniture: leave it as it was rather than nothing.
        return text.to_owned();
    }
    // The author's bio line followed by a correction or an editor's note, which stays.
    let near_end = end.saturating_sub(BIO_REACH).max(start + 1);
    blocks[start..end]
        .iter()
        .enumerate()
        .filter(|&(at, block)| start + at < near_end || !is_bio_line(block, authors))
        .map(|(_, block)| *block)
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A short line ending with a web address: a pointer to a hub or feed ("AP NBA:
/// https://apnews.example/hub/nba").
fn is_address_line(block: &str) -> bool {
    const MAX_WORDS: usize = 8;
    block.split_whitespace().nth(MAX_WORDS).is_none()
        && block.split_whitespace().next_back().is_some_and(|w| {
            let w = w.to_ascii_lowercase();
            w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www.")
        })
}

/// A labelled count: "Views: 1,284", "Просмотров: 1 284", "Comments: 0".
fn is_counter(block: &str) -> bool {
    const MAX_WORDS: usize = 4;
    block.split_whitespace().nth(MAX_WORDS).is_none()
        && block
            .rsplit_once([':', '：'])
            .is_some_and(|(label, count)| {
                label.chars().any(char::is_alphabetic)
                    && count.chars().any(|c| c.is_ascii_digit())
                    && count
                        .chars()
                        .all(|c| c.is_ascii_digit() || c.is_whitespace() || matches!(c, ',' | '.'))
            })
}

/// A pager's line: "前のページへ 1|2 次のページへ", "« Previous 1 2 3 Next »", "Page 2 of 3":
/// page numbers and the words of a pager only.
fn is_pager(block: &str) -> bool {
    const MAX_WORDS: usize = 12;
    const PAGER_WORDS: &[&str] = &[
        "次のページへ",
        "前のページへ",
        "次のページ",
        "前のページ",
        "次へ",
        "前へ",
        "next",
        "previous",
        "prev",
        "page",
        "of",
        "seite",
        "von",
        "weiter",
        "zurück",
        "página",
        "pagina",
        "de",
        "di",
        "suivant",
        "précédent",
        "suivante",
        "précédente",
    ];
    if block.split_whitespace().nth(MAX_WORDS).is_some() {
        return false;
    }
    let lower = block.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let number = |w: &&str| w.chars().all(|c| c.is_ascii_digit());
    words.iter().any(number)
        && words.iter().any(|w| !number(w))
        && words.iter().all(|w| number(w) || PAGER_WORDS.contains(w))
}

/// How many blocks from the story's end an author's bio line is looked for.
const BIO_REACH: usize = 3;

/// The most characters of a line introducing the author.
const BIO_CHARS: usize = 400;

/// A line that introduces the page's author in the third person, as a bio does: "Helen Marsh
/// is a civil engineer ...", "Jane Roe was the paper's ...".
fn is_bio_line(block: &str, authors: &[String]) -> bool {
    const VERBS: &[&str] = &["is ", "was ", "writes ", "has been ", "covers "];
    block.chars().count() <= BIO_CHARS
        && after_author_name(block, authors).is_some_and(|rest| {
            VERBS.iter().any(|v| {
                rest.get(..v.len())
                    .is_some_and(|r| r.eq_ignore_ascii_case(v))
            })
        })
}

/// What follows the full name of one of the page's authors opening a line ("Jane Roe is ...",
/// also in capitals, "JANE ROE IS ..."), after the space.
fn after_author_name<'a>(block: &'a str, authors: &[String]) -> Option<&'a str> {
    authors.iter().find_map(|a| {
        let name = block.get(..a.len()).filter(|_| a.contains(' '))?;
        name.eq_ignore_ascii_case(a)
            .then(|| block[a.len()..].strip_prefix(' '))
            .flatten()
    })
}

/// The reporters a wire story's closing credit names, for a page that names no author:
/// "Reporting by Elena Ruiz in Panama City; Editing by Mark Sutton", "(Reporting by Jane Roe and
/// John Doe)". The credit stays in the story, as human labels keep it.
pub(crate) fn reporting_credit(text: &str) -> Vec<String> {
    const LAST_BLOCKS: usize = 3;
    const CREDITS: &[&str] = &["Reporting by ", "Reported by "];
    text.rsplit("\n\n")
        .take(LAST_BLOCKS)
        .find_map(|block| {
            let block = block.trim().trim_start_matches('(');
            let names = CREDITS.iter().find_map(|c| block.strip_prefix(c))?;
            let names = names.split([';', ')', '\n']).next().unwrap_or_default();
            Some(crate::meta::byline_names(names))
        })
        .unwrap_or_default()
}

/// The writer's name signing the story off on a line of its own, as Vietnamese papers do
/// ("Minh Sơn", "MINH SƠN"): the last block, two to four capitalised words without digits or
/// punctuation, after a paragraph that ends as a sentence; not a role ("Staff Reporter").
pub(crate) fn signature(text: &str) -> Option<String> {
    const MAX_CHARS: usize = 30;
    let mut blocks = text.rsplit("\n\n");
    let (last, before) = (blocks.next()?.trim(), blocks.next()?.trim_end());
    let words: Vec<&str> = last.split(' ').collect();
    let capitalised = |w: &str| {
        let mut letters = w.chars();
        letters.next().is_some_and(char::is_uppercase) && letters.all(char::is_alphabetic)
    };
    let named = (2..=4).contains(&words.len())
        && last.chars().count() <= MAX_CHARS
        && words.iter().all(|w| capitalised(w))
        && !is_role(last);
    let after_sentence = before.ends_with(crate::ends_sentence);
    (named && after_sentence).then(|| last.to_owned())
}

/// "All rights reserved" and "reproduction forbidden" in the languages news is most often read
/// in, lowercase.
const RIGHTS_RESERVED: &[&str] = &[
    "all rights reserved",
    "riproduzione riservata",
    "tutti i diritti riservati",
    "todos los derechos reservados",
    "prohibida su reproducción",
    "reproducción prohibida",
    "todos os direitos reservados",
    "reprodução proibida",
    "tous droits réservés",
    "alle rechte vorbehalten",
    "wszelkie prawa zastrzeżone",
    "все права защищены",
    "alle rechten voorbehouden",
];

/// A rights notice: "© 2016 The Example Times", "All rights reserved.", "未经授权，不得转载",
/// "This document is subject to copyright. Apart from any fair dealing ..."; a Chinese portal's
/// disclaimer ("新浪声明：此消息系转载自合作媒体...").
fn is_rights_notice(block: &str) -> bool {
    const DISCLAIMER_LABEL_CHARS: usize = 10;
    const RIGHTS_CHARS: usize = 200;
    const NOTICE_CHARS: usize = 400;
    const NOTICES: &[&str] = &[
        "this document is subject to copyright",
        "this material may not be published",
        // Anadolu's note on its subscribers' full stories, under every story it publishes.
        "anadolu ajansı web sitesinde",
    ];
    let count = block.chars().count();
    if count <= NOTICE_CHARS && {
        let start: String = block.chars().take(40).collect::<String>().to_lowercase();
        // "新浪声明：此消息系转载自...", "免责声明：...": a portal's disclaimer, labelled so.
        let label: String = start.chars().take(DISCLAIMER_LABEL_CHARS).collect();
        NOTICES.iter().any(|n| start.starts_with(n))
            || label.contains("声明：")
            || label.contains("声明:")
            // "Copyright PUNCH. All rights reserved. This material ... may not be reproduced".
            || start.starts_with("copyright") && {
                let lower = block.to_lowercase();
                RIGHTS_RESERVED.iter().any(|r| lower.contains(r))
            }
    } {
        return true;
    }
    count <= RIGHTS_CHARS && {
        let lower = block.to_lowercase();
        // "Copyright 2016 ...", "Copyright © ...": not a sentence about copyright.
        let copyright = lower.strip_prefix("copyright").is_some_and(|rest| {
            rest.trim_start()
                .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '©' | '('))
        });
        // "[ⓒ 한빛일보, 무단전재 및 재배포 금지]": also in brackets.
        lower
            .trim_start_matches(['[', '(', '【'])
            .starts_with(['©', 'ⓒ'])
            || copyright
            || RIGHTS_RESERVED.iter().any(|r| lower.contains(r))
            || lower.contains("不得转载")
            || lower.contains("무단전재")
            || lower.contains("無断転載")
    }
}

/// An editor's initials signing off a story, as Spanish, Portuguese and Indonesian papers do:
/// "MRA", "(JMC)", "ALO/MRA", and in brackets also in lowercase, "(rdp/imk)"; a broadcaster's
/// writer's and editor's initials before its sources, "mk/sri (AFP, dpa)".
fn is_editor_initials(block: &str) -> bool {
    const MAX_CHARS: usize = 16;
    const SOURCE_WORDS: usize = 6;
    // "mk/sri (AFP, dpa)": a broadcaster's initials of its writer and editor, then its sources.
    let (initials, sources) = match block.split_once(" (") {
        Some((initials, sources)) if !block.starts_with('(') => (initials, Some(sources)),
        _ => (block, None),
    };
    let sourced = sources
        .is_some_and(|s| s.ends_with(')') && s.split_whitespace().nth(SOURCE_WORDS).is_none());
    if sources.is_some() && !sourced {
        return false;
    }
    let bracketed = initials.starts_with('(') && initials.ends_with(')');
    let lowercase = bracketed || sourced && initials.contains('/');
    let inner = initials.trim_start_matches('(').trim_end_matches(')');
    initials.len() <= MAX_CHARS
        && inner.split(['/', '-']).all(|initials| {
            (2..=5).contains(&initials.len())
                && initials
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || lowercase && b.is_ascii_lowercase())
        })
}

/// A clock time alone ("14:32"): a live blog's first entry starts with one, and that is the
/// story.
fn is_clock(block: &str) -> bool {
    block.split_once(':').is_some_and(|(h, m)| {
        (1..=2).contains(&h.len())
            && m.len() == 2
            && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
    })
}

/// The name in a visible byline: "By Jane Roe", "... by Jane Roe, Staff Writer"; not a
/// picture's credit ("Portrait by George Roe", "Photos by ...").
pub(crate) fn byline_name(line: &str) -> Option<String> {
    const PICTURE_WORDS: &[&str] = &[
        "photo",
        "photos",
        "photograph",
        "photographs",
        "photography",
        "portrait",
        "picture",
        "pictures",
        "image",
        "images",
        "illustration",
        "illustrations",
        "video",
        "graphic",
        "graphics",
        "artwork",
        "cartoon",
        "animation",
        "map",
        "chart",
    ];
    let lower = line.to_lowercase();
    let at = if lower.starts_with("by ") {
        3
    } else {
        let at = lower.find(" by ")?;
        let before = lower[..at].rsplit(' ').next().unwrap_or_default();
        if PICTURE_WORDS.contains(&before) {
            return None;
        }
        at + 4
    };
    let mut name = Vec::new();
    for word in line.get(at..)?.split_whitespace().take(4) {
        if !word.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        let bare = word.trim_end_matches([',', ';', '|']);
        name.push(bare);
        if bare.len() != word.len() {
            break; // "Jane Roe, Staff Writer": the name ends at the comma
        }
    }
    let name = name.join(" ");
    let name = name.trim_end_matches('.');
    (name.split_whitespace().count() >= 2).then(|| name.to_owned())
}
