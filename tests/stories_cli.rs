//! Stories for scripts: `--list --json` records carry `story` and `duplicate_of`, and
//! `--stories` prints each story of two or more articles.
#![allow(clippy::expect_used)]

mod common;

use common::cli::run;

fn records(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// A folder with a report, a verbatim copy of it, another outlet's report of the same event
/// and an unrelated article, as text files read in name order.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("dir");
    let event: Vec<String> = (0..30)
        .map(|i| format!("Flood{i} river{i} bridge{i} rescue{i} town{i}."))
        .collect();
    let mut other = event[..20].to_vec();
    other.extend((0..10).map(|i| format!("Mayor{i} shelter{i} rain{i}.")));
    let unrelated: Vec<String> = (0..30)
        .map(|i| format!("Budget{i} vote{i} finance{i}."))
        .collect();
    let write = |name: &str, title: &str, body: &[String]| {
        let text = format!("{title}\n\n{}\n", body.join("\n\n"));
        std::fs::write(dir.path().join(name), text).expect("write");
    };
    write("a.txt", "Flood reaches town", &event);
    write("b.txt", "Budget passes", &unrelated);
    write("c.txt", "Flood reaches town, a copy", &event);
    write("d.txt", "Town flooded overnight", &other);
    dir
}

#[test]
fn list_json_records_name_their_story_and_what_they_repeat() {
    let (out, err, code) = run(&["--list", "--json"]);
    assert_eq!(code, 0, "{err}");
    let stories: Vec<u64> = records(&out)
        .iter()
        .map(|r| r["story"].as_u64().expect("a story number"))
        .collect();
    assert_eq!(
        stories,
        [1, 1, 3, 4, 5],
        "the bundled five are four stories"
    );
    assert!(records(&out).iter().all(|r| r["duplicate_of"].is_null()));

    let dir = folder();
    let path = dir.path().to_str().expect("path");
    let (out, err, code) = run(&["--list", "--json", path]);
    assert_eq!(code, 0, "{err}");
    let r = records(&out);
    let field = |i: usize, name: &str| r[i][name].clone();
    assert_eq!(field(2, "duplicate_of"), 1, "c.txt repeats a.txt");
    assert_eq!(field(0, "duplicate_of"), serde_json::Value::Null);
    assert_eq!(field(3, "duplicate_of"), serde_json::Value::Null);
    for i in [0, 2, 3] {
        assert_eq!(field(i, "story"), 1, "record {i}");
    }
    assert_eq!(field(1, "story"), 2);
}

#[test]
fn filter_json_records_carry_stories_too() {
    let (out, err, code) = run(&["--filter", "kunduz", "--json"]);
    assert_eq!(code, 0, "{err}");
    let r = records(&out);
    assert!(!r.is_empty());
    assert!(
        r.iter()
            .all(|r| r.get("story").is_some() && r.get("duplicate_of").is_some())
    );
}

#[test]
fn stories_prints_each_story_of_two_or_more() {
    let (out, err, code) = run(&["--stories"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert_eq!(lines[0], "story 1: 2 articles, 2019-09-01");
    assert!(lines[1].starts_with("1\t-\tTRT World\t"), "{out}");
    assert!(lines[2].starts_with("2\t2019-09-01\tFRANCE 24\t"), "{out}");

    let dir = folder();
    let path = dir.path().to_str().expect("path");
    let (out, _, code) = run(&["--stories", path]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "story 1: 3 articles", "{out}");
    assert!(
        lines[2].starts_with("3\t") && lines[2].ends_with("\trepeats 1"),
        "{out}"
    );
    assert_eq!(lines.len(), 4, "the budget is a story of its own: {out}");
}

#[test]
fn stories_json_is_one_line_a_story() {
    let (out, err, code) = run(&["--stories", "--json"]);
    assert_eq!(code, 0, "{err}");
    let r = records(&out);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0]["story"], 1);
    let numbers: Vec<u64> = r[0]["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|a| a["number"].as_u64().expect("number"))
        .collect();
    assert_eq!(numbers, [1, 2]);
    assert_eq!(r[0]["articles"][1]["source"], "FRANCE 24");
}

#[test]
fn stories_does_not_mix_with_the_other_modes() {
    let (_, err, code) = run(&["--stories", "--list"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn filter_understands_entity_terms() {
    let numbers = |out: &str| -> Vec<String> {
        out.lines()
            .map(|l| l.split('\t').next().unwrap_or("").to_string())
            .collect()
    };
    let (out, err, code) = run(&["--filter", "entity:\"Zalmay Khalilzad\""]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(numbers(&out), ["1", "2", "4", "5"], "{out}");
    // Combined with words, and without regard to case.
    let (out, _, code) = run(&["--filter", "kunduz entity:\"zalmay khalilzad\""]);
    assert_eq!(code, 0);
    let mut found = numbers(&out);
    found.sort();
    assert_eq!(found, ["1", "2"], "{out}");
    let (out, _, code) = run(&["--filter", "entity:Nobody"]);
    assert_eq!((out.as_str(), code), ("", 1));
}
