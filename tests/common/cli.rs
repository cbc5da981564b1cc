//! Running the folio binary from a test, with its settings and state in a folder of its own.
#![allow(clippy::expect_used)]

use std::process::{Command, Stdio};

/// folio, with no standard input and its own home.
pub fn folio() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_folio"));
    let home = std::env::temp_dir().join("folio-cli-test-home");
    cmd.env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .stdin(Stdio::null());
    cmd
}

/// Runs folio with `args`: standard output, standard error, exit code.
pub fn run(args: &[&str]) -> (String, String, i32) {
    let out = folio().args(args).output().expect("run folio");
    (
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        out.status.code().unwrap_or(-1),
    )
}
