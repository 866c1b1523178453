//! What a consumer does with a delivery.

/// The fate of a delivery. Every error that decides a message's fate maps to one of these by an
/// exhaustive `match`, so a new error variant forces a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disposition {
    /// Done (or nothing more can be done that redelivery would change): remove it.
    Ack,
    /// A transient failure: put it back for another try (bounded by the queue's delivery limit).
    Retry,
    /// It can never succeed (undecodable, wrong version): send it to the dead-letter queue.
    DeadLetter,
}
