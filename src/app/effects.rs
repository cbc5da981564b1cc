//! Carrying out what `Model::update` asks for: indexing and searching go to the search worker,
//! the clipboard and suspending to the screen, quitting ends the loop.

use std::io;
use std::sync::Arc;

use super::{Exit, Screen};
use crate::corpus::Article;
use crate::model::Effect;
use crate::search::{Query, SearchWorker};

/// What the loop needs of a search worker: it answers with `Event::Searched` on the loop's
/// channel. The real one is [`SearchWorker`]; tests give a fake.
pub trait Searching {
    /// Adds articles to the index, in the order the model received them.
    fn add(&mut self, batch: Vec<Arc<Article>>) -> io::Result<()>;
    /// Asks for `query` to be answered with this generation.
    fn query(&mut self, generation: u64, query: Query) -> io::Result<()>;
}

impl Searching for SearchWorker {
    fn add(&mut self, batch: Vec<Arc<Article>>) -> io::Result<()> {
        Ok(SearchWorker::add(self, batch)?)
    }

    fn query(&mut self, generation: u64, query: Query) -> io::Result<()> {
        Ok(SearchWorker::query(self, generation, query)?)
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
