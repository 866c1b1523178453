//! `newscrawl crawl`: every role in one process over in-memory queues, into a SQLite file.

use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use newscrawl_broker::{Broker, MemoryBroker};
use newscrawl_protocol::Queue;
use newscrawl_runtime::db;
use tokio_util::sync::CancellationToken;

use crate::{Settings, publish_seeds, read_seeds, report};

/// Runs an embedded crawl of the seeds in `seeds` into the SQLite file `db_path`. Returns when
/// the frontier is exhausted and every article is stored, or after `stop` once in-flight work
/// has drained. The frontier is in the file, so running it again resumes.
pub async fn crawl(
    mut settings: Settings,
    seeds: &Path,
    db_path: &Path,
    stop: CancellationToken,
) -> anyhow::Result<ExitCode> {
    let file = std::fs::File::open(seeds)
        .with_context(|| format!("cannot open the seed list {}", seeds.display()))?;
    let (urls, bad) = read_seeds(&seeds.display().to_string(), std::io::BufReader::new(file))?;
    if urls.is_empty() && bad > 0 {
        anyhow::bail!("no valid seed URL in {}", seeds.display());
    }
    let url = format!("sqlite://{}", db_path.display());
    let database = db::connect(&url, settings.database.max_connections.min(4)).await?;
    let broker = Broker::Memory(MemoryBroker::new(
        settings.broker.memory_capacity,
        settings.broker.delivery_limit,
    ));
    publish_seeds(&broker, &urls).await?;
    tracing::info!(seeds = urls.len(), db = %db_path.display(), "embedded crawl starting");
    settings.scheduler.exit_when_idle = true;
    let (workers_stop, sink_stop) = (CancellationToken::new(), CancellationToken::new());
    // The sink opens (and migrates) its tables before the crawl starts, so `status` and
    // `export` always find them.
    newscrawl_sink::ArticleStore::open(database.clone()).await?;
    let sink = tokio::spawn(newscrawl_sink::run(
        settings.sink.clone(),
        broker.clone(),
        database.clone(),
        sink_stop.clone(),
    ));
    let worker = tokio::spawn(newscrawl_worker::run(
        settings.worker.clone(),
        broker.clone(),
        workers_stop.clone(),
    ));
    let scheduled = newscrawl_scheduler::run(
        settings.scheduler.clone(),
        broker.clone(),
        database.clone(),
        stop.clone(),
    )
    .await;
    // The scheduler has stopped: let the workers finish what they hold, then the sink drain.
    workers_stop.cancel();
    let worker = worker.await.context("worker task")?;
    wait_drained(&broker, Queue::Articles, settings.worker.grace).await;
    sink_stop.cancel();
    let sink = sink.await.context("sink task")?;
    broker.close().await;
    scheduled?;
    worker?;
    sink?;
    // The in-memory queues end with the process: their dead letters are reported here.
    report::print_status(&database, Some(&broker)).await?;
    Ok(ExitCode::SUCCESS)
}

/// Waits until `queue` holds nothing ready or unsettled, at most `limit`.
async fn wait_drained(broker: &Broker, queue: Queue, limit: Duration) {
    let deadline = tokio::time::Instant::now() + limit;
    while tokio::time::Instant::now() < deadline {
        match broker.stats(queue).await {
            Ok(s) if s.ready == 0 && s.unacked.unwrap_or(0) == 0 => return,
            _ => tokio::time::sleep(Duration::from_millis(20)).await,
        }
    }
}
