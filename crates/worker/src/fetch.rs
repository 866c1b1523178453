//! HTTP fetching: no automatic redirects for pages, deadlines, a streamed body cap.

use std::sync::Arc;
use std::time::Duration;

use newscrawl_protocol::FetchErrorClass;
use reqwest::redirect::Policy;
use reqwest::{Client, header};
use url::Url;

use crate::WorkerConfig;
use crate::guard::{Guard, GuardedResolver, Refused};

/// A fetched response.
pub struct Response {
    /// HTTP status.
    pub status: u16,
    /// `Content-Type`, if any.
    pub content_type: Option<String>,
    /// `Location`, if any.
    pub location: Option<String>,
    /// `Retry-After`, if any.
    pub retry_after: Option<String>,
    /// The (decompressed) body, empty when it was not read.
    pub body: Vec<u8>,
}

/// A fetch that produced no usable response.
#[derive(Debug)]
pub struct FetchError {
    /// Error class (decides retry or not in the scheduler).
    pub class: FetchErrorClass,
    /// Detail.
    pub message: String,
}

/// The worker's two HTTP clients.
pub struct Fetcher {
    /// Pages: redirects go back to the scheduler.
    pages: Client,
    /// robots.txt: RFC 9309 asks crawlers to follow at least five redirects.
    robots: Client,
    total_timeout: Duration,
    guard: Arc<Guard>,
}

/// Whether the body of a response is read.
pub enum Read {
    /// Only if the content type is HTML (or missing); up to this many bytes.
    Html(usize),
    /// Always, up to this many bytes.
    Any(usize),
}

impl Fetcher {
    /// Builds the clients from the worker settings.
    pub fn new(config: &WorkerConfig) -> anyhow::Result<Self> {
        let guard = Arc::new(Guard {
            allow_private: config.allow_private,
            allow: config.allow_addresses.clone(),
        });
        let builder = || {
            let mut b = Client::builder()
                .user_agent(config.user_agent())
                .connect_timeout(config.connect_timeout)
                .timeout(config.total_timeout)
                .no_proxy()
                .gzip(true)
                .brotli(true)
                .pool_max_idle_per_host(2);
            if !guard.allow_private {
                b = b.dns_resolver(Arc::new(GuardedResolver(Arc::clone(&guard))));
            }
            b
        };
        let policy_guard = Arc::clone(&guard);
        let robots_policy = Policy::custom(move |attempt| {
            if attempt.previous().len() >= 5 {
                attempt.error("more than 5 redirects")
            } else if policy_guard.refused_literal(attempt.url()).is_some() {
                let target = attempt.url().to_string();
                attempt.error(Refused(target))
            } else {
                attempt.follow()
            }
        });
        Ok(Self {
            pages: builder().redirect(Policy::none()).build()?,
            robots: builder().redirect(robots_policy).build()?,
            total_timeout: config.total_timeout,
            guard,
        })
    }

    /// Fetches a page (`robots == false`) or a robots.txt, all within `deadline` (at most the
    /// configured total timeout).
    pub async fn fetch(
        &self,
        url: &Url,
        robots: bool,
        read: Read,
        deadline: Duration,
    ) -> Result<Response, FetchError> {
        if let Some(ip) = self.guard.refused_literal(url) {
            return Err(FetchError {
                class: FetchErrorClass::Refused,
                message: Refused(ip.to_string()).to_string(),
            });
        }
        let client = if robots { &self.robots } else { &self.pages };
        // The client's timeout covers the body too; this outer deadline also bounds our own reads.
        let deadline = deadline.min(self.total_timeout);
        match tokio::time::timeout(deadline, fetch_with(client, url, read)).await {
            Ok(result) => result,
            Err(_) => Err(FetchError {
                class: FetchErrorClass::Timeout,
                message: format!("no complete answer within {deadline:?}"),
            }),
        }
    }
}

async fn fetch_with(client: &Client, url: &Url, read: Read) -> Result<Response, FetchError> {
    let mut response = client
        .get(url.clone())
        .header(
            header::ACCEPT,
            "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
        )
        .send()
        .await
        .map_err(classify)?;
    let status = response.status().as_u16();
    let header = |name| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let content_type = header(header::CONTENT_TYPE);
    let location = header(header::LOCATION);
    let retry_after = header(header::RETRY_AFTER);
    let cap = match read {
        Read::Html(cap)
            if (200..300).contains(&status) && content_type.as_deref().is_none_or(is_html) =>
        {
            Some(cap)
        }
        Read::Html(_) => None,
        Read::Any(cap) => Some(cap),
    };
    let mut body = Vec::new();
    if let Some(cap) = cap {
        while let Some(chunk) = response.chunk().await.map_err(classify)? {
            if body.len() + chunk.len() > cap {
                return Err(FetchError {
                    class: FetchErrorClass::TooLarge,
                    message: format!("body larger than {cap} bytes"),
                });
            }
            body.extend_from_slice(&chunk);
        }
    }
    Ok(Response {
        status,
        content_type,
        location,
        retry_after,
        body,
    })
}

/// A `Retry-After` value (delay in seconds or an HTTP date) as milliseconds from `now`.
pub fn retry_after_ms(value: &str, now: std::time::SystemTime) -> Option<u64> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(seconds.saturating_mul(1000));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(
        at.duration_since(now)
            .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX)),
    )
}

/// HTML or XHTML by media type.
pub fn is_html(content_type: &str) -> bool {
    let media = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    media == "text/html" || media == "application/xhtml+xml"
}

fn classify(err: reqwest::Error) -> FetchError {
    let refused = std::iter::successors(Some(&err as &dyn std::error::Error), |e| e.source())
        .find_map(|e| e.downcast_ref::<Refused>());
    if let Some(refused) = refused {
        // The guard's own words; the layers around it add nothing.
        return FetchError {
            class: FetchErrorClass::Refused,
            message: refused.to_string(),
        };
    }
    let class = if err.is_timeout() {
        FetchErrorClass::Timeout
    } else if err.is_connect() {
        FetchErrorClass::Connect
    } else {
        FetchErrorClass::Transport
    };
    let message = std::iter::successors(Some(&err as &dyn std::error::Error), |e| e.source())
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(": ");
    FetchError { class, message }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    use super::*;

    #[test]
    fn retry_after_in_seconds_or_as_a_date() {
        let now = UNIX_EPOCH + Duration::from_secs(1_445_412_480); // Wed, 21 Oct 2015 07:28:00 GMT
        assert_eq!(retry_after_ms("120", now), Some(120_000));
        assert_eq!(
            retry_after_ms("Wed, 21 Oct 2015 07:28:30 GMT", now),
            Some(30_000)
        );
        assert_eq!(
            retry_after_ms("Wed, 21 Oct 2015 07:27:00 GMT", now),
            Some(0),
            "a past date means now"
        );
        assert_eq!(retry_after_ms("soon", now), None);
    }
}
