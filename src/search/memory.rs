//! The in-memory [`Searcher`]: an [`Index`] built in this process, the articles it was built
//! from, and the narrowing cache that makes typing a word cheap.

use std::sync::Arc;

use super::eval::{Ranked, SearchCache};
use super::index::Index;
use super::query::Query;
use super::searcher::Searcher;
use super::worker::Snapshot;
use crate::corpus::Article;

/// An [`Index`] with its articles and a [`SearchCache`]; the cache is dropped whenever articles
/// are added, so narrowing starts again from the whole, grown vocabulary.
#[derive(Debug, Default)]
pub struct MemoryIndex {
    /// Shared with a cache writer once loading is done; copied if articles come after that.
    index: Arc<Index>,
    articles: Vec<Arc<Article>>,
    cache: SearchCache,
}

impl MemoryIndex {
    pub fn new() -> MemoryIndex {
        MemoryIndex::default()
    }

    /// The index itself, for callers that need more than ranked ids (highlighting, tests).
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The articles added so far, in id order.
    pub fn articles(&self) -> &[Arc<Article>] {
        &self.articles
    }
}

impl Searcher for MemoryIndex {
    fn add(&mut self, batch: &[Arc<Article>]) {
        if batch.iter().any(|a| a.stored.is_some()) {
            // Paragraphs left in a cache file: the index needs them.
            let full: Vec<Arc<Article>> = batch.iter().map(Article::full).collect();
            Arc::make_mut(&mut self.index).add(&full);
        } else {
            Arc::make_mut(&mut self.index).add(batch);
        }
        self.articles.extend_from_slice(batch);
        // The vocabulary grew: narrowing must start over from the whole vocabulary.
        self.cache = SearchCache::default();
    }

    fn search(&mut self, query: &Query) -> Vec<Ranked> {
        self.index
            .search_cached(&self.articles, query, &mut self.cache)
    }

    fn len(&self) -> usize {
        self.index.len()
    }

    fn vocabulary(&self) -> usize {
        self.index.vocab.len()
    }

    fn snapshot(&self) -> Option<Snapshot> {
        Some(Snapshot {
            index: Some(Arc::clone(&self.index)),
            articles: self.articles.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: &str, body: &str, path: &str) -> Arc<Article> {
        Arc::new(Article {
            title: title.into(),
            paragraphs: vec![body.into()],
            path: path.into(),
            ..Article::default()
        })
    }

    fn corpus() -> Vec<Arc<Article>> {
        let words = [
            "Oslo",
            "talks",
            "Kabul",
            "peace",
            "Taliban",
            "envoy",
            "Khalilzad",
            "said",
            "Doha",
            "government",
            "governor",
            "ceasefire",
        ];
        (0..60)
            .map(|i| {
                let title = format!(
                    "{} {}",
                    words[i % words.len()],
                    words[(i * 7) % words.len()]
                );
                // A small linear congruential generator picks the body's words.
                let mut state = i as u64 + 1;
                let body = (0..12)
                    .map(|_| {
                        state = state
                            .wrapping_mul(6_364_136_223_846_793_005)
                            .wrapping_add(1_442_695_040_888_963_407);
                        words[(state >> 33) as usize % words.len()]
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                article(&title, &body, &format!("a/{i:03}.txt"))
            })
            .collect()
    }

    fn ids(ranked: &[Ranked]) -> Vec<u32> {
        ranked.iter().map(|r| r.id).collect()
    }

    #[test]
    fn batches_rank_as_one_index_built_at_once() {
        let all = corpus();
        let mut whole = Index::new();
        whole.add(&all);
        let mut searcher = MemoryIndex::new();
        for batch in all.chunks(7) {
            searcher.add(batch);
        }
        assert_eq!(searcher.len(), all.len());
        assert_eq!(searcher.vocabulary(), whole.vocab.len());
        for q in [
            "oslo",
            "talib",
            "govern",
            "kabul peace",
            "\"peace envoy\"",
            "said !doha",
            "",
        ] {
            let query = Query::parse(q);
            let expected = whole.search(&all, &query);
            assert!(q.is_empty() || !expected.is_empty(), "{q} finds something");
            assert_eq!(searcher.search(&query), expected, "{q}");
        }
    }

    #[test]
    fn typing_through_the_cache_ranks_as_fresh_searches() {
        let all = corpus();
        let mut searcher = MemoryIndex::new();
        searcher.add(&all);
        let mut fresh = MemoryIndex::new();
        fresh.add(&all);
        for k in 1..="khalilzad".len() {
            let query = Query::parse(&"khalilzad"[..k]);
            let typed = searcher.search(&query);
            fresh.cache = SearchCache::default();
            assert_eq!(typed, fresh.search(&query), "{k} letters");
        }
    }

    #[test]
    fn adding_articles_drops_the_cache_so_narrowing_sees_new_words() {
        let mut searcher = MemoryIndex::new();
        searcher.add(&[article("Oslo", "talks", "a/1.txt")]);
        // Narrow on `ka`: no word of the first batch holds those letters in order.
        assert!(searcher.search(&Query::parse("ka")).is_empty());
        assert!(!searcher.cache.is_empty());
        searcher.add(&[article("Kabul", "envoy", "a/2.txt")]);
        assert!(searcher.cache.is_empty());
        assert_eq!(ids(&searcher.search(&Query::parse("kab"))), [1]);
        assert_eq!(searcher.vocabulary(), 4);
    }

    #[test]
    fn an_empty_batch_changes_nothing() {
        let mut searcher = MemoryIndex::new();
        assert!(searcher.is_empty());
        searcher.add(&[]);
        assert!(searcher.is_empty());
        assert!(searcher.search(&Query::parse("oslo")).is_empty());
        assert!(searcher.search(&Query::parse("")).is_empty());
    }

    #[test]
    fn is_a_searcher_that_can_be_boxed_and_sent() {
        fn sendable<T: Send + 'static>(_: &T) {}
        let mut boxed: Box<dyn Searcher> = Box::new(MemoryIndex::new());
        boxed.add(&[article("Doha", "talks", "a/1.txt")]);
        sendable(&boxed);
        assert_eq!(ids(&boxed.search(&Query::parse("doha"))), [0]);
    }
}
