//! Related reports in the real binary: the stories worker's grouping reaches the screen (`+1`
//! on the two reports of the Kunduz attack), `r` on the TRT World article shows the FRANCE 24
//! one and nothing else, Enter opens it, `p` comes back.

use std::time::Duration;

use crate::harness::{EVENTUALLY, Spawn};

const SETTLE: Duration = Duration::from_millis(300);

#[test]
fn r_shows_the_other_report_of_the_kunduz_attack_enter_opens_it_and_p_comes_back() {
    let dir = tempfile::tempdir().expect("dir");
    let mut pty = Spawn::folio(100, 30)
        .env("XDG_STATE_HOME", dir.path().join("state"))
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .arg("--fresh")
        .start();
    assert!(pty.wait_for("/5", EVENTUALLY), "{}", pty.screen_text());
    // The grouping comes from the background.
    assert!(pty.wait_for(" +1│", EVENTUALLY), "{}", pty.screen_text());
    assert!(pty.settle(SETTLE));
    pty.send("r");
    assert!(
        pty.wait_for("1 other report of this story", EVENTUALLY),
        "{}",
        pty.screen_text()
    );
    assert!(pty.settle(SETTLE));
    let window = pty.screen_text();
    assert!(window.contains("   2  2019-09-01  FRANCE 24"), "{window}");
    for other in ["   1  ", "   3  ", "   4  ", "   5  "] {
        assert!(
            !window.contains(other),
            "only FRANCE 24 is listed:\n{window}"
        );
    }
    pty.send("\r");
    assert!(
        pty.wait_for("┌ 001_009fba84ec7cbc00.txt", EVENTUALLY),
        "{}",
        pty.screen_text()
    );
    pty.send("p");
    assert!(
        pty.wait_until(EVENTUALLY, |p| !p
            .screen_text()
            .contains("001_009fba84ec7cbc00")),
        "{}",
        pty.screen_text()
    );
    assert!(pty.settle(SETTLE));
    let back = pty.screen_text();
    assert!(
        back.contains("The spokesman for the Baghlan province"),
        "{back}"
    );
    pty.send("q");
    let status = pty.wait_exit(EVENTUALLY).expect("exited");
    assert_eq!(status.exit_code(), 0, "{status:?}");
}
