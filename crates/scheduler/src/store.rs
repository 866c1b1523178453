//! The frontier's persistent state, in PostgreSQL or SQLite.

use std::collections::HashMap;

use newscrawl_protocol::CanonicalUrl;
use newscrawl_runtime::db::Database;
use sqlx::Row;

use crate::state::{Change, RobotsRow, UrlRow, UrlState, reason_class};

/// Rows per multi-row statement: well under PostgreSQL's 65 535 bind parameters, and small
/// enough that SQLite's lookup of `$N` parameter names (linear in their number) stays cheap.
const CHUNK: usize = 100;

/// Reads and writes the frontier tables.
#[derive(Clone)]
pub struct FrontierStore {
    db: Database,
}

/// Everything needed to rebuild the in-memory frontier.
pub struct Snapshot {
    /// Sites in scope.
    pub sites: Vec<String>,
    /// robots.txt per origin.
    pub robots: Vec<RobotsRow>,
    /// Every URL, oldest first.
    pub urls: Vec<UrlRow>,
}

impl FrontierStore {
    /// Runs the frontier migrations and wraps the pool.
    pub async fn open(db: Database) -> anyhow::Result<Self> {
        newscrawl_runtime::db::migrate(
            &db,
            sqlx::migrate!("./migrations"),
            "_newscrawl_frontier_migrations",
        )
        .await?;
        Ok(Self { db })
    }

    /// Loads the whole frontier.
    pub async fn load(&self) -> anyhow::Result<Snapshot> {
        let pool = &self.db.pool;
        let sites = sqlx::query("SELECT site FROM frontier_sites")
            .fetch_all(pool)
            .await?;
        let sites = sites
            .iter()
            .map(|r| r.try_get::<String, _>(0))
            .collect::<Result<_, _>>()?;
        let robots = sqlx::query(
            "SELECT origin, host_key, status, body, fetched_ms, failures FROM frontier_robots",
        )
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| {
            Ok(RobotsRow {
                origin: r.try_get(0)?,
                host_key: r.try_get(1)?,
                status: u16::try_from(r.try_get::<i64, _>(2)?).unwrap_or(0),
                body: r.try_get(3)?,
                fetched_ms: r.try_get(4)?,
                failures: to_u32(r.try_get(5)?),
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
        let rows = sqlx::query(
            "SELECT url, host_key, depth, redirects, state, attempts, lease_id, lease_expires_ms, reason \
             FROM frontier_urls ORDER BY discovered_ms, url",
        )
        .fetch_all(pool)
        .await?;
        let mut urls = Vec::with_capacity(rows.len());
        for r in &rows {
            let url: String = r.try_get(0)?;
            let state: String = r.try_get(4)?;
            let (Ok(url), Some(state)) = (CanonicalUrl::parse(&url), UrlState::parse(&state))
            else {
                tracing::error!(url, state, "unreadable frontier row skipped");
                continue;
            };
            let lease = match (
                r.try_get::<Option<i64>, _>(6)?,
                r.try_get::<Option<i64>, _>(7)?,
            ) {
                (Some(id), Some(expires)) => Some((id.cast_unsigned(), expires)),
                _ => None,
            };
            urls.push(UrlRow {
                url,
                host_key: r.try_get(1)?,
                depth: to_u32(r.try_get(2)?),
                redirects: to_u32(r.try_get(3)?),
                state,
                attempts: to_u32(r.try_get(5)?),
                lease,
                reason: r.try_get(8)?,
            });
        }
        Ok(Snapshot {
            sites,
            robots,
            urls,
        })
    }

    /// Persists changes in one transaction. Idempotent: every statement is an upsert, so a
    /// retried batch (or a redelivered result) writes the same rows again.
    pub async fn persist(&self, changes: &[Change], now_ms: i64) -> anyhow::Result<()> {
        if changes.is_empty() {
            return Ok(());
        }
        // The last change of a URL wins; one statement must not touch a row twice.
        let mut last: HashMap<&str, usize> = HashMap::new();
        let mut urls: Vec<&UrlRow> = Vec::new();
        let mut sites = Vec::new();
        let mut robots = Vec::new();
        for change in changes {
            match change {
                Change::Site(site) => sites.push(site.as_str()),
                Change::Robots(row) => robots.push(row),
                Change::Url(row) => match last.get(row.url.as_str()) {
                    Some(&i) => urls[i] = row,
                    None => {
                        last.insert(row.url.as_str(), urls.len());
                        urls.push(row);
                    }
                },
            }
        }
        let mut tx = self.db.pool.begin().await?;
        for site in sites {
            sqlx::query(
                "INSERT INTO frontier_sites (site) VALUES ($1) ON CONFLICT (site) DO NOTHING",
            )
            .bind(site)
            .execute(&mut *tx)
            .await?;
        }
        for row in robots {
            sqlx::query(
                "INSERT INTO frontier_robots (origin, host_key, status, body, fetched_ms, failures) \
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (origin) DO UPDATE SET \
                 host_key = excluded.host_key, status = excluded.status, body = excluded.body, \
                 fetched_ms = excluded.fetched_ms, failures = excluded.failures",
            )
            .bind(&row.origin)
            .bind(&row.host_key)
            .bind(i64::from(row.status))
            .bind(&row.body)
            .bind(row.fetched_ms)
            .bind(i64::from(row.failures))
            .execute(&mut *tx)
            .await?;
        }
        for chunk in urls.chunks(CHUNK) {
            let sql = format!(
                "INSERT INTO frontier_urls (url, host_key, depth, redirects, state, attempts, lease_id, \
                 lease_expires_ms, reason, reason_class, discovered_ms, updated_ms) VALUES {} \
                 ON CONFLICT (url) DO UPDATE SET state = excluded.state, attempts = excluded.attempts, \
                 lease_id = excluded.lease_id, lease_expires_ms = excluded.lease_expires_ms, \
                 reason = excluded.reason, reason_class = excluded.reason_class, \
                 updated_ms = excluded.updated_ms",
                newscrawl_runtime::db::placeholders(chunk.len(), 12)
            );
            // Audited: the only dynamic part is the generated `$N` placeholder list.
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for row in chunk {
                q = q
                    .bind(row.url.as_str())
                    .bind(row.host_key.as_str())
                    .bind(i64::from(row.depth))
                    .bind(i64::from(row.redirects))
                    .bind(row.state.as_str())
                    .bind(i64::from(row.attempts))
                    .bind(row.lease.map(|(id, _)| id.cast_signed()))
                    .bind(row.lease.map(|(_, expires)| expires))
                    .bind(row.reason.as_deref())
                    .bind(row.reason.as_deref().map(reason_class))
                    .bind(now_ms)
                    .bind(now_ms);
            }
            q.execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// URL counts by state.
    pub async fn counts(&self) -> anyhow::Result<Vec<(String, i64)>> {
        let rows =
            sqlx::query("SELECT state, COUNT(*) FROM frontier_urls GROUP BY state ORDER BY state")
                .fetch_all(&self.db.pool)
                .await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect()
    }
}

/// One URL as `export --urls` lists it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct UrlRecord {
    /// Canonical URL.
    pub url: String,
    /// State name.
    pub state: String,
    /// Reason class (`too_large`, `http_404`, ...), if any.
    pub class: Option<String>,
    /// The full reason, if any.
    pub reason: Option<String>,
    /// Fetch attempts made.
    pub attempts: i64,
    /// Hops from the seed.
    pub depth: i64,
}

impl FrontierStore {
    /// Counts by state and reason class, for the states that carry a reason worth counting
    /// (redirect targets and successes are left out).
    pub async fn reason_counts(&self) -> anyhow::Result<Vec<(String, String, i64)>> {
        let rows = sqlx::query(
            "SELECT state, reason_class, COUNT(*) FROM frontier_urls \
             WHERE reason_class IS NOT NULL AND state NOT IN ('redirect', 'article', 'page') \
             GROUP BY state, reason_class ORDER BY state, reason_class",
        )
        .fetch_all(&self.db.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
            .collect()
    }

    /// Every URL in one of `states`, in URL order.
    pub async fn urls_in(&self, states: &[UrlState]) -> anyhow::Result<Vec<UrlRecord>> {
        let mut out = Vec::new();
        for state in states {
            let rows = sqlx::query(
                "SELECT url, state, reason_class, reason, attempts, depth FROM frontier_urls \
                 WHERE state = $1 ORDER BY url",
            )
            .bind(state.as_str())
            .fetch_all(&self.db.pool)
            .await?;
            for r in &rows {
                out.push(UrlRecord {
                    url: r.try_get(0)?,
                    state: r.try_get(1)?,
                    class: r.try_get(2)?,
                    reason: r.try_get(3)?,
                    attempts: r.try_get(4)?,
                    depth: r.try_get(5)?,
                });
            }
        }
        Ok(out)
    }
}

fn to_u32(v: i64) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}
