//! The real `newscrawl` binary: seeding with bad lines, a worker killed mid-crawl, SIGTERM.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use newscrawl_broker::Broker;
use newscrawl_runtime::db::Database;
use newscrawl_testkit::process::ChildProcess;
use newscrawl_testkit::services::{TestDatabase, queue_prefix};
use newscrawl_testkit::web::FixtureWeb;
use tokio_util::sync::CancellationToken;

use crate::support::*;

fn spawn_roles(prefix: &str, db_url: &str, workers: usize, stop: &CancellationToken) -> Vec<Role> {
    let mut handles = vec![
        spawn_scheduler(prefix, db_url, stop),
        spawn_sink(prefix, db_url, stop),
    ];
    handles.extend((0..workers).map(|_| spawn_worker(prefix, stop)));
    handles
}

/// A news crawl on queues and a database of its own, seeds published, for a role to be killed in.
struct Crash {
    web: FixtureWeb,
    prefix: String,
    db: TestDatabase,
    broker: Broker,
    stop: CancellationToken,
}

impl Crash {
    async fn start(name: &str) -> anyhow::Result<Self> {
        let web = FixtureWeb::news().await?;
        let prefix = queue_prefix(name);
        let db = TestDatabase::create().await?;
        let broker = connect(&prefix).await?;
        publish_seeds(&broker, &web.seeds()).await?;
        Ok(Self {
            web,
            prefix,
            db,
            broker,
            stop: CancellationToken::new(),
        })
    }

    /// Waits for the crawl to complete, stops the in-process roles and checks the stored result
    /// is an undisturbed crawl's.
    async fn complete(&self, roles: Vec<Role>, pg: &Database) -> anyhow::Result<()> {
        wait_complete(pg, Duration::from_secs(90)).await?;
        self.stop.cancel();
        for role in roles {
            role.await??;
        }
        assert_news_crawl(&self.web, pg).await
    }

    async fn clean_up(self, pg: Database) -> anyhow::Result<()> {
        self.broker.close().await;
        pg.pool.close().await;
        delete_queues(&self.prefix).await?;
        self.db.drop_db().await
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_names_the_bad_lines_and_the_valid_ones_are_crawled() -> anyhow::Result<()> {
    let web = FixtureWeb::news().await?;
    let prefix = queue_prefix("seed");
    let db = TestDatabase::create().await?;
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("seeds.txt");
    let gazette = format!("{}/", web.bases[2]);
    std::fs::write(
        &file,
        format!("# seeds\n{gazette}\nnot a url\n\nftp://files.example/\n"),
    )?;
    let output = newscrawl(&prefix).arg("seed").arg(&file).output()?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(1),
        "non-zero exit for bad lines: {stderr}"
    );
    let shown = file.display();
    assert!(
        stderr.contains(&format!("{shown}:3: not a URL")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{shown}:5: unsupported scheme `ftp`")),
        "{stderr}"
    );
    assert!(stderr.contains("1 seed URLs published"), "{stderr}");
    let stop = CancellationToken::new();
    let handles = spawn_roles(&prefix, &db.url, 1, &stop);
    let pg = postgres(&db.url).await?;
    wait_complete(&pg, Duration::from_secs(60)).await?;
    stop.cancel();
    for h in handles {
        h.await??;
    }
    let stored: Vec<String> = articles(&pg).await?.into_iter().map(|(u, _)| u).collect();
    assert_eq!(
        stored,
        vec![
            format!("{}/a/one", web.bases[2]),
            format!("{}/a/two", web.bases[2])
        ]
    );
    pg.pool.close().await;
    delete_queues(&prefix).await?;
    db.drop_db().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_worker_killed_mid_crawl_loses_nothing() -> anyhow::Result<()> {
    let crash = Crash::start("kill").await?;
    // Only the doomed worker runs at first, so it certainly holds jobs when it dies.
    let mut doomed = ChildProcess::spawn(
        newscrawl(&crash.prefix)
            .args(["--allow-private", "--set", "worker.concurrency=8", "worker"])
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
    )?;
    let mut roles = spawn_roles(&crash.prefix, &crash.db.url, 0, &crash.stop);
    let deadline = Instant::now() + Duration::from_secs(30);
    while crash
        .web
        .requests()
        .iter()
        .filter(|r| r.path != "/robots.txt")
        .count()
        < 4
    {
        anyhow::ensure!(
            Instant::now() < deadline,
            "the doomed worker fetched nothing"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    doomed.kill()?; // SIGKILL: no ack, no goodbye
    roles.push(spawn_worker(&crash.prefix, &crash.stop));
    let pg = postgres(&crash.db.url).await?;
    crash.complete(roles, &pg).await?;
    crash.clean_up(pg).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_scheduler_killed_mid_crawl_and_started_again_continues_where_it_stood()
-> anyhow::Result<()> {
    let crash = Crash::start("killsched").await?;
    let scheduler = || {
        ChildProcess::spawn(
            newscrawl(&crash.prefix)
                .arg("--database-url")
                .arg(&crash.db.url)
                .args(["--set", "scheduler.delay_ms=200"])
                // A kill between writing a lease and publishing its job leaves the lease to
                // expire: keep that wait within the test's limit.
                .args(["--set", "scheduler.lease_timeout_ms=15000", "scheduler"])
                .stdout(Stdio::null())
                .stderr(Stdio::null()),
        )
    };
    let mut doomed = scheduler()?;
    let mut roles = vec![spawn_sink(&crash.prefix, &crash.db.url, &crash.stop)];
    roles.extend((0..2).map(|_| spawn_worker(&crash.prefix, &crash.stop)));
    let pg = postgres(&crash.db.url).await?;
    wait_for_articles(&pg, 3, "the doomed scheduler got nothing done").await?;
    doomed.kill()?; // SIGKILL: leases and unacked results left behind
    let stored = articles(&pg).await?.len();
    assert!(
        stored < crash.web.expected.articles.len(),
        "killed mid-crawl"
    );
    let _scheduler = scheduler()?;
    crash.complete(roles, &pg).await?;
    let again: Vec<_> = crash
        .web
        .request_counts()
        .into_iter()
        .filter(|((_, path), n)| *n > 1 && path != "/robots.txt")
        .collect();
    assert!(
        again.is_empty(),
        "pages fetched again after the restart: {again:?}"
    );
    crash.clean_up(pg).await
}

/// Waits (at most a minute) until `n` articles are stored.
async fn wait_for_articles(pg: &Database, n: usize, otherwise: &str) -> anyhow::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(60);
    while articles(pg).await.map(|a| a.len()).unwrap_or(0) < n {
        anyhow::ensure!(Instant::now() < deadline, "{otherwise}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sink_killed_mid_crawl_and_started_again_loses_nothing() -> anyhow::Result<()> {
    let crash = Crash::start("killsink").await?;
    let sink = || {
        ChildProcess::spawn(
            newscrawl(&crash.prefix)
                .arg("--database-url")
                .arg(&crash.db.url)
                .arg("sink")
                .stdout(Stdio::null())
                .stderr(Stdio::null()),
        )
    };
    let mut doomed = sink()?;
    let mut roles = vec![spawn_scheduler(&crash.prefix, &crash.db.url, &crash.stop)];
    roles.extend((0..2).map(|_| spawn_worker(&crash.prefix, &crash.stop)));
    let pg = postgres(&crash.db.url).await?;
    wait_for_articles(&pg, 2, "the doomed sink stored nothing").await?;
    doomed.kill()?; // SIGKILL mid-crawl
    let stored = articles(&pg).await?.len();
    assert!(
        stored < crash.web.expected.articles.len(),
        "killed mid-crawl"
    );
    let _sink = sink()?;
    crash.complete(roles, &pg).await?;
    crash.clean_up(pg).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_stops_the_embedded_crawl_cleanly_within_the_grace_period() -> anyhow::Result<()> {
    let web = FixtureWeb::news().await?;
    let dir = tempfile::tempdir()?;
    let seeds = dir.path().join("seeds.txt");
    std::fs::write(&seeds, web.seeds().join("\n"))?;
    let mut child = ChildProcess::spawn(
        Command::new(env!("CARGO_BIN_EXE_newscrawl"))
            .args([
                "--allow-private",
                "--set",
                "scheduler.delay_ms=500",
                "--set",
                "worker.grace_ms=5000",
                "crawl",
                "--seeds",
            ])
            .arg(&seeds)
            .arg("--db")
            .arg(dir.path().join("c.sqlite"))
            .stdout(Stdio::null())
            .stderr(Stdio::piped()),
    )?;
    let deadline = Instant::now() + Duration::from_secs(30);
    while web.requests().len() < 4 {
        anyhow::ensure!(Instant::now() < deadline, "the crawl never started");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let exit = child.terminate(Duration::from_secs(10))?;
    let mut stderr = String::new();
    std::io::Read::read_to_string(
        &mut child.inner().stderr.take().expect("piped"),
        &mut stderr,
    )?;
    assert!(exit.success(), "exit status {exit:?}; stderr:\n{stderr}");
    assert!(stderr.contains("shutdown requested"), "{stderr}");
    Ok(())
}

#[test]
fn extract_prints_json_for_a_file_and_for_a_batch() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let page = dir.path().join("page.html");
    let words = "The council said the river would be cleaned before the festival. ".repeat(10);
    std::fs::write(
        &page,
        format!(
            "<html lang=de><head><title>Flussreinigung</title><meta property=og:type content=article></head><body><article><h1>Flussreinigung</h1><p>{words}</p><a href=\"/next\">next</a></article></body></html>"
        ),
    )?;
    let out = Command::new(env!("CARGO_BIN_EXE_newscrawl"))
        .arg("extract")
        .arg(&page)
        .args(["--url", "http://news.example/a"])
        .output()?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let one: serde_json::Value = serde_json::from_slice(&out.stdout)?;
    assert_eq!(
        (
            one["kind"].as_str(),
            one["title"].as_str(),
            one["language"].as_str()
        ),
        (Some("article"), Some("Flussreinigung"), Some("de"))
    );
    assert!(
        one["text"]
            .as_str()
            .unwrap_or("")
            .starts_with("The council said")
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_newscrawl"))
        .args(["extract", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let input = format!(
        "{}\thttp://news.example/a\n{}\n",
        page.display(),
        dir.path().join("missing.html").display()
    );
    std::io::Write::write_all(&mut child.stdin.take().expect("piped"), input.as_bytes())?;
    let out = child.wait_with_output()?;
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)?
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    assert_eq!(lines.len(), 2, "one line per page, the bad one included");
    assert_eq!(lines[0]["title"], "Flussreinigung");
    assert!(lines[0]["elapsed_ms"].as_f64().is_some());
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap_or("")
            .contains("missing.html"),
        "{}",
        lines[1]
    );
    Ok(())
}

#[test]
fn a_role_without_its_broker_says_so_and_keeps_trying() -> anyhow::Result<()> {
    // Nothing listens on 127.0.0.1:1: every connection attempt is refused at once.
    let mut worker = ChildProcess::spawn(
        Command::new(env!("CARGO_BIN_EXE_newscrawl"))
            .args(["--amqp-url", "amqp://guest:guest@127.0.0.1:1/%2f", "worker"])
            .env_remove("RUST_LOG")
            .stdout(Stdio::null())
            .stderr(Stdio::piped()),
    )?;
    // First attempt at once, the second after 1 s: wait for both, then stop it.
    std::thread::sleep(Duration::from_millis(2500));
    let exit = worker.terminate(Duration::from_secs(10))?;
    let mut stderr = String::new();
    std::io::Read::read_to_string(
        &mut worker.inner().stderr.take().expect("piped"),
        &mut stderr,
    )?;
    assert!(
        exit.success(),
        "a stop while waiting is a clean exit: {exit:?}\n{stderr}"
    );
    assert!(
        stderr.matches("cannot reach RabbitMQ, will retry").count() >= 2,
        "{stderr}"
    );
    assert!(
        stderr.contains("127.0.0.1:1")
            || stderr.contains("Connection refused")
            || stderr.contains("refused"),
        "the cause is named: {stderr}"
    );
    Ok(())
}
