//! Child processes of the real binary: killed if a test ends early, measured by `/proc`.

use std::process::{Child, Command, ExitStatus};
use std::time::{Duration, Instant};

/// CPU time and peak memory of a running process.
#[derive(Debug, Clone, Copy, Default)]
pub struct Usage {
    /// User + system CPU time.
    pub cpu: Duration,
    /// Peak resident set size, in KiB (`VmHWM`).
    pub peak_rss_kib: u64,
}

/// A child that is killed (SIGKILL) when dropped while still running.
pub struct ChildProcess {
    child: Child,
}

impl ChildProcess {
    /// Spawns `command`.
    pub fn spawn(command: &mut Command) -> std::io::Result<Self> {
        Ok(Self {
            child: command.spawn()?,
        })
    }

    /// The process id.
    pub fn id(&self) -> u32 {
        self.child.id()
    }

    /// The child itself (for its pipes).
    pub fn inner(&mut self) -> &mut Child {
        &mut self.child
    }

    /// SIGKILL and reap.
    pub fn kill(&mut self) -> std::io::Result<()> {
        self.child.kill()?;
        self.child.wait().map(drop)
    }

    /// Sends SIGTERM and waits at most `limit` for the exit.
    pub fn terminate(&mut self, limit: Duration) -> anyhow::Result<ExitStatus> {
        let status = Command::new("kill")
            .args(["-TERM", &self.id().to_string()])
            .status()?;
        anyhow::ensure!(status.success(), "kill -TERM {} failed", self.id());
        self.wait_for(limit)
    }

    /// Waits at most `limit` for the exit.
    pub fn wait_for(&mut self, limit: Duration) -> anyhow::Result<ExitStatus> {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait()? {
                return Ok(status);
            }
            anyhow::ensure!(
                start.elapsed() < limit,
                "process {} still running after {limit:?}",
                self.id()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// CPU time and peak memory so far (Linux `/proc`).
    pub fn usage(&self) -> anyhow::Result<Usage> {
        let pid = self.id();
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))?;
        // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
        let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
        let fields: Vec<&str> = after.split_whitespace().collect();
        let ticks: u64 = fields.get(11).and_then(|u| u.parse().ok()).unwrap_or(0)
            + fields.get(12).and_then(|s| s.parse().ok()).unwrap_or(0);
        let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
        let peak_rss_kib = status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0);
        Ok(Usage {
            cpu: Duration::from_millis(ticks * 1000 / clock_ticks()),
            peak_rss_kib,
        })
    }
}

/// Total CPU time so far of every process whose command name is one of `names` (e.g. the
/// broker's and the database's server processes).
pub fn cpu_of_processes(names: &[&str]) -> Duration {
    let ticks: u64 = std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| std::fs::read_to_string(entry.path().join("stat")).ok())
        .filter_map(|stat| {
            let (head, rest) = stat.rsplit_once(')')?;
            let name = head.split_once('(')?.1;
            if !names.contains(&name) {
                return None;
            }
            let fields: Vec<&str> = rest.split_whitespace().collect();
            Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
        })
        .sum();
    Duration::from_millis(ticks * 1000 / clock_ticks())
}

fn clock_ticks() -> u64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .filter(|t| *t > 0)
        .unwrap_or(100)
}

impl Drop for ChildProcess {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
