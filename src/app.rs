//! The one loop: draw, wait for an event, turn it into an Action, update the model, repeat.
//!
//! Input, signals, loading and searching each run on their own thread and send [`Event`]s to one
//! channel; the loop blocks on it, so folio uses no CPU while nothing happens.

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event as TermEvent, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::crossterm::{
    event::{DisableMouseCapture, EnableMouseCapture},
    execute,
    terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate},
};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

use crate::action::Action;
use crate::corpus::{self, Article, Skipped};
use crate::keymap::{Keymap, Mode};
use crate::model::{Effect, Model, Progress};
use crate::search::{SearchOutcome, SearchWorker};
use crate::theme::Theme;
use crate::ui::{self, Context};

/// What the articles come from.
pub enum Source {
    /// Already loaded (the bundled articles).
    Loaded(Vec<Article>, Vec<Skipped>),
    /// Paths to discover and read in the background.
    Paths(Vec<PathBuf>),
}

/// Settings for one run of the interface.
pub struct Options {
    pub keymap: Keymap,
    pub theme: Theme,
    pub mouse: bool,
    pub reading_width: u16,
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

/// Everything the loop waits for.
enum Event {
    Input(TermEvent),
    InputClosed,
    Signal(i32),
    Loaded(Vec<Article>, Vec<Skipped>, Progress),
    LoadDone,
    Searched(SearchOutcome),
}

/// How often the loop, when idle, checks that the terminal is still there. A hung-up terminal
/// can leave the input reader spinning without reporting anything; this catches it.
const WATCHDOG: Duration = Duration::from_secs(1);

/// Runs the interface until the user quits or the terminal goes away.
pub fn run(source: Source, options: Options) -> io::Result<Exit> {
    let (tx, rx) = mpsc::channel();
    spawn_signals(tx.clone())?;
    let worker = {
        let tx = tx.clone();
        SearchWorker::spawn(move |outcome| {
            let _ = tx.send(Event::Searched(outcome));
        })
    };
    let mut model = Model::new(Vec::new(), Vec::new());
    model.set_reading_width(options.reading_width);
    match source {
        Source::Loaded(articles, skipped) => {
            let batch: Vec<Arc<Article>> = articles.into_iter().map(Arc::new).collect();
            worker.add(batch.clone());
            model.add_articles(batch);
            model.add_skipped(skipped);
        }
        Source::Paths(paths) => spawn_loader(paths, tx.clone()),
    }

    let mut terminal = ratatui::try_init()?;
    if options.mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    spawn_input(tx);
    let result = event_loop(&mut terminal, &mut model, &worker, &options, &rx);
    if options.mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    model: &mut Model,
    worker: &SearchWorker,
    options: &Options,
    rx: &Receiver<Event>,
) -> io::Result<Exit> {
    let size = terminal.size()?;
    model.update(Action::Resize(size.width, size.height));
    let mut dirty = true;
    loop {
        if dirty {
            draw(terminal, model, options)?;
            dirty = false;
        }
        let event = match rx.recv_timeout(WATCHDOG) {
            Ok(event) => event,
            Err(RecvTimeoutError::Timeout) => {
                if terminal_gone() {
                    return Ok(Exit::HangUp);
                }
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => return Ok(Exit::HangUp),
        };
        // Take everything that is waiting before drawing again (a storm of resizes or a fast
        // typist costs one frame, not one each).
        for event in std::iter::once(event).chain(rx.try_iter()) {
            match handle(event, model, worker, options, terminal)? {
                Step::Continue(changed) => dirty |= changed,
                Step::Exit(exit) => return Ok(exit),
            }
        }
    }
}

enum Step {
    Continue(bool),
    Exit(Exit),
}

fn handle(
    event: Event,
    model: &mut Model,
    worker: &SearchWorker,
    options: &Options,
    terminal: &mut DefaultTerminal,
) -> io::Result<Step> {
    let action = match event {
        Event::Input(TermEvent::Key(key)) => {
            if key.kind == KeyEventKind::Press
                && key.code == KeyCode::Char('z')
                && key.modifiers.contains(KeyModifiers::CONTROL)
            {
                suspend(terminal, options)?;
                return Ok(Step::Continue(true));
            }
            let mode = if model.typing() {
                Mode::Typing
            } else {
                Mode::Normal
            };
            options.keymap.action(key, mode)
        }
        Event::Input(TermEvent::Resize(w, h)) => Some(Action::Resize(w, h)),
        Event::Input(TermEvent::FocusGained) => None,
        Event::Input(_) => None,
        Event::InputClosed => return Ok(Step::Exit(Exit::HangUp)),
        Event::Signal(SIGHUP) => return Ok(Step::Exit(Exit::HangUp)),
        Event::Signal(sig) => return Ok(Step::Exit(Exit::Signal(sig))),
        Event::Loaded(articles, skipped, progress) => {
            let batch: Vec<Arc<Article>> = articles.into_iter().map(Arc::new).collect();
            worker.add(batch.clone());
            model.add_skipped(skipped);
            model.set_progress(Some(progress));
            if let Some(effect) = model.add_articles(batch) {
                carry_out(effect, worker);
            }
            return Ok(Step::Continue(true));
        }
        Event::LoadDone => {
            model.set_progress(None);
            return Ok(Step::Continue(true));
        }
        Event::Searched(outcome) => {
            model.apply_search(outcome);
            return Ok(Step::Continue(true));
        }
    };
    let Some(action) = action else {
        return Ok(Step::Continue(false));
    };
    match model.update(action) {
        Some(Effect::Quit) => Ok(Step::Exit(Exit::Quit)),
        Some(effect) => {
            carry_out(effect, worker);
            Ok(Step::Continue(true))
        }
        None => Ok(Step::Continue(true)),
    }
}

fn carry_out(effect: Effect, worker: &SearchWorker) {
    match effect {
        Effect::Search(generation, query) => worker.query(generation, query),
        Effect::Quit => {}
    }
}

/// Draws one frame inside a synchronized update, so a slow link never shows half a frame.
fn draw(terminal: &mut DefaultTerminal, model: &Model, options: &Options) -> io::Result<()> {
    let cx = Context {
        model,
        keymap: &options.keymap,
        theme: &options.theme,
    };
    execute!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|frame| ui::draw(frame, &cx))?;
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    Ok(())
}

/// Ctrl-Z: give the terminal back, stop, and on `fg` take it again and redraw everything.
fn suspend(terminal: &mut DefaultTerminal, options: &Options) -> io::Result<()> {
    if options.mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    let _ = io::stdout().flush();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    // Resumed.
    *terminal = ratatui::try_init()?;
    if options.mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    terminal.clear()?;
    Ok(())
}

/// True when the controlling terminal is gone (after a hang-up, opening it fails).
fn terminal_gone() -> bool {
    std::fs::OpenOptions::new()
        .read(true)
        .open("/dev/tty")
        .is_err()
}

fn spawn_input(tx: Sender<Event>) {
    thread::spawn(move || {
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
    });
}

fn spawn_signals(tx: Sender<Event>) -> io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGINT, SIGTERM])?;
    thread::spawn(move || {
        for sig in signals.forever() {
            if tx.send(Event::Signal(sig)).is_err() {
                return;
            }
        }
    });
    Ok(())
}

/// Reads the files in the background, a batch at a time, in path order: small batches first so
/// the first screen comes at once, bigger ones after.
fn spawn_loader(paths: Vec<PathBuf>, tx: Sender<Event>) {
    thread::spawn(move || {
        let (candidates, skipped) = match corpus::discover(&paths) {
            Ok(found) => found,
            Err(err) => (
                Vec::new(),
                vec![Skipped {
                    path: String::new(),
                    reason: err.to_string(),
                }],
            ),
        };
        let total = candidates.len();
        if tx
            .send(Event::Loaded(
                Vec::new(),
                skipped,
                Progress { done: 0, total },
            ))
            .is_err()
        {
            return;
        }
        let mut done = 0;
        let mut size = 64;
        while done < total {
            let end = (done + size).min(total);
            let (articles, skipped) = corpus::load_all(&candidates[done..end]);
            done = end;
            if tx
                .send(Event::Loaded(articles, skipped, Progress { done, total }))
                .is_err()
            {
                return;
            }
            size = (size * 2).min(4096);
        }
        let _ = tx.send(Event::LoadDone);
    });
}
