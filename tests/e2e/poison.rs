//! Undecodable messages go to the dead-letter queue; the role keeps going.

use std::time::Duration;

use newscrawl_protocol::{Article, CanonicalUrl, Queue, VERSION, encode};
use newscrawl_testkit::services::{TestDatabase, queue_prefix};
use tokio_util::sync::CancellationToken;

use crate::support::*;

fn article(url: &str) -> anyhow::Result<Article> {
    let url = CanonicalUrl::parse(url)?;
    Ok(Article {
        v: VERSION,
        canonical_url: url.clone(),
        url,
        title: "t".into(),
        authors: vec![],
        published_at: None,
        language: None,
        modified_at: None,
        description: None,
        image: None,
        site_name: None,
        section: None,
        tags: vec![],
        text: "some words of text".into(),
        html_len: 10,
        fetched_at_ms: 0,
        source_host: "a.example".into(),
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn undecodable_messages_are_dead_lettered_and_the_roles_keep_going() -> anyhow::Result<()> {
    let prefix = queue_prefix("poison");
    let db = TestDatabase::create().await?;
    let broker = connect(&prefix).await?;
    broker
        .publish(Queue::Articles, b"\x00 this is not json")
        .await?;
    broker
        .publish(Queue::Articles, br#"{"v": 99, "url": "http://a.example/"}"#)
        .await?;
    broker
        .publish(Queue::Articles, &encode(&article("http://a.example/good")?))
        .await?;
    broker.publish(Queue::Results, b"{ broken").await?;
    broker.publish(Queue::Seeds, b"[]").await?;
    let stop = CancellationToken::new();
    let sink = tokio::spawn(newscrawl_sink::run(
        sink_config(),
        broker.clone(),
        postgres(&db.url).await?,
        stop.clone(),
    ));
    let mut config = scheduler_config();
    config.exit_when_idle = true;
    // The scheduler reads the poison result and seed batch, then finds nothing to do and exits.
    tokio::time::timeout(
        Duration::from_secs(30),
        newscrawl_scheduler::run(
            config,
            broker.clone(),
            postgres(&db.url).await?,
            stop.clone(),
        ),
    )
    .await??;
    let pg = postgres(&db.url).await?;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while articles(&pg).await.map(|a| a.len()).unwrap_or(0) < 1 {
        anyhow::ensure!(
            tokio::time::Instant::now() < deadline,
            "the good article was not stored"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    stop.cancel();
    sink.await??;
    // Dead-lettering is asynchronous in the broker: give it a moment.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let (a, r, s) = (
            broker.stats(Queue::Articles).await?,
            broker.stats(Queue::Results).await?,
            broker.stats(Queue::Seeds).await?,
        );
        if (a.dead, r.dead, s.dead) == (2, 1, 1) {
            break;
        }
        anyhow::ensure!(
            tokio::time::Instant::now() < deadline,
            "dead letters: articles {}, results {}, seeds {}",
            a.dead,
            r.dead,
            s.dead
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        articles(&pg).await?,
        vec![("http://a.example/good".to_owned(), None)]
    );
    // The reasons travel with the dead letters, and status counts them.
    for (queue, n) in [(Queue::Articles, 2), (Queue::Results, 1), (Queue::Seeds, 1)] {
        assert_eq!(
            broker.dead_letter_reasons(queue, 100).await?,
            [("undecodable".to_owned(), n)],
            "{queue:?}"
        );
    }
    let status = newscrawl(&prefix)
        .arg("--database-url")
        .arg(&db.url)
        .arg("status")
        .output()?;
    let status = String::from_utf8(status.stdout)?;
    assert!(
        status.contains("articles") && status.contains("undecodable"),
        "{status}"
    );
    broker.close().await;
    pg.pool.close().await;
    delete_queues(&prefix).await?;
    db.drop_db().await
}
