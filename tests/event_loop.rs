//! The event loop driven without a terminal: a scripted list of events, a fake search worker
//! that answers on the loop's own channel, and ratatui's test backend as the screen.
#![allow(clippy::expect_used)]

mod common;

use std::io;
use std::sync::Arc;
use std::sync::mpsc::{self, Sender};

use folio::action::Progress;
use folio::app::{Event, Exit, Options, Screen, Searching, event_loop};
use folio::corpus::{Article, SkipReason, Skipped};
use folio::keymap::Keymap;
use folio::model::Model;
use folio::search::{Index, Query, SearchOutcome};
use folio::state::Store;
use folio::theme::{ColorDepth, Theme};
use folio::ui::{self, Context};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event as TermEvent, KeyCode, KeyEvent, KeyEventKind, KeyModifiers,
};

/// ratatui's test backend, with what was copied and how often folio suspended. It plays the
/// user: after each frame it sends the next part of the script, so each part meets the screen
/// the one before it left (search results included).
struct TestScreen {
    terminal: Terminal<TestBackend>,
    copied: Vec<String>,
    suspended: usize,
    frames: usize,
    script: std::collections::VecDeque<Vec<Event>>,
    /// Dropped with the last part of the script.
    tx: Option<Sender<Event>>,
}

impl TestScreen {
    fn new(width: u16, height: u16, script: Vec<Vec<Event>>, tx: Sender<Event>) -> TestScreen {
        TestScreen {
            terminal: Terminal::new(TestBackend::new(width, height)).expect("terminal"),
            copied: Vec::new(),
            suspended: 0,
            frames: 0,
            script: script.into(),
            tx: Some(tx),
        }
    }

    fn text(&self) -> String {
        self.terminal.backend().to_string()
    }
}

impl Screen for TestScreen {
    fn size(&mut self) -> io::Result<(u16, u16)> {
        let area = self.terminal.backend().buffer().area;
        Ok((area.width, area.height))
    }
    fn draw(&mut self, model: &Model, keymap: &Keymap, theme: &Theme) -> io::Result<()> {
        let cx = Context {
            model,
            keymap,
            theme,
        };
        self.terminal.draw(|f| ui::draw(f, &cx)).expect("draw");
        self.frames += 1;
        if let Some(part) = self.script.pop_front()
            && let Some(tx) = &self.tx
        {
            for event in part {
                tx.send(event).expect("send");
            }
        }
        if self.script.is_empty() {
            self.tx = None;
        }
        Ok(())
    }
    fn suspend(&mut self) -> io::Result<()> {
        self.suspended += 1;
        Ok(())
    }
    fn copy(&mut self, text: &str) -> io::Result<()> {
        self.copied.push(text.to_string());
        Ok(())
    }
    fn gone(&self) -> bool {
        false
    }
}

/// A search worker that answers every query at once, on the loop's channel, as the real one
/// does from its thread.
struct FakeWorker {
    index: Index,
    articles: Vec<Arc<Article>>,
    tx: Sender<Event>,
    queries: Vec<String>,
    /// Fail every query, as a worker whose thread has died does.
    dead: bool,
}

impl Searching for FakeWorker {
    fn add(&mut self, batch: Vec<Arc<Article>>) -> io::Result<()> {
        self.index.add(&batch);
        self.articles.extend(batch);
        Ok(())
    }
    fn query(&mut self, generation: u64, query: Query) -> io::Result<()> {
        if self.dead {
            return Err(io::Error::other("the search thread has stopped"));
        }
        self.queries.push(format!("{query:?}"));
        let ranked = self.index.search(&self.articles, &query);
        let _ = self.tx.send(Event::Searched(SearchOutcome {
            generation,
            ranked,
            indexed: self.articles.len(),
        }));
        Ok(())
    }
    fn adopt(&mut self, _: Arc<folio::cache::Opened>) -> io::Result<()> {
        Ok(())
    }
    fn save(&mut self, manifest: folio::cache::Manifest) -> io::Result<()> {
        self.queries
            .push(format!("save {} files", manifest.files.len()));
        Ok(())
    }
}

fn key(c: char) -> Event {
    Event::Input(TermEvent::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::NONE,
    )))
}

fn ctrl(c: char) -> Event {
    Event::Input(TermEvent::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )))
}

fn code(code: KeyCode) -> Event {
    Event::Input(TermEvent::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn options() -> Options {
    Options {
        hyperlinks: false,
        searches: Vec::new(),
        actions: Vec::new(),
        accessible: false,
        keymap: Keymap::default(),
        theme: Theme::new(ColorDepth::None),
        mouse: false,
        reading_width: 80,
        fresh: true,
        cache: None,
        notices: Vec::new(),
    }
}

fn bundled() -> Vec<Article> {
    let (articles, skipped) = folio::corpus::load_all(&folio::corpus::bundled());
    assert!(skipped.is_empty());
    articles
}

struct Run {
    exit: io::Result<Exit>,
    screen: TestScreen,
    worker: FakeWorker,
    model: Model,
    store: Store,
}

/// Runs the loop over a script, a part after each frame, until it ends. A dead worker fails
/// every query; a worker with no sender of its own lets the channel close with the script.
fn run(script: Vec<Vec<Event>>, dead: bool, worker_sends: bool) -> Run {
    let (tx, rx) = mpsc::channel();
    let mut worker = FakeWorker {
        index: Index::new(),
        articles: Vec::new(),
        tx: if worker_sends {
            tx.clone()
        } else {
            mpsc::channel().0
        },
        queries: Vec::new(),
        dead,
    };
    let mut screen = TestScreen::new(100, 30, script, tx);
    let mut model = Model::default();
    let mut store = Store::memory_only();
    let options = options();
    let exit = event_loop(
        &mut screen,
        &mut model,
        &mut worker,
        &rx,
        &mut store,
        &options,
    );
    // The frame the loop would draw next, had the script not quit.
    let frames = screen.frames;
    screen
        .draw(&model, &options.keymap, &options.theme)
        .expect("draw");
    screen.frames = frames;
    Run {
        exit,
        screen,
        worker,
        model,
        store,
    }
}

fn loaded(articles: Vec<Article>) -> Event {
    let total = 100;
    Event::Loaded(
        articles,
        vec![Skipped {
            path: "photo.png".into(),
            record: String::new(),
            reason: SkipReason::Binary("PNG image"),
            line: false,
        }],
        Progress { done: 40, total },
    )
}

#[test]
fn a_scripted_session_filters_copies_suspends_and_quits() {
    let mut typing = vec![loaded(bundled()), Event::LoadDone(None), key('/')];
    typing.extend("oslo".chars().map(key));
    let then = vec![code(KeyCode::Enter), key('y'), ctrl('z'), key('q')];
    let run = run(vec![typing, then], false, true);
    assert_eq!(run.exit.expect("loop"), Exit::Quit);
    assert_eq!(run.worker.articles.len(), 5, "the batch reached the worker");
    assert_eq!(run.worker.queries.len(), 4, "one search per letter");
    assert_eq!(run.model.shown().len(), 1, "{}", run.screen.text());
    let title = &run.model.articles()[run.model.shown()[0].id as usize].title;
    assert_eq!(run.screen.copied.len(), 1);
    assert!(run.screen.copied[0].starts_with(title.as_str()));
    assert_eq!(run.screen.suspended, 1);
    let screen = run.screen.text();
    assert!(screen.contains("1/5"), "{screen}");
    assert_eq!(run.model.skipped().len(), 1);
    assert!(!screen.contains("loading"), "loading is done: {screen}");
    assert_eq!(run.store.session().query, "oslo");
}

#[test]
fn the_list_shows_progress_while_loading() {
    let run = run(
        vec![vec![loaded(bundled()[..2].to_vec())], vec![key('q')]],
        false,
        true,
    );
    assert_eq!(run.exit.expect("loop"), Exit::Quit);
    let screen = run.screen.text();
    assert!(screen.contains("2/2 · loading 40%"), "{screen}");
}

#[test]
fn signals_and_a_closed_input_end_the_loop() {
    let sigterm = signal_hook::consts::SIGTERM;
    let run1 = run(vec![vec![Event::Signal(sigterm), key('q')]], false, true);
    assert_eq!(run1.exit.expect("loop"), Exit::Signal(sigterm));
    let run2 = run(vec![vec![Event::InputClosed]], false, true);
    assert_eq!(run2.exit.expect("loop"), Exit::HangUp);
    let run3 = run(
        vec![vec![Event::Signal(signal_hook::consts::SIGHUP)]],
        false,
        true,
    );
    assert_eq!(run3.exit.expect("loop"), Exit::HangUp);
    // Every sender gone after the script: nothing can ever arrive.
    let run4 = run(vec![vec![key('j')]], false, false);
    assert_eq!(run4.exit.expect("loop"), Exit::HangUp);
}

#[test]
fn a_dead_search_worker_ends_the_loop_with_its_error() {
    let run = run(
        vec![vec![loaded(bundled()), key('/'), key('o'), key('q')]],
        true,
        true,
    );
    let err = run.exit.expect_err("a query to a dead worker fails");
    assert!(err.to_string().contains("search thread"), "{err}");
}

#[test]
fn a_storm_of_events_costs_one_frame() {
    let mut storm = vec![loaded(bundled())];
    storm.extend(std::iter::repeat_with(|| key('j')).take(50));
    let run = run(vec![storm, vec![key('q')]], false, true);
    assert_eq!(run.exit.expect("loop"), Exit::Quit);
    assert_eq!(
        run.screen.frames, 2,
        "all waiting events are taken before drawing again"
    );
    assert_eq!(run.model.selected(), 4, "every j was taken");
}

#[test]
fn key_releases_do_nothing() {
    let mut release = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    let run = run(
        vec![vec![
            Event::Input(TermEvent::Key(release)),
            Event::InputClosed,
        ]],
        false,
        true,
    );
    assert_eq!(
        run.exit.expect("loop"),
        Exit::HangUp,
        "a released q does not quit"
    );
}
