//! The seam between the search worker (and `--filter`) and whatever answers queries: the
//! in-memory [`super::MemoryIndex`], or the [`super::MappedIndex`] over a cache file; the
//! worker and the interface do not know which one answers.

use std::sync::Arc;

use super::eval::Ranked;
use super::query::Query;
use super::worker::Snapshot;
use crate::corpus::Article;

/// Something that takes articles in batches and ranks them for queries.
///
/// Articles get ids in the order they are added, starting at 0 and continuing across batches;
/// [`Ranked::id`] is that id. An implementation owns whatever it needs (the articles, caches),
/// borrows nothing from its caller, and can be moved to the search thread.
pub trait Searcher: Send {
    /// Appends `batch`; its first article gets the id [`Searcher::len`] had before the call.
    /// Articles added change the answers to later searches, never earlier ones.
    fn add(&mut self, batch: &[Arc<Article>]);

    /// The articles matching `query`, best first; every article, in id order, when the query is
    /// empty. Takes `&mut self` so that an implementation can keep what one search learnt for
    /// the next (as when a word is being typed).
    fn search(&mut self, query: &Query) -> Vec<Ranked>;

    /// How many articles have been added.
    fn len(&self) -> usize;

    /// Whether no article has been added.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many distinct words the articles added hold, as the index folds them.
    fn vocabulary(&self) -> usize;

    /// Every article and, when it holds one whole, the index: what a cache file is written
    /// from. `None` when this searcher cannot give them.
    fn snapshot(&self) -> Option<Snapshot> {
        None
    }
}
