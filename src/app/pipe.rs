//! `|` and the user's actions: an article piped into a shell command, without the terminal,
//! its first line of output (or how it failed) coming back for the status line. The command
//! runs in a process group of its own, so it can neither read folio's keys nor outlive a
//! timeout with children of its own.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use super::external::exit_text;
use crate::text::{sanitize, truncate};

/// How long a piped command may run before it is stopped (folio waits for it meanwhile).
pub const PIPE_TIMEOUT: Duration = Duration::from_secs(60);

/// Pipes `text` into `command` (standard error and output captured, no terminal); its first
/// line of output, or how it failed.
pub fn pipe(command: &str, text: &str) -> String {
    pipe_within(command, text, PIPE_TIMEOUT)
}

fn pipe_within(command: &str, text: &str, timeout: Duration) -> String {
    use std::os::unix::process::CommandExt;
    let label = truncate(&sanitize(command), 30).into_owned();
    let child = Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(err) => return format!("`{label}` did not start: {err}"),
    };
    let writer = child.stdin.take().map(|mut stdin| {
        let text = text.to_owned();
        // A command that stops reading early closes the pipe: that is not an error.
        thread::spawn(move || {
            let _ = stdin.write_all(text.as_bytes());
        })
    });
    let reader = |pipe: Option<Box<dyn Read + Send>>| {
        thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = reader(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = reader(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if Instant::now() < deadline => thread::sleep(Duration::from_millis(10)),
            Ok(None) | Err(_) => break None,
        }
    };
    let Some(status) = status else {
        // The whole group: the shell and whatever it started.
        if let Some(group) = rustix::process::Pid::from_raw(i32::try_from(child.id()).unwrap_or(0))
        {
            let _ = rustix::process::kill_process_group(group, rustix::process::Signal::KILL);
        }
        let _ = child.wait();
        return format!("`{label}` ran longer than {} s: stopped", timeout.as_secs());
    };
    if let Some(writer) = writer {
        let _ = writer.join();
    }
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
    let first = |bytes: &[u8]| {
        String::from_utf8_lossy(bytes)
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .map(|l| truncate(&sanitize(l), 200).into_owned())
    };
    if status.success() {
        match first(&stdout) {
            Some(line) => format!("`{label}`: {line}"),
            None => format!("`{label}`: done, no output"),
        }
    } else {
        match first(&stderr).or_else(|| first(&stdout)) {
            Some(line) => format!("`{label}` failed ({}): {line}", exit_text(status)),
            None => format!("`{label}` failed ({})", exit_text(status)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pipe_reports_the_first_line_or_how_it_failed() {
        assert_eq!(pipe("wc -w", "one two three\n"), "`wc -w`: 3");
        assert_eq!(
            pipe("cat >/dev/null", "x"),
            "`cat >/dev/null`: done, no output"
        );
        assert_eq!(
            pipe("echo oops >&2; exit 3", "x"),
            "`echo oops >&2; exit 3` failed (exit status 3): oops"
        );
        assert_eq!(
            pipe("printf '\\033]0;pwned\\007hi'", ""),
            "`printf '\\033]0;pwned\\007hi'`: hi"
        );
        // A command that reads nothing still ends, however long the text.
        assert_eq!(
            pipe("true", &"x".repeat(1 << 20)),
            "`true`: done, no output"
        );
    }

    #[test]
    fn a_command_that_runs_too_long_is_stopped_with_its_children() {
        let started = Instant::now();
        let said = pipe_within("sleep 30; echo late", "", Duration::from_millis(300));
        assert_eq!(said, "`sleep 30; echo late` ran longer than 0 s: stopped");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
    }
}
