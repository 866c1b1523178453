#![doc = include_str!("../README.md")]

mod config;
mod dedup;
mod store;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use anyhow::Context;
use newscrawl_broker::{Broker, Delivery, Drive};
use newscrawl_protocol::{Article, Disposition, Queue, decode};
use newscrawl_runtime::db::Database;
use tokio_util::sync::CancellationToken;

pub use config::SinkConfig;
pub use dedup::text_hash;
pub use store::{ArticleStore, Counts, StoreError, Stored};

#[derive(Default)]
struct Counters {
    stored: AtomicU64,
    duplicates: AtomicU64,
    redelivered: AtomicU64,
    dead: AtomicU64,
}

/// Runs the sink until `shutdown`; articles being stored then are finished (or, with the
/// database away, handed back to the queue).
pub async fn run(
    config: SinkConfig,
    broker: Broker,
    db: Database,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    let store = ArticleStore::open(db)
        .await
        .context("opening the article store")?;
    let consumer = broker
        .consume(Queue::Articles, config.concurrency.max(1))
        .await
        .context("consuming articles")?;
    let counters = Arc::new(Counters::default());
    // A handler waits out database outages until shutdown, then hands its delivery back.
    let drive = Drive {
        shutdown: &shutdown,
        progress_every: config.progress,
        grace: config.grace,
        role: "sink",
    };
    consumer
        .for_each_concurrent(
            drive,
            || log_progress(&counters),
            |delivery| {
                handle(
                    store.clone(),
                    delivery,
                    Arc::clone(&counters),
                    shutdown.clone(),
                )
            },
        )
        .await;
    Ok(())
}

async fn handle(
    store: ArticleStore,
    delivery: Delivery,
    counters: Arc<Counters>,
    shutdown: CancellationToken,
) {
    let fate = match decode::<Article>(&delivery.payload) {
        Ok(article) => store_until_done(&store, &article, &counters, &shutdown).await,
        Err(err) => {
            tracing::error!(role = "sink", error = %err, bytes = delivery.payload.len(), "undecodable article dead-lettered");
            Some(Err(format!("undecodable: {err}")))
        }
    };
    let settled = match fate {
        Some(Ok(())) => delivery.settle(Disposition::Ack).await,
        Some(Err(reason)) => {
            counters.dead.fetch_add(1, Ordering::Relaxed);
            delivery.dead_letter(&reason).await
        }
        // Shutting down with the database away: leave it unsettled, it goes back to the queue.
        None => {
            drop(delivery);
            Ok(())
        }
    };
    if let Err(err) = settled {
        tracing::warn!(role = "sink", error = %err, "settling an article failed; it will be redelivered");
    }
}

/// Stores an article, waiting out database outages: `Ok` once stored, `Err(reason)` if it
/// must be dead-lettered, `None` if shutdown came first.
async fn store_until_done(
    store: &ArticleStore,
    article: &Article,
    counters: &Counters,
    shutdown: &CancellationToken,
) -> Option<Result<(), String>> {
    let mut attempt: u32 = 0;
    loop {
        match store.store(article).await {
            Ok(stored) => {
                let counter = match &stored {
                    Stored::Original => &counters.stored,
                    Stored::Duplicate { .. } => &counters.duplicates,
                    Stored::AlreadyStored => &counters.redelivered,
                };
                counter.fetch_add(1, Ordering::Relaxed);
                tracing::debug!(role = "sink", url = %article.url, outcome = stored.name(), "article handled");
                return Some(Ok(()));
            }
            Err(err) => match disposition(&err) {
                Disposition::Retry if !shutdown.is_cancelled() => {
                    attempt += 1;
                    tracing::warn!(role = "sink", url = %article.url, attempt, error = %err, "storing failed, will retry");
                    tokio::time::sleep(Duration::from_millis(200 * u64::from(attempt.min(25))))
                        .await;
                }
                Disposition::Retry => return None,
                Disposition::Ack | Disposition::DeadLetter => {
                    tracing::error!(role = "sink", url = %article.url, error = %err, "article rejected by the database, dead-lettered");
                    return Some(Err(format!("rejected: {err}")));
                }
            },
        }
    }
}

/// What a store error means for the delivery.
pub fn disposition(err: &StoreError) -> Disposition {
    match err {
        StoreError::Unavailable(_) => Disposition::Retry,
        StoreError::Rejected(_) => Disposition::DeadLetter,
    }
}

fn log_progress(c: &Counters) {
    tracing::info!(
        role = "sink",
        stored = c.stored.load(Ordering::Relaxed),
        duplicates = c.duplicates.load(Ordering::Relaxed),
        redelivered = c.redelivered.load(Ordering::Relaxed),
        dead_lettered = c.dead.load(Ordering::Relaxed),
        "progress"
    );
}
