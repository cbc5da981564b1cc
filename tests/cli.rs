//! The command line: `--list`, `--filter`, `--print`, `--json`, errors and exit codes, pipes.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use common::cli::{folio, run};

use std::io::Read;
use std::process::Stdio;

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

/// The paths `--filter QUERY` prints, in its order.
fn filtered(query: &str) -> Vec<String> {
    let (out, err, code) = run(&["--filter", query]);
    assert_eq!(code, if out.is_empty() { 1 } else { 0 }, "{err}");
    out.lines()
        .map(|l| l.rsplit('\t').next().unwrap_or("").to_string())
        .collect()
}

#[test]
fn filter_prints_what_the_interface_shows_best_first() {
    // Both name the Taliban in their titles; 003 has more hits in its text.
    assert_eq!(
        filtered("taliban !kunduz"),
        ["003_52d8e2bfa1f724e8.txt", "004_8da5c2bbc2bd8093.txt"]
    );
    // One hit each, neither in a title nor dated: the better-scoring match first, though its
    // path sorts later.
    assert_eq!(
        filtered("oslo|rawalpindi"),
        ["003_52d8e2bfa1f724e8.txt", "000_fa3a172fdca67ea3.txt"]
    );
    assert!(filtered("xq").is_empty());
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
    let (text, _, _) = run(&["--list"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    for (i, (line, row)) in lines.iter().zip(text.lines()).enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
        let keys: Vec<&str> = v
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "date",
                "duplicate_of",
                "number",
                "path",
                "source",
                "story",
                "title"
            ],
            "{line}"
        );
        let row: Vec<&str> = row.split('\t').collect();
        assert_eq!(v["number"], i + 1, "{line}");
        assert_eq!(v["title"], row[3], "{line}");
        assert_eq!(v["path"], row[4], "{line}");
        assert_eq!(v["date"].as_str().unwrap_or("-"), row[1], "{line}");
        assert_eq!(v["source"].as_str().unwrap_or("-"), row[2], "{line}");
    }
    let (out, _, _) = run(&["--print", "2", "--json"]);
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("JSON");
    assert_eq!(v["source"], "FRANCE 24");
    assert!(v["paragraphs"].as_array().is_some_and(|p| p.len() > 5));
}

/// A folder with one article and three files that are skipped.
fn folder_with_skips() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("dir");
    let files: &[(&str, &[u8])] = &[
        ("article.txt", b"Headline\n\nBody.\n"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0"),
        ("blank.txt", b"  \n\n"),
        ("empty.txt", b""),
    ];
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).expect("write");
    }
    dir
}

#[test]
fn skipped_files_are_summarised_on_stderr_and_listed_with_skipped() {
    let dir = folder_with_skips();
    let root = dir.path().to_str().expect("UTF-8 temp path");
    let (out, err, code) = run(&["--list", root]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        [format!(
            "folio: skipped 3 files (1 binary, 1 empty file, 1 only whitespace): \
             {root}/binary.txt, {root}/blank.txt, {root}/empty.txt; `folio --skipped` lists them all"
        )],
        "one line, never one per file"
    );
    let (out, err, code) = run(&["--skipped", root]);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "{err}");
    let want = [
        format!("{root}/binary.txt\tbinary file (PNG image)"),
        format!("{root}/blank.txt\tonly whitespace"),
        format!("{root}/empty.txt\tempty file"),
    ];
    assert_eq!(out.lines().collect::<Vec<_>>(), want);
}

#[test]
fn with_json_the_summary_and_the_skipped_files_are_json_lines() {
    let dir = folder_with_skips();
    let root = dir.path().to_str().expect("UTF-8 temp path");
    let (out, err, code) = run(&["--list", "--json", root]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    let summary: Vec<serde_json::Value> = err
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line on stderr"))
        .collect();
    assert_eq!(
        summary,
        [serde_json::json!({
            "skipped": 3,
            "reasons": {"binary": 1, "empty_file": 1, "only_whitespace": 1},
            "first": [
                format!("{root}/binary.txt"),
                format!("{root}/blank.txt"),
                format!("{root}/empty.txt"),
            ],
        })]
    );
    let (out, _, code) = run(&["--skipped", "--json", root]);
    assert_eq!(code, 0);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    let want = [
        ("binary.txt", "binary", "binary file (PNG image)"),
        ("blank.txt", "only_whitespace", "only whitespace"),
        ("empty.txt", "empty_file", "empty file"),
    ];
    let want: Vec<serde_json::Value> = want
        .iter()
        .map(|(name, reason, message)| {
            serde_json::json!({
                "path": format!("{root}/{name}"),
                "reason": reason,
                "message": message,
            })
        })
        .collect();
    assert_eq!(lines, want);
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
    assert!(
        err.contains("skipped 3 files (2 binary, 1 empty file)"),
        "{err}"
    );
    let all = folio()
        .arg("--skipped")
        .arg(dir.path())
        .output()
        .expect("run");
    let all = String::from_utf8_lossy(&all.stdout);
    assert!(all.contains("empty.txt\tempty file"), "{all}");
    assert!(all.contains("binary.txt\tbinary file"), "{all}");
    assert!(all.contains("nul.txt\tbinary file"), "{all}");
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
        assert_eq!(code, if out.is_empty() { 1 } else { 0 }, "{query:?}");
        let cli: Vec<String> = out
            .lines()
            .map(|l| l.rsplit('\t').next().unwrap_or("").to_string())
            .collect();
        assert_eq!(bar, cli, "query {query:?}");
    }
}
