//! Everything the loop waits for, from the threads that produce it: keys and resizes from the
//! terminal, signals, batches from the loader, results from the search worker; and how each
//! becomes an [`Action`].

use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::thread;

use ratatui::crossterm::event::{self, Event as TermEvent, MouseButton, MouseEventKind};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGXFSZ};

use std::sync::Arc;

use super::Exit;
use super::persist;
use crate::action::{Action, Progress};
use crate::cache::{Cache, Key, Manifest, Opened, plan, stream};
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
    /// The cache file the loader will take articles from: it comes before them.
    Cache(Arc<Opened>),
    /// Something to tell once on the status line (a cache set aside, a cache not written).
    Notice(String),
    /// Loading is over; with what a cache file should be written from, when one should.
    LoadDone(Option<Manifest>),
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
        // The loop hands the cache to the search worker itself (see `app::take`).
        Event::LoadDone(_) => Some(Action::LoadDone),
        Event::Cache(_) => None,
        Event::Notice(text) => Some(Action::Notice(text)),
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
            // An interrupt while the editor or the pager runs is theirs.
            if sig == SIGXFSZ || sig == SIGINT && super::external::child_running() {
                continue;
            }
            if tx.send(Event::Signal(sig)).is_err() {
                return;
            }
        }
    });
    Ok(())
}

/// How the loader uses the cache.
#[derive(Debug, Clone)]
pub struct CacheUse {
    pub cache: Cache,
    /// Ignore what is there and write it anew (`--rebuild-index`).
    pub rebuild: bool,
}

/// Reads the files in the background, a batch at a time, in path order: small batches first so
/// the first screen comes at once, bigger ones after; standard input's bytes, when given, come
/// first. Files the cache holds unchanged are taken from it. Progress counts bytes.
pub fn spawn_loader(
    paths: Vec<PathBuf>,
    stdin: Option<Vec<u8>>,
    cache: Option<CacheUse>,
    tx: Sender<Event>,
) {
    thread::spawn(move || {
        let built_s = crate::cache::now_s();
        // Standard input is never cached, nor is a corpus whose paths cannot be resolved.
        let cache = cache.filter(|_| stdin.is_none());
        let key = cache
            .as_ref()
            .and_then(|c| Key::of(&paths, &c.cache.settings));
        // The cache file is checked while the folders are walked.
        let usable = cache.as_ref().filter(|c| !c.rebuild).map(|c| &c.cache);
        let (found, opened, damage) =
            crate::cache::find_while(usable, key.as_ref(), || corpus::discover(&paths));
        if let Some(damage) = damage {
            let _ = tx.send(Event::Notice(format!(
                "the index cache was unusable ({damage}): set aside, rebuilding it"
            )));
        }
        let (mut candidates, skipped) = match found {
            Ok(found) => found,
            Err(err) => (
                Vec::new(),
                vec![Skipped {
                    path: String::new(),
                    record: String::new(),
                    reason: corpus::SkipReason::other(&err.to_string()),
                    line: false,
                }],
            ),
        };
        candidates.splice(0..0, stdin.map(corpus::Candidate::stdin));
        let plan = opened
            .as_ref()
            .zip(key.as_ref())
            .map(|(o, k)| plan::plan(k, o, &candidates));
        if let Some(opened) = &opened
            && tx.send(Event::Cache(Arc::clone(opened))).is_err()
        {
            return;
        }
        let total = candidates.iter().map(corpus::Candidate::size).sum();
        let mut progress = Progress { done: 0, total };
        if tx
            .send(Event::Loaded(Vec::new(), skipped, progress))
            .is_err()
        {
            return;
        }
        let from = stream::From {
            key: key.as_ref(),
            cache: opened.as_ref().zip(plan.as_ref()),
        };
        let files = stream::stream(&candidates, &from, |batch| {
            progress.done = batch.bytes;
            tx.send(Event::Loaded(batch.articles, batch.skipped, progress))
                .is_ok()
        });
        let Some(files) = files else {
            return;
        };
        // Written after a load without a cache, or when much has changed since it was.
        let write = match &plan {
            None => true,
            Some(plan) => plan.reads() + plan.dropped > candidates.len() / 20,
        };
        let manifest = key.filter(|_| write).map(|key| Manifest {
            key,
            files,
            built_s,
        });
        let _ = tx.send(Event::LoadDone(manifest));
    });
}
