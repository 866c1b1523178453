//! robots.txt per origin, with RFC 9309 semantics: 2xx = the rules, 4xx = allow all,
//! 5xx or unreachable = disallow all for now and ask again later.

use std::collections::HashMap;
use std::time::Duration;

use newscrawl_protocol::CanonicalUrl;
use robotxt::Robots;

use crate::state::RobotsRow;

/// What the frontier knows of one origin's robots.txt.
pub(crate) enum RobotsState {
    /// A robots job is out; `failures` earlier fetches failed.
    Fetching { failures: u32 },
    /// Rules in force since `fetched_ms`.
    Ready { rules: Box<Robots>, fetched_ms: i64 },
    /// The last `failures` fetches failed; everything is disallowed until `retry_ms`.
    Unavailable { retry_ms: i64, failures: u32 },
}

/// What the frontier may do with a URL of an origin right now.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Fetch it.
    Allowed,
    /// Never fetch it.
    Disallowed,
    /// Fetch robots.txt first; `failures` so far.
    FetchRobots { failures: u32 },
    /// Wait (robots.txt is being fetched, or is unavailable until the given time).
    Wait { until_ms: Option<i64> },
}

pub(crate) struct RobotsCache {
    agent: String,
    ttl_ms: i64,
    retry_ms: i64,
    origins: HashMap<String, RobotsState>,
}

impl RobotsCache {
    pub fn new(agent: &str, ttl: Duration, retry: Duration) -> Self {
        Self {
            agent: agent.to_owned(),
            ttl_ms: duration_ms(ttl),
            retry_ms: duration_ms(retry),
            origins: HashMap::new(),
        }
    }

    pub fn verdict(&self, url: &CanonicalUrl, now_ms: i64) -> Verdict {
        match self.origins.get(&url.origin()) {
            None => Verdict::FetchRobots { failures: 0 },
            Some(RobotsState::Fetching { .. }) => Verdict::Wait { until_ms: None },
            Some(RobotsState::Unavailable { retry_ms, failures }) if now_ms >= *retry_ms => {
                Verdict::FetchRobots {
                    failures: *failures,
                }
            }
            Some(RobotsState::Unavailable { retry_ms, .. }) => Verdict::Wait {
                until_ms: Some(*retry_ms),
            },
            Some(RobotsState::Ready { fetched_ms, .. }) if now_ms - fetched_ms > self.ttl_ms => {
                Verdict::FetchRobots { failures: 0 }
            }
            Some(RobotsState::Ready { rules, .. }) => {
                let url = url.as_url();
                let path = &url[url::Position::BeforePath..];
                if rules.is_allowed(path) {
                    Verdict::Allowed
                } else {
                    Verdict::Disallowed
                }
            }
        }
    }

    pub fn mark_fetching(&mut self, origin: String, failures: u32) {
        self.origins
            .insert(origin, RobotsState::Fetching { failures });
    }

    /// Forgets a robots job that never ran (lease expired), so it is asked for again.
    pub fn forget_fetching(&mut self, origin: &str) {
        if matches!(self.origins.get(origin), Some(RobotsState::Fetching { .. })) {
            self.origins.remove(origin);
        }
    }

    /// Failed fetches so far for an origin.
    pub fn failures(&self, origin: &str) -> u32 {
        match self.origins.get(origin) {
            Some(
                RobotsState::Unavailable { failures, .. } | RobotsState::Fetching { failures },
            ) => *failures,
            _ => 0,
        }
    }

    /// Applies a stored or freshly fetched robots.txt; returns its Crawl-delay.
    pub fn apply(&mut self, row: &RobotsRow) -> Option<Duration> {
        let (state, delay) = match row.status {
            200..=299 => {
                let rules = Robots::parse(row.body.as_bytes(), self.agent.as_str());
                let delay = rules.crawl_delay();
                (
                    RobotsState::Ready {
                        rules: Box::new(rules),
                        fetched_ms: row.fetched_ms,
                    },
                    delay,
                )
            }
            400..=499 => (
                RobotsState::Ready {
                    rules: Box::new(Robots::allow_all()),
                    fetched_ms: row.fetched_ms,
                },
                None,
            ),
            _ => (
                RobotsState::Unavailable {
                    retry_ms: row.fetched_ms + self.retry_ms,
                    failures: row.failures,
                },
                None,
            ),
        };
        self.origins.insert(row.origin.clone(), state);
        delay
    }
}

fn duration_ms(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> CanonicalUrl {
        CanonicalUrl::parse(s).expect("valid")
    }

    fn row(status: u16, body: &str, failures: u32) -> RobotsRow {
        RobotsRow {
            origin: "http://a.example".into(),
            host_key: "a.example".into(),
            status,
            body: body.into(),
            fetched_ms: 1_000,
            failures,
        }
    }

    fn cache() -> RobotsCache {
        RobotsCache::new("newscrawl", Duration::from_secs(10), Duration::from_secs(5))
    }

    #[test]
    fn unknown_origin_needs_robots_first() {
        assert_eq!(
            cache().verdict(&u("http://a.example/x"), 0),
            Verdict::FetchRobots { failures: 0 }
        );
    }

    #[test]
    fn rules_decide_with_rfc9309_semantics() {
        let mut c = cache();
        let body = "\u{feff}User-agent: *\nDisallow: /private\nDisallow: /%7Etilde\nCrawl-delay: 2\n\nUser-agent: newscrawl\nDisallow: /no-bots\nCrawl-delay: 3\n";
        assert_eq!(c.apply(&row(200, body, 0)), Some(Duration::from_secs(3)));
        assert_eq!(
            c.verdict(&u("http://a.example/no-bots/x"), 2_000),
            Verdict::Disallowed
        );
        // Our group wins over `*`: /private is allowed for us.
        assert_eq!(
            c.verdict(&u("http://a.example/private"), 2_000),
            Verdict::Allowed
        );
        assert_eq!(
            c.verdict(&u("http://a.example/robots.txt"), 2_000),
            Verdict::Allowed
        );
        // Expired after the ttl: fetch again.
        assert_eq!(
            c.verdict(&u("http://a.example/x"), 12_000),
            Verdict::FetchRobots { failures: 0 }
        );
    }

    #[test]
    fn percent_encoded_paths_match() {
        let mut c = cache();
        c.apply(&row(200, "User-agent: *\nDisallow: /%7Ejoe/\n", 0));
        assert_eq!(
            c.verdict(&u("http://a.example/~joe/page"), 2_000),
            Verdict::Disallowed
        );
    }

    #[test]
    fn client_error_allows_all_server_error_disallows_for_now() {
        let mut c = cache();
        c.apply(&row(404, "", 0));
        assert_eq!(
            c.verdict(&u("http://a.example/anything"), 2_000),
            Verdict::Allowed
        );
        c.apply(&row(503, "", 2));
        assert_eq!(
            c.verdict(&u("http://a.example/anything"), 2_000),
            Verdict::Wait {
                until_ms: Some(6_000)
            }
        );
        assert_eq!(
            c.verdict(&u("http://a.example/anything"), 6_000),
            Verdict::FetchRobots { failures: 2 }
        );
        c.apply(&row(0, "", 3));
        assert_eq!(c.failures("http://a.example"), 3);
    }
}
