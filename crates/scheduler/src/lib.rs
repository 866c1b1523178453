#![doc = include_str!("../README.md")]

mod config;
mod frontier;
mod robots;
mod scope;
mod state;
mod store;
mod trap;

use std::time::Duration;

use anyhow::Context;
use futures_util::FutureExt;
use newscrawl_broker::{Broker, Delivery};
use newscrawl_protocol::{Disposition, FetchResult, Queue, SeedBatch, decode, encode};
use newscrawl_runtime::clock::now_ms;
use newscrawl_runtime::db::Database;
use tokio_util::sync::CancellationToken;

pub use config::{HostKeyMode, SchedulerConfig};
pub use frontier::{Frontier, Gauges, Tally};
pub use state::{Change, RobotsRow, UrlRow, UrlState, reason_class};
pub use store::{FrontierStore, Snapshot, UrlRecord};

/// The longest the loop sleeps without looking at the frontier again.
const MAX_IDLE: Duration = Duration::from_millis(500);

/// Runs the scheduler until `shutdown` (or, with `exit_when_idle`, until the frontier is
/// exhausted and every seed has been read).
pub async fn run(
    config: SchedulerConfig,
    broker: Broker,
    db: Database,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    let store = FrontierStore::open(db)
        .await
        .context("opening the frontier store")?;
    let mut frontier = restore(&store, config.clone()).await?;
    let mut seeds = broker
        .consume(Queue::Seeds, 16)
        .await
        .context("consuming seeds")?;
    let mut results = broker
        .consume(Queue::Results, config.batch.max(1))
        .await
        .context("consuming results")?;
    let mut progress = tokio::time::interval(config.progress);
    progress.tick().await;
    let mut published: u64 = 0;
    let mut rate = Rate::default();
    // Whether the last wait ended with nothing delivered: only then can "no seeds ready" mean
    // that none are left (a consumer may hold prefetched ones the queue no longer counts).
    let mut quiet = false;
    loop {
        let mut changes = Vec::new();
        let now = now_ms();
        let (jobs, wake) = frontier.release(now, &mut changes);
        persist(&store, &changes, &shutdown).await?;
        published += publish_jobs(&broker, &jobs).await;
        if config.exit_when_idle && quiet && frontier.is_exhausted() && seeds_read(&broker).await {
            tracing::info!(role = "scheduler", "frontier exhausted");
            break;
        }
        let sleep = wake.map_or(MAX_IDLE, |t| {
            Duration::from_millis(u64::try_from(t - now).unwrap_or(0)).min(MAX_IDLE)
        });
        quiet = false;
        tokio::select! {
            biased;
            () = shutdown.cancelled() => break,
            delivery = results.next() => {
                let first = delivery.context("the results consumer closed")?;
                let mut batch = vec![first];
                while batch.len() < usize::from(config.batch) {
                    match results.next().now_or_never() {
                        Some(Some(d)) => batch.push(d),
                        _ => break,
                    }
                }
                handle_results(&mut frontier, &store, batch, &shutdown).await?;
            }
            delivery = seeds.next() => {
                let delivery = delivery.context("the seeds consumer closed")?;
                handle_seeds(&mut frontier, &store, delivery, &shutdown).await?;
            }
            () = tokio::time::sleep(sleep) => quiet = true,
            _ = progress.tick() => log_progress(&frontier, &broker, published, &mut rate).await,
        }
    }
    results.cancel().await;
    seeds.cancel().await;
    log_progress(&frontier, &broker, published, &mut rate).await;
    Ok(())
}

async fn restore(store: &FrontierStore, config: SchedulerConfig) -> anyhow::Result<Frontier> {
    let snapshot = store.load().await.context("loading the frontier")?;
    let mut frontier = Frontier::new(config);
    for site in &snapshot.sites {
        frontier.restore_site(site);
    }
    for row in &snapshot.robots {
        frontier.restore_robots(row);
    }
    let urls = snapshot.urls.len();
    for row in snapshot.urls {
        frontier.restore_url(row);
    }
    frontier.resume_at(now_ms());
    let g = frontier.gauges();
    tracing::info!(
        role = "scheduler",
        urls,
        pending = g.pending,
        inflight = g.inflight,
        "frontier restored"
    );
    Ok(frontier)
}

async fn handle_results(
    frontier: &mut Frontier,
    store: &FrontierStore,
    batch: Vec<Delivery>,
    shutdown: &CancellationToken,
) -> anyhow::Result<()> {
    let mut changes = Vec::new();
    let mut settle = Vec::with_capacity(batch.len());
    let now = now_ms();
    for delivery in batch {
        let dead = match decode::<FetchResult>(&delivery.payload) {
            Ok(result) => {
                frontier.apply(&result, now, &mut changes);
                None
            }
            Err(err) => {
                tracing::error!(role = "scheduler", error = %err, bytes = delivery.payload.len(), "undecodable result dead-lettered");
                Some(format!("undecodable: {err}"))
            }
        };
        settle.push((delivery, dead));
    }
    persist(store, &changes, shutdown).await?;
    for (delivery, dead) in settle {
        let settled = match dead {
            None => delivery.settle(Disposition::Ack).await,
            Some(reason) => delivery.dead_letter(&reason).await,
        };
        if let Err(err) = settled {
            tracing::warn!(role = "scheduler", error = %err, "settling a result failed; it will be redelivered and ignored");
        }
    }
    Ok(())
}

async fn handle_seeds(
    frontier: &mut Frontier,
    store: &FrontierStore,
    delivery: Delivery,
    shutdown: &CancellationToken,
) -> anyhow::Result<()> {
    let dead = match decode::<SeedBatch>(&delivery.payload) {
        Ok(batch) => {
            let mut changes = Vec::new();
            let count = batch.urls.len();
            let now = now_ms();
            for url in batch.urls {
                frontier.admit_seed(url, now, &mut changes);
            }
            persist(store, &changes, shutdown).await?;
            tracing::info!(role = "scheduler", seeds = count, "seed batch read");
            None
        }
        Err(err) => {
            tracing::error!(role = "scheduler", error = %err, "undecodable seed batch dead-lettered");
            Some(format!("undecodable: {err}"))
        }
    };
    let settled = match dead {
        None => delivery.settle(Disposition::Ack).await,
        Some(reason) => delivery.dead_letter(&reason).await,
    };
    if let Err(err) = settled {
        tracing::warn!(role = "scheduler", error = %err, "settling a seed batch failed; it will be redelivered");
    }
    Ok(())
}

/// Writes changes, retrying with back-off while the database is away. Deliveries stay unacked
/// meanwhile, so nothing is lost if the process dies instead.
async fn persist(
    store: &FrontierStore,
    changes: &[Change],
    shutdown: &CancellationToken,
) -> anyhow::Result<()> {
    let mut attempt: u32 = 0;
    loop {
        match store.persist(changes, now_ms()).await {
            Ok(()) => return Ok(()),
            Err(err) if !shutdown.is_cancelled() => {
                attempt += 1;
                tracing::warn!(role = "scheduler", attempt, error = %format!("{err:#}"), "frontier write failed, will retry");
                tokio::time::sleep(Duration::from_millis(200 * u64::from(attempt.min(25)))).await;
            }
            Err(err) => return Err(err.context("frontier write failed during shutdown")),
        }
    }
}

/// Publishes jobs concurrently; returns how many the broker confirmed. An unconfirmed job's
/// lease simply expires and the URL is released again.
async fn publish_jobs(broker: &Broker, jobs: &[newscrawl_protocol::CrawlJob]) -> u64 {
    let sends = jobs.iter().map(|job| async move {
        let sent = broker.publish(Queue::Jobs, &encode(job)).await;
        if let Err(err) = &sent {
            tracing::warn!(role = "scheduler", url = %job.url, error = %err, "job not published; its lease will expire");
        }
        sent.is_ok()
    });
    futures_util::future::join_all(sends)
        .await
        .into_iter()
        .filter(|ok| *ok)
        .count() as u64
}

async fn seeds_read(broker: &Broker) -> bool {
    match broker.stats(Queue::Seeds).await {
        Ok(stats) => stats.ready == 0 && stats.unacked.unwrap_or(0) == 0,
        Err(_) => false,
    }
}

/// Results per second between two progress lines.
#[derive(Default)]
struct Rate {
    last: Option<(std::time::Instant, u64)>,
}

impl Rate {
    fn per_second(&mut self, total: u64) -> f64 {
        let now = std::time::Instant::now();
        let rate = self.last.map_or(0.0, |(t, n)| {
            (total - n) as f64 / now.duration_since(t).as_secs_f64().max(1e-3)
        });
        self.last = Some((now, total));
        (rate * 10.0).round() / 10.0
    }
}

async fn log_progress(frontier: &Frontier, broker: &Broker, published: u64, rate: &mut Rate) {
    let g = frontier.gauges();
    let t = frontier.tally();
    let jobs_ready = broker
        .stats(Queue::Jobs)
        .await
        .map(|s| s.ready)
        .unwrap_or(0);
    let results_ready = broker
        .stats(Queue::Results)
        .await
        .map(|s| s.ready)
        .unwrap_or(0);
    let terminal = |s: UrlState| t.terminal.get(s.as_str()).copied().unwrap_or(0);
    tracing::info!(
        role = "scheduler",
        pending = g.pending,
        inflight = g.inflight,
        hosts_waiting = g.hosts,
        jobs_published = published,
        results = t.results,
        results_per_s = rate.per_second(t.results),
        articles = terminal(UrlState::Article),
        pages = terminal(UrlState::Page),
        disallowed = terminal(UrlState::Disallowed),
        out_of_scope = terminal(UrlState::OutOfScope),
        traps = terminal(UrlState::Trap),
        http_errors = terminal(UrlState::HttpError),
        failed = terminal(UrlState::Failed),
        retries = t.retries,
        slowdowns = t.slowdowns,
        expired = t.expired,
        stale = t.stale,
        jobs_queue = jobs_ready,
        results_queue = results_ready,
        "progress"
    );
}
