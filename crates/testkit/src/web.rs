//! A fixture news web on loopback that records every request.

mod pages;
mod server;

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub use server::{Request, Stream};
use tokio_util::sync::CancellationToken;

/// One canned response.
#[derive(Debug, Clone)]
pub struct Response {
    /// HTTP status.
    pub status: u16,
    /// Extra headers (`Content-Type` included).
    pub headers: Vec<(&'static str, String)>,
    /// Body.
    pub body: Vec<u8>,
    /// Served this many times first, then `Flaky::then` for good.
    pub flaky: Option<Flaky>,
    /// Sends the body 16 bytes at a time with this pause between, for at most a minute,
    /// repeating it as needed: a server that trickles.
    pub trickle: Option<Duration>,
}

/// A response that fails a few times before it works.
#[derive(Debug, Clone)]
pub struct Flaky {
    /// How many requests get the failing response.
    pub failures: usize,
    /// What later requests get.
    pub then: Box<Response>,
    served: Arc<std::sync::atomic::AtomicUsize>,
}

impl Response {
    /// This response `failures` times, then `then`.
    pub fn failing_before(mut self, failures: usize, then: Response) -> Response {
        self.flaky = Some(Flaky {
            failures,
            then: Box::new(then),
            served: Arc::default(),
        });
        self
    }

    /// The response for the next request (counts the request).
    pub(crate) fn next(&self) -> Response {
        match &self.flaky {
            Some(f) if f.served.fetch_add(1, std::sync::atomic::Ordering::SeqCst) >= f.failures => {
                (*f.then).clone()
            }
            _ => self.clone(),
        }
    }
}

/// What a correct crawl of the web must produce.
#[derive(Debug, Clone, Default)]
pub struct Expected {
    /// URLs of every reachable article page, duplicates included.
    pub articles: BTreeSet<String>,
    /// Groups of article URLs that are one article; exactly one of each is the original.
    pub same_article: Vec<BTreeSet<String>>,
    /// `(host, path prefix)` that robots.txt disallows.
    pub disallowed: Vec<(String, String)>,
    /// Hosts with a robots.txt Crawl-delay.
    pub crawl_delay: HashMap<String, Duration>,
    /// URLs that must never be requested for other reasons (out of scope).
    pub never: Vec<String>,
}

/// A running fixture web.
pub struct FixtureWeb {
    /// `http://ip:port` of each host, in order.
    pub bases: Vec<String>,
    /// What a crawl should find.
    pub expected: Expected,
    log: Arc<Mutex<Vec<Request>>>,
    streams: Arc<Mutex<Vec<Stream>>>,
    stop: CancellationToken,
}

type Routes = HashMap<(usize, String), Response>;

impl FixtureWeb {
    /// One host whose `/flaky` article answers 503 with `Retry-After: 2` once (see
    /// `pages::flaky`).
    pub async fn flaky() -> anyhow::Result<Self> {
        Self::start(&["127.0.0.5"], pages::flaky).await
    }

    /// Three hosts serving what the open web throws at a crawler (see `pages::faults`).
    pub async fn faults() -> anyhow::Result<Self> {
        Self::start(&["127.0.0.6", "127.0.0.7", "127.0.0.8"], pages::faults).await
    }

    /// Decompressed size of the fault suite's gzip bomb.
    pub const BOMB_BYTES: usize = pages::BOMB_BYTES;

    /// Hosts for the address guard (see `pages::ssrf`): 127.0.0.10 links to 127.0.0.11 and to
    /// 127.0.0.1 by the name `localhost`.
    pub async fn ssrf() -> anyhow::Result<Self> {
        Self::start(&["127.0.0.10", "127.0.0.11", "127.0.0.1"], pages::ssrf).await
    }

    /// The small news web of the end-to-end tests: three hosts (see `pages::news`).
    pub async fn news() -> anyhow::Result<Self> {
        Self::start(&["127.0.0.2", "127.0.0.3", "127.0.0.4"], pages::news).await
    }

    /// A larger web for benchmarks: `hosts` hosts from 127.0.1.1 up, each with `sections`
    /// sections of `per_section` articles.
    pub async fn generated(
        hosts: usize,
        sections: usize,
        per_section: usize,
    ) -> anyhow::Result<Self> {
        let ips: Vec<String> = (0..hosts)
            .map(|i| format!("127.0.{}.{}", 1 + i / 250, 1 + i % 250))
            .collect();
        let ips: Vec<&str> = ips.iter().map(String::as_str).collect();
        Self::start(&ips, |bases| pages::generated(bases, sections, per_section)).await
    }

    async fn start(
        ips: &[&str],
        build: impl FnOnce(&[String]) -> (Routes, Expected),
    ) -> anyhow::Result<Self> {
        let stop = CancellationToken::new();
        let log = Arc::new(Mutex::new(Vec::new()));
        let streams = Arc::new(Mutex::new(Vec::new()));
        let mut listeners = Vec::new();
        for ip in ips {
            listeners.push(tokio::net::TcpListener::bind((*ip, 0)).await?);
        }
        let bases: Vec<String> = listeners
            .iter()
            .map(|l| l.local_addr().map(|a| format!("http://{a}")))
            .collect::<Result<_, _>>()?;
        let (routes, expected) = build(&bases);
        let routes = Arc::new(routes);
        for (index, listener) in listeners.into_iter().enumerate() {
            let ip = ips[index].to_owned();
            tokio::spawn(server::serve(
                listener,
                server::Host { index, ip },
                Arc::clone(&routes),
                server::Logs {
                    requests: Arc::clone(&log),
                    streams: Arc::clone(&streams),
                },
                stop.clone(),
            ));
        }
        Ok(Self {
            bases,
            expected,
            log,
            streams,
            stop,
        })
    }

    /// Every request so far.
    pub fn requests(&self) -> Vec<Request> {
        self.log.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Every trickled body that has ended (sent in full, or dropped by the client).
    pub fn streams(&self) -> Vec<Stream> {
        self.streams
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// The seed list: every host's home page.
    pub fn seeds(&self) -> Vec<String> {
        self.bases.iter().map(|b| format!("{b}/")).collect()
    }

    /// Checks politeness from the server's side: per host, never two requests at once, and
    /// each request starts at least `min_gap` (or the host's Crawl-delay) after the previous
    /// one ended. Returns the violations.
    pub fn politeness_violations(&self, min_gap: Duration) -> Vec<String> {
        let mut by_host: HashMap<String, Vec<Request>> = HashMap::new();
        for r in self.requests() {
            by_host.entry(r.host.clone()).or_default().push(r);
        }
        let mut violations = Vec::new();
        for (host, mut requests) in by_host {
            requests.sort_by_key(|r| r.start);
            let gap = self
                .expected
                .crawl_delay
                .get(&host)
                .copied()
                .unwrap_or(min_gap)
                .max(min_gap);
            for pair in requests.windows(2) {
                let (a, b) = (&pair[0], &pair[1]);
                if b.start < a.end {
                    violations.push(format!("{host}: {} overlapped {}", b.path, a.path));
                } else if b.start.duration_since(a.end) < gap {
                    violations.push(format!(
                        "{host}: {} only {:?} after {} (needs {gap:?})",
                        b.path,
                        b.start.duration_since(a.end),
                        a.path
                    ));
                }
            }
        }
        violations
    }

    /// Requests for disallowed or out-of-scope paths.
    pub fn forbidden_requests(&self) -> Vec<Request> {
        self.requests()
            .into_iter()
            .filter(|r| {
                self.expected
                    .disallowed
                    .iter()
                    .any(|(host, prefix)| *host == r.host && r.path.starts_with(prefix.as_str()))
            })
            .collect()
    }

    /// How many times each path of each host was requested.
    pub fn request_counts(&self) -> HashMap<(String, String), usize> {
        let mut counts = HashMap::new();
        for r in self.requests() {
            *counts.entry((r.host, r.path)).or_default() += 1;
        }
        counts
    }

    /// Waits until no request has arrived for `quiet`.
    pub async fn wait_quiet(&self, quiet: Duration) {
        loop {
            let last = self.requests().iter().map(|r| r.end).max();
            match last {
                Some(t) if t.elapsed() < quiet => tokio::time::sleep(quiet - t.elapsed()).await,
                _ => return,
            }
        }
    }

    /// The time of the latest request end.
    pub fn last_request(&self) -> Option<Instant> {
        self.requests().iter().map(|r| r.end).max()
    }
}

impl Drop for FixtureWeb {
    fn drop(&mut self) {
        self.stop.cancel();
    }
}
