//! Infrastructure faults: RabbitMQ and PostgreSQL restarted mid-crawl, the sink killed.
//!
//! These tests stop shared services, so they live in a test binary of their own (cargo runs
//! test binaries one after another) and take a lock so they never overlap each other. Each
//! leaves the service running, even when it fails.

#[path = "../e2e/support.rs"]
#[allow(dead_code)]
mod support;

use std::process::Command;
use std::time::Duration;

use newscrawl_testkit::services::{TestDatabase, queue_prefix};
use newscrawl_testkit::web::FixtureWeb;
use tokio_util::sync::CancellationToken;

use support::*;

/// One service fault at a time.
static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Runs a service command, failing with its output if it fails.
fn run(program: &str, args: &[&str]) -> anyhow::Result<()> {
    let out = Command::new(program).args(args).output()?;
    anyhow::ensure!(
        out.status.success(),
        "{program} {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(())
}

/// Starts PostgreSQL again when dropped (a failing test included).
struct PostgresStopped(String);

impl PostgresStopped {
    fn stop() -> anyhow::Result<Self> {
        let cluster = pg_cluster()?;
        run(
            "pg_ctlcluster",
            &["--skip-systemctl-redirect", &cluster, "main", "stop"],
        )?;
        Ok(Self(cluster))
    }
}

impl Drop for PostgresStopped {
    fn drop(&mut self) {
        let args = ["--skip-systemctl-redirect", &self.0, "main", "start"];
        if let Err(err) = run("pg_ctlcluster", &args) {
            eprintln!("could not start PostgreSQL again: {err}");
        }
    }
}

/// Starts the RabbitMQ application again when dropped (a failing test included).
struct RabbitStopped;

impl RabbitStopped {
    fn stop() -> anyhow::Result<Self> {
        run("rabbitmqctl", &["stop_app"])?;
        Ok(Self)
    }
}

impl Drop for RabbitStopped {
    fn drop(&mut self) {
        if let Err(err) = run("rabbitmqctl", &["start_app"]) {
            eprintln!("could not start RabbitMQ again: {err}");
        }
    }
}

fn pg_cluster() -> anyhow::Result<String> {
    let version = std::fs::read_dir("/etc/postgresql")?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .next()
        .ok_or_else(|| anyhow::anyhow!("no cluster under /etc/postgresql"))?;
    Ok(version)
}

/// Waits until `n` articles are stored.
async fn wait_articles(db: &newscrawl_runtime::db::Database, n: usize) -> anyhow::Result<()> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while articles(db).await.map(|a| a.len()).unwrap_or(0) < n {
        anyhow::ensure!(
            tokio::time::Instant::now() < deadline,
            "fewer than {n} articles after 60 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
}

/// A distributed crawl of the news web with every role in-process; `disturb` runs once a few
/// articles are stored. The stored set must equal an undisturbed crawl's.
async fn crawl_through<F, Fut>(name: &str, disturb: F) -> anyhow::Result<()>
where
    F: FnOnce(String) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    let _serial = SERIAL.lock().await;
    let prefix = queue_prefix(name);
    let test_db = TestDatabase::create().await?;
    let web = FixtureWeb::news().await?;
    let seeder = connect(&prefix).await?;
    publish_seeds(&seeder, &web.seeds()).await?;
    seeder.close().await;
    let stop = CancellationToken::new();
    let mut handles = vec![
        spawn_scheduler(&prefix, &test_db.url, &stop),
        spawn_sink(&prefix, &test_db.url, &stop),
    ];
    handles.extend((0..2).map(|_| spawn_worker(&prefix, &stop)));
    let db = postgres(&test_db.url).await?;
    wait_articles(&db, 3).await?;
    let stored = articles(&db).await?.len();
    anyhow::ensure!(
        stored < web.expected.articles.len(),
        "the crawl ended before the fault ({stored} articles)"
    );
    disturb(test_db.url.clone()).await?;
    let outcome = wait_complete(&db, Duration::from_secs(120)).await;
    stop.cancel();
    for handle in handles {
        handle.await??;
    }
    outcome?;
    assert_news_crawl(&web, &db).await?;
    db.pool.close().await;
    delete_queues(&prefix).await?;
    test_db.drop_db().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rabbitmq_stopped_and_started_mid_crawl_loses_nothing() -> anyhow::Result<()> {
    crawl_through("rabbit_restart", |_| async {
        let stopped = RabbitStopped::stop()?;
        tokio::time::sleep(Duration::from_secs(3)).await;
        drop(stopped);
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgresql_restarted_mid_crawl_loses_nothing() -> anyhow::Result<()> {
    crawl_through("pg_restart", |_| async {
        let stopped = PostgresStopped::stop()?;
        tokio::time::sleep(Duration::from_secs(3)).await;
        drop(stopped);
        Ok(())
    })
    .await
}
