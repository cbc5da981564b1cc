//! The command line: `--list`, `--filter`, `--print`, `--json`, errors and exit codes, pipes.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::io::Read;
use std::process::{Command, Stdio};

fn folio() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_folio"));
    let home = std::env::temp_dir().join("folio-cli-test-home");
    cmd.env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .stdin(Stdio::null());
    cmd
}

fn run(args: &[&str]) -> (String, String, i32) {
    let out = folio().args(args).output().expect("run folio");
    (
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn list_shows_the_bundled_five_with_dates_and_sources() {
    let (out, err, code) = run(&["--list"]);
    assert_eq!(code, 0, "{err}");
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 5, "{out}");
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row.len(), 5, "{row:?}");
        assert_eq!(row[0], (i + 1).to_string());
        assert!(row[4].ends_with(".txt") && !row[4].contains('/'), "{row:?}");
    }
    let dates: Vec<&str> = rows.iter().map(|r| r[1]).filter(|d| *d != "-").collect();
    assert_eq!(dates, ["2019-09-01", "2020-02-12"]);
    let sources: Vec<&str> = rows.iter().map(|r| r[2]).filter(|s| *s != "-").collect();
    assert_eq!(sources, ["TRT World", "FRANCE 24"]);
    assert_eq!(
        rows[2][3],
        "Taliban in ceasefire talks with Afghan government: US official"
    );
}

#[test]
fn without_a_terminal_folio_prints_the_list() {
    let (plain, _, code) = run(&[]);
    assert_eq!(code, 0);
    let (list, _, _) = run(&["--list"]);
    assert_eq!(plain, list);
}

#[test]
fn filter_prints_what_the_interface_shows_best_first() {
    let (out, _, code) = run(&["--filter", "taliban !kunduz"]);
    assert_eq!(code, 0);
    let paths: Vec<&str> = out
        .lines()
        .map(|l| l.rsplit('\t').next().unwrap_or(""))
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        ["003_52d8e2bfa1f724e8.txt", "004_8da5c2bbc2bd8093.txt"]
    );
    let (out, _, _) = run(&["--filter", "oslo|rawalpindi"]);
    let mut paths: Vec<&str> = out
        .lines()
        .map(|l| l.rsplit('\t').next().unwrap_or(""))
        .collect();
    paths.sort();
    assert_eq!(
        paths,
        ["000_fa3a172fdca67ea3.txt", "003_52d8e2bfa1f724e8.txt"]
    );
    let (out, _, _) = run(&["--filter", "xq"]);
    assert!(out.is_empty(), "{out}");
}

#[test]
fn print_wraps_to_the_width_asked() {
    let (out, _, code) = run(&["--print", "3", "--width", "40"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("Taliban in ceasefire talks"), "{out}");
    let meta = lines[lines.iter().position(|l| l.is_empty()).expect("blank") + 1];
    assert!(meta.contains("words"), "{meta}");
    for line in &lines {
        assert!(
            unicode_width::UnicodeWidthStr::width(*line) <= 40,
            "{line:?}"
        );
    }
    let (_, err, code) = run(&["--print", "9"]);
    assert_ne!(code, 0);
    assert!(err.contains("9"), "{err}");
}

#[test]
fn json_lines_parse() {
    let (out, _, code) = run(&["--list", "--json"]);
    assert_eq!(code, 0);
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
        assert!(v["title"].is_string() && v["number"].is_number(), "{line}");
    }
    let (out, _, _) = run(&["--print", "2", "--json"]);
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("JSON");
    assert_eq!(v["source"], "FRANCE 24");
    assert!(v["paragraphs"].as_array().is_some_and(|p| p.len() > 5));
}

#[test]
fn a_missing_path_is_named_and_exits_2() {
    let (out, err, code) = run(&["--list", "/no/such/folder-here"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("/no/such/folder-here"), "{err}");
}

#[test]
fn a_closed_pipe_exits_quietly() {
    let dir = tempfile::tempdir().expect("dir");
    for i in 0..3000 {
        std::fs::write(
            dir.path().join(format!("{i:05}.txt")),
            format!("Headline {i}\n\nBody {i}.\n"),
        )
        .expect("write");
    }
    let mut child = folio()
        .arg("--list")
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn hostile_files_are_reported_and_never_reach_the_output() {
    let dir = tempfile::tempdir().expect("dir");
    let files: &[(&str, &[u8])] = &[
        ("title.txt", b"\x1b]0;pwned\x07Real title\x1b[31m red\x1b[0m\n\nBody \x1b]52;c;aGk=\x07 text \x9b2J and \xe2\x80\xae bidi.\n"),
        ("osc8.txt", b"Link \x1b]8;;http://x\x1b\\here\x1b]8;;\x1b\\ text\n\nMore \x07 bell \x08\x08 and \x1bc reset.\n"),
        ("empty.txt", b""),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0"),
        ("nul.txt", b"text\0with nul"),
    ];
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).expect("write");
    }
    let out = folio().arg("--list").arg(dir.path()).output().expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("empty.txt: empty file"), "{err}");
    assert!(err.contains("binary.txt: binary file"), "{err}");
    assert!(err.contains("nul.txt: binary file"), "{err}");
    let listed = String::from_utf8_lossy(&out.stdout).lines().count();
    assert_eq!(listed, 2);
    for n in 1..=listed {
        let out = folio()
            .args(["--print", &n.to_string(), "--width", "50"])
            .arg(dir.path())
            .output()
            .expect("run");
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        for c in text.chars() {
            let bad = (c < ' ' && c != '\n')
                || c == '\u{7f}'
                || ('\u{80}'..='\u{9f}').contains(&c)
                || c == '\u{202e}';
            assert!(!bad, "control {c:?} in --print {n}: {text:?}");
        }
        assert!(
            !text.contains("pwned"),
            "an OSC title's payload reached --print: {text}"
        );
    }
}

#[test]
fn the_filter_bar_and_filter_agree_on_articles_and_order() {
    for query in [
        "taliban",
        "khalilzd",
        "peace talks",
        "'us !kunduz",
        "\"peace talks\"",
        "source:france",
        "date:2019",
        "xq",
        "t",
    ] {
        let mut h = common::Harness::bundled(100, 30);
        h.filter(query);
        let bar = h.shown_paths();
        let (out, _, code) = run(&["--filter", query]);
        assert_eq!(code, 0);
        let cli: Vec<String> = out
            .lines()
            .map(|l| l.rsplit('\t').next().unwrap_or("").to_string())
            .collect();
        assert_eq!(bar, cli, "query {query:?}");
    }
}
