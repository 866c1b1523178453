//! Logging through tracing.

use serde::Deserialize;
use tracing_subscriber::EnvFilter;

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    #[default]
    Text,
    /// One JSON object per line.
    Json,
}

/// What is logged unless `RUST_LOG` says otherwise: `info` and up, but of the HTML parser only
/// errors. Its warnings are notes on a page's broken markup ("foster parenting not
/// implemented", many per page of tag soup), which crawling the web meets all the time and which
/// would bury the crawl's own progress lines.
const DEFAULT_FILTER: &str = "info,html5ever=error";

/// Installs the global subscriber. `RUST_LOG` overrides `DEFAULT_FILTER`.
pub fn init(format: LogFormat) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    // A second init (e.g. tests in one process) keeps the first subscriber.
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
    };
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    #[test]
    fn the_default_filter_keeps_progress_and_drops_parser_warnings() {
        let lines = Arc::new(Mutex::new(Vec::<u8>::new()));
        let writer = {
            let lines = Arc::clone(&lines);
            move || SharedWriter(Arc::clone(&lines))
        };
        let subscriber = tracing_subscriber::fmt()
            .with_env_filter(EnvFilter::new(DEFAULT_FILTER))
            .with_writer(writer)
            .finish();
        tracing::subscriber::with_default(subscriber, || {
            tracing::warn!(target: "html5ever::tree_builder", "foster parenting not implemented");
            tracing::error!(target: "html5ever::tree_builder", "parser failure");
            tracing::info!(target: "newscrawl::worker", "article stored");
        });
        let lines = String::from_utf8(lines.lock().expect("not poisoned").clone()).expect("utf-8");
        assert!(lines.contains("article stored"), "{lines}");
        assert!(lines.contains("parser failure"), "{lines}");
        assert!(!lines.contains("foster parenting"), "{lines}");
    }

    struct SharedWriter(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for SharedWriter {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().expect("not poisoned").extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
}
