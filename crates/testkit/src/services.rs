//! The real PostgreSQL and RabbitMQ, isolated per test.

use anyhow::Context;
use sqlx::Executor;

/// Admin connection for creating test databases.
pub const PG_ENV: &str = "NEWSCRAWL_TEST_PG_URL";
const PG_DEFAULT: &str = "postgres://postgres@127.0.0.1:5432/test";
/// The broker tests use.
pub const AMQP_ENV: &str = "NEWSCRAWL_TEST_AMQP_URL";
const AMQP_DEFAULT: &str = "amqp://guest:guest@127.0.0.1:5672/%2f";

/// The AMQP URL for tests.
pub fn amqp_url() -> String {
    std::env::var(AMQP_ENV).unwrap_or_else(|_| AMQP_DEFAULT.to_owned())
}

/// A unique queue prefix for one test.
pub fn queue_prefix(test: &str) -> String {
    format!("t.{test}.{:08x}", rand::random::<u32>())
}

/// A fresh, empty PostgreSQL database, dropped by `drop_db`.
pub struct TestDatabase {
    /// URL of the new database.
    pub url: String,
    name: String,
    admin: String,
}

impl TestDatabase {
    /// Creates `nc_<random>` on the test server.
    pub async fn create() -> anyhow::Result<Self> {
        let admin = std::env::var(PG_ENV).unwrap_or_else(|_| PG_DEFAULT.to_owned());
        let name = format!("nc_{:016x}", rand::random::<u64>());
        let conn = admin_pool(&admin).await?;
        conn.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .await
            .context("CREATE DATABASE")?;
        conn.close().await;
        let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
        Ok(Self {
            url: format!("{base}/{name}"),
            name,
            admin,
        })
    }

    /// Drops the database (connections to it are terminated).
    pub async fn drop_db(self) -> anyhow::Result<()> {
        let conn = admin_pool(&self.admin).await?;
        conn.execute(sqlx::AssertSqlSafe(format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        )))
        .await?;
        conn.close().await;
        Ok(())
    }
}

async fn admin_pool(admin: &str) -> anyhow::Result<sqlx::AnyPool> {
    sqlx::any::install_default_drivers();
    sqlx::any::AnyPoolOptions::new()
        .max_connections(1)
        .connect(admin)
        .await
        .with_context(|| {
            format!("PostgreSQL for tests is not reachable at {admin}: start it or set {PG_ENV}")
        })
}
