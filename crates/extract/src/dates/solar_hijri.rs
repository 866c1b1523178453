//! Dates in the Solar Hijri calendar, which Iranian and Afghan papers write ("۷ آذر ۱۴۰۵"):
//! read and turned into the Gregorian calendar.

/// The Solar Hijri months in Persian, in order, and the Dari names of the ones Afghanistan
/// writes differently.
const MONTHS: &[(&str, u32)] = &[
    ("فروردین", 1),
    ("اردیبهشت", 2),
    ("خرداد", 3),
    ("تیر", 4),
    ("مرداد", 5),
    ("امرداد", 5),
    ("شهریور", 6),
    ("مهر", 7),
    ("آبان", 8),
    ("آذر", 9),
    ("دی", 10),
    ("بهمن", 11),
    ("اسفند", 12),
    ("حمل", 1),
    ("ثور", 2),
    ("جوزا", 3),
    ("سرطان", 4),
    ("اسد", 5),
    ("سنبله", 6),
    ("میزان", 7),
    ("عقرب", 8),
    ("قوس", 9),
    ("جدی", 10),
    ("دلو", 11),
    ("حوت", 12),
];

/// The date "day month year" around the month name at `words[i]` (digits already ASCII), as
/// Gregorian `YYYY-MM-DD`: "۷ آذر ۱۴۰۵" is 2026-11-28.
pub(super) fn date_around(words: &[&str], i: usize) -> Option<String> {
    let month = MONTHS
        .iter()
        .find(|(name, _)| *name == words[i])
        .map(|(_, m)| *m)?;
    let number = |k: usize, range: std::ops::RangeInclusive<u32>| {
        let word = words.get(k)?.trim_end_matches(['،', ',']);
        let n: u32 = word.parse().ok()?;
        range.contains(&n).then_some(n)
    };
    let day = number(i.checked_sub(1)?, 1..=31)?;
    let year = number(i + 1, 1370..=1480)?;
    let (y, m, d) = to_gregorian(year, month, day);
    Some(format!("{y}-{m:02}-{d:02}"))
}

/// A Solar Hijri date in the Gregorian calendar, by the arithmetic of the 33-year cycles the
/// calendar's leap years follow (exact for the years news is dated in).
fn to_gregorian(year: u32, month: u32, day: u32) -> (u32, u32, u32) {
    let (jy, jm, jd) = (i64::from(year) + 1595, i64::from(month), i64::from(day));
    let mut days = -355_668
        + 365 * jy
        + (jy / 33) * 8
        + ((jy % 33) + 3) / 4
        + jd
        + if jm < 7 {
            (jm - 1) * 31
        } else {
            (jm - 7) * 30 + 186
        };
    let mut gy = 400 * (days / 146_097);
    days %= 146_097;
    if days > 36_524 {
        days -= 1;
        gy += 100 * (days / 36_524);
        days %= 36_524;
        if days >= 365 {
            days += 1;
        }
    }
    gy += 4 * (days / 1_461);
    days %= 1_461;
    if days > 365 {
        gy += (days - 1) / 365;
        days = (days - 1) % 365;
    }
    let leap = gy % 4 == 0 && gy % 100 != 0 || gy % 400 == 0;
    let lengths = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let (mut gm, mut gd) = (1, days + 1);
    for length in lengths {
        if gd <= length {
            break;
        }
        gd -= length;
        gm += 1;
    }
    let part = |n: i64| u32::try_from(n).unwrap_or(0);
    (part(gy), part(gm), part(gd))
}

#[cfg(test)]
mod tests {
    use super::to_gregorian;

    #[test]
    fn solar_hijri_dates_are_turned_into_gregorian_ones() {
        for (hijri, gregorian) in [
            ((1405, 9, 7), (2026, 11, 28)),
            ((1403, 1, 1), (2024, 3, 20)),
            ((1404, 1, 1), (2025, 3, 21)),
            ((1399, 12, 30), (2021, 3, 20)),
            ((1402, 10, 11), (2024, 1, 1)),
        ] {
            assert_eq!(
                to_gregorian(hijri.0, hijri.1, hijri.2),
                gregorian,
                "{hijri:?}"
            );
        }
    }
}
