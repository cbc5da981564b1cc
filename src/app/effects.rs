//! Carrying out what `Model::update` asks for: indexing and searching go to the search worker,
//! the clipboard and suspending to the screen, quitting ends the loop.

use std::io;
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::sync::Mutex;
use std::thread;

use super::{Event, Exit, Screen};
use crate::cache::{Cache, Manifest, Opened};
use crate::corpus::{Article, Bodies};
use crate::model::Effect;
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

/// Carries out the effects in order; `Some(exit)` when one of them ends the loop.
pub fn carry_out(
    effects: Vec<Effect>,
    screen: &mut impl Screen,
    search: &mut impl Searching,
) -> io::Result<Option<Exit>> {
    for effect in effects {
        match effect {
            Effect::Index(batch) => search.add(batch)?,
            Effect::Search(generation, query) => search.query(generation, query)?,
            Effect::Copy(text) => screen.copy(&text)?,
            Effect::Suspend => screen.suspend()?,
            Effect::Quit => return Ok(Some(Exit::Quit)),
        }
    }
    Ok(None)
}
