//! The address guard end to end, on loopback only: links, redirects and a name that resolves
//! to loopback are refused unless allowed, and the refused hosts see no request at all.

use std::collections::BTreeSet;

use newscrawl_testkit::web::FixtureWeb;
use sqlx::Row;

use crate::support::*;

/// The seeds: every host's home, host 2 by the name `localhost`.
fn seeds(web: &FixtureWeb) -> Vec<String> {
    let mut seeds = web.seeds();
    seeds[2] = seeds[2].replace("127.0.0.1", "localhost");
    seeds
}

fn ip(base: &str) -> &str {
    base.trim_start_matches("http://")
        .rsplit_once(':')
        .map_or(base, |(ip, _)| ip)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn private_targets_are_refused_unfetched_unless_allowed() -> anyhow::Result<()> {
    let web = FixtureWeb::ssrf().await?;
    let (a, b) = (&web.bases[0], &web.bases[1]);
    let by_name = web.bases[2].replace("127.0.0.1", "localhost");

    // Refused by default; only the crawled site itself is on the allow-list.
    let crawl = crawl_embedded_with(&seeds(&web), |s| {
        s.worker.allow_private = false;
        s.worker.allow_addresses = vec![format!("{}/32", ip(a)).parse().expect("net")];
    })
    .await?;
    let stored: BTreeSet<String> = articles(&crawl.db)
        .await?
        .into_iter()
        .map(|(u, _)| u)
        .collect();
    assert_eq!(stored, web.expected.articles);
    let touched: Vec<_> = web
        .requests()
        .into_iter()
        .filter(|r| r.host != ip(a))
        .collect();
    assert!(
        touched.is_empty(),
        "refused hosts were contacted: {touched:?}"
    );
    let refused = [
        format!("{b}/"),
        format!("{b}/secret"),
        format!("{b}/internal"),
        format!("{by_name}/"),
        format!("{by_name}/admin"),
    ];
    for url in &refused {
        let row = sqlx::query("SELECT state, reason FROM frontier_urls WHERE url = $1")
            .bind(url)
            .fetch_one(&crawl.db.pool)
            .await?;
        let (state, reason): (String, String) = (row.try_get(0)?, row.try_get(1)?);
        assert_eq!(state, "failed", "{url}: {reason}");
        assert!(reason.starts_with("refused: address"), "{url}: {reason}");
    }
    let go: String = sqlx::query("SELECT state FROM frontier_urls WHERE url = $1")
        .bind(format!("{a}/go"))
        .fetch_one(&crawl.db.pool)
        .await?
        .try_get(0)?;
    assert_eq!(go, "redirect");

    // Followed when allowed.
    let before = web.requests().len();
    let crawl = crawl_embedded_with(&seeds(&web), |s| s.worker.allow_private = true).await?;
    let stored: BTreeSet<String> = articles(&crawl.db)
        .await?
        .into_iter()
        .map(|(u, _)| u)
        .collect();
    let want: BTreeSet<String> = [
        format!("{a}/ok"),
        format!("{b}/secret"),
        format!("{b}/internal"),
        format!("{by_name}/admin"),
    ]
    .into_iter()
    .collect();
    assert_eq!(stored, want);
    let after: Vec<_> = web.requests().split_off(before);
    for (host, path) in [
        (ip(b), "/secret"),
        (ip(b), "/internal"),
        ("127.0.0.1", "/admin"),
    ] {
        assert!(
            after.iter().any(|r| r.host == host && r.path == path),
            "{host}{path} not requested"
        );
    }
    Ok(())
}
