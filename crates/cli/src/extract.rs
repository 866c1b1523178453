//! `newscrawl extract`: run the extractor on saved pages, for measuring it.

use std::io::{BufRead, Write};
use std::time::Instant;

use anyhow::Context;
use newscrawl_extract::{Page, PageKind, extract};
use url::Url;

/// Used when a page comes without its URL: links and canonical URLs resolve against it. Not the
/// root: a site's front page is never an article, and an unknown page is not known to be one.
const PLACEHOLDER_URL: &str = "http://unknown.invalid/unknown";

/// One page as a JSON object: the fields the scoring tools read, plus links and the timing.
fn record(page: &Page, elapsed_ms: f64) -> serde_json::Value {
    serde_json::json!({
        "kind": match page.kind { PageKind::Article => "article", PageKind::Listing => "listing", PageKind::Other => "other" },
        "title": page.title,
        "author": (!page.authors.is_empty()).then(|| page.authors.join(", ")),
        "authors": page.authors,
        "date": page.published_at,
        "modified": page.modified_at,
        "language": page.language,
        "description": page.description,
        "image": page.image.as_ref().map(Url::as_str),
        "site_name": page.site_name,
        "section": page.section,
        "tags": page.tags,
        "canonical_url": page.canonical_url.as_ref().map(Url::as_str),
        "text": page.text,
        "links": page.links.len(),
        "elapsed_ms": elapsed_ms,
    })
}

fn run_one(path: &str, url: Option<&str>) -> anyhow::Result<serde_json::Value> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {path}"))?;
    let url = Url::parse(url.filter(|u| !u.is_empty()).unwrap_or(PLACEHOLDER_URL))
        .with_context(|| format!("bad URL for {path}"))?;
    let start = Instant::now();
    let (html, _) = newscrawl_worker::decode_html(&bytes, None);
    let page = extract(&url, &html);
    Ok(record(&page, start.elapsed().as_secs_f64() * 1000.0))
}

/// Prints the page in `file` as one JSON object.
pub fn file(path: &str, url: Option<&str>) -> anyhow::Result<()> {
    println!("{}", run_one(path, url)?);
    Ok(())
}

/// Reads `PATH` or `PATH<TAB>URL` lines from stdin and prints one JSON line per page (with
/// `path`); a page that cannot be read gets an `error` field instead, and the rest go on.
pub fn batch() -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let (path, url) = match line.split_once('\t') {
            Some((p, u)) => (p, Some(u)),
            None => (line.as_str(), None),
        };
        let mut record = run_one(path, url)
            .unwrap_or_else(|err| serde_json::json!({ "error": format!("{err:#}"), "text": "" }));
        record["path"] = serde_json::Value::String(path.to_owned());
        serde_json::to_writer(&mut out, &record)?;
        out.write_all(b"\n")?;
        out.flush()?;
    }
    Ok(())
}
