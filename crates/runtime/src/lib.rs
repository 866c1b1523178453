#![doc = include_str!("../README.md")]

pub mod clock;
pub mod config;
pub mod db;
pub mod retry;
pub mod shutdown;
pub mod telemetry;
