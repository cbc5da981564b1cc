//! The saved pages in `../shared/corpora/pages` (when present): how many of the sentences
//! `expected.json` lists as the article's appear in the text, and how many of its boilerplate
//! sentences leak into it. A measurement (`cargo bench --bench pages`), not a test: the project's
//! tests never read `../shared`. Fails below the floors reached; passes where the pages are absent.
#![allow(clippy::expect_used)]

use std::path::Path;

use folio::corpus::{Candidate, read_candidate};

/// Whitespace collapsed, so that a sentence is found across a line or paragraph break.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn saved_pages_give_their_articles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/pages");
    let Ok(expected) = std::fs::read_to_string(dir.join("expected.json")) else {
        eprintln!("skipped: no {}", dir.display());
        return;
    };
    let expected: serde_json::Value = serde_json::from_str(&expected).expect("expected.json");
    let pages = expected.as_object().expect("an object of pages");
    let (mut with, mut with_found, mut without, mut leaked) = (0, 0, 0, 0);
    let mut report = Vec::new();
    for (name, page) in pages {
        let path = dir.join(name);
        let size = std::fs::metadata(&path).map_or(0, |m| m.len());
        let read = read_candidate(&Candidate::file(path, size));
        let article = read.into_iter().find_map(Result::ok);
        let text = article.as_ref().map_or_else(String::new, |a| {
            squash(&format!("{}\n{}", a.title, a.paragraphs.join("\n")))
        });
        let list = |key: &str| -> Vec<String> {
            page[key]
                .as_array()
                .map(|a| a.iter().filter_map(|s| s.as_str().map(squash)).collect())
                .unwrap_or_default()
        };
        for s in list("with") {
            with += 1;
            if text.contains(&s) {
                with_found += 1;
            } else {
                report.push(format!("{name}: missing {s:?}"));
            }
        }
        for s in list("without") {
            without += 1;
            if text.contains(&s) {
                leaked += 1;
                report.push(format!("{name}: leaked {s:?}"));
            }
        }
    }
    let found = 100.0 * f64::from(with_found) / f64::from(with.max(1));
    let leaks = 100.0 * f64::from(leaked) / f64::from(without.max(1));
    eprintln!(
        "pages: {with_found}/{with} article sentences found ({found:.1}%), \
         {leaked}/{without} boilerplate sentences leaked ({leaks:.1}%)"
    );
    for line in &report {
        eprintln!("  {line}");
    }
    // The aim is 95% found and at most 5% leaked; these floors keep what has been reached.
    assert!(found >= 96.0, "{found:.1}% of the article sentences found");
    assert!(leaks <= 3.0, "{leaks:.1}% of the boilerplate leaked");
}

fn main() {
    saved_pages_give_their_articles();
}
