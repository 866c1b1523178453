//! Queue names. Each is prefixed so several crawls (or tests) can share one broker.

/// The queues the roles talk over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Queue {
    /// `SeedBatch`: `newscrawl seed` → scheduler.
    Seeds,
    /// `CrawlJob`: scheduler → workers.
    Jobs,
    /// `FetchResult`: workers → scheduler.
    Results,
    /// `Article`: workers → sink.
    Articles,
}

impl Queue {
    /// Every queue, for declaring the topology.
    pub const ALL: [Queue; 4] = [Queue::Seeds, Queue::Jobs, Queue::Results, Queue::Articles];

    /// The unprefixed name.
    pub fn suffix(self) -> &'static str {
        match self {
            Queue::Seeds => "seeds",
            Queue::Jobs => "jobs",
            Queue::Results => "results",
            Queue::Articles => "articles",
        }
    }

    /// The queue's name under `prefix`, e.g. `newscrawl.jobs`.
    pub fn name(self, prefix: &str) -> String {
        format!("{prefix}.{}", self.suffix())
    }

    /// Where messages of this queue go when they are rejected or exceed the delivery limit.
    pub fn dead_letter_name(self, prefix: &str) -> String {
        format!("{prefix}.{}.dead", self.suffix())
    }
}
