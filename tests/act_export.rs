//! `--export`: JSON Lines, CSV and Markdown, to standard output or a file; what JSON Lines and
//! CSV exports hold reads back as the same articles.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use common::cli::run;
use serde_json::Value;

/// Title, date, source and paragraphs of article `n` of `paths`, as `--print N --json` has them.
fn article(n: usize, paths: &[&str]) -> (Value, Value, Value, Value) {
    let n = n.to_string();
    let mut args = vec!["--print", n.as_str(), "--json"];
    args.extend(paths);
    let (out, err, code) = run(&args);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    (
        v["title"].clone(),
        v["date"].clone(),
        v["source"].clone(),
        v["paragraphs"].clone(),
    )
}

fn count(paths: &[&str]) -> usize {
    let mut args = vec!["--list"];
    args.extend(paths);
    run(&args).0.lines().count()
}

const PAGE: &str = "<html><head><title>Harbour reopens</title>\
<link rel=\"canonical\" href=\"https://news.example/harbour\"></head><body><article>\
<h1>Harbour reopens</h1><p>The port <a href=\"https://ok.example/a\">authority</a> said the \
harbour would reopen on Monday after the storm, and ferries would run on time.</p>\
<p>Repairs took a week &amp; more, the crews said.</p></article></body></html>";

#[test]
fn json_lines_and_csv_exports_read_back_as_the_same_articles() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("harbour.html"), PAGE).unwrap();
    let page = dir.path().join("harbour.html");
    let page = page.to_str().unwrap();
    for (format, name) in [("jsonl", "out.jsonl"), ("csv", "out.csv")] {
        // The bundled articles.
        let (out, err, code) = run(&["--export", format]);
        assert_eq!(code, 0, "{err}");
        let file = dir.path().join(name);
        std::fs::write(&file, &out).unwrap();
        let file = file.to_str().unwrap();
        assert_eq!(count(&[file]), 5, "{format}");
        for n in 1..=5 {
            assert_eq!(article(n, &[file]), article(n, &[]), "{format} article {n}");
        }
        // A page with links and an address of its own (CSV has no null: an empty source
        // there is the address's host when read back).
        if format == "jsonl" {
            let (out, _, _) = run(&["--export", format, page]);
            std::fs::write(file, &out).unwrap();
            assert_eq!(article(1, &[file]), article(1, &[page]), "{format}");
        }
        let (json, _, _) = run(&["--print", "1", "--json", page]);
        assert!(json.contains("authority[1]"), "{json}");
    }
    let (jsonl, _, _) = run(&["--export", "jsonl", page]);
    let v: Value = serde_json::from_str(jsonl.trim()).unwrap();
    assert_eq!(v["url"], "https://news.example/harbour");
    assert_eq!(v["links"][0], "https://ok.example/a");
}

#[test]
fn markdown_puts_each_article_under_its_title() {
    let (out, err, code) = run(&["--export", "md", "--filter", "kunduz"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("# "), "{out}");
    let headings = out.lines().filter(|l| l.starts_with("# ")).count();
    let (list, _, _) = run(&["--filter", "kunduz"]);
    assert_eq!(headings, list.lines().count());
    assert_eq!(out.matches("\n---\n").count(), headings - 1);
}

#[test]
fn a_filter_chooses_and_orders_what_is_exported() {
    let (out, _, code) = run(&["--export", "jsonl", "--filter", "taliban !kunduz"]);
    assert_eq!(code, 0);
    let (list, _, _) = run(&["--filter", "taliban !kunduz"]);
    let titles: Vec<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["title"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    let listed: Vec<String> = list
        .lines()
        .map(|l| l.split('\t').nth(3).unwrap().to_owned())
        .collect();
    assert_eq!(titles, listed);
    let (out, _, code) = run(&["--export", "csv", "--filter", "nosuchwordanywhere"]);
    assert_eq!((out.as_str(), code), ("title,date,source,url,text\n", 1));
}

#[test]
fn output_goes_to_a_file_never_into_the_corpus_and_bad_formats_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("news");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("a.txt"),
        "Headline\n\nSome text of the article.\n",
    )
    .unwrap();
    let c = corpus.to_str().unwrap();
    let inside = corpus.join("out.jsonl");
    let (_, err, code) = run(&["--export", "jsonl", "--output", inside.to_str().unwrap(), c]);
    assert_eq!(code, 2);
    assert!(err.contains("folio never writes into a corpus"), "{err}");
    assert!(!inside.exists());
    let outside = dir.path().join("out.jsonl");
    let (out, err, code) = run(&[
        "--export",
        "jsonl",
        "--output",
        outside.to_str().unwrap(),
        c,
    ]);
    assert_eq!((out.as_str(), code), ("", 0), "{err}");
    assert!(
        std::fs::read_to_string(&outside)
            .unwrap()
            .contains("\"title\":\"Headline\"")
    );
    let (_, err, code) = run(&["--export", "xml"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown export format `xml`: use jsonl, csv or md"),
        "{err}"
    );
}
