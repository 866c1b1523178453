//! Database pools: PostgreSQL in distributed mode, SQLite embedded, one `Any` code path.

use std::time::Duration;

use anyhow::Context;
use sqlx::any::AnyPoolOptions;
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, Executor};

/// Which SQL dialect a pool speaks, for the few statements that differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// PostgreSQL.
    Postgres,
    /// SQLite.
    Sqlite,
}

impl Backend {
    /// The backend a database URL names.
    pub fn of(url: &str) -> anyhow::Result<Self> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Self::Postgres)
        } else if url.starts_with("sqlite:") {
            Ok(Self::Sqlite)
        } else {
            anyhow::bail!("unsupported database URL (expected postgres://... or sqlite:...)")
        }
    }
}

/// A pool and the dialect it speaks.
#[derive(Debug, Clone)]
pub struct Database {
    /// The pool.
    pub pool: AnyPool,
    /// Its dialect.
    pub backend: Backend,
}

/// Connects to `url`, creating a SQLite file if missing. SQLite gets WAL and a busy timeout so
/// the embedded roles can share one file.
pub async fn connect(url: &str, max_connections: u32) -> anyhow::Result<Database> {
    sqlx::any::install_default_drivers();
    let backend = Backend::of(url)?;
    let url = match backend {
        Backend::Sqlite if !url.contains("mode=") => {
            format!("{url}{}mode=rwc", if url.contains('?') { '&' } else { '?' })
        }
        _ => url.to_owned(),
    };
    let pool = AnyPoolOptions::new()
        .max_connections(max_connections)
        .acquire_timeout(Duration::from_secs(30))
        .after_connect(move |conn, _| {
            Box::pin(async move {
                if backend == Backend::Sqlite {
                    conn.execute("PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL").await?;
                }
                Ok(())
            })
        })
        .connect(&url)
        .await
        .with_context(|| format!("cannot connect to the {backend:?} database (set database.url / NEWSCRAWL_DATABASE__URL)"))?;
    Ok(Database { pool, backend })
}

/// Runs a role's migrations, recorded in the role's own table so roles sharing a database do not
/// see each other's migrations as unknown.
pub async fn migrate(
    db: &Database,
    mut migrator: Migrator,
    table: &'static str,
) -> anyhow::Result<()> {
    migrator.dangerous_set_table_name(table);
    migrator
        .run(&db.pool)
        .await
        .with_context(|| format!("running migrations recorded in {table}"))
}

/// `($1, $2), ($3, $4)`: the VALUES list of a multi-row insert with `rows` rows of `columns`
/// columns, in the `$N` placeholder style both PostgreSQL and SQLite accept.
pub fn placeholders(rows: usize, columns: usize) -> String {
    let mut sql = String::with_capacity(rows * columns * 5);
    for r in 0..rows {
        sql.push_str(if r == 0 { "(" } else { ", (" });
        for c in 0..columns {
            if c > 0 {
                sql.push_str(", ");
            }
            sql.push('$');
            sql.push_str(&(r * columns + c + 1).to_string());
        }
        sql.push(')');
    }
    sql
}

#[cfg(test)]
mod tests {
    #[test]
    fn placeholders_number_rows_then_columns() {
        assert_eq!(super::placeholders(2, 3), "($1, $2, $3), ($4, $5, $6)");
        assert_eq!(super::placeholders(1, 1), "($1)");
    }
}
