//! Embedded mode: every role in one process, in-memory queues, SQLite.

use std::time::Duration;

use newscrawl_cli::Settings;
use newscrawl_testkit::web::FixtureWeb;
use tokio_util::sync::CancellationToken;

use crate::support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_embedded_crawl_stores_every_article_once_and_stays_polite() -> anyhow::Result<()> {
    let web = FixtureWeb::news().await?;
    let dir = tempfile::tempdir()?;
    let seeds = dir.path().join("seeds.txt");
    std::fs::write(&seeds, web.seeds().join("\n"))?;
    let db_path = dir.path().join("crawl.sqlite");
    let settings = Settings {
        scheduler: scheduler_config(),
        worker: worker_config(),
        sink: sink_config(),
        ..Settings::default()
    };
    let code = tokio::time::timeout(
        Duration::from_secs(90),
        newscrawl_cli::crawl(settings, &seeds, &db_path, CancellationToken::new()),
    )
    .await??;
    assert_eq!(code, std::process::ExitCode::SUCCESS);
    let db = newscrawl_runtime::db::connect(&format!("sqlite://{}", db_path.display()), 1).await?;
    wait_complete(&db, Duration::ZERO).await?;
    assert_news_crawl(&web, &db).await?;
    let counts = web.request_counts();
    assert!(
        counts.values().all(|n| *n == 1),
        "each path fetched once: {counts:?}"
    );
    Ok(())
}
