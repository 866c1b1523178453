//! End-to-end crawl throughput: a generated fixture web of many hosts crawled through the real
//! RabbitMQ and PostgreSQL (each role a process of the real binary), then the same web through
//! the embedded mode. Politeness delay 0, at most one request in flight per host.
//!
//! `cargo bench --bench pipeline -- [HOSTS] [WORKER_PROCESSES] [distributed|embedded]`
//! (defaults: 100 hosts, 2 workers, both modes).

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use newscrawl_broker::{AmqpBroker, AmqpSettings, Broker};
use newscrawl_protocol::{CanonicalUrl, Queue, SeedBatch, VERSION, encode};
use newscrawl_testkit::process::{ChildProcess, Usage, cpu_of_processes};
use newscrawl_testkit::services::{self, TestDatabase, queue_prefix};
use newscrawl_testkit::web::FixtureWeb;

const SECTIONS: usize = 3;
const PER_SECTION: usize = 10;
const LIMIT: Duration = Duration::from_secs(600);

fn main() -> anyhow::Result<()> {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let hosts = args.first().copied().unwrap_or(100);
    let workers = args.get(1).copied().unwrap_or(2);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()?;
    runtime.block_on(async {
        println!("fixture web: {hosts} hosts x (robots + home + {SECTIONS} sections + {} articles), delay 0, 1 in flight per host", SECTIONS * PER_SECTION);
        let only = std::env::args().skip(1).find(|a| a == "distributed" || a == "embedded");
        if only.as_deref() != Some("embedded") {
            distributed(hosts, workers).await?;
        }
        if only.as_deref() != Some("distributed") {
            embedded(hosts).await?;
        }
        Ok(())
    })
}

fn role(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newscrawl"));
    cmd.args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .env_remove("RUST_LOG");
    cmd
}

fn common(prefix: &str, db: &str) -> Vec<String> {
    [
        "--allow-private".to_owned(),
        "--amqp-url".to_owned(),
        services::amqp_url(),
        "--database-url".to_owned(),
        db.to_owned(),
        "--set".to_owned(),
        format!("broker.prefix=\"{prefix}\""),
        "--set".to_owned(),
        "scheduler.delay_ms=0".to_owned(),
        "--set".to_owned(),
        "scheduler.max_inflight_per_host=1".to_owned(),
        "--set".to_owned(),
        "worker.concurrency=64".to_owned(),
    ]
    .to_vec()
}

async fn distributed(hosts: usize, workers: usize) -> anyhow::Result<()> {
    let web = FixtureWeb::generated(hosts, SECTIONS, PER_SECTION).await?;
    let db = TestDatabase::create().await?;
    let prefix = queue_prefix("bench");
    let args = common(&prefix, &db.url);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut roles: Vec<(String, ChildProcess)> = Vec::new();
    for name in ["scheduler", "sink"] {
        roles.push((name.to_owned(), ChildProcess::spawn(role(&args).arg(name))?));
    }
    for i in 0..workers {
        roles.push((
            format!("worker {}", i + 1),
            ChildProcess::spawn(role(&args).arg("worker"))?,
        ));
    }
    let settings = AmqpSettings {
        url: services::amqp_url(),
        prefix,
        delivery_limit: 10,
        publish_timeout: Duration::from_secs(10),
    };
    let amqp = AmqpBroker::connect(settings).await?;
    let broker = Broker::Amqp(amqp.clone());
    let pg = newscrawl_runtime::db::connect(&db.url, 2).await?;
    // Let the roles connect and migrate before the clock starts.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let infra = ["beam.smp", "postgres"];
    let infra_before = cpu_of_processes(&infra);
    let start = Instant::now();
    let urls = web
        .seeds()
        .iter()
        .map(|s| CanonicalUrl::parse(s))
        .collect::<Result<Vec<_>, _>>()?;
    broker
        .publish(Queue::Seeds, &encode(&SeedBatch { v: VERSION, urls }))
        .await?;
    let done = newscrawl_testkit::crawl::wait_complete(&pg.pool, LIMIT).await?;
    anyhow::ensure!(
        done.stored as usize == web.expected.articles.len(),
        "not every article was stored: {done:?}"
    );
    let pages = done.pages;
    let elapsed = start.elapsed();
    let infra_cpu = cpu_of_processes(&infra).saturating_sub(infra_before);
    let usage: Vec<(String, Usage)> = roles
        .iter()
        .map(|(n, p)| Ok((n.clone(), p.usage()?)))
        .collect::<anyhow::Result<_>>()?;
    for (_, p) in &mut roles {
        p.terminate(Duration::from_secs(30))?;
    }
    report(
        &format!("distributed (RabbitMQ + PostgreSQL, {workers} worker processes)"),
        pages,
        web.requests().len(),
        elapsed,
        &usage,
    );
    println!(
        "  | RabbitMQ + PostgreSQL servers | {:.2} | {:.0} | - |",
        infra_cpu.as_secs_f64(),
        100.0 * infra_cpu.as_secs_f64() / elapsed.as_secs_f64()
    );
    amqp.delete_topology().await?;
    broker.close().await;
    pg.pool.close().await;
    db.drop_db().await
}

async fn embedded(hosts: usize) -> anyhow::Result<()> {
    let web = FixtureWeb::generated(hosts, SECTIONS, PER_SECTION).await?;
    let dir = tempfile::tempdir()?;
    let seeds = dir.path().join("seeds.txt");
    std::fs::write(&seeds, web.seeds().join("\n"))?;
    let db = dir.path().join("bench.sqlite");
    let start = Instant::now();
    let mut crawl = ChildProcess::spawn(
        role(&[
            "--allow-private",
            "--set",
            "scheduler.delay_ms=0",
            "--set",
            "worker.concurrency=64",
            "crawl",
            "--seeds",
        ])
        .arg(&seeds)
        .arg("--db")
        .arg(&db),
    )?;
    let mut usage = Usage::default();
    let status = loop {
        if let Some(status) = crawl.inner().try_wait()? {
            break status;
        }
        // A process that just exited has no memory figures left: keep the last real reading.
        if let Ok(now) = crawl.usage()
            && now.peak_rss_kib > 0
        {
            usage = now;
        }
        anyhow::ensure!(
            start.elapsed() < LIMIT,
            "embedded crawl unfinished after {LIMIT:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let elapsed = start.elapsed();
    anyhow::ensure!(status.success(), "embedded crawl failed: {status:?}");
    let pool = newscrawl_runtime::db::connect(&format!("sqlite://{}", db.display()), 1).await?;
    let pages = newscrawl_testkit::crawl::progress(&pool.pool).await?.pages;
    report(
        "embedded (in-memory queues + SQLite, one process)",
        pages,
        web.requests().len(),
        elapsed,
        &[("newscrawl crawl".into(), usage)],
    );
    Ok(())
}

fn report(name: &str, pages: i64, requests: usize, elapsed: Duration, usage: &[(String, Usage)]) {
    let secs = elapsed.as_secs_f64();
    println!("\n{name}");
    println!(
        "  pages fetched {pages} ({requests} requests incl. robots.txt) in {secs:.2} s = {:.0} pages/s",
        pages as f64 / secs
    );
    println!("  | role | CPU s | CPU % of wall | peak RSS MiB |");
    println!("  |---|---|---|---|");
    for (role, u) in usage {
        let cpu = u.cpu.as_secs_f64();
        println!(
            "  | {role} | {cpu:.2} | {:.0} | {:.1} |",
            100.0 * cpu / secs,
            u.peak_rss_kib as f64 / 1024.0
        );
    }
}
