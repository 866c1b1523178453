//! `status` and `export`.

use std::io::Write;
use std::path::Path;

use newscrawl_broker::{AmqpBroker, Broker};
use newscrawl_protocol::Queue;
use newscrawl_runtime::db::{self, Database};
use newscrawl_scheduler::{FrontierStore, UrlState};
use newscrawl_sink::ArticleStore;

use crate::Settings;

async fn open(settings: &Settings, sqlite: Option<&Path>) -> anyhow::Result<Database> {
    match sqlite {
        Some(path) => {
            anyhow::ensure!(path.exists(), "no crawl database at {}", path.display());
            db::connect(&format!("sqlite://{}", path.display()), 1).await
        }
        None => db::connect(settings.database.url.expose(), 2).await,
    }
}

/// Dead letters looked at per queue to count their reasons.
const DEAD_LETTERS_READ: usize = 10_000;

/// Prints URL counts by state, article totals and (distributed mode) queue depths.
pub async fn status(settings: &Settings, sqlite: Option<&Path>) -> anyhow::Result<()> {
    let database = open(settings, sqlite).await?;
    let broker = match sqlite {
        Some(_) => None,
        None => match AmqpBroker::connect(settings.broker.amqp()).await {
            Ok(b) => Some(Broker::Amqp(b)),
            Err(err) => {
                println!("queues: unreachable ({err})");
                None
            }
        },
    };
    print_status(&database, broker.as_ref()).await?;
    if let Some(b) = broker {
        b.close().await;
    }
    Ok(())
}

/// The status report of one database (and broker).
pub async fn print_status(database: &Database, broker: Option<&Broker>) -> anyhow::Result<()> {
    let frontier = FrontierStore::open(database.clone()).await?;
    let articles = ArticleStore::open(database.clone()).await?;
    let mut out = String::from("urls:\n");
    let counts = frontier.counts().await?;
    let classes = frontier.reason_counts().await?;
    let total: i64 = counts.iter().map(|(_, n)| n).sum();
    for (state, n) in &counts {
        out.push_str(&format!("  {state:<14}{n}\n"));
        for (_, class, n) in classes.iter().filter(|(s, _, _)| s == state) {
            out.push_str(&format!("    {class:<20}{n}\n"));
        }
    }
    out.push_str(&format!("  {:<14}{total}\n", "total"));
    let a = articles.counts().await?;
    out.push_str(&format!(
        "articles:\n  {:<14}{}\n  {:<14}{}\n",
        "stored", a.originals, "duplicates", a.duplicates
    ));
    if let Some(broker) = broker {
        out.push_str("queues (ready / dead-lettered):\n");
        for queue in Queue::ALL {
            let s = broker.stats(queue).await?;
            out.push_str(&format!(
                "  {:<14}{} / {}\n",
                queue.suffix(),
                s.ready,
                s.dead
            ));
            if s.dead > 0 {
                for (class, n) in broker.dead_letter_reasons(queue, DEAD_LETTERS_READ).await? {
                    out.push_str(&format!("    {class:<20}{n}\n"));
                }
            }
        }
    }
    print!("{out}");
    Ok(())
}

/// Writes every stored article (or every URL in `states`, if any are named) as one JSON
/// object per line.
pub async fn export(
    settings: &Settings,
    sqlite: Option<&Path>,
    states: &[UrlState],
) -> anyhow::Result<()> {
    let database = open(settings, sqlite).await?;
    if states.is_empty() {
        let articles = ArticleStore::open(database).await?;
        write_lines(&articles.export().await?)
    } else {
        let frontier = FrontierStore::open(database).await?;
        write_lines(&frontier.urls_in(states).await?)
    }
}

fn write_lines<T: serde::Serialize>(records: &[T]) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for record in records {
        serde_json::to_writer(&mut out, record)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}
