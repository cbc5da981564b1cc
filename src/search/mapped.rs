//! The [`Searcher`] over a cache file: the index the file holds, searched where it lies, for
//! the articles taken from it, and an index in memory for the files read again because they
//! changed. Each article's answer depends on that article alone, so the two are searched
//! apart, the cache's articles that are gone or changed are dropped, and the rest are ranked
//! together by the rule a single index uses: the answers are those of a cold start.

use std::sync::Arc;

use super::eval::{Ranked, SearchCache};
use super::index::{Index, date_key};
use super::query::Query;
use super::rank::{path_order, rank};
use super::searcher::Searcher;
use super::worker::Snapshot;
use crate::corpus::{Article, Bodies};

/// Articles from a cache file (`base`) and articles read since (`fresh`), under one set of ids.
pub struct MappedIndex {
    base: Index,
    bodies: Arc<dyn Bodies>,
    base_cache: SearchCache,
    /// Per article of the base: its id here, or `u32::MAX` while it has not been added.
    base_id: Vec<u32>,
    fresh: Index,
    fresh_cache: SearchCache,
    /// Per fresh article: its id here.
    fresh_id: Vec<u32>,
    /// Every article added, by id: for paths and dates when ranking.
    articles: Vec<Arc<Article>>,
    date_keys: Vec<u32>,
    /// Per article: its place in path order, for ranking; made at the first search after
    /// articles were added.
    path_order: Option<Vec<u32>>,
}

impl std::fmt::Debug for MappedIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "MappedIndex({} from the cache, {} read, {} in all)",
            self.base.len(),
            self.fresh.len(),
            self.articles.len()
        )
    }
}

impl MappedIndex {
    /// A searcher over `base`, the index of the cache file `bodies`; articles kept in that file
    /// (their [`Article::stored`] says so) are found in it, all others are indexed anew.
    pub fn new(base: Index, bodies: Arc<dyn Bodies>) -> MappedIndex {
        let n = base.len();
        MappedIndex {
            base,
            bodies,
            base_cache: SearchCache::default(),
            base_id: vec![u32::MAX; n],
            fresh: Index::new(),
            fresh_cache: SearchCache::default(),
            fresh_id: Vec::new(),
            articles: Vec::new(),
            date_keys: Vec::new(),
            path_order: None,
        }
    }
}

impl Searcher for MappedIndex {
    fn add(&mut self, batch: &[Arc<Article>]) {
        let mut fresh = Vec::new();
        for a in batch {
            let id = self.articles.len() as u32;
            let kept = a
                .stored
                .as_ref()
                .filter(|s| s.is_in(&self.bodies))
                .and_then(|s| Some((s.id, self.base_id.get_mut(s.id as usize)?)));
            match kept {
                Some((_, slot)) if *slot == u32::MAX => *slot = id,
                _ => {
                    // Not from this cache (or the same article twice): index it here.
                    fresh.push(a.full());
                    self.fresh_id.push(id);
                }
            }
            self.articles.push(Arc::clone(a));
            self.date_keys.push(date_key(a.date.as_deref()));
        }
        self.path_order = None;
        if !fresh.is_empty() {
            self.fresh.add(&fresh);
            self.fresh_cache = SearchCache::default();
        }
    }

    fn search(&mut self, query: &Query) -> Vec<Ranked> {
        if query.is_empty() {
            return Ranked::every(self.articles.len());
        }
        let base_id = &self.base_id;
        let mut ranked: Vec<Ranked> = self
            .base
            .matches(query, &mut self.base_cache)
            .into_iter()
            .filter_map(|r| {
                let id = *base_id.get(r.id as usize)?;
                (id != u32::MAX).then_some(Ranked { id, ..r })
            })
            .collect();
        if !self.fresh.is_empty() {
            let fresh_id = &self.fresh_id;
            ranked.extend(
                self.fresh
                    .matches(query, &mut self.fresh_cache)
                    .into_iter()
                    .filter_map(|r| {
                        let id = *fresh_id.get(r.id as usize)?;
                        Some(Ranked { id, ..r })
                    }),
            );
        }
        let articles = &self.articles;
        let order = self.path_order.get_or_insert_with(|| {
            path_order(articles.len(), (0..articles.len() as u32).collect(), |id| {
                articles.get(id as usize).map_or("", |a| a.path.as_str())
            })
        });
        let dates = &self.date_keys;
        rank(
            &mut ranked,
            |id| dates.get(id as usize).copied().unwrap_or(0),
            order,
        );
        ranked
    }

    fn len(&self) -> usize {
        self.articles.len()
    }

    /// At most this many: a word in both parts counts twice.
    fn vocabulary(&self) -> usize {
        self.base.vocab.len() + self.fresh.vocab.len()
    }

    fn snapshot(&self) -> Option<Snapshot> {
        Some(Snapshot {
            index: None,
            articles: self.articles.clone(),
        })
    }
}
