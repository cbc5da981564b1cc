//! Starting, quitting, signals, hang-up, panics, dumb terminals and suspending.

use std::time::{Duration, Instant};

use crate::harness::{
    EVENTUALLY, Pty, Spawn, alive, alone, child_of, cpu_seconds, folio, rfind, state, wakeups,
};

/// The program's exit code, failing the test if it did not exit or died of a signal.
fn exit_code(pty: &mut Pty, timeout: Duration) -> u32 {
    let status = pty
        .wait_exit(timeout)
        .unwrap_or_else(|| panic!("still running after {timeout:?}:\n{}", pty.screen_text()));
    assert_eq!(status.signal(), None, "killed by a signal: {status:?}");
    status.exit_code()
}

/// The terminal was handed back: the last alternate-screen switch is a leave, the cursor is
/// shown, bracketed paste is off, and the line discipline is cooked again.
fn assert_terminal_restored(pty: &Pty) {
    pty.drain();
    let bytes = pty.all_bytes();
    let left = rfind(&bytes, b"\x1b[?1049l").expect("never left the alternate screen");
    let entered = rfind(&bytes, b"\x1b[?1049h").expect("never entered the alternate screen");
    assert!(
        left > entered,
        "the output ends inside the alternate screen"
    );
    let shown = rfind(&bytes, b"\x1b[?25h").expect("cursor never shown");
    let hidden = rfind(&bytes, b"\x1b[?25l").unwrap_or(0);
    assert!(shown > hidden, "the output ends with the cursor hidden");
    let paste_on = rfind(&bytes, b"\x1b[?2004h").expect("bracketed paste never turned on");
    let paste_off = rfind(&bytes, b"\x1b[?2004l").unwrap_or(0);
    assert!(
        paste_off > paste_on,
        "the output ends with bracketed paste on"
    );
    pty.with_screen(|s| {
        assert!(
            !s.alternate_screen(),
            "emulated terminal still in alternate screen"
        );
        assert!(!s.hide_cursor(), "emulated terminal has the cursor hidden");
    });
}

fn assert_cooked(pty: &Pty) {
    let flags = pty.local_flags();
    for flag in ["ICANON", "ECHO", "ISIG"] {
        assert!(
            flags.iter().any(|f| f == flag),
            "{flag} not restored: {flags:?}"
        );
    }
}

/// Starts folio on the bundled articles and waits for the first full screen.
fn started(cols: u16, rows: u16) -> Pty {
    let pty = Spawn::folio(cols, rows).start();
    assert!(
        pty.wait_for("5/5", EVENTUALLY),
        "no list title:\n{}",
        pty.screen_text()
    );
    pty
}

#[test]
fn starts_on_the_bundled_five_filters_and_quits_cleanly() {
    let mut pty = started(100, 30);
    let raw = pty.local_flags();
    assert!(
        !raw.iter().any(|f| f == "ICANON" || f == "ECHO"),
        "not in raw mode while running: {raw:?}"
    );
    pty.send("/oslo");
    assert!(
        pty.wait_for("1/5", EVENTUALLY),
        "filter did not narrow the list:\n{}",
        pty.screen_text()
    );
    pty.send("\r");
    pty.send("q");
    assert_eq!(exit_code(&mut pty, EVENTUALLY), 0);
    assert_terminal_restored(&pty);
    assert_cooked(&pty);
}

/// CPU time a process uses while it runs, sampled until it exits or `window` passes; returns
/// (seconds of CPU, whether it exited).
fn cpu_until_exit(pty: &mut Pty, window: Duration) -> (f64, bool) {
    let pid = pty.pid();
    let start = cpu_seconds(pid).expect("process stat");
    let mut last = start;
    let deadline = Instant::now() + window;
    loop {
        if let Some(cpu) = cpu_seconds(pid) {
            last = cpu;
        }
        if pty.wait_exit(Duration::from_millis(50)).is_some() {
            return (last - start, true);
        }
        if Instant::now() >= deadline {
            return (last - start, false);
        }
    }
}

#[test]
fn idles_without_using_the_cpu() {
    let mut pty = started(100, 30);
    assert!(pty.settle(Duration::from_millis(500)));
    let (cpu, exited) = cpu_until_exit(&mut pty, Duration::from_secs(2));
    assert!(!exited, "folio exited while idle");
    assert!(cpu < 0.3, "used {cpu:.2} s of CPU in 2 s of idling");
}

#[test]
fn idles_without_waking_up() {
    let pty = started(100, 30);
    // The first reading state is saved a second after the start; after that, nothing is due.
    assert!(pty.settle(Duration::from_millis(1500)));
    let before = wakeups(pty.pid()).expect("task status");
    std::thread::sleep(Duration::from_secs(2));
    let after = wakeups(pty.pid()).expect("task status");
    assert!(
        after - before <= 1,
        "{} wake-ups in 2 s of idling",
        after - before
    );
}

#[test]
fn closing_the_terminal_ends_folio_at_once_without_spinning() {
    let _alone = alone();
    let mut pty = started(100, 30);
    assert!(pty.settle(Duration::from_millis(300)));
    pty.hang_up();
    let closed = Instant::now();
    let (cpu, exited) = cpu_until_exit(&mut pty, Duration::from_secs(3));
    let took = closed.elapsed();
    eprintln!("exited {took:?} after the terminal closed, with {cpu:.2} s of CPU");
    assert!(exited, "still running 3 s after the terminal closed");
    // At once (a measured 20-60 ms, the granularity of the wait); the bound leaves room for a
    // busy machine.
    assert!(
        took < Duration::from_millis(500),
        "exited {took:?} after the close"
    );
    assert!(cpu < 0.05, "used {cpu:.2} s of CPU before exiting");
}

#[test]
fn closing_the_terminal_exits_129() {
    let _alone = alone();
    let mut pty = started(100, 30);
    assert!(pty.settle(Duration::from_millis(300)));
    pty.hang_up();
    let status = pty.wait_exit(Duration::from_secs(3)).expect("exited");
    assert_eq!(status.signal(), None, "{status:?}");
    assert_eq!(status.exit_code(), 129, "{status:?}");
}

#[test]
fn closing_the_terminal_ends_folio_when_a_shell_is_the_session_leader() {
    let _alone = alone();
    // folio is a child of the shell here, so the kernel's SIGHUP goes to the shell; folio must
    // notice the hang-up by itself.
    let mut pty = Spawn::program("/bin/sh", 100, 30)
        .arg("-c")
        .arg("\"$0\"; echo folio exited $?; sleep 30")
        .arg(folio())
        .start();
    assert!(
        pty.wait_for("5/5", EVENTUALLY),
        "no list:\n{}",
        pty.screen_text()
    );
    let folio_pid = child_of(pty.pid()).expect("folio under the shell");
    assert!(pty.settle(Duration::from_millis(300)));
    let start = cpu_seconds(folio_pid).expect("folio stat");
    pty.hang_up();
    let deadline = Instant::now() + Duration::from_secs(3);
    let mut last = start;
    while let Some(cpu) = cpu_seconds(folio_pid).filter(|_| alive(folio_pid)) {
        last = cpu;
        assert!(
            Instant::now() < deadline,
            "folio still running 3 s after the terminal closed"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        last - start < 0.3,
        "used {:.2} s of CPU before exiting",
        last - start
    );
}

#[test]
fn sighup_exits_129_at_once() {
    let mut pty = started(100, 30);
    pty.kill("HUP");
    assert_eq!(exit_code(&mut pty, Duration::from_secs(3)), 129);
    assert_terminal_restored(&pty);
}

#[test]
fn sigterm_exits_0_and_restores_the_terminal() {
    let mut pty = started(100, 30);
    pty.kill("TERM");
    assert_eq!(exit_code(&mut pty, EVENTUALLY), 0);
    assert_terminal_restored(&pty);
    assert_cooked(&pty);
}

#[test]
fn sigint_exits_130_and_restores_the_terminal() {
    let mut pty = started(100, 30);
    pty.kill("INT");
    assert_eq!(exit_code(&mut pty, EVENTUALLY), 130);
    assert_terminal_restored(&pty);
    assert_cooked(&pty);
}

#[test]
fn a_panic_restores_the_terminal_before_the_message() {
    let mut pty = Spawn::folio(100, 30).env("FOLIO_TEST_PANIC", "1").start();
    let status = pty.wait_exit(EVENTUALLY).expect("folio did not exit");
    assert_eq!(status.exit_code(), 101, "{status:?}");
    pty.drain();
    let bytes = pty.all_bytes();
    let left = rfind(&bytes, b"\x1b[?1049l").expect("never left the alternate screen");
    let entered = rfind(&bytes, b"\x1b[?1049h").expect("never entered the alternate screen");
    assert!(
        left > entered,
        "the output ends inside the alternate screen"
    );
    let message = rfind(&bytes, b"panicked").expect("no panic message");
    assert!(
        message > left,
        "the panic message was written inside the alternate screen"
    );
    assert!(
        pty.screen_text().contains("panicked"),
        "the message is not on the restored screen:\n{}",
        pty.screen_text()
    );
    assert_cooked(&pty);
}

#[test]
fn a_dumb_terminal_gets_a_message_and_status_1() {
    for spawn in [
        Spawn::folio(80, 24).env("TERM", "dumb"),
        Spawn::folio(80, 24).env_remove("TERM"),
    ] {
        let mut pty = spawn.start();
        assert_eq!(exit_code(&mut pty, EVENTUALLY), 1);
        pty.drain();
        let text = String::from_utf8_lossy(&pty.all_bytes()).into_owned();
        assert!(text.contains("--list"), "message without --list: {text:?}");
        assert!(
            !text.contains("\x1b[?1049h"),
            "switched screens on a dumb terminal"
        );
    }
}

/// Starts folio from an interactive bash (so it has job control), presses Ctrl-Z and checks
/// that it stopped having left the alternate screen. Returns the terminal and folio's pid.
fn suspended_under_bash() -> (Pty, u32) {
    let mut pty = Spawn::program("/bin/bash", 100, 30)
        .arg("--norc")
        .arg("--noprofile")
        .arg("-i")
        .env("PS1", "ready> ")
        .start();
    assert!(pty.wait_for("ready>", EVENTUALLY), "{}", pty.screen_text());
    pty.send(&format!("'{}'\r", folio().display()));
    assert!(
        pty.wait_for("5/5", EVENTUALLY),
        "no list:\n{}",
        pty.screen_text()
    );
    let folio_pid = child_of(pty.pid()).expect("folio under bash");
    let mark = pty.mark();
    pty.send("\x1a");
    assert!(
        pty.wait_until(EVENTUALLY, |_| state(folio_pid) == Some('T')),
        "folio did not stop"
    );
    assert!(
        pty.wait_for("Stopped", EVENTUALLY),
        "bash did not report the stop:\n{}",
        pty.screen_text()
    );
    assert!(
        crate::harness::contains(&pty.bytes_since(mark), b"\x1b[?1049l"),
        "stopped without leaving the alternate screen"
    );
    pty.with_screen(|s| assert!(!s.alternate_screen(), "still in the alternate screen"));
    (pty, folio_pid)
}

#[test]
fn ctrl_z_stops_under_job_control_leaving_the_alternate_screen() {
    let (pty, folio_pid) = suspended_under_bash();
    assert_eq!(state(folio_pid), Some('T'));
    drop(pty);
    let _ = std::process::Command::new("kill")
        .args(["-s", "KILL", &folio_pid.to_string()])
        .status();
}

#[test]
fn ctrl_z_shows_the_cursor_and_fg_redraws_everything() {
    let (mut pty, folio_pid) = suspended_under_bash();
    pty.with_screen(|s| assert!(!s.hide_cursor(), "the cursor is left hidden while stopped"));
    pty.send("fg\r");
    assert!(
        pty.wait_until(EVENTUALLY, |p| p.with_screen(|s| s.alternate_screen())
            && p.screen_text().contains("5/5")),
        "no full redraw after fg:\n{}",
        pty.screen_text()
    );
    assert_ne!(state(folio_pid), Some('T'));
    pty.send("q");
    assert!(pty.wait_for("ready>", EVENTUALLY), "{}", pty.screen_text());
    pty.send("echo folio=$?\r");
    assert!(pty.wait_for("folio=0", EVENTUALLY), "{}", pty.screen_text());
    pty.send("exit\r");
    assert!(pty.wait_exit(EVENTUALLY).is_some());
}

#[test]
fn ctrl_z_without_job_control_keeps_running() {
    // Started directly in the terminal, folio leads an orphaned process group, so the kernel
    // discards its SIGTSTP: it must carry on with a full screen instead of wedging.
    let mut pty = started(100, 30);
    assert!(pty.settle(Duration::from_millis(300)));
    let mark = pty.mark();
    pty.send("\x1a");
    assert!(pty.settle(Duration::from_millis(300)));
    assert_ne!(pty.state(), Some('T'));
    let bytes = pty.bytes_since(mark);
    let entered = rfind(&bytes, b"\x1b[?1049h").expect("did not take the screen back");
    assert!(rfind(&bytes, b"\x1b[?1049l").is_some_and(|left| left < entered));
    assert!(pty.wait_for("5/5", EVENTUALLY), "{}", pty.screen_text());
    pty.send("q");
    assert_eq!(exit_code(&mut pty, EVENTUALLY), 0);
}
