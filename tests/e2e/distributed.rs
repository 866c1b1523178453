//! Distributed mode: RabbitMQ + PostgreSQL, roles in-process, several workers.

use std::time::Duration;

use newscrawl_testkit::services::{TestDatabase, queue_prefix};
use newscrawl_testkit::web::FixtureWeb;
use tokio_util::sync::CancellationToken;

use crate::support::*;

struct Crawl {
    prefix: String,
    db: TestDatabase,
    web: FixtureWeb,
}

async fn setup(name: &str) -> anyhow::Result<Crawl> {
    Ok(Crawl {
        prefix: queue_prefix(name),
        db: TestDatabase::create().await?,
        web: FixtureWeb::news().await?,
    })
}

async fn teardown(crawl: Crawl) -> anyhow::Result<()> {
    delete_queues(&crawl.prefix).await?;
    crawl.db.drop_db().await
}

async fn stop_all(
    stop: CancellationToken,
    handles: Vec<tokio::task::JoinHandle<anyhow::Result<()>>>,
) -> anyhow::Result<()> {
    stop.cancel();
    for handle in handles {
        handle.await??;
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_workers_store_every_article_once_and_stay_polite() -> anyhow::Result<()> {
    let crawl = setup("distributed").await?;
    let stop = CancellationToken::new();
    let seeder = connect(&crawl.prefix).await?;
    publish_seeds(&seeder, &crawl.web.seeds()).await?;
    seeder.close().await;
    let mut handles = vec![
        spawn_scheduler(&crawl.prefix, &crawl.db.url, &stop),
        spawn_sink(&crawl.prefix, &crawl.db.url, &stop),
    ];
    handles.extend((0..3).map(|_| spawn_worker(&crawl.prefix, &stop)));
    let db = postgres(&crawl.db.url).await?;
    // Migrations run inside the roles: wait for the tables before polling them.
    wait_complete(&db, Duration::from_secs(90)).await?;
    stop_all(stop, handles).await?;
    assert_news_crawl(&crawl.web, &db).await?;
    let counts = crawl.web.request_counts();
    assert!(
        counts.values().all(|n| *n == 1),
        "each path fetched once: {counts:?}"
    );
    db.pool.close().await;
    teardown(crawl).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restarted_scheduler_resumes_without_fetching_stored_urls_again() -> anyhow::Result<()> {
    let crawl = setup("restart").await?;
    let seeder = connect(&crawl.prefix).await?;
    publish_seeds(&seeder, &crawl.web.seeds()).await?;
    seeder.close().await;
    let roles = CancellationToken::new();
    let mut handles = vec![
        spawn_sink(&crawl.prefix, &crawl.db.url, &roles),
        spawn_worker(&crawl.prefix, &roles),
        spawn_worker(&crawl.prefix, &roles),
    ];
    let first = CancellationToken::new();
    let scheduler = spawn_scheduler(&crawl.prefix, &crawl.db.url, &first);
    let db = postgres(&crawl.db.url).await?;
    // Stop the scheduler mid-crawl: some articles stored, others not yet.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while articles(&db).await.map(|a| a.len()).unwrap_or(0) < 3 {
        anyhow::ensure!(
            tokio::time::Instant::now() < deadline,
            "no progress before the restart"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    first.cancel();
    scheduler.await??;
    let stored_before = urls_in(&db, "article").await?.len();
    assert!(
        stored_before < crawl.web.expected.articles.len(),
        "the restart happened mid-crawl"
    );
    handles.push(spawn_scheduler(&crawl.prefix, &crawl.db.url, &roles));
    wait_complete(&db, Duration::from_secs(90)).await?;
    stop_all(roles, handles).await?;
    assert_news_crawl(&crawl.web, &db).await?;
    let counts = crawl.web.request_counts();
    assert!(
        counts.values().all(|n| *n == 1),
        "no URL fetched again after the restart: {counts:?}"
    );
    db.pool.close().await;
    teardown(crawl).await
}
