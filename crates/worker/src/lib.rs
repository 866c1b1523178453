#![doc = include_str!("../README.md")]

mod config;
mod decode;
mod fetch;
mod guard;
mod job;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::Context;
use newscrawl_broker::{Broker, Drive};
use newscrawl_protocol::Queue;
use tokio_util::sync::CancellationToken;

pub use config::WorkerConfig;
pub use decode::decode_html;
pub use guard::is_forbidden;

/// Counters for the progress line.
#[derive(Default)]
struct Counters {
    jobs: AtomicU64,
    pages: AtomicU64,
    articles: AtomicU64,
    bytes: AtomicU64,
    errors: AtomicU64,
    dead: AtomicU64,
}

/// Runs a worker until `shutdown`; then stops consuming, lets in-flight jobs finish within the
/// grace period, and returns (unfinished jobs go back to the queue).
pub async fn run(
    config: WorkerConfig,
    broker: Broker,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    let fetcher = Arc::new(fetch::Fetcher::new(&config).context("building the HTTP client")?);
    let counters = Arc::new(Counters::default());
    let consumer = broker
        .consume(Queue::Jobs, config.concurrency.max(1))
        .await
        .context("consuming jobs")?;
    tracing::info!(
        role = "worker",
        concurrency = config.concurrency,
        allow_private = config.allow_private,
        "worker started"
    );
    let drive = Drive {
        shutdown: &shutdown,
        progress_every: config.progress,
        grace: config.grace,
        role: "worker",
    };
    consumer
        .for_each_concurrent(
            drive,
            || log_progress(&counters),
            |delivery| {
                let ctx = job::Context {
                    broker: broker.clone(),
                    fetcher: Arc::clone(&fetcher),
                    counters: Arc::clone(&counters),
                    config: config.clone(),
                };
                job::handle(ctx, delivery)
            },
        )
        .await;
    Ok(())
}

fn log_progress(c: &Counters) {
    tracing::info!(
        role = "worker",
        jobs = c.jobs.load(Ordering::Relaxed),
        pages = c.pages.load(Ordering::Relaxed),
        articles = c.articles.load(Ordering::Relaxed),
        bytes = c.bytes.load(Ordering::Relaxed),
        errors = c.errors.load(Ordering::Relaxed),
        dead_lettered = c.dead.load(Ordering::Relaxed),
        "progress"
    );
}
