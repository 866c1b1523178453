//! How far a crawl has got, read from its database (frontier and article tables).

use std::time::Duration;

use sqlx::{AnyPool, Row};

/// Counts that tell whether a crawl is done.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// URLs pending or leased.
    pub open: i64,
    /// URLs in the frontier.
    pub urls: i64,
    /// URLs whose fetch produced an article.
    pub article_urls: i64,
    /// Rows in the article table (originals and duplicates).
    pub stored: i64,
    /// Pages fetched (articles and other pages).
    pub pages: i64,
}

impl Progress {
    /// Nothing open, and every article sent to the sink is stored.
    pub fn complete(&self) -> bool {
        self.open == 0 && self.urls > 0 && self.stored == self.article_urls
    }
}

/// Reads the counts in one query.
pub async fn progress(pool: &AnyPool) -> anyhow::Result<Progress> {
    let row = sqlx::query(
        "SELECT (SELECT COUNT(*) FROM frontier_urls WHERE state IN ('pending', 'leased')), \
         (SELECT COUNT(*) FROM frontier_urls), \
         (SELECT COUNT(*) FROM frontier_urls WHERE state = 'article'), \
         (SELECT COUNT(*) FROM articles), \
         (SELECT COUNT(*) FROM frontier_urls WHERE state IN ('article', 'page'))",
    )
    .fetch_one(pool)
    .await?;
    Ok(Progress {
        open: row.try_get(0)?,
        urls: row.try_get(1)?,
        article_urls: row.try_get(2)?,
        stored: row.try_get(3)?,
        pages: row.try_get(4)?,
    })
}

/// Polls until the crawl is complete; the tables may not exist yet at first (the roles
/// create them).
pub async fn wait_complete(pool: &AnyPool, limit: Duration) -> anyhow::Result<Progress> {
    let deadline = tokio::time::Instant::now() + limit;
    loop {
        let now = progress(pool).await.unwrap_or_default();
        if now.complete() {
            return Ok(now);
        }
        anyhow::ensure!(
            tokio::time::Instant::now() < deadline,
            "crawl incomplete after {limit:?}: {now:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
