#![doc = include_str!("../README.md")]

mod canonical;
mod disposition;
mod message;
mod queue;

pub use canonical::{CanonicalUrl, UrlError};
pub use disposition::Disposition;
pub use message::{
    Article, CrawlJob, DecodeError, FetchErrorClass, FetchResult, JobKind, Outcome, SeedBatch,
    VERSION, decode, encode,
};
pub use queue::Queue;
