//! The frontier: the seen-set, per-host queues and leases, and every per-host decision.
//!
//! Pure and synchronous: time comes in as Unix milliseconds and every decision that must
//! survive a restart comes out as a `Change` for the store. See `design.md`.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet, VecDeque};
use std::hash::{Hash, Hasher};

use newscrawl_protocol::{CanonicalUrl, CrawlJob, JobKind, VERSION};

use crate::SchedulerConfig;
use crate::robots::{RobotsCache, Verdict};
use crate::scope::{Scope, host_key};
use crate::state::{Change, RobotsRow, UrlRow, UrlState};
use crate::trap::{self, Traps};

/// A URL waiting for its host.
#[derive(Debug, Clone)]
struct Queued {
    url: CanonicalUrl,
    depth: u32,
    redirects: u32,
    attempts: u32,
}

#[derive(Debug, Default)]
struct Host {
    pending: VecDeque<Queued>,
    inflight: u32,
    next_allowed_ms: i64,
    crawl_delay_ms: Option<i64>,
    admitted: u64,
    /// Failures (429/5xx, unreachable) since the host was last quiet.
    strikes: u32,
    last_strike_ms: i64,
}

/// Counters of what the frontier has decided since it started.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Tally {
    /// Results applied.
    pub results: u64,
    /// Results for leases no longer held (late or duplicate deliveries).
    pub stale: u64,
    /// Leases that expired without a result.
    pub expired: u64,
    /// Fetches that will be tried again.
    pub retries: u64,
    /// Times a host was slowed down after a 429/5xx or an unreachable server.
    pub slowdowns: u64,
    /// Terminal states reached, by state.
    pub terminal: HashMap<&'static str, u64>,
}

/// Sizes for the progress line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gauges {
    /// URLs waiting.
    pub pending: usize,
    /// Leases out.
    pub inflight: usize,
    /// Hosts with URLs waiting.
    pub hosts: usize,
}

/// The frontier.
pub struct Frontier {
    config: SchedulerConfig,
    hosts: HashMap<String, Host>,
    seen: HashSet<u64>,
    scope: Scope,
    robots: RobotsCache,
    leases: HashMap<u64, CrawlJob>,
    traps: Traps,
    tally: Tally,
}

fn url_hash(url: &CanonicalUrl) -> u64 {
    let mut h = DefaultHasher::new();
    url.as_str().hash(&mut h);
    h.finish()
}

fn ms(d: std::time::Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

/// The earliest instant a host may be fetched again after waiting `wait_ms` from `now_ms`.
///
/// Times here are whole milliseconds, truncated ([`newscrawl_runtime::clock::now_ms`]): the true
/// instant behind `now_ms` may be up to 1 ms later, so a deadline of `now_ms + wait_ms` could be
/// reached after only `wait_ms - 1` ms. One more millisecond makes every wait (delay, Crawl-delay,
/// Retry-After, back-off) at least as long as asked.
fn wait_until(now_ms: i64, wait_ms: i64) -> i64 {
    now_ms.saturating_add(wait_ms).saturating_add(1)
}

impl Frontier {
    /// An empty frontier.
    pub fn new(config: SchedulerConfig) -> Self {
        let robots = RobotsCache::new(&config.robots_agent, config.robots_ttl, config.robots_retry);
        Self {
            config,
            hosts: HashMap::new(),
            seen: HashSet::new(),
            scope: Scope::default(),
            robots,
            leases: HashMap::new(),
            traps: Traps::default(),
            tally: Tally::default(),
        }
    }

    /// Decisions so far.
    pub fn tally(&self) -> &Tally {
        &self.tally
    }

    /// Current sizes.
    pub fn gauges(&self) -> Gauges {
        let waiting = self.hosts.values().filter(|h| !h.pending.is_empty());
        let (hosts, pending) = waiting.fold((0, 0), |(n, p), h| (n + 1, p + h.pending.len()));
        Gauges {
            pending,
            inflight: self.leases.len(),
            hosts,
        }
    }

    /// Nothing waiting and nothing out.
    pub fn is_exhausted(&self) -> bool {
        self.leases.is_empty() && self.hosts.values().all(|h| h.pending.is_empty())
    }

    // ---- restoring from the store -------------------------------------------------------------

    /// Restores a site in scope.
    pub fn restore_site(&mut self, site: &str) {
        self.scope.add(site);
    }

    /// Restores an origin's robots.txt.
    pub fn restore_robots(&mut self, row: &RobotsRow) {
        let delay = self.robots.apply(row);
        self.set_crawl_delay(&row.host_key, delay);
    }

    /// Restores a stored URL: every URL is seen; pending ones queue again, leased ones keep
    /// their lease (a worker may still be fetching them) until it expires.
    pub fn restore_url(&mut self, row: UrlRow) {
        self.seen.insert(url_hash(&row.url));
        if matches!(row.state, UrlState::OutOfScope | UrlState::Trap) {
            return;
        }
        self.traps.restore(&row.host_key, &row.url);
        let host = self.hosts.entry(row.host_key.clone()).or_default();
        host.admitted += 1;
        let queued = Queued {
            url: row.url,
            depth: row.depth,
            redirects: row.redirects,
            attempts: row.attempts,
        };
        match (row.state, row.lease) {
            (UrlState::Leased, Some((lease_id, expires_ms))) => {
                host.inflight += 1;
                let job = job_for(&queued, JobKind::Page, row.host_key, lease_id, expires_ms);
                self.leases.insert(lease_id, job);
            }
            (UrlState::Pending | UrlState::Leased, _) => host.pending.push_back(queued),
            _ => {}
        }
    }

    /// After a restore: no host is fetched sooner than the delay from now, since the previous
    /// process may have fetched it just before it stopped.
    pub fn resume_at(&mut self, now_ms: i64) {
        let delay = ms(self.config.delay);
        for host in self.hosts.values_mut() {
            host.next_allowed_ms =
                wait_until(now_ms, host.crawl_delay_ms.map_or(delay, |c| c.max(delay)));
        }
    }

    // ---- admission ----------------------------------------------------------------------------

    /// Admits a seed: its site enters scope and the URL is queued at depth 0.
    pub fn admit_seed(&mut self, url: CanonicalUrl, now_ms: i64, changes: &mut Vec<Change>) {
        if self.scope.add(url.site()) {
            changes.push(Change::Site(url.site().to_owned()));
        }
        self.admit(url, 0, 0, now_ms, changes);
    }

    fn admit(
        &mut self,
        url: CanonicalUrl,
        depth: u32,
        redirects: u32,
        now_ms: i64,
        changes: &mut Vec<Change>,
    ) {
        if depth > self.config.max_depth {
            return;
        }
        if !self.seen.insert(url_hash(&url)) {
            return;
        }
        let host_key = host_key(&url, self.config.host_key);
        let mut row = UrlRow {
            url,
            host_key,
            depth,
            redirects,
            state: UrlState::Pending,
            attempts: 0,
            lease: None,
            reason: None,
        };
        let limits = trap::Limits {
            dated_pages: self.config.trap_dated_pages,
            query_combinations: self.config.trap_query_combinations,
        };
        if !self.scope.contains(&row.url) {
            row.state = UrlState::OutOfScope;
            row.reason = Some(reason("outside_seeds", "not on a seed site"));
        } else if let Some((class, why)) = self.traps.judge(&row.host_key, &row.url, limits, now_ms)
        {
            row.state = UrlState::Trap;
            row.reason = Some(reason(class, &why));
        } else {
            let host = self.hosts.entry(row.host_key.clone()).or_default();
            if host.admitted >= self.config.max_pages_per_host {
                row.state = UrlState::OutOfScope;
                row.reason = Some(reason(
                    "page_budget",
                    &format!(
                        "host page budget of {} reached",
                        self.config.max_pages_per_host
                    ),
                ));
            } else {
                host.admitted += 1;
                host.pending.push_back(Queued {
                    url: row.url.clone(),
                    depth,
                    redirects,
                    attempts: 0,
                });
            }
        }
        if row.state.is_terminal() {
            *self.tally.terminal.entry(row.state.as_str()).or_default() += 1;
        }
        tracing::debug!(url = %row.url, host = %row.host_key, depth, outcome = row.state.as_str(), "url admitted");
        changes.push(Change::Url(row));
    }

    // ---- releasing jobs -----------------------------------------------------------------------

    /// Expires overdue leases, then leases every URL whose host is free, up to the outstanding
    /// limit. Returns the jobs to publish (their leases are in `changes`) and when to look again.
    pub fn release(
        &mut self,
        now_ms: i64,
        changes: &mut Vec<Change>,
    ) -> (Vec<CrawlJob>, Option<i64>) {
        self.expire(now_ms, changes);
        let mut jobs = Vec::new();
        let mut wake: Option<i64> = self.leases.values().map(|j| j.lease_expires_at_ms).min();
        let keys: Vec<String> = self
            .hosts
            .iter()
            .filter(|(_, h)| !h.pending.is_empty())
            .map(|(k, _)| k.clone())
            .collect();
        for key in keys {
            loop {
                if self.leases.len() >= self.config.max_outstanding {
                    return (jobs, wake);
                }
                let host = self.hosts.get(&key).expect("key taken from the map");
                let cap = if host.crawl_delay_ms.is_some() {
                    1
                } else {
                    self.config.max_inflight_per_host.max(1)
                };
                let Some(front) = host.pending.front() else {
                    break;
                };
                if host.inflight >= cap {
                    break;
                }
                if now_ms < host.next_allowed_ms {
                    earliest(&mut wake, host.next_allowed_ms);
                    break;
                }
                match self.robots.verdict(&front.url, now_ms) {
                    Verdict::Allowed => {
                        let queued = self.pop(&key);
                        jobs.push(self.lease(&key, queued, JobKind::Page, now_ms, changes));
                    }
                    Verdict::Disallowed => {
                        let queued = self.pop(&key);
                        self.finish(
                            &key,
                            &queued,
                            UrlState::Disallowed,
                            Some(reason("robots", "disallowed by robots.txt")),
                            changes,
                        );
                    }
                    Verdict::FetchRobots { failures } => {
                        let origin = front.url.origin();
                        let robots = Queued {
                            url: front.url.robots_url(),
                            depth: 0,
                            redirects: 0,
                            attempts: failures,
                        };
                        self.robots.mark_fetching(origin, failures);
                        jobs.push(self.lease(&key, robots, JobKind::Robots, now_ms, changes));
                        break;
                    }
                    Verdict::Wait { until_ms } => {
                        if let Some(t) = until_ms {
                            earliest(&mut wake, t);
                        }
                        break;
                    }
                }
            }
        }
        (jobs, wake)
    }

    fn pop(&mut self, key: &str) -> Queued {
        self.hosts
            .get_mut(key)
            .and_then(|h| h.pending.pop_front())
            .expect("the caller saw a front entry")
    }

    fn lease(
        &mut self,
        key: &str,
        queued: Queued,
        kind: JobKind,
        now_ms: i64,
        changes: &mut Vec<Change>,
    ) -> CrawlJob {
        let lease_id = rand::random::<u64>() >> 1; // fits a signed BIGINT column
        let expires_ms = now_ms + ms(self.config.lease_timeout);
        let job = job_for(&queued, kind, key.to_owned(), lease_id, expires_ms);
        if kind == JobKind::Page {
            changes.push(Change::Url(self.row(
                key,
                &queued,
                UrlState::Leased,
                Some((lease_id, expires_ms)),
                None,
            )));
        }
        if let Some(host) = self.hosts.get_mut(key) {
            host.inflight += 1;
        }
        self.leases.insert(lease_id, job.clone());
        job
    }

    fn expire(&mut self, now_ms: i64, changes: &mut Vec<Change>) {
        let overdue: Vec<u64> = self
            .leases
            .iter()
            .filter(|(_, j)| j.lease_expires_at_ms <= now_ms)
            .map(|(id, _)| *id)
            .collect();
        for lease_id in overdue {
            let Some(job) = self.leases.remove(&lease_id) else {
                continue;
            };
            self.tally.expired += 1;
            tracing::warn!(url = %job.url, host = %job.host_key, attempt = job.attempt, "lease expired without a result");
            self.free_host(&job.host_key, now_ms);
            match job.kind {
                JobKind::Robots => self.robots.forget_fetching(&job.url.origin()),
                JobKind::Page => self.retry(
                    &job,
                    reason("lease_expired", "no result before the lease ran out"),
                    changes,
                ),
            }
        }
    }

    fn finish(
        &mut self,
        key: &str,
        queued: &Queued,
        state: UrlState,
        reason: Option<String>,
        changes: &mut Vec<Change>,
    ) {
        *self.tally.terminal.entry(state.as_str()).or_default() += 1;
        tracing::debug!(url = %queued.url, host = key, outcome = state.as_str(), reason = reason.as_deref().unwrap_or(""), "url finished");
        changes.push(Change::Url(self.row(key, queued, state, None, reason)));
    }

    fn row(
        &self,
        key: &str,
        queued: &Queued,
        state: UrlState,
        lease: Option<(u64, i64)>,
        reason: Option<String>,
    ) -> UrlRow {
        UrlRow {
            url: queued.url.clone(),
            host_key: key.to_owned(),
            depth: queued.depth,
            redirects: queued.redirects,
            state,
            attempts: queued.attempts,
            lease,
            reason,
        }
    }
}

/// A reason as stored: `class: detail`, where the class is what `status` counts by.
pub(crate) fn reason(class: &str, detail: &str) -> String {
    format!("{class}: {detail}")
}

fn earliest(wake: &mut Option<i64>, t: i64) {
    *wake = Some(wake.map_or(t, |w| w.min(t)));
}

fn job_for(
    queued: &Queued,
    kind: JobKind,
    host_key: String,
    lease_id: u64,
    expires_ms: i64,
) -> CrawlJob {
    CrawlJob {
        v: VERSION,
        url: queued.url.clone(),
        kind,
        host_key,
        depth: queued.depth,
        attempt: queued.attempts + 1,
        redirects: queued.redirects,
        lease_id,
        lease_expires_at_ms: expires_ms,
    }
}

mod outcome;
#[cfg(test)]
mod tests;
