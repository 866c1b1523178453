//! Worker settings.

use std::time::Duration;

use newscrawl_runtime::config::millis;
use serde::Deserialize;

/// Settings of the worker role.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct WorkerConfig {
    /// Jobs handled at once (the broker prefetch).
    pub concurrency: u16,
    /// Where site owners can learn about the crawler; sent in the User-Agent.
    pub contact_url: String,
    /// TCP/TLS connect deadline, in ms.
    #[serde(rename = "connect_timeout_ms", with = "millis")]
    pub connect_timeout: Duration,
    /// Deadline for a whole fetch, headers and body, in ms.
    #[serde(rename = "total_timeout_ms", with = "millis")]
    pub total_timeout: Duration,
    /// Largest page body read (after decompression), in bytes.
    pub max_body_bytes: usize,
    /// Largest robots.txt read, in bytes (RFC 9309 asks for at least 500 KiB).
    pub max_robots_bytes: usize,
    /// Fetch private, loopback and link-local addresses too (tests and local demos only).
    pub allow_private: bool,
    /// Non-public networks (CIDR, e.g. `10.1.0.0/16`, `127.0.0.10/32`) fetched anyway: an
    /// allow-list for internal crawls and tests; everything else non-public stays refused.
    pub allow_addresses: Vec<ipnet::IpNet>,
    /// Interval of the progress log line, in ms.
    #[serde(rename = "progress_ms", with = "millis")]
    pub progress: Duration,
    /// How long in-flight jobs may take to finish after shutdown is requested, in ms.
    #[serde(rename = "grace_ms", with = "millis")]
    pub grace: Duration,
}

impl Default for WorkerConfig {
    fn default() -> Self {
        Self {
            concurrency: 32,
            contact_url: "https://github.com/newscrawl/newscrawl".into(),
            connect_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(30),
            max_body_bytes: 8 * 1024 * 1024,
            max_robots_bytes: 512 * 1024,
            allow_private: false,
            allow_addresses: Vec::new(),
            progress: Duration::from_secs(10),
            grace: Duration::from_secs(20),
        }
    }
}

impl WorkerConfig {
    /// The User-Agent header: product, version and contact.
    pub fn user_agent(&self) -> String {
        format!(
            "newscrawl/{} (+{})",
            env!("CARGO_PKG_VERSION"),
            self.contact_url
        )
    }
}
