//! RabbitMQ over lapin: quorum queues, publisher confirms, manual acks.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use lapin::options::{
    BasicAckOptions, BasicCancelOptions, BasicConsumeOptions, BasicGetOptions, BasicNackOptions,
    BasicPublishOptions, BasicQosOptions, BasicRejectOptions, ConfirmSelectOptions,
    QueueDeclareOptions, QueueDeleteOptions,
};
use lapin::types::{AMQPValue, FieldTable, ShortString};
use lapin::{BasicProperties, Channel, Confirmation, Connection, ConnectionProperties};
use newscrawl_protocol::{Disposition, Queue};

use crate::{Acker, BrokerError, Delivery, QueueStats, backoff};

/// The header a role's reason for dead-lettering a message travels in.
const REASON_HEADER: &str = "x-newscrawl-reason";

/// Dead-letter queues are read (peeked) by `status`, which returns what it read; a quorum
/// queue counts those as deliveries, and RabbitMQ 4 drops a message after 20 by default.
const DEAD_LETTER_DELIVERY_LIMIT: i64 = 2_000_000_000;

/// How to reach RabbitMQ and name the queues.
#[derive(Clone)]
pub struct AmqpSettings {
    /// `amqp://user:pass@host:port/vhost`. Kept out of Debug output.
    pub url: String,
    /// Queue name prefix, so crawls (and tests) can share a broker.
    pub prefix: String,
    /// Deliveries after which a message goes to the dead-letter queue.
    pub delivery_limit: u32,
    /// How long a publish is retried (through reconnects) before it fails.
    pub publish_timeout: Duration,
}

impl fmt::Debug for AmqpSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AmqpSettings")
            .field("url", &"<redacted>")
            .field("prefix", &self.prefix)
            .field("delivery_limit", &self.delivery_limit)
            .field("publish_timeout", &self.publish_timeout)
            .finish()
    }
}

/// A RabbitMQ connection with one confirming publish channel.
#[derive(Clone)]
pub struct AmqpBroker {
    connection: Arc<Connection>,
    publisher: Channel,
    settings: AmqpSettings,
}

impl AmqpBroker {
    /// Connects (with automatic recovery) and declares the topology.
    pub async fn connect(settings: AmqpSettings) -> Result<Self, BrokerError> {
        probe(&settings.url).await?;
        let connection = Connection::connect(
            &settings.url,
            ConnectionProperties::default().enable_auto_recover(),
        )
        .await?;
        let publisher = connection.create_channel().await?;
        publisher
            .confirm_select(ConfirmSelectOptions::default())
            .await?;
        let broker = Self {
            connection: Arc::new(connection),
            publisher,
            settings,
        };
        broker.declare_topology().await?;
        Ok(broker)
    }

    /// Declares every queue and its dead-letter queue. Idempotent: the arguments never change
    /// for a given prefix and delivery limit.
    async fn declare_topology(&self) -> Result<(), BrokerError> {
        let prefix = &self.settings.prefix;
        for queue in Queue::ALL {
            let dead = queue.dead_letter_name(prefix);
            self.publisher
                .queue_declare(
                    dead.as_str().into(),
                    QueueDeclareOptions::durable(),
                    dead_letter_args(),
                )
                .await
                .map_err(|source| BrokerError::Declare {
                    queue: dead.clone(),
                    source,
                })?;
            let mut args = quorum_args();
            args.insert(
                "x-delivery-limit".into(),
                AMQPValue::LongLongInt(self.settings.delivery_limit.into()),
            );
            args.insert(
                "x-dead-letter-exchange".into(),
                AMQPValue::LongString("".into()),
            );
            args.insert(
                "x-dead-letter-routing-key".into(),
                AMQPValue::LongString(dead.as_str().into()),
            );
            let name = queue.name(prefix);
            self.publisher
                .queue_declare(name.as_str().into(), QueueDeclareOptions::durable(), args)
                .await
                .map_err(|source| BrokerError::Declare {
                    queue: name.clone(),
                    source,
                })?;
        }
        Ok(())
    }

    /// Deletes every queue of this prefix (tests clean up with it).
    pub async fn delete_topology(&self) -> Result<(), BrokerError> {
        let prefix = &self.settings.prefix;
        for queue in Queue::ALL {
            for name in [queue.name(prefix), queue.dead_letter_name(prefix)] {
                self.publisher
                    .queue_delete(name.as_str().into(), QueueDeleteOptions::default())
                    .await?;
            }
        }
        Ok(())
    }

    pub(crate) async fn publish(&self, queue: Queue, payload: &[u8]) -> Result<(), BrokerError> {
        let name: ShortString = queue.name(&self.settings.prefix).into();
        self.publish_to(name, payload, FieldTable::default()).await
    }

    /// Publishes to a queue by name, retrying until confirmed or `publish_timeout`.
    async fn publish_to(
        &self,
        name: ShortString,
        payload: &[u8],
        headers: FieldTable,
    ) -> Result<(), BrokerError> {
        let deadline = Instant::now() + self.settings.publish_timeout;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let last = match self.publish_once(name.clone(), payload, &headers).await {
                Ok(Confirmation::Ack(_)) => return Ok(()),
                Ok(other) => format!("broker answered {other:?}"),
                Err(err) => err.to_string(),
            };
            if Instant::now() >= deadline {
                return Err(BrokerError::NotConfirmed {
                    queue: name.to_string(),
                    attempts: attempt,
                    last,
                });
            }
            tracing::warn!(queue = %name, attempt, error = %last, "publish not confirmed, will retry");
            tokio::time::sleep(backoff(attempt)).await;
        }
    }

    async fn publish_once(
        &self,
        queue: ShortString,
        payload: &[u8],
        headers: &FieldTable,
    ) -> Result<Confirmation, lapin::Error> {
        let properties = BasicProperties::default()
            .with_delivery_mode(2)
            .with_content_type("application/json".into())
            .with_headers(headers.clone());
        self.publisher
            .basic_publish(
                "".into(),
                queue,
                BasicPublishOptions::default(),
                payload,
                properties,
            )
            .await?
            .await
    }

    pub(crate) async fn consume(
        &self,
        queue: Queue,
        prefetch: u16,
    ) -> Result<AmqpConsumer, BrokerError> {
        let channel = self.connection.create_channel().await?;
        channel
            .basic_qos(prefetch, BasicQosOptions::default())
            .await?;
        let consumer = channel
            .basic_consume(
                queue.name(&self.settings.prefix).as_str().into(),
                "".into(),
                BasicConsumeOptions::default(),
                FieldTable::default(),
            )
            .await?;
        let dead = Arc::new(DeadLetterTo {
            broker: self.clone(),
            queue,
        });
        Ok(AmqpConsumer {
            channel,
            consumer,
            dead,
        })
    }

    /// Counts the messages in `queue`'s dead-letter queue by reason class, reading at most
    /// `limit` of them. The messages are only looked at: closing the channel returns them.
    pub(crate) async fn dead_letter_reasons(
        &self,
        queue: Queue,
        limit: usize,
    ) -> Result<Vec<(String, u64)>, BrokerError> {
        let name = queue.dead_letter_name(&self.settings.prefix);
        let channel = self.connection.create_channel().await?;
        let mut counts = std::collections::BTreeMap::<String, u64>::new();
        for _ in 0..limit {
            let got = channel
                .basic_get(name.as_str().into(), BasicGetOptions { no_ack: false })
                .await?;
            let Some(message) = got else { break };
            *counts
                .entry(reason_class(&message.delivery.properties))
                .or_default() += 1;
        }
        let _ = channel.close(200, "OK".into()).await;
        Ok(counts.into_iter().collect())
    }

    pub(crate) async fn stats(&self, queue: Queue) -> Result<QueueStats, BrokerError> {
        let prefix = &self.settings.prefix;
        let passive = QueueDeclareOptions::durable().passive();
        // A passive declare that fails closes its channel: use a throwaway one.
        let channel = self.connection.create_channel().await?;
        let main = channel
            .queue_declare(
                queue.name(prefix).as_str().into(),
                passive,
                FieldTable::default(),
            )
            .await?;
        let dead = channel
            .queue_declare(
                queue.dead_letter_name(prefix).as_str().into(),
                passive,
                FieldTable::default(),
            )
            .await?;
        let _ = channel.close(200, "OK".into()).await;
        Ok(QueueStats {
            ready: main.message_count().into(),
            unacked: None,
            dead: dead.message_count().into(),
        })
    }

    pub(crate) async fn close(&self) {
        if let Err(err) = self.connection.close(200, "OK".into()).await {
            tracing::debug!(error = %err, "closing the rabbitmq connection");
        }
    }
}

/// Lapin's automatic recovery also retries the first TCP connection for minutes without a word;
/// a plain connect first makes an absent broker an immediate, named error.
async fn probe(url: &str) -> Result<(), BrokerError> {
    let uri: lapin::uri::AMQPUri = url
        .parse()
        .map_err(|e: String| BrokerError::Unreachable(format!("invalid AMQP URL: {e}")))?;
    let address = format!("{}:{}", uri.authority.host, uri.authority.port);
    match tokio::time::timeout(
        Duration::from_secs(10),
        tokio::net::TcpStream::connect(&address),
    )
    .await
    {
        Ok(Ok(_)) => Ok(()),
        Ok(Err(err)) => Err(BrokerError::Unreachable(format!("{address}: {err}"))),
        Err(_) => Err(BrokerError::Unreachable(format!(
            "{address}: no answer within 10 s"
        ))),
    }
}

fn dead_letter_args() -> FieldTable {
    let mut args = quorum_args();
    args.insert(
        "x-delivery-limit".into(),
        AMQPValue::LongLongInt(DEAD_LETTER_DELIVERY_LIMIT),
    );
    args
}

fn quorum_args() -> FieldTable {
    let mut args = FieldTable::default();
    args.insert(
        "x-queue-type".into(),
        AMQPValue::LongString("quorum".into()),
    );
    args
}

/// The class of a dead letter's reason: the role's (`undecodable`, ...) from our header, or
/// the broker's own from `x-death` (`delivery_limit`, `rejected`).
fn reason_class(properties: &BasicProperties) -> String {
    let headers = properties.headers().as_ref().map(FieldTable::inner);
    let ours = headers
        .and_then(|h| h.get(REASON_HEADER))
        .and_then(|v| match v {
            AMQPValue::LongString(s) => Some(s.to_string()),
            _ => None,
        });
    let broker = || {
        let deaths = match headers?.get("x-death")? {
            AMQPValue::FieldArray(deaths) => deaths,
            _ => return None,
        };
        match deaths.as_slice().first()? {
            AMQPValue::FieldTable(death) => match death.inner().get("reason")? {
                AMQPValue::LongString(s) => Some(s.to_string()),
                _ => None,
            },
            _ => None,
        }
    };
    let reason = ours.or_else(broker).unwrap_or_else(|| "unknown".into());
    reason
        .split_once(": ")
        .map_or(reason.as_str(), |(class, _)| class)
        .to_owned()
}

/// Where a consumer's dead letters go.
pub(crate) struct DeadLetterTo {
    broker: AmqpBroker,
    queue: Queue,
}

/// A RabbitMQ consumer on its own channel.
pub struct AmqpConsumer {
    channel: Channel,
    consumer: lapin::Consumer,
    dead: Arc<DeadLetterTo>,
}

impl AmqpConsumer {
    pub(crate) async fn next(&mut self) -> Option<Delivery> {
        loop {
            match self.consumer.next().await? {
                Ok(delivery) => {
                    let redeliveries =
                        delivery_count(&delivery.properties).max(u32::from(delivery.redelivered));
                    return Some(Delivery {
                        payload: delivery.data,
                        redeliveries,
                        acker: Acker::Amqp(delivery.acker, Arc::clone(&self.dead)),
                    });
                }
                // With automatic recovery the stream carries on after a connection error.
                Err(err) => tracing::warn!(error = %err, "consumer error"),
            }
        }
    }

    pub(crate) async fn cancel(&mut self) {
        let tag = self.consumer.tag();
        if let Err(err) = self
            .channel
            .basic_cancel(tag, BasicCancelOptions::default())
            .await
        {
            tracing::debug!(error = %err, "cancelling a consumer");
        }
    }
}

/// Quorum queues count deliveries in the `x-delivery-count` header.
fn delivery_count(properties: &BasicProperties) -> u32 {
    let value = properties
        .headers()
        .as_ref()
        .and_then(|h| h.inner().get("x-delivery-count").cloned());
    match value {
        Some(AMQPValue::LongLongInt(n)) => u32::try_from(n).unwrap_or(u32::MAX),
        Some(AMQPValue::LongInt(n)) => u32::try_from(n).unwrap_or(u32::MAX),
        Some(AMQPValue::LongUInt(n)) => n,
        _ => 0,
    }
}

/// Publishes the message to its dead-letter queue with the reason, then acks it. If the
/// publish is never confirmed, the broker's own dead-lettering takes it (without our reason).
pub(crate) async fn dead_letter(
    acker: &lapin::Acker,
    to: &DeadLetterTo,
    payload: &[u8],
    reason: &str,
) -> Result<(), BrokerError> {
    let mut headers = FieldTable::default();
    headers.insert(REASON_HEADER.into(), AMQPValue::LongString(reason.into()));
    let name = to.queue.dead_letter_name(&to.broker.settings.prefix);
    match to
        .broker
        .publish_to(name.as_str().into(), payload, headers)
        .await
    {
        Ok(()) => {
            acker.ack(BasicAckOptions::default()).await?;
        }
        Err(err) => {
            tracing::warn!(queue = %name, error = %err, "dead letter not confirmed; rejecting it to the broker's dead-lettering");
            acker.reject(BasicRejectOptions { requeue: false }).await?;
        }
    }
    Ok(())
}

pub(crate) async fn settle(
    acker: &lapin::Acker,
    disposition: Disposition,
) -> Result<(), BrokerError> {
    match disposition {
        Disposition::Ack => acker.ack(BasicAckOptions::default()).await?,
        Disposition::Retry => {
            acker
                .nack(BasicNackOptions {
                    requeue: true,
                    ..Default::default()
                })
                .await?
        }
        Disposition::DeadLetter => acker.reject(BasicRejectOptions { requeue: false }).await?,
    };
    Ok(())
}
