//! Reading the terminal's keys on their own thread, and noticing at once when the terminal has
//! gone: crossterm keeps reading a terminal that has hung up (its reads return nothing), so the
//! descriptor is polled here first, and a hang-up or an error ends the input.

use std::fs::File;
use std::io::{self, IsTerminal};
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use ratatui::crossterm::event::{self, Event as TermEvent};
use rustix::event::{PollFd, PollFlags, poll};

use super::events::Event;

/// The terminal's descriptor, to poll: standard input when it is the terminal (crossterm reads
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

/// What polling the terminal found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ready {
    /// Bytes to read.
    Input,
    /// Hung up, or an error: nothing will ever come.
    Gone,
}

/// Blocks until the terminal has input or has gone.
fn wait(tty: &Tty) -> Ready {
    let fd = tty.fd();
    loop {
        let mut fds = [PollFd::new(&fd, PollFlags::IN)];
        match poll(&mut fds, None) {
            Ok(_) => {
                let events = fds[0].revents();
                if events.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
                    return Ready::Gone;
                }
                if events.contains(PollFlags::IN) {
                    return Ready::Input;
                }
            }
            Err(rustix::io::Errno::INTR) => {}
            Err(_) => return Ready::Gone,
        }
    }
}

/// Starts the input thread: key and mouse events go to `tx`; `Event::InputClosed` when the
/// terminal goes away. Resizes are not taken from here (see `events::spawn_signals`).
pub fn spawn(tx: Sender<Event>) -> io::Result<()> {
    let tty = Tty::open()?;
    thread::Builder::new()
        .name("folio-input".into())
        .spawn(move || run(&tty, &tx))?;
    Ok(())
}

fn run(tty: &Tty, tx: &Sender<Event>) {
    loop {
        if wait(tty) == Ready::Gone {
            let _ = tx.send(Event::InputClosed);
            return;
        }
        // Take every event the bytes make. Readable yet nothing to take (half an escape
        // sequence, or a terminal in a state poll does not report) waits a moment rather than
        // spinning.
        let mut took = false;
        loop {
            match event::poll(Duration::ZERO) {
                Ok(true) => {}
                Ok(false) => break,
                Err(_) => {
                    let _ = tx.send(Event::InputClosed);
                    return;
                }
            }
            match event::read() {
                Ok(TermEvent::Resize(..)) => took = true,
                Ok(event) => {
                    took = true;
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
        if !took {
            thread::sleep(Duration::from_millis(5));
        }
    }
}
