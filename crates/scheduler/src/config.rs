//! Scheduler settings.

use std::time::Duration;

use newscrawl_runtime::config::millis;
use serde::Deserialize;

/// What a politeness lease is keyed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HostKeyMode {
    /// The URL's host name (default).
    #[default]
    Host,
    /// The registrable domain (public suffix + 1): subdomains of one outlet share a lease.
    Domain,
}

/// Settings of the scheduler role.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SchedulerConfig {
    /// Minimum pause between the end of one fetch of a host and the start of the next, in ms.
    /// A robots.txt Crawl-delay longer than this wins.
    #[serde(rename = "delay_ms", with = "millis")]
    pub delay: Duration,
    /// Fetches of one host in flight at once (forced to 1 while the host has a Crawl-delay).
    pub max_inflight_per_host: u32,
    /// Links deeper than this many hops from a seed are not followed.
    pub max_depth: u32,
    /// URLs admitted per host at most; the rest are recorded as out of scope.
    pub max_pages_per_host: u64,
    /// Calendar pages (URLs ending in a date) of one host and one shape admitted at most; the
    /// rest are recorded as traps.
    pub trap_dated_pages: u32,
    /// Combinations of the same two or more query parameters on one path admitted at most.
    pub trap_query_combinations: u32,
    /// How long a job's lease lasts before the host is handed out again, in ms.
    #[serde(rename = "lease_timeout_ms", with = "millis")]
    pub lease_timeout: Duration,
    /// How long a fetched robots.txt is trusted, in ms (RFC 9309: at most 24 h).
    #[serde(rename = "robots_ttl_ms", with = "millis")]
    pub robots_ttl: Duration,
    /// Wait before asking again for a robots.txt that answered 5xx or could not be fetched, in ms.
    #[serde(rename = "robots_retry_ms", with = "millis")]
    pub robots_retry: Duration,
    /// The product token matched against robots.txt `User-agent` lines.
    pub robots_agent: String,
    /// Redirect hops followed from one URL.
    pub max_redirects: u32,
    /// Attempts at a URL (or a robots.txt) before it is marked failed.
    pub max_attempts: u32,
    /// What a politeness lease is keyed by.
    pub host_key: HostKeyMode,
    /// First pause of a host that answered 429/5xx or could not be reached, in ms; it doubles
    /// (with ±20 % jitter) with every further failure.
    #[serde(rename = "backoff_base_ms", with = "millis")]
    pub backoff_base: Duration,
    /// Longest pause of a failing host, in ms; a longer `Retry-After` is cut to this.
    #[serde(rename = "max_backoff_ms", with = "millis")]
    pub max_backoff: Duration,
    /// A host whose last failure is this long ago starts its back-off afresh, in ms.
    #[serde(rename = "backoff_quiet_ms", with = "millis")]
    pub backoff_quiet: Duration,
    /// Jobs out at once across all hosts (bounds the jobs queue).
    pub max_outstanding: usize,
    /// Result deliveries handled per database transaction at most.
    pub batch: u16,
    /// Stop when the frontier is exhausted (the embedded crawl); otherwise run until shutdown.
    pub exit_when_idle: bool,
    /// Interval of the progress log line, in ms.
    #[serde(rename = "progress_ms", with = "millis")]
    pub progress: Duration,
}

impl Default for SchedulerConfig {
    fn default() -> Self {
        Self {
            delay: Duration::from_secs(1),
            max_inflight_per_host: 1,
            max_depth: 5,
            max_pages_per_host: 100_000,
            trap_dated_pages: 50,
            trap_query_combinations: 100,
            lease_timeout: Duration::from_secs(120),
            robots_ttl: Duration::from_secs(24 * 3600),
            robots_retry: Duration::from_secs(600),
            robots_agent: "newscrawl".into(),
            max_redirects: 5,
            max_attempts: 3,
            host_key: HostKeyMode::Host,
            backoff_base: Duration::from_secs(2),
            max_backoff: Duration::from_secs(3600),
            backoff_quiet: Duration::from_secs(60),
            max_outstanding: 1000,
            batch: 256,
            exit_when_idle: false,
            progress: Duration::from_secs(10),
        }
    }
}
