//! The habits of less, fzf, mutt and newsboat, in the real binary: `q` and Esc close a window,
//! the place in an article survives a restart, the filter bar edits like a line editor and
//! remembers earlier queries, Space at the end moves on, and the title stays in view.

use std::path::Path;
use std::time::Duration;

use crate::harness::{EVENTUALLY, Pty, Spawn, reader_text};

const SETTLE: Duration = Duration::from_millis(300);

/// folio at 100x30 on the bundled articles, its state under `dir` (shared between runs).
fn start_in(dir: &Path, fresh: bool) -> Pty {
    let mut spawn = Spawn::folio(100, 30)
        .env("XDG_STATE_HOME", dir.join("state"))
        .env("XDG_CONFIG_HOME", dir.join("config"));
    if fresh {
        spawn = spawn.arg("--fresh");
    }
    let pty = spawn.start();
    assert!(pty.wait_for("/5", EVENTUALLY), "{}", pty.screen_text());
    assert!(pty.settle(SETTLE));
    pty
}

fn quit(mut pty: Pty) {
    pty.send("q");
    let status = pty.wait_exit(EVENTUALLY).expect("exited");
    assert_eq!(status.exit_code(), 0, "{status:?}");
}

#[test]
fn q_and_esc_close_the_help_and_the_skipped_files_without_quitting() {
    let dir = tempfile::tempdir().expect("dir");
    let mut pty = start_in(dir.path(), true);
    let first = pty.screen_text();
    for (open, shown, close) in [
        ("?", "Keys", "q"),
        ("?", "Keys", "\x1b"),
        ("S", "skipped", "q"),
        ("S", "skipped", "\x1b"),
    ] {
        pty.send(open);
        assert!(
            pty.wait_until(EVENTUALLY, |p| p.screen_text() != first),
            "{open} opens a window"
        );
        assert!(pty.settle(SETTLE));
        let window = pty.screen_text();
        assert!(
            window.to_lowercase().contains(&shown.to_lowercase()),
            "{window}"
        );
        pty.send(close);
        assert!(
            pty.wait_until(EVENTUALLY, |p| p.screen_text() == first),
            "{close:?} closes {open}:\n{}",
            pty.screen_text()
        );
        assert!(
            pty.wait_exit(Duration::from_millis(200)).is_none(),
            "still running"
        );
    }
    quit(pty);
}

#[test]
fn the_place_in_the_article_quit_in_comes_back_and_stays_saved() {
    let dir = tempfile::tempdir().expect("dir");
    let mut pty = start_in(dir.path(), false);
    pty.send("j\t");
    pty.send("jjjjjjjj");
    assert!(pty.settle(SETTLE));
    let before = reader_text(&pty);
    quit(pty);
    let saved = || std::fs::read_to_string(dir.path().join("state/folio/bundled.json"));
    let first = saved().expect("state");
    assert!(first.contains("\"line\": 8"), "{first}");

    let pty = start_in(dir.path(), false);
    assert_eq!(reader_text(&pty), before, "{}", pty.screen_text());
    quit(pty);
    let after = saved().expect("state");
    assert!(after.contains("\"line\": 8"), "the entry survives: {after}");
}

/// The bottom row: the filter bar or the status line.
fn bottom_row(pty: &Pty) -> String {
    pty.screen_text()
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

fn wait_bottom(pty: &Pty, want: &str) {
    assert!(
        pty.wait_until(EVENTUALLY, |p| {
            bottom_row(p).split("  ignored:").next().map(str::trim_end) == Some(want)
        }),
        "want {want:?}, bottom row: {:?}",
        bottom_row(pty)
    );
}

#[test]
fn the_filter_bar_edits_like_readline_and_remembers_across_a_restart() {
    let dir = tempfile::tempdir().expect("dir");
    let mut pty = start_in(dir.path(), true);
    pty.send("/gordon");
    wait_bottom(&pty, "/gordon");
    pty.send("\x1b[H"); // Home
    pty.send("tony | ");
    wait_bottom(&pty, "/tony | gordon");
    assert!(pty.settle(SETTLE));
    let cursor = pty.with_screen(|s| s.cursor_position());
    assert_eq!(cursor, (29, 8), "the cursor after the typed text");
    pty.send("\x05\x1b[D\x1b[D\x1b[D"); // Ctrl-E, three times Left
    pty.send("\x0b"); // Ctrl-K
    wait_bottom(&pty, "/tony | gor");
    pty.send("\x01\x1bf\x04"); // Ctrl-A, Alt-F, Ctrl-D
    wait_bottom(&pty, "/tony| gor");
    pty.send("\x15"); // Ctrl-U
    wait_bottom(&pty, "/| gor");
    pty.send("\x1b[200~taliban\nkabul\x1b[201~"); // a bracketed paste
    wait_bottom(&pty, "/taliban kabul| gor");
    pty.send("\x17"); // Ctrl-W
    wait_bottom(&pty, "/taliban | gor");
    pty.send("\x05\x15khalil\r"); // Ctrl-E, Ctrl-U: the bar is empty again
    pty.send("/\x05\x15oslo\r");
    assert!(pty.settle(SETTLE));
    quit(pty);

    let mut pty = start_in(dir.path(), true);
    pty.send("/");
    pty.send("\x1b[A"); // Up
    wait_bottom(&pty, "/oslo");
    pty.send("\x10"); // Ctrl-P
    wait_bottom(&pty, "/khalil");
    pty.send("\x1b[B\x1b[B"); // Down twice
    wait_bottom(&pty, "/");
    pty.send("\r");
    quit(pty);
}

/// The reader's top border row.
fn reader_border(pty: &Pty) -> String {
    pty.screen_text()
        .lines()
        .next()
        .unwrap_or_default()
        .chars()
        .skip(33)
        .collect()
}

#[test]
fn the_title_stays_in_view_and_space_at_the_end_moves_on() {
    let dir = tempfile::tempdir().expect("dir");
    let mut pty = start_in(dir.path(), true);
    assert!(reader_border(&pty).contains("000_fa3a172fdca67ea3.txt"));
    pty.send("\t");
    pty.send("jjjjj");
    assert!(
        pty.wait_until(EVENTUALLY, |p| reader_border(p)
            .contains("The spokesman for")),
        "the title, scrolled away, is in the border: {}",
        pty.screen_text()
    );
    pty.send("z");
    assert!(
        pty.wait_until(EVENTUALLY, |p| bottom_row(p)
            .starts_with(" The spokesman for")),
        "and in reading mode's last row: {}",
        pty.screen_text()
    );
    pty.send("zG");
    assert!(pty.wait_for("100%", EVENTUALLY), "{}", pty.screen_text());
    pty.send(" ");
    assert!(
        pty.wait_until(EVENTUALLY, |p| reader_border(p)
            .contains("001_009fba84ec7cbc00.txt")),
        "Space at the end opens the next article: {}",
        pty.screen_text()
    );
    assert!(
        pty.wait_for("4 unread", EVENTUALLY),
        "{}",
        pty.screen_text()
    );
    quit(pty);
}

#[test]
fn print_on_a_wide_terminal_wraps_to_the_reading_width() {
    let mut pty = Spawn::folio(200, 30).arg("--print").arg("3").start();
    let status = pty.wait_exit(EVENTUALLY).expect("exited");
    assert_eq!(status.exit_code(), 0, "{status:?}");
    pty.drain();
    let text = pty.screen_text();
    let widest = text.lines().map(|l| l.trim_end().chars().count()).max();
    assert!(
        widest.is_some_and(|w| (60..=80).contains(&w)),
        "{widest:?}:\n{text}"
    );
}

#[test]
fn a_missing_path_is_named_and_the_others_open() {
    let dir = crate::harness::folder(&[(b"one.txt", b"The only headline\n\nBody.\n")]);
    let pty = Spawn::folio(100, 30)
        .arg(dir.path())
        .arg("/no/such/folder-here")
        .env("XDG_STATE_HOME", dir.path().join("state"))
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .start();
    assert!(pty.wait_for("1/1", EVENTUALLY), "{}", pty.screen_text());
    assert!(
        pty.wait_until(EVENTUALLY, |p| bottom_row(p)
            .contains("no such file or folder: /no/such/folder-here")),
        "{}",
        pty.screen_text()
    );
    quit(pty);
}

#[test]
fn list_on_a_terminal_shows_paths_made_safe() {
    let dir = crate::harness::folder(&[(b"tab\there\x1b[31m.txt", b"Odd name\n\nBody.\n")]);
    let mut pty = Spawn::folio(100, 30).arg("--list").arg(dir.path()).start();
    let status = pty.wait_exit(EVENTUALLY).expect("exited");
    assert_eq!(status.exit_code(), 0, "{status:?}");
    pty.drain();
    let text = pty.screen_text();
    assert!(text.contains("Odd name"), "{text}");
    assert!(!text.contains("\\t"), "no escapes on a terminal: {text}");
    assert_eq!(
        text.lines().filter(|l| !l.trim().is_empty()).count(),
        1,
        "{text}"
    );
}
