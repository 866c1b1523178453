#![doc = include_str!("../README.md")]

mod amqp;
mod memory;

use std::time::Duration;

pub use amqp::{AmqpBroker, AmqpSettings};
pub use memory::MemoryBroker;
use newscrawl_protocol::{Disposition, Queue};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

/// Transport failures.
#[derive(Debug, thiserror::Error)]
pub enum BrokerError {
    /// The AMQP client reported an error.
    #[error("rabbitmq: {0}")]
    Amqp(#[from] lapin::Error),
    /// The broker refused a publish (publisher confirm nack) or never confirmed it.
    #[error("publish to {queue} not confirmed after {attempts} attempts: {last}")]
    NotConfirmed {
        /// Queue name.
        queue: String,
        /// Attempts made.
        attempts: u32,
        /// The last failure.
        last: String,
    },
    /// A queue could not be declared (most often: it exists with other arguments).
    #[error(
        "declaring queue {queue} failed (an existing queue with another delivery limit or type is refused; use the same settings or delete it): {source}"
    )]
    Declare {
        /// Queue name.
        queue: String,
        /// The broker's answer.
        source: lapin::Error,
    },
    /// The broker does not answer at all.
    #[error("rabbitmq unreachable at {0}")]
    Unreachable(String),
    /// The broker was closed.
    #[error("broker closed")]
    Closed,
}

/// Depth of a queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct QueueStats {
    /// Messages waiting for a consumer.
    pub ready: u64,
    /// Messages delivered but not yet settled, where the transport can tell.
    pub unacked: Option<u64>,
    /// Messages in the queue's dead-letter queue.
    pub dead: u64,
}

/// One transport, RabbitMQ or in-memory.
#[derive(Clone)]
pub enum Broker {
    /// RabbitMQ over lapin.
    Amqp(AmqpBroker),
    /// In-process queues.
    Memory(MemoryBroker),
}

impl Broker {
    /// Publishes a persistent message; returns once the broker has confirmed it.
    pub async fn publish(&self, queue: Queue, payload: &[u8]) -> Result<(), BrokerError> {
        match self {
            Broker::Amqp(b) => b.publish(queue, payload).await,
            Broker::Memory(b) => b.publish(queue, payload).await,
        }
    }

    /// Starts consuming `queue` with at most `prefetch` unsettled deliveries.
    pub async fn consume(&self, queue: Queue, prefetch: u16) -> Result<Consumer, BrokerError> {
        Ok(match self {
            Broker::Amqp(b) => Consumer::Amqp(Box::new(b.consume(queue, prefetch).await?)),
            Broker::Memory(b) => Consumer::Memory(b.consume(queue, prefetch)),
        })
    }

    /// How many messages wait in `queue` and its dead-letter queue.
    pub async fn stats(&self, queue: Queue) -> Result<QueueStats, BrokerError> {
        match self {
            Broker::Amqp(b) => b.stats(queue).await,
            Broker::Memory(b) => Ok(b.stats(queue)),
        }
    }

    /// Dead letters of `queue` counted by reason class (the first `limit` looked at).
    pub async fn dead_letter_reasons(
        &self,
        queue: Queue,
        limit: usize,
    ) -> Result<Vec<(String, u64)>, BrokerError> {
        match self {
            Broker::Amqp(b) => b.dead_letter_reasons(queue, limit).await,
            Broker::Memory(b) => Ok(b.dead_letter_reasons(queue, limit)),
        }
    }

    /// Closes the connection; unsettled deliveries go back to their queues.
    pub async fn close(&self) {
        match self {
            Broker::Amqp(b) => b.close().await,
            Broker::Memory(b) => b.close(),
        }
    }
}

/// A stream of deliveries from one queue.
pub enum Consumer {
    /// RabbitMQ consumer.
    Amqp(Box<amqp::AmqpConsumer>),
    /// In-memory consumer.
    Memory(memory::MemoryConsumer),
}

impl Consumer {
    /// The next delivery; `None` once the consumer is cancelled or the broker closed.
    pub async fn next(&mut self) -> Option<Delivery> {
        match self {
            Consumer::Amqp(c) => c.next().await,
            Consumer::Memory(c) => c.next().await,
        }
    }

    /// Stops new deliveries; the ones already handed out can still be settled.
    pub async fn cancel(&mut self) {
        match self {
            Consumer::Amqp(c) => c.cancel().await,
            Consumer::Memory(c) => c.cancel(),
        }
    }
}

/// One message handed to a consumer. Settle it with a `Disposition`; dropping it unsettled
/// returns it to the queue.
pub struct Delivery {
    /// The message body.
    pub payload: Vec<u8>,
    /// How many times the message was delivered before this time (0 on first delivery).
    pub redeliveries: u32,
    acker: Acker,
}

enum Acker {
    Amqp(lapin::Acker, std::sync::Arc<amqp::DeadLetterTo>),
    Memory(memory::MemoryAcker),
}

impl Delivery {
    /// Acks, requeues or dead-letters the delivery (see `dead_letter` to give a reason).
    pub async fn settle(self, disposition: Disposition) -> Result<(), BrokerError> {
        match disposition {
            Disposition::DeadLetter => self.dead_letter("rejected: no reason given").await,
            other => match self.acker {
                Acker::Amqp(acker, _) => amqp::settle(&acker, other).await,
                Acker::Memory(acker) => {
                    acker.settle(other, None);
                    Ok(())
                }
            },
        }
    }

    /// Moves the message to its queue's dead-letter queue with `reason` (`class: detail`)
    /// recorded beside it, for `status` to count.
    pub async fn dead_letter(self, reason: &str) -> Result<(), BrokerError> {
        match self.acker {
            Acker::Amqp(acker, to) => amqp::dead_letter(&acker, &to, &self.payload, reason).await,
            Acker::Memory(acker) => {
                acker.settle(Disposition::DeadLetter, Some(reason));
                Ok(())
            }
        }
    }
}

/// Back-off for retrying broker operations: 100 ms doubling to 5 s.
fn backoff(attempt: u32) -> Duration {
    Duration::from_millis(100u64.saturating_mul(1 << attempt.min(6))).min(Duration::from_secs(5))
}

/// How `Consumer::for_each_concurrent` paces itself.
pub struct Drive<'a> {
    /// Stops consuming when cancelled.
    pub shutdown: &'a CancellationToken,
    /// Interval of the progress callback.
    pub progress_every: Duration,
    /// How long handlers still running at shutdown may take; unfinished deliveries are dropped
    /// unsettled and so go back to the queue.
    pub grace: Duration,
    /// Role name for logs.
    pub role: &'static str,
}

impl Consumer {
    /// Runs `handle` on each delivery in a task of its own (the prefetch bounds how many run at
    /// once), calls `progress` periodically, and on shutdown stops consuming and waits for the
    /// running handlers within the grace period.
    pub async fn for_each_concurrent<F, Fut>(
        mut self,
        drive: Drive<'_>,
        mut progress: impl FnMut(),
        mut handle: F,
    ) where
        F: FnMut(Delivery) -> Fut,
        Fut: std::future::Future<Output = ()> + Send + 'static,
    {
        let tracker = TaskTracker::new();
        let mut ticker = tokio::time::interval(drive.progress_every);
        ticker.tick().await;
        loop {
            tokio::select! {
                biased;
                () = drive.shutdown.cancelled() => break,
                delivery = self.next() => {
                    let Some(delivery) = delivery else {
                        tracing::warn!(role = drive.role, "consumer closed");
                        break;
                    };
                    tracker.spawn(handle(delivery));
                }
                _ = ticker.tick() => progress(),
            }
        }
        self.cancel().await;
        tracker.close();
        if tokio::time::timeout(drive.grace, tracker.wait())
            .await
            .is_err()
        {
            tracing::warn!(
                role = drive.role,
                "grace period over; unfinished deliveries go back to the queue"
            );
        }
        progress();
    }
}
