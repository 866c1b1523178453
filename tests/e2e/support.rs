//! Wiring the real roles in-process against the fixture web.

use std::time::Duration;

use anyhow::Context;
use newscrawl_broker::{AmqpBroker, AmqpSettings, Broker};
use newscrawl_protocol::{CanonicalUrl, Queue, SeedBatch, VERSION, encode};
use newscrawl_runtime::db::{self, Database};
use newscrawl_scheduler::SchedulerConfig;
use newscrawl_sink::SinkConfig;
use newscrawl_testkit::services;
use newscrawl_worker::WorkerConfig;
use sqlx::Row;
use tokio_util::sync::CancellationToken;

/// Politeness delay the tests crawl with.
pub const DELAY: Duration = Duration::from_millis(200);

pub fn scheduler_config() -> SchedulerConfig {
    SchedulerConfig {
        delay: DELAY,
        lease_timeout: Duration::from_secs(15),
        progress: Duration::from_secs(2),
        ..SchedulerConfig::default()
    }
}

pub fn worker_config() -> WorkerConfig {
    WorkerConfig {
        concurrency: 4,
        allow_private: true,
        total_timeout: Duration::from_secs(5),
        connect_timeout: Duration::from_secs(2),
        progress: Duration::from_secs(2),
        grace: Duration::from_secs(5),
        ..WorkerConfig::default()
    }
}

pub fn sink_config() -> SinkConfig {
    SinkConfig {
        progress: Duration::from_secs(2),
        ..SinkConfig::default()
    }
}

pub fn amqp_settings(prefix: &str) -> AmqpSettings {
    AmqpSettings {
        url: services::amqp_url(),
        prefix: prefix.to_owned(),
        delivery_limit: 5,
        publish_timeout: Duration::from_secs(10),
    }
}

/// A new connection, as a separate process would have.
pub async fn connect(prefix: &str) -> anyhow::Result<Broker> {
    let broker = AmqpBroker::connect(amqp_settings(prefix))
        .await
        .with_context(|| {
            format!(
                "RabbitMQ for tests is not reachable: start it or set {}",
                services::AMQP_ENV
            )
        })?;
    Ok(Broker::Amqp(broker))
}

pub async fn delete_queues(prefix: &str) -> anyhow::Result<()> {
    let broker = AmqpBroker::connect(amqp_settings(prefix)).await?;
    broker.delete_topology().await?;
    Broker::Amqp(broker).close().await;
    Ok(())
}

pub async fn publish_seeds(broker: &Broker, seeds: &[String]) -> anyhow::Result<()> {
    let urls = seeds
        .iter()
        .map(|s| CanonicalUrl::parse(s))
        .collect::<Result<Vec<_>, _>>()?;
    broker
        .publish(Queue::Seeds, &encode(&SeedBatch { v: VERSION, urls }))
        .await?;
    Ok(())
}

/// Stored articles: `(url, duplicate_of)`.
pub async fn articles(db: &Database) -> anyhow::Result<Vec<(String, Option<String>)>> {
    let rows = sqlx::query("SELECT url, duplicate_of FROM articles ORDER BY url")
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
        .collect()
}

/// URLs in a frontier state.
pub async fn urls_in(db: &Database, state: &str) -> anyhow::Result<Vec<String>> {
    let rows = sqlx::query("SELECT url FROM frontier_urls WHERE state = $1 ORDER BY url")
        .bind(state)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
}

/// Waits until the frontier has nothing pending or leased and every article URL is stored.
pub async fn wait_complete(db: &Database, limit: Duration) -> anyhow::Result<()> {
    newscrawl_testkit::crawl::wait_complete(&db.pool, limit)
        .await
        .map(drop)
}

pub async fn postgres(url: &str) -> anyhow::Result<Database> {
    db::connect(url, 4).await
}

/// The checks every complete crawl of the news fixture must pass.
pub async fn assert_news_crawl(
    web: &newscrawl_testkit::web::FixtureWeb,
    db: &Database,
) -> anyhow::Result<()> {
    let stored = articles(db).await?;
    let urls: std::collections::BTreeSet<String> = stored.iter().map(|(u, _)| u.clone()).collect();
    assert_eq!(
        urls, web.expected.articles,
        "every reachable article stored exactly once"
    );
    for group in &web.expected.same_article {
        let rows: Vec<&(String, Option<String>)> =
            stored.iter().filter(|(u, _)| group.contains(u)).collect();
        let originals: Vec<&String> = rows
            .iter()
            .filter(|(_, d)| d.is_none())
            .map(|(u, _)| u)
            .collect();
        assert_eq!(originals.len(), 1, "one original in {group:?}: {rows:?}");
        for (url, dup) in rows.iter().filter(|(_, d)| d.is_some()) {
            assert_eq!(
                dup.as_ref(),
                Some(originals[0]),
                "{url} is a duplicate of the original"
            );
        }
    }
    let duplicates = stored.iter().filter(|(_, d)| d.is_some()).count();
    assert_eq!(
        duplicates,
        web.expected.same_article.len(),
        "only the known copies are duplicates: {stored:?}"
    );
    assert!(
        web.forbidden_requests().is_empty(),
        "disallowed paths fetched: {:?}",
        web.forbidden_requests()
    );
    let violations = web.politeness_violations(DELAY);
    assert!(
        violations.is_empty(),
        "politeness violated: {violations:#?}"
    );
    for url in &web.expected.never {
        assert_eq!(
            urls_in(db, "out_of_scope")
                .await?
                .iter()
                .filter(|u| *u == url)
                .count(),
            1,
            "{url} recorded out of scope"
        );
    }
    assert!(
        web.requests()
            .iter()
            .all(|r| r.user_agent.starts_with("newscrawl/")),
        "an honest User-Agent on every request"
    );
    let redirect = urls_in(db, "redirect").await?;
    assert_eq!(redirect.len(), 1, "the redirect is recorded: {redirect:?}");
    assert_eq!(
        urls_in(db, "http_error").await?.len(),
        1,
        "the 404 is recorded"
    );
    assert_eq!(
        urls_in(db, "disallowed").await?.len(),
        2,
        "both disallowed links are recorded"
    );
    Ok(())
}

/// A role task with its own broker connection, as a separate process would have.
pub type Role = tokio::task::JoinHandle<anyhow::Result<()>>;

/// Runs a role on a connection of its own, closing it when the role returns.
fn spawn_role<F, Fut>(prefix: &str, role: F) -> Role
where
    F: FnOnce(Broker) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = anyhow::Result<()>> + Send,
{
    let prefix = prefix.to_owned();
    tokio::spawn(async move {
        let broker = connect(&prefix).await?;
        let result = role(broker.clone()).await;
        broker.close().await;
        result
    })
}

pub fn spawn_scheduler(prefix: &str, db_url: &str, stop: &CancellationToken) -> Role {
    let (db_url, stop) = (db_url.to_owned(), stop.clone());
    spawn_role(prefix, |broker| async move {
        newscrawl_scheduler::run(scheduler_config(), broker, postgres(&db_url).await?, stop).await
    })
}

pub fn spawn_sink(prefix: &str, db_url: &str, stop: &CancellationToken) -> Role {
    let (db_url, stop) = (db_url.to_owned(), stop.clone());
    spawn_role(prefix, |broker| async move {
        newscrawl_sink::run(sink_config(), broker, postgres(&db_url).await?, stop).await
    })
}

pub fn spawn_worker(prefix: &str, stop: &CancellationToken) -> Role {
    let stop = stop.clone();
    spawn_role(prefix, |broker| async move {
        newscrawl_worker::run(worker_config(), broker, stop).await
    })
}

/// A finished embedded crawl and its SQLite file.
pub struct EmbeddedCrawl {
    _dir: tempfile::TempDir,
    pub db_path: std::path::PathBuf,
    pub db: Database,
}

/// Crawls `web` from its home pages in embedded mode with the test settings; fails unless the
/// crawl ends by itself, successfully, within 90 s.
pub async fn crawl_embedded(
    web: &newscrawl_testkit::web::FixtureWeb,
) -> anyhow::Result<EmbeddedCrawl> {
    crawl_embedded_with(&web.seeds(), |_| {}).await
}

/// Crawls from `seeds` in embedded mode with the test settings as `adjust` leaves them.
pub async fn crawl_embedded_with(
    seeds: &[String],
    adjust: impl FnOnce(&mut newscrawl_cli::Settings),
) -> anyhow::Result<EmbeddedCrawl> {
    let dir = tempfile::tempdir()?;
    let seed_file = dir.path().join("seeds.txt");
    std::fs::write(&seed_file, seeds.join("\n"))?;
    let seeds = seed_file;
    let db_path = dir.path().join("crawl.sqlite");
    let mut settings = newscrawl_cli::Settings {
        scheduler: scheduler_config(),
        worker: worker_config(),
        sink: sink_config(),
        ..Default::default()
    };
    adjust(&mut settings);
    let code = tokio::time::timeout(
        Duration::from_secs(90),
        newscrawl_cli::crawl(settings, &seeds, &db_path, CancellationToken::new()),
    )
    .await??;
    anyhow::ensure!(
        code == std::process::ExitCode::SUCCESS,
        "the crawl exited with {code:?}"
    );
    let db = db::connect(&format!("sqlite://{}", db_path.display()), 1).await?;
    Ok(EmbeddedCrawl {
        _dir: dir,
        db_path,
        db,
    })
}

/// The real binary, on the test broker with `prefix` and the tests' queue arguments.
pub fn newscrawl(prefix: &str) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_newscrawl"));
    cmd.arg("--amqp-url")
        .arg(services::amqp_url())
        .arg("--set")
        .arg(format!("broker.prefix=\"{prefix}\""));
    // Queue arguments must match the in-process roles' or the broker refuses the declaration.
    cmd.arg("--set").arg(format!(
        "broker.delivery_limit={}",
        amqp_settings(prefix).delivery_limit
    ));
    cmd.env_remove("RUST_LOG");
    cmd
}
