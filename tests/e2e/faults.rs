//! Hostile or struggling servers.

use std::time::Duration;

use newscrawl_testkit::web::FixtureWeb;
use sqlx::Row;

use crate::support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_503_with_retry_after_pauses_the_whole_host_then_the_page_is_stored() -> anyhow::Result<()>
{
    let web = FixtureWeb::flaky().await?;
    let crawl = crawl_embedded(&web).await?;
    let db = &crawl.db;
    let stored: std::collections::BTreeSet<String> =
        articles(db).await?.into_iter().map(|(u, _)| u).collect();
    assert_eq!(
        stored, web.expected.articles,
        "the page stored after its 503"
    );
    let mut requests = web.requests();
    requests.sort_by_key(|r| r.start);
    let busy = requests
        .iter()
        .position(|r| r.path == "/flaky")
        .expect("/flaky was requested");
    let next = requests
        .get(busy + 1)
        .expect("the crawl went on after the 503");
    let pause = next.start.duration_since(requests[busy].end);
    assert!(
        pause >= Duration::from_secs(2),
        "Retry-After: 2 holds for the whole host, but {} came {pause:?} later",
        next.path
    );
    assert_eq!(
        requests.iter().filter(|r| r.path == "/flaky").count(),
        2,
        "one 503, one success"
    );
    let attempts: i64 = sqlx::query("SELECT attempts FROM frontier_urls WHERE url = $1")
        .bind(format!("{}/flaky", web.bases[0]))
        .fetch_one(&db.pool)
        .await?
        .try_get(0)?;
    assert_eq!(attempts, 2);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pdfs_bombs_and_huge_pages_end_with_a_reason_and_the_crawl_goes_on() -> anyhow::Result<()> {
    let web = FixtureWeb::hostile().await?;
    let crawl = crawl_embedded(&web).await?;
    let db = &crawl.db;
    let stored: std::collections::BTreeSet<String> =
        articles(db).await?.into_iter().map(|(u, _)| u).collect();
    assert_eq!(stored, web.expected.articles);
    let base = &web.bases[0];
    let outcome = |path: &'static str| {
        let db = db.clone();
        let url = format!("{base}{path}");
        async move {
            let row = sqlx::query("SELECT state, reason FROM frontier_urls WHERE url = $1")
                .bind(&url)
                .fetch_one(&db.pool)
                .await?;
            anyhow::Ok((
                row.try_get::<String, _>(0)?,
                row.try_get::<Option<String>, _>(1)?.unwrap_or_default(),
            ))
        }
    };
    let (state, reason) = outcome("/report.pdf").await?;
    assert_eq!(
        (state.as_str(), reason.as_str()),
        ("http_error", "not html: the body is a PDF document")
    );
    for path in ["/bomb", "/huge"] {
        let (state, reason) = outcome(path).await?;
        assert_eq!(state, "failed", "{path}: {reason}");
        assert!(
            reason.starts_with("too_large: body larger than"),
            "{path}: {reason}"
        );
    }
    assert!(web.politeness_violations(DELAY).is_empty());
    Ok(())
}
