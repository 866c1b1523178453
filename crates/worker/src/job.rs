//! One job: fetch, decode, extract, publish, ack.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use newscrawl_broker::{Broker, BrokerError, Delivery};
use newscrawl_extract::PageKind;
use newscrawl_protocol::{
    Article, CanonicalUrl, CrawlJob, Disposition, FetchResult, JobKind, Outcome, Queue, VERSION,
    decode, encode,
};
use newscrawl_runtime::clock::now_ms;

use crate::fetch::{FetchError, Fetcher, Read, Response, is_html, retry_after_ms};
use crate::{Counters, WorkerConfig, decode_html};

pub(crate) struct Context {
    pub broker: Broker,
    pub fetcher: Arc<Fetcher>,
    pub counters: Arc<Counters>,
    pub config: WorkerConfig,
}

pub(crate) async fn handle(ctx: Context, delivery: Delivery) {
    let job = match decode::<CrawlJob>(&delivery.payload) {
        Ok(job) => job,
        Err(err) => {
            ctx.counters.dead.fetch_add(1, Ordering::Relaxed);
            tracing::error!(role = "worker", error = %err, bytes = delivery.payload.len(), "undecodable job dead-lettered");
            if let Err(err) = delivery.dead_letter(&format!("undecodable: {err}")).await {
                tracing::warn!(role = "worker", error = %err, "dead-lettering a job failed; it will be redelivered");
            }
            return;
        }
    };
    ctx.counters.jobs.fetch_add(1, Ordering::Relaxed);
    let started = Instant::now();
    let (outcome, article) = if delivery.redeliveries > 0 {
        tracing::warn!(role = "worker", url = %job.url, "job redelivered after its worker vanished, handed back unfetched");
        (Outcome::Abandoned, None)
    } else {
        process(&ctx, &job).await
    };
    let elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    tracing::debug!(role = "worker", url = %job.url, attempt = job.attempt, elapsed_ms, outcome = outcome_name(&outcome), "fetched");
    let result = FetchResult {
        v: VERSION,
        job,
        elapsed_ms,
        fetched_at_ms: now_ms(),
        outcome,
    };
    match publish(&ctx.broker, article.as_ref(), &result).await {
        Ok(()) => settle(delivery, Disposition::Ack).await,
        Err(err) => {
            // Unsettled, the job is redelivered; the sink and the scheduler are idempotent.
            tracing::warn!(role = "worker", url = %result.job.url, error = %err, "publishing the result failed, job will be retried");
            settle(delivery, Disposition::Retry).await;
        }
    }
}

/// The article first: when the scheduler sees the result, the article is already queued.
async fn publish(
    broker: &Broker,
    article: Option<&Article>,
    result: &FetchResult,
) -> Result<(), BrokerError> {
    if let Some(article) = article {
        broker.publish(Queue::Articles, &encode(article)).await?;
    }
    broker.publish(Queue::Results, &encode(result)).await
}

async fn settle(delivery: Delivery, disposition: Disposition) {
    if let Err(err) = delivery.settle(disposition).await {
        tracing::warn!(role = "worker", error = %err, "settling a job failed; it will be redelivered");
    }
}

/// Below this much lease time left a fetch is not started.
const MIN_FETCH_TIME: Duration = Duration::from_secs(1);

async fn process(ctx: &Context, job: &CrawlJob) -> (Outcome, Option<Article>) {
    // The fetch must end before the lease does, so it never overlaps the next lease of the host.
    let left =
        Duration::from_millis(u64::try_from(job.lease_expires_at_ms - now_ms()).unwrap_or(0));
    let deadline = ctx
        .config
        .total_timeout
        .min(left.saturating_sub(MIN_FETCH_TIME / 2));
    if deadline < MIN_FETCH_TIME {
        tracing::warn!(role = "worker", url = %job.url, left_ms = left.as_millis() as u64, "lease about to expire, not fetched (jobs wait too long in the queue?)");
        return (Outcome::Expired, None);
    }
    let read = match job.kind {
        JobKind::Robots => Read::Any(ctx.config.max_robots_bytes),
        JobKind::Page => Read::Html(ctx.config.max_body_bytes),
    };
    let response = match ctx
        .fetcher
        .fetch(
            job.url.as_url(),
            job.kind == JobKind::Robots,
            read,
            deadline,
        )
        .await
    {
        Ok(response) => response,
        Err(FetchError { class, message }) => {
            ctx.counters.errors.fetch_add(1, Ordering::Relaxed);
            return (Outcome::FetchError { class, message }, None);
        }
    };
    ctx.counters
        .bytes
        .fetch_add(response.body.len() as u64, Ordering::Relaxed);
    match job.kind {
        JobKind::Robots => {
            let ok = (200..300).contains(&response.status);
            let body = if ok {
                String::from_utf8_lossy(&response.body).into_owned()
            } else {
                String::new()
            };
            (
                Outcome::Robots {
                    status: response.status,
                    body,
                },
                None,
            )
        }
        JobKind::Page => page_outcome(ctx, job, response).await,
    }
}

async fn page_outcome(
    ctx: &Context,
    job: &CrawlJob,
    response: Response,
) -> (Outcome, Option<Article>) {
    let status = response.status;
    match status {
        300..=399 => match response.location.as_deref().map(|l| job.url.join(l)) {
            Some(Ok(location)) => (Outcome::Redirect { status, location }, None),
            Some(Err(err)) => (
                Outcome::HttpError {
                    status,
                    reason: format!("bad_redirect: unusable location: {err}"),
                },
                None,
            ),
            None => (
                Outcome::HttpError {
                    status,
                    reason: format!("bad_redirect: status {status} without a location"),
                },
                None,
            ),
        },
        200..=299 => match response.content_type.as_deref() {
            // Servers label anything text/html: the first bytes tell a PDF or an archive apart.
            _ if let Some(kind) = binary_kind(&response.body) => (
                Outcome::HttpError {
                    status,
                    reason: format!("not_html: the body is {kind}"),
                },
                None,
            ),
            Some(ct) if !is_html(ct) => (
                Outcome::HttpError {
                    status,
                    reason: format!("not_html: content type {ct}"),
                },
                None,
            ),
            _ => {
                ctx.counters.pages.fetch_add(1, Ordering::Relaxed);
                let url = job.url.clone();
                let parsed = tokio::task::spawn_blocking(move || parse(&url, &response)).await;
                match parsed {
                    Ok((links, article)) => {
                        if article.is_some() {
                            ctx.counters.articles.fetch_add(1, Ordering::Relaxed);
                        }
                        (
                            Outcome::Page {
                                status,
                                article: article.is_some(),
                                links,
                            },
                            article,
                        )
                    }
                    Err(err) => (
                        Outcome::HttpError {
                            status,
                            reason: format!("extract: {err}"),
                        },
                        None,
                    ),
                }
            }
        },
        429 | 500..=599 => {
            let retry_after_ms = response
                .retry_after
                .as_deref()
                .and_then(|v| retry_after_ms(v, std::time::SystemTime::now()));
            (
                Outcome::Unavailable {
                    status,
                    retry_after_ms,
                },
                None,
            )
        }
        _ => (
            Outcome::HttpError {
                status,
                reason: format!("http_{status}: status {status}"),
            },
            None,
        ),
    }
}

/// What a body is when its first bytes say it is not text at all.
fn binary_kind(body: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a zip archive"),
        (b"\x1f\x8b", "gzip data"),
        (b"\x89PNG", "a PNG image"),
        (b"GIF8", "a GIF image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"Rar!", "a RAR archive"),
        (b"7z\xbc\xaf", "a 7-zip archive"),
    ];
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(body.len());
    let head = &body[start..];
    MAGIC
        .iter()
        .find(|(magic, _)| head.starts_with(magic))
        .map(|(_, kind)| *kind)
        .or_else(|| {
            // NUL bytes early on: binary, whatever it is (UTF-16 pages start with a BOM and are
            // decoded, so they are not caught here).
            let window = &body[..body.len().min(1024)];
            let utf16 = window.starts_with(b"\xff\xfe") || window.starts_with(b"\xfe\xff");
            (!utf16 && window.iter().filter(|b| **b == 0).count() > 8).then_some("binary data")
        })
}

/// Decodes and extracts a page in one parse (synchronous: runs on the blocking pool).
fn parse(url: &CanonicalUrl, response: &Response) -> (Vec<CanonicalUrl>, Option<Article>) {
    let (html, _) = decode_html(&response.body, response.content_type.as_deref());
    let page = newscrawl_extract::extract(url.as_url(), &html);
    let mut seen = std::collections::HashSet::new();
    let links: Vec<CanonicalUrl> = page
        .links
        .iter()
        .filter_map(|l| CanonicalUrl::from_url(l.url.clone()).ok())
        .filter(|l| seen.insert(l.clone()))
        .collect();
    let article = (page.kind == PageKind::Article).then(|| Article {
        v: VERSION,
        url: url.clone(),
        canonical_url: page
            .canonical_url
            .and_then(|c| CanonicalUrl::from_url(c).ok())
            .unwrap_or_else(|| url.clone()),
        title: page.title.unwrap_or_default(),
        authors: page.authors,
        published_at: page.published_at,
        modified_at: page.modified_at,
        language: page.language,
        description: page.description,
        image: page.image.map(String::from),
        site_name: page.site_name,
        section: page.section,
        tags: page.tags,
        text: page.text,
        html_len: html.len() as u64,
        fetched_at_ms: now_ms(),
        source_host: url.host().to_owned(),
    });
    (links, article)
}

fn outcome_name(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::Page { article: true, .. } => "article",
        Outcome::Page { article: false, .. } => "page",
        Outcome::Robots { .. } => "robots",
        Outcome::Redirect { .. } => "redirect",
        Outcome::HttpError { .. } => "http_error",
        Outcome::Unavailable { .. } => "unavailable",
        Outcome::FetchError { .. } => "fetch_error",
        Outcome::Expired => "expired",
        Outcome::Abandoned => "abandoned",
    }
}

#[cfg(test)]
mod tests {
    use super::binary_kind;

    #[test]
    fn binary_bodies_are_recognised_and_html_is_not() {
        assert_eq!(binary_kind(b"%PDF-1.7\n..."), Some("a PDF document"));
        assert_eq!(binary_kind(b"\n  PK\x03\x04rest"), Some("a zip archive"));
        assert_eq!(binary_kind(&[0u8; 64]), Some("binary data"));
        assert_eq!(
            binary_kind(b"<!doctype html><p>PK and %PDF- in text</p>"),
            None
        );
        assert_eq!(
            binary_kind(
                b"\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
            ),
            None
        );
        assert_eq!(binary_kind(b""), None);
    }
}
