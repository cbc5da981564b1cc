//! Reading the terminal's keys on their own thread, and noticing at once when the terminal has
//! gone. crossterm keeps reading a terminal that has hung up (its reads return nothing, so it
//! spins), so a second thread waits on the terminal's descriptor for a hang-up or an error only,
//! and ends the input the moment one comes.

use std::fs::File;
use std::io::{self, IsTerminal};
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::sync::mpsc::Sender;
use std::thread;

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
