//! Bytes on the wire: what each keystroke costs in folio, beside `less -R` paging the same text.
//!
//! Run with `cargo test --test pty -- --ignored --nocapture bytes_on_the_wire`; the table goes
//! into BENCHMARKS.md.

use std::process::Command;

use folio::layout::{LIST_SHARE, Layout, READING_WIDTH, View};
use ratatui::layout::Rect;

use crate::harness::{EVENTUALLY, Pty, QUIET, Spawn, folio};

/// The reader's text width in a view, from folio's own layout.
fn text_width(cols: u16, rows: u16, reading_mode: bool) -> u16 {
    let view = View {
        reader_shown: false,
        reading_mode,
        reading_width: READING_WIDTH,
        list_share: LIST_SHARE,
    };
    Layout::new(Rect::new(0, 0, cols, rows), view).text.width
}

/// A folder with one long article (the five bundled ones back to back, about 2,700 words), so
/// that a page down at 200x50 is a whole page for folio and for less alike, and three more.
fn long_article() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut text = String::from("Five reports on the talks, back to back\n\n");
    for n in 1..=5 {
        let out = Command::new(folio())
            .args(["--print", &n.to_string(), "--width", "10000"])
            .output()
            .expect("folio --print");
        assert!(out.status.success());
        text.push_str(&String::from_utf8_lossy(&out.stdout));
        text.push_str("\n\n");
    }
    // First in path order, so it is article 1 and open at start; the five follow for list moves.
    std::fs::write(dir.path().join("0-long.txt"), text).expect("write");
    for name in [
        "000_fa3a172fdca67ea3.txt",
        "001_009fba84ec7cbc00.txt",
        "002_c6dc9904ae642ca3.txt",
    ] {
        let bytes = std::fs::read(format!(
            "{}/assets/articles/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("bundled article");
        std::fs::write(dir.path().join(name), bytes).expect("write");
    }
    dir
}

fn started(cols: u16, rows: u16, dir: &std::path::Path) -> (Pty, usize) {
    let pty = Spawn::folio(cols, rows).arg(dir).start();
    assert!(pty.wait_for("4/4", EVENTUALLY), "{}", pty.screen_text());
    assert!(pty.settle(QUIET));
    let startup = pty.mark();
    (pty, startup)
}

/// Start-up, line, page, list move, filter keystroke in the three-pane view.
fn three_pane(cols: u16, rows: u16, dir: &std::path::Path) -> [Option<usize>; 5] {
    let (mut pty, startup) = started(cols, rows, dir);
    let list = pty.cost("j");
    pty.cost("k\t");
    let line = average(&mut pty, "j", 10);
    let page = average(&mut pty, " ", 3);
    pty.cost("\t/");
    let filter = pty.cost("t");
    [
        Some(startup),
        Some(line),
        Some(page),
        Some(list),
        Some(filter),
    ]
}

/// Entering reading mode, line, page in full-width reading mode.
fn reading_mode(cols: u16, rows: u16, dir: &std::path::Path) -> [Option<usize>; 5] {
    let (mut pty, _) = started(cols, rows, dir);
    let enter = pty.cost("\tz");
    let line = average(&mut pty, "j", 10);
    let page = average(&mut pty, " ", 3);
    [Some(enter), Some(line), Some(page), None, None]
}

/// Start-up, line, page of `less -R` on article 1 wrapped to `width`.
fn less(cols: u16, rows: u16, width: u16, article: &std::path::Path) -> [Option<usize>; 5] {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("article.txt");
    let out = Command::new(folio())
        .args(["--print", "1", "--width", &width.to_string()])
        .arg(article)
        .output()
        .expect("folio --print");
    assert!(out.status.success());
    std::fs::write(&file, out.stdout).expect("write article");
    let mut pty = Spawn::program("less", cols, rows)
        .arg("-R")
        .arg(&file)
        .env("LESSHISTFILE", "-")
        .start();
    assert!(
        pty.wait_until(EVENTUALLY, |p| p.mark() > 0),
        "less wrote nothing"
    );
    assert!(pty.settle(QUIET));
    let startup = pty.mark();
    let line = average(&mut pty, "j", 10);
    let page = average(&mut pty, " ", 3);
    pty.send("q");
    [Some(startup), Some(line), Some(page), None, None]
}

/// The mean cost of pressing `key` `times` times, one press at a time (each answered before the
/// next), so that one blank line or one short page does not decide the figure.
fn average(pty: &mut Pty, key: &str, times: usize) -> usize {
    let total: usize = (0..times).map(|_| pty.cost(key)).sum();
    total / times
}

fn cell(v: Option<usize>) -> String {
    v.map_or_else(|| "—".to_string(), |n| n.to_string())
}

#[test]
#[ignore = "measurement: prints the byte table for BENCHMARKS.md"]
fn bytes_on_the_wire() {
    println!(
        "| size | view | text width | start-up | line (`j`) | page (`space`) | list move (`j`) | filter key (`t`) |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    let article = long_article();
    let dir = article.path();
    for (cols, rows) in [(100, 30), (200, 50)] {
        let three = text_width(cols, rows, false);
        let full = text_width(cols, rows, true);
        let lines = [
            ("folio, three panes", three, three_pane(cols, rows, dir)),
            ("`less -R`, same width", three, less(cols, rows, three, dir)),
            (
                "folio, reading mode (`z`)¹",
                full,
                reading_mode(cols, rows, dir),
            ),
            ("`less -R`, same width", full, less(cols, rows, full, dir)),
        ];
        for (view, width, costs) in lines {
            println!(
                "| {cols}x{rows} | {view} | {width} | {} |",
                costs.map(cell).join(" | ")
            );
        }
    }
    println!("\n¹ start-up column: the cost of `Tab z`, entering reading mode.");
    println!("Line: mean of 10 presses of `j`; page: mean of 3 presses of space.");
}
