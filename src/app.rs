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
mod exporting;
mod external;
mod input;
mod persist;
mod pipe;
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
pub use events::CacheUse;

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
    /// Where the index cache is, unless `--no-cache` (or no folder for it).
    pub cache: Option<CacheUse>,
    /// Make the reader's links OSC 8 hyperlinks (`hyperlinks = true`).
    pub hyperlinks: bool,
    /// Saved searches for every corpus (`[searches]`).
    pub searches: Vec<(String, String)>,
    /// The user's own actions (`[actions]`): name and command.
    pub actions: Vec<(String, String)>,
    /// The accessible mode (`--accessible`, `accessible = true`).
    pub accessible: bool,
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
    /// Gives the terminal to another program (the editor, the pager): as Ctrl-Z does.
    fn hand_over(&mut self) -> io::Result<()> {
        Ok(())
    }
    /// Takes the terminal back from it and redraws everything.
    fn take_back(&mut self) -> io::Result<()> {
        Ok(())
    }
    /// True when the terminal has gone away.
    fn gone(&self) -> bool;
}

/// Runs the interface until the user quits or the terminal goes away, remembering the reading
/// state in `store`.
pub fn run(source: Source, options: Options, store: &mut Store) -> io::Result<Exit> {
    let (tx, rx) = mpsc::channel();
    events::spawn_signals(tx.clone())?;
    let search = effects::Worker {
        search: {
            let tx = tx.clone();
            SearchWorker::spawn(MemoryIndex::new(), move |outcome| {
                let _ = tx.send(Event::Searched(outcome));
            })?
        },
        cache: options.cache.as_ref().map(|c| c.cache.clone()),
        tx: tx.clone(),
        writing: Default::default(),
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
    model.set_global_searches(options.searches.clone());
    model.set_user_actions(options.actions.clone());
    model.set_accessible(options.accessible);
    if let Source::Paths(paths) | Source::Stdin(paths, _) = &source {
        model.set_roots(paths.clone());
    }
    let mut first = Vec::new();
    let saved = store.session().clone();
    // --fresh starts at the top, but keeps the filter's history, the list's width and the
    // saved searches.
    first.push(Action::Restore(if options.fresh {
        crate::state::Session {
            history: saved.history,
            list_width: saved.list_width,
            searches: saved.searches,
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
        Source::Paths(paths) => {
            events::spawn_loader(paths, None, options.cache.clone(), tx.clone());
        }
        Source::Stdin(paths, bytes) => {
            events::spawn_loader(paths, Some(bytes), None, tx.clone());
        }
    }
    let mut screen = terminal::Terminal::open(options.mouse)?;
    screen.set_hyperlinks(options.hyperlinks);
    for action in first {
        effects::apply(&mut model, action, &mut screen, &mut worker)?;
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
    // A hang-up or a signal ends at once; quitting lets a cache being written finish.
    if matches!(result, Ok(Exit::Quit)) {
        worker.search.finish_writing();
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
    mut event: Event,
    screen: &mut impl Screen,
    model: &mut Model,
    search: &mut impl Searching,
    store: &Store,
    options: &Options,
) -> io::Result<Taken> {
    // The cache goes to the search worker, not to the model.
    let manifest = match event {
        Event::Cache(opened) => {
            search.adopt(opened)?;
            return Ok(Taken::Nothing);
        }
        Event::LoadDone(ref mut manifest) => manifest.take(),
        _ => None,
    };
    let action = match events::step(event, model, &options.keymap, store) {
        events::Step::Act(action) => action,
        events::Step::Ignore => return Ok(Taken::Nothing),
        events::Step::Exit(exit) => return Ok(Taken::Exit(exit)),
    };
    let taken = match effects::apply(model, action, screen, search)? {
        Some(exit) => Taken::Exit(exit),
        None => Taken::Changed,
    };
    if let Some(manifest) = manifest {
        search.save(manifest)?;
    }
    Ok(taken)
}

/// `FOLIO_TEST_PANIC=1` makes folio panic after drawing a frame, so tests can check that a
/// panic leaves the terminal usable and its message readable.
fn panic_if_asked() {
    if std::env::var_os("FOLIO_TEST_PANIC").is_some_and(|v| v == "1") {
        panic!("FOLIO_TEST_PANIC is set: panicking on purpose after a frame");
    }
}
