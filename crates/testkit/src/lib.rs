#![doc = include_str!("../README.md")]

pub mod crawl;
pub mod process;
pub mod services;
pub mod web;
