//! Sink settings.

use std::time::Duration;

use newscrawl_runtime::config::millis;
use serde::Deserialize;

/// Settings of the sink role.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SinkConfig {
    /// Articles stored at once (the broker prefetch).
    pub concurrency: u16,
    /// Interval of the progress log line, in ms.
    #[serde(rename = "progress_ms", with = "millis")]
    pub progress: Duration,
    /// How long articles being stored may take to finish after shutdown is requested, in ms.
    #[serde(rename = "grace_ms", with = "millis")]
    pub grace: Duration,
}

impl Default for SinkConfig {
    fn default() -> Self {
        Self {
            concurrency: 8,
            progress: Duration::from_secs(10),
            grace: Duration::from_secs(10),
        }
    }
}
