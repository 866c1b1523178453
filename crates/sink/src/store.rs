//! Articles in PostgreSQL or SQLite.

use newscrawl_protocol::Article;
use newscrawl_runtime::clock::now_ms;
use newscrawl_runtime::db::Database;
use sqlx::Row;

use crate::dedup::text_hash;

/// How an article was stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// As an original.
    Original,
    /// As a duplicate of `of` (the original's URL), found by `reason`.
    Duplicate {
        /// The original's URL.
        of: String,
        /// `canonical_url` or `text`.
        reason: &'static str,
    },
    /// This URL was stored before (a redelivery): nothing changed.
    AlreadyStored,
}

impl Stored {
    /// A short name for logs.
    pub fn name(&self) -> &'static str {
        match self {
            Stored::Original => "stored",
            Stored::Duplicate { .. } => "duplicate",
            Stored::AlreadyStored => "already_stored",
        }
    }
}

/// Why an article was not stored.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database cannot be reached or is busy: try again later.
    #[error("database unavailable: {0}")]
    Unavailable(sqlx::Error),
    /// The database refused this article: trying again will not help.
    #[error("database rejected the article: {0}")]
    Rejected(sqlx::Error),
}

impl From<sqlx::Error> for StoreError {
    fn from(err: sqlx::Error) -> Self {
        // sqlx::Error is non-exhaustive: anything not known to be about this one row is
        // treated as transient, so an unknown failure never throws an article away.
        let about_this_row = matches!(
            &err,
            sqlx::Error::Encode(_) | sqlx::Error::ColumnDecode { .. }
        ) || err.as_database_error().is_some_and(|e| {
            matches!(
                e.kind(),
                sqlx::error::ErrorKind::CheckViolation | sqlx::error::ErrorKind::NotNullViolation
            ) || e.code().is_some_and(|c| c.starts_with("22")) // PostgreSQL data exceptions
        });
        if about_this_row {
            StoreError::Rejected(err)
        } else {
            StoreError::Unavailable(err)
        }
    }
}

/// Totals for `status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Originals.
    pub originals: i64,
    /// Duplicates.
    pub duplicates: i64,
}

/// The article table.
#[derive(Clone)]
pub struct ArticleStore {
    db: Database,
}

/// Attempts when concurrent sinks race for the same original.
const RACE_RETRIES: u32 = 3;

impl ArticleStore {
    /// Runs the sink migrations and wraps the pool.
    pub async fn open(db: Database) -> anyhow::Result<Self> {
        newscrawl_runtime::db::migrate(
            &db,
            sqlx::migrate!("./migrations"),
            "_newscrawl_sink_migrations",
        )
        .await?;
        Ok(Self { db })
    }

    /// Stores an article as an original or a duplicate; idempotent per URL.
    pub async fn store(&self, article: &Article) -> Result<Stored, StoreError> {
        let hash = text_hash(&article.text);
        let mut attempt = 0;
        loop {
            attempt += 1;
            match self.try_store(article, &hash).await {
                Err(StoreError::Unavailable(err))
                    if attempt < RACE_RETRIES
                        && err
                            .as_database_error()
                            .is_some_and(|e| e.is_unique_violation()) =>
                {
                    continue;
                }
                other => return other,
            }
        }
    }

    async fn try_store(&self, article: &Article, hash: &str) -> Result<Stored, StoreError> {
        let mut tx = self.db.pool.begin().await?;
        let url = article.url.as_str();
        let canonical = article.canonical_url.as_str();
        if sqlx::query("SELECT 1 FROM articles WHERE url = $1")
            .bind(url)
            .fetch_optional(&mut *tx)
            .await?
            .is_some()
        {
            return Ok(Stored::AlreadyStored);
        }
        // Three indexed lookups (each matches a partial unique index on originals), canonical
        // evidence first; an OR across columns would scan the table.
        let original = sqlx::query(
            "SELECT url, 'canonical_url' FROM articles WHERE canonical_url = $1 AND duplicate_of IS NULL \
             UNION ALL SELECT url, 'canonical_url' FROM articles WHERE url = $1 AND duplicate_of IS NULL \
             UNION ALL SELECT url, 'text' FROM articles WHERE text_hash = $2 AND duplicate_of IS NULL \
             LIMIT 1",
        )
        .bind(canonical)
        .bind(hash)
        .fetch_optional(&mut *tx)
        .await?;
        let stored = match original {
            Some(row) => {
                let of: String = row.try_get(0)?;
                let reason: String = row.try_get(1)?;
                Stored::Duplicate {
                    of,
                    reason: if reason == "text" {
                        "text"
                    } else {
                        "canonical_url"
                    },
                }
            }
            None => Stored::Original,
        };
        insert(&mut tx, article, hash, &stored).await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Originals and duplicates stored.
    pub async fn counts(&self) -> anyhow::Result<Counts> {
        let row =
            sqlx::query("SELECT COUNT(*) - COUNT(duplicate_of), COUNT(duplicate_of) FROM articles")
                .fetch_one(&self.db.pool)
                .await?;
        Ok(Counts {
            originals: row.try_get(0)?,
            duplicates: row.try_get(1)?,
        })
    }

    /// Every article as an export record, oldest first.
    pub async fn export(&self) -> anyhow::Result<Vec<serde_json::Value>> {
        let rows = sqlx::query(
            "SELECT url, canonical_url, title, authors, published_at, language, body, duplicate_of, \
             modified_at, description, image_url, site_name, section, tags \
             FROM articles ORDER BY stored_ms, url",
        )
        .fetch_all(&self.db.pool)
        .await?;
        let list =
            |json: String| serde_json::from_str::<serde_json::Value>(&json).unwrap_or_default();
        rows.iter()
            .map(|r| {
                let text = |i: usize| r.try_get::<Option<String>, _>(i);
                Ok(serde_json::json!({
                    "url": r.try_get::<String, _>(0)?,
                    "canonical_url": r.try_get::<String, _>(1)?,
                    "title": r.try_get::<String, _>(2)?,
                    "authors": list(r.try_get(3)?),
                    "published_at": text(4)?,
                    "modified_at": text(8)?,
                    "language": text(5)?,
                    "description": text(9)?,
                    "image": text(10)?,
                    "site_name": text(11)?,
                    "section": text(12)?,
                    "tags": list(r.try_get(13)?),
                    "text": r.try_get::<String, _>(6)?,
                    "duplicate_of": text(7)?,
                }))
            })
            .collect()
    }
}

/// Writes one article row, the original's URL and the reason with it when it is a duplicate.
async fn insert(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    article: &Article,
    hash: &str,
    stored: &Stored,
) -> Result<(), sqlx::Error> {
    let (duplicate_of, reason) = match stored {
        Stored::Duplicate { of, reason } => (Some(of.as_str()), Some(*reason)),
        _ => (None, None),
    };
    let authors = serde_json::to_string(&article.authors).unwrap_or_else(|_| "[]".into());
    let tags = serde_json::to_string(&article.tags).unwrap_or_else(|_| "[]".into());
    let text = |s: &Option<String>| s.as_deref().map(clean);
    sqlx::query(
        "INSERT INTO articles (url, canonical_url, title, authors, published_at, language, body, text_hash, \
         html_len, fetched_ms, source_host, duplicate_of, duplicate_reason, stored_ms, \
         modified_at, description, image_url, site_name, section, tags) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, \
         $15, $16, $17, $18, $19, $20)",
    )
    .bind(article.url.as_str())
    .bind(article.canonical_url.as_str())
    .bind(clean(&article.title))
    .bind(clean(&authors))
    .bind(text(&article.published_at))
    .bind(text(&article.language))
    .bind(clean(&article.text))
    .bind(hash)
    .bind(i64::try_from(article.html_len).unwrap_or(i64::MAX))
    .bind(article.fetched_at_ms)
    .bind(&article.source_host)
    .bind(duplicate_of)
    .bind(reason)
    .bind(now_ms())
    .bind(text(&article.modified_at))
    .bind(text(&article.description))
    .bind(text(&article.image))
    .bind(text(&article.site_name))
    .bind(text(&article.section))
    .bind(clean(&tags))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// PostgreSQL text cannot hold NUL; nothing of value is lost by dropping it.
fn clean(s: &str) -> String {
    s.replace('\0', "")
}
