//! Applying workers' results: robots.txt answers, page outcomes, retries and host back-off.

use std::collections::VecDeque;

use newscrawl_protocol::{CrawlJob, FetchErrorClass, FetchResult, JobKind, Outcome};

use super::{Frontier, Queued, ms, reason, wait_until};
use crate::state::{Change, RobotsRow, UrlState};

impl Frontier {
    /// Applies a worker's result. A result for a lease no longer held is ignored (the lease
    /// expired and the URL went back to the queue, or the result was delivered twice).
    pub fn apply(&mut self, result: &FetchResult, now_ms: i64, changes: &mut Vec<Change>) {
        let Some(job) = self.leases.remove(&result.job.lease_id) else {
            self.tally.stale += 1;
            tracing::debug!(url = %result.job.url, "result for a lease no longer held, ignored");
            return;
        };
        self.tally.results += 1;
        match job.kind {
            JobKind::Robots => {
                // First the rules, so a new Crawl-delay already spaces the next fetch.
                self.apply_robots(&job, &result.outcome, now_ms, changes);
                self.free_host(&job.host_key, now_ms);
            }
            JobKind::Page => {
                self.free_host(&job.host_key, now_ms);
                self.apply_page(&job, &result.outcome, now_ms, changes);
            }
        }
    }

    pub(super) fn free_host(&mut self, key: &str, now_ms: i64) {
        let delay = ms(self.config.delay);
        if let Some(host) = self.hosts.get_mut(key) {
            host.inflight = host.inflight.saturating_sub(1);
            let gap = host.crawl_delay_ms.map_or(delay, |c| c.max(delay));
            host.next_allowed_ms = host.next_allowed_ms.max(wait_until(now_ms, gap));
        }
    }

    pub(super) fn set_crawl_delay(&mut self, key: &str, delay: Option<std::time::Duration>) {
        let host = self.hosts.entry(key.to_owned()).or_default();
        host.crawl_delay_ms = delay.map(ms).max(host.crawl_delay_ms);
    }

    fn apply_robots(
        &mut self,
        job: &CrawlJob,
        outcome: &Outcome,
        now_ms: i64,
        changes: &mut Vec<Change>,
    ) {
        let origin = job.url.origin();
        if matches!(outcome, Outcome::Expired | Outcome::Abandoned) {
            self.robots.forget_fetching(&origin);
            return;
        }
        // A refused address is policy, not a passing failure: its URLs end now, unfetched.
        if let Outcome::FetchError {
            class: FetchErrorClass::Refused,
            message,
        } = outcome
        {
            self.robots.forget_fetching(&origin);
            let why = reason(FetchErrorClass::Refused.as_str(), message);
            self.fail_origin(&job.host_key, &origin, &why, changes);
            return;
        }
        let (status, body) = match outcome {
            Outcome::Robots { status, body } => (*status, body.clone()),
            Outcome::HttpError { status, .. }
            | Outcome::Page { status, .. }
            | Outcome::Redirect { status, .. }
            | Outcome::Unavailable { status, .. } => (*status, String::new()),
            Outcome::FetchError { .. } | Outcome::Expired | Outcome::Abandoned => {
                (0, String::new())
            }
        };
        // 429 is a server in trouble, like 5xx, not a "no robots.txt here" 4xx.
        let failed = !(200..500).contains(&status) || status == 429;
        let failures = if failed {
            self.robots.failures(&origin) + 1
        } else {
            0
        };
        let row = RobotsRow {
            origin: origin.clone(),
            host_key: job.host_key.clone(),
            status,
            body,
            fetched_ms: now_ms,
            failures,
        };
        let delay = self.robots.apply(&row);
        self.set_crawl_delay(&job.host_key, delay);
        tracing::debug!(url = %job.url, host = %job.host_key, status, failures, "robots.txt applied");
        changes.push(Change::Robots(row));
        if failed && failures >= self.config.max_attempts {
            let why = reason(
                "robots_unavailable",
                &format!("robots.txt unavailable after {failures} attempts"),
            );
            self.fail_origin(&job.host_key, &origin, &why, changes);
        }
    }

    /// Every waiting URL of an origin whose robots.txt cannot be had fails with `why`.
    fn fail_origin(&mut self, key: &str, origin: &str, why: &str, changes: &mut Vec<Change>) {
        let Some(host) = self.hosts.get_mut(key) else {
            return;
        };
        let (gone, kept): (VecDeque<Queued>, VecDeque<Queued>) = host
            .pending
            .drain(..)
            .partition(|q| q.url.origin() == origin);
        host.pending = kept;
        for queued in gone {
            self.finish(
                key,
                &queued,
                UrlState::Failed,
                Some(why.to_owned()),
                changes,
            );
        }
    }

    fn apply_page(
        &mut self,
        job: &CrawlJob,
        outcome: &Outcome,
        now_ms: i64,
        changes: &mut Vec<Change>,
    ) {
        let queued = Queued {
            url: job.url.clone(),
            depth: job.depth,
            redirects: job.redirects,
            attempts: job.attempt,
        };
        match outcome {
            Outcome::Page { article, links, .. } => {
                let state = if *article {
                    UrlState::Article
                } else {
                    UrlState::Page
                };
                self.finish(&job.host_key, &queued, state, None, changes);
                for link in links {
                    self.admit(link.clone(), job.depth + 1, 0, now_ms, changes);
                }
            }
            Outcome::Redirect { status, location } => {
                if job.redirects < self.config.max_redirects {
                    let why = reason(&format!("http_{status}"), &format!("to {location}"));
                    self.finish(
                        &job.host_key,
                        &queued,
                        UrlState::Redirect,
                        Some(why),
                        changes,
                    );
                    self.admit(
                        location.clone(),
                        job.depth,
                        job.redirects + 1,
                        now_ms,
                        changes,
                    );
                } else {
                    let why = reason(
                        "redirect_limit",
                        &format!(
                            "{} redirects in a row; {status} to {location} not followed",
                            job.redirects + 1
                        ),
                    );
                    self.finish(&job.host_key, &queued, UrlState::Failed, Some(why), changes);
                }
            }
            Outcome::Unavailable {
                status,
                retry_after_ms,
            } => {
                self.slow_down(&job.host_key, *retry_after_ms, now_ms);
                self.retry(
                    job,
                    reason("unavailable", &format!("status {status}")),
                    changes,
                );
            }
            Outcome::HttpError { reason, .. } => self.finish(
                &job.host_key,
                &queued,
                UrlState::HttpError,
                Some(reason.clone()),
                changes,
            ),
            Outcome::FetchError { class, message } => match class {
                FetchErrorClass::Connect | FetchErrorClass::Timeout => {
                    self.slow_down(&job.host_key, None, now_ms);
                    self.retry(job, reason(class.as_str(), message), changes);
                }
                FetchErrorClass::Transport => {
                    self.retry(job, reason(class.as_str(), message), changes)
                }
                FetchErrorClass::TooLarge | FetchErrorClass::Refused => self.finish(
                    &job.host_key,
                    &queued,
                    UrlState::Failed,
                    Some(reason(class.as_str(), message)),
                    changes,
                ),
            },
            Outcome::Robots { .. } => {
                self.finish(
                    &job.host_key,
                    &queued,
                    UrlState::Failed,
                    Some(reason("protocol", "robots answer to a page job")),
                    changes,
                );
            }
            Outcome::Expired => self.requeue_front(job, job.attempt.saturating_sub(1), changes),
            // Counts as an attempt: a page that kills every worker must end, not loop.
            Outcome::Abandoned => self.retry(
                job,
                reason("abandoned", "its worker vanished mid-job"),
                changes,
            ),
        }
    }

    /// Spaces a failing host out: the pause doubles with each failure since the host was last
    /// quiet (with jitter, so hosts do not resynchronise), at least the server's `Retry-After`,
    /// at most `max_backoff`.
    fn slow_down(&mut self, key: &str, retry_after_ms: Option<u64>, now_ms: i64) {
        let (base, cap, quiet) = (
            ms(self.config.backoff_base).max(1),
            ms(self.config.max_backoff),
            ms(self.config.backoff_quiet),
        );
        let Some(host) = self.hosts.get_mut(key) else {
            return;
        };
        if now_ms - host.last_strike_ms >= quiet {
            host.strikes = 0;
        }
        host.strikes += 1;
        host.last_strike_ms = now_ms;
        let exponential = base.saturating_mul(1 << (host.strikes - 1).min(20));
        let jittered = (exponential as f64 * rand::random_range(0.8..1.2)) as i64;
        let asked = retry_after_ms.map_or(0, |r| i64::try_from(r).unwrap_or(i64::MAX));
        let pause = jittered.max(asked).min(cap);
        host.next_allowed_ms = host.next_allowed_ms.max(wait_until(now_ms, pause));
        self.tally.slowdowns += 1;
        tracing::warn!(
            host = key,
            strikes = host.strikes,
            pause_ms = pause,
            "host slowed down"
        );
    }

    /// Tries a URL again later, or fails it after its last attempt.
    pub(super) fn retry(&mut self, job: &CrawlJob, why: String, changes: &mut Vec<Change>) {
        if job.attempt < self.config.max_attempts {
            self.tally.retries += 1;
            tracing::warn!(url = %job.url, attempt = job.attempt, error = %why, "fetch failed, will retry");
            let queued = Queued {
                url: job.url.clone(),
                depth: job.depth,
                redirects: job.redirects,
                attempts: job.attempt,
            };
            changes.push(Change::Url(self.row(
                &job.host_key,
                &queued,
                UrlState::Pending,
                None,
                Some(why),
            )));
            if let Some(host) = self.hosts.get_mut(&job.host_key) {
                host.pending.push_back(queued);
            }
        } else {
            let queued = Queued {
                url: job.url.clone(),
                depth: job.depth,
                redirects: job.redirects,
                attempts: job.attempt,
            };
            let why = format!("{why} (after {} attempts)", job.attempt);
            self.finish(&job.host_key, &queued, UrlState::Failed, Some(why), changes);
        }
    }

    fn requeue_front(&mut self, job: &CrawlJob, attempts: u32, changes: &mut Vec<Change>) {
        let queued = Queued {
            url: job.url.clone(),
            depth: job.depth,
            redirects: job.redirects,
            attempts,
        };
        changes.push(Change::Url(self.row(
            &job.host_key,
            &queued,
            UrlState::Pending,
            None,
            None,
        )));
        if let Some(host) = self.hosts.get_mut(&job.host_key) {
            host.pending.push_front(queued);
        }
    }
}
