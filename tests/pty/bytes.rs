//! Bytes on the wire: what each keystroke costs in folio, beside `less -R` paging the same text.
//!
//! Run with `cargo test --test pty -- --ignored --nocapture bytes_on_the_wire`; the table goes
//! into BENCHMARKS.md.

use std::process::Command;

use folio::layout::{Layout, READING_WIDTH, View};
use ratatui::layout::Rect;

use crate::harness::{EVENTUALLY, Pty, QUIET, Spawn, folio};

/// The reader's text width in a view, from folio's own layout.
fn text_width(cols: u16, rows: u16, reading_mode: bool) -> u16 {
    let view = View {
        reader_shown: false,
        reading_mode,
        reading_width: READING_WIDTH,
    };
    Layout::new(Rect::new(0, 0, cols, rows), view).text.width
}

fn started(cols: u16, rows: u16) -> (Pty, usize) {
    let pty = Spawn::folio(cols, rows).start();
    assert!(pty.wait_for("5/5", EVENTUALLY), "{}", pty.screen_text());
    assert!(pty.settle(QUIET));
    let startup = pty.mark();
    (pty, startup)
}

/// Start-up, line, page, list move, filter keystroke in the three-pane view.
fn three_pane(cols: u16, rows: u16) -> [Option<usize>; 5] {
    let (mut pty, startup) = started(cols, rows);
    let list = pty.cost("j");
    pty.cost("k\t");
    let line = pty.cost("j");
    let page = pty.cost(" ");
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
fn reading_mode(cols: u16, rows: u16) -> [Option<usize>; 5] {
    let (mut pty, _) = started(cols, rows);
    let enter = pty.cost("\tz");
    let line = pty.cost("j");
    let page = pty.cost(" ");
    [Some(enter), Some(line), Some(page), None, None]
}

/// Start-up, line, page of `less -R` on article 1 wrapped to `width`.
fn less(cols: u16, rows: u16, width: u16) -> [Option<usize>; 5] {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("article.txt");
    let out = Command::new(folio())
        .args(["--print", "1", "--width", &width.to_string()])
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
    let line = pty.cost("j");
    let page = pty.cost(" ");
    pty.send("q");
    [Some(startup), Some(line), Some(page), None, None]
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
    for (cols, rows) in [(100, 30), (200, 50)] {
        let three = text_width(cols, rows, false);
        let full = text_width(cols, rows, true);
        let lines = [
            ("folio, three panes", three, three_pane(cols, rows)),
            ("`less -R`, same width", three, less(cols, rows, three)),
            ("folio, reading mode (`z`)¹", full, reading_mode(cols, rows)),
            ("`less -R`, same width", full, less(cols, rows, full)),
        ];
        for (view, width, costs) in lines {
            println!(
                "| {cols}x{rows} | {view} | {width} | {} |",
                costs.map(cell).join(" | ")
            );
        }
    }
    println!("\n¹ start-up column: the cost of `Tab z`, entering reading mode.");
}
