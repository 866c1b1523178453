use std::time::Duration;

use newscrawl_protocol::{FetchResult, Outcome};

use super::*;

fn u(s: &str) -> CanonicalUrl {
    CanonicalUrl::parse(s).expect("valid")
}

fn config() -> SchedulerConfig {
    SchedulerConfig {
        delay: Duration::from_millis(100),
        lease_timeout: Duration::from_secs(10),
        robots_retry: Duration::from_secs(1),
        max_depth: 2,
        ..SchedulerConfig::default()
    }
}

fn result(job: &CrawlJob, outcome: Outcome) -> FetchResult {
    FetchResult {
        v: VERSION,
        job: job.clone(),
        elapsed_ms: 1,
        fetched_at_ms: 0,
        outcome,
    }
}

fn robots(job: &CrawlJob, body: &str) -> FetchResult {
    result(
        job,
        Outcome::Robots {
            status: 200,
            body: body.into(),
        },
    )
}

fn page(job: &CrawlJob, links: &[&str]) -> FetchResult {
    result(
        job,
        Outcome::Page {
            status: 200,
            article: true,
            links: links.iter().map(|l| u(l)).collect(),
        },
    )
}

fn states(changes: &[Change]) -> Vec<(String, UrlState)> {
    changes
        .iter()
        .filter_map(|c| match c {
            Change::Url(r) => Some((r.url.to_string(), r.state)),
            _ => None,
        })
        .collect()
}

/// A frontier with one seed whose robots.txt has been applied at t=0 and page at t=101.
fn ready(robots_txt: &str, links: &[&str]) -> Frontier {
    let mut f = Frontier::new(config());
    let mut changes = Vec::new();
    f.admit_seed(u("http://a.example/"), 0, &mut changes);
    let (jobs, _) = f.release(0, &mut changes);
    f.apply(&robots(&jobs[0], robots_txt), 0, &mut changes);
    let (jobs, _) = f.release(101, &mut changes);
    f.apply(&page(&jobs[0], links), 101, &mut changes);
    f
}

#[test]
fn robots_txt_is_fetched_before_anything_else_of_the_host() {
    let mut f = Frontier::new(config());
    let mut changes = Vec::new();
    f.admit_seed(u("http://a.example/"), 0, &mut changes);
    let (jobs, _) = f.release(0, &mut changes);
    assert_eq!(jobs.len(), 1);
    assert_eq!(jobs[0].kind, JobKind::Robots);
    assert_eq!(jobs[0].url.as_str(), "http://a.example/robots.txt");
    // While it is out, nothing else of the host is released.
    assert!(f.release(50, &mut changes).0.is_empty());
    f.apply(
        &robots(&jobs[0], "User-agent: *\nDisallow: /private\n"),
        60,
        &mut changes,
    );
    // The robots fetch counts for politeness: the page waits for the delay.
    let (jobs, wake) = f.release(100, &mut changes);
    assert!(jobs.is_empty());
    assert_eq!(wake, Some(161));
    let (jobs, _) = f.release(161, &mut changes);
    assert_eq!(jobs.len(), 1);
    assert_eq!(jobs[0].kind, JobKind::Page);
}

#[test]
fn disallowed_urls_are_never_released() {
    let mut f = ready(
        "User-agent: *\nDisallow: /private\n",
        &["http://a.example/private/x", "http://a.example/ok"],
    );
    let mut changes = Vec::new();
    let (jobs, _) = f.release(1_000, &mut changes);
    assert_eq!(
        jobs.iter().map(|j| j.url.as_str()).collect::<Vec<_>>(),
        vec!["http://a.example/ok"]
    );
    assert!(
        states(&changes).contains(&("http://a.example/private/x".into(), UrlState::Disallowed))
    );
}

#[test]
fn one_fetch_in_flight_per_host_and_delay_after_completion() {
    let mut f = ready("", &["http://a.example/1", "http://a.example/2"]);
    let mut changes = Vec::new();
    let (jobs, _) = f.release(1_000, &mut changes);
    assert_eq!(jobs.len(), 1, "max_inflight_per_host = 1");
    assert!(
        f.release(5_000, &mut changes).0.is_empty(),
        "still in flight"
    );
    f.apply(&page(&jobs[0], &[]), 5_000, &mut changes);
    // The clock truncates: "5 000" may be 5 000.9 ms, so 5 100 could be only 99.1 ms later.
    assert!(
        f.release(5_100, &mut changes).0.is_empty(),
        "the 100 ms delay after completion is never cut short by the clock's truncation"
    );
    assert_eq!(f.release(5_101, &mut changes).0.len(), 1);
}

#[test]
fn a_retry_after_counted_from_a_truncated_clock_is_never_short() {
    let mut f = ready("", &["http://a.example/1", "http://a.example/2"]);
    let mut changes = Vec::new();
    let (jobs, _) = f.release(1_000, &mut changes);
    // Applied at 2 000 by the clock, truly anywhere in [2 000, 2 001). The 30 s asked for
    // outlast the back-off's 2 s ± 20 %.
    f.apply(&unavailable(&jobs[0], Some(30_000)), 2_000, &mut changes);
    assert!(
        f.release(32_000, &mut changes).0.is_empty(),
        "32 000 may be only 29 999.1 ms after the 429"
    );
    assert_eq!(f.release(32_001, &mut changes).0.len(), 1);
}

#[test]
fn crawl_delay_longer_than_the_configured_delay_wins() {
    let mut f = Frontier::new(config());
    let mut changes = Vec::new();
    f.admit_seed(u("http://a.example/"), 0, &mut changes);
    let (jobs, _) = f.release(0, &mut changes);
    f.apply(
        &robots(&jobs[0], "User-agent: *\nCrawl-delay: 2\n"),
        0,
        &mut changes,
    );
    // 2 s of Crawl-delay apply from the robots fetch on, not the 100 ms configured delay.
    assert!(f.release(2_000, &mut changes).0.is_empty());
    let (jobs, _) = f.release(2_001, &mut changes);
    f.apply(
        &page(&jobs[0], &["http://a.example/1"]),
        2_500,
        &mut changes,
    );
    assert!(f.release(4_500, &mut changes).0.is_empty());
    assert_eq!(f.release(4_501, &mut changes).0.len(), 1);
}

#[test]
fn scope_depth_and_dedup() {
    let f = ready(
        "",
        &[
            "http://a.example/d1",
            "http://a.example/d1#frag",
            "http://other.example/x",
        ],
    );
    let g = f.gauges();
    assert_eq!(
        g.pending, 1,
        "one new in-scope URL; the fragment is the same URL"
    );
    assert_eq!(f.tally().terminal.get("out_of_scope"), Some(&1));
    let mut f = ready("", &["http://a.example/d1"]);
    let mut changes = Vec::new();
    let (jobs, _) = f.release(1_000, &mut changes);
    f.apply(
        &page(&jobs[0], &["http://a.example/d2"]),
        1_000,
        &mut changes,
    );
    let (jobs, _) = f.release(2_000, &mut changes);
    assert_eq!(jobs[0].depth, 2);
    f.apply(
        &page(&jobs[0], &["http://a.example/d3"]),
        2_000,
        &mut changes,
    );
    assert!(f.is_exhausted(), "depth 3 is beyond max_depth 2");
}

#[test]
fn expired_lease_requeues_and_a_late_result_is_ignored() {
    let mut f = ready("", &["http://a.example/1"]);
    let mut changes = Vec::new();
    let (jobs, _) = f.release(1_000, &mut changes);
    let late = jobs[0].clone();
    let (again, _) = f.release(1_000 + 10_000, &mut changes);
    assert_eq!(again.len(), 0, "expiry frees the host only after the delay");
    let (again, _) = f.release(11_101, &mut changes);
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].url, late.url);
    assert_eq!(again[0].attempt, 2);
    f.apply(
        &page(&late, &["http://a.example/late-link"]),
        11_200,
        &mut changes,
    );
    assert_eq!(f.tally().stale, 1);
    assert_eq!(f.gauges().pending, 0, "the stale result added nothing");
    f.apply(&page(&again[0], &[]), 11_300, &mut changes);
    assert!(f.is_exhausted());
}

#[test]
fn server_errors_retry_then_fail_with_the_reason() {
    let mut f = ready("", &["http://a.example/flaky"]);
    let mut changes = Vec::new();
    let mut now = 1_000;
    for attempt in 1..=3 {
        let (jobs, _) = f.release(now, &mut changes);
        assert_eq!(jobs[0].attempt, attempt);
        f.apply(
            &result(
                &jobs[0],
                Outcome::Unavailable {
                    status: 503,
                    retry_after_ms: None,
                },
            ),
            now,
            &mut changes,
        );
        // Past any back-off (about 2, 4, 8 s).
        now += 60_000;
    }
    assert!(f.is_exhausted());
    let last = changes
        .iter()
        .rev()
        .find_map(|c| match c {
            Change::Url(r) => Some(r),
            _ => None,
        })
        .expect("a row");
    assert_eq!(last.state, UrlState::Failed);
    assert_eq!(
        last.reason.as_deref(),
        Some("unavailable: status 503 (after 3 attempts)")
    );
}

#[test]
fn unavailable_robots_blocks_then_fails_the_origin() {
    let mut f = Frontier::new(config());
    let mut changes = Vec::new();
    f.admit_seed(u("http://a.example/"), 0, &mut changes);
    let mut now = 0;
    for _ in 0..3 {
        let (jobs, _) = f.release(now, &mut changes);
        assert_eq!(jobs.len(), 1);
        assert_eq!(jobs[0].kind, JobKind::Robots);
        f.apply(
            &result(
                &jobs[0],
                Outcome::Robots {
                    status: 500,
                    body: String::new(),
                },
            ),
            now,
            &mut changes,
        );
        assert!(
            f.release(now + 500, &mut changes).0.is_empty(),
            "disallowed for now"
        );
        now += 1_000;
    }
    assert!(f.is_exhausted());
    assert!(states(&changes).contains(&("http://a.example/".into(), UrlState::Failed)));
}

#[test]
fn redirect_targets_are_admitted_as_new_urls_within_the_limit() {
    let mut f = ready("", &[]);
    let mut changes = Vec::new();
    f.admit_seed(u("http://b.example/old"), 0, &mut changes);
    let (jobs, _) = f.release(1_000, &mut changes);
    f.apply(&robots(&jobs[0], ""), 1_000, &mut changes);
    let (jobs, _) = f.release(2_000, &mut changes);
    assert_eq!(jobs[0].url.as_str(), "http://b.example/old");
    f.apply(
        &result(
            &jobs[0],
            Outcome::Redirect {
                status: 301,
                location: u("http://b.example/new"),
            },
        ),
        2_000,
        &mut changes,
    );
    let (jobs, _) = f.release(3_000, &mut changes);
    assert_eq!(
        (jobs[0].url.as_str(), jobs[0].redirects),
        ("http://b.example/new", 1)
    );
}

#[test]
fn restored_leases_keep_the_host_busy() {
    let mut f = Frontier::new(config());
    f.restore_site("a.example");
    f.restore_robots(&RobotsRow {
        origin: "http://a.example".into(),
        host_key: "a.example".into(),
        status: 404,
        body: String::new(),
        fetched_ms: 0,
        failures: 0,
    });
    let row = |url: &str, state, lease| UrlRow {
        url: u(url),
        host_key: "a.example".into(),
        depth: 1,
        redirects: 0,
        state,
        attempts: 0,
        lease,
        reason: None,
    };
    f.restore_url(row(
        "http://a.example/leased",
        UrlState::Leased,
        Some((42, 5_000)),
    ));
    f.restore_url(row("http://a.example/pending", UrlState::Pending, None));
    f.restore_url(row("http://a.example/done", UrlState::Article, None));
    let mut changes = Vec::new();
    assert!(
        f.release(1_000, &mut changes).0.is_empty(),
        "the restored lease holds the host"
    );
    assert!(
        f.release(5_100, &mut changes).0.is_empty(),
        "expired at 5 000: the delay runs from then"
    );
    let (jobs, _) = f.release(5_201, &mut changes);
    assert_eq!(jobs.len(), 1, "after expiry, one URL goes out");
    let mut changes = Vec::new();
    f.admit_seed(u("http://a.example/done"), 0, &mut changes);
    assert!(
        states(&changes).is_empty(),
        "a stored URL is seen and never admitted again"
    );
}

fn unavailable(job: &CrawlJob, retry_after_ms: Option<u64>) -> FetchResult {
    result(
        job,
        Outcome::Unavailable {
            status: 429,
            retry_after_ms,
        },
    )
}

/// The earliest time a job is released, probing in 10 ms steps from `from`.
fn next_release(f: &mut Frontier, from: i64) -> (i64, CrawlJob) {
    let mut changes = Vec::new();
    let mut t = from;
    loop {
        if let Some(job) = f.release(t, &mut changes).0.pop() {
            return (t, job);
        }
        t += 10;
        assert!(t < from + 10_000_000, "nothing released");
    }
}

#[test]
fn retry_after_is_honoured_for_the_whole_host() {
    let mut f = ready("", &["http://a.example/1", "http://a.example/2"]);
    let (t, job) = next_release(&mut f, 1_000);
    let mut changes = Vec::new();
    f.apply(&unavailable(&job, Some(30_000)), t, &mut changes);
    let (again, _) = next_release(&mut f, t);
    assert!(again >= t + 30_000, "released after {} ms", again - t);
    assert!(again < t + 30_100);
    assert_eq!(f.tally().slowdowns, 1);
}

#[test]
fn repeated_failures_back_off_exponentially_then_recover_after_quiet() {
    // backoff_base 2 s, jitter ±20 %: pauses of about 2, 4, 8 s.
    let mut f = ready(
        "",
        &[
            "http://a.example/1",
            "http://a.example/2",
            "http://a.example/3",
            "http://a.example/4",
            "http://a.example/5",
            "http://a.example/6",
        ],
    );
    let mut t = 1_000;
    let mut pauses = Vec::new();
    for _ in 0..3 {
        let (at, job) = next_release(&mut f, t);
        let mut changes = Vec::new();
        f.apply(&unavailable(&job, None), at, &mut changes);
        let (next, job) = next_release(&mut f, at);
        pauses.push(next - at);
        t = next;
        // Hand the job back as a success so the URL queue keeps moving.
        f.apply(&page(&job, &[]), t, &mut changes);
    }
    for (i, pause) in pauses.iter().enumerate() {
        let expected = 2_000 * (1 << i);
        assert!(
            *pause >= expected * 8 / 10 && *pause <= expected * 12 / 10 + 10,
            "pause {i}: {pause} ms, expected ~{expected}"
        );
    }
    // 60 s of quiet: the next failure starts again from the base pause.
    let (at, job) = next_release(&mut f, t + 60_000);
    let mut changes = Vec::new();
    f.apply(&unavailable(&job, None), at, &mut changes);
    let (next, _) = next_release(&mut f, at);
    assert!(
        next - at <= 2_400 + 10,
        "back to the base pause: {} ms",
        next - at
    );
}

#[test]
fn an_abandoned_job_is_a_new_attempt_and_a_stale_one_is_ignored() {
    let mut f = ready("", &["http://a.example/1"]);
    let mut changes = Vec::new();
    let (jobs, _) = f.release(1_000, &mut changes);
    // The first worker reported the page, then died before acking: the redelivery is stale.
    f.apply(&page(&jobs[0], &[]), 1_100, &mut changes);
    f.apply(&result(&jobs[0], Outcome::Abandoned), 1_200, &mut changes);
    assert_eq!(f.tally().stale, 1);
    assert!(f.is_exhausted());
    // A worker died mid-fetch: the redelivery comes back abandoned and the URL goes out again.
    let mut f = ready("", &["http://a.example/2"]);
    let (jobs, _) = f.release(1_000, &mut changes);
    f.apply(&result(&jobs[0], Outcome::Abandoned), 1_100, &mut changes);
    let (again, _) = next_release(&mut f, 1_100);
    assert!(again >= 1_200, "the host keeps its delay");
    assert!(f.release(again, &mut changes).0.is_empty(), "released once");
}

#[test]
fn a_redirect_chain_fails_at_the_limit_across_round_trips() {
    let mut f = Frontier::new(SchedulerConfig {
        max_redirects: 2,
        ..config()
    });
    let mut changes = Vec::new();
    f.admit_seed(u("http://a.example/r0"), 0, &mut changes);
    let (jobs, _) = f.release(0, &mut changes);
    f.apply(&robots(&jobs[0], ""), 0, &mut changes);
    let mut now = 1_000;
    for hop in 0..3 {
        let (jobs, _) = f.release(now, &mut changes);
        assert_eq!(jobs.len(), 1, "hop {hop}");
        assert_eq!(jobs[0].redirects, hop);
        let next = u(&format!("http://a.example/r{}", hop + 1));
        let outcome = Outcome::Redirect {
            status: 302,
            location: next,
        };
        f.apply(&result(&jobs[0], outcome), now, &mut changes);
        now += 1_000;
    }
    let (jobs, _) = f.release(now, &mut changes);
    assert!(jobs.is_empty(), "r3 is never requested");
    let last = changes
        .iter()
        .rev()
        .find_map(|c| match c {
            Change::Url(r) if r.url.as_str() == "http://a.example/r2" => Some(r),
            _ => None,
        })
        .expect("r2 has a row");
    assert_eq!(last.state, UrlState::Failed);
    assert_eq!(
        last.reason.as_deref().map(crate::reason_class),
        Some("redirect_limit")
    );
    assert!(f.is_exhausted());
}

#[test]
fn trap_links_are_recorded_and_never_released() {
    let now = 1_795_780_800_000; // 2026-11-27
    let mut f = Frontier::new(config());
    let mut changes = Vec::new();
    f.admit_seed(u("http://a.example/"), now, &mut changes);
    let (jobs, _) = f.release(now, &mut changes);
    f.apply(&robots(&jobs[0], ""), now, &mut changes);
    let (jobs, _) = f.release(now + 101, &mut changes);
    let links = [
        "http://a.example/events/2030/01",
        "http://a.example/x/y/x/y/x/y",
        "http://a.example/story",
    ];
    changes.clear();
    f.apply(&page(&jobs[0], &links), now + 100, &mut changes);
    let got = states(&changes);
    assert!(got.contains(&(links[0].into(), UrlState::Trap)), "{got:?}");
    assert!(got.contains(&(links[1].into(), UrlState::Trap)), "{got:?}");
    assert!(
        got.contains(&(links[2].into(), UrlState::Pending)),
        "{got:?}"
    );
    let (jobs, _) = f.release(now + 10_000, &mut changes);
    let released: Vec<&str> = jobs.iter().map(|j| j.url.as_str()).collect();
    assert_eq!(released, ["http://a.example/story"]);
}

#[test]
fn a_refused_origin_fails_its_urls_at_once() {
    let mut f = Frontier::new(config());
    let mut changes = Vec::new();
    f.admit_seed(u("http://a.example/"), 0, &mut changes);
    f.admit_seed(u("http://a.example/b"), 0, &mut changes);
    let (jobs, _) = f.release(0, &mut changes);
    let refused = Outcome::FetchError {
        class: newscrawl_protocol::FetchErrorClass::Refused,
        message: "address 10.0.0.1 is private".into(),
    };
    changes.clear();
    f.apply(&result(&jobs[0], refused), 0, &mut changes);
    let got = states(&changes);
    assert_eq!(
        got,
        [
            ("http://a.example/".to_owned(), UrlState::Failed),
            ("http://a.example/b".to_owned(), UrlState::Failed),
        ]
    );
    assert!(
        f.is_exhausted(),
        "no robots.txt retry for a refused address"
    );
}
