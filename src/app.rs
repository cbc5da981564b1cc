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

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{self, Event as TermEvent};
use ratatui::crossterm::{
    event::{DisableMouseCapture, EnableMouseCapture},
    execute,
    terminal::{Clear, ClearType},
};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

use crate::action::Action;
use crate::corpus::{self, Article, Skipped};
use crate::keymap::{Keymap, Mode};
use crate::model::{Effect, Flags, Model, Progress, Sort};
use crate::search::{SearchOutcome, SearchWorker};
use crate::state::{Session, Store};
use crate::term::LeanBackend;
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
    /// Ignore the saved session (but still record this one).
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

/// The terminal folio draws on: buffered, so a frame leaves in one write.
type Screen = Terminal<LeanBackend<io::BufWriter<io::Stdout>>>;

/// Raw mode, the alternate screen and the panic hook come from ratatui's own set-up; folio then
/// draws through its own backend.
fn open_screen() -> io::Result<Screen> {
    drop(ratatui::try_init()?);
    Terminal::new(LeanBackend::new(io::BufWriter::with_capacity(
        1 << 16,
        io::stdout(),
    )))
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

/// Runs the interface until the user quits or the terminal goes away, remembering the reading
/// state in `store`.
pub fn run(source: Source, options: Options, store: &mut Store) -> io::Result<Exit> {
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
    if !options.fresh {
        let session = store.session().clone();
        let sort = session
            .sort
            .as_deref()
            .and_then(Sort::from_name)
            .unwrap_or_default();
        if let Some(effect) = model.restore(&session.query, session.selected, sort) {
            carry_out(effect, &worker, &mut io::sink());
        }
    }
    if !options.notices.is_empty() {
        model.set_status(options.notices.join("; "));
    }
    match source {
        Source::Loaded(articles, skipped) => {
            add_batch(&mut model, &worker, store, articles, &mut io::sink());
            model.add_skipped(skipped);
        }
        Source::Paths(paths) => spawn_loader(paths, tx.clone()),
    }

    let mut terminal = open_screen()?;
    if options.mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    spawn_input(tx);
    let result = match event_loop(&mut terminal, &mut model, &worker, &options, &rx, store) {
        // Drawing fails once the terminal is gone (EIO): that is a hang-up, not an error.
        Err(_) if terminal_gone() => Ok(Exit::HangUp),
        other => other,
    };
    if !terminal_gone() {
        if options.mouse {
            let _ = execute!(io::stdout(), DisableMouseCapture);
        }
        let _ = terminal.show_cursor();
        let _ = terminal.backend_mut().flush();
        let _ = ratatui::try_restore();
    }
    // The terminal's own clean-up on drop reports failures on stderr, which is that same
    // terminal: after a hang-up, printing there fails and aborts. Done by hand above instead.
    std::mem::forget(terminal);
    remember(&mut model, store);
    if let Err(err) = store.save_now() {
        eprintln!("folio: {err}");
    }
    result
}

/// Hands a loaded batch to the search worker and the model, with what was remembered of each.
fn add_batch(
    model: &mut Model,
    worker: &SearchWorker,
    store: &Store,
    articles: Vec<Article>,
    out: &mut impl Write,
) {
    let batch: Vec<Arc<Article>> = articles.into_iter().map(Arc::new).collect();
    let flags = batch
        .iter()
        .map(|a| {
            let s = store.article(a.hash);
            Flags {
                read: s.read,
                marked: s.marked,
                line: s.line,
            }
        })
        .collect();
    worker.add(batch.clone());
    if let Some(effect) = model.add_articles(batch, flags) {
        carry_out(effect, worker, out);
    }
}

/// Copies what changed in the model into the store (which writes it at most once a second).
fn remember(model: &mut Model, store: &mut Store) {
    for (article, flags) in model.take_changes() {
        store.set_read(article.hash, flags.read);
        store.set_marked(article.hash, flags.marked);
        store.set_line(article.hash, flags.line);
    }
    let session = Session {
        query: model.filter().as_str().to_string(),
        selected: model.selected_hash(),
        sort: Some(model.sort().name().to_string()),
    };
    if &session != store.session() {
        store.set_session(session);
    }
}

fn event_loop(
    terminal: &mut Screen,
    model: &mut Model,
    worker: &SearchWorker,
    options: &Options,
    rx: &Receiver<Event>,
    store: &mut Store,
) -> io::Result<Exit> {
    let size = terminal.size()?;
    model.update(Action::Resize(size.width, size.height));
    let mut dirty = true;
    let mut last: Option<Buffer> = None;
    loop {
        if dirty {
            draw(terminal, model, options, &mut last)?;
            dirty = false;
            panic_if_asked();
        }
        let event = match rx.recv_timeout(WATCHDOG) {
            Ok(event) => event,
            Err(RecvTimeoutError::Timeout) => {
                if terminal_gone() {
                    return Ok(Exit::HangUp);
                }
                save(model, store, &mut dirty);
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => return Ok(Exit::HangUp),
        };
        // Take everything that is waiting before drawing again (a storm of resizes or a fast
        // typist costs one frame, not one each).
        for event in std::iter::once(event).chain(rx.try_iter()) {
            match handle(event, model, worker, options, terminal, store)? {
                Step::Continue(changed) => dirty |= changed,
                Step::Exit(exit) => return Ok(exit),
            }
        }
        save(model, store, &mut dirty);
    }
}

/// Saves the reading state when a second has passed since the last save; a failure is shown
/// once in the status line and reading goes on.
fn save(model: &mut Model, store: &mut Store, dirty: &mut bool) {
    remember(model, store);
    if let Err(err) = store.save_if_due(std::time::Instant::now())
        && model.status().is_none()
    {
        model.set_status(err.to_string());
        *dirty = true;
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
    terminal: &mut Screen,
    store: &Store,
) -> io::Result<Step> {
    let action = match event {
        Event::Input(TermEvent::Key(key)) => {
            let mode = if model.overlay().is_some() {
                Mode::Overlay
            } else if model.typing() {
                Mode::Typing
            } else {
                Mode::Normal
            };
            options.keymap.action(key, mode)
        }
        Event::Input(TermEvent::Resize(w, h)) => Some(Action::Resize(w, h)),
        Event::Input(TermEvent::Mouse(m)) => mouse_action(m),
        Event::Input(TermEvent::FocusGained) => None,
        Event::Input(_) => None,
        Event::InputClosed => return Ok(Step::Exit(Exit::HangUp)),
        Event::Signal(SIGHUP) => return Ok(Step::Exit(Exit::HangUp)),
        Event::Signal(sig) => return Ok(Step::Exit(Exit::Signal(sig))),
        Event::Loaded(articles, skipped, progress) => {
            model.add_skipped(skipped);
            model.set_progress(Some(progress));
            add_batch(
                model,
                worker,
                store,
                articles,
                terminal.backend_mut().writer_mut(),
            );
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
        Some(Effect::Suspend) => {
            suspend(terminal, options)?;
            Ok(Step::Continue(true))
        }
        Some(effect) => {
            carry_out(effect, worker, terminal.backend_mut().writer_mut());
            Ok(Step::Continue(true))
        }
        None => Ok(Step::Continue(true)),
    }
}

/// The wheel and clicks (only reported with `--mouse`).
fn mouse_action(m: event::MouseEvent) -> Option<Action> {
    use event::{MouseButton, MouseEventKind};
    let (x, y) = (m.column, m.row);
    match m.kind {
        MouseEventKind::ScrollDown => Some(Action::Wheel { x, y, down: true }),
        MouseEventKind::ScrollUp => Some(Action::Wheel { x, y, down: false }),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { x, y }),
        _ => None,
    }
}

fn carry_out(effect: Effect, worker: &SearchWorker, out: &mut impl Write) {
    match effect {
        Effect::Search(generation, query) => worker.query(generation, query),
        Effect::Copy(text) => {
            // OSC 52: the terminal (or tmux with set-clipboard on) puts it on the clipboard,
            // over SSH too. The text is folio's own (a sanitised title and path).
            use base64::Engine;
            let encoded = base64::engine::general_purpose::STANDARD.encode(text);
            let _ = write!(out, "\x1b]52;c;{encoded}\x07");
        }
        Effect::Quit | Effect::Suspend => {}
    }
}

/// Draws one frame (the backend wraps it in a synchronized update). When the text in reading
/// mode only scrolled, the terminal scrolls it and only the new lines are sent.
fn draw(
    terminal: &mut Screen,
    model: &mut Model,
    options: &Options,
    last: &mut Option<Buffer>,
) -> io::Result<()> {
    if let (Some((rows, lines)), Some(previous)) = (model.take_scroll(), last.as_ref()) {
        let count = u16::try_from(lines.unsigned_abs()).unwrap_or(u16::MAX);
        if lines > 0 {
            terminal
                .backend_mut()
                .scroll_region_up(rows.clone(), count)?;
        } else {
            terminal
                .backend_mut()
                .scroll_region_down(rows.clone(), count)?;
        }
        // Tell ratatui what the screen now holds, so it sends only the difference.
        *terminal.current_buffer_mut() = shifted(previous, rows, lines);
        terminal.swap_buffers();
    }
    let cx = Context {
        model,
        keymap: &options.keymap,
        theme: &options.theme,
    };
    let frame = terminal.draw(|frame| ui::draw(frame, &cx))?;
    *last = model.reading_mode().then(|| frame.buffer.clone());
    Ok(())
}

/// `buffer` with the rows in `rows` moved up by `lines` (down when negative), blanks coming in.
fn shifted(buffer: &Buffer, rows: std::ops::Range<u16>, lines: isize) -> Buffer {
    let mut out = buffer.clone();
    let area = buffer.area;
    for y in rows.clone() {
        let source = i64::from(y) + i64::try_from(lines).unwrap_or(0);
        for x in area.left()..area.right() {
            let cell = u16::try_from(source)
                .ok()
                .filter(|s| rows.contains(s))
                .map(|s| buffer[(x, s)].clone())
                .unwrap_or_default();
            out[(x, y)] = cell;
        }
    }
    out
}

/// Ctrl-Z: give the terminal back, stop, and on `fg` take it again and redraw everything.
fn suspend(terminal: &mut Screen, options: &Options) -> io::Result<()> {
    if options.mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    terminal.show_cursor()?;
    terminal.backend_mut().flush()?;
    ratatui::try_restore()?;
    let _ = io::stdout().flush();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    // Resumed: a fresh terminal (both buffers blank) over a cleared screen redraws everything,
    // without asking the terminal where its cursor is.
    *terminal = open_screen()?;
    execute!(io::stdout(), Clear(ClearType::All))?;
    if options.mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// `FOLIO_TEST_PANIC=1` makes folio panic after drawing a frame, so tests can check that a
/// panic leaves the terminal usable and its message readable.
fn panic_if_asked() {
    if std::env::var_os("FOLIO_TEST_PANIC").is_some_and(|v| v == "1") {
        panic!("FOLIO_TEST_PANIC is set: panicking on purpose after a frame");
    }
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
