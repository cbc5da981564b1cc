//! Standard input as the corpus: read before the terminal is taken, keys from the terminal.

use crate::harness::{EVENTUALLY, Spawn, folio};

#[test]
fn a_pipe_on_standard_input_is_read_and_keys_come_from_the_terminal() {
    let line = r#"{"title":"Piped story","text":"The body of the piped story."}"#;
    for args in ["", " -"] {
        let cmd = format!("printf '%s\\n' '{line}' | '{}'{args}", folio().display());
        let mut pty = Spawn::program("sh", 60, 16).arg("-c").arg(&cmd).start();
        assert!(
            pty.wait_for("Piped story", EVENTUALLY),
            "{}",
            pty.screen_text()
        );
        assert!(
            pty.wait_for("(standard input)", EVENTUALLY),
            "{}",
            pty.screen_text()
        );
        pty.send("\r");
        assert!(
            pty.wait_for("The body of the piped", EVENTUALLY),
            "{}",
            pty.screen_text()
        );
        pty.send("q");
        pty.send("q");
        let status = pty.wait_exit(EVENTUALLY).expect("did not quit");
        assert!(status.success(), "{args:?}: {status:?}");
    }
}
