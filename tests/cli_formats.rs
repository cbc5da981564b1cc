//! The formats from the command line: datasets, compressed files and standard input in
//! `--list`, `--filter` and `--print`, broken records named on standard error.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn folio(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_folio"));
    cmd.env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_STATE_HOME", dir.join("state"))
        .stdin(Stdio::null());
    cmd
}

fn text(out: &[u8]) -> String {
    String::from_utf8(out.to_vec()).unwrap()
}

/// `(title, body)` for ten stories.
fn stories() -> Vec<(String, String)> {
    (0..10)
        .map(|i| {
            let topic = ["rates", "floods", "elections", "vaccines", "wheat"][i % 5];
            (
                format!("Story {i} about {topic}"),
                format!("The {topic} story number {i} went on for a while, and ended."),
            )
        })
        .collect()
}

fn jsonl() -> String {
    stories()
        .iter()
        .map(|(t, b)| format!("{}\n", serde_json::json!({"title": t, "text": b})))
        .collect()
}

/// What `--skipped` says of `file`: a line a skipped file or record, with its reason.
fn skipped(dir: &Path, file: &Path) -> String {
    let out = folio(dir).arg("--skipped").arg(file).output().unwrap();
    text(&out.stdout)
}

/// The titles and the places of `--filter`'s lines.
fn titles(out: &Output) -> Vec<String> {
    text(&out.stdout)
        .lines()
        .map(|l| l.split('\t').nth(3).unwrap_or("").to_owned())
        .collect()
}

#[test]
fn a_folder_of_text_files_and_one_json_lines_file_filter_alike() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("txt");
    std::fs::create_dir(&txt).unwrap();
    for (i, (t, b)) in stories().iter().enumerate() {
        std::fs::write(txt.join(format!("{i:02}.txt")), format!("{t}\n\n{b}\n")).unwrap();
    }
    let file = dir.path().join("news.jsonl");
    std::fs::write(&file, jsonl()).unwrap();
    for query in ["floods", "story !wheat", "elec"] {
        let a = folio(dir.path())
            .args(["--filter", query])
            .arg(&txt)
            .output()
            .unwrap();
        let b = folio(dir.path())
            .args(["--filter", query])
            .arg(&file)
            .output()
            .unwrap();
        assert!(a.status.success() && b.status.success());
        assert!(!titles(&a).is_empty(), "{query}");
        assert_eq!(titles(&a), titles(&b), "{query}");
    }
}

#[test]
fn broken_lines_are_named_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bbc.jsonl");
    let mut data = jsonl();
    data.push_str("{\"title\": \"cut\n{\"id\": 3}\n");
    std::fs::write(&file, data).unwrap();
    let out = folio(dir.path()).arg("--list").arg(&file).output().unwrap();
    assert!(out.status.success());
    assert_eq!(text(&out.stdout).lines().count(), 10);
    // Standard error names the bad lines in its summary; --skipped says why for each.
    let err = text(&out.stderr);
    assert!(
        err.contains("bbc.jsonl:11") && err.contains("bbc.jsonl:12"),
        "{err}"
    );
    let why = skipped(dir.path(), &file);
    assert!(
        why.contains("bbc.jsonl:11\tinvalid JSON (EOF while parsing a string at column 14)"),
        "{why}"
    );
    assert!(
        why.contains("bbc.jsonl:12\tno text field (fields: id)"),
        "{why}"
    );
    let out = folio(dir.path())
        .args(["--skipped", "--json"])
        .arg(&file)
        .output()
        .unwrap();
    let first: serde_json::Value =
        serde_json::from_str(text(&out.stdout).lines().next().unwrap_or("")).unwrap();
    assert_eq!(
        (first["record"].as_str(), first["line"].as_u64()),
        (Some("11"), Some(11))
    );
}

#[test]
fn a_record_too_large_is_skipped_not_loaded_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("huge.jsonl");
    let huge = format!(
        "{{\"title\": \"huge\", \"text\": \"{}\"}}",
        "word ".repeat(17 * 1024 * 1024 / 5)
    );
    let data = format!(
        "{{\"title\": \"before\", \"text\": \"a\"}}\n{huge}\n{{\"title\": \"after\", \"text\": \"b\"}}\n"
    );
    std::fs::write(&file, data).unwrap();
    let out = folio(dir.path()).arg("--list").arg(&file).output().unwrap();
    assert!(out.status.success());
    assert_eq!(titles(&out), ["before", "after"]);
    let why = skipped(dir.path(), &file);
    assert!(
        why.contains("huge.jsonl:2\trecord too large (17.0 MiB, limit 16.0 MiB)"),
        "{why}"
    );
}

#[test]
fn gzip_files_and_standard_input_read_as_any_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("news.jsonl.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(jsonl().as_bytes()).unwrap();
    let packed = gz.finish().unwrap();
    std::fs::write(&file, &packed).unwrap();
    let out = folio(dir.path()).arg("--list").arg(&file).output().unwrap();
    assert_eq!(
        text(&out.stdout).lines().count(),
        10,
        "{}",
        text(&out.stderr)
    );

    for args in [&["--print", "3", "-"][..], &["--print", "3"][..]] {
        let mut child = folio(dir.path())
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&packed).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        let printed = text(&out.stdout);
        assert!(
            printed.starts_with("Story 2 about elections\n"),
            "{args:?}: {printed}"
        );
    }
}

#[test]
fn without_a_pipe_no_path_still_means_the_bundled_articles() {
    let dir = tempfile::tempdir().unwrap();
    let out = folio(dir.path()).arg("--list").output().unwrap();
    assert_eq!(text(&out.stdout).lines().count(), 5);
}

#[test]
fn fields_name_the_paths_to_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("odd.json");
    let data = r#"[{"hed":"Odd names","story":{"body":"The body."},"meta":{"ts":1700000000}}]"#;
    std::fs::write(&file, data).unwrap();
    let out = folio(dir.path())
        .args([
            "--list",
            "--fields",
            "title=hed,text=story.body,date=meta.ts",
        ])
        .arg(&file)
        .output()
        .unwrap();
    let line = text(&out.stdout);
    assert!(
        line.starts_with("1\t2023-11-14\t-\tOdd names\t"),
        "{line}{}",
        text(&out.stderr)
    );
    let bad = folio(dir.path())
        .args(["--list", "--fields", "x=y"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn the_settings_name_the_fields_too_and_the_flag_wins() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("odd.jsonl");
    let data = r#"{"hed":"Odd names","other":"Other title","story":{"body":"The body."}}"#;
    std::fs::write(&file, format!("{data}\n")).unwrap();
    let config = dir.path().join("config").join("folio");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "[fields]\ntitle = \"hed\"\ntext = \"story.body\"\n",
    )
    .unwrap();
    let out = folio(dir.path()).arg("--list").arg(&file).output().unwrap();
    let line = text(&out.stdout);
    assert!(
        line.contains("\tOdd names\t"),
        "{line}{}",
        text(&out.stderr)
    );
    let out = folio(dir.path())
        .args(["--list", "--fields", "title=other,text=story.body"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(text(&out.stdout).contains("\tOther title\t"));
}
