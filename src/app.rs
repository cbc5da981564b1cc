//! The one loop: draw, wait for an event, turn it into an Action, update the model, carry out
//! what it asks, repeat.
//!
//! Input, signals, loading and searching each run on their own thread and send [`Event`]s to
//! one channel; the loop blocks on it, so folio uses no CPU and wakes up never while nothing
//! happens. The terminal
//! and the search worker are behind [`Screen`] and [`Searching`], so a test can drive the loop
//! with a test backend, a fake worker and a scripted list of events.

mod effects;
mod events;
mod input;
mod persist;
mod stories;
mod terminal;

use std::io;
use std::iter;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use crate::action::Action;
use crate::corpus::{Article, Skipped};
use crate::keymap::Keymap;
use crate::model::Model;
use crate::search::{MemoryIndex, SearchWorker};
use crate::state::Store;
use crate::theme::Theme;

pub use effects::Searching;
pub use events::Event;

/// What the articles come from.
pub enum Source {
    /// Already loaded (the bundled articles).
    Loaded(Vec<Article>, Vec<Skipped>),
    /// Paths to discover and read in the background.
    Paths(Vec<PathBuf>),
    /// Standard input's bytes (read before the terminal was taken), and paths, read in the
    /// background.
    Stdin(Vec<PathBuf>, Vec<u8>),
}

/// Settings for one run of the interface.
pub struct Options {
    pub keymap: Keymap,
    pub theme: Theme,
    pub mouse: bool,
    pub reading_width: u16,
    /// Ignore where the saved session stopped (but keep its history and list width, and still
    /// record this one).
    pub fresh: bool,
    /// One-line notices for the first screen (config problems).
    pub notices: Vec<String>,
}

/// How the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// The terminal went away (hang-up, read error).
    HangUp,
    /// A signal asked folio to stop.
    Signal(i32),
}

/// What the loop needs of a terminal. The real one is in `app/terminal.rs`; tests draw on
/// ratatui's test backend.
pub trait Screen {
    fn size(&mut self) -> io::Result<(u16, u16)>;
    fn draw(&mut self, model: &Model, keymap: &Keymap, theme: &Theme) -> io::Result<()>;
    /// Gives the terminal back until the shell resumes folio.
    fn suspend(&mut self) -> io::Result<()>;
    /// Puts text on the clipboard.
    fn copy(&mut self, text: &str) -> io::Result<()>;
    /// True when the terminal has gone away.
    fn gone(&self) -> bool;
}

/// Runs the interface until the user quits or the terminal goes away, remembering the reading
/// state in `store`.
pub fn run(source: Source, options: Options, store: &mut Store) -> io::Result<Exit> {
    let (tx, rx) = mpsc::channel();
    events::spawn_signals(tx.clone())?;
    let search = {
        let tx = tx.clone();
        SearchWorker::spawn(MemoryIndex::new(), move |outcome| {
            let _ = tx.send(Event::Searched(outcome));
        })?
    };
    let stories = {
        let tx = tx.clone();
        crate::stories::StoriesWorker::spawn(move |grouping| {
            let _ = tx.send(Event::Grouped(grouping));
        })?
    };
    let mut worker = stories::Workers { search, stories };
    let mut model = Model::default();
    model.set_reading_width(options.reading_width);
    let mut first = Vec::new();
    let saved = store.session().clone();
    // --fresh starts at the top, but keeps the filter's history and the list's width.
    first.push(Action::Restore(if options.fresh {
        crate::state::Session {
            history: saved.history,
            list_width: saved.list_width,
            ..crate::state::Session::default()
        }
    } else {
        saved
    }));
    match source {
        Source::Loaded(articles, skipped) => {
            first.push(Action::Loaded(persist::batch(
                store, articles, skipped, None,
            )));
        }
        Source::Paths(paths) => events::spawn_loader(paths, None, tx.clone()),
        Source::Stdin(paths, bytes) => events::spawn_loader(paths, Some(bytes), tx.clone()),
    }
    let mut screen = terminal::Terminal::open(options.mouse)?;
    for action in first {
        effects::carry_out(model.update(action), &mut screen, &mut worker)?;
    }
    if !options.notices.is_empty() {
        model.set_status(options.notices.join("; "));
    }
    input::spawn(tx)?;
    let looped = event_loop(&mut screen, &mut model, &mut worker, &rx, store, &options);
    let result = match looped {
        // Drawing fails once the terminal is gone (EIO): that is a hang-up, not an error.
        Err(_) if screen.gone() => Ok(Exit::HangUp),
        other => other,
    };
    screen.close();
    persist::remember(&mut model, store);
    if let Err(err) = store.save_now() {
        eprintln!("folio: {err}");
    }
    result
}

/// The loop itself, until an event or an effect ends it.
pub fn event_loop(
    screen: &mut impl Screen,
    model: &mut Model,
    search: &mut impl Searching,
    rx: &Receiver<Event>,
    store: &mut Store,
    options: &Options,
) -> io::Result<Exit> {
    let (width, height) = screen.size()?;
    model.update(Action::Resize(width, height));
    let mut dirty = true;
    // The last failure to save that the status line showed.
    let mut told = None;
    loop {
        if dirty {
            screen.draw(model, &options.keymap, &options.theme)?;
            dirty = false;
            panic_if_asked();
        }
        // Asleep until something happens, or until unsaved reading state is due to be written.
        let waited = match store.save_due_in(Instant::now()) {
            Some(due) => rx.recv_timeout(due),
            None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        let event = match waited {
            Ok(event) => event,
            Err(RecvTimeoutError::Timeout) => {
                dirty |= persist::save(model, store, &mut told, Instant::now());
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => return Ok(Exit::HangUp),
        };
        // Take everything that is waiting before drawing again (a storm of resizes or a fast
        // typist costs one frame, not one each).
        for event in iter::once(event).chain(rx.try_iter()) {
            match take(event, screen, model, search, store, options)? {
                Taken::Exit(exit) => return Ok(exit),
                Taken::Changed => dirty = true,
                Taken::Nothing => {}
            }
        }
        // A search just asked for usually answers within a frame: wait that long for it, so
        // that the list does not flash empty ("searching…") at every key.
        let deadline = Instant::now() + FRAME;
        while model.search().searching() {
            let left = deadline.saturating_duration_since(Instant::now());
            let Ok(event) = rx.recv_timeout(left) else {
                break;
            };
            match take(event, screen, model, search, store, options)? {
                Taken::Exit(exit) => return Ok(exit),
                Taken::Changed => dirty = true,
                Taken::Nothing => {}
            }
        }
        dirty |= persist::save(model, store, &mut told, Instant::now());
    }
}

/// How long the loop waits for a search's answer before drawing without it.
const FRAME: Duration = Duration::from_millis(16);

/// What taking one event did.
enum Taken {
    Changed,
    Nothing,
    Exit(Exit),
}

/// Turns one event into its action, updates the model and carries out the effects.
fn take(
    event: Event,
    screen: &mut impl Screen,
    model: &mut Model,
    search: &mut impl Searching,
    store: &Store,
    options: &Options,
) -> io::Result<Taken> {
    let action = match events::step(event, model, &options.keymap, store) {
        events::Step::Act(action) => action,
        events::Step::Ignore => return Ok(Taken::Nothing),
        events::Step::Exit(exit) => return Ok(Taken::Exit(exit)),
    };
    Ok(
        match effects::carry_out(model.update(action), screen, search)? {
            Some(exit) => Taken::Exit(exit),
            None => Taken::Changed,
        },
    )
}

/// `FOLIO_TEST_PANIC=1` makes folio panic after drawing a frame, so tests can check that a
/// panic leaves the terminal usable and its message readable.
fn panic_if_asked() {
    if std::env::var_os("FOLIO_TEST_PANIC").is_some_and(|v| v == "1") {
        panic!("FOLIO_TEST_PANIC is set: panicking on purpose after a frame");
    }
}
