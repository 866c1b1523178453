//! Dates written in numbers alone: "2003-03-05", "05.03.2003", "2003/03/05", "2003年3月5日",
//! a slashed one in the order the page's language writes, Korean "2026. 11. 27.".

use super::{Reading, SlashOrder, year};

/// `2003-03-05`, `05.03.2003`, `2003/03/05`, `2003年3月5日`; `03/05/2003` in a known order;
/// `05.03.03` where short years count.
pub(super) fn numeric(word: &str, reading: Reading) -> Option<String> {
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
        match reading.slashes {
            Some(SlashOrder::MonthFirst) => (c, a, b),
            Some(SlashOrder::DayFirst) => (c, b, a),
            // A weekday beside the date tells the order: "Tue, 03/10/2026" is 10 March (3
            // October 2026 is a Saturday).
            None => {
                let weekday = reading.weekday?;
                let falls_on = |m: u32, d: u32| {
                    i32::try_from(c)
                        .ok()
                        .and_then(|y| chrono::NaiveDate::from_ymd_opt(y, m, d))
                        .is_some_and(|date| chrono::Datelike::weekday(&date) == weekday)
                };
                match (falls_on(a, b), falls_on(b, a)) {
                    (true, false) => (c, a, b),
                    (false, true) => (c, b, a),
                    _ => return None,
                }
            }
        }
    } else if reading.short_years
        && word.contains('.')
        && parts.len() == 3
        && parts.iter().all(|p| p.len() == 2)
    {
        // Day.month.year with the century left out: "27.11.26".
        (if c < 70 { 2000 + c } else { 1900 + c }, b, a)
    } else {
        return None;
    };
    ((1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y}-{m:02}-{d:02}"))
}

/// A date written year, month and day, each closed by a dot and a space, as Korean pages do:
/// "2026. 11. 27. 14:30".
pub(super) fn spaced_dots(words: &[&str]) -> Option<String> {
    let [y, m, d, ..] = words else {
        return None;
    };
    let number = |w: &str| {
        let digits = w.strip_suffix('.')?;
        (digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse::<u32>().ok())
            .flatten()
    };
    let year = y.strip_suffix('.').and_then(year)?;
    let (month, day) = (number(m)?, number(d)?);
    ((1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| format!("{year}-{month:02}-{day:02}"))
}
