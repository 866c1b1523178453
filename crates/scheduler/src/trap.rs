//! Crawler traps: URL spaces without end (calendars, repeating paths, query-parameter
//! explosions), recognised from the URL before it is ever fetched.
//!
//! Session ids in URLs are the fourth classic trap; `CanonicalUrl` strips them, so every
//! session's copy of a page is one URL. What no heuristic catches is still bounded by
//! `max_depth` and the per-host page budget.

use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use newscrawl_protocol::CanonicalUrl;

/// A path segment repeated this often marks a relative-link loop (`/a/b/a/b/a/b`).
const MAX_SEGMENT_REPEATS: usize = 3;
/// Paths deeper than this are generated, not written.
const MAX_SEGMENTS: usize = 16;
/// URLs longer than this are generated, not written.
const MAX_URL_LEN: usize = 1024;
/// Query strings with more parameters than this are faceted-search combinations.
const MAX_QUERY_PARAMS: usize = 8;

/// Budgets of the trap heuristics.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// Pages of one host whose URL ends in a date and which differ only in their numbers
    /// (`/events/2026/11`, `/events/2026/12`, ...).
    pub dated_pages: u32,
    /// Combinations of the same two or more query parameters on one path of one host.
    pub query_combinations: u32,
}

/// Counts what the budgeted heuristics need, per host and URL shape.
#[derive(Debug, Default)]
pub(crate) struct Traps {
    shapes: HashMap<u64, u32>,
}

/// Why a URL is a trap: a class (for `status`) and a sentence.
pub(crate) type Verdict = Option<(&'static str, String)>;

impl Traps {
    /// Judges a URL the crawl has not seen, counting it against its shape's budget if it
    /// passes. `now_ms` dates "the future" for calendars.
    pub fn judge(
        &mut self,
        host_key: &str,
        url: &CanonicalUrl,
        limits: Limits,
        now_ms: i64,
    ) -> Verdict {
        if let Some(verdict) = fixed_rules(url) {
            return Some(verdict);
        }
        let parsed = url.as_url();
        let date = terminal_date(parsed);
        if let Some((year, month)) = date {
            let (now_year, now_month) = year_month(now_ms);
            if (year, month) > (now_year + 1, now_month) {
                return Some((
                    "calendar",
                    format!("dated {year}-{month:02}, more than a year ahead"),
                ));
            }
        }
        let keys = query_keys(parsed);
        let budget = if date.is_some() {
            Some(("calendar", limits.dated_pages, "dated pages"))
        } else if keys.len() >= 2 {
            Some((
                "query_explosion",
                limits.query_combinations,
                "combinations of its query parameters",
            ))
        } else {
            None
        };
        let (class, limit, what) = budget?;
        let seen = self
            .shapes
            .entry(shape(host_key, parsed, &keys))
            .or_default();
        if *seen >= limit {
            return Some((
                class,
                format!(
                    "more than {limit} {what} shaped like {}",
                    shape_text(parsed)
                ),
            ));
        }
        *seen += 1;
        None
    }

    /// Counts a URL restored from the store as admitted.
    pub fn restore(&mut self, host_key: &str, url: &CanonicalUrl) {
        let parsed = url.as_url();
        let keys = query_keys(parsed);
        if terminal_date(parsed).is_some() || keys.len() >= 2 {
            *self
                .shapes
                .entry(shape(host_key, parsed, &keys))
                .or_default() += 1;
        }
    }
}

/// The heuristics that need no counting.
fn fixed_rules(url: &CanonicalUrl) -> Verdict {
    let len = url.as_str().len();
    if len > MAX_URL_LEN {
        return Some(("too_long", format!("URL of {len} characters")));
    }
    let segments: Vec<&str> = url
        .as_url()
        .path_segments()
        .map(|s| s.filter(|s| !s.is_empty()).collect())
        .unwrap_or_default();
    if segments.len() > MAX_SEGMENTS {
        return Some((
            "repeating_path",
            format!("{} path segments", segments.len()),
        ));
    }
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for segment in &segments {
        let n = counts.entry(segment).or_default();
        *n += 1;
        if *n >= MAX_SEGMENT_REPEATS {
            return Some((
                "repeating_path",
                format!("segment `{segment}` repeated {n} times"),
            ));
        }
    }
    let params = url.as_url().query_pairs().count();
    if params > MAX_QUERY_PARAMS {
        return Some(("query_explosion", format!("{params} query parameters")));
    }
    None
}

/// The date a calendar-like URL is about: the last path segments (`/2026/11`, `/2026/11/27`,
/// `/2026-11-27`) or a query value (`?date=2026-11`, `?year=2026&month=11`). Articles put a
/// slug or an id after their date, so they are not calendar pages.
fn terminal_date(url: &url::Url) -> Option<(i32, u32)> {
    for (key, value) in url.query_pairs() {
        if let Some(date) = date_token(&value) {
            return Some(date);
        }
        if key.eq_ignore_ascii_case("year")
            && let Some(year) = year(&value)
        {
            let month = url
                .query_pairs()
                .find(|(k, _)| k.eq_ignore_ascii_case("month"))
                .and_then(|(_, m)| month(&m))
                .unwrap_or(1);
            return Some((year, month));
        }
    }
    let segments: Vec<&str> = url.path_segments()?.filter(|s| !s.is_empty()).collect();
    let last = segments.last()?;
    if let Some(date) = date_token(last) {
        return Some(date);
    }
    // `/YYYY/MM` or `/YYYY/MM/DD` at the end.
    let n = segments.len();
    for take in [3, 2] {
        if n < take {
            continue;
        }
        let run = &segments[n - take..];
        let ok = year(run[0]).zip(month(run[1]));
        let day_ok = take == 2 || run[2].parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
        if let (Some(date), true) = (ok, day_ok) {
            return Some(date);
        }
    }
    None
}

/// `YYYY-MM`, `YYYY-MM-DD` or `YYYYMMDD`.
fn date_token(s: &str) -> Option<(i32, u32)> {
    let mut parts = s.split('-');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(y), Some(m), d, None) if y.len() == 4 => {
            let date = year(y).zip(month(m))?;
            match d {
                Some(d) if d.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d)) => Some(date),
                Some(_) => None,
                None => Some(date),
            }
        }
        (Some(ymd), None, None, None)
            if ymd.len() == 8 && ymd.bytes().all(|b| b.is_ascii_digit()) =>
        {
            year(&ymd[..4]).zip(month(&ymd[4..6]))
        }
        _ => None,
    }
}

fn year(s: &str) -> Option<i32> {
    (s.len() == 4)
        .then(|| s.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1900..=2199).contains(y))
}

fn month(s: &str) -> Option<u32> {
    (s.len() <= 2)
        .then(|| s.parse::<u32>().ok())
        .flatten()
        .filter(|m| (1..=12).contains(m))
}

fn query_keys(url: &url::Url) -> Vec<String> {
    let mut keys: Vec<String> = url.query_pairs().map(|(k, _)| k.into_owned()).collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The path with every digit run as `#`, e.g. `/events/#/#`.
fn shape_text(url: &url::Url) -> String {
    let mut out = String::new();
    let mut in_digits = false;
    for c in url.path().chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                out.push('#');
            }
            in_digits = true;
        } else {
            out.push(c);
            in_digits = false;
        }
    }
    out
}

fn shape(host_key: &str, url: &url::Url, keys: &[String]) -> u64 {
    let mut h = DefaultHasher::new();
    (host_key, shape_text(url), keys).hash(&mut h);
    h.finish()
}

/// `(year, month)` of a Unix time in ms, UTC (days-to-civil, proleptic Gregorian).
fn year_month(now_ms: i64) -> (i32, u32) {
    let days = now_ms.div_euclid(86_400_000) + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        i32::try_from(year).unwrap_or(i32::MAX),
        u32::try_from(month).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-11-27T12:00:00Z.
    const NOW: i64 = 1_795_780_800_000;
    const LIMITS: Limits = Limits {
        dated_pages: 3,
        query_combinations: 2,
    };

    fn judge(traps: &mut Traps, url: &str) -> Option<&'static str> {
        let url = CanonicalUrl::parse(url).expect("valid");
        traps.judge("h", &url, LIMITS, NOW).map(|(class, _)| class)
    }

    #[test]
    fn civil_dates() {
        assert_eq!(year_month(NOW), (2026, 11));
        assert_eq!(year_month(0), (1970, 1));
        assert_eq!(year_month(951_782_400_000), (2000, 2)); // 2000-02-29
        assert_eq!(year_month(-1), (1969, 12));
    }

    #[test]
    fn articles_and_ordinary_pages_pass() {
        let mut t = Traps::default();
        for url in [
            "http://h/",
            "http://h/politics/",
            "http://h/2026/11/20/council-budget",
            "http://h/2026/11/20/12345.html",
            "http://h/news/2026/11/21/council-budget-2027",
            "http://h/article?id=1",
            "http://h/article?id=2",
            "http://h/article?id=3",
            "http://h/article?id=4",
            "http://h/a/b/a/b",
        ] {
            assert_eq!(judge(&mut t, url), None, "{url}");
        }
    }

    #[test]
    fn calendars_end_a_year_ahead_and_after_their_budget() {
        let mut t = Traps::default();
        assert_eq!(judge(&mut t, "http://h/events/2027/11"), None);
        assert_eq!(judge(&mut t, "http://h/events/2027/12"), Some("calendar"));
        assert_eq!(
            judge(&mut t, "http://h/cal?date=2031-01-05"),
            Some("calendar")
        );
        assert_eq!(
            judge(&mut t, "http://h/cal?year=2040&month=2"),
            Some("calendar")
        );
        // Going back in time: the budget of dated pages per shape.
        assert_eq!(judge(&mut t, "http://h/events/2026/10"), None);
        assert_eq!(judge(&mut t, "http://h/events/2026/09"), None);
        assert_eq!(judge(&mut t, "http://h/events/2026/08"), Some("calendar"));
        // Another shape has its own budget.
        assert_eq!(judge(&mut t, "http://h/archive/2026-11-01"), None);
        assert_eq!(judge(&mut t, "http://h/archive/20261102"), None);
    }

    #[test]
    fn repeating_and_overlong_paths() {
        let mut t = Traps::default();
        assert_eq!(
            judge(&mut t, "http://h/a/b/a/b/a/b"),
            Some("repeating_path")
        );
        assert_eq!(judge(&mut t, "http://h/x/x/x"), Some("repeating_path"));
        let deep: String = (0..20).map(|i| format!("/s{i}")).collect();
        assert_eq!(
            judge(&mut t, &format!("http://h{deep}")),
            Some("repeating_path")
        );
        let long = format!("http://h/{}", "a".repeat(1100));
        assert_eq!(judge(&mut t, &long), Some("too_long"));
    }

    #[test]
    fn query_explosions() {
        let mut t = Traps::default();
        assert_eq!(judge(&mut t, "http://h/list?sort=a&color=red"), None);
        assert_eq!(judge(&mut t, "http://h/list?sort=b&color=red"), None);
        assert_eq!(
            judge(&mut t, "http://h/list?sort=a&color=blue"),
            Some("query_explosion")
        );
        // Other parameter sets and other paths have their own budgets.
        assert_eq!(judge(&mut t, "http://h/list?sort=a&size=m"), None);
        assert_eq!(judge(&mut t, "http://h/other?sort=a&color=blue"), None);
        let many: String = (0..9).map(|i| format!("p{i}=1&")).collect();
        assert_eq!(
            judge(&mut t, &format!("http://h/s?{many}")),
            Some("query_explosion")
        );
    }

    #[test]
    fn restored_urls_count_against_the_budget() {
        let mut t = Traps::default();
        for m in ["01", "02", "03"] {
            t.restore(
                "h",
                &CanonicalUrl::parse(&format!("http://h/events/2026/{m}")).expect("valid"),
            );
        }
        assert_eq!(judge(&mut t, "http://h/events/2026/04"), Some("calendar"));
    }
}
