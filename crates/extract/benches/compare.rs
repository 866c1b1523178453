//! Side by side: our extractor and the best Rust extractor crates on the same pages in the same
//! run, each scored with the development set's metric and timed on one core.
//!
//! `cargo bench -p newscrawl-extract --bench compare -- [DIR]` (default: the development set,
//! `../shared/fixtures/readability`). The metric follows `../shared/bin/extract-score`: word
//! tokens, 4-token shingles compared as multisets per page, precision and recall macro-averaged
//! over the pages (a page with an empty prediction counts for recall only), F1 their harmonic
//! mean. Pages whose expected body is empty (listings) are left out. Timing covers the
//! extraction call only, best of three rounds.

use std::collections::HashMap;
use std::time::{Duration, Instant};

mod common;

type Extractor = Box<dyn Fn(&str) -> String>;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (dir, _) = common::args();
    let mut cases = Vec::new();
    for (case, source) in common::sources(&dir)? {
        let Ok(expected) = std::fs::read_to_string(case.join("expected.html")) else {
            continue;
        };
        let truth: String = scraper::Html::parse_fragment(&expected)
            .root_element()
            .text()
            .collect();
        // A page without a body to extract (a listing) says nothing about body extraction.
        if truth.trim().is_empty() {
            continue;
        }
        cases.push((source, truth));
    }
    let url = url::Url::parse("http://bench.example/")?;
    let extractors: Vec<(&str, Extractor)> = vec![
        (
            "newscrawl",
            Box::new(move |html| newscrawl_extract::extract(&url, html).text),
        ),
        (
            "dom_smoothie",
            Box::new(|html| {
                dom_smoothie::Readability::new(html, Some("http://bench.example/"), None)
                    .and_then(|mut r| r.parse())
                    .map(|a| a.text_content.to_string())
                    .unwrap_or_default()
            }),
        ),
        (
            "rs-trafilatura",
            Box::new(|html| {
                rs_trafilatura::extract(html)
                    .map(|r| r.content_text)
                    .unwrap_or_default()
            }),
        ),
    ];
    println!(
        "{} pages from {}; F1 = token 4-shingle F1 against expected.html",
        cases.len(),
        dir.display()
    );
    println!(
        "{:<16}{:>7}{:>7}{:>7}{:>10}",
        "extractor", "P", "R", "F1", "pages/s"
    );
    for (name, extract) in &extractors {
        let mut outputs = Vec::new();
        let mut best = Duration::MAX;
        for round in 0..3 {
            let start = Instant::now();
            let texts: Vec<String> = cases.iter().map(|(html, _)| extract(html)).collect();
            best = best.min(start.elapsed());
            if round == 0 {
                outputs = texts;
            }
        }
        let (p, r) = score(&outputs, &cases);
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        println!(
            "{name:<16}{p:>7.3}{r:>7.3}{f1:>7.3}{:>10.1}",
            cases.len() as f64 / best.as_secs_f64()
        );
    }
    Ok(())
}

/// Macro-averaged shingle precision and recall.
fn score(outputs: &[String], cases: &[(String, String)]) -> (f64, f64) {
    let (mut precisions, mut recalls) = (Vec::new(), Vec::new());
    for (output, (_, truth)) in outputs.iter().zip(cases) {
        let (pred, want) = (shingles(output), shingles(truth));
        let mut tp = 0usize;
        for (shingle, n) in &pred {
            tp += (*n).min(want.get(shingle).copied().unwrap_or(0));
        }
        let (np, nt): (usize, usize) = (pred.values().sum(), want.values().sum());
        if np > 0 {
            precisions.push(tp as f64 / np as f64);
        }
        if nt > 0 {
            recalls.push(tp as f64 / nt as f64);
        }
    }
    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    (mean(&precisions), mean(&recalls))
}

/// Word tokens (runs of letters, digits and `_`) in 4-token windows; fewer than four tokens
/// make one shorter shingle.
fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut bag = HashMap::new();
    if words.is_empty() {
        return bag;
    }
    if words.len() < 4 {
        *bag.entry(words).or_default() += 1;
        return bag;
    }
    for window in words.windows(4) {
        *bag.entry(window.to_vec()).or_default() += 1;
    }
    bag
}
