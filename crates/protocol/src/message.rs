//! Every message that crosses a queue.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::CanonicalUrl;

/// The message format version this build writes and accepts.
pub const VERSION: u32 = 1;

/// Seed URLs for the scheduler (`newscrawl seed` publishes these).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeedBatch {
    /// Message format version.
    pub v: u32,
    /// The seeds; each defines a site in scope.
    pub urls: Vec<CanonicalUrl>,
}

/// What a job asks the worker to fetch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobKind {
    /// The origin's robots.txt: a prerequisite for every other URL of the host.
    Robots,
    /// A page to fetch, parse and extract.
    Page,
}

/// One fetch, leased by the scheduler. It carries everything a stateless worker needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrawlJob {
    /// Message format version.
    pub v: u32,
    /// What to fetch.
    pub url: CanonicalUrl,
    /// Robots prerequisite or page.
    pub kind: JobKind,
    /// The politeness key the lease belongs to.
    pub host_key: String,
    /// Link distance from the seed.
    pub depth: u32,
    /// 1 for the first attempt.
    pub attempt: u32,
    /// Redirects followed to reach this URL.
    pub redirects: u32,
    /// The lease this job runs under; a result with another lease id is stale.
    pub lease_id: u64,
    /// Unix milliseconds after which the scheduler may hand the host to someone else: a worker
    /// must not start a fetch it cannot finish before then.
    pub lease_expires_at_ms: i64,
}

/// Why a fetch failed without an HTTP answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FetchErrorClass {
    /// DNS or TCP connect failure.
    Connect,
    /// Connect or total deadline exceeded.
    Timeout,
    /// The body was larger than the configured cap.
    TooLarge,
    /// The address is private/loopback/link-local and not allowed.
    Refused,
    /// Anything else on the wire (reset, protocol error, decompression error).
    Transport,
}

impl FetchErrorClass {
    /// A short name for logs, reasons and metrics.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Connect => "connect",
            Self::Timeout => "timeout",
            Self::TooLarge => "too_large",
            Self::Refused => "refused",
            Self::Transport => "transport",
        }
    }
}

/// What a fetch came to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Outcome {
    /// A page was fetched and parsed.
    Page {
        /// HTTP status (2xx).
        status: u16,
        /// Whether an article was published to the sink.
        article: bool,
        /// Outgoing links, canonical, deduplicated, in document order.
        links: Vec<CanonicalUrl>,
    },
    /// A robots.txt answer; `body` is empty unless the status is 2xx.
    Robots {
        /// HTTP status.
        status: u16,
        /// The file, decoded as UTF-8 (lossy) and capped.
        body: String,
    },
    /// A 3xx with a Location: the scheduler decides whether to follow it.
    Redirect {
        /// HTTP status.
        status: u16,
        /// The absolute, canonical target.
        location: CanonicalUrl,
    },
    /// An HTTP status that is neither success nor redirect, or a body that is not HTML.
    HttpError {
        /// HTTP status.
        status: u16,
        /// Short reason (e.g. `status 404`, `content-type application/pdf`).
        reason: String,
    },
    /// The server cannot serve now (429 or 5xx): try again later, and slow the host down.
    Unavailable {
        /// HTTP status.
        status: u16,
        /// What the server's `Retry-After` asked for, in ms.
        retry_after_ms: Option<u64>,
    },
    /// No usable HTTP answer.
    FetchError {
        /// Error class.
        class: FetchErrorClass,
        /// Human-readable detail.
        message: String,
    },
    /// The lease ran out before the fetch could start; nothing was fetched.
    Expired,
    /// The job came back from the broker after its first worker vanished without acking it.
    /// That worker may already have fetched the page and even reported it, so the page is not
    /// fetched again here: the scheduler decides (a stale lease is ignored; a live one counts
    /// as a failed attempt and the URL is released again, politely).
    Abandoned,
}

/// The one result a worker publishes per job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FetchResult {
    /// Message format version.
    pub v: u32,
    /// The job this answers.
    pub job: CrawlJob,
    /// Wall time of the fetch in milliseconds.
    pub elapsed_ms: u64,
    /// Unix milliseconds when the fetch ended.
    pub fetched_at_ms: i64,
    /// What happened.
    pub outcome: Outcome,
}

/// An extracted article on its way to the sink.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Message format version.
    pub v: u32,
    /// The URL it was fetched from.
    pub url: CanonicalUrl,
    /// `rel=canonical` / `og:url` if the page names one, else `url`.
    pub canonical_url: CanonicalUrl,
    /// Headline.
    pub title: String,
    /// Authors, possibly empty.
    pub authors: Vec<String>,
    /// Publication time as given by the page (RFC 3339 where it could be read).
    pub published_at: Option<String>,
    /// Time of the last update as given by the page.
    #[serde(default)]
    pub modified_at: Option<String>,
    /// BCP 47 language tag if known.
    pub language: Option<String>,
    /// The page's summary of the story.
    #[serde(default)]
    pub description: Option<String>,
    /// The story's top image, absolute.
    #[serde(default)]
    pub image: Option<String>,
    /// The publication's name.
    #[serde(default)]
    pub site_name: Option<String>,
    /// The section the story is filed under.
    #[serde(default)]
    pub section: Option<String>,
    /// The story's tags or keywords.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Body text, paragraphs separated by blank lines.
    pub text: String,
    /// Size of the decoded HTML.
    pub html_len: u64,
    /// Unix milliseconds of the fetch.
    pub fetched_at_ms: i64,
    /// Host the page was fetched from.
    pub source_host: String,
}

/// Why a delivery's bytes are not a message this build understands.
#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    /// Not JSON of the expected shape.
    #[error("malformed message: {0}")]
    Malformed(#[from] serde_json::Error),
    /// A version this build does not speak.
    #[error("unsupported message version {found} (this build speaks {VERSION})")]
    Version {
        /// The version found in the message.
        found: u32,
    },
}

trait Versioned {
    fn version(&self) -> u32;
}

macro_rules! versioned {
    ($($t:ty),*) => {$(impl Versioned for $t { fn version(&self) -> u32 { self.v } })*};
}
versioned!(SeedBatch, CrawlJob, FetchResult, Article);

/// Serialises a message.
pub fn encode<T: Serialize>(message: &T) -> Vec<u8> {
    serde_json::to_vec(message).expect("message types serialise infallibly")
}

/// Deserialises a message and checks its version.
#[allow(private_bounds)] // `Versioned` is sealed: only the four message types decode.
pub fn decode<T: DeserializeOwned + Versioned>(bytes: &[u8]) -> Result<T, DecodeError> {
    let message: T = serde_json::from_slice(bytes)?;
    match message.version() {
        VERSION => Ok(message),
        found => Err(DecodeError::Version { found }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job() -> CrawlJob {
        CrawlJob {
            v: VERSION,
            url: CanonicalUrl::parse("http://a.example/x").expect("valid"),
            kind: JobKind::Page,
            host_key: "a.example".into(),
            depth: 1,
            attempt: 1,
            redirects: 0,
            lease_id: 7,
            lease_expires_at_ms: 1_000,
        }
    }

    #[test]
    fn round_trip() {
        let result = FetchResult {
            v: VERSION,
            job: job(),
            elapsed_ms: 3,
            fetched_at_ms: 4,
            outcome: Outcome::Redirect {
                status: 301,
                location: CanonicalUrl::parse("http://a.example/y").expect("valid"),
            },
        };
        let back: FetchResult = decode(&encode(&result)).expect("decodes");
        assert_eq!(back, result);
    }

    #[test]
    fn rejects_garbage_and_other_versions() {
        assert!(matches!(
            decode::<CrawlJob>(b"\xff not json"),
            Err(DecodeError::Malformed(_))
        ));
        let mut j = job();
        j.v = 99;
        assert!(matches!(
            decode::<CrawlJob>(&encode(&j)),
            Err(DecodeError::Version { found: 99 })
        ));
    }

    #[test]
    fn an_article_from_before_the_metadata_fields_still_decodes() {
        let old = br#"{"v": 1, "url": "http://a.example/1", "canonical_url": "http://a.example/1",
            "title": "T", "authors": [], "published_at": null, "language": "en",
            "text": "Body.", "html_len": 5, "fetched_at_ms": 1, "source_host": "a.example"}"#;
        let article: Article = decode(old).expect("decodes");
        assert_eq!(article.title, "T");
        assert!(article.modified_at.is_none() && article.tags.is_empty());
    }
}
