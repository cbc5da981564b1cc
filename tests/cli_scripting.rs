//! Scripting as grep has it: exit codes, a missing path among good ones, real paths in JSON
//! and on a pipe, and `--print`'s width.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use common::cli::run;

/// A folder with one article and a file that is skipped.
fn folder_with_one() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("article.txt"), b"Headline\n\nBody.\n").expect("write");
    std::fs::write(dir.path().join("empty.txt"), b"").expect("write");
    dir
}

#[test]
fn exit_codes_as_grep_has_them() {
    let (out, _, code) = run(&["--filter", "taliban"]);
    assert_eq!(code, 0);
    assert!(!out.is_empty());
    let (out, err, code) = run(&["--filter", "xqzzy"]);
    assert_eq!(code, 1, "no match: {err}");
    assert!(out.is_empty());
    let (_, _, code) = run(&["--list"]);
    assert_eq!(code, 0);
}

#[test]
fn a_missing_path_among_good_ones_is_named_and_the_rest_still_print() {
    let dir = folder_with_one();
    let root = dir.path().to_str().expect("UTF-8 temp path");
    let (out, err, code) = run(&["--list", "/no/such/folder-here", root]);
    assert_eq!(code, 2, "an error, as grep has it: {err}");
    assert_eq!(out.lines().count(), 1, "the good path still lists: {out}");
    assert!(
        err.lines()
            .any(|l| l == "folio: no such file or folder: /no/such/folder-here"),
        "{err}"
    );
    let (out, _, code) = run(&["--filter", "headline", root, "/no/such/file.txt"]);
    assert_eq!(code, 2);
    assert_eq!(out.lines().count(), 1);
}

#[test]
fn json_paths_are_the_real_ones_and_pipes_get_them_escaped() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().expect("dir");
    let odd = std::ffi::OsStr::from_bytes(b"tab\there\x1b[31m.txt");
    let latin1 = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::write(dir.path().join(odd), "Odd name\n\nBody.\n").expect("write");
    std::fs::write(dir.path().join(latin1), "Latin-1 name\n\nBody.\n").expect("write");
    let root = dir.path().to_str().expect("UTF-8 temp path");
    let (out, err, code) = run(&["--list", "--json", root]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    let by_title = |t: &str| {
        lines
            .iter()
            .find(|l| l["title"] == t)
            .unwrap_or_else(|| panic!("{t}: {out}"))
            .clone()
    };
    let odd_line = by_title("Odd name");
    assert_eq!(odd_line["path"], format!("{root}/tab\there\u{1b}[31m.txt"));
    assert!(odd_line.get("path_base64").is_none());
    assert!(
        out.contains(r"tab\there\u001b[31m.txt"),
        "escaped in JSON: {out}"
    );
    let latin = by_title("Latin-1 name");
    assert_eq!(latin["path"], format!("{root}/caf\u{fffd}.txt"));
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(latin["path_base64"].as_str().expect("path_base64"))
        .expect("base64");
    assert_eq!(bytes, [root.as_bytes(), b"/caf\xe9.txt"].concat());

    let (out, _, _) = run(&["--list", root]);
    let paths: Vec<&str> = out.lines().filter_map(|l| l.rsplit('\t').next()).collect();
    assert_eq!(
        out.lines().count(),
        2,
        "a tab or newline never splits a line: {out}"
    );
    assert!(
        paths.contains(&format!("{root}/caf\\xe9.txt").as_str()),
        "{paths:?}"
    );
    assert!(
        out.contains(&format!("{root}/tab\\there\\x1b[31m.txt")),
        "{out}"
    );
}

#[test]
fn print_wraps_to_the_reading_width_and_a_tiny_width_is_an_error() {
    let (out, _, code) = run(&["--print", "3"]);
    assert_eq!(code, 0);
    let widest = out
        .lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(0);
    assert!((70..=80).contains(&widest), "80 by default: {widest}");
    let (out, err, code) = run(&["--print", "3", "--width", "0"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("--width") && err.contains("20"), "{err}");
    let (_, _, code) = run(&["--print", "3", "--width", "20"]);
    assert_eq!(code, 0);
}
