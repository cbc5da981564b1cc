//! Runs the real `folio` binary in a pseudo-terminal and watches what it writes.
//!
//! Every byte the program writes is kept (for byte-level checks) and fed to a `vt100` parser
//! (for screen-level checks). Every wait has a deadline, and the child is killed on drop, so a
//! broken build fails a test instead of hanging the suite.
//!
//! This file holds the locks, the binary and [`Spawn`]; `harness/pty.rs` runs the program and
//! keeps what it writes; `harness/process.rs` reads `/proc`.

#[path = "harness/process.rs"]
mod process;
#[path = "harness/pty.rs"]
mod pty;

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

pub use process::{alive, child_of, cpu_seconds, state, wakeups};
pub use pty::Pty;

/// Every pseudo-terminal test shares this lock; a test that hangs up a terminal holds it alone.
///
/// A master descriptor is inherited by any child forked while it is open (the pty library does
/// not mark it close-on-exec), so while tests run side by side, closing "the" master may leave a
/// copy open in another test's program, and the terminal never hangs up.
static SPAWNS: std::sync::RwLock<()> = std::sync::RwLock::new(());

thread_local! {
    static ALONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs no other pseudo-terminal test until dropped: for tests that close a master.
pub struct Alone(#[allow(dead_code)] std::sync::RwLockWriteGuard<'static, ()>);

pub fn alone() -> Alone {
    let guard = SPAWNS.write().unwrap_or_else(|e| e.into_inner());
    ALONE.with(|a| a.set(true));
    Alone(guard)
}

/// Holds off the tests that hang up a terminal while a test starts a program of its own
/// (outside [`Spawn`]).
pub fn shared() -> std::sync::RwLockReadGuard<'static, ()> {
    SPAWNS.read().unwrap_or_else(|e| e.into_inner())
}

impl Drop for Alone {
    fn drop(&mut self) {
        ALONE.with(|a| a.set(false));
    }
}

/// How long "eventually" may take on a loaded machine.
pub const EVENTUALLY: Duration = Duration::from_secs(10);

/// How long output must pause before a keystroke's reply counts as complete.
pub const QUIET: Duration = Duration::from_millis(300);

/// The folio binary built for this package.
///
/// Worktrees may share one target directory, where `target/debug/folio` is replaced by whichever
/// worktree built last, even while these tests run. So the binary cargo just built is linked,
/// once per run, to a name of this worktree's own, and every test runs that.
pub fn folio() -> &'static Path {
    static OWN: OnceLock<PathBuf> = OnceLock::new();
    OWN.get_or_init(|| {
        let built = Path::new(env!("CARGO_BIN_EXE_folio"));
        // FNV-1a of the manifest directory: a stable name per worktree.
        let hash = folio::hash::fnv1a(env!("CARGO_MANIFEST_DIR").as_bytes());
        let own = built.with_file_name(format!("folio-pty-{hash:016x}"));
        let _ = std::fs::remove_file(&own);
        if std::fs::hard_link(built, &own).is_err() {
            std::fs::copy(built, &own).expect("copy the folio binary");
        }
        own
    })
}

/// What to run and in which environment.
pub struct Spawn {
    program: OsString,
    args: Vec<OsString>,
    env: Vec<(OsString, Option<OsString>)>,
    cols: u16,
    rows: u16,
}

impl Spawn {
    /// `folio` with no arguments in a `cols` x `rows` terminal.
    pub fn folio(cols: u16, rows: u16) -> Spawn {
        Spawn::program(folio(), cols, rows)
    }

    /// Any program in a `cols` x `rows` terminal, with the same controlled environment.
    pub fn program(program: impl AsRef<OsStr>, cols: u16, rows: u16) -> Spawn {
        Spawn {
            program: program.as_ref().to_owned(),
            args: Vec::new(),
            env: vec![
                ("TERM".into(), Some("xterm-256color".into())),
                ("LANG".into(), Some("C.UTF-8".into())),
            ],
            cols,
            rows,
        }
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Spawn {
        self.args.push(arg.as_ref().to_owned());
        self
    }

    /// Sets a variable (replacing the default for TERM or LANG).
    pub fn env(mut self, key: &str, value: impl Into<OsString>) -> Spawn {
        self.env.retain(|(k, _)| k != key);
        self.env.push((key.into(), Some(value.into())));
        self
    }

    /// Leaves a variable out of the environment altogether.
    pub fn env_remove(mut self, key: &str) -> Spawn {
        self.env.retain(|(k, _)| k != key);
        self.env.push((key.into(), None));
        self
    }
}

/// Writes `files` (name, bytes) into a new temporary folder.
pub fn folder(files: &[(&[u8], &[u8])]) -> tempfile::TempDir {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in files {
        let path = dir.path().join(std::ffi::OsStr::from_bytes(name));
        std::fs::write(path, bytes).expect("write fixture");
    }
    dir
}

/// True when `haystack` contains `needle`.
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    find(haystack, needle).is_some()
}

/// The byte offset of the first occurrence of `needle`.
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The byte offset of the last occurrence of `needle`.
pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The reading pane's text at 100x30 (right of the list's 33 columns), row by row.
pub fn reader_text(pty: &Pty) -> Vec<String> {
    pty.screen_text()
        .lines()
        .take(28)
        .map(|l| l.chars().skip(33).collect())
        .collect()
}
