//! Runs the real `folio` binary in a pseudo-terminal and watches what it writes.
//!
//! Every byte the program writes is kept (for byte-level checks) and fed to a `vt100` parser
//! (for screen-level checks). Every wait has a deadline, and the child is killed on drop, so a
//! broken build fails a test instead of hanging the suite.

use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How long "eventually" may take on a loaded machine.
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

    /// Starts the program.
    pub fn start(self) -> Pty {
        let shared = if ALONE.with(|a| a.get()) {
            None
        } else {
            Some(SPAWNS.read().unwrap_or_else(|e| e.into_inner()))
        };
        let home = tempfile::tempdir().expect("temp home");
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: self.rows,
                cols: self.cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let mut cmd = CommandBuilder::new(&self.program);
        cmd.args(&self.args);
        cmd.env_clear();
        if let Some(path) = std::env::var_os("PATH") {
            cmd.env("PATH", path);
        }
        let h = home.path();
        cmd.env("HOME", h);
        for (var, dir) in [
            ("XDG_CONFIG_HOME", "config"),
            ("XDG_DATA_HOME", "data"),
            ("XDG_CACHE_HOME", "cache"),
            ("XDG_STATE_HOME", "state"),
            ("XDG_RUNTIME_DIR", "run"),
        ] {
            cmd.env(var, h.join(dir));
        }
        for (key, value) in &self.env {
            match value {
                Some(v) => cmd.env(key, v),
                None => cmd.env_remove(key),
            }
        }
        cmd.cwd(h);
        let child = pair.slave.spawn_command(cmd).expect("spawn in pty");
        // Only the child may hold the terminal side, or closing the master would not hang it up.
        drop(pair.slave);
        let pid = child.process_id().expect("pid");
        let reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let out = Arc::new(Mutex::new(Output {
            bytes: Vec::new(),
            parser: vt100::Parser::new(nonzero(self.rows), nonzero(self.cols), 0),
            last: Instant::now(),
            closed: false,
        }));
        let hang_up = Arc::new(AtomicBool::new(false));
        let writer = Arc::new(Mutex::new(Some(writer)));
        spawn_reader(
            reader,
            Arc::clone(&out),
            Arc::clone(&writer),
            Arc::clone(&hang_up),
        );
        Pty {
            child,
            pid,
            master: Some(pair.master),
            writer,
            out,
            hang_up,
            sent: Instant::now(),
            _home: home,
            _shared: shared,
        }
    }
}

/// What the program wrote so far.
struct Output {
    bytes: Vec<u8>,
    parser: vt100::Parser,
    /// When the last bytes arrived.
    last: Instant,
    /// The master side reported end of file or an error.
    closed: bool,
}

type Writer = Arc<Mutex<Option<Box<dyn Write + Send>>>>;

/// The cursor position query (DSR 6), which a terminal answers with `ESC [ row ; col R`.
const CURSOR_QUERY: &[u8] = b"\x1b[6n";

fn spawn_reader(
    mut reader: Box<dyn Read + Send>,
    out: Arc<Mutex<Output>>,
    writer: Writer,
    stop: Arc<AtomicBool>,
) {
    thread::spawn(move || {
        let mut buf = [0u8; 8192];
        loop {
            let n = reader.read(&mut buf).unwrap_or(0);
            let mut o = out.lock().unwrap_or_else(|e| e.into_inner());
            if n == 0 {
                o.closed = true;
                return;
            }
            let seen = o.bytes.len().saturating_sub(CURSOR_QUERY.len() - 1);
            o.bytes.extend_from_slice(&buf[..n]);
            o.last = Instant::now();
            // Answer cursor position queries as a terminal would, from the emulated screen
            // as it is when the query arrives.
            let mut from = 0;
            let mut at = seen;
            while let Some(i) = find(&o.bytes[at..], CURSOR_QUERY) {
                let end = at + i + CURSOR_QUERY.len();
                let upto = end - (o.bytes.len() - n);
                let chunk = buf[from..upto].to_vec();
                o.parser.process(&chunk);
                from = upto;
                let (row, col) = o.parser.screen().cursor_position();
                let reply = format!("\x1b[{};{}R", row + 1, col + 1);
                if let Some(w) = writer.lock().unwrap_or_else(|e| e.into_inner()).as_mut() {
                    let _ = w.write_all(reply.as_bytes()).and_then(|()| w.flush());
                }
                at = end;
            }
            o.parser.process(&buf[from..n]);
            drop(o);
            if stop.load(Ordering::SeqCst) {
                // Dropping the reader closes its copy of the master.
                out.lock().unwrap_or_else(|e| e.into_inner()).closed = true;
                return;
            }
        }
    });
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n.max(1)).expect("non-zero")
}

/// A program running in a pseudo-terminal.
pub struct Pty {
    child: Box<dyn Child + Send + Sync>,
    pid: u32,
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Writer,
    out: Arc<Mutex<Output>>,
    hang_up: Arc<AtomicBool>,
    sent: Instant,
    _home: tempfile::TempDir,
    _shared: Option<std::sync::RwLockReadGuard<'static, ()>>,
}

impl Pty {
    fn output(&self) -> MutexGuard<'_, Output> {
        self.out.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn pid(&self) -> u32 {
        self.pid
    }

    /// Types `keys` (raw bytes: `"\t"` is Tab, `"\x1a"` is Ctrl-Z).
    pub fn send(&mut self, keys: &str) {
        self.send_bytes(keys.as_bytes());
    }

    pub fn send_bytes(&mut self, keys: &[u8]) {
        let mut w = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        let w = w.as_mut().expect("terminal still open");
        w.write_all(keys).expect("write to pty");
        w.flush().expect("flush pty");
        self.sent = Instant::now();
    }

    /// Polls the screen until it shows `text`; false after `timeout`.
    pub fn wait_for(&self, text: &str, timeout: Duration) -> bool {
        self.wait_until(timeout, |p| p.screen_text().contains(text))
    }

    /// Polls until `cond` holds; false after `timeout`.
    pub fn wait_until(&self, timeout: Duration, mut cond: impl FnMut(&Pty) -> bool) -> bool {
        let deadline = Instant::now() + timeout;
        loop {
            if cond(self) {
                return true;
            }
            if Instant::now() >= deadline {
                return false;
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// The screen as text, rows separated by newlines.
    pub fn screen_text(&self) -> String {
        self.output().parser.screen().contents()
    }

    /// Runs `f` on the emulated screen.
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.output().parser.screen())
    }

    /// How many bytes the program has written so far: a mark for [`Pty::bytes_since`].
    pub fn mark(&self) -> usize {
        self.output().bytes.len()
    }

    pub fn bytes_since(&self, mark: usize) -> Vec<u8> {
        self.output().bytes[mark..].to_vec()
    }

    pub fn all_bytes(&self) -> Vec<u8> {
        self.output().bytes.clone()
    }

    /// Waits until nothing has been written (or typed) for `quiet`; false if output never
    /// pauses within [`EVENTUALLY`].
    pub fn settle(&self, quiet: Duration) -> bool {
        self.wait_until(EVENTUALLY, |p| {
            let last = p.output().last.max(p.sent);
            last.elapsed() >= quiet
        })
    }

    /// Sends `keys` and returns how many bytes the reply took, once output is quiet.
    pub fn cost(&mut self, keys: &str) -> usize {
        assert!(self.settle(QUIET), "output never paused before sending");
        let mark = self.mark();
        self.send(keys);
        assert!(self.settle(QUIET), "output never paused after {keys:?}");
        self.mark() - mark
    }

    /// Resizes the terminal (the kernel sends SIGWINCH) and the emulated screen.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        let size = PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        self.master
            .as_ref()
            .expect("terminal still open")
            .resize(size)
            .expect("resize pty");
        self.output().parser.set_size(nonzero(rows), nonzero(cols));
    }

    /// Sends a signal by name (`HUP`, `TERM`, `CONT`, ...).
    pub fn kill(&self, signal: &str) {
        let status = Command::new("kill")
            .args(["-s", signal, &self.pid.to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -s {signal} {} failed", self.pid);
    }

    /// Closes the master side: the terminal hangs up.
    ///
    /// The reader thread holds a copy of the master and is blocked reading it, so it is asked to
    /// let go after its next read, and a resize makes the program write something.
    pub fn hang_up(&mut self) {
        self.hang_up.store(true, Ordering::SeqCst);
        let (rows, cols) = self.with_screen(|s| s.size());
        // Until the reader has let go: one resize may be folded into another by the program,
        // or come before the reader is back to reading, so resize again until it has.
        for k in 0..25u16 {
            if self.output().closed {
                break;
            }
            self.resize(cols.get() + 1 - k % 2, rows.get());
            self.wait_until(Duration::from_millis(200), |p| p.output().closed);
        }
        *self.writer.lock().unwrap_or_else(|e| e.into_inner()) = None;
        self.master = None;
    }

    /// Waits for the program to exit; `None` if it is still running after `timeout`.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return Some(status);
            }
            if Instant::now() >= deadline {
                return None;
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the reader has seen the master close (all output collected).
    pub fn drain(&self) {
        self.wait_until(Duration::from_secs(2), |p| p.output().closed);
    }

    /// The terminal's local mode flags (`ICANON`, `ECHO`, `ISIG`, ...) as the program left them.
    pub fn local_flags(&self) -> Vec<String> {
        let termios = self
            .master
            .as_ref()
            .and_then(|m| m.get_termios())
            .expect("terminal attributes");
        // The flags' Debug form is `LocalFlags(ECHO | ICANON | ...)`.
        format!("{:?}", termios.local_flags)
            .split(['(', ')', '|', ' '])
            .filter(|w| !w.is_empty() && *w != "LocalFlags")
            .map(str::to_string)
            .collect()
    }

    /// The program's state in `/proc`; see [`state`].
    pub fn state(&self) -> Option<char> {
        state(self.pid)
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = Command::new("kill")
                .args(["-s", "KILL", &self.pid.to_string()])
                .status();
            let _ = self.child.wait();
        }
        self.hang_up.store(true, Ordering::SeqCst);
    }
}

/// The first child process of `pid`, from `/proc`.
pub fn child_of(pid: u32) -> Option<u32> {
    let deadline = Instant::now() + EVENTUALLY;
    while Instant::now() < deadline {
        for entry in std::fs::read_dir("/proc").ok()?.flatten() {
            let Some(p) = entry
                .file_name()
                .to_str()
                .and_then(|n| n.parse::<u32>().ok())
            else {
                continue;
            };
            let Ok(stat) = std::fs::read_to_string(format!("/proc/{p}/stat")) else {
                continue;
            };
            let Some(rest) = stat.rfind(')').map(|i| &stat[i + 1..]) else {
                continue;
            };
            if rest.split_whitespace().nth(1) == Some(&pid.to_string()) {
                return Some(p);
            }
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

/// Field 3 of `/proc/PID/stat`: `R`, `S`, `T` (stopped), `Z` (exited, not yet reaped), ...
pub fn state(pid: u32) -> Option<char> {
    proc_stat(pid)?.first()?.chars().next()
}

/// Running (or stopped), not exited.
pub fn alive(pid: u32) -> bool {
    state(pid).is_some_and(|s| s != 'Z')
}

/// The fields of `/proc/PID/stat` after the command name, from the state on.
fn proc_stat(pid: u32) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &text[text.rfind(')')? + 1..];
    Some(rest.split_whitespace().map(str::to_string).collect())
}

/// utime + stime of a process, in seconds.
pub fn cpu_seconds(pid: u32) -> Option<f64> {
    let f = proc_stat(pid)?;
    // Fields 14 and 15 of the stat line; the state (field 3) is index 0 here.
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / clock_ticks())
}

/// Clock ticks per second, asked once: every program started while a test hangs up a
/// terminal could hold a copy of its master (see [`SPAWNS`]).
fn clock_ticks() -> f64 {
    static TICKS: OnceLock<f64> = OnceLock::new();
    *TICKS.get_or_init(ask_clock_ticks)
}

fn ask_clock_ticks() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100.0)
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
