//! Reading state and user settings across real restarts: the session comes back, marks survive,
//! a corrupt state file is set aside, and a config file rebinds keys (and the help says so).

use std::path::Path;
use std::time::Duration;

use crate::harness::{EVENTUALLY, Pty, Spawn, folio, reader_text};

/// folio at 100x30 with its state and config under `dir` (shared between runs).
fn start_in(dir: &Path) -> Pty {
    let pty = Spawn::folio(100, 30)
        .env("XDG_STATE_HOME", dir.join("state"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .start();
    assert!(pty.wait_for("/5", EVENTUALLY), "{}", pty.screen_text());
    assert!(pty.settle(Duration::from_millis(300)));
    pty
}

fn quit(mut pty: Pty, key: &str) {
    pty.send(key);
    let status = pty.wait_exit(EVENTUALLY).expect("exited");
    assert_eq!(status.exit_code(), 0, "{status:?}");
}

/// Quits with `q`, keeping the terminal to read what was printed after.
fn quit_and_wait(pty: &mut Pty) {
    pty.send("q");
    let status = pty.wait_exit(EVENTUALLY).expect("exited");
    assert_eq!(status.exit_code(), 0, "{status:?}");
}

#[test]
fn a_restart_comes_back_to_the_same_filter_article_and_line() {
    let dir = tempfile::tempdir().expect("dir");
    let mut pty = start_in(dir.path());
    pty.send("/khalil\r");
    assert!(pty.wait_for("4/5", EVENTUALLY), "{}", pty.screen_text());
    pty.send("j\t");
    pty.send("jjjjjjj");
    assert!(pty.settle(Duration::from_millis(400)));
    let before = reader_text(&pty);
    quit(pty, "q");

    let pty = start_in(dir.path());
    assert!(pty.wait_for("4/5", EVENTUALLY), "{}", pty.screen_text());
    assert!(pty.settle(Duration::from_millis(400)));
    assert!(
        pty.screen_text().contains("/khalil"),
        "{}",
        pty.screen_text()
    );
    assert_eq!(reader_text(&pty), before);
    quit(pty, "q");

    let fresh = Spawn::folio(100, 30)
        .arg("--fresh")
        .env("XDG_STATE_HOME", dir.path().join("state"))
        .start();
    assert!(
        fresh.wait_for("5/5", EVENTUALLY),
        "--fresh ignores the saved filter"
    );
    quit(fresh, "q");
}

#[test]
fn read_and_marked_articles_stay_so_after_a_restart() {
    let dir = tempfile::tempdir().expect("dir");
    let mut pty = start_in(dir.path());
    assert!(
        pty.screen_text().contains("5 unread"),
        "{}",
        pty.screen_text()
    );
    pty.send("jmM");
    assert!(
        pty.wait_for("4 unread", EVENTUALLY),
        "{}",
        pty.screen_text()
    );
    quit(pty, "q");

    let pty = start_in(dir.path());
    let screen = pty.screen_text();
    assert!(screen.contains("4 unread"), "{screen}");
    let second_row = screen.lines().nth(2).unwrap_or_default().to_string();
    assert!(
        second_row.starts_with("│ *"),
        "read and marked: {second_row}"
    );
    quit(pty, "q");
}

#[test]
fn a_corrupt_state_file_is_set_aside_and_reading_goes_on() {
    let dir = tempfile::tempdir().expect("dir");
    let state = dir.path().join("state").join("folio");
    std::fs::create_dir_all(&state).expect("state dir");
    std::fs::write(state.join("bundled.json"), b"{\"app\": \"folio\", \"vers").expect("write");
    let pty = start_in(dir.path());
    assert!(pty.screen_text().contains("5/5"), "{}", pty.screen_text());
    let names: Vec<String> = std::fs::read_dir(&state)
        .expect("list")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().any(|n| n.contains(".corrupt")), "{names:?}");
    let last = pty
        .screen_text()
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(
        last.contains("unreadable") || last.contains("corrupt"),
        "notice: {last}"
    );
    quit(pty, "q");
}

#[test]
fn a_config_file_rebinds_quit_and_the_help_says_so() {
    let dir = tempfile::tempdir().expect("dir");
    let out = {
        let _shared = crate::harness::shared();
        std::process::Command::new(folio())
            .arg("--print-config")
            .output()
            .expect("run --print-config")
    };
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.contains("quit = [\"q\"]"), "{text}");
    let config = text.replace("quit = [\"q\"]", "quit = [\"x\"]");
    let folder = dir.path().join("config").join("folio");
    std::fs::create_dir_all(&folder).expect("config dir");
    std::fs::write(folder.join("config.toml"), config).expect("write config");

    let mut pty = start_in(dir.path());
    // The help, scrolled down to the row of quit.
    pty.send("?jjjjjjjjjjjjj");
    assert!(
        pty.wait_for("this help", EVENTUALLY),
        "{}",
        pty.screen_text()
    );
    let quit_row = pty
        .screen_text()
        .lines()
        .find(|l| l.contains(" quit"))
        .unwrap_or_default()
        .to_string();
    assert!(quit_row.contains(" x  quit"), "{quit_row}");
    assert!(!quit_row.contains("q,"), "{quit_row}");
    pty.send("\x1b");
    assert!(pty.settle(Duration::from_millis(300)));
    pty.send("q");
    assert!(pty.settle(Duration::from_millis(500)));
    assert!(
        pty.wait_exit(Duration::from_millis(200)).is_none(),
        "q still quit"
    );
    quit(pty, "x");
}

#[test]
fn y_puts_title_and_path_on_the_clipboard_with_osc_52() {
    use base64::Engine;
    let dir = tempfile::tempdir().expect("dir");
    let mut pty = start_in(dir.path());
    let mark = pty.mark();
    pty.send("jjy");
    assert!(pty.wait_for("copied", EVENTUALLY), "{}", pty.screen_text());
    let out = pty.bytes_since(mark);
    let expected = base64::engine::general_purpose::STANDARD.encode(
        "Taliban in ceasefire talks with Afghan government: US official\n002_c6dc9904ae642ca3.txt",
    );
    let osc = format!("\x1b]52;c;{expected}\x07");
    assert!(
        crate::harness::contains(&out, osc.as_bytes()),
        "{}",
        String::from_utf8_lossy(&out)
    );
    quit(pty, "q");
}

#[test]
fn a_file_size_limit_stops_saving_but_not_reading_and_loses_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let mut pty = start_in(dir.path());
    pty.send("m");
    assert!(
        pty.wait_for("4 unread", EVENTUALLY),
        "{}",
        pty.screen_text()
    );
    quit(pty, "q");

    // Files may grow to 16 bytes: every save fails (EFBIG, as on a full disk).
    let mut limited = Spawn::program("prlimit", 100, 30)
        .arg("--fsize=16")
        .arg("--")
        .arg(folio())
        .env("XDG_STATE_HOME", dir.path().join("state"))
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .start();
    assert!(
        limited.wait_for("4 unread", EVENTUALLY),
        "{}",
        limited.screen_text()
    );
    limited.send("jm");
    limited.send("j");
    assert!(
        limited.wait_for("3 unread", EVENTUALLY),
        "reading goes on: {}",
        limited.screen_text()
    );
    let status = limited.wait_exit(Duration::from_millis(300));
    assert!(status.is_none(), "folio died: {status:?}");
    quit_and_wait(&mut limited);
    // The last save, on quitting, fails too and says so on the terminal.
    assert!(
        limited.wait_for("folio: cannot save reading state", EVENTUALLY),
        "{}",
        limited.screen_text()
    );

    let pty = start_in(dir.path());
    assert!(
        pty.wait_for("4 unread", EVENTUALLY),
        "what was saved before is still there: {}",
        pty.screen_text()
    );
    quit(pty, "q");
}
