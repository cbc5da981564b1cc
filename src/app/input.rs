//! Reading the terminal's keys on their own thread, and noticing at once when the terminal has
//! gone. crossterm keeps reading a terminal that has hung up (its reads return nothing, so it
//! spins), so a second thread waits on the terminal's descriptor for a hang-up or an error only,
//! and ends the input the moment one comes.

use std::fs::File;
use std::io::{self, IsTerminal};
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::sync::mpsc::Sender;
use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::Duration;

use ratatui::crossterm::event;
use rustix::event::{PollFd, PollFlags, poll};

use super::events::Event;

/// The terminal's descriptor, to watch: standard input when it is the terminal (crossterm reads
/// it then), else `/dev/tty` (which crossterm opens then).
enum Tty {
    Stdin(io::Stdin),
    Opened(OwnedFd),
}

impl Tty {
    fn open() -> io::Result<Tty> {
        let stdin = io::stdin();
        if stdin.is_terminal() {
            return Ok(Tty::Stdin(stdin));
        }
        Ok(Tty::Opened(File::open("/dev/tty")?.into()))
    }

    fn fd(&self) -> BorrowedFd<'_> {
        match self {
            Tty::Stdin(stdin) => stdin.as_fd(),
            Tty::Opened(fd) => fd.as_fd(),
        }
    }
}

/// Sleeps until the terminal hangs up or fails: asked for no events, poll(2) still reports
/// those, and nothing else wakes it.
fn wait_for_hang_up(tty: &Tty) {
    let fd = tty.fd();
    loop {
        let mut fds = [PollFd::new(&fd, PollFlags::empty())];
        match poll(&mut fds, None) {
            Ok(_) => {
                let events = fds[0].revents();
                if events.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
                    return;
                }
            }
            Err(rustix::io::Errno::INTR) => {}
            Err(_) => return,
        }
    }
}

/// Starts the input threads: key, mouse and resize events go to `tx`, and
/// `Event::InputClosed` when the terminal goes away or its input fails.
pub fn spawn(tx: Sender<Event>) -> io::Result<()> {
    let tty = Tty::open()?;
    let watcher = tx.clone();
    thread::Builder::new()
        .name("folio-hang-up".into())
        .spawn(move || {
            wait_for_hang_up(&tty);
            let _ = watcher.send(Event::InputClosed);
        })?;
    thread::Builder::new()
        .name("folio-input".into())
        .spawn(move || {
            loop {
                GATE.wait_while_paused();
                match event::read() {
                    Ok(event) => {
                        if tx.send(Event::Input(event)).is_err() {
                            return;
                        }
                    }
                    Err(_) => {
                        let _ = tx.send(Event::InputClosed);
                        return;
                    }
                }
            }
        })?;
    Ok(())
}

/// Stops the input thread from reading the terminal while another program has it (the editor,
/// the pager, a browser), so that program gets every key. Back when [`resume`] is called.
///
/// The thread sleeps in crossterm's read, which wakes for a key or a change of size only; a
/// SIGWINCH raised here wakes it (it reads a resize to the same size, harmless), and then it
/// stops at the gate. Nothing polls meanwhile.
pub fn pause() {
    GATE.pause();
}

/// Lets the input thread read the terminal again.
pub fn resume() {
    GATE.resume();
}

/// Whether the input thread may read, and whether it is waiting at the gate.
struct Gate {
    state: Mutex<GateState>,
    changed: Condvar,
}

#[derive(Clone, Copy)]
struct GateState {
    /// The input thread is running (there is someone to wait for).
    running: bool,
    paused: bool,
    /// The input thread is at the gate, reading nothing.
    parked: bool,
}

static GATE: Gate = Gate {
    state: Mutex::new(GateState {
        running: false,
        paused: false,
        parked: false,
    }),
    changed: Condvar::new(),
};

impl Gate {
    /// The input thread's side: waits while paused, saying it is parked meanwhile.
    fn wait_while_paused(&self) {
        let Ok(mut state) = self.state.lock() else {
            return;
        };
        state.running = true;
        while state.paused {
            state.parked = true;
            self.changed.notify_all();
            state = match self.changed.wait(state) {
                Ok(state) => state,
                Err(_) => return,
            };
        }
        state.parked = false;
    }

    /// Closes the gate and waits (a little, at most) until the input thread is at it.
    fn pause(&self) {
        let Ok(mut state) = self.state.lock() else {
            return;
        };
        state.paused = true;
        if !state.running || state.parked {
            return;
        }
        let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
        let waited = self
            .changed
            .wait_timeout_while(state, Duration::from_millis(500), |s| !s.parked);
        drop(waited);
    }

    fn resume(&self) {
        if let Ok(mut state) = self.state.lock() {
            state.paused = false;
            state.parked = false;
        }
        self.changed.notify_all();
    }
}
