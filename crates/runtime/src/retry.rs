//! Waiting for a service that is not there yet.

use std::fmt::Display;
use std::future::Future;
use std::time::Duration;

use tokio_util::sync::CancellationToken;

/// First pause between attempts; it doubles up to `MAX_PAUSE`.
const FIRST_PAUSE: Duration = Duration::from_secs(1);
const MAX_PAUSE: Duration = Duration::from_secs(30);

/// Calls `attempt` until it succeeds, logging each failure with what was being reached and
/// pausing with back-off in between. Returns `None` if `shutdown` comes first.
pub async fn until_ok<T, E, F, Fut>(
    what: &str,
    shutdown: &CancellationToken,
    mut attempt: F,
) -> Option<T>
where
    E: Display,
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    let mut pause = FIRST_PAUSE;
    for n in 1u32.. {
        let result = tokio::select! {
            result = attempt() => result,
            () = shutdown.cancelled() => return None,
        };
        match result {
            Ok(value) => {
                if n > 1 {
                    tracing::info!(attempt = n, "{what} reachable again");
                }
                return Some(value);
            }
            Err(err) => {
                tracing::warn!(attempt = n, retry_in_ms = pause.as_millis() as u64, error = %err, "cannot reach {what}, will retry");
            }
        }
        tokio::select! {
            () = tokio::time::sleep(pause) => {}
            () = shutdown.cancelled() => return None,
        }
        pause = (pause * 2).min(MAX_PAUSE);
    }
    None
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicU32, Ordering};

    use super::*;

    #[tokio::test(start_paused = true)]
    async fn retries_with_back_off_until_it_works() {
        let calls = AtomicU32::new(0);
        let start = tokio::time::Instant::now();
        let value = until_ok("the test service", &CancellationToken::new(), || async {
            if calls.fetch_add(1, Ordering::SeqCst) < 3 {
                Err("refused")
            } else {
                Ok(7)
            }
        })
        .await;
        assert_eq!(value, Some(7));
        assert_eq!(calls.load(Ordering::SeqCst), 4);
        assert_eq!(
            start.elapsed(),
            Duration::from_secs(1 + 2 + 4),
            "paused 1 s, 2 s, 4 s"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn shutdown_ends_the_wait() {
        let stop = CancellationToken::new();
        let cancel = stop.clone();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_secs(5)).await;
            cancel.cancel();
        });
        let value: Option<()> = until_ok("nothing", &stop, || async { Err::<(), _>("down") }).await;
        assert_eq!(value, None);
    }
}
