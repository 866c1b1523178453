//! The whole configuration: one section per role plus the transport and the database.

use std::time::Duration;

use newscrawl_broker::AmqpSettings;
use newscrawl_runtime::config::{Secret, millis};
use newscrawl_runtime::telemetry::LogFormat;
use newscrawl_scheduler::SchedulerConfig;
use newscrawl_sink::SinkConfig;
use newscrawl_worker::WorkerConfig;
use serde::Deserialize;

/// Everything `newscrawl` can be told, from defaults, a TOML file, `NEWSCRAWL_*` variables and
/// flags (later wins). See `deploy/newscrawl.example.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// RabbitMQ.
    pub broker: BrokerSettings,
    /// PostgreSQL (or SQLite).
    pub database: DatabaseSettings,
    /// The scheduler role.
    pub scheduler: SchedulerConfig,
    /// The worker role.
    pub worker: WorkerConfig,
    /// The sink role.
    pub sink: SinkConfig,
    /// Logging.
    pub log: LogSettings,
}

/// The message broker.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BrokerSettings {
    /// AMQP URL, e.g. `amqp://guest:guest@127.0.0.1:5672/%2f`.
    pub url: Secret,
    /// Prefix of every queue name.
    pub prefix: String,
    /// Deliveries after which a message is dead-lettered.
    pub delivery_limit: u32,
    /// How long a publish is retried through reconnects, in ms.
    #[serde(rename = "publish_timeout_ms", with = "millis")]
    pub publish_timeout: Duration,
    /// Capacity of each in-memory queue (embedded mode).
    pub memory_capacity: usize,
}

impl Default for BrokerSettings {
    fn default() -> Self {
        Self {
            url: Secret::new("amqp://guest:guest@127.0.0.1:5672/%2f"),
            prefix: "newscrawl".into(),
            delivery_limit: 10,
            publish_timeout: Duration::from_secs(60),
            memory_capacity: 10_000,
        }
    }
}

impl BrokerSettings {
    /// The AMQP connection settings.
    pub fn amqp(&self) -> AmqpSettings {
        AmqpSettings {
            url: self.url.expose().to_owned(),
            prefix: self.prefix.clone(),
            delivery_limit: self.delivery_limit,
            publish_timeout: self.publish_timeout,
        }
    }
}

/// The database.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DatabaseSettings {
    /// `postgres://user@host:port/db` (distributed) or `sqlite:FILE`.
    pub url: Secret,
    /// Pool size per role.
    pub max_connections: u32,
}

impl Default for DatabaseSettings {
    fn default() -> Self {
        Self {
            url: Secret::new("postgres://postgres@127.0.0.1:5432/newscrawl"),
            max_connections: 8,
        }
    }
}

/// Logging.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LogSettings {
    /// `text` or `json`.
    pub format: LogFormat,
}
