//! Dates written for people: "March 5, 2003", "5. März 2003", "5 mars 2003", "5 березня 2003",
//! "05.03.2003", "2003年3月5日", "2003-03-05". Used when a page has no date in its metadata.

use scraper::{ElementRef, Html, Node};

/// Month names (and their usual abbreviations) in the languages news is most often read in,
/// lowercase; a word matches if it starts with one of them.
const MONTHS: &[(&str, u32)] = &[
    // English
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // French
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    // German
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    // Spanish, Portuguese, Italian
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    // Russian (genitive, as dates use them)
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    // Polish and Ukrainian (genitive)
    ("stycznia", 1),
    ("lutego", 2),
    ("marca", 3),
    ("kwietnia", 4),
    ("maja", 5),
    ("czerwca", 6),
    ("lipca", 7),
    ("sierpnia", 8),
    ("września", 9),
    ("października", 10),
    ("listopada", 11),
    ("grudnia", 12),
    ("січня", 1),
    ("лютого", 2),
    ("березня", 3),
    ("квітня", 4),
    ("травня", 5),
    ("червня", 6),
    ("липня", 7),
    ("серпня", 8),
    ("вересня", 9),
    ("жовтня", 10),
    ("листопада", 11),
    ("грудня", 12),
];

/// Class or id words of elements that hold a page's date line.
const DATE_HINTS: &[&str] = &[
    "date",
    "time",
    "posted",
    "published",
    "pubdate",
    "byline",
    "dateline",
    "timestamp",
    "meta",
];

/// A text node longer than this is prose, not a date line.
const DATE_LINE_CHARS: usize = 120;

/// The publication date a reader sees, as `YYYY-MM-DD`: first in an element whose class or
/// id speaks of dates, else in the first short line of text that holds one.
pub(crate) fn visible_date(document: &Html) -> Option<String> {
    let order = slash_order(document);
    let mut first_line = None;
    for node in document.root_element().descendants() {
        let Node::Text(text) = node.value() else {
            continue;
        };
        // Every date written for people has a digit in it.
        if text.len() > DATE_LINE_CHARS * 4 || !text.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let inside_code = node.ancestors().any(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| matches!(e.name(), "script" | "style" | "noscript" | "template"))
        });
        if inside_code {
            continue;
        }
        let hinted = node
            .ancestors()
            .take(3)
            .filter_map(ElementRef::wrap)
            .any(|e| hints_date(e));
        if hinted && let Some(date) = date_in(text, order) {
            return Some(date);
        }
        if first_line.is_none() && text.trim().chars().count() <= DATE_LINE_CHARS {
            first_line = date_in(text, order);
        }
    }
    first_line
}

fn hints_date(element: ElementRef<'_>) -> bool {
    let e = element.value();
    e.name() == "time"
        || e.attrs()
            .filter(|(name, _)| matches!(*name, "class" | "id" | "itemprop"))
            .any(|(_, names)| {
                let lower = names.to_ascii_lowercase();
                lower
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|w| DATE_HINTS.contains(&w))
            })
}

/// How a page writes a date with slashes whose day and month could be either ("03/05/2003"):
/// month first in American English, day first in British English and other languages;
/// unknown without a declared language or country.
#[derive(Clone, Copy)]
enum SlashOrder {
    MonthFirst,
    DayFirst,
}

fn slash_order(document: &Html) -> Option<SlashOrder> {
    let lang = document.root_element().attr("lang")?.to_ascii_lowercase();
    match lang.replace('_', "-").as_str() {
        "" => None,
        "en-us" => Some(SlashOrder::MonthFirst),
        // English without a country, and countries that write both.
        "en" | "en-ca" | "en-ph" => None,
        _ => Some(SlashOrder::DayFirst),
    }
}

/// The first date in `text`, as `YYYY-MM-DD`.
pub(crate) fn find_date(text: &str) -> Option<String> {
    date_in(text, None)
}

/// The first date in `text`, as `YYYY-MM-DD`, reading slashed dates in `order` when it is known.
fn date_in(text: &str, order: Option<SlashOrder>) -> Option<String> {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '(' | ')' | '·' | '•'))
        .filter(|w| !w.is_empty())
        .collect();
    for (i, word) in words.iter().enumerate() {
        if let Some(date) = numeric(word, order) {
            return Some(date);
        }
        let Some(month) = month(word) else {
            continue;
        };
        // "March 5 2003" / "March 5th, 2003"
        if let (Some(d), Some(y)) = (words.get(i + 1), words.get(i + 2))
            && let (Some(d), Some(y)) = (day(d), year(y))
        {
            return Some(format!("{y}-{month:02}-{d:02}"));
        }
        // "5 March 2003", "5. März 2003", "5 de marzo de 2003"
        let before = words.get(i.wrapping_sub(1)).copied().unwrap_or("");
        let before = if before.eq_ignore_ascii_case("de") {
            words.get(i.wrapping_sub(2)).copied().unwrap_or("")
        } else {
            before
        };
        let mut after = words.get(i + 1).copied().unwrap_or("");
        if after.eq_ignore_ascii_case("de") {
            after = words.get(i + 2).copied().unwrap_or("");
        }
        if let (Some(d), Some(y)) = (day(before), year(after)) {
            return Some(format!("{y}-{month:02}-{d:02}"));
        }
    }
    None
}

/// A date from metadata in one form: RFC 3339 when it carries a time and a zone
/// ("2026-11-20T08:00:00+01:00", "Fri, 20 Nov 2026 08:00:00 GMT" -> "2026-11-20T08:00:00Z"),
/// `YYYY-MM-DDTHH:MM:SS` when the page gives a time without a zone (none is invented),
/// `YYYY-MM-DD` for a day, the page's own text when it cannot be read.
pub(crate) fn normalise(raw: &str) -> String {
    use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat};
    let raw = raw.trim();
    let zoned = DateTime::parse_from_rfc3339(raw)
        .or_else(|_| DateTime::parse_from_rfc2822(raw))
        .or_else(|_| DateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S%.f%z"))
        .or_else(|_| DateTime::parse_from_str(raw, "%Y-%m-%d %H:%M:%S%.f%z"));
    if let Ok(at) = zoned {
        // Written in the page's own offset, Z for UTC.
        return at.to_rfc3339_opts(SecondsFormat::AutoSi, true);
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(at) = NaiveDateTime::parse_from_str(raw, format) {
            return at.format("%Y-%m-%dT%H:%M:%S").to_string();
        }
    }
    for format in ["%Y-%m-%d", "%Y%m%d", "%Y/%m/%d"] {
        if let Ok(day) = NaiveDate::parse_from_str(raw, format) {
            return day.format("%Y-%m-%d").to_string();
        }
    }
    raw.to_owned()
}

/// Whether a word is exactly a month's name or abbreviation ("March", "Sept."), as opposed to
/// a word that merely starts like one ("Mario").
pub(crate) fn is_month_name(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().any(|(name, _)| *name == lower)
}

fn month(word: &str) -> Option<u32> {
    let lower = word.trim_end_matches('.').to_lowercase();
    if lower.chars().count() < 3 {
        return None;
    }
    // The longest name that starts the word: "marzo" before "mar".
    MONTHS
        .iter()
        .filter(|(name, _)| {
            lower == *name
                || (lower.starts_with(name) && name.len() >= 3 && lower.len() <= name.len() + 2)
        })
        .max_by_key(|(name, _)| name.len())
        .map(|(_, m)| *m)
}

fn day(word: &str) -> Option<u32> {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    let rest = &word[digits.len()..];
    let suffix_ok = matches!(rest, "" | "." | "st" | "nd" | "rd" | "th" | "er" | "º");
    let d: u32 = digits.parse().ok()?;
    (suffix_ok && (1..=31).contains(&d) && digits.len() <= 2).then_some(d)
}

fn year(word: &str) -> Option<u32> {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    let y: u32 = digits.parse().ok()?;
    (digits.len() == 4 && (1990..=2100).contains(&y)).then_some(y)
}

/// `2003-03-05`, `05.03.2003`, `2003/03/05`, `2003年3月5日`; `03/05/2003` in a known `order`.
fn numeric(word: &str, order: Option<SlashOrder>) -> Option<String> {
    let parts: Vec<&str> = word
        .split(['-', '.', '/', '年', '月', '日', 'T'])
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 3
        || !parts[..3]
            .iter()
            .all(|p| p.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let n = |s: &str| s.parse::<u32>().ok();
    let (a, b, c) = (n(parts[0])?, n(parts[1])?, n(parts[2])?);
    let (y, m, d) = if parts[0].len() == 4 {
        (a, b, c)
    } else if parts[2].len() == 4 && word.contains('.') {
        // European day.month.year
        (c, b, a)
    } else if parts[2].len() == 4 && word.contains('/') && a > 12 {
        (c, b, a)
    } else if parts[2].len() == 4 && word.contains('/') && b > 12 {
        (c, a, b)
    } else if parts[2].len() == 4 && word.contains('/') {
        match order? {
            SlashOrder::MonthFirst => (c, a, b),
            SlashOrder::DayFirst => (c, b, a),
        }
    } else {
        return None;
    };
    ((1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_dates_come_out_in_one_form() {
        for (raw, want) in [
            ("2026-11-20T08:00:00Z", "2026-11-20T08:00:00Z"),
            ("2026-11-20T08:00:00.000Z", "2026-11-20T08:00:00Z"),
            ("2026-11-20T09:00:00+01:00", "2026-11-20T09:00:00+01:00"),
            ("2026-11-20T09:00:00+0100", "2026-11-20T09:00:00+01:00"),
            ("Fri, 20 Nov 2026 08:00:00 GMT", "2026-11-20T08:00:00Z"),
            ("2026-11-20 08:00:00", "2026-11-20T08:00:00"),
            (" 2026-11-20 ", "2026-11-20"),
            ("20261120", "2026-11-20"),
            ("last Tuesday", "last Tuesday"),
        ] {
            assert_eq!(normalise(raw), want, "{raw}");
        }
    }

    #[test]
    fn dates_in_several_formats_and_languages() {
        for (text, want) in [
            ("Posted on March 5, 2003 by John", "2003-03-05"),
            ("Mar. 5th, 2003", "2003-03-05"),
            ("Updated 5 March 2003, 10:00", "2003-03-05"),
            ("Publié le 5 mars 2003 à 10h", "2003-03-05"),
            ("Veröffentlicht am 5. März 2003", "2003-03-05"),
            ("5 de marzo de 2003", "2003-03-05"),
            ("5 марта 2003 года", "2003-03-05"),
            ("5 березня 2003", "2003-03-05"),
            ("5 października 2003", "2003-10-05"),
            ("2003年3月5日 10:00", "2003-03-05"),
            ("05.03.2003", "2003-03-05"),
            ("2003-03-05T10:00:00Z", "2003-03-05"),
            ("25/12/2003", "2003-12-25"),
        ] {
            assert_eq!(find_date(text).as_deref(), Some(want), "{text}");
        }
        for text in [
            "May I help you",
            "03/05/2003",
            "Page 5 of 12",
            "in 1999 people",
        ] {
            assert_eq!(find_date(text), None, "{text}");
        }
    }

    #[test]
    fn the_date_line_beats_dates_in_prose() {
        let html = Html::parse_document(
            "<body><p>Back on March 1, 1999, it rained.</p><div class=\"post-date\">Posted 5 March 2003</div></body>",
        );
        assert_eq!(visible_date(&html).as_deref(), Some("2003-03-05"));
    }

    #[test]
    fn a_date_with_slashes_is_read_as_the_page_language_writes_it() {
        let page = |lang: &str| {
            let html = format!(
                "<html lang=\"{lang}\"><body><p class=\"date\">Publié le 12/03/2024 à 14h30</p></body></html>"
            );
            visible_date(&Html::parse_document(&html))
        };
        assert_eq!(page("fr").as_deref(), Some("2024-03-12"));
        assert_eq!(page("en-US").as_deref(), Some("2024-12-03"));
        assert_eq!(page("en-GB").as_deref(), Some("2024-03-12"));
        assert_eq!(page("en"), None, "English without a country writes both");
        assert_eq!(page(""), None);
    }
}
