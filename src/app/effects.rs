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
        let mut reports = Vec::new();
        if let Some(exit) = carry_out(effects, screen, search, &mut reports)? {
            return Ok(Some(exit));
        }
        if reports.is_empty() {
            return Ok(None);
        }
        effects = reports
            .into_iter()
            .flat_map(|report| model.update(Action::Report(report)))
            .collect();
    }
}

/// Carries out the effects in order, adding what other programs came to to `reports`;
/// `Some(exit)` when one of them ends the loop.
pub fn carry_out(
    effects: Vec<Effect>,
    screen: &mut impl Screen,
    search: &mut impl Searching,
    reports: &mut Vec<String>,
) -> io::Result<Option<Exit>> {
    for effect in effects {
        match effect {
            Effect::OpenUrl(url) => reports.push(external::open_url(&url, screen)?),
            Effect::View(viewer, text) => reports.extend(external::view(viewer, &text, screen)?),
            Effect::Pipe { command, text } => reports.push(external::pipe(&command, &text)),
            Effect::Export {
                path,
                roots,
                articles,
            } => reports.push(external::export(&path, &roots, &articles)),
            Effect::Index(batch) => search.add(batch)?,
            Effect::Search(generation, query) => search.query(generation, query)?,
            Effect::Copy(text) => screen.copy(&text)?,
            Effect::Suspend => screen.suspend()?,
            Effect::Quit => return Ok(Some(Exit::Quit)),
        }
    }
    Ok(None)
}
