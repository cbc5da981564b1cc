//! Tiny terminals and resize storms: folio keeps running and ends on a whole, current screen.

use std::time::Duration;

use crate::harness::{EVENTUALLY, Spawn};

#[test]
fn tiny_terminals_do_not_crash() {
    for (cols, rows) in [(1, 1), (10, 3), (40, 12)] {
        let mut pty = Spawn::folio(cols, rows).start();
        assert!(
            pty.wait_exit(Duration::from_secs(1)).is_none(),
            "{cols}x{rows}: exited at once:\n{}",
            String::from_utf8_lossy(&pty.all_bytes())
        );
        assert!(pty.mark() > 0, "{cols}x{rows}: nothing drawn");
        pty.send("q");
        let status = pty.wait_exit(EVENTUALLY).expect("did not quit");
        assert!(status.success(), "{cols}x{rows}: {status:?}");
    }
}

#[test]
fn a_resize_storm_ends_on_a_whole_screen() {
    let mut pty = Spawn::folio(100, 30).start();
    assert!(pty.wait_for("5/5", EVENTUALLY), "{}", pty.screen_text());
    // A fixed walk over sizes, tiny and huge ones included.
    let mut sizes = vec![(1, 1), (300, 100), (2, 1), (1, 50), (299, 3)];
    let mut n: u32 = 7;
    while sizes.len() < 50 {
        n = n.wrapping_mul(1_103_515_245).wrapping_add(12_345) % (1 << 31);
        let cols = 1 + (n >> 8) % 300;
        let rows = 1 + (n >> 20) % 100;
        sizes.push((cols as u16, rows as u16));
    }
    for (cols, rows) in sizes {
        pty.resize(cols, rows);
    }
    let (cols, rows) = (90, 25);
    pty.resize(cols, rows);
    let drawn = pty.wait_until(EVENTUALLY, |p| {
        p.with_screen(|s| {
            s.contents().contains("5/5")
                && s.cell(1, cols - 1).map(|c| c.contents() == "│") == Some(true)
                && s.cell(rows - 1, 0).map(|c| c.contents() == "/") == Some(true)
        })
    });
    assert!(drawn, "final screen not drawn:\n{}", pty.screen_text());
    assert!(pty.wait_exit(Duration::ZERO).is_none(), "folio died");
    // No question to the terminal, at start-up or on any resize: over a slow link each would
    // cost a round trip, and a late answer would arrive as keys.
    let bytes = pty.all_bytes();
    for query in [
        &b"\x1b[6n"[..],
        b"\x1b]10;?",
        b"\x1b]11;?",
        b"\x1b[c",
        b"\x1b[>c",
        b"\x1b[?u",
    ] {
        assert!(
            !crate::harness::contains(&bytes, query),
            "folio asked the terminal {:?}",
            String::from_utf8_lossy(query)
        );
    }
    pty.send("q");
    let status = pty.wait_exit(EVENTUALLY).expect("did not quit");
    assert!(status.success(), "{status:?}");
}
