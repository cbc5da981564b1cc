//! Everything the loop waits for, from the threads that produce it: keys and resizes from the
//! terminal, signals, batches from the loader, results from the search worker; and how each
//! becomes an [`Action`].

use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::thread;

use ratatui::crossterm::event::{self, Event as TermEvent, MouseButton, MouseEventKind};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGXFSZ};

use super::Exit;
use super::persist;
use crate::action::{Action, Progress};
use crate::corpus::{self, Article, Skipped};
use crate::keymap::{Keymap, Mode};
use crate::model::Model;
use crate::search::SearchOutcome;
use crate::state::Store;

/// Everything the loop waits for.
#[derive(Debug)]
pub enum Event {
    /// A key, a resize, the mouse.
    Input(TermEvent),
    /// The terminal's input ended (it went away).
    InputClosed,
    Signal(i32),
    /// A batch from the loader, and the progress after it.
    Loaded(Vec<Article>, Vec<Skipped>, Progress),
    LoadDone,
    Searched(SearchOutcome),
    /// A grouping from the stories worker.
    Grouped(std::sync::Arc<crate::stories::Grouping>),
}

/// What an event asks of the loop.
pub enum Step {
    Act(Action),
    /// Nothing (an unbound key, a key release).
    Ignore,
    Exit(Exit),
}

/// Turns one event into the action it stands for.
pub fn step(event: Event, model: &Model, keymap: &Keymap, store: &Store) -> Step {
    let action = match event {
        Event::Input(TermEvent::Key(key)) => {
            let mode = if model.overlay().is_some() {
                Mode::Overlay
            } else if model.typing() {
                Mode::Typing
            } else {
                Mode::Normal
            };
            keymap.action(key, mode)
        }
        Event::Input(TermEvent::Resize(w, h)) => Some(Action::Resize(w, h)),
        Event::Input(TermEvent::Mouse(m)) => mouse_action(m),
        Event::Input(TermEvent::Paste(text)) => Some(Action::Paste(text)),
        Event::Input(_) => None,
        Event::InputClosed | Event::Signal(SIGHUP) => return Step::Exit(Exit::HangUp),
        Event::Signal(sig) => return Step::Exit(Exit::Signal(sig)),
        Event::Loaded(articles, skipped, progress) => Some(Action::Loaded(persist::batch(
            store,
            articles,
            skipped,
            Some(progress),
        ))),
        Event::LoadDone => Some(Action::LoadDone),
        Event::Searched(outcome) => Some(Action::Searched(outcome)),
        Event::Grouped(grouping) => Some(Action::Grouped(grouping)),
    };
    action.map_or(Step::Ignore, Step::Act)
}

/// The wheel and clicks (only reported with `--mouse`).
fn mouse_action(m: event::MouseEvent) -> Option<Action> {
    let (x, y) = (m.column, m.row);
    match m.kind {
        MouseEventKind::ScrollDown => Some(Action::Wheel { x, y, down: true }),
        MouseEventKind::ScrollUp => Some(Action::Wheel { x, y, down: false }),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { x, y }),
        _ => None,
    }
}

/// Turns SIGHUP, SIGINT and SIGTERM into events. SIGXFSZ (a file-size limit reached while
/// saving) is caught and dropped, so the write fails with an error folio reports instead of
/// killing it.
pub fn spawn_signals(tx: Sender<Event>) -> std::io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGINT, SIGTERM, SIGXFSZ])?;
    thread::spawn(move || {
        for sig in signals.forever() {
            if sig == SIGXFSZ {
                continue;
            }
            if tx.send(Event::Signal(sig)).is_err() {
                return;
            }
        }
    });
    Ok(())
}

/// Reads the files in the background, a batch at a time, in path order: small batches first so
/// the first screen comes at once, bigger ones after; standard input's bytes, when given, come
/// first. Progress counts bytes.
pub fn spawn_loader(paths: Vec<PathBuf>, stdin: Option<Vec<u8>>, tx: Sender<Event>) {
    thread::spawn(move || {
        let (mut candidates, skipped) = match corpus::discover(&paths) {
            Ok(found) => found,
            Err(err) => (
                Vec::new(),
                vec![Skipped {
                    path: String::new(),
                    record: String::new(),
                    reason: corpus::SkipReason::other(&err.to_string()),
                }],
            ),
        };
        candidates.splice(0..0, stdin.map(corpus::Candidate::stdin));
        let sizes: Vec<u64> = candidates.iter().map(corpus::Candidate::size).collect();
        let mut progress = Progress {
            done: 0,
            total: sizes.iter().sum(),
        };
        if tx
            .send(Event::Loaded(Vec::new(), skipped, progress))
            .is_err()
        {
            return;
        }
        let mut start = 0;
        let mut size = 64;
        while start < candidates.len() {
            let end = (start + size).min(candidates.len());
            let (articles, skipped) = corpus::load_all(&candidates[start..end]);
            progress.done += sizes[start..end].iter().sum::<u64>();
            start = end;
            if tx.send(Event::Loaded(articles, skipped, progress)).is_err() {
                return;
            }
            size = (size * 2).min(4096);
        }
        let _ = tx.send(Event::LoadDone);
    });
}
