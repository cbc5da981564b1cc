//! Carrying out what `Model::update` asks for: indexing and searching go to the search worker,
//! the clipboard and suspending to the screen, quitting ends the loop.

use std::io;
use std::sync::Arc;

use super::{Exit, Screen, external};
use crate::action::Action;
use crate::corpus::Article;
use crate::model::{Effect, Model};
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
