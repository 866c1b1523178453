//! Dates written for people: "March 5, 2003", "5. März 2003", "5 mars 2003", "5 березня 2003",
//! "05.03.2003", "2003年3月5日", "2003-03-05", and in the Solar Hijri calendar ("۷ آذر ۱۴۰۵").
//! Used when a page has no date in its metadata.

use scraper::{ElementRef, Html, Node};

mod months;
mod numeric;
mod solar_hijri;
mod updated;

use months::MONTHS;
use numeric::{numeric, spaced_dots};

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
    "fecha",
    "datum",
    "tarih",
];

/// Class or id words of elements that show today's date in the page's header ("fecha_hoy"):
/// the day the page was served, not the story's.
const TODAY_HINTS: &[&str] = &[
    "today",
    "hoy",
    "heute",
    "oggi",
    "hoje",
    "aujourdhui",
    "current",
];

/// A text node longer than this is prose, not a date line.
pub(crate) const DATE_LINE_CHARS: usize = 120;

/// Whether an element holds code or markup for later, not text a reader sees.
pub(crate) fn is_code(element: &scraper::node::Element) -> bool {
    matches!(element.name(), "script" | "style" | "noscript" | "template")
}

/// The publication date a reader sees, as `YYYY-MM-DD`: first in an element whose class or
/// id speaks of dates, else in the first short line of text that holds one (below the page's
/// `<h1>` before above it); and whether it is
/// only an update's ("Last updated: March 3, 2026" on a page that shows no other date, as a
/// maintained page such as a media kit or a list of school closings does).
pub(crate) fn shown_date(document: &Html) -> Option<(String, bool)> {
    let slashes = slash_order(document);
    let (mut first_line, mut update) = (None, None);
    // A line's date above the headline (the site's header showing today's) gives way to one
    // below it.
    let (mut headline_seen, mut line_above) = (false, None);
    for node in document.root_element().descendants() {
        let Node::Text(text) = node.value() else {
            headline_seen |= node.value().as_element().is_some_and(|e| e.name() == "h1");
            continue;
        };
        // Every date written for people has a digit in it.
        if text.len() > DATE_LINE_CHARS * 4
            || !(text.bytes().any(|b| b.is_ascii_digit()) || has_native_digit(text))
        {
            continue;
        }
        let inside_code = node
            .ancestors()
            .any(|a| a.value().as_element().is_some_and(is_code));
        if inside_code {
            continue;
        }
        let near = || node.ancestors().take(3).filter_map(ElementRef::wrap);
        if near().any(|e| names_any(e, TODAY_HINTS)) {
            continue;
        }
        let hinted = near().any(|e| e.value().name() == "time" || names_any(e, DATE_HINTS));
        let reading = Reading {
            slashes,
            short_years: hinted,
            ..Reading::default()
        };
        // "Updated: Nov 14, 2026 | Published: Nov 12, 2026": the update's date only if no other.
        let (date, of_update) = updated::published_in(text, reading);
        if of_update {
            update = update.or(date);
            continue;
        }
        if hinted && let Some(date) = date {
            return Some((date, false));
        }
        if first_line.is_none() && text.trim().chars().count() <= DATE_LINE_CHARS {
            if headline_seen {
                first_line = date;
            } else {
                line_above = line_above.or(date);
            }
        }
    }
    first_line
        .or(line_above)
        .map(|date| (date, false))
        .or(update.map(|date| (date, true)))
}

/// Whether an element's class, id or itemprop has one of `words` as a word.
fn names_any(element: ElementRef<'_>, words: &[&str]) -> bool {
    element
        .value()
        .attrs()
        .filter(|(name, _)| matches!(*name, "class" | "id" | "itemprop"))
        .any(|(_, names)| {
            let lower = names.to_ascii_lowercase();
            lower
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| words.contains(&w))
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

/// How to read dates that could be read several ways.
#[derive(Clone, Copy, Default)]
struct Reading {
    /// The order of day and month in a slashed date, when the page's language tells it.
    slashes: Option<SlashOrder>,
    /// Whether a two-digit year counts ("27.11.26"): only in an element that holds a date line,
    /// as elsewhere three numbers with dots are as often a version or a score.
    short_years: bool,
    /// The day of the week the text names beside its date, if any ("Tue, 03/10/2026").
    weekday: Option<chrono::Weekday>,
}

/// The first date in `text`, as `YYYY-MM-DD`.
pub(crate) fn find_date(text: &str) -> Option<String> {
    date_in(text, Reading::default())
}

/// Whether `text` holds a date, however its slashes are ordered ("02/09/2026" is a date either
/// way).
pub(crate) fn holds_date(text: &str) -> bool {
    let either = Reading {
        slashes: Some(SlashOrder::DayFirst),
        ..Reading::default()
    };
    date_in(text, either).is_some()
}

/// The first date in `text`, as `YYYY-MM-DD`, read as `reading` says.
fn date_in(text: &str, reading: Reading) -> Option<String> {
    if has_native_digit(text) {
        let ascii: String = text
            .chars()
            .map(|c| native_digit(c).map_or(c, |d| char::from(b'0' + d)))
            .collect();
        return date_in(&ascii, reading);
    }
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '(' | ')' | '·' | '•'))
        .filter(|w| !w.is_empty())
        .collect();
    let reading = Reading {
        weekday: words.iter().find_map(|w| weekday(w)),
        ..reading
    };
    for (i, word) in words.iter().enumerate() {
        if let Some(date) = numeric(word, reading) {
            return Some(date);
        }
        // "5-Mar-2026"
        if let Some((d, rest)) = word.split_once('-')
            && let Some((m, y)) = rest.split_once('-')
            && let (Some(d), Some(m), Some(y)) = (day(d), month(m), year(y))
        {
            return Some(format!("{y}-{m:02}-{d:02}"));
        }
        if let Some(month) = month(word)
            && let Some(date) = date_around_month(&words, i, month)
        {
            return Some(date);
        }
        if let Some(date) = spaced_dots(&words[i..]) {
            return Some(date);
        }
        if !word.is_ascii()
            && let Some(date) = solar_hijri::date_around(&words, i)
        {
            return Some(date);
        }
    }
    None
}

/// The date whose month name is `words[i]`, read with the words around it.
fn date_around_month(words: &[&str], i: usize, month: u32) -> Option<String> {
    let at = |k: usize| words.get(k).copied().unwrap_or("");
    // Thai writes the Buddhist era's year: "27 พฤศจิกายน 2569" is 27 November 2026.
    let thai = words[i]
        .chars()
        .any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c));
    let year = |word: &str| {
        year(word).or_else(|| {
            const BUDDHIST_ERA: u32 = 543;
            let be = year_in(word, 1990 + BUDDHIST_ERA..=2100 + BUDDHIST_ERA)?;
            thai.then(|| be - BUDDHIST_ERA)
        })
    };
    let ymd = |y: u32, d: u32| Some(format!("{y}-{month:02}-{d:02}"));
    // "March 5 2003" / "March 5th, 2003"
    if let (Some(d), Some(y)) = (day(at(i + 1)), year(at(i + 2))) {
        return ymd(y, d);
    }
    // "5 March 2003", "5. März 2003", "5 de marzo de 2003"
    let before = at(i.wrapping_sub(1));
    let before = if before.eq_ignore_ascii_case("de") {
        at(i.wrapping_sub(2))
    } else {
        before
    };
    let after = if at(i + 1).eq_ignore_ascii_case("de") {
        at(i + 2)
    } else {
        at(i + 1)
    };
    if let (Some(d), Some(y)) = (day(before), year(after)) {
        return ymd(y, d);
    }
    // "2003. március 5." (Hungarian: year, month, day), also "2026 m. lapkričio 27 d."
    // (Lithuanian, the year marked "m.")
    let before_year = if before == "m." {
        at(i.wrapping_sub(2))
    } else {
        before
    };
    if let (Some(y), Some(d)) = (year(before_year), day(after)) {
        return ymd(y, d);
    }
    // "2026. gada 27. novembris" (Latvian: the year, "gada", the day, the month)
    if let (Some(d), "gada", Some(y)) = (
        day(before),
        at(i.wrapping_sub(2)),
        year(at(i.wrapping_sub(3))),
    ) {
        return ymd(y, d);
    }
    None
}

/// The day of the week an English word names ("Tue", "Tuesday", "Tues.").
fn weekday(word: &str) -> Option<chrono::Weekday> {
    use chrono::Weekday::{Fri, Mon, Sat, Sun, Thu, Tue, Wed};
    const DAYS: &[(&str, chrono::Weekday)] = &[
        ("mon", Mon),
        ("monday", Mon),
        ("tue", Tue),
        ("tues", Tue),
        ("tuesday", Tue),
        ("wed", Wed),
        ("wednesday", Wed),
        ("thu", Thu),
        ("thurs", Thu),
        ("thursday", Thu),
        ("fri", Fri),
        ("friday", Fri),
        ("sat", Sat),
        ("saturday", Sat),
        ("sun", Sun),
        ("sunday", Sun),
    ];
    let word = word.trim_end_matches('.');
    DAYS.iter()
        .find(|(name, _)| word.eq_ignore_ascii_case(name))
        .map(|(_, day)| *day)
}

/// Whether a text holds digits of another script ("१५ मार्च २०२६").
fn has_native_digit(text: &str) -> bool {
    !text.is_ascii() && text.chars().any(|c| native_digit(c).is_some())
}

/// The value of a decimal digit of another script: Arabic-Indic, Persian, Devanagari, Bengali,
/// Tamil, Thai.
fn native_digit(c: char) -> Option<u8> {
    const ZEROS: &[u32] = &[0x0660, 0x06F0, 0x0966, 0x09E6, 0x0BE6, 0x0E50];
    let c = u32::from(c);
    ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&c))
        .and_then(|zero| u8::try_from(c - zero).ok())
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
        "%Y/%m/%d %H:%M:%S",
        "%Y/%m/%d %H:%M",
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
    // Catalan elides its "de" before a vowel: "21 d'octubre"; Hebrew joins its "in" to the
    // month: "בנובמבר".
    let lower = match lower
        .strip_prefix("d'")
        .or_else(|| lower.strip_prefix("d’"))
        .or_else(|| lower.strip_prefix('ב').filter(|m| m.chars().count() >= 3))
    {
        Some(month) => month.to_owned(),
        None => lower,
    };
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
    year_in(word, 1990..=2100)
}

/// The four-digit year a word opens with, if in `range`.
fn year_in(word: &str, range: std::ops::RangeInclusive<u32>) -> Option<u32> {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    let y: u32 = digits.parse().ok()?;
    (digits.len() == 4 && range.contains(&y)).then_some(y)
}

#[cfg(test)]
mod tests;
