//! Extraction speed on one core, beside the cost of the bare parse.
//!
//! `cargo bench -p newscrawl-extract --bench speed -- [DIR] [ROUNDS]` reads every
//! `DIR/*/source.html` (default: the development set, `../shared/fixtures/readability`) into
//! memory, then times `scraper::Html::parse_document` alone and the full `extract` over all
//! pages, `ROUNDS` times each (default 5), and prints the best round of each as pages/s and
//! MB/s. Single-threaded; file reading and decoding are not timed.

use std::time::{Duration, Instant};

mod common;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (dir, rest) = common::args();
    let rounds: usize = rest.first().and_then(|r| r.parse().ok()).unwrap_or(5);
    let pages: Vec<String> = common::sources(&dir)?
        .into_iter()
        .map(|(_, source)| source)
        .collect();
    let bytes: usize = pages.iter().map(String::len).sum();
    let url = url::Url::parse("http://bench.example/")?;
    let best = |f: &dyn Fn(&str)| -> Duration {
        (0..rounds)
            .map(|_| {
                let start = Instant::now();
                for page in &pages {
                    f(page);
                }
                start.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    let parse = best(&|html| {
        std::hint::black_box(scraper::Html::parse_document(html));
    });
    let full = best(&|html| {
        std::hint::black_box(newscrawl_extract::extract(&url, html));
    });
    println!(
        "{} pages, {:.1} MB, best of {rounds} rounds, one thread",
        pages.len(),
        bytes as f64 / 1e6
    );
    for (what, took) in [("parse only", parse), ("extract", full)] {
        let secs = took.as_secs_f64();
        println!(
            "{what:<12} {:>8.1} pages/s {:>7.1} MB/s  ({:.1} ms per page)",
            pages.len() as f64 / secs,
            bytes as f64 / 1e6 / secs,
            secs * 1000.0 / pages.len() as f64
        );
    }
    println!(
        "extract / parse: {:.2}x",
        full.as_secs_f64() / parse.as_secs_f64()
    );
    Ok(())
}
