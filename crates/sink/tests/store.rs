//! One behaviour suite for the article store, run against SQLite and the real PostgreSQL.

use newscrawl_protocol::{Article, CanonicalUrl, VERSION};
use newscrawl_runtime::db::{self, Database};
use newscrawl_sink::{ArticleStore, Counts, Stored};
use newscrawl_testkit::services::TestDatabase;

fn article(url: &str, canonical: &str, text: &str) -> Article {
    Article {
        v: VERSION,
        url: CanonicalUrl::parse(url).expect("valid"),
        canonical_url: CanonicalUrl::parse(canonical).expect("valid"),
        title: "Title\0 with a NUL".into(),
        authors: vec!["A. Writer".into()],
        published_at: Some("2026-11-20T08:00:00Z".into()),
        language: Some("en".into()),
        modified_at: Some("2026-11-21T09:30:00Z".into()),
        description: Some("The storm, in short.".into()),
        image: Some("http://a.example/storm.jpg".into()),
        site_name: Some("The Example Times".into()),
        section: None,
        tags: vec!["weather".into(), "coast".into()],
        text: text.into(),
        html_len: 1234,
        fetched_at_ms: 1,
        source_host: "a.example".into(),
    }
}

async fn behaviour(db: Database) -> anyhow::Result<()> {
    let store = ArticleStore::open(db.clone()).await?;
    // Migrations are idempotent.
    let store2 = ArticleStore::open(db).await?;
    let a = article(
        "http://a.example/1",
        "http://a.example/1",
        "The storm closed the coast on Tuesday.",
    );
    assert_eq!(store.store(&a).await?, Stored::Original);
    assert_eq!(
        store2.store(&a).await?,
        Stored::AlreadyStored,
        "a redelivery changes nothing"
    );
    let print = article(
        "http://a.example/print/1",
        "http://a.example/1",
        "The storm closed the coast on Tuesday, print edition.",
    );
    assert_eq!(
        store.store(&print).await?,
        Stored::Duplicate {
            of: "http://a.example/1".into(),
            reason: "canonical_url"
        }
    );
    let copy = article(
        "http://b.example/x",
        "http://b.example/x",
        "the STORM closed the coast — on Tuesday",
    );
    assert_eq!(
        store.store(&copy).await?,
        Stored::Duplicate {
            of: "http://a.example/1".into(),
            reason: "text"
        }
    );
    let pointing = article(
        "http://c.example/y",
        "http://a.example/1",
        "Another text entirely.",
    );
    assert_eq!(
        store.store(&pointing).await?,
        Stored::Duplicate {
            of: "http://a.example/1".into(),
            reason: "canonical_url"
        }
    );
    let other = article(
        "http://a.example/2",
        "http://a.example/2",
        "A different story about the council.",
    );
    assert_eq!(store.store(&other).await?, Stored::Original);
    assert_eq!(
        store.counts().await?,
        Counts {
            originals: 2,
            duplicates: 3
        }
    );
    let exported = store.export().await?;
    assert_eq!(exported.len(), 5);
    let first = &exported[0];
    assert_eq!(first["url"], "http://a.example/1");
    assert_eq!(first["title"], "Title with a NUL");
    assert_eq!(first["authors"], serde_json::json!(["A. Writer"]));
    assert_eq!(first["modified_at"], "2026-11-21T09:30:00Z");
    assert_eq!(first["description"], "The storm, in short.");
    assert_eq!(first["image"], "http://a.example/storm.jpg");
    assert_eq!(first["site_name"], "The Example Times");
    assert!(first["section"].is_null());
    assert_eq!(first["tags"], serde_json::json!(["weather", "coast"]));
    assert!(first["duplicate_of"].is_null());
    assert_eq!(
        exported
            .iter()
            .filter(|r| r["duplicate_of"] == "http://a.example/1")
            .count(),
        3
    );
    Ok(())
}

#[tokio::test]
async fn article_store_on_sqlite() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let db = db::connect(
        &format!("sqlite://{}", dir.path().join("a.sqlite").display()),
        2,
    )
    .await?;
    behaviour(db).await
}

#[tokio::test]
async fn article_store_on_postgres() -> anyhow::Result<()> {
    let test_db = TestDatabase::create().await?;
    let db = db::connect(&test_db.url, 2).await?;
    behaviour(db.clone()).await?;
    db.pool.close().await;
    test_db.drop_db().await
}

#[tokio::test]
async fn concurrent_copies_leave_exactly_one_original() -> anyhow::Result<()> {
    let test_db = TestDatabase::create().await?;
    let db = db::connect(&test_db.url, 8).await?;
    let store = ArticleStore::open(db.clone()).await?;
    let stores = (0..8).map(|i| {
        let store = store.clone();
        tokio::spawn(async move {
            store
                .store(&article(
                    &format!("http://h{i}.example/copy"),
                    &format!("http://h{i}.example/copy"),
                    "Same words everywhere.",
                ))
                .await
        })
    });
    let mut originals = 0;
    for s in stores {
        if s.await?? == Stored::Original {
            originals += 1;
        }
    }
    assert_eq!(originals, 1);
    assert_eq!(
        store.counts().await?,
        Counts {
            originals: 1,
            duplicates: 7
        }
    );
    db.pool.close().await;
    test_db.drop_db().await
}
