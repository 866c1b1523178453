//! Embedded mode: every role in one process, in-memory queues, SQLite.

use std::time::Duration;

use newscrawl_testkit::web::FixtureWeb;

use crate::support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_embedded_crawl_stores_every_article_once_and_stays_polite() -> anyhow::Result<()> {
    let web = FixtureWeb::news().await?;
    let crawl = crawl_embedded(&web).await?;
    let (db, db_path) = (&crawl.db, &crawl.db_path);
    wait_complete(db, Duration::ZERO).await?;
    assert_news_crawl(&web, db).await?;
    let counts = web.request_counts();
    assert!(
        counts.values().all(|n| *n == 1),
        "each path fetched once: {counts:?}"
    );
    status_and_export_report_the_crawl(db_path, web.expected.articles.len())
}

/// `status` and `export` of the real binary on the finished crawl's file.
fn status_and_export_report_the_crawl(db: &std::path::Path, articles: usize) -> anyhow::Result<()> {
    let run = |args: &[&str]| -> anyhow::Result<String> {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_newscrawl"))
            .args(args)
            .arg("--db")
            .arg(db)
            .output()?;
        anyhow::ensure!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Ok(String::from_utf8(out.stdout)?)
    };
    let status = run(&["status"])?;
    let line = |name: &str| {
        status
            .lines()
            .find(|l| l.trim_start().starts_with(name))
            .map(|l| l.split_whitespace().last().unwrap_or("").to_owned())
    };
    assert_eq!(
        line("article").as_deref(),
        Some(articles.to_string().as_str()),
        "{status}"
    );
    assert_eq!(line("disallowed").as_deref(), Some("2"), "{status}");
    assert_eq!(line("duplicates").as_deref(), Some("2"), "{status}");
    assert_eq!(
        line("stored").as_deref(),
        Some((articles - 2).to_string().as_str()),
        "{status}"
    );
    let export = run(&["export", "--format", "jsonl"])?;
    let records: Vec<serde_json::Value> = export
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    assert_eq!(records.len(), articles);
    for record in &records {
        for field in [
            "url",
            "canonical_url",
            "title",
            "authors",
            "published_at",
            "modified_at",
            "language",
            "description",
            "image",
            "site_name",
            "section",
            "tags",
            "text",
            "duplicate_of",
        ] {
            assert!(record.get(field).is_some(), "{field} missing in {record}");
        }
        assert!(
            !record["text"].as_str().unwrap_or("").contains("About "),
            "no author bio in the text: {record}"
        );
        assert!(record["site_name"].is_string(), "{record}");
        assert_eq!(record["tags"], serde_json::json!(["news"]), "{record}");
    }
    assert_eq!(
        records
            .iter()
            .filter(|r| !r["duplicate_of"].is_null())
            .count(),
        2
    );
    Ok(())
}
