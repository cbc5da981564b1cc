//! Search: the query language, the index over the corpus, ranking, hits for highlighting, the
//! [`Searcher`] trait that answers queries (in memory: [`MemoryIndex`]), and a background worker
//! that answers the newest query off the UI thread.
//!
//! Words are maximal runs of alphanumeric characters (see [`words`]); the index, the query
//! parser and the highlighter all use that one tokenizer and the same folding (accents and
//! full-width forms) and word matching, so the hits counted in the list are the hits shown in
//! the reader.

mod bound;
pub(crate) mod column;
mod compile;
mod eval;
mod highlight;
mod hits;
mod index;
mod initials;
mod mapped;
mod matcher;
mod memory;
mod pairs;
mod prefixes;
mod query;
mod rank;
mod searcher;
mod shortcut;
mod spans;
mod vocab;
mod walk;
pub(crate) mod words;
mod worker;

pub use eval::{Ranked, SearchCache, search_once};
pub use highlight::Highlighter;
pub use index::Index;
pub(crate) use index::Interned;
pub use mapped::MappedIndex;
pub use memory::MemoryIndex;
pub use query::Query;
pub use searcher::Searcher;
pub(crate) use vocab::Vocab;
pub use worker::{OnSnapshot, SearchOutcome, SearchWorker, Snapshot, WorkerGone};
