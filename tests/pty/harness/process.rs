//! Processes as `/proc` shows them: children, run state and CPU time.

use std::process::Command;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use super::EVENTUALLY;

/// The first child process of `pid`, from `/proc`.
pub fn child_of(pid: u32) -> Option<u32> {
    let deadline = Instant::now() + EVENTUALLY;
    while Instant::now() < deadline {
        for entry in std::fs::read_dir("/proc").ok()?.flatten() {
            let Some(p) = entry
                .file_name()
                .to_str()
                .and_then(|n| n.parse::<u32>().ok())
            else {
                continue;
            };
            let Ok(stat) = std::fs::read_to_string(format!("/proc/{p}/stat")) else {
                continue;
            };
            let Some(rest) = stat.rfind(')').map(|i| &stat[i + 1..]) else {
                continue;
            };
            if rest.split_whitespace().nth(1) == Some(&pid.to_string()) {
                return Some(p);
            }
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

/// Field 3 of `/proc/PID/stat`: `R`, `S`, `T` (stopped), `Z` (exited, not yet reaped), ...
pub fn state(pid: u32) -> Option<char> {
    proc_stat(pid)?.first()?.chars().next()
}

/// Running (or stopped), not exited.
pub fn alive(pid: u32) -> bool {
    state(pid).is_some_and(|s| s != 'Z')
}

/// The fields of `/proc/PID/stat` after the command name, from the state on.
fn proc_stat(pid: u32) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &text[text.rfind(')')? + 1..];
    Some(rest.split_whitespace().map(str::to_string).collect())
}

/// utime + stime of a process, in seconds.
pub fn cpu_seconds(pid: u32) -> Option<f64> {
    let f = proc_stat(pid)?;
    // Fields 14 and 15 of the stat line; the state (field 3) is index 0 here.
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / clock_ticks())
}

/// Clock ticks per second, asked once: every program started while a test hangs up a
/// terminal could hold a copy of its master (see [`super::SPAWNS`]).
fn clock_ticks() -> f64 {
    static TICKS: OnceLock<f64> = OnceLock::new();
    *TICKS.get_or_init(ask_clock_ticks)
}

fn ask_clock_ticks() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100.0)
}

/// How many times the threads of `pid` have been switched out so far (each wake-up and sleep
/// again counts): the sum of the context switches in `/proc/PID/task/*/status`.
pub fn wakeups(pid: u32) -> Option<u64> {
    let mut total = 0;
    for task in std::fs::read_dir(format!("/proc/{pid}/task"))
        .ok()?
        .flatten()
    {
        let status = std::fs::read_to_string(task.path().join("status")).ok()?;
        for line in status.lines() {
            if let Some(n) = line
                .strip_prefix("voluntary_ctxt_switches:")
                .or_else(|| line.strip_prefix("nonvoluntary_ctxt_switches:"))
            {
                total += n.trim().parse::<u64>().ok()?;
            }
        }
    }
    Some(total)
}
