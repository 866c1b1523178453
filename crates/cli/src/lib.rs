#![doc = include_str!("../README.md")]

mod embedded;
mod extract;
mod report;
mod seeds;
mod settings;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use newscrawl_broker::{AmqpBroker, Broker};
use newscrawl_protocol::{Queue, SeedBatch, VERSION, encode};
use newscrawl_runtime::config::{self, Sources};
use newscrawl_runtime::{db, retry, shutdown, telemetry};
use newscrawl_scheduler::UrlState;

pub use embedded::crawl;
pub use settings::Settings;

/// A distributed news crawler.
#[derive(Debug, Parser)]
#[command(name = "newscrawl", version, about)]
pub struct Cli {
    /// TOML configuration file.
    #[arg(long, global = true, env = "NEWSCRAWL_CONFIG")]
    pub config: Option<PathBuf>,
    /// Any setting as `section.key=value` (repeatable), e.g. `scheduler.delay_ms=2000`.
    #[arg(long = "set", global = true, value_name = "KEY=VALUE")]
    pub set: Vec<String>,
    /// Log format: `text` or `json` (sets `log.format`).
    #[arg(long, global = true)]
    pub log_format: Option<String>,
    /// AMQP URL (sets `broker.url`).
    #[arg(long, global = true)]
    pub amqp_url: Option<String>,
    /// Database URL (sets `database.url`).
    #[arg(long, global = true)]
    pub database_url: Option<String>,
    /// Allow fetching private, loopback and link-local addresses (sets `worker.allow_private`).
    #[arg(long, global = true)]
    pub allow_private: bool,
    /// What to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the scheduler (frontier, robots.txt, politeness).
    Scheduler,
    /// Run a worker (fetch, parse, extract).
    Worker,
    /// Run the sink (deduplicate, store).
    Sink,
    /// Publish seed URLs from FILE (or `-` for stdin), one per line.
    Seed {
        /// The seed list.
        file: String,
    },
    /// Crawl on one machine: every role in this process, in-memory queues, a SQLite file.
    Crawl {
        /// The seed list, one URL per line.
        #[arg(long)]
        seeds: PathBuf,
        /// The SQLite file to store into.
        #[arg(long, default_value = "newscrawl.sqlite")]
        db: PathBuf,
    },
    /// Extract a saved page (or, with --batch, pages listed on stdin) and print JSON.
    Extract {
        /// The HTML file (omit with --batch).
        #[arg(required_unless_present = "batch")]
        file: Option<String>,
        /// The page's URL (resolves links and the canonical URL).
        #[arg(long)]
        url: Option<String>,
        /// Read `PATH` or `PATH<TAB>URL` lines from stdin; print one JSON line per page.
        #[arg(long, conflicts_with = "file")]
        batch: bool,
    },
    /// Show URL counts by state, articles, duplicates and queue depths.
    Status {
        /// Read a SQLite file from `crawl` instead of `database.url`.
        #[arg(long)]
        db: Option<PathBuf>,
    },
    /// Write the stored articles (or, with --urls, URLs in some states) to stdout.
    Export {
        /// Output format.
        #[arg(long, default_value = "jsonl")]
        format: ExportFormat,
        /// List the URLs in these states (e.g. `failed,http_error,trap`) with their reasons
        /// instead of the articles.
        #[arg(long, value_delimiter = ',', value_parser = parse_state)]
        urls: Vec<UrlState>,
        /// Read a SQLite file from `crawl` instead of `database.url`.
        #[arg(long)]
        db: Option<PathBuf>,
    },
}

fn parse_state(name: &str) -> Result<UrlState, String> {
    UrlState::parse(name).ok_or_else(|| {
        let names: Vec<&str> = UrlState::ALL.iter().map(|s| s.as_str()).collect();
        format!("unknown state `{name}` (one of {})", names.join(", "))
    })
}

/// Export formats.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    /// One JSON object per line.
    Jsonl,
}

impl Cli {
    /// Layers the configuration: defaults ← file ← `env` ← flags.
    pub fn settings(&self, env: Vec<(String, String)>) -> anyhow::Result<Settings> {
        let mut overrides = Vec::new();
        let mut flag = |key: &str, value: &Option<String>| {
            if let Some(v) = value {
                overrides.push(format!("{key}={}", toml_string(v)));
            }
        };
        flag("log.format", &self.log_format);
        flag("broker.url", &self.amqp_url);
        flag("database.url", &self.database_url);
        if self.allow_private {
            overrides.push("worker.allow_private=true".into());
        }
        overrides.extend(self.set.iter().cloned());
        Ok(config::load(Sources {
            file: self.config.as_deref(),
            env,
            overrides,
        })?)
    }
}

/// Quotes a flag value so it is read as a TOML string.
fn toml_string(value: &str) -> String {
    let escaped = value.replace('\\', "\\\\").replace('"', "\\\"");
    format!("\"{escaped}\"")
}

/// Entry point of the binary: prints the error chain and exits non-zero on failure.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let settings = match cli.settings(std::env::vars().collect()) {
        Ok(s) => s,
        Err(err) => {
            eprintln!("error: {err:#}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(settings.log.format);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(err) => {
            eprintln!("error: cannot start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(dispatch(cli.command, settings)) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

async fn dispatch(command: Command, settings: Settings) -> anyhow::Result<ExitCode> {
    match command {
        Command::Scheduler => {
            let stop = shutdown::on_signals();
            let Some((broker, database)) = connect_role(&settings, true, &stop).await else {
                return Ok(ExitCode::SUCCESS);
            };
            newscrawl_scheduler::run(
                settings.scheduler,
                broker.clone(),
                database.expect("asked for"),
                stop,
            )
            .await?;
            broker.close().await;
        }
        Command::Worker => {
            let stop = shutdown::on_signals();
            let Some((broker, _)) = connect_role(&settings, false, &stop).await else {
                return Ok(ExitCode::SUCCESS);
            };
            newscrawl_worker::run(settings.worker, broker.clone(), stop).await?;
            broker.close().await;
        }
        Command::Sink => {
            let stop = shutdown::on_signals();
            let Some((broker, database)) = connect_role(&settings, true, &stop).await else {
                return Ok(ExitCode::SUCCESS);
            };
            newscrawl_sink::run(
                settings.sink,
                broker.clone(),
                database.expect("asked for"),
                stop,
            )
            .await?;
            broker.close().await;
        }
        Command::Seed { file } => return seed(&settings, &file).await,
        Command::Crawl { seeds, db } => {
            let stop = shutdown::on_signals();
            return embedded::crawl(settings, &seeds, &db, stop).await;
        }
        Command::Extract { batch: true, .. } => extract::batch()?,
        Command::Extract { file, url, .. } => {
            extract::file(file.as_deref().unwrap_or_default(), url.as_deref())?
        }
        Command::Status { db } => report::status(&settings, db.as_deref()).await?,
        Command::Export {
            format: ExportFormat::Jsonl,
            urls,
            db,
        } => report::export(&settings, db.as_deref(), &urls).await?,
    }
    Ok(ExitCode::SUCCESS)
}

async fn amqp(settings: &Settings) -> anyhow::Result<Broker> {
    let broker = AmqpBroker::connect(settings.broker.amqp()).await.context(
        "cannot connect to RabbitMQ (set broker.url / NEWSCRAWL_BROKER__URL / --amqp-url)",
    )?;
    Ok(Broker::Amqp(broker))
}

/// Reads a seed list; prints `NAME:LINE: why` for each bad line.
fn read_seeds(
    name: &str,
    input: impl std::io::BufRead,
) -> anyhow::Result<(Vec<newscrawl_protocol::CanonicalUrl>, usize)> {
    let (urls, bad) = seeds::read(input).with_context(|| format!("reading {name}"))?;
    for b in &bad {
        eprintln!("{name}:{}: {}: {}", b.line, b.error, b.text);
    }
    Ok((urls, bad.len()))
}

/// A long-running role waits for RabbitMQ (and the database, if it needs one), saying so in its
/// logs, rather than exiting; `None` if shutdown comes first.
async fn connect_role(
    settings: &Settings,
    with_database: bool,
    stop: &tokio_util::sync::CancellationToken,
) -> Option<(Broker, Option<db::Database>)> {
    let broker = retry::until_ok("RabbitMQ", stop, || async {
        amqp(settings).await.map_err(|e| format!("{e:#}"))
    })
    .await?;
    let database = match with_database {
        true => Some(
            retry::until_ok("the database", stop, || async {
                database(settings).await.map_err(|e| format!("{e:#}"))
            })
            .await?,
        ),
        false => None,
    };
    Some((broker, database))
}

async fn database(settings: &Settings) -> anyhow::Result<db::Database> {
    db::connect(
        settings.database.url.expose(),
        settings.database.max_connections,
    )
    .await
}

/// Publishes seeds in batches of at most `SEED_BATCH` URLs.
async fn publish_seeds(
    broker: &Broker,
    urls: &[newscrawl_protocol::CanonicalUrl],
) -> anyhow::Result<()> {
    for chunk in urls.chunks(SEED_BATCH) {
        broker
            .publish(
                Queue::Seeds,
                &encode(&SeedBatch {
                    v: VERSION,
                    urls: chunk.to_vec(),
                }),
            )
            .await?;
    }
    Ok(())
}

/// Seed batches are at most this many URLs.
const SEED_BATCH: usize = 1000;

async fn seed(settings: &Settings, file: &str) -> anyhow::Result<ExitCode> {
    let (urls, bad) = if file == "-" {
        read_seeds("<stdin>", std::io::stdin().lock())?
    } else {
        let f = std::fs::File::open(file).with_context(|| format!("cannot open {file}"))?;
        read_seeds(file, std::io::BufReader::new(f))?
    };
    let broker = amqp(settings).await?;
    publish_seeds(&broker, &urls).await?;
    broker.close().await;
    eprintln!("{} seed URLs published, {bad} invalid lines", urls.len());
    Ok(if bad > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    fn cli(args: &[&str]) -> Cli {
        Cli::try_parse_from(std::iter::once("newscrawl").chain(args.iter().copied()))
            .expect("parses")
    }

    #[test]
    fn the_example_config_is_valid() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../deploy/newscrawl.example.toml"
        );
        let settings = cli(&["--config", path, "status"])
            .settings(vec![])
            .expect("the example config loads");
        assert_eq!(settings.scheduler.max_inflight_per_host, 1);
        assert_eq!(settings.broker.prefix, "newscrawl");
    }

    #[test]
    fn flags_beat_env_beat_defaults() {
        let env = vec![
            (
                "NEWSCRAWL_SCHEDULER__DELAY_MS".to_owned(),
                "2500".to_owned(),
            ),
            ("NEWSCRAWL_BROKER__URL".to_owned(), "amqp://env".to_owned()),
            ("NEWSCRAWL_WORKER__CONCURRENCY".to_owned(), "3".to_owned()),
        ];
        let s = cli(&[
            "--amqp-url",
            "amqp://flag",
            "--set",
            "worker.concurrency=5",
            "--allow-private",
            "worker",
        ])
        .settings(env)
        .expect("loads");
        assert_eq!(s.scheduler.delay, std::time::Duration::from_millis(2500));
        assert_eq!(s.broker.url.expose(), "amqp://flag");
        assert_eq!(s.worker.concurrency, 5);
        assert!(s.worker.allow_private);
        assert!(
            !format!("{s:?}").contains("amqp://flag"),
            "secrets stay out of Debug"
        );
    }

    /// Every subcommand the compose file runs exists and parses (there is no Docker engine to
    /// run the file itself).
    #[test]
    fn the_compose_file_runs_real_subcommands() {
        let compose = include_str!("../../../docker-compose.yml");
        let commands: Vec<&str> = compose
            .lines()
            .filter_map(|l| l.trim().strip_prefix("command: "))
            .collect();
        assert!(commands.len() >= 5, "{commands:?}");
        for command in commands {
            let args: Vec<String> = serde_json::from_str(command).expect("exec-form command");
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            Cli::try_parse_from(std::iter::once("newscrawl").chain(args.iter().copied()))
                .unwrap_or_else(|e| panic!("{command}: {e}"));
        }
        for var in compose
            .lines()
            .filter_map(|l| l.trim().strip_prefix("NEWSCRAWL_"))
        {
            let (key, value) = var.split_once(':').expect("KEY: value");
            let env = vec![(
                format!("NEWSCRAWL_{key}"),
                value.trim().trim_matches('"').to_owned(),
            )];
            cli(&["worker"])
                .settings(env)
                .unwrap_or_else(|e| panic!("NEWSCRAWL_{key}: {e}"));
        }
    }
}
