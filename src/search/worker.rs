//! The background search thread: it owns a [`Searcher`], takes batches of articles and queries
//! from the UI, and answers only the newest query, so typing never waits for a stale search.

use std::io;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;

use super::eval::Ranked;
use super::index::Index;
use super::query::Query;
use super::searcher::Searcher;
use crate::corpus::Article;

/// The answer to one query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchOutcome {
    /// The generation the query was sent with.
    pub generation: u64,
    pub ranked: Vec<Ranked>,
    /// How many articles the search covered (those added before it ran).
    pub indexed: usize,
}

/// The search thread has stopped (it panicked), so nothing sent to it will be answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the search thread has stopped")]
pub struct WorkerGone;

impl From<WorkerGone> for io::Error {
    fn from(err: WorkerGone) -> io::Error {
        io::Error::other(err)
    }
}

/// What to do with a [`Snapshot`] of the searcher: it runs on the search thread, so it should
/// hand the work to a thread of its own.
pub type OnSnapshot = Box<dyn FnOnce(Option<Snapshot>) + Send>;

/// Everything a cache file is written from: the articles (with or without their paragraphs:
/// [`Article::full`] gives them) and the index, when the searcher holds it whole.
pub struct Snapshot {
    pub index: Option<Arc<Index>>,
    pub articles: Vec<Arc<Article>>,
}

enum Message {
    Add(Vec<Arc<Article>>),
    Query(u64, Query),
    /// Answer from now on with this searcher (before any article was added).
    Replace(Box<dyn Searcher>),
    Snapshot(OnSnapshot),
}

/// A handle on the search thread; dropping it stops the thread once its current search ends.
#[derive(Debug)]
pub struct SearchWorker {
    sender: Sender<Message>,
}

impl SearchWorker {
    /// Starts the thread, which owns `searcher` from then on. `on_result` runs on it for every
    /// query answered, and again with the same generation when articles added later change the
    /// answer to the latest query. Fails when the system cannot start a thread.
    pub fn spawn(
        searcher: impl Searcher + 'static,
        on_result: impl Fn(SearchOutcome) + Send + 'static,
    ) -> io::Result<SearchWorker> {
        SearchWorker::spawn_with(
            thread::Builder::new().name("folio-search".into()),
            searcher,
            on_result,
        )
    }

    /// [`SearchWorker::spawn`] on a thread made by `builder`.
    fn spawn_with(
        builder: thread::Builder,
        searcher: impl Searcher + 'static,
        on_result: impl Fn(SearchOutcome) + Send + 'static,
    ) -> io::Result<SearchWorker> {
        let (sender, receiver) = channel();
        let mut searcher: Box<dyn Searcher> = Box::new(searcher);
        match builder.spawn(move || run(&receiver, &mut searcher, &on_result)) {
            Ok(_) => Ok(SearchWorker { sender }),
            Err(e) => Err(io::Error::new(
                e.kind(),
                format!("cannot start the search thread: {e}"),
            )),
        }
    }

    /// Appends articles to the searcher, in the order the UI received them; ids continue.
    pub fn add(&self, batch: Vec<Arc<Article>>) -> Result<(), WorkerGone> {
        self.sender
            .send(Message::Add(batch))
            .map_err(|_| WorkerGone)
    }

    /// Answers with `searcher` from now on: for a searcher over a cache file, sent before the
    /// first article.
    pub fn replace(&self, searcher: Box<dyn Searcher>) -> Result<(), WorkerGone> {
        self.sender
            .send(Message::Replace(searcher))
            .map_err(|_| WorkerGone)
    }

    /// Calls `then` on the search thread with what the searcher holds, once every article sent
    /// before has been added.
    pub fn snapshot(&self, then: OnSnapshot) -> Result<(), WorkerGone> {
        self.sender
            .send(Message::Snapshot(then))
            .map_err(|_| WorkerGone)
    }

    /// Asks for `query` to be answered; queries still waiting when a newer one arrives are
    /// dropped unanswered.
    pub fn query(&self, generation: u64, query: Query) -> Result<(), WorkerGone> {
        self.sender
            .send(Message::Query(generation, query))
            .map_err(|_| WorkerGone)
    }
}

fn run(
    receiver: &Receiver<Message>,
    searcher: &mut Box<dyn Searcher>,
    on_result: &dyn Fn(SearchOutcome),
) {
    let mut latest: Option<(u64, Query)> = None;
    while let Ok(first) = receiver.recv() {
        let mut pending = vec![first];
        pending.extend(receiver.try_iter());
        let mut added = false;
        let mut asked = false;
        for message in pending {
            match message {
                Message::Add(batch) => {
                    searcher.add(&batch);
                    added = true;
                }
                Message::Query(generation, query) => {
                    latest = Some((generation, query));
                    asked = true;
                }
                Message::Replace(other) => {
                    *searcher = other;
                    added = true;
                }
                Message::Snapshot(then) => then(searcher.snapshot()),
            }
        }
        if let Some((generation, query)) = latest.as_ref().filter(|_| asked || added) {
            let ranked = searcher.search(query);
            on_result(SearchOutcome {
                generation: *generation,
                ranked,
                indexed: searcher.len(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::MemoryIndex;
    use std::sync::mpsc;
    use std::time::{Duration, Instant};

    fn recv(rx: &mpsc::Receiver<SearchOutcome>) -> SearchOutcome {
        match rx.recv_timeout(Duration::from_secs(10)) {
            Ok(outcome) => outcome,
            Err(e) => panic!("no answer from the worker: {e}"),
        }
    }

    /// A worker over an empty in-memory index that sends every answer to the returned channel.
    fn start() -> (SearchWorker, mpsc::Receiver<SearchOutcome>) {
        let (tx, rx) = mpsc::channel();
        let worker = SearchWorker::spawn(MemoryIndex::new(), move |o| {
            let _ = tx.send(o);
        })
        .expect("the search thread starts");
        (worker, rx)
    }

    fn article(title: &str) -> Arc<Article> {
        Arc::new(Article {
            title: title.into(),
            paragraphs: vec!["text".into()],
            ..Article::default()
        })
    }

    #[test]
    fn answers_queries_on_articles_added_before_them() {
        let (worker, rx) = start();
        worker
            .add(vec![article("Oslo talks"), article("Kabul")])
            .unwrap();
        worker.add(vec![article("Oslo again")]).unwrap();
        worker.query(7, Query::parse("oslo")).unwrap();
        let outcome = recv(&rx);
        assert_eq!(outcome.generation, 7);
        let ids: Vec<u32> = outcome.ranked.iter().map(|r| r.id).collect();
        assert_eq!(ids, [0, 2]);
    }

    #[test]
    fn only_the_newest_waiting_query_runs() {
        let (worker, rx) = start();
        // Queue several queries behind a batch: the batch and all queries arrive together or
        // in quick succession; whatever runs, the last answer is for the last query and no
        // answer is for a query that was already superseded when the worker looked.
        worker.add(vec![article("Oslo"); 2000]).unwrap();
        for g in 1..=50 {
            worker.query(g, Query::parse("oslo")).unwrap();
        }
        let mut seen = Vec::new();
        while let Ok(o) = rx.recv_timeout(Duration::from_secs(10)) {
            seen.push(o.generation);
            if o.generation == 50 {
                break;
            }
        }
        assert_eq!(seen.last(), Some(&50));
        assert!(seen.len() < 50, "stale queries were dropped: {seen:?}");
        assert!(seen.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn later_batches_update_the_latest_answer() {
        let (worker, rx) = start();
        worker.query(1, Query::parse("oslo")).unwrap();
        let first = recv(&rx);
        assert!(first.ranked.is_empty());
        worker.add(vec![article("Oslo")]).unwrap();
        let second = recv(&rx);
        assert_eq!((second.generation, second.ranked.len()), (1, 1));
    }

    #[test]
    fn a_thread_that_cannot_start_is_an_error() {
        // No system can give a thread a stack of usize::MAX bytes.
        let builder = thread::Builder::new().stack_size(usize::MAX);
        let result = SearchWorker::spawn_with(builder, MemoryIndex::new(), |_| {});
        let err = result.expect_err("the spawn fails");
        assert!(
            err.to_string()
                .starts_with("cannot start the search thread: "),
            "{err}"
        );
    }

    /// A searcher that fails the way a bug would: it panics when asked anything.
    struct Broken;

    impl Searcher for Broken {
        fn add(&mut self, _: &[Arc<Article>]) {}
        fn search(&mut self, _: &Query) -> Vec<Ranked> {
            panic!("this searcher is broken (the panic is expected)");
        }
        fn len(&self) -> usize {
            0
        }
        fn vocabulary(&self) -> usize {
            0
        }
    }

    #[test]
    fn sending_to_a_thread_that_died_is_an_error() {
        let worker = SearchWorker::spawn(Broken, |_| {}).expect("the search thread starts");
        assert_eq!(worker.add(Vec::new()), Ok(()));
        // The thread panics on its first search and drops its end of the channel; until it has
        // unwound, sends may still be accepted.
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut generation = 0;
        let gone = loop {
            generation += 1;
            match worker.query(generation, Query::parse("oslo")) {
                Err(gone) => break gone,
                Ok(()) if Instant::now() < deadline => thread::sleep(Duration::from_millis(5)),
                Ok(()) => panic!("the dead worker still accepts queries"),
            }
        };
        assert_eq!(gone.to_string(), "the search thread has stopped");
        assert_eq!(worker.add(vec![article("Oslo")]), Err(WorkerGone));
    }
}
