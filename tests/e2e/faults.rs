//! Hostile or struggling servers.

use std::collections::{BTreeMap, BTreeSet};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use newscrawl_runtime::db::{self, Database};
use newscrawl_testkit::process::ChildProcess;
use newscrawl_testkit::web::{FixtureWeb, Request};
use sqlx::Row;

use crate::support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_503_with_retry_after_pauses_the_whole_host_then_the_page_is_stored() -> anyhow::Result<()>
{
    let web = FixtureWeb::flaky().await?;
    let crawl = crawl_embedded(&web).await?;
    let db = &crawl.db;
    let stored: std::collections::BTreeSet<String> =
        articles(db).await?.into_iter().map(|(u, _)| u).collect();
    assert_eq!(
        stored, web.expected.articles,
        "the page stored after its 503"
    );
    let mut requests = web.requests();
    requests.sort_by_key(|r| r.start);
    let busy = requests
        .iter()
        .position(|r| r.path == "/flaky")
        .expect("/flaky was requested");
    let next = requests
        .get(busy + 1)
        .expect("the crawl went on after the 503");
    let pause = next.start.duration_since(requests[busy].end);
    assert!(
        pause >= Duration::from_secs(2),
        "Retry-After: 2 holds for the whole host, but {} came {pause:?} later",
        next.path
    );
    assert_eq!(
        requests.iter().filter(|r| r.path == "/flaky").count(),
        2,
        "one 503, one success"
    );
    let attempts: i64 = sqlx::query("SELECT attempts FROM frontier_urls WHERE url = $1")
        .bind(format!("{}/flaky", web.bases[0]))
        .fetch_one(&db.pool)
        .await?
        .try_get(0)?;
    assert_eq!(attempts, 2);
    Ok(())
}

/// Total fetch deadline of the fault suite's crawl.
const FETCH_DEADLINE: Duration = Duration::from_secs(2);

/// Runs the real binary's embedded crawl on `web`, sampling its peak memory until it exits.
/// Returns the crawl's directory (database `crawl.sqlite`, log `crawl.log`) and the peak in
/// KiB.
async fn crawl_binary(web: &FixtureWeb, sets: &[&str]) -> anyhow::Result<(tempfile::TempDir, u64)> {
    let dir = tempfile::tempdir()?;
    let seeds = dir.path().join("seeds.txt");
    std::fs::write(&seeds, web.seeds().join("\n"))?;
    let log = std::fs::File::create(dir.path().join("crawl.log"))?;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newscrawl"));
    cmd.env_remove("RUST_LOG").arg("--allow-private");
    for set in sets {
        cmd.arg("--set").arg(set);
    }
    cmd.arg("crawl")
        .arg("--seeds")
        .arg(&seeds)
        .arg("--db")
        .arg(dir.path().join("crawl.sqlite"))
        .stdout(Stdio::null())
        .stderr(log);
    let mut child = ChildProcess::spawn(&mut cmd)?;
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut peak_kib = 0;
    let status = loop {
        // VmHWM only grows, so the last sample before exit is the peak up to then.
        if let Ok(usage) = child.usage() {
            peak_kib = peak_kib.max(usage.peak_rss_kib);
        }
        if let Some(status) = child.inner().try_wait()? {
            break status;
        }
        anyhow::ensure!(Instant::now() < deadline, "the crawl did not end in 120 s");
        tokio::time::sleep(Duration::from_millis(25)).await;
    };
    let log = std::fs::read_to_string(dir.path().join("crawl.log"))?;
    anyhow::ensure!(status.success(), "crawl exited with {status:?}:\n{log}");
    Ok((dir, peak_kib))
}

/// `(state, reason)` of every URL.
async fn outcomes(db: &Database) -> anyhow::Result<BTreeMap<String, (String, String)>> {
    let rows = sqlx::query("SELECT url, state, reason FROM frontier_urls")
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get(0)?,
                (
                    r.try_get(1)?,
                    r.try_get::<Option<String>, _>(2)?.unwrap_or_default(),
                ),
            ))
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_fault_suite_ends_every_url_with_its_reason_in_bounded_memory() -> anyhow::Result<()> {
    let web = FixtureWeb::faults().await?;
    let deadline = format!("worker.total_timeout_ms={}", FETCH_DEADLINE.as_millis());
    let (dir, peak_kib) = crawl_binary(
        &web,
        &[
            "scheduler.delay_ms=200",
            "scheduler.backoff_base_ms=200",
            "scheduler.max_depth=40",
            "scheduler.trap_dated_pages=30",
            "scheduler.trap_query_combinations=5",
            &deadline,
        ],
    )
    .await?;
    let db_path = dir.path().join("crawl.sqlite");
    let db = db::connect(&format!("sqlite://{}", db_path.display()), 1).await?;
    let (a, b, c) = (&web.bases[0], &web.bases[1], &web.bases[2]);

    // Bounded: the bomb alone inflates to 256 MiB; the crawl never holds it.
    eprintln!("peak memory of the crawl: {} MiB", peak_kib >> 10);
    assert!(
        peak_kib < 128 << 10,
        "peak memory {} MiB (bomb: {} MiB)",
        peak_kib >> 10,
        FixtureWeb::BOMB_BYTES >> 20
    );

    // Every URL ended, with the right reason.
    let all = outcomes(&db).await?;
    let unfinished: Vec<_> = all
        .iter()
        .filter(|(_, (state, _))| state == "pending" || state == "leased")
        .collect();
    assert!(unfinished.is_empty(), "{unfinished:?}");
    let stored: BTreeSet<String> = articles(&db).await?.into_iter().map(|(u, _)| u).collect();
    assert_eq!(stored, web.expected.articles);
    let class_of = |url: &str| {
        all.get(url).map(|(state, reason)| {
            (
                state.as_str(),
                newscrawl_scheduler::reason_class(reason),
                reason.as_str(),
            )
        })
    };
    for (path, state, class) in [
        ("/report.pdf", "http_error", "not_html"),
        ("/archive.zip", "http_error", "not_html"),
        ("/paper", "http_error", "not_html"),
        ("/bomb", "failed", "too_large"),
        ("/huge", "failed", "too_large"),
        ("/loop-a", "redirect", "http_302"),
        ("/loop-b", "redirect", "http_302"),
        ("/hop/5", "redirect", "http_302"),
        ("/hop/6", "failed", "redirect_limit"),
        ("/dir/dir/dir/", "trap", "repeating_path"),
    ] {
        let got = class_of(&format!("{a}{path}"));
        assert_eq!(
            got.map(|(s, c, _)| (s, c)),
            Some((state, class)),
            "{path}: {got:?}"
        );
    }
    assert!(class_of(&format!("{a}/paper")).is_some_and(|(_, _, r)| r.contains("application/pdf")));
    assert_eq!(
        class_of(&format!("{b}/gone")).map(|(s, _, r)| (s, r)),
        Some(("failed", "unavailable: status 429 (after 3 attempts)"))
    );
    let trickle = class_of(&format!("{c}/trickle"));
    assert!(
        trickle.is_some_and(|(s, c, r)| s == "failed"
            && c == "timeout"
            && r.ends_with("(after 3 attempts)")),
        "{trickle:?}"
    );

    // What the server saw.
    let requests = web.requests();
    let on = |base: &str| -> Vec<&Request> {
        let ip = base
            .trim_start_matches("http://")
            .rsplit_once(':')
            .map_or("", |(ip, _)| ip);
        let mut on: Vec<&Request> = requests.iter().filter(|r| r.host == ip).collect();
        on.sort_by_key(|r| r.start);
        on
    };
    let on_a: Vec<&str> = on(a).iter().map(|r| r.path.as_str()).collect();
    assert!(!on_a.contains(&"/hop/7"), "past the redirect limit");
    assert_eq!(
        on_a.iter().filter(|p| **p == "/story").count(),
        1,
        "session ids stripped"
    );
    assert!(
        on_a.iter()
            .all(|p| !p.to_ascii_lowercase().contains("sessid")),
        "{on_a:?}"
    );
    assert!(!on_a.contains(&"/dir/dir/dir/"));
    assert_eq!(
        on_a.iter().filter(|p| p.starts_with("/shop")).count(),
        5,
        "query budget"
    );
    let traps: Vec<(&String, &(String, String))> =
        all.iter().filter(|(_, (s, _))| s == "trap").collect();
    let trap_classes = |class: &str| {
        traps
            .iter()
            .filter(|(_, (_, r))| newscrawl_scheduler::reason_class(r) == class)
            .count()
    };
    assert_eq!(trap_classes("query_explosion"), 4, "{traps:?}");
    let calendar_requests = on_a.iter().filter(|p| p.starts_with("/events/")).count();
    assert_eq!(calendar_requests, 30, "the dated-page budget");
    assert!(
        traps
            .iter()
            .any(|(_, (_, r))| r.starts_with("calendar:") && r.contains("ahead")),
        "a month more than a year ahead is a trap: {traps:?}"
    );
    assert!(
        traps
            .iter()
            .any(|(_, (_, r))| r.starts_with("calendar: more than 30 dated pages")),
        "going back, the budget ends the calendar: {traps:?}"
    );

    // The wrong charset was decoded from the bytes, not the label.
    let text: String = sqlx::query("SELECT body FROM articles WHERE url = $1")
        .bind(format!("{a}/latin"))
        .fetch_one(&db.pool)
        .await?
        .try_get(0)?;
    assert!(text.contains("Le café crème coûte deux euros"), "{text}");

    // 429s: Retry-After held for the whole host, and no hammering.
    let storm = on(b);
    assert_eq!(
        storm.len(),
        2 + 2 * 2 + 3,
        "robots, home, s1 and s2 twice, gone three times: {storm:?}"
    );
    let refusals = [("/s1", 1), ("/s2", 1), ("/gone", 3)];
    for pair in storm.windows(2) {
        let answered_429 = refusals.iter().any(|(p, _)| *p == pair[0].path)
            && requests_before(&storm, pair[0])
                < refusals
                    .iter()
                    .find(|(p, _)| *p == pair[0].path)
                    .map_or(0, |(_, n)| *n);
        if answered_429 {
            let gap = pair[1].start.duration_since(pair[0].end);
            assert!(
                gap >= Duration::from_secs(1),
                "{} came {gap:?} after a 429 of {}",
                pair[1].path,
                pair[0].path
            );
        }
    }

    // No fetch outlived its deadline: the worker hung up on every trickle in time.
    let streams = web.streams();
    assert_eq!(streams.len(), 3, "three attempts at /trickle: {streams:?}");
    for s in &streams {
        let lasted = s.end.duration_since(s.start);
        assert!(
            lasted <= FETCH_DEADLINE + Duration::from_secs(1),
            "{} lasted {lasted:?}",
            s.path
        );
    }
    assert!(
        web.politeness_violations(DELAY).is_empty(),
        "{:?}",
        web.politeness_violations(DELAY)
    );

    // The operator's view: counts per error class, and the failed URLs with reasons.
    let bin = env!("CARGO_BIN_EXE_newscrawl");
    let status = Command::new(bin)
        .arg("status")
        .arg("--db")
        .arg(&db_path)
        .output()?;
    let status = String::from_utf8(status.stdout)?;
    for class in [
        "too_large",
        "redirect_limit",
        "calendar",
        "query_explosion",
        "not_html",
        "timeout",
    ] {
        assert!(status.contains(class), "status lacks {class}:\n{status}");
    }
    let export = Command::new(bin)
        .args(["export", "--urls", "failed", "--db"])
        .arg(&db_path)
        .output()?;
    assert!(export.status.success());
    let failed: Vec<serde_json::Value> = String::from_utf8(export.stdout)?
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    let bomb = failed
        .iter()
        .find(|v| v["url"] == format!("{a}/bomb"))
        .expect("the bomb is listed");
    assert_eq!(bomb["class"], "too_large");
    assert!(
        failed
            .iter()
            .all(|v| v["state"] == "failed" && v["reason"].is_string())
    );
    Ok(())
}

/// How many requests for `r`'s path came before `r`.
fn requests_before(list: &[&Request], r: &Request) -> usize {
    list.iter()
        .filter(|o| o.path == r.path && o.start < r.start)
        .count()
}
