//! `--print` of a Usenet post with quotes, a wire table and a signature: quotes keep their
//! prefix on every wrapped line, the table its rows exactly, the signature its `-- ` line;
//! `--print --json` names each paragraph's kind.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::process::{Command, Stdio};

const POST: &str = "\
From: trader@grain.example.com (Pat Trader)
Subject: Re: Grain prices this week
Lines: 20

In article <1993Apr7.1400@wire.example.com> clerk@wire.example.com writes:
|> The closing prices came in higher than the exchange expected, which surprised
|> nearly everyone who had been following the market through the spring.

Here it is, as the wire sent it:

  Grain    Last   Prev    Grade  High     Low
  Wheat    2.55   2.40       IV  4.65      --
  Maize    1.85   1.80       II  2.05    1.70

-- 
Pat Trader                      trader@grain.example.com
";

fn print(args: &[&str]) -> String {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("post");
    std::fs::write(&path, POST).expect("write");
    let home = dir.path().join("home");
    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .stdin(Stdio::null())
        .arg(&path)
        .args(["--print", "1"])
        .args(args)
        .output()
        .expect("run folio");
    assert!(out.status.success());
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn print_keeps_quotes_tables_and_signatures() {
    let out = print(&["--width", "40"]);
    let lines: Vec<&str> = out.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("|> The closing"))
        .expect("the quote");
    let quote: Vec<&&str> = lines[at..].iter().take_while(|l| !l.is_empty()).collect();
    assert!(quote.len() >= 4, "{out}");
    assert!(
        quote
            .iter()
            .all(|l| l.starts_with("|> ") && l.chars().count() <= 40),
        "{out}"
    );
    assert!(
        lines.contains(&"Wheat    2.55   2.40       IV  4.65      --"),
        "{out}"
    );
    assert!(
        lines.contains(&"Maize    1.85   1.80       II  2.05    1.70"),
        "{out}"
    );
    let sig = lines
        .iter()
        .position(|l| *l == "-- ")
        .expect("the signature line");
    assert!(lines[sig + 1].starts_with("Pat Trader      "), "{out}");
}

#[test]
fn json_names_the_kinds() {
    let out = print(&["--json"]);
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("JSON");
    let kinds: Vec<&str> = v["kinds"]
        .as_array()
        .expect("kinds")
        .iter()
        .map(|k| k.as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["text", "quote", "text", "preformatted", "signature"],
        "{out}"
    );
}
