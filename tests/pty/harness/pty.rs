//! A program running in a pseudo-terminal: starting it, typing to it, and every byte it writes,
//! kept and fed to a `vt100` screen, with cursor position queries answered as a terminal would.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

use super::{ALONE, EVENTUALLY, QUIET, SPAWNS, Spawn, find, state};

impl Spawn {
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
