//! In-process queues with the delivery semantics of the RabbitMQ wiring.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};

use newscrawl_protocol::{Disposition, Queue};
use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore};
use tokio_util::sync::CancellationToken;

use crate::{Acker, BrokerError, Delivery, QueueStats};

struct Message {
    payload: Vec<u8>,
    redeliveries: u32,
}

#[derive(Default)]
struct Contents {
    ready: VecDeque<Message>,
    unacked: u64,
    /// Dead letters with their reasons.
    dead: Vec<(Vec<u8>, String)>,
}

struct MemoryQueue {
    contents: Mutex<Contents>,
    /// Free places: publishing takes one, a final settle gives it back.
    space: Arc<Semaphore>,
    arrived: Notify,
}

impl MemoryQueue {
    fn lock(&self) -> MutexGuard<'_, Contents> {
        // A panic while holding this lock cannot leave the contents half-updated: every
        // critical section is a single push, pop or counter change.
        self.contents
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn push_front(&self, message: Message) {
        self.lock().ready.push_front(message);
        self.arrived.notify_one();
    }
}

/// Bounded in-memory queues, one per `Queue`.
#[derive(Clone)]
pub struct MemoryBroker {
    queues: Arc<HashMap<Queue, Arc<MemoryQueue>>>,
    delivery_limit: u32,
    closed: CancellationToken,
}

impl MemoryBroker {
    /// Queues holding at most `capacity` messages each (publishers wait for space).
    pub fn new(capacity: usize, delivery_limit: u32) -> Self {
        let queues = Queue::ALL
            .into_iter()
            .map(|q| {
                let queue = MemoryQueue {
                    contents: Mutex::default(),
                    space: Arc::new(Semaphore::new(capacity)),
                    arrived: Notify::new(),
                };
                (q, Arc::new(queue))
            })
            .collect();
        Self {
            queues: Arc::new(queues),
            delivery_limit,
            closed: CancellationToken::new(),
        }
    }

    fn queue(&self, queue: Queue) -> &Arc<MemoryQueue> {
        self.queues
            .get(&queue)
            .expect("every Queue has a memory queue")
    }

    pub(crate) async fn publish(&self, queue: Queue, payload: &[u8]) -> Result<(), BrokerError> {
        let q = self.queue(queue);
        let permit = tokio::select! {
            permit = q.space.acquire() => permit.map_err(|_| BrokerError::Closed)?,
            () = self.closed.cancelled() => return Err(BrokerError::Closed),
        };
        permit.forget();
        q.lock().ready.push_back(Message {
            payload: payload.to_vec(),
            redeliveries: 0,
        });
        q.arrived.notify_one();
        Ok(())
    }

    pub(crate) fn consume(&self, queue: Queue, prefetch: u16) -> MemoryConsumer {
        MemoryConsumer {
            queue: Arc::clone(self.queue(queue)),
            prefetch: Arc::new(Semaphore::new(usize::from(prefetch.max(1)))),
            delivery_limit: self.delivery_limit,
            stop: self.closed.child_token(),
        }
    }

    pub(crate) fn stats(&self, queue: Queue) -> QueueStats {
        let contents = self.queue(queue).lock();
        QueueStats {
            ready: contents.ready.len() as u64,
            unacked: Some(contents.unacked),
            dead: contents.dead.len() as u64,
        }
    }

    /// Messages dead-lettered from `queue` with their reasons, oldest first.
    pub fn dead_letters(&self, queue: Queue) -> Vec<(Vec<u8>, String)> {
        self.queue(queue).lock().dead.clone()
    }

    pub(crate) fn dead_letter_reasons(&self, queue: Queue, limit: usize) -> Vec<(String, u64)> {
        let mut counts = std::collections::BTreeMap::<String, u64>::new();
        for (_, reason) in self.queue(queue).lock().dead.iter().take(limit) {
            let class = reason.split_once(": ").map_or(reason.as_str(), |(c, _)| c);
            *counts.entry(class.to_owned()).or_default() += 1;
        }
        counts.into_iter().collect()
    }

    pub(crate) fn close(&self) {
        self.closed.cancel();
    }
}

/// A consumer of one in-memory queue.
pub struct MemoryConsumer {
    queue: Arc<MemoryQueue>,
    prefetch: Arc<Semaphore>,
    delivery_limit: u32,
    stop: CancellationToken,
}

impl MemoryConsumer {
    pub(crate) async fn next(&mut self) -> Option<Delivery> {
        let permit = tokio::select! {
            permit = Arc::clone(&self.prefetch).acquire_owned() => permit.ok()?,
            () = self.stop.cancelled() => return None,
        };
        loop {
            {
                let mut contents = self.queue.lock();
                if let Some(message) = contents.ready.pop_front() {
                    contents.unacked += 1;
                    let redeliveries = message.redeliveries;
                    let acker = MemoryAcker {
                        queue: Arc::clone(&self.queue),
                        message: Some(message),
                        delivery_limit: self.delivery_limit,
                        _prefetch: permit,
                    };
                    let payload = acker
                        .message
                        .as_ref()
                        .map(|m| m.payload.clone())
                        .unwrap_or_default();
                    return Some(Delivery {
                        payload,
                        redeliveries,
                        acker: Acker::Memory(acker),
                    });
                }
            }
            tokio::select! {
                () = self.queue.arrived.notified() => {}
                () = self.stop.cancelled() => return None,
            }
        }
    }

    pub(crate) fn cancel(&mut self) {
        self.stop.cancel();
    }
}

/// Settles one in-memory delivery; requeues it if dropped unsettled.
pub(crate) struct MemoryAcker {
    queue: Arc<MemoryQueue>,
    message: Option<Message>,
    delivery_limit: u32,
    _prefetch: OwnedSemaphorePermit,
}

impl MemoryAcker {
    pub(crate) fn settle(mut self, disposition: Disposition, reason: Option<&str>) {
        if let Some(message) = self.message.take() {
            self.finish(message, disposition, reason);
        }
    }

    fn finish(&self, mut message: Message, disposition: Disposition, reason: Option<&str>) {
        self.queue.lock().unacked -= 1;
        match disposition {
            Disposition::Ack => self.queue.space.add_permits(1),
            Disposition::Retry if message.redeliveries + 1 < self.delivery_limit => {
                message.redeliveries += 1;
                self.queue.push_front(message);
            }
            Disposition::Retry | Disposition::DeadLetter => {
                let reason = match (disposition, reason) {
                    (_, Some(reason)) => reason.to_owned(),
                    (Disposition::Retry, None) => "delivery_limit".to_owned(),
                    _ => "rejected".to_owned(),
                };
                self.queue.lock().dead.push((message.payload, reason));
                self.queue.space.add_permits(1);
            }
        }
    }
}

impl Drop for MemoryAcker {
    fn drop(&mut self) {
        if let Some(message) = self.message.take() {
            self.finish(message, Disposition::Retry, None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Broker;

    fn broker() -> Broker {
        Broker::Memory(MemoryBroker::new(4, 3))
    }

    #[tokio::test]
    async fn ack_removes_and_prefetch_limits() {
        let b = broker();
        for i in 0..3u8 {
            b.publish(Queue::Jobs, &[i]).await.expect("publish");
        }
        let mut c = b.consume(Queue::Jobs, 2).await.expect("consume");
        let d0 = c.next().await.expect("first");
        let _d1 = c.next().await.expect("second");
        // The third waits for a free prefetch slot.
        assert!(
            tokio::time::timeout(std::time::Duration::from_millis(50), c.next())
                .await
                .is_err()
        );
        d0.settle(Disposition::Ack).await.expect("ack");
        let d2 = c.next().await.expect("third after ack");
        assert_eq!(d2.payload, vec![2]);
        let stats = b.stats(Queue::Jobs).await.expect("stats");
        assert_eq!((stats.ready, stats.unacked), (0, Some(2)));
    }

    #[tokio::test]
    async fn dropped_delivery_is_redelivered_then_dead_lettered_at_the_limit() {
        let b = broker();
        b.publish(Queue::Results, b"x").await.expect("publish");
        let mut c = b.consume(Queue::Results, 1).await.expect("consume");
        let d = c.next().await.expect("delivered");
        assert_eq!(d.redeliveries, 0);
        drop(d);
        let d = c.next().await.expect("redelivered");
        assert_eq!(d.redeliveries, 1);
        d.settle(Disposition::Retry).await.expect("retry");
        let d = c.next().await.expect("redelivered again");
        d.settle(Disposition::Retry).await.expect("retry at limit");
        let stats = b.stats(Queue::Results).await.expect("stats");
        assert_eq!((stats.ready, stats.dead), (0, 1));
        let reasons = b
            .dead_letter_reasons(Queue::Results, 10)
            .await
            .expect("reasons");
        assert_eq!(reasons, [("delivery_limit".to_owned(), 1)]);
    }

    #[tokio::test]
    async fn dead_letter_goes_to_dead_queue_and_frees_space() {
        let b = MemoryBroker::new(1, 5);
        let broker = Broker::Memory(b.clone());
        broker
            .publish(Queue::Articles, b"poison")
            .await
            .expect("publish");
        let mut c = broker.consume(Queue::Articles, 1).await.expect("consume");
        c.next()
            .await
            .expect("delivered")
            .dead_letter("undecodable: not json")
            .await
            .expect("dlq");
        assert_eq!(
            b.dead_letters(Queue::Articles),
            vec![(b"poison".to_vec(), "undecodable: not json".to_owned())]
        );
        // Capacity 1: this would wait forever if the dead letter still held the place.
        tokio::time::timeout(
            std::time::Duration::from_secs(1),
            broker.publish(Queue::Articles, b"next"),
        )
        .await
        .expect("space was freed")
        .expect("publish");
    }

    #[tokio::test]
    async fn close_ends_consumers() {
        let b = broker();
        let mut c = b.consume(Queue::Seeds, 1).await.expect("consume");
        b.close().await;
        assert!(c.next().await.is_none());
    }
}
