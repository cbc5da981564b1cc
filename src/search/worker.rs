//! The background search thread: it owns the index, takes batches of articles and queries from
//! the UI, and answers only the newest query, so typing never waits for a stale search.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;

use super::eval::{Ranked, SearchCache};
use super::index::Index;
use super::query::Query;
use crate::corpus::Article;

/// The answer to one query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchOutcome {
    /// The generation the query was sent with.
    pub generation: u64,
    pub ranked: Vec<Ranked>,
}

enum Message {
    Add(Vec<Arc<Article>>),
    Query(u64, Query),
}

/// A handle on the search thread; dropping it stops the thread once its current search ends.
#[derive(Debug)]
pub struct SearchWorker {
    sender: Sender<Message>,
}

impl SearchWorker {
    /// Starts the thread. `on_result` runs on it for every query answered, and again with the
    /// same generation when articles added later change the answer to the latest query.
    pub fn spawn(on_result: impl Fn(SearchOutcome) + Send + 'static) -> SearchWorker {
        let (sender, receiver) = channel();
        thread::Builder::new()
            .name("folio-search".into())
            .spawn(move || run(&receiver, &on_result))
            .map_or_else(
                // Without a thread, nothing is searched; the UI keeps its unfiltered list.
                |_| SearchWorker {
                    sender: channel().0,
                },
                |_| SearchWorker { sender },
            )
    }

    /// Appends articles to the index, in the order the UI received them; ids continue.
    pub fn add(&self, batch: Vec<Arc<Article>>) {
        let _ = self.sender.send(Message::Add(batch));
    }

    /// Asks for `query` to be answered; queries still waiting when a newer one arrives are
    /// dropped unanswered.
    pub fn query(&self, generation: u64, query: Query) {
        let _ = self.sender.send(Message::Query(generation, query));
    }
}

fn run(receiver: &Receiver<Message>, on_result: &dyn Fn(SearchOutcome)) {
    let mut index = Index::new();
    let mut articles: Vec<Arc<Article>> = Vec::new();
    let mut cache = SearchCache::default();
    let mut latest: Option<(u64, Query)> = None;
    while let Ok(first) = receiver.recv() {
        let mut pending = vec![first];
        pending.extend(receiver.try_iter());
        let mut added = false;
        let mut asked = false;
        for message in pending {
            match message {
                Message::Add(batch) => {
                    index.add(&batch);
                    articles.extend(batch);
                    added = true;
                }
                Message::Query(generation, query) => {
                    latest = Some((generation, query));
                    asked = true;
                }
            }
        }
        if let Some((generation, query)) = latest.as_ref().filter(|_| asked || added) {
            if added {
                // The vocabulary grew: narrowing must start over from the whole vocabulary.
                cache = SearchCache::default();
            }
            let ranked = index.search_cached(&articles, query, &mut cache);
            on_result(SearchOutcome {
                generation: *generation,
                ranked,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    fn recv(rx: &mpsc::Receiver<SearchOutcome>) -> SearchOutcome {
        match rx.recv_timeout(Duration::from_secs(10)) {
            Ok(outcome) => outcome,
            Err(e) => panic!("no answer from the worker: {e}"),
        }
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
        let (tx, rx) = mpsc::channel();
        let worker = SearchWorker::spawn(move |o| {
            let _ = tx.send(o);
        });
        worker.add(vec![article("Oslo talks"), article("Kabul")]);
        worker.add(vec![article("Oslo again")]);
        worker.query(7, Query::parse("oslo"));
        let outcome = recv(&rx);
        assert_eq!(outcome.generation, 7);
        let ids: Vec<u32> = outcome.ranked.iter().map(|r| r.id).collect();
        assert_eq!(ids, [0, 2]);
    }

    #[test]
    fn only_the_newest_waiting_query_runs() {
        let (tx, rx) = mpsc::channel();
        let worker = SearchWorker::spawn(move |o| {
            let _ = tx.send(o);
        });
        // Queue several queries behind a batch: the batch and all queries arrive together or
        // in quick succession; whatever runs, the last answer is for the last query and no
        // answer is for a query that was already superseded when the worker looked.
        worker.add(vec![article("Oslo"); 2000]);
        for g in 1..=50 {
            worker.query(g, Query::parse("oslo"));
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
        let (tx, rx) = mpsc::channel();
        let worker = SearchWorker::spawn(move |o| {
            let _ = tx.send(o);
        });
        worker.query(1, Query::parse("oslo"));
        let first = recv(&rx);
        assert!(first.ranked.is_empty());
        worker.add(vec![article("Oslo")]);
        let second = recv(&rx);
        assert_eq!((second.generation, second.ranked.len()), (1, 1));
    }
}
