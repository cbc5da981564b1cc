//! Carrying out what `Model::update` asks for: indexing and searching go to the search worker,
//! the clipboard and suspending to the screen, quitting ends the loop.

use std::io;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::mpsc::Sender;
use std::thread;

use super::{Event, Exit, Screen, external};
use crate::action::Action;
use crate::cache::{Cache, Manifest, Opened};
use crate::corpus::{Article, Bodies};
use crate::model::{Effect, Model};
use crate::search::{Index, MappedIndex, Query, SearchWorker, Snapshot};

/// What the loop needs of a search worker: it answers with `Event::Searched` on the loop's
/// channel. The real one is [`SearchWorker`]; tests give a fake.
pub trait Searching {
    /// Adds articles to the index, in the order the model received them.
    fn add(&mut self, batch: Vec<Arc<Article>>) -> io::Result<()>;
    /// Asks for `query` to be answered with this generation.
    fn query(&mut self, generation: u64, query: Query) -> io::Result<()>;
    /// Searches the cache file `opened` from now on: the articles taken from it follow.
    fn adopt(&mut self, opened: Arc<Opened>) -> io::Result<()>;
    /// Writes the cache file, in the background, once every article sent has been added.
    fn save(&mut self, manifest: Manifest) -> io::Result<()>;
}

/// The search worker, and where its cache files go.
pub struct Worker {
    pub search: SearchWorker,
    /// `None` with `--no-cache`.
    pub cache: Option<Cache>,
    /// For notices from the thread that writes the cache.
    pub tx: Sender<Event>,
    /// The thread writing the cache file, once it has started.
    pub writing: Arc<Mutex<Option<thread::JoinHandle<()>>>>,
}

impl Worker {
    /// Waits for a cache file being written to be finished, saying so on stderr: after the
    /// interface has closed, so that quitting just after a load keeps its cache.
    pub fn finish_writing(&self) {
        let handle = self.writing.lock().ok().and_then(|mut w| w.take());
        if let Some(handle) = handle.filter(|h| !h.is_finished()) {
            eprintln!("folio: finishing the index cache for the next start…");
            let _ = handle.join();
        }
    }
}

impl Searching for Worker {
    fn add(&mut self, batch: Vec<Arc<Article>>) -> io::Result<()> {
        Ok(self.search.add(batch)?)
    }

    fn query(&mut self, generation: u64, query: Query) -> io::Result<()> {
        Ok(self.search.query(generation, query)?)
    }

    fn adopt(&mut self, opened: Arc<Opened>) -> io::Result<()> {
        // The bodies' texts are checked in the background; damaged, the file is set aside so
        // that the next start rebuilds it, and an article opened meanwhile shows no text.
        if let Some(cache) = self.cache.clone() {
            let (opened, tx) = (Arc::clone(&opened), self.tx.clone());
            let _ = thread::Builder::new()
                .name("folio-check".into())
                .spawn(move || {
                    if !opened.bodies_sound() {
                        opened.set_aside_in(&cache);
                        let _ = tx.send(Event::Notice(
                            "the index cache's article texts are damaged: set aside, restart \
                             folio to rebuild it"
                                .into(),
                        ));
                    }
                });
        }
        match opened.index() {
            Ok(index) => {
                let bodies: Arc<dyn Bodies> = opened;
                Ok(self
                    .search
                    .replace(Box::new(MappedIndex::new(index, bodies)))?)
            }
            // The in-memory index takes the articles instead, paragraphs fetched.
            Err(damage) => {
                let _ = self.tx.send(Event::Notice(format!(
                    "the index cache cannot be searched ({damage}): indexing anew"
                )));
                Ok(())
            }
        }
    }

    fn save(&mut self, manifest: Manifest) -> io::Result<()> {
        let Some(cache) = self.cache.clone() else {
            return Ok(());
        };
        let tx = self.tx.clone();
        let writing = Arc::clone(&self.writing);
        Ok(self.search.snapshot(Box::new(move |snapshot| {
            let Some(snapshot) = snapshot else {
                return;
            };
            let spawned = thread::Builder::new()
                .name("folio-cache".into())
                .spawn(move || write_cache(&cache, &manifest, snapshot, &tx));
            if let (Ok(handle), Ok(mut slot)) = (spawned, writing.lock()) {
                *slot = Some(handle);
            }
        }))?)
    }
}

/// Writes a cache file from `snapshot` (indexing the articles first when it holds no whole
/// index) and tells once if it could not.
fn write_cache(cache: &Cache, manifest: &Manifest, snapshot: Snapshot, tx: &Sender<Event>) {
    let index = snapshot.index.unwrap_or_else(|| {
        let mut index = Index::new();
        for chunk in snapshot.articles.chunks(4096) {
            let full: Vec<Arc<Article>> = chunk.iter().map(Article::full).collect();
            index.add(&full);
        }
        Arc::new(index)
    });
    if let Err(e) = cache.save(manifest, &index, &snapshot.articles) {
        let _ = tx.send(Event::Notice(format!(
            "the index cache could not be written in {} ({e}): working without it",
            crate::text::sanitize(&cache.dir.to_string_lossy())
        )));
    }
}

/// Updates the model with `action` and carries out what it asks for; what other programs
/// came to goes back to the model as [`Action::Report`]s (and what those ask for is carried
/// out in turn). `Some(exit)` when an effect ends the loop.
pub fn apply(
    model: &mut Model,
    action: Action,
    screen: &mut impl Screen,
    search: &mut impl Searching,
) -> io::Result<Option<Exit>> {
    let mut effects = model.update(action);
    loop {
        let mut answers = Vec::new();
        if let Some(exit) = carry_out(effects, screen, search, &mut answers)? {
            return Ok(Some(exit));
        }
        if answers.is_empty() {
            return Ok(None);
        }
        effects = answers
            .into_iter()
            .flat_map(|answer| model.update(answer))
            .collect();
    }
}

/// Carries out the effects in order, adding what comes of them for the model to `answers`
/// (what other programs came to, counts); `Some(exit)` when one of them ends the loop.
pub fn carry_out(
    effects: Vec<Effect>,
    screen: &mut impl Screen,
    search: &mut impl Searching,
    answers: &mut Vec<Action>,
) -> io::Result<Option<Exit>> {
    for effect in effects {
        let report = match effect {
            Effect::OpenUrl(url) => Some(external::open_url(&url, screen)?),
            Effect::View(viewer, text) => external::view(viewer, &text, screen)?,
            Effect::Pipe { command, text } => Some(super::pipe::pipe(&command, &text)),
            Effect::Export {
                path,
                roots,
                articles,
            } => Some(super::exporting::export(&path, &roots, &articles)),
            Effect::Count(queries, articles) => {
                answers.push(Action::Counted(count(&queries, &articles)));
                None
            }
            other => {
                if let Some(exit) = carry_out_plain(other, screen, search)? {
                    return Ok(Some(exit));
                }
                None
            }
        };
        answers.extend(report.map(Action::Report));
    }
    Ok(None)
}

/// What each query finds among `articles`, by id: the saved searches' counts. The index is
/// built the first time and kept (the corpus only grows), apart from the search worker's, so
/// counting never disturbs the list's search.
fn count(queries: &[Query], articles: &[Arc<Article>]) -> Vec<Vec<u32>> {
    use crate::search::{MemoryIndex, Searcher};
    thread_local! {
        static INDEX: std::cell::RefCell<MemoryIndex> = std::cell::RefCell::new(MemoryIndex::new());
    }
    INDEX.with(|index| {
        let mut index = index.borrow_mut();
        if let Some(new) = articles.get(index.len()..) {
            index.add(new);
        }
        queries
            .iter()
            .map(|q| {
                if q.is_empty() {
                    (0..articles.len())
                        .filter_map(|i| u32::try_from(i).ok())
                        .collect()
                } else {
                    index.search(q).into_iter().map(|r| r.id).collect()
                }
            })
            .collect()
    })
}

/// The effects that ask nothing back.
fn carry_out_plain(
    effect: Effect,
    screen: &mut impl Screen,
    search: &mut impl Searching,
) -> io::Result<Option<Exit>> {
    match effect {
        Effect::Index(batch) => search.add(batch)?,
        Effect::Search(generation, query) => search.query(generation, query)?,
        Effect::Copy(text) => screen.copy(&text)?,
        Effect::Suspend => screen.suspend()?,
        Effect::Quit => return Ok(Some(Exit::Quit)),
        // Carried out by `carry_out`, which hands their answers back.
        Effect::OpenUrl(_)
        | Effect::View(..)
        | Effect::Pipe { .. }
        | Effect::Export { .. }
        | Effect::Count(..) => {}
    }
    Ok(None)
}
